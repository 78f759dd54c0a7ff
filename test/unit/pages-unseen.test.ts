/**
 * What sites put around reports no one on the team had read (a helper's passes over 信息公开 pages and news reprints
 * of work reports, 2026-11-30): a version bar, a breadcrumb broken after its first item, a CMS that pads its date
 * fields, a section's name above the text, a news site's date-and-source line and its call to read more. Each row is
 * the lines as the page had them, cut to what matters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupSeries, importSource, parseDate } from '../../src/core/index.ts';
import { PROSE, readReport } from './helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const S = PROSE;
const read = readReport;

test('a CMS’s date padded with spaces (2016- 03- 14 14: 36: 12) is a date', () => {
  assert.equal(parseDate('2016- 03- 14 14: 36: 12'), '2016-03-14T14:36:12');
  assert.equal(parseDate('2018- 03- 26 15: 01'), '2018-03-26T15:01:00');
  assert.equal(parseDate('2016 - 03'), null);
});

test('a site’s version bar (关怀版 无障碍) is chrome, not the head of the title; 乡 before 政府信息公开 is the issuer’s place', () => {
  const r = read(
    'a.txt',
    `关怀版 无障碍 无障碍\n\n您当前所在位置: 首页 > 乡(镇)信息公开目录 > 南坑乡 > 年度报告\n\n2012年南坑乡政府信息公开工作年度报告\n\n${S}\n一、概述\n${S}\n`,
  );
  assert.deepEqual(r.meta, ['2012年南坑乡政府信息公开工作年度报告', '南坑乡人民政府', 2012, '政府信息公开工作年度报告', null]);
  assert.ok(!r.texts.some((t) => /关怀版|无障碍/.test(t)));
});

test('a breadcrumb broken after its first item, a heading that is only the issuer, a padded date field: the report named by its lead', () => {
  const r = read(
    'art_1229257247_22792.txt',
    `您现在的位置:首页\n > 信息公开年报 > 县(市、区)政府 > 2017\n瑞安市人民政府\n发布日期: 2018- 03- 26 15: 01 浏览次数: 来源: 瑞安市人民政府 字体:[ ]\n\n本年报根据《中华人民共和国政府信息公开条例》,综合各部门的政府信息公开工作情况编制。\n一、政府信息公开工作的概况\n2017年,我市认真贯彻落实《条例》。${S}\n`,
  );
  assert.deepEqual(r.meta, ['瑞安市人民政府2017年政府信息公开工作年度报告', '瑞安市人民政府', 2017, '政府信息公开工作年度报告', '2018-03-26']);
  assert.ok(!r.texts.some((t) => t.includes('>')));
});

test('a section’s name above the text (引言) is no title', () => {
  const r = read(
    'xxgk-2015.txt',
    `引言\n根据《中华人民共和国政府信息公开条例》,特向社会公布2015年度瑞安市发展和改革局政府信息公开年度报告。\n一、概述\n${S}\n`,
  );
  assert.deepEqual(r.meta, ['2015年瑞安市发展和改革局政府信息公开工作年度报告', '瑞安市发展和改革局', 2015, '政府信息公开工作年度报告', null]);
  assert.equal(r.texts[0], '引言', 'it stays in the text');
});

test('a news site’s date-and-source line (2021年02月09日07:28  来源:成都日报) dates the page and goes; so does its call to read more', () => {
  for (const [byline, published] of [
    ['2021年02月09日07:28  来源:成都日报', '2021-02-09'],
    ['2021年02月09日07:28  來源:成都日報', '2021-02-09'],
    ['2021-02-09 07:28 | 来源:人民网-四川频道', '2021-02-09'],
  ]) {
    const r = read(
      'c345167-34572051.html.txt',
      `成都市政府工作报告\n${byline}\n點擊查閱更多2023年地方政府工作報告\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2020年工作回顾\n${S}\n`,
    );
    assert.deepEqual(r.meta, ['成都市政府工作报告', '成都市人民政府', 2021, '政府工作报告', published], byline);
    assert.equal(r.texts[0], '各位代表：', byline);
  }
});

test('a disclosure page’s table of fields, in brackets or as list items, is chrome and dates the report; the title under it is found', () => {
  const fields = [
    '[ 索引号 ] 115002420091464791/2021-00006',
    '[ 发文字号 ]',
    '[ 主题分类 ] 统计',
    '[ 体裁分类 ] 统计分析',
    '[ 发布机构 ] 酉阳县统计局',
    '[ 有效性 ]',
    '[ 成文日期 ] 2020-03-24',
    '[ 发布日期 ] 2020-03-31',
  ];
  const P = '2019年，全县上下坚持稳中求进工作总基调，全年实现地区生产总值一百八十亿元，比上年增长百分之七点九。';
  const r = read('a.txt', `${fields.join('\n')}\n\n酉阳土家族苗族自治县2019年国民经济和社会发展统计公报\n\n${P}\n一、综合\n${P}\n`);
  assert.deepEqual(r.meta.slice(0, 4), ['酉阳土家族苗族自治县2019年国民经济和社会发展统计公报', '酉阳土家族苗族自治县', 2019, '国民经济和社会发展统计公报']);
  assert.match(r.meta[4] as string, /^2020-03-/);
  assert.ok(!r.texts.some((t) => t.includes('索引号')));
  const items = read(
    'b.txt',
    `  • 索引号: 000014349/2011-00012\n  • 发布机构: 省文史研究馆\n  • 发文日期: 2011-03-31 00:03\n湖南省参事室2010年政府信息公开工作年度报告\n${S}\n一、基本情况\n${S}\n`,
  );
  assert.deepEqual(items.meta, ['湖南省参事室2010年政府信息公开工作年度报告', '湖南省参事室', 2010, '政府信息公开工作年度报告', '2011-03-31T00:03:00']);
  // A bracketed label before a title is no field.
  assert.equal(read('c.txt', `【政策解读】关于某县2023年度法治政府建设工作的报告\n${S}\n`).meta[0], '【政策解读】关于某县2023年度法治政府建设工作的报告');
});

test('a forum’s board before a title ([湖南]) and a footnote’s mark after it ([1]) are no part of it; a year before the place is no part of the issuer', () => {
  const P = '全年实现地区生产总值一百八十亿元，比上年增长百分之七点九，经济运行总体平稳。';
  assert.deepEqual(read('a.txt', `设为首页\n\n[湖南] 2020年隆回县国民经济和社会发展统计公报\n\n${P}\n一、综合\n${P}\n`).meta.slice(0, 3), [
    '2020年隆回县国民经济和社会发展统计公报',
    '隆回县',
    2020,
  ]);
  assert.deepEqual(
    read('b.txt', `中华人民共和国2019年国民经济和社会发展统计公报[1]\n\n${P}\n一、综合\n${P}\n`).meta[0],
    '中华人民共和国2019年国民经济和社会发展统计公报',
  );
  const r = read(
    'c.txt',
    `2019年长顺县国民经济和社会发展统计公报\n\n2019年贵州省长顺县国民经济和社会发展\n\n统计公报\n\n长顺县统计局\n\n${P}\n一、综合\n${P}\n`,
  );
  assert.equal(r.meta[1], '贵州省长顺县');
});

test('a 信息公开 report with no title and no other year: the year its figures are counted to (截止2023年12月31日)', () => {
  const r = read(
    't20240115_3271106.txt',
    `一、总体情况\n截止2023年12月31日我局通过官方网站发布政府信息一百二十条。\n二、主动公开政府信息情况\n${S}\n三、收到和处理政府信息公开申请情况\n${S}\n`,
  );
  assert.deepEqual(r.meta, ['2023年政府信息公开工作年度报告', null, 2023, '政府信息公开工作年度报告', null]);
});

test('a reprint’s headline that quotes the report’s name (《政府工作报告》全文发布) is that name; a congress’s resolution on the report is no report', () => {
  const reprint = read(
    '248564.txt',
    `《政府工作报告》全文发布\n\n2023-05-20 来源:飞速影视\n   政府工作报告\n——2022年1月12日在黄山市第八届人民代表大会第一次会议上\n市人民政府市长 孙 勇\n\n各位代表:\n现在,我代表市人民政府,向大会报告政府工作,请予审议。\n一、过去五年工作回顾\n${S}\n`,
  );
  assert.deepEqual(reprint.meta.slice(0, 4), ['政府工作报告', '黄山市人民政府', 2022, '政府工作报告']);
  const resolution = read(
    'post_10382966.txt',
    `龙岗区第七届人民代表大会第三次会议关于龙岗区人民政府工作报告的决议\n(2023年1月13日龙岗区第七届人民代表大会第三次会议通过)\n龙岗区第七届人民代表大会第三次会议听取和审议了区长所作的政府工作报告。会议充分肯定区人民政府过去一年的工作。\n`,
  );
  assert.notEqual(resolution.meta[3], '政府工作报告');
});

test('a table a converter wrote a cell a line with a bar after each cell: cells, not headings; the lines of bars go', () => {
  const cells = ['三、本年度办理结果 |', '(一)予以公开 |', '|', '|', '5 |', '||', '(二)部分公开 |', '|', '2 |', '|||', '(三)不予公开 |', '0 |'];
  const r = importSource(
    't.txt',
    enc(
      `某区2023年政府信息公开工作年度报告\n一、总体情况\n${S}\n三、收到和处理政府信息公开申请情况\n${cells.join('\n')}\n四、政府信息公开行政复议、行政诉讼情况\n${S}\n`,
    ),
  ).reports[0];
  const heads = r.paragraphs.filter((p) => p.role === 'chapter' || p.role === 'section').map((p) => p.text);
  assert.deepEqual(heads, ['一、总体情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
  assert.ok(!r.paragraphs.some((p) => /^\|+$/.test(p.text) || p.text.endsWith('|')));
  // A bar at the end of one line only is the line's.
  const one = importSource('u.txt', enc(`某区2023年政府信息公开工作年度报告\n一、总体情况\n${S} |\n（一）主动公开\n${S}\n`)).reports[0];
  assert.ok(one.paragraphs.some((p) => p.text === `${S} |`));
});

test('a column’s tag before a title (【权威发布】) is no field; a page whose every line ends in a bar, with no lines of bars, is no table (a review pass’s attacks)', () => {
  const tagged = read('a.txt', `【权威发布】2023年某县国民经济和社会发展统计公报\n发布时间：2024-03-20 09:30 来源：某县统计局\n${S}\n一、综合\n${S}\n`);
  assert.deepEqual(tagged.meta.slice(2, 4), [2023, '国民经济和社会发展统计公报']);
  const layout = importSource('b.txt', enc(`某区2023年法治政府建设工作报告 |\n一、主要举措 |\n${S} |\n二、存在问题 |\n${S} |\n三、下一步打算 |\n${S} |\n`))
    .reports[0];
  assert.equal(layout.outline.filter((n) => n.kind === 'chapter').length, 3);
});

test('key figures set as bullets at the top of a page are text, not a disclosure table’s fields (a third review pass’s attacks)', () => {
  const r = read('a.txt', `2023年某市国民经济和社会发展统计公报\n• 地区生产总值：5231亿元\n• 常住人口：812万人\n${S}\n一、综合\n${S}\n`);
  assert.ok(
    r.texts.some((t) => t.includes('地区生产总值：5231亿元')),
    r.texts.join('\n'),
  );
});

// A third pass (2026-11-30): 34 法治/信息公开 pages, 29 county work reports and 14 communiqués no one had read.

test('a breadcrumb with slashes from 首页 is chrome; a 2019年度 opening gives the year', () => {
  const r = read(
    '1426057137083166722.txt',
    `首页 / 政府信息公开 / 政府信息公开年报 / 正文\n示范区教育局政府信息公开工作年度报告\n2019年度，在示范区党工委领导下，我局认真贯彻《条例》。${S}\n一、总体情况\n${S}\n`,
  );
  assert.deepEqual(r.meta.slice(0, 3), ['示范区教育局政府信息公开工作年度报告', '示范区教育局', 2019]);
  assert.ok(!r.texts.some((t) => t.includes('首页')));
  // A slash elsewhere is no breadcrumb.
  const s = read('s.txt', `某县2023年政府信息公开工作年度报告\n2023/2024年度价格为5元/吨。\n一、总体情况\n${S}\n`);
  assert.ok(s.texts.includes('2023/2024年度价格为5元/吨。'));
});

test('a disclosure table’s fields on one line ([ 主题分类 ] … [ 体裁分类 ] 工作报告) or as key-and-value rows (组配分类 政府工作报告) are chrome', () => {
  const r = read(
    't20260210_15418039.txt',
    `[ 主题分类 ] 公安、安全、司法、法制 [ 体裁分类 ] 工作报告\n[ 发布机构 ] 栗子乡\n丰都县栗子乡人民政府2025年法治政府建设情况报告\n2025年，栗子乡坚持以习近平法治思想为指导。${S}\n一、主要举措和成效\n${S}\n`,
  );
  assert.deepEqual(r.meta.slice(0, 3), ['丰都县栗子乡人民政府2025年法治政府建设情况报告', '丰都县栗子乡人民政府', 2025]);
  const z = read(
    'art_1229311253_3219568.txt',
    `成文日期 2019-02-22\n发布机构 县政府办公室\n组配分类 政府工作报告\n政府工作报告\n——2019年1月16日在仙居县第十六届人民代表大会第四次会议上\n各位代表：\n一、2018年工作回顾\n${S}\n二、2019年工作安排\n${S}\n`,
  );
  assert.deepEqual(z.meta, ['政府工作报告', '仙居县人民政府', 2019, '政府工作报告', '2019-02-22']);
});

test('a lead that publishes the report by its name in 《》 names it; a communiqué’s 2024年是… gives its year', () => {
  const r = read(
    '1489.txt',
    `根据《中华人民共和国政府信息公开条例》要求，现发布《重庆市2021年政府信息公开工作年度报告》。本报告由总体情况等部分组成。\n一、总体情况\n2021年，全市各级行政机关认真贯彻落实。${S}\n二、主动公开政府信息情况\n${S}\n`,
  );
  assert.deepEqual(r.meta.slice(1, 4), ['重庆市人民政府', 2021, '政府信息公开工作年度报告']);
  const c = read('66366.txt', `松原市国民经济和社会发展统计公报\n2024年是实现“十四五”规划目标任务的关键一年。\n一、综合\n全年地区生产总值100亿元。\n`);
  assert.equal(c.meta[2], 2024);
});

test('issuers written otherwise: a year then a bare 街道, a version’s note, 制定了 in a lead, a sub-district under its district’s government', () => {
  const m = (name: string, text: string) => read(name, text).meta.slice(0, 3);
  assert.deepEqual(m('c1.txt', `2021年迎宾路街道政府信息公开工作年度报告\n${S}\n一、总体情况\n${S}\n`), [
    '2021年迎宾路街道政府信息公开工作年度报告',
    '迎宾路街道办事处',
    2021,
  ]);
  assert.equal(m('c2.txt', `(文字版)2017年芜湖市政府信息公开工作年度报告\n${S}\n一、总体情况\n${S}\n`)[1], '芜湖市人民政府');
  assert.equal(
    m(
      'c3.txt',
      `根据《中华人民共和国政府信息公开条例》规定，制定了温泉县教育局2019年度政府信息公开年度报告。\n一、总体情况\n${S}\n二、主动公开政府信息情况\n${S}\n`,
    )[1],
    '温泉县教育局',
  );
  // Both spellings are one body, so one series.
  const a = m('d1.txt', `重庆市九龙坡区人民政府二郎街道办事处2023年政府信息公开工作年度报告\n${S}\n一、总体情况\n${S}\n`);
  const b = m('d2.txt', `重庆市九龙坡区二郎街道办事处2022年政府信息公开工作年度报告\n${S}\n一、总体情况\n${S}\n`);
  assert.equal(a[1], '重庆市九龙坡区二郎街道办事处');
  assert.equal(b[1], a[1]);
});

test('a work report that opens with its session line: the line is no title, and gives the issuer, the year and the date', () => {
  const r = read(
    't20160202_8704867.txt',
    '——2016年1月6日在马鞍山市第十五届人民代表大会第五次会议上\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2015年工作回顾\n过去一年，我们做了很多工作。\n二、2016年工作安排\n今年要做更多工作。\n',
  );
  assert.deepEqual(r.meta, ['2016年马鞍山市人民政府工作报告', '马鞍山市人民政府', 2016, '政府工作报告', '2016-01-06']);
  assert.equal(r.texts[0], '各位代表：');
});

test('a first chapter 2022年政府主要工作 before 2023年工作安排 reviews 2022: the 2023 report', () => {
  const r = read('y1.txt', '缙云县政府工作报告\n各位代表：\n一、2022年政府主要工作\n过去一年，我们做了很多工作。\n二、2023年工作安排\n今年要做更多工作。\n');
  assert.equal(r.meta[2], 2023);
  const plan = read(
    'y2.txt',
    '缙云县政府工作报告\n各位代表：\n一、过去五年工作回顾\n过去五年，我们做了很多工作。\n二、2023年政府主要工作\n今年要做更多工作。\n',
  );
  assert.equal(plan.meta[2], 2023);
});

test('sections numbered ㈠ ㈡, and part headings in traditional characters (2009年工作回顧), are read', () => {
  const r = importSource('f3.txt', enc(`2021年某县政府信息公开工作年度报告\n${S}\n一、总体情况\n㈠主动公开情况\n${S}\n㈡依申请公开情况\n${S}\n`)).reports[0];
  assert.deepEqual(
    r.outline[0].children.map((n) => [n.kind, n.number, n.title]),
    [
      ['section', 1, '主动公开情况'],
      ['section', 2, '依申请公开情况'],
    ],
  );
  // As its simplified copy reads: the two headings, each a chapter of its own (the part words found in either script).
  const shape = (text: string) => importSource('tr.txt', enc(text)).reports[0].outline.map((n) => [n.kind, n.title.slice(0, 5)]);
  const traditional = shape('天津市南開區2010年政府工作報告\n各位代表：\n2009年工作回顧\n過去一年，我們做了很多工作。\n2010年工作安排\n今年要做更多工作。\n');
  assert.deepEqual(
    traditional,
    shape('天津市南开区2010年政府工作报告\n各位代表：\n2009年工作回顾\n过去一年，我们做了很多工作。\n2010年工作安排\n今年要做更多工作。\n'),
  );
  assert.equal(traditional.length, 2);
});

test('a communiqué whose page kept only its publishers’ line: the type from its chapters (综合, 农业…), the first publisher’s place as issuer (兵团 too)', () => {
  const body = '一、综合\n初步核算，全年生产总值2500亿元，比上年增长5.6%。\n二、农业\n全年粮食播种面积300千公顷。\n三、工业和建筑业\n全年工业增加值800亿元。\n';
  const a = read('gb.txt', `新疆生产建设兵团统计局 国家统计局兵团调查总队\n2019年3月22日\n2018年，兵团坚持稳中求进工作总基调。\n${body}`);
  assert.deepEqual(a.meta.slice(1, 4), ['新疆生产建设兵团', 2018, '国民经济和社会发展统计公报']);
  const b = read('35125.txt', `銅仁市統計局\n2017年3月\n2016年，全市經濟社會發展取得新成效。\n${body}`);
  assert.deepEqual(b.meta.slice(1, 4), ['铜仁市', 2016, '国民经济和社会发展统计公报']);
  // Not a communiqué: chapters that are no sectors.
  const c = read('x.txt', `铜仁市统计局\n2017年3月\n一、综合\n${S}\n二、主要做法\n${S}\n`);
  assert.notEqual(c.meta[3], '国民经济和社会发展统计公报');
});

test('a title’s year in Chinese numerals splits the issuer as digits do; a 信息公开 lead 结合…工作实际，编制本报告 names body, year and type', () => {
  const tail = '\n子洲县统计局\n2024年4月15日\n一、综合\n全年地区生产总值100亿元。\n';
  assert.deepEqual(
    read('a.txt', `子洲县二〇二三年国民经济和社会发展统计公报${tail}`).meta.slice(1, 3),
    read('b.txt', `子洲县2023年国民经济和社会发展统计公报${tail}`).meta.slice(1, 3),
  );
  const r = read(
    't20260130_15369872.txt',
    `结合重庆市两江新区人民政府大石坝街道办事处2025年政府信息公开工作实际，编制本报告。本报告主要包括总体情况等六个部分。\n一、总体情况\n2025年，大石坝街道认真贯彻落实。${S}\n`,
  );
  assert.deepEqual(r.meta.slice(1, 4), ['重庆市两江新区大石坝街道办事处', 2025, '政府信息公开工作年度报告']);
});

test('an outline under 提纲: with no page numbers heads nothing; the report’s own headings after it do', () => {
  const r = importSource(
    '2632864.txt',
    enc(
      '武义县2023年政府工作报告\n提纲:\n一、2022年工作回顾\n(一)聚力稳增长\n(二)聚力促转型\n二、2023年工作安排\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2022年工作回顾\n2022年是新征程开局之年，我们做了很多工作。\n(一)聚力稳增长\n全县生产总值增长5%，经济运行稳中向好。\n(二)聚力促转型\n数字经济核心产业增加值增长10%。\n二、2023年工作安排\n今年要做更多工作，努力实现更高质量发展。\n',
    ),
  ).reports[0];
  const first = r.outline[0];
  assert.equal(r.outline.length, 2);
  assert.equal(first.title, '2022年工作回顾');
  // The chapter holds the report's own text, not the outline's lines.
  const p = r.paragraphs.find((x) => x.text.startsWith('2022年是新征程'))!;
  assert.ok(p.line > first.line && p.line <= first.endLine);
  assert.ok(r.paragraphs.some((x) => x.text === '提纲:'));
});

test('a communiqué on one line (a forum post, 1,200 characters): its title at the start, its chapters cut, 一、综合 apart from 初步核算，', () => {
  const body = '初步核算，全年全縣地區生產總值實現300億元，比上年增長5.6%。其中，第一產業增加值50億元，增長3.1%；第二產業增加值100億元，增長6.2%。'.repeat(4);
  const agri = '全年糧食播種面積30千公頃，比上年增長0.4%；糧食產量20萬噸，增長1.2%。'.repeat(4);
  const text = `2023年宜章縣國民經濟和社會發展統計公報 2023年，宜章縣堅持穩中求進工作總基調。 一、綜合 ${body} 二、農業 ${agri} 三、工業和建築業 全年規模以上工業增加值增長7.1%。\n`;
  const r = importSource('viewthread-tid80317.txt', enc(text)).reports[0];
  assert.deepEqual([r.title, r.issuer, r.year, r.type], ['2023年宜章縣國民經濟和社會發展統計公報', '宜章县', 2023, '国民经济和社会发展统计公报']);
  assert.deepEqual(
    r.outline.map((n) => n.title),
    ['綜合', '農業', '工業和建築業'],
  );
});

test('a review pass’s attacks on the metadata rules: a standing committee’s session line, a plan report to the congress, a sector’s communiqué, a bureau as the place, ○ in a year, fields on one line, a breadcrumb ending in the title', () => {
  const law = read(
    'law.txt',
    `——2024年6月25日在某某区第十八届人民代表大会常务委员会第二十次会议上\n区司法局局长 李四\n主任、各位副主任、秘书长、各位委员：\n现将我区2023年法治政府建设工作情况报告如下。\n一、2023年法治政府建设工作情况\n${S}\n`,
  );
  assert.notEqual(law.meta[3], '政府工作报告');
  const plan = read(
    'plan.txt',
    `——2024年1月18日在某某市第十六届人民代表大会第四次会议上\n各位代表：\n受市人民政府委托，现将某某市2023年国民经济和社会发展计划执行情况与2024年计划草案提请大会审议。\n一、2023年计划执行情况\n${S}\n`,
  );
  assert.notEqual(plan.meta[3], '政府工作报告');
  const sector = read('edu.txt', `某某市教育局 某某市统计局\n2024年3月\n一、综合\n${S}\n二、学前教育\n${S}\n`);
  assert.notEqual(sector.meta[3], '国民经济和社会发展统计公报');
  const body = '\n一、综合\n全年地区生产总值100亿元。\n二、农业\n全年粮食产量10万吨。\n';
  assert.equal(read('lps.txt', `六盘水市统计局 国家统计局六盘水调查队\n2024年3月20日${body}`).meta[1], '六盘水市');
  assert.equal(read('lps2.txt', `六盘水市2022年国民经济和社会发展统计公报${body}`).meta[1], '六盘水市');
  assert.equal(read('zz.txt', `子洲县二○二三年政府工作报告\n各位代表：\n${S}\n一、2022年工作回顾\n${S}\n`).meta[1], '子洲县人民政府');
  const fields = read(
    'f.txt',
    `[ 名称 ] 某某县人民政府2023年法治政府建设工作报告 [ 发布日期 ] 2024-03-20\n某某县人民政府2023年法治政府建设工作报告\n${S}\n一、主要举措和成效\n${S}\n`,
  );
  assert.deepEqual([fields.meta[0], fields.meta[4]], ['某某县人民政府2023年法治政府建设工作报告', '2024-03-20']);
  const crumb = read(
    'c.txt',
    `首页 / 政府信息公开 / 政府信息公开年报 / 某某市人民政府2023年政府信息公开工作年度报告\n某某市人民政府2023年政府信息公开工作年度报告\n${S}\n一、总体情况\n${S}\n`,
  );
  assert.deepEqual(crumb.meta.slice(0, 2), ['某某市人民政府2023年政府信息公开工作年度报告', '某某市人民政府']);
  assert.ok(!crumb.texts.some((t) => t.includes('首页')));
});

test('a mirror’s pinyin glosses (國民經(jīng)濟) are no part of the text; a portal’s weather widget (重庆 87℃ 0) is chrome', () => {
  const r = read(
    'py.txt',
    '营山县2022年国民經(jīng)濟(jì)和社會發(fā)展統(tǒng)計公報\n一、綜合\n全年地區(qū)生產總值200億元，比上年增長5.6%。\n二、农业\n全年粮食产量30万吨。\n',
  );
  assert.deepEqual(r.meta.slice(0, 3), ['营山县2022年国民經濟和社會發展統計公報', '营山县', 2022]);
  assert.ok(r.texts.includes('全年地區生產總值200億元，比上年增長5.6%。'));
  // Letters in parentheses with no tone mark stay (世界贸易组织(WTO), 方案(a)).
  const k = read('k.txt', `某县2023年政府工作报告\n各位代表：\n加入世界贸易组织(WTO)和方案(a)。${S}\n一、2022年工作回顾\n${S}\n`);
  assert.ok(k.texts.some((t) => t.startsWith('加入世界贸易组织(WTO)和方案(a)。')));
  const w = read('wx.txt', `重庆 87℃ 0\n2022年长寿区政府工作报告\n各位代表：\n一、2021年工作回顾\n${S}\n`);
  assert.deepEqual(w.meta.slice(0, 2), ['2022年长寿区政府工作报告', '长寿区人民政府']);
});

test('a fourth pass (31 reports of the north-west, north-east, 内蒙古, 广西, 海南): menus, field rows with bars, speakers, asides, openers, places', () => {
  // A site's menu lines above the title: bars with a portal's words; five words with one report word among them.
  const menu = read(
    '36827.txt',
    `加入收藏 | 会员中心\n统计年鉴年度索引: 2023 2022 2021 2020 2019 2018 2017 2016 2015 2014 2013 2012 2011 2010 [ 统计年鉴分省、行业总索引 ]\n西藏媒体夹 统计公报 旅游指南 法律法规 优惠政策\n\n西藏自治区2020年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值100亿元。\n二、农业\n全年粮食产量10万吨。\n`,
  );
  assert.deepEqual(menu.meta.slice(0, 4), ['西藏自治区2020年国民经济和社会发展统计公报', '西藏自治区', 2020, '国民经济和社会发展统计公报']);
  // A disclosure table's rows with bars and no colon.
  const row = read(
    'zwinfo.jsp_id=15652.txt',
    `索引号 | wqqlzfb/2022-01075 | 效力属性 | |\n发布机构 | 政府办公室 | 文 号 | |\n根据《中华人民共和国政府信息公开条例》，特向社会公布我旗2021年度信息公开年度报告。\n一、总体情况\n${S}\n`,
  );
  assert.deepEqual(row.meta.slice(0, 4), ['2021年政府信息公开工作年度报告', null, 2021, '政府信息公开工作年度报告']);
  // A deputy speaks; a congress in December hears the next year's report.
  const zw = read(
    '3862.txt',
    `2022年12月16日在中卫市第五届人民代表大会第二次会议上\n中卫市常务副市长 马洪海\n各位代表:\n现在,我代表市人民政府,向大会报告政府工作。\n一、2022年工作回顾\n${S}\n`,
  );
  assert.deepEqual(zw.meta.slice(1, 5), ['中卫市人民政府', 2023, '政府工作报告', '2022-12-16']);
  // An aside (以下简称…) in the lead; 今年以来 before the subject; 苏木 is a township; a sharing site's badge and a file's
  // extension after a title; the wider place is not read through a verb (可以通过哈尔滨市…).
  assert.equal(
    read('6482.html.txt', `现公布鄂温克族自治旗民族事务委员会(以下简称旗民委)2024年政府信息公开工作年度报告。\n一、总体情况\n${S}\n`).meta[1],
    '鄂温克族自治旗民族事务委员会',
  );
  assert.equal(
    read('y.txt', `今年以来,伊犁州深入学习贯彻党的二十大精神，推进法治政府建设。${S}\n一、推进法治政府建设的主要举措和成效\n${S}\n`).meta[1],
    '伊犁州人民政府',
  );
  assert.equal(
    read('s.txt', `乌拉特中旗巴音乌兰苏木2021年政府信息公开工作年度报告.docx\n${S}\n一、总体情况\n${S}\n`).meta[0],
    '乌拉特中旗巴音乌兰苏木2021年政府信息公开工作年度报告',
  );
  assert.equal(read('s.txt', `乌拉特中旗巴音乌兰苏木2021年政府信息公开工作年度报告\n${S}\n一、总体情况\n${S}\n`).meta[1], '乌拉特中旗巴音乌兰苏木人民政府');
  assert.equal(read('v.txt', `2026年横州市政府工作报告VIP专享\n各位代表：\n一、2025年工作回顾\n${S}\n`).meta[0], '2026年横州市政府工作报告');
  const db = read(
    'c01_868731.txt',
    `道里区经纬街道办事处2022年政府信息公开工作年度报告\n本年度报告的电子版,可以通过哈尔滨市道里区人民政府门户网站查阅。${S}\n一、总体情况\n${S}\n`,
  );
  assert.equal(db.meta[1], '哈尔滨市道里区经纬街道办事处');
  // A report numbered (一), (二)… at its top: the template's chapters tell its type.
  const bs = read(
    't20240329_3633461.txt',
    `(一)总体情况\n2023年,白沙黎族自治县人民政府深入贯彻落实国家和省关于全面推进政务公开的决策部署。${S}\n(二)主动公开政府信息的情况\n${S}\n`,
  );
  assert.deepEqual(bs.meta.slice(1, 4), ['白沙黎族自治县人民政府', 2023, '政府信息公开工作年度报告']);
});

test('an autonomous prefecture and its short form are one issuer, whatever the ethnic name (伊犁哈萨克自治州, 伊犁州)', () => {
  const a = read('a/2022.txt', `伊犁哈萨克自治州人民政府2022年法治政府建设工作报告\n${S}\n一、主要举措\n${S}\n`);
  const b = read('b/2023.txt', `伊犁州人民政府2023年法治政府建设工作报告\n${S}\n一、主要举措\n${S}\n`);
  assert.notEqual(a.meta[1], b.meta[1]);
  const g = groupSeries([
    {
      source: 'a/2022.txt',
      report: importSource('a/2022.txt', enc(`伊犁哈萨克自治州人民政府2022年法治政府建设工作报告\n${S}\n一、主要举措\n${S}\n`)).reports[0],
    },
    { source: 'b/2023.txt', report: importSource('b/2023.txt', enc(`伊犁州人民政府2023年法治政府建设工作报告\n${S}\n一、主要举措\n${S}\n`)).reports[0] },
  ]);
  assert.equal(g.series.length, 1);
});

test('a covering notice that sends the report out is no part of it; the title spread across its line under it is the title', () => {
  const r = read(
    't20260212_5171293.txt',
    `各乡镇人民政府,县政府各部门、直属机构,县属各国有企业:\n《政府工作报告》已经县十八届人民代表大会第五次会议审议通过,现印发给你们,请结合实际认真贯彻落实。\n中宁县人民政府\n2026年2月9日\n(此件公开发布)\n政 府 工 作 报 告\n——2026年1月14日在中宁县第十八届人民代表大会\n第五次会议上\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n一、2025年工作回顾\n${S}\n`,
  );
  assert.deepEqual(r.meta, ['政府工作报告', '中宁县人民政府', 2026, '政府工作报告', '2026-01-14']);
  // The notice stays in the document, marked as no report content.
  const rep = importSource(
    't.txt',
    enc(
      `各乡镇人民政府:\n《政府工作报告》已经县人民代表大会审议通过,现印发给你们,请认真贯彻落实。\n中宁县人民政府\n政 府 工 作 报 告\n各位代表:\n一、2025年工作回顾\n${S}\n`,
    ),
  ).reports[0];
  assert.equal(rep.paragraphs.find((p) => p.text.includes('印发给你们'))?.role, 'trailing');
});

test('a communiqué that lost its title line and names no year before its chapters: the year of its tables', () => {
  const r = read(
    '9801.txt',
    '今年以来,全县坚持“供改”和“综改”工作。\n一、综合\n初步核算，全年地区生产总值100亿元。\n表1 2017年居民消费价格分类指数\n二、农业\n全年粮食产量10万吨。\n',
  );
  assert.deepEqual(r.meta.slice(2, 4), [2017, '国民经济和社会发展统计公报']);
});

test('a fifth pass (26 reports of 江苏, 广东, 湖北, 湖南, 河南, 江西, 福建): field rows with spaces, cited reports, 法治 openings, 《》 titles, province prefixes, date lines', () => {
  // A disclosure table's rows with keys and values apart by spaces, and a column's name, above the title.
  const hl = read(
    'art_40c7cee5.txt',
    `区级部门\n索引号 11/2023-00056 主题分类 其他\n发布机构 海陵区政府办 发文日期 2023-01-18\n发文字号 时 效 有效\n泰州市海陵区人民政府办公室2022年政府信息公开工作年度报告\n本年度报告根据《中华人民共和国政府信息公开条例》编制。${S}\n一、总体情况\n${S}\n`,
  );
  assert.deepEqual(hl.meta, [
    '泰州市海陵区人民政府办公室2022年政府信息公开工作年度报告',
    '泰州市海陵区人民政府办公室',
    2022,
    '政府信息公开工作年度报告',
    '2023-01-18',
  ]);
  // A report cited for an honour gives no year; an opening on a body's 法治政府建设 makes a 法治 report.
  const gz = read(
    'post_10094886.txt',
    `2024年,广州市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导,持续提升法治政府建设水平,取得新进展新成效。在2024年度法治广州建设考评均获优秀等次,2023年法治政府建设年度报告被评为“优秀”。\n一、主要工作成效\n${S}\n`,
  );
  assert.deepEqual(gz.meta.slice(1, 4), ['广州市人民政府办公厅', 2024, '法治政府建设工作报告']);
  // The name the lead publishes the report by in 《》 is its title.
  assert.equal(
    read('jn.txt', `现公布《南京市江宁区人民政府2022年政府信息公开工作年度报告》。${S}\n一、总体情况\n${S}\n`).meta[0],
    '南京市江宁区人民政府2022年政府信息公开工作年度报告',
  );
  // A province in parentheses before the title.
  assert.deepEqual(read('11109.txt', '(湖南省)双牌县2023年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值100亿元。\n').meta.slice(0, 2), [
    '双牌县2023年国民经济和社会发展统计公报',
    '双牌县',
  ]);
  // Dates: a bullet under the title, a date with the publisher, a 发布时间 field at the end of a site's line.
  assert.equal(
    read('a.txt', `广州市人民政府2021年法治政府建设年度报告\n  • 听全文\n  • 2022-02-28\n  • 来源:市司法局\n${S}\n一、主要举措\n${S}\n`).meta[4],
    '2022-02-28',
  );
  assert.equal(read('b.txt', `长沙市2021年国民经济和社会发展统计公报\n2022-04-06 长沙市统计局\n一、综合\n全年地区生产总值100亿元。\n`).meta[4], '2022-04-06');
  assert.equal(
    read(
      'c.txt',
      `蒸湘区2022年国民经济和社会发展统计公报\n蒸湘区人民政府门户网站  www.zhengxiang.gov.cn   发布时间:2023-09-26\n一、综合\n全年地区生产总值100亿元。\n`,
    ).meta[4],
    '2023-09-26',
  );
});

test('a third review pass: places that open with 即, 于, 至, 从 are widened whole; a street named after a province names none; a row of 名称 and 文号; prefectures of one character', () => {
  const issuer = (title: string, opening: string) => read('x.txt', `${title}\n${opening}${S}\n一、总体情况\n${S}\n`).meta[1];
  assert.equal(issuer('环秀街道办事处2022年政府信息公开工作年度报告', '本报告由即墨区环秀街道办事处根据《条例》要求编制，现予公布。'), '即墨区环秀街道办事处');
  assert.equal(issuer('段屋乡人民政府2022年政府信息公开工作年度报告', '本报告由于都县段屋乡人民政府编制，全年公开信息一千条。'), '于都县段屋乡人民政府');
  assert.equal(issuer('哑柏镇人民政府2022年政府信息公开工作年度报告', '本报告由周至县哑柏镇人民政府编制，全年公开信息一千条。'), '周至县哑柏镇人民政府');
  assert.equal(issuer('江村街道办事处2022年政府信息公开工作年度报告', '本报告由从化区江村街道办事处编制。'), '从化区江村街道办事处');
  const street = read(
    'y.txt',
    `本报告由省司法厅编制，如有疑问请与省司法厅办公室联系（地址：南京市北京西路28号）。\n一、总体情况\n2022年，省司法厅坚持以习近平法治思想为指导。${S}\n二、主动公开政府信息情况\n${S}\n`,
  );
  assert.notEqual(street.meta[1], '北京市司法厅');
  const row = read('z.txt', `名称 | 淮安市洪泽区2022年法治政府建设年度报告 | 文号 | 无\n淮安市洪泽区2022年法治政府建设年度报告\n${S}\n一、主要举措\n${S}\n`);
  assert.equal(row.meta[0], '淮安市洪泽区2022年法治政府建设年度报告');
  const g = groupSeries(
    [
      ['a/2022.txt', '巴音郭楞蒙古自治州人民政府2022年法治政府建设工作报告'],
      ['b/2023.txt', '巴州人民政府2023年法治政府建设工作报告'],
    ].map(([source, title]) => ({ source, report: importSource(source, enc(`${title}\n${S}\n一、主要举措\n${S}\n`)).reports[0] })),
  );
  assert.equal(g.series.length, 1);
});

test('a session line broken after its place as the first line: no title, and a December congress hears the next year’s report', () => {
  const r = read(
    '9490.txt',
    '——2023年12月13日在新宾满族自治县\n第十八届人民代表大会第三次会议上\n新宾满族自治县县长 李四\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2023年工作回顾\n过去一年，我们做了很多工作。\n',
  );
  assert.deepEqual(r.meta, ['2024年新宾满族自治县人民政府工作报告', '新宾满族自治县人民政府', 2024, '政府工作报告', '2023-12-13']);
});

test('a session line heads a plan’s report to the congress: no title and no work report; a title’s year in Chinese numerals is its year', () => {
  const plan = read(
    '某某市2022年计划执行情况.txt',
    '——2023年1月6日在某某市第十七届人民代表大会第三次会议上\n各位代表：\n受市人民政府委托，现将某某市2022年国民经济和社会发展计划执行情况与2023年计划草案提请大会审议。\n一、2022年计划执行情况\n全年地区生产总值100亿元。\n',
  );
  assert.deepEqual([plan.meta[0], plan.meta[3]], ['某某市2022年计划执行情况', null]);
  // A CMS's number for a file name is no better a title than the session line.
  const cms = read(
    'W020240115551234.txt',
    '——2023年1月6日在某某市第十七届人民代表大会第三次会议上\n各位代表：\n受市人民政府委托，现将2022年预算执行情况报告如下。\n一、2022年预算执行情况\n全年一般公共预算收入100亿元。\n',
  );
  assert.notEqual(cms.meta[0], 'W020240115551234');
  assert.equal(read('cn.txt', '子洲县二〇二三年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值100亿元。\n').meta[2], 2023);
});

test('a fourth review pass: a title year with a Latin O or a digit 0, a budget report’s type with Chinese years, a province in parentheses that is the only place', () => {
  assert.equal(read('a.txt', `芜湖市二O二三年政府工作报告\n各位代表：\n${S}\n一、2022年工作回顾\n${S}\n`).meta[2], 2023);
  assert.equal(read('b.txt', `芜湖市二0二三年政府工作报告\n各位代表：\n${S}\n一、2022年工作回顾\n${S}\n`).meta[2], 2023);
  assert.equal(
    read('c.txt', '（北京市）2023年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值100亿元。\n').meta[0],
    '（北京市）2023年国民经济和社会发展统计公报',
  );
});

test('a sixth pass (16 reports of 2008–2016): a box-drawing dash and a blank day in session lines, bulleted byline fields, years in Chinese numerals in headings, a province before a year-first title', () => {
  // ── before the session line; a draft's blank day gives the year all the same.
  const draft = read(
    '723651.txt',
    `政 府 工 作 报 告\n──2012年3月 日在某某市第十四届人民代表大会第一次会议上\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、过去四年工作回顾\n${S}\n`,
  );
  assert.equal(draft.meta[2], 2012);
  const dated = read(
    'b.txt',
    `政 府 工 作 报 告\n──2012年3月5日在某某市第十四届人民代表大会第一次会议上\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、过去四年工作回顾\n${S}\n`,
  );
  assert.equal(dated.meta[4], '2012-03-05');
  // A page's byline fields as a list's items.
  const nb = read(
    'art_1229577840_33075.txt',
    `  • 时间:2012-04-20 09:10\n  • 来源:宁波日报\n  • 阅读:\n    政府工作报告\n——2012年4月19日在宁波市第十四届人民代表大会第一次会议上\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、过去五年工作回顾\n${S}\n`,
  );
  assert.deepEqual([nb.meta[0], nb.meta[1], nb.meta[4]], ['政府工作报告', '宁波市人民政府', '2012-04-20T09:10:00']);
  assert.ok(!nb.texts.some((t) => /阅读/.test(t)));
  // 二00八年工作回顾: a year in Chinese numerals (with digit zeros) in a review heading.
  assert.equal(read('c.txt', `昔阳县政府工作报告\n各位代表:\n${S}\n二00八年工作回顾\n${S}\n二00九年工作安排\n${S}\n`).meta[2], 2009);
  // A province in parentheses before a title that opens with its year and names its place further on.
  assert.equal(
    read('d.txt', `(湖南省)2016年桂阳县人民政府工作报告(全文)\n各位代表:\n${S}\n一、2015年工作回顾\n${S}\n`).meta[0],
    '2016年桂阳县人民政府工作报告',
  );
});

test('a sharing site’s label before the text’s first line (文档介绍:) is no part of it: the session line under it is read', () => {
  const r = read(
    'p-22767478.txt',
    `文档介绍:——2009年5月16日在昔阳县第十五届人民代表大会\n   第三次会议上\n代县长   丁雪钦\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n一、2008年工作回顾\n${S}\n`,
  );
  assert.deepEqual(r.meta, ['2009年昔阳县人民政府工作报告', '昔阳县人民政府', 2009, '政府工作报告', '2009-05-16']);
});

test('a statistics bureau’s line for a title over 一、综合, the page cut after its first chapter or that lost its title: a communiqué', () => {
  const r = read(
    '24000.txt',
    '珠海市统计局\n国家统计局珠海调查队\n2012年3月19日\n2011年，珠海市经济平稳较快增长。\n一、综合\n初步核算，全年地区生产总值1400亿元。\n',
  );
  assert.deepEqual(r.meta.slice(1, 4), ['珠海市', 2011, '国民经济和社会发展统计公报']);
  // Its later chapters too (武城: the page's first line is the bureau, its title lost); the title is composed.
  const more = read(
    'b.txt',
    `武城县统计局\n2018年,全县经济运行保持了总体平稳的态势。\n一、综合\n初步核算,全县实现地区生产总值203.9亿元。\n二、动能转换与创新\n${S}\n`,
  );
  assert.deepEqual(more.meta.slice(0, 4), ['2018年武城县国民经济和社会发展统计公报', '武城县', 2018, '国民经济和社会发展统计公报']);
  // Not a bureau's other report: 一、综合 under a department's line is no communiqué's.
  assert.notEqual(read('x.txt', `某某市教育局\n2012年3月19日\n一、综合\n${S}\n`).meta[3], '国民经济和社会发展统计公报');
});

test('a site’s bars of tools (繁体丨 简体 丨 无障碍丨 网站地图, 智能问答 长者模式 登录| 注册), its greeting and its text-size bar are chrome', () => {
  const a = read('a.txt', `繁体丨 简体 丨 无障碍丨 网站地图\n山亭区徐庄镇2025年度法治政府建设情况报告\n一、主要工作\n${S}\n`);
  assert.deepEqual(a.meta.slice(0, 4), ['山亭区徐庄镇2025年度法治政府建设情况报告', '山亭区徐庄镇人民政府', 2025, '法治政府建设工作报告']);
  // A bar over a breadcrumb is not the first half of the title under it.
  const b = read(
    'b.txt',
    `网站支持IPv6\n智能问答 长者模式 登录| 注册\n当前位置:首页 > 部门专题>运城经济开发区专栏>通知公告\n运城经济技术开发区 2020年政府信息公开年度报告\n一、总体情况\n${S}\n`,
  );
  assert.deepEqual(b.meta.slice(0, 2), ['运城经济技术开发区 2020年政府信息公开年度报告', '运城经济技术开发区管理委员会']);
  const c = read(
    'c.txt',
    `欢迎访问河东区政府网站!\n\n无障碍浏览 长者模式 智能问答 简体 | 繁体\n发布机构: 河东区政府办公室\n河东区人民政府办公室2023年政府信息公开工作年度报告\n发布时间:2024-01-29 点击次数:\n【文字大小:\n\n${S}\n一、总体情况\n${S}\n`,
  );
  assert.equal(c.meta[0], '河东区人民政府办公室2023年政府信息公开工作年度报告');
  assert.ok(!c.texts.some((t) => /欢迎访问|文字大小/.test(t)), c.texts.join(' | '));
  // A breadcrumb's label (您现在所在的位置:) is no item of it; the site's name above it is no half of the title.
  const d = read(
    'd.txt',
    `新田镇人民政府\n您现在所在的位置: 网站首页> 政府信息公开首页 > 新田镇人民政府> 政府工作报告\n中共宣州区新田镇委员会 宣州区新田镇人民政府关于2021年度法治政府建设情况的报告\n一、工作开展情况\n${S}\n`,
  );
  assert.equal(d.meta[1], '宣州区新田镇人民政府');
  assert.ok(!d.texts.some((t) => /所在的位置/.test(t)), d.texts.join(' | '));
  // A sentence that welcomes is prose, kept.
  assert.ok(read('e.txt', `某县2024年法治政府建设情况报告\n一、主要工作\n欢迎社会各界监督。\n${S}\n`).texts.includes('欢迎社会各界监督。'));
});

test('copies of work reports on other sites: a page title with the site’s name, a link call, a doc-sharing site’s furniture, a journal’s <正>, a caption for a title', () => {
  const G = '各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议，并请各位政协委员提出意见。\n';
  // 政府工作报告-尊龙体育官网 over the text's own 政府工作报告: the text's.
  const a = read(
    'a.txt',
    `政府工作报告-尊龙体育官网\n| 加入收藏夹\n当前位置: 尊龙体育官网-尊龙官方平台 >> 文章详情\n政府工作报告\n来源:湖北人大网   时间:2013-01-31 01:05\n——2013年1月22日在湖北省第十二届人民代表大会第一次会议上\n${G}`,
  );
  assert.deepEqual(a.meta.slice(0, 3), ['政府工作报告', '湖北省人民政府', 2013]);
  // A link's call in parentheses, then a photo's caption for a title (traditional too): the title is composed.
  const b = read('b.txt', `(點擊查閱更多2013年地方政府工作報告)\n魏宏作政府工作報告\n2013年1月25日在四川省第十二屆人民代表大會第一次會議上\n${G}`);
  assert.deepEqual(b.meta.slice(0, 4), ['2013年四川省人民政府工作报告', '四川省人民政府', 2013, '政府工作报告']);
  // A doc-sharing site: badges, counts and sizes, page images and their numbers, the upload's fields.
  const c = read(
    'c.txt',
    `武汉市2005年政府工作报告.doc\n上传人:上海哈登 文档编号:2333196 上传时间:2019-03-22 格式:DOC 页数:13 大小:54.5\n返回 下载 相关 举报\n武汉市2005年政府工作报告.doc_第1页\n第1页 / 共13页\nVIP专免\n999+\n42.88KB\n39 页\n${G}`,
  );
  assert.deepEqual(c.texts.slice(0, 1), ['各位代表：']);
  // CNKI's mark of the text's start, under its 摘要: a work report that addresses the congress.
  const d = read('d.txt', `摘要\n\n<正>${G}`);
  assert.equal(d.meta[3], '政府工作报告');
  assert.equal(d.texts[0], '各位代表：');
  // A text run onto one line: what stands before the address is its title.
  const e = read('p-5530274.txt', `綦江县人民政府政府工作报告工作总结各位代表: 现在,我代表县人民政府,向大会作政府工作报告,请予审议。${S.repeat(8)}`);
  assert.deepEqual(e.meta.slice(0, 2), ['綦江县人民政府政府工作报告工作总结', '綦江县人民政府']);
  // A caption in traditional characters (…攝) is chrome as …摄 is.
  assert.ok(!read('f.txt', `某县2024年法治政府建设情况报告\n大會現場 張寶杉 攝\n一、主要工作\n${S}\n`).texts.some((t) => t.includes('攝')));
});

test('a statistics bureau’s line in traditional characters, letter-spaced, over 一、綜 合: a communiqué of its place', () => {
  const r = read(
    '11248.txt',
    '石 家 莊 市 統 計 局\n國家統計局石家莊調查隊\n2018年 3 月30日\n2017年,在市委、市政府的堅強領導下,全市各級各部門認真學習貫徹黨的十九大精神。\n一、綜 合\n初步核算,全年全市生產總值6460.9億元,按可比價格計算,比上年增長6.9%。\n',
  );
  assert.deepEqual(r.meta.slice(1, 4), ['石家庄市', 2017, '国民经济和社会发展统计公报']);
  // Characters the table lacked before: 盤錦 is 盘锦, one issuer with the simplified copy's.
  assert.equal(read('g.txt', `盤錦市大洼區大洼街道2022年度政府信息公開工作報告\n一、總體情況\n${S}\n`).meta[1], '盘锦市大洼区大洼街道办事处');
});

test('a report’s name on a line cut out of a sentence (…所作的 / 政府工作报告 / 。会议…) is no title: a resolution is no work report', () => {
  const r = read(
    'ws-record02.txt',
    `第十四届全国人民代表大会第三次会议听取和审议了国务院总理李强所作的\n政府工作报告\n。会议充分肯定国务院过去一年的工作，同意报告提出的2025年经济社会发展的总体要求，决定批准这个报告。\n${S}\n`,
  );
  assert.notEqual(r.meta[0], '政府工作报告');
  assert.notEqual(r.meta[3], '政府工作报告');
  assert.ok(r.texts.includes('政府工作报告'));
});

test('a 信息公开 table copied with bars between its cells and none before the first: its rows’ markers head nothing', () => {
  const imp = importSource(
    'a.txt',
    enc(
      [
        '某县教育局2020年政府信息公开工作年度报告',
        '一、总体情况',
        S,
        '三、收到和处理政府信息公开申请情况',
        '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |',
        '自然人 | 法人或其他组织 | 总计 |',
        '一、本年新收政府信息公开申请数量 | 0 | 0 | 0 |',
        '三、本年度办理结果 | (一)予以公开 | 0 | 0 | 0 |',
        '(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 |',
        '(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 |',
        '四、尚未办结 | 0 | 0 | 0 |',
        '四、政府信息公开行政复议、行政诉讼情况',
        S,
        '',
      ].join('\n'),
    ),
  ).reports[0];
  const tree = imp.outline.map((c) => `${c.label}${c.title}${c.children.length ? `[${c.children.map((s) => s.title).join('|')}]` : ''}`);
  assert.deepEqual(tree, ['一、总体情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
  // Prose with one bar, or a menu in the text's head, is no table's row.
  assert.ok(!/\|/.test(tree.join('')));
});

test('a page title whose name after the dash is the issuer keeps it; a site’s name before the dash is no title; a news lead on one line is no title', () => {
  const a = read('a.txt', `2023年政府信息公开工作年度报告_平阳县司法局\n2023年政府信息公开工作年度报告\n一、总体情况\n${S}\n`);
  assert.deepEqual(a.meta.slice(0, 2), ['平阳县司法局2023年政府信息公开工作年度报告', '平阳县司法局']);
  const b = read('b.txt', '平阳县人民政府-2024年政府工作报告\n平阳县人民政府\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n');
  assert.notEqual(b.meta[0], '平阳县人民政府');
  const c = read(
    'c.txt',
    `某县第十八届人民代表大会第三次会议隆重开幕。县长张三代表县人民政府作政府工作报告。各位代表：现在，我代表县人民政府向大会报告工作。${S.repeat(8)}`,
  );
  assert.ok(!/隆重开幕/.test(String(c.meta[0])), String(c.meta[0]));
});
