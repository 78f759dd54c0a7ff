/**
 * The units that are aligned: chapters, their sections, and paragraphs, each with the
 * paragraphs it spans. A chapter's part kind is its part's (review, plan), or `other` for a
 * chapter outside any part.
 */
import type { OutlineNode, PartKind, Report } from '../model/index.ts';

export interface SectionUnit {
  node: OutlineNode;
  /** Indices of the section's paragraphs, its heading's first. */
  paragraphs: number[];
}

export interface ChapterUnit {
  report: Report;
  node: OutlineNode;
  part: PartKind;
  /** The part heading's node, or null for a chapter outside any part. */
  partNode: OutlineNode | null;
  /** Indices of all the chapter's paragraphs, its heading's first. */
  paragraphs: number[];
  sections: SectionUnit[];
  /** Paragraphs of the chapter that are in none of its sections (its heading and introduction). */
  loose: number[];
}

const CONTENT_ROLES = new Set(['chapter', 'section', 'body']);

/** Indices of the content paragraphs from `node`'s heading to its last line. */
function span(report: Report, node: OutlineNode): number[] {
  const out: number[] = [];
  const ps = report.paragraphs;
  for (let i = node.paragraph; i < ps.length && ps[i].line <= node.endLine; i++) {
    if (CONTENT_ROLES.has(ps[i].role)) out.push(i);
  }
  return out;
}

function chapterUnit(report: Report, node: OutlineNode, part: PartKind, partNode: OutlineNode | null): ChapterUnit {
  const paragraphs = span(report, node);
  const sections = node.children.filter((c) => c.kind === 'section').map((s) => ({ node: s, paragraphs: span(report, s) }));
  const inSection = new Set(sections.flatMap((s) => s.paragraphs));
  return { report, node, part, partNode, paragraphs, sections, loose: paragraphs.filter((p) => !inSection.has(p)) };
}

/**
 * A part with no chapter under it that stands for one: it has sections (`2014年工作回顾` / `（一）保持经济稳定增长`, a
 * county report's review with no chapter numbers), or reviews or plans a year. It is aligned, compared and its figures
 * placed as a chapter; the outline keeps it a part. Not an appendix, nor a part of another kind with no section.
 */
export function partAsChapter(n: OutlineNode): boolean {
  if (n.kind !== 'part' || n.partKind === 'appendix' || n.children.some((c) => c.kind === 'chapter')) return false;
  return n.children.some((c) => c.kind === 'section') || n.partKind === 'review' || n.partKind === 'plan';
}

/** The chapters of a report, in reading order (a part that stands for a chapter included: partAsChapter). */
export function chapterUnits(report: Report): ChapterUnit[] {
  const out: ChapterUnit[] = [];
  for (const n of report.outline) {
    if (n.kind === 'chapter') out.push(chapterUnit(report, n, 'other', null));
    else if (partAsChapter(n)) out.push(chapterUnit(report, n, n.partKind ?? 'other', n));
    else if (n.kind === 'part') {
      for (const c of n.children) if (c.kind === 'chapter') out.push(chapterUnit(report, c, n.partKind ?? 'other', n));
    }
  }
  return out;
}

/** The year a plan part is for: the year in its heading (2018年工作计划), else the report's year plus one. */
export function planYear(report: Report, partNode: OutlineNode | null): number | null {
  const m = partNode ? /((?:19|20)\d{2})\s*年/.exec(partNode.title.normalize('NFKC')) : null;
  if (m) return Number(m[1]);
  return report.year === null ? null : report.year + 1;
}
