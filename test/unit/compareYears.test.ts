/** Compare at ten years and more (issue #15): collapsed rows, chains across a gap, manual counterparts, a section's Compare. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { alignCorpus } from '../../src/core/align/index.ts';
import { buildCompare, renderCompareHtml, renderCompareParts } from '../../src/core/compare/index.ts';
import type { Report } from '../../src/core/index.ts';
import { byYear, chapter, FIXTURES, FLAT, fromText, load, part, ROOT } from './helpers.ts';
import { synthReport, TOPICS } from './alignHelpers.ts';

function national(from: number, to: number): Report[] {
  const out: Report[] = [];
  for (let y = from; y <= to; y++) {
    const file = y >= 2018 ? path.join(ROOT, 'samples/national', `gwr-national-${y}.txt`) : path.join(FIXTURES, 'national', `gwr-national-${y}.txt`);
    out.push(...load(file).reports);
  }
  return out;
}

test('Compare at ten years (national 2010–2019, the 2019 task chapter): rows bounded by the matched content', () => {
  const reports = national(2010, 2019);
  const al = alignCorpus(reports);
  const r2019 = reports.find((r) => r.year === 2019)!;
  const tasks = r2019.outline.find((n) => n.kind === 'chapter' && n.label === '三、')!;
  assert.ok(tasks, 'chapter 三 of 2019');
  const { model, error } = buildCompare(al, r2019, tasks);
  assert.equal(error, null);
  assert.ok(model);
  assert.equal(model.years.length, 10);
  assert.equal(model.startYear, 2019);
  // The chain reaches every year, with the report's own numerals.
  assert.deepEqual(
    model.chapters.map((c) => c?.year),
    [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019],
  );
  assert.equal(model.chapters[9]?.label, '三、');
  const visible = model.rows.filter((r) => r.kind !== 'collapsed');
  const collapsed = model.rows.filter((r) => r.kind === 'collapsed');
  // No visible row has text in one year only; every collapsed row hides only such rows, and
  // counts exactly what it hides.
  for (const r of visible) assert.ok(r.cells.filter((c) => c.kind === 'text').length >= 2, 'a visible row has at least two years');
  for (const c of collapsed) {
    assert.ok(c.rows.length > 0);
    for (const r of c.rows) assert.equal(r.cells.filter((x) => x.kind === 'text').length, 1);
    assert.equal(
      c.counts.reduce((a, b) => a + b, 0),
      c.rows.length,
    );
  }
  // Two collapsed rows never follow each other, so the page is bounded by the matched rows.
  model.rows.forEach((r, i) => {
    if (r.kind === 'collapsed' && i > 0) assert.notEqual(model.rows[i - 1].kind, 'collapsed');
  });
  assert.ok(model.rows.length <= 2 * visible.length + 1, `${model.rows.length} rows for ${visible.length} matched`);
  const hidden = collapsed.reduce((n, c) => n + c.rows.length, 0);
  assert.ok(hidden > visible.length, `the ten-year page would be ${visible.length + hidden} rows without collapsing`);
  // The HTML: the start year is marked, headings use the report's numerals, the collapsed rows expand.
  const html = renderCompareHtml(model);
  assert.match(html, /<th class="start"[^>]*data-year="2019"/);
  assert.ok(html.includes('三、2019年政府工作任务'));
  assert.doesNotMatch(html, /<span class="chapter">3\. /);
  assert.equal((html.match(/<tr class="row collapsed"/g) ?? []).length, collapsed.length);
  // The hidden rows wait in templates, one per collapsed row.
  assert.equal((html.match(/<template class="folded"/g) ?? []).length, collapsed.length);
  assert.equal((html.match(/<tr class="row (?:section|paragraph) folded"/g) ?? []).length, hidden);
  // In parts: the first rows, then the rest in chunks, the same rows in the same order.
  const parts = renderCompareParts(model);
  const bodyRows = (h: string) => h.match(/<tr class="row [^"]*"/g) ?? [];
  assert.ok(parts.more.length > 1);
  assert.deepEqual([...bodyRows(parts.html), ...parts.more.flatMap(bodyRows)], bodyRows(html));
  assert.ok(bodyRows(parts.html).length < bodyRows(html).length / 4, 'a short first part');
  // The figures come after the text, in a panel that is closed unless asked open.
  assert.ok(html.indexOf('<table class="compare"') < html.indexOf('<details class="figures-panel">'));
  assert.ok(renderCompareHtml(model, { figuresOpen: true }).includes('<details class="figures-panel" open>'));
});

const body = (t: string, n: number) => `${t}今年新增${n}项。`;

test('the chain goes across a gap: a year with no counterpart does not cut it', () => {
  // 2017 has no chapter on 行政复议 (it reports on 信用 instead); 2016 and 2018 do.
  const y16 = fromText(
    synthReport(2016, [
      ['强化行政复议', body(TOPICS.review, 1)],
      ['深化放管服改革', TOPICS.permit],
    ]),
    'a.txt',
  ).reports[0];
  const y17 = fromText(
    synthReport(2017, [
      ['建设社会信用体系', TOPICS.credit],
      ['深化放管服改革', TOPICS.permit],
    ]),
    'b.txt',
  ).reports[0];
  const y18 = fromText(
    synthReport(2018, [
      ['强化行政复议', body(TOPICS.review, 3)],
      ['深化放管服改革', TOPICS.permit],
    ]),
    'c.txt',
  ).reports[0];
  const al = alignCorpus([y16, y17, y18]);
  const review18 = chapter(part(y18, 'review'), 1);
  const review16 = chapter(part(y16, 'review'), 1);
  assert.equal(
    al.links.find((l) => l.a.node === review18),
    undefined,
    'no link into 2017',
  );
  const gap = al.gapLinks.filter((l) => l.a.node === review18);
  assert.equal(gap.length, 1);
  assert.equal(gap[0].b.node, review16);
  // The 放管服 chapter goes through 2017 as usual: no gap link for it.
  assert.equal(al.gapLinks.length, 1);
  const { model } = buildCompare(al, y18, review18);
  assert.deepEqual(
    model!.chapters.map((c) => c?.title ?? null),
    ['强化行政复议', null, '强化行政复议'],
  );
  // The body is one row in 2016 and 2018, diffed across the gap.
  const row = model!.rows.find((r) => r.kind === 'paragraph');
  assert.ok(row && row.kind === 'paragraph');
  assert.deepEqual(
    row.cells.map((c) => c.kind),
    ['text', 'none', 'text'],
  );
  const c18 = row.cells[2];
  assert.ok(c18.kind === 'text' && c18.diff?.some((d) => d.op === 'insert' && d.text.includes('3')));
});

test('manual counterparts: a chosen pair is linked and marked manual; "none" unlinks', () => {
  const mk = (year: number, file: string) =>
    fromText(
      synthReport(year, [
        ['强化行政复议', TOPICS.review],
        ['深入普法宣传', TOPICS.law],
        ['深化放管服改革', TOPICS.permit],
      ]),
      file,
    ).reports[0];
  const y17 = mk(2017, 'a.txt');
  const y18 = mk(2018, 'b.txt');
  const auto = alignCorpus([y17, y18]);
  const key = auto.series[0].key;
  const c = (r: Report, n: number) => chapter(part(r, 'review'), n);
  assert.equal(auto.links.find((l) => l.a.node === c(y18, 1))?.b.node, c(y17, 1));
  const al = alignCorpus([y17, y18], {
    manual: [
      // 2018's 行政复议 is 2017's 普法 (as the analyst says), and 2018's 放管服 has none in 2017.
      { series: key, kind: 'chapter', year: 2018, heading: '一、强化行政复议', otherYear: 2017, counterpart: '二、 深入普法宣传' },
      { series: key, kind: 'chapter', year: 2017, heading: '三、深化放管服改革', otherYear: 2018, counterpart: null },
      // Names that are not there are ignored.
      { series: key, kind: 'chapter', year: 2018, heading: '九、不存在', otherYear: 2017, counterpart: null },
      { series: 'another series', kind: 'chapter', year: 2018, heading: '二、深入普法宣传', otherYear: 2017, counterpart: null },
    ],
  });
  const link1 = al.links.find((l) => l.a.node === c(y18, 1));
  assert.equal(link1?.b.node, c(y17, 2));
  assert.equal(link1?.manual, true);
  assert.ok(link1.score >= 0 && link1.score < 1, 'the score stays the cosine, not the forced weight');
  assert.equal(
    al.links.find((l) => l.b.node === c(y17, 3)),
    undefined,
  );
  // 2018's 普法 lost its counterpart to the manual pair; what remains is the aligner's.
  assert.equal(al.links.find((l) => l.a.node === c(y18, 2))?.manual, undefined);
  const { model } = buildCompare(al, y18, c(y18, 1));
  assert.deepEqual(
    model!.chapters.map((x) => [x?.title, x?.manual]),
    [
      ['深入普法宣传', true],
      ['强化行政复议', false],
    ],
  );
  assert.match(renderCompareHtml(model!), /<span class="manual" title="chosen by hand">/);
});

test("a section's Compare: that section's chain only, its headings as the columns", () => {
  const imp = load(FLAT);
  const al = alignCorpus(imp.reports);
  const r2018 = byYear(imp, 2018);
  const six = chapter(part(r2018, 'review'), 6);
  const sec = six.children.find((c) => c.kind === 'section' && c.title.includes('行政复议'))!;
  const { model } = buildCompare(al, r2018, sec);
  assert.ok(model);
  assert.equal(model.scope, 'section');
  assert.deepEqual(
    model.chapters.map((c) => c?.title.includes('行政复议')),
    [true, true, true],
  );
  const rows = model.rows.flatMap((r) => (r.kind === 'collapsed' ? r.rows : [r]));
  assert.equal(rows.filter((r) => r.kind === 'section').length, 1);
  const whole = buildCompare(al, r2018, six).model!;
  assert.ok(rows.length < whole.rows.flatMap((r) => (r.kind === 'collapsed' ? r.rows : [r])).length);
});
