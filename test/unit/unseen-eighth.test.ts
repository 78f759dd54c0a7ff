/**
 * An eighth pass over reports no one on the team had read (test/fixtures/unseen/SOURCE.md): work reports of
 * Shanghai's and Hangzhou's districts as pages store their openings, one of them a traditional mirror's copy.
 * Each assertion is what a reader of the file sees in it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { alignCorpus, importSource, type Report } from '../../src/core/index.ts';
import { FIXTURES, unseenReport } from './helpers.ts';

const load = unseenReport;
const read = (text: string): Report => importSource('t.txt', new TextEncoder().encode(text)).reports[0];

test('余杭区 2015: a column’s tag before the title (【余杭区招商】) is no part of it, and the issuer is read again', () => {
  const r = load('yuhang-165405_page3.txt');
  assert.deepEqual([r.title, r.issuer, r.year], ['2015年杭州市余杭区政府工作报告', '杭州市余杭区人民政府', 2015]);
  // A bullet, a list's number and a bracketed tag go too; a tag that is a body's name stays as the issuer.
  assert.equal(read('• 【淄博招商】2019年淄博市政府工作报告\n\n各位代表：\n\n一、2018年工作回顾\n\n过去一年。\n').title, '2019年淄博市政府工作报告');
  assert.equal(read('1. [報告] 2019年政府工作報告\n\n各位代表：\n\n一、2018年工作回顧\n\n過去一年。\n').title, '2019年政府工作報告');
  const named = read('【南湖区】2023年法治政府建设情况报告\n\n一、主要举措\n\n过去一年。\n');
  assert.equal(named.title, '南湖区2023年法治政府建设情况报告');
  assert.equal(named.issuer, '南湖区人民政府');
  // A tag before words that name no report is left (it may be the title's own), and so is one that says the page is about
  // the report (an infographic's, an explanation's).
  assert.equal(read('【图解】2017年芜湖市政府信息公开工作年度报告\n\n一、概述\n\n过去一年。\n').title, '【图解】2017年芜湖市政府信息公开工作年度报告');
  assert.equal(read('【通知】关于做好2023年工作的安排\n\n一、主要举措\n\n过去一年。\n').title?.startsWith('【通知】'), true);
});

test('闵行区 2018: the title and its session line on one line are the title and the session line (published, not in the title)', () => {
  const r = load('minhang-FF2F10D4.txt');
  assert.deepEqual([r.title, r.issuer, r.year], ['闵行区人民政府工作报告', '闵行区人民政府', 2018]);
  assert.equal(r.published?.slice(0, 10), '2018-01-16');
  assert.match(r.paragraphs[0].text, /^——2018年1月16日在闵行区第六届/);
  // A title with a dash and no session after it is whole.
  assert.equal(read('某县人民政府工作报告——摘要\n\n各位代表：\n\n一、2017年工作回顾\n\n过去一年。\n').title, '某县人民政府工作报告——摘要');
});

test('普陀区 2015–2017: the year set in traditional characters (a mirror’s copy) links to the years before and after it', () => {
  const reports = ['7333.txt', '15179.txt', '102846.txt'].map((f) => load(path.join('putuo', f)));
  assert.deepEqual(
    reports.map((r) => [r.issuer, r.year]),
    [
      ['上海市普陀区人民政府', 2015],
      ['上海市普陀区人民政府', 2016],
      ['上海市普陀区人民政府', 2017],
    ],
  );
  const al = alignCorpus(reports);
  const links = al.links.map((l) => [l.a.report.year, l.a.node.title, l.b.report.year, l.b.node.title]);
  assert.deepEqual(
    links.find((l) => l[0] === 2016),
    [2016, '2015年工作回顧', 2015, '2014年工作回顾'],
  );
  assert.deepEqual(
    links.find((l) => l[0] === 2017),
    [2017, '过去五年工作回顾', 2016, '2015年工作回顧'],
  );
});

test('道县 2021: a government site’s header lines run on into the title’s line; the title is a block of its own, the header chrome', () => {
  const r = load('00be4e3d7564492b966570d30ccbedd5.txt');
  assert.deepEqual([r.title, r.issuer, r.year, r.type], ['道县2021年国民经济和社会发展统计公报', '道县', 2021, '国民经济和社会发展统计公报']);
  const chrome = r.paragraphs.filter((p) => p.role === 'trailing').map((p) => p.text);
  assert.ok(chrome.includes('中央人民政府 湖南省人民政府 永州市人民政府'), chrome.join(' | '));
  // The text-size bar, a list item, is chrome too: not in the body.
  assert.ok(!r.paragraphs.some((p) => p.role === 'body' && /字体/.test(p.text)));
});

test('浦东新区 2022 on a forum: the poster’s card is chrome, and the post’s date is 发表于’s, not the poster’s check-in', () => {
  const r = load('quyushuju-tid61012.txt');
  assert.equal(r.title, '2022年上海市浦东新区政府工作报告');
  assert.equal(r.issuer, '上海市浦东新区人民政府');
  assert.equal(r.published, '2022-04-02T20:27:21');
  const body = r.paragraphs.filter((p) => p.role !== 'trailing').map((p) => p.text);
  for (const card of ['TA的每日心情', '签到天数', 'Rank:', '积分', '发表于']) assert.ok(!body.some((t) => t.includes(card)), card);
  // A card with a dated check-in (TA的每日心情 / 奋斗 / 2024-12-31 10:19) above the post's date line.
  const posted = read(
    '[山西] 2021年运城市盐湖区国民经济和社会发展统计公报\n\n[复制链接]\n• TA的每日心情\n奋斗\n2024-12-31 10:19\n• 签到天数: 1 天\n发表于 2022-8-7 08:55:50 | 显示全部楼层 |阅读模式\n\n一、综合\n\n初步核算，全年地区生产总值100亿元，比上年增长5%。\n',
  );
  assert.equal(posted.published, '2022-08-07T08:55:50');
});

test('a 信息公开 page that opens at 一、总体情况: the template’s first sentence under it gives the type, its 统计期限 the year', () => {
  const r = read(
    '一、总体情况\n本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)的要求进行编制。本报告中所列数据的统计期限自2023年1月1日起至12月31日止。\n(一)主动公开政府信息情况\n2023年区政府办主动公开信息158条。\n(二)依申请公开情况\n2023年，区政府办共受理政府信息公开申请0件。\n',
  );
  assert.deepEqual([r.type, r.year, r.title], ['政府信息公开工作年度报告', 2023, '2023年政府信息公开工作年度报告']);
});

test('浦东新区 2024: a table of contents with no 目录 over it before the title heads nothing, and the title after it is found', () => {
  const r = load('2633803.txt');
  assert.deepEqual([r.title, r.issuer, r.year], ['2024年浦东新区政府工作报告', '浦东新区人民政府', 2024]);
  assert.deepEqual(
    r.outline.map((n) => `${n.label}${n.title}`),
    ['一、2023年工作回顾'],
  );
  assert.ok(r.outline[0].line > 30, 'the chapter in the text, not the contents');
  // Three headings in a row at the start are a report's, not contents (a page whose first chapter opens with sections).
  const short = read('一、总体情况\n（一）主动公开\n（二）依申请公开\n本年度共主动公开信息120条，其中政策文件12件。\n二、存在的问题\n公开质量有待提高。\n');
  assert.equal(short.outline[0].children.length, 2);
});

test('海淀区 2010 and 2017 on disclosure pages: the fields (a cell a line too) are the page’s, and the report’s own title beats the covering notice’s', () => {
  for (const [file, year, first] of [
    ['haidian/t20210319_4457358.txt', 2010, '2009年工作回顾'],
    ['haidian/t20170104_1333271.txt', 2017, '一、五年工作回顾'],
  ] as const) {
    const r = load(file);
    assert.deepEqual([r.title, r.issuer, r.year], ['政府工作报告', '海淀区人民政府', year], file);
    assert.equal(`${r.outline[0].label ?? ''}${r.outline[0].title}`, first, file);
    const body = r.paragraphs.filter((p) => p.role !== 'trailing').map((p) => p.text);
    for (const field of ['索引号', '信息名称', '内容概述', '载体类型']) assert.ok(!body.some((t) => t.startsWith(field)), `${file}: ${field}`);
  }
  // A notice with no report's title after it keeps its own.
  const notice = read(
    '北京市海淀区人民政府印发2017年政府工作报告的通知\n\n各镇政府：\n\n2017年《政府工作报告》已经审议通过，现予印发，请认真贯彻落实。\n\n特此通知。\n',
  );
  assert.equal(notice.title, '北京市海淀区人民政府印发2017年政府工作报告的通知');
});

test('communiqués with no title line: the place of the opening’s Party committee and government, 一、综合 over the year’s accounts; a heading set apart from its run-in sentence', () => {
  const hengyang = read(
    '2022年是党的二十大召开之年。衡阳县委、政府全面贯彻落实省市各级工作部署，县域经济和社会发展保持总体平稳。\n\n一、综合\n\n初步核算，全年实现地区生产总值(GDP)420.77亿元，同比增长5.2%。\n\n二、农业\n\n全年粮食播种面积110万亩。\n',
  );
  assert.deepEqual([hengyang.issuer, hengyang.year, hengyang.type], ['衡阳县', 2022, '国民经济和社会发展统计公报']);
  // 一、综合 alone (a page cut after it), over 初步核算…地区生产总值: a communiqué; a wider body named later is not the place.
  const liangqing = read(
    '2023年，是全面贯彻党的二十大精神的开局之年。一年来，良庆区党委、政府坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实自治区党委、政府和南宁市委、市政府部署要求。\n\n一、综合\n\n初步核算，2023年地区生产总值(GDP)4207422万元，同比增长2.6%。\n',
  );
  assert.deepEqual([liangqing.issuer, liangqing.year, liangqing.type], ['良庆区', 2023, '国民经济和社会发展统计公报']);
  // A heading set apart by a space from the sentence it runs into.
  const runIn = read(
    '2023年某县国民经济和社会发展统计公报\n\n一、综合 经济总体回升向好。初步核算，全年地区生产总值100亿元。\n\n二、农业 农业生产稳定发展。全年粮食产量10万吨。\n',
  );
  assert.deepEqual(
    runIn.outline.map((n) => n.title),
    ['综合', '农业'],
  );
  // Not a heading whose words a PDF spaced out (坚持 创新驱动 发展).
  const gaps = read('某县2024年政府工作报告\n\n一、2023年工作回顾\n\n（一）坚持 创新驱动 发展。我们推动产业升级，成效明显。\n');
  assert.notEqual(gaps.outline[0].children[0]?.title, '坚持');
});

test('a review of the rules above: an empty field takes no value, a notice alone keeps its title, a sentence above a two-line title is no signature, tags already in the title', () => {
  const fixture = (name: string) => importSource(name, readFileSync(path.join(FIXTURES, 'review', name))).reports[0];
  // 备注 with nothing under it but the report's first chapter (written for this test, after a real page's fields).
  const stacked = fixture('stacked-empty-field.txt');
  assert.equal(stacked.title, '朝阳区民政局2023年政府信息公开工作年度报告');
  assert.deepEqual(
    stacked.outline.slice(0, 2).map((n) => `${n.label}${n.title}`),
    ['一、总体情况', '二、主动公开政府信息情况'],
  );
  // A notice published alone, its report an attachment: the notice is the document.
  const notice = fixture('notice-alone.txt');
  assert.equal(notice.title, '北京市海淀区人民政府关于印发2017年政府工作报告的通知');
  assert.equal(notice.issuer, '北京市海淀区人民政府');
  // A sentence above an issuer line and its title (本报告由区司法局汇总…。): the two lines are one title.
  const lead = fixture('lead-above-title.txt');
  assert.equal(lead.title, '某某市某某区人民政府关于2023年法治政府建设情况的报告');
  // A tag the title repeats, and a tag that is the year.
  assert.equal(read('【吴兴区】吴兴区2023年政府信息公开工作年度报告\n\n一、总体情况\n\n过去一年。\n').issuer, '吴兴区人民政府');
  const year = read('【2023年度】长兴县人民政府政府信息公开工作年度报告\n\n一、总体情况\n\n过去一年，我们推进政务公开。\n');
  assert.deepEqual([year.issuer, year.year], ['长兴县人民政府', 2023]);
});

test('issuers from a lead: a contact sentence (请与深圳市龙岗区…联系) is no issuer’s words, 现公开 is a verb; a government titling its communiqué is its place', () => {
  const longgang = read(
    '根据《中华人民共和国政府信息公开条例》，现将龙岗区2025年政府信息公开工作年度报告进行公布。内容涵盖2025年1月1日至12月31日期间政府信息公开工作情况。如对本报告有异议，请与深圳市龙岗区政府信息公开办公室联系。\n\n一、总体情况\n\n2025年，龙岗区持续贯彻落实《条例》。\n',
  );
  assert.ok(['龙岗区人民政府', '深圳市龙岗区人民政府'].includes(longgang.issuer ?? ''), String(longgang.issuer));
  const open = read(
    '根据《中华人民共和国政府信息公开条例》的规定，现公开龙岗区司法局2009年信息公开工作年度报告。\n\n一、概述\n\n数据统计截至2009年12月31日。\n',
  );
  assert.equal(open.issuer, '龙岗区司法局');
  const yichun = read('2024年江西省宜春市人民政府国民经济和社会发展统计公报\n\n一、综合\n\n初步核算，全年地区生产总值3800亿元，比上年增长5%。\n');
  assert.equal(yichun.issuer, '江西省宜春市');
});

test('a byline’s 来源单位 is a field (its 发布时间 dates the page); an opening on a body’s year of 推进法治某地建设 is a 法治 report’s', () => {
  const luan = read(
    '首页 > 信息公开 > 市政府办(政府外事办)信息公开年报\n\n六安市人民政府办公室2020年政府信息公开工作年度报告\n\n来源单位:市政府办(政府外事办) 发布时间:2021-01-20 08:39 访问量:\n\n本报告依据《中华人民共和国政府信息公开条例》编制。\n\n一、总体情况\n\n2020年，市政府办全面贯彻落实新《条例》。\n',
  );
  assert.equal(luan.published, '2021-01-20T08:39:00');
  const longgang = read(
    '2023年，龙岗区司法局坚持以习近平新时代中国特色社会主义思想为指导，忠诚履行司法行政机关推进法治龙岗建设的职责使命，为龙岗高质量发展提供坚强法治保障。\n\n一、2023年工作情况\n\n（一）加强政治引领，全面依法治区制度机制日益健全\n\n全年召开区委全面依法治区委员会会议2次。\n',
  );
  assert.deepEqual([longgang.type, longgang.issuer, longgang.year], ['法治政府建设工作报告', '龙岗区司法局', 2023]);
});

test('a session subtitle with no 在 after its date gives the issuer and year; a speaker’s line is no title; a resolution’s adoption line is no session', () => {
  const weiyang = read(
    '政 府 工 作 报 告\n——2014年1月26日西安市未央区第十六届\n人民代表大会第四次会议\n区长 吴智民\n各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议。\n一、过去一年工作回顾\n2013年,区政府在市委、市政府的领导下推动发展。\n',
  );
  assert.deepEqual([weiyang.issuer, weiyang.year], ['西安市未央区人民政府', 2014]);
  const shenyang = read(
    '沈阳市人民政府市长 吕志成\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作。\n\n一、2023年工作回顾\n\n过去一年，我们推动发展。\n',
  );
  assert.deepEqual([shenyang.title, shenyang.issuer, shenyang.year], ['2024年沈阳市人民政府工作报告', '沈阳市人民政府', 2024]);
  const resolution = read(
    '龙岗区第七届人民代表大会第三次会议关于龙岗区人民政府工作报告的决议\n\n(2023年1月13日龙岗区第七届人民代表大会第三次会议通过)\n\n龙岗区第七届人民代表大会第三次会议听取和审议了区长所作的政府工作报告，决定批准这个报告。\n',
  );
  assert.equal(resolution.issuer, null);
});

test('a review of the latest rules: parallel phrases of a heading stay one title, a list ending in 法治建设 makes no 法治 report, a resolution or a news title is no session line', () => {
  const heading = read('某县2024年政府工作报告\n\n一、2023年工作回顾\n\n（一）聚焦项目建设 推动经济量质齐升。全年实施重点项目120个，完成投资85亿元。\n');
  assert.equal(heading.outline[0].children[0].title, '聚焦项目建设 推动经济量质齐升');
  const list = read(
    '2023年，金水区人民政府在市委、市政府和区委的坚强领导下，坚持稳中求进工作总基调，统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设和法治建设，全区经济社会保持平稳健康发展。\n\n一、2023年工作回顾\n\n全年地区生产总值增长5%。\n',
  );
  assert.notEqual(list.type, '法治政府建设工作报告');
  const resolution = read(
    '商丘市第六届人民代表大会第四次会议关于政府工作报告的决议\n\n——2024年1月12日商丘市第六届人民代表大会第四次会议通过\n\n商丘市第六届人民代表大会第四次会议听取和审议了市长所作的政府工作报告。\n',
  );
  assert.equal(resolution.issuer, null);
  const news = read('2024年1月15日商丘市第六届人民代表大会第四次会议开幕\n\n本报讯 1月15日上午，商丘市第六届人民代表大会第四次会议开幕。\n');
  assert.equal(news.year, 2024);
});

test('national work reports give their year from the text: 刚刚过去的1987年 deep in a five-year review, a review opening with its year', () => {
  for (const y of [1987, 1988, 1993, 2002, 2006]) {
    // Under a name with no year: the text alone must give it.
    const r = importSource('report.txt', readFileSync(path.join(FIXTURES, 'series', 'national', `gwr-national-${y}.txt`))).reports[0];
    assert.equal(r.year, y, String(y));
    assert.equal(r.meta.from.year, 'text', String(y));
  }
});
