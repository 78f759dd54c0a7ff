/**
 * A tenth pass over reports no one on the team had read (helpers' reading of city work reports of 内蒙古 and 贵州, zone and
 * district 法治 reports, township and bureau 信息公开 reports, county communiqués; 2026-11-30). Each text is the lines as the
 * page had them, cut to what matters; names and figures are the reports' own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFigures, reportFigures } from '../../src/core/compare/index.ts';
import { chapterKind } from '../../src/core/series/index.ts';
import { alignCorpus, importSource } from '../../src/core/index.ts';
import { PROSE as S, readReport as read } from './helpers.ts';

const headings = (outline: ReturnType<typeof read>['outline']) => outline.flatMap((c) => [c.title, ...c.children.map((x) => `  ${x.title}`)]);

test('a site’s link above the title (…官方微信, a wiki’s 跳转到内容) is chrome, never the head of the title', () => {
  const a = read(
    't20240220_3573576.txt',
    `鄂尔多斯市人民政府官方微信\n\n首页>公开>规划计划>政府工作报告\n2024年达拉特旗政府工作报告\n发布时间:2024-02-09 09:28:00\n各位代表:\n一、过去一年工作总结\n${S}\n`,
  );
  assert.deepEqual(a.meta.slice(0, 3), ['2024年达拉特旗政府工作报告', '达拉特旗人民政府', 2024]);
  const b = read(
    '2022年遵义市人民政府工作报告.txt',
    `跳转到内容\n\n2022年遵义市人民政府工作报告\n\n维基文库,自由的图书馆\n\n各位代表:\n\n一、2021年工作回顾\n${S}\n`,
  );
  assert.deepEqual(b.meta.slice(0, 3), ['2022年遵义市人民政府工作报告', '遵义市人民政府', 2022]);
  // An issuer's line over a year-first title is still its head (黔东南苗族侗族自治州 / 2016年…统计公报); a site's line is not.
  assert.equal(
    read('a.txt', `黔东南苗族侗族自治州\n2016年国民经济和社会发展统计公报\n\n一、综合\n${S}\n`).meta[0],
    '黔东南苗族侗族自治州2016年国民经济和社会发展统计公报',
  );
  assert.equal(
    read('b.txt', `某某网站官方入口\n\n2024年达拉特旗政府工作报告\n\n各位代表:\n一、过去一年工作总结\n${S}\n`).meta[0],
    '2024年达拉特旗政府工作报告',
  );
});

test('a news page’s lead before the report it reprints (…原文如下:): the title under it names the report', () => {
  const r = read(
    '1204692.txt',
    `2月16日,2022年包头市政府工作报告发布。\n其中提到,在2021年包头市人民政府坚持调结构促转型,产业体系更加健全,全市新能源装机容量达到635.6万千瓦。\n2022年工作安排,深入实施“一业一策”攻坚行动,加快构建多元发展、多极支撑的现代产业体系。\n原文如下:\n2022年包头市政府工作报告\n各位代表:\n一、本届政府工作回顾\n${S}\n`,
  );
  assert.deepEqual(r.meta.slice(0, 4), ['2022年包头市政府工作报告', '包头市人民政府', 2022, '政府工作报告']);
});

test('a reposting site’s (全文) after a title, and a layout table’s bars around or after it, are no part of it', () => {
  assert.equal(
    read('1753.txt', `(内蒙古)2020年鄂尔多斯市人民政府工作报告(全文)\n\n各位代表:\n一、过去一年工作回顾\n${S}\n`).meta[0],
    '2020年鄂尔多斯市人民政府工作报告',
  );
  assert.equal(read('x.txt', `2015年北京市海淀区政府工作报告【全文】\n各位代表:\n一、2014年工作回顾\n${S}\n`).meta[0], '2015年北京市海淀区政府工作报告');
  // A title of one cell, then the title again over two lines (the second a bare type the chrome takes for a column).
  const a = read(
    'tjbh_dj_297495.txt',
    `| 东疆综合保税区2025年度法治政府建设情况报告 |\n东疆综合保税区2025年度法治政府建设\n情况报告\n2025年,东疆综保区深入贯彻习近平法治思想,全面落实党中央、国务院及市、区关于法治政府建设的决策部署。现将年度工作情况报告如下:\n一、主要举措和成效\n${S}\n`,
  );
  assert.deepEqual(a.meta.slice(0, 3), ['东疆综合保税区2025年度法治政府建设情况报告', '东疆综合保税区管理委员会', 2025]);
  assert.match(a.texts[0], /^2025年,东疆综保区/, 'the title’s own lines are the title’s, not paragraphs');
  // A bar after the title, and a byline ending in hundreds of a layout table's bars (its date read, the text split at its sections).
  const b = read(
    '61695.txt',
    `云县人民政府2022年政府信息公开工作年度报告 |\n${'|'.repeat(400)}\n来源: 作者: 时间:2023-01-31 点击率:【 打印 】【 关闭 】 | ${'|'.repeat(495)}\n一、总体情况\n(一)主动公开情况。${S}\n(二)依申请公开情况。${S}\n`,
  );
  assert.deepEqual(b.meta, ['云县人民政府2022年政府信息公开工作年度报告', '云县人民政府', 2022, '政府信息公开工作年度报告', '2023-01-31']);
  assert.deepEqual(headings(b.outline), ['总体情况', '  主动公开情况', '  依申请公开情况']);
});

test('a site’s advice on browsers over a page (更换或升级浏览器…, 当前浏览器版本过低…) is chrome: the lead under it names the body', () => {
  const r = read(
    'ljxq_t20240226_12957374.txt',
    `更换或升级浏览器以获得最佳体验。\n当前浏览器版本过低,可能会有安全风险且无法正常显示。建议您升级或使用其他浏览器。\n若您当前使用的浏览器为QQ浏览器或者360浏览器仍出现该提示,请切换至极速模式。\n您当前的位置: 首页> 政务公开> 政府信息公开目录> 法治政府建设年度报告 > 2023年度\n2023年,两江新区坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,统筹推进落实新区法治政府建设各项目标任务的完成。\n一、推进法治政府建设主要举措和成效\n${S}\n`,
  );
  assert.deepEqual(r.meta.slice(1, 4), ['两江新区管理委员会', 2023, '法治政府建设工作报告']);
  assert.ok(!r.texts.some((t) => /浏览器/.test(t)));
});

test('zones: a 党工委 and its 管委会 as one subject, a city’s 新区 whose text names its 管委会, 综保区, a zone and its district', () => {
  const a = read(
    'sygxq_t20240226_4449773.txt',
    `2023年,十堰经济技术开发区党工委、管委会在市委、市政府坚强领导下,坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,推动法治政府建设迈上更高水平。现将有关情况报告如下:\n一、主要举措和成效\n${S}\n`,
  );
  assert.deepEqual(a.meta.slice(1, 4), ['十堰经济技术开发区管理委员会', 2023, '法治政府建设工作报告']);
  const dapeng = `2022年,在市委、市政府的正确领导下,大鹏新区坚持以习近平新时代中国特色社会主义思想为指导,深入推进依法行政,法治政府建设取得新成效,现将有关情况报告如下:\n一、2022年法治政府建设工作概况\n(一)深入学习宣传贯彻党的二十大精神\n一是加强统筹部署。新区党工委及时召开党工委会议传达学习。\n`;
  assert.equal(read('sz_dpxq.txt', `${dapeng}二是在新区管委会和各办事处机关开展学法。\n`).meta[1], '大鹏新区管理委员会');
  // With no word of a 管委会, a 新区 is a district (浦东新区 has a 人民政府).
  assert.equal(read('sz_dpxq.txt', dapeng).meta[1], '大鹏新区人民政府');
  assert.equal(read('d.txt', `东疆综保区2025年度法治政府建设情况报告\n一、主要举措和成效\n${S}\n`).meta[1], '东疆综保区管理委员会');
  const c = read(
    'uhdz_16237.txt',
    `高新区(新市区)人民政府2024年法治政府建设工作报告\n2024年,在区委的坚强领导下,区人民政府坚持依法全面履行政府职能。\n一、巩固提升依法履职水平\n${S}\n`,
  );
  assert.deepEqual(c.meta.slice(1, 3), ['新市区人民政府', 2024]);
});

test('a heading run into its text after a colon, or after a space when it names what it reports on; an appendix’s label keeps its title', () => {
  const r = read(
    'colon.txt',
    `2023年某某镇政府信息公开工作年度报告\n一、总体情况\n(一)主动公开情况:我镇全年主动公开信息27条,其中工作动态10条。\n(二)依申请公开情况 2023年受理依申请公开0件。\n(三)主动公开政府信息情况:西柳镇人民政府利用电子屏、公告栏、条幅等主动对外更新政府信息27次\n二、主动公开政府信息情况\n见下表。\n`,
  );
  assert.deepEqual(headings(r.outline), ['总体情况', '  主动公开情况', '  依申请公开情况', '  主动公开政府信息情况', '主动公开政府信息情况']);
  // Parallel phrases set apart by a space stay one heading (no 情况 before the space); an appendix's label keeps its title.
  const w = read(
    'w.txt',
    `某县2024年政府工作报告\n各位代表:\n一、2023年工作回顾\n(一)聚焦项目建设 推动经济量质齐升。${S}\n附件1：2025年县十件民生实事\n${S}\n`,
  );
  assert.deepEqual(
    w.outline.map((n) => [n.kind, n.title]),
    [
      ['chapter', '2023年工作回顾'],
      ['part', '附件1：2025年县十件民生实事'],
    ],
  );
  assert.equal(w.outline[0].children[0].title, '聚焦项目建设 推动经济量质齐升');
});

test('sections numbered with a full stop (1.主动公开…) in a chapter with none of its own; 2. after (1) items stays a list item', () => {
  const r = read(
    'art_1229114055_88348.txt',
    `龙游县横山镇2023年政府信息公开工作年度报告\n一、政府信息公开工作的基本情况\n1.主动公开政府信息的情况\n${S}\n2.依申请公开政府信息情况\n${S}\n3.政府信息管理\n${S}\n二、主动公开政府信息情况\n${S}\n`,
  );
  assert.deepEqual(headings(r.outline), [
    '政府信息公开工作的基本情况',
    '  主动公开政府信息的情况',
    '  依申请公开政府信息情况',
    '  政府信息管理',
    '主动公开政府信息情况',
  ]);
  const list = read(
    'jiayu.txt',
    `嘉鱼县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n${S}\n(一)政府信息主动公开情况\n(1)持续发挥政府网站政务公开“第一平台”作用,强化重点领域信息公开。\n2.增强互动交流,做好网民回应。县政府门户网站开设有网络问政栏目。\n`,
  );
  assert.deepEqual(headings(list.outline), ['总体情况', '  政府信息主动公开情况']);
  // A site's list bullet (1. [報告] …) is no heading that ends the opening before the title.
  assert.equal(read('c.txt', `1. [報告] 2019年政府工作報告\n發布時間:2019-01-28\n各位代表:\n一、2018年工作回顧\n${S}\n`).meta[0], '2019年政府工作報告');
});

test('信息公开 pages: a site’s English banner and its column are no title; the year the text says it reports on; the issuer’s line under the title', () => {
  const a = read(
    '2024013110470592735_index.txt',
    `昌图县人民政府 The People's Government of Changtu Municipality\n\n政府信息公开\n\n昌图县七家子镇2023年政府信息公开 工作告年度报\n一、总体情况\n根据《中华人民共和国政府信息公开条例》,现将我镇2023年度政府信息公开工作报告如下。\n${S}\n`,
  );
  assert.deepEqual(a.meta.slice(0, 4), ['2023年政府信息公开工作年度报告', null, 2023, '政府信息公开工作年度报告']);
  const b = read(
    '1355046492463177730.txt',
    `驼峰路街道办事处政府信息公开工作年度报告\n\n一、总体情况\n\n(一)主动公开政府信息情况\n\n2020年度我街办未接到提出公开政府信息的申请。\n`,
  );
  assert.deepEqual(b.meta.slice(1, 3), ['驼峰路街道办事处', 2020]);
  // Not the year of a notice it cites (印发2018年政务公开工作要点).
  const c = read(
    'sor9PkjeA7.txt',
    `本年报根据《条例》编制。\n一、政府信息公开工作的概况\n贯彻落实《国务院办公厅关于印发2018年政务公开工作要点的通知》。\n${S}\n`,
  );
  assert.equal(c.meta[2], null);
  const d = read(
    'i1827865.txt',
    `醴陵市人民政府办公室 2021年政府信息公开工作报告\n\n发布时间:2022-01-17字体:[ ]\n\n醴陵市人民政府办公室\n2021年政府信息公开工作报告\n\n本年度报告根据《中华人民共和国政府信息公开条例》编制。\n一、 总体情况\n${S}\n`,
  );
  assert.equal(d.meta[1], '醴陵市人民政府办公室');
  assert.match(d.texts[0], /^本年度报告根据/);
});

test('county communiqués: a chapter name whole over a section’s name (一、综  合 / 经济总量), a date on the publishers’ line', () => {
  const r = read(
    '双城区2023年国民经济和社会发展统计公报.txt',
    `2023年双城区国民经济和社会发展统计公报\n一、综  合\n经济总量\n初步核算,全年实现地区生产总值236.26亿元,按可比价格计算,比上年增长5.0%。\n人口\n年末户籍总人口74.7万人。其中,男性38.0万人,女性36.7万人。\n二、农  业\n农林牧渔业总产值\n全年实现农林牧渔业总产值210.1亿元,下降2.7%。\n`,
  );
  assert.deepEqual(
    r.outline.map((n) => n.title),
    ['综合', '农业'],
  );
  // A heading cut by its source is still joined (三、持续提升政府 / 治理效能和服务水平).
  const cut = read('c.txt', `某县2024年政府工作报告\n各位代表:\n三、持续提升政府\n治理效能和服务水平\n${S}\n`);
  assert.equal(cut.outline[0].title, '持续提升政府治理效能和服务水平');
  const k = read(
    'content_20240429004001.txt',
    `通版阅读请点击:\n展开通版\n2023年开州区国民经济和社会发展统计公报\n重庆市开州区统计局 国家统计局开州调查队2024年4月29日\n2023年,全区上下坚持稳中求进工作总基调。\n一、综合\n${S}\n`,
  );
  assert.deepEqual(k.meta.slice(2), [2023, '国民经济和社会发展统计公报', '2024-04-29']);
});

test('county communiqués’ figures: thresholds, the place after the year, 截止年末, 目标企业, a share of 总量, an exchange rate’s note, the sectors’ pulls', () => {
  const labels = (t: string) => extractFigures(t).map((f) => `${f.value}${f.unit}=${f.label}:${f.kind}`);
  assert.deepEqual(labels('全部施工项目149个,新开工项目74个,亿元以上项目30个。'), [
    '149个=全部施工项目:result',
    '74个=新开工项目:result',
    '30个=亿元以上项目:result',
  ]);
  assert.deepEqual(labels('2023年中江县地区生产总值(GDP)466.14亿元,预计2024年地区生产总值增长6%左右。'), [
    '466.14亿元=地区生产总值:result',
    '6%=地区生产总值增长:target',
  ]);
  // Not a district of a city's breakdown, nor 地区 itself.
  assert.deepEqual(labels('全市3个区地区生产总值100亿元。'), ['3个=:result', '100亿元=区地区生产总值:result']);
  assert.deepEqual(labels('截止年末全县户籍人口86.3万人。'), ['86.3万人=户籍人口:result']);
  assert.deepEqual(labels('拜访目标企业150家。'), ['150家=拜访目标企业:result']);
  assert.deepEqual(labels('民营经济增加值522.77亿元,占全区经济总量的76.1%。'), [
    '522.77亿元=民营经济增加值:result',
    '76.1%=民营经济增加值占全区经济总量:result',
  ]);
  assert.deepEqual(labels('全区人均地区生产总值35212元,折合5253美元(汇率为1美元兑6.7027元人民币)。'), [
    '35212元=人均地区生产总值:result',
    '5253美元=人均地区生产总值:result',
  ]);
  assert.deepEqual(labels('三次产业分别拉动地区生产总值增长0.8、2.0和3.4个百分点。'), [
    '0.8个百分点=第一产业拉动地区生产总值增长:result',
    '2个百分点=第二产业拉动地区生产总值增长:result',
    '3.4个百分点=第三产业拉动地区生产总值增长:result',
  ]);
  // The shares written out, the second and third short (第二产业增加值比重), then as a ratio: read once.
  assert.deepEqual(labels('第一产业增加值占地区生产总值比重为37.5%,第二产业增加值比重为25.4%,第三产业增加值比重为37.1%。三次产业结构比为37.5:25.4:37.1。'), [
    '37.5%=第一产业增加值占地区生产总值比重:result',
    '25.4%=第二产业增加值比重:result',
    '37.1%=第三产业增加值比重:result',
  ]);
});

test('a table flattened a cell a line with a bar on a line between the cells: its row labels head nothing', () => {
  const cells = (xs: string[]) => xs.join('\n|\n');
  const r = read(
    '46aba5e181454bc798b5443c493da056.txt',
    `一、总体情况\n本报告是根据《中华人民共和国政府信息公开条例》要求,汇报我镇2023年政府信息公开工作。\n${S}\n三、收到和处理政府信息公开申请情况\n${cells(['三、本年度办理结果', '(一)予以公开', '0', '0', '0', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '0', '0', '0'])}\n四、政府信息公开行政复议、行政诉讼情况\n${S}\n`,
  );
  assert.deepEqual(headings(r.outline), ['总体情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况']);
  assert.ok(!r.texts.includes('|'));
});

test('a review of this pass’s rules: what they must leave alone', () => {
  // A 新区 with a 人民政府 whose text names a 高新区's 管委会.
  assert.equal(
    read('bh.txt', `2023年滨海新区法治政府建设情况报告\n一、主要举措和成效\n指导滨海高新区管委会、东疆综合保税区管委会推进法治建设。${S}\n`).meta[1],
    '滨海新区人民政府',
  );
  // A value converted at a rate, and 兑现 or 兑付, are figures; a part of the place or a zone after the year keeps its name.
  const labels = (t: string) => extractFigures(t).map((f) => `${f.value}${f.unit}=${f.label}`);
  assert.deepEqual(labels('人均GDP为63525元(按年平均汇率折算为9847美元)。'), ['63525元=人均GDP', '9847美元=人均GDP']);
  assert.deepEqual(labels('各地(含兑现奖补资金1.2亿元)。'), ['1.2亿元=兑现奖补资金']);
  assert.deepEqual(labels('2023年末城区常住人口61.55万人。2023年高新区规模以上工业增加值增长12.5%。'), [
    '61.55万人=城区常住人口',
    '12.5%=高新区规模以上工业增加值增长',
  ]);
  // A year the text plans, or a notice's, is no year it reports on.
  assert.equal(
    read('t7.txt', `某镇政府信息公开工作年度报告\n一、总体情况\n${S}\n五、存在的主要问题及改进情况\n2024年我镇将进一步加强政府信息公开工作。\n`).meta[2],
    null,
  );
  assert.equal(read('t7b.txt', `某镇政府信息公开工作年度报告\n一、总体情况\n按照《关于做好2024年政务公开工作的通知》要求,${S}\n`).meta[2], null);
  // A short heading's colon that starts its subtitle; a heading broken before 和.
  const h = read('h.txt', `某县2024年政府工作报告\n各位代表:\n一、过去一年：砥砺奋进，成绩斐然\n${S}\n（一）时间安排：2024年1月至12月分三个阶段推进\n${S}\n`);
  assert.deepEqual(headings(h.outline), ['过去一年：砥砺奋进，成绩斐然', '  时间安排：2024年1月至12月分三个阶段推进']);
  const c = read('c.txt', `某县2023年国民经济和社会发展统计公报\n一、综合\n${S}\n三、工业\n和建筑业\n全年全部工业增加值100亿元，比上年增长5.0%。\n`);
  assert.deepEqual(headings(c.outline), ['综合', '工业和建筑业']);
  // A body's name on the line above a year-first title, whatever it ends in.
  assert.equal(
    read('p.txt', `中国人民银行某某市中心支行\n2023年政府信息公开工作年度报告\n一、总体情况\n${S}\n`).meta[0],
    '中国人民银行某某市中心支行2023年政府信息公开工作年度报告',
  );
  // Cells a line, each with its bar, and lines of bars between: the cells without their bars (withCellBars, as before).
  const t = read(
    't.txt',
    `某县2022年国民经济和社会发展统计公报\n一、综合\n${S}\n地区生产总值 |\n4710.67 |\n5.4 |\n按产业分 |\n|\n|\n第一产业 |\n300.2 |\n2.1 |\n第二产业 |\n1500.3 |\n`,
  );
  assert.ok(t.texts.includes('地区生产总值') && !t.texts.some((x) => x.includes('|')));
});

test('department 法治 reports: 法治政府部门建设工作情况 as a title (over two lines, or one), 我厅 no name, a site’s date after a title, a department written short', () => {
  const lead = `2025年,在省委、省政府坚强领导下,我厅坚持以习近平新时代中国特色社会主义思想为指导,深入推进法治政府部门建设。\n一、2025工作开展情况\n${S}\n`;
  const a = read('49baad8f.txt', `四川省交通运输厅\n2025年法治政府部门建设工作情况\n\n信息来源:厅法规处 发布日期:2026-02-24 09:04 浏览次数:\n\n${lead}`);
  assert.deepEqual(a.meta, ['四川省交通运输厅2025年法治政府部门建设工作情况', '四川省交通运输厅', 2025, '法治政府建设工作报告', '2026-02-24T09:04:00']);
  assert.equal(read('b.txt', `四川省交通运输厅2025年法治政府部门建设工作情况\n\n${lead}`).meta[0], '四川省交通运输厅2025年法治政府部门建设工作情况');
  // 我厅 names no issuer (it was 四川省我厅, the province of the closing's body and 我厅); the closing's signature does.
  assert.deepEqual(read('c.txt', `2025年法治政府部门建设工作情况\n\n${lead}四川省交通运输厅\n`).meta.slice(1, 3), ['四川省交通运输厅', 2025]);
  assert.deepEqual(read('c.txt', `2025年法治政府部门建设工作情况\n\n${lead}推进法治四川建设。\n`).meta.slice(1, 3), [null, 2025]);
  const d = read(
    'a25c34df.txt',
    `2024年上海市司法局法治政府建设情况报告 (2025-03-26)\n2024年,上海市司法局在市委、市政府的坚强领导下,坚持以习近平法治思想为指导。\n一、深入学习贯彻习近平法治思想\n${S}\n`,
  );
  assert.deepEqual([d.meta[0], d.meta[4]], ['2024年上海市司法局法治政府建设情况报告', '2025-03-26']);
  const e = read(
    'ca6b43e9.txt',
    `上海市司法局2022年法治政府建设情况报告-国际云顶yd4008\n\n上海市司法局2022年法治政府建设情况报告 (2023-01-20)\n\n2022年,上海市司法局坚持以习近平法治思想为指导。\n一、深入学习贯彻习近平法治思想\n${S}\n`,
  );
  assert.deepEqual([e.meta[0], e.meta[4]], ['上海市司法局2022年法治政府建设情况报告', '2023-01-20']);
  assert.equal(read('z.txt', `浙江省市场监管局2023年法治政府建设年度报告\n一、主要举措\n${S}\n`).meta[1], '浙江省市场监督管理局');
});

test('alignment: outside any part, a chapter that reviews is no counterpart of one that plans', () => {
  const r = (y: number, body: string) => importSource(`${y}.txt`, new TextEncoder().encode(`叶县${y}年政府工作报告\n各位代表:\n${body}`)).reports[0];
  const a = r(2024, `一、2023年工作回顾\n过去一年，全县重点项目建设扎实推进，产业转型升级加快，民生福祉持续改善。\n`);
  const b = r(2025, `二、2025年重点工作\n今年全县重点项目建设扎实推进，产业转型升级加快，民生福祉持续改善。\n`);
  assert.deepEqual(alignCorpus([a, b]).links, []);
});

test('city communiqués: a site’s index of years, a footnote’s mark after a heading; figures: a rate’s 计算达到, 不到, a survey’s rate, 控制目标, 三个行政区', () => {
  const r = read(
    '36783.txt',
    `加入收藏 | 会员中心\n统计年鉴年度索引: 2023 2022 2021 2020 2019 2018 [ 统计年鉴分省、行业总索引 ]\n统计公报年度索引: 2023 2022 2021 2020 2019 2018 [ 统计公报分省总索引 ]\n\n四川省2020年国民经济和社会发展统计公报\n\n一、综合[1]\n初步核算,全年全省地区生产总值48598.8亿元,比上年增长3.8%。\n`,
  );
  assert.deepEqual(r.meta.slice(0, 4), ['四川省2020年国民经济和社会发展统计公报', '四川省', 2020, '国民经济和社会发展统计公报']);
  assert.deepEqual(headings(r.outline), ['综合']);
  const labels = (t: string) => extractFigures(t).map((f) => `${f.value}${f.unit}=${f.label}:${f.kind}`);
  assert.deepEqual(labels('全市人均地区生产总值38600元，按2013年平均汇率计算达到4985美元。'), [
    '38600元=人均地区生产总值:result',
    '4985美元=人均地区生产总值:result',
  ]);
  assert.deepEqual(labels('占全市生产总值的比重不到0.1%。'), ['0.1%=占全市生产总值的比重:result']);
  assert.deepEqual(labels('根据2023年全省5‰人口变动抽样调查推算,年末全省常住人口6627万人。'), ['6627万人=常住人口:result']);
  assert.deepEqual(labels('城镇调查失业率平均为5.0%,低于5.5%的控制目标。'), ['5%=城镇调查失业率:result', '5.5%=城镇调查失业率:target']);
  assert.deepEqual(labels('香洲、金湾和斗门三个行政区分别实现地区生产总值863.48亿元、351.27亿元和188.49亿元。'), [
    '863.48亿元=香洲实现地区生产总值:result',
    '351.27亿元=金湾实现地区生产总值:result',
    '188.49亿元=斗门实现地区生产总值:result',
  ]);
});

test('a second review of this pass’s rules: what they must leave alone', () => {
  // 主要工作 with no year is a report's own year (a 法治 report's review); 主要工作成绩 reviews; a review and a plan together is neither.
  const rule = { year: 2024, type: '法治政府建设工作报告' };
  assert.equal(chapterKind('主要工作', rule), null);
  assert.equal(chapterKind('主要工作成绩', rule), 'review');
  assert.equal(chapterKind('2023年工作回顾和2024年工作安排', { year: 2024, type: '政府工作报告' }), null);
  const fz = importSource('a.txt', new TextEncoder().encode(`某县2024年法治政府建设情况报告\n一、主要工作\n全年开展送法下乡活动120场次。\n`)).reports[0];
  assert.deepEqual(
    reportFigures(fz).map((f) => f.kind),
    ['result'],
  );
  // A site's label above a year-first title is no part of it; a body's line is.
  assert.equal(read('t.txt', `(欢迎您)注销\n2022年重庆市国民经济和社会发展统计公报\n一、综合\n${S}\n`).meta[0], '2022年重庆市国民经济和社会发展统计公报');
  assert.equal(
    read('t.txt', `工作动态\n2023年某某县国民经济和社会发展统计公报\n一、综合\n${S}\n`).meta.slice(0, 2).join('|'),
    '2023年某某县国民经济和社会发展统计公报|某某县',
  );
  // A district whose name ends like a part of a place (东城区, 黄山区) is the report's own place after the year.
  const labels = (t: string) => extractFigures(t).map((f) => f.label);
  assert.deepEqual(labels('2023年东城区地区生产总值3600亿元，比上年增长5.1%。'), ['地区生产总值', '地区生产总值增长']);
  assert.deepEqual(labels('2023年主城区居民人均可支配收入52000元。'), ['主城区居民人均可支配收入']);
  // A year the text tells as done (继续, 将 as 把), and the report's year a notice names.
  const year = (t: string) => read('y.txt', `某镇政府信息公开工作年度报告\n一、总体情况\n${t}${S}\n`).meta[2];
  assert.equal(year('2023年我镇继续深入贯彻落实《条例》。'), 2023);
  assert.equal(year('2023年我镇将政府信息公开工作纳入重要议事日程。'), 2023);
  // A count of subjects the rule does not know (两个市场, 三个区域) eats no character of the word after it (国外场销售额, 西部域…).
  assert.deepEqual(labels('国内、国外两个市场销售额分别增长5%和6%。'), ['国内销售额增长', '国外两个市场销售额增长']);
  assert.equal(labels('东部、中部和西部三个区域生产总值分别增长5%、6%和7%。')[2], '西部三个区域生产总值增长');
  // A department's title with 推进 before its 法治: the type too; 新区 after 根据 is its own.
  assert.deepEqual(
    read('p.txt', `四川省交通运输厅2023年推进法治政府建设工作情况\n\n2023年,我厅深入推进法治政府建设。\n一、工作开展情况\n${S}\n`).meta.slice(1, 4),
    ['四川省交通运输厅', 2023, '法治政府建设工作报告'],
  );
  assert.equal(read('d.txt', `大鹏新区2023年法治政府建设情况报告\n根据新区管委会统一部署,${S}\n一、主要举措\n${S}\n`).meta[1], '大鹏新区管理委员会');
  // A title with a layout table's bars after it; a communiqué's own exchange rate is a figure.
  assert.equal(read('b.txt', `2023年某某县国民经济和社会发展统计公报 |||\n一、综合\n${S}\n`).meta[0], '2023年某某县国民经济和社会发展统计公报');
  assert.deepEqual(
    extractFigures('年末人民币汇率为1美元兑7.1884元人民币，比上年末贬值2.8%。').map((f) => f.value),
    [1, 7.1884, 2.8],
  );
  // 一、综合 over a line that is a sentence's start with 与: no heading of it.
  assert.deepEqual(
    headings(read('z.txt', `某县2023年国民经济和社会发展统计公报\n一、综合\n与上年相比经济稳中有进\n全年地区生产总值100亿元，比上年增长5.0%。\n`).outline),
    ['综合'],
  );
});

test('a communiqué’s prices by town and country (其中，城市上涨…，农村上涨…): the measure of the sentence before', () => {
  const labels = (t: string) => extractFigures(t).map((f) => f.label);
  assert.deepEqual(labels('全年居民消费价格比上年上涨0.3%。其中,城市上涨0.3%,农村上涨0.3%;消费品价格下降0.1%。'), [
    '居民消费价格上涨',
    '城市居民消费价格上涨',
    '农村居民消费价格上涨',
    '消费品价格下降',
  ]);
  assert.deepEqual(labels('全年居民消费价格上涨1.8%，其中城市上涨1.7%，农村上涨2.0%。'), ['居民消费价格上涨', '城市居民消费价格上涨', '农村居民消费价格上涨']);
  // Not across sentences without 其中.
  assert.deepEqual(labels('粮食产量增长2%。城市上涨0.3%。'), ['粮食产量增长', '城市上涨']);
});
