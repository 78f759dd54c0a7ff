/**
 * What the editor draws for the annotations of a report: per paragraph in the visible lines,
 * its range, the colour of its first tag, the labels of its tags, and the spans tagged in it.
 * Pure: the extension turns these into TextEditorDecorationTypes.
 */
import type { Report } from '../model/index.ts';
import type { Annotation } from './annotation.ts';
import type { Anchor } from './reanchor.ts';
import type { TagInfo } from './codebook.ts';

interface SpanDecoration {
  annotation: string;
  /** UTF-16 offsets in the report text. */
  start: number;
  end: number;
  color: string;
}

export interface ParagraphDecoration {
  paragraph: number;
  line: number;
  /** UTF-16 offsets of the paragraph in the report text. */
  start: number;
  end: number;
  /** The colour of the first tag of the first annotation. */
  color: string;
  /** Tag labels, in order of first use, without repeats (unknown tags show their id). */
  labels: string[];
  tags: string[];
  annotations: string[];
  /** Some annotation here only needs review (a suggestion, not a placement). */
  review: boolean;
  /** Annotations on part of the paragraph. */
  spans: SpanDecoration[];
}

interface Entry {
  annotation: Annotation;
  anchor: Anchor;
}

/** The placed annotations of one report, by paragraph: built once per re-anchoring, read per scroll. */
export class AnchorIndex {
  readonly byParagraph = new Map<number, Entry[]>();
  constructor(annotations: readonly Annotation[], anchors: readonly Anchor[]) {
    anchors.forEach((anchor, k) => {
      if (anchor.paragraph === null) return;
      const list = this.byParagraph.get(anchor.paragraph);
      const e = { annotation: annotations[k], anchor };
      if (list) list.push(e);
      else this.byParagraph.set(anchor.paragraph, [e]);
    });
  }
}

/** The first paragraph whose line is at or after `line`. */
function firstAtOrAfter(report: Report, line: number): number {
  let lo = 0;
  let hi = report.paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (report.paragraphs[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Decorations for the paragraphs in the visible line ranges (0-based, inclusive), as the editor's
 * visibleRanges give them.
 */
export function decorationRanges(
  report: Report,
  index: AnchorIndex,
  tag: (id: string) => TagInfo,
  visible: readonly { startLine: number; endLine: number }[],
): ParagraphDecoration[] {
  const out: ParagraphDecoration[] = [];
  const seen = new Set<number>();
  for (const v of visible) {
    for (let i = firstAtOrAfter(report, v.startLine); i < report.paragraphs.length && report.paragraphs[i].line <= v.endLine; i++) {
      if (seen.has(i)) continue;
      seen.add(i);
      const entries = index.byParagraph.get(i);
      if (!entries) continue;
      const p = report.paragraphs[i];
      const tags: string[] = [];
      const spans: SpanDecoration[] = [];
      let review = false;
      for (const { annotation, anchor } of entries) {
        for (const t of annotation.tags) if (!tags.includes(t)) tags.push(t);
        if (anchor.status === 'needs-review') review = true;
        if (anchor.start > p.start || anchor.end < p.end) {
          spans.push({
            annotation: annotation.id,
            start: anchor.start,
            end: anchor.end,
            color: annotation.tags.length ? tag(annotation.tags[0]).color : tag('').color,
          });
        }
      }
      const infos = tags.map(tag);
      out.push({
        paragraph: i,
        line: p.line,
        start: p.start,
        end: p.end,
        color: infos[0]?.color ?? tag('').color,
        labels: infos.map((t) => t.label),
        tags,
        annotations: entries.map((e) => e.annotation.id),
        review,
        spans,
      });
    }
  }
  return out.sort((a, b) => a.paragraph - b.paragraph);
}
