import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Report, seriesKey } from '../../src/core/index.ts';
import { containedIn, parseIssuer, sameIssuer, typeOfTitle } from '../../src/core/series/index.ts';
import { fromText } from './helpers.ts';
import { fixture, only, seriesGold } from './seriesFixtures.ts';

const text = (t: string, name = 'report.txt'): Report => fromText(t, name).reports[0];
const codes = (r: Report) => r.diagnostics.map((d) => d.code);

test('every fixture report: issuer, year, type and series as the text says (84 reports: national, 20 provinces in two forms, other kinds)', () => {
  const gold = seriesGold();
  assert.equal(gold.reports.length, 84);
  const wrong: string[] = [];
  for (const g of gold.reports) {
    const [e, ...more] = fixture(g.source);
    assert.equal(more.length, 0, `${g.source} holds one report`);
    const r = e.report;
    const got = { issuer: r.issuer, year: r.year, type: r.type, series: seriesKey(r) };
    const want = { issuer: g.issuer, year: g.year, type: g.type, series: g.series };
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${g.source}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  assert.deepEqual(wrong, []);
});

test('web text: the title is the first line that names the report, after the page chrome; the chrome is removed before the structure, and said', () => {
  const r = only('2026/2026_天津市_政府工作报告.txt');
  assert.equal(r.title, '2026年天津市政府工作报告');
  assert.equal(r.meta.from.title, 'text');
  const buttons = ['下载', '打印', '全屏', '收藏', '下载打印全屏收藏', '【字号：', '加大', '还原', '减小', '】', '来源：天津日报'];
  assert.deepEqual(
    r.paragraphs.filter((p) => buttons.includes(p.text)).map((p) => p.text),
    [],
    'the buttons, the font-size links and the 来源 line are not report text',
  );
  assert.ok(r.paragraphs[0].text.startsWith('——2026年1月26日在天津市第十八届人民代表大会'), 'the report starts with its session line');
  assert.ok(!r.paragraphs.some((p) => p.text === '2026年天津市政府工作报告'), 'the title line is the title, not a paragraph');
  const note = r.diagnostics.find((d) => d.code === 'chromeRemoved');
  assert.equal(note?.args?.[0], '12');
  assert.match(note?.args?.[1] ?? '', /^下载 · 打印 · 全屏 · 收藏 · 【字号： · 加大 …$/);
  // A photo caption before the title (贵州), a site's navigation (宁夏), 分享: (陕西).
  assert.equal(only('2026/2026_贵州省_政府工作报告.txt').title, '政府工作报告');
  assert.equal(only('2026/2026_宁夏回族自治区_政府工作报告.txt').title, '2026年宁夏回族自治区政府工作报告');
  assert.equal(only('2026/2026_陕西省_政府工作报告.txt').title, '陕西省2026年政府工作报告');
});

test('the text wins over the file name: a Word file named 洛阳 2023 holds 黔东南州’s 2016 communiqué', () => {
  const r = only('other/2023年洛阳市国民经济和社会发展统计公报.txt');
  assert.equal(r.title, '黔东南苗族侗族自治州2016年国民经济和社会发展统计公报', 'a title over two lines: the issuer, then the year and type');
  assert.equal(r.issuer, '黔东南苗族侗族自治州');
  assert.equal(r.year, 2016);
  assert.equal(r.type, '国民经济和社会发展统计公报');
  assert.deepEqual(r.meta.from, { title: 'text', issuer: 'text', year: 'text', type: 'text' });
  assert.ok(!codes(r).some((c) => /FromFileName/.test(c ?? '')), 'the file name was not used');
});

test('the file name is the last resort, and a diagnostic says when it was used', () => {
  const body = '\n\n一、加强组织领导\n\n全年召开常务会议专题研究法治政府建设。\n';
  const named = text(`某县人民政府法治政府建设工作报告${body}`, '2017-report.txt');
  assert.equal(named.year, 2017);
  assert.equal(named.meta.from.year, 'fileName');
  assert.deepEqual(named.diagnostics.find((d) => d.code === 'yearFromFileName')?.args, ['2017']);
  const both = text(`某县人民政府2018年度法治政府建设工作报告${body}`, '2017-report.txt');
  assert.equal(both.year, 2018);
  assert.ok(!codes(both).includes('yearFromFileName'));
  // The national files: the year from the text where it gives one, else from the name, said so.
  const n1978 = only('national/gwr-national-1978.txt');
  assert.equal(n1978.year, 1978);
  assert.equal(n1978.meta.from.year, 'fileName');
  assert.ok(codes(n1978).includes('yearFromFileName'));
  const n1985 = only('national/gwr-national-1985.txt');
  assert.equal(n1985.year, 1985, '刚刚过去的１９８４年: the report of 1985');
  assert.equal(n1985.meta.from.year, 'text');
  const n1998 = only('national/gwr-national-1998.txt');
  assert.equal(n1998.meta.from.year, 'text', '二、关于1 9 9 8 年政府工作的建议');
});

test('issuer: one name for 四川省政府, 四川省人民政府 and 省人民政府 inside a report of 四川, with the variants kept', () => {
  const r = text(
    [
      '2025年四川省政府工作报告',
      '——2025年1月15日在四川省第十四届人民代表大会第三次会议上',
      '四川省人民政府省长 施小琳',
      '各位代表：',
      '现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。',
      '2024年工作回顾',
      '过去一年，全省经济运行稳中有进，地区生产总值增长5.7%，城乡居民收入稳步增长，各项社会事业全面进步。',
      '2025年工作安排建议',
      '今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业85万人以上。',
    ].join('\n'),
  );
  assert.equal(r.issuer, '四川省人民政府');
  assert.deepEqual(r.meta.issuerVariants, ['四川省政府', '四川省人民政府', '省人民政府']);
  assert.equal(r.year, 2025);
  assert.equal(r.type, '政府工作报告');
  // The same with a title that names no issuer: the session line, the speaker, the address.
  const bare = text(
    ['政府工作报告', '（2026年1月27日在四川省第十四届人民代表大会第四次会议上）', '省长 施小琳', '各位代表：', '现在，我代表省人民政府向大会报告工作。'].join(
      '\n',
    ),
  );
  assert.equal(bare.issuer, '四川省人民政府');
  assert.equal(bare.year, 2026, 'a 政府工作报告 is the report of the year it is delivered');
  assert.equal(seriesKey(bare), seriesKey(r));
});

test('issuer: the national files (no title line, 各位代表) are 国务院’s, from the address or, in 1985, the government they name', () => {
  for (const y of [1978, 1985, 2003, 2019]) {
    const r = only(`national/gwr-national-${y}.txt`);
    assert.equal(r.issuer, '国务院', String(y));
    assert.equal(r.type, '政府工作报告', String(y));
  }
  assert.ok(codes(only('national/gwr-national-1985.txt')).includes('issuerFromMentions'));
  assert.ok(!codes(only('national/gwr-national-2019.txt')).includes('issuerFromMentions'));
  // 2017 has a title line (政府工作报 / 告) and the session line of the 全国人民代表大会.
  const t2017 = only('national/gwr-national-2017.txt');
  assert.equal(t2017.title, '政府工作报告');
  assert.equal(seriesKey(t2017), '国务院 · 政府工作报告');
  // A budget report addressed to the congress is not a 政府工作报告.
  const budget = text('各位代表：\n\n受国务院委托，现将2024年中央和地方预算执行情况与2025年中央和地方预算草案提请十四届全国人大三次会议审议。\n');
  assert.notEqual(budget.type, '政府工作报告');
});

test('issuer: 洪泽区人民政府 and 淮安市洪泽区人民政府; the wider place is read from the opening', () => {
  const a = only('other/hzq2023_working.txt');
  const b = only('other/hzq2024_working.txt');
  // Shown without the space the PDF's text has around its year (the id is made from the line as written).
  assert.equal(a.title, '洪泽区人民政府2023年政府信息公开工作年度报告');
  assert.equal(a.issuer, '淮安市洪泽区人民政府', '本报告由淮安市洪泽区人民政府办公室…');
  assert.deepEqual(a.meta.issuerVariants, ['洪泽区人民政府']);
  assert.equal(b.issuer, '淮安市洪泽区人民政府');
  assert.equal(seriesKey(a), seriesKey(b));
});

test('the year a report covers, by its type', () => {
  // 法治政府建设: the year reviewed. Dated in January: the year before; in December: that year.
  const early = text('某县人民政府关于法治政府建设工作情况的报告\n\n一、加强组织领导\n\n全年召开常务会议研究法治政府建设。\n\n某县人民政府\n\n2019年1月10日\n');
  assert.equal(early.type, '法治政府建设工作报告');
  assert.equal(early.year, 2018);
  const late = text('某县人民政府关于法治政府建设工作情况的报告\n\n一、加强组织领导\n\n全年召开常务会议研究法治政府建设。\n\n某县人民政府\n\n2018年12月20日\n');
  assert.equal(late.year, 2018);
  // 政府信息公开: the statistics period.
  const open = text(
    '某区人民政府政府信息公开工作年度报告\n\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n\n一、总体情况\n\n全年主动公开政府信息1136条。\n',
  );
  assert.equal(open.type, '政府信息公开工作年度报告');
  assert.equal(open.year, 2023);
  // 统计公报: the year it reports on, a year before the date it carries.
  const stats = text('某市国民经济和社会发展统计公报\n\n某市统计局\n\n2024年3月16日\n\n一、综合\n\n全年地区生产总值增长5%。\n');
  assert.equal(stats.type, '国民经济和社会发展统计公报');
  assert.equal(stats.year, 2023);
  assert.equal(stats.issuer, '某市');
  // The same date line after a dash or in brackets (a 法治政府建设 report with no year in its title).
  for (const line of ['——2017年3月16日', '（2017年3月16日）']) {
    const dated = text(`某区人民政府关于法治政府建设工作情况的报告\n\n${line}\n\n一、加强领导\n\n全年办理行政复议案件20件。\n`);
    assert.equal(dated.year, 2016, line);
  }
  // 政府工作报告: the year delivered, from the session line or the headings (review of 2018 → 2019).
  const gwr = text('各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议。\n\n一、2018年工作回顾\n\n过去一年经济运行保持在合理区间。\n', 'notes.txt');
  assert.equal(gwr.year, 2019);
  assert.equal(gwr.meta.from.year, 'text');
  // A title broken over two lines.
  const split = text('某县人民政府关于2018年度\n法治政府建设情况的报告\n\n一、加强领导\n\n正文。\n');
  assert.equal(split.title, '某县人民政府关于2018年度法治政府建设情况的报告');
  assert.equal(split.issuer, '某县人民政府');
  assert.equal(split.year, 2018);
});

test('report types: 政府工作报告 from a news site and from a government site are one type; a title outside the table is its own type', () => {
  for (const t of ['2026年天津市政府工作报告', '政府工作报告', '陕西省2026年政府工作报告', '2025年宁夏政府工作报告'])
    assert.equal(typeOfTitle(t), '政府工作报告', t);
  assert.equal(typeOfTitle('佛山市南海区人民政府2018年度法治政府建设工作报告', '佛山市南海区人民政府'), '法治政府建设工作报告');
  assert.equal(typeOfTitle('南海区2018年法治政府建设年度报告', '南海区'), '法治政府建设工作报告');
  assert.equal(typeOfTitle('关于2018年度法治政府建设情况的报告'), '法治政府建设工作报告');
  assert.equal(typeOfTitle('2023 年周口市国民经济和社会发展统计公报'), '国民经济和社会发展统计公报');
  assert.equal(typeOfTitle('国务院办公厅关于2018年政府信息公开工作的报告', '国务院办公厅'), '政府信息公开工作年度报告');
  assert.equal(typeOfTitle('某市卫生健康事业发展统计公报', '某市'), '卫生健康事业发展统计公报');
  assert.equal(typeOfTitle('南海区卫生健康局2018年工作总结', '南海区卫生健康局'), '工作总结');
  assert.equal(typeOfTitle('购物清单'), null);
});

test('issuer names: places by level and suffix, 政府 is 人民政府, containment, autonomous names and their short form', () => {
  const units = (s: string) => parseIssuer(s)?.units.map((u) => u.text);
  assert.deepEqual(units('杭州市西湖区人民政府'), ['杭州市', '西湖区']);
  assert.deepEqual(units('济南市市中区人民政府'), ['济南市', '市中区']);
  assert.deepEqual(units('荆州市沙市区人民政府'), ['荆州市', '沙市区']);
  assert.deepEqual(units('宁夏回族自治区人民政府'), ['宁夏回族自治区']);
  assert.equal(parseIssuer('四川省政府')?.org, '人民政府');
  assert.equal(parseIssuer('中华人民共和国国务院')?.org, '国务院');
  assert.equal(parseIssuer('省人民政府')?.levelOnly, '省');
  assert.equal(parseIssuer('国家统计局黔东南调查队'), null);
  assert.equal(parseIssuer('全市人民政府'), null, '我市, 全省, 本县 point at a place and name none');
  assert.deepEqual(units('全州县人民政府'), ['全州县']);
  const n = (s: string) => parseIssuer(s)!;
  assert.ok(sameIssuer(n('四川省政府'), n('四川省人民政府')));
  assert.ok(sameIssuer(n('黔东南州统计局'), n('黔东南苗族侗族自治州统计局')));
  assert.ok(!sameIssuer(n('和县人民政府'), n('和静县人民政府')), 'a longer name is a short form only when what follows names ethnic groups');
  assert.ok(containedIn(n('洪泽区人民政府'), n('淮安市洪泽区人民政府')));
  assert.ok(!containedIn(n('洪泽区人民政府'), n('淮安市洪泽区人民政府办公室')), 'another organisation');
  assert.ok(!containedIn(n('长沙县人民政府'), n('长沙市人民政府')), 'another level');
});
