/**
 * The nineteenth pass over unseen reports, page openings from the stored pages: 信息公开 reports of counties and towns
 * (富县, 甘谷县, 永靖县, 通城县, 会泽县, 平利县, 西柳镇, 下各镇, 望疃镇), districts' and sub-districts' 法治 reports (中原区, 静海区,
 * 汤头街道, 礼乐街道, 鹤龙街), departments' (济南市 and 厦门市生态环境局), work reports (汉滨区 2025, 南开区 2010), resolutions
 * (淮南, 梧州) and communiqués (宜章县, 怀化's and 蚌埠's as mirrors copied them, traditional with pinyin). What recurred and is
 * mended here: a communiqué with no title told by 一、综合 over 农林牧渔业 or 初步测算; an address to the congress naming the work
 * report; a title field as a Markdown list item; a type's 《》; 广州's 街 sub-districts; traditional resolutions; a hacked
 * page's injected name; an encoding's lost spaces in a heading.
 * Texts: the pages' opening paragraphs as the pages give them (ASCII commas and brackets, as the copies have them).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFigures, reportFigures } from '../../src/core/compare/index.ts';
import { importSource, type Report } from '../../src/core/index.ts';
import { typeOfTitle } from '../../src/core/series/index.ts';
import { findIssuer } from '../../src/core/structure/index.ts';

const read = (lines: readonly string[], name = 'page.txt'): Report => {
  const r = importSource(name, Buffer.from(lines.join('\n'))).reports;
  assert.equal(r.length, 1, name);
  return r[0];
};
const meta = (r: Report) => ({ year: r.year, issuer: r.issuer, type: r.type });

test('a communiqué with no title: 一、综合 over 二、农林牧渔业, or over 初步测算, is one (a mirror of 怀化 2023, traditional, with pinyin)', () => {
  // ooriskin.com/huaihua/c115179/202404/…: a mirror of a county's page, its characters traditional and some followed by pinyin.
  const opening = [
    '2023年是全面貫徹黨的二十大精神的開局之年,是三年新冠疫情防控轉(zhuǎn)段后經(jīng)濟(jì)恢復(fù)發(fā)展的一年。在縣委、縣政府的領(lǐng)導(dǎo)下,全縣堅(jiān)持以習(xí)近平新時(shí)代中國(guó)特色社會(huì)主義思想為指導(dǎo),全年經(jīng)濟(jì)仍保持著高質(zhì)量發(fā)展扎實(shí)推進(jìn)。',
    '一、綜合',
    '初步測(cè)算,全年完成地區(qū)生產(chǎn)總值(GDP)221.23億元,比上年同期增長(zhǎng)5.0%。其中:第一產(chǎn)業(yè)實(shí)現(xiàn)增加值47.24億元,增長(zhǎng)2.8%;第二產(chǎn)業(yè)實(shí)現(xiàn)增加值61.77億元,增長(zhǎng)5.2%。',
  ];
  const sectors = [
    '二、農(nóng)林牧漁業(yè)',
    '2023年全年實(shí)現(xiàn)農(nóng)林牧漁業(yè)總產(chǎn)值81.10億元,同比增長(zhǎng)3.9%。其中:農(nóng)業(yè)產(chǎn)值45.36億元,同比增長(zhǎng)5.3%。',
  ];
  const whole = read([...opening, ...sectors], 'huaihua.txt');
  assert.deepEqual(meta(whole), { year: 2023, issuer: null, type: '国民经济和社会发展统计公报' });
  assert.deepEqual(
    whole.outline.map((n) => n.title),
    ['綜合', '農林牧漁業'],
  );
  // Its figures read through the traditional characters and the pinyin.
  const f = new Map(reportFigures(whole).map((x) => [x.label, `${x.value} ${x.unit}`]));
  assert.equal(f.get('地区生产总值'), '221.23 亿元');
  assert.equal(f.get('农林牧渔业总产值增长'), '3.9 %');
  // Cut after its first chapter: 一、综合 over 初步测算 and the product.
  assert.deepEqual(meta(read(opening, 'huaihua.txt')), { year: 2023, issuer: null, type: '国民经济和社会发展统计公报' });
  // In simplified characters too, with 农林牧渔业 the second chapter.
  const simple = read(['2023年，全县经济运行稳中向好。', '一、综合', '全县经济总体平稳。', '二、农林牧渔业', '全年农林牧渔业总产值81.10亿元。']);
  assert.equal(simple.type, '国民经济和社会发展统计公报');
  // 一、综合 over a chapter that is no sector is no communiqué.
  assert.equal(read(['2023年，全县工作有序推进。', '一、综合', '全县工作总体平稳。', '二、队伍建设', '加强队伍建设。']).type, null);
});

test('信息公开 reports of counties as pages: the issuer from the lead, a title line or the text (2024)', () => {
  // www.fuxian.gov.cn/zfxxgk/zfxxgknb/xj/1882251480800149505.html: no title, the lead names the report.
  const fuxian = read([
    '根据《中华人民共和国政府信息公开条例》(以下简称《条例》有关要求,现将富县人民政府2024年政府信息公开工作年度报告予以公开。本报告所列数据的统计期限自2024年1月1日至2024年12月31日。',
    '一、总体情况',
    '2024年,我县坚持以“法定公开事项必须公开到位,其他事项审慎公开”的原则,不断拓宽政府信息公开范围和深度。',
    '(一)主动公开政府信息情况',
    '主动公开各类信息2406条,其中政务动态1215条,政府信息公开类1129条。',
  ]);
  assert.deepEqual(meta(fuxian), { year: 2024, issuer: '富县人民政府', type: '政府信息公开工作年度报告' });
  // www.gangu.gov.cn/info/2381/644672.htm: the office on a line over the title.
  const gangu = read([
    '甘谷县人民政府办公室',
    '2024年政府信息公开工作年度报告',
    '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《中华人民共和国政府信息公开工作年度报告格式》要求编制本报告。报告中所列数据统计期限为2024年1月1日至12月31日。',
    '一、总体情况',
    '2024年,甘谷县人民政府办公室以习近平新时代中国特色社会主义思想为指导,持续加强政府信息公开力度。',
  ]);
  assert.deepEqual(meta(gangu), { year: 2024, issuer: '甘谷县人民政府办公室', type: '政府信息公开工作年度报告' });
  // www.qj.gov.cn/html/2025/2024n_0310/272880.html: the lead names no body; the text does (会泽县人民政府及县直部门).
  const huize = read([
    '根据《中华人民共和国政府信息公开条例》的要求,编制本报告。报告中所列数据统计时间:2024年1月1日—12月31日,现将公开工作情况报告如下:',
    '一、总体情况',
    '2024年,会泽县认真贯彻落实国家、省、市有关政府信息公开工作的要求,推动政府信息公开工作有效开展。',
    '(一)主动公开。全县信息公开平台共发布政府信息23138条。',
    '(二)依申请公开。2024年会泽县人民政府及县直部门共收到申请42件,均在法定时限内依法依规办结。',
  ]);
  assert.deepEqual(meta(huize), { year: 2024, issuer: '会泽县人民政府', type: '政府信息公开工作年度报告' });
});

test("a county communiqué as a forum's one-line copy in traditional characters (宜章县 2023)", () => {
  // sjzyihang.com/forum.php?…tid=80317: the title, the opening and the chapters run together on one line.
  const r = read([
    '2023年宜章縣國民經濟和社會發展統計公報 2023年,宜章縣全面貫徹落實黨的二十大和省委十二屆四次全會精神,全力建設“天下莽山、氟化高峰、臍橙之鄉、好人之城”,堅持穩中求進工作總基調,著力擴大內需、優化結構、提振信心、防范化解風險,走出了一條回升向好的復蘇曲線,交出了一份成色好、分量足的成績單,全縣經濟社會發展穩中有進、回升向好。 一、綜合 初步核算,2023年全縣實現地區生產總值(GDP)276.29億元,按可比價格計算,比上年增長5.1%。其中,第一產業增加值33.26億元,增長4.0%;第二產業增加值96.21億元,增長7.9%;第三產業增加值146.82億元,增長3.5%。產業結構持續優化,三次產業結構比重由上年的12.3:35.4:52.3調整為12.1:34.8:53.1,其中第一、二、三產業增加值占GDP的比重較上年分別下降0.2個、下降0.6個、提高0.8個百分點。 全縣就業形勢穩定有序,全年城鎮新增就業人員5688人,增長9%;失業人員再就業2154人,增長2.9%;新增農村勞動力轉移就業4491人,下降4%;年末城鎮登記失業率0.7%,比上年下降1.65個百分點;農村外出就業勞動力7.91萬人,增長0.3%;在外務工總收入59.06億元。 二、農業 2023年,全縣農林牧漁業總產值55.2億元,比上年增長4.1%。其中,農業總產值30.6億元,增長4.8%;林業總產值1.56億元,增長5.6%;牧業總產值20.1億元,增長2.4%;漁業總產值10.6億元,增長5.3%;農林牧漁服務業總產值18.5億元,增長8.4%。蔬菜及食用菌種植面積13.3千公頃,增長0.4%;產量47.6萬噸,增長3.2%。',
  ]);
  assert.deepEqual(meta(r), { year: 2023, issuer: '宜章县', type: '国民经济和社会发展统计公报' });
  assert.deepEqual(
    r.outline.map((n) => n.title),
    ['綜合', '農業'],
  );
});

test('a work report whose page lost its title and 各位代表: the address to the congress names it (南开区 2010, traditional)', () => {
  // jendow.com.tw/wiki/天津市南開區2010年政府工作報告: the page opens with the address; the review's heading has no number.
  const lines = [
    '現在,我代表南開區人民政府,向大會作政府工作報告,請予審議,並請區政協委員和其他列席人員提出意見。',
    '2009年工作回顧',
    '2009年是新中國成立60周年,是南開區戰勝困難挑戰,實現穩步發展不尋常的一年。區政府堅持以鄧小平理論和“三個代表”重要思想為指導,深入貫徹落實科學發展觀,經濟社會實現平穩較快發展。',
    '預計,地區增加值同比增長20%,其中服務業增長23%,占全區增加值的81%;社會消費品零售額208億元,同比增長20%。',
    '一、堅持保發展,區域經濟持續穩步增長',
    '——“保增長、渡難關、上水平”活動取得顯著成效。千名幹部下基層,服務企業渡難關,企業反映的134個問題全部辦復。',
  ];
  const r = read(lines, 'page.txt');
  assert.deepEqual(meta(r), { year: 2010, issuer: '南开区人民政府', type: '政府工作报告' });
  // 向大会报告工作 in simplified characters too.
  const simple = read(['现在，我代表区人民政府向大会报告工作，请予审议。', '一、2024年工作回顾', '2024年，我们坚持稳中求进。'], '临江区.txt');
  assert.equal(simple.type, '政府工作报告');
  assert.equal(simple.year, 2025);
  // A budget's report to the congress is no work report, though a government's office speaks to it.
  const budget = read([
    '现在，我受区人民政府委托，向大会报告2024年全区预算执行情况和2025年预算草案，请予审议。',
    '一、2024年预算执行情况',
    '2024年，全区一般公共预算收入完成12.3亿元。',
  ]);
  assert.notEqual(budget.type, '政府工作报告');
});

test("a district's work report as a disclosure page: the fields with bars, the session line broken over two lines (汉滨区 2025)", () => {
  // www.hanbin.gov.cn/Content-2810991.html
  const r = read([
    '文件名称 | 汉滨区2025年政府工作报告 | ||',
    '索引号 | /2025-0000 | 公开目录: | 工作报告 |',
    '公开责任部门 | 公开形式: | 主动公开 | |',
    '文号 | 成文日期: | 2025年04月15日 | |',
    '有效性 | 有效 | 公开日期: | 2025-04-15 14:43 |',
    '2025年3月21日在汉滨区第十九届',
    '人民代表大会第四次会议上',
    '汉滨区人民政府代区长 向诗兵',
    '各位代表:',
    '现在,我代表区人民政府向大会报告工作,请予审议,并请区政协委员和其他列席人员提出意见。',
    '一、过去一年工作回顾',
    '2024年,我们紧扣高质量发展主题,深化拓展“三个年”活动,创新聚力、实干奋进,实现地区生产总值440.5亿元、增长5.4%,固定资产投资增长6.5%。',
  ]);
  assert.deepEqual(meta(r), { year: 2025, issuer: '汉滨区人民政府', type: '政府工作报告' });
  assert.equal(r.title, '汉滨区2025年政府工作报告');
  assert.equal(r.published?.slice(0, 10), '2025-04-15');
  assert.deepEqual(
    r.outline.map((n) => n.title),
    ['过去一年工作回顾'],
  );
});

test("departments' 法治 reports: a page's fields as a Markdown list give the title (济南市生态环境局 2024), a 关于…的报告 title (厦门)", () => {
  // jnepb.jinan.gov.cn/art/2025/3/24/art_10445_4818818.html, its fields written as a list: `- 标题:` is the title's field.
  const jinan = read([
    '- 索引号: 11370100004189250W/2025-00638 组配分类: 公示公告',
    '- 成文日期: 2025-03-24 发布日期: 2025-03-24',
    '- 发布机构: 济南市生态环境局',
    '- 标题: 济南市生态环境局2024年度法治政府建设报告',
    '- 发文字号:',
    '2024年,市生态环境局在市委、市政府的正确领导下,坚持以习近平新时代中国特色社会主义思想为指导,积极推进法治政府建设重点工作。现将有关情况报告如下:',
    '一、切实履行党政主要负责人推进法治建设第一责任人职责',
    '(一)切实加强法治建设组织领导。成立由局长任组长,分管局长任副组长的法治建设工作领导小组。',
  ]);
  assert.equal(jinan.title, '济南市生态环境局2024年度法治政府建设报告');
  assert.deepEqual(meta(jinan), { year: 2024, issuer: '济南市生态环境局', type: '法治政府建设工作报告' });
  assert.equal(jinan.published?.slice(0, 10), '2025-03-24');
  // sthjj.xm.gov.cn/zwgk/tzgg/202501/t20250120_2914029.htm
  const xiamen = read([
    '厦门市生态环境局关于2024年法治政府建设情况的报告',
    '2024年,我局在市委、市政府的正确领导下,统筹推进生态环境法治工作。现将我局法治政府建设工作主要情况报告如下:',
    '一、2024年法治建设工作主要情况',
    '(一)坚持思想引领,加强党对法治工作的领导',
    '深入贯彻落实习近平法治思想,把法治政府建设摆到全局工作重要位置。',
  ]);
  assert.deepEqual(meta(xiamen), { year: 2024, issuer: '厦门市生态环境局', type: '法治政府建设工作报告' });
});

test("a type of its own keeps the 《》 of a name it goes on after (重庆市人民政府 on the standing committee's opinions, 2018)", () => {
  // cqrd.gov.cn/site/article/1211363140809101312/…: 关于《…审议意见》研究处理情况的报告, a type of no table.
  const r = read([
    '重庆市人民政府关于《重庆市人大常委会对〈重庆市人民政府关于2017年度环境保护工作情况的报告〉的审议意见》研究处理情况的报告',
    '(2018年9月27日在市五届人大常委会第五次会议上)',
    '市人大常委会:',
    '2018年3月27—29日,市五届人大常委会第二次会议听取和审议了《重庆市人民政府关于2017年度环境保护工作情况的报告》。现将有关情况报告如下:',
    '一、加强舆论引导和宣传教育,大力增强市民环境保护法治意识',
    '(一)加强舆论引导。聚焦重点工作,在《人民日报》等中央媒体推出“大江奔流”系列报道。',
  ]);
  assert.equal(r.issuer, '重庆市人民政府');
  assert.equal(r.type, '《重庆市人大常委会对〈重庆市人民政府关于环境保护工作情况的报告〉的审议意见》研究处理情况的报告');
  // A pair around the whole, or one alone, still goes.
  assert.equal(typeOfTitle('《《某区2019年工作报告》》'), '某区工作报告');
  assert.equal(typeOfTitle('某区2019年水资源公报》'), '某区水资源公报');
  assert.equal(typeOfTitle('关于《某区2019年水资源公报》'), '某区水资源公报');
});

test('a sub-district as 广州 names its own, 鹤龙街: its 街道办事处 (2024), from the opening or the title; a street is none', () => {
  // www.by.gov.cn/zwgk/fzzfjs/zjfzzfjsbg/content/post_10073694.html: no title, the opening's subject is 鹤龙街.
  const opening = read([
    '2024年,鹤龙街坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大和二十届二中、三中全会精神,推动法治白云建设。现将2024年法治政府建设工作报告如下:',
    '一、主要举措和成效',
    '(一)强化法治政府建设组织领导,坚持党政主要负责人履行推进法治建设第一责任人职责',
    '1.全面履行法治主体责任。严格落实“第一责任人”责任,主动召开法治建设专题会议5次。',
  ]);
  assert.deepEqual(meta(opening), { year: 2024, issuer: '鹤龙街道办事处', type: '法治政府建设工作报告' });
  // The title as the street's reports are titled: the same issuer, so the years are one series.
  const titled = read([
    '鹤龙街2023年法治政府建设年度报告',
    '2023年,鹤龙街坚持依法行政。现将2023年法治政府建设工作报告如下:',
    '一、主要举措和成效',
    '主动召开法治建设专题会议4次。',
  ]);
  assert.deepEqual(meta(titled), { year: 2023, issuer: '鹤龙街道办事处', type: '法治政府建设工作报告' });
  assert.equal(findIssuer('白云区鹤龙街2024年法治政府建设年度报告'), '白云区鹤龙街');
  // A street is no sub-district.
  assert.equal(findIssuer('北京路步行街2024年工作总结'), null);
  assert.equal(findIssuer('中山大街2024年工作总结'), null);
});

test("a congress's resolution on the work report in traditional characters, with a mirror's pinyin (梧州 2024): read as one", () => {
  // m.4fhk.cn/content/2024-02/05/content_508547.htm: the adoption line, then the resolution.
  const r = read([
    '(2024年2月4日梧州市第十五屆人民代表大會(huì)第六次會(huì)議第四次全體會(huì)議通過)',
    '梧州市第十五屆人民代表大會(huì)第六次會(huì)議聽取和審議了李振品市長所作的政府工作報(bào)告。會(huì)議充分肯定市人民政府過去一年工作,同意報(bào)告提出的2024年重點(diǎn)工作部署,決定批準(zhǔn)這個(gè)報(bào)告。',
    '會(huì)議號(hào)召,全市各族人民要更加緊密地團(tuán)結(jié)在以習(xí)近平同志為核心的黨中央周圍,推動(dòng)全市經(jīng)濟(jì)實(shí)現(xiàn)質(zhì)的有效提升和量的合理增長。',
  ]);
  assert.equal(r.title, '梧州市第十五届人民代表大会第六次会议第四次全体会议关于政府工作报告的决议');
  assert.equal(r.year, 2024);
  assert.notEqual(r.type, '政府工作报告');
});

test("a town's 信息公开 report on a hacked page: the site name injected into the report's name in 《》 goes (西柳镇 2023)", () => {
  // whentby.com/html/HCS/202401/0170495898062751.html: a copy whose text a casino's name was injected into.
  const r = read([
    '按照《中华人民共和国政府信息公开条例》、以及省、市uedbet体育_uedbet官网@:做好 2023 年政府信息公开工作年度报告编制发布等工作的具体工作要求,结合我单位政府信息公开工作实际,现编制形成了《uedbet体育_uedbet官网@:西柳镇人民政府2023年政府信息公开工作年度报告》。本报告中所列数据的统计期限从2023年1月1日至12月31止。',
    '一、总体情况',
    '(一)主动公开政府信息情况:西柳镇人民政府利用电子屏、公告栏、条幅等主动对外更新政府信息27次',
    '(二)依申请公开情况。2023年受理依申请公开0件。',
    '二、主动公开政府信息情况',
    '第二十条第(一)项 | |||',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '规章 | 0 | 0 | 0 |',
    '行政规范性文件 | 4 | 0 | 32 |',
  ]);
  assert.equal(r.title, '西柳镇人民政府2023年政府信息公开工作年度报告');
  assert.deepEqual(meta(r), { year: 2023, issuer: '西柳镇人民政府', type: '政府信息公开工作年度报告' });
  const f = new Map(reportFigures(r).map((x) => [x.label, `${x.value} ${x.unit}`]));
  assert.equal(f.get('行政规范性文件现行有效件数'), '32 件');
});

test('a heading whose spaces an encoding turned into question marks (一、綜??合, 蚌埠 2024 as a mirror copied it) is whole', () => {
  // www.ilynn.cn/document_detail/133968.html: traditional characters with pinyin, the page's spaces lost as ??.
  const r = read(
    [
      '2024年安徽省蚌埠市人民政府國(guó)民經(jīng)濟(jì)和社會(huì)發(fā)展統(tǒng)計(jì)公報(bào)(2025年更新)',
      '蚌埠市統(tǒng)計(jì)局',
      '2025年3月31日',
      '2024年,在市委、市政府的堅(jiān)強(qiáng)領(lǐng)導(dǎo)下,全市上下經(jīng)濟(jì)社會(huì)發(fā)展持續(xù)回升向好,高質(zhì)量發(fā)展扎實(shí)推進(jìn)。',
      '一、綜??合',
      '初步核算,全年地區(qū)生產(chǎn)總值(GDP)[2]2313億元,比上年增長(zhǎng)5.2%。其中,第一產(chǎn)業(yè)增加值287億元,增長(zhǎng)2.2%。人均地區(qū)生產(chǎn)總值70908元,比上年增長(zhǎng)5.9%。',
      '二、農(nóng)業(yè)',
      '全年糧食種植面積663.6萬畝,比上年增加1.2萬畝。',
    ],
    'page.txt',
  );
  assert.deepEqual(
    r.outline.map((n) => n.title),
    ['綜合', '農業'],
  );
  assert.equal(r.year, 2024);
  assert.equal(r.type, '国民经济和社会发展统计公报');
  // With no title, its chapters tell it (一、综合 over 二、农业).
  const untitled = read(['一、綜??合', '初步核算，全年地区生产总值2313亿元。', '二、農業', '全年粮食种植面积663.6万亩。'], 'q.txt');
  assert.equal(untitled.type, '国民经济和社会发展统计公报');
  // A question's mark is a sentence's end still (one, not a run).
  const asked = read(['一、为什么要建设法治政府?这是全面依法治国的要求，必须坚持。', '建设法治政府是一项长期任务。'], 'q.txt');
  assert.equal(asked.outline[0].title, '为什么要建设法治政府?');
});

test("a project's investment after the count of its projects is theirs; a ranking's 500强 is part of a name (汉滨区 2025, 湖南 2026)", () => {
  const labels = (text: string) => extractFigures(text, { year: 2025 }).map((f) => `${f.label}=${f.text}`);
  // www.hanbin.gov.cn/Content-2810991.html: 总投资 alone would join every report's investments of any projects in one row.
  assert.deepEqual(labels('深化“四个一批”项目管理，新谋划重点项目630个、总投资1280亿元。'), ['新谋划重点项目=630个', '新谋划重点项目总投资=1280亿元']);
  assert.deepEqual(labels('实施城市更新项目45个、总投资86亿元。'), ['实施城市更新项目=45个', '实施城市更新项目总投资=86亿元']);
  // Not a verb's (推进37个、总投资64.93亿元的数字经济项目: the projects are named after).
  assert.ok(!labels('聚焦5个核心方向，推进37个、总投资64.93亿元的数字经济项目。').some((l) => l.startsWith('推进总投资')));
  // 湖南 2026: 引进“三类500强”项目1608个 (the label was 强项目), 世界500强企业.
  assert.deepEqual(labels('“投资湖南”品牌更加响亮，引进“三类500强”项目1608个、总投资超1.6万亿元。'), ['三类500强项目=1608个', '三类500强项目总投资=1.6万亿元']);
  assert.deepEqual(labels('在湘世界500强企业达212家。'), ['在湘世界500强企业=212家']);
});

test("a forum's board whose 省) and the year's first digit a mirror's encoding lost ((山西?。?023年…) goes, and the year is whole", () => {
  // www.ilynn.cn/document_detail/123714.html: 长治市上党区's 2023 communiqué, traditional, as the mirror gives it.
  const r = read([
    '(山西?。?023年長治市上黨區(qū)國民經(jīng)濟和社會發(fā)展統(tǒng)計公報',
    '(2024年4月)',
    '2023年,區(qū)委、區(qū)政府帶領(lǐng)全區(qū)人民,推動經(jīng)濟運行回升向好、穩(wěn)中提質(zhì),人民生活持續(xù)改善。',
    '一、綜合',
    '初步核算,2023年全區(qū)地區(qū)生產(chǎn)總值3532023萬元,按可比價格計算,比上年增長3.0%。',
    '二、農(nóng)業(yè)',
    '全年全區(qū)糧食種植面積40.5萬畝。',
  ]);
  assert.equal(r.title, '2023年長治市上黨區國民經濟和社會發展統計公報');
  assert.deepEqual(meta(r), { year: 2023, issuer: '长治市上党区', type: '国民经济和社会发展统计公报' });
});

test('zones: a subject with an aside after it (滨海湾新区(以下简称“新区”)), a zone titled by its kind alone (经济开发区2024年度…)', () => {
  // bhwxq.dg.gov.cn/gkmlpt/content/4/4331/post_4331833.html: no title; the subject's aside stood between it and its verb.
  const binhaiwan = read([
    '2024年,在市委、市政府的坚强领导下,滨海湾新区(以下简称“新区”)始终坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,在法治轨道上加快推动新区高质量发展。现将有关情况报告如下:',
    '一、2024年法治政府建设工作情况',
    '(一)深入学习贯彻习近平法治思想。将学习习近平法治思想作为新区法治化建设重要内容。',
    '(二)健全完善新区法治制度机制。新区党工委、管委会主要负责人全面落实《党政主要负责人履行推进法治建设第一责任人职责规定》要求。',
  ]);
  assert.deepEqual(meta(binhaiwan), { year: 2024, issuer: '滨海湾新区管理委员会', type: '法治政府建设工作报告' });
  // www.tjnh.gov.cn/…/t20250228_6870775.html: the title names the zone's kind; the opening its name.
  const ninghe = read([
    '经济开发区2024年度法治政府建设情况报告',
    '2024年宁河经济开发区在区委、区政府的正确领导下,扎实推进法治政府建设各项工作,现将2024年法治政府建设情况报告如下:',
    '一、上一年度推进法治政府建设的主要举措和成效;',
    '1、强化法治学习',
    '园区主要领导为园区干部职工讲法治课1次。',
  ]);
  assert.deepEqual(meta(ninghe), { year: 2024, issuer: '宁河经济开发区管理委员会', type: '法治政府建设工作报告' });
  // No name before it anywhere: the kind stays (全区经济开发区 names none).
  const bare = read(['经济开发区2024年度法治政府建设情况报告', '2024年，全区经济开发区扎实推进法治政府建设。', '一、主要举措', '讲法治课1次。']);
  assert.equal(bare.issuer, '经济开发区管理委员会');
});

test('a traditional copy names its place as the simplified ones do, a rarer character too (驛城區, 鳳陽縣): one series', () => {
  // www.ilynn.cn/document_detail/122842.html: 驻马店市驿城区's 2023 communiqué as a mirror gives it, with its forum board.
  const yicheng = read([
    '(河南省)2023年駐馬店市驛城區(qū)國(guó)民經(jīng)濟(jì)和社會(huì)發(fā)展統(tǒng)計(jì)公報(bào)',
    '駐馬店市驛城區(qū)統(tǒng)計(jì)局',
    '2024年6月6日',
    '2023年是全面貫徹黨的二十大精神的開局之年。一年來(lái),全區(qū)上下堅(jiān)持以習(xí)近平新時(shí)代中國(guó)特色社會(huì)主義思想為指導(dǎo),全區(qū)經(jīng)濟(jì)社會(huì)各項(xiàng)工作取得明顯成效。',
    '一、綜合',
    '初步核算,全年全區(qū)生產(chǎn)總值613.52億元,比上年增長(zhǎng)4.7%。',
    '二、農(nóng)業(yè)',
    '全年糧食總產(chǎn)量20.1萬噸。',
  ]);
  assert.deepEqual(meta(yicheng), { year: 2023, issuer: '驻马店市驿城区', type: '国民经济和社会发展统计公报' });
  const simple = read([
    '2023年驻马店市驿城区国民经济和社会发展统计公报',
    '驻马店市驿城区统计局',
    '一、综合',
    '初步核算，全年全区生产总值613.52亿元。',
    '二、农业',
    '全年粮食总产量20.1万吨。',
  ]);
  assert.equal(simple.issuer, yicheng.issuer);
  const fengyang = read([
    '2023年鳳陽縣國民經濟和社會發展統計公報',
    '鳳陽縣統計局',
    '2024年3月20日',
    '2023年，全縣經濟運行穩中向好。',
    '一、綜合',
    '初步核算，全年地區生產總值300億元，比上年增長5.0%。',
    '二、農業',
    '全年糧食總產量80萬噸。',
  ]);
  assert.equal(fengyang.issuer, '凤阳县');
  // Its title is shown as written.
  assert.equal(fengyang.title, '2023年鳳陽縣國民經濟和社會發展統計公報');
});

test("a department's 信息公开 report whose lead publishes its 信息公开情况 and lists the six parts as 报告全文包括… (广元市统计局 2024)", () => {
  // www.muncard.com/stats/News/Detail/20250107145505726: no title.
  const r = read([
    '根据《中华人民共和国政府信息公开条例》和《〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)要求,为进一步做好政府信息公开工作,特向社会公布广元市统计局2024年政府信息公开情况。报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项6个部分。本报告中所列数据的统计期限为2024年1月1日至12月31日。',
    '一、总体情况',
    '(一)主动公开信息情况。2024年,我局通过广元统计局门户网站累计公开政府信息276条,其中:政务动态信息216条。',
  ]);
  assert.deepEqual(meta(r), { year: 2024, issuer: '广元市统计局', type: '政府信息公开工作年度报告' });
  assert.equal(r.title, '广元市统计局2024年政府信息公开工作年度报告');
  // Each on its own: the six parts listed (报告全文包括…), or the lead's 信息公开情况 after 公布.
  assert.equal(
    read([
      '根据《条例》要求，报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等6个部分。',
      '一、总体情况',
      '2024年，我局累计公开政府信息276条。',
    ]).type,
    '政府信息公开工作年度报告',
  );
  assert.equal(
    read(['为做好政府信息公开工作，特向社会公布广元市统计局2024年政府信息公开情况。', '一、总体情况', '2024年，我局累计公开政府信息276条。']).issuer,
    '广元市统计局',
  );
});
