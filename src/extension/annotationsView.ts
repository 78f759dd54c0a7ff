import * as vscode from 'vscode';
import { excerpt, isColor, memoExcerpt, memoPaths, reanchor, type Anchor, type Annotation, type Report, type ReportHead, type TagInfo } from '../core/index.ts';
import type { AnnotationService } from './annotations.ts';
import type { MemoService } from './memos.ts';
import { colorIcon } from './colors.ts';
import type { Corpus } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { localReason } from './problems.ts';

const ANNOTATIONS_VIEW = 'annals.annotations';
/** Context key: the Annotations view is filtered (shows the Clear Filter button). */
export const FILTERED_CONTEXT = 'annals.annotationsFiltered';

/** One annotation of the workspace, placed on its report as the report is now. */
export interface AnnotationEntry {
  source: vscode.Uri;
  /** Null when the report is no longer in its source (the annotation is then an orphan). The Corpus's head. */
  report: ReportHead | null;
  annotation: Annotation;
  anchor: Anchor;
  /** 0-based line of the paragraph it is placed on (the suggestion, for needs-review); null for an orphan. */
  line: number | null;
  /** The paragraph's text where it is placed; the quote for an orphan. */
  text: string;
  tags: TagInfo[];
  /** The key of the report's series in the Corpus's one grouping; null for a report in no series or gone. */
  series: string | null;
}

/** The view's filter. `tags` empty: any tag. `text`: a case-insensitive substring of the paragraph, quote or note. */
export interface AnnotationFilter {
  tags: string[];
  text: string;
}

export type AnnotationsNode =
  | { type: 'tag'; tag: TagInfo | null; entries: AnnotationEntry[] }
  | { type: 'review'; entries: AnnotationEntry[] }
  | { type: 'report'; parent: string; source: vscode.Uri; report: ReportHead | null; reportId: string; label: string; entries: AnnotationEntry[] }
  | { type: 'annotation'; parent: string; entry: AnnotationEntry }
  | { type: 'message'; label: string }
  | { type: 'memos'; memos: MemoRow[] }
  | { type: 'memo'; memo: MemoRow };

/** A memo in the view: a project memo or a report memo, with its path in the workspace folder. */
interface MemoRow {
  kind: 'project' | 'report';
  label: string;
  path: string;
  text: string;
}

const NEEDS_ATTENTION = new Set(['needs-review', 'orphan']);

/** Whether an entry passes the filter. */
function matchesFilter(e: AnnotationEntry, f: AnnotationFilter): boolean {
  if (f.tags.length && !e.annotation.tags.some((t) => f.tags.includes(t))) return false;
  const q = f.text.trim().toLowerCase();
  if (!q) return true;
  return [e.text, e.annotation.target.quote.exact, e.annotation.note].some((s) => s.toLowerCase().includes(q));
}

function isFiltered(f: AnnotationFilter): boolean {
  return f.tags.length > 0 || f.text.trim() !== '';
}

/** A small filled circle of a tag's colour, as an SVG data URI; the tag icon when the colour is not a plain #rgb/#rrggbb. */
function tagIcon(color: string): vscode.Uri | vscode.ThemeIcon {
  return isColor(color) ? colorIcon(color) : new vscode.ThemeIcon('tag');
}

function statusLabel(status: Anchor['status']): string {
  switch (status) {
    case 'needs-review':
      return vscode.l10n.t('needs review');
    case 'orphan':
      return vscode.l10n.t('orphan');
    case 'fuzzy':
      return vscode.l10n.t('moved');
    default:
      return '';
  }
}

const yearLabel = (r: ReportHead | null) => (!r ? vscode.l10n.t('(report not found)') : r.year !== null ? String(r.year) : vscode.l10n.t('(no year)'));
const dateTime = (iso: string) => iso.replace('T', ' ').replace(/:\d\d(?:\.\d+)?Z$/, ' UTC');

/**
 * The Annotations view: every annotation of the reports of the corpus, by tag (codebook order,
 * then unknown tags, then untagged), then by report; and a group of the annotations that need
 * review or lost their text. Filterable by tag and text.
 */
export class AnnotationsView extends Disposable implements vscode.TreeDataProvider<AnnotationsNode> {
  private readonly changed = this.register(new vscode.EventEmitter<AnnotationsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<AnnotationsNode>;
  private loading: Promise<{ entries: AnnotationEntry[]; severalSeries: boolean }> | null = null;
  /** The entries of each source as last gathered: a change of some files gathers those alone. */
  private bySource = new Map<string, AnnotationEntry[]>();
  private current: AnnotationFilter = { tags: [], text: '' };

  constructor(
    private readonly corpus: Pick<Corpus, 'reportsBySource' | 'grouping' | 'onDidChange' | 'full'>,
    private readonly annotations: Pick<
      AnnotationService,
      'store' | 'placement' | 'tags' | 'codebook' | 'onDidChange' | 'annotationsOf' | 'coderFilter' | 'annotatedReports'
    >,
    /** The memos listed under the annotations (their changes reach the view through the annotations' onDidChange). */
    private readonly memos: Pick<MemoService, 'all'>,
  ) {
    super();
    this.register(annotations.onDidChange(() => this.refresh()));
    this.register(corpus.onDidChange((e) => (e?.sources ? this.refreshSources(e.sources) : this.refresh())));
    this.view = this.register(vscode.window.createTreeView(ANNOTATIONS_VIEW, { treeDataProvider: this, showCollapseAll: true }));
    this.showFilter();
  }

  /** Forgets what was gathered and asks the view for its children again. */
  refresh(): void {
    this.loading = null;
    this.showFilter();
    this.changed.fire(undefined);
  }

  /** Some files changed (the corpus updated them alone): gathers their annotations again, keeps the others'. */
  private refreshSources(sources: ReadonlySet<string>): void {
    const previous = this.loading;
    if (previous) {
      const p = previous.then(
        () => this.gather(sources),
        () => this.gather(),
      );
      this.loading = p;
      p.catch(() => {
        if (this.loading === p) this.loading = null;
      });
    }
    this.showFilter();
    this.changed.fire(undefined);
  }

  get filter(): AnnotationFilter {
    return { tags: [...this.current.tags], text: this.current.text };
  }

  setFilter(filter: AnnotationFilter): void {
    this.current = { tags: [...new Set(filter.tags)], text: filter.text.trim() };
    this.showFilter();
    this.changed.fire(undefined);
  }

  clearFilter(): void {
    this.setFilter({ tags: [], text: '' });
  }

  private showFilter(): void {
    const f = this.current;
    const coders = this.annotations.coderFilter;
    const coderText = Array.isArray(coders) ? vscode.l10n.t('coders: {0}', coders.join(', ')) : undefined;
    if (!isFiltered(f)) this.view.description = coderText;
    else {
      // Labels when the tags are known (the lookup is async; ids until then).
      const parts = [...f.tags, ...(f.text ? [`“${f.text}”`] : []), ...(coderText ? [coderText] : [])];
      this.view.description = vscode.l10n.t('Filtered: {0}', parts.join(', '));
      void this.annotations.tags().then((tag) => {
        if (this.current !== f) return;
        this.view.description = vscode.l10n.t(
          'Filtered: {0}',
          [...f.tags.map((t) => tag(t).label), ...(f.text ? [`“${f.text}”`] : []), ...(coderText ? [coderText] : [])].join(', '),
        );
      });
    }
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, isFiltered(f));
  }

  /** Every annotation of the listed reports' sources (unfiltered), placed; gathered once until a change. */
  async entries(): Promise<AnnotationEntry[]> {
    return (await this.load()).entries;
  }

  private load(): Promise<{ entries: AnnotationEntry[]; severalSeries: boolean }> {
    if (!this.loading) {
      const p: Promise<{ entries: AnnotationEntry[]; severalSeries: boolean }> = this.gather().catch((e) => {
        // Not cached: the next look tries again.
        if (this.loading === p) this.loading = null;
        throw e;
      });
      this.loading = p;
    }
    return this.loading;
  }

  /**
   * Places the annotations of every source, or of `only` (URI strings), keeping the entries of the
   * other sources as last gathered (their reports and annotations did not change; their series are read again).
   */
  private async gather(only?: ReadonlySet<string>): Promise<{ entries: AnnotationEntry[]; severalSeries: boolean }> {
    const bySource = await this.corpus.reportsBySource();
    const { seriesOf } = await this.corpus.grouping();
    const tag = await this.annotations.tags();
    const kept = only ? this.bySource : new Map<string, AnnotationEntry[]>();
    const gathered = new Map<string, AnnotationEntry[]>();
    let entries: AnnotationEntry[] = [];
    const entry = (source: vscode.Uri, report: ReportHead | null, full: Report | null, annotation: Annotation, anchor: Anchor): AnnotationEntry => {
      const p = full && anchor.paragraph !== null ? full.paragraphs[anchor.paragraph] : undefined;
      return {
        source,
        report,
        annotation,
        anchor,
        line: p?.line ?? null,
        text: p?.text ?? annotation.target.quote.exact,
        tags: annotation.tags.map(tag),
        series: (report && seriesOf.get(report)) ?? null,
      };
    };
    for (const { source, reports } of bySource) {
      const key = source.toString();
      const old = only && !only.has(key) ? kept.get(key) : undefined;
      if (old) {
        for (const e of old) e.series = (e.report && seriesOf.get(e.report)) ?? null;
        gathered.set(key, old);
        continue;
      }
      entries = [];
      gathered.set(key, entries);
      // Only the reports with annotations are read in full (their texts may have been let go: Corpus.full).
      const annotated = await this.annotations.annotatedReports(source);
      // The reports whose annotations are placed; those of any other are listed as orphans below.
      const ids = new Set<string>();
      for (const report of reports) {
        if (!annotated.has(report.id)) {
          ids.add(report.id);
          continue;
        }
        const full = await this.corpus.full({ source, report });
        if (!full) continue;
        ids.add(report.id);
        const placed = await this.annotations.placement(source, full);
        placed.annotations.forEach((a, k) => entries.push(entry(source, report, full, a, placed.anchors[k])));
      }
      // Annotations of a report that is gone from the source (or could not be read again): orphans, still listed.
      const lost = (await this.annotations.annotationsOf(source)).filter((a) => !ids.has(a.report));
      reanchor(null, lost).forEach((anchor, k) => entries.push(entry(source, null, null, lost[k], anchor)));
    }
    this.bySource = gathered;
    entries = [...gathered.values()].flat();
    // The one grouping: reports with no year count as one more group.
    return { entries, severalSeries: new Set(bySource.flatMap((g) => g.reports.map((r) => seriesOf.get(r) ?? null))).size > 1 };
  }

  async getChildren(node?: AnnotationsNode): Promise<AnnotationsNode[]> {
    if (!node) {
      const { entries } = await this.load();
      const memos = await this.memoRows();
      const memoNode: AnnotationsNode[] = memos.length ? [{ type: 'memos', memos }] : [];
      if (!entries.length) return memoNode; // the welcome view when there is nothing
      const shown = entries.filter((e) => matchesFilter(e, this.current));
      if (!shown.length) return [{ type: 'message', label: vscode.l10n.t('No annotations match the filter.') }, ...memoNode];
      return [...(await this.topLevel(shown)), ...memoNode];
    }
    switch (node.type) {
      case 'memos':
        return node.memos.map((memo) => ({ type: 'memo', memo }));
      case 'tag':
        return this.byReport(node.tag?.id ?? '', node.entries);
      case 'report':
        return node.entries.map((entry) => ({ type: 'annotation', parent: `${node.parent}/${node.source.toString()}#${node.reportId}`, entry }));
      case 'review':
        return sortEntries(node.entries).map((entry) => ({ type: 'annotation', parent: 'review', entry }));
      default:
        return [];
    }
  }

  private async topLevel(shown: AnnotationEntry[]): Promise<AnnotationsNode[]> {
    const tag = await this.annotations.tags();
    const byTag = new Map<string, AnnotationEntry[]>();
    const untagged: AnnotationEntry[] = [];
    for (const e of shown) {
      if (!e.annotation.tags.length) untagged.push(e);
      for (const t of e.annotation.tags) {
        if (this.current.tags.length && !this.current.tags.includes(t)) continue;
        const list = byTag.get(t);
        if (list) list.push(e);
        else byTag.set(t, [e]);
      }
    }
    // Known tags in codebook order, then unknown ids (kept, never dropped), then untagged.
    const known: { info: TagInfo; entries: AnnotationEntry[] }[] = [];
    const unknown: { info: TagInfo; entries: AnnotationEntry[] }[] = [];
    for (const [id, entries] of byTag) (tag(id).known ? known : unknown).push({ info: tag(id), entries });
    const order = await this.codebookOrder();
    known.sort((a, b) => (order.get(a.info.id) ?? 0) - (order.get(b.info.id) ?? 0));
    unknown.sort((a, b) => (a.info.id < b.info.id ? -1 : 1));
    const out: AnnotationsNode[] = [...known, ...unknown].map((g) => ({ type: 'tag', tag: g.info, entries: g.entries }));
    if (untagged.length) out.push({ type: 'tag', tag: null, entries: untagged });
    const review = shown.filter((e) => NEEDS_ATTENTION.has(e.anchor.status));
    if (review.length) out.push({ type: 'review', entries: review });
    return out;
  }

  /** The project memos, then the report memos (labelled by their first line). */
  private async memoRows(): Promise<MemoRow[]> {
    const m = await this.memos.all();
    return [
      ...m.project.map((p): MemoRow => ({ kind: 'project', label: p.name, path: memoPaths.project(p.name), text: p.text })),
      ...Object.entries(m.reports)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, text]): MemoRow => ({ kind: 'report', label: memoExcerpt(text, 60) || id, path: memoPaths.report(id), text })),
    ];
  }

  private async codebookOrder(): Promise<Map<string, number>> {
    const cb = (await this.annotations.codebook()).codebook;
    return new Map((cb?.tags ?? []).map((t, i) => [t.id, i]));
  }

  private async byReport(tagId: string, entries: AnnotationEntry[]): Promise<AnnotationsNode[]> {
    const { severalSeries } = await this.load();
    const groups = new Map<string, Extract<AnnotationsNode, { type: 'report' }>>();
    for (const e of entries) {
      const key = `${e.source.toString()}#${e.annotation.report}`;
      let g = groups.get(key);
      if (!g) {
        const label = severalSeries && e.report ? `${yearLabel(e.report)} · ${e.report.title}` : yearLabel(e.report);
        groups.set(
          key,
          (g = { type: 'report', parent: `tag:${tagId}`, source: e.source, report: e.report, reportId: e.annotation.report, label, entries: [] }),
        );
      }
      g.entries.push(e);
    }
    const list = [...groups.values()];
    list.forEach((g) => (g.entries = sortEntries(g.entries)));
    return list.sort(
      (a, b) =>
        (b.report?.year ?? -1) - (a.report?.year ?? -1) ||
        (a.report?.title ?? '').localeCompare(b.report?.title ?? '') ||
        a.source.toString().localeCompare(b.source.toString()),
    );
  }

  getTreeItem(node: AnnotationsNode): vscode.TreeItem {
    switch (node.type) {
      case 'tag': {
        const t = node.tag;
        const item = new vscode.TreeItem(t ? t.label : vscode.l10n.t('(untagged)'), vscode.TreeItemCollapsibleState.Collapsed);
        const count = String(node.entries.length);
        item.description = t && !t.known ? vscode.l10n.t('{0} · unknown tag', count) : count;
        const tip = t
          ? new vscode.MarkdownString().appendText(
              t.known ? `${t.label} (${t.id})\n${t.description}` : vscode.l10n.t('Unknown tag “{0}”: not in the codebook. Annotations keep it.', t.id),
            )
          : undefined;
        // The code memo, as untrusted Markdown (it comes from a teammate's codebook).
        if (tip && t?.memo)
          tip
            .appendMarkdown('\n\n---\n\n')
            .appendText(`${vscode.l10n.t('Code memo')}: `)
            .appendMarkdown(t.memo);
        if (t?.memo) item.description = `${item.description} · ${vscode.l10n.t('memo')}`;
        item.tooltip = tip ?? vscode.l10n.t('Annotations without a tag');
        item.iconPath = t ? tagIcon(t.color) : new vscode.ThemeIcon('circle-outline');
        item.contextValue = t ? (t.known ? 'annals.tag' : 'annals.unknownTag') : 'annals.untagged';
        item.id = `tag:${t?.id ?? ''}`;
        return item;
      }
      case 'review': {
        const item = new vscode.TreeItem(vscode.l10n.t('Needs review / orphans'), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.entries.length);
        item.tooltip = vscode.l10n.t('Annotations whose text changed too much to be placed with confidence, or is gone from the report.');
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.contextValue = 'annals.annotationReview';
        item.id = 'review';
        return item;
      }
      case 'report': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.entries.length);
        item.tooltip = new vscode.MarkdownString().appendText(`${node.report?.title ?? vscode.l10n.t('(report not found)')}\n${node.source.toString(true)}`);
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = 'annals.annotationReport';
        item.id = `${node.parent}/${node.source.toString()}#${node.reportId}`;
        return item;
      }
      case 'annotation':
        return this.annotationItem(node);
      case 'memos': {
        const item = new vscode.TreeItem(vscode.l10n.t('Memos'), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.memos.length);
        item.tooltip = vscode.l10n.t('Project memos (.annals/memos) and report memos (.annals/memos/reports)');
        item.iconPath = new vscode.ThemeIcon('notebook');
        item.contextValue = 'annals.memos';
        item.id = 'memos';
        return item;
      }
      case 'memo': {
        const m = node.memo;
        const item = new vscode.TreeItem(m.label, vscode.TreeItemCollapsibleState.None);
        item.description = m.kind === 'project' ? vscode.l10n.t('project memo') : vscode.l10n.t('report memo');
        // Memos come from files: shown as untrusted Markdown.
        item.tooltip = new vscode.MarkdownString(m.text.slice(0, 2000));
        item.iconPath = new vscode.ThemeIcon(m.kind === 'project' ? 'notebook' : 'book');
        item.id = `memo:${m.path}`;
        const folder = vscode.workspace.workspaceFolders?.[0];
        if (folder) item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Memo'), arguments: [vscode.Uri.joinPath(folder.uri, m.path)] };
        return item;
      }
      default: {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  private annotationItem(node: Extract<AnnotationsNode, { type: 'annotation' }>): vscode.TreeItem {
    const { entry: e } = node;
    const a = e.annotation;
    const status = statusLabel(e.anchor.status);
    const item = new vscode.TreeItem(excerpt(e.text) || vscode.l10n.t('(empty)'), vscode.TreeItemCollapsibleState.None);
    if (node.parent === 'review') {
      item.description = [yearLabel(e.report), status, localReason(e.anchor.reason)].filter(Boolean).join(' · ');
    } else {
      item.description = [status, excerpt(a.note, 40)].filter(Boolean).join(' · ');
    }
    const md = new vscode.MarkdownString();
    md.appendText(`${e.report?.title ?? vscode.l10n.t('(report not found)')}\n`);
    md.appendText(vscode.l10n.t('Tags: {0}', e.tags.map((t) => (t.known ? t.label : vscode.l10n.t('{0} (unknown tag)', t.id))).join(', ') || '—') + '\n');
    if (status) md.appendText(vscode.l10n.t('Anchor: {0}', e.anchor.reason ? `${status} (${localReason(e.anchor.reason)})` : status) + '\n');
    if (a.target.quote.exact !== e.text) md.appendText(vscode.l10n.t('Quote: {0}', excerpt(a.target.quote.exact, 200)) + '\n');
    md.appendText(vscode.l10n.t('By {0}, created {1}, modified {2}', a.author || vscode.l10n.t('anonymous'), dateTime(a.created), dateTime(a.modified)) + '\n');
    if (a.resolvedBy !== undefined) md.appendText(vscode.l10n.t('Resolved by {0}, {1}', a.resolvedBy, dateTime(a.resolved ?? a.modified)) + '\n');
    if (a.note) md.appendMarkdown('\n---\n\n').appendMarkdown(a.note);
    item.tooltip = md;
    item.iconPath =
      e.anchor.status === 'orphan'
        ? new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : e.anchor.status === 'needs-review'
          ? new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon(a.note ? 'note' : 'symbol-string');
    // Placed annotations, and (in the review group) those to check or attach again.
    item.contextValue = e.anchor.status === 'orphan' || e.anchor.status === 'needs-review' ? 'annals.annotation.review' : 'annals.annotation';
    item.id = `${node.parent}/${e.source.toString()}#${a.id}`;
    item.command = {
      command: 'annals.revealAnnotation',
      title: vscode.l10n.t('Go to Paragraph'),
      arguments: [e.source.toString(), a.report, ...(e.line !== null ? [e.line] : [])],
    };
    return item;
  }
}

/** Newest report first, then in the order of the report: placed ones by line, orphans last. */
function sortEntries(entries: AnnotationEntry[]): AnnotationEntry[] {
  return [...entries].sort(
    (a, b) =>
      (b.report?.year ?? -1) - (a.report?.year ?? -1) ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      a.annotation.target.position.start - b.annotation.target.position.start ||
      (a.annotation.id < b.annotation.id ? -1 : 1),
  );
}
