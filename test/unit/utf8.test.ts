import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8Strict } from '../../src/core/reader/index.ts';
import { rng } from '../../bench/rng.ts';

/** What decodeUtf8Strict must equal: the platform's strict decoder, null where it throws. */
const platform = new TextDecoder('utf-8', { fatal: true });
function expected(bytes: Uint8Array): string | null {
  try {
    return platform.decode(bytes);
  } catch {
    return null;
  }
}
const bytes = (...xs: number[]) => new Uint8Array(xs);
const utf8 = (s: string) => new TextEncoder().encode(s);

test('valid UTF-8 decodes as the platform decodes it: ASCII, Chinese, two- and four-byte characters', () => {
  for (const s of [
    '',
    'a',
    '2021年政府工作报告',
    '一、加强统筹督导。\n\t（二）',
    'café ü ½ ©',
    '𠀀𪚥😀 extension B and emoji',
    '\u0000\u007f\u0080\u07ff\u0800\uffff',
  ]) {
    assert.equal(decodeUtf8Strict(utf8(s)), s, s);
  }
});

test('the first BOM is dropped, as the platform drops it; a second one, or one further in, stays', () => {
  assert.equal(decodeUtf8Strict(bytes(0xef, 0xbb, 0xbf, 0x61)), 'a');
  assert.equal(decodeUtf8Strict(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61)), '\ufeffa');
  assert.equal(decodeUtf8Strict(bytes(0x61, 0xef, 0xbb, 0xbf)), 'a\ufeff');
  assert.equal(decodeUtf8Strict(bytes(0xef, 0xbb, 0xbf)), '');
});

test('every ill-formed sequence is refused where the platform throws', () => {
  const bad = [
    [0x80], // a continuation byte with no lead
    [0xc0, 0x80], // overlong NUL
    [0xc1, 0xbf], // overlong
    [0xe0, 0x80, 0x80], // overlong three bytes
    [0xe0, 0x9f, 0xbf], // overlong, just under U+0800
    [0xed, 0xa0, 0x80], // a surrogate, U+D800
    [0xed, 0xbf, 0xbf], // U+DFFF
    [0xf0, 0x80, 0x80, 0x80], // overlong four bytes
    [0xf0, 0x8f, 0xbf, 0xbf], // overlong, just under U+10000
    [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
    [0xf5, 0x80, 0x80, 0x80],
    [0xff],
    [0xe4, 0xb8], // 一 cut at the end
    [0xe4],
    [0xf0, 0x9f, 0x98], // an emoji cut at the end
    [0xc3], // é cut at the end
    [0xe4, 0x41, 0x80], // a lead whose next byte is ASCII
  ];
  for (const b of bad) {
    assert.equal(expected(bytes(...b)), null, `platform accepts ${b}`);
    assert.equal(decodeUtf8Strict(bytes(...b)), null, `accepted ${b.map((x) => x.toString(16))}`);
    assert.equal(decodeUtf8Strict(bytes(0x41, ...b, 0x42)), null, `accepted inside text: ${b}`);
  }
});

test('a long text, past the buffer of 4M units, crosses its chunks with characters of every length cut nowhere', () => {
  const pieces = ['a', 'é', '一', '😀'];
  const r = rng(7);
  let s = '';
  while (s.length < 140_000) s += pieces[Math.floor(r() * pieces.length)];
  assert.equal(decodeUtf8Strict(utf8(s)), s);
  // A four-byte character (a surrogate pair) just before, at and after the end of a chunk of 2^22 units; a U+FEFF
  // that starts a chunk stays.
  for (const pad of [2 ** 22 - 3, 2 ** 22 - 2, 2 ** 22 - 1, 2 ** 22]) {
    const t = `${'a'.repeat(pad)}😀\ufeff${'中'.repeat(40_000)}😀`;
    assert.equal(decodeUtf8Strict(utf8(t)), t, `pad ${pad}`);
  }
  const t = `${'a'.repeat(2 ** 22 - 1)}\ufeff${s}`;
  assert.equal(decodeUtf8Strict(utf8(t)), t);
});

test('random bytes, and valid text with one byte changed, decode or fail exactly as the platform does', () => {
  const r = rng(2026);
  const text = utf8('一、2021年全市地区生产总值增长8.5%，café 😀 完成。');
  let valid = 0;
  for (let k = 0; k < 20_000; k++) {
    let b: Uint8Array;
    if (k % 2) {
      b = new Uint8Array(1 + Math.floor(r() * 12));
      // Mostly bytes that make sequences: leads, continuations and ASCII.
      const pool = [0x41, 0x80, 0x8f, 0x9f, 0xa0, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xf5];
      for (let i = 0; i < b.length; i++) b[i] = r() < 0.5 ? pool[Math.floor(r() * pool.length)] : Math.floor(r() * 256);
    } else {
      b = text.slice();
      b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    }
    const want = expected(b);
    if (want !== null) valid++;
    assert.equal(decodeUtf8Strict(b), want, `bytes ${[...b].map((x) => x.toString(16)).join(' ')}`);
  }
  // Both outcomes were tried many times.
  assert.ok(valid > 1000 && valid < 19_000, `valid ${valid}`);
});
