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
import { reviewsPastYear, type Series } from '../series/index.ts';
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
    for (const plan of units.get(report)!.filter((u) => kindOf(u.node.title, report) === 'plan')) {
      const heading = /((?:19|20)\d{2})\s*年/.exec(plan.node.title.normalize('NFKC'));
      const reviewed = reviews(report);
      const year = heading ? Number(heading[1]) : reviewed === null ? null : reviewed + 1;
      const target = series.reports.find((r) => r !== report && reviews(r) === year && flat(r));
      if (year === null || !target) continue;
      const results = units
        .get(target)!
        .filter((u) => kindOf(u.node.title, target) === 'review')
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

/**
 * A plan chapter: 2013年工作安排, 2024年政府工作任务, 2023年重点工作, 法治政府建设工作计划, …的主要安排; not one that also
 * reviews (…情况和…安排), nor a plan for five years (今后五年目标任务, “十四五”…), which no one year's review carries out.
 */
const PLAN_CHAPTER = /工作安排|工作任务|主要任务|重点任务|重点工作|工作计划|工作打算|工作建议|工作思路|工作重点|目标任务|主要安排|工作部署/;
/**
 * This year's work in a report that plans the year it is delivered in (a 政府工作报告: 对今年政府工作的建议, 关于今年的工作); in
 * a report on its own year (关于今年工作开展情况, a 法治 report's) 今年 is the year reviewed; nor one that says it reviews
 * (对今年工作的回顾, …情况, …问题, …取得的主要成绩, …的基本经验: a December report's words for the year it closes).
 */
const THIS_YEAR_PLAN = /^(?:对|关于)?今年(?:的)?(?:政府)?工作(?!.*(?:情况|回顾|问题|成效|总结|成绩|成果|亮点|经验|不足|困难|做法|举措|进展|取得))/;
const FIVE_YEARS = /五年|十[一二三四五六]五/;
/** A review chapter: 过去一年工作回顾, 2023年工作回顾, 工作总结, 主要举措和成效. */
const REVIEW_CHAPTER = /回顾|工作总结|工作情况|工作成效|主要举措|成效|过去[一五]年|上一年/;

/**
 * A chapter's kind in its report: by the last year it names when it names one and reads as work (a 政府工作报告 of 2023
 * reviews 2022 and plans 2023, so `2023年主要工作` is its plan and `2022年政府工作回顾` its review; another type reviews
 * its own year and plans the next; `“十五五”时期目标任务和2026年工作安排` is 2026's plan), else by its words (完成情况
 * reviews); null when neither (a chapter that both reviews and plans, a five-year plan).
 */
export function kindOf(title: string, report: Report): 'plan' | 'review' | null {
  const t = title.normalize('NFKC');
  const reviewed = report.year === null ? null : reviewsPastYear(report.type) ? report.year : report.year - 1;
  const plan = PLAN_CHAPTER.test(t) || /主要工作/.test(t) || (THIS_YEAR_PLAN.test(t) && !reviewsPastYear(report.type));
  // 完成情况 reviews what was planned (2023年目标任务完成情况, 重点工作完成情况).
  const review = REVIEW_CHAPTER.test(t) || /完成情况/.test(t);
  // The last year it names (“十五五”时期目标任务和2026年工作安排: 2026); a chapter named by its year alone (关于2025年工作).
  const years = [...t.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  const y = years.length ? years[years.length - 1] : null;
  const work = plan || review || /^(?:关于|对)?(?:19|20)\d{2}\s*年(?:的)?(?:政府)?工作$/.test(t);
  if (y !== null && reviewed !== null && work) {
    // The year reviewed: what was done that year (2023年工作回顾, 2023年重点工作完成情况).
    if (y === reviewed) return 'review';
    // The year after: its plan, unless it says it reviews (完成情况, or review words alone).
    if (y === reviewed + 1) return /完成情况/.test(t) || (review && !plan) ? null : 'plan';
  }
  if (/完成情况/.test(t)) return 'review';
  if (plan && !review && !FIVE_YEARS.test(t)) return 'plan';
  if (review && !plan) return 'review';
  return null;
}
