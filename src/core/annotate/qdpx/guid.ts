/**
 * Stable GUIDs for the REFI-QDA export: name-based UUIDs (RFC 9562 version 5, SHA-1) in an Annals
 * namespace, so that the same data exports with the same GUIDs every time. SHA-1 here names things;
 * it protects nothing.
 */

/** The Annals namespace of the name-based UUIDs: fixed once, never to change (every GUID depends on it). */
const NAMESPACE = hexBytes('4d1c1f0f6a2b5d3c9e8f0a1b2c3d4e5f');

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** SHA-1 (FIPS 180-4) of bytes, as 20 bytes. */
function sha1(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  const padded = new Uint8Array((((data.length + 9 + 63) >> 6) << 6) >>> 0);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Int32Array(80);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(off + 4 * i);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + k + w[i]) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => ov.setInt32(4 * i, h));
  return out;
}

const utf8 = new TextEncoder();

/** A version 5 UUID of `name` in `namespace` (16 bytes), upper case as the REFI-QDA examples write them. */
function uuid5(namespace: Uint8Array, name: string): string {
  const n = utf8.encode(name);
  const data = new Uint8Array(namespace.length + n.length);
  data.set(namespace);
  data.set(n, namespace.length);
  const h = sha1(data).subarray(0, 16);
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = Array.from(h, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toUpperCase();
}

/** The stable GUID of a thing of a kind (user, code, source, selection, …) named by its parts. */
export function stableGuid(kind: string, ...parts: readonly (string | number)[]): string {
  return uuid5(NAMESPACE, [kind, ...parts.map(String)].join('\u0000'));
}

/** The tag id an imported code gets: `qdpx-` and its GUID's 32 hex digits, lower case. */
export function tagIdOfGuid(guid: string): string {
  return `qdpx-${guid.replace(/[{}-]/g, '').toLowerCase()}`;
}

/** A tag's code GUID: the one it was imported with, else a stable GUID of its id. */
export function codeGuid(tagId: string): string {
  const m = /^qdpx-([0-9a-f]{32})$/.exec(tagId);
  if (!m) return stableGuid('code', tagId);
  const h = m[1].toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
