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

test('a Word document saved as a page is dated by the date alone in its front matter, after its title’s lines, as the .docx is', () => {
  const file = path.join(FIXTURES, 'word-html', '2025年重庆市政府工作报告.html');
  assert.equal(importSource(file, readFileSync(file)).reports[0].published, '2025-01-19', 'the session line');
  const bulletin = (head: string) =>
    importSource(
      'b.html',
      new TextEncoder().encode(
        `<html><head><meta name="generator" content="LibreOffice"></head><body>${head}<p>某州统计局 国家统计局某州调查队</p><p>2017年3月16日</p><p>2016年，在州委、州政府的正确领导下，全州经济平稳增长，社会事业全面进步。</p><p>一、综合</p><p>${PROSE}</p><p>二、农业</p><p>${PROSE}</p></body></html>`,
      ),
    ).reports[0];
  const titled = bulletin('<p>黔东南苗族侗族自治州</p><p>2016年国民经济和社会发展统计公报</p>');
  assert.equal(titled.title, '黔东南苗族侗族自治州2016年国民经济和社会发展统计公报');
  assert.equal(titled.published, '2017-03-16');
  // A date after the first sentence is no front matter.
  const late = importSource(
    'l.html',
    new TextEncoder().encode(`<html><body><p>2016年某县统计公报</p><p>${PROSE}</p><p>2017年3月16日</p><p>一、综合</p><p>${PROSE}</p></body></html>`),
  ).reports[0];
  assert.equal(late.published, null);
});

test('a session line that names its speaker between the date and 在 dates a work report (辽宁 2025 as text)', () => {
  const text = `2025年辽宁省政府工作报告\n\n——2025年1月16日省长 李乐成在辽宁省第十四届人民代表大会第三次会议上的讲话\n\n各位代表：\n\n现在，我代表省人民政府向大会报告工作，请予审议。\n\n一、2024年工作回顾\n\n${PROSE}\n\n二、2025年重点工作\n\n${PROSE}\n`;
  const [r] = importSource('辽宁.txt', new TextEncoder().encode(text)).reports;
  assert.deepEqual([r.issuer, r.year, r.published], ['辽宁省人民政府', 2025, '2025-01-16']);
  // 同志 after the name, and a name with ·.
  for (const [line, day] of [
    ['——2025年1月16日省长 李乐成同志在辽宁省第十四届人民代表大会第三次会议上', '2025-01-16'],
    ['——2025年1月21日自治区主席 艾尔肯·吐尼亚孜在新疆维吾尔自治区第十四届人民代表大会第三次会议上', '2025-01-21'],
  ]) {
    const [q] = importSource('x.txt', new TextEncoder().encode(text.replace(/——.*讲话/, line))).reports;
    assert.equal(q.published, day, line);
  }
});

test('a page whose <title> is the site’s name, or a shortened title: the date alone after the report’s title line dates it', () => {
  const page = (title: string) =>
    importSource(
      'p.html',
      new TextEncoder().encode(
        `<html><head><title>${title}</title></head><body><p>2023年某市国民经济和社会发展统计公报</p><p>某市统计局</p><p>2024年3月20日</p><p>一、综合</p><p>${PROSE}</p><p>二、农业</p><p>${PROSE}</p></body></html>`,
      ),
    ).reports[0];
  assert.equal(page('某市人民政府门户网站').published, '2024-03-20');
  assert.equal(page('2023年某市统计公报').published, '2024-03-20');
});

test('a report in traditional characters has the issuer, type, year and date of its simplified copy (one series); its text stays as written', () => {
  const simple = `2025年重庆市政府工作报告\n\n——2025年1月19日在重庆市第六届人民代表大会第四次会议上\n\n各位代表：\n\n一、2024年工作回顾\n\n${PROSE}\n\n二、2025年主要任务\n\n${PROSE}\n`;
  const traditional = `2025年重慶市政府工作報告\n\n——2025年1月19日在重慶市第六屆人民代表大會第四次會議上\n\n各位代表：\n\n一、2024年工作回顧\n\n${PROSE}\n\n二、2025年主要任務\n\n${PROSE}\n`;
  const [a] = importSource('s.txt', new TextEncoder().encode(simple)).reports;
  const [b] = importSource('t.txt', new TextEncoder().encode(traditional)).reports;
  assert.deepEqual([b.issuer, b.year, b.published, b.meta.extracted.type], [a.issuer, a.year, a.published, a.meta.extracted.type]);
  assert.equal(b.issuer, '重庆市人民政府');
  assert.equal(b.title, '2025年重慶市政府工作報告', 'the title as written');
  assert.ok(b.paragraphs.some((p) => p.text === '一、2024年工作回顧'));
  // A national report in traditional characters: 国务院, from its session line.
  const nat = `——2015年3月5日在第十二屆全國人民代表大會第三次會議上\n\n各位代表：\n\n現在，我代表國務院，向大會報告政府工作，請予審議。\n\n一、2014年工作回顧\n\n${PROSE}\n`;
  const [n] = importSource('gwr-national-2015.txt', new TextEncoder().encode(nat)).reports;
  assert.deepEqual([n.issuer, n.year], ['国务院', 2015]);
  // A city whose name has characters of its own (島, 無錫, 東營): the issuer all simplified.
  for (const [city, simple] of [
    ['青島市', '青岛市'],
    ['無錫市', '无锡市'],
    ['東營市', '东营市'],
    ['三門峽市', '三门峡市'],
  ]) {
    const [c] = importSource('c.txt', new TextEncoder().encode(`2025年${city}政府工作報告\n\n各位代表：\n\n一、2024年工作回顧\n\n${PROSE}\n`)).reports;
    assert.equal(c.issuer, `${simple}人民政府`, city);
  }
});
