import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { importSource, type OutlineNode } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const load = (rel: string) => importSource(path.basename(rel), readFileSync(path.join(FIXTURES, rel))).reports[0];
const sections = (chapter: OutlineNode) => chapter.children.filter((n) => n.kind === 'section').map((n) => n.title);
const text = (name: string, lines: string[]) => importSource(name, new TextEncoder().encode(lines.join('\n\n'))).reports[0];
const LONG = '在上年快速增长的基础上，全年经济继续蓬勃发展，主要经济指标好于预期，各项改革稳步推进，人民生活继续改善，社会保持稳定。';

test('national reports of 1993–2002: the short sentences that head each run of paragraphs are the chapters’ sections', () => {
  const r1994 = load('series/national/gwr-national-1994.txt');
  assert.deepEqual(sections(r1994.outline[0]), ['国民经济快速增长', '改革开放取得新的进展', '各项社会事业进一步发展', '城乡人民生活继续改善']);
  assert.deepEqual(sections(r1994.outline[1]).slice(0, 3), [
    '加强农业基础地位，全面发展农村经济',
    '改善经营管理，搞好工交生产',
    '保持合理投资规模，优化投资结构',
  ]);
  const first = r1994.outline[0].children[0];
  assert.equal(first.label, null);
  assert.equal(first.number, null);
  assert.equal(first.inferred, true);
  const note = r1994.diagnostics.find((d) => d.code === 'unnumberedSections');
  assert.deepEqual(note?.args, ['一、１９９３年国内工作的回顾和１９９４年工作的基本方针', '4']);
  const r2001 = load('national/gwr-national-2001.txt');
  assert.deepEqual(sections(r2001.outline[0]).slice(0, 2), [
    '国民经济持续快速健康发展，综合国力进一步增强',
    '经济体制改革全面推进，社会主义市场经济体制初步建立',
  ]);
  // A sentence that introduces a list is no section (2000: …包括以下几个方面。).
  const r2000 = load('national/gwr-national-2000.txt');
  const all = r2000.outline.flatMap(sections);
  assert.ok(all.includes('国民经济发展质量提高'));
  assert.ok(!all.some((t) => /以下|几个方面|四个环节/.test(t)), all.join(' | '));
});

test('a province’s review with its heads set apart (青海 2026): sections in the chapter with none', () => {
  const r = load('webtext/2026_青海省_政府工作报告.txt');
  assert.deepEqual(sections(r.outline[0]).slice(0, 3), ['生态底色更加亮丽', '经济运行持续向好', '特色产业向新向优']);
  // Its numbered sections elsewhere are as before.
  assert.equal(r.outline[1].children[0].label, '（一）');
});

test('short sentences are sections only three or more, early in a chapter, each before a long paragraph, and nowhere a list', () => {
  const heads = (r: ReturnType<typeof text>) => r.outline.flatMap(sections);
  const base = ['一、过去一年的工作', '过去的一年，我们认真贯彻各项决策部署，较好完成了全年目标任务。'];
  const ok = text('a.txt', [...base, '经济平稳增长。', LONG, '改革不断深化。', LONG, '民生持续改善。', LONG, '二、今年的工作', LONG]);
  assert.deepEqual(heads(ok), ['经济平稳增长', '改革不断深化', '民生持续改善']);
  // Two are too few.
  assert.deepEqual(heads(text('b.txt', [...base, '经济平稳增长。', LONG, '改革不断深化。', LONG, '二、今年的工作', LONG])), []);
  // A short paragraph after them (not before a long one) is no head.
  assert.deepEqual(heads(text('c.txt', [...base, '经济平稳增长。', LONG, '改革不断深化。', LONG, '民生持续改善。', '这是来之不易的。'])), []);
  // Far into a chapter, after its first three paragraphs: stray short sentences, not heads (the opening sentence speaks
  // as 我们: no head either).
  assert.deepEqual(heads(text('d.txt', [...base, LONG, LONG, LONG, '经济平稳增长。', LONG, '改革不断深化。', LONG, '民生持续改善。', LONG])), []);
  // A list's items, a figure, a colon or a second sentence: none.
  for (const items of [
    ['一是经济平稳增长。', '二是改革不断深化。', '三是民生持续改善。'],
    ['——经济平稳增长。', '——改革不断深化。', '——民生持续改善。'],
    ['经济增长8.5%。', '改革不断深化。', '民生持续改善。'],
    ['主要做法有：', '改革不断深化。', '民生持续改善。'],
    ['经济平稳增长。成绩很大。', '改革不断深化。', '民生持续改善。'],
    ['要着重抓好以下工作。', '改革不断深化。', '民生持续改善。'],
  ]) {
    const got = heads(text('e.txt', [...base, items[0], LONG, items[1], LONG, items[2], LONG]));
    assert.ok(got.length < 3, `${items[0]}: ${got.join(' | ')}`);
  }
  // Ordinals are no heads of this kind, but ordinals that each stand as one sentence over a paragraph of their own are the
  // chapter's numbered sections (markers.ts's ordinal sections; national 1997, 1999, 2005), labels kept.
  const ordinals = text('o.txt', [...base, '第一，经济平稳增长。', LONG, '第二，改革不断深化。', LONG, '第三，民生持续改善。', LONG]);
  assert.deepEqual(
    ordinals.outline[0].children.map((s) => `${s.label}${s.title}`),
    ['第一，经济平稳增长', '第二，改革不断深化', '第三，民生持续改善'],
  );
  // A chapter that has numbered sections keeps them alone.
  const numbered = text('f.txt', [...base, '（一）经济平稳增长', LONG, '改革不断深化。', LONG, '民生持续改善。', LONG, '社会和谐稳定。', LONG]);
  assert.deepEqual(heads(numbered), ['经济平稳增长']);
});

test('review: 一要… items, a chapter’s opening sentence with heads far after it, and a closing’s couplets are no sections', () => {
  const heads = (r: ReturnType<typeof text>) => r.outline.flatMap(sections);
  const L = LONG;
  // 一要…, 二要…, 三要… are a list's items, as 一是… are.
  assert.deepEqual(
    heads(
      text('a.txt', [
        '一、过去一年的工作',
        '过去的一年，各项决策部署得到较好落实，较好完成了全年目标任务。',
        '一要稳定农业生产。',
        L,
        '二要扩大有效投资。',
        L,
        '三要促进消费增长。',
        L,
        '二、今年的工作',
        L,
      ]),
    ),
    [],
  );
  // The chapter's opening sentence, then the closing's couplets after an address.
  const closing = [
    '一、加强政府自身建设',
    '新征程对政府工作提出了新的更高要求。',
    L,
    L,
    L,
    L,
    L,
    '各位代表！',
    '征程万里风正劲，重任千钧再出发。',
    L,
    '蓝图已经绘就，奋斗正当其时。',
    L,
  ];
  assert.deepEqual(heads(text('b.txt', closing)), []);
  // …also when the opening sentence comes second.
  assert.deepEqual(heads(text('b2.txt', [closing[0], L, ...closing.slice(1)])), []);
  // The lessons after an opening sentence and a lead-in.
  const lessons = [
    '一、加强政府自身建设',
    '过去五年极不平凡。',
    L,
    '五年的奋斗历程，使我们深刻体会到：',
    '必须坚持党的全面领导。',
    L,
    '必须坚持以人民为中心。',
    L,
    '必须坚持深化改革开放。',
    L,
  ];
  assert.deepEqual(heads(text('c.txt', lessons)), []);
  // An address between heads, once they run, leaves them heads (各位代表！这里我要强调…).
  const run = [
    '一、今年的主要任务',
    L,
    '继续把加强农业放在首位。',
    L,
    '加强水利建设是一项迫切任务。',
    L,
    '积极促进乡镇企业发展。',
    L,
    `各位代表！这里我要强调一下减轻农民负担问题。${L}`,
    '保持合理的投资规模。',
    L,
  ];
  assert.deepEqual(heads(text('d.txt', run)), ['继续把加强农业放在首位', '加强水利建设是一项迫切任务', '积极促进乡镇企业发展', '保持合理的投资规模']);
});
