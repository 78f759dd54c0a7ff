import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  extractFigures,
  figureLabel,
  figureTable,
  labelSimilarity,
  LABEL_THRESHOLD,
  reportFigures,
  sameHead,
  type PlacedFigure,
} from '../../src/core/compare/index.ts';
import { scoreFigures } from '../../bench/figuresScore.ts';
import { FIXTURES, fromText } from './helpers.ts';

const brief = (text: string) => extractFigures(text).map((f) => [f.label, f.value, f.unit]);

test('figures: the number, its unit and the label in front of it', () => {
  assert.deepEqual(brief('全年共收到行政复议申请918宗，综合纠错率40.5%，出具法律意见304份。'), [
    ['行政复议申请', 918, '宗'],
    ['综合纠错率', 40.5, '%'],
    ['法律意见', 304, '份'],
  ]);
});

test('figures: full-width digits, decimals, 万 and 亿 kept in the unit (value as printed), 万元, 人次, 个百分点, ％', () => {
  assert.deepEqual(brief('受理行政复议案件１２３件，投入资金3486.57万元，培育企业1.2万家'), [
    ['行政复议案件', 123, '件'],
    ['投入资金', 3486.57, '万元'],
    ['企业', 1.2, '万家'],
  ]);
  assert.deepEqual(brief('参训人员达2.5万人次，财政收入3亿元，纠错率提高2个百分点，覆盖率95％'), [
    ['参训人员', 2.5, '万人次'],
    ['财政收入', 3, '亿元'],
    ['纠错率提高', 2, '个百分点'],
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
  // The change verb stays (a rise is not a level); the comparison and the heading's numeral go.
  assert.equal(figureLabel('一、行政诉讼案件数量同比增长'), '行政诉讼案件数量增长');
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
    kind: 'result',
    sentence: '',
    paragraph: '',
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
    ['案件', 75, '宗'],
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
    ['', 5.4, '%'],
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
    kind: 'result',
    sentence: '',
    paragraph: '',
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
  assert.deepEqual(brief('国内生产总值增长6%－6.5%；'), [['国内生产总值增长', 6, '%']]);
  assert.equal(figureLabel('增长－'), '');
});

test('figures: thousands separators, but not a list of numbers', () => {
  assert.deepEqual(brief('共接待群众1,234人次'), [['群众', 1234, '人次']]);
  assert.deepEqual(brief('共接待群众1，234，567人次'), [['群众', 1234567, '人次']]);
  assert.deepEqual(brief('投入资金1,234.5万元'), [['投入资金', 1234.5, '万元']]);
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
    [[13, '亿人', '13亿人口']],
  );
  assert.deepEqual(brief('接待群众1.2万人民群众'), [['群众', 1.2, '万人']]);
});

test('figures: 万, 亿 and 万亿 stay in the unit, never multiplied out (and alone when no unit follows)', () => {
  assert.deepEqual(brief('接待群众1.005万人'), [['群众', 1.005, '万人']]);
  assert.deepEqual(brief('接待群众3486.57万人，培训人员1.1亿人次，财政赤字2.38万亿元'), [
    ['群众', 3486.57, '万人'],
    ['人员', 1.1, '亿人次'],
    ['财政赤字', 2.38, '万亿元'],
  ]);
  assert.deepEqual(brief('农村贫困人口减少1240万，新增用户3.4亿。'), [
    ['农村贫困人口减少', 1240, '万'],
    ['新增用户', 3.4, '亿'],
  ]);
  // 万 before another word is no unit of its own.
  assert.deepEqual(brief('共3万多'), [['', 3, '万']]);
  assert.deepEqual(brief('覆盖3万群众'), []);
});

test('the figures table: the change from a negative value is relative to its magnitude', () => {
  const f = (year: number, value: number): PlacedFigure => ({
    year,
    label: '财政结余',
    value,
    unit: '亿元',
    kind: 'result',
    sentence: '',
    paragraph: '',
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

const kinds = (text: string, part?: 'review' | 'plan') => extractFigures(text, { part }).map((f) => [f.text, f.label, f.kind]);

test('figures: labels are noun phrases taken back to the subject, with the change verb kept (the issue’s examples)', () => {
  assert.deepEqual(kinds('国内生产总值达到74.4万亿元，增长6.7%，单位国内生产总值能耗下降5%。全年城镇新增就业1314万人。', 'review'), [
    ['74.4万亿元', '国内生产总值', 'result'],
    ['6.7%', '国内生产总值增长', 'result'],
    ['5%', '单位国内生产总值能耗下降', 'result'],
    ['1314万人', '城镇新增就业', 'result'],
  ]);
  // Never a function word or a fragment: 的税率降, 比去年, 保持, 至少 (those figures get no label).
  const labels = extractFigures('将制造业等行业现行16%的税率降至13%。比去年预算高0.2个百分点。保持6%。至少5%。').map((f) => f.label);
  for (const bad of ['的税率降', '的税率', '比去年', '保持', '至少', '完成', '实现', '新增', '预算高']) assert.ok(!labels.includes(bad), `${bad} in ${labels}`);
  assert.deepEqual(labels.slice(1), ['', '', '', '']);
  // A comparison at the start of a clause borrows the subject: 比去年增加2000亿元 is the deficit's increase.
  assert.deepEqual(
    extractFigures('财政赤字2.38万亿元，比去年增加2000亿元。').map((f) => f.label),
    ['财政赤字', '财政赤字增加'],
  );
  // A new level after a change is the same quantity (由30万元提高到50万元), a parenthesis is left out.
  assert.deepEqual(
    extractFigures('年应纳税所得额上限由30万元提高到50万元；重点城市细颗粒物（PM2.5）年均浓度下降9.1%，广义货币M2增长11.3%').map((f) => f.label),
    ['年应纳税所得额上限', '年应纳税所得额上限', '重点城市细颗粒物年均浓度下降', '广义货币M2增长'],
  );
  // The noun a measure word counts, after it: 新设12个跨境电子商务综合试验区.
  assert.deepEqual(
    extractFigures('新设12个跨境电子商务综合试验区。').map((f) => f.label),
    ['跨境电子商务综合试验区'],
  );
  // 分别 with several values: each is its subject's in turn, the noun after the last subject shared when the
  // subjects are alike (二氧化硫、氮氧化物排放量; 城镇、农村居民人均可支配收入).
  assert.deepEqual(
    extractFigures('二氧化硫、氮氧化物排放量分别下降5.6%和4%。').map((f) => f.label),
    ['二氧化硫排放量下降', '氮氧化物排放量下降'],
  );
  assert.deepEqual(
    extractFigures('城镇、农村居民人均可支配收入分别增长4.4%、5.9%。').map((f) => f.label),
    ['城镇居民人均可支配收入增长', '农村居民人均可支配收入增长'],
  );
  // A name with 和 in it (住宿和餐饮业) is one subject when the 、 alone gives as many as the values.
  assert.deepEqual(
    extractFigures('住宿和餐饮业、批发和零售业增加值分别增长6.1%和3.2%。').map((f) => f.label),
    ['住宿和餐饮业增加值增长', '批发和零售业增加值增长'],
  );
  // A second 分别 in the sentence with no subjects of its own takes those of the first.
  assert.deepEqual(
    extractFigures('年末户籍人口、常住人口分别为350万人、320万人，分别比上年末增加1.2万人和0.8万人。').map((f) => f.label),
    ['户籍人口', '常住人口', '户籍人口增加', '常住人口增加'],
  );
  // Not parallel: the noun of measure after the last subject is shared (排放量, not 放量; 增加值, not 务服务业增加值); a subject
  // that names its own measure takes none (游客人次), one with none among others that have theirs gets no label.
  assert.deepEqual(
    extractFigures('化学需氧量、二氧化硫排放量分别下降9.66%和13.14%；信息传输、租赁和商务服务业增加值分别增长18.6%、13.4%。').map((f) => f.label),
    ['化学需氧量排放量下降', '二氧化硫排放量下降', '信息传输增加值增长', '租赁和商务服务业增加值增长'],
  );
  assert.deepEqual(
    extractFigures('景区接待游客人次、经营收入分别增长16.9%、11.3%；义务教育巩固率、高中阶段和高等教育毛入学率分别达到98.3%、98.5%、64.3%。').map(
      (f) => f.label,
    ),
    ['景区接待游客人次增长', '经营收入增长', '义务教育巩固率', '', '高等教育毛入学率'],
  );
  // Subjects that name their measures (用水量, 能耗) take no noun of the last (not 能耗排放量); a noun is not written twice.
  assert.deepEqual(
    extractFigures('单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%；科技型中小企业、高新技术企业数量分别增长10%、12%').map((f) => f.label),
    ['单位国内生产总值用水量下降', '能耗下降', '二氧化碳排放量下降', '科技型中小企业数量增长', '高新技术企业数量增长'],
  );
  // A communiqué's per-head output: 人均GDP is a name, not a code; a currency conversion and a net change are the same
  // quantity's; 按可比价计算 is a method, not a subject; 元/人 is a unit; a share of 地区生产总值 is not 占地 (floor area).
  assert.deepEqual(
    extractFigures(
      '人均GDP17861元(折合2805美元),比上年增加908元。人均地區生產總值27366元(以常住人口計算),凈增2654元,按可比價計算,比上年增長11.4%,按人民幣匯率(2016年末)折合3945美元',
    ).map((f) => `${f.text}=${f.label}`),
    [
      '17861元=人均GDP',
      '2805美元=人均GDP',
      '908元=人均GDP增加',
      '27366元=人均地区生产总值',
      '2654元=人均地区生产总值净增',
      '11.4%=人均地区生产总值增长',
      '3945美元=人均地区生产总值',
    ],
  );
  assert.deepEqual(
    extractFigures(
      '人均地区生产总值73232元,按2024年平均汇率计算为10283美元。全员劳动生产率为166073元/人。第一产业增加值153.8亿元,增长3.8%,占地区生产总值的比重6.2%。马存栏2708匹',
    ).map((f) => `${f.text}=${f.label}`),
    [
      '73232元=人均地区生产总值',
      '10283美元=人均地区生产总值',
      '166073元/人=全员劳动生产率',
      '153.8亿元=第一产业增加值',
      '3.8%=第一产业增加值增长',
      '6.2%=第一产业增加值占地区生产总值比重',
      '2708匹=马存栏',
    ],
  );
  // Without 分别: a list of subjects and a list of as many values (小麦面积和产量是…亩和…吨), the change after it in the
  // sentence, a change verb after the subjects; not a list of objects after a verb (改造…管网).
  assert.deepEqual(
    extractFigures(
      '小麦面积和产量是95517亩和37554吨,比上年增长5.1%和4.6%。城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％。新三样、集成电路出口增长30.4％、30.1％。改造老旧供热、燃气管网800公里、600公里。',
    ).map((f) => f.label),
    [
      '小麦面积',
      '产量',
      '小麦面积增长',
      '产量增长',
      '城镇居民人均可支配收入实际增长',
      '农村居民人均纯收入实际增长',
      '新三样出口增长',
      '集成电路出口增长',
      '改造老旧供热、燃气管网',
      '改造老旧供热、燃气管网',
    ],
  );
  // The review pass's attacks: a count before a change keeps its unit; 总量 stays when 完成 goes; a completion rate keeps
  // 完成; 全州县 is a county; 元/人次 is a unit; a list's kind is its last value's; a middle dot is a decimal point.
  assert.deepEqual(
    extractFigures(
      '全年新开工项目128个、增长14.3%。全市邮政业务总量完成3.83亿元。全年重点项目年度计划完成112%。全州县地区生产总值185.6亿元。人均门诊费用210.5元/人次。失业率、居民消费价格指数分别控制在3.9%和3%以内。价格上涨1·8%。',
    ).map((f) => `${f.value}${f.unit}=${f.label}/${f.kind}`),
    [
      '128个=新开工项目/result',
      '14.3%=新开工项目增长/result',
      '3.83亿元=邮政业务总量/result',
      '112%=重点项目年度计划完成/result',
      '185.6亿元=全州县地区生产总值/result',
      '210.5元/人次=人均门诊费用/result',
      '3.9%=失业率/target',
      '3%=居民消费价格指数/target',
      '1.8%=价格上涨/result',
    ],
  );
  // A range whose start has no unit (增长5.5-6%: the start is the figure, as 6%－6.5%'s is); a footnote's asterisk; a PDF's
  // space between the scale and the unit.
  assert.deepEqual(
    extractFigures('地区生产总值增长5.5-6%，投资增长5－6%。常住人口4.53*万人，增长7.7%。第三产业增加值1469.26 亿 元。2016-2018年').map(
      (f) => `${f.value}${f.unit}=${f.label}`,
    ),
    ['5.5%=地区生产总值增长', '5%=投资增长', '4.53万人=常住人口', '7.7%=常住人口增长', '1469.26亿元=第三产业增加值'],
  );
  // A method inside a label goes; an intensity per 万元 of output is a label (not an amount's fragment).
  assert.deepEqual(
    extractFigures('全年规模以上工业增加值按可比价计算增长13.4%。全县万元地区生产总值能耗比上年下降2.1%。').map((f) => f.label),
    ['规模以上工业增加值增长', '万元地区生产总值能耗下降'],
  );
  // A pass over 17 unseen communiqués: a later 分别 with a measure of its own takes the sectors' names; 三次产业 is three;
  // 可比 and 同口径 before a change borrow the subject; 【1】 and ① are notes; a part of the economy's sectors say whose;
  // 兆瓦 is a unit.
  assert.deepEqual(
    extractFigures(
      '三次产业对GDP增长的贡献率分别为13.6%、23.6%、62.8%，分别拉动GDP增长1.2、2.0、5.4个百分点。第一产业增加值90.89亿元，可比增长6.4%。粮食总产量7.29万吨，同口径下降1.2%。实现地区生产总值【1】1402.74亿元。全年民营经济增加值83.75亿元，其中，第一产业增加值5.23亿元。装机100兆瓦。',
    ).map((f) => `${f.value}${f.unit}=${f.label}`),
    [
      '13.6%=第一产业对GDP增长的贡献率',
      '23.6%=第二产业对GDP增长的贡献率',
      '62.8%=第三产业对GDP增长的贡献率',
      '1.2个百分点=第一产业拉动GDP增长',
      '2个百分点=第二产业拉动GDP增长',
      '5.4个百分点=第三产业拉动GDP增长',
      '90.89亿元=第一产业增加值',
      '6.4%=第一产业增加值可比增长',
      '7.29万吨=粮食总产量',
      '1.2%=粮食总产量同口径下降',
      '1402.74亿元=地区生产总值',
      '83.75亿元=民营经济增加值',
      '5.23亿元=民营经济第一产业增加值',
      '100兆瓦=装机',
    ],
  );
  // …but a county's own sectors are the county's (地区生产总值…其中，第一产业增加值).
  assert.deepEqual(
    extractFigures('全县地区生产总值131.1亿元，其中，第一产业增加值20亿元。').map((f) => f.label),
    ['地区生产总值', '第一产业增加值'],
  );
  // 计划生育 is a spending line's name and no plan; a plan's completion in percent is a result, a plan to complete a sum a
  // target; a part of the economy's sectors say whose, a place's own do not; 兆瓦时 is a unit; two values with one label
  // have none; a change after a share is its part's.
  assert.deepEqual(
    extractFigures(
      '计划生育支出1.2亿元。152个省市重点项目完成年度投资计划的115.6%。计划完成投资500亿元。全年黄山市实现地区生产总值1000.5亿元，其中，第一产业增加值100.2亿元。在固定资产投资中，第一产业投资下降5.2%。全年发电量1200兆瓦时。全年制定、修订规范性文件分别为8件和3件。全年税收收入80亿元，占一般公共预算收入的比重为80.1%，同口径增长5.2%。',
    ).map((f) => `${f.value}${f.unit}=${f.label}/${f.kind}`),
    [
      '1.2亿元=计划生育支出/result',
      '152个=省市重点项目/target',
      '115.6%=省市重点项目完成年度投资计划/result',
      '500亿元=投资/target',
      '1000.5亿元=黄山市地区生产总值/result',
      '100.2亿元=第一产业增加值/result',
      '5.2%=第一产业投资下降/result',
      '1200兆瓦时=发电量/result',
      '8件=/result',
      '3件=/result',
      '80亿元=税收收入/result',
      '80.1%=税收收入占一般公共预算收入比重/result',
      '5.2%=税收收入同口径增长/result',
    ],
  );
  // Lists that cannot be shared out never make it throw.
  for (const t of ['三次产业分别增长3%和5%', '三次产业分别', '分别为1%、2%', '一、分别为3%、4%', '、、分别增长1%和2%', '城乡分别增长1%和2%和3%'])
    assert.doesNotThrow(() => extractFigures(t), t);
  // A change borrows a subject of the longest kept, even when the two together run past the limit.
  assert.deepEqual(
    extractFigures('年末限额以上批发和零售企业网上商品零售额1956.7万元,同比增长467.3%').map((f) => f.label),
    ['限额以上批发和零售企业网上商品零售额', '限额以上批发和零售企业网上商品零售额增长'],
  );
  // 第一、二、三产业 and 轻、重工业 written short: each subject whole; 城乡 is 城镇 and 农村; a share after the last subject is
  // every subject's; a noun of measure after the last is every subject's (刑事、治安案件).
  assert.deepEqual(
    extractFigures(
      '第一、二、三产业增加值比重分别为8.1%、40.5%和51.4%。轻、重工业占比分别为30.6%和69.4%。城乡居民人均可支配收入分别增长6.5%和8.1%。刑事、治安案件分别下降12%、3.3%。2023年城镇、农村居民人均可支配收入分别增长5.1%、6.8%。',
    ).map((f) => f.label),
    [
      '第一产业增加值比重',
      '第二产业增加值比重',
      '第三产业增加值比重',
      '轻工业占比',
      '重工业占比',
      '城镇居民人均可支配收入增长',
      '农村居民人均可支配收入增长',
      '刑事案件下降',
      '治安案件下降',
      '城镇居民人均可支配收入增长',
      '农村居民人均可支配收入增长',
    ],
  );
  // A second review pass: subjects of different lengths keep their labels (高新技术企业、科技型企业…; 供水、水库蓄水…); a rate
  // or a level takes no share (城镇化率; 收入 in 亿元); a shared noun without its 产业 after 业; levels are no short forms
  // (市、县两级财政); 年 of 年初预算 stays; 累计完成 after a long subject; 全州县以上 is 县以上; 共有产权 stays; a range
  // with 至 is one figure.
  assert.deepEqual(
    extractFigures(
      '高新技术企业、科技型企业分别增至8837家、69820家。全年供水、水库蓄水分别增加2.34亿立方米、13.88亿立方米。常住人口城镇化率、服务业增加值比重分别达到65.2%和55.1%。地方一般公共预算收入、税收占比分别达到52.6亿元和78.5%。制造业、战略性新兴产业贷款分别增长12.7%、27.2%。市、县两级财政分别投入2.3亿元和1.1亿元。年初预算、调整预算分别为120亿元和135亿元。五年全社会固定资产投资累计完成17.2万亿元。全州县以上医疗卫生机构床位1.2万张。共有产权住房1200套。地区生产总值增长5.5至6%。',
    ).map((f) => `${f.value}=${f.label}`),
    [
      '8837=高新技术企业',
      '69820=科技型企业',
      '2.34=供水增加',
      '13.88=水库蓄水增加',
      '65.2=常住人口城镇化率',
      '55.1=服务业增加值比重',
      '52.6=地方一般公共预算收入',
      '78.5=税收占比',
      '12.7=制造业贷款增长',
      '27.2=战略性新兴产业贷款增长',
      '2.3=',
      '1.1=',
      '120=年初预算',
      '135=调整预算',
      '17.2=五年全社会固定资产投资',
      '1.2=县以上医疗卫生机构床位',
      '1200=共有产权住房',
      '5.5=地区生产总值增长',
    ],
  );
  // One character that is no subject written short: none.
  assert.deepEqual(
    extractFigures('一、二分别为8.1%、40.5%。').map((f) => f.label),
    ['', ''],
  );
  // Subjects and values not as many (two subjects, three values; one subject): no label rather than a wrong one.
  assert.deepEqual(
    extractFigures('交通、能源分别完成投资3252亿元、2140亿元和900亿元。').map((f) => f.label),
    ['', '', ''],
  );
  assert.deepEqual(
    extractFigures('贷款增速比各项贷款平均增速分别高4.2和0.7个百分点，增长5%和6%。').map((f) => f.label),
    ['', '', '', ''],
  );
  // A list's numbers share the unit of its last (percent or points only); 全县 and 实现/完成 are no part of a label.
  assert.deepEqual(
    extractFigures(
      '三次产业分别拉动经济增长1.7、0.2和4.0个百分点；比重分别下降0.2个、下降0.6个、提高0.8个百分点；2023、2024和2025年增长5%。全县实现地区生产总值100亿元，第一产业增加值完成20亿元。',
    ).map((f) => `${f.value}${f.unit}=${f.label}`),
    // The three sectors (三次产业分别拉动…), and their shares the sentence named, each with its own verb (比重分别下降0.2个、下降0.6个、提高0.8个百分点).
    [
      '1.7个百分点=第一产业拉动经济增长',
      '0.2个百分点=第二产业拉动经济增长',
      '4个百分点=第三产业拉动经济增长',
      '0.2个百分点=第一产业比重下降',
      '0.6个百分点=第二产业比重下降',
      '0.8个百分点=第三产业比重提高',
      '5%=',
      '100亿元=地区生产总值',
      '20亿元=第一产业增加值',
    ],
  );
});

test('figures: targets and results, from the sentence and the part', () => {
  // The plan part: targets, unless the sentence is about last year.
  assert.deepEqual(kinds('今年发展的主要预期目标是：国内生产总值增长6.5%左右；城镇新增就业1100万人以上。', 'plan'), [
    ['6.5%', '国内生产总值增长', 'target'],
    ['1100万人', '城镇新增就业', 'target'],
  ]);
  assert.deepEqual(kinds('去年国内生产总值增长6.9%。', 'plan'), [['6.9%', '国内生产总值增长', 'result']]);
  // The review part: results, but the target it is compared with is a target; 左右 alone is approximate there.
  assert.deepEqual(kinds('广义货币M2增长11.3%，低于13%左右的预期目标。调查失业率稳定在5%左右的较低水平。', 'review'), [
    ['11.3%', '广义货币M2增长', 'result'],
    ['13%', '广义货币M2增长', 'target'],
    ['5%', '调查失业率', 'result'],
  ]);
  // No part known: the sentence says it (要, 将, 力争, 左右).
  assert.deepEqual(kinds('今年化学需氧量要下降2%。粮食产量5.31亿吨。力争进出口增长6%。'), [
    ['2%', '化学需氧量下降', 'target'],
    ['5.31亿吨', '粮食产量', 'result'],
    ['6%', '进出口增长', 'target'],
  ]);
  // 主要, 重要 and 将近 are no modal words.
  assert.deepEqual(
    kinds('主要产品产量将近12亿吨。').map((k) => k[2]),
    ['result'],
  );
});

test('figures: offsets are code points in the paragraph; the sentence and the paragraph id come along', () => {
  const text = '𠀀𠀀序。国内生产总值增长6.7%，好。';
  const [f] = extractFigures(text, { paragraph: 'p1' });
  assert.equal([...text].slice(f.start, f.end).join(''), '6.7%');
  assert.deepEqual([f.start, f.end, f.sentence, f.paragraph], [12, 16, '国内生产总值增长6.7%，好。', 'p1']);
});

test('reportFigures: the part of a chapter from its title (工作回顾 / 部署) gives the kind, and the chapter comes along', () => {
  const r = fromText('政府工作报告\n\n一、2016年工作回顾\n\n国内生产总值增长6.7%。\n\n二、2017年工作总体部署\n\n国内生产总值增长6.5%。\n').reports[0];
  assert.deepEqual(
    reportFigures(r).map((f) => [f.text, f.kind, f.chapter]),
    [
      ['6.7%', 'result', '一、2016年工作回顾'],
      ['6.5%', 'target', '二、2017年工作总体部署'],
    ],
  );
});

test('the figures table never mixes targets and results in a row', () => {
  const f = (year: number, value: number, kind: 'target' | 'result'): PlacedFigure => ({
    year,
    label: '国内生产总值增长',
    value,
    unit: '%',
    kind,
    sentence: '',
    paragraph: '',
    text: '',
    start: 0,
    end: 0,
    paragraphId: `p${year}`,
  });
  const t = figureTable(
    [2010, 2011, 2016],
    [
      {
        name: '',
        byYear: new Map([
          [2010, [f(2010, 8, 'target')]],
          [2011, [f(2011, 10.3, 'result')]],
          [2016, [f(2016, 6.5, 'target')]],
        ]),
      },
    ],
  );
  assert.deepEqual(
    t.rows.map((r) => [r.kind, r.cells.map((c) => c?.figure.value ?? null), r.cells.map((c) => c?.change?.absolute ?? null)]),
    [
      ['target', [8, null, 6.5], [null, null, -1.5]],
      ['result', [null, 10.3, null], [null, null, null]],
    ],
  );
});

test('figures: label precision on the hand-checked national set (five reports) is at least 0.9, kinds at least 0.95', () => {
  const s = scoreFigures(path.join(FIXTURES, 'figures/national-gold.json'), (year) => path.join(FIXTURES, `national/gwr-national-${year}.txt`));
  assert.equal(s.found, s.gold, 'every gold figure is found');
  assert.ok(s.gold >= 150);
  assert.ok(s.precision >= 0.9, `precision ${s.precision}: ${JSON.stringify(s.wrong)}`);
  assert.ok(s.coverage >= 0.8, `coverage ${s.coverage}`);
  assert.ok(s.kindAccuracy >= 0.95, `kinds ${s.kindAccuracy}`);
});

test('the figures table on five national reports: 国内生产总值增长 is a row of results and a row of targets, never one row of both', () => {
  const years = [2010, 2013, 2015, 2017, 2019];
  const byYear = new Map<number, PlacedFigure[]>();
  for (const y of years) {
    const file = path.join(FIXTURES, `national/gwr-national-${y}.txt`);
    const r = fromText(readFileSync(file, 'utf8'), path.basename(file)).reports[0];
    byYear.set(
      y,
      reportFigures(r).map((f) => ({ ...f, year: y, paragraphId: f.paragraph })),
    );
  }
  const t = figureTable(years, [{ name: '', byYear }]);
  for (const row of t.rows) for (const c of row.cells) if (c) assert.equal(c.figure.kind, row.kind, `${row.label}: ${c.figure.text} in a ${row.kind} row`);
  const gdp = t.rows.filter((r) => r.label === '国内生产总值增长' && r.unit === '%');
  const values = (kind: string) =>
    gdp.filter((r) => r.kind === kind).flatMap((r) => r.cells.flatMap((c): [number, number][] => (c ? [[c.figure.year, c.figure.value]] : [])));
  // The results of the year before each report, and the targets of its year (8% in 2010 is the first target).
  assert.deepEqual(values('result').slice(0, 1), [[2010, 8.7]]);
  assert.ok(values('target').some(([y, v]) => y === 2010 && v === 8));
  assert.ok(values('target').some(([y, v]) => y === 2017 && v === 6.5));
  assert.ok(!values('result').some(([y, v]) => (y === 2010 && v === 8) || (y === 2017 && v === 6.5)));
});

test('figures: 三次产业结构 as a ratio is three shares of the economy; the ratio it moves from and terms that are no shares are none', () => {
  const shares = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit, f.text]);
  assert.deepEqual(shares('三次产业结构由上年的13.2:44.6:42.2调整为13.5:43.2:43.3。'), [
    ['第一产业增加值占地区生产总值比重', 13.5, '%', '13.5'],
    ['第二产业增加值占地区生产总值比重', 43.2, '%', '43.2'],
    ['第三产业增加值占地区生产总值比重', 43.3, '%', '43.3'],
  ]);
  // Full-width colons and the ratio sign, 增加值 in the name, a clause between; the national economy's own whole.
  assert.deepEqual(
    shares('国内生产总值比上年增长5%。三次产业增加值结构进一步优化，调整为7.1∶38.3：54.6。')
      .slice(1)
      .map((f) => f[0]),
    ['第一产业增加值占国内生产总值比重', '第二产业增加值占国内生产总值比重', '第三产业增加值占国内生产总值比重'],
  );
  // Terms in percent are figures already: each takes its sector's label.
  assert.deepEqual(
    shares('三次产业比例为5.93%∶78.95%∶15.12%。').map((f) => [f[0], f[3]]),
    [
      ['第一产业增加值占地区生产总值比重', '5.93%'],
      ['第二产业增加值占地区生产总值比重', '78.95%'],
      ['第三产业增加值占地区生产总值比重', '15.12%'],
    ],
  );
  // Offsets are each term's own.
  const [first] = extractFigures('三次产业结构为8.1:42.4:49.5。');
  assert.equal('三次产业结构为8.1:42.4:49.5。'.slice(first.start, first.end), '8.1');
  // Not shares: terms that do not sum to about 100, a ratio of something else, and a time of day.
  assert.deepEqual(shares('三次产业结构比为1:4.2:4.8。'), []);
  assert.deepEqual(shares('男女性别比为104.2:100:1。'), []);
  assert.deepEqual(shares('三次产业座谈会于10:30:00召开。'), []);
  // In a plan, the structure to reach is a target.
  assert.equal(extractFigures('力争三次产业结构调整为5:40:55。', { part: 'plan' })[0].kind, 'target');
});

test('figures: a change in points after a share is the share’s; in percent it is its part’s', () => {
  const labels = (t: string) => extractFigures(t).map((f) => `${f.text} ${f.label}`);
  assert.deepEqual(labels('第一产业增加值占地区生产总值的比重为13.15%，比上年提高1.37个百分点。'), [
    '13.15% 第一产业增加值占地区生产总值比重',
    '1.37个百分点 第一产业增加值占地区生产总值比重提高',
  ]);
  assert.deepEqual(labels('税收收入占一般公共预算收入的比重为80.1%，同口径增长5.2%。'), ['80.1% 税收收入占一般公共预算收入比重', '5.2% 税收收入同口径增长']);
});

test('figures: 分别 with no subjects of its own takes the labelled figures right before it, list by list', () => {
  const labels = (t: string) => extractFigures(t).map((f) => `${f.text} ${f.label}`);
  assert.deepEqual(labels('猪存栏73838头、猪出栏21932头，分别增长7.6%和22.6%；羊存栏29959只、羊出栏6121只，分别增长16.4%和16.7%。'), [
    '73838头 猪存栏',
    '21932头 猪出栏',
    '7.6% 猪存栏增长',
    '22.6% 猪出栏增长',
    '29959只 羊存栏',
    '6121只 羊出栏',
    '16.4% 羊存栏增长',
    '16.7% 羊出栏增长',
  ]);
  // As many figures as values are needed: one figure before two values gives them none.
  assert.deepEqual(labels('出口2395万美元，分别下降48.2%、85.2%。').slice(1), ['48.2% ', '85.2% ']);
  // A later 分别 after a list that was labelled keeps that list's subjects (by sector for a pull).
  assert.deepEqual(labels('第一、二产业增加值分别增长2%和3%，分别拉动GDP增长0.1和0.2个百分点。').slice(2), [
    '0.1 第一产业拉动GDP增长',
    '0.2个百分点 第二产业拉动GDP增长',
  ]);
});

test('figures: a measure with no subject (产量, 增加值, 总产值, 所占比重) takes the subject of the figure before it in the sentence', () => {
  const labels = (t: string) => extractFigures(t).map((f) => `${f.text} ${f.label}`);
  assert.deepEqual(labels('全年蔬菜播种面积3938公顷，比上年增长1.4%，产量106551吨，下降2.2%；果用瓜1107公顷，增长1.9%，产量28408吨，增长0.4%。'), [
    '3938公顷 蔬菜播种面积',
    '1.4% 蔬菜播种面积增长',
    '106551吨 蔬菜产量',
    '2.2% 蔬菜产量下降',
    '1107公顷 果用瓜',
    '1.9% 果用瓜增长',
    '28408吨 果用瓜产量',
    '0.4% 果用瓜产量增长',
  ]);
  assert.deepEqual(labels('全市实现农林牧渔业总产值69.93亿元，增长3%，增加值37.90亿元，增长2.7%。').slice(2), [
    '37.90亿元 农林牧渔业增加值',
    '2.7% 农林牧渔业增加值增长',
  ]);
  assert.deepEqual(labels('第一产业增加值占地区生产总值的比重为29.7%，所占比重比上年提高0.8个百分点。').slice(1), [
    '0.8个百分点 第一产业增加值占地区生产总值比重提高',
  ]);
  assert.deepEqual(labels('全县资质以上建筑企业6户，实现总产值35385万元，同比增长104.2%。').slice(1), [
    '35385万元 资质以上建筑企业总产值',
    '104.2% 资质以上建筑企业总产值增长',
  ]);
  // Not after a measure of its own (地区生产总值 is no subject of 增加值), nor across sentences.
  assert.deepEqual(labels('全年地区生产总值100亿元，增加值50亿元。')[1], '50亿元 增加值');
  assert.deepEqual(labels('蔬菜播种面积3938公顷。产量106551吨。')[1], '106551吨 产量');
});

test('figures: subjects a list names before 分别 keep their whole names, up to 24 characters with the verb', () => {
  const labels = (t: string) => extractFigures(t).map((f) => f.label);
  assert.deepEqual(labels('信息传输软件和信息技术服务业、租赁和商务服务业增加值分别增长10.9%、10.4%。'), [
    '信息传输软件和信息技术服务业增加值增长',
    '租赁和商务服务业增加值增长',
  ]);
  // A run-on clause of that length, no list's subject, is still no label.
  assert.deepEqual(labels('全省率先建成投入使用综合性数字化公共服务平台覆盖常住人口达到120万人。'), ['']);
});

test('figures (a review’s attacks): 分别 with a measure of its own takes no subjects before it; ratios read once, of the year, of the structure only', () => {
  const labels = (t: string) => extractFigures(t).map((f) => `${f.text} ${f.label}`);
  assert.deepEqual(labels('新增高新技术企业50家、专精特新企业20家，累计分别达到300家和120家。').slice(2), ['300家 ', '120家 ']);
  assert.deepEqual(labels('新增市场主体1.2万户、企业3000户，总量分别达到15万户和4万户。').slice(2), ['15万户 ', '4万户 ']);
  const shares = (t: string) =>
    extractFigures(t)
      .filter((f) => /产业增加值占/.test(f.label))
      .map((f) => f.value);
  // Read once when two names of the structure precede it.
  assert.deepEqual(shares('三次产业结构持续优化，三次产业结构比为9.5:39.8:50.7。'), [9.5, 39.8, 50.7]);
  assert.deepEqual(shares('三产比重达到52.3%，三次产业结构为8:40:52。'), [8, 40, 52]);
  // Another measure by sector in a later clause is no structure.
  assert.deepEqual(shares('三次产业结构不断优化，三次产业对经济增长的贡献率为3.1:40.2:56.7。'), []);
  assert.deepEqual(shares('推动三次产业结构优化升级，农林牧渔之比为55.2:10.1:34.7。'), []);
  // The ratio of another time is none; of two years', the later.
  assert.deepEqual(shares('三次产业结构由“十二五”末的12.1:45.3:42.6调整为9.5:39.8:50.7。'), [9.5, 39.8, 50.7]);
  assert.deepEqual(shares('2022年三次产业结构为9.8:40.1:50.1，2023年调整为9.6:39.6:50.8。'), [9.6, 39.6, 50.8]);
  // A province's whole, though the nation's is named; a share written out is not read twice; 占比 names the structure too.
  assert.match(extractFigures('全省地区生产总值5万亿元，占全国国内生产总值的4.1%，三次产业结构为9.1:39.1:51.8。').at(-1)!.label, /占地区生产总值比重$/);
  assert.equal(extractFigures('第一产业增加值占地区生产总值比重为9.2%，三次产业结构为9.2:39.2:51.6。').filter((f) => f.label.startsWith('第一产业')).length, 1);
  assert.deepEqual(shares('三次产业增加值占比为9.3:39.3:51.4。'), [9.3, 39.3, 51.4]);
});
