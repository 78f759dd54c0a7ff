/**
 * The names a series is made of: the report type and the issuer, normalised.
 *
 * Types: a small table of the yearly report types analysts follow (政府工作报告, 法治政府建设…报告,
 * 政府信息公开工作年度报告, 统计公报), each with one canonical name; any other title gives its own
 * type, the title without issuer, year and 关于…的 (so two years of one unknown type still agree).
 *
 * Issuers: a name is read as a chain of administrative units (淮安市 洪泽区), each a name ending in
 * a level (省, 自治区, 市, 州, 县, 区…), then an organisation (人民政府, 统计局…). 政府 and 人民政府 are
 * one organisation; 中华人民共和国国务院 is 国务院. A name with a level and no place (省人民政府) is
 * resolved inside its report. No list of places: only the levels and their order.
 */

/** The canonical type names. */
export const GOVERNMENT_WORK_REPORT = '政府工作报告';
export const RULE_OF_LAW = '法治政府建设工作报告';
export const INFO_DISCLOSURE = '政府信息公开工作年度报告';
export const STATISTICS = '国民经济和社会发展统计公报';

/** Report types issued by a government as such: a place with no organisation in their title means its 人民政府. */
const GOVERNMENT_TYPES = new Set([GOVERNMENT_WORK_REPORT, RULE_OF_LAW, INFO_DISCLOSURE]);

/** Types whose report reviews a year that has ended: the date it carries is in the year after (docs/series.md). */
export function reviewsPastYear(type: string | null): boolean {
  return type !== GOVERNMENT_WORK_REPORT && !GOVERNMENT_WORK_EXCERPT.test(type ?? '');
}
/** A work report's abstract (政府工作报告(摘要), a series of its own): delivered, and dated, as the report is. */
const GOVERNMENT_WORK_EXCERPT = /^政府工作报告[（(]摘要[)）]$/;

/**
 * Whether a line names a report type at all, as a title line must: its type's word (报告, 公报, 工作总结…), or a body's year of 法治政府(部门)建设…情况 as a
 * department titles it (四川省交通运输厅2025年法治政府部门建设工作情况; not a part's heading, 2018年法治政府建设工作情况).
 */
export const NAMES_A_TYPE =
  /报告|公报|工作总结|工作要点|年报|^[\u4e00-\u9fff]{2,24}?(?:省|市|县|区|旗|州|盟|政府|厅|局|委员会|委|办公室|办公厅|管委会|办事处)\s*(?:19|20)\d{2}\s*年度?(?:推进|深化)?法治政府(?:部门)?建设(?:工作)?情况$/;

/** Digits written full-width or with spaces between them (１９９８, 1 9 9 8) as plain digits. */
export function plainDigits(s: string): string {
  // Most texts hold neither a full-width digit nor a space: one search instead of two replaces.
  if (!/[０-９\s]/.test(s)) return s;
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/(\d)\s+(?=\d)/g, '$1');
}

/**
 * The report type a title names, normalised; null when it names none (no 报告, 公报, 总结…).
 * `issuer` (as written in the title) is cut off before the generic rule.
 */
export function typeOfTitle(title: string, issuer: string | null = null): string | null {
  // A resolution's adoption line after its name (…的决议 (一九九三年三月十二日…会议通过)) is no part of its type.
  const t = plainDigits(title)
    .replace(/\s+/g, '')
    .replace(/(?<=决议|決議)[（(][^（）()]{4,60}?(?:会议|大会|會議|大會)(?:审议)?通过[)）]$/, '');
  if (!NAMES_A_TYPE.test(t)) return null;
  // A page about a report (解读, 图解, 一图读懂…, 关于《…》的说明) is not that report: its type is its own
  // title, so that it never takes the report's place in its series.
  // (…without the speaker and the session it was delivered at before its name: 县长某某在某县第十三届人民代表大会第五次会议上所做的
  // 政府工作报告(摘要) is a 政府工作报告(摘要); not when that head is what makes the page one about the report, 图解：市长在…会议上
  // 所作的政府工作报告.)
  if (ABOUT_A_REPORT.test(t))
    return (
      withoutYears(t.replace(DELIVERED_AT, (head) => (ABOUT_A_REPORT.test(head) ? head : ''))).replace(/^[\s\-_·、，,:：]+|[\s\-_·、，,:：]+$/g, '') || null
    );
  // 信息公开 without 政府 is the same report (编制2019年度我乡信息公开工作年度报告).
  // So is a body's 政务公开工作年度报告 (the same template, as some counties title it).
  if ((/信息公开/.test(t) && /报告|年报/.test(t)) || /政务公开(?:工作)?年度报告/.test(t)) return INFO_DISCLOSURE;
  // 依法行政工作报告 is the same yearly report under its name before 2015 (省人民政府关于2014年依法行政工作的报告).
  // …and a department's 法治政府部门建设, titled by its 情况 alone (2025年法治政府部门建设工作情况).
  if ((/法治政府(?:部门)?建设/.test(t) && /报告|总结|情况$/.test(t)) || /依法行政(?:工作)?(?:年度)?(?:情况)?(?:的)?报告/.test(t)) return RULE_OF_LAW;
  // A prefecture's 行政公署 reports to its congress's working committee as a government to its congress: 行署工作报告.
  if (/政府工作报告/.test(t) || /关于.{0,12}政府工作的报告/.test(t) || /(?:行署|行政公署)工作报告/.test(t)) return GOVERNMENT_WORK_REPORT;
  // 经济和社会发展统计公报 without 国民 is the same communiqué (2022年镜湖区经济和社会发展统计公报).
  if (/(?:国民)?经济和社会发展(?:的)?统计公报/.test(t) || stripIssuerAndYear(t, issuer) === '统计公报') return STATISTICS;
  const rest = stripIssuerAndYear(t, issuer);
  return rest || null;
}

/**
 * A title with its years (2018年, 2018年度, 2016—2018年, 2018) taken out. A year is four digits of their own: the
 * 2023 inside a page's number (t20230308_11726094, a site's file name as a title) is no year.
 */
function withoutYears(t: string): string {
  return t
    .replace(/[〇○零OΟ0一二三四五六七八九]{4}\s*年度?/g, (y) => (/^[一二][〇○零OΟ0九]/.test(y) ? '' : y))
    .replace(/(?<![0-9])(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年度?/g, '')
    .replace(/(?<![0-9])(?:19|20)\d{2}\s*年度?/g, '')
    .replace(/(?<![0-9])(?:19|20)\d{2}(?![0-9])/g, '');
}

/** A speaker and the session before the name of what was delivered there: …在…会议上所做的, …在…会议上作的. */
export const DELIVERED_AT = /^[^。，]{0,40}?在[^。，]{2,40}?会议上(?:所)?[做作]?的?/;

/** Words of a page about a report rather than the report itself. */
const ABOUT_A_REPORT =
  /解读|图解|读懂|问答|报告的决议|答记者问|新闻发布会|热词|速览|划重点|摘编|摘要|辅导|附注|指标解释|有关指标的说明|》的说明$|》.{0,12}(?:说明|解释)$/;

/** A body's name run on after a report's name: 中华人民共和国交通部, 国家统计局, 某省统计局. */
const TRAILING_BODY = /(?<=公报|报告|年报)(?:中华人民共和国)?[\u4e00-\u9fff]{2,16}?(?:部|局|厅|委员会|署|调查总队|调查队)$/;

/** A title without its issuer, years, 关于/的 frame and punctuation at the ends: the type of a title outside the table. */
function stripIssuerAndYear(title: string, issuer: string | null): string {
  let t = title;
  if (issuer && t.startsWith(issuer)) t = t.slice(issuer.length);
  t = withoutYears(t);
  // The year before the issuer (2005年舟山市统计公报, a site's short headline).
  if (issuer && t.startsWith(issuer)) t = t.slice(issuer.length);
  // A year in two digits at the start (06年公路水路交通行业发展统计公报), and a body's byline run on after the report's name
  // (…统计公报中华人民共和国交通部).
  t = t.replace(/^[0-9]{2}年(?!度)/, '').replace(TRAILING_BODY, '');
  t = t.replace(/^关于/, '').replace(/^(?:的|年度)/, '');
  // 我国: the country the figures are about, as an issuer's place is (2024年我国卫生健康事业发展统计公报). Not 全国,
  // which names bodies (全国人民代表大会常务委员会工作报告).
  t = t.replace(/^我国(?=.{4})/, '');
  // …and 全国 before a department's communiqué (2021年全国教育事业发展统计公报: the same type as a province's).
  t = t.replace(/^全国(?=[\u4e00-\u9fff]{2,}统计公报$)/, '');
  return withoutEndBrackets(t);
}

const END_PUNCTUATION = /^[\s\-_·、，,:：（）()]+|[\s\-_·、，,:：（）()]+$/g;

/**
 * A type without the punctuation at its ends, and without 《》 there when they close nothing inside it: a pair around the whole
 * (《《某区工作报告》》), or one alone. A name in 《》 that the type goes on after (《…的审议意见》研究处理情况的报告) keeps both.
 */
function withoutEndBrackets(type: string): string {
  // A note in brackets at the end (…主要数据公报(第一号), …计划（草案）) keeps its closing bracket.
  const note = /[（(][^（）()]{1,10}([)）])[\s\-_·、，,:：]*$/.exec(type);
  let t = type.replace(END_PUNCTUATION, '');
  if (note && t.endsWith(note[0].slice(0, note[0].indexOf(note[1])))) t += note[1];
  for (;;) {
    const open = t.startsWith('《');
    const close = t.endsWith('》');
    if (open && close && balancedTitles(t.slice(1, -1))) t = t.slice(1, -1);
    else if (open && !t.includes('》')) t = t.slice(1);
    else if (close && !t.includes('《')) t = t.slice(0, -1);
    else return t;
    t = t.replace(END_PUNCTUATION, '');
  }
}

/** Whether every 》 closes a 《 before it and every 《 is closed. */
function balancedTitles(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '《') depth++;
    else if (c === '》' && --depth < 0) return false;
  }
  return depth === 0;
}

/** The type for a series key when a report has none: its title without issuer and year. */
export function fallbackType(title: string, issuer: string | null): string {
  return stripIssuerAndYear(plainDigits(title), issuer) || title;
}

// ---------------------------------------------------------------------------------------------
// Issuers.

/** Administrative levels, longest suffix first; rank 0 is a province, 1 a city or prefecture, 2 a county or district, 3 a township. */
const LEVELS: readonly { suffix: string; rank: number; base: string }[] = [
  { suffix: '自治区', rank: 0, base: '自治区' },
  { suffix: '自治州', rank: 1, base: '州' },
  { suffix: '自治县', rank: 2, base: '县' },
  { suffix: '自治旗', rank: 2, base: '旗' },
  { suffix: '特别行政区', rank: 0, base: '特别行政区' },
  // 新疆生产建设兵团: a province's rank, with its own 统计局.
  { suffix: '兵团', rank: 0, base: '兵团' },
  // 苏木: a township of 内蒙古 (巴音乌兰苏木).
  { suffix: '苏木', rank: 3, base: '苏木' },
  { suffix: '地区', rank: 1, base: '地区' },
  { suffix: '街道', rank: 3, base: '街道' },
  // 街: a sub-district as 广州 names its own (鹤龙街, 同和街: 鹤龙街道), not a street (步行街, 商业街, 中山大街).
  { suffix: '街', rank: 3, base: '街道' },
  { suffix: '省', rank: 0, base: '省' },
  { suffix: '市', rank: 1, base: '市' },
  { suffix: '州', rank: 1, base: '州' },
  { suffix: '盟', rank: 1, base: '盟' },
  { suffix: '县', rank: 2, base: '县' },
  { suffix: '区', rank: 2, base: '区' },
  { suffix: '旗', rank: 2, base: '旗' },
  { suffix: '镇', rank: 3, base: '镇' },
  { suffix: '乡', rank: 3, base: '乡' },
];
const LEVEL_START = /^[省市州盟县区旗镇乡]/;

/** One administrative unit: 淮安市 (name 淮安, level 市). */
export interface Unit {
  /** As written: 黔东南苗族侗族自治州. */
  text: string;
  /** Without the level: 黔东南苗族侗族. */
  name: string;
  /** The level's base form (自治州 → 州), for comparing units. */
  base: string;
  rank: number;
}

export interface IssuerName {
  /** The places, widest first (淮安市, 洪泽区); empty for 国务院 or a level with no place. */
  units: Unit[];
  /** A level with no place (省 in 省人民政府): the report's own place of that level, resolved in context. */
  levelOnly: string | null;
  /** The organisation: 人民政府 (政府 folded in), 国务院, 统计局, 人民政府办公室… or '' for a place alone. */
  org: string;
}

/**
 * Never a place's name: one character that only points at a place (我市, 全省, 本县, 该区), a level (乡镇, 县区, 市县: two levels,
 * a site's column, 乡镇政府信息公开年度报告), or every one of them (各乡镇). (A county's name of one character is one: 景县, 沛县.)
 */
const NOT_A_NAME = /^(?:[我全本该此外其每他同省市县区州旗盟镇乡街]|各.*)$/;

/** The five autonomous regions' names before 自治区, also as they are often written short (广西自治区, 宁夏自治区, 新疆自治区). */
const AUTONOMOUS_REGIONS = /^(?:内蒙古|广西(?:壮族)?|西藏|宁夏(?:回族)?|新疆(?:维吾尔)?)$/;

/** What a street's name ends in before 街 (步行街, 商业街, 中山大街, 美食街): a street, no sub-district. */
const STREET = /(?:步行|商业|美食|小吃|文化|风情|特色|古|老|大|小|横|后|前|东|西|南|北|中)$/;

function unitOf(text: string): Unit | null {
  if (text.length < 2) return null;
  for (const l of LEVELS) {
    if (text.endsWith(l.suffix) && text.length > l.suffix.length) {
      const name = text.slice(0, -l.suffix.length);
      // A government's name is no place's (人民政府二郎街道: the district's government, then its sub-district); nor is a
      // clause's verb before 自治区 (建立自治区人民政府规章库): an autonomous region is one of five. (An autonomous prefecture
      // or county is not always named with 族: 伊犁哈萨克自治州, 察布查尔锡伯自治县.)
      if (NOT_A_NAME.test(name) || name.includes('政府')) return null;
      if (l.suffix === '自治区' && !AUTONOMOUS_REGIONS.test(name)) return null;
      if (l.suffix === '街' && (name.length > 4 || STREET.test(name))) return null;
      // A community, a housing estate, a scenic area, a jurisdiction or a patch is no district (解放街社区, 朝阳区社区服务中心).
      if (l.suffix === '区' && /[社小景辖片]$/.test(name)) return null;
      // (鹤龙街 is written 鹤龙街道 in the names of its bodies: 鹤龙街道办事处.)
      return { text: l.suffix === '街' ? `${name}街道` : text, name, base: l.base, rank: l.rank };
    }
  }
  return null;
}

/**
 * The places at the start of a name: the split into units (each of at least two characters, ending
 * in a level) that covers the longest prefix, with the fewest odd points: a unit that starts with a
 * level character (2: 杭州市西湖区 is 杭州市 + 西湖区, not 杭州 + 市西湖区), a unit that doubles its
 * level (2: 济南市市 + 中区), and each place inside a unit where a shorter unit could end (1: 济南市
 * inside 济南市市中区); then the most units (济南市市中区 is 济南市 + 市中区; 荆州市沙市区 is 荆州市 + 沙市区).
 */
function splitUnits(s: string): { units: Unit[]; length: number } {
  const n = Math.min(s.length, 40);
  // best[i]: the best split of s[0..i), or null when s[0..i) cannot be split into units.
  const best: ({ units: Unit[]; odd: number } | null)[] = new Array(n + 1).fill(null);
  best[0] = { units: [], odd: 0 };
  for (let i = 0; i < n; i++) {
    const from = best[i];
    if (!from) continue;
    for (let j = i + 2; j <= Math.min(n, i + 16); j++) {
      const u = unitOf(s.slice(i, j));
      if (!u) continue;
      let odd = from.odd + (LEVEL_START.test(u.text) ? 2 : 0) + (u.name.endsWith(u.text.slice(u.name.length)) ? 2 : 0);
      for (let k = 2; k < u.text.length; k++) if (unitOf(u.text.slice(0, k))) odd++;
      const cand = { units: [...from.units, u], odd };
      const cur = best[j];
      if (!cur || cand.odd < cur.odd || (cand.odd === cur.odd && cand.units.length > cur.units.length)) best[j] = cand;
    }
  }
  for (let i = n; i > 0; i--) {
    const b = best[i];
    if (b) return { units: b.units, length: i };
  }
  return { units: [], length: 0 };
}

/** A zone and the district that governs it, one administration (高新区(新市区)人民政府, 经开区（汉南区）): the district's name alone, as `$1`. */
export const ZONE_AND_DISTRICT = /^(?:[\u4e00-\u9fff]{0,10}?(?:高新区|开发区|经开区|新区|园区))[（(]([\u4e00-\u9fff]{1,8}?[区县市])[)）](?=(?:人民)?政府|$)/;

/** Reads an issuer's name. Null when it names neither a place, a level nor 国务院. */
export function parseIssuer(raw: string): IssuerName | null {
  const s = raw
    .replace(/\s+/g, '')
    .replace(/^中华人民共和国(?=国务院)/, '')
    .replace(ZONE_AND_DISTRICT, '$1')
    // A department written short (…市场监管局): its whole name (before the places are read: 市场 would read as a 市).
    .replace(SHORT_DEPARTMENT, (m) => SHORT_DEPARTMENTS[m])
    // A body's last character typed twice (区自然资源局局认真落实…).
    .replace(/(局|厅)\1$/, '$1');
  if (!s) return null;
  if (s.startsWith('国务院')) return { units: [], levelOnly: null, org: s };
  const central = centralOrgan(s);
  if (central) return { units: [], levelOnly: null, org: central };
  const level = /^(自治区|自治州|自治县|省|市|州|盟|县|区|旗|镇|乡)((?:人民)?政府.*)$/.exec(s);
  if (level) return { units: [], levelOnly: LEVELS.find((l) => l.suffix === level[1])!.base, org: foldGov(level[2]) };
  // A department whose name opens with a level's character (市场监督管理局, 市政管理处, 市容环境卫生局) ends the places
  // before it: 湖州市市场监督管理局 is 湖州市 and its 市场监督管理局, not 湖州 and a 市市.
  const word = LEVEL_WORD.exec(s.slice(1));
  const places = word ? s.slice(0, word.index + 1) : s;
  const { units, length } = splitUnits(places);
  if (!units.length) {
    // A university, which reports on its disclosure as a government body does (安徽大学, 中国人民大学): its own name, no place.
    if (/^[\u4e00-\u9fff]{2,14}大学$/.test(s)) return { units: [], levelOnly: null, org: s };
    // No place: a department with a level and no place (市市场监督管理局, 县司法局), the report's own place of that level, as
    // 县人民政府's. A place read first wins (市中区教育局, 市南区…: districts whose names open with a level's character).
    const bare = LEVEL_DEPARTMENT.exec(s);
    return bare ? { units: [], levelOnly: LEVELS.find((l) => l.suffix === bare[1])!.base, org: bare[2] } : null;
  }
  let org = s.slice(length);
  // A community named after its street (解放街社区居民委员会): the 街 is its name's, no sub-district.
  const lastUnit = units.at(-1)!;
  if (org.startsWith('社区') && lastUnit.text === `${lastUnit.name}街道` && s.slice(length - lastUnit.name.length - 1, length) === `${lastUnit.name}街`) {
    units.pop();
    org = s.slice(length - lastUnit.name.length - 1);
    if (!units.length) return null;
  }
  // A sub-district or town named after its district's government (重庆市九龙坡区人民政府二郎街道办事处): the same body as
  // 重庆市九龙坡区二郎街道办事处, which is how its other reports write it.
  const under = /^(?:人民)?政府([\u4e00-\u9fff]{1,12}?(?:街道|镇|乡))(办事处|(?:人民)?政府)$/.exec(org);
  const unit = under && units.at(-1)!.rank < 3 ? unitOf(under[1]) : null;
  if (unit) {
    units.push(unit);
    org = under![2];
  }
  // What follows the places must not look like the rest of a sentence.
  if (org && !/^[\u4e00-\u9fff]{1,16}$/.test(org)) return null;
  return { units, levelOnly: null, org: foldGov(org) };
}

/**
 * A department of the central government, which names no place: a ministry or administration
 * (司法部, 住房和城乡建设部, 审计署, 海关总署, 国家税务总局), a national bureau or commission (国家统计局,
 * 国家卫生健康委员会, 中国气象局), or the central bank, written with or without 中华人民共和国. Its name
 * without that prefix, so that both spellings are one issuer; null for anything else (a ministry
 * name holds no 省, 市, 县, 区, 州, 旗 or 盟; one character before 部 is a word such as 全部 or 干部).
 */
export function centralOrgan(raw: string): string | null {
  const s = raw.replace(/\s+/g, '').replace(/^中华人民共和国/, '');
  if (s.length > 20 || !/^[\u4e00-\u9fff]+$/.test(s)) return null;
  // National bodies, also by their short names (国家发展改革委, 国家卫生健康委, 中国证监会), and the State
  // Council's own commissions and offices (国务院国资委, 国务院港澳办).
  if (/^(?:国家|中国)[\u4e00-\u9fff]{1,16}(?:局|委员会|委|会|院|署|办公室|总局)$/.test(s) || s === '中国人民银行') return s;
  if (/^国务院[\u4e00-\u9fff]{1,14}(?:委员会|委|办公室|办|局|署)$/.test(s)) return s;
  // A central body's branch, named by its region or its port with no 省 or 市 (深圳海关, 广东海事局, 长江航务管理局,
  // 中国人民银行南宁中心支行): a body of its own, which publishes its own reports. (Not the statistics bureau's survey teams,
  // 国家统计局…调查队: a communiqué's second publisher, never its issuer.)
  if ((/^[\u4e00-\u9fff]{2,4}(?:海关|海事局|航务管理局)$/.test(s) && !/[省市州县区旗盟]/.test(s)) || /^中国人民银行[\u4e00-\u9fff]{2,8}(?:中心)?支行$/.test(s))
    return s;
  if (/^市场监[督]?管[理]?总局$/.test(s)) return s;
  // A ministry or administration: a name before 部, 署 or 总局 that is no place and no common word
  // (干部, 支部, 俱乐部, 项目部, 西南部, 全部…).
  if (/^[\u4e00-\u9fff]{2,12}(?:部|署|总局)$/.test(s) && !/[省市州县区旗盟]/.test(s) && !NOT_A_MINISTRY.test(s)) return s;
  return null;
}

const NOT_A_MINISTRY = /(?:干部|支部|俱乐部|项目部|指挥部|本部|总部|局部|全部|内部|外部|[东南西北中]部)$/;

/**
 * 政府 → 人民政府, also before an office (市政府办公室 → 市人民政府办公室); 管委会 → 管理委员会, also before an office (a zone's, one body
 * either way); the office written short (区政府办) → 人民政府办公室.
 */
function foldGov(org: string): string {
  return (
    org
      .replace(/^政府/, '人民政府')
      .replace(/^管委会/, '管理委员会')
      // A prefecture's 行署 is its 行政公署 (塔城地区行署, as its reports write it one year and the other the next).
      .replace(/^行署$/, '行政公署')
      .replace(/^(人民政府|管理委员会)办$/, '$1办公室')
  );
}

/**
 * A place's departments its reports write short one year and whole another (浙江省市场监管局 / 浙江省市场监督管理局): one body,
 * one series, under its whole name. Only names whose short form stands for one department, and only after a place (the
 * national bodies keep their own short names: 国家卫生健康委, centralOrgan).
 */
const SHORT_DEPARTMENTS: Record<string, string> = {
  市场监管局: '市场监督管理局',
  人力社保局: '人力资源和社会保障局',
  发展改革委: '发展和改革委员会',
  卫健委: '卫生健康委员会',
  卫生健康委: '卫生健康委员会',
  发改委: '发展和改革委员会',
  人社局: '人力资源和社会保障局',
  住建局: '住房和城乡建设局',
};
/**
 * Words that open a department's name and would read as a place's end: 市场 (市场监督管理局), 市政工程…, 市容, 城市管理 (城市
 * would be a 市 named 城), 住房和城乡, 城乡建设, 城乡规划 (a 乡 named 住房和城, 城). Not 市政府, 市政务…, 市政数局, 市政协: the place's 市, then the body.
 */
const LEVEL_WORD = /市场|市政(?:市容|工程|公用|设施|管理|园林)|市容|城市管理|住房和城乡|城乡建设|城乡规划/;

/**
 * A level and a department, no place (县司法局, 市市场监督管理局, 区教育局, 市民政局, 市政务服务管理局): not a Party body
 * (市委办公室, 县纪委) nor a congress's (人大常委会), not a word that opens with the level's character (区域, 县级, 市场
 * with no level before it).
 */
const LEVEL_DEPARTMENT =
  /^(省|市|州|盟|县|区|旗)((?!委|人大|人民代表|政协|政府|纪|党|域|级|直属|场|政(?!务)|[省州盟县区旗镇乡]|市(?!场|政|容))[\u4e00-\u9fff]{2,14}(?:局|委员会|厅|办公室|管理处|服务中心))$/;

const SHORT_DEPARTMENT = new RegExp(`(?<=[省市县区州旗盟])(?:${Object.keys(SHORT_DEPARTMENTS).join('|')})$`);

/**
 * A development zone (经济技术开发区, 高新区, 工业园区…): governed by its 管理委员会, not a 人民政府. So are the national new
 * areas that have no government of their own (两江新区, 雄安新区…; not 浦东新区 or 滨海新区, which are districts).
 */
const ZONE =
  /(?:开发区|高新区|经开区|园区|保税区|综保区|试验区|实验区|示范区|合作区|(?:两江|雄安|西咸|贵安|兰州|天府|湘江|赣江|哈尔滨|长春|滇中|福州|金普)新区)$/;

/**
 * The issuer's display name: units then organisation, with 人民政府 for a bare place when the type
 * is one a government issues (四川省 in 四川省2025年政府工作报告 → 四川省人民政府; a 街道's is its 办事处).
 */
export function issuerText(n: IssuerName, type: string | null): string {
  if (!n.units.length && !n.levelOnly) return n.org;
  const places = n.units.map((u) => u.text).join('') || n.levelOnly || '';
  // A sub-district (街道) is governed by its 办事处, a development zone by its 管理委员会, not a 人民政府.
  const last = n.units.at(-1);
  const government = last?.base === '街道' ? '办事处' : last && ZONE.test(last.text) ? '管理委员会' : '人民政府';
  const org = n.org || (type && GOVERNMENT_TYPES.has(type) ? government : '');
  return places + org;
}

/**
 * Whether two units are the same place: the same level and name, or an autonomous unit and its
 * short form (黔东南苗族侗族自治州 and 黔东南州: the name goes on with ethnic names ending in 族).
 */
function sameUnit(a: Unit, b: Unit): boolean {
  if (a.base !== b.base) return false;
  if (a.name === b.name) return true;
  const [short, long] = a.name.length < b.name.length ? [a, b] : [b, a];
  // 伊犁哈萨克自治州 and 伊犁州, 巴音郭楞蒙古自治州 and 巴音郭楞州: the ethnic names that do not end in 族.
  return (
    (short.name.length >= 2 &&
      long.name.startsWith(short.name) &&
      /^(?:(?:[\u4e00-\u9fff]{1,4}族|哈萨克|蒙古|柯尔克孜|维吾尔|锡伯|塔吉克)+)$/.test(long.name.slice(short.name.length))) ||
    (a.base === '州' && SHORT_PREFECTURE[short.name] === long.name)
  );
}

/** Prefectures written with one character (巴州 for 巴音郭楞蒙古自治州). */
const SHORT_PREFECTURE: Record<string, string> = { 巴: '巴音郭楞蒙古', 博: '博尔塔拉蒙古', 克: '克孜勒苏柯尔克孜' };

/**
 * Whether `inner` names the same issuer as `outer` with fewer places: its units are the last of
 * outer's (洪泽区人民政府 in 淮安市洪泽区人民政府), and the organisations agree.
 */
export function containedIn(inner: IssuerName, outer: IssuerName): boolean {
  if (inner.org !== outer.org || inner.levelOnly || outer.levelOnly) return false;
  if (!inner.units.length || inner.units.length > outer.units.length) return false;
  const off = outer.units.length - inner.units.length;
  return inner.units.every((u, i) => sameUnit(u, outer.units[off + i]));
}

/** The same issuer, written alike or not (四川省政府 and 四川省人民政府; 黔东南州 and 黔东南苗族侗族自治州). */
export function sameIssuer(a: IssuerName, b: IssuerName): boolean {
  return a.units.length === b.units.length && containedIn(a, b);
}

/** A level with no place (省人民政府) takes the report's place of that level: its rank, or 自治区 for 省 and back. */
export function fillLevel(n: IssuerName, places: readonly Unit[][]): IssuerName | null {
  if (!n.levelOnly) return n;
  const want = LEVELS.find((l) => l.base === n.levelOnly)!;
  for (const chain of places) {
    // The last unit of that level: 绍兴市诸暨市's 市 is 诸暨市 (a city under a city), the place the chain ends in.
    let k = -1;
    for (const [i, u] of chain.entries()) if (u.base === want.base || (u.rank === want.rank && want.rank === 0)) k = i;
    if (k >= 0) return { units: chain.slice(0, k + 1), levelOnly: null, org: n.org };
  }
  return null;
}
