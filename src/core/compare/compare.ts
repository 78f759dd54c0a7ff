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
import { Diff, diffChars } from 'diff';
import type { OutlineNode, Paragraph, Report } from '../model/index.ts';
import type { Alignment, ChapterRef } from '../align/index.ts';
import { chapterUnits, type ChapterUnit, partAsChapter, type SectionUnit } from '../align/index.ts';
import type { Figure, FigureContext } from './figures.ts';
import { figureTable, type FigureGroup, type FigureTable, type PlacedFigure } from './figureTable.ts';
import { chapterPart } from './parts.ts';

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

/**
 * A run of rows in which only one year has text, shown as one compact row that expands: so the
 * view is as long as the matched content, not years × paragraphs.
 */
export interface CollapsedRow {
  kind: 'collapsed';
  /** Per column of `years`: how many of the hidden rows have text in that year. */
  counts: number[];
  rows: CompareRow[];
}

interface ChapterColumn {
  year: number;
  reportId: string;
  number: number | null;
  /** The heading's own label as printed (三、, （十）), or null. */
  label: string | null;
  title: string;
  line: number;
  /** The link to this column from the neighbour towards the start year was chosen by hand. */
  manual: boolean;
}

export interface CompareModel {
  issuer: string | null;
  type: string;
  part: ChapterRef['part'];
  /** What is compared: a chapter, or one section (then `chapters` holds the section in each year). */
  scope: 'chapter' | 'section';
  /** The columns, in the order asked for. */
  years: number[];
  /** The year Compare was opened from. */
  startYear: number;
  /** The chapter in each column, or null: no counterpart that year. */
  chapters: (ChapterColumn | null)[];
  rows: (CompareRow | CollapsedRow)[];
  figures: FigureTable;
}

export interface CompareOptions {
  /** The years to show, in this order; default: every year of the series, oldest first. */
  years?: number[];
  /**
   * The figure reader (figures.ts's findFigures), given by the caller: the extension loads it as a bundle of its own. The
   * package's `buildCompare` gives it; without one, no figures.
   */
  figures?: (text: string, context: FigureContext) => Figure[];
  /**
   * The figures of a report's tables read whole (figures.ts's templateFigures: a 政府信息公开 report's template tables), by
   * paragraph id; a paragraph there is not read by `figures`. Given with `figures`.
   */
  tableFigures?: (report: Report) => Map<string, Figure[]>;
}

export type CompareResult = { model: CompareModel; error: null } | { model: null; error: string };

/** A unit present in some years: its paragraph (or section) per year. */
type Chain<T> = Map<number, T>;

/**
 * Chains of linked items across the years, oldest first: `items(year)` lists a year's items in
 * reading order; `linkedTo(item)` gives the earlier items it is linked to, best first (the
 * previous year's, then across a gap).
 */
function chains<T>(years: number[], items: (y: number) => T[], linkedTo: (item: T) => T[]): Chain<T>[] {
  const out: Chain<T>[] = [];
  const chainOf = new Map<T, Chain<T>>();
  for (const y of years) {
    for (const item of items(y)) {
      const c = linkedTo(item)
        .map((b) => chainOf.get(b))
        .find((x) => x && !x.has(y));
      if (c) {
        c.set(y, item);
        chainOf.set(item, c);
      } else {
        const fresh: Chain<T> = new Map([[y, item]]);
        out.push(fresh);
        chainOf.set(item, fresh);
      }
    }
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

/** Clauses: runs of text up to and including a clause mark. */
class ClauseDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return value.match(/[^，。；：、！？,;:!?]+[，。；：、！？,;:!?]*|[，。；：、！？,;:!?]+/g) ?? [];
  }
  override join(tokens: string[]): string {
    return tokens.join('');
  }
}
const CLAUSES = new ClauseDiff();

/**
 * How much of a replaced stretch may change for its character diff to be shown: past it the text
 * is rewritten rather than edited, and its character diff would be noise.
 */
const DIFF_SHARE = 0.4;
/** Stretches whose character bigrams overlap less than this (Dice) are rewritten: no character diff is tried. */
const EDITED_DICE = 0.4;

/** Dice coefficient of the character bigrams of two texts. */
function bigramDice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const count = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const g = a.slice(i, i + 2);
    count.set(g, (count.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2);
    const n = count.get(g);
    if (n) {
      common++;
      count.set(g, n - 1);
    }
  }
  return (2 * common) / (a.length - 1 + b.length - 1);
}

/**
 * The diff of two texts: clause by clause first (cheap, so a ten-year Compare is quick), then
 * character by character within each replaced stretch that was edited rather than rewritten.
 */
function diffOf(before: string, after: string): DiffSpan[] {
  const out: DiffSpan[] = [];
  const push = (op: DiffSpan['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text) out.push({ op, text });
  };
  const changes = CLAUSES.diff(before, after);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      const short = Math.max(c.value.length, next.value.length) <= 40;
      const maxEditLength = Math.ceil(DIFF_SHARE * Math.max(c.value.length, next.value.length)) + 4;
      const fine = short || bigramDice(c.value, next.value) >= EDITED_DICE ? diffChars(c.value, next.value, { maxEditLength }) : undefined;
      if (fine) for (const f of fine) push(f.added ? 'insert' : f.removed ? 'delete' : 'equal', f.value);
      else {
        push('delete', c.value);
        push('insert', next.value);
      }
      i++;
    } else push(c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.value);
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

/** Earlier items an item is linked to, with the score: the previous year's link first, then a link across a gap. */
type Back<T> = Map<T, { prev: T; score: number; manual: boolean }[]>;

function backLinks<T, R extends { report: Report }>(links: { a: R; b: R; score: number; manual?: true }[][], item: (r: R) => T): Back<T> {
  const out: Back<T> = new Map();
  for (const list of links) {
    for (const l of list) {
      const k = item(l.a);
      const v = out.get(k);
      const e = { prev: item(l.b), score: l.score, manual: l.manual === true };
      if (v) v.push(e);
      else out.set(k, [e]);
    }
  }
  return out;
}

type ChapterLink = Alignment['links'][number];

/** The links of an alignment indexed for Compare, built once per alignment (it is never changed once built). */
interface LinkIndex {
  /** A chapter's link to the previous year (or across a gap), by its node; the first such link. */
  back: Map<OutlineNode, ChapterLink>;
  gapBack: Map<OutlineNode, ChapterLink>;
  /** A chapter's link to the next year (or across a gap), by its node. */
  forward: Map<OutlineNode, ChapterLink>;
  gapForward: Map<OutlineNode, ChapterLink>;
  sectionBack: Back<OutlineNode>;
  paraBack: Back<Paragraph>;
  /** Sections a later section is linked to by hand. */
  manualPrev: Set<OutlineNode>;
}

const INDEXES = new WeakMap<Alignment, LinkIndex>();

function firstBy<T>(links: readonly ChapterLink[], key: (l: ChapterLink) => T): Map<T, ChapterLink> {
  const out = new Map<T, ChapterLink>();
  for (const l of links) if (!out.has(key(l))) out.set(key(l), l);
  return out;
}

/** The link index of an alignment: Compare's cost then follows the years shown, not the corpus. */
function linkIndex(alignment: Alignment): LinkIndex {
  let index = INDEXES.get(alignment);
  if (!index) {
    const sectionBack = backLinks([alignment.sectionLinks, alignment.gapSectionLinks], (r) => r.node);
    const manualPrev = new Set<OutlineNode>();
    for (const ls of sectionBack.values()) for (const l of ls) if (l.manual) manualPrev.add(l.prev);
    index = {
      back: firstBy(alignment.links, (l) => l.a.node),
      gapBack: firstBy(alignment.gapLinks, (l) => l.a.node),
      forward: firstBy(alignment.links, (l) => l.b.node),
      gapForward: firstBy(alignment.gapLinks, (l) => l.b.node),
      sectionBack,
      paraBack: backLinks([alignment.paragraphLinks, alignment.gapParagraphLinks], (r) => r.paragraph),
      manualPrev,
    };
    INDEXES.set(alignment, index);
  }
  return index;
}

/** Rows in which only one year has text, collapsed run by run (see CollapsedRow). */
function collapse(rows: CompareRow[], columns: number): (CompareRow | CollapsedRow)[] {
  if (columns < 2) return rows;
  const out: (CompareRow | CollapsedRow)[] = [];
  let run: CollapsedRow | null = null;
  for (const r of rows) {
    const texts = r.cells.filter((c) => c.kind === 'text').length;
    if (texts !== 1) {
      run = null;
      out.push(r);
      continue;
    }
    if (!run) out.push((run = { kind: 'collapsed', counts: new Array(columns).fill(0), rows: [] }));
    run.rows.push(r);
    r.cells.forEach((c, i) => {
      if (c.kind === 'text') run!.counts[i]++;
    });
  }
  return out;
}

/**
 * Builds the Compare model for `node` (a chapter of `report`, or a section: then that section's
 * chain of counterparts) across its series. Never throws.
 */
export function buildCompareWith(alignment: Alignment, report: Report, node: OutlineNode, options: CompareOptions = {}): CompareResult {
  const findFigures = options.figures ?? (() => []);
  // A part that stands for a chapter (partAsChapter) is compared as one.
  const asChapter = node.kind === 'chapter' || partAsChapter(node);
  if (!asChapter && node.kind !== 'section')
    return { model: null, error: `“${node.title}” is a ${node.kind}, not a chapter or section: Compare shows one chapter or section across the years.` };
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

  // Only the span of the years shown (and the chosen report's) is walked: links join consecutive
  // years (or cross one gap), so the years outside it cannot join the chains inside it, and
  // Compare's cost follows the span shown, not the length of the series.
  const lo = Math.min(chrono[0], report.year!);
  const hi = Math.max(chrono[chrono.length - 1], report.year!);
  const index = linkIndex(alignment);

  // The chapter in each year: follow the links from the chosen one, both ways, across a gap year
  // when that year has no counterpart.
  const units = new Map<Report, ChapterUnit[]>();
  const unitsOf = (r: Report): ChapterUnit[] => {
    let u = units.get(r);
    if (!u) units.set(r, (u = chapterUnits(r)));
    return u;
  };
  const chapterIn = new Map<number, ChapterUnit>();
  const manualIn = new Set<number>();
  const start = asChapter ? unitsOf(report).find((u) => u.node === node) : unitsOf(report).find((u) => u.sections.some((x) => x.node === node));
  if (!start) return { model: null, error: `“${node.title}” is not a ${node.kind} of “${report.title}”.` };
  chapterIn.set(report.year!, start);
  const idx = series.reports.indexOf(report);
  type Step = { node: OutlineNode; manual: boolean } | undefined;
  const step = (cur: OutlineNode, dir: number, gap: boolean): Step => {
    const link = (dir < 0 ? (gap ? index.gapBack : index.back) : gap ? index.gapForward : index.forward).get(cur);
    return link ? { node: dir < 0 ? link.b.node : link.a.node, manual: link.manual === true } : undefined;
  };
  for (const dir of [-1, 1]) {
    let cur: ChapterUnit | undefined = start;
    let k = idx;
    while (cur) {
      const from: OutlineNode = cur.node;
      const next: Step = step(from, dir, false);
      const to: Step = next ?? step(from, dir, true);
      k += next ? dir : 2 * dir;
      const r = series.reports[k];
      if (!r || r.year! < lo || r.year! > hi) break;
      const found: ChapterUnit | undefined = to ? unitsOf(r).find((u) => u.node === to.node) : undefined;
      cur = found;
      if (found) {
        chapterIn.set(r.year!, found);
        if (to?.manual) manualIn.add(r.year!);
      }
    }
  }
  const reportOf = (y: number) => series.reports.find((r) => r.year === y)!;
  // Chains of sections and paragraphs run through every year of the span that has the chapter,
  // shown or not: links join consecutive years only, so leaving a year out must not break them.
  const present = [...allYears].sort((a, b) => a - b).filter((y) => y >= lo && y <= hi && chapterIn.has(y));
  const isShown = new Set(years);

  // Sections across the years, then paragraphs within each section row (and outside any section).
  const { sectionBack, paraBack } = index;
  // A chapter split over several chapters of another year keeps its sections: the sections of the
  // year's other chapters of the same part are in the chains too, and a chain is shown when one of
  // its sections is in the compared chapter of its year.
  const sectionUnit = new Map<OutlineNode, SectionUnit>();
  const inChapter = new Set<OutlineNode>();
  const candidates = (y: number) => {
    const c = chapterIn.get(y)!;
    const out: OutlineNode[] = [];
    for (const u of unitsOf(c.report)) {
      if (u.part !== c.part) continue;
      for (const x of u.sections) {
        sectionUnit.set(x.node, x);
        if (u === c) inChapter.add(x.node);
        out.push(x.node);
      }
    }
    return out;
  };
  const sectionChains = ordered(
    chains(present, candidates, (s) => (sectionBack.get(s) ?? []).map((l) => l.prev)),
    present,
    (_y, s) => s.line,
  ).filter((c) => [...c.values()].some((s) => inChapter.has(s)));
  const linkScore = <T>(back: Back<T>, item: T, prev: T | null) => (prev === null ? undefined : back.get(item)?.find((l) => l.prev === prev));

  // Figures are read from whole paragraphs, so that a label before a heading/body cut is kept.
  // Their kind (target or result) follows the chapter's part: a plan chapter's figures are targets.
  const figuresOf = new Map<Paragraph, Figure[]>();
  // A report's tables read whole (a 信息公开 report's template tables), once per report shown.
  const tablesOf = new Map<Report, Map<string, Figure[]>>();
  const tablesIn = (r: Report) => {
    let t = tablesOf.get(r);
    if (!t) tablesOf.set(r, (t = options.tableFigures?.(r) ?? new Map()));
    return t;
  };
  const figuresIn = (piece: Piece, y: number) => {
    let all = figuresOf.get(piece.paragraph);
    const u = chapterIn.get(y)!;
    if (!all)
      figuresOf.set(
        piece.paragraph,
        (all =
          tablesIn(u.report).get(piece.paragraph.id) ??
          findFigures(piece.paragraph.text, { part: chapterPart(u.report, u.node, u.partNode), paragraph: piece.paragraph.id })),
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
    diff: prev ? diffOf(prev.text, piece.text) : null,
    figures: figuresIn(piece, y).map((f) => ({ start: f.start, end: f.end, label: f.label, value: f.value, unit: f.unit })),
  });
  /** The nearest earlier shown year that has an item in chain `c`: the diff is against it. */
  const prevIn = <T>(c: Chain<T>, y: number): number | undefined => {
    for (let k = chrono.indexOf(y) - 1; k >= 0; k--) if (c.has(chrono[k])) return chrono[k];
    return undefined;
  };
  const addFigures = (group: FigureGroup, y: number, piece: Piece) => {
    const figs: PlacedFigure[] = figuresIn(piece, y).map((f) => ({ ...f, year: y, paragraphId: piece.paragraph.id }));
    if (figs.length) group.byYear.set(y, [...(group.byYear.get(y) ?? []), ...figs]);
  };
  /** One row per chain of aligned pieces; `pieceOf` gives what of a paragraph is shown (null: nothing). */
  const emitParagraphs = (group: FigureGroup, paragraphsIn: (y: number) => Paragraph[], pieceOf: (y: number, p: Paragraph) => Piece | null) => {
    const shown = (y: number) => paragraphsIn(y).filter((p) => pieceOf(y, p) !== null);
    const pchains = ordered(
      chains(present, shown, (p) => (paraBack.get(p) ?? []).map((l) => l.prev)),
      present,
      (_y, p) => p.index,
    );
    for (const c of pchains) {
      if (![...c.keys()].some((y) => isShown.has(y))) continue;
      const cells = years.map((y): CompareCell => {
        const p = c.get(y);
        if (!p) return none(y);
        const prevYear = prevIn(c, y);
        const prev = prevYear !== undefined ? c.get(prevYear)! : null;
        return cell(y, pieceOf(y, p)!, prev && pieceOf(prevYear!, prev), linkScore(paraBack, p, prev)?.score ?? null);
      });
      for (const [y, p] of c) if (isShown.has(y)) addFigures(group, y, pieceOf(y, p)!);
      rows.push({ kind: 'paragraph', cells });
    }
  };

  // The chapter's own paragraphs outside any section. Its heading is in the table header, not a
  // row; the body that runs on after the heading in the same block is kept.
  if (asChapter) {
    const loose: FigureGroup = { name: '', byYear: new Map() };
    groups.push(loose);
    emitParagraphs(
      loose,
      (y) => chapterIn.get(y)!.loose.map((i) => reportOf(y).paragraphs[i]),
      (y, p) => (p.index === chapterIn.get(y)!.node.paragraph ? bodyPiece(p, chapterIn.get(y)!.node) : whole(p)),
    );
  }
  // Each chain of aligned sections: a row of their headings, then their aligned paragraphs, with
  // the body that runs on after a heading in its block as a paragraph of its own. A section's
  // Compare shows its own chain only.
  const chosen = node.kind === 'section' ? sectionChains.filter((c) => c.get(report.year!) === node) : sectionChains;
  for (const sc of chosen) {
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
        const prevYear = prevIn(sc, y);
        const prev = prevYear !== undefined ? headingOf(prevYear) : null;
        addFigures(group, y, h);
        return cell(y, h, prev, linkScore(sectionBack, sc.get(y)!, prevYear !== undefined ? sc.get(prevYear)! : null)?.score ?? null);
      }),
    });
    emitParagraphs(
      group,
      (y) => {
        const s = sc.get(y);
        const unit = s ? sectionUnit.get(s) : undefined;
        return unit ? unit.paragraphs.map((i) => reportOf(y).paragraphs[i]) : [];
      },
      (y, p) => (p.index === sc.get(y)!.paragraph ? bodyPiece(p, sc.get(y)!) : whole(p)),
    );
  }

  const column = (y: number, r: Report, n: OutlineNode, manual: boolean): ChapterColumn => ({
    year: y,
    reportId: r.id,
    number: n.number,
    label: n.label ?? null,
    title: n.title,
    line: n.line,
    manual,
  });
  const own = chosen[0];
  const chapters = years.map((y): ChapterColumn | null => {
    const u = chapterIn.get(y);
    if (!u) return null;
    if (asChapter) return column(y, u.report, u.node, manualIn.has(y));
    const s = own?.get(y);
    if (!s) return null;
    const prevs = sectionBack.get(s) ?? [];
    return column(y, u.report, s, prevs.some((l) => l.manual) || index.manualPrev.has(s));
  });
  return {
    model: {
      issuer: series.issuer,
      type: series.type,
      part: start.part,
      scope: asChapter ? 'chapter' : 'section',
      years: [...years],
      startYear: report.year!,
      chapters,
      rows: collapse(rows, years.length),
      figures: figureTable(years, groups),
    },
    error: null,
  };
}
