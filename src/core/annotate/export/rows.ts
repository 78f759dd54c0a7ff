/**
 * The rows every export is made of. Each annotation is re-anchored on its report first, so the
 * paragraph text and the anchor status are today's.
 */
import type { Report, SourceImport } from '../../model/index.ts';
import { type Annotation, type AnnotationTarget, isWholeParagraph } from '../annotation.ts';
import { reanchor, type Anchor, type AnchorStatus } from '../reanchor.ts';
import { makeTarget } from '../targets.ts';
import { flattenOutline } from '../../model/index.ts';
import { tagIndex, type Codebook, type TagInfo } from '../codebook.ts';

export interface ExportSource {
  /** The source as the user named it (a path relative to the folder exported, for instance). */
  source: string;
  imp: SourceImport;
  annotations: readonly Annotation[];
  /**
   * The series of each report (report id → its label), as the host grouped them (corrections
   * included). A report not listed gets `issuer · type` from its own metadata.
   */
  series?: Readonly<Record<string, string>>;
}

export interface ExportRow {
  /** The source file, as the user named it. */
  source: string;
  annotation: Annotation;
  report: Report | null;
  /** The report id (Report.id), also when the report is gone. */
  reportId: string;
  series: string;
  issuer: string;
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
  /** The coder: the annotation's author. */
  coder: string;
  /** Whether the annotation covers a span inside its paragraph rather than the whole paragraph. */
  span: boolean;
}

/** A report's series: the host's label, else `issuer · type` (or the type, or the issuer, alone). */
function seriesOf(report: Report | null, id: string, series: Readonly<Record<string, string>> | undefined): string {
  if (series && Object.hasOwn(series, id)) return series[id];
  if (!report) return '';
  return [report.issuer, report.type].filter((x) => x).join(' · ');
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
        const target = placedTarget(report, anc) ?? a.target;
        rows.push({
          source: s.source,
          annotation: a,
          report,
          reportId: id,
          series: seriesOf(report, id, s.series),
          issuer: report?.issuer ?? '',
          year: report?.year ?? null,
          reportTitle: report?.title ?? `(report ${a.report} not found)`,
          ...h,
          tags: a.tags.map(tag),
          text: anc.paragraph !== null && report ? report.paragraphs[anc.paragraph].text : a.target.quote.exact,
          status: anc.status,
          target,
          coder: a.author,
          span: !isWholeParagraph(target),
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
  return t.ok ? t.value.target : null;
}
