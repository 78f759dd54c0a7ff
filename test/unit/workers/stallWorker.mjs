// A stand-in import worker for the WorkerImporter tests: it never answers for a source named
// "stall", exits for "exit", throws for "throw", and answers every other source with one report.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (req) => {
  if (req.source === 'stall') return;
  if (req.source === 'exit') process.exit(3);
  if (req.source === 'throw') throw new Error('boom');
  parentPort.postMessage({ id: req.id, imp: { source: req.source, format: 'text', diagnostics: [], reports: [], bytes: req.bytes.length } });
});
