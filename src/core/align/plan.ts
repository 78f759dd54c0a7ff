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
import type { Series } from '../series/index.ts';
import { planYear, type ChapterUnit } from './units.ts';

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
  return out;
}
