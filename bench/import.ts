/**
 * One measurement, in its own process so that peak memory is its own. bench/run.ts bundles
 * this file with esbuild (as the extension and CLI are bundled) and runs it:
 *   node bench/.build/import.cjs <reports>
 * Prints one JSON line.
 */
import { parseDocument } from 'htmlparser2';
import { importSource } from '../src/core/index.ts';
import { buildCorpus } from './corpus.ts';

const n = Number(process.argv[2] ?? 100);
const feeds = buildCorpus(n);
const enc = new TextEncoder();
const files = feeds.map((f) => ({ name: f.name, bytes: enc.encode(f.xml), bodies: f.bodies, bodyBytes: f.bodies.map((b) => enc.encode(b)) }));
const bytes = files.reduce((s, f) => s + f.bytes.length, 0);
const bodyBytes = files.reduce((s, f) => s + f.bodies.reduce((t, b) => t + enc.encode(b).length, 0), 0);
const rssBefore = process.memoryUsage().rss;

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
let reports = 0;
const importMs = time(() => {
  reports = 0;
  for (const f of files) reports += importSource(f.name, f.bytes).reports.length;
}, rounds);
// The floor: htmlparser2's parseDocument of the HTML bodies, as strings (parse only), and
// from bytes (the platform's UTF-8 decode, then parse), since the import starts from bytes.
const floorMs = time(() => {
  for (const f of files) for (const b of f.bodies) parseDocument(b);
}, rounds);
const utf8 = new TextDecoder();
const floorBytesMs = time(() => {
  for (const f of files) for (const b of f.bodyBytes) parseDocument(utf8.decode(b));
}, rounds);

console.log(JSON.stringify({
  reports,
  files: files.length,
  mb: bytes / 1048576,
  bodyMb: bodyBytes / 1048576,
  importMs,
  importMBps: bytes / 1048576 / (importMs / 1000),
  floorMs,
  floorMBps: bodyBytes / 1048576 / (floorMs / 1000),
  floorBytesMs,
  floorBytesMBps: bodyBytes / 1048576 / (floorBytesMs / 1000),
  peakRssMB: process.resourceUsage().maxRSS / 1024,
  rssBeforeMB: rssBefore / 1048576,
}));
