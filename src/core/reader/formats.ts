/**
 * The formats Annals reads, in sniffing order: the first whose sniff accepts a text reads it (the
 * feeds' and the page's sniffs exclude each other; plain text takes anything, so it comes last).
 */
import type { SourceFormat } from '../model/index.ts';
import { docFormat } from './formats/doc.ts';
import { docxFormat } from './formats/docx.ts';
import { atomFormat, rssFormat } from './formats/feed.ts';
import { flattenedFeedFormat } from './formats/flattened.ts';
import { htmlFormat } from './formats/html.ts';
import { mhtmlFormat } from './formats/mhtml.ts';
import { pdfFormat } from './formats/pdf.ts';
import { plainTextFormat } from './formats/plaintext.ts';
import { rtfFormat } from './formats/rtf.ts';
import { type BinaryFormatSpec, fileExtension, type SourceFormatSpec } from './registry.ts';

const FORMATS: readonly SourceFormatSpec[] = [rssFormat, atomFormat, htmlFormat, rtfFormat, flattenedFeedFormat, plainTextFormat];

/** Formats read from bytes (magic numbers), sniffed before any text decoding. */
const BINARY_FORMATS: readonly BinaryFormatSpec[] = [docxFormat, docFormat, pdfFormat, mhtmlFormat];

/** The format a file's name suggests, for messages about a file that could not be read. */
export function formatForExtension(source: string): SourceFormat {
  const ext = fileExtension(source);
  return [...BINARY_FORMATS, ...FORMATS].find((f) => f.extensions.includes(ext))?.id ?? 'text';
}

/** The binary format of a file's bytes, by its magic numbers, or null. */
export function sniffBinary(bytes: Uint8Array, source: string): BinaryFormatSpec | null {
  const input = { bytes, extension: fileExtension(source) };
  return BINARY_FORMATS.find((f) => f.sniffBytes(input)) ?? null;
}

/** The format of a decoded text. */
export function sniffFormat(text: string, source: string): SourceFormatSpec {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  const input = { text, head, extension: fileExtension(source) };
  return FORMATS.find((f) => f.sniff(input)) ?? plainTextFormat;
}
