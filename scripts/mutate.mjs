// npm run mutate [-- PACKAGE…]: mutation testing of the core packages with StrykerJS (stryker.config.mjs),
// one package after another (default: every package, smallest first). Not part of npm test or CI: the
// whole set takes about two hours on two cores. Reports go to reports/stryker/<package>.json;
// docs/reliability.md records the scores. At the end, a table of each package's score (killed and
// timed out over all mutants, as Stryker counts it); the exit status is 1 when a package is below the
// goal of 80%, or a run failed. ANNALS_MUTATE_FILES / ANNALS_MUTATE_SAMPLE make partial runs (their
// reports are named apart and are not in the table).
//
// Runs are incremental (Stryker tests again only what changed), but before each run the kept results lose
// their static mutants and their timeouts on the timer, which are tested again: Stryker keeps a static
// mutant's verdict whatever changed (it has no coverage to go by), and a loaded machine makes false timeouts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Drops from Stryker's kept results the verdicts it would reuse without cause; returns how many. */
function forgetUntrusted(file) {
  if (!existsSync(file)) return 0;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let dropped = 0;
  for (const f of Object.values(report.files)) {
    const kept = f.mutants.filter((m) => !m.static && !(m.status === 'Timeout' && !String(m.statusReason ?? '').startsWith('Hit limit')));
    dropped += f.mutants.length - kept.length;
    f.mutants = kept;
  }
  writeFileSync(file, JSON.stringify(report));
  return dropped;
}

const ALL = ['search', 'trends', 'qdpx', 'series', 'model', 'align', 'compare', 'structure', 'annotate', 'reader'];
const GOAL = 80;
const packages = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
const whole = !process.env.ANNALS_MUTATE_FILES && !Number(process.env.ANNALS_MUTATE_SAMPLE);
let status = 0;
for (const name of packages) {
  console.log(`\n== mutation testing: src/core/${name}\n`);
  if (whole) {
    const dropped = forgetUntrusted(`reports/stryker/${name}.incremental.json`);
    if (dropped) console.log(`(${dropped} kept results tested again: static mutants and timeouts on the timer)\n`);
  }
  const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, ANNALS_MUTATE: name } });
  status ||= r.status ?? 1;
}

/** Stryker's total score of a JSON report: killed and timed out over every mutant but those that could not run. */
function score(report) {
  let detected = 0;
  let counted = 0;
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      if (m.status === 'CompileError' || m.status === 'RuntimeError' || m.status === 'Ignored') continue;
      counted++;
      if (m.status === 'Killed' || m.status === 'Timeout') detected++;
    }
  }
  return { detected, counted, percent: counted ? (100 * detected) / counted : 0 };
}

if (whole) {
  console.log('\n== mutation scores (goal: at least 80% in every package)\n');
  for (const name of packages) {
    const file = `reports/stryker/${name}.json`;
    if (!existsSync(file)) {
      console.log(`${name.padEnd(10)}  no report`);
      status ||= 1;
      continue;
    }
    const s = score(JSON.parse(readFileSync(file, 'utf8')));
    const below = s.percent < GOAL;
    console.log(`${name.padEnd(10)} ${s.percent.toFixed(2).padStart(6)}%  (${s.detected} of ${s.counted} mutants)${below ? '  BELOW THE GOAL' : ''}`);
    if (below) status ||= 1;
  }
}
process.exit(status);
