/**
 * The messages between the Compare webview (media/compare.js) and the extension
 * (src/extension/comparePanel.ts): one typed union each way, used by both sides. The webview
 * script is plain JavaScript, type-checked against these types through JSDoc.
 */

/** What the panel shows; the webview keeps it with setState, and the serializer restores it. */
export interface CompareState {
  /** The source file's URI, as a string. */
  source: string;
  reportId: string;
  /** 0-based line of the chapter heading in that report's document. */
  line: number;
  /** The years shown, in their order; null: the years last chosen for the series (else every year, oldest first). */
  years: number[] | null;
  /** Whether the figures panel is open; absent: as last chosen. */
  figuresOpen?: boolean;
}

export interface YearChoice {
  year: number;
  shown: boolean;
}

/** Extension → webview. */
export type ToWebview =
  | {
      type: 'render';
      /** Tells this render's `rest` from another's. */
      id: number;
      /** The Compare fragment (compareHtml.ts): every piece of report text in it is escaped. */
      html: string;
      title: string;
      state: CompareState;
      /** Every year of the series, in a stable order (oldest or newest first, as shown), and whether each is shown. */
      years: YearChoice[];
      /** Words of the toolbar, in the user's language. */
      labels: { years: string; newestFirst: string; oldestFirst: string; expand: string; collapse: string };
    }
  /**
   * The rest of render `id`, sent once its first part is painted: the further rows of the table's
   * body in chunks to append in order, and the figures table for its slot; escaped alike.
   */
  | { type: 'rest'; id: number; more: string[]; figures: string }
  | { type: 'error'; message: string; state: CompareState | null };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready'; state: CompareState | null }
  /** Reveal a paragraph (a cell) or a chapter heading (a column header) in its report. */
  | { type: 'reveal'; reportId: string; line: number }
  /** Show these years, in this order. */
  | { type: 'setYears'; years: number[] }
  /** The figures panel was opened or closed. */
  | { type: 'setFiguresOpen'; open: boolean }
  /** A render reached the screen, `sinceLoad` ms after the webview's document started loading. */
  | { type: 'painted'; sinceLoad: number }
  /** Every row of a render is in the page, `ms` after its message arrived. */
  | { type: 'filled'; ms: number; rows: number };

/** A message from the webview is untrusted input: check its shape before acting on it. */
export function parseFromWebview(m: unknown): FromWebview | null {
  if (typeof m !== 'object' || m === null) return null;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
      return { type: 'ready', state: isState(o.state) ? o.state : null };
    case 'reveal':
      return typeof o.reportId === 'string' && Number.isInteger(o.line) && (o.line as number) >= 0
        ? { type: 'reveal', reportId: o.reportId, line: o.line as number }
        : null;
    case 'filled':
      return typeof o.ms === 'number' && Number.isFinite(o.ms) && Number.isInteger(o.rows) ? { type: 'filled', ms: o.ms, rows: o.rows as number } : null;
    case 'setFiguresOpen':
      return typeof o.open === 'boolean' ? { type: 'setFiguresOpen', open: o.open } : null;
    case 'painted':
      return typeof o.sinceLoad === 'number' && Number.isFinite(o.sinceLoad) ? { type: 'painted', sinceLoad: o.sinceLoad } : null;
    case 'setYears':
      return Array.isArray(o.years) && o.years.length > 0 && o.years.every((y) => Number.isInteger(y))
        ? { type: 'setYears', years: o.years as number[] }
        : null;
    default:
      return null;
  }
}

export function isState(s: unknown): s is CompareState {
  if (typeof s !== 'object' || s === null) return false;
  const o = s as Record<string, unknown>;
  return (
    typeof o.source === 'string' &&
    typeof o.reportId === 'string' &&
    Number.isInteger(o.line) &&
    (o.figuresOpen === undefined || typeof o.figuresOpen === 'boolean') &&
    (o.years === null || (Array.isArray(o.years) && o.years.every((y) => Number.isInteger(y))))
  );
}
