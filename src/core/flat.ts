/**
 * The flattened feed: an RSS feed turned into text. The first line holds the channel's
 * title, link, description and two dates, then the first item's title, link and the start
 * of its body. Each item ends with a line `]]>` and a date line; the next item's
 * `title link` line follows.
 */
import type { Diagnostic, RawItem } from './model.ts';
import { parseDate } from './dates.ts';
import { diag } from './messages.ts';

const END = /^\s*\]\]>\s*$/;
const URL = /https?:\/\/[^\s\u3000\u00a0]+/g;
const DATE_TIME = /\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?/g;

export function isFlattenedFeed(text: string): boolean {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i + 1 < lines.length; i++) {
    if (END.test(lines[i]) && (parseDate(lines[i + 1]) !== null || /\d{4}/.test(lines[i + 1]))) return true;
  }
  return false;
}

/** Splits `title link body…` at the first URL. */
function splitHead(line: string): { title: string | null; link: string | null; rest: string } {
  const m = /https?:\/\/[^\s\u3000\u00a0]+/.exec(line);
  if (!m) return { title: null, link: null, rest: line };
  return { title: line.slice(0, m.index).trim() || null, link: m[0], rest: line.slice(m.index + m[0].length) };
}

export function parseFlattened(text: string): { items: RawItem[]; diagnostics: Diagnostic[] } {
  const lines = text.split(/\r?\n/);
  const diagnostics: Diagnostic[] = [];
  const items: RawItem[] = [];
  let start = 0;
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    if (!END.test(lines[i])) continue;
    const seg = lines.slice(start, i);
    const dateLine = lines[i + 1]?.trim() ?? '';
    const head = seg.shift() ?? '';
    let title: string | null;
    let link: string | null;
    let rest: string;
    if (first) {
      // Channel title, link, description and dates come before the first item.
      const urls = [...head.matchAll(URL)];
      const channelDates = [...head.matchAll(DATE_TIME)];
      for (const d of channelDates) {
        if (!parseDate(d[0])) {
          diagnostics.push(diag('warning', 'invalidChannelDate', [d[0]]));
          break;
        }
      }
      const afterDates = channelDates.length ? (channelDates.at(-1)!.index ?? 0) + channelDates.at(-1)![0].length : 0;
      const itemUrl = urls.find((u) => (u.index ?? 0) >= afterDates) ?? urls[1];
      if (itemUrl) {
        title = head.slice(afterDates, itemUrl.index).trim() || null;
        link = itemUrl[0];
        rest = head.slice((itemUrl.index ?? 0) + itemUrl[0].length);
      } else {
        ({ title, link, rest } = splitHead(head));
      }
      first = false;
    } else {
      ({ title, link, rest } = splitHead(head));
    }
    const date = dateLine && !END.test(dateLine) ? dateLine : null;
    const blocks = [rest, ...seg];
    const itemDiags: Diagnostic[] = [];
    if (!blocks.some((b) => b.trim())) {
      itemDiags.push(diag('warning', 'emptyBody', ['Item', items.length + 1]));
    }
    items.push({ title, link, date, blocks, diagnostics: itemDiags });
    start = date ? i + 2 : i + 1;
    i = start - 1;
  }
  const left = lines.slice(start).filter((l) => l.trim());
  if (left.length) {
    diagnostics.push(diag('error', 'flatCutOff', [left.length, items.length, start + 1]));
  }
  return { items, diagnostics };
}
