/** Shared by the series, metadata and headings tests: the series fixtures and their hand-checked gold. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importSource, type Report, type SourcedReport } from '../../src/core/index.ts';
import { ROOT } from './helpers.ts';

export const SERIES_FIXTURES = path.join(ROOT, 'test/fixtures/series');

export interface GoldReport {
  source: string;
  issuer: string;
  year: number;
  type: string;
  series: string;
  /** The chapter headings as the text writes them (a sample of the reports has them). */
  chapters?: string[];
  appendix?: string | null;
}

export interface GoldAlignment {
  series: string;
  a: number;
  b: number;
  /** Acceptable correspondences [chapter of a, chapter of b], 1-based chapter order. */
  pairs: [number, number][];
  notes?: string;
}

export interface SeriesGold {
  reports: GoldReport[];
  alignment: GoldAlignment[];
}

export const seriesGold = (): SeriesGold => JSON.parse(readFileSync(path.join(SERIES_FIXTURES, 'gold.json'), 'utf8')) as SeriesGold;

const cache = new Map<string, SourcedReport[]>();

/** The reports of one fixture file (relative to test/fixtures/series), with that path as their source. */
export function fixture(rel: string): SourcedReport[] {
  let got = cache.get(rel);
  if (!got) {
    const imp = importSource(rel, readFileSync(path.join(SERIES_FIXTURES, rel)));
    cache.set(rel, (got = imp.reports.map((report) => ({ source: rel, report }))));
  }
  return got;
}

/** Every report of the fixture folders named. */
export function fixtureFolder(...dirs: string[]): SourcedReport[] {
  return dirs.flatMap((d) =>
    readdirSync(path.join(SERIES_FIXTURES, d))
      .sort()
      .flatMap((f) => fixture(`${d}/${f}`)),
  );
}

export const only = (rel: string): Report => fixture(rel)[0].report;

/** A report's chapters, in order, parts' chapters included (never an appendix). */
export function chaptersOf(r: Report) {
  return r.outline.flatMap((n) => (n.kind === 'chapter' ? [n] : n.kind === 'part' ? n.children.filter((c) => c.kind === 'chapter') : []));
}

/** A heading as the text writes it: its paragraph up to the end of the heading. */
export function headingText(r: Report, n: { paragraph: number; start: number; end: number }): string {
  const p = r.paragraphs[n.paragraph];
  return p.text.slice(0, n.end - n.start);
}

/** For comparing headings: no white space at all. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
