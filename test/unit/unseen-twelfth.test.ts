/**
 * The twelfth pass over unseen reports (townships' and departments' 法治 and 信息公开 reports as their sites publish
 * them): a site's date after the title, set apart by a space (…工作情况报告 2025-02-28), and a browser's title of the
 * page whose last part is the site's name (…情况报告_街镇园区文件_上海市宝山区人民政府门户网站), above the title line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importSource } from '../../src/core/index.ts';

const read = (text: string) => importSource('page.txt', Buffer.from(text)).reports[0];
const BODY =
  '\n\n2024年殷行街道认真学习贯彻习近平法治思想，深入推进法治政府建设。\n\n一、主要负责人履行推进法治建设第一责任人职责情况\n\n（一）加强组织领导。街道党工委定期研究法治工作。\n\n二、存在的不足\n\n基层法治力量不足。\n\n三、下一步工作安排\n\n持续推进法治建设。\n';

test('a site’s date after the title, set apart by a space: the page’s date, no part of the title', () => {
  const r = read(`2024年度殷行街道法治政府建设工作情况报告 2025-02-28${BODY}`);
  assert.equal(r.title, '2024年度殷行街道法治政府建设工作情况报告');
  assert.equal(r.published, '2025-02-28');
  assert.equal(r.year, 2024);
  assert.equal(r.issuer, '殷行街道办事处');
  // A date that is no site's stamp (a range, a number in the title) stays.
  assert.equal(read(`2024年度殷行街道法治政府建设工作情况报告${BODY}`).published, null);
});

test('a browser’s title of the page whose last part is the site’s name: the report’s part, the repeated title line gone', () => {
  const r = read(
    `友谊路街道2025年法治政府建设情况报告_街镇园区文件_上海市宝山区人民政府门户网站\n\n友谊路街道2025年法治政府建设情况报告${BODY.replace(/2024年殷行/, '2025年友谊路')}`,
  );
  assert.equal(r.title, '友谊路街道2025年法治政府建设情况报告');
  assert.equal(r.year, 2025);
  assert.ok(!r.paragraphs.some((p) => p.role === 'body' && p.text.startsWith('友谊路街道2025年法治政府建设情况报告')), 'the title once');
});
