/**
 * npm run fuzz: bundles the suite (suite.ts) with esbuild, as the CLI and the extension are bundled,
 * and runs it in a process of its own; its arguments are passed on (`-- --only html`). Run through
 * a TypeScript loader, every call across modules would go through a getter, which is not what
 * users run.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { commonOptions } = createRequire(path.join(ROOT, 'package.json'))('./scripts/esbuild-options.cjs') as {
  commonOptions: (o?: { production?: boolean }) => esbuild.BuildOptions;
};
const outfile = path.join(ROOT, 'test/fuzz/.build/suite.cjs');
esbuild.buildSync({ ...commonOptions({ production: false }), sourcemap: false, entryPoints: [path.join(ROOT, 'test/fuzz/suite.ts')], outfile });
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exitCode = run.status ?? 1;
