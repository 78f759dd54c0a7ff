// A stand-in import worker for the WorkerImporter tests: it never answers for a source named
// "stall", never gives its thread back for "block" (so the requests after it wait in its queue), exits for "exit",
// throws for "throw", answers "slow" after 300 ms with how many requests it had received by then, and answers every
// other source with one report (or, asked for a REFI-QDA project, with a project that names it).
import { parentPort } from 'node:worker_threads';

let received = 0;
parentPort.on('message', (req) => {
  received++;
  if (req.source === 'stall') return;
  if (req.source === 'block') for (;;);
  if (req.source === 'slow') {
    setTimeout(() => parentPort.postMessage({ id: req.id, imp: { source: req.source, format: 'text', diagnostics: [], reports: [], received } }), 300);
    return;
  }
  if (req.source === 'exit') process.exit(3);
  if (req.source === 'throw') throw new Error('boom');
  if (req.kind === 'qdpx') parentPort.postMessage({ id: req.id, project: { ok: true, value: { name: req.source, bytes: req.bytes.length } } });
  else parentPort.postMessage({ id: req.id, imp: { source: req.source, format: 'text', diagnostics: [], reports: [], bytes: req.bytes.length } });
});
