/**
 * A report whose source gives no date (plain text, Word) is dated by its closing lines: the
 * signature and the day it was signed (东湖区人民政府 / 2024年3月28日).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../src/core/index.ts';

const body = ['一、2023年推进法治政府建设的主要举措和成效', '全年办理行政复议案件918宗。', '二、2024年推进法治政府建设的主要安排', '继续推进依法行政。'];
const build = (blocks: string[], date: string | null = null) =>
  buildReport({ title: '东湖区2023年法治政府建设年度报告', link: null, date, blocks, diagnostics: [] }, null);

test('the closing date is the published date when the source gives none; the document says so', () => {
  const r = build([...body, '东湖区人民政府', '2024年3月28日']);
  assert.equal(r.published, '2024-03-28');
  assert.equal(r.year, 2023, 'the year is still the title’s');
  assert.ok(r.text.split('\n')[1].includes('2024-03-28'), 'the metadata line shows it');
  assert.deepEqual(
    r.paragraphs.slice(-2).map((p) => p.role),
    ['closing', 'closing'],
  );
  // Full-width digits and spaces.
  assert.equal(build([...body, '东湖区人民政府', '２０２４年 ３ 月 ２８ 日']).published, '2024-03-28');
});

test('not a closing date: the source’s own date wins; a month alone, a date inside the body, an impossible date', () => {
  assert.equal(build([...body, '东湖区人民政府', '2024年3月28日'], 'Mon, 01 Apr 2024 08:00:00 +0800').published, '2024-04-01T08:00:00+08:00');
  assert.equal(build([...body, '东湖区人民政府', '2024年3月']).published, null, 'a month alone is no day');
  assert.equal(build(['2024年3月28日', ...body]).published, null, 'a date line at the top of the body is no closing (the front matter is read by the reader)');
  assert.equal(build([...body, '东湖区人民政府', '2024年13月28日']).published, null);
  assert.equal(build([...body, '2024年3月28日，区政府召开常务会议研究部署法治政府建设工作。']).published, null, 'a sentence is no closing');
});

test('a work report with no date from its source is dated by its session line (the day it was delivered)', () => {
  const gwr = (session: string, date: string | null = null) =>
    buildReport(
      {
        title: '政府工作报告',
        link: null,
        date,
        blocks: [
          session,
          '贵州省省长 李炳军',
          '各位代表：',
          '现在，我代表省人民政府，向大会报告工作，请予审议。',
          '一、2025年工作回顾',
          '过去一年，全省经济增长5%。',
        ],
        diagnostics: [],
      },
      null,
    );
  assert.equal(gwr('（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）').published, '2026-01-27');
  assert.equal(gwr('——2024年3月5日在第十四届全国人民代表大会第二次会议上').published, '2024-03-05');
  assert.equal(gwr('——２０２４年３月５日在第十四届全国人民代表大会第二次会议上').published, '2024-03-05');
  assert.equal(gwr('——2024年3月在第十四届全国人民代表大会第二次会议上').published, null, 'a month alone is no day');
  assert.equal(gwr('——2024年3月5日在第十四届全国人民代表大会第二次会议上', '2024-03-06').published, '2024-03-06', 'the source’s own date wins');
  assert.equal(gwr('（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）').year, 2026);
});
