/**
 * Reports saved without their title line (a page's body text, a crawler's file named after the page's number):
 * what their lead sentence, first sentence and chapters say of them (src/core/structure/lead.ts), and how reports
 * with no issuer are grouped. Three real pages (test/fixtures/unseen/SOURCE.md), the rest as their openings read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { groupSeries, importSource, type Report } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const load = (name: string): Report => importSource(name, readFileSync(path.join(FIXTURES, 'unseen', name))).reports[0];
const read = (text: string, name = 'reports/t20230308_11726094.txt'): Report => importSource(name, enc(text)).reports[0];
const meta = (r: Report) => [r.title, r.issuer, r.year, r.type];

const P = '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面推进法治政府建设，取得明显成效。';
const S = '全年共审查行政规范性文件三十件，办理行政复议案件五十件，行政机关负责人出庭应诉率达到百分之百。';

test('上海市人民政府办公厅 2020 and 2022, pages saved without their titles: type from the lead, issuer from the first sentence under 一、总体情况; one series', () => {
  const a = load('dc2f6946248e4f5082644e0a17037633.txt');
  const b = load('article-184004.txt');
  assert.deepEqual(meta(a), ['2020年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2020, '政府信息公开工作年度报告']);
  assert.deepEqual(meta(b), ['2022年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2022, '政府信息公开工作年度报告']);
  assert.ok(a.diagnostics.some((d) => d.code === 'titleComposed'));
  const g = groupSeries([
    { source: 'a/dc2f6946248e4f5082644e0a17037633.txt', report: a },
    { source: 'b/article-184004.txt', report: b },
  ]);
  assert.deepEqual(
    g.series.map((s) => [s.key, s.reports.map((r) => r.year)]),
    [['上海市人民政府办公厅 · 政府信息公开工作年度报告', [2020, 2022]]],
  );
});

test('湖南省参事室 2010: 参事室 ends an issuer’s name (and 研究馆, 中心, 支队)', () => {
  assert.deepEqual(meta(load('t20140625_3263830.txt')).slice(1), ['湖南省参事室', 2010, '政府信息公开工作年度报告']);
  for (const [title, issuer] of [
    ['湖南省人民政府参事室2010年政府信息公开工作年度报告', '湖南省人民政府参事室'],
    ['湖南省文史研究馆2010年政府信息公开工作年度报告', '湖南省文史研究馆'],
    ['大庆市住房公积金管理中心2021年政府信息公开工作年度报告', '大庆市住房公积金管理中心'],
    ['深圳市公安局交通警察支队2021年政府信息公开工作年度报告', '深圳市公安局交通警察支队'],
  ])
    assert.equal(read(`${title}\n\n一、总体情况\n\n${S}\n`, 'x.txt').issuer, issuer, title);
});

test('no title line: the lead names the report (its issuer, year and type), or the first sentence its issuer, or the first chapter its type', () => {
  const rows: [string, string, (string | number | null)[]][] = [
    [
      'the report named in the lead, its issuer after the verb',
      `根据《中华人民共和国政府信息公开条例》，特向社会公布2015年度瑞安市发展和改革局政府信息公开年度报告。\n一、概述\n${S}\n二、主动公开政府信息情况\n${S}`,
      ['2015年瑞安市发展和改革局政府信息公开工作年度报告', '瑞安市发展和改革局', 2015, '政府信息公开工作年度报告'],
    ],
    [
      'the first sentence’s subject: a department',
      `2022年，深圳市司法局始终${P}\n一、2022年法治政府建设情况\n${S}`,
      ['2022年深圳市司法局法治政府建设工作报告', '深圳市司法局', 2022, '法治政府建设工作报告'],
    ],
    [
      '…a place after a 在…领导下 clause (its government)',
      `2019年，在省委、省政府和市委、市政府的正确领导下，南昌县全面${P}\n一、2019年推进法治政府建设情况\n${S}`,
      ['2019年南昌县人民政府法治政府建设工作报告', '南昌县人民政府', 2019, '法治政府建设工作报告'],
    ],
    [
      '…a central department, in traditional characters; the type from its first chapter',
      '2021年，司法部堅持以習近平新時代中國特色社會主義思想為指導，全面貫徹黨的十九大精神，深入學習貫徹習近平法治思想。\n一、加強黨對法治政府建設的領導\n全年共審查規範性文件三十件。',
      ['2021年司法部法治政府建设工作报告', '司法部', 2021, '法治政府建设工作报告'],
    ],
    [
      'the year of the first chapter that reports on one (the opening names none)',
      `通州区坚持${P}\n一、2022年法治政府建设主要举措和成效\n${S}\n二、2023年工作打算\n${S}`,
      ['2022年通州区人民政府法治政府建设工作报告', '通州区人民政府', 2022, '法治政府建设工作报告'],
    ],
    [
      'a collective (全市司法行政系统) or 我局 is no issuer: the type alone',
      `2022年，全市司法行政系统在市委、市政府的正确领导下，${P}\n一、2022年法治政府建设情况\n${S}`,
      ['2022年法治政府建设工作报告', null, 2022, '法治政府建设工作报告'],
    ],
    [
      'two of the 信息公开 template’s chapters name the report',
      `根据《条例》规定，编制我单位本年度报告。\n一、总体情况\n${S}\n二、主动公开政府信息情况\n${S}\n三、收到和处理政府信息公开申请情况\n${S}`,
      ['t20230308_11726094', null, null, '政府信息公开工作年度报告'],
    ],
    [
      'a plan is no report, whatever its chapters',
      `某县人民政府2019年工作计划\n一、加强法治政府建设的统筹领导\n${S}`,
      ['t20230308_11726094', null, 2019, null],
    ],
    [
      'a 政府工作报告’s 2018年工作回顾 gives no year to a text of no known type',
      `${P}\n一、2018年工作回顾\n${S}\n二、2019年工作安排\n${S}`,
      ['t20230308_11726094', null, null, null],
    ],
  ];
  for (const [slip, text, want] of rows) assert.deepEqual(meta(read(text)), want, slip);
});

test('a page’s number in a file name holds no year: t20230308_11726094 is no series “t0308_11726094”', () => {
  const r = read(`${P}\n${S}`, 't20230308_11726094.txt');
  const g = groupSeries([{ source: 't20230308_11726094.txt', report: { ...r, year: 2022 } }]);
  assert.equal(g.series[0].type, 't20230308_11726094');
});

test('reports with no issuer: one series while they lie in one folder; a series a folder when two folders hold different reports of one year (never each other’s copies)', () => {
  const lead = (year: number, body: string) =>
    `根据《中华人民共和国政府信息公开条例》，现将我局${year}年政府信息公开工作年度报告公布如下：\n一、总体情况\n${body}\n二、主动公开政府信息情况\n${body}${year}`;
  // Each file its own body's text.
  const at = (source: string, year: number) => ({ source, report: read(lead(year, `${source}：${S}`), source) });
  const one = groupSeries([at('bureau/2019.txt', 2019), at('bureau/2020.txt', 2020)]);
  assert.deepEqual(
    one.series.map((s) => [s.key, s.issuer, s.reports.map((r) => r.year)]),
    [['政府信息公开工作年度报告', null, [2019, 2020]]],
  );
  const two = groupSeries([at('hunan/a.txt', 2010), at('leshan/b.txt', 2010), at('leshan/c.txt', 2012)]);
  assert.deepEqual(
    two.series.map((s) => [s.key, s.issuer, s.members.map((m) => m.source)]),
    [
      ['hunan/ · 政府信息公开工作年度报告', null, ['hunan/a.txt']],
      ['leshan/ · 政府信息公开工作年度报告', null, ['leshan/b.txt', 'leshan/c.txt']],
    ],
  );
  assert.ok(!two.problems.some((p) => p.problem.code === 'duplicateReport'));
});

test('what the lead must not take (a review pass’s attacks): a Party committee, a central department a local report speaks of, a plan chapter’s year, a cited notice, a document that is no report', () => {
  const rows: [string, string, (string | number | null)[]][] = [
    [
      '县委县政府 is no issuer',
      `2022年，县委县政府始终${P}\n一、推进法治政府建设的主要举措和成效\n${S}`,
      ['2022年法治政府建设工作报告', null, 2022, '法治政府建设工作报告'],
    ],
    [
      'a central department in a local report (我市) is what it speaks of',
      `2022年，司法部深入推进法治政府建设示范创建活动，我市被命名为全国法治政府建设示范市。现将我市2022年法治政府建设情况报告如下：\n一、主要举措\n${S}`,
      ['2022年法治政府建设工作报告', null, 2022, '法治政府建设工作报告'],
    ],
    [
      'a plan chapter’s year is not the report’s; the opening’s year is',
      `2022年，在区委的坚强领导下，区政府始终${P}现将有关情况报告如下。\n一、推进法治政府建设的主要举措和成效\n${S}\n二、2023年工作重点\n${S}`,
      ['2022年法治政府建设工作报告', null, 2022, '法治政府建设工作报告'],
    ],
    [
      'a cited notice’s report is not this one: the clause that publishes it',
      `对照省政府办公厅关于做好2021年度政府信息公开工作年度报告的整改要求，现公布德清县2022年度政府信息公开工作年度报告。\n一、总体情况\n${S}`,
      ['德清县人民政府2022年政府信息公开工作年度报告', '德清县人民政府', 2022, '政府信息公开工作年度报告'],
    ],
    [
      '…nor is one only cited',
      `按照德清县人民政府办公室关于做好2022年度政府信息公开工作年度报告编制发布工作的通知要求，县交通运输局编制了本报告。\n一、工作概况\n${S}`,
      ['t20230308_11726094', null, null, null],
    ],
    [
      'an opening that only cites a programme or an outline (…和市委实施方案, 工作要点) reports all the same',
      `2022年，区政府紧紧围绕《法治政府建设实施纲要》和市委实施方案，狠抓落实年度法治政府建设工作要点，现将有关情况报告如下：\n一、2022年推进法治政府建设的主要举措和成效\n${S}`,
      ['2022年法治政府建设工作报告', null, 2022, '法治政府建设工作报告'],
    ],
    [
      'an outline of tasks is no report',
      `为深入推进法治政府建设，现就2023年工作提出如下要点。\n一、加强党对法治政府建设的领导\n${S}`,
      ['t20230308_11726094', null, null, null],
    ],
    [
      'a programme is no report',
      `为加快建设法治政府，结合我县实际，制定本方案。\n一、总体要求\n${S}\n二、加快推进法治政府建设的主要任务\n${S}`,
      ['t20230308_11726094', null, null, null],
    ],
    [
      'a notice with disclosure chapters is no disclosure report',
      `各乡镇、各部门：\n现就做好政府信息公开工作通知如下。\n一、进一步做好主动公开政府信息工作\n${S}\n二、规范依申请公开办理工作\n${S}`,
      ['t20230308_11726094', null, null, null],
    ],
  ];
  for (const [slip, text, want] of rows) assert.deepEqual(meta(read(text)), want, slip);
});

test('issuer-less reports in a folder a year are one series; different reports of one year in two folders are two bodies’, a copy in another folder is not', () => {
  const lead = (year: number, extra = '') =>
    `根据《中华人民共和国政府信息公开条例》，现将我局${year}年政府信息公开工作年度报告公布如下：\n一、总体情况\n${S}${extra}${year}`;
  const at = (source: string, year: number, extra = '') => ({ source, report: read(lead(year, extra), source) });
  const years = groupSeries([at('g/2021/report.txt', 2021), at('g/2022/report.txt', 2022), at('g/2023/report.txt', 2023)]);
  assert.deepEqual(
    years.series.map((s) => [s.key, s.reports.map((r) => r.year)]),
    [['政府信息公开工作年度报告', [2021, 2022, 2023]]],
  );
  // The same report in html/ and pdf/ (one paragraph more in one): a copy, one series.
  const copies = groupSeries([at('html/a.txt', 2022), at('pdf/a.txt', 2022, '。另有一段。'), at('html/b.txt', 2023)]);
  assert.deepEqual(
    copies.series.map((s) => [s.key, s.reports.map((r) => r.year)]),
    [['政府信息公开工作年度报告', [2022, 2023]]],
  );
});

test('issuer-less reports, two bodies’ of one year in one folder: each is a series of its own (never a copy of the other, nor chained to a third)', () => {
  const lead = (year: number, body: string) =>
    `根据《中华人民共和国政府信息公开条例》，现将我局${year}年政府信息公开工作年度报告公布如下：\n一、总体情况\n${body}\n二、主动公开政府信息情况\n${body}${year}`;
  const at = (source: string, year: number) => ({ source, report: read(lead(year, `${source}：${S}`), source) });
  const g = groupSeries([at('p/a.txt', 2015), at('p/b.txt', 2015), at('p/c.txt', 2016)]);
  assert.deepEqual(
    g.series.map((s) => [s.key, s.reports.map((r) => r.year)]),
    [
      ['p/a.txt · 政府信息公开工作年度报告', [2015]],
      ['p/b.txt · 政府信息公开工作年度报告', [2015]],
      ['p/c.txt · 政府信息公开工作年度报告', [2016]],
    ],
  );
  assert.ok(!g.problems.some((p) => p.problem.code === 'duplicateReport'));
  // Light reports (metadata only, as `annals align --jsonl` groups them): the same, never taken for copies.
  const light = (x: ReturnType<typeof at>) => ({ ...x, report: { ...x.report, paragraphs: [] } });
  const gl = groupSeries([light(at('p/a.txt', 2015)), light(at('p/b.txt', 2015))]);
  assert.equal(gl.series.length, 2);
});

test('issuer-less reports in a folder that holds two named bodies’ reports of their type (a collection) are each a series of their own, across folders too', () => {
  const lead = (year: number, body: string) =>
    `根据《中华人民共和国政府信息公开条例》，现将我局${year}年政府信息公开工作年度报告公布如下：\n一、总体情况\n${body}\n二、主动公开政府信息情况\n${body}${year}`;
  const at = (source: string, year: number) => ({ source, report: read(lead(year, `${source}：${S}`), source) });
  const named = (source: string, issuer: string, year: number) => ({
    source,
    report: read(`${issuer}${year}年政府信息公开工作年度报告\n一、总体情况\n${source}${S}\n二、主动公开政府信息情况\n${S}`, source),
  });
  const g = groupSeries([
    named('xxgk/a.txt', '芜湖市人民政府', 2017),
    named('xxgk/b.txt', '东丽区教育局', 2019),
    at('xxgk/c.txt', 2018),
    at('xxgk/d.txt', 2021),
    at('cq/e.txt', 2023),
  ]);
  assert.deepEqual(
    g.series.map((s) => [s.key, s.reports.map((r) => r.year)]).sort(),
    [
      ['政府信息公开工作年度报告', [2023]],
      ['xxgk/c.txt · 政府信息公开工作年度报告', [2018]],
      ['xxgk/d.txt · 政府信息公开工作年度报告', [2021]],
      ['东丽区教育局 · 政府信息公开工作年度报告', [2019]],
      ['芜湖市人民政府 · 政府信息公开工作年度报告', [2017]],
    ].sort(),
  );
  // One named body in the folder: its issuer-less reports still form one series (a body's folder); so do they when a
  // city's 人民政府 and its 办公室 sign its reports in turn (one place).
  const one = groupSeries([named('b/a.txt', '芜湖市人民政府', 2017), at('b/c.txt', 2018), at('b/d.txt', 2019)]);
  assert.ok(one.series.some((s) => s.issuer === null && s.reports.length === 2));
  const city = groupSeries([
    named('c/a.txt', '芜湖市人民政府办公室', 2022),
    named('c/b.txt', '芜湖市人民政府', 2023),
    at('c/c.txt', 2020),
    at('c/d.txt', 2021),
  ]);
  assert.ok(city.series.some((s) => s.issuer === null && s.reports.map((r) => r.year).join() === '2020,2021'));
});

test('a province’s department named without its province (司法厅, 省司法厅), in an opening that names one province: that province’s; a first chapter on 法治建设 is a 法治 report', () => {
  const a = read(
    '2021年，在省委省政府的正确领导下，省司法厅坚持以习近平法治思想为指导，全面推进法治江苏建设，为建设新江苏提供法治保障。全省各级司法行政机关认真履职。\n一、切实做好法治建设统筹推进工作\n全年共审查规范性文件一百件，各项任务全面完成。\n',
    'art_71910_10382138.txt',
  );
  assert.deepEqual([a.issuer, a.year, a.type], ['江苏省司法厅', 2021, '法治政府建设工作报告']);
  const b = read(
    `2021年，司法厅坚持以习近平法治思想为指导，推进平安四川、法治四川建设。${S}\n一、推进法治政府建设的主要举措和成效\n${S}\n`,
    '20220301175237159.txt',
  );
  assert.equal(b.issuer, '四川省司法厅');
  // Two provinces named: whose it is is not known.
  const c = read(`2021年，司法厅坚持以习近平法治思想为指导，推进法治四川建设，学习江苏经验。${S}\n一、推进法治政府建设的主要举措和成效\n${S}\n`, 'c.txt');
  assert.equal(c.issuer, null);
});
