/**
 * The annotation store of one source: its sidecar, read and written through an injected file
 * host (vscode.workspace.fs in the extension, Node's fs in the CLI, memory in tests).
 *
 * - A sidecar that cannot be read (invalid JSON, a wrong shape, a newer version, too large) is
 *   never overwritten: the store keeps the error and refuses edits until the file is fixed.
 * - Saving is a compare-and-swap under a lock file (sidecar/lock.ts): take the lock, read the
 *   sidecar and merge what changed since this store last saw it (by content, never by time and
 *   size: a file system with 1-second times misses a quick same-size edit), write a temporary
 *   sibling, check that the lock is still ours and the sidecar unchanged, rename it over the
 *   sidecar, release. An interrupted write leaves the old file whole; a writer that cannot get the
 *   lock fails with a problem and keeps its changes.
 * - A symbolic link to a sidecar is written through: the temporary file goes next to the target.
 * - reload() merges an outside change (a git pull, another window) into what is in memory. An
 *   annotation leaves memory only when it was on disk as this store saw it (read, or written and
 *   seen to land) and is gone from disk unchanged: another writer deleted it.
 * Nothing here throws for bad input or failing files: results say what went wrong.
 */
import { fail, type Problem, problem, problemText, type Result } from '../model/index.ts';
import { type Annotation, type AnnotationTarget, compareAnnotations, newAnnotationId } from './annotation.ts';
import { clampTime, MAX_TIME } from './dates.ts';
import { errorText, type FileHost, type FileStat, isNotFound, isUnresolvedLink } from './host.ts';
import { SidecarEncoder, sameBytes } from './sidecar/encode.ts';
import { SIDECAR_SUFFIX } from './sidecar/format.ts';
import { acquireLock, LOCK_DEFAULTS, type LockOptions } from './sidecar/lock.ts';
import { mergeAnnotations } from './sidecar/merge.ts';
import { parseSidecar } from './sidecar/parse.ts';
import { coderSidecarPath, dirname, relativePath, type SidecarLocation, sidecarPath } from './sidecar/paths.ts';

/**
 * The longest text a sidecar may have: V8's longest string (2^29 − 24 UTF-16 code units). A
 * longer file cannot be decoded into one string, so the store neither reads nor writes one.
 */
const MAX_SIDECAR_TEXT = 0x1fff_ffe8;

export interface StoreOptions extends SidecarLocation {
  /** The setting `annals.author`. */
  author?: string;
  /** ISO-8601 now; injectable for tests. */
  now?: () => string;
  newId?: () => string;
  /** How long a save waits for another writer's lock, and when a lock is taken to be left by a dead writer. */
  lock?: Partial<LockOptions>;
  /** The longest sidecar text (UTF-16 code units) read or written; MAX_SIDECAR_TEXT, lower in tests. */
  maxText?: number;
}

export interface StoreChange {
  reason: 'add' | 'edit' | 'remove' | 'reload' | 'save' | 'error';
  /** The annotations concerned (for reload: those that came from disk or were deleted there). */
  ids: string[];
}

export interface NewAnnotation {
  report: string;
  target: AnnotationTarget;
  tags: string[];
  note?: string;
  author?: string;
  /** A disagreement's resolution (resolve.ts): who resolved it, and when (ISO-8601). */
  resolvedBy?: string;
  resolved?: string;
}

export interface AnnotationPatch {
  tags?: string[];
  note?: string;
  /** Re-placing (Attach to Current Paragraph) gives a new target, possibly in another report of the source. */
  target?: AnnotationTarget;
  report?: string;
  /** Marks the annotation as the resolution of a disagreement: by whom (`resolved` is set to now). */
  resolvedBy?: string;
}

const dec = new TextDecoder('utf-8', { fatal: true });

/** What reading the sidecar found. `stat` is taken before the read: a change after it shows as a different stat. */
type DiskRead = { kind: 'missing' } | { kind: 'ok'; bytes: Uint8Array; annotations: Annotation[]; stat: FileStat | null } | { kind: 'error'; problem: Problem };

const sameStat = (a: FileStat | null, b: FileStat | null) => a === b || (a !== null && b !== null && a.mtime === b.mtime && a.size === b.size);

/** After the sidecar's name: the temporary files of a save, and of a lock being made (nodeHost, the extension's host). */
const TEMPORARY = /^\.(?:lock\.)?[0-9a-z]{8}\.tmp$/;

/** How many times a save reads and merges again when the sidecar changes while it writes, before it gives up. */
const SAVE_ROUNDS = 4;

/** The UTF-16 length of UTF-8 bytes: one unit per character, two for one outside the BMP. */
function utf16Length(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

const megabytesText = (n: number) => (n / (1024 * 1024)).toFixed(0);

export class AnnotationStore {
  private readonly items = new Map<string, Annotation>();
  /**
   * The annotations in sidecar order, kept up to date by each add, edit and remove (binary
   * search and insertion), so a save never sorts 10,000 annotations again.
   */
  private sorted: Annotation[] = [];
  /** Counts changes to the annotations in memory: the grouping by report is made once per version. */
  private version = 0;
  private grouped: { version: number; byReport: Map<string, readonly Annotation[]> } | null = null;
  /**
   * What this store last saw on disk: read, or written and seen to land (the map id → modified is
   * built when a merge needs it). A merge takes an annotation for deleted outside only when it is here.
   */
  private baseList: readonly Annotation[] = [];
  private baseMap: Map<string, string> | null = null;
  /** The bytes of that version, to tell an outside change from what this store saw (null: no file). */
  private baseBytes: Uint8Array | null = null;
  /** Annotations deleted here: id → the `modified` of the version deleted (memory only). */
  private readonly tombstones = new Map<string, string>();
  private unreadable: Problem | null = null;
  private changed = false;
  /** Counts local edits, so that a save clears `dirty` only when no edit came in while it wrote. */
  private edits = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(e: StoreChange) => void>();
  /** Encodes the sidecar into a growing double buffer, re-encoding only the annotations changed since the last save. */
  private readonly encoder = new SidecarEncoder();
  private lastTime = Number.NEGATIVE_INFINITY;
  /** The sidecar as the user names it (the setting, the file watched). */
  readonly path: string;
  /** Where it is written: `path` with symbolic links resolved. */
  private target: string;
  /** The sidecar's `source`: the source relative to the sidecar's folder. */
  private readonly relativeSource: string;
  private readonly lockOptions: LockOptions;
  private readonly maxText: number;

  private constructor(
    private readonly host: FileHost,
    readonly source: string,
    private readonly options: StoreOptions,
  ) {
    const where = sidecarPath(source, options);
    // A sidecar folder outside the workspace: the store reads and writes nothing; `path` names where it would be by default.
    this.path = where.ok ? where.value : options.coder ? coderSidecarPath(source, options.coder) : source + SIDECAR_SUFFIX;
    this.target = this.path;
    if (!where.ok) this.unreadable = where.problem;
    this.relativeSource = relativePath(dirname(this.path), source);
    this.lockOptions = { ...LOCK_DEFAULTS, ...options.lock };
    this.maxText = options.maxText ?? MAX_SIDECAR_TEXT;
  }

  /**
   * Opens the store of a source and reads its sidecar, if there is one; removes temporary files
   * that an interrupted save left next to it. Never throws.
   */
  static async open(host: FileHost, source: string, options: StoreOptions = {}): Promise<AnnotationStore> {
    const store = new AnnotationStore(host, source, options);
    if (store.unreadable) return store; // a sidecar folder outside the workspace: nothing is read or written
    try {
      store.target = await host.realPath(store.path);
    } catch (e) {
      store.unreadable = isUnresolvedLink(e) ? problem('sidecarLinkUnresolved', [store.path]) : problem('fileUnreadable', [store.path, errorText(e)]);
      return store;
    }
    const disk = await store.readDisk();
    if (disk.kind === 'error') store.unreadable = disk.problem;
    else if (disk.kind === 'ok') {
      store.replaceAll(disk.annotations);
      store.setBase(store.all(), disk.bytes);
    } else store.setBase([], null);
    await store.removeStaleTemporaries();
    return store;
  }

  /** The problem that makes the sidecar unreadable (edits are refused until it is fixed), or null. */
  get error(): Problem | null {
    return this.unreadable;
  }
  get readOnly(): boolean {
    return this.unreadable !== null;
  }
  /** Whether there are changes not yet saved. */
  get dirty(): boolean {
    return this.changed;
  }

  onDidChange(listener: (e: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** All annotations, sorted as the sidecar stores them (a fresh array). */
  all(): Annotation[] {
    return [...this.sorted];
  }
  /** A report's annotations, in sidecar order (a fresh array). */
  forReport(report: string): Annotation[] {
    return [...(this.byReport().get(report) ?? [])];
  }
  /**
   * The annotations grouped by report, in sidecar order: made once per version of the store (one
   * pass over the sorted list, whose order keeps each report's annotations together), so that a
   * view asking for each of 1,000 reports does not scan every annotation 1,000 times. Do not change
   * the arrays.
   */
  byReport(): ReadonlyMap<string, readonly Annotation[]> {
    if (this.grouped?.version !== this.version) {
      const byReport = new Map<string, Annotation[]>();
      let run: Annotation[] | undefined;
      let at = '';
      for (const a of this.sorted) {
        if (run === undefined || a.report !== at) {
          at = a.report;
          run = byReport.get(at);
          if (!run) byReport.set(at, (run = []));
        }
        run.push(a);
      }
      this.grouped = { version: this.version, byReport };
    }
    return this.grouped.byReport;
  }
  get(id: string): Annotation | undefined {
    return this.items.get(id);
  }
  get size(): number {
    return this.items.size;
  }
  /** Changes with every change to the annotations in memory (an edit here, a merge from disk). */
  get changes(): number {
    return this.version;
  }

  add(input: NewAnnotation): Result<Annotation> {
    const refused = this.refuse();
    if (refused) return refused;
    if (!input.report) return fail('needsReport');
    if (!input.target?.paragraph) return fail('needsTarget');
    if (!validTarget(input.target)) return fail('invalidTarget');
    let id = (this.options.newId ?? newAnnotationId)();
    while (this.items.has(id)) id = newAnnotationId();
    const now = this.now();
    const a: Annotation = {
      id,
      report: input.report,
      target: input.target,
      tags: dedupe(input.tags),
      note: input.note ?? '',
      author: input.author ?? this.options.author ?? this.options.coder ?? '',
      created: now,
      modified: now,
      ...(input.resolvedBy !== undefined ? { resolvedBy: input.resolvedBy, resolved: input.resolved ?? now } : {}),
    };
    this.items.set(id, a);
    this.insertSorted(a);
    this.changed = true;
    this.edits++;
    this.emit({ reason: 'add', ids: [id] });
    return { ok: true, value: a };
  }

  /**
   * Adds annotations made elsewhere (a REFI-QDA import) as they are: their ids, authors and dates
   * kept. One whose id is here already is skipped, so importing the same project twice adds nothing.
   */
  insert(list: readonly Annotation[]): Result<{ added: string[]; skipped: number }> {
    const refused = this.refuse();
    if (refused) return refused;
    const added: string[] = [];
    let skipped = 0;
    for (const input of list) {
      if (this.items.has(input.id) || !input.report || !input.target?.paragraph || !validTarget(input.target)) {
        skipped++;
        continue;
      }
      const a: Annotation = { ...input, tags: dedupe(input.tags) };
      this.items.set(a.id, a);
      added.push(a.id);
    }
    // One sort for a large import rather than one insertion (a move of the list's tail) per annotation.
    if (added.length > 64) this.replaceAll([...this.items.values()]);
    else for (const id of added) this.insertSorted(this.items.get(id)!);
    if (added.length) {
      this.changed = true;
      this.edits++;
      this.emit({ reason: 'add', ids: added });
    }
    return { ok: true, value: { added, skipped } };
  }

  update(id: string, patch: AnnotationPatch): Result<Annotation> {
    const refused = this.refuse();
    if (refused) return refused;
    const old = this.items.get(id);
    if (!old) return fail('noAnnotation', [id]);
    if (patch.target && !validTarget(patch.target)) return fail('invalidTarget');
    const a: Annotation = {
      ...old,
      ...(patch.tags ? { tags: dedupe(patch.tags) } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.target ? { target: patch.target } : {}),
      ...(patch.report ? { report: patch.report } : {}),
      modified: this.now(old.modified),
    };
    if (patch.resolvedBy !== undefined) {
      a.resolvedBy = patch.resolvedBy;
      a.resolved = a.modified;
    }
    this.items.set(id, a);
    this.removeSorted(old);
    this.insertSorted(a);
    this.changed = true;
    this.edits++;
    this.emit({ reason: 'edit', ids: [id] });
    return { ok: true, value: a };
  }

  remove(id: string): Result<Annotation> {
    const refused = this.refuse();
    if (refused) return refused;
    const old = this.items.get(id);
    if (!old) return fail('noAnnotation', [id]);
    this.items.delete(id);
    this.removeSorted(old);
    this.tombstones.set(id, old.modified);
    this.changed = true;
    this.edits++;
    this.emit({ reason: 'remove', ids: [id] });
    return { ok: true, value: old };
  }

  /**
   * Saves as a compare-and-swap under the sidecar's lock: reads the sidecar and merges an outside
   * change, writes a temporary sibling, renames it over the sidecar when the sidecar is still as
   * read. Refuses (and never writes) when the file on disk cannot be read, when the lock cannot be
   * had, or when the file would be too large to read back. Saves run one at a time.
   */
  save(): Promise<Result<{ written: boolean }>> {
    return this.serial(() => this.saveNow());
  }

  /** Reads the sidecar again after an outside change and merges it in. Never drops a local change. */
  reload(): Promise<Result<{ changed: boolean }>> {
    return this.serial(() => this.reloadNow());
  }

  private async saveNow(): Promise<Result<{ written: boolean }>> {
    if (this.unreadable && this.unreadableForGood()) return fail('notSavedUnreadable', [this.unreadable]);
    const editsAtStart = this.edits;
    const lock = await acquireLock(this.host, this.target, this.lockOptions);
    if (!lock.ok) return lock;
    try {
      for (let round = 0; round < SAVE_ROUNDS; round++) {
        const disk = await this.readDisk();
        if (disk.kind === 'error') {
          this.setUnreadable(disk.problem);
          return fail('notSavedUnreadable', [disk.problem]);
        }
        this.unreadable = null;
        const diskBytes = disk.kind === 'ok' ? disk.bytes : null;
        if (!sameBytes(diskBytes, this.baseBytes)) {
          // Changed since this store saw it: merge, and take what is on disk as seen.
          const fromDisk = disk.kind === 'ok' ? disk.annotations : [];
          this.mergeIn(fromDisk);
          this.setBase(fromDisk, diskBytes);
        }
        const annotations = this.all();
        // The UTF-8 of serializeSidecar's text: only the annotations changed since the last save are
        // formatted and encoded, the rest copied. The bytes last seen on disk are kept as they are.
        const bytes = this.encoder.encode(this.relativeSource, annotations, this.baseBytes);
        if (sameBytes(bytes, diskBytes)) {
          this.setBase(annotations, bytes);
          this.changed = this.edits !== editsAtStart;
          return { ok: true, value: { written: false } };
        }
        if (!this.fits(bytes)) {
          return fail('sidecarTooLargeToSave', [this.path, megabytesText(bytes.length), megabytesText(this.maxText)]);
        }
        const temp = `${this.target}.${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}.tmp`;
        // The temporary file's size and time, taken before the rename (which keeps them): after the
        // rename, the sidecar must show them, or another writer replaced it in between.
        let written: FileStat | null = null;
        try {
          await this.host.writeFile(temp, bytes);
          written = await this.host.stat(temp).catch(() => null);
          // Compare and swap: the lock is still ours and the sidecar is as read (a writer that takes no
          // lock, such as git or an editor, may have changed it meanwhile).
          const [ours, now] = await Promise.all([lock.value.stillOurs(), this.statDisk()]);
          if (!ours || !sameStat(now, disk.kind === 'ok' ? disk.stat : null)) {
            await this.removeQuietly(temp);
            continue;
          }
          await this.host.rename(temp, this.target, { overwrite: true });
        } catch (e) {
          await this.removeQuietly(temp);
          return fail('saveFailed', [this.path, errorText(e)]);
        }
        const landed = written !== null && sameStat(await this.statDisk(), written);
        if (landed) {
          this.setBase(annotations, bytes);
          this.changed = this.edits !== editsAtStart;
        } else {
          // Replaced at once by a writer that takes no lock: what was written is not known to be on
          // disk, so nothing written counts as seen; the next save or reload merges again.
          this.changed = true;
        }
        this.emit({ reason: 'save', ids: [] });
        return { ok: true, value: { written: true } };
      }
      return fail('saveConflict', [this.path, String(SAVE_ROUNDS)]);
    } finally {
      await lock.value.release();
    }
  }

  private async reloadNow(): Promise<Result<{ changed: boolean }>> {
    if (this.unreadable && this.unreadableForGood()) return { ok: false, problem: this.unreadable };
    const disk = await this.readDisk();
    if (disk.kind === 'error') {
      this.setUnreadable(disk.problem);
      return { ok: false, problem: disk.problem };
    }
    const wasUnreadable = this.unreadable !== null;
    this.unreadable = null;
    const bytes = disk.kind === 'ok' ? disk.bytes : null;
    if (sameBytes(bytes, this.baseBytes) && !wasUnreadable) return { ok: true, value: { changed: false } };
    const fromDisk = disk.kind === 'ok' ? disk.annotations : [];
    const ids = this.mergeIn(fromDisk);
    this.setBase(fromDisk, bytes);
    // Local changes the disk does not have yet still need a save. A sidecar deleted outside with
    // nothing left here is not a change: saving would bring back an empty file.
    this.changed = bytes === null && this.sorted.length === 0 ? false : !sameBytes(this.encoder.encode(this.relativeSource, this.all(), this.baseBytes), bytes);
    this.emit({ reason: 'reload', ids });
    return { ok: true, value: { changed: ids.length > 0 || wasUnreadable } };
  }

  /** A problem no reading of the file can fix: the sidecar folder setting, a link this host cannot follow. */
  private unreadableForGood(): boolean {
    const code = this.unreadable?.code;
    return code === 'sidecarFolderOutside' || code === 'sidecarLinkUnresolved';
  }

  /** Merges disk annotations into memory; returns the ids that changed here. */
  private mergeIn(disk: Annotation[]): string[] {
    const m = mergeAnnotations(this.sorted, disk, this.base, this.tombstones);
    this.replaceAll(m.annotations);
    for (const id of m.fromDisk) this.tombstones.delete(id);
    return [...m.fromDisk, ...m.deletedOutside];
  }

  /** `annotations` must not change afterwards (this.all() gives a fresh array). */
  private setBase(annotations: readonly Annotation[], bytes: Uint8Array | null): void {
    this.baseList = annotations;
    this.baseMap = null;
    this.baseBytes = bytes;
  }

  /** What was on disk when last read or written: id → modified. */
  private get base(): ReadonlyMap<string, string> {
    return (this.baseMap ??= new Map(this.baseList.map((a) => [a.id, a.modified])));
  }

  private replaceAll(annotations: readonly Annotation[]): void {
    this.version++;
    this.items.clear();
    for (const a of annotations) this.items.set(a.id, a);
    this.sorted = [...this.items.values()].sort(compareAnnotations);
  }

  /** The index of the first annotation in `sorted` not before `a`. */
  private lowerBound(a: Annotation): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareAnnotations(this.sorted[mid], a) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insertSorted(a: Annotation): void {
    this.version++;
    this.sorted.splice(this.lowerBound(a), 0, a);
  }

  private removeSorted(a: Annotation): void {
    this.version++;
    let i = this.lowerBound(a);
    if (this.sorted[i] !== a) i = this.sorted.indexOf(a); // not where its order puts it: look for it
    if (i >= 0) this.sorted.splice(i, 1);
  }

  private async statDisk(): Promise<FileStat | null> {
    try {
      const st = await this.host.stat(this.target);
      return { mtime: st.mtime, size: st.size };
    } catch {
      return null;
    }
  }

  private async removeQuietly(path: string): Promise<void> {
    try {
      await this.host.delete(path);
    } catch {
      // It may not exist; the sidecar itself is untouched either way.
    }
  }

  /**
   * Removes the temporary files that a save killed between its write and its rename left next to
   * the sidecar (`<sidecar>.<8 characters>.tmp`). Only under the lock, so that a save in progress
   * elsewhere keeps its own; when another writer holds the lock, they stay for the next open. The
   * private file of a lock being made (`<sidecar>.lock.<8 characters>.tmp`) goes once it is stale.
   */
  private async removeStaleTemporaries(): Promise<void> {
    const dir = dirname(this.target);
    const name = this.target.slice(dir.length + 1);
    let names: string[];
    try {
      names = await this.host.readDirectory(dir);
    } catch {
      return;
    }
    const stale = names.filter((n) => n.startsWith(`${name}.`) && TEMPORARY.test(n.slice(name.length)));
    if (!stale.length) return;
    const lock = await acquireLock(this.host, this.target, { ...this.lockOptions, waitMs: 0 });
    if (!lock.ok) return;
    const clock = this.lockOptions.clock ?? Date.now;
    try {
      for (const n of stale) {
        const path = `${dir}/${n}`;
        if (n.startsWith(`${name}.lock.`)) {
          const st = await this.host.stat(path).catch(() => null);
          if (!st || clock() - st.mtime <= this.lockOptions.staleMs) continue;
        }
        await this.removeQuietly(path);
      }
    } finally {
      await lock.value.release();
    }
  }

  private setUnreadable(problem: Problem): void {
    const was = this.unreadable;
    this.unreadable = problem;
    if (!was || problemText(was) !== problemText(problem)) this.emit({ reason: 'error', ids: [] });
  }

  /** Whether bytes of UTF-8 decode to a string this store can read (not longer than maxText). */
  private fits(bytes: Uint8Array): boolean {
    return bytes.length <= this.maxText || utf16Length(bytes) <= this.maxText;
  }

  private async readDisk(): Promise<DiskRead> {
    let bytes: Uint8Array;
    let stat: FileStat | null;
    try {
      // Stat first: a change between the two shows as a different stat when the save compares.
      stat = await this.statDisk();
      bytes = await this.host.readFile(this.target);
    } catch (e) {
      if (isNotFound(e)) return { kind: 'missing' };
      return { kind: 'error', problem: problem('fileUnreadable', [this.path, errorText(e)]) };
    }
    // As this store last saw it: no need to decode and parse 10 MB again (a save compares, then merges only a change).
    if (this.baseBytes !== null && sameBytes(bytes, this.baseBytes)) return { kind: 'ok', bytes, annotations: [...this.baseList], stat };
    const tooLarge = () => ({
      kind: 'error' as const,
      problem: problem('sidecarTooLarge', [this.path, megabytesText(bytes.length), megabytesText(this.maxText)]),
    });
    if (!this.fits(bytes)) return tooLarge();
    let text: string;
    try {
      text = dec.decode(bytes);
    } catch (e) {
      // A RangeError is the engine's limit on string length, not the file's encoding.
      if (e instanceof RangeError) return tooLarge();
      return { kind: 'error', problem: problem('sidecarNotUtf8', [this.path]) };
    }
    const parsed = parseSidecar(text, this.path);
    if (!parsed.ok) return { kind: 'error', problem: parsed.problem };
    return { kind: 'ok', bytes, annotations: parsed.value.annotations, stat };
  }

  private refuse(): { ok: false; problem: Problem } | null {
    return this.unreadable ? { ok: false, problem: problem('editsRefused', [this.unreadable]) } : null;
  }

  /**
   * Now, strictly later than the last time this store gave out and than `after` (the time of the
   * version edited), kept within the years 0000–9999 so that the file stays readable. At the very
   * end of that range it can only be equal.
   */
  private now(after?: string): string {
    const given = Date.parse((this.options.now ?? (() => new Date().toISOString()))());
    let t = clampTime(Number.isNaN(given) ? Date.now() : given);
    const previous = after === undefined ? Number.NaN : Date.parse(after);
    const floor = Math.max(this.lastTime, Number.isNaN(previous) ? Number.NEGATIVE_INFINITY : previous);
    if (t <= floor) t = Math.min(MAX_TIME, floor + 1);
    this.lastTime = t;
    return new Date(t).toISOString();
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private emit(e: StoreChange): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // A listener's failure is its own; the store goes on.
      }
    }
  }
}

/** Whether a target is one the sidecar's reader takes back: a paragraph id, strings for the quote, whole-number positions in order. */
function validTarget(t: AnnotationTarget): boolean {
  const { quote, position } = t;
  const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  return (
    typeof t.paragraph === 'string' &&
    t.paragraph !== '' &&
    typeof quote?.exact === 'string' &&
    typeof quote.prefix === 'string' &&
    typeof quote.suffix === 'string' &&
    whole(position?.start) &&
    whole(position.end) &&
    position.end >= position.start
  );
}

function dedupe(tags: readonly string[]): string[] {
  return [...new Set(tags.filter((t) => typeof t === 'string' && t.length > 0))];
}
