/**
 * The fifteenth pass over unseen reports (信息公开 reports of townships, counties and departments, 2008–2025; 统计公报 of
 * cities, counties and ministries; 法治 reports and work reports of provinces and departments) and the mends of what
 * earlier passes left alone: a chapter whose own items restart at 一、, a repost's headline `body:report`, a short
 * headline with the year first, lists whose unit or whose 百分点 is written once, a threshold crossed, units of counts,
 * containers and Latin units, categories of information, and what a report on work done did.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFigures, reportFigures } from '../../src/core/compare/index.ts';
import { importSource, type Report } from '../../src/core/index.ts';
import { STATISTICS, typeOfTitle } from '../../src/core/series/index.ts';

const read = (text: string, name = 'page.txt'): Report => {
  const r = importSource(name, Buffer.from(text)).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};
const tree = (r: Report) =>
  r.outline.map((c) => `${c.label}${c.title}${c.children.length ? ` [${c.children.map((s) => `${s.label}${s.title}`).join(' | ')}]` : ''}`);
const PROSE = '街道高度重视法治政府建设，把法治政府建设纳入年度重点工作，全年召开专题会议4次，审查合同32份。';

test('a chapter whose own items restart at 一、, each a heading over its paragraphs: they are its sections', () => {
  const r = read(
    [
      '某某街道2022年度法治政府建设工作报告',
      '2022年，某某街道深入学习贯彻习近平法治思想，扎实推进法治政府建设，现将有关情况报告如下。',
      '一、2022年法治政府建设主要措施',
      '一、强化领导责任，夯实法治政府建设基础',
      PROSE,
      '二、深化依法行政，规范行政权力运行',
      PROSE,
      PROSE,
      '三、加强普法宣传，营造尊法学法氛围',
      PROSE,
      '二、存在的问题',
      '一是法治宣传的针对性还不够强；二是基层执法人员专业能力有待提升。',
      '三、2023年工作思路',
      PROSE,
    ].join('\n\n'),
  );
  assert.deepEqual(tree(r), [
    '一、2022年法治政府建设主要措施 [一、强化领导责任，夯实法治政府建设基础 | 二、深化依法行政，规范行政权力运行 | 三、加强普法宣传，营造尊法学法氛围]',
    '二、存在的问题',
    '三、2023年工作思路',
  ]);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.code === 'nestedChapterSections').map((d) => d.args),
    [['一、2022年法治政府建设主要措施']],
  );
  // After a lead paragraph too (今年要着力抓好以下工作：).
  const lead = read(
    [
      '某县2023年政府工作报告',
      '一、2022年工作回顾',
      PROSE,
      '二、2023年工作安排',
      '今年要着力抓好以下工作：',
      '一、着力扩大有效需求',
      PROSE,
      '二、着力推进乡村振兴',
      PROSE,
      '三、切实加强政府自身建设',
      PROSE,
    ].join('\n\n'),
  );
  assert.deepEqual(tree(lead).slice(1), ['二、2023年工作安排 [一、着力扩大有效需求 | 二、着力推进乡村振兴]', '三、切实加强政府自身建设']);
});

test('a restart at 一、 inside a chapter stays its text when its items are sentences, follow each other, or run into their text', () => {
  const base = ['某某街道2022年度法治政府建设工作报告', '一、主要工作'];
  const tail = ['二、存在的问题', PROSE];
  // Items that are sentences (一、…。).
  const sentences = read([...base, '一、强化领导责任。', PROSE, '二、深化依法行政。', PROSE, ...tail].join('\n\n'));
  // Items one after another with no paragraph of their own (a list of short lines).
  const lines = read([...base, PROSE, '一、强化领导责任', '二、深化依法行政', '三、加强普法宣传', PROSE, ...tail].join('\n\n'));
  // Items that run into their text.
  const runIn = read([...base, '一、强化领导责任。街道全年召开专题会议4次，审查合同32份。', '二、深化依法行政。全年审查合同32份。', ...tail].join('\n\n'));
  for (const r of [sentences, lines, runIn]) {
    assert.deepEqual(tree(r), ['一、主要工作', '二、存在的问题']);
    assert.ok(!r.diagnostics.some((d) => d.code === 'nestedChapterSections'));
  }
});

test('a list of subjects where one names its own measure and the next is people or funds: each keeps its name; 主动公开 is a verb of its own', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit]);
  assert.deepEqual(brief('年末全区民营经济户数、从业人员、注册资金分别为2.5万户、9.9万人和256.8亿元，分别增长13.7%、16.2%和32.1%。'), [
    ['民营经济户数', 2.5, '万户'],
    ['从业人员', 9.9, '万人'],
    ['注册资金', 256.8, '亿元'],
    ['民营经济户数增长', 13.7, '%'],
    ['从业人员增长', 16.2, '%'],
    ['注册资金增长', 32.1, '%'],
  ]);
  // 主动公开 is the count's verb, not a filler; the means before it goes, as does the body (我局).
  assert.deepEqual(brief('2023年，我局通过门户网站主动公开907条，其中政策文件12条。'), [
    ['主动公开', 907, '条'],
    ['政策文件', 12, '条'],
  ]);
});

test('a repost’s headline `body:report` is the title, not a field’s line; a short headline `2005年舟山市统计公报` is the communiqué', () => {
  const body =
    '\n\n《公报》选取现行全国文化文物统计年报中的部分核心数据，全方位展现了2017年我国文化发展改革的全貌。\n\n一、机构和人员\n\n年末全国共有各类文化机构32.8万个。\n';
  const r = read(`文化和旅游部:2017年文化发展统计公报${body}`);
  assert.deepEqual([r.title, r.issuer, r.year], ['文化和旅游部2017年文化发展统计公报', '文化和旅游部', 2017]);
  const long = read(`浙江省人民政府办公厅：2023年政府信息公开工作年度报告${body}`);
  assert.deepEqual([long.title, long.issuer], ['浙江省人民政府办公厅2023年政府信息公开工作年度报告', '浙江省人民政府办公厅']);
  // A field's key is no body: 来源：… stays a field of the page.
  assert.equal(read(`来源：2017年文化发展统计公报${body}`, 'kv.txt').title, 'kv');
  assert.equal(typeOfTitle('2005年舟山市统计公报', '舟山市'), STATISTICS);
  assert.equal(typeOfTitle('舟山市2005年国民经济和社会发展统计公报', '舟山市'), STATISTICS);
});

test('lists whose changes commas part end in 个百分点; a bare number takes the unit of the next of its list', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit]);
  assert.deepEqual(
    brief('比上年末分别下降0.1个,提高0.2个,下降0.3个、0.7个和提高0.9个百分点。').map((f) => f[2]),
    ['个百分点', '个百分点', '个百分点', '个百分点', '个百分点'],
  );
  // A count in 个 before a change in points is no change of the list.
  assert.deepEqual(brief('全年新增企业3个，提高5个百分点。')[0], ['新增企业', 3, '个']);
  assert.deepEqual(brief('2010年全省财政总收入和地方财政收入分别达到4895和2608亿元，比2005年增长1.3和1.4倍。'), [
    ['财政总收入', 4895, '亿元'],
    ['地方财政收入', 2608, '亿元'],
    ['财政总收入增长', 1.3, '倍'],
    ['地方财政收入增长', 1.4, '倍'],
  ]);
  // Years and spans are no list of figures.
  assert.deepEqual(brief('2019和2020年全市生产总值保持增长。'), []);
  assert.deepEqual(brief('分别用时3和5个月。'), []);
});

test('a threshold crossed (突破2000亿元大关，达到…) is no figure; the level reached is its subject’s; a rate’s change is the subject’s', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit]);
  assert.deepEqual(brief('生产总值突破2000亿元大关,达到2052.12亿元,比上年增长15.8%。'), [
    ['生产总值', 2052.12, '亿元'],
    ['生产总值增长', 15.8, '%'],
  ]);
  assert.deepEqual(brief('地区生产总值迈上6万亿元台阶，达到62661亿元。'), [['地区生产总值', 62661, '亿元']]);
  // A threshold with no level after it stays the figure.
  assert.deepEqual(brief('全市生产总值突破2000亿元。'), [['生产总值', 2000, '亿元']]);
  assert.deepEqual(brief('第一产业增加值102.4亿元，增长5.8%，增速比上年下降2.7个百分点。')[2], ['第一产业增加值增速下降', 2.7, '个百分点']);
});

test('units of counts, containers and the transport communiqués’ Latin units; 不存在; categories of information named whole', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit]);
  assert.deepEqual(brief('开展专题新闻报道73篇次，发布信息12条次。'), [
    ['专题新闻报道', 73, '篇次'],
    ['信息', 12, '条次'],
  ]);
  assert.deepEqual(brief('完成集装箱吞吐量4360.2万标准箱，同比增长18.5%。'), [
    ['集装箱吞吐量', 4360.2, '万标准箱'],
    ['集装箱吞吐量增长', 18.5, '%'],
  ]);
  // In the units the Chinese communiqués write, so that a measure's series lines up across years.
  assert.deepEqual(brief('全国公路总里程达到501.25万km，营业性货运量462.24亿t，货物周转量1.2万亿t·km。'), [
    ['公路总里程', 501.25, '万公里'],
    ['营业性货运量', 462.24, '亿吨'],
    ['货物周转量', 1.2, '万亿吨公里'],
  ]);
  assert.deepEqual(brief('不存在9起，信息不存在2件。'), [
    ['不存在', 9, '起'],
    ['信息不存在', 2, '件'],
  ]);
  assert.deepEqual(brief('涉及与公众密切相关重大事项的信息1705条，与公众密切相关的重大事项方面的信息有18条；计划总结类7条。'), [
    ['与公众密切相关重大事项的信息', 1705, '条'],
    ['与公众密切相关的重大事项方面的信息', 18, '条'],
    ['计划总结类', 7, '条'],
  ]);
});

test('what a report on work done did: 将…划入 and 下放 are done; a category or a completion with 计划 is no plan', () => {
  const kinds = (text: string) => reportFigures(read(text)).map((f) => [f.label, f.value, f.kind]);
  assert.deepEqual(
    kinds(
      '某县2019年法治政府建设工作报告\n\n一、2019年推进法治政府建设情况\n\n将全县27个部门单位的278项行政许可事项统一划入县行政审批局。\n\n二、2020年工作打算\n\n将新建10个法治文化阵地。\n',
    ).map((f) => f[2]),
    ['result', 'result', 'target'],
  );
  assert.deepEqual(
    kinds('2010年广东交通运输统计公报\n\n一、交通基础设施建设\n\n2010年交通运输基础设施完成投资约773亿元，为年计划103%，比去年同期增长15.4%。\n'),
    [
      ['交通运输基础设施完成投资', 773, 'result'],
      ['为年计划', 103, 'result'],
      ['交通运输基础设施完成投资增长', 15.4, 'result'],
    ],
  );
  assert.deepEqual(
    kinds('某镇2010年政府信息公开工作年度报告\n\n一、主动公开情况\n\n其中工作动态类36条；计划总结类7条。涉及各类规划、计划及其完成情况的信息17条。\n').map(
      (f) => f[2],
    ),
    ['result', 'result', 'result'],
  );
});

test('the old 信息公开 template: its period with a comma, the body that compiled it, and a sub-district’s signature', () => {
  const period = read(
    '本报告中所列数据的统计期限自2013年1月1日起,至2013年12月31日止。如对本报告有任何疑问，请与镇政府办公室联系。\n\n一、概述\n\n我镇认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。\n\n二、主动公开政府信息情况\n\n全年主动公开信息120条。\n',
    'page.txt',
  );
  assert.equal(period.year, 2013);
  const compiled = read(
    '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由伊宁县人民政府办公室编制。全文包括概述,主动公开政府信息情况。\n\n一、概述\n\n2014年,县政府加快电子政务建设。\n\n二、主动公开政府信息情况\n\n全年主动公开信息120条。\n',
  );
  // The government's office compiles the government's report.
  assert.deepEqual([compiled.issuer, compiled.type], ['伊宁县人民政府', '政府信息公开工作年度报告']);
  // A clause that is no body's name before 编制 (…办公室综合区政府各镇办、各部门的工作情况编制) names none of its own.
  const mixed = read(
    '本年度报告是根据《中华人民共和国政府信息公开条例》要求,由城中区人民政府办公室综合区政府各镇办、各部门的工作情况编制而成。\n\n一、概述\n\n全年主动公开信息120条。\n',
  );
  assert.notEqual(mixed.issuer, '城中区人民政府办公室综合区政府');
  const signed = read(
    '2012年政府信息公开工作年度报告\n\n一、概述\n\n2012年，我街道认真贯彻落实《中华人民共和国政府信息公开条例》。\n\n二、主动公开情况\n\n全年主动公开信息120条。\n\n桦甸市人民政府新华街道办事处\n\n2013年3月7日\n',
  );
  assert.deepEqual([signed.issuer, signed.published], ['桦甸市新华街道办事处', '2013-03-07']);
});

test('a department’s Party group is the department: one series for the years it titles so and the years it does not', () => {
  const body =
    '\n\n2022年，市交通运输局党组坚持以习近平新时代中国特色社会主义思想为指导，深入推进法治政府建设。\n\n一、2022年推进法治政府建设主要举措\n\n全年审查合同32份。\n';
  assert.equal(read(`中共青岛市交通运输局党组2021年度法治政府建设报告${body}`).issuer, '青岛市交通运输局');
  assert.equal(read(`中共青岛市交通运输局党组关于2023年法治政府建设情况的报告${body}`).issuer, '青岛市交通运输局');
  // On two lines: one title.
  const two = read(`中共青岛市交通运输局党组\n2022年度法治政府建设报告${body}`);
  assert.deepEqual([two.title, two.issuer], ['中共青岛市交通运输局党组2022年度法治政府建设报告', '青岛市交通运输局']);
  // A county's Party committee signing with its government stays out of it, as before.
  assert.equal(read(`中共某某县委员会 某某县人民政府关于2022年法治政府建设情况的报告${body}`).issuer, '某某县人民政府');
});

test('a page’s header: a column’s name and its breadcrumb on one line, a title printed twice, a publisher or a site with the date', () => {
  const crumb = read(
    '政府信息公开年度报告 您的位置: 政务公开 -- 政府信息公开年度报告\n2009年武陟县政府信息公开工作年度报告\n\n一、概述\n\n全年主动公开信息120条。\n',
  );
  assert.deepEqual([crumb.title, crumb.issuer], ['2009年武陟县政府信息公开工作年度报告', '武陟县人民政府']);
  const twice = read('乐清市教育局2021年政府信息公开工作年度报告 乐清市教育局2021年政府信息公开工作年度报告 |\n\n一、总体情况\n\n全年主动公开信息120条。\n');
  assert.equal(twice.title, '乐清市教育局2021年政府信息公开工作年度报告');
  const site = read(
    '银川市自然资源局2022年政府信息公开工作年度报告\n\n银川市人民政府门户网站 www.yinchuan.gov.cn 2023-01-30\n\n一、总体情况\n\n全年主动公开信息120条。\n',
  );
  assert.equal(site.published, '2023-01-30');
  assert.ok(!site.paragraphs.some((p) => p.text.includes('www.yinchuan.gov.cn')));
  const bureau = read('莆田市统计局 2006-3-13\n\n一、综合\n\n初步核算，全年莆田生产总值达359.93亿元。\n\n二、农业\n\n全年农业总产值100亿元。\n', 'pt.txt');
  assert.deepEqual([bureau.title, bureau.published], ['pt', '2006-03-13']);
});

test('a page of a report with no title: a chapter that names a plan alone plans, whatever its year', () => {
  const r = read(
    '二、2017年工作安排\n\n2017年是全面贯彻省第十一次党代会精神的起步之年。\n\n主要预期指标是:地区生产总值增长5.5%左右,城镇新增就业45万人,城镇登记失业率控制在4.2%以内。\n',
    'shanxi2017_p4.txt',
  );
  assert.equal(r.type, null);
  assert.deepEqual(
    reportFigures(r).map((f) => f.kind),
    ['target', 'target', 'target'],
  );
});

test('changes of levels labelled one by one share them out; a change against a year long before keeps that year', () => {
  const brief = (t: string, year?: number) => extractFigures(t, { year }).map((f) => [f.label, f.value, f.unit]);
  assert.deepEqual(brief('完成货运量14.24亿吨、货物周转量1753.4亿吨公里，同比增长13.52%和15.47%。'), [
    ['货运量', 14.24, '亿吨'],
    ['货物周转量', 1753.4, '亿吨公里'],
    ['货运量增长', 13.52, '%'],
    ['货物周转量增长', 15.47, '%'],
  ]);
  // As many changes as levels only.
  assert.deepEqual(
    brief('全市生产总值100亿元、财政收入20亿元，增长5%、6%和7%。').map((f) => f[0]),
    ['生产总值', '财政收入', '财政收入增长', '财政收入增长', '财政收入增长'],
  );
  assert.deepEqual(brief('人均GDP12668元，比2000年增长218.29%。', 2007), [
    ['人均GDP', 12668, '元'],
    ['人均GDP比2000年增长', 218.29, '%'],
  ]);
  // A later change borrows the subject without the year (年均增长 of 国内生产总值, not of 国内生产总值比2002年).
  assert.deepEqual(
    brief('2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%。', 2008).map((f) => f[0]),
    ['国内生产总值', '国内生产总值比2002年增长', '国内生产总值年均增长'],
  );
  // Changes not as many as the levels, or in points after a count: not shared out.
  assert.deepEqual(
    brief('常住人口78.1万人，户籍人口85.3万人，城镇人口48.2万人，比上年增加0.5万人和0.3万人。')
      .map((f) => f[0])
      .slice(3),
    ['城镇人口增加', '城镇人口增加'],
  );
  assert.notEqual(brief('城镇新增就业1.2万人，城镇登记失业率3.2%，下降0.3和0.2个百分点。')[2][0], '城镇新增就业下降');
  // The year before the report's is a change on the year before: no year kept.
  assert.deepEqual(brief('人均GDP12668元，比2006年增长8%。', 2007)[1], ['人均GDP增长', 8, '%']);
});

test('a page’s fields as bullets with no keys are the page’s; two publishers run together: the first', () => {
  const r = read(
    '  • 755156513/2014-00003\n  • 新郑市人民政府\n  • 政府工作报告\n  • 2014-02-13\n新郑市人民政府2014年政府工作报告\n\n——2014年2月13日在新郑市第四届人民代表大会第三次会议上\n\n各位代表:\n\n一、2013年工作回顾\n\n全市生产总值完成500亿元。\n',
  );
  assert.deepEqual([r.title, r.issuer], ['新郑市人民政府2014年政府工作报告', '新郑市人民政府']);
  assert.ok(!r.paragraphs.some((p) => p.text.includes('755156513')));
  // Keyed bullets keep their values: the page's date.
  const keyed = read(
    '  • 索引号: 430S00042/2011-37655\n  • 发布机构: 省文史研究馆\n  • 发文日期: 2011-03-31 00:03\n湖南省参事室2010年政府信息公开工作年度报告\n\n一、概述\n\n全年主动公开信息120条。\n',
  );
  assert.equal(keyed.published, '2011-03-31T00:03:00');
  // A bare type among them goes; a report's name with its body stays, the title.
  const named = read(
    '  • 755156513/2014-00003\n  • 新郑市人民政府\n  • 新郑市人民政府工作报告\n  • 2014-02-13\n\n各位代表:\n\n一、2013年工作回顾\n\n全市生产总值完成500亿元。\n',
  );
  assert.deepEqual([named.title, named.issuer], ['新郑市人民政府工作报告', '新郑市人民政府']);
  // A table of contents as bullets is the page's too: the chapters below are the report's, and its plan plans.
  const toc = read(
    '2020年铅山县政府工作报告\n• 一、2019年工作回顾\n• 二、2020年主要目标任务\n• 三、全面加强政府自身建设\n各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2019年工作回顾\n过去一年，全县地区生产总值增长6.5%。\n二、2020年主要目标任务\n今年全县地区生产总值增长6%左右。\n三、全面加强政府自身建设\n坚持依法行政。\n',
  );
  assert.deepEqual(
    toc.outline.map((c) => [c.kind, c.title]),
    [
      ['chapter', '2019年工作回顾'],
      ['chapter', '2020年主要目标任务'],
      ['chapter', '全面加强政府自身建设'],
    ],
  );
  assert.deepEqual(
    reportFigures(toc).map((f) => f.kind),
    ['result', 'target'],
  );
  const joined = read(
    '2021年某某省国民经济和社会发展统计公报\n\n某某省统计局国家统计局某某调查总队\n\n2022年3月12日\n\n一、综合\n\n初步核算，全年全省生产总值58887亿元。\n',
  );
  assert.notEqual(joined.issuer, '某某省统计局国家统计局某某调查总队');
});

test('an addressee line’s 中共 is no part of the wider place the issuer takes from it', () => {
  const r = read(
    '宝山区生态环境局\n2025年法治政府建设情况报告\n中共上海市宝山区委、宝山区人民政府:\n2025年在区委、区政府的坚强领导下,我局以习近平新时代中国特色社会主义思想为指导，深入推进法治政府建设。\n一、2025年度推进法治政府建设的主要举措和成效\n全年审查合同32份。\n',
  );
  assert.equal(r.issuer, '上海市宝山区生态环境局');
});

test('a title with its year in two digits and the body’s byline run on names the same type as the next year’s', () => {
  assert.equal(typeOfTitle('06年公路水路交通行业发展统计公报中华人民共和国交通部'), typeOfTitle('2007年公路水路交通行业发展统计公报'));
  assert.equal(typeOfTitle('2023年国民经济和社会发展统计公报国家统计局'), STATISTICS);
});

test('a count written number first names what it counts up to the verb after it (负责, 从事, 承担, 参与)', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit]);
  assert.deepEqual(brief('并配备1名专职工作人员负责有关工作的执行、落实。'), [['专职工作人员', 1, '名']]);
});

test('a review of this pass’s rules: what they must leave alone', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit]);
  // A count's change, then its share's change in points, is no list of changes in points.
  assert.deepEqual(
    brief('水质优良断面30个，比上年增加3个，提高7.7个百分点；劣Ⅴ类断面1个，比上年减少2个，下降5.1个百分点。').map((f) => f[2]),
    ['个', '个', '个百分点', '个', '个', '个百分点'],
  );
  // People in a list, one with a measure's word: each keeps its name.
  assert.deepEqual(
    brief('全市持证行政执法人员、法律顾问和公职律师分别为3500人、120人和86人。').map((f) => f[0]),
    ['持证行政执法人员', '法律顾问', '公职律师'],
  );
  // A means that is the noun's own (通过…平台办理的, 通过省级验收的) stays; 我委托, 我办理, 本委员会 are no bodies.
  assert.deepEqual(brief('通过“赣服通”平台办理的政务服务事项12万件。')[0][0], '赣服通平台办理的政务服务事项');
  assert.deepEqual(brief('通过省级验收的农业产业化平台15个。')[0][0], '省级验收的农业产业化平台');
  assert.deepEqual(brief('通过政务新媒体平台发布信息1250条。')[0][0], '政务新媒体平台发布信息');
  assert.ok(!String(brief('本委员会共召开全体会议12次。')[0][0]).startsWith('员会'));
  assert.ok(!String(brief('我委托第三方机构开展评估项目5个。')[0][0]).startsWith('托'));
  // A run-on clause that ends in …的信息 is cut as before.
  assert.equal(brief('向社会公开了本级政府部门预算的信息45条。')[0][0], '信息');
  assert.equal(brief('累计为全市企业提供政策咨询的服务事项120项。')[0][0], '服务事项');
  // Two small numbers in a row are an approximation or ordinals, not a list.
  for (const t of ['每季度组织开展2、3次专项执法检查。', '全面完成园区1、2期工程建设。', '全市划分为3、4个片区。']) assert.equal(brief(t).length, 1, t);
  // Latin units: not a speed; one unit for a measure however spelled.
  assert.deepEqual(brief('设计时速100km/h。'), []);
  assert.deepEqual(brief('全国铁路路网密度为145.5 km/万km2。')[0], ['铁路路网密度', 145.5, '公里/万平方公里']);
  assert.deepEqual(
    brief('货物周转量1520.3亿t.km，能源消费总量1250万t标准煤，面积0.3万km²。').map((f) => f[2]),
    ['亿吨公里', '万吨标准煤', '万平方公里'],
  );
  // What comes next plans, in a report on work done too: 下一步, a later year.
  const kinds = (text: string) => reportFigures(read(text)).map((f) => f.kind);
  assert.deepEqual(kinds('某县2020年法治政府建设工作报告\n\n一、2020年推进法治政府建设情况\n\n下一步，我县将推动30项县级行政执法事项下放至各乡镇。\n'), [
    'target',
  ]);
  assert.deepEqual(
    kinds(
      '某县2020年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开信息120条。\n\n二、存在的主要问题及改进情况\n\n2021年，我县将把12项公开事项移交县政务服务中心统一发布。\n',
    ),
    ['result', 'target'],
  );
  // A page of no type: 主要工作 of its own year reviews; only a plan's own words plan.
  assert.deepEqual(
    kinds('一、2019年主要工作\n\n2019年，全县地区生产总值完成125亿元，增长7.2%。\n\n二、2020年工作安排\n\n2020年，全县地区生产总值力争增长7%左右。\n'),
    ['result', 'result', 'target'],
  );
  // A headline whose report names its own place is the title as it is.
  assert.equal(
    read('湖北省统计局：湖北省2020年国民经济和社会发展统计公报\n\n一、综合\n\n全年全省生产总值43443亿元。\n').title,
    '湖北省2020年国民经济和社会发展统计公报',
  );
  // A department's office compiles the department's report.
  assert.equal(
    read('根据《中华人民共和国政府信息公开条例》要求，由上饶市统计局办公室编制本报告。\n\n一、总体情况\n\n全年主动公开信息120条。\n').issuer,
    '上饶市统计局',
  );
});

test('a second round of unseen reports: thresholds crossed with and without a figure, visits, 约 in a word, numbers in a document’s name', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit]);
  // The level reached is the threshold's subject's, not the subject of a change before it in the sentence.
  assert.deepEqual(brief('预计全州生产总值达585亿元，增长8%；财政总收入首次突破100亿元大关，达107.64亿元，增长22.26%。').slice(2), [
    ['财政总收入', 107.64, '亿元'],
    ['财政总收入增长', 22.26, '%'],
  ]);
  assert.deepEqual(brief('全市生产总值突破千亿元大关，比上年增长12%左右。'), [['生产总值增长', 12, '%']]);
  assert.deepEqual(brief('财政收入迈上40亿元新台阶，增长25%。'), [
    ['财政收入', 40, '亿元'],
    ['财政收入增长', 25, '%'],
  ]);
  assert.deepEqual(brief('生产总值突破500亿元，由2010年的303.4亿元增加到2015年的511.9亿元，年均增长8.7%。'), [
    ['生产总值', 303.4, '亿元'],
    ['生产总值', 511.9, '亿元'],
    ['生产总值年均增长', 8.7, '%'],
  ]);
  assert.deepEqual(
    brief('检查19家次大型企业，居住社区1008个次，出动车辆35台次。').map((f) => f[2]),
    ['家次', '个次', '台次'],
  );
  assert.deepEqual(
    brief('指导修订村规民约2项，制定居民公约5份。').map((f) => f[0]),
    ['指导修订村规民约', '居民公约'],
  );
  assert.deepEqual(brief('《盘点2025:福州外事港澳10件大事》发布，出台《关于促进消费的20条措施》。'), []);
});

test('a second round of unseen reports: a breadcrumb of two, a two-line title under a 中心, a year with no 年, the day and the speaker, publishers run together, the page’s 发布时间', () => {
  const crumb = read('首页 > 政府信息公开年报\n\n海南省工业和信息化厅\n2022年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开信息120条。\n');
  assert.equal(crumb.title, '海南省工业和信息化厅2022年政府信息公开工作年度报告');
  const centre = read('西安市阎良区机关事务服务中心\n政府信息公开工作2021年度报告\n\n一、总体情况\n\n全年主动公开信息120条。\n');
  assert.deepEqual([centre.title, centre.issuer], ['西安市阎良区机关事务服务中心政府信息公开工作2021年度报告', '西安市阎良区机关事务服务中心']);
  assert.equal(read('海南省生态环境厅\n\n2022政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开信息120条。\n', 'x.txt').year, 2022);
  assert.equal(
    read('齐齐哈尔市政府工作报告(2022年1月13日 沈宏宇)\n\n各位代表：\n\n一、2021年工作回顾\n\n全市地区生产总值完成1200亿元。\n').title,
    '齐齐哈尔市政府工作报告',
  );
  const joined = read(
    '宁夏回族自治区统计局国家统计局宁夏调查总队\n2018年5月2日\n2017年,自治区党委、政府带领全区上下认真学习贯彻党的十九大精神。\n一、综合\n初步核算,全年全区实现生产总值3453.93亿元,按可比价格计算,比上年增长7.8%。\n',
    'nx.txt',
  );
  assert.deepEqual([joined.issuer, joined.type], ['宁夏回族自治区', STATISTICS]);
  const stamped = read(
    '您的位置: 首页 >四川地情>四川省情>四川统计公报>详细内容\n2024-08-14 23:28:56\n\n2019年四川省国民经济和社会发展统计公报\n\n来源:20200325四川日报 发布时间:2020-03-25 16:38:18 浏览次数: 【字体:\n\n一、综合\n\n经国家统计局初步核算，2019年四川省地区生产总值46615.8亿元。\n',
  );
  assert.equal(stamped.published, '2020-03-25T16:38:18');
});

test('a central body’s branch named by its region or port is its reports’ issuer', () => {
  for (const body of ['深圳海关', '广东海事局', '长江航务管理局', '中国人民银行南宁中心支行'])
    assert.equal(read(`${body}2021年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开信息120条。\n`).issuer, body);
  // A county's own bureau keeps its place.
  assert.equal(read('某某县海事局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开信息120条。\n').issuer, '某某县海事局');
});

test('城乡 before two values with no 分别 is 城镇 and 农村 in turn, and so are the changes after them', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value]);
  assert.deepEqual(brief('城乡居民人均可支配收入29407元、13504元，分别增长8.2%、9.3%。'), [
    ['城镇居民人均可支配收入', 29407],
    ['农村居民人均可支配收入', 13504],
    ['城镇居民人均可支配收入增长', 8.2],
    ['农村居民人均可支配收入增长', 9.3],
  ]);
  assert.deepEqual(
    brief('城乡居民人均可支配收入26096元和10736元，增长13%和16%。').map((f) => f[0]),
    ['城镇居民人均可支配收入', '农村居民人均可支配收入', '城镇居民人均可支配收入增长', '农村居民人均可支配收入增长'],
  );
});

test('the total after what was added is the same noun’s (新增规上工业企业189家，总数达1053家)', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value]);
  assert.deepEqual(brief('新增规上工业企业189家，总数达1053家。')[1], ['规上工业企业总数', 1053]);
  assert.deepEqual(brief('新增全国重点实验室15家、总数达23家。')[1], ['全国重点实验室总数', 23]);
  // Not people: a total of employment is not said so.
  assert.deepEqual(brief('新增就业1.2万人，达到5万人。')[1], ['', 5]);
});

test('a count before its noun as a clause’s subject names it up to its verb (担任, 组成, 挂包, 全部, 累计…)', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value]);
  assert.deepEqual(brief('全县9名县处级干部担任村第一书记。'), [['县处级干部', 9]]);
  assert.deepEqual(brief('大古水电站4台机组全部投产发电。'), [['机组', 4]]);
  assert.deepEqual(brief('抽调1175名干部组成工作队。'), [['干部', 1175]]);
  assert.deepEqual(brief('全年15件民生实事全部兑现。'), [['民生实事', 15]]);
  // A noun that opens with such a verb keeps it; a time word left before the verb is no noun's end.
  assert.deepEqual(brief('年度南北合作实施192个帮扶项目，共建园区。'), [['帮扶项目', 192]]);
  assert.deepEqual(brief('44项水毁修复工程汛前全部完工。'), [['', 44]]);
});

test('a list of three items or more too long for a label, with their kind after 等: the kind', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value]);
  assert.deepEqual(brief('研究解决执法协同、普法宣传、涉企法治服务等重大问题近10项。'), [['重大问题', 10]]);
  assert.deepEqual(brief('主动公开环境监测、综合执法、行政许可等信息数据100项。'), [['信息数据', 100]]);
  // Not a field's words and a verb after 等.
  assert.deepEqual(brief('在科研、工业、农业、消费等领域应用落地3000个。'), [['', 3000]]);
});

test('last year’s level before this year’s is no figure of the year; this year’s keeps the subject', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value]);
  assert.deepEqual(brief('城镇化率由上年的55.1%提高到56.3%。'), [['城镇化率', 56.3]]);
  assert.deepEqual(brief('城镇居民基本医疗保险试点城市由上年的88个增加到317个，参保人数增加7359万。')[0], ['城镇居民基本医疗保险试点城市', 317]);
  // A list of subjects: last year's values go, this year's are not shared out here.
  assert.deepEqual(brief('一、二、三产业增加值占生产总值的比重由上年的15.2%、49.9%和34.9%调整为14.0%、53.9%和32.1%。'), [
    ['', 14],
    ['', 53.9],
    ['', 32.1],
  ]);
  // An earlier year named by its number stays (a five-year review's start: its own year).
  assert.equal(brief('地区生产总值由2017年的111.8亿元提高至2021年的160亿元。').length, 2);
});
