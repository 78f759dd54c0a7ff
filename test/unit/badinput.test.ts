import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { importSource } from '../../src/core/index.ts';
import { FIXTURES, SAMPLES } from './helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const rssText = readFileSync(path.join(FIXTURES, 'nanhai-feed.rss.xml'), 'utf8');

function errorOf(imp: ReturnType<typeof importSource>): string {
  const e = imp.diagnostics.find((d) => d.severity === 'error');
  assert.ok(e, 'an error diagnostic says what was wrong');
  return e.message;
}

test('an empty file: a clear error, no report', () => {
  const imp = importSource('empty.txt', new Uint8Array());
  assert.equal(imp.reports.length, 0);
  assert.match(errorOf(imp), /empty/);
  const blank = importSource('blank.txt', enc(' \n\u3000\u00a0\n'));
  assert.equal(blank.reports.length, 0);
  assert.match(errorOf(blank), /white space/);
});

test('a binary file: a clear error, no report', () => {
  const bytes = new Uint8Array(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  const imp = importSource('image.png', bytes);
  assert.equal(imp.reports.length, 0);
  assert.match(errorOf(imp), /binary/);
});

test('a feed cut off mid-item keeps the complete items and reports the rest', () => {
  const cut = rssText.slice(0, rssText.lastIndexOf('<item>') + 400);
  const imp = importSource('cut.xml', enc(cut));
  assert.equal(imp.format, 'rss');
  assert.deepEqual(
    imp.reports.map((r) => r.year),
    [2018, 2017],
  );
  assert.match(errorOf(imp), /cut off inside item 3 .*2016年度.*that item was not imported\. Complete ones kept: 2\./);
  // The line is the feed's, counted through the CDATA bodies before it (which the parser sees as placeholders).
  const line = cut.slice(0, cut.lastIndexOf('<item>')).split('\n').length;
  assert.ok(line > 100, 'the items before hold many lines');
  assert.match(errorOf(imp), new RegExp(` at line ${line}:`));
});

test('a flattened feed cut off mid-item keeps the complete items and reports the rest', () => {
  const flat = readFileSync(path.join(SAMPLES, 'nanhai/nanhai-feed-flattened.txt'), 'utf8');
  const lines = flat.split('\n');
  const cut = lines.slice(0, 230).join('\n');
  const imp = importSource('cut.txt', enc(cut));
  assert.equal(imp.format, 'flattened-feed');
  assert.deepEqual(
    imp.reports.map((r) => r.year),
    [2018, 2017],
  );
  assert.match(errorOf(imp), /cut off/);
});

test('XML with undefined entities: imported, with a warning naming them', () => {
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>某区2018年度法治政府建设工作报告&nbsp;&foo;</title><link>http://x/1</link>
<description>&lt;p&gt;一、加强领导&amp;nbsp;&lt;/p&gt;&lt;p&gt;正文&amp;mdash;内容。&lt;/p&gt;</description></item></channel></rss>`;
  const imp = importSource('ent.xml', enc(xml));
  assert.equal(imp.reports.length, 1);
  const w = imp.diagnostics.find((d) => d.severity === 'warning');
  assert.ok(w);
  assert.match(w.message, /&nbsp; \(line 2\)/);
  assert.match(w.message, /&foo;/);
  const r = imp.reports[0];
  assert.equal(r.title, '某区2018年度法治政府建设工作报告 &foo;');
  assert.ok(r.text.includes('正文—内容。'));
});

test('a feed with no items, and an item with an empty body', () => {
  const none = importSource('none.xml', enc('<?xml version="1.0"?><rss><channel><title>空</title></channel></rss>'));
  assert.equal(none.reports.length, 0);
  assert.match(errorOf(none), /no items/);
  const atomNone = importSource('none.atom', enc('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>空</title></feed>'));
  assert.equal(atomNone.format, 'atom');
  assert.match(errorOf(atomNone), /has no entries/);
  const empty = importSource(
    'empty-item.xml',
    enc('<rss><channel><item><title>某区2018年度工作报告</title><link>http://x/2</link><description></description></item></channel></rss>'),
  );
  assert.equal(empty.reports.length, 1, 'the item is kept');
  assert.equal(empty.reports[0].paragraphs.length, 0);
  assert.ok(empty.reports[0].diagnostics.some((d) => d.severity === 'warning' && /empty body/.test(d.message)));
});

test('HTML with <script> and onerror payloads: none of it becomes report text', () => {
  const imp = importSource('hostile.html', readFileSync(path.join(FIXTURES, 'hostile-page.html')));
  assert.equal(imp.reports.length, 1);
  const r = imp.reports[0];
  const everything = JSON.stringify(imp);
  for (const payload of [
    'SCRIPT-IN-HEAD',
    'SCRIPT-IN-BODY',
    'STYLE-TEXT',
    'NOSCRIPT-TEXT',
    'ONERROR-PAYLOAD',
    'onerror',
    'JS-LINK',
    'javascript:',
    'SVG-SCRIPT',
    'IFRAME',
    'HIDDEN-TEXT',
    'TEMPLATE-TEXT',
    "alert('",
  ]) {
    assert.ok(!everything.includes(payload), `${payload} must not appear`);
  }
  // Text that merely looks like markup stays text (the document never renders it).
  assert.ok(r.text.includes('<script>alert("ESCAPED-TEXT")</script> 是一段文字，不是脚本。'));
  assert.ok(r.text.includes('（二）强化督查考核。点击查看考核结果计入绩效。'));
});

test('a feed item body with script payloads: none of it becomes report text', () => {
  const xml = `<rss><channel><item><title>某区2018年度工作报告</title><link>http://x/3</link><description><![CDATA[<p>一、加强领导</p><script>alert('X1')</script><p onclick="alert('X2')">正文<img src=x onerror="alert('X3')">。</p>]]></description></item></channel></rss>`;
  const r = importSource('s.xml', enc(xml)).reports[0];
  assert.ok(!/X1|X2|X3|alert/.test(r.text));
  assert.ok(r.text.includes('正文。'));
});

test('a file over the size limit: a clear message', () => {
  const imp = importSource('big.txt', new Uint8Array(2 * 1024 * 1024).fill(0x41), { maxBytes: 1024 * 1024 });
  assert.equal(imp.reports.length, 0);
  assert.match(errorOf(imp), /2\.0 MB, over the limit of 1\.0 MB \(setting annals\.maxFileSizeMB\)/);
});

test('not UTF-8 and no declaration: decoded as GB18030 with a note', () => {
  const gbk = new Uint8Array([0xc4, 0xcf, 0xba, 0xa3, 0xc7, 0xf8, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6]); // 南海区工作报告
  const imp = importSource('gbk.txt', gbk);
  assert.equal(imp.reports[0].paragraphs[0]?.text ?? imp.reports[0].title, '南海区工作报告');
  assert.ok(imp.diagnostics.some((d) => d.severity === 'info' && /GB18030/.test(d.message)));
});

test('an invalid item date becomes null plus a warning, never a wrong date', () => {
  const xml = `<rss><channel><item><title>某区2018年度工作报告</title><link>http://x/4</link><pubDate>2019-21-18 04:21:54</pubDate><description>&lt;p&gt;正文。&lt;/p&gt;</description></item></channel></rss>`;
  const r = importSource('d.xml', enc(xml)).reports[0];
  assert.equal(r.published, null);
  const w = r.diagnostics.find((d) => d.code === 'invalidDate');
  assert.equal(w?.severity, 'warning');
  assert.match(w!.message, /Invalid date “2019-21-18 04:21:54”/);
  assert.equal(w!.line, 1, 'points at the metadata line');
});

test('CMS print/close links inside the article are page chrome: the reader removes them', () => {
  const html = `<html><head><meta charset="utf-8"><title>某区2018年度法治政府建设工作报告</title></head><body><div id="zoom">
<p>一、加强领导</p><p>正文内容很长的一段话。</p><p>【打印】</p><p>【关闭】</p></div></body></html>`;
  const r = importSource('p.html', enc(html)).reports[0];
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['一、加强领导', '正文内容很长的一段话。'],
  );
  assert.equal(r.outline[0].endLine, r.paragraphs[1].line);
});

test('Atom content types: xhtml, text and html; RSS guid as the link', () => {
  const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title type="html">某区2018年度工作报告</title><link rel="self" href="http://x/self"/><link href="http://x/alt"/><updated>2019-01-02T03:04:05Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>一、加强领导</p><p>正文<b>加粗</b>。</p></div></content></entry>
<entry><title>某区2017年度工作报告</title><link href="http://x/2"/><published>2018-01-01</published><content type="text">一、甲
正文。</content></entry>
</feed>`;
  const imp = importSource('a.atom', enc(atom));
  assert.equal(imp.format, 'atom');
  const [a, b] = imp.reports;
  assert.equal(a.link, 'http://x/alt');
  assert.equal(a.published, '2019-01-02T03:04:05Z');
  assert.deepEqual(
    a.paragraphs.map((p) => p.text),
    ['一、加强领导', '正文加粗。'],
  );
  assert.equal(b.published, '2018-01-01');
  assert.deepEqual(
    b.paragraphs.map((p) => p.text),
    ['一、甲', '正文。'],
  );
  const rss = importSource(
    'g.xml',
    enc(
      '<rss><channel><item><title>某区2018年度工作报告</title><guid>http://x/guid</guid><description>&lt;p&gt;正文。&lt;/p&gt;</description></item></channel></rss>',
    ),
  );
  assert.equal(rss.reports[0].link, 'http://x/guid');
});

test('flattened feed variants: RFC 822 channel dates, an item with no date line, blank lines after ]]>', () => {
  const flat = readFileSync(path.join(SAMPLES, 'nanhai/nanhai-feed-flattened.txt'), 'utf8');
  const lines = flat.split('\n');
  const variants = {
    rfcDates: flat.replace(/2019-21-18 04:21:54 2019-21-18 04:21:54/, 'Tue, 18 Jun 2019 08:19:00 GMT Tue, 18 Jun 2019 08:19:00 GMT'),
    noDate: lines.filter((_l, i) => !(i > 0 && lines[i - 1].trim() === ']]>' && i < 100)).join('\n'),
    blankAfter: flat.replace(/\]\]>\n/g, ']]>\n\n'),
    javaDates: flat.replace(/2019-21-18 04:21:54 2019-21-18 04:21:54/, 'Tue Jun 18 08:19:00 CST 2019 Tue Jun 18 08:19:00 CST 2019'),
    isoDates: flat.replace(/2019-21-18 04:21:54 2019-21-18 04:21:54/, '2019-06-18T08:19:00+08:00 2019-06-18T08:19:00+08:00'),
    noChannelDates: flat.replace(/ 2019-21-18 04:21:54 2019-21-18 04:21:54/, ''),
  };
  for (const [name, text] of Object.entries(variants)) {
    const imp = importSource(`${name}.txt`, enc(text));
    assert.equal(imp.format, 'flattened-feed', name);
    assert.deepEqual(
      imp.reports.map((r) => r.year),
      [2018, 2017, 2016],
      name,
    );
    for (const r of imp.reports) {
      assert.equal(r.issuer, '佛山市南海区人民政府', `${name}: issuer of ${r.year}`);
      assert.match(r.link ?? '', /\/cms\/html\/14070\//, `${name}: link of ${r.year}`);
    }
    assert.ok(!imp.diagnostics.some((d) => d.severity === 'error'), name);
  }
  const noDate = importSource('n.txt', enc(variants.noDate)).reports;
  assert.equal(noDate[0].published, null);
  assert.ok(!noDate[0].diagnostics.some((d) => /Invalid date/.test(d.message)), 'the next title line is not read as a date');
  for (const ok of ['rfcDates', 'javaDates', 'isoDates', 'noChannelDates'] as const) {
    assert.ok(!importSource('r.txt', enc(variants[ok])).diagnostics.length, `${ok}: no warning`);
    assert.equal(importSource('r.txt', enc(variants[ok])).reports[0].title, '佛山市南海区人民政府2018年度法治政府建设工作报告', ok);
  }
});

test('report ids are unique within a source, even for items with the same link or the same title and year', () => {
  const item = (title: string, link: string) => `<item><title>${title}</title>${link}<description>&lt;p&gt;正文。&lt;/p&gt;</description></item>`;
  const xml = `<rss><channel>${item('某区2018年度工作报告', '<link>http://x/same</link>')}${item('某区2017年度工作报告', '<link>http://x/same</link>')}${item('某区2016年度工作报告', '')}${item('某区2016年度工作报告', '')}</channel></rss>`;
  const ids = importSource('dup.xml', enc(xml)).reports.map((r) => r.id);
  assert.equal(new Set(ids).size, 4, ids.join(' '));
  assert.equal(ids[1], `${ids[0]}.1`);
});

test('links are web links only; markup in a meta title is text with the tags dropped', () => {
  const html =
    '<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="某区2020年度工作报告<img src=x onerror=alert(1)>"><link rel="canonical" href="javascript:alert(2)"></head><body><div id="zoom"><p>一、加强领导</p><p>正文正文正文。</p></div></body></html>';
  const r = importSource('x.html', enc(html)).reports[0];
  assert.equal(r.title, '某区2020年度工作报告');
  assert.equal(r.link, null);
  assert.ok(!JSON.stringify(r).includes('alert'));
  const feed = importSource(
    'j.xml',
    enc(
      '<rss><channel><item><title>某区2018年度工作报告</title><link>javascript:alert(3)</link><description>&lt;p&gt;正文。&lt;/p&gt;</description></item></channel></rss>',
    ),
  );
  assert.equal(feed.reports[0].link, null);
});

test('a page <title> keeps a dash inside the title and drops the site name after the separator', () => {
  const html =
    '<html><head><meta charset="utf-8"><title>某区2016—2018年依法行政行动计划执行情况报告_某区人民政府网</title></head><body><div id="zoom"><p>一、加强领导</p><p>正文正文正文正文正文正文。</p></div></body></html>';
  const r = importSource('d.html', enc(html)).reports[0];
  assert.equal(r.title, '某区2016—2018年依法行政行动计划执行情况报告');
  assert.equal(r.year, 2018, 'a range of years ends in the year the report reaches');
  const spaced = importSource('s.html', enc(html.replace('_某区人民政府网', ' - 某区人民政府网'))).reports[0];
  assert.equal(spaced.title, '某区2016—2018年依法行政行动计划执行情况报告');
});

const PARAS =
  '<p>2018年法治政府建设工作情况</p><p>一、加强统筹督导，高质量推进法治政府建设工作</p><p>（一）落实第一责任人职责。明确各级党政主要负责人是推进法治建设第一责任人，纳入政绩考核指标体系。区镇两级政府每年至少听取一次法治政府建设推进情况汇报。</p><p>（二）以年度要点为导向强化统筹推进工作。制定了年度工作要点，对全年工作进行部署和分解。</p>';
const BR = PARAS.replace(/<p>/g, '').replace(/<\/p>/g, '<br>');
const page = (body: string, head = '<title>某县人民政府2018年度法治政府建设工作报告_某县人民政府网</title>') =>
  importSource('p.html', enc(`<html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`)).reports[0];
const bodyOf = (r: ReturnType<typeof page>) => r.paragraphs.map((p) => p.text);

test('page layouts: paragraphs in <font>/<span> with <br>, an ASP.NET <form>, a sidebar list, a logo <h1>', () => {
  const expected = bodyOf(page(`<div id="zoom">${PARAS}</div>`));
  assert.equal(expected.length, 4);
  assert.deepEqual(bodyOf(page(`<table><tr><td>友情链接：中国政府网 广东省人民政府</td></tr><tr><td><font size="3">${BR}</font></td></tr></table>`)), expected);
  assert.deepEqual(bodyOf(page(`<div class="nav">首页 政务公开</div><div><span id="lblContent">${BR}</span></div>`)), expected);
  assert.deepEqual(bodyOf(page(`<form id="form1"><div class="nav">首页 政务公开 办事服务</div><div class="nr"><span>${BR}</span></div></form>`)), expected);
  const sidebar =
    '<div class="left"><ul class="content"><li>某县召开2019年全县经济工作会议部署全年重点任务</li><li>县委理论学习中心组开展专题学习研讨活动</li><li>某县举行重大项目集中开工仪式推动高质量发展</li><li>县政府常务会议研究部署安全生产和森林防火工作</li></ul></div>';
  assert.deepEqual(bodyOf(page(`${sidebar}<div class="wzy_nr">${PARAS}</div>`)), expected);
  const logo = page(`<div class="head"><h1><a href="/">某县人民政府门户网站</a></h1></div><div id="zoom">${PARAS}</div>`);
  assert.equal(logo.title, '某县人民政府2018年度法治政府建设工作报告');
});

test('a page heading split by <br> and its info line are not report text', () => {
  const r = page(
    `<div class="article"><h2 class="title">某县人民政府关于2018年度<br>法治政府建设情况的报告</h2><div class="info">发布时间：2019-01-10　来源：某县司法局　浏览次数：128</div>${PARAS}</div>`,
    '<meta name="ArticleTitle" content="某县人民政府关于2018年度法治政府建设情况的报告">',
  );
  assert.equal(r.paragraphs[0].text, '2018年法治政府建设工作情况');
  assert.equal(r.published, '2019-01-10');
});

test('a report sentence that mentions sharing or printing is not page chrome; chrome lines are', () => {
  const r = fromLines(
    '某县人民政府2018年度法治政府建设工作报告',
    '2018年法治政府建设工作情况',
    '一、加强统筹督导',
    '（一）落实第一责任人职责。明确各级党政主要负责人是推进法治建设第一责任人。',
    '（二）推广典型经验。将桂城街道“一门式”改革经验分享到全区各镇街，实现全区通办。',
    '2019年工作计划',
    '一、加强法治政府建设的统筹领导。',
    '二、深化“放管服”改革。',
    '【打印本页】【关闭窗口】',
    '分享到：微信 微博',
  );
  assert.deepEqual(
    r.outline.map((n) => `${n.title}:${n.children.length}`),
    ['2018年法治政府建设工作情况:1', '2019年工作计划:2'],
  );
  // The reader removes the page chrome at the end before the structure sees it.
  assert.deepEqual(
    r.paragraphs.filter((p) => /打印|分享到：/.test(p.text)).map((p) => p.text),
    [],
  );
  assert.equal(r.paragraphs.at(-1)?.text, '二、深化“放管服”改革。');
});

function fromLines(...lines: string[]) {
  return importSource('lines.txt', enc(lines.join('\n\n'))).reports[0];
}

test('encoding edge cases: UTF-8 with a cut character, UTF-8 under a gb2312 declaration, tiny GBK text', () => {
  const utf8 = enc('某县人民政府2018年度法治政府建设工作报告\n\n一、加强领导\n\n正文内容。');
  const cut = importSource('cut.txt', utf8.subarray(0, utf8.length - 1));
  assert.equal(cut.reports[0].title, '某县人民政府2018年度法治政府建设工作报告');
  assert.match(cut.diagnostics[0].message, /UTF-8 with 1 invalid byte sequence/);
  const misdeclared = importSource(
    'm.html',
    enc(
      '<html><head><meta charset="gb2312"><title>某县人民政府2018年度法治政府建设工作报告</title></head><body><div id="zoom"><p>一、加强领导</p><p>正文内容正文内容。</p></div></body></html>',
    ),
  );
  assert.equal(misdeclared.reports[0].title, '某县人民政府2018年度法治政府建设工作报告');
  assert.match(misdeclared.diagnostics[0].message, /declares GBK but its bytes are UTF-8/i);
  const tiny = importSource('t.txt', new Uint8Array([0xc4, 0xcf, 0xba, 0xa3])); // 南海 in GBK
  assert.equal(tiny.reports[0].paragraphs[0]?.text ?? tiny.reports[0].title, '南海');
});

test('feed fields: raw HTML in <description>, other namespaces ignored, prefixed Atom, Atom alternate links only', () => {
  const raw = importSource(
    'r.rss',
    enc(
      '<rss><channel><item><title>某县2018年度工作报告</title><link>http://x/1</link><description><p>一、加强领导</p><p>（一）落实职责。正文。</p></description></item></channel></rss>',
    ),
  ).reports[0];
  assert.deepEqual(
    raw.paragraphs.map((p) => p.text),
    ['一、加强领导', '（一）落实职责。正文。'],
  );
  const ns = importSource(
    'n.rss',
    enc(
      '<rss xmlns:media="m" xmlns:atom="a"><channel><item><title>某县2018年度工作报告</title><atom:link rel="self" href="http://x/self"/><link>http://x/page</link><media:description>缩略图说明</media:description><description>&lt;p&gt;正文。&lt;/p&gt;</description></item></channel></rss>',
    ),
  ).reports[0];
  assert.equal(ns.link, 'http://x/page');
  assert.deepEqual(
    ns.paragraphs.map((p) => p.text),
    ['正文。'],
  );
  const prefixed = importSource(
    'p.atom',
    enc(
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:title>某县2018年度工作报告</a:title><a:link rel="edit" href="http://x/edit"/><a:content type="xhtml"><x:div xmlns:x="http://www.w3.org/1999/xhtml"><x:p>一、加强领导</x:p><x:p>正文。</x:p></x:div></a:content></a:entry></a:feed>',
    ),
  );
  assert.equal(prefixed.format, 'atom');
  assert.deepEqual(
    prefixed.reports[0].paragraphs.map((p) => p.text),
    ['一、加强领导', '正文。'],
  );
  assert.equal(prefixed.reports[0].link, null, 'an edit link is not the report page');
});

test('plain-text layouts: a document number above the title, an issuer line above 关于…报告, numbered lists, CR line ends', () => {
  const gongwen = importSource(
    'g.txt',
    enc(
      '南府报〔2019〕3号\n\n佛山市南海区人民政府关于2018年度法治政府建设工作情况的报告\n\n佛山市人民政府：\n\n2018年法治政府建设工作情况\n\n一、加强领导\n\n正文。\n',
    ),
  ).reports[0];
  assert.equal(gongwen.title, '佛山市南海区人民政府关于2018年度法治政府建设工作情况的报告');
  assert.equal(gongwen.issuer, '佛山市南海区人民政府');
  assert.equal(gongwen.paragraphs[0].text, '南府报〔2019〕3号', 'the document number is kept, in the body');
  const split = importSource('s.txt', enc('佛山市南海区人民政府\n关于2018年度法治政府建设工作情况的报告\n\n2018年法治政府建设工作情况\n\n一、加强领导\n'))
    .reports[0];
  assert.equal(split.title, '佛山市南海区人民政府关于2018年度法治政府建设工作情况的报告');
  const list = importSource(
    'l.txt',
    enc('某县2018年度工作报告\n\n一、加强领导\n\n全年重点推进以下工作：\n\n1.健全重大行政决策制度\n2.强化行政执法监督\n3.加强法治宣传\n\n二、下一步\n'),
  ).reports[0];
  assert.deepEqual(
    list.paragraphs.filter((p) => /^\d\./.test(p.text)).map((p) => p.text),
    ['1.健全重大行政决策制度', '2.强化行政执法监督', '3.加强法治宣传'],
  );
  const cr = importSource('c.txt', enc('某县2018年度工作报告\r\r一、加强领导\r\r正文。\r\r二、下一步\r')).reports[0];
  assert.equal(cr.title, '某县2018年度工作报告');
  assert.deepEqual(
    cr.outline.map((n) => n.number),
    [1, 2],
  );
});

test('feed items without a title do not take the year from the file name', () => {
  const xml =
    '<rss><channel><item><link>http://x/a</link><description>&lt;p&gt;一、加强领导&lt;/p&gt;&lt;p&gt;2017年，正文。&lt;/p&gt;</description></item></channel></rss>';
  const r = importSource('notitle-2019.rss', enc(xml)).reports[0];
  assert.equal(r.year, 2017);
});

test('page layouts 2: links inside prose, a short #zoom beside related news, text after a <font>, column and sidebar headings', () => {
  const wiki = importSource('w.html', readFileSync(path.join(FIXTURES, 'wikisource-page.html'))).reports[0];
  assert.equal(wiki.title, '2010年国务院政府工作报告');
  assert.ok(wiki.paragraphs.length >= 15, 'the article, not the licence footer');
  assert.ok(wiki.outline.some((n) => n.kind === 'chapter' && n.number === 1));
  const related =
    '<div class="xgxw"><h3>相关新闻</h3>' +
    [0, 1, 2]
      .map(
        (k) =>
          `<div class="item"><h4><a href="/n${k}">新闻标题${k}</a></h4><p>摘要：我县召开第${k}次常务会议，研究部署当前经济社会发展各项重点工作，会议强调要坚持稳中求进工作总基调，统筹推进各项工作。</p></div>`,
      )
      .join('') +
    '</div>';
  const zoom = page(
    `<div class="main"><div id="zoom"><p>一、加强组织领导</p><p>县政府主要负责人切实履行推进法治建设第一责任人职责，定期听取汇报。</p><p>二、深化改革</p><p>全年共取消行政审批事项12项，下放审批事项20项。</p></div>${related}</div>`,
  );
  assert.equal(zoom.paragraphs.length, 4);
  const split = page(
    '<table><tr><td class="bt">某县2018年度法治政府建设工作报告</td></tr><tr><td><font size="3">一、加强组织领导，统筹推进法治政府建设<br>县政府主要负责人切实履行推进法治建设第一责任人职责，定期听取法治政府建设工作汇报。<br>二、深化改革<br>全年共取消行政审批事项12项，下放审批事项20项，企业开办时间压缩至3个工作日。<br></font>三、2019年工作计划<br>继续推进法治政府建设。<br></td></tr></table>',
  );
  assert.deepEqual(
    split.outline.map((n) => n.number),
    [1, 2, 3],
    'the text after </font> is kept',
  );
  const column = page(
    `<div class="lm">通知公告</div><h1>某县2018年度法治政府建设工作报告</h1><div class="wzy">${PARAS}</div>`,
    '<title>通知公告_某县人民政府网</title>',
  );
  assert.equal(column.title, '某县2018年度法治政府建设工作报告');
  const sidebar = page(
    `<div class="left"><h2>通知公告</h2><ul><li><a href="/a">关于停电的通知</a></li></ul></div><h1>某县2018年度法治政府建设工作回顾</h1><div class="wzy">${PARAS}</div>`,
    '<title>某县人民政府门户网站</title>',
  );
  assert.equal(sidebar.title, '某县2018年度法治政府建设工作回顾');
  assert.equal(sidebar.issuer, '某县');
});

test('page layouts 3 (test/fixtures/pages): the title and every chapter, whatever the layout', () => {
  const expect: Record<string, [string, number]> = {
    'article-head': ['某区2019年法治政府建设年度报告', 2], // <h1> in div.article-head
    'br-body': ['某区2019年法治政府建设年度报告', 2], // <br> text directly in <body>, menu and footer around it
    'column-inside': ['某区2019年法治政府建设年度报告', 2], // a column label before the <h1>
    comments2: ['某区2019年法治政府建设年度报告', 2], // a long comments section
    'crumb-inside': ['某区2019年法治政府建设年度报告', 2], // a breadcrumb with a *bt class
    'h1-chapters': ['某区2019年法治政府建设年度报告', 2], // <h3> chapter headings inside #zoom
    'known-small': ['某区2019年法治政府建设年度报告', 3], // a notice in a .text container
    'logo-body': ['某区2019年法治政府建设工作', 2], // a logo <h1>; the title from <title>
    mixed: ['某区2019年法治政府建设年度报告', 2], // <font>…<br> text and a <p> signature in #zoom
    notice: ['某区人民政府办公室关于印发某区2020年政务公开工作要点的通知', 2], // two column names as a heading
    notice2: ['某区人民政府关于做好2020年春节期间安全生产工作的通知', 2],
    'short-zoom': ['某县2018年度法治政府建设工作报告', 2], // related news beside #zoom
    'split-divs': ['某区2019年法治政府建设年度报告', 3], // the article over two sibling <div>s
    'split-td': ['某区2019年法治政府建设年度报告', 3], // the article over two table rows
  };
  for (const [name, [title, chapters]] of Object.entries(expect)) {
    const r = importSource(`${name}.html`, readFileSync(path.join(FIXTURES, 'pages', `${name}.html`))).reports[0];
    assert.equal(r.title, title, name);
    assert.equal(r.outline.filter((n) => n.kind === 'chapter').length, chapters, `${name}: chapters`);
  }
  assert.equal(importSource('s.html', readFileSync(path.join(FIXTURES, 'pages', 'short-zoom.html'))).reports[0].paragraphs.length, 4, 'no related news');
});

test('a page nested thousands deep is read whole, with a warning, not a crash', () => {
  const deep = `<html><head><title>某县2018年度工作报告</title></head><body><div id="zoom">${'<div>'.repeat(5000)}<p>一、加强领导</p><p>正文。</p>${'</div>'.repeat(5000)}</div></body></html>`;
  const imp = importSource('deep.html', enc(deep));
  const r = imp.reports[0];
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['一、加强领导', '正文。'],
  );
  assert.ok(r.diagnostics.some((d) => d.code === 'tooDeep'));
});

test('flattened feed: a link in the channel description, a channel with no link', () => {
  const flat = readFileSync(path.join(SAMPLES, 'nanhai/nanhai-feed-flattened.txt'), 'utf8');
  const withDescUrl = flat.replace('法治政府建设情况报告-RSS', '法治政府建设情况报告-RSS 本栏目地址 http://www.nanhai.gov.cn/col/14070');
  const noChannelLink = flat.replace(' http://www.nanhai.gov.cn/cms/jsp/rss.jsp?ColumnID=14070', '');
  for (const text of [withDescUrl, noChannelLink]) {
    const r = importSource('f.txt', enc(text)).reports[0];
    assert.equal(r.title, '佛山市南海区人民政府2018年度法治政府建设工作报告');
    assert.match(r.link ?? '', /20190110161951571634767_1\.html$/);
  }
});

test('a GBK-declared page whose UTF-8 has a bad byte: read as UTF-8, with both notes', () => {
  const utf8 = enc(
    '<html><head><meta charset="gb2312"><title>某县人民政府2018年度法治政府建设工作报告</title></head><body><div id="zoom"><p>一、加强领导</p><p>正文内容正文内容。</p></div></body></html>',
  );
  const bad = new Uint8Array([...utf8.subarray(0, 120), 0xff, ...utf8.subarray(120)]);
  const imp = importSource('b.html', bad);
  assert.equal(imp.reports[0].title, '某县人民政府2018年度法治政府建设工作报告');
  assert.ok(imp.diagnostics.some((d) => d.code === 'misdeclared'));
  assert.ok(imp.diagnostics.some((d) => d.code === 'utf8Repaired'));
});
