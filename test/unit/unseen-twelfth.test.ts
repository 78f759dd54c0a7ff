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

const DISCLOSURE = (opening: string, body: string) =>
  `2022年政府信息公开工作年度报告\n\n${opening}\n\n一、总体情况\n\n${body}\n\n二、主动公开政府信息情况\n\n全年主动公开信息120条。\n\n三、收到和处理政府信息公开申请情况\n\n全年收到申请3件。\n`;

test('a report on its year whose title names no body: the department its text names as the one who acts, or in its documents’ names', () => {
  // In a section, right after the year (宜城市教育局, as its site publishes the report).
  const yicheng = read(
    DISCLOSURE(
      '本报告依据《中华人民共和国政府信息公开条例》要求编制。数据统计期限为2022年1月1日至2022年12月31日。',
      '（一）主动公开情况。2022年宜城市教育局全面贯彻落实《条例》精神，规范公开流程，全年公开各类信息165条。',
    ),
  );
  assert.equal(yicheng.issuer, '宜城市教育局');
  assert.equal(yicheng.diagnostics.find((d) => d.code === 'issuerActing')?.args?.[0], '宜城市教育局');
  // 由…编制; a commission (经济和信息化委员会: 经 is in a name).
  assert.equal(
    read(DISCLOSURE('本年度报告由上海市经济和信息化委员会（以下简称我委）编制。', '2022年，我委认真贯彻落实《条例》。')).issuer,
    '上海市经济和信息化委员会',
  );
  // Its own documents of the year (《2024年度霍邱县应急管理局学法计划》), in a 法治 report that speaks as 我局.
  const huoqiu = read(
    '2024年法治政府建设工作报告\n\n2024年，我局坚持以习近平法治思想为指导，扎实推进法治政府建设。\n\n一、主要举措和成效\n\n（一）加强学法用法。研究制定了《2024年度霍邱县应急管理局学法计划》《2024年霍邱县应急管理局普法责任清单》。\n\n二、存在的不足\n\n执法力量不足。\n\n三、2025年工作安排\n\n持续推进。\n',
  );
  assert.equal(huoqiu.issuer, '霍邱县应急管理局');
  // No body with its place acts: none (a government, or a department with no place, is not taken so).
  assert.equal(read(DISCLOSURE('本报告依据《条例》编制。', '2022年宜城市人民政府办公室指导我局工作。2022年，市教育局下发通知。')).issuer, null);
});
