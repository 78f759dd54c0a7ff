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
  /** How the encoding was chosen, for messages. */
  via: 'bom' | 'declared' | 'utf-8' | 'fallback';
}

export class DecodeError extends Error {}

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
    const label = /^(gb2312|gbk|gb_2312|x-gbk|chinese)/i.test(sniffer.encoding) ? 'gb18030' : sniffer.encoding;
    const dec = decoderFor(label, false);
    if (dec) return { text: dec.decode(bytes), encoding: label, via: 'declared' };
  }
  try {
    return { text: decoderFor('utf-8', true)!.decode(bytes), encoding: 'utf-8', via: 'utf-8' };
  } catch {
    const gb = decoderFor('gb18030', false);
    if (!gb) throw new DecodeError('the text is not UTF-8 and this platform cannot decode GB18030');
    return { text: gb.decode(bytes), encoding: 'gb18030', via: 'fallback' };
  }
}
