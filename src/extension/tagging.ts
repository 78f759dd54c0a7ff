import * as vscode from 'vscode';
import { excerpt, makeTarget, paragraphAt, removeTag, renameTag, tagUsage, type Annotation, type AnnotationStore, type Codebook, type Report, type TagInfo } from '../core/index.ts';
import type { AlignmentService } from './alignment.ts';
import type { AnnotationService } from './annotations.ts';
import { colorIcon } from './colors.ts';
import type { ReportDocuments } from './documents.ts';
import { showCoreError } from './problems.ts';
import type { ReportService } from './reportService.ts';
import type { Corpus } from './corpus.ts';
import { LANGUAGE, parseReportUri } from './reportUri.ts';

export interface TaggingServices {
  reports: ReportService;
  documents: ReportDocuments;
  alignment: AlignmentService;
  annotations: AnnotationService;
  /** Keeps the recently used tags (the extension's global state). */
  memento?: vscode.Memento;
}

/** A paragraph to act on, with its report and source. */
export interface ParagraphTarget {
  source: vscode.Uri;
  report: Report;
  paragraph: number;
  /** A selection inside the paragraph, in UTF-16 offsets of the report text. */
  selection?: { start: number; end: number };
}

const RECENT_KEY = 'annals.recentTags';

/**
 * The paragraph a command acts on: the Compare webview's context menu gives
 * { report, paragraph (id) }; otherwise the cursor (and selection) of the active report editor.
 */
export async function paragraphTarget(s: TaggingServices, arg?: unknown): Promise<ParagraphTarget | string> {
  const a = arg as { webviewSection?: string; report?: unknown; paragraph?: unknown } | undefined;
  if (a && a.webviewSection === 'paragraph' && typeof a.report === 'string' && typeof a.paragraph === 'string') {
    const found = (await s.alignment.get()).findById(a.report);
    const index = found?.report.paragraphs.findIndex((p) => p.id === a.paragraph) ?? -1;
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
export async function annotationsOn(s: TaggingServices, t: Pick<ParagraphTarget, 'source' | 'report' | 'paragraph'>): Promise<Annotation[]> {
  const placed = await s.annotations.placement(t.source, t.report);
  return (placed.index.byParagraph.get(t.paragraph) ?? []).map((e) => e.annotation);
}

/** Which tags, by a multi-select QuickPick: colours, recently used tags first, the chosen ones picked. */
export async function pickTags(s: TaggingServices, codebook: Codebook, tags: (id: string) => TagInfo, picked: string[], title: string): Promise<string[] | undefined> {
  const recent = (s.memento?.get<string[]>(RECENT_KEY) ?? []).filter((id) => codebook.tags.some((t) => t.id === id));
  type Item = vscode.QuickPickItem & { id?: string };
  const item = (id: string): Item => {
    const t = tags(id);
    const parent = t.parent ? tags(t.parent).label : undefined;
    return { label: t.label, description: !t.known ? vscode.l10n.t('unknown tag {0}', id) : parent ? `${parent} ›` : undefined, detail: t.description || undefined, iconPath: colorIcon(t.color), picked: picked.includes(id), id };
  };
  const items: Item[] = [];
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
  const ids = chosen.map((c) => c.id).filter((id): id is string => !!id);
  await s.memento?.update(RECENT_KEY, [...ids, ...recent.filter((id) => !ids.includes(id))].slice(0, 10));
  return ids;
}

async function editableStore(s: TaggingServices, source: vscode.Uri): Promise<AnnotationStore | undefined> {
  const store = await s.annotations.store(source);
  if (store.readOnly) {
    s.annotations.reportError(store, true);
    return undefined;
  }
  return store;
}

/** Annals: Tag Paragraph. A paragraph that already has a whole-paragraph annotation gets it edited. */
export async function tagParagraph(s: TaggingServices, arg?: unknown): Promise<Annotation | undefined> {
  const t = await paragraphTarget(s, arg);
  if (typeof t === 'string') {
    void vscode.window.showInformationMessage(t);
    return undefined;
  }
  const codebook = await s.annotations.codebookForTagging();
  if (!codebook) return undefined;
  const store = await editableStore(s, t.source);
  if (!store) return undefined;
  const target = makeTarget(t.report, t.paragraph, t.selection);
  if (!target.ok) {
    // Pending the core's Result: makeTarget returns { ok: false, error } in English.
    void showCoreError(target.error);
    return undefined;
  }
  const tags = await s.annotations.tags();
  // A whole-paragraph annotation placed here (also one re-anchored after its text changed) is edited, not doubled.
  const p = t.report.paragraphs[t.paragraph];
  const placed = await s.annotations.placement(t.source, t.report);
  const existing = target.whole
    ? placed.index.byParagraph.get(t.paragraph)?.find((e) => e.anchor.status !== 'needs-review' && e.anchor.start === p.start && e.anchor.end === p.end)?.annotation
    : undefined;
  const what = target.whole ? vscode.l10n.t('Tag paragraph') : vscode.l10n.t('Tag selection');
  const chosen = await pickTags(s, codebook, tags, existing?.tags ?? [], what);
  if (!chosen || !chosen.length) return undefined;
  const note = await vscode.window.showInputBox({ title: vscode.l10n.t('Note (optional, Markdown)'), value: existing?.note ?? '', prompt: vscode.l10n.t('Press Enter to skip.') });
  if (note === undefined) return undefined;
  const author = existing ? undefined : await s.annotations.author();
  const res = existing ? store.update(existing.id, { tags: chosen, note }) : store.add({ report: t.report.id, target: target.target, tags: chosen, note, author });
  if (!res.ok) {
    // Pending the core's Result: AnnotationStore.add/update return { ok: false, error } in English.
    void showCoreError(res.error);
    return undefined;
  }
  await s.annotations.save(store);
  return res.value;
}

/** { source, id } from a hover link, or from a node of the Annotations view ({ type: 'annotation', entry }). */
export function annotationRef(arg: unknown): { source: string; id: string } | undefined {
  const a = arg as { source?: unknown; id?: unknown; type?: unknown; entry?: { source?: unknown; annotation?: { id?: unknown } } } | undefined;
  if (a && typeof a.source === 'string' && typeof a.id === 'string') return { source: a.source, id: a.id };
  if (a && a.type === 'annotation' && a.entry?.source instanceof vscode.Uri && typeof a.entry.annotation?.id === 'string') return { source: a.entry.source.toString(), id: a.entry.annotation.id };
  return undefined;
}

/** The annotation a command acts on: given (a hover link or a view node), or picked among those on the cursor's paragraph. */
async function chooseAnnotation(s: TaggingServices, arg: unknown, placeHolder: string): Promise<{ store: AnnotationStore; annotation: Annotation } | undefined> {
  const a = annotationRef(arg);
  if (a) {
    const store = await s.annotations.store(vscode.Uri.parse(a.source, true));
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
  const store = await s.annotations.store(t.source);
  if (on.length === 1) return { store, annotation: on[0] };
  const tags = await s.annotations.tags();
  const pick = await vscode.window.showQuickPick(
    on.map((annotation) => ({ label: annotation.tags.map((id) => tags(id).label).join(', ') || vscode.l10n.t('(no tags)'), description: excerpt(annotation.target.quote.exact, 40), detail: annotation.note || undefined, annotation })),
    { placeHolder },
  );
  return pick ? { store, annotation: pick.annotation } : undefined;
}

/** Annals: Edit Annotation: its tags, then its note. */
export async function editAnnotation(s: TaggingServices, arg?: unknown): Promise<void> {
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
  // Pending the core's Result: AnnotationStore.update returns { ok: false, error } in English.
  if (!res.ok) void showCoreError(res.error);
  else await s.annotations.save(chosen.store);
}

/** Annals: Remove Annotation. */
export async function removeAnnotation(s: TaggingServices, arg?: unknown): Promise<void> {
  const chosen = await chooseAnnotation(s, arg, vscode.l10n.t('Remove which annotation?'));
  if (!chosen) return;
  const res = chosen.store.remove(chosen.annotation.id);
  if (!res.ok) {
    if (chosen.store.readOnly) s.annotations.reportError(chosen.store, true);
    // Pending the core's Result: AnnotationStore.remove returns { ok: false, error } in English.
    else void showCoreError(res.error);
    return;
  }
  await s.annotations.save(chosen.store);
}

/** Annals: Next / Previous Annotation: the next tagged paragraph after (before) the cursor, wrapping around. */
export async function stepAnnotation(s: TaggingServices, direction: 1 | -1): Promise<void> {
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
  const next = direction === 1 ? paragraphs.find((p) => p > t.paragraph) ?? paragraphs[0] : [...paragraphs].reverse().find((p) => p < t.paragraph) ?? paragraphs[paragraphs.length - 1];
  const p = t.report.paragraphs[next];
  const at = editor.document.positionAt(p.start);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Annals: Attach to Current Paragraph: re-places an orphan or needs-review annotation on the cursor's paragraph. */
export async function attachToCurrentParagraph(s: TaggingServices, arg?: unknown): Promise<void> {
  const a = annotationRef(arg);
  if (!a) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Use this on an annotation in the Annotations view, with its report open at the right paragraph.'));
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
    // Pending the core's Result: makeTarget returns { ok: false, error } in English.
    void showCoreError(target.error);
    return;
  }
  const res = store.update(a.id, { target: target.target, report: t.report.id });
  // Pending the core's Result: AnnotationStore.update returns { ok: false, error } in English.
  if (!res.ok) void showCoreError(res.error);
  else await s.annotations.save(store);
}

/** Annals: Open Codebook (offers to create the default one). */
export async function openCodebook(s: TaggingServices): Promise<void> {
  const codebook = (await s.annotations.codebook()).codebook ?? (await s.annotations.codebookForTagging());
  const uri = s.annotations.codebookUri();
  if (codebook && uri) await vscode.window.showTextDocument(uri);
}

/** Picks one tag of the codebook. */
async function pickOneTag(codebook: Codebook, placeHolder: string): Promise<Codebook['tags'][number] | undefined> {
  const pick = await vscode.window.showQuickPick(
    codebook.tags.map((t) => ({ label: t.label, description: t.id, detail: t.description || undefined, iconPath: colorIcon(t.color), tag: t })),
    { placeHolder },
  );
  return pick?.tag;
}

/** The tag a node of the Annotations view stands for ({ type: 'tag', tag }), if the command came from there. */
function tagOfNode(arg: unknown): string | undefined {
  const a = arg as { type?: unknown; tag?: { id?: unknown } } | undefined;
  return a && a.type === 'tag' && typeof a.tag?.id === 'string' ? a.tag.id : undefined;
}

/** Annals: Rename Tag…: a new label; the id stays, so every annotation keeps the tag. */
export async function renameTagCommand(s: TaggingServices, arg?: unknown): Promise<void> {
  const codebook = (await s.annotations.codebook()).codebook ?? (await s.annotations.codebookForTagging());
  if (!codebook) return;
  const fromNode = tagOfNode(arg);
  const tag = fromNode ? codebook.tags.find((t) => t.id === fromNode) : await pickOneTag(codebook, vscode.l10n.t('Rename which tag?'));
  if (!tag) return;
  const label = await vscode.window.showInputBox({ title: vscode.l10n.t('New label for “{0}”', tag.label), value: tag.label, validateInput: (v) => (v.trim() ? null : vscode.l10n.t('The label must not be empty.')) });
  if (label === undefined) return;
  const error = await s.annotations.editCodebook((cb) => renameTag(cb, tag.id, label));
  // Pending the core's Result: renameTag and parseCodebook return { ok: false, error } in English.
  if (error) void showCoreError(error);
}

/** Annals: Delete Tag…: asks first when annotations use it; they keep its id and show it as unknown. */
export async function deleteTagCommand(s: TaggingServices & { corpus: Pick<Corpus, 'reportsBySource'> }, arg?: unknown): Promise<void> {
  const codebook = (await s.annotations.codebook()).codebook;
  if (!codebook) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no codebook in this workspace yet.'));
    return;
  }
  const fromNode = tagOfNode(arg);
  const tag = fromNode ? codebook.tags.find((t) => t.id === fromNode) : await pickOneTag(codebook, vscode.l10n.t('Delete which tag?'));
  if (!tag) return;
  let used = 0;
  for (const { source } of await s.corpus.reportsBySource()) used += tagUsage((await s.annotations.store(source)).all(), tag.id);
  if (used > 0) {
    const del = vscode.l10n.t('Delete Tag');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} annotations use “{1}”. Delete the tag anyway? The annotations keep it, shown as an unknown tag, until you tag them again.', used, tag.label),
      { modal: true },
      del,
    );
    if (choice !== del) return;
  }
  const error = await s.annotations.editCodebook((cb) => removeTag(cb, tag.id));
  // Pending the core's Result: removeTag and parseCodebook return { ok: false, error } in English.
  if (error) void showCoreError(error);
}
