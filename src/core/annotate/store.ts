/**
 * The annotation store of one source: its sidecar, read and written through an injected file
 * host (vscode.workspace.fs in the extension, Node's fs in the CLI, memory in tests).
 *
 * - A sidecar that cannot be read (invalid JSON, a wrong shape, a newer version) is never
 *   overwritten: the store keeps the error and refuses edits until the file is fixed.
 * - Saving writes a temporary sibling, then renames it over the sidecar: an interrupted write
 *   leaves the old file whole. Before writing, the store reads the file again and merges an
 *   outside change (mergeAnnotations), so a save never undoes another writer's work.
 * - reload() merges an outside change (a git pull, another window) into what is in memory.
 * Nothing here throws for bad input or failing files: results say what went wrong.
 */
import { fail, type Problem, problem, problemText, type Result } from '../model/index.ts';
import { type Annotation, type AnnotationTarget, compareAnnotations, newAnnotationId } from './annotation.ts';
import { encodeSidecar, sameBytes } from './sidecar/encode.ts';
import { mergeAnnotations } from './sidecar/merge.ts';
import { parseSidecar } from './sidecar/parse.ts';
import { dirname, relativePath, type SidecarLocation, sidecarPath } from './sidecar/paths.ts';

/** The file operations the store needs; vscode.workspace.fs has them all. Paths or URIs as strings. */
export interface FileHost {
  /** Rejects when the file does not exist (an error whose `code` is ENOENT, FileNotFound or EntryNotFound). */
  readFile(path: string): Promise<Uint8Array>;
  /** Creates missing parent folders, as workspace.fs.writeFile does. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string, options: { overwrite: boolean }): Promise<void>;
  delete(path: string): Promise<void>;
  stat(path: string): Promise<{ mtime: number; size: number }>;
}

/** Whether an error from a FileHost means “no such file”. */
export function isNotFound(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound' || /\bFileNotFound\b|EntryNotFound/.test(String((e as Error)?.name ?? ''));
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface StoreOptions extends SidecarLocation {
  /** The setting `annals.author`. */
  author?: string;
  /** ISO-8601 now; injectable for tests. */
  now?: () => string;
  newId?: () => string;
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
}

export interface AnnotationPatch {
  tags?: string[];
  note?: string;
  /** Re-placing (Attach to Current Paragraph) gives a new target, possibly in another report of the source. */
  target?: AnnotationTarget;
  report?: string;
}

const dec = new TextDecoder('utf-8', { fatal: true });

export class AnnotationStore {
  private readonly items = new Map<string, Annotation>();
  /**
   * The annotations in sidecar order, kept up to date by each add, edit and remove (binary
   * search and insertion), so a save never sorts 10,000 annotations again.
   */
  private sorted: Annotation[] = [];
  /** What was on disk when last read or written (the map id → modified is built when a merge needs it). */
  private baseList: readonly Annotation[] = [];
  private baseMap: Map<string, string> | null = null;
  /** The bytes last read or written, to tell an outside change from our own write. */
  private baseBytes: Uint8Array | null = null;
  /** The sidecar's size and time when it was last read or written (null: unknown, read it again). */
  private baseStat: { mtime: number; size: number } | null = null;
  private pendingStat: { mtime: number; size: number } | null = null;
  /** Annotations deleted here: id → the `modified` of the version deleted (memory only). */
  private readonly tombstones = new Map<string, string>();
  private unreadable: Problem | null = null;
  private changed = false;
  /** Counts local edits, so that a save clears `dirty` only when no edit came in while it wrote. */
  private edits = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(e: StoreChange) => void>();
  private lastTime = 0;
  readonly path: string;
  /** The sidecar's `source`: the source relative to the sidecar's folder. */
  private readonly relativeSource: string;

  private constructor(
    private readonly host: FileHost,
    readonly source: string,
    private readonly options: StoreOptions,
  ) {
    this.path = sidecarPath(source, options);
    this.relativeSource = relativePath(dirname(this.path), source);
  }

  /** Opens the store of a source and reads its sidecar, if there is one. Never throws. */
  static async open(host: FileHost, source: string, options: StoreOptions = {}): Promise<AnnotationStore> {
    const store = new AnnotationStore(host, source, options);
    const disk = await store.readDisk();
    if (disk.kind === 'error') store.unreadable = disk.problem;
    else if (disk.kind === 'ok') {
      store.replaceAll(disk.annotations);
      store.setBase(store.all(), disk.bytes);
      store.baseStat = store.pendingStat;
    } else store.setBase([], null);
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
  forReport(report: string): Annotation[] {
    return this.all().filter((a) => a.report === report);
  }
  get(id: string): Annotation | undefined {
    return this.items.get(id);
  }
  get size(): number {
    return this.items.size;
  }

  add(input: NewAnnotation): Result<Annotation> {
    const refused = this.refuse();
    if (refused) return refused;
    if (!input.report) return fail('needsReport');
    if (!input.target?.paragraph) return fail('needsTarget');
    let id = (this.options.newId ?? newAnnotationId)();
    while (this.items.has(id)) id = newAnnotationId();
    const now = this.now();
    const a: Annotation = {
      id,
      report: input.report,
      target: input.target,
      tags: dedupe(input.tags),
      note: input.note ?? '',
      author: input.author ?? this.options.author ?? '',
      created: now,
      modified: now,
    };
    this.items.set(id, a);
    this.insertSorted(a);
    this.changed = true;
    this.edits++;
    this.emit({ reason: 'add', ids: [id] });
    return { ok: true, value: a };
  }

  update(id: string, patch: AnnotationPatch): Result<Annotation> {
    const refused = this.refuse();
    if (refused) return refused;
    const old = this.items.get(id);
    if (!old) return fail('noAnnotation', [id]);
    const a: Annotation = {
      ...old,
      ...(patch.tags ? { tags: dedupe(patch.tags) } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.target ? { target: patch.target } : {}),
      ...(patch.report ? { report: patch.report } : {}),
      modified: this.now(old.modified),
    };
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
   * Saves atomically: reads the sidecar again and merges an outside change, writes a temporary
   * sibling, renames it over the sidecar. Refuses (and never writes) when the file on disk cannot
   * be read. Saves run one at a time.
   */
  save(): Promise<Result<{ written: boolean }>> {
    return this.serial(() => this.saveNow());
  }

  /** Reads the sidecar again after an outside change and merges it in. Never drops a local change. */
  reload(): Promise<Result<{ changed: boolean }>> {
    return this.serial(() => this.reloadNow());
  }

  private async saveNow(): Promise<Result<{ written: boolean }>> {
    const editsAtStart = this.edits;
    // When the file is as this store last read or wrote it (same size and time), it need not be
    // read again: a save then costs one write and one rename. An outside change is merged first.
    const st = await this.statDisk();
    const same = this.baseBytes !== null && st !== null && this.baseStat !== null && st.mtime === this.baseStat.mtime && st.size === this.baseStat.size;
    const disk = same ? { kind: 'ok' as const, bytes: this.baseBytes!, annotations: null } : await this.readDisk();
    if (disk.kind === 'error') {
      this.setUnreadable(disk.problem);
      return fail('notSavedUnreadable', [disk.problem]);
    }
    this.unreadable = null;
    const diskBytes = disk.kind === 'ok' ? disk.bytes : null;
    if (!sameBytes(diskBytes, this.baseBytes)) this.mergeIn(disk.kind === 'ok' && disk.annotations ? disk.annotations : []);
    const annotations = this.all();
    // The UTF-8 of serializeSidecar's text, from per-annotation bytes cached by object: only the
    // annotations changed since the last save are formatted and encoded.
    const bytes = encodeSidecar({ version: 1, source: this.relativeSource, annotations });
    if (sameBytes(bytes, diskBytes)) {
      this.setBase(annotations, bytes);
      this.baseStat = same ? st : this.pendingStat;
      this.changed = this.edits !== editsAtStart;
      return { ok: true, value: { written: false } };
    }
    const temp = `${this.path}.${Math.random().toString(36).slice(2, 10)}.tmp`;
    // The temporary file's size and time, taken before the rename (which keeps them): a stat of the
    // sidecar after the rename could record another writer's save, made in between, as ours.
    let written: { mtime: number; size: number } | null = null;
    try {
      await this.host.writeFile(temp, bytes);
      written = await this.host.stat(temp).catch(() => null);
      await this.host.rename(temp, this.path, { overwrite: true });
    } catch (e) {
      try {
        await this.host.delete(temp);
      } catch {
        // The temporary file may not exist; the sidecar itself is untouched either way.
      }
      return fail('saveFailed', [this.path, errorText(e)]);
    }
    this.setBase(annotations, bytes);
    this.baseStat = written;
    this.changed = this.edits !== editsAtStart;
    this.emit({ reason: 'save', ids: [] });
    return { ok: true, value: { written: true } };
  }

  private async reloadNow(): Promise<Result<{ changed: boolean }>> {
    const disk = await this.readDisk();
    if (disk.kind === 'error') {
      this.setUnreadable(disk.problem);
      return { ok: false, problem: disk.problem };
    }
    const wasUnreadable = this.unreadable !== null;
    this.unreadable = null;
    const bytes = disk.kind === 'ok' ? disk.bytes : null;
    if (sameBytes(bytes, this.baseBytes) && !wasUnreadable) {
      this.baseStat = disk.kind === 'ok' ? this.pendingStat : null;
      return { ok: true, value: { changed: false } };
    }
    const ids = this.mergeIn(disk.kind === 'ok' ? disk.annotations : []);
    this.setBase(disk.kind === 'ok' ? disk.annotations : [], bytes);
    this.baseStat = disk.kind === 'ok' ? this.pendingStat : null;
    // Local changes the disk does not have yet still need a save. A sidecar deleted outside with
    // nothing left here is not a change: saving would bring back an empty file.
    this.changed =
      bytes === null && this.sorted.length === 0
        ? false
        : !sameBytes(encodeSidecar({ version: 1, source: this.relativeSource, annotations: this.sorted }), bytes);
    this.emit({ reason: 'reload', ids });
    return { ok: true, value: { changed: ids.length > 0 || wasUnreadable } };
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
    this.baseStat = null;
  }

  /** What was on disk when last read or written: id → modified. */
  private get base(): ReadonlyMap<string, string> {
    return (this.baseMap ??= new Map(this.baseList.map((a) => [a.id, a.modified])));
  }

  private replaceAll(annotations: readonly Annotation[]): void {
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
    this.sorted.splice(this.lowerBound(a), 0, a);
  }

  private removeSorted(a: Annotation): void {
    let i = this.lowerBound(a);
    if (this.sorted[i] !== a) i = this.sorted.indexOf(a); // not where its order puts it: look for it
    if (i >= 0) this.sorted.splice(i, 1);
  }

  private async statDisk(): Promise<{ mtime: number; size: number } | null> {
    try {
      const st = await this.host.stat(this.path);
      return { mtime: st.mtime, size: st.size };
    } catch {
      return null;
    }
  }

  private setUnreadable(problem: Problem): void {
    const was = this.unreadable;
    this.unreadable = problem;
    if (!was || problemText(was) !== problemText(problem)) this.emit({ reason: 'error', ids: [] });
  }

  private async readDisk(): Promise<{ kind: 'missing' } | { kind: 'ok'; bytes: Uint8Array; annotations: Annotation[] } | { kind: 'error'; problem: Problem }> {
    let bytes: Uint8Array;
    try {
      // Stat first: a change between the two makes the next save read the file again, never skip it.
      this.pendingStat = await this.statDisk();
      bytes = await this.host.readFile(this.path);
    } catch (e) {
      if (isNotFound(e)) return { kind: 'missing' };
      return { kind: 'error', problem: problem('fileUnreadable', [this.path, errorText(e)]) };
    }
    let text: string;
    try {
      text = dec.decode(bytes);
    } catch {
      return { kind: 'error', problem: problem('sidecarNotUtf8', [this.path]) };
    }
    const parsed = parseSidecar(text, this.path);
    if (!parsed.ok) return { kind: 'error', problem: parsed.problem };
    return { kind: 'ok', bytes, annotations: parsed.value.annotations };
  }

  private refuse(): { ok: false; problem: Problem } | null {
    return this.unreadable ? { ok: false, problem: problem('editsRefused', [this.unreadable]) } : null;
  }

  /** Now, strictly later than the last time this store gave out (and than `after`). */
  private now(after?: string): string {
    let t = Date.parse((this.options.now ?? (() => new Date().toISOString()))());
    if (Number.isNaN(t)) t = Date.now();
    const floor = Math.max(this.lastTime, after ? Date.parse(after) || 0 : 0);
    if (t <= floor) t = floor + 1;
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

function dedupe(tags: readonly string[]): string[] {
  return [...new Set(tags.filter((t) => typeof t === 'string' && t.length > 0))];
}
