import * as vscode from 'vscode';
import type { Report } from '../core/index.ts';
import type { ReportDocuments } from './documents.ts';
import type { ReportService } from './reportService.ts';
import type { ReportsTree } from './reportsTree.ts';
import { LANGUAGE, reportUri } from './reportUri.ts';
import { localize } from './l10n.ts';

export interface Services {
  reports: ReportService;
  documents: ReportDocuments;
  tree: ReportsTree;
}

type CommandFactory = (s: Services) => (...args: any[]) => unknown;

/** Opens a report document and reveals a line (a heading) in it. */
export async function openReport(source: vscode.Uri, report: Pick<Report, 'id' | 'title' | 'year'>, line?: number): Promise<vscode.TextEditor> {
  const uri = reportUri(source, report.id, report.title, report.year);
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== LANGUAGE) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
  const at = new vscode.Position(Math.min(Math.max(line ?? 0, 0), doc.lineCount - 1), 0);
  const editor = await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(at, at) });
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
  return editor;
}

const openReportCommand: CommandFactory = (s) => async (source: vscode.Uri, id: string, line?: number) => {
  const imp = await s.reports.load(source);
  const report = imp.reports.find((r) => r.id === id);
  if (!report) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report is no longer in {0}.', source.toString(true)));
    return;
  }
  await openReport(source, report, line);
};

/** Open Report Source… (any file) and Open as Report (Explorer). */
const openSource: CommandFactory = (s) => async (arg?: vscode.Uri) => {
  let source = arg instanceof vscode.Uri ? arg : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Open as Report'),
      filters: { [vscode.l10n.t('Reports')]: ['xml', 'rss', 'atom', 'html', 'htm', 'txt'], [vscode.l10n.t('All files')]: ['*'] },
    });
    source = picked?.[0];
  }
  if (!source) return;
  const imp = await s.reports.load(source);
  if (!imp.reports.length) {
    const error = imp.diagnostics.find((d) => d.severity === 'error');
    const why = error ? localize(error) : vscode.l10n.t('no report was found in it.');
    void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', source.toString(true), why));
    return;
  }
  let report = imp.reports[0];
  if (imp.reports.length > 1) {
    const pick = await vscode.window.showQuickPick(
      imp.reports.map((r) => ({ label: r.year !== null ? String(r.year) : '—', description: r.title, report: r })),
      { placeHolder: vscode.l10n.t('{0} reports in this file: pick one', imp.reports.length) },
    );
    if (!pick) return;
    report = pick.report;
  }
  await openReport(source, report);
};

const refresh: CommandFactory = (s) => () => s.tree.refresh();

/** Every command, in one place. */
export const COMMANDS: Record<string, CommandFactory> = {
  'annals.openReport': openReportCommand,
  'annals.openReportSource': openSource,
  'annals.openAsReport': openSource,
  'annals.refreshReports': refresh,
};

export function registerCommands(s: Services): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(s)));
}
