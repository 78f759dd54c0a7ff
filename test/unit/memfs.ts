/** An in-memory FileHost for store tests, which can fail a write midway. */
import type { FileHost } from '../../src/core/annotate/index.ts';

export class MemFs implements FileHost {
  readonly files = new Map<string, Uint8Array>();
  /** Modification times: a counter that every write moves on; a rename keeps the file's time, as POSIX rename does. */
  private readonly times = new Map<string, number>();
  private clock = 0;
  /** The next writeFile writes this many bytes, then fails (an interrupted write). */
  failNextWriteAfter: number | null = null;
  /** The next rename fails. */
  failNextRename = false;
  writes = 0;
  /** Runs right after a rename: another writer getting in between. */
  afterRename: ((to: string) => Promise<void>) | undefined;

  private missing(path: string): Error {
    return Object.assign(new Error(`${path}: not found`), { code: 'FileNotFound' });
  }
  async readFile(path: string): Promise<Uint8Array> {
    const f = this.files.get(path);
    if (!f) throw this.missing(path);
    return f.slice();
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    this.writes++;
    if (this.failNextWriteAfter !== null) {
      const n = Math.min(this.failNextWriteAfter, data.length);
      this.failNextWriteAfter = null;
      this.files.set(path, data.slice(0, n));
      this.times.set(path, ++this.clock);
      throw new Error('disk full (simulated)');
    }
    this.files.set(path, data.slice());
    this.times.set(path, ++this.clock);
  }
  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    if (this.failNextRename) {
      this.failNextRename = false;
      throw new Error('rename failed (simulated)');
    }
    const f = this.files.get(from);
    if (!f) throw this.missing(from);
    if (!options.overwrite && this.files.has(to)) throw Object.assign(new Error('exists'), { code: 'FileExists' });
    this.files.set(to, f);
    this.times.set(to, this.times.get(from) ?? ++this.clock);
    this.times.delete(from);
    this.files.delete(from);
    await this.afterRename?.(to);
  }
  async delete(path: string): Promise<void> {
    if (!this.files.delete(path)) throw this.missing(path);
  }
  async stat(path: string): Promise<{ mtime: number; size: number }> {
    const f = this.files.get(path);
    if (!f) throw this.missing(path);
    return { mtime: this.times.get(path) ?? 0, size: f.length };
  }
  text(path: string): string | undefined {
    const f = this.files.get(path);
    return f && new TextDecoder().decode(f);
  }
  put(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
    this.times.set(path, ++this.clock);
  }
}

/** A clock that moves one second per call, from a fixed start. */
export function fakeClock(start = Date.UTC(2026, 0, 1)): () => string {
  let t = start;
  return () => new Date((t += 1000)).toISOString();
}
