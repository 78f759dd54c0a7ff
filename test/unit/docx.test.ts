import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { cleanBlock, importSource, type SourceImport } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';
import { nodeInflateRaw } from '../../src/host/inflate.ts';

const DOCX = path.join(FIXTURES, 'docx');
const load = (name: string) => importSource(name, readFileSync(path.join(DOCX, name)));
const errorOf = (imp: SourceImport) => {
  assert.equal(imp.reports.length, 0, 'no report');
  const e = imp.diagnostics.find((d) => d.severity === 'error');
  assert.ok(e, 'an error says what was wrong');
  return e.message;
};
const chapters = (imp: SourceImport) =>
  imp.reports[0].outline.filter((n) => n.kind === 'chapter').map((n) => `${n.label}${n.title}:${n.children.filter((c) => c.kind === 'section').length}`);

test('a provincial Word report (no heading styles): title, front matter, chapters and sections by their text', () => {
  const imp = load('2025年天津市政府工作报告.docx');
  assert.equal(imp.format, 'docx');
  assert.deepEqual(imp.diagnostics, []);
  const r = imp.reports[0];
  assert.equal(r.title, '2025年天津市政府工作报告');
  assert.equal(r.year, 2025);
  assert.deepEqual(
    r.paragraphs.slice(0, 2).map((p) => p.text),
    ['2025年1月14日在天津市第十八届人民代表大会第三次会议上天津市市长张工同志作政府工作报告。', '各位代表：'],
    'the 来源： line is metadata, not body',
  );
  assert.deepEqual(chapters(imp), ['一、2024年工作回顾:5', '二、2025年工作安排:7', '三、努力建设人民满意政府:0']);
  assert.equal(r.paragraphs.length, 82);

  const nx = load('2025年宁夏政府工作报告.docx');
  assert.equal(nx.reports[0].title, '2025年宁夏政府工作报告');
  assert.deepEqual(
    nx.reports[0].paragraphs.slice(0, 3).map((p) => p.text),
    ['——2025年1月19日在宁夏回族自治区第十三届人民代表大会第三次会议上', '宁夏回族自治区人民政府主席 张雨浦', '各位代表：'],
  );
  assert.deepEqual(
    nx.reports[0].outline.filter((n) => n.kind === 'chapter').map((n) => `${n.label}${n.title}`),
    ['一、2024年工作回顾', '二、2025年目标任务'],
  );
});

test('a mislabelled Word file: issuer, year and date come from the text, not the name; tables are rows', () => {
  const imp = load('2023年洛阳市国民经济和社会发展统计公报.docx');
  const r = imp.reports[0];
  assert.equal(r.title, '黔东南苗族侗族自治州2016年国民经济和社会发展统计公报', 'the issuer line and the title line are one title');
  assert.equal(r.year, 2016);
  assert.equal(r.issuer, '黔东南苗族侗族自治州');
  assert.equal(r.published, '2017-03-16', 'the date line of the front matter, not the file’s creation date');
  assert.deepEqual(
    r.outline.filter((n) => n.kind === 'chapter').map((n) => `${n.label}${n.title}`),
    [
      '一、综合',
      '二、农业',
      '三、工业和建筑业',
      '四、固定资产投资',
      '五、交通运输和邮政通信业',
      '六、国内贸易',
      '七、对外经济协作和旅游',
      '八、金融',
      '九、教育和科技',
      '十、文化、卫生和体育',
      '十一、人口和人民生活',
      '十二、劳动就业与社会保障',
      '十三、环境保护和安全生产',
    ],
  );
  // The notes after the last chapter are an appendix part of their own, never a chapter.
  const last = r.outline.at(-1);
  assert.equal(last?.kind, 'part');
  assert.equal(last?.partKind, 'appendix');
  assert.equal(last?.title, '注');
  // Table rows are paragraphs of their own: the cells in order, on one line.
  const texts = r.paragraphs.map((p) => p.text);
  const table = texts.indexOf('表2 财政收支情况');
  assert.ok(table > 0);
  assert.deepEqual(texts.slice(table + 1, table + 4), ['绝对数（亿元） 比上年增长（%）', '全部财税收入 156.40 2.3', '财政总收入 148.87 3.5']);
});

// --- Word files built here: numbering, breaks, tabs, tables, hidden and deleted text, properties.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (t: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (body: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;
const num = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

const NUMBERING = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;

const CORE = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>某县2024年法治政府建设年度报告</dc:title><dcterms:created>2025-02-03T08:00:00Z</dcterms:created></cp:coreProperties>`;

test('a work report in Word is dated by its session line (the speaker before 在 too), not by the file’s creation date', () => {
  const body = [
    para(run('2025年某省政府工作报告')),
    para(run('——2025年1月16日省长 李某某在某省第十四届人民代表大会第三次会议上')),
    para(run('各位代表：')),
    para(run('现在，我代表省人民政府向大会报告工作，请予审议。')),
    para(run('一、2024年工作回顾')),
    para(run('过去一年，全省经济持续回升向好。')),
    para(run('二、2025年工作安排')),
    para(run('今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。')),
  ].join('');
  const r = importSource('report.docx', docx(body, { 'docProps/core.xml': CORE })).reports[0];
  assert.equal(r.published, '2025-01-16', 'the day it was delivered, not 2025-02-03 (the file’s creation)');
  assert.equal(r.year, 2025);
  // With no date in its text, the file's creation date still dates it (the test below).
});

test('Word numbering is rendered as Word shows it; breaks, tabs, tables, hidden and deleted text', () => {
  const body = [
    para(run('2024年法治政府建设工作情况', '<w:b/>')),
    para(run('加强统筹'), num(1, 0)),
    para(run('落实责任。明确主要负责人职责。'), num(1, 1)),
    para(run('健全制度'), num(1, 2)),
    para(run('完善机制'), num(1, 2)),
    para(run('强化监督。开展专项检查。'), num(1, 1)),
    para(run('深化改革'), num(1, 0)),
    para(run('优化服务。推行一网通办。'), num(1, 1)),
    para(run('第一行') + '<w:r><w:br/></w:r>' + run('第二行') + '<w:r><w:tab/></w:r>' + run('同一段')),
    para(
      run('可见') +
        run('隐藏', '<w:vanish/>') +
        '<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>' +
        run('文字') +
        '<w:r><w:footnoteReference w:id="1"/></w:r>',
    ),
    `<w:tbl><w:tr><w:tc>${para(run('一、指标'))}</w:tc><w:tc>${para(run('2024年'))}</w:tc></w:tr><w:tr><w:tc>${para(run('地区生产总值'))}</w:tc><w:tc>${para(run('939.05'))}${para(run('亿元'))}</w:tc></w:tr></w:tbl>`,
    para(run('甲'), num(2)),
    para(run('乙'), num(2)),
    para(run('丙'), num(3)),
  ].join('');
  const imp = importSource('built.docx', docx(body, { 'word/numbering.xml': NUMBERING, 'docProps/core.xml': CORE }));
  assert.deepEqual(imp.diagnostics, []);
  const r = imp.reports[0];
  assert.equal(r.title, '某县2024年法治政府建设年度报告', 'no title line in the text: the file’s title');
  assert.equal(r.published, '2025-02-03', 'no date in the text: the file’s creation date');
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    [
      '2024年法治政府建设工作情况',
      '一、加强统筹',
      '（一）落实责任。明确主要负责人职责。',
      '1. 健全制度',
      '2. 完善机制',
      '（二）强化监督。开展专项检查。',
      '二、深化改革',
      '（一）优化服务。推行一网通办。',
      '第一行',
      '第二行 同一段',
      '可见文字',
      '一、指标 2024年',
      '地区生产总值 939.05 亿元',
      'A. 甲',
      'B. 乙',
      'A. 丙',
    ],
  );
  assert.deepEqual(
    r.outline[0].children.map((c) => `${c.label}${c.title}:${c.children.length}`),
    ['一、加强统筹:2', '二、深化改革:1'],
  );
});

test('the file’s title is no title when it is a file name, a placeholder or an address: the program’s prefix and extension go', () => {
  const core = (title: string) => CORE.replace('<dc:title>某县2024年法治政府建设年度报告</dc:title>', `<dc:title>${title}</dc:title>`);
  // No title line in the text: a body that starts with a heading.
  const body = [para(run('一、主要工作')), para(run('全年依法行政工作取得新成效。')), para(run('二、存在问题')), para(run('仍有不足。'))].join('');
  const titleOf = (title: string, name = '2024年某县法治政府建设年度报告.docx') =>
    importSource(name, docx(body, { 'docProps/core.xml': core(title) })).reports[0].title;
  assert.equal(titleOf('Microsoft Word - 某县2024年法治政府建设年度报告.docx'), '某县2024年法治政府建设年度报告');
  assert.equal(titleOf('WPS文字 - 某县2024年法治政府建设年度报告'), '某县2024年法治政府建设年度报告');
  // Not titles: the file name stands in, as it does when the properties name nothing.
  const fromName = titleOf('');
  for (const t of [
    'Untitled',
    '文档1',
    'report_final.docx',
    'https://www.example.gov.cn/a.html',
    '1',
    'PowerPoint 演示文稿',
    // Word's title filled from the first paragraph (a sentence), or an addressee line: no report's name.
    '2023年，市市场监管局在市委市政府的坚强领导下，深入学习贯彻习近平法治思想，取得了新成效。',
    '中共渠县县委、渠县人民政府：',
  ]) {
    assert.equal(titleOf(t), fromName, t);
  }
  assert.notEqual(fromName, 'Untitled');
});

test('a title in the text wins over the file’s properties', () => {
  const body = para(run('某市2023年政府信息公开工作年度报告')) + para(run('一、总体情况')) + para(run('全年主动公开信息1136条。'));
  const r = importSource('t.docx', docx(body, { 'docProps/core.xml': CORE })).reports[0];
  assert.equal(r.title, '某市2023年政府信息公开工作年度报告');
  assert.equal(r.year, 2023);
});

test('bad Word files: a broken zip, a .doc, a password-protected file, a zip bomb, a zip that is not Word', () => {
  const good = readFileSync(path.join(DOCX, '2025年宁夏政府工作报告.docx'));
  assert.match(errorOf(importSource('cut.docx', good.subarray(0, 3000))), /^The Word file is damaged: its zip directory is missing/);
  assert.match(
    errorOf(
      importSource(
        'noise.docx',
        new Uint8Array(4096).map((_, i) => (i * 7919) % 256),
      ),
    ),
    /^The Word file is damaged: it is not a zip archive\.$/,
  );

  // An old .doc and an encrypted .docx are both OLE compound files; the directory names tell them apart.
  const ole = (stream: string) => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < stream.length; i++) b[1024 + i * 2] = stream.charCodeAt(i);
    return b;
  };
  // (A real .doc is read by the .doc reader; this one is only the magic and a name: no compound file.)
  assert.match(errorOf(importSource('old.doc', ole('WordDocument'))), /^The Word file \(\.doc\) is damaged/);
  assert.match(errorOf(importSource('locked.docx', ole('EncryptedPackage'))), /^The Word file is password-protected/);
  // A zip whose entries carry the encryption flag (ZipCrypto).
  const flagged = docx(para(run('正文')));
  for (let i = 0; i + 4 < flagged.length; i++) {
    const sig = flagged[i] | (flagged[i + 1] << 8) | (flagged[i + 2] << 16) | (flagged[i + 3] << 24);
    if (sig === 0x02014b50) flagged[i + 8] |= 1;
  }
  assert.match(errorOf(importSource('zipcrypto.docx', flagged)), /^The Word file is password-protected/);

  // A zip bomb: 64 MB of XML that packs to about 64 KB. Refused from its directory, before unpacking.
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024).fill(0x20) }, { level: 1 });
  assert.ok(bomb.length < 200_000);
  assert.match(errorOf(importSource('bomb.docx', bomb)), /^The Word file would unpack to 64\.0 MB, over the limit of 50\.0 MB/);
  // A directory that lies (it says 1 KB for those 64 MB): unpacking stops at the declared size.
  const lying = bomb.slice();
  for (let i = lying.length - 22; i >= 0; i--) {
    if (lying[i] === 0x50 && lying[i + 1] === 0x4b && lying[i + 2] === 1 && lying[i + 3] === 2) {
      new DataView(lying.buffer).setUint32(i + 24, 1024, true);
      break;
    }
  }
  const small = importSource('lying.docx', lying);
  assert.ok(small.reports.length === 0 || small.reports[0].text.length < 4096, 'no more than the declared size is read');

  const notWord = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
  assert.match(errorOf(importSource('book.docx', notWord)), /^The file is a zip archive but not a Word document/);
});

test('property: a damaged Word file never throws, and its paragraphs are never empty', () => {
  const base = docx([para(run('某县2024年工作报告')), para(run('加强统筹'), num(1)), para(run('全年完成任务。'))].join(''), {
    'word/numbering.xml': NUMBERING,
  });
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(base.length), (flips, cut) => {
      const bytes = base.slice(0, Math.max(cut, 4));
      for (const [at, v] of flips) if (at < bytes.length) bytes[at] = v;
      const imp = importSource('f.docx', bytes);
      for (const r of imp.reports) for (const p of r.paragraphs) assert.ok(p.text.trim().length > 0);
      if (!imp.reports.length) assert.ok(imp.diagnostics.some((d) => d.severity === 'error'));
    }),
    { numRuns: 300 },
  );
});

test('a text box’s paragraphs come after the paragraph that holds them, also in a document cut off inside them', () => {
  const box = (body: string) => `<w:r><w:drawing><w:txbxContent>${body}</w:txbxContent></w:drawing></w:r>`;
  const body = [para(run('一、总体情况') + box(para(run('文本框一')) + para(run('文本框二'))) + run('（续）')), para(run('全年主动公开信息1136条。'))].join('');
  const texts = (bytes: Uint8Array) => importSource('box.docx', bytes).reports[0].paragraphs.map((p) => p.text);
  assert.deepEqual(texts(docx(body)), ['一、总体情况（续）', '文本框一', '文本框二', '全年主动公开信息1136条。']);

  // Cut off inside the text box: neither the holder nor its box is closed. The text up to the cut is kept (this once
  // looped until the memory ran out).
  const cut = `<?xml version="1.0"?><w:document ${W}><w:body>${para(run('某县2024年工作报告'))}<w:p>${run('一、总体情况')}<w:r><w:drawing><w:txbxContent>${para(run('文本框一'))}<w:p>${run('文本框二')}`;
  assert.deepEqual(texts(zipSync({ 'word/document.xml': strToU8(cut) })), ['一、总体情况', '文本框一', '文本框二']);

  // Text boxes nested 5,000 deep: each holder before what it holds, and nothing lost (nor the stack).
  const deep = 5000;
  const nested = `${para(run('某县2024年工作报告'))}${`<w:p>${run('第段。')}<w:r><w:txbxContent>`.repeat(deep)}${'</w:txbxContent></w:r></w:p>'.repeat(deep)}`;
  const got = texts(docx(nested));
  assert.equal(got.length, deep);
  assert.ok(got.every((t) => t === '第段。'));
  const numbered = `${para(run('某县2024年工作报告'))}${Array.from({ length: 300 }, (_, i) => `<w:p>${run(`第${i + 1}段。`)}<w:r><w:txbxContent>`).join('')}${'</w:txbxContent></w:r></w:p>'.repeat(300)}`;
  assert.deepEqual(
    texts(docx(numbered)),
    Array.from({ length: 300 }, (_, i) => `第${i + 1}段。`),
  );
});

test('the text of a Word file is decoded as UTF-8 decoders do it, bad bytes included', () => {
  const enc = new TextEncoder();
  const decoder = new TextDecoder('utf-8');
  const head = enc.encode(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${para(run('某县2024年工作报告'))}<w:p><w:r><w:t>`);
  const tail = enc.encode('</w:t></w:r></w:p><w:sectPr/></w:body></w:document>');
  // The bytes may be split over two runs: a paragraph's runs are one text (a sequence cut by the split is joined again).
  const textOf = (bytes: number[], split = 0) => {
    const before = enc.encode('全年完成任务：');
    const body = [...before, ...bytes, ...enc.encode('，工作成效明显。')];
    const at = before.length + split;
    const runs = split ? [...body.slice(0, at), ...enc.encode('</w:t></w:r><w:r><w:t>'), ...body.slice(at)] : body;
    const xml = new Uint8Array([...head, ...runs, ...tail]);
    const r = importSource('bytes.docx', zipSync({ 'word/document.xml': xml })).reports[0];
    return { got: r.paragraphs.map((p) => p.text), want: [cleanBlock(decoder.decode(new Uint8Array(body)))] };
  };
  // Exact cases: 一 (3 bytes), 😀 (4 bytes), an encoded surrogate, overlong forms, a cut sequence, over U+10FFFF.
  const cases: [number[], string][] = [
    [[0xe4, 0xb8, 0x80], '一'],
    [[0xf0, 0x9f, 0x98, 0x80], '😀'],
    [[0xc3, 0xa9], 'é'],
    [[0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd'],
    [[0xe0, 0x80, 0x80], '\ufffd\ufffd\ufffd'],
    [[0xc0, 0xaf], '\ufffd\ufffd'],
    [[0xe4, 0xb8, 0x41], '\ufffdA'],
    [[0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'],
    [[0xf5, 0x80, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'],
    [[0xff], '\ufffd'],
  ];
  for (const [bytes, text] of cases) {
    const { got } = textOf(bytes);
    assert.deepEqual(got, [`全年完成任务：${text}，工作成效明显。`], bytes.map((b) => b.toString(16)).join(' '));
  }
  // Any bytes: as the platform's decoder gives them.
  const alphabet = [0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xb8, 0xbf, 0xc0, 0xc3, 0xdf, 0xe0, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), fc.nat(12), (bytes, split) => {
      const { got, want } = textOf(bytes, Math.min(split, bytes.length));
      assert.deepEqual(got, want);
    }),
    { numRuns: 200 },
  );
});

test('a tracked change of a paragraph’s numbering: the numbering Word shows now, not the old one', () => {
  const changed = (now: string, old: string) => `${now}<w:pPrChange w:id="9" w:author="审核人"><w:pPr>${old}</w:pPr></w:pPrChange>`;
  const body = [
    para(run('某县2024年工作报告')),
    para(run('加强统筹'), changed(num(1, 0), num(2, 0))),
    para(run('全年完成任务。')),
    para(run('深化改革'), changed(num(1, 0), '')),
  ].join('');
  const texts = importSource('tracked.docx', docx(body, { 'word/numbering.xml': NUMBERING })).reports[0].paragraphs.map((p) => p.text);
  assert.deepEqual(texts, ['一、加强统筹', '全年完成任务。', '二、深化改革']);
});

test('the XML scan: quoted >, comments, spaces in tags, and the run properties that count wherever they are', () => {
  const fonts = '<w:rFonts w:ascii="a>b" w:hAnsi=\'x"y>\'/>';
  const body = [
    para(run('某县2024年工作报告')),
    `<w:p w:rsidR="00AB>12"><w:r w:rsidRPr="1>2"><w:rPr>${fonts}<w:sz w:val="32"/></w:rPr><w:t xml:space="preserve" w:x='a>"b'>全年完成</w:t ></w:r><!-- <w:r><w:t>注释</w:t></w:r> --><w:r><w:t xml:space="preserve">任务。</w:t></w:r></w:p>`,
    para(
      run('看得见的字') + run('隐藏的字', `${fonts}<w:sz w:val="32"/><w:vanish/>`) + run('，不隐藏的字', '<w:vanish w:val="false"/>') + run('。', '<w:rPr/>'),
    ),
    para(run('一、加粗的标题', `${fonts}<w:b/>`)),
    para(run('不加粗的正文内容，有逗号。', '<w:b w:val="0"/>')),
  ].join('');
  const r = importSource('scan.docx', docx(body)).reports[0];
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['全年完成任务。', '看得见的字，不隐藏的字。', '一、加粗的标题', '不加粗的正文内容，有逗号。'],
  );
});

test('Word parts unpacked by the host (Node zlib) read exactly as by the core’s own decoder; a stored part, a bomb and a lying directory too', () => {
  const host = { inflateRaw: nodeInflateRaw };
  for (const name of ['2025年天津市政府工作报告.docx', '2025年宁夏政府工作报告.docx', '2023年洛阳市国民经济和社会发展统计公报.docx']) {
    const bytes = readFileSync(path.join(DOCX, name));
    const own = importSource(name, bytes);
    const native = importSource(name, bytes, host);
    assert.ok(own.reports[0].paragraphs.length > 20, name);
    assert.deepEqual(native, own, name);
  }
  // Parts stored without compression (method 0), and with numbering.
  const body = para(run('一、总体情况'), '') + para(run('正文第一段。'));
  const stored = zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`) }, { level: 0 });
  assert.deepEqual(importSource('stored.docx', stored, host), importSource('stored.docx', stored));
  assert.deepEqual(
    importSource('stored.docx', stored, host).reports[0].paragraphs.map((p) => p.text),
    ['一、总体情况', '正文第一段。'],
  );
  // The bomb is refused from its directory whichever decoder would unpack it.
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024).fill(0x20) }, { level: 1 });
  assert.match(errorOf(importSource('bomb.docx', bomb, host)), /^The Word file would unpack to 64\.0 MB, over the limit of 50\.0 MB/);
  // A directory that says 1 KB for those 64 MB: the host's decoder stops at the declared size (an error, nothing read).
  const lying = bomb.slice();
  for (let i = lying.length - 22; i >= 0; i--) {
    if (lying[i] === 0x50 && lying[i + 1] === 0x4b && lying[i + 2] === 1 && lying[i + 3] === 2) {
      new DataView(lying.buffer).setUint32(i + 24, 1024, true);
      break;
    }
  }
  const cut = importSource('lying.docx', lying, host);
  assert.equal(cut.reports.length, 0);
  assert.match(errorOf(cut), /a part cannot be unpacked/);
});

test('a chapter heading broken into two Word paragraphs is one heading; a table caption after a heading is not joined', () => {
  const body = '人民满意是衡量政府工作的根本标准，全市政府系统要坚持干字当头、实字为先。';
  const broken = docx(para(run('一、2024年工作回顾')) + para(run(body)) + para(run('三、持续提升政府')) + para(run('治理效能和服务水平')) + para(run(body)));
  const r = importSource('broken.docx', broken).reports[0];
  assert.deepEqual(
    r.outline.filter((n) => n.kind === 'chapter').map((n) => n.title),
    ['2024年工作回顾', '持续提升政府治理效能和服务水平'],
  );
  assert.ok(!r.paragraphs.some((p) => p.text === '治理效能和服务水平'));
  // A caption followed by a table's short cells stays a paragraph of its own.
  const table = docx(
    para(run('一、总体情况')) +
      para(run(body)) +
      para(run('三、收到和处理政府信息公开申请情况')) +
      para(run('申请人情况')) +
      para(run('自然人')) +
      para(run('法人')),
  );
  const t = importSource('table.docx', table).reports[0];
  assert.equal(t.outline.filter((n) => n.kind === 'chapter').at(-1)?.title, '收到和处理政府信息公开申请情况');
  assert.ok(t.paragraphs.some((p) => p.text === '申请人情况'));
});

test('a Word paragraph that holds a whole flattened text (a page pasted into one paragraph) is cut at its headings, as plain text is', () => {
  const sentence = '全县坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实上级决策部署，扎实推进各项工作。';
  const flat = [
    '某县人民政府关于2005年度依法行政工作情况的报告 市人大常委会：',
    `2005年，在市委正确领导下，市政府坚持按照建设法治政府的要求，依法行政工作取得了明显成效。现报告如下：`,
    `一、加强组织领导，整体推进依法行政工作 ${sentence.repeat(4)}`,
    `二、完善决策机制，推进科学民主决策 ${sentence.repeat(4)}`,
    `三、规范行政执法行为 ${sentence.repeat(4)}`,
  ].join(' ');
  const r = importSource('flat.docx', docx(para(run(flat))), { inflateRaw: nodeInflateRaw }).reports[0];
  const asText = importSource('flat.txt', new TextEncoder().encode(flat)).reports[0];
  assert.equal(r.outline.length, 3);
  assert.deepEqual(
    r.outline.map((n) => n.title),
    asText.outline.map((n) => n.title),
  );
  assert.equal(r.type, '法治政府建设工作报告');
  // The other paragraphs keep their hints: a table's row after it stays a row.
  const cell = (t: string) => `<w:tc>${para(run(t))}</w:tc>`;
  const table = `<w:tbl><w:tr>${cell('本年新收政府信息公开申请数量')}${cell('21')}${cell('0')}</w:tr></w:tbl>`;
  const withTable = importSource('flat.docx', docx(para(run(flat)) + table), { inflateRaw: nodeInflateRaw }).reports[0];
  assert.deepEqual(
    withTable.outline.map((n) => n.title),
    asText.outline.map((n) => n.title),
  );
  assert.ok(withTable.paragraphs.some((p) => p.role === 'body' && p.text.startsWith('本年新收政府信息公开申请数量')));
  // A document of paragraphs as Word keeps them is read as it is, a paragraph of 2,000 characters and more too (its
  // 一、 after a sentence is its own enumeration, not a heading to cut at: the headings are paragraphs of their own).
  const long = `${sentence.repeat(30)}一、是加强组织领导。${sentence.repeat(20)}`;
  assert.ok(long.length > 2000);
  const kept = importSource('kept.docx', docx([para(run('一、总体情况')), para(run(long)), para(run('二、主动公开情况')), para(run(sentence))].join('')), {
    inflateRaw: nodeInflateRaw,
  }).reports[0];
  assert.deepEqual(
    kept.outline.map((n) => n.title),
    ['总体情况', '主动公开情况'],
  );
  assert.ok(kept.paragraphs.some((p) => p.text === long));
});
