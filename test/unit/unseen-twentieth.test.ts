/**
 * The twentieth pass over unseen reports, page openings from the stored pages: work reports of towns, counties and
 * prefectures (乌镇镇, 练市镇, 长乐市 2007, 琼海市, 玉屏, 果洛, 拉萨, 江西 2010 on a wiki's mirror), communiqués (丹寨, 玉环, 黄南,
 * 兵团, 宁夏, 青海 on a forum, 吉林 1994), 法治 reports of sub-districts, towns, departments and regions (东湖街道, 古城街道,
 * 贤庠镇, 绍兴市市场监管局, 武汉市国资委, 新疆 2017, 黔西南州, 内蒙古 2016 in traditional characters) and 信息公开 reports of
 * departments, towns, zones, a hospital and a university (金乡县水务局 2009, 临淄区林业局 2008 on a hacked mirror, 大理州 2011,
 * 西藏 2023 with pinyin, 柳湖镇, 舒城经开区, 鞍山高新区, 晋城市妇幼保健院, 安徽大学). What recurred and is mended here: a
 * title that names its place as it is named now over the congress of then; a communiqué's first paragraph 根据…核算结果 and
 * its place named only in its opening; a page's posting date after a title; a traditional title field with pinyin; a hacked
 * page's keywords run together by underscores; a wiki's box of facts; a 法治 report's subject before 法治政府建设工作; a
 * hospital's and a university's reports.
 * Texts: the pages' opening paragraphs as the pages give them (ASCII commas and brackets, as the copies have them).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFigures, reportFigures } from '../../src/core/compare/index.ts';
import { importSource, type Report } from '../../src/core/index.ts';
import { withoutInjectedSpam } from '../../src/core/model/index.ts';
import { parseIssuer, typeOfTitle } from '../../src/core/series/index.ts';

const read = (lines: readonly string[], name = 'page.txt'): Report => {
  const r = importSource(name, Buffer.from(lines.join('\n'))).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};
const meta = (r: Report) => ({ year: r.year, issuer: r.issuer, type: r.type });

test('a title that names its place as it is named now, over the congress of then: the government of that congress (长乐 2007)', () => {
  // www.fzcl.gov.cn/xjwz/zwgk/gzbg/201705/…: 长乐区's site (长乐市 became a district in 2017) keeps the 2007 report; its
  // session line lost its date's characters.
  const page = (session: string) => [
    '长乐区',
    '您当前的位置: 首页 > 政务公开 > 工作报告',
    '政府工作报告(2007年)',
    '来源:长乐市人民政府 2007-01-12 16:50 浏览量:',
    session,
    '代市长  林文芳',
    '各位代表:',
    '现在,我代表市第十四届人民政府向大会作政府工作报告,请予审议,并请市政协各位委员和其他列席人员提出意见。',
    '大步跨越的三年',
    '2006年是实施“十一五”规划的开局之年,在上级党委、政府和市委的正确领导下,市政府坚持以邓小平理论为指导,圆满地完成市十四届人大三次会议确定的目标任务。',
  ];
  assert.deepEqual(meta(read(page('2007112在长乐市第十五届人民代表大会第一次会议上)'))), {
    year: 2007,
    issuer: '长乐市人民政府',
    type: '政府工作报告',
  });
  assert.equal(read(page('——2007年1月12日在长乐市第十五届人民代表大会第一次会议上')).issuer, '长乐市人民政府');
  // A congress of the place the title names: the title's place stands, wider as it writes it.
  assert.equal(
    read(['福州市长乐区政府工作报告(2020年)', '——2020年1月8日在长乐区第一届人民代表大会第五次会议上', '各位代表:', '现在,我代表区人民政府向大会报告工作。'])
      .issuer,
    '福州市长乐区人民政府',
  );
  // A congress of another place altogether is no renaming: the title's place stands.
  assert.equal(
    read(['长乐区政府工作报告(2007年)', '——2007年1月12日在福清市第十五届人民代表大会第一次会议上', '各位代表:', '现在,我代表市人民政府向大会报告工作。'])
      .issuer,
    '长乐区人民政府',
  );
});

test('a communiqué with no title: 根据…核算结果 under 一、综合, 种植业 a chapter, and its place named only in its opening (黄南 2023)', () => {
  // tjgb.hongheiku.com/djs/48336.html: an aggregator's copy, no title.
  const opening = [
    '2023年,是全面贯彻党的二十大精神的开局之年,是三年疫情防控转段后经济恢复发展的一年,也是黄南藏族自治州成立70周年。全州上下坚持以习近平新时代中国特色社会主义思想为指导,坚持稳中求进工作总基调,着力推动高质量发展。全州经济在承压前行中稳步恢复、持续向好。',
    '一、综合',
    '根据地区生产总值统一核算结果,全年全州生产总值113.47亿元,按不变价格计算,比上年增长2.2%。分产业看,第一产业增加值32.08亿元,增长4.9%。',
  ];
  assert.deepEqual(meta(read(opening)), { year: 2023, issuer: '黄南藏族自治州', type: '国民经济和社会发展统计公报' });
  // Its second chapter 种植业 (a herding prefecture's) is a sector's: with a first paragraph of any kind, a communiqué.
  const sectors = read([opening[0], '一、综合', '全州经济平稳。', '二、种植业', '全年粮食播种面积4.2万公顷。']);
  assert.equal(sectors.type, '国民经济和社会发展统计公报');
  // Its own level is the one it speaks of as its own (全州); two places of that level, or none, name no issuer.
  assert.equal(read(['2023年,甲乙县和丙丁县携手推进协作,全县经济平稳。', ...opening.slice(1)]).issuer, null);
  assert.equal(read(['2023年,全州经济平稳运行。', ...opening.slice(1)]).issuer, null);
  // A county's that names its city: the county's place is the one of its level (全县), the city is not.
  const county = read(['2023年,在黔东南州委、州政府的坚强领导下,雷山县全县上下坚持稳中求进,全县经济平稳。', ...opening.slice(1)]);
  assert.equal(county.issuer, '雷山县');
});

test('a page’s posting date after a title goes; a traditional title field with pinyin is one (五角场街道 2016, 西藏 2023)', () => {
  // www.shyp.gov.cn/…: the date run onto the title's line.
  const wujiaochang = read([
    '五角场街道办事处2016年工作总结和2017年工作安排 2018-06-15',
    '五角场街道办事处2016年工作总结和2017年工作安排',
    '一、2016年主要工作回顾',
    '2016年,街道办事处在区委、区政府和街道党工委的坚强领导下,优化公共管理、强化公共服务、确保公共安全。',
  ]);
  assert.equal(wujiaochang.title, '五角场街道办事处2016年工作总结和2017年工作安排');
  assert.equal(wujiaochang.type, '工作总结和工作安排');
  // www.jyhqs.com/…: a mirror of xizang.gov.cn, traditional with pinyin after some characters, its table's title row.
  const xizang = read([
    '標(biāo)      題 西藏自治區(qū)人民政府 2023年政府信息公開工作年度報告',
    '        索引號 000014349/2024-00600 文      號',
    '        背景色:',
    '        西藏自治區(qū)人民政府',
    '        2023年政府信息公開工作年度報告',
    '        ?',
    '        根據(jù)《中華人民共和國政府信息公開條例》國務(wù)院令第711號)(以下簡稱《條例》)要求,現(xiàn)綜合各地、自治區(qū)政府組成部門及直屬機構(gòu)政府信息公開情況,編制發(fā)布本年度報告。',
    '        一、總體情況',
    '        2023年,西藏自治區(qū)人民政府堅持以習(xí)近平新時代中國特色社會主義思想為指導(dǎo),全面推政府信息公開各項任務(wù)落實。',
  ]);
  assert.deepEqual(meta(xizang), { year: 2023, issuer: '西藏自治区人民政府', type: '政府信息公开工作年度报告' });
  assert.equal(xizang.title, '西藏自治區人民政府 2023年政府信息公開工作年度報告');
});

test('a hacked page’s keywords run together by underscores: not the report’s (临淄区林业局 2008)', () => {
  // zydacafe.com/gongkai/…: a mirror that injected a gambling site's keywords into a heading and a field.
  const r = read([
    '标题: | 林业局2008年政府信息公开年度报告 | ||',
    '---|---|---|---|',
    '发文日期: | 2009-02-27 15:19:45 | 发布机构: | BET3365手机下载_365体育亚洲官方入口app下载_beat365app下载官网林业服务中心 |',
    '根据市政府办公厅《关于做好政府信息公开工作年度报告编制工作的通知》要求,现将我单位2008年度政府信息公开工作情况报告如下:',
    '一、组织领导方面',
    '我局高度重视政府信息公开工作。',
    '二、因政府信息公开申请行政复议、提起行政诉讼情况BET3365手机下载_365体育亚洲官方入口app下载_beat365app下载官网',
    '2008年未发生因政府信息公开申请行政复议、提起行政诉讼的情况。',
  ]);
  assert.deepEqual(
    r.outline.map((n) => n.title),
    ['组织领导方面', '因政府信息公开申请行政复议、提起行政诉讼情况'],
  );
  assert.ok(!r.paragraphs.some((p) => /BET3365|beat365/.test(p.text)));
  // The text's own words on either side stay; underscores with no gambling site's words are the text's.
  assert.equal(withoutInjectedSpam('发布机构:BET3365手机下载_365体育亚洲官方入口app下载_beat365app下载官网林业服务中心'), '发布机构:林业服务中心');
  assert.equal(withoutInjectedSpam('《uedbet体育_uedbet官网@:西柳镇人民政府2023年报告》'), '《西柳镇人民政府2023年报告》');
  assert.equal(withoutInjectedSpam('附件: report_2023_final.docx 下载'), '附件: report_2023_final.docx 下载');
  // The text's own digits before the run and its own words after it stay (…官网县体育局: 县体育局).
  assert.equal(withoutInjectedSpam('四、2019年因行政复议情况BET3365手机下载_365体育app下载_beat365app下载官网'), '四、2019年因行政复议情况');
  assert.equal(withoutInjectedSpam('发布机构:BET3365手机下载_365体育app_beat365app下载官网县体育局'), '发布机构:县体育局');
  // Prose with an underscore and such words in one segment only stays.
  assert.equal(withoutInjectedSpam('2020年全县政务服务平台_APP下载量达10万次，'), '2020年全县政务服务平台_APP下载量达10万次，');
  assert.equal(withoutInjectedSpam('数据见统计_年鉴_2023 官网'), '数据见统计_年鉴_2023 官网');
});

test('a wiki’s box of facts gives the title; a 法治 report’s subject before 法治政府建设工作 is its issuer (江西 2010, 内蒙古 2016)', () => {
  // newton.com.tw/wiki/2010年江西政府工作報告: the entry's summary, its box of facts, then the report.
  const jiangxi = read([
    '2009年是新世紀以來我國經濟社會發展最為困難的一年,也是我省應對國際金融危機取得顯著成效的一年。',
    '基本介紹',
    '- 中文名:2010年江西政府工作報告',
    '- 時間:2010年',
    '- 地址:江西',
    '- 內容:積極應對國際金融危機衝擊',
    '各位代表:',
    '現在,我代表省人民政府,向大會報告工作,請予審議,並請各位省政協委員和列席會議的同志提出意見。',
    '一、2009年工作簡要回顧',
    '在黨中央、國務院和省委的堅強領導下,全省人民堅持以科學發展觀為指導,全省經濟社會保持平穩較快發展。',
  ]);
  assert.deepEqual(meta(jiangxi), { year: 2010, issuer: '江西省人民政府', type: '政府工作报告' });
  assert.equal(jiangxi.title, '2010年江西政府工作報告');
  assert.ok(!jiangxi.paragraphs.some((p) => /中文名|地址:江西/.test(p.text)));
  // jendow.com.tw/wiki/內蒙古自治區2016年度法治政府建設工作報告: no title, traditional characters.
  const rest = ['一、統籌規劃,法治政府建設整體推進', '自治區黨委、政府高度重視法治政府建設,自覺把建設法治政府擺在全區工作全局的重要位置。'];
  const neimenggu = read([
    '2016年,內蒙古自治區法治政府建設工作在自治區黨委、政府的領導下,全面貫徹黨的十八大精神,全面推進依法行政,全區法治政府建設工作取得了長足進步。',
    ...rest,
  ]);
  assert.deepEqual(meta(neimenggu), { year: 2016, issuer: '内蒙古自治区人民政府', type: '法治政府建设工作报告' });
  const simplified = read([
    '2016年,内蒙古自治区法治政府建设工作在自治区党委、政府的领导下,全面推进依法行政,取得了长足进步。',
    '一、统筹规划,法治政府建设整体推进',
    '自治区党委、政府高度重视法治政府建设。',
  ]);
  assert.equal(simplified.issuer, '内蒙古自治区人民政府');
});

test('a hospital’s and a university’s 信息公开 reports name their issuers (晋城市妇幼保健院 2014, 安徽大学 2015-2016)', () => {
  // jcsfybjy.com/ywgk/202303/…: a hospital's report on the 条例's template of before 2019.
  const hospital = read([
    '2014年晋城市妇幼保健院政府信息公开年度报告',
    '时间:2015-03-09',
    '根据《中华人民共和国政府信息公开条例》(以下简称《条例》),特向社会公布2014年度晋城市妇幼保健院信息公开工作年度报告。现汇报如下:',
    '一、概述',
    '2014年,我院认真贯彻落实《条例》,政府信息公开工作有序开展。',
  ]);
  assert.deepEqual(meta(hospital), { year: 2014, issuer: '晋城市妇幼保健院', type: '政府信息公开工作年度报告' });
  // www1.ahedu.gov.cn/xxgk2016/…: a university's report of a school year, published by the province's education department.
  const university = read([
    '安徽大学2015-2016学年度信息公开工作年度报告',
    '根据《安徽省教育厅关于做好2015-2016学年度高校信息公开工作年度报告工作的通知》要求,现编制2015-2016学年安徽大学信息公开工作年度报告。',
    '一、概述',
    '2015-2016学年度,我校在省委教育工委、省教育厅的正确指导下,精心组织,周密安排。',
  ]);
  assert.equal(university.issuer, '安徽大学');
  // Its school year is the year it reaches, as a range of years is.
  assert.equal(university.year, 2016);
  // A 学院 or a 医院 names its place to be an issuer; a university needs none.
  assert.equal(read(['2014年人民医院政府信息公开年度报告', '一、概述', '2014年,我院工作有序开展。']).issuer, null);
});

test('a work report’s abstract titled with its speaker and session is a 政府工作报告(摘要), dated by the session (嫩江县 2001, 济南 1999)', () => {
  // www.hljszw.org.cn/home/book/info/get_id/340843.html: a gazetteer's copy, broken across lines as the book set it.
  const nenjiang = read([
    '您的当前位置:',
    '县长亢稚林在嫩江县第十三届人民代表大会第五次会议上所做的政府工作报告(摘要)',
    '   (2001年3月13日)',
    '  2000年,在县委的正确领导下,县政府认真贯彻中央和省、市一系列重大部署,正确处理改革、发展和稳定关系,基本完成了县十三届人民代表大会第四次会议确定的任务目标。',
    '一、农业结构调整初见成效.农村经济稳定增长',
    '全县粮食总产量达到历史最高水平。',
  ]);
  assert.deepEqual(meta(nenjiang), { year: 2001, issuer: '嫩江县人民政府', type: '政府工作报告(摘要)' });
  // shandong-chorography.org/…: the session run onto the title after a dash.
  const jinan = read([
    '政府工作报告(摘要)--1999年2月25日在济南市第十二届人民代表大会第二次会议上',
    '济南市市长谢玉堂',
    '各位代表:',
    '我受市人民政府委托,向大会报告政府工作,请审议,并请各位政协委员和其他列席人员提出意见。',
    '一、本届政府开局之年的工作',
    '全市实现国内生产总值821.1亿元,比上年增长13.1%。',
  ]);
  assert.deepEqual(meta(jinan), { year: 1999, issuer: '济南市人民政府', type: '政府工作报告(摘要)' });
});

test('a notice that publishes a report names the report’s issuer; a news headline’s clause is no title (贺州 2009, 济阳 2018)', () => {
  // www.fsou.com.cn/…: the city's office publishes the city's report, which follows the notice.
  const hezhou = read([
    '贺州市人民政府办公室关于公布',
    '贺州市2009年度政府信息公开工作年度报告的通知',
    '(贺政办发〔2010〕3号)',
    '各县(区)人民政府,平桂管理区管委,市政府各副处级以上单位:',
    '按照《中华人民共和国政府信息公开条例》要求,我办编制了《贺州市2009年度政府信息公开工作年度报告》,现予公布。',
    '二〇一〇年一月十九日',
    '贺州市2009年度政府信息公开工作年度报告',
    '一、本年度政府信息公开工作的基本情况',
    '2009年,我市认真贯彻《条例》。',
  ]);
  assert.deepEqual(meta(hezhou), { year: 2009, issuer: '贺州市人民政府', type: '政府信息公开工作年度报告' });
  // www.xjyszb.cn/News/4061.aspx: a county paper's report of the session's opening, which quotes the work report.
  const jiyang = read([
    '济阳县第十八届人民代表大会第二次会议隆重开幕',
    '孙良才主持会议 孙战宇作政府工作报告 孙斌任道胜王长军黄凯东在主席台就座',
    '本报讯 1月14日,济阳县第十八届人民代表大会第二次会议在会务中心礼堂隆重开幕。',
    '在热烈的掌声中,孙战宇代表县政府向大会作政府工作报告。报告分为三个部分:2017年政府工作回顾;2018年政府工作的总体思路和目标任务;加强政府自身建设。',
  ]);
  assert.equal(jiyang.type, null);
  assert.equal(jiyang.title, '济阳县第十八届人民代表大会第二次会议隆重开幕');
});

test('a breadcrumb set apart by spaces before a title goes (尖山区 2022, an interpretation page)', () => {
  // www.sysjs.gov.cn/html/viewnews.jsp?newsid=22614: a page that interprets the draft report, not the report.
  const r = read([
    '首页 政策解读 关于《政府工作报告(征求意见稿)》解读',
    '关于《政府工作报告(征求意见稿)》解读',
    '新闻来源: 政府办 责任编辑: 尖山区政府研究室 发布时间: 2022-12-30 点击量: 5483',
    '《政府工作报告(征求意见稿)》,是在认真归纳总结区属部门上报的2022年工作总结和2023年工作安排的基础上形成的。',
  ]);
  assert.equal(r.title, '关于《政府工作报告(征求意见稿)》解读');
  assert.equal(r.type, '关于《政府工作报告(征求意见稿)》解读');
  // A document site's page mark before a title goes too.
  assert.equal(read(['第1页共18页某县2023年政府工作报告', '各位代表:', '现在,我代表县人民政府向大会报告工作。']).title, '某县2023年政府工作报告');
});

test('a number whose zeros a copy typed as the letter O is read with zeros (吉林 1994 on 吉林省统计信息网)', () => {
  // bfboer.com/html/tjgbndgb.200806t20080603_403081.html: the communiqué of 1994 as the bureau's site keyed it.
  const r = read([
    '吉林省1994年国民经济和社会发展统计公报',
    '(1995年2月2O日)',
    '一、综合',
    '全年全省国内生产总值完成974.OO亿元,比上年增长14.1%。第三产业增加值的比重达29.3%,比上年提高O.1个百分点。',
  ]);
  const f = new Map(reportFigures(r).map((x) => [x.label, `${x.value} ${x.unit}`]));
  assert.equal(f.get('国内生产总值'), '974 亿元');
  assert.equal(f.get('国内生产总值增长'), '14.1 %');
  assert.equal(f.get('第三产业增加值的比重提高'), '0.1 个百分点');
  // The figure's text keeps its place in the paragraph (one character for one).
  const text = '国内生产总值完成974.OO亿元。';
  const [gdp] = extractFigures(text);
  assert.equal(text.slice(gdp.start, gdp.end), '974.OO亿元');
  // Letters of a word stay letters: CO2 is no C02.
  assert.deepEqual(
    extractFigures('CO2排放量下降5%。').map((x) => x.label),
    ['CO2排放量下降'],
  );
});

test('a community is no sub-district nor district: 解放街社区, 朝阳区社区服务中心 (a 街 level’s and a 区 word’s edges)', () => {
  // A community's committee named after its street: its 街 no sub-district (it read as 解放街道 and a 社区居民委员会).
  assert.equal(parseIssuer('解放街社区居民委员会'), null);
  assert.deepEqual(parseIssuer('铁西区解放街社区居委会'), {
    units: [{ text: '铁西区', name: '铁西', base: '区', rank: 2 }],
    levelOnly: null,
    org: '解放街社区居委会',
  });
  // 社区 is no district named 社 (朝阳区 + 社区 + 服务中心 it was), nor 小区, 景区, 辖区, 片区; 城区 is a district's name.
  assert.equal(
    parseIssuer('朝阳区社区服务中心')
      ?.units.map((u) => u.text)
      .join('|'),
    '朝阳区',
  );
  assert.equal(parseIssuer('黄山风景区管委会'), null);
  assert.equal(
    parseIssuer('阳泉市城区人民政府')
      ?.units.map((u) => u.text)
      .join('|'),
    '阳泉市|城区',
  );
  // 广州's sub-districts still are (鹤龙街 → 鹤龙街道).
  assert.equal(
    parseIssuer('鹤龙街办事处')
      ?.units.map((u) => u.text)
      .join('|'),
    '鹤龙街道',
  );
});

test('the three sectors’ ratio with a PDF’s spaces between its words gives the shares (开州区’s 三 次 产业结构 比 为…)', () => {
  const shares = (t: string) => extractFigures(t).map((f) => `${f.label} ${f.value}${f.unit}`);
  const written = shares('三次产业结构比为7.2:38.5:54.3。');
  assert.equal(written.length, 3);
  assert.deepEqual(shares('三 次 产业结构 比 为 7.2 ：38.5 ：54.3。'), written);
  assert.deepEqual(shares('三次 产业 结构比为7.2:38.5:54.3。'), written);
  // Three numbers with colons and no sectors named before them are no shares.
  assert.deepEqual(shares('比 为 7.2 ：38.5 ：54.3。'), []);
});

test('departments’ and towns’ reports as pages give them: 的 before 法治政府建设工作, a town’s 党政办公室, a hacked copy’s domain (郑州 2025, 两城镇 and 沙头镇 2020)', () => {
  // wjw.zhengzhou.gov.cn/ywgz/9878946.jhtml: no title; the commission's year of 法治政府建设 opens the text.
  const zhengzhou = read([
    '2025年,郑州市卫生健康委的法治政府建设工作紧紧围绕《郑州市2025年度法治政府建设工作要点》抓落实,扎实有效推进各项工作,年度法治政府建设取得了积极成效。现将情况报告如下:',
    '一、主要举措和成效',
    '(一)筑牢法治底线,深入学习习近平法治思想。委党组坚持把习近平法治思想贯彻落实到法治建设全过程。',
  ]);
  assert.deepEqual(meta(zhengzhou), { year: 2025, issuer: '郑州市卫生健康委员会', type: '法治政府建设工作报告' });
  // www.weishan.gov.cn/module/xxgk/xxgkAnnualReport.jsp?…: the town's report, compiled by its government's 党政办公室.
  const liangcheng = read([
    '一、工作基本情况',
    '本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由两城镇人民政府党政办公室编制。本报告中所列数据的统计期限为2020年1月1日至2020年12月31日。',
    '二、主动公开政府信息情况',
    '第二十条第(一)项 | ||||',
  ]);
  assert.deepEqual(meta(liangcheng), { year: 2020, issuer: '两城镇人民政府', type: '政府信息公开工作年度报告' });
  // puroview.com/module/xxgk/…: a hacked copy that set its domain before the town's name.
  const shatou = read([
    'puroview.com沙头镇人民政府2020年度政府信息公开工作年度报告',
    '发布时间:2021-01-21',
    '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,现公布puroview.com沙头镇2020年政府信息公开工作年度报告。',
    '一、总体情况',
    '2020年,我镇认真贯彻落实《条例》。',
  ]);
  assert.deepEqual(meta(shatou), { year: 2020, issuer: '沙头镇人民政府', type: '政府信息公开工作年度报告' });
  assert.equal(shatou.title, '沙头镇人民政府2020年度政府信息公开工作年度报告');
});

test('a chapter marker alone over a figure’s sentence keeps no title taken from it (承德县 2020)', () => {
  // xxgk.cdx.gov.cn/content.jsp?code=24101: the communiqué's chapter names lost (一、 followed by spaces alone).
  const r = read([
    '承德县2020年国民经济和社会发展统计公报',
    '一、   ',
    '初步核算,全县地区生产总值131.1亿元,同比增长4.5%。全年民营经济增加值75.8亿元。',
    '二、农  ',
    '粮食作物播种面积46.63万亩。',
  ]);
  assert.deepEqual(
    r.outline.map((n) => [n.label, n.title]),
    [
      ['一、', ''],
      ['二、', '农'],
    ],
  );
  // A marker over its heading's words on the next line still takes them (一、 / 2022年工作回顾).
  const words = read(['某县2022年政府工作报告', '一、', '2022年工作回顾', '过去一年,全县经济平稳。', '二、', '2023年工作安排', '今年工作的总体要求是…']);
  assert.deepEqual(
    words.outline.map((n) => n.title),
    ['2022年工作回顾', '2023年工作安排'],
  );
});

test('fields and titles as a PDF’s text runs them together: 标题将乐县…, …工作安排2018-06-15, a headline’s clauses with no spaces', () => {
  // The page of 将乐县's 2020 法治 report printed to PDF: its table's keys joined to their values.
  const jiangle = read([
    '标题将乐县人民政府关于2020年法治政府建设情况报告',
    '索引号sm09100-0120-2021-00002文号将政文〔2021〕4号',
    '三明市人民政府:',
    '2020年,我县深入学习贯彻习近平法治思想,法治政府建设取得新成效。现将有关情况报告如下:',
    '一、推进法治政府建设的主要举措和成效',
    '(一)加强党的领导。县政府常务会议研究法治政府建设工作。',
  ]);
  assert.deepEqual(meta(jiangle), { year: 2020, issuer: '将乐县人民政府', type: '法治政府建设工作报告' });
  assert.equal(jiangle.title, '将乐县人民政府关于2020年法治政府建设情况报告');
  // A text that opens with 标题 and no report's whole name after it is no title field (标题党…).
  assert.notEqual(read(['标题党现象值得关注的报告', '一、总体情况', '2020年,我县工作平稳。']).title, '党现象值得关注的报告');
  // The posting date run on to the title.
  const wujiaochang = read([
    '五角场街道办事处2016年工作总结和2017年工作安排2018-06-15',
    '一、2016年主要工作回顾',
    '2016年,街道办事处在区委、区政府和街道党工委的坚强领导下,优化公共管理、强化公共服务。',
  ]);
  assert.equal(wujiaochang.title, '五角场街道办事处2016年工作总结和2017年工作安排');
  // A news headline's clauses run together, under the paper's headline: no title, no work report (no dateline needed).
  const jiyang = read([
    '济阳县第十八届人民代表大会第二次会议隆重开幕',
    '孙良才主持会议孙战宇作政府工作报告孙斌任道胜王长军黄凯东在主席台就座',
    '1月14日,济阳县第十八届人民代表大会第二次会议在会务中心礼堂隆重开幕。',
    '在热烈的掌声中,孙战宇代表县政府向大会作政府工作报告。',
  ]);
  assert.equal(jiyang.title, '济阳县第十八届人民代表大会第二次会议隆重开幕');
  assert.equal(jiyang.type, null);
  // …and as the text's first line, over the paper's dateline: news, no type.
  const dated = read([
    '孙良才主持会议孙战宇作政府工作报告孙斌任道胜王长军黄凯东在主席台就座',
    '本报讯 1月14日,济阳县第十八届人民代表大会第二次会议在会务中心礼堂隆重开幕。',
    '在热烈的掌声中,孙战宇代表县政府向大会作政府工作报告。',
  ]);
  assert.equal(dated.type, null);
  // A paper's reprint of a communiqué under a headline that names it with more words keeps its type from its chapters.
  const reprint = read([
    '全省国民经济和社会发展统计公报发布',
    '本报讯 3月5日,省统计局发布2023年国民经济和社会发展统计公报。',
    '一、综合',
    '初步核算,全年全省地区生产总值3385亿元,比上年增长5.1%。',
    '二、农业',
    '全年粮食产量120万吨。',
  ]);
  assert.equal(reprint.type, '国民经济和社会发展统计公报');
});

test('a page whose <title> and heading are its first sentence keeps the sentence in its text, and takes no sentence for its title', () => {
  const sentence =
    '2023年,是全面贯彻党的二十大精神的开局之年,是三年疫情防控转段后经济恢复发展的一年,也是黄南藏族自治州成立70周年。全州上下坚持稳中求进工作总基调,全州经济稳步恢复。';
  const page = `<html><head><meta charset="utf-8"><title>${sentence}</title></head><body><h1>${sentence}</h1>
<h2>一、综合</h2><p>根据地区生产总值统一核算结果,全年全州生产总值113.47亿元,按不变价格计算,比上年增长2.2%。</p>
<h2>二、种植业</h2><p>全年粮食播种面积4.2万公顷。</p></body></html>`;
  const r = importSource('page.html', Buffer.from(page)).reports[0];
  assert.equal(r.paragraphs[0].text, sentence);
  assert.equal(r.title, '2023年黄南藏族自治州国民经济和社会发展统计公报');
  assert.deepEqual(meta(r), { year: 2023, issuer: '黄南藏族自治州', type: '国民经济和社会发展统计公报' });
});

test('a page with no title of its own takes its text’s title field, as a text file does (a wiki mirror saved as a page)', () => {
  const page = `<html><head><meta charset="utf-8"></head><body><div id="content">
<p>2009年是新世紀以來我國經濟社會發展最為困難的一年,也是我省應對國際金融危機取得顯著成效的一年。</p>
<p>基本介紹</p><p>- 中文名:2010年江西政府工作報告</p><p>- 時間:2010年</p><p>- 地址:江西</p>
<p>各位代表:</p><p>現在,我代表省人民政府,向大會報告工作,請予審議。</p>
<h2>一、2009年工作簡要回顧</h2><p>在黨中央、國務院和省委的堅強領導下,全省經濟社會保持平穩較快發展。</p></div></body></html>`;
  const r = importSource('wiki.html', Buffer.from(page)).reports[0];
  assert.equal(r.title, '2010年江西政府工作報告');
  assert.deepEqual(meta(r), { year: 2010, issuer: '江西省人民政府', type: '政府工作报告' });
});

test('a title line that names no report, no year and no body gives way to the title the text makes (a forum’s name over 青海’s 2021 communiqué)', () => {
  // bbs.hasakesitana.com/archiver/showtopic-8988.aspx: a spam forum's copy, its figures stripped of most digits.
  const r = read([
    '哈萨克斯坦',
    '首页 » 常识 » 预防 » 青海省2021年国民经济和社会发展统计公',
    '年,面对严峻复杂的外部环境和经济恢复发展中的多重矛盾问题,青海省各地区、各部门坚持以习近平新时代中国特色社会主义思想为指导,全省经济稳步恢复、稳中向好。',
    '一、综合',
    '根据地区生产总值统一核算结果,全年生产总值.63亿元,按可比价格计算,比上年增长5.7%。',
  ]);
  assert.deepEqual(meta(r), { year: null, issuer: '青海省', type: '国民经济和社会发展统计公报' });
  assert.equal(r.title, '青海省国民经济和社会发展统计公报');
  // A title that names anything (a body, a year, a document's word) stands: 某某论坛通知 names a notice.
  assert.equal(read(['某某论坛通知', '全省经济稳步恢复。', '一、综合', '初步核算,全年全省生产总值3385亿元。']).title, '某某论坛通知');
});

test('the review’s edges: a count is a heading’s words, 景县 is a county, 图解 stays an about-page, a box’s other facts and 題’s pinyin', () => {
  // A section marker alone over its words with a count (（一） / 实施10项民生实事。…): the title, as before.
  const counted = read([
    '某县2023年政府工作报告',
    '一、2022年工作回顾',
    '（一）',
    '实施10项民生实事。全年投入资金3.2亿元。',
    '（二）',
    '深化改革开放。全面推进改革。',
  ]);
  assert.deepEqual(
    counted.outline[0].children.map((n) => n.title),
    ['实施10项民生实事', '深化改革开放'],
  );
  // A county's name of one character (景县, 沛县) is a place.
  assert.deepEqual(
    parseIssuer('河北省衡水市景县人民政府')?.units.map((u) => u.text),
    ['河北省', '衡水市', '景县'],
  );
  // An about-page's head before the speaker and session keeps it an about-page (its type its title, not the report's).
  const about = read(['图解：市长在市第十七届人民代表大会第三次会议上所作的政府工作报告', '一图读懂今年的政府工作报告。']);
  assert.notEqual(about.type, '政府工作报告');
  assert.equal(
    typeOfTitle('图解：市长在市第十七届人民代表大会第三次会议上所作的政府工作报告'),
    '图解：市长在市第十七届人民代表大会第三次会议上所作的政府工作报告',
  );
  // An encyclopedia's box gives its 中文名 only: its date is the entry's, not the page's.
  const boxed = read([
    '该报告是2010年江西省人民政府向大会所作的报告,回顾了过去一年的工作。',
    '基本介绍',
    '- 中文名:2010年江西政府工作报告',
    '- 发布日期:2008年5月1日',
    '- 地址:江西',
    '各位代表:',
    '现在,我代表省人民政府,向大会报告工作。',
  ]);
  assert.equal(boxed.title, '2010年江西政府工作报告');
  assert.notEqual(boxed.published?.slice(0, 10), '2008-05-01');
  // Pinyin after both characters of a traditional title key (標(biāo) 題(tí)).
  const keyed = read([
    '標(biāo)      題(tí) 西藏自治區(qū)人民政府 2023年政府信息公開工作年度報告',
    '根據《中華人民共和國政府信息公開條例》要求,編制發布本年度報告。',
    '一、總體情況',
    '2023年,西藏自治區人民政府堅持依法公開。',
  ]);
  assert.equal(keyed.issuer, '西藏自治区人民政府');
});

test('a disclosure report’s contact with 可与 and a town’s 党政办公室 names its issuer (大东坝镇 2021)', () => {
  // www.songyang.gov.cn/art/2022/1/11/art_1229358718_4858173.html: no title; the old seven-part template in 2021.
  const r = read([
    '本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,汇总2021年度大东坝镇人民政府的政务公开年度报告编制而成。报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问,可与大东坝镇人民政府党政办公室联系(地址:大东坝镇)。',
    '一、概述',
    '2021年,我镇认真贯彻落实《条例》,政务公开工作有序开展。',
    '二、主动公开情况',
    '全年主动公开信息18条。',
  ]);
  assert.deepEqual(meta(r), { year: 2021, issuer: '大东坝镇人民政府', type: '政府信息公开工作年度报告' });
});

test('a 盟’s communiqué that names its region’s Party committee has no bare 自治区 for its place; an abstract 在…会议上的 names its congress (阿拉善 2022, 烟台 1997)', () => {
  // m.xiaomonv0755.com/tjgb/05nmg/37550.html: a traditional mirror, no title, the 盟 not named in the opening.
  const meng = read([
    '2022年是黨和國家歷史上具有里程碑意義的一年。全盟上下以習近平新時代中國特色社會主義思想為指導,認真落實黨中央、國務院、自治區黨委、政府決策部署,經濟保持增長。',
    '一、綜合',
    '根據盟市生產總值統一核算結果,全年地區生產總值完成1000億元,比上年增長5.0%。',
  ]);
  assert.deepEqual(meta(meng), { year: 2022, issuer: null, type: '国民经济和社会发展统计公报' });
  // shandong-chorography.org/database/d60/section/7/article/4/: 会议上的, with no 所作.
  const yantai = read([
    '任海深市长在烟台市第十二届人民代表大会第五次会议上的政府工作报告(摘要)',
    '(1997年3月5日)',
    '各位代表:',
    '现在,我代表市人民政府向大会报告工作。',
    '一、1996年工作回顾',
    '一年来,全市经济平稳发展。',
  ]);
  assert.deepEqual(meta(yantai), { year: 1997, issuer: '烟台市人民政府', type: '政府工作报告(摘要)' });
});
