/**
 * Plain text: one report per file. The page chrome of scraped web text is removed, the first line
 * is the title when it reads as one, and paragraphs are lines, or blank-line separated blocks whose
 * broken lines are joined back (lines.ts). Markdown reads as the text it marks up (markdown.ts).
 */
import type { SourceFormatSpec } from '../registry.ts';
import { linesToItem, textLines } from '../lines.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { fromMarkdown } from '../markdown.ts';

/** A character that R wrote as its code point (`<U+00A0>`: R on Windows, writing text it could not encode). */
const R_ESCAPE = /<U\+([0-9A-Fa-f]{4,6})>/g;

/** A page's marker as an OCR pipeline writes it into Markdown: `<!-- Page 7 -->`, `<!-- Page Page 7 -->`, `<!-- 第7页 -->`. */
const PAGE_MARK = /^<!--\s*(?:(?:Page\s*)+\d{1,4}|第\s*\d{1,4}\s*页)\s*-->$/i;
/** What ends a paragraph before a page's marker: a sentence's end, a colon, a closing bracket or quote, a table's bar. */
const RUN_ENDS = /[。！？!?；;：:…）)”」』】|>*#]/;
/** What a paragraph's rest may start with: a Chinese character, a digit, an opening bracket (not a heading, a table, a picture). */
const RUNS_ON = /[\u4e00-\u9fff0-9０-９（(“]/;

/** A heading's or a list item's line: Markdown's #, bold, a numbered heading's marker, 1. 1、（1） 一是, a caption (图1, 表1), a subtitle (——). */
const HEADING_LINE =
  /^(?:#|\*\*|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章部节]|[0-9０-９]{1,2}[.．、]|[（(][0-9０-９]{1,2}[)）]|[一二三四五六七八九十]是|[图表]\s*[0-9０-９]|[—―]{1,2})/;
/** Blank characters between a paragraph and a page's marker: spaces, tabs, U+3000 and line breaks. */
const BLANK = new Set([0x20, 0x09, 0x3000, 0x0a, 0x0d]);

/** The text without its HTML comments (`<!-- -->`, a scraper's: never report text); an unclosed one stays. Linear: each is searched for once. */
function withoutComments(text: string): string {
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    const before = text.slice(at, open);
    at = close + 3;
    // An OCR's page marker on its own line (`<!-- Page Page 7 -->`) in mid-sentence: the text runs on over it, blank
    // lines and all (…商品房销售面积 / <!-- Page 7 --> / （含预售）3644.1万平方米…).
    if (PAGE_MARK.test(text.slice(open, at))) {
      // The blank space around the marker, found by scanning (a pattern anchored at the end would be quadratic).
      let keep = before.length;
      while (keep > 0 && BLANK.has(before.charCodeAt(keep - 1))) keep--;
      let resume = at;
      while (resume < text.length && BLANK.has(text.charCodeAt(resume))) resume++;
      const kept = before.slice(0, keep);
      const lineBreaks = (s: string) => s.includes('\n') || s.includes('\r');
      const last = kept.charAt(kept.length - 1);
      const next = text.slice(resume, resume + 8);
      // The line before is a paragraph's (20 characters at least, no heading's or list's marker, no caption, no
      // subtitle), and the line after runs on (no heading, no salutation).
      const line = kept.slice(Math.max(kept.lastIndexOf('\n'), kept.lastIndexOf('\r')) + 1).trim();
      const paragraph = line.length >= 20 && !HEADING_LINE.test(line);
      if (
        lineBreaks(before.slice(keep)) &&
        lineBreaks(text.slice(at, resume)) &&
        paragraph &&
        !RUN_ENDS.test(last) &&
        RUNS_ON.test(next.charAt(0)) &&
        !HEADING_LINE.test(next) &&
        !/^各位/.test(next)
      ) {
        parts.push(kept);
        at = resume;
        continue;
      }
    }
    parts.push(before);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The lines that are a bar alone (`|`, `｜`), when there are four at least: a flattened table's cell boundaries. */
function withoutBarLines(text: string): string {
  const lines = text.split('\n');
  const bar = (l: string) => /^[ \t]*[|｜][ \t\r]*$/.test(l);
  let n = 0;
  for (const l of lines) if (bar(l) && ++n >= 4) break;
  return n >= 4 ? lines.filter((l) => !bar(l)).join('\n') : text;
}

/** Bars at a line's end that are a layout table's empty cells, not a Markdown row's last few. */
const TRAILING_RUN = 12;

/** Each line without the run of TRAILING_RUN bars or more (spaces between them) at its end: scanned back from the end, linear. */
function withoutTrailingBars(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let end = line.length;
      let bars = 0;
      let cut = end;
      while (end > 0) {
        const c = line.charCodeAt(end - 1);
        if (c === 0x7c || c === 0xff5c) bars++;
        else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
        end--;
        if (bars >= TRAILING_RUN) cut = end;
      }
      // Keep the line's own \r, if any, after what is kept.
      return bars >= TRAILING_RUN ? line.slice(0, cut).trimEnd() + (line.endsWith('\r') ? '\r' : '') : line;
    })
    .join('\n');
}

/** Scraped text without what its tools left in it: R's code points as their characters, HTML comments gone. */
function withoutScrapeMarks(text: string): string {
  let out = text;
  if (out.includes('<U+'))
    out = out.replace(R_ESCAPE, (m, hex: string) => (Number.parseInt(hex, 16) <= 0x10ffff ? String.fromCodePoint(Number.parseInt(hex, 16)) : m));
  if (out.includes('<!--')) out = withoutComments(out);
  // The passes over bars, in this order: a layout table's empty cells at a line's end first (…点击率:【 打印 】 | |||||…, a
  // dozen bars at least: a Markdown row's few empty cells stay); then cells a line, each with its bar (地区生产总值 | / 4710.67 |,
  // withCellBars, which drops the lines of bars between them); last, what bars alone on their lines are left (a table flattened
  // a cell a line with a bar between the cells: 规章 / | / 0 / | / 0): the bars go, the cells stay.
  if (out.includes('||||||')) out = withoutTrailingBars(out);
  if (out.includes(' |')) out = withCellBars(out);
  if (out.includes('\n|')) out = withoutBarLines(out);
  if (out.includes('[/')) out = withoutBbcode(out);
  return withoutJunkTokens(out);
}

/** A unit or a name written in three letters and digits (亿kWh, km2, CO2): never a site's token. */
const UNIT_TOKEN = /^(?:[kMGT]Wh|[kM]VA|[kh]m[23]|m[23]s|CO2|SO2|NO2|NOx|PM2|pH\d)$/;
/** A short token of Latin letters and digits alone on a line, or at a Chinese line's end (pbY, v7R). */
const LINE_TOKEN = /^[ \t]*([A-Za-z0-9]{3})[ \t]*$|[\u4e00-\u9fff：:。，！？)）]([A-Za-z0-9]{3})[ \t]*$/gm;

/**
 * The tokens a document-sharing site (公文搜) strews through a copy to mark it, three letters and digits that mean nothing
 * (`pbY` alone on a line and after `各位代表:pbY`, `一、2020年和十三五工作回顾v7R`): one token, mixed case or with a digit, found
 * at the end of five lines at least, goes wherever it stands apart from other letters and digits. A word (GDP, PM2, APP)
 * is no such token.
 */
function withoutJunkTokens(text: string): string {
  if (text.length < 100) return text;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(LINE_TOKEN)) {
    const t = m[1] ?? m[2];
    if (/[a-z]/.test(t) && (/[A-Z]/.test(t) || /[0-9]/.test(t)) && !UNIT_TOKEN.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let junk: string | null = null;
  for (const [t, n] of counts) if (n >= 5 && (junk === null || n > (counts.get(junk) ?? 0))) junk = t;
  if (junk === null) return text;
  // Every place it stands apart from other letters and digits (…人民代表大会v7R第七次会议…), its lines alone emptied.
  return text.replace(new RegExp(`(?<![A-Za-z0-9])${junk}(?![A-Za-z0-9])`, 'g'), '');
}

/** A forum's markup (BBCode, Discuz!'s raw post: `[align=center][size=3][b]…[/b][/size][/align]`): its tags by name. */
const BBCODE_TAG =
  /\[(\/?)(b|i|u|s|strike|size|color|font|align|backcolor|p|url|quote|code|list|indent|table|tr|td|hr|free|hide|float|sup|sub|email|br|\*)(?:=[^\]\n]{0,160})?\]/gi;
/** A tag whose content is an address or a file, not text: a picture, an attachment, a video. */
const BBCODE_MEDIA = /\[(img|attach|media|flash|audio)(?:=[^\]\n]{0,160})?\][^[\n]{0,2000}\[\/\1\]/gi;
/** The tags that end a block: a paragraph's break. */
const BBCODE_BLOCK = /^(?:align|p|quote|code|list|indent|table|tr|hr|float|br|\*)$/i;

/**
 * The text of a forum post's raw BBCode: a block's end a line break (a table's row too), a cell's end a tab, every other tag gone, pictures and attachments with
 * their addresses. Only a text with three closing tags at least is markup (`[1]`, `[注]` are no tags).
 */
function withoutBbcode(text: string): string {
  let closing = 0;
  BBCODE_TAG.lastIndex = 0;
  for (let m = BBCODE_TAG.exec(text); m && closing < 3; m = BBCODE_TAG.exec(text)) if (m[1]) closing++;
  if (closing < 3) return text;
  return text
    .replace(BBCODE_MEDIA, '')
    .replace(BBCODE_TAG, (_, close: string, name: string) =>
      BBCODE_BLOCK.test(name) && (close || name === '*' || /^(?:br|hr)$/i.test(name)) ? '\n' : close && /^td$/i.test(name) ? '\t' : '',
    );
}

/** A table cell a converter wrote on its own line with a bar after it (`(一)予以公开 |`, `0 |`), or a line of bars only. */
const CELL_BAR = /^([^\n|]*\S)[ \t]+\|[ \t]*$/gm;
const BARS_ONLY = /^[ \t]*\|+[ \t]*$/gm;

/**
 * A table a converter wrote a cell a line, each cell followed by a bar (a page's 信息公开 tables: `信息内容 |` / `规章 |` /
 * `0 |`, with lines of bars between rows): each such line is a table's cell (its bar a tab, as the Word reader joins
 * cells), so that its marker (`(一)予以公开`) heads no section; the lines of bars go. Only when four lines at least are
 * so: a bar at one line's end is the line's.
 */
function withCellBars(text: string): string {
  let n = 0;
  CELL_BAR.lastIndex = 0;
  while (CELL_BAR.exec(text) && ++n < 4);
  // …and lines of bars between the rows (a page whose every line ends in a bar, a layout's, is no such table).
  let bars = 0;
  BARS_ONLY.lastIndex = 0;
  while (BARS_ONLY.exec(text) && ++bars < 2);
  if (n < 4 || bars < 2) return text;
  return text.replace(CELL_BAR, '$1\t').replace(BARS_ONLY, '');
}

export const plainTextFormat: SourceFormatSpec = {
  id: 'text',
  extensions: FORMAT_EXTENSIONS.text,
  sniff: () => true,
  read: (text) => ({ items: [linesToItem(fromMarkdown(textLines(withoutScrapeMarks(text))), { joinWrapped: true })], diagnostics: [] }),
  yearFromFileName: true,
};
