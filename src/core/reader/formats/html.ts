/**
 * A saved web page (a CMS article) as a report: the article found by where the page's Chinese prose
 * is (articleOf), its title (pageTitle), date and link, the page chrome left out; its text is read
 * as blocks (htmlBlocks.ts).
 */
import { load } from 'cheerio/slim';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import type { Diagnostic, RawItem } from '../../model/index.ts';
import { chromeNote, REPORTISH, reportTitleOfLine, stripChrome, withChromeFields, withoutPageJumps } from '../chrome.ts';
import { capDepth } from '../depth.ts';
import { cjkCounts, cjkLength, depthOver, elementsNamed, isBelow, isElement, prune, shortText, walkTree } from '../domTree.ts';
import { BLOCK, htmlToText, idClass, nodesToBlocks } from '../htmlBlocks.ts';
import { frontMatterDate, joinBrokenHeadingBlocks } from '../lines.ts';
import { type SourceFormatSpec, startsLikeXml } from '../registry.ts';
import { cleanBlock, diag, parseDate } from '../../model/index.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { readsAsSentence } from '../props.ts';

const CONTENT_SELECTORS = [
  '#zoom',
  '.TRS_Editor',
  '#UCAP-CONTENT',
  '.article-content',
  '.article_content',
  '#article-content',
  '#articleContent',
  '.content',
  '#content',
  'article',
  '.article',
  '#article',
  '.zw',
  '#zw',
  '.main-text',
  '.text',
  '.con',
  '#con',
  '.detail',
  '.details',
  'main',
];
const CHROME =
  /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|header|share|print|sidebar|side|toolbar|copyright|position|location|banner|search|login|related|links?|pager|pagination|tools?|bottom|top)(?:$|[-_\s\d])/i;
const META_LINE = /^(?:发布(?:时间|日期)|来源|信息来源|作者|浏览次数|点击数|访问量|字号|【字体|责任编辑|文章来源)[:：【]/;
/** An info line that lists several of those fields, wherever they start. */
const INFO_LINE = /(?:发布(?:时间|日期)|来源|浏览次数|点击数)[:：].{0,40}(?:来源|浏览次数|点击数|作者|字号)[:：]/;

interface PageExtract {
  title: string | null;
  link: string | null;
  /** The page's 发布时间 line. */
  date: string | null;
  /** The date of its meta tags (PubDate, article:published_time…). */
  metaDate?: string | null;
  blocks: string[];
  diagnostics: Diagnostic[];
}

/** Extracts the article of a saved CMS page: title, link, date and body, without the page chrome. */
function extractPage(html: string): PageExtract {
  const $ = load(capDepth(html, false, BLOCK));
  const diagnostics: Diagnostic[] = [];
  const root = $.root()[0] as unknown as AnyNode;
  // Own walks, not cheerio's $(selector) over the page, until the page is known not to nest too
  // deep: domutils' search shifts a stack as deep as the page for every element.
  prune(root, (el) => NOT_TEXT.has(el.name));
  const heads = elementsNamed(root, HEAD_TAGS);
  const meta = (sel: string) => ($(heads).filter(sel).attr('content') ?? '').trim() || null;
  // A browser's mark of where a page was saved from (<!-- saved from url=(0050)http://… -->) when the page names no address.
  const link =
    ($(heads).filter('link[rel="canonical"]').attr('href') ?? '').trim() ||
    meta('meta[property="og:url"]') ||
    // TRS and other Chinese CMSs: <meta name="Url" content="https://…htm">.
    (meta('meta[name="Url" i]')?.match(/^https?:\/\/\S+$/i)?.[0] ?? null) ||
    (/<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(html.slice(0, 2048))?.[1] ?? null);
  if (depthOver(root, 500)) {
    // Too deep for the article search (and for recursive text helpers): read all of the text.
    diagnostics.push(diag('warning', 'tooDeep'));
    const metaTitle = meta('meta[name="ArticleTitle"]') ?? meta('meta[property="og:title"]');
    const t = metaTitle ?? $(heads).filter('title').first().text().split(TITLE_SEPARATOR)[0].trim();
    return { title: t ? htmlToText(t) || null : null, link, date: null, blocks: nodesToBlocks($.root().toArray()), diagnostics };
  }
  // The page's own 发布时间 line first: a CMS's PubDate may be when the page was last generated (a
  // 统计公报 of 2017 with PubDate 2022-04-24); the meta tags are the last resort (after the report's own date line).
  const visible = /发布(?:时间|日期)[:：]\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)/.exec(
    $(heads).filter('body').text(),
  );
  let date = visible?.[1] ?? null;
  let metaDate =
    meta('meta[name="PubDate"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="publishdate"]') ??
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="firstpublishedtime"]');

  const container = articleOf(
    root,
    heads.find((el) => el.name === 'body'),
  );

  // Page chrome inside the container; a <form> only when it is small (a search box), since
  // ASP.NET pages wrap the whole page in one.
  // One walk each, and one count of the text below every element: cheerio's find() and text() per
  // element would each take time in the size of the page.
  // The counts are made only when an element asks (most pages have no form and no chrome class).
  prune(container, (el) => PAGE_CHROME_TAGS.has(el.name));
  let cjk: Map<AnyNode, number> | null = null;
  const cjkOf = (el: Element) => (cjk ??= cjkCounts(container)).get(el) ?? 0;
  prune(container, (el) => el.name === 'form' && cjkOf(el) < 100);
  cjk = null;
  prune(container, (el) => CHROME.test(idClass(el)) && cjkOf(el) < 200);
  let blocks = nodesToBlocks([container]);
  const fromMeta = meta('meta[name="ArticleTitle"]') ?? meta('meta[name="articletitle"]') ?? meta('meta[property="og:title"]');
  const title = pageTitle($, container, blocks[0] ?? '', fromMeta);
  // The page's own heading and its info line (发布时间：… 来源：…) are not report text. The heading
  // may be split over lines (某县人民政府关于2018年度 / 法治政府建设情况的报告).
  for (let k = 1; title && k <= 3 && k <= blocks.length; k++) {
    if (titleKey(blocks.slice(0, k).join('')) === titleKey(title)) {
      blocks = blocks.slice(k);
      break;
    }
  }
  while (blocks.length && (META_LINE.test(blocks[0]) || INFO_LINE.test(blocks[0]))) blocks = blocks.slice(1);
  if (date && !parseDate(date) && !/\d/.test(date)) date = null;
  if (metaDate && !parseDate(metaDate) && !/\d/.test(metaDate)) metaDate = null;
  return { title, link, date, metaDate, blocks, diagnostics };
}

const PROSE = /[。，；！？,;]/;
/** Elements that hold one paragraph, not an article's column. */
const PARAGRAPH_LEVEL = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'span', 'font', 'strong', 'b']);
/** Ids and classes of blocks that are not the article (pinyin ones too: xgxw 相关新闻, pinglun 评论). */
const NOT_ARTICLE = /(?:^|[-_\s])(?:related|relate|xgxw|xgwz|xglj|pinglun|comments?|recommend|tuijian|ads?|share|fenxiang)(?:$|[-_\s\d])/i;

/**
 * The article of a page. Every paragraph unit scores the Chinese text it holds when that reads
 * as prose (sentence punctuation, or long), less the share that is link text; a mostly-link unit
 * (a menu, a news list) scores nothing. A unit is a block element's own text: a <p>, or the text
 * of a <td>, <div> or <body> that runs on with <br>s beside its block children. Each element
 * totals the scores inside it. The article is the tightest element that holds at least 80% of
 * the page's total, so an article split over sibling <div>s or table rows is kept whole; a known
 * CMS container (#zoom, .TRS_Editor…) wins when it holds at least 30% of the total.
 */
function articleOf(root: AnyNode, bodyEl: Element | undefined): Element {
  // One walk in post-order (each element after everything below it), without recursion or an
  // object per node: a page may have a million elements. For each element it records its score
  // and the Chinese text below it, in post-order, and the elements a CMS selector names.
  const els: Element[] = [];
  const scores: number[] = [];
  const sizes: number[] = [];
  /** The elements that CONTENT_SELECTORS name (the index of each in `els`), in document order. */
  const named: { el: Element; at: number }[] = [];
  // Per open node (a stack, innermost last): its node, the next child to visit, and its sums.
  const nodes: AnyNode[] = [];
  const next: number[] = [];
  const score: number[] = [];
  const size: number[] = [];
  const ownSize: number[] = [];
  const ownLinks: number[] = [];
  const ownProse: boolean[] = [];
  const namedAt: number[] = [];
  /** Adds a finished child's sums to the node on top of the stack. */
  const give = (s: number, z: number, os: number, ol: number, op: boolean) => {
    const t = nodes.length - 1;
    score[t] += s;
    size[t] += z;
    // Text and inline elements are the parent's own text; a block child returns none of its own.
    ownSize[t] += os;
    ownLinks[t] += ol;
    ownProse[t] ||= op;
  };
  const open = (n: AnyNode) => {
    nodes.push(n);
    next.push(0);
    score.push(0);
    size.push(0);
    ownSize.push(0);
    ownLinks.push(0);
    ownProse.push(false);
    let at = -1;
    if (n.type === 'tag' && CONTENT_TESTS.some((test) => test(n as Element))) {
      at = named.length;
      named.push({ el: n as Element, at: -1 });
    }
    namedAt.push(at);
  };
  /** The whole page's score: a fragment with no <body> (its <p>s and tables side by side) is the article when nothing inside holds it. */
  let rootScore = 0;
  open(root);
  while (nodes.length) {
    const t = nodes.length - 1;
    const n = nodes[t];
    const kids = (n as ParentNode).children;
    if (next[t] < kids.length) {
      const c = kids[next[t]++];
      if (c.type === 'text') {
        const data = (c as unknown as { data: string }).data;
        const z = cjkLength(data);
        give(0, z, z, 0, PROSE.test(data));
      } else if ((c.type === 'tag' && !NOT_ARTICLE.test(idClass(c as Element))) || c.type === 'root') open(c);
      // Related news, comments, recommendations and ads are prose too, but never the article;
      // comments, CDATA and the like hold no text: none of them counts.
      continue;
    }
    // All children done: this node's own text scores when it is a block.
    const el = n as Element;
    const isBlock = n.type === 'root' || BLOCK.has(el.name);
    let sc = score[t];
    const z = size[t];
    const os = ownSize[t];
    const ol = n.type === 'tag' && el.name === 'a' ? os : ownLinks[t];
    const op = ownProse[t];
    if (isBlock && os >= 10) {
      const density = ol / os;
      if (density <= 0.5 && (op || os >= 40)) sc += os * (1 - density);
    }
    if (n.type === 'root') rootScore = sc;
    if (n.type === 'tag') {
      if (namedAt[t] >= 0) named[namedAt[t]].at = els.length;
      els.push(el);
      scores.push(sc);
      sizes.push(z);
    }
    nodes.pop();
    next.pop();
    score.pop();
    size.pop();
    ownSize.pop();
    ownLinks.pop();
    ownProse.pop();
    namedAt.pop();
    if (nodes.length) {
      if (isBlock) give(sc, z, 0, 0, false);
      else give(sc, z, os, ol, op);
    }
  }
  let top = 0;
  let topAt = -1;
  for (let k = 0; k < els.length; k++) if (els[k].name !== 'html' && els[k].name !== 'head' && scores[k] > top) [top, topAt] = [scores[k], k];
  const body = bodyEl ?? (root as Element);
  if (top <= 0) return body;
  // A fragment with no <body> (a CMS's article saved alone: its <p>s side by side) is the article when no element
  // inside it holds half of its text, or the best is one paragraph (a fragment with a column and a sidebar keeps its column).
  if (!bodyEl && (top < 0.5 * rootScore || (PARAGRAPH_LEVEL.has(els[topAt].name) && top < 0.8 * rootScore))) return body;
  let known: Element | null = null;
  let knownScore = 0;
  // Each selector, in order, over the elements it names, in document order.
  for (const test of CONTENT_TESTS) {
    for (const { el, at } of named) {
      if (!test(el)) continue;
      const v = scores[at];
      if (v > knownScore) [known, knownScore] = [el, v];
    }
  }
  if (known && knownScore >= 0.3 * top) return known;
  let best: Element = body;
  let bestSize = Infinity;
  for (let k = 0; k < els.length; k++) {
    const el = els[k];
    if (el.name === 'html' || el.name === 'head' || scores[k] < 0.8 * top) continue;
    if (sizes[k] < bestSize) [best, bestSize] = [el, sizes[k]];
  }
  return best;
}

/**
 * CONTENT_SELECTORS as tests of one element, as css-select matches them: `#id` (the id
 * attribute, exactly), `.class` (one of the class attribute's words) or a tag name.
 */
const CONTENT_TESTS: ((el: Element) => boolean)[] = CONTENT_SELECTORS.map((sel) => {
  const name = sel.slice(1);
  if (sel.startsWith('#')) return (el) => el.attribs?.id === name;
  if (sel.startsWith('.')) {
    const word = new RegExp(`(?:^|\\s)${name.replace(/[-]/g, '\\$&')}(?:$|\\s)`);
    return (el) => {
      const cls = el.attribs?.class ?? '';
      return cls.includes(name) && word.test(cls);
    };
  }
  return (el) => el.name === sel;
});

const PAGE_CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'button', 'select']);
/** Elements removed from a page before anything else: never text. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg']);
/** The elements the page reader looks up by name: the head's, and the body. */
const HEAD_TAGS = new Set(['meta', 'link', 'title', 'body']);

/** What `h1, h2, h3, [class*="title"], [class*="bt"], [id*="title"]` selects, as css-select matches it. */
function isHeadingCandidate(el: Element): boolean {
  if (el.type !== 'tag') return false;
  if (el.name === 'h1' || el.name === 'h2' || el.name === 'h3') return true;
  const cls = el.attribs?.class ?? '';
  return cls.includes('title') || cls.includes('bt') || (el.attribs?.id ?? '').includes('title');
}

const SITE_NAME = /(?:门户网站|网站|政府网|官网)$/;
/**
 * The separator between a page's title and its site's name: `_`, `|`, a dash between spaces, `--`.
 * The spaces around it are trimmed from the parts afterwards: `\s*` on both sides of the
 * separator would retry a long run of spaces from each of its positions.
 */
const TITLE_SEPARATOR = /[_|｜]|\s[-–—]{1,2}\s|--/;
/** A title line compared with the page's title: no spaces, no footnote mark (江西省2022年…统计公报[1]). */
const titleKey = (x: string) => x.replace(/[\s\u3000]/g, '').replace(/[[［]\d{1,2}[\]］]/g, '');
/** Column names that head a list of pages, not a page: 通知公告, 工作动态… */
const COLUMN = /^(?:通知公告|政务公开|工作动态|新闻中心|新闻动态|规划计划|信息公开|政策文件|部门动态|公示公告|首页)$/;
const SIDE = /(?:^|[-_\s])(?:left|right|side|sidebar|nav|menu|header|logo|banner|foot|footer)(?:$|[-_\s\d])/i;
/** A breadcrumb trail: 当前位置：首页 > 政务公开. */
const CRUMB = /当前位置|您的位置|现在的位置|[>»›]/;
const CHAPTER_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章部])/;

/**
 * The title of a page: a <meta> title; else the article's heading when it names a report; else
 * the part of <title> that names one, or that carries a year; else the article's heading anyway;
 * else <title>'s first part. The article's heading is the most important heading (<h1>, then
 * <h2>, then a *title* class, then <h3>) that opens the article or stands just before it; a
 * logo, a site name, a column name (通知公告), a sidebar's heading or a chapter heading is not one.
 */
function pageTitle($: ReturnType<typeof load>, container: Element, firstText: string, fromMeta: string | null): string | null {
  if (fromMeta) return htmlToText(fromMeta) || null;
  // One walk in document order (css-select's searches shift a stack for every element): the
  // heading candidates with their positions, the container's position and the first <title>.
  const candidates: { el: Element; pos: number }[] = [];
  let at = 0;
  let titleEl: Element | null = null;
  let pos = 0;
  walkTree($.root()[0] as unknown as AnyNode, (n) => {
    if (isElement(n)) {
      if (n === container) at = pos;
      if (isHeadingCandidate(n)) candidates.push({ el: n, pos });
      if (!titleEl && n.name === 'title') titleEl = n;
      pos++;
    }
    return true;
  });
  const rank = (e: Element) => (e.name === 'h1' ? 0 : e.name === 'h2' ? 1 : e.name === 'h3' ? 3 : 2);
  let near: { text: string; rank: number; pos: number } | null = null;
  // Whether an element is inside a sidebar, header or footer: remembered for each ancestor, so
  // that nested headings do not walk the same parents again.
  const side = new Map<AnyNode, boolean>();
  const inSide = (e: AnyNode): boolean => {
    const path: AnyNode[] = [];
    let p = e.parent;
    let found = false;
    for (; p; p = p.parent) {
      const known = side.get(p);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(p);
    }
    // Fill in from the top: a parent is in a sidebar when it is one or is inside one.
    for (let k = path.length - 1; k >= 0; k--) {
      found ||= isElement(path[k]) && SIDE.test(idClass(path[k] as Element));
      side.set(path[k], found);
    }
    return found;
  };
  for (const { el: e, pos } of candidates) {
    const raw = shortText(e);
    if (raw === null) continue;
    const text = cleanBlock(raw);
    const columns = text.split(/\s+/).every((w) => COLUMN.test(w));
    if (cjkLength(text) < 4 || text.length > 80 || SITE_NAME.test(text) || columns || CHAPTER_START.test(text) || CRUMB.test(text)) continue;
    if (inSide(e)) continue;
    const inside = isBelow(e, container);
    // Inside the article only when it opens it; outside only before it.
    if (inside ? !firstText.startsWith(text.slice(0, 6)) : pos >= at) continue;
    const r = rank(e);
    if (!near || r < near.rank || (r === near.rank && pos > near.pos)) near = { text, rank: r, pos };
  }
  const nearText = (near as { text: string } | null)?.text ?? null;
  const t = titleEl ? $(titleEl).text() : '';
  // `报告_某区人民政府网`, `报告 - 某区`, `报告 | 某区`: the site name follows a separator. A dash
  // with no spaces (2016—2018年) belongs to the title.
  const parts = t
    .split(TITLE_SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p.length >= 4 && !SITE_NAME.test(p));
  const fromTitle = parts.find((p) => REPORTISH.test(p)) ?? parts.find((p) => /(?:19|20)\d{2}/.test(p)) ?? null;
  const chosen = (nearText && REPORTISH.test(nearText) ? nearText : null) ?? fromTitle ?? nearText ?? parts[0] ?? (t.trim() || null);
  const text = chosen ? htmlToText(chosen) || null : null;
  // A sentence is no title (a page whose <title> is its text's first sentence): the text's own lines name the report.
  return text && readsAsSentence(text) ? null : text;
}

/**
 * The blocks after the title's lines: through the first of the first three lines that names a
 * report, when the lines before it are short title lines too (黔东南苗族侗族自治州 /
 * 2016年国民经济和社会发展统计公报: a page whose <title> is the site's name or a shortened title);
 * else the lines that are the page's title.
 */
function afterTitle(blocks: readonly string[], title: string | null): readonly string[] {
  const titleLine = (b: string) => b.length <= 40 && !/[。，；：]/.test(b);
  for (let k = 0; k < 3 && k < blocks.length && titleLine(blocks[k]); k++) if (REPORTISH.test(blocks[k])) return blocks.slice(k + 1);
  const t = title ? titleKey(title) : '';
  let k = 0;
  while (t && k < 3 && k < blocks.length && titleKey(blocks[k]) && t.includes(titleKey(blocks[k]))) k++;
  return blocks.slice(k);
}

const PAGE_START = /^<(!doctype\s+html|html|head|body|meta|div|p[\s>]|title)/;
/** Comments before a page's first tag (a browser's `<!-- saved from url=… -->`): a text that only opens with comments is no page. */
const LEADING_COMMENTS = /^(?:<!--[\s\S]*?-->\s*)+/;
/** After leading comments, markup: a CMS's article saved as text (`<!--startprint-->各位代表：<br>…`). */
const commentLedMarkup = (head: string) =>
  head.startsWith('<!--') && /<(?:br|p|div|span|font|table|tr|td|strong|b|img|a|h[1-6])\b[^>]*>/.test(head.replace(LEADING_COMMENTS, ''));
const PAGE_EXTENSIONS = ['html', 'htm', 'xhtml', 'shtml'];

export const htmlFormat: SourceFormatSpec = {
  id: 'html',
  extensions: FORMAT_EXTENSIONS.html,
  sniff: ({ head, extension }) =>
    (startsLikeXml(head) && /<html[\s>]/.test(head)) ||
    ((PAGE_START.test(head.replace(LEADING_COMMENTS, '')) || commentLedMarkup(head) || PAGE_EXTENSIONS.includes(extension)) && /<[a-z!]/.test(head)),
  read: (text) => {
    const page = extractPage(text);
    // The chrome the page's markup did not give away (buttons as text, 来源： lines, captions, a related-links list).
    // A newspaper's page-jump notes (（下转第四版）) go from the text first.
    const blocks = page.blocks.map(withoutPageJumps);
    const chrome = stripChrome(blocks);
    if (!chrome.lines.length) return { items: [], diagnostics: [diag('error', 'noArticle')] };
    const item: RawItem = {
      title: page.title,
      link: page.link,
      // A Word document saved as a page has no time line: a date alone in its front matter (after the title's
      // lines) dates it, as in the .docx.
      // The page's time line, else the report's own date line under its title, else the page's meta tags.
      date: page.date ?? chrome.dateLine ?? frontMatterDate(afterTitle(chrome.lines, page.title)) ?? page.metaDate ?? null,
      // A heading Word broke into two paragraphs (三、持续提升政府 / 治理效能和服务水平) is one, as in the .docx.
      blocks: joinBrokenHeadingBlocks([...chrome.lines]),
      diagnostics: [...page.diagnostics, ...chromeNote(blocks, chrome.lines)],
    };
    // A page with no title of its own: its text's title field (标题：…, an encyclopedia's 中文名) when it names a report, as a
    // text file's.
    const field = !page.title && chrome.titleLine ? reportTitleOfLine(cleanBlock(chrome.titleLine)) : '';
    if (field && field.length <= 80 && REPORTISH.test(field)) item.title = field;
    return { items: [withChromeFields(item, chrome)], diagnostics: [] };
  },
  yearFromFileName: true,
};
