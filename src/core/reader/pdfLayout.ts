/**
 * Paragraphs from the geometry of a PDF's text: pure functions over positioned runs of text
 * ({str, x, y, width, fontSize} per page, from the host's extractor).
 *
 * - Runs on one baseline are a line; a wide gap between runs (over 1.2 characters) separates table
 *   cells, which are joined by a tab, and such a line stays a row of its own.
 * - Wrapped lines are joined: Chinese with no space, Latin words with one.
 * - A new paragraph starts at an indent, after a larger gap than the line spacing, after a short
 *   last line, at a change of font size, and around a centred line; after a sentence's end, also at
 *   a line that opens with a heading's marker (一、（一）第一章), in a text with no indents or when the
 *   line is a heading alone (short, no sentence punctuation).
 * - Page furniture goes: page numbers (— 3 —, - 3 -, 第3页, 3/13) at the top or the bottom of a
 *   page, and a running head or footer line repeated on most pages.
 * - Footnote references set as small raised digits go (their footnotes stay); after a Latin letter
 *   such a digit is an exponent (m²) and stays in its line.
 */
import type { BlockHint, PdfPage, PdfTextItem } from '../model/index.ts';
import { BEFORE_HEADING, PAGE_NUMBER } from './marks.ts';
import { labelAfterSentence } from './wrap.ts';

interface Line {
  page: number;
  y: number;
  left: number;
  right: number;
  fontSize: number;
  text: string;
  /** Cells of a table row (more than one), else null. */
  cells: string[] | null;
}

const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]/;
/** A table of contents' line: leader dots, then its page number (or the dots alone, the number set apart). */
const TOC_LINE = /(?:[.．·]{4,}|[…⋯]{3,})\s*[0-9０-９]{0,4}$/;
const LATIN_END = /[A-Za-z0-9%.,;:)\]]$/;
/** A chapter's or section's marker: 一、 （一） 第一章. */
const HEADING_MARKER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章部节])/;
const LATIN_START = /^[A-Za-z0-9([]/;

/** White space next to a Chinese character or punctuation is layout, not text (号 ， 邮 编 ：). */
function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`(${CJK_CHAR.source}) (?=\\S)`, 'g'), '$1')
    .replace(new RegExp(` (?=${CJK_CHAR.source})`, 'g'), '')
    .trim();
}

/** The width of a run: the PDF's, or an estimate from its characters (a CJK character is one em). */
function widthOf(it: PdfTextItem): number {
  if (it.width > 0) return it.width;
  let w = 0;
  for (const ch of it.str) w += CJK_CHAR.test(ch) ? 1 : 0.5;
  return w * it.fontSize;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The most common value, rounded to `step`. */
function mode(xs: number[], step: number): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const x of xs) {
    const k = Math.round(x / step) * step;
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestN) [best, bestN] = [k, n];
  }
  return best;
}

/** A footnote reference or exponent as a PDF sets it: one to three digits (or a dagger), small and raised. */
const SUPERSCRIPT = /^\s*(?:[0-9０-９]{1,3}|[*＊†‡])\s*$/;

/**
 * Small raised digits next to a run of text (a footnote reference: 常住人口¹, 122.44³). They sit
 * above the line's baseline, so they would make a line of their own and split the paragraph they
 * are in (`…占全市人口` / `2 3` / `的45.0%…`). A reference is dropped (its footnote stays, with its
 * number); after a Latin letter it is an exponent (m², km²) and joins its line.
 */
function placeSuperscripts(items: PdfTextItem[]): PdfTextItem[] {
  // Each candidate looks at every run of its page: a page of thousands of lone digits (a table
  // set in small type) is left as it is rather than searched for long.
  let candidates = 0;
  for (const it of items) if (SUPERSCRIPT.test(it.str)) candidates++;
  if (!candidates || candidates * items.length > 2_000_000) return items;
  const out: PdfTextItem[] = [];
  for (const s of items) {
    if (!SUPERSCRIPT.test(s.str)) {
      out.push(s);
      continue;
    }
    // The run it follows (or sits in): a larger font, its baseline below by 15–80% of that font.
    let host: PdfTextItem | null = null;
    for (const h of items) {
      if (h === s || h.fontSize * 0.7 < s.fontSize) continue;
      const rise = s.y - h.y;
      if (rise < 0.15 * h.fontSize || rise > 0.8 * h.fontSize) continue;
      const end = h.x + widthOf(h);
      if (s.x < h.x - 0.5 * h.fontSize || s.x > end + 1.5 * h.fontSize) continue;
      if (!host || Math.abs(s.x - end) < Math.abs(s.x - (host.x + widthOf(host)))) host = h;
    }
    if (!host) out.push(s);
    else if (/[A-Za-z]$/.test(host.str.trimEnd()) && s.x >= host.x + widthOf(host) - 0.5 * host.fontSize) {
      out.push({ ...s, y: host.y, fontSize: host.fontSize, str: s.str.trim() });
    }
  }
  return out;
}

/** The lines of one page, top to bottom. */
function pageLines(page: PdfPage): Line[] {
  const items = placeSuperscripts(page.items.filter((it) => it.str.trim() && Number.isFinite(it.x) && Number.isFinite(it.y) && it.fontSize > 0));
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let cur: PdfTextItem[] = [];
  let y = Number.NaN;
  for (const it of items) {
    if (cur.length && Math.abs(it.y - y) <= 0.45 * Math.max(it.fontSize, cur[0].fontSize)) {
      cur.push(it);
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [it];
    y = it.y;
  }
  if (cur.length) groups.push(cur);
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    const fontSize = median(g.map((it) => it.fontSize));
    const cells: string[] = [];
    let text = '';
    let end = g[0].x;
    for (let i = 0; i < g.length; i++) {
      const it = g[i];
      const gap = it.x - end;
      if (i > 0 && gap > 1.2 * fontSize) {
        cells.push(text);
        text = '';
      } else if (i > 0 && gap > 0.2 * fontSize && LATIN_END.test(text) && LATIN_START.test(it.str.trim())) text += ' ';
      text += it.str;
      end = Math.max(end, it.x + widthOf(it));
    }
    cells.push(text);
    const tidied = cells.map(tidy).filter((c) => c);
    return {
      page: page.number,
      y: g[0].y,
      left: g[0].x,
      right: end,
      fontSize,
      text: tidied.join('\t'),
      cells: tidied.length > 1 ? tidied : null,
    };
  });
}

/** What a browser prints at a page's head or foot: an address, the time, the page count (1/12). */
const BROWSER_EDGE = /:\/\/|www\.|\d{1,2}:\d{2}|(?:^|\D)\d{1,4} ?[/／] ?\d{1,4} ?$/;

/**
 * Drops page numbers and running heads or footers: lines at the top or the bottom of a page that
 * read as a page number, or whose text (digits aside) comes back on at least half of the pages (up
 * to 60 characters, 160 for a browser's), also when set in parts across the line (a browser's
 * print: the time left, the page's title right; its address left, 1/12 right).
 */
function dropFurniture(pages: Line[][], heights: Map<number, number>): Line[][] {
  // A title is never furniture: a running head that repeats the title must not take the title on the
  // first page with it. The body's size: that of most lines of prose (a bulletin's tables are set smaller).
  const prose = pages.flat().filter((l) => !l.cells && l.text.length >= 10);
  const body = mode(
    prose.map((l) => l.fontSize),
    0.5,
  );
  // A title is larger than the body and than the running heads that repeat it elsewhere (a masthead the
  // same size on every page is furniture like any running head).
  const key = (l: Line) => l.text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
  const smallest = new Map<string, number>();
  for (const l of pages.flat()) {
    const k = key(l);
    smallest.set(k, Math.min(smallest.get(k) ?? Number.POSITIVE_INFINITY, l.fontSize));
  }
  const title = (l: Line) => l.fontSize > body * 1.25 && (smallest.get(key(l)) ?? l.fontSize) < l.fontSize * 0.8 && !PAGE_NUMBER.test(l.text);
  // The first two and the last two lines of a page, when they lie in its top or bottom 15%.
  const band = (lines: Line[]) => {
    const out = new Set<Line>();
    const h = heights.get(lines[0]?.page) || 842;
    // A table's row only when it reads as a browser's head or foot, or as a page number set in parts
    // (— 1 —): the rows of a table that runs over the pages differ in their figures alone (1971年 /
    // 1972年…), as a running head's page numbers do.
    for (const l of [...lines.slice(0, 2), ...lines.slice(-2)])
      if ((!l.cells || BROWSER_EDGE.test(l.text) || PAGE_NUMBER.test(l.text)) && (l.y > h * 0.85 || l.y < h * 0.15) && !title(l)) out.add(l);
    return out;
  };
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set([...band(lines)].map(key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const withText = pages.filter((p) => p.length).length;
  return pages.map((lines) => {
    const edge = band(lines);
    return lines.filter((l) => {
      if (!edge.has(l)) return true;
      if (PAGE_NUMBER.test(l.text)) return false;
      const n = seen.get(key(l)) ?? 0;
      // Up to 60 characters; a browser's head or foot (an address, a time, 1/12) up to 160.
      const max = BROWSER_EDGE.test(l.text) ? 160 : 60;
      return !(withText >= 3 && n >= Math.max(2, Math.ceil(withText / 2)) && l.text.length <= max);
    });
  });
}

export interface PdfParagraphs {
  lines: string[];
  hints: (BlockHint | undefined)[];
  /** Pages with no text at all (scanned pages). */
  emptyPages: number;
}

/** Rebuilds the paragraphs of a document from its pages. */
export function pdfParagraphs(pages: readonly PdfPage[]): PdfParagraphs {
  const perPage = pages.map(pageLines);
  const emptyPages = perPage.filter((p) => !p.length).length;
  const all = dropFurniture(perPage, new Map(pages.map((p) => [p.number, p.height]))).flat();
  const lines: string[] = [];
  const hints: (BlockHint | undefined)[] = [];
  if (!all.length) return { lines, hints, emptyPages };

  // The body's text block: its most common left edge and font size, its usual right edge and spacing.
  const prose = all.filter((l) => !l.cells);
  const bodySize = mode(
    prose.map((l) => l.fontSize),
    0.5,
  );
  const body = prose.filter((l) => Math.abs(l.fontSize - bodySize) <= 0.15 * bodySize);
  // The left margin: the leftmost edge that many lines share (indented first lines and centred
  // lines lie to the right of it). The right margin: the edge most lines reach when the text is
  // justified, else the 90th percentile of the line ends.
  const lefts = new Map<number, number>();
  for (const l of body) lefts.set(Math.round(l.left / 2) * 2, (lefts.get(Math.round(l.left / 2) * 2) ?? 0) + 1);
  const enough = Math.max(2, body.length * 0.1);
  const shared = [...lefts].filter(([, n]) => n >= enough).map(([x]) => x);
  const leftMargin = shared.length
    ? Math.min(...shared)
    : mode(
        body.map((l) => l.left),
        2,
      );
  const rights = body.map((l) => l.right).sort((a, b) => a - b);
  const justified = mode(rights, 2);
  const atJustified = rights.filter((r) => Math.abs(r - justified) <= 2).length;
  const rightMargin = atJustified >= body.length * 0.3 ? justified : rights.length ? rights[Math.floor(rights.length * 0.9)] : 0;
  const gaps: number[] = [];
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1];
    const b = all[i];
    if (a.page === b.page && !a.cells && !b.cells && Math.abs(a.fontSize - bodySize) <= 0.15 * bodySize && Math.abs(b.fontSize - bodySize) <= 0.15 * bodySize)
      gaps.push(a.y - b.y);
  }
  const spacing = median(gaps.filter((g) => g > 0)) || bodySize * 1.5;
  // A paragraph whose last line happens to fill the line gives no sign of its end when the next line
  // is not indented: a text set with no first-line indents (plain text printed to PDF), or a heading
  // set flush left among indented paragraphs. Where paragraphs are indented, a line that opens with a
  // marker is more often an inline list wrapped at its marker.
  const indented = body.filter((l) => l.left > leftMargin + 0.9 * l.fontSize && l.right >= rightMargin - 2 * l.fontSize).length;
  const noIndents = body.length >= 20 && indented < body.length * 0.02;

  let cur: Line | null = null;
  let text = '';
  const flush = () => {
    if (text) {
      lines.push(text);
      hints.push(undefined);
    }
    text = '';
    cur = null;
  };
  for (const l of all) {
    if (l.cells) {
      flush();
      lines.push(l.text);
      hints.push({ table: true });
      continue;
    }
    const prev = cur as Line | null;
    const fs = l.fontSize;
    let start = prev === null;
    if (prev) {
      const sameSize = Math.abs(prev.fontSize - fs) <= 0.15 * Math.max(prev.fontSize, fs);
      const gap = prev.page === l.page ? prev.y - l.y : spacing;
      const indent = l.left > leftMargin + 0.9 * fs;
      const short = prev.right < rightMargin - 1.5 * prev.fontSize;
      const centred = (x: Line) => x.left > leftMargin + 2 * x.fontSize && x.right < rightMargin - 2 * x.fontSize;
      // After a sentence's end or a colon, a line that opens with a heading's marker starts a paragraph:
      // always in a text with no indents; elsewhere when it is a heading alone (short, no 。 or ；).
      const headingAlone = l.right < rightMargin - 1.5 * fs && !/[。；;]/.test(l.text);
      const opensHeading = BEFORE_HEADING.test(text.length > 100 ? text.slice(-100) : text) && HEADING_MARKER.test(l.text) && (noIndents || headingAlone);
      // A table of contents' line ends at its page number: the next entry is a line of its own.
      const contents = TOC_LINE.test(text.length > 200 ? text.slice(-200) : text);
      // A short label with no punctuation after a full line that ends a sentence (…的一年。 / 基本介紹): a line of its own.
      const label = headingAlone && labelAfterSentence(text.length > 20 ? text.slice(-20) : text, l.text.trim());
      // A title set larger than the text that wraps (its first line runs to the margin, the rest is centred under it:
      // 巍山彝族回族自治县2021年国民经济和社会发展统 / 计公报): one line of it, whatever its centring.
      const wrappedTitle =
        sameSize && fs > bodySize * 1.15 && gap > 0 && gap <= 1.8 * fs && prev.right >= rightMargin - 1.5 * fs && !/[。！？!?；;：:]$/.test(text);
      if (
        !wrappedTitle &&
        (!sameSize || gap > spacing * 1.45 || gap < 0 || indent || short || centred(prev) || centred(l) || opensHeading || contents || label)
      )
        start = true;
    }
    if (start) {
      flush();
      text = l.text;
    } else {
      text += LATIN_END.test(text) && LATIN_START.test(l.text) && !CJK_CHAR.test(text.slice(-1)) ? ` ${l.text}` : l.text;
    }
    cur = l;
  }
  flush();
  return { lines, hints, emptyPages };
}
