/**
 * More edge rows for the mutation testing of src/core/align (issue #12): the table's rows, manual
 * counterparts at the edges, gap sections, the plan year from a heading, the term ranges.
 * Exact inputs and outputs, each row named for the slip it catches. Small synthetic reports only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignCorpus, alignTable, counterpart, countTerms } from '../../src/core/align/index.ts';
import type { Report } from '../../src/core/index.ts';
import { fromText } from './helpers.ts';
import { TOPICS as T } from './alignHelpers.ts';

const NUM = ['一', '二', '三', '四'];
/** A report of `year` without parts: its chapters [heading, body]. */
function flat(year: number, chapters: [string, string][], issuer = '某区'): Report {
  const t = `${issuer}${year}年度法治政府建设工作报告\n\n${chapters.map(([h, b], i) => `${NUM[i]}、${h}\n\n${b}\n\n`).join('')}`;
  return fromText(t, `f${year}.txt`).reports[0];
}
/** A report of `year`: a review part of chapters with sections, and optionally a plan part. */
function rep(year: number, chapters: [string, [string, string][]][], planHead?: string, plan: [string, string][] = [], issuer = '某区'): Report {
  let t = `${issuer}${year}年度法治政府建设工作报告\n\n${year}年法治政府建设工作情况\n\n`;
  chapters.forEach(([h, secs], i) => {
    t += `${NUM[i]}、${h}\n\n${secs.map(([sh, b], j) => `（${NUM[j]}）${sh}\n\n${b}\n\n`).join('')}`;
  });
  if (planHead) t += `${planHead}\n\n${plan.map(([h, b], i) => `${NUM[i]}、${h}\n\n${b}\n\n`).join('')}`;
  return fromText(t, `r${issuer}${year}.txt`).reports[0];
}
const A = () =>
  flat(2017, [
    ['强化复议监督', T.review],
    ['加强普法', T.law],
  ]);
const B = () =>
  flat(2018, [
    ['加强普法宣传', T.law],
    ['复议工作', T.review],
    ['信用建设', T.credit],
  ]);
type Al = ReturnType<typeof alignCorpus>;
const pairs = (al: Al) => al.links.map((l) => [l.a.node.title, l.b.node.title, l.manual ?? false]);

test('table: each earlier chapter on the row of its own counterpart (not the first link), a new chapter once, linked ones never "new"', () => {
  assert.equal(
    alignTable(alignCorpus([A(), B()])),
    [
      '某区人民政府 · 法治政府建设工作报告  (2017, 2018)',
      '',
      '  2017 → 2018, chapters:',
      '    2017              2018              score',
      '    一、强化复议监督  二、复议工作      0.82',
      '    二、加强普法      一、加强普法宣传  0.98',
      '    —                 三、信用建设      new',
      '',
      '',
    ].join('\n'),
  );
});

test('table: a title of exactly 28 characters is shown whole (only longer ones are cut)', () => {
  const t28 = '深入推进行政复议体制改革并全面加强行政复议规范化建设工作'; // 28 characters
  assert.equal(t28.length, 28);
  const table = alignTable(alignCorpus([flat(2017, [[t28, T.review]]), flat(2018, [[t28, T.review]])]));
  assert.ok(table.includes(`    一、${t28}  一、${t28}  1.00\n`), table);
  assert.ok(!table.includes('…'), table);
});

test('table: a section outside any chapter is no row of the table', () => {
  const mk = (year: number) =>
    fromText(`某区${year}年度法治政府建设工作报告\n\n（一）复议\n\n${T.review}\n\n一、普法\n\n${T.law}\n`, `s${year}.txt`).reports[0];
  const lines = alignTable(alignCorpus([mk(2017), mk(2018)])).split('\n');
  assert.deepEqual(lines.slice(2), ['  2017 → 2018, chapters:', '    2017      2018      score', '    一、普法  一、普法  1.00', '', '']);
});

test('table: plan → result lists each series its own plans only, and several results joined by "; "', () => {
  const plan: [string, string][] = [['建设信用体系', T.credit + T.enforce]];
  const series = (issuer: string) => [
    rep(2017, [['强化复议监督', [['复议', T.review]]]], '2018年工作计划', plan, issuer),
    rep(
      2018,
      [
        ['信用建设', [['信用', T.credit]]],
        ['严格执法', [['执法', T.enforce]]],
      ],
      undefined,
      [],
      issuer,
    ),
  ];
  const al = alignCorpus([...series('某区'), ...series('某市')]);
  assert.equal(al.series.length, 2);
  assert.equal(al.planResult.length, 2);
  const table = alignTable(al);
  const planLines = table.split('\n').filter((l) => l.includes(' plan 一、'));
  assert.equal(planLines.length, 2, table);
  for (const l of planLines) assert.match(l, /^ {4}2018 plan 一、建设信用体系 → 2018 review: 一、信用建设 \(0\.\d\d\); 二、严格执法 \(0\.\d\d\)$/);
  assert.equal(table.split('  Plan → result:\n').length, 3, 'one plan heading per series');
});

test("table: the plan rows are headed by each year's plan part title (not its first part's); a plan with no report of its year has no result line", () => {
  const a = rep(2017, [['强化复议监督', [['复议', T.review]]]], '2018年工作计划', [['深化审批改革', T.permit]]);
  const b = rep(2018, [['推进审批改革', [['审批', T.permit]]]], '2019年工作安排', [['深化审批改革', T.permit]]);
  assert.deepEqual(alignTable(alignCorpus([a, b])).split('\n'), [
    '某区人民政府 · 法治政府建设工作报告  (2017, 2018)',
    '',
    '  2017 → 2018, review:',
    '    2017              2018              score',
    '    一、强化复议监督  —                 no counterpart',
    '    —                 一、推进审批改革  new',
    '',
    '  2017 → 2018, plan (2018年工作计划 → 2019年工作安排):',
    '    2017              2018              score',
    '    一、深化审批改革  一、深化审批改革  1.00',
    '',
    '  Plan → result:',
    '    2018 plan 一、深化审批改革 → 2018 review: 一、推进审批改革 (0.92)',
    '',
    '',
  ]);
});

/** A manual counterpart entry of the series of A() and B(). */
function manual(year: number, otherYear: number, heading: string, counterpart: string | null, kind: 'chapter' | 'section' = 'chapter') {
  const key = alignCorpus([A(), B()]).series[0].key;
  return { series: key, kind, year, otherYear, heading, counterpart };
}

test('manual "none" for the first chapter, either direction: it is unlinked (its row or column is emptied at index 0)', () => {
  const a = A();
  const b = B();
  assert.deepEqual(pairs(alignCorpus([a, b], { manual: [manual(2018, 2017, '一、加强普法宣传', null)] })), [['复议工作', '强化复议监督', false]]);
  assert.deepEqual(pairs(alignCorpus([a, b], { manual: [manual(2017, 2018, '一、强化复议监督', null)] })), [['加强普法宣传', '加强普法', false]]);
});

test('manual entries for another pair of years are ignored even when both headings exist in these reports', () => {
  const a = A();
  const b = B();
  const auto = pairs(alignCorpus([a, b]));
  assert.deepEqual(auto, [
    ['加强普法宣传', '加强普法', false],
    ['复议工作', '强化复议监督', false],
  ]);
  for (const m of [
    manual(2018, 2019, '一、加强普法宣传', '一、强化复议监督'), // right year, wrong other year (forward)
    manual(2017, 2016, '一、强化复议监督', '一、加强普法宣传'), // right year, wrong other year (backward)
    manual(2016, 2018, '一、强化复议监督', '一、加强普法宣传'), // wrong year, right other year (backward)
    manual(2016, 2015, '一、强化复议监督', '一、加强普法宣传'), // neither
    manual(2018, 2017, '一、加强普法宣传', '一、强化复议监督', 'section'), // a section entry names no chapter
  ]) {
    assert.deepEqual(pairs(alignCorpus([a, b], { manual: [m] })), auto, JSON.stringify(m));
  }
});

test('manual section counterparts: forced within linked chapters; a chapter entry does not apply to sections', () => {
  const secs = (x: string, y: string): [string, string][] => [
    [x, T.review],
    [y, T.law],
  ];
  const a = rep(2017, [['复议与普法', secs('复议', '普法')]]);
  const b = rep(2018, [['复议与普法', secs('复议', '普法')]]);
  const key = alignCorpus([a, b]).series[0].key;
  const sp = (al: Al) => al.sectionLinks.map((l) => [l.a.node.title, l.b.node.title, l.manual ?? false]);
  assert.deepEqual(sp(alignCorpus([a, b])), [
    ['复议', '复议', false],
    ['普法', '普法', false],
  ]);
  const m = { series: key, year: 2018, otherYear: 2017, heading: '（一）复议', counterpart: '（二）普法' };
  assert.deepEqual(sp(alignCorpus([a, b], { manual: [{ ...m, kind: 'section' }] })), [['复议', '普法', true]]);
  assert.deepEqual(sp(alignCorpus([a, b], { manual: [{ ...m, kind: 'chapter' }] })), sp(alignCorpus([a, b])));
  const backward = { series: key, kind: 'section' as const, year: 2017, otherYear: 2018, heading: '（二）普法', counterpart: '（一）复议' };
  assert.deepEqual(sp(alignCorpus([a, b], { manual: [backward] })), [['复议', '普法', true]]);
});

test('gap sections: a later section already linked through the middle year is not linked again across the gap', () => {
  const r16 = rep(2016, [
    [
      '强化复议监督',
      [
        ['复议', T.review],
        ['行政复议', T.review],
      ],
    ],
  ]);
  const r17 = rep(2017, [['强化复议监督', [['复议', T.review]]]]);
  const r18 = rep(2018, [['强化复议监督', [['复议', T.review]]]]);
  const al = alignCorpus([r16, r17, r18]);
  assert.deepEqual(
    al.sectionLinks.map((l) => [l.a.report.year, l.a.node.title, l.b.report.year, l.b.node.title]),
    [
      [2017, '复议', 2016, '复议'],
      [2018, '复议', 2017, '复议'],
    ],
  );
  assert.deepEqual(al.gapSectionLinks, []);
  assert.deepEqual(al.gapLinks, []);
  // The mirror: an earlier section already linked from the middle year is not offered across the gap.
  const m18 = rep(2018, [
    [
      '强化复议监督',
      [
        ['复议', T.review],
        ['行政复议', T.review],
      ],
    ],
  ]);
  const mirror = alignCorpus([rep(2016, [['强化复议监督', [['复议', T.review]]]]), r17, m18]);
  assert.deepEqual(
    mirror.sectionLinks.map((l) => [l.a.report.year, l.a.node.title, l.b.report.year, l.b.node.title]),
    [
      [2017, '复议', 2016, '复议'],
      [2018, '复议', 2017, '复议'],
    ],
  );
  assert.deepEqual(mirror.gapSectionLinks, []);
});

test('gap chapters: a chapter the middle year dropped links across it, once, with its sections; not recorded as a neighbour', () => {
  const credit: [string, [string, string][]] = ['信用建设', [['信用', T.credit]]];
  const review: [string, [string, string][]] = [
    '强化复议监督',
    [
      ['复议', T.review],
      ['普法', T.law],
    ],
  ];
  const r16 = rep(2016, [credit, review]);
  const r17 = rep(2017, [['强化复议监督', [['复议', T.review]]]]);
  const r18 = rep(2018, [credit, review]);
  const al = alignCorpus([r16, r17, r18]);
  const row = (l: Al['links'][number]) => [l.a.report.year, l.a.node.title, l.b.report.year, l.b.node.title, l.a.part];
  assert.deepEqual(al.links.map(row), [
    [2017, '强化复议监督', 2016, '强化复议监督', 'review'],
    [2018, '强化复议监督', 2017, '强化复议监督', 'review'],
  ]);
  assert.deepEqual(al.gapLinks.map(row), [[2018, '信用建设', 2016, '信用建设', 'review']]);
  // 信用 inside the gap-linked chapters; 普法 inside the chapters linked through 2017 (the second of 2016's chapters).
  assert.deepEqual(al.gapSectionLinks.map(row), [
    [2018, '信用', 2016, '信用', 'review'],
    [2018, '普法', 2016, '普法', 'review'],
  ]);
  const sec = r18.outline[0].children[0].children[0];
  assert.deepEqual(
    [counterpart(al, r18, sec, 'previous').reason, counterpart(al, r18, sec, 'previous').target],
    ['Its chapter has no counterpart in 2017.', null],
    'a gap link does not become the previous-year neighbour',
  );
  assert.deepEqual(
    al.gapParagraphLinks.map((l) => [l.a.report.year, l.a.paragraph.text.slice(0, 6), l.b.report.year]),
    [
      [2018, '（一）信用', 2016],
      [2018, '建设社会信用', 2016],
      [2018, '一、信用建设', 2016],
      [2018, '（二）普法', 2016],
      [2018, '深入开展普法', 2016],
    ],
  );
  // Chapters linked through 2017 are offered across the gap on neither side, though a similar chapter is free there.
  const one = (year: number, ...heads: string[]) =>
    flat(
      year,
      heads.map((h): [string, string] => [h, T.review]),
    );
  for (const [x, y, z] of [
    [one(2016, '强化复议监督', '行政复议工作'), one(2017, '强化复议监督'), one(2018, '强化复议监督')],
    [one(2016, '强化复议监督'), one(2017, '强化复议监督'), one(2018, '强化复议监督', '行政复议工作')],
  ]) {
    const g = alignCorpus([x, y, z]);
    assert.equal(g.links.length, 2);
    assert.deepEqual(g.gapLinks, []);
  }
});

test("counterpart in the next year: the earlier chapter's candidates are the later chapters, best first", () => {
  const a = A();
  const b = B();
  const al = alignCorpus([a, b]);
  const n = counterpart(al, a, a.outline[0], 'next');
  assert.deepEqual(
    [n.reason, n.report, n.target?.node, n.candidates.map((c) => c.ref.node.title)],
    [null, b, b.outline[1], ['复议工作', '加强普法宣传', '信用建设']],
  );
  assert.equal(n.candidates[0].score, n.score);
  assert.equal(Number(n.score!.toFixed(3)), 0.825);
  assert.deepEqual(
    n.candidates.slice(1).map((c) => c.score),
    [0, 0],
  );
});

test("sections across unlinked chapters: the link is each side's neighbour with itself as the one candidate, and its paragraphs link", () => {
  const a = rep(2017, [
    [
      '复议与普法',
      [
        ['复议', T.review],
        ['普法', T.law],
      ],
    ],
  ]);
  const b = rep(2018, [
    [
      '普法与审批',
      [
        ['普法', T.law],
        ['审批', T.permit],
      ],
    ],
  ]);
  const al = alignCorpus([a, b], { chapterThreshold: 0.9 });
  assert.deepEqual(al.links, []);
  assert.deepEqual(
    al.sectionLinks.map((l) => [l.a.node.title, l.b.node.title, Number(l.score.toFixed(6))]),
    [['普法', '普法', 1]],
  );
  assert.deepEqual(
    al.paragraphLinks.map((l) => [l.a.paragraph.text.slice(0, 6), l.b.paragraph.text.slice(0, 6)]),
    [
      ['（一）普法', '（二）普法'],
      ['深入开展普法', '深入开展普法'],
    ],
  );
  const [law18, permit18] = b.outline[0].children[0].children;
  const [review17, law17] = a.outline[0].children[0].children;
  const back = counterpart(al, b, law18, 'previous');
  assert.deepEqual([back.reason, back.target?.node, back.candidates.map((c) => [c.ref.node, c.score])], [null, law17, [[law17, al.sectionLinks[0].score]]]);
  const fwd = counterpart(al, a, law17, 'next');
  assert.deepEqual([fwd.reason, fwd.target?.node, fwd.candidates.map((c) => [c.ref.node, c.score])], [null, law18, [[law18, al.sectionLinks[0].score]]]);
  assert.equal(counterpart(al, a, review17, 'next').reason, 'Its chapter has no counterpart in 2018.');
  assert.equal(counterpart(al, b, permit18, 'previous').reason, 'Its chapter has no counterpart in 2017.');
});

test('counterpart: the threshold named is the section floor for a section and the chapter floor for a chapter', () => {
  const a = rep(2017, [
    [
      '复议与普法',
      [
        ['复议', T.review],
        ['普法', T.law],
      ],
    ],
  ]);
  const b = rep(2018, [
    [
      '普法与审批',
      [
        ['普法', T.law],
        ['审批', T.permit],
      ],
    ],
  ]);
  const permit18 = b.outline[0].children[0].children[1];
  assert.match(
    counterpart(alignCorpus([a, b], { sectionThreshold: 0.3, chapterThreshold: 0.2 }), b, permit18, 'previous').reason!,
    /^No counterpart in 2017: the closest scores 0\.03, under the threshold of 0\.30\.$/,
  );
  assert.match(
    counterpart(alignCorpus([a, b], { sectionThreshold: 0.05, chapterThreshold: 0.5 }), b, b.outline[0].children[0], 'previous').reason!,
    /^No counterpart in 2017: the closest scores 0\.31, under the threshold of 0\.50\.$/,
  );
  // A closest score exactly at the floor is over it (the floor is inclusive): taken by another chapter, not under the floor.
  const x = fromText(`某区2017年度法治政府建设工作报告\n\n一、强化复议监督\n\n${T.review}\n`, 'x.txt').reports[0];
  const y = fromText(`某区2018年度法治政府建设工作报告\n\n一、强化复议监督\n\n${T.review}\n\n二、强化复议工作\n\n${T.review}\n`, 'y.txt').reports[0];
  const loser = y.outline[1];
  const at = counterpart(alignCorpus([x, y]), y, loser, 'previous').candidates[0].score;
  assert.ok(at > 0.5 && at < 1, String(at));
  const tie = counterpart(alignCorpus([x, y], { chapterThreshold: at }), y, loser, 'previous');
  assert.equal(tie.reason, `No counterpart in 2017: the closest (${at.toFixed(2)}) is a better match for another chapter.`);
});

test('plan year from the plan heading: its four-digit year, with or without a space before 年, picks the review it is for', () => {
  const mk = (head: string) => {
    const r17 = rep(2017, [['强化复议监督', [['复议', T.review]]]], head, [['深化审批改革', T.permit]]);
    const r18 = rep(2018, [['加强普法', [['普法', T.law]]]]);
    const r19 = rep(2019, [['推进审批改革', [['审批', T.permit]]]]);
    return alignCorpus([r17, r18, r19]).planResult.map((p) => [
      p.plan.report.year,
      p.planYear,
      p.result.map((r) => [r.chapter.report.year, r.chapter.node.title]),
    ]);
  };
  const to2019 = [[2017, 2019, [[2019, '推进审批改革']]]];
  assert.deepEqual(mk('2019年工作计划'), to2019);
  assert.deepEqual(mk('2019 年工作计划'), to2019);
  assert.deepEqual(mk('２０１９年工作计划'), to2019, 'full-width digits after NFKC');
  assert.deepEqual(mk('下一步工作打算'), [[2017, 2018, []]], 'no year in the heading: the next year');
});

test('term ranges: the last CJK ideograph U+9FFF and the whole extension A (U+3400 to U+4DBF) are content', () => {
  for (const s of ['\u9fff\u4e00', '\u4e00\u9fff', '\u3400\u3401', '\u4dbf\u4e00', '\u4e00\u4dbf']) {
    assert.equal(countTerms(s).ids.length, 1, s.codePointAt(0)!.toString(16));
  }
  for (const s of ['\ua000\u4e00', '\u33ff\u4e00', '\u4dc0\u4e00']) assert.equal(countTerms(s).ids.length, 0, s.codePointAt(0)!.toString(16));
});

test('heading weight 3 counts the heading three times: a renamed chapter scores lower than with the default 2', () => {
  const a = A();
  const b = B();
  const w2 = alignCorpus([a, b]);
  const w3 = alignCorpus([a, b], { headingWeight: 3 });
  assert.deepEqual(pairs(w3), pairs(w2));
  w3.links.forEach((l, k) => assert.ok(l.score < w2.links[k].score, `${l.score} vs ${w2.links[k].score}`));
});

test('a template’s heading, the same in both years, links the chapters whose bodies share too little; a stronger pair still wins', () => {
  const heading = '法治政府建设的主要举措和成效';
  // The bodies share nothing: only the heading, in every report of the series, says they are one chapter.
  const series = [
    flat(2021, [[heading, (T.review + T.law).repeat(3)]]),
    flat(2022, [[heading, (T.credit + T.decision).repeat(3)]]),
    flat(2023, [[heading, (T.permit + T.enforce).repeat(3)]]),
  ];
  const al = alignCorpus(series);
  assert.deepEqual(
    al.links.map((l) => [l.b.report.year, l.a.report.year, l.a.node.title, l.sameHeading ?? false]),
    [
      [2021, 2022, heading, true],
      [2022, 2023, heading, true],
    ],
  );
  assert.ok(al.links.every((l) => l.score < al.options.chapterThreshold));
  assert.match(alignTable(al), /0\.\d\d \(same heading\)/);
  // A chapter whose content matches strongly keeps its counterpart over one that only shares the heading.
  const moved = alignCorpus([
    flat(2021, [
      [heading, T.review],
      ['其他工作', T.credit],
    ]),
    flat(2022, [
      ['行政复议', T.review],
      [heading, T.permit],
    ]),
  ]);
  const linked = Object.fromEntries(moved.links.map((l) => [l.b.node.title, [l.a.node.title, l.sameHeading ?? false]]));
  assert.deepEqual(linked[heading], ['行政复议', false]);
  // Headings of fewer than four characters (一、概述) are too common to say so alone.
  assert.equal(alignCorpus([flat(2021, [['概述', T.review]]), flat(2022, [['概述', T.credit]])]).links.length, 0);
});
