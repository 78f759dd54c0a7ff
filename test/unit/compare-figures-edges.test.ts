/**
 * More edge rows for the mutation testing of src/core/compare (issue #12), beside compare-edges.test.ts:
 * exact inputs and outputs for the rules of figures.ts (numbers, clauses, labels, kinds, offsets, the
 * part of a report's paragraphs, the figures table) and compare.ts, each row named for the slip it catches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignCorpus } from '../../src/core/align/index.ts';
import {
  buildCompare,
  type CompareCell,
  extractFigures,
  figureLabel,
  figureTable,
  labelSimilarity,
  type PlacedFigure,
  reportFigures,
  sameHead,
  type TextCell,
} from '../../src/core/compare/index.ts';
import { synthReport, TOPICS } from './alignHelpers.ts';
import { chapter, fromText, part } from './helpers.ts';

type Row = [why: string, text: string, expected: [label: string, value: number, unit: string, printed: string, start: number, end: number][]];

const full = (text: string, part?: 'review' | 'plan') =>
  extractFigures(text, part ? { part } : {}).map((f) => [f.label, f.value, f.unit, f.text, f.start, f.end]);
/** The labels of a text's figures, in order. */
const labelsOf = (text: string) => full(text).map((f) => String(f[0]));
const kinds = (text: string, part?: 'review' | 'plan') => extractFigures(text, part ? { part } : {}).map((f) => [f.label, f.kind]);

test('figures: the runs of digits, separators and points that make one number, or none', () => {
  const rows: Row[] = [
    ['a full-width colon is no digit', '行政复议申请：918宗', [['', 918, '宗', '918宗', 7, 11]]],
    ['a comma after a number and a unit word after it make no figure', '受理案件12，件件办结。', []],
    ['a list marker 3. before a unit word is no decimal', '3.人才引进成效明显', []],
    ['groups of three, then a group of two: three numbers, not one', '收到申请1,234,56件', [['', 56, '件', '56件', 10, 13]]],
    ['the sign stays with the first group only', '收入-1,2345元', [['', 2345, '元', '2345元', 5, 10]]],
    ['a first group of more than three digits is no group', '收到申请12345,678件', [['', 678, '件', '678件', 10, 14]]],
    ['a first group of exactly three digits is a group', '收到申请123,456件', [['申请', 123456, '件', '123,456件', 4, 12]]],
    [
      'an open quote with no close quote near the figure: still a figure',
      '“坚持每年新增就业12万人以上的长期目标任务不动摇”',
      [['坚持每年新增就业', 12, '万人', '12万人', 9, 13]],
    ],
    [
      'an ordinal far from the start of a long text is still an ordinal',
      '第3批国家级农业产业化重点龙头企业名单公布，新增企业12家',
      [['新增企业', 12, '家', '12家', 26, 29]],
    ],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: the clause before a figure, its parentheses and what a number leaves at its start', () => {
  const rows: Row[] = [
    ['two parentheses in a row are both left out', '城镇调查失业率（全国）（年均）控制在5.5%', [['城镇调查失业率', 5.5, '%', '5.5%', 18, 22]]],
    [
      '余 after a number goes with its figure (more than 3,000 家), and the next clause starts after the unit',
      '全市3000余家企业新增就业5万人',
      [
        ['', 3000, '家', '3000余家', 2, 8],
        ['企业新增就业', 5, '万人', '5万人', 14, 17],
      ],
    ],
    ['a name with a point and a digit (PM2.5) is kept', '全市PM2.5平均浓度下降8%', [['PM2.5平均浓度下降', 8, '%', '8%', 13, 15]]],
    [
      'a one-character label is no label',
      '全年供水12亿立方米，气3亿立方米',
      [
        ['供水', 12, '亿立方米', '12亿立方米', 4, 10],
        ['', 3, '亿立方米', '3亿立方米', 12, 17],
      ],
    ],
    ['a noun that starts with 和 keeps it (和美乡村, not 美乡村)', '创建12个和美乡村示范村。', [['和美乡村示范村', 12, '个', '12个', 2, 5]]],
    ['和谐 likewise', '创建5个和谐社区。', [['和谐社区', 5, '个', '5个', 2, 4]]],
    ['及以上 after the figure: the conjunction goes, no noun', '新建3个及以上示范区。', [['', 3, '个', '3个', 2, 4]]],
    ['a noun of exactly 12 characters after a measure word', '新设12个跨境电子商务综合试验园区。', [['跨境电子商务综合试验园区', 12, '个', '12个', 2, 5]]],
    [
      'a clause running past 12 characters is cut at its predicate: the noun before it is what is counted',
      '新设12个跨境电子商务综合试验区正式获批运营。',
      [['跨境电子商务综合试验区', 12, '个', '12个', 2, 5]],
    ],
    [
      'a clause running past 12 characters with no predicate in reach is no noun',
      '出席省政府任命的38名国家工作人员宪法宣誓仪式并监誓。',
      [['', 38, '名', '38名', 8, 11]],
    ],
    [
      'a long label that ends in a verb is not cut to nothing',
      '全区各级行政机关行政诉讼一审案件审结120件',
      [['各级行政机关行政诉讼一审案件审结', 120, '件', '120件', 18, 22]],
    ],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
  assert.equal(figureLabel('收入稳定，年度预算'), '年度预算', 'a clause after a comma is not after a number: 年度 stays');
  assert.equal(figureLabel('3年度预算'), '预算', 'right after a number 年度 goes');
});

test('figures: labels borrowed from the figure before, and the ones that are not', () => {
  const rows: Row[] = [
    [
      'a share needs a %: a count after a count is not its share',
      '接待来访群众1200人次，300人次',
      [
        ['来访群众', 1200, '人次', '1200人次', 6, 12],
        ['', 300, '人次', '300人次', 13, 18],
      ],
    ],
    [
      'a new level after a comma does not take the label',
      '补助标准由30万元，提高到50万元',
      [
        ['补助标准', 30, '万元', '30万元', 5, 9],
        ['', 50, '万元', '50万元', 13, 17],
      ],
    ],
    [
      'a new level with 今年的 takes the label',
      '补助由30万元提高到今年的50万元',
      [
        ['补助', 30, '万元', '30万元', 3, 7],
        ['补助', 50, '万元', '50万元', 13, 17],
      ],
    ],
    [
      'a new level with 今年 and no 的 takes the label',
      '补助由30万元提高到今年50万元',
      [
        ['补助', 30, '万元', '30万元', 3, 7],
        ['补助', 50, '万元', '50万元', 12, 16],
      ],
    ],
    [
      'a comparison with a space after the comma still takes the label of the figure before',
      '国内生产总值增长6.9%， 高于6.5%左右的预期目标',
      [
        ['国内生产总值增长', 6.9, '%', '6.9%', 8, 12],
        ['国内生产总值增长', 6.5, '%', '6.5%', 16, 20],
      ],
    ],
    ['a comparison with no figure before it takes no label', '全年经济增长，低于7%左右的预期目标', [['', 7, '%', '7%', 9, 11]]],
    [
      'a comparison with a degree (明显低于) takes the label of the figure before, not 明显 (fixed)',
      '国内生产总值增长11.3%，明显低于13%左右的预期目标',
      [
        ['国内生产总值增长', 11.3, '%', '11.3%', 8, 13],
        ['国内生产总值增长', 13, '%', '13%', 18, 21],
      ],
    ],
    [
      'a comparison with 远超过 and 以上的预期目标',
      '城镇新增就业1300万人，远超过1100万人以上的预期目标',
      [
        ['城镇新增就业', 1300, '万人', '1300万人', 6, 12],
        ['城镇新增就业', 1100, '万人', '1100万人', 16, 22],
      ],
    ],
    [
      'a clause that starts with 的 right after a figure names nothing of its own',
      '去年新增就业12万人的基础上今年全市城镇新增就业人数3万人',
      [
        ['新增就业', 12, '万人', '12万人', 6, 10],
        ['', 3, '万人', '3万人', 26, 29],
      ],
    ],
    [
      '转为 inside a label is no verb-only clause',
      '居民消费价格上涨2%，工业生产者出厂价格转为下降1%',
      [
        ['居民消费价格上涨', 2, '%', '2%', 8, 10],
        ['工业生产者出厂价格转为下降', 1, '%', '1%', 24, 26],
      ],
    ],
    [
      '的 inside a clause right after a figure does not empty the label',
      '共审结行政复议案件900宗其中维持的528宗',
      [
        ['', 900, '宗', '900宗', 9, 13],
        ['维持', 528, '宗', '528宗', 18, 22],
      ],
    ],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: the change verb after a figure joins its label only right after it', () => {
  const rows: Row[] = [
    ['增长 right after the figure, with a word after it', '规模以上工业增加值保持6%增长态势', [['规模以上工业增加值增长', 6, '%', '6%', 11, 13]]],
    ['增长 further on in the clause does not', '农村居民人均可支配收入2.1万元快速增长', [['农村居民人均可支配收入', 2.1, '万元', '2.1万元', 11, 16]]],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: kinds from words after the figure, only right after it', () => {
  const rows: [string, string, 'review' | 'plan' | undefined, [string, string][]][] = [
    ['以上 further on in the clause is no minimum', '全年培训3000人次县处级以上干部', undefined, [['培训', 'result']]],
    [
      'a stray closing parenthesis ends the clause: 力争 before it is not in the clause',
      '力争）空气优良天数比例达到85%',
      'review',
      [['空气优良天数比例', 'result']],
    ],
    ['a parenthesis at the start of the sentence is part of the clause', '（力争）粮食产量达到1.3万亿斤', 'review', [['粮食产量', 'target']]],
  ];
  for (const [why, text, part, expected] of rows) assert.deepEqual(kinds(text, part), expected, why);
});

test('figures: offsets in code points around characters beyond the BMP and broken surrogates', () => {
  const rows: Row[] = [
    ['a pair right after the figure does not move its end', '审结12宗𠀀', [['审结', 12, '宗', '12宗', 2, 5]]],
    ['a lone low surrogate after a character is one unit', '申\udc00请12宗', [['申\udc00请', 12, '宗', '12宗', 3, 6]]],
    ['two lone low surrogates are two units', '申\udc00\udc0012宗', [['申\udc00\udc00', 12, '宗', '12宗', 3, 6]]],
    ['a lone high surrogate before a full-width comma is one unit', '\ud840，申请12宗', [['申请', 12, '宗', '12宗', 4, 7]]],
    ['the first pair of the astral planes (U+10000) counts once', '\u{10000}申请12宗', [['\u{10000}申请', 12, '宗', '12宗', 3, 6]]],
    ['the last pair (U+10FFFF) counts once', '\u{10FFFF}申请12宗', [['\u{10FFFF}申请', 12, '宗', '12宗', 3, 6]]],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: the sentence is trimmed, and the paragraph is empty when none is given', () => {
  const [f] = extractFigures('　　全年共收到行政复议申请918宗。 ');
  assert.deepEqual([f.label, f.sentence, f.paragraph, f.start, f.end], ['行政复议申请', '全年共收到行政复议申请918宗。', '', 13, 17]);
});

const fig = (year: number, label: string, value: number, unit = '宗'): PlacedFigure => ({
  year,
  label,
  value,
  unit,
  kind: 'result',
  sentence: '',
  paragraph: '',
  text: `${value}${unit}`,
  start: 0,
  end: 0,
  paragraphId: `p${year}`,
});

test('sameHead and labelSimilarity: one way is enough; the head is the last two characters', () => {
  const rows: [string, string, string, boolean][] = [
    ['the head of the first is in the second, not the other way', '全年总申请', '复议申请数', true],
    ['the head of the second is in the first, not the other way', '复议申请数', '全年总申请', true],
    ['a shorter label whose head is in the other', '申请', '行政复议申请量', true],
    ['no head in common', '行政复议申请', '行政诉讼案件', false],
  ];
  for (const [why, a, b, expected] of rows) assert.equal(sameHead(a, b), expected, why);
  assert.equal(labelSimilarity('纠错率', '改错率'), 0.5);
});

test('figureTable: the threshold is inclusive; the same head below it is no match; ties go to the first row and the first figure', () => {
  const table = (years: number[], byYear: [number, PlacedFigure[]][]) =>
    figureTable(years, [{ name: 'g', byYear: new Map(byYear) }]).rows.map((r) => [
      r.label,
      r.cells.map((c) => (c ? [c.figure.value, c.change?.absolute ?? null] : null)),
    ]);
  assert.deepEqual(
    table(
      [2016, 2017],
      [
        [2016, [fig(2016, '纠错率', 10, '%')]],
        [2017, [fig(2017, '改错率', 12, '%')]],
      ],
    ),
    [
      [
        '纠错率',
        [
          [10, null],
          [12, 2],
        ],
      ],
    ],
    'a similarity of exactly 0.5 matches',
  );
  assert.deepEqual(
    table(
      [2016, 2017],
      [
        [2016, [fig(2016, '申请', 10)]],
        [2017, [fig(2017, '行政复议申请', 12)]],
      ],
    ),
    [
      ['申请', [[10, null], null]],
      ['行政复议申请', [null, [12, null]]],
    ],
    'the same head with a similarity below 0.5 is no match',
  );
  assert.deepEqual(
    table(
      [2016, 2017],
      [
        [2016, [fig(2016, '申请', 1), fig(2016, '申请', 2)]],
        [2017, [fig(2017, '申请', 7)]],
      ],
    ),
    [
      [
        '申请',
        [
          [1, null],
          [7, 6],
        ],
      ],
      ['申请', [[2, null], null]],
    ],
    'two rows equally good: the first row takes the figure',
  );
  assert.deepEqual(
    table(
      [2016, 2017],
      [
        [2016, [fig(2016, '申请', 1)]],
        [2017, [fig(2017, '申请', 5), fig(2017, '申请', 6)]],
      ],
    ),
    [
      [
        '申请',
        [
          [1, null],
          [5, 4],
        ],
      ],
      ['申请', [null, [6, null]]],
    ],
    'two figures equally good: the first figure continues the row',
  );
  assert.deepEqual(
    table([2017, 2017], [[2017, [fig(2017, '申请', 1)]]]),
    [
      ['申请', [[1, null], null]],
      ['申请', [[1, null], null]],
    ],
    'a figure never continues a row of its own year (a year given twice)',
  );
});

test('reportFigures: a chapter in a part takes the part, whatever its title says; a part with sections right under it and no chapter stands for one (partAsChapter)', () => {
  const doc = (...lines: string[]) => fromText(['某区2018年度法治政府建设工作报告', ...lines].join('\n\n')).reports[0];
  const got = (r: ReturnType<typeof doc>) => reportFigures(r).map((f) => [f.label, f.value, f.kind, f.chapter]);
  assert.deepEqual(got(doc('2018年法治政府建设工作情况', '一、2019年重点工作部署', '收到申请12宗。', '2019年工作计划', '一、工作回顾', '新增就业13万人。')), [
    ['申请', 12, 'result', '一、2019年重点工作部署'],
    ['新增就业', 13, 'target', '一、工作回顾'],
  ]);
  assert.deepEqual(got(doc('2018年法治政府建设工作情况', '（一）强化复议监督', '收到申请12宗。', '2019年工作计划', '（一）深化改革', '新增就业13万人。')), [
    ['申请', 12, 'result', '2018年法治政府建设工作情况'],
    ['新增就业', 13, 'target', '2019年工作计划'],
  ]);
});

test('reportFigures: a paragraph in a part but in no chapter takes the part, up to the part’s last line; a plan part with no chapter is its chapter too', () => {
  const r = fromText(
    [
      '某区2018年度法治政府建设工作报告',
      '2018年法治政府建设工作情况',
      '综合纠错率40%左右。',
      '一、强化复议',
      '收到申请13宗。',
      '2019年工作计划',
      '新增就业14万人。',
    ].join('\n\n'),
  ).reports[0];
  assert.deepEqual(
    r.outline.map((n) => [n.kind, n.partKind, n.line, n.endLine]),
    [
      ['part', 'review', 3, 9],
      ['part', 'plan', 11, 13],
    ],
  );
  assert.deepEqual(
    reportFigures(r).map((f) => [f.label, f.value, f.kind, f.chapter]),
    [
      ['综合纠错率', 40, 'result', null], // 左右 in a review: an approximate result
      ['申请', 13, 'result', '一、强化复议'],
      ['新增就业', 14, 'target', '2019年工作计划'], // on the plan part's last line; the part has no chapter, so it stands for one
    ],
  );
});

test('reportFigures: the part of a chapter outside any part, from plan words with no year, a year with a space, a report with no year; a preface is in no part', () => {
  const got = (...lines: string[]) => reportFigures(fromText(lines.join('\n\n')).reports[0]).map((f) => [f.value, f.kind, f.chapter]);
  assert.deepEqual(
    got(
      '某市2018年政府工作报告',
      '一、今后工作安排',
      '新增就业13万人。',
      '二、2017 年的主要做法',
      '新增就业14万人左右。',
      '三、2017年的主要做法',
      '新增就业15万人左右。',
    ),
    [
      [13, 'target', '一、今后工作安排'], // 安排 with no year: a plan
      [14, 'result', '二、2017年的主要做法'], // 2017 年, a space before 年: the year before the report's (titled without the space)
      [15, 'result', '三、2017年的主要做法'], // a review: 左右 is an approximate result
    ],
  );
  assert.deepEqual(
    got('某市政府工作报告', '一、2017年的主要做法', '新增就业14万人。'),
    [[14, 'result', '一、2017年的主要做法']],
    'no year of the report: the year in a title says nothing',
  );
  assert.deepEqual(got('某区2018年度法治政府建设工作报告', '新增就业9万人左右。', '2018年法治政府建设工作情况', '收到申请13宗。'), [
    [9, 'target', null], // before the first part: no part, 左右 is a target
    [13, 'result', '2018年法治政府建设工作情况'], // a review part with no chapter stands for one
  ]);
});

// buildCompare (compare.ts): rows, columns and figures of small synthetic series.
type Model = NonNullable<ReturnType<typeof buildCompare>['model']>;
const columns = (m: Model | null) => m?.chapters.map((c) => c && [c.year, `${c.label}${c.title}`, c.manual]);
const cells = (m: Model | null) =>
  m?.rows
    .flatMap((r) => (r.kind === 'collapsed' ? r.rows : [r]))
    .map((r) => [
      r.kind,
      ...r.cells.map((c: CompareCell) =>
        c.kind === 'none' ? null : [c.text.slice(0, 8), c.figures.map((f) => f.value), c.diff?.map((d) => [d.op, d.text]) ?? null],
      ),
    ]);
const figureRows = (m: Model | null) => m?.figures.rows.map((r) => [r.label, r.kind, r.group, r.cells.map((c) => c?.figure.value ?? null)]);
const report = (y: number, review: [string, string][], plan: [string, string][] = []) => fromText(synthReport(y, review, plan), `${y}.txt`).reports[0];

test('buildCompare: opened from the oldest year it walks forward, across a gap too; the years shown need not include it', () => {
  const jobs = (n: number) => `新增就业${n}万人，城镇调查失业率5.5%左右。`;
  const y16 = report(
    2016,
    [
      ['强化复议监督', TOPICS.review.replace('918', '597')],
      ['深化普法宣传', TOPICS.law],
      ['建设信用体系', TOPICS.credit],
    ],
    [['深化改革', jobs(13)]],
  );
  const y17 = report(
    2017,
    [
      ['强化复议监督', TOPICS.review.replace('918', '700')],
      ['深化普法宣传', TOPICS.law],
    ],
    [['深化改革', jobs(14)]],
  );
  const y18 = report(
    2018,
    [
      ['强化复议监督', TOPICS.review],
      ['深化普法宣传', TOPICS.law],
      ['建设信用体系', TOPICS.credit.replace('12万', '15万')],
    ],
    [['深化改革', jobs(15)]],
  );
  const al = alignCorpus([y16, y17, y18]);
  const first = buildCompare(al, y16, chapter(part(y16, 'review'), 1)).model;
  assert.deepEqual(columns(first), [
    [2016, '一、强化复议监督', false],
    [2017, '一、强化复议监督', false],
    [2018, '一、强化复议监督', false],
  ]);
  assert.deepEqual(figureRows(first)?.[0], ['行政复议申请', 'result', '', [597, 700, 918]]);
  const later = buildCompare(al, y16, chapter(part(y16, 'review'), 1), { years: [2017, 2018] }).model;
  assert.deepEqual(columns(later), [
    [2017, '一、强化复议监督', false],
    [2018, '一、强化复议监督', false],
  ]);
  assert.deepEqual(figureRows(later)?.[0], ['行政复议申请', 'result', '', [700, 918]]);
  const gap = buildCompare(al, y16, chapter(part(y16, 'review'), 3)).model;
  assert.deepEqual(columns(gap), [[2016, '三、建设信用体系', false], null, [2018, '三、建设信用体系', false]]);
  assert.deepEqual(figureRows(gap), [['企业信用信息', 'result', '', [12, null, 15]]]);
  // A plan chapter's figures are targets, read with the chapter's part.
  const plan = buildCompare(al, y18, chapter(part(y18, 'plan'), 1)).model;
  assert.deepEqual(figureRows(plan), [
    ['新增就业', 'target', '', [13, 14, 15]],
    ['城镇调查失业率', 'target', '', [5.5, 5.5, 5.5]],
  ]);
});

test('buildCompare: paragraphs in the newest year’s order, a figure at the start of a paragraph, a long clause rewritten, a chain in no shown year left out', () => {
  const L1 = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳';
  const L3 = '云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇始制文字乃服衣裳';
  const P1 = '深入开展普法宣传教育，举办法治讲座120场。';
  const P2 = '1.2万家企业获得补助资金3亿元，惠及职工5万人。';
  const P3 = '建设社会信用体系，归集企业信用信息12万条。';
  const edited = `${L1.slice(0, 30)}${L3.slice(0, 30)}。`;
  const r = (y: number, body: string[]) =>
    report(y, [
      ['强化复议监督', TOPICS.review],
      ['深化普法宣传', body.join('\n\n')],
    ]);
  const y16 = r(2016, [P1, P2, `${L1}。`]);
  const y17 = r(2017, [P2, P3, P1, edited]);
  const y18 = r(2018, [P2, P1, `${L1}。`]);
  const al = alignCorpus([y16, y17, y18]);
  const all = buildCompare(al, y17, chapter(part(y17, 'review'), 2)).model;
  assert.deepEqual(cells(all), [
    ['paragraph', ['1.2万家企业获', [1.2, 3, 5], null], ['1.2万家企业获', [1.2, 3, 5], [['equal', P2]]], ['1.2万家企业获', [1.2, 3, 5], [['equal', P2]]]],
    ['paragraph', null, ['建设社会信用体系', [12], null], null],
    ['paragraph', ['深入开展普法宣传', [120], null], ['深入开展普法宣传', [120], [['equal', P1]]], ['深入开展普法宣传', [120], [['equal', P1]]]],
    [
      'paragraph',
      ['甲乙丙丁戊己庚辛', [], null],
      // Half of a long clause rewritten: more than a character diff should show, so the clause is replaced whole.
      [
        '甲乙丙丁戊己庚辛',
        [],
        [
          ['delete', `${L1}。`],
          ['insert', edited],
        ],
      ],
      [
        '甲乙丙丁戊己庚辛',
        [],
        [
          ['delete', edited],
          ['insert', `${L1}。`],
        ],
      ],
    ],
  ]);
  const ends = buildCompare(al, y17, chapter(part(y17, 'review'), 2), { years: [2016, 2018] }).model;
  assert.deepEqual(
    cells(ends)?.map((row) => row.slice(0, 2)),
    [
      ['paragraph', ['1.2万家企业获', [1.2, 3, 5], null]],
      ['paragraph', ['深入开展普法宣传', [120], null]],
      ['paragraph', ['甲乙丙丁戊己庚辛', [], null]],
    ],
    'the paragraph of 2017 alone has no row when 2017 is not shown',
  );
});

test('buildCompare of a section: no loose paragraphs of its chapter, no column where the chapter lacks the section; a section of a year not shown has no row', () => {
  const LOOSE = '坚持依法行政，加快建设法治政府，全年召开常务会议24次。';
  const mk = (y: number, secs: string) =>
    fromText(`南海区${y}年度法治政府建设工作报告\n\n${y}年法治政府建设工作情况\n\n一、统筹推进法治政府建设\n\n${LOOSE}\n\n${secs}\n`, `${y}.txt`).reports[0];
  const s16 = mk(2016, `（一）强化行政复议\n\n${TOPICS.review}\n\n（二）规范行政执法\n\n${TOPICS.enforce}`);
  const s17 = mk(2017, `（一）强化行政复议\n\n${TOPICS.review}\n\n（三）建设信用体系\n\n${TOPICS.credit}`);
  const s18 = mk(2018, `（一）强化行政复议\n\n${TOPICS.review}\n\n（二）规范行政执法\n\n${TOPICS.enforce}`);
  const al = alignCorpus([s16, s17, s18]);
  const ch = chapter(part(s18, 'review'), 1);
  const sec = buildCompare(al, s18, ch.children[1]).model;
  assert.deepEqual(columns(sec), [[2016, '（二）规范行政执法', false], null, [2018, '（二）规范行政执法', false]]);
  assert.deepEqual(
    cells(sec)?.map((r) => [r[0], ...r.slice(1).map((c) => (c ? c[0] : null))]),
    [
      ['section', '（二）规范行政执', null, '（二）规范行政执'],
      ['paragraph', '严格规范公正文明', null, '严格规范公正文明'],
    ],
  );
  const ends = buildCompare(al, s18, ch, { years: [2016, 2018] }).model;
  assert.deepEqual(
    cells(ends)?.map((r) => [r[0], ...r.slice(1).map((c) => (c ? c[0] : null))]),
    [
      ['paragraph', '坚持依法行政，加', '坚持依法行政，加'],
      ['section', '（一）强化行政复', '（一）强化行政复'],
      ['paragraph', '全年共收到行政复', '全年共收到行政复'],
      ['section', '（二）规范行政执', '（二）规范行政执'],
      ['paragraph', '严格规范公正文明', '严格规范公正文明'],
    ],
    '（三） of 2017 alone has no row when 2017 is not shown',
  );
});

test('buildCompare of a section linked by hand: both columns are marked manual, from either end', () => {
  const mk = (y: number, secs: string) =>
    fromText(`南海区${y}年度法治政府建设工作报告\n\n${y}年法治政府建设工作情况\n\n一、统筹推进法治政府建设\n\n${secs}\n`, `${y}.txt`).reports[0];
  const a = mk(2016, `（一）强化行政复议\n\n${TOPICS.review}\n\n（二）规范行政执法\n\n${TOPICS.enforce}`);
  const b = mk(2017, `（一）深化普法宣传\n\n${TOPICS.law}\n\n（二）规范行政执法\n\n${TOPICS.enforce}`);
  const key = alignCorpus([a, b]).series[0].key;
  const al = alignCorpus([a, b], {
    manual: [{ series: key, kind: 'section', year: 2017, heading: '（一）深化普法宣传', otherYear: 2016, counterpart: '（一）强化行政复议' }],
  });
  const expected = [
    [2016, '（一）强化行政复议', true],
    [2017, '（一）深化普法宣传', true],
  ];
  assert.deepEqual(columns(buildCompare(al, b, chapter(part(b, 'review'), 1).children[0]).model), expected);
  assert.deepEqual(columns(buildCompare(al, a, chapter(part(a, 'review'), 1).children[0]).model), expected);
  assert.deepEqual(columns(buildCompare(al, b, chapter(part(b, 'review'), 1).children[1]).model), [
    [2016, '（二）规范行政执法', false],
    [2017, '（二）规范行政执法', false],
  ]);
});

test('buildCompare: a chapter split into two the next year keeps its second section, found in the other chapter', () => {
  const head = (y: number) =>
    `南海区${y}年度法治政府建设工作报告\n\n${y}年法治政府建设工作情况\n\n一、统筹推进法治政府建设\n\n（一）强化行政复议\n\n${TOPICS.review}\n\n`;
  const a = fromText(`${head(2016)}（二）规范行政执法\n\n${TOPICS.enforce}\n`, '2016.txt').reports[0];
  const b = fromText(`${head(2017)}二、严格规范公正文明执法\n\n（一）规范行政执法\n\n${TOPICS.enforce}\n`, '2017.txt').reports[0];
  const model = buildCompare(alignCorpus([a, b]), a, chapter(part(a, 'review'), 1)).model;
  assert.deepEqual(
    cells(model)?.map((r) => [r[0], ...r.slice(1).map((c) => (c ? c[0] : null))]),
    [
      ['section', '（一）强化行政复', '（一）强化行政复'],
      ['paragraph', '全年共收到行政复', '全年共收到行政复'],
      ['section', '（二）规范行政执', '（一）规范行政执'],
      ['paragraph', '严格规范公正文明', '严格规范公正文明'],
    ],
  );
});

test('buildCompare: a paragraph that starts with a colon (left by a broken line) is shown whole, its colon in the diff', () => {
  const mk = (y: number, n: number) =>
    fromText(
      `南海区${y}年度法治政府建设工作报告\n\n${y}年法治政府建设工作情况\n\n一、统筹推进法治政府建设\n\n：坚持依法行政，全年召开常务会议${n}次。\n\n（一）强化行政复议\n\n：${TOPICS.review}\n`,
      `${y}.txt`,
    ).reports[0];
  const a = mk(2016, 24);
  const b = mk(2017, 26);
  const model = buildCompare(alignCorpus([a, b]), b, chapter(part(b, 'review'), 1)).model;
  const texts = model?.rows.map((r) => (r.kind === 'collapsed' ? null : r.cells.map((c) => c.kind === 'text' && [c.text.slice(0, 6), c.offset])));
  assert.deepEqual(texts, [
    [
      ['：坚持依法行', 0],
      ['：坚持依法行', 0],
    ],
    [
      ['（一）强化行', 0],
      ['（一）强化行', 0],
    ],
    [
      ['：全年共收到', 0],
      ['：全年共收到', 0],
    ],
  ]);
  const loose = model?.rows[0].kind === 'paragraph' ? (model.rows[0].cells[1] as TextCell).diff : null;
  assert.deepEqual(loose, [
    { op: 'equal', text: '：坚持依法行政，全年召开常务会议2' },
    { op: 'delete', text: '4' },
    { op: 'insert', text: '6' },
    { op: 'equal', text: '次。' },
  ]);
});

test('figures: every time word left at the start of a clause by a number goes, not only its first character', () => {
  const words = [
    '个工作日',
    '个季度',
    '个星期',
    '季度',
    '年度',
    '年底',
    '年末',
    '月底',
    '月末',
    '工作日',
    '小时',
    '人民币',
    '年',
    '月',
    '日',
    '号',
    '底',
    '季',
    '天',
    '周',
  ];
  for (const w of words) assert.deepEqual(full(`用时3${w}审结案件5件`), [['案件', 5, '件', '5件', 7 + w.length, 9 + w.length]], w);
});

test('figures: a list marker of two numerals, a label left starting with 的, a share right after its figure, a verb-only 压减', () => {
  const rows: Row[] = [
    ['十二、 goes as a whole', '十二、收到申请918宗', [['申请', 918, '宗', '918宗', 7, 11]]],
    ['a label that starts with 的 is a fragment, however long', '2018年的城镇居民人均可支配收入增长8%', [['', 8, '%', '8%', 19, 21]]],
    [
      '占 right after the figure, no comma: its share',
      '税收收入12亿元占35%',
      [
        ['税收收入', 12, '亿元', '12亿元', 4, 8],
        ['税收收入占比', 35, '%', '35%', 9, 12],
      ],
    ],
    [
      '压减 alone borrows the subject',
      '煤炭消费量下降3%，压减2%',
      [
        ['煤炭消费量下降', 3, '%', '3%', 7, 9],
        ['煤炭消费量压减', 2, '%', '2%', 12, 14],
      ],
    ],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('reportFigures: a figure in a section heading is read', () => {
  const r = fromText(
    ['某区2018年度法治政府建设工作报告', '2018年法治政府建设工作情况', '一、强化复议监督', '（一）全年受理行政复议申请918宗', '依法审理。'].join('\n\n'),
  ).reports[0];
  assert.deepEqual(
    r.paragraphs.map((p) => p.role),
    ['part', 'chapter', 'section', 'body'],
  );
  assert.deepEqual(
    reportFigures(r).map((f) => [f.label, f.value, f.chapter]),
    [['行政复议申请', 918, '一、强化复议监督']],
  );
});

test('figures as statistical communiqués print them: a space before the unit, 余 and 多, 增产 and 减产, livestock and compound units, spaced-out digits', () => {
  const rows: Row[] = [
    ['a space before the unit (a PDF’s text)', '全年粮食产量186378.2 吨', [['粮食产量', 186378.2, '吨', '186378.2 吨', 6, 16]]],
    [
      '…and before %',
      '猪肉产量4500吨，增长36.4 %',
      [
        ['猪肉产量', 4500, '吨', '4500吨', 4, 9],
        ['猪肉产量增长', 36.4, '%', '36.4 %', 12, 18],
      ],
    ],
    ['余 and a unit of two characters', '培训干部2500余人次', [['干部', 2500, '人次', '2500余人次', 4, 11]]],
    ['多 before a scale', '城镇新增就业700多万人', [['城镇新增就业', 700, '万人', '700多万人', 6, 12]]],
    [
      '增产 is a change: the growth is the output’s',
      '粮食总产量49.12万吨，增产4.27%',
      [
        ['粮食总产量', 49.12, '万吨', '49.12万吨', 5, 12],
        ['粮食总产量增产', 4.27, '%', '4.27%', 15, 20],
      ],
    ],
    [
      'head of livestock and birds',
      '生猪出栏117万头，家禽出栏653.54万羽',
      [
        ['生猪出栏', 117, '万头', '117万头', 4, 9],
        ['家禽出栏', 653.54, '万羽', '653.54万羽', 14, 22],
      ],
    ],
    ['logs of mushrooms', '发展食用菌110万棒', [['发展食用菌', 110, '万棒', '110万棒', 5, 10]]],
    ['a compound unit is one unit', '旅客周转量831.1亿人公里', [['旅客周转量', 831.1, '亿人公里', '831.1亿人公里', 5, 14]]],
    ['the last digit of a number spaced out digit by digit is no figure', '国内生产总值达到7 4 7 7 2 亿元', []],
    ['第 with a space is still an ordinal', '第 3 条规定', []],
    ['a table’s or a chart’s number is no figure', '表 3 人口主要构成情况', []],
    ['…nor a chart’s', '图 1 人口自然增长率', []],
    ['…nor a note’s number at a line’s start', '2 人均地区生产总值按年平均常住人口计算。', []],
    [
      'one digit and a space before a number is a footnote’s mark: the number is the figure',
      '全年全县实现地区生产总值1 612.3亿元',
      [['', 612.3, '亿元', '612.3亿元', 14, 21]],
    ],
    ['1+3 is a name', '推进1+3多元解纷机制建设', []],
    ['头雁 is no head of livestock', '培育3头雁示范带头人', []],
    ['头部 is no head of livestock', '培育10头部企业', []],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: a share is its part’s (占生产总值的比重 after the part’s figure, or with it); a footnote’s mark between label and number is left out', () => {
  const rows: Row[] = [
    [
      'a share after its part’s figures takes the part',
      '第一产业增加值29446万元，增长0.7%，占生产总值的比重为2.8%',
      [
        ['第一产业增加值', 29446, '万元', '29446万元', 7, 14],
        ['第一产业增加值增长', 0.7, '%', '0.7%', 17, 21],
        ['第一产业增加值占生产总值比重', 2.8, '%', '2.8%', 31, 35],
      ],
    ],
    ['a share with its part, never cut at its 的', '第一产业增加值占生产总值的比重为4.3%', [['第一产业增加值占生产总值比重', 4.3, '%', '4.3%', 16, 20]]],
    [
      'a share of people',
      '男生144994人，占总人口的53%',
      [
        ['男生', 144994, '人', '144994人', 2, 9],
        ['男生占总人口', 53, '%', '53%', 15, 18],
      ],
    ],
    [
      'a long share keeps its part and whole',
      '战略性新兴产业增加值占规上工业增加值的比重达到34.6%',
      [['战略性新兴产业增加值占规上工业增加值比重', 34.6, '%', '34.6%', 23, 28]],
    ],
    ['a footnote’s mark', '全县生产总值[2]61.9亿元', [['生产总值', 61.9, '亿元', '61.9亿元', 9, 15]]],
  ];
  for (const [why, text, expected] of rows) assert.deepEqual(full(text), expected, why);
});

test('figures: what a share is not (a review pass’s attacks): 占地, 占用, a share after a rate or of a target; a sign + before a change leaves the figure', () => {
  const labels = (text: string) => full(text).map((f) => [f[0], f[1]]);
  assert.deepEqual(labels('总投资50亿元、占地面积300亩的锂电池产业园开工建设'), [
    ['总投资', 50],
    ['占地面积', 300],
  ]);
  assert.deepEqual(labels('新建改建农村公路300公里，占用耕地50亩'), [
    ['新建改建农村公路', 300],
    ['占用耕地', 50],
  ]);
  assert.deepEqual(labels('森林面积300万亩，森林覆盖率65%，占全市森林面积的比重为30%')[2], ['占全市森林面积的比重', 30]);
  assert.deepEqual(labels('城镇登记失业率3.1%，占全年目标任务的120%')[1], ['占全年目标任务', 120]);
  assert.deepEqual(
    labels('全市地区生产总值同比+5.2%').map((f) => f[1]),
    [5.2],
  );
});

test('figures of a text in traditional characters are read as its simplified copy (億元, 萬噸, 增長), at the same offsets', () => {
  const text = '全年實現地區生產總值134.87億元，比上年增長9.0%。全年糧食產量30萬噸。';
  assert.deepEqual(full(text), [
    ['地区生产总值', 134.87, '亿元', '134.87亿元', 10, 18],
    ['地区生产总值增长', 9, '%', '9.0%', 24, 28],
    ['粮食产量', 30, '万吨', '30万吨', 35, 39],
  ]);
  assert.equal(text.slice(10, 18), '134.87億元');
});

test('figures: changes since the year’s end or start (比上年末增加, 比年初提高), 新增 and 多增 borrow the subject; a communiqué’s units of air, energy and poultry', () => {
  const labels = (text: string) => full(text).map((f) => [f[0], f[1], f[2]]);
  assert.deepEqual(labels('年末常住人口2119.2万人，比上年末增加24.5万人'), [
    ['常住人口', 2119.2, '万人'],
    ['常住人口增加', 24.5, '万人'],
  ]);
  assert.deepEqual(labels('全年城镇新增就业3184人，比上年多增108人')[1], ['城镇新增就业多增', 108, '人']);
  assert.deepEqual(labels('年末户籍人口273393人，比上年新增1547人')[1], ['户籍人口新增', 1547, '人']);
  assert.deepEqual(labels('存款余额比年初增加120亿元')[0], ['存款余额增加', 120, '亿元']);
  assert.deepEqual(labels('能源消费总量达540.8万吨标准煤')[0], ['能源消费', 540.8, '万吨标准煤']);
  assert.deepEqual(labels('细颗粒物平均浓度47微克/立方米')[0], ['细颗粒物平均浓度', 47, '微克/立方米']);
  assert.deepEqual(labels('年末家禽存栏51313百羽')[0], ['家禽存栏', 51313, '百羽']);
  assert.deepEqual(labels('城镇登记失业率比上年下降0.75个千分点')[0], ['城镇登记失业率下降', 0.75, '个千分点']);
});

test('figures (a third review pass’s attacks): 新增 names the noun after it, 零下 is no plus, 参与年初 is no comparison, 千分点 is 个千分点, 於 of a place name stays', () => {
  const labels = (text: string) => full(text).map((f) => [f[0], f[1], f[2]]);
  assert.deepEqual(labels('粮食产量达到1500万吨，新增100万亩高标准农田。')[1], ['高标准农田', 100, '万亩']);
  assert.deepEqual(labels('常住人口城镇化率65%，新增1.5万人落户城镇。')[1], ['落户城镇', 1.5, '万人']);
  assert.deepEqual(labels('各项存款余额4万亿元，新增4000亿元')[1], ['各项存款余额新增', 4000, '亿元']);
  assert.deepEqual(labels('冬季最低气温零下5℃'), []);
  assert.deepEqual(labels('参与年初开工的重点项目120个'), [['参与年初开工的重点项目', 120, '个']]);
  assert.deepEqual(labels('下降0.3千分点')[0][2], '个千分点');
  assert.deepEqual(labels('於潜镇新建农村公路15公里'), [['於潜镇新建农村公路', 15, '公里']]);
});

test('figures: 扣除价格因素 before 分别 takes the subjects of the list before; computing power in P and PFlops (not P2P)', () => {
  const labels = (text: string) => full(text).map((f) => [f[0], f[1], f[2]]);
  assert.deepEqual(labels('城镇、农村居民人均可支配收入分别增长4.5%和6.1%，扣除价格因素分别实际增长4.2%和5.8%。').slice(2), [
    ['城镇居民人均可支配收入实际增长', 4.2, '%'],
    ['农村居民人均可支配收入实际增长', 5.8, '%'],
  ]);
  assert.deepEqual(labels('居民人均消费支出25000元，增长5.1%，扣除价格因素实际增长4.8%。')[2], ['居民人均消费支出实际增长', 4.8, '%']);
  // 安徽 2025: 智能算力1.6万P、增长130% (the P was the change's label).
  assert.deepEqual(labels('智能算力1.6万P、增长130%'), [
    ['智能算力', 1.6, '万P'],
    ['智能算力增长', 130, '%'],
  ]);
  assert.deepEqual(labels('智能算力达到120PFLOPS')[0], ['智能算力', 120, 'PFlops']);
  assert.deepEqual(labels('建成P2P平台3个'), [['P2P平台', 3, '个']]);
});

test('figures (an eighth pass over communiqués): lists cut at the right 和, spaced lists, a verb a value, a measure of the sectors before, a share named again, 两年平均 and 可比价, a communiqué’s figures all results', () => {
  const labels = (text: string) => full(text).map((f) => [f[0], f[1], f[2]]);
  // 和 inside a name (其他用品及服务类, 交通运输仓储和邮政业): the later conjunction cuts the list, 和 before 及.
  assert.deepEqual(
    labels('衣着、交通通讯业和其他用品及服务类价格分别上涨3.1、2.1和1.0个百分点。').map((l) => l[0]),
    ['衣着价格上涨', '交通通讯业价格上涨', '其他用品及服务类价格上涨'],
  );
  assert.deepEqual(
    labels('交通运输仓储和邮政业、金融业和营利性服务业增加值分别增长-4.8%、6.8%、6.1%。').map((l) => l[0]),
    ['交通运输仓储和邮政业增加值增长', '金融业增加值增长', '营利性服务业增加值增长'],
  );
  // An industry's own 和 is never a cut: five names, six values (the source lost one) stay unlabelled.
  assert.deepEqual(
    labels(
      '酒饮料和精制茶制造业、非金属矿采选业、电力热力生产和供应业、木材加工和木竹藤棕草制品业、有色金属冶炼和压延加工业分别增长24.7%、23.5%、14.8%、11.0%、7.2%、7.1%。',
    ).map((l) => l[0]),
    ['', '', '', '', '', ''],
  );
  // A space before 和 in the values (12.3 和14): every value is found and labelled.
  assert.deepEqual(
    labels('其中菜及食用菌类、水产品、蛋类、干鲜瓜果类分别上涨了6.7、8.4、12.3 和14个百分点。').map((l) => [l[0], l[1]]),
    [
      ['菜及食用菌类上涨', 6.7],
      ['水产品上涨', 8.4],
      ['蛋类上涨', 12.3],
      ['干鲜瓜果类上涨', 14],
    ],
  );
  // Each value with its own verb.
  assert.deepEqual(
    labels('第一、二、三产业增加值占地区生产总值的比重分别比上年上升0.1、上升0.4、下降0.5个百分点。').map((l) => l[0]),
    ['第一产业增加值占地区生产总值比重上升', '第二产业增加值占地区生产总值比重上升', '第三产业增加值占地区生产总值比重下降'],
  );
  // A measure with no subjects after a list of the sectors.
  assert.deepEqual(
    labels('三次产业占GDP比重分别为16.8%、41.7%、41.5%,经济增长贡献率分别为34.6%、4.3%、61.1%。')
      .slice(3)
      .map((l) => l[0]),
    ['第一产业经济增长贡献率', '第二产业经济增长贡献率', '第三产业经济增长贡献率'],
  );
  assert.deepEqual(labels('十大生态产业增加值占地区生产总值的比重为38.2%,比重较上年提升5.5个百分点。')[1][0], '十大生态产业增加值占地区生产总值比重提升');
  assert.deepEqual(labels('全县地区生产总值120亿元，比上年增长8%,两年平均增长6%。')[2][0], '地区生产总值两年平均增长');
  assert.deepEqual(labels('全县农林牧渔业增加值69.68亿元,可比价增长5.1%。')[1][0], '农林牧渔业增加值增长');
});

test('figures: a communiqué’s chapters are the year past, so 控制在…以内 there is a result (a work report’s plan keeps it a target)', () => {
  const communique = fromText('2023年某县国民经济和社会发展统计公报\n\n一、综合\n\n年末城镇登记失业率控制在4%以内。\n').reports[0];
  assert.equal(communique.type, '国民经济和社会发展统计公报');
  assert.deepEqual(
    reportFigures(communique).map((f) => [f.label, f.kind]),
    [['城镇登记失业率', 'result']],
  );
  const plan = fromText('某县2024年政府工作报告\n\n各位代表：\n\n一、2024年工作安排\n\n城镇登记失业率控制在4%以内。\n').reports[0];
  assert.deepEqual(
    reportFigures(plan).map((f) => [f.label, f.kind]),
    [['城镇登记失业率', 'target']],
  );
  // Outside any chapter (a page whose headings ran into its text), a communiqué still reports the year past.
  const headless = fromText('2023年某县国民经济和社会发展统计公报\n\n城镇登记失业人员1198人，城镇登记失业率为2.75%，均控制在计划目标范围内。\n').reports[0];
  assert.deepEqual(
    reportFigures(headless).map((f) => f.kind),
    ['result', 'result'],
  );
  // But a forecast of a later year is a target there: 预计2024年, 预计明年; an estimate of the year itself is a result.
  const forecast = fromText(
    '2023年某县国民经济和社会发展统计公报\n\n一、综合\n\n全年地区生产总值增长5.2%，预计2024年地区生产总值增长6%左右。预计2023年全年财政收入增长3%。预计明年粮食产量增长1%。\n',
  ).reports[0];
  assert.deepEqual(
    reportFigures(forecast).map((f) => [f.label, f.kind]),
    [
      ['地区生产总值增长', 'result'],
      ['地区生产总值增长', 'target'],
      ['财政收入增长', 'result'],
      ['粮食产量增长', 'target'],
    ],
  );
});

test('figures (a review of the eighth pass): a measure after other subjects is not theirs, a value’s own 下降 after 上涨, the price index’s and the industries’ names with 和 and 、', () => {
  assert.deepEqual(labelsOf('全县小学、初中学龄儿童入学率分别为100%和99.9%，巩固率分别为99.8%和98.5%。'), ['小学入学率', '初中学龄儿童入学率', '', '']);
  assert.deepEqual(labelsOf('食品和非食品价格分别上涨2.1%、下降0.3%。'), ['食品价格上涨', '非食品价格下降']);
  assert.deepEqual(labelsOf('医疗保健和其他用品和服务价格分别上涨1.5%和2.6%。'), ['医疗保健价格上涨', '其他用品和服务价格上涨']);
  assert.deepEqual(labelsOf('规模以上工业中，农副食品加工业、纺织业和计算机、通信和其他电子设备制造业增加值分别增长5.1%、3.2%和12.4%。'), [
    '农副食品加工业增加值增长',
    '纺织业增加值增长',
    '计算机、通信和其他电子设备制造业增加值增长',
  ]);
  // A share of the subjects before is theirs, whole; the sectors a ratio named take a measure of their own.
  assert.deepEqual(labelsOf('高技术制造业、装备制造业增加值分别增长12.5%、13.1%，占规模以上工业比重分别提高到21.7%、33.6%。').slice(2), [
    '高技术制造业增加值占规模以上工业比重',
    '装备制造业增加值占规模以上工业比重',
  ]);
  assert.deepEqual(labelsOf('三次产业结构调整为 8.3:35.4:56.3,对GDP增长的贡献率分别为7.4%、33.4%和59.2%。').slice(3), [
    '第一产业对GDP增长的贡献率',
    '第二产业对GDP增长的贡献率',
    '第三产业对GDP增长的贡献率',
  ]);
});

test('figures: an amount that qualifies a noun (5000万元以上产业项目, 营收1亿元以上企业) is a threshold, no figure; counts and shares with 以上 stay', () => {
  const labels = (text: string) => full(text).map((f) => [f[0], f[1], f[2]]);
  assert.deepEqual(labels('新签约5000万元以上产业项目947个。'), [['产业项目', 947, '个']]);
  assert.deepEqual(labels('500万元以上固定资产投资完成39.73亿元。'), [['固定资产投资', 39.73, '亿元']]);
  assert.deepEqual(
    labels('推进200个以上重大项目建设。').map((l) => l[1]),
    [200],
  );
  assert.deepEqual(
    labels('推动80%以上省级产业类科技计划项目由企业牵头。').map((l) => l[1]),
    [80],
  );
  assert.deepEqual(
    labels('完成投资30亿元以上。').map((l) => l[1]),
    [30],
  );
});

test('figures (communiqués no one had read, 2026-11-30): ages, 平均为, run-in heads, contributions, a share’s change, the level a change reached, a ratio’s sentence', () => {
  // An age is part of a name (0-17周岁人口, 60岁及以上), not a number that ends the clause.
  assert.deepEqual(labelsOf('0-17周岁人口65669人,占24.0%。60岁及以上人口1000人。'), ['0-17周岁人口', '0-17周岁人口占比', '60岁及以上人口']);
  // 平均为 is no 平 + 均为.
  assert.deepEqual(labelsOf('全年城镇调查失业率平均为5.4%。'), ['城镇调查失业率']);
  // A run-in head whose bold was lost (粮食 全年…), not a noun of a head that names it (金融机构年末…, 工业全年实现增加值).
  assert.deepEqual(labelsOf('粮食全年农作物播种面积324.3万亩,比上年增长3.6%。人口年末常住人口94.9万人。国民经济全年实现地区生产总值439.19亿元。'), [
    '农作物播种面积',
    '农作物播种面积增长',
    '常住人口',
    '地区生产总值',
  ]);
  assert.deepEqual(labelsOf('金融机构年末各项存款余额100亿元。'), ['金融机构年末各项存款余额']);
  // A contribution to growth is one name, by sector too (第一、二、三产业, the NBS's own words).
  assert.deepEqual(labelsOf('第一、二、三产业对地区生产总值增长的贡献率分别为8.7%、45.7%和45.6%。'), [
    '第一产业对地区生产总值增长的贡献率',
    '第二产业对地区生产总值增长的贡献率',
    '第三产业对地区生产总值增长的贡献率',
  ]);
  // A share's change keeps its subject; the level a change reached is its subject's (2004's national report).
  assert.deepEqual(labelsOf('与上年比,第一产业占地区生产总值的比重上升3.82个百分点。'), ['第一产业占地区生产总值比重上升']);
  assert.deepEqual(labelsOf('国内生产总值比上年增长9.1%，达到11.67万亿元。'), ['国内生产总值增长', '国内生产总值']);
  // A plan's 要 in the sentence before a ratio is not the ratio's: the sectors' shares stay results outside a part.
  assert.deepEqual(
    kinds('坚决落实疫情要防住、经济要稳住的要求,实现了总体平衡。三次产业结构比为6.9:40.1:53.0。').map((f) => f[1]),
    ['result', 'result', 'result'],
  );
});

test('figures (a review of the ninth pass): a run-in head is the subject of a measure alone, ages with a dash, shares of an age group, no unit, schools’ measures, a caption’s unit', () => {
  assert.deepEqual(labelsOf('粮食全年总产量达到52.3万吨。农业全年实现增加值为30.5亿元。粮食全年播种面积52.3万亩。旅游全年接待游客520万人次。'), [
    '粮食总产量',
    '农业增加值',
    '粮食播种面积',
    '接待游客',
  ]);
  assert.deepEqual(labelsOf('从年龄构成看，16—59岁劳动年龄人口86481万人，占全国人口的比重为61.3%。0—14岁[3]人口为253383938人。'), [
    '16—59岁劳动年龄人口',
    '16—59岁劳动年龄人口占全国人口比重',
    '0—14岁人口',
  ]);
  assert.deepEqual(labelsOf('其中65岁及以上人口占常住人口的比重为15.3%。'), ['65岁及以上人口占常住人口比重']);
  // A sex ratio, an index, a coefficient with no unit: figures whose unit is ''; a ratio's terms (104.2:100) are none.
  assert.deepEqual(
    full('全市常住人口性别比(以女性为100,男性对女性的比例)为102.08。居民消费价格指数为101.5。基尼系数为0.46。男女性别比为104.2:100。').map((f) => [
      f[0],
      f[1],
      f[2],
    ]),
    [
      ['常住人口性别比', 102.08, ''],
      ['居民消费价格指数', 101.5, ''],
      ['基尼系数', 0.46, ''],
    ],
  );
  // A school's 在校学生 and 招生 are its own, not a measure's after another (招生在校学生).
  assert.deepEqual(labelsOf('普通中学38所,在校学生2.95万人,其中高中9所,在校学生1.23万人。普通高中招生34952人,在校学生103181人。'), [
    '普通中学',
    '普通中学在校学生',
    '高中',
    '高中在校学生',
    '普通高中招生',
    '普通高中在校学生',
  ]);
  // Compound units (台件, 批次): the unit whole, the label kept.
  assert.deepEqual(
    full('强制检定计量器具3100台件,重点工业产品质量监督抽查50批次。').map((f) => [f[0], f[2]]),
    [
      ['强制检定计量器具', '台件'],
      ['重点工业产品质量监督抽查', '批次'],
    ],
  );
  // A table's caption run into the text: its unit is no part of the label.
  assert.deepEqual(labelsOf('表1 2019年人口数及其构成 单位:人 全年全县城镇新增就业5394人。表2 居民消费价格比上年涨幅 单位:% 全年全县财政总收入222827万元。'), [
    '城镇新增就业',
    '财政总收入',
  ]);
});

test('figures (a second review): a school’s or a hospital’s measure only an institution’s; no unit only where the number ends its clause', () => {
  assert.deepEqual(labelsOf('全年研究生教育招生130.2万人，在学研究生388.3万人，毕业生101.5万人。'), ['研究生教育招生', '在学研究生', '毕业生']);
  assert.deepEqual(labelsOf('卫生技术人员4200人，注册护士1900人；床位3100张。养老机构120家，床位8000张。'), [
    '卫生技术人员',
    '注册护士',
    '床位',
    '养老机构',
    '养老机构床位',
  ]);
  // No figure: a year after 指数为, an index's base, a specification followed by 的.
  assert.deepEqual(labelsOf('我市营商环境便利度指数为2019年以来最好水平。按可比价格计算（以上年价格指数为100）。建成安全系数为1.5的堤防。'), []);
  // A caption's 单位 is left out only when what follows it is a unit.
  assert.deepEqual(labelsOf('主办单位：县委 宣传部门组织活动45场。'), ['县委宣传部门组织活动']);
});

test('figures (a third review): institutions by any name, a caption’s unit from the units, 规模以上 indices and an index with its base after it', () => {
  assert.deepEqual(labelsOf('全国共有救助管理站1891个,床位9.7万张。年末共有在蓉高校65所,在校学生116.4万人。'), [
    '救助管理站',
    '救助管理站床位',
    '在蓉高校',
    '在蓉高校在校学生',
  ]);
  assert.deepEqual(labelsOf('表5 2023年主要能源产品产量 单位：万千瓦 年末全市发电装机容量568.2万千瓦。'), ['发电装机容量']);
  assert.deepEqual(labelsOf('全年规模以上工业经济效益综合指数为245.6。居民消费价格指数为102.1（上年为100）。'), [
    '规模以上工业经济效益综合指数',
    '居民消费价格指数',
  ]);
});

test('figures (older communiqués): a sector’s contribution and pull after its own figures, a comparison’s year before the change', () => {
  assert.deepEqual(
    labelsOf('第一产业增加值37.70亿元,增长3.2%,对GDP增长的贡献率为0.7%;第二产业增加值800亿元,增长10%,拉动经济增长7.9个百分点。').filter((l) =>
      /贡献率|拉动/.test(l),
    ),
    ['第一产业对GDP增长的贡献率', '第二产业拉动经济增长'],
  );
  assert.deepEqual(labelsOf('第二产业对经济增长的贡献率为57.7%,拉动经济增长7.9个百分点。'), ['第二产业对经济增长的贡献率', '第二产业拉动经济增长']);
  assert.deepEqual(labelsOf('居民消费价格总水平比2005年上涨1.6%。'), ['居民消费价格总水平上涨']);
});

test('figures: a chapter on 今年 is a plan in a work report only; in a 法治 report it is the year reviewed, and a work report’s lessons of its year are neither', () => {
  const kindsOf = (text: string) => reportFigures(fromText(text).reports[0]).map((f) => f.kind);
  assert.deepEqual(kindsOf('某市2023年法治政府建设情况报告\n\n一、今年工作开展的主要做法\n\n全年办理行政复议案件120件。\n'), ['result']);
  assert.deepEqual(
    kindsOf('某县2003年政府工作报告\n\n各位代表：\n\n一、过去一年工作回顾\n\n全年粮食产量10万吨。\n\n二、对今年政府工作的建议\n\n新增就业5000人。\n'),
    ['result', 'target'],
  );
  assert.deepEqual(kindsOf('某县2022年政府工作报告\n\n各位代表：\n\n一、今年工作的基本经验\n\n全年新增就业5000人。\n'), ['result']);
});
