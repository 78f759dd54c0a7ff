/**
 * The import worker: a worker thread that turns a source's bytes into reports (and a REFI-QDA
 * project's into a project), so that a slow or hostile file never blocks the extension host. It
 * reads nothing itself: the extension reads the bytes through vscode.workspace.fs and sends them here. Bundled as dist/importWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { importSourceAsync, readQdpx } from '../core/index.ts';
import { loadPdfExtractor } from '../host/loadPdf.ts';
import { nodeInflateRaw } from '../host/inflate.ts';
import { packImport } from '../host/importWire.ts';
import type { ImportRequest, ImportResponse } from './importer.ts';

/** One request at a time, in the order they came: the extension posts the next while this one runs (importer.ts). */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (req: ImportRequest) => {
  queue = queue.then(() => answer(req));
});

async function answer(req: ImportRequest): Promise<void> {
  let res: ImportResponse;
  try {
    if (req.kind === 'qdpx') res = { id: req.id, project: readQdpx(req.bytes, req.maxBytes) };
    else {
      // A PDF's text comes from pdfjs-dist, loaded (dist/pdf.mjs) only when a PDF is read.
      const imp = await importSourceAsync(req.source, req.bytes, {
        ...req.options,
        inflateRaw: nodeInflateRaw,
        pdfText: async (pdf) => (await loadPdfExtractor())(pdf),
      });
      res = { id: req.id, imp: packImport(imp) };
    }
  } catch (e) {
    res = { id: req.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(res);
}
