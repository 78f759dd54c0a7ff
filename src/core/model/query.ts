/** Small queries over reports, shared by the extension and the CLI. */
import type { OutlineNode, Report, SourceImport } from './types.ts';

/** Depth-first list of outline nodes with their depth. */
export function flattenOutline(nodes: OutlineNode[], depth = 0, out: { node: OutlineNode; depth: number }[] = []) {
  for (const n of nodes) {
    out.push({ node: n, depth });
    flattenOutline(n.children, depth + 1, out);
  }
  return out;
}

/**
 * Whether an import holds something worth listing as a report: a feed item, page or text with
 * a part, chapter or section structure, or with a title that names a report (报告, 公报, 工作总结).
 * Any other page (a site's home page, a coverage report) or feed (news) is not listed.
 */
export function isReportLike(imp: SourceImport): boolean {
  return imp.reports.some((r) => {
    const structured = r.outline.some((n) => !(n.kind === 'part' && n.partKind === 'other' && n.inferred));
    return structured || /报告|公报|工作总结/.test(r.title);
  });
}

/** The report type: the title without issuer and year (法治政府建设工作报告). */
export function reportType(report: Report): string {
  let t = report.title;
  if (report.issuer && t.startsWith(report.issuer)) t = t.slice(report.issuer.length);
  t = t.replace(/(?:19|20)\d{2}\s*年度?/g, '').replace(/(?:19|20)\d{2}/g, '');
  t = t.replace(/^[\s\-_·、，,:：（）()]+|[\s\-_·、，,:：（）()]+$/g, '');
  return t || report.title;
}

/** Series: the same issuer and the same report type. */
export function seriesKey(report: Report): string {
  return `${report.issuer ?? ''}\u0000${reportType(report)}`;
}

export function seriesLabel(report: Report): string {
  return report.issuer ? `${report.issuer} · ${reportType(report)}` : reportType(report);
}
