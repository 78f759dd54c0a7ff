import * as vscode from 'vscode';
import { type Diagnostic, isObject, type MessageCode, problemText, type ReportHead, restoreHead, storeHead, writeFileAtomic } from '../core/index.ts';
import type { HeadImport, KnownFile } from './reportService.ts';
import { workspaceHost } from './workspaceHost.ts';

/**
 * The layout of the file (JSON Lines: a first line `{"format":1,"build":…}`, then one line a file: its URI string as
 * `key`, its modification time, size and size limit, and its import's heads: core storeHead); a file of another
 * layout, or of another build of the importer, is not used. A line that cannot be read leaves out its file alone.
 */
const FORMAT = 1;
const FILE = 'heads.json';

/**
 * The errors that a file's content gives (read again, it gives them again): kept. A file system
 * error, a worker that timed out or was stopped may not happen next time: not kept, the file is read
 * again next session.
 */
const LASTING: ReadonlySet<MessageCode | undefined> = new Set<MessageCode | undefined>(['tooLarge', 'binary', 'undecodable', 'parseFailed', 'notRegularFile']);

/** How many files are written between two turns of the event loop: a save never holds the extension host long. */
const SLICE = 200;

/**
 * The heads of the workspace's reports (metadata, outline, diagnostics and what the grouping reads
 * of their bodies; no texts), kept from one session to the next in the extension's storage for the
 * workspace (`ExtensionContext.storageUri`): a workspace opened again shows its series from them at
 * once, and the Corpus then checks each file's modification time and size against the disk (reading
 * again only the files that changed). Not a file of the workspace: nobody keeps it in git, and a
 * damaged file, or one written by another build of the importer, is read as empty.
 */
export class HeadStore {
  private saving: Promise<void> = Promise.resolve();
  private build: Promise<string> | undefined;

  /**
   * `dir` is the extension's storage for the workspace; `build` names the importer that made the
   * heads (its version and its worker script's modification time and size): heads of another are not used.
   */
  constructor(
    private readonly dir: vscode.Uri,
    private readonly buildOf: () => Promise<string>,
    private readonly log?: Pick<vscode.LogOutputChannel, 'info' | 'warn'>,
  ) {}

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.dir, FILE);
  }

  private currentBuild(): Promise<string> {
    this.build ??= this.buildOf();
    return this.build;
  }

  /** Whether a session stored heads for this workspace (one `stat`): the workspace has been opened with Annals before. */
  async exists(): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(this.file);
      return true;
    } catch {
      return false;
    }
  }

  /** The files stored by the last session, by URI string; none when there is no file, or it cannot be used. */
  async load(): Promise<Map<string, KnownFile>> {
    const out = new Map<string, KnownFile>();
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch {
      return out; // none yet
    }
    // A write that an exit cut short leaves its temporary file: removed (no two windows open one workspace).
    await this.removeTemporaries();
    try {
      const lines = new TextDecoder().decode(bytes).split('\n');
      const head: unknown = JSON.parse(lines[0]);
      if (!isObject(head) || head.format !== FORMAT || head.build !== (await this.currentBuild())) {
        this.log?.info('The heads stored by the last session were made by another build of Annals: every file is read again.');
        return out;
      }
      let skipped = 0;
      for (let i = 1; i < lines.length; i++) {
        if (i % SLICE === 0) await new Promise((resolve) => setTimeout(resolve, 0));
        if (!lines[i]) continue;
        const entry = parseLine(lines[i]);
        const file = isObject(entry) && typeof entry.key === 'string' ? restoreFile(entry) : null;
        if (file && isObject(entry)) out.set(entry.key as string, file);
        else skipped++;
      }
      if (skipped) this.log?.warn(`${skipped} stored file(s) could not be read from ${this.file.toString(true)}: they are read again.`);
    } catch (e) {
      this.log?.warn(`The heads stored by the last session cannot be read (${e instanceof Error ? e.message : String(e)}): every file is read again.`);
    }
    return out;
  }

  private async removeTemporaries(): Promise<void> {
    try {
      for (const [name] of await vscode.workspace.fs.readDirectory(this.dir)) {
        if (name.startsWith(`${FILE}.`) && name.endsWith('.tmp')) await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.dir, name));
      }
    } catch {
      // Nothing to remove, or it cannot be: the next write's rename does not depend on it.
    }
  }

  /**
   * Writes what is known of `files` (after a scan or an update): one at a time, in order, atomically
   * (a temporary file renamed over the old). A file whose error may not last is left out.
   */
  save(files: Iterable<[string, KnownFile]>): Promise<void> {
    const list = [...files];
    this.saving = this.saving
      .then(() => this.write(list))
      .catch((e) => this.log?.warn(`The heads could not be stored: ${e instanceof Error ? e.message : String(e)}`));
    return this.saving;
  }

  private async write(files: [string, KnownFile][]): Promise<void> {
    const t0 = Date.now();
    const lines = [JSON.stringify({ format: FORMAT, build: await this.currentBuild() })];
    for (const [i, [key, file]] of files.entries()) {
      if (i && i % SLICE === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      if (!lasting(file.heads)) continue;
      const { mtime, size, maxBytes, heads } = file;
      lines.push(
        JSON.stringify({
          key,
          mtime,
          size,
          maxBytes,
          source: heads.source,
          format: heads.format,
          diagnostics: heads.diagnostics,
          reports: heads.reports.map(storeHead),
        }),
      );
    }
    const text = `${lines.join('\n')}\n`;
    await vscode.workspace.fs.createDirectory(this.dir);
    // Atomic: a temporary sibling (heads.json.….tmp) renamed over the file, as the sidecars and the codebook are written.
    const written = await writeFileAtomic(workspaceHost, this.file.toString(), new TextEncoder().encode(text));
    if (!written.ok) throw new Error(problemText(written.problem));
    this.log?.info(`Stored the heads of ${lines.length - 1} files (${(text.length / 1048576).toFixed(1)} M characters) in ${Date.now() - t0} ms.`);
  }
}

/** Whether what a file gave would be given again: its reports, or an error its content makes. */
function lasting(heads: HeadImport): boolean {
  if (heads.reports.length) return true;
  return heads.diagnostics.every((d) => d.severity !== 'error' || LASTING.has(d.code));
}

function restoreFile(value: unknown): KnownFile | null {
  if (!isObject(value)) return null;
  const { mtime, size, maxBytes, source, format, diagnostics, reports } = value;
  if (typeof mtime !== 'number' || typeof size !== 'number' || typeof maxBytes !== 'number') return null;
  if (typeof source !== 'string' || typeof format !== 'string' || !Array.isArray(diagnostics) || !Array.isArray(reports)) return null;
  if (!diagnostics.every((d) => isObject(d) && typeof d.message === 'string' && typeof d.severity === 'string')) return null;
  const heads: ReportHead[] = [];
  for (const r of reports) {
    const head = restoreHead(r);
    if (!head) return null;
    heads.push(head);
  }
  return { mtime, size, maxBytes, heads: { source, format: format as HeadImport['format'], diagnostics: diagnostics as Diagnostic[], reports: heads } };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** The build of the importer: the extension's version and its worker script's modification time and size. */
export async function importerBuild(extensionUri: vscode.Uri, version: string): Promise<string> {
  const worker = vscode.Uri.joinPath(extensionUri, 'dist', 'importWorker.js');
  try {
    const stat = await vscode.workspace.fs.stat(worker);
    return `${version} ${stat.mtime} ${stat.size}`;
  } catch {
    return `${version} ?${Date.now()}`; // unknown: heads stored now are never used again
  }
}
