/**
 * Markers: what a block's start says it is (a part, a chapter 一、, a section (一), a list item),
 * with the repairs of broken markers, before the numbering is put in sequence (parse.ts).
 */
import type { BlockRole, Diagnostic, PartKind } from '../model/index.ts';
import { detach, leadSentence, parseNumeral } from '../model/index.ts';

export interface BlockDecision {
  role: BlockRole;
  number: number | null;
  label: string | null;
  partKind?: PartKind;
  inferred: boolean;
  /** Length (UTF-16) of the heading at the start of the block; the rest is its body. */
  headingLength: number;
  /** Offset of the title inside the block (after the label). */
  titleStart: number;
  title: string;
}

export interface StructureResult {
  decisions: BlockDecision[];
  /** Diagnostics with the index of the block they concern (or null). */
  diagnostics: { diagnostic: Diagnostic; block: number | null }[];
}

const CN = '[一二三四五六七八九十]{1,3}';
export const RE_CHAPTER = new RegExp(`^(${CN})\\s*[、﹑，,．.]\\s*`);
/** 第一章, 第一部分, 第一篇; not a sentence about one (第一部分是2022年工作回顾。, a page that interprets a report). */
export const RE_CHAPTER_ZHANG = new RegExp(`^第\\s*(${CN})\\s*(章|部分|篇)(?![是为])[\\s、：:．.]*`);
const RE_LIST_DI = new RegExp(`^第(${CN})[、，,．.：:]`);
const RE_CHAPTER_DIGIT = /^([0-9０-９]{1,2})\s*(?:[、，．]|\.(?=[ \u3000]?[\u4e00-\u9fff“"]))\s*/;
const RE_CHAPTER_NO_COMMA = new RegExp(`^(${CN})(?=[\\u4e00-\\u9fff“"])`);
const RE_CHAPTER_NO_NUMERAL = /^[、，]\s*(?=[\u4e00-\u9fff“"])/;
const RE_SECTION = new RegExp(`^[（(]\\s*(${CN})\\s*[)）]\\s*`);
const RE_SECTION_NO_OPEN = new RegExp(`^(${CN})[)）]\\s*`);
const RE_SECTION_BROKEN = /^[)）]\s*(?=[\u4e00-\u9fff“"《])/;
/** Part headings, in simplified or traditional characters (2009年工作回顧, as a traditional report prints it). */
const RE_PART_REVIEW =
  /^(?:(\d{4})\s*年度?)?[^。，,；;：:]{0,30}?(?:工作情[况況]|工作[总總][结結]|工作回[顾顧]|主要工作|工作[开開]展情[况況]|工作完成情[况況])[:：]?$/;
const RE_PART_PLAN = /^(?:(\d{4})\s*年度?)?[^。，,；;：:]{0,30}?(?:工作[计計][划劃]|工作安排|重[点點]工作|工作打算|工作思路|工作[设設]想|主要任[务務])[:：]?$/;
/** A five-year plan's period: “十四五”时期, 十三五期间, “十二五”. */
const PLAN_PERIOD = /[“"‘]十[一二三四五六七八九]?五[”"’]|(?<![一二三四五六七八九十])十[一二三四五六七八九]五(?:时期|期间)/;
/** A section's number as one enclosed character (㈠主动公开情况): as (一). */
const RE_SECTION_ENCLOSED = /^([\u3220-\u3229])\s*/;
/** Words that follow a leading numeral in ordinary sentences (一是, 三农, 十三五…), never a heading. */
const NOT_AFTER_NUMERAL =
  /^(是|方面|些|个|批|项|年|月|日|直|定|起|体|切|般|致|线|级|次|种|条|份|大|要|同|道|农|五|六|七|八|九|十|中|号|块|期|轮|届|元|度|倍|成|半|站|网|门|窗|口|环|带|区|室|所|队|点|链|化|律|手|把|单|以|进|张|把|流|层)/;

/**
 * A report's title whose place opens with a numeral (九江市, 四川省, 三明市, 十堰市, 九龙坡区, 五指山市, 七台河市 2025年…报告): a place
 * name of one to three characters after the numeral, then the report's year, and a report's name at the end. No chapter
 * that lost its 、 reads so.
 */
const PLACE_TITLE =
  /^[一二三四五六七八九十][\u4e00-\u9fff]{1,3}?(?:省|市|县|区|州|盟|旗|镇|乡|街道)[^。，；：:]{0,30}?(?:19|20)\d{2}\s*年[^。，；]{0,40}(?:报告|報告|公报|公報|年报|年報|情况|情況|总结|要点)$/;

/** How official headings open: with a verb of action (加强, 推进, 切实做好…). */
export const HEADING_VERB =
  /^(?:加强|推进|完善|落实|深化|切实|健全|提升|提高|强化|规范|创新|开展|做好|建立|构建|坚持|全面|积极|大力|着力|扎实|持续|进一步|严格|加快|推动|优化|抓好|注重|狠抓|突出|统筹)/;

export function isStandalone(rest: string): boolean {
  if (rest.length > 50) return false;
  const inner = rest.replace(/[。．.！!？?]$/, '');
  return !/[。！？!?；;]/.test(inner);
}

/** A heading's title: no trailing punctuation, and a copy that does not keep the source text alive. */
export function stripEndPunct(s: string): string {
  // From the end, not by /[…]+$/ (tried from each position of a run of commas inside the text).
  let end = s.length;
  while (end > 0 && END_PUNCT.test(s[end - 1])) end--;
  // …and a footnote's mark after a heading (一、综合[1], a communiqué's notes): no part of its title.
  const note = /[[［【][0-9０-９]{1,2}[\]］】]$/.exec(s.slice(Math.max(0, end - 4), end));
  if (note && end - note[0].length > 0) end -= note[0].length;
  while (end > 0 && END_PUNCT.test(s[end - 1])) end--;
  return detach(s.slice(0, end));
}

const END_PUNCT = /[。．.，,；;：:\s]/;

export interface Match {
  type: 'chapter' | 'section' | 'part' | 'list';
  number: number | null;
  label: string | null;
  markerLength: number;
  repair?: 'digit' | 'no-comma' | 'no-numeral' | 'no-open' | 'broken' | 'unnumbered' | 'arabic';
  partKind?: PartKind;
}

/** A list's item: a marker that heads nothing (一是…, 第一，…, a list quoted or run inline). */
const listItem = (): Match => ({ type: 'list', number: null, label: null, markerLength: 0 });

/** First characters a marker can start with; any other block longer than a part heading is a body paragraph. */
const MARKER_START = /^[（(一二三四五六七八九十第0-9０-９、，)）\u3220-\u3229]/;

export function classify(text: string): Match | null {
  // Every marker below opens with a character of MARKER_START: any other text can only be a part's heading (short).
  if (!MARKER_START.test(text)) return text.length > 40 ? null : partHeading(text);
  let m: RegExpExecArray | null;
  if ((m = RE_SECTION.exec(text))) {
    return { type: 'section', number: parseNumeral(m[1]), label: m[0].trim(), markerLength: m[0].length };
  }
  if ((m = RE_SECTION_ENCLOSED.exec(text))) {
    return { type: 'section', number: m[1].charCodeAt(0) - 0x3220 + 1, label: m[0].trim(), markerLength: m[0].length };
  }
  if ((m = RE_CHAPTER_ZHANG.exec(text))) {
    return { type: 'chapter', number: parseNumeral(m[1]), label: m[0].trim(), markerLength: m[0].length };
  }
  if (RE_LIST_DI.test(text)) return listItem();
  if ((m = RE_CHAPTER.exec(text))) {
    const n = parseNumeral(m[1]);
    if (n !== null && n <= 20) return { type: 'chapter', number: n, label: m[0].trim(), markerLength: m[0].length };
  }
  if ((m = RE_SECTION_NO_OPEN.exec(text))) {
    return { type: 'section', number: parseNumeral(m[1]), label: m[0].trim(), markerLength: m[0].length, repair: 'no-open' };
  }
  if ((m = RE_SECTION_BROKEN.exec(text))) {
    return { type: 'section', number: null, label: m[0].trim(), markerLength: m[0].length, repair: 'broken' };
  }
  if ((m = RE_CHAPTER_DIGIT.exec(text))) {
    return { type: 'chapter', number: parseNumeral(m[1]), label: m[0].trim(), markerLength: m[0].length, repair: 'digit' };
  }
  // A comma (not 、) at a line's start is a lost numeral only on a heading's line (short, no comma of its own): a
  // sentence cut after its lead-in (报告指出 / ，去年以来，面对…) opens so too.
  if ((m = RE_CHAPTER_NO_NUMERAL.exec(text)) && (m[0].trim() === '、' || (isStandalone(text.slice(m[0].length)) && !/[，,]/.test(text.slice(m[0].length))))) {
    return { type: 'chapter', number: null, label: m[0].trim(), markerLength: m[0].length, repair: 'no-numeral' };
  }
  if ((m = RE_CHAPTER_NO_COMMA.exec(text))) {
    const n = parseNumeral(m[1]);
    const after = text.slice(m[0].length);
    if (n !== null && n >= 2 && n <= 20 && !NOT_AFTER_NUMERAL.test(after) && !PLACE_TITLE.test(text) && isStandalone(after)) {
      return { type: 'chapter', number: n, label: m[0], markerLength: m[0].length, repair: 'no-comma' };
    }
  }
  return text.length <= 40 ? partHeading(text) : null;
}

/** A short line that heads a part with no marker (2025年工作回顾, 今年工作安排), or null. */
function partHeading(text: string): Match | null {
  if (/[。！？]/.test(text)) return null;
  // A longer one names its years: at its start (2025年工作回顾), or further in, with a five-year plan's period
  // (“十四五”时期发展成就和2025年工作回顾, “十五五”时期主要目标和2026年重点工作: the 2021 and 2026 reports' parts).
  // (One phrase: a subtitle of two set apart by a space, 奋力开启“十五五”新征程 全面做好2026年重点工作, is none.)
  const named = (y: string | undefined) =>
    !!y || text.length <= 16 || (PLAN_PERIOD.test(text) && /(?:19|20)\d{2}\s*年/.test(text) && !/\S[ \u3000]+\S/.test(text));
  let m: RegExpExecArray | null;
  if ((m = RE_PART_REVIEW.exec(text)) && named(m[1])) {
    return { type: 'part', number: null, label: null, markerLength: 0, partKind: 'review' };
  }
  if ((m = RE_PART_PLAN.exec(text)) && named(m[1])) {
    return { type: 'part', number: null, label: null, markerLength: 0, partKind: 'plan' };
  }
  return null;
}

export function body(): BlockDecision {
  return { role: 'body', number: null, label: null, inferred: false, headingLength: 0, titleStart: 0, title: '' };
}

/** Two question marks or more between two ideographs: spaces an encoding lost. */
const LOST_SPACES = /(?<=[\u4e00-\u9fff])\?{2,}(?=[\u4e00-\u9fff])/g;

/** Title and heading length for a heading block whose marker is `markerLength` long. */
export function headingOf(text: string, markerLength: number): { title: string; headingLength: number; cut: boolean } {
  // A run of question marks between two characters is a page's spaces lost to its encoding (一、綜??合, a mirror's GBK copy of
  // 一、綜　　合): spaces, each in its place, not a question's end.
  const rest = text.slice(markerLength).replace(LOST_SPACES, (m) => ' '.repeat(m.length));
  // A heading run into its text after a colon, or after a space when it names what it reports on (（一）主动公开情况：我镇全年主动
  // 公开信息27条，…; （三）政府信息管理情况 2022年，…): the name, however short the text after it.
  // …not a short heading whose colon starts its subtitle (一、过去一年：砥砺奋进，成绩斐然; （二）时间安排：2024年1月至12月分三个阶段推进):
  // a run-in text ends its sentence or runs past a heading's length.
  const named = rest.length > 30 || /[。；！？]/.test(rest) ? RUN_IN_COLON.exec(rest) : null;
  // Not an appendix's or a box's label before its title (附件1：2025年省十件民生实事, 专栏2：…): one title.
  if (named && !/^(?:附件|附表|附录|专栏|表|图)\s*[0-9０-９一二三四五六七八九十]*$/.test(named[1]))
    return { title: unspread(named[1]), headingLength: markerLength + named[0].length, cut: false };
  // A communiqué's chapter name run into its first sentence with no space, where the sentence opens as a communiqué's do
  // (一、综合初步核算，全年国内生产总值…: a PDF's or a copy's lines joined): the name.
  const joined = RUN_IN_OPENER.exec(rest);
  if (joined) return { title: joined[1], headingLength: markerLength + joined[1].length, cut: false };
  // …or set apart by a space from a sentence with a figure (一、综合 根据…统一核算结果，…133.64亿元。, 三、工业 全年工业增加值10亿元。),
  // however short: the name. (A work report's heading of two phrases, 一、发展现代农业 推进乡村振兴, has no figure.)
  const spaced = RUN_IN_NAME.exec(rest);
  if (spaced && /[0-9０-９]/.test(rest.slice(spaced[0].length)) && !/[ \u3000]/.test(rest.slice(spaced[0].length, spaced[0].length + 6)))
    return { title: spaced[1], headingLength: markerLength + spaced[1].length, cut: false };
  // (A long heading with no sentence in it is whole too: 1984's 二、我们坚持在和平共处五项原则的基础上发展…，并且主张…普遍准则.)
  if (isStandalone(rest) || (rest.length <= 100 && !/[。！？!?；;]/.test(rest)))
    return { title: unspread(stripEndPunct(rest)), headingLength: text.length, cut: false };
  const lead = leadSentence(rest);
  // A short heading set apart by a space from the sentence it runs into (一、综合 经济总体回升向好。初步核算…, 二、农业 农业生产
  // 稳定发展。…): the heading is the name. Not a PDF's gaps inside a heading (（一）坚持 创新驱动 发展。…: more spaces right after).
  const apart = RUN_IN_NAME.exec(rest.slice(0, lead.length));
  if (apart && !/[ \u3000]/.test(rest.slice(apart[0].length, apart[0].length + 6)))
    return { title: apart[1], headingLength: markerLength + apart[1].length, cut: false };

  return { title: unspread(stripEndPunct(rest.slice(0, lead.length))), headingLength: markerLength + lead.length, cut: lead.cut };
}
/** A heading's name, then a colon (or a space after a name in 情况) and a clause of text: a comma or a sentence's end in it, or ten characters. */
const RUN_IN_COLON = /^([^：:，,。；;！？\s]{2,20}?)(?:\s*[：:]|(?<=情况)[ \u3000]+)(?=\s*[\u4e00-\u9fff0-9０-９“"](?:[^。：:]*?[，,。；;]|[^。：:，,；;]{9}))/;

/**
 * A communiqué's chapter names (综合, 农业, 工业和建筑业, 固定资产投资, 交通运输和邮电…; a 信息公开 report's 总体情况), as a pattern's
 * source: the name of a run-in head (RUN_IN_NAME) and, in the reader, a heading whole as it stands (lines.ts: 一、综  合 is
 * not joined to the section name under it).
 */
export const COMMUNIQUE_CHAPTER = String.raw`(?:综合|总体情况|概述|人口|资源|环境|能源|交通运输|交通|运输|邮电|旅游|文化旅游|文化|卫生|体育|价格|财政|金融|保险|证券|教育|科技|科学技术|对外经济|国内贸易|人民生活|社会保障|城市建设|安全生产|固定资产投资|[\u4e00-\u9fff]{0,5}(?:农业|工业|建筑业|服务业|贸易|邮电业|运输业))(?:和[\u4e00-\u9fff]{1,5})?`;

/**
 * A communiqué's chapter name (综合, 农业, 工业和建筑业, 固定资产投资, 国内贸易…; a 信息公开 report's 总体情况) and a space, then the sentence it heads (six
 * characters at least). Not two parallel phrases of a work report's heading (（一）聚焦项目建设 推动经济量质齐升。…): one heading.
 */
const RUN_IN_NAME = new RegExp(`^(${COMMUNIQUE_CHAPTER})[ \u3000]+(?=(?:[\u4e00-\u9fff“"]{2}|(?:19|20)[0-9]{2}年)[^。]{4,})`);

/**
 * A communiqué's chapter name run into its first sentence with no space: the sentence opens with 初步核算, 根据…核算, 全年, 年末, 年初
 * or its year and a comma.
 */
const RUN_IN_OPENER = new RegExp(
  `^(${COMMUNIQUE_CHAPTER})(?=(?:据|经)?初步核算|根据[^。，,]{0,30}?(?:核算|统计|核定)|全年[\u4e00-\u9fff]|年末[\u4e00-\u9fff]|年初[\u4e00-\u9fff]|(?:19|20)\\d{2}\\s*年[，,])`,
);

/**
 * A short heading that its source spread out with spaces (`综 合`, `农  业`, `金　融`: Word and PDF
 * statistical bulletins justify two-character headings so) is the word without them, as other years
 * print it. Only 2–6 Chinese characters, each alone between the spaces: `工业 和 建筑业` is left as it is. A space
 * after a figure goes too (`2024 年工作回顾`).
 */
function unspread(title: string): string {
  if (SPREAD.test(title)) return title.replace(/[ \u3000]+/g, '');
  // Word's spacing between a figure and the character after it (2024 年工作回顾), and a year spread out digit by
  // digit (关于1 9 9 8 年…): the title as the other years print it.
  if (!/\d[ \u3000]/.test(title)) return title;
  return title.replace(SPREAD_DIGITS, (m) => m.replace(/[ \u3000]+/g, '')).replace(FIGURE_SPACE, '');
}
const SPREAD_DIGITS = /[0-9０-９](?:[ \u3000][0-9０-９]){2,}/g;

const SPREAD = /^\p{Script=Han}(?:[ \u3000]+\p{Script=Han}){1,5}$/u;
/** A space between a figure and the Chinese character after it (2025 年, 第 6 次): layout, not text. */
export const FIGURE_SPACE = /(?<=[0-9０-９])[ \u3000]+(?=\p{Script=Han})/gu;

/**
 * The report's own chapter pattern, for chapter headings with no numeral: a year or period and the
 * review or the plan (2024年工作回顾, 2025年工作安排建议, 今后五年的主要任务, “十五五”时期主要目标任务), or the
 * government's own chapter (加强政府自身建设, 努力建设人民满意政府).
 */
const UNNUMBERED_CHAPTER =
  /^(?:(?:关于|对)?(?:19|20)\d{2}\s*年|今年|明年|去年|过去[一二三四五]年|今后[一二三四五]年|一年来|[“"]?十[一二三四五六七八九]五[”"]?(?:时期)?)[^。，,；;：:！？!?]{0,24}(?:回顾|总结|安排|建议|任务|部署|目标|要求|打算|考虑|举措|成就|工作)$|^[^。，,；;：:！？!?]{0,10}(?:(?:提升|加强|建设|推进|改进|转变|建成)[^。，,；;：:！？!?]{0,12}政府|政府[^。，,；;：:！？!?]{0,10}(?:建设|治理|效能|水平|职能))[^。，,；;：:！？!?]{0,8}$/;

/** A short line standing alone: no sentence punctuation, no marker. */
const standaloneLine = (b: string) => b.length >= 4 && b.length <= 30 && !/[。，,；;：:！？!?]/.test(b);

/**
 * Numbered divisions over the chapters: `第一部分 2022年工作情况`, then `一、冬奥服务保障圆满成功`, `二、…`, then
 * `第二部分 2023年工作安排`, then `一、…` again. A `第X部分` (`篇`, `章`) whose first chapter marker below it, before the
 * next such division, is a printed `一、` is a part that holds those chapters (its kind from its heading's title, as an
 * unnumbered part's), not a chapter: as a chapter, the `一、` under it would read as an item out of sequence, and the
 * report's chapters would be lost. Its siblings (the same word: 部分, 篇 or 章) are parts too, whatever is under them
 * (`第三部分 全面加强政府自身建设` with sections, or paragraphs): not chapters inside the part before them.
 */
export function markNumberedParts(blocks: readonly string[], marks: (Match | null)[], end: number): void {
  // A division is a chapter mark that classify read with RE_CHAPTER_ZHANG (its label 第一部分, its word 部分).
  const wordOf = (m: Match | null) => (m?.type === 'chapter' && !m.repair && m.label?.startsWith('第') ? /章|部分|篇/.exec(m.label)?.[0] : undefined);
  const divisions: { i: number; word: string }[] = [];
  for (let i = 0; i < end; i++) {
    const word = wordOf(marks[i]);
    if (word) divisions.push({ i, word });
  }
  const parted = new Set<string>();
  for (const { i, word } of divisions) {
    for (let j = i + 1; j < end; j++) {
      const n = marks[j];
      if (!n || (n.type !== 'chapter' && n.type !== 'part')) continue;
      if (n.type === 'chapter' && !n.repair && n.number === 1 && !wordOf(n)) parted.add(word);
      break;
    }
  }
  for (const { i, word } of divisions) {
    if (!parted.has(word)) continue;
    const m = marks[i]!;
    marks[i] = { ...m, type: 'part', partKind: unnumberedPart(headingOf(blocks[i], m.markerLength).title).partKind };
  }
}

/**
 * Chapters with no numeral. When the report has no chapter marker at all (一、, 第一章), or its
 * numbered items are plainly sections ((一)), a short line standing alone is a chapter heading when
 * it fits the report's chapter pattern (UNNUMBERED_CHAPTER), echoes a line of the opening (the
 * overview names the chapters), or is what a part heading would be (2024年工作回顾): in such a
 * report these are chapters, not parts, so that its chapters align with those of the years that
 * number them. Marks them as `unnumbered` chapters.
 */
export function markUnnumberedChapters(blocks: readonly string[], marks: (Match | null)[], skip: (i: number) => boolean, end: number): void {
  if (marks.some((m, i) => i < end && m?.type === 'chapter' && (!m.repair || m.repair === 'no-comma'))) return;
  // The opening: the blocks before the first marker (the address, an overview of the chapters).
  const firstMark = marks.findIndex((m) => m !== null);
  const opening = blocks.slice(0, firstMark < 0 ? Math.min(blocks.length, 8) : firstMark).join('');
  // Whether a line echoes the opening: a substring test by the opening's suffix automaton, built
  // on the first question, so that each line costs its own length however long the opening is.
  let inOpening: ((s: string) => boolean) | null = null;
  const echoes = (b: string) => (inOpening ??= substringTest(opening))(b);
  const found: number[] = [];
  for (let i = 1; i < end; i++) {
    const b = blocks[i];
    if (skip(i)) continue;
    const m = marks[i];
    if (m && m.type !== 'part') continue;
    // A part heading that ends in a colon introduces a list (认真抓好11方面重点工作：), unless it names its year.
    const part = m?.type === 'part' && (!/[:：]$/.test(b) || /^(?:19|20)\d{2}\s*年/.test(b));
    if (part || (!m && standaloneLine(b) && (UNNUMBERED_CHAPTER.test(b) || (b.length >= 6 && i > firstMark && firstMark >= 0 && echoes(b))))) found.push(i);
  }
  // A single line is no chapter structure: two at least (the review and the plan).
  if (found.length < 2) return;
  for (const i of found) marks[i] = { type: 'chapter', number: null, label: null, markerLength: 0, repair: 'unnumbered' };
}

/** `1 人口特征`, `2婚姻及家庭状况`, `1. 综合` (a page's numbered list): an Arabic number (1–20) and a short Chinese title, nothing else. */
const ARABIC_CHAPTER = /^(0?[1-9]|1[0-9]|20)[.．、]?[ \u3000]*(?=[\p{Script=Han}“《])/u;

/**
 * Chapters numbered in Arabic numerals with no separator, as statistical reports print them
 * (`1 人口特征` … `9 法律保护`, centred, a PDF's text giving `1人口特征`). Only in a report with no
 * chapter marker at all, where at least three short lines standing alone, their numbers rising
 * from 1, cover most of 1 to the last (a line lost in the source must not hide the rest): a list of
 * sentences (`1加强…。`) or of table labels never qualifies.
 */
export function markArabicChapters(blocks: readonly string[], marks: (Match | null)[], skip: (i: number) => boolean, end: number): void {
  // An Arabic number with a separator (1、, 1.) is a list's item to the parser: no chapter marker of its own.
  const arabicItem = (m: Match | null) => m?.type === 'chapter' && m.repair === 'digit';
  if (marks.some((m, i) => i < end && m?.type === 'chapter' && !arabicItem(m))) return;
  const found: { i: number; n: number; length: number }[] = [];
  for (let i = 1; i < end; i++) {
    const b = blocks[i];
    if (skip(i) || (marks[i] && !arabicItem(marks[i])) || b.length > 24 || /[。，,；;：:！？!?]/.test(b)) continue;
    const m = ARABIC_CHAPTER.exec(b);
    // A title of two characters at least (4就业), with no figures (1 南山区 92.5 is a ranking's row).
    if (!m || b.length - m[0].length < 2 || /[0-9０-９]/.test(b.slice(m[0].length))) continue;
    const n = Number(m[1]);
    const last = found.at(-1)?.n ?? 0;
    // Numbers rise; one that does not is a list or a table label, and ends the search.
    if (n <= last) return;
    found.push({ i, n, length: m[0].length });
  }
  if (found.length < 3 || found[0].n !== 1 || found.length < 0.75 * found[found.length - 1].n) return;
  // With a separator (1. 综合, 2、农业), a list's items are printed so too: chapters only in a report with no section
  // marker either, not after a lead-in that ends in a colon (重点开展了以下专项行动：), and each with a paragraph of its own
  // under it (a list's items follow one another).
  if (found.some((f) => /^[0-9０-９]{1,2}[.．、]/.test(blocks[f.i]))) {
    if (marks.some((m, i) => i < end && m?.type === 'section')) return;
    if (/[：:]$/.test(blocks[found[0].i - 1] ?? '')) return;
    const bodied = found.filter((f, k) => {
      const next = found[k + 1]?.i ?? end;
      return next - f.i > 1;
    }).length;
    if (bodied < found.length - 1) return;
  }
  for (const { i, n, length } of found) {
    marks[i] = { type: 'chapter', number: n, label: blocks[i].slice(0, length).trim(), markerLength: length, repair: 'arabic' };
  }
}

/** A section's head run into its text: a name of 4–16 characters (one comma at most), a full stop, then ten characters of text. */
const RUN_IN_ITEM = /^[^。；;！？!?：:，,、]{2,14}(?:[，,][^。；;！？!?：:，,、]{2,10})?。(?=[^。]{10})/;

/** An item numbered in Arabic numerals in brackets: (1), （1）. */
const BRACKETED_ITEM = /^[（(]\s*([0-9０-９]{1,2})\s*[)）]\s*/;

/**
 * Sections numbered in Arabic numerals (`1、积极应对复杂形势,经济运行稳健向好` under `一、2014年工作回顾`), as county and city
 * reports print them: in a chapter with no section marker, short lines standing alone (no sentence's end, no colon) whose
 * numbers run 1, 2, 3… with a paragraph of their own under each, two at least, not after a lead-in that ends in a colon.
 * A list's items (sentences, or lines that follow one another) stay a list, and so does a chapter's numbered list that
 * has sections. The same with the numbers in brackets (`(1)主动公开情况。2023年,我镇…`, a township's disclosure report)
 * in a chapter that has neither section markers nor `1、` items (under which they would be sub-items).
 */
export function markArabicSections(blocks: readonly string[], marks: (Match | null)[], skip: (i: number) => boolean, end: number): void {
  const arabicItem = (m: Match | null) => m?.type === 'chapter' && m.repair === 'digit';
  const chapters: number[] = [];
  for (let i = 0; i < end; i++) if ((marks[i]?.type === 'chapter' && !arabicItem(marks[i])) || marks[i]?.type === 'part') chapters.push(i);
  // Only under chapters numbered in Chinese: with none, Arabic numbers are the chapters' (markArabicChapters).
  if (!chapters.some((i) => marks[i]?.type === 'chapter')) return;
  chapters.push(end);
  const digit = (i: number) => (arabicItem(marks[i]) ? { number: marks[i]!.number!, markerLength: marks[i]!.markerLength, label: marks[i]!.label } : null);
  const bracketed = (i: number) => {
    const b = marks[i] ? null : BRACKETED_ITEM.exec(blocks[i]);
    return b ? { number: Number(b[1].normalize('NFKC')), markerLength: b[0].length, label: b[0].trim() } : null;
  };
  // An ordinal's line (第一，全国动员，大办农业 / 第二，加快发展基础工业…, as the national reports of 1978 and 1998 head their
  // chapters' parts): a list item by classify's reading.
  const ordinal = (i: number) => {
    const o = marks[i]?.type === 'list' ? ORDINAL_ITEM.exec(blocks[i]) : null;
    return o ? { number: parseNumeral(o[1]) ?? 0, markerLength: o[0].length, label: o[0].trim() } : null;
  };
  for (let c = 0; c + 1 < chapters.length; c++) {
    const from = chapters[c] + 1;
    const to = chapters[c + 1];
    if (marks[chapters[c]]?.type !== 'chapter') continue;
    // 第一， lines standing alone are the chapter's sections, and sections marked （一） under them are their list (1978's
    // （一）…（九）, the measures under 第一，全国动员，大办农业): those go to the body.
    const ordinals = sectionsAmong(blocks, marks, skip, from, to, ordinal, true);
    if (ordinals) {
      for (let i = ordinals[0].i + 1; i < to; i++) if (marks[i]?.type === 'section') marks[i] = null;
      for (const { i, n, item } of ordinals) marks[i] = { type: 'section', number: n, label: item.label, markerLength: item.markerLength, repair: 'arabic' };
      continue;
    }
    let anyDigit = false;
    for (let i = from; i < to && !anyDigit; i++) anyDigit = arabicItem(marks[i]);
    // 1、 items when the chapter has any (its (1) items are theirs), else (1) items.
    const found = sectionsAmong(blocks, marks, skip, from, to, anyDigit ? digit : bracketed);
    for (const { i, n, item } of found ?? []) marks[i] = { type: 'section', number: n, label: item.label, markerLength: item.markerLength, repair: 'arabic' };
  }
}

/** An ordinal and its comma at a line's start: 第一，, 第二、. */
const ORDINAL_ITEM = /^第([一二三四五六七八九十]{1,3})[，,、]\s*/;

type ArabicItem = { number: number; markerLength: number; label: string | null };

/** The items of blocks [from, to) that are a chapter's sections, by markArabicSections' rules; null when they are none. */
function sectionsAmong(
  blocks: readonly string[],
  marks: readonly (Match | null)[],
  skip: (i: number) => boolean,
  from: number,
  to: number,
  itemAt: (i: number) => ArabicItem | null,
  /**
   * Ordinals (第一，…): sections marked after the first item are its sub-items (第一，… / （一）…), not a reason to read none, and
   * items that each head two paragraphs at least are sections after a lead-in's colon too.
   */
  over = false,
): { i: number; n: number; item: ArabicItem; runIn: boolean }[] | null {
  const found: { i: number; n: number; item: ArabicItem; runIn: boolean }[] = [];
  for (let i = from; i < to; i++) {
    if (marks[i]?.type === 'section' && !(over && found.length)) return null;
    const item = itemAt(i);
    if (!item || skip(i)) continue;
    const b = blocks[i];
    const title = b.slice(item.markerLength).trim();
    // A list that starts again at 1 after two sections at least (the chapter's closing notes) ends them.
    if (item.number === 1 && found.length >= 2) break;
    // Or run into its text after a short head and a full stop (1.主动公开方面。2022年，…; 1.突出重点工作,狠抓信息落实。完善…), as a
    // township's disclosure report prints its sections.
    const runIn = RUN_IN_ITEM.exec(title);
    // An ordinal's head may be one short sentence with its full stop (第一，调整和优化农业结构。, national 1999: the source's
    // bold head on a line of its own).
    const standing = b.length <= 40 && title.length >= 4 && !/[。；;！？!?：:]/.test(over ? b.replace(/。$/, '') : b);
    // A longer item, or a number out of turn, among them: a list.
    if ((!standing && !runIn) || item.number !== (found.at(-1)?.n ?? 0) + 1) return null;
    found.push({ i, n: item.number, item, runIn: !standing && !!runIn });
  }
  if (found.length < 2) return null;
  // After a lead-in that ends in a colon they are a list, but for ordinals standing alone on their lines that each head
  // two paragraphs at least, or that open the chapter (its first three paragraphs): those are the parts it announces
  // (1998's 今年要着重抓好以下工作： / 第一，进一步稳定和加强农业 / …; 2004's 三、加强政府自身建设 / …我们要着力抓好以下几个方面：
  // / 第一，推进政府职能转变。 / its paragraph / …). Points late in a chapter after a colon (1998's 一、: the lessons of five
  // years, 有以下几点体会：) stay its text, under the parts before them.
  const heads = found.every((f, k) => (found[k + 1]?.i ?? to) - f.i >= 3);
  const opening = found[0].i - from <= 2;
  if (/[：:]$/.test(blocks[found[0].i - 1] ?? '') && !(over && found.every((f) => !f.runIn) && (heads || opening))) return null;
  // Each over a paragraph of prose of its own, not a figure (1、地区生产总值 / 300亿元: an indicators' table); a run-in one
  // has its prose after its head. All run in, or none.
  const runIns = found.filter((f) => f.runIn).length;
  if (runIns && runIns < found.length) return null;
  if (!runIns && found.some((f, k) => (found[k + 1]?.i ?? to) - f.i < 2 || !/[。，；,;]/.test(blocks[f.i + 1] ?? ''))) return null;
  return found;
}

/** A block that is one number and nothing else (a table cell on its own line): 23, 0, 1,234, 45.3%, -2.1. */
const BARE_FIGURE = /^[-－]?[0-9０-９][0-9０-９,，.．]*[%％]?$/;

/**
 * Markers that label table rows, not sections or chapters: a section marker between rows of a table
 * ((三)不予公开), and a marker followed by bare figures, or by a short label and then figures, whose
 * cells the text gives one a line (a 政府信息公开 table copied from a page: （一）予以公开 / 20 / 3 / 23).
 * Two figures at least: one bare number after a heading may be a page number copied with the text.
 */
export function unmarkTableLabels(blocks: readonly string[], marks: (Match | null)[], tables: readonly boolean[]): void {
  const nearRow = (from: number, to: number) => tables.slice(Math.max(0, from), Math.max(0, to)).some(Boolean);
  const figure = (b: string | undefined) => b !== undefined && BARE_FIGURE.test(b);
  const label = (b: string | undefined) => b !== undefined && b.length <= 40 && !/[。！？；]/.test(b);
  marks.forEach((m, i) => {
    if (m?.type === 'section' && blocks[i].length <= 40 && nearRow(i - 2, i) && nearRow(i + 1, i + 3)) marks[i] = null;
    else if (
      (m?.type === 'section' || m?.type === 'chapter') &&
      blocks[i].length <= 60 &&
      ((figure(blocks[i + 1]) && figure(blocks[i + 2])) || (label(blocks[i + 1]) && figure(blocks[i + 2]) && figure(blocks[i + 3])))
    )
      marks[i] = null;
  });
}

/** The characters a leader is made of: dots and the like (three at least), or ellipses (two). */
const DOTS = '.．。·_-';
const ELLIPSES = '…⋯';

/**
 * Where a line's leader dots (and the like) begin, when it ends in them: three of . ． 。 · _ -
 * (a space between two allowed) or two of … ⋯, then white space or dots to the end; else -1. A
 * loop from the end: a regex anchored at the end only would try every start (a line of a hundred
 * thousand underscores took seconds).
 */
function leaderStart(line: string): number {
  const space = (c: string) => c === ' ' || c === '\u3000' || c === '\t';
  let end = line.length;
  while (end > 0 && space(line[end - 1])) end--;
  let dots = 0;
  let ellipses = 0;
  let start = -1;
  for (let k = end - 1; k >= 0; k--) {
    const c = line[k];
    if (DOTS.includes(c)) dots++;
    else if (ELLIPSES.includes(c)) ellipses++;
    // One space between two leader characters (. . . 26).
    else if (space(c) && start >= 0 && k > 0 && (DOTS + ELLIPSES).includes(line[k - 1])) continue;
    else break;
    start = k;
  }
  return dots >= 3 || ellipses >= 2 ? start : -1;
}

/** Whether a line ends in leader dots. */
const endsInLeader = (line: string) => leaderStart(line) >= 0;
/** A line without the leader dots it ends in. */
const withoutLeader = (line: string) => {
  const at = leaderStart(line);
  return at >= 0 ? line.slice(0, at) : line;
};
/** A table of contents' line that is leader dots alone (an entry's dots wrapped onto the next line). */
const LEADER_ONLY = /^(?:[.．。·_\-\s]{3,}|[…⋯\s]{2,})[0-9０-９]{0,4}$/;
const CONTENTS_HEAD = /^(?:目\s*录|目\s*次|提\s*纲|contents)[:：]?$/i;
/**
 * 目录, 提纲 or contents (white space in it or not): a short line, told by its length before any work (the line before
 * a heading is most often a paragraph of text, which the white-space fold would copy whole).
 */
const isContentsHead = (line: string) => line.length <= 64 && CONTENTS_HEAD.test(line.replace(/[\s\u3000]+/g, ''));

/**
 * A table of contents' entry: a heading, then leader dots, a tab or spaces and its page number
 * (一、2024年工作回顾……4, 一、2024年工作回顾⇥4), or leader dots alone (a PDF's page number set apart).
 */
function contentsEntry(line: string): { title: string; page: number | null; leader: boolean } | null {
  // An entry ends in its page number or in leader dots (most lines end in neither: told at once).
  const last = line[line.length - 1];
  if (last === undefined || !(/[0-9０-９\s]/.test(last) || (DOTS + ELLIPSES).includes(last))) return null;
  const m = /[0-9０-９]/.test(last) ? /^(.*?)\s*([0-9０-９]{1,4})$/.exec(line) : null;
  if (m && m[1].length >= 2 && m[1].length <= 120) {
    const before = line.slice(0, line.length - m[2].length);
    if (endsInLeader(before)) return { title: withoutLeader(m[1]), page: Number(m[2].normalize('NFKC')), leader: true };
    if (/[\s\u3000]$/.test(before) && m[1].length <= 80) return { title: m[1], page: Number(m[2].normalize('NFKC')), leader: false };
  }
  if (line.length <= 200 && endsInLeader(line)) return { title: withoutLeader(line), page: null, leader: true };
  return null;
}

/** A line of a table of contents: 目录, an entry with leader dots, a heading with its page number, or the dots alone. */
export function isContentsLine(line: string): boolean {
  if (isContentsHead(line) || LEADER_ONLY.test(line)) return true;
  // An entry by its leader dots, or a heading with its page number (not any line that ends in a figure: 浏览次数： 1523).
  const e = contentsEntry(line);
  return !!e && (e.leader || (e.page !== null && classify(e.title) !== null));
}

/**
 * A table of contents at the front (目录, then 一、2024年工作回顾 …… 1): its entries head nothing. A
 * run of entries (a heading and its page number, the numbers never falling; an entry whose leader
 * dots went onto the next line too) counts when it follows a 目录 line, or when it has three entries
 * or more and most of them are headings further on.
 */
export function unmarkContents(blocks: readonly string[], marks: (Match | null)[], end: number): void {
  const key = (s: string) => s.replace(/[\s\u3000]+/g, '');
  const entryAt = (k: number) => {
    const e = contentsEntry(blocks[k]);
    if (e) return e;
    // A heading whose leader dots are the next line, or whose title runs on into it (a long entry wrapped).
    if (k + 1 < end && marks[k] && (LEADER_ONLY.test(blocks[k + 1]) || (!marks[k + 1] && contentsEntry(blocks[k + 1]))))
      return { title: blocks[k], page: null, leader: false };
    return null;
  };
  // The runs first; then one pass over the headings for those that must come again further on.
  const runs: { to: number; run: { at: number; title: string }[]; headed: boolean; outline?: boolean }[] = [];
  let i = 0;
  while (i < end) {
    // An outline under 提纲 or 目录 with no page numbers (提纲: / 一、2022年工作回顾 / (一)聚力稳增长 / …): its headings in a
    // row, which must come again further on.
    // The same with no 提纲 over it, at the text's very start (一、2023年工作回顾 / (一)… / 二、… / 三、…, then the title and the
    // text): four headings in a row at least, two of them chapters, its first coming again further on.
    const atStart = i < 3 && blocks.slice(0, i).every((b) => b.length <= 30 && !/[。；！？，]/.test(b));
    if (marks[i] && !entryAt(i) && (isContentsHead(blocks[i - 1] ?? '') || (atStart && marks[i]?.type === 'chapter'))) {
      const headed = isContentsHead(blocks[i - 1] ?? '');
      const run: { at: number; title: string }[] = [];
      let j = i;
      for (; j < end && marks[j] && blocks[j].length <= 40 && !/[。；！？]/.test(blocks[j]); j++) run.push({ at: j, title: key(blocks[j]) });
      const chapters = run.filter((e) => marks[e.at]?.type === 'chapter').length;
      if (headed ? run.length >= 2 : run.length >= 4 && chapters >= 2) runs.push({ to: j, run, headed: false, outline: true });
      i = Math.max(j, i + 1);
      continue;
    }
    if (!marks[i] || !entryAt(i)) {
      i++;
      continue;
    }
    const run: { at: number; title: string }[] = [];
    let page = 0;
    let j = i;
    for (; j < end; j++) {
      if (LEADER_ONLY.test(blocks[j]) && run.length) continue;
      let e = entryAt(j);
      // One heading whose page number the leader does not reach clearly (…生产力.22), between two entries.
      if (!e && run.length && marks[j] && /[0-9０-９]$/.test(blocks[j]) && j + 1 < end && entryAt(j + 1)) e = { title: blocks[j], page: null, leader: false };
      if (!e || (e.page !== null && e.page < page) || !e.title || /[。；！？]/.test(e.title)) break;
      if (e.page !== null) page = e.page;
      run.push({ at: j, title: key(e.title) });
    }
    const headed = isContentsHead(blocks[i - 1] ?? '') || isContentsHead(blocks[i - 2] ?? '');
    if ((headed && run.length >= 2) || run.length >= 3) runs.push({ to: j, run, headed: headed && run.length >= 2 });
    i = Math.max(j, i + 1);
  }
  // Where each heading's start is last seen, for the lengths of the entries that ask (one pass, not one a run).
  const lengths = new Set(runs.filter((r) => !r.headed).flatMap((r) => r.run.map((e) => e.title.length)));
  const lastAt = new Map<string, number>();
  if (lengths.size)
    for (let k = 0; k < end; k++) {
      if (!marks[k]) continue;
      const b = key(blocks[k]);
      for (const l of lengths) if (b.length >= l) lastAt.set(b.slice(0, l), k);
    }
  for (const { to, run, headed, outline } of runs) {
    // Most of its headings come again further on, as headings; under 提纲, its first (a page's opening may hold no more).
    const again = run.filter((e) => (lastAt.get(e.title) ?? -1) >= to).length;
    if (headed || again >= run.length * 0.6 || (outline && (lastAt.get(run[0].title) ?? -1) >= to)) for (const e of run) marks[e.at] = null;
  }
}

/**
 * The end of a run of items numbered 一、二、三… from block i, one after another, each ending in 。 or ；, two at least and
 * one ending in ； (a heading never does): a list, not chapters. -1 when blocks i… are no such run.
 */
export function listRunEnd(blocks: readonly string[], marks: readonly (Match | null)[], i: number, end: number): number {
  let j = i;
  let semicolon = false;
  for (; j < end; j++) {
    const m = marks[j];
    if (m?.type !== 'chapter' || m.repair || m.number !== j - i + 1) break;
    const last = blocks[j].slice(-1);
    if (!/[。；;]/.test(last)) return -1;
    semicolon ||= last !== '。';
  }
  return j - i >= 2 && semicolon ? j : -1;
}

/**
 * Such a list right after a lead-in that ends in a colon quotes a report's headings (a news page: 报告共分三个部分： /
 * 一、2018年政府工作回顾； / 二、2019年工作安排； / 三、加强政府自身建设。): list items, not chapters.
 */
export function unmarkQuotedLists(blocks: readonly string[], marks: (Match | null)[], end: number): void {
  for (let i = 1; i < end; i++) {
    if (!/[：:]$/.test(blocks[i - 1])) continue;
    const j = listRunEnd(blocks, marks, i, end);
    for (let k = i; k < j; k++) marks[k] = listItem();
  }
}

/**
 * Runs of 一、二、三… that run into their paragraphs, when the report also prints a run of 一、二、…
 * standing alone as headings (the 1988 national report: five price measures 一、继续坚持…，… in the
 * opening, then its chapters 一、牢固树立… on lines of their own): the inline runs are lists, the
 * standalone headings the chapters. A report whose chapters all run into their text is left alone.
 */
export function demoteInlineRuns(blocks: readonly string[], marks: (Match | null)[], end: number): void {
  const runs: number[][] = [];
  for (let i = 0; i < end; i++) {
    const m = marks[i];
    if (m?.type !== 'chapter' || m.repair || m.number === null) continue;
    if (m.number === 1 || !runs.length) runs.push([i]);
    else runs[runs.length - 1].push(i);
  }
  if (runs.length < 2) return;
  // (A heading on a line of its own may be long: 1984's 三、我们任何时候都把维护第三世界国家的权益作为自己的国际义务，…, 76
  // characters; what runs into a paragraph ends a sentence.)
  const alone = (b: string) => b.length <= 100 && !/[。；！？]/.test(b);
  const standalone = runs.filter((r) => r.length >= 2 && r.every((i) => alone(blocks[i])));
  if (!standalone.length) return;
  const firstStandalone = Math.min(...standalone.map((r) => r[0]));
  for (const r of runs) {
    if (r[0] < firstStandalone && r.every((i) => !alone(blocks[i]))) for (const i of r) marks[i] = listItem();
  }
  // A second run of standalone headings from 一 starts a part: its heading is the short line standing
  // alone before it (今后五年建设和改革的目标、方针和任务), when there is one since the run before.
  let parted = false;
  for (let k = 1; k < standalone.length; k++) {
    const from = standalone[k - 1][standalone[k - 1].length - 1] + 1;
    for (let i = standalone[k][0] - 1; i >= from; i--) {
      if (!marks[i] && blocks[i].length >= 6 && blocks[i].length <= 30 && !/[。，,；;：:！？!?]/.test(blocks[i])) {
        marks[i] = unnumberedPart(blocks[i]);
        parted = true;
        break;
      }
    }
  }
  if (!parted) return;
  // A report in such parts has them unnumbered elsewhere too (1988): the one short line standing alone
  // between the opening's first sentence and the first run (过去五年国内工作的基本总结), and after the
  // last run's last heading, a short line between two sentences' ends (关于外交工作, 结束语).
  const sentenceEnd = (b: string | undefined) => b !== undefined && /[。！？!?]$/.test(b);
  const opening: number[] = [];
  let spoken = false;
  for (let i = 0; i < standalone[0][0]; i++) {
    if (spoken && !marks[i] && isPartLine(blocks[i], 6)) opening.push(i);
    spoken ||= sentenceEnd(blocks[i]);
  }
  if (opening.length === 1) marks[opening[0]] = unnumberedPart(blocks[opening[0]]);
  const last = standalone[standalone.length - 1];
  for (let i = last[last.length - 1] + 1; i < end; i++) {
    if (
      !marks[i] &&
      isPartLine(blocks[i], 3) &&
      blocks[i].length <= 12 &&
      !ADDRESS_LINE.test(blocks[i]) &&
      sentenceEnd(blocks[i - 1]) &&
      // (…or the address that opens it: 结束语 / 各位代表：)
      (sentenceEnd(blocks[i + 1]) || ADDRESS_LINE.test(blocks[i + 1] ?? ''))
    ) {
      marks[i] = unnumberedPart(blocks[i]);
    }
  }
}

/** A line that can be an unnumbered part's heading: short, with no sentence's punctuation; Chinese, a year or a quote first. */
function isPartLine(b: string, min: number): boolean {
  return b.length >= min && b.length <= 30 && /^[\u4e00-\u9fff0-9０-９“]/.test(b) && !/[。，,；;：:！？!?《》()（）]/.test(b);
}

/** A salutation on a line of its own (各位代表, 同志们): no part. */
const ADDRESS_LINE = /^(?:各位(?:代表|委员|领导)|同志们)/;

function unnumberedPart(b: string): Match {
  const partKind = /今后|计划|安排|任务|打算|目标/.test(b) ? 'plan' : /过去|回顾|总结|成效|成绩|工作情况/.test(b) ? 'review' : 'other';
  return { type: 'part', number: null, label: null, markerLength: 0, partKind };
}

/**
 * A test of whether a string occurs in `text`, by the suffix automaton of `text` (built in time
 * linear in its length; each test takes the length of the string tested). `text.includes(s)` for
 * each of many lines would take time in their number times the length of the text.
 */
function substringTest(text: string): (s: string) => boolean {
  // The transitions: most states of a text's automaton have one, kept in typed arrays (the
  // collector never scans them); a state's others go into a Map of its own. A Map for every state
  // made a long opening cost a hundred bytes a character.
  const size = 2 * text.length + 2;
  const firstChar = new Int32Array(size).fill(-1);
  const firstTarget = new Int32Array(size);
  const more: (Map<number, number> | undefined)[] = [];
  const link = new Int32Array(size);
  const len = new Int32Array(size);
  const get = (state: number, c: number): number | undefined => (firstChar[state] === c ? firstTarget[state] : more[state]?.get(c));
  const set = (state: number, c: number, to: number) => {
    if (firstChar[state] === -1 || firstChar[state] === c) {
      firstChar[state] = c;
      firstTarget[state] = to;
    } else {
      let m = more[state];
      if (!m) more[state] = m = new Map();
      m.set(c, to);
    }
  };
  let states = 1;
  link[0] = -1;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cur = states++;
    len[cur] = len[last] + 1;
    link[cur] = 0;
    let p = last;
    while (p !== -1 && get(p, c) === undefined) {
      set(p, c, cur);
      p = link[p];
    }
    if (p !== -1) {
      const q = get(p, c)!;
      if (len[p] + 1 === len[q]) link[cur] = q;
      else {
        const clone = states++;
        firstChar[clone] = firstChar[q];
        firstTarget[clone] = firstTarget[q];
        const mq = more[q];
        if (mq) more[clone] = new Map(mq);
        len[clone] = len[p] + 1;
        link[clone] = link[q];
        while (p !== -1 && get(p, c) === q) {
          set(p, c, clone);
          p = link[p];
        }
        link[q] = clone;
        link[cur] = clone;
      }
    }
    last = cur;
  }
  return (s) => {
    let state = 0;
    for (let i = 0; i < s.length; i++) {
      const t = get(state, s.charCodeAt(i));
      if (t === undefined) return false;
      state = t;
    }
    return true;
  };
}
