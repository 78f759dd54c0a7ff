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
      const cjk = (c: number) => (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);
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
    onopentag(tag, attribs) {
      const name = localName(tag);
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
/** An info line that lists several of those fields, wherever they start. */
const INFO_LINE = /(?:发布(?:时间|日期)|来源|浏览次数|点击数)[:：].{0,40}(?:来源|浏览次数|点击数|作者|字号)[:：]/;
const CJK = /[\u4e00-\u9fff]/g;
/** Words that name a report in a title. */
const REPORTISH = /报告|公报|总结|计划|情况|纲要|规划|要点|意见|方案|决定/;

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
  const link = ($('link[rel="canonical"]').attr('href') ?? '').trim() || meta('meta[property="og:url"]');
  let date =
    meta('meta[name="PubDate"]') ?? meta('meta[name="pubdate"]') ?? meta('meta[name="publishdate"]') ??
    meta('meta[property="article:published_time"]') ?? meta('meta[name="firstpublishedtime"]');
  if (!date) {
    const m = /发布(?:时间|日期)[:：]\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)/.exec($('body').text());
    if (m) date = m[1];
  }

  const container = articleOf($);
  const title = pageTitle($, container, meta('meta[name="ArticleTitle"]') ?? meta('meta[name="articletitle"]') ?? meta('meta[property="og:title"]'));

  // Page chrome inside the container; a <form> only when it is small (a search box), since
  // ASP.NET pages wrap the whole page in one.
  const box = $(container);
  box.find('nav, header, footer, aside, button, select').remove();
  box.find('form').each((_, el) => {
    if (cjkLength($(el).text()) < 100) $(el).remove();
  });
  box.find('*').each((_, el) => {
    const e = el as Element;
    const idc = `${e.attribs?.id ?? ''} ${e.attribs?.class ?? ''}`;
    if (CHROME.test(idc) && cjkLength($(e).text()) < 200) $(e).remove();
  });
  let blocks = nodesToBlocks([container]);
  // The page's own heading and its info line (发布时间：… 来源：…) are not report text. The heading
  // may be split over lines (某县人民政府关于2018年度 / 法治政府建设情况的报告).
  const key = (x: string) => x.replace(/[\s\u3000]/g, '');
  for (let k = 1; title && k <= 3 && k <= blocks.length; k++) {
    if (key(blocks.slice(0, k).join('')) === key(title)) {
      blocks = blocks.slice(k);
      break;
    }
  }
  while (blocks.length && (META_LINE.test(blocks[0]) || INFO_LINE.test(blocks[0]))) blocks = blocks.slice(1);
  if (date && !parseDate(date) && !/\d/.test(date)) date = null;
  return { title, link, date, blocks, diagnostics };
}

/** Elements that start a block; an element with none of them inside is a paragraph unit. */
const BLOCKISH = new Set([
  'p', 'div', 'td', 'th', 'li', 'ul', 'ol', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'section', 'article', 'main', 'blockquote',
  'pre', 'dl', 'dd', 'dt', 'form', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'aside', 'nav', 'header', 'footer', 'body',
]);
const PROSE = /[。，；！？,;]/;

/**
 * The article of a page, by a Readability-style vote. Each paragraph unit (a block element with
 * no block inside it: a <p>, or a <td> whose text runs on with <br>s) scores the Chinese text it
 * holds when it reads as prose (sentence punctuation, or long), less the share that is link
 * text; mostly-link units (menus, news lists) score nothing. A unit's score goes to itself, its
 * parent, and half to its grandparent; the article is the element with the best score, or a
 * known CMS container (#zoom, .TRS_Editor…) that has at least a quarter of it.
 */
function articleOf($: ReturnType<typeof load>): Element {
  const votes = new Map<Element, number>();
  const vote = (el: Element | null, v: number) => {
    if (el && el.type === 'tag') votes.set(el, (votes.get(el) ?? 0) + v);
  };
  const walk = (n: AnyNode): { size: number; links: number; text: string; block: boolean } => {
    if (n.type === 'text') {
      const t = (n as unknown as { data: string }).data;
      return { size: cjkLength(t), links: 0, text: t, block: false };
    }
    if (n.type !== 'tag' && n.type !== 'root') return { size: 0, links: 0, text: '', block: false };
    const el = n as Element;
    let size = 0;
    let links = 0;
    let text = '';
    let block = false;
    for (const c of el.children) {
      const r = walk(c);
      size += r.size;
      links += r.links;
      text += r.text;
      block ||= r.block;
    }
    if (n.type === 'tag' && el.name === 'a') links = size;
    const isBlock = n.type === 'tag' && BLOCKISH.has(el.name);
    if (isBlock && !block && size >= 10) {
      const density = links / size;
      const score = density > 0.5 || !(PROSE.test(text) || size >= 40) ? 0 : size * (1 - density);
      if (score > 0) {
        vote(el, score);
        const parent = el.parent as Element | null;
        vote(parent, score);
        vote((parent?.parent as Element | null) ?? null, score / 2);
      }
    }
    return { size, links, text: text.length > 2000 ? text.slice(0, 2000) : text, block: block || isBlock };
  };
  walk($.root()[0] as unknown as AnyNode);
  let best: Element | null = null;
  let top = 0;
  for (const [el, v] of votes) if (v > top && el.name !== 'html') [best, top] = [el, v];
  let knownBest: Element | null = null;
  let knownTop = 0;
  for (const sel of CONTENT_SELECTORS) {
    $(sel).each((_, el) => {
      const v = votes.get(el as Element) ?? 0;
      if (v > knownTop) [knownBest, knownTop] = [el as Element, v];
    });
  }
  if (knownBest && knownTop >= 0.25 * top) return knownBest;
  return best ?? (($('body')[0] as Element | undefined) ?? ($.root()[0] as unknown as Element));
}

const SITE_NAME = /(?:门户网站|网站|政府网|官网)$/;
const SIDE = /(?:^|[-_\s])(?:left|right|side|sidebar|nav|menu|head|header|logo|top|banner|foot|footer)(?:$|[-_\s\d])/i;

/**
 * The title of a page: a <meta> title; else the heading of the article (inside it, or just
 * before it when it names a report; a site's logo heading or a sidebar's is not one); else the
 * part of <title> that names a report; else that heading anyway; else <title>'s first part.
 */
function pageTitle($: ReturnType<typeof load>, container: Element, fromMeta: string | null): string | null {
  if (fromMeta) return htmlToText(fromMeta) || null;
  const order = new Map<Element, number>();
  $('*').each((k, el) => void order.set(el as Element, k));
  const at = order.get(container) ?? 0;
  const inside = (el: Element) => $(container).find(el).length > 0;
  let firstInside: string | null = null;
  let lastBefore: string | null = null;
  $('h1, h2, h3, [class*="title"], [class*="bt"], [id*="title"]').each((_, el) => {
    const e = el as Element;
    const text = cleanBlock($(e).text());
    if (cjkLength(text) < 4 || text.length > 80 || SITE_NAME.test(text)) return;
    if ($(e).parents().toArray().some((p) => SIDE.test(`${(p as Element).attribs?.id ?? ''} ${(p as Element).attribs?.class ?? ''}`))) return;
    if (inside(e)) firstInside ??= text;
    else if ((order.get(e) ?? 0) < at) lastBefore = text;
  });
  const near: string | null = firstInside ?? lastBefore;
  const t = $('title').first().text();
  // `报告_某区人民政府网`, `报告 - 某区`, `报告 | 某区`: the site name follows a separator. A dash
  // with no spaces (2016—2018年) belongs to the title.
  const parts = t.split(/\s*(?:[_|｜]|\s[-–—]{1,2}\s|--)\s*/).filter((p) => p.trim().length >= 4);
  const fromTitle = parts.find((p) => REPORTISH.test(p)) ?? null;
  const chosen = (near && REPORTISH.test(near) ? near : null) ?? fromTitle ?? near ?? parts[0] ?? (t.trim() || null);
  return chosen ? htmlToText(chosen) || null : null;
}
