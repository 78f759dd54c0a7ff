/**
 * Alignment of a corpus of reports across the years (issue #5). Reports are grouped into series
 * (series/group.ts, the corpus's one grouping); within a series, each report is aligned with the one before it (the series'
 * previous year on file):
 *
 * - chapters of the same part kind (review with review, plan with plan, chapters outside a part
 *   with each other) by content: TF-IDF cosine over the series, heading and body, solved as a
 *   maximum-weight assignment with a floor, so reordered, renamed, new and dropped chapters are
 *   found and a chapter is never forced onto a poor match;
 * - sections within linked chapters, and paragraphs within linked sections (and the paragraphs of
 *   linked chapters outside any section), the same way;
 * - plan → result: each chapter of the year N plan (inside the year N−1 report) to the chapters of
 *   the year N review that carry it out (plan.ts).
 *
 * Every link carries its cosine, 0 to 1. Nothing here throws on odd input: a report without a year
 * or a second copy of a year is left out and listed in `problems`.
 */
import type { OutlineNode, PartKind, Report } from '../model/index.ts';
import { assign } from './assign.ts';
import { cosines, type SparseVector } from './vector.ts';
import { type Grouping, groupSeries, type Series } from '../series/index.ts';
import { chapterUnits, type ChapterUnit, type SectionUnit } from './units.ts';
import { linkPlans } from './plan.ts';
import { SeriesVectors } from './seriesVectors.ts';
import {
  type Alignment,
  type AlignOptions,
  type Candidate,
  type ChapterRef,
  DEFAULT_ALIGN_OPTIONS,
  type Direction,
  type Link,
  type NodeNeighbours,
  type SectionRef,
} from './types.ts';

/** scores[i][j]: the cosine of as[i] and bs[j]. */
function matrix(as: SparseVector[], bs: SparseVector[]): number[][] {
  return as.map((a) => cosines(a, bs));
}

const PARTS: PartKind[] = ['review', 'plan', 'other'];

/**
 * Aligns every series in a corpus. Never throws. `grouping` is the corpus's one grouping into
 * series (series/group.ts), when the caller has it; else the reports are grouped here the same way.
 */
export function alignCorpus(reports: Report[], options: AlignOptions = {}, grouping: Grouping = groupSeries(reports)): Alignment {
  const opts = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const { series, problems } = grouping;
  const out: Alignment = { series, links: [], sectionLinks: [], paragraphLinks: [], planResult: [], problems, options: opts, lookup: new Map() };
  for (const s of series) alignSeries(s, opts, out);
  return out;
}

function neighbours(out: Alignment, report: Report, node: OutlineNode): NodeNeighbours {
  let n = out.lookup.get(node);
  if (!n) out.lookup.set(node, (n = { report }));
  return n;
}

/** Records the links and the scored candidates of both sides of one assignment. */
/** Records each unit's neighbour in the other report: its link and its candidates (none when the other side is empty). */
function record<T extends ChapterRef>(out: Alignment, ra: Report, rb: Report, as: T[], bs: T[], scores: number[][], links: Link<T>[]) {
  const linkOfA = new Map<number, Link<T>>();
  const linkOfB = new Map<number, Link<T>>();
  links.forEach((l) => {
    linkOfA.set(as.indexOf(l.a), l);
    linkOfB.set(bs.indexOf(l.b), l);
  });
  const byScore = (x: Candidate<T>, y: Candidate<T>) => y.score - x.score;
  as.forEach((a, i) => {
    const candidates = bs.map((b, j) => ({ ref: b, score: scores[i][j] })).sort(byScore);
    neighbours(out, a.report, a.node).previous = { report: rb, link: linkOfA.get(i) ?? null, candidates };
  });
  bs.forEach((b, j) => {
    const candidates = as.map((a, i) => ({ ref: a, score: scores[i][j] })).sort(byScore);
    neighbours(out, b.report, b.node).next = { report: ra, link: linkOfB.get(j) ?? null, candidates };
  });
}

function alignSeries(series: Series, opts: Required<AlignOptions>, out: Alignment): void {
  const units = new Map(series.reports.map((r) => [r, chapterUnits(r)] as const));
  const vec = new SeriesVectors(units, opts);
  for (let k = 1; k < series.reports.length; k++) {
    const later = series.reports[k];
    const earlier = series.reports[k - 1];
    for (const part of PARTS) {
      const as = units.get(later)!.filter((u) => u.part === part);
      const bs = units.get(earlier)!.filter((u) => u.part === part);
      if (!as.length && !bs.length) continue;
      const scores = matrix(
        as.map((a) => vec.chapter(a)),
        bs.map((b) => vec.chapter(b)),
      );
      const matches = assign(scores, opts.chapterThreshold);
      // chapterRef() gives one object per chapter: record() finds the linked ones by identity.
      const links = matches.map((m) => ({ a: chapterRef(as[m.a]), b: chapterRef(bs[m.b]), score: m.score }));
      if (as.length && bs.length) record(out, later, earlier, as.map(chapterRef), bs.map(chapterRef), scores, links);
      out.links.push(...links);
      for (const m of matches) alignInside(as[m.a], bs[m.b], vec, opts, out);
    }
  }
  out.planResult.push(...linkPlans(series, units, vec, opts));
}

const REFS = new WeakMap<object, ChapterRef>();
function chapterRef(u: ChapterUnit): ChapterRef {
  let r = REFS.get(u);
  if (!r) REFS.set(u, (r = { report: u.report, node: u.node, part: u.part }));
  return r;
}
const SREFS = new WeakMap<object, SectionRef>();
function sectionRef(u: ChapterUnit, s: SectionUnit): SectionRef {
  let r = SREFS.get(s);
  if (!r) SREFS.set(s, (r = { report: u.report, node: s.node, part: u.part, chapter: u.node }));
  return r;
}

/** Sections, then paragraphs, within two linked chapters. */
function alignInside(a: ChapterUnit, b: ChapterUnit, vec: SeriesVectors, opts: Required<AlignOptions>, out: Alignment): void {
  const scores = matrix(
    a.sections.map((x) => vec.section(x)),
    b.sections.map((y) => vec.section(y)),
  );
  const matches = assign(scores, opts.sectionThreshold);
  const aRefs = a.sections.map((s) => sectionRef(a, s));
  const bRefs = b.sections.map((s) => sectionRef(b, s));
  const links = matches.map((m) => ({ a: aRefs[m.a], b: bRefs[m.b], score: m.score }));
  // Also when one side has no sections: the other side's sections then have no counterpart there.
  record(out, a.report, b.report, aRefs, bRefs, scores, links);
  out.sectionLinks.push(...links);
  alignParagraphs(a.report, a.loose, b.report, b.loose, vec, opts, out);
  for (const m of matches) alignParagraphs(a.report, a.sections[m.a].paragraphs, b.report, b.sections[m.b].paragraphs, vec, opts, out);
}

function alignParagraphs(ra: Report, pa: number[], rb: Report, pb: number[], vec: SeriesVectors, opts: Required<AlignOptions>, out: Alignment): void {
  if (!pa.length || !pb.length) return;
  const va = pa.map((x) => vec.paragraph(ra, x));
  const vb = pb.map((y) => vec.paragraph(rb, y));
  const scores = matrix(va, vb);
  for (const m of assign(scores, opts.paragraphThreshold)) {
    out.paragraphLinks.push({ a: { report: ra, paragraph: ra.paragraphs[pa[m.a]] }, b: { report: rb, paragraph: rb.paragraphs[pb[m.b]] }, score: m.score });
  }
}

export interface CounterpartResult {
  /** The neighbouring report of the series in that direction, or null when there is none. */
  report: Report | null;
  /** The linked chapter or section, or null: no counterpart. */
  target: ChapterRef | SectionRef | null;
  score: number | null;
  /** The closest units in that report, best first (at most `limit`), also when there is a link. */
  candidates: Candidate<ChapterRef | SectionRef>[];
  /** Why there is no target, for people. */
  reason: string | null;
}

/**
 * The same chapter (or section) in the previous or next year of the report's series: the link,
 * or no counterpart with the closest candidates and their scores. Never throws.
 */
export function counterpart(alignment: Alignment, report: Report, node: OutlineNode, direction: Direction, limit = 3): CounterpartResult {
  const info = alignment.lookup.get(node);
  const series = alignment.series.find((s) => s.reports.includes(report));
  const at = series ? series.reports.indexOf(report) : -1;
  const other = series ? (series.reports[direction === 'previous' ? at - 1 : at + 1] ?? null) : null;
  const none = (reason: string): CounterpartResult => ({ report: other, target: null, score: null, candidates: [], reason });
  if (!series) return none('The report is in no aligned series (it has no year, or another report of that year was aligned).');
  if (!other) return none(`The series has no ${direction === 'previous' ? 'earlier' : 'later'} report.`);
  const n = info?.[direction];
  if (!n) {
    const what = node.kind === 'section' ? 'Its chapter has no counterpart' : `No chapter of the same part kind`;
    return none(`${what} in ${other.year}.`);
  }
  const link = n.link;
  const target = link ? (direction === 'previous' ? link.b : link.a) : null;
  const threshold = node.kind === 'section' ? alignment.options.sectionThreshold : alignment.options.chapterThreshold;
  const best = n.candidates[0];
  const reason = target
    ? null
    : !best
      ? `No ${node.kind} to compare with in ${other.year}.`
      : best.score < threshold
        ? `No counterpart in ${other.year}: the closest scores ${best.score.toFixed(2)}, under the threshold of ${threshold.toFixed(2)}.`
        : `No counterpart in ${other.year}: the closest (${best.score.toFixed(2)}) is a better match for another ${node.kind}.`;
  return {
    report: other,
    target,
    score: link ? link.score : null,
    candidates: n.candidates.slice(0, limit),
    reason,
  };
}
