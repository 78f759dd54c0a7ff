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
import type { SourceImport } from '../core/index.ts';
import type { Options } from './args.ts';
import { importInput, overLimit, readInput, reason } from './files.ts';

/** In the bundles, the import worker's file name beside dist/cli.js (the build's define). */
declare const ANNALS_IMPORT_WORKER: string;

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

/** The import worker's protocol (src/extension/importWorker.ts). */
interface Request {
  id: number;
  source: string;
  bytes: Uint8Array;
  options: { maxBytes?: number };
}
type Response = { id: number; imp: SourceImport } | { id: number; error: string };

interface Task {
  req: Request;
  resolve(r: Imported): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer?: ReturnType<typeof setTimeout>;
}

export interface PoolOptions {
  /** How many workers at most (at least one). */
  jobs: number;
  /** The time budget of one file, in seconds. */
  timeoutSeconds: number;
  /** The worker script; default: the import worker beside the CLI's bundle (from the sources: through tsx). */
  script?: string;
}

/** The import worker: dist/importWorker.js beside dist/cli.js; from the sources (tests), importWorker.ts through tsx. */
function defaultWorker(): { script: string; workerData?: unknown } {
  if (typeof ANNALS_IMPORT_WORKER === 'string') return { script: path.join(__dirname, ANNALS_IMPORT_WORKER) };
  return {
    script: path.join(__dirname, 'tsWorker.mjs'),
    workerData: { entry: pathToFileURL(path.join(__dirname, '..', 'extension', 'importWorker.ts')).href },
  };
}

export class ImportPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private readonly jobs: number;
  private readonly worker: { script: string; workerData?: unknown };

  constructor(private readonly options: PoolOptions) {
    this.jobs = Math.max(1, Math.floor(options.jobs));
    this.worker = options.script ? { script: options.script } : defaultWorker();
  }

  /** The import of one source's bytes; never rejects. */
  run(source: string, bytes: Uint8Array, maxBytes: number): Promise<Imported> {
    return new Promise((resolve) => {
      this.queue.push({ req: { id: this.nextId++, source, bytes, options: { maxBytes } }, resolve });
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
    const worker = new Worker(this.worker.script, { workerData: this.worker.workerData });
    const slot: Slot = { worker, task: null };
    worker.on('message', (res: Response) => {
      const task = slot.task;
      if (!task || task.req.id !== res.id) return;
      clearTimeout(slot.timer);
      slot.task = null;
      task.resolve('imp' in res ? { imp: res.imp } : { error: `the import failed: ${res.error}` });
      this.pump();
    });
    worker.on('error', (e) => this.lose(slot, `the import stopped: ${e instanceof Error ? e.message : String(e)}`));
    worker.on('exit', (code) => this.lose(slot, `the import stopped: its worker exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Task): void {
    slot.task = task;
    const seconds = this.options.timeoutSeconds;
    slot.timer = setTimeout(() => {
      // Over budget: the import cannot be interrupted otherwise; the worker goes, a new one takes the next file.
      this.lose(slot, `gave up after ${seconds} s: reading this file took too long (--timeout-seconds)`);
      void slot.worker.terminate();
    }, seconds * 1000);
    slot.worker.postMessage(task.req);
  }

  /** A worker died, or ran over its budget: its file fails, and its place is free for a new worker. */
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

/** The bytes of a file under the limit, or why it cannot be read. */
async function readBytes(file: string, maxBytes: number): Promise<Uint8Array | string> {
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
  const start = async (file: string): Promise<Imported> => {
    const bytes = await readBytes(file, maxBytes);
    return typeof bytes === 'string' ? { error: bytes } : pool.run(file, bytes, maxBytes);
  };
  const window = Math.max(1, jobs) * 4;
  const inFlight: { file: string; result: Promise<Imported> }[] = [];
  for (const file of files) {
    inFlight.push({ file, result: start(file) });
    if (inFlight.length >= window) {
      const head = inFlight.shift()!;
      await each(head.file, await head.result);
    }
  }
  for (const head of inFlight.splice(0)) await each(head.file, await head.result);
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
