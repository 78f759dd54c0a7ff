import * as vscode from 'vscode';
import { type Diagnostic, emptyCorpusFile, isReportLike, type MessageCode, type Report, type ReportHead, contentHash } from '../core/index.ts';
import { type CorpusGrouping, type CorpusSeries, group, type Located, patched } from './corpusGrouping.ts';
import type { CorrectionsService } from './corrections.ts';
import { Disposable } from './disposable.ts';
import type { HeadStore } from './headStore.ts';
import type { HeadImport, ReportService } from './reportService.ts';
import { DISCOVERY_SETTINGS, discoveryExclude, discoverySettings, onDidChangeSettings } from './settings.ts';

export { type CorpusGrouping, type CorpusMember, type CorpusSeries, type Located, sourceKey } from './corpusGrouping.ts';

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

/**
 * How many files a scan reads and imports at once. In code-server each `vscode.workspace.fs` call is a round trip
 * through the workbench (about 2 ms of the machine's time, bench/RESULTS.md), so many are kept in flight; what they
 * read at once is bounded in bytes by the ReportService.
 */
const SCAN_CONCURRENCY = 32;

/** `f` over the items, at most `limit` at a time; the results in the items' order (`out`, filled as they come). */
async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>, out = new Array<R>(items.length)): Promise<R[]> {
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
  /**
   * The heads kept from the last session (HeadStore): the first scan shows the series from them at once and then
   * checks every file against the disk; scans and updates store what they read. None: every file is read.
   */
  store?: Pick<HeadStore, 'load' | 'save'>;
  /**
   * How long a scan that reads files runs before the series read so far are shown (Corpus.soon); they are shown again
   * every 2.5 times that while it runs. Default SHOW_READ_MS.
   */
  showReadMs?: number;
}

/** A scan still reading files after this long shows the series read so far (and again every 2.5 times this: 1 s). */
const SHOW_READ_MS = 400;

/** The reports by series, those in no series, and the notes: what the Reports view shows. */
export interface CorpusView {
  series: readonly CorpusSeries[];
  unplaced: readonly Located[];
  notes: readonly CorpusNote[];
}

/** What a change of the corpus touched: the keys of the series whose reports changed, or null for everything. */
export interface CorpusChange {
  series: ReadonlySet<string> | null;
  /** The files (URI strings) whose reports changed, or null for everything. */
  sources: ReadonlySet<string> | null;
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
  /** The full report made for each head (Corpus.full), while anything holds it. */
  private fulls = new WeakMap<ReportHead, WeakRef<Report>>();
  private heads = new WeakMap<ReportHead, ReportHead>();
  /** The files of the last scan, in order, with what each holds: an update replaces one file's entry. */
  private files: vscode.Uri[] = [];
  private byFile = new Map<string, { located: Located[]; failure: CorpusFailure | null }>();
  /** Files the watcher reported since the last scan or update: re-imported alone, not by a rescan. */
  private pending = new Map<string, { uri: vscode.Uri; deleted: boolean }>();
  private current: CorpusGrouping = group([], emptyCorpusFile(), null);
  /** The corrections changed since the last grouping. */
  private regroup = false;
  private notes: CorpusNote[] = [];
  private failed: CorpusFailure[] = [];
  private scanning: Promise<void> | null = null;
  private dirty = true;
  private watcher: vscode.Disposable | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the stored heads were taken (once a session, at the first scan). */
  private restored = false;
  /** Counts the scans: a check of stored heads that a later scan overtook does nothing. */
  private generation = 0;
  /** The check of the stored heads against the disk, under way after the first scan; else resolved. */
  private checking: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** While the check of stored heads runs, the files the watcher reported: the update has them, the check leaves them. */
  private watched: Set<string> | null = null;
  private closed = false;
  /** While a scan reads files: the series of the files read so far (shown by `soon`), and how far it is; else null. */
  private reading: { view: CorpusView | null; done: number; total: number } | null = null;
  lastScan: ScanStats = { files: 0, reports: 0, ms: 0 };

  private readonly invalidated = this.register(new vscode.EventEmitter<void>());
  /** Fires when the reports are stale (a change, or one during a scan): whoever shows them asks again. */
  readonly onDidInvalidate = this.invalidated.event;
  private readonly rescanned = this.register(new vscode.EventEmitter<CorpusChange>());
  /** Fires after each scan of the workspace (series: null) and each update of changed files (the series they touched). */
  readonly onDidChange = this.rescanned.event;
  private readonly readSoFar = this.register(new vscode.EventEmitter<void>());
  /** Fires while a scan reads files, each time the series read so far are ready to be shown (Corpus.soon). */
  readonly onDidRead = this.readSoFar.event;

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
    const onChange = (uri: vscode.Uri, deleted: boolean) => {
      if (/[\\/](node_modules|\.git)[\\/]/.test(uri.path)) return;
      this.reports.invalidate(uri);
      // The check of stored heads under way leaves this file to the update (a deleted file is not read again).
      this.watched?.add(uri.toString());
      // Before the first scan, or when a rescan is due, the scan reads it: nothing to remember.
      if (this.dirty) return;
      this.pending.set(uri.toString(), { uri, deleted });
      this.scheduleUpdate();
    };
    watcher.onDidChange((uri) => onChange(uri, false));
    watcher.onDidCreate((uri) => onChange(uri, false));
    watcher.onDidDelete((uri) => onChange(uri, true));
    this.watcher = watcher;
  }

  /**
   * The files the watcher reported are re-imported alone, shortly after (a burst of events is one
   * update), with no rescan and no stat of the other files; before the first scan there is nothing to update.
   */
  private scheduleUpdate(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      if (this.dirty) this.invalidated.fire();
      else void this.ensureScanned();
    }, UPDATE_DELAY_MS);
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

  /**
   * What the Reports view shows, without waiting for a long scan: while a scan reads files, once it has run for
   * SHOW_READ_MS, the series of the files read so far with a note of how far it is (`complete: false`; onDidRead
   * tells when there is more, onDidChange when the scan is done); else, as bySeries, the whole corpus.
   */
  async soon(): Promise<CorpusView & { complete: boolean }> {
    const whole = this.bySeries();
    if (!this.reading?.view) {
      // Whichever comes first: the end of the scan (if one runs, or starts now), or the first series read so far.
      let heard: vscode.Disposable | undefined;
      const read = new Promise<void>((resolve) => {
        heard = this.onDidRead(() => resolve());
      });
      try {
        await Promise.race([whole, read]);
      } finally {
        heard?.dispose();
      }
    }
    const view = this.reading?.view;
    if (view) return { ...view, complete: false };
    return { ...(await whole), complete: true };
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

  /**
   * The full report of a report of the corpus (its text and paragraphs), with the metadata the corpus
   * gives it (corrections applied) and the head's own outline: read again when the cache let it go.
   * While anything holds the full report (an alignment, a view), the same object is returned for the
   * same head. Undefined when the file no longer holds the report.
   */
  async full(located: Located): Promise<Report | undefined> {
    const held = this.fulls.get(located.report)?.deref();
    if (held) return held;
    const imp = await this.reports.load(located.source);
    // Another call made it meanwhile.
    const again = this.fulls.get(located.report)?.deref();
    if (again) return again;
    const found = imp.reports.find((r) => r.id === located.report.id);
    if (!found) return undefined;
    const head = located.report;
    // The file changed since the head was read (the corpus hears of it shortly): its own outline goes with its text.
    const outline = contentHash(found) === contentHash(head) ? head.outline : found.outline;
    const full: Report = { ...head, outline, text: found.text, paragraphs: found.paragraphs };
    this.fulls.set(head, new WeakRef(full));
    this.heads.set(full, head);
    return full;
  }

  /** The head a full report of Corpus.full was made for, or undefined for any other object. */
  headOf(report: ReportHead): ReportHead | undefined {
    return this.heads.get(report);
  }

  /** The full reports of `located`, in order, those the files no longer hold left out. */
  async fullAll(located: readonly Located[]): Promise<{ source: vscode.Uri; report: Report }[]> {
    const out: { source: vscode.Uri; report: Report }[] = [];
    for (const x of located) {
      const report = await this.full(x);
      if (report) out.push({ source: x.source, report });
    }
    return out;
  }

  /** The discovered reports grouped by source, in the order of the series (scans if needed). */
  async reportsBySource(): Promise<{ source: vscode.Uri; reports: ReportHead[] }[]> {
    const groups = new Map<string, { source: vscode.Uri; reports: ReportHead[] }>();
    for (const { source, report } of await this.allReports()) {
      const g = groups.get(source.toString());
      if (g) g.reports.push(report);
      else groups.set(source.toString(), { source, reports: [report] });
    }
    return [...groups.values()];
  }

  private async ensureScanned(): Promise<void> {
    if (!this.dirty && !this.scanning && this.pending.size) {
      this.scanning = this.update().finally(() => {
        this.scanning = null;
        // Files changed while the update ran: update again.
        if (this.pending.size) this.scheduleUpdate();
      });
    }
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
          // A view that showed what the scan had read so far asks again, and shows why it stopped.
          this.invalidated.fire();
        } finally {
          this.scanning = null;
          // Files changed while the scan ran: whoever shows the reports asks again, or (the watcher
          // told of them) they are updated alone.
          if (this.dirty) this.invalidated.fire();
          else if (this.pending.size) this.scheduleUpdate();
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
    this.pending.clear();
    const files = await vscode.workspace.findFiles(sources, discoveryExclude(), maxScanFiles + 1);
    const foundMs = Date.now() - t0;
    const spent = { ...this.reports.spent };
    if (files.length > maxScanFiles) {
      files.length = maxScanFiles;
      notes.push({
        label: vscode.l10n.t('Scan stopped at {0} files (setting annals.maxScanFiles).', maxScanFiles),
        tooltip: vscode.l10n.t('Narrow annals.sources or raise annals.maxScanFiles to see the rest.'),
      });
    }
    files.sort((a, b) => a.toString().localeCompare(b.toString()));
    const generation = ++this.generation;
    if (this.options.store && !this.restored) {
      this.restored = true;
      const t1 = Date.now();
      const found = new Set(files.map((uri) => uri.toString()));
      // Only the files found now: a file gone since is neither shown nor kept.
      const stored = [...(await this.options.store.load())].filter(([key]) => found.has(key));
      this.reports.restore(stored);
      const loaded = Date.now() - t1;
      if (stored.length) {
        try {
          return await this.showStored(files, { t0, found: foundMs, loaded, notes, generation });
        } catch (e) {
          // Heads that cannot be shown (a store that only looked right): forgotten, and every file read as if there were none.
          this.options.log?.info(
            `The heads stored by the last session cannot be shown (${e instanceof Error ? e.message : String(e)}): every file is read again.`,
          );
          this.reports.forgetRestored(stored);
        }
      }
    }
    // Read and import several files at once (the imports run in worker threads); keep the order.
    const imports = await this.readShowing(files, generation, notes);
    this.files = files;
    this.byFile = new Map(files.map((uri, i) => [uri.toString(), entryOf(uri, imports[i])]));
    this.collect();
    const imported = this.imported;
    const reports = imported.length;
    await this.group(false);
    if (!imported.length) {
      notes.push({
        label: vscode.l10n.t('No reports found in this workspace.'),
        tooltip: vscode.l10n.t('Annals looks for feeds, saved pages and text files matching annals.sources.'),
      });
    }
    this.notes = notes;
    this.lastScan = { files: files.length, reports, ms: Date.now() - t0 };
    const after = this.reports.spent;
    this.options.log?.info(
      `Scanned ${files.length} files: ${reports} reports in ${this.lastScan.ms} ms. Finding them took ${foundMs} ms; summed over the files ` +
        `(${SCAN_CONCURRENCY} at a time), the file system took ${after.files - spent.files} ms and the imports ${after.imports - spent.imports} ms.`,
    );
    this.rescanned.fire({ series: null, sources: null });
    this.saveSoon();
  }

  /**
   * Reads every file (ReportService.heads), several at once; while that takes longer than SHOW_READ_MS, the series
   * of the files read so far are grouped, in the files' order, and offered to the Reports view (soon, onDidRead),
   * then again every 2.5 × SHOW_READ_MS, with a note of how far the reading is.
   */
  private async readShowing(files: readonly vscode.Uri[], generation: number, notes: readonly CorpusNote[]): Promise<HeadImport[]> {
    const imports = new Array<HeadImport>(files.length);
    const reading = { view: null as CorpusView | null, done: 0, total: files.length };
    this.reading = reading;
    const every = this.options.showReadMs ?? SHOW_READ_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const showSoFar = async () => {
      let corrections: Awaited<ReturnType<Corpus['correctionsNow']>>;
      try {
        corrections = await this.correctionsNow();
      } catch {
        // Not shown this time (the corrections cannot be read now); the scan's own grouping says why, if it fails too.
        return later(every * 2.5);
      }
      const { file, problem } = corrections;
      if (this.reading !== reading || generation !== this.generation || this.closed) return;
      const located: Located[] = [];
      for (const [i, uri] of files.entries()) if (imports[i]) located.push(...entryOf(uri, imports[i]).located);
      const grouping = group(located, file, problem);
      const progress: CorpusNote = {
        label: vscode.l10n.t('Reading the files: {0} of {1}…', reading.done, reading.total),
        tooltip: vscode.l10n.t('The series of the files read so far; the rest follow.'),
      };
      reading.view = { series: grouping.series, unplaced: grouping.unplaced, notes: [...notes, progress] };
      this.readSoFar.fire();
      // Shown again less often than first: each showing redraws the view, which the scan shares the machine with.
      later(every * 2.5);
    };
    // The timer alone never keeps the process alive (the reads do, while they run), nor outlives the corpus.
    const later = (ms: number) => {
      if (!this.closed) timer = setTimeout(() => void showSoFar(), ms);
      (timer as { unref?: () => void } | undefined)?.unref?.();
    };
    later(every);
    try {
      return await mapLimit(
        files,
        SCAN_CONCURRENCY,
        async (uri) => {
          const heads = await this.reports.heads(uri);
          reading.done++;
          return heads;
        },
        imports,
      );
    } finally {
      clearTimeout(timer);
      if (this.reading === reading) this.reading = null;
    }
  }

  /**
   * The first scan of a session with heads stored by the last: the files they know are shown at once,
   * as they were; then every file is checked against the disk (one `stat` a file; a file whose time
   * or size changed, or that the store did not know, is read), and those that changed are updated alone.
   */
  private async showStored(files: vscode.Uri[], scan: { t0: number; found: number; loaded: number; notes: CorpusNote[]; generation: number }): Promise<void> {
    const shown = new Map<string, HeadImport>();
    for (const uri of files) {
      const heads = this.reports.known(uri);
      if (heads) shown.set(uri.toString(), heads);
    }
    this.files = files.filter((uri) => shown.has(uri.toString()));
    this.byFile = new Map(this.files.map((uri) => [uri.toString(), entryOf(uri, shown.get(uri.toString()) as HeadImport)]));
    this.collect();
    await this.group(false);
    // Nothing found yet, and no file left to read: nothing will be.
    if (!this.imported.length && this.files.length === files.length) {
      scan.notes.push({
        label: vscode.l10n.t('No reports found in this workspace.'),
        tooltip: vscode.l10n.t('Annals looks for feeds, saved pages and text files matching annals.sources.'),
      });
    }
    this.notes = scan.notes;
    this.lastScan = { files: this.files.length, reports: this.imported.length, ms: Date.now() - scan.t0 };
    this.options.log?.info(
      `Showed ${this.files.length} of ${files.length} files from the heads stored by the last session: ${this.imported.length} reports in ${this.lastScan.ms} ms ` +
        `(finding them took ${scan.found} ms, reading the stored heads ${scan.loaded} ms). Checking them against the disk.`,
    );
    this.rescanned.fire({ series: null, sources: null });
    const watched = new Set<string>();
    this.watched = watched;
    this.checking = this.check(files, shown, scan.generation, watched)
      .catch((e) => this.options.log?.info(`The check of the stored heads failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        if (this.watched === watched) this.watched = null;
      });
  }

  /** Checks every file of the first scan against the disk; those that changed, or were not shown, are updated. */
  private async check(files: readonly vscode.Uri[], shown: ReadonlyMap<string, HeadImport>, generation: number, watched: ReadonlySet<string>): Promise<void> {
    // The series shown reach the views first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const t0 = Date.now();
    const spent = { ...this.reports.spent };
    const changed: vscode.Uri[] = [];
    const run = () =>
      mapLimit(files, SCAN_CONCURRENCY, async (uri) => {
        // A file the watcher reported is the update's (deleted, it must not come back as a failure to read).
        if (generation !== this.generation || watched.has(uri.toString())) return;
        const heads = await this.reports.heads(uri);
        if (heads !== shown.get(uri.toString()) && !watched.has(uri.toString())) changed.push(uri);
      });
    const { progress } = this.options;
    if (progress) await vscode.window.withProgress({ location: progress, title: vscode.l10n.t('Checking the reports against the disk…') }, run);
    else await run();
    // A scan since (Refresh, a changed setting) has read everything again.
    if (generation !== this.generation) return;
    for (const uri of changed) if (!this.pending.has(uri.toString())) this.pending.set(uri.toString(), { uri, deleted: false });
    const after = this.reports.spent;
    this.options.log?.info(
      `Checked ${files.length} files against the disk in ${Date.now() - t0} ms: ${changed.length} changed or new. Summed over the files ` +
        `(${SCAN_CONCURRENCY} at a time), the file system took ${after.files - spent.files} ms and the imports ${after.imports - spent.imports} ms.`,
    );
    // The update stores what it read; with nothing changed, the stored heads are those shown.
    if (this.pending.size) await this.ensureScanned();
  }

  /** Resolves when the check of the stored heads (after a session's first scan) and the update it asked for are done. */
  async checked(): Promise<void> {
    await this.checking;
    await this.ensureScanned();
  }

  /** Stores what is known of the files shortly after a scan or an update (a burst of updates is one save). */
  private saveSoon(): void {
    const { store } = this.options;
    if (!store || this.closed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.storeNow(), SAVE_DELAY_MS);
  }

  /** Stores now what a save waiting for its delay would store (at deactivation; tests). */
  async flushStore(): Promise<void> {
    if (this.saveTimer === undefined) return;
    await this.storeNow();
  }

  private async storeNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const known = new Set(this.files.map((uri) => uri.toString()));
    await this.options.store?.save([...this.reports.knownFiles()].filter(([key]) => known.has(key)));
  }

  /** The reports and failures of every file, in the files' order. */
  private collect(): void {
    const imported: Located[] = [];
    const failed: CorpusFailure[] = [];
    for (const uri of this.files) {
      const e = this.byFile.get(uri.toString());
      if (!e) continue;
      imported.push(...e.located);
      if (e.failure) failed.push(e.failure);
    }
    this.imported = imported;
    this.failed = failed;
  }

  /**
   * Re-imports the files the watcher reported, alone, and groups again: only their series change
   * (alignment realigns those, the views refresh those). A file created past annals.maxScanFiles
   * makes it a rescan, which tells the analyst where the scan stopped.
   */
  private async update(): Promise<void> {
    const t0 = Date.now();
    const changes = [...this.pending.values()];
    this.pending.clear();
    const touched = new Set<string>();
    const before = this.current.seriesOf;
    const added = changes.filter((c) => !c.deleted && !this.byFile.has(c.uri.toString()));
    if (this.files.length + added.length > discoverySettings().maxScanFiles) {
      this.refresh();
      return;
    }
    const loaded = await mapLimit(changes, SCAN_CONCURRENCY, (c) => (c.deleted ? Promise.resolve(null) : this.reports.heads(c.uri)));
    // One file whose one report came back: patched into the grouping when the core can (same series, year, …).
    const was = changes.length === 1 ? this.byFile.get(changes[0].uri.toString()) : undefined;
    for (const [i, { uri, deleted }] of changes.entries()) {
      const key = uri.toString();
      for (const { report } of this.byFile.get(key)?.located ?? []) {
        const s = before.get(report);
        if (s !== undefined) touched.add(s);
      }
      const imp = loaded[i];
      // A deleted file leaves the corpus; one that cannot be read stays, as a failure (as a scan lists it).
      if (deleted || !imp) {
        if (this.byFile.delete(key)) this.files = this.files.filter((f) => f.toString() !== key);
        continue;
      }
      if (!this.byFile.has(key)) this.files.splice(insertionPoint(this.files, uri), 0, uri);
      this.byFile.set(key, entryOf(uri, imp));
    }
    this.collect();
    // The corrections changed meanwhile: this grouping applies them, and they may touch any series.
    const everything = this.regroup;
    const now = changes.length === 1 ? this.byFile.get(changes[0].uri.toString()) : undefined;
    let patch: CorpusGrouping | null = null;
    if (!everything && was?.located.length === 1 && now?.located.length === 1 && !was.failure && !now.failure) {
      const { file } = await this.correctionsNow();
      // The corrections changed while they were read: group everything.
      if (!this.regroup) patch = patched(this.current, was.located[0], now.located[0], file);
    }
    if (patch) this.current = patch;
    else await this.group(false);
    for (const c of changes) {
      for (const { report } of this.byFile.get(c.uri.toString())?.located ?? []) {
        const s = this.current.seriesOf.get(report);
        if (s !== undefined) touched.add(s);
      }
    }
    this.lastScan = { files: this.files.length, reports: this.imported.length, ms: Date.now() - t0 };
    this.options.log?.info(
      `Updated ${changes.length} changed file(s): ${touched.size} series in ${this.lastScan.ms} ms${patch ? ', the grouping patched' : ''}.`,
    );
    this.rescanned.fire(everything ? { series: null, sources: null } : { series: touched, sources: new Set(changes.map((c) => c.uri.toString())) });
    this.saveSoon();
  }

  /** The corrections in force (.annals/corpus.json) and their problem; none when the corpus has no CorrectionsService. */
  private async correctionsNow() {
    return (await this.options.corrections?.get()) ?? { file: emptyCorpusFile(), problem: null };
  }

  /** Groups the imported reports into series with the corrections in force; fires onDidChange unless told not to. */
  private async group(fire = true): Promise<void> {
    this.regroup = false;
    const { file, problem } = await this.correctionsNow();
    this.current = group(this.imported, file, problem);
    if (fire) this.rescanned.fire({ series: null, sources: null });
  }

  override dispose(): void {
    // A check under way stops, and nothing is stored from now on (the services it reads are going).
    this.closed = true;
    this.generation++;
    clearTimeout(this.refreshTimer);
    clearTimeout(this.saveTimer);
    this.watcher?.dispose();
    super.dispose();
  }
}

/** How long after the watcher's last event the changed files are read: a burst of events is one update. */
const UPDATE_DELAY_MS = 50;

/** How long after a scan or an update what is known of the files is stored (HeadStore): a burst of updates is one save. */
const SAVE_DELAY_MS = 2000;

/** What one file holds for the corpus: its reports, or why it could not be read. */
function entryOf(uri: vscode.Uri, imp: HeadImport): { located: Located[]; failure: CorpusFailure | null } {
  let failure: CorpusFailure | null = null;
  if (!imp.reports.length) {
    const error = imp.diagnostics.find((d) => d.severity === 'error');
    if (error && READ_FAILURES.has(error.code)) failure = { source: uri, diagnostic: error };
  }
  return { located: isReportLike(imp) ? imp.reports.map((report) => ({ source: uri, report })) : [], failure };
}

/** Where `uri` goes in files sorted as a scan sorts them. */
function insertionPoint(files: readonly vscode.Uri[], uri: vscode.Uri): number {
  const key = uri.toString();
  let lo = 0;
  let hi = files.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (files[mid].toString().localeCompare(key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
