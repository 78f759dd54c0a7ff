/**
 * The flattened feed: an RSS feed turned into text. The first line holds the channel's
 * title, link, description and two dates, then the first item's title, link and the start
 * of its body. Each item ends with a line `]]>` and a date line; the next item's
 * `title link` line follows.
 */
import type { Diagnostic, RawItem } from '../../model/index.ts';
import type { SourceFormatSpec } from '../registry.ts';
import { parseDate } from '../../model/index.ts';
import { diag } from '../../model/index.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';

const END = /^\s*\]\]>\s*$/;
const URL = /https?:\/\/[^\s\u3000\u00a0]+/g;
/** Channel dates on the first line: `2019-06-18 08:19:00` or RFC 822 `Tue, 18 Jun 2019 08:19:00 GMT`. */
const DATE_TIME =
  /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T\s]+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s*)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+(?:[A-Z]{1,4}|[+-]\d{4})\b)?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s+[A-Z]{2,5}\s+\d{4}/g;

/** The index of the first non-blank line at or after i, or -1. */
function nextNonBlank(lines: string[], i: number): number {
  for (let j = i; j < lines.length; j++) if (lines[j].trim()) return j;
  return -1;
}

/** A date line after `]]>`: it parses as a date, or looks like one (digits, no link). */
function isDateLine(line: string): boolean {
  const t = line.trim();
  return parseDate(t) !== null || (/\d{4}/.test(t) && !/https?:\/\//.test(t) && t.length <= 40);
}

function isFlattenedFeed(text: string): boolean {
  // Every text is asked: say no at once to one with no item end, before splitting it into lines.
  if (text.indexOf(']]>') < 0) return false;
  const lines = text.split(/\r?\n/);
  if (!/https?:\/\//.test(lines[nextNonBlank(lines, 0)] ?? '')) return false;
  for (let i = 0; i < lines.length; i++) {
    if (!END.test(lines[i])) continue;
    const j = nextNonBlank(lines, i + 1);
    if (j < 0 || isDateLine(lines[j]) || /https?:\/\//.test(lines[j])) return true;
  }
  return false;
}

/** Splits `title link body…` at the first URL. */
function splitHead(line: string): { title: string | null; link: string | null; rest: string } {
  const m = new RegExp(URL.source).exec(line);
  if (!m) return { title: null, link: null, rest: line };
  return { title: line.slice(0, m.index).trim() || null, link: m[0], rest: line.slice(m.index + m[0].length) };
}

function parseFlattened(text: string): { items: RawItem[]; diagnostics: Diagnostic[] } {
  const lines = text.split(/\r?\n/);
  const diagnostics: Diagnostic[] = [];
  const items: RawItem[] = [];
  let start = 0;
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    if (!END.test(lines[i])) continue;
    // The item's lines: [from, i), blank lines at its start skipped by an index (shift() per
    // blank line would move the rest each time).
    let from = start;
    while (from < i && !lines[from].trim()) from++;
    // The date line may follow blank lines; a `title link` line instead means the item has no date.
    const j = nextNonBlank(lines, i + 1);
    const dated = j >= 0 && isDateLine(lines[j]);
    const date = dated ? lines[j].trim() : null;
    const head = from < i ? lines[from] : '';
    const seg = lines.slice(Math.min(from + 1, i), i);
    let title: string | null;
    let link: string | null;
    let rest: string;
    if (first) {
      // Channel title, link, description and dates come before the first item.
      // The item's link is the first link after the channel's dates (a link in the channel's
      // description comes before them; a date in the item's body after it).
      const urls = [...head.matchAll(URL)];
      const allDates = [...head.matchAll(DATE_TIME)];
      // The first link after the first date (one comparison per link, not one per link and date).
      const firstDate = allDates[0]?.index ?? Infinity; // matchAll gives them in order
      const dated = urls.find((u) => firstDate < (u.index ?? 0));
      const channelDates = dated ? allDates.filter((d) => (d.index ?? 0) < (dated.index ?? 0)) : [];
      for (const d of channelDates) {
        if (!parseDate(d[0])) {
          diagnostics.push(diag('warning', 'invalidChannelDate', [d[0]]));
          break;
        }
      }
      const afterDates = channelDates.length ? (channelDates.at(-1)!.index ?? 0) + channelDates.at(-1)![0].length : 0;
      // With channel dates, the item's title and link come after them. Without (an unknown date
      // form, or none), the item's link is the second one and its title the word before it.
      const itemUrl = dated ?? (urls.length > 1 ? urls[1] : urls[0]);
      if (itemUrl) {
        const before = head.slice(afterDates, itemUrl.index).trim();
        title = (channelDates.length ? before : before.split(/\s+/).pop()) || null;
        link = itemUrl[0];
        rest = head.slice((itemUrl.index ?? 0) + itemUrl[0].length);
      } else {
        ({ title, link, rest } = splitHead(head));
      }
      first = false;
    } else {
      ({ title, link, rest } = splitHead(head));
    }
    const blocks = [rest, ...seg];
    const itemDiags: Diagnostic[] = [];
    if (!blocks.some((b) => b.trim())) {
      itemDiags.push(diag('warning', 'emptyBody', ['Item', items.length + 1]));
    }
    items.push({ title, link, date, blocks, diagnostics: itemDiags });
    start = dated ? j + 1 : i + 1;
    i = start - 1;
  }
  const left = lines.slice(start).filter((l) => l.trim());
  if (left.length) {
    diagnostics.push(diag('error', 'flatCutOff', [left.length, items.length, start + 1]));
  }
  return { items, diagnostics };
}

export const flattenedFeedFormat: SourceFormatSpec = {
  id: 'flattened-feed',
  extensions: FORMAT_EXTENSIONS['flattened-feed'],
  sniff: ({ text }) => isFlattenedFeed(text),
  read: (text) => parseFlattened(text),
  yearFromFileName: false,
};
