/**
 * PDF: the text layer, read by the host's extractor (pdfjs-dist in Node, src/host/pdfjs.ts),
 * passed in through the import options, so the core stays pure. The paragraphs are rebuilt from the
 * page geometry (pdfLayout.ts). A PDF with no text layer (a scan) needs OCR: it gets that problem,
 * not an empty report. Encrypted, damaged and truncated files get the extractor's problem.
 */
import { type Diagnostic, diag, parseDate, type PdfTextExtractor } from '../../model/index.ts';
import { linesToItem } from '../lines.ts';
import { pdfParagraphs } from '../pdfLayout.ts';
import type { BinaryFormatSpec, FormatRead } from '../registry.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { propsTitle } from '../props.ts';

/** %PDF- within the first KB (the format allows a little junk before it). */
function isPdf(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

/**
 * Whether the cross-reference table the file points to (the last `startxref`) is where it says:
 * an `xref` table or an xref stream object at that offset. A reader that finds it elsewhere had to
 * rebuild it by scanning the file.
 */
function xrefIntact(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  const m = /startxref\s+(\d+)\s*(?:%%EOF)?\s*$/.exec(tail.trimEnd());
  if (!m) return false;
  const at = Number(m[1]);
  if (at <= 0 || at >= bytes.length) return false;
  const there = new TextDecoder('latin1').decode(bytes.subarray(at, at + 32));
  return /^\s*(?:xref|\d+\s+\d+\s+obj)/.test(there);
}

/** A PDF date (D:20240429103000+08'00') as an ISO date, when it is one. */
function pdfDate(s: string | undefined): string | undefined {
  const m = s ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(s) : null;
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return parseDate(iso) ? iso : undefined;
}

async function readPdf(bytes: Uint8Array, extract: PdfTextExtractor | undefined): Promise<FormatRead> {
  const problem = (d: Diagnostic): FormatRead => ({ items: [], diagnostics: [d] });
  if (!extract) return problem(diag('error', 'pdfNeedsReader'));
  const doc = await extract(bytes);
  if (!doc.ok)
    return problem(
      diag(
        'error',
        doc.problem.code,
        doc.problem.args.map((a) => (typeof a === 'string' ? a : a.code)),
      ),
    );
  const pages = doc.value.pages;
  const { lines, hints, emptyPages } = pdfParagraphs(pages);
  if (!lines.length) return problem(diag('error', 'pdfNoText', [pages.length]));
  const diagnostics: Diagnostic[] = [];
  if (!xrefIntact(bytes)) diagnostics.push(diag('info', 'pdfXrefRebuilt'));
  if (emptyPages > 0) diagnostics.push(diag('warning', 'pdfPagesWithoutText', [emptyPages, pages.length]));
  const item = linesToItem(lines, { joinWrapped: false, hints });
  const title = doc.value.title?.trim();
  if (title) item.propsTitle = title;
  const created = pdfDate(doc.value.created);
  if (created) item.propsDate = created;
  item.title ??= propsTitle(title);
  return { items: [item], diagnostics };
}

export const pdfFormat: BinaryFormatSpec = {
  id: 'pdf',
  extensions: FORMAT_EXTENSIONS.pdf,
  sniffBytes: ({ bytes }) => isPdf(bytes),
  readBytes: () => ({ items: [], diagnostics: [diag('error', 'pdfNeedsReader')] }),
  readBytesAsync: (bytes, options) => readPdf(bytes, options.pdfText),
  yearFromFileName: true,
};
