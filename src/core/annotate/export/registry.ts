/**
 * The exporter registry, shared by the CLI (`annals export --format ID`) and the extension's
 * Export Annotations… picker. Adding an export is one file in export/ and one line in EXPORTERS
 * (exporters.ts).
 */
import type { Codebook } from '../codebook.ts';
import type { ExportRow, ExportSource } from './rows.ts';

/** A coder of the project (`.annals/project.json`): the id is what annotations name as their author. */
export interface ExportCoder {
  id: string;
  name?: string;
  color?: string;
}

/** Memos: the project's (`.annals/memos/*.md`) and each report's (by report id). */
interface ExportMemos {
  project: readonly { name: string; text: string }[];
  reports: Readonly<Record<string, string>>;
}

/** Agreement figures of one tag, or overall. */
export interface ExportAgr {
  units: number;
  /** 0–100; null when there is no unit. */
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
}

/** Agreement between coders, as `annals agree --json` prints it. */
interface ExportAgreement {
  coders: readonly string[];
  units: number;
  overall: ExportAgr;
  tags: Readonly<Record<string, ExportAgr>>;
}

/** What some exports use besides the rows: all of it optional. */
export interface ExportExtras {
  /** Every source exported, with all its reports (QDPX lists reports with no annotation too). */
  sources?: readonly ExportSource[];
  coders?: readonly ExportCoder[];
  memos?: ExportMemos;
  agreement?: ExportAgreement;
  /** The time of the export (ISO-8601); default now. */
  now?: string;
  /** The project's name (QDPX); default "Annals". */
  projectName?: string;
}

/** A spreadsheet: named sheets of rows of cells, the first row the header (the host writes the XLSX). */
export interface Workbook {
  kind: 'workbook';
  sheets: { name: string; rows: (string | number | null)[][] }[];
}

/**
 * A zip of named files (QDPX): the host zips it (src/host/exportBytes.ts, with the zip writer loaded
 * on first use), so that the extension's bundle carries no zip code. `zipArchive` in core makes the bytes.
 */
export interface ZipArchive {
  kind: 'zip';
  /** In this order in the zip. */
  files: { path: string; bytes: Uint8Array }[];
  /** Every entry's modification time (a zip date: 1980 or later). */
  mtime: Date;
}

/** What an exporter renders: text, or what the host writes as a file of its own format. */
export type ExportOutput = string | ZipArchive | Workbook;

export interface Exporter {
  /** The id the CLI's --format takes. */
  id: string;
  /** The name shown in the picker. */
  label: string;
  /** In English; the extension shows it localised (the text is the l10n key). */
  description: string;
  /** The file extension of the output, without the dot. */
  extension: string;
  /** A binary file (a zip): written to a file, never to a terminal. */
  binary?: boolean;
  /** How many of the rows the format cannot hold (QDPX: those with no place in the text), for the host to say so. */
  leftOut?(rows: readonly ExportRow[]): number;
  /** Text (written as UTF-8), a zip archive, or a workbook the host writes as XLSX. */
  render(rows: readonly ExportRow[], codebook: Codebook | null, extras?: ExportExtras): ExportOutput;
}
