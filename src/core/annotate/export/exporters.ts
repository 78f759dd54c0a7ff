/** Every export format, in the order the picker lists them. */
import { csvExporter } from './csv.ts';
import { jsonlExporter } from './jsonl.ts';
import { markdownExporter } from './markdown.ts';
import { qdpxExporter } from './qdpx.ts';
import type { Exporter } from './registry.ts';
import { xlsxExporter } from './xlsx.ts';

export const EXPORTERS: readonly Exporter[] = [csvExporter, jsonlExporter, markdownExporter, xlsxExporter, qdpxExporter];

/** The exporter with this id, or undefined. */
export function exporterFor(id: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.id === id);
}
