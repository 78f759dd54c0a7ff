/**
 * The extension's chapterAt (Compare, the year jumps and the CodeLens start from it): a part that stands for a chapter
 * (core partAsChapter: a county report's `2014年工作回顾` over its sections) holds its lines as a chapter does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chapterAt, sectionAt } from '../../src/extension/alignment.ts';
import { fromText } from './helpers.ts';

const P = '全县地区生产总值完成一千一百亿元，增长百分之九，经济运行总体平稳，发展质量稳步提升。';

test('chapterAt: a review part over sections is the chapter of its lines; a part over chapters is not', () => {
  const r = fromText(`某县2015年政府工作报告\n\n各位代表：\n\n2014年工作回顾\n\n（一）保持经济稳定增长\n\n${P}\n\n2015年工作安排\n\n一、稳增长\n\n${P}\n`)
    .reports[0];
  const line = (t: string) => r.paragraphs.find((p) => p.text === t)!.line;
  const review = chapterAt(r, r.paragraphs.filter((p) => p.text === P)[0].line);
  assert.equal(review?.kind, 'part');
  assert.equal(review?.title, '2014年工作回顾');
  assert.equal(review && sectionAt(review, line('（一）保持经济稳定增长'))?.title, '保持经济稳定增长');
  const plan = chapterAt(r, r.paragraphs.filter((p) => p.text === P)[1].line);
  assert.equal(plan?.kind, 'chapter');
  assert.equal(plan?.title, '稳增长');
  assert.equal(chapterAt(r, 0), null, 'the title line is in no chapter');
});
