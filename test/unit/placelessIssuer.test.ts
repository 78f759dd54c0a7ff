/**
 * A department whose title names it with a level and no place (市市场监督管理局, 县司法局), as county and city
 * departments' 信息公开 and 法治 reports print it on their own sites: the report's place comes from its text (the
 * department written with its place, its publisher line, its contact), so two cities' 市市场监督管理局 reports are
 * two series, not one report and its copy. And 市场 after a place is the department's, not a second 市
 * (湖州市市场监督管理局 is 湖州市's 市场监督管理局).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupSeries, importSource, type Report } from '../../src/core/index.ts';
import { parseIssuer } from '../../src/core/series/index.ts';

const report = (name: string, text: string): Report => {
  const r = importSource(name, Buffer.from(text)).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};

const disclosure = (title: string, body: string, closing = '') =>
  `${title}\n\n本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n\n一、总体情况\n\n${body}\n\n二、主动公开政府信息情况\n\n全年主动公开信息120条。\n\n三、收到和处理政府信息公开申请情况\n\n全年收到申请3件。\n${closing}`;

test('a place before 市场监督管理局, 市政… is the place; a level and a department with no place waits for one', () => {
  const units = (s: string) => parseIssuer(s)?.units.map((u) => u.text);
  assert.deepEqual(units('湖州市市场监督管理局'), ['湖州市']);
  assert.equal(parseIssuer('湖州市市场监督管理局')?.org, '市场监督管理局');
  assert.deepEqual(units('杭州市西湖区市场监督管理局'), ['杭州市', '西湖区']);
  assert.deepEqual(units('沙市区市场监督管理局'), ['沙市区']);
  assert.equal(parseIssuer('北京市市政市容管理委员会')?.org, '市政市容管理委员会');
  // 市政府 and 市政务… are the place's 市 and its government or 政务 body.
  assert.deepEqual(units('沁阳市政务服务和大数据管理局'), ['沁阳市']);
  assert.deepEqual(units('某市政府办公室'), ['某市']);
  // Places that open with a level's character are still places.
  assert.deepEqual(units('济南市市中区人民政府'), ['济南市', '市中区']);
  assert.deepEqual(units('荆州市沙市区人民政府'), ['荆州市', '沙市区']);
  // A level and a department: the report's place of that level, found in context.
  for (const [s, level, org] of [
    ['市市场监督管理局', '市', '市场监督管理局'],
    ['县司法局', '县', '司法局'],
    ['区教育局', '区', '教育局'],
    ['市民政局', '市', '民政局'],
    ['县人力资源和社会保障局', '县', '人力资源和社会保障局'],
    ['市政务服务数据管理局', '市', '政务服务数据管理局'],
  ]) {
    assert.deepEqual(parseIssuer(s), { units: [], levelOnly: level, org }, s);
  }
  // No government body, or no level at all.
  for (const s of ['市委办公室', '县人大常委会', '县纪委', '市场监督管理局', '区域发展局', '市政法委员会']) assert.equal(parseIssuer(s), null, s);
});

test('two cities’ 市市场监督管理局 reports of one year: each takes its place from its text, two series', () => {
  const huzhou = report(
    'a.txt',
    disclosure('市市场监督管理局2022年政府信息公开工作年度报告', '2022年，湖州市市场监督管理局认真贯彻落实《中华人民共和国政府信息公开条例》。'),
  );
  const shaoxing = report(
    'b.txt',
    disclosure(
      '市市场监督管理局2022年政府信息公开工作年度报告',
      '2022年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。',
      '\n如对本报告有任何疑问，请与绍兴市市场监督管理局办公室联系。\n',
    ),
  );
  assert.equal(huzhou.issuer, '湖州市市场监督管理局');
  assert.equal(shaoxing.issuer, '绍兴市市场监督管理局');
  const d = huzhou.diagnostics.find((x) => x.code === 'issuerPlaceFromMentions');
  assert.deepEqual(d?.args, ['市市场监督管理局', '湖州市市场监督管理局']);
  const g = groupSeries([
    { source: 'a.txt', report: huzhou },
    { source: 'b.txt', report: shaoxing },
  ]);
  assert.equal(g.series.length, 2);
  assert.ok(g.series.every((s) => s.members.length === 1 && s.members[0].copies.length === 0));
});

test('a 法治 report of 县司法局 whose lead names the county’s 司法局; the most named place wins; with none, as written', () => {
  const pingyang = report(
    'c.txt',
    '县司法局2022年法治政府建设工作报告\n\n2022年，在县委、县政府的坚强领导下，平阳县司法局坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设。\n\n一、主要举措和成效\n\n（一）完善制度。平阳县司法局修订了3项制度，温州市司法局给予指导。\n\n二、存在的问题\n\n基层力量薄弱。\n',
  );
  assert.equal(pingyang.issuer, '平阳县司法局');
  assert.equal(pingyang.year, 2022);
  // A city's 司法局 is named too, but the title's level is a county's.
  const none = report(
    'd.txt',
    '县教育局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，在县委、县政府的坚强领导下，教育局认真做好政府信息公开工作。\n\n二、主动公开政府信息情况\n\n全年主动公开信息56条。\n',
  );
  // No place anywhere: the department as written (one county's folder stays one series), and a diagnostic says what
  // another county's reports would do.
  assert.equal(none.issuer, '县教育局');
  assert.deepEqual(none.diagnostics.find((x) => x.code === 'issuerNoPlace')?.args, ['县教育局']);
});

test('the publisher line under a place-less title names the place', () => {
  const r = report(
    'e.txt',
    disclosure('市市场监督管理局2022年政府信息公开工作年度报告', '2022年，我局认真贯彻落实条例。').replace('\n\n本报告', '\n湖州市市场监督管理局\n\n本报告'),
  );
  assert.equal(r.issuer, '湖州市市场监督管理局');
});

const placeOf = (title: string, body: string) => report('x.txt', disclosure(title, body)).issuer;

test('a review’s regressions: no clause before the place, no district read as a level, no superior or listed subordinate', () => {
  // The words before a department are not its place (本报告由…, 根据…要求, with an ASCII comma; 请与…; a verb before it).
  assert.equal(placeOf('区市场监督管理局2022年政府信息公开工作年度报告', '本报告由重庆市永川区市场监督管理局依据《条例》编制。'), '重庆市永川区市场监督管理局');
  assert.equal(
    placeOf('县市场监督管理局2022年政府信息公开工作年度报告', '根据黄龙县人民政府办公室《关于做好年度报告工作的通知》要求,黄龙县市场监督管理局编制本报告。'),
    '黄龙县市场监督管理局',
  );
  assert.equal(placeOf('区司法局2022年政府信息公开工作年度报告', '如有疑问，请与区司法局办公室联系。'), '区司法局');
  assert.equal(placeOf('县司法局2022年法治政府建设年度报告', '我局组织执法人员赴安吉县司法局学习考察。'), '县司法局');
  assert.equal(placeOf('区统计局2023年政府信息公开工作年度报告', '根据《条例》规定,现公布区统计局2023年政府信息公开工作年度报告。'), '区统计局');
  // 市中区, 市南区: districts, not a 市 and a department; the signature of one names it.
  assert.deepEqual(
    parseIssuer('市南区教育和体育局')?.units.map((u) => u.text),
    ['市南区'],
  );
  assert.deepEqual(
    parseIssuer('市中区司法局')?.units.map((u) => u.text),
    ['市中区'],
  );
  // A title that names a district's body keeps it as written (not 青岛市南区… with the district's 市 lost).
  assert.equal(placeOf('市南区教育和体育局2022年政府信息公开工作年度报告', '如有疑问，请与青岛市市南区教育和体育局办公室联系。'), '市南区教育和体育局');
  // A superior named in passing, subordinates listed: the body that speaks as itself (2022年，…) wins.
  assert.equal(
    placeOf(
      '市司法局2022年政府信息公开工作年度报告',
      '2022年，瑞安市司法局认真贯彻落实《条例》。温州市司法局对我局政务公开工作给予通报表扬。温州市司法局政务公开专栏同步公开本报告。',
    ),
    '瑞安市司法局',
  );
  assert.equal(
    placeOf('市市场监督管理局2022年政府信息公开工作年度报告', '2022年，诸暨市市场监督管理局、嵊州市市场监督管理局获评省级示范单位。'),
    '市市场监督管理局',
  );
  // A city under a city: the last 市 of the chain.
  assert.equal(placeOf('市市场监督管理局2022年政府信息公开工作年度报告', '如有疑问，请与绍兴市诸暨市市场监督管理局办公室联系。'), '绍兴市诸暨市市场监督管理局');
});

test('names that read as places: 市政数局 and 市政协 keep their 市; 城市管理局, 住房和城乡建设局 hold no place; 人力社保局; 局局', () => {
  const units = (s: string) => parseIssuer(s)?.units.map((u) => u.text);
  assert.deepEqual(units('佛山市政数局'), ['佛山市']);
  assert.equal(parseIssuer('佛山市政数局')?.org, '政数局');
  assert.deepEqual(units('赣州市城市管理局'), ['赣州市']);
  assert.deepEqual(units('岐山县住房和城乡建设局'), ['岐山县']);
  assert.deepEqual(units('古城乡人民政府'), ['古城乡']);
  assert.deepEqual(units('晋城市城区市场监督管理局'), ['晋城市', '城区']);
  assert.equal(parseIssuer('绍兴市上虞区人力社保局')?.org, '人力资源和社会保障局');
  assert.equal(parseIssuer('麒麟区自然资源局局')?.org, '自然资源局');
  // The contact names the department with no place, the text once with it (a budget's name in brackets).
  assert.equal(
    placeOf(
      '2022年政府信息公开工作年度报告',
      '我局高度重视政府信息公开工作。如对本年度报告有任何疑问,请与县住房和城乡建设局办公室联系。法定公开4条(岐山县住房和城乡建设局2020年部门决算说明)。',
    ),
    '岐山县住房和城乡建设局',
  );
});

test('a report on its year whose opening says first what it answers (根据…部署,2023年,清波街道…): that year', () => {
  const r = report(
    'report.txt',
    '根据中共中央《全面深化法治领域改革纲要(2023—2027年)》提出“实行法治建设年度报告制度”,以及市、区对法治建设工作的具体部署,2023年,清波街道以深入学习贯彻习近平法治思想为核心,全面深入开展法治政府建设。现对2023年所做工作总结如下:\n\n一、推进法治建设的主要举措和突出成效\n\n（一）强化组织领导。街道党工委定期研究法治工作。\n\n二、存在的不足\n\n基层法治力量不足。\n\n三、下一步工作安排\n\n持续推进法治建设。\n',
  );
  assert.equal(r.year, 2023);
  assert.equal(r.issuer, '清波街道办事处');
  // A work report's year stays the one it is delivered in: the clause rule is for reports on a year's work.
  const gwr = report(
    'gwr.txt',
    '政府工作报告\n\n各位代表：\n\n根据会议安排,2022年,我市经济运行总体平稳。\n\n一、2022年工作回顾\n\n略。\n\n二、2023年工作安排\n\n略。\n',
  );
  assert.equal(gwr.year, 2023);
});
