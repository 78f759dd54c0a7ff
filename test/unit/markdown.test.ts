/**
 * A report converted to Markdown (pandoc, a reader service such as Jina Reader, a model's pipeline)
 * reads as the report: its title and headings without their marks, links and pictures as their
 * words; a text that is not Markdown is left as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flattenOutline, importSource, type Report, reportFigures } from '../../src/core/index.ts';

const PROSE = '全县上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济社会发展取得新成效。';
const read = (s: string) => importSource('r.md', new TextEncoder().encode(s)).reports[0];
const headings = (r: Report) => flattenOutline(r.outline).map(({ node }) => `${node.label ?? ''}${node.title}`);
const WANT = ['一、2024年工作回顾', '（一）经济运行稳中向好', '二、2025年工作安排'];

test('pandoc’s Markdown (bold title and headings, backslash escapes, a table): the title and the outline of the report', () => {
  const md = `**2025年某县政府工作报告**\n\n各位代表：\n\n**　　一、2024年工作回顾**\n\n${PROSE}增长5\\.2%。\n\n**（一）经济运行稳中向好**\n\n${PROSE}\n\n| 指标 | 2024年 |\n|------|-------:|\n| 地区生产总值 | 300 |\n\n**二、2025年工作安排**\n\n${PROSE}\n`;
  const r = read(md);
  assert.equal(r.title, '2025年某县政府工作报告');
  assert.deepEqual(headings(r), WANT);
  const texts = r.paragraphs.map((p) => p.text);
  assert.ok(texts.includes(`${PROSE}增长5.2%。`), 'the escape goes');
  assert.ok(texts.includes('地区生产总值 300'), 'a table row is its cells');
  assert.ok(!texts.some((t) => /\*\*|\|/.test(t)));
});

test('a reader service’s Markdown (Title: header, ## headings, links and pictures): the title from its header', () => {
  const md = `Title: 2025年某县政府工作报告\n\nURL Source: http://www.example.gov.cn/a.html\n\nPublished Time: 2025-01-20T08:00:00+08:00\n\nMarkdown Content:\n# 2025年某县政府工作报告\n\n![图片](http://www.example.gov.cn/a.jpg)\n\n各位代表：\n\n## 一、2024年工作回顾\n\n${PROSE}详见[附件](http://x/a.pdf)。\n\n### （一）经济运行稳中向好\n\n${PROSE}\n\n---\n\n## 二、2025年工作安排\n\n${PROSE}\n`;
  const r = read(md);
  assert.equal(r.title, '2025年某县政府工作报告');
  assert.equal(r.issuer, '某县人民政府');
  assert.deepEqual(headings(r), WANT);
  const texts = r.paragraphs.map((p) => p.text);
  assert.ok(texts.includes(`${PROSE}详见附件。`), 'a link is its words');
  assert.ok(!texts.some((t) => /URL Source|Markdown Content|!\[|^#/.test(t)));
});

test('a text that is not Markdown is left as it is (a bold mark in a paragraph, a # in the text)', () => {
  const text = `2025年某县政府工作报告\n\n一、2024年工作回顾\n\n${PROSE}“**”号是乘号的写法，#号是井号。\n\n二、2025年工作安排\n\n${PROSE}\n`;
  const r = read(text);
  assert.ok(r.paragraphs.some((p) => p.text === `${PROSE}“**”号是乘号的写法，#号是井号。`));
});

test('a first line of underscores is no Markdown: the text keeps its underscores', () => {
  const r = read(`__________\n2025年某县政府工作报告\n\n一、2024年工作回顾\n\n附件：file__2024__v2.doc\n\n- 3 -\n\n二、2025年工作安排\n\n${PROSE}\n`);
  assert.ok(r.paragraphs.some((p) => p.text.includes('file__2024__v2.doc')));
});

test('an OCR’s Markdown escapes any ASCII punctuation (\\%) and wraps figures in inline maths (\\( \\)): the text reads as printed, its figures with their labels', () => {
  const md = `# 2021年某市国民经济和社会发展统计公报\n\n## 一、综合\n\n全年地区生产总值19917.0亿元，比上年增长 \\(8.6\\%\\) 。其中，第一产业增加值582.8亿元，增长 \\(4.8\\%\\) ；\n\n## 二、农业\n\n${PROSE}\n`;
  const r = read(md);
  const texts = r.paragraphs.map((p) => p.text);
  // The inline maths around a figure goes with its escapes: the figure as the page printed it, and its label.
  assert.ok(texts.includes('全年地区生产总值19917.0亿元，比上年增长 8.6% 。其中，第一产业增加值582.8亿元，增长 4.8% ；'), texts.join('\n'));
  assert.deepEqual(
    reportFigures(r).map((f) => [f.text, f.label]),
    [
      ['19917.0亿元', '地区生产总值'],
      ['8.6%', '地区生产总值增长'],
      ['582.8亿元', '第一产业增加值'],
      ['4.8%', '第一产业增加值增长'],
    ],
  );
});

test('an OCR’s page markers (<!-- Page Page 7 -->) in mid-sentence: the paragraph runs on over them; after a sentence, a heading or before a table they only go', () => {
  const long = '全年实现农林牧渔业总产值942.6亿元，按可比价格计算，';
  const md = `# 2021年某市国民经济和社会发展统计公报\n\n## 一、综合\n\n${long}\n\n<!-- Page Page 5 -->\n\n比上年增长 \\(5.0\\%\\) 。商品房销售面积\n\n<!-- Page 6 -->\n\n（含预售）3644.1万平方米。\n\n<!-- Page 7 -->\n\n表1：2021年地区生产总值\n\n## 二、农业\n\n<!-- 第8页 -->\n\n${PROSE}\n`;
  const texts = read(md).paragraphs.map((p) => p.text);
  assert.ok(texts.includes(`${long}比上年增长 5.0% 。商品房销售面积（含预售）3644.1万平方米。`), texts.join('\n'));
  assert.ok(texts.includes('表1：2021年地区生产总值'));
  assert.ok(texts.includes(PROSE));
  assert.ok(!texts.some((t) => t.includes('<!--') || t.includes('Page')));
  assert.deepEqual(headings(read(md)), ['一、综合', '二、农业']);
});

test('a page marker after a subtitle, a caption or a list item, or before a salutation, only goes (a review pass’s attacks)', () => {
  const md = `# 2024年某县政府工作报告\n\n——2024年1月15日在某县第十八届人民代表大会第三次会议上\n\n<!-- Page 2 -->\n\n各位代表：\n\n${PROSE}\n\n## 一、2023年工作回顾\n\n图1 2019—2023年全县地区生产总值及其增长速度\n\n<!-- Page 3 -->\n\n全年新增城镇就业5500人，城镇调查失业率控制在5.5%以内。\n\n1. 规模以上工业增加值增长较快，高技术产业占比提高\n\n<!-- Page 4 -->\n\n全年规模以上工业增加值比上年增长7.5%。\n`;
  const texts = read(md).paragraphs.map((p) => p.text);
  for (const t of [
    '——2024年1月15日在某县第十八届人民代表大会第三次会议上',
    '各位代表：',
    '图1 2019—2023年全县地区生产总值及其增长速度',
    '1. 规模以上工业增加值增长较快，高技术产业占比提高',
  ])
    assert.ok(texts.includes(t), t);
});

test('an escaped parenthesis around words is a parenthesis (\\(一\\) heads a section), and inline maths is read in linear time (a third review pass’s attacks)', () => {
  const md = `# 某市2023年政府工作报告\n\n## 一、2022年工作回顾\n\n\\(一\\)经济运行稳中有进。全年地区生产总值2000亿元，增长5\\.2%。\n\n常住人口城镇化率\\(%\\)达到65%。\n\n\\(二\\)改革开放持续深化。新增市场主体3万户。\n\n## 二、2023年工作安排\n\n${PROSE}\n`;
  const r = read(md);
  assert.deepEqual(headings(r), ['一、2022年工作回顾', '(一)经济运行稳中有进', '(二)改革开放持续深化', '二、2023年工作安排']);
  assert.ok(r.paragraphs.some((p) => p.text === '常住人口城镇化率(%)达到65%。'));
  // An opening \\( never closed, then a long run of spaces: read at once (it took a minute for 96 KB before).
  const long = `# 某县2023年国民经济和社会发展统计公报\n\n其中\\(${'\u3000'.repeat(20000)}\n\n${PROSE}\n`;
  assert.ok(read(long).paragraphs.some((p) => p.text === PROSE));
});
