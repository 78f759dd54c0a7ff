// The esbuild options every bundle of Annals shares: the extension, the CLI, the bench and the bundle test.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');

const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

/** @param {{ production?: boolean }} [o] */
function commonOptions(o = {}) {
  const production = !!o.production;
  return {
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
}

/** The extension bundle: `vscode` is provided by the editor. */
function extensionOptions(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/extension/extension.ts')], external: ['vscode'] };
}

module.exports = { commonOptions, extensionOptions };
