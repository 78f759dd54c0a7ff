/**
 * RSS 2.0 and Atom feeds. Each item (entry) is one report; its body is HTML in CDATA
 * or escaped, or XHTML. A feed cut off mid-item keeps its complete items.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { Diagnostic, RawItem } from './model.ts';
import { htmlToBlocks, htmlToText, nodesToBlocks } from './html.ts';
import { parseDate } from './dates.ts';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function local(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

function child(el: Element, ...names: string[]): Element | null {
  for (const n of names) {
    for (const c of el.children) {
      if (c.type === 'tag' && (c.name.toLowerCase() === n || local(c.name) === n)) return c;
    }
  }
  return null;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Undefined entities (&nbsp; in XML, or &foo;) are kept as text; say so once with where they occur. */
function checkEntities(xml: string): Diagnostic[] {
  // Scan only outside CDATA sections (the bodies), without copying the text.
  const declared = new Set<string>();
  const found = new Map<string, number>();
  const scan = (from: number, to: number) => {
    if (xml.indexOf('&', from) < 0 || xml.indexOf('&', from) >= to) return;
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
  const list = [...found].slice(0, 5).map(([n, i]) => `&${n}; (line ${lineAt(xml, i)})`).join(', ');
  return [{
    severity: 'warning',
    message: `The feed uses entities that XML does not define: ${list}${found.size > 5 ? ', …' : ''}. HTML entities were decoded as HTML; others are kept as text.`,
    line: null,
  }];
}

export interface FeedResult {
  format: 'rss' | 'atom';
  items: RawItem[];
  diagnostics: Diagnostic[];
}

function bodyBlocks(el: Element | null, atom: boolean): string[] {
  if (!el) return [];
  const type = (el.attribs?.type ?? '').toLowerCase();
  if (atom && (type === 'xhtml' || type.endsWith('+xml'))) return nodesToBlocks(el.children as AnyNode[]);
  const text = DomUtils.textContent(el);
  if (atom && (type === '' || type === 'text')) return text.split(/\r?\n/);
  return htmlToBlocks(text);
}

export function parseFeed(xml: string): FeedResult {
  const doc = parseDocument(xml, { xmlMode: true, withStartIndices: true, withEndIndices: true });
  const isAtom = !!DomUtils.findOne((e) => local(e.name) === 'feed', doc.children, true) &&
    !DomUtils.findOne((e) => local(e.name) === 'rss' || local(e.name) === 'channel', doc.children, true);
  const format = isAtom ? 'atom' : 'rss';
  const itemName = isAtom ? 'entry' : 'item';
  const diagnostics: Diagnostic[] = checkEntities(xml);
  const items: RawItem[] = [];
  // The channel's own dates are not the reports' dates, but a bad one is worth a warning.
  const channel = DomUtils.findOne((e) => local(e.name) === (isAtom ? 'feed' : 'channel'), doc.children, true);
  if (channel) {
    for (const c of channel.children) {
      if (c.type !== 'tag' || !['pubdate', 'lastbuilddate', 'updated'].includes(local(c.name))) continue;
      const raw = DomUtils.textContent(c).trim();
      if (raw && !parseDate(raw)) {
        diagnostics.push({ severity: 'warning', message: `Invalid feed date “${raw}” in <${c.name}> at line ${lineAt(xml, c.startIndex ?? 0)}: ignored.`, line: null });
      }
    }
  }
  const elements = DomUtils.findAll((e) => local(e.name) === itemName, doc.children);
  let n = 0;
  for (const el of elements) {
    n++;
    const end = el.endIndex ?? xml.length - 1;
    const closed = new RegExp(`</\\s*(?:[\\w-]+:)?${itemName}\\s*>$`, 'i').test(xml.slice(Math.max(el.startIndex ?? 0, end - 40), end + 1));
    const titleEl = child(el, 'title');
    const title = titleEl ? htmlToText(DomUtils.textContent(titleEl)) || null : null;
    if (!closed) {
      diagnostics.push({
        severity: 'error',
        message: `The feed is cut off inside ${itemName} ${n}${title ? ` (“${title}”)` : ''} at line ${lineAt(xml, el.startIndex ?? 0)}: that ${itemName} was not imported; the ${items.length} complete one${items.length === 1 ? ' was' : 's were'} kept.`,
        line: null,
      });
      continue;
    }
    let link: string | null = null;
    if (isAtom) {
      const links = el.children.filter((c): c is Element => c.type === 'tag' && local(c.name) === 'link');
      const alt = links.find((l) => !l.attribs.rel || l.attribs.rel === 'alternate') ?? links[0];
      link = alt?.attribs.href?.trim() || null;
    } else {
      const l = child(el, 'link');
      link = l ? DomUtils.textContent(l).trim() || null : null;
      if (!link) {
        const g = child(el, 'guid');
        const gl = g ? DomUtils.textContent(g).trim() : '';
        if (/^https?:/.test(gl)) link = gl;
      }
    }
    const dateEl = isAtom ? child(el, 'published', 'updated') : child(el, 'pubdate', 'date', 'published', 'updated');
    const date = dateEl ? DomUtils.textContent(dateEl).trim() || null : null;
    const candidates = isAtom ? [child(el, 'content'), child(el, 'summary')] : [child(el, 'encoded'), child(el, 'description')];
    let blocks: string[] = [];
    for (const c of candidates) {
      const b = bodyBlocks(c, isAtom);
      if (b.join('').length > blocks.join('').length) blocks = b;
    }
    const itemDiags: Diagnostic[] = [];
    if (!blocks.some((b) => b.trim())) {
      itemDiags.push({ severity: 'warning', message: `${isAtom ? 'Entry' : 'Item'} ${n} has an empty body.`, line: null });
    }
    items.push({ title, link, date, blocks, diagnostics: itemDiags });
  }
  if (elements.length === 0) {
    diagnostics.push({ severity: 'error', message: `The ${format === 'atom' ? 'Atom' : 'RSS'} feed has no ${isAtom ? 'entries' : 'items'}.`, line: null });
  }
  return { format, items, diagnostics };
}
