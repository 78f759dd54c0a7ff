/**
 * The exporter registry, shared by the CLI (`annals export --format ID`) and the extension's
 * Export Annotations… picker. Adding an export is one file in export/ and one line in EXPORTERS
 * (exporters.ts).
 */
import type { Codebook } from '../codebook.ts';
import type { ExportRow } from './rows.ts';

export interface Exporter {
  /** The id the CLI's --format takes. */
  id: string;
  /** The name shown in the picker. */
  label: string;
  /** In English; the extension shows it localised (the text is the l10n key). */
  description: string;
  /** The file extension of the output, without the dot. */
  extension: string;
  render(rows: readonly ExportRow[], codebook: Codebook | null): string;
}
