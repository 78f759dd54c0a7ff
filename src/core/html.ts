/**
 * HTML to blocks of text. Only text nodes become text: script, style and other
 * non-content elements are skipped whole, and attributes (onerror=…, href=javascript:…)
 * never reach the report. Block-level elements and <br> end a block.
 */
import { load } from 'cheerio/slim';
import { Parser, parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { Diagnostic } from './model.ts';
import { cleanBlock, trimEdges } from './text.ts';
import { parseDate } from './dates.ts';

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'head', 'title', 'button', 'select', 'option', 'textarea', 'input', 'canvas', 'video', 'audio', 'map', 'link', 'meta',
]);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote',
  'pre', 'hr', 'center', 'address', 'figure', 'figcaption', 'form', 'fieldset', 'body', 'html', 'details', 'summary',
]);

function localName(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

function isHidden(el: Element): boolean {
  if (el.attribs?.hidden !== undefined) return true;
  const style = el.attribs?.style;
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Walks DOM nodes (from an HTML or XML parse) and returns cleaned, non-empty blocks. */
export function nodesToBlocks(nodes: readonly AnyNode[]): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cleanBlock(cur);
    if (t) out.push(t);
    cur = '';
  };
  const walk = (n: AnyNode, pre: boolean) => {
    if (n.type === 'text') {
      cur = appendText(cur, (n as unknown as { data: string }).data, pre, flush);
      return;
    }
    if (n.type === 'cdata' || n.type === 'root') {
      for (const c of (n as unknown as { children: AnyNode[] }).children) walk(c, pre);
      return;
    }
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') return;
    const el = n as Element;
    const name = localName(el.name);
    if (SKIP.has(name) || n.type !== 'tag' || isHidden(el)) return;
    if (name === 'br') {
      flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (const c of el.children) walk(c, pre || name === 'pre');
    if (block) flush();
  };
  for (const n of nodes) walk(n, false);
  flush();
  return out;
}

/** Joins text-node pieces: a line break between two CJK characters is not a space in Chinese text. */
function appendText(cur: string, data: string, pre: boolean, flush: () => void): string {
  // A lone CR (no LF) is rare; cleanBlock folds it like any other whitespace.
  if (data.indexOf('\n') < 0) return cur + data;
  if (pre) {
    const parts = data.split(/\r?\n/);
    cur += parts[0];
    for (let k = 1; k < parts.length; k++) {
      flush();
      cur = parts[k];
    }
    return cur;
  }
  return (
    cur +
    data.replace(/\s*[\r\n]+\s*/g, (ws, off: number, all: string) => {
      const before = all.charCodeAt(off - 1);
      const after = all.charCodeAt(off + ws.length);
      const cjk = (c: number) => c >= 0x3000 && c <= 0x9fff;
      return cjk(before) && cjk(after) ? '' : ' ';
    })
  );
}

/**
 * Parses an HTML fragment (a feed item's body) into blocks. This is the hot path of feed
 * import, so it streams the parser's events instead of building a DOM.
 */
export function htmlToBlocks(html: string): string[] {
  const out: string[] = [];
  let cur = '';
  let skip = 0;
  let pre = 0;
  const stack: number[] = []; // per open element: 1 = started skipping, 2 = block, 4 = pre
  const flush = () => {
    const t = trimEdges(cur);
    if (t) out.push(t);
    cur = '';
  };
  const parser = new Parser({
    onopentag(name, attribs) {
      let flags = 0;
      if (SKIP.has(name) || attribs.hidden !== undefined || (attribs.style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style))) {
        flags |= 1;
        skip++;
      }
      if (BLOCK.has(name)) flags |= 2;
      if (name === 'pre') {
        flags |= 4;
        pre++;
      }
      stack.push(flags);
      if (skip === 0 && (flags & 2 || name === 'br')) flush();
    },
    onclosetag() {
      const flags = stack.pop() ?? 0;
      if (flags & 1) skip--;
      if (flags & 4) pre--;
      if (flags & 2 && skip === 0) flush();
    },
    ontext(data) {
      if (skip === 0) cur = appendText(cur, data, pre > 0, flush);
    },
  });
  parser.end(html);
  flush();
  return out;
}

/** Decodes entities and strips tags of a short HTML string (a feed title), to plain text. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return cleanBlock(html);
  return nodesToBlocks(parseDocument(html).children).join(' ');
}

const CONTENT_SELECTORS = [
  '#zoom', '.TRS_Editor', '#UCAP-CONTENT', '.article-content', '.article_content', '#article-content', '#articleContent',
  '.content', '#content', 'article', '.article', '#article', '.zw', '#zw', '.main-text', '.text', '.con', '#con',
  '.detail', '.details', 'main',
];
const CHROME = /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|header|share|print|sidebar|side|toolbar|copyright|position|location|banner|search|login|related|links?|pager|pagination|tools?|bottom|top)(?:$|[-_\s\d])/i;
const META_LINE = /^(?:发布(?:时间|日期)|来源|信息来源|作者|浏览次数|点击数|访问量|字号|【字体|责任编辑|文章来源)[:：【]/;
const CJK = /[\u4e00-\u9fff]/g;

function cjkLength(s: string): number {
  return s.match(CJK)?.length ?? 0;
}

export interface PageExtract {
  title: string | null;
  link: string | null;
  date: string | null;
  blocks: string[];
  diagnostics: Diagnostic[];
}

/** Extracts the article of a saved CMS page: title, link, date and body, without the page chrome. */
export function extractPage(html: string): PageExtract {
  const $ = load(html);
  const diagnostics: Diagnostic[] = [];
  $('script, style, noscript, template, iframe, object, embed, svg').remove();

  const meta = (sel: string) => ($(sel).attr('content') ?? '').trim() || null;
  let title =
    meta('meta[name="ArticleTitle"]') ?? meta('meta[name="articletitle"]') ?? meta('meta[property="og:title"]') ?? null;
  if (!title) {
    const h1 = $('h1').filter((_, el) => cjkLength($(el).text()) >= 4).first().text();
    if (h1.trim()) title = h1;
  }
  if (!title) {
    // `报告_某区人民政府网`, `报告 - 某区`, `报告 | 某区`: the site name follows a separator. A dash
    // with no spaces (2016—2018年) belongs to the title.
    const t = $('title').first().text();
    const first = t.split(/\s*(?:[_|｜]|\s[-–—]{1,2}\s|--)\s*/).find((s) => s.trim().length >= 4);
    title = (first ?? t).trim() || null;
  }
  // A meta tag's content is text, but a hostile page may put markup in it: keep only its text.
  title = title ? htmlToText(title) || null : null;
  const link = ($('link[rel="canonical"]').attr('href') ?? '').trim() || meta('meta[property="og:url"]');

  let date =
    meta('meta[name="PubDate"]') ?? meta('meta[name="pubdate"]') ?? meta('meta[name="publishdate"]') ??
    meta('meta[property="article:published_time"]') ?? meta('meta[name="firstpublishedtime"]');
  if (!date) {
    const m = /发布(?:时间|日期)[:：]\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)/.exec($('body').text());
    if (m) date = m[1];
  }

  // The content container: a known CMS container, else the element whose paragraphs hold the most text.
  let best: Element | null = null;
  let bestScore = 0;
  for (const sel of CONTENT_SELECTORS) {
    $(sel).each((_, el) => {
      const score = cjkLength($(el).text());
      if (score > bestScore) {
        best = el as Element;
        bestScore = score;
      }
    });
    if (bestScore >= 100) break;
  }
  if (bestScore < 100) {
    $('div, td, section, article, main, body').each((_, el) => {
      const own = $(el).children('p').text() + $(el).contents().filter((_, c) => c.type === 'text').text();
      const score = cjkLength(own);
      if (score > bestScore) {
        best = el as Element;
        bestScore = score;
      }
    });
  }
  const container = best ? $(best as Element) : $('body');
  container.find('nav, header, footer, aside, form, button, select').remove();
  container.find('*').each((_, el) => {
    const e = el as Element;
    const idc = `${e.attribs?.id ?? ''} ${e.attribs?.class ?? ''}`;
    if (CHROME.test(idc) && cjkLength($(e).text()) < 200) $(e).remove();
  });
  let blocks = nodesToBlocks(container.toArray());
  if (title && blocks[0] === title) blocks = blocks.slice(1);
  while (blocks.length && META_LINE.test(blocks[0])) blocks = blocks.slice(1);
  if (date && !parseDate(date) && !/\d/.test(date)) date = null;
  return { title, link, date, blocks, diagnostics };
}
