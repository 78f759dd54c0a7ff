import * as vscode from 'vscode';
import { SOURCE_EXTENSIONS } from '../core/index.ts';
import type { Corpus } from './corpus.ts';
import type { ReportDocuments } from './documents.ts';
import type { ReportService } from './reportService.ts';
import type { AlignmentService } from './alignment.ts';
import type { AnnotationService } from './annotations.ts';
import type { AnnotationsView } from './annotationsView.ts';
import { ANNOTATION_COMMANDS } from './annotationCommands.ts';
import type { ComparePanels } from './comparePanel.ts';
import { attachToCurrentParagraph, deleteTagCommand, editAnnotation, openCodebook, renameTagCommand, removeAnnotation, stepAnnotation, tagParagraph } from './tagging.ts';
import { gotoYear, resolveChapter } from './navigation.ts';
import { openReport } from './open.ts';
import { localize } from './l10n.ts';
import { diagnosticProblem, showProblem } from './problems.ts';

export interface Services {
  reports: ReportService;
  documents: ReportDocuments;
  corpus: Corpus;
  alignment: AlignmentService;
  compare: ComparePanels;
  annotations: AnnotationService;
  annotationsView: AnnotationsView;
  memento?: vscode.Memento;
}

type CommandFactory = (s: Services) => (...args: any[]) => unknown;

const openReportCommand: CommandFactory = (s) => async (source?: vscode.Uri, id?: string, line?: number) => {
  if (!(source instanceof vscode.Uri) || typeof id !== 'string') return; // Only the Reports view calls it, with both.
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

const refresh: CommandFactory = (s) => () => s.corpus.refresh();

/** Compare Chapter Across Years: from the Reports view, a CodeLens, or the cursor. */
const compareChapter: CommandFactory = (s) => async (arg?: unknown) => {
  const target = await resolveChapter(s.alignment, arg);
  if (typeof target === 'string') {
    void vscode.window.showInformationMessage(target);
    return;
  }
  await s.compare.show({ source: target.source.toString(), reportId: target.report.id, line: target.chapter.line, years: null });
};

const gotoPrevious: CommandFactory = (s) => (arg?: unknown) => gotoYear(s.alignment, 'previous', arg);
const gotoNext: CommandFactory = (s) => (arg?: unknown) => gotoYear(s.alignment, 'next', arg);

/** Every command, in one place. */
export const COMMANDS: Record<string, CommandFactory> = {
  'annals.openReport': openReportCommand,
  'annals.openReportSource': openSource,
  'annals.openAsReport': openSource,
  'annals.refreshReports': refresh,
  'annals.compareChapter': compareChapter,
  'annals.gotoPreviousYear': gotoPrevious,
  'annals.gotoNextYear': gotoNext,
  'annals.tagParagraph': (s) => (arg?: unknown) => tagParagraph(s, arg),
  'annals.editAnnotation': (s) => (arg?: unknown) => editAnnotation(s, arg),
  'annals.removeAnnotation': (s) => (arg?: unknown) => removeAnnotation(s, arg),
  'annals.nextAnnotation': (s) => () => stepAnnotation(s, 1),
  'annals.previousAnnotation': (s) => () => stepAnnotation(s, -1),
  'annals.attachToCurrentParagraph': (s) => (arg?: unknown) => attachToCurrentParagraph(s, arg),
  'annals.openCodebook': (s) => () => openCodebook(s),
  'annals.renameTag': (s) => (arg?: unknown) => renameTagCommand(s, arg),
  'annals.deleteTag': (s) => (arg?: unknown) => deleteTagCommand(s, arg),
  ...ANNOTATION_COMMANDS,
};

export function registerCommands(s: Services): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(s)));
}
