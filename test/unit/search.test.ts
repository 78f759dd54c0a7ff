import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importSource, type Report, type SearchSource, searchJson, searchReports } from '../../src/core/index.ts';
import { createRegexEngine } from '../../src/host/re2.ts';
import { FIXTURES, fromText } from './helpers.ts';

const engine = createRegexEngine();
const national = (year: number): SearchSource => {
  const file = path.join(FIXTURES, `national/gwr-national-${year}.txt`);
  return { source: `national/${year}.txt`, report: importSource(file, readFileSync(file)).reports[0], series: '国务院 · 政府工作报告' };
};
const YEARS = [2010, 2013, 2015, 2017, 2019];
const corpus = YEARS.map(national);

/** Occurrences of a text in the report text (paragraphs of the report, not chrome), counted directly. */
const occurrences = (r: Report, needle: string) =>
  r.paragraphs.filter((p) => ['part', 'chapter', 'section', 'body'].includes(p.role)).reduce((n, p) => n + p.text.split(needle).length - 1, 0);

test('search: hits per year match the occurrences in each report, every year of the series listed', () => {
  const r = searchReports(corpus, { text: '改革' });
  assert.ok(r.ok);
  const expected = YEARS.map((y, i) => ({ series: '国务院 · 政府工作报告', year: y, hits: occurrences(corpus[i].report, '改革') }));
  assert.deepEqual(r.value.byYear, expected);
  assert.equal(
    r.value.total,
    expected.reduce((n, e) => n + e.hits, 0),
  );
  assert.ok(r.value.total > 100);
  // A year with no hit is listed with 0 (放管服 is only in 2017 and 2019 here).
  const f = searchReports(corpus, { text: '放管服' });
  assert.ok(f.ok);
  assert.deepEqual(
    f.value.byYear.map((b) => [b.year, b.hits]),
    [
      [2010, 0],
      [2013, 0],
      [2015, 0],
      [2017, 1],
      [2019, 1],
    ],
  );
});

test('search: hits are grouped series → year → chapter, in reading order, with context and code-point offsets', () => {
  const r = searchReports([...corpus].reverse(), { text: '放管服' });
  assert.ok(r.ok);
  const g = r.value.groups;
  assert.deepEqual(
    g.map((s) => [s.series, s.hits, s.years.map((y) => [y.year, y.hits, y.chapters.map((c) => [c.chapter, c.hits.length])])]),
    [
      [
        '国务院 · 政府工作报告',
        2,
        [
          [2017, 1, [['三、2017年重点工作任务', 1]]],
          [2019, 1, [['三、2019年政府工作任务', 1]]],
        ],
      ],
    ],
  );
  for (const h of r.value.hits) {
    const p = (h.year === 2017 ? corpus[3] : corpus[4]).report.paragraphs.find((x) => x.id === h.paragraph)!;
    assert.equal([...p.text].slice(h.start, h.end).join(''), '放管服');
    assert.ok(h.context.includes('“放管服”改革'), h.context);
    assert.equal(national(h.year!).report.text.slice(h.documentStart, h.documentEnd), '放管服');
  }
});

test('search: page chrome and trailing text are not searched; headings are', () => {
  // The Wikisource footer (Public domain) is in the file, after the report.
  assert.ok(readFileSync(path.join(FIXTURES, 'national/gwr-national-2017.txt'), 'utf8').includes('Public domain'));
  const r = searchReports(corpus, { text: 'Public domain' });
  assert.ok(r.ok);
  assert.equal(r.value.total, 0);
  const h = searchReports(corpus, { text: '重点工作任务' });
  assert.ok(h.ok);
  assert.ok(h.value.hits.some((x) => x.year === 2017 && x.chapter === '三、2017年重点工作任务' && x.start === 7));
});

test('search: offsets are code points (a character outside the BMP counts once); ASCII letters match in any case', () => {
  const r = fromText('报告\n\n一、总则\n\n𠀀𠀀GDP增长，gdp增长。\n').reports[0];
  const s = searchReports([{ source: 'a.txt', report: r, series: 'S' }], { text: 'Gdp增长' });
  assert.ok(s.ok);
  assert.deepEqual(
    s.value.hits.map((h) => [h.start, h.end]),
    [
      [2, 7],
      [8, 13],
    ],
  );
  const total = (text: string) => {
    const x = searchReports([{ source: 'a.txt', report: r, series: 'S' }], { text, caseSensitive: true });
    return x.ok ? x.value.total : -1;
  };
  assert.deepEqual([total('Gdp增长'), total('gdp增长'), total('GDP增长')], [0, 1, 1]);
});

test('search: regular expressions through the linear engine; a catastrophic pattern still finishes', () => {
  const r = searchReports(corpus, { text: '增长\\d+(\\.\\d+)?%', regex: true }, { engine });
  assert.ok(r.ok);
  assert.ok(r.value.hits.length > 20);
  for (const h of r.value.hits) assert.match(h.context, /增长\d+(\.\d+)?%/);
  // (a+)+$ backtracks for ever in a backtracking engine on a long run of a's; RE2 is linear.
  const long = fromText(`报告\n\n一、总则\n\n${'a'.repeat(30000)}b\n`).reports[0];
  const c = searchReports([{ source: 'x', report: long, series: 'S' }], { text: '(a+)+$', regex: true }, { engine });
  assert.ok(c.ok);
  assert.equal(c.value.total, 0);
  // An empty match is no hit.
  const e = searchReports(corpus, { text: 'x*', regex: true }, { engine });
  assert.ok(e.ok);
  assert.equal(e.value.total, 0);
});

test('search: an empty query, an invalid pattern or no engine is a problem, not a crash', () => {
  const empty = searchReports(corpus, { text: '  ' });
  assert.deepEqual(!empty.ok && empty.problem.code, 'searchEmpty');
  const bad = searchReports(corpus, { text: '(增长', regex: true }, { engine });
  assert.ok(!bad.ok);
  assert.equal(bad.problem.code, 'searchBadRegex');
  assert.equal(bad.problem.args[0], '(增长');
  assert.match(String(bad.problem.args[1]), /missing closing \)/);
  const backref = searchReports(corpus, { text: '(a)\\1', regex: true }, { engine });
  assert.equal(!backref.ok && backref.problem.code, 'searchBadRegex');
  const none = searchReports(corpus, { text: 'a', regex: true });
  assert.equal(!none.ok && none.problem.code, 'searchNoRegexEngine');
});

test('search: the hit limit stops the search and says so', () => {
  const r = searchReports(corpus, { text: '的' }, { maxHits: 10 });
  assert.ok(r.ok);
  assert.equal(r.value.total, 10);
  assert.equal(r.value.limited, true);
  assert.equal(r.value.hits.length, 10);
});

test('searchJson: exactly the documented keys', () => {
  const r = searchReports(corpus, { text: '放管服' });
  assert.ok(r.ok);
  const j = searchJson(r.value);
  assert.deepEqual(Object.keys(j), ['query', 'total', 'byYear', 'hits']);
  assert.deepEqual(Object.keys(j.byYear[0]), ['series', 'year', 'hits']);
  assert.deepEqual(Object.keys(j.hits[0]), ['source', 'year', 'chapter', 'paragraph', 'start', 'end', 'context']);
});
