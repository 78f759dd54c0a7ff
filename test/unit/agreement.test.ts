/**
 * Agreement between coders: the statistics against published worked examples, then paragraph
 * units built from coders' annotations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type Annotation,
  codedUnits,
  cohenKappa,
  computeAgreement,
  disagreements,
  krippendorffAlpha,
  makeTarget,
  tagsByAgreement,
} from '../../src/core/index.ts';
import { fromText } from './helpers.ts';

const close = (actual: number | null, expected: number, digits = 3) => {
  assert.notEqual(actual, null);
  assert.equal(Number((actual as number).toFixed(digits)), expected);
};

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
// Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43), section C:
// "Nominal data, any number of observers, missing data": 4 observers, 12 units; α = 0.743.
const KRIPPENDORFF_C: (number | null)[][] = [
  // units 1–12; rows are observers A, B, C, D in the paper (here transposed: one row per unit)
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, 3, null, null],
];

test("Krippendorff's α, nominal, 4 observers with missing data: Krippendorff (2011) section C gives 0.743", () => {
  close(krippendorffAlpha(KRIPPENDORFF_C), 0.743);
});

// Krippendorff (2011), section A: "Binary or dichotomous data, two observers, no missing data":
// A = 0 1 0 0 0 0 0 0 1 0, B = 1 1 1 0 0 1 0 0 0 0; α = 0.095.
test("Krippendorff's α, binary, 2 observers: Krippendorff (2011) section A gives 0.095", () => {
  const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
  const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
  close(krippendorffAlpha(a.map((x, i) => [x, b[i]])), 0.095);
});

/** A 2×2 table (yes/yes, A yes B no, A no B yes, no/no) as units. */
function table(yy: number, yn: number, ny: number, nn: number): string[][] {
  const rows: string[][] = [];
  const add = (n: number, a: string, b: string) => {
    for (let i = 0; i < n; i++) rows.push([a, b]);
  };
  add(yy, 'y', 'y');
  add(yn, 'y', 'n');
  add(ny, 'n', 'y');
  add(nn, 'n', 'n');
  return rows;
}

// The worked examples of "Cohen's kappa", Wikipedia (en), sections "Simple example" and "Same
// percentages but different numbers" (after Cohen, J. 1960, Educational and Psychological
// Measurement 20(1) 37–46): 50 grant proposals 20/5/10/15 give p_o = 0.7, p_e = 0.5, κ = 0.4;
// two tables of 100 with 60% agreement give κ = 0.1304 (45/15/25/15) and κ = 0.2593 (25/35/5/35).
test("Cohen's κ on textbook 2×2 tables", () => {
  close(cohenKappa(table(20, 5, 10, 15)), 0.4, 4);
  close(cohenKappa(table(45, 15, 25, 15)), 0.1304, 4);
  close(cohenKappa(table(25, 35, 5, 35)), 0.2593, 4);
});

test('undefined statistics are null: no units, no variation', () => {
  assert.equal(cohenKappa([]), null);
  assert.equal(krippendorffAlpha([]), null);
  assert.equal(cohenKappa(table(10, 0, 0, 0)), null, 'both coders said yes throughout: p_e = 1');
  assert.equal(krippendorffAlpha(table(0, 0, 0, 7)), null);
  assert.equal(
    krippendorffAlpha([
      [1, null],
      [null, 2],
    ]),
    null,
    'no pairable unit',
  );
  // Perfect agreement with variation is 1.
  assert.equal(krippendorffAlpha(table(3, 0, 0, 4)), 1);
  assert.equal(cohenKappa(table(3, 0, 0, 4)), 1);
});

const TEXT = ['一、第一段落关于依法行政。', '二、第二段落关于行政复议。', '三、第三段落关于数据指标一百项。', '四、第四段落关于计划承诺。'].join('\n');

function ann(report: ReturnType<typeof fromText>['reports'][number], paragraph: number, tags: string[], author: string, id: string): Annotation {
  const t = makeTarget(report, paragraph);
  assert.ok(t.ok);
  return { id, report: report.id, target: t.value.target, tags, note: '', author, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' };
}

test('paragraph units from two coders: per tag and overall, the JSON shape, disagreements', () => {
  const r = fromText(TEXT).reports[0];
  assert.equal(r.paragraphs.length, 4);
  const anns = [
    ann(r, 0, ['rules'], 'Li', 'a1'),
    ann(r, 1, ['disputes'], 'Li', 'a2'),
    ann(r, 2, ['figures'], 'Li', 'a3'),
    ann(r, 0, ['rules'], 'wang', 'b1'),
    ann(r, 1, ['disputes', 'figures'], 'Wang', 'b2'),
  ];
  const units = codedUnits('x.txt', r, ['li', 'Wang'], anns);
  assert.equal(units.length, 4);
  assert.deepEqual(
    units[1].codes.map((c) => [...(c ?? [])].sort()),
    [['disputes'], ['disputes', 'figures']],
  );
  const res = computeAgreement(['li', 'Wang'], units);
  assert.deepEqual(Object.keys(res.tags), ['disputes', 'figures', 'rules']);
  assert.deepEqual(res.tags.rules, { units: 4, percent: 100, kappa: 1, alpha: 1 });
  // figures: li tags p2, Wang tags p1: agree on p0 and p3 only.
  assert.equal(res.tags.figures.percent, 50);
  assert.equal(res.tags.figures.units, 4);
  close(res.tags.figures.kappa, -0.333); // p_o = 0.5, p_e = 0.25² + 0.75² = 0.625
  // Overall: 12 units (4 paragraphs × 3 tags), 10 agree.
  assert.equal(res.overall.units, 12);
  close(res.overall.percent, 83.333);
  assert.equal(res.units, 4);
  assert.deepEqual(tagsByAgreement(res), ['figures', 'disputes', 'rules']);
  assert.deepEqual(
    disagreements(units).map((u) => u.paragraph),
    [1, 2],
  );
  assert.deepEqual(
    disagreements(units, 'rules').map((u) => u.paragraph),
    [],
  );
});

test('a coder with no annotation on a report is missing there; κ is null for three coders', () => {
  const r = fromText(TEXT).reports[0];
  const anns = [ann(r, 0, ['rules'], 'a', 'x1'), ann(r, 0, ['rules'], 'b', 'x2')];
  const units = codedUnits('x.txt', r, ['a', 'b', 'c'], anns);
  assert.ok(units.every((u) => u.codes[2] === null));
  const res = computeAgreement(['a', 'b', 'c'], units);
  assert.equal(res.tags.rules.kappa, null);
  assert.equal(res.tags.rules.alpha, 1);
  assert.equal(res.tags.rules.units, 4);
  assert.deepEqual(res.coders, ['a', 'b', 'c']);
});
