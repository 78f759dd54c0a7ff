/**
 * The import worker: a worker thread that turns a source's bytes into reports, so that a slow or
 * hostile file never blocks the extension host. It reads nothing itself: the extension reads the
 * bytes through vscode.workspace.fs and transfers them here. Bundled as dist/importWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { importSource } from '../core/index.ts';
import type { ImportRequest, ImportResponse } from './importer.ts';

parentPort?.on('message', (req: ImportRequest) => {
  let res: ImportResponse;
  try {
    res = { id: req.id, imp: importSource(req.source, req.bytes, req.options) };
  } catch (e) {
    res = { id: req.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(res);
});
