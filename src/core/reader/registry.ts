/**
 * The format registry. A format declares the file extensions it is found under, a sniff that
 * recognises its decoded text, and a reader that turns the text into raw report items. Adding a
 * format is one file in formats/ and one line in FORMATS; discovery (the extension's glob, the
 * CLI's folder walk and file dialogs) reads its extension list from here.
 */
import type { Diagnostic, InflateRaw, PdfTextExtractor, RawItem, SourceFormat } from '../model/index.ts';

export interface FormatRead {
  items: RawItem[];
  /** Problems with the source as a whole. */
  diagnostics: Diagnostic[];
}

interface SniffInput {
  /** The decoded text. */
  text: string;
  /** Its first 4 KB, lower-cased, with a BOM and leading white space removed. */
  head: string;
  /** The source's file extension, lower-cased, without the dot ('' when none). */
  extension: string;
}

export interface SourceFormatSpec {
  id: SourceFormat;
  /** Extensions (lower case, no dot) that discovery looks for and that name this format when a file cannot be read. */
  extensions: readonly string[];
  /** True when the text is in this format. Formats are tried in registry order; the last one takes anything. */
  sniff(input: SniffInput): boolean;
  read(text: string): FormatRead;
  /** Whether a report with no year in its text may take the year from its file name. */
  yearFromFileName: boolean;
}

interface BytesSniffInput {
  bytes: Uint8Array;
  /** The source's file extension, lower-cased, without the dot ('' when none). */
  extension: string;
}

interface BytesReadOptions {
  /** The size limit: a Word file may not unpack to more than this. */
  maxBytes: number;
  /** The host's raw-deflate decoder for zip parts (ImportOptions.inflateRaw); the core's own without one. */
  inflateRaw?: InflateRaw;
}

/**
 * A format read from bytes, not from decoded text (Word, PDF). Its sniff looks at magic numbers
 * and runs before the text decoding, so such a file is never refused as binary.
 */
export interface BinaryFormatSpec {
  id: SourceFormat;
  extensions: readonly string[];
  sniffBytes(input: BytesSniffInput): boolean;
  /** Reads the bytes; a format that needs a host (PDF) says so with a problem here and reads in readBytesAsync. */
  readBytes(bytes: Uint8Array, options: BytesReadOptions): FormatRead;
  readBytesAsync?(bytes: Uint8Array, options: BytesReadOptions & { pdfText?: PdfTextExtractor }): Promise<FormatRead>;
  yearFromFileName: boolean;
}

/** The file extension of a path or URI, lower-cased, without the dot. */
export function fileExtension(source: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(source.split(/[?#]/)[0]);
  return m ? m[1].toLowerCase() : '';
}

/** A text that starts as an XML document or a feed's root element. */
export function startsLikeXml(head: string): boolean {
  return head.startsWith('<?xml') || head.startsWith('<rss') || head.startsWith('<feed') || head.startsWith('<rdf') || /^<[\w-]+:feed[\s>]/.test(head);
}
