/**
 * One measurement, in its own process so that peak memory is its own. bench/run.ts bundles
 * this file with esbuild (as the extension and CLI are bundled) and runs it:
 *   node bench/.build/import.cjs import <reports>   the import of the feed files
 *   node bench/.build/import.cjs floor <reports>    htmlparser2's parseDocument of the same bodies
 *   node bench/.build/import.cjs paired <reports>   both in turn, round after round, in one process (their ratio)
 * Each prints one JSON line. The import run holds only the feed files' bytes and samples its
 * memory after each file (25 reports).
 */
import { parseDocument } from 'htmlparser2';
import { importSource } from '../src/core/index.ts';
import { decodeUtf8Strict } from '../src/core/reader/index.ts';
import { buildCorpus } from './corpus.ts';

const mode = process.argv[2];
const n = Number(process.argv[3] ?? 100);
const enc = new TextEncoder();

function time(fn: () => void, rounds: number): number {
  fn(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}
const rounds = n >= 5000 ? 3 : n >= 1000 ? 5 : 15;
const mb = (bytes: number) => bytes / 1048576;

if (mode === 'import') {
  const files = buildCorpus(n).map((f) => ({ name: f.name, bytes: enc.encode(f.xml) }));
  (globalThis as { gc?: () => void }).gc?.();
  const bytes = files.reduce((s, f) => s + f.bytes.length, 0);
  const rssBefore = process.memoryUsage().rss;
  let reports = 0;
  let peakRss = rssBefore;
  let peakHeap = 0;
  // The timed rounds import only; the memory peaks come from one more round, sampled after each
  // file (process.memoryUsage costs about 2% of an import when it is inside the timed loop).
  const ms = time(() => {
    reports = 0;
    for (const f of files) reports += importSource(f.name, f.bytes).reports.length;
  }, rounds);
  for (const f of files) {
    importSource(f.name, f.bytes);
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  }
  // What a cache of every imported report holds (the extension keeps the imports of the files it lists).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const kept = files.map((f) => importSource(f.name, f.bytes));
  gc?.();
  const retainedMB = mb(process.memoryUsage().heapUsed - heapBefore);
  if (kept.length !== files.length) throw new Error('unreachable');
  console.log(
    JSON.stringify({
      reports,
      files: files.length,
      mb: mb(bytes),
      ms,
      peakRssMB: mb(peakRss),
      peakHeapMB: mb(peakHeap),
      rssBeforeMB: mb(rssBefore),
      retainedMB,
    }),
  );
} else if (mode === 'floor') {
  const bodies = buildCorpus(n).flatMap((f) => f.bodies);
  const bodyBytes = bodies.map((b) => enc.encode(b));
  const total = bodyBytes.reduce((s, b) => s + b.length, 0);
  // Parse only, on the bodies as strings; and from bytes (the platform's UTF-8 decode, then parse).
  const parseMs = time(() => {
    for (const b of bodies) parseDocument(b);
  }, rounds);
  const utf8 = new TextDecoder();
  const decodeParseMs = time(() => {
    for (const b of bodyBytes) parseDocument(utf8.decode(b));
  }, rounds);
  const decodeMs = time(() => {
    for (const b of bodyBytes) utf8.decode(b);
  }, rounds);
  // The import's own strict UTF-8 decoder (src/core/reader/utf8.ts) on the same bytes.
  const ownDecodeMs = time(() => {
    for (const b of bodyBytes) decodeUtf8Strict(b);
  }, rounds);
  console.log(JSON.stringify({ mb: mb(total), parseMs, decodeParseMs, decodeMs, ownDecodeMs }));
} else if (mode === 'paired') {
  // The import and its floor (decode + parse of the same bodies) timed in turn, round after round, in one process: on a
  // machine whose speed drifts, each round's ratio compares two runs a moment apart. The median of the rounds' ratios.
  const corpus = buildCorpus(n);
  const files = corpus.map((f) => ({ name: f.name, bytes: enc.encode(f.xml) }));
  const bodyBytes = corpus.flatMap((f) => f.bodies).map((b) => enc.encode(b));
  const utf8 = new TextDecoder();
  const gc = (globalThis as { gc?: () => void }).gc;
  const once = (fn: () => void) => {
    gc?.();
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  const importAll = () => {
    for (const f of files) importSource(f.name, f.bytes);
  };
  const floorAll = () => {
    for (const b of bodyBytes) parseDocument(utf8.decode(b));
  };
  // The same floor decoding with the import's own UTF-8 decoder: what the ratio would be had the platform's been as fast.
  const ownFloorAll = () => {
    for (const b of bodyBytes) parseDocument(decodeUtf8Strict(b) ?? '');
  };
  importAll();
  floorAll();
  ownFloorAll();
  const pairs: { importMs: number; floorMs: number; ownFloorMs: number }[] = [];
  const count = n >= 5000 ? 5 : n >= 1000 ? 9 : 21;
  for (let i = 0; i < count; i++) {
    // Alternate which goes first, so that neither always runs after the other's garbage.
    if (i % 2) pairs.push({ floorMs: once(floorAll), ownFloorMs: once(ownFloorAll), importMs: once(importAll) });
    else pairs.push({ importMs: once(importAll), ownFloorMs: once(ownFloorAll), floorMs: once(floorAll) });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    JSON.stringify({
      rounds: count,
      ratio: median(pairs.map((p) => p.floorMs / p.importMs)),
      ownRatio: median(pairs.map((p) => p.ownFloorMs / p.importMs)),
      importMs: median(pairs.map((p) => p.importMs)),
      floorMs: median(pairs.map((p) => p.floorMs)),
      ownFloorMs: median(pairs.map((p) => p.ownFloorMs)),
    }),
  );
} else {
  throw new Error('usage: import.cjs import|floor|paired <reports>');
}
