/**
 * Edge rows for the mutation testing of src/core/reader (see stryker.config.mjs), the XML and
 * decoding side: binary sniffing and decoding (decode.ts), feeds (formats/feed.ts), flattened feeds
 * (formats/flattened.ts) and the XML scan (xml.ts). Exact inputs and outputs, through importSource
 * or the package's index; each row is named for the slip it catches. reader-edges.test.ts and
 * reader-word-edges.test.ts hold the rows that came first; these are not repeated here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync } from 'fflate';
import { type Diagnostic, importSource } from '../../src/core/index.ts';
import { attrText, scanXml } from '../../src/core/reader/index.ts';

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

/** What a user sees of an import: the format, the file's problems, and each report's title and paragraphs. */
function imp(name: string, input: string | Uint8Array) {
  const r = importSource(name, typeof input === 'string' ? enc(input) : input);
  return { format: r.format, codes: r.diagnostics.map(show), reports: r.reports.map((p) => [p.title, p.paragraphs.map((x) => x.text)]) };
}

const ZH = '今年以来，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，人民生活持续改善，社会大局保持稳定。';
/** ZH in GBK (iconv -t gbk). */
const ZH_GBK = fromHex(
  'bdf1c4ead2d4c0b4a3acced2c3c7bce1b3d6cec8d6d0c7f3bdf8b9a4d7f7d7dcbbf9b5f7a3acbeadbcc3d4cbd0d0d7dccce5c6bdcec8a3acb7a2d5b9d6cac1bfcec8b2bdcce1c9fda3acc8cbc3f1c9fabbeeb3d6d0f8b8c4c9c6a3acc9e7bbe1b4f3bed6b1a3b3d6cec8b6a8a1a3',
);
const rss = (items: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n<title>某区人民政府</title>\n${items}\n</channel>\n</rss>`;

// --- decode.ts: binary or text, and the encoding.

test('looksBinary: which control bytes count (not tab to CR, not ESC), and more than 5% of them, not 5%', () => {
  /** A 200-byte text file: a line of Chinese, then ASCII with `k` copies of `byte` among it. */
  const file = (byte: number, k: number) => {
    const b = new Uint8Array(200).fill(0x2e);
    const zh = enc(ZH.slice(0, 20));
    b.set(zh);
    for (let i = 0; i < k; i++) b[zh.length + 5 + i * 4] = byte;
    return b;
  };
  const rows: [string, number, number, boolean][] = [
    // [slip, byte, count, binary]
    ['form feeds between pages (pdftotext) are text', 0x0c, 11, false],
    ['tabs are text', 0x09, 11, false],
    ['carriage returns are text', 0x0d, 11, false],
    ['ESC (terminal colours in a log) is text', 0x1b, 11, false],
    ['spaces are text', 0x20, 11, false],
    ['exactly 5% backspaces is still text', 0x08, 10, false],
    ['5.5% backspaces is binary', 0x08, 11, true],
    ['0x0E, just past CR, counts', 0x0e, 11, true],
    ['0x1F, just below space, counts', 0x1f, 11, true],
    ['0x01 counts', 0x01, 11, true],
  ];
  for (const [slip, byte, k, binary] of rows) {
    const r = imp('a.txt', file(byte, k));
    assert.deepEqual([r.codes, r.reports.length], binary ? [['binary:[]'], 0] : [[], 1], slip);
  }
});

test('looksBinary: the UTF-16 forms of `<?` (no BOM) are an XML declaration; a head one byte off is UTF-16 text with no BOM, not binary', () => {
  const u16le = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]));
  const body = u16le('xml version="1.0"?><rss><channel><item><title>一</title><description>正文，内容。</description></item></channel></rss>');
  const rows: [string, number[]][] = [
    ['UTF-16LE `<!` (a doctype, not a declaration)', [0x3c, 0, 0x21, 0]],
    ['`=` for `<` before 00 ? 00', [0x3d, 0, 0x3f, 0]],
    ['3C 01 3F 00', [0x3c, 1, 0x3f, 0]],
    ['3C 00 3F 01', [0x3c, 0, 0x3f, 1]],
    ['UTF-16BE `<!`', [0, 0x3c, 0, 0x21]],
    ['01 3C 00 3F', [1, 0x3c, 0, 0x3f]],
    ['00 3D 00 3F', [0, 0x3d, 0, 0x3f]],
    ['00 3C 01 3F', [0, 0x3c, 1, 0x3f]],
  ];
  // The body is UTF-16LE: whatever the head, the file is read as UTF-16 text (it said “binary” before the
  // reader knew UTF-16 with no BOM), with a note unless its head reads as a UTF-16 `<?` form (3C 00 3F, 00 3C ?? 3F).
  for (const [slip, head] of rows) {
    const got = imp('a.xml', concat(Uint8Array.from(head), body));
    assert.ok(!got.codes.includes('binary:[]'), `${slip}: ${got.codes}`);
    const xmlForm = (head[0] === 0x3c && head[1] === 0 && head[2] === 0x3f) || (head[0] === 0 && head[1] === 0x3c && head[3] === 0x3f);
    if (!xmlForm) assert.ok(got.codes.includes('utf16NoBom:["UTF-16LE"]'), `${slip}: ${got.codes}`);
  }
});

test('decode: a UTF-16 declaration on bytes that are not UTF-16 is read as UTF-8 (.NET feeds; it read as gibberish: fixed)', () => {
  const feed = (decl: string, body: string) =>
    `<?xml version="1.0" encoding="${decl}"?><rss version="2.0"><channel><title>Gov</title><item><title>2019 report</title><description>${body}</description></item></channel></rss>`;
  // All ASCII, the Chinese as character references (XmlWriter with an ASCII encoding): no high bytes at all.
  const refs = [...'经济运行总体平稳。'].map((c) => `&amp;#${c.codePointAt(0)};`).join('');
  assert.deepEqual(imp('a.xml', feed('utf-16', refs)), { format: 'rss', codes: [], reports: [['2019 report', ['经济运行总体平稳。']]] });
  assert.deepEqual(imp('a.xml', feed('UTF-16LE', 'Plain body text.')), { format: 'rss', codes: [], reports: [['2019 report', ['Plain body text.']]] });
  // UTF-8 Chinese under the same declaration: UTF-8, and nothing to warn of.
  assert.deepEqual(imp('a.xml', feed('utf-16', ZH)), { format: 'rss', codes: [], reports: [['2019 report', [ZH]]] });
  // GBK bytes under a UTF-16 declaration (a <meta> or an XML one): UTF-8 is what was declared, and the bytes are not that.
  const page = concat(enc('<html><head><meta charset="utf-16"></head><body><p>'), ZH_GBK, enc('</p></body></html>'));
  assert.deepEqual(imp('a.html', page), { format: 'html', codes: ['charsetMismatch:["UTF-8","gb18030"]'], reports: [['a', [ZH]]] });
  const xml = concat(
    enc('<?xml version="1.0" encoding="utf-16"?><rss><channel><item><title>t</title><description>'),
    ZH_GBK,
    enc('</description></item></channel></rss>'),
  );
  assert.deepEqual(imp('a.xml', xml), { format: 'rss', codes: ['charsetMismatch:["UTF-8","gb18030"]'], reports: [['t', [ZH]]] });
});

test('decode: UTF-8 with a few bad bytes is repaired (up to 3, or one in 10,000 characters, and at most one in 10 non-ASCII), else GB18030', () => {
  const X = Uint8Array.from([0xff]);
  const rows: [string, Uint8Array, string[], string | number][] = [
    // [slip, bytes, problems, the paragraph (or the number of paragraphs of a long text)]
    [
      'one bad byte among 9 Chinese characters (10 non-ASCII with it): repaired',
      concat(enc('Report 2019. '), enc(ZH.slice(0, 9)), X, enc(' end.')),
      ['utf8Repaired:["1"]'],
      'Report 2019. 今年以来，我们坚持\ufffd end.',
    ],
    [
      '…among 8: GB18030',
      concat(enc('Report 2019. '), enc(ZH.slice(0, 8)), X, enc(' end.')),
      ['gb18030Fallback:[]'],
      'Report 2019. 浠婂勾浠ユ潵锛屾垜浠\ue100潥\ufffd end.',
    ],
    ['three bad bytes: repaired', concat(enc(ZH), X, enc(ZH), X, enc(ZH), X, enc(ZH)), ['utf8Repaired:["3"]'], 1],
    ['four in a short text: GB18030', concat(enc(ZH), X, enc(ZH), X, enc(ZH), X, enc(ZH), X, enc(ZH)), ['gb18030Fallback:[]'], 1],
    ['four in 44,000 characters: repaired', concat(enc(ZH.repeat(400)), X, X, enc(ZH.repeat(400)), X, X), ['utf8Repaired:["4"]'], 1],
  ];
  for (const [slip, bytes, codes, text] of rows) {
    const r = imp('a.txt', bytes);
    const paras = r.reports[0][1] as string[];
    assert.deepEqual([r.codes, typeof text === 'number' ? paras.length : paras], [codes, typeof text === 'number' ? text : [text]], slip);
  }
});

test('decode: which declaration counts, and what a declared page whose bytes disagree says', () => {
  const page = (head: string, body: Uint8Array) => concat(enc(`<html><head>${head}</head><body><p>`), body, enc('</p></body></html>'));
  const X = Uint8Array.from([0xff]);
  const rows: [string, Uint8Array, string[], string | null][] = [
    // [slip, page, problems, its paragraph (null: gibberish, not compared)]
    [
      'the first <meta> with a charset wins over a later one',
      page('<meta charset="gbk"><meta http-equiv="Content-Type" content="text/html; charset=utf-8">', ZH_GBK),
      [],
      ZH,
    ],
    [
      'an ASCII page under a gb2312 declaration (Chinese as references) is not misdeclared',
      page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', enc('&#20170;&#24180; Annual report, 2019.')),
      [],
      '今年 Annual report, 2019.',
    ],
    [
      'UTF-8 with a bad byte under gb2312: misdeclared and repaired, both said',
      page('<meta charset="gb2312">', concat(enc(ZH), X, enc(ZH))),
      ['misdeclared:["GBK"]', 'utf8Repaired:["1"]'],
      `${ZH}\ufffd${ZH}`,
    ],
    ['UTF-8 with a bad byte under utf-8: repaired', page('<meta charset="utf-8">', concat(enc(ZH), X, enc(ZH))), ['utf8Repaired:["1"]'], `${ZH}\ufffd${ZH}`],
    [
      'declared UTF-8 of rare characters (province abbreviations) is taken as it is',
      page('<meta charset="utf-8">', enc('滇黔桂闽粤赣鄱湘鄂皖苏浙沪渝蜀陇琼藏')),
      [],
      '滇黔桂闽粤赣鄱湘鄂皖苏浙沪渝蜀陇琼藏',
    ],
    [
      'bytes that no encoding reads: as declared, with the count of bad ones',
      page('<meta charset="euc-kr">', concat(ZH_GBK, X, ZH_GBK)),
      ['charsetUnknown:["EUC-KR","EUC-KR","1"]'],
      null,
    ],
  ];
  for (const [slip, bytes, codes, text] of rows) {
    const r = imp('a.html', bytes);
    assert.deepEqual(r.codes, codes, slip);
    if (text !== null) assert.deepEqual(r.reports[0][1], [text], slip);
  }
});

test('decode: a short undeclared GBK line that is also valid Big5 stays GB18030 (too few characters to judge Big5 by)', () => {
  // 政府工作报告 in GBK (iconv -t gbk); as Big5 it reads 淉葬馱釬惆豢.
  assert.deepEqual(imp('a.txt', fromHex('d5feb8aeb9a4d7f7b1a8b8e6')), { format: 'text', codes: ['gb18030Fallback:[]'], reports: [['政府工作报告', []]] });
});

test('decode: the XML declaration in its written forms (single quotes, a line break, spaces around =, a blank line before it)', () => {
  const item = (decl: string) =>
    concat(enc(`${decl}\n<rss version="2.0"><channel><item><title>t</title><description>`), ZH_GBK, enc('</description></item></channel></rss>'));
  for (const decl of [
    "<?xml version='1.0' encoding='GB2312'?>",
    '<?xml version="1.0"\nencoding="gbk"?>',
    '<?xml version="1.0" encoding = "gb2312" standalone="yes"?>',
    '\n\n<?xml version="1.0" encoding="GBK"?>',
  ]) {
    assert.deepEqual(imp('a.xml', item(decl)), { format: 'rss', codes: [], reports: [['t', [ZH]]] }, decl);
  }
});

test('decode: a <meta> charset in its written forms (capitals, no quotes, a line break, spaces around =)', () => {
  const page = (meta: string) => concat(enc(`<html><head><title>t</title>${meta}</head><body><p>`), ZH_GBK, enc('</p></body></html>'));
  for (const meta of [
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; CHARSET=GB2312">',
    '<meta charset=gbk>',
    '<meta\ncharset="gbk">',
    '<meta http-equiv="Content-Type" content="text/html; charset = \'gb2312\'">',
  ]) {
    assert.deepEqual(imp('a.html', page(meta)).codes, [], meta);
  }
  // No charset in a <meta> (or a <metadata> element): nothing declared, the GB18030 fallback.
  assert.deepEqual(imp('a.html', page('<meta name="keywords" content="gbk"><metadata charset="big5"></metadata>')).codes, ['gb18030Fallback:[]']);
});

// --- formats/feed.ts: items and their fields.

test('feeds: a field given twice keeps the first one, body and all (a second <description> emptied the body: fixed)', () => {
  const rows: [string, string, unknown][] = [
    [
      'markup body, then a plain summary under the same name',
      '<item><title>一</title><description><p>第一段，正文。</p><p>第二段，正文。</p></description><description>摘要</description></item>',
      [['一', ['第一段，正文。', '第二段，正文。']]],
    ],
    [
      'plain body, then one with markup',
      '<item><title>一</title><description>正文，内容。</description><description><p>重复的摘要</p></description></item>',
      [['一', ['正文，内容。']]],
    ],
    [
      'two CDATA bodies: the first',
      '<item><title>一</title><description><![CDATA[<p>第一份正文。</p>]]></description><description><![CDATA[<p>第二份。</p>]]></description></item>',
      [['一', ['第一份正文。']]],
    ],
  ];
  for (const [slip, item, want] of rows) {
    const r = imp('a.xml', rss(item));
    assert.deepEqual([r.codes, r.reports], [[], want], slip);
  }
  // Atom: the first content's type holds for it (a second, text one does not make its markup text).
  const atom = imp(
    'a.xml',
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>一</title><content type="html">&lt;p&gt;正文，内容。&lt;/p&gt;</content><content type="text">另一份</content></entry></feed>',
  );
  assert.deepEqual(atom.reports, [['一', ['正文，内容。']]]);
});

test('feeds: a body of 600 empty self-closing anchors keeps its paragraphs apart (the depth cap reads the feed as XML)', () => {
  const body = `<div>${'<a name="bookmark"/>'.repeat(600)}<p>甲段正文，内容。</p><p>乙段正文，内容。</p></div>`;
  assert.deepEqual(imp('a.xml', rss(`<item><title>一</title><description>${body}</description></item>`)).reports, [
    ['一', ['甲段正文，内容。', '乙段正文，内容。']],
  ]);
});

/** A feed as a user sees it: the format, the file's problems, each item's title, link, date, paragraphs and emptyBody warning. */
function feed(text: string) {
  const r = importSource('a.xml', enc(text));
  return {
    f: r.format,
    c: r.diagnostics.map(show),
    r: r.reports.map((p) => [p.title, p.link, p.published, p.paragraphs.map((x) => x.text), p.diagnostics.filter((d) => d.code === 'emptyBody').map(show)]),
  };
}
const rssNs = (items: string, channel = '') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n<title>某区人民政府</title>${channel}\n${items}\n</channel>\n</rss>`;
const atom = (entries: string, head = '') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>某区</title>${head}\n${entries}\n</feed>`;
const BODY = '正文，内容。';

test('feeds: entity counts, untitled cut-off items, blank fields, equal bodies, Atom text types, blank bodies, feed-level dates', () => {
  const rows: [string, string, ReturnType<typeof feed>][] = [
    [
      'exactly five undefined entities: no …',
      rssNs(`<item><title>&e1;&e2;&e3;&e4;&e5;</title><description>${BODY}</description></item>`),
      {
        f: 'rss',
        c: ['undefinedEntities:["&e1; (line 5), &e2; (line 5), &e3; (line 5), &e4; (line 5), &e5; (line 5)"]'],
        r: [['&e1;&e2;&e3;&e4;&e5;', null, null, [BODY], []]],
      },
    ],
    [
      'a cut-off item with no title is named without one',
      rssNs(`<item><title>一</title><description>${BODY}</description></item>\n<item><description>正文二`),
      { f: 'rss', c: ['feedCutOff:["item","2","","6","1"]'], r: [['一', null, null, [BODY], []]] },
    ],
    [
      'a blank pubDate gives way to dc:date',
      rssNs(`<item><title>一</title><pubDate> </pubDate><dc:date>2019-03-01</dc:date><description>${BODY}</description></item>`),
      { f: 'rss', c: [], r: [['一', null, '2019-03-01', [BODY], []]] },
    ],
    [
      'a blank link gives way to an https guid',
      rssNs(`<item><title>一</title><link>  </link><guid>https://x.gov.cn/a/1.html</guid><description>${BODY}</description></item>`),
      { f: 'rss', c: [], r: [['一', 'https://x.gov.cn/a/1.html', null, [BODY], []]] },
    ],
    [
      'a guid that is not an http(s) URL is no link',
      rssNs(`<item><title>一</title><guid>ftp://x.gov.cn/a/1.html</guid><description>${BODY}</description></item>`),
      { f: 'rss', c: [], r: [['一', null, null, [BODY], []]] },
    ],
    [
      'content and summary of equal length: the content',
      atom('<entry><title>一</title><summary>摘要甲乙丙丁。</summary><content>正文甲乙丙丁。</content></entry>'),
      { f: 'atom', c: [], r: [['一', null, null, ['正文甲乙丙丁。'], []]] },
    ],
    [
      'Atom content with no type is text: split at line breaks',
      atom('<entry><title>一</title><content>第一行，正文。\n第二行，正文。</content></entry>'),
      { f: 'atom', c: [], r: [['一', null, null, ['第一行，正文。', '第二行，正文。'], []]] },
    ],
    [
      '…and type="Text" in any case',
      atom('<entry><title>一</title><content type="Text">第一行，正文。\n第二行，正文。</content></entry>'),
      { f: 'atom', c: [], r: [['一', null, null, ['第一行，正文。', '第二行，正文。'], []]] },
    ],
    [
      'an XML media type (application/xhtml+xml) is read as markup',
      atom('<entry><title>一</title><content type="application/xhtml+xml"><div><p>第一段。</p><p>第二段。</p></div></content></entry>'),
      { f: 'atom', c: [], r: [['一', null, null, ['第一段。', '第二段。'], []]] },
    ],
    [
      'a body of ideographic spaces is empty',
      rssNs('<item><title>一</title><description>\u3000\u3000</description></item>'),
      { f: 'rss', c: [], r: [['一', null, null, [], ['emptyBody:["Item","1"]']]] },
    ],
    [
      'an alternate link without href is no link; a blank title is none (the file name stands in)',
      atom(`<entry><title>  </title><link rel="alternate"/><content>${BODY}</content></entry>`),
      { f: 'atom', c: [], r: [['a', null, null, [BODY], []]] },
    ],
    [
      'a bad feed-level Atom updated is named with its line',
      atom(`<entry><title>一</title><content>${BODY}</content></entry>`, '\n<updated>yesterday</updated>'),
      { f: 'atom', c: ['invalidFeedDate:["yesterday","updated","4"]'], r: [['一', null, null, [BODY], []]] },
    ],
    [
      'a blank channel pubDate is not a bad date',
      rssNs(`<item><title>一</title><description>${BODY}</description></item>`, '\n<pubDate>  </pubDate>'),
      { f: 'rss', c: [], r: [['一', null, null, [BODY], []]] },
    ],
  ];
  for (const [slip, text, want] of rows) assert.deepEqual(feed(text), want, slip);
});

test('feeds: an Atom feed never takes its year from the file name (an entry is not the file)', () => {
  const r = importSource('2016年报告.xml', enc(atom(`<entry><title>某区报告</title><content>${BODY}</content></entry>`)));
  assert.deepEqual([r.format, r.reports.map((p) => [p.title, p.year])], ['atom', [['某区报告', null]]]);
});

// --- formats/flattened.ts: the RSS feed turned into text.

test('flattened feed: the first title runs from the channel dates to its link (spaces and all), or is none; later heads are trimmed', () => {
  const CH = '报告 http://x.gov.cn/rss.jsp?id=1 报告-RSS 2019-06-18 04:21:54 2019-06-18 04:21:54 ';
  const get = (t: string) => {
    const r = importSource('a.txt', enc(t));
    return { f: r.format, c: r.diagnostics.map(show), r: r.reports.map((p) => [p.title, p.link, p.published, p.paragraphs.map((x) => x.text)]) };
  };
  const rows: [string, string, unknown][] = [
    [
      'a title of several words after the channel dates',
      `${CH}关于 2018 年 法治政府建设 的报告 http://x.gov.cn/a/1.html ${BODY}\n]]>\n2019-01-10\n`,
      { f: 'flattened-feed', c: [], r: [['关于 2018年 法治政府建设 的报告', 'http://x.gov.cn/a/1.html', '2019-01-10', [BODY]]] },
    ],
    [
      'the link right after the dates: no title (the file name stands in)',
      `${CH}http://x.gov.cn/a/1.html ${BODY}\n]]>\n2019-01-10\n`,
      { f: 'flattened-feed', c: [], r: [['a', 'http://x.gov.cn/a/1.html', '2019-01-10', [BODY]]] },
    ],
    [
      'an indented head with spaces before its link',
      `${CH}第一份 http://x.gov.cn/a/1.html ${BODY}\n]]>\n2019-01-10\n  第二份  http://x.gov.cn/a/2.html 正文二。\n]]>\n2019-01-11\n`,
      {
        f: 'flattened-feed',
        c: [],
        r: [
          ['第一份', 'http://x.gov.cn/a/1.html', '2019-01-10', [BODY]],
          ['第二份', 'http://x.gov.cn/a/2.html', '2019-01-11', ['正文二。']],
        ],
      },
    ],
    [
      'an item with no lines at all (]]> right after a date line) is an empty item, not one of ]]>',
      `${CH}第一份 http://x.gov.cn/a/1.html ${BODY}\n]]>\n2019-01-10\n]]>\n2019-01-11\n第三份 http://x.gov.cn/a/3.html 正文三。\n]]>\n2019-01-12\n`,
      {
        f: 'flattened-feed',
        c: [],
        r: [
          ['第一份', 'http://x.gov.cn/a/1.html', '2019-01-10', [BODY]],
          ['a', null, '2019-01-11', []],
          ['第三份', 'http://x.gov.cn/a/3.html', '2019-01-12', ['正文三。']],
        ],
      },
    ],
    [
      'a line of three digits after ]]> is no date line: not a flattened feed',
      `${CH}第一份 http://x.gov.cn/a/1.html ${BODY}\n]]>\n第123期\n`,
      { f: 'text', c: [], r: [['a', null, null, [`${CH}第一份 http://x.gov.cn/a/1.html ${BODY}`, ']]>', '第123期']]] },
    ],
  ];
  for (const [slip, text, want] of rows) assert.deepEqual(get(text), want, slip);
});

test('flattened feed: channel dates in every written form end where the date ends (the item title is what follows)', () => {
  // A title of several words: without a channel date only its last word would be taken.
  const ITEM = `某区 2018年 法治政府建设 报告 http://x.gov.cn/a/1.html ${BODY}\n]]>\n2019-01-10\n`;
  for (const d of [
    '2019/6/8 9:05',
    '2019-6-18',
    '2019.06.18T08:19:00.000Z',
    '2019-06-18T08:19:00-0500',
    '2019-06-18 08:19',
    'Tue, 18 Jun 2019 08:19:00 +0800',
    'Tuesday, 18 June 2019 08:19:00 GMT',
    '18 Jun 2019 08:19 GMT',
    'Tue,18 Jun 2019 08:19:00 UT',
    'Wed Jun 19 08:19:00 GMT 2019',
    'Sun Jun  9 08:19:00 CST 2019',
    'Wed Jun 19 08:19:00 UT 2019',
    'Tue, 18 Jun 19 08:19:00 GMT',
    '18 Jun 2019 08:19:00 Z',
  ]) {
    const r = importSource('a.txt', enc(`报告 http://x.gov.cn/rss 报告-RSS ${d} ${d} ${ITEM}`));
    assert.deepEqual(
      [r.format, r.diagnostics.map(show), r.reports.map((p) => [p.title, p.link, p.published, p.paragraphs.map((x) => x.text)])],
      ['flattened-feed', [], [['某区 2018年 法治政府建设 报告', 'http://x.gov.cn/a/1.html', '2019-01-10', [BODY]]]],
      d,
    );
  }
});

// --- xml.ts: the scan.

/** What a Skip of pPr found for pStyle, numId and ilvl: each one's attributes, or - when not found. */
function found(xml: string): string[] {
  const out: string[] = [];
  scanXml(enc(xml), {
    open: (name) => (name === 'w:pPr' ? { names: ['w:pStyle', 'w:numId', 'w:ilvl'] } : undefined),
    close: () => {},
    skipped(_name, bytes, _from, _to, f) {
      for (let k = 0; k < f.length; k += 2) out.push(f[k] < 0 ? '-' : attrText(bytes, f[k], f[k + 1]));
    },
  });
  return out;
}

test('xml scan: a Skip takes a name ended by a slash or a carriage return, not a longer or shorter name', () => {
  assert.deepEqual(found('<w:pPr><w:pStyle/><w:numId\rw:val="3"/><w:ilvl w:val="1"/></w:pPr>'), ['', '\rw:val="3"', ' w:val="1"']);
  assert.deepEqual(found('<w:pPr><w:pStyleX w:val="x"/><w:numIdX/><w:ilvl>2</w:ilvl></w:pPr>'), ['-', '-', ''], 'longer names');
  assert.deepEqual(found('<w:pPr><w:num w:val="9"/><w:numId w:val="3"/></w:pPr>'), ['-', ' w:val="3"', '-'], 'a shorter name');
});

test('Word text: a damaged paragraph cut inside a character ends there, not in bytes an earlier paragraph left behind', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const run = (...t: (string | number[])[]) => ['<w:r><w:t>', ...t, '</w:t></w:r>'];
  const para = (...runs: (string | number[])[][]) => ['<w:p>', ...runs.flat(), '</w:p>'];
  const bytes = (parts: (string | number[])[]) => concat(...parts.map((p) => (typeof p === 'string' ? enc(p) : Uint8Array.from(p))));
  // A paragraph of two runs with stray continuation bytes: its joined bytes stay in the reader's buffer.
  const damaged = para(run('全年完成任务'), run(Array(12).fill(0x80)));
  for (const tail of [[0xc3], [0xe4, 0xb8], [0xe0, 0xa0], [0xed, 0x9f], [0xf0, 0x9f, 0x98]]) {
    const xml = bytes([
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`,
      ...para(run('某县2024年工作报告')),
      ...damaged,
      // Two runs again (joined in that buffer), the last cut inside a character where 0x80s lie beyond it.
      ...para(run('成效明显'), run('全面', tail)),
      '<w:sectPr/></w:body></w:document>',
    ]);
    const r = importSource('a.docx', zipSync({ 'word/document.xml': xml }));
    assert.deepEqual(
      r.reports[0].paragraphs.map((p) => p.text),
      [`全年完成任务${'\ufffd'.repeat(12)}`, '成效明显全面\ufffd'],
      tail.map((b) => b.toString(16)).join(' '),
    );
  }
});
