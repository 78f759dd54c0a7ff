/**
 * What a report's opening says of it when no line names it: a page saved without its title (a site's body text, a
 * crawler's file named after the page's number) often names itself in its lead sentence
 * (特向社会公布2015年度瑞安市发展和改革局政府信息公开年度报告, 现将XX区2022年法治政府建设情况报告如下, 现公布2022年阳新县
 * 自然资源和规划局政府信息公开工作情况。), says whose report it
 * is in its first sentence (2022年，深圳市司法局始终坚持…), and names its type in its first chapter
 * (一、2022年法治政府建设情况). metadata.ts takes type, issuer and year from here only when the text has no title line.
 */
import { INFO_DISCLOSURE, plainDigits, RULE_OF_LAW, STATISTICS, typeOfTitle } from '../series/index.ts';

const LEAD_TYPES = new Set([RULE_OF_LAW, INFO_DISCLOSURE]);

/**
 * A clause that names the report: from the last punctuation before it to 报告 (or 年报). Not a title in 《》 (a law or a
 * plan the report cites).
 */
const LEAD_PHRASE =
  /(?:^|[，。；,;：:、」”"（()])([^，。；,;：:、《》」”"（()]{0,40}?(?:(?:政府)?(?:信息|政务)公开(?:工作)?(?:(?:19|20)\d{2}\s*)?(?:年度)?(?:工作)?(?:情况)?(?:的)?(?:报告|年报)|(?<=公布[^，。；,;：:、《》]{2,40})(?:政府)?信息公开(?:工作)?情况(?=[。；])|法治政府建设(?:工作)?(?:有关|相关)?(?:情况|年度)?(?:工作)?(?:的)?报告|法治政府建设(?:工作)?(?:情况)?[及和与](?:(?:19|20)\d{2}\s*年度?)?(?:工作)?(?:计划|安排|打算|思路)报告(?=如下)))(?![^《]{0,2}》)/g;
/** A clause that cites another document about such reports (按照…关于做好2022年度…年度报告…的通知, 对照…的整改要求): no lead. */
const CITATION = /^(?:按照|根据|依据|对照|参照|结合|为贯彻|为落实|贯彻|落实|关于)|(?:的|有关)?(?:通知|要求|反馈|意见|整改)/;
/** The 信息公开 report's own first sentence: 本年度报告根据《中华人民共和国政府信息公开条例》…编制. */
const DISCLOSURE_LEAD = /本(?:年度)?(?:报告|年报)(?:是)?(?:由([^，。；《》]{2,40}?))?(?:根据|依据|按照)\s*《(?:中华人民共和国)?政府信息公开条例》/;
/** The citation of the 条例, then the body that compiled the report: …要求，由伊宁县人民政府办公室编制 (the 2008 template's opening). */
const DISCLOSURE_BY =
  /(?:根据|依据|按照)\s*《(?:中华人民共和国)?政府信息公开条例》[^。；]{0,60}?[，,]\s*(?:本(?:年度)?(?:报告|年报))?由([^，。；,;《》]{2,40}?(?:人民政府|政府|办公室|办公厅|局|厅|委员会|委|办事处|中心|院|署))(?:负责)?(?:编制|编写|制定|形成)/;
/** The same the other way round: 依据《中华人民共和国政府信息公开条例》…第五十条规定，编制本报告 (after COMPILED, which names a body). */
const DISCLOSURE_AFTER =
  /(?:根据|依据|按照)\s*《(?:中华人民共和国)?政府信息公开条例》[^。；]{0,60}?[，,]\s*(?:特)?(?:编制|制定|形成|编写)(?:了)?本(?:年度)?(?:报告|年报)/;
/**
 * The template's own opening since 2021, citing the notice that set the form rather than the 条例: …的通知》(国办公开办函〔2021〕
 * 30号)规定编制本报告, or the list of its six parts (本报告主要包括总体情况、主动公开政府信息情况…; 报告全文包括…, 本报告由…组成).
 */
const DISCLOSURE_TEMPLATE =
  /(?:政府信息公开工作年度报告格式|国办公开办函\s*[〔[［(（]\s*20\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号)[^。；]{0,40}?(?:编制|制定|形成|编写)了?本(?:年度)?(?:报告|年报)|(?:本(?:年度)?报告|本年报|报告全文)[^。；]{0,12}?(?:包括|包含|分为|由)[:：]?\s*总体情况、主动公开政府信息情况/;
/** A 信息公开 report compiled from a body's year of work: 结合…2025年政府信息公开工作实际，编制本报告. */
const COMPILED =
  /(?:结合|根据|依据)([^，。；,;《》]{2,60}?(?:19|20)\d{2}\s*年度?(?:政府)?信息公开工作)(?:实际|情况)?[^，。；]{0,10}[，,]\s*(?:编制|形成|制定)了?本(?:年度)?报告/;
/** A communiqué's chapters after 综合: the economy's sectors (not 教育 or 卫生, which a sector's own communiqué has). */
const STATISTICS_HEADING = /农\s*业|农林牧渔|种植业|畜牧业|工\s*业|建筑业|固定资产投资|国内贸易|对外经济|交通|邮电|财政|金融|价格/;
/** A report's name in 《》 after the verb that publishes it: 现发布《…年度报告》, 特向社会公布《…》. */
const PUBLISHED = /(?:发布|公布|公开|印发|编制|形成)了?\s*《([^《》]{4,60}?(?:报告|年报))》/;
/** The words before the report's name in its lead clause: who publishes or compiles it (特向社会公布, 现将, 现就, 现公开, 编制). */
const LEAD_VERB = /^.*(?:公布|现公开|编制|发布|印发|报送|形成|撰写|制定|现将|现就|特将|特此|向社会)了?/;

/**
 * The first sentence's subject, after a year and a 在…领导下 clause: 2022年，深圳市司法局始终坚持…; 在省委、省政府…的正确领导下，
 * 南昌县全面贯彻…; 通州区坚持…; 2016年，内蒙古自治区法治政府建设工作在…领导下…. The shortest run of ideographs before a verb such a
 * sentence opens with, or before the year's 法治政府建设工作 it speaks of.
 */
const SUBJECT =
  /^(?:(?:根据|按照|依据)[^。；]{2,120}?(?:的?要求|规定|精神|部署)\s*[,，]\s*(?=(?:19|20)\d{2}\s*年))?(?:(?:(?:19|20)\d{2}\s*年(?:度|以来)?|今年以来|去年以来|一年来|过去一年)\s*[,，]?\s*)?(?:(?:在|按照)[^。；]{2,80}?(?:领导下|指导下|部署下|要求下|监督下|支持下)\s*[,，]\s*|(?:根据|按照|依据)[^。；]{2,80}?(?:的?要求|规定|精神)\s*[,，]\s*)?((?:[\u4e00-\u9fff]{2,24}?(?:党工委|党委|工委)[、和与及]\s*(?=管委会|管理委员会|人民政府|政府|办事处))?[\u4e00-\u9fff]{2,24}?)(?=结合|的?法治政府建设工作|现向社会|现将|特编制|编制(?!委员会|委|办公室|办|部门|科|股|管理)|始终|坚持|全面|深入|认真|紧紧|紧密|紧扣|扎实|持续|积极|不断|聚焦|牢牢|着力|着眼|立足|以习近平|以(?=[^。，,；;]{2,30}?为(?:核心|指导|指引|抓手|主线|统领|引领|重点|契机|载体|突破口|根本|遵循))|围绕|严格|大力|进一步|高度重视|按照|全力|切实|在[^。；]{1,40}?(?:领导下|指导下|部署下))/;

/** An aside that names the short form a text goes on to use: (以下简称“新区”), （以下简称旗民委）. */
const SHORT_NAME_ASIDE = /[（(]以下简称[^）)]{1,20}[）)]/g;

/**
 * The first sentence's subject (SUBJECT), a zone's or a place's Party committee and its government written as one
 * (十堰经济技术开发区党工委、管委会) as the government alone (十堰经济技术开发区管委会): the report is the government's.
 */
function subjectOf(b: string): string | null {
  // An aside after the subject (滨海湾新区(以下简称“新区”)始终坚持…) is no part of the sentence's frame.
  const m = SUBJECT.exec(plainDigits(b).replace(SHORT_NAME_ASIDE, ''));
  return m ? m[1].replace(/(?:党工委|党委|工委)[、和与及]\s*(?=管委会|管理委员会|人民政府|政府|办事处)/, '') : null;
}

/** A first chapter on 法治政府建设 (一、2022年法治政府建设情况, 一、加强党对法治政府建设的领导): a 法治 report's. */
const RULE_OF_LAW_HEADING = /法治政府建设|法治建设|依法行政/;
/** The 信息公开 template's chapters (2008 and 2019 regulations alike): two of them name the report. */
const DISCLOSURE_HEADING =
  /政府信息公开(?:工作)?总体(?:工作)?情况|主动公开政府信息(?:的)?情况|收到和处理政府信息公开申请(?:的)?情况|政府信息公开(?:申请)?(?:行政复议|行政诉讼)|(?:被申请|提起)行政复议|政府信息公开工作(?:存在的)?(?:主要)?问题|依申请公开(?:政府信息)?(?:的)?情况|其他需要报告的事项/;

/** Punctuation of a sentence or a lead-in (现将…报告如下：). */
const SENTENCE_MARK = /[，。；,;：:]/;
/** A page's field (来源：…, 标题：…): it names what it names, it is no lead. */
const FIELD = /^[\u4e00-\u9fff]{1,6}\s*[:：]/;
/** A heading that names a plan, a programme or an outline of tasks: the document is no report. */
const PLAN_DOCUMENT = /(?:工作计划|工作要点|实施方案|工作方案|行动方案|规划纲要)$/;
/**
 * An opening that says what else the text is, in its own words: an outline of tasks (提出如下要点), a programme (制定本方案),
 * a notice (通知如下), a summary of one body's work (现将…工作总结…报告如下). Not a plan it only cites (…和市委实施方案).
 */
const NOT_A_REPORT =
  /提出如下(?:要点|意见)|如下要点|制定本(?:实施)?方案|通知如下|意见如下|(?:现将|现就|特将)(?:(?!情况[及和与、]|法治政府建设(?:工作)?[及和与、]).){0,30}(?:工作总结|工作要点|工作计划|工作思路)/;

/** A chapter that reports on a year: its year (一、2022年法治政府建设主要举措和成效); a plan's chapter (二、2023年工作打算) is not. */
const REVIEW_CHAPTER = /^(?:关于|推进)?((?:19|20)\d{2})\s*年度?[^。；]{0,20}?(?:情况|成效|进展|做法|成绩|回顾|总结)/;
const PLAN_WORDS = /计划|打算|安排|思路|设想|展望|目标|要点|下一步|重点|任务|部署|措施/;

export interface Lead {
  /** The type the opening or the chapters name (only the 法治 and 信息公开 reports), or null. */
  type: string | null;
  /** The clause of the opening that names the report (…2015年度瑞安市发展和改革局政府信息公开年度报告), cut after its verb, or null. */
  phrase: string | null;
  /** The subjects of the first three blocks' first sentences, as written (深圳市司法局, 南昌县, 区政府). */
  subjects: string[];
  /** The opening speaks of its body as 我市, 我县, 我区…: a local body's report. */
  local: boolean;
  /** The one province the opening names (法治江苏, 平安四川, 四川省…), in full (江苏省), or null when none or several. */
  province: string | null;
  /** The report's name in 《》 that the lead publishes it by (现公布《…年度报告》), or null. */
  title: string | null;
  /** The places whose Party committee and government the opening names (衡阳县委、政府…, 良庆区党委、政府…): a communiqué's place. */
  partyPlaces: string[];
}

/** A place's Party committee and government as an opening names them: 衡阳县委、政府, 良庆区党委、政府, 某市委市政府. */
const PARTY_AND_GOVERNMENT =
  /(?:^|[，。；,;：:、\s])(?:[\u4e00-\u9fff]{0,8}?[，,])?(?!按照|根据|依据|在|由|经)([\u4e00-\u9fff]{2,10}?[省市县区州旗盟])(?:党委|委)[、和与及]?\s*(?:[省市县区州旗盟])?(?:人民)?政府/g;

/**
 * What the opening (blocks before the first heading), the chapter titles and the first paragraphs under a heading
 * (the 信息公开 template opens with 一、总体情况, then 2020年，上海市人民政府办公厅坚持…) say of a report with no title line.
 */
export function readLead(open: readonly string[], chapters: readonly string[], firstParagraphs: readonly string[] = []): Lead {
  let phrase: string | null = null;
  let type: string | null = null;
  let title: string | null = null;
  // The opening's first blocks, then the first paragraph under the first heading (一、总体情况 / 根据…要求，现将某局2022年政府信息
  // 公开工作年度报告向社会公布: the template's lead sentence under its first chapter).
  for (const given of [...open.slice(0, 4), ...firstParagraphs.slice(0, 1)]) {
    // A sentence that names the report, not a line that is only its name (a title the front did not take is no lead).
    // An aside in it (…民族事务委员会(以下简称旗民委)2024年…) is no part of the name.
    const b = given.replace(SHORT_NAME_ASIDE, '');
    if (!SENTENCE_MARK.test(b) || FIELD.test(b)) continue;
    // The clause that publishes or compiles the report (现将…报告如下, 特向社会公布…报告) first; a clause that cites another
    // document about such reports is none.
    // The report's name in 《》 right after the verb that publishes it (现发布《重庆市2021年政府信息公开工作年度报告》), or
    // opening the text (《梧州市人民政府2018年度法治政府建设工作报告》是…), is its own, not a citation.
    // (A hacked page's injected site name before it, `《uedbet体育_uedbet官网@:西柳镇人民政府2023年…报告》`, left the text with
    // the block: model/text.ts's withoutInjectedSpam.)
    const published = (PUBLISHED.exec(b) ?? /^《([^《》]{4,60}?(?:报告|年报))》/.exec(b))?.[1];
    // Not a report it cites for an honour (2023年法治政府建设年度报告被评为“优秀”).
    const clauses = [...b.matchAll(LEAD_PHRASE)]
      .filter((m) => !/^[”"’]?(?:被评为|被评定为|获评|荣获|获得)/.test(b.slice((m.index ?? 0) + m[0].length)))
      // (…工作情况 after 公布 names the year's report: 现公布2022年某局政府信息公开工作情况。; 特向社会公布…政府信息公开情况)
      .map((m) => m[1].replace(/信息公开(?:工作)?情况$/, '信息公开工作年度报告'))
      .filter((c) => LEAD_TYPES.has(typeOfTitle(c) ?? ''));
    const named =
      (published && LEAD_TYPES.has(typeOfTitle(published) ?? '') ? published : undefined) ??
      clauses.find((c) => LEAD_VERB.test(c)) ??
      clauses.find((c) => !CITATION.test(c));
    if (named) {
      type = typeOfTitle(named);
      // A body and its office reporting together (阿勒泰地区行政公署及办公室2014年度…): the body's report.
      phrase = named.replace(LEAD_VERB, '').replace(/及其?(?:办公室|办公厅)(?=(?:19|20)\d{2})/, '') || null;
      // A name in 《》 is the report's title as its body wrote it.
      if (named === published && /^[\u4e00-\u9fff]/.test(named) && named.length <= 60) title = named;
      break;
    }
    // …根据《政府信息公开条例》要求，由伊宁县人民政府办公室编制: the old template's first sentence names the body that compiled it.
    const by = DISCLOSURE_BY.exec(b);
    if (by) {
      type = INFO_DISCLOSURE;
      // A body's office compiles the body's report (由伊宁县人民政府办公室编制, 由上饶市统计局办公室编制; a town's 党政办公室, 由两城镇
      // 人民政府党政办公室编制): the body's, as its other years' titles name it.
      phrase = by[1].replace(/((?:人民)?政府|局|厅|委员会|委|办事处)(?:党政(?:综合)?办公室|党政办|综合办公室|办公(?:室|厅))$/, '$1');
      break;
    }
    const disclosure = DISCLOSURE_LEAD.exec(b);
    if (disclosure) {
      type = INFO_DISCLOSURE;
      // 本报告由南平市人民政府信息公开工作领导小组办公室根据…编制: whose office compiled it.
      phrase = disclosure[1] ?? null;
      break;
    }
    // 结合某街道办事处2025年政府信息公开工作实际，编制本报告: the clause names the body and the year.
    const compiled = COMPILED.exec(b);
    if (compiled) {
      type = INFO_DISCLOSURE;
      phrase = compiled[1];
      break;
    }
    if (DISCLOSURE_AFTER.test(b) || DISCLOSURE_TEMPLATE.test(b)) {
      type = INFO_DISCLOSURE;
      break;
    }
  }
  // The template's first sentence right under its first chapter (一、总体情况 / 本报告是根据《中华人民共和国政府信息公开条例》…).
  if (!type && firstParagraphs.slice(0, 1).some((b) => DISCLOSURE_LEAD.test(b))) type = INFO_DISCLOSURE;
  // A plan or a programme (某县人民政府2019年工作计划 as a part's heading, 提出如下要点, 制定本方案) is no report, whatever its
  // chapters.
  const reports = !open.slice(0, 3).some((b) => NOT_A_REPORT.test(b));
  if (!type && reports && !chapters.some((c) => PLAN_DOCUMENT.test(c))) {
    if (chapters.slice(0, 2).some((c) => RULE_OF_LAW_HEADING.test(c))) type = RULE_OF_LAW;
    // Two of its chapters, or its first (总体情况, 政府信息公开总体工作情况) and one more (a page that kept the first two only).
    else if (chapters.filter((c) => DISCLOSURE_HEADING.test(c)).length >= (/^总体情况$|政府信息公开/.test(chapters[0] ?? '') ? 1 : 2)) type = INFO_DISCLOSURE;
    // …or 总体情况 alone over a paragraph on the 条例's work (一、总体情况 / 2020年，我局…认真贯彻实施《中华人民共和国政府信息公开条例》).
    else if (/^总体情况$/.test(chapters[0] ?? '') && /《(?:中华人民共和国)?政府信息公开条例》/.test(firstParagraphs[0] ?? '')) type = INFO_DISCLOSURE;
    // A communiqué's chapters: 一、综合, then its sectors (农业, 工业, 固定资产投资…).
    else if (/^综\s*合$/.test(chapters[0] ?? '') && chapters.slice(1, 4).filter((c) => STATISTICS_HEADING.test(c)).length >= 1) type = STATISTICS;
    // …or 一、综合 alone (a page cut after it) over the year's accounts: 初步核算 (or 初步测算)，2023年地区生产总值(GDP)…; 经市统计局核定，…;
    // 根据地区生产总值统一核算结果，全年全州生产总值…
    else if (
      /^综\s*合$/.test(chapters[0] ?? '') &&
      /^(?:(?:据|经)?初步(?:核算|测算)|经[^，,。]{0,10}(?:核定|核算)|根据[^，,。]{0,14}(?:核算|核定)结果)[，,]?.{0,16}生产总值/.test(firstParagraphs[0] ?? '')
    )
      type = STATISTICS;
    // An opening whose first sentence is a body's year of 法治政府建设 (2024年，广州市人民政府办公厅坚持…，持续提升法治政府
    // 建设水平): a 法治 report, its chapters however named (一、主要工作成效).
    else if (
      open.slice(0, 2).some((b) => {
        const subject = subjectOf(b) ?? '';
        // 法治政府建设, or the place's own 法治 (推进法治龙岗建设, 法治建设): a body's year of building the rule of law.
        // Not 法治社会/法治乡村/法治文化, nor 法治建设 as the last of a list of 建设s (…生态文明建设和法治建设).
        // A ministry or a commission too (司法部, 原环境保护部, 省卫生健康委); or the second sentence, after one of guiding
        // thoughts, on the decisions about 法治政府建设 it carries out (…做到“两个维护”。坚决贯彻落实…关于法治政府建设的重大决策部署…;
        // not …。坚持依法统计，深入推进法治政府建设，…: a bureau's summary of its year).
        return (
          (/[省市区县州旗盟镇乡]|政府|厅|局|[部委]$|委员会|办公室/.test(subject) || /^我[委局厅办部]$/.test(subject)) &&
          (/法治政府(?:部门)?建设|(?<![和、与及])法治(?:(?!社会|乡村|文化|宣传)[\u4e00-\u9fff]{2,3})?建设/.test(b.split('。')[0]) ||
            /关于法治(?:政府)?建设的|法治政府建设(?:的)?(?:重大)?决策部署/.test(b.split('。')[1] ?? ''))
        );
      })
    )
      type = RULE_OF_LAW;
  }
  const subjects: string[] = [];
  for (const b of [...open.slice(0, 3), ...firstParagraphs]) {
    const m = subjectOf(b);
    if (m) subjects.push(m);
  }
  const local = open.slice(0, 3).some((b) => /我[省市区县州旗盟镇乡]/.test(b));
  const partyPlaces: string[] = [];
  // (A level with no name, 自治区党委、政府 as a 盟's communiqué names its region's, is no place.)
  for (const b of open.slice(0, 3))
    for (const m of b.slice(0, 600).matchAll(PARTY_AND_GOVERNMENT)) if (!/^(?:自治[区區州县縣旗]|[全本我该各此].)$/.test(m[1])) partyPlaces.push(m[1]);
  return { type, phrase, subjects, local, province: openingProvince(open, firstParagraphs), title, partyPlaces };
}

/** The provinces by the short names reports use (法治江苏, 新疆): their full names. */
export const PROVINCES: Record<string, string> = {
  北京: '北京市',
  天津: '天津市',
  上海: '上海市',
  重庆: '重庆市',
  河北: '河北省',
  山西: '山西省',
  辽宁: '辽宁省',
  吉林: '吉林省',
  黑龙江: '黑龙江省',
  江苏: '江苏省',
  浙江: '浙江省',
  安徽: '安徽省',
  福建: '福建省',
  江西: '江西省',
  山东: '山东省',
  河南: '河南省',
  湖北: '湖北省',
  湖南: '湖南省',
  广东: '广东省',
  海南: '海南省',
  四川: '四川省',
  贵州: '贵州省',
  云南: '云南省',
  陕西: '陕西省',
  甘肃: '甘肃省',
  青海: '青海省',
  内蒙古: '内蒙古自治区',
  广西: '广西壮族自治区',
  西藏: '西藏自治区',
  宁夏: '宁夏回族自治区',
  新疆: '新疆维吾尔自治区',
};
/** Not a street named after a province (北京西路, 湖南路, 西藏中路: the addresses of 南京's and 上海's offices). */
const PROVINCE_NAME = new RegExp(`(?:${Object.keys(PROVINCES).join('|')})(?![东南西北中]?(?:路|街|大道|大街))`, 'g');

/** The one province an opening names (its first three blocks and first paragraphs), in full: Lead.province. */
export function openingProvince(open: readonly string[], firstParagraphs: readonly string[]): string | null {
  return provinceNamed([...open.slice(0, 3), ...firstParagraphs].join(''));
}

/** The one province a text names (a province's department's report: 推进法治江苏建设), or null. */
function provinceNamed(text: string): string | null {
  const seen = new Set<string>();
  for (const m of text.matchAll(PROVINCE_NAME)) seen.add(m[0]);
  return seen.size === 1 ? PROVINCES[[...seen][0]] : null;
}

/** The year of the first chapter that reports on a year (not a plan's), or null. */
export function reviewChapterYear(chapters: readonly string[]): number | null {
  for (const c of chapters) {
    const t = plainDigits(c);
    const m = REVIEW_CHAPTER.exec(t);
    if (m && !PLAN_WORDS.test(t)) return +m[1];
  }
  return null;
}
