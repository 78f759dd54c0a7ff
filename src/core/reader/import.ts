/**
 * The entry point of the core: bytes of a source file in, reports out. Never throws:
 * every problem becomes a diagnostic that says what was wrong and where.
 */
import type { Diagnostic, ImportOptions, RawItem, SourceFormat, SourceImport } from '../model/index.ts';
import { decodeBytes, looksBinary } from './decode.ts';
import { parseFeed } from './formats/feed.ts';
import { extractPage } from './formats/html.ts';
import { isFlattenedFeed, parseFlattened } from './formats/flattened.ts';
import { buildReport } from '../structure/index.ts';
import { cleanBlock } from '../model/index.ts';
import { diag, type MessageCode } from '../model/index.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

function extension(source: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(source.split(/[?#]/)[0]);
  return m ? m[1].toLowerCase() : '';
}

/** Which format a decoded text is in. */
export function sniffFormat(text: string, source: string): SourceFormat {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  const lower = head.toLowerCase();
  const xmlish = lower.startsWith('<?xml') || lower.startsWith('<rss') || lower.startsWith('<feed') || lower.startsWith('<rdf') || /^<[\w-]+:feed[\s>]/.test(lower);
  if (xmlish || (lower.startsWith('<') && /<(?:[\w-]+:)?(rss|feed)[\s>]/.test(lower) && !/<html[\s>]/.test(lower))) {
    if (/<(?:[\w-]+:)?feed[\s>]/.test(lower) && !/<rss[\s>]/.test(lower)) return 'atom';
    if (/<(rss|channel|rdf:rdf)[\s>]/.test(lower)) return 'rss';
    if (/<html[\s>]/.test(lower)) return 'html';
  }
  if (/^<(!doctype\s+html|html|head|body|meta|!--|div|p[\s>]|title)/.test(lower) || ['html', 'htm', 'xhtml', 'shtml'].includes(extension(source))) {
    if (/<[a-z!]/.test(lower)) return 'html';
  }
  if (isFlattenedFeed(text)) return 'flattened-feed';
  return 'text';
}

const SENTENCE_END = /[。！？!?；;：:…—]$|[。！？!?][”’」』）)]$/;
const MARKER_LINE = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+(?:章|部分)|[0-9０-９]{4}\s*年|[0-9０-９]{1,2}\s*(?:[、)）]|[.．](?![0-9０-９]))|[（(][0-9０-９]{1,2}[)）])/;
const CLOSING_DATE = /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月/;

/**
 * In a text whose paragraphs are separated by blank lines, a line that runs on without a blank
 * line is a paragraph broken by its source (Wikisource breaks lines around links): `新建` /
 * `高速铁路` / `投产里程…`, or `一是` / `发行1000亿元…`. Join such fragments back. A line that
 * ends a sentence, a heading line, and a closing date are never joined.
 */
export function joinWrappedLines(lines: string[]): string[] {
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

/** A plain-text report: the first line is the title when it reads as one. */
/** An official document's number line (南府报〔2019〕3号): metadata above the title, not the title. */
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,10}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$/;

/** A plain-text report: the first line is the title when it reads as one. */
export function parsePlainText(text: string): RawItem {
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
    candidate && hasMore && candidate.length <= 80 && !/[。！？!?：:；;，,]$/.test(candidate) && !HEADING_START.test(candidate) &&
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

function emptyImport(source: string, format: SourceFormat, code: MessageCode, args: (string | number)[] = []): SourceImport {
  return { source, format, diagnostics: [diag('error', code, args)], reports: [] };
}

/** Imports a source file. `source` is the file's path or URI (used for messages, the format and the fallback title). */
export function importSource(source: string, bytes: Uint8Array, options: ImportOptions = {}): SourceImport {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const ext = extension(source);
  const guess: SourceFormat = ext === 'xml' || ext === 'rss' ? 'rss' : ext === 'atom' ? 'atom' : ext.startsWith('htm') ? 'html' : 'text';
  if (bytes.length > max) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return emptyImport(source, guess, 'tooLarge', [mb(bytes.length), mb(max)]);
  }
  if (bytes.length === 0) return emptyImport(source, guess, 'empty');
  if (looksBinary(bytes)) return emptyImport(source, guess, 'binary');
  let text: string;
  let encodingNote: Diagnostic | null = null;
  let extraNote: Diagnostic | null = null;
  try {
    const d = decodeBytes(bytes);
    text = d.text;
    if (d.via === 'fallback') encodingNote = diag('info', 'gb18030Fallback');
    if (d.via === 'utf-8-repaired') encodingNote = diag('warning', 'utf8Repaired', [d.replaced ?? 0]);
    if (d.via === 'misdeclared') encodingNote = diag('info', 'misdeclared', [d.declared ?? '']);
    if (d.via === 'misdeclared' && d.replaced) extraNote = diag('warning', 'utf8Repaired', [d.replaced]);
  } catch (e) {
    return emptyImport(source, guess, 'undecodable', [(e as Error).message]);
  }
  if (!/[^\s\u00a0\u3000\uFEFF]/.test(text)) return emptyImport(source, guess, 'whitespaceOnly');

  const format = sniffFormat(text, source);
  const diagnostics: Diagnostic[] = [encodingNote, extraNote].filter((d): d is Diagnostic => d !== null);
  let items: RawItem[] = [];
  try {
    if (format === 'rss' || format === 'atom') {
      const feed = parseFeed(text);
      items = feed.items;
      diagnostics.push(...feed.diagnostics);
    } else if (format === 'html') {
      const page = extractPage(text);
      items = [{ title: page.title, link: page.link, date: page.date, blocks: page.blocks, diagnostics: page.diagnostics }];
      if (!page.blocks.length) diagnostics.push(diag('error', 'noArticle'));
    } else if (format === 'flattened-feed') {
      const flat = parseFlattened(text);
      items = flat.items;
      diagnostics.push(...flat.diagnostics);
    } else {
      items = [parsePlainText(text)];
    }
  } catch (e) {
    diagnostics.push(diag('error', 'parseFailed', [format, (e as Error).message]));
    items = [];
  }
  const yearFromFileName = format === 'text' || format === 'html';
  const reports = items.filter((it) => format !== 'html' || it.blocks.length).map((it) => buildReport(it, source, { yearFromFileName }));
  // Two items with the same link (or the same title and year) must still be told apart.
  const seen = new Map<string, number>();
  for (const r of reports) {
    const n = seen.get(r.id) ?? 0;
    seen.set(r.id, n + 1);
    if (n > 0) r.id = `${r.id}.${n}`;
  }
  return { source, format, diagnostics, reports };
}
