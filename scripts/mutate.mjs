// npm run mutate [-- PACKAGE…]: mutation testing of core packages with StrykerJS (stryker.config.mjs),
// one package after another (default: annotate). Not part of npm test or CI: a full package takes
// from minutes to hours on two cores. Scores go to reports/stryker/<package>.json; docs/reliability.md
// records them. ANNALS_MUTATE_FILES=a.ts,b.ts mutates only those files (a partial run).
import { spawnSync } from 'node:child_process';

const packages = process.argv.slice(2).length ? process.argv.slice(2) : ['annotate'];
let status = 0;
for (const name of packages) {
  console.log(`\n== mutation testing: src/core/${name}\n`);
  const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, ANNALS_MUTATE: name } });
  status ||= r.status ?? 1;
}
process.exit(status);
