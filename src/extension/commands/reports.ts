import * as vscode from 'vscode';
import { SOURCE_EXTENSIONS } from '../../core/index.ts';
import { localize } from '../l10n.ts';
import { openReport } from '../open.ts';
import { diagnosticProblem, showProblem } from '../problems.ts';
import { isLine, isString, isUri } from './args.ts';
import type { Services } from './services.ts';

/** Open Report: a report of the Reports view, at a heading's line (the view's items pass all three). */
export const openReportCommand = (s: Services) => async (source?: vscode.Uri, id?: string, line?: number) => {
  if (!isUri(source) || !isString(id)) return; // Only the Reports view calls it, with both.
  const imp = await s.reports.load(source);
  const report = imp.reports.find((r) => r.id === id);
  if (!report) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report is no longer in {0}.', source.toString(true)));
    return;
  }
  await openReport(source, report, isLine(line) ? line : undefined);
};

/** Open Report Source… (any file, through a dialog) and Open as Report (a file of the Explorer). */
export const openSource = (s: Services) => async (arg?: vscode.Uri) => {
  const active = vscode.window.activeTextEditor?.document;
  let source = isUri(arg) ? arg : active && isRawSource(active) ? active.uri : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Open as Report'),
      filters: { [vscode.l10n.t('Reports')]: [...SOURCE_EXTENSIONS], [vscode.l10n.t('All files')]: ['*'] },
    });
    source = picked?.[0];
  }
  if (!source) return;
  const imp = await s.reports.load(source);
  if (!imp.reports.length) {
    const error = imp.diagnostics.find((d) => d.severity === 'error');
    const name = source.toString(true);
    const problem = error && diagnosticProblem(error);
    if (problem) void showProblem(problem, (why) => vscode.l10n.t('{0}: {1}', name, why));
    else void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', name, error ? localize(error) : vscode.l10n.t('no report was found in it.')));
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

/** Refresh: scan the workspace again. */
export const refreshReports = (s: Services) => () => s.corpus.refresh();

/** Whether a document is a report source opened as a plain file (not the report document). */
export function isRawSource(doc: vscode.TextDocument): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(doc.uri.path)?.[1]?.toLowerCase();
  return doc.uri.scheme !== 'annals' && ext !== undefined && SOURCE_EXTENSIONS.includes(ext);
}

/** The longest run of letters and CJK in a raw line (tags and entities removed): what to look for in the report's paragraphs. */
export function rawLineProbe(line: string): string {
  const text = line.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
  let best = '';
  for (const m of text.matchAll(/[\p{L}\p{N}\u3001-\u303f\uff01-\uffef，。、；：“”‘’（）《》]+/gu)) if (m[0].length > best.length) best = m[0];
  return best.length >= 4 ? best : '';
}

/**
 * Tag Paragraph in a raw source file: tags live on the report document, so offer to open it there,
 * at the paragraph that holds the cursor's line when it can be found.
 */
export async function offerReportForRawSource(s: Services, editor: vscode.TextEditor): Promise<void> {
  const open = vscode.l10n.t('Open as Report');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('This is the source file of a report. Tags go on the report document: open it as a report?'),
    open,
  );
  if (choice !== open) return;
  const source = editor.document.uri;
  const imp = await s.reports.load(source);
  if (!imp.reports.length) return openSource(s)(source);
  const probe = rawLineProbe(editor.document.lineAt(editor.selection.active.line).text);
  for (const report of imp.reports) {
    const p = probe ? report.paragraphs.find((x) => x.text.includes(probe)) : undefined;
    if (p) {
      await openReport(source, report, p.line);
      return;
    }
  }
  await openSource(s)(source);
}
