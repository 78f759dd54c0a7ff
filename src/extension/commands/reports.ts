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
  let source = isUri(arg) ? arg : undefined;
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
