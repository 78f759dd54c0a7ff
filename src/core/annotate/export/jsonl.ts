/** JSON Lines of W3C Web Annotations, one per line. */
import type { Report } from '../../model/index.ts';
import type { Exporter } from './registry.ts';
import type { ExportRow } from './rows.ts';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The IRI of a report: its link when it has one, else a URN of its id. */
function reportIri(report: Report | null, reportId: string): string {
  return report?.link ?? `urn:annals:report:${reportId}`;
}

/** One annotation as a W3C Web Annotation (JSON-LD). */
function webAnnotation(r: ExportRow): Record<string, unknown> {
  const a = r.annotation;
  const body: Record<string, unknown>[] = r.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t.label, id: `urn:annals:tag:${t.id}` }));
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/markdown' });
  const { quote, position } = r.target;
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:annals:annotation:${a.id}`,
    type: 'Annotation',
    created: a.created,
    modified: a.modified,
    ...(a.author ? { creator: { type: 'Person', name: a.author } } : {}),
    body,
    // Where it comes from, for the analyst's tables (not a W3C term: JSON-LD processors ignore it).
    annals: {
      source: r.source,
      report: r.reportId,
      series: r.series,
      issuer: r.issuer,
      year: r.year,
      title: r.reportTitle,
      part: r.part,
      chapter: r.chapter,
      section: r.section,
      paragraph: r.target.paragraph,
      scope: r.span ? 'span' : 'paragraph',
      coder: r.coder,
      status: r.status,
    },
    target: {
      source: reportIri(r.report, a.report),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  };
}

/**
 * Characters that some readers take for a line or record break inside a JSON string (U+2028,
 * U+2029, NEL U+0085 and the other C1 controls), written as \u escapes: every reader sees one
 * record per line. JSON.stringify already escapes the C0 controls (U+001E as \u001e).
 */
const BREAKS = /[\u0080-\u009f\u2028\u2029]/g;
const escapeBreaks = (line: string) => line.replace(BREAKS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function toJsonl(rows: readonly ExportRow[]): string {
  return rows.map((r) => escapeBreaks(JSON.stringify(webAnnotation(r))) + '\n').join('');
}

export const jsonlExporter: Exporter = {
  id: 'jsonl',
  label: 'JSON Lines',
  description: 'W3C Web Annotations, one per line',
  extension: 'jsonl',
  render: (rows) => toJsonl(rows),
};
