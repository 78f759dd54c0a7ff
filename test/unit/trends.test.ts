import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changesCsv, chartCsv, figureRow, parseTerms, risingFalling, tagCounts, termCounts, trendYears, words } from '../../src/core/trends/index.ts';

test('trendYears: each year once, oldest first, without nulls', () => {
  assert.deepEqual(trendYears([{ year: 2019 }, { year: null }, { year: 2017 }, { year: 2019 }]), [2017, 2019]);
});

test('tagCounts: annotations per tag and year; other years and tags not chosen are left out', () => {
  const items = [
    { year: 2018, tags: ['a'] },
    { year: 2018, tags: ['a', 'b'] },
    { year: 2019, tags: ['b'] },
    { year: 2020, tags: ['a'] }, // not a year of the chart
    { year: null, tags: ['a'] },
    { year: 2019, tags: ['c'] }, // not chosen
  ];
  const series = tagCounts(
    items,
    [
      { id: 'a', label: '经济发展', color: '#112233' },
      { id: 'b', label: '科技创新' },
    ],
    [2018, 2019],
  );
  assert.deepEqual(series, [
    { name: '经济发展', color: '#112233', values: [2, 0] },
    { name: '科技创新', values: [1, 1] },
  ]);
});

test('tagCounts with parents: a child tag counts for its ancestors, once per annotation', () => {
  const parents = new Map<string, string | undefined>([
    ['child', 'parent'],
    ['child2', 'parent'],
    ['parent', 'root'],
    ['root', undefined],
  ]);
  const items = [
    { year: 2018, tags: ['child', 'child2'] },
    { year: 2018, tags: ['parent'] },
    { year: 2019, tags: ['child2'] },
  ];
  const tags = ['root', 'parent', 'child'].map((id) => ({ id, label: id }));
  assert.deepEqual(
    tagCounts(items, tags, [2018, 2019], { parents }).map((s) => s.values),
    [
      [2, 1],
      [2, 1],
      [1, 0],
    ],
  );
  // Without parents, only the tag itself counts.
  assert.deepEqual(
    tagCounts(items, tags, [2018, 2019]).map((s) => s.values),
    [
      [0, 0],
      [1, 0],
      [1, 0],
    ],
  );
  // A cycle in the parents does not loop.
  const loop = new Map([
    ['x', 'y'],
    ['y', 'x'],
  ]);
  assert.deepEqual(tagCounts([{ year: 1, tags: ['x'] }], [{ id: 'y', label: 'y' }], [1], { parents: loop })[0].values, [1]);
});

test('termCounts: occurrences per year, not overlapping; a year without a report is null', () => {
  const texts = [
    { year: 2017, paragraphs: ['深化放管服改革。', '放管服放管服，优化营商环境。'] },
    { year: 2019, paragraphs: ['持续优化营商环境，营商环境更好。'] },
  ];
  assert.deepEqual(termCounts(texts, [' 放管服', '营商环境', '', '放管服', '放管服改革'], [2017, 2018, 2019]), [
    { name: '放管服', values: [3, null, 0] },
    { name: '营商环境', values: [1, null, 2] },
    { name: '放管服改革', values: [1, null, 0] },
  ]);
  assert.deepEqual(termCounts([{ year: 1, paragraphs: ['aaaa'] }], ['aa'], [1])[0].values, [2]);
});

test('parseTerms: commas, 、, semicolons and spaces separate terms; each once', () => {
  assert.deepEqual(parseTerms(' 放管服，营商环境、放管服; 乡村振兴  ,'), ['放管服', '营商环境', '乡村振兴']);
  assert.deepEqual(parseTerms('  '), []);
});

test('words: Han words of two or more characters; numbers, punctuation and single characters are not words', () => {
  assert.deepEqual(words('改革，2019年 环境；推进。'), ['改革', '环境', '推进']);
});

const TEXTS = [
  { year: 2018, paragraphs: ['改革，改革，改革，改革，改革，环境，推进，推进。'] },
  { year: 2019, paragraphs: ['环境，环境，环境，环境，环境，环境，改革，推进，推进。'] },
];

test('risingFalling: the word that gained most rises, the one that lost most falls, with counts, rates and log ratio', () => {
  const [c] = risingFalling(TEXTS);
  assert.equal(c.from, 2018);
  assert.equal(c.to, 2019);
  // 2018: 8 words (改革 5, 环境 1, 推进 2); 2019: 9 words (环境 6, 改革 1, 推进 2). 推进 is under the minimum of 3.
  assert.deepEqual(
    c.rising.map((t) => [t.term, t.before, t.after, t.rateBefore, t.rateAfter, t.score]),
    [['环境', 1, 6, 1250, 6666.67, Math.round(Math.log2(7 / 9 / (2 / 8)) * 1000) / 1000]],
  );
  assert.deepEqual(
    c.falling.map((t) => [t.term, t.before, t.after, t.score]),
    [['改革', 5, 1, Math.round(Math.log2(2 / 9 / (6 / 8)) * 1000) / 1000]],
  );
  // A lower minimum lets 推进 in, as a small fall after 改革.
  assert.deepEqual(
    risingFalling(TEXTS, { minCount: 2 })[0].falling.map((t) => t.term),
    ['改革', '推进'],
  );
  assert.deepEqual(risingFalling(TEXTS, { top: 0 })[0].rising, []);
});

test('risingFalling: grammatical words (通过, 我们, 进一步) neither rise nor fall, but count in the totals', () => {
  const texts = [
    { year: 1, paragraphs: ['通过，通过，通过，通过，改革，改革，改革。'] },
    { year: 2, paragraphs: ['我们，我们，我们，进一步，进一步，进一步，环境，环境，环境。'] },
  ];
  const [c] = risingFalling(texts);
  assert.deepEqual(
    c.rising.map((t) => [t.term, t.rateAfter]),
    [['环境', 3333.33]],
  );
  assert.deepEqual(
    c.falling.map((t) => [t.term, t.rateBefore]),
    [['改革', 4285.71]],
  );
});

test('risingFalling: each year against the previous year that has a text; one year gives no change', () => {
  const three = [...TEXTS, { year: 2021, paragraphs: ['改革，改革，改革，改革，改革，改革。'] }];
  assert.deepEqual(
    risingFalling(three).map((c) => [c.from, c.to, c.rising[0]?.term, c.falling[0]?.term]),
    [
      [2018, 2019, '环境', '改革'],
      [2019, 2021, '改革', '环境'],
    ],
  );
  assert.deepEqual(risingFalling([TEXTS[0]]), []);
});

test('figureRow: one figure per year, the exact label first, in the unit most years share', () => {
  const byYear = [
    {
      year: 2017,
      figures: [
        { label: '国内生产总值增长', value: 6.9, unit: '%', text: '6.9%' },
        { label: '国内生产总值', value: 82.7, unit: '万亿元', text: '82.7万亿元' },
      ],
    },
    { year: 2018, figures: [{ label: '国内生产总值', value: 90, unit: '万亿元', text: '90万亿元' }] },
    { year: 2019, figures: [{ label: '城镇新增就业', value: 1361, unit: '万人', text: '1361万人' }] },
  ];
  const row = figureRow(byYear, '国内生产总值', [2017, 2018, 2019, 2020]);
  assert.equal(row.unit, '万亿元');
  assert.deepEqual(row.values, [82.7, 90, null, null]);
  assert.deepEqual(row.notes, ['82.7万亿元', '90万亿元', null, null]);
  assert.deepEqual(figureRow(byYear, '  ', [2017]).values, [null]);
});

test('figureRow: where figures have a kind, a row keeps to one kind (targets and results are not mixed)', () => {
  const byYear = [
    { year: 2018, figures: [{ label: '国内生产总值增长', value: 6.5, unit: '%', text: '6.5%', kind: 'target' }] },
    {
      year: 2019,
      figures: [
        { label: '国内生产总值增长', value: 6.6, unit: '%', text: '6.6%', kind: 'result' },
        { label: '国内生产总值增长', value: 6, unit: '%', text: '6%', kind: 'target' },
      ],
    },
    { year: 2020, figures: [{ label: '国内生产总值增长', value: 6.1, unit: '%', text: '6.1%', kind: 'result' }] },
  ];
  const row = figureRow(byYear, '国内生产总值', [2018, 2019, 2020]);
  // Targets are in two years, results in two: on a tie, the results (what happened).
  assert.deepEqual(row.values, [null, 6.6, 6.1]);
  // Targets in more years than results: the targets.
  const more = [...byYear, { year: 2021, figures: [{ label: '国内生产总值增长', value: 6, unit: '%', text: '6%', kind: 'target' }] }];
  assert.deepEqual(figureRow(more, '国内生产总值', [2018, 2019, 2020, 2021]).values, [6.5, 6, null, 6]);
  assert.equal(row.unit, '%');
});

test('chartCsv and changesCsv: a BOM, CRLF, a row per year, empty cells for no value, negative numbers as numbers', () => {
  const csv = chartCsv({
    id: 't',
    title: 'terms',
    unit: 'occurrences',
    years: [2018, 2019],
    series: [
      { name: '放管服', values: [3, null] },
      { name: '=SUM, x', values: [-1, 2] },
    ],
  });
  assert.equal(csv, '\uFEFFyear,放管服,"\'=SUM, x"\r\n2018,3,-1\r\n2019,,2\r\n');
  const changes = changesCsv(risingFalling(TEXTS));
  assert.equal(
    changes,
    `\uFEFFfrom,to,direction,term,before,after,rate_before,rate_after,score\r\n2018,2019,rising,环境,1,6,1250,6666.67,${Math.round(Math.log2(7 / 9 / (2 / 8)) * 1000) / 1000}\r\n2018,2019,falling,改革,5,1,6250,1111.11,${Math.round(Math.log2(2 / 9 / (6 / 8)) * 1000) / 1000}\r\n`,
  );
});
