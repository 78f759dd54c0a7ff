/**
 * Old binary Word files (.doc): real reports saved as .doc read as their .docx do; the piece table,
 * tables, fields and special characters on files built here; damaged and foreign OLE files give a
 * clear error, never an exception.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import * as CFB from 'cfb';
import { flattenOutline, importSource, type Report } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const load = (dir: string, name: string) => importSource(name, readFileSync(path.join(FIXTURES, dir, name)));
const chapters = (r: Report) =>
  flattenOutline(r.outline)
    .map(({ node }) => node)
    .filter((n) => n.kind !== 'section')
    .map((n) => `${n.label ?? ''}${n.title}`);

test('a real report saved as .doc reads as its .docx: title, issuer, year, date, chapters', () => {
  const imp = load('doc', '2025年湖北省政府工作报告.doc');
  assert.equal(imp.format, 'doc');
  assert.deepEqual(imp.diagnostics, []);
  const [r] = imp.reports;
  assert.equal(r.title, '2025年湖北省政府工作报告');
  assert.equal(r.issuer, '湖北省人民政府');
  assert.equal(r.year, 2025);
  assert.equal(r.published, '2025-01-16');
  assert.deepEqual(chapters(r), ['一、2024年工作回顾', '二、2025年工作思路和重点任务', '三、全面加强政府自身建设']);
  assert.ok(flattenOutline(r.outline).filter(({ node }) => node.kind === 'section').length >= 10);
});

test('a statistical bulletin with tables, pictures and notes as .doc: the chapters, the notes, each table row one line', () => {
  const doc = load('doc', '2016年黔东南州统计公报.doc').reports[0];
  const docx = load('docx', '2023年洛阳市国民经济和社会发展统计公报.docx').reports[0];
  for (const k of ['id', 'title', 'issuer', 'year', 'type', 'published'] as const) assert.equal(doc[k], docx[k], k);
  assert.deepEqual(chapters(doc), chapters(docx));
  const texts = doc.paragraphs.map((p) => p.text);
  // A row with an empty last cell ends where its table's rows end: the text after the table is its own paragraph.
  assert.ok(texts.includes('年末城镇登记失业人员数 人 11588'), texts.join('\n'));
  assert.ok(texts.some((t) => t.startsWith('年末全州参加基本养老保险人数16.65万人。') && t.length < 400));
  for (const row of ['居民消费价格总指数 1.5', '彩色电视机 110 107']) {
    const p = doc.paragraphs.find((x) => x.text === row);
    assert.ok(p, row);
    assert.equal(p.role, 'body');
  }
  // No picture placeholder or control character is left in the text.
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(doc.text));
  // Every paragraph of the .docx is there word for word: a cell of two paragraphs is one cell by the paragraphs'
  // properties (发电量 / 自来水生产产量 was two rows).
  const have = new Set(texts);
  assert.deepEqual(
    docx.paragraphs.filter((p) => !have.has(p.text)).map((p) => p.text),
    [],
  );
  assert.ok(texts.includes('发电量 自来水生产产量 亿千瓦时 102.52 -0.8'));
});

// --- Files built here: a WordDocument stream with a FIB, a table stream with the piece table.

interface Piece {
  text: string;
  /** Stored as 8-bit cp1252 text rather than UTF-16LE. */
  compressed?: boolean;
}

/**
 * `inTable`, when given, writes the paragraphs' properties (PlcBtePapx and one PapxFkp page): for the paragraphs of
 * the first piece (each ended by \r or \x07), in order, whether each is in a table (sprmPFInTable).
 */
function makeDoc(pieces: Piece[], patch: (word: Uint8Array, table: Uint8Array) => void = () => {}, inTable?: (paragraph: number) => boolean): Uint8Array {
  const textBytes = pieces.reduce((n, p) => n + p.text.length * 2, 0);
  const page = Math.ceil((2048 + textBytes) / 512) * 512;
  const word = new Uint8Array(Math.max(4096 + textBytes, page + 512));
  const dv = new DataView(word.buffer);
  dv.setUint16(0, 0xa5ec, true);
  dv.setUint16(2, 0x00c1, true);
  dv.setUint16(0x0a, 0x0200, true); // the table stream is 1Table
  dv.setUint16(32, 14, true); // csw
  const lw = 34 + 14 * 2;
  dv.setUint16(lw, 22, true); // cslw
  const total = pieces.reduce((n, p) => n + p.text.length, 0);
  dv.setInt32(lw + 2 + 12, total, true); // ccpText
  const fcLcb = lw + 2 + 22 * 4;
  dv.setUint16(fcLcb, 93, true);
  const clxLength = 5 + (pieces.length + 1) * 4 + pieces.length * 8;
  const table = new Uint8Array(clxLength + (inTable ? 12 : 0));
  const tv = new DataView(table.buffer);
  table[0] = 0x02;
  tv.setUint32(1, clxLength - 5, true);
  let at = 2048;
  let cp = 0;
  pieces.forEach((p, k) => {
    tv.setUint32(5 + k * 4, cp, true);
    const pcd = 5 + (pieces.length + 1) * 4 + k * 8;
    if (p.compressed) {
      for (let i = 0; i < p.text.length; i++) word[at + i] = p.text.charCodeAt(i);
      tv.setUint32(pcd + 2, ((at * 2) | 0x40000000) >>> 0, true);
      at += p.text.length;
    } else {
      for (let i = 0; i < p.text.length; i++) dv.setUint16(at + 2 * i, p.text.charCodeAt(i), true);
      tv.setUint32(pcd + 2, at, true);
      at += 2 * p.text.length;
    }
    cp += p.text.length;
  });
  tv.setUint32(5 + pieces.length * 4, cp, true);
  dv.setUint32(fcLcb + 2 + 33 * 8, 0, true); // fcClx
  dv.setUint32(fcLcb + 2 + 33 * 8 + 4, clxLength, true); // lcbClx
  if (inTable) {
    // One FKP page: the paragraphs' end offsets, and for each in a table a PapxInFkp (istd 0, sprmPFInTable 1).
    const text = pieces[0].text;
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] === '\r' || text[i] === '\x07') ends.push(2048 + 2 * (i + 1));
    const crun = ends.length;
    dv.setUint32(page, 2048, true);
    ends.forEach((e, i) => dv.setUint32(page + 4 * (i + 1), e, true));
    const papx = 480;
    word.set([3, 0, 0, 0x16, 0x24, 1], page + papx); // cb 3: istd (2 bytes), sprm 0x2416, operand 1
    for (let i = 0; i < crun; i++) word[page + 4 * (crun + 1) + 13 * i] = inTable(i) ? papx / 2 : 0;
    word[page + 511] = crun;
    // PlcBtePapx after the Clx: aFC[0], aFC[1], the page number; fibRgFcLcb97's pair 13.
    tv.setUint32(clxLength, 2048, true);
    tv.setUint32(clxLength + 4, ends[crun - 1], true);
    tv.setUint32(clxLength + 8, page / 512, true);
    dv.setUint32(fcLcb + 2 + 13 * 8, clxLength, true);
    dv.setUint32(fcLcb + 2 + 13 * 8 + 4, 12, true);
  }
  patch(word, table);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'WordDocument', word);
  CFB.utils.cfb_add(cfb, '1Table', table);
  return Uint8Array.from(CFB.write(cfb, { type: 'array' }) as number[]);
}

const read = (bytes: Uint8Array) => importSource('built.doc', bytes);
const TITLE = '某区2023年法治政府建设年度报告\r';

test('the piece table: UTF-16 and 8-bit pieces in order, and only the main document (ccpText)', () => {
  const imp = read(makeDoc([{ text: TITLE }, { text: 'Annual report of 2023\r', compressed: true }, { text: '一、主要举措\r全年办理案件918宗。\r' }]));
  assert.deepEqual(imp.diagnostics, []);
  const r = imp.reports[0];
  assert.equal(r.title, '某区2023年法治政府建设年度报告');
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['Annual report of 2023', '一、主要举措', '全年办理案件918宗。'],
  );
  // Characters past ccpText (headers, footnotes) are not the document's.
  const cut = read(
    makeDoc([{ text: `${TITLE}一、主要举措\r正文。\r页眉文字\r` }], (word) => {
      const lw = 34 + 14 * 2;
      new DataView(word.buffer).setInt32(lw + 2 + 12, `${TITLE}一、主要举措\r正文。\r`.length, true);
    }),
  );
  assert.ok(!cut.reports[0].paragraphs.some((p) => p.text.includes('页眉')));
});

test('tables, fields and special characters', () => {
  const text =
    `${TITLE}一、主要举措\r` +
    // A table of three columns; a row with an empty last cell; a cell of two paragraphs.
    '\x07单位\x07数量\x07\x07' +
    '案件\x07宗\x07918\x07\x07' +
    '备注\x07\x07\x07\x07' +
    '复议\x07件\x0712\r13\x07\x07' +
    '表后的正文。\r' +
    // A field: its code goes, its result stays (nested too); a picture, a drawn object, an optional hyphen.
    '见\x13 HYPERLINK "http://x" \x14附件一\x15和\x13 REF a \x13 SEQ \x14内\x15 \x14附件二\x15。\x01\x08\x1f\r' +
    // A manual line break, a non-breaking hyphen, a page break between paragraphs.
    '第一行\x0b第二行\x1e三\x0c下一段。\r';
  const r = read(makeDoc([{ text }])).reports[0];
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['一、主要举措', '单位 数量', '案件 宗 918', '备注', '复议 件 12 13', '表后的正文。', '见附件一和附件二。', '第一行', '第二行-三', '下一段。'],
  );
  assert.ok(r.paragraphs.filter((p) => /宗 918|单位 数量/.test(p.text)).every((p) => p.role === 'body'));
});

test('damaged, encrypted, older and foreign OLE files give a clear error and never throw', () => {
  const good = makeDoc([{ text: `${TITLE}正文。\r` }]);
  const error = (bytes: Uint8Array) => {
    const imp = read(bytes);
    assert.equal(imp.reports.length, 0);
    return imp.diagnostics.map((d) => `${d.severity}:${d.code}`);
  };
  assert.deepEqual(error(good.slice(0, 600)), ['error:docBroken'], 'truncated');
  const junk = good.slice();
  for (let i = 512; i < junk.length; i++) junk[i] = (i * 131) & 0xff;
  assert.deepEqual(error(junk), ['error:docBroken'], 'garbage after the header');
  assert.deepEqual(error(makeDoc([{ text: TITLE }], (w) => (w[0x0b] |= 0x01))), ['error:docxEncrypted'], 'encrypted');
  assert.deepEqual(error(makeDoc([{ text: TITLE }], (w) => new DataView(w.buffer).setUint16(2, 0x0065, true))), ['error:docUnsupported'], 'Word 6/95');
  assert.deepEqual(
    error(makeDoc([{ text: TITLE }], (_, t) => new DataView(t.buffer).setUint32(5 + 8 + 2, 0x3ffffff0, true))),
    ['error:docBroken'],
    'a piece outside the document',
  );
  assert.deepEqual(error(makeDoc([{ text: TITLE }], (w) => (w[0] = 0))), ['error:docBroken'], 'no Word header');
  assert.deepEqual(error(makeDoc([{ text: TITLE }], (_, t) => (t[0] = 0x07))), ['error:docBroken'], 'no piece table');
  const noWord = CFB.utils.cfb_new();
  CFB.utils.cfb_add(noWord, 'Workbook', new Uint8Array(100));
  assert.deepEqual(error(Uint8Array.from(CFB.write(noWord, { type: 'array' }) as number[])), ['error:oleNotWord'], 'an .xls');
  // Random bytes behind the OLE magic, many seeds: an error or a report, never an exception.
  for (let seed = 1; seed < 60; seed++) {
    const b = good.slice();
    for (let k = 0; k < 40; k++) b[(seed * 7919 * (k + 1)) % b.length] = (seed * k * 31) & 0xff;
    const imp = read(b);
    assert.ok(imp.reports.length > 0 || imp.diagnostics.some((d) => d.severity === 'error'), `seed ${seed}`);
  }
});

test('a last row of fewer (merged) cells ends its table; many open fields take linear time', () => {
  const text =
    `${TITLE}一、主要举措\r正文一。\r` +
    '指标\x07单位\x07数值\x07\x07收入\x07元\x07100\x07\x07合计：共三项\x07\x07' +
    '表后正文。\r二、主要问题\r正文二。\r三、下一步打算\r正文三。\r';
  const r = read(makeDoc([{ text }])).reports[0];
  assert.deepEqual(chapters(r), ['一、主要举措', '二、主要问题', '三、下一步打算']);
  assert.ok(r.paragraphs.some((p) => p.text === '合计：共三项'));
  assert.ok(r.paragraphs.some((p) => p.text === '表后正文。'));
  // 100,000 fields opened and never closed: a count, not a search, for each character.
  const n = 100_000;
  const t0 = performance.now();
  const hostile = read(makeDoc([{ text: `${TITLE}${'\x13\x14'.repeat(n)}${'正'.repeat(n)}\r` }]));
  assert.ok(performance.now() - t0 < 5000);
  assert.ok(hostile.reports[0].paragraphs.some((p) => p.text.startsWith('正正正')));
});

test('the paragraphs’ properties (PlcBtePapx): a cell’s paragraphs are its own, the first cell’s and the first row’s too; a paragraph after the table is not', () => {
  const text = `${TITLE}一、主要举措\r指标\r名称\x07数量\x07\x07发电量\r自来水\x0712\x07\x07表后的正文。\r`;
  // Paragraphs: title, 一、, 指标, 名称, 数量, (row end), 发电量, 自来水, 12, (row end), 表后的正文。
  const cells = new Set([2, 3, 4, 5, 6, 7, 8, 9]);
  const r = read(makeDoc([{ text }], undefined, (i) => cells.has(i))).reports[0];
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['一、主要举措', '指标名称 数量', '发电量 自来水 12', '表后的正文。'],
  );
  // 指标 / 名称: a word the cell broke (joined); 发电量 / 自来水: two labels (a space).
  // Without the properties, the characters alone decide: a first cell's second paragraph opens a line.
  const bare = read(makeDoc([{ text }])).reports[0];
  assert.ok(
    bare.paragraphs.some((p) => p.text === '指标'),
    bare.paragraphs.map((p) => p.text).join('\n'),
  );
  // Properties that put every paragraph in a table, with no cell mark anywhere, do not run the document into one paragraph.
  const noCells = `${TITLE}一、主要举措\r第一段正文。\r第二段正文。\r`;
  assert.deepEqual(
    read(makeDoc([{ text: noCells }], undefined, () => true)).reports[0].paragraphs.map((p) => p.text),
    ['一、主要举措', '第一段正文。', '第二段正文。'],
  );
  // Properties that point outside their streams (a page past the file, a table past its end) are not read: the text is.
  const lw = 34 + 14 * 2;
  const fcLcb = lw + 2 + 22 * 4;
  for (const [what, at, value] of [
    ['a page past the file', 'page', 0x3fffff],
    ['a table past its end', 'fc', 0x7fffffff],
  ] as const) {
    const broken = read(
      makeDoc(
        [{ text }],
        (word, table) => {
          const tv = new DataView(table.buffer);
          if (at === 'page') tv.setUint32(table.length - 4, value, true);
          else new DataView(word.buffer).setUint32(fcLcb + 2 + 13 * 8, value, true);
        },
        (i) => cells.has(i),
      ),
    );
    assert.deepEqual(broken.diagnostics, [], what);
    assert.deepEqual(
      broken.reports[0].paragraphs.map((p) => p.text),
      bare.paragraphs.map((p) => p.text),
      what,
    );
  }
});
