/**
 * Text cut into lines at one width (copied out of a PDF viewer, pdftotext, an editor's hard wrap):
 * how it was cut (wrapOf: in characters or display width, with or without the spaces, a second
 * width for notes in a smaller type), and its paragraphs (joinHardWrapped: a full line runs on, a
 * heading alone on its line is told by its neighbours, the spaces of the PDF's layout go). See
 * docs/formats.md, "text cut into lines at one width".
 */
import { cleanBlock, isBlankText } from '../model/index.ts';
import { HEADING_START, JoinedLines, MARKER_LINE, MAY_OPEN_HEADING, SENTENCE_END } from './joined.ts';
import { BEFORE_HEADING } from './marks.ts';

/** A code unit's display width: a CJK, full-width or Chinese punctuation character counts two, others one; 0 for the second half of a pair. */
function unitWidth(c: number): number {
  if (c < 0x2010) return 1;
  if (c >= 0xdc00 && c <= 0xdfff) return 0; // counted with the first half
  return c <= 0x206f ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xd800 && c <= 0xdbff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
    ? 2
    : 1;
}

/** Display width: a CJK, full-width or Chinese punctuation character counts two, others one. */
function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += unitWidth(s.charCodeAt(i));
  return w;
}

/** A code unit of white space as `\s` has it (what compact takes out). */
function isSpace(c: number): boolean {
  if (c > 0x3000) return c === 0xfeff;
  if (c > 0xa0) return c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/**
 * The four measures of each line in one pass, as MEASURES' columns: characters and display width, with the spaces
 * and without (what charCount, displayWidth, compactCount and compactWidth give one line at a time). Exported for its test.
 */
export function measureAll(texts: readonly string[]): number[][] {
  const columns: number[][] = [[], [], [], []];
  for (const t of texts) {
    let w = 0;
    let spaces = 0;
    let spacesWidth = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      // A CJK ideograph (most of a report) is two wide and no space: no other test.
      if ((c - 0x4e00) >>> 0 <= 0x51ff) {
        w += 2;
        continue;
      }
      const u = unitWidth(c);
      w += u;
      if (isSpace(c)) {
        spaces++;
        spacesWidth += u;
      }
    }
    columns[0].push(t.length);
    columns[1].push(w);
    columns[2].push(t.length - spaces);
    columns[3].push(w - spacesWidth);
  }
  return columns;
}

/** How many of a text's first non-blank lines tell how its lines were made (wrapped, spaced). */
const SAMPLE_LINES = 5000;

/** The widest line a text's lines are cut to. */
const MAX_WRAP = 400;

/** How a text was cut into lines: by characters (an editor's hard wrap) or by display width (a PDF copied). */
interface Wrap {
  measure: (line: string) => number;
  width: number;
  /** Two characters in that measure: a full line is at most this much short of the width. */
  slack: number;
  /**
   * A second, wider width a block of the text is cut to (notes set in a smaller type at the end of a
   * statistical communiqué), or 0: a line wider than the width is full only near this one.
   */
  wider: number;
}

/** Without white space: pdftotext spaces out a justified line's characters and sets spaces around figures. */
const compact = (s: string) => (/[\s\u3000]/.test(s) ? s.replace(/[\s\u3000]+/g, '') : s);
const charCount = (s: string) => s.length;
const compactCount = (s: string) => compact(s).length;
const compactWidth = (s: string) => displayWidth(compact(s));
/** A table's row of cells set apart by spaces (总 计 结果 其他): no paragraph's end. */
const TABULAR = /\S[ \u3000]+\S+[ \u3000]+\S/;

/** A line of markup, not prose: a Markdown table's row or rule, or a heading (`|---|---|`, `## 表二`). */
const MARKUP = /^\s*[|#]/;

/** Punctuation inside a line: prose (a name or a table's row has none). */
const IN_PROSE = /[，。、；：,;]/;

/**
 * Each measure with its two characters of slack and the narrowest width taken for a wrap (20
 * characters): characters or display width, with the spaces (pdftotext -layout justifies a line
 * with them) or, when those find no wrap, without (pdftotext spaces out some lines' characters);
 * the sharpest wins.
 */
const MEASURES = [
  { measure: charCount, slack: 2, narrowest: 20, compacts: false },
  { measure: displayWidth, slack: 4, narrowest: 40, compacts: false },
  { measure: compactCount, slack: 2, narrowest: 20, compacts: true },
  { measure: compactWidth, slack: 4, narrowest: 40, compacts: true },
];

/**
 * How a text was hard-wrapped (copied out of a PDF viewer, or saved with line breaks by an
 * editor): its most common line width (20 characters at least), counted in characters or in display
 * width, is shared (within two characters) by at least 30% of its lines of prose length (8 at
 * least), most of which stop mid-sentence while most shorter lines end one, and hardly any line is
 * much wider (5% at most over 115% of it). A full line is one at most two characters short of that width
 * (the first line of an indented paragraph is). Null for a text of one paragraph a line, whose lines
 * vary in width.
 */
export function wrapOf(lines: readonly string[]): Wrap | null {
  // A sample is enough to tell (a text of millions of lines costs no more than its first lines).
  const texts: string[] = [];
  let long = 0;
  for (let i = 0; i < lines.length && texts.length < SAMPLE_LINES; i++) {
    if (isBlankText(lines[i])) continue;
    const t = lines[i].trimEnd();
    texts.push(t);
    if (t.length >= 10) long++;
  }
  if (long < 8) return null;
  let found: (Wrap & { n: number; compacts: boolean }) | null = null;
  // Each line measured the four ways at once (measureAll).
  const columns = measureAll(texts);
  for (const [m, { measure, slack, narrowest, compacts }] of MEASURES.entries()) {
    // The measures with the spaces first; without them only when those find no wrap.
    if (found && compacts && !found.compacts) break;
    const counts = new Array<number>(MAX_WRAP + 1).fill(0);
    const widths = columns[m];
    // Lines long enough to be prose: a table's cells, one a line, are not counted against the wrap.
    let prose = 0;
    let wide = 0;
    for (const w of widths) {
      if (w >= narrowest / 2) prose++;
      if (w > MAX_WRAP) wide++;
      else counts[w]++;
    }
    let mode = narrowest;
    for (let w = narrowest; w <= MAX_WRAP; w++) if (counts[w] > counts[mode]) mode = w;
    // The full lines: within the slack of the width. Most of them are prose cut mid-sentence (a list
    // of names of one length has no punctuation; a list of items ends each with 。 or ；); and most
    // shorter lines of prose end a paragraph, so a sentence (a third at least, not counting headings, numbered items,
    // table rows and cells, and markup).
    let n = 0;
    let ends = 0;
    let prosy = 0;
    let short = 0;
    let shortEnds = 0;
    for (const [i, w] of widths.entries()) {
      if (w >= mode - slack && w <= mode + slack) {
        n++;
        if (SENTENCE_END.test(texts[i])) ends++;
        if (IN_PROSE.test(texts[i])) prosy++;
      } else if (
        w < mode - slack &&
        w >= narrowest / 2 &&
        // Prose: a table's cell or label a line (第二十条第（一）项, 行政许可 0) and markup tell nothing of paragraphs.
        (IN_PROSE.test(texts[i]) || SENTENCE_END.test(texts[i])) &&
        !MARKER_LINE.test(cleanBlock(texts[i])) &&
        !TABULAR.test(texts[i].trim()) &&
        !MARKUP.test(texts[i])
      ) {
        short++;
        if (SENTENCE_END.test(texts[i])) shortEnds++;
      }
    }
    // Lines a little wider than the width are full lines too (digits, or the spaces a PDF copy puts around them).
    const over = Math.ceil(mode * 1.15) + 2;
    for (let w = over; w <= MAX_WRAP; w++) wide += counts[w];
    // Many wider lines that share a width of their own are a block in a smaller type (the notes at the end):
    // cut at that second width, they are no sign of a text of one paragraph a line.
    let wider = 0;
    if (wide > texts.length * 0.05 && wide <= texts.length * 0.4) {
      let mode2 = over;
      for (let w = over; w <= MAX_WRAP; w++) if (counts[w] > counts[mode2]) mode2 = w;
      let n2 = 0;
      for (let w = Math.max(over, mode2 - slack); w <= Math.min(MAX_WRAP, mode2 + slack); w++) n2 += counts[w];
      // Prose, as notes are: a table's rows that share a right edge are no second wrap.
      let prosy2 = 0;
      for (const [i, w] of widths.entries()) if (w >= mode2 - slack && w <= mode2 + slack && w >= over && IN_PROSE.test(texts[i])) prosy2++;
      if (n2 >= 5 && n2 >= wide * 0.5 && prosy2 >= n2 * 0.6) {
        wider = mode2;
        wide = 0;
      }
    }
    if (
      n >= 8 &&
      n >= prose * 0.3 &&
      ends <= n * 0.5 &&
      prosy >= n * 0.5 &&
      (short < 3 || shortEnds >= short * 0.35) &&
      wide <= texts.length * 0.05 &&
      (!found || n > found.n)
    )
      found = { measure, width: mode, slack, n, compacts, wider };
  }
  return found && { measure: found.measure, width: found.width, slack: found.slack, wider: found.wider };
}

/** Whether a line of this width fills its line: near the width, or, wider than it, near the second width when there is one. */
function isFull(wrap: Wrap, w: number): boolean {
  if (wrap.wider && w > wrap.width + wrap.slack) return w >= wrap.wider - wrap.slack;
  return w >= wrap.width - wrap.slack;
}

/** Chinese characters and the punctuation set among them, for the gaps below. */
const HAN = '\\u3400-\\u9fff\\u3000-\\u303f\\uff01-\\uff5e“”‘’—…·';
/**
 * The Asian–Latin spacing Word sets around figures and Latin words (`2024 年`, `第 6 次`, `5G 用户`), which a PDF
 * shows as spacing, not as a space (the .docx has none).
 */
const FIGURE_GAP = new RegExp(`(?<=[${HAN}])[ \\u00a0]+(?=[A-Za-z\\d])|(?<=[A-Za-z\\d]%?)[ \\u00a0]+(?=[${HAN}])`, 'g');
/** The gaps a justified line puts between Chinese characters (`抓 制造优服 务强 链群`). */
const HAN_GAP = new RegExp(`(?<=[${HAN}])[ \\u00a0]+(?=[${HAN}])(?![^ \\u00a0：:，。]{1,8}[：:])`, 'g');
/** A table's row of words set apart by spaces (`项目 数量 金额`); rows of figures are FIGURE_CELLS. */
const CELLS = new RegExp(`[${HAN}][ \\u00a0]+[${HAN}]`);

/**
 * A line of a PDF's text without the spaces of its layout: between Chinese and figures or Latin
 * words always, and between Chinese characters in prose (a justified line); a table's row keeps
 * them, and so do Latin words among themselves (`Made in China`).
 */
function withoutPdfGaps(line: string): string {
  if (!/\S[ \u00a0]/.test(line)) return line;
  const prose = IN_PROSE.test(line);
  // A table's row: cells of words with no prose punctuation, or figures set apart (第一产业 亿元 560 3.1).
  if ((!prose && CELLS.test(line)) || FIGURE_CELLS.test(line)) return line;
  const figures = line.replace(FIGURE_GAP, '');
  // Names set apart after a key (出席会议的有：张三 李四 王五) keep their spaces; so does a gap before a key
  // (联系人：张三 联系电话：…).
  return prose && !NAME_LIST.test(figures) ? figures.replace(HAN_GAP, '') : figures;
}
/** Figures set apart by spaces: a table's cells. */
const FIGURE_CELLS = /\d%?[ \u00a0]+-?\d/;
/** Names of two or three characters set apart by spaces after a key's colon, to the line's end. */
const NAME_LIST = /[：:]\s*(?:[\u4e00-\u9fff·]{2,4}[ \u00a0]+){2,}[\u4e00-\u9fff·]{2,4}\s*$/;

/** A sentence's end with more text after it on the same line: a paragraph that runs on (`润疆。加强…`). */
const RUN_ON = /[。！？!?；;][”’」』）)]?\s*[^\s”’」』）)]/;
/**
 * A body's lead-in sentence and more on the same line (`深入开展文化润疆。加强…`): a short sentence with no
 * comma, then text. A line whose first sentence has a comma (`结，其中予以公开30件。…`) goes on a sentence.
 */
const LEAD_IN = /^[^，,。！？!?；;]{2,40}[。！？!?；;][”’」』）)]?\s*[^\s”’」』）)]/;
/** A line that ends a sentence: a heading of its own that ends so is whole. */
const ENDS = /[。！？!?；;][”’」』）)]?$/;

/** A heading marker's level: （一） under 一、 under 第一章 / 第一部分. */
function headingKind(c: string): number {
  const ch = c.charCodeAt(0);
  if (ch === 0x28 || ch === 0xff08) return 2;
  return ch === 0x7b2c ? 0 : 1;
}

/**
 * The numbered heading lines of a hard-wrapped text that fill their line (with no sentence run on
 * inside it), and that the text sets as lines of their own: the nearest headings of the same level
 * in the same chapter (before and after, those that tell) are lines of their own, shorter than the
 * wrap. Where those run into their paragraph after a sentence (`（一）扩大内需。我们…`, a review's
 * style), a full heading line may be such a paragraph's first line, and is not counted.
 */
function standAloneHeadings(lines: readonly string[], wrap: Wrap): Set<number> {
  const at: number[] = [];
  const kinds: number[] = [];
  // 1: a line of its own; -1: run into its paragraph; 0: fills its line (tells nothing).
  const styles: number[] = [];
  for (const [i, line] of lines.entries()) {
    if (!MAY_OPEN_HEADING.test(line)) continue;
    const c = cleanBlock(line);
    if (!HEADING_START.test(c)) continue;
    at.push(i);
    kinds.push(headingKind(c));
    // A short line ends its paragraph: the heading is a line of its own, also when it ends with 。 (重庆's style).
    styles.push(RUN_ON.test(c) ? -1 : wrap.measure(line.trimEnd()) < wrap.width - 2 * wrap.slack ? 1 : 0);
  }
  // The style of the nearest telling heading of the same level before each one (0: none), a higher level resetting it.
  const before = (order: number[]): number[] => {
    const seen = [0, 0, 0];
    const out = new Array<number>(at.length).fill(0);
    for (const k of order) {
      const kind = kinds[k];
      out[k] = seen[kind];
      for (let lower = kind + 1; lower < 3; lower++) seen[lower] = 0;
      if (styles[k] !== 0) seen[kind] = styles[k];
    }
    return out;
  };
  const forward = at.map((_, k) => k);
  const prev = before(forward);
  const next = before(forward.reverse());
  const found = new Set<number>();
  for (let k = 0; k < at.length; k++) {
    if (styles[k] !== 0) continue;
    if ((prev[k] === 1 || next[k] === 1) && prev[k] !== -1 && next[k] !== -1) found.add(at[k]);
  }
  return found;
}

/**
 * A hard-wrapped text's paragraphs: a line that reaches the wrap width runs on into the next, a
 * shorter one ends its paragraph, and a blank line always does. After a full line that ends a
 * sentence, a line that opens with a heading's marker or a note's starts a paragraph (as in a PDF). Where the
 * text sets its headings as lines of their own, a heading that fills its line (`（八）加快推进…，构建
 * 各民族共有精神家园`) is not run on into a line that ends a sentence and goes on (`深入开展文化润疆。
 * 加强…`): that is its body (a heading's own second line ends where the heading does); nor, when it
 * ends a sentence itself, into any line. Lines lose the spaces of the PDF's layout (withoutPdfGaps).
 */
export function joinHardWrapped(lines: readonly string[], wrap: Wrap): string[] {
  // Where some lines are indented and most are not (pdftotext -layout keeps a paragraph's indent),
  // an indented line starts a paragraph.
  let indented = 0;
  let nonEmpty = 0;
  for (const line of lines) {
    if (isBlankText(line)) continue;
    nonEmpty++;
    if (INDENT.test(line)) indented++;
  }
  const indents = indented >= nonEmpty * 0.03 && indented <= nonEmpty * 0.6;
  const alone = standAloneHeadings(lines, wrap);
  const out = new JoinedLines();
  let full = false;
  // The paragraph so far is one heading line with no sentence in it.
  let heading = false;
  // The line is a paragraph's first.
  let first = false;
  for (const [i, raw] of lines.entries()) {
    const line = withoutPdfGaps(raw);
    const c = cleanBlock(line);
    if (
      out.clean &&
      c &&
      full &&
      !(indents && INDENT.test(line)) &&
      !(BEFORE_HEADING.test(out.tail) && (HEADING_START.test(c) || NOTE_START.test(c))) &&
      !headingOfItsOwn(wrap, raw, c) &&
      !(heading && (ENDS.test(out.tail) || LEAD_IN.test(c))) &&
      !(labelAfterSentence(out.tail, c) && !isFull(wrap, wrap.measure(raw.trimEnd())))
    ) {
      out.join(c);
      heading = false;
      first = false;
    } else {
      out.push(line, c);
      heading = alone.has(i);
      first = !!c;
    }
    // Measured as cut: the wrap was found with the spaces of the layout. A paragraph's first line of prose
    // lost its indent (two characters: the slack again), unless the text keeps its indents; one that ends a
    // sentence is a paragraph of one line, and a heading or a caption (no prose punctuation) is set as it is.
    const w = wrap.measure(raw.trimEnd());
    const prose = IN_PROSE.test(c);
    full =
      !!c &&
      // A table's row of figures set apart by spaces never runs on.
      !(!prose && FIGURE_CELLS.test(raw)) &&
      (isFull(wrap, w) ||
        (prose && !SENTENCE_END.test(c) && !/[：:]$/.test(c) && w >= wrap.width / 2 && figureDidNotFit(wrap, w, lines[i + 1])) ||
        (first && (prose || SESSION_OPEN.test(c)) && !indents && !SENTENCE_END.test(c) && !MARKER_LINE.test(c) && isFull(wrap, w + wrap.slack)));
  }
  return out.lines();
}

/**
 * A short line (20 characters at most; a hard-wrapped text's caller also asks that it is short of the width) with no
 * punctuation at all after a full line that ends a sentence (`…取得顯著成效的一年。` / `基本介紹`): a label or a heading of its
 * own, not the paragraph's tail, which ends a sentence or a clause as every paragraph's last line does.
 */
export function labelAfterSentence(tail: string, c: string): boolean {
  return c.length <= 20 && ENDS.test(tail) && !/[，。、；：,;:！？!?）)”’」』]/.test(c);
}

/**
 * A numbered heading on a line of its own, short of the width, with no punctuation (`一、总体情况`): it starts a
 * paragraph even after a full line that does not end a sentence (`…电话:0451-57086300`, a URL, a closing bracket).
 */
function headingOfItsOwn(wrap: Wrap, raw: string, c: string): boolean {
  return (
    c.length <= 30 && HEADING_START.test(c) && !/[，。；：,;:！？!?、](?!$)|[，。；,;！？!?]$/.test(c.slice(2)) && !isFull(wrap, wrap.measure(raw.trimEnd()))
  );
}

/** A figure at a line's start with what may not open a line after it (`8.7:48.5:42.8。`, `16.9%、`): one piece for a line break. */
const LEADING_FIGURE = /^[ \u3000]*[0-9０-９][0-9０-９.．:：∶%％‰]*[。，、；：,;:%％)）”’]*/;

/**
 * Whether a line ends short only because the figure that opens the next line did not fit after it: a line is never
 * broken inside a figure (8.7:48.5:42.8, 16.9%、), so the line before one may stop well short of the width mid-sentence.
 */
function figureDidNotFit(wrap: Wrap, w: number, next: string | undefined): boolean {
  const figure = next === undefined ? null : LEADING_FIGURE.exec(next);
  return !!figure && isFull(wrap, w + wrap.measure(figure[0].trim()));
}

/** A session line's opening (——2025 年 1 月 19 日在…), prose with no punctuation before its end. */
const SESSION_OPEN = /日\s*(?:在|向)/;

/** A note's mark opening a line (`[3]三次产业划分标准…`, `注1：`): after a sentence, a new note. */
const NOTE_START = /^(?:\[\d{1,3}\]|［\d{1,3}］|【\d{1,3}】|注\d{0,2}[:：]|(?:注释|附注)[:：])/;

/** A line's indent: two spaces or tabs, or an ideographic space. */
const INDENT = /^(?:[ \t]{2,}|\u3000)/;

/**
 * Lines with a blank line after each (a PDF's double line spacing in pdftotext -layout): the blank
 * lines are spacing, not paragraph breaks, when at least 80% of the lines are followed by exactly one.
 */
export function withoutLineSpacing(lines: string[]): string[] {
  let nonEmpty = 0;
  let spaced = 0;
  for (let i = 0; i < lines.length && nonEmpty < SAMPLE_LINES; i++) {
    if (isBlankText(lines[i])) continue;
    nonEmpty++;
    if (i + 2 < lines.length && isBlankText(lines[i + 1]) && !isBlankText(lines[i + 2])) spaced++;
  }
  if (nonEmpty < 8 || spaced < nonEmpty * 0.8) return lines;
  return lines.filter((l, i) => !isBlankText(l) || (i > 0 && isBlankText(lines[i - 1])) || (i + 1 < lines.length && isBlankText(lines[i + 1])));
}
