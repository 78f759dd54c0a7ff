// A stand-in import worker for the WorkerImporter tests: it never answers for a source named
// "stall", exits for "exit", throws for "throw", and answers every other source with one report
// (or, asked for a REFI-QDA project, with a project that names it).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (req) => {
  if (req.source === 'stall') return;
  if (req.source === 'exit') process.exit(3);
  if (req.source === 'throw') throw new Error('boom');
  if (req.kind === 'qdpx') parentPort.postMessage({ id: req.id, project: { ok: true, value: { name: req.source, bytes: req.bytes.length } } });
  else parentPort.postMessage({ id: req.id, imp: { source: req.source, format: 'text', diagnostics: [], reports: [], bytes: req.bytes.length } });
});
