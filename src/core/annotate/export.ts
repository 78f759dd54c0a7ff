/**
 * Exports of annotations: CSV (UTF-8 with a BOM, so that Excel reads Chinese), JSON Lines of
 * W3C Web Annotations, and a Markdown summary grouped by tag. Each annotation is re-anchored
 * on its report first, so the paragraph text and the anchor status are today's.
 */
import type { Report, SourceImport } from '../model/index.ts';
import type { Annotation, AnnotationTarget } from './annotation.ts';
import { reanchor, type Anchor, type AnchorStatus } from './reanchor.ts';
import { makeTarget } from './targets.ts';
import { flattenOutline } from '../model/index.ts';
import { excerpt } from '../model/index.ts';
import { tagIndex, type Codebook, type TagInfo } from './codebook.ts';

export interface ExportSource {
  /** The source as the user named it (a path relative to the folder exported, for instance). */
  source: string;
  imp: SourceImport;
  annotations: readonly Annotation[];
}

export interface ExportRow {
  source: string;
  annotation: Annotation;
  report: Report | null;
  year: number | null;
  reportTitle: string;
  part: string;
  chapter: string;
  section: string;
  tags: TagInfo[];
  /** The paragraph's text where the annotation is placed; the quote for an orphan. */
  text: string;
  status: AnchorStatus;
  /** The selectors where the annotation is now (re-anchored), or the stored ones for orphans and needs-review. */
  target: AnnotationTarget;
}

/** For each paragraph of a report, the titles of the part, chapter and section it is in. */
export function headingsByParagraph(report: Report): { part: string; chapter: string; section: string }[] {
  const out = report.paragraphs.map(() => ({ part: '', chapter: '', section: '' }));
  const lines = report.paragraphs.map((p) => p.line);
  for (const { node } of flattenOutline(report.outline)) {
    const title = `${node.label ?? ''}${node.title}`;
    for (let i = node.paragraph; i >= 0 && i < lines.length && lines[i] <= node.endLine; i++) out[i][node.kind] = title;
  }
  return out;
}

/** Re-anchors and flattens the annotations of the sources into rows, in sidecar order. */
export function exportRows(sources: readonly ExportSource[], codebook: Codebook | null): ExportRow[] {
  const tag = tagIndex(codebook);
  const rows: ExportRow[] = [];
  for (const s of sources) {
    const byReport = new Map<string, Annotation[]>();
    for (const a of s.annotations) {
      const list = byReport.get(a.report);
      if (list) list.push(a);
      else byReport.set(a.report, [a]);
    }
    for (const [id, anns] of byReport) {
      const report = s.imp.reports.find((r) => r.id === id) ?? null;
      const anchors = reanchor(report, anns);
      const heads = report ? headingsByParagraph(report) : [];
      anns.forEach((a, k) => {
        const anc = anchors[k];
        const h = anc.paragraph !== null ? heads[anc.paragraph] : { part: '', chapter: '', section: '' };
        rows.push({
          source: s.source,
          annotation: a,
          report,
          year: report?.year ?? null,
          reportTitle: report?.title ?? `(report ${a.report} not found)`,
          ...h,
          tags: a.tags.map(tag),
          text: anc.paragraph !== null && report ? report.paragraphs[anc.paragraph].text : a.target.quote.exact,
          status: anc.status,
          target: placedTarget(report, anc) ?? a.target,
        });
      });
    }
  }
  return rows;
}

/**
 * The selectors of a placed annotation, read from the report as it is now (the stored ones may
 * point at an older text). Needs-review suggestions and orphans have none: their stored target
 * is what is known.
 */
function placedTarget(report: Report | null, anc: Anchor): AnnotationTarget | null {
  if (!report || anc.paragraph === null || anc.status === 'needs-review' || anc.status === 'orphan') return null;
  const t = makeTarget(report, anc.paragraph, { start: anc.start, end: anc.end });
  return t.ok ? t.target : null;
}

// ---------------------------------------------------------------------------------------------
// CSV.

export const CSV_COLUMNS = ['year', 'report', 'part', 'chapter', 'section', 'tags', 'note', 'author', 'created', 'paragraph text', 'anchor status'] as const;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A field that a
 * spreadsheet would take for a formula (=, +, -, @, tab or CR first) gets a leading apostrophe
 * (OWASP's rule against CSV injection): notes and authors come from teammates' files.
 */
export function csvField(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
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

// ---------------------------------------------------------------------------------------------
// JSON Lines of W3C Web Annotations.

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The IRI of a report: its link when it has one, else a URN of its id. */
export function reportIri(report: Report | null, reportId: string): string {
  return report?.link ?? `urn:annals:report:${reportId}`;
}

/** One annotation as a W3C Web Annotation (JSON-LD). */
export function webAnnotation(r: ExportRow): Record<string, unknown> {
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
    target: {
      source: reportIri(r.report, a.report),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  };
}

export function toJsonl(rows: readonly ExportRow[]): string {
  return rows.map((r) => JSON.stringify(webAnnotation(r)) + '\n').join('');
}

// ---------------------------------------------------------------------------------------------
// Markdown.

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\s*\n\s*/g, ' ');

/**
 * A readable summary grouped by tag (codebook order, then unknown tags, then untagged), with
 * counts. An annotation with several tags is listed under each.
 */
export function toMarkdown(rows: readonly ExportRow[], codebook: Codebook | null): string {
  const groups = new Map<string, { info: TagInfo | null; rows: ExportRow[] }>();
  for (const t of codebook?.tags ?? []) groups.set(t.id, { info: { ...t, known: true }, rows: [] });
  for (const r of rows) {
    if (!r.tags.length) {
      const g = groups.get('') ?? { info: null, rows: [] };
      g.rows.push(r);
      groups.set('', g);
    }
    for (const t of r.tags) {
      const g = groups.get(t.id) ?? { info: t, rows: [] };
      g.rows.push(r);
      groups.set(t.id, g);
    }
  }
  const statusNote: Partial<Record<AnchorStatus, string>> = { 'needs-review': ' *(needs review)*', orphan: ' *(orphan: its text is gone)*' };
  const out = ['# Annotations', '', `${rows.length} annotation${rows.length === 1 ? '' : 's'}.`, ''];
  const ordered = [...groups.entries()].sort(([a, x], [b, y]) => rank(a, x.info) - rank(b, y.info));
  for (const [id, g] of ordered) {
    if (!g.rows.length) continue;
    const title = g.info ? `${mdEscape(g.info.label)} (\`${id}\`)${g.info.known ? '' : ' — unknown tag'}` : 'Untagged';
    out.push(`## ${title} — ${g.rows.length}`, '');
    for (const r of g.rows) {
      const where = [r.year ?? '', r.reportTitle, r.chapter, r.section].filter((x) => x !== '').map((x) => mdEscape(String(x))).join(' › ');
      out.push(`- **${where}**${statusNote[r.status] ?? ''}: ${mdEscape(excerpt(r.annotation.target.quote.exact, 120))}`);
      if (r.annotation.note) out.push(`  - ${mdEscape(r.annotation.note)}${r.annotation.author ? ` — ${mdEscape(r.annotation.author)}` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');

  function rank(id: string, info: TagInfo | null): number {
    const i = codebook?.tags.findIndex((t) => t.id === id) ?? -1;
    if (i >= 0) return i;
    return info ? 10_000 : 20_000;
  }
}
