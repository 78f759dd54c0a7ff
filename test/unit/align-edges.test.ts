/**
 * Edge rows for the mutation testing of src/core/align (see stryker.config.mjs): exact inputs and
 * outputs, each row named for the slip it catches. Small synthetic reports only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignCorpus, alignJson, alignTable, assign, chapterUnits, cosine, counterpart, countTerms, Idf } from '../../src/core/align/index.ts';
import type { Report } from '../../src/core/index.ts';
import { fromText } from './helpers.ts';
import { TOPICS as T } from './alignHelpers.ts';

const NUM = ['一', '二', '三', '四'];

/** A report of numbered chapters, each of numbered sections with their text. */
const doc = (title: string, chapters: [string, [string, string][]][], name: string) =>
  fromText(
    [title, '', ...chapters.flatMap(([h, secs], i) => [`${NUM[i]}、${h}`, '', ...secs.flatMap(([t, body], j) => [`（${NUM[j]}）${t}`, '', body, ''])])].join(
      '\n',
    ),
    name,
  ).reports[0];

/** A report of `year`: a review part of chapters with sections, and optionally a plan part. */
function rep(year: number, chapters: [string, [string, string][]][], planHead?: string, plan: [string, string][] = []): Report {
  let t = `某区${year}年度法治政府建设工作报告\n\n${year}年法治政府建设工作情况\n\n`;
  chapters.forEach(([h, secs], i) => {
    t += `${NUM[i]}、${h}\n\n${secs.map(([sh, b], j) => `（${NUM[j]}）${sh}\n\n${b}\n\n`).join('')}`;
  });
  if (planHead) t += `${planHead}\n\n${plan.map(([h, b], i) => `${NUM[i]}、${h}\n\n${b}\n\n`).join('')}`;
  return fromText(t, `r${year}.txt`).reports[0];
}
const sortedIds = (text: string, tok?: Parameters<typeof countTerms>[1]) => [...countTerms(text, tok).ids].sort((x, y) => x - y);

test('fold: upper-case and full-width Latin count as their lower-case ASCII letters, at both ends of each range', () => {
  const az = sortedIds('az');
  assert.equal(az.length, 1, 'ASCII lower case is content: one bigram');
  assert.deepEqual(sortedIds('AZ'), az, 'A and Z (0x41, 0x5a) fold to a and z');
  assert.deepEqual(sortedIds('ＡＺ'), az, 'full-width Ａ and Ｚ fold to a and z');
  assert.deepEqual(sortedIds('ａｚ'), az, 'full-width ａ and ｚ fold to a and z');
  assert.deepEqual(sortedIds('Az行政'), sortedIds('aZ行政'));
  // Just outside the ranges: @ [ ` { and their full-width forms are not letters and break a run.
  for (const s of ['@a', 'a[', '`a', 'a{', '＠a', 'a［', '｀a', 'a｛']) assert.equal(countTerms(s).ids.length, 0, s);
  assert.equal(countTerms('行政').ids.length, 1, 'ideographs stay as they are');
});

test('unigram+bigram counts each content character and each bigram', () => {
  const c = countTerms('行政行', 'unigram+bigram');
  assert.equal(c.ids.length, 4); // 行 政 行政 政行
  assert.deepEqual([...c.counts].sort(), [1, 1, 1, 2]);
});

test('segmenter: words, folded, each word one id, counted; word-like runs without content are skipped', () => {
  assert.equal(countTerms('alphaqx', 'segmenter').ids.length, 1, 'one word, not six bigrams');
  const twice = countTerms('Betaqz betaqz', 'segmenter');
  assert.deepEqual([...twice.counts], [2], 'the same word (after folding) has one id');
  assert.deepEqual(sortedIds('betaqz', 'segmenter'), [...twice.ids]);
  assert.equal(countTerms('918 2019', 'segmenter').ids.length, 0, 'numbers are word-like but carry no content');
  // A new word never takes an id that a term already has.
  // Words new to this process (the vocabulary outlives a test run, e.g. under Stryker's in-process runner).
  const fresh = () => Array.from({ length: 12 }, () => String.fromCharCode(0x61 + Math.floor(Math.random() * 26))).join('');
  const rare = () => String.fromCharCode(0x4e00 + Math.floor(Math.random() * 20000));
  const bigram = countTerms(`${rare()}${rare()}`);
  const words = countTerms(`${fresh()} ${fresh()}`, 'segmenter');
  assert.equal(words.ids.length, 2);
  assert.ok(!words.ids.includes(bigram.ids[0]), 'a word id collides with a bigram id');
  assert.ok(words.ids.every((id) => id >= 0));
});

test('many distinct terms: the counter, the bigram table and the dense scratch all grow without losing a term', () => {
  // A_i B_j for i < 100, j < 360, without a break: 72,000 distinct bigrams (A_i B_j and B_j A_i+1), past every
  // initial table size, each once. Characters of CJK Extension A: none is a traditional one that folds into another.
  const parts: string[] = [];
  for (let j = 0; j < 360; j++) for (let i = 0; i < 100; i++) parts.push(String.fromCharCode(0x3400 + i, 0x3500 + j));
  const text = `${parts.join('')}，行政`; // an old term last: its id is not the largest
  const c = countTerms(text);
  assert.equal(c.ids.length, 72000);
  const sorted = c.ids.slice().sort();
  assert.ok(
    sorted.every((id, k) => k === 0 || id !== sorted[k - 1]),
    'ids are distinct',
  );
  assert.ok(c.counts.every((n) => n === 1));
  assert.deepEqual([...countTerms(text.slice(0, 40)).ids], [...c.ids.slice(0, 39)], 'after growing, the table finds the same ids');
  const idf = new Idf();
  idf.add(c);
  const v = idf.vector(c);
  assert.ok(Math.abs(cosine(v, v) - 1) < 1e-9, String(cosine(v, v)));
  const small = idf.vector(countTerms(`${String.fromCharCode(0x3400 + 99, 0x3500 + 359)}`));
  assert.ok(Math.abs(cosine(v, small) - 1 / Math.sqrt(72000)) < 1e-9, 'the highest id is scattered too');
});

test('tf-idf: smoothed idf ln((N+1)/(df+1))+1, sublinear tf, unit length; exact cosines', () => {
  const idf = new Idf();
  const a = countTerms('行政复议');
  const b = countTerms('行政审批');
  idf.add(a);
  idf.add(b);
  const w = 1 + Math.log(3 / 2); // 政复, 复议 (and 政审, 审批): df 1 of 2; 行政: df 2, weight 1
  assert.ok(Math.abs(cosine(idf.vector(a), idf.vector(b)) - 1 / (1 + 2 * w * w)) < 1e-12);
  const twice = countTerms('复议复议'); // 复议 ×2, 议复 ×1 (unknown to the idf: weight ln 3 + 1)
  const v = idf.vector(twice);
  const x = (1 + Math.log(2)) * w;
  const y = Math.log(3) + 1;
  assert.ok(Math.abs(cosine(v, idf.vector(a)) - (x / Math.hypot(x, y)) * (w / Math.sqrt(1 + 2 * w * w))) < 1e-12);
});

test('assign: the floor is inclusive, a pair under it is worth nothing (not less), ties resolve the same way every time', () => {
  assert.deepEqual(assign([[0.3, 0.5]], 0.5), [{ a: 0, b: 1, score: 0.5 }], 'a pair exactly at the floor is taken over one under it');
  assert.deepEqual(assign([[0.5], [0.3]], 0.5), [{ a: 0, b: 0, score: 0.5 }]);
  // Under the floor a pair is worth 0: the best pair (0.9) is kept, not traded for two that avoid a poor one.
  assert.deepEqual(
    assign(
      [
        [0.9, 0.5],
        [0.8, 0],
      ],
      0.5,
    ),
    [{ a: 0, b: 0, score: 0.9 }],
  );
  const tie = [
    [0, 0.9, 0.9],
    [0.9, 0.2, 0.9],
    [0.9, 0.9, 0],
  ];
  assert.deepEqual(
    assign(tie, 0.1).map((m) => [m.a, m.b]),
    [
      [0, 1],
      [1, 2],
      [2, 0],
    ],
  );
});

test('a year with no counterpart: sections that the middle year dropped link across it (gap links)', () => {
  const r16 = rep(2016, [
    [
      '强化复议监督',
      [
        ['复议', T.review],
        ['普法', T.law],
      ],
    ],
  ]);
  const r17 = rep(2017, [['强化复议监督', [['复议', T.review]]]]);
  const r18 = rep(2018, [
    [
      '强化复议监督',
      [
        ['复议', T.review],
        ['普法', T.law],
      ],
    ],
  ]);
  const al = alignCorpus([r16, r17, r18]);
  assert.deepEqual(
    al.gapSectionLinks.map((l) => [l.a.report.year, l.a.node.title, l.b.report.year, l.b.node.title]),
    [[2018, '普法', 2016, '普法']],
  );
  assert.deepEqual(al.gapLinks, [], 'the chapter is linked through 2017');
  assert.equal(al.links.length, 2);
  for (const l of al.links) assert.equal(l.manual, undefined, 'an automatic link is not marked manual');
  // JSON: exact refs, scores rounded to 3 decimals.
  const json = alignJson(al);
  assert.deepEqual(json.series, [{ issuer: '某区人民政府', type: '法治政府建设工作报告', years: [2016, 2017, 2018] }]);
  assert.deepEqual(
    json.links.map((l) => [l.a, l.b]),
    al.links.map((l) => [
      { year: l.a.report.year, part: 'review', number: 1, title: '强化复议监督' },
      { year: l.b.report.year, part: 'review', number: 1, title: '强化复议监督' },
    ]),
  );
  json.links.forEach((l, k) => {
    assert.equal(l.score, Number(al.links[k].score.toFixed(3)));
    assert.ok(l.score > 0.1 && l.score < 1);
  });
  assert.deepEqual(
    json.sectionLinks.map((l) => [l.a.year, l.a.chapter.title, l.a.number, l.a.title, l.b.year, l.score]),
    [
      [2017, '强化复议监督', 1, '复议', 2016, 1],
      [2018, '强化复议监督', 1, '复议', 2017, 1],
    ],
  );
});

test('sections across chapters: a section moved to another chapter links there, and keeps its candidates in its own chapter', () => {
  const x = rep(2017, [
    [
      '复议与普法',
      [
        ['复议', T.review],
        ['普法', T.law],
      ],
    ],
    [
      '审批与信用',
      [
        ['审批', T.permit],
        ['信用', T.credit],
      ],
    ],
  ]);
  const y = rep(2018, [
    [
      '复议与普法',
      [
        ['复议', T.review],
        ['信用', T.credit],
      ],
    ],
    [
      '审批与信用',
      [
        ['审批', T.permit],
        ['普法', T.law],
      ],
    ],
  ]);
  const al = alignCorpus([x, y]);
  assert.deepEqual(
    al.sectionLinks.map((l) => `${l.a.chapter.title}/${l.a.node.title} ← ${l.b.chapter.title}/${l.b.node.title}`),
    ['复议与普法/复议 ← 复议与普法/复议', '审批与信用/审批 ← 审批与信用/审批', '复议与普法/信用 ← 审批与信用/信用', '审批与信用/普法 ← 复议与普法/普法'],
  );
  const moved = y.outline[0].children[0].children[1];
  const c = counterpart(al, y, moved, 'previous');
  assert.equal(c.target?.node.title, '信用');
  assert.equal(c.target && 'chapter' in c.target ? c.target.chapter : null, x.outline[0].children[1]);
  assert.deepEqual(
    c.candidates.map((k) => k.ref.node.title),
    ['普法', '复议'],
    'the candidates are those of its own chapter',
  );
  assert.equal(counterpart(al, y, moved, 'previous', 1).candidates.length, 1, 'at most `limit` candidates');
  const back = counterpart(al, x, x.outline[0].children[1].children[1], 'next');
  assert.equal(back.target?.node, moved);
  assert.equal(back.candidates.length, 2);
});

test('table: a part that only one year has is listed (its chapters without counterpart); a plan heading without a year is for the next year', () => {
  const a = rep(2017, [['强化复议监督', [['复议', T.review]]]], '下一步工作打算', [['深化审批改革', T.permit]]);
  const b = rep(2018, [['推进审批改革', [['审批', T.permit]]]]);
  const al = alignCorpus([a, b]);
  assert.equal(
    alignTable(al),
    [
      '某区人民政府 · 法治政府建设工作报告  (2017, 2018)',
      '',
      '  2017 → 2018, review:',
      '    2017              2018              score',
      '    一、强化复议监督  —                 no counterpart',
      '    —                 一、推进审批改革  new',
      '',
      '  2017 → 2018, plan (下一步工作打算 → ):',
      '    2017              2018      score',
      '    一、深化审批改革  —         no counterpart',
      '',
      '  Plan → result:',
      '    2018 plan 一、深化审批改革 → 2018 review: 一、推进审批改革 (0.91)',
      '',
      '',
    ].join('\n'),
  );
  assert.deepEqual(alignJson(al).planResult, [
    {
      plan: { year: 2017, part: 'plan', number: 1, title: '深化审批改革' },
      result: [{ year: 2018, part: 'review', number: 1, title: '推进审批改革' }],
      score: Number(al.planResult[0].score.toFixed(3)),
    },
  ]);
  assert.equal(al.planResult[0].planYear, 2018);
});

test('counterpart: the reason for each kind of missing counterpart, for people', () => {
  const a = rep(2017, [['强化复议监督', [['复议', T.review]]]], '下一步工作打算', [['深化审批改革', T.permit]]);
  const b = rep(2018, [['推进审批改革', [['审批', T.permit]]]]);
  const al = alignCorpus([a, b]);
  const chA = a.outline[0].children[0];
  const chB = b.outline[0].children[0];
  const why = (r: Report, n: typeof chA, d: 'previous' | 'next') => counterpart(al, r, n, d).reason;
  assert.equal(why(a, chA, 'previous'), 'The series has no earlier report.');
  assert.equal(why(b, chB, 'next'), 'The series has no later report.');
  assert.match(why(b, chB, 'previous')!, /^No counterpart in 2017: the closest scores 0\.\d\d, under the threshold of 0\.12\.$/);
  assert.equal(why(b, chB.children[0], 'previous'), 'Its chapter has no counterpart in 2017.');
  const plan = a.outline[1].children[0];
  assert.equal(why(a, plan, 'next'), 'No chapter of the same part kind in 2018.');
  const none = counterpart(al, a, chA, 'previous');
  assert.deepEqual([none.report, none.target, none.score, none.candidates], [null, null, null, []]);
  const lone = fromText(`法治政府建设工作报告\n\n一、强化复议监督\n\n${T.review}\n`, 'x.txt').reports[0];
  assert.match(counterpart(al, lone, lone.outline[0], 'next').reason!, /^The report is in no aligned series/);
});

test('table: a long title is cut at 27 characters with an ellipsis', () => {
  const long = '深入推进行政复议体制改革并全面加强行政复议规范化建设工作情况'; // 30 characters
  const a = rep(2017, [[long, [['复议', T.review]]]]);
  const b = rep(2018, [[long, [['复议', T.review]]]]);
  const table = alignTable(alignCorpus([a, b]));
  assert.ok(table.includes(`一、${long.slice(0, 27)}…  一、${long.slice(0, 27)}…  1.00\n`), table);
  assert.ok(!table.includes('Plan → result'), 'no plan, no plan heading');
  // A section directly under a part (before its first chapter) is no chapter.
  const r = fromText(`某区2017年度法治政府建设工作报告\n\n2017年法治政府建设工作情况\n\n（一）复议\n\n${T.review}\n\n一、普法\n\n${T.law}\n`, 'x.txt')
    .reports[0];
  assert.deepEqual(
    chapterUnits(r).map((u) => [u.node.title, u.part, u.partNode?.title]),
    [['普法', 'review', '2017年法治政府建设工作情况']],
  );
});

/** A report without parts: its chapters are of part kind `other`. */
function flat(year: number, chapters: [string, string][]): Report {
  const t = `某区${year}年度法治政府建设工作报告\n\n${chapters.map(([h, b], i) => `${NUM[i]}、${h}\n\n${b}\n\n`).join('')}`;
  return fromText(t, `f${year}.txt`).reports[0];
}
const FLAT_A = () =>
  flat(2017, [
    ['强化复议监督', T.review],
    ['加强普法', T.law],
  ]);
const FLAT_B = () =>
  flat(2018, [
    ['加强普法宣传', T.law],
    ['复议工作', T.review],
    ['信用建设', T.credit],
  ]);
const pairs = (al: ReturnType<typeof alignCorpus>) => al.links.map((l) => [l.a.node.title, l.b.node.title, l.manual ?? false]);

test('chapters outside any part: reordered and renamed chapters link, a new one stays alone, headings and bodies link as paragraphs', () => {
  const a = FLAT_A();
  const b = FLAT_B();
  const al = alignCorpus([a, b]);
  assert.deepEqual(pairs(al), [
    ['加强普法宣传', '加强普法', false],
    ['复议工作', '强化复议监督', false],
  ]);
  assert.deepEqual(
    al.paragraphLinks.map((l) => [l.a.paragraph.text.slice(0, 6), l.b.paragraph.text.slice(0, 6)]),
    [
      ['一、加强普法', '二、加强普法'],
      ['深入开展普法', '深入开展普法'],
      ['全年共收到行', '全年共收到行'],
    ],
  );
  const table = alignTable(al);
  assert.ok(table.includes('  2017 → 2018, chapters:\n'), table);
  assert.ok(table.includes('    —                 三、信用建设      new\n'), table);
  assert.ok(!table.includes('review'), 'no part that neither year has');
  // The heading counts twice by default: renamed chapters score lower than with headingWeight 1, never NaN.
  const h1 = alignCorpus([a, b], { headingWeight: 1 });
  assert.deepEqual(pairs(h1), pairs(al));
  h1.links.forEach((l, k) => assert.ok(l.score > al.links[k].score && l.score < 1, `${l.score} vs ${al.links[k].score}`));
});

test('manual counterparts: forced in either direction, "none" unlinks, unknown headings and other series are ignored', () => {
  const a = FLAT_A();
  const b = FLAT_B();
  const key = alignCorpus([a, b]).series[0].key;
  const m = (year: number, otherYear: number, heading: string, counterpart: string | null, series = key) => ({
    series,
    kind: 'chapter' as const,
    year,
    otherYear,
    heading,
    counterpart,
  });
  const forced = alignCorpus([a, b], { manual: [m(2018, 2017, '一、加强普法宣传', '一、强化复议监督')] });
  assert.deepEqual(pairs(forced), [['加强普法宣传', '强化复议监督', true]]);
  assert.equal(forced.links[0].score, 0, 'the score stays the cosine (no common bigram), not the forced weight');
  const back = alignCorpus([a, b], { manual: [m(2017, 2018, '一、强化复议监督', '一、加强普法宣传')] });
  assert.deepEqual(pairs(back), [['加强普法宣传', '强化复议监督', true]]);
  const none = alignCorpus([a, b], { manual: [m(2017, 2018, '二、加强普法', null)] });
  assert.deepEqual(pairs(none), [['复议工作', '强化复议监督', false]]);
  const auto = pairs(alignCorpus([a, b]));
  for (const ignored of [
    m(2018, 2017, '一、没有这一章', '一、强化复议监督'),
    m(2018, 2017, '一、加强普法宣传', '九、没有这一章'),
    m(2018, 2016, '一、加强普法宣传', '一、强化复议监督'),
    m(2018, 2017, '一、加强普法宣传', '一、强化复议监督', 'another series'),
  ]) {
    assert.deepEqual(pairs(alignCorpus([a, b], { manual: [ignored] })), auto, JSON.stringify(ignored));
  }
  // Headings match without spaces and after NFKC.
  assert.deepEqual(pairs(alignCorpus([a, b], { manual: [m(2018, 2017, '一、 加强普法宣传', '一、强化复议监督')] })), [['加强普法宣传', '强化复议监督', true]]);
});

test('a chapter introduction and its sections align separately; across-chapter sections can be turned off', () => {
  const mk = (year: number) =>
    fromText(`某区${year}年度法治政府建设工作报告\n\n一、强化复议监督\n\n${T.review}\n\n（一）普法\n\n${T.law}\n`, `c${year}.txt`).reports[0];
  const c = mk(2017);
  assert.deepEqual(
    chapterUnits(c).map((u) => [u.part, u.paragraphs, u.loose, u.sections.map((s) => s.paragraphs)]),
    [['other', [0, 1, 2, 3], [0, 1], [[2, 3]]]],
  );
  const d = mk(2018);
  const al = alignCorpus([c, d]);
  // The section's heading and body, then the chapter's heading and introduction (outside any section).
  assert.deepEqual(
    al.paragraphLinks.map((l) => [d.paragraphs.indexOf(l.a.paragraph), c.paragraphs.indexOf(l.b.paragraph)]),
    [
      [2, 2],
      [3, 3],
      [0, 0],
      [1, 1],
    ],
  );
  const x = rep(2017, [
    [
      '复议与普法',
      [
        ['复议', T.review],
        ['普法', T.law],
      ],
    ],
    [
      '审批与信用',
      [
        ['审批', T.permit],
        ['信用', T.credit],
      ],
    ],
  ]);
  const y = rep(2018, [
    [
      '复议与普法',
      [
        ['复议', T.review],
        ['信用', T.credit],
      ],
    ],
    [
      '审批与信用',
      [
        ['审批', T.permit],
        ['普法', T.law],
      ],
    ],
  ]);
  assert.equal(alignCorpus([x, y], { sectionsAcrossChapters: false }).sectionLinks.length, 2);
});

test('plan → result: a review chapter scores by its best section too; results are over the floor and within the share of the best', () => {
  const a = rep(2017, [['强化复议监督', [['复议', T.review]]]], '2018年工作计划', [
    ['深化审批改革', T.permit],
    ['建设信用体系', T.credit + T.enforce],
  ]);
  const b = rep(2018, [
    [
      '综合治理',
      [
        ['普法', T.law],
        ['审批', T.permit + T.decision],
      ],
    ],
    ['信用建设', [['信用', T.credit]]],
    ['严格执法', [['执法', T.enforce]]],
  ]);
  const results = (o: Parameters<typeof alignCorpus>[1]) =>
    alignCorpus([a, b], o).planResult.map((p) => [p.plan.node.title, p.planYear, p.result.map((r) => r.chapter.node.title)]);
  assert.deepEqual(results({}), [
    ['深化审批改革', 2018, ['综合治理']],
    ['建设信用体系', 2018, ['信用建设', '严格执法']],
  ]);
  // 综合治理 as a whole scores about 0.45 with the permit plan; its 审批 section about 0.6.
  assert.deepEqual(results({ planThreshold: 0.5 })[0], ['深化审批改革', 2018, ['综合治理']]);
  assert.deepEqual(results({ planShare: 0.95 })[1], ['建设信用体系', 2018, ['信用建设']]);
  assert.deepEqual(results({ planShare: 0, planThreshold: 0 })[0], ['深化审批改革', 2018, ['综合治理', '严格执法', '信用建设']]);
  const none = alignCorpus([a, b], { planThreshold: 0.9 }).planResult;
  assert.deepEqual(
    none.map((p) => [p.score, p.result]),
    [
      [0, []],
      [0, []],
    ],
  );
  const best = alignCorpus([a, b]).planResult[1];
  assert.equal(best.score, best.result[0].score, "the link's score is the best result's");
  assert.ok(best.result[0].score > best.result[1].score);
});

test('table: problems as warning/note lines, a single year, and a plan with no result', () => {
  const mk = (name: string, title: string) => fromText(`${title}\n\n一、强化复议监督\n\n${T.review}\n`, name).reports[0];
  const al = alignCorpus([
    mk('a.txt', '某区2017年度法治政府建设工作报告'),
    mk('b.txt', '某区2017年度法治政府建设工作报告'),
    mk('x.txt', '法治政府建设工作报告'),
  ]);
  const lines = alignTable(al).split('\n');
  assert.deepEqual(lines.slice(0, 2), ['某区人民政府 · 法治政府建设工作报告  (2017)', '']);
  assert.match(lines[2], /^warning: “法治政府建设工作报告” \(r[0-9a-f]+\) has no year, so it is in no series\.$/);
  assert.match(lines[3], /^note: The same report \(某区人民政府 · 法治政府建设工作报告, 2017\) is in two files: /);
  assert.deepEqual(lines.slice(4), ['']);
  const a = rep(2017, [['强化复议监督', [['复议', T.review]]]], '2018年工作计划', [['深化审批改革', T.permit]]);
  const b = rep(2018, [['推进审批改革', [['审批', T.permit]]]]);
  const table = alignTable(alignCorpus([a, b], { planThreshold: 0.99 }));
  assert.ok(table.endsWith('  Plan → result:\n    2018 plan 一、深化审批改革 → 2018 review: no result found\n\n'), table);
  assert.ok(table.includes('  2017 → 2018, plan (2018年工作计划 → ):\n'), table);
});

test('counterpart: a closer match taken by another unit, and a linked chapter with no sections on the other side', () => {
  const a = fromText(`某区2017年度法治政府建设工作报告\n\n一、强化复议监督\n\n${T.review}\n`, 'a.txt').reports[0];
  const b = fromText(`某区2018年度法治政府建设工作报告\n\n一、强化复议监督\n\n（一）复议\n\n${T.review}\n\n二、强化复议工作\n\n${T.review}\n`, 'b.txt')
    .reports[0];
  const al = alignCorpus([a, b]);
  const [linked, loser] = b.outline;
  const won = counterpart(al, b, linked, 'previous');
  assert.deepEqual([won.target?.node, won.reason, won.score], [a.outline[0], null, al.links[0].score]);
  assert.match(counterpart(al, b, loser, 'previous').reason!, /^No counterpart in 2017: the closest \(0\.\d\d\) is a better match for another chapter\.$/);
  assert.equal(counterpart(al, b, linked.children[0], 'previous').reason, 'No section to compare with in 2017.');
});

test('plan → result in reports whose review and plan are chapters (a county’s 政府工作报告): each plan section to the next report’s review sections', () => {
  const gwr = (year: number, review: [string, string][], plan: [string, string][]) =>
    doc(
      `某县${year}年政府工作报告`,
      [
        ['过去一年工作回顾', review],
        [`${year}年工作安排`, plan],
      ],
      `${year}.txt`,
    );
  const a = gwr(
    2023,
    [
      ['执法', T.enforce],
      ['普法', T.law],
    ],
    [
      ['深化审批改革', T.permit],
      ['建设信用体系', T.credit],
    ],
  );
  const b = gwr(
    2024,
    [
      ['信用建设取得新进展', T.credit],
      ['审批改革取得新成效', T.permit],
    ],
    [['复议', T.review]],
  );
  assert.equal(a.type, '政府工作报告');
  const plans = alignCorpus([a, b]).planResult;
  // The 2023 report plans 2023 (it is delivered then); the 2024 report reviews it. The 2024 plan has no report to review it.
  assert.deepEqual(
    plans.map((p) => [
      p.plan.report.year,
      p.plan.node.kind,
      p.plan.node.title,
      p.planYear,
      p.result.map((r) => `${r.chapter.report.year} ${r.chapter.node.title}`),
    ]),
    [
      [2023, 'section', '深化审批改革', 2023, ['2024 审批改革取得新成效']],
      [2023, 'section', '建设信用体系', 2023, ['2024 信用建设取得新进展']],
    ],
  );
  assert.match(alignTable(alignCorpus([a, b])), /2023 plan （一）深化审批改革 → 2023 review: （二）审批改革取得新成效/);
  assert.deepEqual(alignJson(alignCorpus([a, b])).planResult[0].plan, { year: 2023, part: 'plan', number: 1, title: '深化审批改革', section: true });
  // A chapter that both reviews and plans (工作情况和…工作安排) is neither; a report with a plan part is linked as before.
  const both = fromText(`某县2023年政府工作报告\n\n一、2022年工作情况和2023年工作安排\n\n（一）审批\n\n${T.permit}\n`, 'c.txt').reports[0];
  assert.deepEqual(alignCorpus([both, b]).planResult, []);
});

test('plan → result in chapters: a plan of the year (2023年重点工作) over a five-year plan; the 法治 template’s 主要举措和成效 is a review', () => {
  const a = doc(
    '某县2023年政府工作报告',
    [
      ['过去五年工作回顾', [['执法', T.enforce]]],
      ['今后五年目标任务', [['普法', T.law]]],
      [
        '2023年重点工作',
        [
          ['深化审批改革', T.permit],
          ['建设信用体系', T.credit],
        ],
      ],
    ],
    'a.txt',
  );
  const b = doc(
    '某县2024年政府工作报告',
    [
      [
        '2023年工作回顾',
        [
          ['信用建设', T.credit],
          ['审批改革', T.permit],
        ],
      ],
      ['2024年重点工作', [['复议', T.review]]],
    ],
    'b.txt',
  );
  assert.deepEqual(
    alignCorpus([a, b]).planResult.map((p) => [p.plan.node.title, p.result.map((r) => r.chapter.node.title)]),
    [
      ['深化审批改革', ['审批改革']],
      ['建设信用体系', ['信用建设']],
    ],
  );
  const c = doc(
    '某县2023年法治政府建设情况报告',
    [
      ['2023年法治政府建设主要举措和成效', [['审批', T.permit]]],
      ['2024年法治政府建设工作计划', [['信用', T.credit]]],
    ],
    'c.txt',
  );
  const d = doc(
    '某县2024年法治政府建设情况报告',
    [
      [
        '2024年法治政府建设主要举措和成效',
        [
          ['信用体系', T.credit],
          ['审批', T.permit],
        ],
      ],
      ['2025年法治政府建设工作计划', [['复议', T.review]]],
    ],
    'd.txt',
  );
  assert.deepEqual(
    alignCorpus([c, d]).planResult.map((p) => [p.planYear, p.plan.node.title, p.result.map((r) => r.chapter.node.title)]),
    [[2024, '信用', ['信用体系']]],
  );
});

test('plan → result in chapters: a chapter’s year says its kind (a 政府工作报告 of 2023 plans 2023: 2023年主要工作 is its plan)', () => {
  const gwr = (year: number, review: [string, string][], plan: [string, string][]) =>
    doc(
      `某市${year}年政府工作报告`,
      [
        [`${year - 1}年政府工作回顾`, review],
        [`${year}年主要工作`, plan],
      ],
      `${year}.txt`,
    );
  const a = gwr(
    2022,
    [['执法', T.enforce]],
    [
      ['深化审批改革', T.permit],
      ['建设信用体系', T.credit],
    ],
  );
  const b = gwr(
    2023,
    [
      ['信用建设', T.credit],
      ['审批改革', T.permit],
    ],
    [
      ['加力审批改革', T.permit],
      ['信用再提升', T.credit],
    ],
  );
  assert.deepEqual(
    alignCorpus([a, b]).planResult.map((p) => [p.plan.report.year, p.plan.node.title, p.result.map((r) => `${r.chapter.report.year} ${r.chapter.node.title}`)]),
    [
      [2022, '深化审批改革', ['2023 审批改革']],
      [2022, '建设信用体系', ['2023 信用建设']],
    ],
  );
});

test('plan → result in chapters: 主要工作 of the next year is a plan, 完成情况 a review; the last year a chapter names decides (“十五五”…和2026年工作安排)', () => {
  const a = doc(
    '某县2024年政府工作报告',
    [
      ['2023年工作回顾', [['执法', T.enforce]]],
      [
        '“十四五”后两年目标任务和2024年重点工作',
        [
          ['深化审批改革', T.permit],
          ['建设信用体系', T.credit],
        ],
      ],
    ],
    'a.txt',
  );
  const b = doc(
    '某县2025年政府工作报告',
    [
      [
        '2024年重点工作完成情况',
        [
          ['普法宣传取得新成效', T.law],
          ['审批改革', T.permit],
          ['信用建设', T.credit],
        ],
      ],
      [
        '2025年主要工作',
        [
          ['持续深化审批改革', T.permit],
          ['加快建设信用体系', T.credit],
        ],
      ],
    ],
    'b.txt',
  );
  assert.deepEqual(
    alignCorpus([a, b]).planResult.map((p) => [p.plan.report.year, p.plan.node.title, p.result.map((r) => `${r.chapter.report.year} ${r.chapter.node.title}`)]),
    [
      [2024, '深化审批改革', ['2025 审批改革']],
      [2024, '建设信用体系', ['2025 信用建设']],
    ],
  );
});

test('countTerms: a text in traditional characters counts the terms of its simplified copy', () => {
  const a = countTerms('一、2015年工作回顧');
  const b = countTerms('一、2015年工作回顾');
  assert.deepEqual([...a.ids].sort(), [...b.ids].sort());
});
