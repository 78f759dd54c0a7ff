/**
 * The sixteenth pass over unseen reports (work reports' outlines; 法治 and 信息公开 reports with short paragraphs; 统计公报
 * of counties) and its review: what they found that recurs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { extractFigures, reportFigures } from '../../src/core/compare/index.ts';
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
  // A lead on the year's work and the next year's ideas (…工作情况及2023年工作思路报告如下) is this report's, not a plan's (review).
  const both = read(
    [
      '市委、市政府：',
      '2022年，在市委、市政府的坚强领导下，我县扎实推进法治政府建设各项工作。现就我县2022年度法治政府建设工作情况及2023年工作思路报告如下：',
      '一、2022年法治政府建设主要举措和成效',
      '一年来，我县深入学习贯彻习近平法治思想，认真落实法治政府建设实施纲要，法治政府建设取得积极成效，依法行政水平不断提升。',
      '二、2023年工作思路',
      '一年来，我县深入学习贯彻习近平法治思想，认真落实法治政府建设实施纲要，法治政府建设取得积极成效，依法行政水平不断提升。',
    ].join('\n'),
    'l1.txt',
  );
  assert.equal(both.type, '法治政府建设工作报告');
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

const WORK = '过去的一年，在省委、省政府的领导下，全市人民团结奋斗，经济社会发展取得了新的成绩，各项工作迈上了新台阶。';

test('a chapter marker with the small ideographic comma ﹑ (U+FE51), as the 2003 reprints in traditional characters print it', () => {
  const r = read(
    ['上海市政府工作報告', '各位代表：', '一﹑五年工作的回顧', WORK, '(一)綜合經濟實力進一步提高。', WORK, '二﹑今年的主要任務', WORK].join('\n\n'),
  );
  assert.deepEqual(
    r.outline.map((c) => [c.label, c.title, c.children.map((s) => s.title)]),
    [
      ['一﹑', '五年工作的回顧', ['綜合經濟實力進一步提高']],
      ['二﹑', '今年的主要任務', []],
    ],
  );
  // A heading so marked that its source broke in two is joined, as one marked 一、 is.
  const broken = read(['某市政府工作報告', '一﹑持續提升政府', '治理效能和服務水平', WORK, '二﹑今年的主要任務', WORK].join('\n\n'));
  assert.equal(broken.outline[0].title, '持續提升政府治理效能和服務水平');
  // Inside a sentence it is a comma, no marker.
  assert.equal(read(['某市政府工作报告', '一、工作回顾', `金融﹑商贸﹑房地产加快发展。${WORK}`].join('\n\n')).outline.length, 1);
});

test('a title with a reposting site’s —全文 after it, and a widget’s 点击关闭… line under it, keep the report’s name alone', () => {
  assert.equal(read(['2023年十堰市张湾区政府工作报告—全文', '各位代表：', '一、2022年工作回顾', WORK].join('\n\n')).title, '2023年十堰市张湾区政府工作报告');
  assert.equal(read(['2023年十堰市张湾区政府工作报告——全文', '一、2022年工作回顾', WORK].join('\n\n')).title, '2023年十堰市张湾区政府工作报告');
  const widget = read(['政府信息公开', '二〇〇三年政府工作报告\n点击关闭详细目录信息', '发布时间:2007-09-29 15:30', '一、过去五年的工作', WORK].join('\n\n'));
  assert.equal(widget.title, '二〇〇三年政府工作报告');
  assert.ok(!widget.paragraphs.some((p) => p.text.includes('点击关闭')));
});

test('a document-sharing page: the file’s name, the site’s blurb, then the text’s own title with its year, which wins', () => {
  const page = [
    '武汉市政府工作报告.docx',
    '上传人:b****8 文档编号:30475918 上传时间:2023-08-15 格式:DOCX 页数:17 大小:33.90KB',
    '下载 相关 举报',
    '武汉市政府工作报告.docx_第1页',
    '第1页 / 共17页',
    '点击查看更多>>',
    '下载资源',
    '资源描述',
    '《武汉市政府工作报告.docx》由会员分享,可在线阅读,更多相关《武汉市政府工作报告.docx(17页珍藏版)》请在冰豆网上搜索。',
    '武汉市政府工作报告.docx',
    '武汉市政府工作报告',
    '2007年武汉市政府工作报告',
    '一、过去四年工作回顾',
    WORK,
  ];
  const r = read(page.join('\n\n'), 'page.txt');
  assert.equal(r.title, '2007年武汉市政府工作报告');
  assert.equal(r.year, 2007);
  assert.equal(r.paragraphs[0].role, 'chapter');
  // The year may sit inside the title (武汉市2007年政府工作报告) as well.
  assert.equal(read([...page.slice(0, 11), '武汉市2007年政府工作报告', ...page.slice(12)].join('\n\n')).title, '武汉市2007年政府工作报告');
  // Not on a portal's page, where a list of past years' reports stands under a plain title (review): the title and year stay.
  const portal = read(['政府工作报告', '2022年政府工作报告', '2023年政府工作报告', '2023年1月10日', '各位代表：', '一、2022年工作回顾', WORK].join('\n\n'));
  assert.equal(portal.title, '政府工作报告');
  assert.equal(portal.year, 2023);
  // The blurb that goes on into the document's text on its line is no chrome: the text stays.
  const blurb = read(
    [
      '武汉市政府工作报告.docx',
      `《武汉市政府工作报告.docx》由会员分享，可在线阅读，更多相关《武汉市政府工作报告(12页珍藏版)》请在人人文库网上搜索。1、2007年武汉市政府工作报告各位代表：现在，我代表市人民政府，向大会报告工作。${WORK}`,
      '一、过去四年工作回顾',
      WORK,
    ].join('\n\n'),
  );
  assert.ok(blurb.paragraphs.some((p) => p.text.includes('我代表市人民政府')));
  // A second line that only names the report differently stays the text's (a subtitle is not the title).
  const other = read([...page.slice(0, 11), '2007年武汉市国民经济计划执行情况', ...page.slice(12)].join('\n\n'));
  assert.notEqual(other.title, '2007年武汉市国民经济计划执行情况');
});

test('money with no name of its own is named by what it is for (安排20多万元，用于普法宣传教育经费等工作)', () => {
  const r = read(
    [
      '某局2024年法治建设工作报告',
      '一、主要工作',
      '四是强化经费保障。全年安排20多万元,用于普法宣传教育经费等工作,保障了各项工作顺利开展。投入资金150万元，专项用于法治宣传阵地建设。全年安排30万元，用于。全年安排8万元，用于的是培训。',
    ].join('\n\n'),
  );
  const labels = reportFigures(r).map((f) => `${f.text}=${f.label}`);
  // A name of its own wins (投入资金); a purpose that is no name (用于的是…) gives none.
  assert.deepEqual(labels, ['20多万元=普法宣传教育经费', '150万元=投入资金', '30万元=', '8万元=']);
  // Words that point back and bare verbs name nothing (review).
  for (const purpose of ['此项工作', '上述工作', '以上工作', '其他', '建设', '支付']) {
    const f = extractFigures(`全年投入2000万元，用于${purpose}。`, { year: 2022 });
    assert.equal(f[0].label, '', purpose);
  }
});

test('a chapter heading does not take the first of its heads as its second half when more heads of that shape follow', () => {
  // A yearbook's copy (济南 1999): the heads lost their bold and their full stops.
  const lines = [
    '政府工作报告',
    '各位代表：',
    '一、本届政府开局之年的工作',
    '综合经济实力进一步增强',
    '全市实现国内生产总值821.1亿元，比上年增长13.1%，工业的战略性调整和改革有新突破，第三产业实现增加值比上年增长较快。',
    '城市面貌发生较大改观',
    '六大工程建设进度很快，济南机场扩建工程基本完成，绕城路一期工程完成总投资量的60%，泉城广场建设进入安装阶段。',
    '改革开放取得新的进展',
    '国有企业改革继续深化，一批企业实现扭亏为盈，全年实际利用外资比上年有较大增长，外贸出口稳步增长，民营经济加快发展。',
    '二、今年的主要任务',
    WORK,
  ];
  const r = read(lines.join('\n'));
  assert.equal(r.outline[0].title, '本届政府开局之年的工作');
  // The heads with no full stop stay paragraphs: a photo's caption reads the same (review).
  assert.deepEqual(r.outline[0].children, []);
  assert.ok(r.paragraphs.some((p) => p.text === '综合经济实力进一步增强' && p.role === 'body'));
  // One such line further on is not enough (a photo's caption, a glossary's head): the heading is joined as before.
  const P = `过去的一年，全县上下团结奋斗，${WORK}`;
  for (const between of [['图为县政务服务中心办事大厅'], ['新建成的县人民医院住院大楼'], []]) {
    const joined = read(
      ['某县2023年政府工作报告', '一、2022年工作回顾', P, '二、持续提升政府', '治理效能和服务水平', P, P, ...between, P, '三、2023年工作安排', P].join('\n\n'),
    );
    assert.equal(joined.outline[1].title, '持续提升政府治理效能和服务水平', between.join());
  }
  const glossary = read(
    [
      '某县2024年政府工作报告',
      '一、2023年工作回顾',
      P,
      '三、扎实做好2024年',
      '各项重点工作',
      P,
      '名词解释',
      '1.新质生产力：是指创新起主导作用的先进生产力质态，具有高科技、高效能、高质量特征。',
    ].join('\n\n'),
  );
  assert.equal(glossary.outline[1].title, '扎实做好2024年各项重点工作');
  // A heading broken in two with no such line after it is still one heading.
  const broken = read(['某县2023年政府工作报告', '三、持续提升政府', '治理效能和服务水平', WORK, WORK].join('\n'));
  assert.equal(broken.outline[0].title, '持续提升政府治理效能和服务水平');
  // A table's caption (no sentence after it) is no head.
  const captions = read(
    [
      '某县统计公报',
      '一、农业',
      '全年粮食产量',
      '粮食\t12.5\t3.1',
      '主要农产品产量',
      '棉花\t2.1\t1.0',
      '畜牧业生产情况',
      '猪肉\t5.2\t0.3',
      '二、工业',
      WORK,
    ].join('\n'),
  );
  assert.deepEqual(captions.outline[0].children, []);
});

test('具体为 and 包括 before a count are no part of its name (具体为局门户网站396条, 包括法治建设议题会议6次)', () => {
  const r = read(
    [
      '某局2022年政府信息公开工作年度报告',
      '一、总体情况',
      '全年主动公开政府信息21218条，具体为局门户网站396条，包括领导信息类1条。全年召开会议10次，包括法治建设议题会议6次。',
    ].join('\n\n'),
  );
  assert.deepEqual(
    reportFigures(r).map((f) => `${f.text}=${f.label}`),
    ['21218条=主动公开政府信息', '396条=局门户网站', '1条=领导信息类', '10次=会议', '6次=法治建设议题会议'],
  );
  // …but 包括…在内的 is the name's own (review).
  assert.deepEqual(
    extractFigures('全县共有包括乡镇卫生院在内的医疗机构120个。', { year: 2022 }).map((f) => f.label),
    ['包括乡镇卫生院在内的医疗机构'],
  );
});

test('a count whose list goes on with 和 has no noun after it: its name is before it (政府网站20580条和其他媒体平台145条)', () => {
  const labels = (t: string) => extractFigures(t, { year: 2022, done: true }).map((f) => `${f.text}=${f.label}`);
  assert.deepEqual(labels('局门户网站396条、国家企业信用信息公示系统(重庆)20580条和其他媒体平台发布宣传信息145条。'), [
    '396条=局门户网站',
    '20580条=国家企业信用信息公示系统',
    '145条=其他媒体平台发布宣传信息',
  ]);
  assert.deepEqual(labels('建成产教融合基地32个和专门教育学校2所。'), ['32个=产教融合基地', '2所=专门教育学校']);
  // A noun that opens with 和 is still the count's (和美乡村), and an ordinal is no name (首批12项及第二批14项重点改革).
  assert.deepEqual(labels('全年创建12个和美乡村示范村。'), ['12个=和美乡村示范村']);
  assert.deepEqual(
    labels('持续推进首批12项及第二批14项重点改革。').map((l) => l.split('=')[1].includes('首批')),
    [false, false],
  );
});

test('a title run into its session line after an old forum’s -- (and a (摘要) note) is set apart from it', () => {
  const r = read(
    ['政府工作报告--2021年1月25日在某某市第十五届人民代表大会第五次会议上', '某某市市长 张三', '各位代表：', '一、2020年工作回顾', WORK].join('\n\n'),
    'report.txt',
  );
  assert.equal(r.title, '政府工作报告');
  assert.equal(r.year, 2021);
  assert.equal(r.published, '2021-01-25');
  const summary = read(
    ['政府工作报告(摘要)--1999年2月25日在济南市第十二届人民代表大会第二次会议上', '各位代表：', '一、本届政府开局之年的工作', WORK].join('\n\n'),
    'report.txt',
  );
  assert.equal(summary.title, '政府工作报告(摘要)');
  // Set apart by a space only, the session line keeps no space before it (and a reposting site's (全文) note may stand between).
  const spaced = read(
    ['(黑龙江)2021年肇源县人民政府工作报告(全文) 2020年12月29日在肇源县第十七届人民代表大会第六次会议上 县长宁利文', '各位代表：', WORK].join('\n\n'),
    'report.txt',
  );
  assert.equal(spaced.paragraphs[0].text, '2020年12月29日在肇源县第十七届人民代表大会第六次会议上 县长宁利文');
  // A range of years with -- is no session (2021--2025年规划纲要).
  assert.equal(
    read(['某市国民经济和社会发展规划纲要报告--2021--2025年', WORK].join('\n\n'), 'report.txt').title,
    '某市国民经济和社会发展规划纲要报告--2021--2025年',
  );
});

test('an adverb before the verb to a figure goes with the verb (用户已突破550万, 阅读量即达180万次, 总数现已达155个)', () => {
  const labels = (t: string) => extractFigures(t, { year: 2019, done: true }).map((f) => `${f.text}=${f.label}`);
  assert.deepEqual(labels('“上海发布”微信公众号用户已突破550万，两条微信阅读量即达180万次。'), ['550万=上海发布微信公众号用户', '180万次=两条微信阅读量']);
  assert.deepEqual(labels('同我国建交的国家总数现已达到155个，义务教育阶段学校免杂费覆盖率已达100%。'), [
    '155个=同我国建交的国家',
    '100%=义务教育阶段学校免杂费覆盖率',
  ]);
  // A share of a whole named by its 总数 keeps it, as one named by its 总量 does.
  assert.deepEqual(labels('差评数占评价量总数的0.34%，好评数占评价总数99.58%。'), ['0.34%=差评数占评价量总数', '99.58%=好评数占评价总数']);
});

test('ordinals that stand as one short sentence over their own paragraphs are a chapter’s sections (national 1999, 1997, 2005)', () => {
  const r = importSource('gwr-national-1999.txt', readFileSync('test/fixtures/series/national/gwr-national-1999.txt')).reports[0];
  const chapter = r.outline.find((c) => c.title.startsWith('促进农业和农村经济全面发展'))!;
  assert.deepEqual(
    chapter.children.map((s) => `${s.label}${s.title}`),
    [
      '第一，调整和优化农业结构',
      '第二，加强以水利为重点的农业基本建设',
      '第三，积极推进粮食流通体制改革，搞活农产品流通',
      '第四，调整乡镇企业结构，推进小城镇建设',
      '第五，减轻农民负担，维护农村稳定',
    ],
  );
  // Under a section they are a list still (a section before the first keeps them text).
  const under = read(
    ['某市政府工作报告', '一、今年的工作', '（一）稳定农业生产', WORK, '第一，经济平稳增长。', `${WORK}${WORK}`, '第二，改革不断深化。', `${WORK}${WORK}`].join(
      '\n\n',
    ),
  );
  assert.deepEqual(
    under.outline[0].children.map((s) => s.title),
    ['稳定农业生产'],
  );
});
