/**
 * Edge rows for the mutation testing of src/core/reader (issue #12): the page reader (html.ts),
 * the Word reader (docx.ts) and the chrome rules (chrome.ts), with exact inputs and outputs through
 * importSource. Each row is named for the slip it catches; rows already in reader-edges.test.ts and
 * reader-word-edges.test.ts are not repeated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { importSource } from '../../src/core/index.ts';
import { doc, enc, imp, QUIET, T, ZH, zoom } from './readerRows.ts';

const B = '乙方说明：全年共办理各类事项一千余件，群众满意率达到百分之九十以上，服务水平明显提高。';

test('page: the elements removed before anything else (script, style and the other never-text elements)', () => {
  const rows: [string, string, unknown][] = [
    ['a 发布时间 in a <script> does not date the page', doc(`${zoom}<script>var info = "发布时间：2019-01-10";</script>`), [[], [['a', null, [], ['ZH']]]]],
    ['a 发布时间 in a <style> comment does not date the page', doc(`${zoom}<style>/* 发布时间：2019-01-10 */</style>`), [[], [['a', null, [], ['ZH']]]]],
    ['…while one in the page text does', doc(`${zoom}<div>发布时间：2019-01-10</div>`), [[], [['a', '2019-01-10', [], ['ZH']]]]],
  ];
  // Prose inside a never-text element (8 times the article's) does not draw the article to its block.
  for (const t of ['noscript', 'template', 'iframe', 'object', 'svg']) {
    rows.push([
      `prose in <${t}> is not the article`,
      doc(`<div><p>${ZH}</p></div><div><${t}><p>${B.repeat(8)}</p></${t}></div>`),
      [[], [['a', null, [], ['ZH']]]],
    ]);
  }
  for (const [slip, html, want] of rows) assert.deepEqual(imp('a.html', html), want, slip);
});

test('page: its only text is its heading: no article; a title nested past the depth cap keeps its block breaks', () => {
  assert.deepEqual(
    imp('a.html', doc(`<div id="zoom"><h1>${T}</h1></div>`, `<title>${T}</title>`)),
    [['noArticle'], []],
    'the heading is taken out of the body even when it is all of the body',
  );
  const nested = `${'<div>'.repeat(520)}某区政府<p>工作报告</p>${'</div>'.repeat(520)}`.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  assert.deepEqual(
    imp('a.html', doc(zoom, `<meta property="og:title" content="${nested}">`)),
    [[], [['某区政府 工作报告', null, [], ['ZH']]]],
    'a <p> below the cap becomes a break (HTML), not nothing (XML)',
  );
});

test('page title: a heading is read up to 4096 characters of text (a longer one is no heading)', () => {
  const h1 = (pad: number) => doc(`<h1>某区2019年工作报告${' '.repeat(pad)}</h1>${zoom}`);
  assert.deepEqual(imp('a.html', h1(4096 - 11)), [[], [['某区2019年工作报告', null, [], ['ZH']]]], '4096 characters');
  assert.deepEqual(imp('a.html', h1(4097 - 11)), [[], [['a', null, [], ['ZH']]]], '4097 characters');
});

test('chrome: a 来源 value with a date in it is the source, not the date; the tail is the last 40 lines', () => {
  assert.deepEqual(imp('a.txt', `${T}\n来源：新华社 2019年3月5日\n${ZH}\n`), [[], [[T, null, ['chromeRemoved'], ['ZH']]]]);
  // A 相关数据： head followed by 45 short data lines: the head is more than 40 lines from the end, so
  // the lines are report text (they would be a related-links block inside the last 40).
  const data = Array.from({ length: 45 }, (_, i) => `指标${i + 1} ${100 + i}亿元`);
  assert.deepEqual(imp('a.txt', `${T}\n${ZH}\n相关数据：\n${data.join('\n')}\n`), [[], [[T, null, [], ['ZH', '相关数据：', ...data]]]]);
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (paras: string[]) =>
  zipSync({
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paras.map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`).join('')}<w:sectPr/></w:body></w:document>`,
    ),
  });

test('Word: paragraphs are whole; one that runs on is not joined to the next, even between zero-width paragraphs', () => {
  const paras = [T, '全区上下共同努力完成了', '全年目标任务。', '\u200b', '第二段文字。', '\u200b', '第三段文字。', '\u200b', '第四段文字。'];
  assert.deepEqual(imp('a.docx', docx(paras)), [
    [],
    [[T, null, [], ['全区上下共同努力完成了', '全年目标任务。', '第二段文字。', '第三段文字。', '第四段文字。']]],
  ]);
});

test('page head: each meta name that dates or titles the page; hidden by a style with or without spaces, in any case', () => {
  const rows: [string, string, unknown][] = [];
  for (const name of ['pubdate', 'publishdate', 'firstpublishedtime']) {
    rows.push([`<meta name="${name}"> dates the page`, doc(zoom, `<meta name="${name}" content="2019-01-10">`), [[], [['a', '2019-01-10', [], ['ZH']]]]]);
  }
  rows.push(
    ['meta names match in their case only', doc(zoom, '<meta name="PUBDATE" content="2019-01-10">'), [[], [['a', null, [], ['ZH']]]]],
    ['<meta name="articletitle"> titles the page', doc(zoom, '<meta name="articletitle" content="某区报告">'), [[], [['某区报告', null, [], ['ZH']]]]],
  );
  for (const style of ['display:none', 'DISPLAY : NONE', 'visibility: hidden', 'Visibility :Hidden']) {
    rows.push([`style="${style}" hides`, doc(`<div id="zoom"><p>${ZH}</p><p style="${style}">隐藏的文字内容</p></div>`), [[], [['a', null, [], ['ZH']]]]]);
  }
  rows.push([
    'style="display:block" does not hide',
    doc(`<div id="zoom"><p>${ZH}</p><p style="display:block">显示的文字内容</p></div>`),
    [[], [['a', null, [], ['ZH', '显示的文字内容']]]],
  ]);
  for (const [slip, html, want] of rows) assert.deepEqual(imp('a.html', html), want, slip);
  const body = '<p>甲</p><p style="display:none">乙</p><p hidden>丙</p><div style="visibility : hidden">丁<b>己</b></div>戊';
  assert.deepEqual(
    imp('a.xml', `<rss><channel><item><title>一</title><description><![CDATA[${body}]]></description></item></channel></rss>`),
    [[], [['一', null, [], ['甲', '戊']]]],
    'a feed body: hidden elements and what they hold are skipped',
  );
});

const rss = (body: string) => `<rss><channel><item><title>一</title><description><![CDATA[${body}]]></description></item></channel></rss>`;

test('HTML text: blocks inside hidden elements end nothing; a <pre> line break at the start of a node; comments; the ends of the CJK ranges', () => {
  const rows: [string, string, string, unknown][] = [
    [
      'a feed body: a hidden span holding a <p> and a <br> does not split the text around it',
      'a.xml',
      rss('甲<span hidden><p>隐</p><br></span>乙<pre>第一行<span>\n第二行</span></pre><!-- 注释 -->丙'),
      [[], [['一', null, [], ['甲乙', '第一行', '第二行', '丙']]]],
    ],
    [
      'a page: the same, and a comment in the article is nothing',
      'a.html',
      `<html><body><div id="zoom"><p>${ZH}</p><!-- 注释文字 --><p>甲<span hidden><p>隐</p></span>乙</p><pre>第一行<span>\n第二行</span></pre></div></body></html>`,
      [[], [['a', null, [], ['ZH', '甲乙', '第一行', '第二行']]]],
    ],
    [
      'U+9FFF, U+FF00 and U+FFEF are CJK: a line break next to them is nothing',
      'a.xml',
      rss('<p>中\n\u9fff</p><p>\u9fff\n中</p><p>中\n\uffef</p><p>\uff00\n中</p><p>中\n\u3001</p><p>中\n\ufff0</p><p>\u2fff\n中</p>'),
      [[], [['一', null, [], ['中\u9fff', '\u9fff中', '中\uffef', '\uff00中', '中\u3001', '中 \ufff0', '\u2fff 中']]]],
    ],
  ];
  for (const [slip, name, s, want] of rows) assert.deepEqual(imp(name, s), want, slip);
});

test('HTML text: a lone CR between two line feeds is a line break too; CR LF in a <pre>', () => {
  assert.deepEqual(imp('a.xml', rss('<p>甲\n乙\r丙\n丁</p><p>ab\rcd\nef</p><pre>一\r\n二\n三</pre>')), [
    [],
    [['一', null, [], ['甲乙丙丁', 'ab cd ef', '一', '二', '三']]],
  ]);
});

test('page: the 发布时间 in the page text in its forms; a date that does not parse but has digits is kept (and warned about)', () => {
  const rows: [string, string, unknown][] = [
    ['发布日期 and 年月日 with a one-digit month', '发布日期：2019年1月10日', '2019-01-10'],
    ['a space after the colon, a 1999 year, a time with seconds', '发布时间： 1999-12-31 08:30:15', '1999-12-31T08:30:15'],
    ['an ASCII colon, slashes, one-digit day and hour', '发布时间:2019/1/5 9:05', '2019-01-05T09:05:00'],
    ['dots', '发布时间：2019.01.10', '2019-01-10'],
    ['two spaces before the time', '发布时间：2019-12-31  08:30', '2019-12-31T08:30:00'],
  ];
  for (const [slip, line, published] of rows) {
    assert.deepEqual(imp('a.html', doc(`<div class="info">${line}</div>${zoom}`)), [[], [['a', published, [], ['ZH']]]], slip);
  }
  assert.deepEqual(imp('a.html', doc(zoom, '<meta name="PubDate" content="2019年第一季度">')), [[], [['a', null, ['invalidDate'], ['ZH']]]]);
});

test('page: what opens the article and goes (info lines, the title with spaces) and what stays', () => {
  const info = (gap: number) => `某区政府办 发布时间：${'X'.repeat(gap)}来源：某区`;
  const rows: [string, string, unknown][] = [
    [
      'a 来源： inside the first line is no info line',
      doc(`<div id="zoom"><p>本报告数据来源：某区统计局</p><p>${ZH}</p></div>`),
      [[], [['本报告数据来源：某区统计局', null, [], ['ZH']]]],
    ],
    ['an info line of two fields 40 characters apart goes', doc(`<div id="zoom"><p>${info(40)}</p><p>${ZH}</p></div>`), [[], [['a', null, [], ['ZH']]]]],
    ['…41 apart stays', doc(`<div id="zoom"><p>${info(41)}</p><p>${ZH}</p></div>`), [[], [['a', null, [], [info(41), 'ZH']]]]],
    [
      'the title printed with spaces is taken out',
      doc(`<div id="zoom"><p>某区 2019年 政府工作报告</p><p>${ZH}</p></div>`, `<meta name="ArticleTitle" content="${T}">`),
      [[], [[T, null, [], ['ZH']]]],
    ],
  ];
  for (const [slip, html, want] of rows) assert.deepEqual(imp('a.html', html), want, slip);
});

test('page: chrome and not-article class words are whole words, after and before -, _ or a space', () => {
  const office = '某区政府办公室';
  for (const [cls, kept] of [
    ['blueprint', true],
    ['topic', true],
    ['research', true],
    ['print box', false],
    ['art_print', false],
    ['print_box', false],
  ] as const) {
    assert.deepEqual(
      imp('a.html', doc(`<div id="zoom"><p>${ZH}</p><div class="${cls}">${office}</div></div>`)),
      [[], [['a', null, [], kept ? ['ZH', office] : ['ZH']]]],
      cls,
    );
  }
  for (const cls of ['xgxw box', 'box_xgxw', 'topnews-related']) {
    assert.deepEqual(imp('a.html', doc(`<div><p>${ZH}</p></div><div class="${cls}"><p>${B}${B}${B}</p></div>`)), [[], [['a', null, [], ['ZH']]]], cls);
  }
});

test('page title: heading ranks, lengths, site names and chapter starts; <title> parts and separators', () => {
  const long = (n: number) => `某区${'甲'.repeat(n - 2)}`;
  const headings: [string, string, string][] = [
    ['<h2> before a *title* class', '<h2>某区二级标题内容</h2><div class="title">某区类名标题内容</div>', '某区二级标题内容'],
    ['a *title* class before <h3>, whichever is nearer', '<div class="title">某区类名标题内容</div><h3>某区三级标题内容</h3>', '某区类名标题内容'],
    ['4 ideographs are a heading', '<h1>某区动态</h1>', '某区动态'],
    ['…3 are not', '<h1>某区的</h1>', 'a'],
    ['80 characters are a heading', `<h1>${long(80)}</h1>`, long(80)],
    ['…81 are not', `<h1>${long(81)}</h1>`, 'a'],
    ['a site-name word inside the heading is no site name', '<h1>某区网站建设情况报告</h1>', '某区网站建设情况报告'],
    ['numerals with no 、 are no chapter start', '<h1>十三五规划实施情况报告</h1>', '十三五规划实施情况报告'],
    ['a chapter marker at the end is no chapter start', '<h1>某区工作报告（一）</h1>', '某区工作报告（一）'],
  ];
  for (const [slip, h, title] of headings) assert.deepEqual(imp('a.html', doc(h + zoom)), [[], [[title, null, [], ['ZH']]]], slip);
  assert.deepEqual(
    imp('a.html', doc(`<div id="zoom"><h1>某区2019年<br>政府工作报告</h1><p>${ZH}</p></div>`, '<title>某区专题页面_某区政府网</title>')),
    [[], [['某区2019年政府工作报告', null, [], ['ZH']]]],
    'a heading split by a <br> opens the article when its first 6 characters do',
  );
  const titles: [string, string, string][] = [
    ['a part of 4 characters counts', '工作报告_某区', '工作报告'],
    ['no part names a report or a year: the first', '某区专题页面_某区政府网', '某区专题页面'],
    ['a full-width bar separates', '某区专题｜某区2019年工作报告', '某区2019年工作报告'],
    ['an en dash between spaces separates', '首页 – 2019年某区报告', '2019年某区报告'],
    ['two em dashes between spaces separate', '首页 —— 2019年某区报告', '2019年某区报告'],
    ['-- separates without spaces', '某区首页--2019年某区报告', '2019年某区报告'],
    ['a dash between spaces before the site name', '某区简介 - 某区政府网', '某区简介'],
    ['a hyphen alone does not separate', '某区2016-2018年发展规划_某区政府网', '某区2016-2018年发展规划'],
  ];
  for (const [slip, t, title] of titles) assert.deepEqual(imp('a.html', doc(zoom, `<title>${t}</title>`)), [[], [[title, null, [], ['ZH']]]], slip);
});

test('chrome: the lengths the head and tail rules allow, at their edges', () => {
  const S20 = '全区上下共同努力，完成了全年各项目标任务';
  const V30 = '某'.repeat(30);
  const L60 = '某'.repeat(60);
  const F80 = `版权所有${'某'.repeat(76)}`;
  const caption = (n: number) => `会议现场，${'某'.repeat(n - 12)}记者 张三 摄`;
  const time = (n: number) => `时间：2019年1月9日${'某'.repeat(n - 9)}`;
  const removed = (n: number, sample: string) => [`chromeRemoved:${n}:${sample}`];
  const rows: [string, string, unknown][] = [
    ['a bare key before a sentence of 20 characters stays', `${T}\n附注：\n${S20}\n${ZH}\n`, [[], ['附注：', S20, 'ZH']]],
    ['…before one of 19 goes', `${T}\n附注：\n${S20.slice(1)}\n${ZH}\n`, [removed(1, '附注：'), [S20.slice(1), 'ZH']]],
    ['a key of 6 ideographs', `${T}\n发布单位名称：某区\n${ZH}\n`, [removed(1, '发布单位名称：某区'), ['ZH']]],
    ['…of 8 is none', `${T}\n发布单位全部名称：某区\n${ZH}\n`, [[], ['发布单位全部名称：某区', 'ZH']]],
    ['…of 1 is none', `${T}\n文：某区\n${ZH}\n`, [[], ['文：某区', 'ZH']]],
    ['a value of 30 characters on the line after a bare key goes', `${T}\n单位：\n${V30}\n${ZH}\n`, [removed(2, `单位： · ${V30}`), ['ZH']]],
    ['…of 31 stays', `${T}\n单位：\n${V30}某\n${ZH}\n`, [removed(1, '单位：'), [`${V30}某`, 'ZH']]],
    ['a breadcrumb item of 12 characters', `首页\n/\n${'政'.repeat(12)}\n${T}\n${ZH}\n`, [removed(3, `首页 · / · ${'政'.repeat(12)}`), ['ZH']]],
    [
      '…of 13 is none',
      `首页\n/\n${'政'.repeat(13)}\n${T}\n${ZH}\n`,
      [
        [...removed(2, '首页 · /'), 'leadingChrome:1'],
        ['政'.repeat(13), 'ZH'],
      ],
    ],
    ['tokens of 4 characters', `${T}\n甲乙丙丁\n戊己庚辛\n${ZH}\n`, [removed(2, '甲乙丙丁 · 戊己庚辛'), ['ZH']]],
    ['…of 5 are none', `${T}\n甲乙丙丁戊\n己庚辛壬癸\n${ZH}\n`, [[], ['甲乙丙丁戊', '己庚辛壬癸', 'ZH']]],
    ['a related-links block of titles of 60 characters', `${T}\n${ZH}\n${ZH}\n相关链接：\n${L60}\n`, [removed(2, `相关链接： · ${L60}`), ['ZH', 'ZH']]],
    ['…of 61 is none', `${T}\n${ZH}\n${ZH}\n相关链接：\n${L60}某\n`, [['trailing:2'], ['ZH', 'ZH', '相关链接：', `${L60}某`]]],
    ['a footer line of 80 characters', `${T}\n${ZH}\n${ZH}\n${F80}\n`, [removed(1, F80), ['ZH', 'ZH']]],
    ['…of 81 stays', `${T}\n${ZH}\n${ZH}\n${F80}某\n`, [[], ['ZH', 'ZH', `${F80}某`]]],
    ['a caption of 150 characters', `${T}\n${ZH}\n${caption(150)}\n${ZH}\n`, [removed(1, caption(150)), ['ZH', 'ZH']]],
    ['…of 151 is none', `${T}\n${ZH}\n${caption(151)}\n${ZH}\n`, [[], ['ZH', caption(151), 'ZH']]],
    ['a time value of 30 characters: its date dates the report (below)', `${T}\n${time(30)}\n${ZH}\n`, [removed(1, time(30)), ['ZH']]],
    ['…of 31 is none', `${T}\n${time(31)}\n${ZH}\n`, [removed(1, time(31)), ['ZH']]],
  ];
  for (const [slip, t, want] of rows) {
    const p = importSource('a.txt', enc(t)).reports[0];
    const notes = p.diagnostics.filter((d) => !QUIET.has(d.code)).map((d) => [d.code, ...(d.args ?? [])].join(':'));
    assert.deepEqual([p.title, notes, p.paragraphs.map((x) => (x.text === ZH ? 'ZH' : x.text))], [T, ...(want as unknown[])], slip);
  }
  // The date in a time value of up to 30 characters dates the report; a longer value is no date line.
  const published = (t: string) => importSource('a.txt', enc(`${T}\n${t}\n${ZH}\n`)).reports[0].published;
  assert.deepEqual([published(time(30)), published(time(31))], ['2019-01-09', null]);
});

test('page article scoring at its edges: 10 ideographs, half link text, 40 without punctuation, 30% for a CMS container, 80% for the tightest', () => {
  const prose = (c: string, n: number) => `${c.repeat(n)}。`;
  const two = (a: string, b: string, first = '<div>') => doc(`${first}<p>${a}</p></div><div><p>${b}</p></div>`);
  const link = (n: number) => `<a href="#">${'链'.repeat(n)}</a>${prose('文', 10)}`;
  const rows: [string, string, string[]][] = [
    // The first block alone (30) is less than 80% of both when the second scores: then both are the article.
    ['a block of 10 ideographs scores', two(prose('甲', 30), prose('乙', 10)), [prose('甲', 30), prose('乙', 10)]],
    ['…of 9 does not', two(prose('甲', 30), prose('乙', 9)), [prose('甲', 30)]],
    ['a block that is half link text scores', two(prose('甲', 30), link(10)), [prose('甲', 30), `${'链'.repeat(10)}${prose('文', 10)}`]],
    ['…more than half does not', two(prose('甲', 30), link(11)), [prose('甲', 30)]],
    ['a half-link block scores its ideographs at half (10 of 20): 40 are 80% of 50', two(prose('甲', 40), link(10)), [prose('甲', 40)]],
    ['40 ideographs with no punctuation score', two(prose('甲', 30), '无'.repeat(40)), [prose('甲', 30), '无'.repeat(40)]],
    ['…39 do not', two(prose('甲', 30), '无'.repeat(39)), [prose('甲', 30)]],
    ['a CMS container with 30% of the page is the article', two(prose('甲', 30), prose('乙', 70), '<div id="zoom">'), [prose('甲', 30)]],
    ['…with 29% it is not', two(prose('甲', 29), prose('乙', 71), '<div id="zoom">'), [prose('甲', 29), prose('乙', 71)]],
    ['an element with 80% of the page is the article', two(prose('甲', 80), prose('乙', 20)), [prose('甲', 80)]],
    ['…with 79% it is not', two(prose('甲', 79), prose('乙', 21)), [prose('甲', 79), prose('乙', 21)]],
    ['nothing scores: the body, not its emptiest element', doc('<div><p>通知：明天停水。</p><img src="a.png"></div>'), ['通知：明天停水。']],
  ];
  for (const [slip, html, want] of rows) assert.deepEqual(imp('a.html', html), [[], [['a', null, [], want]]], slip);
});

test('page: too deep from 501 levels; a too-deep page keeps its og:title and link; CMS classes are whole words; sniffing by the doctype and an XHTML root', () => {
  const deep = (n: number) => `${'<div>'.repeat(n)}<p>${ZH}</p>${'</div>'.repeat(n)}`;
  const get = (name: string, s: string) => {
    const r = importSource(name, enc(s));
    return [
      r.format,
      r.reports.map((p) => [p.title, p.link, p.diagnostics.filter((d) => !QUIET.has(d.code)).map((d) => d.code), p.paragraphs.map((x) => x.text)]),
    ];
  };
  // html, body, 496 divs, p, text: 500 levels.
  assert.deepEqual(get('a.html', doc(deep(496))), ['html', [['a', null, [], [ZH]]]], '500 levels');
  assert.deepEqual(get('a.html', doc(deep(497))), ['html', [['a', null, ['tooDeep'], [ZH]]]], '501 levels');
  assert.deepEqual(
    get('a.html', doc(deep(520), '<meta property="og:title" content="某区元标题报告"><link rel="canonical" href="http://a/p.html">')),
    ['html', [['某区元标题报告', 'http://a/p.html', ['tooDeep'], [ZH]]]],
    'too deep: og:title and the canonical link',
  );
  assert.deepEqual(get('a.html', doc(deep(520), '<title>  </title>')), ['html', [['a', null, ['tooDeep'], [ZH]]]], 'too deep: a blank <title> is none');
  const prose = (c: string, n: number) => `${c.repeat(n)}。`;
  for (const [attr, known] of [
    ['class="con"', true],
    ['class="contact"', false],
    ['class="textbox"', false],
    ['class="content-box"', false],
    ['id="zoom2"', false],
  ] as const) {
    const html = doc(`<div ${attr}><p>${prose('甲', 40)}</p></div><div><p>${prose('乙', 60)}</p></div>`);
    assert.deepEqual(get('a.html', html), ['html', [['a', null, [], known ? [prose('甲', 40)] : [prose('甲', 40), prose('乙', 60)]]]], attr);
  }
  assert.deepEqual(get('a.txt', `<!DOCTYPE  html><p>${ZH}</p>`), ['html', [['a', null, [], [ZH]]]], 'a doctype with two spaces');
  assert.deepEqual(
    get('a.xml', `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>${ZH}</p></body></html>`),
    ['html', [['a', null, [], [ZH]]]],
    'an XHTML root with attributes after an XML declaration',
  );
});

test('chrome: a CMS date without seconds, a title part of 4 characters, related-links heads, 40 tail lines, bracket items, 6 removed lines, names in captions', () => {
  const links = Array.from({ length: 40 }, (_, i) => `【链接${i + 1}】`);
  const rows: [string, string, unknown][] = [
    [
      'a CMS date with slashes and no seconds goes and dates the text',
      `${T}\n2019/1/9 9:05\n${ZH}\n`,
      ['2019-01-09T09:05:00', ['chromeRemoved:1:2019/1/9 9:05'], ['ZH']],
    ],
    ['a head line of 4 characters inside the title that names a report goes', `${T}\n工作报告\n${ZH}\n`, [null, ['chromeRemoved:1:工作报告'], ['ZH']]],
    [
      'a related head in brackets',
      `${T}\n${ZH}\n${ZH}\n【相关阅读】\n某区2018年政府工作报告\n`,
      [null, ['chromeRemoved:2:【相关阅读】 · 某区2018年政府工作报告'], ['ZH', 'ZH']],
    ],
    [
      'a related head with no colon',
      `${T}\n${ZH}\n${ZH}\n推荐阅读\n某区2018年政府工作报告\n`,
      [null, ['chromeRemoved:2:推荐阅读 · 某区2018年政府工作报告'], ['ZH', 'ZH']],
    ],
    [
      'a related head of 相关 and 6 ideographs',
      `${T}\n${ZH}\n${ZH}\n相关新闻报道专题：\n某区2018年政府工作报告\n`,
      [null, ['chromeRemoved:2:相关新闻报道专题： · 某区2018年政府工作报告'], ['ZH', 'ZH']],
    ],
    [
      '…of 7 is none',
      `${T}\n${ZH}\n${ZH}\n相关新闻报道专题链：\n某区2018年政府工作报告\n`,
      [null, [], ['ZH', 'ZH', '相关新闻报道专题链：', '某区2018年政府工作报告']],
    ],
    [
      'a run of exactly 40 chrome lines at the end goes whole',
      `${T}\n${ZH}\n${ZH}\n${links.join('\n')}\n`,
      [null, [`chromeRemoved:40:${links.slice(0, 6).join(' · ')} …`], ['ZH', 'ZH']],
    ],
    ['a bracket item of 12 characters', `${T}\n${ZH}\n${ZH}\n【${'某'.repeat(12)}】\n`, [null, [`chromeRemoved:1:【${'某'.repeat(12)}】`], ['ZH', 'ZH']]],
    ['…of 13 is none', `${T}\n${ZH}\n${ZH}\n【${'某'.repeat(13)}】\n`, [null, [], ['ZH', 'ZH', `【${'某'.repeat(13)}】`]]],
    [
      '6 removed lines are all shown, with no …',
      `${T}\n首页\n>\n政务公开\n>\n报告\n>\n${ZH}\n`,
      [null, ['chromeRemoved:6:首页 · > · 政务公开 · > · 报告 · >'], ['ZH']],
    ],
    ['a caption of a 5-character name', `${T}\n欧阳某某娜 摄\n${ZH}\n`, [null, ['chromeRemoved:1:欧阳某某娜 摄'], ['ZH']]],
    ['…of 6 is none', `${T}\n欧阳某某娜娜 摄\n${ZH}\n`, [null, [], ['欧阳某某娜娜 摄', 'ZH']]],
    [
      'a byline caption of a 5-character name',
      `${T}\n${ZH}\n会场。记者 欧阳某某娜 摄\n${ZH}\n`,
      [null, ['chromeRemoved:1:会场。记者 欧阳某某娜 摄'], ['ZH', 'ZH']],
    ],
    ['…of 6 is none', `${T}\n${ZH}\n会场。记者 欧阳某某娜娜 摄\n${ZH}\n`, [null, [], ['ZH', '会场。记者 欧阳某某娜娜 摄', 'ZH']]],
  ];
  for (const [slip, t, want] of rows) {
    const p = importSource('a.txt', enc(t)).reports[0];
    const notes = p.diagnostics.filter((d) => !QUIET.has(d.code)).map((d) => [d.code, ...(d.args ?? [])].join(':'));
    assert.deepEqual([p.title, p.published, notes, p.paragraphs.map((x) => (x.text === ZH ? 'ZH' : x.text))], [T, ...(want as unknown[])], slip);
  }
});

test('page: a header inside the article, form and chrome-class sizes at their edges, sidebar class words, heading node counts, a short <title>, a time line', () => {
  const ch = (n: number) => '某'.repeat(n);
  const rows: [string, string, unknown][] = [
    ['a <header> inside the article goes', doc(`<div id="zoom"><header>页眉栏目内容</header><p>${ZH}</p></div>`), ['a', null, [], ['ZH']]],
    ['a form of 99 ideographs goes', doc(`<div id="zoom"><p>${ZH}</p><form>${ch(99)}</form></div>`), ['a', null, [], ['ZH']]],
    ['…of 100 stays', doc(`<div id="zoom"><p>${ZH}</p><form>${ch(100)}</form></div>`), ['a', null, [], ['ZH', ch(100)]]],
    ['a chrome class holding 199 ideographs goes', doc(`<div id="zoom"><p>${ZH}</p><div class="tools">${ch(199)}</div></div>`), ['a', null, [], ['ZH']]],
    ['…200 stays', doc(`<div id="zoom"><p>${ZH}</p><div class="tools">${ch(200)}</div></div>`), ['a', null, [], ['ZH', ch(200)]]],
    [
      'of two headings in one sidebar neither is the title; the next heading outside is',
      doc(`<div class="left"><h1>侧栏标题一内容</h1><h2>侧栏标题二内容</h2></div><h3>某区正文标题内容</h3>${zoom}`),
      ['某区正文标题内容', null, [], ['ZH']],
    ],
    ['a heading of 1000 nodes is read', doc(`<h1>某区2019年工作报告${'<i></i>'.repeat(998)}</h1>${zoom}`), ['某区2019年工作报告', null, [], ['ZH']]],
    ['…of 1001 is not', doc(`<h1>某区2019年工作报告${'<i></i>'.repeat(999)}</h1>${zoom}`), ['a', null, [], ['ZH']]],
    ['a <title> too short for a part is the title whole', doc(zoom, '<title>某区</title>'), ['某区', null, [], ['ZH']]],
    [
      'a 时间 line that opens the article dates the page',
      doc(`<div id="zoom"><p>时间：2019-01-10</p><p>${ZH}</p></div>`),
      ['a', '2019-01-10', ['chromeRemoved'], ['ZH']],
    ],
  ];
  for (const [cls, side] of [
    ['box-right', true],
    ['logo2', true],
    ['nav box', true],
    ['left_col', true],
    ['bright', false],
  ] as const) {
    rows.push([`class="${cls}"`, doc(`<div class="${cls}"><h1>某区侧栏标题内容</h1></div>${zoom}`), [side ? 'a' : '某区侧栏标题内容', null, [], ['ZH']]]);
  }
  for (const [slip, html, want] of rows) assert.deepEqual(imp('a.html', html), [[], [want]], slip);
});

test('chrome: a breadcrumb line needs two separators, items of at most 12 characters and a last one of at most 20; symbols and spaced keys', () => {
  const crumb = (first: string, last: string) => `${first} > 政务公开 > ${last}`;
  const rows: [string, string, string[], string[]][] = [
    ['one separator is no breadcrumb', '首页 > 工作报告专栏', [], ['首页 > 工作报告专栏', 'ZH']],
    ['a first item of 12 characters', crumb('政'.repeat(12), '报告'), [`chromeRemoved:1:${crumb('政'.repeat(12), '报告')}`], ['ZH']],
    ['…of 13 is none', crumb('政'.repeat(13), '报告'), [], [crumb('政'.repeat(13), '报告'), 'ZH']],
    ['a last item of 20 characters', crumb('首页', '报'.repeat(20)), [`chromeRemoved:1:${crumb('首页', '报'.repeat(20))}`], ['ZH']],
    ['…of 21 is none', crumb('首页', '报'.repeat(21)), [], [crumb('首页', '报'.repeat(21)), 'ZH']],
    ['a line of symbols only', '★★★', ['chromeRemoved:1:★★★'], ['ZH']],
    ['a key with spaces around an ASCII colon', '来源 : 某区政府办', ['chromeRemoved:1:来源 : 某区政府办'], ['ZH']],
    ['an author line is no date line (no date warning)', '作者：张三', ['chromeRemoved:1:作者：张三'], ['ZH']],
    // A short value on the line after a bare key was left in the body (a token): a real bug, fixed.
    ['a bare 来源 key and a short value on the next line both go', '来源：\n新华社', ['chromeRemoved:2:来源： · 新华社'], ['ZH']],
    ['a bare 作者 key and a name on the next line both go', '作者：\n张三', ['chromeRemoved:2:作者： · 张三'], ['ZH']],
  ];
  for (const [slip, line, notes, ps] of rows) {
    const p = importSource('a.txt', enc(`${T}\n${line}\n${ZH}\n`)).reports[0];
    assert.deepEqual(
      [
        p.title,
        p.diagnostics.filter((d) => !QUIET.has(d.code)).map((d) => [d.code, ...(d.args ?? [])].join(':')),
        p.paragraphs.map((x) => (x.text === ZH ? 'ZH' : x.text)),
      ],
      [T, notes, ps],
      slip,
    );
  }
});

test('page: a fragment with no <body> (a CMS’s article HTML saved alone: <p>s and tables side by side) is read whole', () => {
  const body =
    `<p style='text-align: center;font-weight: bold;'>2019年某区人民政府办公室政府信息公开工作年度报告</p>\t<p style='text-align: center'>发布日期：2020-01-31</p>` +
    `<p>本年度报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限从2019年1月1日到12月31日止。</p>` +
    `<p>一、总体情况</p><p>${B}</p><p>（一）主动公开方面</p><p>全年主动公开规章13件，行政规范性文件60件，均按时发布。${B}</p>` +
    '<p>二、主动公开政府信息情况</p><table><tr><td><p>信息内容</p></td><td><p>本年新制作数量</p></td></tr><tr><td><p>规章</p></td><td><p>13</p></td></tr></table>' +
    `<p>三、存在的主要问题及改进情况</p><p>一是公开内容还不够全面；二是解读形式较为单一。${B.repeat(4)}</p>`;
  for (const [form, html] of [
    ['bare', body],
    ['in <html> alone', `<html>${body}</html>`],
  ] as const) {
    const r = importSource('fragment.html', enc(html)).reports[0];
    assert.equal(r.title, '2019年某区人民政府办公室政府信息公开工作年度报告', form);
    assert.equal(r.published, '2020-01-31', form);
    assert.deepEqual(
      r.outline.map((n) => `${n.label}${n.title}`),
      ['一、总体情况', '二、主动公开政府信息情况', '三、存在的主要问题及改进情况'],
      form,
    );
    assert.equal(r.paragraphs.length, 10, `${form}: ${r.paragraphs.map((p) => p.text).join('\n')}`);
  }
});
