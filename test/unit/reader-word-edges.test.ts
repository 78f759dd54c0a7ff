/**
 * Edge rows for the mutation testing of src/core/reader (see stryker.config.mjs), the Word and PDF
 * side: the XML scan (xml.ts), the zip package (zip.ts), OLE files (ole.ts), Word's documents and
 * numbering (formats/docx.ts, wordNumbering.ts), and PDF (formats/pdf.ts, pdfLayout.ts). Exact
 * inputs and outputs; each row is named for the slip it catches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { cleanBlock, importSource, importSourceAsync, type PdfPage, type PdfTextExtractor, type SourceImport } from '../../src/core/index.ts';
import { attr, attrText, isZip, readZipParts, scanXml, xmlText } from '../../src/core/reader/index.ts';
import { nodeInflateRaw } from '../../src/host/inflate.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

// --- xml.ts: the scan, attributes, entities.

/** The scan's events as text: <name attrs>, </name>, "text", and skipped elements with what they found. */
function events(xml: string | Uint8Array, skip: (name: string) => boolean | { names: string[] } | undefined = () => undefined): string[] {
  const b = typeof xml === 'string' ? enc(xml) : xml;
  const out: string[] = [];
  scanXml(b, {
    open(name, bytes, from, to) {
      const a = attrText(bytes, from, to);
      out.push(a ? `<${name} ${a}>` : `<${name}>`);
      return skip(name);
    },
    close(name) {
      out.push(`</${name}>`);
    },
    text(bytes, from, to) {
      out.push(JSON.stringify(dec(bytes.subarray(from, to))));
    },
    skipped(name, bytes, from, to, found) {
      const f: string[] = [];
      for (let k = 0; k < found.length; k += 2) f.push(found[k] < 0 ? '-' : dec(bytes.subarray(found[k], found[k + 1])));
      out.push(`skip ${name} ${JSON.stringify(dec(bytes.subarray(from, to)))} [${f.join('|')}]`);
    },
  });
  return out;
}

test('xml scan: tags, text, self-closing tags, a BOM, no empty text at the end', () => {
  assert.deepEqual(events('\ufeff<a x="1"><b/>t&amp;u<c y=\'2\' /></a>'), ['<a  x="1">', '<b>', '</b>', '"t&amp;u"', "<c  y='2' >", '</c>', '</a>']);
});

test('xml scan: comments (also <!-->), processing instructions and doctypes are skipped; CDATA is text with & and < escaped', () => {
  assert.deepEqual(events('<a><!-- x > y --><!-->z--></a>'), ['<a>', '</a>'], 'a comment that starts <!--> ends at the next -->, not inside its own opening');
  assert.deepEqual(events('<?pi a>b ?><!DOCTYPE a [x]><a/>'), ['<a>', '</a>'], 'a > inside a processing instruction does not end it');
  assert.deepEqual(events('<a><![CDATA[x<y&z]]>w</a>'), ['<a>', '"x&lt;y&amp;z"', '"w"', '</a>']);
});

test('xml scan: whatever does not close stops the scan there, without throwing', () => {
  assert.deepEqual(events('<a><!-- never'), ['<a>']);
  assert.deepEqual(events('<a><![CDATA[x'), ['<a>']);
  assert.deepEqual(events('<a><?pi'), ['<a>']);
  assert.deepEqual(events('<a><!DOCTYPE'), ['<a>']);
  assert.deepEqual(events('<a>t<b x="1'), ['<a>', '"t"']);
  assert.deepEqual(events('<a>tail'), ['<a>', '"tail"'], 'text up to the end of the bytes');
  assert.deepEqual(
    events('<a><s>never', (n) => n === 's'),
    ['<a>', '<s>'],
    'a skipped element with no end tag',
  );
});

test('xml scan: end tags with spaces, quoted >, names ended by any white space or a slash', () => {
  assert.deepEqual(events('<a>x</a  >y</ b\t>z'), ['<a>', '"x"', '</a>', '"y"', '</b>', '"z"']);
  assert.deepEqual(events('<a x="1>2" y=\'3>"4\'>t</a>'), ['<a  x="1>2" y=\'3>"4\'>', '"t"', '</a>']);
  assert.deepEqual(events('<a\tx="1"><b\nx="2"/><c\rx="3"/><d/></a>'), ['<a \tx="1">', '<b \nx="2">', '</b>', '<c \rx="3">', '</c>', '<d>', '</d>', '</a>']);
  // w:acy and w:bad have the same length and fall in the same slot of the scanner's table of names.
  assert.deepEqual(
    events('<w:acy/><w:bad/><w:acy/>'),
    ['<w:acy>', '</w:acy>', '<w:bad>', '</w:bad>', '<w:acy>', '</w:acy>'],
    'two names in one slot are told apart',
  );
});

test('xml scan: a skipped element ends at the first end tag of its name; its content is not scanned', () => {
  const s = (n: string) => n === 's' || n === 'w:tblPr' || n === 'mc:Fallback' || n === 'w:del';
  assert.deepEqual(events('<a><s><t>in</t></s>after</a>', s), ['<a>', '<s>', 'skip s "<t>in</t>" []', '</s>', '"after"', '</a>']);
  assert.deepEqual(events('<s><s>x</s>y</s>', s), ['<s>', 'skip s "<s>x" []', '</s>', '"y"', '</s>'], 'nested in itself: the first end tag');
  assert.deepEqual(events('<w:tblPr><w:x/></w:tblPrX></w:tblPr>.', s), ['<w:tblPr>', 'skip w:tblPr "<w:x/></w:tblPrX>" []', '</w:tblPr>', '"."']);
  assert.deepEqual(events('<mc:Fallback>F</mc:FallbackX></mc:Fallback>.', s), [
    '<mc:Fallback>',
    'skip mc:Fallback "F</mc:FallbackX>" []',
    '</mc:Fallback>',
    '"."',
  ]);
  assert.deepEqual(events('<w:del><w:r><w:delText>x</w:delText></w:r></w:del>.', s), [
    '<w:del>',
    'skip w:del "<w:r><w:delText>x</w:delText></w:r>" []',
    '</w:del>',
    '"."',
  ]);
  assert.deepEqual(events('<s/>x', s), ['<s>', '</s>', '"x"'], 'a self-closing tag has no content to skip');
});

test('xml scan: a Skip finds the first start tag of each name in the content, and only there', () => {
  const pPr = (n: string) => (n === 'pPr' ? { names: ['pStyle', 'numId', 'ilvl'] } : undefined);
  assert.deepEqual(events('<pPr><pStyleX v="no"/><pStyle v="H"/><numPr><ilvl v="1"/><numId v="3"/></numPr><pStyle v="2nd"/></pPr>t', pPr), [
    '<pPr>',
    'skip pPr "<pStyleX v=\\"no\\"/><pStyle v=\\"H\\"/><numPr><ilvl v=\\"1\\"/><numId v=\\"3\\"/></numPr><pStyle v=\\"2nd\\"/>" [ v="H"| v="3"| v="1"]',
    '</pPr>',
    '"t"',
  ]);
  assert.deepEqual(
    events('<pPr><pStyle\tv="t"><x/></pStyle><numId>z</numId></pPr>', pPr),
    ['<pPr>', 'skip pPr "<pStyle\\tv=\\"t\\"><x/></pStyle><numId>z</numId>" [\tv="t"||-]', '</pPr>'],
    'attributes after a tab; a tag with none; a name never seen',
  );
  assert.deepEqual(
    events('<pPr><ilvl\nv="0"/></pPrX></pPr><pStyle v="after"/>', pPr),
    ['<pPr>', 'skip pPr "<ilvl\\nv=\\"0\\"/></pPrX>" [-|-|\nv="0"]', '</pPr>', '<pStyle  v="after">', '</pStyle>'],
    'a tag after the end tag is not in the content',
  );
  assert.deepEqual(
    events('<pPr><ilvl v="x</pPr><pStyle/>', pPr),
    ['<pPr>', 'skip pPr "<ilvl v=\\"x" [-|-|-]', '</pPr>', '<pStyle>', '</pStyle>'],
    'a tag whose > is past the end tag is not one',
  );
  // Every name found early: the end tag is found by the other search, past long content with < at every alignment.
  const filler = Array.from({ length: 40 }, (_, i) => `${'x'.repeat(i % 7)}<i/>`).join('');
  const all = events(`<pPr><ilvl v="2"/><numId v="1"/><pStyle v="S"/>${filler}</pPr>t`, pPr);
  assert.equal(all[1], `skip pPr ${JSON.stringify(`<ilvl v="2"/><numId v="1"/><pStyle v="S"/>${filler}`)} [ v="S"| v="1"| v="2"]`);
  assert.deepEqual(all.slice(2), ['</pPr>', '"t"']);
  assert.deepEqual(events(`<pPr>${filler}<pStyle v="late"/></pPr>t`, pPr).slice(1), [
    `skip pPr ${JSON.stringify(`${filler}<pStyle v="late"/>`)} [ v="late"|-|-]`,
    '</pPr>',
    '"t"',
  ]);
});

test('attr: quoted values, spaces around =, the first of a name, entities decoded; no partial names', () => {
  const rows: [string, string, string | undefined][] = [
    ['a="1" b = \'2\'', 'b', '2'],
    [' w:val="x&amp;y"', 'w:val', 'x&y'],
    [' v="&lt;b"', 'v', '<b'],
    [' v="plain"', 'v', 'plain'],
    [' xw:val="1"', 'w:val', undefined],
    [' a-b="1"', 'a.b', undefined],
    [' a.b="1"', 'a.b', '1'],
    ['', 'x', undefined],
    [' x=1', 'x', undefined],
    [' x="a" x="b"', 'x', 'a'],
    [' x=""', 'x', ''],
  ];
  for (const [attrs, name, want] of rows) assert.equal(attr(attrs, name), want, `${attrs} / ${name}`);
  assert.equal(attrText(enc('<a b="1">'), 2, 8), ' b="1"');
  assert.equal(attrText(enc('<a>'), 2, 2), '');
});

test('xmlText: the five named entities, decimal and hex references; an unknown or impossible one is kept', () => {
  assert.equal(xmlText('a &lt;&gt;&amp;&quot;&apos; b'), 'a <>&"\' b');
  assert.equal(xmlText('&#x4E00;&#x4e00;&#19968;&#x10FFFF;'), '一一一\u{10ffff}');
  assert.equal(xmlText('&#0;&#x110000;&nbsp;&unknown;&#xZZ;'), '&#0;&#x110000;&nbsp;&unknown;&#xZZ;');
  assert.equal(xmlText('&amp;lt;'), '&lt;', 'one pass');
  assert.equal(xmlText('no entity'), 'no entity');
});

// --- zip.ts and ole.ts: the package, its limits, its damage.

const codeOf = (r: { ok: boolean; problem?: { code: string; args: unknown[] } }) => (r.ok ? 'ok' : `${r.problem?.code}:${JSON.stringify(r.problem?.args)}`);
const u32at = (b: Uint8Array, i: number) => new DataView(b.buffer, b.byteOffset).getUint32(i, true);
const setU32 = (b: Uint8Array, i: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(i, v, true);
const setU16 = (b: Uint8Array, i: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint16(i, v, true);
/** The offsets of the central directory's entries. */
const central = (b: Uint8Array) => {
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i++) if (u32at(b, i) === 0x02014b50) out.push(i);
  return out;
};
const eocd = (b: Uint8Array) => {
  for (let i = b.length - 22; i >= 0; i--) if (u32at(b, i) === 0x06054b50) return i;
  return -1;
};
const withComment = (zip: Uint8Array, n: number) => {
  const out = new Uint8Array(zip.length + n).fill(0x20);
  out.set(zip);
  setU16(out, eocd(zip) + 20, Math.min(n, 0xffff));
  return out;
};
const parts = (r: ReturnType<typeof readZipParts>) => (r.ok ? [...r.value].map(([k, v]) => `${k}=${dec(v)}`).sort() : [codeOf(r)]);
const HOST = nodeInflateRaw;

test('isZip: exactly PK 03 04 at the start', () => {
  const rows: [number[], boolean][] = [
    [[0x50, 0x4b, 0x03, 0x04], true],
    [[0x50, 0x4b, 0x03], false],
    [[0x51, 0x4b, 0x03, 0x04], false],
    [[0x50, 0x4c, 0x03, 0x04], false],
    [[0x50, 0x4b, 0x05, 0x04], false],
    [[0x50, 0x4b, 0x03, 0x05], false],
  ];
  for (const [bytes, want] of rows) assert.equal(isZip(new Uint8Array(bytes)), want, bytes.join(' '));
});

test('readZipParts: only the wanted parts, by either decoder; stored and deflated parts', () => {
  const zip = zipSync({ 'a.xml': strToU8('甲'.repeat(50)), 'b.xml': strToU8('B'), 'c/d.xml': strToU8('') });
  const stored = zipSync({ 'a.xml': strToU8('AAA'), 'b.xml': strToU8('B') }, { level: 0 });
  const want = new Set(['a.xml', 'c/d.xml', 'missing.xml']);
  for (const inflate of [undefined, HOST]) {
    assert.deepEqual(parts(readZipParts(zip, want, 1e6, inflate)), [`a.xml=${'甲'.repeat(50)}`, 'c/d.xml=']);
    assert.deepEqual(parts(readZipParts(stored, want, 1e6, inflate)), ['a.xml=AAA']);
  }
});

test('readZipParts: the size limit from the directory (a part at the limit passes), and a directory that lies', () => {
  let x = 1;
  const noise = new Uint8Array(1_200_000).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24) & 0x7f);
  const big = zipSync({ 'word/document.xml': noise, 'other.bin': noise }, { level: 0 });
  const doc = new Set(['word/document.xml']);
  assert.equal(codeOf(readZipParts(big, doc, 1_048_576)), 'docxTooLarge:["1.1","1.0"]');
  assert.equal(codeOf(readZipParts(big, doc, 1_200_000)), 'ok', 'exactly at the limit');
  assert.equal(codeOf(readZipParts(big, doc, 1_199_999)), 'docxTooLarge:["1.1","1.1"]');
  assert.equal(codeOf(readZipParts(big, new Set(['word/document.xml', 'other.bin']), 2_000_000)), 'docxTooLarge:["2.3","1.9"]', 'the wanted parts together');

  // The directory says a part unpacks to more than deflate can pack (over 1100:1).
  const small = zipSync({ 'a.xml': strToU8('0123456789'.repeat(20)) });
  const entry = central(small)[0];
  const size = u32at(small, entry + 20);
  const lie = (ratio: number) => {
    const b = small.slice();
    setU32(b, entry + 24, size * ratio);
    return codeOf(readZipParts(b, new Set(['a.xml']), 50 * 1024 * 1024)).split(':')[0];
  };
  assert.equal(lie(1100), 'ok');
  assert.equal(lie(1101), 'docxTooLarge');
  const lying = small.slice();
  setU32(lying, entry + 24, 100_000);
  assert.equal(codeOf(readZipParts(lying, new Set(['a.xml']), 50 * 1024 * 1024)), 'docxTooLarge:["50.0","50.0"]');
});

test('readZipParts: a comment after the directory (up to 64 KB), the encryption flag on any entry, a cut file', () => {
  const zip = zipSync({ 'a.xml': strToU8('A'), 'b.xml': strToU8('B') });
  const a = new Set(['a.xml']);
  assert.deepEqual(parts(readZipParts(withComment(zip, 100), a, 1e6)), ['a.xml=A']);
  assert.deepEqual(parts(readZipParts(withComment(zip, 65535), a, 1e6)), ['a.xml=A'], 'the longest comment');
  assert.deepEqual(parts(readZipParts(withComment(zip, 65536), a, 1e6)), [
    'zipBroken:["its zip directory is missing (the file is cut off or is not a zip archive)"]',
  ]);
  assert.deepEqual(parts(readZipParts(zip.subarray(0, 21), a, 1e6)), [
    'zipBroken:["its zip directory is missing (the file is cut off or is not a zip archive)"]',
  ]);
  const second = zip.slice();
  const [, e2] = central(second);
  second[e2 + 8] |= 1;
  assert.deepEqual(parts(readZipParts(second, a, 1e6)), ['docxEncrypted:[]'], 'the second entry is encrypted');
});

test('readZipParts by the host decoder: the first of two parts of one name, a stored part cut at its declared size, damage named', () => {
  const two = zipSync({ 'a.xml': strToU8('first'), 'b.xml': strToU8('second') }, { level: 0 });
  // Rename b.xml to a.xml in both headers: two parts of one name.
  for (let i = 0; i + 5 <= two.length; i++) if (dec(two.subarray(i, i + 5)) === 'b.xml') two.set(strToU8('a.xml'), i);
  assert.deepEqual(parts(readZipParts(two, new Set(['a.xml']), 1e6, HOST)), ['a.xml=first']);

  const stored = zipSync({ 'a.xml': strToU8('ABCDEFGH') }, { level: 0 });
  const cut = stored.slice();
  setU32(cut, central(cut)[0] + 24, 3);
  assert.deepEqual(parts(readZipParts(cut, new Set(['a.xml']), 1e6, HOST)), ['a.xml=ABC'], 'a stored part is cut at the size its directory declares');

  const method = stored.slice();
  setU16(method, central(method)[0] + 10, 12);
  assert.deepEqual(parts(readZipParts(method, new Set(['a.xml']), 1e6, HOST)), ['zipBroken:["a part cannot be unpacked (a.xml uses compression method 12)"]']);
  const local = stored.slice();
  setU32(local, central(local)[0] + 42, 5);
  assert.deepEqual(parts(readZipParts(local, new Set(['a.xml']), 1e6, HOST)), [
    'zipBroken:["a part cannot be unpacked (the local header of a.xml is out of place)"]',
  ]);
  const past = stored.slice();
  setU32(past, central(past)[0] + 20, 10_000);
  setU32(past, central(past)[0] + 24, 10_000);
  assert.deepEqual(parts(readZipParts(past, new Set(['a.xml']), 1e6, HOST)), ['zipBroken:["a part cannot be unpacked (a.xml runs past the end of the file)"]']);
  const count = stored.slice();
  setU16(count, eocd(count) + 10, 2);
  setU16(count, eocd(count) + 8, 2);
  assert.deepEqual(parts(readZipParts(count, new Set(['zz']), 1e6, HOST)), ['zipBroken:["a part cannot be unpacked (a directory entry is out of place)"]']);
});

/** An OLE compound file with one stream name in its directory (UTF-16LE), at `at`. */
const ole = (stream: string, size = 4096, at = 1024) => {
  const b = new Uint8Array(size);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < stream.length; i++) b[at + i * 2] = stream.charCodeAt(i);
  return b;
};
const codes = (imp: SourceImport) => imp.diagnostics.map((d) => d.code);

test('OLE files: an encrypted package by either stream name, even at the very end; any other OLE file goes to the .doc reader', () => {
  assert.deepEqual(codes(importSource('a.docx', ole('EncryptedPackage'))), ['docxEncrypted']);
  assert.deepEqual(codes(importSource('a.docx', ole('EncryptionInfo'))), ['docxEncrypted']);
  assert.deepEqual(codes(importSource('a.docx', ole('EncryptionInfo', 1024 + 28))), ['docxEncrypted'], 'the name ends the file');
  // These hold only the magic and a name, no compound file: the .doc reader finds them damaged.
  assert.deepEqual(codes(importSource('a.docx', ole('EncryptionInf', 1024 + 26))), ['docBroken'], 'a name cut off is not the name');
  assert.deepEqual(codes(importSource('a.doc', ole('EncryptedSummary'))), ['docBroken'], 'an old file’s own encryption stream is not a package');
  assert.deepEqual(codes(importSource('a.doc', ole('WordDocument'))), ['docBroken']);
  const seven = ole('WordDocument').subarray(0, 7);
  assert.notEqual(importSource('a.doc', seven).diagnostics[0]?.code, 'docBroken', 'seven bytes of the magic are not an OLE file');
  const wrong = ole('WordDocument');
  wrong[7] = 0;
  assert.notEqual(importSource('a.doc', wrong).diagnostics[0]?.code, 'docBroken');
});

test('Word is sniffed from the bytes: a zip with word/ parts whatever its name; a zip named .docx without them', () => {
  const W0 = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const word = zipSync({
    'word/document.xml': strToU8(
      `<w:document ${W0}><w:body><w:p><w:r><w:t>某县2024年工作报告</w:t></w:r></w:p><w:p><w:r><w:t>全年完成任务，成效明显。</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
  assert.equal(importSource('report', word).format, 'docx');
  assert.equal(importSource('report.bin', word).reports[0]?.title, '某县2024年工作报告');
  const other = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
  assert.notEqual(importSource('book.zip', other).format, 'docx');
  assert.deepEqual(codes(importSource('book.docx', other)), ['docxNoDocument']);
});

// --- Word documents built here (formats/docx.ts, wordNumbering.ts).

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TITLE = '某县2024年工作报告';
const run = (t: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (body: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;
const num = (numId: number | string, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${para(run(TITLE))}${body}<w:sectPr/></w:body></w:document>`;
function docx(body: string, extra: Record<string, string | Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(documentXml(body)) };
  for (const [k, v] of Object.entries(extra)) files[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(files);
}
/** The paragraphs of a built Word file after its title line. */
const texts = (body: string, extra: Record<string, string | Uint8Array> = {}) =>
  importSource('t.docx', docx(body, extra)).reports[0].paragraphs.map((p) => p.text);
const numbering = (xml: string) => ({ 'word/numbering.xml': `<?xml version="1.0"?><w:numbering ${W}>${xml}</w:numbering>` });
const lvl = (ilvl: number, fmt: string, text: string, more = '') =>
  `<w:lvl w:ilvl="${ilvl}">${more}<w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const start = (n: number) => `<w:start w:val="${n}"/>`;
/** Distinct paragraph texts (repeated lines would be taken for page furniture). */
const item = (i: number) => `项目${String.fromCharCode(0x5100 + i)}内容`;

test('Word numbering: every number format, at its edges', () => {
  const rows: [string, number, string][] = [
    ['decimal', 0, '0'],
    ['', 3, '3'],
    ['decimalZero', 9, '09'],
    ['decimalZero', 10, '10'],
    ['decimalFullWidth', 12, '１２'],
    ['decimalFullWidth2', 7, '７'],
    ['decimalEnclosedCircle', 1, '①'],
    ['decimalEnclosedCircle', 20, '⑳'],
    ['decimalEnclosedCircle', 21, '21'],
    ['decimalEnclosedCircle', 0, '0'],
    ['decimalEnclosedCircleChinese', 3, '③'],
    ['upperLetter', 1, 'A'],
    ['upperLetter', 26, 'Z'],
    ['upperLetter', 27, 'AA'],
    ['upperLetter', 53, 'AAA'],
    ['upperLetter', 0, '0'],
    ['lowerLetter', 28, 'bb'],
    ['upperRoman', 1994, 'MCMXCIV'],
    ['upperRoman', 3888, 'MMMDCCCLXXXVIII'],
    ['upperRoman', 444, 'CDXLIV'],
    ['upperRoman', 0, '0'],
    ['lowerRoman', 49, 'xlix'],
    ['lowerRoman', 0, '0'],
    ['chineseCounting', 0, '〇'],
    ['chineseCounting', 10, '十'],
    ['chineseCounting', 11, '十一'],
    ['chineseCounting', 20, '二十'],
    ['chineseCounting', 99, '九十九'],
    ['chineseCounting', 100, '一百'],
    ['chineseCounting', 101, '一百零一'],
    ['chineseCounting', 110, '一百一十'],
    ['chineseCounting', 1000, '一千'],
    ['chineseCounting', 1001, '一千零一'],
    ['chineseCounting', 1010, '一千零一十'],
    ['chineseCounting', 1200, '一千二百'],
    ['chineseCounting', 9999, '九千九百九十九'],
    ['chineseCounting', 10000, '10000'],
    ['chineseCountingThousand', 105, '一百零五'],
    ['taiwaneseCounting', 2, '二'],
    ['ideographDigital', 2024, '二〇二四'],
    ['chineseLegalSimplified', 1, '壹'],
    ['chineseLegalSimplified', 10, '拾'],
    ['chineseLegalSimplified', 11, '十一'],
    ['ideographLegalTraditional', 3, '叁'],
    ['ideographTraditional', 1, '甲'],
    ['ideographTraditional', 10, '癸'],
    ['ideographTraditional', 11, '甲'],
    ['ideographTraditional', 0, '0'],
    ['ideographZodiac', 12, '亥'],
    ['ideographZodiac', 13, '子'],
    ['somethingNew', 5, '5'],
    ['none', 5, ''],
  ];
  const xml =
    rows.map(([fmt, n], i) => `<w:abstractNum w:abstractNumId="${i}">${lvl(0, fmt, '%1、', start(n))}</w:abstractNum>`).join('') +
    rows.map((_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i}"/></w:num>`).join('');
  const body = rows.map((_, i) => para(run(item(i)), num(i + 1))).join('');
  assert.deepEqual(
    texts(body, numbering(xml)),
    rows.map(([, , want], i) => `${want}、${item(i)}`),
  );
});

test('Word numbering: what follows the number (a space, nothing after Chinese punctuation or with suff nothing), bullets', () => {
  const rows: [string, string, string][] = [
    ['%1', '', '1 项目内容'],
    ['%1.', '', '1. 项目内容'],
    ['第%1章', '', '第1章 项目内容'],
    ['%1、', '', '1、项目内容'],
    ['%1，', '', '1，项目内容'],
    ['%1．', '', '1．项目内容'],
    ['%1。', '', '1。项目内容'],
    ['（%1）', '', '（1）项目内容'],
    ['(%1)', '', '(1)项目内容'],
    ['【%1】', '', '【1】项目内容'],
    ['%1：', '', '1：项目内容'],
    ['%1:', '', '1:项目内容'],
    ['%1.', '<w:suff w:val="nothing"/>', '1.项目内容'],
    ['%1.', '<w:suff w:val="space"/>', '1. 项目内容'],
    ['%1.', '<w:suff w:val=""/>', '1. 项目内容'],
    ['', '', '项目内容'],
  ];
  const bullets: [string, string][] = [
    ['\uf0b7', '• 项目内容'],
    ['\ue000', '• 项目内容'],
    ['\uf8ff', '• 项目内容'],
    ['●', '● 项目内容'],
    ['', '项目内容'],
  ];
  const xml =
    rows
      .map(
        ([text, suff], i) =>
          `<w:abstractNum w:abstractNumId="${i}"><w:lvl w:ilvl="0">${start(1)}<w:numFmt w:val="decimal"/>${suff}<w:lvlText w:val="${text}"/></w:lvl></w:abstractNum>`,
      )
      .join('') +
    bullets.map(([text], i) => `<w:abstractNum w:abstractNumId="b${i}">${lvl(0, 'bullet', text)}</w:abstractNum>`).join('') +
    rows.map((_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i}"/></w:num>`).join('') +
    bullets.map((_, i) => `<w:num w:numId="b${i}"><w:abstractNumId w:val="b${i}"/></w:num>`).join('');
  const body = rows.map((_, i) => para(run(item(i)), num(i + 1))).join('') + bullets.map((_, i) => para(run(item(50 + i)), num(`b${i}`))).join('');
  assert.deepEqual(texts(body, numbering(xml)), [
    ...rows.map(([, , want], i) => want.replace('项目内容', item(i))),
    ...bullets.map(([, want], i) => want.replace('项目内容', item(50 + i))),
  ]);
});

test('Word numbering: restarts (default, after a given level, never), levels not yet used, legal numbering', () => {
  const xml = [
    '<w:abstractNum w:abstractNumId="0">',
    lvl(0, 'decimal', '%1.', start(1)),
    lvl(1, 'decimal', '%1.%2', start(1)),
    lvl(2, 'lowerLetter', '(%3)', `${start(1)}<w:lvlRestart w:val="1"/>`),
    lvl(3, 'decimal', '%4)', `${start(1)}<w:lvlRestart w:val="0"/>`),
    '</w:abstractNum>',
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'chineseCounting', '%1、', start(1))}${lvl(1, 'chineseCounting', '%1.%2', `${start(1)}<w:isLgl/>`)}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="2">${lvl(0, 'chineseCounting', '%1、', start(1))}${lvl(1, 'chineseCounting', '%1.%2', `${start(1)}<w:isLgl w:val="0"/>`)}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="3">${lvl(0, 'chineseCounting', '%1、', start(1))}${lvl(1, 'chineseCounting', '%1.%2', `${start(1)}<w:isLgl w:val="false"/>`)}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="4">${lvl(0, 'decimal', '%1', start(5))}${lvl(1, 'decimal', '%1-%2-%3', start(1))}</w:abstractNum>`,
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>',
    '<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>',
    '<w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>',
    // Level properties outside any level (a damaged part) change nothing.
    '<w:start w:val="9"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="x"/><w:lvlRestart w:val="0"/><w:isLgl/><w:suff w:val="nothing"/>',
  ].join('');
  const seq: [number, number, string][] = [
    [1, 0, '1. '],
    [1, 1, '1.1 '],
    [1, 2, '(a)'],
    [1, 2, '(b)'],
    [1, 1, '1.2 '],
    [1, 2, '(c)'],
    [1, 3, '1)'],
    [1, 0, '2. '],
    [1, 2, '(a)'],
    [1, 3, '2)'],
    [1, 1, '2.1 '],
    [2, 0, '一、'],
    [2, 1, '1.一 '],
    [3, 0, '一、'],
    [3, 1, '一.一 '],
    [4, 0, '一、'],
    [4, 1, '一.一 '],
    [5, 1, '5-1-0 '],
  ];
  assert.deepEqual(
    texts(seq.map(([n, l], i) => para(run(item(i)), num(n, l))).join(''), numbering(xml)),
    seq.map(([, , want], i) => `${want}${item(i)}`),
  );
});

test('Word numbering: instances share their list’s counters; a start override restarts once; a level override; removed and unknown lists', () => {
  const xml = [
    `<w:abstractNum w:abstractNumId="5">${lvl(0, 'upperLetter', '%1.', start(1))}</w:abstractNum>`,
    '<w:num w:numId="10"><w:abstractNumId w:val="5"/></w:num>',
    '<w:num w:numId="11"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>',
    `<w:num w:numId="12"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0">${lvl(0, 'lowerRoman', '%1)', start(1))}</w:lvlOverride></w:num>`,
    '<w:num w:numId="13"><w:abstractNumId w:val="5"/><w:startOverride w:val="20"/></w:num>',
    '<w:num w:numId="0"><w:abstractNumId w:val="5"/></w:num>',
  ].join('');
  const seq: [number, number, string][] = [
    [10, 0, 'A. '],
    [10, 0, 'B. '],
    [11, 0, 'G. '],
    [11, 0, 'H. '],
    [10, 0, 'I. '],
    [12, 0, 'x)'],
    [13, 0, 'K. '],
    [0, 0, ''],
    [99, 0, ''],
    [10, 5, ''],
  ];
  assert.deepEqual(
    texts(seq.map(([n, l], i) => para(run(item(i)), num(n, l))).join(''), numbering(xml)),
    seq.map(([, , want], i) => `${want}${item(i)}`),
  );
});

test('Word styles: numbering from a paragraph style and its basedOn chain (the nearest wins), not from the defaults; character styles and loops', () => {
  const styles = `<?xml version="1.0"?><w:styles ${W}>
<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:docDefaults><w:pPrDefault><w:pPr><w:numPr><w:numId w:val="22"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:pPrDefault><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H3"><w:basedOn w:val="H2"/><w:pPr><w:numPr><w:numId w:val="21"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="C1"><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>
<w:style w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
<w:style w:styleId="Loop2"><w:basedOn w:val="Loop1"/><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>
</w:styles>`;
  const xml = [
    `<w:abstractNum w:abstractNumId="6">${lvl(0, 'chineseCounting', '%1、', start(1))}${lvl(1, 'chineseCounting', '（%2）', start(1))}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="7">${lvl(0, 'decimal', '%1.', start(1))}${lvl(1, 'decimal', '%2)', start(1))}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="8">${lvl(0, 'upperLetter', '%1.', start(1))}</w:abstractNum>`,
    '<w:num w:numId="20"><w:abstractNumId w:val="6"/></w:num>',
    '<w:num w:numId="21"><w:abstractNumId w:val="7"/></w:num>',
    '<w:num w:numId="22"><w:abstractNumId w:val="8"/></w:num>',
  ].join('');
  const style = (id: string, more = '') => `<w:pStyle w:val="${id}"/>${more}`;
  const seq: [string, string][] = [
    [style('H1'), '一、'],
    [style('H2'), '（一）'],
    [style('H2', '<w:numPr><w:ilvl w:val="0"/></w:numPr>'), '（二）'],
    [style('H1', '<w:numPr><w:ilvl w:val="1"/></w:numPr>'), '（三）'],
    [style('H3'), '1)'],
    [style('H2', num(22, 0)), 'A. '],
    [style('C1'), ''],
    [style('Loop1'), '二、'],
    [style('Nope'), ''],
    ['', ''],
  ];
  assert.deepEqual(
    texts(seq.map(([pPr], i) => para(run(item(i)), pPr)).join(''), { ...numbering(xml), 'word/styles.xml': styles }),
    seq.map(([, want], i) => `${want}${item(i)}`),
  );
});

test('Word text: breaks (w:br, w:cr) end a block and the number is not repeated; tabs, hyphens and symbols; hidden runs add nothing', () => {
  const xml = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', start(1))}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
  const r = (x: string) => `<w:r>${x}</w:r>`;
  const hidden = (x: string) => `<w:r><w:rPr><w:vanish/></w:rPr>${x}</w:r>`;
  const sym = (hex: string) => `<w:sym w:font="Symbol" w:char="${hex}"/>`;
  const body = [
    para(run('第一块') + r('<w:br/>') + run('第二块'), num(1)),
    para(run('甲块') + r('<w:cr/>') + run('乙块')),
    para(run('左') + r('<w:tab/>') + run('右') + r('<w:noBreakHyphen/>') + run('连')),
    para(run('前') + hidden('<w:tab/><w:br/><w:cr/><w:noBreakHyphen/><w:t>藏</w:t>') + hidden(sym('2014')) + run('后')),
    para(
      run('符号') +
        r(sym('2014')) +
        r(sym('D7FF')) +
        r(sym('DFFF')) +
        r(sym('E000')) +
        r(sym('F0B7')) +
        r(sym('F8FF')) +
        r(sym('F900')) +
        r(sym('0')) +
        r(sym('zz')) +
        run('完'),
    ),
  ].join('');
  assert.deepEqual(texts(body, numbering(xml)), ['一、第一块', '第二块', '甲块', '乙块', '左 右-连', '前后', '符号—\ud7ff\ufffd\uf900完']);
});

test('Word text: w:vanish and w:b are on unless their value says 0, false, off or none; a run’s flags end with it', () => {
  const flag = (v: string) => run(`[${v}]`, v === '' ? '<w:vanish/>' : `<w:vanish w:val="${v}"/>`);
  const body =
    para(run('开始') + ['', '1', 'true', 'on', '0', 'false', 'off', 'none'].map(flag).join('') + run('，结束。')) +
    para(run('加粗', '<w:b/><w:vanish/>') + run('不隐藏，有逗号。'));
  assert.deepEqual(texts(body), ['开始[0][false][off][none]，结束。', '不隐藏，有逗号。']);
});

test('Word text boxes: a break inside a box and a table inside a box come out after the holder, in order', () => {
  const box = (inner: string) => `<w:r><w:drawing><w:txbxContent>${inner}</w:txbxContent></w:drawing></w:r>`;
  const tbl = `<w:tbl><w:tr><w:tc>${para(run('框内表'))}</w:tc><w:tc>${para(run('单元格'))}</w:tc></w:tr></w:tbl>`;
  const body = para(run('持有，') + box(para(run('框一，') + '<w:r><w:br/></w:r>' + run('框二，')) + tbl) + run('之后。')) + para(run('下一段，有逗号。'));
  assert.deepEqual(texts(body), ['持有，之后。', '框一，', '框二，', '框内表 单元格', '下一段，有逗号。']);
});

test('Word text: deleted, moved-away, fallback, field and note text is not body text; text outside a paragraph or a w:t is not read', () => {
  const box = (t: string) => `<w:txbxContent>${para(run(t))}</w:txbxContent>`;
  const body = [
    para(run('全年保留，') + '<w:del w:id="1"><w:r><w:tab/><w:br/><w:delText>删除</w:delText></w:r></w:del>' + run('文字完整。')),
    para(
      run('全年移到，') +
        '<w:moveFrom w:id="2"><w:r><w:t>旧处，</w:t><w:br/></w:r></w:moveFrom>' +
        '<w:moveTo w:id="3"><w:r><w:t>新处完成。</w:t></w:r></w:moveTo>',
    ),
    para(
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box('文本框内，有文字。')}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box('文本框内，有文字。')}</w:pict></mc:Fallback></mc:AlternateContent></w:r>${run('持有文本框，这一段。')}`,
    ),
    para(
      run('全年页码，') +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
        run('域的结果。') +
        '<w:r><w:footnoteReference w:id="1"/></w:r>',
    ),
    '<w:r><w:t>游离文字，不在段落里。</w:t></w:r>',
    para('<w:r>不在文本里，<w:t>在文本里，有逗号。</w:t></w:r>'),
    '</w:p>',
    para(run('之后仍在读，有逗号。')),
  ].join('');
  assert.deepEqual(texts(body), [
    '全年保留，文字完整。',
    '全年移到，新处完成。',
    '持有文本框，这一段。',
    '文本框内，有文字。',
    '全年页码，域的结果。',
    '在文本里，有逗号。',
    '之后仍在读，有逗号。',
  ]);
});

test('Word tables: a row is one block, cells by a tab; paragraphs of a cell by a space; nested tables; empty rows; a row first is not the title', () => {
  const tc = (...ps: string[]) => `<w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>${ps.map((p) => para(run(p))).join('')}</w:tc>`;
  const tr = (...cells: string[]) => `<w:tr><w:trPr/>${cells.join('')}</w:tr>`;
  const tbl = (...rows: string[]) => `<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>`;
  const nested = `<w:tc>${para(run('外'))}${tbl(tr(tc('内一'), tc('内二')), tr(tc(' '), tc('')))}</w:tc>`;
  const body = [
    tbl(tr(tc('指标'), tc('2024年')), tr(tc('产值', '', '  亿元 '), tc('939.05')), tr(tc(''), tc('  ')), tr(nested, tc('右'))),
    para(run('表后正文，有逗号。')),
  ].join('');
  const imp = importSource('t.docx', docx(body));
  assert.deepEqual(
    imp.reports[0].paragraphs.map((p) => p.text),
    ['指标 2024年', '产值 亿元 939.05', '外 内一 内二 右', '表后正文，有逗号。'],
  );
  // A table row first (no title line above it) is never the title.
  const first = zipSync({
    'word/document.xml': strToU8(
      `<w:document ${W}><w:body>${tbl(tr(tc('指标名称'), tc('数值')))}${para(run('正文第一段，有逗号。'))}${para(run('正文第二段，有逗号。'))}</w:body></w:document>`,
    ),
  });
  assert.notEqual(importSource('某县2024年统计公报.docx', first).reports[0].title, '指标名称 数值');
  assert.notEqual(importSource('某县2024年统计公报.docx', first).reports[0].title, '指标名称\t数值');
});

const bytesOf = (...parts: (string | number[] | Uint8Array)[]) => {
  const arrays = parts.map((p) => (typeof p === 'string' ? enc(p) : p instanceof Uint8Array ? p : new Uint8Array(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};
const HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${para(run(TITLE))}`;
const TAIL = '<w:sectPr/></w:body></w:document>';
const fromXml = (xml: Uint8Array, name = 'x.docx') => importSource(name, zipSync({ 'word/document.xml': xml }));
const utf8 = new TextDecoder('utf-8');

test('Word text is decoded as the UTF-8 decoder does it: every lead byte against every kind of next bytes', () => {
  const leads = [0x41, 0x80, 0xbf, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5];
  const seconds = [0x41, 0x7e, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0];
  const thirds = [0x41, 0x80, 0xbf];
  const fourths = [0x41, 0x80];
  const seqs: number[][] = [];
  for (const a of leads) for (const b of seconds) for (const c of thirds) for (const d of fourths) seqs.push([a, b, c, d]);
  const paras = seqs.map((q, i) => bytesOf(`<w:p><w:r><w:t>${item(i)}，`, q, '。</w:t></w:r></w:p>'));
  const got = fromXml(bytesOf(HEAD, ...paras, TAIL)).reports[0].paragraphs.map((p) => p.text);
  // (C1 controls come out as U+FFFD: the report's text shows no control characters.)
  const want = seqs.map((q, i) => cleanBlock(utf8.decode(bytesOf(`${item(i)}，`, q, '。'))).replace(/[\u0080-\u009f]/g, '\ufffd'));
  assert.equal(got.length, want.length);
  for (let i = 0; i < want.length; i++) assert.equal(got[i], want[i], seqs[i].map((b) => b.toString(16)).join(' '));
});

test('Word text: a document cut inside a character, with or without a bad byte before, keeps what it has', () => {
  const tails = [[0xe4], [0xe4, 0xb8], [0xf0, 0x9f, 0x98], [0xc3], [0xe0, 0xa0], [0xed, 0x9f], [0xff, 0xe4, 0xb8, 0x80]];
  for (const tail of tails) {
    const xml = bytesOf(HEAD, '<w:p><w:r><w:t>全年完成，', tail);
    assert.deepEqual(
      fromXml(xml).reports[0].paragraphs.map((p) => p.text),
      [cleanBlock(utf8.decode(bytesOf('全年完成，', tail)))],
      tail.map((b) => b.toString(16)).join(' '),
    );
  }
});

test('Word text: a long paragraph whose runs split a character is joined whole (no buffer is too small)', () => {
  const yi = enc('一');
  const split = (before: string, after: string) =>
    fromXml(
      bytesOf(HEAD, '<w:p><w:r><w:t>', before, yi.subarray(0, 2), '</w:t></w:r><w:r><w:t>', yi.subarray(2), after, '</w:t></w:r></w:p>', TAIL),
    ).reports[0].paragraphs.map((p) => p.text);
  assert.deepEqual(split('全'.repeat(3000), `${'二'.repeat(3000)}。`), [`${'全'.repeat(3000)}一${'二'.repeat(3000)}。`]);
  // One byte a character: as many code units as bytes.
  assert.deepEqual(split('a'.repeat(50_000), 'b.'), [`${'a'.repeat(50_000)}一b.`]);
  // Three-byte characters that start E0 or ED, and four-byte ones, in a paragraph joined from its pieces.
  assert.deepEqual(split('\u0800\ud7ff', '\u{1f600}\u0800。'), ['\u0800\ud7ff一\u{1f600}\u0800。']);
});

test('Word parts in UTF-16 (little or big endian, with a BOM) are read; styles and numbering too', () => {
  const utf16 = (s: string, le: boolean) => {
    const out = new Uint8Array(2 + s.length * 2);
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 + i * 2 + (le ? 0 : 1)] = c & 0xff;
      out[2 + i * 2 + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };
  const body = para(run('加强统筹，全面推进。'), '<w:pStyle w:val="L"/>') + para(run('全年完成任务，成效明显。'));
  const styles = `<?xml version="1.0" encoding="UTF-16"?><w:styles ${W}><w:style w:styleId="L"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
  const num1 = `<?xml version="1.0" encoding="UTF-16"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', start(1))}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  for (const le of [true, false]) {
    const doc = documentXml(body).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const file = zipSync({ 'word/document.xml': utf16(doc, le), 'word/styles.xml': utf16(styles, le), 'word/numbering.xml': utf16(num1, le) });
    const r = importSource('u16.docx', file).reports[0];
    assert.equal(r.title, TITLE, le ? 'LE' : 'BE');
    assert.deepEqual(
      r.paragraphs.map((p) => p.text),
      ['一、加强统筹，全面推进。', '全年完成任务，成效明显。'],
      le ? 'LE' : 'BE',
    );
  }
  // A part that starts FF but not FE is UTF-8 as it is.
  assert.equal(fromXml(bytesOf([0xff], documentXml(body))).reports[0]?.paragraphs.at(-1)?.text, '全年完成任务，成效明显。');
});

test('Word properties: the file’s title and creation date where the text has none, entities decoded, blanks and non-dates ignored', () => {
  const core = (title: string, created: string) =>
    `<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y" xmlns:dcterms="z"><dc:creator>某人</dc:creator><dc:title>${title}</dc:title><dcterms:created>${created}</dcterms:created><dc:subject>主题</dc:subject></cp:coreProperties>`;
  const file = (title: string, created: string) =>
    zipSync({
      'word/document.xml': strToU8(
        `<w:document ${W}><w:body>${para(run('全年完成任务，成效明显。'))}${para(run('继续推进各项工作，取得新进展。'))}</w:body></w:document>`,
      ),
      'docProps/core.xml': strToU8(core(title, created)),
    });
  const r1 = importSource('a.docx', file('  某县&amp;某区2023年工作报告 ', ' 2024-02-03T08:00:00Z')).reports[0];
  assert.equal(r1.title, '某县&某区2023年工作报告');
  assert.equal(r1.published, '2024-02-03');
  const r2 = importSource('a.docx', file('   ', 'February 2024')).reports[0];
  assert.deepEqual([r2.title, r2.published], ['a', null], 'a blank title: the file’s name');
  const r3 = importSource('a.docx', file('某县2023年工作报告', '2024-2-3')).reports[0];
  assert.equal(r3.published, null, 'not a W3CDTF date');
});

// --- PDF (formats/pdf.ts, pdfLayout.ts), on pages given directly by an extractor.

type Run = { str: string; x: number; y: number; width: number; fontSize: number };
/** A run of text, CJK characters one em wide, others half. */
const at = (y: number, x: number, str: string, fontSize = 16): Run => ({
  str,
  x,
  y,
  width: [...str].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.5), 0) * fontSize,
  fontSize,
});
const pageOf = (number: number, items: Run[], height = 842): PdfPage => ({ number, width: 595, height, items });
const extractor =
  (pages: PdfPage[], title?: string, created?: string): PdfTextExtractor =>
  async () => ({ ok: true, value: { pages, title, created } });
const PDF_HEAD = enc('%PDF-1.7\n');
const pdfImport = (pages: PdfPage[], bytes: Uint8Array = PDF_HEAD, title?: string, created?: string) =>
  importSourceAsync('g.pdf', bytes, { pdfText: extractor(pages, title, created) });
/** One page: a title line, then the given runs. */
const onePage = (...items: Run[]) => [pageOf(1, [at(780, 200, '某市2024年统计公报', 22), ...items])];
const paragraphs = async (pages: PdfPage[]) => (await pdfImport(pages)).reports[0].paragraphs.map((p) => p.text);
const BODY = [at(700, 106, '全年地区生产总值增长百分之五，经济运行稳中有进。')];

test('PDF sniffing: %PDF- within the first KB, anywhere up to byte 1024; a shorter mark is not one', async () => {
  const pages = onePage(...BODY);
  const fmt = async (bytes: Uint8Array) => (await importSourceAsync('g', bytes, { pdfText: extractor(pages) })).format;
  assert.equal(await fmt(enc(`${' '.repeat(1024)}%PDF-1.7\n`)), 'pdf');
  assert.equal(await fmt(enc(`${' '.repeat(1025)}%PDF-1.7\n`)), 'text');
  assert.equal(await fmt(enc('%PDF-')), 'pdf');
  assert.equal(await fmt(enc('%PDF 1.7 ')), 'text');
  assert.equal(await fmt(enc('%PDX-1.7')), 'text');
});

test('PDF: a cross-reference table where startxref says is intact; anywhere else it was rebuilt (an info)', async () => {
  const rebuilt = async (s: string) => (await pdfImport(onePage(...BODY), enc(s))).diagnostics.map((d) => d.code).includes('pdfXrefRebuilt');
  const body = '%PDF-1.7\nxref\n0 1\n';
  assert.equal(await rebuilt(`${body}trailer\nstartxref\n9\n%%EOF\n`), false);
  assert.equal(await rebuilt(`${body}trailer\nstartxref\n9\n%%EOF  \r\n\n`), false, 'white space after %%EOF');
  assert.equal(await rebuilt(`${body}trailer\nstartxref 9`), false, 'no %%EOF');
  assert.equal(await rebuilt('%PDF-1.7\n  \n12 0 obj\n<<>>\nstartxref\n9\n%%EOF'), false, 'an xref stream object');
  assert.equal(await rebuilt(`${body}trailer\nstartxref\n10\n%%EOF`), true, 'one byte off');
  assert.equal(await rebuilt(`xref\n%PDF-1.7\ntrailer\nstartxref\n0\n%%EOF`), true, 'offset 0 is never the table');
  assert.equal(await rebuilt(`${body}startxref\n999\n%%EOF`), true, 'past the end');
  assert.equal(await rebuilt(`${body}startxref\n9\n%%EOF\ngarbage`), true, 'something after %%EOF');
  assert.equal(await rebuilt(`${body}startxref\n9\n%%EOF${' '.repeat(2100)}x`), true, 'no startxref near the end');
  assert.equal(await rebuilt(`${body}startxref\nx9\n%%EOF`), true);
  assert.equal(await rebuilt('%PDF-1.7\ngarbage\nstartxref\n9\n%%EOF'), true);
});

test('PDF: the document’s title and creation date where the text has none; PDF dates checked', async () => {
  const noTitle = [pageOf(1, [at(700, 74, '全年地区生产总值增长百分之五，经济运行稳中有进。'), at(673, 74, '继续推进各项工作，取得新的进展。')])];
  const read = async (title?: string, created?: string) => {
    const r = (await pdfImport(noTitle, PDF_HEAD, title, created)).reports[0];
    return [r.title, r.published];
  };
  assert.deepEqual(await read('  某市2023年统计公报  ', "D:20240429103000+08'00'"), ['某市2023年统计公报', '2024-04-29']);
  assert.deepEqual((await read('某市2023年统计公报', '20240430'))[1], '2024-04-30');
  assert.deepEqual((await read('某市2023年统计公报', 'D:20241340'))[1], null, 'month 13');
  assert.deepEqual((await read('某市2023年统计公报', 'D:2024'))[1], null);
  assert.deepEqual((await read('某市2023年统计公报', 'x20240429'))[1], null);
  assert.deepEqual(await read('   ', undefined), ['g', null], 'a blank title: the file’s name');
});

test('PDF problems: the extractor’s problem with its arguments (a nested problem by its code); pages without text counted', async () => {
  const failing =
    (args: unknown[]): PdfTextExtractor =>
    async () =>
      ({ ok: false, problem: { code: 'pdfDamaged', args } }) as never;
  const show = async (args: unknown[]) => {
    const imp = await importSourceAsync('g.pdf', PDF_HEAD, { pdfText: failing(args) });
    return imp.diagnostics.map((d) => `${d.severity}:${d.code}:${JSON.stringify(d.args)}`);
  };
  assert.deepEqual(await show(['bad xref']), ['error:pdfDamaged:["bad xref"]']);
  assert.deepEqual(await show([{ code: 'pdfEncrypted', args: [] }]), ['error:pdfDamaged:["pdfEncrypted"]']);
  const none = await pdfImport([pageOf(1, []), pageOf(2, [at(500, 74, '   ')]), pageOf(3, [])]);
  assert.deepEqual(
    none.diagnostics.map((d) => `${d.code}:${JSON.stringify(d.args)}`),
    ['pdfNoText:["3"]'],
  );
  const some = await pdfImport([...onePage(...BODY), pageOf(2, []), pageOf(3, [at(700, 74, '第三页的正文，有逗号。')]), pageOf(4, [])]);
  assert.deepEqual(
    some.diagnostics.filter((d) => d.code !== 'pdfXrefRebuilt').map((d) => `${d.severity}:${d.code}:${JSON.stringify(d.args)}`),
    ['warning:pdfPagesWithoutText:["2","4"]'],
  );
  const sync = importSource('g.pdf', PDF_HEAD);
  assert.deepEqual(
    sync.diagnostics.map((d) => d.code),
    ['pdfNeedsReader'],
  );
  assert.deepEqual(
    (await importSourceAsync('g.pdf', PDF_HEAD)).diagnostics.map((d) => d.code),
    ['pdfNeedsReader'],
  );
});

/** A body line: 28 CJK characters of 16 pt fill x 74–522; a first line is indented two characters. */
const full = (y: number, s: string) => at(y, 74, s.padEnd(28, '字').slice(0, 28));
const first = (y: number, s: string) => at(y, 106, s.padEnd(26, '字').slice(0, 26));
const F = (s: string) => s.padEnd(28, '字').slice(0, 28);
const I = (s: string) => s.padEnd(26, '字').slice(0, 26);

test('PDF lines: runs on one baseline (within 0.45 of the font size) are a line, in x order; runs that say nothing are dropped', async () => {
  const got = await paragraphs(
    onePage(
      first(700, '第一段'),
      full(673, '第一段续'),
      at(646, 170, '目标。'),
      at(653.1, 74, '全年完成任务'),
      first(600, '第二段'),
      at(573, 74, '第二行。'),
      at(565.7, 74, '下一行。'),
      { str: '  ', x: 300, y: 500, width: 0, fontSize: 16 },
      { str: '无效', x: Number.NaN, y: 480, width: 32, fontSize: 16 },
      { str: '无效', x: 74, y: Number.POSITIVE_INFINITY, width: 32, fontSize: 16 },
      { str: '无效', x: 74, y: 460, width: 32, fontSize: 0 },
    ),
  );
  assert.deepEqual(got, [`${I('第一段')}${F('第一段续')}全年完成任务目标。`, `${I('第二段')}第二行。`, '下一行。']);
});

test('PDF lines: a gap over 1.2 characters separates table cells; Latin runs get a space over 0.2; spaces next to Chinese go', async () => {
  const latin = (y: number, x: number, str: string) => ({ str, x, y, width: str.length * 8, fontSize: 16 });
  const got = await paragraphs(
    onePage(
      first(700, '第一段正文，内容完整。'),
      at(673, 80, '指标名称'),
      at(673, 80 + 64 + 19.5, '本年数值'),
      at(646, 80, '总量规模'),
      at(646, 80 + 64 + 19, '增长较快，内容完整。'),
      latin(619, 74, 'GDP'),
      latin(619, 74 + 24 + 3.5, 'grew'),
      latin(619, 74 + 24 + 3.5 + 32 + 3, 'by'),
      latin(619, 74 + 24 + 3.5 + 32 + 3 + 16 + 4, '5%,'),
      latin(619, 74 + 24 + 3.5 + 32 + 3 + 16 + 4 + 24 + 4, '且'),
      { str: '号 ， 邮 编 ： A B  C', x: 74, y: 592, width: 200, fontSize: 16 },
    ),
  );
  assert.deepEqual(got, [I('第一段正文，内容完整。'), '指标名称 本年数值', '总量规模增长较快，内容完整。', 'GDP grewby 5%,且', '号，邮编：A B C']);
});

test('PDF lines: a run without a width is measured by its characters (a CJK character one em, others half)', async () => {
  const got = await paragraphs(
    onePage(
      first(700, '第一段正文，内容完整。'),
      full(673, '第一段续行'),
      full(646, '第一段又一行'),
      { str: '全年完成', x: 106, y: 619, width: 0, fontSize: 16 },
      { str: '任务目标，内容完整。', x: 106 + 64 + 10, y: 619, width: 0, fontSize: 16 },
      { str: 'GDP', x: 106, y: 592, width: 0, fontSize: 16 },
      { str: 'grew.', x: 106 + 24 + 4, y: 592, width: 0, fontSize: 16 },
      { str: '，且增长较快。', x: 106 + 24 + 4 + 20 + 10, y: 592, width: 0, fontSize: 16 },
    ),
  );
  assert.deepEqual(got, [`${I('第一段正文，内容完整。')}${F('第一段续行')}${F('第一段又一行')}`, '全年完成任务目标，内容完整。', 'GDP grew.，且增长较快。']);
});

test('PDF furniture: page numbers in the top or bottom band go; a running head on most pages goes; a line on one page stays', async () => {
  const numbers = ['— 1 —', '第2页', '3/13', 'Page 4 of 10'];
  const pages = numbers.map((n, i) =>
    pageOf(i + 1, [
      at(810, 250, '内部资料 注意保存', 10),
      ...(i === 0 ? [at(780, 200, '某市2024年统计公报', 22)] : []),
      ...(i === 1 ? [at(790, 74, '仅第二页的眉题')] : []),
      first(700, `第${'一二三四'[i]}页的段落，内容完整。`),
      full(673, `第${'一二三四'[i]}页的续行`),
      at(646, 74, `第${'一二三四'[i]}页的短行。`),
      ...(i === 3 ? [at(60, 280, 'iv', 10)] : []),
      at(40, 280, n, 10),
    ]),
  );
  const imp = await pdfImport(pages);
  assert.equal(imp.reports[0].title, '某市2024年统计公报');
  assert.deepEqual(
    imp.reports[0].paragraphs.map((p) => p.text),
    [
      `${I('第一页的段落，内容完整。')}${F('第一页的续行')}第一页的短行。`,
      '仅第二页的眉题',
      `${I('第二页的段落，内容完整。')}${F('第二页的续行')}第二页的短行。`,
      `${I('第三页的段落，内容完整。')}${F('第三页的续行')}第三页的短行。`,
      `${I('第四页的段落，内容完整。')}${F('第四页的续行')}第四页的短行。`,
    ],
  );
});

test('PDF paragraphs: a new one at a change of font size, a gap over 1.45 lines, an indent over 0.9 characters, after a short line; one goes on across pages', async () => {
  const latin = (y: number, x: number, str: string, right = 522) => ({ str, x, y, width: right - x, fontSize: 16 });
  const pages = [
    pageOf(1, [
      at(780, 200, '某市2024年统计公报', 22),
      first(700, '甲段'),
      full(673, '甲段二'),
      at(646, 88, F('甲段三').slice(0, 27)),
      at(619, 74, '字体变大的一行', 20),
      full(592, '乙段'),
      full(565, '乙段二'),
      full(526, '乙段三'),
      full(486, '丙段'),
      full(459, '丙段二'),
      at(432, 74, F('丙段三').slice(0, 26)),
      full(405, '丁段'),
      at(378, 74, F('丁段二').slice(0, 25)),
      full(351, '戊段'),
      full(324, '戊段二'),
    ]),
    pageOf(2, [
      full(780, '戊段三'),
      latin(753, 106, 'The economy grew by'),
      latin(726, 74, 'five percent;', 300),
      latin(699, 106, 'a new line.'),
      full(672, '己段'),
    ]),
  ];
  assert.deepEqual(await paragraphs(pages), [
    `${I('甲段')}${F('甲段二')}${F('甲段三').slice(0, 27)}`,
    '字体变大的一行',
    `${F('乙段')}${F('乙段二')}${F('乙段三')}`,
    `${F('丙段')}${F('丙段二')}${F('丙段三').slice(0, 26)}`,
    `${F('丁段')}${F('丁段二').slice(0, 25)}`,
    `${F('戊段')}${F('戊段二')}${F('戊段三')}`,
    'The economy grew by five percent;',
    'a new line.己段字字字字字字字字字字字字字字字字字字字字字字字字字字',
  ]);
});

test('readZipParts: an entry that packs to nothing is not a bomb', () => {
  const empty = zipSync({ 'e.xml': new Uint8Array(0) }, { level: 0 });
  setU32(empty, central(empty)[0] + 24, 5);
  assert.deepEqual(parts(readZipParts(empty, new Set(['e.xml']), 1e6, HOST)), ['e.xml=']);
});

test('PDF paragraphs: with a ragged right edge, a line short of the 90th percentile of line ends ends its paragraph', async () => {
  const ln = (y: number, x: number, s: string, right: number) => ({ str: s, x, y, width: right - x, fontSize: 16 });
  const got = await paragraphs(
    onePage(
      ln(700, 106, '甲段第一行，', 500),
      ln(673, 74, '甲段第二行，', 505),
      ln(646, 74, '甲段第三行，', 510),
      ln(619, 74, '甲段完。', 300),
      ln(592, 74, '乙段第一行，', 515),
      ln(565, 74, '乙段第二行，', 520),
      ln(538, 74, '乙段完。', 498),
    ),
  );
  assert.deepEqual(got, ['甲段第一行，甲段第二行，甲段第三行，甲段完。', '乙段第一行，乙段第二行，乙段完。']);
});

test('xml scan: a Skip over bytes that do not start on a multiple of 4 (a part cut from a larger buffer)', () => {
  const pPr = (n: string) => (n === 'pPr' ? { names: ['pStyle'] } : undefined);
  const whole = enc(`x<pPr>${'ab<i/>'.repeat(5)}<pStyle v="S"/></pPr>t`);
  for (const offset of [0, 1, 2]) {
    const buf = new Uint8Array(whole.length + offset);
    buf.set(whole, offset);
    // The part starts after the x: its bytes do not start on a multiple of 4 of their buffer.
    const part = buf.subarray(offset + 1);
    assert.deepEqual(
      events(part, pPr),
      ['<pPr>', `skip pPr ${JSON.stringify(`${'ab<i/>'.repeat(5)}<pStyle v="S"/>`)} [ v="S"]`, '</pPr>', '"t"'],
      `offset ${offset + 1}`,
    );
  }
});

test('PDF furniture: a head on half the pages goes (from three pages with text), page numbers in any form, a page with no height', async () => {
  const numbers = ['第1页/共3页', '３', 'Ⅲ'];
  const pages = numbers.map((n, i) =>
    pageOf(
      i + 1,
      [
        ...(i < 2 ? [at(810, 250, '内部资料 注意保存', 10)] : []),
        ...(i === 0 ? [at(780, 200, '某市2024年统计公报', 22)] : []),
        first(700, `第${'一二三'[i]}页的段落，内容完整。`),
        full(673, `第${'一二三'[i]}页的续行`),
        at(646, 74, `第${'一二三'[i]}页的短行。`),
        at(40, 280, n, 10),
      ],
      i === 2 ? 0 : 842,
    ),
  );
  assert.deepEqual(
    await paragraphs(pages),
    ['一', '二', '三'].map((c) => `${I(`第${c}页的段落，内容完整。`)}${F(`第${c}页的续行`)}第${c}页的短行。`),
  );
  // Two pages: too few to tell a running head; a page number still goes.
  const two = await paragraphs(
    pages.slice(0, 2).map((p) => ({ ...p, items: p.items.map((it) => (it.str === '内部资料 注意保存' ? { ...it, str: `内部资料${p.number}` } : it)) })),
  );
  assert.deepEqual(two, [
    '内部资料1',
    `${I('第一页的段落，内容完整。')}${F('第一页的续行')}第一页的短行。`,
    '内部资料2',
    `${I('第二页的段落，内容完整。')}${F('第二页的续行')}第二页的短行。`,
  ]);
});
