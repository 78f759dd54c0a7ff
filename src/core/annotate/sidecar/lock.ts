/**
 * The lock file that makes a save a compare-and-swap: `<sidecar>.lock`, created exclusively by
 * the writer that saves, holding who took it (process, machine, time, a random token). A save
 * takes it, reads the sidecar, merges, writes a temporary file, checks that the lock is still its
 * own and the sidecar unchanged, renames, and releases it.
 *
 * A lock left behind by a writer that died is taken over: at once when it names a process of this
 * machine that is gone, else when it is older than `staleMs`. A writer that cannot get the lock
 * within `waitMs` gives up with a problem: it never writes without it.
 */
import { ok, type Problem, problem, type Result } from '../../model/index.ts';
import { errorText, type FileHost, isExists, isNotFound } from '../host.ts';

export interface LockOptions {
  /** How long a writer waits for the lock before it gives up (ms). */
  waitMs: number;
  /** A lock older than this is taken to be left by a writer that died (ms). */
  staleMs: number;
  /** The clock of lock times (ms since 1970); Date.now by default. */
  clock?: () => number;
}

export const LOCK_DEFAULTS: LockOptions = { waitMs: 10_000, staleMs: 30_000 };

const LOCK_SUFFIX = '.lock';

export interface Lock {
  /** Whether the lock file still holds this lock (another writer may have taken it over as stale). */
  stillOurs(): Promise<boolean>;
  /** Removes the lock file if it is still this lock. Never rejects. */
  release(): Promise<void>;
}

interface LockInfo {
  pid: number;
  host: string;
  /** ms since 1970. */
  time: number;
  token: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function newToken(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function parseInfo(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<Record<keyof LockInfo, unknown>> & { time?: unknown };
    const time = typeof v.time === 'string' ? Date.parse(v.time) : Number.NaN;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string' || typeof v.token !== 'string' || Number.isNaN(time)) return null;
    return { pid: v.pid, host: v.host, time, token: v.token };
  } catch {
    return null;
  }
}

/** What is in the lock file now: its text and, when it can be read as a lock, who holds it; null when there is none. */
async function readLock(host: FileHost, path: string): Promise<{ text: string; info: LockInfo | null; mtime: number } | null> {
  try {
    const [bytes, st] = await Promise.all([host.readFile(path), host.stat(path)]);
    const text = dec.decode(bytes);
    return { text, info: parseInfo(text), mtime: st.mtime };
  } catch (e) {
    if (isNotFound(e)) return null;
    // Unreadable but there: held by someone we cannot name, as old as we cannot tell.
    return { text: '', info: null, mtime: Number.NaN };
  }
}

/** Whether a lock was left by a writer that died: its process is gone from this machine, or it is too old. */
function isStale(host: FileHost, held: { info: LockInfo | null; mtime: number }, now: number, staleMs: number): boolean {
  const { info } = held;
  if (info && info.host === host.owner.host && host.owner.alive && !host.owner.alive(info.pid)) return true;
  // A lock written half (no JSON yet) is dated by its file.
  const since = info ? info.time : held.mtime;
  return !Number.isNaN(since) && now - since > staleMs;
}

/** Who holds a lock, for the message. */
function ownerProblem(info: LockInfo | null): Problem {
  return info ? problem('lockOwner', [String(info.pid), info.host, new Date(info.time).toISOString()]) : problem('lockOwnerUnknown');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock of `target` (the file `<target>.lock`), waiting up to `waitMs` for another writer
 * to release it and taking over a stale one. Fails with a problem naming the holder, or the reason
 * the lock file cannot be made.
 */
export async function acquireLock(host: FileHost, target: string, options: LockOptions = LOCK_DEFAULTS): Promise<Result<Lock>> {
  const path = target + LOCK_SUFFIX;
  const clock = options.clock ?? Date.now;
  const token = newToken();
  const deadline = clock() + options.waitMs;
  let delay = 1;
  let last: LockInfo | null = null;
  for (;;) {
    const info = { pid: host.owner.pid, host: host.owner.host, time: new Date(clock()).toISOString(), token };
    try {
      await host.createExclusive(path, enc.encode(`${JSON.stringify(info)}\n`));
      return ok(heldLock(host, path, token));
    } catch (e) {
      if (!isExists(e)) return { ok: false, problem: problem('lockFailed', [target, path, errorText(e)]) };
    }
    const held = await readLock(host, path);
    if (held) {
      last = held.info;
      if (isStale(host, held, clock(), options.staleMs)) {
        // Remove it only if it is still the lock judged stale (another writer may have taken it over already).
        const again = await readLock(host, path);
        // Removed: try to take it at once (a removal that fails waits like a held lock, so this cannot spin).
        if (
          again &&
          again.text === held.text &&
          (await host.delete(path).then(
            () => true,
            () => false,
          ))
        )
          continue;
      }
    }
    if (clock() >= deadline) {
      return { ok: false, problem: problem('sidecarLocked', [target, path, ownerProblem(last), String(Math.round(options.waitMs / 1000))]) };
    }
    // Back off with jitter, so that two waiting writers do not retry in step.
    await sleep(delay + Math.floor(Math.random() * delay));
    delay = Math.min(delay * 2, 50);
  }
}

function heldLock(host: FileHost, path: string, token: string): Lock {
  const stillOurs = async () => {
    const held = await readLock(host, path);
    return held?.info?.token === token;
  };
  return {
    stillOurs,
    release: async () => {
      try {
        if (await stillOurs()) await host.delete(path);
      } catch {
        // Left behind, it goes stale and the next writer takes it over.
      }
    },
  };
}
