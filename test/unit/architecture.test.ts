import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { ROOT } from './helpers.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('src/core never imports vscode or a Node built-in', () => {
  const bad = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](vscode|node:[\w/]+|fs|path|os|crypto|child_process|stream|buffer|util|url)['"]/;
  for (const f of files(path.join(ROOT, 'src/core'))) {
    const m = bad.exec(readFileSync(f, 'utf8'));
    assert.equal(m, null, `${path.relative(ROOT, f)} imports ${m?.[1]}`);
  }
});

test('src/extension reads files only through vscode.workspace.fs', () => {
  for (const f of files(path.join(ROOT, 'src/extension'))) {
    const text = readFileSync(f, 'utf8');
    assert.doesNotMatch(text, /['"](?:node:)?fs(?:\/promises)?['"]/, `${path.relative(ROOT, f)} must not use Node's fs`);
  }
});
