/**
 * Trends across the years of a series: how often tags are used per year, how often terms the
 * analyst enters occur per year, the words that rise and fall from one year to the next (words
 * from the platform's Intl.Segmenter, which needs no dictionary), and one figure over the years.
 * Pure: the hosts give the years' texts, the placed annotations and the figures.
 */
import { csvField } from '../annotate/index.ts';

/** One line of a chart: a name and one value per year of the chart (null: no report, or no value, that year). */
export interface TrendSeries {
  name: string;
  /** A colour for the line (a tag's colour), when it has one. */
  color?: string;
  values: (number | null)[];
  /** What each value is, as printed (a figure's text), for the table; same length as values. */
  notes?: (string | null)[];
}

/** One chart: its years (oldest first), its unit, and its lines. */
export interface TrendChart {
  id: string;
  title: string;
  /** What the values count: 'annotations', 'occurrences', or a figure's unit. */
  unit: string;
  years: number[];
  series: TrendSeries[];
}

/** A year's report text: its paragraphs (headings and body; no page chrome). */
export interface YearText {
  year: number;
  paragraphs: readonly string[];
}

/** The years of the texts, oldest first, each once. */
export function trendYears(items: readonly { year: number | null }[]): number[] {
  return [...new Set(items.map((i) => i.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
}

/**
 * Annotations per tag and year. An annotation counts once for each tag it has among `tags`; with
 * `children`, an annotation with a child tag counts for its ancestors too (once per tag even when
 * it has several of its descendants). Items without a year are left out.
 */
export function tagCounts(
  items: readonly { year: number | null; tags: readonly string[] }[],
  tags: readonly { id: string; label: string; color?: string }[],
  years: readonly number[],
  options: { parents?: ReadonlyMap<string, string | undefined> } = {},
): TrendSeries[] {
  const col = new Map(years.map((y, i) => [y, i]));
  const counts = new Map(tags.map((t) => [t.id, years.map(() => 0)]));
  for (const item of items) {
    const i = item.year === null ? undefined : col.get(item.year);
    if (i === undefined) continue;
    const hit = new Set<string>();
    for (const id of item.tags) {
      // Walk up the parents (bounded: a broken codebook cannot loop).
      let cur: string | undefined = id;
      for (let depth = 0; cur !== undefined && depth < 64; depth++) {
        hit.add(cur);
        if (!options.parents) break;
        cur = options.parents.get(cur);
      }
    }
    for (const id of hit) {
      const c = counts.get(id);
      if (c) c[i]++;
    }
  }
  return tags.map((t) => ({ name: t.label, ...(t.color ? { color: t.color } : {}), values: counts.get(t.id) ?? years.map(() => 0) }));
}

/** Occurrences of `term` in `text`, not overlapping (放管服放管服 holds 2). */
function occurrences(text: string, term: string): number {
  let n = 0;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

/**
 * How often each term occurs in each year's text. Terms are literal text; spaces around them are
 * dropped and empty or repeated terms are left out. A year with no text is null (no report),
 * not 0.
 */
export function termCounts(texts: readonly YearText[], terms: readonly string[], years: readonly number[]): TrendSeries[] {
  const byYear = new Map<number, string[]>();
  for (const t of texts) byYear.set(t.year, [...(byYear.get(t.year) ?? []), ...t.paragraphs]);
  const unique = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  return unique.map((term) => ({
    name: term,
    values: years.map((y) => {
      const ps = byYear.get(y);
      return ps ? ps.reduce((n, p) => n + occurrences(p, term), 0) : null;
    }),
  }));
}

/** The terms the analyst typed: separated by commas (, ，、), semicolons or spaces. */
export function parseTerms(input: string): string[] {
  return [...new Set(input.split(/[,，、;；\s]+/u).filter(Boolean))];
}

let segmenter: Intl.Segmenter | null | undefined;

/**
 * Grammatical words of written Chinese (pronouns, conjunctions, auxiliaries, adverbs of degree and
 * time): they rise and fall with style, not with themes, so the rising and falling lists leave them out.
 */
const FUNCTION_WORDS = new Set(
  (
    '我们 你们 他们 它们 我国 自己 这些 那些 这个 那个 这样 那样 这种 那种 这里 其中 其他 其它 之一 一个 一些 一切 各种 多种 各项 ' +
    '以及 并且 而且 或者 还是 但是 然而 因为 所以 因此 如果 虽然 即使 只要 只有 除了 为了 由于 对于 关于 通过 按照 根据 随着 ' +
    '可以 能够 应该 应当 必须 需要 不能 不断 已经 正在 将要 还要 仍然 依然 继续 更加 进一步 十分 非常 比较 尤其 特别 大力 切实 ' +
    '有关 相关 进行 加以 予以 实行 就是 也是 都是 还是 不是 没有 有些 有的 等等 方面 同时 今后 目前 当前 现在 以上 以下 之间'
  ).split(' '),
);

/**
 * The words of a text: Intl.Segmenter's word-like segments of two or more Han characters (single
 * characters and numbers say little about a theme). Where the platform has no Segmenter, the
 * text's Han bigrams stand in.
 */
export function words(text: string): string[] {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  const out: string[] = [];
  if (segmenter) {
    for (const s of segmenter.segment(text)) if (s.isWordLike && s.segment.length >= 2 && /^\p{Script=Han}+$/u.test(s.segment)) out.push(s.segment);
    return out;
  }
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** A word's change from one year to the next. */
interface TermChange {
  term: string;
  from: number;
  to: number;
  /** Occurrences in each year. */
  before: number;
  after: number;
  /** Occurrences per 10,000 words, in each year. */
  rateBefore: number;
  rateAfter: number;
  /** log2 of the ratio of the smoothed rates: +1 doubled, −1 halved. */
  score: number;
}

/** The words that rose and fell most from one year to the next. */
export interface YearChange {
  from: number;
  to: number;
  rising: TermChange[];
  falling: TermChange[];
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The top rising and falling words year on year (each year against the one before it that has a
 * text). A word's score is the log ratio of its rates per 10,000 words, each count plus one
 * (so a word new this year scores by how often it is used, not infinitely). Only words used at
 * least `minCount` times in one of the two years take part (rare words are noise), and grammatical
 * words (FUNCTION_WORDS) do not, though they count in the rates' totals. Ties go to the
 * more frequent word, then to the word in code point order, so the lists are stable.
 */
export function risingFalling(texts: readonly YearText[], options: { top?: number; minCount?: number } = {}): YearChange[] {
  const top = options.top ?? 10;
  const minCount = options.minCount ?? 3;
  const byYear = new Map<number, Map<string, number>>();
  const totals = new Map<number, number>();
  for (const t of texts) {
    const counts = byYear.get(t.year) ?? new Map<string, number>();
    let total = totals.get(t.year) ?? 0;
    for (const p of t.paragraphs)
      for (const w of words(p)) {
        total++;
        if (!FUNCTION_WORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    byYear.set(t.year, counts);
    totals.set(t.year, total);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const out: YearChange[] = [];
  for (let k = 1; k < years.length; k++) {
    const [from, to] = [years[k - 1], years[k]];
    const a = byYear.get(from)!;
    const b = byYear.get(to)!;
    const na = Math.max(1, totals.get(from)!);
    const nb = Math.max(1, totals.get(to)!);
    const changes: TermChange[] = [];
    for (const term of new Set([...a.keys(), ...b.keys()])) {
      const before = a.get(term) ?? 0;
      const after = b.get(term) ?? 0;
      if (Math.max(before, after) < minCount) continue;
      const score = Math.log2((after + 1) / nb / ((before + 1) / na));
      changes.push({ term, from, to, before, after, rateBefore: round((before / na) * 1e4), rateAfter: round((after / nb) * 1e4), score: round(score, 3) });
    }
    const order = (x: TermChange, y: TermChange) => x.before + x.after - (y.before + y.after) || (x.term < y.term ? 1 : x.term > y.term ? -1 : 0);
    const rising = changes
      .filter((c) => c.score > 0)
      .sort((x, y) => y.score - x.score || order(y, x))
      .slice(0, top);
    const falling = changes
      .filter((c) => c.score < 0)
      .sort((x, y) => x.score - y.score || order(y, x))
      .slice(0, top);
    out.push({ from, to, rising, falling });
  }
  return out;
}

/** A figure as the figures reader gives it; only these fields are used. */
interface FigureLike {
  label: string;
  value: number;
  unit: string;
  text: string;
  /** A target (预期目标) or a result, where the figures reader tells them apart: a row never mixes the two. */
  kind?: string;
}

/**
 * One figure over the years: in each year, the first figure whose label is `query` or contains it
 * (an exact label first), of the unit (and kind, target or result, where figures have one) that most
 * years' matches share (results first on a tie), so that a row never mixes units or a target with a
 * result. Null where a year has none.
 */
export function figureRow(
  byYear: readonly { year: number; figures: readonly FigureLike[] }[],
  query: string,
  years: readonly number[],
): TrendSeries & { unit: string } {
  const q = query.trim();
  const sort = (f: FigureLike) => (f.kind === undefined ? f.unit : `${f.unit}\u0000${f.kind}`);
  const candidates = new Map<number, FigureLike[]>();
  for (const { year, figures } of byYear) {
    const found = q ? figures.filter((f) => f.label.includes(q)) : [];
    candidates.set(year, [...(candidates.get(year) ?? []), ...found]);
  }
  // The unit (and kind) most years have a match in; on a tie results (what happened) before targets, then the first seen.
  const sortYears = new Map<string, number>();
  for (const list of candidates.values()) for (const k of new Set(list.map(sort))) sortYears.set(k, (sortYears.get(k) ?? 0) + 1);
  const isResult = (k: string) => k.endsWith('\u0000result');
  let best: string | null = null;
  for (const [k, n] of sortYears) {
    const b = best === null ? -1 : (sortYears.get(best) ?? 0);
    if (n > b || (n === b && isResult(k) && !isResult(best!))) best = k;
  }
  const picks = years.map((y) => {
    const list = (candidates.get(y) ?? []).filter((f) => sort(f) === best);
    return list.find((f) => f.label === q) ?? list[0] ?? null;
  });
  const unit = picks.find((f) => f !== null)?.unit ?? '';
  return { name: q, unit, values: picks.map((f) => f?.value ?? null), notes: picks.map((f) => f?.text ?? null) };
}

/** A chart as CSV (UTF-8 with a BOM, CRLF): one row per year, one column per line; empty where there is no value. */
export function chartCsv(chart: TrendChart): string {
  const head = ['year', ...chart.series.map((s) => s.name)].map(csvField).join(',');
  // Numbers are written as they are (csvField would guard a leading minus against spreadsheet formulas).
  const rows = chart.years.map((y, i) => [String(y), ...chart.series.map((s) => (s.values[i] === null ? '' : String(s.values[i])))].join(','));
  return `\uFEFF${[head, ...rows].join('\r\n')}\r\n`;
}

/** The rising and falling words as CSV: from, to, direction, term, counts, rates, score. */
export function changesCsv(changes: readonly YearChange[]): string {
  const lines = ['from,to,direction,term,before,after,rate_before,rate_after,score'];
  for (const c of changes)
    for (const [dir, list] of [
      ['rising', c.rising],
      ['falling', c.falling],
    ] as const)
      for (const t of list) lines.push([t.from, t.to, dir, csvField(t.term), t.before, t.after, t.rateBefore, t.rateAfter, t.score].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
