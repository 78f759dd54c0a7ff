/**
 * Plan → result: each chapter of year N's plan (the plan part inside the year N−1 report, its
 * heading 2018年工作计划) to the chapters of the year N report's review part that carry it out.
 *
 * A plan chapter is short and a review chapter long, and one plan item is often carried out in
 * one section of a review chapter about something wider (行政复议 inside 矛盾纠纷). So a review
 * chapter scores the better of its own cosine and its best section's, both weighted as chapters.
 * The results are every review chapter that scores at least `planThreshold` and at least
 * `planShare` of the best one; the link's score is the best result's.
 */
import type { Report } from '../model/index.ts';
import type { AlignOptions, ChapterRef, PlanResult } from './types.ts';
import type { SeriesVectors } from './seriesVectors.ts';
import { cosine } from './vector.ts';
import { chapterKind, reviewsPastYear, type Series } from '../series/index.ts';
import { planYear, type ChapterUnit, type SectionUnit } from './units.ts';

export function linkPlans(series: Series, units: Map<Report, ChapterUnit[]>, vec: SeriesVectors, opts: Required<AlignOptions>): PlanResult[] {
  const out: PlanResult[] = [];
  for (const report of series.reports) {
    const plans = units.get(report)!.filter((u) => u.part === 'plan');
    for (const plan of plans) {
      const year = planYear(report, plan.partNode);
      const target = series.reports.find((r) => r.year === year);
      if (year === null || !target || target === report) continue;
      const reviews = units.get(target)!.filter((u) => u.part === 'review');
      if (!reviews.length) continue;
      const pv = vec.chapter(plan);
      const scored = reviews.map((r) => {
        let score = cosine(pv, vec.chapter(r));
        for (const s of r.sections) score = Math.max(score, cosine(pv, vec.sectionAsChapter(s)));
        return { chapter: { report: r.report, node: r.node, part: r.part } as ChapterRef, score };
      });
      scored.sort((a, b) => b.score - a.score);
      const best = scored[0]?.score ?? 0;
      const result = scored.filter((x) => x.score >= opts.planThreshold && x.score >= opts.planShare * best);
      out.push({ plan: { report, node: plan.node, part: plan.part }, planYear: year, result, score: result.length ? best : 0 });
    }
  }
  out.push(...linkPlanChapters(series, units, vec, opts));
  return out;
}

/**
 * A city's or a county's 政府工作报告 (and the State Council's) has no review and plan parts: its review and its plan
 * are chapters (一、过去一年工作回顾 / 二、2013年工作安排). A chapter that reads as a plan and not as a review is the plan;
 * each of its sections (or the chapter itself, with none) is linked to the sections of the review chapters (or the
 * chapters, with none) of the report that reviews the plan's year, by the same rule as a plan part's chapters. Only
 * reports with no review or plan part take this path, so a report with parts is linked as before.
 */
function linkPlanChapters(series: Series, units: Map<Report, ChapterUnit[]>, vec: SeriesVectors, opts: Required<AlignOptions>): PlanResult[] {
  const out: PlanResult[] = [];
  const flat = (r: Report) => units.get(r)!.every((u) => u.part !== 'plan' && u.part !== 'review');
  // A 政府工作报告's year is the year it plans (it is delivered then); any other report's is the year it reviews.
  const reviews = (r: Report) => (r.year === null ? null : reviewsPastYear(r.type) ? r.year : r.year - 1);
  for (const report of series.reports) {
    if (!flat(report)) continue;
    for (const plan of units.get(report)!.filter((u) => chapterKind(u.node.title, report) === 'plan')) {
      const heading = /((?:19|20)\d{2})\s*年/.exec(plan.node.title.normalize('NFKC'));
      const reviewed = reviews(report);
      const year = heading ? Number(heading[1]) : reviewed === null ? null : reviewed + 1;
      const target = series.reports.find((r) => r !== report && reviews(r) === year && flat(r));
      if (year === null || !target) continue;
      const results = units
        .get(target)!
        .filter((u) => chapterKind(u.node.title, target) === 'review')
        .flatMap((u) => (u.sections.length ? u.sections.map((s) => ({ node: s.node, v: vec.sectionAsChapter(s) })) : [{ node: u.node, v: vec.chapter(u) }]));
      if (!results.length) continue;
      const items: { node: ChapterUnit['node']; v: ReturnType<SeriesVectors['chapter']> }[] = plan.sections.length
        ? plan.sections.map((s: SectionUnit) => ({ node: s.node, v: vec.sectionAsChapter(s) }))
        : [{ node: plan.node, v: vec.chapter(plan) }];
      for (const item of items) {
        const scored = results.map((r) => ({ chapter: { report: target, node: r.node, part: 'review' } as ChapterRef, score: cosine(item.v, r.v) }));
        scored.sort((a, b) => b.score - a.score);
        const best = scored[0]?.score ?? 0;
        const result = scored.filter((x) => x.score >= opts.planThreshold && x.score >= opts.planShare * best);
        out.push({ plan: { report, node: item.node, part: 'plan' }, planYear: year, result, score: result.length ? best : 0 });
      }
    }
  }
  return out;
}
