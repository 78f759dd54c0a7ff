/**
 * Lines of text to a raw report: the page chrome removed (chrome.ts), the title taken from the
 * first line when it reads as one, and the rest as blocks. Plain text, Word paragraphs and the
 * paragraphs rebuilt from a PDF all come through here, so a title or a 来源： line is found the same
 * way in each.
 */
import { cleanBlock, type BlockHint, type RawItem } from '../model/index.ts';
import { chromeNote, REPORTISH, reportTitleOfLine, stripChrome, withoutPageJumps } from './chrome.ts';
import { BEFORE_HEADING, PAGE_NUMBER } from './marks.ts';

const SENTENCE_END = /[。！？!?；;：:…—]$|[。！？!?][”’」』）)]$/;
/**
 * A date alone on a line of the front matter: 2017年3月16日, in brackets (（2017年3月16日）), after a dash
 * (——2017年3月16日), or with the session it was delivered at (——2024年1月15日在某区第十八届人民代表大会第二次会议上),
 * also with its speaker (…会议上天津市市长张工同志作政府工作报告。).
 */
const FRONT_DATE =
  /^(?:[—–-]{1,2}|[（(])?\s*([0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)\s*(?:[）)]|在[^。，；]{2,40}上(?:[^。，；]{0,30}作[^。，；]{0,12}[报報]告)?。?)?$/;
const MARKER_LINE =
  /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+(?:章|部分)|[0-9０-９]{4}\s*年|[0-9０-９]{1,2}\s*(?:[、)）]|[.．](?![0-9０-９]))|[（(][0-9０-９]{1,2}[)）])/;
const CLOSING_DATE = /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月/;

/** A line that holds invisible characters only (with white space, perhaps). */
const ONLY_INVISIBLE = /^[\s\u00a0\u3000]*[\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff][\s\u00a0\u3000\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]*$/;

/**
 * The lines of a text. A line that holds only invisible characters (a zero-width space) is not a
 * paragraph break: it goes, and when the line before it does not end a sentence and the line after
 * it follows at once, the two are one line again (要全面深化各领域改 / U+200B / 革，…).
 */
export function textLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A string split when the text has no CR (most have none): much faster than a regex split.
  let lines = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
  lines = body.includes('\f') ? withoutPageBreaks(lines) : withoutDashedPageNumbers(lines);
  if (!/[\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]/.test(text)) return lines;
  const out = new JoinedLines();
  for (let i = 0; i < lines.length; i++) {
    if (!ONLY_INVISIBLE.test(lines[i])) {
      out.push(lines[i]);
      continue;
    }
    const next = i + 1 < lines.length ? cleanBlock(lines[i + 1]) : '';
    if (out.clean && next && !SENTENCE_END.test(out.tail) && !MARKER_LINE.test(next) && !CLOSING_DATE.test(next)) {
      out.join(next);
      i++;
    }
  }
  return out.lines();
}

/**
 * A text with form feeds (a PDF's text saved by pdftotext, a printout): each feed starts a new page,
 * and the blank lines at a page's end go. Page numbers go where the text has them: alone on the last
 * line of most pages, or else on the first line of most pages, counting the pages (a table's cell at
 * a page's edge stays). The feed is a line break: a paragraph that runs over the
 * page still runs on (a hard-wrapped text is joined later).
 */
/** A page number as 公文 sets it, between dashes (`— 1 —`, `- 12 -`): a page's number wherever it stands. */
const DASHED_PAGE_NUMBER = /^[—–－‒―-]{1,2}\s*([0-9０-９]{1,3})\s*[—–－‒―-]{1,2}$/;

/**
 * A text with no form feeds that still has its page numbers in the flow (a PDF's text copied, the
 * page ends lost): lines of a dashed page number (`— 1 —`) that count up through the text go.
 */
function withoutDashedPageNumbers(lines: string[]): string[] {
  const at: number[] = [];
  const values: number[] = [];
  for (const [i, line] of lines.entries()) {
    const m = line.length <= 16 ? DASHED_PAGE_NUMBER.exec(line.trim()) : null;
    if (m) {
      at.push(i);
      values.push(Number(m[1].normalize('NFKC')));
    }
  }
  if (at.length < 2) return lines;
  let up = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[k - 1] && values[k] - values[k - 1] <= 3) up++;
  if (up < (values.length - 1) * 0.6) return lines;
  const drop = new Set(at);
  return lines.filter((_, i) => !drop.has(i));
}

function withoutPageBreaks(lines: readonly string[]): string[] {
  const pages: string[][] = [[]];
  for (const line of lines) {
    const pieces = line.split('\f');
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) pages.push([]);
      // The feed itself is no line: a piece before or after it that is empty goes.
      if (pieces[k] || pieces.length === 1) pages[pages.length - 1].push(pieces[k]);
    }
  }
  const firstLine = (page: string[]) => page.findIndex((l) => cleanBlock(l));
  const lastLine = (page: string[]) => {
    let i = page.length - 1;
    while (i >= 0 && !cleanBlock(page[i])) i--;
    return i;
  };
  const isNumber = (page: string[], i: number) => i >= 0 && PAGE_NUMBER.test(cleanBlock(page[i]));
  // Each page that a feed ends has a foot; each page that a feed starts, a head. Page numbers are
  // on most of them, and count the pages: a table's figures at the pages' edges do not.
  const breaks = pages.length - 1;
  const numbered = (where: 'foot' | 'head') => {
    const found: { page: number; value: number }[] = [];
    for (let p = where === 'foot' ? 0 : 1; p < (where === 'foot' ? breaks : pages.length); p++) {
      const i = where === 'foot' ? lastLine(pages[p]) : firstLine(pages[p]);
      if (isNumber(pages[p], i)) found.push({ page: p, value: Number(/\d+/.exec(cleanBlock(pages[p][i]).normalize('NFKC'))?.[0] ?? Number.NaN) });
    }
    if (found.length < breaks * 0.6) return false;
    if (found.length === 1) return !(found[0].value > found[0].page + 3);
    let counting = 0;
    for (let k = 1; k < found.length; k++) if (found[k].value - found[k - 1].value === found[k].page - found[k - 1].page) counting++;
    return counting >= (found.length - 1) * 0.6 || found.every((f) => Number.isNaN(f.value));
  };
  const at = numbered('foot') ? 'foot' : numbered('head') ? 'head' : null;
  const out: string[] = [];
  for (const [p, page] of pages.entries()) {
    let kept = page;
    if (at === 'head' && p > 0 && isNumber(page, firstLine(page))) kept = page.slice(firstLine(page) + 1);
    if (at === 'foot' && p < breaks && isNumber(kept, lastLine(kept))) kept = kept.slice(0, lastLine(kept));
    // The blank lines at a page's end (pdftotext ends each page with one): a paragraph runs on over the page.
    if (p < breaks) kept = kept.slice(0, lastLine(kept) + 1);
    out.push(...kept);
  }
  return out;
}

/** As many characters of a line's start as MARKER_LINE reads (a marker is a few characters long). */
const HEAD = 64;

/**
 * Lines, the last of which may be joined from pieces. What the joining rules ask of the last line
 * (its cleaned start and end) is kept as it grows, and the pieces are joined once at the end: a
 * test of the whole line after each join would take time in the square of its pieces (100k short
 * lines that run on).
 */
class JoinedLines {
  private readonly out: string[] = [];
  private pieces: string[] | null = null;
  /** The last line, cleaned (empty when blank). */
  clean = '';
  /** Its first HEAD and last two characters, made when a rule first asks (most lines are never asked). */
  private headText: string | null = null;
  private tailText: string | null = null;

  get head(): string {
    this.headText ??= this.clean.slice(0, HEAD);
    return this.headText;
  }

  get tail(): string {
    this.tailText ??= this.clean.slice(-2);
    return this.tailText;
  }

  /** Adds a line; `clean` is its cleaned text when the caller has it already. */
  push(line: string, clean = cleanBlock(line)): void {
    this.close();
    this.out.push(line);
    this.clean = clean;
    this.headText = null;
    this.tailText = null;
  }

  /** Joins a cleaned piece to the last line (which becomes its cleaned text). */
  join(piece: string): void {
    const { head, tail } = this;
    if (!this.pieces) this.pieces = [this.clean];
    this.pieces.push(piece);
    if (head.length < HEAD) this.headText = (head + piece).slice(0, HEAD);
    this.tailText = (tail + piece).slice(-2);
  }

  private close(): void {
    if (!this.pieces) return;
    this.out[this.out.length - 1] = this.pieces.join('');
    this.clean = this.out[this.out.length - 1];
    this.pieces = null;
  }

  lines(): string[] {
    this.close();
    return this.out;
  }
}

/**
 * In a text whose paragraphs are separated by blank lines, a line that runs on without a blank
 * line is a paragraph broken by its source (Wikisource breaks lines around links): `新建` /
 * `高速铁路` / `投产里程…`, or `一是` / `发行1000亿元…`. Join such fragments back. A line that
 * ends a sentence, a heading line, and a closing date are never joined, unless a title in book marks
 * runs over the break (`三、关于《` / `…纲要（草案）` / `》的说明`).
 */
function joinWrappedLines(lines: string[]): string[] {
  const blank = (l: string) => !cleanBlock(l);
  let nonEmpty = 0;
  // Lines that run on: a non-blank line right after another.
  let runOn = 0;
  let before = false;
  for (const line of lines) {
    const here = !blank(line);
    if (here) nonEmpty++;
    if (here && before) runOn++;
    before = here;
  }
  if (nonEmpty < 4 || runOn / nonEmpty >= 0.5) return lines; // one paragraph per line: nothing to join
  const out = new JoinedLines();
  for (const line of lines) {
    const c = cleanBlock(line);
    // A title in book marks broken around its link (`三、关于《` / `…纲要（草案）` / `》的说明`) is always joined: no
    // paragraph ends on an open 《 or starts with 》, a heading line's included.
    const inTitle = out.clean && c && (out.tail.endsWith('《') || c.startsWith('》'));
    if (inTitle || (out.clean && c && !SENTENCE_END.test(out.tail) && !MARKER_LINE.test(out.head) && !MARKER_LINE.test(c) && !CLOSING_DATE.test(c)))
      out.join(c);
    else out.push(line, c);
  }
  return out.lines();
}

/** Display width: a CJK, full-width or Chinese punctuation character counts two, others one. */
function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a pair: counted with the first
    w +=
      (c >= 0x2010 && c <= 0x206f) ||
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
  return w;
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
function wrapOf(lines: readonly string[]): Wrap | null {
  // A sample is enough to tell (a text of millions of lines costs no more than its first lines).
  const texts: string[] = [];
  let long = 0;
  for (let i = 0; i < lines.length && texts.length < SAMPLE_LINES; i++) {
    if (!cleanBlock(lines[i])) continue;
    const t = lines[i].trimEnd();
    texts.push(t);
    if (t.length >= 10) long++;
  }
  if (long < 8) return null;
  let found: (Wrap & { n: number; compacts: boolean }) | null = null;
  for (const { measure, slack, narrowest, compacts } of MEASURES) {
    const counts = new Array<number>(MAX_WRAP + 1).fill(0);
    const widths = texts.map(measure);
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
    // The measures with the spaces first; without them only when those find no wrap.
    if (found && compacts && !found.compacts) break;
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
/** A table's row of cells set apart by spaces (`项目 数量 金额`, `45 12 0`): no prose punctuation, cells of words or of figures. */
const CELLS = new RegExp(`[${HAN}][ \\u00a0]+[${HAN}]|\\d[ \\u00a0]+\\d`);

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
function joinHardWrapped(lines: readonly string[], wrap: Wrap): string[] {
  // Where some lines are indented and most are not (pdftotext -layout keeps a paragraph's indent),
  // an indented line starts a paragraph.
  let indented = 0;
  let nonEmpty = 0;
  for (const line of lines) {
    if (!cleanBlock(line)) continue;
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
      !(heading && (ENDS.test(out.tail) || LEAD_IN.test(c)))
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
        (first && (prose || SESSION_OPEN.test(c)) && !indents && !SENTENCE_END.test(c) && !MARKER_LINE.test(c) && isFull(wrap, w + wrap.slack)));
  }
  return out.lines();
}

/** A session line's opening (——2025 年 1 月 19 日在…), prose with no punctuation before its end. */
const SESSION_OPEN = /日\s*(?:在|向)/;

/** A note's mark opening a line (`[3]三次产业划分标准…`, `注1：`): after a sentence, a new note. */
const NOTE_START = /^(?:\[\d{1,3}\]|［\d{1,3}］|【\d{1,3}】|注\d{0,2}[:：])/;

/** A line's indent: two spaces or tabs, or an ideographic space. */
const INDENT = /^(?:[ \t]{2,}|\u3000)/;

/**
 * Lines with a blank line after each (a PDF's double line spacing in pdftotext -layout): the blank
 * lines are spacing, not paragraph breaks, when at least 80% of the lines are followed by exactly one.
 */
function withoutLineSpacing(lines: string[]): string[] {
  let nonEmpty = 0;
  let spaced = 0;
  for (let i = 0; i < lines.length && nonEmpty < SAMPLE_LINES; i++) {
    if (!cleanBlock(lines[i])) continue;
    nonEmpty++;
    if (i + 2 < lines.length && !cleanBlock(lines[i + 1]) && cleanBlock(lines[i + 2])) spaced++;
  }
  if (nonEmpty < 8 || spaced < nonEmpty * 0.8) return lines;
  return lines.filter((l, i) => cleanBlock(l) || (i > 0 && !cleanBlock(lines[i - 1])) || (i + 1 < lines.length && !cleanBlock(lines[i + 1])));
}

/** The paragraphs of plain text: hard-wrapped lines joined at their width, else fragments joined (joinWrappedLines). */
function joinTextLines(lines: string[]): string[] {
  // Double-spaced lines are read without the spacing when they are hard-wrapped.
  const unspaced = withoutLineSpacing(lines);
  const wrap = unspaced !== lines ? wrapOf(unspaced) : null;
  if (wrap) return joinHardWrapped(unspaced, wrap);
  const plain = wrapOf(lines);
  return plain ? joinHardWrapped(lines, plain) : joinWrappedLines(lines);
}

/**
 * A numbered heading that its source broke into two paragraphs or lines (Word: `三、持续提升政府` /
 * `治理效能和服务水平`): a short heading that does not end in punctuation, followed (after at most one
 * blank line) by a short run of ideographs with no punctuation and no marker of its own, then by a
 * paragraph of sentences (not a table's caption and cells: `三、收到和处理…申请情况` / `申请人情况`), is one heading.
 * Hints follow their lines (the heading keeps its own).
 */
function joinBrokenHeadings(lines: string[], hints: (BlockHint | undefined)[] | null): { lines: string[]; hints: (BlockHint | undefined)[] | null } {
  const out: string[] = [];
  const outHints: (BlockHint | undefined)[] | null = hints ? [] : null;
  for (let i = 0; i < lines.length; i++) {
    // Most lines open with no marker: told at once, before a line is cleaned.
    const c = MAY_OPEN_HEADING.test(lines[i]) ? cleanBlock(lines[i]) : '';
    if (c.length <= 30 && HEADING_START.test(c) && !HEADING_END_PUNCT.test(c)) {
      let j = i + 1;
      if (j < lines.length && !cleanBlock(lines[j])) j++;
      const next = j < lines.length ? cleanBlock(lines[j]) : '';
      // …and the text resumes after it: a paragraph of sentences, not a table's caption or cells.
      let k = j + 1;
      if (k < lines.length && !cleanBlock(lines[k])) k++;
      const after = k < lines.length ? cleanBlock(lines[k]) : '';
      const resumes = after.length >= 20 && /[。，；]/.test(after);
      // A heading of one character is none: a table's row label broken at its cell's width (（三）不 / 予公开,
      // 政府信息公开's standard table from a PDF), whatever follows (a heading of two, 一、综合, is).
      const stub = c.length - (HEADING_START.exec(c)?.[0].length ?? 0) <= 1;
      if (next && next.length <= 20 && c.length + next.length <= 40 && CONTINUATION.test(next) && !HEADING_START.test(next) && (resumes || stub)) {
        out.push(c + next);
        outHints?.push(hints?.[i]);
        i = j;
        continue;
      }
    }
    out.push(lines[i]);
    outHints?.push(hints?.[i]);
  }
  return { lines: out, hints: outHints };
}

/**
 * A date alone on a line of the front matter (黔东南州统计局 / 2017年3月16日), before the first
 * sentence or heading: when the document was published, for a source that gives no date. The line
 * stays in the body.
 */
export function frontMatterDate(blocks: readonly string[]): string | null {
  for (const l of blocks.slice(0, 8)) {
    const c = cleanBlock(l);
    const d = FRONT_DATE.exec(c);
    if (d) return d[1];
    if ((c.length >= 20 && /[。，；]/.test(c)) || MARKER_LINE.test(c)) return null;
  }
  return null;
}

/** joinBrokenHeadings over a page's blocks (HTML: a Word document saved as a page keeps Word's two paragraphs). */
export function joinBrokenHeadingBlocks(blocks: string[]): string[] {
  return joinBrokenHeadings(blocks, null).lines;
}

const HEADING_END_PUNCT = /[。，；：:！？!?,;、]$/;
/** The rest of a broken heading: ideographs (and quotes, book marks) only. */
const CONTINUATION = /^[\u4e00-\u9fff“”‘’《》]+$/;

/** A CJK ideograph (U+4E00–U+9FFF), by code unit. */
const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** A line that may open with HEADING_START's marker once cleaned: past the white space and invisible characters cleanBlock trims. */
const MAY_OPEN_HEADING = /^[\s\u0085\u180e\u200b-\u200f\u2060-\u2069\ufeff]*[（(一二三四五六七八九十第]/;

const HEADING_START = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.]|第[一二三四五六七八九十]+[章部、，])/;

/**
 * An official document's number line (南府报〔2019〕3号): metadata above the title, not the title. A
 * report to a higher office names its signer on the same line (南府报〔2019〕3号　签发人：张三).
 */
/** A label set above a document's title (`正文`, `全文`). */
const LABEL_LINE = /^(?:正\s*文|全\s*文)$/;
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,10}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号(?:\s*签发人\s*[:：].{1,20})?$/;

export interface LinesOptions {
  /** Join lines that a source wrapped inside a paragraph (plain text); Word and PDF paragraphs are whole already. */
  joinWrapped: boolean;
  /** Hints parallel to the lines (Word: tables, bold, heading styles). */
  hints?: (BlockHint | undefined)[];
}

/** A report from lines of text: the chrome removed, the first line the title when it reads as one. */
export function linesToItem(input: readonly string[], options: LinesOptions): RawItem {
  // Hints travel with their lines through the chrome removal: index them by the line's string object.
  const hinted = options.hints ? input.map((l, i) => ({ l, h: options.hints?.[i] })) : null;
  const chrome = stripChrome(input);
  let hints: (BlockHint | undefined)[] | null = null;
  if (hinted) {
    // stripChrome keeps the kept lines in order: walk both lists.
    hints = [];
    let j = 0;
    for (const l of chrome.lines) {
      while (j < hinted.length && hinted[j].l !== l) j++;
      hints.push(hinted[j]?.h);
      j++;
    }
  }
  // A newspaper's page-jump notes (（下转第四版）（紧接第一版）) go from the text; the line stays where it was.
  const lines = chrome.lines.map(withoutPageJumps);
  const nextLine = (from: number) => {
    let k = from;
    while (k < lines.length && !cleanBlock(lines[k])) k++;
    return k;
  };
  const front: number[] = [];
  let first = nextLine(0);
  // A label above the document (`正文`, as a PDF converter or a site's tab writes it) is no title; it stays in the body.
  if (LABEL_LINE.test(cleanBlock(lines[first] ?? ''))) {
    front.push(first);
    first = nextLine(first + 1);
  }
  // 公文 layout: the document number comes first; it stays in the body, the title is below it.
  if (DOC_NUMBER.test(cleanBlock(lines[first] ?? ''))) {
    front.push(first);
    first = nextLine(first + 1);
  }
  let title: string | null = null;
  // A page's title line copied with the page (…报告|大力_网易订阅, 全文来了！…报告): its report's part.
  const candidate = reportTitleOfLine(cleanBlock(lines[first] ?? ''));
  let hasMore = false;
  for (let k = first + 1; k < lines.length && !hasMore; k++) hasMore = !!cleanBlock(lines[k]);
  if (
    candidate &&
    hasMore &&
    candidate.length <= 80 &&
    !hints?.[first]?.table &&
    !/[。！？!?：:；;，,]$/.test(candidate) &&
    !HEADING_START.test(candidate) &&
    !/^(?:目\s*录|目\s*次)$/.test(candidate) &&
    // A title names something in words: `2024 [1]` (a PDF's title lost, a footnote mark left) is none;
    // a title spaced out across its line (政 府 工 作 报 告) is one.
    /[\u3400-\u9fffA-Za-z]{2}/.test(candidate.replace(/[\s\u3000]+/g, '')) &&
    !/^(?:\d{4}\s*年)?[^。]{0,30}(?:工作情况|工作计划)$/.test(candidate)
  ) {
    title = candidate;
    first++;
    // What the rules ask of the title, kept as it grows (a title joined from thousands of pieces
    // is never searched again from its start): a report word, a digit, its length and last character.
    let reportWord = /报告|情况|总结/.test(candidate);
    let reportish = REPORTISH.test(candidate);
    let digit = /\d/.test(candidate);
    let length = candidate.length;
    // The last piece joined (its last character is the title's).
    let last = candidate;
    const pieces = [candidate];
    for (;;) {
      const next = nextLine(first);
      const piece = cleanBlock(lines[next] ?? '');
      // A title broken over lines by its source (政府工作报 / 告), an issuer line followed by
      // 关于…的报告, or by the year and the report (黔东南苗族侗族自治州 / 2016年…统计公报): join the rest back.
      const tail =
        piece.length <= 2 &&
        /^[\u4e00-\u9fff]{1,2}$/.test(piece) &&
        isCjk(last.charCodeAt(last.length - 1)) &&
        (!reportish || REPORTISH.test(last.slice(-1) + piece));
      // The type may be followed by a note in brackets: …计划（草案）, …意见（试行）.
      const about = !reportWord && /^关于.{2,60}(?:报告|情况|总结|意见)(?:[（(][\u4e00-\u9fff]{1,6}[)）])?$/.test(piece);
      // The rest of a title cut at the page's width (2025 年上海市人民政府办公厅政府信息公开 / 工作年度报告): a few
      // Chinese characters that end in the report word the title lacks.
      const rest =
        !reportWord &&
        !reportish &&
        // The first line is a title's head: its year, cut after a Chinese character; the piece is no title of its own.
        /(?:19|20)\d{2}/.test(candidate) &&
        isCjk(last.charCodeAt(last.length - 1)) &&
        piece.length <= 12 &&
        /^[\u4e00-\u9fff]{2,12}$/.test(piece) &&
        /(?:报告|公报|总结)$/.test(piece) &&
        !/^(?:政府|国民经济|法治|关于)/.test(piece);
      const yearTitle =
        !reportish && !digit && length <= 30 && /^(?:19|20)\d{2}\s*年.{2,60}(?:报告|公报|总结|要点|计划)(?:[（(][\u4e00-\u9fff]{1,6}[)）])?$/.test(piece);
      if (!tail && !about && !yearTitle && !rest) break;
      // A word across the join (报 / 告) is seen in the last character and the piece; once a word
      // is seen, no seam is made again (a title joined from a million pieces).
      if (!reportWord || !reportish) {
        const seam = last.slice(-1) + piece;
        reportWord ||= /报告|情况|总结/.test(seam);
        reportish ||= REPORTISH.test(seam);
      }
      digit ||= /\d/.test(piece);
      length += piece.length;
      last = piece;
      pieces.push(piece);
      first = next + 1;
    }
    title = pieces.join('');
  }
  // The document number (front) and the lines after the title.
  const bodyLines = front.length ? [...front.map((i) => lines[i]), ...lines.slice(first)] : lines.slice(first);
  const bodyHints = hints ? [...front.map((i) => hints[i]), ...hints.slice(first)] : null;
  const joined = joinBrokenHeadings(options.joinWrapped ? joinTextLines(bodyLines) : bodyLines, options.joinWrapped ? null : bodyHints);
  const blocks = joined.lines;
  // The page's time line is when it was published: the item's date, as a feed item's pubDate is.
  const date = chrome.dateLine ?? frontMatterDate(blocks);
  const item: RawItem = { title, link: null, date, blocks, diagnostics: chromeNote(input, chrome.lines) };
  if (joined.hints?.some((h) => h)) item.hints = joined.hints;
  if (chrome.sourceLine) item.sourceLine = chrome.sourceLine;
  if (chrome.dateLine) item.dateLine = chrome.dateLine;
  if (chrome.authorLine) item.authorLine = chrome.authorLine;
  return item;
}
