/**
 * A 政府信息公开 table copied from a page as text often gives each cell a line of its own: its row
 * labels (三、本年度办理结果, （一）予以公开) are followed by bare figures and head nothing. Real headings,
 * followed by prose (also prose that opens with a number), stay headings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { buildReport, flattenOutline, importSource } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const headings = (blocks: string[]) =>
  flattenOutline(buildReport({ title: '某区2023年政府信息公开工作年度报告', link: null, date: null, blocks, diagnostics: [] }, null).outline).map(
    ({ node }) => `${node.label ?? ''}${node.title}`,
  );

test('a table given a cell a line: its row labels head nothing, and no numbering warning comes of them', () => {
  const name = '政府信息公开-表格逐格一行.txt';
  const r = importSource(name, readFileSync(path.join(FIXTURES, 'texts', name))).reports[0];
  assert.deepEqual(
    flattenOutline(r.outline).map(({ node }) => `${node.label ?? ''}${node.title}`),
    [
      '一、总体情况',
      '（一）主动公开',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ],
  );
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message),
    [],
  );
  assert.ok(r.paragraphs.some((p) => p.text === '（一）予以公开' && p.role === 'body'));
});

test('real headings before prose stay headings, also when the prose opens with a number', () => {
  assert.deepEqual(
    headings([
      '一、总体情况',
      '（一）主动公开',
      '2023年，全区主动公开政府信息1234条。',
      '（二）依申请公开',
      '56件申请全部按时办结。',
      '二、存在的问题',
      '一是公开内容还不够全面。',
    ]),
    ['一、总体情况', '（一）主动公开', '（二）依申请公开', '二、存在的问题'],
  );
  // A label then figures, and a label, a sub-label and figures: no heading.
  assert.deepEqual(headings(['一、总体情况', '正文一段，内容。', '（一）予以公开', '23', '3', '（二）不予公开', '1.属于国家秘密', '0', '0']), ['一、总体情况']);
  // One bare number after a heading is a page number copied with the text: the heading stays.
  assert.deepEqual(headings(['一、总体情况', '（一）主动公开', '3', '全年通过政府网站主动公开政府信息1234条。', '（二）依申请公开', '全年共受理申请56件。']), [
    '一、总体情况',
    '（一）主动公开',
    '（二）依申请公开',
  ]);
});
