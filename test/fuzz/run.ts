/**
 * npm run fuzz: bundles the suite (suite.ts) with esbuild, as the CLI and the extension are bundled,
 * and runs it in a process of its own; its arguments are passed on (`-- --only html`). Run through
 * a TypeScript loader, every call across modules would go through a getter, which is not what
 * users run. `-- --record` also writes the table to bench/RESULTS.md (section "Linear time"), with
 * the date, the machine and its load.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { writeSection } from '../../bench/results.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { commonOptions } = createRequire(path.join(ROOT, 'package.json'))('./scripts/esbuild-options.cjs') as {
  commonOptions: (o?: { production?: boolean }) => esbuild.BuildOptions;
};
const outfile = path.join(ROOT, 'test/fuzz/.build/suite.cjs');
esbuild.buildSync({ ...commonOptions({ production: false }), sourcemap: false, entryPoints: [path.join(ROOT, 'test/fuzz/suite.ts')], outfile });

const args = process.argv.slice(2);
const record = args.includes('--record');
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
const loadBefore = load();
const started = new Date();
let output = '';
const child = spawn(process.execPath, ['--expose-gc', outfile, ...args.filter((a) => a !== '--record')], { cwd: ROOT, stdio: ['inherit', 'pipe', 'inherit'] });
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  output += chunk.toString('utf8');
});
child.on('close', (code) => {
  process.exitCode = code ?? 1;
  if (!record) return;
  const cpu = cpus();
  const minutes = ((Date.now() - started.getTime()) / 60000).toFixed(0);
  writeSection(
    'linear',
    [
      '## Linear time',
      '',
      `- Date: ${started.toISOString()} (${minutes} min)`,
      `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1073741824).toFixed(1)} GiB RAM, ${osType()} ${release()}`,
      `- Node: ${process.version}`,
      `- Load average before and after (1, 5, 15 min): ${loadBefore}; ${load()} — other work on the machine slows the wall clock, not the CPU times`,
      '',
      '`npm run fuzz -- --record` ([development.md](../docs/development.md#linear-time)): each case (test/fuzz/cases.ts) at',
      'about 128 KB (n) and 512 KB (4n), the least of three to five runs, and once at 5 MB, through the core bundled by esbuild. Times',
      'are CPU times of the process (user and system, so V8’s parallel garbage collection counts too), each run after a full',
      'collection; a case that looks too slow is measured again (four times at most at n and 4n, twice at 5 MB, keeping the least times). A case fails when',
      'its time grows more than 5× for the 4× input (above 25 ms), when 128 KB takes more than 1 s, or when 5 MB takes more',
      'than 2 s.',
      '',
      output.trim(),
    ].join('\n'),
  );
});
