/**
 * Search across years: a text or a regular expression over the report text of many reports (their
 * headings and paragraphs; not page chrome, trailing junk or the closing signature), grouped by
 * series → year → chapter, with the context around each hit and the hit count of each year.
 *
 * A regular expression runs on the host's linear-time engine (RegexEngine: RE2 in the hosts), so
 * no pattern can make a search hang however it backtracks in other engines; the core has none of
 * its own. Plain text needs no engine: it is found with indexOf, ASCII letters without regard to case.
 */
import type { BlockRole, OutlineNode, Report, ReportHead } from '../model/index.ts';
import { fail, ok, type Result } from '../model/index.ts';

/** What to look for. */
export interface SearchQuery {
  text: string;
  /** The text is a regular expression (RE2 syntax: no backreferences or lookaround). */
  regex?: boolean;
  /** Letters' case matters (default: it does not). */
  caseSensitive?: boolean;
}

/** Finds the matches of a pattern in a text: [start, end) pairs in UTF-16 code units, in order, none empty. */
type Finder = (text: string) => Iterable<readonly [number, number]>;

/** A regular expression engine that matches in linear time, given by the host. */
export interface RegexEngine {
  /** The finder of a pattern, or why the pattern is not valid (in the engine's words). */
  compile(pattern: string, ignoreCase: boolean): { ok: true; find: Finder } | { ok: false; error: string };
}

/** A report to search, with the file it came from and its series' label. */
export interface SearchSource<R extends ReportHead = Report> {
  source: string;
  report: R;
  /** The series' label (北京市人民政府 · 政府工作报告); the report's own series when it is in none. */
  series: string;
}

export interface SearchHit {
  source: string;
  reportId: string;
  series: string;
  year: number | null;
  /** The chapter heading as printed (三、2017年重点工作任务), or null outside any chapter. */
  chapter: string | null;
  /** The section heading as printed, or null. */
  section: string | null;
  /** The paragraph's id. */
  paragraph: string;
  /** 0-based line of the paragraph in the report document. */
  line: number;
  /** Code-point offsets of the hit in the paragraph's text. */
  start: number;
  end: number;
  /** UTF-16 offsets of the hit in the report document (for the editor). */
  documentStart: number;
  documentEnd: number;
  /** The hit with up to CONTEXT characters either side, on one line, … where cut. */
  context: string;
}

export interface YearCount {
  series: string;
  year: number;
  hits: number;
}

interface ChapterGroup {
  chapter: string | null;
  hits: SearchHit[];
}
interface YearGroup {
  year: number | null;
  hits: number;
  chapters: ChapterGroup[];
}
export interface SeriesGroup {
  series: string;
  hits: number;
  years: YearGroup[];
}

export interface SearchResult {
  query: string;
  total: number;
  /** Hits per year of each series, years in order (a year with none is 0 between its first and last). */
  byYear: YearCount[];
  /** The hits, series by label, years in order, then in reading order. */
  hits: SearchHit[];
  groups: SeriesGroup[];
  /** True when the search stopped at `maxHits`: `total` counts only what was found by then. */
  limited: boolean;
}

export interface SearchOptions {
  /** The host's regular expression engine; needed for a regex query. */
  engine?: RegexEngine;
  /** Stop after this many hits (default 20,000). */
  maxHits?: number;
  /** Characters of context on either side of a hit (default 30). */
  context?: number;
}

/** The blocks that are report text. */
const TEXT_ROLES: ReadonlySet<BlockRole> = new Set(['part', 'chapter', 'section', 'body']);

/** ASCII letters in lower case, nothing else changed (so offsets stay). */
const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

function plainFinder(needle: string, caseSensitive: boolean): Finder {
  const n = caseSensitive ? needle : foldAscii(needle);
  return function* (text) {
    const hay = caseSensitive ? text : foldAscii(text);
    for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length)) yield [i, i + n.length] as const;
  };
}

/** The finder of a query, or the problem with it (empty, an invalid regex, no engine for a regex). */
function finderOf(query: SearchQuery, engine: RegexEngine | undefined): Result<Finder> {
  if (!query.text.trim()) return fail('searchEmpty', []);
  if (!query.regex) return ok(plainFinder(query.text, query.caseSensitive ?? false));
  if (!engine) return fail('searchNoRegexEngine', []);
  const c = engine.compile(query.text, !query.caseSensitive);
  return c.ok ? ok(c.find) : fail('searchBadRegex', [query.text, c.error]);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Code-point offsets of increasing UTF-16 offsets in `text`, in one pass: each call goes on from
 * the last (the hits of a paragraph come in order).
 */
function codePointCounter(text: string): (utf16: number) => number {
  let at = 0;
  let pairs = 0;
  return (utf16) => {
    for (; at < utf16 - 1; at++) {
      if (isHigh(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1))) {
        pairs++;
        at++;
      }
    }
    return utf16 - pairs;
  };
}

/** The hit [u0, u1) in its paragraph with `width` code points either side, on one line, … where cut. */
function contextOf(text: string, u0: number, u1: number, width: number): string {
  let a = u0;
  for (let n = 0; n < width && a > 0; n++) a -= a > 1 && isLow(text.charCodeAt(a - 1)) && isHigh(text.charCodeAt(a - 2)) ? 2 : 1;
  let b = u1;
  for (let n = 0; n < width && b < text.length; n++) b += isHigh(text.charCodeAt(b)) && isLow(text.charCodeAt(b + 1)) ? 2 : 1;
  const s = `${a > 0 ? '…' : ''}${text.slice(a, b)}${b < text.length ? '…' : ''}`;
  return s.replace(/\s+/g, ' ');
}

/** The heading of a node as printed. */
const headingOf = (n: OutlineNode) => `${n.label ?? ''}${n.title}`;

/** The chapter and section of each paragraph line, from the outline. */
function placer(report: Report): (line: number) => { chapter: string | null; section: string | null } {
  const chapters: OutlineNode[] = [];
  const sections: OutlineNode[] = [];
  const walk = (ns: OutlineNode[]) => {
    for (const n of ns) {
      if (n.kind === 'chapter') chapters.push(n);
      else if (n.kind === 'section') sections.push(n);
      walk(n.children);
    }
  };
  walk(report.outline);
  const within = (ns: OutlineNode[], line: number) => {
    let best: OutlineNode | null = null;
    for (const n of ns) if (line >= n.line && line <= n.endLine && (!best || n.line > best.line)) best = n;
    return best;
  };
  return (line) => {
    const c = within(chapters, line);
    const s = within(sections, line);
    return { chapter: c ? headingOf(c) : null, section: s ? headingOf(s) : null };
  };
}

/**
 * Searches the reports. Hits come grouped by series (by label), year (oldest first; no year last)
 * and chapter (reading order). Fails on an empty query, an invalid regular expression, or a
 * regular expression without an engine.
 */
export function searchReports(sources: readonly SearchSource[], query: SearchQuery, options: SearchOptions = {}): Result<SearchResult> {
  const finder = finderOf(query, options.engine);
  if (!finder.ok) return finder;
  const ordered = [...sources].sort(searchOrder);
  const hits: SearchHit[] = [];
  let limited = false;
  for (const s of ordered) if ((limited = searchOne(s, s.report, finder.value, options, hits))) break;
  return ok(resultOf(query, ordered, hits, limited));
}

/**
 * searchReports for a host that keeps only its reports' heads (the extension's Corpus): each report's
 * full text is asked for (`full`) one at a time, in the order of the results, and let go after, so
 * that a search of thousands of reports holds one at a time. A report `full` no longer has is skipped.
 */
export async function searchHeads(
  sources: readonly SearchSource<ReportHead>[],
  full: (source: SearchSource<ReportHead>) => Promise<Report | undefined>,
  query: SearchQuery,
  options: SearchOptions = {},
): Promise<Result<SearchResult>> {
  const finder = finderOf(query, options.engine);
  if (!finder.ok) return finder;
  const ordered = [...sources].sort(searchOrder);
  const hits: SearchHit[] = [];
  let limited = false;
  for (const s of ordered) {
    const report = await full(s);
    if (report && (limited = searchOne(s, report, finder.value, options, hits))) break;
  }
  return ok(resultOf(query, ordered, hits, limited));
}

/** The order of the results: series by label, years in order, then source and report id. */
function searchOrder(a: SearchSource<ReportHead>, b: SearchSource<ReportHead>): number {
  return cmp(a.series, b.series) || (a.report.year ?? Infinity) - (b.report.year ?? Infinity) || cmp(a.source, b.source) || cmp(a.report.id, b.report.id);
}

function resultOf(query: SearchQuery, ordered: readonly SearchSource<ReportHead>[], hits: SearchHit[], limited: boolean): SearchResult {
  return { query: query.text, total: hits.length, byYear: countByYear(ordered, hits), hits, groups: groupHits(hits), limited };
}

/** The hits of one report, pushed onto `hits`; true when `maxHits` was reached (the search stops). */
function searchOne(s: SearchSource<ReportHead>, report: Report, find: Finder, options: SearchOptions, hits: SearchHit[]): boolean {
  const maxHits = options.maxHits ?? 20_000;
  const width = options.context ?? 30;
  const place = placer(report);
  for (const p of report.paragraphs) {
    if (!TEXT_ROLES.has(p.role)) continue;
    const cp = codePointCounter(p.text);
    for (const [u0, u1] of find(p.text)) {
      if (u1 <= u0) continue;
      if (hits.length >= maxHits) return true;
      const start = cp(u0);
      const end = cp(u1);
      hits.push({
        source: s.source,
        reportId: report.id,
        series: s.series,
        year: report.year,
        ...place(p.line),
        paragraph: p.id,
        line: p.line,
        start,
        end,
        documentStart: p.start + u0,
        documentEnd: p.start + u1,
        context: contextOf(p.text, u0, u1, width),
      });
    }
  }
  return false;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Hits per year of each series searched: every year of its reports, 0 where none. */
function countByYear(sources: readonly SearchSource<ReportHead>[], hits: readonly SearchHit[]): YearCount[] {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sources) {
    if (s.report.year === null) continue;
    let m = counts.get(s.series);
    if (!m) counts.set(s.series, (m = new Map()));
    if (!m.has(s.report.year)) m.set(s.report.year, 0);
  }
  for (const h of hits) if (h.year !== null) counts.get(h.series)!.set(h.year, counts.get(h.series)!.get(h.year)! + 1);
  const out: YearCount[] = [];
  for (const [series, m] of counts) for (const year of [...m.keys()].sort((a, b) => a - b)) out.push({ series, year, hits: m.get(year)! });
  return out;
}

/** The hits as series → year → chapter, in the hits' order. */
function groupHits(hits: readonly SearchHit[]): SeriesGroup[] {
  const out: SeriesGroup[] = [];
  for (const h of hits) {
    let s = out[out.length - 1];
    if (!s || s.series !== h.series) out.push((s = { series: h.series, hits: 0, years: [] }));
    let y = s.years[s.years.length - 1];
    if (!y || y.year !== h.year) s.years.push((y = { year: h.year, hits: 0, chapters: [] }));
    let c = y.chapters[y.chapters.length - 1];
    if (!c || c.chapter !== h.chapter) y.chapters.push((c = { chapter: h.chapter, hits: [] }));
    c.hits.push(h);
    s.hits++;
    y.hits++;
  }
  return out;
}

/** The CLI's and the contract's JSON of a search: exactly query, total, byYear and hits (source … context). */
export function searchJson(r: SearchResult): {
  query: string;
  total: number;
  byYear: YearCount[];
  hits: { source: string; year: number | null; chapter: string | null; paragraph: string; start: number; end: number; context: string }[];
} {
  return {
    query: r.query,
    total: r.total,
    byYear: r.byYear.map((b) => ({ series: b.series, year: b.year, hits: b.hits })),
    hits: r.hits.map((h) => ({ source: h.source, year: h.year, chapter: h.chapter, paragraph: h.paragraph, start: h.start, end: h.end, context: h.context })),
  };
}
