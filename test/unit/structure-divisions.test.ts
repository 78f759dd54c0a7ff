/**
 * Divisions above the chapters: the 1981 national report opens with （一）当前的经济形势 and （二）今后经济建设的方针, whose ten
 * points are chapters 一 to 十, then （三）我国经济发展的前景. The （一） run is the report's top level: parts, with the
 * chapters between them nested in them, when a later （三） continues it (before, （三） was taken for a section of
 * chapter 十, with a warning that its numbering skips).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, type OutlineNode } from '../../src/core/index.ts';

const B = '全年工业总产值比上年增长百分之四，农业总产值增长百分之五，国民经济在调整中继续前进。';
const report = (blocks: string[]) => buildReport({ title: '政府工作报告', link: null, date: null, blocks, diagnostics: [] }, null);
const tree = (ns: OutlineNode[]): string[] => ns.flatMap((n) => [`${n.kind} ${n.label ?? ''}${n.title}`, ...tree(n.children).map((x) => `  ${x}`)]);

test('sections before the first chapter that a later section continues are divisions: parts, the chapters nested in them', () => {
  const r = report(['（一）当前的经济形势', B, '（二）今后经济建设的方针', B, '一、加快农业的发展', B, '二、发展消费品工业', B, '（三）我国经济发展的前景', B]);
  assert.deepEqual(tree(r.outline), [
    'part （一）当前的经济形势',
    'part （二）今后经济建设的方针',
    '  chapter 一、加快农业的发展',
    '  chapter 二、发展消费品工业',
    'part （三）我国经济发展的前景',
  ]);
  assert.ok(!r.diagnostics.some((d) => d.code === 'firstSectionSkips'));
});

test('not divisions: sections before the chapters that nothing continues, and a chapter’s own sections from (一)', () => {
  const lead = report(['（一）当前的经济形势', B, '（二）今后经济建设的方针', B, '一、加快农业的发展', B, '二、发展消费品工业', B]);
  assert.deepEqual(tree(lead.outline), [
    'section （一）当前的经济形势',
    'section （二）今后经济建设的方针',
    'chapter 一、加快农业的发展',
    'chapter 二、发展消费品工业',
  ]);
  const own = report(['（一）当前的经济形势', B, '一、加快农业的发展', B, '（一）稳定粮食生产', B, '（二）发展多种经营', B]);
  assert.deepEqual(tree(own.outline), [
    'section （一）当前的经济形势',
    'chapter 一、加快农业的发展',
    '  section （一）稳定粮食生产',
    '  section （二）发展多种经营',
  ]);
});
