/**
 * Bytes to text, as a browser would: BOM, then <meta charset> / http-equiv or the
 * XML declaration (WHATWG sniffing, by encoding-sniffer), then UTF-8 when the bytes
 * are valid UTF-8, else GB18030 (a superset of GBK and GB2312), the usual encoding
 * of Chinese pages that declare nothing. Decoding uses the platform's TextDecoder.
 */
import { Sniffer, ResultType } from 'encoding-sniffer/sniffer';

export interface Decoded {
  text: string;
  encoding: string;
  /**
   * How the encoding was chosen, for messages: a BOM, a declaration, valid UTF-8, UTF-8 with a
   * few bad bytes replaced (`replaced` says how many), a GBK declaration that the bytes
   * contradict (they are valid UTF-8), or the GB18030 fallback.
   */
  via: 'bom' | 'declared' | 'utf-8' | 'utf-8-repaired' | 'misdeclared' | 'fallback';
  replaced?: number;
  declared?: string;
}

class DecodeError extends Error {}

/** A file is binary when it holds NUL bytes or many control characters near its start. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  // UTF-16 with a BOM legitimately holds NULs.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / n > 0.05;
}

function decoderFor(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  const sniffer = new Sniffer({ maxBytes: 4096, defaultEncoding: 'utf-8' });
  sniffer.write(bytes.subarray(0, 4096));
  const kind = sniffer.resultType;
  if (kind === ResultType.BOM || kind === ResultType.XML_PREFIX) {
    const dec = decoderFor(sniffer.encoding, false);
    if (dec) return { text: dec.decode(bytes), encoding: sniffer.encoding, via: 'bom' };
  }
  if (kind === ResultType.META_TAG || kind === ResultType.XML_ENCODING) {
    // Pages that say gb2312 often hold GBK/GB18030 characters: decode with the superset.
    const gbk = /^(gb2312|gbk|gb_2312|x-gbk|chinese|gb18030)/i.test(sniffer.encoding);
    // A page saved again as UTF-8 often keeps its old gb2312 declaration. Chinese GBK text is
    // practically never valid UTF-8, so valid UTF-8 with non-ASCII bytes wins, and says so.
    if (gbk && hasHighBytes(bytes)) {
      const utf8 = mostlyUtf8(bytes);
      if (utf8) return { text: utf8.text, encoding: 'utf-8', via: 'misdeclared', declared: sniffer.encoding, replaced: utf8.replaced };
    }
    const label = gbk ? 'gb18030' : sniffer.encoding;
    const dec = decoderFor(label, false);
    if (dec) return { text: dec.decode(bytes), encoding: label, via: 'declared' };
  }
  const utf8 = mostlyUtf8(bytes);
  if (utf8) return { text: utf8.text, encoding: 'utf-8', via: utf8.replaced ? 'utf-8-repaired' : 'utf-8', replaced: utf8.replaced };
  const gb = decoderFor('gb18030', false);
  if (!gb) throw new DecodeError('the text is not UTF-8 and this platform cannot decode GB18030');
  return { text: gb.decode(bytes), encoding: 'gb18030', via: 'fallback' };
}

/**
 * The text as UTF-8 when it is, or nearly is: a few bad bytes (a file cut in the middle of a
 * character) are replaced and counted, rather than reading the whole file as GB18030. GBK read
 * as UTF-8 breaks at nearly every Chinese character; a cut UTF-8 file at one or two.
 */
function mostlyUtf8(bytes: Uint8Array): { text: string; replaced: number } | null {
  const strict = strictUtf8(bytes);
  if (strict !== null) return { text: strict, replaced: 0 };
  const lenient = decoderFor('utf-8', false)!.decode(bytes);
  let bad = 0;
  for (let i = lenient.indexOf('\uFFFD'); i >= 0; i = lenient.indexOf('\uFFFD', i + 1)) bad++;
  let nonAscii = 0;
  for (let i = 0; i < lenient.length; i++) if (lenient.charCodeAt(i) >= 0x80) nonAscii++;
  return bad <= Math.max(3, lenient.length / 10000) && bad * 10 <= nonAscii ? { text: lenient, replaced: bad } : null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return decoderFor('utf-8', true)!.decode(bytes);
  } catch {
    return null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}
