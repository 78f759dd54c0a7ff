/**
 * The parts of a zip package (a Word file), read with fflate. The central directory's sizes are
 * read first, so nothing is decompressed past the size limit: a zip bomb is refused before any of
 * it is unpacked. An entry that unpacks to more than its directory said is cut at the declared size
 * (fflate writes into a buffer of that size), so a lying directory cannot blow the limit either.
 */
import { unzipSync } from 'fflate';
import { fail, type InflateRaw, ok, type Result } from '../model/index.ts';

/** A zip archive starts with a local file header. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The end of central directory record, searched backwards over the comment (at most 64 KB). */
function endOfDirectory(bytes: Uint8Array): number {
  for (let e = bytes.length - 22; e >= 0 && bytes.length - e <= 65557; e--) if (u32(bytes, e) === 0x06054b50) return e;
  return -1;
}

/** Whether any entry of the central directory is encrypted (general purpose flag bit 0). */
function anyEncrypted(bytes: Uint8Array): boolean {
  const e = endOfDirectory(bytes);
  if (e < 0) return false;
  const count = u16(bytes, e + 10);
  let o = u32(bytes, e + 16);
  for (let i = 0; i < count && o + 46 <= bytes.length; i++) {
    if (u32(bytes, o) !== 0x02014b50) return false;
    if (u16(bytes, o + 8) & 1) return true;
    o += 46 + u16(bytes, o + 28) + u16(bytes, o + 30) + u16(bytes, o + 32);
  }
  return false;
}

/** Whether bytes hold an ASCII string (a part's name in a zip archive, a tag in a part), by native searches. */
export function zipHasName(bytes: Uint8Array, name: string): boolean {
  // Search for the rarest-looking byte (an upper-case letter if there is one), then compare around it.
  let at = name.search(/[A-Z]/);
  if (at < 0) at = 0;
  const key = name.charCodeAt(at);
  for (let i = bytes.indexOf(key, at); i >= 0; i = bytes.indexOf(key, i + 1)) {
    const start = i - at;
    let k = 0;
    while (k < name.length && bytes[start + k] === name.charCodeAt(k)) k++;
    if (k === name.length) return true;
  }
  return false;
}

/**
 * The named parts of a zip archive (those present), when together they unpack to at most
 * `maxBytes`. Problems: zipBroken (not a readable zip), docxEncrypted, docxTooLarge.
 */
export function readZipParts(bytes: Uint8Array, wanted: ReadonlySet<string>, maxBytes: number, inflateRaw?: InflateRaw): Result<Map<string, Uint8Array>> {
  if (anyEncrypted(bytes)) return fail('docxEncrypted');
  if (endOfDirectory(bytes) < 0) return fail('zipBroken', ['its zip directory is missing (the file is cut off or is not a zip archive)']);
  let declared = 0;
  let lying = false;
  try {
    // First pass: the directory's sizes only; nothing is unpacked.
    unzipSync(bytes, {
      filter: (f) => {
        if (wanted.has(f.name)) {
          declared += f.originalSize;
          // Deflate cannot pack more than about 1032:1; a directory that says more is lying.
          if (f.size > 0 && f.originalSize / f.size > 1100) lying = true;
        }
        return false;
      },
    });
  } catch (e) {
    return fail('zipBroken', [`its zip directory cannot be read (${(e as Error).message})`]);
  }
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  if (declared > maxBytes || lying) return fail('docxTooLarge', [mb(Math.max(declared, maxBytes + 1)), mb(maxBytes)]);
  try {
    if (inflateRaw) return ok(hostParts(bytes, wanted, inflateRaw));
    const files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
    return ok(new Map(Object.entries(files)));
  } catch (e) {
    return fail('zipBroken', [`a part cannot be unpacked (${(e as Error).message})`]);
  }
}

const utf8 = new TextDecoder();

/**
 * The wanted parts, unpacked by the host's decoder (native in Node, several times fflate's speed):
 * the central directory gives each part's method, sizes and local header; the data follows the
 * local header's name and extra field. Each part is cut at its declared size, as fflate does, and
 * a stored part is copied. Anything else (another method, a header out of the file) throws.
 */
function hostParts(bytes: Uint8Array, wanted: ReadonlySet<string>, inflateRaw: InflateRaw): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const e = endOfDirectory(bytes);
  const count = u16(bytes, e + 10);
  let o = u32(bytes, e + 16);
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50) throw new Error('a directory entry is out of place');
    const method = u16(bytes, o + 10);
    const size = u32(bytes, o + 20);
    const originalSize = u32(bytes, o + 24);
    const nameLength = u16(bytes, o + 28);
    const next = o + 46 + nameLength + u16(bytes, o + 30) + u16(bytes, o + 32);
    const name = utf8.decode(bytes.subarray(o + 46, o + 46 + nameLength));
    if (wanted.has(name) && !out.has(name)) {
      const local = u32(bytes, o + 42);
      if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new Error(`the local header of ${name} is out of place`);
      const from = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      if (from + size > bytes.length) throw new Error(`${name} runs past the end of the file`);
      const data = bytes.subarray(from, from + size);
      if (method === 0) out.set(name, data.slice(0, originalSize));
      else if (method === 8) {
        const part = originalSize === 0 ? new Uint8Array(0) : inflateRaw(data, originalSize);
        out.set(name, part.length > originalSize ? part.subarray(0, originalSize) : part);
      } else throw new Error(`${name} uses compression method ${method}`);
    }
    o = next;
  }
  return out;
}
