/**
 * The fifteenth pass over unseen reports (信息公开 reports of townships, counties and departments, 2008–2025; 统计公报 of
 * cities, counties and ministries; 法治 reports and work reports of provinces and departments) and the mends of what
 * earlier passes left alone: a chapter whose own items restart at 一、, a repost's headline `body:report`, a short
 * headline with the year first, lists whose unit or whose 百分点 is written once, a threshold crossed, units of counts,
 * containers and Latin units, categories of information, and what a report on work done did.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importSource, type Report } from '../../src/core/index.ts';
import { STATISTICS, typeOfTitle } from '../../src/core/series/index.ts';

const read = (text: string, name = 'page.txt'): Report => {
  const r = importSource(name, Buffer.from(text)).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};
const tree = (r: Report) =>
  r.outline.map((c) => `${c.label}${c.title}${c.children.length ? ` [${c.children.map((s) => `${s.label}${s.title}`).join(' | ')}]` : ''}`);
const PROSE = '街道高度重视法治政府建设，把法治政府建设纳入年度重点工作，全年召开专题会议4次，审查合同32份。';

test('a chapter whose own items restart at 一、, each a heading over its paragraphs: they are its sections', () => {
  const r = read(
    [
      '某某街道2022年度法治政府建设工作报告',
      '2022年，某某街道深入学习贯彻习近平法治思想，扎实推进法治政府建设，现将有关情况报告如下。',
      '一、2022年法治政府建设主要措施',
      '一、强化领导责任，夯实法治政府建设基础',
      PROSE,
      '二、深化依法行政，规范行政权力运行',
      PROSE,
      PROSE,
      '三、加强普法宣传，营造尊法学法氛围',
      PROSE,
      '二、存在的问题',
      '一是法治宣传的针对性还不够强；二是基层执法人员专业能力有待提升。',
      '三、2023年工作思路',
      PROSE,
    ].join('\n\n'),
  );
  assert.deepEqual(tree(r), [
    '一、2022年法治政府建设主要措施 [一、强化领导责任，夯实法治政府建设基础 | 二、深化依法行政，规范行政权力运行 | 三、加强普法宣传，营造尊法学法氛围]',
    '二、存在的问题',
    '三、2023年工作思路',
  ]);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.code === 'nestedChapterSections').map((d) => d.args),
    [['一、2022年法治政府建设主要措施']],
  );
  // After a lead paragraph too (今年要着力抓好以下工作：).
  const lead = read(
    [
      '某县2023年政府工作报告',
      '一、2022年工作回顾',
      PROSE,
      '二、2023年工作安排',
      '今年要着力抓好以下工作：',
      '一、着力扩大有效需求',
      PROSE,
      '二、着力推进乡村振兴',
      PROSE,
      '三、切实加强政府自身建设',
      PROSE,
    ].join('\n\n'),
  );
  assert.deepEqual(tree(lead).slice(1), ['二、2023年工作安排 [一、着力扩大有效需求 | 二、着力推进乡村振兴]', '三、切实加强政府自身建设']);
});

test('a restart at 一、 inside a chapter stays its text when its items are sentences, follow each other, or run into their text', () => {
  const base = ['某某街道2022年度法治政府建设工作报告', '一、主要工作'];
  const tail = ['二、存在的问题', PROSE];
  // Items that are sentences (一、…。).
  const sentences = read([...base, '一、强化领导责任。', PROSE, '二、深化依法行政。', PROSE, ...tail].join('\n\n'));
  // Items one after another with no paragraph of their own (a list of short lines).
  const lines = read([...base, PROSE, '一、强化领导责任', '二、深化依法行政', '三、加强普法宣传', PROSE, ...tail].join('\n\n'));
  // Items that run into their text.
  const runIn = read([...base, '一、强化领导责任。街道全年召开专题会议4次，审查合同32份。', '二、深化依法行政。全年审查合同32份。', ...tail].join('\n\n'));
  for (const r of [sentences, lines, runIn]) {
    assert.deepEqual(tree(r), ['一、主要工作', '二、存在的问题']);
    assert.ok(!r.diagnostics.some((d) => d.code === 'nestedChapterSections'));
  }
});

test('a repost’s headline `body:report` is the title, not a field’s line; a short headline `2005年舟山市统计公报` is the communiqué', () => {
  const body =
    '\n\n《公报》选取现行全国文化文物统计年报中的部分核心数据，全方位展现了2017年我国文化发展改革的全貌。\n\n一、机构和人员\n\n年末全国共有各类文化机构32.8万个。\n';
  const r = read(`文化和旅游部:2017年文化发展统计公报${body}`);
  assert.deepEqual([r.title, r.issuer, r.year], ['文化和旅游部2017年文化发展统计公报', '文化和旅游部', 2017]);
  const long = read(`浙江省人民政府办公厅：2023年政府信息公开工作年度报告${body}`);
  assert.deepEqual([long.title, long.issuer], ['浙江省人民政府办公厅2023年政府信息公开工作年度报告', '浙江省人民政府办公厅']);
  // A field's key is no body: 来源：… stays a field of the page.
  assert.equal(read(`来源：2017年文化发展统计公报${body}`, 'kv.txt').title, 'kv');
  assert.equal(typeOfTitle('2005年舟山市统计公报', '舟山市'), STATISTICS);
  assert.equal(typeOfTitle('舟山市2005年国民经济和社会发展统计公报', '舟山市'), STATISTICS);
});
