/**
 * Text flattened onto one line: a crawler or a copy that joined a page's paragraphs with a space or with nothing
 * (`…提出意见。一、2023年工作回顾2023年是…（一）经济运行稳中向好…`). Its headings are inside the line, so the
 * structure finds none. A text is taken for flattened when a line of it runs over FLAT characters (no paragraph of a
 * report runs so long) and no other line opens with a chapter's marker (a text with headings on lines of their own
 * keeps its long paragraphs whole). Such a line is cut before each part marker (第一部分) that follows the end of a
 * sentence, a colon or a space, when those run 一, 二, 三… in order (two at least); inside each part, before its
 * chapter markers (一、) under the same rule; inside each chapter, before its section markers (（一）). Nothing else is
 * cut: a paragraph's own enumeration (一是…, 1.), a marker out of order, a reference (`第二十条第（一）项`) and a
 * table's label (`四、结转下年度继续办理`, `（一）予以公开`) stay where they are.
 */
import { parseNumeral } from '../model/index.ts';
import { SPEAKER_TITLE } from '../structure/index.ts';
import { HEADING_START } from './joined.ts';

/** A paragraph's indent inside a line (two ideographic spaces or more), or a run of tabs with the spaces around it. */
const INDENT = /[ \u3000]*\t[\t \u3000]*|\u3000{2,}/g;
/** The length past which a line is taken for flattened text. */
const FLAT = 2000;
/** What may stand right before a heading inside a flattened line: a sentence's end, a colon, a closing quote, a space. */
const BEFORE = String.raw`(?<=^|[。！？：:”」』）)!?\s])`;
const PART_AT = new RegExp(`${BEFORE}第([一二三四五六七八九十]{1,3})部分`, 'g');
const CHAPTER_AT = new RegExp(`${BEFORE}([一二三四五六七八九十]{1,3})、`, 'g');
const SECTION_AT = new RegExp(`${BEFORE}[（(]([一二三四五六七八九十]{1,3})[)）]`, 'g');
const LEVELS = [PART_AT, CHAPTER_AT, SECTION_AT];
/** An attachment's start (附件 1：, 附表): its tables carry markers of their own, and the report's chapters end before it. */
const ATTACHMENT = /(?<=^|[。！？：:\s])附[件表]\s*[0-9一二三]?\s*[：:\s]/;
/** The labels of the 政府信息公开 template's tables, which carry markers of their own (四、结转下年度继续办理). */
const TABLE_LABEL = /^(?:本年新收|上年结转|本年度办理结果|结转下年度|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计)/;

/** The lines, each flattened one cut at its headings; the same array when the text is not flattened. */
export function splitFlattened(lines: string[]): string[] {
  let all = 0;
  let longest = 0;
  let filled = 0;
  for (const l of lines) {
    all += l.length;
    if (l.length > longest) longest = l.length;
    if (l.trim()) filled++;
  }
  // A whole text on one line (a forum post, a copy that lost every break) is flattened from a shorter length: it has no
  // other lines to tell its paragraphs from.
  const flat = filled <= 3 && longest >= 0.9 * all ? ONE_LINE : FLAT;
  // A line that keeps its paragraphs' indents (　　, as the 1954–2021 collections of work reports store a report a line) or
  // its breaks as tabs: cut at them first, and read what that gives.
  if (lines.some((l) => l.length > flat && (l.match(INDENT) ?? []).length >= 3)) {
    return splitFlattened(lines.flatMap((l) => (l.length > flat && (l.match(INDENT) ?? []).length >= 3 ? l.split(INDENT).filter((p) => p.trim()) : [l])));
  }
  let long = 0;
  for (const l of lines) if (l.length > flat) long += l.length;
  // Most of the text on long lines, and no heading on a line of its own: else long paragraphs are a text's own.
  if (!long || long < 0.6 * all) return lines;
  // A heading's marker at a line's start (一、, （一）, 第一章…): a text whose headings are on lines of their own.
  if (lines.some((l) => l.length <= flat && HEADING_START.test(l.trimStart()))) return lines;
  return lines.flatMap((l) =>
    l.length > flat
      ? cut(l, 0, l.length, 0)
          .map((p) => l.slice(p[0], p[1]).trim())
          .filter((p) => p)
          // A text that is one line and nothing else has its title at its start (no line of its own to be read from).
          .flatMap((p, k) => (k === 0 && filled === 1 ? titleApart(p) : [p]))
      : [l],
  );
}

/** The length past which a text on one line (and at most two others) is taken for flattened. */
const ONE_LINE = 400;
/** A flattened text's title at its start, set apart by a space: `2023年宜章县…统计公报 2023年，…`. */
const TITLE_AT_START = /^(\S{4,60}?(?:报告|報告|公报|公報|年报|年報|总结|總結))\s+(?=\S)/;
/** The address to a congress that opens a work report's text (各位代表：), early in a one-line text. */
const ADDRESS_AT = /各位(?:代表|委员)[:：]/;
/** The byline after such a title: the publisher and the date in brackets (紫云自治县统计局 (2022年4月28日) 2021年是…). */
const BYLINE_AT_START =
  /^([\u4e00-\u9fff]{2,30}?(?:局|厅|委员会|办公室|调查队|调查总队|人民政府)(?:\s+[\u4e00-\u9fff]{2,30}?(?:调查队|调查总队))?\s*[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[)）])\s*(?=\S)/;
/** …or a work report's session line and its speaker (2023年1月5日在疏附县第十七届人民代表大会第三次会议上 疏附县人民政府县长 阿卜拉江·萨迪克). */
const SESSION_AT_START = new RegExp(
  String.raw`^((?:[—―－]{1,2}\s*)?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^。，；,;\s]{2,40}?会议上)\s+(?:([\u4e00-\u9fff（）()]{0,24}?${SPEAKER_TITLE}\s*[\u4e00-\u9fff·]{2,10}?)\s+)?(?=\S)`,
);
function titleApart(piece: string): string[] {
  const m = TITLE_AT_START.exec(piece);
  if (m) {
    const rest = piece.slice(m[0].length);
    const byline = BYLINE_AT_START.exec(rest);
    if (byline) return [m[1], byline[1], rest.slice(byline[0].length)];
    const session = SESSION_AT_START.exec(rest);
    if (session) return [m[1], session[1], ...(session[2] ? [session[2]] : []), rest.slice(session[0].length)];
    return [m[1], rest];
  }
  // What stands before the address (綦江县人民政府政府工作报告工作总结各位代表：现在，…): the title and its session line,
  // run into the text.
  // Not after sentences (a news lead: …会议隆重开幕。县长…作政府工作报告。各位代表：…).
  const a = ADDRESS_AT.exec(piece.slice(0, 200));
  return a && a.index >= 4 && !/[。！？!?]/.test(piece.slice(0, a.index)) ? [piece.slice(0, a.index).trim(), piece.slice(a.index)] : [piece];
}

/** The pieces of line[from, to) at `level` and below, as ranges; each piece's heading set apart from its text. */
function cut(line: string, from: number, to: number, level: number): [number, number][] {
  if (level === LEVELS.length) return headingApart(line, from, to);
  // Parts and chapters are looked for before an attachment only (its tables' rows carry 一、 and （一） of their own).
  const attachment = level < 2 ? ATTACHMENT.exec(line.slice(from, to)) : null;
  const end = attachment ? from + attachment.index : to;
  const at = inOrder(line, LEVELS[level], from, end, level === 2 ? from + FIRST_SECTION : -1);
  const bounds = [from, ...at, to];
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < bounds.length; k++) out.push(...cut(line, bounds[k], bounds[k + 1], level + 1));
  return out;
}

/** The most characters a heading of a table of contents takes, its page number and spaces included. */
const CONTENTS = 60;
/** How far into a chapter its first section may start with nothing before it (二、主动公开政府信息情况（一）…). */
const FIRST_SECTION = 40;
/** A heading set apart from its text by a space: `一、 概述 推进…`, `（一）公开的主要内容 2013年新增…`. */
const SPACED_HEADING = /^((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])\s?[^\s。，；：:,;！？]{1,29}[^\s\d。，；：:,;！？])\s+(?=\S)/;
/**
 * A heading run straight into a text that opens with a year and a comma or 是 (`四、固定资产投资2019年，全区…`,
 * `一、2023年工作回顾2023年是…`): the scraper lost the break between them. A year inside a title (`（一）围绕2025年目标`)
 * has neither after it.
 */
const GLUED_HEADING = /^((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])[^。，；：:,;！？]{2,24}?)(?=(?:19|20)\d{2}年(?:[，,]|是))/;
/** A heading never ends on a particle or a preposition (…刚刚过去的 / 2024年，…; …力争到 / 2025年，…): a sentence goes on. */
const OPEN_END = /[的地得到在于至为是和与及将把从向对”“"A-Za-z0-9]$/;

/**
 * line[from, to) as its heading and its text, when it opens with a heading followed by a space (unless a short one
 * is followed by more spaces: `（一）坚持 创新驱动 发展` is a PDF's gaps) or run into a text that opens with a year; else
 * whole.
 */
function headingApart(line: string, from: number, to: number): [number, number][] {
  const head = line.slice(from, Math.min(to, from + 64));
  let m = SPACED_HEADING.exec(head);
  if (m) {
    const rest = line.slice(from + m[0].length, Math.min(to, from + m[0].length + 24));
    // A short heading whose text is spaced out too (`（一）坚持 创新驱动 发展`): a PDF's gaps, not a heading apart. A
    // space inside a sentence (`推进5G 网络建设，`, `粮食总产量 12.5万吨，`): the clause goes on for a few characters.
    const clause = rest.search(/[，,]/);
    // A communiqué's chapter opens with 初步核算， (`一、综合 初步核算，全年…`): a heading apart all the same.
    const lead = /^(?:据|经)?初步核算[，,]/.test(rest);
    if ((m[1].length <= 7 && /\s/.test(rest.slice(0, 6))) || (clause >= 0 && clause < 6 && !lead) || /^\d(?!\d{3}年)/.test(rest)) m = null;
  }
  m ??= GLUED_HEADING.exec(head);
  if (m && OPEN_END.test(m[1])) m = null;
  return m
    ? [
        [from, from + m[1].length],
        [from + m[0].length, to],
      ]
    : [[from, to]];
}

/**
 * The places in line[from, to) where `re`'s markers run 1, 2, 3… in order: the first 一 found starts the run, and each
 * later marker is taken only when it is the next number (or the one after it, a heading the source lost, once a run
 * has two). A 一 that another 一 follows before any 二 gives way to it (a list in the opening), and so does a run of
 * short pieces (a table of contents). A table's label or a
 * numeral's text (一、二季度…) is no heading; a marker after a figure may be (the chapter after a table follows its
 * last figure: `…收费 0 三、收到和处理…`). Fewer than two: none.
 */
function inOrder(line: string, re: RegExp, from: number, to: number, bare: number): number[] {
  // Searched in the range alone: a search of the whole line from each chapter on would be quadratic.
  const range = from === 0 && to === line.length ? line : line.slice(from, to);
  const at: number[] = [];
  let next = 1;
  // The first section may follow its chapter's heading with nothing between (…情况（一）主动公开…), within `bare`.
  // Not a reference to an item (第二十条第（一）项).
  const first = bare > from ? /(?<!第)[（(]一[)）](?!项)/.exec(range.slice(0, bare - from)) : null;
  if (first && !TABLE_LABEL.test(range.slice(first.index + 3, first.index + 12))) {
    at.push(from + first.index);
    next = 2;
  }
  re.lastIndex = at.length ? (first?.index ?? 0) + 3 : 0;
  for (let m = re.exec(range); m; m = re.exec(range)) {
    const n = parseNumeral(m[1]);
    const after = range.slice(m.index + m[0].length, m.index + m[0].length + 8).trimStart();
    // A table's label, or a numeral's text (一、二季度…: a list of numbers, not a heading).
    if (TABLE_LABEL.test(after) || /^[一二三四五六七八九十]/.test(after)) continue;
    // A first 一 that a second one follows before any 二 (a list in the opening: 报告分六个部分：一、…；) gives way to it,
    // and so does a run of short pieces (a table of contents: 目录 一、… 二、… 三、… before the text's own 一、).
    if (n === 1 && !first && at.length && (at.length === 1 || from + m.index - at[0] < CONTENTS * at.length)) {
      at.length = 0;
      at.push(from + m.index);
      next = 2;
      continue;
    }
    // The next number, or the one after it when a source lost a heading (合肥's 统计公报 has no 六、).
    if (n === null || (n !== next && !(n === next + 1 && at.length >= 2))) continue;
    at.push(from + m.index);
    next = n + 1;
  }
  return at.length >= 2 ? at.filter((p) => p > from) : [];
}
