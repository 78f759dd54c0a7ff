/**
 * The fuzz suite, run by `npm run fuzz` (run.ts bundles this file first, as the CLI and the
 * extension are bundled). Every reader and step must run in linear time. Each case is timed at
 * size n and 4n (the least of three to five runs each); the suite fails when the time grows more than 5×
 * for the 4× input, when 128 KB takes more than 1 s, or when any input of 5 MB takes more than
 * 2 s. Not part of npm test: it measures time, and timings belong in benchmarks, not in tests that
 * CI runs on a shared machine.
 *
 * Times are the process's CPU time (user and system, process.cpuUsage), not the wall clock: on a
 * machine busy with other work the wall clock counts the time spent waiting for a core, and the
 * growth it shows is noise. The 5 MB column gives the wall clock too.
 *
 *   npm run fuzz                 every case
 *   npm run fuzz -- --only html  the cases whose name or target contains "html"
 */
import { extractFigures, paragraphsFigures } from '../../src/core/compare/index.ts';
import { alignCorpus, importSource, parseCodebook, parseDate, parseSidecar } from '../../src/core/index.ts';
import { type Case, REVIEW_CASES, RUN_CASES, type Target } from './cases.ts';

const encoder = new TextEncoder();
const NAMES: Record<Target, string> = {
  text: 'fuzz.txt',
  html: 'fuzz.html',
  mhtml: 'fuzz.mhtml',
  rss: 'fuzz.xml',
  atom: 'fuzz.atom',
  flattened: 'fuzz.txt',
  figures: '',
  tables: '',
  dates: '',
  align: 'fuzz.txt',
  codebook: '',
  sidecar: '',
};

/** Runs the step a case is for, on its input. */
function run(target: Target, input: string): void {
  switch (target) {
    case 'figures':
      extractFigures(input);
      return;
    case 'tables':
      paragraphsFigures(input.split('\n'));
      return;
    case 'dates':
      parseDate(input);
      return;
    case 'codebook':
      parseCodebook(input, 'fuzz.json');
      return;
    case 'sidecar':
      parseSidecar(input, 'fuzz.annals.json');
      return;
    case 'align': {
      const a = importSource('gwr-national-2018.txt', encoder.encode(input)).reports;
      const b = importSource('gwr-national-2019.txt', encoder.encode(input)).reports;
      alignCorpus([...a, ...b]);
      return;
    }
    default:
      importSource(NAMES[target], encoder.encode(input), { maxBytes: 1 << 30 });
  }
}

/** CPU milliseconds (user and system) of one run, and its wall-clock milliseconds. */
function once(target: Target, input: string): { cpu: number; wall: number } {
  // A full collection first (run.ts starts the suite with --expose-gc), so that a run pays for its
  // own garbage only, never for what the run before it left.
  (globalThis as { gc?: () => void }).gc?.();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  run(target, input);
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall };
}

/**
 * The least CPU time of up to five runs (three when a run takes over 100 ms; one when over
 * 500 ms): other work can only add time to a run, so the least is the closest to the code's own.
 */
function time(target: Target, input: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    best = Math.min(best, once(target, input).cpu);
    if (best > 500 || (i >= 2 && best > 100)) break;
  }
  return best;
}

/**
 * After a 5 MB run (a heap of hundreds of MB): a full collection, then a pause for V8's background
 * threads to finish freeing it, so that their CPU time is not charged to the next case's runs.
 */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
}

/** The scale at which a case's input is about this many bytes. */
function scaleFor(c: Case, bytes: number): number {
  const probe = encoder.encode(c.make(10)).length;
  return Math.max(1, Math.round((10 * bytes) / probe));
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const cases = [...REVIEW_CASES, ...RUN_CASES].filter((c) => !only || c.name.includes(only) || c.target.includes(only));
const failures: string[] = [];
const BASE = 128 * 1024; // bytes at n
const FLOOR_MS = 25; // below this at 4n, growth is noise
const BIG = 5 * 1024 * 1024;
/** How many times a case that looks too slow is measured again (at n and 4n; at 5 MB, twice). */
const RETRIES = 4;

process.stdout.write(
  `| case | target | KB at n | CPU ms at n | CPU ms at 4n | growth | CPU ms at 5 MB | wall ms at 5 MB |\n|---|---|---:|---:|---:|---:|---:|---:|\n`,
);
for (const c of cases) {
  const n = scaleFor(c, BASE);
  const small = c.make(n);
  let t1 = time(c.target, small);
  if (t1 > 1000) {
    // 128 KB should take milliseconds: this one is far from linear; do not wait for 4n.
    process.stdout.write(`| ${c.name} | ${c.target} | ${(encoder.encode(small).length / 1024).toFixed(0)} | ${t1.toFixed(0)} | — | — | — | — |\n`);
    failures.push(`${c.name}: ${t1.toFixed(0)} ms for ${(encoder.encode(small).length / 1024).toFixed(0)} KB`);
    continue;
  }
  const large = c.make(4 * n);
  let t4 = time(c.target, large);
  // A case that looks too slow is measured again, four times at most, keeping the least times:
  // other work on the machine can make a linear case look slow, never a quadratic one fast.
  for (let retry = 0; retry < RETRIES && t4 > FLOOR_MS && t4 / Math.max(t1, 0.01) > 5; retry++) {
    t1 = Math.min(t1, time(c.target, small));
    t4 = Math.min(t4, time(c.target, large));
  }
  const growth = t4 / Math.max(t1, 0.01);
  let tBig = Number.NaN;
  let wallBig = Number.NaN;
  const slowGrowth = t4 > FLOOR_MS && growth > 5;
  if (!slowGrowth) {
    const input = c.make(scaleFor(c, BIG));
    let big = once(c.target, input);
    for (let retry = 0; retry < 2 && big.cpu > 2000; retry++) {
      settle();
      const again = once(c.target, input);
      if (again.cpu < big.cpu) big = again;
    }
    tBig = big.cpu;
    wallBig = big.wall;
    settle();
  }
  const kb = (encoder.encode(small).length / 1024).toFixed(0);
  process.stdout.write(
    `| ${c.name} | ${c.target} | ${kb} | ${t1.toFixed(1)} | ${t4.toFixed(1)} | ${growth.toFixed(1)}× | ${Number.isNaN(tBig) ? '—' : tBig.toFixed(0)} | ${Number.isNaN(wallBig) ? '—' : wallBig.toFixed(0)} |\n`,
  );
  if (slowGrowth) failures.push(`${c.name}: ${growth.toFixed(1)}× for 4× the input (${t1.toFixed(1)} → ${t4.toFixed(1)} ms)`);
  else if (tBig > 2000) failures.push(`${c.name}: ${tBig.toFixed(0)} ms for 5 MB`);
}
if (failures.length) {
  process.stdout.write(`\n${failures.length} of ${cases.length} cases are not linear:\n${failures.map((f) => `- ${f}`).join('\n')}\n`);
  process.exitCode = 1;
} else process.stdout.write(`\nAll ${cases.length} cases linear.\n`);
