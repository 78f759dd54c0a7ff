/**
 * Chapters numbered in Arabic numerals with no separator (`1 人口特征` … `9 法律保护`: the 2021
 * 深圳 社会性别统计报告, whose PDF text gives `1人口特征`), in a report with no other chapter marker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, type Report } from '../../src/core/index.ts';

const report = (blocks: string[]) =>
  buildReport({ title: '2021年深圳市社会性别统计报告', link: null, date: null, blocks: ['深圳市统计局', ...blocks], diagnostics: [] }, null);
const chapters = (r: Report) => r.outline.filter((n) => n.kind === 'chapter').map((n) => [n.number, n.label, n.title, n.inferred]);
const body = (k: number) => `2021年，深圳市常住人口1761.48万人，其中男性969.57万人，占全市人口的55.0%（第${k}段）。`;

test('short lines numbered 1, 2, 3 … standing alone are chapters, each marked repaired', () => {
  const r = report(['1 人口特征', '人口规模与性别比', body(1), '2婚姻及家庭状况', body(2), '3　文化教育', body(3), '4就业', body(4)]);
  assert.deepEqual(chapters(r), [
    [1, '1', '人口特征', true],
    [2, '2', '婚姻及家庭状况', true],
    [3, '3', '文化教育', true],
    [4, '4', '就业', true],
  ]);
  const infos = r.diagnostics.filter((d) => d.code === 'arabicChapter');
  assert.equal(infos.length, 4);
  assert.equal(infos[0].message, 'A short line numbered “1” in a report with no other chapter marker: read as chapter “一、”.');
  assert.ok(!r.diagnostics.some((d) => d.code === 'noMarkers'));
  // The unnumbered line under a chapter stays a paragraph of it.
  assert.ok(r.paragraphs.some((p) => p.text === '人口规模与性别比' && p.role === 'body'));
});

test('a number missing among them is warned about, and no other line is taken for it', () => {
  const r = report(['1人口特征', body(1), '2婚姻及家庭状况', body(2), '短的一行标题', body(3), '4就业', body(4), '5社会保障', body(5)]);
  assert.deepEqual(
    chapters(r).map((c) => c[2]),
    ['人口特征', '婚姻及家庭状况', '就业', '社会保障'],
  );
  assert.ok(r.diagnostics.some((d) => d.code === 'chaptersMissing'));
  assert.ok(r.paragraphs.some((p) => p.text === '短的一行标题' && p.role === 'body'));
});

test('not chapters: sentences, numbers that do not rise from 1, too few, too sparse, or a report with chapter markers', () => {
  const none = (blocks: string[], why: string) => assert.deepEqual(chapters(report(blocks)), [], why);
  none(['1加强组织领导。', body(1), '2规范行政执法。', body(2), '3强化监督。', body(3)], 'sentences');
  none(['1人口特征', body(1), '2婚姻状况', body(2), '1文化教育', body(3), '2就业情况', body(4)], 'numbering starts again: a list');
  none(['2人口特征', body(1), '3婚姻状况', body(2), '4文化教育', body(3)], 'not from 1');
  none(['1人口特征', body(1), '2婚姻状况', body(2)], 'two lines');
  none(['1人口特征', body(1), '5婚姻状况', body(2), '9文化教育', body(3)], 'three of nine');
  none(['1人', body(1), '2婚', body(2), '3文', body(3)], 'one-character titles');
  none(['1 南山区 92.5', body(1), '2 福田区 90.1', body(2), '3 罗湖区 88.0', body(3)], 'a ranking’s rows: figures after the name');
  // A report with Chinese chapters keeps them; its Arabic lines are not chapters.
  const cn = report(['一、人口', '1人口特征', body(1), '2婚姻状况', body(2), '3文化教育', body(3), '二、就业', body(4)]);
  assert.deepEqual(
    chapters(cn).map((c) => c[1]),
    ['一、', '二、'],
  );
});

test('a run of 一、二、三 running into paragraphs before standalone chapter headings is a list; a second standalone run starts a part (the 1988 national report)', () => {
  const inline = (n: string) => `${n}、继续坚持有计划有步骤地改革，适当控制物价上涨幅度。各地要根据实际情况制定具体办法，加强管理和监督。`;
  const r = report([
    '各位代表！',
    '当前我国经济和社会生活中存在的突出问题是物价上涨幅度过大。为此，我们将采取以下措施：',
    inline('一'),
    inline('二'),
    inline('三'),
    '一、牢固树立建设要依靠改革的指导思想',
    body(1),
    '二、无论建设还是改革，都必须坚持从实际出发',
    body(2),
    '今后五年建设和改革的目标、方针和任务',
    body(3),
    '一、大力发展农业生产和加强基础工业',
    body(4),
    '二、加快科学技术和教育事业的发展',
    body(5),
  ]);
  const nodes = r.outline.map((n) => [n.kind, n.label ?? '', n.title, n.children.map((c) => `${c.label}${c.title}`)]);
  assert.deepEqual(nodes, [
    ['chapter', '一、', '牢固树立建设要依靠改革的指导思想', []],
    ['chapter', '二、', '无论建设还是改革，都必须坚持从实际出发', []],
    ['part', '', '今后五年建设和改革的目标、方针和任务', ['一、大力发展农业生产和加强基础工业', '二、加快科学技术和教育事业的发展']],
  ]);
  assert.ok(r.paragraphs.filter((p) => p.text.startsWith('一、继续坚持')).every((p) => p.role === 'body'));
  // A report whose chapters all run into their text keeps them.
  const all = report([inline('一'), body(1), inline('二'), body(2), inline('三'), body(3)]);
  assert.deepEqual(
    all.outline.map((n) => n.label),
    ['一、', '二、', '三、'],
  );
});

test('a report in unnumbered parts has them in its opening and after its last chapter too (1988: 基本总结, 关于外交工作, 结束语)', () => {
  const parts = [
    '各位代表！',
    '我代表国务院，向大会作政府工作报告，请予审议。',
    '过去五年国内工作的基本总结',
    body(1),
    '城乡人民生活进一步改善。',
    body(2),
    '一、牢固树立建设要依靠改革的指导思想',
    body(3),
    '二、无论建设还是改革，都必须坚持从实际出发',
    body(4),
    '今后五年建设和改革的目标、方针和任务',
    body(5),
    '一、大力发展农业生产和加强基础工业',
    body(6),
    '二、加快科学技术和教育事业的发展',
    body(7),
    '关于外交工作',
    body(8),
    '结束语',
    '各位代表！',
    body(9),
  ];
  const tree = (lines: string[]) => report(lines).outline.map((n) => [n.kind, n.partKind ?? '', n.title, n.children.map((c) => c.label)]);
  assert.deepEqual(tree(parts), [
    ['part', 'review', '过去五年国内工作的基本总结', ['一、', '二、']],
    ['part', 'plan', '今后五年建设和改革的目标、方针和任务', ['一、', '二、']],
    ['part', 'other', '关于外交工作', []],
    ['part', 'other', '结束语', []],
  ]);
  // Two such lines in the opening: neither is taken (which one heads the part is not known).
  const two = [...parts.slice(0, 4), '国民经济持续稳定增长', ...parts.slice(4)];
  assert.deepEqual(
    tree(two).map((n) => n[2]),
    [
      '一、牢固树立建设要依靠改革的指导思想'.slice(2),
      '无论建设还是改革，都必须坚持从实际出发',
      '今后五年建设和改革的目标、方针和任务',
      '关于外交工作',
      '结束语',
    ],
  );
  // A line cut out of a sentence by a page's link (国家公务员条例) after the last chapter is none.
  const cut = [...parts.slice(0, 16), '要抓紧制定《', '国家公务员条例', '》，研究制定有关法律。', body(10)];
  assert.deepEqual(
    tree(cut).map((n) => n[2]),
    ['过去五年国内工作的基本总结', '今后五年建设和改革的目标、方针和任务'],
  );
});

test('with a separator, as a page’s numbered list gives them (1. 综合, 2、农业): chapters too; a list that restarts is none', () => {
  const r = report(['1. 综合', body(1), '2. 农业', body(2), '3、工业和建筑业', body(3), '4．固定资产投资', body(4)]);
  assert.deepEqual(chapters(r), [
    [1, '1.', '综合', true],
    [2, '2.', '农业', true],
    [3, '3、', '工业和建筑业', true],
    [4, '4．', '固定资产投资', true],
  ]);
  const restarts = report(['1.加强组织领导', body(1), '2.完善制度体系', body(2), '3.强化监督', body(3), '1.存在的问题', body(4)]);
  assert.deepEqual(chapters(restarts), []);
});

test('with a separator, a list stays a list (a review pass’s attacks): after a lead-in that ends in a colon, in a report with sections, or items with no paragraph of their own', () => {
  const colon = report(['重点开展了以下专项行动：', '1. 违法占用耕地专项整治', body(1), '2. 矿产资源开发秩序整治', body(2), '3. 违法建设专项清查', body(3)]);
  assert.deepEqual(chapters(colon), []);
  const sections = report([
    '（一）加强组织领导',
    body(1),
    '1. 违法占用耕地专项整治',
    body(2),
    '2. 矿产资源开发秩序整治',
    body(3),
    '3. 违法建设专项清查',
    body(4),
  ]);
  assert.deepEqual(chapters(sections), []);
  const bare = report([body(1), body(2), '1、深入学习贯彻习近平法治思想', '2、全面推进依法行政', '3、加强行政执法监督', '4、扎实推进八五普法']);
  assert.deepEqual(chapters(bare), []);
});

test('under chapters numbered in Chinese, short lines 1、 2、 standing alone over their paragraphs are sections; a list stays a list', () => {
  const gov = (blocks: string[]) =>
    buildReport(
      { title: '政府工作报告', link: null, date: null, blocks: ['——2015年2月4日在仙桃市第八届人民代表大会第五次会议上', ...blocks], diagnostics: [] },
      null,
    );
  const tree = (r: Report) => r.outline.map((c) => [c.title, c.children.map((s) => [s.number, s.label, s.title, s.inferred])]);
  const r = gov([
    '一、2014年工作回顾',
    body(1),
    '1、积极应对复杂形势,经济运行稳健向好',
    body(2),
    '2、着力加快产业升级,发展质效充分显现',
    body(3),
    '二、2015年工作安排',
    body(4),
  ]);
  assert.deepEqual(tree(r), [
    [
      '2014年工作回顾',
      [
        [1, '1、', '积极应对复杂形势,经济运行稳健向好', true],
        [2, '2、', '着力加快产业升级,发展质效充分显现', true],
      ],
    ],
    ['2015年工作安排', []],
  ]);
  assert.equal(r.diagnostics.filter((d) => d.code === 'arabicSection').length, 2);
  // Items that follow one another, items that end a sentence, and items after a colon are a list.
  for (const items of [
    ['1、加强组织领导', '2、完善工作机制', body(2)],
    ['1、加强组织领导。', body(2), '2、完善工作机制。', body(3)],
  ]) {
    assert.deepEqual(tree(gov(['一、2014年工作回顾', body(1), ...items])), [['2014年工作回顾', []]]);
  }
  assert.deepEqual(tree(gov(['一、2014年工作回顾', '主要做法如下：', '1、加强组织领导', body(2), '2、完善工作机制', body(3)])), [['2014年工作回顾', []]]);
  // Rows of an indicators' table (a figure under each) are no sections.
  assert.deepEqual(tree(gov(['一、2014年工作回顾', body(1), '1、地区生产总值', '300亿元', '2、一般公共预算收入', '20亿元'])), [['2014年工作回顾', []]]);
  // A closing list that starts again at 1 leaves the sections before it.
  const notes = gov(['一、2014年工作回顾', body(1), '1、积极应对复杂形势', body(2), '2、着力加快产业升级', body(3), '1、加强组织领导', '2、完善工作机制']);
  assert.deepEqual(
    notes.outline[0].children.map((s) => s.title),
    ['积极应对复杂形势', '着力加快产业升级'],
  );
  // A chapter with sections keeps its numbered items as a list.
  const withSections = gov(['一、2014年工作回顾', '（一）经济运行', body(1), '1、积极应对复杂形势', body(2), '2、着力加快产业升级', body(3)]);
  assert.deepEqual(
    withSections.outline[0].children.map((s) => s.title),
    ['经济运行'],
  );
});
