/**
 * Lines of text to a raw report: the page chrome removed (chrome.ts), the title taken from the
 * first line when it reads as one, and the rest as blocks. Plain text, Word paragraphs and the
 * paragraphs rebuilt from a PDF all come through here, so a title or a 来源： line is found the same
 * way in each.
 */
import { cleanBlock, isBlankText, trimEdges, type BlockHint, type RawItem, unspreadLine } from '../model/index.ts';
import { splitFlattened } from './flattened.ts';
import { chromeNote, isFooterLine, REPORTISH, reportTitleOfLine, stripChrome, withChromeFields, withoutPageJumps } from './chrome.ts';
import { HEADING_START, JoinedLines, MARKER_LINE, MAY_OPEN_HEADING, SENTENCE_END, stopsMidSentence } from './joined.ts';
import { PAGE_NUMBER } from './marks.ts';
import { COMMUNIQUE_CHAPTER } from '../structure/index.ts';
import { joinHardWrapped, withoutLineSpacing, wrapOf } from './wrap.ts';

/** A Party committee before the government that signs with it, on one line: 中共禹王台区委 禹王台区人民政府. */
const PARTY_SIGNS_FIRST =
  /^(?:中共|中国共产党)[\u4e00-\u9fff]{1,20}?(?:委员会|党委|党工委|工委|[省市区县州旗盟镇乡]委)[\s、，,]+(?=[\u4e00-\u9fff]{2,24}(?:人民政府|政府|办事处|管理委员会|管委会)$)/;

/**
 * A line cleaned when it may be a heading's short rest (joinBrokenHeadings takes one of 20 characters at most), else ''
 * without cleaning it: a line that is still over 60 characters after its edges are trimmed is a paragraph.
 */
function shortLine(line: string): string {
  const t = trimEdges(line);
  return t.length <= 60 ? cleanBlock(t) : '';
}

/**
 * A date alone on a line of the front matter: 2017年3月16日, in brackets (（2017年3月16日）), after a dash
 * (——2017年3月16日), after its publisher (紫云自治县统计局 (2022年4月28日)), or with the session it was delivered at (——2024年1月15日在某区第十八届人民代表大会第二次会议上),
 * also with its speaker (…会议上天津市市长张工同志作政府工作报告。).
 */
const FRONT_DATE =
  /^(?:[—–-]{1,2}|[（(](?:[\u4e00-\u9fff、，,]{2,60}[ \u3000]+)?|(?:[\u4e00-\u9fff]{2,30}?(?:统计局|调查队|人民政府|委员会|办公室)[ \u3000]*){1,3}[（(]?)?\s*([0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)\s*(?:[）)]|在[^。，；]{2,40}上(?:[^。，；]{0,30}作[^。，；]{0,12}[报報]告)?。?)?$/;
const CLOSING_DATE = /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月/;

/** A line that holds invisible characters only (with white space, perhaps). */
const ONLY_INVISIBLE = /^[\s\u00a0\u3000]*[\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff][\s\u00a0\u3000\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]*$/;

/**
 * The lines of a text. A line that holds only invisible characters (a zero-width space) is not a
 * paragraph break: it goes, and when the line before it does not end a sentence and the line after
 * it follows at once, the two are one line again (要全面深化各领域改 / U+200B / 革，…).
 */
export function textLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A string split when the text has no CR (most have none): much faster than a regex split.
  let lines = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
  lines = body.includes('\f') ? withoutPageBreaks(lines) : withoutDashedPageNumbers(lines);
  if (!/[\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]/.test(text)) return lines;
  const out = new JoinedLines();
  for (let i = 0; i < lines.length; i++) {
    if (!ONLY_INVISIBLE.test(lines[i])) {
      out.push(lines[i]);
      continue;
    }
    const next = i + 1 < lines.length ? cleanBlock(lines[i + 1]) : '';
    if (out.clean && next && !SENTENCE_END.test(out.tail) && !MARKER_LINE.test(next) && !CLOSING_DATE.test(next)) {
      out.join(next);
      i++;
    }
  }
  return out.lines();
}

/**
 * A text with form feeds (a PDF's text saved by pdftotext, a printout): each feed starts a new page,
 * and the blank lines at a page's end go. Page numbers go where the text has them: alone on the last
 * line of most pages, or else on the first line of most pages, counting the pages (a table's cell at
 * a page's edge stays). The feed is a line break: a paragraph that runs over the
 * page still runs on (a hard-wrapped text is joined later).
 */
/** A page number as 公文 sets it, between dashes (`— 1 —`, `- 12 -`): a page's number wherever it stands. */
const DASHED_PAGE_NUMBER = /^[—–－‒―-]{1,2}\s*([0-9０-９]{1,3})\s*[—–－‒―-]{1,2}$/;

/**
 * A text with no form feeds that still has its page numbers in the flow (a PDF's text copied, the
 * page ends lost): lines of a dashed page number (`— 1 —`) that count up through the text go.
 */
function withoutDashedPageNumbers(lines: string[]): string[] {
  const at: number[] = [];
  const values: number[] = [];
  for (const [i, line] of lines.entries()) {
    const m = line.length <= 16 ? DASHED_PAGE_NUMBER.exec(line.trim()) : null;
    if (m) {
      at.push(i);
      values.push(Number(m[1].normalize('NFKC')));
    }
  }
  if (at.length < 2) return lines;
  let up = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[k - 1] && values[k] - values[k - 1] <= 3) up++;
  if (up < (values.length - 1) * 0.6) return lines;
  const drop = new Set(at);
  return lines.filter((_, i) => !drop.has(i));
}

function withoutPageBreaks(lines: readonly string[]): string[] {
  const pages: string[][] = [[]];
  for (const line of lines) {
    const pieces = line.split('\f');
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) pages.push([]);
      // The feed itself is no line: a piece before or after it that is empty goes.
      if (pieces[k] || pieces.length === 1) pages[pages.length - 1].push(pieces[k]);
    }
  }
  const firstLine = (page: string[]) => page.findIndex((l) => cleanBlock(l));
  const lastLine = (page: string[]) => {
    let i = page.length - 1;
    while (i >= 0 && isBlankText(page[i])) i--;
    return i;
  };
  const isNumber = (page: string[], i: number) => i >= 0 && PAGE_NUMBER.test(cleanBlock(page[i]));
  // Each page that a feed ends has a foot; each page that a feed starts, a head. Page numbers are
  // on most of them, and count the pages: a table's figures at the pages' edges do not.
  const breaks = pages.length - 1;
  const numbered = (where: 'foot' | 'head') => {
    const found: { page: number; value: number }[] = [];
    for (let p = where === 'foot' ? 0 : 1; p < (where === 'foot' ? breaks : pages.length); p++) {
      const i = where === 'foot' ? lastLine(pages[p]) : firstLine(pages[p]);
      if (isNumber(pages[p], i)) found.push({ page: p, value: Number(/\d+/.exec(cleanBlock(pages[p][i]).normalize('NFKC'))?.[0] ?? Number.NaN) });
    }
    if (found.length < breaks * 0.6) return false;
    if (found.length === 1) return !(found[0].value > found[0].page + 3);
    let counting = 0;
    for (let k = 1; k < found.length; k++) if (found[k].value - found[k - 1].value === found[k].page - found[k - 1].page) counting++;
    return counting >= (found.length - 1) * 0.6 || found.every((f) => Number.isNaN(f.value));
  };
  const at = numbered('foot') ? 'foot' : numbered('head') ? 'head' : null;
  const out: string[] = [];
  for (const [p, page] of pages.entries()) {
    let kept = page;
    if (at === 'head' && p > 0 && isNumber(page, firstLine(page))) kept = page.slice(firstLine(page) + 1);
    if (at === 'foot' && p < breaks && isNumber(kept, lastLine(kept))) kept = kept.slice(0, lastLine(kept));
    // The blank lines at a page's end (pdftotext ends each page with one): a paragraph runs on over the page.
    if (p < breaks) kept = kept.slice(0, lastLine(kept) + 1);
    out.push(...kept);
  }
  return out;
}

/** Cells joined by tabs, after some text (a tab that indents is no cell). */
const TABLE_ROW = /\S\t/;

/**
 * In a text whose paragraphs are separated by blank lines, a line that runs on without a blank
 * line is a paragraph broken by its source (Wikisource breaks lines around links): `新建` /
 * `高速铁路` / `投产里程…`, or `一是` / `发行1000亿元…`. Join such fragments back. A line that
 * ends a sentence, a heading line, and a closing date are never joined, unless a title in book marks
 * runs over the break (`三、关于《` / `…纲要（草案）` / `》的说明`).
 */
function joinWrappedLines(lines: string[]): string[] {
  const blank = isBlankText;
  let nonEmpty = 0;
  // Lines that run on: a non-blank line right after another.
  let runOn = 0;
  let before = false;
  for (const line of lines) {
    const here = !blank(line);
    if (here) nonEmpty++;
    if (here && before) runOn++;
    before = here;
  }
  if (nonEmpty < 4) return lines;
  if (runOn / nonEmpty >= 0.5) return joinFragments(lines); // one paragraph a line: only its fragments
  const out = new JoinedLines();
  // A table's row (cells joined by tabs: a Markdown table's, a converter's) is never joined, nor joined to.
  let lastRow = false;
  // A blank line held back after a paragraph that may be cut mid-sentence: a page break (text from a PDF page by
  // page); `surely` when it stops mid-sentence for certain, else the next paragraph must open as a cut word's rest.
  let held: string | null = null;
  let surely = false;
  // Near the top, a report's title line (道县2021年国民经济和社会发展统计公报) is a block of its own: a page's chrome runs
  // on above it (登录 注册 / 您现在所在的位置…) and its fields below, with no blank line between.
  let seen = 0;
  let lastTitle = false;
  for (const line of lines) {
    const c = cleanBlock(line);
    const row = TABLE_ROW.test(line);
    const title = c !== '' && ++seen <= 12 && TITLE_LINE.test(c);
    if (title || lastTitle) {
      if (c) lastTitle = title;
      if (c && held === null) {
        out.push(line, c);
        lastRow = row;
        continue;
      }
    }
    if (held !== null) {
      if (c && !row && continuesAcrossBreak(c) && (surely || CUT_WORD_REST.test(c))) {
        out.join(c);
        held = null;
        continue;
      }
      out.push(held, '');
      held = null;
      lastRow = false;
    }
    if (!c && !lastRow && cutMidSentence(out.head, out.tail)) {
      held = line;
      surely = stopsMidSentence(out.end);
      continue;
    }
    // A title in book marks broken around its link (`三、关于《` / `…纲要（草案）` / `》的说明`) is always joined: no
    // paragraph ends on an open 《 or starts with 》, a heading line's included.
    const inTitle = out.clean && c && (out.tail.endsWith('《') || c.startsWith('》'));
    if (
      !row &&
      !lastRow &&
      (inTitle || (out.clean && c && !SENTENCE_END.test(out.tail) && !MARKER_LINE.test(out.head) && !MARKER_LINE.test(c) && !CLOSING_DATE.test(c)))
    )
      out.join(c);
    else {
      out.push(line, c);
      lastRow = row;
    }
  }
  if (held !== null) out.push(held, '');
  return out.lines();
}

/** A report's title on a line: a year, then the report's name at the line's end, no sentence's punctuation. */
const TITLE_LINE = /^[^。，；：:,;！？]{0,30}(?:19|20)\d{2}\s*年[^。，；：:,;！？]{2,50}(?:报告|報告|公报|公報|年报|年報)$/;

/** A piece of a sentence on a line of its own: a few characters, no marker, not a date, not a label's colon. */
const FRAGMENT_MAX = 6;
/** A line that reads as prose: a comma, a semicolon, a colon with words after it, or a 、 past a heading's (三、). */
const prose = (t: string) => /[，；]|：./.test(t) || t.indexOf('、', 4) >= 0;
/** Sentence punctuation alone on a line: the end of the sentence a piece broke. */
const PUNCTUATION_ONLY = /^[。；，、！？]+$/;

/**
 * In a text of one paragraph a line (a page's text as a scraper takes it), the pieces that a page's
 * inline elements put on lines of their own (a subscript, a bold phrase, a link's words): `…以PM` /
 * `2.5` / `浓度持续下降…`, `…发展的` / `主要目标` / `是：…`, `…“双向` / `揭榜` / `挂帅”的简称…` / `揭榜` / `。`.
 * A short line (FRAGMENT_MAX characters, no colon: `单位：台` is a label) is joined to the line before
 * when that is prose that stops in mid-sentence for certain (joined.ts stopsMidSentence: on a particle,
 * a comma, an open quote; not a caption, a glossary's head or a table's cell), and when the line after it goes on the
 * sentence (a line of prose, or its closing punctuation): a table set a cell a line (`申请人情况` /
 * `自然人` / …, `（二）部分公开…` / `5` / `1`) has short lines in a row and stays as it is. Headings, session
 * lines, table rows, dates, salutations (`各位代表：`) and a page's footer (`打印本页`) are never joined.
 */
function joinFragments(lines: string[]): string[] {
  // Lines are cleaned only when a rule asks (most lines of a long text are not asked).
  const cleaned: (string | undefined)[] = new Array(lines.length);
  const cleanAt = (k: number) => (cleaned[k] ??= cleanBlock(lines[k]));
  const plainAt = (k: number) => {
    const c = cleanAt(k);
    return c !== '' && !TABLE_ROW.test(lines[k]) && !MARKER_LINE.test(c) && !CLOSING_DATE.test(c) && !HEADING_START.test(c) && !isFooterLine(c);
  };
  /** The next line that is not blank, after line k. */
  const nextAt = (k: number) => {
    let j = k + 1;
    while (j < lines.length && cleanAt(j) === '') j++;
    return j;
  };
  const out: string[] = [];
  // The pieces of the last line of `out` while fragments join it, and its last two characters.
  let pieces: string[] | null = null;
  let tail = '';
  // The last line may take a fragment: prose (a comma, or 12 characters and no marker) that ends no sentence.
  let open = false;
  // A fragment was just joined: the next line goes on the sentence, unless it opens otherwise.
  let afterFragment = false;
  for (let k = 0; k < lines.length; k++) {
    const plain = open && plainAt(k);
    let fragment = false;
    if (plain) {
      const c = cleanAt(k);
      if (c.length <= FRAGMENT_MAX && !/[：:\s]/.test(c)) {
        if (PUNCTUATION_ONLY.test(c)) fragment = true;
        else if (/[\u3400-\u9fff0-9０-９]/.test(c)) {
          // Figures alone go on a unit's letters only (PM / 2.5, SO / 2): a cell's figure stays a cell.
          const figuresOnly = /^[0-9０-９.．]+$/.test(c);
          const n = nextAt(k);
          const goesOn = n < lines.length && plainAt(n) && (cleanAt(n).length > FRAGMENT_MAX || PUNCTUATION_ONLY.test(cleanAt(n)));
          fragment = goesOn && (!figuresOnly || /[A-Za-z]$/.test(tail));
        }
      }
    }
    if ((fragment || (afterFragment && plain)) && !SENTENCE_END.test(tail)) {
      const c = cleanAt(k);
      // The line before is the last of `out` (a blank line takes no fragment).
      pieces ??= [cleanAt(k - 1)];
      pieces.push(c);
      tail = (tail + c).slice(-2);
      afterFragment = fragment && !PUNCTUATION_ONLY.test(c);
      continue;
    }
    if (pieces) {
      out[out.length - 1] = pieces.join('');
      pieces = null;
    }
    out.push(lines[k]);
    afterFragment = false;
    // Only a line with ideographs may take a fragment: it is cleaned and asked.
    open = /[\u3400-\u9fff]/.test(lines[k]);
    if (open) {
      const c = cleanAt(k);
      tail = c.slice(-2);
      // …and stops in mid-sentence for certain: a line that only lacks its 。, a caption (表8 …增长速度), a glossary's
      // head (…名词解释) or a table's cell (…10万人) takes no fragment.
      open = !TABLE_ROW.test(lines[k]) && !/^[—–-]/.test(c) && (prose(c) || (c.length >= 12 && !MARKER_LINE.test(c))) && stopsMidSentence(c.slice(-24));
    }
  }
  if (pieces) out[out.length - 1] = pieces.join('');
  return out;
}

/**
 * A paragraph that a page break may have cut (`…努力让政务信息“看` / blank / `得懂、用得上、易监督”。`): long prose
 * (40 characters or more, with commas) whose last character is an ideograph, a comma or an open quote or bracket, not
 * a sentence's end. A heading is shorter or has no commas. It is joined to the next when it stops in mid-sentence for
 * certain (stopsMidSentence), or when the next opens as a cut word's rest (`操，赋能…`): a paragraph that only lacks
 * its 。 and a running header between pages stay apart.
 */
function cutMidSentence(head: string, tail: string): boolean {
  return (
    head.length >= 40 && /[，、；]/.test(head) && !MARKER_LINE.test(head.slice(0, 8).replace(/^\d{4}\s*年/, '')) && /[\u3400-\u9fff“‘《（，、]$/.test(tail)
  );
}

/** The rest of a word a break cut, at a paragraph's start: a particle (得懂、…), or one character and a comma (操，赋能…). */
const CUT_WORD_REST = /^(?:[的地得着了过们]|[\u3400-\u9fff][，、；])/;

/** The rest of such a paragraph after the break: no marker, no date, no heading's start; it opens with an ideograph or a comma. */
function continuesAcrossBreak(c: string): boolean {
  return !MARKER_LINE.test(c) && !CLOSING_DATE.test(c) && !HEADING_START.test(c) && /^[\u3400-\u9fff，、；：”’》）]/.test(c);
}

/** The paragraphs of plain text: hard-wrapped lines joined at their width, else fragments joined (joinWrappedLines). */
function joinTextLines(lines: string[]): string[] {
  // Double-spaced lines are read without the spacing when they are hard-wrapped.
  const unspaced = withoutLineSpacing(lines);
  const wrap = unspaced !== lines ? wrapOf(unspaced) : null;
  if (wrap) return joinHardWrapped(unspaced, wrap);
  const plain = wrapOf(lines);
  return plain ? joinHardWrapped(lines, plain) : joinWrappedLines(lines);
}

/** lineShape's answers (0: not yet asked). */
const OTHER = 1;
const SIBLING = 2;
const STOP = 3;
/** A marker that ends the search for a chapter's heads: a chapter's, a section's, an item's (1. 1、 （1）), an appendix's. */
const SEARCH_STOP =
  /^(?:[（(][一二三四五六七八九十0-9０-９]+[)）]|[一二三四五六七八九十]+[、.﹑]|第[一二三四五六七八九十]+[章部节]|[0-9０-９]{1,2}[.．、]|附件|附表|附录|名词解释|注释)/;
/** A photo's caption: 图为…, 图：…, ▲…. */
const CAPTION_START = /^(?:图为|图[：:]|[▲△])/;
/**
 * Line k as the search for a chapter's heads sees it: a marker that stops it (STOP), a short line of ideographs alone
 * (4–20, no caption) before a paragraph of sentences (SIBLING), or anything else.
 */
function lineShape(lines: readonly string[], k: number): number {
  const raw = lines[k];
  if (raw.length > 80) return OTHER;
  const t = shortLine(raw);
  if (!t) return OTHER;
  if (SEARCH_STOP.test(t)) return STOP;
  if (t.length < 4 || t.length > 20 || !CONTINUATION.test(t) || CAPTION_START.test(t)) return OTHER;
  return proseAfter(lines, k) ? SIBLING : OTHER;
}

/** Whether the text resumes after line k (one blank line between allowed): a paragraph of sentences, 20 characters at least. */
function proseAfter(lines: readonly string[], k: number): boolean {
  let m = k + 1;
  if (m < lines.length && isBlankText(lines[m])) m++;
  const after = m < lines.length ? cleanBlock(lines[m]) : '';
  return after.length >= 20 && /[。，；]/.test(after);
}

/**
 * A numbered heading that its source broke into two paragraphs or lines (Word: `三、持续提升政府` /
 * `治理效能和服务水平`): a short heading that does not end in punctuation, followed (after at most one
 * blank line) by a short run of ideographs with no punctuation and no marker of its own, then by a
 * paragraph of sentences (not a table's caption and cells: `三、收到和处理…申请情况` / `申请人情况`), is one heading.
 * Hints follow their lines (the heading keeps its own).
 */
function joinBrokenHeadings(lines: string[], hints: (BlockHint | undefined)[] | null): { lines: string[]; hints: (BlockHint | undefined)[] | null } {
  const out: string[] = [];
  // Each line's shape for the heads' search (lineShape), found once: the search looks ahead from every broken heading.
  const shapes = new Uint8Array(lines.length);
  const outHints: (BlockHint | undefined)[] | null = hints ? [] : null;
  for (let i = 0; i < lines.length; i++) {
    // Most lines open with no marker: told at once, before a line is cleaned.
    const c = MAY_OPEN_HEADING.test(lines[i]) ? cleanBlock(lines[i]) : '';
    // A heading broken after its open bracket (`（` / `三）改革开放持续深化…`, a page's markup around the bracket).
    if (c === '（' || c === '(') {
      let j = i + 1;
      if (j < lines.length && isBlankText(lines[j])) j++;
      const next = j < lines.length ? cleanBlock(lines[j]) : '';
      if (/^[一二三四五六七八九十]{1,3}[)）]/.test(next)) {
        out.push(c + next);
        outHints?.push(hints?.[j]);
        i = j;
        continue;
      }
    }
    // A marker alone on its line over its heading's words on the next (一、 / 2022年工作回顾: the two in elements of their own):
    // one heading. Not over a sentence (一、 / 初步核算，…。: the page lost the heading's words), nor over another marker.
    if (BARE_MARKER.test(c)) {
      let j = i + 1;
      if (j < lines.length && isBlankText(lines[j])) j++;
      const next = j < lines.length ? cleanBlock(lines[j]) : '';
      if (next && next.length <= 40 && !/[。；;！？!?，,]/.test(next) && !HEADING_START.test(next) && /^[\u4e00-\u9fff“《0-9０-９]/.test(next)) {
        out.push(c + next);
        // (The words' hint, a heading's style, as for a heading broken after its bracket.)
        outHints?.push(hints?.[j] ?? hints?.[i]);
        i = j;
        continue;
      }
    }
    if (c.length <= 30 && HEADING_START.test(c) && !HEADING_END_PUNCT.test(c)) {
      let j = i + 1;
      if (j < lines.length && isBlankText(lines[j])) j++;
      const next = j < lines.length ? shortLine(lines[j]) : '';
      // A heading of one character is none: a table's row label broken at its cell's width (（三）不 / 予公开,
      // 政府信息公开's standard table from a PDF), whatever follows (a heading of two, 一、综合, is).
      const stub = () => c.length - (HEADING_START.exec(c)?.[0].length ?? 0) <= 1;
      // …and the text resumes after it: a paragraph of sentences, not a table's caption or cells.
      const resumes = () => proseAfter(lines, j);
      // A heading whole as it is: a communiqué's chapter name, also spread out (一、综  合 / 经济总量: a section's name under it).
      // Unless the next line goes on with a conjunction (三、工业 / 和建筑业: 工业和建筑业).
      const whole = () =>
        !/^[和及与][\u4e00-\u9fff]{1,5}$/.test(next) && WHOLE_HEADING.test(c.slice(HEADING_START.exec(c)?.[0].length ?? 0).replace(/[ \u3000]+/g, ''));
      // …and not the first of the chapter's heads, whose bold was lost: two more lines of its shape further on under the
      // heading, each a short line of ideographs alone before the text again (一、本届政府开局之年的工作 / 综合经济实力进一步增强 /
      // … / 城市面貌发生较大改观 / … / 改革开放取得新的进展 / …). Up to the next marker (一、, （一）, 1., （1）), an appendix's
      // or a glossary's head, within 200 lines; a photo's caption (图为…) is none.
      const sibling = () => {
        let found = 0;
        for (let k = j + 1, n = 0; k < lines.length && n < 200; k++, n++) {
          const kind = (shapes[k] ||= lineShape(lines, k));
          if (kind === STOP) return false;
          if (kind === SIBLING && ++found >= 2) return true;
        }
        return false;
      };
      if (
        next &&
        next.length <= 20 &&
        c.length + next.length <= 40 &&
        CONTINUATION.test(next) &&
        !HEADING_START.test(next) &&
        (resumes() || stub()) &&
        !whole() &&
        !(next.length >= 4 && !CAPTION_START.test(next) && sibling())
      ) {
        out.push(c + next);
        outHints?.push(hints?.[i]);
        i = j;
        continue;
      }
    }
    out.push(lines[i]);
    outHints?.push(hints?.[i]);
  }
  return { lines: out, hints: outHints };
}

/**
 * The hints of lines cut by splitFlattened: a line it kept keeps its hint; the pieces of a line it cut have none (their
 * one paragraph's style says nothing of each piece). The pieces come in order, each inside the line it was cut from.
 */
function hintsThroughSplit(lines: readonly string[], hints: readonly (BlockHint | undefined)[], split: readonly string[]): (BlockHint | undefined)[] {
  const out: (BlockHint | undefined)[] = [];
  let i = 0;
  for (const piece of split) {
    while (i < lines.length && lines[i] !== piece && !lines[i].includes(piece)) i++;
    const kept = i < lines.length && lines[i] === piece;
    out.push(kept ? hints[i] : undefined);
    if (kept) i++;
  }
  return out;
}

/**
 * A date alone on a line of the front matter (黔东南州统计局 / 2017年3月16日), before the first
 * sentence or heading: when the document was published, for a source that gives no date. The line
 * stays in the body.
 */
export function frontMatterDate(blocks: readonly string[]): string | null {
  for (const l of blocks.slice(0, 8)) {
    const c = cleanBlock(l);
    const d = FRONT_DATE.exec(c);
    if (d) return d[1];
    // A title line (2023年开州区…统计公报, which opens like a year's heading) is no heading of the text: look on.
    if ((c.length >= 20 && /[。，；]/.test(c)) || (MARKER_LINE.test(c) && !TITLE_LINE.test(c))) return null;
  }
  return null;
}

/** joinBrokenHeadings over a page's blocks (HTML: a Word document saved as a page keeps Word's two paragraphs). */
export function joinBrokenHeadingBlocks(blocks: string[]): string[] {
  return joinBrokenHeadings(blocks, null).lines;
}

const HEADING_END_PUNCT = /[。，；：:！？!?,;、]$/;
/** A chapter's or a section's marker alone: 一、, 第二部分, （三）. */
const BARE_MARKER = /^(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}部分|[（(][一二三四五六七八九十]{1,3}[)）])$/;
/** A communiqué's chapter name, whole (structure's COMMUNIQUE_CHAPTER: 综合, 农业, 工业和建筑业, 人民生活和社会保障…). */
const WHOLE_HEADING = new RegExp(`^${COMMUNIQUE_CHAPTER}$`);
/** The rest of a broken heading: ideographs (and quotes, book marks) only. */
const CONTINUATION = /^[\u4e00-\u9fff“”‘’《》]+$/;

/** A CJK ideograph (U+4E00–U+9FFF), by code unit. */
const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * An official document's number line (南府报〔2019〕3号): metadata above the title, not the title. A
 * report to a higher office names its signer on the same line (南府报〔2019〕3号　签发人：张三).
 */
/** A label set above a document's title (`正文`, `全文`). */
const LABEL_LINE = /^(?:正\s*文|全\s*文)$/;
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,10}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号(?:\s*签发人\s*[:：].{1,20})?$/;

/** A site's column name printed above an article: a report type's generic name alone. */
const BARE_COLUMN = /^(?:工作|统计|年度)?(?:报告|公报|年报|总结)$/;
/** A site's column over its articles (政府信息公开, 法治政府建设, 统计信息): it names no report, and is no title. */
const SITE_COLUMN = /^(?:政府信息公开|政务公开|信息公开|法治政府建设|统计信息|统计数据|规划计划|政策文件|通知公告)$/;

export interface LinesOptions {
  /** Join lines that a source wrapped inside a paragraph (plain text); Word and PDF paragraphs are whole already. */
  joinWrapped: boolean;
  /** Hints parallel to the lines (Word: tables, bold, heading styles). */
  hints?: (BlockHint | undefined)[];
}

/** How the name of a place or a body ends: 省, 州, 旗, 人民政府, 统计局, 管委会, 办事处. */
const ISSUER_END =
  /(?:省|市|县|区|旗|盟|州|乡|镇|街道|政府|局|厅|委员会|委|办公室|办公厅|管委会|办事处|院|署|所|中心|支行|分行|海关|支队|大队|分局|生态城|集团|公司)$/;
/** A title and a date in brackets after it, as a site lists its pages: …情况报告 (2025-03-26), …报告（2023-01-20）. */
const TITLE_DATE =
  /^(.{4,80}?(?:报告|公报|总结|情况))\s*[（(]\s*((?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[01]\d[0-3]\d))\s*[)）]$/;
/** A title and a site's date after it, set apart by a space: …法治政府建设工作情况报告 2025-02-28. */
const TITLE_BARE_DATE = /^(.{4,80}?(?:报告|公报|总结|情况))\s+((?:19|20)\d{2}-\d{1,2}-\d{1,2})$/;
/** A date as TITLE_DATE finds it, as a date parses: 20230208 → 2023-02-08 (the others parse as they are). */
const titleDate = (d: string) => (/^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d);
/** A line that opens with a body's name and then a year: 四川省交通运输厅2024年…, 某县人民政府2023年…. */
const BODY_FIRST = /^[\u4e00-\u9fff]{2,24}?(?:省|市|县|区|旗|州|盟|政府|厅|局|委员会|委|办公室|办公厅|管委会|办事处)\s*(?:19|20)\d{2}\s*年/;

/** A report from lines of text: the chrome removed, the first line the title when it reads as one. */
export function linesToItem(input: readonly string[], options: LinesOptions): RawItem {
  // Hints travel with their lines through the chrome removal: index them by the line's string object.
  const hinted = options.hints ? input.map((l, i) => ({ l, h: options.hints?.[i] })) : null;
  const chrome = stripChrome(input);
  let hints: (BlockHint | undefined)[] | null = null;
  if (hinted) {
    // stripChrome keeps the kept lines in order: walk both lists.
    hints = [];
    let j = 0;
    for (const l of chrome.lines) {
      while (j < hinted.length && hinted[j].l !== l) j++;
      hints.push(hinted[j]?.h);
      j++;
    }
  }
  // A newspaper's page-jump notes (（下转第四版）（紧接第一版）) go from the text; the line stays where it was.
  const lines = chrome.lines.map(withoutPageJumps);
  const nextLine = (from: number) => {
    let k = from;
    while (k < lines.length && isBlankText(lines[k])) k++;
    return k;
  };
  /** Past the lines from `from` that spell `title` again (up to three, spaces aside); else null. */
  const afterSpelled = (title: string, from: number): number | null => {
    const key = title.replace(/\s+/g, '');
    let spelled = '';
    for (let k = from, n = 0; k < lines.length && n < 3 && spelled.length < key.length; k = nextLine(k + 1), n++) {
      spelled += cleanBlock(lines[k]).replace(/\s+/g, '');
      if (spelled === key) return k + 1;
      // Its last line a bare type (情况报告), which the chrome took for a site's column: the rest spells it.
      if (spelled.length >= 8 && key.startsWith(spelled) && /^(?:工作|情况|年度)*(?:报告|公报)$/.test(key.slice(spelled.length))) return k + 1;
    }
    // Its issuer's line alone (醴陵市人民政府办公室 / [2021年政府信息公开工作报告, taken as the page's title line]): it goes too.
    const head = cleanBlock(lines[from] ?? '').replace(/\s+/g, '');
    if (head.length >= 4 && head.length < key.length && key.startsWith(head) && ISSUER_END.test(head) && /^(?:19|20)\d{2}/.test(key.slice(head.length)))
      return from + 1;
    return null;
  };
  const front: number[] = [];
  let first = nextLine(0);
  // A label above the document (`正文`, as a PDF converter or a site's tab writes it) is no title; it stays in the body.
  if (LABEL_LINE.test(cleanBlock(lines[first] ?? ''))) {
    front.push(first);
    first = nextLine(first + 1);
  }
  // 公文 layout: the document number comes first; it stays in the body, the title is below it.
  if (DOC_NUMBER.test(cleanBlock(lines[first] ?? ''))) {
    front.push(first);
    first = nextLine(first + 1);
  }
  let title: string | null = null;
  // The line the title was read from, when the title is only a part of it (a browser's title: …报告_某某网).
  let titleLine: string | undefined;
  // Whether the title was read from the text's first line (not a title field): a date after it on that line is its page's.
  let fromLine = false;
  // A page's title line copied with the page (…报告|大力_网易订阅, 全文来了！…报告): its report's part.
  // A site's date after the title (…情况报告 (2025-03-26)): the page's date, no part of the title.
  const firstLine = cleanBlock(lines[first] ?? '');
  const dated = TITLE_DATE.exec(firstLine) ?? TITLE_BARE_DATE.exec(firstLine);
  const candidate = reportTitleOfLine(dated ? dated[1] : firstLine);
  let hasMore = false;
  for (let k = first + 1; k < lines.length && !hasMore; k++) hasMore = !isBlankText(lines[k]);
  const readsAsTitle =
    candidate &&
    hasMore &&
    candidate.length <= 80 &&
    !hints?.[first]?.table &&
    !/[。！？!?：:；;，,]$/.test(candidate) &&
    !HEADING_START.test(candidate) &&
    !/^(?:目\s*录|目\s*次)$/.test(candidate) &&
    // A page's placeholder while it loads (页面载入中..., 正在加载), copied with its text.
    !/^(?:页面)?(?:正在)?(?:载入|加载)中/.test(candidate) &&
    // A date and a speaker in brackets ((2006年2月8日 黄智权), a collection's line over each province's report): its session, no title.
    !/^[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^（）()]{0,12}[)）]$/.test(candidate) &&
    !SITE_COLUMN.test(candidate.replace(/\s+/g, '')) &&
    // A section's name above the text (引言, 前言, 概述): a heading of the report, not its title.
    !/^(?:引\s*言|前\s*言|序\s*言|概\s*述|摘\s*要|总体情况|總體情況)$/.test(candidate) &&
    // A title names something in words: `2024 [1]` (a PDF's title lost, a footnote mark left) is none;
    // a title spaced out across its line (政 府 工 作 报 告) is one.
    /[\u3400-\u9fffA-Za-z]{2}/.test(candidate.replace(/[\s\u3000]+/g, '')) &&
    // A part's heading (2018年法治政府建设工作情况, 某县人民政府2019年工作计划) is no title; a body's report of its year of 法治 is
    // (四川省交通运输厅2024年法治政府部门建设工作情况).
    !(
      /^(?:\d{4}\s*年)?[^。]{0,30}(?:工作情况|工作计划)$/.test(candidate) &&
      !(BODY_FIRST.test(candidate) && /法治政府(?:部门)?建设(?:工作)?情况$/.test(candidate))
    );
  // A title field above the text (标题：平潭县人民政府2011年…年度报告, a crawler's or a CMS's header) is the title when it
  // names a report and the text's first line does not (a text run onto one line, a body with no title line): the text's
  // own title wins over a field that may name the page (…_某某县人民政府, 关于公布…的通知).
  const field = chrome.titleLine ? reportTitleOfLine(cleanBlock(chrome.titleLine)) : '';
  // A site's column above the text (工作报告) is no title of the text's own.
  const own = readsAsTitle && REPORTISH.test(candidate) && !BARE_COLUMN.test(candidate.replace(/\s+/g, ''));
  if (field && field.length <= 80 && REPORTISH.test(field) && !own) {
    title = field;
    // The text's own title lines, when they spell the field (某县人民政府 / 2024年…年度报告, 政 府 工 作 报 告), go with it.
    first = afterSpelled(field, first) ?? first;
  } else if (readsAsTitle) {
    title = candidate;
    fromLine = true;
    const whole = firstLine;
    first++;
    // What the rules ask of the title, kept as it grows (a title joined from thousands of pieces
    // is never searched again from its start): a report word, a digit, its length and last character.
    let reportWord = /报告|情况|总结/.test(candidate);
    let reportish = REPORTISH.test(candidate);
    let digit = /\d/.test(candidate);
    let length = candidate.length;
    // The last piece joined (its last character is the title's).
    let last = candidate;
    const pieces = [candidate];
    for (;;) {
      const next = nextLine(first);
      // A line set out across its width (统 计 公 报, as a PDF's cover sets the title's last line) is read without its spaces.
      const piece = unspreadLine(cleanBlock(lines[next] ?? ''));
      // A title broken over lines by its source (政府工作报 / 告), an issuer line followed by
      // 关于…的报告, or by the year and the report (黔东南苗族侗族自治州 / 2016年…统计公报): join the rest back.
      const tail =
        piece.length <= 2 &&
        /^[\u4e00-\u9fff]{1,2}$/.test(piece) &&
        isCjk(last.charCodeAt(last.length - 1)) &&
        (!reportish || REPORTISH.test(last.slice(-1) + piece));
      // The type may be followed by a note in brackets: …计划（草案）, …意见（试行）.
      const about = !reportWord && /^关于.{2,60}(?:报告|情况|总结|意见)(?:[（(][\u4e00-\u9fff]{1,6}[)）])?$/.test(piece);
      // The rest of a title cut at the page's width (2025 年上海市人民政府办公厅政府信息公开 / 工作年度报告): a few
      // Chinese characters that end in the report word the title lacks.
      const rest =
        !reportWord &&
        !reportish &&
        // The first line is a title's head: its year, cut after a Chinese character; the piece is no title of its own.
        /(?:19|20)\d{2}/.test(candidate) &&
        isCjk(last.charCodeAt(last.length - 1)) &&
        piece.length <= 12 &&
        /^[\u4e00-\u9fff]{2,12}$/.test(piece) &&
        /(?:报告|公报|总结)$/.test(piece) &&
        !/^(?:政府|国民经济|法治|关于)/.test(piece);
      // The line above names a place or a body (黔东南苗族侗族自治州, 某县人民政府, …中心支行): not a site's link or label (…官方入口,
      // 跳转到内容, 工作动态, (欢迎您)注销).
      const yearTitle =
        !reportish &&
        !digit &&
        length <= 30 &&
        ISSUER_END.test(last) &&
        /^(?:19|20)\d{2}\s*年(?:.{2,60}(?:报告|公报|总结|要点|计划)|度?.{0,20}?法治政府(?:部门)?建设(?:工作)?情况)(?:[（(][\u4e00-\u9fff]{1,6}[)）])?$/.test(
          piece,
        );
      if (!tail && !about && !yearTitle && !rest) break;
      // A word across the join (报 / 告) is seen in the last character and the piece; once a word
      // is seen, no seam is made again (a title joined from a million pieces).
      if (!reportWord || !reportish) {
        const seam = last.slice(-1) + piece;
        reportWord ||= /报告|情况|总结/.test(seam);
        reportish ||= REPORTISH.test(seam);
      }
      digit ||= /\d/.test(piece);
      length += piece.length;
      last = piece;
      pieces.push(piece);
      first = next + 1;
    }
    title = pieces.join('');
    if (whole !== candidate) titleLine = [whole, ...pieces.slice(1)].join('');
    // The title again below it, whole or broken over lines (| 某区2025年度法治政府建设情况报告 | / 某区2025年度法治政府建设 / 情况报告): its lines go with it.
    // A title that names no issuer, then the issuer's line (2022年政府信息公开工作年度报告 / 桃江县松木塘镇人民政府, and the title
    // again, which the chrome reader took out as a repeat): the issuer's title; the line goes with it (and the title again).
    // (…and the Party committee that signs with the government before it, 中共禹王台区委 禹王台区人民政府: the government's.)
    const issuerAt = nextLine(first);
    const rawIssuer = cleanBlock(lines[issuerAt] ?? '').replace(PARTY_SIGNS_FIRST, '');
    const issuerLine = rawIssuer.replace(/\s+/g, '');
    if (
      // A disclosure or 法治 report's (a work report's body is its government, never a line's office).
      /^(?:(?:19|20)\d{2}\s*年度?)?(?:政府信息公开|法治政府)/.test(title) &&
      issuerLine.length >= 4 &&
      issuerLine.length <= 30 &&
      !/\d/.test(issuerLine) &&
      // One name, in Chinese (not two set apart by a space, a dash's session or signature line, a speaker).
      /^[\u4e00-\u9fff]/.test(rawIssuer) &&
      !/\S\s+\S/.test(rawIssuer) &&
      ISSUER_END.test(issuerLine) &&
      !SENTENCE_END.test(issuerLine) &&
      // A communiqué's publishers (某县统计局 / 国家统计局某县调查队); a 政务服务 body, which the issuer reader does not take
      // from a title's head (it reads 政务 as the topic).
      !/统计局|调查队|调查总队|政务服务|政务公开/.test(issuerLine)
    ) {
      const again = nextLine(issuerAt + 1);
      // (…also with 关于 before it: 关于2022年度法治政府建设情况的报告.)
      first =
        cleanBlock(lines[again] ?? '')
          .replace(/\s+/g, '')
          .replace(/^关于/, '') === title.replace(/\s+/g, '')
          ? again + 1
          : issuerAt + 1;
      title = issuerLine + title.trim();
    }
    first = afterSpelled(title, nextLine(first)) ?? first;
  }
  // The document number (front) and the lines after the title.
  let bodyLines = front.length ? [...front.map((i) => lines[i]), ...lines.slice(first)] : lines.slice(first);
  // Plain text aligns its columns with runs of tabs: one tab between two cells (the empty cells of a table's row are
  // its own readers' to keep).
  if (options.joinWrapped && bodyLines.some((l) => l.includes('\t\t'))) bodyLines = bodyLines.map((l) => (l.includes('\t\t') ? l.replace(/\t{2,}/g, '\t') : l));
  const bodyHints = hints ? [...front.map((i) => hints[i]), ...hints.slice(first)] : null;
  // Plain text: lines a source wrapped are joined, and a text flattened onto one line is cut at its headings. So is a Word
  // document's or a PDF's paragraph that holds a whole flattened text (a page's text pasted into one paragraph): its cut
  // pieces have no hints of their own (a rare text, whose one paragraph had none to give).
  const unflattened = options.joinWrapped ? null : splitFlattened(bodyLines);
  const joined =
    unflattened && unflattened !== bodyLines
      ? joinBrokenHeadings(unflattened, bodyHints && hintsThroughSplit(bodyLines, bodyHints, unflattened))
      : joinBrokenHeadings(options.joinWrapped ? splitFlattened(joinTextLines(bodyLines)) : bodyLines, options.joinWrapped ? null : bodyHints);
  const blocks = joined.lines;
  // The page's time line is when it was published: the item's date, as a feed item's pubDate is.
  const datedTitle = !!title && !!dated && (fromLine || title.startsWith(candidate.slice(0, 6)));
  const date = chrome.dateLine ?? (datedTitle && dated ? titleDate(dated[2]) : null) ?? frontMatterDate(blocks);
  const item: RawItem = { title, link: chrome.linkLine ?? null, date, blocks, diagnostics: chromeNote(input, chrome.lines) };
  if (titleLine !== undefined) item.titleLine = titleLine;
  if (datedTitle && dated && /年/.test(dated[2])) item.titleDate = dated[2];
  if (joined.hints?.some((h) => h)) item.hints = joined.hints;
  return withChromeFields(item, chrome);
}
