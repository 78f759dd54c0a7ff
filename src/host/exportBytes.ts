/**
 * An exporter's output as the bytes of its file: text as UTF-8, a zip archive through the zip
 * writer and a workbook through the XLSX writer, each loaded on first use. In a bundle, ANNALS_XLSX
 * and ANNALS_ZIP name dist/xlsx.js and dist/zip.js (the build's defines), imports esbuild leaves
 * alone, so the extension's bundle carries neither ExcelJS nor the zip code; from the sources
 * (tests) they are xlsx.ts and zip.ts.
 */
import type { ExportOutput } from '../core/index.ts';

declare const ANNALS_XLSX: string;
declare const ANNALS_ZIP: string;

type XlsxModule = typeof import('./xlsx.ts');
type ZipModule = typeof import('./zip.ts');

/** A chunk's exports, whether it loads as CommonJS (under `default`) or as an ES module. */
async function load<M>(name: string): Promise<Partial<M>> {
  const m = (await import(name)) as Partial<M> & { default?: Partial<M> };
  return { ...m.default, ...m };
}

export async function exportBytes(out: ExportOutput): Promise<Uint8Array> {
  if (typeof out === 'string') return new TextEncoder().encode(out);
  if (out.kind === 'zip') {
    const name = typeof ANNALS_ZIP === 'string' ? ANNALS_ZIP : './zip.ts';
    const zip = (await load<ZipModule>(name)).zipArchive;
    if (!zip) throw new Error(`the zip writer (${name}) did not load`);
    return zip(out);
  }
  const name = typeof ANNALS_XLSX === 'string' ? ANNALS_XLSX : './xlsx.ts';
  const write = (await load<XlsxModule>(name)).writeXlsx;
  if (!write) throw new Error(`the XLSX writer (${name}) did not load`);
  return write(out);
}
