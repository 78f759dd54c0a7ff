/**
 * The `created` and `modified` times of annotations: ISO-8601 date and time, as the sidecar's
 * schema says (RFC 3339), between the years 0000 and 9999 in UTC, the range that
 * Date.prototype.toISOString writes as four digits. The store writes only times in that range and
 * reads only times in it, so whatever it writes, it reads back.
 */

/** ISO-8601 date and time (Date.parse alone accepts “March 1, 2026”). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z. */
const MIN_TIME = -62_167_219_200_000;
export const MAX_TIME = 253_402_300_799_999;

const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (y: number, m: number) => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/**
 * The instant of an annotation time, or null when it is not an ISO-8601 date and time (a real
 * day of its month, hours 00–23, an offset within ±23:59) whose instant is in the years 0000–9999.
 */
export function annotationTime(s: string): number | null {
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec, oh, om] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59 || oh > 23 || om > 59) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) || t < MIN_TIME || t > MAX_TIME ? null : t;
}

/** A time in ms, brought into the years 0000–9999. */
export function clampTime(t: number): number {
  return Math.min(MAX_TIME, Math.max(MIN_TIME, t));
}
