/**
 * A small XML scanner for the parts of a Word file: start tags (with their attributes as written),
 * end tags and text, in order. No DOM, no namespaces resolved (Word's parts use fixed prefixes),
 * comments, processing instructions and the doctype skipped, CDATA as text. It works on the
 * UTF-8 bytes, so only the text that is wanted is ever decoded: most of document.xml is markup.
 * Malformed input never throws: the scan stops at a tag that does not close.
 */

/**
 * An element to skip (not scanned) while looking for the first start tag of each of `names` in it:
 * one pass over its content instead of one to find its end and one to find the tags.
 */
export interface Skip {
  names: readonly string[];
}

export interface XmlHandler {
  /**
   * A start tag; its attributes are bytes[from, to) (attrText gives them as text). A self-closing
   * tag also gets `close`.
   */
  open(name: string, bytes: Uint8Array, from: number, to: number): boolean | Skip | undefined;
  /**
   * The content of an element whose `open` returned true or a Skip, not scanned: bytes[from, to)
   * (the scanner jumps to its end tag; `close` follows). An element that nests in itself ends at
   * the first end tag of its name. For a Skip, `found` holds the attributes of the first start tag
   * of each of its names in the content, [from, to) in turn, or [-1, -1] where there is none (or
   * where that first tag has no `>` before the end tag).
   */
  skipped?(name: string, bytes: Uint8Array, from: number, to: number, found: readonly number[]): void;
  close(name: string): void;
  /** Text between tags, as UTF-8 bytes still with their entities (see xmlText). */
  text?(bytes: Uint8Array, start: number, end: number): void;
  /**
   * Text between tags that starts at `start`, read by the handler itself (readUtf8Text decodes it
   * on the way): it returns where the text ends (the next `<`, or the end of the bytes), or -1 to
   * leave it to `text`.
   */
  readText?(bytes: Uint8Array, start: number): number;
}

const utf8 = new TextDecoder('utf-8');

/**
 * The names of tags, by a hash of their bytes (a document uses a few dozen names thousands of
 * times): a slot per hash, checked against the bytes, and a name kept as an internalized string
 * (a property key), which the handlers' switch compares at once.
 */
const NAMES: (string | undefined)[] = new Array(1024);

function nameOf(b: Uint8Array, from: number, to: number, hash?: number): string {
  let h = hash ?? 0x811c9dc5;
  if (hash === undefined) for (let k = from; k < to; k++) h = Math.imul(h ^ b[k], 0x01000193);
  const slot = (h ^ (to - from)) & 1023;
  const known = NAMES[slot];
  if (known !== undefined && known.length === to - from) {
    let k = 0;
    while (k < known.length && known.charCodeAt(k) === b[from + k]) k++;
    if (k === known.length) return known;
  }
  const name = Object.keys({ [utf8.decode(b.subarray(from, to))]: 0 })[0];
  NAMES[slot] = name;
  return name;
}

/** A start tag's attributes as text. */
export function attrText(bytes: Uint8Array, from: number, to: number): string {
  return from < to ? utf8.decode(bytes.subarray(from, to)) : '';
}

/** The UTF-8 bytes of a part as text (for a part small enough to decode whole). */
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

const utf16 = new TextDecoder('utf-16le');
let units = new Uint16Array(4096);

/**
 * bytes[from, to) as text, exactly as TextDecoder('utf-8') decodes them (a leading BOM dropped).
 * Well-formed UTF-8 is converted here to UTF-16 code units, which the UTF-16 decoder copies: that is
 * about twice as fast as the UTF-8 decoder on Chinese text. Anything else (a bad or cut sequence) goes
 * to the UTF-8 decoder, so that its replacement characters are the standard ones.
 */
export function utf8Range(b: Uint8Array, from: number, to: number): string {
  if (units.length < to - from) units = new Uint16Array((to - from) * 2);
  const u = units;
  let o = 0;
  let i = from;
  while (i < to) {
    const c = b[i];
    // Chinese first: three bytes, E1–EF but ED, with two continuation bytes.
    if (c >= 0xe1 && c < 0xf0 && c !== 0xed && i + 2 < to) {
      const c1 = b[i + 1];
      const c2 = b[i + 2];
      if (((c1 & 0xc0) | ((c2 & 0xc0) << 8)) !== 0x8080) break;
      u[o++] = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
      continue;
    }
    if (c < 0x80) {
      u[o++] = c;
      i++;
      continue;
    }
    const c1 = b[i + 1];
    if (c < 0xe0) {
      if (c < 0xc2 || i + 1 >= to || (c1 & 0xc0) !== 0x80) break;
      u[o++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
      continue;
    }
    const c2 = b[i + 2];
    if (c < 0xf0) {
      // E0 needs A0–BF next (no overlong forms), ED needs 80–9F (no surrogates).
      if (i + 2 >= to || (c2 & 0xc0) !== 0x80 || c1 < (c === 0xe0 ? 0xa0 : 0x80) || c1 > (c === 0xed ? 0x9f : 0xbf)) break;
      u[o++] = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
      continue;
    }
    const c3 = b[i + 3];
    // F0 needs 90–BF next, F4 needs 80–8F (at most U+10FFFF); F5 and up are never UTF-8.
    if (c > 0xf4 || i + 3 >= to || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80 || c1 < (c === 0xf0 ? 0x90 : 0x80) || c1 > (c === 0xf4 ? 0x8f : 0xbf)) break;
    const cp = (((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f)) - 0x10000;
    u[o++] = 0xd800 | (cp >> 10);
    u[o++] = 0xdc00 | (cp & 0x3ff);
    i += 4;
  }
  return i < to ? utf8.decode(b.subarray(from, to)) : utf16.decode(u.subarray(0, o));
}

/** UTF-16 code units being gathered, and how many. */
export interface Units {
  units: Uint16Array;
  length: number;
}

/** The text of `out` (a leading BOM dropped, as the UTF-8 decoder drops one); `out` is emptied. */
export function unitsText(out: Units): string {
  const s = out.length ? utf16.decode(out.units.subarray(0, out.length)) : '';
  out.length = 0;
  return s;
}

/**
 * The text that starts at `from`, up to the next `<` (or the end), decoded into `out` as it is
 * read (one pass: the `<` is found by the decoding). Returns the position of the `<` (b.length when
 * none), or -1 at a sequence that is not well-formed UTF-8: `out` then holds part of the text, and
 * the caller decodes the bytes with utf8Range, which gives the standard replacement characters.
 */
export function readUtf8Text(b: Uint8Array, from: number, out: Units): number {
  const n = b.length;
  let u = out.units;
  let o = out.length;
  let i = from;
  for (;;) {
    if (o + 2 > u.length) {
      const grown = new Uint16Array(u.length * 2 + 64);
      grown.set(u.subarray(0, o));
      u = out.units = grown;
    }
    if (i >= n) break;
    const c = b[i];
    if (c >= 0xe1 && c < 0xf0 && c !== 0xed) {
      const c1 = b[i + 1];
      const c2 = b[i + 2];
      if (i + 2 >= n || ((c1 & 0xc0) | ((c2 & 0xc0) << 8)) !== 0x8080) return -1;
      u[o++] = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
      continue;
    }
    if (c < 0x80) {
      if (c === 0x3c) break;
      u[o++] = c;
      i++;
      continue;
    }
    const c1 = b[i + 1];
    if (c < 0xe0) {
      if (c < 0xc2 || i + 1 >= n || (c1 & 0xc0) !== 0x80) return -1;
      u[o++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
      continue;
    }
    const c2 = b[i + 2];
    if (c < 0xf0) {
      if (i + 2 >= n || (c2 & 0xc0) !== 0x80 || c1 < (c === 0xe0 ? 0xa0 : 0x80) || c1 > (c === 0xed ? 0x9f : 0xbf)) return -1;
      u[o++] = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
      continue;
    }
    const c3 = b[i + 3];
    if (c > 0xf4 || i + 3 >= n || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80 || c1 < (c === 0xf0 ? 0x90 : 0x80) || c1 > (c === 0xf4 ? 0x8f : 0xbf)) return -1;
    const cp = (((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f)) - 0x10000;
    u[o++] = 0xd800 | (cp >> 10);
    u[o++] = 0xdc00 | (cp & 0x3ff);
    i += 4;
  }
  out.length = o;
  return i;
}

/**
 * The first `</name>` (name as char codes) at or after `from`, or -1. It looks for one byte of the
 * name with a native search (an upper-case letter when there is one: rarer in markup than `<`)
 * and compares around it.
 */
function findEndTag(b: Uint8Array, from: number, name: string): number {
  let at = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) {
      at = k + 2;
      break;
    }
  }
  const key = at ? name.charCodeAt(at - 2) : 0x3c;
  const last = name.length + 2;
  for (let i = b.indexOf(key, from + at); i >= 0; i = b.indexOf(key, i + 1)) {
    const s = i - at;
    if (b[s] !== 0x3c || b[s + 1] !== 0x2f || b[s + last] !== 0x3e) continue;
    let k = 0;
    while (k < name.length && b[s + 2 + k] === name.charCodeAt(k)) k++;
    if (k === name.length) return s;
  }
  return -1;
}

const NO_NAMES: readonly string[] = [];
const NO_FOUND: readonly number[] = [];

/**
 * The first `</name>` at or after `from` (or -1), and in `out` the attributes of the first start
 * tag of each of `names` before it (as Skip's `found`), in one pass.
 */
/** The platform stores a 32-bit word's low byte first (every engine Annals runs on does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A 32-bit view of the bytes (they must start on a multiple of 4), for nextLt; null when there is none. */
function wordsOf(b: Uint8Array): Uint32Array | null {
  return LITTLE_ENDIAN && b.byteOffset % 4 === 0 ? new Uint32Array(b.buffer, b.byteOffset, b.length >> 2) : null;
}

/**
 * The next `<` at or after `from`, or -1. Between the short tags of a run's properties, a native
 * search costs more to call than to run: the bytes are tested four at a time instead (a word has
 * a `<` when word ^ 0x3c3c3c3c has a zero byte).
 */
function nextLt(b: Uint8Array, w: Uint32Array | null, from: number): number {
  if (!w) return b.indexOf(0x3c, from);
  const n = b.length;
  let k = from;
  for (; k < n && (k & 3) !== 0; k++) if (b[k] === 0x3c) return k;
  for (let i = k >> 2; i < w.length; i++) {
    const x = w[i] ^ 0x3c3c3c3c;
    if (((x - 0x01010101) & ~x & 0x80808080) !== 0) {
      for (let j = i << 2; j < (i << 2) + 4; j++) if (b[j] === 0x3c) return j;
    }
  }
  for (k = Math.max(k, w.length << 2); k < n; k++) if (b[k] === 0x3c) return k;
  return -1;
}

function skipFinding(b: Uint8Array, w: Uint32Array | null, from: number, name: string, names: readonly string[], out: number[]): number {
  // out[2t] is -1 while name t is not found yet, -2 once given up; ends[t] is the > of its tag.
  for (let t = 0; t < names.length; t++) out[2 * t] = out[2 * t + 1] = -1;
  let left = names.length;
  let end = -1;
  for (let k = nextLt(b, w, from); k >= 0; k = nextLt(b, w, k + 1)) {
    if (b[k + 1] === 0x2f) {
      if (b[k + 2 + name.length] !== 0x3e) continue;
      let q = 0;
      while (q < name.length && b[k + 2 + q] === name.charCodeAt(q)) q++;
      if (q < name.length) continue;
      end = k;
      break;
    }
    if (left === 0) {
      // Every name seen: the end tag by the faster search.
      end = findEndTag(b, k, name);
      break;
    }
    for (let t = 0; t < names.length; t++) {
      const tag = names[t];
      if (out[2 * t] !== -1 || b[k + 1] !== tag.charCodeAt(0)) continue;
      let q = 0;
      while (q < tag.length && b[k + 1 + q] === tag.charCodeAt(q)) q++;
      const after = b[k + 1 + q];
      if (q < tag.length || !(after === 0x20 || after === 0x2f || after === 0x3e || after === 0x09 || after === 0x0a || after === 0x0d)) continue;
      left--;
      const e = b.indexOf(0x3e, k);
      if (e < 0) out[2 * t] = -2;
      else {
        out[2 * t] = k + 1 + q;
        out[2 * t + 1] = e;
      }
      break;
    }
  }
  for (let t = 0; t < names.length; t++) {
    const e = out[2 * t + 1];
    // A tag whose > is not before the end tag is not one (and no later tag of its name is looked for).
    if (out[2 * t] < 0 || end < 0 || e > end) out[2 * t] = out[2 * t + 1] = -1;
    else if (b[e - 1] === 0x2f) out[2 * t + 1] = e - 1;
  }
  return end;
}

export function scanXml(b: Uint8Array, h: XmlHandler): void {
  const n = b.length;
  // The tags found in the last element skipped with a Skip.
  const found: number[] = [];
  let words: Uint32Array | null | undefined;
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const startsWith = (at: number, s: string) => {
    for (let k = 0; k < s.length; k++) if (b[at + k] !== s.charCodeAt(k)) return false;
    return true;
  };
  const find = (s: string, from: number) => {
    for (let k = b.indexOf(s.charCodeAt(0), from); k >= 0; k = b.indexOf(s.charCodeAt(0), k + 1)) if (startsWith(k, s)) return k;
    return -1;
  };
  const text = h.text;
  while (i < n) {
    // Markup mostly follows markup: look at the next byte before searching.
    let lt = b[i] === 0x3c ? i : (h.readText?.(b, i) ?? -1);
    if (lt >= n) return;
    if (lt < 0) {
      lt = b.indexOf(0x3c, i);
      if (lt < 0) {
        text?.(b, i, n);
        return;
      }
      if (lt > i) text?.(b, i, lt);
    }
    const c = b[lt + 1];
    if (c === 0x21 /* ! */) {
      if (startsWith(lt, '<!--')) {
        const e = find('-->', lt + 4);
        if (e < 0) return;
        i = e + 3;
      } else if (startsWith(lt, '<![CDATA[')) {
        const e = find(']]>', lt + 9);
        if (e < 0) return;
        const t = new TextEncoder().encode(
          utf8
            .decode(b.subarray(lt + 9, e))
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;'),
        );
        text?.(t, 0, t.length);
        i = e + 3;
      } else {
        const e = b.indexOf(0x3e, lt);
        if (e < 0) return;
        i = e + 1;
      }
      continue;
    }
    if (c === 0x3f /* ? */) {
      const e = find('?>', lt + 2);
      if (e < 0) return;
      i = e + 2;
      continue;
    }
    // The end of the tag: the first > outside quoted attribute values (tags and values are short: byte by byte).
    let e = lt + 1;
    for (let quote = 0; ; e++) {
      if (e >= n) return;
      const d = b[e];
      if (quote) {
        if (d === quote) quote = 0;
      } else if (d === 0x3e) break;
      else if (d === 0x22 || d === 0x27) quote = d;
    }
    if (c === 0x2f /* / */) {
      let a = lt + 2;
      let z = e;
      while (a < z && b[a] <= 0x20) a++;
      while (z > a && b[z - 1] <= 0x20) z--;
      h.close(nameOf(b, a, z));
      i = e + 1;
      continue;
    }
    let k = lt + 1;
    let hash = 0x811c9dc5;
    while (k < e) {
      const d = b[k];
      if (d === 0x20 || d === 0x2f || d === 0x09 || d === 0x0a || d === 0x0d) break;
      hash = Math.imul(hash ^ d, 0x01000193);
      k++;
    }
    const name = nameOf(b, lt + 1, k, hash);
    const self = b[e - 1] === 0x2f;
    const skip = h.open(name, b, k, self ? e - 1 : e);
    i = e + 1;
    if (skip && !self) {
      const names = skip === true ? NO_NAMES : skip.names;
      const end = names.length ? skipFinding(b, (words ??= wordsOf(b)), i, name, names, found) : findEndTag(b, i, name);
      if (end < 0) return;
      h.skipped?.(name, b, i, end, names.length ? found : NO_FOUND);
      i = end + name.length + 3;
      h.close(name);
    } else if (self) h.close(name);
  }
}

const ATTRS = new Map<string, RegExp>();

/** An attribute's value (its entities decoded), or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  if (!attrs) return undefined;
  let re = ATTRS.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRS.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  const v = m[1] ?? m[2] ?? '';
  return v.indexOf('&') < 0 ? v : xmlText(v);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its XML entities decoded; an unknown entity is kept as written. */
export function xmlText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? m;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}
