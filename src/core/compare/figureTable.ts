/**
 * The figures table: the figures of the years of an aligned chapter matched by label, unit and kind, a row a quantity,
 * with the change from year to year. Apart from the figure reader (figures.ts), which Compare is given (the extension
 * loads it as a bundle of its own).
 */
import type { Figure, FigureKind } from './figures.ts';

/** Similarity of two labels: Dice over character bigrams (single characters for one-character labels). 0 to 1. */
export function labelSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const grams = (s: string) => {
    const g = new Map<string, number>();
    if (s.length === 1) g.set(s, 1);
    for (let i = 0; i + 1 < s.length; i++) g.set(s.slice(i, i + 2), (g.get(s.slice(i, i + 2)) ?? 0) + 1);
    return g;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  let total = 0;
  for (const [k, n] of ga) {
    common += Math.min(n, gb.get(k) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total ? (2 * common) / total : 0;
}

/** A figure with where it came from. */
export interface PlacedFigure extends Figure {
  year: number;
  paragraphId: string;
}

interface FigureChange {
  /** The difference from the previous year's value, in the unit (percentage points for %). */
  absolute: number;
  /** The relative change in percent, when meaningful (not for % and 个百分点, not from 0; from a negative value, relative to its magnitude). */
  percent: number | null;
}

interface FigureCell {
  figure: PlacedFigure;
  /** The change from the previous year that has this row; null in the row's first year. */
  change: FigureChange | null;
}

interface FigureRow {
  label: string;
  unit: string;
  /** Targets and results never share a row. */
  kind: FigureKind;
  /** The group the row belongs to (an aligned section), as the caller named it. */
  group: string;
  /** One cell per year of the table, or null where that year has no matching figure. */
  cells: (FigureCell | null)[];
}

export interface FigureTable {
  years: number[];
  rows: FigureRow[];
}

export interface FigureGroup {
  /** A name for the group, e.g. the aligned section's title. */
  name: string;
  /** The figures of each year in this group. */
  byYear: Map<number, PlacedFigure[]>;
}

/** Least label similarity for two figures to be the same row. */
export const LABEL_THRESHOLD = 0.5;

/**
 * Do two labels name the same kind of thing? A Chinese noun phrase ends in its head: the last two
 * characters of one label must occur in the other (行政复议申请 and 全年行政复议申请 do; 行政复议申请 and
 * 行政复议告知, similar as they are, do not).
 */
export function sameHead(a: string, b: string): boolean {
  return b.includes(a.slice(-2)) || a.includes(b.slice(-2));
}

function change(prev: PlacedFigure, cur: PlacedFigure): FigureChange {
  const absolute = cur.value - prev.value;
  const ratio = cur.unit !== '%' && cur.unit !== '‰' && cur.unit !== '个百分点' && prev.value !== 0;
  return { absolute: Math.round(absolute * 1e6) / 1e6, percent: ratio ? Math.round((absolute / Math.abs(prev.value)) * 1e4) / 100 : null };
}

/**
 * The figures table: within each group (an aligned section or paragraph run), figures of the same
 * unit and kind (a target never follows a result) are matched from year to year by label similarity (the best pairs first, each figure
 * once; the labels' heads must agree, see sameHead); a figure with no match starts a row of its own. Figures with no label are left out.
 * `years` gives the columns, oldest first.
 */
export function figureTable(years: number[], groups: FigureGroup[]): FigureTable {
  const order = [...years].sort((a, b) => a - b);
  const rows: FigureRow[] = [];
  for (const g of groups) {
    const open: { row: FigureRow; last: PlacedFigure }[] = [];
    for (const year of order) {
      const figs = (g.byYear.get(year) ?? []).filter((f) => f.label);
      const pairs: { r: number; f: number; s: number }[] = [];
      open.forEach((o, r) =>
        figs.forEach((f, fi) => {
          if (o.last.unit !== f.unit || o.last.kind !== f.kind || o.last.year === year) return;
          const s = labelSimilarity(o.last.label, f.label);
          if (s >= LABEL_THRESHOLD && sameHead(o.last.label, f.label)) pairs.push({ r, f: fi, s });
        }),
      );
      pairs.sort((x, y) => y.s - x.s || x.r - y.r || x.f - y.f);
      const usedRow = new Set<number>();
      const usedFig = new Set<number>();
      const col = years.indexOf(year);
      for (const p of pairs) {
        if (usedRow.has(p.r) || usedFig.has(p.f)) continue;
        usedRow.add(p.r);
        usedFig.add(p.f);
        const o = open[p.r];
        o.row.cells[col] = { figure: figs[p.f], change: change(o.last, figs[p.f]) };
        o.last = figs[p.f];
      }
      figs.forEach((f, fi) => {
        if (usedFig.has(fi)) return;
        const row: FigureRow = { label: f.label, unit: f.unit, kind: f.kind, group: g.name, cells: years.map(() => null) };
        row.cells[col] = { figure: f, change: null };
        rows.push(row);
        open.push({ row, last: f });
      });
    }
  }
  return { years: [...years], rows };
}
