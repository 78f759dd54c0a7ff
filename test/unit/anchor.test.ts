import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  buildReport,
  CodePointIndex,
  codePointToUtf16,
  makeTarget,
  paragraphAt,
  reanchor,
  utf16ToCodePoint,
  type Annotation,
  type AnnotationTarget,
  type Report,
} from '../../src/core/index.ts';
import { byYear, FLAT, load } from './helpers.ts';

const T = '2026-01-01T00:00:00.000Z';
const report = (blocks: string[], title = '某区2018年法治政府建设工作报告') => buildReport({ title, link: null, date: null, blocks, diagnostics: [] }, null);
const ann = (r: Report, target: AnnotationTarget, id = 'a1'): Annotation => ({
  id,
  report: r.id,
  target,
  tags: ['figures'],
  note: '',
  author: '',
  created: T,
  modified: T,
});
function whole(r: Report, i: number, id = 'a1'): Annotation {
  const t = makeTarget(r, i);
  assert.ok(t.ok);
  return ann(r, t.value.target, id);
}
function span(r: Report, i: number, phrase: string, id = 'a1'): Annotation {
  const p = r.paragraphs[i];
  const s = p.start + p.text.indexOf(phrase);
  assert.ok(s >= p.start);
  const t = makeTarget(r, i, { start: s, end: s + phrase.length });
  assert.ok(t.ok && !t.value.whole);
  return ann(r, t.value.target, id);
}

const BLOCKS = [
  '一、加强组织领导',
  '全年共办理行政复议案件918宗，同比增长12%，按时办结率100%。',
  '深入推进“放管服”改革，梳理公布权责清单3000余项，实现政务服务事项网上可办率95%以上。',
  '二、规范行政执法',
  '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。',
  '各位代表！',
  '三、化解矛盾纠纷',
  '完善人民调解、行政调解、司法调解联动工作体系，调解成功率达98%。',
  '各位代表！',
  '四、提高法治能力',
  '组织全区公务员参加学法考试，参考率和合格率均达到100%。',
];

test('code points and UTF-16: conversions both ways, with astral characters', () => {
  const text = 'a𠀀b𠀁c';
  const cp = new CodePointIndex(text);
  assert.deepEqual(
    [0, 1, 3, 4, 6, 7].map((u) => cp.toCodePoint(u)),
    [0, 1, 2, 3, 4, 5],
  );
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5].map((c) => cp.toUtf16(c)),
    [0, 1, 3, 4, 6, 7],
  );
  assert.equal(utf16ToCodePoint(text, 2), 2, 'inside a pair counts the whole character');
  assert.equal(codePointToUtf16(text, 99), text.length);
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '法', '𠀀', '😀', '\n'), maxLength: 40 }), (s) => {
      const idx = new CodePointIndex(s);
      const n = Array.from(s).length;
      for (let c = 0; c <= n; c++) assert.equal(idx.toCodePoint(idx.toUtf16(c)), c);
      assert.equal(idx.toUtf16(n), s.length);
    }),
  );
});

test('makeTarget: a whole paragraph, or the selected span inside it, with 32 code points of context and code point positions', () => {
  const r = report(['前文𠀀𠀀', ...BLOCKS]);
  const i = r.paragraphs.findIndex((p) => p.text.startsWith('全年'));
  const w = makeTarget(r, i);
  assert.ok(w.ok && w.value.whole);
  assert.equal(w.value.target.paragraph, r.paragraphs[i].id);
  assert.equal(w.value.target.quote.exact, r.paragraphs[i].text);
  assert.equal(Array.from(w.value.target.quote.prefix).length, 32);
  assert.ok(w.value.target.quote.prefix.endsWith('\n') && w.value.target.quote.suffix.startsWith('\n'));
  const cp = new CodePointIndex(r.text);
  assert.equal(w.value.target.position.start, cp.toCodePoint(r.paragraphs[i].start));
  assert.equal(w.value.target.position.start, r.paragraphs[i].start - 2, 'two astral characters before it');
  const s = span(r, i, '918宗');
  assert.equal(s.target.quote.exact, '918宗');
  assert.ok(s.target.quote.prefix.endsWith('行政复议案件'));
  // A selection that leaves the paragraph tags the whole paragraph: the paragraph is the unit.
  const out = makeTarget(r, i, { start: r.paragraphs[i].start, end: r.paragraphs[i + 1].end });
  assert.ok(out.ok && out.value.whole);
  assert.equal(makeTarget(r, 999).ok, false);
  assert.equal(paragraphAt(r, r.paragraphs[i].start + 3), i);
});

test('1. exact-id: by paragraph id, wherever the paragraph moved', () => {
  const r = report(BLOCKS);
  const a = whole(r, 2);
  const moved = report([BLOCKS[2], ...BLOCKS.slice(0, 2), ...BLOCKS.slice(3)]);
  const [anc] = reanchor(moved, [a]);
  assert.equal(anc.status, 'exact-id');
  assert.equal(anc.paragraph, 0);
  assert.deepEqual([anc.start, anc.end], [moved.paragraphs[0].start, moved.paragraphs[0].end]);
  // A span inside it follows it too.
  const [s] = reanchor(moved, [span(r, 2, '权责清单3000余项')]);
  assert.equal(s.status, 'exact-id');
  assert.equal(moved.text.slice(s.start, s.end), '权责清单3000余项');
});

test('1. exact-id: repeated paragraphs are told apart by their neighbours, not by their numbering', () => {
  const r = report(BLOCKS);
  const second = r.paragraphs.findIndex((p, i) => p.text === '各位代表！' && i > 6);
  const a = whole(r, second);
  assert.match(a.target.paragraph, /\.1$/);
  // A third copy inserted before both shifts the numbering; the annotation stays with its neighbours.
  const edited = report(['各位代表！', ...BLOCKS]);
  const [anc] = reanchor(edited, [a]);
  assert.equal(anc.status, 'exact-id');
  assert.equal(edited.paragraphs[anc.paragraph! + 1].text, '四、提高法治能力');
  assert.equal(edited.paragraphs[anc.paragraph! - 1].text, BLOCKS[7]);
});

test('2. quote: an edited paragraph keeps a span whose quote occurs once, with its context', () => {
  const r = report(BLOCKS);
  const a = span(r, 4, '执法全过程记录制度');
  const edited = report(BLOCKS.map((b, i) => (i === 4 ? '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，取得明显成效。' : b)));
  const [anc] = reanchor(edited, [a]);
  assert.equal(anc.status, 'quote');
  assert.equal(edited.text.slice(anc.start, anc.end), '执法全过程记录制度');
  assert.equal(anc.paragraph, 4);
});

test('2. quote: where the quote occurs several times, the context (then the position hint) picks one', () => {
  const blocks = ['甲区推进依法行政，成效明显。', '乙区推进依法行政，仍有不足。', '丙区加强监督。'];
  const r = report(blocks);
  const a = span(r, 1, '推进依法行政');
  const edited = report(['新增一段说明文字。', blocks[0], '乙区推进依法行政，仍有不足之处。', blocks[2]]);
  const [anc] = reanchor(edited, [a]);
  assert.equal(anc.status, 'quote');
  assert.equal(edited.paragraphs[anc.paragraph!].text, '乙区推进依法行政，仍有不足之处。');
});

test('3. fuzzy: a paragraph with a few characters changed is found, with its neighbours agreeing', () => {
  const r = report(BLOCKS);
  const a = whole(r, 2);
  const edited = report(BLOCKS.map((b, i) => (i === 2 ? b.replace('梳理公布', '梳理并公布').replace('网上可办率', '网上办理率') : b)));
  const [anc] = reanchor(edited, [a]);
  assert.equal(anc.status, 'fuzzy');
  assert.equal(anc.paragraph, 2);
  assert.ok(anc.score > 0.8 && anc.score < 1, String(anc.score));
});

test('3. needs-review: an edited paragraph whose figures changed is suggested with the figures, not placed', () => {
  const r = report(BLOCKS);
  const a = whole(r, 2);
  const edited = report(BLOCKS.map((b, i) => (i === 2 ? b.replace('3000余项', '3100余项').replace('95%', '96%') : b)));
  const [anc] = reanchor(edited, [a]);
  assert.equal(anc.status, 'needs-review');
  assert.equal(anc.paragraph, 2);
  assert.equal(anc.reason, 'the figures differ (was 3000, 95; now 3100, 96)');
});

test('3. a deleted paragraph never lands on its similar neighbour as if placed (2018年…24次 deleted next to 2017年…22次)', () => {
  const blocks = [
    '一、加强组织领导',
    '2017年，区政府共召开常务会议22次，研究审议重大行政决策事项56项，全部经过合法性审查和集体讨论决定，未发生违法决策情况。',
    '2018年，区政府共召开常务会议24次，研究审议重大行政决策事项61项，全部经过合法性审查和集体讨论决定，未发生违法决策情况。',
    '二、规范行政执法',
    '全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。',
  ];
  const r = report(blocks);
  const edited = report(blocks.filter((_, i) => i !== 2));
  const [anc] = reanchor(edited, [whole(r, 2)]);
  assert.equal(anc.status, 'needs-review');
  assert.equal(anc.paragraph, 1, 'suggested where it may be, for the analyst to decide');
  assert.equal(anc.reason, 'its paragraph may be gone: this similar paragraph (89%) was next to it');
  // The other way round: the 2017 paragraph deleted, the one after it is the 2018 one.
  const [back] = reanchor(report(blocks.filter((_, i) => i !== 1)), [whole(r, 1)]);
  assert.equal(back.status, 'needs-review');
  assert.match(back.reason!, /was next to it/);
  // Not neighbours, figures different: needs review for the figures.
  const apart = [blocks[0], blocks[1], blocks[3], blocks[4], blocks[2]];
  const ra = report(apart);
  const [far] = reanchor(report(apart.filter((_, i) => i !== 4)), [whole(ra, 4)]);
  assert.equal(far.status, 'needs-review');
  assert.equal(far.paragraph, 1);
  assert.equal(far.reason, 'the figures differ (was 2018, 24, 61; now 2017, 22, 56)');
});

test('3. needs-review: a paragraph rewritten more deeply is suggested, not placed', () => {
  const r = report(BLOCKS);
  const a = whole(r, 7);
  const edited = report(BLOCKS.map((b, i) => (i === 7 ? '健全人民调解、行政调解、司法调解联动体系，全年调解成功率达到97%以上。' : b)));
  const [anc] = reanchor(edited, [a]);
  assert.equal(anc.status, 'needs-review');
  assert.equal(anc.paragraph, 7);
  assert.match(anc.reason!, /similar/);
});

test('3. fuzzy spans: an edited quote is found approximately inside its paragraph; one whose figures changed is for review', () => {
  const r = report(BLOCKS);
  const a = span(r, 2, '梳理公布权责清单3000余项');
  const words = report(BLOCKS.map((b, i) => (i === 2 ? b.replace('梳理公布', '梳理发布') : b)));
  const [w] = reanchor(words, [a]);
  assert.equal(w.status, 'fuzzy');
  assert.equal(words.text.slice(w.start, w.end), '梳理发布权责清单3000余项');
  const figures = report(BLOCKS.map((b, i) => (i === 2 ? b.replace('3000余项', '3200余项') : b)));
  const [f] = reanchor(figures, [a]);
  assert.equal(f.status, 'needs-review');
  assert.equal(f.reason, 'the figures differ (was 3000; now 3200)');
  assert.equal(figures.text.slice(f.start, f.end), '梳理公布权责清单3200余项');
});

test('2. a quote that occurs twice, with context agreeing about as well at both, is for review, never placed on one', () => {
  const r = report(['一、工作情况', '全区坚持推进依法行政工作，二是加强行政执法监督。', '二、下一步']);
  const a = span(r, 1, '推进依法行政工作');
  const edited = report(['一、工作情况', '全区坚持推进依法行政工作，三是化解矛盾纠纷。', '全市坚持推进依法行政工作，二是加强行政执法监督。', '二、下一步']);
  const [anc] = reanchor(edited, [a]);
  assert.equal(anc.status, 'needs-review');
  assert.equal(edited.text.slice(anc.start, anc.end), '推进依法行政工作');
  assert.match(anc.reason!, /another place is about as similar|occurs 2 times/);
});

test('4. orphan: a deleted paragraph is kept as an orphan, not moved onto a lookalike', () => {
  const r = report(BLOCKS);
  const a = whole(r, 1);
  const b = span(r, 1, '按时办结率100%', 'a2');
  // The paragraph is deleted; a lookalike from another year is elsewhere in the report.
  const edited = report([...BLOCKS.slice(0, 1), ...BLOCKS.slice(2), '全年共办理行政复议案件806宗，同比下降5%，按时办结率100%。']);
  const anchors = reanchor(edited, [a, b]);
  assert.equal(anchors.length, 2, 'nothing is dropped');
  for (const anc of anchors) {
    assert.equal(anc.status, 'orphan', `${anc.id}: ${anc.status} ${anc.reason ?? ''}`);
    assert.equal(anc.paragraph, null);
    assert.ok(anc.reason);
  }
});

test('4. orphan: a claimed paragraph is never offered to another annotation', () => {
  // Two similar paragraphs, both tagged; one is deleted. Its annotation must not land on the other.
  const blocks = ['一、工作情况', '全区办理行政复议案件918宗，按时办结率100%。', '全区办理行政诉讼案件918宗，按时办结率100%。', '二、下一步'];
  const r = report(blocks);
  const a = whole(r, 1, 'x');
  const b = whole(r, 2, 'y');
  const edited = report([blocks[0], blocks[2], blocks[3]]);
  const [x, y] = reanchor(edited, [a, b]);
  assert.equal(y.status, 'exact-id');
  assert.equal(x.status, 'orphan');
});

test('a report that is gone makes every annotation an orphan, with the reason', () => {
  const r = report(BLOCKS);
  const anchors = reanchor(null, [whole(r, 1), whole(r, 2, 'a2')]);
  assert.deepEqual(
    anchors.map((a) => a.status),
    ['orphan', 'orphan'],
  );
  assert.match(anchors[0].reason!, /not in the source/);
});

test('the real corpus: every paragraph of the Nanhai reports re-anchors exactly on an unchanged report', () => {
  const imp = load(FLAT);
  const r = byYear(imp, 2018);
  const anns = r.paragraphs.map((_, i) => whole(r, i, `a${i}`));
  const anchors = reanchor(r, anns);
  anchors.forEach((anc, i) => {
    assert.equal(anc.status, 'exact-id');
    assert.equal(anc.paragraph, i);
  });
});
