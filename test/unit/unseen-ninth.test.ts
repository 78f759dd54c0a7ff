/**
 * A ninth pass over reports no one on the team had read (helpers' reading of department and township 信息公开 and 法治
 * reports, pages from 范文 and mirror sites, and the State Council's reports as a collection stores them, a report a line;
 * 2026-11-30). Each text is the lines as the page had them, cut to what matters; names and figures are the reports' own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignCorpus, importSource } from '../../src/core/index.ts';
import { PROSE, readReport } from './helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const S = PROSE;
const read = readReport;

test('a 信息公开 page that opens at 一、总体情况: the lead sentence under it names body, year and type (现编制《…》, 现将…向社会公布)', () => {
  const a = read(
    'bdjd_1.txt',
    `一、总体情况\n根据《中华人民共和国政府信息公开条例》的要求,北杜街道依法依规开展2023年政府信息工作,现编制《北杜街道办事处2023年政府信息公开工作年度报告》。\n(一)主动公开\n${S}\n`,
  );
  assert.deepEqual(a.meta.slice(0, 4), ['北杜街道办事处2023年政府信息公开工作年度报告', '北杜街道办事处', 2023, '政府信息公开工作年度报告']);
  const b = read(
    '252ea607.txt',
    `一、总体情况\n根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,现将进贤县市场监督管理局2022年政府信息公开工作年度报告向社会公布。\n${S}\n`,
  );
  assert.deepEqual(b.meta.slice(0, 4), ['进贤县市场监督管理局2022年政府信息公开工作年度报告', '进贤县市场监督管理局', 2022, '政府信息公开工作年度报告']);
});

test('a lead whose subject comes after 根据…要求, and acts by 结合, 现向社会公开, 特编制; a 政务公开工作年度报告 is a 信息公开 report', () => {
  const a = read(
    '1615234821120872450.txt',
    `根据黄龙县人民政府办公室《关于做好2022年政府信息公开年度报告的通知》要求,黄龙县市场监督管理局结合单位实际,编制本单位2022年度政务公开工作年度报告。\n一、总体情况\n${S}\n`,
  );
  assert.deepEqual(a.meta.slice(1, 4), ['黄龙县市场监督管理局', 2022, '政府信息公开工作年度报告']);
  const b = read(
    'art_13666_1717088.txt',
    `根据《中华人民共和国政府信息公开条例》要求,岐山县教育体育局现向社会公开《2023年政府信息公开工作年度报告》。本报告数据统计时限为2023年1月1日至12月31日。\n一、总体情况\n${S}\n`,
  );
  assert.deepEqual(b.meta.slice(1, 4), ['岐山县教育体育局', 2023, '政府信息公开工作年度报告']);
  const c = read(
    'art_1229445040.txt',
    `一、总体情况\n根据《中华人民共和国政府信息公开条例》的要求,绍兴市越城区东湖街道特编制2023年政府信息公开年度报告。\n(一)加大公开力度\n${S}\n`,
  );
  assert.deepEqual(c.meta.slice(1, 4), ['绍兴市越城区东湖街道办事处', 2023, '政府信息公开工作年度报告']);
});

test('a title that names no body: the body on the line under it, or the lead, is the issuer; a heading’s words it cites are not', () => {
  const a = read(
    'index.txt',
    `2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2022年政府信息公开工作年度报告\n一、总体情况\n2022年,松木塘镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。\n${S}\n`,
  );
  // The title names the body too (the eleventh pass: the line under a title that names none is its issuer's).
  assert.deepEqual(a.meta.slice(0, 4), ['桃江县松木塘镇人民政府2022年政府信息公开工作年度报告', '桃江县松木塘镇人民政府', 2022, '政府信息公开工作年度报告']);
});

test('an office’s contacts over the text (办公时间:…, 联系电话:…) are chrome, and its 工作机构名称 is the issuer; 总体情况 over the 条例 is a 信息公开 report', () => {
  const r = read(
    'art_1229326077_3791565.txt',
    `工作机构名称:东阳市市场监督管理局\n办公地址:东阳市人民北路3号\n办公时间:工作日上班时间8:30——12:00;13:30——17:00(节假日、公休日除外,季节性办公时间调整见市政府公告)\n联系电话:0579-86633395\n传真电话:0579-86633395\n一、总体情况\n2020年,我局在市委市政府的正确领导下,认真贯彻实施《中华人民共和国政府信息公开条例》,全年主动公开政府信息6.5万余条。\n`,
  );
  assert.deepEqual(r.meta.slice(0, 4), ['2020年东阳市市场监督管理局政府信息公开工作年度报告', '东阳市市场监督管理局', 2020, '政府信息公开工作年度报告']);
  assert.ok(!r.texts.some((t) => /办公时间|联系电话|传真/.test(t)), r.texts.join(' | '));
});

test('a disclosure row with 分 类 is the page’s fields; the lead’s whole name (现公布泰州市人民政府2017年…) is the title', () => {
  const r = read(
    'zwinkt_art_46355_1634538.txt',
    `索 引 号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 综合政务,文秘工作 其他 |\n发布机构 | 市政府办 | 发文日期 | 2018-02-28 |\n文 号 | 有 效 性 |\n根据《中华人民共和国政府信息公开条例》规定,现公布泰州市人民政府2017年政府信息公开工作年度报告。报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n一、主要工作概述\n${S}\n`,
  );
  assert.deepEqual(r.meta, ['泰州市人民政府2017年政府信息公开工作年度报告', '泰州市人民政府', 2017, '政府信息公开工作年度报告', '2018-02-28']);
  // Composed with no lead name: the year between the two 政府.
  const s = read('np_1779102018.txt', `本报告由南平市人民政府信息公开工作领导小组办公室根据《中华人民共和国政府信息公开条例》要求编制而成。\n一、概述\n${S}\n`);
  assert.equal(s.meta[3], '政府信息公开工作年度报告');
  assert.match(String(s.meta[0]), /南平市人民政府(?:19|20)?\d*年?政府信息公开工作年度报告$/);
  assert.match(String(s.meta[1]), /南平市人民政府$/);
});

test('a site’s search box (选择特殊符号, 请输入搜索) is chrome; the old template’s first chapter (政府信息公开总体工作情况) names the type', () => {
  const r = read(
    'zjtcn_2013.txt',
    `选择特殊符号\n选择搜索类型\n请输入搜索\n一、政府信息公开总体工作情况\n(一)组织机构建设情况。市政府进一步理顺了政府信息公开工作管理体制。\n(二)《指南》和《目录》的更新、完善情况。${S}\n`,
  );
  assert.equal(r.meta[3], '政府信息公开工作年度报告');
  assert.ok(!r.texts.some((t) => /特殊符号|搜索/.test(t)), r.texts.join(' | '));
});

test('a 范文 site’s note to its readers (下面是小编…供大家参考) and the lead-in it closes are chrome; a session line behind ?? keeps its day', () => {
  const a = read(
    'xuncaibao.txt',
    `2023年区五年法治政府建设工作情况报告\n\n下面是小编为大家整理的2023年区五年法治政府建设工作情况报告,供大家参考。\n\n一、抬高政治站位,统筹推进法治政府建设\n${S}\n`,
  );
  assert.ok(!a.texts.some((t) => /小编/.test(t)), a.texts.join(' | '));
  const b = read(
    'xindetihuiya.txt',
    `关于广州市政府工作报告\n广州市十五届人大一次会议1月5日开幕,广州市长温国辉作政府工作报告称,2017年广州市地区生产总值增长的预期目标为8%左右。下面是小编收集整理的2017年广州市政府工作报告,欢迎阅读参考!\n??2017年1月5日在广州市第十五届人民代表大会第一次会议上\n市长温国辉\n各位代表:\n现在,我代表广州市人民政府向大会报告工作。\n一、过去五年工作回顾\n${S}\n`,
  );
  assert.equal(b.meta[4], '2017-01-05');
  assert.ok(!b.texts.some((t) => /小编/.test(t)), b.texts.join(' | '));
  // A session over two days: its first.
  const c = read(
    '1981.txt',
    `政府工作报告\n——1981年11月30日和12月1日在第五届全国人民代表大会第四次会议上\n各位代表：\n现在，我代表国务院向大会报告工作。\n一、当前的经济形势\n${S}\n二、今后经济建设的方针\n${S}\n`,
  );
  assert.equal(c.meta[4], '1981-11-30');
});

test('a report stored on one line with its paragraphs’ indents (　　) and tabs: cut at them, its chapters and sections found', () => {
  const para = (s: string) => `　　${s}`;
  const body = '过去的一年，是我国发展进程中重要而非同寻常的一年，是改革开放和社会主义现代化建设取得显著成就的一年。'.repeat(4);
  const line = [
    '2004年政府工作报告——2004年3月5日在第十届全国人民代表大会第二次会议上\t\t            ',
    '国务院总理温家宝',
    para('各位代表：'),
    para('一、一年来工作回顾'),
    para(body),
    para('（一）采取果断措施，集中力量抗击非典'),
    para(body),
    para('（二）适时适度调控，促进经济平稳快速发展'),
    para(body),
    para('二、２００４年主要任务'),
    para(body),
    para('（一）加强和改善宏观调控，保持经济平稳较快发展'),
    para(body),
    para('（二）巩固和加强农业基础地位，实现农民增收'),
    para(body),
  ].join('');
  const r = read('gov_reports.txt', `${line}\n`);
  const tree = r.outline.map((n) => [n.label, n.children.map((c) => c.label)]);
  assert.deepEqual(tree, [
    ['一、', ['（一）', '（二）']],
    ['二、', ['（一）', '（二）']],
  ]);
  assert.deepEqual(r.meta.slice(1, 3), ['国务院', 2004]);
});

test('the State Council’s plan chapters of 1998–2003 (对今年政府工作的建议) are plans: their sections are linked to the next year’s review', () => {
  const employment = '扩大就业再就业，完善社会保障体系，城镇新增就业人员，下岗失业人员再就业，基本养老保险，失业保险，最低生活保障。';
  const farming = '增加农民收入，粮食生产，农业结构调整，农村税费改革，农业基础设施建设，扶贫开发，农村劳动力转移。';
  const report = (year: number, chapters: string[][]) =>
    importSource(
      `gwr-national-${year}.txt`,
      enc(
        `${year}年政府工作报告\n——${year}年3月5日在第十届全国人民代表大会第一次会议上\n各位代表：\n现在，我代表国务院向大会报告工作。\n${chapters.flat().join('\n')}\n`,
      ),
    ).reports[0];
  const r2003 = report(2003, [
    ['一、过去五年政府工作的回顾', S, '二、对今年政府工作的建议', S],
    ['（一）进一步做好扩大就业和社会保障工作', employment.repeat(2), '（二）促进农业和农村经济全面发展', farming.repeat(2)],
  ]);
  const r2004 = report(2004, [
    ['一、一年来工作回顾', S],
    ['（一）关心群众生活，做好就业和社会保障工作', employment.repeat(2), '（二）农业和农村工作得到加强', farming.repeat(2)],
    ['二、2004年主要任务', S],
  ]);
  const links = alignCorpus([r2003, r2004]).planResult.map((p) => [p.plan.node.title, p.result.map((r) => r.chapter.node.title)]);
  assert.deepEqual(links, [
    ['进一步做好扩大就业和社会保障工作', ['关心群众生活，做好就业和社会保障工作']],
    ['促进农业和农村经济全面发展', ['农业和农村工作得到加强']],
  ]);
});

test('a title that names no body over its publisher’s line: that line first, before a lead that could misread a verb (按照县委、政府…)', () => {
  const r = read(
    '長順縣2016年.txt',
    `2016年国民经济和社会发展统计公报\n长顺县统计局\n2017年5月20日\n2016年,面临复杂严峻的经济形势,按照县委、政府的部署要求,认真践行五大新发展理念。\n一、综合\n初步核算,全年地区生产总值529757万元,比上年增长13.1%。\n二、农业\n全年粮食产量10万吨。\n`,
  );
  assert.deepEqual(r.meta.slice(1, 4), ['长顺县', 2016, '国民经济和社会发展统计公报']);
  // With no publisher's line, 按照 is no place of a Party committee: no issuer is better than 按照县.
  const bare = read(
    'x.txt',
    `2016年国民经济和社会发展统计公报\n2016年,面临复杂严峻的经济形势,按照县委、政府的部署要求,认真践行五大新发展理念。\n一、综合\n初步核算,全年地区生产总值529757万元。\n二、农业\n全年粮食产量10万吨。\n`,
  );
  assert.notEqual(bare.meta[1], '按照县');
});

test('a review of the ninth pass’s rules: a part headed by a year or a quote keeps its chapters; a salutation is no part', () => {
  const text = (second: string) =>
    `某某县2023年法治政府建设情况报告\n2023年，某某县坚持以习近平新时代中国特色社会主义思想为指导，深入推进法治政府建设。现将有关情况报告如下。\n主要举措和成效\n一、加强党的领导\n县委常委会专题研究法治政府建设工作4次。\n二、深化行政审批制度改革\n全年取消行政许可事项12项。\n${second}\n一、行政执法规范化水平有待提高\n部分执法人员素质不高。\n二、法治宣传教育仍需加强\n宣传方式单一。\n`;
  for (const second of ['2023年法治政府建设存在的不足', '“十四五”以来存在的问题']) {
    const tree = read('m5.txt', text(second)).outline.map((n) => [n.kind, n.partKind ?? '', n.title, n.children.length]);
    assert.deepEqual(tree, [
      ['part', 'review', '主要举措和成效', 2],
      ['part', 'other', second, 2],
    ]);
  }
  // A bare 各位代表 after the last chapter, between two sentences, is no part.
  const speech = read(
    'twn.txt',
    `某某镇人民政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作。\n过去一年工作回顾\n一、经济发展稳中有进\n${S}\n二、民生保障持续加强\n${S}\n2024年工作安排\n一、全力推动产业发展\n${S}\n二、持续改善人居环境\n一是改造危房50户。\n各位代表\n新的一年，让我们奋力谱写新篇章！\n`,
  );
  assert.ok(!speech.outline.some((n) => n.title === '各位代表'), JSON.stringify(speech.outline.map((n) => n.title)));
});

test('a review of the ninth pass’s rules: 编制 of a 编办’s name is no verb; a portal’s 发布机构 or 信息来源 is no issuer', () => {
  const a = read(
    'bb5.txt',
    `一、总体情况\n2023年，澧县机构编制委员会办公室坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》。\n${S}\n`,
  );
  assert.equal(a.meta[1], '澧县机构编制委员会办公室');
  const b = read(
    'pub2.txt',
    `信息来源：澧县数据资源局\n2023年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n2023年，我县坚持依法公开。\n${S}\n`,
  );
  assert.equal(b.meta[1], null);
  const c = read(
    'pub1.txt',
    `发布机构：澧县人民政府办公室\n2023年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n2023年，我县坚持依法公开。\n${S}\n`,
  );
  assert.equal(c.meta[1], null);
});

test('a forum post’s raw BBCode reads as its text: title, chapters and figures', () => {
  const post =
    '[align=center][size=3][b]20[/b][b]22[/b][b]年闻喜县国民经济和社会发展统计公报[/b][/size][/align][align=center][size=3]闻喜县统计局[/size][/align]' +
    '[align=left][size=3]  一、[b]综  合[/b][/size][/align][align=left][size=3]  2022年,全县地区生产总值(GDP)完成2252248万元,同比增长6.4%。[img]https://bbs.example/a.jpg[/img][/size][/align]' +
    '[align=left][size=3]  二、[b]农  业[/b][/size][/align][align=left][size=3]  全年粮食产量24.5万吨。[/size][/align]';
  const r = importSource('tid200344.txt', enc(post)).reports[0];
  assert.deepEqual([r.title, r.issuer, r.year, r.type], ['2022年闻喜县国民经济和社会发展统计公报', '闻喜县', 2022, '国民经济和社会发展统计公报']);
  assert.deepEqual(
    r.outline.map((n) => n.title),
    ['综合', '农业'],
  );
  assert.ok(!r.paragraphs.some((p) => /\[|bbs\.example/.test(p.text)), r.paragraphs.map((p) => p.text).join(' | '));
  // Brackets that are no tags ([1], [注]) stay.
  assert.ok(importSource('n.txt', enc('某县2022年统计公报\n地区生产总值[1]100亿元。[注]初步核算。\n')).reports[0].text.includes('[1]'));
});

test('a second review: a BBCode table’s cells, 编制 in a lead, a 来源 or 发布机构 that names the body a text speaks as (我局)', () => {
  const table = importSource(
    't.txt',
    enc(
      '某县2022年统计公报\n[table][tr][td]指标[/td][td]数值(亿元)[/td][td]比上年增长(%)[/td][/tr][tr][td]地区生产总值[/td][td]256.3[/td][td]5.6[/td][/tr][/table][b]注[/b][b]：[/b][b]初步核算[/b]\n',
    ),
  ).reports[0];
  assert.ok(
    table.paragraphs.some((p) => p.text === '地区生产总值 256.3 5.6'),
    table.paragraphs.map((p) => p.text).join(' | '),
  );
  const lead = read(
    'a.txt',
    `根据《中华人民共和国政府信息公开条例》规定，东阳市统计局编制年度报告如下。\n一、总体情况\n2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。${S}\n`,
  );
  assert.equal(lead.meta[1], '东阳市统计局');
  const source = read(
    'b.txt',
    `发布时间：2024-03-28 来源：深圳市司法局 字号：大 中 小\n2023年法治政府建设年度报告\n2023年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入推进法治政府建设。\n一、主要工作\n${S}\n`,
  );
  assert.equal(source.meta[1], '深圳市司法局');
  const publisher = read(
    'c.txt',
    `索引号：11440300/2024-001\n发布机构：深圳市龙华区民政局\n生成日期：2024-01-20\n2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局坚持依法公开。${S}\n`,
  );
  assert.equal(publisher.meta[1], '深圳市龙华区民政局');
});

test('county pages: contents before the session line, a title run into its session and speaker, a title dated in December, a footnote’s wrapped line, a sharing site’s junk tokens', () => {
  const contents = read(
    'doc_2631734.txt',
    `一、2018年工作回顾\n二、2019年主要任务\n(一)巩固提升脱贫成果\n(二)深入实施乡村振兴战略\n(三)持续扩大有效投资\n(四)加快发展工业和民营经济\n(五)大力发展现代服务业\n(六)扎实推进新型城镇化建设\n(七)坚决打好污染防治攻坚战\n(八)全面深化改革开放\n(九)大力保障改善民生\n三、加强政府自身建设\n——2019年1月3日在舒城县第十七届人民代表大会第三次会议上\n县人民政府县长 张秀萍\n各位代表:\n现在,我代表县人民政府,向大会报告政府工作,请予审议。\n一、2018年工作回顾\n${S}\n二、2019年主要任务\n${S}\n`,
  );
  assert.deepEqual(contents.meta.slice(1, 5), ['舒城县人民政府', 2019, '政府工作报告', '2019-01-03']);
  const runIn = read(
    'art_11213.txt',
    `政府工作报告—2021年7月29日在围场满族蒙古族自治县第八届人民代表大会第一次会议上自治县人民政府代理县长 孙立良\n各位代表:\n现在,我代表自治县人民政府向大会报告工作,请予审议。\n一、过去五年发展成就和2021年上半年工作回顾\n${S}\n`,
  );
  assert.equal(runIn.meta[4], '2021-07-29');
  const december = read(
    'huadong_2434.txt',
    `(安徽省)全椒县人民政府工作报告(2021年12月26日)\n2021年12月26日在县第十七届人民代表大会第一次会议上\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n一、过去五年工作回顾\n${S}\n`,
  );
  assert.deepEqual(december.meta.slice(1, 3), ['全椒县人民政府', 2022]);
  const wrapped = read(
    'ms_last.txt',
    `2021年某县人民政府工作报告\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n一、2020年工作回顾\n${S}\n二、2021年工作安排\n${S}\n三、加强政府自身建设\n${S}\n我们要落实过紧日子\n[9] 要求,建设人民满意政府。\n各位代表,让我们奋力谱写新篇章!\n`,
  );
  assert.ok(!wrapped.outline.some((n) => n.kind === 'part'), JSON.stringify(wrapped.outline.map((n) => n.title)));
  const tokens = read(
    'gongwensou_28572.txt',
    `(河北省)2017年蠡县人民政府工作报告(全文)\n政府工作报告pbY\npbY\n2017年2月22日在蠡县第十七届人民代表大会第一次会议上pbY\npbY\n蠡县人民政府代县长都建华pbY\n各位代表:pbY\n现在,我代表县人民政府向大会报告工作。pbY\n一、过去五年工作回顾pbY\n${S}pbY\n`,
  );
  assert.deepEqual(tokens.meta.slice(1, 5), ['蠡县人民政府', 2017, '政府工作报告', '2017-02-22']);
  assert.equal(tokens.outline[0]?.title, '过去五年工作回顾');
  assert.ok(!tokens.texts.some((t) => t.includes('pbY')), tokens.texts.join(' | '));
});

test('法治 reports of cities and departments: 依法行政工作报告 is the same yearly report, a genre field a line is chrome, 发布日期 over 成文日期, 2025年以来 and 我委', () => {
  const old = read('rdgb_1298.txt', `省人民政府关于2014年依法行政工作报告\n甘肃省人民政府副秘书长 白文晖\n一、2014年依法行政工作情况\n${S}\n`);
  assert.equal(old.meta[3], '法治政府建设工作报告');
  const genre = read(
    'dazu.txt',
    `[ 索引号 ] 11500111MB15011811/2026-00005\n[ 主题分类 ] 卫生\n[ 体裁分类 ] 工作报告\n[ 发布机构 ] 大足区卫生健康委\n[ 发布日期 ] 2026-01-13\n[ 成文日期 ] 2026-01-10\n重庆市大足区卫生健康委员会 关于2025年法治政府建设情况的报告\n2025年，区卫生健康委坚持以习近平法治思想为指导，深入推进法治政府建设。\n一、主要举措和成效\n${S}\n`,
  );
  assert.deepEqual(genre.meta, [
    '重庆市大足区卫生健康委员会 关于2025年法治政府建设情况的报告',
    '重庆市大足区卫生健康委员会',
    2025,
    '法治政府建设工作报告',
    '2026-01-13',
  ]);
  const written = read(
    'wsjkw.txt',
    `[ 成文日期 ] 2021-01-11 [ 发布日期 ] 2021-01-19\n重庆市卫生健康委员会关于2020年法治政府建设情况的报告\n2020年，市卫生健康委坚持依法行政。\n一、主要举措和成效\n${S}\n`,
  );
  assert.equal(written.meta[4], '2021-01-19');
  const since = read(
    't20260108.txt',
    `市委、市政府:\n2025年以来,在市委、市政府的精心指导下,我委紧扣法治政府建设总体目标,扎实推进各项工作。现将本年度工作情况报告如下:\n一、主要工作\n${S}\n`,
  );
  assert.deepEqual(since.meta.slice(2, 4), [2025, '法治政府建设工作报告']);
});

test('a third review: notes with a term open notes after a signature or a date; an institution’s measures; units in a caption; 规模以上 indices; unit tokens stay', () => {
  const notes = read(
    'notes-c.txt',
    `2024年某市人民政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2023年工作回顾\n${S}\n二、2024年工作安排\n${S}\n某市人民政府\n2024年1月20日\n[1]六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n[2]六保：保居民就业、保基本民生。\n`,
  );
  assert.equal(notes.outline[notes.outline.length - 1]?.partKind, 'appendix');
  assert.ok(notes.outline[notes.outline.length - 1]?.title.startsWith('[1]'), JSON.stringify(notes.outline.map((n) => n.title)));
  const energy = `某县2023年国民经济和社会发展统计公报\n一、能源\n${'全年全社会用电量12.5亿kWh，比上年增长5%。\n'.repeat(6)}`;
  assert.equal((importSource('kwh.txt', enc(energy)).reports[0].text.match(/kWh/g) ?? []).length, 6);
});

test('an older communiqué’s line of publishers and date in brackets under its title dates it', () => {
  const r = read(
    'zhuhai-2008.txt',
    '珠海市2008年国民经济和社会发展统计公报\n(珠海市统计局、国家统计局珠海调查队 2009年3月18日)\n一、综合\n初步核算，全年地区生产总值992.06亿元，比上年增长8.1%。\n二、农业\n全年粮食产量10万吨。\n',
  );
  assert.deepEqual(r.meta, ['珠海市2008年国民经济和社会发展统计公报', '珠海市', 2008, '国民经济和社会发展统计公报', '2009-03-18']);
});
