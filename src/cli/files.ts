/**
 * The CLI's files: reading an input under the size limit (--max-size-mb), walking a folder, and
 * saying why a file cannot be read.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { importSourceAsync, megabytes, type SourceImport } from '../core/index.ts';
import { loadPdfExtractor } from '../host/loadPdf.ts';
import { nodeInflateRaw } from '../host/inflate.ts';

/** Why a file or folder cannot be read, in words for ENOENT (`noSuch`) and EACCES, else as Node says it. */
export function reason(e: unknown, noSuch: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? noSuch : code === 'EACCES' ? 'permission denied' : (e as Error).message;
}

const inMegabytes = (bytes: number) => (bytes / megabytes(1)).toFixed(1);

/** What is wrong with a file of `size` bytes over the limit of `maxBytes`. */
export function overLimit(size: number, maxBytes: number): string {
  return `the file is ${inMegabytes(size)} MB, over the limit of ${inMegabytes(maxBytes)} MB (--max-size-mb)`;
}

/** The bytes of one input file, or why it cannot be read (a folder, over the limit, missing …). */
export function readInput(file: string, maxBytes: number): Uint8Array | string {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return `${file}: is a folder, not a file`;
    if (st.size > maxBytes) return `${file}: ${overLimit(st.size, maxBytes)}`;
    return readFileSync(file);
  } catch (e) {
    return `${file}: cannot read: ${reason(e, 'no such file')}`;
  }
}

/** An entry under a walked folder: `file` is true for a regular file (not a symbolic link, not a device). */
interface WalkEntry {
  path: string;
  file: boolean;
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Everything under a folder that is not a folder, recursively: depth first, each folder's names in
 * sorted order. `skip` leaves out files and folders by name. A symbolic link to a folder is not
 * followed (each folder is read once). Throws when a folder cannot be read.
 */
export function walk(dir: string, skip: (name: string) => boolean, out: WalkEntry[] = []): WalkEntry[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    if (skip(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, skip, out);
    else out.push({ path: p, file: e.isFile() });
  }
  return out;
}

/**
 * Imports a file of any format. The PDF reader (pdfjs-dist, a bundle of its own) is loaded only
 * when a PDF comes along.
 */
export function importInput(file: string, bytes: Uint8Array, maxBytes: number): Promise<SourceImport> {
  return importSourceAsync(file, bytes, { maxBytes, inflateRaw: nodeInflateRaw, pdfText: async (pdf) => (await loadPdfExtractor())(pdf) });
}
