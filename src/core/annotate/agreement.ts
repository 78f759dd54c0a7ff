/**
 * Agreement between coders (docs/annotations.md#agreement).
 *
 * The unit is the paragraph. For each tag, each paragraph of the chosen reports has, per coder,
 * the value *tagged* (a whole-paragraph tag or a span inside it, placed with confidence) or *not
 * tagged*; a coder who holds no annotation on a report has no value (missing) on its paragraphs.
 * Per tag, and over all tags (each paragraph × tag a unit): percent agreement, Cohen's κ (exactly
 * two coders) and Krippendorff's α (nominal; two or more coders; missing values allowed).
 *
 * - percent: of the units with at least two values, the share (0–100) where all values are equal;
 * - Cohen's κ (Cohen 1960): (p_o − p_e) / (1 − p_e) over the units both coders coded, p_e from
 *   each coder's own marginals;
 * - Krippendorff's α (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
 *   1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k, from the coincidence matrix
 *   o_ck = Σ_u (number of c–k pairs in u) / (m_u − 1) over the units with m_u ≥ 2 values.
 * A statistic that is undefined (no unit, or no variation: every value the same) is null.
 */
import type { Report } from '../model/index.ts';
import type { Annotation } from './annotation.ts';
import { sameCoder } from './project.ts';
import { reanchor, repeatedBases } from './reanchor.ts';

/** One unit's values, one per coder (null: missing). */
type Value = string | number | boolean;
export type Reliability = readonly (readonly (Value | null)[])[];

/** The agreement of one tag, or overall; `--json` prints it as it is. */
export interface Agr {
  /** The units with at least two values. */
  units: number;
  /** 0–100; null when there is no such unit. */
  percent: number | null;
  /** Null unless there are exactly two coders, and where it is undefined. */
  kappa: number | null;
  alpha: number | null;
}

export interface AgreementResult {
  coders: string[];
  /** Paragraphs that at least two coders coded. */
  units: number;
  overall: Agr;
  tags: Record<string, Agr>;
}

const present = (u: readonly (Value | null)[]) => u.filter((v): v is Value => v !== null);

/** Percent agreement: the share (0–100) of the units with two or more values where all are equal. */
function percentAgreement(data: Reliability): { units: number; percent: number | null } {
  let units = 0;
  let agree = 0;
  for (const u of data) {
    const vs = present(u);
    if (vs.length < 2) continue;
    units++;
    if (vs.every((v) => v === vs[0])) agree++;
  }
  return { units, percent: units ? (100 * agree) / units : null };
}

/**
 * Cohen's κ of two coders (the first two values of each unit), over the units both coded. Null
 * with no such unit, or when chance agreement is 1 (both coders gave one and the same value throughout).
 */
export function cohenKappa(data: Reliability): number | null {
  const a = new Map<Value, number>();
  const b = new Map<Value, number>();
  let n = 0;
  let agree = 0;
  for (const u of data) {
    const x = u[0];
    const y = u[1];
    if (x === null || y === null || x === undefined || y === undefined) continue;
    n++;
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  if (!n) return null;
  let pe = 0;
  for (const [v, k] of a) pe += (k / n) * ((b.get(v) ?? 0) / n);
  if (pe >= 1) return null;
  return (agree / n - pe) / (1 - pe);
}

/**
 * Krippendorff's α for nominal data, any number of coders, missing values allowed (null). Units
 * with fewer than two values are not pairable and are left out. Null when fewer than two values
 * are pairable or all pairable values are the same (no variation: α is 0/0).
 */
export function krippendorffAlpha(data: Reliability): number | null {
  // The coincidence matrix, kept as its marginals n_c and its off-diagonal total.
  const nc = new Map<Value, number>();
  let disagree = 0; // Σ_{c≠k} o_ck
  for (const u of data) {
    const vs = present(u);
    const m = vs.length;
    if (m < 2) continue;
    const counts = new Map<Value, number>();
    for (const v of vs) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [v, k] of counts) {
      nc.set(v, (nc.get(v) ?? 0) + k);
      // Pairs of v with a different value in u: k · (m − k), each weighted 1/(m − 1).
      disagree += (k * (m - k)) / (m - 1);
    }
  }
  let n = 0;
  let sumSq = 0;
  for (const k of nc.values()) {
    n += k;
    sumSq += k * k;
  }
  const expected = n * n - sumSq; // Σ_{c≠k} n_c · n_k
  if (n < 2 || expected <= 0) return null;
  return 1 - ((n - 1) * disagree) / expected;
}

/** Percent, κ (two coders only) and α of reliability data with `coders` columns. */
function agreementOf(data: Reliability, coders: number): Agr {
  const { units, percent } = percentAgreement(data);
  return { units, percent, kappa: coders === 2 ? cohenKappa(data) : null, alpha: krippendorffAlpha(data) };
}

/** One paragraph: the tags each coder put on it (null: the coder did not code its report). */
export interface CodedUnit {
  /** The source the report came from (as the caller names it). */
  source: string;
  report: string;
  /** The paragraph's index in the report, and its id. */
  paragraph: number;
  paragraphId: string;
  /** One entry per coder, in the order of the coders. */
  codes: (ReadonlySet<string> | null)[];
  /** Each coder's annotations placed on the paragraph (for the review of a disagreement). */
  annotations: (readonly Annotation[])[];
}

const NONE: readonly Annotation[] = Object.freeze([]);

/**
 * The units of one report: each paragraph, with each coder's tags on it. An annotation counts on
 * the paragraph re-anchoring places it on with confidence (exact id, quote, fuzzy); one that
 * needs review or is an orphan counts nowhere (it goes to review, not into the statistics). A
 * coder with no annotation on the report has no value for its paragraphs (missing data).
 * `coders` are matched to each annotation's `author` as coders are (project.ts, `sameCoder`).
 */
export function codedUnits(source: string, report: Report, coders: readonly string[], annotations: readonly Annotation[]): CodedUnit[] {
  const mine = annotations.filter((a) => a.report === report.id);
  // Every coder's annotations say which paragraphs had copies: each coder's are re-anchored alike.
  const repeated = repeatedBases(mine);
  const perCoder = coders.map((c) => {
    const anns = mine.filter((a) => sameCoder(a.author, c));
    if (!anns.length) return null;
    const at = new Map<number, { tags: Set<string>; annotations: Annotation[] }>();
    const anchors = reanchor(report, anns, { repeated });
    anchors.forEach((an, i) => {
      if (an.paragraph === null || an.status === 'needs-review' || an.status === 'orphan') return;
      let here = at.get(an.paragraph);
      if (!here) at.set(an.paragraph, (here = { tags: new Set(), annotations: [] }));
      for (const t of anns[i].tags) here.tags.add(t);
      here.annotations.push(anns[i]);
    });
    return at;
  });
  return report.paragraphs.map((p) => ({
    source,
    report: report.id,
    paragraph: p.index,
    paragraphId: p.id,
    codes: perCoder.map((m) => (m === null ? null : (m.get(p.index)?.tags ?? new Set<string>()))),
    annotations: perCoder.map((m) => m?.get(p.index)?.annotations ?? NONE),
  }));
}

/** The tags any coder used in these units, sorted. */
function usedTags(units: readonly CodedUnit[]): string[] {
  const s = new Set<string>();
  for (const u of units) for (const c of u.codes) if (c) for (const t of c) s.add(t);
  return [...s].sort();
}

/** Each unit's value for one tag: tagged or not, per coder (null: missing). */
function tagData(units: readonly CodedUnit[], tag: string): (boolean | null)[][] {
  return units.map((u) => u.codes.map((c) => (c === null ? null : c.has(tag))));
}

/**
 * Agreement per tag (the tags any coder used, unless `tags` names them) and overall (each
 * paragraph × tag a unit, pooled).
 */
export function computeAgreement(coders: readonly string[], units: readonly CodedUnit[], tags: readonly string[] = usedTags(units)): AgreementResult {
  const byTag: Record<string, Agr> = {};
  const pooled: (boolean | null)[][] = [];
  for (const t of tags) {
    const d = tagData(units, t);
    byTag[t] = agreementOf(d, coders.length);
    pooled.push(...d);
  }
  const paragraphs = units.filter((u) => u.codes.filter((c) => c !== null).length >= 2).length;
  return { coders: [...coders], units: paragraphs, overall: agreementOf(pooled, coders.length), tags: byTag };
}

/** The tags of a result, lowest agreement first (α, else κ, else percent; undefined values last), then by id. */
export function tagsByAgreement(result: AgreementResult): string[] {
  const score = (a: Agr) => a.alpha ?? a.kappa ?? (a.percent === null ? null : a.percent / 100);
  return Object.keys(result.tags).sort((x, y) => {
    const a = score(result.tags[x]);
    const b = score(result.tags[y]);
    if (a === null || b === null) return a === b ? (x < y ? -1 : 1) : a === null ? 1 : -1;
    return a - b || (x < y ? -1 : 1);
  });
}

/**
 * The units where the coders (those with a value) disagree: on `tag`, or on any tag when none is
 * given. Units with fewer than two coders' values are never disagreements.
 */
export function disagreements(units: readonly CodedUnit[], tag?: string): CodedUnit[] {
  return units.filter((u) => {
    const cs = u.codes.filter((c): c is ReadonlySet<string> => c !== null);
    if (cs.length < 2) return false;
    if (tag !== undefined) return cs.some((c) => c.has(tag) !== cs[0].has(tag));
    const key = (c: ReadonlySet<string>) => [...c].sort().join('\u0000');
    return cs.some((c) => key(c) !== key(cs[0]));
  });
}
