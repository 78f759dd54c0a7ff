/**
 * The CLI's imports on every core: a pool of `--jobs` worker threads running the import worker the
 * editor runs (dist/importWorker.js: the same core call, importSourceAsync, as an import on this
 * thread). Each file has a time budget (--timeout-seconds); a worker that crashes or runs over it
 * is stopped and replaced, and that file alone gets an error. `importInOrder` hands the imports
 * back in the order of the files, whatever the number of workers, holding at most a few files
 * per worker at a time, so memory does not grow with the number of files.
 */
import { promises as fsp } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Series, SourceImport } from '../core/index.ts';
import type { Body, Manual, SeriesLine } from './alignLine.ts';
import type { FileLines, FileTask } from './fileTask.ts';
import type { Options } from './args.ts';
import { unpackImport } from '../host/importWire.ts';
import { importInput, overLimit, readInput, reason } from './files.ts';

/** In the bundles, the import worker's file name beside dist/cli.js (the build's define). */
declare const ANNALS_IMPORT_WORKER: string;
declare const ANNALS_ALIGN_WORKER: string;
declare const ANNALS_FILE_WORKER: string;

/** One file's import, or why it has none (it cannot be read, is over the limit, or its worker failed). */
export type Imported = { imp: SourceImport } | { error: string };

/** How a batch command reads its files: --jobs workers (default: one per core), each file within --timeout-seconds. */
export interface Batch {
  maxBytes: number;
  jobs: number;
  timeoutSeconds: number;
}

/** The CLI's time budget of one file, in seconds, when --timeout-seconds is not given. */
const DEFAULT_TIMEOUT_SECONDS = 60;

/** --jobs and --timeout-seconds (with --max-size-mb), or what is wrong with them. */
export function batchOptions(opts: Options): Batch | { error: string } {
  const jobsText = opts.text('--jobs');
  const jobs = jobsText === undefined ? availableParallelism() : Number(jobsText);
  if (!Number.isInteger(jobs) || jobs < 1) return { error: `--jobs needs a whole number of workers, 1 or more (got “${jobsText}”)` };
  const secondsText = opts.text('--timeout-seconds');
  const timeoutSeconds = secondsText === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(secondsText);
  if (!(timeoutSeconds > 0) || !Number.isFinite(timeoutSeconds)) return { error: `--timeout-seconds needs a positive number (got “${secondsText}”)` };
  return { maxBytes: opts.maxBytes, jobs, timeoutSeconds };
}

/** The options of the batch commands (outline, align, search). */
export const BATCH_OPTIONS = ['--jobs', '--timeout-seconds', '--jsonl'] as const;

/** A worker's answer: its request's id and a value, or the error that stopped the work. */
type Response = { id: number; error?: unknown } & Record<string, unknown>;

interface Task {
  req: { id: number } & Record<string, unknown>;
  resolve(r: { value: Response } | { error: string }): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer?: ReturnType<typeof setTimeout>;
}

export interface PoolOptions {
  /** How many workers at most (at least one). */
  jobs: number;
  /** The time budget of one task, in seconds. */
  timeoutSeconds: number;
  /** The worker script; default: the import worker beside the CLI's bundle (from the sources: through tsx). */
  script?: string;
}

/** A worker's script, what it is given, and its Node options (default: the CLI's). */
interface WorkerFile {
  script: string;
  workerData?: unknown;
  execArgv?: string[];
}

/** A worker of the CLI: dist/NAME.js beside dist/cli.js; from the sources (tests), the TypeScript file through tsx. */
function workerFile(bundled: string | undefined, source: string): WorkerFile {
  if (bundled !== undefined) return { script: path.join(__dirname, bundled) };
  // The bootstrap registers tsx itself: the test runner's `--import tsx` would be resolved from the current folder.
  return { script: path.join(__dirname, 'tsWorker.mjs'), workerData: { entry: pathToFileURL(path.join(__dirname, source)).href }, execArgv: [] };
}

/**
 * A pool of worker threads, each doing one task at a time: a task is a message with an id, its
 * answer a message with the same id. A task over its time budget, or whose worker dies, ends in
 * an error, and its worker is replaced; the other tasks go on. `what` names a task in messages.
 */
class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private readonly jobs: number;

  constructor(
    private readonly worker: WorkerFile,
    private readonly options: PoolOptions,
    private readonly what: string,
  ) {
    this.jobs = Math.max(1, Math.floor(options.jobs));
  }

  /** Runs one task; never rejects. */
  task(payload: Record<string, unknown>): Promise<{ value: Response } | { error: string }> {
    return new Promise((resolve) => {
      this.queue.push({ req: { ...payload, id: this.nextId++ }, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.jobs) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.worker.script, { workerData: this.worker.workerData, execArgv: this.worker.execArgv });
    const slot: Slot = { worker, task: null };
    worker.on('message', (res: Response) => {
      const task = slot.task;
      if (!task || task.req.id !== res.id) return;
      clearTimeout(slot.timer);
      slot.task = null;
      task.resolve(typeof res.error === 'string' ? { error: `the ${this.what} failed: ${res.error}` } : { value: res });
      this.pump();
    });
    worker.on('error', (e) => this.lose(slot, `the ${this.what} stopped: ${e instanceof Error ? e.message : String(e)}`));
    worker.on('exit', (code) => this.lose(slot, `the ${this.what} stopped: its worker exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Task): void {
    slot.task = task;
    const seconds = this.options.timeoutSeconds;
    slot.timer = setTimeout(() => {
      // Over budget: the work cannot be interrupted otherwise; the worker goes, a new one takes the next task.
      this.lose(slot, `gave up after ${seconds} s: the ${this.what} took too long (--timeout-seconds)`);
      void slot.worker.terminate();
    }, seconds * 1000);
    slot.worker.postMessage(task.req);
  }

  /** A worker died, or ran over its budget: its task fails, and its place is free for a new worker. */
  private lose(slot: Slot, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    task?.resolve({ error: why });
    this.pump();
  }

  /** Stops every worker (the CLI's process then ends). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) clearTimeout(s.timer);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** Imports on the import worker the editor runs (src/extension/importWorker.ts): the same core call. */
export class ImportPool {
  private readonly pool: WorkerPool;

  constructor(options: PoolOptions) {
    const worker = options.script
      ? { script: options.script }
      : workerFile(typeof ANNALS_IMPORT_WORKER === 'string' ? ANNALS_IMPORT_WORKER : undefined, '../extension/importWorker.ts');
    this.pool = new WorkerPool(worker, options, 'import');
  }

  /** The import of one source's bytes; never rejects. */
  async run(source: string, bytes: Uint8Array, maxBytes: number): Promise<Imported> {
    const r = await this.pool.task({ source, bytes, options: { maxBytes } });
    // The worker posts paragraphs without the text their report holds (src/host/importWire.ts).
    return 'error' in r ? r : { imp: unpackImport(r.value.imp as SourceImport) };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Files imported and turned into JSON Lines on the CLI's file worker (fileWorker.ts), one file a task. */
export class LinesPool {
  private readonly pool: WorkerPool;

  constructor(options: PoolOptions) {
    this.pool = new WorkerPool(workerFile(typeof ANNALS_FILE_WORKER === 'string' ? ANNALS_FILE_WORKER : undefined, 'fileWorker.ts'), options, 'import');
  }

  /** One file's lines; never rejects. */
  async run(req: {
    file: string;
    source: string;
    inFolder: boolean;
    bytes: Uint8Array;
    maxBytes: number;
    task: FileTask;
  }): Promise<{ lines: FileLines } | { error: string }> {
    const r = await this.pool.task(req);
    return 'error' in r ? r : { lines: r.value.lines as FileLines };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Series aligned on the CLI's align worker (alignWorker.ts), one series a task. */
export class AlignPool {
  private readonly pool: WorkerPool;

  constructor(options: PoolOptions) {
    this.pool = new WorkerPool(workerFile(typeof ANNALS_ALIGN_WORKER === 'string' ? ANNALS_ALIGN_WORKER : undefined, 'alignWorker.ts'), options, 'alignment');
  }

  /** One series' line of `align --jsonl`, its light reports' bodies read from their files; never rejects. */
  async run(series: Series, bodies: Body[], maxBytes: number, manual: Manual): Promise<{ line: SeriesLine } | { error: string }> {
    const r = await this.pool.task({ series, bodies, maxBytes, manual });
    return 'error' in r ? r : { line: r.value.line as SeriesLine };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * Runs `start` on each item, at most `window` at a time, and calls `each` with the results in the
 * order of the items, whatever order they finish in.
 */
export async function inOrder<I, R>(
  items: Iterable<I>,
  window: number,
  start: (item: I) => Promise<R>,
  each: (item: I, r: R) => void | Promise<void>,
): Promise<void> {
  const inFlight: { item: I; result: Promise<R> }[] = [];
  for (const item of items) {
    inFlight.push({ item, result: start(item) });
    if (inFlight.length >= window) {
      const head = inFlight.shift()!;
      await each(head.item, await head.result);
    }
  }
  for (const head of inFlight.splice(0)) await each(head.item, await head.result);
}

/** The bytes of a file under the limit, or why it cannot be read. */
export async function readBytes(file: string, maxBytes: number): Promise<Uint8Array | string> {
  try {
    const st = await fsp.stat(file);
    if (st.size > maxBytes) return overLimit(st.size, maxBytes);
    return new Uint8Array(await fsp.readFile(file));
  } catch (e) {
    return `cannot read: ${reason(e, 'no such file or folder')}`;
  }
}

/**
 * Imports the files with the pool and calls `each` with every import in the order of `files`.
 * At most four files per worker are read or in flight at a time.
 */
export async function importInOrder(
  files: readonly string[],
  pool: ImportPool,
  jobs: number,
  maxBytes: number,
  each: (file: string, r: Imported) => void | Promise<void>,
): Promise<void> {
  await inOrder(
    files,
    Math.max(1, jobs) * 4,
    async (file) => {
      const bytes = await readBytes(file, maxBytes);
      return typeof bytes === 'string' ? { error: bytes } : pool.run(file, bytes, maxBytes);
    },
    each,
  );
}

/**
 * Imports the files and calls `each` with every import in the order of `files`: one file on this
 * thread (no worker to start), more on a pool of --jobs workers.
 */
export async function importFiles(files: readonly string[], batch: Batch, each: (file: string, r: Imported) => void | Promise<void>): Promise<void> {
  if (files.length === 1) {
    const file = files[0];
    const bytes = readInput(file, batch.maxBytes);
    let r: Imported;
    if (typeof bytes === 'string') r = { error: bytes.slice(file.length + 2) };
    else {
      try {
        r = { imp: await importInput(file, bytes, batch.maxBytes) };
      } catch (e) {
        r = { error: `cannot read: ${reason(e, 'no such file')}` };
      }
    }
    await each(file, r);
    return;
  }
  if (!files.length) return;
  const pool = new ImportPool({ jobs: batch.jobs, timeoutSeconds: batch.timeoutSeconds });
  try {
    await importInOrder(files, pool, batch.jobs, batch.maxBytes, each);
  } finally {
    await pool.close();
  }
}
