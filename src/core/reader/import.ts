/**
 * The entry point of the core: bytes of a source file in, reports out. Never throws:
 * every problem becomes a diagnostic that says what was wrong and where.
 */
import type { Diagnostic, ImportOptions, RawItem, SourceFormat, SourceImport } from '../model/index.ts';
import { diag, type MessageCode } from '../model/index.ts';
import { buildReport } from '../structure/index.ts';
import { DEFAULT_MAX_BYTES } from '../defaults.ts';
import { decodeBytes, looksBinary } from './decode.ts';
import { formatForExtension, sniffFormat } from './formats.ts';

function emptyImport(source: string, format: SourceFormat, code: MessageCode, args: (string | number)[] = []): SourceImport {
  return { source, format, diagnostics: [diag('error', code, args)], reports: [] };
}

/** Imports a source file. `source` is the file's path or URI (used for messages, the format and the fallback title). */
export function importSource(source: string, bytes: Uint8Array, options: ImportOptions = {}): SourceImport {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const guess = formatForExtension(source);
  if (bytes.length > max) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return emptyImport(source, guess, 'tooLarge', [mb(bytes.length), mb(max)]);
  }
  if (bytes.length === 0) return emptyImport(source, guess, 'empty');
  if (looksBinary(bytes)) return emptyImport(source, guess, 'binary');
  let text: string;
  let encodingNote: Diagnostic | null = null;
  let extraNote: Diagnostic | null = null;
  try {
    const d = decodeBytes(bytes);
    text = d.text;
    if (d.via === 'fallback') encodingNote = diag('info', 'gb18030Fallback');
    if (d.via === 'utf-8-repaired') encodingNote = diag('warning', 'utf8Repaired', [d.replaced ?? 0]);
    if (d.via === 'misdeclared') encodingNote = diag('info', 'misdeclared', [d.declared ?? '']);
    if (d.via === 'misdeclared' && d.replaced) extraNote = diag('warning', 'utf8Repaired', [d.replaced]);
  } catch (e) {
    return emptyImport(source, guess, 'undecodable', [(e as Error).message]);
  }
  if (!/[^\s\u00a0\u3000\uFEFF]/.test(text)) return emptyImport(source, guess, 'whitespaceOnly');

  const spec = sniffFormat(text, source);
  const format = spec.id;
  const diagnostics: Diagnostic[] = [encodingNote, extraNote].filter((d): d is Diagnostic => d !== null);
  let items: RawItem[] = [];
  try {
    const read = spec.read(text);
    items = read.items;
    diagnostics.push(...read.diagnostics);
  } catch (e) {
    diagnostics.push(diag('error', 'parseFailed', [format, (e as Error).message]));
    items = [];
  }
  const reports = items.map((it) => buildReport(it, source, { yearFromFileName: spec.yearFromFileName }));
  // Two items with the same link (or the same title and year) must still be told apart.
  const seen = new Map<string, number>();
  for (const r of reports) {
    const n = seen.get(r.id) ?? 0;
    seen.set(r.id, n + 1);
    if (n > 0) r.id = `${r.id}.${n}`;
  }
  return { source, format, diagnostics, reports };
}
