/**
 * Web pages saved as one file (MHTML: Chrome's and Edge's "Webpage, Single File", Word's and
 * Internet Explorer's "Single File Web Page"): each must read as the page it holds, saved on its own.
 * The Chrome file is real (test/fixtures/mhtml/SOURCE.md); Word's form is built here from the pages
 * of the fixtures, as Word writes it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importSource, type SourceImport, SOURCE_EXTENSIONS, SOURCE_GLOB } from '../../src/core/index.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures');
const PAGE = path.join(FIXTURES, 'nanhai-2017-page.gbk.html');
const WORD_PAGE = path.join(FIXTURES, 'word-html/2025年重庆市政府工作报告.html');
const enc = new TextEncoder();
const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** What the analyst sees of a report: metadata, outline and text. */
function seen(imp: SourceImport) {
  return imp.reports.map((r) => ({
    title: r.title,
    issuer: r.issuer,
    year: r.year,
    type: r.type,
    published: r.published,
    link: r.link,
    outline: JSON.stringify(r.outline),
    text: r.text,
  }));
}

/** Quoted-printable as Word writes it: lines of at most 76 characters, `=` soft breaks, CRLF. */
function quotedPrintable(bytes: Uint8Array): string {
  let out = '';
  let line = '';
  for (const c of bytes) {
    if (c === 0x0a) {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    const piece =
      c === 0x0d ? '' : c === 0x3d || c >= 0x7f || (c < 0x20 && c !== 0x09) ? `=${c.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(c);
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return `${out}${line}`;
}

function base64(bytes: Uint8Array): string {
  return (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** A Word-style single-file page: the page as the first part (with its header charset), an image after it. */
function wordMht(html: Uint8Array, options: { transfer: 'quoted-printable' | 'base64'; charset?: string; location?: string }): Uint8Array {
  const b = '----=_NextPart_01DA3C2B.5E8F1A20';
  const body = options.transfer === 'base64' ? base64(html) : quotedPrintable(html);
  const text = [
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${b}"`,
    '',
    '此文档为“单个文件网页”，也称为“Web 档案”文件。',
    '',
    `--${b}`,
    `Content-Location: ${options.location ?? 'file:///C:/D3A1B2C3/report.htm'}`,
    `Content-Transfer-Encoding: ${options.transfer}`,
    `Content-Type: text/html${options.charset ? `; charset="${options.charset}"` : ''}`,
    '',
    body,
    '',
    `--${b}`,
    'Content-Location: file:///C:/D3A1B2C3/report.files/image001.png',
    'Content-Transfer-Encoding: base64',
    'Content-Type: image/png',
    '',
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    '',
    `--${b}--`,
    '',
  ].join('\r\n');
  // The preamble is in the page's code page, as Word writes it; the rest is ASCII.
  return enc.encode(text);
}

test("Chrome's saved page (a real .mhtml) reads as the page it holds: the same report, text and outline", () => {
  const file = path.join(FIXTURES, 'mhtml/nanhai-2017-page.gbk.mhtml');
  const imp = importSource(file, readFileSync(file));
  assert.equal(imp.format, 'mhtml');
  assert.deepEqual(imp.diagnostics, []);
  const page = importSource(PAGE, readFileSync(PAGE));
  assert.deepEqual(seen(imp), seen(page));
  assert.equal(imp.reports[0].title, '佛山市南海区人民政府2017年度法治政府建设工作报告');
  assert.equal(imp.reports[0].issuer, '佛山市南海区人民政府');
  assert.equal(imp.reports[0].year, 2017);
  assert.ok(imp.reports[0].outline.length > 0);
  // The page's own address (its canonical link), not the folder it was saved to.
  assert.match(imp.reports[0].link ?? '', /^http:\/\/www\.nanhai\.gov\.cn\//);
});

test('a saved page whose article is in a frame (a real .mhtml) reads the frame, not the menu around it', () => {
  const file = path.join(FIXTURES, 'mhtml/article-in-frame.mhtml');
  const imp = importSource(file, readFileSync(file));
  assert.equal(imp.format, 'mhtml');
  assert.deepEqual(seen(imp), seen(importSource(PAGE, readFileSync(PAGE))));
});

test('where the page was saved from (an http address) is its link when the page names none', () => {
  const html = readFileSync(WORD_PAGE);
  assert.equal(importSource(WORD_PAGE, html).reports[0].link, null, 'the Word page names no address');
  const location = 'https://www.cq.gov.cn/zwgk/zfxxgkml/zfgzbg/202501/t20250121_14138766.html';
  const imp = importSource('report.mht', wordMht(html, { transfer: 'quoted-printable', charset: 'utf-8', location }));
  assert.equal(imp.reports[0].link, location);
});

test("Word's single-file page (.mht, quoted-printable, CRLF) reads as the Word page it holds", () => {
  const html = readFileSync(WORD_PAGE);
  const imp = importSource('2025年重庆市政府工作报告.mht', wordMht(html, { transfer: 'quoted-printable', charset: 'utf-8' }));
  assert.equal(imp.format, 'mhtml');
  const page = importSource(WORD_PAGE, html);
  assert.deepEqual(seen(imp), seen(page));
  assert.equal(imp.reports[0].year, 2025);
  assert.ok(imp.reports[0].outline.length >= 3, 'its chapters');
});

test('a page in base64 reads the same, and a file:// location gives no link', () => {
  const html = readFileSync(WORD_PAGE);
  const imp = importSource('report.mht', wordMht(html, { transfer: 'base64' }));
  assert.deepEqual(seen(imp), seen(importSource(WORD_PAGE, html)));
  assert.equal(imp.reports[0].link, null);
});

test("the part's charset decodes a GBK page that declares none (no GB18030 guess)", () => {
  // The GBK page without its <meta> charset: only the part's header says gb2312.
  const html = bytesOf(latin1(readFileSync(PAGE)).replace(/<meta http-equiv="Content-Type"[^>]*>/i, ''));
  assert.ok(!/charset/i.test(latin1(html).slice(0, 4096)));
  const withCharset = importSource('page.mht', wordMht(html, { transfer: 'quoted-printable', charset: 'gb2312' }));
  assert.equal(withCharset.reports[0].title, '佛山市南海区人民政府2017年度法治政府建设工作报告');
  assert.deepEqual(
    withCharset.diagnostics.map((d) => d.code),
    [],
  );
  // Without it, the page is still read, by the GB18030 fallback, which says so.
  const without = importSource('page.mht', wordMht(html, { transfer: 'quoted-printable' }));
  assert.equal(without.reports[0].title, withCharset.reports[0].title);
  assert.ok(without.diagnostics.some((d) => d.code === 'gb18030Fallback'));
});

test('the root part is the page even after other parts, in a nested multipart, or named by start', () => {
  const page =
    '<html><head><title>某县人民政府2024年政府工作报告</title></head><body><p>一、过去一年工作回顾</p><p>全年地区生产总值增长5%。</p><p>二、今年工作安排</p><p>地区生产总值增长5%左右。</p></body></html>';
  const nested = [
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="outer"; start="<root@x>"',
    '',
    '--outer',
    'Content-Type: text/css',
    '',
    'p { color: red }',
    '--outer',
    'Content-ID: <root@x>',
    'Content-Type: multipart/alternative; boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain',
    '',
    'plain version',
    '--inner',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    page,
    '--inner--',
    '--outer--',
    '',
  ].join('\n');
  const imp = importSource('nested.mhtml', enc.encode(nested));
  assert.equal(imp.format, 'mhtml');
  assert.equal(imp.reports[0].title, '某县人民政府2024年政府工作报告');
  assert.equal(imp.reports[0].year, 2024);
  assert.deepEqual(
    imp.reports[0].outline.map((n) => n.title),
    ['过去一年工作回顾', '今年工作安排'],
  );
  assert.deepEqual(seen(imp), seen(importSource('page.html', enc.encode(page))));
});

test('an MHTML file with no page in it says so, and reads nothing else', () => {
  const noPage = ['MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="b"', '', '--b', 'Content-Type: image/png', '', 'xx', '--b--', ''].join(
    '\r\n',
  );
  for (const bytes of [
    enc.encode(noPage),
    enc.encode('Content-Type: multipart/related\r\n\r\nno boundary'),
    enc.encode('Content-Type: multipart/related; boundary="b"\r\n\r\n'),
  ]) {
    const imp = importSource('saved.mhtml', bytes);
    assert.equal(imp.format, 'mhtml');
    assert.deepEqual(
      imp.diagnostics.map((d) => [d.severity, d.code]),
      [['error', 'mhtmlNoPage']],
    );
    assert.deepEqual(imp.reports, []);
  }
});

test('a cut file (no closing delimiter, the last part cut short) still gives its page', () => {
  const file = path.join(FIXTURES, 'mhtml/nanhai-2017-page.gbk.mhtml');
  const text = latin1(readFileSync(file));
  const cut = text.slice(0, text.indexOf('Content-Type: text/css'));
  const imp = importSource('cut.mhtml', bytesOf(cut));
  assert.equal(imp.reports[0]?.title, '佛山市南海区人民政府2017年度法治政府建设工作报告');
});

test('only MIME messages are MHTML: a text report that starts with a colon line is still text', () => {
  const text = enc.encode('标题：某县人民政府2024年政府工作报告\n\n一、过去一年工作回顾\n\n正文。');
  assert.equal(importSource('report.txt', text).format, 'text');
  const mail = enc.encode('From: 张三\nSubject: 报告\n\n一、过去一年工作回顾\n\n正文。');
  assert.equal(importSource('note.txt', mail).format, 'text', 'headers but no MIME multipart/related');
  // Named .mhtml, a single-part page is read too; unnamed, only a multipart/related message with a MIME-Version.
  assert.equal(importSource('page.mhtml', enc.encode('Content-Type: text/html\r\n\r\n<p>x</p>')).format, 'mhtml');
  assert.equal(importSource('saved', enc.encode('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n')).format, 'mhtml');
  assert.notEqual(importSource('saved', enc.encode('Content-Type: multipart/related; boundary=b\r\n\r\n')).format, 'mhtml');
  const single = importSource(
    'page.mht',
    enc.encode('Content-Type: text/html; charset=utf-8\r\n\r\n<title>某县人民政府2024年政府工作报告</title><p>一、回顾</p><p>正文。</p>'),
  );
  assert.equal(single.reports[0]?.year, 2024);
});

/** The text of the report in a one-part saved page whose body is `payload` in the transfer encoding `transfer`. */
function pageText(transfer: string, payload: string): string {
  const message = `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: ${transfer}\r\n\r\n${payload}`;
  const imp = importSource('page.mhtml', enc.encode(message));
  assert.equal(imp.format, 'mhtml');
  return imp.reports[0]?.text ?? '';
}

test('quoted-printable is undone as RFC 2045 says', () => {
  const qp = (body: string) => pageText('quoted-printable', `<title>某县人民政府2024年政府工作报告</title><p>全年地区生产总值增长${body}。</p>`);
  assert.match(qp('a=3Db'), /增长a=b。/);
  assert.match(qp('=E4=BD=9B=\r\n=E5=B1=B1'), /增长佛山。/);
  assert.match(qp('ab= \t\r\ncd'), /增长abcd。/, 'white space before a soft break');
  assert.match(qp('ab=\ncd'), /增长abcd。/, 'a soft break before LF alone');
  assert.match(qp('a=ZZb=4'), /增长a=ZZb=4。/, 'a broken escape stays as it is');
  assert.match(qp('a=3d'), /增长a=。/, 'lower-case hex');
});

test('base64 is undone: line breaks and characters outside the alphabet skipped, padding ends it', () => {
  const html = (tail: string) => `<title>某县人民政府2024年政府工作报告</title><p>全年地区生产总值增长佛山${tail}</p>`;
  // Three lengths: the base64 ends with no padding, with `=`, with `==`.
  for (const tail of ['。', '。a', '。ab']) {
    const b64 = Buffer.from(html(tail)).toString('base64');
    // Broken into lines of 4 with CRLF, and a stray * in the middle.
    const broken = `${(b64.match(/.{1,4}/g) ?? []).join('\r\n').replace(/^(.{10})/, '$1*')}`;
    assert.match(pageText('base64', broken), new RegExp(`增长佛山${tail}\\n`), `tail ${tail}`);
  }
});

test('discovery looks for .mhtml and .mht', () => {
  assert.ok(SOURCE_EXTENSIONS.includes('mhtml') && SOURCE_EXTENSIONS.includes('mht'));
  assert.match(SOURCE_GLOB, /mhtml,mht/);
});
