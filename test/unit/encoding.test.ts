import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { importSource, type SourceImport } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const DIR = path.join(FIXTURES, 'webtext/encoding');
const load = (name: string) => importSource(name, readFileSync(path.join(DIR, name)));
const notes = (imp: SourceImport) => imp.diagnostics.map((d) => `${d.severity}: ${d.message}`);
const SIMPLIFIED = '一、加强统筹督导，高质量推进法治政府建设工作。';
const TRADITIONAL = '一、加強統籌督導，高質量推進法治政府建設工作。';

test('a page that declares UTF-8 but holds GBK is decoded as GBK, with a warning', () => {
  const imp = load('utf8-declared-gbk-bytes.html');
  assert.deepEqual(notes(imp), ['warning: The file declares UTF-8, but its bytes are gb18030: decoded as gb18030.']);
  assert.equal(imp.reports[0].title, '某县人民政府2018年度法治政府建设工作报告');
  assert.ok(imp.reports[0].paragraphs[0].text.startsWith(SIMPLIFIED));
});

test('a page that declares Big5 but holds GBK is decoded as GBK, with a warning; a real Big5 page is read as declared', () => {
  const imp = load('big5-declared-gbk-bytes.html');
  assert.deepEqual(notes(imp), ['warning: The file declares Big5, but its bytes are gb18030: decoded as gb18030.']);
  assert.ok(imp.reports[0].paragraphs[0].text.startsWith(SIMPLIFIED));
  const big5 = load('big5-declared-big5-bytes.html');
  assert.deepEqual(notes(big5), []);
  assert.ok(big5.reports[0].paragraphs[0].text.startsWith(TRADITIONAL));
  const gbk = load('gbk-declared-gbk-bytes.html');
  assert.deepEqual(notes(gbk), []);
  assert.ok(gbk.reports[0].paragraphs[0].text.startsWith(SIMPLIFIED));
});

test('undeclared Big5 text is not read as GB18030 mojibake', () => {
  const imp = load('big5-undeclared.txt');
  assert.deepEqual(notes(imp), ['warning: The file declares no encoding and is not UTF-8: decoded as Big5 (traditional Chinese).']);
  assert.equal(imp.reports[0].title, '某縣人民政府2018年度法治政府建設工作報告');
  assert.ok(imp.reports[0].paragraphs[0].text.startsWith(TRADITIONAL));
});

test('UTF-8 declared, with a few stray bytes: decoded as UTF-8 with a warning that counts them', () => {
  const page = `<html><head><meta charset="utf-8"><title>某县人民政府2018年度法治政府建设工作报告</title></head><body><div id="zoom"><p>${SIMPLIFIED}全年审查规范性文件56件。</p></div></body></html>`;
  const bytes = new TextEncoder().encode(page);
  const at = bytes.indexOf(0xe7, bytes.indexOf(0x3c, 200)); // a lead byte inside the body
  const broken = new Uint8Array([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at + 1)]);
  const imp = importSource('stray.html', broken);
  assert.equal(imp.diagnostics.length, 1);
  assert.equal(imp.diagnostics[0].severity, 'warning');
  assert.match(imp.diagnostics[0].message, /^The file is UTF-8 with \d invalid byte sequence\(s\), replaced with �\.$/);
  assert.equal(imp.reports[0].title, '某县人民政府2018年度法治政府建设工作报告');
});

test('bytes that are none of the encodings: decoded as declared, with an error that counts the replacements', () => {
  // Shift_JIS declared over bytes that are not Shift_JIS, UTF-8, GB18030 or Big5: lone lead bytes.
  const head = new TextEncoder().encode('<html><head><meta charset="shift_jis"><title>t</title></head><body><p>');
  const bad = new Uint8Array(64).map((_, i) => (i % 2 ? 0x81 : 0x20));
  const tail = new TextEncoder().encode('</p></body></html>');
  const imp = importSource('bad.html', new Uint8Array([...head, ...bad, ...tail]));
  const e = imp.diagnostics.find((d) => d.severity === 'error');
  assert.ok(e, 'an error says the text is damaged');
  assert.match(
    e.message,
    /^The file declares Shift_JIS, but its bytes are not valid Shift_JIS, UTF-8, GB18030 or Big5: \d+ invalid sequence\(s\) were replaced with � \(Shift_JIS\)\.$/,
  );
});

test('GBK or UTF-8 under a windows-1252 or ISO-8859-1 declaration is read as what it is, with a warning; a real Western page is read as declared', () => {
  const gbk = readFileSync(path.join(DIR, 'gbk-declared-gbk-bytes.html'));
  const relabel = (bytes: Buffer, to: string) => Buffer.from(bytes.toString('latin1').replace(/charset=["']?[\w-]+/i, `charset=${to}`), 'latin1');
  for (const label of ['windows-1252', 'iso-8859-1', 'latin1']) {
    const imp = importSource('page.html', relabel(gbk, label));
    assert.deepEqual(notes(imp), ['warning: The file declares windows-1252, but its bytes are gb18030: decoded as gb18030.'], label);
    assert.ok(imp.reports[0].paragraphs[0].text.startsWith(SIMPLIFIED), label);
  }
  const utf8 = Buffer.from(
    `<html><head><meta charset="iso-8859-1"><title>某县人民政府2018年度法治政府建设工作报告</title></head><body><p>${SIMPLIFIED}</p></body></html>`,
  );
  const u = importSource('page.html', utf8);
  assert.deepEqual(notes(u), ['warning: The file declares windows-1252, but its bytes are utf-8: decoded as utf-8.']);
  assert.ok(u.reports[0].paragraphs[0].text.startsWith(SIMPLIFIED));
  // A German page in windows-1252, with many accented letters: as declared, no word.
  const german =
    'Bericht über die Öffentlichkeitsarbeit der Behörde: Maßnahmen für Bürgerinnen und Bürger, Straßenbau, Gebühren, Prüfungen, Fördermittel, Übersicht der Änderungen und Größenordnungen. ';
  const page = Buffer.from(
    `<html><head><meta charset="windows-1252"><title>Jahresbericht</title></head><body><p>${german.repeat(20)}</p></body></html>`,
    'latin1',
  );
  const w = importSource('page.html', page);
  assert.deepEqual(notes(w), []);
  assert.ok(w.reports[0].paragraphs.some((p) => p.text.startsWith('Bericht über die Öffentlichkeitsarbeit')));
});

test('UTF-16 with no byte order mark (LE and BE) is read as text, with a note; a binary file is still refused', () => {
  const text = `某县人民政府2018年度法治政府建设工作报告\r\n\r\n${SIMPLIFIED}\r\n\r\n全年共办理行政复议案件918宗，同比增长12%。\r\n`;
  const le = new Uint8Array(text.length * 2);
  const be = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    le[2 * i] = c & 0xff;
    le[2 * i + 1] = c >> 8;
    be[2 * i] = c >> 8;
    be[2 * i + 1] = c & 0xff;
  }
  for (const [bytes, name] of [
    [le, 'UTF-16LE'],
    [be, 'UTF-16BE'],
  ] as const) {
    const imp = importSource('a.txt', bytes);
    assert.deepEqual(notes(imp), [`info: The file has no byte order mark; its bytes are ${name}, and it was read so.`], name);
    assert.equal(imp.reports[0].title, '某县人民政府2018年度法治政府建设工作报告', name);
    assert.ok(
      imp.reports[0].paragraphs.some((p) => p.text === SIMPLIFIED),
      name,
    );
  }
  // NULs on both sides of the pairs, or control characters: binary as before.
  const binary = new Uint8Array(4000).map((_, i) => (i % 7 === 0 ? 0 : (i * 37) & 0xff));
  assert.match(notes(importSource('b.txt', binary)).join(), /binary file/);
  const controls = new Uint8Array(4000).map((_, i) => (i % 2 ? 0 : i % 4 === 0 ? 0x01 : 0x41));
  assert.match(notes(importSource('c.txt', controls)).join(), /binary file/);
});

test('UTF-16 with no BOM: a Chinese text with few ASCII characters, and a character cut at the end of the sample', () => {
  const toLe = (t: string) => {
    const b = new Uint8Array(t.length * 2);
    for (let i = 0; i < t.length; i++) {
      b[2 * i] = t.charCodeAt(i) & 0xff;
      b[2 * i + 1] = t.charCodeAt(i) >> 8;
    }
    return b;
  };
  // Three ASCII characters (a line end and two digits) in every hundred.
  const para = `${'全面推进依法行政加快建设法治政府'.repeat(6)}12\n`;
  const chinese = `某县人民政府2018年度法治政府建设工作报告\n\n${SIMPLIFIED}\n\n${para.repeat(30)}`;
  const imp = importSource('a.txt', toLe(chinese));
  assert.deepEqual(notes(imp), ['info: The file has no byte order mark; its bytes are UTF-16LE, and it was read so.']);
  // A character outside the BMP (a surrogate pair) cut by the 4 KB sample.
  const head = '某县人民政府2018年度法治政府建设工作报告\n\n';
  const cut = `${head}${'a'.repeat(2047 - head.length)}𠮷${'b'.repeat(100)}\n`;
  const at = cut.indexOf('𠮷');
  assert.equal(at * 2 + 2, 4096, 'the pair’s first half ends the sample');
  assert.deepEqual(notes(importSource('b.txt', toLe(cut))), ['info: The file has no byte order mark; its bytes are UTF-16LE, and it was read so.']);
});

test('UTF-16 with no BOM whose Chinese has as many NUL low bytes as its ASCII has NUL high bytes (ideographic-space indents, 一, 开): read, not refused as binary', () => {
  const enc = (t: string, be: boolean) => {
    const b = new Uint8Array(t.length * 2);
    for (let i = 0; i < t.length; i++) {
      b[2 * i + (be ? 1 : 0)] = t.charCodeAt(i) & 0xff;
      b[2 * i + (be ? 0 : 1)] = t.charCodeAt(i) >> 8;
    }
    return b;
  };
  // Each paragraph indented by two U+3000, a blank line after it, and 一/开 (low byte 0x00) in it.
  const para = '\u3000\u3000一年来，全县开拓进取，开创新局面，一心一意谋发展，一以贯之抓落实。\n\n';
  const text = `某县人民政府2018年度法治政府建设工作报告\n\n${para.repeat(40)}`;
  for (const be of [false, true]) {
    const imp = importSource('a.txt', enc(text, be));
    assert.equal(imp.reports.length, 1, be ? 'BE' : 'LE');
    assert.match(imp.reports[0].paragraphs[0].text, /^一年来，全县开拓进取/);
  }
  // Random bytes with NULs on both sides stay binary.
  const noise = new Uint8Array(4000).map((_, i) => (i % 5 === 0 ? 0 : (i * 131 + 7) & 0xff));
  assert.match(notes(importSource('n.txt', noise)).join(), /binary file/);
});

test('a zip that is no Word document says what it is: an OpenDocument file, an Excel or PowerPoint file, or an archive to unpack (it was “a binary file”)', async () => {
  const { zipSync, strToU8 } = await import('fflate');
  const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') });
  assert.deepEqual(notes(importSource('r.odt', odt)), [
    'error: This is an OpenDocument file (.odt, .ods), which Annals does not read: save it as .docx in LibreOffice or WPS.',
  ]);
  const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
  assert.deepEqual(notes(importSource('r.xlsx', xlsx)), [
    'error: This is an Excel or PowerPoint file (.xlsx, .pptx), not a report: Annals reads Word, PDF, pages, feeds and text.',
  ]);
  // A content.xml in an archive does not make it an OpenDocument file.
  const archive = zipSync({ 'a.txt': strToU8('某县2024年政府工作报告'), 'data/content.xml': strToU8('<x/>') });
  assert.deepEqual(notes(importSource('r.zip', archive)), [
    'error: This is a zip archive, not a report: unpack it, and Annals reads the Word, PDF, page, feed and text files in it.',
  ]);
});
