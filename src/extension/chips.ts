import type * as vscode from 'vscode';
import type { Chip, ReportHead } from '../core/index.ts';
import type { AlignmentService } from './alignment.ts';
import type { AnnotationService } from './annotations.ts';
import type { ChipProvider, ChipSource } from './comparePanel.ts';

/** Tag chips for the Compare view: the tags placed on each paragraph of the reports shown. */
export class TagChips implements ChipProvider {
  readonly onDidChange: vscode.Event<unknown>;

  constructor(
    private readonly alignment: AlignmentService,
    private readonly annotations: AnnotationService,
  ) {
    this.onDidChange = annotations.onDidChange;
  }

  async chipsFor(reportIds: string[], near?: ReportHead): Promise<ChipSource> {
    const aligned = await this.alignment.get();
    const tags = await this.annotations.tags();
    const byParagraph = new Map<string, Chip[]>();
    for (const id of new Set(reportIds)) {
      const located = aligned.findById(id, near);
      const report = located && (await aligned.full(located));
      if (!located || !report) continue;
      const found = { source: located.source, report };
      const placed = await this.annotations.placement(found.source, found.report);
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
  }
}
