import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers.ts';
import { tempDir } from './tmp.ts';

test("the minified extension bundle stays at or under 350 KB and holds none of cheerio's Node-only parts", (t) => {
  const out = tempDir('bundle');
  t.after(() => rmSync(out, { recursive: true, force: true }));
  // The same options as the packaged build (scripts/esbuild-options.cjs), minified; the asynchronous
  // API, since the options carry a plugin (search's regex engine is a bundle of its own).
  const script = `
    const esbuild = require('esbuild');
    const { extensionOptions } = require('./scripts/esbuild-options.cjs');
    esbuild.build({ ...extensionOptions({ production: true }), outfile: ${JSON.stringify(path.join(out, 'extension.js'))} }).catch((e) => {
      console.error(e);
      process.exit(1);
    });`;
  const p = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(p.status, 0, p.stderr);
  const file = path.join(out, 'extension.js');
  const kb = statSync(file).size / 1024;
  assert.ok(kb <= 350, `${kb.toFixed(1)} KB`);
  const code = readFileSync(file, 'utf8');
  for (const nodeOnly of ['undici', 'parse5', 'fromURL', 'iconv-lite']) assert.ok(!code.includes(nodeOnly), `${nodeOnly} is not bundled`);
  // RE2JS (search's regular expressions) is loaded from dist/re2.mjs when needed, not bundled.
  assert.ok(!code.includes('RE2JSSyntaxException'), 're2js is not bundled');
  assert.ok(code.includes('./re2.mjs'), 'the regex engine is imported from its own bundle');
  // fflate (QDPX: the zip written on export, read on import) is in dist/zip.js and the import worker, not here.
  assert.ok(!code.includes('invalid zip data'), 'fflate is not bundled');
  assert.ok(code.includes('./zip.js'), 'the zip writer is imported from its own bundle');
  // The table reader (figures in a communiqué's tables) is in dist/figures.js, loaded when Trends charts a figure.
  assert.ok(!code.includes('产品名称'), 'the table reader is not bundled');
  assert.ok(code.includes('./figures.js'), 'the figures reader is imported from its own bundle');
});
