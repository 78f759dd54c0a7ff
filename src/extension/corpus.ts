import * as vscode from 'vscode';
import {
  CORPUS_PATH,
  type CorpusFile,
  type Diagnostic,
  emptyCorpusFile,
  type Grouping,
  groupSeries,
  isReportLike,
  type MessageCode,
  type Problem,
  type Report,
  type Series,
  type SeriesProblem,
  type SourcedReport,
} from '../core/index.ts';
import type { CorrectionsService } from './corrections.ts';
import { Disposable } from './disposable.ts';
import type { ReportService } from './reportService.ts';
import { DISCOVERY_SETTINGS, discoveryExclude, discoverySettings, onDidChangeSettings } from './settings.ts';

/** A report with the source it came from. */
export interface Located {
  source: vscode.Uri;
  report: Report;
}

/** A report of a series, with the other files that hold the same report (not used). */
export interface CorpusMember extends Located {
  copies: Located[];
}

/** The reports of one series (one issuer and type of report, the core's grouping), newest year first. */
export interface CorpusSeries {
  key: string;
  /** 北京市人民政府 · 政府工作报告. */
  label: string;
  issuer: string | null;
  /** The report type (政府工作报告). */
  reportType: string;
  /** The issuer as its reports write it. */
  issuerVariants: readonly string[];
  reports: CorpusMember[];
  /** The core's series (oldest first), as alignment uses it. */
  series: Series;
}

/** Something the grouping has to say (a copy used, a report with no year, a correction whose report has gone). */
interface CorpusProblem extends Omit<SeriesProblem, 'source'> {
  /** The source file concerned; undefined for a correction whose report has gone (it concerns .annals/corpus.json). */
  source: vscode.Uri | undefined;
}

/** The one grouping of the workspace's reports into series, with the corrections applied. */
export interface CorpusGrouping {
  /** As the core returned it: alignment takes it as it is. */
  grouping: Grouping;
  series: readonly CorpusSeries[];
  /** Reports in no series (no year): still shown. */
  unplaced: readonly Located[];
  problems: readonly CorpusProblem[];
  /** Every report (copies included), with its corrections applied, in the order of the series. */
  all: readonly Located[];
  /** The series key of each report (its copies included); none for a report with no year. */
  seriesOf: ReadonlyMap<Report, string>;
  /** Why .annals/corpus.json cannot be used (its last good content, or none, is applied), or null. */
  correctionsProblem: Problem | null;
  /** The counterparts chosen by hand (.annals/corpus.json): alignment applies them. */
  counterparts: CorpusFile['counterparts'];
}

/**
 * A source as .annals/corpus.json names it: its path relative to the first workspace folder, with
 * `/` (as `annals align` run in that folder names it); a file outside it by its URI.
 */
export function sourceKey(uri: vscode.Uri): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder && uri.scheme === folder.scheme && uri.authority === folder.authority) {
    const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    if (uri.path.startsWith(base)) return uri.path.slice(base.length);
  }
  return uri.toString();
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
  /** The analyst's corrections (.annals/corpus.json); none: no corrections. */
  corrections?: Pick<CorrectionsService, 'get' | 'onDidChange'>;
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
 * grouped into series ONCE by the core's groupSeries with the corrections of .annals/corpus.json:
 * the Reports view, Compare, the year navigation, the Annotations view and auto-tag all use this
 * grouping. It scans when first asked after a change: a watched file, a discovery setting, the
 * workspace folders, or Refresh; a change of the corrections groups again without importing.
 */
export class Corpus extends Disposable {
  /** The reports of the last scan, as imported. */
  private imported: Located[] = [];
  private current: CorpusGrouping = group([], emptyCorpusFile(), null);
  /** The corrections changed since the last grouping. */
  private regroup = false;
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
    const { corrections } = options;
    if (corrections) {
      this.register(
        corrections.onDidChange(() => {
          this.regroup = true;
          this.invalidated.fire();
          // Group again now, so that alignment and the views hear of it even when nobody asks.
          if (!this.dirty) void this.ensureScanned();
        }),
      );
    }
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

  /** The reports by series (sorted by label), those in no series, and the notes of the scan (scans if needed). */
  async bySeries(): Promise<{ series: readonly CorpusSeries[]; unplaced: readonly Located[]; notes: readonly CorpusNote[] }> {
    await this.ensureScanned();
    return { series: this.current.series, unplaced: this.current.unplaced, notes: this.notes };
  }

  /** The one grouping into series (scans and groups if needed). */
  async grouping(): Promise<CorpusGrouping> {
    await this.ensureScanned();
    return this.current;
  }

  /** The files of the last scan that could not be read, with why (scans if needed). */
  async failures(): Promise<readonly CorpusFailure[]> {
    await this.ensureScanned();
    return this.failed;
  }

  /** All discovered reports, in the order of the series (scans if needed). */
  async allReports(): Promise<Located[]> {
    await this.ensureScanned();
    return [...this.current.all];
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
    if (!this.dirty && !this.scanning && this.regroup) {
      this.scanning = this.group().finally(() => {
        this.scanning = null;
      });
    }
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
    const imported: Located[] = [];
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
        imported.push({ source: uri, report });
      }
    }
    this.imported = imported;
    await this.group(false);
    if (!imported.length) {
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

  /** Groups the imported reports into series with the corrections in force; fires onDidChange unless told not to. */
  private async group(fire = true): Promise<void> {
    this.regroup = false;
    const { file, problem } = (await this.options.corrections?.get()) ?? { file: emptyCorpusFile(), problem: null };
    this.current = group(this.imported, file, problem);
    if (fire) this.rescanned.fire();
  }

  override dispose(): void {
    clearTimeout(this.refreshTimer);
    this.watcher?.dispose();
    super.dispose();
  }
}

const newestFirst = (a: Located, b: Located) => (b.report.year ?? -1) - (a.report.year ?? -1) || a.report.title.localeCompare(b.report.title);

/** The core's grouping of the imported reports, with their sources as URIs again. */
function group(imported: readonly Located[], corrections: CorpusFile, correctionsProblem: Problem | null): CorpusGrouping {
  const uriOf = new Map<string, vscode.Uri>();
  const input: SourcedReport[] = imported.map(({ source, report }) => {
    const key = sourceKey(source);
    uriOf.set(key, source);
    return { source: key, report };
  });
  const grouping = groupSeries(input, { corrections, correctionsFile: CORPUS_PATH });
  const located = (e: SourcedReport): Located => ({ source: uriOf.get(e.source) ?? vscode.Uri.parse(e.source), report: e.report });
  const series = grouping.series.map(
    (s): CorpusSeries => ({
      key: s.key,
      label: s.label,
      issuer: s.issuer,
      reportType: s.type,
      issuerVariants: s.issuerVariants,
      reports: s.members.map((m): CorpusMember => ({ ...located(m), copies: m.copies.map(located) })).sort(newestFirst),
      series: s,
    }),
  );
  series.sort((a, b) => a.label.localeCompare(b.label));
  const seriesOf = new Map<Report, string>();
  const all: Located[] = [];
  for (const s of series) {
    for (const m of s.reports) {
      for (const x of [m, ...m.copies]) {
        seriesOf.set(x.report, s.key);
        all.push({ source: x.source, report: x.report });
      }
    }
  }
  const unplaced = grouping.unplaced.map(located).sort(newestFirst);
  all.push(...unplaced);
  const problems = grouping.problems.map((p): CorpusProblem => ({ ...p, source: p.source === null ? undefined : (uriOf.get(p.source) ?? undefined) }));
  return { grouping, series, unplaced, problems, all, seriesOf, correctionsProblem, counterparts: corrections.counterparts };
}
