/**
 * The CLI's align worker (worker_threads): aligns one series a message, so that `annals align`
 * aligns series on every core. The series comes with light reports and where their bodies are
 * (alignLine.ts): the worker reads those files again. Bundled as dist/alignWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import type { Series } from '../core/index.ts';
import { type Body, ImportCache, type Manual, seriesLine, withBodies } from './alignLine.ts';

/** The feeds this worker read last: 16 MB of files at most. */
const cache = new ImportCache(16 * 1024 * 1024);

parentPort?.on('message', async (req: { id: number; series: Series; bodies: Body[]; maxBytes: number; manual: Manual }) => {
  try {
    const full = await withBodies(req.series, req.bodies, req.maxBytes, cache);
    if (typeof full === 'string') parentPort?.postMessage({ id: req.id, error: full });
    else parentPort?.postMessage({ id: req.id, line: seriesLine(full, req.manual) });
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
