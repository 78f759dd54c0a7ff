/**
 * The CLI's align worker (worker_threads): aligns one series a message, so that `annals align`
 * aligns series on every core. Bundled as dist/alignWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import type { Series } from '../core/index.ts';
import { type Manual, seriesLine } from './alignLine.ts';

parentPort?.on('message', (req: { id: number; series: Series; manual: Manual }) => {
  try {
    parentPort?.postMessage({ id: req.id, line: seriesLine(req.series, req.manual) });
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
