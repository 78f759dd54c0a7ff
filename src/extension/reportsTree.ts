import * as vscode from 'vscode';
import type { OutlineNode, Report, ReportHead } from '../core/index.ts';
import type { Corpus, CorpusChange, CorpusFailure, CorpusMember, CorpusSeries, Located } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { headingLabel, localize } from './l10n.ts';

export const REPORTS_VIEW = 'annals.reports';

export type ReportsNode =
  | ({ type: 'series' } & CorpusSeries)
  | { type: 'unplaced'; reports: readonly Located[] }
  | ({
      type: 'report';
      /** The series key, or null for a report with no year. */
      series: string | null;
      /** Other files that hold the same report (not used). */
      copies: readonly Located[];
      /** Whether its folder is needed to tell it apart (copies, or another report of the same year beside it). */
      showFolder: boolean;
    } & Located)
  | { type: 'heading'; source: vscode.Uri; report: ReportHead; node: OutlineNode }
  | { type: 'message'; label: string; tooltip?: string }
  | { type: 'failures'; failures: readonly CorpusFailure[] }
  | ({ type: 'failure' } & CorpusFailure);

/** The annotations placed under each heading of a report, and when they change. */
export interface HeadingCounter {
  /** `full` gives the report's text, asked for only when it has annotations. */
  headingCounts(source: vscode.Uri, report: ReportHead, full: () => Promise<Report | undefined>): Promise<Map<OutlineNode, number>>;
  readonly onDidChange: vscode.Event<unknown>;
}

export interface ReportsTreeOptions {
  /** Receives when the view was first filled. */
  log?: Pick<vscode.LogOutputChannel, 'info'>;
  /** Date.now() at activation, to date the first fill of the view. */
  activatedAt?: number;
}

/**
 * The Reports view over the Corpus: every report found in the workspace, by series, then year
 * (newest first), then part, chapter and section, with the number of annotations under each
 * heading when a counter is given.
 */
export class ReportsTree extends Disposable implements vscode.TreeDataProvider<ReportsNode> {
  private readonly changed = this.register(new vscode.EventEmitter<ReportsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<ReportsNode>;
  /** The node of each series by its key (the same object each time the view asks, updated in place). */
  private readonly seriesNodes = new Map<string, Extract<ReportsNode, { type: 'series' }>>();
  /** What the view's top level showed last: a change that keeps it refreshes only the series it touched. */
  private shape = '';
  /** Annotation counts per heading, filled as the view asks for children. */
  private counts = new WeakMap<OutlineNode, number>();
  private filledLogged = false;
  private partialLogged = false;
  /** The top level shows the series of a scan still reading the files: its end refreshes the whole view. */
  private partial = false;
  private readonly activatedAt: number;

  constructor(
    private readonly corpus: Pick<Corpus, 'bySeries' | 'soon' | 'failures' | 'onDidInvalidate' | 'onDidChange' | 'onDidRead' | 'full'>,
    private readonly counter?: HeadingCounter,
    private readonly options: ReportsTreeOptions = {},
  ) {
    super();
    this.activatedAt = options.activatedAt ?? Date.now();
    this.register(corpus.onDidInvalidate(() => this.changed.fire(undefined)));
    this.register(corpus.onDidChange((e) => void this.update(e)));
    // More of a long scan's files read: shown (only while the view shows a scan's first series).
    this.register(corpus.onDidRead(() => this.partial && this.changed.fire(undefined)));
    if (counter) this.register(counter.onDidChange(() => this.refreshCounts()));
    this.view = this.register(vscode.window.createTreeView(REPORTS_VIEW, { treeDataProvider: this, showCollapseAll: true }));
  }

  /** Logs, once each, how long after activation the view first showed the reports read so far, and first had them all. */
  private logFilled(reports: number, complete: boolean): void {
    if (!complete) {
      if (this.partialLogged) return;
      this.partialLogged = true;
      this.options.log?.info(`Reports view first showed ${reports} reports ${Date.now() - this.activatedAt} ms after activation, while reading the files.`);
      return;
    }
    if (this.filledLogged) return;
    this.filledLogged = true;
    this.options.log?.info(`Reports view filled ${Date.now() - this.activatedAt} ms after activation (${reports} reports).`);
  }

  async getChildren(node?: ReportsNode): Promise<ReportsNode[]> {
    if (!node) {
      // While a long scan reads the files, the series read so far (and a note of how far it is); the rest follow.
      const { series, unplaced, notes, complete } = await this.corpus.soon();
      const failures = complete ? await this.corpus.failures() : [];
      this.partial = !complete;
      this.logFilled(series.reduce((n, g) => n + g.reports.length, 0) + unplaced.length, complete);
      this.shape = complete ? shapeOf(series, unplaced, failures, notes) : '';
      return [
        ...series.map((g) => this.seriesNode(g)),
        ...(unplaced.length ? [{ type: 'unplaced' as const, reports: unplaced }] : []),
        ...(failures.length ? [{ type: 'failures' as const, failures }] : []),
        ...notes.map((n): ReportsNode => ({ type: 'message', ...n })),
      ];
    }
    switch (node.type) {
      case 'series':
        return node.reports.map((m) => reportNode(m, node.key, m.copies, m.copies.length > 0));
      case 'unplaced': {
        // Reports with no year: the folder tells apart those of one title.
        const titles = new Map<string, number>();
        for (const r of node.reports) titles.set(r.report.title, (titles.get(r.report.title) ?? 0) + 1);
        return node.reports.map((r) => reportNode(r, null, [], (titles.get(r.report.title) ?? 0) > 1));
      }
      case 'report':
        await this.count(node.source, node.report);
        return node.report.outline.map((n) => ({ type: 'heading', source: node.source, report: node.report, node: n }));
      case 'heading':
        return node.node.children.map((n) => ({ type: 'heading', source: node.source, report: node.report, node: n }));
      case 'failures':
        return node.failures.map((f) => ({ type: 'failure', ...f }));
      default:
        return [];
    }
  }

  getTreeItem(node: ReportsNode): vscode.TreeItem {
    switch (node.type) {
      case 'series': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        const years = node.reports.map((r) => r.report.year).filter((y): y is number => y !== null);
        item.description = yearRange(years);
        item.tooltip = seriesTooltip(node, years);
        item.iconPath = new vscode.ThemeIcon('library');
        item.contextValue = 'annals.series';
        item.id = `series:${node.key}`;
        return item;
      }
      case 'unplaced': {
        const item = new vscode.TreeItem(vscode.l10n.t('(no year)'), vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.reports.length);
        item.tooltip = vscode.l10n.t('Reports whose year could not be read: they are in no series. Set the year with Annals: Set Report Metadata….');
        item.iconPath = new vscode.ThemeIcon('question');
        item.contextValue = 'annals.unplaced';
        item.id = 'unplaced';
        return item;
      }
      case 'report': {
        const r = node.report;
        const item = new vscode.TreeItem(r.year !== null ? String(r.year) : vscode.l10n.t('(no year)'), vscode.TreeItemCollapsibleState.Collapsed);
        const corrected = correctedFields(r);
        item.description = [
          node.series === null ? r.title : '',
          node.showFolder ? folderOf(node.source) : '',
          node.copies.length ? (node.copies.length === 1 ? vscode.l10n.t('1 copy') : vscode.l10n.t('{0} copies', node.copies.length)) : '',
          corrected.length ? vscode.l10n.t('corrected') : '',
        ]
          .filter(Boolean)
          .join(' · ');
        item.tooltip = reportTooltip(node, corrected);
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = node.copies.length ? 'annals.report.copies' : 'annals.report';
        item.id = `report:${node.source.toString()}#${r.id}`;
        item.command = { command: 'annals.openReport', title: vscode.l10n.t('Open Report'), arguments: [node.source, r.id] };
        return item;
      }
      case 'heading': {
        const n = node.node;
        const label = headingLabel(n);
        const item = new vscode.TreeItem(label, n.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        if (n.kind === 'part') {
          item.iconPath = new vscode.ThemeIcon(n.partKind === 'plan' ? 'milestone' : n.partKind === 'review' ? 'history' : 'symbol-namespace');
          if (n.children.length) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        } else {
          item.iconPath = new vscode.ThemeIcon(n.kind === 'chapter' ? 'symbol-class' : 'symbol-method');
        }
        const notes = [n.inferred ? vscode.l10n.t('repaired') : '', this.counts.get(n) ? vscode.l10n.t('{0} tagged', this.counts.get(n)!) : ''].filter(Boolean);
        if (notes.length) item.description = notes.join(' · ');
        item.contextValue = `annals.${n.kind}`;
        item.id = `heading:${node.source.toString()}#${node.report.id}@${n.line}`;
        item.command = { command: 'annals.openReport', title: vscode.l10n.t('Open Report'), arguments: [node.source, node.report.id, n.line] };
        return item;
      }
      case 'failures': {
        const n = node.failures.length;
        const item = new vscode.TreeItem(
          n === 1 ? vscode.l10n.t('1 file could not be read') : vscode.l10n.t('{0} files could not be read', n),
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.iconPath = new vscode.ThemeIcon('warning');
        item.contextValue = 'annals.failures';
        item.id = 'failures';
        return item;
      }
      case 'failure': {
        const name = node.source.path.slice(node.source.path.lastIndexOf('/') + 1);
        const why = localize(node.diagnostic);
        const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
        item.description = why;
        item.tooltip = new vscode.MarkdownString().appendText(`${node.source.toString(true)}\n${why}`);
        item.iconPath = new vscode.ThemeIcon('error');
        item.contextValue = 'annals.failure';
        item.id = `failure:${node.source.toString()}`;
        item.resourceUri = node.source;
        return item;
      }
      default: {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  private seriesNode(g: CorpusSeries): Extract<ReportsNode, { type: 'series' }> {
    const known = this.seriesNodes.get(g.key);
    if (known) return Object.assign(known, g);
    const node = { type: 'series' as const, ...g };
    this.seriesNodes.set(g.key, node);
    return node;
  }

  /**
   * After an update of changed files: when the top level stays as it was, only the nodes of the
   * series the change touched are refreshed (their reports and headings), not the whole view.
   */
  private async update(change: CorpusChange): Promise<void> {
    if (change.series === null) {
      // A scan: the view was told by onDidInvalidate, unless it shows what the scan had read so far.
      if (this.partial) this.changed.fire(undefined);
      return;
    }
    const { series, unplaced, notes } = await this.corpus.bySeries();
    const failures = await this.corpus.failures();
    const shape = shapeOf(series, unplaced, failures, notes);
    if (!this.shape || shape !== this.shape || !change.series.size) {
      this.changed.fire(undefined);
      return;
    }
    for (const g of series) if (change.series.has(g.key)) this.changed.fire(this.seriesNode(g));
  }

  private async count(source: vscode.Uri, report: ReportHead): Promise<void> {
    if (!this.counter) return;
    try {
      for (const [node, n] of await this.counter.headingCounts(source, report, () => this.corpus.full({ source, report }))) this.counts.set(node, n);
    } catch {
      // Counts are a hint; the tree shows without them.
    }
  }

  /** Shows the annotation counts again (annotations changed), without rescanning the workspace. */
  private refreshCounts(): void {
    this.counts = new WeakMap();
    this.changed.fire(undefined);
  }
}

/** The top level of the view, as a string: the series keys, the reports with no year, the failures and the notes. */
function shapeOf(
  series: readonly CorpusSeries[],
  unplaced: readonly Located[],
  failures: readonly CorpusFailure[],
  notes: readonly { label: string }[],
): string {
  return JSON.stringify([
    series.map((g) => g.key),
    unplaced.map((r) => `${r.source.toString()}#${r.report.id}`),
    failures.map((f) => `${f.source.toString()}:${f.diagnostic.message}`),
    notes.map((n) => n.label),
  ]);
}

function reportNode(r: Located | CorpusMember, series: string | null, copies: readonly Located[], showFolder: boolean): ReportsNode {
  return { type: 'report', source: r.source, report: r.report, series, copies, showFolder };
}

/** The years of a series for its description: `2016–2018`, `2025`, or `1978–2019 · 38 years` when some are missing. */
export function yearRange(years: readonly number[]): string {
  if (!years.length) return '';
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === last) return String(first);
  const range = `${first}–${last}`;
  return sorted.length === last - first + 1 ? range : `${range} · ${vscode.l10n.t('{0} years', sorted.length)}`;
}

/** The folder of a source, relative to the workspace (`.` at its top). */
function folderOf(uri: vscode.Uri): string {
  const rel = vscode.workspace.asRelativePath(uri, false);
  const at = rel.lastIndexOf('/');
  return at < 0 ? './' : `${rel.slice(0, at)}/`;
}

type Field = 'year' | 'issuer' | 'type' | 'title';
const FIELDS: readonly Field[] = ['year', 'issuer', 'type', 'title'];

/** The fields of a report that a correction in .annals/corpus.json set. */
export function correctedFields(r: ReportHead): Field[] {
  return FIELDS.filter((f) => r.meta.from[f] === 'correction');
}

/** A field's name for people. */
export function fieldName(f: Field): string {
  switch (f) {
    case 'year':
      return vscode.l10n.t('year');
    case 'issuer':
      return vscode.l10n.t('issuer');
    case 'type':
      return vscode.l10n.t('type');
    default:
      return vscode.l10n.t('title');
  }
}

/** A field's value as read from the text, for people. */
export function extractedValue(r: ReportHead, f: Field): string {
  const v = r.meta.extracted[f];
  return v === null || v === '' ? vscode.l10n.t('(none)') : String(v);
}

function seriesTooltip(node: CorpusSeries, years: readonly number[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(node.label).appendMarkdown('**\n\n');
  if (node.issuer) md.appendText(vscode.l10n.t('Issuer: {0}', node.issuer)).appendMarkdown('  \n');
  const variants = node.issuerVariants.filter((v) => v !== node.issuer);
  if (variants.length) md.appendText(vscode.l10n.t('Also written: {0}', variants.join('、'))).appendMarkdown('  \n');
  md.appendText(vscode.l10n.t('Type: {0}', node.reportType)).appendMarkdown('  \n');
  md.appendText(vscode.l10n.t('Years: {0}', [...years].sort((a, b) => a - b).join(', ')));
  return md;
}

function reportTooltip(node: Extract<ReportsNode, { type: 'report' }>, corrected: readonly Field[]): vscode.MarkdownString {
  const r = node.report;
  const md = new vscode.MarkdownString();
  md.appendText(r.title).appendMarkdown('  \n').appendText(node.source.toString(true));
  if (corrected.length) {
    md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Corrected in .annals/corpus.json:'));
    for (const f of corrected) {
      md.appendMarkdown('\n- ').appendText(vscode.l10n.t('{0}: {1} (read from the text: {2})', fieldName(f), String(r[f] ?? ''), extractedValue(r, f)));
    }
  }
  if (node.copies.length) {
    md.appendMarkdown('\n\n').appendText(vscode.l10n.t('The same report is also in (not used):'));
    for (const c of node.copies) md.appendMarkdown('\n- ').appendText(c.source.toString(true));
  }
  return md;
}
