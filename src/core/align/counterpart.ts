/**
 * The query over an alignment: a chapter's or a section's counterpart in the previous or next year of its series, with
 * the closest candidates and, when there is none, why (the jump commands, CodeLens, `annals align`).
 */
import type { OutlineNode, Report } from '../model/index.ts';
import type { Alignment, Candidate, ChapterRef, Direction, SectionRef } from './types.ts';

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
