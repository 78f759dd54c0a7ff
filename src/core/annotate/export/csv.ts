/** CSV: UTF-8 with a BOM, so that Excel reads Chinese; CRLF line ends; RFC 4180 quoting. */
import { safeTerminalText } from '../../model/index.ts';
import type { Exporter } from './registry.ts';
import type { ExportRow } from './rows.ts';

export const CSV_COLUMNS = ['year', 'report', 'part', 'chapter', 'section', 'tags', 'note', 'author', 'created', 'paragraph text', 'anchor status'] as const;

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

/** UTF-8 CSV text with a BOM and CRLF line ends. Tags are labels separated by “; ” (unknown ids as themselves). */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.year === null ? '' : String(r.year),
        r.reportTitle,
        r.part,
        r.chapter,
        r.section,
        r.tags.map((t) => t.label).join('; '),
        r.annotation.note,
        r.annotation.author,
        r.annotation.created,
        r.text,
        r.status,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export const csvExporter: Exporter = {
  id: 'csv',
  label: 'CSV',
  description: 'a table for Excel (UTF-8 with a byte order mark)',
  extension: 'csv',
  render: (rows) => toCsv(rows),
};
