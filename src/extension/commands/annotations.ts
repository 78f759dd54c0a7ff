import * as vscode from 'vscode';
import {
  excerpt,
  makeTarget,
  paragraphAt,
  type Annotation,
  type AnnotationStore,
  type Codebook,
  type Report,
  type TagInfo,
  sameCoder,
} from '../../core/index.ts';
import { colorIcon } from '../colors.ts';
import { openReport } from '../open.ts';
import { showProblem } from '../problems.ts';
import { LANGUAGE, parseReportUri } from '../reportUri.ts';
import {
  annotationRef,
  isAnnotationNode,
  isLine,
  isWebviewParagraph,
  parseUriArg,
  type AnnotationArg,
  type AnnotationLinkArg,
  type AnnotationNodeArg,
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
    const located = arg.source !== undefined ? aligned.find(arg.source, arg.report) : aligned.findById(arg.report, s.compare.shownReport(aligned));
    const report = located && (await aligned.full(located));
    const index = report?.paragraphs.findIndex((p) => p.id === arg.paragraph) ?? -1;
    if (!located || !report || index < 0) return vscode.l10n.t('That paragraph is no longer in its report.');
    return { source: located.source, report, paragraph: index };
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
    const coder = s.project.currentCoder();
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
    const author = existing ? undefined : await s.project.author();
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
