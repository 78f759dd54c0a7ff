/**
 * The part kind of a chapter (review, plan or other), for the kind of its figures: a plan's are targets. Apart from the
 * figure reader (figures.ts), so that Compare can tell a chapter's part without loading it.
 */
import type { OutlineNode, PartKind, Report } from '../model/index.ts';
import { chapterKind, reviewsPastYear } from '../series/index.ts';

/** Chapter titles of a plan (部署, 任务, 目标, 安排) and of a review (回顾, 成绩, 情况), for chapters outside any part. */
const PLAN_TITLE = /部署|任务|安排|计划|要求|目标|思路|打算|建议|展望|今后|明年|重点工作|努力方向|整改措施|改进措施|下一步|下步工作/;
const REVIEW_TITLE = /回顾|成绩|情况|过去|总结|进展|成效|成就/;

/**
 * The part kind of a chapter: its part's when it is in a review or plan part; else read from its title, first as
 * plan → result reads it (chapterKind: the year it names against the report's), then by wider word lists
 * (2016年工作回顾, 2017年工作总体部署).
 */
export function chapterPart(report: Report, chapter: OutlineNode, part: OutlineNode | null): PartKind {
  if (part?.partKind === 'review' || part?.partKind === 'plan') return part.partKind;
  // A communiqué reports the year past, every chapter of it (城镇登记失业率控制在4%以内 is what was reached).
  if (report.type?.endsWith('统计公报')) return 'review';
  // The kind plan → result reads (series' chapterKind), where it says one; else wider word lists.
  const kind = chapterKind(chapter.title, report);
  if (kind) return kind;
  const title = chapter.title.normalize('NFKC');
  if (REVIEW_TITLE.test(title)) return 'review';
  if (PLAN_TITLE.test(title)) return 'plan';
  // 今年: the year a work report plans (对今年政府工作的建议), but the year a 法治 or 信息公开 report reviews; a December report's
  // lessons of its year (今年工作的基本经验) are neither.
  if (/今年/.test(title)) return reviewsPastYear(report.type) ? 'review' : /经验|做法|举措|亮点|不足|困难/.test(title) ? 'other' : 'plan';
  const year = /((?:19|20)\d{2})\s*年/.exec(title);
  if (year && report.year !== null) return Number(year[1]) < report.year ? 'review' : 'plan';
  return 'other';
}
