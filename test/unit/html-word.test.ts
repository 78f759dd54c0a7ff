/**
 * A Word document published as a web page reads as the document: a real report saved as HTML by
 * LibreOffice (test/fixtures/word-html) has the .docx's title, issuer, year and chapters, its heading
 * that Word broke into two paragraphs included; the same in a feed item's body, and no join where
 * the second line is a heading, a sentence or a table's cells.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { flattenOutline, importSource, type Report } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const chapters = (r: Report) =>
  flattenOutline(r.outline)
    .map(({ node }) => node)
    .filter((n) => n.kind === 'chapter')
    .map((n) => `${n.label ?? ''}${n.title}`);

const page = (body: string) =>
  importSource('p.html', new TextEncoder().encode(`<html><head><title>2024年某县人民政府工作报告</title></head><body>${body}</body></html>`));

const PROSE = '全县上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济社会发展取得新成效。';

test('a real report saved by Word (LibreOffice) as a page: the chapters of its .docx, a heading broken over two paragraphs one chapter', () => {
  const file = path.join(FIXTURES, 'word-html', '2025年重庆市政府工作报告.html');
  const imp = importSource(file, readFileSync(file));
  assert.equal(imp.format, 'html');
  const [r] = imp.reports;
  assert.deepEqual([r.title, r.issuer, r.year, r.published], ['2025年重庆市政府工作报告', '重庆市人民政府', 2025, '2025-01-19']);
  assert.deepEqual(chapters(r), ['一、2024年工作回顾', '二、2025年主要任务', '三、持续提升政府治理效能和服务水平']);
  assert.equal(flattenOutline(r.outline).length, 26, 'the .docx has 3 chapters and 23 sections');
  assert.ok(!r.paragraphs.some((p) => p.text === '治理效能和服务水平'), 'the rest of the heading is not a paragraph of its own');
});

test('a heading broken over two <p> is one; not when the second is a heading or a sentence, or the text after it is a table', () => {
  const joined = page(`<p>一、过去一年工作回顾</p><p>${PROSE}</p><p>二、持续提升政府</p><p>治理效能和服务水平</p><p>${PROSE}</p>`).reports[0];
  assert.deepEqual(chapters(joined), ['一、过去一年工作回顾', '二、持续提升政府治理效能和服务水平']);
  // The next line is a section heading: two headings.
  const two = page(`<p>一、过去一年工作回顾</p><p>（一）经济运行</p><p>${PROSE}</p><p>二、今年工作安排</p><p>${PROSE}</p>`).reports[0];
  assert.deepEqual(chapters(two), ['一、过去一年工作回顾', '二、今年工作安排']);
  // The next line is a sentence (punctuation): the heading's body.
  const body = page(`<p>一、过去一年工作回顾</p><p>经济平稳运行。</p><p>${PROSE}</p><p>二、今年工作安排</p><p>${PROSE}</p>`).reports[0];
  assert.deepEqual(chapters(body), ['一、过去一年工作回顾', '二、今年工作安排']);
  // A table's caption and its label cells (a 政府信息公开 report): no sentence follows, nothing is joined.
  const table = page(
    `<p>一、总体情况</p><p>${PROSE}</p><p>二、收到和处理政府信息公开申请情况</p><p>申请人情况</p><p>自然人</p><p>商业企业</p><p>三、存在的主要问题及改进情况</p><p>${PROSE}</p><p>${PROSE}</p>`,
  ).reports[0];
  assert.ok(table.paragraphs.some((p) => p.text === '申请人情况'));
  assert.deepEqual(chapters(table), ['一、总体情况', '二、收到和处理政府信息公开申请情况', '三、存在的主要问题及改进情况']);
});

test('in a feed item’s body too', () => {
  const item = `<p>一、过去一年工作回顾</p><p>${PROSE}</p><p>二、持续提升政府</p><p>治理效能和服务水平</p><p>${PROSE}</p>`;
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>某县</title><item><title>2024年某县人民政府工作报告</title><link>http://example.gov.cn/a.html</link><pubDate>Mon, 15 Jan 2024 08:00:00 +0800</pubDate><description><![CDATA[${item}]]></description></item></channel></rss>`;
  const [r] = importSource('f.rss.xml', new TextEncoder().encode(rss)).reports;
  assert.deepEqual(chapters(r), ['一、过去一年工作回顾', '二、持续提升政府治理效能和服务水平']);
});
