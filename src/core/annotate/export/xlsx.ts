/**
 * XLSX: the sheets annotations (the CSV's columns, the report memo last), the codebook (with the
 * code memos), the coders (when the host gives the project's), the memos (project and report
 * memos, when there are any) and, when it was computed, agreement between coders. The core makes the workbook's cells; the host writes the file
 * (src/host/xlsx.ts, a library loaded only for this export).
 */
import type { Codebook } from '../codebook.ts';
import { CSV_COLUMNS, rowCells } from './csv.ts';
import { exportMemos } from './memos.ts';
import type { ExportAgr, Exporter, ExportExtras, Workbook } from './registry.ts';
import type { ExportRow } from './rows.ts';

/** Columns that hold numbers in the annotations sheet. */
const NUMERIC = new Set<string>(['year', 'start', 'end']);

function toWorkbook(rows: readonly ExportRow[], codebook: Codebook | null, extras: ExportExtras = {}): Workbook {
  const annotations: (string | number | null)[][] = [[...CSV_COLUMNS]];
  for (const r of rows) annotations.push(rowCells(r, extras).map((v, i) => (NUMERIC.has(CSV_COLUMNS[i]) && v !== '' ? Number(v) : v)));
  const uses = new Map<string, number>();
  for (const r of rows) for (const t of new Set(r.annotation.tags)) uses.set(t, (uses.get(t) ?? 0) + 1);
  const tags: (string | number | null)[][] = [['id', 'label', 'color', 'description', 'parent', 'memo', 'annotations']];
  for (const t of codebook?.tags ?? []) tags.push([t.id, t.label, t.color, t.description, t.parent ?? '', t.memo ?? '', uses.get(t.id) ?? 0]);
  const sheets: Workbook['sheets'] = [
    { name: 'annotations', rows: annotations },
    { name: 'codebook', rows: tags },
  ];
  if (extras.coders) {
    // The project's coders (in its order), then every other coder of the rows, with their annotations.
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.coder, (count.get(r.coder) ?? 0) + 1);
    const list = [...extras.coders];
    for (const c of [...count.keys()].sort()) if (c && !list.some((k) => k.id === c)) list.push({ id: c });
    sheets.push({
      name: 'coders',
      rows: [['id', 'name', 'color', 'annotations'], ...list.map((c) => [c.id, c.name ?? '', c.color ?? '', count.get(c.id) ?? 0])],
    });
  }
  const memos = exportMemos(rows, codebook, extras).filter((m) => m.kind !== 'code');
  if (memos.length)
    sheets.push({
      name: 'memos',
      rows: [['kind', 'name', 'report id', 'text'], ...memos.map((m) => [m.kind, m.name, m.of, m.text])],
    });
  const agr = extras.agreement;
  if (agr) {
    const line = (id: string, label: string, a: ExportAgr) => [id, label, a.units, a.percent, a.kappa, a.alpha];
    const labelOf = (id: string) => codebook?.tags.find((t) => t.id === id)?.label ?? id;
    const byTag = Object.entries(agr.tags).sort(
      ([x, a], [y, b]) => (a.alpha ?? a.kappa ?? a.percent ?? 0) - (b.alpha ?? b.kappa ?? b.percent ?? 0) || (x < y ? -1 : x > y ? 1 : 0),
    );
    sheets.push({
      name: 'agreement',
      rows: [
        ['tag', 'label', 'units', 'percent', 'kappa', 'alpha'],
        line('(overall)', `coders: ${agr.coders.join(', ')}`, agr.overall),
        ...byTag.map(([id, a]) => line(id, labelOf(id), a)),
      ],
    });
  }
  return { kind: 'workbook', sheets };
}

export const xlsxExporter: Exporter = {
  id: 'xlsx',
  label: 'Excel (.xlsx)',
  description: 'a workbook: annotations, codebook, and agreement when computed',
  extension: 'xlsx',
  binary: true,
  render: (rows, codebook, extras) => toWorkbook(rows, codebook, extras),
};
