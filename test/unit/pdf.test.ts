import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { flattenOutline, importSource, importSourceAsync, type PdfPage, type PdfTextExtractor, type SourceImport } from '../../src/core/index.ts';
import { createPdfExtractor } from '../../src/host/pdfjs.ts';
import { FIXTURES } from './helpers.ts';

const PDF = path.join(FIXTURES, 'pdf');
const pdfText = createPdfExtractor({ timeoutMs: 30_000 });
const load = (name: string) => importSourceAsync(name, readFileSync(path.join(PDF, name)), { pdfText });
const errorOf = (imp: SourceImport) => {
  assert.equal(imp.reports.length, 0, 'no report');
  const e = imp.diagnostics.find((d) => d.severity === 'error');
  assert.ok(e, 'an error says what was wrong');
  return e.message;
};

/** A minimal PDF: the objects in order (1 0 obj …), with a correct xref table. */
function buildPdf(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const page = (content: string, resources = '') => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ${resources}>>`,
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
];

test('a PDF made by WPS: title, chapters, paragraphs joined across lines and pages, page numbers gone', async () => {
  const imp = await load('hzq2023_working.pdf');
  assert.equal(imp.format, 'pdf');
  assert.deepEqual(imp.diagnostics, []);
  const r = imp.reports[0];
  assert.equal(r.title, '洪泽区人民政府2023年政府信息公开工作年度报告', 'the issuer line and the title line are one title');
  assert.equal(r.year, 2023);
  assert.deepEqual(
    r.outline.filter((n) => n.kind === 'chapter').map((n) => `${n.label}${n.title}`),
    [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ],
  );
  const texts = r.paragraphs.map((p) => p.text);
  assert.equal(
    texts[0],
    '本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）要求编制此报告。报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。如对本报告有疑问，请与淮安市洪泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道90号，邮编：223100，电话：0517-87222589，电子邮箱：hzzwgk@126.com）。',
    'wrapped Chinese lines join with no space',
  );
  assert.ok(texts.includes('一、总体情况'));
  assert.ok(
    texts.some((t) => t.startsWith('（一）主动公开情况。主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息。')),
    'a section heading and its paragraph',
  );
  assert.deepEqual(
    texts.filter((t) => /^[-—\s]*\d+[-—\s]*$/.test(t)),
    [],
    'no page numbers (- 1 -)',
  );
  // The tables of the 条例 are rows, their cells in order.
  assert.ok(texts.includes('信息内容 本年制发件数 本年废止件数 现行有效件数'), 'a table header row');
  assert.ok(texts.includes('规章 0 0 0'));
});

test('a statistical communiqué PDF (no producer metadata): title, date and chapters', async () => {
  const r = (await load('周口市统计公报2023.pdf')).reports[0];
  assert.equal(r.title, '2023年周口市国民经济和社会发展统计公报');
  assert.equal(r.year, 2023);
  assert.deepEqual(
    r.paragraphs.slice(0, 2).map((p) => p.text),
    ['周口市统计局', '2024年4月29日'],
  );
  assert.equal(r.published, '2024-04-29', 'the date line of the front matter');
  assert.deepEqual(
    r.outline.filter((n) => n.kind === 'chapter').map((n) => `${n.label}${n.title}`),
    [
      '一、综合',
      '二、农业',
      '三、工业和建筑业',
      '四、固定资产投资',
      '五、交通和邮电',
      '六、国内贸易和对外经济',
      '七、财政和金融',
      '八、教育和科学技术',
      '九、文化旅游、卫生健康和体育',
      '十、人民生活和社会保障',
      '十一、环境保护和安全生产',
    ],
  );
  // The notes after the last chapter are an appendix part of their own, never a chapter.
  const last = r.outline.at(-1);
  assert.equal(last?.kind, 'part');
  assert.equal(last?.partKind, 'appendix');
  assert.equal(last?.title, '注释');
});

test('the other PDFs of the corpus read, with their titles', async () => {
  assert.equal((await load('hzq2024_working.pdf')).reports[0].title, '淮安市洪泽区人民政府2024年政府信息公开工作年度报告');
  assert.equal((await load('性别数据.pdf')).reports[0].title, '2021年深圳市社会性别统计报告');
});

test('without a PDF reader, the synchronous import says so', () => {
  const imp = importSource('a.pdf', readFileSync(path.join(PDF, 'hzq2024_working.pdf')));
  assert.equal(imp.format, 'pdf');
  assert.equal(errorOf(imp), 'This is a PDF: the PDF reader is not available here.');
});

test('bad PDFs: a scan with no text, encrypted, truncated, a damaged xref, garbage, a reader that hangs', async () => {
  const scan = buildPdf(page('0 0 1 rg 50 50 495 742 re f'));
  assert.equal(
    errorOf(await importSourceAsync('scan.pdf', scan, { pdfText })),
    'The PDF has no text layer (1 page(s), a scan?): it needs OCR (text recognition) first.',
  );

  const hex = 'A1'.repeat(32);
  const encrypted = buildPdf(
    [
      ...page('BT /F1 12 Tf 72 700 Td (Hello) Tj ET', '/Resources << /Font << /F1 5 0 R >> >>'),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex}> /U <${hex}> /P -4 >>`,
    ],
    '/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ',
  );
  assert.equal(
    errorOf(await importSourceAsync('locked.pdf', encrypted, { pdfText })),
    'The PDF is password-protected: Annals cannot read it. Save a copy without a password.',
  );

  const whole = readFileSync(path.join(PDF, 'hzq2024_working.pdf'));
  const cut = await importSourceAsync('cut.pdf', whole.subarray(0, 1500), { pdfText });
  assert.match(errorOf(cut), /^(?:The PDF is damaged and cannot be read: .+\.|The PDF has no text layer .*)$/);

  // A damaged xref: pdfjs rebuilds it by scanning the objects, so the text is still read.
  const damaged = new Uint8Array(whole);
  const xrefAt = Buffer.from(damaged).lastIndexOf('startxref');
  damaged.set(new TextEncoder().encode('startxref\n99999999\n'), xrefAt);
  const rebuilt = await importSourceAsync('xref.pdf', damaged, { pdfText });
  assert.equal(rebuilt.reports[0]?.title, '淮安市洪泽区人民政府2024年政府信息公开工作年度报告');
  assert.deepEqual(
    rebuilt.diagnostics.map((d) => `${d.severity}: ${d.message}`),
    ['info: The PDF’s cross-reference table is damaged: its text was read by scanning the whole file.'],
  );

  const garbage = new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}`);
  assert.match(errorOf(await importSourceAsync('garbage.pdf', garbage, { pdfText })), /^The PDF (?:is damaged and cannot be read: .+|has no text layer .*)$/);

  const notPdf = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
  assert.equal(errorOf(importSource('noise.pdf', notPdf)), 'The PDF is damaged and cannot be read: it does not start with %PDF-.');

  const slow = createPdfExtractor({ timeoutMs: 1 });
  assert.equal(
    errorOf(await importSourceAsync('slow.pdf', whole, { pdfText: slow })),
    'Reading the PDF took over 0 s and was stopped: the file may be damaged.',
  );
});

// --- The paragraph rebuilding, on pages given directly (an extractor that returns them).

const HEADER = new TextEncoder().encode('%PDF-1.7\n');
const fromPages = (pages: PdfPage[]): Promise<SourceImport> => {
  const extractor: PdfTextExtractor = async () => ({ ok: true, value: { pages } });
  return importSourceAsync('geometry.pdf', HEADER, { pdfText: extractor });
};
/** A line of text: one run per piece, CJK characters one em wide. */
const line = (y: number, x: number, text: string, size = 16) => ({
  str: text,
  x,
  y,
  width: [...text].reduce((w, c) => w + (/[\u4e00-\u9fff，。、（）：]/.test(c) ? 1 : 0.5), 0) * size,
  fontSize: size,
});
const pageOf = (number: number, items: ReturnType<typeof line>[]): PdfPage => ({ number, width: 595, height: 842, items });

test('paragraphs from geometry: wrapped lines join, an indent, a short line and a gap start paragraphs, page furniture goes', async () => {
  // Body text 16 pt between x=74 and x=522 (28 characters a line), paragraphs indented by two characters.
  const full = (s: string) => s.padEnd(28, '字').slice(0, 28);
  const first = (s: string) => s.padEnd(26, '字').slice(0, 26);
  const pages = [1, 2, 3].map((n) =>
    pageOf(n, [
      line(810, 250, '内部资料 注意保存', 10),
      ...(n > 1 ? [line(780, 74, full(`这是${'甲乙丙'[n - 1]}页的续行`))] : []),
      ...(n === 1
        ? [
            line(740, 200, '某市2024年统计报告', 22),
            line(700, 106, '一、综合'),
            line(673, 106, first('全年地区生产总值增长百分之五')),
            line(646, 74, full('第二行继续')),
            line(619, 74, '短的最后一行。'),
          ]
        : []),
      line(592, 106, first(`${'甲乙丙'[n - 1]}页的新段落`)),
      { str: `GDP grew by 5.2 percent in ${['one', 'two', 'three'][n - 1]}`, x: 106, y: 565, width: 416, fontSize: 16 },
      line(538, 74, `year ${['one', 'two', 'three'][n - 1]}.`),
      line(400, 106, '表头\u3000'),
      { str: '指标', x: 80, y: 360, width: 32, fontSize: 12 },
      { str: '2024年', x: 300, y: 360, width: 40, fontSize: 12 },
      { str: '增长', x: 450, y: 360, width: 24, fontSize: 12 },
      line(40, 280, n === 1 ? '— 1 —' : n === 2 ? '- 2 -' : `第${n}页`, 10),
    ]),
  );
  const imp = await fromPages(pages);
  const texts = imp.reports[0].paragraphs.map((p) => p.text);
  assert.equal(imp.reports[0].title, '某市2024年统计报告', 'the running head on every page is not the title');
  assert.ok(texts.includes('一、综合'), 'a heading at an indent, with a short line, is a paragraph of its own');
  assert.ok(
    texts.includes(`${first('全年地区生产总值增长百分之五')}${full('第二行继续')}短的最后一行。`),
    'Chinese lines join with no space; a short line ends the paragraph',
  );
  assert.ok(texts.includes('GDP grew by 5.2 percent in two year two.'), 'Latin lines join with one space');
  assert.ok(texts.includes(first('丙页的新段落')), 'a one-line paragraph between indents');
  assert.ok(texts.includes(full('这是丙页的续行')), 'a line at the top of a page after a table');
  assert.ok(texts.includes('指标 2024年 增长'), 'a table row stays a row');
  assert.deepEqual(
    texts.filter((t) => /—\s*1\s*—|^- 2 -$|^第3页$|内部资料/.test(t)),
    [],
    'page numbers and the running head on every page are gone',
  );
});

test('a full last line before a heading’s marker ends its paragraph: in a text with no indents (plain text printed to PDF), or before a heading alone; a wrapped list among indented paragraphs does not split', async () => {
  // 28 characters a line from x=74; every line at the left margin, as LibreOffice prints plain text.
  const full = (s: string) => s.padEnd(27, '字').slice(0, 27);
  const rows = (lines: [number, string][]) => [
    pageOf(1, [line(780, 200, '某省2026年政府工作报告', 22), ...lines.map(([x, t], i) => line(740 - i * 27, x, t))]),
  ];
  const body: [number, string][] = [];
  for (let i = 0; i < 6; i++) body.push([74, full(`正文第${'一二三四五六'[i]}行`)], [74, '较短的末行。']);
  const flat = await fromPages(
    rows([
      [74, '一、过去一年工作回顾'],
      ...body,
      [74, full('这一段的末行正好写满')],
      [74, `${full('上一段末行')}。`],
      [74, full('（二）资源型经济转型取得重大进展。能源')],
      [74, '转型成效明显。'],
      ...body,
    ]),
  );
  const texts = flat.reports[0].paragraphs.map((p) => p.text);
  assert.ok(texts.includes(`${full('这一段的末行正好写满')}${full('上一段末行')}。`), 'a full line that ends no sentence runs on');
  assert.ok(texts.includes(`${full('（二）资源型经济转型取得重大进展。能源')}转型成效明显。`), 'the heading’s line starts a paragraph');
  assert.ok(
    flattenOutline(flat.reports[0].outline).some(
      ({ node }) => node.kind === 'section' && node.label === '（二）' && node.title === '资源型经济转型取得重大进展',
    ),
    'the section is in the outline',
  );
  // Indented paragraphs: the same wrapped line inside a paragraph stays in it (an inline list).
  const indentedBody: [number, string][] = [];
  for (let i = 0; i < 6; i++) indentedBody.push([106, full(`正文第${'一二三四五六'[i]}行`).slice(2)], [74, '较短的末行。']);
  const indented = await fromPages(
    rows([
      [106, '一、过去一年工作回顾'],
      ...indentedBody,
      [106, `${full('主要目标是').slice(2)}。`],
      [74, full('（二）资源型经济转型取得重大进展。能源')],
      [74, '转型成效明显。'],
      ...indentedBody,
      [106, `${full('必须绳之以政纪法纪').slice(2)}。`],
      [74, '（三）关于经济体制改革'],
      ...indentedBody,
    ]),
  );
  assert.ok(
    indented.reports[0].paragraphs.some((p) => p.text === '（三）关于经济体制改革'),
    'but a heading alone, flush left after a full line that ends a sentence, is its own paragraph (national 1983 printed)',
  );
  assert.ok(
    indented.reports[0].paragraphs.some((p) => p.text === `${full('主要目标是').slice(2)}。${full('（二）资源型经济转型取得重大进展。能源')}转型成效明显。`),
    'with indents, a line that opens with a marker continues its paragraph',
  );
});

test('a web page printed by a browser: the running head (time, page title) and foot (address, 1/3) in parts across the line go; the site name is no title', async () => {
  const full = (s: string) => s.padEnd(28, '字').slice(0, 28);
  const url = 'https://www.example.gov.cn/art/2026/2/1/art_97564_%E6%94%BF%E5%BA%9C%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A.html';
  const pages = [1, 2, 3].map((n) =>
    pageOf(n, [
      { str: '2/1/26, 10:00 AM', x: 20, y: 825, width: 80, fontSize: 8 },
      { str: '2026年某县人民政府工作报告_某县人民政府门户网站', x: 250, y: 825, width: 200, fontSize: 8 },
      ...(n === 1 ? [line(780, 74, '某县人民政府门户网站', 12), line(740, 120, '2026年某县人民政府工作报告', 22), line(700, 106, '一、过去一年工作回顾')] : []),
      line(673, 106, full(`第${n}页的段落开头`).slice(2)),
      line(646, 74, full('第二行继续')),
      line(619, 74, '短的最后一行。'),
      { str: url, x: 20, y: 15, width: 420, fontSize: 8 },
      { str: `${n}/3`, x: 560, y: 15, width: 12, fontSize: 8 },
    ]),
  );
  const imp = await fromPages(pages);
  const [r] = imp.reports;
  assert.equal(r.title, '2026年某县人民政府工作报告');
  const texts = r.paragraphs.map((p) => p.text);
  assert.deepEqual(
    texts.filter((t) => /AM|example\.gov|门户网站|^\d\/3$/.test(t)),
    [],
    'no running head, foot or site name is text',
  );
  assert.ok(texts.includes(`${full('第2页的段落开头').slice(2)}${full('第二行继续')}短的最后一行。`));
});

test('a table that runs over the pages keeps its rows at the pages’ edges (they differ in their figures alone, as a running head’s page numbers do)', async () => {
  const cell = (y: number, x: number, str: string) => ({ str, x, y, width: [...str].length * 9, fontSize: 12 });
  const pages: PdfPage[] = [];
  let year = 1971;
  for (let n = 1; n <= 4; n++) {
    const items = n === 1 ? [line(800, 150, '某市1971—2023年地区生产总值统计资料', 18), cell(760, 74, '附表：历年地区生产总值及增长速度')] : [];
    for (let y = n === 1 ? 730 : 790; y > 80 && year <= 2023; y -= 27, year++)
      items.push(cell(y, 74, `${year}年`), cell(y, 250, (100 + year * 3.7).toFixed(1)), cell(y, 420, (5 + (year % 7) * 0.9).toFixed(1)));
    pages.push(pageOf(n, items));
  }
  const texts = (await fromPages(pages)).reports[0].paragraphs.map((p) => p.text);
  assert.equal(texts.filter((t) => /^\d{4}年 /.test(t)).length, 2023 - 1971 + 1, 'every row');
});

test('after a sentence’s end, a heading alone set flush left starts a paragraph also with a comma in it; an inline list’s item after ； does not', async () => {
  const full = (s: string) => s.padEnd(28, '字').slice(0, 28);
  const body = (n: number) => [
    line(700 - n * 81, 106, full(`正文第${n}段开头`).slice(2)),
    line(673 - n * 81, 74, full('第二行继续')),
    line(646 - n * 81, 74, '较短的末行。'),
  ];
  const imp = await fromPages([
    pageOf(1, [
      line(800, 150, '2024年某县人民政府工作报告', 22),
      line(760, 106, '一、过去一年工作回顾'),
      ...body(0),
      ...body(1),
      // A full line that ends a sentence, then a heading with a comma, flush left.
      line(484, 106, `${full('经济运行稳中有进').slice(2, 27)}。`),
      line(457, 74, '（二）坚持创新驱动，推动产业升级'),
      line(430, 106, full('科技创新成效明显').slice(2)),
      line(403, 74, '较短的末行。'),
      // A full line that ends in ；, then the next item of an inline list.
      line(376, 106, `${full('主要措施有：（一）扩大有效投资').slice(2, 27)}；`),
      line(349, 74, '（三）保障和改善民生。'),
      line(322, 106, full('二、今年工作安排').slice(0, 8)),
      line(295, 106, full('今年的主要目标').slice(2)),
      line(268, 74, '较短的末行。'),
    ]),
  ]);
  const texts = imp.reports[0].paragraphs.map((p) => p.text);
  assert.ok(texts.includes('（二）坚持创新驱动，推动产业升级'));
  assert.ok(
    texts.some((t) => t.endsWith('；（三）保障和改善民生。')),
    'the list runs on',
  );
});

/** Three pages of one report (its title and first chapter on the first), with a head and a foot on each page. */
const edgedPages = (edges: (n: number) => PdfPage['items']) => {
  const full = (s: string) => s.padEnd(28, '字').slice(0, 28);
  return [1, 2, 3].map((n) =>
    pageOf(n, [
      ...(n === 1 ? [line(760, 150, '2025年某省政府工作报告', 22), line(720, 106, '一、2024年工作回顾')] : []),
      line(673, 106, full(`第${n}页的段落开头`).slice(2)),
      line(646, 74, full('第二行继续')),
      line(619, 74, '较短的末行。'),
      ...edges(n),
    ]),
  );
};

test('a running head that repeats the title leaves the title on the first page; a page number set in parts (— 1 —) goes', async () => {
  const pages = edgedPages((n) => [
    line(815, 230, '2025年某省政府工作报告', 9),
    { str: `— ${n}`, x: 280, y: 30, width: 20, fontSize: 9 },
    { str: '—', x: 330, y: 30, width: 9, fontSize: 9 },
  ]);
  const [r] = (await fromPages(pages)).reports;
  assert.equal(r.title, '2025年某省政府工作报告');
  assert.equal(r.issuer, '某省人民政府');
  assert.deepEqual(
    r.paragraphs.map((p) => p.text).filter((t) => /^—|政府工作报告$/.test(t)),
    [],
    'no running head and no page number in the text',
  );
});

test('a masthead set large on every page is furniture, not the title; 第 2 页 共 3 页 in any size is a page number', async () => {
  const pages = edgedPages((n) => [line(815, 200, '某省人民政府公报', 22), line(30, 250, `第 ${n} 页 共 3 页`, 22)]);
  const [r] = (await fromPages(pages)).reports;
  assert.equal(r.title, '2025年某省政府工作报告');
  assert.deepEqual(
    r.paragraphs.map((p) => p.text).filter((t) => /公报|共 ?3 ?页/.test(t)),
    [],
  );
});

test('a PDF whose pages have no text needs OCR; some empty pages are a warning', async () => {
  const none = await fromPages([pageOf(1, []), pageOf(2, [])]);
  assert.equal(errorOf(none), 'The PDF has no text layer (2 page(s), a scan?): it needs OCR (text recognition) first.');
  const some = await fromPages([
    pageOf(1, [line(700, 74, '某市2024年统计公报'), line(660, 106, '一、综合'), line(630, 106, '全年生产总值增长5%。')]),
    pageOf(2, []),
  ]);
  assert.equal(some.reports.length, 1);
  assert.deepEqual(
    some.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message),
    ['1 of 2 pages of the PDF have no text layer (scanned?): they need OCR; the rest was read.'],
  );
});

test('property: any text runs on any pages never throw, and paragraphs are never empty', async () => {
  const item = fc.record({
    str: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('一、', '（一）', '- 3 -', '第3页', '3/13', '　', '加强统筹。', 'word')),
    x: fc.double({ min: -100, max: 700, noNaN: true }),
    y: fc.double({ min: -100, max: 900, noNaN: true }),
    width: fc.double({ min: 0, max: 500, noNaN: true }),
    fontSize: fc.double({ min: 0, max: 40, noNaN: true }),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(item, { maxLength: 30 }), { minLength: 1, maxLength: 4 }), async (pages) => {
      const imp = await fromPages(pages.map((items, i) => pageOf(i + 1, items)));
      for (const r of imp.reports) for (const p of r.paragraphs) assert.ok(p.text.trim().length > 0);
      if (!imp.reports.length) assert.ok(imp.diagnostics.some((d) => d.severity === 'error'));
    }),
    { numRuns: 200 },
  );
});

test('the DOMMatrix given to pdfjs in Node: scale, translate, multiply and invert as the DOM does', async () => {
  const { AffineMatrix } = await import('../../src/host/domMatrix.ts');
  // pdfjs's worker: new DOMMatrix().scaleSelf(1 / width, -1 / height).translateSelf(0, -height)
  const m = new AffineMatrix().scaleSelf(1 / 4, -1 / 2).translateSelf(0, -2);
  assert.deepEqual(
    [m.a, m.b, m.c, m.d, m.e, m.f].map((x) => x + 0),
    [0.25, 0, 0, -0.5, 0, 1],
  );
  assert.deepEqual(m.transformPoint({ x: 4, y: 0 }), { x: 1, y: 1, z: 0, w: 1 });
  const r = new AffineMatrix([2, 1, 1, 3, 5, 7]);
  const back = new AffineMatrix([2, 1, 1, 3, 5, 7]).invertSelf().multiplySelf(r);
  assert.deepEqual(
    [back.a, back.b, back.c, back.d, back.e, back.f].map((x) => Math.round(x * 1e9) / 1e9 + 0),
    [1, 0, 0, 1, 0, 0],
  );
  assert.deepEqual(new AffineMatrix([1, 0, 0, 1, 3, 4]).preMultiplySelf({ a: 2, b: 0, c: 0, d: 2, e: 0, f: 0 }).e, 6);
});

test('footnote references set as small raised digits do not split their paragraph; an exponent after a letter stays', async () => {
  // As the 深圳 2021 社会性别统计报告 sets them: body 16 pt, references 8.1 pt raised by 8.1 pt.
  const sup = (y: number, x: number, s: string) => ({ str: s, x, y: y + 8.1, width: 4.5 * s.length, fontSize: 8.1 });
  const full = (s: string) => s.padEnd(28, '字').slice(0, 28);
  const pages = [
    pageOf(1, [
      line(740, 200, '2021年深圳市社会性别统计报告', 22),
      line(700, 106, '一、人口特征'),
      line(616, 106, '2021年，深圳市常住人口'),
      sup(616, 282.5, '1'),
      { str: '1761.48万人，其中男性969.57', x: 287, y: 616, width: 235, fontSize: 16 },
      line(588, 74, full('万人，占全市人口的')),
      line(560, 74, '的45.0%，常住人口性别比'),
      sup(560, 258.5, '2'),
      sup(560, 263, '3'),
      { str: '为122.44。', x: 268, y: 560, width: 70, fontSize: 16 },
      line(500, 106, '全市绿地面积达1200万m'),
      { str: '2', x: 274.5, y: 508, width: 4.5, fontSize: 8.1 },
      line(440, 106, '二、婚姻及家庭状况'),
      // A table row of small figures under its 12 pt labels: not references (no larger text right below).
      { str: '指标', x: 80, y: 400, width: 24, fontSize: 12 },
      { str: '0', x: 300, y: 380, width: 6, fontSize: 10.5 },
      { str: '21', x: 400, y: 380, width: 12, fontSize: 10.5 },
      line(300, 106, '表后的正文继续，说明数据来源。'),
    ]),
  ];
  const texts = (await fromPages(pages)).reports[0].paragraphs.map((p) => p.text);
  assert.ok(
    texts.includes(`2021年，深圳市常住人口1761.48万人，其中男性969.57${full('万人，占全市人口的')}的45.0%，常住人口性别比为122.44。`),
    texts.join('\n'),
  );
  assert.ok(!texts.some((t) => /^[0-9 ]+$/.test(t) && t !== '0\t21' && t !== '0 21'), `no stray reference line: ${JSON.stringify(texts)}`);
  assert.ok(
    texts.some((t) => t.includes('1200万m2')),
    'the exponent after m stays',
  );
  assert.ok(
    texts.some((t) => /0\s+21/.test(t)),
    'small figures of a table are kept',
  );
});

test('a short label with no punctuation after a full line that ends a sentence is a line of its own (a wiki mirror printed: …的一年。 / 基本介紹)', async () => {
  // Body text 16 pt between x=74 and x=522 (28 characters a line), no indents: the first line ends a sentence at the margin.
  const full = `${'二〇〇九年是新世纪以来我国经济社会发展最为困难的一年'.padEnd(27, '年').slice(0, 27)}。`;
  const body = (y: number) => line(y, 74, `${'在党中央和省委的坚强领导下全省经济社会保持平稳发展'.padEnd(27, '展').slice(0, 27)}，`);
  const pages = [
    pageOf(1, [
      line(800, 74, full),
      line(780, 74, '基本介绍'),
      line(760, 74, '- 中文名:2010年江西政府工作报告'),
      line(740, 74, '- 时间:2010年'),
      line(720, 74, '- 地址:江西'),
      line(700, 74, '各位代表:'),
      ...Array.from({ length: 24 }, (_, i) => body(680 - 20 * i)),
    ]),
  ];
  const r = (await fromPages(pages)).reports[0];
  assert.equal(r.title, '2010年江西政府工作报告');
  assert.equal(r.issuer, '江西省人民政府');
  assert.ok(!r.paragraphs.some((p) => p.text.endsWith('基本介绍')));
  // A paragraph's tail after such a line ends a sentence or a clause: it still joins (…一年。 / 全省上下…，).
  const tail = [pageOf(1, [line(800, 74, full), line(780, 74, '全省上下齐心协力，'), ...Array.from({ length: 24 }, (_, i) => body(760 - 20 * i))])];
  const texts = (await fromPages(tail)).reports[0].paragraphs.map((p) => p.text);
  assert.ok(
    texts.some((t) => t.endsWith(`${full}全省上下齐心协力，`) || t.includes(`${full}全省上下齐心协力，`)),
    texts.slice(0, 3).join('\n'),
  );
});

test('a title set larger than the text that wraps is one line; a heading after a sentence and its aside in brackets starts a paragraph', async () => {
  // Body text 16 pt between x=74 and x=522 (28 characters a line); the title 22 pt, its first line to the margin and the
  // rest centred under it, as LibreOffice sets a long centred heading.
  const full = (s: string) => s.padEnd(28, '展').slice(0, 28);
  const body = (y: number) => line(y, 74, full('全县经济运行稳中有进，主要指标好于预期，社会事业全面发展'));
  const pages = [
    pageOf(1, [
      line(800, 74, '巍山彝族回族自治县2021年国民经济和社会发展统', 22),
      line(768, 250, '计公报', 22),
      line(730, 74, '巍山彝族回族自治县统计局'),
      line(706, 74, `${full('2021年，全县上下坚持稳中求进工作总基调，经济平稳运行，全县')}`),
      line(682, 74, '经济社会发展取得新成效。'),
      line(650, 74, '一、综合'),
      body(626),
      // (28 characters each: both lines run to the margin, the second ends the aside after the sentence.)
      line(602, 74, '如对本报告有疑问请与县统计局办公室联系。（地址县城文化路'),
      line(578, 74, '一号，邮编六七二四零零，电话六一二一二三四，传真同号码）'),
      line(554, 74, '二、农业'),
      ...Array.from({ length: 20 }, (_, i) => body(530 - 24 * i)),
    ]),
  ];
  const r = (await fromPages(pages)).reports[0];
  assert.equal(r.title, '巍山彝族回族自治县2021年国民经济和社会发展统计公报');
  // A title cut inside a word that the text's own title rules would not join (…和2017年工 / 作安排).
  const street = [
    pageOf(1, [
      line(800, 74, '五角场街道办事处2016年工作总结和2017年工', 22),
      line(768, 250, '作安排', 22),
      line(730, 74, full('2016年，街道办事处在区委、区政府的坚强领导下，优化公共管理')),
      line(706, 74, '、强化公共服务。'),
      line(674, 74, '一、2016年主要工作回顾'),
      ...Array.from({ length: 20 }, (_, i) => body(650 - 24 * i)),
    ]),
  ];
  const s = (await fromPages(street)).reports[0];
  assert.equal(s.title, '五角场街道办事处2016年工作总结和2017年工作安排');
  assert.equal(s.type, '工作总结和工作安排');
  assert.equal(r.type, '国民经济和社会发展统计公报');
  assert.equal(r.issuer, '巍山彝族回族自治县');
  assert.deepEqual(
    r.outline.map((n) => n.title),
    ['综合', '农业'],
  );
});
