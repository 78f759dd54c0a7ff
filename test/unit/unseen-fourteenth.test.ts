/**
 * The fourteenth pass over unseen reports (cities', provinces' and departments' 法治 reports and 统计公报; work reports of
 * prefectures, leagues and banners in the west and north; departments' and provinces' 信息公开 reports): figures in
 * reports on a year's work done, counts written number first, a share after a change, the years of a change from one
 * level to another, pastoral and test units; a headline's document number, a site's notes after a title, a heading set
 * out across its width with a note, a session line with no 在, provinces by their short names, a verb before 自治区, the
 * 信息公开 template's lead since 2021, and a ministry's 法治 report with no title.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractFigures, reportFigures } from '../../src/core/compare/index.ts';
import { importSource, type Report } from '../../src/core/index.ts';
import { parseIssuer } from '../../src/core/series/index.ts';

const read = (text: string, name = 'page.txt'): Report => {
  const r = importSource(name, Buffer.from(text)).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};
const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit]);
const PROSE = '今年我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展，各项事业取得新进展。';

test('a report on a year’s work done: 以上 outside its plan is what was reached; in its plan chapter, a target', () => {
  const r = read(
    '绍兴市市场监督管理局2023年法治政府建设年度报告\n\n一、法治政府建设水平持续提升\n\n（三）法治队伍建设持续加强。全局执法人员持证比例98%以上，新进人员执法资格证参考率100%。\n\n二、下一步工作打算\n\n确保执法人员持证率达到95%以上。\n',
  );
  assert.equal(r.type, '法治政府建设工作报告');
  assert.deepEqual(
    reportFigures(r).map((f) => [f.label, f.value, f.kind]),
    [
      ['全局执法人员持证比例', 98, 'result'],
      ['新进人员执法资格证参考率', 100, 'result'],
      ['执法人员持证率', 95, 'target'],
    ],
  );
  // A work report, whose second half is a plan, keeps 以上 outside a known part a target.
  assert.equal(extractFigures('城镇新增就业110万人以上。')[0].kind, 'target');
});

test('figures: a share after a change is its subject’s share (民生支出528亿元，增长6.1%，占比73.9%)', () => {
  assert.deepEqual(brief('其中，民生支出528亿元，增长6.1%，占比73.9%。'), [
    ['民生支出', 528, '亿元'],
    ['民生支出增长', 6.1, '%'],
    ['民生支出占比', 73.9, '%'],
  ]);
  // After a count, as before.
  assert.deepEqual(brief('复议决定维持333宗,70.1%')[1], ['复议决定维持占比', 70.1, '%']);
});

test('figures: the noun after a count, up to its predicate past 12 characters, or to the next count of a list', () => {
  assert.deepEqual(brief('3项司法行政系统试点改革事项入选全省优化营商环境改革先行区名单。'), [['司法行政系统试点改革事项', 3, '项']]);
  assert.deepEqual(brief('从7个申报地区和228个申报项目中优选2个综合地区和6个单项项目参评。').slice(0, 1), [['申报地区', 7, '个']]);
  assert.deepEqual(brief('对440件市政府规章和行政规范性文件进行集中清理。'), [['市政府规章和行政规范性文件', 440, '件']]);
  // A count of 情况 is none; a clause with no predicate in reach is no noun.
  assert.deepEqual(brief('组织专家团队对33个政府部门法治政府建设情况开展评估。'), [['', 33, '个']]);
  assert.deepEqual(brief('出席省政府任命的38名国家工作人员宪法宣誓仪式并监誓。'), [['', 38, '名']]);
});

test('figures: the verbs listed with a leading verb go with it (制定、修改和废止政府规章9件)', () => {
  assert.deepEqual(brief('制定、修改和废止政府规章9件。全年制定、修改规范性文件12件。'), [
    ['政府规章', 9, '件'],
    ['规范性文件', 12, '件'],
  ]);
  // A label that opens with a conjunction of its own keeps it.
  assert.deepEqual(brief('和美乡村示范村12个。')[0], ['和美乡村示范村', 12, '个']);
});

test('figures: 头只, 人份 and 处 are units (牲畜存栏125万头只, 1.7万人份, 示范点3处); 处理 is no unit', () => {
  assert.deepEqual(brief('牧业年度牲畜存栏125万头只，日检测量可达1.7万人份。建成智慧牧场示范点3处、牧区合作经济组织98家。'), [
    ['牧业年度牲畜存栏', 125, '万头只'],
    ['日检测量', 1.7, '万人份'],
    ['智慧牧场示范点', 3, '处'],
    ['牧区合作经济组织', 98, '家'],
  ]);
  assert.deepEqual(brief('共3处理单元。'), []);
});

test('figures: a change from one year’s level to another’s keeps its subject (从2017年的…提高至2021年的…)', () => {
  assert.deepEqual(brief('地区生产总值从2017年的111.8亿元提高至2021年的160亿元左右。'), [
    ['地区生产总值', 111.8, '亿元'],
    ['地区生产总值', 160, '亿元'],
  ]);
  assert.deepEqual(brief('一般公共预算收入由2012年的34.9亿元提高到40.2亿元，年均增长5.9%。'), [
    ['一般公共预算收入', 34.9, '亿元'],
    ['一般公共预算收入', 40.2, '亿元'],
    ['一般公共预算收入年均增长', 5.9, '%'],
  ]);
});

test('figures: a target’s completion in percent is a result (完成省定目标的100%)', () => {
  const f = extractFigures('实施三江源二期工程，完成省定目标的100%。', { part: 'review' });
  assert.equal(f[0].kind, 'result');
  assert.equal(extractFigures('实施三江源二期工程，完成省定目标的100%。')[0].kind, 'result');
  assert.equal(extractFigures('完成年度任务的105%。')[0].kind, 'result');
});

test('a headline’s document number before the title in 《》, or after it in brackets, is no part of the title', () => {
  const body = '\n\n省委、省政府：\n\n一、2023年度法治政府建设主要情况\n\n全年办理行政复议案件12件。\n\n二、下一步工作\n\n继续推进。\n';
  const r = read(`浙卫〔2024〕3号《浙江省卫生健康委关于2023年度法治政府建设情况的报告》\n\n浙江省卫生健康委关于2023年度法治政府建设情况的报告${body}`);
  assert.equal(r.title, '浙江省卫生健康委关于2023年度法治政府建设情况的报告');
  assert.equal(r.issuer, '浙江省卫生健康委员会');
  const after = read(`浙江省卫生健康委关于2023年度法治政府建设情况的报告（浙卫〔2024〕3号）${body}`);
  assert.equal(after.title, '浙江省卫生健康委关于2023年度法治政府建设情况的报告');
});

test('a site’s notes after a title: (全文29812字), /全文, 【优秀范文】', () => {
  const body = '\n\n各位代表：\n\n一、2021年工作回顾\n\n经济运行稳中向好。\n';
  assert.equal(read(`2022年新疆政府工作报告(全文29812字)${body}`).title, '2022年新疆政府工作报告');
  assert.equal(read(`黑龙江省2011年度政府信息公开工作报告/全文${body}`).title, '黑龙江省2011年度政府信息公开工作报告');
  assert.equal(read(`锡林浩特市2008年政府工作报告【优秀范文】${body}`).title, '锡林浩特市2008年政府工作报告');
});

test('a heading set out across its width with a note (政 府 工 作 报 告(2021年)), and a session line with no 在', () => {
  const r = read(
    `当前位置: 首页 > 政务公开 > 政府工作报告\n\n政 府 工 作 报 告(2021年)\n\n发布日期:2021-03-29 19:16\n\n政府工作报告\n\n  ——东乌珠穆沁旗第十五届人民代表大会第五次会议上\n\n  (2021年3月17日)\n\n各位代表:\n\n一、“十三五”时期和2020年工作回顾\n\n${PROSE}\n`,
  );
  assert.equal(r.title, '政府工作报告(2021年)');
  assert.equal(r.issuer, '东乌珠穆沁旗人民政府');
  assert.equal(r.year, 2021);
});

test('a province by its short name before 政府工作报告 is its government by its full name', () => {
  const body = '\n\n各位代表：\n\n一、2021年工作回顾\n\n经济运行稳中向好。\n';
  const issuers = ['新疆', '宁夏', '内蒙古', '西藏', '广西'].map((p) => read(`2022年${p}政府工作报告${body}`).issuer);
  assert.deepEqual(issuers, ['新疆维吾尔自治区人民政府', '宁夏回族自治区人民政府', '内蒙古自治区人民政府', '西藏自治区人民政府', '广西壮族自治区人民政府']);
});

test('a verb before 自治区 is no place (建立自治区人民政府规章库); the five regions are, and prefectures named without 族', () => {
  assert.equal(parseIssuer('建立自治区人民政府')?.units.length ?? 0, 0);
  assert.deepEqual(
    parseIssuer('新疆维吾尔自治区人民政府')?.units.map((u) => u.text),
    ['新疆维吾尔自治区'],
  );
  assert.deepEqual(
    parseIssuer('延边朝鲜族自治州人民政府')?.units.map((u) => u.text),
    ['延边朝鲜族自治州'],
  );
  assert.deepEqual(
    parseIssuer('伊犁哈萨克自治州人民政府')?.units.map((u) => u.text),
    ['伊犁哈萨克自治州'],
  );
  const r = read(
    '自治区人民政府办公厅2022年政府信息公开工作年度报告\n\n一、总体情况\n\n2022年，自治区人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导，全力推进政府信息公开工作。\n\n（一）主动公开全面落实。建立自治区人民政府规章库、规范性文件库。\n\n二、主动公开政府信息情况\n\n见下表。\n',
  );
  assert.equal(r.issuer, '自治区人民政府办公厅');
});

test('the 信息公开 template’s lead since 2021 (…(国办公开办函〔2021〕30 号)规定编制本报告) says what a title-less text is', () => {
  const r = read(
    '根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2021〕30 号)规定编制本报告。本报告主要包括总体情况、主动公开政府信息情况等六部分内容。报告所列数据期限为2023年1月1日至2023年12月31日。\n\n一、总体情况\n\n2023年，我局认真贯彻落实公开要求。\n',
    'gs_lcj2023.txt',
  );
  assert.equal(r.type, '政府信息公开工作年度报告');
});

test('a ministry’s or a commission’s 法治 report with no title: its lead says what it is', () => {
  const lead = (subject: string, first: string, second = '') =>
    `2022年，${subject}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，深入学习贯彻习近平法治思想${first}。${second}各项工作取得重要进展和成效。\n\n一、主要工作情况\n\n${PROSE}\n`;
  const sfb = read(lead('司法部', '，扎实推进法治政府建设'), 'sfb.txt');
  assert.equal(sfb.type, '法治政府建设工作报告');
  assert.equal(sfb.issuer, '司法部');
  // …or, after a sentence of guiding thoughts, the decisions on 法治政府建设 it carries out.
  assert.equal(read(lead('省卫生健康委', '', '坚决贯彻落实党中央、国务院关于法治政府建设的重大决策部署，'), 'gd.txt').type, '法治政府建设工作报告');
  // Not a bureau's summary of its year that names 法治政府建设 among its work in its second sentence.
  assert.notEqual(read(lead('市统计局', '', '坚持依法统计、依法治统，深入推进法治政府建设，'), 'tj.txt').type, '法治政府建设工作报告');
  // Not a work report's opening, whose subject is no body.
  assert.notEqual(read(lead('我们', '，扎实推进法治政府建设'), 'x.txt').type, '法治政府建设工作报告');
});

test('a communiqué’s chapter name run into its first sentence with no space (一、综合初步核算，…) is the chapter’s title', () => {
  const r = read(
    '2015年国民经济和社会发展统计公报\n\n一、综合初步核算，全年国内生产总值676708亿元，比上年增长6.9%。\n\n全年居民消费价格比上年上涨1.4%。\n\n二、农业全年粮食种植面积11334万公顷。\n\n全年粮食产量62144万吨。\n\n三、工业和建筑业\n\n全年全部工业增加值228974亿元。\n',
  );
  assert.deepEqual(
    r.outline.map((n) => `${n.label}${n.title}`),
    ['一、综合', '二、农业', '三、工业和建筑业'],
  );
  // The sentence stays the chapter's text, with its figures.
  assert.ok(r.paragraphs.some((p) => p.text.includes('676708亿元')));
  // A heading that is only a name, or a work report's heading that is no communiqué's name, is as it was.
  assert.equal(
    read(`2023年政府工作报告\n\n一、综合施策全年稳定经济大盘\n\n${PROSE}\n\n二、改革开放\n\n${PROSE}\n`).outline[0].title,
    '综合施策全年稳定经济大盘',
  );
});

test('figures: a change after a multiple or an excess over a plan is the quantity’s before them (年均递增 is a change)', () => {
  assert.deepEqual(brief('地区生产总值完成75亿元，是2003年的2.3倍，年均递增19.1%。'), [
    ['地区生产总值', 75, '亿元'],
    ['', 2.3, '倍'],
    ['地区生产总值年均递增', 19.1, '%'],
  ]);
  assert.deepEqual(brief('固定资产投资完成17亿元，超额完成年度任务2.1亿元，增长20.6%。')[2], ['固定资产投资增长', 20.6, '%']);
  // A multiple with a label of its own lends it, as any figure before does.
  assert.deepEqual(brief('全社会固定资产投资50亿元，增长30%，是上年的1.3倍。')[1], ['全社会固定资产投资增长', 30, '%']);
});

test('a 信息公开 report’s opening paragraph that names its year’s work with no comma (2021年城中区政务公开工作在…) gives the year', () => {
  const text = (first: string) =>
    `本年度报告是根据《中华人民共和国政府信息公开条例》要求，由城中区人民政府办公室编制而成。\n\n一、总体情况\n\n${first}\n\n（一）加强组织领导。及时调整领导小组。\n\n二、主动公开政府信息情况\n\n见下表。\n`;
  assert.equal(read(text('2021年城中区政务公开工作在区委区政府的正确领导下，取得新成效。'), 'neutral.txt').year, 2021);
  // Not a year that opens a sentence on something else.
  assert.equal(read(text('2021年以前的政府信息已全部归档，各部门积极配合。'), 'neutral.txt').year, null);
});

test('a communiqué’s chapter name set apart by a space from a sentence with a figure, or run into 根据…核算 or its year', () => {
  const r = read(
    '2020年六枝特区国民经济和社会发展统计公报\n\n2020年是极不平凡的一年。\n\n一、综合 根据六盘水市地区生产总值统一核算结果，2020年六枝特区地区生产总值133.64亿元。\n\n二、农业2020年，全年农林牧渔业增加值46.16亿元。\n\n三、工业 全年工业增加值10亿元。\n',
  );
  assert.deepEqual(
    r.outline.map((n) => `${n.label}${n.title}`),
    ['一、综合', '二、农业', '三、工业'],
  );
  // A work report's heading of two phrases has no figure: one heading.
  assert.equal(
    read(`2023年政府工作报告\n\n一、发展现代农业 推进乡村振兴\n\n${PROSE}\n\n二、改革开放\n\n${PROSE}\n`).outline[0].title,
    '发展现代农业 推进乡村振兴',
  );
});

test('a title run into its first sentence on one line; a repost’s page number after the title; (date speaker) is no title', () => {
  const one = read(
    '2020年六盘水市六枝特区国民经济和社会发展统计公报 2020年是近年来发展中极不平凡的一年，面对新冠肺炎疫情的严重冲击，全区经济稳定恢复。\n\n一、综合\n\n初步核算，全年地区生产总值133.64亿元。\n',
    'x.txt',
  );
  assert.deepEqual([one.title, one.year, one.issuer], ['2020年六盘水市六枝特区国民经济和社会发展统计公报', 2020, '六盘水市六枝特区']);
  assert.ok(one.paragraphs.some((p) => p.text.startsWith('2020年是近年来发展中极不平凡的一年')));
  assert.equal(
    read('楚雄州2015年国民经济和社会发展统计公报(4)\n\n一、综合\n\n初步核算，全年地区生产总值800亿元。\n').title,
    '楚雄州2015年国民经济和社会发展统计公报',
  );
  const hubei = read(
    `(2007年2月1日 罗清泉)\n\n各位代表：\n\n现在，我代表省人民政府向大会作政府工作报告，请予审议。\n\n一、2006年工作的回顾\n\n${PROSE}\n`,
    'x.txt',
  );
  assert.notEqual(hubei.title, '(2007年2月1日 罗清泉)');
  assert.equal(hubei.type, '政府工作报告');
});

test('a communiqué with no title whose first paragraph opens 经市统计局核定 under 一、综合 is typed so; 通过 leads no label', () => {
  const r = read('2018年，惠东县深入贯彻党的十九大精神。\n\n一、综合\n\n经市统计局核定，2018年全县实现地区生产总值(GDP)623.9亿元，比上年增长5.3%。\n', 'x.txt');
  assert.equal(r.type, '国民经济和社会发展统计公报');
  assert.deepEqual(brief('通过举办法治讲座4次，全年行政复议通过率95%。'), [
    ['法治讲座', 4, '次'],
    ['行政复议通过率', 95, '%'],
  ]);
});

test('a review of this pass’s rules: what they must leave alone', () => {
  const first = (t: string) => brief(t)[0];
  // A long clause after a count is cut for its noun only after a word that names what is counted, with no adverb left.
  assert.deepEqual(first('《浙江省“千万工程”条例》等12件地方性法规提请人大审议通过。'), ['', 12, '件']);
  assert.deepEqual(first('4个县乡土地二轮延包进入全国试点范围。'), ['', 4, '个']);
  assert.deepEqual(first('29名医护人员圆满完成驰援武汉任务。'), ['', 29, '名']);
  assert.deepEqual(first('42个源网荷储一体化试点加快推进建设。'), ['', 42, '个']);
  // A clause that ends within 12 characters keeps its noun, whatever characters it holds (都市, 再生).
  assert.deepEqual(first('建成5个都市现代农业园区投入运营。'), ['都市现代农业园区', 5, '个']);
  assert.deepEqual(first('新建3个再生资源分拣中心投入运营。'), ['再生资源分拣中心', 3, '个']);
  // 处 counts the noun after it, as 个 does.
  assert.deepEqual(first('有机串联531处国保单位和976个景区景点。'), ['国保单位', 531, '处']);
  // A level after 降为 is the level's (积累率由1978年的36.5％，降为33.6％).
  assert.deepEqual(brief('积累率由1978年的36.5%，降为33.6%。'), [
    ['积累率', 36.5, '%'],
    ['积累率', 33.6, '%'],
  ]);
  // A completion a modal word sets is a target.
  assert.equal(extractFigures('确保完成年度目标任务的100%。')[0].kind, 'target');
  // In a 法治 report, a chapter of measures to come (整改措施, 努力方向) plans: its 以上 and 以内 are targets.
  const r = read(
    '某区2023年法治政府建设年度报告\n\n一、法治政府建设水平持续提升\n\n全区执法人员持证率98%以上。\n\n二、存在问题的整改措施\n\n推动行政机关负责人出庭应诉率达到95%以上，行政复议纠错率保持在10%以内。\n',
  );
  assert.deepEqual(
    reportFigures(r).map((f) => [f.value, f.kind]),
    [
      [98, 'result'],
      [95, 'target'],
      [10, 'target'],
    ],
  );
  // 广西, 宁夏 and 新疆 before 自治区, as they are often written, are places.
  assert.deepEqual(
    parseIssuer('广西自治区人民政府')?.units.map((u) => u.text),
    ['广西自治区'],
  );
  assert.deepEqual(
    parseIssuer('宁夏自治区人民政府')?.units.map((u) => u.text),
    ['宁夏自治区'],
  );
});

test('ordinals standing alone under a chapter are its sections (第一，全国动员，大办农业); the （一） list under one is its text', () => {
  const file = (y: number) => {
    const name = `gwr-national-${y}.txt`;
    const r = importSource(name, readFileSync(`test/fixtures/series/national/${name}`)).reports[0];
    return r.outline.map((c) => `${c.label}${c.title}${c.children.length ? ` [${c.children.map((s) => s.label).join(' ')}]` : ''}`);
  };
  assert.deepEqual(file(1978), [
    '一、三年来的斗争和新时期的总任务',
    '二、把揭批“四人帮”的斗争进行到底',
    '三、加快社会主义经济建设 [第一， 第二， 第三， 第四， 第五， 第六，]',
    '四、繁荣社会主义科学教育文化事业',
    '五、加强政权建设，加强各族人民的大团结',
    '六、国际形势和我国对外政策',
  ]);
  // After a lead-in's colon (今年要着重抓好以下工作：), ordinals that each head paragraphs are its parts; the lessons of
  // 一、, sentences numbered 第一，…。, stay a list.
  assert.deepEqual(file(1998), [
    // Its eight heads that lost their bold and have no marker are its sections (unnumbered-sections.test.ts), the two
    // longer ones too (以建立社会主义市场经济体制为目标的改革取得重大突破，…; 社会主义民主和法制建设得到加强，…).
    '一、关于过去五年的政府工作 [       ]',
    '二、关于1998年政府工作的建议 [第一， 第二， 第三， 第四， 第五， 第六， 第七， 第八，]',
    '三、关于国际形势和外交工作',
  ]);
  // Ordinals that are sentences of a list under a section (2004's 第一，保护和提高粮食综合生产能力。 under 二、（二）) stay a list;
  // ordinals that open a chapter with no section after its lead-in's colon (2004's 三、: …以下几个方面： / 第一，推进政府职能
  // 转变。 / its paragraph) are its parts, as 1998's 二、's are.
  assert.ok(file(2004).every((c) => !c.includes('第一，') || c.startsWith('三、')));
  assert.deepEqual(file(2004), [
    '一、一年来工作回顾 [（一） （二） （三） （四） （五） （六）]',
    '二、2004年主要任务 [（一） （二） （三） （四） （五） （六） （七） （八） （九）]',
    '三、加强政府自身建设 [第一， 第二， 第三， 第四， 第五，]',
  ]);
});
