/**
 * A report's metadata from its text: the title line, the issuer, the year it covers and its type.
 * The file name is the last resort, and a diagnostic says when it was used. The rules are in
 * docs/series.md; in short:
 *
 * - title: the first line that names a report type (报告, 公报, 工作总结…) before the body starts,
 *   after any page chrome, joined with the line before it when that line is the issuer alone
 *   (黔东南苗族侗族自治州 / 2016年国民经济和社会发展统计公报) or with the next when the title is
 *   broken (某县人民政府关于2018年度 / 法治政府建设情况的报告);
 * - issuer: from the title, else the session line (…在四川省第十四届人民代表大会…会议上), the speaker
 *   line (四川省省长 …), the address (我代表省人民政府), a 来源 line that is a government; a level
 *   with no place (省人民政府) takes the report's place of that level; a report that addresses a
 *   congress (各位代表) and names no one takes the government it names most;
 * - year: in the title; else, by type, the session date or the review and plan headings
 *   (政府工作报告: the year delivered), or a review, a plan, a statistics period or a date line
 *   (other types: the year reviewed); else the file name;
 * - type: the title's (series/names.ts), or 政府工作报告 for a text with no title that addresses
 *   a congress (各位代表) while a government speaks (我代表国务院).
 */
import type { BlockRole, Diagnostic, MetaSource } from '../model/index.ts';
import { cleanBlock, diag, parseDate, parseNumeral, unspreadLine, withoutTitleMarks } from '../model/index.ts';
import {
  centralOrgan,
  DELIVERED_AT,
  fillLevel,
  GOVERNMENT_WORK_REPORT,
  STATISTICS,
  INFO_DISCLOSURE,
  type IssuerName,
  issuerText,
  NAMES_A_TYPE,
  parseIssuer,
  plainDigits,
  reviewsPastYear,
  RULE_OF_LAW,
  typeOfTitle,
  ZONE_AND_DISTRICT,
  type Unit,
} from '../series/index.ts';
import { classify, FIGURE_SPACE, isContentsLine } from './markers.ts';
import { simplifiedNames } from './namesSimplified.ts';
import { isTraditional } from './traditional.ts';
import { type Lead, openingProvince, PROVINCES, readLead, reviewChapterYear } from './lead.ts';

/**
 * The opening organisation: the longest run of Chinese characters, with no digits or
 * punctuation, that ends with an organisation word (人民政府办公室, 国务院办公厅, 司法厅, 卫生健康局, or a
 * commission's short name: 科委, 发改委, 卫健委, 管委会, 人大常委会, 编委办). 法治政府, words such as 格局 or 布局, and the Party's
 * committees (市委, 县委, 党委) do not end an organisation.
 */
const ISSUER =
  /^([\u4e00-\u9fff]{0,30}(?:人民政府办公室|人民政府办公厅|(?:人民)?政府办(?=$|[^\u4e00-\u9fff]|关于)|人民政府|人民代表大会常务委员会|委员会|办公厅|办公室|办事处|参事室|研究馆|中心|支队|医院|保健院|卫生院|大学|学院|(?<=[\u4e00-\u9fff]{2})公司|人民法院|人民检察院|(?<!法治)政府(?!工作|信息|建设|采购|投资|债务|性)|国务院|(?<![格布大全结开面])局|(?<![大展])厅|(?<=[\u4e00-\u9fff])(?<![党省市区县州旗盟])委(?:会|办)?(?![员会办])))/;
/** A Party committee before the government it signs with (中共某县委员会 某县人民政府, 中共某镇委、某镇人民政府, 中共某区工委 某区管委会): not 法治政府 nor a body after 关于. */
const PARTY_FIRST =
  /^\s*(?:中共|中国共产党)[\u4e00-\u9fff]{1,20}?(?:委员会|党委|党工委|工委|[省市区县州旗盟镇乡]委(?!员会))[\s、]*(?=(?:(?!关于|法治)[\u4e00-\u9fff]){1,24}?(?:人民政府|政府|办事处|管理委员会|管委会))/;
/** A publisher: a name that ends in an office's word (统计局, 调查队, 委员会, 人民政府). */
const PUBLISHER = /^[\u4e00-\u9fff]{2,30}(?:局|厅|委员会|委|办公室|办公厅|调查队|队|中心|人民政府|政府)$/;
/** A place name that opens a title, right before the year or the topic. */
const ISSUER_BY_PLACE = /^((?:(?!关于)[\u4e00-\u9fff]){1,20}?(?:[省市区县州盟旗镇乡]|街道|苏木|街))(?=\s*(?:(?:19|20)\d{2}|关于|法治|依法|年度))/;
/** Words for every township or sub-district (乡镇, 镇街, 乡镇街道), not a place: no issuer. */
const ALL_TOWNSHIPS = /(?:乡镇|镇街|镇街道|乡镇街道|街镇)$/;
/**
 * Words of a clause, in no place's name: a sentence's piece that runs up to a level (紧紧围绕省委、省政府 → 紧紧围绕省;
 * 认真落实县委 → 认真落实县) or a notice's verb before one (关于印发南海区2019年…, 关于召开全区…) is no place.
 */
const CLAUSE_WORDS =
  /围绕|落实|贯彻|按照|坚持|认真|紧紧|全面|深入|坚决|根据|领导|带领|部署|正确|要求|积极|大力|切实|扎实|始终|服从|上下|聚焦|紧扣|践行|执行|依托|立足|遵循|面对|推进|推动|实施|召开|提请|审议|征求|加强|进一步|做好|开展|印发|转发|报送|编制|公布|发布|下达|表彰|批转|同意|调整|请示|批复/;
/** An issuer names a place, or is the State Council. */
/** (A university names its place in its own name, or none: 安徽大学, 长江大学, 中国人民大学.) */
const ISSUER_PLACE = /[省市区县州盟旗镇乡]|街道|兵团|苏木|^国务院|大学$/;

/**
 * The issuer that opens a title, as written: an organisation (佛山市南海区人民政府 in
 * 佛山市南海区人民政府2018年度…报告, …人民政府关于…, …人民政府法治政府建设工作报告), else a place name right
 * before the year or the topic (南海区 in 南海区2018年法治政府建设年度报告). A leading year is skipped; a
 * title that opens with 关于 has no issuer. It must name a place (省, 市, 区, 县…) or be the State
 * Council, never crosses a year, and 法治政府 is never an issuer.
 */
/** A zone with a place before it, its other name in brackets, then its body or the year: 温州高新区(经开区)管委会. */
const ZONE_ALIAS =
  /^([\u4e00-\u9fff]{2,10}?(?:高新区|开发区|经开区|新区|园区|试验区|实验区))[（(][\u4e00-\u9fff]{0,8}(?:高新区|开发区|经开区|新区|园区|保税区|综保区)[)）](?=管委会|管理委员会|党工委|办事处|(?:19|20)\d{2})/;
/^([\u4e00-\u9fff]{2,10}?(?:高新区|开发区|经开区|新区|园区|试验区|实验区))[（(][\u4e00-\u9fff]{2,10}[)）](?=管委会|管理委员会|党工委|办事处|(?:19|20)\d{2})/;

export function findIssuer(title: string | null): string | null {
  if (!title) return null;
  const given = plainDigits(title)
    // A version's note before the title ((文字版)2017年芜湖市…, 【图解版】) is no part of it.
    .replace(/^\s*[（(【[][^）)】\]]{1,6}版[）)】\]]\s*/, '')
    // A year in Chinese numerals (子洲县二〇二三年…) splits as one in digits does.
    .replace(CHINESE_YEAR, arabicYear)
    .replace(/^\s*(?:19|20)\d{2}\s*年度?\s*/, '')
    .replace(/^中华人民共和国(?=国务院)/, '')
    // A government named twice, in full and short (花山区人民政府花山区政府2012年…, a CMS's 名称 field): once.
    .replace(/^([\u4e00-\u9fff]{2,12}?)人民政府\1政府(?!工作|信息)/, '$1人民政府')
    // The body's own offices, as a ministry writes them after its name (海关总署(本级机关)2020年…): the body.
    .replace(/[（(](?:本级机关|机关本级|本级|机关)[)）]/, '')
    // 高新区(新市区)人民政府: the district's government.
    .replace(ZONE_AND_DISTRICT, '$1')
    // A zone's other name in brackets before its body (温州高新区(经开区)管委会, 某某新区（某某园区）管委会): the zone's own name.
    .replace(ZONE_ALIAS, '$1')
    // A Party committee that signs with the government (中共宣州区新田镇委员会 宣州区新田镇人民政府关于…): the
    // government is the issuer, as on a publisher line.
    .replace(PARTY_FIRST, '')
    // A department's Party group, in whose name the department reports (中共青岛市交通运输局党组2021年度法治政府建设报告): the
    // department.
    .replace(PARTY_GROUP, '$1');
  // A report named after its speaker and session (县长某某在嫩江县第十三届人民代表大会第五次会议上所做的政府工作报告(摘要)): the
  // government of that congress's place.
  // (The head a type is read without, DELIVERED_AT; its congress as a session line names it, SESSION.)
  const deliveredAt = DELIVERED_AT.exec(given)?.[0];
  const delivered = deliveredAt ? SESSION.exec(deliveredAt) : null;
  const congress = delivered && !delivered[2] ? parseIssuer(delivered[1]) : null;
  if (congress && !congress.org && !congress.levelOnly && congress.units.length) return `${delivered![1]}人民政府`;
  // A notice that publishes a report (某市人民政府办公室关于公布某市2009年度政府信息公开工作年度报告的通知, the report under it): the
  // report's issuer, when its name gives one; else the notice's.
  const notice = /^(.{2,40}?)关于(?:公布|印发|发布|公开)《?([^《》]{6,80}?(?:报告|公报))》?的通知$/.exec(given);
  if (notice) return findIssuer(notice[2]) ?? findIssuer(notice[1]);
  // 关于 and then a place and the year (关于福州市2021年法治政府建设情况的报告): the place's; any other 关于 names the topic.
  // (Not a notice's verb, a preposition or a collective place before it: 关于印发南海区2019年…, 关于对全市…, 关于召开全区….)
  const aboutPlace = /^关于([\u4e00-\u9fff]{1,10}?(?:[省市区县州盟旗]|街道))(?:人民政府)?(?:19|20)\d{2}\s*年/.exec(given);
  const placeAfterAbout =
    !!aboutPlace && !CLAUSE_WORDS.test(aboutPlace[1]) && !NOT_A_NAME_START.test(aboutPlace[1]) && !/[我全本各][省市区县]/.test(aboutPlace[1]);
  if (given.startsWith('关于') && !placeAfterAbout) return null;
  const t = placeAfterAbout ? given.slice(2) : given;
  // A line that names no report but publishers set apart by spaces, or run together (宁夏回族自治区统计局国家统计局宁夏调查总队) (六盘水市统计局 国家统计局六盘水调查队, a text whose
  // title was lost): the first of them, not two run together.
  const pieces = publisherPieces(t);
  if (!NAMES_A_TYPE.test(t) && pieces.length >= 2) {
    // The first that names an issuer: not a Party committee (中共某县委 某县人民政府).
    if (pieces.every((p) => PUBLISHER.test(p))) return pieces.map((p) => findIssuer(p)).find((x) => x) ?? null;
  }
  // The issuer stands before 关于, the year or the topic.
  // 政府信息公开 is the topic, its 政府 no part of the issuer's name (上海市科委政府信息公开…), but for 人民政府信息公开.
  const head = t
    .split(
      /关于|(?:19|20)\d{2}|年度|法治政府|依法行政|(?<!人民)政府工作|工作报告|工作总结|政务|(?<!人民)政府信息公开|信息公开|国民经济|经济和社会发展|统计公报|第[一二三四五六七八九十]{1,2}次全国/,
    )[0]
    .replace(/\s+/g, '');
  // A department of the central government (司法部, 国家统计局, 中华人民共和国生态环境部), which names no place.
  const central = centralOrgan(head);
  if (central) return central;
  const gov = /^([\u4e00-\u9fff]{1,12}?(?:[省市区县州盟旗乡镇]|街道))政府(?=工作|信息)/.exec(t);
  // A sub-district's government is its 办事处 (2021年迎宾路街道政府信息公开…).
  if (gov) return gov[1].endsWith('街道') ? `${gov[1]}办事处` : `${gov[1]}政府`;
  // A province by its short name (2022年新疆政府工作报告, as a news page titles it): its government by its full name.
  const province = /^([\u4e00-\u9fff]{2,3})政府(?=工作|信息)/.exec(t);
  if (province && Object.hasOwn(PROVINCES, province[1])) return `${PROVINCES[province[1]]}人民政府`;
  const org = ISSUER.exec(head);
  if (org && ISSUER_PLACE.test(org[1])) return org[1];
  // A place alone before the topic of a statistical communiqué (周口市国民经济和社会发展统计公报).
  const alone = head && head.length < t.replace(/\s+/g, '').length ? parseIssuer(head) : null;
  // …or of a census's (广州市增城区第三次全国农业普查主要数据公报).
  if (alone && !alone.org && alone.units.map((u) => u.text).join('') === head && /统计公报|普查[\u4e00-\u9fff]{0,6}公报/.test(t)) return head;
  const place = ISSUER_BY_PLACE.exec(t.replace(/\s+/g, ''));
  // 我区, 全市, 本县 are no one's name, nor 全市各区, 本市各区县, 各区县 (全州县 and 全椒县 are).
  if (!place || /^(?:[我全本各][省市区县]|各)/.test(place[1]) || ALL_TOWNSHIPS.test(place[1]) || CLAUSE_WORDS.test(place[1]) || place[1] === '街道')
    return null;
  // A sub-district as 广州 names its own (鹤龙街2024年…), not a street (步行街): its name whole, a place of its own.
  if (
    place[1].endsWith('街') &&
    parseIssuer(place[1])
      ?.units.map((u) => u.text)
      .join('') !== place[1].replace(/街$/, '街道')
  )
    return null;
  return place[1];
}

// ---------------------------------------------------------------------------------------------
// The title line.

/**
 * Page chrome and labels that are never a title: buttons, 来源/时间 lines, a session or speech line (…作政府工作报告; not 协作/合作/作风…报告),
 * a news headline's clause among others (孙良才主持会议 孙战宇作政府工作报告 孙斌…在主席台就座; also run together, as a PDF's text
 * joins them).
 */
const NOT_TITLE =
  /(?:公报|报告|总结|年报)(?:更新|推荐|热门|排行榜?|最新|精选|大全|汇总)$|^(?:来源|时间|发布|发表|作者|编辑|责任编辑|浏览|阅读|分享|字号|当前位置)[:：]|^您?(?:当前)?所在的?位置|^您的位置|[:：]$|报告如下|[>＞»›]{1,2}\s*[^>＞»›]{1,16}\s*[>＞»›]|^(?:网站)?首页\s*[>＞»›]|会议上|(?<![工协合協焦])作(?![风風]).{0,8}(?:报告|報告)[。]?$|^[—―\-－]|(?:^|\s)[\u4e00-\u9fff·]{2,4}作(?:政府)?工作(?:报告|報告)\s|作(?:政府)?工作(?:报告|報告).{2,40}(?:就座|出席)$|主持会议.{0,12}作(?:政府)?工作(?:报告|報告)/;
const SENTENCE = /[。！？!?；;]/;
/** A photo's caption: a speaker (2–4 characters, 同志) who delivers the report (魏宏作政府工作報告). */
const SPEAKER_CAPTION = /^[\u4e00-\u9fff·]{2,4}(?:同志)?(?:代表[\u4e00-\u9fff]{2,10})?作(?:政府)?工作(?:报告|報告)$/;

/** A news page's line before the report it reprints: 原文如下：, 以下为报告全文：, 全文如下. */
const FULL_TEXT_FOLLOWS = /^(?:.{0,30}[，,])?(?:以下(?:为|是)?)?(?:报告)?(?:原文|全文)(?:如下)?[:：]?$/;

/** Where the body starts: a heading marker, the address to a congress, or a long paragraph. */
function frontEnd(blocks: readonly string[]): number {
  const max = Math.min(blocks.length, 40);
  // A table of contents with no 目录 over it, at the text's start (一、2023年工作回顾 / (一)… / 二、…), then the title: the front
  // goes past it to the title (its headings head nothing: markers.ts unmarkContents).
  let run = 0;
  while (run < blocks.length && run < 60 && blocks[run].length <= 40 && !/[。；！？]/.test(blocks[run]) && classify(blocks[run])) run++;
  let start = run >= 4 && run < blocks.length && isTitleLine(blocks[run]) ? run : 0;
  // A news page's lead, then the report (…政府工作报告发布。其中提到… / 原文如下： / 2022年包头市政府工作报告): the front starts below it.
  if (!start) for (let i = 0; i < Math.min(blocks.length - 1, 20); i++) if (FULL_TEXT_FOLLOWS.test(blocks[i])) start = i + 1;
  for (let i = start; i < max + start && i < blocks.length; i++) {
    const b = blocks[i];
    if (/^各位代表/.test(b)) return i;
    // A covering notice that sends the report out (《政府工作报告》已经…审议通过，现印发给你们，请认真贯彻落实): the report follows.
    if (COVERING_NOTICE.test(b)) continue;
    // A long line of prose (not an index of years: 统计年鉴年度索引: 2023 2022 2021 …).
    if ((b.length > 80 && !/(?:(?:19|20)\d{2}\s+){4}/.test(b)) || (b.length > 40 && /[。；]/.test(b))) return i;
    const m = classify(b);
    if (m && m.type !== 'list' && m.type !== 'part') return i;
  }
  return max;
}

/** What names a report in traditional characters (報告, 公報): a title line too. */
const NAMES_A_TYPE_TRADITIONAL = /報告|公報|工作總結|工作要點|年報/;
/** A notice's title that sends a report out: …印发2017年政府工作报告的通知, 关于印发《…报告》的通知. */
const NOTICE_TITLE = /(?:印发|转发|颁发)[^。，]{0,50}(?:报告|報告)》?的?通知$/;
/** A notice that sends a report out: its sentences are no prose of the report. */
const COVERING_NOTICE = /印发给你们|现予印发|转发给你们|请认真(?:贯彻落实|遵照执行|组织学习)/;
/** A title line; one spread across its line (政 府 工 作 报 告) too. */
const isTitleLine = (s: string) => {
  const t = unspreadLine(s);
  return t.length <= 60 && (NAMES_A_TYPE.test(t) || NAMES_A_TYPE_TRADITIONAL.test(t)) && !SENTENCE.test(t) && !NOT_TITLE.test(t);
};

/** Publishers set apart by spaces and nothing else: 六盘水市统计局 国家统计局六盘水调查队. */
function isPublisherLine(s: string): boolean {
  // (Also run together: 宁夏回族自治区统计局国家统计局宁夏调查总队.)
  const pieces = publisherPieces(s);
  return pieces.length >= 2 && s.length <= 60 && pieces.every((p) => PUBLISHER.test(p));
}

/** A line that is only an issuer (黔东南苗族侗族自治州, 洪泽区人民政府), the first line of a two-line title. */
/** Prepositions that open a sentence's piece, never a place's or a body's name. */
const NOT_A_NAME_START = /^(?:在|以|由|对|按|据|被|把)/;

function isIssuerLine(s: string): boolean {
  // A department's Party group, in whose name the department reports (中共青岛市交通运输局党组 / 2022年度法治政府建设报告).
  const group = PARTY_GROUP.exec(s.trim());
  if (group && group[0].trim() === s.trim()) return isIssuerLine(group[1]);
  if (s.length > 30 || /[\s\d。，,：:；;！？]/.test(s.replace(/\s+/g, '')) || NAMES_A_TYPE.test(s)) return false;
  // A sentence's piece that a preposition opens (在市政府, 以市政府办公室名义): no body's name opens so (和平区, 于都县, 从化区
  // and 将乐县 do open with such characters, hence only these).
  if (NOT_A_NAME_START.test(s)) return false;
  const n = parseIssuer(s);
  if (centralOrgan(s)) return true;
  return (
    !!n && (n.units.length > 0 || n.org === '国务院') && /^(?:|人民政府|国务院|办事处|[\u4e00-\u9fff]{0,8}(?:局|厅|委员会|办公室|办公厅|中心))$/.test(n.org)
  );
}

/** A date alone, in brackets or not, as a byline under a title prints it: 2023年4月11日, (2022年2月). */
const BYLINE_DATE = /^[（(]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[)）]?$/;
/** A publisher and the date in brackets after it: 紫云自治县统计局 (2022年4月28日). */
const PUBLISHER_AND_DATE = /^(\S.{1,30}?)\s*[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[)）]$/;

/**
 * A line of the byline under a report's title: the body that issues it alone (迎宾路街道办事处, 闻喜县统计局, 六盘水市统计局
 * 国家统计局六盘水调查队), the date alone, or both (紫云自治县统计局 (2022年4月28日)). Not a session line, a salutation or a
 * sentence.
 */
function isBylineLine(s: string): boolean {
  // (A name letter-spaced across its line, 施 甸 县 统 计 局, is read whole.)
  const t = /^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){2,}$/.test(s.trim()) ? s.replace(/[ \u3000]+/g, '') : s.trim();
  if (!t || t.length > 40 || /[。；！？，,：:]/.test(t)) return false;
  if (BYLINE_DATE.test(t)) return true;
  const dated = PUBLISHER_AND_DATE.exec(t);
  const name = dated ? dated[1].trim() : t;
  // (A slogan that ends like a body, 建设人民满意的服务型政府, names no place and is none.)
  return isIssuerLine(name) || isPublisherLine(name) || (PUBLISHER.test(name) && ISSUER_PLACE.test(name) && !/的/.test(name));
}

/** A work report's speaker on a line of their own: 县长 陈永高, 汉滨区人民政府代区长 向诗兵. */
/** The titles a work report's speaker signs with (省长, 县长, 主席…), as a pattern's source (the session line's too, and flattened.ts's). */
export const SPEAKER_TITLE = '(?:省长|市长|区长|县长|州长|旗长|盟长|主席|总理|镇长|乡长)';
const SPEAKER_LINE = new RegExp(String.raw`^[\u4e00-\u9fff（）()]{0,24}?(?:代理|代)?${SPEAKER_TITLE}\s*[\u4e00-\u9fff·]{2,8}?(?:同志)?$`);
/** …and the rest of it (人民代表大会第四次会议上). */
const SESSION_TAIL = /^[^。；，,]{0,30}(?:人民代表大会|会议)[^。；，,]{0,20}[)）]?$/;

/**
 * How many blocks from `from` on are the byline under a report's title, up to four: the issuing body alone (迎宾路街道办事处,
 * 闻喜县统计局, 六盘水市统计局 国家统计局六盘水调查队), the date alone or both (紫云自治县统计局 (2022年4月28日)); a work report's
 * session line (——2023年2月2日在长沙县第十八届人民代表大会第三次会议上, also broken over two lines) and its speaker (县长 陈永高, or
 * the name alone right after the session line: 毛伟明).
 * Not a salutation (各位代表：) or a sentence.
 */
export function bylineLength(blocks: readonly string[], from: number): number {
  let n = 0;
  // Whether the line before was the session line: the speaker's name may follow it alone (——2026年2月3日在…会议上 / 毛伟明).
  let afterSession = false;
  while (n < 4 && from + n < blocks.length) {
    const t = blocks[from + n].trim();
    const session = SESSION_DAY.test(dateDigits(t));
    if (
      session ||
      isBylineLine(t) ||
      (t.length <= 40 && SPEAKER_LINE.test(t)) ||
      (afterSession && /^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff]{2,8}$/.test(t))
    )
      n++;
    else if (n + 2 <= 4 && SESSION_HEAD.test(dateDigits(t)) && SESSION_TAIL.test(blocks[from + n + 1]?.trim() ?? '')) {
      n += 2;
      afterSession = true;
      continue;
    } else break;
    afterSession = session;
  }
  return n;
}

/** A title that is a type's generic name and nothing else (工作报告, 统计公报, 年度报告, 政府工作报告): no place, no year. */
const BARE_TYPE = /^(?:年度|政府|工作|统计|政务公开|政府信息公开|信息公开)*(?:报告|公报|年报|总结|要点)$/;
/** 政府工作报告 alone is the real title of a provincial or national report (over its session line): it never gives way. */
const isBareType = (title: string): boolean => {
  const t = title.replace(/\s+/g, '');
  return BARE_TYPE.test(t) && t !== '政府工作报告';
};
/**
 * A title that gives way to a later one naming a year or an issuer: a bare type, or a site's column above the article
 * (法治政府部门建设工作报告 over 云南省交通运输厅2023年度法治政府部门建设报告), which names neither.
 */
const givesWay = (title: string, blocks: readonly string[], from: number, end: number): boolean =>
  isBareType(title)
    ? laterTitle(blocks, from, end)
    : !namesYearOrIssuer(title) && title.replace(/\s+/g, '') !== '政府工作报告' && laterTitle(blocks, from, end, true);
/** A line that names a report but is no report's title: a page about it (一图读懂…), a session line, a summary. */
const NOT_A_LATER_TITLE = /解读|图解|读懂|问答|人民代表大会|会议|摘要|书面/;

function namesYearOrIssuer(title: string): boolean {
  const t = plainDigits(title).replace(/\s+/g, '');
  return /(?:19|20)\d{2}/.test(t) || !!findIssuer(t);
}

/** Whether a line from `from` to `end` is a title that names a year or an issuer (`both`: a year and an issuer). */
function laterTitle(blocks: readonly string[], from: number, end: number, both = false): boolean {
  for (let j = from; j < end; j++) {
    const b = blocks[j];
    if (!isTitleLine(b) || NOT_A_LATER_TITLE.test(b)) continue;
    if (both ? /(?:19|20)\d{2}/.test(plainDigits(b)) && !!findIssuer(plainDigits(b).replace(/\s+/g, '')) : namesYearOrIssuer(b)) return true;
  }
  return false;
}

/** A word that names a document of some kind (报告, 總結, 通知, 情况…): a title with one names something. */
const DOCUMENT_WORD =
  /报告|報告|公报|公報|总结|總結|年报|年報|计划|計劃|纲要|綱要|规划|規劃|要点|要點|意见|意見|方案|决定|決定|通知|回顾|回顧|情况|情況|解读|解讀/;
/** A newspaper's dateline: 本报讯, 本报北京3月5日讯, 新华社北京3月5日电, 某某网讯(记者…). */
const NEWS_DATELINE =
  /^(?:本报讯|本报[\u4e00-\u9fff0-9]{0,10}讯|新华社[\u4e00-\u9fff0-9]{0,10}电|[\u4e00-\u9fff]{2,10}(?:讯|电)\s*[（(]\s*记者|[\u4e00-\u9fff]{1,8}(?:网|报|台)讯[\s:：])/;
/** A title that ends in a report's name (…政府工作报告, …统计公报（摘要）). */
const NAMES_REPORT_AT_END = /(?:报告|報告|公报|公報|年报|年報|总结|總結)(?:[（(][^（）()]{1,10}[)）])?$/;
/** The day and the speaker in brackets at a title's end, after the report's name: (2022年1月13日 沈宏宇). */
const DAY_AND_SPEAKER = /(?<=报告|報告|公报|公報)\s*[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[\u4e00-\u9fff·]{2,8}\s*[)）]$/;
/**
 * A page's posting date after a title, set apart by a space (…2017年工作安排 2018-06-15, …报告 2021/3/2 10:15), or run on to it as a
 * PDF's text joins them (…工作安排2018-06-15); not a field's value (发布时间：2018-12-01, a page's heading that is no report's).
 */
const POSTED_AFTER = /(?<![0-9:：\s])\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** A title without a year repeated after it by a page (2022年云和县…统计公报 2022: a tag of the site's). */
function withoutTrailingYear(marked: string): string {
  // …and without a forum's board before it or a footnote's mark after it (withoutTitleMarks).
  // The day and the speaker in brackets after a report's name (…政府工作报告(2022年1月13日 沈宏宇), a news site's headline);
  // a page's posting date after it.
  const title = withoutTitleMarks(marked).replace(DAY_AND_SPEAKER, '').replace(POSTED_AFTER, '');
  // (…or run on to the report's word, as a PDF's text joins them: …统计公报2021.)
  const m = /\s+((?:19|20)\d{2})$/.exec(title) ?? /(?<=报告|報告|公报|公報)((?:19|20)\d{2})$/.exec(title);
  if (!m) return title;
  // The title's own year in digits, or in Chinese numerals (嵩明县二〇二三年…统计公报 2023).
  const before = title.slice(0, m.index);
  return before.includes(m[1]) || yearInTitle(before) === Number(m[1]) ? before : title;
}

export interface TitleFind {
  /** The title, or null: no line names a report (the caller falls back to the file name). */
  title: string | null;
  /** Blocks [0, chromeEnd) come before the title: page chrome, kept but marked trailing. */
  chromeEnd: number;
  /** Blocks [chromeEnd, bodyStart) are the title's own lines: they become the title, not paragraphs. */
  bodyStart: number;
  /** The reader's title was not taken (page chrome such as 下载 / 打印): it is kept as the first block. */
  keepItemTitle: boolean;
}

/**
 * The title: the reader's title when it names a report type; else the first line before the body
 * that does (after page chrome: 下载 / 打印, a photo caption, navigation), joined with an issuer
 * line before it or the rest of a broken title after it; else the reader's title as it is.
 */
export function findTitle(itemTitle: string | null, blocks: readonly string[]): TitleFind {
  const none = { title: itemTitle && withoutTrailingYear(withoutDocNumber(withoutRepeat(itemTitle))), chromeEnd: 0, bodyStart: 0, keepItemTitle: false };
  const end = frontEnd(blocks);
  // A notice that sends the report out (北京市海淀区人民政府印发2017年政府工作报告的通知), with the report's own title after it
  // (政 府 工 作 报 告): the report's title is the title; the notice's gives way, as the reader's or as a line.
  // The report's title: not an attachment's line (附件：2017年政府工作报告, ….pdf), and the report's text right after it (its
  // session line, 各位代表, a chapter): a notice published alone names its report but does not hold it.
  const reportAfter = (from: number) => {
    for (let j = from; j < end; j++) {
      const b = blocks[j];
      if (
        !isTitleLine(b) ||
        NOTICE_TITLE.test(b) ||
        NOT_A_LATER_TITLE.test(b) ||
        /^附\s*件|\.(?:docx?|pdf|wps)$/i.test(b) ||
        /^附\s*件[：:]?$/.test(blocks[j - 1] ?? '')
      )
        continue;
      if (blocks.slice(j + 1, j + 5).some((n) => /^各位代表|会议上|^[—―－]{1,2}\s*(?:19|20)\d{2}|^[一二三四五六七八九十]{1,3}、/.test(n))) return true;
    }
    return false;
  };
  const notice = !!itemTitle && NOTICE_TITLE.test(itemTitle) && reportAfter(0);
  if (itemTitle && !notice && isTitleLine(itemTitle) && !givesWay(itemTitle, blocks, 0, end)) return none;
  for (let i = 0; i < end; i++) {
    const b = blocks[i];
    if (NOTICE_TITLE.test(b) && reportAfter(i + 1)) continue;
    let title: string | null = null;
    let first = i;
    let last = i + 1;
    // A line cut out of a sentence (…国务院总理李强所作的 / 政府工作报告 / 。会议充分肯定…: a page that broke its lines at a
    // link) names the report it speaks of, not its own title.
    if (isTitleLine(b) && (/^[。，、；,;]/.test(blocks[i + 1] ?? '') || (i > 0 && /[的了]$/.test(blocks[i - 1])))) continue;
    if (isTitleLine(b)) title = b;
    else {
      const next = blocks[i + 1];
      const joined = next !== undefined ? b + next : '';
      // A title broken over two lines: neither names the report alone (某县人民政府关于2018年度 / 法治政府建设情况的报告).
      if (i + 1 < end && b.length <= 40 && next.length <= 20 && !NAMES_A_TYPE.test(b) && !isTitleLine(next) && isTitleLine(joined)) {
        title = joined;
        last = i + 2;
      }
    }
    if (title === null) continue;
    // A bare type (工作报告, 统计公报: a site's column above the article) gives way to a title further down that names a
    // year or an issuer (2020年静海区法治政府建设情况报告). A bare 政府工作报告 over its session line has none after it.
    if (givesWay(title, blocks, last, end)) continue;
    // The issuer on the line before: a block, or the reader's title when the type line comes first.
    const prev = i > 0 ? blocks[i - 1] : itemTitle;
    let joinedItemTitle = false;
    // The line before: the issuer alone, or the head of a broken title (某县人民政府关于2018年度).
    const head = prev && prev.length <= 40 && !SENTENCE.test(prev) && !NAMES_A_TYPE.test(prev) && /关于|\d{4}\s*年度?$/.test(prev) && !NOT_TITLE.test(prev);
    // Not a notice's signature (…特此通知。 / 北京市海淀区人民政府 / 政 府 工 作 报 告): a sentence ends right before it.
    const signature = i >= 2 && /[。！]$/.test(blocks[i - 2]) && (/特此(?:通知|函告)/.test(blocks[i - 2]) || COVERING_NOTICE.test(blocks[i - 2]));
    if (prev && !signature && ((isIssuerLine(prev) && !findIssuer(title)) || head)) {
      title = prev + title;
      if (i > 0) first = i - 1;
      else joinedItemTitle = true;
    }
    return {
      title: withoutTrailingYear(withoutDocNumber(withoutRepeat(cleanBlock(title)))),
      chromeEnd: first,
      bodyStart: last,
      keepItemTitle: !!itemTitle && !joinedItemTitle,
    };
  }
  return none;
}

/** A title printed twice on its line (a page's title and its headline run together): once. */
function withoutRepeat(title: string): string {
  const m = REPEATED.exec(title);
  return m ? m[1] : title;
}
const REPEATED = /^(\S.{7,79}?)[\s|｜]+\1[\s|｜]*$/;

/** A document number (文号: 浙卫〔2024〕3号, 某政发[2023]12号), as a headline sets it before a title in 《》 or after a title in brackets. */
const DOC_NUMBER = String.raw`[\u4e00-\u9fff]{1,12}\s*[〔［\[（(【]\s*(?:19|20)\d{2}\s*[〕］\]）)】]\s*(?:第\s*)?\d{1,5}\s*号`;
const DOC_NUMBER_BEFORE = new RegExp(String.raw`^${DOC_NUMBER}\s*《([^《》]{4,60})》$`);
const DOC_NUMBER_AFTER = new RegExp(String.raw`[（(]\s*${DOC_NUMBER}\s*[）)]$`);

/** A title line without the document number a headline adds to it (浙卫〔2024〕3号《…的报告》, …的报告（浙卫〔2024〕3号）). */
function withoutDocNumber(title: string): string {
  if (title.length > 200 || !title.includes('号')) return title;
  return DOC_NUMBER_BEFORE.exec(title)?.[1] ?? title.replace(DOC_NUMBER_AFTER, '').trimEnd();
}

// ---------------------------------------------------------------------------------------------
// The issuer.

/** …在四川省第十四届人民代表大会第三次会议上, 向第五届全国人民代表大会作…报告; a subtitle's date with no 在 after it too (——2014年1月26日西安市未央区第十六届人民代表大会…; not a resolution's
 * （2023年1月13日…会议通过）), or a subtitle with no date and no 在 (——东乌珠穆沁旗第十五届人民代表大会第五次会议上). */
const SESSION =
  /(?:在|向|(?:(?<=^[—―－]{1,2}\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?=\s*[\u4e00-\u9fff]{0,24}?\s*第)|(?<=^[—―－]{1,2}[ \u3000]?)(?=[\u4e00-\u9fff]{2,24}?第))(?![^。]*(?:通过|批准)[)）]?$))\s*([\u4e00-\u9fff]{0,24}?)\s*第\s*[一二三四五六七八九十\d]{1,3}\s*届\s*(全国)?\s*人民代表大会/;
/** The speaker between a session line's date and its 在 (——2025年1月16日省长 李乐成在…, 主席 艾尔肯·吐尼亚孜同志在…), optional. */
const SPEAKER_BEFORE = String.raw`(?:[\u4e00-\u9fff]{0,12}?${SPEAKER_TITLE}\s*[\u4e00-\u9fff·]{2,8}?(?:同志)?\s*)?`;
/** The date of a session line: 2025年1月14日在… */
const SESSION_DATE = new RegExp(
  String.raw`((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*\d{0,2}\s*日)?\s*[，,]?\s*(?:${SPEAKER_BEFORE}(?:在|向)|(?<=^[—―－]{1,2}\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?=[\u4e00-\u9fff]{0,24}?第\s*[一二三四五六七八九十\d]{1,3}\s*届)(?![^。]*(?:通过|批准)[)）]?$))`,
);
/** A session line with its day, the whole line: ——2024年3月5日在第十四届全国人民代表大会第二次会议上, （…上）. */
const SESSION_DAY = new RegExp(
  String.raw`^[—―─━\-－\s（(•·●?？]*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[和至、]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?\s*[，,]?\s*${SPEAKER_BEFORE}(?:在|向)[^。；，]{0,40}人民代表大会[^。；，]{0,20}[)）]?$`,
);

/** A date written in Chinese numerals: 二○二一年二月二十三日, 二〇二二年四月 (a city's session line often is). */
const CHINESE_DATE = /([〇○零OΟ0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?/g;

/** A line with its digits plain (plainDigits) and its dates in Chinese numerals in digits (2021年2月23日). */
function dateDigits(s: string): string {
  const t = plainDigits(s);
  if (!t.includes('月')) return t;
  return t.replace(CHINESE_DATE, (all, y: string, m: string, d: string | undefined) => {
    const year = arabicYear(y);
    const month = parseNumeral(m);
    const day = d === undefined ? null : parseNumeral(d);
    if (!/^(?:19|20)\d{2}$/.test(year) || month === null || month < 1 || month > 12) return all;
    if (d !== undefined && (day === null || day < 1 || day > 31)) return all;
    return `${year}年${month}月${day === null ? '' : `${day}日`}`;
  });
}

/** The day of the session line of the opening, as a date, or null. */
function deliveredOn(open: readonly string[], title: string | null): string | null {
  for (const b of open) {
    const m = SESSION_DAY.exec(dateDigits(b));
    if (m) return parseDate(`${m[1]}年${m[2]}月${m[3]}日`);
  }
  // A title run into its session line and its speaker (政府工作报告—2021年7月29日在…人民代表大会第一次会议上自治县人民政府代理县长 孙立良),
  // or such a line once the title is set apart.
  for (const b of title ? [title, ...open] : open) {
    const t = TITLE_SESSION.exec(dateDigits(b));
    if (t && t.index <= 12) return parseDate(`${t[1]}年${t[2]}月${t[3]}日`);
  }
  // The session's day in brackets after the title (小金县人民政府工作报告(2023年1月8日), as readYear reads its year).
  const day = title ? TITLE_DAY.exec(dateDigits(title)) : null;
  return day ? parseDate(`${day[1]}年${day[2]}月${day[3]}日`) : null;
}

/** A day in brackets at a title's end: 小金县人民政府工作报告(2023年1月8日). */
const TITLE_DAY = /[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]$/;

/** A session line inside a title, after a dash. */
const TITLE_SESSION = /(?:[—―－]{1,2}|-{2})\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。；，]{0,12}?(?:在|向)[^。；，]{0,40}人民代表大会/;

/** A speaker line: 四川省省长 黄强, 自治区人民政府主席 张雨浦, 国务院总理 李克强. */
const SPEAKER =
  /^[—―\-－\s]*([\u4e00-\u9fff]{0,24}?)(?:人民政府)?(?:常务)?副?代?(省长|市长|区长|县长|州长|旗长|盟长|主席|总理)\s*[\u4e00-\u9fff·]{2,8}(?:同志)?$/;
const OFFICE_LEVEL: Record<string, string> = { 省长: '省', 市长: '市', 区长: '区', 县长: '县', 州长: '州', 旗长: '旗', 盟长: '盟', 主席: '自治区' };
/** The address: 我代表国务院, 我受国务院的委托, 我代表省人民政府. */
const ADDRESS = /我(?:代表|受)(国务院|[\u4e00-\u9fff]{0,20}?(?:人民政府|政府|管委会|管理委员会|行政公署|行署))/;
/** A government's address to the congress, its first sentence: 我代表南开区人民政府，向大会作政府工作报告 (向大会报告工作, 作工作报告). */
const TO_CONGRESS = new RegExp(`^(?:现在[，,]?\\s*)?${ADDRESS.source}(?:的?委托)?[，,]?\\s*向(?:本次)?大会(?:作(?:政府)?工作报告|报告(?:政府)?工作)`);
/** What a congress hears besides the work report: the budget, the final accounts, the plan's execution. */
const BUDGET = /预算|决算|计划(?:执行|草案)|国民经济和社会发展计划/;

interface Mention {
  /** As written. */
  text: string;
  name: IssuerName;
}

function mention(given: string | null | undefined): Mention | null {
  // A name a sentence's preposition was caught with (以市政府办公室名义, 在市政府): the name without it.
  const text = given && NOT_A_NAME_START.test(given) && !NOT_A_NAME_START.test(given.slice(1)) ? given.slice(1) : given;
  if (!text) return null;
  const name = parseIssuer(text);
  return name ? { text, name } : null;
}

export interface MetaInput {
  title: string | null;
  /** The report's blocks, cleaned. */
  blocks: readonly string[];
  /** The roles fixed before the structure is parsed: closing lines, trailing chrome. */
  roles: readonly (BlockRole | null)[];
  decisions: readonly { role: BlockRole; title: string; partKind?: string }[];
  fileName: string | null;
  yearFromFileName: boolean;
  /** The office a disclosure page's fields name (工作机构名称：), removed from the text as chrome. Not a 来源 or a 发布机构: a
   * county's portal stamps its own office or data bureau on every page it posts. */
  office?: string | null;
  /** The publisher a page's 来源： or 发布机构： field names: the issuer only of a text that speaks as a department (我局). */
  publisher?: string | null;
  /** The 年月日 date the reader cut from after the title on its line (RawItem.titleDate): read as a date in the title. */
  titleDate?: string | null;
}

export interface Metadata {
  title: string;
  issuer: string | null;
  issuerVariants: string[];
  year: number | null;
  type: string | null;
  /** What the report's id is made from: the title line, else the file name (kept when the shown title is composed, so ids stay as they were). */
  idTitle: string;
  from: { title: MetaSource; issuer: MetaSource; year: MetaSource; type: MetaSource };
  /** The day a work report was delivered, from its session line (——2024年3月5日在…人民代表大会…), or null. */
  delivered: string | null;
  diagnostics: Diagnostic[];
}

/** The last part of a path or URI. */
const fileBase = (fileName: string) => fileName.split(/[\\/]/).pop() ?? fileName;
/** The file's name without its extension. */
const baseName = (fileName: string | null) => (fileName ? fileBase(fileName).replace(/\.[A-Za-z0-9]{1,5}$/, '') || null : null);

/** The opening: the blocks before the first heading, at most 12. */
function opening(input: MetaInput): string[] {
  const out: string[] = [];
  for (let i = 0; i < input.blocks.length && out.length < 12; i++) {
    const role = input.decisions[i]?.role;
    if (role === 'chapter' || role === 'section' || role === 'part') break;
    if (input.roles[i] === 'trailing') continue;
    // A table of contents' lines (目录, 一、2024年工作回顾……1) say nothing of the report's metadata.
    if (isContentsLine(input.blocks[i])) continue;
    const b = input.blocks[i];
    // …and so do its entries with no page numbers (一、2018年工作回顾 / (一)巩固提升脱贫成果 … before the session line): a
    // heading's marker on a short line that heads nothing.
    const entry = b.length <= 40 && !/[。；！？]/.test(b) ? classify(b) : null;
    if (entry && !entry.repair && entry.label && (entry.type === 'chapter' || entry.type === 'section')) continue;
    const next = input.blocks[i + 1];
    // A session line broken over two lines by a narrow column (——2025年1月15日在广东省第十四届 / 人民代表大会第三次会议上,
    // or inside the congress's name: …人民代表大 / 会第三次会议上).
    if (
      next !== undefined &&
      SESSION_HEAD.test(b) &&
      !b.includes('人民代表大会') &&
      next.length <= 30 &&
      !/[。；，]/.test(next) &&
      (b + next).includes('人民代表大会')
    ) {
      out.push(b + next);
      i++;
      continue;
    }
    out.push(b);
  }
  return out;
}

/** The first line of a session line: a dash, the date, 在 and the start of the congress's name. */
const SESSION_HEAD =
  /^(?:[—―─━\-－\s（(•·●]*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{0,2}\s*日[^。；，]{0,30}(?:在|向)[^。；，]{0,30}|[—―－]{1,2}\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{0,2}\s*日[\u4e00-\u9fff]{0,24}第\s*[一二三四五六七八九十\d]{1,3}\s*届[^。；，]{0,20})$/;

/** The title and the first blocks, up to 600 characters: enough to tell traditional characters. */
function openingText(input: MetaInput): string {
  let text = input.title ?? '';
  for (let i = 0; i < input.blocks.length && i < 12 && text.length < 600; i++) text += input.blocks[i].slice(0, 600 - text.length);
  return text;
}

/** The metadata input with its title, blocks and file name in simplified characters. */
function simplifiedInput(input: MetaInput): MetaInput {
  return {
    ...input,
    title: input.title === null ? null : simplifiedNames(input.title),
    blocks: input.blocks.map(simplifiedNames),
    decisions: input.decisions.map((d) => ({ ...d, title: simplifiedNames(d.title) })),
    fileName: input.fileName === null ? null : simplifiedNames(input.fileName),
  };
}

/** Reads title, issuer, year and type. `title` is what findTitle found (null: none). */
export function readMetadata(given: MetaInput): Metadata {
  // A report in traditional characters is read as its simplified copy (traditional.ts); its title is shown as written.
  const input = isTraditional(openingText(given)) ? simplifiedInput(given) : given;
  // A congress's resolution on the work report that opens at its adoption line (its heading lost): read and shown under
  // the title such a resolution has (…会议关于政府工作报告的决议), composed in simplified characters whatever the text's
  // (梧州市第十五屆人民代表大會…會議通過); its id is still made from the line as written. Its year is the adoption line's.
  const resolved = resolutionTitle(input);
  const diagnostics: Diagnostic[] = [];
  const fileTitle = baseName(input.fileName);
  const title = given.title ?? baseName(given.fileName) ?? 'Untitled report';
  const titleFrom: MetaSource = input.title ? 'text' : fileTitle ? 'fileName' : 'none';
  if (!input.title && fileTitle) diagnostics.push(diag('info', 'titleFromFileName', [fileTitle]));
  /** The title is no longer the file name's (composed, or a page's): its diagnostic goes. */
  const dropFileNameTitle = () => {
    const at = diagnostics.findIndex((d) => d.code === 'titleFromFileName');
    if (at >= 0) diagnostics.splice(at, 1);
  };
  // A session line taken for the title (——2016年1月6日在马鞍山市第十五届人民代表大会第五次会议上, a page that opens with it)
  // names no report: it is the opening's first line, and the title is composed as for a text with no title line.
  // A session line broken after its place (——2023年12月13日在新宾满族自治县 / 第十八届人民代表大会第三次会议上) too.
  const brokenSession = !!input.title && SESSION_HEAD.test(input.title) && (input.blocks[0] ?? '').length <= 30 && /人民代表大会/.test(input.blocks[0] ?? '');
  const sessionLine = brokenSession ? input.title! + input.blocks[0] : input.title;
  const sessionTitle =
    !!sessionLine && SESSION.test(sessionLine) && /会议上|^[—―\-－]/.test(sessionLine) && !NAMES_A_TYPE.test(sessionLine) && !/常务委员会/.test(sessionLine);
  const open = sessionTitle ? [sessionLine!, ...opening(input)] : opening(input);
  // A session line for a title, then a government's address (the page lost 各位代表): a congress is addressed too; so is
  // it by an address that speaks to it (我代表南开区人民政府，向大会作政府工作报告; 我代表区人民政府向大会报告工作).
  const addressesCongress =
    open.some((b) => /^各位代表/.test(b)) || (sessionTitle && open.some((b) => ADDRESS.test(b))) || open.some((b) => TO_CONGRESS.test(b.slice(0, 120)));

  // The type.
  const titleIssuerText = input.title && !sessionTitle ? findIssuer(input.title) : null;
  let type = resolved ? typeOfTitle(resolved) : input.title ? typeOfTitle(input.title, titleIssuerText) : null;
  // A page that interprets a report, titled by the report's name (《…2023年政府信息公开工作年度报告》已经编制完成…现就年报内容进行
  // 如下解读), is not the report: with the report's type it would join its series as a second text of its year. It is read
  // as a page titled …解读 is (its type a page's about the report, its issuer the same), before the issuer is.
  // (The cheap test of the opening first: almost every report says nothing of the kind.)
  const asPage = type && input.title && !ABOUT_PAGE.test(input.title) && interprets(open) ? interpretationType(input.title, titleIssuerText) : null;
  let interpretation = !!asPage && asPage !== type;
  if (interpretation) type = asPage;
  // A newspaper's report (本报讯 1月14日,…会议隆重开幕) whose headline only mentions the report (…孙战宇作政府工作报告…在主席台就座)
  // is news about it, not the report: a headline that names no report at its end gives it no type.
  // (Its text may still say what it is: a paper's reprint of a communiqué, headed …统计公报发布, keeps its chapters' type.)
  const newsHeadline = !!type && !!input.title && !NAMES_REPORT_AT_END.test(input.title.trim()) && open.slice(0, 6).some((b) => NEWS_DATELINE.test(b));
  if (newsHeadline) type = null;
  let typeFrom: MetaSource = type ? 'text' : 'none';
  const address = open.map((b) => ({ b, m: ADDRESS.exec(b) })).find((x) => x.m);
  // A text with no title that addresses a congress while a government speaks is that government's
  // work report, unless its opening reports on a budget.
  // (…also under a title that names no report's kind: 镇政府报告, an essay site's name for it.)
  const congressReport =
    (!type || /^(?:工作)?报告$/.test(type)) &&
    addressesCongress &&
    !open.slice(0, 4).some((b) => BUDGET.test(b.split('。')[0]) && !/报告(?:政府)?工作/.test(b.split('。')[0]));
  if (congressReport && address) {
    type = GOVERNMENT_WORK_REPORT;
    typeFrom = 'text';
  }
  if (!type && fileTitle && !input.title) {
    const t = typeOfTitle(fileTitle.replace(/[_\-\s]+/g, ''), null);
    if (t && /[\u4e00-\u9fff]/.test(t)) {
      type = t;
      typeFrom = 'fileName';
      diagnostics.push(diag('info', 'typeFromFileName', [t]));
    }
  }
  // No title line: the lead sentence or the first chapters may say what the report is (lead.ts).
  // A title that is only an issuer's name (瑞安市人民政府, a page's heading over its byline) names no report either.
  // So does a line of publishers set apart by spaces (新疆生产建设兵团统计局 国家统计局兵团调查总队, a communiqué's page).
  const titleOnlyIssuer = !!input.title && !type && (isIssuerLine(input.title) || isPublisherLine(input.title));
  // A title that names no body (2022年政府信息公开工作年度报告) leaves the issuer to the lead too.
  const lead = input.title && !titleOnlyIssuer && titleIssuerText && !newsHeadline ? null : readLead(open, chapterTitles(input), firstParagraphs(input));
  if (!type && lead?.type) {
    type = lead.type;
    typeFrom = 'text';
    // …the same with no title line: the report's name in 《》 in the lead that says the page interprets it.
    const named = lead.title && !input.title ? interpretationType(lead.title) : null;
    if (named && named !== type && interprets(open)) {
      type = named;
      interpretation = true;
    }
  }
  // A statistics bureau's line for a title over 一、综合 (a communiqué's page cut after its first chapter), or over chapters
  // from 一、综合 whose first paragraph accounts for the economy (a page that lost its title): a communiqué.
  const chapters = chapterTitles(input);
  if (
    !type &&
    titleOnlyIssuer &&
    /统计局|调查总?队/.test((input.title ?? '').replace(/\s+/g, '')) &&
    /^综\s*合$/.test(chapters[0] ?? '') &&
    (chapters.length === 1 || ACCOUNTED.test(firstParagraphs(input)[0] ?? ''))
  ) {
    type = STATISTICS;
    typeFrom = 'text';
  }

  // The issuer.
  const fileIssuer = !input.title && fileTitle ? findIssuer(fileTitle.replace(/[_\-\s]+/g, '')) : null;
  const found = readIssuer(
    input,
    open,
    titleIssuerText,
    address?.m?.[1] ?? null,
    addressesCongress,
    type,
    fileIssuer,
    leadIssuers(lead, type),
    // (Read for a title that names a province's government with no place, which no lead is read for.)
    lead ? lead.province : /^(?:省|自治区)(?:人民)?政府/.test(titleIssuerText ?? '') ? openingProvince(open, firstParagraphs(input)) : null,
  );
  if (found.placedFrom) diagnostics.push(diag('info', 'issuerPlaceFromMentions', [found.placedFrom, found.issuer ?? '']));
  else if (found.placeless) diagnostics.push(diag('info', 'issuerNoPlace', [found.issuer ?? '']));
  else if (found.acting) diagnostics.push(diag('info', 'issuerActing', [found.issuer ?? '']));
  else if (found.fromMentions) diagnostics.push(diag('info', 'issuerFromMentions', [found.issuer ?? '']));
  if (found.fromFile) diagnostics.push(diag('info', 'issuerFromFileName', [found.issuer ?? '']));
  if (!type && congressReport && found.issuer && /(?:人民政府|国务院)$/.test(found.issuer)) {
    type = GOVERNMENT_WORK_REPORT;
    typeFrom = 'text';
  }
  // A type outside the table keeps no place of its issuer's (深圳市社会性别统计报告 by 深圳市统计局 → 社会性别统计报告).
  if (type && input.title && found.places && type.startsWith(found.places) && type.length > found.places.length + 2) type = type.slice(found.places.length);

  // A communiqué's issuer is its place (周口市…统计公报 → 周口市): a statistics bureau named by a publishers' line or its
  // title (六盘水市统计局) is that place, so that its years are one series whichever way each names it. Not 国家统计局.
  // So is a government that titles its communiqué (2024年江西省宜春市人民政府国民经济和社会发展统计公报 → 江西省宜春市).
  const bureau = type === STATISTICS && found.issuer ? /^(.{2,24}?(?:[省市区县州盟旗]|兵团))(?:统计局|人民政府)$/.exec(found.issuer) : null;
  if (bureau && !found.issuer!.startsWith('国家')) found.issuer = bureau[1];
  // A communiqué that nothing names the issuer of (a page with no title): the one place of its own level its opening names,
  // when it speaks of that level as its own (全州上下…; 也是黄南藏族自治州成立70周年).
  if (type === STATISTICS && !found.issuer) {
    const own = communiquePlace([...open, ...firstParagraphs(input)].slice(0, 4));
    if (own) {
      found.issuer = own;
      diagnostics.push(diag('info', 'issuerFromMentions', [own]));
    }
  }

  // The year.
  const year = readYear(input, open, type, lead);
  let yearValue = year;
  let yearFrom: MetaSource = year !== null ? 'text' : 'none';
  if (yearValue === null && input.yearFromFileName && input.fileName) {
    const m = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/.exec(fileBase(input.fileName));
    if (m) {
      yearValue = Number(m[1]);
      yearFrom = 'fileName';
      diagnostics.push(diag('info', 'yearFromFileName', [m[1]]));
    }
  }
  // No line names the report, but the text says who issued it and what it is (the national work reports
  // have no title line): the title an analyst would write, 2013年国务院政府工作报告, rather than the file name.
  // A title letter-spaced across its line (政 府 工 作 报 告, as Word covers set it) is shown without the
  // spaces, and so is a space after a figure (2025 年…, as text taken from a PDF has it);
  // the id is still made from the line as written.
  const unspread = unspreadLine(title);
  let shown = resolved ?? (unspread !== title ? unspread : title.replace(FIGURE_SPACE, ''));
  let shownFrom = titleFrom;
  // With no issuer, the year and the type the lead gives (特向社会公布2015年度我局政府信息公开工作年度报告 →
  // 2015年政府信息公开工作年度报告): a title a reader can read, not a page's number.
  // A photo's caption for a title (魏宏作政府工作报告: a news page that lost its own) names the report, not its title.
  // So is a speaker's line taken for a title (沈阳市人民政府市长 吕志成, a page that opens with it).
  const captionTitle = !!input.title && (SPEAKER_CAPTION.test(input.title.replace(/\s+/g, '')) || SPEAKER.test(input.title.replace(/[?？]/g, ' ').trim()));
  // A title line that names no report at all (哈萨克斯坦: a forum's name over a communiqué it reposts) when the text says what
  // the report is: the title is made as for a text with none.
  const bare = input.title?.replace(/\s+/g, '') ?? '';
  const namesNothing = !!bare && !resolved && !NAMES_A_TYPE.test(bare) && !DOCUMENT_WORD.test(bare) && !/[0-9０-９]/.test(bare) && !findIssuer(bare);
  if (
    !interpretation &&
    (!input.title || titleOnlyIssuer || sessionTitle || captionTitle || namesNothing) &&
    (found.issuer || (lead && yearValue !== null)) &&
    type &&
    typeFrom === 'text'
  ) {
    // 深圳市人民政府 + 政府工作报告: one 政府 (深圳市人民政府工作报告); a 政府信息公开 report keeps both, its year between them as
    // such titles have it (南平市人民政府2012年政府信息公开工作年度报告).
    const issuer = found.issuer ?? '';
    const issuerPart = type.startsWith(issuer) ? '' : type.startsWith('政府工作') && issuer.endsWith('政府') ? issuer.slice(0, -2) : issuer;
    // The name the lead publishes it by in 《》, when the text gives one; else made of year, issuer and type.
    // Or the name its lead clause gives whole (现公布泰州市人民政府2017年政府信息公开工作年度报告): issuer, year and type.
    const phrase = lead?.phrase && found.issuer && lead.phrase.length <= 60 && lead.phrase.startsWith(found.issuer) ? lead.phrase : null;
    const named = [lead?.title, phrase].find((t) => t && yearInTitle(t) === yearValue && typeOfTitle(t) === type);
    const yearPart = yearValue !== null ? `${yearValue}年` : '';
    const twice = issuerPart.endsWith('政府') && type.startsWith('政府');
    shown = named ?? (twice ? `${issuerPart}${yearPart}${type}` : `${yearPart}${issuerPart}${type}`);
    shownFrom = 'text';
    dropFileNameTitle();
    // (The lead's name in 《》 is the text's own title: nothing composed to say.)
    if (!named) diagnostics.push(diag('info', 'titleComposed', [shown]));
  } else if (sessionTitle && fileTitle && /[\u4e00-\u9fff]/.test(fileTitle)) {
    // A session line is no title: with nothing to compose one from (a plan's or a budget's report to the congress), the file's
    // name when it is words (not a CMS's W020240115551234).
    shown = fileTitle;
    shownFrom = 'fileName';
    diagnostics.push(diag('info', 'titleFromFileName', [fileTitle]));
  }
  // (A page that interprets a report: its title says so, the report's name from its title line or its lead.)
  if (interpretation) {
    shown = `${input.title ? shown : (lead?.title ?? shown)}解读`;
    shownFrom = 'text';
    dropFileNameTitle();
    diagnostics.push(diag('info', 'interpretation', [shown]));
  }
  return {
    title: shown,
    idTitle: title,
    issuer: found.issuer,
    issuerVariants: found.variants,
    year: yearValue,
    type,
    from: { title: shownFrom, issuer: found.fromFile ? 'fileName' : found.issuer ? 'text' : 'none', year: yearFrom, type: typeFrom },
    delivered: type === GOVERNMENT_WORK_REPORT ? deliveredOn(open, input.title) : null,
    diagnostics,
  };
}

/** A resolution's adoption line: （2022年12月28日竹山县第十九届人民代表大会第二次会议通过）; the meeting is `$1`. */
const ADOPTED = /^[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*([^（）()。]{4,60}?人民代表大会[^（）()。]{0,20}?会议)\s*(?:通过|批准)\s*[)）]$/;
/** A resolution that approves the work report: 听取和审议了…政府工作报告…决定批准这个报告. */
const APPROVES_REPORT = /政府工作报告.{0,200}?批准(?:这个|该|此)报告/;

/**
 * The title of a congress's resolution on the work report whose text opens at its adoption line (the line broken in two,
 * as a narrow page sets it, too): the meeting's, then 关于政府工作报告的决议. Null for anything else.
 */
function resolutionTitle(input: MetaInput): string | null {
  if (!input.title || !/^[（(]/.test(input.title)) return null;
  const first = input.blocks[0] ?? '';
  const joined = !/[)）]$/.test(input.title) && /(?:通过|批准)\s*[)）]$/.test(first) && first.length <= 30;
  const m = ADOPTED.exec(joined ? input.title + first : input.title);
  if (!m) return null;
  const body = input.blocks.slice(joined ? 1 : 0, (joined ? 1 : 0) + 2).join('');
  return APPROVES_REPORT.test(body) ? `${m[1].replace(/\s+/g, '')}关于政府工作报告的决议` : null;
}

/** A title that already says it is about a report (…解读, 图解, 一图读懂…, 问答). */
const ABOUT_PAGE = /解[读讀]|图解|圖解|一图读懂|一圖讀懂|问答|問答/;
/** A lead that says the text interprets the report: 现就年报内容进行如下解读, 解读如下. */
const INTERPRETS = /(?:进行|作|做)(?:如下|以下)(?:政策)?解[读讀]|解[读讀]如下/;

/** The type of a page that interprets the report named `name` (issued by `issuer`): a page about a report's (typeOfTitle), without the issuer. */
function interpretationType(name: string, issuer = findIssuer(name)): string | null {
  const t = typeOfTitle(`${name}解读`, issuer);
  return t && issuer && t.startsWith(issuer) && t.length > issuer.length + 2 ? t.slice(issuer.length) : t;
}

/**
 * Whether the opening (before the first heading) says the text interprets a report it names in 《》 rather than being it:
 * not a report's own sentence under a chapter (其中政策解读如下：文字解读15篇).
 */
function interprets(open: readonly string[]): boolean {
  return open.slice(0, 3).some((b) => {
    const head = b.slice(0, 300);
    return INTERPRETS.test(head) && /《[^《》]{4,80}(?:报告|報告|年报|年報|公报|公報|总结)》/.test(head);
  });
}

/** The first two paragraphs after the first heading, within the first 12 blocks. */
/** A communiqué's first paragraph: the economy accounted for (初步核算, 地区生产总值). */
const ACCOUNTED = /初步核算|初步测算|[地国]区?内?生产总值/;

function firstParagraphs(input: MetaInput): string[] {
  const out: string[] = [];
  let headed = false;
  for (let i = 0; i < input.blocks.length && i < 12 && out.length < 2; i++) {
    const role = input.decisions[i]?.role;
    if (role === 'chapter' || role === 'section' || role === 'part') headed = true;
    else if (headed && input.roles[i] !== 'trailing') out.push(input.blocks[i]);
  }
  return out;
}

/** Where two publishers run together on one line: a bureau, then the national bureau's survey office (…统计局国家统计局…调查总队). */
const RUN_TOGETHER = /(?<=局)(?=国家统计局|國家統計局)/;
/** A line's publishers: set apart by spaces, or run together. */
const publisherPieces = (line: string): string[] => line.replace(RUN_TOGETHER, ' ').trim().split(/\s+/).filter(Boolean);
/** A department's Party group or committee before its report (中共某市交通运输局党组): the department's name in $1. */
const PARTY_GROUP = /^\s*(?:中共|中国共产党)([\u4e00-\u9fff]{2,30}?(?:局|厅|委员会|办公室|办公厅|中心|院|署))(?:党组|党委)\s*(?=关于|(?:19|20)\d{2}|$)/;
/** A Party committee (县委, 市委, 党委, 党组) in a name. */
const PARTY_COMMITTEE = /[省市区县州旗盟镇乡党]委(?!员会)|党组|党工委/;

/** The titles of the report's parts and chapters, in order. */
/** The titles of the parts and chapters; with none, of the sections (a report numbered (一), (二)… at its top). */
const chapterTitles = (input: MetaInput): string[] => {
  const chapters = input.decisions.filter((d) => d.role === 'part' || d.role === 'chapter').map((d) => d.title);
  return chapters.length ? chapters : input.decisions.filter((d) => d.role === 'section').map((d) => d.title);
};

/**
 * The issuers a title-less text's lead names (lead.ts): the one in its name of the report (特向社会公布2015年度瑞安市发展
 * 和改革局…报告), then, for a 法治 or 信息公开 report, its first sentence's subject when that is an issuer's whole name
 * (深圳市司法局, 南昌县, 区政府), not a collective (全市司法行政系统) or 我局.
 */
function leadIssuers(lead: Lead | null, type: string | null): string[] {
  if (!lead) return [];
  const out: string[] = [];
  const named = lead.phrase ? findIssuer(lead.phrase) : null;
  if (named) out.push(named);
  // A communiqué's place, from its opening's Party committee and government (衡阳县委、政府全面贯彻…): the place whole.
  if (type === STATISTICS)
    for (const p of lead.partyPlaces) {
      const f = findIssuer(`${p}2000年报告`);
      if (f === p) out.push(p);
    }
  if (type !== RULE_OF_LAW && type !== INFO_DISCLOSURE) return out;
  for (const s of lead.subjects) {
    // A Party committee with its government (县委县政府, 德清县委县政府) is no issuer.
    if (PARTY_COMMITTEE.test(s)) continue;
    // A central department in a local body's report (司法部…，我市被命名为…) is what the report speaks of.
    if (centralOrgan(s) && lead.local) continue;
    // A province's department named without its province (司法厅, 省司法厅), in an opening that names one province only
    // (推进法治江苏建设): that province's.
    // Not a body speaking of itself (我厅, 本局): no name.
    const department = lead.province && !/^[我本该]/.test(s) ? /^省?([\u4e00-\u9fff]{1,10}(?:厅|局|委员会|委|办公室))$/.exec(s) : null;
    if (department && (s.startsWith('省') || s.endsWith('厅')) && !ISSUER_PLACE.test(department[1])) {
      out.push(`${lead.province}${department[1]}`);
      continue;
    }
    const f = findIssuer(`${s}2000年报告`);
    // The whole subject, or a central department's full name (司法部 → 中华人民共和国司法部).
    if (f && (f === s || (f.endsWith(s) && centralOrgan(s)))) out.push(f);
  }
  return out;
}

/** A government itself (人民政府), not one of its offices (人民政府办公室, 政府办: a department of its own, in its own series). */
const isGovernment = (org: string) => /政府$/.test(org);

/** The body a disclosure report's template names for questions: 请与…联系, 可与…联系, 请联系…(地址:…), its office for disclosure (or its 党政办公室, or a county government's 政务服务中心: 请联系吴起县政府政务服务中心) left out. */
const CONTACT_BODY =
  /(?:请与|可与|请联系|请致电|请咨询)([\u4e00-\u9fff]{2,30}?(?:人民政府|(?<=[县市区旗镇乡])政府|委员会|局|厅|办事处|管委会|管理委员会))(?=政府信息公开|政务公开|信息公开|政务服务中心|党政(?:综合)?办公室|党政办|办公室|[（(]|联系|[，,。；;])/;

/**
 * Whether a place's last unit is the same place as another's under another level (长乐区 and 长乐市, 富阳市 and 富阳区: a county
 * or a county-level city made a district): the same name, a county's or a city's level each, not the same level.
 */
function renamedSince(now: IssuerName, then: IssuerName): boolean {
  const a = now.units.at(-1);
  const b = then.units.at(-1);
  return !!a && !!b && a.name === b.name && a.base !== b.base && a.rank >= 1 && b.rank >= 1 && a.rank <= 2 && b.rank <= 2;
}

/**
 * The issuer: the first of title, session line, speaker line, address and 来源 line that names one,
 * with its places filled in from the others (省人民政府 → 四川省人民政府; 洪泽区 → 淮安市洪泽区 when
 * the opening writes the wider place right before it).
 */
function readIssuer(
  input: MetaInput,
  open: readonly string[],
  titleIssuer: string | null,
  addressIssuer: string | null,
  addressesCongress: boolean,
  type: string | null,
  fileIssuer: string | null = null,
  leads: readonly string[] = [],
  province: string | null = null,
): {
  issuer: string | null;
  variants: string[];
  fromMentions: boolean;
  fromFile: boolean;
  places: string;
  placedFrom: string | null;
  placeless: boolean;
  acting: boolean;
} {
  const mentions: Mention[] = [];
  const add = (m: Mention | null) => {
    if (m) mentions.push(m);
  };
  // A department with a level and no place (市市场监督管理局 in the title) settles nothing: the rules below may still
  // name its place (its publisher line, its lead, its contact), as a title with no issuer's.
  const settled = () => mentions.some((m) => !m.name.levelOnly || isGovernment(m.name.org));
  const titled = mention(titleIssuer);
  add(titled);
  // The congress of a joint session: after the speaker, the address and the 来源 line, not before them.
  const jointSessions: Mention[] = [];
  // The front lines: everything before the first heading, the title's neighbours included.
  const front = [...open];
  for (const b of front) {
    const s = SESSION.exec(b);
    if (s) {
      if (s[2]) add({ text: '国务院', name: { units: [], levelOnly: null, org: '国务院' } });
      else {
        // A joint session (…人大工作会议暨平潭县第十八届人民代表大会…) names two bodies: the speaker's or the address's
        // government decides (平潭综合实验区管委会), else the congress after the last 暨.
        const joint = s[1].includes('暨');
        const place = s[1].slice(s[1].lastIndexOf('暨') + 1);
        const m = mention(place);
        if (m && !m.name.org && m.name.units.length) {
          // A title that names the place as it is named now (长乐区政府工作报告(2007年), a site's name over a report it keeps
          // from before 长乐市 became a district) over the congress the report was given to (在长乐市第十五届人民代表大会…):
          // the government is the one of that congress, as it was named then.
          if (titled && !joint && mentions[0] === titled && renamedSince(titled.name, m.name))
            mentions[0] = { text: titled.text, name: { ...titled.name, units: [...titled.name.units.slice(0, -1), m.name.units.at(-1)!] } };
          (joint ? jointSessions : mentions).push({ text: place, name: { ...m.name, org: '人民政府' } });
        }
      }
    }
  }
  for (const b of front) {
    if (b.length > 40) continue;
    const s = SPEAKER.exec(b);
    if (!s) continue;
    if (s[2] === '总理') {
      add({ text: '国务院', name: { units: [], levelOnly: null, org: '国务院' } });
      continue;
    }
    const place = s[1];
    if (!place) add({ text: `${OFFICE_LEVEL[s[2]]}人民政府`, name: { units: [], levelOnly: OFFICE_LEVEL[s[2]], org: '人民政府' } });
    else {
      const m = mention(`${place}人民政府`);
      const written = /人民政府代?(?:省长|市长|区长|县长|州长|旗长|盟长|主席)/.test(b) ? `${place}人民政府` : place;
      if (m) add({ text: written, name: m.name });
    }
  }
  add(mention(addressIssuer));
  for (const b of front) {
    const s = /^来源[:：]\s*(\S{2,20})$/.exec(b);
    if (s && /(?:人民政府|政府|国务院)$/.test(s[1])) add(mention(s[1]));
  }
  // The signature at the end (深圳市光明区人民政府 / 2022年1月5日): a 法治 report's issuer when nothing above names one.
  if (!settled()) {
    for (let i = input.blocks.length - 1; i >= 0 && i >= input.blocks.length - 8; i--) {
      if (input.roles[i] === 'closing' && isIssuerLine(input.blocks[i])) {
        add(mention(input.blocks[i]));
        break;
      }
    }
  }
  // The publisher line right under a title that names no issuer: 深圳市统计局 深圳市妇女儿童工作委员会…,
  // or a department of the central government (国家统计局 under 中华人民共和国…统计公报). With no title (a PDF's
  // text that lost it), a publisher line among the first three lines: short, and no sentence.
  // (With no title, a level the lead names with no place, 自治区党委、政府…, leaves the publisher line its place to give.)
  const publisherLine = (placing = false) => {
    if (settled() && !(placing && !mentions.some((m) => m.name.units.length > 0))) return;
    for (const b of front.slice(0, input.title ? 2 : 3)) {
      if (!input.title && (b.length > 40 || /[，。；,;]/.test(b))) continue;
      // Two publishers run together (河南省统计局国家统计局河南调查总队): the first.
      const first = publisherPieces(b)[0] ?? '';
      const m = mention(first);
      if (m && ((m.name.units.length && /(?:局|厅|委员会|办公室|中心|队|人民政府|办事处)$/.test(m.name.org)) || centralOrgan(first))) {
        add(m);
        break;
      }
    }
  };
  // Under a title, its publisher line first; with none, the lead first (a PDF's text that lost its title).
  if (input.title) publisherLine();
  // A text with no title, or a title that names no body: the issuer its lead sentence names (lead.ts), the report's name first, then the first sentence's subject.
  // One that names its place first (广州市人民政府办公厅 before the 市政府办公厅 of the report's name).
  if (!settled()) {
    const named = leads.map(mention).filter((m): m is Mention => m !== null);
    add(named.find((m) => m.name.units.length > 0) ?? named[0] ?? null);
  }
  if (!input.title) publisherLine(true);
  // Else the page's office field (工作机构名称:东阳市市场监督管理局): a body with its place.
  if (!settled() && input.office) {
    const m = mention(input.office.trim());
    if (m?.name.units.length && /(?:局|厅|委员会|办公室|办公厅|人民政府|办事处|中心)$/.test(m.name.org)) add(m);
  }
  // Else its 来源 or 发布机构 (来源：深圳市司法局), when the text speaks as such a body (我局, 本局, 我委, 我厅) and the field names one
  // of that kind with its place: not a portal's own office or data bureau stamped on every page (发布机构：澧县人民政府办公室,
  // 信息来源：澧县数据资源局, for a text that speaks as 我县).
  if (!settled() && input.publisher) {
    const self = /[我本]([局委厅])/.exec(open.slice(0, 6).join('') + firstParagraphs(input).join(''));
    const m = self ? mention(input.publisher.trim()) : null;
    if (m?.name.units.length && m.name.org.endsWith(self![1] === '委' ? '委员会' : self![1]) && !/数据|信息中心|融媒体|政务服务|大数据/.test(input.publisher))
      add(m);
  }
  // Else, in a 信息公开 report, the body whose contact its template sentence gives (如对本报告有任何疑问，请与闽侯县水利局政府信息
  // 公开工作领导小组办公室联系; 请联系海宁市水利局(地址:…)): in the opening or the closing lines, a body with its place.
  if (!settled() && type && /信息公开/.test(type)) {
    const n = input.blocks.length;
    for (const [i, b] of input.blocks.entries()) {
      if (i >= 12 && i < n - 12) continue;
      const c = CONTACT_BODY.exec(b);
      const m = c ? mention(c[1]) : null;
      // A body with its place; or a department with a level and no place (请与县住房和城乡建设局办公室联系), whose place the
      // text may give elsewhere (below), when nothing names the issuer at all.
      if (m?.name.units.length || (m?.name.levelOnly && !isGovernment(m.name.org) && !mentions.length)) {
        add(m);
        break;
      }
    }
  }
  // Else, in a report on a year's work (信息公开, 法治) that nothing above names a body for, the department its text names with
  // its place as the one who acts, right after the year or 由, 公布, 现将 (2022年宜城市教育局全面贯彻…; 现公布2022年阳新县自然资源
  // 和规划局…), or in the name of a document of its own year (《2024年度霍邱县应急管理局学法计划》): the one most so named.
  let acting = false;
  if (!mentions.length && type && /信息公开|法治/.test(type)) {
    const own = actingDepartment(input.blocks);
    if (own) {
      add(own);
      acting = true;
    }
  }
  // Last: a level with no place (县长, 县政府) takes its place from it.
  mentions.push(...jointSessions);
  let fromMentions = false;
  if (!mentions.length && addressesCongress) {
    const most = mostNamedGovernment(input.blocks);
    if (most) {
      add(most);
      fromMentions = true;
    }
  }
  const choose = (): IssuerName | null => {
    const placed = mentions.filter((m) => m.name.units.length).map((m) => m.name.units);
    for (const m of mentions) {
      const filled = fillLevel(m.name, placed);
      if (filled) return filled;
    }
    return null;
  };
  let chosen = choose();
  let fromFile = false;
  // A level with no place (我代表市人民政府) and nothing to fill it: the government the text names most (在此，我代表深圳市
  // 人民政府), else, with no title line, the place the file's name gives (盐田区2010年政府工作报告.txt).
  const level = mentions.find((m) => m.name.levelOnly)?.name.levelOnly ?? null;
  // A department with a level and no place (市市场监督管理局): the place the text writes it with most (2022年，湖州市市场
  // 监督管理局…; 请与绍兴市市场监督管理局办公室联系), before any government of that level it names.
  const department = mentions.find((m) => m.name.levelOnly && !isGovernment(m.name.org));
  let placedFrom: string | null = null;
  if (!chosen && department) {
    const body = mostNamedBody(input.blocks, department);
    if (body) {
      mentions.push(body);
      chosen = choose();
      placedFrom = chosen ? department.text : null;
    }
  }
  if (!chosen && level) {
    const most = mostNamedGovernment(input.blocks, level);
    if (most) {
      mentions.push(most);
      chosen = choose();
      fromMentions = !!chosen;
    }
  }
  // A province's government with no place (省人民政府关于2020年度推进法治政府建设情况的报告), in a text whose opening names one
  // province only (2020年是湖北历史上极不平凡…): that province's.
  if (!chosen && province && ((level === '省' && province.endsWith('省')) || (level === '自治区' && province.endsWith('自治区')))) {
    const m = mention(`${province}人民政府`);
    if (m) {
      mentions.push(m);
      chosen = choose();
    }
  }
  if (!chosen && fileIssuer) {
    const m = mention(fileIssuer);
    if (m) {
      mentions.push(m);
      chosen = choose();
      fromFile = !!chosen;
    }
  }
  // A department whose place nothing names (市市场监督管理局 in a text that never writes its city): as written, with a
  // diagnostic (one folder of one city's reports stays one series; another city's would join it).
  let placeless = false;
  if (!chosen && department) {
    chosen = department.name;
    placeless = true;
  }
  if (!chosen) return { issuer: null, variants: [], fromMentions: false, fromFile: false, places: '', placedFrom: null, placeless: false, acting: false };
  chosen = widen(chosen, mentions, open);
  // A city's 新区 named bare (大鹏新区), whose text names its own 管委会 (大鹏新区管委会, 大鹏新区管理委员会): a zone governed by it,
  // no 人民政府 (滨海新区 and 浦东新区 have one, and name their 高新区's 管委会).
  const last = chosen.units.at(-1);
  if (!chosen.org && last && /新区$/.test(last.text)) {
    // Its own name, or 新区 standing for it (在新区管委会…): not a 高新区管委会 it names, nor another 新区's. A place's name is
    // ideographs, no pattern's syntax.
    const zone = new RegExp(
      `(?:${last.text}|(?:^|(?<=[^\\u4e00-\\u9fff]|[在和与及对由为经向从把被将的据照受于以按]))新区)(?:党工委[、和与及]?)?(?:管委会|管理委员会)`,
    );
    if (input.blocks.slice(0, 60).some((b) => zone.test(b))) chosen = { ...chosen, org: '管理委员会' };
  }
  const variants: string[] = [];
  for (const m of mentions) if (/(?:政府|国务院|局|厅|委员会|办公室)$/.test(m.text) && !variants.includes(m.text)) variants.push(m.text);
  return {
    issuer: issuerText(chosen, type),
    variants,
    fromMentions,
    fromFile,
    places: chosen.units.map((u) => u.text).join(''),
    placedFrom,
    placeless,
    acting,
  };
}

/**
 * The wider places of an issuer: a mention whose places end with the issuer's (淮安市洪泽区 for
 * 洪泽区), or the opening writing a wider place right before the issuer's first (本报告由淮安市洪泽区…).
 */
function widen(n: IssuerName, mentions: readonly Mention[], open: readonly string[]): IssuerName {
  if (!n.units.length) return n;
  // A zone named by its kind alone (经济开发区2024年度…报告, a zone's own page): its name as the opening writes it
  // (2024年宁河经济开发区在区委…领导下 → 宁河经济开发区).
  if (n.units.length === 1 && BARE_ZONE.test(n.units[0].text)) {
    const kind = n.units[0].text;
    for (const b of open) {
      const at = b.indexOf(kind);
      // The words right before it, from the last year, punctuation or function word on (as widerPlace reads a place).
      const name = at > 0 ? wordsBefore(b.slice(Math.max(0, at - 12), at)) : '';
      if (/^[\u4e00-\u9fff]{2,4}$/.test(name) && !/^[我全本该各此]/.test(name) && !/[省市县区州旗盟镇乡委府局]$/.test(name))
        return { ...n, units: [{ ...n.units[0], text: name + kind, name: name + n.units[0].name }] };
    }
  }
  let best = n;
  for (const m of mentions) {
    const u = m.name.units;
    if (u.length > best.units.length && endsWith(u, best.units)) best = { ...best, units: u };
  }
  if (best.units.length === n.units.length) {
    const firstText = n.units[0].text;
    for (const b of open) {
      for (let at = b.indexOf(firstText); at > 0; at = b.indexOf(firstText, at + 1)) {
        const before = b.slice(Math.max(0, at - 12), at);
        const wider = widerPlace(before, n.units[0]);
        if (wider) return { ...n, units: [wider, ...n.units] };
      }
    }
  }
  return best;
}

/** A zone's kind with no name before it. */
const BARE_ZONE = /^(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|工业园区|综合保税区|保税区)$/;

function endsWith(long: readonly Unit[], short: readonly Unit[]): boolean {
  const off = long.length - short.length;
  return short.every((u, i) => long[off + i].base === u.base && long[off + i].name === u.name);
}

/**
 * The unit written right before `unit`, when it is of a wider level (淮安市 before 洪泽区 in
 * 本报告由淮安市洪泽区…): from the last punctuation, digit or function word (由, 在, 对…) on.
 */
function widerPlace(before: string, unit: Unit): Unit | null {
  const text = wordsBefore(before);
  const n = parseIssuer(text);
  return n && n.units.length === 1 && !n.org && n.units[0].text === text && n.units[0].rank < unit.rank ? n.units[0] : null;
}

/**
 * The words at the end of `before` that may name a place or a body: from the last year, punctuation, digit or function word
 * (由, 在, 对…) on.
 */
function wordsBefore(before: string): string {
  // A year before the place (2019年贵州省长顺县) ends there too: 年 after digits is no part of a place (永年区 is one).
  const from = Math.max(
    // (A Party committee's 中共 before it, as an addressee line writes it, 中共上海市宝山区委、宝山区人民政府:, is no part of the place.)
    // …and a verb or a preposition before it: one character (由, 在, 的, 请与…; not 即, 于, 至, 从, 将, 向, which open places:
    // 即墨区, 于都县, 周至县, 从化区, 将乐县, 向阳区) or a word of two (可以通过哈尔滨市…, 向社会公布淮安市…).
    ...[
      ...before.matchAll(
        /\d{2,4}\s*年度?|[^\u4e00-\u9fff]|[由在对为是的了据经把被按与请]|通过|经过|可以|根据|按照|依据|关于|对于|位于|属于|用于|以及|或者|公布|发布|编制|印发|报送|现将|现就|特将|面向|来自|中共|中国共产党/g,
      ),
    ].map((m) => (m.index ?? -1) + m[0].length),
    0,
  );
  return before.slice(from);
}

/** The words before a body that speaks as itself, as pattern sources: its year (2022年), 由 / 公布 / 现将 (本报告由…编制), 请与 / 请联系. */
/** (年度 whole, never 年 with its 度 left to the name after it: 现将2022年度市政府办公厅… names no place 度市.) */
const ITS_YEAR = '(?:19|20)\\d{2}\\s*(?:年度|年(?!度))';
const IT_SPEAKS = '由|公布|现将|现就';
const ITS_CONTACT = '请与|请联系';
/** Not a body listed with others or owned (…、嵊州市市场监督管理局; 温州市司法局的指导). */
const NOT_LISTED = '(?![、和与及的等])';
/** What comes right before a body that speaks as itself (2022年，; 本报告由; 请与). */
const SELF_BEFORE = new RegExp(`(?:${ITS_YEAR}|${IT_SPEAKS}|${ITS_CONTACT})[，,]?\\s*$`);

/** Function words, in no place's or department's name (经济和信息化局 has 经, 组织 is a Party body's word: not here). */
const NOT_IN_NAME = '由在对向为是的了据从把被按与及请赴并配我报告现';
/** …and the words that join a department to what it does to another body (经, 指导, 组织, 积极, 局): in no place's name. */
const NOT_PLACE = `${NOT_IN_NAME}经指导组织积极局`;

/** Places no clause was taken for: short names (a 市 of two to four characters; longer only when autonomous). */
const shortPlaces = (units: readonly Unit[]) => units.every((u) => u.name.length <= 4 || /族|自治/.test(u.text));

/** Mentions counted by their text, each with a weight: the most counted, the first of equals. */
class Tally {
  private readonly counts = new Map<string, { m: Mention; n: number }>();
  add(m: Mention, weight = 1): void {
    const c = this.counts.get(m.text) ?? { m, n: 0 };
    c.n += weight;
    this.counts.set(m.text, c);
  }
  best(): Mention | null {
    let best: { m: Mention; n: number } | null = null;
    for (const c of this.counts.values()) if (!best || c.n > best.n) best = c;
    return best?.m ?? null;
  }
}

/**
 * The department of a level with no place (`department`: 市市场监督管理局) as the text names it, with its place, as the
 * one who acts or speaks: at a sentence's or clause's start (2022年，湖州市市场监督管理局…), after 由, 请与, 请联系, 公布 or
 * 现将 (本报告由重庆市永川区市场监督管理局编制, 请与绍兴市市场监督管理局办公室联系), and not listed with others or owned (…、
 * 嵊州市市场监督管理局, 温州市司法局的指导): the place most often so named. A place's units are short names (a 市 of two to
 * four characters, longer only when autonomous), so no clause before it is taken for one.
 */
function mostNamedBody(blocks: readonly string[], department: Mention): Mention | null {
  const { levelOnly, org } = department.name;
  const forms = [...new Set([org, department.text.replace(/^[省市州盟县区旗]/, '')])].filter((f) => f.length >= 2);
  const names = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const re = new RegExp(
    `(?:^|[\\s，。；：“”（）《》,;:()!?！？]|${ITS_YEAR}|${IT_SPEAKS}|${ITS_CONTACT})((?:(?![${NOT_PLACE}])[\\u4e00-\\u9fff]){2,16}?)(?:${names})${NOT_LISTED}`,
    'g',
  );
  const tally = new Tally();
  for (const b of blocks) {
    if (!forms.some((f) => b.includes(f))) continue;
    for (const x of b.matchAll(re)) {
      const m = mention(`${x[1]}${org}`);
      const units = m?.name.units;
      if (!m || !units?.length || m.name.org !== org || units.at(-1)!.base !== levelOnly || units.map((u) => u.text).join('') !== x[1]) continue;
      if (!shortPlaces(units)) continue;
      // Speaking as itself (2022年，…; 本报告由…; 请与…联系; 现将…) counts three times a mention in passing.
      const start = (x.index ?? 0) + x[0].indexOf(x[1]);
      tally.add(m, SELF_BEFORE.test(b.slice(Math.max(0, start - 10), start)) ? 3 : 1);
    }
  }
  return tally.best();
}

/** A department right after its year or 由, 公布, 现将: the one who acts (actingDepartment). */
const ACTING = new RegExp(`(?:${ITS_YEAR}[，,]?|${IT_SPEAKS})((?:(?![${NOT_IN_NAME}])[\\u4e00-\\u9fff]){3,30}?(?:局|委员会))${NOT_LISTED}`, 'g');
/** A document of a year named with its department (《2024年度霍邱县应急管理局学法计划》). */
const OWN_DOCUMENT = /《(?:19|20)\d{2}\s*年度?([\u4e00-\u9fff]{3,30}?(?:局|委员会))/g;

/**
 * A department with its place that the text names as the one who acts, right after a year or 由, 公布, 现将, or in the name
 * of a document of a year (《2024年度霍邱县应急管理局学法计划》): the one most so named, or null. Its places are short names
 * with no function word (so no clause is taken for one), and it is no government.
 */
function actingDepartment(blocks: readonly string[]): Mention | null {
  const tally = new Tally();
  for (const b of blocks.slice(0, 80)) {
    if (!/[局会]/.test(b)) continue;
    for (const x of [...b.matchAll(ACTING), ...b.matchAll(OWN_DOCUMENT)]) {
      const m = mention(x[1]);
      const units = m?.name.units;
      if (!m || !units?.length || m.name.levelOnly || /政府/.test(m.name.org) || m.name.org.length < 2 || !shortPlaces(units)) continue;
      tally.add(m);
    }
  }
  return tally.best();
}

/** 全州, 全县…: the level a communiqué speaks of as its own, and the levels of places that are of it (全区: a district or an autonomous region). */
const OWN_LEVEL: Readonly<Record<string, readonly string[]>> = {
  省: ['省'],
  区: ['区', '自治区'],
  市: ['市'],
  州: ['州'],
  县: ['县'],
  旗: ['旗'],
  盟: ['盟'],
};
/** A place alone, after punctuation or a function word (也是黄南藏族自治州成立70周年, 青海省各地区、…). */
const PLACE_IN_TEXT =
  /(?<=^|[\s，。、；：“”（）《》,;:()由在对向为是的了将据经从把被按和与及])([\u4e00-\u9fff]{2,12}?(?:自治区|自治州|自治县|自治旗|[省市州县区旗盟]))/g;

/**
 * The place of a communiqué's own that its opening paragraphs name: the level it speaks of most as its own (全州, 全县), and
 * the one place of that level they name; null when they name none or more than one (a county's communiqué that names its
 * city is the county's: only places of its own level count).
 */
function communiquePlace(paragraphs: readonly string[]): string | null {
  const text = paragraphs.join('\n');
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/全([省区市州县旗盟])/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  const level = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!level) return null;
  const places = new Set<string>();
  // (全州 itself is no name: 全年全州 is none.)
  for (const m of text.replace(/全[省区市州县旗盟]/g, '，').matchAll(PLACE_IN_TEXT)) {
    // From the last function word on (也是黄南藏族自治州: the place starts after 是).
    const given = wordsBefore(m[1].slice(0, -1)) + m[1].slice(-1);
    const n = mention(given);
    const units = n?.name.units;
    if (!n || !units?.length || n.name.org || n.name.levelOnly || units.map((u) => u.text).join('') !== given) continue;
    // A name of one character before 区 or 市 is a word's (地区, 城市), not a place's; a county's may be one (沛县).
    const last = units.at(-1)!;
    if (OWN_LEVEL[level].includes(last.base) && (last.name.length >= 2 || last.base === '县')) places.add(given);
  }
  return places.size === 1 ? [...places][0] : null;
}

/** The government a text names most (国务院, or a place's 人民政府), for an address with no speaker. */
function mostNamedGovernment(blocks: readonly string[], level: string | null = null): Mention | null {
  const counts = new Map<string, number>();
  for (const b of blocks) {
    // Every match holds 国务院 or 人民政府: most blocks hold neither, and are not searched.
    if (!b.includes('人民政府') && !b.includes('国务院')) continue;
    // A place's name starts after punctuation or a function word (由, 在, 和…): 坚持全市人民政府… names no 坚持全市.
    for (const m of b.matchAll(
      /国务院(?!办公厅|各部[门委])|(?<![^\s，。、；：“”（）《》由在对向为是的了将据经从把被按和与及])([\u4e00-\u9fff]{2,10}?(?:省|自治区|市|州|县|区))人民政府/g,
    )) {
      // An address (我代表省人民政府) or a collective (全市, 各县) names no place.
      if (m[1] && /^(?:我|代表|受|本|全|该|各)|代表/.test(m[1])) continue;
      const key = m[1] ? `${m[1]}人民政府` : '国务院';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let best: Mention | null = null;
  let bestCount = 0;
  for (const [text, count] of counts) {
    const m = mention(text);
    // Filling a level (我代表市人民政府): a government of that level only.
    const fits = level === null ? m && (m.name.units.length || m.name.org === '国务院') : m?.name.units.at(-1)?.base === level;
    if (m && fits && count > bestCount) {
      best = m;
      bestCount = count;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The year.

const valid = (y: number) => y >= 1949 && y <= 2100;
/** A review heading: 2024年工作回顾, １９９１年国内工作的回顾, 2025年和“十四五”时期工作回顾, 2025年工作总结…. */
const REVIEW_HEADING = /^((?:19|20)\d{2})\s*年[^。，]{0,16}?(?:回顾|工作总结|工作情况)/;
/** A plan heading of a 政府工作报告: 2025年工作安排, 2019年政府工作任务, 关于2025年工作, 对2018年政府工作的建议, 2010年政府主要工作. */
const PLAN_HEADING = /^(?:关于|对)?((?:19|20)\d{2})\s*年(?:的)?(?:政府工作|工作|经济社会发展|主要任务|重点工作|重点任务|目标任务|主要目标|(?:政府)?主要工作)/;
/**
 * 统计期限自2023年1月1日起至2023年12月31日止, 统计期限为2024年1月1日至2024年12月31日 (the template since 2021); the end's year may be
 * left out (自2023年1月1日起至12月31日止).
 */
const PERIOD =
  /(?:自|为|是|从)\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*起?\s*(?:[，,]\s*)?(?:至|到|—|-|－|~)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/;
/** A work report's day in brackets on its own line, with or without its speaker: (2008年1月16日 王正伟), （2017年1月10日）. */
const DELIVERED_DAY = /^[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*(?:[\u4e00-\u9fff·]{2,4})?\s*[)）]$/;
/** A census's reference time or period: 标准时点是2018年12月31日, 标准时点为2010年11月1日零时, 时期资料为2016年度. */
const CENSUS_TIME = /(?:标准时点|普查时点)(?:是|为|定为|确定为)?\s*((?:19|20)\d{2})\s*年|时期资料(?:是|为)\s*((?:19|20)\d{2})\s*年/;
/** A date line on its own: 2017年3月16日, also in brackets or after a dash (（2017年3月16日）, ——2017年3月16日). */
/** The end of a year the figures are counted to: 截至2023年12月31日, 截止到2023年底. */
const YEAR_END = /(?:截至|截止)(?:到)?\s*((?:19|20)\d{2})\s*年\s*(?:12\s*月\s*31\s*日|底|末)/;
const DATE_LINE = /^(?:[—–-]{1,2}|[（(])?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日?)?\s*[）)]?$/;
/** A work report's paragraph that opens the review with the year reviewed: 2005年，我国…, 1986年是…, 首先报告2001年的工作. */
const REVIEW_OPENING = /^\s*(?:首先报告)?((?:19|20)\d{2})\s*年(?:的工作$|[，,]|是)/;
/** The opening of a 政府工作报告 looks back on a year by name: 刚刚过去的1984年, 过去的2024年. */
const PAST_YEAR = /(?:刚刚过去的|过去的)((?:19|20)\d{2})年/;

/** A year written in Chinese numerals before 年: 二〇二三, 二○二三, 二零二三. */
const CHINESE_YEAR = /[〇○零OΟ0一二三四五六七八九]{4}(?=\s*年)/;
const arabicYear = (y: string) => [...y].map((c) => '〇一二三四五六七八九'.indexOf(c.replace(/[零○OΟ0]/, '〇'))).join('');

function yearInTitle(title: string): number | null {
  // A year in Chinese numerals (二〇二三年, 二○二三年) is read as one in digits.
  const t = plainDigits(title).replace(CHINESE_YEAR, arabicYear);
  // A range of years ends in the year the report reaches (2016—2018年, 2016年至2018年); so does a school year (2015-2016学年度: a
  // university's report, from September to August).
  const range = /(?:19|20)\d{2}\s*年?\s*[-—–~至到]\s*((?:19|20)\d{2})\s*学?年/.exec(t);
  // 政府工作报告（2016）: a year in brackets at the end, as a site's list of reports names them.
  // …or a year with no 年 right before the report's name (海南省生态环境厅2022政府信息公开工作年度报告).
  const m =
    range ??
    /((?:19|20)\d{2})\s*年度/.exec(t) ??
    /((?:19|20)\d{2})\s*年/.exec(t) ??
    /[（(]\s*((?:19|20)\d{2})\s*年?[)）]$/.exec(t) ??
    /(?<![0-9])((?:19|20)\d{2})(?=(?:政府|法治|国民经济|政务|信息公开|统计公报))/.exec(t);
  return m && valid(+m[1]) ? +m[1] : null;
}

/** A work report's year from the day it was delivered: a congress in November or December hears the next year's. */
function deliveredYear(year: number, month: number): number {
  return month >= 11 && month <= 12 ? year + 1 : year;
}

/**
 * A year a disclosure report's text names as its own: before 我镇, 本局, 我街办…, or before its 政府信息公开 work; not a notice's
 * (印发…, 关于做好2024年政务公开工作的通知), nor a plan's (2024年我镇将进一步…).
 */
const OWN_YEAR =
  /(?<!印发|关于|做好|部署)((?:19|20)\d{2})\s*年度?\s*(?:[我本](?:[省市区县州旗镇乡局委厅办]|街道|街办|单位|部门)|(?:的)?(?:政府信息公开|政务公开)工作(?!要点|方案|计划))(?![^，。；,;]{0,4}(?:将(?:进一步|继续|持续|加强|加大|推进|做好|不断|着力|全面|深入|切实|积极)|要|拟|计划|力争|争取))/;

/** A date to the day, in 年月日: its year and month. */
const DATED = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日/;

/** The year a report covers, from its text, by the rule of its type; null when the text gives none. */
function readYear(input: MetaInput, open: readonly string[], type: string | null, lead: Lead | null): number | null {
  // A session line for a title gives its year by the session rule below, not as a title's year.
  if (input.title && !(SESSION.test(input.title) && /会议上|^[—―\-－]/.test(input.title)) && !SESSION_HEAD.test(input.title)) {
    const y = yearInTitle(input.title);
    // A work report's title dated by its session (全椒县人民政府工作报告(2021年12月26日)): the year by the session rule.
    const dated = DATED.exec(plainDigits(input.title)) ?? (input.titleDate ? DATED.exec(plainDigits(input.titleDate)) : null);
    if (y !== null && dated && +dated[1] === y && !reviewsPastYear(type)) return deliveredYear(y, +dated[2]);
    // A site's title a year off its work report's own session line, whose text reviews the year before it (2024年疏附县政府工作报告
    // over 2023年1月5日在…会议上 … 2022年工作回顾): the session's year.
    if (y !== null && !reviewsPastYear(type)) {
      const session = open.map((b) => SESSION_DAY.exec(dateDigits(b))).find((m) => m);
      const d = session ? deliveredYear(+session[1], +session[2]) : null;
      if (d !== null && d !== y && open.some((b) => new RegExp(`${d - 1}年(?:工作)?回顾|刚刚过去的${d - 1}年|过去的${d - 1}年`).test(plainDigits(b)))) return d;
    }
    if (y !== null) return y;
    // A work report's title with no year but its session's date after it (政府工作报告（2022年12月28日）): that date's rule.
    if (dated && !reviewsPastYear(type) && valid(+dated[1])) return deliveredYear(+dated[1], +dated[2]);
  }
  const gwr = !reviewsPastYear(type);
  const headings = input.decisions.filter((d) => d.role === 'part' || d.role === 'chapter').map((d) => plainDigits(d.title).replace(CHINESE_YEAR, arabicYear));
  if (gwr) {
    for (const b of open) {
      const m = SESSION_DATE.exec(dateDigits(b));
      // A congress held in November or December hears the next year's report (2022年12月16日…: reviews 2022, plans 2023).
      if (m && valid(+m[1])) return deliveredYear(+m[1], +m[2]);
    }
    // A session line whose date is on a line of its own near it (——在某旗第十六届人民代表大会第一次会议上 / 旗长 张三 /
    // （2022年1月5日）): the same rule.
    for (let i = 0; i < Math.min(open.length, 8); i++) {
      if (!SESSION.test(open[i])) continue;
      for (let j = Math.max(0, i - 2); j <= Math.min(open.length - 1, i + 3); j++) {
        const m = DATE_LINE.exec(dateDigits(open[j]));
        if (m && valid(+m[1])) return deliveredYear(+m[1], +m[2]);
      }
    }
    // The day it was delivered on a line of its own above the address, alone or with the speaker, as a collection of the
    // provinces' reports prints it ((2008年1月16日 王正偉) / 各位代表:): the same rule.
    for (const b of open.slice(0, 4)) {
      const m = DELIVERED_DAY.exec(dateDigits(b));
      if (m && valid(+m[1])) return deliveredYear(+m[1], +m[2]);
      if (/^各位代表/.test(b)) break;
    }
    for (const [i, h] of headings.entries()) {
      const r = REVIEW_HEADING.exec(h);
      if (r) return +r[1] + 1;
      const p = PLAN_HEADING.exec(h);
      // 一、2022年政府主要工作 before 二、2023年工作安排 is the review of 2022 (as 浙江's counties title it), not the plan.
      if (p && headings.slice(i + 1).some((later) => PLAN_HEADING.exec(later)?.[1] === String(+p[1] + 1))) return +p[1] + 1;
      if (p) return +p[1];
    }
    // 刚刚过去的1987年: in the opening, or further into a review that opens with five years (1988's, line 102).
    for (const b of input.blocks.slice(0, 80)) {
      const m = PAST_YEAR.exec(plainDigits(b));
      if (m) return +m[1] + 1;
    }
    // The review's first paragraph opening with its year (2005年，我国…; １９８６年是…; 首先报告２００１年的工作): the year before.
    let paragraphs = 0;
    for (const [i, b] of input.blocks.entries()) {
      if (input.roles[i] === 'trailing' || ['chapter', 'section', 'part'].includes(input.decisions[i]?.role ?? '')) continue;
      if (++paragraphs > 6) break;
      const m = REVIEW_OPENING.exec(plainDigits(b));
      if (m && valid(+m[1])) return +m[1] + 1;
    }
    return null;
  }
  // A part heading: 2018年法治政府建设工作情况 (the year itself), 2019年工作计划 (the year before).
  // A plan that opens a text with no title line is the document itself (某县人民政府2019年工作计划): its own year.
  const first = input.title ? -1 : input.decisions.findIndex((_, i) => input.roles[i] !== 'trailing');
  for (const [i, d] of input.decisions.entries()) {
    if (d.role !== 'part') continue;
    const m = /^[\u4e00-\u9fff]{0,20}?((?:19|20)\d{2})\s*年/.exec(plainDigits(d.title));
    if (!m) continue;
    if (d.partKind === 'review') return +m[1];
    if (d.partKind === 'plan') return i === first ? +m[1] : +m[1] - 1;
  }
  // A text with no title: the year of the lead's name of the report (…公布2015年度…政府信息公开年度报告).
  const named = lead?.phrase ? yearInTitle(lead.phrase) : null;
  if (named !== null) return named;
  for (const b of input.blocks.slice(0, 20)) {
    const m = PERIOD.exec(plainDigits(b));
    if (m && (m[2] === undefined || m[1] === m[2])) return +m[1];
  }
  // A census's communiqué: the year of the census's reference time, which its figures are of (第四次全国经济普查的标准时点是
  // 2018年12月31日, 时期资料为2016年度), not the year it was published in.
  if (type && /普查/.test(type)) {
    for (const b of input.blocks.slice(0, 20)) {
      const m = CENSUS_TIME.exec(plainDigits(b));
      const y = m ? +(m[1] ?? m[2]) : 0;
      if (valid(y)) return y;
    }
  }
  // A date line under the title or in the closing: a report dated early in a year reviews the year before.
  const dated = (b: string) => {
    const m = DATE_LINE.exec(plainDigits(b));
    return m && valid(+m[1]) ? (+m[2] >= 10 ? +m[1] : +m[1] - 1) : null;
  };
  for (const b of open.slice(0, 4)) {
    const y = dated(b);
    if (y !== null) return y;
  }
  for (let i = input.blocks.length - 1; i >= Math.max(0, input.blocks.length - 8); i--) {
    if (input.roles[i] !== 'closing') continue;
    const y = dated(input.blocks[i]);
    if (y !== null) return y;
  }
  // A paragraph of the opening that starts with the year it reports on: 2023年，…, 2019年度，…; and, in a communiqué or a
  // report on a year's work (not a work report, whose year is the one it is delivered in), 2024年是…的关键一年.
  // (…and, in a report on its year, 2025年以来，…: the year so far; and 2021年城中区政务公开工作在…: the year's work, with no
  // comma and no modal word: not 2024年我镇将进一步加强政府信息公开工作, a plan.)
  // In a report on a year's work, the year may follow the clause that says what the report answers (根据…纲要(2023—2027年)…
  // 的具体部署,2023年,清波街道…; 按照…要求，2022年，…), or the template's first heading run on to it (一、總體情況 2019年度,…).
  const starts =
    type && /统计公报|法治政府|信息公开|工作总结/.test(type)
      ? /^(?:(?:根据|按照|依据|为贯彻|为落实)[^。；;！？]{0,160}?[，,]\s*|(?:[一1][、.．]\s*)?(?:总体情况|總體情況|概述)\s+)?((?:19|20)\d{2})\s*年(?:度|以来)?\s*(?:[，,]|是|(?=(?:(?![将要拟])[\u4e00-\u9fff]){0,12}?(?:政务公开|信息公开|法治政府建设|法治建设)工作(?:在|取得|坚持|紧紧|紧扣|围绕|以|按照|认真|全面|持续|扎实)))/
      : /^((?:19|20)\d{2})\s*年度?\s*[，,]/;
  for (const b of [...open, ...input.blocks.slice(0, 5)]) {
    const m = starts.exec(plainDigits(b));
    if (m && valid(+m[1])) return +m[1];
  }
  // A text with no title line, once its type is known: the year of its first chapter that reports on one
  // (一、2022年法治政府建设主要举措和成效; not 三、2023年工作重点; a work report's 2018年工作回顾 is the 2019 report's).
  if (lead && type) {
    const y = reviewChapterYear(chapterTitles(input));
    if (y !== null && valid(y)) return y;
  }
  // Last, a 信息公开 report's figures as of the year's end (截止2023年12月31日，我局通过官方网站发布…): that year.
  if (type === INFO_DISCLOSURE) {
    for (const b of input.blocks.slice(0, 20)) {
      const m = YEAR_END.exec(plainDigits(b));
      if (m && valid(+m[1])) return +m[1];
    }
    // …or a year the text says it reports on: 汇报我镇2023年政府信息公开工作, 2020年度我街办未接到…申请.
    for (const b of input.blocks.slice(0, 20)) {
      const m = OWN_YEAR.exec(plainDigits(b));
      if (m && valid(+m[1])) return +m[1];
    }
  }
  // …and a communiqué's, the year its tables are of (表1 2017年居民消费价格分类指数).
  if (type === STATISTICS) {
    for (const b of input.blocks.slice(0, 200)) {
      const m = /^表\s*\d{1,2}\s*((?:19|20)\d{2})\s*年/.exec(plainDigits(b));
      if (m && valid(+m[1])) return +m[1];
    }
  }
  return null;
}
