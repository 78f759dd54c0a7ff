/**
 * Departments of the central government as issuers (ministries and national administrations
 * publish 法治政府建设 and 政府信息公开 reports every year): they name no place, and were no issuer at
 * all, so every ministry's reports of one type fell into one series, one ministry's taken for the
 * others' copies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, groupSeries, type Report } from '../../src/core/index.ts';
import { centralOrgan } from '../../src/core/series/index.ts';

test('centralOrgan: ministries, administrations, national bureaus and commissions, with or without 中华人民共和国', () => {
  const yes: [string, string][] = [
    ['司法部', '司法部'],
    ['中华人民共和国司法部', '司法部'],
    ['住房和城乡建设部', '住房和城乡建设部'],
    ['人力资源和社会保障部', '人力资源和社会保障部'],
    ['审计署', '审计署'],
    ['海关总署', '海关总署'],
    ['国家税务总局', '国家税务总局'],
    ['国家统计局', '国家统计局'],
    ['国家卫生健康委员会', '国家卫生健康委员会'],
    ['中国气象局', '中国气象局'],
    ['中国人民银行', '中国人民银行'],
    ['中华人民共和国 生态环境部', '生态环境部'],
  ];
  for (const [s, want] of yes) assert.equal(centralOrgan(s), want, s);
  for (const s of ['全部', '干部', '广州市司法局', '广东省委宣传部', '深圳市统计局', '国家', '国务院', '司法部。', 'Ministry部', '人民政府', '']) {
    assert.equal(centralOrgan(s), null, s);
  }
});

const report = (title: string, lines: string[] = []) =>
  buildReport(
    {
      title,
      link: null,
      date: null,
      blocks: [...lines, '一、主要举措和成效', '全年共办理行政复议案件918宗。', '二、存在的不足和原因', '一些问题仍然存在。'],
      diagnostics: [],
    },
    null,
  );

test('a central department is the issuer of its reports; the national statistical communiqué is 国家统计局’s', () => {
  const cases: [string, string][] = [
    ['司法部2023年法治政府建设年度报告', '司法部'],
    ['教育部2023年政府信息公开工作年度报告', '教育部'],
    ['国家税务总局2023年法治政府建设年度报告', '国家税务总局'],
    ['中华人民共和国生态环境部2023年政府信息公开工作年度报告', '生态环境部'],
    ['海关总署2023年法治政府建设年度报告', '海关总署'],
  ];
  for (const [title, issuer] of cases) {
    const r = report(title);
    assert.equal(r.issuer, issuer, title);
    assert.equal(r.year, 2023, title);
  }
  // A place-based issuer is unchanged.
  assert.equal(report('广东省司法厅2023年法治政府建设年度报告').issuer, '广东省司法厅');
  // The publisher line under a title that names only the country.
  const n = report('中华人民共和国2023年国民经济和社会发展统计公报', ['国家统计局', '2024年2月29日']);
  assert.equal(n.issuer, '国家统计局');
  assert.equal(n.type, '国民经济和社会发展统计公报');
});

test('each ministry’s reports are a series of their own; the prefix 中华人民共和国 does not make another', () => {
  const reports: { source: string; report: Report }[] = [];
  for (const year of [2022, 2023]) {
    for (const org of ['司法部', '教育部', '国家税务总局']) {
      reports.push({ source: `${org}-${year}.txt`, report: report(`${org}${year}年法治政府建设年度报告`) });
    }
    reports.push({ source: `mee-${year}.txt`, report: report(`${year === 2022 ? '中华人民共和国' : ''}生态环境部${year}年法治政府建设年度报告`) });
  }
  const g = groupSeries(reports, {});
  assert.deepEqual(
    g.series.map((s) => [s.label, s.members.length]).sort(),
    [
      ['国家税务总局 · 法治政府建设工作报告', 2],
      ['司法部 · 法治政府建设工作报告', 2],
      ['教育部 · 法治政府建设工作报告', 2],
      ['生态环境部 · 法治政府建设工作报告', 2],
    ].sort(),
  );
  assert.ok(!g.problems.some((p) => /copy|copies/.test(p.message)), 'no ministry is another’s copy');
});

test('a sub-district (街道) is governed by its 办事处; its reports written with and without the office are one series', () => {
  assert.equal(report('宝安区新安街道2023年法治政府建设工作报告').issuer, '宝安区新安街道办事处');
  assert.equal(report('深圳市宝安区新安街道办事处2022年法治政府建设工作报告').issuer, '深圳市宝安区新安街道办事处');
  // A township is a government as before.
  assert.equal(report('虎门镇2023年法治政府建设工作报告').issuer, '虎门镇人民政府');
  const g = groupSeries(
    [
      { source: 'a.txt', report: report('宝安区新安街道2023年法治政府建设工作报告') },
      { source: 'b.txt', report: report('深圳市宝安区新安街道办事处2022年法治政府建设工作报告') },
    ],
    {},
  );
  assert.deepEqual(
    g.series.map((s) => [s.label, s.members.map((m) => m.report.year)]),
    [['深圳市宝安区新安街道办事处 · 法治政府建设工作报告', [2022, 2023]]],
  );
});

test('a title letter-spaced across its line is shown without the spaces; the report id is made from the line as written', () => {
  const blocks = [
    '——2024年1月21日在黄山市黄山区第十届人民代表大会第四次会议上',
    '各位代表：',
    '现在，我代表区人民政府向大会作政府工作报告，请予审议。',
    '一、2023年工作回顾',
    '过去一年，全区经济增长5%。',
  ];
  const spread = buildReport({ title: '政 府 工 作 报 告', link: null, date: null, blocks, diagnostics: [] }, null);
  const plain = buildReport({ title: '政府工作报告', link: null, date: null, blocks, diagnostics: [] }, null);
  assert.equal(spread.title, '政府工作报告');
  assert.equal(spread.type, '政府工作报告');
  assert.equal(spread.issuer, '黄山市黄山区人民政府');
  assert.notEqual(spread.id, plain.id, 'the id is still that of the line as written (annotations keep their report)');
  // Words with spaces between them are no spread title.
  const words = buildReport({ title: '某区 2023年 法治政府建设 年度报告', link: null, date: null, blocks, diagnostics: [] }, null);
  assert.equal(words.title, '某区 2023年 法治政府建设 年度报告');
});

test('a page about a report (解读, 图解, 一图读懂, 关于《…》的说明) is not the report: it never takes its place in the series', () => {
  const real = buildReport(
    {
      title: '2024年杭州市政府工作报告',
      link: null,
      date: null,
      blocks: ['一、2023年工作回顾', '过去一年，全市地区生产总值增长5.6%。', '二、2024年主要任务', '今年重点抓好以下工作。'],
      diagnostics: [],
    },
    null,
  );
  const about = (title: string) =>
    buildReport(
      {
        title,
        link: null,
        date: null,
        blocks: ['记者从市政府新闻发布会获悉，报告共分三个部分。', '报告提出，今年经济增长预期目标为5.5%左右。'],
        diagnostics: [],
      },
      null,
    );
  const pages = [
    '2024年杭州市政府工作报告解读',
    '图解：2024年杭州市政府工作报告',
    '一图读懂2024年杭州市政府工作报告',
    '关于《2024年杭州市政府工作报告》的说明',
  ].map(about);
  assert.equal(real.type, '政府工作报告');
  for (const p of pages) assert.notEqual(p.type, '政府工作报告', p.title);
  assert.equal(pages[0].type, '政府工作报告解读');
  assert.equal(pages[3].type, '关于《杭州市政府工作报告》的说明');
  const g = groupSeries(
    [real, ...pages].map((report, i) => ({ source: `${i}.txt`, report })),
    {},
  );
  const main = g.series.find((s) => s.type === '政府工作报告' && s.issuer === '杭州市人民政府');
  assert.deepEqual(
    main?.members.map((m) => m.report.title),
    ['2024年杭州市政府工作报告'],
  );
  assert.ok(!g.problems.some((p) => p.source !== null && p.source !== '0.txt' && /政府工作报告,/.test(p.message)));
  // A real report whose title has 学习 or 说明 elsewhere is still one.
  assert.equal(about('关于学习贯彻习近平法治思想推进2023年法治政府建设情况的报告').type, '法治政府建设工作报告');
});

test('from a review pass: short names of national bodies, common words that are no ministry, 乡镇, an issuer line, “about” pages', () => {
  const issuer = (title: string, lines: string[] = []) => report(title, lines).issuer;
  for (const [title, want] of [
    ['国家发展改革委2023年法治政府建设年度报告', '国家发展改革委'],
    ['国家卫生健康委2023年政府信息公开工作年度报告', '国家卫生健康委'],
    ['中国证监会2023年法治政府建设年度报告', '中国证监会'],
    ['市场监管总局2023年法治政府建设年度报告', '市场监管总局'],
    ['国务院国资委2023年法治政府建设年度报告', '国务院国资委'],
    ['某某乡2023年法治政府建设年度报告', '某某乡人民政府'],
  ] as const)
    assert.equal(issuer(title), want, title);
  for (const title of [
    '领导干部2023年述职报告',
    '机关干部2023年工作总结',
    '西南部2023年统计公报',
    '党支部2023年工作总结',
    '2023年乡镇法治政府建设工作报告',
    '某县乡镇2023年工作总结',
  ]) {
    assert.equal(issuer(title), null, title);
  }
  // The two State Council bodies are two series, not 国务院's copies.
  const g = groupSeries(
    ['国务院国资委', '国务院港澳办'].map((org, i) => ({ source: `${i}.txt`, report: report(`${org}2023年法治政府建设年度报告`) })),
    {},
  );
  assert.equal(g.series.length, 2);
  // A central body's name on the line before the title joins it.
  assert.equal(issuer('2023年法治政府建设年度报告', []), null);
  const twoLines = buildReport(
    { title: null, link: null, date: null, blocks: ['司法部', '2023年法治政府建设年度报告', '一、主要举措', '全年办理案件918宗。'], diagnostics: [] },
    null,
  );
  assert.equal(twoLines.issuer, '司法部');
  // Notes and explanations of a bulletin, and an abridged report, are pages about it.
  for (const title of [
    '某市2023年国民经济和社会发展统计公报附注及指标解释',
    '关于某市2023年国民经济和社会发展统计公报有关指标的说明',
    '某市2023年政府工作报告（摘要）',
  ]) {
    const r = report(title);
    assert.ok(r.type !== '国民经济和社会发展统计公报' && r.type !== '政府工作报告', `${title}: ${r.type}`);
  }
});

test('the session line dates a work report only, and only as a line of its own', () => {
  const rule = buildReport(
    {
      title: '某县2023年法治政府建设年度报告',
      link: null,
      date: null,
      blocks: [
        '2023年1月12日，在县第十八届人民代表大会第二次会议上，县政府作了法治政府建设专题报告。',
        '一、主要举措',
        '全年办理案件918宗。',
        '某县人民政府',
        '2024年1月10日',
      ],
      diagnostics: [],
    },
    null,
  );
  assert.equal(rule.published, '2024-01-10', 'a sentence that mentions a session is no session line; the closing dates the report');
});
