/**
 * The memos an export carries: the project memos, the report memos of the reports exported (a
 * memo of a report that is not in the export stays out), and the code memos of the codebook.
 * JSON Lines, Markdown and the XLSX workbook list them from here; CSV has the report memo as a
 * column, QDPX has them as Notes (qdpx.ts).
 */
import type { Codebook } from '../codebook.ts';
import type { ExportExtras } from './registry.ts';
import type { ExportRow } from './rows.ts';

export interface ExportMemo {
  kind: 'project' | 'report' | 'code';
  /** The project memo's name, the report's title, or the tag's label. */
  name: string;
  /** The report id (a report memo) or the tag id (a code memo); '' for a project memo. */
  of: string;
  text: string;
  /** A report memo: the report's year and source file, when known. */
  year?: number | null;
  source?: string;
}

/** A report memo of this report id, if there is one (never a property of Object.prototype). */
export function reportMemo(extras: ExportExtras | undefined, reportId: string): string {
  const m = extras?.memos?.reports;
  return m && Object.hasOwn(m, reportId) ? m[reportId] : '';
}

/** The memos of an export, in a stable order: project memos by name, report memos by year and title, code memos in codebook order. */
export function exportMemos(rows: readonly ExportRow[], codebook: Codebook | null, extras: ExportExtras = {}): ExportMemo[] {
  const out: ExportMemo[] = [];
  for (const m of extras.memos?.project ?? []) if (m.text.trim()) out.push({ kind: 'project', name: m.name, of: '', text: m.text });
  const reports = new Map<string, ExportMemo>();
  const add = (id: string, title: string, year: number | null, source: string) => {
    const text = reportMemo(extras, id);
    if (text.trim() && !reports.has(id)) reports.set(id, { kind: 'report', name: title, of: id, text, year, source });
  };
  for (const s of extras.sources ?? []) for (const r of s.imp.reports) add(r.id, r.title, r.year, s.source);
  for (const r of rows) add(r.reportId, r.report ? r.reportTitle : '', r.year, r.source);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  out.push(...[...reports.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || cmp(a.name, b.name) || cmp(a.of, b.of)));
  for (const t of codebook?.tags ?? []) if (t.memo?.trim()) out.push({ kind: 'code', name: t.label, of: t.id, text: t.memo });
  return out;
}
