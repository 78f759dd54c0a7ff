/**
 * Edge rows for the mutation testing of src/core/compare (see stryker.config.mjs): exact inputs and
 * outputs, each row named for the slip it catches. Figures (numbers, signs, separators, units, the
 * label, the kind), the figures table (matching, change), and the HTML of cells and figures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignCorpus } from '../../src/core/align/index.ts';
import {
  buildCompare,
  type CompareCell,
  ENGLISH_LABELS,
  escapeHtml,
  extractFigures,
  figureLabel,
  figureTable,
  labelSimilarity,
  reportFigures,
  type PlacedFigure,
  renderCompareHtml,
  renderCompareParts,
  sameHead,
  type TextCell,
} from '../../src/core/compare/index.ts';
import { synthReport, TOPICS } from './alignHelpers.ts';
import { chapter, fromText, part } from './helpers.ts';

type Row = [why: string, text: string, expected: [label: string, value: number, unit: string, printed: string, start: number, end: number][]];

const full = (text: string, part?: 'review' | 'plan') =>
  extractFigures(text, part ? { part } : {}).map((f) => [f.label, f.value, f.unit, f.text, f.start, f.end]);

test('figures: numbers, signs and thousands separators', () => {
  const rows: Row[] = [
    ['ASCII comma groups of three', '收到申请1,234件', [['申请', 1234, '件', '1,234件', 4, 10]]],
    ['full-width comma groups', '收到申请1，234件', [['申请', 1234, '件', '1，234件', 4, 10]]],
    ['several groups', '收入增长1,234,567元', [['收入增长', 1234567, '元', '1,234,567元', 4, 14]]],
    ['groups, then a decimal part', '发放1,234.5万元', [['发放', 1234.5, '万元', '1,234.5万元', 2, 11]]],
    ['a list of numbers is no group (3，5个)', '列入3，5个', [['', 5, '个', '5个', 4, 6]]],
    ['a group of four digits is no group', '收到申请1,2345件', [['', 2345, '件', '2345件', 6, 11]]],
    ['ASCII minus', '收入-3.2%', [['收入', -3.2, '%', '-3.2%', 2, 7]]],
    ['full-width minus, 个百分点', '收入－0.5个百分点', [['收入', -0.5, '个百分点', '－0.5个百分点', 2, 10]]],
    ['a dash after a unit is a range', '增长6%－6.5%', [['', 6, '%', '6%', 2, 4]]],
    ['a dash between years is a range', '2016-2018年投资5亿元', [['投资', 5, '亿元', '5亿元', 12, 15]]],
    ['full-width digits and point', '受理１２３．５件', [['受理', 123.5, '件', '１２３．５件', 2, 8]]],
    ['a decimal with no label', '3.5件', [['', 3.5, '件', '3.5件', 0, 4]]],
    ['a digit after a letter is a code', 'x3件', []],
    ['a digit after a capital is a code', 'A3件', []],
    ['a digit after a slash is a date', '2016/3件', []],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: units, the scale words and the words that are no unit', () => {
  const rows: Row[] = [
    ['％ is %', '覆盖率95％', [['覆盖率', 95, '%', '95％', 3, 6]]],
    ['百分点 is 个百分点', '纠错率提高2百分点', [['纠错率提高', 2, '个百分点', '2百分点', 5, 9]]],
    ['平方公里, not 公里', '面积3平方公里', [['面积', 3, '平方公里', '3平方公里', 2, 7]]],
    ['千瓦时, not 千瓦', '用电5千瓦时', [['用电', 5, '千瓦时', '5千瓦时', 2, 6]]],
    ['人口 is 人', '总人口13亿人口', [['总人口', 13, '亿人', '13亿人口', 3, 8]]],
    ['亿 alone before a comma', '人口13亿，', [['人口', 13, '亿', '13亿', 2, 5]]],
    ['万 alone before 以上', '新增1100万以上', [['', 1100, '万', '1100万', 2, 7]]],
    ['万元 before 人民币', '发放50万元人民币', [['发放', 50, '万元', '50万元', 2, 6]]],
    ['a range of 万 (3万－5万人) is nothing', '经费3万－5万人', []],
    ['每10万人口 is a rate', '每10万人口', []],
    ['前20名 is a rank', '全球前20名', []],
    ['元素 is no unit', '收入12元素', []],
    ['条例 is no unit', '建成3条例', []],
    ['个月 is a span', '开展5个月', []],
    ['期间 is no unit', '共有3期间', []],
    ['家庭 is no unit', '组织5家庭', []],
    ['倍增 is no unit', '增加3倍增', []],
    ['起来 is no unit', '举办3起来', []],
    ['a name in quotes', '“科技成果转化16条”', []],
    ['第3批 is an ordinal', '第3批试点12个', [['试点', 12, '个', '12个', 5, 8]]],
    ['第3、4批: the 4 is an ordinal too', '第3、4批试点12个', [['试点', 12, '个', '12个', 7, 10]]],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: labels, taken back to the subject, with the change verb kept', () => {
  const rows: Row[] = [
    [
      'a verb-only clause borrows the subject',
      '国内生产总值74.4万亿元，增长6.7%',
      [
        ['国内生产总值', 74.4, '万亿元', '74.4万亿元', 6, 13],
        ['国内生产总值增长', 6.7, '%', '6.7%', 16, 20],
      ],
    ],
    [
      'the change verb of the previous label is replaced',
      '物价上涨2%，转为下降1%',
      [
        ['物价上涨', 2, '%', '2%', 4, 6],
        ['物价下降', 1, '%', '1%', 11, 13],
      ],
    ],
    [
      'the same verb again',
      '能耗下降3.4%，下降2%',
      [
        ['能耗下降', 3.4, '%', '3.4%', 4, 8],
        ['能耗下降', 2, '%', '2%', 11, 13],
      ],
    ],
    [
      'a level after a change (由…提高到…) keeps the label',
      'GDP由30万亿元调整到50万亿元',
      [
        ['GDP', 30, '万亿元', '30万亿元', 4, 9],
        ['GDP', 50, '万亿元', '50万亿元', 12, 17],
      ],
    ],
    [
      '由…提高到…',
      '补助由30万元提高到50万元',
      [
        ['补助', 30, '万元', '30万元', 3, 7],
        ['补助', 50, '万元', '50万元', 10, 14],
      ],
    ],
    [
      'a share after a labelled figure (占)',
      '维持的528宗，占58.2%',
      [
        ['维持', 528, '宗', '528宗', 3, 7],
        ['维持占比', 58.2, '%', '58.2%', 9, 14],
      ],
    ],
    [
      'a share after a labelled figure (comma alone)',
      '申请333宗，70.1%',
      [
        ['申请', 333, '宗', '333宗', 2, 6],
        ['申请占比', 70.1, '%', '70.1%', 7, 12],
      ],
    ],
    [
      'a list after 、 shares the label',
      '项目12件、15件',
      [
        ['项目', 12, '件', '12件', 2, 5],
        ['项目', 15, '件', '15件', 6, 9],
      ],
    ],
    [
      'after a comma and 和, no label',
      '项目12件，和15件',
      [
        ['项目', 12, '件', '12件', 2, 5],
        ['', 15, '件', '15件', 7, 10],
      ],
    ],
    [
      '分别: each value its subject’s, with the verb after 分别',
      '交通、能源分别完成投资3252亿元、2140亿元',
      [
        ['交通完成投资', 3252, '亿元', '3252亿元', 11, 17],
        ['能源完成投资', 2140, '亿元', '2140亿元', 18, 24],
      ],
    ],
    ['fillers go (全年共收到)', '全年共收到行政复议申请918宗', [['行政复议申请', 918, '宗', '918宗', 11, 15]]],
    ['其中 goes', '其中企业300家', [['企业', 300, '家', '300家', 4, 8]]],
    ['累计 goes', '累计减税5000亿元', [['减税', 5000, '亿元', '5000亿元', 4, 10]]],
    ['共计 alone is no label', '共计1000元', [['', 1000, '元', '1000元', 2, 7]]],
    ['占比 stays', '政府债务占比30%', [['政府债务占比', 30, '%', '30%', 6, 9]]],
    ['a parenthesis is left out', '细颗粒物（PM2.5）年均浓度下降3%', [['细颗粒物年均浓度下降', 3, '%', '3%', 17, 19]]],
    ['a name with a digit (M2)', 'M2余额增长8.1%', [['M2余额增长', 8.1, '%', '8.1%', 6, 10]]],
    ['比上年 alone is no label', '比上年增长6%', [['', 6, '%', '6%', 5, 7]]],
    ['对 alone is no label', '对522宗', [['', 522, '宗', '522宗', 1, 5]]],
    ['上升到 alone is no label', '上升到51.6%', [['', 51.6, '%', '51.6%', 3, 8]]],
    ['扩大到 goes', '基金规模扩大到50亿元', [['基金规模', 50, '亿元', '50亿元', 7, 11]]],
    ['a date left by the number before goes', '收入2017年结余案件5件', [['结余案件', 5, '件', '5件', 11, 13]]],
    ['the noun after a measure word', '新设12个跨境电子商务综合试验区。', [['跨境电子商务综合试验区', 12, '个', '12个', 2, 5]]],
    ['the noun after any unit for a verb-only clause', '安排200亿元技改专项资金。', [['技改专项资金', 200, '亿元', '200亿元', 2, 7]]],
    ['the noun after 项, up to a comma', '开工15项重大水利工程，', [['重大水利工程', 15, '项', '15项', 2, 5]]],
    ['the noun stops at its predicate', '建成8个项目建成投产。', [['项目', 8, '个', '8个', 2, 4]]],
    ['以上 after the figure: no noun', '新增21项以上工程。', [['', 21, '项', '21项', 2, 5]]],
    ['a noun past 12 characters is a clause', '新设12个超长的名字这是一个很长的十三个字的名称。', [['', 12, '个', '12个', 2, 5]]],
    ['a noun with 的 is a clause', '新设3个的试点。', [['新设', 3, '个', '3个', 2, 4]]],
    ['a figure at the start: the noun after it', '1.2万家企业获得补助。', [['企业', 1.2, '万家', '1.2万家', 0, 5]]],
    ['at the end of the text, no noun', '新设12个跨境电子商务综合试验区', [['', 12, '个', '12个', 2, 5]]],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: kinds, from the words around the figure and the part', () => {
  const kinds = (text: string, part?: 'review' | 'plan') => extractFigures(text, part ? { part } : {}).map((f) => [f.label, f.kind]);
  const rows: [string, string, 'review' | 'plan' | undefined, [string, string][]][] = [
    ['左右 outside a part is a target', '国内生产总值增长6.5%左右', undefined, [['国内生产总值增长', 'target']]],
    ['左右 in a review is a result', '国内生产总值增长6.5%左右', 'review', [['国内生产总值增长', 'result']]],
    ['左右 in a plan is a target', '国内生产总值增长6.5%左右', 'plan', [['国内生产总值增长', 'target']]],
    ['以上 outside a part is a target', '城镇新增就业1100万人以上', undefined, [['城镇新增就业', 'target']]],
    ['以上 in a review is a result', '城镇新增就业1100万人以上', 'review', [['城镇新增就业', 'result']]],
    ['a plain count outside a part is a result', '城镇新增就业1100万人', undefined, [['城镇新增就业', 'result']]],
    ['力争 makes a target', '力争城镇新增就业1100万人', undefined, [['城镇新增就业', 'target']]],
    ['要 makes a target', '要新增就业1100万人', undefined, [['新增就业', 'target']]],
    ['主要 is not 要', '主要指标完成1100万人', undefined, [['主要指标', 'result']]],
    ['a plan figure is a target', '就业1100万人', 'plan', [['就业', 'target']]],
    ['去年 in a plan: a result', '去年就业1100万人', 'plan', [['就业', 'result']]],
    ['五年来 in a plan: a result', '五年来就业1100万人', 'plan', [['就业', 'result']]],
    ['预期目标 before the figure', '今年预期目标是：国内生产总值增长6%', undefined, [['国内生产总值增长', 'target']]],
    ['目标 after the figure, in a review', '就业1100万人的目标', 'review', [['就业', 'target']]],
    ['以上 after 项 outside a part', '收入12项以上', undefined, [['收入', 'target']]],
    [
      '低于 a target with no labelled figure before: a result, then a target',
      '增长11.3%，低于13%左右的预期目标',
      'review',
      [
        ['', 'result'],
        ['', 'target'],
      ],
    ],
  ];
  for (const [why, text, part, expected] of rows) assert.deepEqual(kinds(text, part), expected, why);
});

test('figureLabel: the label from the text before a number alone', () => {
  const rows: [string, string][] = [
    ['全年共收到行政复议申请', '行政复议申请'],
    ['国内生产总值比上年增长', '国内生产总值增长'],
    ['增长', ''],
    ['对', ''],
    ['第3批试点', '试点'],
    ['', ''],
  ];
  for (const [before, expected] of rows) assert.equal(figureLabel(before), expected, before);
});

test('labelSimilarity and sameHead: exact values', () => {
  assert.equal(labelSimilarity('', '申请'), 0);
  assert.equal(labelSimilarity('申请', ''), 0);
  assert.equal(labelSimilarity('申请', '申请'), 1);
  assert.equal(labelSimilarity('甲', '甲'), 1);
  assert.equal(labelSimilarity('甲', '乙'), 0);
  // 行政复议申请 (5 bigrams) and 全年行政复议申请 (7): 5 common → 10/12.
  assert.equal(labelSimilarity('行政复议申请', '全年行政复议申请'), 10 / 12);
  // Repeated bigrams count as often as both have them: 啊啊啊 (啊啊×2) and 啊啊 (×1) → 2/3.
  assert.equal(labelSimilarity('啊啊啊', '啊啊'), 2 / 3);
  assert.equal(sameHead('行政复议申请', '全年行政复议申请'), true);
  assert.equal(sameHead('全年行政复议申请', '行政复议申请'), true);
  assert.equal(sameHead('行政复议申请', '行政复议告知'), false);
});

const fig = (year: number, label: string, value: number, unit = '宗', kind: 'target' | 'result' = 'result'): PlacedFigure => ({
  year,
  label,
  value,
  unit,
  kind,
  sentence: '',
  paragraph: '',
  text: `${value}${unit}`,
  start: 0,
  end: 0,
  paragraphId: `p${year}`,
});

test('figureTable: the change, in the unit and in percent, rounded', () => {
  const rows: [string, PlacedFigure, PlacedFigure, { absolute: number; percent: number | null }][] = [
    ['a rise', fig(2016, '申请', 200), fig(2017, '申请', 300), { absolute: 100, percent: 50 }],
    ['a fall', fig(2016, '申请', 300), fig(2017, '申请', 200), { absolute: -100, percent: -33.33 }],
    ['from zero: no percent', fig(2016, '申请', 0), fig(2017, '申请', 5), { absolute: 5, percent: null }],
    ['from a negative value: relative to its magnitude', fig(2016, '申请', -4), fig(2017, '申请', -2), { absolute: 2, percent: 50 }],
    ['% has no percent', fig(2016, '纠错率', 20, '%'), fig(2017, '纠错率', 30, '%'), { absolute: 10, percent: null }],
    ['‰ has no percent', fig(2016, '出生率', 8, '‰'), fig(2017, '出生率', 9, '‰'), { absolute: 1, percent: null }],
    ['个百分点 has no percent', fig(2016, '纠错率提高', 1, '个百分点'), fig(2017, '纠错率提高', 3, '个百分点'), { absolute: 2, percent: null }],
    ['rounded to 1e-6', fig(2016, '资金', 0.1, '亿元'), fig(2017, '资金', 0.3, '亿元'), { absolute: 0.2, percent: 200 }],
  ];
  for (const [why, a, b, expected] of rows) {
    const t = figureTable(
      [2016, 2017],
      [
        {
          name: 'g',
          byYear: new Map([
            [2016, [a]],
            [2017, [b]],
          ]),
        },
      ],
    );
    assert.equal(t.rows.length, 1, why);
    assert.deepEqual(t.rows[0].cells[1]?.change, expected, why);
    assert.equal(t.rows[0].cells[0]?.change, null, why);
  }
});

test('figureTable: rows by unit, kind, label and head; the best pairs first; the years as given', () => {
  const t = figureTable(
    [2017, 2016],
    [
      {
        name: 'g',
        byYear: new Map([
          [2016, [fig(2016, '行政复议申请', 1), fig(2016, '行政复议申请', 2, '件'), fig(2016, '行政复议申请', 3, '宗', 'target'), fig(2016, '', 4)]],
          [2017, [fig(2017, '行政复议告知', 5), fig(2017, '全年行政复议申请', 6), fig(2017, '行政复议申请', 7)]],
        ]),
      },
      { name: 'h', byYear: new Map([[2017, [fig(2017, '行政复议申请', 8)]]]) },
    ],
  );
  assert.deepEqual(t.years, [2017, 2016]);
  assert.deepEqual(
    t.rows.map((r) => [r.group, r.label, r.unit, r.kind, r.cells.map((c) => c?.figure.value ?? null)]),
    [
      // Columns as given (2017 first); the exact label wins over the longer one.
      ['g', '行政复议申请', '宗', 'result', [7, 1]],
      ['g', '行政复议申请', '件', 'result', [null, 2]],
      ['g', '行政复议申请', '宗', 'target', [null, 3]],
      ['g', '行政复议告知', '宗', 'result', [5, null]],
      ['g', '全年行政复议申请', '宗', 'result', [6, null]],
      // Another group never continues a row of the first.
      ['h', '行政复议申请', '宗', 'result', [8, null]],
    ],
  );
});

type Model = Parameters<typeof renderCompareHtml>[0];
const textCell = (year: number, text: string, extra: Partial<TextCell> = {}): TextCell => ({
  kind: 'text',
  year,
  reportId: `r${year}`,
  paragraphId: `p${year}`,
  line: year - 2000,
  text,
  offset: 0,
  score: null,
  diff: null,
  figures: [],
  ...extra,
});
const placed = (year: number, value: number, unit: string, extra: Partial<PlacedFigure> = {}): PlacedFigure => ({
  label: '申请',
  value,
  unit,
  text: `${value}${unit}`,
  kind: 'result',
  start: 0,
  end: 0,
  sentence: '',
  paragraph: `p${year}`,
  year,
  paragraphId: `p${year}`,
  ...extra,
});

function smallModel(): Model {
  return {
    issuer: '南海区',
    type: '法治政府建设工作报告',
    part: 'review',
    scope: 'chapter',
    years: [2016, 2017],
    startYear: 2017,
    chapters: [null, { year: 2017, reportId: 'r2017', number: 1, label: '一、', title: '复议', line: 17, manual: true }],
    rows: [
      {
        kind: 'paragraph',
        cells: [
          textCell(2016, '申请12宗。'),
          textCell(2017, '申请15宗，新增。', {
            score: 0.876,
            diff: [
              { op: 'equal', text: '申请1' },
              { op: 'delete', text: '2' },
              { op: 'insert', text: '5' },
              { op: 'equal', text: '宗' },
              { op: 'insert', text: '，新增' },
              { op: 'equal', text: '。' },
            ],
            figures: [{ start: 2, end: 5, label: '申请', value: 15, unit: '宗' }],
          }),
        ],
      },
      { kind: 'collapsed', counts: [1, 0], rows: [{ kind: 'paragraph', cells: [textCell(2016, 'a<b'), { kind: 'none', year: 2017, message: '' }] }] },
    ],
    figures: {
      years: [2016, 2017],
      rows: [
        {
          label: '申请',
          unit: '宗',
          kind: 'result',
          group: '(一)',
          cells: [
            { figure: placed(2016, 12.344, '宗', { sentence: '申请12宗。' }), change: null },
            { figure: placed(2017, 15, '宗', { paragraph: 'px' }), change: { absolute: 2.666, percent: 21.51 } },
          ],
        },
        {
          label: '率',
          unit: '%',
          kind: 'target',
          group: 'g',
          cells: [null, { figure: placed(2017, 5, '%', { label: '率', kind: 'target', paragraph: '' }), change: { absolute: -1, percent: -16.67 } }],
        },
        {
          label: '案件',
          unit: '件',
          kind: 'result',
          group: 'g',
          cells: [
            { figure: placed(2016, 3, '件', { label: '案件' }), change: null },
            { figure: placed(2017, 3, '件', { label: '案件' }), change: { absolute: 0, percent: 0 } },
          ],
        },
        {
          label: '纠错率',
          unit: '%',
          kind: 'result',
          group: 'g',
          cells: [
            { figure: placed(2016, 3, '%', { label: '纠错率' }), change: null },
            { figure: placed(2017, 4, '%', { label: '纠错率' }), change: { absolute: 1, percent: null } },
          ],
        },
      ],
    },
  } as Model;
}

test('Compare HTML: the exact fragment of a small model (headers, scores, chips, diff with figures, collapsed run, figures table)', () => {
  const html = renderCompareHtml(smallModel(), {
    chips: (r) =>
      r === 'r2017'
        ? [
            { label: '复议', color: '#abc', unknown: true },
            { label: 'x', color: 'red' },
          ]
        : [],
    figuresOpen: true,
  });
  const ctx = (section: string, report: string, line: number, paragraph?: string) =>
    escapeHtml(
      JSON.stringify(
        paragraph === undefined
          ? { webviewSection: section, report, line, preventDefaultContextMenuItems: true }
          : { webviewSection: section, report, paragraph, line, preventDefaultContextMenuItems: true },
      ),
    );
  const td = (year: number) =>
    `<td class="cell text" tabindex="-1" data-year="${year}" data-report="r${year}" data-paragraph="p${year}" data-line="${year - 2000}" data-vscode-context="${ctx('paragraph', `r${year}`, year - 2000, `p${year}`)}">`;
  const expected = [
    '<section class="annals-compare" data-part="review" data-scope="chapter" data-start="2017">',
    '<h2>南海区 · 法治政府建设工作报告</h2>',
    `<div class="scroller"><table class="compare" data-columns="2"><thead><tr><th data-year="2016"><span class="year">2016</span> <span class="chapter none">No counterpart</span></th><th class="start" aria-description="the year you came from" data-year="2017" data-report="r2017" data-line="17" data-vscode-context="${ctx('column', 'r2017', 17)}"><span class="year">2017</span><span class="start-mark" title="the year you came from">●</span> <span class="chapter">一、复议</span> <span class="manual" title="chosen by hand">✎</span></th></tr></thead><tbody>`,
    `<tr class="row paragraph">${td(2016)}申请12宗。</td>${td(2017)}<span class="score" title="link score">0.88</span><span class="chips"><span class="chip unknown" data-color="#abc">复议</span><span class="chip">x</span></span>申请<mark class="figure" title="申请: 15 宗">1</mark><del class="diff-del">2</del><ins class="diff-ins"><mark class="figure" title="申请: 15 宗">5</mark></ins><mark class="figure" title="申请: 15 宗">宗</mark><ins class="diff-ins">，新增</ins>。</td></tr>`,
    '<tr class="row collapsed" data-group="0"><td class="cell only" data-year="2016"><button type="button" class="expand" aria-expanded="false" data-group="0">only in 2016 · 1 paragraph</button></td><td class="cell gap" data-year="2017"></td></tr>',
    `<template class="folded" data-group="0"><tr class="row paragraph folded" data-group="0">${td(2016)}a&lt;b</td><td class="cell none" title="No counterpart in 2017"></td></tr></template>`,
    '</tbody></table></div>',
    '<details class="figures-panel" open><summary>Figures <span class="count">4</span></summary>',
    '<table class="figures"><thead><tr><th>Figure</th><th>Unit</th><th>Kind</th><th>2016</th><th>2017</th></tr></thead><tbody>',
    '<tr><th class="fig-label" title="(一)">申请</th><td>宗</td><td class="kind result">result</td><td class="fig opens" data-paragraph="p2016" data-report="r2016" data-line="16" tabindex="-1" title="申请12宗。">12.34 </td><td class="fig" data-paragraph="px" title="15宗">15 <span class="change up">+2.67 (+21.51%)</span></td></tr>',
    '<tr><th class="fig-label" title="g">率</th><td>%</td><td class="kind target">target</td><td class="fig none">—</td><td class="fig" data-paragraph="" title="5%">5 <span class="change down">-1 (-16.67%)</span></td></tr>',
    '<tr><th class="fig-label" title="g">案件</th><td>件</td><td class="kind result">result</td><td class="fig opens" data-paragraph="p2016" data-report="r2016" data-line="16" tabindex="-1" title="3件">3 </td><td class="fig opens" data-paragraph="p2017" data-report="r2017" data-line="17" tabindex="-1" title="3件">3 <span class="change">0 (0%)</span></td></tr>',
    '<tr><th class="fig-label" title="g">纠错率</th><td>%</td><td class="kind result">result</td><td class="fig opens" data-paragraph="p2016" data-report="r2016" data-line="16" tabindex="-1" title="3%">3 </td><td class="fig opens" data-paragraph="p2017" data-report="r2017" data-line="17" tabindex="-1" title="4%">4 <span class="change up">+1</span></td></tr>',
    '</tbody></table>',
    '</details>',
    '</section>',
  ].join('\n');
  assert.equal(html, expected);
});

test('Compare HTML: no issuer, closed panel, no figures, an unlabelled figure, a cell with no diff', () => {
  const m = smallModel();
  const html = renderCompareHtml({
    ...m,
    issuer: null,
    startYear: 2016,
    chapters: [{ year: 2016, reportId: 'r2016', number: null, label: null, title: '复议', line: 16, manual: false }, null],
    rows: [
      { kind: 'paragraph', cells: [textCell(2016, '共12宗', { figures: [{ start: 1, end: 4, label: '', value: 12.5, unit: '宗' }] }), textCell(2017, '')] },
    ],
    figures: { years: [2016, 2017], rows: [] },
  });
  assert.ok(html.startsWith('<section class="annals-compare" data-part="review" data-scope="chapter" data-start="2016">\n<h2>法治政府建设工作报告</h2>\n'));
  assert.ok(
    html.includes(
      '<span class="chapter">复议</span></th><th data-year="2017"><span class="year">2017</span> <span class="chapter none">No counterpart</span></th>',
    ),
  );
  assert.ok(html.includes('>共<mark class="figure" title="—: 12.5 宗">12宗</mark></td>'));
  assert.ok(
    html.endsWith(
      '<details class="figures-panel"><summary>Figures <span class="count">0</span></summary>\n<p class="figures-empty">No figures in this chapter.</p>\n</details>\n</section>',
    ),
  );
});

test('Compare HTML in parts: 12 rows first, then chunks of 40, the figures table apart', () => {
  const m = smallModel();
  const row = (i: number) => ({ kind: 'paragraph' as const, cells: [textCell(2016, `第${i}段`), textCell(2017, `第${i}段`)] });
  const many = { ...m, rows: Array.from({ length: 53 }, (_, i) => row(i)) };
  const parts = renderCompareParts(many);
  const count = (s: string) => (s.match(/<tr class="row paragraph">/g) ?? []).length;
  assert.equal(count(parts.html), 12);
  assert.deepEqual(
    parts.more.map((s) => count(s)),
    [40, 1],
  );
  assert.ok(parts.more[0].startsWith('<tr class="row paragraph">') && parts.more[0].includes('第12段') && !parts.more[0].includes('第52段'));
  assert.ok(parts.html.includes('<div class="figures-slot"></div>') && !parts.html.includes('<table class="figures">'));
  assert.ok(parts.figures.startsWith('<table class="figures">'));
  const whole = renderCompareHtml(many);
  assert.equal(count(whole), 53);
  assert.ok(whole.includes(parts.figures));
  assert.equal(renderCompareParts({ ...m, rows: [row(0)] }).more.length, 0);
});

/** Three years of a two- or three-chapter review: 2017 adds a sentence and a chapter, 2018 changes 120 to 150. */
function series() {
  const r = (y: number, ch: [string, string][]) => fromText(synthReport(y, ch), `${y}.txt`).reports[0];
  const y16 = r(2016, [
    ['强化复议监督', TOPICS.review.replace('918', '597')],
    ['深化普法宣传', TOPICS.law],
  ]);
  const y17 = r(2017, [
    ['强化复议监督', `${TOPICS.review.replace('918', '700')}新增一句话。`],
    ['深化普法宣传', TOPICS.law],
    ['建设信用体系', TOPICS.credit],
  ]);
  const y18 = r(2018, [
    ['强化复议监督', TOPICS.review],
    ['深化普法宣传', TOPICS.law.replace('120', '150')],
  ]);
  return { y16, y17, y18, al: alignCorpus([y16, y17, y18]) };
}
const REST = '宗，办结行政复议案件850宗，综合纠错率40.5%。行政复议委员会试点工作稳步推进，复议简易程序缩短办案时间。';

test('buildCompare: columns, cells, diffs against the previous shown year, figures and the table', () => {
  const { y16, y17, y18, al } = series();
  const { model, error } = buildCompare(al, y18, chapter(part(y18, 'review'), 1));
  assert.equal(error, null);
  assert.ok(model);
  assert.deepEqual(
    [model.issuer, model.type, model.part, model.scope, model.years, model.startYear],
    ['某区人民政府', '法治政府建设工作报告', 'review', 'chapter', [2016, 2017, 2018], 2018],
  );
  assert.deepEqual(
    model.chapters,
    [y16, y17, y18].map((r) => ({ year: r.year, reportId: r.id, number: 1, label: '一、', title: '强化复议监督', line: 5, manual: false })),
  );
  assert.equal(model.rows.length, 1);
  const row = model.rows[0];
  assert.equal(row.kind, 'paragraph');
  const cells = (row as { cells: CompareCell[] }).cells as TextCell[];
  assert.deepEqual(
    cells.map((c) => [c.kind, c.year, c.reportId, c.line, c.offset, c.score === null ? null : Math.round(c.score * 1000) / 1000]),
    [
      ['text', 2016, y16.id, 7, 0, null],
      ['text', 2017, y17.id, 7, 0, 0.936],
      ['text', 2018, y18.id, 7, 0, 0.936],
    ],
  );
  assert.equal(cells[0].diff, null);
  assert.deepEqual(cells[1].diff, [
    { op: 'equal', text: '全年共收到行政复议申请' },
    { op: 'delete', text: '59' },
    { op: 'equal', text: '7' },
    { op: 'insert', text: '00' },
    { op: 'equal', text: REST },
    { op: 'insert', text: '新增一句话。' },
  ]);
  assert.deepEqual(cells[2].diff, [
    { op: 'equal', text: '全年共收到行政复议申请' },
    { op: 'delete', text: '700' },
    { op: 'insert', text: '918' },
    { op: 'equal', text: REST },
    { op: 'delete', text: '新增一句话。' },
  ]);
  assert.deepEqual(cells[2].figures, [
    { start: 11, end: 15, label: '行政复议申请', value: 918, unit: '宗' },
    { start: 24, end: 28, label: '行政复议案件', value: 850, unit: '宗' },
    { start: 34, end: 39, label: '综合纠错率', value: 40.5, unit: '%' },
  ]);
  assert.deepEqual(
    model.figures.rows.map((r) => [r.label, r.unit, r.kind, r.group, r.cells.map((c) => c && [c.figure.value, c.figure.paragraphId, c.change])]),
    [
      [
        '行政复议申请',
        '宗',
        'result',
        '',
        [
          [597, cells[0].paragraphId, null],
          [700, cells[1].paragraphId, { absolute: 103, percent: 17.25 }],
          [918, cells[2].paragraphId, { absolute: 218, percent: 31.14 }],
        ],
      ],
      [
        '行政复议案件',
        '宗',
        'result',
        '',
        [
          [850, cells[0].paragraphId, null],
          [850, cells[1].paragraphId, { absolute: 0, percent: 0 }],
          [850, cells[2].paragraphId, { absolute: 0, percent: 0 }],
        ],
      ],
      [
        '综合纠错率',
        '%',
        'result',
        '',
        [
          [40.5, cells[0].paragraphId, null],
          [40.5, cells[1].paragraphId, { absolute: 0, percent: null }],
          [40.5, cells[2].paragraphId, { absolute: 0, percent: null }],
        ],
      ],
    ],
  );
});

test('buildCompare: years in the order asked, the diff against the nearest earlier shown year, a repeated year once', () => {
  const { y18, al } = series();
  const ch = chapter(part(y18, 'review'), 1);
  const { model } = buildCompare(al, y18, ch, { years: [2018, 2016] });
  assert.ok(model);
  assert.deepEqual(model.years, [2018, 2016]);
  assert.deepEqual(
    model.chapters.map((c) => c?.year),
    [2018, 2016],
  );
  const cells = (model.rows[0] as { cells: CompareCell[] }).cells as TextCell[];
  // 2018 against 2016 (not linked directly: no score); 2016 has none before it.
  assert.deepEqual([cells[0].score, cells[0].diff?.map((d) => d.op), cells[1].diff], [null, ['equal', 'delete', 'equal', 'delete', 'insert', 'equal'], null]);
  assert.deepEqual(
    model.figures.rows[0].cells.map((c) => c && [c.figure.value, c.change]),
    [
      [918, { absolute: 321, percent: 53.77 }],
      [597, null],
    ],
  );
  const one = buildCompare(al, y18, ch, { years: [2017, 2017] }).model;
  assert.ok(one);
  assert.deepEqual([one.years, one.startYear, one.rows.map((r) => r.kind)], [[2017], 2018, ['paragraph']]);
});

test('buildCompare: a chapter of one year only is a collapsed run; other years have no counterpart', () => {
  const { y17, al } = series();
  const { model } = buildCompare(al, y17, chapter(part(y17, 'review'), 3));
  assert.ok(model);
  assert.deepEqual(
    model.chapters.map((c) => c && [c.year, c.title, c.line]),
    [null, [2017, '建设信用体系', 13], null],
  );
  assert.equal(model.rows.length, 1);
  const run = model.rows[0];
  assert.equal(run.kind, 'collapsed');
  if (run.kind !== 'collapsed') return;
  assert.deepEqual(run.counts, [0, 1, 0]);
  assert.deepEqual(
    run.rows[0].cells.map((c) => (c.kind === 'none' ? c.message : c.text.slice(0, 8))),
    ['No counterpart in 2016', '建设社会信用体系', 'No counterpart in 2018'],
  );
  assert.deepEqual(
    model.figures.rows.map((r) => [r.label, r.unit, r.cells.map((c) => c?.figure.value ?? null)]),
    [['企业信用信息', '万条', [null, 12, null]]],
  );
  // Two years shown: a row with one text collapses too.
  const two = buildCompare(al, y17, chapter(part(y17, 'review'), 3), { years: [2016, 2017] }).model;
  assert.deepEqual(
    two?.rows.map((r) => (r.kind === 'collapsed' ? [r.kind, r.counts, r.rows.length] : [r.kind])),
    [['collapsed', [0, 1], 1]],
  );
  // One year shown: nothing collapses.
  const single = buildCompare(al, y17, chapter(part(y17, 'review'), 3), { years: [2017] }).model;
  assert.deepEqual(
    single?.rows.map((r) => r.kind),
    ['paragraph'],
  );
});

test('buildCompare: the exact errors', () => {
  const { y17, y18, al } = series();
  const ch = chapter(part(y18, 'review'), 1);
  const rows: [string, ReturnType<typeof buildCompare>, string][] = [
    [
      'a part',
      buildCompare(al, y18, part(y18, 'review')),
      '“2018年法治政府建设工作情况” is a part, not a chapter or section: Compare shows one chapter or section across the years.',
    ],
    ['no years', buildCompare(al, y18, ch, { years: [] }), 'No years to compare.'],
    [
      'unknown years',
      buildCompare(al, y18, ch, { years: [2015, 2017, 2014] }),
      'The series 某区人民政府 法治政府建设工作报告 has no report for 2015, 2014; it has 2016, 2017, 2018.',
    ],
    [
      'a chapter of another report',
      buildCompare(al, y18, chapter(part(y17, 'review'), 1)),
      '“强化复议监督” is not a chapter of “某区2018年度法治政府建设工作报告”.',
    ],
  ];
  for (const [why, result, error] of rows) assert.deepEqual(result, { model: null, error }, why);
});

test('figures: more words that are no unit, more units, fillers and trailing words of a label', () => {
  const rows: Row[] = [
    ['支持 is no unit', '资金3支持', []],
    ['支出 is no unit', '发放3支出', []],
    ['名单 is no unit', '公布3名单', []],
    ['本年 is no unit', '印发3本年', []],
    ['座谈 is no unit', '召开3座谈会', []],
    ['所有 is no unit', '覆盖3所有', []],
    ['元旦 is no unit', '发放3元旦', []],
    ['起草 is no unit', '受理3起草', []],
    ['名 before a noun is a unit', '培训3名干部', [['', 3, '名', '3名', 2, 4]]],
    ['件次, not 件', '申请3件次', [['申请', 3, '件次', '3件次', 2, 5]]],
    ['宗次, not 宗', '查处违法案件3宗次', [['违法案件', 3, '宗次', '3宗次', 6, 9]]],
    ['美元, not 元', '投资3美元', [['投资', 3, '美元', '3美元', 2, 5]]],
    ['保持在 and 全市 go', '全市行政复议申请数量保持在918宗', [['行政复议申请数量', 918, '宗', '918宗', 13, 17]]],
    ['分别为: no label', '行政复议申请分别为918宗', [['', 918, '宗', '918宗', 9, 13]]],
    ['a list marker 一、 goes', '一、收到申请918宗', [['申请', 918, '宗', '918宗', 6, 10]]],
    ['a list marker （三） goes', '（三）收到申请918宗', [['申请', 918, '宗', '918宗', 7, 11]]],
    ['a year 2018年末 goes', '2018年末申请918宗', [['申请', 918, '宗', '918宗', 8, 12]]],
    ['约 goes', '申请数量约918宗', [['申请数量', 918, '宗', '918宗', 5, 9]]],
    ['共 at the end goes', '各类申请共918宗', [['各类申请', 918, '宗', '918宗', 5, 9]]],
    ['达到了 goes', '结案率达到了95%', [['结案率', 95, '%', '95%', 6, 9]]],
    ['为 goes', '办结率为95%', [['办结率', 95, '%', '95%', 4, 7]]],
    ['a run-on clause is cut after its last filler', '发挥作用全年共收到行政复议申请918宗', [['行政复议申请', 918, '宗', '918宗', 15, 19]]],
    ['a run-on clause past 14 characters is cut after 的', '这是一个非常非常非常长的十九个字标签的名称918宗', [['名称', 918, '宗', '918宗', 21, 25]]],
    ['a clause of 10 characters is not cut', '以被告的行政应诉案件12宗', [['以被告的行政应诉案件', 12, '宗', '12宗', 10, 13]]],
    ['人均 and a noun is a label', '人均收入增长8%', [['人均收入增长', 8, '%', '8%', 6, 8]]],
    ['人均增长 alone is a verb', '人均增长8%', [['', 8, '%', '8%', 4, 6]]],
    ['年均增长 alone is a verb', '年均增长8%', [['', 8, '%', '8%', 4, 6]]],
    [
      '年均增长 borrows the subject',
      '国内生产总值增长8%，年均增长7%',
      [
        ['国内生产总值增长', 8, '%', '8%', 8, 10],
        ['国内生产总值年均增长', 7, '%', '7%', 15, 17],
      ],
    ],
    [
      '实际增长 borrows the subject',
      '国内生产总值增长8%，实际增长7%',
      [
        ['国内生产总值增长', 8, '%', '8%', 8, 10],
        ['国内生产总值实际增长', 7, '%', '7%', 15, 17],
      ],
    ],
    [
      '低于 a target: the label of the figure before',
      '国内生产总值增长11.3%，低于13%左右的预期目标',
      [
        ['国内生产总值增长', 11.3, '%', '11.3%', 8, 13],
        ['国内生产总值增长', 13, '%', '13%', 16, 19],
      ],
    ],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
  assert.deepEqual(
    extractFigures('国内生产总值增长11.3%，高于13%的预期目标', { part: 'review' }).map((f) => [f.label, f.kind]),
    [
      ['国内生产总值增长', 'result'],
      ['国内生产总值增长', 'target'],
    ],
  );
});

test('extractFigures: offsets in code points (characters beyond the BMP count once); findFigures is UTF-16 underneath', () => {
  assert.deepEqual(full('𠀀申请12宗'), [['𠀀申请', 12, '宗', '12宗', 3, 6]]);
  assert.deepEqual(full('𠀀𠀀申请12宗，𠀀案件3件'), [
    ['𠀀𠀀申请', 12, '宗', '12宗', 4, 7],
    ['𠀀案件', 3, '件', '3件', 11, 13],
  ]);
});

test('reportFigures: the part of a chapter outside any part, from its title words or the year it names; the chapter as printed', () => {
  const text = [
    '某市2018年政府工作报告',
    '各位代表：去年新增就业11万人。',
    '一、2017年工作回顾',
    '全市新增就业12万人。',
    '二、2018年重点工作',
    '全市新增就业13万人。',
    '三、2017年的主要做法',
    '新增就业14万人。',
    '四、2018年的主要做法',
    '新增就业15万人。',
    '五、加强政府自身建设',
    '新增就业16万人以上。',
    '六、成效与不足',
    '新增就业17万人以上。',
  ].join('\n\n');
  const r = fromText(text).reports[0];
  assert.deepEqual(
    reportFigures(r).map((f) => [f.value, f.kind, f.chapter]),
    [
      [11, 'result', null],
      [12, 'result', '一、2017年工作回顾'], // 回顾: a review
      [13, 'target', '二、2018年重点工作'], // 重点工作: a plan
      [14, 'result', '三、2017年的主要做法'], // the year before the report's
      [15, 'target', '四、2018年的主要做法'], // the report's year
      [16, 'target', '五、加强政府自身建设'], // no part: 以上 makes a target
      [17, 'result', '六、成效与不足'], // 成效: a review, 以上 is approximate
    ],
  );
});

test('buildCompare diffs: an edited long clause by character, a rewritten long clause whole, a short clause by character', () => {
  const L1 = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳。';
  const L2 = `${L1.slice(0, -2)}阴。`;
  const L3 = '云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇始制文字乃服衣裳。';
  const diff = (a: string, b: string) => {
    const r = (y: number, extra: string) =>
      fromText(
        synthReport(y, [
          ['强化复议监督', TOPICS.review + extra],
          ['深化普法宣传', TOPICS.law],
        ]),
        `${y}.txt`,
      ).reports[0];
    const y16 = r(2016, a);
    const y17 = r(2017, b);
    const { model } = buildCompare(alignCorpus([y16, y17]), y17, chapter(part(y17, 'review'), 1));
    assert.ok(model);
    return ((model.rows[0] as { cells: CompareCell[] }).cells[1] as TextCell).diff;
  };
  assert.deepEqual(diff(L1, L2), [
    { op: 'equal', text: TOPICS.review + L1.slice(0, -2) },
    { op: 'delete', text: '阳' },
    { op: 'insert', text: '阴' },
    { op: 'equal', text: '。' },
  ]);
  assert.deepEqual(diff(L1, L3), [
    { op: 'equal', text: TOPICS.review },
    { op: 'delete', text: L1 },
    { op: 'insert', text: L3 },
  ]);
  assert.deepEqual(diff('短句一。', '短句二。'), [
    { op: 'equal', text: `${TOPICS.review}短句` },
    { op: 'delete', text: '一' },
    { op: 'insert', text: '二' },
    { op: 'equal', text: '。' },
  ]);
});

test('figures: the modal words of a plan, and the starts of a sentence that make a plan figure a result', () => {
  const kind = (text: string, part?: 'review' | 'plan') => extractFigures(text, part ? { part } : {}).map((f) => f.kind);
  const rows: [string, 'review' | 'plan' | undefined, string[]][] = [
    ['重要指标就业1100万人', undefined, ['result']],
    ['就业将近1100万人', undefined, ['result']],
    ['按要求就业1100万人', undefined, ['result']],
    ['需要就业1100万人', undefined, ['result']],
    ['将就业1100万人', undefined, ['target']],
    ['就业计划1100万人', undefined, ['target']],
    ['拟招聘1100万人', undefined, ['target']],
    ['确保就业1100万人', undefined, ['target']],
    ['就业1100万人的目标', undefined, ['target']],
    ['就业1100万人以内', undefined, ['target']],
    ['就业1100万人以下', undefined, ['result']],
    ['去年预期就业1100万人', undefined, ['target']],
    ['就业1100万人，力争更多', undefined, ['target']],
    ['就业1100万人，要更多', undefined, ['target']],
    ['就业1100万人的发展目标', 'review', ['target']],
    ['就业1100万人左右', 'review', ['result']],
    ['上年就业1100万人', 'plan', ['result']],
    ['过去一年就业1100万人', 'plan', ['result']],
    ['近五年就业1100万人', 'plan', ['result']],
    ['过去就业1100万人', 'plan', ['result']],
    ['2017年全国就业1100万人', 'plan', ['result']],
    ['2017年国内生产总值增长7%', 'plan', ['result']],
    ['2017年就业1100万人', 'plan', ['target']],
  ];
  for (const [text, part, expected] of rows) assert.deepEqual(kind(text, part), expected, `${text} (${part ?? 'no part'})`);
});

test('figures: every base unit is read as itself', () => {
  const units = [
    '个百分点',
    '平方米',
    '立方米',
    '千瓦',
    '公里',
    '千米',
    '公顷',
    '公斤',
    '户次',
    '艘次',
    '架次',
    '辆次',
    '‰',
    '宗',
    '项',
    '份',
    '次',
    '场',
    '家',
    '条',
    '篇',
    '所',
    '户',
    '吨',
    '亩',
    '斤',
    '倍',
    '批',
    '期',
    '起',
    '台',
    '套',
    '座',
    '类',
    '种',
    '名',
    '位',
    '支',
    '本',
    '册',
    '张',
    '辆',
    '艘',
    '架',
  ];
  for (const u of units) assert.deepEqual(full(`数量3${u}。`), [['数量', 3, u, `3${u}`, 2, 4 + u.length - 1]], u);
});

test('reportFigures: in a review part results, in a plan part targets; the sentence and the paragraph come along', () => {
  const r = fromText(synthReport(2018, [['强化复议监督', '收到申请12宗。']], [['深化改革', '新增就业13万人。']])).reports[0];
  const id = (v: number) => r.paragraphs.find((p) => p.text.includes(String(v)))?.id;
  assert.deepEqual(
    reportFigures(r).map((f) => [f.label, f.value, f.kind, f.chapter, f.sentence, f.paragraph]),
    [
      ['申请', 12, 'result', '一、强化复议监督', '收到申请12宗。', id(12)],
      ['新增就业', 13, 'target', '一、深化改革', '新增就业13万人。', id(13)],
    ],
  );
  assert.deepEqual(
    extractFigures('前言。收到申请12宗，办结10宗。后记', { paragraph: 'px' }).map((f) => [f.sentence, f.paragraph]),
    [
      ['收到申请12宗，办结10宗。', 'px'],
      ['收到申请12宗，办结10宗。', 'px'],
    ],
  );
});

test('buildCompare: a marker alone on its line takes its title; a heading running into its body is split after its punctuation; a section Compare', () => {
  const mk = (y: number, secs: string) =>
    fromText(`南海区${y}年度法治政府建设工作报告\n\n${y}年法治政府建设工作情况\n\n一、统筹推进法治政府建设\n\n${secs}\n`, `${y}.txt`).reports[0];
  const a = mk(2017, `（一）\n\n强化行政复议\n\n${TOPICS.review}\n\n（二）规范行政执法：${TOPICS.enforce}`);
  const b = mk(2018, `（一）强化行政复议。 ${TOPICS.review}\n\n（二）规范行政执法\n\n${TOPICS.enforce}`);
  const al = alignCorpus([a, b]);
  const { model } = buildCompare(al, b, chapter(part(b, 'review'), 1));
  assert.ok(model);
  const cellsOf = (m: typeof model) =>
    m.rows
      .flatMap((r) => (r.kind === 'collapsed' ? r.rows : [r]))
      .map((r) => [
        r.kind,
        ...r.cells.map((c) => (c.kind === 'text' ? [c.text.slice(0, 14), c.offset, c.score === null ? null : Math.round(c.score * 100) / 100] : null)),
      ]);
  assert.deepEqual(cellsOf(model), [
    ['section', ['（一）强化行政复议', 0, null], ['（一）强化行政复议。', 0, 1]],
    ['paragraph', ['全年共收到行政复议申请918', 0, null], ['全年共收到行政复议申请918', 11, 0.98]],
    ['section', ['（二）规范行政执法：', 0, null], ['（二）规范行政执法', 0, 1]],
    ['paragraph', ['严格规范公正文明执法，开展行', 10, null], ['严格规范公正文明执法，开展行', 0, 0.98]],
  ]);
  assert.deepEqual(
    model.figures.rows.map((r) => [r.label, r.group, r.cells.map((c) => c?.figure.value)]),
    [
      ['行政复议申请', '强化行政复议', [918, 918]],
      ['行政复议案件', '强化行政复议', [850, 850]],
      ['综合纠错率', '强化行政复议', [40.5, 40.5]],
      ['执法人员持证上岗率', '规范行政执法', [100, 100]],
    ],
  );
  // The figures of a body after its heading keep offsets in the cell's text.
  const body = (model.rows[1] as { cells: CompareCell[] }).cells[1] as TextCell;
  assert.deepEqual(body.figures[0], { start: 11, end: 15, label: '行政复议申请', value: 918, unit: '宗' });
  const s = buildCompare(al, b, chapter(part(b, 'review'), 1).children[1]).model;
  assert.ok(s);
  assert.equal(s.scope, 'section');
  assert.deepEqual(
    s.chapters.map((c) => c && [c.year, c.number, c.label, c.title, c.line, c.manual]),
    [
      [2017, 2, '（二）', '规范行政执法', 11, false],
      [2018, 2, '（二）', '规范行政执法', 9, false],
    ],
  );
  assert.deepEqual(
    s.rows.map((r) => r.kind),
    ['section', 'paragraph'],
  );
  assert.deepEqual(
    s.figures.rows.map((r) => r.label),
    ['执法人员持证上岗率'],
  );
});

test('figures: the exceptions to a unit apply right after it only; the label loop, its lengths and the sentence of the figure before', () => {
  const rows: Row[] = [
    ['人民币 later in the clause does not undo 人', '培训3人使用人民币', [['培训', 3, '人', '3人', 2, 4]]],
    ['支持 later in the clause does not undo 支', '组建3支队伍支持', [['', 3, '支', '3支', 2, 4]]],
    ['来 later in the clause does not undo 起', '查处3起案件来源', [['查处', 3, '起', '3起', 2, 4]]],
    [
      '增速 is a name, not a verb to borrow a subject',
      '工业增加值增长6%，增速8%',
      [
        ['工业增加值增长', 6, '%', '6%', 7, 9],
        ['增速', 8, '%', '8%', 12, 14],
      ],
    ],
    ['座 left by an ordinal goes', '第3座桥梁通车5座', [['桥梁通车', 5, '座', '5座', 7, 9]]],
    ['艘 left by an ordinal goes', '第3艘船舶下水5艘', [['船舶下水', 5, '艘', '5艘', 7, 9]]],
    ['本 left by an ordinal goes', '第3本书籍出版5本', [['书籍出版', 5, '本', '5本', 7, 9]]],
    ['册 left by an ordinal goes', '第3册教材印发5册', [['教材印发', 5, '册', '5册', 7, 9]]],
    [
      '以上 left by the figure before goes',
      '新增100家以上企业就业3万人',
      [
        ['', 100, '家', '100家', 2, 6],
        ['企业就业', 3, '万人', '3万人', 12, 15],
      ],
    ],
    ['a second pass: 收到 goes, then 全年', '收到全年申请12宗', [['申请', 12, '宗', '12宗', 6, 9]]],
    ['14 characters are not cut at 的', '甲乙丙丁戊己庚的行政复议申请12宗', [['甲乙丙丁戊己庚的行政复议申请', 12, '宗', '12宗', 14, 17]]],
    ['15 characters are cut at 的', '甲乙丙丁戊己庚辛的行政复议申请12宗', [['行政复议申请', 12, '宗', '12宗', 15, 18]]],
    ['18 characters are kept', '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未12宗', [['甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未', 12, '宗', '12宗', 18, 21]]],
    ['19 characters are too long', '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申12宗', [['', 12, '宗', '12宗', 19, 22]]],
    [
      'a verb-only clause borrows nothing from the sentence before',
      '行政复议申请12宗。增长5%',
      [
        ['行政复议申请', 12, '宗', '12宗', 6, 9],
        ['', 5, '%', '5%', 12, 14],
      ],
    ],
    ['the change verb after the figure joins its label', '工业保持40%以上增长', [['工业增长', 40, '%', '40%', 4, 7]]],
    ['not twice', '工业增长40%以上增长', [['工业增长', 40, '%', '40%', 4, 7]]],
    ['a lone high surrogate counts as one unit', '\ud840申请12宗', [['\ud840申请', 12, '宗', '12宗', 3, 6]]],
    ['a pair with the last low surrogate counts once', '\u{203FF}申请12宗', [['\u{203FF}申请', 12, '宗', '12宗', 3, 6]]],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
  const kind = (text: string) => extractFigures(text, { part: 'review' }).map((f) => f.kind);
  assert.deepEqual(kind('就业1100万人超过目标'), ['result'], '目标 not right after the figure');
  assert.deepEqual(kind('就业1100万人目标'), ['target'], '目标 right after the figure, without 的');
});

test('figureTable: a year with no match is null; onlyIn says paragraph or paragraphs', () => {
  const t = figureTable([2016, 2017, 2018], [{ name: 'g', byYear: new Map([[2017, [fig(2017, '申请', 1)]]]) }]);
  assert.deepEqual(t.rows[0].cells, [null, { figure: fig(2017, '申请', 1), change: null }, null]);
  assert.equal(ENGLISH_LABELS.onlyIn(1, 2016), 'only in 2016 · 1 paragraph');
  assert.equal(ENGLISH_LABELS.onlyIn(2, 2016), 'only in 2016 · 2 paragraphs');
  assert.equal(ENGLISH_LABELS.noCounterpart(2016), 'No counterpart in 2016');
});

test('reportFigures: a figure in a chapter heading belongs to that chapter', () => {
  const r = fromText(['某市2018年政府工作报告', '一、2017年新增就业12万人', '全市新增就业13万人。'].join('\n\n')).reports[0];
  assert.deepEqual(
    reportFigures(r).map((f) => [f.value, f.chapter]),
    [
      [12, '一、2017年新增就业12万人'],
      [13, '一、2017年新增就业12万人'],
    ],
  );
});

test('figures: each exception to a unit applies right after it only; full-width digit bounds; time words left by a number', () => {
  const rows: Row[] = [
    ['条例 later', '建成3条道路条例', [['', 3, '条', '3条', 2, 4]]],
    ['期间 later', '举办3期培训期间', [['', 3, '期', '3期', 2, 4]]],
    ['名单 later', '表彰3名干部名单', [['', 3, '名', '3名', 2, 4]]],
    ['本年 later', '印发3本手册本年', [['', 3, '本', '3本', 2, 4]]],
    ['座谈 later', '建成3座场馆座谈', [['', 3, '座', '3座', 2, 4]]],
    ['家庭 later', '新增3家企业家庭', [['', 3, '家', '3家', 2, 4]]],
    ['所有 later', '新建3所学校所有', [['', 3, '所', '3所', 2, 4]]],
    ['增 later', '提高3倍以上增', [['', 3, '倍', '3倍', 2, 4]]],
    ['０ and ９ are digits', '受理０９件', [['受理', 9, '件', '０９件', 2, 5]]],
    ['个小时 left by a number goes', '用了3个小时办结案件5件', [['案件', 5, '件', '5件', 10, 12]]],
    ['月份 left by a number goes', '3月份受理案件5件', [['案件', 5, '件', '5件', 7, 9]]],
    ['亿 alone at the end of the text', '人口13亿', [['人口', 13, '亿', '13亿', 2, 5]]],
    ['亿 alone before 多', '人口13亿多', [['人口', 13, '亿', '13亿', 2, 5]]],
    ['亿 before another word is no figure', '人口13亿年', []],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: names with letters and digits, quotes and parentheses; the noun after a measure word; units left by an ordinal', () => {
  const rows: Row[] = [
    ['a comma of an ordinal list is stripped in full', '、、申请12宗', [['申请', 12, '宗', '12宗', 4, 7]]],
    [
      'only a leading 和/与 goes after a number',
      '12宗申请与复议5宗',
      [
        ['', 12, '宗', '12宗', 0, 3],
        ['申请与复议', 5, '宗', '5宗', 8, 10],
      ],
    ],
    ['quotes go', '“放管服”改革事项12项', [['放管服改革事项', 12, '项', '12项', 9, 12]]],
    ['5G is a name, not a number', '新建5G基站3万个', [['新建5G基站', 3, '万个', '3万个', 6, 9]]],
    ['ASCII parentheses are left out too', '细颗粒物(PM2.5)年均浓度下降3%', [['细颗粒物年均浓度下降', 3, '%', '3%', 17, 19]]],
    ['a parenthesis that opens before the clause ends it', 'PM2.5）浓度下降3%', [['浓度下降', 3, '%', '3%', 10, 12]]],
    ['万元 inside a label makes it a fragment', '投资万元以上项目资金12亿元', [['', 12, '亿元', '12亿元', 10, 14]]],
    ['a verb goes unless what is left starts with 率', '办理案件结案率95%', [['案件结案率', 95, '%', '95%', 7, 10]]],
    ['a noun must start with a Chinese character', '新设12个A类试点。', [['新设', 12, '个', '12个', 2, 5]]],
    ['万 inside the noun is kept', '新设12个示范万人小区。', [['示范万人小区', 12, '个', '12个', 2, 5]]],
    ['和 inside the noun is kept', '新设12个社区和学校。', [['社区和学校', 12, '个', '12个', 2, 5]]],
    ['the noun stops at 、', '新设12个社区、学校。', [['社区', 12, '个', '12个', 2, 5]]],
    ['辆 left by an ordinal goes', '第3辆车辆上路5辆', [['车辆上路', 5, '辆', '5辆', 7, 9]]],
    ['架 left by an ordinal goes', '第3架飞机起飞5架', [['飞机起飞', 5, '架', '5架', 7, 9]]],
    ['名 left by an ordinal goes', '第3名选手获奖5名', [['选手获奖', 5, '名', '5名', 7, 9]]],
    ['位 left by an ordinal goes', '第3位代表发言5位', [['代表发言', 5, '位', '5位', 7, 9]]],
    ['支 left by an ordinal goes', '第3支队伍出征5支', [['队伍出征', 5, '支', '5支', 7, 9]]],
    ['张 left by an ordinal goes', '第3张证书发放5张', [['证书发放', 5, '张', '5张', 7, 9]]],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
  assert.deepEqual(
    extractFigures('力争就业1100万人', { part: 'review' }).map((f) => f.kind),
    ['target'],
    '力争 in the clause wins over the review part',
  );
  assert.deepEqual(
    extractFigures('就业1100万人，符合预期目标').map((f) => f.kind),
    ['target'],
    '预期目标 in the sentence',
  );
  assert.equal(figureLabel('2017年结余案件'), '结余案件');
  assert.equal(figureLabel('3个月试点'), '试点');
});

test('figures: every measure word takes the noun after it; a unit that is no measure word does not', () => {
  const measures = [
    '个',
    '项',
    '家',
    '所',
    '座',
    '批',
    '类',
    '种',
    '条',
    '件',
    '宗',
    '份',
    '篇',
    '场',
    '台',
    '套',
    '辆',
    '艘',
    '架',
    '名',
    '位',
    '支',
    '本',
    '册',
    '张',
  ];
  for (const u of measures) assert.deepEqual(full(`改造旧厂3${u}新型设施。`), [['新型设施', 3, u, `3${u}`, 4, 6]], u);
  assert.deepEqual(full('改造旧厂3吨新型设施。'), [['改造旧厂', 3, '吨', '3吨', 4, 6]], '吨');
});
