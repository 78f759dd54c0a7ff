/** Similarity of strings and of a quote's context: bigram Dice, context agreement and approximate search. */
import type { AnnotationTarget } from './annotation.ts';

/** Sorted character bigram codes of a string (one unigram for a one-character string). */
export function bigrams(s: string): Uint32Array {
  if (s.length < 2) return Uint32Array.from(s.length ? [s.charCodeAt(0)] : []);
  const out = new Uint32Array(s.length - 1);
  for (let i = 0; i < out.length; i++) out[i] = ((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0;
  return out.sort();
}

/** Size of the multiset intersection of two sorted arrays. */
function overlap(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Sørensen–Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (!a.length && !b.length) return 1;
  return (2 * overlap(a, b)) / (a.length + b.length);
}

/** How well two short context strings agree: the longer of the shared edge and the bigram similarity. */
function contextSimilarity(expected: string, actual: string, atEnd: boolean): number {
  if (!expected.length) return actual.length ? 0 : 1;
  let k = 0;
  const n = Math.min(expected.length, actual.length);
  if (atEnd) while (k < n && expected[expected.length - 1 - k] === actual[actual.length - 1 - k]) k++;
  else while (k < n && expected[k] === actual[k]) k++;
  return Math.max(k / expected.length, dice(bigrams(expected), bigrams(actual)));
}

/** Agreement (0…1) of a target's prefix and of its suffix with the text around [start, end). */
export function contextSides(text: string, start: number, end: number, t: AnnotationTarget): { left: number; right: number } {
  const { prefix, suffix } = t.quote;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return { left: contextSimilarity(prefix, before, true), right: contextSimilarity(suffix, after, false) };
}

/**
 * Mean agreement of both sides of the context. Memoised for the last text: many annotations
 * share a paragraph and its context, and re-anchoring asks the same question for each of them.
 */
let memoText = '';
let memo = new Map<string, number>();
export function contextScore(text: string, start: number, end: number, t: AnnotationTarget): number {
  if (text !== memoText) {
    memoText = text;
    memo = new Map();
  }
  const key = `${start}:${end}:${t.quote.prefix}\u0000${t.quote.suffix}`;
  let v = memo.get(key);
  if (v === undefined) {
    const { left, right } = contextSides(text, start, end, t);
    v = (left + right) / 2;
    if (memo.size > 100_000) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/** Agreement of the weaker side: both neighbours must agree for this to be high. */
export function contextBoth(text: string, start: number, end: number, t: AnnotationTarget): number {
  const { left, right } = contextSides(text, start, end, t);
  return Math.min(left, right);
}

/**
 * Approximate substring search (Sellers): the span of `text` with the least edit distance to
 * `pattern`. Returns null when either is too long for a bounded search.
 */
export function approximateSearch(pattern: string, text: string): { start: number; end: number; distance: number } | null {
  const m = pattern.length;
  const n = text.length;
  if (!m || m > 2000 || n > 20000 || m * n > 4_000_000) return null;
  let cost = new Int32Array(m + 1);
  let from = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    from[i] = 0;
  }
  let best = { start: 0, end: 0, distance: m };
  for (let j = 1; j <= n; j++) {
    nextCost[0] = 0;
    nextFrom[0] = j;
    const tc = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const sub = cost[i - 1] + (pattern.charCodeAt(i - 1) === tc ? 0 : 1);
      const del = cost[i] + 1; // skip a text character
      const ins = nextCost[i - 1] + 1; // skip a pattern character
      if (sub <= del && sub <= ins) {
        nextCost[i] = sub;
        nextFrom[i] = from[i - 1];
      } else if (del <= ins) {
        nextCost[i] = del;
        nextFrom[i] = from[i];
      } else {
        nextCost[i] = ins;
        nextFrom[i] = nextFrom[i - 1];
      }
    }
    if (nextCost[m] < best.distance) best = { start: nextFrom[m], end: j, distance: nextCost[m] };
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
  }
  return best;
}
