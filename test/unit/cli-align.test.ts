import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { copyFileSync, writeFileSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import { run } from '../../src/cli/main.ts';
import { FIXTURES, FLAT, SAMPLES } from './helpers.ts';
import { tempDir } from './tmp.ts';

/** Runs the CLI in-process; outline and align are asynchronous (a PDF is read asynchronously). */
async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const CH_KEYS = ['year', 'part', 'number', 'title'];
const checkCh = (c: Record<string, unknown>) => {
  assert.deepEqual(Object.keys(c), CH_KEYS);
  assert.equal(typeof c.year, 'number');
  assert.ok(['review', 'plan', 'other'].includes(c.part as string));
  assert.ok(c.number === null || typeof c.number === 'number');
  assert.equal(typeof c.title, 'string');
};

test('annals align --json prints exactly the documented shape', async () => {
  const { code, out, err } = await cli('align', FLAT, '--json');
  assert.equal(code, 0, err);
  const j = JSON.parse(out);
  assert.deepEqual(Object.keys(j), ['series', 'links', 'sectionLinks', 'planResult']);
  assert.deepEqual(j.series, [{ issuer: '佛山市南海区人民政府', type: '法治政府建设工作报告', years: [2016, 2017, 2018] }]);
  for (const l of j.links) {
    assert.deepEqual(Object.keys(l), ['a', 'b', 'score']);
    checkCh(l.a);
    checkCh(l.b);
    assert.equal(l.a.year, l.b.year + 1, 'a is the later year');
    assert.equal(l.a.part, l.b.part);
    assert.ok(l.score >= 0 && l.score <= 1);
  }
  for (const l of j.sectionLinks) {
    assert.deepEqual(Object.keys(l), ['a', 'b', 'score']);
    for (const s of [l.a, l.b]) {
      assert.deepEqual(Object.keys(s), ['year', 'chapter', 'number', 'title']);
      checkCh(s.chapter);
      assert.equal(s.chapter.year, s.year);
    }
  }
  for (const p of j.planResult) {
    assert.deepEqual(Object.keys(p), ['plan', 'result', 'score']);
    checkCh(p.plan);
    assert.equal(p.plan.part, 'plan');
    p.result.forEach((r: Record<string, unknown>) => {
      checkCh(r);
      assert.equal(r.part, 'review');
    });
  }
  // The known case: the 2018 plan's 六 (in the 2017 report) ↔ the 2017 plan's 三 (in the 2016 report).
  assert.ok(
    j.links.some(
      (l: { a: { year: number; part: string; number: number }; b: { number: number } }) =>
        l.a.year === 2017 && l.a.part === 'plan' && l.a.number === 6 && l.b.number === 3,
    ),
  );
});

test('several files and folders form one corpus; a folder’s non-report files are skipped with a warning', async () => {
  const dir = tempDir('align');
  mkdirSync(path.join(dir, 'sub'));
  copyFileSync(path.join(SAMPLES, 'national/gwr-national-2019.txt'), path.join(dir, 'sub/gwr-national-2019.txt'));
  writeFileSync(path.join(dir, 'notes.txt'), '随手记\n');
  writeFileSync(path.join(dir, 'empty.txt'), '');
  const { code, out, err } = await cli(
    'align',
    path.join(FIXTURES, 'national/gwr-national-2017.txt'),
    path.join(SAMPLES, 'national/gwr-national-2018.txt'),
    dir,
    '--json',
  );
  assert.equal(code, 0, err);
  const j = JSON.parse(out);
  assert.deepEqual(j.series, [{ issuer: '国务院', type: '政府工作报告', years: [2017, 2018, 2019] }]);
  assert.ok(j.links.length >= 6);
  assert.ok(j.sectionLinks.some((l: { a: { year: number } }) => l.a.year === 2019));
  assert.match(err, /warning: skipped .*notes\.txt: it holds no report/);
  assert.match(err, /warning: skipped .*empty\.txt: The file is empty/);
});

test('annals align prints a table for people, with no counterpart and new chapters', async () => {
  const { code, out } = await cli('align', FLAT);
  assert.equal(code, 0);
  assert.match(out, /^佛山市南海区人民政府 · 法治政府建设工作报告 {2}\(2016, 2017, 2018\)$/m);
  assert.match(out, /2016 → 2017, plan \(2017年工作计划 → 2018年工作计划\):/);
  assert.match(out, /三、提升领导干部法治思维与能力 +六、进一步提升领导干部法治思维与能力 +0\.\d\d/);
  assert.match(out, /七、发挥法治政府建设的引领作用 +— +no counterpart/);
  assert.match(out, /Plan → result:/);
});

test('annals align exit codes: 1 for an unreadable input or no report, 2 for usage errors', async () => {
  const missing = await cli('align', '/no/such/dir');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /\/no\/such\/dir: cannot read: no such file or folder/);
  const dir = tempDir('align');
  writeFileSync(path.join(dir, 'empty.txt'), '');
  assert.equal((await cli('align', path.join(dir, 'empty.txt'))).code, 1);
  const none = await cli('align', dir);
  assert.equal(none.code, 1);
  assert.match(none.err, /holds no report/);
  // A folder without reports next to one with them: still an error, naming the folder.
  const mixed = await cli('align', FLAT, dir);
  assert.equal(mixed.code, 1);
  assert.ok(mixed.err.includes(`${dir}: holds no report`));
  // A link back to its own folder is not followed (it used to recurse until ELOOP).
  symlinkSync(dir, path.join(dir, 'self'));
  copyFileSync(FLAT, path.join(dir, 'feed.txt'));
  assert.equal((await cli('align', dir, '--json')).code, 0);
  rmSync(dir, { recursive: true, force: true });
  assert.equal((await cli('align')).code, 2);
  assert.equal((await cli('align', FLAT, '--bogus')).code, 2);
  assert.equal((await cli('align', FLAT, '--max-size-mb', '0')).code, 2);
  assert.match((await cli('--help')).out, /align <file\|dir>\.\.\. \[--json\]/);
});
