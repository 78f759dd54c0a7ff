/** Shared by the alignment tests: the labelled sets and synthetic reports. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importSource, type Report } from '../../src/core/index.ts';
import type { GoldSet } from '../../bench/evaluate.ts';
import { ROOT } from './helpers.ts';

export function goldSet(name: string): GoldSet {
  return JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/align', `${name}.json`), 'utf8')) as GoldSet;
}

export function goldReports(gold: GoldSet): Report[] {
  return gold.sources.flatMap((f) => importSource(f, readFileSync(path.join(ROOT, f))).reports);
}

/** Bodies on distinct topics, long enough to vectorise like real chapters. */
export const TOPICS = {
  review: '全年共收到行政复议申请918宗，办结行政复议案件850宗，综合纠错率40.5%。行政复议委员会试点工作稳步推进，复议简易程序缩短办案时间。',
  law: '深入开展普法宣传教育，落实谁执法谁普法责任制，举办法治讲座120场，覆盖群众3万人次。法治文化阵地建设不断加强。',
  permit: '深化行政审批制度改革，推行一门式一网式政务服务，网上办事率达到95%，审批时限压缩一半，跨城通办事项持续扩大。',
  decision: '健全重大行政决策程序，落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定，规范性文件审查备案全覆盖。',
  enforce: '严格规范公正文明执法，开展行政执法案卷评查，全面推行双随机一公开监管，执法人员持证上岗率100%。',
  credit: '建设社会信用体系，归集企业信用信息12万条，对失信主体实施联合惩戒，守信激励措施覆盖重点行业。',
};

/** A plain-text report of one year: a review part with these chapters [heading, body]. */
export function synthReport(year: number, chapters: [string, string][], plan: [string, string][] = []): string {
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const part = (list: [string, string][]) => list.map(([h, b], i) => `${numerals[i]}、${h}\n\n${b}\n`).join('\n');
  let text = `某区${year}年度法治政府建设工作报告\n\n${year}年法治政府建设工作情况\n\n${part(chapters)}`;
  if (plan.length) text += `\n${year + 1}年工作计划\n\n${part(plan)}`;
  return text;
}
