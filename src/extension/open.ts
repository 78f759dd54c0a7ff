import * as vscode from 'vscode';
import type { Report } from '../core/index.ts';
import { LANGUAGE, reportUri } from './reportUri.ts';

/** Opens a report document and reveals a line (a heading) in it. */
export async function openReport(
  source: vscode.Uri,
  report: Pick<Report, 'id' | 'title' | 'year'>,
  line?: number,
  viewColumn?: vscode.ViewColumn,
): Promise<vscode.TextEditor> {
  const uri = reportUri(source, report.id, report.title, report.year);
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== LANGUAGE) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
  const at = new vscode.Position(Math.min(Math.max(line ?? 0, 0), doc.lineCount - 1), 0);
  const editor = await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(at, at), viewColumn });
  const range = new vscode.Range(at, at);
  editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  // A newly opened editor may still be laying out (word wrap in a narrow group beside the Compare
  // view) and end up scrolled elsewhere; when its visible ranges first change, reveal once more
  // if the line is not among them.
  const settle = vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
    if (e.textEditor !== editor) return;
    settle.dispose();
    if (!e.visibleRanges.some((r) => r.start.line <= at.line && at.line <= r.end.line)) editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  });
  setTimeout(() => settle.dispose(), 2000);
  return editor;
}
