import * as vscode from 'vscode';
import type { OutlineNode, Report } from '../core/index.ts';
import type { Corpus, CorpusFailure, CorpusSeries, Located } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { headingLabel, localize } from './l10n.ts';

export const REPORTS_VIEW = 'annals.reports';

export type ReportsNode =
  | ({ type: 'series' } & CorpusSeries)
  | ({ type: 'report' } & Located)
  | { type: 'heading'; source: vscode.Uri; report: Report; node: OutlineNode }
  | { type: 'message'; label: string; tooltip?: string }
  | { type: 'failures'; failures: readonly CorpusFailure[] }
  | ({ type: 'failure' } & CorpusFailure);

/** The annotations placed under each heading of a report, and when they change. */
export interface HeadingCounter {
  headingCounts(source: vscode.Uri, report: Report): Promise<Map<OutlineNode, number>>;
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
  /** The node of each series of the last scan (the same object each time the view asks). */
  private readonly seriesNodes = new WeakMap<CorpusSeries, Extract<ReportsNode, { type: 'series' }>>();
  /** Annotation counts per heading, filled as the view asks for children. */
  private counts = new WeakMap<OutlineNode, number>();
  private filledLogged = false;
  private readonly activatedAt: number;

  constructor(
    private readonly corpus: Pick<Corpus, 'bySeries' | 'failures' | 'onDidInvalidate'>,
    private readonly counter?: HeadingCounter,
    private readonly options: ReportsTreeOptions = {},
  ) {
    super();
    this.activatedAt = options.activatedAt ?? Date.now();
    this.register(corpus.onDidInvalidate(() => this.changed.fire(undefined)));
    if (counter) this.register(counter.onDidChange(() => this.refreshCounts()));
    this.view = this.register(vscode.window.createTreeView(REPORTS_VIEW, { treeDataProvider: this, showCollapseAll: true }));
  }

  /** Logs, once, how long after activation the view first had its reports. */
  private logFilled(reports: number): void {
    if (this.filledLogged) return;
    this.filledLogged = true;
    this.options.log?.info(`Reports view filled ${Date.now() - this.activatedAt} ms after activation (${reports} reports).`);
  }

  async getChildren(node?: ReportsNode): Promise<ReportsNode[]> {
    if (!node) {
      const { series, notes } = await this.corpus.bySeries();
      const failures = await this.corpus.failures();
      this.logFilled(series.reduce((n, g) => n + g.reports.length, 0));
      return [
        ...series.map((g) => this.seriesNode(g)),
        ...(failures.length ? [{ type: 'failures' as const, failures }] : []),
        ...notes.map((n): ReportsNode => ({ type: 'message', ...n })),
      ];
    }
    switch (node.type) {
      case 'series':
        return node.reports.map((r) => ({ type: 'report', source: r.source, report: r.report }));
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
        // Each year once: a year can come from two sources (a feed and a saved page).
        item.description = [...new Set(node.reports.map((r) => r.report.year ?? '?'))].join(' · ');
        item.iconPath = new vscode.ThemeIcon('library');
        item.contextValue = 'annals.series';
        item.id = `series:${node.key}`;
        return item;
      }
      case 'report': {
        const r = node.report;
        const item = new vscode.TreeItem(r.year !== null ? String(r.year) : vscode.l10n.t('(no year)'), vscode.TreeItemCollapsibleState.Collapsed);
        // The file tells apart the same year from several sources (a feed and a saved page).
        item.description = node.source.path.slice(node.source.path.lastIndexOf('/') + 1);
        item.tooltip = new vscode.MarkdownString().appendText(`${r.title}\n${node.source.toString(true)}`);
        item.iconPath = new vscode.ThemeIcon('book');
        item.contextValue = 'annals.report';
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
    const known = this.seriesNodes.get(g);
    if (known) return known;
    const node = { type: 'series' as const, ...g };
    this.seriesNodes.set(g, node);
    return node;
  }

  private async count(source: vscode.Uri, report: Report): Promise<void> {
    if (!this.counter) return;
    try {
      for (const [node, n] of await this.counter.headingCounts(source, report)) this.counts.set(node, n);
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
