/**
 * From a raw item (title, link, date, blocks of text) to a Report: metadata, the
 * read-only document text, content-derived paragraph ids and the outline.
 */
import type { BlockRole, Diagnostic, OutlineNode, Paragraph, RawItem, Report } from '../model/index.ts';
import { buildOutline } from './outline.ts';
import { parseStructure } from './parse.ts';
import { cleanBlock, detach, hash32, parenDepth, safeTerminalText, scanBlock, withoutInjectedSpam } from '../model/index.ts';
import { parseDate } from '../model/index.ts';
import { diag } from '../model/index.ts';
import { bylineLength, findTitle, readMetadata } from './metadata.ts';

/** The title of the one part a report with no markers at all is shown as. */
export const FULL_TEXT = '全文';

/**
 * Strong signs of a licence footer (anywhere in a line) or of page chrome (a short line that
 * is only links: 【打印本页】【关闭窗口】, 分享到：微信 微博). A report sentence that shares its
 * experience (经验分享到全区) is not chrome.
 */
const LICENCE = /维基文库|Wikisource|^本作品|^Public domain/i;
const CHROME_LINE =
  /^[【[]?(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏|分享到|扫一扫在手机上?打开当前页)[】\]]?(?:[:：\s].{0,20})?$|^(?:[【[][^】\]]{1,8}[】\]]\s*){2,}$|^字号[:：]?\s*[大中小]/;
/**
 * A news page's footer: the related-news list (相关报道：), the editor (编辑：…, 责任编辑：…), the
 * source in parentheses at the end ((来源：青海日报)).
 */
const PAGE_FOOTER = /^(?:相关(?:报道|阅读|新闻|链接|文章|稿件)|延伸阅读|推荐阅读)[:：]?$|^(?:责任)?编辑[:：]\s*\S{1,12}$|^[（(]来源[:：][^）)]{1,20}[）)]$/;
/** A line made only of bracketed link items: 【字体：大 中 小】 【打印本页】 【关闭窗口】. */
const BRACKET_ITEMS = /^(?:[【[][^】\]]{1,12}[】\]]\s*){2,}$/;
const isJunk = (b: string) => LICENCE.test(b) || BRACKET_ITEMS.test(b) || (b.length <= 40 && (CHROME_LINE.test(b) || PAGE_FOOTER.test(b)));
const TINY_JUNK = /^(?:[0-9０-９]{1,3}|true|false|[、，。,.;；:：|\-—_·•*]+)$/i;
const CLOSING_DATE = /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日?)?$/;
const CLOSING_ISSUER = /^[\u4e00-\u9fff（）()]{2,30}(?:人民政府|政府|委员会|办公室|办公厅|办事处|局|厅|委|办|院)$/;

const HEX_DIGITS = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** `p` and the hash in 8 hex digits (hex8's), built as one string: a report may have millions of paragraphs. */
function paragraphKey(hash: number): string {
  const d = (shift: number) => HEX_DIGITS[(hash >>> shift) & 15];
  return String.fromCharCode(0x70, d(28), d(24), d(20), d(16), d(12), d(8), d(4), d(0));
}

/** A letter (CJK included) or a digit: a block without one is punctuation, symbols or spaces only. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Whether a block has a letter or a digit; most blocks start with a CJK character, which says so at once. */
function hasLetterOrDigit(b: string): boolean {
  const c = b.charCodeAt(0);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) return true;
  return LETTER_OR_DIGIT.test(b);
}

/** A syllable of pinyin with its tone mark in parentheses right after a character: a mirror's gloss (經(jīng)濟(jì)). */
const PINYIN = /(?<=[\u4e00-\u9fff])\([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}\)/g;
function withoutPinyin(s: string): string {
  return s.includes('(') ? s.replace(PINYIN, '') : s;
}

/** A block that starts by closing a parenthesis. */
const closes = (b: string) => b.charCodeAt(0) === 0x29 || b.charCodeAt(0) === 0xff09;

/**
 * Cleans the blocks (cleanBlock, only where needed), drops empty ones, and re-joins a paragraph
 * that a source broke around a subscript or footnote: `（PM` / `2.5` / `）浓度…` becomes
 * `（PM2.5）浓度…`. Only when a block leaves a parenthesis open and, within three short fragments,
 * a block starts by closing it. Adjacent blocks of punctuation and symbols only are one block.
 * Returns the blocks with their content hashes as 32-bit integers (small integers for V8: no heap
 * number per block; for the paragraph
 * ids) and whether each is a table row.
 */
/**
 * A report's name, then its session line on the same line: the dash (or an old forum's `--`) or a space (which goes with
 * neither: the lookbehind), the date, …会议上.
 */
const TITLE_THEN_SESSION =
  /^(\S[^。；，]{2,60}?(?:报告|報告)(?:[（(](?:摘要|节选|草案|全文)[)）])?)\s*((?:[—―－]{1,2}\s*|-{2}\s*|(?<=\s))(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月[^。]{0,80}?(?:会议|大会|會議|大會)上.*)$/;

/**
 * A report's name (统计公报, 工作报告, 年度报告, …情况报告; no sentence's punctuation), a space, then its text: a sentence that
 * opens with the year, 各位代表 or words, and goes on past a comma or a full stop.
 */
const TITLE_THEN_TEXT =
  /^(\S[^。；，,：:！？]{4,60}?(?:统计公报|統計公報|工作报告|工作報告|年度报告|年度報告|情况报告|情况的报告))[ \u3000]+((?:(?:19|20)\d{2}\s*年|各位代表|[\u4e00-\u9fff]{2})[^。，,]{0,120}[。，,].*)$/;

function prepareBlocks(raw: readonly string[]): { blocks: string[]; hashes: number[]; tables: boolean[] } {
  // Arrays of plain values, no object per block: a report of millions of one-character lines
  // builds them at the cost of the lines, not of as many objects for the collector.
  const blocks: string[] = [];
  const hashes: number[] = [];
  const tables: boolean[] = [];
  let open: number[] | null = null;
  // A run of blocks with no letter, digit or CJK character (）, ……, ——, <, &) is one block of
  // junk, not thousands of paragraphs: its pieces, joined when the run ends.
  let run: string[] | null = null;
  let lastJunk = false;
  const closeRun = () => {
    if (!run) return;
    const at = blocks.length - 1;
    const joined = run.join('');
    const sc = scanBlock(joined);
    blocks[at] = joined;
    hashes[at] = sc.hash | 0;
    if (open && open[open.length - 1] === at) open.pop();
    if (sc.unclosed) (open ??= []).push(at);
    run = null;
  };
  for (const given of raw) {
    // A mirror's pinyin after its characters (國民經(jīng)濟(jì)): junk a copy added, not the report's.
    // A hacked page's keywords run together by underscores (…情况BET3365手机下载_365体育…官网): not the report's.
    const unspammed = withoutInjectedSpam(given);
    let sc = scanBlock(unspammed);
    let r = unspammed;
    if (sc.asciiParen) {
      r = withoutPinyin(unspammed);
      if (r !== unspammed) sc = scanBlock(r);
    }
    // Most blocks are plain (scanBlock): nothing to make safe or clean, and no table row (no tab, no space).
    const plain = sc.plain;
    let safe = r;
    let b = r;
    if (!plain) {
      // Control characters (ESC, BEL, C1 CSI…) become visible symbols (see buildReport).
      safe = b = safeTerminalText(r);
      if (safe !== r) sc = scanBlock(b);
      // A data row's empty cells keep their place (821 35 - - 2 1 859), so its figures stay under their columns.
      const kept = safe.includes('\t\t') || safe.includes('\t ') ? withEmptyCells(safe) : safe;
      if (kept !== safe) sc = scanBlock((b = kept));
      if (sc.dirty) {
        b = cleanBlock(b);
        sc = scanBlock(b);
      }
    }
    if (!b) continue;
    // A title with its session line on one line (闵行区人民政府工作报告 ——2018年1月16日在…会议上 闵行区区长 倪耀明), or with its
    // first sentence after a space (…统计公报 2020年是近年来发展中极不平凡的一年，…: a forum's copy): two blocks.
    const parts = blocks.length < 8 ? (TITLE_THEN_SESSION.exec(b) ?? TITLE_THEN_TEXT.exec(b)) : null;
    if (parts) {
      closeRun();
      lastJunk = false;
      blocks.push(parts[1]);
      hashes.push(scanBlock(parts[1]).hash | 0);
      tables.push(false);
      b = parts[2];
      sc = scanBlock(b);
    }
    const junk = !hasLetterOrDigit(b);
    const table = (!plain && isTableRow(safe, b)) || isTemplateLabel(b);
    if (junk && lastJunk) {
      (run ??= [blocks[blocks.length - 1]]).push(b);
      if (table) tables[tables.length - 1] = true;
      continue;
    }
    closeRun();
    lastJunk = junk;
    if (sc.unclosed) (open ??= []).push(blocks.length);
    blocks.push(b);
    hashes.push(sc.hash | 0);
    tables.push(table);
  }
  closeRun();
  if (!open) return { blocks, hashes, tables };
  // The joins, in place: block i takes the blocks up to the one that closes its parenthesis, and
  // the blocks after it move up (w, the next place to write, never passes i).
  let w = 0;
  let next = 0;
  for (let i = 0; i < blocks.length; i++, w++) {
    let cur = blocks[i];
    let hash = hashes[i];
    const table = tables[i];
    while (next < open.length && open[next] < i) next++;
    if (open[next] === i) {
      // The depth is carried from piece to piece: a chain of joins (）（ / ）（ / …) is measured once.
      let depth = parenDepth(cur);
      let joined = false;
      while (depth > 0) {
        let j = i + 1;
        while (j < blocks.length && j - i <= 3 && blocks[j].length <= 12 && !closes(blocks[j])) j++;
        if (j < blocks.length && closes(blocks[j]) && j - i <= 4) {
          for (let k = i + 1; k <= j; k++) {
            cur += blocks[k];
            depth = parenDepth(blocks[k], depth);
          }
          joined = true;
          i = j;
        } else break;
      }
      if (joined) hash = scanBlock(cur).hash | 0;
    }
    blocks[w] = cur;
    hashes[w] = hash;
    tables[w] = table;
  }
  blocks.length = w;
  hashes.length = w;
  tables.length = w;
  return { blocks, hashes, tables };
}

/**
 * A row of a table: cells joined by tabs (the Word reader's rows; a tab after some text, so not an
 * indent), or a label followed by three or
 * more figures (a row of the 政府信息公开 tables as a PDF's text gives it: 一、本年新收…申请数量 21 0 0 0).
 * Its 一、 is a row's label, never a chapter.
 */
/** What stands for an empty cell between filled ones in a row of figures. */
const EMPTY_CELL = '-';

/**
 * A table row (cells joined by tabs) with an empty cell between filled ones, in a row of figures under a label (a
 * label, then figures only; a unit cell that a merged cell above leaves empty reads as `-` too): each
 * such cell as EMPTY_CELL, so that folding the tabs to spaces does not move the figures after it into its column (the
 * 政府信息公开 template's tables leave the cells of no case empty). Cells before the first filled one and after the
 * last stay empty; any other row (a heading row, a layout, a list item) is kept as it is.
 */
function withEmptyCells(row: string): string {
  const cells = row.split('\t');
  let first = -1;
  let last = -1;
  let figures = 0;
  let words = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i].trim();
    if (!c) continue;
    if (first < 0) first = i;
    else if (FIGURE_WORD.test(c)) figures++;
    else words++;
    last = i;
  }
  // A row of figures under its label: a label, then figures only (two at least). Not a list item (1. / 加强…), a
  // signature and its date, nor a row of words.
  if (figures < 2 || words > 0 || FIGURE_WORD.test(cells[first].trim())) return row;
  let changed = false;
  for (let i = first + 1; i < last; i++) {
    if (cells[i].trim()) continue;
    cells[i] = EMPTY_CELL;
    changed = true;
  }
  return changed ? cells.join('\t') : row;
}

function isTableRow(raw: string, clean: string): boolean {
  return /\S\t/.test(raw) || endsInFigures(clean) || isBarRow(clean);
}

/**
 * A row whose cells a page's copy sets apart by bars, with no bar before the first (三、本年度办理结果 | (一)予以公开 | 0 | 0 |,
 * 信息内容 | 本年新制作数量 | 本年新公开数量 |): two bars at least, and a bar at its end, or two figures among its cells, or
 * four short cells. Its markers head nothing.
 */
function isBarRow(s: string): boolean {
  let bars = 0;
  for (let i = 0; i < s.length && bars < 2; i++) if (s.charCodeAt(i) === 0x7c || s.charCodeAt(i) === 0xff5c) bars++;
  if (bars < 2) return false;
  if (/[|｜]\s*$/.test(s)) return true;
  const cells = s.split(/\s*[|｜]\s*/).filter((c) => c);
  return cells.filter((c) => FIGURE_WORD.test(c)).length >= 2 || (cells.length >= 4 && cells.every((c) => c.length <= 20));
}

/**
 * A row label of the tables every 政府信息公开 report carries (国办公开办函〔2021〕30号's template), set alone on
 * its line (a converter makes the label a heading above its figures): 一、本年新收政府信息公开申请数量, 三、本年度办理结果,
 * and the refusals under 三 alone on their line ((三)不予公开, (六)其他处理). A label, never a chapter or section of the
 * report. ((一)予以公开 and (二)部分公开 may be a section's words too: they stay headings.)
 */
const TEMPLATE_LABEL =
  /^(?:[一二三四][、.．]\s*(?:本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|本年度办理结果|结转下年度继续办理)|[（(][三四五六][)）]\s*(?:不予公开|无法提供|不予处理|其他处理)$)/;
function isTemplateLabel(b: string): boolean {
  // Most blocks are long or open otherwise: told by a character or two before the pattern.
  if (b.length > 60) return false;
  const c0 = b.charCodeAt(0);
  const c1 = b.charCodeAt(1);
  return (c0 === 0xff08 || c0 === 0x28 || c1 === 0x3001 || c1 === 0x2e || c1 === 0xff0e) && TEMPLATE_LABEL.test(b);
}

const FIGURE_WORD = /^-?[\d.,]+%?$/;
/** JavaScript's `\s`, by code unit. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
/** What a figure word ends with: a digit, a point, a comma or %. */
const endsFigure = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c || c === 0x25;

/**
 * The last three words (between white space) are figures, after some other text: what
 * `/\S\s+-?[\d.,]+%?(?:\s+-?[\d.,]+%?){2,}$/` asks, read from the end (that regex, tried from
 * every position of a line of thousands of figures that does not end in one, is quadratic).
 */
function endsInFigures(text: string): boolean {
  if (!endsFigure(text.charCodeAt(text.length - 1))) return false;
  let end = text.length;
  for (let count = 0; count < 3; count++) {
    let start = end;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    if (start === end || !FIGURE_WORD.test(text.slice(start, end))) return false;
    end = start;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    if (end === start) return false; // no white space before it: the start of the text
  }
  return end > 0;
}

/**
 * The head of trailing material inside the report: an appendix (附件, 附表, 附录, also numbered and with its
 * title: 附件1：2025年省十件民生实事; 附件：… alone lists a document's attachments), a glossary
 * (名词解释, 《政府工作报告》有关内容名词注释), notes (注释：, 注：1.…, [1]…), a 资料来源 block.
 */
const APPENDIX_HEAD =
  /^(?:附件|附表|附录|名词解释|名词注释|注释|注解|资料来源|数据来源)\s*[0-9０-９一二三四五六七八九十]{0,2}\s*[:：]?$|^.{0,24}(?:名词解释|名词注释|术语解释)[:：]?$|^(?:注|注释|说明|附注)\s*[:：]\s*(?:[0-9０-９]{1,2}\s*[.．、]|[[［(（]?[0-9０-９]{1,2}[\]］)）])|^[[［][0-9０-９]{1,2}[\]］]\s*\S/;
/** A numbered appendix with its title (附件1：2025年省十件民生实事): one only when text follows it, not a list of attachments. */
const TITLED_APPENDIX = /^(?:附件|附表|附录)\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[:：]\s*[^。；，,;]{2,40}$/;

interface Tail {
  roles: (BlockRole | null)[];
  /** The first block of trailing junk (licence footer, page links), or null. */
  junkFrom: number | null;
  /** The head of an appendix, glossary or notes block before the junk, or null. */
  appendixFrom: number | null;
  /** The heads of the appendices after the first (附件2, a glossary after an appendix): each a part of its own. */
  appendixHeads: number[];
}

/** A numbered appendix on a line of its own (附件2), or a glossary's or notes' head alone (名词解释). */
const APPENDIX_ALONE = /^(?:附件|附表|附录)\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[:：]?$/;
const GLOSSARY_ALONE = /^(?:名词解释|名词注释|术语解释|注释|注解)\s*[:：]?$/;

/**
 * Marks the end of a body: trailing junk (licence footer, page links, related news), an appendix
 * before it (its own part: never chapters), and the closing lines (signature, date) before that.
 */
function markTail(blocks: string[], tables: readonly boolean[]): Tail {
  const roles: (BlockRole | null)[] = blocks.map(() => null);
  let end = blocks.length;
  let junkFrom: number | null = null;
  // A strong junk marker near the end, with nothing long after it, starts the trailing block.
  const from = Math.max(0, blocks.length - 60);
  for (let i = from; i < blocks.length; i++) {
    if (blocks[i].length < 300 && isJunk(blocks[i]) && blocks.slice(i + 1).every((b) => b.length < 120)) {
      junkFrom = i;
      break;
    }
  }
  if (junkFrom !== null) end = junkFrom;
  while (end > 0 && TINY_JUNK.test(blocks[end - 1])) end--;
  if (end < blocks.length) junkFrom = end;
  for (let i = end; i < blocks.length; i++) roles[i] = 'trailing';
  // A titled appendix opens one when a paragraph of text follows it (not 附件2：… in a list, nor the signature).
  const titledAt = (i: number) => TITLED_APPENDIX.test(blocks[i]) && i + 1 < end && blocks[i + 1].length >= 20 && /[。；，]/.test(blocks[i + 1]);
  // A line a page wrapped after a footnote's reference (扎实做好六稳 / [1] 工作、全面落实六保 [2] 任务,…) runs on: a mark that
  // follows a sentence cut short (no end, no date or signature line) and names no term (a note's `[1]六稳：…`) opens no notes.
  const runsOn = (i: number) =>
    /^[[［][0-9０-９]{1,2}[\]］]/.test(blocks[i]) &&
    !/^[[［][0-9０-９]{1,2}[\]］]\s*[^，。；,;：:]{1,16}[：:]/.test(blocks[i]) &&
    !/[。！？!?）)”」：:]\s*$/.test(blocks[i - 1]) &&
    !/(?:[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|政府|局|委员会|办公室)$/.test(blocks[i - 1].trim());
  // An appendix in the second half of the body, never its first block.
  let appendixFrom: number | null = null;
  for (let i = Math.max(1, Math.floor(end / 2)); i < end; i++) {
    if (!tables[i] && blocks[i].length <= 120 && ((APPENDIX_HEAD.test(blocks[i]) && !runsOn(i)) || titledAt(i))) {
      appendixFrom = i;
      break;
    }
  }
  // Later appendices: each numbered one, or one with its title and text, is a part of its own; a glossary's head
  // too, unless it titles the appendix just above it (附件2 / 名词解释).
  const appendixHeads: number[] = [];
  if (appendixFrom !== null)
    for (let i = appendixFrom + 1; i < end; i++) {
      if (tables[i] || blocks[i].length > 120) continue;
      const glossary = GLOSSARY_ALONE.test(blocks[i]) && !APPENDIX_ALONE.test(blocks[i - 1]);
      if (APPENDIX_ALONE.test(blocks[i]) || titledAt(i) || glossary) appendixHeads.push(i);
    }
  const contentEnd = appendixFrom ?? end;
  let closing = 0;
  for (let i = contentEnd - 1; i >= 0 && closing < 3; i--) {
    const b = blocks[i];
    if (b.length <= 30 && (CLOSING_DATE.test(b) || CLOSING_ISSUER.test(b))) {
      roles[i] = 'closing';
      closing++;
    } else break;
  }
  return { roles, junkFrom, appendixFrom, appendixHeads };
}

export interface BuildOptions {
  /** Take the year from the file name when the text has no title line (plain text only: a feed's items share one file). */
  yearFromFileName?: boolean;
}

/**
 * Builds a report from a raw item. `fileName` supplies the title when the item has none, and
 * the year too when `yearFromFileName` is set. The item's diagnostics are kept.
 */
export function buildReport(item: RawItem, fileName: string | null, options: BuildOptions = { yearFromFileName: true }): Report {
  // Control characters (ESC, BEL, C1 CSI…) in report text become visible symbols: the document text
  // and every output made from it can then never act on a terminal or a reader.
  const prepared = prepareBlocks(item.blocks);
  let itemTitle = item.title ? cleanBlock(safeTerminalText(withoutPinyin(withoutInjectedSpam(item.title)))) || null : null;
  // The reader's title with its session line on the same line: the session line is the text's first block.
  const session = itemTitle ? TITLE_THEN_SESSION.exec(itemTitle) : null;
  if (session) {
    itemTitle = session[1];
    prepared.blocks.unshift(session[2]);
    prepared.hashes.unshift(scanBlock(session[2]).hash | 0);
    prepared.tables.unshift(false);
  }
  // The title line: the reader's, or the first line of the text that names a report, after page chrome.
  const found = findTitle(itemTitle, prepared.blocks);
  const { blocks, hashes, tables } = prepared;
  const cut = found.bodyStart - found.chromeEnd;
  if (cut > 0) for (const xs of [blocks, hashes, tables] as unknown[][]) xs.splice(found.chromeEnd, cut);
  // The reader's title that was not the title (下载打印全屏收藏): kept, as the first line of chrome.
  let chromeEnd = found.chromeEnd;
  if (found.keepItemTitle && itemTitle) {
    // The whole line it was read from, when the reader took a part of it as the title.
    const line = (item.titleLine && cleanBlock(safeTerminalText(withoutPinyin(withoutInjectedSpam(item.titleLine))))) || itemTitle;
    blocks.unshift(line);
    hashes.unshift(scanBlock(line).hash | 0);
    tables.unshift(false);
    chromeEnd++;
  }
  // Only web links: a `javascript:` or `data:` link from a hostile page is dropped.
  const link = item.link && /^https?:\/\//i.test(item.link.trim()) ? detach(item.link.trim()) : null;
  const diagnostics: Diagnostic[] = [...item.diagnostics];

  const tail = markTail(blocks, tables);
  for (let i = 0; i < chromeEnd; i++) tail.roles[i] = 'trailing';
  // The byline under the title (the issuing body, the date: 闻喜县统计局 / 2023年4月11日; a work report's session line and
  // speaker): read for the metadata as the text is, then no paragraph of the report (trailing, as the chrome above the
  // title is).
  const byline = new Set<number>();
  if (found.title) for (let i = chromeEnd, n = bylineLength(blocks, chromeEnd); i < chromeEnd + n; i++) if (!tail.roles[i]) byline.add(i);
  const structure = parseStructure(blocks, tail.roles, { tables, appendixFrom: tail.appendixFrom, appendixHeads: tail.appendixHeads });
  const meta = readMetadata({
    title: found.title,
    blocks,
    roles: tail.roles,
    decisions: structure.decisions,
    fileName,
    yearFromFileName: options.yearFromFileName ?? false,
    office: item.officeLine ?? null,
    titleDate: item.titleDate ?? null,
    publisher: item.sourceLine ?? null,
  });
  const title = detach(meta.title);
  const { issuer, year, type } = meta;

  let published: string | null = null;
  if (item.date) {
    const d = parseDate(item.date);
    if (d) published = d;
    else diagnostics.push(diag('warning', 'invalidDate', [item.date.trim()], 1));
  }
  // No date from the source (a page's, a feed item's, the front matter's): the day a work report was
  // delivered (its session line), else the date of the closing lines (东湖区人民政府 / 2024年3月28日),
  // the day the document was signed, else the file's creation date.
  if (!item.date) published = meta.delivered;
  if (!item.date) {
    for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 8) && !published; i--) {
      if (tail.roles[i] === 'closing' && CLOSING_DATE.test(blocks[i])) published = parseDate(blocks[i]);
    }
  }
  // Last, the file's creation date (Word's core.xml, a PDF's Info): when the file was saved, not the report's own.
  if (!item.date && !published && item.propsDate) published = parseDate(item.propsDate);

  // The document: title line, metadata line, blank, then blocks separated by blank lines.
  const metaLine = [issuer ?? '—', year !== null ? String(year) : '—', published ?? '—', link ?? '—'].join(' · ');
  const head = `${title}\n${metaLine}\n`;
  // Block i is on line 3 + 2i (the head's two lines, then a blank line before each block); its
  // offsets in a typed array, which the collector never scans.
  const offsets = new Float64Array(blocks.length);
  let length = head.length;
  for (let i = 0; i < blocks.length; i++) {
    offsets[i] = length + 1;
    length += blocks[i].length + 2;
  }
  // head, then each block between line breaks: one join, not an array of three pieces per block.
  const text = blocks.length ? `${head}\n${blocks.join('\n\n')}\n` : head;
  const inRange = (i: number) => i >= 0 && i < blocks.length;
  const lineOf = (i: number) => (inRange(i) ? 3 + 2 * i : 2);
  const offsetOf = (i: number) => (inRange(i) ? offsets[i] : head.length);

  const seen = new Map<number, number>();
  // The `p….` of a repeated text, made once: a report may repeat one line a million times.
  const repeated = new Map<number, string>();
  const idOf = (hash: number, n: number) => {
    if (n === 0) return paragraphKey(hash);
    let prefix = repeated.get(hash);
    if (prefix === undefined) repeated.set(hash, (prefix = `${paragraphKey(hash)}.`));
    return prefix + n;
  };
  const paragraphs: Paragraph[] = blocks.map((b, i) => {
    const hash = hashes[i];
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return {
      id: idOf(hash, n),
      index: i,
      role: byline.has(i) && structure.decisions[i].role === 'body' ? 'trailing' : structure.decisions[i].role,
      // A slice of the document text: V8 shares the memory instead of keeping a second copy.
      text: text.slice(offsets[i], offsets[i] + b.length),
      line: 3 + 2 * i,
      start: offsets[i],
      end: offsets[i] + b.length,
    };
  });

  for (const d of structure.diagnostics) {
    diagnostics.push({ ...d.diagnostic, line: d.block === null ? null : lineOf(d.block) });
  }
  if (tail.junkFrom !== null) {
    const count = blocks.length - tail.junkFrom;
    diagnostics.push(diag('info', 'trailing', [count], lineOf(tail.junkFrom)));
  }
  if (chromeEnd > 0) diagnostics.push(diag('info', 'leadingChrome', [chromeEnd], lineOf(0)));
  for (const d of meta.diagnostics) diagnostics.push(d);

  let lastContent = blocks.length - 1;
  while (lastContent > 0 && tail.roles[lastContent]) lastContent--;
  let outline: OutlineNode[] = buildOutline(structure.decisions, lineOf, offsetOf, Math.max(0, lastContent));
  if (outline.length === 0 && blocks.length > 0) {
    outline = [
      {
        kind: 'part',
        partKind: 'other',
        number: null,
        label: null,
        inferred: true,
        title: FULL_TEXT,
        line: lineOf(0),
        start: offsetOf(0),
        end: offsetOf(0) + blocks[0].length,
        endLine: lineOf(Math.max(0, lastContent)),
        paragraph: 0,
        children: [],
      },
    ];
  }
  if (blocks.length === 0) {
    diagnostics.push(diag('warning', 'emptyReport'));
  }

  // In document order; those about the whole report first.
  diagnostics.sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
  const id = link ? `r${hash32(link)}` : `r${hash32(`${detach(meta.idTitle)}|${year ?? ''}`)}`;
  return {
    id,
    title,
    issuer,
    year,
    type,
    link,
    published,
    text,
    paragraphs,
    outline,
    diagnostics,
    meta: { from: meta.from, issuerVariants: meta.issuerVariants, extracted: { title, issuer, year, type } },
  };
}
