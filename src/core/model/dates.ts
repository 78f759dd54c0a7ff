/**
 * Strict date parsing for feed and page dates. A date that names an impossible month,
 * day or time (the seed feed's `2019-21-18 04:21:54`) is rejected, never shifted.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function daysIn(y: number, m: number): number {
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

const p2 = (n: number) => String(n).padStart(2, '0');

function build(y: number, mo: number, d: number, h: number | null, mi: number | null, s: number | null, zone: string | null): string | null {
  if (!(y >= 1900 && y <= 2200) || !(mo >= 1 && mo <= 12) || !(d >= 1 && d <= daysIn(y, mo))) return null;
  if (h === null) return `${y}-${p2(mo)}-${p2(d)}`;
  if (h > 23 || (mi ?? 0) > 59 || (s ?? 0) > 60) return null;
  return `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi ?? 0)}:${p2(s ?? 0)}${zone ?? ''}`;
}

/** RFC 822 zone names with one meaning. CST is left out on purpose: Chinese CMS feeds use it for China Standard Time. */
const ZONES: Record<string, string> = {
  GMT: 'Z',
  UTC: 'Z',
  UT: 'Z',
  Z: 'Z',
  EST: '-05:00',
  EDT: '-04:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

/** An offset for a zone, or null when there is none or it is ambiguous: the time is then kept as printed (local). */
function zoneOf(z: string | undefined): string | null {
  if (!z) return null;
  const named = ZONES[z.toUpperCase()];
  if (named) return named;
  const gmt = /^(?:GMT|UTC)([+-]\d{2}:?\d{2})$/i.exec(z);
  if (gmt) return zoneOf(gmt[1]);
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (m) return `${m[1]}${m[2]}:${m[3]}`;
  return null;
}

/** RFC 2822: a two-digit year below 50 is 20xx, else 19xx. */
const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y));

/**
 * Parses RFC 822 (with full or short weekday names, two- or four-digit years, and zones such as
 * `GMT+0800`), the Java `Date.toString()` form common in Chinese CMS feeds (`Tue Jun 18 08:19:00 CST
 * 2019`), JavaScript's (`Tue Jun 18 2019 08:19:00 GMT+0800 (中国标准时间)`),
 * ISO-8601, `YYYY-MM-DD hh:mm:ss` and `YYYY年M月D日`. Returns ISO-8601, or null for anything
 * that is not a real date and time.
 */
export function parseDate(raw: string): string | null {
  // Full-width digits; a ratio's colon or a full-width one between hours and minutes (10∶08, 10：08, as some sites' templates print it).
  const s = raw
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)\s*[∶：]\s*(?=\d)/g, ':');
  let m =
    /^(?:[A-Za-z]+\.?(?:,\s*|\s+))?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+([A-Za-z]{1,5}(?:[+-]\d{2}:?\d{2})?|[+-]\d{2}:?\d{2}))?$/.exec(
      s,
    );
  if (m) {
    const mo = MONTHS[m[2].toLowerCase()];
    if (!mo) return null;
    return build(fullYear(m[3]), mo, +m[1], m[4] ? +m[4] : null, m[5] ? +m[5] : null, m[6] ? +m[6] : null, m[4] ? zoneOf(m[7]) : null);
  }
  m = /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([A-Za-z]{1,5}(?:[+-]\d{2}:?\d{2})?)\s+(\d{4})$/.exec(s);
  if (m) {
    const mo = MONTHS[m[1].toLowerCase()];
    if (!mo) return null;
    return build(+m[7], mo, +m[2], +m[3], +m[4], +m[5], zoneOf(m[6]));
  }
  // JavaScript's Date.toString (feeds written by a Node or browser script): Tue Jun 18 2019 08:19:00 GMT+0800 (中国标准时间).
  m = /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s+((?:GMT|UTC)[+-]\d{2}:?\d{2})(?:\s+\([^()]*\))?$/.exec(s);
  if (m) {
    const mo = MONTHS[m[1].toLowerCase()];
    if (!mo) return null;
    return build(+m[3], mo, +m[2], +m[4], +m[5], +m[6], zoneOf(m[7]));
  }
  // A CMS that pads its fields prints spaces after the separators (2016- 03- 14 14: 36: 12).
  m = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[T\s]+(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], m[4] ? +m[4] : null, m[5] ? +m[5] : null, m[6] ? +m[6] : null, m[4] ? zoneOf(m[7]) : null);
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], m[4] ? +m[4] : null, m[5] ? +m[5] : null, m[6] ? +m[6] : null, null);
  return null;
}
