import * as vscode from 'vscode';
import { isReportLike, seriesKey, seriesLabel, type OutlineNode, type Report } from '../core/index.ts';
import { Disposable } from './disposable.ts';
import type { ReportService } from './reportService.ts';
import { headingLabel } from './l10n.ts';
import { DISCOVERY_SETTINGS, discoveryExclude, discoverySettings, onDidChangeSettings } from './settings.ts';

export type ReportsNode =
  | { type: 'series'; key: string; label: string; reports: { source: vscode.Uri; report: Report }[] }
  | { type: 'report'; source: vscode.Uri; report: Report }
  | { type: 'heading'; source: vscode.Uri; report: Report; node: OutlineNode }
  | { type: 'message'; label: string; tooltip?: string };

/**
 * The Reports view: every report found in the workspace, by series, then year (newest
 * first), then part, chapter and section. Discovery sniffs file contents and lists only
 * files that hold a report; it is capped, cached by mtime and updated on file changes.
 */
export class ReportsTree extends Disposable implements vscode.TreeDataProvider<ReportsNode> {
  private readonly changed = this.register(new vscode.EventEmitter<ReportsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private series: Extract<ReportsNode, { type: 'series' }>[] = [];
  private notes: ReportsNode[] = [];
  private scanning: Promise<void> | null = null;
  private dirty = true;
  private watcher: vscode.FileSystemWatcher | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** How long the last scan took and how many files it read, for the bench and the log. */
  lastScan = { files: 0, reports: 0, ms: 0 };

  private filledLogged = false;
  private readonly rescanned = this.register(new vscode.EventEmitter<void>());
  /** Fires after a scan of the workspace (not when only annotation counts change). */
  readonly onDidRescan = this.rescanned.event;
  /** Annotation counts per heading, filled as the tree asks for children. */
  private counts = new WeakMap<OutlineNode, number>();
  /** Counts the annotations placed under each heading of a report (set by the extension). */
  counter: ((source: vscode.Uri, report: Report) => Promise<Map<OutlineNode, number>>) | undefined;

  /** `log` receives scan timings; `activatedAt` (Date.now() at activation) dates the first fill of the view. */
  constructor(
    private readonly service: ReportService,
    private readonly log?: Pick<vscode.LogOutputChannel, 'info'>,
    private readonly activatedAt = Date.now(),
  ) {
    super();
    this.rewatch();
    this.register(
      onDidChangeSettings(DISCOVERY_SETTINGS, () => {
        this.rewatch();
        this.refresh();
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()));
  }

  private rewatch(): void {
    this.watcher?.dispose();
    const { sources } = discoverySettings();
    this.watcher = vscode.workspace.createFileSystemWatcher(sources);
    const onChange = (uri: vscode.Uri) => {
      if (/[\\/](node_modules|\.git)[\\/]/.test(uri.path)) return;
      this.service.invalidate(uri);
      this.scheduleRefresh();
    };
    this.watcher.onDidChange(onChange);
    this.watcher.onDidCreate(onChange);
    this.watcher.onDidDelete(onChange);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 300);
  }

  refresh(): void {
    this.dirty = true;
    this.changed.fire(undefined);
  }

  /** The discovered reports grouped by source, in the view's order (scans if needed). */
  async reportsBySource(): Promise<{ source: vscode.Uri; reports: Report[] }[]> {
    const groups = new Map<string, { source: vscode.Uri; reports: Report[] }>();
    for (const { source, report } of await this.allReports()) {
      const g = groups.get(source.toString());
      if (g) g.reports.push(report);
      else groups.set(source.toString(), { source, reports: [report] });
    }
    return [...groups.values()];
  }

  /** All discovered reports (scans if needed). */
  async allReports(): Promise<{ source: vscode.Uri; report: Report }[]> {
    await this.ensureScanned();
    return this.series.flatMap((s) => s.reports);
  }

  private async ensureScanned(): Promise<void> {
    if (!this.dirty && !this.scanning) return;
    if (!this.scanning) {
      this.dirty = false;
      const run = async () => {
        try {
          await vscode.window.withProgress({ location: { viewId: 'annals.reports' }, title: vscode.l10n.t('Scanning for reports…') }, () => this.scan());
        } catch (e) {
          this.notes = [{ type: 'message', label: vscode.l10n.t('Scan failed: {0}', String(e)) }];
        } finally {
          this.scanning = null;
          // Files changed while the scan ran: ask the view for its children again.
          if (this.dirty) this.changed.fire(undefined);
        }
      };
      this.scanning = run();
    }
    await this.scanning;
  }

  private async scan(): Promise<void> {
    const t0 = Date.now();
    const { sources, maxScanFiles } = discoverySettings();
    const notes: ReportsNode[] = [];
    const files = await vscode.workspace.findFiles(sources, discoveryExclude(), maxScanFiles + 1);
    if (files.length > maxScanFiles) {
      files.length = maxScanFiles;
      notes.push({
        type: 'message',
        label: vscode.l10n.t('Scan stopped at {0} files (setting annals.maxScanFiles).', maxScanFiles),
        tooltip: vscode.l10n.t('Narrow annals.sources or raise annals.maxScanFiles to see the rest.'),
      });
    }
    files.sort((a, b) => a.toString().localeCompare(b.toString()));
    const groups = new Map<string, Extract<ReportsNode, { type: 'series' }>>();
    let reports = 0;
    for (const uri of files) {
      const imp = await this.service.load(uri);
      if (!isReportLike(imp)) continue;
      for (const report of imp.reports) {
        reports++;
        const key = seriesKey(report);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { type: 'series', key, label: seriesLabel(report), reports: [] }));
        g.reports.push({ source: uri, report });
      }
    }
    for (const g of groups.values()) {
      g.reports.sort((a, b) => (b.report.year ?? -1) - (a.report.year ?? -1) || a.report.title.localeCompare(b.report.title));
    }
    this.series = [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
    if (!this.series.length) {
      notes.push({ type: 'message', label: vscode.l10n.t('No reports found in this workspace.'), tooltip: vscode.l10n.t('Annals looks for feeds, saved pages and text files matching annals.sources.') });
    }
    this.notes = notes;
    this.lastScan = { files: files.length, reports, ms: Date.now() - t0 };
    this.log?.info(`Scanned ${files.length} files: ${reports} reports in ${this.lastScan.ms} ms.`);
    this.rescanned.fire();
  }

  /** Logs, once, how long after activation the view first had its reports. */
  private logFilled(): void {
    if (this.filledLogged) return;
    this.filledLogged = true;
    this.log?.info(`Reports view filled ${Date.now() - this.activatedAt} ms after activation (${this.lastScan.reports} reports).`);
  }

  async getChildren(node?: ReportsNode): Promise<ReportsNode[]> {
    if (!node) {
      await this.ensureScanned();
      this.logFilled();
      return [...this.series, ...this.notes];
    }
    switch (node.type) {
      case 'series':
        return node.reports.map((r) => ({ type: 'report', source: r.source, report: r.report }));
      case 'report':
        await this.count(node.source, node.report);
        return node.report.outline.map((n) => ({ type: 'heading', source: node.source, report: node.report, node: n }));
      case 'heading':
        return node.node.children.map((n) => ({ type: 'heading', source: node.source, report: node.report, node: n }));
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
      default: {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  private async count(source: vscode.Uri, report: Report): Promise<void> {
    if (!this.counter) return;
    try {
      for (const [node, n] of await this.counter(source, report)) this.counts.set(node, n);
    } catch {
      // Counts are a hint; the tree shows without them.
    }
  }

  /** Shows the annotation counts again (annotations changed), without rescanning the workspace. */
  refreshCounts(): void {
    this.counts = new WeakMap();
    this.changed.fire(undefined);
  }

  override dispose(): void {
    clearTimeout(this.refreshTimer);
    this.watcher?.dispose();
    super.dispose();
  }
}
