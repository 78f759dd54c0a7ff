import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { FLAT, byYear, chapter, fromText, lineText, load, part, section, allNodes, ROOT } from './helpers.ts';
import { existsSync, readFileSync } from 'node:fs';
import { importSource } from '../../src/core/index.ts';

const nanhai = load(FLAT);
const r2018 = byYear(nanhai, 2018);
const r2017 = byYear(nanhai, 2017);
const r2016 = byYear(nanhai, 2016);

function national(year: number) {
  const inSamples = path.join(ROOT, 'samples/national', `gwr-national-${year}.txt`);
  const inFixtures = path.join(ROOT, 'test/fixtures/national', `gwr-national-${year}.txt`);
  const file = existsSync(inSamples) ? inSamples : inFixtures;
  return importSource(`gwr-national-${year}.txt`, readFileSync(file)).reports[0];
}

test('each Nanhai report has a review part with seven chapters and a plan part', () => {
  for (const [r, year] of [
    [r2018, 2018],
    [r2017, 2017],
    [r2016, 2016],
  ] as const) {
    const review = part(r, 'review');
    assert.equal(review.title, `${year}年法治政府建设工作情况`);
    assert.deepEqual(
      review.children.map((c) => c.number),
      [1, 2, 3, 4, 5, 6, 7],
    );
    const plan = part(r, 'plan');
    assert.equal(plan.title, `${year + 1}年工作计划`);
    assert.equal(r.outline.length, 2, 'only the two parts at the top level');
  }
  assert.deepEqual(
    part(r2018, 'plan').children.map((c) => c.number),
    [1, 2, 3, 4, 5, 6],
  );
  assert.deepEqual(
    part(r2016, 'plan').children.map((c) => c.number),
    [1, 2, 3, 4, 5, 6, 7],
  );
});

test('outline lines point at the heading lines of the document', () => {
  for (const n of allNodes(r2018)) {
    const text = lineText(r2018, n.line);
    assert.ok(text.includes(n.title), `line ${n.line} “${text.slice(0, 30)}” holds “${n.title}”`);
    assert.ok(n.endLine >= n.line);
  }
});

test('repair: a chapter printed as 4、 among Chinese numerals (2016 review)', () => {
  const c = chapter(part(r2016, 'review'), 4);
  assert.equal(c.label, '4、');
  assert.equal(c.inferred, true);
  assert.equal(c.title, '强化监督检查,规范公正文明执法');
  const d = r2016.diagnostics.find((x) => x.line === c.line);
  assert.equal(d?.severity, 'info');
  assert.match(d!.message, /4、.*四、/);
});

test('repair: a numeral with its 、 missing: 三健全… (2016 review)', () => {
  const c = chapter(part(r2016, 'review'), 3);
  assert.equal(c.inferred, true);
  assert.equal(c.title, '健全科学民主决策机制,推动行政决策科学化、民主化、法治化');
  assert.ok(r2016.diagnostics.some((d) => d.line === c.line && d.severity === 'info'));
});

test('repair: a heading that lost its numeral: 、紧抓住… (2017 plan)', () => {
  const plan = part(r2017, 'plan');
  const c = chapter(plan, 2);
  assert.equal(c.inferred, true);
  assert.equal(c.label, null);
  assert.match(c.title, /^紧抓住“放管服”改革/);
  const four = chapter(plan, 4);
  assert.equal(four.inferred, true);
  assert.match(four.title, /^进一步规范行政机关执法行为/);
});

test('repair: a chapter with no marker between 一 and 三 reads as chapter 二 (2018 plan)', () => {
  const c = chapter(part(r2018, 'plan'), 2);
  assert.equal(c.inferred, true);
  assert.equal(c.label, null);
  assert.match(c.title, /^深化“放管服”改革/);
  assert.ok(r2018.diagnostics.some((d) => d.line === c.line && /no marker/.test(d.message)));
});

test('repair: a broken section marker )编制… (2018 chapter 二)', () => {
  const s = section(chapter(part(r2018, 'review'), 2), 3);
  assert.equal(s.inferred, true);
  assert.equal(s.title, '编制区、镇(街道)权责清单,规范中介服务事项');
  assert.ok(r2018.diagnostics.some((d) => d.line === s.line && /Broken section marker/.test(d.message)));
});

test('repair: a missing (一) before (二): the chapter’s first paragraph is section 1', () => {
  const c = chapter(part(r2018, 'review'), 2);
  assert.deepEqual(
    c.children.map((s) => s.number),
    [1, 2, 3, 4, 5, 6],
  );
  const s1 = section(c, 1);
  assert.equal(s1.inferred, true);
  assert.equal(s1.label, null);
  assert.equal(s1.title, '加快政务服务改革向纵深推进');
  // Same in chapter 七 of each year.
  assert.equal(section(chapter(part(r2017, 'review'), 7), 1).title, '落实法制培训制度');
  assert.equal(section(chapter(part(r2016, 'review'), 2), 1).title, '南海行政审批标准全省推广');
});

test('a heading and its body in one paragraph: the title is the first sentence', () => {
  const c = chapter(part(r2018, 'plan'), 3);
  assert.equal(c.label, '三、');
  assert.equal(c.title, '着力健全科学民主决策机制');
  assert.equal(c.inferred, false, 'a normal inline heading is not a repair');
  const para = r2018.paragraphs[c.paragraph];
  assert.match(para.text, /^三、着力健全科学民主决策机制。探索推进/);
  assert.equal(r2018.text.slice(c.start, c.end), '三、着力健全科学民主决策机制。');
  // A run-on heading with no sentence end is cut at the first comma, and marked.
  const run = chapter(part(r2017, 'plan'), 1);
  assert.equal(run.title, '快推进法治政府建设工作对照指标');
  assert.equal(run.inferred, true);
});

test('numbering that restarts inside a chapter does not create phantom chapters (1986)', () => {
  const r = national(1986);
  const chapters = r.outline.filter((n) => n.kind === 'chapter');
  assert.deepEqual(
    chapters.map((c) => c.number),
    [1, 2, 3, 4],
  );
  assert.deepEqual(
    chapters.map((c) => c.title),
    ['“六五”计划执行情况的回顾', '“七五”时期的基本任务和主要建设方针', '“七五”时期的经济体制改革', '坚持独立自主的和平外交政策'],
  );
});

test('第一， lists are list items, not chapters (1998)', () => {
  const r = national(1998);
  const chapters = r.outline.filter((n) => n.kind === 'chapter');
  assert.deepEqual(
    chapters.map((c) => c.number),
    [1, 2, 3],
  );
  // The year spread out digit by digit in the text (关于1 9 9 8 年…) is the title as other years print it.
  assert.equal(chapters[1].title, '关于1998年政府工作的建议');
  assert.ok(r.text.includes('关于1 9 9 8 年政府工作的建议'), 'the document shows it as printed');
});

test('a paragraph broken around a subscript is joined back (PM2.5, 2019)', () => {
  const r = national(2019);
  assert.ok(r.paragraphs.some((p) => p.text.includes('（PM2.5）浓度继续下降')));
  const sections = r.outline.find((n) => n.number === 3)!.children;
  assert.deepEqual(
    sections.map((s) => s.number),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    'no phantom sections from ）浓度',
  );
});

test('第一章 / 第二部分 chapters and half- or full-width section parentheses', () => {
  const text = [
    '某省人民政府2021年度工作报告',
    '第一章 总体情况',
    '(一)半角括号的节',
    '正文一。',
    '（二）全角括号的节',
    '第二部分 主要举措',
    '（一）第一节。正文。',
  ].join('\n');
  const r = fromText(text).reports[0];
  const chapters = r.outline.filter((n) => n.kind === 'chapter');
  assert.deepEqual(
    chapters.map((c) => [c.number, c.label, c.title]),
    [
      [1, '第一章', '总体情况'],
      [2, '第二部分', '主要举措'],
    ],
  );
  assert.deepEqual(
    chapters[0].children.map((s) => [s.number, s.title]),
    [
      [1, '半角括号的节'],
      [2, '全角括号的节'],
    ],
  );
  assert.deepEqual(
    chapters[1].children.map((s) => [s.number, s.title]),
    [[1, '第一节']],
  );
});

test('Arabic numbered lists in a report without Chinese chapter numerals stay paragraphs', () => {
  const r = fromText('某区工作报告\n\n一、总体情况\n\n1、第一点。\n\n2、第二点。\n\n二、下一步\n').reports[0];
  assert.deepEqual(
    r.outline.map((n) => n.number),
    [1, 2],
  );
  assert.equal(r.outline[0].children.length, 0);
});

test('text with no chapter markers: one part of paragraphs plus a diagnostic', () => {
  const r = fromText('某区情况说明\n\n今年做了很多工作。\n\n明年继续努力。\n').reports[0];
  assert.equal(r.outline.length, 1);
  assert.equal(r.outline[0].kind, 'part');
  assert.equal(r.outline[0].partKind, 'other');
  assert.equal(r.paragraphs.length, 2);
  assert.ok(r.diagnostics.some((d) => d.severity === 'warning' && /No part, chapter or section markers/.test(d.message)));
});

test('parts: review (工作情况/总结/回顾) and plan (工作计划/安排/重点工作)', () => {
  const text = ['某区2019年度工作报告', '2019年工作总结', '一、甲', '2020年工作安排', '一、乙', '二、丙'].join('\n\n');
  const r = fromText(text).reports[0];
  assert.deepEqual(
    r.outline.map((n) => [n.kind, n.partKind, n.title, n.children.length]),
    [
      ['part', 'review', '2019年工作总结', 1],
      ['part', 'plan', '2020年工作安排', 2],
    ],
  );
});

const doc = (...blocks: string[]) => fromText(['某区2020年度工作报告', ...blocks].join('\n\n')).reports[0];
const chapterTitles = (r: ReturnType<typeof doc>) => r.outline.filter((n) => n.kind === 'chapter').map((c) => `${c.number}:${c.title}`);

test('an Arabic list inside a chapter stays a list, even when it reaches the next chapter number', () => {
  const r = doc(
    '一、总体情况',
    '正文。',
    '二、主要做法',
    '正文。',
    '三、存在问题',
    '主要有：',
    '1、人员不足。',
    '2、经费不足。',
    '3、制度不全。',
    '4、考核不严。',
    '四、下一步计划',
    '正文。',
    '五、其他',
    '正文。',
  );
  assert.deepEqual(chapterTitles(r), ['1:总体情况', '2:主要做法', '3:存在问题', '4:下一步计划', '5:其他']);
  assert.ok(!r.diagnostics.some((d) => d.severity !== 'info'), 'no out-of-sequence warning');
});

test('a nested list that reaches the next chapter number does not swallow the real chapters', () => {
  const r = doc(
    '一、总体情况',
    '正文。',
    '二、主要做法',
    '正文。',
    '三、存在问题',
    '主要有以下问题：',
    '一、人员不足。',
    '二、经费不足。',
    '三、制度不全。',
    '四、下一步计划',
    '正文。',
    '五、其他',
    '正文。',
  );
  assert.deepEqual(chapterTitles(r), ['1:总体情况', '2:主要做法', '3:存在问题', '4:下一步计划', '5:其他']);
});

test('a sentence that starts with a numeral is not a chapter with a lost 、', () => {
  const r = doc('一、总体情况', '正文。', '二、主要做法', '全年新增示范单位如下。', '三家企业获评省级示范单位。', '三、存在问题', '正文。');
  assert.deepEqual(chapterTitles(r), ['1:总体情况', '2:主要做法', '3:存在问题']);
});

test('a chapter with no marker takes the paragraph that reads as a heading, not the first short one', () => {
  const r = doc(
    '一、加强组织领导',
    '区政府召开常务会议研究部署法治政府建设工作，全年共召开会议12次。',
    '各项工作稳步推进。',
    '深化“放管服”改革',
    '全年办理事项918宗，办结率100%。',
    '三、强化监督',
    '正文。',
  );
  assert.deepEqual(chapterTitles(r), ['1:加强组织领导', '2:深化“放管服”改革', '3:强化监督']);
  assert.equal(r.outline[1].inferred, true);
});

test('a (一)(二) list nested in a section does not make duplicate sections', () => {
  const r = doc(
    '一、总体情况',
    '（一）甲',
    '正文。',
    '（二）乙',
    '具体包括：',
    '（一）子项一。',
    '（二）子项二。',
    '（三）丙',
    '正文。',
    '二、下一步',
    '正文。',
  );
  assert.deepEqual(
    r.outline[0].children.map((s) => `${s.number}:${s.title}`),
    ['1:甲', '2:乙', '3:丙'],
  );
});

test('heading titles: the first sentence, or cut at a comma, or after 40 characters but not inside 《》', () => {
  const long = doc('一、加强规范性文件管理落实规范性文件政策解读要求坚持严格审核规范性文件制度切实履行规范性文件制定程序。做好计划。');
  assert.equal(long.outline[0].title, '加强规范性文件管理落实规范性文件政策解读要求坚持严格审核规范性文件制度切实履行规范性文件制定程序');
  assert.equal(long.outline[0].inferred, false);
  // The 2016 plan's 五、: no comma within 60 characters, no sentence end within 80.
  const book = doc(
    '一、强化政府法律顾问工作落实《佛山市南海区人民政府办公室关于进一步加强政府法律顾问工作的意见》“五个一”的量化要求注重充分发挥外聘法律顾问的作用,让法律顾问更充分地参与政府法制业务。同时,加强指导。',
  );
  assert.equal(book.outline[0].title, '强化政府法律顾问工作落实');
  assert.equal(book.outline[0].inferred, true);
});

test('repair: a section with no marker after the last marked one (2016 chapter 一: 切实做好依法行政考评工作)', () => {
  const c = chapter(part(r2016, 'review'), 1);
  assert.deepEqual(
    c.children.map((s) => s.number),
    [1, 2, 3, 4, 5],
  );
  const s5 = section(c, 5);
  assert.equal(s5.title, '切实做好依法行政考评工作');
  assert.equal(s5.inferred, true);
  assert.ok(r2016.diagnostics.some((d) => d.line === s5.line && d.code === 'unmarkedSectionLater'));
  // Not when the sections have more than one paragraph each: the paragraph then continues the last one.
  const r = doc('一、总则', '（一）甲。正文。', '续写甲的内容。', '（二）乙。正文。', '续写乙。再写一句。');
  assert.deepEqual(
    r.outline[0].children.map((s) => s.number),
    [1, 2],
  );
});

test('review cases (test/fixtures/texts): outlines of adversarial layouts', () => {
  const outline = (name: string) => {
    const r = importSource(name, readFileSync(path.join(ROOT, 'test/fixtures/texts', name))).reports[0];
    const lines: string[] = [];
    const walk = (ns: typeof r.outline, d: number) => {
      for (const n of ns) {
        lines.push(`${'  '.repeat(d)}${n.label ?? (n.number === null ? '' : `[${n.number}]`)}${n.title}`);
        walk(n.children, d + 1);
      }
    };
    walk(r.outline, 0);
    return lines;
  };
  // A chapter with no marker: the heading-like line, not a body paragraph with figures.
  assert.deepEqual(outline('two-commas2.txt'), ['一、加强组织领导，完善工作机制，全面推进法治政府建设', '[2]深化“放管服”改革', '三、严格规范公正文明执法']);
  assert.deepEqual(outline('miss-chapter.txt'), ['一、加强法治政府建设的统筹领导', '[2]深化“放管服”改革', '三、严格规范行政机关执法行为']);
  // …but the inline sibling when the chapters run into their bodies.
  assert.deepEqual(outline('miss-inline.txt'), [
    '某县人民政府2019年工作计划',
    '  一、加强法治政府建设的统筹领导',
    '  [2]深化“放管服”改革',
    '  三、严格规范行政机关执法行为',
  ]);
  // A repaired chapter keeps its own sections.
  assert.deepEqual(outline('lostchap-sec.txt').filter((l) => l.startsWith('  ')).length, 4);
  // A sentence that opens with a numeral after inline chapters is body text.
  assert.deepEqual(outline('nocomma-inline.txt'), ['一、加强法治政府建设的统筹领导', '二、深化“放管服”改革']);
  // A numeral heading without 、 that ends in 。, among chapter headings that do too.
  assert.deepEqual(
    outline('nocomma-stop.txt').map((l) => l.slice(0, 2)),
    ['一、', '二、', '三严', '四、'],
  );
  // A nested (一) list after a sentence; a new run of sections after an unrecognised heading.
  assert.deepEqual(outline('nest-noncolon.txt'), [
    '一、主要工作情况',
    '  （一）加强组织领导',
    '  （二）深化“放管服”改革',
    '  （三）严格规范公正文明执法',
    '二、存在的问题',
  ]);
  assert.equal(outline('secrestart.txt').length, 5);
  // Closing and summary lines are not sections.
  assert.ok(!outline('sec-later-fp.txt').some((l) => l.includes('成效')));
  assert.ok(!outline('tecibaogao.txt').some((l) => l.includes('特此')));
});
