/**
 * A web page saved as one file (MHTML, `.mhtml`/`.mht`: Chrome's and Edge's "Webpage, Single File",
 * Word's and Internet Explorer's "Single File Web Page") is a MIME message (RFC 2557): headers, then
 * the page and its images, styles and frames as parts of a multipart/related body, each part with
 * its own headers and transfer encoding (quoted-printable or base64, RFC 2045). This reads the
 * message from its bytes and gives the page: the HTML part's bytes, undone of their transfer
 * encoding, with its charset and address. The bytes are kept as they are (the page's own encoding,
 * GBK as often as UTF-8, is decoded by the caller, as for a page saved on its own).
 */

/** A MIME entity: lower-cased header names to their (unfolded) values, and the body's bytes. */
interface Entity {
  headers: Map<string, string>;
  body: Uint8Array;
}

/** The page an MHTML file holds. */
export interface MhtmlPage {
  /** The HTML, as bytes in its own encoding (transfer encoding undone). */
  html: Uint8Array;
  /** The charset its part declares, or null. */
  charset: string | null;
  /** Where the page was saved from, when that is a web address (http or https), else null. */
  location: string | null;
}

/** The bytes as a string of the same code units (0–255), so that offsets in one are offsets in the other. */
function byteString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

/** Where the headers that start at `from` end: the offset of the body after the blank line (`end` when there is none). */
function headerEnd(s: string, from: number, end: number): { headersEnd: number; bodyStart: number } {
  // No headers at all: the entity starts with its blank line.
  if (s.startsWith('\r\n', from)) return { headersEnd: from, bodyStart: from + 2 };
  if (s.startsWith('\n', from)) return { headersEnd: from, bodyStart: from + 1 };
  // Only within the entity: a part with no blank line must not make each search run to the end of the file.
  const hit = /\r?\n\r?\n/.exec(s.slice(from, end));
  if (!hit) return { headersEnd: end, bodyStart: end };
  return { headersEnd: from + hit.index, bodyStart: from + hit.index + hit[0].length };
}

/** The headers in `s` (unfolded; a repeated header keeps its first value). */
function parseHeaders(s: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of s.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** A parameter of a header value (`boundary="…"`, `charset=gbk`), or null. */
function param(value: string | undefined, name: string): string | null {
  if (!value) return null;
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : null;
}

/** The media type of a Content-Type value, lower-cased (`text/html`), or '' when there is none. */
function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0].trim().toLowerCase();
}

const HEX = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

/** Quoted-printable undone: `=XX` is the byte XX, `=` at the end of a line joins it to the next; anything else stays. */
function decodeQuotedPrintable(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  let o = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c !== 0x3d) {
      out[o++] = c;
      continue;
    }
    // A soft line break, with the white space some writers leave before it.
    let j = i + 1;
    while (j < b.length && (b[j] === 0x20 || b[j] === 0x09)) j++;
    if (b[j] === 0x0a) {
      i = j;
      continue;
    }
    if (b[j] === 0x0d && b[j + 1] === 0x0a) {
      i = j + 1;
      continue;
    }
    if (j === b.length) break;
    const hi = HEX(b[i + 1]);
    const lo = HEX(b[i + 2]);
    if (hi >= 0 && lo >= 0) {
      out[o++] = (hi << 4) | lo;
      i += 2;
    } else out[o++] = c;
  }
  return out.subarray(0, o);
}

const B64 = (() => {
  const t = new Int8Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  // The URL-safe alphabet too.
  t[0x2d] = 62;
  t[0x5f] = 63;
  return t;
})();

/** Base64 undone; line breaks and anything outside the alphabet are skipped, `=` ends the data. */
function decodeBase64(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.floor((b.length * 3) / 4) + 3);
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x3d) break;
    const v = B64[b[i]];
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

function undoTransfer(entity: Entity): Uint8Array {
  const enc = (entity.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (enc === 'quoted-printable') return decodeQuotedPrintable(entity.body);
  if (enc === 'base64') return decodeBase64(entity.body);
  return entity.body;
}

/** The parts of a multipart body between `from` and `to` of `s` (the message as a byte string). */
function parts(s: string, bytes: Uint8Array, from: number, to: number, boundary: string): Entity[] {
  const delimiter = `--${boundary}`;
  const found: Entity[] = [];
  // Every search stays within the entity (a view of it, offsets from `from`): a nested multipart whose
  // delimiter never comes must not make each search run to the end of the file.
  const r = s.slice(from, to);
  const n = r.length;
  // The first delimiter: at the start of the body or of a line (a preamble may come before it).
  let at = r.startsWith(delimiter) ? 0 : r.indexOf(`\n${delimiter}`);
  if (at < 0) return found;
  if (at !== 0) at += 1;
  for (let guard = 0; guard < 100000; guard++) {
    const after = at + delimiter.length;
    // The close delimiter ends the body.
    if (r.startsWith('--', after)) break;
    const eol = r.indexOf('\n', after);
    if (eol < 0) break;
    const start = eol + 1;
    let next = r.indexOf(`\n${delimiter}`, eol);
    if (next < 0) next = n;
    // The line break before the next delimiter belongs to the delimiter.
    const end = next > start && r.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
    const { headersEnd, bodyStart } = headerEnd(r, start, Math.max(start, end));
    found.push({
      headers: parseHeaders(r.slice(start, headersEnd)),
      body: bytes.subarray(from + Math.min(bodyStart, end), from + Math.max(start, end)),
    });
    if (next >= n) break;
    at = next + 1;
  }
  return found;
}

/** At most this many pages (a page and its frames) are looked at in one file. */
const MAX_PAGES = 32;

/** The HTML entities of an entity, root first: the entity itself, or its parts, looking into nested multiparts. */
function htmlEntities(s: string, bytes: Uint8Array, entity: Entity, from: number, to: number, depth: number, out: Entity[]): void {
  const type = entity.headers.get('content-type');
  const media = mediaType(type);
  if (media === 'text/html' || media === 'application/xhtml+xml') {
    out.push(entity);
    return;
  }
  if (!media.startsWith('multipart/') || depth > 3) return;
  const boundary = param(type, 'boundary');
  if (!boundary) return;
  const list = parts(s, bytes, from, to, boundary);
  // The root part: the one `start` names, else the first (RFC 2387); then the others in order (frames).
  const start = param(type, 'start');
  const root = (start && list.find((p) => p.headers.get('content-id') === start)) || list[0];
  const ordered = root ? [root, ...list.filter((p) => p !== root)] : list;
  for (const p of ordered) {
    if (out.length >= MAX_PAGES) return;
    const offset = p.body.byteOffset - bytes.byteOffset;
    htmlEntities(s, bytes, p, offset, offset + p.body.length, depth + 1, out);
  }
}

/** True when the bytes start like a MIME message: header lines, one of them a Content-Type. */
export function looksLikeMime(bytes: Uint8Array, extension: string): boolean {
  const named = extension === 'mhtml' || extension === 'mht';
  // Cheap for every other file (this runs on each one): a header name and a colon on the first line.
  if (!named && !/^[A-Za-z][\w-]*:/.test(byteString(bytes.subarray(0, 80)))) return false;
  const head = byteString(bytes.subarray(0, 8192));
  if (!/^[\w-]+:/.test(head)) return false;
  const { headersEnd } = headerEnd(head, 0, head.length);
  const headers = parseHeaders(head.slice(0, headersEnd));
  const media = mediaType(headers.get('content-type'));
  if (named) return media.startsWith('multipart/') || media === 'text/html';
  // Without the extension, only what a saved page is: a MIME message whose body is a page and its parts.
  return headers.has('mime-version') && media === 'multipart/related';
}

/**
 * The pages of an MHTML file, the saved page first, then its frames (an article is sometimes in
 * one); empty when it holds none (no HTML part, or no MIME structure).
 */
export function mhtmlPages(bytes: Uint8Array): MhtmlPage[] {
  const s = byteString(bytes);
  const { headersEnd, bodyStart } = headerEnd(s, 0, s.length);
  const message: Entity = { headers: parseHeaders(s.slice(0, headersEnd)), body: bytes.subarray(bodyStart) };
  const pages: Entity[] = [];
  htmlEntities(s, bytes, message, bodyStart, s.length, 0, pages);
  const web = (v: string | undefined | null) => (v && /^https?:\/\//i.test(v.trim()) ? v.trim() : null);
  const saved = web(message.headers.get('snapshot-content-location'));
  return pages.map((page, i) => ({
    html: undoTransfer(page),
    charset: param(page.headers.get('content-type'), 'charset'),
    // Where the page was saved from; a frame has its own address, or none.
    location: web(page.headers.get('content-location')) ?? (i === 0 ? saved : null),
  }));
}
