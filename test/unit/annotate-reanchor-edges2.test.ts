/**
 * Edge rows for the mutation testing of src/core/annotate (reanchor.ts, similarity.ts, resolve.ts):
 * where a tag lands when a report changes, and what a resolution of coders' disagreement writes.
 * Each row is named for the slip it catches.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type Anchor,
  type Annotation,
  AnnotationStore,
  type AnnotationTarget,
  bigrams,
  dice,
  isResolutionRecord,
  makeTarget,
  reanchor,
  resolveDisagreement,
} from '../../src/core/annotate/index.ts';
import { buildReport, type Report } from '../../src/core/index.ts';
import { fakeClock, MemFs } from './memfs.ts';

const T = '2026-01-01T00:00:00.000Z';
const H = '一、加强组织领导';
const H2 = '二、规范行政执法';
const report = (blocks: string[]) => buildReport({ title: '某区2018年法治政府建设工作报告', link: null, date: null, blocks, diagnostics: [] }, null);
const ann = (r: Report, target: AnnotationTarget, id: string, tags = ['x']): Annotation => ({
  id,
  report: r.id,
  target,
  tags,
  note: '',
  author: '',
  created: T,
  modified: T,
});
function targetOf(r: Report, i: number, selection?: { start: number; end: number }): AnnotationTarget {
  const t = makeTarget(r, i, selection);
  assert.ok(t.ok);
  return t.value.target;
}
const whole = (r: Report, i: number, id = 'w') => ann(r, targetOf(r, i), id);
/** A span on the nth occurrence of `phrase` in paragraph i. */
function span(r: Report, i: number, phrase: string, id: string, nth = 0): Annotation {
  const p = r.paragraphs[i];
  let at = -1;
  for (let k = 0; k <= nth; k++) at = p.text.indexOf(phrase, at + 1);
  assert.ok(at >= 0, phrase);
  return ann(r, targetOf(r, i, { start: p.start + at, end: p.start + at + phrase.length }), id);
}
const orphan = (id: string, reason: string): Anchor => ({ id, status: 'orphan', paragraph: null, start: -1, end: -1, score: 0, reason });

// ---------------------------------------------------------------------------------------------
// similarity.ts

test('bigrams: an empty string has none, one character is one unigram, two characters one bigram', () => {
  assert.deepEqual([...bigrams('')], []);
  assert.deepEqual([...bigrams('法')], [0x6cd5]);
  assert.deepEqual([...bigrams('法治')], [((0x6cd5 << 16) | 0x6cbb) >>> 0]);
  assert.equal(dice(bigrams('法治'), bigrams('治法')), 0, 'reversed order shares no bigram');
  assert.equal(dice(bigrams(''), bigrams('法')), 0);
});

// ---------------------------------------------------------------------------------------------
// reanchor.ts

const P = '全年共办理行政复议案件918宗，同比增长12%，按时办结率达到了百分之百，群众满意度明显提升，社会评价良好稳定。';
const X = '按时办结率达到了百分之百';

test('reanchor: two tags on one phrase ask the same question once; each answer keeps its own id', () => {
  const old = report([H, P, H2]);
  const as = [span(old, 1, X, 's1'), span(old, 1, X, 's2')];
  const edited = report([H, '全年共办理行政复议案件918宗，同比增长12%，按时办结率达到了百分之百，群众满意度明显下降，社会评价有所改善。', H2]);
  assert.deepEqual(reanchor(edited, as), [
    { id: 's1', paragraph: 1, start: 75, end: 87, status: 'quote', score: 1 },
    { id: 's2', paragraph: 1, start: 75, end: 87, status: 'quote', score: 1 },
  ]);
  const gone = report([H, '全年共办理行政复议案件918宗，同比增长12%，群众满意度明显下降，社会评价有所改善。', H2]);
  assert.deepEqual(reanchor(gone, as), [orphan('s1', 'the quoted text is gone'), orphan('s2', 'the quoted text is gone')]);
});

test('reanchor: a phrase repeated with the same context everywhere goes to the occurrence nearest its old position', () => {
  const R = '依法行政'.repeat(30);
  const old = report([H, R, '二、其他']);
  const a = span(old, 1, '依法行政', 'k', 10); // 40 characters in: occurrences 8 to 21 all have the same context
  assert.deepEqual(reanchor(old, [a]), [{ id: 'k', status: 'exact-id', paragraph: 1, start: 91, end: 95, score: 1 }]);
  // The paragraph edited (new id): 30 occurrences, none told apart by context, the one at the old position suggested.
  assert.deepEqual(reanchor(report([H, `${R}。`, '二、其他']), [a]), [
    {
      id: 'k',
      paragraph: 1,
      start: 91,
      end: 95,
      status: 'needs-review',
      score: 1,
      reason: 'the quote occurs 30 times and its context does not tell which',
    },
  ]);
});

const R1 = '（一）加强党的领导，全面推进依法行政。';
test('reanchor: the second copy of a repeated paragraph, deleted, does not take the first copy (whose neighbours differ)', () => {
  const old = report([H, R1, '全年共办理行政复议案件918宗。', H2, R1, '全面推行行政执法公示制度。']);
  assert.deepEqual(
    old.paragraphs.map((p) => p.id.endsWith('.1')),
    [false, false, false, false, true, false],
  );
  const as = [whole(old, 1, 'a'), whole(old, 4, 'b')];
  const secondGone = report([H, R1, '全年共办理行政复议案件918宗。', H2, '全面推行行政执法公示制度。']);
  assert.deepEqual(reanchor(secondGone, as), [
    { id: 'a', status: 'exact-id', paragraph: 1, start: 51, end: 70, score: 1 },
    orphan('b', 'the paragraph and its text are gone'),
  ]);
  assert.deepEqual(reanchor(secondGone, [as[1]]), [
    orphan('b', 'the paragraph is short or repeated, and no copy has its neighbours (best context 15%, next 0%)'),
  ]);
});

test('reanchor: a copy of a repeated paragraph inserted above the first one does not take the first one’s tags', () => {
  const old = report([H, R1, '全年共办理行政复议案件918宗。', H2, R1, '全面推行行政执法公示制度。']);
  const now = report([R1, H, R1, '全年共办理行政复议案件918宗。', H2, R1, '全面推行行政执法公示制度。']);
  assert.deepEqual(reanchor(now, [whole(old, 1, 'a'), whole(old, 4, 'b')]), [
    {
      id: 'a',
      paragraph: 2,
      start: 72,
      end: 91,
      score: 1,
      status: 'needs-review',
      reason: 'a short or repeated paragraph whose neighbours changed (context 69%, elsewhere at most 44%)',
    },
    { id: 'b', status: 'exact-id', paragraph: 5, start: 121, end: 140, score: 1 },
  ]);
});

test('reanchor: two copies with the same neighbours, in an unchanged report: each tag keeps its copy by its id and position (exact-id)', () => {
  const L = '全面推进依法行政，加快建设法治政府，不断提高政府工作的法治化水平。';
  const r = report([H, L, R1, H2, L, R1, H2]);
  assert.deepEqual(reanchor(r, [whole(r, 2, 'a'), whole(r, 5, 'b')]), [
    { id: 'a', status: 'exact-id', paragraph: 2, start: 86, end: 105, score: 1 },
    { id: 'b', status: 'exact-id', paragraph: 5, start: 152, end: 171, score: 1 },
  ]);
  // A span on the second copy too.
  const [s2] = reanchor(r, [span(r, 5, '依法行政', 's')]);
  assert.deepEqual([s2.status, s2.paragraph], ['exact-id', 5]);
});

test('reanchor: a stale paragraph id (older sidecar): the quote placed only where it is a whole paragraph again', () => {
  const old = report([H, P, H2]);
  const stale = ann(old, { ...targetOf(old, 1), paragraph: 'p00000000' }, 'w');
  assert.deepEqual(reanchor(old, [stale]), [{ id: 'w', paragraph: 1, start: 51, end: 107, status: 'quote', score: 1 }]);
  assert.deepEqual(reanchor(report([H, `今年${P}`, H2]), [stale]), [{ id: 'w', paragraph: 1, start: 51, end: 109, score: 0.982, status: 'fuzzy' }]);
  assert.deepEqual(reanchor(report([H, `${P}各项工作扎实推进。`, H2]), [stale]), [
    { id: 'w', paragraph: 1, start: 51, end: 116, score: 0.924, status: 'fuzzy' },
  ]);
  assert.deepEqual(reanchor(report([H, P, H2, P]), [stale]), [{ id: 'w', paragraph: 1, start: 51, end: 107, status: 'quote', score: 1 }]);
  // The paragraph it names held by another tag's paragraph id: only the copy is offered.
  assert.deepEqual(reanchor(report([H, P, H2, P]), [whole(old, 1, 'a'), stale]), [
    { id: 'a', status: 'exact-id', paragraph: 1, start: 51, end: 107, score: 1 },
    {
      id: 'w',
      paragraph: 3,
      start: 119,
      end: 175,
      score: 1,
      status: 'needs-review',
      reason: 'the same text under another paragraph id, and its neighbours changed',
    },
  ]);
});

test('reanchor: a paragraph rewritten around a span: the span follows its paragraph out (its paragraph is gone)', () => {
  const A =
    '一是坚持党的领导，完善工作机制，健全制度体系，明确责任分工，把法治政府建设摆在全局工作的突出位置，主要负责人切实履行推进法治建设第一责任人职责，定期听取工作汇报，研究解决重大问题。';
  const B =
    '二是强化监督检查，开展专项督查，通报典型案例，推动问题整改落实，自觉接受人大法律监督、政协民主监督和社会舆论监督，认真办理人大代表建议和政协委员提案，办结率百分之百。';
  const pre = '全年共办理行政复议案件九百一十八宗，同比增长百分之十二，';
  const suf = '，群众满意度明显提升，社会评价良好稳定，各项工作扎实推进。';
  const old = report([H, A + pre + X + suf + B, H2]);
  const as = [whole(old, 1, 'w'), span(old, 1, X, 's')];
  assert.deepEqual(reanchor(report([H, `其中：${pre}${X}${suf}`, H2]), as), [
    orphan('w', 'the paragraph and its text are gone'),
    orphan('s', 'its paragraph is gone'),
  ]);
  assert.deepEqual(reanchor(report([H, `其中：${X}。`, H2]), as), [orphan('w', 'the paragraph and its text are gone'), orphan('s', 'its paragraph is gone')]);
});

test('reanchor: spans follow their paragraph; an edited span in a paragraph under review is under review too', () => {
  const old = report([H, P, H2]);
  const as = [whole(old, 1, 'w'), span(old, 1, X, 's'), span(old, 1, '群众满意度明显提升', 't')];
  const figure = '(was 918; now 919)';
  assert.deepEqual(reanchor(report([H, P.replace('918', '919').replace('达到了', '达到'), H2]), as), [
    { id: 'w', paragraph: 1, start: 51, end: 106, score: 0.936, status: 'needs-review', reason: `the figures differ ${figure}` },
    { id: 's', status: 'needs-review', paragraph: 1, start: 75, end: 86, score: 0.917, reason: `the figures differ ${figure}` },
    { id: 't', status: 'needs-review', paragraph: 1, start: 87, end: 96, score: 0.936, reason: `the figures differ ${figure}` },
  ]);
  // The span edited more (达到了 → 达): under review for its own reason, not its paragraph's.
  assert.deepEqual(reanchor(report([H, P.replace('918', '919').replace('达到了', '达'), H2]), as.slice(0, 2)), [
    { id: 'w', paragraph: 1, start: 51, end: 105, score: 0.926, status: 'needs-review', reason: `the figures differ ${figure}` },
    { id: 's', status: 'needs-review', paragraph: 1, start: 75, end: 85, score: 0.833, reason: 'the quoted text changed: 83% similar' },
  ]);
  assert.deepEqual(reanchor(report([H, P.replace('达到了', '达到'), H2]), as), [
    { id: 'w', paragraph: 1, start: 51, end: 106, score: 0.972, status: 'fuzzy' },
    { id: 's', status: 'fuzzy', paragraph: 1, start: 75, end: 86, score: 0.917 },
    { id: 't', status: 'fuzzy', paragraph: 1, start: 87, end: 96, score: 0.972 },
  ]);
});

test('reanchor: figures are compared as numbers: full-width digits equal ASCII ones, decimals whole, a new figure counts', () => {
  const F = '全年共办理行政复议案件９１８宗，同比增长12.75%，按时办结率达到了百分之百，群众满意度明显提升，社会评价良好稳定，各项工作扎实推进，取得明显成效。';
  const w = whole(report([H, F, H2]), 1);
  const at = (text: string) => reanchor(report([H, text, H2]), [w]);
  assert.deepEqual(at(F.replace('９１８', '918').replace('明显提升', '显著提升')), [
    { id: 'w', paragraph: 1, start: 51, end: 126, score: 0.905, status: 'fuzzy' },
  ]);
  assert.deepEqual(at(F.replace('12.75', '12.78')), [
    { id: 'w', paragraph: 1, start: 51, end: 126, score: 0.973, status: 'needs-review', reason: 'the figures differ (was 12.75; now 12.78)' },
  ]);
  assert.deepEqual(at(F.replace('按时办结率', '5个部门按时办结率')), [
    { id: 'w', paragraph: 1, start: 51, end: 130, score: 0.961, status: 'needs-review', reason: 'the figures differ (was —; now 5)' },
  ]);
  const G = '全年共办理行政复议案件918宗，纠错率12%，调解率35%，按时办结率100%，群众满意度明显提升，社会评价良好稳定，各项工作扎实推进，取得明显成效。';
  const edited = G.replace('918', '920').replace('12%', '13%').replace('35%', '36%').replace('100%', '99%');
  assert.deepEqual(reanchor(report([H, edited, H2]), [whole(report([H, G, H2]), 1)]), [
    { id: 'w', paragraph: 1, start: 51, end: 125, score: 0.857, status: 'needs-review', reason: 'the figures differ (was 918, 12, 35, …; now 920, 13, 36, …)' },
  ]);
});

test('reanchor: a deleted paragraph between two short ones is not moved onto its neighbour (the context holds all of it)', () => {
  const N1 = '办理行政复议案件918宗，按时办结率100%。';
  const N2 = '办理行政诉讼案件918宗，按时办结率100%。';
  const Q = '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，规范执法行为。';
  const old = report([H, N1, N2, Q]);
  const want = (id: string): Anchor[] => [
    {
      id,
      paragraph: 1,
      start: 51,
      end: 74,
      score: 0.864,
      status: 'needs-review',
      reason: 'its paragraph may be gone: this similar paragraph (86%) was next to it',
    },
  ];
  assert.deepEqual(reanchor(report([H, N2, Q]), [whole(old, 1, 'a')]), want('a'), 'the short one after it');
  assert.deepEqual(reanchor(report([H, N1, Q]), [whole(old, 2, 'b')]), want('b'), 'the short one before it');
});

test('reanchor: the context of a span is judged in the report at hand, not remembered from the last one', () => {
  const s = span(report([H, P, H2]), 1, X, 's');
  // The phrase at the same offsets in both reports: the first keeps its context, the second does not.
  assert.deepEqual(reanchor(report([H, P.replace('群众满意度明显提升，社会评价良好稳定', '群众满意度明显下降，社会评价有所改善'), H2]), [s]), [
    { id: 's', paragraph: 1, start: 75, end: 87, status: 'quote', score: 1 },
  ]);
  const other = report([H, `今年共受理各类行政争议案件九百余件，增幅比较大，${X}，复议决定全部依法作出并公开。`, H2]);
  assert.deepEqual(
    reanchor(other, [s]).map((a) => [a.status, a.start, a.end, a.reason]),
    [['needs-review', 75, 87, 'the quote occurs once, but its context changed']],
  );
});

test('reanchor: a quote of 64 characters (twice the context) found once is placed though its context changed', () => {
  const L =
    '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入学习贯彻习近平法治思想，加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府';
  const old = report([H, `一年来，${L}。`, H2]);
  const s = span(old, 1, L.slice(0, 64), 's');
  assert.deepEqual(reanchor(report(['（一）总体要求', `过去一年，我们${L}，取得新成效。`, '三、其他工作']), [s]), [
    { id: 's', paragraph: 1, start: 57, end: 121, status: 'quote', score: 1 },
  ]);
  // The text after it changed too (both sides of its context gone): still placed, by its length alone.
  assert.deepEqual(reanchor(report(['附件', `二〇二三年全区各级行政机关${L.slice(0, 64)}等方面取得新进展。`, '附表']), [s]), [
    { id: 's', paragraph: 1, start: 58, end: 122, status: 'quote', score: 1 },
  ]);
});

test('reanchor: a short heading edited, its neighbours kept: suggested for review with its similarity', () => {
  const first = '全年共办理行政复议案件918宗，同比增长12%。';
  const old = report([first, H, P]);
  const want = [{ id: 'w', paragraph: 1, start: 67, end: 75, score: 0.714, status: 'needs-review', reason: 'the paragraph changed: 71% similar' }];
  assert.deepEqual(reanchor(report([first, '一、加强组织建设', P]), [whole(old, 1)]), want);
});

test('reanchor: copies of a repeated paragraph that their neighbours cannot tell apart are not guessed once the text before them moved', () => {
  const L = '全面推进依法行政，加快建设法治政府，不断提高政府工作的法治化水平。';
  const r = report([H, L, R1, H2, L, R1, H2]);
  // Unchanged: the second copy still has the id and the position stored.
  assert.deepEqual(reanchor(r, [whole(r, 5, 'b')]), [{ id: 'b', status: 'exact-id', paragraph: 5, start: 152, end: 171, score: 1 }]);
  // A paragraph added at the top: the positions moved, and the neighbours tell nothing.
  const moved = report(['前言：本报告依据有关规定编制。', H, L, R1, H2, L, R1, H2]);
  assert.deepEqual(reanchor(moved, [whole(r, 5, 'b')]), [
    orphan(
      'b',
      'the paragraph is repeated and its copies have the same neighbours, so which one was tagged cannot be told (context 100%, and 100% at another copy)',
    ),
  ]);
});

test('reanchor: a repeated 各位代表！ whose one neighbour agrees and the other is replaced is not placed (both sides must agree)', () => {
  const G = '各位代表！';
  const before = ['全年共办理行政复议案件918宗。', G, H2, '全面推行行政执法公示制度。', G];
  const old = report([H, ...before, '三、化解矛盾纠纷']);
  const b = whole(old, 5, 'b');
  assert.deepEqual(reanchor(report([H, ...before, '四、其他']), [b]), [
    orphan('b', 'the paragraph is short or repeated, and no copy has its neighbours (best context 59%, next 19%)'),
  ]);
  assert.deepEqual(reanchor(report([H, ...before, '三、化解矛盾纠纷工作']), [b]), [
    { id: 'b', status: 'exact-id', paragraph: 5, start: 101, end: 106, score: 1 },
  ]);
});

test('reanchor: two deleted paragraphs like one new one: the more similar takes it, the other is an orphan', () => {
  const A1 = '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，规范执法行为。';
  const A2 = '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，严格规范执法行为，提升执法水平。';
  const old = report([H, A1, H2, A2, '三、其他']);
  assert.deepEqual(reanchor(report([H, H2, A2.replace('提升', '提高'), '三、其他']), [whole(old, 1, 'a1'), whole(old, 3, 'a2')]), [
    orphan('a1', 'the similar paragraphs were taken by better matches'),
    { id: 'a2', paragraph: 2, start: 61, end: 113, score: 0.961, status: 'fuzzy' },
  ]);
});

test('reanchor: an edited span stays in the paragraph its paragraph became, though its old wording is quoted elsewhere', () => {
  const old = report([H, P, H2, '总的来看，各项工作取得明显成效。']);
  const as = [whole(old, 1, 'w'), span(old, 1, X, 's')];
  const now = report([H, P.replace('达到了', '达到').replace('明显提升', '显著提升'), H2, `总的来看，${X}，各项工作取得明显成效。`]);
  assert.deepEqual(reanchor(now, as), [
    { id: 'w', paragraph: 1, start: 51, end: 106, score: 0.917, status: 'fuzzy' },
    { id: 's', status: 'fuzzy', paragraph: 1, start: 75, end: 86, score: 0.917 },
  ]);
});

test('reanchor: a stale paragraph id whose paragraph moved between new neighbours is only suggested', () => {
  const old = report([H, P, H2]);
  const stale = ann(old, { ...targetOf(old, 1), paragraph: 'p00000000' }, 'w');
  assert.deepEqual(reanchor(report(['三、其他工作', '全面推行行政执法公示制度。', P, '四、工作打算']), [stale]), [
    {
      id: 'w',
      paragraph: 2,
      start: 64,
      end: 120,
      score: 1,
      status: 'needs-review',
      reason: 'the same text under another paragraph id, and its neighbours changed',
    },
  ]);
});

test('reanchor: a span found in two edited paragraphs, neither context clearly better, is suggested where it agrees best', () => {
  const s = span(report([H, P, H2]), 1, X, 's');
  const now = report([
    H,
    '全年共办理行政复议案件918宗，同比增长12%，按时办结率达到了百分之百，群众满意度有所提升。',
    '全年共办理行政诉讼案件918宗，同比增长12%，按时办结率达到了百分之百，群众满意度明显提升。',
    H2,
  ]);
  assert.deepEqual(
    reanchor(now, [s]).map((a) => [a.status, a.paragraph, a.start, a.end, a.reason]),
    [['needs-review', 2, 124, 136, 'the quote occurs 2 times and its context does not tell which']],
  );
  // Both sentences rewritten around it: neither context agrees by half; not suggested at all.
  const rewritten = report([
    H,
    '今年共受理行政争议案件九百件，增幅较大，按时办结率达到了百分之百，群众满意度有所提升。',
    '全年行政诉讼案件大幅增长，按时办结率达到了百分之百，社会评价良好。',
    H2,
  ]);
  assert.deepEqual(reanchor(rewritten, [s]), [orphan('s', 'the quoted text is gone')]);
});

test('reanchor: a figure added to a paragraph that had none is a changed fact (was —)', () => {
  const Q = '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，规范执法行为。';
  assert.deepEqual(reanchor(report([H, Q.replace('规范执法', '规范3类执法'), H2]), [whole(report([H, Q, H2]), 1)]), [
    { id: 'w', paragraph: 1, start: 51, end: 96, score: 0.953, status: 'needs-review', reason: 'the figures differ (was —; now 3)' },
  ]);
});

test('reanchor: a repeated 各位代表！ whose next heading was reworded is suggested; the reason says whether its own text changed', () => {
  const G = '各位代表！';
  const before = ['全年共办理行政复议案件918宗。', G, H2, '全面推行行政执法公示制度。'];
  const b = whole(report([H, ...before, G, '三、化解矛盾纠纷']), 5, 'b');
  const at = { id: 'b', paragraph: 5, start: 101, end: 106 };
  assert.deepEqual(reanchor(report([H, ...before, G, '三、做好信访工作']), [b]), [
    { ...at, score: 1, status: 'needs-review', reason: 'a short or repeated paragraph whose neighbours changed (context 68%, elsewhere at most 19%)' },
  ]);
  assert.deepEqual(reanchor(report([H, ...before, '各位代表：', '三、做好信访工作']), [b]), [
    {
      ...at,
      score: 0.75,
      status: 'needs-review',
      reason: 'a short or repeated paragraph whose text and neighbours changed (context 68%, elsewhere at most 19%)',
    },
  ]);
});

test('reanchor: a quote edited by hand in the sidecar (no longer in the paragraph its id names) is matched approximately, for review', () => {
  const old = report([H, P, H2]);
  const s = span(old, 1, X, 's');
  const edited = { ...s, target: { ...s.target, quote: { ...s.target.quote, exact: '按时办结率达到了百分之九十九' } } };
  const want: Anchor = { id: 's', status: 'needs-review', paragraph: 1, start: 75, end: 86, score: 0.786, reason: 'the quoted text changed: 79% similar' };
  assert.deepEqual(reanchor(old, [edited]), [want]);
  // Its paragraph placed by id for a whole-paragraph tag of the same paragraph: still open to the span.
  assert.deepEqual(reanchor(old, [whole(old, 1), edited]), [{ id: 'w', status: 'exact-id', paragraph: 1, start: 51, end: 107, score: 1 }, want]);
});

test('reanchor: a long quote edited to 80% is suggested while its context agrees, and not once its context is gone too', () => {
  const L =
    '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入学习贯彻习近平法治思想，加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府';
  const s = span(report([H, `一年来，${L}。`, H2]), 1, L.slice(0, 70), 's');
  const E = L.replace('新时代中国特色社会主义思想', '新时代中国特色社会主义思想和党的二十大')
    .replace('深入学习贯彻', '认真学习')
    .replace('全面贯彻党的', '贯彻落实');
  assert.deepEqual(reanchor(report(['附件', `二〇二三年全区各级行政机关${E}，各项任务圆满完成。`, '附表']), [s]), [
    { id: 's', status: 'needs-review', paragraph: 1, start: 58, end: 130, score: 0.8, reason: 'the quoted text changed: 80% similar' },
  ]);
  assert.deepEqual(reanchor(report(['附件', `二〇二三年全区各级行政机关${E.slice(0, 80)}`, '附表']), [s]), [orphan('s', 'the quoted text is gone')]);
});

test('reanchor: two tags on one edited paragraph move together, and its span with them', () => {
  const old = report([H, P, H2]);
  const as = [whole(old, 1, 'w1'), whole(old, 1, 'w2'), span(old, 1, X, 's')];
  assert.deepEqual(reanchor(report([H, P.replace('明显提升', '显著提升'), H2]), as), [
    { id: 'w1', paragraph: 1, start: 51, end: 107, score: 0.945, status: 'fuzzy' },
    { id: 'w2', paragraph: 1, start: 51, end: 107, score: 0.945, status: 'fuzzy' },
    { id: 's', status: 'fuzzy', paragraph: 1, start: 75, end: 87, score: 0.945 },
  ]);
  // The phrase rewritten (办结率全部达标: under 70% like it): the paragraph moves, the span is an orphan.
  assert.deepEqual(reanchor(report([H, P.replace(X, '办结率全部达标'), H2]), as), [
    { id: 'w1', paragraph: 1, start: 51, end: 102, score: 0.838, status: 'fuzzy' },
    { id: 'w2', paragraph: 1, start: 51, end: 102, score: 0.838, status: 'fuzzy' },
    orphan('s', 'its paragraph is there but the quoted text is not'),
  ]);
});

test('reanchor: a paragraph whose most similar candidate went to a better match is placed on its own candidate', () => {
  const A1 = '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，规范执法行为。';
  const A2 = '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，严格规范执法行为，提升执法水平。';
  const old = report([H, A1, H2, A2, '三、其他']);
  const now = report([H, '推行行政执法公示制度、执法过程记录制度，规范执法。', H2, A2.replace('提升', '提高'), '三、其他']);
  assert.deepEqual(reanchor(now, [whole(old, 1, 'a1'), whole(old, 3, 'a2')]), [
    { id: 'a1', paragraph: 1, start: 51, end: 76, score: 0.667, status: 'needs-review', reason: 'the paragraph changed: 67% similar' },
    { id: 'a2', paragraph: 3, start: 88, end: 140, score: 0.961, status: 'fuzzy' },
  ]);
});

test('reanchor: a neighbour that keeps its edge next to the paragraph agrees by that edge (half of it kept: enough for a copy)', () => {
  const G = '各位代表！';
  const first = ['全年共办理行政复议案件918宗。', G, H2];
  // After it: （三）社会治理 → （三）依法行政: its first 5 of 10 context characters kept, fewer bigrams (4 of 9).
  const b = whole(report([H, ...first, '全面推行行政执法公示制度。', G, '（三）社会治理']), 5, 'b');
  assert.deepEqual(reanchor(report([H, ...first, '全面推行行政执法公示制度。', G, '（三）依法行政']), [b]), [
    { id: 'b', status: 'exact-id', paragraph: 5, start: 101, end: 106, score: 1 },
  ]);
  // Before it: the last 16 of its 32 context characters kept (规范执法行为，提升执法水平。 and the line break).
  const S = '规范执法行为，提升执法水平。';
  const c = whole(report([H, ...first, `全面推行行政执法公示制度和全过程记录制度，${S}`, G, '三、化解矛盾纠纷']), 5, 'c');
  assert.deepEqual(reanchor(report([H, ...first, `坚持科学民主依法决策，健全合法性审查机制；${S}`, G, '三、化解矛盾纠纷']), [c]), [
    { id: 'c', status: 'exact-id', paragraph: 5, start: 123, end: 128, score: 1 },
  ]);
});

/** Numbered items, one after another, as in a flattened list or feed: a paragraph of any length. */
const items = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => `第${from + k}项：推进依法行政工作，完成年度目标任务。`).join('');
test('reanchor: an edited span in a paragraph too long for the approximate search is an orphan (the search is bounded)', () => {
  const big = items(1, 900); // 21,468 characters: over 20,000
  assert.equal(big.length, 21468);
  const old = report([H, big, H2]);
  const as = [whole(old, 1, 'w'), span(old, 1, '第450项：推进依法行政工作', 's')];
  assert.deepEqual(reanchor(report([H, big.replace('第450项：推进依法行政工作', '第450项：推进依法行政各项工作'), H2]), as), [
    { id: 'w', paragraph: 1, start: 51, end: 21521, score: 1, status: 'fuzzy' },
    orphan('s', 'its paragraph is there but the quoted text is not'),
  ]);
  // A span of 920 characters in 5,148: 4.7 million cells, over the 4 million bound.
  const mid = items(1, 220);
  const o2 = report([H, mid, H2]);
  const p = o2.paragraphs[1];
  const from = p.text.indexOf('第50项');
  const to = p.text.indexOf('第90项');
  assert.deepEqual([to - from, mid.length], [920, 5148]);
  const s2 = ann(o2, targetOf(o2, 1, { start: p.start + from, end: p.start + to }), 's');
  assert.deepEqual(reanchor(report([H, mid.replace('第70项：推进依法行政工作', '第70项：推进依法行政各项工作'), H2]), [whole(o2, 1, 'w'), s2]), [
    { id: 'w', paragraph: 1, start: 51, end: 5201, score: 1, status: 'fuzzy' },
    orphan('s', 'its paragraph is there but the quoted text is not'),
  ]);
});

test('reanchor: an edited span is matched up to the last character of its paragraph, and at its first best place', () => {
  const old = report([H, P, H2]);
  const end = [whole(old, 1, 'w'), span(old, 1, '社会评价良好稳定。', 'e')];
  assert.deepEqual(reanchor(report([H, P.replace('社会评价良好稳定。', '社会评价良好且稳定。'), H2]), end), [
    { id: 'w', paragraph: 1, start: 51, end: 108, score: 0.973, status: 'fuzzy' },
    { id: 'e', status: 'fuzzy', paragraph: 1, start: 98, end: 108, score: 0.889 },
  ]);
  // 达到了 → 达到 in two sentences: both one edit away; the first is taken.
  const twice = report([
    H,
    '全年共办理行政复议案件918宗，同比增长12%，行政复议按时办结率达到百分之百，行政诉讼按时办结率达到百分之百，群众满意度明显提升，社会评价良好稳定。',
    H2,
  ]);
  assert.deepEqual(reanchor(twice, [whole(old, 1, 'w'), span(old, 1, X, 's')]), [
    { id: 'w', paragraph: 1, start: 51, end: 126, score: 0.806, status: 'fuzzy' },
    { id: 's', status: 'fuzzy', paragraph: 1, start: 79, end: 90, score: 0.917 },
  ]);
});

test('reanchor: a paragraph of exactly 20,000 characters, and 4 million cells, are still searched', () => {
  const big = items(1, 900).slice(0, 20000);
  const old = report([H, big, H2]);
  const as = [whole(old, 1, 'w'), span(old, 1, '第450项：推进依法行政工作', 's')];
  // The nearest match is item 40 (one edit), not the edited item 450 (two): its figure sends it to review.
  assert.deepEqual(reanchor(report([H, big.replace('第450项：推进依法行政工作', '第450项：推进依法行政各项工作').slice(0, 20000), H2]), as), [
    { id: 'w', paragraph: 1, start: 51, end: 20051, score: 1, status: 'fuzzy' },
    { id: 's', status: 'needs-review', paragraph: 1, start: 939, end: 952, score: 0.929, reason: 'the figures differ (was 450; now 40)' },
  ]);
  const mid = items(1, 220).slice(0, 5000);
  const o2 = report([H, mid, H2]);
  const p = o2.paragraphs[1];
  const from = p.text.indexOf('第50项');
  const s2 = ann(o2, targetOf(o2, 1, { start: p.start + from, end: p.start + from + 800 }), 's'); // 800 × 5,000
  assert.deepEqual(reanchor(report([H, mid.replace('第70项：推进依法行政工作', '第70项：推进依法行政各项工作').slice(0, 5000), H2]), [whole(o2, 1, 'w'), s2]), [
    { id: 'w', paragraph: 1, start: 51, end: 5051, score: 0.999, status: 'fuzzy' },
    { id: 's', status: 'fuzzy', paragraph: 1, start: 1169, end: 1971, score: 0.998 },
  ]);
});

// ---------------------------------------------------------------------------------------------
// resolve.ts

const SRC = '/ws/reports/nanhai.txt';
const tgt = (n: number, over: Partial<{ start: number; end: number; exact: string }> = {}): AnnotationTarget => ({
  paragraph: `p${n.toString(16).padStart(8, '0')}`,
  quote: { type: 'TextQuoteSelector', exact: over.exact ?? `段落${n}`, prefix: '\n', suffix: '\n' },
  position: { type: 'TextPositionSelector', start: over.start ?? n * 10, end: over.end ?? n * 10 + 4 },
});
const counter = () => {
  let n = 0;
  return () => `a${n++}`;
};
const openShared = () => AnnotationStore.open(new MemFs(), SRC, { now: fakeClock(), newId: counter() });
const coderAnn = (id: string, tags: string[], author: string, target = tgt(1)): Annotation => ({
  id,
  report: 'r',
  target,
  tags,
  note: '',
  author,
  created: T,
  modified: T,
});

test('resolveDisagreement: a store that refuses edits (unreadable sidecar) fails with its own problem, changing nothing', async () => {
  const fs = new MemFs();
  fs.files.set(`${SRC}.annals.json`, new TextEncoder().encode('{ not json'));
  const shared = await AnnotationStore.open(fs, SRC, { now: fakeClock(), newId: counter() });
  assert.ok(shared.error);
  const d = { mode: 'independent' as const, report: 'r', paragraph: tgt(1), coders: [{ coder: 'Li', annotations: [coderAnn('l1', ['a'], 'Li')] }] };
  assert.deepEqual(resolveDisagreement(shared, d, { kind: 'both' }, 'Chen'), { ok: false, problem: shared.error });
  assert.equal(shared.size, 0);
});

test('resolveDisagreement, shared mode: Neither removes every coder’s annotations and leaves one empty record', async () => {
  const shared = await openShared();
  const x = shared.add({ report: 'r', target: tgt(1), tags: ['rules'], author: 'Li' });
  const y = shared.add({ report: 'r', target: tgt(1), tags: ['figures'], author: 'Wang' });
  assert.ok(x.ok && y.ok);
  const d = {
    mode: 'shared' as const,
    report: 'r',
    paragraph: tgt(1),
    coders: [
      { coder: 'Li', annotations: [x.value] },
      { coder: 'Wang', annotations: [y.value] },
    ],
  };
  assert.deepEqual(resolveDisagreement(shared, d, { kind: 'neither' }, 'Chen'), { ok: true, value: { added: ['a2'], removed: ['a0', 'a1'], marked: [] } });
  assert.deepEqual(
    shared.all().map((a) => [a.id, a.tags, a.author, a.resolvedBy, isResolutionRecord(a)]),
    [['a2', [], 'Chen', 'Chen', true]],
  );
});

test('resolveDisagreement, shared mode: Both marks every annotation and writes no record', async () => {
  const shared = await openShared();
  const x = shared.add({ report: 'r', target: tgt(1), tags: ['rules'], author: 'Li' });
  const y = shared.add({ report: 'r', target: tgt(1), tags: ['figures'], author: 'Wang' });
  assert.ok(x.ok && y.ok);
  const d = {
    mode: 'shared' as const,
    report: 'r',
    paragraph: tgt(1),
    coders: [
      { coder: 'Li', annotations: [x.value] },
      { coder: 'Wang', annotations: [y.value] },
    ],
  };
  assert.deepEqual(resolveDisagreement(shared, d, { kind: 'both' }, 'Chen'), { ok: true, value: { added: [], removed: [], marked: ['a0', 'a1'] } });
  assert.deepEqual(
    shared.all().map((a) => [a.id, a.tags, a.resolvedBy, isResolutionRecord(a)]),
    [
      ['a0', ['rules'], 'Chen', false],
      ['a1', ['figures'], 'Chen', false],
    ],
  );
});

test('resolveDisagreement, shared mode: an annotation gone from the store already is an error, not passed over, and nothing is changed', async () => {
  const shared = await openShared();
  const x = shared.add({ report: 'r', target: tgt(1), tags: ['rules'], author: 'Li' });
  assert.ok(x.ok);
  const ghost = coderAnn('zz', ['figures'], 'Wang');
  const d = (li: Annotation[], wang: Annotation[]) => ({
    mode: 'shared' as const,
    report: 'r',
    paragraph: tgt(1),
    coders: [
      { coder: 'Li', annotations: li },
      { coder: 'Wang', annotations: wang },
    ],
  });
  const rejected = resolveDisagreement(shared, d([x.value], [ghost]), { kind: 'accept', coder: 'Li' }, 'Chen');
  assert.deepEqual(rejected.ok ? null : [rejected.problem.code, rejected.problem.args], ['disagreementChanged', ['zz']]);
  assert.deepEqual(
    shared.all().map((a) => [a.id, a.resolvedBy]),
    [['a0', undefined]],
    'Li’s annotation is not marked: the failure came first',
  );
  const kept = resolveDisagreement(shared, d([x.value], [ghost]), { kind: 'accept', coder: 'Wang' }, 'Chen');
  assert.deepEqual(kept.ok ? null : [kept.problem.code, kept.problem.args], ['disagreementChanged', ['zz']]);
  // Accepting Wang used to remove Li's annotation and then fail on the ghost: half a resolution.
  assert.deepEqual(
    shared.all().map((a) => [a.id, a.resolvedBy]),
    [['a0', undefined]],
    'Li’s annotation is still there: nothing was changed',
  );
});

test('resolveDisagreement: a record or copy that the store refuses (no paragraph id) is an error', async () => {
  const shared = await openShared();
  const bad = { ...tgt(1), paragraph: '' };
  const x = shared.add({ report: 'r', target: tgt(1), tags: ['rules'], author: 'Li' });
  assert.ok(x.ok);
  const sharedNeither = resolveDisagreement(
    shared,
    { mode: 'shared', report: 'r', paragraph: bad, coders: [{ coder: 'Li', annotations: [x.value] }] },
    { kind: 'neither' },
    'Chen',
  );
  assert.deepEqual(sharedNeither.ok ? null : sharedNeither.problem.code, 'needsTarget');
  const indep = { mode: 'independent' as const, report: 'r', paragraph: bad, coders: [{ coder: 'Li', annotations: [coderAnn('l1', ['a'], 'Li', bad)] }] };
  const copy = resolveDisagreement(shared, indep, { kind: 'both' }, 'Chen');
  assert.deepEqual(copy.ok ? null : copy.problem.code, 'needsTarget');
  const neither = resolveDisagreement(shared, indep, { kind: 'neither' }, 'Chen');
  assert.deepEqual(neither.ok ? null : neither.problem.code, 'needsTarget');
});

test('resolveDisagreement, Both: two coders’ annotations are one only when start, end, quote and tags (in any order) all agree', async () => {
  const rows: [string, AnnotationTarget, string[], string[]][] = [
    ['same place, tags in another order', tgt(1), ['b', 'a'], ['a0']],
    ['another start', tgt(1, { start: 11 }), ['a', 'b'], ['a0', 'a1']],
    ['another end', tgt(1, { end: 15 }), ['a', 'b'], ['a0', 'a1']],
    ['another quote', tgt(1, { exact: '段落一' }), ['a', 'b'], ['a0', 'a1']],
  ];
  for (const [name, wangTarget, wangTags, added] of rows) {
    const shared = await openShared();
    const d = {
      mode: 'independent' as const,
      report: 'r',
      paragraph: tgt(1),
      coders: [
        { coder: 'Li', annotations: [coderAnn('l1', ['a', 'b'], 'Li')] },
        { coder: 'Wang', annotations: [coderAnn('w1', wangTags, 'Wang', wangTarget)] },
      ],
    };
    assert.deepEqual(resolveDisagreement(shared, d, { kind: 'both' }, 'Chen'), { ok: true, value: { added, removed: [], marked: [] } }, name);
  }
});

test('isResolutionRecord: only a resolved annotation without tags is a record', () => {
  const a = coderAnn('x', [], 'Li');
  assert.equal(isResolutionRecord(a), false, 'no tags, not resolved: an unfinished annotation');
  assert.equal(isResolutionRecord({ ...a, resolvedBy: 'Chen' }), true);
  assert.equal(isResolutionRecord({ ...a, tags: ['a'], resolvedBy: 'Chen' }), false);
});

// ---------------------------------------------------------------------------------------------
// A paragraph found by its id whose old neighbours now touch: it left its place.

const X1 = '全年共办理行政复议案件918宗，同比增长12%。';
const Y1 = '全面推行行政执法公示制度，执法全过程记录。';
const CLOSED = 'the same text is here, but its old neighbours now touch where it was: it was moved, or it was one of two copies and was deleted';

test('reanchor: the first of two identical paragraphs deleted: its tags go to review on the copy, not exact-id there', () => {
  const old = report([H, R1, X1, H2, R1, Y1]);
  const as = [whole(old, 1, 'a'), span(old, 1, '全面推进', 'a2'), whole(old, 4, 'b')];
  const now = report([H, X1, H2, R1, Y1]);
  const copy = now.paragraphs[3];
  assert.equal(copy.text, R1);
  assert.equal(copy.id, old.paragraphs[1].id, 'the copy now has the first one’s id');
  const got = reanchor(now, as);
  assert.deepEqual(got[0], { id: 'a', status: 'needs-review', paragraph: 3, start: copy.start, end: copy.end, score: 1, reason: CLOSED });
  assert.equal(got[1].status, 'needs-review', 'the span of the same paragraph too');
  assert.equal(got[1].reason, CLOSED);
  assert.equal(got[1].paragraph, 3);
  // The second copy's own tag keeps its place: its neighbours agree.
  assert.deepEqual(got[2], { id: 'b', status: 'exact-id', paragraph: 3, start: copy.start, end: copy.end, score: 1 });
  // Before the change: exact-id, silently on the other copy.
  assert.notEqual(got[0].status, 'exact-id');
});

test('reanchor: a unique paragraph moved follows by its id (exact-id); so does a copied one when no tag names its copies', () => {
  const old = report([H, P, X1, H2, Y1]);
  const now = report([H, X1, H2, P, Y1]);
  const [r] = reanchor(now, [whole(old, 1, 'a')]);
  assert.deepEqual(r, { id: 'a', status: 'exact-id', paragraph: 3, start: now.paragraphs[3].start, end: now.paragraphs[3].end, score: 1 });
  // The first of two copies deleted, and only it tagged: nothing says it had a copy.
  const twice = report([H, R1, X1, H2, R1, Y1]);
  const gone = report([H, X1, H2, R1, Y1]);
  assert.equal(reanchor(gone, [whole(twice, 1, 'a')])[0].status, 'exact-id');
  // With the copy's tag in the same sidecar, the same paragraph goes to review.
  assert.equal(reanchor(gone, [whole(twice, 1, 'a'), whole(twice, 4, 'b')])[0].status, 'needs-review');
});

test('reanchor: an unchanged paragraph whose neighbours were both rewritten stays exact-id (its place did not close up)', () => {
  const old = report([H, P, X1, H2, Y1]);
  const now = report(['一、坚持党的全面领导', P, '全年共办理各类案件一千余宗。', H2, Y1]);
  const [r] = reanchor(now, [whole(old, 1, 'a')]);
  assert.deepEqual(r, { id: 'a', status: 'exact-id', paragraph: 1, start: now.paragraphs[1].start, end: now.paragraphs[1].end, score: 1 });
  // And unchanged neighbours: exact-id, as always.
  assert.equal(reanchor(old, [whole(old, 1, 'a')])[0].status, 'exact-id');
});

test('reanchor: the closed-up verdict does not depend on which annotations are asked about together (agreement, one coder at a time)', async () => {
  const { codedUnits } = await import('../../src/core/index.ts');
  const old = report([H, R1, X1, H2, R1, Y1]);
  const li = { ...whole(old, 1, 'l'), author: 'li' };
  const chen = { ...whole(old, 4, 'c'), author: 'chen' };
  const now = report([H, X1, H2, R1, Y1]);
  // Li's tag was on the deleted first copy: it goes to review, so agreement counts it nowhere.
  const units = codedUnits('x.txt', now, ['li', 'chen'], [li, chen]);
  const copy = units.find((u) => u.paragraphId === now.paragraphs[3].id)!;
  assert.deepEqual(
    copy.codes.map((c) => (c ? [...c] : null)),
    [[], ['x']],
  );
  // The same verdict asked about Li's tag alone, when the sidecar's repeated ids are given.
  const { repeatedBases } = await import('../../src/core/annotate/index.ts');
  assert.equal(reanchor(now, [li], { repeated: repeatedBases([li, chen]) })[0].status, 'needs-review');
});
