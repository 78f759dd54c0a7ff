/**
 * Edge rows for the mutation testing of src/core/annotate (see stryker.config.mjs): anchoring,
 * placement and the store. Each row names the slip it catches.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type Anchor,
  type Annotation,
  type AnnotationTarget,
  AnchorIndex,
  AnnotationStore,
  type AutoTagMatch,
  applyAutoTag,
  bigrams,
  CodePointIndex,
  codePointToUtf16,
  compareAnnotations,
  decorationRanges,
  dice,
  findMatches,
  makeMatcher,
  makeTarget,
  matchesOf,
  matchExcerpt,
  ParagraphIndex,
  paragraphAt,
  reanchor,
  resolveDisagreement,
  serializeSidecar,
  type TagInfo,
  utf16ToCodePoint,
} from '../../src/core/annotate/index.ts';
import { buildReport, type Report } from '../../src/core/index.ts';
import { fakeClock, MemFs } from './memfs.ts';

const T = '2026-01-01T00:00:00.000Z';
const report = (blocks: string[], title = '某区2018年法治政府建设工作报告') => buildReport({ title, link: null, date: null, blocks, diagnostics: [] }, null);
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

test('dice: two empty strings are equal (1); empty against something shares nothing (0), either way round', () => {
  const rows: [string, string, number][] = [
    ['', '', 1],
    ['', '法治', 0],
    ['法治', '', 0],
    ['a', 'a', 1],
    ['abcd', 'ab', 0.5],
    ['abab', 'ab', 0.5],
  ];
  for (const [a, b, want] of rows) assert.equal(dice(bigrams(a), bigrams(b)), want, `${a}|${b}`);
});

test('makeTarget: white space at both edges of a selection is trimmed; the context is 32 code points each side', () => {
  const long = '依法行政'.repeat(20); // 80 characters after the selection: the suffix keeps 32 of them
  const r = report([`第一句话。 按时办结率 ${long}`]);
  const p = r.paragraphs[0];
  const at = p.start + p.text.indexOf(' 按时');
  const t = makeTarget(r, 0, { start: at, end: at + 1 + 5 + 1 });
  assert.ok(t.ok);
  assert.equal(t.value.whole, false);
  const exactAt = at + 1;
  assert.deepEqual(t.value.target, {
    paragraph: p.id,
    quote: {
      type: 'TextQuoteSelector',
      exact: '按时办结率',
      prefix: r.text.slice(exactAt - 32, exactAt),
      suffix: ` ${long.slice(0, 31)}`,
    },
    position: { type: 'TextPositionSelector', start: exactAt, end: exactAt + 5 },
  });
  assert.equal(t.value.target.quote.suffix.length, 32, 'first 32 code points, not the 64 searched');
});

test('makeTarget: a selection of white space only tags the whole paragraph', () => {
  const r = report(['第一句话。 第二句话。']);
  const p = r.paragraphs[0];
  const at = p.start + 5;
  const t = makeTarget(r, 0, { start: at, end: at + 1 });
  assert.ok(t.ok);
  assert.equal(t.value.whole, true);
  assert.equal(t.value.target.quote.exact, p.text);
});

test('makeTarget: a suffix of astral characters keeps 32 code points (64 UTF-16 units)', () => {
  const r = report([`按时办结率${'𠀀'.repeat(40)}`]);
  const p = r.paragraphs[0];
  const t = makeTarget(r, 0, { start: p.start, end: p.start + 5 });
  assert.ok(t.ok);
  assert.equal(t.value.target.quote.suffix, '𠀀'.repeat(32));
  assert.deepEqual(t.value.target.position, { type: 'TextPositionSelector', start: p.start, end: p.start + 5 });
});

test('ParagraphIndex.similar: a paragraph exactly at the Dice bar is found (need = ⌊min·m/(2−min)⌋ + 1, not more)', () => {
  // 'abcd' has 3 bigrams; 'ab' has 1 and shares it: Dice 2·1/(3+1) = 0.5 exactly.
  const r = report(['abcd', 'ab', 'xyzw', 'abcx']);
  const index = new ParagraphIndex(r);
  assert.deepEqual(index.similar(bigrams('abcd'), 0.5), [
    { paragraph: 0, similarity: 1 },
    { paragraph: 1, similarity: 0.5 },
    { paragraph: 3, similarity: 2 / 3 },
  ]);
  // Dice 2·3/(7+3) = 0.6 exactly: 'abcd' against 'abcdefgh' at the bar 0.6.
  assert.deepEqual(new ParagraphIndex(report(['abcd', 'zzzz'])).similar(bigrams('abcdefgh'), 0.6), [{ paragraph: 0, similarity: 0.6 }]);
  assert.deepEqual(index.similar(bigrams(''), 0.5), []);
});

test('ParagraphIndex.containing: the share of the quote bigrams each paragraph holds; nothing for an empty quote', () => {
  const r = report(['abcd', 'ab', 'xyzw']);
  const index = new ParagraphIndex(r);
  assert.deepEqual(index.containing(bigrams('abcd'), 0.3), [
    { paragraph: 0, share: 1 },
    { paragraph: 1, share: 1 / 3 },
  ]);
  assert.deepEqual(index.containing(bigrams(''), 0.3), []);
});

test('ParagraphIndex.occurrences: a needle at the start of a paragraph counts, and never more than max', () => {
  const r = report(['abab ab ab', 'xab']);
  const p = r.paragraphs[0];
  const index = new ParagraphIndex(r);
  assert.deepEqual(index.occurrences('ab', 2), [p.start, p.start + 2]);
  assert.deepEqual(index.occurrences('ab'), [p.start, p.start + 2, p.start + 5, p.start + 8, r.paragraphs[1].start + 1]);
  assert.deepEqual(index.occurrences('ab', 1), [p.start]);
  assert.equal(index.occurrences('a'), null);
});

test('reanchor: a span in an edited paragraph stays on its phrase, not the whole paragraph', () => {
  const B = [
    '一、加强组织领导',
    '全年共办理行政复议案件918宗，同比增长12%，按时办结率100%，群众满意度明显提升。',
    '二、规范行政执法',
    '全面推行行政执法公示制度、执法全过程记录制度。',
  ];
  const old = report(B);
  const p = old.paragraphs[1];
  const s0 = p.start + p.text.indexOf('按时办结率');
  const annotations = [ann(old, targetOf(old, 1), 'w'), ann(old, targetOf(old, 1, { start: s0, end: s0 + 5 }), 's')];
  const now = report([B[0], '全年共办理行政复议案件918宗，同比增长12%，按时办结率100%，群众满意度进一步明显提升。', B[2], B[3]]);
  const q = now.paragraphs[1];
  const at = q.start + q.text.indexOf('按时办结率');
  assert.deepEqual(reanchor(now, annotations), [
    { id: 'w', paragraph: 1, start: q.start, end: q.end, score: 0.944, status: 'fuzzy' },
    { id: 's', status: 'fuzzy', paragraph: 1, start: at, end: at + 5, score: 0.944 },
  ]);
});

test('decorationRanges: a paragraph whose annotations have no tags takes the colour of no tag', () => {
  const r = report(['一、加强组织领导', '全年共办理行政复议案件918宗。']);
  const a = ann(r, targetOf(r, 1), 'a', []);
  const anchors = reanchor(r, [a]);
  const tag = (id: string): TagInfo => ({ id, label: id || '?', color: id ? '#123456' : '#999999' }) as TagInfo;
  const out = decorationRanges(r, new AnchorIndex([a], anchors), tag, [{ startLine: 0, endLine: 100 }]);
  assert.deepEqual(
    out.map((d) => [d.paragraph, d.color, d.labels, d.tags, d.annotations, d.review, d.spans]),
    [[1, '#999999', [], [], ['a'], false, []]],
  );
});

test('findMatches: a scope that leaves a report out skips it; existing annotations of other reports do not mark', () => {
  const r1 = report(['一、加强组织领导', '全年共办理行政复议案件918宗。'], '某区2018年法治政府建设工作报告');
  const r2 = report(['一、加强组织领导', '全年共办理行政复议案件918宗。'], '某区2019年法治政府建设工作报告');
  const m = makeMatcher('行政复议');
  assert.ok(m.ok);
  // An annotation of r2's paragraph 1, stored with r1's id: it marks r1 only.
  const onR1 = { ...ann(r2, targetOf(r2, 1), 'a'), report: r1.id };
  const found = findMatches([r1, r2], m, { tag: 'x', existing: [onR1] });
  assert.deepEqual(
    found.map((f) => [f.report.id, f.paragraph, f.already]),
    [
      [r1.id, 1, true],
      [r2.id, 1, false],
    ],
  );
  const scoped = findMatches([r1, r2], m, { scope: { years: [2019] } });
  assert.deepEqual(
    scoped.map((f) => [f.report.id, f.paragraph]),
    [[r2.id, 1]],
  );
});

// The store.
const SRC = '/ws/reports/nanhai.txt';
const SIDE = '/ws/reports/nanhai.txt.annals.json';
const target = (n: number): AnnotationTarget => ({
  paragraph: `p${n.toString(16).padStart(8, '0')}`,
  quote: { type: 'TextQuoteSelector', exact: `段落${n}`, prefix: '\n', suffix: '\n' },
  position: { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 4 },
});

test('store: a new store is not dirty; an add emits its id; the author defaults to empty; unsubscribe stops events', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), newId: () => 'a0001' });
  assert.equal(s.dirty, false);
  const events: unknown[] = [];
  const off = s.onDidChange((e) => events.push(e));
  const a = s.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok(a.ok);
  assert.equal(a.value.author, '');
  assert.deepEqual(events, [{ reason: 'add', ids: ['a0001'] }]);
  off();
  s.add({ report: 'r', target: target(2), tags: ['t'] });
  assert.equal(events.length, 1, 'no event after unsubscribing');
});

test('store: a target whose prefix or suffix is not a string is refused', async () => {
  const s = await AnnotationStore.open(new MemFs(), SRC, { now: fakeClock() });
  for (const bad of [
    { ...target(1), quote: { ...target(1).quote, prefix: 7 } },
    { ...target(1), quote: { ...target(1).quote, suffix: null } },
  ]) {
    const r = s.add({ report: 'r', target: bad as unknown as AnnotationTarget, tags: ['t'] });
    assert.deepEqual(r.ok ? null : r.problem.code, 'invalidTarget');
  }
  assert.equal(s.size, 0);
});

test('store: a reload with the sidecar unchanged reports no change and emits nothing', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), newId: () => 'a0001' });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok((await s.save()).ok);
  const events: string[] = [];
  s.onDidChange((e) => events.push(e.reason));
  assert.deepEqual(await s.reload(), { ok: true, value: { changed: false } });
  assert.deepEqual(events, []);
  assert.equal(s.dirty, false);
});

test('store: opening removes only its own sidecar temporaries, and a lock temporary only once older than staleMs', async () => {
  const fs = new MemFs();
  fs.ticking = false;
  const mine = `${SIDE}.abcd1234.tmp`;
  const other = '/ws/reports/nanhaX.txt.annals.json.abcd1234.tmp'; // another sidecar of the same name length
  const lockTemp = `${SIDE}.lock.abcd1234.tmp`;
  fs.put(mine, 'x');
  fs.put(other, 'x');
  fs.put(lockTemp, 'x');
  const at = fs.clock;
  await AnnotationStore.open(fs, SRC, { now: fakeClock(), lock: { staleMs: 1000, clock: () => at + 1000 } });
  assert.deepEqual(fs.paths().sort(), [other, lockTemp].sort(), 'a lock temporary exactly staleMs old stays');
  await AnnotationStore.open(fs, SRC, { now: fakeClock(), lock: { staleMs: 1000, clock: () => at + 1001 } });
  assert.deepEqual(fs.paths(), [other]);
});

const H = '一、加强组织领导';
const TAIL = '群众满意度明显提升，社会评价良好稳定。';
const NEW_TAIL = '群众满意度明显下降，社会评价有所改善。';
/** A span of `phrase` in an edited paragraph (new id, changed context, no whole-paragraph annotation to follow). */
function editedSpan(phrase: string): Anchor[] {
  const old = report([H, `全年共办理行政复议案件918宗，同比增长12%，${phrase}${TAIL}`]);
  const p = old.paragraphs[1];
  const s0 = p.start + p.text.indexOf(phrase);
  const a = ann(old, targetOf(old, 1, { start: s0, end: s0 + phrase.length }), 's');
  return reanchor(report([H, `今年全区各部门共受理各类申请事项两千余件，${phrase}${NEW_TAIL}`]), [a]);
}

test('reanchor: a quote under 12 units needs context ≥ 0.75; one of 12 is not short (0.25 for a quote found once)', () => {
  assert.deepEqual(editedSpan('按时办结率达到百分之百'), [
    { id: 's', status: 'orphan', paragraph: null, start: -1, end: -1, score: 0, reason: 'the quoted text is gone' },
  ]);
  assert.deepEqual(editedSpan('按时办结率达到了百分之百'), [
    { id: 's', paragraph: 1, start: 72, end: 84, status: 'needs-review', score: 0.40237691001697795, reason: 'the quote occurs once, but its context changed' },
  ]);
});

test('reanchor: an edited paragraph goes to its most similar candidate, not a weaker one (each group chosen once)', () => {
  const old = report([H, '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，规范执法行为。', '二、其他工作']);
  const a = ann(old, targetOf(old, 1), 'w');
  const near = '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，严格规范执法行为。';
  const far = '全面推行行政审批公开制度、审批全过程记录制度、重大执法决定法制审核制度，规范审批行为。'; // 74% similar
  const first = report([H, near, '二、其他工作', far]);
  assert.deepEqual(reanchor(first, [a]), [{ id: 'w', paragraph: 1, start: 51, end: 96, score: 0.953, status: 'fuzzy' }]);
  const second = report([H, far, '二、其他工作', near]);
  assert.deepEqual(reanchor(second, [a]), [
    {
      id: 'w',
      paragraph: 3,
      start: 104,
      end: 149,
      score: 0.953,
      status: 'needs-review',
      reason: 'the paragraph changed: 95% similar, and its neighbours changed too',
    },
  ]);
});

test('reanchor: an edited span goes to the closest approximate match among the candidate paragraphs', () => {
  const X = '深入推进放管服改革梳理公布权责清单三千余项';
  const old = report([H, `今年以来，${X}，成效明显。`]);
  const p = old.paragraphs[1];
  const s0 = p.start + p.text.indexOf(X);
  const a = ann(old, targetOf(old, 1, { start: s0, end: s0 + X.length }), 's');
  const near = '今年以来，深入推进放管服改革梳理公布权责清单四千余项，成效明显。';
  const far = '今年以来，深入推进简政放权改革梳理公布权责清单四千余项，成效明显。';
  assert.deepEqual(reanchor(report([H, near, '二、其他工作', far]), [a]), [{ id: 's', status: 'fuzzy', paragraph: 1, start: 56, end: 77, score: 0.952 }]);
  assert.deepEqual(reanchor(report([H, far, '二、其他工作', near]), [a]), [{ id: 's', status: 'fuzzy', paragraph: 3, start: 99, end: 120, score: 0.952 }]);
});

test('reanchor: an edited span is placed on the least-cost alignment (substitution first, then skipping text, then a pattern character)', () => {
  const X = '深入推进放管服改革梳理公布权责清单三千余项';
  const old = report([H, `今年以来，${X}，成效明显。`]);
  const p = old.paragraphs[1];
  const s0 = p.start + p.text.indexOf(X);
  const a = ann(old, targetOf(old, 1, { start: s0, end: s0 + X.length }), 's');
  // [edited quote, start and end of the match in the paragraph, score]
  const rows: [string, number, number, number][] = [
    ['深入推进放放管服改革梳理公布权责清单三千余项', 5, 27, 0.952], // one character doubled
    ['深单入推进放管改革梳理公布权责清单三千余项', 6, 26, 0.905], // one inserted, one deleted: starts after the inserted one
    ['深入推放管服改革梳理公布权责清革单三千余项', 5, 26, 0.905], // one deleted, one inserted
    ['深入深推进放管服改革梳理公布权责清单三千余项', 5, 27, 0.952], // one inserted near the start: the match keeps it
  ];
  for (const [edited, start, end, score] of rows) {
    const now = report([H, `今年以来，${edited}，成效明显。`]);
    const q = now.paragraphs[1];
    assert.deepEqual(reanchor(now, [a]), [{ id: 's', status: 'fuzzy', paragraph: 1, start: q.start + start, end: q.start + end, score }], edited);
  }
});

test('makeMatcher: /source/flags, g and y dropped, flags merged once; text mode escapes; each failure names its cause', () => {
  const rows: [string, 'regex' | 'text', boolean, string, string, string][] = [
    // input, mode, ignoreCase → regex source, flags, label
    ['a.b', 'regex', false, 'a.b', '', '/a.b/'],
    ['/a.b/i', 'regex', false, 'a.b', 'i', '/a.b/i'],
    ['/ab/gy', 'regex', false, 'ab', '', '/ab/'],
    ['/ab/gim', 'regex', true, 'ab', 'im', '/ab/im'],
    ['a.b', 'regex', true, 'a.b', 'i', '/a.b/i'],
    ['a.b(c)', 'text', false, 'a\\.b\\(c\\)', '', '“a.b(c)”'],
    ['/x/', 'text', false, '\\/x\\/', '', '“/x/”'],
  ];
  for (const [input, mode, ignoreCase, source, flags, label] of rows) {
    const m = makeMatcher(input, mode, { ignoreCase });
    assert.ok(m.ok, input);
    assert.deepEqual([m.regex.source, m.regex.flags, m.label], [source, flags, label], input);
  }
  const bad: [string, string, unknown[]][] = [
    ['', 'emptyPattern', []],
    ['/ab/x', 'unknownRegexFlag', ['/ab/x', 'x']],
    ['/ab/gqz', 'unknownRegexFlag', ['/ab/gqz', 'qz']],
    ['(', 'invalidRegex', ['(', '', 'Unterminated group']],
    ['/(/i', 'invalidRegex', ['(', 'i', 'Unterminated group']],
  ];
  for (const [input, code, args] of bad) {
    const m = makeMatcher(input);
    assert.deepEqual(m.ok ? null : [m.problem.code, m.problem.args], [code, args], input);
  }
});

test('matchExcerpt: exactly `before` characters keep no ellipsis; exactly the room left keeps no ellipsis; white space collapses', () => {
  const r = report(['一、加强组织领导']);
  const m = (text: string, start: number): AutoTagMatch => ({ report: r, paragraph: 0, line: 0, text, match: { start, end: start + 1 }, already: false });
  const rows: [string, number, number, number, string][] = [
    ['abcdefghij', 5, 3, 8, '…cdefghi…'],
    ['abcdefghij', 3, 3, 10, 'abcdefghij'], // head of 3 = before; rest of 7 = room
    ['abcdefghij', 4, 3, 10, '…bcdefghij'], // head of 4 > before
    ['abcdefghij', 3, 3, 9, 'abcdefghi…'], // rest of 7 > room of 6
    ['a\n\t b  c', 0, 16, 80, 'a b c'],
  ];
  for (const [text, start, before, max, want] of rows) assert.equal(matchExcerpt(m(text, start), before, max), want, `${text} ${start}`);
});

test('matchesOf: a paragraph given twice is one match, one out of range is skipped; already marks the tag placed here only', () => {
  const r = report(['一、加强组织领导', '全年共办理行政复议案件918宗。', '二、规范行政执法', '全面推行行政执法公示制度。']);
  const other = report(['一、加强组织领导', '全年共办理行政复议案件918宗。'], '某区2019年法治政府建设工作报告');
  const existing = [ann(r, targetOf(r, 1), 'a', ['x']), ann(r, targetOf(r, 3), 'b', ['y']), ann(other, targetOf(other, 1), 'c', ['x'])];
  const hits = [
    { paragraph: 3, start: 2, end: 4 },
    { paragraph: 1, start: 0, end: 2 },
    { paragraph: 3, start: 5, end: 6 },
    { paragraph: 9, start: 0, end: 1 },
  ];
  const out = matchesOf(r, hits, { tag: 'x', existing });
  assert.deepEqual(
    out.map((m) => [m.paragraph, m.line, m.match, m.already]),
    [
      [3, r.paragraphs[3].line, { start: 2, end: 4 }, false],
      [1, r.paragraphs[1].line, { start: 0, end: 2 }, true],
    ],
  );
  assert.deepEqual(
    matchesOf(r, hits, { existing }).map((m) => m.already),
    [false, false],
    'no tag: nothing is marked',
  );
});

test('applyAutoTag: matches already tagged are skipped and counted; a paragraph that is not there is an error; the rest are added', async () => {
  const r = report(['一、加强组织领导', '全年共办理行政复议案件918宗。']);
  const s = await AnnotationStore.open(new MemFs(), SRC, {
    now: fakeClock(),
    newId: (() => {
      let n = 0;
      return () => `a${n++}`;
    })(),
  });
  const m = (paragraph: number, already: boolean): AutoTagMatch => ({ report: r, paragraph, line: 0, text: '', match: { start: 0, end: 1 }, already });
  const res = applyAutoTag(s, [m(1, true), m(7, false), m(1, false), m(0, false)], 'x', { note: 'n', author: 'me' });
  assert.equal(res.skipped, 1);
  assert.deepEqual(
    res.errors.map((e) => [e.code, e.args]),
    [['noParagraph', [r.id, '7', '2']]],
  );
  assert.deepEqual(
    res.added.map((a) => [a.id, a.target.paragraph, a.tags, a.note, a.author]),
    [
      ['a0', r.paragraphs[1].id, ['x'], 'n', 'me'],
      ['a1', r.paragraphs[0].id, ['x'], 'n', 'me'],
    ],
  );
});

test('paragraphAt: a paragraph holds its start and its end offset; before the first and after the last is none', () => {
  const r = report(['一、加强组织领导', '全年共办理行政复议案件918宗。', '二、规范行政执法']);
  const ps = r.paragraphs;
  const rows: [number, number | null][] = [
    [0, null],
    [ps[0].start - 1, null],
    [ps[0].start, 0],
    [ps[0].end, 0],
    [ps[1].start, 1],
    [ps[1].start + 3, 1],
    [ps[1].end, 1],
    [ps[2].start, 2],
    [ps[2].end, 2],
    [ps[2].end + 1, null],
  ];
  for (const [at, want] of rows) assert.equal(paragraphAt(r, at), want, String(at));
});

test('decorationRanges: visible ranges overlap without repeats; spans, review, labels in first-use order; sorted by paragraph', () => {
  const r = report(['一、加强组织领导', '全年共办理行政复议案件918宗。', '二、规范行政执法', '全面推行行政执法公示制度。', '三、化解矛盾纠纷']);
  const ps = r.paragraphs;
  const a = (id: string, tags: string[]) => ann(r, targetOf(r, 1), id, tags);
  const annotations = [a('w', ['y', 'x']), a('s', ['x', 'z']), a('o', ['q']), a('t', [])];
  const anchors: Anchor[] = [
    { id: 'w', status: 'exact-id', paragraph: 3, start: ps[3].start, end: ps[3].end, score: 1 },
    { id: 's', status: 'needs-review', paragraph: 3, start: ps[3].start + 2, end: ps[3].end, score: 0.9 },
    { id: 'o', status: 'orphan', paragraph: null, start: -1, end: -1, score: 0 },
    { id: 't', status: 'quote', paragraph: 1, start: ps[1].start, end: ps[1].end - 1, score: 1 },
  ];
  const colors: Record<string, string> = { x: '#111111', y: '#222222', z: '#333333', '': '#999999' };
  const tag = (id: string): TagInfo => ({ id, label: `L${id}`, color: colors[id] ?? '#000000' }) as TagInfo;
  const lines = ps.map((p) => p.line);
  const visible = [
    { startLine: lines[3], endLine: lines[4] },
    { startLine: lines[0], endLine: lines[3] },
  ];
  const out = decorationRanges(r, new AnchorIndex(annotations, anchors), tag, visible);
  assert.deepEqual(out, [
    {
      paragraph: 1,
      line: lines[1],
      start: ps[1].start,
      end: ps[1].end,
      color: '#999999',
      labels: [],
      tags: [],
      annotations: ['t'],
      review: false,
      spans: [{ annotation: 't', start: ps[1].start, end: ps[1].end - 1, color: '#999999' }],
    },
    {
      paragraph: 3,
      line: lines[3],
      start: ps[3].start,
      end: ps[3].end,
      color: '#222222',
      labels: ['Ly', 'Lx', 'Lz'],
      tags: ['y', 'x', 'z'],
      annotations: ['w', 's'],
      review: true,
      spans: [{ annotation: 's', start: ps[3].start + 2, end: ps[3].end, color: '#111111' }],
    },
  ]);
  assert.deepEqual(decorationRanges(r, new AnchorIndex(annotations, anchors), tag, [{ startLine: lines[4], endLine: lines[4] + 5 }]), []);
});

const counter = () => {
  let n = 0;
  return () => `a${n++}`;
};

test('store: times strictly increase under a clock that stands still, also past an edited version; the year 9999 is the end', async () => {
  const s = await AnnotationStore.open(new MemFs(), SRC, { now: () => '2026-01-01T00:00:00.000Z', newId: counter() });
  const a = s.add({ report: 'r', target: target(1), tags: ['t'] });
  const b = s.add({ report: 'r', target: target(2), tags: ['t'] });
  assert.ok(a.ok && b.ok);
  assert.deepEqual([a.value.created, a.value.modified, b.value.created], ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z']);
  const e = s.update('a0', { resolvedBy: 'lead' });
  assert.ok(e.ok);
  assert.deepEqual(
    [e.value.created, e.value.modified, e.value.resolvedBy, e.value.resolved],
    ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.002Z', 'lead', '2026-01-01T00:00:00.002Z'],
  );
  const end = await AnnotationStore.open(new MemFs(), SRC, { now: () => '9999-12-31T23:59:59.999Z', newId: counter() });
  const x = end.add({ report: 'r', target: target(1), tags: ['t'] });
  const y = end.add({ report: 'r', target: target(2), tags: ['t'] });
  assert.ok(x.ok && y.ok);
  assert.deepEqual([x.value.created, y.value.created], ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z']);
});

test('store: update and remove emit their ids; an update with a bad target changes nothing; byReport follows a move', async () => {
  const s = await AnnotationStore.open(new MemFs(), SRC, { now: fakeClock(), newId: counter() });
  s.add({ report: 'r2', target: target(3), tags: ['t'] });
  s.add({ report: 'r1', target: target(5), tags: ['t'] });
  s.add({ report: 'r2', target: target(1), tags: ['t'] });
  const events: unknown[] = [];
  s.onDidChange((e) => events.push(e));
  const v0 = s.changes;
  const bad = s.update('a0', { target: { ...target(1), position: { type: 'TextPositionSelector', start: 5, end: 4 } } });
  assert.deepEqual(bad.ok ? null : bad.problem.code, 'invalidTarget');
  assert.equal(s.changes, v0, 'a refused update changes nothing');
  assert.deepEqual(
    s.forReport('r2').map((a) => a.id),
    ['a2', 'a0'],
  );
  const moved = s.update('a0', { report: 'r1', tags: [], note: '' });
  assert.ok(moved.ok);
  assert.deepEqual(moved.value.tags, []);
  assert.deepEqual(
    [...s.byReport()].map(([r, list]) => [r, list.map((a) => a.id)]),
    [
      ['r1', ['a0', 'a1']],
      ['r2', ['a2']],
    ],
  );
  assert.ok(s.remove('a2').ok);
  assert.deepEqual(s.forReport('r2'), []);
  assert.deepEqual(
    s.all().map((a) => a.id),
    ['a0', 'a1'],
  );
  assert.deepEqual(events, [
    { reason: 'edit', ids: ['a0'] },
    { reason: 'remove', ids: ['a2'] },
  ]);
  assert.ok(s.changes > v0);
});

test('store: insert keeps ids, dates and authors, skips ids it has and invalid ones, and sorts; nothing inserted is no change', async () => {
  const s = await AnnotationStore.open(new MemFs(), SRC, { now: fakeClock(), newId: counter() });
  const events: unknown[] = [];
  s.onDidChange((e) => events.push(e));
  const base = (id: string, report: string, n: number): Annotation => ({
    id,
    report,
    target: target(n),
    tags: ['t', 't', ''],
    note: 'n',
    author: 'other',
    created: T,
    modified: T,
  });
  const empty = s.insert([]);
  assert.deepEqual(empty, { ok: true, value: { added: [], skipped: 0 } });
  assert.equal(s.dirty, false);
  assert.deepEqual(events, []);
  const r = s.insert([
    base('z9', 'r', 5),
    base('z1', 'r', 1),
    base('z9', 'r', 2), // the same id again
    { ...base('n1', '', 1) }, // no report
    { ...base('n2', 'r', 1), target: { ...target(1), paragraph: '' } },
    { ...base('n3', 'r', 1), target: { ...target(1), quote: { ...target(1).quote, exact: 3 as unknown as string } } },
  ]);
  assert.deepEqual(r, { ok: true, value: { added: ['z9', 'z1'], skipped: 4 } });
  assert.deepEqual(
    s.all().map((a) => [a.id, a.tags, a.author, a.created]),
    [
      ['z1', ['t'], 'other', T],
      ['z9', ['t'], 'other', T],
    ],
  );
  assert.equal(s.dirty, true);
  assert.deepEqual(events, [{ reason: 'add', ids: ['z9', 'z1'] }]);
  // A large import (more than 64) is sorted once: the same order.
  const many = Array.from({ length: 70 }, (_, k) => base(`m${String(k).padStart(2, '0')}`, k % 2 ? 'q' : 'p', 70 - k));
  assert.equal(s.insert(many).ok, true);
  const all = s.all();
  assert.equal(all.length, 72);
  assert.deepEqual(
    all.slice(0, 3).map((a) => a.id),
    ['m68', 'm66', 'm64'],
  );
  for (let k = 1; k < all.length; k++) assert.ok(compareAnnotations(all[k - 1], all[k]) < 0, `sorted at ${k}`);
  assert.equal(s.forReport('q').length, 35);
});

test('store: a sidecar is read when its text fits maxText in UTF-16 units, though its UTF-8 bytes are more', async () => {
  const note = '法治'.repeat(20) + '𠀀';
  const text = serializeSidecar({
    version: 1,
    source: 'nanhai.txt',
    annotations: [{ id: 'a1', report: 'r', target: target(1), tags: ['t'], note, author: '', created: T, modified: T }],
  });
  const bytes = new TextEncoder().encode(text).length;
  assert.ok(bytes > text.length + 40);
  for (const [maxText, readable] of [
    [text.length, true],
    [text.length - 1, false],
  ] as const) {
    const fs = new MemFs();
    fs.put(SIDE, text);
    const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), maxText });
    assert.equal(s.readOnly, !readable, String(maxText));
    assert.equal(s.error?.code, readable ? undefined : 'sidecarTooLarge');
    if (readable) assert.equal(s.get('a1')?.note, note);
  }
});

test('store: a listener that throws does not stop the others', async () => {
  const s = await AnnotationStore.open(new MemFs(), SRC, { now: fakeClock(), newId: counter() });
  const seen: string[] = [];
  s.onDidChange(() => {
    throw new Error('bad listener');
  });
  s.onDidChange((e) => seen.push(e.reason));
  assert.ok(s.add({ report: 'r', target: target(1), tags: ['t'] }).ok);
  assert.deepEqual(seen, ['add']);
});

const whole = (r: Report, i: number, id = 'w') => ann(r, targetOf(r, i), id);

test('reanchor: the rules of whole paragraphs, each row a reason', () => {
  const P = '全年共办理行政复议案件918宗，同比增长12%，按时办结率100%，群众满意度明显提升。';
  const Q = '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，规范执法行为。';
  const old = report([H, P, '二、规范行政执法', Q]);
  assert.deepEqual(reanchor(null, [whole(old, 1)]), [
    { id: 'w', status: 'orphan', paragraph: null, start: -1, end: -1, score: 0, reason: `report ${old.id} is not in the source any more` },
  ]);
  // A figure changed: a fact, so the placement is only suggested.
  assert.deepEqual(reanchor(report([H, P.replace('918', '919'), '二、规范行政执法', Q]), [whole(old, 1)]), [
    { id: 'w', paragraph: 1, start: 51, end: 95, score: 0.953, status: 'needs-review', reason: 'the figures differ (was 918; now 919)' },
  ]);
  // Two edited copies, about as similar.
  const amb = report([H, P.replace('明显提升', '明显提高'), '二、规范行政执法', P.replace('明显提升', '显著提升'), Q]);
  assert.deepEqual(reanchor(amb, [whole(old, 1)]), [
    { id: 'w', paragraph: 1, start: 51, end: 95, score: 0.953, status: 'needs-review', reason: 'another paragraph is almost as similar (93% against 95%)' },
  ]);
});

test('reanchor: a deleted paragraph is not silently moved onto its similar neighbour (either side)', () => {
  const N1 = '全年共办理行政复议案件918宗，同比增长12%，按时办结率100%。';
  const N2 = '全年共办理行政诉讼案件918宗，同比增长12%，按时办结率100%。';
  const Q = '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，规范执法行为。';
  const old = report([H, N1, N2, Q]);
  const want = [
    {
      id: 'w',
      paragraph: 1,
      start: 51,
      end: 85,
      score: 0.909,
      status: 'needs-review',
      reason: 'its paragraph may be gone: this similar paragraph (91%) was next to it',
    },
  ];
  assert.deepEqual(reanchor(report([H, N2, Q]), [whole(old, 1)]), want, 'the one after it');
  assert.deepEqual(reanchor(report([H, N1, Q]), [whole(old, 2)]), want, 'the one before it');
});

test('reanchor: repeated paragraphs (各位代表！) are told apart by their neighbours', () => {
  const R = [
    '一、加强组织领导',
    '全年共办理行政复议案件918宗。',
    '各位代表！',
    '二、规范行政执法',
    '全面推行行政执法公示制度。',
    '各位代表！',
    '三、化解矛盾纠纷',
  ];
  const old = report(R);
  assert.deepEqual(
    old.paragraphs.map((p) => p.id.includes('.')),
    [false, false, false, false, false, true, false],
  );
  const as = [whole(old, 2, 'a'), whole(old, 5, 'b')];
  assert.deepEqual(reanchor(old, as), [
    { id: 'a', status: 'exact-id', paragraph: 2, start: 69, end: 74, score: 1 },
    { id: 'b', status: 'exact-id', paragraph: 5, start: 101, end: 106, score: 1 },
  ]);
  const inserted = report([R[0], R[1], R[2], R[3], R[4], '新增一段内容，说明有关情况。', R[5], R[6]]);
  assert.deepEqual(reanchor(inserted, as), [
    { id: 'a', status: 'exact-id', paragraph: 2, start: 69, end: 74, score: 1 },
    { id: 'b', status: 'exact-id', paragraph: 6, start: 117, end: 122, score: 1 },
  ]);
  const oneGone = report([R[0], R[1], R[3], R[4], R[5], R[6]]);
  assert.deepEqual(reanchor(oneGone, as), [
    { id: 'a', status: 'orphan', paragraph: null, start: -1, end: -1, score: 0, reason: 'the paragraph and its text are gone' },
    { id: 'b', status: 'exact-id', paragraph: 4, start: 94, end: 99, score: 1 },
  ]);
  const edited = report([R[0], R[1], '各位代表们！', R[3], R[4], R[5], R[6]]);
  assert.deepEqual(reanchor(edited, as), [
    {
      id: 'a',
      paragraph: 2,
      start: 69,
      end: 75,
      score: 0.667,
      status: 'needs-review',
      reason: 'a short or repeated paragraph whose text and neighbours changed (context 100%, elsewhere at most 0%)',
    },
    { id: 'b', status: 'exact-id', paragraph: 5, start: 102, end: 107, score: 1 },
  ]);
});

test('reanchor: a phrase that occurs three times in its paragraph: each span keeps its occurrence, by its context', () => {
  const P = '办理行政复议案件918宗，其中行政复议决定撤销12宗，行政复议维持其余案件。';
  const old = report([H, P, '二、其他']);
  const p = old.paragraphs[1];
  const at = [2, 15, 27];
  assert.deepEqual(
    at.map((i) => p.text.slice(i, i + 4)),
    ['行政复议', '行政复议', '行政复议'],
  );
  const as = at.map((i, k) => ann(old, targetOf(old, 1, { start: p.start + i, end: p.start + i + 4 }), `s${k}`));
  const placed = (r: Report, i: number) => reanchor(r, as).map((x) => [x.id, x.status, x.paragraph, x.start - r.paragraphs[i].start]);
  assert.deepEqual(placed(old, 1), [
    ['s0', 'exact-id', 1, 2],
    ['s1', 'exact-id', 1, 15],
    ['s2', 'exact-id', 1, 27],
  ]);
  assert.deepEqual(placed(report(['零、前言部分内容', H, P, '二、其他']), 2), [
    ['s0', 'exact-id', 2, 2],
    ['s1', 'exact-id', 2, 15],
    ['s2', 'exact-id', 2, 27],
  ]);
  assert.deepEqual(placed(report([H, `今年${P}`, '二、其他']), 1), [
    ['s0', 'quote', 1, 4],
    ['s1', 'quote', 1, 17],
    ['s2', 'quote', 1, 29],
  ]);
});

test('resolveDisagreement, independent: a Neither leaves an empty record; only earlier resolutions are replaced; twins written once', async () => {
  const shared = await AnnotationStore.open(new MemFs(), SRC, { now: fakeClock(), newId: counter() });
  const plain = shared.add({ report: 'r', target: target(1), tags: ['own'] });
  const earlier = shared.add({ report: 'r', target: target(1), tags: ['old'], resolvedBy: 'Chen' });
  assert.ok(plain.ok && earlier.ok);
  const coder = (id: string, tags: string[], author: string): Annotation => ({ ...ann(report([H]), target(1), id, tags), report: 'r', author });
  const li = coder('l1', ['b', 'a'], 'Li');
  const wang = coder('w1', ['a', 'b'], 'Wang');
  const wang2 = coder('w2', ['c'], 'Wang');
  const d = {
    mode: 'independent' as const,
    report: 'r',
    paragraph: target(1),
    coders: [
      { coder: 'Li', annotations: [li] },
      { coder: 'Wang', annotations: [wang, wang2] },
    ],
    shared: shared.all(),
  };
  const both = resolveDisagreement(shared, d, { kind: 'both' }, 'Chen');
  assert.deepEqual(both, { ok: true, value: { added: ['a2', 'a3'], removed: [earlier.value.id], marked: [] } });
  assert.deepEqual(
    shared.all().map((a) => [a.id, a.tags, a.author, a.resolvedBy]),
    [
      ['a0', ['own'], '', undefined],
      ['a2', ['b', 'a'], 'Li', 'Chen'],
      ['a3', ['c'], 'Wang', 'Chen'],
    ],
  );
  const neither = resolveDisagreement(shared, { ...d, shared: shared.all() }, { kind: 'neither' }, 'Zhao');
  assert.deepEqual(neither, { ok: true, value: { added: ['a4'], removed: ['a2', 'a3'], marked: [] } });
  const record = shared.get('a4');
  assert.deepEqual(record && [record.tags, record.note, record.author, record.resolvedBy, record.target], [[], '', 'Zhao', 'Zhao', target(1)]);
  // A resolution listed but gone from the store already: the failure is returned, not passed over,
  // and nothing is changed (no record added).
  const before = shared.all();
  const gone = resolveDisagreement(shared, { ...d, shared: [li, { ...wang, resolvedBy: 'Chen' }] }, { kind: 'neither' }, 'Zhao');
  assert.deepEqual(gone.ok ? null : [gone.problem.code, gone.problem.args], ['disagreementChanged', ['w1']]);
  assert.deepEqual(shared.all(), before);
});

test('code points: lone surrogates count as one character each; offsets are clamped and floored; inside a pair counts the pair', () => {
  const text = 'a\ud800b𠀀c\udc00𠀁\ud800';
  // units: a0 \ud800 1, b2, 𠀀 3-4, c5, \udc00 6, 𠀁 7-8, \ud800 9 (10 units, 8 code points)
  const cp = new CodePointIndex(text);
  const toCp: [number, number][] = [
    [-1, 0],
    [0, 0],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 4],
    [6, 5],
    [7, 6],
    [8, 7],
    [9, 7],
    [10, 8],
    [99, 8],
  ];
  for (const [u, want] of toCp) {
    assert.equal(cp.toCodePoint(u), want, `toCodePoint(${u})`);
    assert.equal(utf16ToCodePoint(text, u), want);
  }
  const toU: [number, number][] = [
    [-2, 0],
    [0, 0],
    [3, 3],
    [3.7, 3],
    [4, 5],
    [5, 6],
    [6, 7],
    [7, 9],
    [8, 10],
    [99, 10],
  ];
  for (const [c, want] of toU) {
    assert.equal(cp.toUtf16(c), want, `toUtf16(${c})`);
    assert.equal(codePointToUtf16(text, c), want);
  }
});

test('makeTarget: a prefix of astral characters keeps the last 32 code points, never half a pair', () => {
  const r = report([`${'𠀀'.repeat(40)}按时办结率`]);
  const p = r.paragraphs[0];
  const at = p.start + 80;
  const t = makeTarget(r, 0, { start: at, end: at + 5 });
  assert.ok(t.ok);
  assert.equal(t.value.target.quote.prefix, '𠀀'.repeat(32));
  assert.deepEqual(t.value.target.position, { type: 'TextPositionSelector', start: p.start + 40, end: p.start + 45 });
  const lone = report([`${'\udc00'.repeat(40)}按时办结率`]);
  const q = lone.paragraphs[0];
  const u = makeTarget(lone, 0, { start: q.start + 40, end: q.start + 45 });
  assert.ok(u.ok);
  assert.equal(u.value.target.quote.prefix, '\udc00'.repeat(32), 'lone low surrogates are one character each');
});
