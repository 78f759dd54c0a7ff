/**
 * Text flattened onto one line: a crawler or a copy that joined a page's paragraphs with a space or with nothing
 * (`…提出意见。一、2023年工作回顾2023年是…（一）经济运行稳中向好…`). Its headings are inside the line, so the
 * structure finds none. A line longer than FLAT characters (no paragraph of a report runs so long) is cut before each
 * chapter marker (一、) that follows the end of a sentence, a colon or a space, when those markers run 一, 二, 三… in
 * order (two at least); and, inside each chapter, before its section markers (（一）) under the same rule. Nothing
 * else is cut: a paragraph's own enumeration (一是…, 1.) and a marker out of order stay where they are.
 */
import { parseNumeral } from '../model/index.ts';

/** The length past which a line is taken for flattened text. */
const FLAT = 2000;
/** What may stand before a heading inside a flattened line: a sentence's end, a colon, a closing quote, a space. */
const BEFORE = String.raw`(?<=[。！？：:”」』）)!?]|\s)\s*`;
const CHAPTER_AT = new RegExp(`${BEFORE}([一二三四五六七八九十]{1,3})、`, 'g');
const SECTION_AT = new RegExp(`${BEFORE}[（(]([一二三四五六七八九十]{1,3})[)）]`, 'g');

/** The lines, each flattened one cut at its headings; the same array when no line is that long. */
export function splitFlattened(lines: string[]): string[] {
  if (!lines.some((l) => l.length > FLAT)) return lines;
  return lines.flatMap((l) => (l.length > FLAT ? splitLine(l) : [l]));
}

function splitLine(line: string): string[] {
  const chapters = inOrder(line, CHAPTER_AT, 0, line.length);
  const bounds = chapters.length >= 2 ? [0, ...chapters, line.length] : [0, line.length];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k];
    const to = bounds[k + 1];
    const sections = inOrder(line, SECTION_AT, from, to, from + FIRST_SECTION);
    const cuts = sections.length >= 2 ? [from, ...sections, to] : [from, to];
    for (let j = 0; j + 1 < cuts.length; j++) {
      const piece = line.slice(cuts[j], cuts[j + 1]).trim();
      if (piece) out.push(...headingApart(piece));
    }
  }
  return out;
}

/** How far into a chapter its first section may start with nothing before it (二、主动公开政府信息情况（一）…). */
const FIRST_SECTION = 40;
/** A heading set apart from its text by a space: `一、 概述 推进…`, `（一）公开的主要内容 2013年新增…`. */
const SPACED_HEADING = /^((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])\s*[^\s。，；：:,;！？]{2,30})\s+(?=\S)/;

/**
 * A heading run straight into a text that opens with a year and a comma or 是 (`四、固定资产投资2019年，全区…`,
 * `一、2023年工作回顾2023年是…`): the scraper lost the break between them. A year inside a title (`（一）围绕2025年目标`)
 * has neither after it.
 */
const GLUED_HEADING = /^((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])[^。，；：:,;！？]{2,24}?)(?=(?:19|20)\d{2}年(?:[，,]|是))/;

/** A piece that starts with a heading followed by a space, or run into a text that opens with a year: the two apart. */
function headingApart(piece: string): string[] {
  const m = SPACED_HEADING.exec(piece) ?? GLUED_HEADING.exec(piece);
  return m ? [m[1].trim(), piece.slice(m[0].length).trim()] : [piece];
}

/**
 * The places in line[from, to) where `re`'s markers run 1, 2, 3… in order: the first 一 found starts the run, and each
 * later marker is taken only when it is the next number. Fewer than two: none.
 */
function inOrder(line: string, re: RegExp, from: number, to: number, bare = -1): number[] {
  // Searched in the range alone: a search of the whole line from each chapter on would be quadratic.
  const range = from === 0 && to === line.length ? line : line.slice(from, to);
  const at: number[] = [];
  let next = 1;
  // The first marker may follow its chapter's heading with nothing between (…情况（一）主动公开…), within `bare`.
  const first = bare > from ? /[（(]一[)）]/.exec(range.slice(0, bare - from)) : null;
  if (first) {
    at.push(from + first.index);
    next = 2;
  }
  re.lastIndex = first ? first.index + first[0].length : 0;
  for (let m = re.exec(range); m; m = re.exec(range)) {
    if (parseNumeral(m[1]) !== next) continue;
    // The marker itself, not the space before it.
    at.push(from + m.index + m[0].length - m[0].trimStart().length);
    next++;
  }
  return at.length >= 2 ? at.filter((p) => p > from) : [];
}
