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
import { simplified } from '../structure/index.ts';
import { assign } from './assign.ts';
import { cosines, type SparseVector } from './vector.ts';
import { chapterKind, type Grouping, groupSeries, type Series } from '../series/index.ts';
import { chapterUnits, type ChapterUnit, type SectionUnit } from './units.ts';
import { linkPlans } from './plan.ts';
import { SeriesVectors } from './seriesVectors.ts';
import {
  type Alignment,
  type AlignOptions,
  type Candidate,
  type ChapterRef,
  DEFAULT_ALIGN_OPTIONS,
  type Link,
  type ManualCounterpart,
  type NodeNeighbours,
  type ParagraphRef,
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
  const out: Alignment = {
    series,
    links: [],
    sectionLinks: [],
    paragraphLinks: [],
    planResult: [],
    gapLinks: [],
    gapSectionLinks: [],
    gapParagraphLinks: [],
    problems,
    options: opts,
    lookup: new Map(),
  };
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

/** A heading as manual counterparts name it: label and title, without spaces, NFKC. */
function headingKey(n: OutlineNode): string {
  return squash(`${n.label ?? ''}${n.title}`);
}
/** Without spaces, NFKC, and simplified: a report in traditional characters has the headings of its simplified copy. */
const squash = (s: string) => simplified(s.normalize('NFKC').replace(/\s+/g, ''));

/** A score that no cosine reaches: a pair chosen by hand. */
const FORCED = 2;

/**
 * What a pair with the same heading is worth to the assignment at least, over the threshold: a template's headings
 * (一、法治政府建设的主要举措和成效, 一、总体情况, year after year) are in every report of the series, so their words weigh
 * little in the TF-IDF and the bodies alone may fall under the threshold. A stronger pair still wins.
 */
const SAME_HEADING = 0.05;
/** A heading compared for sameness: its title without spaces, NFKC, with its years as one sign (2021年工作回顾 = 2022年工作回顾). */
const sameHeadingKey = (n: OutlineNode) => squash(n.title).replace(/(?:19|20)\d{2}/g, '#');

/** A copy of `scores` in which pairs with the same heading (four characters at least) reach the threshold and SAME_HEADING more. */
function withSameHeadings(scores: number[][], as: OutlineNode[], bs: OutlineNode[], threshold: number): number[][] {
  const keys = bs.map(sameHeadingKey);
  let work: number[][] | null = null;
  as.forEach((a, i) => {
    const key = sameHeadingKey(a);
    if (key.length < 4) return;
    keys.forEach((k, j) => {
      if (k !== key || scores[i][j] >= threshold + SAME_HEADING) return;
      work ??= scores.map((r) => r.slice());
      work[i][j] = threshold + SAME_HEADING;
    });
  });
  return work ?? scores;
}

/**
 * Applies the manual counterparts between `as` (in year `ya`) and `bs` (in year `yb`) to a copy of
 * the score matrix: a chosen pair is forced (its row and column otherwise emptied), a unit with
 * no counterpart is emptied. Entries whose headings are not found are ignored (the reports changed).
 */
function applyManual(
  scores: number[][],
  as: OutlineNode[],
  bs: OutlineNode[],
  ya: number | null,
  yb: number | null,
  manual: readonly ManualCounterpart[],
): number[][] {
  if (!manual.length || ya === null || yb === null) return scores;
  const work = scores.map((r) => r.slice());
  const find = (nodes: OutlineNode[], h: string) => nodes.findIndex((n) => headingKey(n) === squash(h));
  const clearRow = (i: number) => work[i].fill(0);
  const clearCol = (j: number) => {
    for (const r of work) r[j] = 0;
  };
  for (const m of manual) {
    const forward = m.year === ya && m.otherYear === yb;
    if (!forward && !(m.year === yb && m.otherYear === ya)) continue;
    const own = find(forward ? as : bs, m.heading);
    if (own < 0) continue;
    const other = m.counterpart === null ? -1 : find(forward ? bs : as, m.counterpart);
    if (m.counterpart !== null && other < 0) continue;
    const [i, j] = forward ? [own, other] : [other, own];
    if (i >= 0) clearRow(i);
    if (j >= 0) clearCol(j);
    if (i >= 0 && j >= 0) work[i][j] = FORCED;
  }
  return work;
}

/** The links of an assignment on `work` (scores with the manual choices), with the real cosines of `scores`. */
function linksOf<T>(work: number[][], scores: number[][], threshold: number, as: T[], bs: T[]): Link<T>[] {
  return assign(work, threshold).map((m) => {
    const link: Link<T> = { a: as[m.a], b: bs[m.b], score: scores[m.a][m.b] };
    if (work[m.a][m.b] === FORCED) link.manual = true;
    else if (work[m.a][m.b] !== scores[m.a][m.b] && scores[m.a][m.b] < threshold) link.sameHeading = true;
    return link;
  });
}

function alignSeries(series: Series, opts: Required<AlignOptions>, out: Alignment): void {
  const units = new Map(series.reports.map((r) => [r, chapterUnits(r)] as const));
  const vec = new SeriesVectors(units, opts);
  const manual = opts.manual.filter((m) => m.series === series.key);
  const chapterManual = manual.filter((m) => m.kind === 'chapter');
  const sectionManual = manual.filter((m) => m.kind === 'section');
  const direct: Sinks = { sections: out.sectionLinks, paragraphs: out.paragraphLinks, record: true, manual: sectionManual };
  for (let k = 1; k < series.reports.length; k++) {
    const later = series.reports[k];
    const earlier = series.reports[k - 1];
    for (const part of PARTS) {
      const as = units.get(later)!.filter((u) => u.part === part);
      const bs = units.get(earlier)!.filter((u) => u.part === part);
      if (!as.length && !bs.length) continue;
      // chapterRef() gives one object per chapter: record() finds the linked ones by identity. Outside any part, a chapter
      // whose title reviews never takes one whose title plans (series' chapterKind: 2023年工作回顾 is no counterpart of
      // 2025年重点工作), however alike their words.
      const kinds =
        part === 'other'
          ? new Map([...as.map((u) => [u, chapterKind(u.node.title, later)] as const), ...bs.map((u) => [u, chapterKind(u.node.title, earlier)] as const)])
          : null;
      const refuse = kinds
        ? (a: ChapterUnit, b: ChapterUnit) => {
            const ka = kinds.get(a);
            const kb = kinds.get(b);
            return !!ka && !!kb && ka !== kb;
          }
        : undefined;
      const { scores, links } = chapterLinks(as, bs, later, earlier, vec, opts, chapterManual, undefined, refuse);
      if (as.length && bs.length) record(out, later, earlier, as.map(chapterRef), bs.map(chapterRef), scores, links);
      out.links.push(...links);
      for (const l of links) alignInside(unitOfRef(as, l.a), unitOfRef(bs, l.b), vec, opts, out, direct);
      if (opts.sectionsAcrossChapters) alignAcross(as, bs, vec, opts, out, direct);
    }
    alignAcrossParts(later, earlier, units, vec, opts, out, direct, chapterManual);
  }
  for (let k = 2; k < series.reports.length; k++) alignGap(series.reports[k], series.reports[k - 1], series.reports[k - 2], units, vec, opts, out);
  out.planResult.push(...linkPlans(series, units, vec, opts));
}

const unitOfRef = (us: ChapterUnit[], r: ChapterRef) => us.find((u) => u.node === r.node)!;

/**
 * The chapter links from `as` (year `later`) to `bs` (year `earlier`): their cosines (a pair `allowed` refuses, or `refuse`
 * names, scores nothing; same headings are weighed only without `allowed`), the analyst's counterparts forced or cleared,
 * then the one-to-one assignment above the threshold.
 */
function chapterLinks(
  as: ChapterUnit[],
  bs: ChapterUnit[],
  later: Report,
  earlier: Report,
  vec: SeriesVectors,
  opts: Required<AlignOptions>,
  manual: readonly ManualCounterpart[],
  allowed?: (a: ChapterUnit, b: ChapterUnit) => boolean,
  refuse?: (a: ChapterUnit, b: ChapterUnit) => boolean,
): { scores: number[][]; links: Link<ChapterRef>[] } {
  const scores = matrix(
    as.map((a) => vec.chapter(a)),
    bs.map((b) => vec.chapter(b)),
  );
  const masked = allowed || refuse ? scores.map((row, i) => row.map((v, j) => ((allowed?.(as[i], bs[j]) ?? true) && !refuse?.(as[i], bs[j]) ? v : 0))) : scores;
  const work = applyManual(
    allowed
      ? masked
      : withSameHeadings(
          masked,
          as.map((u) => u.node),
          bs.map((u) => u.node),
          opts.chapterThreshold,
        ),
    as.map((u) => u.node),
    bs.map((u) => u.node),
    later.year,
    earlier.year,
    manual,
  );
  return { scores, links: linksOf(work, scores, opts.chapterThreshold, as.map(chapterRef), bs.map(chapterRef)) };
}

/**
 * Chapters one year heads with a part (`2014年工作回顾` over its sections) and the other numbers outside any part
 * (`一、2020年及“十三五”主要工作回顾`): among the chapters the kinds left unlinked, a chapter outside any part whose title
 * reviews or plans (series' chapterKind) may link to one in a part of that kind, by the same scores and threshold.
 */
function alignAcrossParts(
  later: Report,
  earlier: Report,
  units: Map<Report, ChapterUnit[]>,
  vec: SeriesVectors,
  opts: Required<AlignOptions>,
  out: Alignment,
  sinks: Sinks,
  manual: readonly ManualCounterpart[],
): void {
  const linkedA = new Set<OutlineNode>();
  const linkedB = new Set<OutlineNode>();
  for (const l of out.links) {
    if (l.a.report === later && l.b.report === earlier) {
      linkedA.add(l.a.node);
      linkedB.add(l.b.node);
    }
  }
  const as = units.get(later)!.filter((u) => !linkedA.has(u.node));
  const bs = units.get(earlier)!.filter((u) => !linkedB.has(u.node));
  // Pairs of one kind were weighed already. A chapter outside any part links to a part that stands for a chapter (the
  // whole review or plan, partAsChapter), never to one topic chapter inside a part, and only when its title says it is
  // of that part's kind (2020年及“十三五”主要工作回顾 reviews; 当前国内形势和基本任务 says neither).
  const fits = (o: ChapterUnit, p: ChapterUnit) =>
    o.part === 'other' && p.part !== 'other' && p.node.kind === 'part' && chapterKind(o.node.title, o.report) === p.part;
  const allowed = (a: ChapterUnit, b: ChapterUnit) => fits(a, b) || fits(b, a);
  if (!as.some((a) => bs.some((b) => allowed(a, b)))) return;
  // The analyst's counterparts hold here too (a chapter set to have none gets none).
  const { links } = chapterLinks(as, bs, later, earlier, vec, opts, manual, allowed);
  out.links.push(...links);
  for (const l of links) alignInside(unitOfRef(as, l.a), unitOfRef(bs, l.b), vec, opts, out, sinks);
}

/**
 * Links across year `mid` when it has no counterpart: chapters of `later` with no link into `mid`
 * to chapters of `earlier` with no link from it (and their sections and paragraphs); and, within
 * chapters linked through `mid`, the sections that `mid` has no counterpart for.
 */
function alignGap(
  later: Report,
  mid: Report,
  earlier: Report,
  units: Map<Report, ChapterUnit[]>,
  vec: SeriesVectors,
  opts: Required<AlignOptions>,
  out: Alignment,
): void {
  const gap: Sinks = { sections: out.gapSectionLinks, paragraphs: out.gapParagraphLinks, record: false, manual: [] };
  const back = new Map<OutlineNode, OutlineNode>(); // later chapter → mid chapter
  const fwd = new Map<OutlineNode, OutlineNode>(); // mid chapter → earlier chapter
  for (const l of out.links) {
    if (l.a.report === later && l.b.report === mid) back.set(l.a.node, l.b.node);
    else if (l.a.report === mid && l.b.report === earlier) fwd.set(l.a.node, l.b.node);
  }
  const reachedFromMid = new Set(fwd.values());
  for (const part of PARTS) {
    const as = units.get(later)!.filter((u) => u.part === part && !back.has(u.node));
    const bs = units.get(earlier)!.filter((u) => u.part === part && !reachedFromMid.has(u.node));
    if (!as.length || !bs.length) continue;
    const scores = matrix(
      as.map((a) => vec.chapter(a)),
      bs.map((b) => vec.chapter(b)),
    );
    for (const l of linksOf(scores, scores, opts.chapterThreshold, as.map(chapterRef), bs.map(chapterRef))) {
      out.gapLinks.push(l);
      alignInside(unitOfRef(as, l.a), unitOfRef(bs, l.b), vec, opts, out, gap);
    }
  }
  // Sections of chapters linked through mid that mid has no counterpart for.
  const secBack = new Set<OutlineNode>();
  const secFromMid = new Set<OutlineNode>();
  for (const l of out.sectionLinks) {
    if (l.a.report === later && l.b.report === mid) secBack.add(l.a.node);
    else if (l.a.report === mid && l.b.report === earlier) secFromMid.add(l.b.node);
  }
  for (const a of units.get(later)!) {
    const m = back.get(a.node);
    const e = m ? fwd.get(m) : undefined;
    const b = e ? units.get(earlier)!.find((u) => u.node === e) : undefined;
    if (!b) continue;
    const sa = a.sections.filter((s) => !secBack.has(s.node));
    const sb = b.sections.filter((s) => !secFromMid.has(s.node));
    if (!sa.length || !sb.length) continue;
    alignSections(a, sa, b, sb, vec, opts, out, gap);
  }
}

/**
 * Sections across chapter boundaries: when chapters split or merge, the sections that found no
 * counterpart within their linked chapters are aligned with those of the other chapters of the same
 * part (linked or not), at a higher floor, since nothing else vouches for them.
 */
function alignAcross(as: ChapterUnit[], bs: ChapterUnit[], vec: SeriesVectors, opts: Required<AlignOptions>, out: Alignment, sinks: Sinks): void {
  if (!as.length || !bs.length) return;
  const linkedA = new Set<OutlineNode>();
  const linkedB = new Set<OutlineNode>();
  for (const l of sinks.sections) {
    if (l.a.report === as[0].report && l.b.report === bs[0].report) {
      linkedA.add(l.a.node);
      linkedB.add(l.b.node);
    }
  }
  const sa = as.flatMap((u) => u.sections.filter((s) => !linkedA.has(s.node)).map((s) => ({ u, s })));
  const sb = bs.flatMap((u) => u.sections.filter((s) => !linkedB.has(s.node)).map((s) => ({ u, s })));
  if (!sa.length || !sb.length) return;
  const scores = matrix(
    sa.map((x) => vec.section(x.s)),
    sb.map((y) => vec.section(y.s)),
  );
  const aRefs = sa.map((x) => sectionRef(x.u, x.s));
  const bRefs = sb.map((y) => sectionRef(y.u, y.s));
  const links = linksOf(scores, scores, opts.sectionThreshold * ACROSS_FLOOR, aRefs, bRefs);
  sinks.sections.push(...links);
  if (sinks.record) {
    // The year navigation follows these links too; a section of an unlinked chapter gets its neighbour here.
    for (const l of links) {
      const a = neighbours(out, l.a.report, l.a.node);
      if (a.previous) a.previous.link = l;
      else a.previous = { report: l.b.report, link: l, candidates: [{ ref: l.b, score: l.score }] };
      const b = neighbours(out, l.b.report, l.b.node);
      if (b.next) b.next.link = l;
      else b.next = { report: l.a.report, link: l, candidates: [{ ref: l.a, score: l.score }] };
    }
  }
  for (const l of links) {
    const x = sa[aRefs.indexOf(l.a)];
    const y = sb[bRefs.indexOf(l.b)];
    alignParagraphs(x.u.report, x.s.paragraphs, y.u.report, y.s.paragraphs, vec, opts, sinks.paragraphs);
  }
}

/** How much higher than the section floor a link across chapters must score. */
const ACROSS_FLOOR = 2;

/** Where the links inside two linked chapters go, and whether to record them for the year navigation. */
interface Sinks {
  sections: Link<SectionRef>[];
  paragraphs: Link<ParagraphRef>[];
  record: boolean;
  manual: readonly ManualCounterpart[];
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
function alignInside(a: ChapterUnit, b: ChapterUnit, vec: SeriesVectors, opts: Required<AlignOptions>, out: Alignment, sinks: Sinks): void {
  alignSections(a, a.sections, b, b.sections, vec, opts, out, sinks);
  alignParagraphs(a.report, a.loose, b.report, b.loose, vec, opts, sinks.paragraphs);
}

/** Sections `sa` of chapter `a` with sections `sb` of chapter `b`, then the paragraphs of each linked pair. */
function alignSections(
  a: ChapterUnit,
  sa: SectionUnit[],
  b: ChapterUnit,
  sb: SectionUnit[],
  vec: SeriesVectors,
  opts: Required<AlignOptions>,
  out: Alignment,
  sinks: Sinks,
): void {
  const scores = matrix(
    sa.map((x) => vec.section(x)),
    sb.map((y) => vec.section(y)),
  );
  const work = applyManual(
    withSameHeadings(
      scores,
      sa.map((s) => s.node),
      sb.map((s) => s.node),
      opts.sectionThreshold,
    ),
    sa.map((s) => s.node),
    sb.map((s) => s.node),
    a.report.year,
    b.report.year,
    sinks.manual,
  );
  const aRefs = sa.map((s) => sectionRef(a, s));
  const bRefs = sb.map((s) => sectionRef(b, s));
  const links = linksOf(work, scores, opts.sectionThreshold, aRefs, bRefs);
  // Also when one side has no sections: the other side's sections then have no counterpart there.
  if (sinks.record) record(out, a.report, b.report, aRefs, bRefs, scores, links);
  sinks.sections.push(...links);
  for (const l of links) {
    const x = sa[aRefs.indexOf(l.a)];
    const y = sb[bRefs.indexOf(l.b)];
    alignParagraphs(a.report, x.paragraphs, b.report, y.paragraphs, vec, opts, sinks.paragraphs);
  }
}

function alignParagraphs(
  ra: Report,
  pa: number[],
  rb: Report,
  pb: number[],
  vec: SeriesVectors,
  opts: Required<AlignOptions>,
  sink: Link<ParagraphRef>[],
): void {
  if (!pa.length || !pb.length) return;
  const va = pa.map((x) => vec.paragraph(ra, x));
  const vb = pb.map((y) => vec.paragraph(rb, y));
  const scores = matrix(va, vb);
  for (const m of assign(scores, opts.paragraphThreshold)) {
    sink.push({ a: { report: ra, paragraph: ra.paragraphs[pa[m.a]] }, b: { report: rb, paragraph: rb.paragraphs[pb[m.b]] }, score: m.score });
  }
}
