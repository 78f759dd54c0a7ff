/**
 * The thirteenth pass over unseen reports (districts' work reports, townships' and departments' 信息公开 reports and
 * counties' 统计公报, as their sites and reposts print them): numbered parts over the chapters (第一部分 … / 一、…), a
 * government's office written short (区政府办), a page that interprets a report (年报解读), a scraper's Markdown bullet
 * before the title, the presentation forms of a ratio's colon (︰), a site's year after a title whose year is in Chinese
 * numerals, two more ways a 信息公开 report's lead says what it is, and two figures' forms (3.4万余户; a long share).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFigures } from '../../src/core/compare/index.ts';
import { groupSeries, importSource, type Report } from '../../src/core/index.ts';
import { parseIssuer } from '../../src/core/series/index.ts';

const read = (text: string, name = 'page.txt'): Report => {
  const r = importSource(name, Buffer.from(text)).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};
const heads = (r: Report) =>
  r.outline.map((n) => `${n.kind}:${n.label ?? ''}${n.title}${n.children.length ? `[${n.children.map((c) => `${c.label ?? ''}${c.title}`).join('|')}]` : ''}`);
const PROSE = '今年我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展，各项事业取得新进展。';

test('第一部分 … / 一、… / 第二部分 … / 一、…: numbered parts that hold their chapters', () => {
  const text = (part: (n: string, t: string) => string) =>
    `政府工作报告\n——2022年12月21日在北京市延庆区第三届人民代表大会第三次会议上\n各位代表:\n现在,我代表北京市延庆区人民政府,向大会报告工作,请予审议。\n${part('一', '2022年工作情况')}\n${PROSE}\n一、冬奥服务保障圆满成功\n${PROSE}\n${PROSE}\n二、疫情防控有力有效\n${PROSE}\n${part('二', '2023年工作安排')}\n一、推动经济发展\n${PROSE}\n二、加强城市建设\n${PROSE}\n`;
  const r = read(text((n, t) => `第${n}部分 ${t}`));
  assert.deepEqual(heads(r), [
    'part:第一部分2022年工作情况[一、冬奥服务保障圆满成功|二、疫情防控有力有效]',
    'part:第二部分2023年工作安排[一、推动经济发展|二、加强城市建设]',
  ]);
  assert.deepEqual(
    r.outline.map((n) => [n.partKind, n.number, n.label, n.title]),
    [
      ['review', 1, '第一部分', '2022年工作情况'],
      ['plan', 2, '第二部分', '2023年工作安排'],
    ],
  );
  // A full-width space or a colon after the marker, and 第一章 the same way.
  for (const form of [
    (n: string, t: string) => `第${n}部分\u3000${t}`,
    (n: string, t: string) => `第${n}部分：${t}`,
    (n: string, t: string) => `第${n}章 ${t}`,
  ])
    assert.equal(read(text(form)).outline.flatMap((n) => n.children).length, 4, form('一', 'x'));
  // A sibling with sections, or only paragraphs, under it is a part too, not a chapter inside the part before it.
  const third = read(
    text((n, t) => `第${n}部分 ${t}`).replace(/\n$/, `\n第三部分 全面加强政府自身建设\n（一）坚持依法行政。${PROSE}\n（二）持续改进作风。${PROSE}\n`),
  );
  assert.deepEqual(
    third.outline.map((n) => `${n.kind}:${n.title}:${n.children.map((c) => c.kind).join(',')}`),
    ['part:2022年工作情况:chapter,chapter', 'part:2023年工作安排:chapter,chapter', 'part:全面加强政府自身建设:section,section'],
  );
  // Its heading read as a chapter's: the title before its run-in text, its spaces as a PDF or Word set them.
  const runIn = read(text((n) => (n === '一' ? `第一部分 2022 年工作情况。${PROSE}` : `第二部分\u3000工 作 安 排`)));
  assert.deepEqual(
    runIn.outline.map((n) => [n.title, n.partKind]),
    [
      ['2022年工作情况', 'review'],
      ['工作安排', 'plan'],
    ],
  );
  // A 第一部分 with sections under it and no 一、 is a chapter, as before.
  const chapters = read(
    `某县2023年政府工作报告\n\n${PROSE}\n\n第一部分 2022年工作回顾\n\n（一）经济运行稳中向好。${PROSE}\n\n（二）改革开放持续深化。${PROSE}\n\n第二部分 2023年工作安排\n\n（一）扩大有效需求。${PROSE}\n`,
  );
  assert.deepEqual(
    chapters.outline.map((n) => [n.kind, n.children.length]),
    [
      ['chapter', 2],
      ['chapter', 1],
    ],
  );
});

const RULE_OF_LAW = (title: string, mention = '《西安市雁塔区2025年法治政府建设工作要点》') =>
  `${title}\n\n2025年,区政府办深入贯彻习近平法治思想,全面落实${mention},扎实推进法治政府建设各项任务。现将本年度工作情况报告如下:\n\n一、主要举措和成效\n\n${PROSE}\n\n二、存在的不足\n\n${PROSE}\n\n三、下一步工作安排\n\n${PROSE}\n`;

test('a government’s office written short (区政府办) is the office, not the government, nor nothing', () => {
  assert.equal(read(RULE_OF_LAW('雁塔区政府办2025年度法治政府建设工作报告')).issuer, '西安市雁塔区人民政府办公室');
  assert.equal(read(RULE_OF_LAW('雁塔区政府办公室2025年度法治政府建设工作报告')).issuer, '西安市雁塔区人民政府办公室');
  // 政府办 as a verb's start is no office (办实事, 办好, 办学, 办医): the government.
  for (const [title, issuer] of [
    ['雁塔区政府办实事2023年工作总结报告', '西安市雁塔区人民政府'],
    ['雁塔区人民政府办学情况2023年工作报告', '西安市雁塔区人民政府'],
  ])
    assert.notEqual(read(RULE_OF_LAW(title)).issuer, `${issuer}办公室`, title);
  // A year's 度 is no place's first character (现将2022年度市政府办公厅…: no place 度市).
  const du = read(`市政府办公厅2022年政府信息公开工作年度报告\n\n现将2022年度市政府办公厅政府信息公开工作情况报告如下。\n\n一、总体情况\n\n${PROSE}\n`);
  assert.ok(!/^度/.test(du.issuer ?? ''), du.issuer ?? '');
  // With no place: as written, with the diagnostic that says so (it was no issuer and no word).
  const bare = read(RULE_OF_LAW('区政府办2025年度法治政府建设工作报告', '《2025年法治政府建设工作要点》'));
  assert.equal(bare.issuer, '区人民政府办公室');
  assert.ok(bare.diagnostics.some((d) => d.code === 'issuerNoPlace'));
  // The office's report and the government's of the same year are two series, not a report and its copy.
  const office = importSource('a.txt', Buffer.from(RULE_OF_LAW('雁塔区政府办2025年度法治政府建设工作报告'))).reports;
  const government = importSource(
    'b.txt',
    Buffer.from(RULE_OF_LAW('西安市雁塔区人民政府2025年度法治政府建设工作报告').replace('区政府办深入', '区政府深入')),
  ).reports;
  assert.equal(government[0].issuer, '西安市雁塔区人民政府');
  const grouping = groupSeries([...office, ...government]);
  assert.equal(grouping.series.length, 2);
  assert.deepEqual(grouping.problems, []);
});

test('a page that interprets a report, named by the report’s name, is titled and typed as a page about it', () => {
  const lead = '《莘县王庄集镇人民政府2023年政府信息公开工作年度报告》已经编制完成并向社会公开,为方便群众看懂年报信息,现就年报内容进行如下解读。';
  const pageText = `${lead}\n一、编制背景\n${PROSE}\n二、编制依据\n${PROSE}\n三、主要内容\n${PROSE}\n`;
  const page = read(pageText);
  assert.equal(page.title, '莘县王庄集镇人民政府2023年政府信息公开工作年度报告解读');
  // The type a title that says 解读 gives (docs/series.md, report types): a page's about the report, never the report's.
  assert.equal(page.type, '政府信息公开工作年度报告解读');
  assert.ok(!page.diagnostics.some((d) => d.code === 'titleFromFileName'));
  // The same page with a title line of the report's name, and a page titled …解读: one type, so one series of pages.
  const titled = read(`莘县王庄集镇2023年政府信息公开工作年度报告\n${pageText}`);
  const other = read(`莘县王庄集镇2022年政府信息公开工作年度报告解读\n一、编制背景\n${PROSE}\n`);
  assert.equal(titled.title, '莘县王庄集镇2023年政府信息公开工作年度报告解读');
  assert.equal(titled.type, other.type);
  assert.equal(titled.issuer, other.issuer);
  // A report whose chapter's text says 其中政策解读如下： is the report.
  const own = read(
    `某县2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，全年主动公开政府信息1200条，其中政策解读如下：文字解读15篇，图文解读8篇，视频解读3篇。\n\n二、主动公开政府信息情况\n\n${PROSE}\n`,
  );
  assert.equal(own.type, '政府信息公开工作年度报告');
  assert.ok(!own.diagnostics.some((d) => d.code === 'interpretation'));
  assert.equal(page.year, 2023);
  assert.ok(page.diagnostics.some((d) => d.code === 'interpretation'));
  // The report itself keeps its type, and the page does not take its place: two series, no copy.
  const reportText = `莘县王庄集镇人民政府2023年政府信息公开工作年度报告\n\n本报告根据《中华人民共和国政府信息公开条例》编制。\n\n一、总体情况\n\n${PROSE}\n\n二、主动公开政府信息情况\n\n${PROSE}\n`;
  const report = read(reportText);
  assert.equal(report.type, '政府信息公开工作年度报告');
  assert.ok(!report.diagnostics.some((d) => d.code === 'interpretation'));
  const grouping = groupSeries([...importSource('a.txt', Buffer.from(pageText)).reports, ...importSource('b.txt', Buffer.from(reportText)).reports]);
  assert.equal(grouping.series.length, 2);
  assert.deepEqual(grouping.problems, []);
  // A report whose first lines mention interpreting policies (政策解读) is still the report.
  assert.equal(
    read(`某县2023年政府信息公开工作年度报告\n\n本报告根据《中华人民共和国政府信息公开条例》编制。全年发布政策解读12篇。\n\n一、总体情况\n\n${PROSE}\n`).type,
    '政府信息公开工作年度报告',
  );
});

test('a scraper’s Markdown bullet before the title and before a field line', () => {
  const r = read(
    `- 政府工作报告——2024年1月15日在江西省南昌市第十六届人民代表大会第四次会议上\n- 信息来源: | 阅读量:485次\n各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议。\n一、2023年工作回顾\n${PROSE}\n（一）坚持产业强市，经济基础不断夯实。\n${PROSE}\n`,
  );
  assert.equal(r.title, '政府工作报告');
  assert.equal(r.published, '2024-01-15');
  assert.ok(!r.paragraphs.some((p) => p.role === 'body' && p.text.includes('信息来源')), 'the field line is chrome');
  // A line of text that opens with a dash and no space (-2.1%) is no bullet.
  assert.equal(
    read(`某县2023年统计公报\n\n-2.1%的降幅收窄。\n\n一、综合\n\n${PROSE}\n`).paragraphs.some((p) => p.text.startsWith('-2.1%')),
    true,
  );
});

test('a ratio’s colon as the presentation forms ︰ and ﹕ some sites print', () => {
  for (const colon of ['︰', '﹕']) {
    const figures = extractFigures(`三次产业结构为11.2${colon}44.5${colon}44.3。`);
    assert.deepEqual(
      figures.map((f) => f.value),
      [11.2, 44.5, 44.3],
      colon,
    );
  }
});

test('figures: 余 or 多 after the scale before a unit; a share whose whole is long', () => {
  const brief = (t: string) => extractFigures(t).map((f) => [f.label, f.value, f.unit]);
  assert.deepEqual(brief('联农带农3.4万余户。'), [['联农带农', 3.4, '万户']]);
  assert.deepEqual(brief('接待游客3万多人次。'), [['游客', 3, '万人次']]);
  assert.deepEqual(brief('完成投资2亿多元。'), [['投资', 2, '亿元']]);
  // Before a unit that does not end the phrase (人口 of 13亿多人口的大国, 家 of 17万多家企业): as before.
  assert.deepEqual(
    brief('有13亿多人口的大国。').map((f) => f[2]),
    ['亿'],
  );
  assert.deepEqual(
    brief('带动17万多家企业融通发展。').map((f) => f[2]),
    ['万'],
  );
  // A share whose whole is named at length (全县规模以上工业总产值: eleven characters after 占).
  assert.deepEqual(brief('四大支柱产业总产值占全县规模以上工业总产值的93.0%。'), [['四大支柱产业总产值占全县规模以上工业总产值', 93, '%']]);
});

test('a site’s year after a title whose own year is in Chinese numerals', () => {
  const r = read(`嵩明县二O二三年国民经济和社会发展统计公报 2023\n\n一、综合\n\n初步核算，全年全县地区生产总值300亿元，比上年增长5.0%。\n`);
  assert.equal(r.title, '嵩明县二O二三年国民经济和社会发展统计公报');
  // A year that is not the title's stays (a site's 2024 after a 2023 communiqué is no repeat).
  assert.equal(
    read(`嵩明县二〇二三年国民经济和社会发展统计公报 2024\n\n一、综合\n\n初步核算，全年全县地区生产总值300亿元。\n`).title,
    '嵩明县二〇二三年国民经济和社会发展统计公报 2024',
  );
});

test('a 信息公开 report’s lead: 依据《条例》…规定，编制本报告; 现公布…政府信息公开工作2022年度报告', () => {
  const body = `\n一、总体情况\n(一)组织领导。我镇高度重视政府信息公开工作。\n(二)主动公开。${PROSE}\n`;
  const r = read(`依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定,编制本报告。${body}`);
  assert.equal(r.type, '政府信息公开工作年度报告');
  const zs = read(
    `根据《中华人民共和国政府信息公开条例》要求,现公布中山市自然资源局政府信息公开工作2022年度报告。报告中统计数据时限为2022年1月1日至2022年12月31日。${body}`,
  );
  assert.equal(zs.type, '政府信息公开工作年度报告');
  assert.equal(zs.issuer, '中山市自然资源局');
  assert.equal(zs.year, 2022);
  // Citing the regulation for something else is no lead.
  assert.equal(read(`依据《中华人民共和国政府信息公开条例》,我镇认真做好公开工作。${body}`).type, null);
});

test('sections numbered (1), (2)… in a chapter with no section marker and no 1、 items', () => {
  const chapter = (items: string) =>
    `大川镇2023年度政府信息公开工作报告\n\n本报告根据《中华人民共和国政府信息公开条例》编制。\n\n一、总体情况\n\n${items}\n\n二、存在的主要问题及改进情况\n\n${PROSE}\n`;
  const runIn = ['主动公开情况', '依申请公开情况', '政府信息管理情况'].map((t, k) => `(${k + 1})${t}。2023年,我镇紧紧围绕公开工作要点，${PROSE}`).join('\n\n');
  const r = read(chapter(runIn));
  assert.deepEqual(
    r.outline[0].children.map((c) => `${c.label}${c.title}`),
    ['(1)主动公开情况', '(2)依申请公开情况', '(3)政府信息管理情况'],
  );
  assert.ok(r.diagnostics.some((d) => d.code === 'arabicSection'));
  // Under 1、 items, (1) items are theirs: no sections.
  const nested = ['1、主动公开情况', `(1)公开制度。${PROSE}`, `(2)公开平台。${PROSE}`, '2、依申请公开情况', `(1)受理情况。${PROSE}`].join('\n\n');
  assert.ok(read(chapter(nested)).outline[0].children.every((c) => !c.label?.startsWith('(')));
  // Under (一) sections, they stay items.
  const under = [`（一）主动公开情况`, `(1)公开制度。${PROSE}`, `(2)公开平台。${PROSE}`].join('\n\n');
  assert.deepEqual(
    read(chapter(under)).outline[0].children.map((c) => c.label),
    ['（一）'],
  );
  // Sentences that run on (no short head before a full stop): a list, not sections.
  const list = [`(1)全年主动公开政府信息120条，其中政策文件15条，${PROSE}`, `(2)全年受理申请3件，均按时答复，${PROSE}`].join('\n\n');
  assert.deepEqual(read(chapter(list)).outline[0].children, []);
});

test('pages about a work report: 第一部分是… is a sentence, and a list that quotes its parts after a colon is no chapters', () => {
  const jiedu = read(
    `关于《政府工作报告(征求意见稿)》解读\n\n《报告》共分为二部分。\n\n第一部分是2022年工作回顾。主要从发展质量稳步提升、项目建设成果丰硕等六个方面对区政府工作进行全面总结。\n\n第二部分是2023年工作安排。${PROSE}\n`,
  );
  assert.deepEqual(
    jiedu.outline.filter((n) => !n.inferred).map((n) => n.title),
    [],
  );
  const news = read(
    `濮阳县第十五届人民代表大会第四次会议开幕\n\n县委副书记、县政府县长孙庆伟作《政府工作报告》。报告共分三个部分:\n\n一、2018年政府工作回顾;\n\n二、2019年工作安排;\n\n三、加强政府自身建设。\n\n${PROSE}\n`,
  );
  assert.ok(
    news.outline.every((n) => n.kind !== 'chapter'),
    JSON.stringify(news.outline.map((n) => n.title)),
  );
  // One heading after 报告如下： that ends in ；, its text under it: a chapter (天津 宁河经济开发区 2024).
  const one = read(
    `经济开发区2024年度法治政府建设情况报告\n\n${PROSE}现将2024年法治政府建设情况报告如下:\n\n一、上一年度推进法治政府建设的主要举措和成效;\n\n${PROSE}\n`,
  );
  assert.deepEqual(
    one.outline.map((n) => n.kind),
    ['chapter'],
  );
  // A report's own chapters after a lead-in with a colon, headings that end in no ；, stay chapters.
  const report = read(`某县2023年政府工作报告\n\n现在，我代表县人民政府向大会报告工作：\n\n一、2022年工作回顾\n\n${PROSE}\n\n二、2023年工作安排\n\n${PROSE}\n`);
  assert.deepEqual(
    report.outline.map((n) => n.title),
    ['2022年工作回顾', '2023年工作安排'],
  );
});

test('two levels are no place (乡镇, 县区, 各乡镇): a site’s column does not make every town one issuer', () => {
  const r = read(
    `  • 乡镇政府信息公开年度报告\n\n绿春县大兴镇人民政府2023年度政府信息公开年度工作报告\n\n本报告根据《中华人民共和国政府信息公开条例》编制。\n\n一、总体情况\n\n2023年，大兴镇人民政府认真贯彻落实《条例》。\n\n二、主动公开政府信息情况\n\n${PROSE}\n`,
  );
  assert.notEqual(r.issuer, '乡镇人民政府');
  for (const generic of ['乡镇人民政府', '县区人民政府', '各乡镇人民政府']) assert.equal(parseIssuer(generic), null, generic);
  // 市中区 and 沙市区 are places still.
  assert.equal(read(`市中区人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n${PROSE}\n`).issuer, '市中区人民政府');
});

test('figures: 场次 is a unit', () => {
  assert.deepEqual(
    extractFigures('组织政银企对接活动11场次。').map((f) => [f.label, f.value, f.unit]),
    [['政银企对接活动', 11, '场次']],
  );
});

test('a title’s last line set out across its width (统 计 公 报, a PDF’s cover) joins the title', () => {
  const r = read(
    `平陆县 2023 年国民经济和社会发展\n统 计 公 报\n平陆县统计局\n国家统计局平陆调查队\n(2024 年 4 月 8 日)\n2023年是全面贯彻党的二十大精神的开局之年。\n一、综 合\n初步核算,全年全县地区生产总值702922万元,比上年增长1.6%。\n`,
  );
  assert.equal(r.title.replace(/\s+/g, ''), '平陆县2023年国民经济和社会发展统计公报');
  assert.equal(r.issuer, '平陆县');
  assert.equal(r.year, 2023);
  assert.ok(!r.paragraphs.some((p) => p.text.startsWith('平陆县 2023 年国民经济')), 'the title’s first line is no paragraph');
});

test('a table’s title row with its key letter-spaced and the next field’s empty key after it (标     题 … 文     号)', () => {
  const r = read(
    `索 引 号 733569413/2019-64436 发布日期 2015-02-17\n发布机构 青山区政府 有 效 性 有效\n标     题 武汉市青山区人民政府工作报告(2014年) 文     号\n\n武汉市青山区人民政府工作报告(2014年)\n\n各位代表：\n\n现在，我代表区人民政府向大会报告工作，请予审议。\n\n一、2013年工作回顾\n\n${PROSE}\n`,
  );
  assert.equal(r.title, '武汉市青山区人民政府工作报告(2014年)');
  assert.equal(r.issuer, '武汉市青山区人民政府');
});

test('a congress’s resolution on the work report that opens at its adoption line: titled and typed as such a resolution', () => {
  const body =
    '竹山县第十九届人民代表大会第二次会议听取和审议了县人民政府县长王丽媛所作的政府工作报告。会议充分肯定了县人民政府2022年工作，决定批准这个报告。\n会议认为，2022年，县人民政府坚持稳中求进工作总基调。\n';
  const r = read(`(2022年12月28日竹山县第十九届人民代表大会第二次会议通过)\n${body}`);
  assert.equal(r.title, '竹山县第十九届人民代表大会第二次会议关于政府工作报告的决议');
  assert.notEqual(r.type, '政府工作报告');
  assert.ok(r.type?.endsWith('关于政府工作报告的决议'));
  assert.equal(r.year, 2022);
  // The adoption line broken in two, as a narrow page sets it.
  const broken = read(
    `(2016年12月10日武汉市武昌区第十五届人民代表大会\n第一次会议通过)\n${body.replace('竹山县第十九届人民代表大会第二次会议', '武汉市武昌区第十五届人民代表大会第一次会议')}`,
  );
  assert.equal(broken.title, '武汉市武昌区第十五届人民代表大会第一次会议关于政府工作报告的决议');
  // An adoption line over something else (a plan's resolution) is left as it was.
  assert.notEqual(
    read(`(2022年12月28日竹山县第十九届人民代表大会第二次会议通过)\n会议批准了2023年国民经济和社会发展计划。\n`).title.endsWith('政府工作报告的决议'),
    true,
  );
});
