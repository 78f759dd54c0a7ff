/**
 * County work reports that head their review and plan with unnumbered lines (`2014年工作回顾` / `（一）…`) and no chapter
 * numbers, next to years that number their chapters (`一、2020年及“十三五”主要工作回顾`): a part with no chapter stands
 * for one (partAsChapter), and a chapter outside any part whose title reviews or plans links to a part of that kind.
 * 长沙县's reports (a helper's pass over pages no one had read) were never aligned before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignCorpus, alignTable, chapterUnits, partAsChapter } from '../../src/core/align/index.ts';
import { buildCompare } from '../../src/core/compare/index.ts';
import { reportFigures, type Report } from '../../src/core/index.ts';
import { fromText } from './helpers.ts';
import { TOPICS as T } from './alignHelpers.ts';

const OPEN = '各位代表：\n\n现在，我代表县人民政府向大会报告工作，请予审议。';
/** A county's work report of `year` whose review is an unnumbered line over sections, its plan a part of numbered chapters. */
function parts(year: number): Report {
  const text = `某县${year}年政府工作报告\n\n${OPEN}\n\n${year - 1}年工作回顾\n\n（一）深化审批改革\n\n${T.permit}\n\n（二）严格规范执法\n\n${T.enforce}\n\n${year}年工作安排\n\n一、健全决策程序\n\n${T.decision}\n\n二、建设信用体系\n\n${T.credit}\n`;
  return fromText(text, `parts-${year}.txt`).reports[0];
}
/** The same county's report of `year` with numbered chapters outside any part. */
function numbered(year: number): Report {
  const text = `某县${year}年政府工作报告\n\n${OPEN}\n\n一、${year - 1}年主要工作回顾\n\n（一）深化审批改革\n\n${T.permit}\n\n（二）严格规范执法\n\n${T.enforce}\n\n二、${year}年主要工作\n\n（一）健全决策程序\n\n${T.decision}\n\n（二）建设信用体系\n\n${T.credit}\n\n三、当前形势\n\n${T.law}\n`;
  return fromText(text, `numbered-${year}.txt`).reports[0];
}

test('a part with sections and no chapter stands for a chapter: a unit of its kind, its sections its own; the outline keeps it a part', () => {
  const r = parts(2015);
  assert.deepEqual(
    r.outline.map((n) => [n.kind, n.partKind, n.title, n.children.map((c) => c.kind)]),
    [
      ['part', 'review', '2014年工作回顾', ['section', 'section']],
      ['part', 'plan', '2015年工作安排', ['chapter', 'chapter']],
    ],
  );
  assert.deepEqual(
    chapterUnits(r).map((u) => [u.node.title, u.part, u.sections.map((s) => s.node.title)]),
    [
      ['2014年工作回顾', 'review', ['深化审批改革', '严格规范执法']],
      ['健全决策程序', 'plan', []],
      ['建设信用体系', 'plan', []],
    ],
  );
  // The figures of its paragraphs are placed in it (they were in no chapter).
  const review = reportFigures(r).filter((f) => f.kind === 'result');
  assert.ok(review.length > 0);
  assert.ok(review.every((f) => f.chapter === '2014年工作回顾'));
});

test('not parts that stand for a chapter: one with chapters, an appendix, one of another kind with no section', () => {
  const withChapters = fromText(`某县2015年政府工作报告\n\n${OPEN}\n\n2014年工作回顾\n\n一、深化改革\n\n${T.permit}\n`, 'a.txt').reports[0];
  assert.ok(!withChapters.outline.some(partAsChapter));
  assert.deepEqual(
    chapterUnits(withChapters).map((u) => u.node.title),
    ['深化改革'],
  );
});

test('parts over sections align year to year, and with the numbered chapters of another year; Compare starts from such a part', () => {
  const a = parts(2014);
  const b = parts(2015);
  const c = numbered(2016);
  const al = alignCorpus([a, b, c]);
  const links = al.links.map((l) => [l.b.report.year, l.b.node.title, l.a.report.year, l.a.node.title]).sort();
  assert.deepEqual(links, [
    [2014, '2013年工作回顾', 2015, '2014年工作回顾'],
    [2014, '健全决策程序', 2015, '健全决策程序'],
    [2014, '建设信用体系', 2015, '建设信用体系'],
    [2015, '2014年工作回顾', 2016, '2015年主要工作回顾'],
    // A plan part's topic chapter is never linked to the next year's whole plan chapter: only a part that stands for a
    // chapter links across kinds.
  ]);
  // 三、当前形势 says neither review nor plan: it links to no part.
  assert.ok(!al.links.some((l) => l.a.node.title === '当前形势'));
  assert.ok(al.sectionLinks.some((l) => l.a.report === b && l.a.node.title === '深化审批改革' && l.b.node.title === '深化审批改革'));
  const table = alignTable(al);
  assert.ok(table.includes('2014年工作回顾  一、2015年主要工作回顾'), table);
  const review = b.outline[0];
  const { model, error } = buildCompare(al, b, review);
  assert.equal(error ?? null, null);
  assert.equal(model?.scope, 'chapter');
  assert.deepEqual(
    model?.chapters.map((col) => col?.title),
    ['2013年工作回顾', '2014年工作回顾', '2015年主要工作回顾'],
  );
});

test('a chapter set by hand to have no counterpart gets none across kinds either', () => {
  const b = parts(2015);
  const c = numbered(2016);
  const manual = [
    { series: '某县人民政府 · 政府工作报告', kind: 'chapter' as const, year: 2016, heading: '一、2015年主要工作回顾', otherYear: 2015, counterpart: null },
  ];
  const al = alignCorpus([b, c], { manual });
  assert.ok(!al.links.some((l) => l.a.report === c && l.a.node.title === '2015年主要工作回顾'), JSON.stringify(al.links.map((l) => l.a.node.title)));
  // Without it, the two are linked.
  assert.ok(alignCorpus([b, c]).links.some((l) => l.a.report === c && l.a.node.title === '2015年主要工作回顾'));
});
