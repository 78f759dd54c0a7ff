/**
 * Auto-tag Matching Paragraphs…: its scope (series, years, part, chapters), its matches confirmed in a preview, one
 * annotation a paragraph saved per source.
 */
import * as vscode from 'vscode';
import {
  applyAutoTag,
  type AutoTagScope,
  chapterTitles,
  findMatchesIn,
  groupBySource,
  matchExcerpt,
  matchPlace,
  reportYears,
  headingsByParagraph,
  makeMatcher,
  type AutoTagMatch,
  type Report,
  type ReportHead,
  type Tag,
  type Problem,
  sameCoder,
} from '../../core/index.ts';
import { problemMessage, showProblem } from '../problems.ts';
import { readingReports } from '../progress.ts';
import { isTagNode, type TagNodeArg } from './args.ts';
import type { Services } from './services.ts';

/**
 * The scope of an auto-tag: one series (or all), some of its years, the review or the plan part,
 * some chapters (by title, across the years that have them). Undefined: the user cancelled.
 */
async function chooseScope(
  title: string,
  all: readonly ReportHead[],
  /** The series of a report (a head, or a full report of Corpus.full). */
  seriesOf: (report: ReportHead) => string | undefined,
  series: readonly { key: string; label: string }[],
): Promise<AutoTagScope | undefined> {
  let reports = all;
  const scope: AutoTagScope = {};
  if (series.length > 1) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('All series'), key: undefined as string | undefined },
        ...series.map((g) => ({ label: g.label, key: g.key as string | undefined })),
      ],
      { title, placeHolder: vscode.l10n.t('Only the reports of one series?') },
    );
    if (!pick) return undefined;
    if (pick.key !== undefined) {
      const key = pick.key;
      scope.report = (r) => seriesOf(r) === key;
      reports = all.filter(scope.report);
    }
  }
  const years = reportYears(reports);
  if (years.length > 1) {
    const picked = await vscode.window.showQuickPick(
      years.map((y) => ({ label: String(y), picked: true, year: y })),
      { title, placeHolder: vscode.l10n.t('Which years?'), canPickMany: true },
    );
    if (!picked?.length) return undefined;
    if (picked.length < years.length) {
      scope.years = picked.map((p) => p.year);
      reports = reports.filter((r) => r.year !== null && scope.years!.includes(r.year));
    }
  }
  const part = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('The whole report'), part: undefined as 'review' | 'plan' | undefined },
      { label: vscode.l10n.t('The review part'), description: vscode.l10n.t('工作情况, 工作回顾: what was done'), part: 'review' as const },
      { label: vscode.l10n.t('The plan part'), description: vscode.l10n.t('工作计划, 工作任务, 总体要求: what is to be done'), part: 'plan' as const },
    ],
    { title, placeHolder: vscode.l10n.t('Which part of the reports?') },
  );
  if (!part) return undefined;
  if (part.part) scope.part = part.part;
  const titles = chapterTitles(reports);
  if (titles.length) {
    const chapters = await vscode.window.showQuickPick(
      titles.map((t) => ({ label: t.title, description: vscode.l10n.t('in {0} reports', t.reports) })),
      { title, placeHolder: vscode.l10n.t('Only some chapters? (none checked: every chapter)'), canPickMany: true, matchOnDescription: true },
    );
    if (!chapters) return undefined;
    if (chapters.length) scope.chapters = chapters.map((c) => c.label);
  }
  return scope;
}

/** A paragraph of a search hit or an auto-tag match: its file, report and paragraph (report ids repeat across files). */
const searchKey = (source: string, reportId: string, paragraphId: string) => `${source}\u0000${reportId}\u0000${paragraphId}`;

/**
 * Auto-tag Matching Paragraphs…: plain text or a regular expression, an optional year, a tag
 * (preselected when run on a tag of the Annotations view), a preview of every matching paragraph
 * to confirm, then one whole-paragraph annotation per confirmed paragraph, saved per source.
 */

export const autoTag = (s: Services) => async (arg?: TagNodeArg) => {
  const title = vscode.l10n.t('Auto-tag Matching Paragraphs');
  const mode = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Plain text'), description: vscode.l10n.t('matches the words as typed'), mode: 'text' as const },
      {
        label: vscode.l10n.t('Regular expression'),
        description: vscode.l10n.t('JavaScript syntax, for instance 复议|诉讼 or /行政复议.*案件/'),
        mode: 'regex' as const,
      },
    ],
    { title, placeHolder: vscode.l10n.t('How to match paragraphs') },
  );
  if (!mode) return;
  const check = (v: string) => {
    const m = makeMatcher(v, mode.mode);
    return m.ok ? undefined : problemMessage(m.problem);
  };
  const input = await vscode.window.showInputBox({
    title,
    prompt:
      mode.mode === 'regex'
        ? vscode.l10n.t('A regular expression; paragraphs where it matches are offered for tagging.')
        : vscode.l10n.t('Text; paragraphs that contain it are offered for tagging.'),
    ignoreFocusOut: true,
    validateInput: (v) => (v ? check(v) : undefined),
  });
  if (input === undefined) return;
  const matcher = makeMatcher(input, mode.mode);
  if (!matcher.ok) {
    void showProblem(matcher.problem, (why) => vscode.l10n.t('Nothing was tagged: {0}', why));
    return;
  }

  const groups = await s.corpus.reportsBySource();
  const all = groups.flatMap((g) => g.reports);
  if (!all.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No reports found in this workspace.'));
    return;
  }
  // Where to look: one year (or all), or a scope of series, years, part and chapters.
  let year: number | undefined;
  let scope: AutoTagScope | undefined;
  const years = reportYears(all);
  const { seriesOf, series } = await s.corpus.grouping();
  const narrow = vscode.l10n.t('Choose series, years, part or chapters…');
  // The paragraphs of the Search view's results, when it has some: auto-tag within them only.
  const searched = s.search.current?.result.total ? s.search.current.result : undefined;
  let inSearch: Set<string> | undefined;
  if (years.length > 1 || series.length > 1 || searched) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('All years'), year: undefined as number | undefined },
        ...years.map((y) => ({ label: String(y), year: y as number | undefined })),
        { label: '', kind: vscode.QuickPickItemKind.Separator, year: undefined },
        { label: narrow, year: undefined, scope: true },
        ...(searched
          ? [
              {
                label: vscode.l10n.t('Only the paragraphs of the search results'),
                description: vscode.l10n.t('“{0}”: {1} hits', searched.query, searched.total),
                year: undefined,
                search: true,
              },
            ]
          : []),
      ],
      { title, placeHolder: vscode.l10n.t('Only the reports of one year?') },
    );
    if (!pick) return;
    if ('scope' in pick) {
      scope = await chooseScope(title, all, (r) => seriesOf.get(s.corpus.headOf(r) ?? r), series);
      if (!scope) return;
    } else if ('search' in pick && searched) inSearch = new Set(searched.hits.map((h) => searchKey(h.source, h.reportId, h.paragraph)));
    else year = pick.year;
  }

  const codebook = await s.annotations.codebookForTagging();
  if (!codebook) return;
  let tag: Tag | undefined;
  if (isTagNode(arg)) tag = codebook.tags.find((t) => t.id === arg.tag.id);
  if (!tag) {
    const pick = await vscode.window.showQuickPick(
      codebook.tags.map((t) => ({ label: t.label, description: t.id, detail: t.description, tag: t })),
      { title, placeHolder: vscode.l10n.t('The tag to put on the matching paragraphs'), matchOnDescription: true },
    );
    if (!pick) return;
    tag = pick.tag;
  }

  // A paragraph counts as tagged when this coder tagged it (another coder's tag does not stop
  // them); before the coder is known, anyone's tag counts.
  const coder = s.project.currentCoder();
  // The reports in the year and scope chosen, told by their heads: only those are read in full.
  const inScope = (r: ReportHead) =>
    (year === undefined || r.year === year) && (!scope?.report || scope.report(r)) && (!scope?.years || (r.year !== null && scope.years.includes(r.year)));
  const chosen = groups.map((g) => ({ source: g.source, reports: g.reports.filter(inScope) })).filter((g) => g.reports.length);
  const total = chosen.reduce((n, g) => n + g.reports.length, 0);
  const matched = await readingReports(total, vscode.l10n.t('Reading {0} reports…', total), async (step) => {
    const out: ReturnType<typeof findMatchesIn<vscode.Uri>> = [];
    for (const g of chosen) {
      const existing = (await s.annotations.annotationsOf(g.source, false)).filter((a) => coder === undefined || sameCoder(a.author, coder));
      // One source at a time: the full reports (read again if the cache let them go) are kept only where they match.
      const reports: Report[] = [];
      for (const report of g.reports) {
        if (!step()) return out;
        const full = await s.corpus.full({ source: g.source, report });
        if (full) reports.push(full);
      }
      out.push(...findMatchesIn([{ source: g.source, reports, existing }], matcher, { year, tag: tag.id, ...(scope ? { scope } : {}) }));
    }
    return out;
  });
  if (!matched) return;
  const found = inSearch
    ? matched.filter((f) => inSearch.has(searchKey(f.source.toString(), f.match.report.id, f.match.report.paragraphs[f.match.paragraph]?.id ?? '')))
    : matched;
  if (!found.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No paragraph matches {0}.', matcher.label));
    return;
  }
  await confirmAndTag(s, found, tag, matcher.label);
};

/**
 * The preview and apply of auto-tag, also for a search's results: every matching paragraph in a
 * QuickPick (those that already have the tag unchecked), then one whole-paragraph annotation per
 * confirmed paragraph, saved per source, and a summary. `label` names what matched (“放管服”).
 */
export async function confirmAndTag(s: Services, found: readonly { source: vscode.Uri; match: AutoTagMatch }[], tag: Tag, label: string): Promise<void> {
  // The report's title goes in each line when the workspace has several series.
  const { seriesOf, all } = await s.corpus.grouping();
  const severalSeries = new Set(all.map((l) => seriesOf.get(l.report) ?? null)).size > 1;
  const heads = new Map<Report, ReturnType<typeof headingsByParagraph>>();
  const headings = (r: Report) => {
    let h = heads.get(r);
    if (!h) heads.set(r, (h = headingsByParagraph(r)));
    return h;
  };
  const where = (m: AutoTagMatch) => {
    const place = matchPlace(m, severalSeries, headings);
    return [place.year ?? vscode.l10n.t('(no year)'), place.title ?? '', place.heading].filter((x) => x !== '').join(' · ');
  };
  const already = found.filter((f) => f.match.already).length;
  const items = found.map((f) => ({
    label: matchExcerpt(f.match),
    description: (f.match.already ? vscode.l10n.t('already tagged') + ' · ' : '') + where(f.match),
    picked: !f.match.already,
    found: f,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Tag with “{0}”', tag.label),
    placeHolder: vscode.l10n.t('{0} paragraphs match {1} ({2} already have the tag). Uncheck those not to tag.', found.length, label, already),
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!chosen) return;
  if (!chosen.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing was tagged.'));
    return;
  }

  const author = await s.project.author();
  let added = 0;
  let skipped = 0;
  const errors: Problem[] = [];
  for (const { source, matches } of groupBySource(
    chosen.map((c) => c.found),
    (u) => u.toString(),
  )) {
    const store = await s.annotations.writeStore(source);
    if (store.readOnly) {
      s.annotations.reportError(store, true);
      continue;
    }
    const res = applyAutoTag(store, matches, tag.id, { author });
    skipped += res.skipped;
    errors.push(...res.errors);
    if (res.added.length && (await s.annotations.save(store))) added += res.added.length;
  }
  const summary =
    skipped > 0
      ? vscode.l10n.t('Tagged {0} paragraphs with “{1}”; {2} skipped (they already have it).', added, tag.label, skipped)
      : vscode.l10n.t('Tagged {0} paragraphs with “{1}”.', added, tag.label);
  if (errors.length)
    void vscode.window.showWarningMessage(`${summary} ${vscode.l10n.t('{0} could not be tagged: {1}', errors.length, problemMessage(errors[0]))}`);
  else void vscode.window.showInformationMessage(summary);
}
