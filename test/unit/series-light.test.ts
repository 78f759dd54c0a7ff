// A light report (core lightReport: metadata, no body), as `annals align --json/--jsonl` groups them, is
// grouped as its full report: where the grouping weighs how much of one report's body another holds (two
// bodies' reports with no issuer, one year, one type; pages of one article saved a file a page), it reads
// the paragraphs' ids the light report keeps as numbers. Before, a light report had no paragraphs there:
// every pair of issuer-less reports read as two bodies', and no page as a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupSeries, lightReport, type SourcedReport } from '../../src/core/index.ts';
import { fromText } from './helpers.ts';

const report = (source: string, text: string): SourcedReport => ({ source, report: fromText(text, source).reports[0] });
const light = (xs: SourcedReport[]) => xs.map((x) => ({ ...x, report: lightReport(x.report) }));
/** What a grouping decided: each series' key and members (with their copies), and each problem. */
const decided = (xs: SourcedReport[]) => {
  const g = groupSeries(xs);
  return {
    series: g.series.map((s) => [s.key, s.members.map((m) => [m.source, m.report.year, m.copies.map((c) => c.source)])]),
    problems: g.problems.map((p) => [p.problem.code, p.source]),
  };
};

/** A 法治 report that names no body: its series is found from its folder, or its file when that cannot tell. */
const BODY =
  '2024年法治政府建设年度报告\n\n一、主要举措和成效\n\n全面推进依法行政，完善行政决策程序，规范重大行政决策。\n\n加强行政执法监督，落实行政执法三项制度。\n\n二、存在的不足\n\n执法队伍专业化水平有待提高。\n\n三、下一步工作安排\n\n持续深化法治政府建设，提升依法行政能力。\n';
const OTHER =
  '2024年法治政府建设年度报告\n\n一、工作开展情况\n\n深入学习宣传习近平法治思想，组织领导干部学法。\n\n推进政务公开标准化规范化建设，公开重点领域信息。\n\n二、问题与打算\n\n基层法治力量仍显薄弱，法治宣传形式单一。\n';

test('issuer-less reports of one type and year: light reports are grouped as the full ones (the same body, and two bodies)', () => {
  // Two saves of one body, in two folders (a word changed): one body's, so no series by folder.
  const same = [report('a/法治.txt', BODY), report('b/法治.txt', BODY.replace('规范重大行政决策', '规范重大行政决策事项'))];
  // Two bodies' reports in two folders: a series a folder.
  const two = [report('a/法治.txt', BODY), report('b/法治.txt', OTHER)];
  // Two bodies' reports in one folder: nothing tells whose the others are, each its own series.
  const one = [report('c/x.txt', BODY), report('c/y.txt', OTHER)];
  for (const [name, xs] of [
    ['same body', same],
    ['two folders', two],
    ['one folder', one],
  ] as const) {
    assert.deepEqual(decided(light([...xs])), decided([...xs]), name);
  }
  // And the three read differently, so the rows above say something.
  assert.notDeepEqual(decided(two).series, decided(same).series);
  assert.notDeepEqual(decided(one).series, decided(two).series);
});

test('pages of one article, and two saves of a whole report: light reports get the same warning or note as the full ones', () => {
  const page = (source: string, text: string) => report(source, `2025年某县人民政府工作报告\n\n${text}\n`);
  const pages = [
    page('web/t20250120_123.html', '一、2024年工作回顾\n\n全县地区生产总值增长百分之五，经济运行总体平稳。'),
    page('web/t20250120_123_1.html', '二、2025年工作安排\n\n今年地区生产总值预期增长百分之五左右。'),
    page('web/t20250120_123_2.html', '三、加强政府自身建设\n\n坚持依法行政，建设法治政府。'),
  ];
  assert.deepEqual(decided(light(pages)).problems, [
    ['splitPages', 'web/t20250120_123_1.html'],
    ['splitPages', 'web/t20250120_123_2.html'],
  ]);
  const body = '一、2024年工作回顾\n\n全县地区生产总值增长百分之五。\n\n二、2025年工作安排\n\n今年预期增长百分之五左右。';
  const saves = [page('b/gzbg_1.html', body), page('b/gzbg_2.html', body.replace('今年', '今年全县'))];
  assert.deepEqual(decided(light(saves)).problems, [['duplicateReport', 'b/gzbg_2.html']]);
  assert.deepEqual(decided(light(saves)), decided(saves));
});
