/**
 * What the line readers share (lines.ts, wrap.ts): the line that the joining rules grow piece by
 * piece, and the line starts and ends they ask about.
 */
import { cleanBlock } from '../model/index.ts';

/** A line that ends a sentence, a colon or a dash (a paragraph's last line). */
export const SENTENCE_END = /[。！？!?；;：:…—]$|[。！？!?][”’」』）)]$/;
/** A line that opens with a marker: a heading's, a list item's, a year's. */
export const MARKER_LINE =
  /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+(?:章|部分)|[0-9０-９]{4}\s*年|[0-9０-９]{1,2}\s*(?:[、)）]|[.．](?![0-9０-９]))|[（(][0-9０-９]{1,2}[)）])/;

/** A line that may open with HEADING_START's marker once cleaned: past the white space and invisible characters cleanBlock trims. */
export const MAY_OPEN_HEADING = /^[\s\u0085\u180e\u200b-\u200f\u2060-\u2069\ufeff]*[（(一二三四五六七八九十第]/;

/** A heading's marker at a line's start: （一）, 一、 (一﹑), 第一章 (and 第一，, which opens a list item). */
export const HEADING_START = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.﹑]|第[一二三四五六七八九十]+[章部、，])/;

/** A cell's piece that belongs to the one before it: a unit in brackets, or punctuation that closes or follows. */
const ATTACHED_START = /^[（(［【《〈）)］】》〉，,。、；;：:%％]/;
/** A piece that the next one continues: an open bracket. */
const OPEN_END = /[（(［【《〈]$/;

/** A piece of a word a narrow cell broke: a few Chinese characters and nothing else. */
const WORD_PIECE = /^[\u4e00-\u9fff]{1,4}$/;

/**
 * The paragraphs of one table cell as one text, a space between them (two labels in one cell,
 * `发电量` / `自来水生产产量`, stay two words), except before a unit in brackets or punctuation
 * (`绝对额` / `（万元）`, the column's header wrapped before its unit), after an open bracket, and inside a word a
 * narrow column broke (`商业` / `企业`, `法律服务` / `机构`, `结果` / `纠正`: the 政府信息公开 template's headers): a
 * cell of two or three pieces of Chinese characters only, the first of at most four, each later one of at most two
 * and no unit (`数值` / `万元` stays two words).
 */
export function joinCellParts(parts: readonly string[]): string {
  const out: string[] = [];
  let last = '';
  const word = brokenWord(parts);
  for (const piece of parts) {
    const part = cleanBlock(piece);
    if (!part) continue;
    // The last piece's end, not the whole text's: a cell of thousands of paragraphs (a page laid out in one) stays linear.
    if (out.length && !word && !ATTACHED_START.test(part) && !OPEN_END.test(last)) out.push(' ');
    out.push(part);
    last = part;
  }
  return out.join('');
}

/** A unit under its column's label (数值 / 万元): a word of its own. */
const UNIT = /^(?:[万亿千百])?(?:元|个|件|人|人次|次|户|家|吨|亩|公顷|公里|平方米|千瓦时|辆|项|条|所|张|篇|期|头|台|只|套|座|艘|千克|小时|册|部)$/;
/** A first piece that is a word of its own over the next: 其中 / 城镇, 年份 / 指标 (a corner's header). */
const OWN_WORD = /^(?:其中|年份|项目|合计|小计|总计)$/;

function brokenWord(parts: readonly string[]): boolean {
  if (parts.length < 2 || parts.length > 3) return false;
  const pieces = parts.map((p) => cleanBlock(p)).filter((p) => p);
  return (
    pieces.length >= 2 &&
    WORD_PIECE.test(pieces[0]) &&
    pieces[0].length >= 2 &&
    !OWN_WORD.test(pieces[0]) &&
    pieces.slice(1).every((p) => WORD_PIECE.test(p) && p.length <= 2 && p.length <= pieces[0].length && !UNIT.test(p))
  );
}

/** As many characters of a line's start as MARKER_LINE reads (a marker is a few characters long). */
const HEAD = 64;
const END = 24;

/**
 * A line that stops in mid-sentence for certain: on a particle, a preposition or a conjunction (…发展的, …以PM),
 * an open quote or bracket, a comma, or inside a quote it opened (…成果找市场“双向). A line that only lacks its
 * last 。 (…健康发展), a caption (…增长速度) or a table's cell (…10万人) does not.
 */
export function stopsMidSentence(end: string): boolean {
  if (/[的地得是在和与及以对为把从向按了将让由被之于而并或且同等“‘《（(【，、]$|[A-Za-z]$/.test(end)) return true;
  return end.lastIndexOf('“') > end.lastIndexOf('”');
}

/**
 * Lines, the last of which may be joined from pieces. What the joining rules ask of the last line
 * (its cleaned start and end) is kept as it grows, and the pieces are joined once at the end: a
 * test of the whole line after each join would take time in the square of its pieces (100k short
 * lines that run on).
 */
export class JoinedLines {
  private readonly out: string[] = [];
  private pieces: string[] | null = null;
  /** The last line, cleaned (empty when blank). */
  clean = '';
  /** Its first HEAD and last two characters, made when a rule first asks (most lines are never asked). */
  private headText: string | null = null;
  private tailText: string | null = null;
  private endText: string | null = null;

  get head(): string {
    this.headText ??= this.clean.slice(0, HEAD);
    return this.headText;
  }

  get tail(): string {
    this.tailText ??= this.clean.slice(-2);
    return this.tailText;
  }

  /** Its last END characters (enough to see a quote left open). */
  get end(): string {
    // After joins, from the last pieces (joins keep it only once asked: most lines are never asked).
    if (this.endText === null) {
      let text = '';
      const pieces = this.pieces ?? [this.clean];
      for (let k = pieces.length - 1; k >= 0 && text.length < END; k--) text = pieces[k] + text;
      this.endText = text.slice(-END);
    }
    return this.endText;
  }

  /** Adds a line; `clean` is its cleaned text when the caller has it already. */
  push(line: string, clean = cleanBlock(line)): void {
    this.close();
    this.out.push(line);
    this.clean = clean;
    this.headText = null;
    this.tailText = null;
    this.endText = null;
  }

  /** Joins a cleaned piece to the last line (which becomes its cleaned text). */
  join(piece: string): void {
    const { head, tail } = this;
    if (!this.pieces) this.pieces = [this.clean];
    this.pieces.push(piece);
    if (head.length < HEAD) this.headText = (head + piece).slice(0, HEAD);
    this.tailText = (tail + piece).slice(-2);
    if (this.endText !== null) this.endText = (this.endText + piece).slice(-END);
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
