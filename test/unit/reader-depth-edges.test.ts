/**
 * Edge rows for the mutation testing of the depth cap (src/core/reader/depth.ts), through
 * importSource. The cap cuts the start tag of an element opened with 512 elements already open;
 * a `<div hidden>` placed after a prefix and m more open elements (<i>) therefore shows exactly when the
 * prefix leaves 512 − m or more elements open. So each row
 * measures how many elements the scan thinks a prefix leaves open, to the element.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSource, importSourceAsync, type PdfPage, type PdfTextExtractor } from '../../src/core/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const SECRET = '这是隐藏的说明文字';
const HIDDEN = `<div hidden>${SECRET}</div>`;
const P = '<p>正文段落，内容完整。</p>';

const paras = (text: string) => importSource('a.xml', enc(text)).reports.map((r) => r.paragraphs.map((p) => p.text));
/** In CDATA, with a ]]> split across two sections. */
const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
/** A feed whose items' bodies are the given HTML, escaped (read by the streaming parser: no html or body element). */
const feed = (...bodies: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>某区</title>${bodies.map((b, i) => `<item><title>某区报告${i + 1}</title><description>${cdata(b)}</description></item>`).join('')}</channel></rss>`;
/** The paragraphs of one item whose body is `body`. */
const body = (html: string) => paras(feed(html))[0];

/**
 * How many elements the scan counts open after `prefix`, checked at `want`: with 511 − want
 * <i> tags after it the hidden div keeps its tag, with 512 − want it is past the cap and shows.
 */
function opens(prefix: string, want: number): string | number {
  const m = 512 - want;
  const [below, at] = paras(feed(prefix + '<i>'.repeat(m - 1) + HIDDEN + P, prefix + '<i>'.repeat(m) + HIDDEN + P)).map((p) => p.includes(SECRET));
  if (below) return `more than ${want}`;
  if (!at) return `fewer than ${want}`;
  return want;
}

test('capDepth: the cap is at exactly 512 open elements , and nothing is open at the start', () => {
  assert.equal(opens('', 0), 0);
  assert.equal(opens('<div>', 1), 1);
});

test('capDepth: what a tag name is (letters start it; white space, / or > end it)', () => {
  const rows: [string, string, number][] = [
    ['an upper-case A starts a tag name', '<A name="a1">', 1],
    ['…and Z', '<Z>', 1],
    ['a lower-case a', '<a name="a1">', 1],
    ['…and z', '<z>', 1],
    ['a digit, an underscore or a Chinese character after < is text', '比例 3<5b，下划线<_x>与<中文>', 0],
    ['a space ends the name (the end tag matches)', '<div class="a">正文</div>', 0],
    ['a tab ends the name', '<div\tclass="a">正文</div>', 0],
    ['a line feed ends the name', '<div\nclass="a">正文</div>', 0],
    ['a carriage return ends the name', '<div\rclass="a">正文</div>', 0],
    ['a slash ends the name: <br/> is void', '正文<br/>续行', 0],
    ['> ends the name', '<div>正文</div>', 0],
    ['<br> is void', '正文<br>续行', 0],
  ];
  for (const [slip, prefix, want] of rows) assert.equal(opens(prefix, want), want, slip);
});

test('capDepth: attribute values in quotes hide >, only right after = (white space around it allowed)', () => {
  const rows: [string, string, number][] = [
    ['an unquoted value is no quote', '<div class=a>正文</div>', 0],
    ['a quote inside an unquoted value is no quote', '<div class=a"b>正文</div>', 0],
    ['a double-quoted value runs to the next double quote, not a single one', `<img alt="it's > <b>">`, 0],
    ['a single-quoted value runs to the next single quote', `<img alt='say "a" > <b>'>`, 0],
    ['a quoted value that closes is not the rest of the page', '<img alt="图片">', 0],
    ['a space before the quote', '<img alt= "x > <b>">', 0],
    ['a space before the =', '<img alt ="x > <b>">', 0],
    ['a tab before the quote', '<img alt=\t"x > <b>">', 0],
    ['a line feed before the quote', '<img alt=\n"x > <b>">', 0],
    ['a carriage return before the quote', '<img alt=\r"x > <b>">', 0],
  ];
  for (const [slip, prefix, want] of rows) assert.equal(opens(prefix, want), want, slip);
});

test('capDepth: comments, CDATA, declarations, processing instructions and raw text end where they end', () => {
  const rows: [string, string, number][] = [
    ['<!--> does not end the comment it opens', '<!--> <b> -->', 0],
    ['a tag-like text just before --> is in the comment', '<!-- 注释x<b-->', 0],
    ['a declaration runs to its >, whatever < it holds', '<!x<b>', 0],
    ['a processing instruction runs to its >', '<?x<b>', 0],
    ['a declaration is not a comment that runs to the end', '<!DOCTYPE html>', 0],
    ['raw text ends at its end tag in any case', '<SCRIPT>var a = "<div>";</SCRIPT>', 0],
    ['…and a style', '<style>p{color:red}</style>', 0],
  ];
  for (const [slip, prefix, want] of rows) assert.equal(opens(prefix, want), want, slip);
  assert.equal(opens('<svg><![CDATA[x<b]]></svg>', 0), 0, 'a tag-like text just before ]]> is in the CDATA');
  // A page that starts with text: the scan starts at its first <.
  assert.equal(opens('GDP > 5%，', 0), 0, 'text before the first tag');
  // A comment that never closes runs to the end: the scan ends there.
  assert.deepEqual(body(`${'<i>'.repeat(600)}正文内容。<!-- 未闭合的注释 <p>`), ['正文内容。']);
  // A page cut off inside a tag name or a quoted value: the scan ends there too.
  assert.deepEqual(body(`${'<i>'.repeat(600)}正文内容。<spa`), ['正文内容。'], 'inside a tag name');
  assert.deepEqual(body(`${'<i>'.repeat(600)}正文内容。<img alt="未闭合`), ['正文内容。'], 'inside a quoted value');
});

test('capDepth: end tags close what is open inside them; start tags that close an open form element', () => {
  const rows: [string, string, number][] = [
    ['an end tag closes the elements left open inside it', '<div><span>说明</div>', 0],
    ['…and only down to the nearest of its name', '<div><div><span>说明</div>', 1],
    ['a stray end tag closes nothing', '<div>说明</span>', 1],
    ['<input> is void', '<input name="a">', 0],
    ['a <button> closes an open <button>', '<button>甲<button>乙</button>', 0],
    ['an <input> closes an open <option>', '<option>甲<input>', 0],
    ['…an <optgroup>', '<optgroup>甲<input>', 0],
    ['…a <select>', '<select>甲<input>', 0],
    ['…a <datalist>', '<datalist>甲<input>', 0],
    ['a <p> closes an open <p>', '<p>甲<p>乙<span>', 2],
    ['a <li> does not close a <p> (only what its table names)', '<p>甲<li>乙<span>', 3],
  ];
  for (const [slip, prefix, want] of rows) assert.equal(opens(prefix, want), want, slip);
});

/**
 * What is left open after an <a/> at the cap that follows `inside` (which leaves `after` elements
 * open, `most` at most), then a closed <a>: when the / closes the <a/>, nothing; when not, its
 * name is left out, so the end tag of the later <a> is cut too, and that <a> stays open.
 */
const afterSlash = (inside: string, after: number, most: number, want: number) => {
  const k = 512 - most;
  return opens(`${'<i>'.repeat(k)}${inside}${'<tspan>'.repeat(most - after)}<a/>${'</i>'.repeat(k)}<a href="#">链接</a>`, want);
};

test('capDepth: a / closes a start tag inside svg and math only, not inside their HTML integration points', () => {
  const rows: [string, string, number, number, number][] = [
    ['inside svg', '<svg>', 1, 1, 0],
    ['inside math', '<math>', 1, 1, 0],
    ['inside an element inside svg', '<svg><g>', 2, 2, 0],
    ['an end tag inside svg leaves svg open', '<svg><g></g>', 1, 2, 0],
    ['not after </svg>', '<svg></svg>', 0, 1, 1],
    ['not after </math>', '<math></math>', 0, 1, 1],
    ['not in foreignObject', '<svg><foreignObject>', 2, 2, 1],
    ['not in desc', '<svg><desc>', 2, 2, 1],
    ['not in mi', '<math><mi>', 2, 2, 1],
    ['not in mo', '<math><mo>', 2, 2, 1],
    ['not in mn', '<math><mn>', 2, 2, 1],
    ['not in ms', '<math><ms>', 2, 2, 1],
    ['not in mtext', '<math><mtext>', 2, 2, 1],
    ['not in annotation-xml', '<math><annotation-xml>', 2, 2, 1],
    ['closing an integration point goes back to svg', '<svg><desc></desc>', 1, 2, 0],
    ['not outside svg and math', '', 0, 0, 1],
  ];
  for (const [slip, inside, after, most, want] of rows) assert.equal(afterSlash(inside, after, most, want), want, slip);
});

/** The paragraphs of a feed item whose description holds raw markup (capped as XML first, then as HTML). */
const rawItem = (body: string) =>
  paras(
    `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>某区</title><item><title>某区报告</title><description>${body}</description></item></channel></rss>`,
  )[0];

test('capDepth in XML: a / closes any tag; tags past the cap go without a line break', () => {
  assert.deepEqual(rawItem(`${'<br/>'.repeat(600)}<p>第一段，内容。</p><p>第二段，内容。</p>`), ['第一段，内容。', '第二段，内容。'], 'every <x/> is closed');
  const got = rawItem('<p>段'.repeat(600));
  assert.deepEqual([got.length, got.at(-2), got.at(-1)], [508, '段', '段'.repeat(93)], 'in XML a <p> closes no <p>, and those past the cap are no line breaks');
});

test('capDepth: past the cap, block tags become line breaks, inline ones go; script, style, title and textarea go with their content', () => {
  const deep = '<div>'.repeat(520);
  const rows: [string, string, string[]][] = [
    ['an inline tag past the cap is no line break', `${deep}<b>数字</b><i>经济</i>发展较快。`, ['数字经济发展较快。']],
    ['a block tag past the cap is one', `${deep}<p>第一段，内容。</p><p>第二段，内容。</p>`, ['第一段，内容。', '第二段，内容。']],
    ['a style goes with its content', `${deep}<style>p{color:red}</style>正文内容。`, ['正文内容。']],
    ['a title goes with its content', `${deep}<title>页面标题</title>正文内容。`, ['正文内容。']],
    ['a textarea goes with its content', `${deep}<textarea>留言内容</textarea>正文内容。`, ['正文内容。']],
    ['an xmp is text: only its tags go', `${deep}<xmp>代码示例</xmp>正文内容。`, ['代码示例正文内容。']],
    ['the scan goes on right after a script it removed', `${deep}<script>var a=1;</script>GDP增长较快，内容完整。`, ['GDP增长较快，内容完整。']],
  ];
  for (const [slip, html, want] of rows) assert.deepEqual(body(html), want, slip);
});

test('capDepth: the end tags of elements left out go too, so they close nothing of what is open', () => {
  const html = `<div hidden>${'<div>'.repeat(600)}内层文字${'</div>'.repeat(600)}${SECRET}</div>${P}`;
  assert.deepEqual(body(html), ['正文段落，内容完整。']);
});

// --- PDF layout (pdfLayout.ts), on pages given directly by an extractor. Body text of 20 pt (its
// rules' thresholds are then whole numbers): 23 CJK characters fill x 70–530; lines 30 apart.

type Run = { str: string; x: number; y: number; width: number; fontSize: number };
/** A run of text; its width, unless given, CJK characters one em, others half. */
const run = (y: number, x: number, str: string, fontSize = 20, width?: number): Run => ({
  str,
  x,
  y,
  width: width ?? [...str].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.5), 0) * fontSize,
  fontSize,
});
const pageOf = (number: number, items: Run[], height = 842): PdfPage => ({ number, width: 595, height, items });
const extractor =
  (pages: PdfPage[]): PdfTextExtractor =>
  async () => ({ ok: true, value: { pages } });
const pdf = async (pages: PdfPage[]) =>
  (await importSourceAsync('g.pdf', enc('%PDF-1.7\n'), { pdfText: extractor(pages) })).reports[0].paragraphs.map((p) => p.text);
const TITLE = run(780, 180, '某市2024年国民经济和社会发展统计公报', 24);
/** A full body line (23 characters from the left margin), an indented first line (21 from x 110). */
const full = (y: number, s: string) => run(y, 70, s.padEnd(23, '字').slice(0, 23));
const first = (y: number, s: string) => run(y, 110, s.padEnd(21, '字').slice(0, 21));
const F = (s: string) => s.padEnd(23, '字').slice(0, 23);
const I = (s: string) => s.padEnd(21, '字').slice(0, 21);

test('PDF paragraphs: each threshold is exclusive (an indent of 0.9 em, a line 1.5 em short, a gap of 1.45 lines, a size 15% off)', async () => {
  const got = await pdf([
    pageOf(1, [
      TITLE,
      first(700, '甲段'),
      full(670, '甲段二'),
      run(640, 88, I('缩进零点九字的行')),
      full(610, '甲段四'),
      run(580, 70, '右端正好短一点五字的行', 20, 430),
      full(550, '甲段六'),
      full(506.5, '间距一点四五倍'),
      run(476.5, 70, F('小百分之十五字号'), 17),
      first(446.5, '乙段'),
      full(416.5, '乙段二'),
      full(386.5, '乙段三'),
    ]),
  ]);
  assert.deepEqual(got, [
    `${I('甲段')}${F('甲段二')}${I('缩进零点九字的行')}${F('甲段四')}右端正好短一点五字的行${F('甲段六')}${F('间距一点四五倍')}${F('小百分之十五字号')}`,
    `${I('乙段')}${F('乙段二')}${F('乙段三')}`,
  ]);
});

test('PDF lines: one baseline within 0.45 em of the larger size (a footnote mark); the size of a line is its median run’s', async () => {
  const got = await pdf([
    pageOf(1, [
      TITLE,
      first(700, '甲段'),
      run(670, 70, '全年粮食产量'),
      run(675, 190, '①', 10),
      run(670, 196, F('达到历史新高').slice(0, 17)),
      run(640, 70, '第三行的前半'),
      run(631, 190, F('基线低九磅的后半').slice(0, 17)),
      full(610, '甲段四'),
    ]),
  ]);
  assert.deepEqual(got, [`${I('甲段')}全年粮食产量①${F('达到历史新高').slice(0, 17)}第三行的前半${F('基线低九磅的后半').slice(0, 17)}${F('甲段四')}`]);
});

test('PDF lines: runs in any order are read top to bottom, left to right', async () => {
  const items = [TITLE, first(700, '甲段'), run(670, 70, '第二行的前半'), run(670, 190, F('第二行的后半').slice(0, 17)), full(640, '甲段三')];
  const got = await pdf([pageOf(1, [...items].reverse())]);
  assert.deepEqual(got, [`${I('甲段')}第二行的前半${F('第二行的后半').slice(0, 17)}${F('甲段三')}`]);
});

test('PDF lines: a gap of exactly 1.2 em is no cell break, of 0.2 em no word space; a URL split across runs or lines stays whole', async () => {
  const latin = (y: number, x: number, s: string) => run(y, x, s);
  const got = await pdf([
    pageOf(1, [
      TITLE,
      first(700, '甲段'),
      run(670, 70, '指标名称'),
      run(670, 70 + 80 + 24, F('本年数值').slice(0, 17)),
      latin(640, 70, 'GDP'),
      latin(640, 70 + 30 + 4, 'growth'),
      run(640, 70 + 30 + 4 + 60, F('快').slice(0, 17)),
      run(610, 70, '网址：http://www.gd.gov.cn/', 20, 460),
      run(580, 70, 'zwgk/index.html，'),
      run(580, 70 + 170 + 10, 'fgk/', 20, 40),
      run(580, 70 + 170 + 10 + 40 + 5, 'a.html'),
    ]),
  ]);
  assert.deepEqual(got, [
    `${I('甲段')}指标名称${F('本年数值').slice(0, 17)}GDPgrowth${F('快').slice(0, 17)}网址：http://www.gd.gov.cn/zwgk/index.html，fgk/a.html`,
  ]);
});

test('PDF lines: Latin lines join with a space even when the paragraph has Chinese before', async () => {
  const got = await pdf([pageOf(1, [TITLE, first(700, '甲段'), run(670, 70, '附件：Annual Report on the', 20, 460), run(640, 70, 'Rule of Law in 2024')])]);
  assert.deepEqual(got, [`${I('甲段')}附件：Annual Report on the Rule of Law in 2024`]);
});

test('PDF tidy: every space next to Chinese goes, runs of spaces are one', async () => {
  const got = await pdf([pageOf(1, [TITLE, first(700, '甲段'), run(670, 70, '2024 年 GDP 增长 5%，CPI  上涨 0.2%', 20, 460), full(640, '甲段三')])]);
  assert.deepEqual(got, [`${I('甲段')}2024年GDP增长5%，CPI上涨0.2%${F('甲段三')}`]);
});

/** A page of body text: an indented first line, a full one, a short last one. */
const bodyPage = (n: number, extra: Run[], height = 842) =>
  pageOf(n, [...(n === 1 ? [TITLE] : []), first(700, `第${n}页正文`), full(670, `第${n}页续行`), run(640, 70, `第${n}页末行。`), ...extra], height);
const bodyOf = (n: number) => `${I(`第${n}页正文`)}${F(`第${n}页续行`)}第${n}页末行。`;

test('PDF furniture: page numbers of every style at the foot go; numbers of five digits stay', async () => {
  const numbers = ['- 12 -', '— 3 —', '12 / 30', '第 12 页', '第12页／共30页', 'Page 12 of 30', 'page12', 'xii', '— Ⅳ —', '12页', '·12·', '１２', '12345'];
  const got = await pdf(numbers.map((s, i) => bodyPage(i + 1, [run(40, 280, s, 10)])));
  assert.deepEqual(got, [...numbers.map((_, i) => bodyOf(i + 1)), '12345']);
});

test('PDF furniture: the top and bottom 15% of each page’s own height, its first two and last two lines only', async () => {
  const rows: [string, PdfPage, string[]][] = [
    ['the top band of a page 600 high', bodyPage(1, [run(560, 280, '— 5 —', 10)], 600), [bodyOf(1)]],
    [
      'y 800 of a page 1000 high is not in its band',
      pageOf(1, [{ ...TITLE, y: 900 }, run(800, 300, '12'), first(700, '正文'), full(670, '续行')], 1000),
      ['12', `${I('正文')}${F('续行')}`],
    ],
    [
      'y 850 of it is not either',
      pageOf(1, [{ ...TITLE, y: 900 }, run(850, 300, '12'), first(700, '正文'), full(670, '续行')], 1000),
      ['12', `${I('正文')}${F('续行')}`],
    ],
    ['nor y 150', pageOf(1, [{ ...TITLE, y: 900 }, first(700, '正文'), full(670, '续行'), run(150, 300, '12')], 1000), [`${I('正文')}${F('续行')}`, '12']],
    [
      'a third line from the top is not furniture',
      pageOf(1, [{ ...TITLE, y: 800 }, run(780, 250, '二〇二四年三月'), run(760, 300, '3'), first(700, '正文'), full(670, '续行')]),
      ['二〇二四年三月', '3', `${I('正文')}${F('续行')}`],
    ],
    [
      'nor a third line from the bottom',
      pageOf(1, [TITLE, first(700, '正文'), full(670, '续行'), run(100, 300, '8'), run(80, 250, '某市统计局'), run(60, 250, '二〇二四年三月')]),
      [`${I('正文')}${F('续行')}`, '8', '某市统计局', '二〇二四年三月'],
    ],
  ];
  for (const [slip, page, want] of rows) assert.deepEqual(await pdf([page]), want, slip);
});

test('PDF furniture: a running head goes when on half the pages with text (at least 2 of 3 or more), numbers aside, up to 60 characters', async () => {
  const head = (s: string) => run(800, 200, s, 12);
  const six = await pdf([1, 2, 3, 4, 5, 6].map((n) => bodyPage(n, [head(n <= 2 ? '征求意见稿' : n <= 5 ? '内部资料注意保存' : '其他')])));
  assert.deepEqual(
    six,
    ['征求意见稿', bodyOf(1), '征求意见稿', bodyOf(2), bodyOf(3), bodyOf(4), bodyOf(5), '其他', bodyOf(6)],
    'on 2 of 6 pages it stays, on 3 of 6 it goes',
  );
  const issues = await pdf([9, 10, 11, 12].map((k, i) => bodyPage(i + 1, [head(`2024年第${k}期`)])));
  assert.deepEqual(issues, [1, 2, 3, 4].map(bodyOf), 'a number of any length in it');
  const L60 = '广州市人民政府关于二〇二四年度法治政府建设情况的报告'.padEnd(60, '字');
  const long = await pdf([1, 2, 3, 4].map((n) => bodyPage(n, [head(n <= 2 ? L60 : `${L60}多`)])));
  assert.deepEqual(long, [bodyOf(1), bodyOf(2), `${L60}多`, bodyOf(3), `${L60}多`, bodyOf(4)], '60 characters go, 61 stay');
  const scanned = await pdf([bodyPage(1, [head('征求意见稿')]), pageOf(2, []), bodyPage(3, [head('征求意见稿')]), pageOf(4, [])]);
  assert.deepEqual(scanned, ['征求意见稿', bodyOf(1), '征求意见稿', bodyOf(3)], 'pages without text do not count');
});

/** Lines 30 apart from y 700 down, each [left, right, text] (20 pt). */
const lines = (rows: [number, number, string][], fontSize = 20, top = 700, step = 30) =>
  rows.map(([left, right, s], i) => run(top - i * step, left, s, fontSize, right - left));

test('PDF body: the body size is the first to be most common; other sizes, tables and titles do not set the spacing', async () => {
  const body = lines([
    [110, 530, '我市全年经济运行稳中有进，主要指标好于预期。'],
    [70, 530, '地区生产总值比上年增长百分之五点二，高于全国。'],
    [70, 300, '发展质量稳步提升。'],
  ]);
  const note = lines(
    [
      [98, 530, '注：本公报中数据均为初步统计数。'],
      [70, 530, '部分数据因四舍五入的原因，存在总计与分项合计不等的情况。'],
      [70, 200, '地区生产总值按现价计算。'],
    ],
    14,
    600,
    20,
  );
  assert.deepEqual(await pdf([pageOf(1, [TITLE, ...body, ...note])]), [
    '我市全年经济运行稳中有进，主要指标好于预期。地区生产总值比上年增长百分之五点二，高于全国。发展质量稳步提升。',
    '注：本公报中数据均为初步统计数。部分数据因四舍五入的原因，存在总计与分项合计不等的情况。地区生产总值按现价计算。',
  ]);
  const table = [0, 1, 2, 3, 4].flatMap((i) => [
    run(560 - i * 20, 70, `指标${i}`, 14),
    run(560 - i * 20, 300, `${i + 1}.5`, 14),
    run(560 - i * 20, 550, '亿元', 14),
  ]);
  assert.deepEqual(await pdf([pageOf(1, [TITLE, ...body, ...table])]), [
    '我市全年经济运行稳中有进，主要指标好于预期。地区生产总值比上年增长百分之五点二，高于全国。发展质量稳步提升。',
    ...[0, 1, 2, 3, 4].map((i) => `指标${i} ${i + 1}.5 亿元`),
  ]);
});

test('PDF body: lines 15% smaller than the body size are body lines (they set the left margin)', async () => {
  const A = '全年全市地区生产总值比上年增长百分之五点二。';
  const B = '其中第一产业增加值增长百分之三点一，稳中有升。';
  const C = '全年城镇新增就业人数超过预期目标，就业稳定。';
  const got = await pdf([
    pageOf(1, [
      TITLE,
      run(700, 110, A, 20, 420),
      run(670, 70, B, 17, 460),
      run(640, 70, B, 17, 460),
      run(610, 70, B, 17, 460),
      run(580, 110, C, 20, 420),
      run(550, 70, B, 20, 460),
      run(520, 70, '完。'),
    ]),
  ]);
  assert.deepEqual(got, [`${A}${B}${B}${B}`, `${C}${B}完。`]);
});

test('PDF spacing: only gaps between body-size prose lines set it (not notes of other sizes, not table rows)', async () => {
  const S = '各项工作扎实推进，取得新的进展和成效。';
  const para = lines([
    [110, 530, S],
    [70, 530, S],
    [70, 530, S],
    [70, 530, S],
    [70, 530, S],
    [70, 300, '完。'],
  ]);
  const block = (fontSize: number, top: number, s: string) =>
    lines(
      [
        [70 + 2 * fontSize, 530, s],
        [70, 530, s],
        [70, 530, s],
        [70, 200, '止。'],
      ],
      fontSize,
      top,
      16,
    );
  const notes = await pdf([pageOf(1, [TITLE, ...para, ...block(14, 500, '注一'), ...block(12, 400, '注二'), ...block(16, 300, '注三')])]);
  assert.deepEqual(notes, [`${S.repeat(5)}完。`, '注一注一注一止。', '注二注二注二止。', '注三注三注三止。'], 'notes 16 apart');
  const rows = Array.from({ length: 8 }, (_, i) => [
    run(500 - i * 16, 70, `指标${i + 1}`),
    run(500 - i * 16, 300, `${i + 1}.5`),
    run(500 - i * 16, 450, '亿元'),
  ]).flat();
  const table = await pdf([pageOf(1, [TITLE, ...para.slice(0, 3), ...rows])]);
  assert.deepEqual(table, [S.repeat(3), ...Array.from({ length: 8 }, (_, i) => `指标${i + 1} ${i + 1}.5 亿元`)], 'table rows 16 apart');
});

test('PDF margins: the left one shared by enough lines (10% of the body, at least 2), else the most common; the right one where 30% end', async () => {
  const S = '各项工作扎实推进，取得新的进展和成效。';
  // 30 lines at x 70 and 2 hanging at 50: 2 lines are not 10% of 32.
  const rows: [number, number, string][] = [[110, 530, S], ...Array.from({ length: 29 }, (): [number, number, string] => [70, 530, S])];
  rows.splice(10, 0, [50, 530, S], [50, 530, S]);
  rows.push([70, 200, '完。']);
  assert.deepEqual(await pdf([pageOf(1, [TITLE, ...lines(rows, 20, 760, 22)])]), [`${S.repeat(32)}完。`], 'a left edge of 2 lines in 33');
  const T = '全市上下团结一心，奋力完成全年目标任务。';
  const two = await pdf([
    pageOf(1, [
      TITLE,
      ...lines([
        [70, 530, S],
        [110, 530, T],
      ]),
    ]),
  ]);
  assert.deepEqual(two, [S, T], 'no edge shared: the first line’s (the second is indented)');
  const right = lines([
    [110, 530, S],
    [70, 530, S],
    [70, 528, S],
    [70, 540, S],
    [70, 545, S],
    [70, 515, S],
    [70, 550, S],
    [70, 555, S],
    [70, 560, S],
    [70, 300, S],
  ]);
  assert.deepEqual(await pdf([pageOf(1, [TITLE, ...right])]), [S.repeat(10)], '3 of 10 lines within 2 of 530: the right margin is 530, and 515 is not short');
});

test('PDF tables: a table row first is no title', async () => {
  const row = (y: number, a: string, b: string) => [run(y, 70, a), run(y, 300, b)];
  const imp = await importSourceAsync('g.pdf', enc('%PDF-1.7\n'), {
    pdfText: extractor([pageOf(1, [...row(780, '指标名称', '本年数值'), ...row(750, '地区生产总值', '5.2'), first(700, '甲段'), full(670, '甲段二')])]),
  });
  assert.deepEqual(
    [imp.reports[0].title, imp.reports[0].paragraphs.map((p) => p.text)],
    ['g', ['指标名称 本年数值', '地区生产总值 5.2', `${I('甲段')}${F('甲段二')}`]],
  );
});
