import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { ROOT } from './helpers.ts';
import { MESSAGES } from '../../src/core/index.ts';

/** Every string passed to vscode.l10n.t in src/extension, and every core message template (l10n.ts localizes them). */
function l10nStrings(): Set<string> {
  const dir = path.join(ROOT, 'src/extension');
  const out = new Set<string>(Object.values(MESSAGES));
  for (const f of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) out.add(m[1].replace(/\\n/g, '\n').replace(/\\'/g, "'"));
  }
  return out;
}

test('every runtime string has a Simplified Chinese translation, and no translation is stale', () => {
  const bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const used = l10nStrings();
  assert.ok(used.size > 10);
  for (const s of used) assert.ok(bundle[s], `missing zh-cn translation for “${s}”`);
  for (const k of Object.keys(bundle)) assert.ok(used.has(k), `stale zh-cn translation “${k}”`);
  for (const [k, v] of Object.entries(bundle)) {
    // A translation may leave out an English-only placeholder (Item/Entry), never invent one.
    const ph = (s: string) => new Set(s.match(/\{\d+\}/g) ?? []);
    for (const p of ph(v)) assert.ok(ph(k).has(p), `placeholder ${p} of the translation of “${k}”`);
  }
});

test('package.nls.json and package.nls.zh-cn.json have the same keys, and package.json uses only those', () => {
  const en = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
  const zh = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const pkg = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  for (const m of pkg.matchAll(/"%([\w.]+)%"/g)) assert.ok(m[1] in en, `package.json uses %${m[1]}% which package.nls.json lacks`);
});
