/**
 * Where auto-tag looks: the reports of one series, some years, the review or the plan part, some
 * chapters. Reports with parts (工作情况 / 工作计划) say which part a chapter is in; reports without
 * parts (the national 政府工作报告: 一、2018年工作回顾, 二、2019年经济社会发展总体要求…, 三、2019年政府工作任务)
 * say it in their chapter titles, and a chapter with no such word belongs with the chapter before it.
 */
import type { OutlineNode, Report, ReportHead } from '../model/index.ts';
import { chapterKind } from '../series/index.ts';

export interface AutoTagScope {
  /** Only the reports this says yes to (the reports of one series). */
  report?: (report: ReportHead) => boolean;
  /** Only these years. */
  years?: readonly number[];
  /** Only the review or the plan part. */
  part?: 'review' | 'plan';
  /** Only chapters with these titles (the heading without its numeral, as chapterTitles gives them). */
  chapters?: readonly string[];
}

const REVIEW_TITLE = /回顾|工作情况|工作总结|主要工作|主要成效|过去(?:一年|五年|的一年)|取得的成绩/;
const PLAN_TITLE = /总体要求|总体部署|工作任务|主要任务|工作计划|工作安排|重点工作|工作建议|的建议|工作打算|工作思路|工作设想|目标任务|工作部署/;

/** A chapter title as the scope compares it: no spaces, NFKC (全角 digits as ASCII). */
const titleKey = (title: string) => title.normalize('NFKC').replace(/\s+/g, '');

/** The chapters of a report with the part each is in (by the part heading, else by the titles in reading order). */
export function chapterParts(report: ReportHead): { node: OutlineNode; part: 'review' | 'plan' | 'other' }[] {
  const out: { node: OutlineNode; part: 'review' | 'plan' | 'other' }[] = [];
  let carried: 'review' | 'plan' | 'other' = 'other';
  for (const n of report.outline) {
    if (n.kind === 'part') {
      const part = n.partKind === 'review' || n.partKind === 'plan' ? n.partKind : 'other';
      for (const c of n.children) if (c.kind === 'chapter') out.push({ node: c, part });
      // A part with no chapters: the part itself is the unit.
      if (!n.children.some((c) => c.kind === 'chapter')) out.push({ node: n, part });
    } else if (n.kind === 'chapter') {
      const t = titleKey(n.title);
      // As plan → result and the figures read it (series' chapterKind: 2026年主要工作 plans), else by the words below.
      const kind = chapterKind(n.title, report);
      if (kind) carried = kind;
      else if (REVIEW_TITLE.test(t)) carried = 'review';
      else if (PLAN_TITLE.test(t)) carried = 'plan';
      out.push({ node: n, part: carried });
    }
  }
  return out;
}

/** The distinct chapter titles of the reports, in first-seen order, with how many reports have each (for a picker). */
export function chapterTitles(reports: readonly ReportHead[]): { title: string; reports: number }[] {
  const counts = new Map<string, number>();
  for (const r of reports) {
    const seen = new Set<string>();
    for (const { node } of chapterParts(r)) {
      if (node.kind !== 'chapter') continue;
      const t = titleKey(node.title);
      if (!t || seen.has(t)) continue;
      seen.add(t);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  return [...counts].map(([title, n]) => ({ title, reports: n }));
}

/**
 * The paragraphs of a report in the scope: null when the whole report is (no part or chapter is
 * asked for), an empty set when the report is out of the scope.
 */
export function scopedParagraphs(report: Report, scope: AutoTagScope): Set<number> | null {
  if (scope.report && !scope.report(report)) return new Set();
  if (scope.years && (report.year === null || !scope.years.includes(report.year))) return new Set();
  if (!scope.part && !scope.chapters) return null;
  const chapters = scope.chapters ? new Set(scope.chapters.map(titleKey)) : null;
  const out = new Set<number>();
  for (const { node, part } of chapterParts(report)) {
    if (scope.part && part !== scope.part) continue;
    if (chapters && !(node.kind === 'chapter' && chapters.has(titleKey(node.title)))) continue;
    for (let i = node.paragraph; i < report.paragraphs.length && report.paragraphs[i].line <= node.endLine; i++) out.add(i);
  }
  return out;
}
