/**
 * bench:scale cli (issue #13, item 8): the built CLI (dist/cli.js) at 1, 2 and N jobs over 10,000
 * report files (bench/scale/_cliFiles.ts: the State Council's reports, perturbed, in series of
 * 10–40 years), for `outline --jsonl`, `search --jsonl` and `align --jsonl`; its reference from the
 * same run, a plain fs read loop of the same files; and the peak RSS of `outline --jsonl` and
 * `align --jsonl` at growing file counts. ANNALS_BENCH_CLI_FILES sets the largest count (default
 * 10,000). Writes the section "scale-cli" of bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from '../results.ts';
import { buildCliFiles } from './_cliFiles.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const MAX = Number(process.env.ANNALS_BENCH_CLI_FILES) || 10_000;
const N = availableParallelism();
const JOBS = [...new Set([1, 2, N])];

const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');

const work = mkdtempSync(path.join(tmpdir(), 'annals-bench-cli-'));
// The peak RSS of the CLI's process (worker threads included), written to stderr as it exits.
const PRELOAD = path.join(work, 'maxrss.cjs');
writeFileSync(PRELOAD, "process.on('exit', () => process.stderr.write('\\n@@maxrss ' + process.resourceUsage().maxRSS + '\\n'));\n");

interface RunResult {
  ms: number;
  rssMB: number;
  lines: number;
}

/** Runs the built CLI; its standard output is counted (lines), not kept. */
function cli(args: string[]): RunResult {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], { cwd: work, maxBuffer: 1 << 30, encoding: 'buffer' });
  const ms = performance.now() - t;
  const err = r.stderr.toString('utf8');
  if (r.status !== 0) throw new Error(`annals ${args.join(' ')} exited with ${r.status}: ${err.slice(-2000)}`);
  const rss = /@@maxrss (\d+)/.exec(err);
  let lines = 0;
  for (const b of r.stdout) if (b === 10) lines++;
  return { ms, rssMB: rss ? Number(rss[1]) / 1024 : Number.NaN, lines };
}

/** Every file under the folders, in order. */
const filesOf = (folders: string[]) => folders.flatMap((f) => readdirSync(f).map((n) => path.join(f, n)));

/** The reference: a plain read loop of the same files. */
function readLoop(files: string[]): { ms: number; bytes: number } {
  const t = performance.now();
  let bytes = 0;
  for (const f of files) bytes += readFileSync(f).length;
  return { ms: performance.now() - t, bytes };
}

const started = new Date().toISOString();
process.stdout.write(`building ${MAX} files in ${work}…\n`);
const folders = buildCliFiles(path.join(work, 'files'), MAX);
const all = filesOf(folders);
const totalMB = all.reduce((n, f) => n + statSync(f).size, 0) / 1024 / 1024;
readLoop(all); // warm the page cache
const ref = readLoop(all);
process.stdout.write(`${all.length} files, ${totalMB.toFixed(0)} MB, ${folders.length} series; read loop ${ref.ms.toFixed(0)} ms\n`);

const commands: [string, string[]][] = [
  ['outline --jsonl', ['outline', 'files', '--jsonl']],
  ['search --jsonl 改革', ['search', '改革', 'files', '--jsonl']],
  ['align --jsonl', ['align', 'files', '--jsonl']],
];
const rows: string[] = [];
const perCore: string[] = [];
for (const [name, args] of commands) {
  const base: RunResult[] = [];
  for (const jobs of JOBS) {
    const r = cli([...args, '--jobs', String(jobs)]);
    base.push(r);
    process.stdout.write(`${name} --jobs ${jobs}: ${r.ms.toFixed(0)} ms, ${r.lines} lines, peak RSS ${r.rssMB.toFixed(0)} MB\n`);
    rows.push(
      `| \`${name}\` | ${jobs} | ${(r.ms / 1000).toFixed(1)} s | ${Math.round((all.length / r.ms) * 1000)} | ${(r.ms / base[0].ms).toFixed(2)} | ${(r.ms / ref.ms).toFixed(0)}× | ${r.lines} | ${r.rssMB.toFixed(0)} MB |`,
    );
  }
  perCore.push(`- \`${name}\`: ${Math.round((all.length / base[0].ms) * 1000)} files/s with --jobs 1 (${(base[0].ms / all.length).toFixed(2)} ms a file).`);
}

// Memory at growing counts: the first folders holding about 1/8, 1/4, 1/2 and all of the files.
const sizes: string[] = [];
for (const part of [8, 4, 2, 1]) {
  let n = 0;
  const take: string[] = [];
  for (const f of folders) {
    if (n >= all.length / part) break;
    take.push(path.relative(work, f));
    n += readdirSync(f).length;
  }
  const o = cli(['outline', ...take, '--jsonl', '--jobs', String(N)]);
  const h = cli(['search', '改革', ...take, '--jsonl', '--jobs', String(N)]);
  const a = cli(['align', ...take, '--jsonl', '--jobs', String(N)]);
  process.stdout.write(`${n} files: peak RSS outline ${o.rssMB.toFixed(0)} MB, search ${h.rssMB.toFixed(0)} MB, align ${a.rssMB.toFixed(0)} MB\n`);
  sizes.push(
    `| ${n} | ${o.rssMB.toFixed(0)} MB | ${(o.ms / 1000).toFixed(1)} s | ${h.rssMB.toFixed(0)} MB | ${(h.ms / 1000).toFixed(1)} s | ${a.rssMB.toFixed(0)} MB | ${(a.ms / 1000).toFixed(1)} s |`,
  );
}
rmSync(work, { recursive: true, force: true });

writeSection(
  'scale-cli',
  `## Scale: the CLI on every core

\`npm run bench:scale -- cli\` (bench/scale/cli.ts), ${started}: the built CLI (\`dist/cli.js\`) over ${all.length} text reports
(${totalMB.toFixed(0)} MB, ${folders.length} series of 10–40 years, built from the State Council's reports, perturbed), on
${N} cores (availableParallelism), load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} at the end (the machine is shared: the ratio to the read loop of the same run is the figure to
compare). Reference from the same run: a plain \`fs\` read loop of the same files, ${ref.ms.toFixed(0)} ms (page cache warm).
Standard output is read and counted, not kept.

| command | --jobs | wall time | files/s | vs --jobs 1 | vs read loop | lines out | peak RSS |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Throughput per core (the figure to size a cluster with; docs/scale.md):

${perCore.join('\n')}

Peak RSS (the CLI's process with its worker threads) at growing file counts, \`--jobs ${N}\`. \`outline --jsonl\` and
\`search --jsonl\` print each file's lines as they go and keep nothing; \`align --jsonl\` holds every report until the
series are grouped, but only light (its metadata: the worker that aligns a series reads its files again). The times here and in the table above are of the same commands minutes apart: their spread is
the other work on the machine.

| files | outline --jsonl RSS | time | search --jsonl RSS | time | align --jsonl RSS | time |
|---|---|---|---|---|---|---|
${sizes.join('\n')}
`,
);
process.stdout.write('bench/RESULTS.md: section scale-cli written.\n');
