/** Small queries over reports, shared by the extension and the CLI. */
import type { OutlineNode, ReportHead } from './types.ts';

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
export function isReportLike(imp: { reports: readonly ReportHead[] }): boolean {
  return imp.reports.some((r) => {
    const structured = r.outline.some((n) => !(n.kind === 'part' && n.partKind === 'other' && n.inferred));
    return structured || /报告|公报|工作总结/.test(r.title);
  });
}
