import * as vscode from 'vscode';
import { counterpart, type ChapterRef, type Direction, type OutlineNode, type SectionRef } from '../../core/index.ts';
import { chapterAt, type AlignmentService } from '../alignment.ts';
import type { Located } from '../corpus.ts';
import { headingLabel } from '../l10n.ts';
import { describe } from '../navigation.ts';
import { openReport } from '../open.ts';
import { LANGUAGE } from '../reportUri.ts';
import { isChapterLensArg, isHeadingNode, type ChapterArg } from './args.ts';
import type { Services } from './services.ts';

/** A chapter named by the command's argument or by the cursor. */
interface ChapterTarget extends Located {
  chapter: OutlineNode;
}

/**
 * The chapter a command acts on: a heading of the Reports view, a CodeLens's argument, or
 * nothing (the chapter under the cursor of the active report editor). A string says why none.
 */
async function resolveChapter(alignment: AlignmentService, arg: ChapterArg | undefined): Promise<ChapterTarget | string> {
  const aligned = await alignment.get();
  let located: Located | undefined;
  let line: number | undefined;
  if (isHeadingNode(arg)) {
    located = aligned.find(arg.source, arg.report.id);
    line = arg.node.line;
  } else if (isChapterLensArg(arg)) {
    located = aligned.find(arg.source, arg.id);
    line = arg.line;
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE) return vscode.l10n.t('Open a report and put the cursor in a chapter first.');
    located = await alignment.locateDocument(editor.document.uri);
    line = editor.selection.active.line;
  }
  if (!located || line === undefined) return vscode.l10n.t('This report is not among the reports of the workspace.');
  const chapter = chapterAt(located.report, line);
  if (!chapter) return vscode.l10n.t('The cursor is not in a chapter.');
  return { ...located, chapter };
}

/** Compare Chapter Across Years: from the Reports view, a CodeLens, or the cursor. */
export const compareChapter = (s: Services) => async (arg?: ChapterArg) => {
  const target = await resolveChapter(s.alignment, arg);
  if (typeof target === 'string') {
    void vscode.window.showInformationMessage(target);
    return;
  }
  await s.compare.show({ source: target.source.toString(), reportId: target.report.id, line: target.chapter.line, years: null });
};

/** Go to Same Chapter in Previous/Next Year: the linked chapter, or say so and offer the closest. */
async function gotoYear(alignment: AlignmentService, direction: Direction, arg: ChapterArg | undefined): Promise<void> {
  const target = await resolveChapter(alignment, arg);
  if (typeof target === 'string') {
    void vscode.window.showInformationMessage(target);
    return;
  }
  const aligned = await alignment.get();
  const result = counterpart(aligned.alignment, target.report, target.chapter, direction);
  const open = async (ref: ChapterRef | SectionRef) => {
    const source = aligned.sourceOf.get(ref.report);
    if (source) await openReport(source, ref.report, ref.node.line);
  };
  if (result.target) {
    await open(result.target);
    return;
  }
  if (!result.report) {
    void vscode.window.showInformationMessage(
      direction === 'previous'
        ? vscode.l10n.t('{0} is the earliest report of its series.', String(target.report.year ?? target.report.title))
        : vscode.l10n.t('{0} is the latest report of its series.', String(target.report.year ?? target.report.title)),
    );
    return;
  }
  const year = String(result.report.year ?? '?');
  const title = vscode.l10n.t('No counterpart of “{0}” in {1}.', headingLabel(target.chapter), year);
  if (!result.candidates.length) {
    void vscode.window.showInformationMessage(title);
    return;
  }
  const pick = await vscode.window.showQuickPick(
    result.candidates.map((c) => ({ label: describe(c.ref), description: vscode.l10n.t('similarity {0}', c.score.toFixed(2)), ref: c.ref })),
    { title, placeHolder: vscode.l10n.t('The closest chapters in {0}: pick one to open it anyway', year) },
  );
  if (pick) await open(pick.ref);
}

export const gotoPreviousYear = (s: Services) => (arg?: ChapterArg) => gotoYear(s.alignment, 'previous', arg);
export const gotoNextYear = (s: Services) => (arg?: ChapterArg) => gotoYear(s.alignment, 'next', arg);
