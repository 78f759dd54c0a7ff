/** JSON Lines of W3C Web Annotations, one per line. */
import type { Report } from '../../model/index.ts';
import type { Codebook } from '../codebook.ts';
import { type ExportMemo, exportMemos } from './memos.ts';
import type { Exporter, ExportExtras } from './registry.ts';
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
 * A memo as a W3C Web Annotation with the motivation `commenting`: its Markdown is the body, its
 * target the report (a report memo), the tag (a code memo) or the project. `annals.memo` says
 * which kind it is; an annotation's record has no `memo` there.
 */
function memoAnnotation(m: ExportMemo, iri: (reportId: string) => string): Record<string, unknown> {
  const target = m.kind === 'report' ? iri(m.of) : m.kind === 'code' ? `urn:annals:tag:${m.of}` : 'urn:annals:project';
  const id = m.kind === 'project' ? `urn:annals:memo:project:${encodeURIComponent(m.name)}` : `urn:annals:memo:${m.kind}:${m.of}`;
  const about =
    m.kind === 'report'
      ? { report: m.of, title: m.name, year: m.year ?? null, source: m.source ?? '' }
      : m.kind === 'code'
        ? { tag: m.of, label: m.name }
        : { name: m.name };
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'Annotation',
    motivation: 'commenting',
    body: { type: 'TextualBody', purpose: 'commenting', value: m.text, format: 'text/markdown' },
    annals: { memo: m.kind, ...about },
    target,
  };
}

/**
 * Characters that some readers take for a line or record break inside a JSON string (U+2028,
 * U+2029, NEL U+0085 and the other C1 controls), written as \u escapes: every reader sees one
 * record per line. JSON.stringify already escapes the C0 controls (U+001E as \u001e).
 */
const BREAKS = /[\u0080-\u009f\u2028\u2029]/g;
const escapeBreaks = (line: string) => line.replace(BREAKS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The annotations, one per line, then the memos (project, report, code), one per line. */
export function toJsonl(rows: readonly ExportRow[], codebook: Codebook | null = null, extras: ExportExtras = {}): string {
  const links = new Map<string, string>();
  for (const s of extras.sources ?? []) for (const r of s.imp.reports) links.set(r.id, reportIri(r, r.id));
  for (const r of rows) links.set(r.reportId, reportIri(r.report, r.reportId));
  const iri = (id: string) => links.get(id) ?? reportIri(null, id);
  const records = [...rows.map(webAnnotation), ...exportMemos(rows, codebook, extras).map((m) => memoAnnotation(m, iri))];
  return records.map((x) => escapeBreaks(JSON.stringify(x)) + '\n').join('');
}

export const jsonlExporter: Exporter = {
  id: 'jsonl',
  label: 'JSON Lines',
  description: 'W3C Web Annotations, one per line',
  extension: 'jsonl',
  render: (rows, codebook, extras) => toJsonl(rows, codebook, extras),
};
