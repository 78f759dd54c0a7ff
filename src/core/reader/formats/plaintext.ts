/**
 * Plain text: one report per file. The first line is the title when it reads as one; paragraphs
 * are lines, or blank-line separated blocks whose broken lines are joined back.
 */
import { cleanBlock, type RawItem } from '../../model/index.ts';
import type { SourceFormatSpec } from '../registry.ts';

const SENTENCE_END = /[。！？!?；;：:…—]$|[。！？!?][”’」』）)]$/;
const MARKER_LINE =
  /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+(?:章|部分)|[0-9０-９]{4}\s*年|[0-9０-９]{1,2}\s*(?:[、)）]|[.．](?![0-9０-９]))|[（(][0-9０-９]{1,2}[)）])/;
const CLOSING_DATE = /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月/;

/**
 * In a text whose paragraphs are separated by blank lines, a line that runs on without a blank
 * line is a paragraph broken by its source (Wikisource breaks lines around links): `新建` /
 * `高速铁路` / `投产里程…`, or `一是` / `发行1000亿元…`. Join such fragments back. A line that
 * ends a sentence, a heading line, and a closing date are never joined.
 */
function joinWrappedLines(lines: string[]): string[] {
  const blank = (l: string) => !cleanBlock(l);
  let nonEmpty = 0;
  let runOn = 0;
  for (let i = 0; i < lines.length; i++) {
    if (blank(lines[i])) continue;
    nonEmpty++;
    if (i + 1 < lines.length && !blank(lines[i + 1])) runOn++;
  }
  if (nonEmpty < 4 || runOn / nonEmpty >= 0.5) return lines; // one paragraph per line: nothing to join
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1] : '';
    const p = cleanBlock(prev);
    const c = cleanBlock(line);
    if (p && c && !SENTENCE_END.test(p) && !MARKER_LINE.test(p) && !MARKER_LINE.test(c) && !CLOSING_DATE.test(c)) {
      out[out.length - 1] = p + c;
    } else out.push(line);
  }
  return out;
}

const HEADING_START = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.]|第[一二三四五六七八九十]+[章部、，])/;

/** An official document's number line (南府报〔2019〕3号): metadata above the title, not the title. */
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,10}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$/;

/** A plain-text report: the first line is the title when it reads as one. */
function parsePlainText(text: string): RawItem {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const nextLine = (from: number) => {
    let k = from;
    while (k < lines.length && !cleanBlock(lines[k])) k++;
    return k;
  };
  const front: string[] = [];
  let first = nextLine(0);
  // 公文 layout: the document number comes first; it stays in the body, the title is below it.
  if (DOC_NUMBER.test(cleanBlock(lines[first] ?? ''))) {
    front.push(lines[first]);
    first = nextLine(first + 1);
  }
  let title: string | null = null;
  const candidate = cleanBlock(lines[first] ?? '');
  const hasMore = lines.slice(first + 1).some((l) => cleanBlock(l));
  if (
    candidate &&
    hasMore &&
    candidate.length <= 80 &&
    !/[。！？!?：:；;，,]$/.test(candidate) &&
    !HEADING_START.test(candidate) &&
    !/^(?:\d{4}\s*年)?[^。]{0,30}(?:工作情况|工作计划)$/.test(candidate)
  ) {
    title = candidate;
    first++;
    for (;;) {
      const next = nextLine(first);
      const piece = cleanBlock(lines[next] ?? '');
      // A title broken over lines by its source (政府工作报 / 告), or an issuer line followed by
      // 关于…的报告: join the rest back.
      const tail = /^[\u4e00-\u9fff]{1,2}$/.test(piece) && /[\u4e00-\u9fff]$/.test(title);
      const about = /^关于.{2,60}(?:报告|情况|总结|意见)$/.test(piece) && !/报告|情况|总结/.test(title);
      if (!tail && !about) break;
      title += piece;
      first = next + 1;
    }
  }
  return { title, link: null, date: null, blocks: [...front, ...joinWrappedLines(lines.slice(first))], diagnostics: [] };
}

export const plainTextFormat: SourceFormatSpec = {
  id: 'text',
  extensions: ['txt'],
  sniff: () => true,
  read: (text) => ({ items: [parsePlainText(text)], diagnostics: [] }),
  yearFromFileName: true,
};
