import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { ROOT } from './helpers.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('src/core never imports vscode or a Node built-in', () => {
  const forbidden = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const spec = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
  let checked = 0;
  for (const f of files(path.join(ROOT, 'src/core'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(spec)) {
      checked++;
      const name = m[1].startsWith('node:') ? m[1] : m[1].split('/')[0];
      assert.ok(!forbidden.has(name) && !forbidden.has(m[1]), `${path.relative(ROOT, f)} imports ${m[1]}`);
    }
  }
  assert.ok(checked > 10, 'the imports were found');
});

test('src/extension reads files only through vscode.workspace.fs', () => {
  for (const f of files(path.join(ROOT, 'src/extension'))) {
    const text = readFileSync(f, 'utf8');
    assert.doesNotMatch(text, /['"](?:node:)?fs(?:\/promises)?['"]/, `${path.relative(ROOT, f)} must not use Node's fs`);
  }
});
