import * as vscode from 'vscode';
import { type Diagnostic, isReportLike, type MessageCode, seriesKey, seriesLabel, type Report } from '../core/index.ts';
import { Disposable } from './disposable.ts';
import type { ReportService } from './reportService.ts';
import { DISCOVERY_SETTINGS, discoveryExclude, discoverySettings, onDidChangeSettings } from './settings.ts';

/** A report with the source it came from. */
export interface Located {
  source: vscode.Uri;
  report: Report;
}

/** The reports of one series (one issuer and kind of report), newest year first. */
export interface CorpusSeries {
  key: string;
  label: string;
  reports: Located[];
}

/** Something the last scan has to say (the cap was reached, nothing was found, it failed). */
export interface CorpusNote {
  label: string;
  tooltip?: string;
}

/** A file the scan could not read: its one error (too large, undecodable, a pipe, an import that gave up…). */
export interface CorpusFailure {
  source: vscode.Uri;
  diagnostic: Diagnostic;
}

/**
 * The errors that make a file a failure worth listing. A file that reads fine but holds no report
 * (a news page, a note) is not listed.
 */
const READ_FAILURES: ReadonlySet<MessageCode | undefined> = new Set<MessageCode | undefined>([
  undefined, // the file system's own error (cannot be read)
  'tooLarge',
  'binary',
  'undecodable',
  'parseFailed',
  'importTimeout',
  'importStopped',
  'notRegularFile',
]);

/** How many files a scan reads and imports at once. */
const SCAN_CONCURRENCY = 8;

/** `f` over the items, at most `limit` at a time; the results in the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

export interface CorpusOptions {
  /** Receives the scan timings. */
  log?: Pick<vscode.LogOutputChannel, 'info'>;
  /** Where a scan shows its progress (the Reports view); none: no progress shown. */
  progress?: vscode.ProgressOptions['location'];
}

/** How long the last scan took and how many files it read, for the bench and the log. */
export interface ScanStats {
  files: number;
  reports: number;
  ms: number;
}

/**
 * The reports of the workspace. Discovery finds the files that match annals.sources (minus
 * node_modules, .git and files.exclude), up to annals.maxScanFiles, imports them through the
 * ReportService (cached by modification time and size) and keeps the files that hold a report,
 * grouped by series. It scans when first asked after a change: a watched file, a discovery
 * setting, the workspace folders, or Refresh.
 */
export class Corpus extends Disposable {
  private series: CorpusSeries[] = [];
  private notes: CorpusNote[] = [];
  private failed: CorpusFailure[] = [];
  private scanning: Promise<void> | null = null;
  private dirty = true;
  private watcher: vscode.Disposable | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  lastScan: ScanStats = { files: 0, reports: 0, ms: 0 };

  private readonly invalidated = this.register(new vscode.EventEmitter<void>());
  /** Fires when the reports are stale (a change, or one during a scan): whoever shows them asks again. */
  readonly onDidInvalidate = this.invalidated.event;
  private readonly rescanned = this.register(new vscode.EventEmitter<void>());
  /** Fires after each scan of the workspace. */
  readonly onDidChange = this.rescanned.event;

  constructor(
    private readonly reports: ReportService,
    private readonly options: CorpusOptions = {},
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
    const watcher = vscode.workspace.createFileSystemWatcher(sources);
    const onChange = (uri: vscode.Uri) => {
      if (/[\\/](node_modules|\.git)[\\/]/.test(uri.path)) return;
      this.reports.invalidate(uri);
      this.scheduleRefresh();
    };
    watcher.onDidChange(onChange);
    watcher.onDidCreate(onChange);
    watcher.onDidDelete(onChange);
    this.watcher = watcher;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 300);
  }

  /** Forgets the last scan: the next question scans again. */
  refresh(): void {
    this.dirty = true;
    this.invalidated.fire();
  }

  /** The reports by series (sorted by label) and the notes of the scan (scans if needed). */
  async bySeries(): Promise<{ series: readonly CorpusSeries[]; notes: readonly CorpusNote[] }> {
    await this.ensureScanned();
    return { series: this.series, notes: this.notes };
  }

  /** The files of the last scan that could not be read, with why (scans if needed). */
  async failures(): Promise<readonly CorpusFailure[]> {
    await this.ensureScanned();
    return this.failed;
  }

  /** All discovered reports, in the order of the series (scans if needed). */
  async allReports(): Promise<Located[]> {
    await this.ensureScanned();
    return this.series.flatMap((s) => s.reports);
  }

  /** The discovered reports grouped by source, in the order of the series (scans if needed). */
  async reportsBySource(): Promise<{ source: vscode.Uri; reports: Report[] }[]> {
    const groups = new Map<string, { source: vscode.Uri; reports: Report[] }>();
    for (const { source, report } of await this.allReports()) {
      const g = groups.get(source.toString());
      if (g) g.reports.push(report);
      else groups.set(source.toString(), { source, reports: [report] });
    }
    return [...groups.values()];
  }

  private async ensureScanned(): Promise<void> {
    if (!this.dirty && !this.scanning) return;
    if (!this.scanning) {
      this.dirty = false;
      const run = async () => {
        try {
          const { progress } = this.options;
          if (progress) await vscode.window.withProgress({ location: progress, title: vscode.l10n.t('Scanning for reports…') }, () => this.scan());
          else await this.scan();
        } catch (e) {
          this.notes = [{ label: vscode.l10n.t('Scan failed: {0}', String(e)) }];
        } finally {
          this.scanning = null;
          // Files changed while the scan ran: whoever shows the reports asks again.
          if (this.dirty) this.invalidated.fire();
        }
      };
      this.scanning = run();
    }
    await this.scanning;
  }

  private async scan(): Promise<void> {
    const t0 = Date.now();
    const { sources, maxScanFiles } = discoverySettings();
    const notes: CorpusNote[] = [];
    const files = await vscode.workspace.findFiles(sources, discoveryExclude(), maxScanFiles + 1);
    if (files.length > maxScanFiles) {
      files.length = maxScanFiles;
      notes.push({
        label: vscode.l10n.t('Scan stopped at {0} files (setting annals.maxScanFiles).', maxScanFiles),
        tooltip: vscode.l10n.t('Narrow annals.sources or raise annals.maxScanFiles to see the rest.'),
      });
    }
    files.sort((a, b) => a.toString().localeCompare(b.toString()));
    const groups = new Map<string, CorpusSeries>();
    let reports = 0;
    const failed: CorpusFailure[] = [];
    // Read and import several files at once (the imports run in worker threads); keep the order.
    const imports = await mapLimit(files, SCAN_CONCURRENCY, (uri) => this.reports.load(uri));
    for (const [i, uri] of files.entries()) {
      const imp = imports[i];
      if (!imp.reports.length) {
        const error = imp.diagnostics.find((d) => d.severity === 'error');
        if (error && READ_FAILURES.has(error.code)) failed.push({ source: uri, diagnostic: error });
      }
      if (!isReportLike(imp)) continue;
      for (const report of imp.reports) {
        reports++;
        const key = seriesKey(report);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { key, label: seriesLabel(report), reports: [] }));
        g.reports.push({ source: uri, report });
      }
    }
    for (const g of groups.values()) {
      g.reports.sort((a, b) => (b.report.year ?? -1) - (a.report.year ?? -1) || a.report.title.localeCompare(b.report.title));
    }
    this.series = [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
    if (!this.series.length) {
      notes.push({
        label: vscode.l10n.t('No reports found in this workspace.'),
        tooltip: vscode.l10n.t('Annals looks for feeds, saved pages and text files matching annals.sources.'),
      });
    }
    this.notes = notes;
    this.failed = failed;
    this.lastScan = { files: files.length, reports, ms: Date.now() - t0 };
    this.options.log?.info(`Scanned ${files.length} files: ${reports} reports in ${this.lastScan.ms} ms.`);
    this.rescanned.fire();
  }

  override dispose(): void {
    clearTimeout(this.refreshTimer);
    this.watcher?.dispose();
    super.dispose();
  }
}
