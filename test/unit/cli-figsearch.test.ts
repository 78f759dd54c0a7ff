import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { run } from '../../src/cli/main.ts';
import { FIXTURES } from './helpers.ts';
import { tempDir } from './tmp.ts';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A folder with two national reports (2017, 2019) and a note that is no report. */
function corpus(): string {
  const dir = tempDir('figsearch');
  mkdirSync(path.join(dir, 'reports'));
  for (const y of [2017, 2019]) copyFileSync(path.join(FIXTURES, `national/gwr-national-${y}.txt`), path.join(dir, 'reports', `gwr-national-${y}.txt`));
  writeFileSync(path.join(dir, 'reports', 'NOTES.md'), 'notes\n');
  return path.join(dir, 'reports');
}
const relative = (p: string) => path.relative(process.cwd(), p).split(path.sep).join('/');

test('annals search --json prints exactly the documented shape, with code-point offsets in the paragraph', async () => {
  const dir = corpus();
  const { code, out, err } = await cli('search', '放管服', dir, '--json');
  assert.equal(code, 0, err);
  assert.match(err, /skipped .*NOTES\.md/);
  const j = JSON.parse(out);
  assert.deepEqual(Object.keys(j), ['query', 'total', 'byYear', 'hits']);
  assert.equal(j.query, '放管服');
  assert.equal(j.total, 2);
  assert.deepEqual(j.byYear, [
    { series: '国务院 · 政府工作报告', year: 2017, hits: 1 },
    { series: '国务院 · 政府工作报告', year: 2019, hits: 1 },
  ]);
  assert.equal(j.hits.length, 2);
  for (const h of j.hits) {
    assert.deepEqual(Object.keys(h), ['source', 'year', 'chapter', 'paragraph', 'start', 'end', 'context']);
    assert.equal(h.end - h.start, 3);
    assert.match(h.paragraph, /^p[0-9a-f]{8}/);
    assert.ok(h.context.includes('放管服'));
  }
  assert.deepEqual(
    j.hits.map((h: { source: string; year: number; chapter: string }) => [h.source, h.year, h.chapter]),
    [
      [relative(path.join(dir, 'gwr-national-2017.txt')), 2017, '三、2017年重点工作任务'],
      [relative(path.join(dir, 'gwr-national-2019.txt')), 2019, '三、2019年政府工作任务'],
    ],
  );
  // The start is where the text is in the paragraph, in code points.
  const text2019 = readFileSync(path.join(dir, 'gwr-national-2019.txt'), 'utf8');
  const para = text2019
    .split('\n')
    .find((l) => l.includes('放管服'))!
    .trim();
  assert.equal([...para].indexOf('放'), j.hits[1].start);
});

test('annals search: --regex, a bad pattern (exit 1), no hits (exit 0), usage errors (exit 2)', async () => {
  const dir = corpus();
  const r = await cli('search', '增长\\d+(\\.\\d+)?%', dir, '--regex', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.ok(j.total > 10);
  assert.equal(
    j.total,
    j.byYear.reduce((n: number, b: { hits: number }) => n + b.hits, 0),
  );
  const bad = await cli('search', '(增长', dir, '--regex');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /The regular expression “\(增长” is not valid: missing closing \)/);
  const none = await cli('search', '没有这个词语', dir);
  assert.equal(none.code, 0);
  assert.match(none.out, /^0 hits for “没有这个词语”/);
  assert.equal((await cli('search', '放管服')).code, 2);
  assert.equal((await cli('search')).code, 2);
  const missing = await cli('search', '放管服', path.join(dir, 'nope.txt'));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /nope\.txt: cannot read: no such file or folder/);
});

test('annals search prints hits per year as bars, then the hits by series, year and chapter', async () => {
  const { code, out } = await cli('search', '放管服', corpus());
  assert.equal(code, 0);
  const lines = out.split('\n');
  assert.equal(lines[0], '2 hits for “放管服”');
  assert.ok(lines.includes('  2017      1  ████████████████████'), out);
  assert.ok(lines.includes('    三、2019年政府工作任务'), out);
});

test('annals figures --json prints exactly the documented shape; --csv the same columns', async () => {
  const dir = corpus();
  const { code, out, err } = await cli('figures', path.join(dir, 'gwr-national-2017.txt'), '--json');
  assert.equal(code, 0, err);
  const rows = JSON.parse(out);
  assert.ok(rows.length > 80, String(rows.length));
  for (const r of rows) {
    assert.deepEqual(Object.keys(r), ['source', 'year', 'chapter', 'paragraph', 'start', 'end', 'text', 'value', 'unit', 'label', 'kind']);
    assert.equal(r.end - r.start, [...r.text].length);
    assert.ok(r.kind === 'target' || r.kind === 'result');
    assert.equal(typeof r.value, 'number');
  }
  const pick = (text: string, label: string) => rows.find((r: { text: string; label: string }) => r.text === text && r.label === label);
  assert.deepEqual(
    { ...pick('6.7%', '国内生产总值增长'), source: '', paragraph: '', start: 0, end: 0 },
    {
      source: '',
      year: 2017,
      chapter: '一、2016年工作回顾',
      paragraph: '',
      start: 0,
      end: 0,
      text: '6.7%',
      value: 6.7,
      unit: '%',
      label: '国内生产总值增长',
      kind: 'result',
    },
  );
  assert.deepEqual(
    [pick('1100万人', '城镇新增就业').value, pick('1100万人', '城镇新增就业').unit, pick('1100万人', '城镇新增就业').kind],
    [1100, '万人', 'target'],
  );
  const csv = await cli('figures', path.join(dir, 'gwr-national-2017.txt'), '--csv');
  assert.equal(csv.code, 0);
  const lines = csv.out.split('\r\n');
  assert.equal(lines[0], '\ufeffsource,year,chapter,paragraph,start,end,text,value,unit,label,kind');
  assert.equal(lines.length, rows.length + 2);
  assert.equal((await cli('figures', dir, '--json', '--csv')).code, 2);
  assert.equal((await cli('figures')).code, 2);
});

test('annals figures shows the unit a list writes once after each number’s text', async () => {
  const dir = tempDir('figunit');
  const file = path.join(dir, 'communique.txt');
  writeFileSync(file, '2018年某某市国民经济和社会发展统计公报\n\n一、综合\n\n三次产业分别拉动经济增长1.7、0.2和4.0个百分点。\n');
  const { code, out } = await cli('figures', file);
  assert.equal(code, 0);
  assert.match(out, /第一产业拉动经济增长 {2}1\.7 \(个百分点\)/);
  assert.match(out, /第三产业拉动经济增长 {2}4\.0个百分点/);
});
