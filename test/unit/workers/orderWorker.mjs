// A stand-in import worker for the CLI pool's tests, by the file's name: "stall…" never answers,
// "exit…" ends its worker, "slow-N…" answers after N ms, any other at once; an answer is one
// report whose title is the file's name and whose paragraph count is the number of bytes.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (req) => {
  const name = path.basename(req.source);
  if (name.startsWith('stall')) return;
  if (name.startsWith('exit')) process.exit(3);
  const answer = () =>
    parentPort.postMessage({
      id: req.id,
      imp: { source: req.source, format: 'text', diagnostics: [], reports: [{ title: name, paragraphs: req.bytes.length }] },
    });
  const slow = /^slow-(\d+)/.exec(name);
  if (slow) setTimeout(answer, Number(slow[1]));
  else answer();
});
