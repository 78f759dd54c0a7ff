/**
 * The messages between the Trends webview (src/webview/trends.ts, bundled with Observable Plot
 * into media/trends.js) and the extension (src/extension/trendsPanel.ts): one typed union each
 * way. The webview keeps the state with setState, and the serializer restores the panel from it.
 */
import type { TrendChart, YearChange } from './trends.ts';

/** What the panel shows. */
export interface TrendsState {
  /** The series key (`issuer · type`). */
  series: string;
  /** The codebook tags whose counts are drawn; null: every tag of the codebook's top level. */
  tags: string[] | null;
  /** The terms counted per year. */
  terms: string[];
  /** The label of the figure drawn over the years; '' for none. */
  figure: string;
}

/** Words of the page, in the user's language. */
export interface TrendsLabels {
  tags: string;
  chooseTags: string;
  terms: string;
  termsPlaceholder: string;
  figure: string;
  figurePlaceholder: string;
  apply: string;
  year: string;
  table: string;
  rising: string;
  falling: string;
  risingFalling: string;
  term: string;
  change: string;
  exportSvg: string;
  exportPng: string;
  exportCsv: string;
  noData: string;
}

/** Extension → webview. */
export type TrendsToWebview =
  | { type: 'render'; title: string; state: TrendsState; charts: TrendChart[]; changes: YearChange[]; labels: TrendsLabels }
  | { type: 'error'; message: string; state: TrendsState | null };

type ExportFormat = 'svg' | 'png' | 'csv';

/** Webview → extension. */
export type TrendsFromWebview =
  | { type: 'ready'; state: TrendsState | null }
  | { type: 'setTerms'; terms: string[] }
  | { type: 'setFigure'; figure: string }
  /** Ask the extension to offer the codebook's tags (a QuickPick). */
  | { type: 'chooseTags' }
  /** Save a chart (or, as `changes`, the rising and falling words): the SVG text, or the PNG as base64; CSV is made by the extension. */
  | { type: 'export'; chart: string; format: ExportFormat; data: string }
  /** The charts are drawn: how many marks (line points and bars) each chart has, by chart id. */
  | { type: 'rendered'; marks: Record<string, number> };

const isStrings = (x: unknown, max = 200): x is string[] => Array.isArray(x) && x.length <= max && x.every((s) => typeof s === 'string' && s.length <= 200);

export function isTrendsState(x: unknown): x is TrendsState {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o.series === 'string' && (o.tags === null || isStrings(o.tags)) && isStrings(o.terms) && typeof o.figure === 'string' && o.figure.length <= 200;
}

/** Most an exported file may be (the PNG as base64 included). */
const MAX_EXPORT = 20 * 1024 * 1024;

/** A message from the webview is untrusted input: check its shape before acting on it. */
export function parseTrendsMessage(m: unknown): TrendsFromWebview | null {
  if (typeof m !== 'object' || m === null) return null;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
      return { type: 'ready', state: isTrendsState(o.state) ? o.state : null };
    case 'setTerms':
      return isStrings(o.terms) ? { type: 'setTerms', terms: o.terms } : null;
    case 'setFigure':
      return typeof o.figure === 'string' && o.figure.length <= 200 ? { type: 'setFigure', figure: o.figure } : null;
    case 'chooseTags':
      return { type: 'chooseTags' };
    case 'export':
      return typeof o.chart === 'string' &&
        /^[a-z0-9-]{1,40}$/.test(o.chart) &&
        (o.format === 'svg' || o.format === 'png' || o.format === 'csv') &&
        typeof o.data === 'string' &&
        o.data.length <= MAX_EXPORT
        ? { type: 'export', chart: o.chart, format: o.format, data: o.data }
        : null;
    case 'rendered': {
      if (typeof o.marks !== 'object' || o.marks === null) return null;
      const marks = Object.entries(o.marks as Record<string, unknown>);
      return marks.length <= 20 && marks.every(([, n]) => Number.isInteger(n))
        ? { type: 'rendered', marks: Object.fromEntries(marks) as Record<string, number> }
        : null;
    }
    default:
      return null;
  }
}
