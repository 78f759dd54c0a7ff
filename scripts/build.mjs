// Bundles the extension and the CLI with esbuild. `--production` minifies (used by vsce).
import * as esbuild from 'esbuild';
import { readFileSync, statSync } from 'node:fs';

const production = process.argv.includes('--production') || process.env.ANNALS_PRODUCTION === '1';
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  legalComments: 'none',
  define: { ANNALS_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  // encoding-sniffer only needs labelToName; the "lite" entry of the same package has it
  // without the multi-byte decoder tables (we decode with the platform's TextDecoder).
  alias: { '@exodus/bytes/encoding.js': '@exodus/bytes/encoding-lite.js' },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' }),
]);
const size = statSync('dist/extension.js').size;
if (process.argv.includes('--report')) console.log(`dist/extension.js: ${(size / 1024).toFixed(1)} KB`);
