/**
 * Edge rows for the mutation testing of src/core/reader (see stryker.config.mjs): the readers'
 * rules (sniffing, decoding, the depth cap, feeds, flattened feeds, pages, chrome, lines) with
 * exact inputs and outputs, through importSource. Each row is named for the slip it catches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Diagnostic, importSource, SOURCE_EXTENSIONS, SOURCE_GLOB } from '../../src/core/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const fromHex = (hex: string) => Uint8Array.from((hex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));
const show = (d: Diagnostic) => `${d.code}:${JSON.stringify(d.args ?? [])}`;

/** What a user sees of an import: the format, the file's problems, and each report's title, date, link and paragraphs. */
function imp(name: string, input: string | Uint8Array) {
  const r = importSource(name, typeof input === 'string' ? enc(input) : input);
  return {
    format: r.format,
    codes: r.diagnostics.map(show),
    reports: r.reports.map((p) => ({
      title: p.title,
      published: p.published,
      link: p.link,
      paras: p.paragraphs.map((x) => x.text),
    })),
  };
}
const paras = (name: string, input: string | Uint8Array) => imp(name, input).reports.map((r) => r.paras);
const codes = (name: string, input: string | Uint8Array) => imp(name, input).codes;

const ZH = '今年以来，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，人民生活持续改善，社会大局保持稳定。';
/** ZH in GBK (iconv -t gbk). */
const ZH_GBK = fromHex(
  'bdf1c4ead2d4c0b4a3acced2c3c7bce1b3d6cec8d6d0c7f3bdf8b9a4d7f7d7dcbbf9b5f7a3acbeadbcc3d4cbd0d0d7dccce5c6bdcec8a3acb7a2d5b9d6cac1bfcec8b2bdcce1c9fda3acc8cbc3f1c9fabbeeb3d6d0f8b8c4c9c6a3acc9e7bbe1b4f3bed6b1a3b3d6cec8b6a8a1a3',
);

test('extensions: the discovery list and glob name every format, in registry order', () => {
  assert.deepEqual([...SOURCE_EXTENSIONS], ['xml', 'rss', 'atom', 'html', 'htm', 'mhtml', 'mht', 'txt', 'docx', 'doc', 'rtf', 'pdf']);
  assert.equal(SOURCE_GLOB, '**/*.{xml,rss,atom,html,htm,mhtml,mht,txt,docx,doc,rtf,pdf}');
});

test('sniffing: the feed and page roots that startsLikeXml recognises, and text that only mentions them', () => {
  const item = '<title>条目</title><link>http://a/1</link><description>正文一段，内容。</description>';
  const cdataPage = '<![CDATA[<html><body><p>正文一段，内容。</p></body></html>]]>';
  const rows: [string, string, string, string, string][] = [
    // [slip, name, text, format, first paragraph]
    [
      'RSS 1.0 (rdf:RDF, no rss or feed word) is a feed',
      'a.xml',
      `<rdf:RDF xmlns:rdf="x"><channel><title>c</title></channel><item>${item}</item></rdf:RDF>`,
      'rss',
      '正文一段，内容。',
    ],
    ['an XHTML page with an XML declaration is a page', 'a.xml', `<?xml version="1.0"?><html><body><p>${ZH}</p></body></html>`, 'html', ZH],
    [
      '<rss with <html> in an item body (first 4 KB) is a feed',
      'a.xml',
      `<rss version="2.0"><channel><item><title>条目</title><description>${cdataPage}</description></item></channel></rss>`,
      'rss',
      '正文一段，内容。',
    ],
    [
      '<feed with <html> in an entry body is Atom',
      'a.xml',
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>条目</title><content type="html">${cdataPage}</content></entry></feed>`,
      'atom',
      '正文一段，内容。',
    ],
    [
      'a prefixed <atom:feed followed by a space',
      'a.xml',
      `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:entry><atom:title>条目</atom:title><atom:content type="html">${cdataPage}</atom:content></atom:entry></atom:feed>`,
      'atom',
      '正文一段，内容。',
    ],
    [
      'a prefixed <a:feed followed by >',
      'a.xml',
      `<a:feed><a:entry><a:title>条目</a:title><a:content type="html">${cdataPage}</a:content></a:entry></a:feed>`,
      'atom',
      '正文一段，内容。',
    ],
    [
      'plain text that mentions <html> is text',
      'a.txt',
      '说明：本文件不是网页 <html> 标签只是文字。\n\n第二段，这里是正文内容，写得很长很长。',
      'text',
      '说明：本文件不是网页 <html> 标签只是文字。',
    ],
    ['plain text that mentions <a:feed> is text', 'a.txt', '说明 <a:feed> 不是订阅源。\n\n正文第二段，内容很多。', 'text', '说明 <a:feed> 不是订阅源。'],
  ];
  for (const [slip, name, text, format, first] of rows) {
    const r = imp(name, text);
    assert.equal(r.format, format, slip);
    assert.equal(r.reports[0]?.paras[0], first, slip);
  }
});

test('looksBinary: control bytes are counted over the file, not 8 KB; NUL next to a lone BOM byte is binary', () => {
  const ctl = new Uint8Array(100).fill(0x41);
  for (let i = 0; i < 10; i++) ctl[i * 3] = 1;
  assert.deepEqual(codes('a.txt', ctl), ['binary:[]'], '10% control bytes in a 100-byte file');
  for (const head of [
    [0xff, 0x00],
    [0x41, 0xfe, 0x00],
    [0xfe, 0x00],
    [0x41, 0xff, 0x00],
  ]) {
    const b = new Uint8Array(40).fill(0x41);
    b.set(head);
    assert.deepEqual(codes('a.txt', b), ['binary:[]'], `no UTF-16 BOM: ${head}`);
  }
  // Only the first 8192 bytes are looked at: a NUL at 8192 is past them.
  const big = new Uint8Array(8300).fill(0x41);
  big[100] = 0x0a;
  big[8192] = 0;
  const r = imp('a.txt', big);
  assert.deepEqual(r.codes, []);
  assert.equal(r.reports[0].paras[1].length, 8199);
});

test('decode: a declared charset that the bytes contradict is named in the message, in its display name', () => {
  const page = (cs: string) => concat(enc(`<html><head><meta charset="${cs}"></head><body><p>`), ZH_GBK, enc('</p></body></html>'));
  const rows: [string, string[]][] = [
    ['euc-jp', ['charsetMismatch:["EUC-JP","gb18030"]']],
    ['euc-kr', ['charsetMismatch:["EUC-KR","gb18030"]']],
    ['shift_jis', ['charsetMismatch:["Shift_JIS","gb18030"]']],
    ['big5', ['charsetMismatch:["Big5","gb18030"]']],
    ['utf-8', ['charsetMismatch:["UTF-8","gb18030"]']],
    ['utf8', ['charsetMismatch:["UTF-8","gb18030"]']],
    ['gb2312', []],
    ['bogus-cs', ['gb18030Fallback:[]']],
  ];
  for (const [cs, want] of rows) {
    const r = imp('a.html', page(cs));
    assert.deepEqual(r.codes, want, cs);
    assert.deepEqual(r.reports[0].paras, [ZH], cs);
  }
  // UTF-8 bytes under a Big5 declaration: UTF-8 is the first other encoding tried.
  const utf8 = imp('a.html', `<html><head><meta charset="big5"></head><body><p>${ZH}</p></body></html>`);
  assert.deepEqual(utf8.codes, ['charsetMismatch:["Big5","utf-8"]']);
  // A <meta> that says UTF-16 is read as UTF-8, as browsers do.
  const u16 = imp('a.html', `<html><head><meta charset="utf-16"></head><body><p>${ZH}</p></body></html>`);
  assert.deepEqual([u16.codes, u16.reports[0].paras], [[], [ZH]]);
  // Undeclared GBK: the GB18030 fallback, said once.
  assert.deepEqual(imp('a.txt', ZH_GBK).codes, ['gb18030Fallback:[]']);
});

test('capDepth: elements below 512 open ones lose their tags (a hidden div that deep shows); what closes an element keeps the page shallow', () => {
  const P = '<p>正文段落，内容完整。</p>';
  const HIDDEN = '<div hidden>这是隐藏的说明文字</div>';
  const wrap = (s: string) => `<html><body>${s}</body></html>`;
  const nest = (inner: string, stray = '') => '<div>'.repeat(100) + stray + '<div>'.repeat(500) + inner + '</div>'.repeat(600);
  const shown = ['这是隐藏的说明文字', '正文段落，内容完整。'];
  const hidden = ['正文段落，内容完整。'];
  const rows: [string, string, string[]][] = [
    ['600 nested divs: the hidden one is past the cap', wrap(nest(HIDDEN + P)), shown],
    ['a stray end tag of an element not open closes nothing', wrap(nest(HIDDEN + P, '</em>')), shown],
    [
      '…nor of one opened and closed before (open counts go down)',
      wrap(`<p><em>这是强调的一句话</em></p>${nest(HIDDEN + P, '</em>')}`),
      ['这是强调的一句话', ...shown],
    ],
    ['a run of < before the tags is text, and the scan goes on', wrap(`<<<${nest(HIDDEN + P)}`), shown],
    [
      '520 closed sibling divs: end tags pop, the page stays shallow',
      wrap(`<div>${'<div>甲乙丙丁戊</div>'.repeat(520)}${HIDDEN}${P}</div>`),
      ['甲乙丙丁戊', ...hidden],
    ],
    ['<hr> is void (never open)', wrap('<hr>'.repeat(520) + HIDDEN + P), hidden],
    ['<base> is void', wrap('<base>'.repeat(520) + HIDDEN + P), hidden],
    ['a <p> closes the open <p> (HTML implied end tags)', wrap(`${'<p>乙'.repeat(520)}<p hidden>这是隐藏的说明文字${P}`), ['乙', ...hidden]],
    [
      'a script past the cap goes with its content, through its end tag',
      wrap(nest('<script>alert("脚本")</script><p>后文，正文内容 3<5 完整。</p>')),
      ['后文，正文内容 3<5 完整。'],
    ],
  ];
  for (const [slip, html, want] of rows) {
    const got = paras('a.html', html)[0];
    assert.deepEqual([...new Set(got)], want, slip);
  }
});

/** A feed's problems and each item's title, link, paragraphs and emptyBody warning. */
function feed(text: string) {
  const r = importSource('a.xml', enc(text));
  return {
    format: r.format,
    codes: r.diagnostics.map(show),
    items: r.reports.map((p) => [p.title, p.link, p.paragraphs.map((x) => x.text), p.diagnostics.filter((d) => d.code === 'emptyBody').map(show)]),
  };
}
const rss = (items: string, ch = ''): string => `<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>某区</title>${ch}\n${items}\n</channel>\n</rss>`;

test('feeds: entities after a CDATA section, split CDATA, guid links, raw HTML bodies, empty bodies, bad channel dates', () => {
  const rows: [string, string, ReturnType<typeof feed>][] = [
    [
      'an undefined entity after a CDATA section is still found, with its line',
      rss(
        '<item><title>一</title><description><![CDATA[<p>正文一，内容。</p>]]></description></item>\n<item><title>二&nbsp;号</title><description>正文二，内容。</description></item>',
      ),
      {
        format: 'rss',
        codes: ['undefinedEntities:["&nbsp; (line 6)"]'],
        items: [
          ['一', null, ['正文一，内容。'], []],
          ['二 号', null, ['正文二，内容。'], []],
        ],
      },
    ],
    [
      'an entity-like text at the very end of a CDATA body is not an entity',
      rss('<item><title>一</title><description><![CDATA[<p>正文一，内容&x;]]></description></item>'),
      { format: 'rss', codes: [], items: [['一', null, ['正文一，内容&x;'], []]] },
    ],
    [
      'two CDATA sections back to back make one body',
      rss('<item><title>一</title><description><![CDATA[<p>第一]]><![CDATA[部分，正文。</p>]]></description></item>'),
      { format: 'rss', codes: [], items: [['一', null, ['第一部分，正文。'], []]] },
    ],
    [
      'a guid URL with white space around it is the link',
      rss('<item><title>一</title><guid>\n  http://a/2 \n</guid><description>正文，内容。</description></item>'),
      { format: 'rss', codes: [], items: [['一', 'http://a/2', ['正文，内容。'], []]] },
    ],
    [
      'RSS HTML that is neither escaped nor CDATA is read from its markup, from just after the start tag',
      rss('<item><title>一</title><description><p>第一段，正文。</p><p>第二段，正文。</p></description></item>'),
      { format: 'rss', codes: [], items: [['一', null, ['第一段，正文。', '第二段，正文。'], []]] },
    ],
    [
      'an empty RSS item says Item and its number',
      rss('<item><title>一</title><description></description></item>'),
      { format: 'rss', codes: [], items: [['一', null, [], ['emptyBody:["Item","1"]']]] },
    ],
    [
      'an empty Atom entry says Entry',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>一</title><content></content></entry></feed>',
      { format: 'atom', codes: [], items: [['一', null, [], ['emptyBody:["Entry","1"]']]] },
    ],
    [
      'a bad channel pubDate is named with its element and line',
      rss('<item><title>一</title><description>正文，内容。</description></item>', '\n<pubDate>not a date</pubDate>'),
      { format: 'rss', codes: ['invalidFeedDate:["not a date","pubDate","5"]'], items: [['一', null, ['正文，内容。'], []]] },
    ],
    [
      '…and lastBuildDate as written',
      rss('<item><title>一</title><description>正文，内容。</description></item>', '\n<lastBuildDate>someday</lastBuildDate>'),
      { format: 'rss', codes: ['invalidFeedDate:["someday","lastBuildDate","5"]'], items: [['一', null, ['正文，内容。'], []]] },
    ],
  ];
  for (const [slip, text, want] of rows) assert.deepEqual(feed(text), want, slip);
});

test('flattened feed: date lines after ]]>, the next item head, cut-off items, and no year from the file name', () => {
  const CH = '报告 http://x.gov.cn/rss.jsp?id=1 报告-RSS 2019-06-18 04:21:54 2019-06-18 04:21:54 ';
  const B1 = '2018年是改革开放40周年，我们做了大量工作，取得明显成效。';
  const ONE = `${CH}第一份报告 http://x.gov.cn/a/1.html ${B1}\n]]>\n`;
  const first = (date: string | null) => ['第一份报告', 'http://x.gov.cn/a/1.html', date, null, [B1]];
  const pad = ' '.repeat(25);
  const rows: [string, string, string, unknown][] = [
    [
      'a date line padded with spaces is trimmed before it is measured',
      'a.txt',
      `${ONE}${pad}2019-01-10 16:19:51${pad}\n`,
      { f: 'flattened-feed', c: [], r: [first('2019-01-10T16:19:51')] },
    ],
    [
      'a line with a year and no link reads as a date line (not a cut-off)',
      'a.txt',
      `${ONE}发布于2019年某日\n`,
      { f: 'flattened-feed', c: [], r: [first(null)] },
    ],
    [
      'a line with a short number is not a date line: the item has none and the line is left over',
      'a.txt',
      `${ONE}2019-01-10\n第二份 http://x.gov.cn/a/2.html 正文，内容。\n]]>\n附件3\n`,
      {
        f: 'flattened-feed',
        c: ['flatCutOff:["1","2","6"]'],
        r: [first('2019-01-10'), ['第二份', 'http://x.gov.cn/a/2.html', null, null, ['正文，内容。']]],
      },
    ],
    [
      'a head line whose http link holds a year is the next item, not a date',
      'a.txt',
      `${ONE}第二份报告 http://x.gov.cn/2019/2.html 正文二，内容。\n]]>\n2018-01-10\n`,
      { f: 'flattened-feed', c: [], r: [first(null), ['第二份报告', 'http://x.gov.cn/2019/2.html', '2018-01-10', null, ['正文二，内容。']]] },
    ],
    [
      'an http head line after ]]> is enough to sniff the feed; the unfinished item is reported',
      'a.txt',
      `${ONE}第二份报告 http://x.gov.cn/a/2.html 正文二，内容。\n还有一行\n`,
      { f: 'flattened-feed', c: ['flatCutOff:["2","1","3"]'], r: [first(null)] },
    ],
    [
      ']]> as the last line ends the last item',
      'a.txt',
      `${CH}第一份报告 http://x.gov.cn/a/1.html ${B1}\n]]>`,
      { f: 'flattened-feed', c: [], r: [first(null)] },
    ],
    [
      'a head line without a link: no title, no link, all of it body',
      'a.txt',
      `${ONE}2019-01-10\n第二份报告没有链接，正文。\n]]>\n2018-01-10\n`,
      { f: 'flattened-feed', c: [], r: [first('2019-01-10'), ['a', null, '2018-01-10', null, ['第二份报告没有链接，正文。']]] },
    ],
    [
      'a long line after ]]> (over 40 characters) is neither a date nor a head: not a flattened feed',
      'a.txt',
      `${ONE}2019年这是一行很长的文字而不是日期，它超过了四十个字符的限制，所以不是日期行。\n`,
      {
        f: 'text',
        c: [],
        r: [
          [
            'a',
            null,
            null,
            null,
            [`${CH}第一份报告 http://x.gov.cn/a/1.html ${B1}`, ']]>', '2019年这是一行很长的文字而不是日期，它超过了四十个字符的限制，所以不是日期行。'],
          ],
        ],
      },
    ],
    [
      'a flattened feed never takes its year from the file name',
      '2016.txt',
      `${CH}第一份报告 http://x.gov.cn/a/1.html 正文内容，没有年份。\n]]>\n\n`,
      { f: 'flattened-feed', c: [], r: [['第一份报告', 'http://x.gov.cn/a/1.html', null, null, ['正文内容，没有年份。']]] },
    ],
    [
      'an impossible channel date is reported',
      'a.txt',
      `报告 http://x.gov.cn/rss.jsp?id=1 报告-RSS 2019-21-18 04:21:54 2019-21-18 04:21:54 第一份报告 http://x.gov.cn/a/1.html ${B1}\n]]>\n2019-01-10\n`,
      { f: 'flattened-feed', c: ['invalidChannelDate:["2019-21-18 04:21:54"]'], r: [first('2019-01-10')] },
    ],
  ];
  for (const [slip, name, text, want] of rows) {
    const r = importSource(name, enc(text));
    const got = { f: r.format, c: r.diagnostics.map(show), r: r.reports.map((p) => [p.title, p.link, p.published, p.year, p.paragraphs.map((x) => x.text)]) };
    assert.deepEqual(got, want, slip);
  }
});

test('HTML bodies: skipped elements, block elements, <pre> lines (none lost), line breaks between CJK and Latin', () => {
  const body =
    '<p>开头段落，正文。<style>p{color:red}</style><frameset>框架</frameset><applet>小程序</applet><title>标题</title><map>地图</map></p>甲<ol>乙</ol>丙<dl><dt>丁</dt></dl>戊<table><tr><td>己</td></tr><tr><td>己</td><td>庚</td></tr></table><center>辛</center><fieldset>壬</fieldset>癸<pre>第一行\n第二行</pre><p>中文\n换行</p><p>ab\ncd</p><p>x<br>y</p>';
  // A one-cell row's cell is a block; a row of two short cells is one block, a table row (its cells joined).
  const want = ['开头段落，正文。', '甲', '乙', '丙', '丁', '戊', '己', '己 庚', '辛', '壬', '癸', '第一行', '第二行', '中文换行', 'ab cd', 'x', 'y'];
  assert.deepEqual(paras('a.xml', rss(`<item><title>一</title><description><![CDATA[${body}]]></description></item>`)), [want]);
  // A page's <pre>: every line is a paragraph, the first one too (it was lost: a real bug, fixed).
  const page = `<html><body><div id="zoom"><p>${ZH}</p><pre>第一行文字内容\n第二行文字内容\n第三行文字内容</pre></div></body></html>`;
  assert.deepEqual(paras('a.html', page), [[ZH, '第一行文字内容', '第二行文字内容', '第三行文字内容']]);
});

test('chrome: the head of scraped web text (breadcrumb, 来源/时间 lines, buttons) goes, said once with a sample', () => {
  const text =
    '首页\n>\n政务公开\n>\n工作报告\n某区2019年政府工作报告\n来源：某区政府办\n发布时间：2019-01-10\n打印\n关闭\n各位代表：\n今年以来，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升。\n一、主要工作\n全年完成地区生产总值增长百分之六，居民收入稳步增长，社会保持稳定。\n';
  const r = importSource('a.txt', enc(text)).reports[0];
  assert.deepEqual(
    [r.title, r.published, r.diagnostics.filter((d) => d.code === 'chromeRemoved').map(show), r.paragraphs.map((p) => p.text)],
    [
      '某区2019年政府工作报告',
      '2019-01-10',
      ['chromeRemoved:["9","首页 · > · 政务公开 · > · 工作报告 · 来源：某区政府办 …"]'],
      [
        '各位代表：',
        '今年以来，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升。',
        '一、主要工作',
        '全年完成地区生产总值增长百分之六，居民收入稳步增长，社会保持稳定。',
      ],
    ],
  );
});

/** A page's title and paragraphs (or its problems when it has no report). */
function page(html: string): [string | null, string[]] | string[] {
  const r = importSource('a.html', enc(html));
  return r.reports.length ? [r.reports[0].title, r.reports[0].paragraphs.map((p) => p.text)] : r.diagnostics.map(show);
}
const B = '乙方说明：全年共办理各类事项一千余件，群众满意率达到百分之九十以上，服务水平明显提高。';

test('page article: a known CMS container wins; related, comment and ad blocks never are the article', () => {
  for (const sel of ['id="zoom"', 'id="UCAP-CONTENT"', 'class="article-content"', 'id="article-content"', 'class="con"', 'id="con"', 'class="main con"']) {
    assert.deepEqual(page(`<html><body><div ${sel}><p>${ZH}</p><p>${ZH}</p></div><div><p>${B}</p></div></body></html>`), ['a', [ZH, ZH]], sel);
  }
  // Not a known container: the tightest element with 80% of the prose is the body, and B is in.
  assert.deepEqual(page(`<html><body><div class="xx"><p>${ZH}</p><p>${ZH}</p></div><div><p>${B}</p></div></body></html>`), ['a', [ZH, ZH, B]]);
  for (const cls of [
    'comment',
    'comments',
    'pinglun-list',
    'box tuijian',
    'ads',
    'share_box',
    'relate',
    'news-related',
    'related2',
    'xgxw',
    'xglj',
    'recommend',
  ]) {
    assert.deepEqual(page(`<html><body><div><p>${ZH}</p></div><div class="${cls}"><p>${B}${B}${B}</p></div></body></html>`), ['a', [ZH]], cls);
  }
  // Not-text elements are removed before the article is looked for: their prose never draws it away.
  for (const t of ['noscript', 'template', 'iframe', 'object', 'svg']) {
    assert.deepEqual(page(`<html><body><div><p>${ZH}</p></div><div><${t}><p>${B}${B}${B}${B}</p></${t}></div></body></html>`), ['a', [ZH]], t);
  }
});

test('page chrome inside the article: small forms and chrome classes go (by id and class together), long ones stay', () => {
  assert.deepEqual(page(`<html><body><div id="zoom"><p>${ZH}</p><div id="box1" class="share">分享到微信朋友圈</div></div></body></html>`), ['a', [ZH]]);
  assert.deepEqual(page(`<html><body><div id="zoom"><form><p>${ZH}${ZH}${ZH}</p></form><form>搜索本站内容</form></div></body></html>`), ['a', [ZH + ZH + ZH]]);
  assert.deepEqual(
    page(`<html><body><div id="zoom"><p>${ZH}</p><div class="tools"><p>${ZH.repeat(5)}</p></div><div class="tools">打印本页关闭窗口</div></div></body></html>`),
    ['a', [ZH, ZH.repeat(5)]],
  );
});

test('page title: headings that are column names, a heading inside the article, a heading split over blocks, no title at all', () => {
  const rows: [string, string, string][] = [
    ['a heading that only starts with a column name', '<h1>某区工作动态</h1>', '某区工作动态'],
    ['a heading that only ends with one', '<h1>工作动态汇编</h1>', '工作动态汇编'],
    ['a column name and a title', '<h1>通知公告 某区2019年工作报告</h1>', '通知公告 某区2019年工作报告'],
    ['two column names (two spaces between)', '<h1>通知公告  首页</h1>', 'a'],
    ['one column name', '<h1>通知公告</h1>', 'a'],
    ['no heading and no <title>: the file name', '', 'a'],
  ];
  for (const [slip, head, title] of rows) assert.deepEqual(page(`<html><body>${head}<div id="zoom"><p>${ZH}</p></div></body></html>`), [title, [ZH]], slip);
  assert.deepEqual(
    page(`<html><head><title>首页_某区政府网</title></head><body><div id="zoom"><h1>某区2019年法治政府建设报告</h1><p>${ZH}</p></div></body></html>`),
    ['某区2019年法治政府建设报告', [ZH]],
    'a heading that opens the article',
  );
  assert.deepEqual(
    page(
      `<html><head><meta name="ArticleTitle" content="某县人民政府关于2018年度法治政府建设情况的报告"></head><body><div id="zoom"><p>某县人民政府关于</p><p>2018年度法治政府</p><p>建设情况的报告</p><p>${ZH}</p></div></body></html>`,
    ),
    ['某县人民政府关于2018年度法治政府建设情况的报告', [ZH]],
    'the title printed over three blocks is taken out of the body',
  );
});

/** A text's title, date, what the chrome removal said, and its paragraphs. */
function text(t: string, name = 'a.txt') {
  const p = importSource(name, enc(t)).reports[0];
  return [p.title, p.published, p.diagnostics.filter((d) => d.code === 'chromeRemoved').map((d) => d.args), p.paragraphs.map((x) => x.text)];
}

test('chrome rules: punctuation lines, bracketed buttons, where the head ends, key-value lengths, 来源 is not a date, the tail', () => {
  const T = '某区2019年政府工作报告';
  const A = ZH;
  const P30 = '我们坚持稳中求进，经济运行总体平稳，发展质量稳步提升成效显著';
  const V45 = '本报告由某区人民政府办公室根据有关规定编制并在区政府门户网站政府信息公开专栏发布供公众查阅';
  const V40 = V45.slice(0, 40);
  const rows: [string, string, unknown[]][] = [
    ['lines of two punctuation marks', `${T}\n>>\n【\n${A}\n`, [T, null, [['2', '>> · 【']], [A]]],
    ['bracketed buttons with spaces are short tokens', `${T}\n[ 加大 ]\n[ 减小 ]\n${A}\n`, [T, null, [['2', '[ 加大 ] · [ 减小 ]']], [A]]],
    ['short lines after the first prose line are body', `${T}\n${A}\n甲乙\n丙丁\n${A}\n`, [T, null, [], [A, '甲乙', '丙丁', A]]],
    ['a prose line of exactly 30 characters ends the head', `${T}\n${P30}\n甲乙\n丙丁\n${A}\n`, [T, null, [], [P30, '甲乙', '丙丁', A]]],
    ['a key-value line with a value over 40 characters stays', `${T}\n备注说明：${V45}\n${A}\n`, [T, null, [], [`备注说明：${V45}`, A]]],
    ['…one of exactly 40 goes', `${T}\n备注说明：${V40}\n${A}\n`, [T, null, [['1', `备注说明：${V40}`]], [A]]],
    ['a tail field with a value over 40 characters stays', `${T}\n${A}\n${A}\n来源：${V45}\n`, [T, null, [], [A, A, `来源：${V45}`]]],
    ['…one of exactly 40 goes', `${T}\n${A}\n${A}\n来源：${V40}\n`, [T, null, [['1', `来源：${V40}`]], [A, A]]],
    ['a date in a 来源 line is not the date', `${T}\n来源：某日报2019年1月9日\n${A}\n`, [T, null, [['1', '来源：某日报2019年1月9日']], [A]]],
    ['a 发布时间 line is the date', `${T}\n发布时间：2019年1月9日\n${A}\n`, [T, '2019-01-09', [['1', '发布时间：2019年1月9日']], [A]]],
    [
      'bare keys with their values on the next line',
      `${T}\n来源：\n某区政府办\n时间：\n2019-01-09 10:00\n${A}\n`,
      [T, '2019-01-09T10:00:00', [['4', '来源： · 某区政府办 · 时间： · 2019-01-09 10:00']], [A]],
    ],
    ['a salutation before prose stays', `${T}\n各位代表：\n${A}\n`, [T, null, [], ['各位代表：', A]]],
    [
      'a related-links block at the end',
      `${T}\n${A}\n${A}\n相关链接：\n某区2018年政府工作报告\n某区2017年政府工作报告\n`,
      [T, null, [['3', '相关链接： · 某区2018年政府工作报告 · 某区2017年政府工作报告']], [A, A]],
    ],
    [
      'a footer',
      `${T}\n${A}\n${A}\n版权所有：某区人民政府\n【打印本页】【关闭窗口】\n`,
      [T, null, [['2', '版权所有：某区人民政府 · 【打印本页】【关闭窗口】']], [A, A]],
    ],
    ['a photo caption in the body', `${T}\n${A}\n会议现场。记者 张三 摄\n${A}\n`, [T, null, [['1', '会议现场。记者 张三 摄']], [A, A]]],
    [
      'a breadcrumb line, and the title printed twice (the copy is not counted as removed text)',
      `首页 > 政务公开 > 报告\n${T}\n${T}\n${A}\n`,
      [T, null, [['1', '首页 > 政务公开 > 报告']], [A]],
    ],
  ];
  for (const [slip, t, want] of rows) assert.deepEqual(text(t), want, slip);
});

test('lines: the title line and what is not one, titles broken over lines, the front-matter date', () => {
  const A = ZH;
  const M80 = '某'.repeat(80);
  const rows: [string, string, unknown[]][] = [
    [
      'a document number comes before the title and stays in the body',
      `南府报〔2019〕3号\n\n某区人民政府关于2018年工作的报告\n\n${A}\n`,
      ['某区人民政府关于2018年工作的报告', null, [], ['南府报〔2019〕3号', A]],
    ],
    ['a line that ends with a colon is not the title', `各位代表：\n${A}\n`, ['a', null, [], ['各位代表：', A]]],
    ['a chapter heading is not the title', `一、总体情况和主要做法\n${A}\n`, ['a', null, [], ['一、总体情况和主要做法', A]]],
    ['…nor a section name ending in 工作情况', `2019年工作情况\n${A}\n`, ['a', null, [], ['2019年工作情况', A]]],
    ['a title of 80 characters', `${M80}\n${A}\n`, [M80, null, [], [A]]],
    ['…not of 81', `某${M80}\n${A}\n`, ['a', null, [], [`某${M80}`, A]]],
    ['a single line is not a title of nothing', '某区2019年政府工作报告\n', ['某区2019年政府工作报告', null, [], []]],
    ['a title broken before its last character', `某区2019年政府工作报\n告\n\n${A}\n`, ['某区2019年政府工作报告', null, [], [A]]],
    [
      'an issuer line, then 关于…的报告',
      `某区人民政府\n关于2019年法治政府建设情况的报告\n\n${A}\n`,
      ['某区人民政府关于2019年法治政府建设情况的报告', null, [], [A]],
    ],
    [
      'an issuer line, then the year and the report',
      `黔东南苗族侗族自治州\n2016年国民经济和社会发展统计公报\n\n${A}\n`,
      ['黔东南苗族侗族自治州2016年国民经济和社会发展统计公报', null, [], [A]],
    ],
    [
      'a date alone in the front matter dates the report and stays',
      `某区统计局关于统计工作的报告\n某区统计局\n2017年3月16日\n\n${A}\n`,
      ['某区统计局关于统计工作的报告', '2017-03-16', [], ['某区统计局', '2017年3月16日', A]],
    ],
    [
      'a date in brackets in the front matter dates the report',
      `某区人民政府关于法治政府建设情况的报告\n（2017年3月16日）\n\n${A}\n`,
      ['某区人民政府关于法治政府建设情况的报告', '2017-03-16', [], ['（2017年3月16日）', A]],
    ],
    [
      'a date after a dash, with the session it was delivered at',
      `某区人民政府工作报告\n——2024年1月15日在某区第十八届人民代表大会第二次会议上\n\n${A}\n`,
      ['某区人民政府工作报告', '2024-01-15', [], ['——2024年1月15日在某区第十八届人民代表大会第二次会议上', A]],
    ],
    [
      'a session line that names its speaker too',
      `某区人民政府工作报告\n2025年1月14日在某区第十八届人民代表大会第三次会议上区长张工同志作政府工作报告。\n\n${A}\n`,
      ['某区人民政府工作报告', '2025-01-14', [], ['2025年1月14日在某区第十八届人民代表大会第三次会议上区长张工同志作政府工作报告。', A]],
    ],
    [
      'a date inside a sentence is not a date line',
      `某区人民政府工作报告\n2024年1月15日召开了会议\n\n${A}\n`,
      ['某区人民政府工作报告', null, [], ['2024年1月15日召开了会议', A]],
    ],
    // (It dates the report all the same, as its closing line.)
    [
      '…not one after the first prose',
      `某区统计局关于统计工作的报告\n${A}\n2017年3月16日\n`,
      ['某区统计局关于统计工作的报告', '2017-03-16', [], [A, '2017年3月16日']],
    ],
  ];
  for (const [slip, t, want] of rows) assert.deepEqual(text(t), want, slip);
});

test('lines: broken headings are joined back only when they are numbered headings of at most 30 characters; wrapped lines and zero-width lines', () => {
  const A = ZH;
  const T = '某区2019年工作报告';
  const H30 = `三、${'持'.repeat(28)}`;
  const rows: [string, string, string[]][] = [
    ['two short unnumbered lines stay apart', `${T}\n\n${A}\n\n项目基本概况\n\n资金安排情况\n\n${A}\n`, [A, '项目基本概况', '资金安排情况', A]],
    ['a numbered heading and its rest', `${T}\n\n${A}\n\n三、持续提升政府\n\n治理效能和服务水平\n\n${A}\n`, [A, '三、持续提升政府治理效能和服务水平', A]],
    ['a numbered heading of 30 characters', `${T}\n\n${A}\n\n${H30}\n\n治理效能\n\n${A}\n`, [A, `${H30}治理效能`, A]],
    ['…not of 31', `${T}\n\n${A}\n\n${H30}持\n\n治理效能\n\n${A}\n`, [A, `${H30}持`, '治理效能', A]],
    [
      'a zero-width line inside a sentence joins its halves',
      `${T}\n\n${A}\n\n要全面深化各领域改\n\u200b\n革，推动高质量发展。\n\n${A}\n`,
      [A, '要全面深化各领域改革，推动高质量发展。', A],
    ],
    [
      'lines wrapped inside blank-line paragraphs are joined; a sentence end or a marker is not',
      `${T}\n\n${A}\n\n新建\n高速铁路\n投产里程一千公里，成效明显。\n\n${A}\n\n一是\n发行债券一千亿元。\n\n${A}\n`,
      [A, '新建高速铁路投产里程一千公里，成效明显。', A, '一是发行债券一千亿元。', A],
    ],
  ];
  for (const [slip, t, want] of rows) assert.deepEqual(text(t)[3], want, slip);
});

test('feeds: Atom links and dates, RSS date fields and the longer body, cut-off feeds, no items, titles with markup, foreign fields, entities', () => {
  const atom = (e: string) => `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>某区</title>\n${e}\n</feed>`;
  const rssNs = (items: string) =>
    `<?xml version="1.0"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="c">\n<channel>\n<title>某区</title>\n${items}\n</channel>\n</rss>`;
  const get = (t: string) => {
    const r = importSource('a.xml', enc(t));
    return { f: r.format, c: r.diagnostics.map(show), r: r.reports.map((p) => [p.title, p.link, p.published, p.paragraphs.map((x) => x.text)]) };
  };
  const rows: [string, string, unknown][] = [
    [
      'Atom: the alternate link (trimmed), not self; published before updated; type text is split at line breaks',
      atom(
        '<entry><title>一</title><link rel="self" href="http://a/self"/><link rel="alternate" href=" http://a/alt "/><published>2019-01-10T08:00:00Z</published><updated>2019-02-01T00:00:00Z</updated><content type="text">第一行，正文。\n第二行，正文。</content></entry>',
      ),
      { f: 'atom', c: [], r: [['一', 'http://a/alt', '2019-01-10T08:00:00Z', ['第一行，正文。', '第二行，正文。']]] },
    ],
    [
      'Atom: a link with no rel, not edit; updated alone; XHTML content longer than the summary wins',
      atom(
        '<entry><title>一</title><link rel="edit" href="http://a/edit"/><link href="http://a/page"/><updated>2019-02-01</updated><summary type="html">&lt;p&gt;摘要，正文。&lt;/p&gt;</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>正文一，内容很长很长。</p><p>正文二，内容。</p></div></content></entry>',
      ),
      { f: 'atom', c: [], r: [['一', 'http://a/page', '2019-02-01', ['正文一，内容很长很长。', '正文二，内容。']]] },
    ],
    [
      'RSS: pubDate before dc:date; an empty link and a non-URL guid give no link; content:encoded longer than the description wins',
      rssNs(
        '<item><title>一</title><link></link><guid>urn:x</guid><dc:date>2019-03-01</dc:date><pubDate>Tue, 10 Jan 2019 08:00:00 GMT</pubDate><description>短。</description><content:encoded><![CDATA[<p>长正文，内容更多更多。</p>]]></content:encoded></item>',
      ),
      { f: 'rss', c: [], r: [['一', null, '2019-01-10T08:00:00Z', ['长正文，内容更多更多。']]] },
    ],
    [
      'RSS: dc:date alone',
      rssNs('<item><title>一</title><dc:date>2019-03-01</dc:date><description>正文，内容。</description></item>'),
      { f: 'rss', c: [], r: [['一', null, '2019-03-01', ['正文，内容。']]] },
    ],
    [
      'a feed cut off inside an item keeps the items before it and names the cut one',
      '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>某区</title>\n<item><title>一</title><description>正文一，内容。</description></item>\n<item><title>二</title><description>正文二',
      { f: 'rss', c: ['feedCutOff:["item","2"," (“二”)","6","1"]'], r: [['一', null, null, ['正文一，内容。']]] },
    ],
    ['an RSS feed with no items', rssNs(''), { f: 'rss', c: ['noItems:["RSS","items"]'], r: [] }],
    ['an Atom feed with no entries', atom(''), { f: 'atom', c: ['noItems:["Atom","entries"]'], r: [] }],
    [
      'a title with a line break in its markup reads as two words',
      rssNs('<item><title>一&lt;br&gt;二号</title><description>正文，内容。</description></item>'),
      { f: 'rss', c: [], r: [['一 二号', null, null, ['正文，内容。']]] },
    ],
    [
      'media:description is not the body',
      rssNs(
        '<item xmlns:media="m"><title>一</title><media:description>媒体描述很长很长很长很长很长很长。</media:description><description>正文，内容。</description></item>',
      ),
      { f: 'rss', c: [], r: [['一', null, null, ['正文，内容。']]] },
    ],
    [
      'a prefixed Atom feed reads its prefixed fields',
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:title>一</a:title><a:link href="http://a/p"/><a:content type="html">&lt;p&gt;正文，内容。&lt;/p&gt;</a:content></a:entry></a:feed>',
      { f: 'atom', c: [], r: [['一', 'http://a/p', null, ['正文，内容。']]] },
    ],
    [
      'a declared entity is not undefined',
      '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY foo "x">]>\n<rss version="2.0"><channel><item><title>一&foo;</title><description>正文，内容。</description></item></channel></rss>',
      { f: 'rss', c: [], r: [['一&foo;', null, null, ['正文，内容。']]] },
    ],
    [
      'undefined entities: the first five, then …',
      rssNs('<item><title>&a1;&a2;&a3;&a4;&a5;&a6;</title><description>正文，内容。</description></item>'),
      {
        f: 'rss',
        c: ['undefinedEntities:["&a1; (line 5), &a2; (line 5), &a3; (line 5), &a4; (line 5), &a5; (line 5), …"]'],
        r: [['&a1;&a2;&a3;&a4;&a5;&a6;', null, null, ['正文，内容。']]],
      },
    ],
  ];
  for (const [slip, t, want] of rows) assert.deepEqual(get(t), want, slip);
  // Items with the same link are told apart by a suffix.
  const dup = importSource(
    'a.xml',
    enc(rssNs('<item><title>一</title><link>http://a/1</link><description>正文，内容。</description></item>'.repeat(3))),
  ).reports.map((r) => r.id);
  assert.deepEqual(dup, [dup[0], `${dup[0]}.1`, `${dup[0]}.2`]);
});

test('import: size, emptiness, binary files named by their extension, and the decoding notes', () => {
  const get = (name: string, b: Uint8Array, o = {}) => {
    const r = importSource(name, b, o);
    return [r.format, r.diagnostics.map((d) => `${d.severity}:${show(d)}`), r.reports.length];
  };
  const nul = new Uint8Array(50);
  const rows: [string, string, Uint8Array, object, unknown[]][] = [
    [
      'over the limit, in MB',
      'a.txt',
      new Uint8Array(3 * 1024 * 1024).fill(0x41),
      { maxBytes: 2 * 1024 * 1024 },
      ['text', ['error:tooLarge:["3.0","2.0"]'], 0],
    ],
    ['exactly at the limit is read', 'a.txt', new Uint8Array(100).fill(0x41), { maxBytes: 100 }, ['text', [], 1]],
    ['empty', 'a.pdf', new Uint8Array(0), {}, ['pdf', ['error:empty:[]'], 0]],
    ['white space only (ideographic and no-break spaces too)', 'a.htm', enc(' \n\u3000\u00a0\t'), {}, ['html', ['error:whitespaceOnly:[]'], 0]],
    ['a BOM and white space', 'a.txt', enc('\uFEFF  \n'), {}, ['text', ['error:whitespaceOnly:[]'], 0]],
    ['a .docx that is not a zip', 'a.docx', nul, {}, ['docx', ['error:zipBroken:["it is not a zip archive"]'], 0]],
    ['a .PDF that is not a PDF', 'a.PDF', nul, {}, ['pdf', ['error:pdfDamaged:["it does not start with %PDF-"]'], 0]],
    ['binary .rss', 'a.rss', nul, {}, ['rss', ['error:binary:[]'], 0]],
    ['binary .atom behind a query', 'x/a.atom?x=1', nul, {}, ['atom', ['error:binary:[]'], 0]],
    ['binary with no extension', 'README', nul, {}, ['text', ['error:binary:[]'], 0]],
    ['binary .htm behind a fragment', 'a.htm#frag', nul, {}, ['html', ['error:binary:[]'], 0]],
    [
      'UTF-8 under a gb2312 declaration',
      'a.html',
      enc(`<html><head><meta charset="gb2312"></head><body><p>${ZH}</p></body></html>`),
      {},
      ['html', ['info:misdeclared:["GBK"]'], 1],
    ],
    ['UTF-8 cut in a character', 'a.txt', concat(enc(ZH.repeat(3)), new Uint8Array([0xe4, 0xbb])), {}, ['text', ['warning:utf8Repaired:["1"]'], 1]],
  ];
  for (const [slip, name, b, o, want] of rows) assert.deepEqual(get(name, b, o), want, slip);
});

test('page: title from <title> parts and headings, link and date from the head, info lines, hidden and chrome elements, too deep', () => {
  const get = (html: string) => {
    const r = importSource('a.html', enc(html));
    const p = r.reports[0];
    if (!p) return r.diagnostics.map(show);
    const codes = p.diagnostics.map((d) => d.code).filter((c) => c !== 'noMarkers' && c !== 'titleFromFileName');
    return [p.title, p.link, p.published, codes, p.paragraphs.map((x) => (x.text === ZH ? 'ZH' : x.text))];
  };
  const doc = (b: string, head = '') => `<html><head>${head}</head><body>${b}</body></html>`;
  const zoom = `<div id="zoom"><p>${ZH}</p></div>`;
  const deep = `${'<div>'.repeat(520)}<p>${ZH}</p>${'</div>'.repeat(520)}`;
  const rows: [string, string, unknown][] = [
    [
      '<title>: the part before _ that names a report, without the site name',
      doc(zoom, '<title>某区2019年政府工作报告_某区人民政府门户网站</title>'),
      ['某区2019年政府工作报告', null, null, [], ['ZH']],
    ],
    [
      '<title>: a dash with no spaces belongs to the title; | and spaced dashes separate',
      doc(zoom, '<title>首页 - 2016—2018年某区发展回顾 | 某区政府网</title>'),
      ['2016—2018年某区发展回顾', null, null, [], ['ZH']],
    ],
    [
      '<title>: the part with a year when none names a report',
      doc(zoom, '<title>某区 - 2019年某区专题 - 某区政府网</title>'),
      ['2019年某区专题', null, null, [], ['ZH']],
    ],
    [
      'a heading that names no report loses to a <title> part that does',
      doc(`<h1>某区重点工作推进</h1>${zoom}`, '<title>2019年某区政府工作报告_某区政府网</title>'),
      ['2019年某区政府工作报告', null, null, [], ['ZH']],
    ],
    [
      'a heading that names a report wins',
      doc(`<h1>某区2019年政府工作报告</h1>${zoom}`, '<title>某区专题_某区政府网</title>'),
      ['某区2019年政府工作报告', null, null, [], ['ZH']],
    ],
    ['<h1> before <h2>', doc(`<h2>某区二级标题内容</h2><h1>某区一级标题内容</h1>${zoom}`), ['某区一级标题内容', null, null, [], ['ZH']]],
    [
      'a *title* class before <h3>',
      doc(`<h3>某区三级标题内容</h3><div class="art-title">某区类名标题内容</div>${zoom}`),
      ['某区类名标题内容', null, null, [], ['ZH']],
    ],
    ['a site name is no heading', doc(`<h1>某区人民政府门户网站</h1>${zoom}`), ['a', null, null, [], ['ZH']]],
    ['a chapter heading is no title', doc(`<h1>一、总体工作情况</h1>${zoom}`), ['a', null, null, [], ['ZH']]],
    ['a breadcrumb is no title', doc(`<h1>当前位置：首页政务公开</h1>${zoom}`), ['a', null, null, [], ['ZH']]],
    ['a sidebar heading is no title', doc(`<div class="left"><h1>某区侧栏标题内容</h1></div>${zoom}`), ['a', null, null, [], ['ZH']]],
    ['a heading after the article is no title', doc(`${zoom}<h1>某区页脚后的标题</h1>`), ['a', null, null, [], ['ZH']]],
    ['a heading of fewer than 4 ideographs is no title', doc(`<h1>某区</h1>${zoom}`), ['a', null, null, [], ['ZH']]],
    [
      'the canonical link (trimmed) and PubDate',
      doc(zoom, '<meta name="PubDate" content="2019-01-10 08:00"><link rel="canonical" href=" http://a/p.html ">'),
      ['a', 'http://a/p.html', '2019-01-10T08:00:00', [], ['ZH']],
    ],
    [
      'og:url, og:title (as text) and article:published_time',
      doc(
        zoom,
        '<meta property="og:url" content="http://a/og.html"><meta property="og:title" content="某区&lt;b&gt;报告&lt;/b&gt;"><meta property="article:published_time" content="2019-02-03">',
      ),
      ['某区报告', 'http://a/og.html', '2019-02-03', [], ['ZH']],
    ],
    [
      'a 发布时间 in the page text outside the article dates it',
      doc(`<div class="info">发布时间：2019-01-10 来源：某区</div>${zoom}`),
      ['a', null, '2019-01-10', [], ['ZH']],
    ],
    [
      'info lines that open the article go',
      doc(`<div id="zoom"><p>发布时间：2019-01-10</p><p>来源：某区政府办</p><p>${ZH}</p></div>`),
      ['a', null, '2019-01-10', [], ['ZH']],
    ],
    [
      'an info line of several fields goes',
      doc(`<div id="zoom"><p>发布日期：2019-01-10 来源：某区 浏览次数：100</p><p>${ZH}</p></div>`),
      ['a', null, '2019-01-10', [], ['ZH']],
    ],
    ['a date with no digit is no date', doc(zoom, '<meta name="PubDate" content="未知">'), ['a', null, null, [], ['ZH']]],
    [
      'hidden elements (style or attribute) are not text',
      doc(
        `<div id="zoom"><p>${ZH}</p><p style="display: none">隐藏的文字内容</p><p style="visibility:hidden">不可见的文字内容</p><p hidden>隐藏属性文字</p></div>`,
      ),
      ['a', null, null, [], ['ZH']],
    ],
    [
      'nav, footer and aside inside the article go',
      doc(`<div id="zoom"><nav>导航栏目内容很多</nav><p>${ZH}</p><footer>页脚版权内容</footer><aside>侧边栏目内容</aside></div>`),
      ['a', null, null, [], ['ZH']],
    ],
    [
      'chrome classes go by whole words (page-nav, footer2, btn-print), not inside a word (navigation)',
      doc(
        `<div id="zoom"><div class="page-nav">上一篇下一篇内容</div><p>${ZH}</p><div class="footer2">页脚内容很多</div><div class="btn-print">打印此页内容</div><div class="navigation">不是导航类名</div></div>`,
      ),
      ['a', null, null, [], ['ZH', '不是导航类名']],
    ],
    ['a page with no text', doc('<div id="zoom"><button>按钮</button></div>'), ['noArticle:[]']],
    [
      'too deep: all of the text, the <title> part, a warning',
      doc(deep, '<title>某区深层页面报告_某区政府网</title>'),
      ['某区深层页面报告', null, null, ['tooDeep'], ['ZH']],
    ],
    ['too deep: a meta title first', doc(deep, '<meta name="ArticleTitle" content="元标题报告">'), ['元标题报告', null, null, ['tooDeep'], ['ZH']]],
  ];
  for (const [slip, html, want] of rows) assert.deepEqual(get(html), want, slip);
});

test('chrome: a chapter marker ends the head; separators, captions, short lines that stay, tail fields', () => {
  const T = '某区2019年政府工作报告';
  const rows: [string, string, unknown[]][] = [];
  for (const m of ['（十一）工作安排', '十一、工作安排', '第十一章 总则', '(二)工作安排', '第三部分 安排', '第二节 安排']) {
    rows.push([`a marker line (${m}) ends the head: the short lines after it are body`, `${T}\n${m}\n甲乙\n丙丁\n${ZH}\n`, [T, [], [m, '甲乙', '丙丁', ZH]]]);
  }
  rows.push(
    [
      'a marker inside a line is no marker: the short lines are a run of tokens',
      `${T}\n附件（一）\n甲乙\n丙丁\n${ZH}\n`,
      [T, [['3', '附件（一） · 甲乙 · 丙丁']], [ZH]],
    ],
    ['breadcrumb items between › and | separators', `首页\n›\n政务公开\n|\n报告\n${T}\n${ZH}\n`, [T, [['5', '首页 · › · 政务公开 · | · 报告']], [ZH]]],
    ['a photo caption in the head', `${T}\n张三 摄\n${ZH}\n`, [T, [['1', '张三 摄']], [ZH]]],
    ['航摄 and 拍摄 are words, not captions', `${T}\n${ZH}\n卫星航摄\n${ZH}\n本片由某某拍摄\n${ZH}\n`, [T, [], [ZH, '卫星航摄', ZH, '本片由某某拍摄', ZH]]],
    ['names written with a space are not tokens', `${T}\n县长 王某\n副县长 李某\n${ZH}\n`, [T, [], ['县长 王某', '副县长 李某', ZH]]],
    ['numbers of three digits are not tokens', `${T}\n123\n456\n${ZH}\n`, [T, [], ['123', '456', ZH]]],
    ['a bare key whose next line names a report keeps that line', `${T}\n专题：\n某区工作报告\n${ZH}\n`, [T, [['1', '专题：']], ['某区工作报告', ZH]]],
    ['a CMS date line in the head goes', `${T}\n2019-01-10 08:30:00\n${ZH}\n`, [T, [['1', '2019-01-10 08:30:00']], [ZH]]],
    ['bracketed buttons at the end go', `${T}\n${ZH}\n${ZH}\n【打印】【关闭】\n`, [T, [['1', '【打印】【关闭】']], [ZH, ZH]]],
    ['an editor field at the end goes', `${T}\n${ZH}\n${ZH}\n责任编辑：张三\n`, [T, [['1', '责任编辑：张三']], [ZH, ZH]]],
    ['a field whose value is a sentence stays', `${T}\n${ZH}\n${ZH}\n编辑：张三说，很好。\n`, [T, [], [ZH, ZH, '编辑：张三说，很好。']]],
    ['a 相关 head followed by prose is not a links block', `${T}\n${ZH}\n相关链接：\n${ZH}\n`, [T, [], [ZH, '相关链接：', ZH]]],
  );
  for (const [slip, t, want] of rows) {
    const [title, , removed, ps] = text(t);
    assert.deepEqual([title, removed, ps], want, slip);
  }
});

test('textLines: CR LF and CR line ends, a BOM, zero-width lines that join or do not', () => {
  const T = '某区2019年政府工作报告';
  const rows: [string, string, string[]][] = [
    ['CR LF', `${T}\r\n\r\n${ZH}\r\n\r\n${ZH}\r\n`, [ZH, ZH]],
    ['CR alone', `${T}\r${ZH}\r${ZH}\r`, [ZH, ZH]],
    ['a BOM before the title', `\uFEFF${T}\n${ZH}\n`, [ZH]],
    [
      'after a sentence end: no join',
      `${T}\n\n${ZH}\n\n要全面深化改革。\n\u200b\n推动高质量发展，成效明显。\n\n${ZH}\n`,
      [ZH, '要全面深化改革。', '推动高质量发展，成效明显。', ZH],
    ],
    [
      'before a marker: no join',
      `${T}\n\n${ZH}\n\n要全面深化各领域改\n\u200b\n一、推动高质量发展，成效明显。\n\n${ZH}\n`,
      [ZH, '要全面深化各领域改', '一、推动高质量发展，成效明显。', ZH],
    ],
    ['before a closing date: no join', `${T}\n\n${ZH}\n\n某区人民政府\n\u200b\n2019年1月10日\n\n${ZH}\n`, [ZH, '某区人民政府', '2019年1月10日', ZH]],
    ['a zero-width line first goes', `\u200b\n${T}\n\n${ZH}\n`, [ZH]],
    ['a zero-width line last goes', `${T}\n\n${ZH}\n\n要全面深化各领域改\n\u200b\u3000\n`, [ZH, '要全面深化各领域改']],
  ];
  for (const [slip, t, want] of rows) {
    const [title, , , ps] = text(t);
    assert.deepEqual([title, ps], [T, want], slip);
  }
});

test('decode: BOMs, UTF-16 XML without a BOM (it was refused as binary: fixed), undeclared Big5, a declaration in a comment', () => {
  const u16 = (s: string, be: boolean, bom: boolean) => {
    const out: number[] = bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
    for (const ch of s) {
      const c = ch.charCodeAt(0);
      out.push(...(be ? [c >> 8, c & 255] : [c & 255, c >> 8]));
    }
    return Uint8Array.from(out);
  };
  const TXT = `某区报告\n${ZH}`;
  const XML = `<?xml version="1.0" encoding="UTF-16"?><rss><channel><item><title>一</title><description>${ZH}</description></item></channel></rss>`;
  // ZH in traditional characters, in Big5 (iconv -t big5).
  const TRAD = '今年以來，我們堅持穩中求進工作總基調，經濟運行總體平穩，發展質量穩步提升，人民生活持續改善，社會大局保持穩定。';
  const big5 = fromHex(
    'a4b5a67ea548a8d3a141a7daadccb0edabf9c3ada4a4a844b669a475a740c160b0f2bdd5a141b867c0d9b942a6e6c160c5e9a5adc3ada141b56fae69bde8b671c3ada842b4a3a4c9a141a448a5c1a5cdaca1abf9c4f2a7efb5bda141aac0b77ca46aa7bdab4fabf9c3ada977a143',
  );
  const rows: [string, string, Uint8Array, unknown[]][] = [
    ['UTF-16LE with a BOM', 'a.txt', u16(TXT, false, true), ['text', [], [ZH]]],
    ['UTF-16BE with a BOM', 'a.txt', u16(TXT, true, true), ['text', [], [ZH]]],
    ['UTF-16LE XML without a BOM', 'a.xml', u16(XML, false, false), ['rss', [], [ZH]]],
    ['UTF-16BE XML without a BOM', 'a.xml', u16(XML, true, false), ['rss', [], [ZH]]],
    ['UTF-8 with a BOM', 'a.txt', concat(new Uint8Array([0xef, 0xbb, 0xbf]), enc(TXT)), ['text', [], [ZH]]],
    ['undeclared Big5 reads as Big5, with a warning', 'a.txt', big5, ['text', ['big5Detected:[]'], [TRAD]]],
    [
      'Big5 declared in the XML declaration',
      'a.xml',
      concat(enc('<?xml version="1.0" encoding="big5"?><rss><channel><item><title>t</title><description>'), big5, enc('</description></item></channel></rss>')),
      ['rss', [], [TRAD]],
    ],
    [
      'a <meta> inside a comment does not count; the next one (gbk) does, and the bytes contradict it',
      'a.html',
      concat(
        enc('<html><head><!-- <meta charset="big5"> --><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><p>'),
        big5,
        enc('</p></body></html>'),
      ),
      ['html', ['charsetMismatch:["gb18030","big5"]'], [TRAD]],
    ],
  ];
  for (const [slip, name, b, want] of rows) {
    const r = importSource(name, b);
    assert.deepEqual([r.format, r.diagnostics.map(show), r.reports[0]?.paragraphs.map((p) => p.text)], want, slip);
  }
});

test('sniffing a page: how it starts, or its extension with a tag in its head', () => {
  const get = (name: string, s: string) => {
    const r = importSource(name, enc(s));
    return [r.format, r.reports[0]?.paragraphs.map((p) => p.text)];
  };
  for (const h of [
    '<!DOCTYPE html>',
    '<html>',
    '<head></head>',
    '<body>',
    '<meta charset="utf-8">',
    '<!-- x -->',
    '<div>',
    '<p>',
    '<p class="a">',
    '<title>t</title>',
  ]) {
    assert.deepEqual(get('a.txt', `  ${h}<p>${ZH}</p>`), ['html', [ZH]], h);
  }
  for (const h of ['<pre>', '<span>']) assert.deepEqual(get('a.txt', `  ${h}<p>${ZH}</p>`), ['text', [`${h}<p>${ZH}</p>`]], h);
  for (const n of ['a.shtml', 'a.xhtml', 'a.HTM', 'a.html']) assert.deepEqual(get(n, `<span>${ZH}</span>`), ['html', [ZH]], n);
  assert.deepEqual(get('a.html', `<SPAN>${ZH}</SPAN>`), ['html', [ZH]], 'a tag in capitals');
  assert.deepEqual(get('a.html', `${ZH}\n这里没有标签。`), ['text', [ZH, '这里没有标签。']], 'a .html file with no tag is text');
  assert.deepEqual(get('a.txt', `<html><body><rss>x</rss><p>${ZH}</p></body></html>`), ['html', [ZH]], 'an <rss> inside a page');
  assert.deepEqual(
    get('a.txt', '<?xml version="1.0"?><channel><item><title>一</title><description>正文，内容。</description></item></channel>'),
    ['rss', ['正文，内容。']],
    'a channel without <rss>',
  );
});

test('flattened feed: the channel head in its date forms, links in the description, blank lines, CR LF, an empty item', () => {
  const B = '正文第一段，内容很多。';
  const ITEM = `第一份报告 http://x.gov.cn/a/1.html ${B}\n]]>\n2019-01-10\n`;
  const first = ['第一份报告', 'http://x.gov.cn/a/1.html', '2019-01-10', [B], []];
  const rows: [string, string, unknown][] = [
    [
      'RFC 822 channel dates',
      `报告 http://x.gov.cn/rss 报告-RSS Tue, 18 Jun 2019 08:19:00 GMT Tue, 18 Jun 2019 08:19:00 GMT ${ITEM}`,
      { f: 'flattened-feed', c: [], r: [first] },
    ],
    [
      'an impossible RFC 822 channel date is reported once',
      `报告 http://x.gov.cn/rss 报告-RSS Tue, 38 Jun 2019 08:19:00 GMT Tue, 18 Jun 2019 08:19:00 GMT ${ITEM}`,
      { f: 'flattened-feed', c: ['invalidChannelDate:["Tue, 38 Jun 2019 08:19:00 GMT"]'], r: [first] },
    ],
    ['a ctime channel date', `报告 http://x.gov.cn/rss 报告-RSS Tue Jun 18 08:19:00 CST 2019 ${ITEM}`, { f: 'flattened-feed', c: [], r: [first] }],
    ['an ISO channel date with an offset', `报告 http://x.gov.cn/rss 报告-RSS 2019-06-18T08:19:00+08:00 ${ITEM}`, { f: 'flattened-feed', c: [], r: [first] }],
    ['no channel date: the second link, the word before it', `报告 http://x.gov.cn/rss 报告-RSS ${ITEM}`, { f: 'flattened-feed', c: [], r: [first] }],
    [
      'a link in the channel description comes before the dates; a date in the body after the link stays in the body',
      `报告 http://x.gov.cn/rss 详见 http://x.gov.cn/about 2019-06-18 08:19:00 第一份报告 http://x.gov.cn/a/1.html ${B} 2018-01-01\n]]>\n2019-01-10\n`,
      { f: 'flattened-feed', c: [], r: [['第一份报告', 'http://x.gov.cn/a/1.html', '2019-01-10', [`${B} 2018-01-01`], []]] },
    ],
    ['one link only: the item', ITEM, { f: 'flattened-feed', c: [], r: [first] }],
    [
      'blank lines before the head, before a date line and between items',
      `\n\n报告 http://x.gov.cn/rss 报告-RSS 2019-06-18 08:19:00 ${ITEM.replace('\n2019', '\n\n\n2019')}\n\n第二份 http://x.gov.cn/a/2.html 正文二，内容。\n第二段。\n]]>\n2018-01-01\n`,
      { f: 'flattened-feed', c: [], r: [first, ['第二份', 'http://x.gov.cn/a/2.html', '2018-01-01', ['正文二，内容。', '第二段。'], []]] },
    ],
    [
      'an item with no body says so',
      '报告 http://x.gov.cn/rss 报告-RSS 2019-06-18 08:19:00 第一份报告 http://x.gov.cn/a/1.html\n]]>\n2019-01-10\n',
      { f: 'flattened-feed', c: [], r: [['第一份报告', 'http://x.gov.cn/a/1.html', '2019-01-10', [], ['emptyBody:["Item","1"]']]] },
    ],
    ['CR LF line ends', `报告 http://x.gov.cn/rss 报告-RSS 2019-06-18 08:19:00 ${ITEM.replaceAll('\n', '\r\n')}`, { f: 'flattened-feed', c: [], r: [first] }],
    [
      'spaces around ]]>',
      `报告 http://x.gov.cn/rss 报告-RSS 2019-06-18 08:19:00 ${ITEM.replace(']]>', '  ]]>  ')}`,
      { f: 'flattened-feed', c: [], r: [first] },
    ],
    [
      'no link on the first line: not a flattened feed',
      `报告 没有链接\n${ITEM}`,
      { f: 'text', c: [], r: [['报告 没有链接', null, null, [`第一份报告 http://x.gov.cn/a/1.html ${B}`, ']]>', '2019-01-10'], []]] },
    ],
    [
      ']]> not alone on its line: not a flattened feed',
      `报告 http://x.gov.cn/rss 报告-RSS 2019-06-18 08:19:00 第一份报告 http://x.gov.cn/a/1.html ${B}]]>\n2019-01-10\n`,
      {
        f: 'text',
        c: [],
        r: [['a', null, null, [`报告 http://x.gov.cn/rss 报告-RSS 2019-06-18 08:19:00 第一份报告 http://x.gov.cn/a/1.html ${B}]]>`, '2019-01-10'], []]],
      },
    ],
  ];
  for (const [slip, t, want] of rows) {
    const r = importSource('a.txt', enc(t));
    const got = {
      f: r.format,
      c: r.diagnostics.map(show),
      r: r.reports.map((p) => [p.title, p.link, p.published, p.paragraphs.map((x) => x.text), p.diagnostics.filter((d) => d.code === 'emptyBody').map(show)]),
    };
    assert.deepEqual(got, want, slip);
  }
});

test('yearFromFileName: text and pages take a missing year from the file name; feeds never', () => {
  const A = '我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，人民生活持续改善，社会大局保持稳定。';
  const rows: [string, string, unknown[]][] = [
    ['2016年报告.txt', `某区政府工作报告\n${A}`, ['text', 2016, '某区政府工作报告']],
    ['2016年报告.html', `<html><body><p>${A}</p></body></html>`, ['html', 2016, '2016年报告']],
    ['2016年报告.xml', `<rss><channel><item><title>某区报告</title><description>${A}</description></item></channel></rss>`, ['rss', null, '某区报告']],
  ];
  for (const [name, t, want] of rows) {
    const r = importSource(name, enc(t));
    assert.deepEqual([r.format, r.reports[0].year, r.reports[0].title], want, name);
  }
});

test('capDepth: what the scan does not count as open elements (comments, CDATA, quoted attributes, raw text, void and implied-closed elements)', () => {
  const P = '<p>正文段落，内容完整。</p>';
  const HIDDEN = '<div hidden>这是隐藏的说明文字</div>';
  const wrap = (s: string) => `<html><body>${s}</body></html>`;
  const D600 = '<div>'.repeat(600);
  const VOIDS = [
    'area',
    'base',
    'basefont',
    'br',
    'col',
    'command',
    'embed',
    'frame',
    'hr',
    'img',
    'input',
    'isindex',
    'keygen',
    'link',
    'meta',
    'param',
    'source',
    'track',
    'wbr',
  ];
  const stays: [string, string][] = [
    ['tags in a comment', `<!-- ${D600} -->`],
    ['tags in CDATA', `<![CDATA[ ${D600} ]]>`],
    ['a processing instruction and declarations', `<? ${'x'.repeat(10)} ?>${'<!x>'.repeat(600)}`],
    ['tags in a double-quoted attribute', `<span title="${D600}">标注</span>`],
    ['tags in a single-quoted attribute', `<span title='${D600}'>标注</span>`],
    ...['script', 'style', 'textarea', 'title', 'xmp', 'SCRIPT'].map((t): [string, string] => [`tags in <${t}>`, `<${t}>${D600}</${t}>`]),
    ['520 of each void element', VOIDS.map((v) => `<${v}>`.repeat(520)).join('')],
    ['self-closing tags inside svg', `<svg>${'<g/>'.repeat(600)}</svg>`],
    ['<tr> and <td> close the open ones', `<table>${'<tr><td>格'.repeat(600)}</table>`],
    ['<li> closes <li>', `<ul>${'<li>项目内容'.repeat(600)}</ul>`],
    ['<dt> and <dd> close each other', `<dl>${'<dt>术语<dd>解释内容'.repeat(300)}</dl>`],
    ['<option> closes <option>', `<select>${'<option>选项'.repeat(600)}</select>`],
    ['<rt> closes <rt>', `<ruby>${'字<rt>zi'.repeat(600)}</ruby>`],
    ['<tbody> closes <tbody>', `<table>${'<tbody><tr><td>格</td></tr>'.repeat(300)}</table>`],
  ];
  for (const [slip, before] of stays) {
    const got = paras('a.html', wrap(before + HIDDEN + P))[0];
    assert.equal(got.includes('这是隐藏的说明文字'), false, slip);
    assert.equal(got.at(-1), '正文段落，内容完整。', slip);
  }
  // A / in an HTML start tag outside svg and math closes nothing: 600 <span/> nest.
  assert.deepEqual([...new Set(paras('a.html', wrap(`${'<span/>'.repeat(600)}${HIDDEN}${P}`))[0])], ['这是隐藏的说明文字', '正文段落，内容完整。']);
  // The end tags of the elements left out go too: after them, the page is shallow again.
  const after = wrap(`${D600}${HIDDEN}${P}${'</div>'.repeat(600)}<div hidden>第二段隐藏的文字</div><p>后面的正文，内容。</p>`);
  assert.deepEqual(paras('a.html', after), [['这是隐藏的说明文字', '正文段落，内容完整。', '后面的正文，内容。']]);
});

test('page article scoring: link text, prose or length, short blocks, own text beside <br>, heading ties', () => {
  const doc = (b: string) => `<html><body>${b}</body></html>`;
  const L = '<a href="#">链接文字很长很长很长很长的新闻标题，内容。</a>';
  const HALF = '这是一段普通文字很长很长很长很长的说明，内容。';
  const N32 = '这是一段没有标点符号的文字共有三十个汉字组成的内容用来测试评分吧';
  const N52 = `${N32}再加上十五个汉字的内容来测试评分规则好吗`;
  const rows: [string, string, unknown][] = [
    ['a block of links scores nothing', doc(`<div><p>${ZH}</p></div><div><p>${L.repeat(5)}</p></div>`), ['a', [ZH]]],
    [
      'half link text still scores',
      doc(`<div><p>${ZH}</p></div><div><p>${L}${HALF}</p></div>`),
      ['a', [ZH, `链接文字很长很长很长很长的新闻标题，内容。${HALF}`]],
    ],
    ['32 ideographs with no punctuation score nothing', doc(`<div><p>${ZH}</p></div><div><p>${N32}</p></div>`), ['a', [ZH]]],
    ['52 do', doc(`<div><p>${ZH}</p></div><div><p>${N52}</p></div>`), ['a', [ZH, N52]]],
    ['blocks of fewer than 10 ideographs score nothing', doc(`<div><p>${ZH}</p></div><div>${'<p>短句，好的。</p>'.repeat(20)}</div>`), ['a', [ZH]]],
    [
      'a div’s own text between <br>s scores as its block',
      doc(`<div><p>${ZH}</p></div><div>第一行文字，内容很多很多很多很多。<br>第二行文字，内容很多很多很多很多。<br>第三行文字，内容很多很多很多很多。</div>`),
      ['a', [ZH, '第一行文字，内容很多很多很多很多。', '第二行文字，内容很多很多很多很多。', '第三行文字，内容很多很多很多很多。']],
    ],
    [
      'of two <h1> before the article, the nearer',
      doc(`<h1>某区第一个标题内容</h1><h1>某区第二个标题内容</h1><div id="zoom"><p>${ZH}</p></div>`),
      ['某区第二个标题内容', [ZH]],
    ],
    [
      'a heading inside the article that does not open it is no title',
      doc(`<div id="zoom"><p>${ZH}</p><h1>某区文中的标题内容</h1></div>`),
      ['a', [ZH, '某区文中的标题内容']],
    ],
  ];
  for (const [slip, html, want] of rows) assert.deepEqual(page(html), want, slip);
});

test('lines: document numbers in other brackets, what stops a title from joining the next line, where the front-matter date search stops', () => {
  const A = ZH;
  const R = '某区人民政府关于2018年工作的报告';
  const S = '某区统计局关于统计工作的报告';
  const rows: [string, string, unknown[]][] = [
    ['a document number in square brackets', `南府报[2019] 3号\n${R}\n${A}\n`, [R, null, ['南府报[2019] 3号', A]]],
    ['a document number in full-width parentheses', `南府报（2019）12号\n${R}\n${A}\n`, [R, null, ['南府报（2019）12号', A]]],
    [
      'a title that names a report does not take a 关于…的报告 line',
      `某区工作报告\n关于2019年法治政府建设情况的报告\n\n${A}\n`,
      ['某区工作报告', null, ['关于2019年法治政府建设情况的报告', A]],
    ],
    ['…nor a year line', `某区工作报告\n2016年国民经济和社会发展统计公报\n\n${A}\n`, ['某区工作报告', null, ['2016年国民经济和社会发展统计公报', A]]],
    ['a broken title takes two more characters', `某区2019年政府工作报\n告书\n\n${A}\n`, ['某区2019年政府工作报告书', null, [A]]],
    ['…not three', `某区2019年政府工作报\n告书面\n\n${A}\n`, ['某区2019年政府工作报', null, ['告书面', A]]],
    ['…and only after an ideograph', `某区2019年政府工作报)\n告\n\n${A}\n`, ['某区2019年政府工作报)', null, ['告', A]]],
    ['the date search stops at a marker', `${S}\n一、总体情况\n2017年3月16日\n\n${A}\n`, [S, null, ['一、总体情况', '2017年3月16日', A]]],
    [
      '…and at a sentence of 20 characters',
      `${S}\n我们认真落实各项任务，取得明显成效好的。\n2017年3月16日\n\n${A}\n`,
      [S, null, ['我们认真落实各项任务，取得明显成效好的。', '2017年3月16日', A]],
    ],
    ['a date in full-width digits', `${S}\n２０１７年３月１６日\n\n${A}\n`, [S, '2017-03-16', ['２０１７年３月１６日', A]]],
  ];
  for (const [slip, t, want] of rows) {
    const [title, published, , ps] = text(t);
    assert.deepEqual([title, published, ps], want, slip);
  }
});

test('feeds: offsets and line numbers after CDATA sections set aside (raw bodies, cut-off items, bad dates, entities)', () => {
  const head = '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n';
  const get = (t: string) => {
    const r = importSource('a.xml', enc(t));
    return { c: r.diagnostics.map(show), r: r.reports.map((p) => [p.title, p.paragraphs.map((x) => x.text)]) };
  };
  const rows: [string, string, unknown][] = [
    [
      'raw HTML bodies after CDATA bodies are sliced at the right offsets',
      `${head}<item><title>一</title><description><![CDATA[<p>第一条正文，\n\n内容很长很长很长。</p>]]></description></item>\n<item><title>二</title><description><p>第二条正文，内容。</p><p>第二段。</p></description></item>\n<item><title>三</title><description><![CDATA[短]]></description></item>\n<item><title>四</title><description><p>第四条，正文。</p></description></item>\n</channel></rss>`,
      {
        c: [],
        r: [
          ['一', ['第一条正文，内容很长很长很长。']],
          ['二', ['第二条正文，内容。', '第二段。']],
          ['三', ['短']],
          ['四', ['第四条，正文。']],
        ],
      },
    ],
    [
      'a cut-off item after multi-line CDATA is named with its own line',
      `${head}<item><title>一</title><description><![CDATA[<p>第一条\n正文\n内容</p>]]></description></item>\n\n<item><title>二</title><description><![CDATA[x\ny]]></description></item>\n<item><title>三</title><description>没有结束`,
      {
        c: ['feedCutOff:["item","3"," (“三”)","10","2"]'],
        r: [
          ['一', ['第一条正文内容']],
          ['二', ['x y']],
        ],
      },
    ],
    [
      'a bad channel date after a multi-line CDATA title',
      `${head}<title><![CDATA[某区\n\n\n]]></title>\n<lastBuildDate>bad date</lastBuildDate>\n<item><title>一</title><description>正文，内容。</description></item>\n</channel></rss>`,
      { c: ['invalidFeedDate:["bad date","lastBuildDate","8"]'], r: [['一', ['正文，内容。']]] },
    ],
    [
      'entities inside CDATA are text; the ones after it are found on their lines',
      `${head}<item><title>一</title><description><![CDATA[&fake;\n\n]]></description></item>\n<item><title>二&nbsp;</title><description>正文。</description></item>\n<item><title>三&copy;</title><description>正文。</description></item>\n</channel></rss>`,
      {
        c: ['undefinedEntities:["&nbsp; (line 7), &copy; (line 8)"]'],
        r: [
          ['一', ['&fake;']],
          ['二', ['正文。']],
          ['三©', ['正文。']],
        ],
      },
    ],
    [
      'an unterminated CDATA runs to the end: the item is cut off',
      `${head}<item><title>一</title><description><![CDATA[<p>正文，内容。</p></description></item>\n</channel></rss>`,
      { c: ['feedCutOff:["item","1"," (“一”)","4","0"]'], r: [] },
    ],
  ];
  for (const [slip, t, want] of rows) assert.deepEqual(get(t), want, slip);
});

test('lines: a short line after a title that names a report is not a piece of it (目录, 前言, 区长: a real bug, fixed)', () => {
  const A = ZH;
  const rows: [string, string, unknown[]][] = [
    ['目录 after the title', `某区2019年政府工作报告\n\n目录\n\n一、总体情况\n\n${A}\n`, ['某区2019年政府工作报告', null, ['目录', '一、总体情况', A]]],
    ['前言 after the title', `政府工作报告\n\n前言\n\n${A}\n`, ['政府工作报告', null, ['前言', A]]],
    ['a speaker line after the title', `某区2019年政府工作报告\n\n区长\n\n${A}\n`, ['某区2019年政府工作报告', null, ['区长', A]]],
    [
      'a report word across the break still joins (情况报 / 告)',
      `某区2019年法治政府建设工作情况报\n告\n\n${A}\n`,
      ['某区2019年法治政府建设工作情况报告', null, [A]],
    ],
    ['…and a title with no report word yet (工作总 / 结)', `某区2019年工作总\n结\n\n${A}\n`, ['某区2019年工作总结', null, [A]]],
  ];
  for (const [slip, t, want] of rows) {
    const [title, published, , ps] = text(t);
    assert.deepEqual([title, published, ps], want, slip);
  }
});

test('HTML text: a run of white space that holds a line break is nothing between CJK characters and one space elsewhere', () => {
  const rows: [string, string][] = [
    ['中  \n  文', '中文'],
    ['中\u3000\n\u3000文', '中文'],
    ['中\u2003\n\u00a0文', '中文'],
    ['中\u200a\r\n\u202f文', '中文'],
    ['中\u205f\n\ufeff文', '中文'],
    ['中\u1680\n\u2029文', '中文'],
    ['中\u2000\n\u2001文', '中文'],
    ['中\n\u2028文', '中文'],
    ['中\x0b\n文', '中文'],
    ['ab \t\n\t cd', 'ab cd'],
    ['a\n\nb\nc', 'a b c'],
    ['（\n中）', '（中）'],
    ['中\n１', '中１'],
    ['x\n中', 'x 中'],
  ];
  for (const [html, want] of rows) {
    assert.deepEqual(
      paras('a.xml', rss(`<item><title>一</title><description><![CDATA[<p>${html}</p>]]></description></item>`)),
      [[want]],
      JSON.stringify(html),
    );
  }
});

test('chrome: more head rules (a part of the title printed again, bare keys before tokens, bracketed fields, sentences) and no head past 80 lines', () => {
  const T = '某区2019年政府工作报告';
  const rows: [string, string, unknown[]][] = [
    ['a shorter head line inside the title that names a report goes', `${T}\n政府工作报告\n${ZH}\n`, [T, [['1', '政府工作报告']], [ZH]]],
    ['…one that names none stays', `${T}\n某区2019年\n${ZH}\n`, [T, [], ['某区2019年', ZH]]],
    ['a bare key followed by buttons: all chrome', `${T}\n分享到：\n微信\n微博\n${ZH}\n`, [T, [['3', '分享到： · 微信 · 微博']], [ZH]]],
    ['a bare key before a short sentence: the key goes, the sentence stays', `${T}\n附注：\n很好，对。\n${ZH}\n`, [T, [['1', '附注：']], ['很好，对。', ZH]]],
    ['fields in brackets', `${T}\n【字号：大 中 小】\n（来源：青海日报）\n${ZH}\n`, [T, [['2', '【字号：大 中 小】 · （来源：青海日报）']], [ZH]]],
    ['a key whose value is a sentence stays', `${T}\n说明：这是一句话。\n${ZH}\n`, [T, [], ['说明：这是一句话。', ZH]]],
    ['a breadcrumb with a sentence end stays', `${T}\n首页 > 政务公开。 > 报告\n${ZH}\n`, [T, [], ['首页 > 政务公开。 > 报告', ZH]]],
    ['an author line goes', `${T}\n作者：张三\n${ZH}\n`, [T, [['1', '作者：张三']], [ZH]]],
    ['a caption in brackets in the body goes', `${T}\n${ZH}\n（记者 张三 摄）\n${ZH}\n`, [T, [['1', '（记者 张三 摄）']], [ZH, ZH]]],
  ];
  for (const [slip, t, want] of rows) {
    const [title, , removed, ps] = text(t);
    assert.deepEqual([title, removed, ps], want, slip);
  }
  // No prose in the first 80 lines: not a page, nothing is chrome.
  const [, , removed, ps] = text(`${Array.from({ length: 85 }, (_, i) => `甲乙${i}`).join('\n')}\n${ZH}\n`);
  assert.deepEqual([removed, (ps as string[]).length], [[], 85]);
});

test('last rows: date-line lengths in a flattened feed, inline block elements, a 4-block title, own text beside a block, a short sentence in the head, an unterminated script past the cap, severities', () => {
  const get = (name: string, s: string) => {
    const r = importSource(name, enc(s));
    return [r.format, r.diagnostics.map((d) => `${d.severity}:${d.code}`), r.reports.map((p) => [p.title, p.published, p.paragraphs.map((x) => x.text)])];
  };
  const CH = '报告 http://x.gov.cn/rss.jsp?id=1 报告-RSS 2019-06-18 04:21:54 2019-06-18 04:21:54 ';
  const ONE = `${CH}第一份报告 http://x.gov.cn/a/1.html 正文，内容。\n]]>\n`;
  const first = ['第一份报告', null, ['正文，内容。']];
  const pad = ' '.repeat(25);
  const L40 = `发布于2019年${'某'.repeat(32)}`;
  const rows: [string, string, string, unknown[]][] = [
    ['a loose date line is measured after trimming', 'a.txt', `${ONE}${pad}发布于2019年某日${pad}\n`, ['flattened-feed', [], [first]]],
    [
      'a short head line with an http link and a year is the next item',
      'a.txt',
      `${ONE}第二份 http://x.gov.cn/2019/2.html 正文\n]]>\n2018-01-10\n`,
      ['flattened-feed', [], [first, ['第二份', '2018-01-10', ['正文']]]],
    ],
    ['a date-ish line of 40 characters', 'a.txt', `${ONE}${L40}\n`, ['flattened-feed', [], [first]]],
    [
      '…of 41 is not one',
      'a.txt',
      `${ONE}${L40}某\n`,
      ['text', [], [['a', null, [`${CH}第一份报告 http://x.gov.cn/a/1.html 正文，内容。`, ']]>', `${L40}某`]]]],
    ],
    [
      '<dt> and <center> end blocks inside a div',
      'a.xml',
      '<rss><channel><item><title>一</title><description><![CDATA[<div>壹<dt>贰</dt>叁<center>肆</center>伍</div>]]></description></item></channel></rss>',
      ['rss', [], [['一', null, ['壹', '贰', '叁', '肆', '伍']]]],
    ],
    [
      'a title printed over four blocks is not taken out',
      'a.html',
      `<html><head><meta name="ArticleTitle" content="某县人民政府关于2018年度法治政府建设情况的报告"></head><body><div id="zoom"><p>某县人民政府</p><p>关于2018年度</p><p>法治政府建设</p><p>情况的报告</p><p>${ZH}</p></div></body></html>`,
      ['html', [], [['某县人民政府关于2018年度法治政府建设情况的报告', null, ['某县人民政府', '关于2018年度', '法治政府建设', '情况的报告', ZH]]]],
    ],
    [
      'a div’s own text with no punctuation does not score because of a prose child',
      'a.html',
      `<html><body><div>这是一段没有标点的文字共有二十个汉字吧<p>${ZH}</p></div></body></html>`,
      ['html', [], [['a', null, [ZH]]]],
    ],
    [
      'a short sentence does not end the head',
      'a.txt',
      `某区2019年政府工作报告\n很好，对。\n甲乙\n丙丁\n${ZH}\n`,
      ['text', [], [['某区2019年政府工作报告', null, ['很好，对。', ZH]]]],
    ],
    [
      'an unterminated script past the cap takes the rest',
      'a.html',
      `<html><body>${'<div>'.repeat(600)}<p>正文段落，内容完整。</p><script>var a = 1;<p>不是正文</p></body></html>`,
      ['html', [], [['a', null, ['正文段落，内容完整。']]]],
    ],
    [
      'a bad channel date is a warning',
      'a.xml',
      '<rss><channel><pubDate>bad</pubDate><item><title>一</title><description>正文。</description></item></channel></rss>',
      ['rss', ['warning:invalidFeedDate'], [['一', null, ['正文。']]]],
    ],
  ];
  for (const [slip, name, s, want] of rows) assert.deepEqual(get(name, s), want, slip);
});
