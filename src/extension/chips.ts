import type { Chip } from '../core/index.ts';
import type { AlignmentService } from './alignment.ts';
import type { AnnotationService } from './annotations.ts';
import type { ChipProvider } from './comparePanel.ts';

/** Tag chips for the Compare view: the tags placed on each paragraph of the reports shown. */
export function chipProvider(alignment: AlignmentService, annotations: AnnotationService): ChipProvider {
  return async (reportIds) => {
    const aligned = await alignment.get();
    const tags = await annotations.tags();
    const byParagraph = new Map<string, Chip[]>();
    for (const id of new Set(reportIds)) {
      const found = aligned.findById(id);
      if (!found) continue;
      const placed = await annotations.placement(found.source, found.report);
      placed.anchors.forEach((anchor, k) => {
        // Needs-review placements are suggestions, not tags of this paragraph.
        const paragraph = anchor.paragraph === null || anchor.status === 'needs-review' ? undefined : found.report.paragraphs[anchor.paragraph];
        if (!paragraph) return;
        const key = `${id}\u0000${paragraph.id}`;
        const list = byParagraph.get(key) ?? byParagraph.set(key, []).get(key)!;
        for (const tagId of placed.annotations[k].tags) {
          const t = tags(tagId);
          if (!list.some((c) => c.label === t.label)) list.push({ label: t.label, color: t.color, unknown: !t.known });
        }
      });
    }
    return (reportId, paragraphId) => byParagraph.get(`${reportId}\u0000${paragraphId}`) ?? [];
  };
}
