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

/** Every relative import of a TypeScript or JavaScript file (static, dynamic, type-only and `import('…')` types), resolved. */
function importsOf(file: string): string[] {
  const spec = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.[^'"]+)['"]/g;
  return [...readFileSync(file, 'utf8').matchAll(spec)].map((m) => path.resolve(path.dirname(file), m[1]));
}

function sourceFiles(...dirs: string[]): string[] {
  return dirs.flatMap((d) => files(path.join(ROOT, d)));
}

test('no import cycle anywhere under src/', () => {
  const all = sourceFiles('src');
  const known = new Set(all);
  const graph = new Map(all.map((f) => [f, importsOf(f).filter((t) => known.has(t))]));
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.includes(v)) cycles.push(scc.map((f) => path.relative(ROOT, f)));
    }
  };
  for (const f of all) if (!idx.has(f)) visit(f);
  assert.ok(graph.size > 50, 'the source files were found');
  assert.deepEqual(cycles, [], 'import cycles');
});

test('a core package is imported only through its index.ts from outside it (CLI, extension, tests and bench included)', () => {
  const core = path.join(ROOT, 'src/core') + path.sep;
  const packageOf = (f: string) => (f.startsWith(core) && f.slice(core.length).includes(path.sep) ? f.slice(core.length).split(path.sep)[0] : null);
  const deep: string[] = [];
  let checked = 0;
  for (const f of sourceFiles('src', 'test', 'bench', 'scripts')) {
    for (const target of importsOf(f)) {
      if (!target.startsWith(core)) continue;
      checked++;
      const pkg = packageOf(target);
      const from = packageOf(f);
      if (pkg && pkg !== from && path.basename(target) !== 'index.ts') deep.push(`${path.relative(ROOT, f)} → ${path.relative(ROOT, target)}`);
      // Outside the core, only src/core/index.ts or a package's index.ts.
      if (!f.startsWith(core) && !pkg && path.basename(target) !== 'index.ts') deep.push(`${path.relative(ROOT, f)} → ${path.relative(ROOT, target)}`);
    }
  }
  assert.ok(checked > 30, 'the imports were found');
  assert.deepEqual(deep, [], 'deep imports');
});

test('src/core/index.ts re-exports named public names only, never a whole module', () => {
  for (const f of [path.join(ROOT, 'src/core/index.ts'), ...readdirSync(path.join(ROOT, 'src/core')).map((d) => path.join(ROOT, 'src/core', d, 'index.ts'))]) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    assert.doesNotMatch(text, /export\s+\*/, `${path.relative(ROOT, f)} uses export *`);
  }
});
