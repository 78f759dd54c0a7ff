/**
 * The seventeenth pass over unseen reports (信息公开 reports of provinces little seen; 统计公报 as page text and as PDF
 * copies; 法治 reports and county work reports): what they found that recurs. Fixtures: test/fixtures/unseen/SOURCE.md.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFigures, reportFigures } from '../../src/core/compare/index.ts';
import { flattenOutline, importSource, type Report } from '../../src/core/index.ts';
import { PROSE, unseenReport } from './helpers.ts';

const read = (text: string, name = 'page.txt'): Report => {
  const r = importSource(name, Buffer.from(text)).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};
/** A text's figures as `label=figure`, in order. */
const labelled = (text: string, year: number) => extractFigures(text, { year }).map((f) => `${f.label}=${f.text}`);
const headings = (r: Report) => flattenOutline(r.outline).map(({ node, depth }) => `${'  '.repeat(depth)}${node.label ?? '*'} ${node.title}`);

test('a title whose place opens with a numeral (九江市, 四川省, 三明市, 九龙坡区) is the title below a column line, not a chapter 九', () => {
  for (const [title, issuer] of [
    ['九江市2025年法治政府建设情况报告', '九江市人民政府'],
    ['四川省教育厅2025年法治政府建设工作情况', '四川省教育厅'],
    ['九龙坡区2025年法治政府建设情况报告', '九龙坡区人民政府'],
    ['三明市2024年政府信息公开工作年度报告', '三明市人民政府'],
  ]) {
    const r = read(['通知公告', title, `2025年，全市深入学习贯彻习近平法治思想，全面推进法治政府建设。${PROSE}`, '一、主要工作', PROSE].join('\n\n'));
    assert.equal(r.title, title);
    assert.equal(r.issuer, issuer, title);
    assert.equal(r.year, title.includes('2024') ? 2024 : 2025, title);
  }
  // A chapter that lost its 、 is still one (三加强…), and so is one whose words open like a place (二全市…).
  const r = read(
    ['某县2025年法治政府建设情况报告', PROSE, '一、主要工作', PROSE, '二加强法治政府建设组织领导', PROSE, '三全面推进严格规范公正文明执法', PROSE].join('\n\n'),
  );
  assert.deepEqual(
    headings(r).map((h) => h.trim().slice(0, 1)),
    ['一', '二', '三'],
  );
});

test('PDF text: a line left short where the figure after it did not fit runs on into it (江西, 万载 2022 统计公报)', () => {
  const jx = unseenReport('江西省2022年统计公报-开头-pdftotext.txt');
  const labels = reportFigures(jx).map((f) => `${f.label}=${f.text}`);
  for (const want of ['高新技术产业增加值增长=16.9%', '装备制造业增加值增长=17.3%', '高新技术产业增加值占规模以上工业比重=40.5%']) {
    assert.ok(
      labels.some((l) => l.replace(/\s/g, '') === want),
      `${want} in\n${labels.join('\n')}`,
    );
  }
  assert.ok(!reportFigures(jx).some((f) => /^1[67]\.\d%$/.test(f.text) && !f.label), 'no growth rate left without its label');
  const wz = unseenReport('万载县2022年统计公报-pdftotext.txt');
  const para = wz.paragraphs.find((p) => p.text.includes('三次产业结构比例调整为'));
  assert.ok(para?.text.includes('调整为8.7:48.5:42.8。'), para?.text);
  // Its notes' head on a line of its own after a paragraph's last line: a part of its own, not the paragraph's end.
  assert.ok(!wz.paragraphs.some((p) => /。注释：$/.test(p.text)));
  assert.equal(wz.outline[wz.outline.length - 1].title, '注释');
});

test('hard-wrapped text: a numbered heading on a short line of its own starts a paragraph after a full line with no full stop', () => {
  const r = unseenReport('木兰县发改局2022年信息公开年报-28字一行.txt');
  const h = headings(r);
  assert.equal(h[0], '一、 总体情况');
  assert.ok(
    h.slice(1, 6).every((x) => x.startsWith('  ')),
    h.join('\n'),
  );
});

test('units of volume and electricity: 千升, 万千升, 万度, 亿度 (not 度假)', () => {
  const figures = labelled('全年饮料酒产量15767千升，增长18.6%；供电量50616万度，增长8.8%；啤酒产量12.5万千升。全社会用电量9.8亿度。建成2个度假区。', 2015);
  assert.deepEqual(figures, [
    '饮料酒产量=15767千升',
    '饮料酒产量增长=18.6%',
    '供电量=50616万度',
    '供电量增长=8.8%',
    '啤酒产量=12.5万千升',
    '全社会用电量=9.8亿度',
    '度假区=2个',
  ]);
});

test('现将…工作情况报告如下 names the 信息公开 report, as …工作报告如下 does; a body and its office report as the body', () => {
  for (const [lead, title, issuer] of [
    ['现将乌鲁木齐市人民政府2021年度政府信息公开工作情况报告如下：', '乌鲁木齐市人民政府2021年度政府信息公开工作情况报告', '乌鲁木齐市人民政府'],
    ['现就疏勒县人民政府2020年度政府信息公开情况报告如下：', '疏勒县人民政府2020年度政府信息公开情况报告', '疏勒县人民政府'],
    ['现就某县人民政府及办公室2014年度政府信息公开工作情况报告如下。', '某县人民政府2014年度政府信息公开工作情况报告', '某县人民政府'],
  ]) {
    const r = read([lead, '一、总体情况', '2021年，我们认真贯彻落实政府信息公开条例，全面推进政务公开，主动公开政府信息12000条。'].join('\n\n'));
    assert.equal(r.title, title);
    assert.equal(r.issuer, issuer, lead);
    assert.equal(r.type, '政府信息公开工作年度报告', lead);
  }
});

test('a name caught with its preposition (在市政府 as a closing line, 以市政府办公室名义) is no issuer as written', () => {
  const r = read(
    [
      '现将本市2021年度政府信息公开工作情况报告如下：',
      '一、总体情况',
      '2021年，我市认真贯彻落实政府信息公开条例，主动公开政府信息12000条。',
      '（二）不断提升依申请公开办理水平',
      '在市政府',
    ].join('\n\n'),
  );
  assert.equal(r.issuer, null);
  assert.equal(r.title, '2021年政府信息公开工作年度报告');
});

test('a breadcrumb set as a numbered list (1. 当前位置: / 2. 首页 > … / 3. > 正文) is chrome: the title below it is the title', () => {
  const r = unseenReport('乌恰县审计局2025年政府信息公开工作年度报告.txt');
  assert.equal(r.title, '乌恰县审计局2025年政府信息公开工作年度报告');
  assert.equal(r.issuer, '乌恰县审计局');
  assert.ok(!r.paragraphs.some((p) => /当前位置|正文$/.test(p.text)));
});

test("a budget's change in 增收, 减收, 增支 and 减支 is labelled, and so is the rate after it", () => {
  const labels = labelled('全年一般公共预算收入17.9亿元，比上年增收1.4亿元，增长8.6%。公共安全支出1.9亿元，比上年减支1184万元，下降5.8%。', 2022);
  assert.deepEqual(labels, [
    '一般公共预算收入=17.9亿元',
    '一般公共预算收入增收=1.4亿元',
    '一般公共预算收入增长=8.6%',
    '公共安全支出=1.9亿元',
    '公共安全支出减支=1184万元',
    '公共安全支出下降=5.8%',
  ]);
});
