import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { bigrams, dice, ParagraphIndex } from '../../src/core/annotate/index.ts';
import { type Annotation, buildReport, makeTarget, type Report, reanchor } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const T = '2026-01-01T00:00:00.000Z';
const report = (blocks: string[]) => buildReport({ title: '某市2013年政府工作报告', link: null, date: null, blocks, diagnostics: [] }, null);

/** The overlap of two sorted arrays as multisets, the slow way. */
function slowOverlap(a: Uint32Array, b: Uint32Array): number {
  const left = new Map<number, number>();
  for (const x of a) left.set(x, (left.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of b) {
    const k = left.get(x) ?? 0;
    if (k > 0) {
      n++;
      left.set(x, k - 1);
    }
  }
  return n;
}

// Few distinct characters, so that paragraphs share many bigrams and repeat some of them.
const para = fc.string({ unit: fc.constantFrom('法', '治', '政', '府', '建', '设', '改', '革', '，', '。', '1', '2'), minLength: 1, maxLength: 30 });

test('index: similar() finds exactly the paragraphs a scan of every paragraph finds, with their Dice', () => {
  fc.assert(
    fc.property(fc.array(para, { minLength: 1, maxLength: 25 }), para, fc.constantFrom(0.6, 0.8, 0.3), (blocks, query, min) => {
      const r = report(blocks);
      const index = new ParagraphIndex(r);
      const g = bigrams(query);
      const expected = r.paragraphs.flatMap((p, i) => {
        const d = dice(g, bigrams(p.text));
        return d >= min ? [{ paragraph: i, similarity: d }] : [];
      });
      assert.deepEqual(index.similar(g, min), expected);
    }),
    { numRuns: 300 },
  );
});

test('index: containing() and occurrences() agree with a scan of every paragraph', () => {
  fc.assert(
    fc.property(fc.array(para, { minLength: 1, maxLength: 25 }), para, (blocks, query) => {
      const r = report(blocks);
      const index = new ParagraphIndex(r);
      const g = bigrams(query);
      const expected = r.paragraphs.flatMap((p, i) => {
        const share = slowOverlap(g, bigrams(p.text)) / g.length;
        return share >= 0.6 ? [{ paragraph: i, share }] : [];
      });
      assert.deepEqual(index.containing(g, 0.6), expected);
      const hits: number[] = [];
      for (const p of r.paragraphs) for (let h = p.text.indexOf(query); h >= 0; h = p.text.indexOf(query, h + 1)) hits.push(p.start + h);
      assert.deepEqual(index.occurrences(query, 1000), query.length < 2 ? null : hits);
    }),
    { numRuns: 300 },
  );
});

test('index: the candidates of an edited paragraph are it and its near-copies, not the rest of a real report', () => {
  const text = readFileSync(path.join(FIXTURES, 'national/gwr-national-2013.txt'), 'utf8');
  const blocks = text.split('\n').filter((l) => l.trim().length > 40);
  const r = report(blocks);
  const index = new ParagraphIndex(r);
  let checked = 0;
  for (let i = 0; i < r.paragraphs.length; i += 7) {
    const p = r.paragraphs[i].text;
    const edited = `${p.slice(0, 10)}改${p.slice(11)}`;
    const found = index.similar(bigrams(edited), 0.6).map((c) => c.paragraph);
    assert.ok(found.includes(i), `paragraph ${i} is a candidate for its edited version`);
    for (const j of found) assert.ok(dice(bigrams(edited), bigrams(r.paragraphs[j].text)) >= 0.6);
    checked++;
  }
  assert.ok(checked >= 10, `a real report has enough long paragraphs (${checked})`);
});

function annotate(r: Report): { annotations: Annotation[]; from: number[] } {
  const annotations: Annotation[] = [];
  const from: number[] = [];
  r.paragraphs.forEach((p, i) => {
    const sels = [undefined, { start: p.start + 12, end: p.start + 24 }];
    for (const sel of sels) {
      const t = makeTarget(r, i, sel);
      assert.ok(t.ok);
      annotations.push({ id: `a${annotations.length}`, report: r.id, target: t.value.target, tags: ['x'], note: '', author: '', created: T, modified: T });
      from.push(i);
    }
  });
  return { annotations, from };
}

test('re-anchoring with the index: every paragraph of a real report edited, each tag lands on its own paragraph', () => {
  const text = readFileSync(path.join(FIXTURES, 'national/gwr-national-2013.txt'), 'utf8');
  const blocks = text.split('\n').filter((l) => l.trim().length > 40);
  const r = report(blocks);
  const { annotations, from } = annotate(r);
  // One character far from the spans (which cover characters 12–24) changes in every paragraph.
  const edited = { ...report(blocks.map((b) => `${b.slice(0, 30)}改${b.slice(31)}`)), id: r.id };
  const anchors = reanchor(edited, annotations);
  const wrong = anchors.filter((a, k) => a.status === 'orphan' || a.paragraph !== from[k]);
  assert.deepEqual(wrong, []);
  const statuses = new Set(anchors.map((a) => a.status));
  assert.ok(!statuses.has('exact-id'), 'every paragraph id changed');
  assert.ok(statuses.has('fuzzy'), 'whole paragraphs are placed approximately');
  assert.ok(anchors.every((a, k) => a.status !== 'fuzzy' || annotations[k].target.quote.exact.length > 24 || a.paragraph === from[k]));
});

test('re-anchoring with the index: a paragraph deleted next to its near-duplicate goes to review, not onto the neighbour', () => {
  const a = '全年共办理行政复议案件918宗，同比增长12%，按时办结率100%，纠错率8%。';
  const twin = '全年共办理行政复议案件806宗，同比增长10%，按时办结率100%，纠错率7%。';
  const blocks = [
    '一、加强组织领导',
    '深入推进“放管服”改革，梳理公布权责清单3000余项。',
    a,
    twin,
    '二、规范行政执法',
    '全面推行行政执法公示制度、执法全过程记录制度。',
  ];
  const r = report(blocks);
  const t = makeTarget(r, 2);
  assert.ok(t.ok);
  const ann: Annotation = { id: 'a1', report: r.id, target: t.value.target, tags: ['x'], note: '', author: '', created: T, modified: T };
  const after = { ...report(blocks.filter((_, i) => i !== 2)), id: r.id };
  const [anchor] = reanchor(after, [ann]);
  // The twin is found as the candidate, and only suggested: its figures differ.
  assert.equal(anchor.status, 'needs-review');
  assert.equal(anchor.paragraph, 2, 'the suggestion is the twin, for review');
});
