/**
 * An in-memory FileHost for store tests: it can fail a write midway or a rename, keep only whole
 * seconds of modification times (as some file systems do), hold symbolic links, and let another
 * writer in right after a rename.
 */
import type { FileHost, FileStat, LockOwner } from '../../src/core/annotate/index.ts';

export class MemFs implements FileHost {
  readonly files = new Map<string, Uint8Array>();
  /** Symbolic links: path → target. */
  readonly links = new Map<string, string>();
  /** Modification times, from `clock`; a rename keeps the file's time, as POSIX rename does. */
  private readonly times = new Map<string, number>();
  /** The time of file writes, in ms. Tests move it; by default it moves 1 ms per write. */
  clock = Date.UTC(2026, 0, 1);
  /** Whether `clock` moves by itself (1 ms per write); false: it stands still until a test moves it. */
  ticking = true;
  /** Keep whole seconds of modification times only (a file system with 1-second times). */
  coarseTimes = false;
  /** The next writeFile writes this many bytes, then fails (an interrupted write). */
  failNextWriteAfter: number | null = null;
  /** The next rename fails. */
  failNextRename = false;
  /** Whether this host can resolve links (the extension's host cannot). */
  resolvesLinks = true;
  writes = 0;
  /** Each operation first yields to the event loop 0–3 times, so that concurrent writers interleave in many orders. */
  jitter = false;
  /** Runs right after a rename: another writer getting in between. */
  afterRename: ((to: string) => Promise<void>) | undefined;
  /** The processes of this machine that are running, as lock owners see them. */
  running = new Set<number>([1]);
  owner: LockOwner = { pid: 1, host: 'memory', alive: (pid) => this.running.has(pid) };

  /** The same files seen by another process of this machine (its own pid and lock owner). */
  as(pid: number): FileHost {
    this.running.add(pid);
    const owner: LockOwner = { pid, host: this.owner.host, alive: (p) => this.running.has(p) };
    return new Proxy(this, {
      get: (t, k) => (k === 'owner' ? owner : typeof t[k as keyof MemFs] === 'function' ? (t[k as keyof MemFs] as () => unknown).bind(t) : t[k as keyof MemFs]),
    });
  }

  private async pause(): Promise<void> {
    if (!this.jitter) return;
    for (let k = Math.floor(Math.random() * 4); k > 0; k--) await new Promise((r) => setImmediate(r));
  }
  private missing(path: string): Error {
    return Object.assign(new Error(`${path}: not found`), { code: 'FileNotFound' });
  }
  private stamp(path: string): void {
    if (this.ticking) this.clock++;
    this.times.set(path, this.coarseTimes ? Math.floor(this.clock / 1000) * 1000 : this.clock);
  }
  /** A path with its links followed (one level, as these tests need). */
  private follow(path: string): string {
    return this.links.get(path) ?? path;
  }
  async readFile(path: string): Promise<Uint8Array> {
    await this.pause();
    const f = this.files.get(this.follow(path));
    if (!f) throw this.missing(path);
    return f.slice();
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await this.pause();
    this.writes++;
    const p = this.follow(path);
    if (this.failNextWriteAfter !== null) {
      const n = Math.min(this.failNextWriteAfter, data.length);
      this.failNextWriteAfter = null;
      this.files.set(p, data.slice(0, n));
      this.stamp(p);
      throw new Error('disk full (simulated)');
    }
    this.files.set(p, data.slice());
    this.stamp(p);
  }
  async createExclusive(path: string, data: Uint8Array): Promise<void> {
    await this.pause();
    if (this.files.has(path) || this.links.has(path)) throw Object.assign(new Error(`${path}: exists`), { code: 'FileExists' });
    this.files.set(path, data.slice());
    this.stamp(path);
  }
  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    await this.pause();
    if (this.failNextRename) {
      this.failNextRename = false;
      throw new Error('rename failed (simulated)');
    }
    const f = this.files.get(from);
    if (!f) throw this.missing(from);
    if (!options.overwrite && (this.files.has(to) || this.links.has(to))) throw Object.assign(new Error('exists'), { code: 'FileExists' });
    // As POSIX rename: a link at `to` is replaced, not written through.
    this.links.delete(to);
    this.files.set(to, f);
    this.times.set(to, this.times.get(from) ?? this.clock);
    this.times.delete(from);
    this.files.delete(from);
    await this.afterRename?.(to);
  }
  async delete(path: string): Promise<void> {
    await this.pause();
    if (this.links.delete(path)) return;
    if (!this.files.delete(path)) throw this.missing(path);
  }
  async stat(path: string): Promise<FileStat> {
    await this.pause();
    const p = this.follow(path);
    const f = this.files.get(p);
    if (!f) throw this.missing(path);
    return { mtime: this.times.get(p) ?? 0, size: f.length };
  }
  async readDirectory(path: string): Promise<string[]> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const names = [...this.files.keys(), ...this.links.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'));
    return names.map((p) => p.slice(prefix.length)).sort();
  }
  async realPath(path: string): Promise<string> {
    if (!this.links.has(path)) return path;
    if (!this.resolvesLinks) throw Object.assign(new Error(`${path} is a symbolic link`), { code: 'SymbolicLink' });
    return this.follow(path);
  }
  text(path: string): string | undefined {
    const f = this.files.get(this.follow(path));
    return f && new TextDecoder().decode(f);
  }
  put(path: string, text: string): void {
    const p = this.follow(path);
    this.files.set(p, new TextEncoder().encode(text));
    this.stamp(p);
  }
  /** The paths of regular files (links left out), sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }
}

/**
 * A clock for the store's `now`: from a fixed start, moving `step` ms per call. A step of 0 is a
 * clock that stands still (a coarse system clock, or two edits in the same millisecond).
 */
export function fakeClock(start = Date.UTC(2026, 0, 1), step = 1000): () => string {
  let t = start;
  return () => new Date((t += step)).toISOString();
}
