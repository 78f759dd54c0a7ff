/**
 * Chapters numbered in Arabic numerals with no separator (`1 人口特征` … `9 法律保护`: the 2021
 * 深圳 社会性别统计报告, whose PDF text gives `1人口特征`), in a report with no other chapter marker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, type Report } from '../../src/core/index.ts';

const report = (blocks: string[]) =>
  buildReport({ title: '2021年深圳市社会性别统计报告', link: null, date: null, blocks: ['深圳市统计局', ...blocks], diagnostics: [] }, null);
const chapters = (r: Report) => r.outline.filter((n) => n.kind === 'chapter').map((n) => [n.number, n.label, n.title, n.inferred]);
const body = (k: number) => `2021年，深圳市常住人口1761.48万人，其中男性969.57万人，占全市人口的55.0%（第${k}段）。`;

test('short lines numbered 1, 2, 3 … standing alone are chapters, each marked repaired', () => {
  const r = report(['1 人口特征', '人口规模与性别比', body(1), '2婚姻及家庭状况', body(2), '3　文化教育', body(3), '4就业', body(4)]);
  assert.deepEqual(chapters(r), [
    [1, '1', '人口特征', true],
    [2, '2', '婚姻及家庭状况', true],
    [3, '3', '文化教育', true],
    [4, '4', '就业', true],
  ]);
  const infos = r.diagnostics.filter((d) => d.code === 'arabicChapter');
  assert.equal(infos.length, 4);
  assert.equal(infos[0].message, 'A short line numbered “1” in a report with no other chapter marker: read as chapter “一、”.');
  assert.ok(!r.diagnostics.some((d) => d.code === 'noMarkers'));
  // The unnumbered line under a chapter stays a paragraph of it.
  assert.ok(r.paragraphs.some((p) => p.text === '人口规模与性别比' && p.role === 'body'));
});

test('a number missing among them is warned about, and no other line is taken for it', () => {
  const r = report(['1人口特征', body(1), '2婚姻及家庭状况', body(2), '短的一行标题', body(3), '4就业', body(4), '5社会保障', body(5)]);
  assert.deepEqual(
    chapters(r).map((c) => c[2]),
    ['人口特征', '婚姻及家庭状况', '就业', '社会保障'],
  );
  assert.ok(r.diagnostics.some((d) => d.code === 'chaptersMissing'));
  assert.ok(r.paragraphs.some((p) => p.text === '短的一行标题' && p.role === 'body'));
});

test('not chapters: sentences, numbers that do not rise from 1, too few, too sparse, or a report with chapter markers', () => {
  const none = (blocks: string[], why: string) => assert.deepEqual(chapters(report(blocks)), [], why);
  none(['1加强组织领导。', body(1), '2规范行政执法。', body(2), '3强化监督。', body(3)], 'sentences');
  none(['1人口特征', body(1), '2婚姻状况', body(2), '1文化教育', body(3), '2就业情况', body(4)], 'numbering starts again: a list');
  none(['2人口特征', body(1), '3婚姻状况', body(2), '4文化教育', body(3)], 'not from 1');
  none(['1人口特征', body(1), '2婚姻状况', body(2)], 'two lines');
  none(['1人口特征', body(1), '5婚姻状况', body(2), '9文化教育', body(3)], 'three of nine');
  none(['1人', body(1), '2婚', body(2), '3文', body(3)], 'one-character titles');
  none(['1 南山区 92.5', body(1), '2 福田区 90.1', body(2), '3 罗湖区 88.0', body(3)], 'a ranking’s rows: figures after the name');
  // A report with Chinese chapters keeps them; its Arabic lines are not chapters.
  const cn = report(['一、人口', '1人口特征', body(1), '2婚姻状况', body(2), '3文化教育', body(3), '二、就业', body(4)]);
  assert.deepEqual(
    chapters(cn).map((c) => c[1]),
    ['一、', '二、'],
  );
});
