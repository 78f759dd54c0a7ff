/**
 * Where a save's time goes with a 10,000-annotation sidecar: each phase of AnnotationStore.save
 * timed on its own, on a real temporary folder. The text path (sort, serializeSidecar, then
 * TextEncoder on the whole 10 MB text) is what saves did before encodeSidecar; the bytes path
 * (encodeSidecar: cached bytes per annotation, copied into one buffer) is what they do now.
 *   node --import tsx bench/saveProfile.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareAnnotations, encodeSidecar, makeTarget, problemText, serializeSidecar, type Annotation } from '../src/core/index.ts';
import { bigReport, manyAnnotations } from './annotations.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r = bigReport(1000);
const items = new Map<string, Annotation>(manyAnnotations(r, 10_000).map((a) => [a.id, a]));
const enc = new TextEncoder();
const dir = mkdtempSync(path.join(tmpdir(), 'annals-prof-'));
const file = path.join(dir, 'big.txt.annals.json');
const t: Record<string, number[]> = {};
const lap = (name: string, t0: number) => {
  const now = performance.now();
  (t[name] ??= []).push(now - t0);
  return now;
};
async function main(): Promise<void> {
  try {
    await fsp.writeFile(file, serializeSidecar({ version: 1, source: 'big.txt', annotations: [...items.values()] }));
    for (let k = 0; k < 33; k++) {
      const tg = makeTarget(r, (k * 37) % r.paragraphs.length);
      if (!tg.ok) throw new Error(problemText(tg.problem));
      const when = new Date(Date.UTC(2027, 0, 1) + k * 1000).toISOString();
      items.set(`n${k}`, { id: `n${k}`, report: r.id, target: tg.value.target, tags: ['figures'], note: '', author: 'bench', created: when, modified: when });
      let t0 = performance.now();
      const all0 = performance.now();
      await fsp.stat(file);
      t0 = lap('stat before', t0);
      const sorted = [...items.values()].sort(compareAnnotations);
      t0 = lap('full sort (before)', t0);
      const text = serializeSidecar({ version: 1, source: 'big.txt', annotations: sorted });
      t0 = lap('text: serializeSidecar (before)', t0);
      const textBytes = enc.encode(text);
      t0 = lap('text: TextEncoder.encode (before)', t0);
      const bytes = encodeSidecar({ version: 1, source: 'big.txt', annotations: sorted });
      t0 = lap('bytes: encodeSidecar (now)', t0);
      if (bytes.length !== textBytes.length) throw new Error('encodeSidecar differs from serializeSidecar');
      const tmp = `${file}.${k}.tmp`;
      await fsp.mkdir(dir, { recursive: true });
      await fsp.writeFile(tmp, bytes);
      t0 = lap('writeFile (temp)', t0);
      await fsp.rename(tmp, file);
      t0 = lap('rename', t0);
      await fsp.stat(file);
      t0 = lap('stat after', t0);
      new Map(sorted.map((a) => [a.id, a.modified]));
      t0 = lap('setBase map', t0);
      lap('TOTAL (both paths)', all0);
    }
    for (const [name, xs] of Object.entries(t)) console.log(`${name.padEnd(36)} ${median(xs.slice(3)).toFixed(2)} ms (median)`);
    console.log(`file: ${(Buffer.byteLength(await fsp.readFile(file, 'utf8')) / 1048576).toFixed(1)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
void main();
