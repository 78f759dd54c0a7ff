/**
 * One changed report, grouped without grouping every report again: when a file's report comes back
 * with the same metadata (series key, issuer as written, year) and a content of its own, and nothing
 * in the corrections or the copies involves it, the grouping is the same but for that report. A
 * host with thousands of reports (the editor's Corpus) patches its grouping so, in time that does
 * not grow with the corpus; whenever the patch cannot be sure, it says so (null) and the host groups
 * everything again (groupSeries), which gives the same result.
 */
import type { Report, ReportHead } from '../model/index.ts';
import { type CorpusFile, copyKey } from './corrections.ts';
import { contentHash, type SourcedReport } from './duplicates.ts';
import { type Grouping, seriesKey } from './group.ts';

/** Where each report of a grouping is, and how many of its reports have each content: once per grouping. */
interface GroupingIndex {
  members: Map<ReportHead, { series: number; member: number }>;
  hashes: Map<string, number>;
}

const INDEXES = new WeakMap<Grouping<ReportHead>, GroupingIndex>();

function indexOf(g: Grouping<ReportHead>): GroupingIndex {
  let ix = INDEXES.get(g);
  if (ix) return ix;
  const members = new Map<ReportHead, { series: number; member: number }>();
  const hashes = new Map<string, number>();
  const count = (r: ReportHead) => {
    const h = contentHash(r);
    hashes.set(h, (hashes.get(h) ?? 0) + 1);
  };
  g.series.forEach((s, si) =>
    s.members.forEach((m, mi) => {
      members.set(m.report, { series: si, member: mi });
      count(m.report);
      for (const c of m.copies) count(c.report);
    }),
  );
  for (const u of g.unplaced) count(u.report);
  INDEXES.set(g, (ix = { members, hashes }));
  return ix;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The grouping of the same reports with `before` replaced by `after` (the same source, read again),
 * or null when that cannot be had without grouping everything again: the source has corrections,
 * the report has copies or a copy chosen for its year, its series key (issuer and type), issuer
 * variants or year changed, or its new content is another report's. (A member with no copies and a
 * year is named by no problem of the grouping.) `corrections` must be those the grouping used.
 */
export function patchGrouping<R extends ReportHead = Report>(
  g: Grouping<R>,
  before: SourcedReport<R>,
  after: SourcedReport<R>,
  corrections?: CorpusFile,
): Grouping<R> | null {
  if (before.source !== after.source) return null;
  // Any correction of the source, also one whose report id is not there (yet): the new report may have that id.
  if (corrections?.reports[before.source]) return null;
  const a = before.report;
  const b = after.report;
  // The series key holds the issuer.
  if (a.year === null || b.year !== a.year || seriesKey(a) !== seriesKey(b)) return null;
  if (!sameList(a.meta.issuerVariants, b.meta.issuerVariants)) return null;
  const ix = indexOf(g);
  const at = ix.members.get(a);
  if (!at) return null;
  const s = g.series[at.series];
  const m = s.members[at.member];
  if (m.source !== before.source || m.copies.length) return null;
  // A copy chosen by hand for its year is left to the full grouping.
  if (corrections?.copies[copyKey(s.key, a.year)]) return null;
  const h = contentHash(b);
  if (h !== contentHash(a) && (ix.hashes.get(h) ?? 0) > 0) return null;
  const members = s.members.map((x, i) => (i === at.member ? { source: after.source, report: b, copies: [] } : x));
  const series = g.series.map((x, i) => (i === at.series ? { ...s, reports: members.map((x) => x.report), members } : x));
  return { series, unplaced: g.unplaced, problems: g.problems };
}
