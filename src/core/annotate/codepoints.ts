/** Code points ↔ UTF-16. The model and the editor use UTF-16 offsets; W3C selectors use code points. */

/** Converts offsets in one text between UTF-16 code units and code points, in O(log n) after an O(n) scan. */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of each astral character, in order. */
  private readonly pairs: number[] = [];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.pairs.push(i);
          i++;
        }
      }
    }
  }
  /** A UTF-16 offset as a code point offset. An offset inside a surrogate pair counts the whole character. */
  toCodePoint(utf16: number): number {
    const u = clamp(utf16, 0, this.text.length);
    return u - this.countBefore(u - 1);
  }
  /** A code point offset as a UTF-16 offset. */
  toUtf16(codePoint: number): number {
    let cp = Math.max(0, Math.floor(codePoint));
    // Each astral character before the answer adds one code unit.
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid] - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    cp += lo;
    return Math.min(cp, this.text.length);
  }
  /** Number of pairs whose high surrogate is before `u`. */
  private countBefore(u: number): number {
    let lo = 0;
    let hi = this.pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A UTF-16 offset in `text` as a code point offset (for one-off conversions at the editor edge). */
export function utf16ToCodePoint(text: string, utf16: number): number {
  return new CodePointIndex(text).toCodePoint(utf16);
}

/** A code point offset in `text` as a UTF-16 offset. */
export function codePointToUtf16(text: string, codePoint: number): number {
  return new CodePointIndex(text).toUtf16(codePoint);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The last `n` code points of `s`. */
export function lastCodePoints(s: string, n: number): string {
  let i = s.length;
  for (let k = 0; k < n && i > 0; k++) {
    const c = s.charCodeAt(i - 1);
    i -= c >= 0xdc00 && c <= 0xdfff && i >= 2 && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff ? 2 : 1;
  }
  return s.slice(i);
}

/** The first `n` code points of `s`. */
export function firstCodePoints(s: string, n: number): string {
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return s.slice(0, i);
}
