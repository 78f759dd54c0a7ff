import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { ROOT } from './helpers.ts';
import { EXPORTERS, MESSAGES } from '../../src/core/index.ts';

/** Every file under a folder, subfolders included. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Every string passed to vscode.l10n.t in src/extension, and every core message template (problems.ts localizes them). */
function l10nStrings(): Set<string> {
  const out = new Set<string>([...Object.values(MESSAGES), ...EXPORTERS.map((e) => e.description)]);
  for (const f of files(path.join(ROOT, 'src/extension'))) {
    const text = readFileSync(f, 'utf8');
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

test('package.json and the code agree: commands, menus, views, languages, activation', async () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const { COMMANDS } = await import('../../src/extension/commands/index.ts');
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(contributed, Object.keys(COMMANDS).sort(), 'every contributed command is registered, and every registered one contributed');
  for (const [where, items] of Object.entries(pkg.contributes.menus as Record<string, { command: string }[]>)) {
    for (const item of items) assert.ok(contributed.includes(item.command), `${where} names ${item.command}`);
  }
  assert.ok(!pkg.activationEvents.includes('*'), 'never activate on *');
  assert.ok(pkg.activationEvents.includes('onWebviewPanel:annals.compare'), 'the Compare panel comes back after a reload');
  // The schemas that jsonValidation names exist and are packaged.
  const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
  for (const v of pkg.contributes.jsonValidation as { url: string }[]) {
    assert.ok(existsSync(path.join(ROOT, v.url)), `${v.url} exists`);
    assert.ok(ignore.includes('!schemas/**'), 'schemas/ is in the VSIX');
  }
  assert.ok(pkg.activationEvents.includes('onFileSystem:annals'));
  assert.equal(pkg.contributes.views.annals[0].id, 'annals.reports');
  assert.equal(pkg.contributes.languages[0].id, 'annals-report');
  assert.equal(pkg.contributes.configurationDefaults['[annals-report]']['editor.wordWrap'], 'on');
  const settings = Object.keys(pkg.contributes.configuration.properties).sort();
  assert.deepEqual(settings, [
    'annals.author',
    'annals.cacheMegabytes',
    'annals.coding.mode',
    'annals.importFolder',
    'annals.importTimeoutSeconds',
    'annals.maxFileSizeMB',
    'annals.maxScanFiles',
    'annals.sidecarFolder',
    'annals.sources',
  ]);
  const src = readFileSync(path.join(ROOT, 'src/extension/settings.ts'), 'utf8');
  for (const s of settings) assert.ok(src.includes(`'${s.slice('annals.'.length)}'`), `${s} is read by the code`);
});
