/**
 * Edge rows for the mutation testing of src/core/reader (see stryker.config.mjs), second part of
 * the XML side: the UTF-8 decoding of a Word paragraph's text (xml.ts readUtf8Text, the one-pass
 * decoder, and utf8Range, which decodes a paragraph whose runs were not well-formed on their own).
 * Exact inputs and outputs through importSource; each row is named for the slip it catches.
 * reader-edges.test.ts and reader-xml-edges.test.ts hold the rows that came first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync } from 'fflate';
import { type Diagnostic, importSource } from '../../src/core/index.ts';
import { attr, attrText, scanXml } from '../../src/core/reader/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
type Piece = string | number[];
const bytes = (parts: Piece[]) => {
  const arrays = parts.map((p) => (typeof p === 'string' ? enc(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};
const run = (...t: Piece[]): Piece[] => ['<w:r><w:t>', ...t, '</w:t></w:r>'];
const para = (...runs: Piece[][]): Piece[] => ['<w:p>', ...runs.flat(), '</w:p>'];

/** The paragraphs' text of a Word file whose body is `paras` after a title paragraph. */
function docx(...paras: Piece[][]): string[] {
  const xml = bytes([
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`,
    ...para(run('某县2024年政府工作报告')),
    ...paras.flat(),
    '<w:sectPr/></w:body></w:document>',
  ]);
  const r = importSource('a.docx', zipSync({ 'word/document.xml': xml }));
  assert.equal(r.reports.length, 1);
  assert.equal(r.reports[0].title, '某县2024年政府工作报告');
  return r.reports[0].paragraphs.map((p) => p.text);
}

/** Well-formed text of every length of UTF-8 sequence, each lead byte range in its own row. */
const WELL_FORMED: [string, string][] = [
  // [slip, text]
  ['ASCII after Chinese (a one-byte step taken as more)', '全年GDP增长5.2%，CPI上涨0.2%。'],
  ['two-byte characters (° × § · é Ω: C2–CF leads)', '最低气温-3°C，面积扩大×2，见§3·附表，Café与Ω。'],
  ['two-byte characters at the top of their range (DF BF: U+07FF)', '编号\u07ff止。'],
  ['E0 leads (Thai, Devanagari: U+0800–U+0FFF)', '与ไทย、भारत开展合作。'],
  ['ED leads (Hangul: U+D000–U+D7FF, below the surrogates)', '举办한국周活动，한글展览。'],
  ['E1–EC, EE, EF leads (Chinese, full-width punctuation, a private-use character)', '推进“放管服”改革（第一）\ue000。'],
  ['F0 leads (rare name characters of CJK Extension B, emoji)', '𠀀村𬌗镇的𡌶先生😀。'],
  ['F1–F3 leads (supplementary private use)', '字库造字\u{f0000}\u{fffff}。'],
  ['F4 leads (up to U+10FFFF)', '造字\u{100000}\u{10ffff}。'],
];

test('Word text: well-formed UTF-8 of every sequence length is decoded exactly as read run by run', () => {
  const got = docx(...WELL_FORMED.map(([, t]) => para(run(t))));
  WELL_FORMED.forEach(([slip, t], k) => assert.equal(got[k], t, slip));
});

test('Word text: a character cut between two runs (a generator cutting by bytes) is joined, whatever follows it', () => {
  // '某' is E6 9F 90: its first two bytes end one run, the third starts the next. The paragraph's
  // runs are then joined and decoded whole, so every kind of character after it goes that way too.
  const cut = (t: string) => para(run([0xe6, 0x9f]), run([0x90], t));
  const got = docx(...WELL_FORMED.map(([, t]) => cut(t)));
  WELL_FORMED.forEach(([slip, t], k) => assert.equal(got[k], `某${t}`, slip));
});

test('Word text: a long mostly-ASCII paragraph after a cut character keeps every character (the decoding buffer is big enough)', () => {
  const t = 'The county GDP grew by 5.2 percent in 2024, and 1,200 new jobs were created. '.repeat(70).trim();
  assert.deepEqual(docx(para(run([0xe6, 0x9f]), run([0x90], t))), [`某${t}`]);
});

test('Word text: a long paragraph keeps every character (the buffer grows before a 4-byte character at its end)', () => {
  for (const pad of [60, 61, 62, 63, 64, 65, 126, 127, 128]) {
    const t = `${'一'.repeat(pad)}𠀀😀`;
    assert.deepEqual(docx(para(run(t))), [t], `${pad} units, then two surrogate pairs`);
    assert.deepEqual(docx(para(run([0xe6, 0x9f]), run([0x90], t))), [`某${t}`], `${pad} units after a cut character`);
  }
});

/** Bad sequences inside a run, with what the standard decoder makes of them (WHATWG: maximal subparts). */
const ILL_FORMED: [string, number[], string][] = [
  // [slip, bytes between 全面 and 完成, text]
  ['a three-byte lead (E4) before ASCII', [0xe4, 0x41, 0x42], '\ufffdAB'],
  ['a three-byte lead with one continuation before ASCII', [0xe4, 0xb8, 0x41], '\ufffdA'],
  ['a lone continuation byte', [0x80], '\ufffd'],
  ['a lone continuation byte BF', [0xbf], '\ufffd'],
  ['FF is never UTF-8', [0xff], '\ufffd'],
  ['a two-byte lead before ASCII', [0xc2, 0x41], '\ufffdA'],
  ['overlong two-byte forms (C0, C1)', [0xc0, 0xaf, 0xc1, 0x81], '\ufffd\ufffd\ufffd\ufffd'],
  ['a two-byte lead before another lead', [0xc2, 0xc2, 0xb7], '\ufffd·'],
  ['an overlong three-byte form (E0 80–9F)', [0xe0, 0x80, 0x80, 0xe0, 0x9f, 0xbf], '\ufffd'.repeat(6)],
  ['E0 A0 before ASCII', [0xe0, 0xa0, 0x41], '\ufffdA'],
  ['a surrogate (ED A0–BF)', [0xed, 0xa0, 0x80, 0xed, 0xbf, 0xbf], '\ufffd'.repeat(6)],
  ['ED 9F before ASCII', [0xed, 0x9f, 0x41], '\ufffdA'],
  ['an E0 lead before a lead', [0xe0, 0xe4, 0xb8, 0x80], '\ufffd一'],
  ['an overlong four-byte form (F0 80–8F)', [0xf0, 0x80, 0x80, 0x80, 0xf0, 0x8f, 0xbf, 0xbf], '\ufffd'.repeat(8)],
  ['past U+10FFFF (F4 90)', [0xf4, 0x90, 0x80, 0x80], '\ufffd'.repeat(4)],
  ['F5 and up are never UTF-8', [0xf5, 0x80, 0x80, 0x80], '\ufffd'.repeat(4)],
  ['a four-byte lead with one continuation before ASCII', [0xf0, 0x9f, 0x41, 0x41], '\ufffdAA'],
  ['a four-byte lead with two continuations before ASCII', [0xf0, 0x9f, 0x98, 0x41], '\ufffdA'],
  ['a four-byte lead with two continuations before a lead', [0xf1, 0x80, 0x80, 0xe4, 0xb8, 0x80], '\ufffd一'],
  ['an F4 lead within range before ASCII', [0xf4, 0x8f, 0x41], '\ufffdA'],
];

test('Word text: bad bytes inside a run give the standard replacement characters, the rest of the paragraph kept', () => {
  // Each paragraph its own number: equal paragraphs would be read as repeated page furniture.
  const got = docx(...ILL_FORMED.map(([, b], k) => para(run(`${k + 1}.全面`, b, '完成'))));
  ILL_FORMED.forEach(([slip, , t], k) => assert.equal(got[k], `${k + 1}.全面${t}完成`, slip));
});

test('Word text: bad bytes in the second run of a paragraph give the same, the first run kept', () => {
  const got = docx(...ILL_FORMED.map(([, b], k) => para(run(`${k + 1}.全面°한𠀀`), run(b, '完成'))));
  ILL_FORMED.forEach(([slip, , t], k) => assert.equal(got[k], `${k + 1}.全面°한𠀀${t}完成`, slip));
});

// --- scanXml and attr, directly (the scanner of every Word part).

/** What a handler sees: opens (with their attributes), closes, text, and skipped content with the tags found in it. */
function scan(input: string | Uint8Array, skip: Record<string, true | string[]> = {}, withText = true): string[] {
  const b = typeof input === 'string' ? enc(input) : input;
  const out: string[] = [];
  const h: Parameters<typeof scanXml>[1] = {
    open(name, bytes, from, to) {
      out.push(`<${name}${attrText(bytes, from, to)}>`);
      const s = skip[name];
      return s === true ? true : s ? { names: s } : undefined;
    },
    close: (name) => out.push(`</${name}>`),
    skipped(name, bytes, from, to, found) {
      const tags: string[] = [];
      for (let k = 0; k < found.length; k += 2) tags.push(found[k] < 0 ? '-' : attrText(bytes, found[k], found[k + 1]));
      out.push(`skipped ${name}: ${new TextDecoder().decode(bytes.subarray(from, to))} [${tags.join('|')}]`);
    },
  };
  if (withText) h.text = (bytes, from, to) => out.push(`text ${new TextDecoder().decode(bytes.subarray(from, to))}`);
  scanXml(b, h);
  return out;
}

test('xml scan: no BOM means no bytes dropped (a part that starts with a tag, or with full-width ＿ EF BC BF)', () => {
  assert.deepEqual(scan('<w:p>全文</w:p>'), ['<w:p>', 'text 全文', '</w:p>']);
  assert.deepEqual(scan('＿＿年＿＿月<w:p/>'), ['text ＿＿年＿＿月', '<w:p>', '</w:p>']);
  assert.deepEqual(scan(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<w:p/>')])), ['<w:p>', '</w:p>'], 'a BOM is dropped');
});

test('xml scan: a comment, a processing instruction or CDATA ends at its whole terminator, not at its first character', () => {
  assert.deepEqual(scan('<w:p><!-- 2024-01 修订 -->正文</w:p>'), ['<w:p>', 'text 正文', '</w:p>']);
  assert.deepEqual(scan('<?mso-application progid="Word?Document"?><w:p/>'), ['<w:p>', '</w:p>']);
  assert.deepEqual(scan('<w:t><![CDATA[见[1]]]>，下同</w:t>'), ['<w:t>', 'text 见[1]', 'text ，下同', '</w:t>']);
});

test('xml scan: a handler without `text` or `skipped` is not called for them (trailing text, CDATA, skipped content)', () => {
  assert.deepEqual(scan('<w:t><![CDATA[x]]></w:t>结尾', {}, false), ['<w:t>', '</w:t>']);
  const out: string[] = [];
  scanXml(enc('<w:body><w:tbl><w:tr/></w:tbl><w:p/></w:body>'), {
    open(name) {
      out.push(name);
      return name === 'w:tbl';
    },
    close: (name) => out.push(`/${name}`),
  });
  assert.deepEqual(out, ['w:body', 'w:tbl', '/w:tbl', 'w:p', '/w:p', '/w:body']);
});

test('xml scan: text read by readText is not given to `text` as well; -1 leaves it to `text`', () => {
  const b = enc('<w:t>第一</w:t><w:t>第二</w:t>');
  const out: string[] = [];
  scanXml(b, {
    open: () => undefined,
    close: () => {},
    text: (x, from, to) => out.push(`text ${new TextDecoder().decode(x.subarray(from, to))}`),
    readText(x, from) {
      const end = x.indexOf(0x3c, from);
      if (x[from + 4] === 0xb8) return -1; // 第一 (E7 AC AC E4 B8 80) is left to `text`
      out.push(`read ${new TextDecoder().decode(x.subarray(from, end))}`);
      return end;
    },
  });
  assert.deepEqual(out, ['text 第一', 'read 第二']);
});

test('xml scan: a skipped element ends at its own end tag, not one of the same length, nor a longer name holding it', () => {
  const names = ['w:pStyle', 'w:numId', 'w:ilvl'];
  // Paragraph-mark run properties (w:rPr, as long as w:pPr) inside paragraph properties.
  assert.deepEqual(scan('<w:pPr><w:pStyle w:val="2"/><w:rPr><w:b/></w:rPr></w:pPr><w:r/>', { 'w:pPr': names }), [
    '<w:pPr>',
    'skipped w:pPr: <w:pStyle w:val="2"/><w:rPr><w:b/></w:rPr> [ w:val="2"|-|-]',
    '</w:pPr>',
    '<w:r>',
    '</w:r>',
  ]);
  // A tracked change of the properties: w:pPrChange holds the name; the first w:pStyle is the one kept.
  const change = '<w:pPr><w:pStyle w:val="2"/><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="1"/></w:pPr></w:pPrChange></w:pPr>';
  assert.deepEqual(scan(change, { 'w:pPr': names }), [
    '<w:pPr>',
    'skipped w:pPr: <w:pStyle w:val="2"/><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="1"/> [ w:val="2"|-|-]',
    '</w:pPr>',
    '</w:pPrChange>',
    '</w:pPr>',
  ]);
  assert.deepEqual(scan('<w:tbl><w:tblPr/><w:tblGrid/><w:tr/></w:tbl><w:p/>', { 'w:tbl': true, 'w:tblPr': true }), [
    '<w:tbl>',
    'skipped w:tbl: <w:tblPr/><w:tblGrid/><w:tr/> []',
    '</w:tbl>',
    '<w:p>',
    '</w:p>',
  ]);
  assert.deepEqual(scan('<w:pPr><w:pPrChange w:id="1"><w:pPr/></w:pPrChange></w:pPr>', { 'w:pPr': true }), [
    '<w:pPr>',
    'skipped w:pPr: <w:pPrChange w:id="1"><w:pPr/></w:pPrChange> []',
    '</w:pPr>',
  ]);
});

test('xml scan: a damaged skipped element (no end tag, a tag cut before it) stops the scan or finds nothing', () => {
  const names = ['w:pStyle', 'w:numId', 'w:ilvl'];
  assert.deepEqual(scan('<w:p><w:pPr><w:pStyle w:val="1"/><w:r><w:t>正文</w:t></w:r>', { 'w:pPr': names }), ['<w:p>', '<w:pPr>']);
  assert.deepEqual(scan('<w:p><w:pPr><w:numId w:val="3"</w:pPr><w:r/></w:p>', { 'w:pPr': names }), [
    '<w:p>',
    '<w:pPr>',
    'skipped w:pPr: <w:numId w:val="3" [-|-|-]',
    '</w:pPr>',
    '<w:r>',
    '</w:r>',
    '</w:p>',
  ]);
});

test('xml scan: tag names never seen before are read as written (the name cache starts empty)', () => {
  const xml = '<annals:row17 n="1"><x/><annals:q9 /><zz:longer-name-2024>正文</zz:longer-name-2024></annals:row17>';
  assert.deepEqual(scan(xml), [
    '<annals:row17 n="1">',
    '<x>',
    '</x>',
    '<annals:q9 >',
    '</annals:q9>',
    '<zz:longer-name-2024>',
    'text 正文',
    '</zz:longer-name-2024>',
    '</annals:row17>',
  ]);
});

test('attr: a prefixed name is matched as written (its colon, a dot taken literally), entities decoded', () => {
  const rows: [string, string, string, string | undefined][] = [
    // [slip, attributes, name, value]
    ['a prefixed name', ' w:rsidR="00A1" w:val="标题 1"', 'w:val', '标题 1'],
    ['a name never asked for before', ' r:embed="rId7"', 'r:embed', 'rId7'],
    ['a dot is a dot, not any character', ' wXv="1"', 'w.v', undefined],
    ['a dotted name', " w.v='2'", 'w.v', '2'],
    ['entities', ' w:val="A&amp;B"', 'w:val', 'A&B'],
    ['no attributes', '', 'w:val', undefined],
  ];
  for (const [slip, attrs, name, value] of rows) assert.equal(attr(attrs, name), value, slip);
});

// --- formats/feed.ts: what the feeds' rows above do not reach.

const show = (d: Diagnostic) => `${d.code}:${JSON.stringify(d.args ?? [])}`;
/** A feed as a user sees it: the format, the file's problems, each item's title, link, date and paragraphs. */
function feed(text: string, name = 'a.xml') {
  const r = importSource(name, enc(text));
  return { f: r.format, c: r.diagnostics.map(show), r: r.reports.map((p) => [p.title, p.link, p.published, p.paragraphs.map((x) => x.text)]) };
}
const BODY = '正文，内容。';
const RSS_HEAD =
  '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:a10="http://www.w3.org/2005/Atom">';
const rssFeed = (items: string, channel = '') => `${RSS_HEAD}\n<channel>\n<title>某区人民政府</title>${channel}\n${items}\n</channel>\n</rss>`;
const atomFeed = (entries: string, head = '') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>某区</title>${head}\n${entries}\n</feed>`;

test('feeds: the predefined entities, a spaced <!ENTITY, and line numbers of a feed that starts with a blank line', () => {
  const rows: [string, string, ReturnType<typeof feed>][] = [
    [
      '&gt; and &quot; are XML entities (no warning)',
      rssFeed(`<item><title>“三个&quot;一批&quot;” &gt; 目标</title><description>${BODY}</description></item>`),
      { f: 'rss', c: [], r: [['“三个"一批"” > 目标', null, null, [BODY]]] },
    ],
    [
      'an entity declared with two spaces after <!ENTITY is declared',
      `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [<!ENTITY  ldquo "“">]>\n<rss version="2.0"><channel><title>某区</title>\n<item><title>一&ldquo;</title><description>${BODY}</description></item></channel></rss>`,
      { f: 'rss', c: [], r: [['一“', null, null, [BODY]]] },
    ],
    [
      'a feed that starts with a line break counts it (the entity is on line 6)',
      `\n${rssFeed(`<item><title>一&nbsp;二</title><description>${BODY}</description></item>`)}`,
      { f: 'rss', c: ['undefinedEntities:["&nbsp; (line 6)"]'], r: [['一 二', null, null, [BODY]]] },
    ],
  ];
  for (const [slip, text, want] of rows) assert.deepEqual(feed(text), want, slip);
});

test('feeds: which fields an item takes its date, link and body from', () => {
  const rows: [string, string, ReturnType<typeof feed>][] = [
    [
      'RSS dc:date',
      rssFeed(`<item><title>一</title><dc:date>2019-03-01</dc:date><description>${BODY}</description></item>`),
      { f: 'rss', c: [], r: [['一', null, '2019-03-01', [BODY]]] },
    ],
    [
      'RSS a10:updated (.NET feeds)',
      rssFeed(`<item><title>一</title><a10:updated>2019-03-02T08:00:00+08:00</a10:updated><description>${BODY}</description></item>`),
      { f: 'rss', c: [], r: [['一', null, '2019-03-02T08:00:00+08:00', [BODY]]] },
    ],
    [
      'RSS a10:published',
      rssFeed(`<item><title>一</title><a10:published>2019-03-03</a10:published><description>${BODY}</description></item>`),
      { f: 'rss', c: [], r: [['一', null, '2019-03-03', [BODY]]] },
    ],
    [
      'a pubDate with spaces around it is trimmed',
      rssFeed(`<item><title>一</title><pubDate>\n  Mon, 04 Mar 2024 09:00:00 +0800  \n</pubDate><description>${BODY}</description></item>`),
      { f: 'rss', c: [], r: [['一', null, '2024-03-04T09:00:00+08:00', [BODY]]] },
    ],
    [
      'a link wins over an http guid',
      rssFeed(`<item><title>一</title><link>https://x.gov.cn/a/1.html</link><guid>https://x.gov.cn/a/1?id=9</guid><description>${BODY}</description></item>`),
      { f: 'rss', c: [], r: [['一', 'https://x.gov.cn/a/1.html', null, [BODY]]] },
    ],
    [
      'an Atom href with spaces around it is trimmed',
      atomFeed(`<entry><title>一</title><link rel="alternate" href=" https://x.gov.cn/a/2.html "/><content>${BODY}</content></entry>`),
      { f: 'atom', c: [], r: [['一', 'https://x.gov.cn/a/2.html', null, [BODY]]] },
    ],
    [
      'an Atom entry with only a summary takes its body from it',
      atomFeed('<entry><title>一</title><summary type="html">&lt;p&gt;摘要正文，内容。&lt;/p&gt;</summary></entry>'),
      { f: 'atom', c: [], r: [['一', null, null, ['摘要正文，内容。']]] },
    ],
    [
      'an aggregated Atom entry: the title of its <source> feed is not its own',
      atomFeed(
        `<entry><source><title>某市人民政府网站</title><updated>2019-01-01T00:00:00Z</updated></source><title>某区报告</title><published>2019-03-04</published><content>${BODY}</content></entry>`,
      ),
      { f: 'atom', c: [], r: [['某区报告', null, '2019-03-04', [BODY]]] },
    ],
  ];
  for (const [slip, text, want] of rows) assert.deepEqual(feed(text), want, slip);
});

test('feeds: a bad channel-level date is named with its own text only, not what follows it', () => {
  const rows: [string, string, string[]][] = [
    [
      'pubDate',
      rssFeed(`<item><title>一</title><description>${BODY}</description></item>`, '\n<pubDate>上周一</pubDate><ttl>60</ttl>'),
      ['invalidFeedDate:["上周一","pubDate","5"]'],
    ],
    [
      'lastBuildDate',
      rssFeed(`<item><title>一</title><description>${BODY}</description></item>`, '\n<lastBuildDate>昨天</lastBuildDate><ttl>60</ttl>'),
      ['invalidFeedDate:["昨天","lastBuildDate","5"]'],
    ],
    [
      'Atom updated',
      atomFeed(`<entry><title>一</title><content>${BODY}</content></entry>`, '\n<updated>昨天</updated><id>urn:x</id>'),
      ['invalidFeedDate:["昨天","updated","4"]'],
    ],
  ];
  for (const [slip, text, want] of rows) assert.deepEqual(feed(text).c, want, slip);
});

test('feeds: a feed with no XML declaration that opens with a comment is still a feed (RSS or Atom)', () => {
  const rss = `<!-- 由某政务网站内容管理系统生成 -->\n<rss version="2.0">\n<channel><title>某区</title>\n<item><title>一</title><description>${BODY}</description></item></channel></rss>`;
  assert.deepEqual(feed(rss, 'news.xml'), { f: 'rss', c: [], r: [['一', null, null, [BODY]]] });
  const atom = `<!-- 由某政务网站内容管理系统生成 -->\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>某区</title>\n<entry><title>一</title><content>${BODY}</content></entry></feed>`;
  assert.deepEqual(feed(atom, 'news.xml'), { f: 'atom', c: [], r: [['一', null, null, [BODY]]] });
});
