/**
 * More edge rows for the mutation testing of src/core/reader (issue #12): the HTML reader
 * (formats/html.ts) where reader-html-edges.test.ts leaves mutants alive. Feed bodies go through
 * the streaming HTML reader, pages through the article finder; each row is an exact input and
 * what a user sees of it, named for the slip it catches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSource } from '../../src/core/index.ts';
import { doc, enc, imp, T, ZH, zoom } from './readerRows.ts';

const rss = (body: string, title = '一') => `<rss><channel><item><title>${title}</title><description><![CDATA[${body}]]></description></item></channel></rss>`;
/** The paragraphs of a one-item feed whose body is `body`. */
const feed = (body: string) => imp('a.xml', rss(body));
const page = (want: string[], title = 'a', published: string | null = null, notes: string[] = []) => [[], [[title, published, notes, want]]];

test('feed body: each element that is never text is skipped with what it holds', () => {
  for (const t of ['noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'button', 'select', 'option', 'textarea', 'canvas', 'video', 'audio']) {
    assert.deepEqual(feed(`<p>全区经济<${t}>不是正文</${t}>平稳增长</p>`), [[], [['一', null, [], ['全区经济平稳增长']]]], `<${t}>`);
  }
});

test('feed body: each block element ends a paragraph before and after it', () => {
  for (const t of [
    'section',
    'article',
    'main',
    'header',
    'footer',
    'aside',
    'nav',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'dl',
    'table',
    'blockquote',
    'address',
    'figure',
    'figcaption',
    'form',
    'html',
    'details',
    'summary',
  ]) {
    assert.deepEqual(
      feed(`一、总体情况<${t}>二、主要工作</${t}>三、下步打算`),
      [[], [['一', null, [], ['一、总体情况', '二、主要工作', '三、下步打算']]]],
      `<${t}>`,
    );
  }
  for (const t of ['thead', 'tbody', 'tfoot']) {
    assert.deepEqual(
      feed(`<table>一、总体情况<${t}>二、主要工作</${t}>三、下步打算</table>`),
      [[], [['一', null, [], ['一、总体情况', '二、主要工作', '三、下步打算']]]],
      `<${t}>`,
    );
  }
});

test('HTML text: line breaks inside a page paragraph are folded (only a <pre> keeps its lines)', () => {
  const rows: [string, string, string[]][] = [
    ['a line break between ideographs is nothing, outside a <pre>', `<p>全区经济\n平稳增长。</p>`, ['全区经济平稳增长。']],
    ['a line break between words is a space', '<p>GDP\ngrowth</p>', ['GDP growth']],
    ['a tab before the line break is white space too', '<p>全区经济\t\n平稳增长。</p>', ['全区经济平稳增长。']],
    ['a CR after the line feed is white space too', '<p>全区经济\n\r平稳增长。</p>', ['全区经济平稳增长。']],
    ['a letter below U+200A is no white space', '<p>café\nbar</p>', ['café bar']],
  ];
  for (const [slip, body, want] of rows) {
    assert.deepEqual(imp('a.html', doc(`<div id="zoom"><p>${ZH}</p>${body}</div>`)), page(['ZH', ...want]), slip);
  }
});

test('feed title: entities and a line break between ideographs', () => {
  assert.deepEqual(imp('a.xml', rss('<p>正文内容</p>', '<![CDATA[某区2019年\n政府工作报告 &amp; 附件]]>')), [
    [],
    [['某区2019年政府工作报告 & 附件', null, [], ['正文内容']]],
  ]);
});

test('page: each known CMS container is the article when it holds 30% of the text', () => {
  const prose = (c: string, n: number) => `${c.repeat(n)}。`;
  for (const [open, close] of [
    ['<div class="TRS_Editor">', '</div>'],
    ['<div class="article_content">', '</div>'],
    ['<div id="articleContent">', '</div>'],
    ['<div class="content">', '</div>'],
    ['<div id="content">', '</div>'],
    ['<article>', '</article>'],
    ['<div class="article">', '</div>'],
    ['<div id="article">', '</div>'],
    ['<div class="zw">', '</div>'],
    ['<div id="zw">', '</div>'],
    ['<div class="main-text">', '</div>'],
    ['<div class="text">', '</div>'],
    ['<div class="detail">', '</div>'],
    ['<div class="details">', '</div>'],
    ['<main>', '</main>'],
  ]) {
    const html = doc(`${open}<p>${prose('甲', 40)}</p>${close}<div><p>${prose('乙', 60)}</p></div>`);
    assert.deepEqual(imp('a.html', html), page([prose('甲', 40)]), open);
  }
});

test('HTML text: line feeds and lone CRs in one text node, a node that opens with a line break, a lone CR alone', () => {
  const rows: [string, string, string[]][] = [
    ['a CR after two line feeds is still a line break (the nearer of CR and LF is next)', '<p>甲\n乙\n丙\r丁</p>', ['甲乙丙丁']],
    ['a CR after the last line feed is one too', '<p>甲\n乙\r丙</p>', ['甲乙丙']],
    ['a node that opens with a line break still folds its later ones', '<p>GDP<b>\n增长\n平稳</b></p>', ['GDP 增长平稳']],
    ['a lone CR in a node with no line feed is white space', '<p>中\r国</p>', ['中 国']],
  ];
  for (const [slip, body, want] of rows) assert.deepEqual(feed(body), [[], [['一', null, [], want]]], slip);
});

// BUG-FIX ROW (htmlToText): a title with a line break and no tag or entity took the short cut and kept a space.
test('feed title: a line break between ideographs is nothing, with or without an entity in the title', () => {
  assert.deepEqual(imp('a.xml', rss('<p>正文内容</p>', '<![CDATA[某区2019年\n政府工作报告]]>')), [[], [['某区2019年政府工作报告', null, [], ['正文内容']]]]);
});
// END BUG-FIX ROW

test('page: chrome and not-article words in an id alone; each optional plural of the chrome words', () => {
  for (const [cls, words] of [
    ['id="share"', '分享到：微信'],
    ['class="breadcrumb"', '首页政务公开'],
    ['class="crumb"', '首页政务公开'],
    ['class="link"', '友情链接列表'],
    ['class="tool"', '打印本页关闭'],
  ]) {
    assert.deepEqual(imp('a.html', doc(`<div id="zoom"><p>${ZH}</p><div ${cls}>${words}</div></div>`)), page(['ZH']), cls);
  }
  const B = '乙方说明：全年共办理各类事项一千余件，群众满意率达到百分之九十以上，服务水平明显提高。';
  for (const attr of ['id="related"', 'class="ad"', 'class="share box"', 'class="comment-2"', 'class="xgxw3"']) {
    assert.deepEqual(imp('a.html', doc(`<div><p>${ZH}</p></div><div ${attr}><p>${B}${B}${B}</p></div>`)), page(['ZH']), attr);
  }
});

test('page head: a padded link and date are trimmed; the page’s 发布时间 line wins over a meta date; a 发布时间 in <title> is no date', () => {
  assert.deepEqual(
    importSource('a.html', enc(doc(zoom, '<meta property="og:url" content=" http://a.gov.cn/p.html ">'))).reports.map((p) => p.link),
    ['http://a.gov.cn/p.html'],
    'og:url',
  );
  assert.deepEqual(
    importSource('a.html', enc(doc(zoom, '<link rel="canonical" href=" http://a.gov.cn/q.html ">'))).reports.map((p) => p.link),
    ['http://a.gov.cn/q.html'],
    'canonical',
  );
  assert.deepEqual(
    imp('a.html', doc(`<div class="info">发布时间：2018-12-01</div>${zoom}`, '<meta name="PubDate" content="2019-01-10">')),
    page(['ZH'], 'a', '2018-12-01'),
    'the page’s own 发布时间 line wins over the meta (a CMS regenerates PubDate: real pages of 万载县 and 宜春市)',
  );
  assert.deepEqual(imp('a.html', doc(zoom, '<title>某区专题页面 发布时间：2018-12-01</title>')), page(['ZH'], '某区专题页面 发布时间：2018-12-01'), 'title');
});

test('page article: the <title> text is the <html> element’s own and does not count; ties between CMS containers go by selector order', () => {
  const prose = (c: string, n: number) => `${c.repeat(n)}。`;
  // The <title> prose (40) would make 30 of the body's 100 less than 30% of the page. (A sentence is no title: the file's
  // name stands in.)
  assert.deepEqual(
    imp('a.html', doc(`<div id="zoom"><p>${prose('甲', 30)}</p></div><div><p>${prose('乙', 70)}</p></div>`, `<title>${prose('题', 40)}</title>`)),
    page([prose('甲', 30)], 'a'),
  );
  // #zoom comes before .content in the selector list: it wins a tie though it comes later in the page.
  assert.deepEqual(
    imp(
      'a.html',
      doc(`<div class="content"><p>${prose('甲', 40)}</p></div><div id="zoom"><p>${prose('乙', 40)}</p></div><div><p>${prose('丙', 40)}</p></div>`),
    ),
    page([prose('乙', 40)]),
  );
});

test('page: a button or select in a form does not count towards its size (they go first)', () => {
  const ch = '某'.repeat(95);
  for (const t of ['button', 'select']) {
    const html = doc(`<div id="zoom"><p>${ZH}</p><form>${ch}<${t}>提交查询按钮一二三四</${t}></form></div>`);
    assert.deepEqual(imp('a.html', html), page(['ZH']), t);
  }
});

test('page title: a heading after the article is none; <title> parts that are short or a site name are passed over', () => {
  assert.deepEqual(imp('a.html', doc(`${zoom}<div><h2>某区其他栏目标题</h2><a href="/">更多</a></div>`)), page(['ZH']), 'a heading after the article');
  const titles: [string, string, string][] = [
    ['a short first part is passed over', '首页_某区专题页面', '某区专题页面'],
    ['a site name first is passed over', '某区政府网_某区专题页面', '某区专题页面'],
    ['a short part is measured trimmed', '首页  | 某区专题页面', '某区专题页面'],
    ['a part that names a report wins over the first', '某区专题页面_某区工作报告', '某区工作报告'],
    ['19 and two non-digits are no year', '某区专题页面_第19届运动会专题', '某区专题页面'],
    ['three digits are no year', '某区专题页面_第201次常务会议', '某区专题页面'],
  ];
  for (const [slip, t, title] of titles) assert.deepEqual(imp('a.html', doc(zoom, `<title>${t}</title>`)), page(['ZH'], title), slip);
});

test('page: a page too deep for the article search is a warning; a page with no article is an error', () => {
  const deep = `${'<div>'.repeat(520)}<p>${ZH}</p>${'</div>'.repeat(520)}`;
  const r = importSource('a.html', enc(doc(deep)));
  assert.deepEqual(
    r.reports.flatMap((p) => p.diagnostics.filter((d) => d.code === 'tooDeep').map((d) => [d.severity, d.code])),
    [['warning', 'tooDeep']],
  );
  const none = importSource('a.html', enc(doc(`<div id="zoom"><h1>${T}</h1></div>`, `<title>${T}</title>`)));
  assert.deepEqual(
    none.diagnostics.map((d) => [d.severity, d.code]),
    [['error', 'noArticle']],
  );
});

test('page title: a chapter heading is no title, in each of its forms; what only looks like one is', () => {
  const rows: [string, string, string][] = [
    ['two numerals before 、', '十一、某区发展规划实施情况', 'a'],
    ['two numerals in brackets', '（十一）某区发展规划实施情况', 'a'],
    ['two numerals in 第…章', '第十一章 某区发展规划实施', 'a'],
    ['a year in brackets is no chapter', '（2019年）某区工作报告', '（2019年）某区工作报告'],
    ['a numeral opening a word in brackets is no chapter', '（一季度）某区经济运行情况报告', '（一季度）某区经济运行情况报告'],
    ['第一次 is no chapter', '第一次全体会议工作报告', '第一次全体会议工作报告'],
  ];
  for (const [slip, h, title] of rows) assert.deepEqual(imp('a.html', doc(`<h1>${h}</h1>${zoom}`)), page(['ZH'], title), slip);
});

test('page: a not-article word must end where the class word ends (commentary is no comment)', () => {
  const B = '乙方说明：全年共办理各类事项一千余件，群众满意率达到百分之九十以上，服务水平明显提高。';
  assert.deepEqual(imp('a.html', doc(`<div class="commentary"><p>${B.repeat(6)}</p></div><div><p>${ZH}</p></div>`)), page([B.repeat(6)]));
});

test('HTML text: a line break at the edge of a text piece (before a tag or an entity) is nothing between ideographs, a space between words', () => {
  const rows: [string, string, string[]][] = [
    ['a break that ends a span, before the next span', '<p><span>全区经济\n</span><span>平稳增长。</span></p>', ['全区经济平稳增长。']],
    ['a break alone between two spans', '<p><span>全区经济</span>\n  <span>平稳增长。</span></p>', ['全区经济平稳增长。']],
    ['a break before an entity', '<p>全区经济\n&#x5E73;稳增长。</p>', ['全区经济平稳增长。']],
    ['spaces alone in a piece keep the break waiting', '<p><b>全区经济\n</b><i>  </i><b>平稳增长。</b></p>', ['全区经济平稳增长。']],
    ['between words it is one space', '<p><span>GDP\n</span><span>growth</span></p>', ['GDP growth']],
    ['an ideograph before, a word after: a space', '<p><span>增长\n</span><span>GDP</span></p>', ['增长 GDP']],
    ['a break at the end of the block adds nothing', '<p><span>全区经济平稳增长。\n</span></p><p>下一段。</p>', ['全区经济平稳增长。', '下一段。']],
  ];
  for (const [slip, body, want] of rows) {
    assert.deepEqual(imp('a.html', doc(`<div id="zoom"><p>${ZH}</p>${body}</div>`)), page(['ZH', ...want]), `page: ${slip}`);
    assert.deepEqual(feed(body), [[], [['一', null, [], want]]], `feed: ${slip}`);
  }
});
