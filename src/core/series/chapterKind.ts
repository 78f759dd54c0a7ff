/**
 * A chapter's kind told from its title: the review of a year or the plan of one. One function for every reader of it:
 * plan → result (align/plan.ts), the kind of a chapter's figures (compare/parts.ts, which falls back on wider word lists
 * where this says neither) and auto-tag's review and plan chapters (annotate/scope.ts).
 */
import type { Report } from '../model/index.ts';
import { reviewsPastYear } from './names.ts';

/**
 * A plan chapter: 2013年工作安排, 2024年政府工作任务, 2023年重点工作, 法治政府建设工作计划, …的主要安排; not one that also
 * reviews (…情况和…安排), nor a plan for five years (今后五年目标任务, “十四五”…), which no one year's review carries out.
 */
const PLAN_CHAPTER = /工作安排|工作任务|主要任务|重点任务|重点工作|工作计划|工作打算|工作建议|工作思路|工作重点|目标任务|主要安排|工作部署|下一步/;
/**
 * This year's work in a report that plans the year it is delivered in (a 政府工作报告: 对今年政府工作的建议, 关于今年的工作); in
 * a report on its own year (关于今年工作开展情况, a 法治 report's) 今年 is the year reviewed; nor one that says it reviews
 * (对今年工作的回顾, …情况, …问题, …取得的主要成绩, …的基本经验: a December report's words for the year it closes).
 */
const THIS_YEAR_PLAN = /^(?:对|关于)?今年(?:的)?(?:政府)?工作(?!.*(?:情况|回顾|问题|成效|总结|成绩|成果|亮点|经验|不足|困难|做法|举措|进展|取得))/;
const FIVE_YEARS = /五年|十[一二三四五六]五/;
/** A plan's chapter in words no review uses, for a text of no known type. */
const UNTYPED_PLAN = /工作安排|工作计划|工作打算|工作思路|工作建议|主要安排|工作部署|下一步|目标任务|主要目标/;
/** A review chapter: 过去一年工作回顾, 2023年工作回顾, 工作总结, 主要举措和成效. */
const REVIEW_CHAPTER = /回顾|工作总结|工作情况|工作成效|主要举措|成效|成绩|成就|进展|亮点|过去[一五]年|上一年|(?:开展|建设|推进|落实|执行)情况/;

/**
 * A chapter's kind in its report: by the last year it names when it names one and reads as work (a 政府工作报告 of 2023
 * reviews 2022 and plans 2023, so `2023年主要工作` is its plan and `2022年政府工作回顾` its review; another type reviews
 * its own year and plans the next; `“十五五”时期目标任务和2026年工作安排` is 2026's plan), else by its words (完成情况
 * reviews); null when neither (a chapter that both reviews and plans, a five-year plan).
 */
export function chapterKind(title: string, report: Pick<Report, 'year' | 'type'>): 'plan' | 'review' | null {
  const t = title.normalize('NFKC');
  const reviewed = report.year === null ? null : reviewsPastYear(report.type) ? report.year : report.year - 1;
  // The last year it names (“十五五”时期目标任务和2026年工作安排: 2026); a chapter named by its year alone (关于2025年工作).
  const years = [...t.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  // 主要工作 with a year plans (2026年主要工作); with none it is a report's own year as often (一、主要工作, a 法治 report's), and
  // 主要工作情况, 主要工作成效 review.
  const plan =
    PLAN_CHAPTER.test(t) ||
    (years.length > 0 && /主要工作(?!情况|成效|举措|开展|完成|成绩|进展|成就|亮点|做法|措施)/.test(t)) ||
    (THIS_YEAR_PLAN.test(t) && !reviewsPastYear(report.type));
  // 完成情况 reviews what was planned (2023年目标任务完成情况, 重点工作完成情况).
  const review = REVIEW_CHAPTER.test(t) || /完成情况/.test(t);
  const y = years.length ? years[years.length - 1] : null;
  const work = plan || review || /^(?:关于|对)?(?:19|20)\d{2}\s*年(?:的)?(?:政府)?工作$/.test(t);
  // A report of no known type (a page of a report split over several, no title on it): whether its year is the one its
  // chapters review is not known, so a chapter that names a plan alone (2017年工作安排) plans.
  // Only words no review uses (工作安排, 工作计划, 打算…): 主要工作 or 重点工作 of the page's own year may be either.
  if (report.type === null && UNTYPED_PLAN.test(t) && !review && !FIVE_YEARS.test(t)) return 'plan';
  if (y !== null && reviewed !== null && work) {
    // The year reviewed: what was done that year (2023年工作回顾, 2023年重点工作完成情况).
    if (y === reviewed) return 'review';
    // The year after: its plan, unless it says it reviews too (完成情况, 2023年工作回顾和2024年工作安排: neither).
    if (y === reviewed + 1) return /完成情况/.test(t) || review ? null : 'plan';
  }
  if (/完成情况/.test(t)) return 'review';
  if (plan && !review && !FIVE_YEARS.test(t)) return 'plan';
  if (review && !plan) return 'review';
  return null;
}
