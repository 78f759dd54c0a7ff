/**
 * The import's fast paths (issue #13, item 7) give what the slower code gave: the traditional-character test in one
 * pass over a table, the feed's bodies set aside with U+0000 searched in the markup only, the contents head told by
 * its length first, and the outline's nodes built whole with their keys in the same order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importSource } from '../../src/core/index.ts';
import { isTraditional } from '../../src/core/structure/index.ts';

test('isTraditional: one of the commonest traditional characters and three of the table, in any order', () => {
  // 國 is both; 區縣 are the table's.
  assert.equal(isTraditional('區縣國'), true);
  assert.equal(isTraditional('國區縣'), true);
  // Three of the table with none of the commonest: a simplified text that names 鎮, 鄉 and 廳 in a quote.
  assert.equal(isTraditional('鎮鄉廳'), false);
  // The commonest alone, or with one more: not three.
  assert.equal(isTraditional('國'), false);
  assert.equal(isTraditional('國區'), false);
  // Characters the table maps to themselves (嘉, 衢) are not traditional.
  assert.equal(isTraditional('國嘉衢'), false);
  // 報 and 慶 are two of the table: not yet three.
  assert.equal(isTraditional('二〇二四年政府工作報告，重慶市人民政府'), false);
  assert.equal(isTraditional('重慶市第六屆人民代表大會，政府工作報告'), true);
  assert.equal(isTraditional('重庆市第六届人民代表大会，政府工作报告'), false);
});

// A NUL byte in the first 8 KB makes a file binary; further on, a feed can hold one.
const padding = `<p>${'经济运行稳中向好。'.repeat(400)}</p>`;
const feed = (body: string, second = '某县2024年政府工作报告') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><item><title>某县2023年政府工作报告</title><description><![CDATA[${padding}${body}]]></description></item><item><title>${second}</title><description><![CDATA[<p>一、工作回顾</p><p>改革开放持续深化。</p>]]></description></item></channel></rss>`;

test('a feed whose body holds U+0000 reads that body as it is; one with U+0000 in its markup still imports', () => {
  const inBody = importSource('f.xml', Buffer.from(feed('<p>一、工作回顾</p><p>经济\u0000运行稳中向好。</p>')));
  assert.equal(inBody.format, 'rss');
  assert.equal(inBody.reports.length, 2);
  const texts = inBody.reports[0].paragraphs.map((p) => p.text);
  // (A control character is shown as its visible symbol, ␀.)
  assert.ok(texts.includes('经济\u2400运行稳中向好。'), texts.slice(-2).join(' | '));
  assert.ok(texts.includes('一、工作回顾'));
  // In the markup (the second item's title): the feed is parsed without setting its bodies aside, and reads the same.
  const inMarkup = importSource('f.xml', Buffer.from(feed('<p>一、工作回顾</p><p>经济运行稳中向好。</p>', '某县2024年\u0000政府工作报告')));
  assert.equal(inMarkup.reports.length, 2);
  assert.deepEqual(
    inMarkup.reports[0].paragraphs.map((p) => p.text),
    inBody.reports[0].paragraphs.map((p) => p.text.replace('\u2400', '')),
  );
  assert.ok(inMarkup.reports[1].paragraphs.some((p) => p.text === '改革开放持续深化。'));
});

test('a contents head (目 录) still heads its entries; the long paragraph before a chapter is none', () => {
  const long = '经济运行稳中向好，'.repeat(20);
  const text = `某县2023年政府工作报告\n\n目 录\n\n一、工作回顾……1\n\n二、工作安排……5\n\n一、工作回顾\n\n${long}。\n\n二、工作安排\n\n${long}。\n`;
  const r = importSource('a.txt', Buffer.from(text)).reports[0];
  // The contents' entries head nothing; the chapters further on do, once each.
  assert.deepEqual(
    r.outline.map((n) => n.title),
    ['工作回顾', '工作安排'],
  );
  assert.ok(r.outline.every((n) => r.paragraphs[n.paragraph].text === `${n.label}${n.title}`));
});

test('outline nodes keep their keys in order: a part with partKind after kind, a chapter without it', () => {
  const text =
    '某县2023年政府工作报告\n\n2022年工作回顾\n\n一、经济运行稳中向好\n\n全年地区生产总值增长5%。\n\n二、改革开放持续深化\n\n改革有新进展。\n\n2023年工作安排\n\n一、扩大有效需求\n\n抓好项目。\n';
  const r = importSource('a.txt', Buffer.from(text)).reports[0];
  const part = r.outline[0];
  assert.equal(part.kind, 'part');
  assert.deepEqual(Object.keys(part), ['kind', 'partKind', 'number', 'label', 'inferred', 'title', 'line', 'start', 'end', 'endLine', 'paragraph', 'children']);
  assert.deepEqual(Object.keys(part.children[0]), ['kind', 'number', 'label', 'inferred', 'title', 'line', 'start', 'end', 'endLine', 'paragraph', 'children']);
  assert.equal(part.end - part.start, '2022年工作回顾'.length);
});
