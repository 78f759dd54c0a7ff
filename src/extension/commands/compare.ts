import * as vscode from 'vscode';
import { counterpart, flattenOutline, withCounterpart, type ChapterRef, type Direction, type OutlineNode, type SectionRef } from '../../core/index.ts';
import { chapterAt, sectionAt, type AlignmentService } from '../alignment.ts';
import type { Located } from '../corpus.ts';
import type { ComparePanels } from '../comparePanel.ts';
import { headingLabel } from '../l10n.ts';
import { describe } from '../navigation.ts';
import { openReport } from '../open.ts';
import { LANGUAGE } from '../reportUri.ts';
import { isChapterLensArg, isHeadingNode, isWebviewColumn, type ChapterArg, type WebviewColumnArg } from './args.ts';
import type { Services } from './services.ts';

/** A chapter named by the command's argument or by the cursor. */
interface ChapterTarget extends Located {
  chapter: OutlineNode;
  /** The section the heading or the cursor is in, if any. */
  section: OutlineNode | null;
}

/**
 * The chapter a command acts on: a heading of the Reports view, a CodeLens's argument, a column
 * header of the Compare view, or nothing (the chapter under the cursor of the active report
 * editor). A string says why none.
 */
async function resolveChapter(
  alignment: AlignmentService,
  arg: ChapterArg | WebviewColumnArg | undefined,
  compare?: Pick<ComparePanels, 'shownReport'>,
): Promise<ChapterTarget | string> {
  const aligned = await alignment.get();
  let located: Located | undefined;
  let line: number | undefined;
  if (isHeadingNode(arg)) {
    located = aligned.find(arg.source, arg.report.id);
    line = arg.node.line;
  } else if (isChapterLensArg(arg)) {
    located = aligned.find(arg.source, arg.id);
    line = arg.line;
  } else if (isWebviewColumn(arg)) {
    // A column of the Compare view: its report in the series compared (ids repeat across files).
    located = aligned.findById(arg.report, compare?.shownReport(aligned));
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
  return { ...located, chapter, section: sectionAt(chapter, line) };
}

/** The section or chapter a year command acts on: the section the cursor or heading is in, else the chapter. */
const unitOf = (t: ChapterTarget) => t.section ?? t.chapter;

/** Compare Chapter Across Years: from the Reports view, a CodeLens, or the cursor. */
export const compareChapter = (s: Services) => async (arg?: ChapterArg) => {
  const target = await resolveChapter(s.alignment, arg, s.compare);
  if (typeof target === 'string') {
    void vscode.window.showInformationMessage(target);
    return;
  }
  await s.compare.show({ source: target.source.toString(), reportId: target.report.id, line: target.chapter.line, years: null });
};

/** Compare Section Across Years: the section of a heading in the Reports view, or the one under the cursor. */
export const compareSection = (s: Services) => async (arg?: ChapterArg) => {
  const target = await resolveChapter(s.alignment, arg, s.compare);
  if (typeof target === 'string') {
    void vscode.window.showInformationMessage(target);
    return;
  }
  if (!target.section) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not in a section.'));
    return;
  }
  await s.compare.show({ source: target.source.toString(), reportId: target.report.id, line: target.section.line, years: null });
};

/** Go to Same Chapter in Previous/Next Year: the linked chapter, or say so and offer the closest. */
async function gotoYear(alignment: AlignmentService, direction: Direction, arg: ChapterArg | undefined): Promise<void> {
  const target = await resolveChapter(alignment, arg);
  if (typeof target === 'string') {
    void vscode.window.showInformationMessage(target);
    return;
  }
  const aligned = await alignment.get();
  // From inside a section, the matching section; else the chapter.
  const unit = unitOf(target);
  const al = await aligned.of(target.report);
  const report = al && aligned.member(al, target.report);
  // A report in no aligned series has no other years.
  const result = al && report ? counterpart(al, report, unit, direction) : null;
  const open = async (ref: ChapterRef | SectionRef) => {
    const source = aligned.sourceOf(ref.report);
    if (source) await openReport(source, ref.report, ref.node.line);
  };
  if (result?.target) {
    await open(result.target);
    return;
  }
  if (!result?.report) {
    void vscode.window.showInformationMessage(
      direction === 'previous'
        ? vscode.l10n.t('{0} is the earliest report of its series.', String(target.report.year ?? target.report.title))
        : vscode.l10n.t('{0} is the latest report of its series.', String(target.report.year ?? target.report.title)),
    );
    return;
  }
  const year = String(result.report.year ?? '?');
  const title = vscode.l10n.t('No counterpart of “{0}” in {1}.', headingLabel(unit), year);
  if (!result.candidates.length) {
    void vscode.window.showInformationMessage(title);
    return;
  }
  const pick = await vscode.window.showQuickPick(
    result.candidates.map((c) => ({ label: describe(c.ref), description: vscode.l10n.t('similarity {0}', c.score.toFixed(2)), ref: c.ref })),
    {
      title,
      placeHolder:
        unit.kind === 'section'
          ? vscode.l10n.t('The closest sections in {0}: pick one to open it anyway', year)
          : vscode.l10n.t('The closest chapters in {0}: pick one to open it anyway', year),
    },
  );
  if (pick) await open(pick.ref);
}

export const gotoPreviousYear = (s: Services) => (arg?: ChapterArg) => gotoYear(s.alignment, 'previous', arg);
export const gotoNextYear = (s: Services) => (arg?: ChapterArg) => gotoYear(s.alignment, 'next', arg);

/** The heading as printed, as .annals/corpus.json names a unit: label and title. */
const printed = (n: OutlineNode) => `${n.label ?? ''}${n.title}`;

/**
 * Choose Counterpart…: the chapter (or section) in the previous or next year that this one
 * continues, picked by hand from the closest, or none; or back to the aligner's choice. Stored in
 * .annals/corpus.json (shared through git), so every view and `annals align` use it.
 */
export const chooseCounterpart = (s: Services) => async (arg?: ChapterArg | WebviewColumnArg, dir?: unknown) => {
  const target = await resolveChapter(s.alignment, arg, s.compare);
  if (typeof target === 'string') {
    void vscode.window.showInformationMessage(target);
    return;
  }
  const aligned = await s.alignment.get();
  const unit = unitOf(target);
  const al = await aligned.of(target.report);
  const report = al && aligned.member(al, target.report);
  const series = report && al.series.find((x) => x.reports.includes(report));
  const at = series && report ? series.reports.indexOf(report) : -1;
  const neighbours = (['previous', 'next'] as const).filter((d) => series?.reports[d === 'previous' ? at - 1 : at + 1]);
  if (!al || !report || !series || !neighbours.length || target.report.year === null) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This report is in no series with other years.'));
    return;
  }
  let direction: Direction | undefined = dir === 'previous' || dir === 'next' ? dir : neighbours.length === 1 ? neighbours[0] : undefined;
  if (!direction || !neighbours.includes(direction)) {
    const picked = await vscode.window.showQuickPick(
      neighbours.map((d) => ({
        label: String(series.reports[d === 'previous' ? at - 1 : at + 1].year),
        description: d === 'previous' ? vscode.l10n.t('previous year') : vscode.l10n.t('next year'),
        d,
      })),
      { title: vscode.l10n.t('Choose the counterpart of “{0}”: in which year?', headingLabel(unit)) },
    );
    if (!picked) return;
    direction = picked.d;
  }
  const other = series.reports[direction === 'previous' ? at - 1 : at + 1];
  const result = counterpart(al, report, unit, direction, 8);
  // The closest by similarity; when nothing was compared (the chapter has no counterpart there), every unit of that kind.
  const scored = new Map(result.candidates.map((c) => [c.ref.node, c.score] as const));
  const all = flattenOutline(other.outline)
    .map((x) => x.node)
    .filter((n) => n.kind === unit.kind);
  const options = result.candidates.length ? result.candidates.map((c) => c.ref.node) : all;
  if (result.target && !options.includes(result.target.node)) options.unshift(result.target.node);
  const current = result.target?.node ?? null;
  const link = al.lookup.get(unit)?.[direction]?.link;
  type Item = vscode.QuickPickItem & { choice: string | null | undefined };
  const items: Item[] = options.map((n) => ({
    label: printed(n),
    description: [scored.has(n) ? vscode.l10n.t('similarity {0}', scored.get(n)!.toFixed(2)) : '', n === current ? vscode.l10n.t('current') : '']
      .filter(Boolean)
      .join(' · '),
    choice: printed(n),
  }));
  items.push({ label: vscode.l10n.t('None: no counterpart in {0}', String(other.year)), description: current ? '' : vscode.l10n.t('current'), choice: null });
  if (link?.manual || !current) items.push({ label: vscode.l10n.t('Automatic: let Annals choose'), choice: undefined });
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('The counterpart of “{0}” in {1}', headingLabel(unit), String(other.year)),
    placeHolder: vscode.l10n.t('Pick the chapter or section that continues it, or none; the choice is kept in .annals/corpus.json'),
  });
  if (!pick) return;
  const kind = unit.kind === 'section' ? 'section' : 'chapter';
  await s.corrections.update((f) =>
    withCounterpart(
      f,
      { series: series.key, kind, year: target.report.year!, heading: printed(unit), otherYear: other.year!, counterpart: pick.choice },
      new Date().toISOString(),
    ),
  );
};
