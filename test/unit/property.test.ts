import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanBlock, importSource, flattenOutline, type SourceImport } from '../../src/core/index.ts';
import { runs } from './mutation.ts';

const FRAGMENTS = [
  '一、',
  '二、',
  '三、',
  '4、',
  '三',
  '、',
  '(一)',
  '（二）',
  '(三)',
  ')',
  '）',
  '第一章',
  '第二部分',
  '第一，',
  '十三五',
  '2018年法治政府建设工作情况',
  '2019年工作计划',
  '2017年工作总结',
  '。',
  '，',
  ',',
  '佛山市南海区人民政府',
  '2017年12月15日',
  '1',
  '本作品',
  'Public domain',
  ']]>',
  '18 Jun 2019 08:19:00 GMT',
  '2019-21-18 04:21:54',
  'http://x.example/a',
  '<p>',
  '</p>',
  '<rss>',
  '<item>',
  '<![CDATA[',
  '&nbsp;',
  '&foo;',
  '\u00a0\u00a0',
  '\u3000',
  '（PM',
  '2.5',
  '加强领导',
  '推进依法行政',
  '全年办理918宗',
  '行政复议申请',
  '40.5%',
  '“',
  '”',
  '《',
  '》',
  '各位代表：',
];

const cjk = fc.string({ unit: fc.constantFrom(...'法治政府建设工作报告一二三四五六七八九十年月日推进加强完善'.split('')), maxLength: 30 });
const line = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), cjk, fc.string({ maxLength: 8 })), { maxLength: 6 }).map((xs) => xs.join(''));
const reportText = fc.array(line, { maxLength: 40 }).chain((lines) => fc.constantFrom('\n', '\n\n', '\r\n').map((sep) => lines.join(sep)));

function checkInvariants(imp: SourceImport) {
  for (const r of imp.reports) {
    const lines = r.text.split('\n');
    assert.equal(new Set(r.paragraphs.map((p) => p.id)).size, r.paragraphs.length, 'paragraph ids are unique');
    r.paragraphs.forEach((p, i) => {
      assert.equal(p.index, i);
      assert.ok(p.text.length > 0 && cleanBlock(p.text) === p.text, 'paragraphs are clean: no edge or doubled white space');
      assert.equal(r.text.slice(p.start, p.end), p.text);
      assert.equal(lines[p.line], p.text);
    });
    for (const { node } of flattenOutline(r.outline)) {
      assert.ok(node.line >= 0 && node.line < lines.length);
      assert.ok(node.endLine >= node.line && node.endLine < lines.length);
      assert.ok(node.start <= node.end && node.end <= r.text.length);
      for (const c of node.children) assert.ok(c.line >= node.line && c.endLine <= node.endLine, 'children nest inside their parent');
    }
    for (const d of r.diagnostics) assert.ok(d.line === null || (d.line >= 0 && d.line < lines.length));
  }
}

test('the importer never throws on random bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('a.txt', 'a.xml', 'a.html', 'a.atom', 'a'), (bytes, name) => {
      const imp = importSource(name, bytes);
      checkInvariants(imp);
    }),
    runs(300),
  );
});

test('the importer never throws on random text, markup and report-like text', () => {
  const anyText = fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: 'grapheme', maxLength: 200 }), reportText);
  fc.assert(
    fc.property(anyText, fc.constantFrom('a.txt', 'a.xml', 'a.html'), (text, name) => {
      checkInvariants(importSource(name, new TextEncoder().encode(text)));
      // The same text as a feed body and as a page body.
      checkInvariants(
        importSource(
          'f.xml',
          new TextEncoder().encode(`<rss><channel><item><title>t</title><description><![CDATA[${text}]]></description></item></channel></rss>`),
        ),
      );
      checkInvariants(importSource('p.html', new TextEncoder().encode(`<html><body><div id="zoom">${text}</div></body></html>`)));
    }),
    runs(300),
  );
});

const WS = /[\s\u200b-\u200d\u2060\ufeff]/g;

test('the paragraphs of a plain-text report, joined, reproduce its normalized body text', () => {
  const name = 'zz-property-fixture.txt';
  fc.assert(
    fc.property(reportText, (raw) => {
      const text = new TextDecoder().decode(new TextEncoder().encode(raw));
      const imp = importSource(name, new TextEncoder().encode(text));
      fc.pre(imp.format === 'text' && imp.reports.length === 1);
      const r = imp.reports[0];
      // Everything in the input is in the title line (when one was taken) or in a paragraph, in
      // order, except whole lines of page chrome (short lines with no sentence in them) and the title, cut out
      // where it stands (after page chrome; it may be written over two lines).
      const taken = r.title !== 'zz-property-fixture' ? r.title.replace(WS, '') : '';
      const joined = r.paragraphs
        .map((p) => p.text)
        .join('')
        .replace(WS, '');
      const droppable = (key: string) => key.length <= 60 && (!/[。！？]/.test(key) || /^[\p{P}\p{S}]+$/u.test(key));
      // The positions in the output that the lines so far can reach, each kept whole or dropped.
      let reach = new Set([0]);
      for (const l of text.split(/\r\n|\n/)) {
        const key = l.replace(WS, '');
        if (!key) continue;
        // A text that reads as Markdown loses its marks (markdown.ts): a heading's hashes, a bold line's stars; and a line
        // in a layout table's cell its bars (`|AA`, a title's cell: chrome.ts reportTitleOfLine).
        const words = key
          .replace(/^#{1,6}(?=\S)/, '')
          .replace(/^(\*\*|__)(.+)\1$/, '$2')
          .replace(/^[|｜]+|[|｜]+$/g, '');
        const next = new Set<number>();
        for (const at of reach) {
          if (joined.startsWith(key, at)) next.add(at + key.length);
          if (words !== key && words && joined.startsWith(words, at)) next.add(at + words.length);
          // (A heading's hashes set apart by a space from words that open with a hash, `# #0`: the line's own marks, told
          // before the spaces go.)
          const heading = l.replace(/^[ \t]{0,3}#{1,6}[ \t]+/, '').replace(WS, '');
          if (heading !== key && heading && joined.startsWith(heading, at)) next.add(at + heading.length);
          // The title may be a part of its line: a browser's title bar (…报告|大力_网易订阅), a headline's call (全文来了！…).
          if (droppable(key) || (taken !== '' && (taken.includes(key) || key.includes(taken)))) next.add(at);
        }
        reach = next;
      }
      assert.ok(reach.has(joined.length), 'the output is the input less the title and some lines of chrome');
    }),
    runs(500),
  );
});

test('a title line read in part (a browser title: …_一、) that is not the title is kept whole, as the text wrote it (the property above found it)', () => {
  const r = importSource('zz-property-fixture.txt', new TextEncoder().encode('2018年法治政府建设工作情况"_一、\n年报')).reports[0];
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['2018年法治政府建设工作情况"_一、'],
  );
});

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test('the paragraphs of an RSS item, joined, reproduce the text of its HTML body', () => {
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (raw) => {
      // Text as the feed will carry it: lone surrogates and NULs cannot survive UTF-8 and XML.
      const lines = raw.map((l) => new TextDecoder().decode(new TextEncoder().encode(l)).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
      const html = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
      const xml = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><item><title>某区2020年度工作报告</title><link>http://x/1</link><description>${escapeHtml(html)}</description></item></channel></rss>`;
      const imp = importSource('p.xml', new TextEncoder().encode(xml));
      assert.equal(imp.reports.length, 1);
      const joined = imp.reports[0].paragraphs
        .map((p) => p.text)
        .join('')
        .replace(WS, '');
      assert.equal(joined, lines.join('').replace(WS, ''));
    }),
    runs(300),
  );
});
