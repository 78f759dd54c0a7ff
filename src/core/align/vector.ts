/**
 * Sparse term vectors for Chinese text without a dictionary: character bigrams (the default)
 * or the words of the platform's Intl.Segmenter, weighted by TF-IDF over a set of documents,
 * compared by cosine.
 *
 * Every term gets a small dense id from one vocabulary (a bigram of two UTF-16 code units is
 * keyed `a * 65536 + b`, a word is keyed by its text), so counts, document frequencies and
 * vectors are typed arrays, and sums go through one scratch accumulator: aligning 38 national
 * reports builds about 10,000 vectors.
 */

import { simplifiedCode } from '../structure/index.ts';

export type Tokenizer = 'bigram' | 'unigram+bigram' | 'segmenter';

/** Term counts of one text: ids (each once, in no particular order), with their counts. */
export interface TermCounts {
  ids: Int32Array;
  counts: Float64Array;
}

/** A unit-length TF-IDF vector: ids (each once), with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float64Array(0) };

/** Bigram key → id: open addressing on typed arrays (a Map is the slowest part of counting). */
let bigramKeys = new Uint32Array(1 << 16);
let bigramIds = new Int32Array(1 << 16).fill(-1);
let bigramCount = 0;
const WORDS = new Map<string, number>();
let vocabulary = 0;

/** The scratch accumulator: a count per id, and the ids touched since the last flush. */
let acc = new Float64Array(1 << 16);
let touched = new Int32Array(1 << 12);
let nTouched = 0;

function bump(id: number, n: number): void {
  if (id >= acc.length) {
    const bigger = new Float64Array(Math.max(acc.length * 2, id + 1));
    bigger.set(acc);
    acc = bigger;
  }
  if (acc[id] === 0) {
    if (nTouched === touched.length) {
      const bigger = new Int32Array(touched.length * 2);
      bigger.set(touched);
      touched = bigger;
    }
    touched[nTouched++] = id;
  }
  acc[id] += n;
}

/** The accumulated counts as a TermCounts (ids in first-seen order); clears the accumulator. */
function flush(): TermCounts {
  const ids = touched.slice(0, nTouched);
  const counts = new Float64Array(nTouched);
  for (let k = 0; k < nTouched; k++) {
    counts[k] = acc[ids[k]];
    acc[ids[k]] = 0;
  }
  nTouched = 0;
  return { ids, counts };
}

function slot(keys: Uint32Array, ids: Int32Array, key: number): number {
  const mask = keys.length - 1;
  let h = Math.imul(key, 0x9e3779b1) >>> 0;
  for (;;) {
    h &= mask;
    if (ids[h] < 0 || keys[h] === key) return h;
    h++;
  }
}

function bigramId(key: number): number {
  let h = slot(bigramKeys, bigramIds, key);
  if (bigramIds[h] >= 0) return bigramIds[h];
  if ((bigramCount + 1) * 2 > bigramKeys.length) {
    const oldKeys = bigramKeys;
    const oldIds = bigramIds;
    bigramKeys = new Uint32Array(oldKeys.length * 2);
    bigramIds = new Int32Array(oldKeys.length * 2).fill(-1);
    for (let k = 0; k < oldKeys.length; k++) {
      if (oldIds[k] < 0) continue;
      const s = slot(bigramKeys, bigramIds, oldKeys[k]);
      bigramKeys[s] = oldKeys[k];
      bigramIds[s] = oldIds[k];
    }
    h = slot(bigramKeys, bigramIds, key);
  }
  bigramKeys[h] = key;
  bigramCount++;
  return (bigramIds[h] = vocabulary++);
}

function wordId(w: string): number {
  let id = WORDS.get(w);
  if (id === undefined) WORDS.set(w, (id = vocabulary++));
  return id;
}

/** Characters that carry content: CJK ideographs and Latin letters. Digits, punctuation and space break a run. */
function isContent(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Full-width Latin letters fold to ASCII, upper case to lower case, traditional characters to simplified (a report set in
 * traditional characters, a mirror's copy, counts the terms of its simplified copy, as the other years of its series are
 * written); other code units stay.
 */
function fold(c: number): number {
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xfee0 + 0x20;
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xfee0;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  return simplifiedCode(c);
}

let segmenter: Intl.Segmenter | null | undefined;

/** Whether this platform has a Chinese word segmenter (Node with full ICU, every current browser). */
function hasSegmenter(): boolean {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter !== null;
}

/** The terms of a text. `segmenter` falls back to bigrams where the platform has no Intl.Segmenter. */
export function countTerms(text: string, tokenizer: Tokenizer = 'bigram'): TermCounts {
  if (tokenizer === 'segmenter' && hasSegmenter()) {
    for (const s of segmenter!.segment(text)) {
      if (!s.isWordLike) continue;
      let w = '';
      for (let i = 0; i < s.segment.length; i++) {
        const c = fold(s.segment.charCodeAt(i));
        if (isContent(c)) w += String.fromCharCode(c);
      }
      if (w) bump(wordId(w), 1);
    }
    return flush();
  }
  const unigrams = tokenizer === 'unigram+bigram';
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = fold(text.charCodeAt(i));
    if (!isContent(c)) {
      prev = -1;
      continue;
    }
    if (unigrams) bump(bigramId(c), 1);
    if (prev >= 0) bump(bigramId(prev * 65536 + c), 1);
    prev = c;
  }
  return flush();
}

/** The sum of several term counts, each times its factor (a chapter's counts: its paragraphs', its heading's twice). */
export function sumCounts(parts: TermCounts[], factors?: number[]): TermCounts {
  for (let p = 0; p < parts.length; p++) {
    const { ids, counts } = parts[p];
    const f = factors ? factors[p] : 1;
    for (let k = 0; k < ids.length; k++) bump(ids[k], counts[k] * f);
  }
  return flush();
}

/** Document frequencies → inverse document frequencies, smoothed: ln((N + 1) / (df + 1)) + 1. */
export class Idf {
  private df = new Int32Array(1 << 12);
  private docs = 0;

  add(terms: TermCounts): void {
    this.docs++;
    let last = 0;
    for (const id of terms.ids) if (id > last) last = id;
    if (last >= this.df.length) {
      const bigger = new Int32Array(Math.max(this.df.length * 2, last + 1));
      bigger.set(this.df);
      this.df = bigger;
    }
    for (const id of terms.ids) this.df[id]++;
  }

  weight(id: number): number {
    return Math.log((this.docs + 1) / ((id < this.df.length ? this.df[id] : 0) + 1)) + 1;
  }

  /** A unit-length vector: sublinear term frequency (1 + ln tf) times the idf. */
  vector(terms: TermCounts): SparseVector {
    const n = terms.ids.length;
    if (!n) return EMPTY_VECTOR;
    const weights = new Float64Array(n);
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const w = (1 + Math.log(terms.counts[k])) * this.weight(terms.ids[k]);
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < n; k++) weights[k] /= norm;
    return { ids: terms.ids, weights };
  }
}

/** Cosine of two unit-length vectors: their dot product. 0 to 1. */
export function cosine(a: SparseVector, b: SparseVector): number {
  return cosines(a, [b])[0];
}

let dense = new Float64Array(1 << 16);

/**
 * Cosines of one vector with many: `a` is scattered into a dense array once, and each other
 * vector's dot product is a gather over its own ids.
 */
export function cosines(a: SparseVector, others: SparseVector[]): number[] {
  const { ids, weights } = a;
  let max = 0;
  for (let k = 0; k < ids.length; k++) if (ids[k] > max) max = ids[k];
  if (max >= dense.length) dense = new Float64Array(Math.max(dense.length * 2, max + 1));
  for (let k = 0; k < ids.length; k++) dense[ids[k]] = weights[k];
  const out = new Array<number>(others.length);
  for (let o = 0; o < others.length; o++) {
    const b = others[o];
    let dot = 0;
    for (let k = 0; k < b.ids.length; k++) {
      const id = b.ids[k];
      if (id < dense.length) dot += dense[id] * b.weights[k];
    }
    out[o] = Math.min(1, Math.max(0, dot));
  }
  for (let k = 0; k < ids.length; k++) dense[ids[k]] = 0;
  return out;
}
