/**
 * Scores an alignment against hand-labelled correspondences (test/fixtures/align/*.json), and
 * the naive rule it must beat: same part kind, same chapter (or section) number.
 *
 * A gold set lists every acceptable pair; a chapter that takes over two earlier ones lists both.
 * An aligner that links one to one can find at most a maximum matching of the gold pairs, so
 * recall is counted against that (the most a one-to-one aligner can get right), and precision
 * against every link the aligner made in the labelled scope.
 */
import type { PartKind } from '../src/core/model/index.ts';
import type { Alignment } from '../src/core/align/index.ts';
import { assign } from '../src/core/align/index.ts';

export interface GoldChapters {
  a: number;
  b: number;
  part: PartKind;
  pairs: [number, number][];
  new: number[];
  gone: number[];
  notes?: string;
}

export interface GoldSections {
  a: number;
  b: number;
  /** The chapter numbers [in a, in b] whose sections are labelled. */
  chapters: [number, number];
  pairs: [number, number][];
  new: number[];
  gone: number[];
  notes?: string;
}

/** Section pairs of two reports of one series, [[chapter, section] later, [chapter, section] earlier], across chapter boundaries too. */
export interface GoldSeriesSections {
  issuer: string;
  a: number;
  b: number;
  /** The chapter pairs [a, b] whose sections are labelled. */
  scope: [number, number][];
  pairs: [[number, number], [number, number]][];
  notes?: string;
}

export interface GoldSectionSet {
  description?: string;
  sources: string[];
  sections: GoldSeriesSections[];
}

export interface GoldPlanResult {
  /** The year of the report that holds the plan part. */
  report: number;
  plan: number;
  result: number[];
  notes?: string;
}

export interface GoldSet {
  description?: string;
  sources: string[];
  chapters: GoldChapters[];
  sections: GoldSections[];
  planResult: GoldPlanResult[];
}

export interface Score {
  /** Correct links. */
  correct: number;
  /** Links made in the labelled scope. */
  predicted: number;
  /** The most correct links a one-to-one aligner can make (gold pairs for plan → result). */
  achievable: number;
  precision: number;
  recall: number;
}

export function score(correct: number, predicted: number, achievable: number): Score {
  return { correct, predicted, achievable, precision: predicted ? correct / predicted : 1, recall: achievable ? correct / achievable : 1 };
}

export function sumScores(scores: Score[]): Score {
  return score(
    scores.reduce((s, x) => s + x.correct, 0),
    scores.reduce((s, x) => s + x.predicted, 0),
    scores.reduce((s, x) => s + x.achievable, 0),
  );
}

/** The size of a maximum one-to-one matching of the pairs. */
export function maxMatching(pairs: [number, number][]): number {
  const as = [...new Set(pairs.map((p) => p[0]))];
  const bs = [...new Set(pairs.map((p) => p[1]))];
  const m = as.map((a) => bs.map((b) => (pairs.some((p) => p[0] === a && p[1] === b) ? 1 : 0)));
  return assign(m, 0.5).length;
}

function scorePairs(predicted: [number | null, number | null][], gold: [number, number][]): Score {
  const ok = predicted.filter(([a, b]) => gold.some((g) => g[0] === a && g[1] === b)).length;
  return score(ok, predicted.length, maxMatching(gold));
}

export type Aligner = 'annals' | 'naive';

/** Chapter-number pairs [a, b] that an alignment (or the naive rule) links in one labelled scope. */
export function chapterPairs(al: Alignment, g: GoldChapters, aligner: Aligner): [number | null, number | null][] {
  if (aligner === 'annals') {
    return al.links.filter((l) => l.a.report.year === g.a && l.b.report.year === g.b && l.a.part === g.part).map((l) => [l.a.node.number, l.b.node.number]);
  }
  const chapters = (year: number) => chaptersOf(al, year, g.part);
  const bs = new Set(chapters(g.b));
  return chapters(g.a)
    .filter((n) => bs.has(n))
    .map((n) => [n, n]);
}

/** Chapter numbers of a year's report in one part kind, from the aligned series. */
function chaptersOf(al: Alignment, year: number, part: PartKind): (number | null)[] {
  for (const s of al.series) {
    const r = s.reports.find((x) => x.year === year);
    if (!r) continue;
    const top = r.outline.flatMap((n) =>
      n.kind === 'chapter'
        ? [{ n, part: 'other' as PartKind }]
        : n.kind === 'part'
          ? n.children.filter((c) => c.kind === 'chapter').map((c) => ({ n: c, part: n.partKind ?? 'other' }))
          : [],
    );
    return top.filter((x) => x.part === part).map((x) => x.n.number);
  }
  return [];
}

export function scoreChapters(al: Alignment, g: GoldChapters, aligner: Aligner): Score {
  return scorePairs(chapterPairs(al, g, aligner), g.pairs);
}

export function sectionPairs(al: Alignment, g: GoldSections, aligner: Aligner): [number | null, number | null][] {
  if (aligner === 'annals') {
    return al.sectionLinks
      .filter((l) => l.a.report.year === g.a && l.b.report.year === g.b && l.a.chapter.number === g.chapters[0] && l.b.chapter.number === g.chapters[1])
      .map((l) => [l.a.node.number, l.b.node.number]);
  }
  const sections = (year: number, chapter: number) => {
    for (const s of al.series) {
      const r = s.reports.find((x) => x.year === year);
      const c = r?.outline.find((n) => n.kind === 'chapter' && n.number === chapter);
      if (c) return c.children.filter((x) => x.kind === 'section').map((x) => x.number);
    }
    return [];
  };
  const bs = new Set(sections(g.b, g.chapters[1]));
  return sections(g.a, g.chapters[0])
    .filter((n) => bs.has(n))
    .map((n) => [n, n]);
}

export function scoreSections(al: Alignment, g: GoldSections, aligner: Aligner): Score {
  return scorePairs(sectionPairs(al, g, aligner), g.pairs);
}

/** Plan → result pairs: every [plan chapter, review chapter] the alignment (or the naive rule: the same number) links. */
export function scorePlanResult(al: Alignment, gold: GoldPlanResult[], aligner: Aligner): Score {
  let correct = 0;
  let predicted = 0;
  let achievable = 0;
  for (const g of gold) {
    achievable += g.result.length;
    const link = al.planResult.find((p) => p.plan.report.year === g.report && p.plan.node.number === g.plan);
    const reviewNumbers = link ? chaptersOf(al, link.planYear, 'review') : [];
    const got = aligner === 'annals' ? (link?.result ?? []).map((r) => r.chapter.node.number) : reviewNumbers.filter((n) => n === g.plan);
    predicted += got.length;
    correct += got.filter((n) => n !== null && g.result.includes(n)).length;
  }
  return score(correct, predicted, achievable);
}

export interface Evaluation {
  chapters: Record<Aligner, Score>;
  sections: Record<Aligner, Score>;
  planResult: Record<Aligner, Score>;
  /** Only the scopes where the chapters are not all in place (the naive rule's hard cases). */
  reordered: Record<Aligner, Score>;
}

/** Whether a labelled scope moves, adds or drops anything (its gold is not the identity). */
export function isReordered(g: { pairs: [number, number][]; new: number[]; gone: number[] }): boolean {
  return g.new.length > 0 || g.gone.length > 0 || g.pairs.some(([a, b]) => a !== b);
}

export function evaluate(al: Alignment, gold: GoldSet): Evaluation {
  const both = <T>(f: (x: Aligner) => T): Record<Aligner, T> => ({ annals: f('annals'), naive: f('naive') });
  return {
    chapters: both((x) => sumScores(gold.chapters.map((g) => scoreChapters(al, g, x)))),
    sections: both((x) => sumScores(gold.sections.map((g) => scoreSections(al, g, x)))),
    planResult: both((x) => scorePlanResult(al, gold.planResult, x)),
    reordered: both((x) =>
      sumScores([
        ...gold.chapters.filter(isReordered).map((g) => scoreChapters(al, g, x)),
        ...gold.sections.filter(isReordered).map((g) => scoreSections(al, g, x)),
      ]),
    ),
  };
}

/**
 * Section links of one labelled pair of reports against its gold pairs: a link counts when both its
 * chapters are in the scope (so a link across chapters is scored, right or wrong).
 */
export function scoreSeriesSections(al: Alignment, g: GoldSeriesSections): Score {
  const inA = new Set(g.scope.map((s) => s[0]));
  const inB = new Set(g.scope.map((s) => s[1]));
  const key = (c: number | null, s: number | null) => `${c}.${s}`;
  const predicted = al.sectionLinks
    .filter((l) => l.a.report.issuer === g.issuer && l.a.report.year === g.a && l.b.report.year === g.b)
    .filter((l) => inA.has(l.a.chapter.number ?? -1) && inB.has(l.b.chapter.number ?? -1))
    .map((l): [string, string] => [key(l.a.chapter.number, l.a.node.number), key(l.b.chapter.number, l.b.node.number)]);
  const gold = g.pairs.map(([a, b]): [string, string] => [key(a[0], a[1]), key(b[0], b[1])]);
  const ok = predicted.filter(([a, b]) => gold.some((x) => x[0] === a && x[1] === b)).length;
  // maxMatching works on numbers: number the section keys.
  const ids = new Map<string, number>();
  const id = (k: string) => {
    if (!ids.has(k)) ids.set(k, ids.size);
    return ids.get(k)!;
  };
  return score(ok, predicted.length, maxMatching(gold.map(([a, b]) => [id(`a${a}`), id(`b${b}`)])));
}
