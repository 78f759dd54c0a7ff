/**
 * The Compare view's model: one chapter across the years of its series, side by side. Rows are
 * the chapter's aligned sections (a row of their headings), each followed by its aligned
 * paragraphs; the chapter's own paragraphs outside any section come first. The chapter headings
 * are the columns' headers, not a row. A heading that runs into its body in one block is split:
 * the heading goes in the section row, the body after it in a paragraph row (a chapter heading's
 * body too). Each cell holds a paragraph's text (or that part of it), id and line,
 * a character diff against the previous year's aligned paragraph, and the figures in it; a
 * year with nothing aligned there gets an explicit "no counterpart" cell. Plus the figures table.
 *
 * Pure data: compareHtml.ts renders it, the extension wraps it in a webview.
 */
import { diffChars } from 'diff';
import type { OutlineNode, Paragraph, Report } from '../model/index.ts';
import type { Alignment, ChapterRef } from '../align/index.ts';
import { chapterUnits, type ChapterUnit } from '../align/index.ts';
import { chapterPart, figureTable, findFigures, type FigureGroup, type FigureTable, type PlacedFigure } from './figures.ts';

interface DiffSpan {
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
  /**
   * The text shown: the whole paragraph, or for a heading that runs into its body in one block, the
   * heading (in a section row) or the body after it (in a paragraph row).
   */
  text: string;
  /** UTF-16 offset of `text` in the paragraph's text (0 for a whole paragraph or a heading). */
  offset: number;
  /** The link score to the previous year's paragraph (or section, in a section row) in this row, or null. */
  score: number | null;
  /** Against the previous year's paragraph in this row (oldest first); null when there is none. */
  diff: DiffSpan[] | null;
  /** Figures, with offsets in `text`. */
  figures: { start: number; end: number; label: string; value: number; unit: string }[];
}

interface NoneCell {
  kind: 'none';
  year: number;
  /** For people: no counterpart in 2017. */
  message: string;
}

export type CompareCell = TextCell | NoneCell;

interface CompareRow {
  kind: 'section' | 'paragraph';
  /** One cell per column of `years`. */
  cells: CompareCell[];
}

interface ChapterColumn {
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

/**
 * Chains in reading order, merged from the newest year to the oldest: the newest year's chains in
 * its order, then each older year's chains that are not placed yet right after the chain that
 * precedes them in that year (or before the first placed one that follows them). `years` is oldest first.
 */
function ordered<T>(cs: Chain<T>[], years: number[], position: (y: number, item: T) => number): Chain<T>[] {
  const out: Chain<T>[] = [];
  const placed = new Set<Chain<T>>();
  for (let k = years.length - 1; k >= 0; k--) {
    const y = years[k];
    const here = cs.filter((c) => c.has(y)).sort((a, b) => position(y, a.get(y)!) - position(y, b.get(y)!));
    const firstPlaced = here.find((c) => placed.has(c));
    let cursor = firstPlaced ? out.indexOf(firstPlaced) : out.length;
    for (const c of here) {
      if (placed.has(c)) cursor = out.indexOf(c) + 1;
      else {
        out.splice(cursor++, 0, c);
        placed.add(c);
      }
    }
  }
  return out;
}

/** A stretch of a paragraph shown in a cell: the whole paragraph, a heading, or the body after a heading. */
interface Piece {
  paragraph: Paragraph;
  /** UTF-16 offset of `text` in the paragraph's text. */
  offset: number;
  text: string;
}

const whole = (p: Paragraph): Piece => ({ paragraph: p, offset: 0, text: p.text });

/** Punctuation and spaces between a heading and the body that runs on after it in the same block. */
const JOIN = /^[\s，,。．.；;：:、]+/;

/** The heading of `node` as printed at the start of its paragraph (label and title). */
function headingPiece(p: Paragraph, node: OutlineNode): Piece {
  const cut = Math.max(0, Math.min(p.text.length, node.end - p.start));
  const printed = p.text.slice(0, cut).trimEnd();
  // A marker alone on its line ((一)) takes its title from the next paragraph: show both.
  const text =
    printed.replace(/[\s（()）、，,.．]/g, '') === (node.label ?? '').replace(/[\s（()）、，,.．]/g, '') && node.title ? `${printed}${node.title}` : printed;
  return { paragraph: p, offset: 0, text };
}

/** The body after `node`'s heading in its paragraph (a heading running into its paragraph), or null. */
function bodyPiece(p: Paragraph, node: OutlineNode): Piece | null {
  let offset = Math.max(0, Math.min(p.text.length, node.end - p.start));
  offset += JOIN.exec(p.text.slice(offset))?.[0].length ?? 0;
  return offset < p.text.length ? { paragraph: p, offset, text: p.text.slice(offset) } : null;
}

/** Builds the Compare model for `node` (a chapter of `report`) across its series. Never throws. */
export function buildCompare(alignment: Alignment, report: Report, node: OutlineNode, options: CompareOptions = {}): CompareResult {
  if (node.kind !== 'chapter') return { model: null, error: `“${node.title}” is a ${node.kind}, not a chapter: Compare shows one chapter across the years.` };
  const series = alignment.series.find((s) => s.reports.includes(report));
  if (!series) return { model: null, error: `“${report.title}” is in no aligned series (it has no year, or another report of that year was aligned).` };
  const allYears = series.reports.map((r) => r.year!);
  // Each year once, in the order asked for.
  const years = [...new Set(options.years ?? allYears)];
  const unknown = years.filter((y) => !allYears.includes(y));
  if (unknown.length)
    return { model: null, error: `The series ${series.issuer ?? ''} ${series.type} has no report for ${unknown.join(', ')}; it has ${allYears.join(', ')}.` };
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
  // Chains of sections and paragraphs run through every year of the series that has the chapter,
  // shown or not: links join consecutive years only, so leaving a year out must not break them.
  const present = [...allYears].sort((a, b) => a - b).filter((y) => chapterIn.has(y));
  const isShown = new Set(years);

  // Sections across the years, then paragraphs within each section row (and outside any section).
  const sectionLinkOf = new Map<OutlineNode, { prev: OutlineNode; score: number; prevYear: number }>();
  for (const l of alignment.sectionLinks) sectionLinkOf.set(l.a.node, { prev: l.b.node, score: l.score, prevYear: l.b.report.year! });
  const sectionLink = (s: OutlineNode, prevYear: number) => {
    const l = sectionLinkOf.get(s);
    return l && l.prevYear === prevYear ? l.prev : null;
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

  // Figures are read from whole paragraphs, so that a label before a heading/body cut is kept.
  // Their kind (target or result) follows the chapter's part: a plan chapter's figures are targets.
  const figuresOf = new Map<Paragraph, ReturnType<typeof findFigures>>();
  const figuresIn = (piece: Piece, y: number) => {
    let all = figuresOf.get(piece.paragraph);
    const u = chapterIn.get(y)!;
    if (!all)
      figuresOf.set(
        piece.paragraph,
        (all = findFigures(piece.paragraph.text, { part: chapterPart(u.report, u.node, u.partNode), paragraph: piece.paragraph.id })),
      );
    const end = piece.offset + piece.text.length;
    return all.filter((f) => f.start >= piece.offset && f.end <= end).map((f) => ({ ...f, start: f.start - piece.offset, end: f.end - piece.offset }));
  };

  const rows: CompareRow[] = [];
  const groups: FigureGroup[] = [];
  const none = (y: number): NoneCell => ({ kind: 'none', year: y, message: `No counterpart in ${y}` });
  const cell = (y: number, piece: Piece, prev: Piece | null, score: number | null): TextCell => ({
    kind: 'text',
    year: y,
    reportId: reportOf(y).id,
    paragraphId: piece.paragraph.id,
    line: piece.paragraph.line,
    text: piece.text,
    offset: piece.offset,
    score: prev ? score : null,
    diff: prev ? diffChars(prev.text, piece.text).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value })) : null,
    figures: figuresIn(piece, y).map((f) => ({ start: f.start, end: f.end, label: f.label, value: f.value, unit: f.unit })),
  });
  const prevYearOf = (y: number): number | undefined => chrono[chrono.indexOf(y) - 1];
  const addFigures = (group: FigureGroup, y: number, piece: Piece) => {
    const figs: PlacedFigure[] = figuresIn(piece, y).map((f) => ({ ...f, year: y, paragraphId: piece.paragraph.id }));
    if (figs.length) group.byYear.set(y, [...(group.byYear.get(y) ?? []), ...figs]);
  };
  /** One row per chain of aligned pieces; `pieceOf` gives what of a paragraph is shown (null: nothing). */
  const emitParagraphs = (group: FigureGroup, paragraphsIn: (y: number) => Paragraph[], pieceOf: (y: number, p: Paragraph) => Piece | null) => {
    const shown = (y: number) => paragraphsIn(y).filter((p) => pieceOf(y, p) !== null);
    const pchains = ordered(chains(present, shown, paraLink), present, (_y, p) => p.index);
    for (const c of pchains) {
      if (![...c.keys()].some((y) => isShown.has(y))) continue;
      const cells = years.map((y): CompareCell => {
        const p = c.get(y);
        if (!p) return none(y);
        const prevYear = prevYearOf(y);
        const prev = prevYear !== undefined ? (c.get(prevYear) ?? null) : null;
        const link = paraScore.get(p);
        return cell(y, pieceOf(y, p)!, prev && pieceOf(prevYear!, prev), link && prev && link.prev === prev ? link.score : null);
      });
      for (const [y, p] of c) if (isShown.has(y)) addFigures(group, y, pieceOf(y, p)!);
      rows.push({ kind: 'paragraph', cells });
    }
  };

  // The chapter's own paragraphs outside any section. Its heading is in the table header, not a
  // row; the body that runs on after the heading in the same block is kept.
  const loose: FigureGroup = { name: '', byYear: new Map() };
  groups.push(loose);
  emitParagraphs(
    loose,
    (y) => chapterIn.get(y)!.loose.map((i) => reportOf(y).paragraphs[i]),
    (y, p) => (p.index === chapterIn.get(y)!.node.paragraph ? bodyPiece(p, chapterIn.get(y)!.node) : whole(p)),
  );
  // Each chain of aligned sections: a row of their headings, then their aligned paragraphs, with
  // the body that runs on after a heading in its block as a paragraph of its own.
  for (const sc of sectionChains) {
    if (![...sc.keys()].some((y) => isShown.has(y))) continue;
    const group: FigureGroup = { name: [...sc.values()].pop()!.title, byYear: new Map() };
    groups.push(group);
    const headingOf = (y: number): Piece | null => {
      const s = sc.get(y);
      return s ? headingPiece(reportOf(y).paragraphs[s.paragraph], s) : null;
    };
    rows.push({
      kind: 'section',
      cells: years.map((y): CompareCell => {
        const h = headingOf(y);
        if (!h) return none(y);
        const prevYear = prevYearOf(y);
        const prev = prevYear !== undefined ? headingOf(prevYear) : null;
        const link = sectionLinkOf.get(sc.get(y)!);
        addFigures(group, y, h);
        return cell(y, h, prev, link && link.prevYear === prevYear ? link.score : null);
      }),
    });
    emitParagraphs(
      group,
      (y) => {
        const s = sc.get(y);
        const unit = s ? chapterIn.get(y)!.sections.find((x) => x.node === s) : undefined;
        return unit ? unit.paragraphs.map((i) => reportOf(y).paragraphs[i]) : [];
      },
      (y, p) => (p.index === sc.get(y)!.paragraph ? bodyPiece(p, sc.get(y)!) : whole(p)),
    );
  }

  const chapters = years.map((y): ChapterColumn | null => {
    const u = chapterIn.get(y);
    return u ? { year: y, reportId: u.report.id, number: u.node.number, title: u.node.title, line: u.node.line } : null;
  });
  return {
    model: { issuer: series.issuer, type: series.type, part: start.part, years: [...years], chapters, rows, figures: figureTable(years, groups) },
    error: null,
  };
}
