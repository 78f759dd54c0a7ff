/** Report text with terminal controls (ESC, BEL, 8-bit CSI): the document and every output show them, never run them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importSource } from '../../src/core/index.ts';
import { run } from '../../src/cli/main.ts';
import { tempDir } from './tmp.ts';

const HOSTILE = '某区人民政府2019年法治政府建设工作报告\x1b]0;pwned\x07\n\n一、加强领导\x1b[2J\n\n全年召开会议12次\x9b31m，依法行政。\x1b]52;c;ZXZpbA==\x07\n';
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('the report document holds no control character: each shows as a symbol', () => {
  const r = importSource('hostile.txt', new TextEncoder().encode(HOSTILE)).reports[0];
  assert.doesNotMatch(r.text, CONTROLS);
  assert.ok(r.text.includes('␛]0;pwned␇'), 'ESC and BEL are visible');
  assert.ok(
    r.paragraphs.some((p) => p.text.includes('12次\ufffd31m')),
    'an 8-bit CSI is replaced',
  );
  assert.doesNotMatch(r.title, CONTROLS);
});

test('annals outline: no control character reaches the terminal; JSON escapes them', async () => {
  const dir = tempDir('controls');
  try {
    const file = path.join(dir, 'hostile\x1b[31m.txt');
    writeFileSync(file, HOSTILE);
    let out = '';
    let err = '';
    const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s) };
    assert.equal(await run(['outline', file], io), 0, err);
    assert.doesNotMatch(out, CONTROLS, 'human output');
    assert.ok(out.includes('hostile␛[31m.txt'), 'the file name too');
    out = '';
    assert.equal(await run(['outline', file, '--json'], io), 0, err);
    assert.doesNotMatch(out, CONTROLS, 'JSON output');
    const json = JSON.parse(out);
    assert.equal(json.source, file, 'the JSON keeps the exact file name');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
