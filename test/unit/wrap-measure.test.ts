/**
 * The line readers' hot helpers against plain reference versions: isBlankText (the blank-line test) must say what
 * cleanBlock says, and measureAll's one pass must give each line's four widths as wrapOf's measures define them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanBlock, isBlankText } from '../../src/core/model/index.ts';
import { measureAll } from '../../src/core/reader/index.ts';
import { rng } from '../../bench/rng.ts';

/** Display width by the definition: two for CJK, full-width and Chinese punctuation, a surrogate pair counted once. */
function referenceWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c > 0xffff) {
      w += 2;
      continue;
    }
    const wide =
      (c >= 0x2010 && c <= 0x206f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
}
const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Characters that matter here: ideographs, ASCII, every kind of white space and invisible mark, punctuation, a pair. */
const POOL = [
  ...'政府工作报告一二三。，、；：（）“”ab 19%\t',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u200a',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u2060',
  '\u2063',
  '\u2066',
  '\u2069',
  '\u3000',
  '\ufeff',
  '\u000b',
  '\r',
  '\n',
  '\f',
  '\u2064',
  '\u2065',
  '\u4dff',
  '\u4e00',
  '\u9fff',
  '\ua000',
  '—',
  '…',
  '한',
  '！',
  '￥',
  '𠀀',
  '😀',
  // Each wide range's edges, in and out.
  ...[0x200f, 0x2010, 0x206f, 0x2070, 0x2e7f, 0x2e80, 0xa4cf, 0xa4d0, 0xabff, 0xac00, 0xd7a3, 0xd7a4, 0xf8ff, 0xf900, 0xfaff, 0xfb00]
    .concat([0xfe2f, 0xfe30, 0xfe4f, 0xfe50, 0xfeff, 0xff00, 0xff60, 0xff61, 0xffdf, 0xffe0, 0xffe6, 0xffe7])
    .map((c) => String.fromCharCode(c)),
];

function randomLines(n: number, seed: number): string[] {
  const rand = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = Math.floor(rand() * 12);
    let s = '';
    for (let k = 0; k < len; k++) s += POOL[Math.floor(rand() * POOL.length)];
    out.push(s);
  }
  return out;
}

/** cleanBlock as it was written with regular expressions: its loop that tells a text needing no cleaning must agree. */
function referenceClean(text: string): string {
  const ws = '[\\s\\u00a0\\u1680\\u2000-\\u200d\\u202f\\u205f\\u2060\\u3000\\ufeff]';
  const trim = (t: string) => t.replace(new RegExp(`^${ws}+|${ws}+$`, 'g'), '');
  let s = trim(text);
  if (!/[\t\n\v\f\r\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u2060-\u2064\u2066-\u2069\u3000\ufeff]| {2}/.test(s)) return s;
  const invisible = /[\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]/g;
  if (invisible.test(s)) s = trim(s.replace(invisible, ''));
  return /[\t\n\v\f\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]| {2}/.test(s) ? s.replace(new RegExp(`${ws}+`, 'g'), ' ') : s;
}

test('cleanBlock cleans exactly the texts its regular-expression form cleaned, the same way', () => {
  for (const s of ['a  b', 'a b', '一\t二', '一\u2060二', '一\u2065二', '一\u3000二', '  一  ', ...randomLines(40000, 5)])
    assert.equal(cleanBlock(s), referenceClean(s), JSON.stringify(s));
});

test('isBlankText says what cleanBlock says: white space and invisible characters only', () => {
  for (const s of ['', ' ', '\u3000\u3000', '\u200b\ufeff', '\u2061', '\u200e ', ' a', '\u3000一', '\u00a0\u2028\u2029', '\u2066x\u2069']) {
    assert.equal(isBlankText(s), !cleanBlock(s), JSON.stringify(s));
  }
  for (const s of randomLines(20000, 7)) assert.equal(isBlankText(s), !cleanBlock(s), JSON.stringify(s));
});

test("measureAll gives each line's characters and display width, with and without its white space", () => {
  const lines = ['', '　　一、加强统筹督导', '2024 年 GDP 增长 5%', '𠀀😀 pair', '\u2028\u2029\u202f\u205f\ufeff', ...randomLines(20000, 11)];
  const [chars, width, compactChars, compactWidth] = measureAll(lines);
  for (const [i, s] of lines.entries()) {
    const c = compact(s);
    assert.deepEqual([chars[i], width[i], compactChars[i], compactWidth[i]], [s.length, referenceWidth(s), c.length, referenceWidth(c)], JSON.stringify(s));
  }
});
