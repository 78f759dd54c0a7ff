/**
 * The PDF text extractor for Node, over Mozilla's pdfjs-dist (legacy build): the pages with their
 * positioned runs of text, for the core's paragraph rebuilding (src/core/reader/pdfLayout.ts).
 *
 * This file is the entry of its own bundle (dist/pdf.mjs), loaded only when a PDF is opened
 * (loadPdf.ts), so the extension's bundle stays small. pdfjs runs with its worker in the same
 * thread ("fake worker"). Every failure is a problem, never an exception: a password (pdfEncrypted),
 * a damaged or truncated file (pdfDamaged), and a file that takes longer than the time bound
 * (pdfTimeout: the loading task is destroyed).
 */
// The DOMMatrix pdfjs needs, before pdfjs loads (its own comes from a package the VSIX does not ship).
import './domMatrix.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { type PdfDocumentText, type PdfPage, type PdfTextExtractor, problem, type Result } from '../core/index.ts';

// The worker's message handler, in this thread: pdfjs looks for it here before it tries to load a worker file.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

/**
 * pdfjs-dist's character maps (for CID fonts that name a predefined encoding such as UniGB-UCS2-H
 * instead of carrying a ToUnicode map): beside the bundle (dist/cmaps, which the build copies and
 * the VSIX ships), else from the installed package; none when neither can be found.
 */
function cMapUrl(): string | undefined {
  try {
    const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cmaps');
    if (existsSync(path.join(beside, 'UniGB-UCS2-H.bcmap'))) return `${beside}${path.sep}`;
  } catch {
    // No module URL (a CommonJS build): the package's own maps below.
  }
  try {
    // `require` is Node's here: the CommonJS one under tsx, the bundle's own (createRequire) in dist/pdf.mjs.
    return `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')}${path.sep}`;
  } catch {
    return undefined;
  }
}
const CMAPS = cMapUrl();

const fail = (code: Parameters<typeof problem>[0], args: (string | number)[] = []): Result<never> => ({ ok: false, problem: problem(code, args) });

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

async function extract(bytes: Uint8Array, signal: { cancelled: boolean }): Promise<Result<PdfDocumentText>> {
  // pdfjs takes ownership of the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(CMAPS ? { cMapUrl: CMAPS, cMapPacked: true } : {}),
  });
  try {
    const doc = await task.promise;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal.cancelled) break;
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const raw of content.items) {
        const it = raw as TextItem;
        if (typeof it.str !== 'string' || !it.str) continue;
        const [a, b, , , x, y] = it.transform;
        items.push({ str: it.str, x, y, width: it.width, fontSize: Math.hypot(a, b) || it.height, font: it.fontName });
      }
      pages.push({ number: n, width: view.width, height: view.height, items });
      page.cleanup();
    }
    let title: string | undefined;
    let created: string | undefined;
    try {
      const meta = await doc.getMetadata();
      const info = meta.info as { Title?: unknown; CreationDate?: unknown };
      if (typeof info.Title === 'string') title = info.Title;
      if (typeof info.CreationDate === 'string') created = info.CreationDate;
    } catch {
      // No metadata: the text is what counts.
    }
    await doc.destroy();
    return { ok: true, value: { pages, title, created } };
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException') return fail('pdfEncrypted');
    return fail('pdfDamaged', [(err.message ?? String(e)).replace(/\.$/, '')]);
  }
}

/** A PDF extractor that gives up after `timeoutMs` (default 60 s). */
export function createPdfExtractor(options: { timeoutMs?: number } = {}): PdfTextExtractor {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return (bytes) => {
    const signal = { cancelled: false };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Result<PdfDocumentText>>((resolve) => {
      timer = setTimeout(() => {
        signal.cancelled = true;
        resolve(fail('pdfTimeout', [Math.round(timeoutMs / 100) / 10]));
      }, timeoutMs);
    });
    return Promise.race([extract(bytes, signal), timeout]).finally(() => clearTimeout(timer));
  };
}
