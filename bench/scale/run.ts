/**
 * `npm run bench:scale [-- NAME…]`: the scale benchmarks of issue #13, one file per area in this
 * folder (each writes its own section of bench/RESULTS.md with writeSection). Each runs in a child
 * process of its own, so that one area's heap does not weigh on the next one's figures.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n# bench:scale ${f}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench:scale: ${f} exited with ${r.status ?? r.signal}\n`);
  }
}
process.exit(failed ? 1 : 0);
