import * as vscode from 'vscode';
import {
  applyAutoTag,
  type AutoTagScope,
  chapterTitles,
  excerpt,
  findMatchesIn,
  groupBySource,
  type MatchGroup,
  matchExcerpt,
  matchPlace,
  reportYears,
  headingsByParagraph,
  makeMatcher,
  makeTarget,
  paragraphAt,
  type Annotation,
  type AnnotationStore,
  type AutoTagMatch,
  type Codebook,
  type Report,
  type Tag,
  type TagInfo,
  type Problem,
  sameCoder,
} from '../../core/index.ts';
import { colorIcon } from '../colors.ts';
import { openReport } from '../open.ts';
import { problemMessage, showProblem } from '../problems.ts';
import { LANGUAGE, parseReportUri } from '../reportUri.ts';
import {
  annotationRef,
  isAnnotationNode,
  isLine,
  isTagNode,
  isWebviewParagraph,
  parseUriArg,
  type AnnotationArg,
  type AnnotationLinkArg,
  type AnnotationNodeArg,
  type TagNodeArg,
  type WebviewParagraphArg,
} from './args.ts';
import { isRawSource, offerReportForRawSource } from './reports.ts';
import type { Services } from './services.ts';

/** A paragraph to act on, with its report and source. */
interface ParagraphTarget {
  source: vscode.Uri;
  report: Report;
  paragraph: number;
  /** A selection inside the paragraph, in UTF-16 offsets of the report text. */
  selection?: { start: number; end: number };
}

const RECENT_KEY = 'annals.recentTags';
/** Whether a selection shorter than its paragraph is tagged as the whole paragraph (the last choice). */
const WHOLE_KEY = 'annals.tagWholeParagraph';

/**
 * The paragraph a command acts on: the Compare webview's context menu gives
 * { report, paragraph (id) }; otherwise the cursor (and selection) of the active report editor.
 */
async function paragraphTarget(s: Services, arg?: AnnotationArg): Promise<ParagraphTarget | string> {
  if (isWebviewParagraph(arg)) {
    // The paragraph's report in the series the Compare view shows (ids repeat across files).
    const aligned = await s.alignment.get();
    const found = arg.source !== undefined ? aligned.find(arg.source, arg.report) : aligned.findById(arg.report, s.compare.shownReport(aligned));
    const index = found?.report.paragraphs.findIndex((p) => p.id === arg.paragraph) ?? -1;
    if (!found || index < 0) return vscode.l10n.t('That paragraph is no longer in its report.');
    return { source: found.source, report: found.report, paragraph: index };
  }
  const editor = vscode.window.activeTextEditor;
  const ref = editor ? parseReportUri(editor.document.uri) : null;
  if (!editor || !ref || editor.document.languageId !== LANGUAGE) return vscode.l10n.t('Open a report and put the cursor in a paragraph first.');
  const report = await s.documents.reportFor(editor.document.uri);
  if (!report) return vscode.l10n.t('This report could not be read.');
  // The source changed and the editor does not show the new text yet: offsets would not match.
  if (editor.document.getText() !== report.text) return vscode.l10n.t('The report has just changed; try again in a moment.');
  const doc = editor.document;
  const start = doc.offsetAt(editor.selection.start);
  const end = doc.offsetAt(editor.selection.end);
  const paragraph = paragraphAt(report, start);
  if (paragraph === null) return vscode.l10n.t('The cursor is not in a paragraph.');
  const p = report.paragraphs[paragraph];
  const selection = end > start && start >= p.start && end <= p.end ? { start, end } : undefined;
  return { source: ref.source, report, paragraph, selection };
}

/** The annotations placed on a paragraph (needs-review suggestions included). */
async function annotationsOn(s: Services, t: Pick<ParagraphTarget, 'source' | 'report' | 'paragraph'>): Promise<Annotation[]> {
  const placed = await s.annotations.placement(t.source, t.report);
  return (placed.index.byParagraph.get(t.paragraph) ?? []).map((e) => e.annotation);
}

/** Which tags, by a multi-select QuickPick: colours, recently used tags first, the chosen ones picked. */
async function pickTags(
  s: Services,
  codebook: Codebook,
  tags: (id: string) => TagInfo,
  picked: string[],
  title: string,
  option?: { label: string; detail: string; picked: boolean; chosen?: (on: boolean) => void },
): Promise<string[] | undefined> {
  const recent = (s.memento?.get<string[]>(RECENT_KEY) ?? []).filter((id) => codebook.tags.some((t) => t.id === id));
  type Item = vscode.QuickPickItem & { id?: string; option?: true };
  const item = (id: string): Item => {
    const t = tags(id);
    const parent = t.parent ? tags(t.parent).label : undefined;
    return {
      label: t.label,
      description: !t.known ? vscode.l10n.t('unknown tag {0}', id) : parent ? `${parent} ›` : undefined,
      detail: t.description || undefined,
      iconPath: colorIcon(t.color),
      picked: picked.includes(id),
      id,
    };
  };
  const items: Item[] = [];
  // A choice about what to tag rather than a tag (the whole paragraph instead of the selection).
  if (option) items.push({ label: option.label, detail: option.detail, picked: option.picked, iconPath: new vscode.ThemeIcon('whole-word'), option: true });
  if (recent.length) {
    items.push({ label: vscode.l10n.t('Recently used'), kind: vscode.QuickPickItemKind.Separator });
    items.push(...recent.slice(0, 5).map(item));
    items.push({ label: vscode.l10n.t('All tags'), kind: vscode.QuickPickItemKind.Separator });
  }
  const shown = new Set(recent.slice(0, 5));
  items.push(...codebook.tags.filter((t) => !shown.has(t.id)).map((t) => item(t.id)));
  // Tags in use that the codebook does not know are kept and shown, never dropped.
  items.push(...picked.filter((id) => !codebook.tags.some((t) => t.id === id)).map(item));
  const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, title, placeHolder: vscode.l10n.t('Pick one or more tags') });
  if (!chosen) return undefined;
  option?.chosen?.(chosen.some((c) => c.option));
  const ids = chosen.map((c) => c.id).filter((id): id is string => !!id);
  await s.memento?.update(RECENT_KEY, [...ids, ...recent.filter((id) => !ids.includes(id))].slice(0, 10));
  return ids;
}

/** The store the current coder writes to (their own sidecar in independent coding), unless it refuses edits. */
async function editableStore(s: Services, source: vscode.Uri): Promise<AnnotationStore | undefined> {
  const store = await s.annotations.writeStore(source);
  if (store.readOnly) {
    s.annotations.reportError(store, true);
    return undefined;
  }
  return store;
}

/** Annals: Tag Paragraph. A paragraph that already has a whole-paragraph annotation gets it edited. */
export const tagParagraph =
  (s: Services) =>
  async (arg?: WebviewParagraphArg): Promise<Annotation | undefined> => {
    const raw = vscode.window.activeTextEditor;
    if (!isWebviewParagraph(arg) && raw && isRawSource(raw.document)) {
      await offerReportForRawSource(s, raw);
      return undefined;
    }
    const t = await paragraphTarget(s, arg);
    if (typeof t === 'string') {
      void vscode.window.showInformationMessage(t);
      return undefined;
    }
    const codebook = await s.annotations.codebookForTagging();
    if (!codebook) return undefined;
    const store = await editableStore(s, t.source);
    if (!store) return undefined;
    let target = makeTarget(t.report, t.paragraph, t.selection);
    if (!target.ok) {
      void showProblem(target.problem);
      return undefined;
    }
    const tags = await s.annotations.tags();
    // The coder, if known yet (asked after the note otherwise, as before).
    const coder = s.annotations.currentCoder();
    const p = t.report.paragraphs[t.paragraph];
    const placed = await s.annotations.placement(t.source, t.report);
    // A whole-paragraph annotation of this coder placed here (also one re-anchored after its text
    // changed) is edited, not doubled; another coder's is left to them.
    const wholeAnnotation = () =>
      placed.index.byParagraph
        .get(t.paragraph)
        ?.find(
          (e) =>
            e.anchor.status !== 'needs-review' &&
            e.anchor.start === p.start &&
            e.anchor.end === p.end &&
            store.get(e.annotation.id) !== undefined &&
            (coder === undefined || !e.annotation.author || sameCoder(e.annotation.author, coder)),
        )?.annotation;
    let existing = target.value.whole ? wholeAnnotation() : undefined;
    let whole = false;
    let chosen: string[] | undefined;
    if (target.value.whole) chosen = await pickTags(s, codebook, tags, existing?.tags ?? [], vscode.l10n.t('Tag paragraph'));
    else {
      // A selection shorter than its paragraph (after Find, say): the title says so, and the whole paragraph is offered instead.
      const length = (x: string) => Array.from(x).length;
      const selected = length(t.report.text.slice(t.selection!.start, t.selection!.end));
      chosen = await pickTags(s, codebook, tags, [], vscode.l10n.t('Tag selection: {0} of the paragraph’s {1} characters', selected, length(p.text)), {
        label: vscode.l10n.t('Tag the whole paragraph instead'),
        detail: vscode.l10n.t('Remembered for the next selection'),
        picked: s.memento?.get<boolean>(WHOLE_KEY) ?? false,
        chosen: (on) => {
          whole = on;
        },
      });
      if (chosen) await s.memento?.update(WHOLE_KEY, whole);
      if (whole) {
        target = makeTarget(t.report, t.paragraph);
        if (!target.ok) {
          void showProblem(target.problem);
          return undefined;
        }
        existing = wholeAnnotation();
        if (existing && chosen) chosen = [...new Set([...existing.tags, ...chosen])];
      }
    }
    if (!chosen?.length) return undefined;
    const note = await vscode.window.showInputBox({
      title: vscode.l10n.t('Note (optional, Markdown)'),
      value: existing?.note ?? '',
      prompt: vscode.l10n.t('Press Enter to skip.'),
    });
    if (note === undefined) return undefined;
    const author = existing ? undefined : await s.annotations.author();
    const res = existing
      ? store.update(existing.id, { tags: chosen, note })
      : store.add({ report: t.report.id, target: target.value.target, tags: chosen, note, author });
    if (!res.ok) {
      void showProblem(res.problem);
      return undefined;
    }
    await s.annotations.save(store);
    return res.value;
  };

/** The annotation a command acts on: given (a hover link or a view node), or picked among those on the cursor's paragraph. */
async function chooseAnnotation(
  s: Services,
  arg: AnnotationArg | undefined,
  placeHolder: string,
): Promise<{ store: AnnotationStore; annotation: Annotation } | undefined> {
  const a = annotationRef(arg);
  if (a) {
    const source = vscode.Uri.parse(a.source, true);
    const store = (await s.annotations.storeHolding(source, a.id)) ?? (await s.annotations.store(source));
    const annotation = store.get(a.id);
    if (!annotation) {
      void vscode.window.showInformationMessage(vscode.l10n.t('That annotation no longer exists.'));
      return undefined;
    }
    return { store, annotation };
  }
  const t = await paragraphTarget(s, arg);
  if (typeof t === 'string') {
    void vscode.window.showInformationMessage(t);
    return undefined;
  }
  const on = await annotationsOn(s, t);
  if (!on.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This paragraph has no annotation.'));
    return undefined;
  }
  const holding = async (annotation: Annotation) => (await s.annotations.storeHolding(t.source, annotation.id)) ?? (await s.annotations.store(t.source));
  if (on.length === 1) return { store: await holding(on[0]), annotation: on[0] };
  const tags = await s.annotations.tags();
  const pick = await vscode.window.showQuickPick(
    on.map((annotation) => ({
      label: annotation.tags.map((id) => tags(id).label).join(', ') || vscode.l10n.t('(no tags)'),
      description: excerpt(annotation.target.quote.exact, 40),
      detail: annotation.note || undefined,
      annotation,
    })),
    { placeHolder },
  );
  return pick ? { store: await holding(pick.annotation), annotation: pick.annotation } : undefined;
}

/** Annals: Edit Annotation: its tags, then its note. */
export const editAnnotation =
  (s: Services) =>
  async (arg?: AnnotationArg): Promise<void> => {
    const chosen = await chooseAnnotation(s, arg, vscode.l10n.t('Which annotation?'));
    if (!chosen) return;
    if (chosen.store.readOnly) {
      s.annotations.reportError(chosen.store, true);
      return;
    }
    const codebook = (await s.annotations.codebook()).codebook ?? (await s.annotations.codebookForTagging());
    if (!codebook) return;
    const tags = await pickTags(s, codebook, await s.annotations.tags(), chosen.annotation.tags, vscode.l10n.t('Edit annotation'));
    if (!tags) return;
    if (!tags.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('An annotation keeps at least one tag: use Remove Annotation to delete it.'));
      return;
    }
    const note = await vscode.window.showInputBox({ title: vscode.l10n.t('Note (optional, Markdown)'), value: chosen.annotation.note });
    if (note === undefined) return;
    const res = chosen.store.update(chosen.annotation.id, { tags, note });
    if (!res.ok) void showProblem(res.problem);
    else await s.annotations.save(chosen.store);
  };

/** Annals: Remove Annotation. */
export const removeAnnotation =
  (s: Services) =>
  async (arg?: AnnotationArg): Promise<void> => {
    const chosen = await chooseAnnotation(s, arg, vscode.l10n.t('Remove which annotation?'));
    if (!chosen) return;
    const res = chosen.store.remove(chosen.annotation.id);
    if (!res.ok) {
      if (chosen.store.readOnly) s.annotations.reportError(chosen.store, true);
      else void showProblem(res.problem);
      return;
    }
    await s.annotations.save(chosen.store);
  };

/** Annals: Next / Previous Annotation: the next tagged paragraph after (before) the cursor, wrapping around. */
async function stepAnnotation(s: Services, direction: 1 | -1): Promise<void> {
  const t = await paragraphTarget(s);
  const editor = vscode.window.activeTextEditor;
  if (typeof t === 'string' || !editor) {
    void vscode.window.showInformationMessage(typeof t === 'string' ? t : vscode.l10n.t('Open a report first.'));
    return;
  }
  const placed = await s.annotations.placement(t.source, t.report);
  const paragraphs = [...placed.index.byParagraph.keys()].sort((a, b) => a - b);
  if (!paragraphs.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This report has no placed annotations.'));
    return;
  }
  const next =
    direction === 1
      ? (paragraphs.find((p) => p > t.paragraph) ?? paragraphs[0])
      : ([...paragraphs].reverse().find((p) => p < t.paragraph) ?? paragraphs[paragraphs.length - 1]);
  const p = t.report.paragraphs[next];
  const at = editor.document.positionAt(p.start);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export const nextAnnotation = (s: Services) => () => stepAnnotation(s, 1);
export const previousAnnotation = (s: Services) => () => stepAnnotation(s, -1);

/** Annals: Attach to Current Paragraph: re-places an orphan or needs-review annotation on the cursor's paragraph. */
export const attachToCurrentParagraph =
  (s: Services) =>
  async (arg?: AnnotationLinkArg | AnnotationNodeArg): Promise<void> => {
    const a = annotationRef(arg);
    if (!a) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Use this on an annotation in the Annotations view, with its report open at the right paragraph.'),
      );
      return;
    }
    const t = await paragraphTarget(s);
    if (typeof t === 'string') {
      void vscode.window.showInformationMessage(t);
      return;
    }
    if (t.source.toString() !== a.source) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The annotation belongs to another source file: open one of its reports to attach it.'));
      return;
    }
    const store = await editableStore(s, t.source);
    if (!store) return;
    const target = makeTarget(t.report, t.paragraph, t.selection);
    if (!target.ok) {
      void showProblem(target.problem);
      return;
    }
    const res = store.update(a.id, { target: target.value.target, report: t.report.id });
    if (!res.ok) void showProblem(res.problem);
    else await s.annotations.save(store);
  };

// ---------------------------------------------------------------------------------------------
// Auto-tag.

/**
 * The scope of an auto-tag: one series (or all), some of its years, the review or the plan part,
 * some chapters (by title, across the years that have them). Undefined: the user cancelled.
 */
async function chooseScope(
  title: string,
  all: readonly Report[],
  seriesOf: ReadonlyMap<Report, string>,
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
      scope.report = (r) => seriesOf.get(r) === key;
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
      scope = await chooseScope(title, all, seriesOf, series);
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

  const withExisting: MatchGroup<vscode.Uri>[] = [];
  // A paragraph counts as tagged when this coder tagged it (another coder's tag does not stop
  // them); before the coder is known, anyone's tag counts.
  const coder = s.annotations.currentCoder();
  for (const g of groups) {
    const existing = (await s.annotations.annotationsOf(g.source, false)).filter((a) => coder === undefined || sameCoder(a.author, coder));
    withExisting.push({ source: g.source, reports: g.reports, existing });
  }
  const matched = findMatchesIn(withExisting, matcher, { year, tag: tag.id, ...(scope ? { scope } : {}) });
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

  const author = await s.annotations.author();
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

// ---------------------------------------------------------------------------------------------
// The Annotations view: reveal, filter.

/**
 * Reveals an annotation's paragraph. From a click: (source URI string, report id, line); from the
 * view's context menu: the annotation node. An orphan (no line) opens its report at the top.
 */
export const revealAnnotation = (s: Services) => async (arg?: string | AnnotationNodeArg, reportId?: string, line?: number) => {
  let source: vscode.Uri;
  if (typeof arg === 'string') {
    const parsed = parseUriArg(arg);
    if (!parsed) return;
    source = parsed;
    if (!isLine(line)) line = undefined;
  } else if (isAnnotationNode(arg)) {
    source = arg.entry.source;
    reportId = arg.entry.annotation.report;
    line = arg.entry.line ?? undefined;
  } else return;
  const report = reportId !== undefined ? await s.reports.report(source, reportId) : undefined;
  if (!report) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report is no longer in {0}.', source.toString(true)));
    return;
  }
  await openReport(source, report, line);
  if (line === undefined) void vscode.window.showInformationMessage(vscode.l10n.t('The text of this annotation is no longer in the report.'));
};

/** Filter Annotations…: tags (several, or none for any), then text. */
export const filterAnnotations = (s: Services) => async () => {
  const view = s.annotationsView;
  const current = view.filter;
  const entries = await view.entries();
  const counts = new Map<string, number>();
  for (const e of entries) for (const t of e.annotation.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  const { codebook } = await s.annotations.codebook();
  const tag = await s.annotations.tags();
  const ids = [...(codebook?.tags.map((t) => t.id) ?? []), ...[...counts.keys()].filter((id) => !codebook?.tags.some((t) => t.id === id)).sort()];
  let tags: string[] = [];
  if (ids.length) {
    const picked = await vscode.window.showQuickPick(
      ids.map((id) => {
        const info = tag(id);
        const n = counts.get(id) ?? 0;
        return {
          label: info.label,
          description: info.known ? `${id} · ${n}` : vscode.l10n.t('{0} · unknown tag', `${id} · ${n}`),
          picked: current.tags.includes(id),
          id,
        };
      }),
      {
        title: vscode.l10n.t('Filter Annotations'),
        placeHolder: vscode.l10n.t('Show the annotations with these tags (none checked: any tag)'),
        canPickMany: true,
        matchOnDescription: true,
      },
    );
    if (!picked) return;
    tags = picked.map((p) => p.id);
  }
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Annotations'),
    prompt: vscode.l10n.t('Show the annotations whose paragraph, quote or note contains this text (empty: any text)'),
    value: current.text,
  });
  if (text === undefined) return;
  view.setFilter({ tags, text });
};

export const clearAnnotationFilter = (s: Services) => () => s.annotationsView.clearFilter();
