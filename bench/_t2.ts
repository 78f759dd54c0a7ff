import { buildCorpus } from './corpus.ts';
import { decodeBytes } from '../src/core/decode.ts';
import { parseFeed } from '../src/core/feed.ts';
import { htmlToBlocks } from '../src/core/html.ts';
import { markTail, joinBrokenBlocks } from '../src/core/report.ts';
import { parseStructure } from '../src/core/structure.ts';
import { cleanBlock, contentKey, hash32 } from '../src/core/text.ts';
import { parseDocument } from 'htmlparser2';
const feeds = buildCorpus(300);
const T: Record<string, number> = {};
const t = <X>(k: string, f: () => X): X => { const t0 = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t0; return r; };
for (let round = 0; round < 3; round++) for (const f of feeds) {
  t('xmlparse', () => parseDocument(f.xml, { xmlMode: true, withStartIndices: true, withEndIndices: true }));
  for (const b of f.bodies) {
    const blocks0 = t('htmlToBlocks', () => htmlToBlocks(b));
    t('parseDocumentBody', () => parseDocument(b));
    const blocks = t('clean', () => blocks0.map(cleanBlock).filter((x) => x.length > 0));
    const j = t('join', () => joinBrokenBlocks(blocks));
    const tail = t('tail', () => markTail(j));
    t('structure', () => parseStructure(j, tail.roles));
    t('ids', () => j.map((x) => hash32(contentKey(x))));
  }
}
console.log(T);
