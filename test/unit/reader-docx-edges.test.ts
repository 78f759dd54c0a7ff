/**
 * Edge rows for the mutation testing of src/core/reader (issue #12), Word's side: formats/docx.ts
 * (paragraph text joined from its pieces when a byte is bad, symbols, breaks, damaged tables, blank
 * paragraphs, properties), wordNumbering.ts (defaults of a level, overrides, restarts, formats) and
 * zip.ts (empty archives, damaged directories, the host decoder). Exact input, exact output; each
 * row is named for the slip it catches. Rows already in reader-word-edges.test.ts are not repeated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync, strToU8, zipSync } from 'fflate';
import { importSource, type SourceImport } from '../../src/core/index.ts';
import { readZipParts } from '../../src/core/reader/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

// --- Word documents built here.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TITLE = '某县2024年政府工作报告';
const run = (t: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (body: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;
const num = (numId: number | string, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${para(run(TITLE))}`;
const TAIL = '<w:sectPr/></w:body></w:document>';
function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(HEAD + body + TAIL) };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}
const textsOf = (imp: SourceImport) => imp.reports[0]?.paragraphs.map((p) => p.text) ?? imp.diagnostics.map((d) => d.code);
/** The paragraphs of a built Word file after its title line (or the problems' codes). */
const texts = (body: string, extra: Record<string, string> = {}) => textsOf(importSource('t.docx', docx(body, extra)));
/** A document.xml from strings and raw bytes (a bad byte in the text). */
const bytesOf = (...pieces: (string | number[] | Uint8Array)[]) => {
  const arrays = pieces.map((p) => (typeof p === 'string' ? enc(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};
const fromXml = (xml: Uint8Array) => textsOf(importSource('x.docx', zipSync({ 'word/document.xml': xml })));
const numbering = (xml: string) => ({ 'word/numbering.xml': `<?xml version="1.0"?><w:numbering ${W}>${xml}</w:numbering>` });
const lvl = (ilvl: number, fmt: string, text: string, more = '') =>
  `<w:lvl w:ilvl="${ilvl}">${more}<w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const start = (n: number) => `<w:start w:val="${n}"/>`;
const abstract = (id: number, levels: string) => `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`;
const inst = (numId: number, abs: number, more = '') => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abs}"/>${more}</w:num>`;
/** Distinct paragraph texts (repeated lines would be taken for page furniture). */
const item = (i: number) => `推进项目${String.fromCharCode(0x5100 + i)}建设。`;
/** Numbered paragraphs [numId, ilvl] in order, with their texts. */
const listed = (seq: [number, number][], xml: string) =>
  texts(seq.map(([id, l], i) => para(run(item(i)), num(id, l))).join(''), numbering(xml)).map((t, i) => t.replace(item(i), '|'));

// This row comes first: the pieces' buffer is shared by the whole module and only grows.
test('Word text with a bad byte, joined from many pieces over 4096 bytes: the buffer grows to fit (none is cut or thrown)', () => {
  const chunk = '全面推进依法行政'.repeat(60); // 1440 bytes a run
  const xml = bytesOf(
    HEAD,
    '<w:p><w:r><w:t>',
    chunk,
    [0xff],
    '</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>',
    chunk,
    '</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>',
    chunk,
    '</w:t></w:r><w:r><w:t>',
    chunk,
    '。</w:t></w:r></w:p>',
    TAIL,
  );
  assert.deepEqual(fromXml(xml), [`${chunk}\ufffd ${chunk}-${chunk}${chunk}。`]);
});

test('Word text with a bad byte: tabs, no-break hyphens and symbols keep their own characters when the pieces are joined', () => {
  const xml = bytesOf(
    HEAD,
    '<w:p><w:r><w:t>收入',
    [0xc0],
    '增长</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>支出</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:sym w:font="Symbol" w:char="2014"/></w:r><w:r><w:t>持平。</w:t></w:r></w:p>',
    TAIL,
  );
  assert.deepEqual(fromXml(xml), ['收入\ufffd增长 支出-—持平。']);
});

test('Word text: after a break, the next block starts from nothing (with a bad byte after the break)', () => {
  const xml = bytesOf(HEAD, '<w:p><w:r><w:t>第一块，</w:t><w:br/><w:t>第二', [0xfe], '块。</w:t></w:r></w:p>', TAIL);
  assert.deepEqual(fromXml(xml), ['第一块，', '第二\ufffd块。']);
});

test('Word symbols: a lone surrogate at either end of the range is U+FFFD; the code units around it are kept', () => {
  const sym = (hex: string) => `<w:r><w:sym w:font="Symbol" w:char="${hex}"/></w:r>`;
  assert.deepEqual(texts(para(run('甲') + sym('D800') + run('乙') + sym('DFFF') + run('丙') + sym('D7FF') + sym('E000') + run('完。'))), [
    '甲\ufffd乙\ufffd丙\ud7ff完。',
  ]);
});

test('Word text: a paragraph of many no-break hyphens and tabs keeps every one (the units buffer grows)', () => {
  const r = (x: string) => `<w:r>${x}</w:r>`;
  const body = para(run('编号') + r('<w:noBreakHyphen/>'.repeat(150)) + run('止。')) + para(run('下') + r('<w:sym w:char="2014"/>'.repeat(70)) + run('段。'));
  assert.deepEqual(texts(body), [`编号${'-'.repeat(150)}止。`, `下${'—'.repeat(70)}段。`]);
});

test('Word text: a w:t directly in a paragraph (no run), even the document’s first, is read; a tab there too', () => {
  assert.deepEqual(texts('<w:p><w:t>无运行的文字，</w:t><w:tab/><w:t>照样读出。</w:t></w:p>'), ['无运行的文字， 照样读出。']);
  const first = `<w:document ${W}><w:body><w:p><w:t>${TITLE}</w:t></w:p>${para(run('全年完成任务，成效明显。'))}</w:body></w:document>`;
  const r = importSource('t.docx', zipSync({ 'word/document.xml': strToU8(first) })).reports[0];
  assert.deepEqual([r.title, r.paragraphs.map((p) => p.text)], [TITLE, ['全年完成任务，成效明显。']]);
});

test('Word damage: table rows and cells outside any table, and paragraph properties outside a paragraph, are read as paragraphs', () => {
  const body =
    `<w:pPr><w:pStyle w:val="Heading1"/>${num(1)}</w:pPr>` +
    `<w:tr><w:tc>${para(run('孤立单元格的文字。'))}</w:tc></w:tr>` +
    `<w:tc>${para(run('没有行的单元格。'))}</w:tc>` +
    para(run('正常段落，继续。'));
  assert.deepEqual(texts(body), ['孤立单元格的文字。', '没有行的单元格。', '正常段落，继续。']);
});

test('Word damage: cells directly in a table with no w:tr are one row at the table’s end, not lost; a row before them stays its own', () => {
  const tc = (t: string) => `<w:tc>${para(run(t))}</w:tc>`;
  assert.deepEqual(texts(`<w:tbl>${tc('指标')}${tc('数值')}</w:tbl>${para(run('正常段落，继续。'))}`), ['指标 数值', '正常段落，继续。']);
  assert.deepEqual(texts(`<w:tbl><w:tr>${tc('甲')}${tc('乙')}</w:tr>${tc('丙')}</w:tbl>`), ['甲 乙', '丙']);
  // Nested: the loose cells of the inner table are one cell's text of the outer row.
  assert.deepEqual(texts(`<w:tbl><w:tr><w:tc><w:tbl>${tc('内一')}${tc('内二')}</w:tbl></w:tc>${tc('外')}</w:tr></w:tbl>`), ['内一 内二 外']);
});

test('Word table: a cell of several paragraphs joins a unit in brackets to its label, and keeps two labels two words', () => {
  const tc = (...ps: string[]) => `<w:tc>${ps.map((t) => para(run(t))).join('')}</w:tc>`;
  const table = `<w:tbl><w:tr>${tc('指标')}${tc('绝对额', '（万元）')}${tc('比上年', '增长（%）')}</w:tr><w:tr>${tc('发电量', '自来水生产产量')}${tc('102.52')}${tc('-0.8')}</w:tr></w:tbl>`;
  assert.deepEqual(texts(table), ['指标 绝对额（万元） 比上年 增长（%）', '发电量 自来水生产产量 102.52 -0.8']);
});

test('Word blank paragraphs (spaces only) are not blocks: a heading broken around them is still joined', () => {
  const blank = para(run('  ')) + para(run('　')) + para('');
  const body =
    para(run('三、持续提升政府')) + blank + para(run('治理效能和服务水平')) + blank + para(run('全面推进依法行政，持续提升政府治理效能，取得明显成效。'));
  assert.deepEqual(texts(body), ['三、持续提升政府治理效能和服务水平', '全面推进依法行政，持续提升政府治理效能，取得明显成效。']);
});

test('Word tables: blank paragraphs in a cell add nothing; a cell’s text is trimmed; an empty nested row adds nothing', () => {
  const tc = (x: string) => `<w:tc>${x}</w:tc>`;
  const nested = `<w:tbl><w:tr>${tc(para(run(' ')))}${tc(para(''))}</w:tr></w:tbl>`;
  const row = `<w:tr>${tc(para(run(' 指标 ')) + para(run('  ')) + para(run('名称')))}${tc(para(run('数值')) + nested + para(run('万元')))}</w:tr>`;
  assert.deepEqual(texts(`${para(run('全年主要指标完成情况如下。'))}<w:tbl>${row}</w:tbl>`), ['全年主要指标完成情况如下。', '指标名称 数值 万元']);
  // 指标 / 名称 is one word a narrow cell broke; 万元 under 数值 is a unit, a word of its own.
});

test('Word properties: a blank title is no title; a creation date inside other text is not a W3CDTF date', () => {
  const core = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y" xmlns:dcterms="z"><dc:title>   </dc:title><dcterms:created>生成于2024-02-03T08:00:00Z</dcterms:created></cp:coreProperties>`;
  const file = zipSync({
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${para(run('全年完成任务，成效明显。'))}${para(run('继续推进各项工作。'))}</w:body></w:document>`),
    'docProps/core.xml': strToU8(core),
  });
  const r = importSource('报告.docx', file).reports[0];
  assert.deepEqual([r.title, r.published], ['报告', null], 'a date inside other text is not a W3CDTF date');
});

test('Word: the year comes from the file’s name when the text has none', () => {
  const file = zipSync({
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${para(run('政府工作报告'))}${para(run('各位代表：现在向大会报告工作。'))}</w:body></w:document>`),
  });
  assert.equal(importSource('某县2023年政府工作报告.docx', file).reports[0].year, 2023);
});

// --- wordNumbering.ts

test('Word numbering: a level’s defaults (start 0, no number text, not legal) when numbering.xml leaves them out', () => {
  const noStart = abstract(0, '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>');
  assert.deepEqual(
    listed(
      [
        [1, 0],
        [1, 0],
      ],
      noStart + inst(1, 0),
    ),
    ['0. |', '1. |'],
    'no w:start: the count starts at 0',
  );
  const noText = abstract(0, `<w:lvl w:ilvl="0">${start(1)}<w:numFmt w:val="decimal"/></w:lvl>`);
  assert.deepEqual(listed([[1, 0]], noText + inst(1, 0)), ['|'], 'no w:lvlText: no number');
  const emptyText = abstract(0, `<w:lvl w:ilvl="0">${start(1)}<w:numFmt w:val="decimal"/><w:lvlText/></w:lvl>`);
  assert.deepEqual(listed([[1, 0]], emptyText + inst(1, 0)), ['|'], 'w:lvlText without a value: no number');
  const notLegal = abstract(0, lvl(0, 'chineseCounting', '%1、', start(1)) + lvl(1, 'decimal', '%1.%2', start(1)));
  assert.deepEqual(
    listed(
      [
        [1, 0],
        [1, 1],
      ],
      notLegal + inst(1, 0),
    ),
    ['一、|', '一.1 |'],
    'no w:isLgl: the upper level keeps its own format',
  );
});

test('Word numbering: a start override for level 1 restarts level 1 (not level 0); each list restarts once', () => {
  const abs = abstract(0, lvl(0, 'chineseCounting', '%1、', start(1)) + lvl(1, 'decimal', '%2.', start(1)));
  const over = '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride>';
  assert.deepEqual(
    listed(
      [
        [1, 0],
        [2, 1],
        [2, 1],
        [1, 0],
      ],
      abs + inst(1, 0) + inst(2, 0, over),
    ),
    ['一、|', '5. |', '6. |', '二、|'],
  );
  const one = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>';
  assert.deepEqual(
    listed(
      [
        [2, 0],
        [2, 0],
        [3, 0],
        [3, 0],
      ],
      abs + inst(2, 0, one) + inst(3, 0, one),
    ),
    ['一、|', '二、|', '一、|', '二、|'],
    'a second list of the same definition restarts too',
  );
});

test('Word numbering: a level that restarts after level 2 restarts when level 2 is used, not when a deeper one is', () => {
  const abs = abstract(
    0,
    lvl(0, 'chineseCounting', '%1、', start(1)) +
      lvl(1, 'chineseCounting', '（%2）', start(1)) +
      lvl(2, 'decimal', '%3.', `${start(1)}<w:lvlRestart w:val="2"/>`),
  );
  assert.deepEqual(
    listed(
      [
        [1, 2],
        [1, 2],
        [1, 1],
        [1, 2],
      ],
      abs + inst(1, 0),
    ),
    ['1. |', '2. |', '（一）|', '1. |'],
  );
});

test('Word numbering: Chinese counting over a hundred (every digit), Roman numerals from 1, legal Chinese past 10', () => {
  const abs = abstract(0, lvl(0, 'chineseCounting', '%1、', start(3467)));
  assert.deepEqual(
    listed(
      [
        [1, 0],
        [1, 0],
        [1, 0],
      ],
      abs + inst(1, 0),
    ),
    ['三千四百六十七、|', '三千四百六十八、|', '三千四百六十九、|'],
  );
  const five = abstract(0, lvl(0, 'decimal', '%1、', start(5125)));
  assert.deepEqual(listed([[1, 0]], five + inst(1, 0)), ['5125、|']);
  const ch = (n: number) => abstract(0, lvl(0, 'chineseCounting', '%1、', start(n))) + inst(1, 0);
  assert.deepEqual(
    [5125, 2222, 8888].map((n) => listed([[1, 0]], ch(n))[0]),
    ['五千一百二十五、|', '二千二百二十二、|', '八千八百八十八、|'],
  );
  for (const [fmt, want] of [
    ['upperRoman', 'I. |'],
    ['lowerRoman', 'i. |'],
  ]) {
    assert.deepEqual(listed([[1, 0]], abstract(0, lvl(0, fmt, '%1.', start(1))) + inst(1, 0)), [want], fmt);
  }
  assert.deepEqual(
    listed(
      [
        [1, 0],
        [1, 0],
      ],
      abstract(0, lvl(0, 'chineseLegalSimplified', '%1、', start(10))) + inst(1, 0),
    ),
    ['拾、|', '十一、|'],
  );
  assert.deepEqual(listed([[1, 0]], abstract(0, lvl(0, 'chineseLegalSimplified', '%1、', start(0))) + inst(1, 0)), ['〇、|'], 'legal Chinese at 0');
});

test('Word numbering: Chinese punctuation inside the number text (not at its end) is still followed by a space', () => {
  const abs = abstract(0, lvl(0, 'chineseCounting', '%1、', start(1)) + lvl(1, 'decimal', '%1、%2', start(1)));
  assert.deepEqual(
    listed(
      [
        [1, 0],
        [1, 1],
      ],
      abs + inst(1, 0),
    ),
    ['一、|', '一、1 |'],
  );
});

test('Word numbering: a bullet outside the private use area is shown as it is', () => {
  assert.deepEqual(
    listed(
      [
        [1, 0],
        [1, 0],
      ],
      abstract(0, lvl(0, 'bullet', '●') + lvl(1, 'bullet', '－')) + inst(1, 0),
    ),
    ['● |', '● |'],
  );
  assert.deepEqual(listed([[1, 1]], abstract(0, lvl(0, 'bullet', '●') + lvl(1, 'bullet', '－')) + inst(1, 0)), ['－ |']);
});

test('Word numbering: a damaged numbering.xml (elements out of place, a list whose definition is missing) changes no number', () => {
  const levels = lvl(0, 'chineseCounting', '%1、', start(1)) + lvl(1, 'decimal', '%2.', start(1));
  const stray =
    `${lvl(0, 'decimal', '%1.', start(1))}<w:isLgl/><w:startOverride w:val="3"/>` +
    abstract(0, levels) +
    lvl(0, 'upperRoman', '%1.', start(1)) +
    inst(1, 0, '<w:startOverride w:val="7"/>') +
    '<w:abstractNumId w:val="9"/>' +
    inst(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride><w:startOverride w:val="8"/>') +
    inst(3, 9);
  assert.deepEqual(
    listed(
      [
        [1, 0],
        [1, 1],
        [3, 0],
        [1, 0],
        [2, 1],
      ],
      stray,
    ),
    ['一、|', '1. |', '|', '二、|', '1. |'],
  );
});

// --- zip.ts

const u32at = (b: Uint8Array, i: number) => new DataView(b.buffer, b.byteOffset).getUint32(i, true);
const setU32 = (b: Uint8Array, i: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(i, v, true);
const setU16 = (b: Uint8Array, i: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint16(i, v, true);
/** The offsets of the central directory's entries, and of its end record. */
const central = (b: Uint8Array) => {
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i++) if (u32at(b, i) === 0x02014b50) out.push(i);
  return out;
};
const eocd = (b: Uint8Array) => {
  for (let i = b.length - 22; i >= 0; i--) if (u32at(b, i) === 0x06054b50) return i;
  return -1;
};
const codeOf = (r: ReturnType<typeof readZipParts>) => (r.ok ? 'ok' : `${r.problem.code}:${JSON.stringify(r.problem.args)}`);
const parts = (r: ReturnType<typeof readZipParts>) => (r.ok ? [...r.value].map(([k, v]) => `${k}=${dec(v)}`).sort() : [codeOf(r)]);
/** A host decoder without a limit of its own (fflate's raw inflate): the reader cuts what it returns. */
const HOST = (data: Uint8Array) => inflateSync(data);

test('readZipParts: an empty archive (its end record alone, at offset 0) has no parts and is not broken', () => {
  const empty = zipSync({});
  assert.equal(empty.length, 22);
  for (const inflate of [undefined, HOST]) assert.deepEqual(parts(readZipParts(empty, new Set(['word/document.xml']), 1e6, inflate)), []);
});

test('a Word file whose directory offset points at its first local header: no document found, not an encrypted file', () => {
  const zip = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${para(run('正文。'))}</w:body></w:document>`) });
  setU32(zip, eocd(zip) + 16, 0);
  assert.deepEqual(parts(readZipParts(zip, new Set(['word/document.xml']), 1e6)), []);
  assert.deepEqual(
    importSource('a.docx', zip).diagnostics.map((d) => d.code),
    ['docxNoDocument'],
  );
});

test('readZipParts: entries with a comment and an extra field are stepped over whole (the encryption flag after them, the part after them)', () => {
  const extra = { 51966: strToU8('额外数据ab') };
  const zip = zipSync({
    'a.xml': [strToU8('甲'.repeat(30)), { comment: '第一个条目的注释', extra }],
    'b.xml': [strToU8('乙'.repeat(30)), { comment: '注释', extra }],
    'c.xml': strToU8('丙'),
  });
  for (const inflate of [undefined, HOST]) assert.deepEqual(parts(readZipParts(zip, new Set(['c.xml']), 1e6, inflate)), ['c.xml=丙']);
  const locked = zip.slice();
  locked[central(locked)[2] + 8] |= 1;
  assert.deepEqual(parts(readZipParts(locked, new Set(['a.xml']), 1e6)), ['docxEncrypted:[]'], 'the third entry is encrypted');
});

test('readZipParts: a lying directory names the limit plus one byte as the size (1.05 MB shows as 1.1)', () => {
  const small = zipSync({ 'a.xml': strToU8('0123456789'.repeat(20)) });
  const entry = central(small)[0];
  setU32(small, entry + 24, u32at(small, entry + 20) * 2000);
  assert.deepEqual(parts(readZipParts(small, new Set(['a.xml']), 1_101_004)), ['docxTooLarge:["1.1","1.0"]']);
});

test('readZipParts by the host decoder: a deflated part is cut at its declared size; a directory entry out of place is named', () => {
  const zip = zipSync({ 'a.xml': strToU8('ABCDEFGHIJ'.repeat(10)) });
  setU32(zip, central(zip)[0] + 24, 4);
  assert.deepEqual(parts(readZipParts(zip, new Set(['a.xml']), 1e6, HOST)), ['a.xml=ABCD']);
  const two = zipSync({ 'a.xml': strToU8('A') }, { level: 0 });
  const e = eocd(two);
  setU16(two, e + 8, 2);
  setU16(two, e + 10, 2);
  const padded = new Uint8Array(two.length + 64).fill(0x20);
  padded.set(two);
  setU16(padded, e + 20, 64);
  assert.deepEqual(parts(readZipParts(padded, new Set(['zz']), 1e6, HOST)), ['zipBroken:["a part cannot be unpacked (a directory entry is out of place)"]']);
});
