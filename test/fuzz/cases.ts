/**
 * Hostile inputs, generated rather than committed: the cases the reliability review found (each
 * hung the CLI for more than 20 s) and long runs of every character the readers treat specially.
 * `n` scales each input; the suite times each at n and 4n.
 */

export type Target = 'text' | 'html' | 'mhtml' | 'rss' | 'atom' | 'flattened' | 'figures' | 'tables' | 'dates' | 'align' | 'codebook' | 'sidecar';

export interface Case {
  name: string;
  target: Target;
  /** The input at scale n (n is about the size in kilobytes for most cases). */
  make(n: number): string;
}

const rep = (s: string, times: number) => s.repeat(Math.max(1, Math.floor(times)));
const cycle = (items: string[], times: number, sep = '\n') => Array.from({ length: times }, (_, i) => items[i % items.length]).join(sep);
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const page = (body: string, title = '报告') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const mhtml = (body: string) => `MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n${body}`;
const rss = (items: string, channel = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://x.org/</link><description>d</description>${channel}${items}</channel></rss>`;

/** The cases of the reliability issue (#12), by the review's words, at the review's sizes when n = 1000. */
export const REVIEW_CASES: Case[] = [
  {
    name: 'a feed with 100k invalid channel dates (2 MB at n=1000)',
    target: 'rss',
    make: (n) => rss('<item><title>a</title><description>b</description></item>', rep('<pubDate>2019-21-18 99:99</pubDate>', n * 100)),
  },
  { name: 'an HTML text node of 400k spaces before a newline', target: 'html', make: (n) => page(`<p>报告${rep(' ', n * 400)}\n正文</p>`) },
  { name: 'a <title> of 200k spaces', target: 'html', make: (n) => page('<p>一、总体情况</p><p>正文。</p>', rep(' ', n * 200)) },
  { name: 'a title with 100k 、 (reportType)', target: 'text', make: (n) => `${rep('、', n * 100)}报告\n\n一、总体情况\n\n正文。` },
  {
    name: '400k lines cycling 一、…十、 (5 MB)',
    target: 'text',
    make: (n) =>
      `标题报告\n\n${cycle(
        NUMERALS.map((c) => `${c}、`),
        n * 400,
      )}`,
  },
  { name: '80k <p>）（</p> blocks', target: 'html', make: (n) => page(rep('<p>）（</p>', n * 80)) },
  { name: '100k nested inline tags', target: 'html', make: (n) => page(`<p>${rep('<b>', n * 100)}正文${rep('</b>', n * 100)}</p>`) },
  {
    name: '450 nested class="title" divs around 8k paragraphs',
    target: 'html',
    make: (n) => page(`${rep('<div class="title">', Math.ceil(n * 0.45))}${rep('<p>一、正文段落，内容。</p>', n * 8)}${rep('</div>', Math.ceil(n * 0.45))}`),
  },
  {
    name: '我代表国务院 followed by 30k ，',
    target: 'align',
    make: (n) => `各位代表：\n\n我代表国务院${rep('，', n * 30)}向大会报告政府工作。\n\n一、回顾\n\n正文。`,
  },
  { name: 'figures: 111, × 120k', target: 'figures', make: (n) => rep('111,', n * 120) },
  {
    name: 'a flattened feed header of 100k spaces',
    target: 'flattened',
    make: (n) => `标题 http://x.org/ 描述${rep(' ', n * 100)}2019-06-18 2019-06-18 报告 http://x.org/1 正文\n]]>\n2019-06-18`,
  },
  { name: 'figures: 120k separated groups ending in four digits', target: 'figures', make: (n) => `${rep('111,', n * 120)}1111个` },
  {
    name: 'a line of 50k figures that ends in a word (table row test)',
    target: 'text',
    make: (n) => `标题报告\n\n一、章\n\n合计 ${rep('12 ', n * 50)}个\n\n正文。`,
  },
  { name: 'a heading of 50k commas before its text', target: 'text', make: (n) => `标题报告\n\n一、${rep('，', n * 50)}章\n\n正文。` },
  {
    name: 'a flattened feed header of 10k links, then 10k dates',
    target: 'flattened',
    make: (n) => `标题 ${rep('http://x.org/ ', n * 10)}描述 ${rep('2019-06-18 ', n * 10)}报告 http://x.org/1 正文\n]]>\n2019-06-18`,
  },
  {
    name: 'a flattened feed item after 200k blank lines',
    target: 'flattened',
    make: (n) =>
      `标题 http://x.org/ 描述 2019-06-18 2019-06-18 报告 http://x.org/1 正文\n]]>\n2019-06-18\n${rep('\n', n * 200)}条目 http://x.org/2 正文\n]]>\n2019-06-18`,
  },
  {
    name: 'CDATA with 100k entities',
    target: 'rss',
    make: (n) => rss(`<item><title>a</title><description><![CDATA[${rep('&amp;&lt;&#x4e00;', n * 100)}]]></description></item>`),
  },
  {
    name: 'run-on lines: 100k short lines with no sentence end',
    target: 'text',
    make: (n) => `标题报告\n\n${cycle(['政府', '工作', '推进'], n * 100)}\n\n尾。`,
  },
  {
    name: 'run-on lines joined: a chain of 50k short lines among 100k paragraphs',
    target: 'text',
    make: (n) => `标题报告\n\n${rep('正文一句。\n\n', n * 100)}${cycle(['政府', '工作', '推进'], n * 50)}\n\n尾。`,
  },
  {
    name: 'run-on lines: 50k short lines between zero-width spaces',
    target: 'text',
    make: (n) => `标题报告\n\n${cycle(['政府', '工作', '推进'], n * 50, '\n\u200b\n')}\n\n尾。`,
  },
  {
    name: 'a title broken over 100k lines of two characters',
    target: 'text',
    make: (n) => `标题\n${cycle(['政府', '工作', '推进'], n * 100)}\n\n正文。`,
  },
  {
    name: 'unnumbered headings: 50k short lines standing alone',
    target: 'text',
    make: (n) => `标题报告\n\n${cycle(['加强政府自身建设', '2024年工作回顾', '深化改革开放'], n * 50, '\n\n')}`,
  },
  {
    name: 'unnumbered headings: 20k short lines after a long opening',
    target: 'text',
    make: (n) =>
      `标题报告\n\n${rep('各位代表，过去一年工作很多。\n\n', n * 20)}（一）节\n\n${cycle(['推进乡村全面振兴', '稳定经济增长速度', '提高公共服务水平'], n * 20, '\n\n')}`,
  },
  {
    name: 'a codebook with 20k tags',
    target: 'codebook',
    make: (n) =>
      JSON.stringify({
        version: 1,
        tags: Array.from({ length: n * 20 }, (_, i) => ({ id: `t${i}`, label: `标签${i}`, color: '#123456', ...(i ? { parent: `t${i - 1}` } : {}) })),
      }),
  },
];

/** Long runs of each special character (leader dots, Markdown's marks and the form feed too), in each reader. */
export const RUN_CASES: Case[] = [
  ...[
    ' ',
    '\u00a0',
    '\u3000',
    '\u200b',
    '、',
    '，',
    '。',
    '（',
    '）',
    '(',
    ')',
    '一',
    '第',
    '<',
    '>',
    '&',
    ';',
    '\t',
    '\r',
    '：',
    '…',
    '—',
    '1',
    '.',
    '年',
    '_',
    '-',
    '·',
    '*',
    '#',
    '|',
    '\f',
  ].flatMap((c): Case[] => [
    { name: `text: a run of ${JSON.stringify(c)}`, target: 'text', make: (n) => `标题报告\n\n${rep(c, n * 1000)}\n\n正文。` },
    // A run that the line does not end with: a rule anchored at the line's end alone tries every start.
    {
      name: `text: two runs of ${JSON.stringify(c)} around a letter`,
      target: 'text',
      make: (n) => `标题报告\n\n${rep(c, n * 500)}a${rep(c, n * 500)}\n\n正文。`,
    },
    { name: `text: lines of ${JSON.stringify(c)}`, target: 'text', make: (n) => `标题报告\n\n${rep(`${c}\n`, n * 500)}` },
    { name: `html: a run of ${JSON.stringify(c)}`, target: 'html', make: (n) => page(`<p>${rep(c, n * 1000)}</p>`) },
    { name: `figures: a run of ${JSON.stringify(c)}`, target: 'figures', make: (n) => `增长${rep(c, n * 1000)}5%` },
    { name: `dates: a run of ${JSON.stringify(c)}`, target: 'dates', make: (n) => `2019${rep(c, n * 1000)}06-18` },
  ]),
  { name: 'html: 50k empty <p>', target: 'html', make: (n) => page(rep('<p></p>', n * 50)) },
  // A page laid out in one table cell: its paragraphs are one cell's parts (joinCellParts looked at the whole text so far).
  {
    name: 'html: one table cell of 10k paragraphs',
    target: 'html',
    make: (n) => page(`<table><tr><td>${rep('<p>正文一段（）</p>', n * 10)}</td><td>1</td></tr></table>`),
  },
  // Scraped text with comments that never close: each looked for its end once.
  { name: 'text: 10k unclosed <!--', target: 'text', make: (n) => `标题报告\n\n${rep('<!--正文\n', n * 10)}` },
  // One paragraph a line, every other line short: fragments asked for all of them.
  {
    name: 'text: prose and short lines alternating',
    target: 'text',
    make: (n) => `标题报告\n${rep('发展经济的着力点在实体经济上，推动产业升级的\n揭榜\n', n * 20)}`,
  },
  { name: 'html: 20k nested <div>', target: 'html', make: (n) => page(`${rep('<div>', n * 20)}正文${rep('</div>', n * 20)}`) },
  { name: 'html: 50k <br>', target: 'html', make: (n) => page(`<p>${rep('正文<br>', n * 50)}</p>`) },
  { name: 'html: 50k inline pieces each ending in a line break', target: 'html', make: (n) => page(`<p>${rep('<span>正文\n</span>', n * 50)}</p>`) },
  {
    name: 'mhtml: 20k parts',
    target: 'mhtml',
    make: (n) => mhtml(rep(`--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n`, n * 20)),
  },
  { name: 'mhtml: 20k parts with no blank line', target: 'mhtml', make: (n) => mhtml(rep('--B\r\nContent-Type: text/plain\r\n', n * 20)) },
  {
    name: 'mhtml: a page of 200k soft line breaks',
    target: 'mhtml',
    make: (n) =>
      mhtml(`--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=\r\n${rep('=E6=AD=A3=\r\n', n * 200)}</p>\r\n--B--\r\n`),
  },
  {
    name: 'mhtml: 10k nested multiparts, each of its own boundary that never comes',
    target: 'mhtml',
    make: (n) => mhtml(Array.from({ length: n * 10 }, (_, i) => `--B\r\nContent-Type: multipart/alternative; boundary="C${i}"\r\n\r\nx\r\n`).join('')),
  },
  {
    name: 'mhtml: 50k nested multipart headers',
    target: 'mhtml',
    make: (n) => mhtml(rep('--B\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n', n * 50)),
  },
  { name: 'rss: 20k items', target: 'rss', make: (n) => rss(rep('<item><title>标题</title><description>正文。</description></item>', n * 20)) },
  {
    name: 'atom: 20k entries',
    target: 'atom',
    make: (n) =>
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${rep('<entry><title>标题</title><content>正文。</content></entry>', n * 20)}</feed>`,
  },
  {
    name: 'text: 100k sections (一) cycling',
    target: 'text',
    make: (n) =>
      `标题报告\n\n一、章\n\n${cycle(
        NUMERALS.map((c) => `（${c}）节。`),
        n * 100,
        '\n\n',
      )}`,
  },
  {
    name: 'text: 100k 第一章 lines',
    target: 'text',
    make: (n) =>
      `标题报告\n\n${cycle(
        NUMERALS.map((c) => `第${c}章 标题`),
        n * 100,
        '\n\n',
      )}`,
  },
  {
    name: 'text: 20k runs of three headings with a page number (a table of contents each)',
    target: 'text',
    make: (n) => `标题报告\n\n${rep('一、甲 1\n二、乙 2\n三、丙 3\n这是正文。\n', n * 5)}`,
  },
  {
    name: 'text: one line of 20k chapters with sections (a flattened text)',
    target: 'text',
    make: (n) =>
      `标题报告\n\n${cycle(
        NUMERALS.map((c) => `。${c}、甲乙 正文（一）丙。（二）丁`),
        n * 20,
        '',
      )}\n`,
  },
  { name: 'text: one line of 100k 。（一）', target: 'text', make: (n) => `标题报告\n\n${rep('。（一）甲', n * 100)}\n` },
  {
    name: 'text: a flattened line with a run of 100k spaces',
    target: 'text',
    make: (n) => `标题报告\n\n一、概述${rep(' ', n * 100)}二、情况。${rep('字', 3000)}\n`,
  },
  {
    name: 'text: a breadcrumb line of 20k ＞ separators',
    target: 'text',
    make: (n) => `标题行\n${rep('首页 ＞ ', n * 20)}${rep('一', 30)}\n正文开始，这是一段很长的正文内容，用于结束页眉部分的判断。\n`,
  },
  { name: 'text: a Markdown heading with 100k spaces', target: 'text', make: (n) => `# a${rep(' ', n * 100)}x\n# b\n\n正文。` },
  { name: 'text: a bold line with 100k spaces', target: 'text', make: (n) => `**a${rep(' ', n * 100)}b\n**c**\n\n正文。` },
  { name: 'text: 100k blank lines before an OCR page marker', target: 'text', make: (n) => `x${rep('\n\n', n * 100)}x\n<!-- Page 1 -->\n正文` },
  { name: 'text: 100k spaces and line breaks before an OCR page marker', target: 'text', make: (n) => `${rep('\n \n', n * 100)}<!-- Page 1 -->\n正文` },
  {
    name: 'text: a Markdown \\( and 100k spaces, never closed',
    target: 'text',
    make: (n) => `# 某县统计公报\n\n其中\\(${rep(' ', n * 100)}\n\n## 一、综合\n\n正文。`,
  },
  { name: 'text: 100k lines of a cell and its bar', target: 'text', make: (n) => `一、总体情况\n${rep('（一）予以公开 |\n|||\n', n * 50)}正文` },
  { name: 'figures: 100k percentages', target: 'figures', make: (n) => rep('增长5.2%，', n * 100) },
  { name: 'figures: 100k digits with units', target: 'figures', make: (n) => rep('新增就业1244万人，', n * 60) },
  // The lists after 分别 and their shared units, a part of the economy's sectors, and conversions: one sentence, no end.
  { name: 'figures: a list of 20k values after 分别', target: 'figures', make: (n) => `城镇、农村居民收入分别增长${rep('1.5%、', n * 20)}2%` },
  {
    name: 'figures: 20k sectors of a part of the economy',
    target: 'figures',
    make: (n) => `民营经济增加值83.75亿元，其中，${rep('第一产业增加值5.23亿元，', n * 20)}`,
  },
  // 三次产业结构 as ratios, one after another, the one it moves from and one in percent (figures already).
  { name: 'figures: 20k sector ratios', target: 'figures', make: (n) => rep('三次产业结构由上年的10:40:50调整为5%:40%:55%，经济结构持续优化。', n * 20) },
  // A communiqué's table of thousands of rows under one header, and rows with no header (figures of each paragraph).
  { name: 'tables: 20k rows under one header', target: 'tables', make: (n) => `产品名称 产量(吨) 比上年增长(%)\n${rep('粮食 122800 -3.9\n', n * 20)}` },
  { name: 'tables: 20k headers in a row', target: 'tables', make: (n) => rep('指标 绝对数(亿元) 比上年增长(%)\n', n * 20) },
  { name: 'figures: 20k bare numbers before one unit', target: 'figures', make: (n) => `拉动增长${rep('1、', n * 20)}2个百分点` },
  { name: 'figures: 20k unclosed parentheses before a conversion', target: 'figures', make: (n) => `出口总额100亿元${rep('（注', n * 20)}折合5亿美元` },
  { name: 'sidecar: 20k annotations', target: 'sidecar', make: (n) => sidecar(n * 20) },
];

function sidecar(count: number): string {
  const annotations = Array.from({ length: count }, (_, i) => ({
    id: `a${String(i).padStart(16, '0')}`,
    report: 'r1',
    target: {
      paragraph: 'p00000001',
      quote: { type: 'TextQuoteSelector', exact: '正文', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 2 },
    },
    tags: ['t'],
    note: '',
    author: '',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  }));
  return JSON.stringify({ version: 1, source: 'a.txt', annotations });
}
