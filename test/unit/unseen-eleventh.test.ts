/**
 * An eleventh pass over reports no one on the team had read (helpers' reading of county communiqués of 山西, city and
 * county work reports of 河南 and 湖南, township, bureau and zone 法治 and 信息公开 reports, 2026 provincial work reports as
 * sites print them; 2026-11-30). Each text is the lines as the page had them, cut to what matters; names and figures
 * are the reports' own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFigures } from '../../src/core/compare/index.ts';
import { simplified } from '../../src/core/structure/index.ts';
import { PROSE as S, readReport as read } from './helpers.ts';

const headings = (outline: ReturnType<typeof read>['outline']) =>
  outline.flatMap((c) => [`${c.kind} ${c.title}`, ...c.children.map((x) => `  ${x.kind} ${x.title}`)]);
const figures = (text: string, done = false) => extractFigures(text, { done }).map((f) => [f.label, f.value, f.kind]);

test('焦作 is a city, not a speech line: a title naming it is the title, also under a site’s line', () => {
  const r = read('x.txt', `设为首页收藏本站\n\n    2022年焦作市解放区政府工作报告\n\n各位代表：\n一、2021年工作回顾\n${S}\n二、2022年工作安排\n${S}\n`);
  assert.deepEqual(r.meta.slice(0, 3), ['2022年焦作市解放区政府工作报告', '焦作市解放区人民政府', 2022]);
  // A photo's caption of a speaker who delivers the report is still no title.
  const c = read('y.txt', `首页\n\n魏宏作政府工作报告\n\n各位代表：\n一、2021年工作回顾\n${S}\n`);
  assert.notEqual(c.meta[0], '魏宏作政府工作报告');
});

test('a date after the title in brackets (20230208, 2023年2月2日) dates the page, and leaves the title; a December session still names the next year', () => {
  const a = read('a.txt', `2023年沁阳市政府工作报告(20230208)\n\n各位代表：\n一、2022年工作回顾\n${S}\n二、2023年工作安排\n${S}\n`);
  assert.deepEqual(a.meta, ['2023年沁阳市政府工作报告', '沁阳市人民政府', 2023, '政府工作报告', '2023-02-08']);
  const b = read('b.txt', `(河南省)周口市川汇区人民政府工作报告(2023年2月2日)\n\n各位代表：\n一、2022年工作回顾\n${S}\n`);
  assert.deepEqual(b.meta, ['周口市川汇区人民政府工作报告', '周口市川汇区人民政府', 2023, '政府工作报告', '2023-02-02']);
  const c = read('c.txt', `某镇2021年政府工作报告（2021年12月28日）\n\n各位代表：\n一、过去一年工作回顾\n${S}\n`);
  assert.deepEqual(c.meta.slice(0, 3), ['某镇2021年政府工作报告', '某镇人民政府', 2022]);
});

test('a session line dated in Chinese numerals (——二○二一年二月二十三日在…会议上) dates the report; December names the next year', () => {
  const a = read(
    'a.txt',
    `焦作市2021年政府工作报告\n——二○二一年二月二十三日在焦作市第十三届人民代表大会第四次会议上\n\n各位代表：\n一、2020年工作回顾\n${S}\n`,
  );
  assert.deepEqual(a.meta.slice(2), [2021, '政府工作报告', '2021-02-23']);
  const b = read('b.txt', `某县政府工作报告\n——二〇二二年十二月二十七日在某县第十八届人民代表大会第二次会议上\n\n各位代表：\n一、过去一年工作回顾\n${S}\n`);
  assert.deepEqual(b.meta.slice(2), [2023, '政府工作报告', '2022-12-27']);
});

test('a session line with its date on a line of its own gives a work report its year', () => {
  const r = read(
    'x.txt',
    `政府工作报告\n——在某某旗第十六届人民代表大会第一次会议上\n某某旗人民政府旗长 张三\n（2022年1月5日）\n各位代表：\n现在，我代表旗人民政府向大会报告工作。\n一、过去四年工作回顾\n${S}\n二、今后五年的目标任务\n${S}\n`,
  );
  assert.deepEqual(r.meta.slice(1), ['某某旗人民政府', 2022, '政府工作报告', '2022-01-05']);
});

test('the 2021 and 2026 reports’ bare parts that open with a five-year plan’s period (“十四五”时期…和2025年工作回顾) are parts', () => {
  const r = read(
    'x.txt',
    `内蒙古自治区2026年政府工作报告\n\n各位代表：\n“十四五”时期发展成就和2025年工作回顾\n${S}\n“十五五”时期主要目标和2026年重点工作\n${S}\n一、把铸牢中华民族共同体意识作为民族地区各项工作的主线\n${S}\n二、加快构建现代化产业体系\n${S}\n`,
  );
  assert.deepEqual(headings(r.outline), [
    'part “十四五”时期发展成就和2025年工作回顾',
    'part “十五五”时期主要目标和2026年重点工作',
    '  chapter 把铸牢中华民族共同体意识作为民族地区各项工作的主线',
    '  chapter 加快构建现代化产业体系',
  ]);
  // A body line of that length with no year is no part (…的工作回顾 in a sentence's place).
  const b = read('y.txt', `某县2026年政府工作报告\n\n各位代表：\n一、过去一年工作回顾\n${S}\n全县上下团结一心扎实推进各项重点工作\n${S}\n`);
  assert.equal(b.outline.filter((n) => n.kind === 'part').length, 0);
});

test('a breadcrumb set a line an item (当前位置:首页 / > 政府信息公开 / > 2022年) is chrome, and the title below it is the title', () => {
  const r = read(
    'x.txt',
    `\n当前位置:首页\n> 政府信息公开\n> 新乐市政府信息公开平台\n> 政府信息公开年报\n> 2022年\n马头铺镇人民政府2022年度政府信息公开工作年度报告\n一、总体情况\n${S}\n`,
  );
  assert.deepEqual(r.meta.slice(0, 3), ['马头铺镇人民政府2022年度政府信息公开工作年度报告', '马头铺镇人民政府', 2022]);
  // An item of a list that opens with > in the text stays.
  const b = read('y.txt', `某县2022年政府信息公开工作年度报告\n\n一、总体情况\n${S}\n> 全年公开信息\n`);
  assert.ok(b.texts.includes('> 全年公开信息'));
});

test('a disclosure table’s title row with no colon (标题 马厂镇2019年…) is the title’s field', () => {
  const r = read(
    'x.txt',
    `当前位置: 首页>长治市潞州区人民政府>年度报告\n索引号 01236931-5/2020-14005\n标题 马厂镇2019年政府信息公开工作年度报告\n\n一、总体情况\n2019年，我镇做好工作。\n${S}\n`,
  );
  assert.deepEqual(r.meta.slice(0, 3), ['马厂镇2019年政府信息公开工作年度报告', '马厂镇人民政府', 2019]);
});

test('a zone’s other name in brackets before its body (温州高新区(经开区)管委会) leaves the zone as the issuer', () => {
  const r = read('x.txt', `温州高新区(经开区)管委会2022年度政府信息公开工作报告\n\n一、总体情况\n2022年，我委做好工作。\n${S}\n`);
  assert.equal(r.meta[1], '温州高新区管理委员会');
  // A bracket with no place before the zone names no one.
  assert.equal(read('y.txt', `开发区(白洋街道)2009年政府信息公开工作年度报告\n\n一、总体情况\n${S}\n`).meta[1], null);
});

test('a title that names no issuer, then the issuer’s line (and the title again): the issuer’s title; a communiqué’s publishers are not its title', () => {
  const r = read(
    'x.txt',
    `2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2022年政府信息公开工作年度报告\n一、总体情况\n2022年,松木塘镇人民政府认真贯彻落实条例。\n${S}\n`,
  );
  assert.deepEqual(r.meta.slice(0, 3), ['桃江县松木塘镇人民政府2022年政府信息公开工作年度报告', '桃江县松木塘镇人民政府', 2022]);
  assert.ok(!r.texts.includes('桃江县松木塘镇人民政府'));
  const c = read('y.txt', `2016年国民经济和社会发展统计公报\n长顺县统计局\n2017年5月20日\n2016年,全县经济社会保持健康发展。\n一、综合\n${S}\n`);
  assert.equal(c.meta[0], '2016年国民经济和社会发展统计公报');
});

test('figures: in a report on a year’s work, 将 of a thing put somewhere (将…纳入) is done; 计划 as a disclosure category (规划计划类4条) is no plan', () => {
  const put = '将习近平法治思想纳入区政府有关会议部署的首要议程,全年组织政府党组理论学习14次。';
  assert.deepEqual(figures(put, true), [['政府党组理论学习', 14, 'result']]);
  // In a work report it stays an intent (将重点项目建设作为头号工程，全年实施重点项目120个: a plan).
  assert.deepEqual(figures('将重点项目建设作为头号工程，全年实施重点项目120个。')[0][2], 'target');
  assert.deepEqual(figures('主动公开规划计划类4条，工作计划类1条，计划规划更新2条。'), [
    ['主动公开规划计划类', 4, 'result'],
    ['工作计划类', 1, 'result'],
    ['规划更新', 2, 'result'],
  ]);
  for (const plan of [
    '2024年将新建学校5所。',
    '计划投资2亿元。',
    '1980年计划基本建设投资总额控制在500亿元。',
    '今年计划更新改造老旧小区30个。',
    '年度计划新建农村公路200公里。',
    '全年重点项目投资计划120亿元。',
  ])
    assert.equal(figures(plan)[0][2], 'target', plan);
});

test('figures: a verb between a subject and its measure (梁子湖区完成地区生产总值, 第一产业实现增加值) is no part of the label; 可比价增速 is the figure’s before it', () => {
  assert.deepEqual(
    figures('全年梁子湖区完成地区生产总值94.71亿元，增长5.1%。第一产业完成增加值37.83亿元。第一產業實現增加值47.24億元。规模以上工业完成增加值12亿元。').map(
      (f) => f[0],
    ),
    ['梁子湖区地区生产总值', '梁子湖区地区生产总值增长', '第一产业增加值', '第一产业增加值', '规模以上工业增加值'],
  );
  // A city's communiqué names its districts': each keeps its place.
  assert.deepEqual(
    figures('分县区看，鄂城区实现地区生产总值520亿元，华容区实现地区生产总值200亿元。').map((f) => f[0]),
    ['鄂城区地区生产总值', '华容区地区生产总值'],
  );
  assert.deepEqual(figures('地区生产总值1468.52亿元,可比价增速7.7%。')[1][0], '地区生产总值增速');
  // Not after a share or a part of a plan (占全市的25%，增速9%).
  assert.equal(figures('社会消费品零售总额300亿元，占全市的25%，增速9%。')[2][0], '增速');
  // A threshold's 增幅 (其中增幅在30%以上的有7个行业) is not the figure's before it.
  assert.equal(figures('29个行业中20个行业比上年增长，其中增幅在30%以上的有7个行业。').find((f) => f[1] === 30)?.[0], '增幅');
});

test('traditional characters of a communiqué’s sectors and places fold (倉儲 → 仓储, 涇縣 → 泾县)', () => {
  assert.equal(simplified('交通運輸、倉儲和郵政業'), '交通运输、仓储和邮政业');
  assert.equal(simplified('涇縣'), '泾县');
});

test('a review of the rules above: what they must leave alone', () => {
  // A breadcrumb's last item that is the only title is the title.
  assert.deepEqual(
    read('a.txt', `当前位置：首页\n> 政务公开\n> 政府工作报告\n> 某县2023年政府工作报告\n各位代表：\n一、2022年工作回顾\n${S}\n`).meta.slice(0, 3),
    ['某县2023年政府工作报告', '某县人民政府', 2023],
  );
  // A 政务服务 body under a title keeps its issuer; a date cut from the title still dates it, and the year of a December session.
  assert.equal(read('b.txt', `2022年政府信息公开工作年度报告\n沁阳市政务服务和大数据管理局\n一、总体情况\n${S}\n`).meta[1], '沁阳市政务服务和大数据管理局');
  assert.equal(read('c.txt', `2022年政府信息公开工作年度报告(2023-01-20)\n某镇人民政府\n一、总体情况\n${S}\n`).meta[4], '2023-01-20');
  assert.deepEqual(read('d.txt', `政府工作报告（2022年12月28日）\n某县人民政府\n各位代表：\n一、过去一年工作回顾\n${S}\n`).meta.slice(1), [
    '某县人民政府',
    2023,
    '政府工作报告',
    '2022-12-28',
  ]);
  // Two names on the line under a title are not one issuer; a work report takes no line's office for its title.
  assert.equal(read('e.txt', `法治政府建设年度报告\n某市司法局 某市人民政府\n一、主要工作\n${S}\n`).meta[1], '某市司法局');
  assert.equal(read('f.txt', `政府工作报告\n某县人民政府办公室\n各位代表：\n一、过去一年工作回顾\n${S}\n`).meta[0], '政府工作报告');
  // A subtitle of two phrases and 二十五项 are no parts.
  for (const line of ['奋力开启“十五五”新征程 全面做好2026年重点工作', '实施二十五项民生实事抓好2025年重点工作']) {
    const r = read('g.txt', `某县2026年政府工作报告\n\n各位代表：\n${line}\n${S}\n一、过去一年工作回顾\n${S}\n二、2026年工作安排\n${S}\n`);
    assert.equal(r.outline.filter((n) => n.kind === 'part').length, 0, line);
  }
  // A bracket that names a part of a zone (北区) is no other name of it: no issuer is made of it.
  assert.equal(read('h.txt', `汉中经济开发区(北区)管委会2022年度政府信息公开工作报告\n\n一、总体情况\n${S}\n`).meta[1], null);
});

test('sections numbered 1. run into their text after a short head (1.主动公开方面。2022年，…), as townships print them; a list of sentences stays a list', () => {
  const report = (body: string) =>
    read('x.txt', `梁山县馆驿镇2022年政府信息公开工作年度报告\n\n一、总体情况\n${body}\n二、主动公开政府信息情况\n${S}\n`).outline[0].children.map(
      (c) => c.title,
    );
  assert.deepEqual(
    report(
      '1.主动公开方面。2022年,馆驿镇主动公开信息32条，其中规划计划类2条。\n2.依申请公开工作方面。2022年,馆驿镇未收到申请，无行政复议。\n3.政府信息管理方面。严格审核，确保信息安全，及时更新。',
    ),
    ['主动公开方面', '依申请公开工作方面', '政府信息管理方面'],
  );
  assert.deepEqual(
    report('1.突出重点工作,狠抓信息落实。完善有关制度、机制,及时、准确、全面公开。\n2. 加强保密审查,确保信息安全。严格落实保密审查制度，确保不泄密。'),
    ['突出重点工作,狠抓信息落实', '加强保密审查,确保信息安全'],
  );
  // Problems in sentences, a list: their heads are clauses of a sentence, longer than a name.
  assert.deepEqual(report('1.部分单位信息公开意识不强，公开内容不够全面。下一步将加强培训工作。\n2.公开形式较为单一，互动不足。下一步将拓宽渠道。'), []);
});

test('a lead that names its body before 以…为核心/为指引/为抓手, or after a 根据…部署 clause, gives the issuer', () => {
  const issuer = (lead: string) => read('x.txt', `2023年法治政府建设工作报告\n\n${lead}\n一、主要工作\n${S}\n二、存在问题\n${S}\n`).meta[1];
  assert.equal(issuer('2023年,清波街道以深入学习贯彻习近平法治思想为核心,扎实推进法治建设。'), '清波街道办事处');
  assert.equal(issuer('2023年,鹿城县教育局以党的二十大精神为指引,推进依法治教。'), '鹿城县教育局');
  assert.equal(
    issuer('根据中共中央《全面深化法治领域改革纲要(2023—2027年)》提出的具体部署,2023年,清波街道以深入学习贯彻习近平法治思想为核心,扎实推进。'),
    '清波街道办事处',
  );
  // A 系统 is no body.
  assert.equal(issuer('2023年,龙华区司法行政系统以党的二十大精神为引领,深入学习。'), null);
});

test('a 信息公开 report with no body named above: the body its template gives for questions (请与…联系, 请联系…(地址:…)) is the issuer', () => {
  const issuer = (text: string) => read('x.txt', text).meta.slice(0, 2);
  assert.deepEqual(
    issuer(
      `2010年政府信息公开工作年度报告\n\n本报告由我局编制。如对本报告有任何疑问，请与闽侯县水利局政府信息公开工作领导小组办公室联系。\n一、概述\n${S}\n二、主动公开政府信息情况\n${S}\n`,
    ),
    ['2010年政府信息公开工作年度报告', '闽侯县水利局'],
  );
  assert.equal(
    issuer(`2009年政府信息公开工作年度报告\n\n一、概述\n${S}\n二、其他\n如对本报告有任何疑问,请联系海宁市水利局(地址:海宁市海昌路288号,邮编:314400)。\n`)[1],
    '海宁市水利局',
  );
  // A body with no place names no one.
  assert.equal(issuer(`2009年政府信息公开工作年度报告\n\n一、概述\n${S}\n如有疑问，请与本局办公室联系。\n`)[1], null);
});
