import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { run } from '../../src/cli/main.ts';
import { byYear, FIXTURES, FLAT, load, ROOT } from './helpers.ts';
import { tempDir } from './tmp.ts';

/** Runs the CLI in-process; outline and align are asynchronous (a PDF is read asynchronously). */
async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const NODE_KEYS = ['kind', 'number', 'label', 'inferred', 'title', 'line', 'children'];

test('annals outline --json prints exactly the documented shape', async () => {
  const { code, out, err } = await cli('outline', FLAT, '--json');
  assert.equal(code, 0, err);
  const j = JSON.parse(out);
  assert.deepEqual(Object.keys(j), ['source', 'format', 'diagnostics', 'reports']);
  assert.equal(j.source, FLAT);
  assert.equal(j.format, 'flattened-feed');
  assert.equal(j.reports.length, 3);
  for (const d of j.diagnostics) assert.deepEqual(Object.keys(d), ['severity', 'message', 'line']);
  for (const r of j.reports) {
    assert.deepEqual(Object.keys(r), ['id', 'title', 'issuer', 'year', 'type', 'link', 'published', 'paragraphs', 'diagnostics', 'outline']);
    assert.equal(typeof r.paragraphs, 'number');
    const walk = (n: Record<string, unknown>) => {
      const keys = Object.keys(n);
      if (n.kind === 'part') {
        assert.deepEqual(keys, ['kind', 'partKind', ...NODE_KEYS.slice(1)]);
        assert.ok(['review', 'plan', 'other'].includes(n.partKind as string));
      } else assert.deepEqual(keys, NODE_KEYS);
      assert.equal(typeof n.line, 'number');
      (n.children as Record<string, unknown>[]).forEach(walk);
    };
    r.outline.forEach(walk);
  }
  const r2016 = j.reports[2];
  assert.equal(r2016.year, 2016);
  const four = r2016.outline[0].children[3];
  // Its line, found in the report's text independently of the outline (not four.line compared with itself).
  const line = byYear(load(FLAT), 2016)
    .text.split('\n')
    .findIndex((l) => l.includes('强化监督检查,规范公正文明执法'));
  assert.ok(line > 0);
  assert.deepEqual(
    { ...four, children: undefined },
    { kind: 'chapter', number: 4, label: '4、', inferred: true, title: '强化监督检查,规范公正文明执法', line, children: undefined },
  );
});

test('annals outline prints an indented tree for people', async () => {
  const { code, out } = await cli('outline', FLAT);
  assert.equal(code, 0);
  assert.match(out, /^ {2}2018年法治政府建设工作情况 {2}\(line 6\)$/m);
  assert.match(out, /^ {4}一、加强统筹督导,高质量推进法治政府建设工作 {2}\(line 8\)$/m);
  assert.match(out, /^ {6}\(一\)落实党政主要负责人推进法治建设第一责任人职责/m);
  assert.match(out, /^ {4}4、强化监督检查,规范公正文明执法 \* {2}\(line \d+\)$/m);
});

test('exit codes: 1 when the input cannot be read or holds no report, naming the file and the reason', async (t) => {
  const missing = await cli('outline', '/no/such/file.xml');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /\/no\/such\/file\.xml: cannot read: no such file/);
  const dir = tempDir('cli');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const empty = path.join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const e = await cli('outline', empty);
  assert.equal(e.code, 1);
  assert.match(e.err, /empty\.txt: The file is empty/);
  const folder = await cli('outline', dir);
  assert.equal(folder.code, 1);
  assert.match(folder.err, /is a folder/);
  const big = await cli('outline', FLAT, '--max-size-mb', '0.01');
  assert.equal(big.code, 1);
  assert.match(big.err, /over the limit/);
});

test('exit code 2 on usage errors', async () => {
  assert.equal((await cli()).code, 2);
  assert.equal((await cli('frobnicate')).code, 2);
  assert.equal((await cli('outline')).code, 2);
  assert.equal((await cli('outline', 'a', 'b')).code, 2);
  assert.equal((await cli('outline', FLAT, '--bogus')).code, 2);
  assert.equal((await cli('outline', FLAT, '--max-size-mb', 'x')).code, 2);
  const help = await cli('--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /annals outline|outline <file>/);
});

test('the built bin runs: npx annals outline on a sample', () => {
  if (!existsSync(path.join(ROOT, 'dist/cli.js'))) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
  const p = spawnSync(process.execPath, [path.join(ROOT, 'bin/annals.js'), 'outline', path.join(FIXTURES, 'hostile-page.html'), '--json'], {
    encoding: 'utf8',
  });
  assert.equal(p.status, 0, p.stderr);
  const j = JSON.parse(p.stdout);
  assert.equal(j.format, 'html');
  assert.equal(j.reports[0].year, 2020);
  const bad = spawnSync(process.execPath, [path.join(ROOT, 'bin/annals.js'), 'outline'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
});
