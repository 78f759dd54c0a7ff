/**
 * The edges of the trends package, with exact expectations: how deep a tag's ancestors count,
 * several texts of one year, which segments are Han words, the default length of the rising and
 * falling lists and their order on ties (score, then frequency, then code point), words that did
 * not change, and which figure a row takes in a year (exact label, shared unit, first seen on a tie).
 * (Written for mutation testing: each row is one that a realistic slip in trends.ts would change.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { figureRow, risingFalling, tagCounts, termCounts, words, type YearText } from '../../src/core/trends/index.ts';

test('tagCounts: ancestors count up to 64 levels (the tag and 63 ancestors), then the walk stops', () => {
  // t0 ← t1 ← … ← t69: t0's parent is t1, and so on.
  const parents = new Map<string, string | undefined>(Array.from({ length: 70 }, (_, i) => [`t${i}`, i < 69 ? `t${i + 1}` : undefined]));
  const tags = ['t0', 't62', 't63', 't64', 't69'].map((id) => ({ id, label: id }));
  assert.deepEqual(
    tagCounts([{ year: 2020, tags: ['t0'] }], tags, [2020], { parents }).map((s) => [s.name, s.values[0]]),
    [
      ['t0', 1],
      ['t62', 1],
      ['t63', 1],
      ['t64', 0],
      ['t69', 0],
    ],
  );
});

test('termCounts: several texts of one year add up, and nothing else is counted with them', () => {
  const texts: YearText[] = [
    { year: 2020, paragraphs: ['GDP was up'] },
    { year: 2021, paragraphs: ['It was here'] },
    { year: 2020, paragraphs: ['and GDP was 100'] },
  ];
  const rows: [string, (number | null)[]][] = [
    ['GDP', [2, 0]],
    ['was', [2, 1]],
    ['here', [0, 1]],
  ];
  for (const [term, values] of rows) assert.deepEqual(termCounts(texts, [term], [2020, 2021])[0].values, values, term);
});

test('words: only segments all of Han script are words (a segment that starts or ends in kana is not)', () => {
  const rows: [string, string[]][] = [
    ['政府工作报告', ['政府', '工作', '报告']],
    ['食べる', []], // Han, then kana
    ['お茶', []], // kana, then Han
    ['経済', ['経済']],
  ];
  for (const [text, expected] of rows) assert.deepEqual(words(text), expected, text);
});

/**
 * words() from a newly loaded copy of trends.ts, on a platform with or without Intl.Segmenter: the
 * module picks its segmenter on its first call and keeps it, so only a new copy shows that choice
 * (the copy already loaded made it long ago). The loaded copy and Intl are put back at once.
 */
function firstWords(text: string, platform: 'segmenter' | 'no segmenter'): string[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('../../src/core/trends/trends.ts');
  const loaded = require.cache[file];
  const segmenter = Object.getOwnPropertyDescriptor(Intl, 'Segmenter');
  delete require.cache[file];
  try {
    const fresh = require(file) as { words: typeof words };
    if (platform === 'no segmenter') Reflect.deleteProperty(Intl, 'Segmenter');
    return fresh.words(text);
  } finally {
    if (segmenter) Object.defineProperty(Intl, 'Segmenter', segmenter);
    if (loaded) require.cache[file] = loaded;
  }
}

test('words on first use: the platform’s word segmenter for Chinese; without one, the Han bigrams of each run', () => {
  const rows: [string, 'segmenter' | 'no segmenter', string[]][] = [
    ['政府工作报告，2019年 改革', 'segmenter', ['政府', '工作', '报告', '改革']],
    ['政府工作报告，2019年 改革', 'no segmenter', ['政府', '府工', '工作', '作报', '报告', '改革']],
    ['GDP 2019', 'no segmenter', []],
    ['年', 'no segmenter', []],
  ];
  for (const [text, platform, expected] of rows) assert.deepEqual(firstWords(text, platform), expected, `${text} (${platform})`);
  assert.equal(typeof Intl.Segmenter, 'function');
});

/** A text of words, each repeated as often as given, separated by Chinese commas. */
const text = (counts: [string, number][]) => counts.flatMap(([w, n]) => Array<string>(n).fill(w)).join('，');

// 31 words each year. Rising: 环境 0→9; 发展 1→7, 创新 0→3 and 安全 0→3 all four times as frequent
// (a tie: the more frequent 发展 first, then code point order). Falling: 稳定 9→0; 开放 7→1, 共享, 改革
// and 绿色 3→0 all a quarter. 协调 5→5 neither rises nor falls; 进行 and 我们 are grammatical words.
const TIES: YearText[] = [
  {
    year: 2018,
    paragraphs: [
      text([
        ['绿色', 3],
        ['改革', 3],
        ['发展', 1],
        ['共享', 3],
        ['开放', 7],
        ['稳定', 9],
        ['协调', 5],
      ]),
    ],
  },
  {
    year: 2019,
    paragraphs: [
      text([
        ['安全', 3],
        ['开放', 1],
        ['创新', 3],
        ['进行', 3],
        ['环境', 9],
        ['协调', 5],
        ['发展', 7],
      ]),
    ],
  },
];

test('risingFalling: ties of score go to the more frequent word, then to code point order; an unchanged word is in neither list', () => {
  const [c] = risingFalling(TIES);
  assert.deepEqual(
    c.rising.map((t) => [t.term, t.before, t.after, t.score]),
    [
      ['环境', 0, 9, 3.322],
      ['发展', 1, 7, 2],
      ['创新', 0, 3, 2],
      ['安全', 0, 3, 2],
    ],
  );
  assert.deepEqual(
    c.falling.map((t) => [t.term, t.before, t.after, t.score]),
    [
      ['稳定', 9, 0, -3.322],
      ['开放', 7, 1, -2],
      ['共享', 3, 0, -2],
      ['改革', 3, 0, -2],
      ['绿色', 3, 0, -2],
    ],
  );
  // The top of each list, in the same order.
  const [two] = risingFalling(TIES, { top: 2 });
  assert.deepEqual(
    [two.rising.map((t) => t.term), two.falling.map((t) => t.term)],
    [
      ['环境', '发展'],
      ['稳定', '开放'],
    ],
  );
});

test('risingFalling: ten rising and ten falling words by default', () => {
  const old = ['住房', '养老', '医疗', '就业', '税收', '财政', '外贸', '旅游', '物流', '矿产', '林业'];
  const now = ['科技', '教育', '文化', '卫生', '体育', '农业', '工业', '交通', '能源', '金融', '水利'];
  const texts: YearText[] = [
    { year: 1, paragraphs: [text(old.map((w, i) => [w, 3 + i]))] },
    { year: 2, paragraphs: [text(now.map((w, i) => [w, 3 + i]))] },
  ];
  const [c] = risingFalling(texts);
  // The more frequent the word, the larger its change: the least frequent (住房, 科技) are the ones left out.
  assert.deepEqual(
    c.rising.map((t) => t.term),
    now.slice(1).reverse(),
  );
  assert.deepEqual(
    c.falling.map((t) => t.term),
    old.slice(1).reverse(),
  );
});

type Figure = { label: string; value: number; unit: string; text: string; kind?: string };
const fig = (label: string, value: number, unit: string, kind?: string): Figure => ({ label, value, unit, text: `${value}${unit}`, ...(kind ? { kind } : {}) });

test('figureRow: which figure a year gives, and the row’s name and unit', () => {
  const rows: [string, { year: number; figures: Figure[] }[], string, number[], { name: string; unit: string; values: (number | null)[] }][] = [
    [
      'the query is trimmed',
      [{ year: 2018, figures: [fig('粮食产量', 6.6, '亿吨')] }],
      ' 粮食产量 ',
      [2018],
      { name: '粮食产量', unit: '亿吨', values: [6.6] },
    ],
    [
      'a figure whose label does not hold the query is not taken, even in the row’s unit',
      [
        { year: 2018, figures: [fig('粮食产量', 6.6, '亿吨')] },
        { year: 2019, figures: [fig('煤炭产量', 38, '亿吨')] },
      ],
      '粮食产量',
      [2018, 2019],
      { name: '粮食产量', unit: '亿吨', values: [6.6, null] },
    ],
    [
      'a match in one year only is taken',
      [
        { year: 2018, figures: [] },
        { year: 2019, figures: [fig('城镇新增就业', 1352, '万人')] },
      ],
      '城镇新增就业',
      [2018, 2019],
      { name: '城镇新增就业', unit: '万人', values: [null, 1352] },
    ],
    [
      'units in as many years each: the first seen',
      [
        { year: 2018, figures: [fig('居民消费价格涨幅', 2.1, '%')] },
        { year: 2019, figures: [fig('居民消费价格涨幅', 3, '个百分点')] },
      ],
      '居民消费价格',
      [2018, 2019],
      { name: '居民消费价格', unit: '%', values: [2.1, null] },
    ],
    [
      'the exact label before an earlier one that only holds the query, in the same unit',
      [{ year: 2018, figures: [fig('国内生产总值增长', 6.6, '%'), fig('国内生产总值', 6.9, '%'), fig('国内生产总值增速', 6.7, '%')] }],
      '国内生产总值',
      [2018],
      { name: '国内生产总值', unit: '%', values: [6.9] },
    ],
    [
      'without the exact label, the first that holds the query',
      [{ year: 2018, figures: [fig('国内生产总值增长', 6.6, '%'), fig('国内生产总值增速', 6.7, '%')] }],
      '国内生产总值',
      [2018],
      { name: '国内生产总值', unit: '%', values: [6.6] },
    ],
    [
      'no match anywhere: no unit',
      [{ year: 2018, figures: [fig('粮食产量', 6.6, '亿吨')] }],
      '棉花',
      [2018, 2019],
      { name: '棉花', unit: '', values: [null, null] },
    ],
  ];
  for (const [name, byYear, query, years, expected] of rows) {
    const row = figureRow(byYear, query, years);
    assert.deepEqual({ name: row.name, unit: row.unit, values: row.values }, expected, name);
  }
});
