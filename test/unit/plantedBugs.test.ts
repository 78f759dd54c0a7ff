/**
 * Tests for bugs that were planted one at a time and slipped through the suite (issue #12), where
 * no other file of the suite is the natural home. Each was checked to fail with its bug planted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSource } from '../../src/core/index.ts';

const REPORT = '某区2020年法治政府建设工作报告\n一、加强组织领导\n全年办理行政复议案件918宗，同比增长12%。\n二、规范行政执法\n全面推行行政执法公示制度。\n';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), littleEndian);
  return out;
}

test('the BOM decides the encoding: UTF-16 with a BOM (little or big endian) reads as the text, not as GB18030 gibberish', () => {
  for (const le of [true, false]) {
    const imp = importSource('report.txt', utf16(REPORT, le));
    assert.equal(imp.reports.length, 1, `UTF-16${le ? 'LE' : 'BE'}`);
    const r = imp.reports[0];
    assert.equal(r.title, '某区2020年法治政府建设工作报告');
    assert.deepEqual(
      r.paragraphs.filter((p) => p.role === 'body').map((p) => p.text),
      ['全年办理行政复议案件918宗，同比增长12%。', '全面推行行政执法公示制度。'],
    );
    assert.ok(!imp.diagnostics.some((d) => d.code === 'gb18030Fallback'), 'no GB18030 fallback');
  }
});
