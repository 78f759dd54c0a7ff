/**
 * The sixteenth pass over unseen reports (work reports' outlines; 法治 and 信息公开 reports with short paragraphs; 统计公报
 * of counties) and its review: what they found that recurs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importSource, type Report } from '../../src/core/index.ts';

const read = (text: string, name = 'page.txt'): Report => {
  const r = importSource(name, Buffer.from(text)).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};

test('现就…报告如下 is a lead verb as 现将 is: 我镇 after it names no issuer', () => {
  for (const verb of ['现就', '现将']) {
    const r = read(
      [
        `2022年，我镇坚持依法行政。${verb}我镇2022年度法治政府建设情况报告如下：`,
        '一、主要举措',
        '（一）加强领导',
        '镇党委高度重视法治建设工作，定期研究部署相关任务，层层压实责任，确保各项工作落到实处并取得实效。',
      ].join('\n\n'),
    );
    assert.equal(r.issuer, null, verb);
    assert.equal(r.title, '2022年法治政府建设工作报告', verb);
  }
  // A place named after 现就 is still the issuer.
  const named = read(
    [
      '现就某某县某某镇2022年度法治政府建设情况报告如下：',
      '一、主要举措',
      '镇党委高度重视法治建设工作，定期研究部署相关任务，层层压实责任，确保各项工作落到实处。',
    ].join('\n\n'),
  );
  assert.equal(named.issuer, '某某县某某镇人民政府');
});
