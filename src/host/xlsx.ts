/**
 * Writes a workbook the core made (toWorkbook) as an XLSX file, with ExcelJS: a library of its own
 * weight, so the build keeps this file as a bundle of its own (dist/xlsx.js), loaded only when an
 * XLSX export is asked for (exportBytes.ts). Strings are written as strings, never as formulas, so
 * a note that starts with `=` stays text; characters XML cannot hold become U+FFFD.
 */
import ExcelJS from 'exceljs';
import type { Workbook } from '../core/index.ts';

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Excel refuses a cell of more than 32,767 characters. */
const MAX_CELL = 32767;

const cell = (v: string | number | null) => (typeof v === 'string' ? v.replace(NOT_XML, '\ufffd').slice(0, MAX_CELL) : v);

export async function writeXlsx(book: Workbook, created?: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Annals';
  if (created) {
    wb.created = created;
    wb.modified = created;
  }
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of sheet.rows) ws.addRow(row.map(cell));
    ws.getRow(1).font = { bold: true };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
