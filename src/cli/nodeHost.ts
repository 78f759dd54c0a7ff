/**
 * Node's fs as the annotation core's file host (the CLI and the bench). Paths are the core's:
 * absolute, with `/` separators.
 */
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import type { FileHost } from '../core/index.ts';

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** A path as the core wants it: absolute, with `/` separators. */
export const corePath = (p: string) => path.resolve(p).split(path.sep).join('/');

/** Whether process `pid` of this machine is running (EPERM: it is, as another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === 'EPERM';
  }
}

const suffix = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');

/** Errors of a file system that has no hard links (some network and FUSE file systems). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * The whole file in one buffer, read in as few calls as the kernel allows. `fsp.readFile` reads in
 * 512 KB pieces and the result was then copied: 145 ms for a 74 MB sidecar where one read takes 45 ms
 * (bench/RESULTS.md, Saves). A file that grows while it is read is read to its end; one that
 * shrinks, to where it ends.
 */
export async function readWhole(p: string): Promise<Uint8Array> {
  const handle = await fsp.open(p, 'r');
  try {
    const { size } = await handle.stat();
    let buf = new Uint8Array(size);
    let n = 0;
    for (;;) {
      if (n < buf.length) {
        const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
        continue;
      }
      // Full: the end is where a read gives nothing; else the file grew since its stat (or its file
      // system gives no size) and the buffer doubles.
      const more = new Uint8Array(64 * 1024);
      const { bytesRead } = await handle.read(more, 0, more.length, n);
      if (bytesRead === 0) break;
      const bigger = new Uint8Array(Math.max(buf.length * 2, n + bytesRead));
      bigger.set(buf);
      bigger.set(more.subarray(0, bytesRead), n);
      buf = bigger;
      n += bytesRead;
    }
    return n === buf.length ? buf : buf.subarray(0, n);
  } finally {
    await handle.close();
  }
}

export const nodeHost: FileHost = {
  readFile: readWhole,
  /** Creates missing folders, as workspace.fs does. */
  writeFile: async (p, data) => {
    await fsp.mkdir(path.dirname(p), { recursive: true });
    await fsp.writeFile(p, data);
  },
  /**
   * The content appears whole or not at all: a private file is written, then hard-linked to the
   * name, which fails with EEXIST when the name is taken (atomic, also over NFS). Where hard links
   * do not exist, an exclusive create (O_EXCL) written afterwards: a reader may then see it empty
   * for an instant, and the lock takes an empty lock file for one held by an unknown writer.
   */
  createExclusive: async (p, data) => {
    await fsp.mkdir(path.dirname(p), { recursive: true });
    const temp = `${p}.${suffix()}.tmp`;
    await fsp.writeFile(temp, data, { flag: 'wx' });
    try {
      await fsp.link(temp, p);
    } catch (e) {
      if (!NO_LINKS.has(codeOf(e) ?? '')) throw e;
      await fsp.writeFile(p, data, { flag: 'wx' });
    } finally {
      await fsp.unlink(temp).catch(() => undefined);
    }
  },
  /** POSIX rename replaces the target (the store always asks for that). */
  rename: async (from, to) => fsp.rename(from, to),
  delete: async (p) => fsp.unlink(p),
  stat: async (p) => {
    const s = await fsp.stat(p);
    return { mtime: s.mtimeMs, size: s.size };
  },
  readDirectory: async (p) => fsp.readdir(p),
  /** Symbolic links resolved; for a link whose target does not exist yet, that target. */
  realPath: async (p) => {
    try {
      return corePath(await fsp.realpath(p));
    } catch (e) {
      if (codeOf(e) !== 'ENOENT') throw e;
      try {
        return corePath(path.resolve(path.dirname(p), await fsp.readlink(p)));
      } catch {
        return p;
      }
    }
  },
  owner: { pid: process.pid, host: hostname(), alive },
};
