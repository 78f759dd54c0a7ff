import { buildCorpus } from './corpus.ts';
import { htmlToBlocks } from '../src/core/html.ts';
import { scanBlock, cleanBlock } from '../src/core/text.ts';
import { prepareBlocks } from '../src/core/report.ts';
const bodies = buildCorpus(300).flatMap((f) => f.bodies.map((b) => htmlToBlocks(b)));
let dirty = 0, n = 0; for (const bs of bodies) for (const b of bs) { n++; if (scanBlock(b).dirty) dirty++; }
console.log({ dirty, n });
for (let r = 0; r < 4; r++) {
  let t = performance.now(); for (const bs of bodies) prepareBlocks(bs); const a = performance.now() - t;
  t = performance.now(); for (const bs of bodies) for (const b of bs) scanBlock(b); const b2 = performance.now() - t;
  console.log({ prepare: a.toFixed(1), scanOnly: b2.toFixed(1) });
}
