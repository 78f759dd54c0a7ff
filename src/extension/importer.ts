/**
 * Imports run off the extension host's thread. A `WorkerImporter` keeps a small pool of worker
 * threads (dist/importWorker.js); each file gets a time budget (annals.importTimeoutSeconds), and a
 * worker still busy at the end of it is stopped and replaced, so one bad file costs its own
 * import and nothing else. The extension never imports on its own thread, so its bundle holds no
 * reader (the readers and their HTML and PDF libraries are in the worker's bundle only).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { diag, fail, type QdpxProject, type Result, type SourceImport } from '../core/index.ts';
import { unpackImport } from '../host/importWire.ts';

/** What the extension asks a worker: a source's import, or a REFI-QDA project read (unzipped and parsed). */
export type ImportRequest =
  | { id: number; kind: 'import'; source: string; bytes: Uint8Array; options: { maxBytes?: number } }
  | { id: number; kind: 'qdpx'; source: string; bytes: Uint8Array; maxBytes: number };

export type ImportResponse = { id: number; imp: SourceImport } | { id: number; project: Result<QdpxProject> } | { id: number; error: string };

export interface Importer {
  run(source: string, bytes: Uint8Array, options: { maxBytes?: number }): Promise<SourceImport>;
  /** A .qdpx (or .qde) read into a project: untrusted input (a zip, XML), so off the extension host's thread too. */
  readQdpx(source: string, bytes: Uint8Array, maxBytes: number): Promise<Result<QdpxProject>>;
  dispose(): void;
}

/** An import that failed as a whole, with its one error. */
function failedImport(source: string, code: 'importTimeout' | 'importStopped', args: (string | number)[]): SourceImport {
  return { source, format: 'text', diagnostics: [diag('error', code, args)], reports: [] };
}

/** A worker's answer, or why there is none (over the time budget, the worker died or was stopped). */
type Outcome = ImportResponse | { id: number; failure: 'importTimeout' | 'importStopped'; args: (string | number)[] };

interface Task {
  req: ImportRequest;
  settle(outcome: Outcome): void;
}

interface Slot {
  worker: Worker;
  /** The task the worker is on: its time budget runs. */
  task: Task | null;
  /**
   * The task posted after it, which the worker takes up as soon as it answers (it reads one message at a time): the
   * worker is never idle while its answer travels to this thread and the next request back. Its budget starts then.
   */
  next: Task | null;
  timer?: ReturnType<typeof setTimeout>;
}

export interface WorkerImporterOptions {
  /** The worker script (dist/importWorker.js). */
  script: string;
  /** The time budget of one file, in seconds, read for each file (the setting may change). */
  timeoutSeconds: () => number;
  /** How many workers at most; default: one per core but one, at least one, at most four. */
  size?: number;
}

export class WorkerImporter implements Importer {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private disposed = false;
  private readonly size: number;

  constructor(private readonly options: WorkerImporterOptions) {
    this.size = Math.max(1, options.size ?? Math.min(4, availableParallelism() - 1));
  }

  run(source: string, bytes: Uint8Array, options: { maxBytes?: number }): Promise<SourceImport> {
    return this.ask({ id: this.nextId++, kind: 'import', source, bytes, options }, (o) => {
      if ('imp' in o) return unpackImport(o.imp);
      if ('failure' in o) return failedImport(source, o.failure, o.args);
      return failedImport(source, 'importStopped', ['error' in o ? o.error : 'an unexpected answer']);
    });
  }

  readQdpx(source: string, bytes: Uint8Array, maxBytes: number): Promise<Result<QdpxProject>> {
    return this.ask({ id: this.nextId++, kind: 'qdpx', source, bytes, maxBytes }, (o) => {
      if ('project' in o) return o.project;
      if ('failure' in o) return fail(o.failure, o.args);
      return fail('importStopped', ['error' in o ? o.error : 'an unexpected answer']);
    });
  }

  private ask<T>(req: ImportRequest, answer: (o: Outcome) => T): Promise<T> {
    return new Promise((resolve) => {
      const task: Task = { req, settle: (o) => resolve(answer(o)) };
      if (this.disposed) task.settle(stopping(req.id));
      else {
        this.queue.push(task);
        this.pump();
      }
    });
  }

  private pump(): void {
    while (this.queue.length) {
      // An idle worker first, then a new one, then one that has a task but none after it.
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) slot = this.slots.find((s) => !s.next);
      if (!slot) return;
      const task = this.queue.shift()!;
      if (slot.task) {
        slot.next = task;
        slot.worker.postMessage(task.req);
      } else this.start(slot, task, true);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script);
    const slot: Slot = { worker, task: null, next: null };
    worker.on('message', (res: ImportResponse) => {
      if (slot.task?.req.id === res.id) this.finish(slot, res);
      else if (slot.next?.req.id === res.id) {
        // Answered before the one it was posted after (a worker that answers out of order): settled all the same.
        const next = slot.next;
        slot.next = null;
        next.settle(res);
        this.pump();
      }
    });
    worker.on('error', (e) => this.lose(slot, e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => this.lose(slot, `the worker exited with code ${code}`));
    // Idle workers must not keep the extension host (or a test) alive.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** The worker is on `task` from now: its budget starts; `post`: its request is not posted yet. */
  private start(slot: Slot, task: Task, post: boolean): void {
    slot.task = task;
    const seconds = Math.max(1, this.options.timeoutSeconds());
    slot.timer = setTimeout(() => {
      // Over budget: stop this worker (the import cannot be interrupted otherwise) and go on; the task posted after
      // it goes to another worker.
      this.remove(slot);
      void slot.worker.terminate();
      this.requeue(slot);
      task.settle({ id: task.req.id, failure: 'importTimeout', args: [seconds] });
      this.pump();
    }, seconds * 1000);
    // The bytes are copied, not transferred: the caller may keep them.
    if (post) slot.worker.postMessage(task.req);
  }

  private finish(slot: Slot, res: ImportResponse): void {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = null;
    // The task posted after it is the worker's now.
    const next = slot.next;
    slot.next = null;
    if (next) this.start(slot, next, false);
    task?.settle(res);
    this.pump();
  }

  /** The task posted to a worker that is gone, before it was taken up: first in the queue again. */
  private requeue(slot: Slot): void {
    if (slot.next) this.queue.unshift(slot.next);
    slot.next = null;
  }

  /** A worker died (or exited): its task fails, and the slot is freed for a new worker. */
  private lose(slot: Slot, why: string): void {
    if (!this.slots.includes(slot)) return;
    clearTimeout(slot.timer);
    this.remove(slot);
    const task = slot.task;
    slot.task = null;
    this.requeue(slot);
    if (task) task.settle({ id: task.req.id, failure: 'importStopped', args: [why] });
    if (!this.disposed) this.pump();
  }

  private remove(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  dispose(): void {
    this.disposed = true;
    for (const slot of [...this.slots]) {
      this.remove(slot);
      clearTimeout(slot.timer);
      void slot.worker.terminate();
      slot.task?.settle(stopping(slot.task.req.id));
      slot.next?.settle(stopping(slot.next.req.id));
    }
    for (const task of this.queue.splice(0)) task.settle(stopping(task.req.id));
  }
}

function stopping(id: number): Outcome {
  return { id, failure: 'importStopped', args: ['the extension is shutting down'] };
}
