/**
 * One series of `annals align --jsonl`: the series aligned alone (alignment never looks across
 * series), as a line of JSON. Used on the CLI's thread and by the align worker (alignWorker.ts).
 */
import { alignCorpus, alignJson, type Series } from '../core/index.ts';

/** The counterparts chosen by hand (.annals/corpus.json), as alignCorpus takes them. */
export type Manual = NonNullable<NonNullable<Parameters<typeof alignCorpus>[1]>['manual']>;

type Json = ReturnType<typeof alignJson>;

/** A series' line: the series, then its links as `align --json` lists them. */
export interface SeriesLine {
  issuer: string | null;
  type: string;
  years: number[];
  links: Json['links'];
  sectionLinks: Json['sectionLinks'];
  planResult: Json['planResult'];
}

export function seriesLine(series: Series, manual: Manual): SeriesLine {
  const j = alignJson(alignCorpus(series.reports, { manual }, { series: [series], unplaced: [], problems: [] }));
  return { issuer: series.issuer, type: series.type, years: j.series[0].years, links: j.links, sectionLinks: j.sectionLinks, planResult: j.planResult };
}
