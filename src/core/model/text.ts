/** Small text helpers shared by the parser, the ids and the document builder. */

/** Whitespace a report may use for indentation: ASCII, NBSP, ideographic space, zero-width marks and friends. */
const WS = '[\\s\\u00a0\\u1680\\u2000-\\u200d\\u202f\\u205f\\u2060\\u3000\\ufeff]';
const WS_RUN = new RegExp(`${WS}+`, 'g');

/** The same set as WS, by code unit; CJK text (above U+3000) is decided by the first test. */
function isWs(c: number): boolean {
  if (c > 0x3000) return c === 0xfeff;
  if (c > 0xa0) {
    return c === 0x3000 || (c >= 0x2000 && c <= 0x200d) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060;
  }
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/** Whitespace that cleanBlock must fold: anything but a single ASCII space. */
const FOLD = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]| {2}/;

/**
 * Invisible characters: zero-width spaces and joiners, LRM/RLM, the invisible operators, the bidi
 * isolates and the BOM. Inside report text they are noise (a copy from a web page, a BOM in the
 * middle of joined files), never a space: they are removed, not folded.
 */
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]/g;
const HAS_INVISIBLE = /[\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]/;

function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/** The text without invisible characters (see INVISIBLE). */
function stripInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/**
 * Whether cleanBlock leaves the text empty (white space and invisible characters only), told at the first character
 * that is neither, without cleaning or copying anything: the blank-line test of the line readers.
 */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isWs(c) && !isInvisible(c)) return false;
  }
  return true;
}

/** Trims indentation (NBSP, U+3000, BOM…), removes invisible characters and folds inner runs of whitespace to one space. */
export function cleanBlock(text: string): string {
  let s = trimEdges(text);
  // One scan for the usual, clean case; the invisible characters and the folding only when needed.
  if (!isDirty(s)) return s;
  if (HAS_INVISIBLE.test(s)) s = trimEdges(s.replace(INVISIBLE, ''));
  return FOLD.test(s) ? s.replace(WS_RUN, ' ') : s;
}

/**
 * FOLD and INVISIBLE together: [\t\n\v\f\r\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060-\u2064\u2066-\u2069\u3000\ufeff]
 * or two ASCII spaces, told in a loop (the hot path of import: a CJK ideograph takes one test).
 */
function isDirty(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c - 0x4e00) >>> 0 <= 0x51ff) continue;
    if (c <= 0xa0) {
      if (c === 32 ? s.charCodeAt(i + 1) === 32 : (c >= 9 && c <= 13) || c === 0xa0) return true;
    } else if (
      (c >= 0x2000 && c <= 0x200f) ||
      (c >= 0x2060 && c <= 0x2064) ||
      (c >= 0x2066 && c <= 0x2069) ||
      c === 0x3000 ||
      c === 0xfeff ||
      c === 0x1680 ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f
    )
      return true;
  }
  return false;
}

/**
 * A copy of a string that shares no memory with the text it was cut from. Engines keep a
 * substring as a view into its parent, so a report's title, cut from a feed, would keep the
 * whole decoded feed alive; the copy lets it go.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** The key a paragraph's id is derived from: NFKC (full-width forms fold to ASCII), no whitespace and no invisible characters. */
export function contentKey(text: string): string {
  return stripInvisible(text).normalize('NFKC').replace(WS_RUN, '');
}

/** Every character alone between spaces, three at least: a line set out across its width (政 府 工 作 报 告, 统 计 公 报). */
const SPREAD_OUT = /^[\p{Script=Han}0-9０-９](?:[ \u3000]+[\p{Script=Han}0-9０-９]){2,}$/u;

/** The same with a short note in brackets after it: 政 府 工 作 报 告(2021年), as a site's heading prints it. */
const SPREAD_THEN_NOTE = /^([\p{Script=Han}0-9０-９](?:[ \u3000]+[\p{Script=Han}0-9０-９]){2,})[ \u3000]*([（(][^（）()]{1,12}[）)])$/u;

/** A line set out across its width (as Word covers and PDF titles set it) without its spaces; any other line as it is. */
export function unspreadLine(line: string): string {
  if (SPREAD_OUT.test(line)) return line.replace(/[ \u3000]+/g, '');
  const noted = line.length <= 80 ? SPREAD_THEN_NOTE.exec(line) : null;
  return noted ? noted[1].replace(/[ \u3000]+/g, '') + noted[2] : line;
}

/** Trims whitespace at both ends only (cheap); cleanBlock also folds inner runs. */
export function trimEdges(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isWs(text.charCodeAt(a))) a++;
  while (b > a && isWs(text.charCodeAt(b - 1))) b--;
  return a > 0 || b < text.length ? text.slice(a, b) : text;
}

interface BlockScan {
  /** The 32-bit FNV-1a of contentKey(text), as a number (hex8 gives hash32's string). */
  hash: number;
  /** The text is not clean: it has whitespace to fold or trim (cleanBlock would change it). */
  dirty: boolean;
  /** More opening than closing parentheses, in order. */
  unclosed: boolean;
  /** The text holds an ASCII `(` (not only full-width ones): what a pinyin gloss needs (prepareBlocks). */
  asciiParen: boolean;
  /**
   * Every code unit is one the hash folds directly (CJK ideographs, printable ASCII, common CJK punctuation, full-width
   * forms): so no white space, tab, control character or invisible one. Such a text needs no cleaning of any kind.
   */
  plain: boolean;
}

/**
 * One pass over a block that the hot path of import needs three of: the content hash of the
 * paragraph id, whether cleanBlock would change the text, and whether a parenthesis is left open.
 *
 * Most report text is CJK ideographs, ASCII, common punctuation and full-width forms
 * (U+FF01–FF5E, whose NFKC form is the ASCII character 0xFEE0 below), which are folded here
 * directly. Text with any other character is hashed through the full NFKC path. Both give
 * hash32(contentKey(text)).
 */
export function scanBlock(text: string): BlockScan {
  // Fast path: a CJK ideograph (most units) folds to itself with no lookup; any other unit by the table; any space or
  // rarer character takes the full scan.
  const fold = foldTable();
  const n = text.length;
  let h = 0x811c9dc5;
  let depth = 0;
  let paren = false;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    let d = c;
    if ((c - 0x4e00) >>> 0 > 0x51ff) {
      d = fold[c];
      if (d === 0xffff) break;
      // Parentheses in the same pass (full-width ones fold to ASCII).
      if (d <= 0x29) {
        if (d === 0x28) {
          depth++;
          if (c === 0x28) paren = true;
        } else if (d === 0x29 && depth > 0) depth--;
      }
    }
    h = Math.imul(h ^ d, 0x01000193);
  }
  if (i === n) return { hash: h >>> 0, dirty: false, unclosed: depth > 0, plain: true, asciiParen: paren };
  return scanBlockSlow(text);
}

/**
 * The parenthesis depth (full- or half-width) after `s`, starting from `depth`: an opening one
 * adds one, a closing one takes one away when any is open. `depth > 0` is scanBlock's `unclosed`,
 * so a text joined from pieces is measured piece by piece, never from its start again.
 */
export function parenDepth(s: string, depth = 0): number {
  let d = depth;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) d++;
    else if ((c === 0x29 || c === 0xff09) && d > 0) d--;
  }
  return d;
}

let FOLD_TABLE: Uint16Array | null = null;
/**
 * Code unit → its contribution to the content hash: itself for NFKC-stable characters (CJK
 * ideographs, printable ASCII, common CJK and quotation punctuation), the ASCII character for
 * full-width forms, 0xFFFF for anything else (spaces included: the full scan handles them).
 */
function foldTable(): Uint16Array {
  if (FOLD_TABLE) return FOLD_TABLE;
  const t = new Uint16Array(65536).fill(0xffff);
  for (let c = 0x4e00; c <= 0x9fff; c++) t[c] = c;
  for (let c = 0x21; c <= 0x7e; c++) t[c] = c;
  for (let c = 0x3001; c <= 0x3035; c++) t[c] = c;
  for (let c = 0x2018; c <= 0x201d; c++) t[c] = c;
  t[0x2014] = 0x2014;
  t[0xb7] = 0xb7;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  return (FOLD_TABLE = t);
}

function scanBlockSlow(text: string): BlockScan {
  const fold = foldTable();
  let h = 0x811c9dc5;
  let dirty = text.length > 0 && (isWs(text.charCodeAt(0)) || isWs(text.charCodeAt(text.length - 1)));
  let slow = false;
  let depth = 0;
  let paren = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = fold[c];
    if (d !== 0xffff) {
      // Full-width parentheses fold to ( and ) too.
      if (d === 0x28) {
        depth++;
        if (c === 0x28) paren = true;
      } else if (d === 0x29 && depth > 0) depth--;
      h = Math.imul(h ^ d, 0x01000193);
    } else if (c === 32) {
      if (text.charCodeAt(i + 1) === 32) dirty = true;
    } else if (isWs(c) || isInvisible(c)) dirty = true;
    else slow = true;
  }
  return { hash: slow ? fnv32(contentKey(text)) : h >>> 0, dirty, unclosed: depth > 0, plain: false, asciiParen: paren };
}

/** 32-bit FNV-1a over UTF-16 code units, as a number. */
function fnv32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** A 32-bit number as 8 hex digits (a table lookup: much faster than toString(16) on the hot path). */
export function hex8(n: number): string {
  return HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. Stable across platforms. */
export function hash32(text: string): string {
  return hex8(fnv32(text));
}

/** Chinese numerals 一…九十九 (and 〇/零 inside), or ASCII/full-width digits. Returns null if not a number. */
const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export function parseNumeral(s: string): number | null {
  // One character: a table lookup (the common 一 of 一、).
  if (s.length === 1 && CN_DIGIT[s] !== undefined) return CN_DIGIT[s];
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const digit = CN_DIGIT;
  if (!/^[〇零一二两三四五六七八九十]+$/.test(s)) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (digit[s] ?? null) : null;
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const tensPart = s.slice(0, ten);
  const unitPart = s.slice(ten + 1);
  if (tensPart.length > 1 || unitPart.length > 1) return null;
  const tens = tensPart === '' ? 1 : digit[tensPart];
  const units = unitPart === '' ? 0 : digit[unitPart];
  if (tens === undefined || units === undefined || tens === 0) return null;
  return tens * 10 + units;
}

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 20 → 二十. */
export function toChineseNumeral(n: number): string {
  if (n <= 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : CN_DIGITS[tens]) + '十' + CN_DIGITS[n % 10];
}

/**
 * The first sentence of a block, for a heading that runs into its paragraph: up to the first
 * sentence end, when that comes within 40 characters, or within 80 with at most one comma.
 * Otherwise the heading is cut, and says so: at the first comma within 60 characters, else
 * after 40 characters (before a 《title》 or “quote” that would be cut in two).
 */
export function leadSentence(text: string): { length: number; cut: boolean } {
  const stop = text.search(/[。！？!?；;：:]/);
  const end = stop >= 0 ? stop + 1 : text.length;
  const commas = (text.slice(0, end).match(/[，,]/g) ?? []).length;
  if (end <= 40 || (end <= 80 && commas <= 1)) return { length: end, cut: false };
  const comma = text.search(/[，,]/);
  if (comma > 0 && comma < 60) return { length: comma, cut: true };
  // After 40 characters, but not inside a 《document title》 or a “quote”.
  let cut = Math.min(text.length, 40);
  for (const [open, close] of [
    ['《', '》'],
    ['“', '”'],
  ]) {
    const o = text.lastIndexOf(open, cut - 1);
    if (o > 0 && text.indexOf(close, o) >= cut) cut = Math.min(cut, o);
  }
  return { length: cut, cut: true };
}

/** Length of the first clause: up to the first comma or sentence end. */
export function firstClause(text: string): number {
  const i = text.search(/[。！？!?；;：:，,]/);
  return i < 0 ? text.length : i;
}

/** Text on one line, cut at `n` characters (code points, so a surrogate pair is never split) with “…”. */
export function excerpt(s: string, n = 60): string {
  const chars = Array.from(s.replace(/\s+/g, ' ').trim());
  return chars.length > n ? chars.slice(0, n).join('') + '…' : chars.join('');
}

const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** Whether a value is a colour as the codebook allows it: #rgb or #rrggbb (never a CSS expression). */
export function isColor(value: unknown): value is string {
  return typeof value === 'string' && COLOR.test(value);
}

/** C0 controls but tab and line feed, DEL, and C1 controls (U+0080–U+009F). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text that cannot act on a terminal or a reader: CR LF and lone CR become LF; every other C0
 * control (ESC, BEL, …) and DEL become their visible Control Pictures (␛, ␇, ␡); C1 controls
 * (8-bit CSI, OSC, NEL…) become U+FFFD. Tab and line feed stay. For human output of report text
 * (the CLI, CSV and Markdown exports), where a title could otherwise set the terminal's title,
 * clear the screen or write the clipboard (OSC 52).
 */
export function safeTerminalText(text: string): string {
  CONTROLS.lastIndex = 0;
  if (!CONTROLS.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

/**
 * Words joined by underscores (a hacked page's keywords run together): BET3365手机下载_365体育亚洲官方入口app下载_beat365app下载官网.
 * A run starts where a word does (after no letter, digit or ideograph): the pattern is tried once per word, not from every
 * position of a long block.
 */
const UNDERSCORE_RUN = /(?<![A-Za-z0-9\u4e00-\u9fff])[A-Za-z0-9\u4e00-\u9fff]+(?:_[A-Za-z0-9\u4e00-\u9fff]+)+(?:@[:：]?)?/g;
/** The words of a gambling site's keywords. */
const SPAM_WORD = /下载|官网|官方|入口|平台|首页|体育|娱乐|彩票|棋牌|博彩|真人|app/gi;
/** The same words, one at a segment's start (what a run's last segment goes on with after its letters). */
const SPAM_WORD_AT = /^(?:下载|官网|官方|入口|平台|首页|体育|娱乐|彩票|棋牌|博彩|真人|app)/i;

/**
 * A text without the keywords a hacked page injected into it: a run of segments joined by underscores, two of them or more
 * with Latin letters and with a gambling site's words (…提起行政诉讼情况BET3365手机下载_365体育亚洲官方入口app下载_beat365app下载官网 →
 * …提起行政诉讼情况). The text's own words on either side stay: before the first segment's first Latin letter (四、2019年…情况BET…
 * keeps 四、2019年…情况), and after the last segment's letters and digits and the keywords right after them (…官网林业服务中心
 * keeps 林业服务中心, …官网县体育局 keeps 县体育局); an @ and a colon after the run go too (uedbet官网@:西柳镇…). Prose with an
 * underscore (政务服务平台_APP下载量) has Latin letters in one segment only and stays.
 */
export function withoutInjectedSpam(text: string): string {
  if (!text.includes('_')) return text;
  return text.replace(UNDERSCORE_RUN, (run) => {
    const segments = run.replace(/@[:：]?$/, '').split('_');
    if (segments.filter((g) => /[A-Za-z]/.test(g) && g.match(SPAM_WORD)).length < 2) return run;
    const first = segments[0];
    const brand = first.search(/[A-Za-z]/);
    const start = brand >= 0 ? brand : first.length;
    const last = segments[segments.length - 1];
    const lastAt = run.lastIndexOf('_') + 1;
    // In the last segment: past its last letter or digit, then past the keywords that follow it.
    let cut = 0;
    for (let k = last.length - 1; k >= 0; k--)
      if (/[A-Za-z0-9]/.test(last[k])) {
        cut = k + 1;
        break;
      }
    for (let m = SPAM_WORD_AT.exec(last.slice(cut)); m; m = SPAM_WORD_AT.exec(last.slice(cut))) cut += m[0].length;
    // (…官网@: before the name it was injected before: the mark and its colon go with it.)
    return run.slice(0, start) + run.slice(lastAt + cut).replace(/^@[:：]?/, '');
  });
}

/** A province's short or full name in brackets before a title, as a forum names its boards ([湖南] 2020年隆回县…). */
const BOARD_TAG =
  /^(?:[[［【]|[（(](?=[^）)]{2,6}[)）](?:[\u4e00-\u9fff]|.{0,20}?[省市县区州旗])))(?:北京|天津|上海|重庆|重慶|河北|河南|云南|雲南|辽宁|遼寧|黑龙江|黑龍江|湖南|安徽|山东|山東|新疆|江苏|江蘇|浙江|江西|湖北|广西|廣西|甘肃|甘肅|山西|内蒙古|內蒙古|陕西|陝西|吉林|福建|贵州|貴州|广东|廣東|青海|西藏|四川|宁夏|寧夏|海南|台湾|臺灣|香港|澳门|澳門)(?:省|市|自治区|特别行政区)?[\]］】)）]\s*(?=\S)/;
/**
 * The same board with its 省) and the year's first digit lost to a mirror's encoding, `(山西?。?023年长治市…`: the board goes and
 * the year is 20… again (only a year 20xx: its other digits are whole).
 */
const MANGLED_BOARD = /^[（(][\u4e00-\u9fff]{2,3}\?。\?(?=0\d{2}\s*年)/;
/**
 * A footnote's mark at the end of a title: [1], ［1］; a repost's page number after the report's name: …统计公报(4); a site's
 * note of its update, (2025年更新); pictographs (…工作报告📜).
 */
const TITLE_NOTE =
  /\s*[[［]\d{1,2}[\]］]$|(?<=(?:报告|報告|公报|公報))\s*[（(]\d{1,2}[)）]$|\s*[（(](?:(?:19|20)\d{2}\s*年)?(?:更新|最新)[)）]$|(?:[\u{1f000}-\u{1faff}\u2600-\u27bf]|\ufe0f)+$/u;
/** A document-sharing site's badge after a title, with its upload date: (20230201)VIP免费, VIP专享, 【精品】, 【优秀范文】; an essay site's 范文 after a report's name (镇政府报告范文). */
const SITE_BADGE =
  /\s*(?:[（(]\d{8}[)）]\s*)?(?:VIP(?:专享|专免|免费|专属|文档)|[【[](?:精品|原创|推荐|优秀范文|范文|精选|完整版)[】\]]|(?<=报告|总结|公报)(?:范文|范本|模板))$/i;
/** A reposting site's note after a report's title that it prints whole: (全文), 【全文】, （附全文）, 全文, /全文, —全文, (全文29812字). */
const FULL_TEXT_NOTE =
  /(?<=(?:报告|報告|公报|公報|总结|要点))\s*(?:[（(【[]\s*(?:附|含)?(?:全文|原文|全文实录)(?:\s*[0-9]{1,6}\s*字)?\s*[)）】\]]|(?:[/／]|[—―－-]{1,2})?[ \u3000]?全文)$/;

/**
 * A site's bullet, or its column's tag, before a title: `• `, `- ` (a list item a scraper wrote as Markdown), `【余杭区招商】`, `[2015年政府工作报告全文]`, an archive's field `【标题】= `, `1. [報告] ` (a list's
 * number before a tag). Taken off only when what follows names a report.
 */
const COLUMN_TAG = /^(?:[•·●▪■◆]\s*|[-*+]\s+|(?:[0-9]{1,2}[.、]\s*)?[【[［][^】\]］\n]{1,20}[】\]］](?:\s*[=＝])?\s*)+(?=\S)/;
const NAMES_REPORT = /报告|報告|公报|公報|年报|年報/;
/** A site's domain a hacked copy set before a body's name (puroview.com沙头镇人民政府…): no part of it. */
const DOMAIN_BEFORE = /^(?:www\.)?[a-z0-9-]{2,30}\.(?:com|net|org|cn|cc|top|vip|xyz|info|club)(?:\.cn)?(?=[\u4e00-\u9fff])/i;
/**
 * A breadcrumb set apart by spaces before a title (首页 政策解读 关于《…》解读, 美章网 资料文库 …; not one with separators, 首页 > …, which is no title),
 * or a document site's page mark (第1页共18页…).
 */
const PAGE_CRUMB =
  /^(?:(?:(?:网站)?首页|[\u4e00-\u9fff]{2,6}网)(?:\s+[\u4e00-\u9fff]{2,8}){0,4}\s+(?=[\u4e00-\u9fff《0-9])|第\s*\d{1,3}\s*页\s*[,，/]?\s*共\s*\d{1,3}\s*页\s*)/;

/**
 * A title without a forum's board, a column's tag, a breadcrumb or a hacked copy's domain before it ([湖南] …, 【…招商】, 首页 政策解读 …,
 * puroview.com沙头镇…) and a footnote's mark after it (…统计公报[1]).
 */
export function withoutTitleMarks(title: string): string {
  const tag = COLUMN_TAG.exec(title);
  // A tag that is a body's name (【南湖区】, 【某县人民政府】) is the title's issuer: its brackets go, not its words; and so
  // is one that is a year (【2023年度】…报告: the title's year). Not when the rest of the title has them already (【吴兴区】吴兴区…).
  const kept =
    tag && /^[^【[［]*[【[［]([\u4e00-\u9fff]{2,20}(?:人民政府|政府|[省市县区旗州盟镇乡]|局|委员会|办公室)|(?:19|20)\d{2}\s*年度?)[】\]］]\s*$/.exec(tag[0]);
  const rest = tag ? title.slice(tag[0].length) : title;
  const has = (w: string) => (/^(?:19|20)\d{2}/.test(w) ? rest.includes(w.slice(0, 4)) : rest.replace(/\s+/g, '').startsWith(w));
  const words = kept && !has(kept[1]) ? kept[1] : '';
  // A tag that says what the page is about the report (【图解】, 【政策解读】) stays: the page is not the report.
  const untagged = tag && NAMES_REPORT.test(rest) && !/图解|圖解|解读|解讀|问答|問答|摘要/.test(tag[0]) ? words + rest : title;
  const crumb = PAGE_CRUMB.exec(untagged);
  const uncrumbed =
    crumb && untagged.length - crumb[0].length >= 6 && NAMES_REPORT.test(untagged.slice(crumb[0].length)) ? untagged.slice(crumb[0].length) : untagged;
  const unboarded = uncrumbed.replace(BOARD_TAG, '').replace(MANGLED_BOARD, '2').replace(DOMAIN_BEFORE, '');
  // The notes at the end are looked for in the last 80 characters only: a pattern that ends in $ is tried from every
  // position of the text it is given (a title of 20k spaces took seconds).
  const at = Math.max(0, unboarded.length - 80);
  const tail = unboarded
    .slice(at)
    .replace(TITLE_NOTE, '')
    .replace(SITE_BADGE, '')
    .replace(FULL_TEXT_NOTE, '')
    .replace(/\.(?:docx?|pdf|wps)$/i, '');
  return at ? unboarded.slice(0, at) + tail : tail;
}
