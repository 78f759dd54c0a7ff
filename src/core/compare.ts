/**
 * The Compare view's model: one chapter across the years of its series, side by side. Rows are
 * the chapter's aligned sections, each followed by its aligned paragraphs (the chapter's own
 * paragraphs outside any section come first). Each cell holds a paragraph's text, id and line,
 * a character diff against the previous year's aligned paragraph, and the figures in it; a
 * year with nothing aligned there gets an explicit "no counterpart" cell. Plus the figures table.
 *
 * Pure data: compareHtml.ts renders it, the extension wraps it in a webview.
 */
import { diffChars } from 'diff';
import type { OutlineNode, Paragraph, Report } from './model.ts';
import type { Alignment, ChapterRef } from './align/align.ts';
import { chapterUnits, type ChapterUnit } from './align/units.ts';
import { extractFigures, figureTable, type FigureGroup, type FigureTable, type PlacedFigure } from './figures.ts';

export interface DiffSpan {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface TextCell {
  kind: 'text';
  year: number;
  reportId: string;
  paragraphId: string;
  /** 0-based line in the report document. */
  line: number;
  text: string;
  /** The link score to the previous year's paragraph in this row, or null. */
  score: number | null;
  /** Against the previous year's paragraph in this row (oldest first); null when there is none. */
  diff: DiffSpan[] | null;
  /** Figures, with offsets in `text`. */
  figures: { start: number; end: number; label: string; value: number; unit: string }[];
}

export interface NoneCell {
  kind: 'none';
  year: number;
  /** For people: no counterpart in 2017. */
  message: string;
}

export type CompareCell = TextCell | NoneCell;

export interface CompareRow {
  kind: 'section' | 'paragraph';
  /** One cell per column of `years`. */
  cells: CompareCell[];
}

export interface ChapterColumn {
  year: number;
  reportId: string;
  number: number | null;
  title: string;
  line: number;
}

export interface CompareModel {
  issuer: string | null;
  type: string;
  part: ChapterRef['part'];
  /** The columns, in the order asked for. */
  years: number[];
  /** The chapter in each column, or null: no counterpart that year. */
  chapters: (ChapterColumn | null)[];
  rows: CompareRow[];
  figures: FigureTable;
}

export interface CompareOptions {
  /** The years to show, in this order; default: every year of the series, oldest first. */
  years?: number[];
}

export type CompareResult = { model: CompareModel; error: null } | { model: null; error: string };

/** A unit present in some years: its paragraph (or section) per year. */
type Chain<T> = Map<number, T>;

/**
 * Chains of linked items across the years, oldest first: `items(year)` lists a year's items in
 * reading order; `linkedTo(item)` gives the previous year's item it is linked to.
 */
function chains<T>(years: number[], items: (y: number) => T[], linkedTo: (item: T, prevYear: number) => T | null): Chain<T>[] {
  const out: Chain<T>[] = [];
  const chainOf = new Map<T, Chain<T>>();
  let prev: number | null = null;
  for (const y of years) {
    for (const item of items(y)) {
      const before = prev === null ? null : linkedTo(item, prev);
      const c = before !== null ? chainOf.get(before) : undefined;
      if (c && !c.has(y)) {
        c.set(y, item);
        chainOf.set(item, c);
      } else {
        const fresh: Chain<T> = new Map([[y, item]]);
        out.push(fresh);
        chainOf.set(item, fresh);
      }
    }
    prev = y;
  }
  return out;
}

/** Chains in reading order: by their position in the latest year that has them. */
function ordered<T>(cs: Chain<T>[], years: number[], position: (y: number, item: T) => number): Chain<T>[] {
  const key = (c: Chain<T>): [number, number] => {
    for (let k = years.length - 1; k >= 0; k--) {
      const item = c.get(years[k]);
      if (item !== undefined) return [k, position(years[k], item)];
    }
    return [0, 0];
  };
  // Position in the newest year that has the chain; chains only in older years go after their neighbours there.
  return cs
    .map((c, i) => ({ c, i, k: key(c) }))
    .sort((x, y) => x.k[1] - y.k[1] || y.k[0] - x.k[0] || x.i - y.i)
    .map((x) => x.c);
}

/** Builds the Compare model for `node` (a chapter of `report`) across its series. Never throws. */
export function buildCompare(alignment: Alignment, report: Report, node: OutlineNode, options: CompareOptions = {}): CompareResult {
  if (node.kind !== 'chapter') return { model: null, error: `“${node.title}” is a ${node.kind}, not a chapter: Compare shows one chapter across the years.` };
  const series = alignment.series.find((s) => s.reports.includes(report));
  if (!series) return { model: null, error: `“${report.title}” is in no aligned series (it has no year, or another report of that year was aligned).` };
  const allYears = series.reports.map((r) => r.year!);
  const years = options.years ?? allYears;
  const unknown = years.filter((y) => !allYears.includes(y));
  if (unknown.length) return { model: null, error: `The series ${series.issuer ?? ''} ${series.type} has no report for ${unknown.join(', ')}; it has ${allYears.join(', ')}.` };
  if (!years.length) return { model: null, error: 'No years to compare.' };
  const chrono = [...new Set(years)].sort((a, b) => a - b);

  // The chapter in each year: follow the links from the chosen one, both ways.
  const unitOf = new Map<Report, ChapterUnit[]>(series.reports.map((r) => [r, chapterUnits(r)]));
  const chapterIn = new Map<number, ChapterUnit>();
  const start = unitOf.get(report)!.find((u) => u.node === node);
  if (!start) return { model: null, error: `“${node.title}” is not a chapter of “${report.title}”.` };
  chapterIn.set(report.year!, start);
  const idx = series.reports.indexOf(report);
  for (const dir of [-1, 1]) {
    let cur: ChapterUnit | undefined = start;
    for (let k = idx + dir; cur && k >= 0 && k < series.reports.length; k += dir) {
      const curNode: OutlineNode = cur.node;
      const link = alignment.links.find((l) => (dir < 0 ? l.a.node === curNode : l.b.node === curNode));
      const next: OutlineNode | undefined = link ? (dir < 0 ? link.b.node : link.a.node) : undefined;
      cur = next ? unitOf.get(series.reports[k])!.find((u) => u.node === next) : undefined;
      if (cur) chapterIn.set(series.reports[k].year!, cur);
    }
  }
  const reportOf = (y: number) => series.reports.find((r) => r.year === y)!;
  const present = chrono.filter((y) => chapterIn.has(y));

  // Sections across the years, then paragraphs within each section row (and outside any section).
  const sectionLink = (s: OutlineNode, prevYear: number) => {
    const l = alignment.sectionLinks.find((x) => x.a.node === s && x.b.report.year === prevYear);
    return l ? l.b.node : null;
  };
  const sectionChains = ordered(
    chains(present, (y) => chapterIn.get(y)!.sections.map((s) => s.node), sectionLink),
    present,
    (_y, s) => s.line,
  );
  const paraScore = new Map<Paragraph, { prev: Paragraph; score: number; prevYear: number }>();
  for (const l of alignment.paragraphLinks) paraScore.set(l.a.paragraph, { prev: l.b.paragraph, score: l.score, prevYear: l.b.report.year! });
  const paraLink = (p: Paragraph, prevYear: number) => {
    const l = paraScore.get(p);
    return l && l.prevYear === prevYear ? l.prev : null;
  };

  const rows: CompareRow[] = [];
  const groups: FigureGroup[] = [];
  const none = (y: number): NoneCell => ({ kind: 'none', year: y, message: `No counterpart in ${y}` });
  const cell = (y: number, p: Paragraph, prev: Paragraph | null): TextCell => {
    const r = reportOf(y);
    const link = paraScore.get(p);
    return {
      kind: 'text',
      year: y,
      reportId: r.id,
      paragraphId: p.id,
      line: p.line,
      text: p.text,
      score: link && prev && link.prev === prev ? link.score : null,
      diff: prev ? diffChars(prev.text, p.text).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value })) : null,
      figures: extractFigures(p.text).map((f) => ({ start: f.start, end: f.end, label: f.label, value: f.value, unit: f.unit })),
    };
  };
  const emit = (name: string, kind: 'section' | 'paragraph', paragraphsIn: (y: number) => Paragraph[], sectionHeading: Chain<OutlineNode> | null) => {
    const pchains = ordered(chains(present, paragraphsIn, paraLink), present, (_y, p) => p.index);
    const group: FigureGroup = { name, byYear: new Map() };
    groups.push(group);
    pchains.forEach((c, i) => {
      const isHeading = sectionHeading !== null && i === 0 && [...c].some(([y, p]) => p.index === sectionHeading.get(y)?.paragraph);
      const cells = years.map((y): CompareCell => {
        const p = c.get(y);
        if (!p) return none(y);
        const prevYear = chrono[chrono.indexOf(y) - 1];
        return cell(y, p, prevYear !== undefined ? c.get(prevYear) ?? null : null);
      });
      for (const [y, p] of c) {
        const figs: PlacedFigure[] = extractFigures(p.text).map((f) => ({ ...f, year: y, paragraphId: p.id }));
        group.byYear.set(y, [...(group.byYear.get(y) ?? []), ...figs]);
      }
      rows.push({ kind: isHeading ? 'section' : kind, cells });
    });
  };
  emit('', 'paragraph', (y) => chapterIn.get(y)!.loose.map((i) => reportOf(y).paragraphs[i]), null);
  for (const sc of sectionChains) {
    const title = [...sc.values()].pop()!.title;
    emit(title, 'paragraph', (y) => {
      const s = sc.get(y);
      const unit = s ? chapterIn.get(y)!.sections.find((x) => x.node === s) : undefined;
      return unit ? unit.paragraphs.map((i) => reportOf(y).paragraphs[i]) : [];
    }, sc);
  }

  const chapters = years.map((y): ChapterColumn | null => {
    const u = chapterIn.get(y);
    return u ? { year: y, reportId: u.report.id, number: u.node.number, title: u.node.title, line: u.node.line } : null;
  });
  return { model: { issuer: series.issuer, type: series.type, part: start.part, years: [...years], chapters, rows, figures: figureTable(years, groups) }, error: null };
}
