/**
 * Imports run off the extension host's thread. A `WorkerImporter` keeps a small pool of worker
 * threads (dist/importWorker.js); each file gets a time budget (annals.importTimeoutSeconds), and a
 * worker still busy at the end of it is stopped and replaced, so one bad file costs its own
 * import and nothing else. The extension never imports on its own thread, so its bundle holds no
 * reader (the readers and their HTML and PDF libraries are in the worker's bundle only).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { diag, type SourceImport } from '../core/index.ts';

export interface ImportRequest {
  id: number;
  source: string;
  bytes: Uint8Array;
  options: { maxBytes?: number };
}

export type ImportResponse = { id: number; imp: SourceImport } | { id: number; error: string };

export interface Importer {
  run(source: string, bytes: Uint8Array, options: { maxBytes?: number }): Promise<SourceImport>;
  dispose(): void;
}

/** An import that failed as a whole, with its one error. */
function failedImport(source: string, code: 'importTimeout' | 'importStopped', args: (string | number)[]): SourceImport {
  return { source, format: 'text', diagnostics: [diag('error', code, args)], reports: [] };
}

interface Task {
  req: ImportRequest;
  resolve(imp: SourceImport): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
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
    if (this.disposed) return Promise.resolve(failedImport(source, 'importStopped', ['the extension is shutting down']));
    return new Promise((resolve) => {
      this.queue.push({ req: { id: this.nextId++, source, bytes, options }, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      this.start(slot, task);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script);
    const slot: Slot = { worker, task: null };
    worker.on('message', (res: ImportResponse) => {
      const task = slot.task;
      if (!task || task.req.id !== res.id) return;
      this.finish(slot, 'imp' in res ? res.imp : failedImport(task.req.source, 'importStopped', [res.error]));
    });
    worker.on('error', (e) => this.lose(slot, e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => this.lose(slot, `the worker exited with code ${code}`));
    // Idle workers must not keep the extension host (or a test) alive.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Task): void {
    slot.task = task;
    const seconds = Math.max(1, this.options.timeoutSeconds());
    slot.timer = setTimeout(() => {
      // Over budget: stop this worker (the import cannot be interrupted otherwise) and go on.
      this.remove(slot);
      void slot.worker.terminate();
      task.resolve(failedImport(task.req.source, 'importTimeout', [seconds]));
      this.pump();
    }, seconds * 1000);
    // The bytes are copied, not transferred: the caller may keep them.
    slot.worker.postMessage(task.req);
  }

  private finish(slot: Slot, imp: SourceImport): void {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = null;
    task?.resolve(imp);
    this.pump();
  }

  /** A worker died (or exited): its task fails, and the slot is freed for a new worker. */
  private lose(slot: Slot, why: string): void {
    if (!this.slots.includes(slot)) return;
    clearTimeout(slot.timer);
    this.remove(slot);
    const task = slot.task;
    slot.task = null;
    if (task) task.resolve(failedImport(task.req.source, 'importStopped', [why]));
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
      slot.task?.resolve(failedImport(slot.task.req.source, 'importStopped', ['the extension is shutting down']));
    }
    for (const task of this.queue.splice(0)) task.resolve(failedImport(task.req.source, 'importStopped', ['the extension is shutting down']));
  }
}
