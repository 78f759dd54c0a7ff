/** Small text helpers shared by the parser, the ids and the document builder. */

/** Whitespace a report may use for indentation: ASCII, NBSP, ideographic space, zero-width marks and friends. */
const WS = '[\\s\\u00a0\\u1680\\u2000-\\u200d\\u202f\\u205f\\u2060\\u3000\\ufeff]';
const WS_RUN = new RegExp(`${WS}+`, 'g');
const WS_EDGES = new RegExp(`^${WS}+|${WS}+$`, 'g');

function isWs(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200d) ||
    c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060
  );
}

/** Trims indentation (NBSP, U+3000, BOM…) and folds inner runs of whitespace to one space. */
export function cleanBlock(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isWs(text.charCodeAt(a))) a++;
  while (b > a && isWs(text.charCodeAt(b - 1))) b--;
  const s = a > 0 || b < text.length ? text.slice(a, b) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWs(c) && (c !== 32 || isWs(s.charCodeAt(i + 1)))) return s.replace(WS_RUN, ' ');
  }
  return s;
}

/** The key a paragraph's id is derived from: NFKC (full-width forms fold to ASCII), no whitespace at all. */
export function contentKey(text: string): string {
  return text.normalize('NFKC').replace(WS_RUN, '');
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. Stable across platforms. */
export function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Chinese numerals 一…九十九 (and 〇/零 inside), or ASCII/full-width digits. Returns null if not a number. */
export function parseNumeral(s: string): number | null {
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const digit: Record<string, number> = {
    '〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
  };
  if (!/^[〇零一二两三四五六七八九十]+$/.test(s)) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? digit[s] ?? null : null;
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

/** Length in Unicode code points. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * The first sentence of a block, for a heading that runs into its paragraph.
 * Returns the heading's length in UTF-16 units and whether it had to be cut at a comma.
 */
export function leadSentence(text: string, max = 40): { length: number; cut: boolean } {
  const stop = text.search(/[。！？!?；;：:]/);
  if (stop >= 0 && stop < max) return { length: stop + 1, cut: false };
  if (stop < 0 && text.length <= max) return { length: text.length, cut: false };
  const comma = text.search(/[，,]/);
  if (comma > 0 && comma < max) return { length: comma, cut: true };
  return { length: Math.min(text.length, max), cut: true };
}
