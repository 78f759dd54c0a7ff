/** CSV: UTF-8 with a BOM, so that Excel reads Chinese; CRLF line ends; RFC 4180 quoting. */
import { safeTerminalText } from '../../model/index.ts';
import { reportMemo } from './memos.ts';
import type { Exporter, ExportExtras } from './registry.ts';
import type { ExportRow } from './rows.ts';

/**
 * The columns: where the annotation comes from (source file, report, series, issuer, year, the
 * part, chapter and section titles, the paragraph id), what it says (tags as labels and as ids,
 * the quote: the tagged text, a span's own and not its paragraph's, with its code-point offsets in
 * the report text), who and when (coder, dates), how it is placed now (anchor status) and the
 * report memo (`.annals/memos/reports/<report id>.md`), on every row of that report.
 */
export const CSV_COLUMNS = [
  'source',
  'report id',
  'series',
  'issuer',
  'year',
  'report',
  'part',
  'chapter',
  'section',
  'paragraph id',
  'tags',
  'tag ids',
  'quote',
  'start',
  'end',
  'scope',
  'note',
  'coder',
  'created',
  'modified',
  'anchor status',
  'report memo',
] as const;

/** One row's cells, in the order of CSV_COLUMNS (shared with the XLSX export). */
export function rowCells(r: ExportRow, extras?: ExportExtras): string[] {
  return [
    r.source,
    r.reportId,
    r.series,
    r.issuer,
    r.year === null ? '' : String(r.year),
    r.reportTitle,
    r.part,
    r.chapter,
    r.section,
    r.target.paragraph,
    r.tags.map((t) => t.label).join('; '),
    r.tags.map((t) => t.id).join('; '),
    r.target.quote.exact,
    String(r.target.position.start),
    String(r.target.position.end),
    r.span ? 'span' : 'paragraph',
    r.annotation.note,
    r.coder,
    r.annotation.created,
    r.annotation.modified,
    r.status,
    reportMemo(extras, r.reportId),
  ];
}

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A field that a
 * spreadsheet would take for a formula (=, +, -, @, tab or CR first) gets a leading apostrophe
 * (OWASP's rule against CSV injection): notes and authors come from teammates' files. Control
 * characters (ESC, BEL…) are made visible first, so that a CSV shown in a terminal cannot act on it.
 */
export function csvField(v: string): string {
  const text = safeTerminalText(v);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 CSV text with a BOM and CRLF line ends. Tags are labels (and ids) separated by “; ” (unknown ids as themselves). */
export function toCsv(rows: readonly ExportRow[], extras?: ExportExtras): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push(rowCells(r, extras).map(csvField).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export const csvExporter: Exporter = {
  id: 'csv',
  label: 'CSV',
  description: 'a table for Excel (UTF-8 with a byte order mark)',
  extension: 'csv',
  render: (rows, _codebook, extras) => toCsv(rows, extras),
};
