/**
 * RTF, as report generators and older office software write it (often under a .doc name): a real
 * report saved as RTF reads as its .docx; GBK bytes, \u characters, tables, fields and the
 * destinations that are not text, on RTF written here; hostile RTF never throws nor hangs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { flattenOutline, importSource, type Report } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const chapters = (r: Report) => flattenOutline(r.outline).map(({ node }) => `${node.label ?? ''}${node.title}`);

test('a real report saved as RTF reads as its .doc and .docx do; under a .doc name too', () => {
  const bytes = readFileSync(path.join(FIXTURES, 'doc', '2025年湖北省政府工作报告.rtf'));
  const rtf = importSource('2025年湖北省政府工作报告.rtf', bytes);
  const doc = importSource('2025年湖北省政府工作报告.doc', readFileSync(path.join(FIXTURES, 'doc', '2025年湖北省政府工作报告.doc')));
  assert.equal(rtf.format, 'rtf');
  assert.deepEqual(rtf.diagnostics, []);
  const [a] = rtf.reports;
  const [b] = doc.reports;
  for (const k of ['id', 'title', 'issuer', 'year', 'type', 'published'] as const) assert.equal(a[k], b[k], k);
  assert.deepEqual(chapters(a), chapters(b));
  assert.deepEqual(
    a.paragraphs.map((p) => p.text),
    b.paragraphs.map((p) => p.text),
  );
  // Under a .doc name (a site that serves RTF as .doc): read as RTF all the same.
  assert.equal(importSource('report.doc', bytes).format, 'rtf');
});

const enc = (s: string) => new TextEncoder().encode(s);
/** GBK bytes as RTF hex escapes. */
const gbk = (s: string) => {
  const table: Record<string, string> = { 某: 'c4b3', 区: 'c7f8', 报: 'b1a8', 告: 'b8e6', 正: 'd5fd', 文: 'cec4' };
  return [...s].map((c) => (table[c] ? `\\'${table[c].slice(0, 2)}\\'${table[c].slice(2)}` : c)).join('');
};

test('GBK bytes, \\u characters, tables, fields and what is not text', () => {
  const src = [
    '{\\rtf1\\ansi\\ansicpg936\\deff0',
    "{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}{\\f1\\fswiss\\fcharset0 Arial;}}",
    '{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s1 heading 1;}}{\\info{\\title 文档属性标题}{\\author 张三}}',
    '{\\*\\generator Some Writer;}',
    `\\pard\\f0 ${gbk('某区')}2023\\u24180?\\u27861?\\u27835?\\u25919?\\u24220?\\u24314?\\u35774?${gbk('报告')}\\par`,
    '\\pard \\u19968?\\u12289?\\u24635?\\u20307?\\u24773?\\u20917?\\par',
    // A field: its instruction goes, its result stays; a picture and a header go.
    '\\pard {\\field{\\*\\fldinst HYPERLINK "http://x"}{\\fldrslt \\u38468?\\u20214?}}\\u12290?{\\pict\\pngblip 89504e47}{\\header \\u39029?\\u30473?\\par}\\par',
    // A table of two rows; the second with a cell of two paragraphs.
    '\\trowd\\cellx1000\\cellx2000\\pard\\intbl \\u21333?\\u20301?\\cell \\u25968?\\u37327?\\cell \\row',
    '\\trowd\\cellx1000\\cellx2000\\pard\\intbl \\u26696?\\u20214?\\cell 918\\par 12\\cell \\row',
    // A header wrapped before its unit: one word.
    `\\trowd\\cellx1000\\cellx2000\\pard\\intbl ${gbk('指标')}\\cell ${gbk('绝对额')}\\par ${gbk('（万元）')}\\cell \\row`,
    // Escapes, a line break, a tab, an emdash, \\uc2 with two fallback bytes.
    `\\pard ${gbk('正文')}\\{x\\}\\\\\\line \\u31532?\\tab \\u20108?\\emdash{\\uc2 \\u34892\\'d0\\'d0}\\par`,
    '}',
  ].join('\n');
  const imp = importSource('a.rtf', enc(src));
  assert.equal(imp.format, 'rtf');
  const r = imp.reports[0];
  assert.equal(r.title, '某区2023年法治政府建设报告');
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['一、总体情况', '附件。', '单位 数量', '案件 918 12', '指标 绝对额（万元）', '正文{x}\\', '第 二—行'],
  );
  assert.ok(
    !r.text.includes('宋体') && !r.text.includes('Arial') && !r.text.includes('文档属性标题') && !r.text.includes('页眉') && !r.text.includes('HYPERLINK'),
  );
  assert.ok(r.paragraphs.filter((p) => /单位 数量|案件 918/.test(p.text)).every((p) => p.role === 'body'));
});

test('hostile RTF: deep groups, unclosed groups, cut escapes and words, a huge parameter: a report or an error, quickly', () => {
  const cases = [
    `{\\rtf1 ${'{'.repeat(200_000)}某区报告${'}'.repeat(10)}`,
    '{\\rtf1 {\\fonttbl{\\f0 x;}某区2023年工作报告\\par',
    "{\\rtf1 某区2023年工作报告\\par 正文\\'",
    "{\\rtf1 某区2023年工作报告\\par 正文\\'g",
    '{\\rtf1 某区2023年工作报告\\par \\u99999999999999999999 \\uc-5 x\\',
    `{\\rtf1 ${'\\par '.repeat(100_000)}}`,
    `{\\rtf1 ${'}'.repeat(50_000)} 某区2023年工作报告}`,
  ];
  for (const src of cases) {
    const t0 = performance.now();
    const imp = importSource('h.rtf', enc(src));
    assert.ok(performance.now() - t0 < 10_000, src.slice(0, 40));
    assert.ok(imp.reports.length > 0 || imp.diagnostics.some((d) => d.severity === 'error'), src.slice(0, 40));
    for (const r of imp.reports) assert.ok(!/[\u0000-\u0008]/.test(r.text));
  }
});

test('RTF: breaks inside skipped groups, \\bin data, a GBK trail byte written plain, \\deff and \\plain', () => {
  const title =
    '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fcharset134 SimSun;}{\\f1\\fcharset0 Arial;}}\n\\pard \\u26576?\\u21306?2023\\u24180?\\u24037?\\u20316?\\u25253?\\u21578?\\par\n';
  const src =
    title +
    '\\pard The first half of a sentence{\\footnote\\pard Note one.\\par Note two.} and its second half.\\par\n' +
    "{\\pict\\bin6 a{b}\\'x}\\pard After the picture.\\par\n" +
    "\\pard \\'d6\\'ec\\'e9F\\'bb\\'f9\\par\n" +
    "\\pard\\f1 Arial text \\plain \\'c4\\'e3\\'ba\\'c3\\par}";
  const r = importSource('b.rtf', enc(src)).reports[0];
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['The first half of a sentence and its second half.', 'After the picture.', '朱镕基', 'Arial text 你好'],
  );
});

test('a table cell’s paragraphs (\\intbl) stay in their cell, its first cell’s too; \\pard or the row’s end ends the table’s paragraphs', () => {
  const u = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0)}?`).join('');
  const src = [
    '{\\rtf1\\ansi',
    `\\pard ${u('某区2023年法治政府建设年度报告')}\\par`,
    `\\pard ${u('一、总体情况')}\\par`,
    `\\trowd\\cellx1000\\cellx2000\\pard\\intbl ${u('发电量')}\\par ${u('自来水')}\\cell 12\\cell \\row`,
    `\\trowd\\cellx1000\\cellx2000\\pard\\intbl ${u('指标')}\\cell 13\\cell \\row`,
    // No \pard after the row: the row's end ends the table's paragraphs.
    `${u('表后的正文。')}\\par ${u('又一段。')}\\par`,
    '}',
  ].join('\n');
  assert.deepEqual(
    importSource('a.rtf', enc(src)).reports[0].paragraphs.map((p) => p.text),
    ['一、总体情况', '发电量 自来水 12', '指标 13', '表后的正文。', '又一段。'],
  );
  // An \intbl that no \cell follows swallows nothing; \intbl in a group ends with it; \itap0 is no table.
  const head = `{\\rtf1\\ansi\\pard ${u('某区2023年法治政府建设年度报告')}\\par\\pard ${u('一、总体情况')}\\par\n`;
  const read = (body: string) => importSource('a.rtf', enc(`${head}${body}}`)).reports[0].paragraphs.map((p) => p.text);
  assert.deepEqual(read(`\\pard\\intbl ${u('甲。')}\\par ${u('乙。')}\\par ${u('丙。')}\\par`), ['一、总体情况', '甲。', '乙。', '丙。']);
  assert.deepEqual(read(`\\trowd\\cellx1000\\pard\\intbl ${u('甲')}\\cell\\row\\intbl\\itap0 ${u('表后一。')}\\par ${u('表后二。')}\\par`), [
    '一、总体情况',
    '甲',
    '表后一。',
    '表后二。',
  ]);
  assert.deepEqual(read(`\\trowd\\cellx1000\\cellx2000{\\intbl ${u('名称')}}\\par ${u('数量')}\\cell 7\\cell\\row\\pard ${u('表后。')}\\par`), [
    '一、总体情况',
    '名称',
    '数量 7',
    '表后。',
  ]);
});
