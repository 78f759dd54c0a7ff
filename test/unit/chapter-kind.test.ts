// A chapter's kind told from its title is one function (series' chapterKind) for plan → result, the kind of a chapter's
// figures (compare/parts.ts falls back on wider words where it says neither) and auto-tag's review and plan chapters
// (annotate/scope.ts): they read 2026年主要工作 alike (auto-tag took it for a review, carried from the chapter before).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chapterParts } from '../../src/core/annotate/index.ts';
import { alignCorpus } from '../../src/core/index.ts';
import { chapterKind } from '../../src/core/series/index.ts';
import { PROSE as S, fromText } from './helpers.ts';

test('chapterKind: the year a title names against the year the report reviews, then its words', () => {
  const gwr = { year: 2026, type: '政府工作报告' };
  const rule = { year: 2024, type: '法治政府建设工作报告' };
  const cases: [string, { year: number; type: string }, 'plan' | 'review' | null][] = [
    ['2025年工作回顾', gwr, 'review'],
    ['2026年主要工作', gwr, 'plan'],
    ['关于2026年工作', gwr, 'plan'],
    ['对今年政府工作的建议', gwr, 'plan'],
    // Work done, not work to do: 主要工作情况, 工作开展情况, 法治政府建设情况, 完成情况.
    ['主要工作情况', rule, 'review'],
    ['2024工作开展情况', rule, 'review'],
    ['2024年度法治政府建设情况', rule, 'review'],
    ['2024年重点工作完成情况', rule, 'review'],
    ['下一步打算', rule, 'plan'],
    ['下一步工作措施', rule, 'plan'],
    ['2025年工作打算', rule, 'plan'],
    // Both, and a plan for five years: neither.
    ['1998年工作回顾和1999年工作的总体要求', { year: 1999, type: '政府工作报告' }, null],
    ['今后五年目标任务', gwr, null],
  ];
  for (const [title, report, kind] of cases) assert.equal(chapterKind(title, report), kind, title);
});

test('auto-tag’s chapters of the plan: a plan chapter that names its year and 主要工作 is the plan, and the chapters after it', () => {
  const r = fromText(`某县2026年政府工作报告\n各位代表:\n一、2025年工作回顾\n${S}\n二、2026年主要工作\n${S}\n三、加强政府自身建设\n${S}\n`).reports[0];
  assert.deepEqual(
    chapterParts(r).map((c) => [c.node.title, c.part]),
    [
      ['2025年工作回顾', 'review'],
      ['2026年主要工作', 'plan'],
      ['加强政府自身建设', 'plan'],
    ],
  );
});

test('plan → result: a 法治 report’s 下一步打算 is carried out by the next year’s 主要工作情况', () => {
  const text = (y: number, review: string, plan: string) =>
    `某市生态环境局${y}年法治政府建设情况报告\n一、${review}\n（一）严格落实法治建设第一责任人职责\n党组书记履行推进法治建设第一责任人职责，专题研究法治政府建设。\n（二）依法履行生态环境保护职能\n完善生态环境行政执法程序，规范行政处罚自由裁量权。\n二、${plan}\n继续落实法治建设第一责任人职责，依法履行生态环境保护职能，规范行政执法程序。\n`;
  const a = fromText(text(2023, '主要工作情况', '下一步打算'), '2023.txt').reports[0];
  const b = fromText(text(2024, '主要工作情况', '下一步打算'), '2024.txt').reports[0];
  const al = alignCorpus([a, b]);
  assert.deepEqual(
    al.planResult.map((p) => [p.plan.report.year, p.plan.node.title, p.planYear, p.result.map((x) => x.chapter.node.title).sort()]),
    [[2023, '下一步打算', 2024, ['严格落实法治建设第一责任人职责', '依法履行生态环境保护职能'].sort()]],
  );
});
