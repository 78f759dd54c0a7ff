/**
 * The analyst's corrections of report metadata and series: `.annals/corpus.json` of the first
 * workspace folder (docs/series.md). Read through vscode.workspace.fs and checked strictly; a
 * broken file is reported (an error with an Open button, a diagnostic) and never overwritten.
 * Each write first reads the file again and merges it entry by entry (a teammate's corrections
 * pulled through git are kept), then writes atomically (a temporary file renamed over it) with
 * stable sorted JSON. An outside change is merged in the same way, and onDidChange fires so that
 * the Corpus groups the reports again (no re-import).
 */
import * as vscode from 'vscode';
import {
  CORPUS_PATH,
  type CorpusFile,
  corpusBase,
  emptyCorpusFile,
  mergeCorpusFiles,
  parseCorpusFile,
  type Problem,
  serializeCorpusFile,
} from '../core/index.ts';
import { Disposable } from './disposable.ts';
import { problemMessage, showProblem } from './problems.ts';

type DiskState = { kind: 'missing' } | { kind: 'ok'; file: CorpusFile; text: string } | { kind: 'broken'; problem: Problem; text: string };

export class CorrectionsService extends Disposable {
  private current: CorpusFile = emptyCorpusFile();
  /** The modified times of the entries as last read or written: the base of the next merge. */
  private base: ReadonlyMap<string, string> = new Map();
  /** Why the file on disk cannot be used, or null. */
  private broken: Problem | null = null;
  /** The text last read or written, to tell our own writes from outside changes. */
  private lastText: string | null = null;
  private loaded = false;
  /** Writes and reloads, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: vscode.Disposable | undefined;
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('annals-corpus'));
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the corrections changed (a command, or an outside edit of the file). */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.rewatch();
    this.register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.rewatch();
        void this.reload();
      }),
    );
  }

  /** `.annals/corpus.json` of the first workspace folder; undefined with no folder open. */
  uri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, CORPUS_PATH);
  }

  private rewatch(): void {
    this.watcher?.dispose();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, CORPUS_PATH));
    const onChange = () => void this.reload();
    w.onDidChange(onChange);
    w.onDidCreate(onChange);
    w.onDidDelete(onChange);
    this.watcher = w;
  }

  /** The corrections in force (the last good file when the one on disk is broken), and why the file cannot be used. */
  async get(): Promise<{ file: CorpusFile; problem: Problem | null }> {
    if (!this.loaded) await this.enqueue(() => this.ensureLoaded());
    return { file: this.current, problem: this.broken };
  }

  /** Reads the file again after an outside change and merges it; fires onDidChange when that changed anything. */
  reload(): Promise<void> {
    return this.enqueue(() => (this.loaded ? this.readAndMerge(false) : this.ensureLoaded()));
  }

  private async ensureLoaded(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    await this.readAndMerge(true);
  }

  /**
   * Applies one change to the corrections: reads and merges the file on disk first, then writes
   * the result atomically. False when nothing was written (no folder, or the file is broken:
   * an error with an Open button says so).
   */
  update(change: (file: CorpusFile) => CorpusFile): Promise<boolean> {
    return this.enqueue(async () => {
      await this.ensureLoaded();
      const uri = this.uri();
      if (!uri) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder to keep corrections in .annals/corpus.json.'));
        return false;
      }
      const disk = await this.readDisk(uri);
      if (disk.kind === 'broken') {
        this.setBroken(disk.problem, uri);
        this.showBroken(uri, disk.problem);
        return false;
      }
      const merged = disk.kind === 'ok' ? mergeCorpusFiles(this.current, disk.file, this.base) : mergeCorpusFiles(this.current, emptyCorpusFile(), this.base);
      const next = change(merged);
      const text = serializeCorpusFile(next);
      try {
        await writeAtomically(uri, text);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not save the corrections in {0}: {1}', CORPUS_PATH, String(e)));
        return false;
      }
      this.current = next;
      this.base = corpusBase(next);
      this.lastText = text;
      this.setBroken(null, uri);
      this.changed.fire();
      return true;
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readDisk(uri: vscode.Uri): Promise<DiskState> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return { kind: 'missing' };
    }
    const text = new TextDecoder().decode(bytes);
    const parsed = parseCorpusFile(text, CORPUS_PATH);
    return parsed.ok ? { kind: 'ok', file: parsed.value, text } : { kind: 'broken', problem: parsed.problem, text };
  }

  private async readAndMerge(first: boolean): Promise<void> {
    const uri = this.uri();
    if (!uri) return;
    const disk = await this.readDisk(uri);
    const text = disk.kind === 'missing' ? null : disk.text;
    if (!first && text === this.lastText) return; // our own write, or nothing new
    this.lastText = text;
    if (disk.kind === 'broken') {
      const wasBroken = this.broken && problemMessage(this.broken) === problemMessage(disk.problem);
      this.setBroken(disk.problem, uri);
      if (!wasBroken) this.showBroken(uri, disk.problem);
      if (!first) this.changed.fire();
      return;
    }
    const file = disk.kind === 'ok' ? disk.file : emptyCorpusFile();
    this.current = first ? file : mergeCorpusFiles(this.current, file, this.base);
    this.base = corpusBase(file);
    this.setBroken(null, uri);
    if (!first) this.changed.fire();
  }

  private setBroken(p: Problem | null, uri: vscode.Uri): void {
    this.broken = p;
    if (!p) {
      this.diagnostics.delete(uri);
      return;
    }
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), problemMessage(p), vscode.DiagnosticSeverity.Error);
    d.source = 'Annals';
    this.diagnostics.set(uri, [d]);
  }

  private showBroken(uri: vscode.Uri, p: Problem): void {
    const open = vscode.l10n.t('Open');
    void showProblem(p, (why) => vscode.l10n.t('The corrections were not applied, and the file is left as it is: {0}', why), open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(uri);
    });
  }

  override dispose(): void {
    this.watcher?.dispose();
    super.dispose();
  }
}

/** Writes a file through a temporary file renamed over it, so that a reader never sees half of it. */
async function writeAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const dir = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(dir);
  const tmp = vscode.Uri.joinPath(dir, `.corpus.json.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(tmp)).catch(() => undefined);
    throw e;
  }
}
