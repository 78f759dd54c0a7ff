import * as vscode from 'vscode';
import { diag, type Diagnostic, type QdpxProject, type Report, type ReportHead, reportHead, type Result, type SourceImport } from '../core/index.ts';
import { Disposable } from './disposable.ts';
import { ByteBudget } from './byteBudget.ts';
import type { Importer } from './importer.ts';
import { cacheBytes, discoverySettings } from './settings.ts';

/** A source's import with each report's head only (reportHead: no text, no paragraphs): what the Corpus keeps. */
export interface HeadImport {
  source: string;
  format: SourceImport['format'];
  diagnostics: Diagnostic[];
  reports: ReportHead[];
}

export interface Stamp {
  mtime: number;
  size: number;
  /** The size limit the import was made under: a file refused under a smaller limit is read again. */
  maxBytes: number;
}

/** What is known of a file: its stamp and its reports' heads (kept from one session to the next by the HeadStore). */
export interface KnownFile extends Stamp {
  heads: HeadImport;
}

/**
 * What the files being read and imported at once may weigh together (a scan asks for many at a time: a folder of
 * large PDFs must not all be in memory at once, twice with the copy sent to the import worker).
 */
const READING_BYTES = 64 * 1048576;

interface FullEntry extends Stamp {
  imp: SourceImport;
  /** What the import's texts and paragraphs weigh, about (weightOf). */
  bytes: number;
}

/**
 * Imports sources through `vscode.workspace.fs`, so remote and virtual workspaces work. Each
 * source's reports' heads (metadata, outline, diagnostics) are kept while the file is unchanged (by
 * modification time and size); the full imports (texts and paragraphs) only in a cache bounded by
 * annals.cacheMegabytes, the least recently used let go first and read again when asked for.
 */
export class ReportService extends Disposable {
  private cache = new Map<string, KnownFile>();
  /** The full imports, least recently used first (a Map keeps the order of insertion: a use moves one to the end). */
  private fulls = new Map<string, FullEntry>();
  private fullBytes = 0;
  private pending = new Map<string, Promise<{ heads: HeadImport; imp: SourceImport | null }>>();
  private readonly reading = new ByteBudget(READING_BYTES);
  /** Milliseconds spent, summed over the loads (several run at once): in the file system, and waiting for imports. */
  readonly spent = { files: 0, imports: 0 };
  /** How many imports were made again because the cache had let them go (for the log, the bench and tests). */
  rereads = 0;
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires when a source's content changed (or it was deleted) and its reports must be re-read. */
  readonly onDidChangeSource = this.changed.event;

  /**
   * `importer` runs the core's import: in worker threads in the editor, on the test's thread in unit tests.
   * `budget` is what the full imports kept may weigh, in bytes (default: annals.cacheMegabytes).
   */
  constructor(
    private readonly importer: Importer,
    private readonly budget: () => number = cacheBytes,
  ) {
    super();
  }

  /** The source's full import (its reports' texts and paragraphs): from the cache, else read and imported. */
  async load(uri: vscode.Uri): Promise<SourceImport> {
    const { heads, imp } = await this.run(uri, true);
    // Only a load of heads alone leaves the import out, and run() asks again for the full one then.
    return imp ?? (heads as SourceImport);
  }

  /** The source's reports' heads (no texts): kept while the file is unchanged; read and imported when not known. */
  async heads(uri: vscode.Uri): Promise<HeadImport> {
    return (await this.run(uri, false)).heads;
  }

  /**
   * The heads known for a file without touching the disk: read this session, or stored by an earlier one
   * (restore). Unchecked: `heads` checks the file's modification time and size first.
   */
  known(uri: vscode.Uri): HeadImport | undefined {
    return this.cache.get(uri.toString())?.heads;
  }

  /** Takes what an earlier session knew of files (the HeadStore): used while a file's stamp is the same. */
  restore(files: Iterable<[string, KnownFile]>): void {
    for (const [key, file] of files) if (!this.cache.has(key)) this.cache.set(key, file);
  }

  /** Forgets what `restore` took, where nothing has replaced it since. */
  forgetRestored(files: Iterable<[string, KnownFile]>): void {
    for (const [key, file] of files) if (this.cache.get(key) === file) this.cache.delete(key);
  }

  /** What is known of every file read (or restored), for the HeadStore. */
  knownFiles(): IterableIterator<[string, KnownFile]> {
    return this.cache.entries();
  }

  /** Bytes of the full imports kept now. */
  get cachedBytes(): number {
    return this.fullBytes;
  }

  private run(uri: vscode.Uri, full: boolean): Promise<{ heads: HeadImport; imp: SourceImport | null }> {
    const key = uri.toString();
    const running = this.pending.get(key);
    // A load under way: its result, unless it was of the heads alone and the full import is asked for.
    if (running) return full ? running.then((r) => (r.imp ? r : this.run(uri, true))) : running;
    const p = this.loadNow(uri, full).finally(() => {
      if (this.pending.get(key) === p) this.pending.delete(key);
    });
    this.pending.set(key, p);
    return p;
  }

  private async loadNow(uri: vscode.Uri, full: boolean): Promise<{ heads: HeadImport; imp: SourceImport | null }> {
    const key = uri.toString();
    // A readable name for messages, titles and the year in a file name (not percent-encoded).
    const name = uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
    let stat: vscode.FileStat;
    const t0 = Date.now();
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch (e) {
      this.forget(key);
      return settled(failed(name, { severity: 'error', message: vscode.l10n.t('Cannot read {0}: {1}', name, errorText(e)), line: null }));
    } finally {
      // The stat's time is the file system's, whether it answers alone (the file unchanged) or a read follows.
      this.spent.files += Date.now() - t0;
    }
    // Only regular files: a pipe or a device would block the read for ever.
    if ((stat.type & vscode.FileType.File) === 0 || (stat.type & vscode.FileType.Directory) !== 0) {
      this.forget(key);
      return settled(failed(name, diag('error', 'notRegularFile')));
    }
    const { maxBytes } = discoverySettings();
    const stamp: Stamp = { mtime: stat.mtime, size: stat.size, maxBytes };
    const hit = this.cache.get(key);
    const known = hit !== undefined && same(hit, stamp);
    if (known && !hit.heads.reports.length) return { heads: hit.heads, imp: hit.heads as SourceImport };
    const cached = this.fulls.get(key);
    if (cached && same(cached, stamp) && known) {
      // Used: the most recent now.
      this.fulls.delete(key);
      this.fulls.set(key, cached);
      return { heads: hit.heads, imp: cached.imp };
    }
    if (known && !full) return { heads: hit.heads, imp: null };
    if (stat.size > maxBytes) {
      const imp = failed(name, diag('error', 'tooLarge', [(stat.size / 1048576).toFixed(1), (maxBytes / 1048576).toFixed(1)]));
      this.dropFull(key);
      this.cache.set(key, { ...stamp, heads: imp as HeadImport });
      return settled(imp);
    }
    // The file's bytes are held from the read to the end of the import: within the budget of what is read at once.
    const read = await this.reading.with(stat.size, () => this.readAndImport(uri, name, maxBytes));
    if ('error' in read) return settled(failed(name, { severity: 'error', message: vscode.l10n.t('Cannot read {0}: {1}', name, read.error), line: null }));
    const { imp } = read;
    if (known) {
      // Read again after the cache let it go: the same content, so the heads the Corpus holds stay. A read that
      // failed this time (a worker that timed out) or gave other reports is not kept: the next asks again.
      this.rereads++;
      if (imp.reports.length && hit.heads.reports.every((h) => imp.reports.some((r) => r.id === h.id))) this.keep(key, stamp, imp);
      return { heads: hit.heads, imp };
    }
    const heads: HeadImport = { source: imp.source, format: imp.format, diagnostics: imp.diagnostics, reports: imp.reports.map(reportHead) };
    this.cache.set(key, { ...stamp, heads });
    if (imp.reports.length) this.keep(key, stamp, imp);
    else this.dropFull(key);
    return { heads, imp };
  }

  /** Reads a file and imports it (in the importer's worker), or says why it cannot be read. */
  private async readAndImport(uri: vscode.Uri, name: string, maxBytes: number): Promise<{ imp: SourceImport } | { error: string }> {
    let bytes: Uint8Array;
    const tRead = Date.now();
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      return { error: errorText(e) };
    } finally {
      this.spent.files += Date.now() - tRead;
    }
    const t1 = Date.now();
    const imp = shareParagraphTexts(await this.importer.run(name, bytes, { maxBytes }));
    this.spent.imports += Date.now() - t1;
    return { imp };
  }

  /** Keeps a full import, the most recent, and lets the least recently used go while the cache is over its budget. */
  private keep(key: string, stamp: Stamp, imp: SourceImport): void {
    this.dropFull(key);
    const bytes = weightOf(imp);
    this.fulls.set(key, { ...stamp, imp, bytes });
    this.fullBytes += bytes;
    const budget = this.budget();
    for (const [k, e] of this.fulls) {
      // The one just kept stays, even alone over the budget: it is being used.
      if (this.fullBytes <= budget || k === key) break;
      this.fulls.delete(k);
      this.fullBytes -= e.bytes;
    }
  }

  private dropFull(key: string): void {
    const e = this.fulls.get(key);
    if (!e) return;
    this.fulls.delete(key);
    this.fullBytes -= e.bytes;
  }

  private forget(key: string): void {
    this.cache.delete(key);
    this.dropFull(key);
  }

  /** Imports bytes that are not a workspace file (a page fetched from the web), the way files are imported. */
  importBytes(source: string, bytes: Uint8Array, options: { maxBytes?: number }): Promise<SourceImport> {
    return this.importer.run(source, bytes, options);
  }

  /** A REFI-QDA project's bytes read into a project, on the import worker (a zip and XML from elsewhere). */
  readQdpx(source: string, bytes: Uint8Array, maxBytes: number): Promise<Result<QdpxProject>> {
    return this.importer.readQdpx(source, bytes, maxBytes);
  }

  /** The full import if it is in the cache, without touching the disk. */
  peek(uri: vscode.Uri): SourceImport | undefined {
    return this.fulls.get(uri.toString())?.imp;
  }

  async report(uri: vscode.Uri, id: string): Promise<Report | undefined> {
    const imp = await this.load(uri);
    return imp.reports.find((r) => r.id === id);
  }

  private lastInvalidated = new Map<string, number>();

  /**
   * Called by watchers: forget the cache entry (and any load under way, which may have read the
   * old content) and tell listeners. Two watchers reporting the same change tell them once.
   */
  invalidate(uri: vscode.Uri): void {
    const key = uri.toString();
    this.forget(key);
    this.pending.delete(key);
    const now = Date.now();
    if (now - (this.lastInvalidated.get(key) ?? 0) < 100) return;
    this.lastInvalidated.set(key, now);
    this.changed.fire(uri);
  }

  override dispose(): void {
    super.dispose();
    this.importer.dispose();
    this.cache.clear();
    this.fulls.clear();
    this.fullBytes = 0;
  }
}

const same = (a: Stamp, b: Stamp) => a.mtime === b.mtime && a.size === b.size && a.maxBytes === b.maxBytes;

/** A load that keeps nothing (the file cannot be read): its import is also its heads. */
function settled(imp: SourceImport): { heads: HeadImport; imp: SourceImport } {
  return { heads: imp, imp };
}

/**
 * About what a report's text and paragraphs weigh in memory: two bytes a character (the paragraphs'
 * texts are slices of it: shareParagraphTexts) and about 100 bytes a paragraph object.
 */
export function reportWeight(r: Report): number {
  return r.text.length * 2 + r.paragraphs.length * 100;
}

function weightOf(imp: SourceImport): number {
  let n = 0;
  for (const r of imp.reports) n += reportWeight(r);
  return n;
}

/**
 * Makes each paragraph's text a slice of its report's text, where it is that slice. An import that
 * comes back from a worker thread is a structured clone, in which every paragraph's text is a copy:
 * the engine shares the characters of a slice, so this halves what the texts of a workspace weigh.
 */
export function shareParagraphTexts(imp: SourceImport): SourceImport {
  for (const r of imp.reports) {
    for (const p of r.paragraphs) {
      const slice = r.text.slice(p.start, p.end);
      if (slice === p.text) p.text = slice;
    }
  }
  return imp;
}

function failed(source: string, diagnostic: Diagnostic): SourceImport {
  return { source, format: 'text', diagnostics: [diagnostic], reports: [] };
}

function errorText(e: unknown): string {
  if (e instanceof vscode.FileSystemError) return e.code === 'FileNotFound' ? vscode.l10n.t('no such file') : e.message;
  return e instanceof Error ? e.message : String(e);
}
