/**
 * A table of contents at the front of a report (目录, then 一、2024年工作回顾……4) heads nothing:
 * the outline is the body's headings, in text, Word and PDF; the entries stay as text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { flattenOutline, importSource, importSourceAsync, type Report } from '../../src/core/index.ts';
import { createPdfExtractor } from '../../src/host/pdfjs.ts';
import { FIXTURES } from './helpers.ts';

const headings = (r: Report) => flattenOutline(r.outline).map(({ node }) => `${node.label ?? ''}${node.title}`);
const load = (dir: string, name: string) => importSource(name, readFileSync(path.join(FIXTURES, dir, name))).reports[0];
const PROSE = '全县上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济社会发展取得新成效。';
const BODY = [
  '各位代表：',
  '一、过去一年工作回顾',
  PROSE,
  '（一）经济运行稳中向好',
  PROSE,
  '（二）改革开放持续深化',
  PROSE,
  '二、今年工作安排',
  PROSE,
  '（一）着力扩大有效需求',
  PROSE,
];
const WANT = ['一、过去一年工作回顾', '（一）经济运行稳中向好', '（二）改革开放持续深化', '二、今年工作安排', '（一）着力扩大有效需求'];
const text = (lines: string[]) => importSource('t.txt', new TextEncoder().encode(['2024年某县人民政府工作报告', ...lines].join('\n'))).reports[0];

test('a 目录 with leader dots, a tab or spaces before the page numbers: the body’s headings are the outline', () => {
  for (const sep of ['……', '..........', '\t', '   ', '·····']) {
    const toc = [
      '目  录',
      `一、过去一年工作回顾${sep}1`,
      `（一）经济运行稳中向好${sep}1`,
      `（二）改革开放持续深化${sep}2`,
      `二、今年工作安排${sep}3`,
      `（一）着力扩大有效需求${sep}4`,
    ];
    const r = text([...toc, ...BODY]);
    assert.deepEqual(headings(r), WANT, JSON.stringify(sep));
    assert.ok(
      r.paragraphs.some((p) => p.text.startsWith('一、过去一年工作回顾') && p.role === 'body'),
      'the entries stay, as text',
    );
  }
});

test('entries with no 目录 above them count when most are headings further on; the session line is still read', () => {
  const r = text([
    '——2024年1月10日在某县第十八届人民代表大会第三次会议上',
    '一、过去一年工作回顾……1',
    '（一）经济运行稳中向好……1',
    '二、今年工作安排……3',
    ...BODY,
  ]);
  assert.deepEqual(headings(r), WANT);
  assert.equal(r.published, '2024-01-10');
  // Headings that end in a figure and come only once are headings (no table of contents).
  const own = text(['各位代表：', '一、主要指标完成情况 2024', PROSE, '二、重点工程进展 12', PROSE, '三、存在的问题 3', PROSE]);
  assert.equal(own.outline.length, 3);
});

test('a national report whose table of contents comes before anything else: the title and issuer are still found', () => {
  const r = importSource(
    'gwr-national-2008.txt',
    new TextEncoder().encode(
      [
        '目  录',
        '一、过去五年工作回顾\t2',
        '二、2008年工作总体部署\t8',
        '三、2008年工作任务\t10',
        '',
        '各位代表：',
        '现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。',
        ...BODY.slice(1),
      ].join('\n'),
    ),
  ).reports[0];
  assert.notEqual(r.title, '目 录');
  assert.equal(r.issuer, '国务院');
  assert.deepEqual(headings(r), WANT);
});

test('Word’s table of contents (a TOC field, TOC1/TOC2 entries) and that document printed to PDF: the outline of the report without it', async () => {
  const plain = load('docx', '2025年天津市政府工作报告.docx');
  const word = load('contents', '2025年天津市政府工作报告.toc.docx');
  assert.deepEqual(headings(word), headings(plain));
  assert.deepEqual([word.title, word.issuer, word.year], [plain.title, plain.issuer, plain.year]);
  const pdf = (
    await importSourceAsync('toc.pdf', readFileSync(path.join(FIXTURES, 'contents', '2025年天津市政府工作报告.toc.pdf')), {
      pdfText: createPdfExtractor({ timeoutMs: 60_000 }),
    })
  ).reports[0];
  assert.deepEqual(headings(pdf), headings(plain));
});

test('a line that ends in a figure is no table of contents for the metadata (a page’s 浏览次数： 1523 under its title)', () => {
  const r = importSource(
    'p.html',
    new TextEncoder().encode(
      `<html><head><title>2024年国民经济和社会发展统计公报</title></head><body><h1>2024年国民经济和社会发展统计公报</h1><div>洛阳市统计局　2025年03月20日　浏览次数： 1523</div><p>一、综合</p><p>${PROSE}</p><p>二、农业</p><p>${PROSE}</p></body></html>`,
    ),
  ).reports[0];
  // The publisher line is read (洛阳市统计局); a communiqué's issuer is its place.
  assert.equal(r.issuer, '洛阳市');
});
