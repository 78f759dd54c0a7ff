/**
 * An index of a report's paragraphs by character bigram, built once per report version (cached by
 * the Report object: a changed report is a new object). Re-anchoring asks it three questions that
 * used to compare a quote with every paragraph:
 *
 *   - similar(): the paragraphs whose bigram Dice with a quote reaches a bar;
 *   - containing(): the paragraphs that hold most of a quote's bigrams (a span's approximate match);
 *   - occurrences(): where a quote occurs verbatim inside a paragraph.
 *
 * The answers are exact, not estimates: a candidate set comes from the postings of the quote's
 * rarest bigrams (prefix filtering: a paragraph that shares at least `t` of the quote's `m` bigrams
 * shares one of any `m − t + 1` of them), and each candidate is then checked with the full
 * multiset overlap. So re-anchoring places exactly as the scan over every paragraph did, in time
 * that grows with the paragraphs that share rare bigrams with the quote, not with the report.
 */
import type { Report } from '../model/index.ts';
import { bigrams } from './similarity.ts';

const EMPTY: Posting = { paragraphs: new Int32Array(0), counts: new Int32Array(0) };

/** The paragraphs that have one bigram, ascending, and how many times each has it. */
interface Posting {
  paragraphs: Int32Array;
  counts: Int32Array;
}

export class ParagraphIndex {
  /** Sorted bigram codes of each paragraph. */
  readonly grams: Uint32Array[];
  /** Bigram code → its posting. */
  private readonly postings = new Map<number, Posting>();
  /** Overlap counts by paragraph while a query runs (zero between queries). */
  private readonly counts: Int32Array;

  constructor(readonly report: Report) {
    const ps = report.paragraphs;
    this.grams = ps.map((p) => bigrams(p.text));
    this.counts = new Int32Array(ps.length);
    // Two passes over every (bigram, paragraph) pair: number the bigrams and count their paragraphs,
    // then lay each bigram's paragraphs out in one array (in paragraph order, as the pairs come).
    let total = 0;
    for (const g of this.grams) total += g.length;
    const pairCode = new Int32Array(total);
    const pairCount = new Int32Array(total);
    const numbers = new Map<number, number>();
    const codes: number[] = [];
    let sizes = new Int32Array(1024);
    let n = 0;
    for (let i = 0; i < ps.length; i++) {
      const g = this.grams[i];
      for (let k = 0; k < g.length; ) {
        let e = k + 1;
        while (e < g.length && g[e] === g[k]) e++;
        let id = numbers.get(g[k]);
        if (id === undefined) {
          id = codes.length;
          numbers.set(g[k], id);
          codes.push(g[k]);
          if (id >= sizes.length) {
            const grown = new Int32Array(sizes.length * 2);
            grown.set(sizes);
            sizes = grown;
          }
        }
        sizes[id]++;
        pairCode[n] = id;
        pairCount[n++] = e - k;
        k = e;
      }
    }
    const starts = new Int32Array(codes.length + 1);
    for (let id = 0; id < codes.length; id++) starts[id + 1] = starts[id] + sizes[id];
    const fill = starts.slice(0, codes.length);
    const paragraphs = new Int32Array(n);
    const counts = new Int32Array(n);
    let j = 0;
    for (let i = 0; i < ps.length; i++) {
      const g = this.grams[i];
      for (let k = 0; k < g.length; k++) {
        if (k && g[k] === g[k - 1]) continue;
        const at = fill[pairCode[j]]++;
        paragraphs[at] = i;
        counts[at] = pairCount[j++];
      }
    }
    for (let id = 0; id < codes.length; id++) {
      this.postings.set(codes[id], { paragraphs: paragraphs.subarray(starts[id], starts[id + 1]), counts: counts.subarray(starts[id], starts[id + 1]) });
    }
  }

  private posting(code: number): Posting {
    return this.postings.get(code) ?? EMPTY;
  }

  /**
   * The exact multiset overlap with `g` (sorted bigram codes) of every paragraph that may share at
   * least `need` of it, ascending. Candidates come from the postings of the `g.length − need + 1`
   * entries of `g` with the shortest postings (any paragraph with `need` in common has one of
   * them); the other postings only add to the counts of those candidates.
   */
  private overlaps(
    g: Uint32Array,
    need: number,
    needOf: (n: number) => number,
    minLength = 0,
    maxLength = Number.POSITIVE_INFINITY,
  ): { paragraph: number; overlap: number }[] {
    // The distinct codes of g, each with its number of copies, rarest first (sorted by key: posting length, then position).
    const keys: number[] = [];
    const postings: Posting[] = [];
    const copies: number[] = [];
    for (let k = 0; k < g.length; k++) {
      if (k && g[k] === g[k - 1]) copies[copies.length - 1]++;
      else {
        const posting = this.posting(g[k]);
        keys.push(posting.paragraphs.length * 65536 + postings.length);
        postings.push(posting);
        copies.push(1);
      }
    }
    const order = Float64Array.from(keys).sort();
    const counts = this.counts;
    const grams = this.grams;
    let touched: number[] = [];
    let prefix = g.length - need + 1;
    let rest = g.length;
    let sincePrune = 7;
    /** Drops the candidates that cannot reach their own bar with the `rest` bigrams still to count. */
    const prune = () => {
      const kept: number[] = [];
      for (const i of touched) {
        if (counts[i] + rest >= needOf(grams[i].length)) kept.push(i);
        else counts[i] = 0;
      }
      touched = kept;
    };
    for (let o = 0; o < order.length; o++) {
      const k = order[o] % 65536;
      const { paragraphs, counts: have } = postings[k];
      const want = copies[k];
      // Prune as soon as the candidates are all found, then every few bigrams.
      if (prefix <= 0 && ++sincePrune >= 8) {
        prune();
        sincePrune = 0;
      }
      rest -= want;
      if (prefix > 0) {
        for (let j = 0; j < paragraphs.length; j++) {
          const i = paragraphs[j];
          if (counts[i] === 0) {
            const n = grams[i].length;
            if (n < minLength || n > maxLength) continue;
            touched.push(i);
          }
          counts[i] += Math.min(want, have[j]);
        }
        prefix -= want;
      } else if (touched.length * 16 < paragraphs.length) {
        // A common bigram: look the few candidates up in its posting rather than walk all of it.
        for (const i of touched) {
          let lo = 0;
          let hi = paragraphs.length - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (paragraphs[mid] < i) lo = mid + 1;
            else if (paragraphs[mid] > i) hi = mid - 1;
            else {
              counts[i] += Math.min(want, have[mid]);
              break;
            }
          }
        }
      } else {
        for (let j = 0; j < paragraphs.length; j++) {
          const i = paragraphs[j];
          if (counts[i] !== 0) counts[i] += Math.min(want, have[j]);
        }
      }
    }
    touched.sort((x, y) => x - y);
    const out = touched.map((i) => ({ paragraph: i, overlap: counts[i] }));
    for (const i of touched) counts[i] = 0;
    return out;
  }

  /**
   * The paragraphs whose bigram Dice with `g` is at least `min` (0 < min ≤ 1), ascending, with their
   * Dice. Exactly those a scan of every paragraph with dice() finds.
   */
  similar(g: Uint32Array, min: number): { paragraph: number; similarity: number }[] {
    const out: { paragraph: number; similarity: number }[] = [];
    const m = g.length;
    if (!m) return out; // as the scan: an empty quote is like no paragraph
    // Dice ≥ min needs an overlap of at least min·m / (2 − min): the other side has at least that many bigrams.
    const need = Math.min(m, Math.max(1, Math.floor((min * m) / (2 - min) - 1e-9) + 1));
    // …and the other side at most m·(2 − min) / min bigrams.
    const longest = (m * (2 - min)) / min + 1e-9;
    const needOf = (n: number) => (min * (m + n)) / 2 - 1e-9;
    for (const { paragraph: i, overlap } of this.overlaps(g, need, needOf, need, longest)) {
      const similarity = (2 * overlap) / (m + this.grams[i].length);
      if (similarity >= min) out.push({ paragraph: i, similarity });
    }
    return out;
  }

  /** The paragraphs that hold at least `min` (0 < min ≤ 1) of the bigrams of `g`, ascending, with that share. */
  containing(g: Uint32Array, min: number): { paragraph: number; share: number }[] {
    const m = g.length;
    if (!m) return [];
    const need = Math.min(m, Math.max(1, Math.ceil(min * m - 1e-9)));
    const out: { paragraph: number; share: number }[] = [];
    for (const { paragraph: i, overlap } of this.overlaps(g, need, () => need)) {
      const share = overlap / m;
      if (share >= min) out.push({ paragraph: i, share });
    }
    return out;
  }

  /**
   * Where `needle` occurs inside a paragraph (UTF-16 offsets in the report text), in text order, at
   * most `max`; only in the paragraphs that have its rarest bigram. Null for a needle shorter than
   * two units (the caller searches the text).
   */
  occurrences(needle: string, max = 64): number[] | null {
    if (needle.length < 2) return null;
    const g = bigrams(needle);
    let rarest = this.posting(g[0]).paragraphs;
    for (let k = 1; k < g.length && rarest.length; k++) {
      if (g[k] === g[k - 1]) continue;
      const p = this.posting(g[k]).paragraphs;
      if (p.length < rarest.length) rarest = p;
    }
    const out: number[] = [];
    const ps = this.report.paragraphs;
    for (const i of rarest) {
      const p = ps[i];
      for (let h = p.text.indexOf(needle); h >= 0 && out.length < max; h = p.text.indexOf(needle, h + 1)) out.push(p.start + h);
      if (out.length >= max) break;
    }
    return out;
  }
}

const built = new WeakMap<Report, ParagraphIndex>();

/** The index of a report, built on first use and kept as long as the Report object lives. */
export function paragraphIndex(report: Report): ParagraphIndex {
  let index = built.get(report);
  if (!index) {
    index = new ParagraphIndex(report);
    built.set(report, index);
  }
  return index;
}
