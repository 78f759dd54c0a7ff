import { importSource } from '../src/core/index.ts';
import { buildCorpus } from './corpus.ts';
const feeds = buildCorpus(1000);
const enc = new TextEncoder();
const files = feeds.map((f) => ({ name: f.name, bytes: enc.encode(f.xml) }));
for (let r = 0; r < 4; r++) { const t0 = performance.now(); for (const f of files) importSource(f.name, f.bytes); console.log((performance.now() - t0).toFixed(0)); }
