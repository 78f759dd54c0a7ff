import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFigures, figureLabel, figureTable, labelSimilarity, LABEL_THRESHOLD, sameHead, type PlacedFigure } from '../../src/core/compare/index.ts';

const brief = (text: string) => extractFigures(text).map((f) => [f.label, f.value, f.unit]);

test('figures: the number, its unit and the label in front of it', () => {
  assert.deepEqual(brief('全年共收到行政复议申请918宗，综合纠错率40.5%，出具法律意见304份。'), [
    ['行政复议申请', 918, '宗'],
    ['综合纠错率', 40.5, '%'],
    ['法律意见', 304, '份'],
  ]);
});

test('figures: full-width digits, decimals, 万 and 亿, 万元, 人次, 个百分点, ％', () => {
  assert.deepEqual(brief('受理行政复议案件１２３件，投入资金3486.57万元，培育企业1.2万家'), [
    ['行政复议案件', 123, '件'],
    ['资金', 3486.57, '万元'],
    ['企业', 12000, '家'],
  ]);
  assert.deepEqual(brief('参训人员达2.5万人次，财政收入3亿元，纠错率提高2个百分点，覆盖率95％'), [
    ['参训人员', 25000, '人次'],
    ['财政收入', 3, '亿元'],
    ['纠错率', 2, '个百分点'],
    ['覆盖率', 95, '%'],
  ]);
});

test('figures: offsets point at the printed figure', () => {
  const text = '其中复议决定维持333宗，撤销17宗。';
  for (const f of extractFigures(text)) assert.equal(text.slice(f.start, f.end), f.text);
  assert.deepEqual(brief(text), [
    ['复议决定维持', 333, '宗'],
    ['撤销', 17, '宗'],
  ]);
});

test('figures: years, dates, list markers, codes and bare numbers are not figures', () => {
  assert.deepEqual(brief('截至2016年11月22日，按照2016—2018年行动计划，审查规范性文件61件'), [['规范性文件', 61, '件']]);
  assert.deepEqual(brief('第1、编号A12件'), []);
  assert.deepEqual(brief('GB2312'), []);
  assert.deepEqual(extractFigures(''), []);
});

test('figures: a label stops at punctuation and sheds verbs and fillers (共, 达, 为, 同比增长)', () => {
  assert.equal(figureLabel('全年共收到行政复议申请'), '行政复议申请');
  assert.equal(figureLabel('一、行政诉讼案件数量同比增长'), '行政诉讼案件数量');
  assert.equal(figureLabel('网上办事率达到'), '网上办事率');
  assert.equal(figureLabel('比上年增长'), '');
  assert.ok(labelSimilarity('行政复议申请', '行政复议申请') === 1);
  assert.ok(labelSimilarity('行政复议申请', '全年行政复议申请') > 0.7);
  assert.ok(labelSimilarity('行政复议申请', '法律意见') === 0);
});

test('the figures table matches labels across years, same unit only, with the change', () => {
  const f = (year: number, label: string, value: number, unit: string): PlacedFigure => ({
    year,
    label,
    value,
    unit,
    text: '',
    start: 0,
    end: 0,
    paragraphId: `p${year}`,
  });
  const t = figureTable(
    [2016, 2017, 2018],
    [
      {
        name: '(一)行政复议',
        byYear: new Map([
          [2016, [f(2016, '行政复议申请', 597, '宗'), f(2016, '综合纠错率', 27.8, '%')]],
          [2017, [f(2017, '行政复议申请', 700, '宗'), f(2017, '综合纠错率', 26.6, '%'), f(2017, '法律意见', 300, '份')]],
          [2018, [f(2018, '全年行政复议申请', 918, '宗'), f(2018, '综合纠错率', 40.5, '%'), f(2018, '行政复议申请', 50, '%')]],
        ]),
      },
    ],
  );
  const row = (label: string, unit: string) => t.rows.find((r) => r.label === label && r.unit === unit)!;
  const apps = row('行政复议申请', '宗');
  assert.deepEqual(
    apps.cells.map((c) => c?.figure.value),
    [597, 700, 918],
  );
  assert.deepEqual(apps.cells[1]?.change, { absolute: 103, percent: 17.25 });
  assert.deepEqual(apps.cells[2]?.change, { absolute: 218, percent: 31.14 });
  const rate = row('综合纠错率', '%');
  assert.deepEqual(rate.cells[2]?.change, { absolute: 13.9, percent: null }); // percentage points, no ratio
  // The % figure labelled 行政复议申请 does not join the 宗 row; 法律意见 starts its own row.
  assert.equal(row('行政复议申请', '%').cells[2]?.figure.value, 50);
  assert.deepEqual(
    row('法律意见', '份').cells.map((c) => c?.figure.value ?? null),
    [null, 300, null],
  );
});

test('figures: a run-on clause is cut after its last filler, verb or 的; a longer one or a lone function word gets no label', () => {
  // The section heading runs into its body with no punctuation (Nanhai 2018).
  assert.deepEqual(brief('(一)充分发挥行政复议化解行政争议的主渠道作用全年共收到行政复议申请918宗'), [['行政复议申请', 918, '宗']]);
  assert.equal(figureLabel('代理以区政府为被告的行政应诉案件'), '行政应诉案件');
  assert.equal(figureLabel('持续发挥人民调解的职能优势调处民间纠纷'), '民间纠纷');
  assert.equal(figureLabel('标准化工作列入广东省现代服务业先进标准体系试点项目全区'), '');
  assert.equal(figureLabel('稳步推进行政复议简易程序试点工作，对'), '');
  // Short labels are not cut: 不予受理 keeps its verb, 行政复议告知 stays itself.
  assert.equal(figureLabel('、不予受理'), '不予受理');
  assert.equal(figureLabel('、行政复议告知'), '行政复议告知');
});

test('figures: the label starts after the figure before it, less a date or unit left by its number', () => {
  assert.deepEqual(brief('共组织8次对75宗案件进行集中审查'), [
    ['组织', 8, '次'],
    ['', 75, '宗'],
  ]);
  assert.deepEqual(brief('全年共办结案件908宗(含2017年结余案件80宗'), [
    ['案件', 908, '宗'],
    ['结余案件', 80, '宗'],
  ]);
  assert.equal(figureLabel('2017年底共完成审计项目'), '审计项目');
});

test("figures: an unlabelled share after a labelled figure is that figure's share (占比)", () => {
  assert.deepEqual(brief('复议决定维持的528宗，占58.2%；终止319宗，占35.1%；合计占比5.4%'), [
    ['复议决定维持', 528, '宗'],
    ['复议决定维持占比', 58.2, '%'],
    ['终止', 319, '宗'],
    ['终止占比', 35.1, '%'],
    ['占比', 5.4, '%'],
  ]);
  assert.deepEqual(brief('复议决定维持333宗,70.1%'), [
    ['复议决定维持', 333, '宗'],
    ['复议决定维持占比', 70.1, '%'],
  ]);
  // Not after an unlabelled figure, and not when other words stand between.
  assert.deepEqual(brief('对14宗，占1.3%'), [
    ['', 14, '宗'],
    ['', 1.3, '%'],
  ]);
});

test('the figures table: labels whose heads differ are not the same row, however similar (申请 / 告知)', () => {
  assert.ok(labelSimilarity('行政复议申请', '行政复议告知') >= LABEL_THRESHOLD);
  assert.equal(sameHead('行政复议申请', '行政复议告知'), false);
  assert.equal(sameHead('行政复议申请', '全年行政复议申请'), true);
  const f = (year: number, label: string, value: number): PlacedFigure => ({
    year,
    label,
    value,
    unit: '宗',
    text: '',
    start: 0,
    end: 0,
    paragraphId: `p${year}`,
  });
  const t = figureTable(
    [2017, 2018],
    [
      {
        name: '',
        byYear: new Map([
          [2017, [f(2017, '行政复议申请', 700)]],
          [2018, [f(2018, '行政复议告知', 4)]],
        ]),
      },
    ],
  );
  assert.deepEqual(
    t.rows.map((r) => [r.label, r.cells.map((c) => c?.figure.value ?? null)]),
    [
      ['行政复议申请', [700, null]],
      ['行政复议告知', [null, 4]],
    ],
  );
});

test('figures: a sign makes a negative number, unless it follows a digit (a range); the sign is never in a label', () => {
  assert.deepEqual(brief('财政赤字-3.2%'), [['财政赤字', -3.2, '%']]);
  assert.deepEqual(brief('增速为－0.5个百分点，增幅为−1.5%'), [
    ['增速', -0.5, '个百分点'],
    ['增幅', -1.5, '%'],
  ]);
  const [f] = extractFigures('增速为－0.5个百分点');
  assert.equal(f.text, '－0.5个百分点');
  // A dash after a number, with or without its unit, is a range: its end is not a negative figure.
  assert.deepEqual(brief('按照2016-2018年规划，2016－2018年共审查3-5个、3－5个、3万－5万人'), []);
  assert.deepEqual(brief('国内生产总值增长6%－6.5%；'), [['国内生产总值', 6, '%']]);
  assert.equal(figureLabel('增长－'), '');
});

test('figures: thousands separators, but not a list of numbers', () => {
  assert.deepEqual(brief('共接待群众1,234人次'), [['群众', 1234, '人次']]);
  assert.deepEqual(brief('共接待群众1，234，567人次'), [['群众', 1234567, '人次']]);
  assert.deepEqual(brief('投入资金1,234.5万元'), [['资金', 1234.5, '万元']]);
  const [f] = extractFigures('共接待群众1,234人次');
  assert.equal(f.text, '1,234人次');
  // 3，5个 is a list, and groups of other than three digits are not merged.
  assert.deepEqual(brief('3，5个'), [['', 5, '个']]);
  assert.deepEqual(brief('1,2345人'), [['', 2345, '人']]);
});

test('figures: ordinals and quarters are not figures, nor part of the next label', () => {
  assert.deepEqual(brief('第3批试点5家'), [['试点', 5, '家']]);
  assert.deepEqual(brief('第3个五年'), []);
  assert.deepEqual(brief('第3、4批试点企业12家'), [['试点企业', 12, '家']]);
  assert.deepEqual(brief('第3季度完成项目2个'), [['项目', 2, '个']]);
  assert.deepEqual(brief('前3季度增长5%'), [['', 5, '%']]);
});

test('figures: a unit that is the start of another word is no unit (个月, 个工作日, 人民币, 每10万人口)', () => {
  assert.deepEqual(brief('用时3个月'), []);
  assert.deepEqual(brief('用时3个月完成项目5个'), [['项目', 5, '个']]);
  assert.deepEqual(brief('办理时限压缩至5个工作日，历时3个季度'), []);
  assert.deepEqual(brief('每10万人口拥有律师5名'), [['拥有律师', 5, '名']]);
  assert.deepEqual(brief('折合100亿人民币'), []);
  assert.deepEqual(brief('修订3条例'), []);
  assert.equal(figureLabel('修订3条例'), '条例');
  // 人口 after a number is a count of people; 人民群众 are people.
  assert.deepEqual(
    extractFigures('全国13亿人口').map((f) => [f.value, f.unit, f.text]),
    [[1300000000, '人', '13亿人口']],
  );
  assert.deepEqual(brief('接待群众1.2万人民群众'), [['群众', 12000, '人']]);
});

test('figures: scaled values carry no floating-point noise', () => {
  assert.deepEqual(brief('接待群众1.005万人'), [['群众', 10050, '人']]);
  assert.deepEqual(brief('接待群众3486.57万人，培训人员1.1亿人次'), [
    ['群众', 34865700, '人'],
    ['人员', 110000000, '人次'],
  ]);
});

test('the figures table: the change from a negative value is relative to its magnitude', () => {
  const f = (year: number, value: number): PlacedFigure => ({
    year,
    label: '财政结余',
    value,
    unit: '亿元',
    text: '',
    start: 0,
    end: 0,
    paragraphId: `p${year}`,
  });
  const t = figureTable(
    [2017, 2018],
    [
      {
        name: '',
        byYear: new Map([
          [2017, [f(2017, -2)]],
          [2018, [f(2018, -1)]],
        ]),
      },
    ],
  );
  assert.deepEqual(t.rows[0].cells[1]?.change, { absolute: 1, percent: 50 });
});
