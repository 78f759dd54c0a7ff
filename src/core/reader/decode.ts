/**
 * Bytes to text, as a browser would: BOM, then <meta charset> / http-equiv or the
 * XML declaration (in the first 4 KB), then UTF-16 with no BOM (its NULs on one side of each
 * pair), then UTF-8 when the bytes are valid UTF-8, else
 * GB18030 (a superset of GBK and GB2312), the usual encoding of Chinese pages that declare
 * nothing. Decoding uses the platform's TextDecoder, which also names the labels (gb2312 → GBK).
 */
import { type Diagnostic, diag } from '../model/index.ts';
import { decodeUtf8Strict } from './utf8.ts';

export interface Decoded {
  text: string;
  encoding: string;
  /**
   * How the encoding was chosen, for messages: a BOM, a declaration, valid UTF-8, UTF-8 with a
   * few bad bytes replaced (`replaced` says how many), a GBK declaration that the bytes
   * contradict (they are valid UTF-8), or the GB18030 fallback.
   */
  via: 'bom' | 'declared' | 'utf-8' | 'utf-8-repaired' | 'misdeclared' | 'fallback' | 'big5' | 'redecoded' | 'declared-bad' | 'utf-16';
  replaced?: number;
  declared?: string;
}

class DecodeError extends Error {}

/** What the reader of a decoded file is told about how it was decoded (none when it was as it said). */
export function decodeNotes(d: Decoded): Diagnostic[] {
  const notes: Diagnostic[] = [];
  if (d.via === 'fallback') notes.push(diag('info', 'gb18030Fallback'));
  if (d.via === 'utf-8-repaired') notes.push(diag('warning', 'utf8Repaired', [d.replaced ?? 0]));
  if (d.via === 'misdeclared') notes.push(diag('info', 'misdeclared', [d.declared ?? '']));
  if (d.via === 'misdeclared' && d.replaced) notes.push(diag('warning', 'utf8Repaired', [d.replaced]));
  if (d.via === 'big5') notes.push(diag('warning', 'big5Detected'));
  if (d.via === 'utf-16') notes.push(diag('info', 'utf16NoBom', [d.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE']));
  if (d.via === 'redecoded') notes.push(diag('warning', 'charsetMismatch', [d.declared ?? '', d.encoding]));
  if (d.via === 'declared-bad') notes.push(diag('error', 'charsetUnknown', [d.declared ?? '', d.encoding, d.replaced ?? 0]));
  return notes;
}

/** A file is binary when it holds NUL bytes or many control characters near its start. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  // UTF-16 with a BOM legitimately holds NULs.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  // So does UTF-16 XML without one (`<?` as UTF-16), which decodeBytes reads by that start.
  if (
    (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) ||
    (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f)
  )
    return false;
  // And UTF-16 with no BOM at all (some Windows tools write it so), which decodeBytes reads too.
  if (utf16Order(bytes)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.05;
}

/**
 * UTF-16 with no BOM: the NUL high bytes of its ASCII (line ends, digits, spaces) fall on one
 * side of each pair, at least one pair in fifty in the first 4 KB (and four), five times as many as on the
 * other side, and the text decodes without error into no control characters. Null for anything
 * else (a binary file has NULs on both sides, or control characters).
 */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // A character such as 一 (U+4E00) has a NUL low byte: a few on the other side are allowed. A
  // Chinese text has few ASCII characters (line ends, digits): one pair in fifty is enough.
  const least = Math.max(4, pairs * 0.02);
  const order = odd >= least && even * 5 <= odd ? 'utf-16le' : even >= least && odd * 5 <= even ? 'utf-16be' : null;
  if (order) return readsAs(bytes, n, order, 0) ? order : null;
  // NULs on both sides: Chinese indented with ideographic spaces (U+3000) and rich in 一 (U+4E00)
  // has as many NUL low bytes as its ASCII has NUL high bytes. Then the order whose text is Chinese
  // and ASCII almost throughout (a binary file's is not).
  if (even + odd < least) return null;
  return readsAs(bytes, n, 'utf-16le', 0.95) ? 'utf-16le' : readsAs(bytes, n, 'utf-16be', 0.95) ? 'utf-16be' : null;
}

/**
 * Whether the first `n` bytes decode in this order without error into no control characters, and
 * (when `share` is above 0) into that share at least of CJK characters, CJK punctuation, full-width
 * forms and printable ASCII.
 */
function readsAs(bytes: Uint8Array, n: number, order: 'utf-16le' | 'utf-16be', share: number): boolean {
  // Not across a character cut at the end of the sample (the first half of a surrogate pair).
  const last = order === 'utf-16le' ? bytes[n - 2] | (bytes[n - 1] << 8) : (bytes[n - 2] << 8) | bytes[n - 1];
  const end = last >= 0xd800 && last <= 0xdbff ? n - 2 : n;
  const text = strictDecode(bytes.subarray(0, end), order);
  if (text === null || /[\u0000-\u0008\u000e-\u001f]/.test(text)) return false;
  if (share <= 0) return true;
  let plain = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 9 ||
      c === 10 ||
      c === 13 ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x2027)
    )
      plain++;
  }
  return plain >= text.length * share;
}

function decoderFor(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

/** Display names of the encodings a message may name (TextDecoder's names are lower case). */
const NAMES: Record<string, string> = { 'utf-8': 'UTF-8', gbk: 'GBK', big5: 'Big5', shift_jis: 'Shift_JIS', 'euc-jp': 'EUC-JP', 'euc-kr': 'EUC-KR' };

/** An encoding label, as TextDecoder names it, or null when it knows no such label. */
function canonical(label: string): string | null {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    return NAMES[name] ?? name;
  } catch {
    return null;
  }
}

/**
 * What the bytes say of their encoding: a BOM or the UTF-16 form of `<?` (kind 'bom'), else an
 * XML declaration's encoding or a <meta> charset (kind 'declared'). Bytes that declare UTF-16 and
 * are not in a UTF-16 form are UTF-8, as browsers read them (a <meta>, or an XML declaration: .NET
 * writes encoding="utf-16" into feeds that it saves as UTF-8).
 */
function sniff(bytes: Uint8Array): { kind: 'bom' | 'declared'; encoding: string } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { kind: 'bom', encoding: 'utf-8' };
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f)) return { kind: 'bom', encoding: 'utf-16le' };
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && bytes[3] === 0x3f)) return { kind: 'bom', encoding: 'utf-16be' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).replace(/<!--[\s\S]*?-->/g, '');
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  let label = xml?.[1] ?? null;
  if (!label) {
    for (const m of head.matchAll(/<meta\s[^>]*>/gi)) {
      const cs = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(m[0]);
      if (cs) {
        label = cs[1];
        break;
      }
    }
  }
  const encoding = label ? canonical(label) : null;
  if (!encoding) return null;
  return { kind: 'declared', encoding: /^utf-16/i.test(encoding) ? 'UTF-8' : encoding };
}

/**
 * `declared`: the encoding the bytes' container names (a MIME part's charset), taken as a page's
 * own declaration when the bytes declare none.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  const outside = declared ? canonical(declared) : null;
  const found = sniff(bytes) ?? (outside ? { kind: 'declared' as const, encoding: /^utf-16/i.test(outside) ? 'UTF-8' : outside } : null);
  const utf16 = found ? null : utf16Order(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, via: 'utf-16' };
  if (found?.kind === 'bom') {
    const dec = decoderFor(found.encoding, false);
    if (dec) return { text: dec.decode(bytes), encoding: found.encoding, via: 'bom' };
  }
  if (found?.kind === 'declared') {
    // Pages that say gb2312 often hold GBK/GB18030 characters: decode with the superset.
    const gbk = /^(gbk|gb18030)$/i.test(found.encoding);
    // A page saved again as UTF-8 often keeps its old gb2312 declaration. Chinese GBK text is
    // practically never valid UTF-8, so valid UTF-8 with non-ASCII bytes wins, and says so.
    if (gbk && hasHighBytes(bytes)) {
      const utf8 = mostlyUtf8(bytes);
      if (utf8) return { text: utf8.text, encoding: 'utf-8', via: 'misdeclared', declared: found.encoding, replaced: utf8.replaced };
    }
    const label = gbk ? 'gb18030' : found.encoding;
    const declared = declaredDecode(bytes, label);
    if (declared) return declared;
  }
  const utf8 = mostlyUtf8(bytes);
  if (utf8) return { text: utf8.text, encoding: 'utf-8', via: utf8.replaced ? 'utf-8-repaired' : 'utf-8', replaced: utf8.replaced };
  const gb = decoderFor('gb18030', false);
  if (!gb) throw new DecodeError('the text is not UTF-8 and this platform cannot decode GB18030');
  const text = gb.decode(bytes);
  // Undeclared Big5 (traditional Chinese) reads as nonsense in GB18030: take Big5 when it reads as Chinese.
  const big5 = strictDecode(bytes, 'big5');
  if (big5 !== null && plausibility(big5) > plausibility(text) + 0.2) return { text: big5, encoding: 'big5', via: 'big5' };
  return { text, encoding: 'gb18030', via: 'fallback' };
}

/**
 * The text in its declared encoding, when the bytes are that: they decode without error and, for
 * a multi-byte Chinese or Japanese encoding, read as text. A page that declares one encoding and
 * holds another (UTF-8 over GBK, Big5 over GBK) is decoded in the one that reads, and says so; one
 * that reads in none is decoded as declared, with the count of bad sequences (an error).
 */
function declaredDecode(bytes: Uint8Array, label: string): Decoded | null {
  if (!decoderFor(label, false)) return null;
  if (!hasHighBytes(bytes)) return { text: decoderFor(label, false)!.decode(bytes), encoding: label, via: 'declared' };
  const strict = strictDecode(bytes, label);
  const utf8Declared = /^utf-?8$/i.test(label);
  // A single-byte encoding (windows-1252, ISO-8859-1) decodes any bytes and gives no Chinese to judge
  // it by: GBK or UTF-8 under such a declaration would read as Ã©Ã¤…, so those win when they read.
  const singleByte = SINGLE_BYTE.test(label);
  if (strict !== null && !singleByte && (utf8Declared || plausibility(strict) >= 0.3)) return { text: strict, encoding: label, via: 'declared' };
  // A few stray bytes in UTF-8 (a cut character): UTF-8 with the bad bytes replaced, and a warning.
  if (utf8Declared) {
    const utf8 = mostlyUtf8(bytes);
    if (utf8) return { text: utf8.text, encoding: 'utf-8', via: 'utf-8-repaired', replaced: utf8.replaced };
  }
  const own = singleByte ? 0 : strict !== null ? plausibility(strict) : -1;
  let best: { text: string; encoding: string; score: number } | null = null;
  for (const other of ['utf-8', 'gb18030', 'big5']) {
    if (other === label) continue;
    const text = strictDecode(bytes, other);
    if (text === null) continue;
    // Under a single-byte declaration, a multi-byte reading must show enough Chinese to be believed.
    if (singleByte && other !== 'utf-8' && cjkCount(text) < 8) continue;
    const score = other === 'utf-8' ? 1 : plausibility(text);
    if (score >= 0.3 && score > own + 0.2 && (!best || score > best.score)) best = { text, encoding: other, score };
  }
  if (best) return { text: best.text, encoding: best.encoding, via: 'redecoded', declared: label };
  if (strict !== null) return { text: strict, encoding: label, via: 'declared' };
  const lenient = decoderFor(label, false)!.decode(bytes);
  let bad = 0;
  for (let i = lenient.indexOf('\uFFFD'); i >= 0; i = lenient.indexOf('\uFFFD', i + 1)) bad++;
  return { text: lenient, encoding: label, via: 'declared-bad', declared: label, replaced: bad };
}

function strictDecode(bytes: Uint8Array, label: string): string | null {
  if (/^utf-?8$/i.test(label)) return decodeUtf8Strict(bytes);
  try {
    return decoderFor(label, true)?.decode(bytes) ?? null;
  } catch {
    return null;
  }
}

/**
 * The most frequent Chinese characters, simplified and traditional. Text decoded in the right
 * encoding is mostly made of them; the same bytes decoded in a wrong one give rare characters.
 */
const COMMON = new Set(
  (
    '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交' +
    '們這個國為會說時來對過發後於與經當沒動學現開從還進樣裡實點關應頭間問體義無長機種麼將兩見電統總識產員業處資東達並書決術導區報變際價連熱據維車語專選氣條議顯務雖邊類團調設歷萬運錢隊親號壓聯勞響爭華項標聽視質難鐵職檢歲權農黨覺確傳師觀讓帶嗎兒競計劃濟環達營錄給結組級紀約續線縣鄉觸養營數勢護預顧議歡讀賽費預總規則領網變衛興舉構廣齊貿協態習'
  ).split(''),
);

/** Encodings of one byte a character, as TextDecoder names them (latin1 and ascii are windows-1252). */
const SINGLE_BYTE = /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|x-mac-cyrillic|ibm866|windows-874)$/i;

/** How many Chinese characters a text has (up to 20,000). */
function cjkCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length && n < 20000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

/** The share of a text's Chinese characters that are common ones (1 when it has too few to tell). */
function plausibility(text: string): number {
  let cjk = 0;
  let common = 0;
  for (let i = 0; i < text.length && cjk < 20000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      if (COMMON.has(text[i])) common++;
    } else if (c === 0xfffd) cjk++;
  }
  return cjk < 8 ? 1 : common / cjk;
}

/**
 * The text as UTF-8 when it is, or nearly is: a few bad bytes (a file cut in the middle of a
 * character) are replaced and counted, rather than reading the whole file as GB18030. GBK read
 * as UTF-8 breaks at nearly every Chinese character; a cut UTF-8 file at one or two.
 */
function mostlyUtf8(bytes: Uint8Array): { text: string; replaced: number } | null {
  const strict = decodeUtf8Strict(bytes);
  if (strict !== null) return { text: strict, replaced: 0 };
  const lenient = decoderFor('utf-8', false)!.decode(bytes);
  let bad = 0;
  for (let i = lenient.indexOf('\uFFFD'); i >= 0; i = lenient.indexOf('\uFFFD', i + 1)) bad++;
  let nonAscii = 0;
  for (let i = 0; i < lenient.length; i++) if (lenient.charCodeAt(i) >= 0x80) nonAscii++;
  return bad <= Math.max(3, lenient.length / 10000) && bad * 10 <= nonAscii ? { text: lenient, replaced: bad } : null;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}
