/**
 * The CLI's file worker (worker_threads): imports one file a message, with the same core call as
 * the editor's import worker, and sends back its JSON Lines (fileTask.ts), for `outline --jsonl`
 * and `search --jsonl` on every core. Bundled as dist/fileWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { importInput } from './files.ts';
import { type FileTask, fileLines } from './fileTask.ts';

interface LinesRequest {
  id: number;
  file: string;
  source: string;
  inFolder: boolean;
  bytes: Uint8Array;
  maxBytes: number;
  task: FileTask;
}

parentPort?.on('message', async (req: LinesRequest) => {
  try {
    const imp = await importInput(req.file, req.bytes, req.maxBytes);
    parentPort?.postMessage({ id: req.id, lines: await fileLines(req.source, imp, req.inFolder, req.task) });
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
