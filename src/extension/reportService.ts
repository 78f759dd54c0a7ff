import * as vscode from 'vscode';
import { diag, type Diagnostic, type QdpxProject, type Report, type Result, type SourceImport } from '../core/index.ts';
import { Disposable } from './disposable.ts';
import type { Importer } from './importer.ts';
import { discoverySettings } from './settings.ts';

interface Entry {
  mtime: number;
  size: number;
  /** The size limit the import was made under: a file refused under a smaller limit is read again. */
  maxBytes: number;
  imp: SourceImport;
}

/**
 * Imports sources through `vscode.workspace.fs`, so remote and virtual workspaces work,
 * and caches each import by modification time and size.
 */
export class ReportService extends Disposable {
  private cache = new Map<string, Entry>();
  private pending = new Map<string, Promise<SourceImport>>();
  /** Milliseconds spent, summed over the loads (several run at once): in the file system, and waiting for imports. */
  readonly spent = { files: 0, imports: 0 };
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires when a source's content changed (or it was deleted) and its reports must be re-read. */
  readonly onDidChangeSource = this.changed.event;

  /** `importer` runs the core's import: in worker threads in the editor, on the test's thread in unit tests. */
  constructor(private readonly importer: Importer) {
    super();
  }

  async load(uri: vscode.Uri): Promise<SourceImport> {
    const key = uri.toString();
    const running = this.pending.get(key);
    if (running) return running;
    const p = this.loadNow(uri).finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  private async loadNow(uri: vscode.Uri): Promise<SourceImport> {
    const key = uri.toString();
    // A readable name for messages, titles and the year in a file name (not percent-encoded).
    const name = uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
    let stat: vscode.FileStat;
    const t0 = Date.now();
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch (e) {
      this.cache.delete(key);
      return failed(name, { severity: 'error', message: vscode.l10n.t('Cannot read {0}: {1}', name, errorText(e)), line: null });
    }
    // Only regular files: a pipe or a device would block the read for ever.
    if ((stat.type & vscode.FileType.File) === 0 || (stat.type & vscode.FileType.Directory) !== 0) {
      this.cache.delete(key);
      return failed(name, diag('error', 'notRegularFile'));
    }
    const { maxBytes } = discoverySettings();
    const hit = this.cache.get(key);
    if (hit && hit.mtime === stat.mtime && hit.size === stat.size && hit.maxBytes === maxBytes) return hit.imp;
    if (stat.size > maxBytes) {
      const imp = failed(name, diag('error', 'tooLarge', [(stat.size / 1048576).toFixed(1), (maxBytes / 1048576).toFixed(1)]));
      this.cache.set(key, { mtime: stat.mtime, size: stat.size, maxBytes, imp });
      return imp;
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      return failed(name, { severity: 'error', message: vscode.l10n.t('Cannot read {0}: {1}', name, errorText(e)), line: null });
    } finally {
      this.spent.files += Date.now() - t0;
    }
    const t1 = Date.now();
    const imp = shareParagraphTexts(await this.importer.run(name, bytes, { maxBytes }));
    this.spent.imports += Date.now() - t1;
    this.cache.set(key, { mtime: stat.mtime, size: stat.size, maxBytes, imp });
    return imp;
  }

  /** Imports bytes that are not a workspace file (a page fetched from the web), the way files are imported. */
  importBytes(source: string, bytes: Uint8Array, options: { maxBytes?: number }): Promise<SourceImport> {
    return this.importer.run(source, bytes, options);
  }

  /** A REFI-QDA project's bytes read into a project, on the import worker (a zip and XML from elsewhere). */
  readQdpx(source: string, bytes: Uint8Array, maxBytes: number): Promise<Result<QdpxProject>> {
    return this.importer.readQdpx(source, bytes, maxBytes);
  }

  /** The cached import, if any, without touching the disk. */
  peek(uri: vscode.Uri): SourceImport | undefined {
    return this.cache.get(uri.toString())?.imp;
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
    this.cache.delete(key);
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
  }
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
