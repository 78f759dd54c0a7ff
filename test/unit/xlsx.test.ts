/** The XLSX export: the core's workbook written by src/host/xlsx.ts (ExcelJS), read back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { type Annotation, CSV_COLUMNS, DEFAULT_CODEBOOK, exporterFor, exportRows, makeTarget } from '../../src/core/index.ts';
import { exportBytes } from '../../src/host/exportBytes.ts';
import { byYear, FLAT, load } from './helpers.ts';

const T = '2026-01-01T00:00:00.000Z';
const nanhai = load(FLAT);
const r2018 = byYear(nanhai, 2018);

function ann(i: number, extra: Partial<Annotation> = {}): Annotation {
  const t = makeTarget(r2018, i);
  assert.ok(t.ok);
  return { id: `a${i}`, report: r2018.id, target: t.value.target, tags: ['figures'], note: '', author: 'alice', created: T, modified: T, ...extra };
}

async function readBack(bytes: Uint8Array): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out.set(ws.name, rows);
  });
  return out;
}

test('XLSX export: annotations, codebook and agreement sheets, read back cell by cell; a formula-looking note stays text', async () => {
  const body = r2018.paragraphs.filter((p) => p.role === 'body').map((p) => p.index);
  const anns = [ann(body[0], { note: '=HYPERLINK("http://x","y")' }), ann(body[1], { id: 'b', tags: ['rules', 'figures'], author: 'bob' })];
  const rows = exportRows([{ source: 'n.txt', imp: nanhai, annotations: anns }], DEFAULT_CODEBOOK);
  const xlsx = exporterFor('xlsx');
  assert.ok(xlsx?.binary);
  const agreement = {
    coders: ['alice', 'bob'],
    units: 40,
    overall: { units: 40, percent: 0.9, kappa: 0.62, alpha: 0.61 },
    tags: { rules: { units: 40, percent: 0.95, kappa: 0.8, alpha: 0.79 }, figures: { units: 40, percent: 0.85, kappa: null, alpha: 0.4 } },
  };
  const sheets = await readBack(await exportBytes(xlsx.render(rows, DEFAULT_CODEBOOK, { agreement })));
  assert.deepEqual([...sheets.keys()], ['annotations', 'codebook', 'agreement']);
  const a = sheets.get('annotations') ?? [];
  assert.deepEqual(a[0], [...CSV_COLUMNS]);
  assert.equal(a.length, 1 + rows.length);
  const col = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
  assert.equal(a[1][col('source')], 'n.txt');
  assert.equal(a[1][col('report id')], r2018.id);
  assert.equal(a[1][col('year')], 2018, 'the year is a number');
  assert.equal(a[1][col('start')], rows[0].target.position.start);
  assert.equal(a[1][col('quote')], rows[0].target.quote.exact);
  assert.equal(a[1][col('note')], '=HYPERLINK("http://x","y")', 'a string, not a formula');
  assert.equal(a[2][col('tag ids')], 'rules; figures');
  assert.equal(a[2][col('coder')], 'bob');
  const c = sheets.get('codebook') ?? [];
  assert.deepEqual(c[0], ['id', 'label', 'color', 'description', 'parent', 'memo', 'annotations']);
  assert.equal(c.length, 1 + DEFAULT_CODEBOOK.tags.length);
  const figures = c.find((r) => r[0] === 'figures');
  assert.equal(figures?.[6], 2);
  // Agreement: overall first, then the tags, lowest first; a null kappa is an empty cell.
  const g = sheets.get('agreement') ?? [];
  assert.deepEqual(g[0], ['tag', 'label', 'units', 'percent', 'kappa', 'alpha']);
  assert.deepEqual(g[1], ['(overall)', 'coders: alice, bob', 40, 0.9, 0.62, 0.61]);
  assert.deepEqual(g[2].slice(0, 4), ['figures', '数据指标', 40, 0.85]);
  assert.equal(g[2][4], undefined);
  assert.deepEqual(g[3], ['rules', DEFAULT_CODEBOOK.tags[1].label, 40, 0.95, 0.8, 0.79]);
  // No agreement given: two sheets.
  const two = await readBack(await exportBytes(xlsx.render(rows, DEFAULT_CODEBOOK)));
  assert.deepEqual([...two.keys()], ['annotations', 'codebook']);
});
