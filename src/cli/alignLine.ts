/**
 * One series of `annals align --jsonl`: the series aligned alone (alignment never looks across
 * series), as a line of JSON. Used on the CLI's thread and by the align worker (alignWorker.ts).
 *
 * With --json and --jsonl the CLI keeps only light reports (core lightReport: metadata, no text)
 * while it groups every report, so that its memory does not grow with the reports' texts; the
 * worker that aligns a series reads its reports' files again (`Body`) and checks that each is the
 * report that was grouped.
 */
import { alignCorpus, alignJson, contentHash, type Report, type Series, type SourceImport } from '../core/index.ts';
import { importInput, readInput } from './files.ts';

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

/** Where a light report's body is: the file, the report's place in the file's import, and its content hash. */
export interface Body {
  file: string;
  index: number;
  hash: string;
}

/**
 * The imports of files of several reports (feeds) a worker read last, up to a number of bytes of
 * those files, so that a feed whose reports are in many series is not read again for each. A file of
 * one report is needed once: it is not kept.
 */
export class ImportCache {
  private readonly entries = new Map<string, { imp: SourceImport; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  async get(file: string, maxBytes: number): Promise<SourceImport | string> {
    const hit = this.entries.get(file);
    if (hit) {
      // Most recently used last.
      this.entries.delete(file);
      this.entries.set(file, hit);
      return hit.imp;
    }
    const data = readInput(file, maxBytes);
    if (typeof data === 'string') return data;
    const imp = await importInput(file, data, maxBytes);
    if (imp.reports.length < 2) return imp;
    this.entries.set(file, { imp, bytes: data.length });
    this.bytes += data.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size <= 1) break;
      this.entries.delete(k);
      this.bytes -= v.bytes;
    }
    return imp;
  }
}

/**
 * The series with the full reports back: each light report with the body of its file's report, or
 * why one cannot be had (the file is gone, cannot be read, or changed since it was grouped).
 */
export async function withBodies(series: Series, bodies: readonly Body[], maxBytes: number, cache: ImportCache): Promise<Series | string> {
  const reports: Report[] = [];
  for (const [i, light] of series.reports.entries()) {
    const b = bodies[i];
    const imp = await cache.get(b.file, maxBytes);
    if (typeof imp === 'string') return imp;
    const full = imp.reports[b.index];
    if (!full || contentHash(full) !== b.hash) return `${b.file}: the file changed while it was being aligned; run again`;
    // The light report's metadata (with the corrections of .annals/corpus.json), the file's body.
    reports.push({ ...light, text: full.text, paragraphs: full.paragraphs, outline: full.outline, diagnostics: full.diagnostics });
  }
  return { ...series, reports, members: [] };
}
