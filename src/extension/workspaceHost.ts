/**
 * The core's FileHost over the editor's file system (`vscode.workspace.fs`, so remote and virtual workspaces work): the
 * sidecars' and the codebook's atomic writes and locks go through it.
 */
import * as vscode from 'vscode';
import { type FileHost, isNotFound } from '../core/index.ts';

const uriOf = (p: string) => vscode.Uri.parse(p, true);
export const workspaceHost: FileHost = {
  readFile: async (p) => vscode.workspace.fs.readFile(uriOf(p)),
  writeFile: async (p, data) => vscode.workspace.fs.writeFile(uriOf(p), data),
  /**
   * workspace.fs has no exclusive create. The lock file is written under a private name, renamed
   * into place without overwrite (FileExists when the name is taken), then read back: it must hold
   * this writer's own bytes (a random token). Limits: a file system provider may check for the
   * name and rename in two steps, so two windows in the same instant could both rename; the read
   * back catches the earlier one, and the save's check of the sidecar before its rename the rest
   * but a write landing between that check and the rename (docs/reliability.md).
   */
  createExclusive: async (p, data) => {
    const temp = uriOf(`${p}.${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}.tmp`);
    await vscode.workspace.fs.writeFile(temp, data);
    try {
      await vscode.workspace.fs.rename(temp, uriOf(p), { overwrite: false });
    } catch (e) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw e;
    }
    const back = await vscode.workspace.fs.readFile(uriOf(p));
    if (back.length !== data.length || back.some((b, i) => b !== data[i])) throw Object.assign(new Error(`${p} was taken`), { code: 'FileExists' });
  },
  rename: async (from, to, options) => vscode.workspace.fs.rename(uriOf(from), uriOf(to), options),
  delete: async (p) => vscode.workspace.fs.delete(uriOf(p)),
  stat: async (p) => {
    const s = await vscode.workspace.fs.stat(uriOf(p));
    return { mtime: s.mtime, size: s.size };
  },
  readDirectory: async (p) => (await vscode.workspace.fs.readDirectory(uriOf(p))).map(([name]) => name),
  /** workspace.fs cannot read a link's target: a linked sidecar is refused (the store says so), never replaced by a file. */
  realPath: async (p) => {
    const s = await vscode.workspace.fs.stat(uriOf(p)).then(undefined, (e: unknown) => (isNotFound(e) ? null : Promise.reject(e)));
    if (s && s.type & vscode.FileType.SymbolicLink) throw Object.assign(new Error(`${p} is a symbolic link`), { code: 'SymbolicLink' });
    return p;
  },
  owner: { pid: typeof process === 'object' ? process.pid : 0, host: vscode.env.machineId },
};
