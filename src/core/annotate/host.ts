/**
 * The file operations the annotation store needs, given by its host: vscode.workspace.fs in the
 * extension, Node's fs in the CLI, memory in tests. Paths or URIs as strings with `/` separators.
 */
import { fail, ok, type Result } from '../model/index.ts';

export interface FileStat {
  /** Milliseconds since 1970 (a file system may keep whole seconds only). */
  mtime: number;
  size: number;
}

/** Who takes a lock: the process, its machine, and (where the host can tell) whether a process of this machine still runs. */
export interface LockOwner {
  pid: number;
  host: string;
  /** Whether the process `pid` of this machine is running; absent when the host cannot tell. */
  alive?: (pid: number) => boolean;
}

export interface FileHost {
  /** Rejects when the file does not exist (an error whose `code` is ENOENT, FileNotFound or EntryNotFound). */
  readFile(path: string): Promise<Uint8Array>;
  /** Creates missing parent folders, as workspace.fs.writeFile does. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /**
   * Creates the file with `data` only when nothing is at `path` (creating missing parent folders);
   * rejects with an error whose `code` is EEXIST or FileExists when something is. Another reader
   * sees the whole of `data` or no file (Node: a hard link of a written temporary file).
   */
  createExclusive(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string, options: { overwrite: boolean }): Promise<void>;
  delete(path: string): Promise<void>;
  stat(path: string): Promise<FileStat>;
  /** The names in a folder. */
  readDirectory(path: string): Promise<string[]>;
  /**
   * The path with symbolic links resolved (a link's target, for a link to a file not yet created);
   * the path itself when there is no link. Rejects (code `SymbolicLink`) when the path is a link
   * that this host cannot resolve.
   */
  realPath(path: string): Promise<string>;
  /** This process, as the lock files it writes name it. */
  readonly owner: LockOwner;
}

const codeOf = (e: unknown) => (e as { code?: unknown } | null)?.code;
const nameOf = (e: unknown) => String((e as Error | null)?.name ?? '');

/** Whether an error from a FileHost means “no such file”. */
export function isNotFound(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound' || /\bFileNotFound\b|EntryNotFound/.test(nameOf(e));
}

/** Whether an error from a FileHost means “something is already there”. */
export function isExists(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'EEXIST' || code === 'FileExists' || /\bFileExists\b|EntryExists/.test(nameOf(e));
}

/** Whether an error from a FileHost means “a symbolic link this host cannot resolve”. */
export function isUnresolvedLink(e: unknown): boolean {
  return codeOf(e) === 'SymbolicLink';
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Writes a file atomically: a temporary sibling, then a rename over the file (through a symbolic
 * link, to its target). A failed write (a full disk) leaves the previous file as it was, and no
 * temporary file behind.
 */
export async function writeFileAtomic(host: FileHost, path: string, data: Uint8Array): Promise<Result<void>> {
  let target = path;
  let temp: string | null = null;
  try {
    target = await host.realPath(path);
    temp = `${target}.${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}.tmp`;
    await host.writeFile(temp, data);
    await host.rename(temp, target, { overwrite: true });
    return ok(undefined);
  } catch (e) {
    if (temp !== null) await host.delete(temp).catch(() => undefined);
    return fail('writeFailed', [path, errorText(e)]);
  }
}
