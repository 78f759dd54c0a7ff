/**
 * Loads the PDF extractor only when a PDF is opened. From the sources (tests, the bench) this is
 * pdfjs.ts itself; in the bundled CLI the build maps that import to dist/pdf.mjs, a bundle of its own.
 */
import type { PdfTextExtractor } from '../core/index.ts';

let loaded: Promise<PdfTextExtractor> | null = null;

export function loadPdfExtractor(options: { timeoutMs?: number } = {}): Promise<PdfTextExtractor> {
  if (options.timeoutMs !== undefined) return import('./pdfjs.ts').then((m) => m.createPdfExtractor(options));
  loaded ??= import('./pdfjs.ts').then((m) => m.createPdfExtractor());
  return loaded;
}
