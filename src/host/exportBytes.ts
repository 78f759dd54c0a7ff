/**
 * An exporter's output as the bytes of its file: text as UTF-8, a zip as it is, a workbook through
 * the XLSX writer, loaded on first use. In a bundle, ANNALS_XLSX names dist/xlsx.js (the build's
 * define), an import esbuild leaves alone, so neither the extension's nor the CLI's bundle carries
 * ExcelJS; from the sources (tests) it is xlsx.ts.
 */
import type { Workbook } from '../core/index.ts';

declare const ANNALS_XLSX: string;

type XlsxModule = typeof import('./xlsx.ts');

export async function exportBytes(out: string | Uint8Array | Workbook): Promise<Uint8Array> {
  if (typeof out === 'string') return new TextEncoder().encode(out);
  if (out instanceof Uint8Array) return out;
  const name = typeof ANNALS_XLSX === 'string' ? ANNALS_XLSX : './xlsx.ts';
  const m = (await import(name)) as Partial<XlsxModule> & { default?: XlsxModule };
  const write = m.writeXlsx ?? m.default?.writeXlsx;
  if (!write) throw new Error(`the XLSX writer (${name}) did not load`);
  return write(out);
}
