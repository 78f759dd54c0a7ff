import * as vscode from 'vscode';
import {
  applyAutoTag,
  exportRows,
  findMatches,
  headingsByParagraph,
  makeMatcher,
  seriesKey,
  toCsv,
  toJsonl,
  toMarkdown,
  type AutoTagMatch,
  type ExportSource,
  type Report,
  type Tag,
} from '../core/index.ts';
import type { AnnotationService } from './annotations.ts';
import type { AnnotationsNode, AnnotationsView } from './annotationsView.ts';
import type { Services } from './commands.ts';
import { openReport } from './open.ts';
import { showCoreError } from './problems.ts';

export type AnnotationServices = Services & { annotations: AnnotationService; annotationsView: AnnotationsView };
export type AnnotationCommandFactory = (s: AnnotationServices) => (...args: any[]) => unknown;


/** Up to `before` characters before the match and the rest, cut at `max` characters, on one line. */
function matchExcerpt(m: AutoTagMatch, before = 16, max = 80): string {
  const head = Array.from(m.text.slice(0, m.match.start));
  const lead = head.length > before ? '…' + head.slice(-before).join('') : head.join('');
  const rest = Array.from(m.text.slice(m.match.start));
  const room = max - Array.from(lead).length;
  return (lead + (rest.length > room ? rest.slice(0, room).join('') + '…' : rest.join(''))).replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Auto-tag.

/**
 * Auto-tag Matching Paragraphs…: plain text or a regular expression, an optional year, a tag
 * (preselected when run on a tag of the Annotations view), a preview of every matching paragraph
 * to confirm, then one whole-paragraph annotation per confirmed paragraph, saved per source.
 */
const autoTag: AnnotationCommandFactory = (s) => async (arg?: unknown) => {
  const title = vscode.l10n.t('Auto-tag Matching Paragraphs');
  const mode = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Plain text'), description: vscode.l10n.t('matches the words as typed'), mode: 'text' as const },
      { label: vscode.l10n.t('Regular expression'), description: vscode.l10n.t('JavaScript syntax, for instance 复议|诉讼 or /行政复议.*案件/'), mode: 'regex' as const },
    ],
    { title, placeHolder: vscode.l10n.t('How to match paragraphs') },
  );
  if (!mode) return;
  const check = (v: string) => {
    const m = makeMatcher(v, mode.mode);
    // Pending the core's Result: makeMatcher returns { ok: false, error } in English.
    return m.ok ? undefined : m.error;
  };
  const input = await vscode.window.showInputBox({
    title,
    prompt: mode.mode === 'regex' ? vscode.l10n.t('A regular expression; paragraphs where it matches are offered for tagging.') : vscode.l10n.t('Text; paragraphs that contain it are offered for tagging.'),
    ignoreFocusOut: true,
    validateInput: (v) => (v ? check(v) : undefined),
  });
  if (input === undefined) return;
  const matcher = makeMatcher(input, mode.mode);
  if (!matcher.ok) {
    // Pending the core's Result: makeMatcher returns { ok: false, error } in English.
    void showCoreError(matcher.error, (why) => vscode.l10n.t('Nothing was tagged: {0}', why));
    return;
  }

  const groups = await s.corpus.reportsBySource();
  const all = groups.flatMap((g) => g.reports);
  if (!all.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No reports found in this workspace.'));
    return;
  }
  let year: number | undefined;
  const years = [...new Set(all.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  if (years.length > 1) {
    const pick = await vscode.window.showQuickPick(
      [{ label: vscode.l10n.t('All years'), year: undefined as number | undefined }, ...years.map((y) => ({ label: String(y), year: y as number | undefined }))],
      { title, placeHolder: vscode.l10n.t('Only the reports of one year?') },
    );
    if (!pick) return;
    year = pick.year;
  }

  const codebook = await s.annotations.codebookForTagging();
  if (!codebook) return;
  let tag: Tag | undefined;
  const node = arg as AnnotationsNode | undefined;
  if (node && typeof node === 'object' && node.type === 'tag' && node.tag) tag = codebook.tags.find((t) => t.id === node.tag!.id);
  if (!tag) {
    const pick = await vscode.window.showQuickPick(
      codebook.tags.map((t) => ({ label: t.label, description: t.id, detail: t.description, tag: t })),
      { title, placeHolder: vscode.l10n.t('The tag to put on the matching paragraphs'), matchOnDescription: true },
    );
    if (!pick) return;
    tag = pick.tag;
  }

  const found: { source: vscode.Uri; match: AutoTagMatch }[] = [];
  for (const g of groups) {
    const store = await s.annotations.store(g.source);
    for (const match of findMatches(g.reports, matcher, { year, tag: tag.id, existing: store.all() })) found.push({ source: g.source, match });
  }
  if (!found.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No paragraph matches {0}.', matcher.label));
    return;
  }
  const severalSeries = new Set(all.map(seriesKey)).size > 1;
  const heads = new Map<Report, ReturnType<typeof headingsByParagraph>>();
  const where = (m: AutoTagMatch) => {
    let h = heads.get(m.report);
    if (!h) heads.set(m.report, (h = headingsByParagraph(m.report)));
    const r = m.report;
    return [r.year ?? vscode.l10n.t('(no year)'), ...(severalSeries ? [r.title] : []), h[m.paragraph]?.chapter || h[m.paragraph]?.part || ''].filter((x) => x !== '').join(' · ');
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
    placeHolder: vscode.l10n.t('{0} paragraphs match {1} ({2} already have the tag). Uncheck those not to tag.', found.length, matcher.label, already),
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
  const errors: string[] = [];
  const bySource = new Map<string, { source: vscode.Uri; matches: AutoTagMatch[] }>();
  for (const { found: f } of chosen) {
    const g = bySource.get(f.source.toString());
    if (g) g.matches.push(f.match);
    else bySource.set(f.source.toString(), { source: f.source, matches: [f.match] });
  }
  for (const { source, matches } of bySource.values()) {
    const store = await s.annotations.store(source);
    const res = applyAutoTag(store, matches, tag.id, { author });
    skipped += res.skipped;
    errors.push(...res.errors);
    if (res.added.length && (await s.annotations.save(store))) added += res.added.length;
  }
  const summary =
    skipped > 0
      ? vscode.l10n.t('Tagged {0} paragraphs with “{1}”; {2} skipped (they already have it).', added, tag.label, skipped)
      : vscode.l10n.t('Tagged {0} paragraphs with “{1}”.', added, tag.label);
  // Pending the core's Result: applyAutoTag returns its errors in English.
  if (errors.length) void vscode.window.showWarningMessage(`${summary} ${vscode.l10n.t('{0} could not be tagged: {1}', errors.length, errors[0])}`);
  else void vscode.window.showInformationMessage(summary);
};

// ---------------------------------------------------------------------------------------------
// Export.

type Format = 'csv' | 'jsonl' | 'md';

/** Export Annotations…: every annotation of the listed reports' sources, as CSV, JSON Lines or Markdown. */
const exportAnnotations: AnnotationCommandFactory = (s) => async () => {
  const sources: ExportSource[] = [];
  for (const g of await s.corpus.reportsBySource()) {
    const annotations = (await s.annotations.store(g.source)).all();
    if (!annotations.length) continue;
    sources.push({ source: vscode.workspace.asRelativePath(g.source, false), imp: await s.reports.load(g.source), annotations });
  }
  const total = sources.reduce((n, x) => n + x.annotations.length, 0);
  if (!total) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no annotations to export yet.'));
    return;
  }
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: vscode.l10n.t('a table for Excel (UTF-8 with a byte order mark)'), format: 'csv' as Format },
      { label: 'JSON Lines', description: vscode.l10n.t('W3C Web Annotations, one per line'), format: 'jsonl' as Format },
      { label: 'Markdown', description: vscode.l10n.t('a summary grouped by tag'), format: 'md' as Format },
    ],
    { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Export {0} annotations as…', total) },
  );
  if (!pick) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `annotations.${pick.format}`) : undefined,
    filters: { [pick.label]: [pick.format] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export Annotations'),
  });
  if (!target) return;
  const { codebook } = await s.annotations.codebook();
  const rows = exportRows(sources, codebook);
  const text = pick.format === 'csv' ? toCsv(rows) : pick.format === 'jsonl' ? toJsonl(rows) : toMarkdown(rows, codebook);
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.toString(true), e instanceof Error ? e.message : String(e)));
    return;
  }
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} annotations to {1}.', rows.length, vscode.workspace.asRelativePath(target, false)), open);
  if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
};

// ---------------------------------------------------------------------------------------------
// The Annotations view: reveal, filter.

/**
 * Reveals an annotation's paragraph. From a click: (source URI string, report id, line); from the
 * view's context menu: the annotation node. An orphan (no line) opens its report at the top.
 */
const revealAnnotation: AnnotationCommandFactory = (s) => async (arg?: string | AnnotationsNode, reportId?: string, line?: number) => {
  let source: vscode.Uri;
  if (typeof arg === 'string') {
    try {
      source = vscode.Uri.parse(arg, true);
    } catch {
      return;
    }
  }
  else if (arg && arg.type === 'annotation') {
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
const filterAnnotations: AnnotationCommandFactory = (s) => async () => {
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
        return { label: info.label, description: info.known ? `${id} · ${n}` : vscode.l10n.t('{0} · unknown tag', `${id} · ${n}`), picked: current.tags.includes(id), id };
      }),
      { title: vscode.l10n.t('Filter Annotations'), placeHolder: vscode.l10n.t('Show the annotations with these tags (none checked: any tag)'), canPickMany: true, matchOnDescription: true },
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

const clearAnnotationFilter: AnnotationCommandFactory = (s) => () => s.annotationsView.clearFilter();

/** The annotation commands, to merge into COMMANDS. */
export const ANNOTATION_COMMANDS: Record<string, AnnotationCommandFactory> = {
  'annals.autoTag': autoTag,
  'annals.exportAnnotations': exportAnnotations,
  'annals.revealAnnotation': revealAnnotation,
  'annals.filterAnnotations': filterAnnotations,
  'annals.clearAnnotationFilter': clearAnnotationFilter,
};
