/**
 * The twenty-first pass over unseen reports, page openings from the stored pages (56: communiqués and censuses of counties,
 * prefectures and provinces 1998–2022; work reports of towns, zones, prefectures and counties 2004–2023 and news of their
 * sessions; 法治 and 依法行政 reports of departments, sub-districts, towns and regions 2012–2024; 信息公开 reports of
 * ministries, towns, a utility, a water company and a hospital 2008–2023). What was wrong and is mended here: a news site's
 * dateline (中国宁波网讯); a list widget's heading over a title (农业普查公报更新); a census communiqué dated by its
 * publication; a page's loading placeholder as its title; 依法行政年度报告; a government named twice in a CMS's field; a
 * prefecture's 行署工作报告; a ministry's (本级机关); a public utility's 公司; the template's first heading run on to its
 * year; 请联系…县政府政务服务中心; a 法治 report that reports its year and its plan in one lead; a Party committee and the
 * government on the line under a title; an essay site's crumb and 范文.
 * Texts: the pages' opening paragraphs as the pages give them (ASCII commas and brackets, as the copies have them).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importSource, type Report } from '../../src/core/index.ts';
import { typeOfTitle } from '../../src/core/series/index.ts';

const read = (lines: readonly string[], name = 'page.txt'): Report => {
  const r = importSource(name, Buffer.from(lines.join('\n'))).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};
const meta = (r: Report) => ({ year: r.year, issuer: r.issuer, type: r.type });

test('a news site’s dateline (中国宁波网讯) under a headline that names no report at its end: news, no report’s type', () => {
  // news.cnnb.com.cn/system/2013/02/22/007636780.shtml
  const r = read([
    '您当前的位置 :中国宁波网 > 新闻中心 > 宁波新闻 > 时政·经济 正文',
    '',
    '市十四届人大三次会议开幕 政府工作报告勾勒发展蓝图',
    '',
    '市区居民人均可支配收入增长10%以上',
    'http://www.cnnb.com.cn  中国宁波网   2013年02月22日 09:19',
    '0',
    '  开幕式现场。记者张柯摄',
    '  中国宁波网讯 昨天上午,宁波市第十四届人民代表大会第三次会议在宁波大剧院开幕。',
    '  市长刘奇代表宁波市人民政府向大会作《政府工作报告》。报告由三部分组成:2012年工作回顾;2013年工作的总体要求、主要目标和重点任务;全面加强政府自身建设。',
  ]);
  assert.equal(r.title, '市十四届人大三次会议开幕 政府工作报告勾勒发展蓝图');
  assert.equal(r.type, null);
});

test('a list widget’s headings over a census communiqué (农业普查公报更新 / 推荐 / 热门) are no title; the census is dated by its reference time', () => {
  // www.yzett.com/detail/125/89484
  const r = read([
    '农业普查公报更新',
    '',
    '农业普查公报推荐',
    '',
    '农业普查公报热门',
    '',
    '广州市增城区第三次全国农业普查主要数据公报(第一号)',
    '',
    '2022-09-18 02:24:03 +0000 UTC',
    '',
    '为摸清“三农”基本国情,查清“三农”新发展新变化,国务院组织开展了第三次全国农业普查。这次普查的标准时点为2016年12月31日,时期资料为2016年度。普查对象包括农业经营户,居住在农村有确权(承包)土地或拥有农业生产资料的户,农业经营单位,村民委员会。',
  ]);
  assert.equal(r.title, '广州市增城区第三次全国农业普查主要数据公报(第一号)');
  // The number in brackets is the type's: the census's first communiqué, not its second.
  assert.deepEqual(meta(r), { year: 2016, issuer: '广州市增城区', type: '第三次全国农业普查主要数据公报(第一号)' });
  assert.equal(typeOfTitle('2024年预算执行情况报告（草案）'), '预算执行情况报告（草案）', 'a note in brackets at the end keeps its closing bracket');
});

test('an economic census’s communiqué published in 2020 is of the census’s year, 2018 (标准时点是2018年12月31日)', () => {
  // tjj.anqing.gov.cn/xxfb/tzgg/2000144211.html
  const r = read([
    '安庆市第四次全国经济普查主要数据公报',
    '安庆市统计局',
    '安庆市第四次全国经济普查领导小组办公室',
    '2020年3月10日',
    '根据国务院《关于开展第四次全国经济普查的通知》(国发〔2017〕53号)要求,我市开展了第四次全国经济普查。根据《全国经济普查条例》规定,第四次全国经济普查的标准时点是2018年12月31日,普查的时期资料为2018年度,普查对象是我市境内从事二、三产业活动的全部法人单位、产业活动单位和个体经营户。',
    '一、单位基本情况',
    '2018年末,全市共有从事第二产业和第三产业活动的法人单位23015个。',
  ]);
  assert.deepEqual(meta(r), { year: 2018, issuer: '安庆市', type: '第四次全国经济普查主要数据公报' });
});

test('a page’s placeholder while it loads (页面载入中...) is no title', () => {
  // ko5.com.cn/2020/03/11/31259.html
  const r = read(
    [
      '页面载入中...',
      '',
      '当前位置:',
      '首页 > 车祸新闻 > 深圳市大鹏新区管理委员会公开目录',
      '',
      '  一、2019年工作回顾',
      '',
      '  过去一年是新中国成立70周年,是深圳市建市40周年。一年来,我们在市委市政府和新区党工委坚强领导下,推动经济社会事业不断取得新成效。',
    ],
    'dapeng.txt',
  );
  assert.notEqual(r.title, '页面载入中...');
  assert.ok(!r.title.includes('载入中'), r.title);
});

test('a district’s 依法行政年度报告, its government named twice in the CMS’s field: a 法治 report of 花山区人民政府', () => {
  // www.mashsq.gov.cn/xxgk/openness/detail/content/57a5c43ed439eb9403452a76.html
  const r = read([
    '发布机构: 花山区政府(政府办公室)',
    '文       号: 花政〔2013〕58号',
    '成文日期: 2013-06-25',
    '',
    '花山区人民政府花山区政府2012年依法行政年度报告',
    '',
    '2012年,我区依法行政工作在市委、市政府和区委的正确领导下,认真贯彻落实国务院《全面推进依法行政实施纲要》,依法行政水平不断提高。现将有关情况报告如下:',
    '一、加强组织领导',
  ]);
  assert.deepEqual(meta(r), { year: 2012, issuer: '花山区人民政府', type: '法治政府建设工作报告' });
});

test('a prefecture’s 行署工作报告 to its congress’s working committee is its work report, issued by its 行政公署', () => {
  // www.xjtc.gov.cn/zfxxgk/xxgkzl/zfgzbg/content_34193
  const r = read([
    '您的位置:首页 >信息公开>信息公开专栏>政府工作报告>正文',
    '',
    '2011年行署工作报告',
    '',
    '2021-08-20 17:10:37 点击:[] 打印',
    '',
    '行 署 工 作 报 告',
    '',
    '(2011年4月28日)',
    '',
    '地区人大工委主任、各位副主任,各位委员:',
    '',
    '现在,我代表塔城地区行署,向地区人大工委2011年第一次会议作工作报告,请予审议,并请列席会议的同志提出意见。',
    '',
    '一、过去一年工作回顾',
    '',
    '2010年,塔城地区行署在上级党委、政府和地委的坚强领导下,以科学发展观为统领,积极克服严寒、暴雪、洪水等特大自然灾害带来的不利影响。',
  ]);
  assert.deepEqual(meta(r), { year: 2011, issuer: '塔城地区行政公署', type: '政府工作报告' });
});

test('a ministry’s report of its own offices (海关总署(本级机关)…): the ministry; a utility’s (白银市动力公司): the company', () => {
  // A mirror of www.customs.gov.cn's page (its name replaced by a gambling site's).
  const customs = read([
    '您的位置:pa凯发国际登录首页 > 政务公开 > 政府信息公开专栏 > 政府信息公开年报',
    '',
    '海关总署(本级机关)2020年政府信息公开工作年度报告',
    '',
    '  本报告根据《中华人民共和国政府信息公开条例》等规定,梳理2020年度海关总署(本级机关)政府信息公开工作情况编制而成。报告中所列数据的统计期限,自2020年1月1日起至2020年12月31日止。',
  ]);
  assert.deepEqual(meta(customs), { year: 2020, issuer: '海关总署', type: '政府信息公开工作年度报告' });
  // liulanqixz.com/article/83/14.html (a mirror in traditional characters)
  const utility = read([
    '白銀市動力公司2008年政府信息公開工作年度報告',
    '根據《白銀市人民政府辦公室關於做好2008年度政府信息公開工作年度報告編制和公開工作的通知》要求,編制完成本報告。',
    '一、概述',
    '推進政府信息公開是建設“服務政府、責任政府、法治政府”的一項重要工作。我公司以“一把手負總責”為原則。',
  ]);
  assert.deepEqual(meta(utility), { year: 2008, issuer: '白银市动力公司', type: '政府信息公开工作年度报告' });
});

test('the template’s first heading run on to its first sentence (一、總體情況 2019年度,…): the year', () => {
  // www.nopopular.com/publish/cbnews/202001/22/cb2069_1.shtml (traditional characters, a mirror's pinyin)
  const r = read([
    '一、總體情況 2019年度,襄陽中環水務有限公司在市信息公開辦的指導下,根據《中華人民共和國政府信息公開條例》和《湖北省人民政府信息公開規定》等相關文件精神,將除涉及國家秘密、商業機密和個人隱私以外的信息,主動向社會進行了公開。2019年度共對外發布信息542條。',
    '二、主動公開政府信息情況',
    '本年度主動公開政府信息542條。',
    '三、收到和處理政府信息公開申請情況',
    '本年度未收到政府信息公開申請。',
  ]);
  assert.equal(r.year, 2019);
  assert.equal(r.type, '政府信息公开工作年度报告');
});

test('the template’s contact, 请联系吴起县政府政务服务中心: the county’s government', () => {
  // www.wqx.gov.cn/zfxxgk/zfxxgknb/xj/1753311688616128514.html (the page's body, no title line)
  const r = read(
    [
      '根据《中华人民共和国政府信息公开条例》要求,特向社会公布2023年政府信息公开工作年度报告。主要内容包括主动公开政府信息情况、依申请公开办理情况、行政复议和行政诉讼情况。本报告所列数据统计时限为2023年1月1日至12月31日,如对本报告有疑问,请联系吴起县政府政务服务中心。',
      '地址:吴起县档案馆4楼402室;',
      '一、总体情况',
      '2023年,我县坚持以习近平新时代中国特色社会主义思想为指导。',
    ],
    '1753311688616128514.txt',
  );
  assert.deepEqual(meta(r), { year: 2023, issuer: '吴起县人民政府', type: '政府信息公开工作年度报告' });
});

test('a lead that reports a year’s 法治政府建设 and the next year’s plan (现将虹桥街道2021年度法治政府建设工作及2022年工作计划报告如下)', () => {
  // zwgk.shcn.gov.cn/xxgk/jhzj-hqjdzdgz/2022/306/64511.html (the page's body)
  const r = read(
    [
      '2021年,在区委、区政府坚强领导下,虹桥街道深入学习贯彻习近平法治思想,扎实推进基层法治建设各项工作,成功入选上海市第一批法治示范创建街镇。现将虹桥街道2021年度法治政府建设工作及2022年工作计划报告如下:',
      '2021年虹桥街道法治政府建设工作',
      '一、坚持党的领导,推进基层法治建设',
      '一是党委推动领导、强化法治机制建设。',
    ],
    '64511.txt',
  );
  assert.deepEqual(meta(r), { year: 2021, issuer: '虹桥街道办事处', type: '法治政府建设工作报告' });
});

test('a Party committee and the government on the line under a title that names no issuer, then the title with 关于: the government’s', () => {
  // yuwangtai.gov.cn/2023/07-14/2869501.html
  const r = read([
    '2022年度法治政府建设情况的报告',
    '中共禹王台区委 禹王台区人民政府',
    '关于2022年度法治政府建设情况的报告',
    '中共开封市委、开封市人民政府:',
    '2022年,禹王台区坚持以习近平新时代中国特色社会主义思想为指导,坚持党的全面领导,现将有关工作情况报告如下:',
    '一、强化法治政府建设领导机制',
    '(一)坚持党的领导。',
  ]);
  assert.equal(r.title, '禹王台区人民政府2022年度法治政府建设情况的报告');
  assert.deepEqual(meta(r), { year: 2022, issuer: '禹王台区人民政府', type: '法治政府建设工作报告' });
  assert.ok(!r.text.includes('中共禹王台区委 禹王台区人民政府'), 'the line goes with the title');
});

test('an essay site’s crumb and its 范文 (美章网 资料文库 镇政府报告范文) over a town’s address to its congress: a work report', () => {
  // www.xchen.com.cn/baogao/gongzuobaogao/545103.html
  const r = read([
    '美章网 资料文库 镇政府报告范文',
    '',
    '镇政府报告范文',
    '',
    '镇政府报告',
    '',
    '各位代表:',
    '',
    '现在,我代表镇人民政府,向大会作政府工作报告,请予审议,并请列席人员提出意见。',
    '',
    '一、2004年政府工作回顾',
    '',
    '2004年,是我镇历史上不平凡的一年,镇人民政府在镇党委的正确领导下,各项工作成效显著。',
  ]);
  assert.equal(r.title, '镇政府报告');
  assert.deepEqual(meta(r), { year: 2005, issuer: null, type: '政府工作报告' });
});

test('a work report’s day and speaker in brackets on a line of their own above the address ((2008年1月16日 王正偉)): its year', () => {
  // A mirror in traditional characters of a collection of the provinces' 2008 reports (宁夏).
  const r = read(
    [
      '(點擊查閱更多2008年地方政府工作報告)',
      '(2008年1月16日 王正偉)',
      '各位代表:',
      '現在,我代表自治區人民政府,向大會作政府工作報告,請予審議,并請自治區政協各位委員和其他列席人員提出意見。',
      '一、經濟社會發展取得巨大成就的五年',
      '在黨中央、國務院和自治區黨委的正確領導下,九屆人大一次會議以來的五年,是我區經濟發展最快的五年。',
    ],
    'ningxia.txt',
  );
  assert.equal(r.type, '政府工作报告');
  assert.equal(r.year, 2008);
});

test('a national department’s communiqué (2021年全國教育事業發展統計公報) is of the same type as a province’s; a site’s update note and pictographs after a title go', () => {
  // A mirror of www.moe.gov.cn's page (its own spam line over it).
  const national = read([
    '首頁>檢索頁>當前',
    '',
    '2021年全國教育事業發展統計公報',
    '',
    '發布時間:2022-09-14 來源:教育部網站',
    '',
    '2021年,教育系統堅持以習近平新時代中國特色社會主義思想為指導,全面貫徹黨的教育方針。',
    '一、學前教育',
    '全國共有幼兒園29.48萬所。',
  ]);
  assert.equal(national.type, '教育事业发展统计公报');
  assert.equal(typeOfTitle('2021年全国教育事业发展统计公报'), '教育事业发展统计公报');
  assert.equal(typeOfTitle('全国人民代表大会常务委员会工作报告'), '全国人民代表大会常务委员会工作报告', 'a body’s 全国 stays');
  // A mirror of 蚌埠's communiqué (traditional characters with pinyin).
  const updated = read([
    '2024年安徽省蚌埠市人民政府國(guó)民經(jīng)濟(jì)和社會(huì)發(fā)展統(tǒng)計(jì)公報(bào)(2025年更新)',
    '蚌埠市統(tǒng)計(jì)局',
    '2025年3月31日',
    '2024年,在市委、市政府的堅(jiān)強(qiáng)領(lǐng)導(dǎo)下,全市上下堅(jiān)持穩中求進工作總基調。',
  ]);
  assert.ok(!updated.title.includes('更新'), updated.title);
  assert.equal(updated.type, '国民经济和社会发展统计公报');
  // A page that copies a report's form, its title with a pictograph.
  const emoji = read(['镇原县2024工作报告📜', '尊敬的各位领导、各位代表,大家好!', '一、回顾2023年工作成果', '全县经济稳中有进。']);
  assert.equal(emoji.title, '镇原县2024工作报告');
});

test('a resolution’s adoption line after its name (…的决议 (一九九三年三月十二日…会议通过)) is no part of its type', () => {
  // A newspaper archive's record (东营日报, 1993).
  const r = read([
    '返回概览 <<上一记录 下一记录>> 打印预览 下载记录',
    '【日期】= 1993.03.13',
    '【期号】= 551',
    '【标题】= 东营市第三届人民代表大会第一次会议关于政府工作报告的决议  (一九九三年三月十二日东营市第三届人民代表大会第一次会议通过)',
    '【版次】= 02',
    '【正文】=',
    '',
    '东营市第三届人民代表大会第一次会议关于政府工作报告的决议  (一九九三年三月十二日东营市第三届人民代表大会第一次会议通过)',
    '',
    '  (1993.03.13)',
    '  东营市第三届人民代表大会第一次会议听取和审议了市长所作的政府工作报告,决定批准这个报告。',
  ]);
  assert.equal(r.type, '东营市第三届人民代表大会第一次会议关于政府工作报告的决议');
  assert.equal(r.year, 1993);
});

test('an archive’s field over the text (【标题】= …) gives the title without its key', () => {
  const r = read(['【标题】= 东营市1993年政府工作报告', '【正文】=', '各位代表:', '现在,我代表市人民政府,向大会作政府工作报告,请予审议。']);
  assert.equal(r.title, '东营市1993年政府工作报告');
  assert.deepEqual(meta(r), { year: 1993, issuer: '东营市人民政府', type: '政府工作报告' });
});

test('a province’s government named with no place in its title (省人民政府关于…), whose opening names one province: that province’s', () => {
  // www.hubei.gov.cn (the report to the State Council, 2020)
  const page = (opening: string) =>
    read(['省人民政府关于2020年度推进法治政府建设情况的报告', opening, '一、2020年度推进法治政府建设的主要举措和成效', '(一)深入学习贯彻习近平法治思想。']);
  const hubei = page(
    '2020年是湖北历史上极不平凡、极不容易、极其难忘的一年。在党中央、国务院和省委的正确领导下,省政府坚持以习近平新时代中国特色社会主义思想为指导,全力推进法治政府建设。现将有关情况报告如下。',
  );
  assert.deepEqual(meta(hubei), { year: 2020, issuer: '湖北省人民政府', type: '法治政府建设工作报告' });
  // Two provinces named: neither is taken.
  const two = page('2020年,湖北省与湖南省签订合作协议,省政府坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况报告如下。');
  assert.equal(two.issuer, null);
});
