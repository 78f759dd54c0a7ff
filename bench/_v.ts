import { buildCorpus } from './corpus.ts';
import { htmlToBlocks } from '../src/core/html.ts';
import { scanBlock } from '../src/core/text.ts';
const paras = buildCorpus(300).flatMap((f) => f.bodies.flatMap((b) => htmlToBlocks(b)));
const P = 0x01000193;
function fast(text: string): number {
  let h = 0x811c9dc5;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00) {
      if (c <= 0x9fff) { h = Math.imul(h ^ c, P); continue; }
      if (c >= 0xff01 && c <= 0xff5e) {
        if (c === 0xff08) depth++; else if (c === 0xff09 && depth > 0) depth--;
        h = Math.imul(h ^ (c - 0xfee0), P); continue;
      }
      return -1;
    }
    if (c >= 0x21 && c <= 0x7e) {
      if (c === 0x28) depth++; else if (c === 0x29 && depth > 0) depth--;
      h = Math.imul(h ^ c, P); continue;
    }
    if ((c >= 0x3001 && c <= 0x3035) || (c >= 0x2018 && c <= 0x201d) || c === 0x2014 || c === 0xb7) { h = Math.imul(h ^ c, P); continue; }
    return -1;
  }
  return (h >>> 0) + depth;
}
let slow = 0; for (const p of paras) if (fast(p) === -1) slow++;
console.log('slow-path paragraphs', slow, 'of', paras.length);
for (let r = 0; r < 4; r++) {
  const o: Record<string, string> = {};
  for (const [k, f] of Object.entries({ scanBlock, fast } as Record<string, (s: string) => unknown>)) { const t = performance.now(); for (const p of paras) f(p); o[k] = (performance.now() - t).toFixed(1); }
  console.log(o);
}
