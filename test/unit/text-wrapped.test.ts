/**
 * Text cut into lines at a fixed width (copied out of a PDF, pdftotext, an editor's hard wrap) reads
 * as paragraphs: a full line runs on, a short one ends its paragraph, an indented one starts one;
 * form feeds and page numbers go, and blank lines after every line are spacing.
 * Real reports of the corpus as pdftotext gives them (test/fixtures/pdf-text) have their .docx's
 * chapters and sections; a text of one paragraph a line is left as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { flattenOutline, importSource, type Report } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const load = (dir: string, name: string) => importSource(name, readFileSync(path.join(FIXTURES, dir, name))).reports[0];
/** Headings without the spaces pdftotext puts around figures (2024 年工作回顾). */
const headings = (r: Report) => flattenOutline(r.outline).map(({ node }) => `${node.kind}:${node.label ?? ''}${node.title.replace(/ /g, '')}`);

test('a report as pdftotext writes it (lines cut, form feeds, a blank line at each page end): the chapters and sections of its .docx', () => {
  const docx = load('docx', '2025年宁夏政府工作报告.docx');
  const text = load('pdf-text', '2025年宁夏政府工作报告.txt');
  assert.deepEqual(headings(text), headings(docx));
  assert.equal(text.issuer, '宁夏回族自治区人民政府');
  assert.equal(text.year, 2025);
  // Paragraphs run over the lines and the pages: a paragraph of the .docx is one paragraph here too.
  const flat = (s: string) => s.replace(/ /g, '');
  const texts = new Set(text.paragraphs.map((p) => flat(p.text)));
  const same = docx.paragraphs.filter((p) => texts.has(flat(p.text))).length;
  // Not all: a paragraph whose last line is full runs into the next (nothing in the text tells it ended), and a line
  // cut short before a figure that does not fit ends one.
  assert.ok(same >= docx.paragraphs.length * 0.6, `${same} of ${docx.paragraphs.length} paragraphs word for word`);
  assert.ok(
    Math.abs(text.paragraphs.length - docx.paragraphs.length) <= docx.paragraphs.length * 0.2,
    `${text.paragraphs.length} vs ${docx.paragraphs.length}`,
  );
  assert.ok(!text.paragraphs.some((p) => /\f|^\d+$/.test(p.text)), 'no form feed and no page number is text');
});

test('the same with no blank line at all (a copy from a PDF viewer): only the line ends tell the paragraphs apart', () => {
  const docx = load('docx', '2025年天津市政府工作报告.docx');
  const text = load('pdf-text', '2025年天津市政府工作报告.noblank.txt');
  assert.deepEqual(headings(text), headings(docx));
  assert.ok(
    Math.abs(text.paragraphs.length - docx.paragraphs.length) <= docx.paragraphs.length * 0.1,
    `${text.paragraphs.length} vs ${docx.paragraphs.length}`,
  );
});

test('pdftotext -layout (double-spaced lines, indented first lines): the blank lines are spacing, an indent starts a paragraph', () => {
  const docx = load('docx', '2025年天津市政府工作报告.docx');
  const text = load('pdf-text', '2025年天津市政府工作报告.layout.txt');
  assert.deepEqual(headings(text), headings(docx));
  assert.ok(Math.abs(text.paragraphs.length - docx.paragraphs.length) <= 3, `${text.paragraphs.length} vs ${docx.paragraphs.length}`);
});

test('a section heading alone on a line it fills is not run into its body; a heading run into its paragraph over two lines is joined', () => {
  for (const name of ['2025年新疆政府工作报告', '2025年浙江省政府工作报告']) {
    const docx = load('docx', `${name}.docx`);
    const text = load('pdf-text', `${name}.txt`);
    assert.deepEqual(headings(text), headings(docx), name);
  }
  const xj = headings(load('pdf-text', '2025年新疆政府工作报告.txt'));
  // Alone on its full line, before the lead-in of its body (深入开展文化润疆。加强…).
  assert.ok(xj.includes('section:(八)加快推进中华民族共同体建设，构建各民族共有精神家园'));
  const zj = headings(load('pdf-text', '2025年浙江省政府工作报告.txt'));
  // The plan's headings stand alone (the second across a page break); the review's run on into their paragraphs
  // over two lines, the first of them full: joined, as before.
  assert.ok(zj.includes('section:（四）以创新浙江引领新质生产力发展，打造现代化产业体系'));
  assert.ok(zj.includes('section:（十一）保障和改善民生，增强人民群众获得感幸福感安全感'));
  assert.ok(zj.includes('section:（一）系统落实一揽子存量和增量政策，有力推动经济持续回升向好'));
});

test('a full heading line is told by its neighbours: alone among headings alone, run on among headings run into their paragraphs', () => {
  // Lines cut at 24 characters; the sections of one chapter are set one way or the other.
  const line = (s: string) => s.padEnd(24, '发').slice(0, 24);
  const body = (n: number) => Array.from({ length: n }, (_, i) => line(`各项工作取得新成效，人民生活持续改善，第${i}行`));
  const alone = [
    '关于2025年政府工作的报告',
    '一、2025年重点工作',
    '（一）扩大有效需求',
    ...body(4),
    '全年目标顺利完成。',
    '（二）加快推进中华民族共同体建设，构建各民族共有',
    '深入开展文化润疆。加强遗址保护，推进文化事业发展，提升',
    ...body(4),
    '全年目标顺利完成。',
    '（三）持续改善民生',
    ...body(4),
    '全年目标顺利完成。',
  ];
  const a = importSource('alone.txt', new TextEncoder().encode(alone.join('\n'))).reports[0];
  assert.deepEqual(
    flattenOutline(a.outline).map(({ node }) => node.title),
    ['2025年重点工作', '扩大有效需求', '加快推进中华民族共同体建设，构建各民族共有', '持续改善民生'],
  );
  assert.ok(a.paragraphs.some((p) => p.text.startsWith('深入开展文化润疆。')));
  // The same full line among headings that run into their paragraphs: it runs on too.
  const runIn = [
    '关于2025年政府工作的报告',
    '一、2024年工作回顾',
    '（一）扩大有效需求。全年社会消费品零售总额增长',
    ...body(4),
    '全年目标顺利完成。',
    '（二）加快推进中华民族共同体建设，构建各民族共有',
    '精神家园。加强遗址保护，推进文化事业发展，提升',
    ...body(4),
    '全年目标顺利完成。',
    '（三）持续改善民生。城乡居民收入稳步增长，就业',
    ...body(4),
    '全年目标顺利完成。',
  ];
  const r = importSource('runin.txt', new TextEncoder().encode(runIn.join('\n'))).reports[0];
  assert.deepEqual(
    flattenOutline(r.outline).map(({ node }) => node.title),
    ['2024年工作回顾', '扩大有效需求', '加快推进中华民族共同体建设，构建各民族共有精神家园', '持续改善民生'],
  );
});

test('text from a PDF loses the spaces of its layout (2024 年, 5G 用户, a justified line); a table row and Latin words among themselves keep theirs', () => {
  const exact = (r: Report) => flattenOutline(r.outline).map(({ node }) => `${node.label ?? ''}${node.title}`);
  for (const name of ['2025年宁夏政府工作报告', '2025年浙江省政府工作报告', '2025年新疆政府工作报告']) {
    const docx = load('docx', `${name}.docx`);
    const text = load('pdf-text', `${name}.txt`);
    // As printed, spaces and all: 一、2024年工作回顾, not 一、2024 年工作回顾.
    assert.deepEqual(exact(text), exact(docx), name);
    const words = new Set(text.paragraphs.map((p) => p.text));
    const same = docx.paragraphs.filter((p) => words.has(p.text)).length;
    assert.ok(same >= docx.paragraphs.length * 0.6, `${name}: ${same} of ${docx.paragraphs.length} paragraphs word for word`);
  }
  assert.ok(exact(load('pdf-text', '2025年宁夏政府工作报告.txt')).includes('一、2024年工作回顾'));
  const line = (s: string) => s.padEnd(24, '发').slice(0, 24);
  const lines = [
    '关于2025年政府工作的报告',
    '一、2024 年工作回顾',
    // Cut at 24 characters, the spaces counted, as pdftotext gives them.
    '全年地区生产总值增长 5.2%，第 6 次荣获全国文明',
    '城市称号，5G 用户突破 300 万户，抓 制造优服 务强',
    '链群，Made in China 新品持续增加，各项工作取得进展',
    ...Array.from({ length: 8 }, (_, i) => line(`各项工作取得新成效，人民生活持续改善，第${i}行`)),
    '全年目标顺利完成。',
    '项目 数量 金额',
  ];
  const r = importSource('pdf.txt', new TextEncoder().encode(lines.join('\n'))).reports[0];
  assert.equal(r.outline[0]?.title, '2024年工作回顾');
  const body = r.paragraphs.find((p) => p.text.startsWith('全年地区'))?.text ?? '';
  assert.match(body, /^全年地区生产总值增长5\.2%，第6次荣获全国文明城市称号，5G用户突破300万户，抓制造优服务强链群，Made in China新品/);
  assert.ok(
    r.paragraphs.some((p) => p.text === '项目 数量 金额'),
    'a table row keeps its spaces',
  );
});

const PROSE = '全县上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济社会发展取得新成效，人民生活水平稳步提高。';

test('lines cut at a width join; a short line ends a paragraph; a heading after a full line that ends a sentence starts one', () => {
  const para = (s: string, width: number) => {
    const out: string[] = [];
    for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
    return out;
  };
  // 151 characters: seven full lines of 20 and a short one.
  const p1 = `${PROSE.repeat(3).slice(0, 150)}。`;
  // A paragraph whose last line is full and ends a sentence, then a heading.
  const p2 = PROSE.slice(0, 40);
  const lines = [
    '2024年某县人民政府工作报告',
    '一、过去一年工作回顾',
    ...para(p1, 20),
    ...para(`${p2.slice(0, 39)}。`, 20),
    '（一）经济运行',
    ...para(p1, 20),
    '二、今年工作安排',
    ...para(p1, 20),
  ];
  const [r] = importSource('w.txt', new TextEncoder().encode(lines.join('\n'))).reports;
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['一、过去一年工作回顾', p1, `${p2.slice(0, 39)}。`, '（一）经济运行', p1, '二、今年工作安排', p1],
  );
  // Form feeds and page numbers between the pages of one paragraph.
  const paged = [
    '2024年某县人民政府工作报告',
    '一、过去一年工作回顾',
    ...para(p1, 20).slice(0, 4),
    '',
    '- 2 -',
    '',
    `\f${para(p1, 20)[4]}`,
    ...para(p1, 20).slice(5),
    '二、今年工作安排',
    ...para(p1, 20),
  ];
  const [q] = importSource('p.txt', new TextEncoder().encode(paged.join('\n'))).reports;
  assert.deepEqual(
    q.paragraphs.map((p) => p.text),
    ['一、过去一年工作回顾', p1, '二、今年工作安排', p1],
  );
});

test('a text of one paragraph a line (web text) is read as before: its lines vary in width', () => {
  const lines = ['2024年某县人民政府工作报告', '一、过去一年工作回顾'];
  for (let i = 0; i < 12; i++) lines.push(PROSE.slice(0, 20 + ((i * 7) % 30)) + '。');
  lines.push('二、今年工作安排', PROSE);
  const [r] = importSource('o.txt', new TextEncoder().encode(lines.join('\n'))).reports;
  assert.equal(r.paragraphs.length, 15);
});

test('a 政府信息公开 report through pdftotext, its tables a cell a line: the prose is still read as wrapped, the chapters are the PDF’s', async () => {
  const text = load('pdf-text', 'hzq2023_working.txt');
  assert.deepEqual(text.outline.map((n) => `${n.label}${n.title}`).slice(0, 2), ['一、总体情况', '二、主动公开政府信息情况']);
  assert.equal(text.outline.length, 6);
  // The first paragraph of 一、总体情况 runs over its lines: one paragraph, not one a line.
  const first = text.paragraphs.find((p) => p.text.startsWith('2023年') || p.text.startsWith('2023 年'));
  assert.ok(first && first.text.length > 100, first?.text);
  assert.ok(text.paragraphs.length < 300, `${text.paragraphs.length} paragraphs`);
});

test('no wrap where lines of one width are no prose: a list of names, a list of items; a lone figure at a page’s edge stays', () => {
  const names = [
    '广州市天河区石牌街道华南师大社区居民委员会',
    '深圳市南山区粤海街道科技园社区居民委员会',
    '珠海市香洲区拱北街道夏湾社区居民委员会',
    '佛山市南海区桂城街道夏北社区居民委员会',
  ];
  const list = ['2024年度全省完整社区建设试点名单', '', ...names, ...names.map((n) => n.replace('社区', '村')), ...names.map((n) => n.replace('街道', '镇'))];
  const [r] = importSource('l.txt', new TextEncoder().encode(list.join('\n'))).reports;
  assert.equal(r.paragraphs.length, 12, 'one name a line');
  // A table over two pages with no page numbers: the cell at the foot and the one at the top stay.
  const table = [
    '某区人民政府2023年政府信息公开工作年度报告',
    '',
    '二、主动公开政府信息情况',
    '',
    '规章',
    '0',
    '0',
    '3',
    '行政规范性文件',
    '12',
    '\f5',
    '147',
    '行政许可',
    '2356',
    '',
  ];
  const [t] = importSource('t.txt', new TextEncoder().encode(table.join('\n'))).reports;
  assert.deepEqual(
    t.paragraphs.map((p) => p.text).filter((x) => /^\d+$/.test(x)),
    ['0', '0', '3', '12', '5', '147', '2356'],
  );
});

test('a list wrapped at an item’s marker after ； is no heading; after 。 or ： it is', () => {
  const w = (s: string) => {
    const out: string[] = [];
    for (let i = 0; i < s.length; i += 20) out.push(s.slice(i, i + 20));
    return out;
  };
  // 20-character lines: the list's second line opens with （三）, after a line that ends in ；.
  const intro = '主要措施有：（一）扩大有效投资，加快重大项目建设；（二）促进消费回升；';
  const item = '（三）保障和改善民生。';
  const lines = [
    '2024年某县人民政府工作报告',
    '一、过去一年工作回顾',
    ...w(PROSE.repeat(2).slice(0, 100)),
    ...w(PROSE.slice(0, 30)),
    ...w(`${intro.slice(0, 40)}${item}`),
    ...w(PROSE.repeat(2).slice(0, 90)),
    '二、今年工作安排',
    ...w(PROSE.repeat(2).slice(0, 90)),
  ];
  const [r] = importSource('i.txt', new TextEncoder().encode(lines.join('\n'))).reports;
  assert.deepEqual(
    flattenOutline(r.outline).map(({ node }) => `${node.label}${node.title}`),
    ['一、过去一年工作回顾', '二、今年工作安排'],
  );
});

test('a short label with no punctuation after a full line that ends a sentence is a line of its own; a full line after one runs on', () => {
  // Lines cut at 24 characters; the first paragraph's last line happens to fill the line and end a sentence.
  const para = (s: string) => s.match(/.{1,24}/gu)!;
  const body = '全县上下坚持稳中求进工作总基调，统筹推进经济社会发展，各项工作取得积极成效，主要指标好于预期。'.repeat(4);
  const opening = '二〇〇九年是新世纪以来我国经济社会发展最为困难的一年也是我省应对国际金融危机取得显著成效的一年。';
  assert.equal(opening.length, 48);
  const lines = ['某省2010年政府工作报告', ...para(opening), '基本介绍', '各位代表:', ...para(body), '一、2009年工作回顾', ...para(body), ...para(body)];
  const r = importSource('wrapped.txt', new TextEncoder().encode(lines.join('\n'))).reports[0];
  const texts = r.paragraphs.map((p) => p.text);
  assert.ok(texts.includes(opening), texts.slice(0, 3).join('\n'));
  assert.ok(texts.includes('基本介绍'));
  // A full line with no punctuation after a sentence's end at a line's end is the paragraph going on, not a label.
  // (Cut at 20 characters, the narrowest wrap read: a full line is as short as a label may be.)
  const para20 = (s: string) => s.match(/.{1,20}/gu)!;
  const run = `${'这一年全省经济运行总体平稳各项改革深入推进。'.slice(0, 19)}。${'全省上下齐心协力奋力拼搏完成了全年目标'}任务。`;
  const lines2 = [
    '某省2010年政府工作报告',
    '各位代表:',
    ...para20(body),
    ...para20(run),
    ...para20(body),
    '一、2009年工作回顾',
    ...para20(body),
    ...para20(body),
  ];
  const texts2 = importSource('wrapped.txt', new TextEncoder().encode(lines2.join('\n'))).reports[0].paragraphs.map((p) => p.text);
  assert.ok(texts2.some((t) => t.includes('全省上下齐心协力')) && !texts2.some((t) => t.startsWith('全省上下齐心协力')), texts2.join('\n'));
});
