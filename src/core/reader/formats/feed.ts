/**
 * RSS 2.0 and Atom feeds. Each item (entry) is one report; its body is HTML in CDATA
 * or escaped, or XHTML. A feed cut off mid-item keeps its complete items.
 */
import { Parser } from 'htmlparser2';
import type { Diagnostic, RawItem } from '../../model/index.ts';
import { capDepth } from '../depth.ts';
import { type SourceFormatSpec, startsLikeXml } from '../registry.ts';
import { htmlToBlocks, htmlToText, localName as local } from '../htmlBlocks.ts';
import { parseDate } from '../../model/index.ts';
import { diag } from '../../model/index.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { joinBrokenHeadingBlocks } from '../lines.ts';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Line numbers of offsets in a text: the line breaks are found once, on the first question, and
 * each question is a binary search (a feed with 100k bad dates asks 100k times).
 */
function lineCounter(text: string): (index: number) => number {
  let breaks: number[] | null = null;
  return (index) => {
    if (!breaks) {
      breaks = [];
      for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) breaks.push(k);
    }
    // The number of line breaks before index, plus one.
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (breaks[mid] < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/** Undefined entities (&nbsp; in XML, or &foo;) are kept as text; say so once with where they occur. */
function checkEntities(xml: string, lineAt: (index: number) => number): Diagnostic[] {
  // Scan only outside CDATA sections (the bodies), without copying the text.
  const declared = new Set<string>();
  const found = new Map<string, number>();
  // The next & at or after a position, kept between the pieces: searching from each piece to the
  // end of the text would be quadratic for a feed of many CDATA sections and no entities.
  let amp = -1;
  const scan = (from: number, to: number) => {
    if (amp < from && amp !== -2) amp = xml.indexOf('&', from);
    if (amp < 0) amp = -2; // none after here
    if (amp === -2 || amp >= to) return;
    const part = xml.slice(from, to);
    for (const m of part.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)/g)) declared.add(m[1]);
    for (const m of part.matchAll(/&([A-Za-z_][\w.-]*);/g)) {
      if (!XML_ENTITIES.has(m[1]) && !found.has(m[1])) found.set(m[1], from + (m.index ?? 0));
    }
  };
  let at = 0;
  while (at < xml.length) {
    const open = xml.indexOf('<![CDATA[', at);
    if (open < 0) {
      scan(at, xml.length);
      break;
    }
    scan(at, open);
    const close = xml.indexOf(']]>', open + 9);
    at = close < 0 ? xml.length : close + 3;
  }
  for (const name of declared) found.delete(name);
  if (!found.size) return [];
  const list = [...found]
    .slice(0, 5)
    .map(([n, i]) => `&${n}; (line ${lineAt(i)})`)
    .join(', ');
  return [diag('warning', 'undefinedEntities', [`${list}${found.size > 5 ? ', …' : ''}`])];
}

/**
 * The feed with the body of each CDATA section set aside: the XML parser sees `<![CDATA[` + a short
 * placeholder + `]]>`, so the bodies (most of a feed's bytes, HTML that is parsed as HTML later) are
 * scanned once, by a native search for `]]>`, not a second time character by character. `restore`
 * puts the bodies back into a text the parser gave; `at` maps an offset of the parsed text back to
 * the feed's. A feed that holds U+0000 (never valid XML) outside its CDATA bodies is parsed as it is.
 */
interface HiddenCdata {
  text: string;
  restore: (text: string) => string;
  at: (index: number) => number;
}

const PLACEHOLDER = /\u0000(\d+)\u0001/g;

function hideCdata(xml: string): HiddenCdata | null {
  const bodies: string[] = [];
  const parts: string[] = [];
  /** After the k-th placeholder (its end in the parsed text), how much further on the feed's offsets are. */
  const ends: number[] = [];
  const shifts: number[] = [];
  let length = 0;
  let shift = 0;
  let at = 0;
  for (let open = xml.indexOf('<![CDATA[', at); open >= 0; open = xml.indexOf('<![CDATA[', at)) {
    const close = xml.indexOf(']]>', open + 9);
    if (close < 0) break; // unterminated: the parser reads the rest as it is
    const placeholder = `\u0000${bodies.length}\u0001`;
    bodies.push(xml.slice(open + 9, close));
    const before = xml.slice(at, open + 9);
    // A U+0000 outside the bodies would read as a placeholder. Searched in the markup between them only: in the
    // bodies, most Chinese characters (一 is U+4E00) have a zero low byte, which makes a search for U+0000 slow.
    if (before.indexOf('\u0000') >= 0) return null;
    parts.push(before, placeholder);
    length += open + 9 - at + placeholder.length;
    shift += close - (open + 9) - placeholder.length;
    ends.push(length);
    shifts.push(shift);
    at = close;
  }
  if (!bodies.length) return null;
  const rest = xml.slice(at);
  if (rest.indexOf('\u0000') >= 0) return null;
  parts.push(rest);
  return {
    text: parts.join(''),
    restore: (text) => (text.indexOf('\u0000') < 0 ? text : text.replace(PLACEHOLDER, (_, k: string) => bodies[Number(k)] ?? '')),
    at: (index) => {
      // The shift of the last placeholder that ends at or before index.
      let lo = 0;
      let hi = ends.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ends[mid] <= index) lo = mid + 1;
        else hi = mid;
      }
      return index + (lo ? shifts[lo - 1] : 0);
    },
  };
}

interface FeedResult {
  format: 'rss' | 'atom';
  items: RawItem[];
  diagnostics: Diagnostic[];
}

/** Fields of an item (entry) that the import reads. */
const FIELDS = new Set(['title', 'link', 'guid', 'pubdate', 'date', 'published', 'updated', 'encoded', 'description', 'content', 'summary']);

interface OpenItem {
  start: number;
  fields: Map<string, string>;
  /** Atom content/summary type attributes. */
  types: Map<string, string>;
  /** Raw markup ranges of the fields (XHTML content, or RSS HTML that is neither escaped nor CDATA). */
  raw: Map<string, [number, number]>;
  /** Fields that held child elements. */
  markup: Set<string>;
  links: { rel: string; href: string }[];
  /** The namespace prefix of the item element (`a` in <a:entry>); its fields carry the same one. */
  prefix: string;
}

function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(0, i) : '';
}

/** RSS fields that come from other namespaces: content:encoded, dc:date, atom:updated (a10:updated from .NET). */
const FOREIGN_FIELDS = new Set(['encoded', 'date', 'updated', 'published']);

function bodyBlocks(item: OpenItem, name: string, atom: boolean, xml: string): string[] {
  const type = (item.types.get(name) ?? '').toLowerCase();
  if ((atom && (type === 'xhtml' || type.endsWith('+xml'))) || (!atom && item.markup.has(name))) {
    const r = item.raw.get(name);
    return r ? htmlToBlocks(xml.slice(r[0], r[1])) : [];
  }
  const text = item.fields.get(name);
  if (text === undefined) return [];
  if (atom && (type === '' || type === 'text')) return text.split(/\r?\n/);
  return htmlToBlocks(text);
}

const totalLength = (blocks: string[]) => blocks.reduce((n, b) => n + b.length, 0);

/**
 * Streams the feed through htmlparser2 in XML mode (no DOM: only the fields of each item are
 * kept). An item that the parser closes only because the text ended was cut off.
 */
function parseFeed(source: string): FeedResult {
  // Offsets and lines are of the capped text: the same as the source's unless it nests too deep.
  const xml = capDepth(source, true);
  const head = xml.slice(0, 4096).toLowerCase();
  const isAtom = /<(?:[\w-]+:)?feed[\s>]/.test(head) && !/<(?:rss|channel)[\s>]/.test(head);
  const format = isAtom ? 'atom' : 'rss';
  const itemName = isAtom ? 'entry' : 'item';
  const channelName = isAtom ? 'feed' : 'channel';
  const lineAt = lineCounter(xml);
  const diagnostics: Diagnostic[] = checkEntities(xml, lineAt);
  const hidden = hideCdata(xml);
  const restore = hidden ? hidden.restore : (t: string) => t;
  const at = hidden ? hidden.at : (i: number) => i;
  const items: RawItem[] = [];
  const stack: string[] = [];
  let item: OpenItem | null = null;
  let itemDepth = -1;
  let field: string | null = null;
  let fieldText = '';
  let channelDate: { name: string; start: number; text: string } | null = null;
  let count = 0;

  const finish = (it: OpenItem, implied: boolean) => {
    count++;
    const rawTitle = it.fields.get('title');
    const title = rawTitle !== undefined ? htmlToText(rawTitle) || null : null;
    if (implied) {
      diagnostics.push(diag('error', 'feedCutOff', [itemName, count, title ? ` (“${title}”)` : '', lineAt(it.start), items.length]));
      return;
    }
    let link: string | null = null;
    if (isAtom) {
      // The entry's page: rel="alternate" (or no rel). A self or edit link is not the report.
      const alt = it.links.find((l) => !l.rel || l.rel === 'alternate');
      link = alt?.href.trim() || null;
    } else {
      link = it.fields.get('link')?.trim() || null;
      const guid = it.fields.get('guid')?.trim() ?? '';
      if (!link && /^https?:/.test(guid)) link = guid;
    }
    const dateKeys = isAtom ? ['published', 'updated'] : ['pubdate', 'date', 'published', 'updated'];
    const dateKey = dateKeys.find((k) => it.fields.get(k)?.trim());
    const date = dateKey ? it.fields.get(dateKey)!.trim() : null;
    let blocks: string[] = [];
    for (const name of isAtom ? ['content', 'summary'] : ['encoded', 'description']) {
      const b = bodyBlocks(it, name, isAtom, xml);
      if (totalLength(b) > totalLength(blocks)) blocks = b;
    }
    const itemDiags: Diagnostic[] = [];
    if (!blocks.some((b) => /[^\s\u00a0\u3000]/.test(b))) {
      itemDiags.push(diag('warning', 'emptyBody', [isAtom ? 'Entry' : 'Item', count]));
    }
    items.push({ title, link, date, blocks: joinBrokenHeadingBlocks(blocks), diagnostics: itemDiags });
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const l = local(name);
        stack.push(l);
        if (l === itemName && !item) {
          item = { start: at(parser.startIndex), fields: new Map(), types: new Map(), raw: new Map(), markup: new Set(), links: [], prefix: prefixOf(name) };
          itemDepth = stack.length;
          return;
        }
        if (item && field !== null && stack.length > itemDepth + 1) item.markup.add(field);
        // A field is in the item's own namespace (not <media:description> or an <atom:link> in RSS),
        // except RSS's content:encoded and dc:date.
        const own = prefixOf(name) === item?.prefix || (!isAtom && FOREIGN_FIELDS.has(l));
        if (item && stack.length === itemDepth + 1 && own) {
          if (l === 'link' && isAtom) item.links.push({ rel: attribs.rel ?? '', href: attribs.href ?? '' });
          // The first of a field counts (as for its text): a second one must not take its place.
          if (FIELDS.has(l) && !item.fields.has(l)) {
            field = l;
            fieldText = '';
            if (attribs.type !== undefined) item.types.set(l, attribs.type);
            item.raw.set(l, [at(parser.endIndex + 1), at(parser.endIndex + 1)]);
          }
        } else if (!item && stack.length >= 2 && stack[stack.length - 2] === channelName && (l === 'pubdate' || l === 'lastbuilddate' || l === 'updated')) {
          channelDate = { name, start: at(parser.startIndex), text: '' };
        }
      },
      ontext(data) {
        if (field !== null) fieldText += data;
        else if (channelDate) channelDate.text += data;
      },
      onclosetag(_name, implied) {
        const l = stack.pop();
        if (item && l === itemName && stack.length === itemDepth - 1) {
          finish(item, implied);
          item = null;
          field = null;
          return;
        }
        if (item && field !== null && l === field && stack.length === itemDepth) {
          if (!item.fields.has(field)) {
            item.fields.set(field, restore(fieldText));
            const r = item.raw.get(field);
            if (r) r[1] = at(parser.startIndex);
          }
          field = null;
          return;
        }
        if (channelDate && (l === 'pubdate' || l === 'lastbuilddate' || l === 'updated')) {
          const raw = restore(channelDate.text).trim();
          if (raw && !parseDate(raw)) {
            diagnostics.push(diag('warning', 'invalidFeedDate', [raw, channelDate.name, lineAt(channelDate.start)]));
          }
          channelDate = null;
        }
      },
    },
    { xmlMode: true },
  );
  parser.end(hidden ? hidden.text : xml);
  if (count === 0) {
    diagnostics.push(diag('error', 'noItems', [isAtom ? 'Atom' : 'RSS', isAtom ? 'entries' : 'items']));
  }
  return { format, items, diagnostics };
}

/** An XML document, or markup whose root is a feed rather than a page. */
function feedLike(head: string): boolean {
  return startsLikeXml(head) || (head.startsWith('<') && /<(?:[\w-]+:)?(rss|feed)[\s>]/.test(head) && !/<html[\s>]/.test(head));
}

/** An Atom feed: a feed element and no RSS root. */
function atomLike(head: string): boolean {
  return feedLike(head) && /<(?:[\w-]+:)?feed[\s>]/.test(head) && !/<rss[\s>]/.test(head);
}

export const atomFormat: SourceFormatSpec = {
  id: 'atom',
  extensions: FORMAT_EXTENSIONS.atom,
  sniff: ({ head }) => atomLike(head),
  read: (text) => parseFeed(text),
  yearFromFileName: false,
};

export const rssFormat: SourceFormatSpec = {
  id: 'rss',
  extensions: FORMAT_EXTENSIONS.rss,
  sniff: ({ head }) => !atomLike(head) && feedLike(head) && /<(rss|channel|rdf:rdf)[\s>]/.test(head),
  read: (text) => parseFeed(text),
  yearFromFileName: false,
};
