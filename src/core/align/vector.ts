/**
 * Sparse term vectors for Chinese text without a dictionary: character bigrams (the default)
 * or the words of the platform's Intl.Segmenter, weighted by TF-IDF over a set of documents,
 * compared by cosine.
 *
 * Terms are numbers: a bigram of two UTF-16 code units is `a * 65536 + b`; a Segmenter word is
 * interned and gets an id above 2^32, so both kinds can share one vector type.
 */

export type Tokenizer = 'bigram' | 'unigram+bigram' | 'segmenter';

/** Term frequencies of one text. */
export type TermCounts = Map<number, number>;

/** A unit-length TF-IDF vector: terms ascending, with their weights. */
export interface SparseVector {
  terms: Float64Array;
  weights: Float64Array;
}

export const EMPTY_VECTOR: SparseVector = { terms: new Float64Array(0), weights: new Float64Array(0) };

/** Characters that carry content: CJK ideographs and Latin letters. Digits, punctuation and space break a run. */
function isContent(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Full-width Latin letters fold to ASCII, upper case to lower case; other code units stay. */
function fold(c: number): number {
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xfee0 + 0x20;
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xfee0;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  return c;
}

const WORDS = new Map<string, number>();
const WORD_BASE = 2 ** 32;
let segmenter: Intl.Segmenter | null | undefined;

function wordId(w: string): number {
  let id = WORDS.get(w);
  if (id === undefined) {
    id = WORD_BASE + WORDS.size;
    WORDS.set(w, id);
  }
  return id;
}

/** Whether this platform has a Chinese word segmenter (Node 16+ with full ICU, every current browser). */
export function hasSegmenter(): boolean {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter !== null;
}

/** Adds the terms of `text` to `into` (or a new map) and returns it. */
export function countTerms(text: string, tokenizer: Tokenizer = 'bigram', into: TermCounts = new Map()): TermCounts {
  if (tokenizer === 'segmenter' && hasSegmenter()) {
    for (const s of segmenter!.segment(text)) {
      if (!s.isWordLike) continue;
      let w = '';
      for (let i = 0; i < s.segment.length; i++) {
        const c = fold(s.segment.charCodeAt(i));
        if (isContent(c)) w += String.fromCharCode(c);
      }
      if (!w) continue;
      const id = wordId(w);
      into.set(id, (into.get(id) ?? 0) + 1);
    }
    return into;
  }
  const unigrams = tokenizer === 'unigram+bigram';
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = fold(text.charCodeAt(i));
    if (!isContent(c)) {
      prev = -1;
      continue;
    }
    if (unigrams) into.set(c, (into.get(c) ?? 0) + 1);
    if (prev >= 0) {
      const t = prev * 65536 + c;
      into.set(t, (into.get(t) ?? 0) + 1);
    }
    prev = c;
  }
  return into;
}

/** Sums term counts (a chapter's counts are the sum of its paragraphs'). */
export function addCounts(into: TermCounts, from: TermCounts, factor = 1): TermCounts {
  for (const [t, n] of from) into.set(t, (into.get(t) ?? 0) + n * factor);
  return into;
}

/** Document frequencies → inverse document frequencies, smoothed: ln((N + 1) / (df + 1)) + 1. */
export class Idf {
  private readonly df = new Map<number, number>();
  private docs = 0;

  add(counts: TermCounts): void {
    this.docs++;
    for (const t of counts.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  weight(term: number): number {
    return Math.log((this.docs + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  /** A unit-length vector: sublinear term frequency (1 + ln tf) times the idf. */
  vector(counts: TermCounts): SparseVector {
    const n = counts.size;
    if (!n) return EMPTY_VECTOR;
    const terms = new Float64Array(n);
    let i = 0;
    for (const t of counts.keys()) terms[i++] = t;
    terms.sort();
    const weights = new Float64Array(n);
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const w = (1 + Math.log(counts.get(terms[k])!)) * this.weight(terms[k]);
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < n; k++) weights[k] /= norm;
    return { terms, weights };
  }
}

/** Cosine of two unit-length vectors: their dot product, by a merge of the sorted terms. 0 to 1. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const at = a.terms;
  const bt = b.terms;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < at.length && j < bt.length) {
    const x = at[i];
    const y = bt[j];
    if (x === y) dot += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, Math.max(0, dot));
}
