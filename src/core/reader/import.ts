/**
 * The entry point of the core: bytes of a source file in, reports out. Never throws:
 * every problem becomes a diagnostic that says what was wrong and where.
 *
 * Binary formats (Word, PDF) are sniffed by their magic numbers first; everything else is
 * decoded to text and sniffed as text. `importSource` is synchronous and reads every format but
 * PDF, for which it says that the PDF reader is needed; `importSourceAsync` reads PDF too, with the
 * host's extractor from the options.
 */
import type { Diagnostic, ImportOptions, RawItem, SourceFormat, SourceImport } from '../model/index.ts';
import { diag, type MessageCode } from '../model/index.ts';
import { buildReport } from '../structure/index.ts';
import { DEFAULT_MAX_BYTES } from '../defaults.ts';
import { decodeBytes, decodeNotes, looksBinary } from './decode.ts';
import { formatForExtension, sniffBinary, sniffFormat } from './formats.ts';
import type { BinaryFormatSpec, FormatRead } from './registry.ts';
import { isZip, zipHasName } from './zip.ts';

function emptyImport(source: string, format: SourceFormat, code: MessageCode, args: (string | number)[] = []): SourceImport {
  return { source, format, diagnostics: [diag('error', code, args)], reports: [] };
}

type Start = { done: SourceImport } | { binary: BinaryFormatSpec; max: number } | { text: string; notes: Diagnostic[] };

/** What a zip that is no Word document is: an OpenDocument file (its `mimetype` entry), an Excel or PowerPoint file, or an archive. */
function zipKind(bytes: Uint8Array): MessageCode {
  if (zipHasName(bytes, 'mimetype') && zipHasName(bytes, 'content.xml')) return 'zipOpenDocument';
  if (zipHasName(bytes, '[Content_Types].xml') && (zipHasName(bytes, 'xl/') || zipHasName(bytes, 'ppt/'))) return 'zipOffice';
  return 'zipNotReport';
}

/** The checks every import makes first: size, emptiness, a binary format, decoding. */
function start(source: string, bytes: Uint8Array, options: ImportOptions): Start {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const guess = formatForExtension(source);
  if (bytes.length > max) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return { done: emptyImport(source, guess, 'tooLarge', [mb(bytes.length), mb(max)]) };
  }
  if (bytes.length === 0) return { done: emptyImport(source, guess, 'empty') };
  const binary = sniffBinary(bytes, source);
  if (binary) return { binary, max };
  if (looksBinary(bytes)) {
    // A file named .docx or .pdf that is neither: say so in the terms of its name.
    if (guess === 'docx') return { done: emptyImport(source, guess, 'zipBroken', ['it is not a zip archive']) };
    if (guess === 'pdf') return { done: emptyImport(source, guess, 'pdfDamaged', ['it does not start with %PDF-']) };
    // A zip that is no Word document: an OpenDocument text, a spreadsheet, an archive of files.
    if (isZip(bytes)) return { done: emptyImport(source, guess, zipKind(bytes)) };
    return { done: emptyImport(source, guess, 'binary') };
  }
  let text: string;
  let notes: Diagnostic[];
  try {
    const d = decodeBytes(bytes);
    text = d.text;
    notes = decodeNotes(d);
  } catch (e) {
    return { done: emptyImport(source, guess, 'undecodable', [(e as Error).message]) };
  }
  if (!/[^\s\u00a0\u3000\uFEFF]/.test(text)) return { done: emptyImport(source, guess, 'whitespaceOnly') };
  return { text, notes };
}

/** Reports from what a format read; the same for every format. */
function finish(source: string, format: SourceFormat, read: FormatRead, notes: Diagnostic[], yearFromFileName: boolean): SourceImport {
  const diagnostics = [...notes, ...read.diagnostics];
  const reports = read.items.map((it: RawItem) => buildReport(it, source, { yearFromFileName }));
  // Two items with the same link (or the same title and year) must still be told apart.
  const seen = new Map<string, number>();
  for (const r of reports) {
    const n = seen.get(r.id) ?? 0;
    seen.set(r.id, n + 1);
    if (n > 0) r.id = `${r.id}.${n}`;
  }
  return { source, format, diagnostics, reports };
}

const failedRead = (format: string, e: unknown): FormatRead => ({ items: [], diagnostics: [diag('error', 'parseFailed', [format, (e as Error).message])] });

function readText(source: string, text: string, notes: Diagnostic[]): SourceImport {
  const spec = sniffFormat(text, source);
  let read: FormatRead;
  try {
    read = spec.read(text);
  } catch (e) {
    read = failedRead(spec.id, e);
  }
  return finish(source, spec.id, read, notes, spec.yearFromFileName);
}

/** Imports a source file. `source` is the file's path or URI (used for messages, the format and the fallback title). */
export function importSource(source: string, bytes: Uint8Array, options: ImportOptions = {}): SourceImport {
  const s = start(source, bytes, options);
  if ('done' in s) return s.done;
  if ('text' in s) return readText(source, s.text, s.notes);
  let read: FormatRead;
  try {
    read = s.binary.readBytes(bytes, { maxBytes: s.max, inflateRaw: options.inflateRaw });
  } catch (e) {
    read = failedRead(s.binary.id, e);
  }
  return finish(source, s.binary.id, read, [], s.binary.yearFromFileName);
}

/** Imports a source file of any format, PDF included (with `options.pdfText`). Never rejects. */
export async function importSourceAsync(source: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<SourceImport> {
  const s = start(source, bytes, options);
  if ('done' in s) return s.done;
  if ('text' in s) return readText(source, s.text, s.notes);
  let read: FormatRead;
  try {
    const spec = s.binary;
    const base = { maxBytes: s.max, inflateRaw: options.inflateRaw };
    read = spec.readBytesAsync ? await spec.readBytesAsync(bytes, { ...base, pdfText: options.pdfText }) : spec.readBytes(bytes, base);
  } catch (e) {
    read = failedRead(s.binary.id, e);
  }
  return finish(source, s.binary.id, read, [], s.binary.yearFromFileName);
}
