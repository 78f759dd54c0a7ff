import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFigures, figureLabel, figureTable, labelSimilarity, type PlacedFigure } from '../../src/core/figures.ts';

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
  assert.deepEqual(brief(text), [['复议决定维持', 333, '宗'], ['撤销', 17, '宗']]);
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
  const f = (year: number, label: string, value: number, unit: string): PlacedFigure => ({ year, label, value, unit, text: '', start: 0, end: 0, paragraphId: `p${year}` });
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
  assert.deepEqual(apps.cells.map((c) => c?.figure.value), [597, 700, 918]);
  assert.deepEqual(apps.cells[1]?.change, { absolute: 103, percent: 17.25 });
  assert.deepEqual(apps.cells[2]?.change, { absolute: 218, percent: 31.14 });
  const rate = row('综合纠错率', '%');
  assert.deepEqual(rate.cells[2]?.change, { absolute: 13.9, percent: null }); // percentage points, no ratio
  // The % figure labelled 行政复议申请 does not join the 宗 row; 法律意见 starts its own row.
  assert.equal(row('行政复议申请', '%').cells[2]?.figure.value, 50);
  assert.deepEqual(row('法律意见', '份').cells.map((c) => c?.figure.value ?? null), [null, 300, null]);
});
