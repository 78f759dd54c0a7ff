/**
 * The extension's layout rules: settings agree with the core, core problems reach the user
 * only localised, and src/extension has no import cycle and imports the core only through
 * src/core/index.ts.
 */
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fake } from './fake/vscode.ts';
import { DEFAULTS, MESSAGES, SOURCE_GLOB } from '../../src/core/index.ts';
import { problemMessage, showProblem } from '../../src/extension/problems.ts';
import { ROOT } from './helpers.ts';

const EXTENSION = path.join(ROOT, 'src/extension');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

beforeEach(() => fake.reset(''));

test("package.json's setting defaults are the core's DEFAULTS and SOURCE_GLOB", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties as Record<string, { default: unknown }>;
  assert.equal(props['annals.sources'].default, SOURCE_GLOB);
  for (const [key, value] of Object.entries(DEFAULTS)) assert.deepEqual(props[`annals.${key}`]?.default, value, `annals.${key}`);
});

test('settings are read only in settings.ts', () => {
  for (const f of files(EXTENSION)) {
    if (rel(f) === 'src/extension/settings.ts') continue;
    assert.doesNotMatch(readFileSync(f, 'utf8'), /getConfiguration\(|onDidChangeConfiguration\b/, `${rel(f)} reads settings`);
  }
});

test('showErrorMessage gets a localised string, or a core problem through problems.ts', () => {
  let calls = 0;
  for (const f of files(EXTENSION)) {
    if (rel(f) === 'src/extension/problems.ts') continue;
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/showErrorMessage\(\s*/g)) {
      calls++;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const line = text.slice(0, m.index).split('\n').length;
      assert.ok(after.startsWith('vscode.l10n.t('), `${rel(f)}:${line} passes ${after.split('\n')[0]}… to showErrorMessage: use vscode.l10n.t or showProblem`);
    }
  }
  assert.ok(calls > 0, 'the calls were found');
});

test('showProblem shows a core problem in the editor language, a problem inside a problem too', async () => {
  await showProblem({ code: 'empty', args: [] });
  assert.deepEqual(fake.errors, [MESSAGES.empty]);
  fake.bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));
  const zh = problemMessage({ code: 'tooLarge', args: ['60.0', '50.0'] });
  assert.ok(zh.includes('60.0') && zh.includes('50.0') && zh !== MESSAGES.tooLarge, zh);
  await showProblem({ code: 'tooLarge', args: ['60.0', '50.0'] }, (why) => `x: ${why}`);
  assert.equal(fake.errors[1], `x: ${zh}`);
  // “file: <the JSON error>”: both templates are localised.
  const nested = problemMessage({ code: 'inFile', args: ['a.json', { code: 'invalidJson', args: ['3', '7', 'x'] }] });
  assert.equal(nested, 'a.json：JSON 无效（第 3 行第 7 列）：x');
});

/** The relative imports of a file, resolved to files (`import type` included). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.[^'"]+)['"]/g)) out.push(path.resolve(path.dirname(file), m[1]));
  return out;
}

test('src/extension imports the core only through src/core/index.ts, and has no import cycle', () => {
  const graph = new Map<string, string[]>();
  const coreIndex = path.join(ROOT, 'src/core/index.ts');
  for (const f of files(EXTENSION)) {
    const deps = imports(f);
    for (const d of deps) {
      if (d.startsWith(path.join(ROOT, 'src/core') + path.sep)) assert.equal(d, coreIndex, `${rel(f)} imports ${rel(d)}`);
    }
    graph.set(
      f,
      deps.filter((d) => d.startsWith(EXTENSION + path.sep)),
    );
  }
  assert.ok(graph.size > 20);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (f: string, trail: string[]) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') assert.fail(`import cycle: ${[...trail.slice(trail.indexOf(f)), f].map(rel).join(' → ')}`);
    state.set(f, 'open');
    for (const d of graph.get(f) ?? []) visit(d, [...trail, f]);
    state.set(f, 'done');
  };
  for (const f of graph.keys()) visit(f, []);
});
