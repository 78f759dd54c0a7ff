/**
 * Targets and re-anchoring. A target records a paragraph id, a W3C TextQuoteSelector and a
 * TextPositionSelector (code points). When a report is loaded, each annotation is placed by the
 * first of these that succeeds:
 *
 *   1. exact-id: the paragraph id (for repeated paragraphs, the occurrence whose context agrees);
 *   2. quote: the exact quote, where it occurs once, or where its context picks one occurrence;
 *   3. fuzzy: the quote matched approximately, scored; under a higher bar it is needs-review;
 *   4. orphan: none of these. The annotation is kept, never dropped.
 *
 * Wrong placements are worse than orphans (they silently move a tag onto a lookalike), so:
 *   - a paragraph whose id matched another annotation's paragraph is an unchanged paragraph
 *     that was already a different one; it is never offered to anyone else (“claimed”);
 *   - each old paragraph maps to at most one new one and the other way round (greedy, best
 *     score first);
 *   - a close second candidate, or context that disagrees, lowers the result to needs-review;
 *   - short quotes need their context to agree;
 *   - a paragraph that had copies (another annotation names one) found by its id, whose old
 *     neighbours now touch elsewhere (the first of two copies deleted, or moved), is only suggested
 *     (needs-review), with its spans;
 *   - a fuzzy match on a paragraph that the stored context shows was the annotated one's neighbour,
 *     or whose figures differ from the quote's, is only suggested (needs-review).
 */
import { type MessageCode, MESSAGES, type Paragraph, type Problem, problem, problemText, type Report } from '../model/index.ts';
import { type Annotation, type AnnotationTarget, CONTEXT_LENGTH, isWholeParagraph } from './annotation.ts';
import { CodePointIndex } from './codepoints.ts';
import { type ParagraphIndex, paragraphIndex } from './paragraphIndex.ts';
import { approximateSearch, bigrams, contextBoth, contextScore, contextSides } from './similarity.ts';
import { paragraphAt } from './targets.ts';

export type AnchorStatus = 'exact-id' | 'quote' | 'fuzzy' | 'needs-review' | 'orphan';

export interface Anchor {
  /** The annotation id. */
  id: string;
  status: AnchorStatus;
  /** Index of the paragraph it is placed on (the suggestion, for needs-review); null for an orphan. */
  paragraph: number | null;
  /** UTF-16 offsets in the report text; -1 for an orphan. */
  start: number;
  end: number;
  /** 1 for exact placements, the match score for fuzzy and needs-review ones, 0 for orphans. */
  score: number;
  /**
   * Why an annotation needs review or is an orphan, in English: a message of the catalogue (the
   * `anchor…` codes), which anchorReasonProblem reads back for a view in the editor's language.
   */
  reason?: string;
}

/** Thresholds, exported so that tests and the bench document them. */
const THRESHOLDS = {
  /** Whole paragraphs: bigram similarity to place without review… */
  fuzzy: 0.8,
  /** …and to suggest with review. Below, an orphan. */
  review: 0.6,
  /** Context agreement that confirms a fuzzy placement. */
  context: 0.3,
  /** A second candidate closer than this to the best makes the match ambiguous (needs review). */
  margin: 0.08,
  /** Quotes shorter than this many UTF-16 units need agreeing context to be placed at all. */
  short: 12,
  /** Spans: 1 − edit distance / length to place, and to suggest with review. */
  spanFuzzy: 0.85,
  spanReview: 0.7,
} as const;

/**
 * A reason in English, from the message catalogue (model/messages.ts), so that the views can show
 * it in the editor's language: anchorReasonProblem gives its code and arguments back.
 */
const why = (code: AnchorReasonCode, ...args: (string | number)[]): string => problemText(problem(code, args));

/** The codes of Anchor.reason. */
const ANCHOR_REASONS = [
  'anchorNextToIt',
  'anchorFiguresDiffer',
  'anchorAlmostAsSimilar',
  'anchorBetterTaken',
  'anchorChanged',
  'anchorChangedNeighbours',
  'anchorSameText',
  'anchorSameTextNeighbours',
  'anchorNoSimilar',
  'anchorRepeatedNeighbours',
  'anchorRepeatedTextNeighbours',
  'anchorRepeatedNoCopy',
  'anchorRepeatedTie',
  'anchorQuoteChanged',
  'anchorQuoteChangedAmbiguous',
  'anchorReportGone',
  'anchorTaken',
  'anchorParagraphGone',
  'anchorParagraphReview',
  'anchorQuoteNotThere',
  'anchorOwnParagraphGone',
  'anchorQuoteGone',
  'anchorNotPlaced',
  'anchorQuoteTimes',
  'anchorShortQuote',
  'anchorQuoteOnce',
  'anchorClosedUp',
] as const satisfies readonly MessageCode[];
type AnchorReasonCode = (typeof ANCHOR_REASONS)[number];

let reasonPatterns: { code: AnchorReasonCode; re: RegExp; literal: number }[] | null = null;

/**
 * The code and arguments of an Anchor.reason (the English text re-anchoring gave), or null for a
 * text that is no reason of re-anchoring. Each template of the catalogue is read back as a pattern:
 * its literal text exactly, each {n} as its argument.
 */
export function anchorReasonProblem(reason: string): Problem | null {
  reasonPatterns ??= ANCHOR_REASONS.map((code) => {
    const parts = MESSAGES[code].split(/\{\d+\}/);
    const body = parts.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)');
    return { code, re: new RegExp(`^${body}$`, 's'), literal: parts.join('').length };
  })
    // The most literal text first: `…: {0} similar` would also read `…: {0} similar, and another place…`.
    .sort((a, b) => b.literal - a.literal);
  for (const { code, re } of reasonPatterns) {
    const m = re.exec(reason);
    if (!m) continue;
    const order = [...MESSAGES[code].matchAll(/\{(\d+)\}/g)].map((x) => Number(x[1]));
    const args: string[] = [];
    order.forEach((n, k) => {
      args[n] = m[k + 1];
    });
    return { code, args };
  }
  return null;
}

const baseId = (id: string) => {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
};

interface Ctx {
  report: Report;
  text: string;
  cp: CodePointIndex;
  /** Paragraph indexes by base id (repeated paragraphs share one). */
  byBase: Map<string, number[]>;
  /** Paragraph index → the stored paragraph id (the group) of the annotations confirmed on it in step 1 or 2. */
  claimed: Map<number, string>;
  /** The report's bigram index (built once per report version): candidates without a scan of every paragraph. */
  index: ParagraphIndex;
  /** Bigrams of the quotes, by text: annotations of one paragraph share their quote. */
  quoteGrams: Map<string, Uint32Array>;
  /**
   * byQuote's answers by target (whole or not, group, quote and context), valid while no paragraph is
   * newly claimed: several annotations on one paragraph (one per tag) ask the same question.
   */
  quoteMemo: Map<string, Scored | null>;
  quoteMemoClaims: number;
  /** Base ids that the annotations name with a repeat suffix (`….1`): paragraphs that had copies when tagged. */
  repeatedBases: ReadonlySet<string>;
}

function gramsOfQuote(ctx: Ctx, exact: string): Uint32Array {
  let g = ctx.quoteGrams.get(exact);
  if (!g) {
    g = bigrams(exact);
    ctx.quoteGrams.set(exact, g);
  }
  return g;
}

/** byQuote, remembered for annotations with the same target while the claimed paragraphs stay the same. */
function byQuoteShared(ctx: Ctx, a: Annotation, key: string, whole: boolean): Scored | null {
  if (ctx.quoteMemoClaims !== ctx.claimed.size) {
    ctx.quoteMemo.clear();
    ctx.quoteMemoClaims = ctx.claimed.size;
  }
  const q = a.target.quote;
  const memoKey = `${whole ? 1 : 0}\u0000${key}\u0000${q.exact}\u0000${q.prefix}\u0000${q.suffix}\u0000${a.target.position.start}`;
  if (ctx.quoteMemo.has(memoKey)) {
    const r = ctx.quoteMemo.get(memoKey)!;
    return r && { ...r, id: a.id };
  }
  const r = byQuote(ctx, a, key, whole);
  ctx.quoteMemo.set(memoKey, r);
  return r;
}

const orphan = (id: string, reason: string): Anchor => ({ id, status: 'orphan', paragraph: null, start: -1, end: -1, score: 0, reason });

/** Whether paragraph i may receive an annotation of the group `key` (its stored paragraph id): not claimed by another group. */
function free(ctx: Ctx, i: number, key: string): boolean {
  const c = ctx.claimed.get(i);
  return c === undefined || c === key;
}

/** Occurrences of `needle` in `hay` from `from` to `to` (UTF-16), at most `max`. */
function occurrences(hay: string, needle: string, from = 0, to = hay.length, max = 64): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle, from); i >= 0 && i + needle.length <= to && out.length < max; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Picks the occurrence whose context agrees best; ties go to the one nearest the position hint. */
function pickByContext(ctx: Ctx, starts: number[], length: number, t: AnnotationTarget): { start: number; score: number; second: number } {
  const hint = ctx.cp.toUtf16(t.position.start);
  let best = { start: starts[0], score: -1, second: -1 };
  for (const s of starts) {
    const sc = contextScore(ctx.text, s, s + length, t);
    if (sc > best.score + 1e-9 || (Math.abs(sc - best.score) <= 1e-9 && Math.abs(s - hint) < Math.abs(best.start - hint))) {
      best = { start: s, score: sc, second: Math.max(best.second, best.score) };
    } else best.second = Math.max(best.second, sc);
  }
  return best;
}

/** The span of a quote inside paragraph i, or null when it is not there verbatim. */
function spanIn(ctx: Ctx, i: number, t: AnnotationTarget, whole: boolean): { start: number; end: number } | null {
  const p = ctx.report.paragraphs[i];
  if (whole) return { start: p.start, end: p.end };
  const exact = t.quote.exact;
  const hits = occurrences(p.text, exact).map((h) => p.start + h);
  if (!hits.length) return null;
  const s = hits.length === 1 ? hits[0] : pickByContext(ctx, hits, exact.length, t).start;
  return { start: s, end: s + exact.length };
}

/** Step 1: by paragraph id. Repeated paragraphs (same text, ids `p….n`) are told apart by context. */
function byParagraphId(ctx: Ctx, a: Annotation, whole: boolean): Anchor | 'no' | { ambiguous: number[] } {
  const t = a.target;
  const base = baseId(t.paragraph);
  const cands = ctx.byBase.get(base);
  if (!cands) return 'no';
  let index: number;
  const repeated = cands.length > 1 || base !== t.paragraph;
  if (!repeated) {
    index = cands[0];
    // A short paragraph (各位代表！, a two-word heading) may be a copy from elsewhere while the
    // annotated one was edited: with nothing around it that agrees, it is only a candidate.
    const p = ctx.report.paragraphs[index];
    if (p.text.length < THRESHOLDS.short && contextScore(ctx.text, p.start, p.end, t) < 0.25) return { ambiguous: cands };
    // A paragraph that had copies when it was tagged (another annotation names one, `….1`) and whose
    // old neighbours now touch: it left its place, and this text may be the copy that was there all
    // along (the first of two identical paragraphs deleted), not the paragraph moved. With no sign
    // of copies, a paragraph found by its id follows wherever it moved.
    if (whole && ctx.repeatedBases.has(base) && contextBoth(ctx.text, p.start, p.end, t) < 0.5 && closedUp(ctx.text, t)) {
      return { id: a.id, status: 'needs-review', paragraph: index, start: p.start, end: p.end, score: 1, reason: CLOSED_UP };
    }
  } else {
    const ps = ctx.report.paragraphs;
    // For a repeated paragraph the neighbours are the only evidence: both must agree, and clearly
    // better than at the other occurrences (a copy inserted next to one neighbour must not win).
    const scores = cands.map((i) => contextBoth(ctx.text, ps[i].start, ps[i].end, t));
    const bestAt = scores.indexOf(Math.max(...scores));
    const best = scores[bestAt];
    const second = Math.max(-1, ...scores.filter((_, k) => k !== bestAt));
    if (best < 0.5) return { ambiguous: cands };
    if (best - second < 0.15) {
      // Copies whose neighbours agree alike (an unchanged report with a repeated pair of
      // paragraphs): the copy that still has the stored id and sits exactly where the position
      // says is the annotated one. Anything moved or edited before it shifts one or the other.
      const same = cands.find((i) => ps[i].id === t.paragraph && atHint(ctx, ps[i], t, whole));
      if (same === undefined) return { ambiguous: cands };
      index = same;
    } else index = cands[bestAt];
  }
  const span = spanIn(ctx, index, t, whole);
  if (!span) return 'no';
  return { id: a.id, status: 'exact-id', paragraph: index, start: span.start, end: span.end, score: 1 };
}

const CLOSED_UP = why('anchorClosedUp');

/**
 * Whether the text the stored context had on either side of the quote now runs together (at most
 * white space between): the quote was taken out of that place. Needs 6 characters of context on
 * each side (the start or end of a report has less).
 */
function closedUp(text: string, t: AnnotationTarget): boolean {
  const before = t.quote.prefix.trimEnd().slice(-16);
  const after = t.quote.suffix.trimStart().slice(0, 16);
  if (before.length < 6 || after.length < 6) return false;
  for (let i = text.indexOf(before); i >= 0; i = text.indexOf(before, i + 1)) {
    let j = i + before.length;
    while (j < text.length && j - i - before.length < 8 && /\s/.test(text[j])) j++;
    if (text.startsWith(after, j)) return true;
  }
  return false;
}

/** Whether the stored position points at this paragraph (whole) or at the quote inside it, to the character. */
function atHint(ctx: Ctx, p: Paragraph, t: AnnotationTarget, whole: boolean): boolean {
  const at = ctx.cp.toUtf16(t.position.start);
  if (whole) return at === p.start && ctx.cp.toUtf16(t.position.end) === p.end;
  return at >= p.start && at + t.quote.exact.length <= p.end && ctx.text.startsWith(t.quote.exact, at);
}

/** Step 2: the exact quote in the report text, outside paragraphs claimed by other groups. */
function byQuote(ctx: Ctx, a: Annotation, key: string, whole: boolean): Scored | null {
  const t = a.target;
  const exact = t.quote.exact;
  if (!exact.trim()) return null;
  // A whole-paragraph quote must be a whole paragraph again, not a piece of a longer one.
  const hits = (ctx.index.occurrences(exact) ?? occurrences(ctx.text, exact)).filter((s) => {
    const pi = paragraphAt(ctx.report, s);
    if (pi === null || !free(ctx, pi, key)) return false;
    const p = ctx.report.paragraphs[pi];
    return whole ? s === p.start && s + exact.length === p.end : s + exact.length <= p.end;
  });
  if (!hits.length) return null;
  const pick = pickByContext(ctx, hits, exact.length, t);
  const pi = paragraphAt(ctx.report, pick.start)!;
  const placed = { id: a.id, paragraph: pi, start: pick.start, end: pick.start + exact.length, context: pick.score };
  const short = exact.length < THRESHOLDS.short;
  // A quote that occurs once is placed when it is long, or when its context agrees: a phrase
  // such as 法治政府建设实施纲要 also occurs in other sentences, and one of them may be all that is left.
  if (hits.length === 1 && (exact.length >= 2 * CONTEXT_LENGTH || pick.score >= 0.5)) return { ...placed, status: 'quote', score: 1 };
  if (hits.length > 1 && pick.score >= 0.5 && pick.score - pick.second >= 0.15) return { ...placed, status: 'quote', score: 1 };
  if (pick.score >= (short ? 0.75 : hits.length === 1 ? 0.25 : 0.5)) {
    return {
      ...placed,
      status: 'needs-review',
      score: pick.score,
      reason: hits.length > 1 ? why('anchorQuoteTimes', hits.length) : why(short ? 'anchorShortQuote' : 'anchorQuoteOnce'),
    };
  }
  return null;
}

/** An anchor with the agreement of its context, while re-anchoring runs. */
type Scored = Anchor & { context: number };

interface Candidate {
  paragraph: number;
  similarity: number;
  /** Mean agreement of both sides of the context… */
  context: number;
  /** …and of the weaker side. */
  weaker: number;
}

/** Whole-paragraph candidates for a group: unclaimed paragraphs similar enough, best first. */
function paragraphCandidates(ctx: Ctx, t: AnnotationTarget, key: string): Candidate[] {
  const out: Candidate[] = [];
  const ps = ctx.report.paragraphs;
  // Every paragraph at least as similar as the review bar, from the index (the same set as a scan).
  for (const { paragraph: i, similarity } of ctx.index.similar(gramsOfQuote(ctx, t.quote.exact), THRESHOLDS.review)) {
    if (!free(ctx, i, key)) continue;
    const { left, right } = contextSides(ctx.text, ps[i].start, ps[i].end, t);
    out.push({ paragraph: i, similarity, context: (left + right) / 2, weaker: Math.min(left, right) });
  }
  return out.sort((x, y) => y.similarity - x.similarity || y.context - x.context);
}

/**
 * The text next to the quote when it was tagged, from its stored context: the end of the paragraph
 * before it (all of it, if short) and the start of the one after it.
 */
function neighbours(t: AnnotationTarget): { before: string; after: string } {
  const prefix = t.quote.prefix.replace(/\s+$/, '');
  const suffix = t.quote.suffix.replace(/^\s+/, '');
  const nl = suffix.search(/\s*\n/);
  return { before: prefix.slice(prefix.lastIndexOf('\n') + 1), after: nl < 0 ? suffix : suffix.slice(0, nl) };
}

/** Fewer characters of a neighbour than this say nothing about it (一、, 。). */
const NEIGHBOUR_MIN = 6;

/**
 * Whether a candidate paragraph is the one that was next to the annotated paragraph: its text ends
 * as the stored context before the quote, or starts as the context after it. The annotated
 * paragraph is then gone, and its similar neighbour is not it (2018年…24次 deleted next to 2017年…22次).
 */
function wasNeighbour(text: string, t: AnnotationTarget): boolean {
  const { before, after } = neighbours(t);
  return (before.length >= NEIGHBOUR_MIN && text.endsWith(before)) || (after.length >= NEIGHBOUR_MIN && text.startsWith(after));
}

/** The figures of a text: runs of digits (full-width ones as ASCII), with a decimal part. */
function figures(text: string): string[] {
  const ascii = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return ascii.match(/\d+(?:\.\d+)?/g) ?? [];
}

/** The figures only one side has (as multisets), or null when both have the same. */
function figureChange(was: string, now: string): { gone: string[]; added: string[] } | null {
  const count = new Map<string, number>();
  for (const f of figures(was)) count.set(f, (count.get(f) ?? 0) + 1);
  const added: string[] = [];
  for (const f of figures(now)) {
    const k = count.get(f) ?? 0;
    if (k > 0) count.set(f, k - 1);
    else added.push(f);
  }
  const gone = [...count].flatMap(([f, k]) => Array<string>(k).fill(f));
  return gone.length || added.length ? { gone, added } : null;
}

// No figures is a dash, the same in every language (the reason is shown translated, its arguments as they are).
const list = (xs: string[]) => (xs.length ? xs.slice(0, 3).join(', ') + (xs.length > 3 ? ', …' : '') : '—');

/**
 * A fuzzy placement that the evidence does not support goes to review: a paragraph that was the
 * annotated one's neighbour, or text whose figures differ from the quote's (a figure is a fact: a
 * tag on 24次 must not silently move to 22次).
 */
function reviewIfDoubtful(anchor: Anchor, text: string, t: AnnotationTarget, whole: boolean): Anchor {
  if (anchor.status !== 'fuzzy') return anchor;
  if (whole && wasNeighbour(text, t)) {
    return { ...anchor, status: 'needs-review', reason: why('anchorNextToIt', pct(anchor.score)) };
  }
  const change = figureChange(t.quote.exact, text);
  if (change) return { ...anchor, status: 'needs-review', reason: why('anchorFiguresDiffer', list(change.gone), list(change.added)) };
  return anchor;
}

function judgeParagraph(a: Annotation, c: Candidate, second: number, ctx: Ctx): Anchor {
  const p = ctx.report.paragraphs[c.paragraph];
  const placed = { id: a.id, paragraph: c.paragraph, start: p.start, end: p.end, score: round(c.similarity) };
  const short = a.target.quote.exact.length < THRESHOLDS.short;
  const ambiguous = second >= c.similarity - THRESHOLDS.margin;
  const contextOk = c.context >= (short ? 0.5 : THRESHOLDS.context);
  if (c.similarity >= THRESHOLDS.fuzzy && !ambiguous && contextOk) return reviewIfDoubtful({ ...placed, status: 'fuzzy' }, p.text, a.target, true);
  if (ambiguous && c.similarity >= THRESHOLDS.fuzzy && contextOk) {
    return {
      ...placed,
      status: 'needs-review',
      reason: second > c.similarity ? why('anchorBetterTaken', pct(second), pct(c.similarity)) : why('anchorAlmostAsSimilar', pct(second), pct(c.similarity)),
    };
  }
  // Without agreeing neighbours only a near-copy is suggested, for review: it may have moved.
  if (contextOk || (!short && c.similarity >= 0.9 && !ambiguous)) {
    return {
      ...placed,
      status: 'needs-review',
      reason:
        c.similarity >= 1
          ? why(contextOk ? 'anchorSameText' : 'anchorSameTextNeighbours')
          : why(contextOk ? 'anchorChanged' : 'anchorChangedNeighbours', pct(c.similarity)),
    };
  }
  return orphan(a.id, why('anchorNoSimilar', pct(c.similarity)));
}

/**
 * A repeated or short paragraph: the candidate whose neighbours agree clearly better than any
 * other's. Its copies elsewhere are as similar as it is, so only the context can decide.
 */
function judgeByContext(a: Annotation, c: Candidate, cands: Candidate[], ctx: Ctx): Anchor {
  const other = Math.max(0, ...cands.filter((x) => x.paragraph !== c.paragraph).map((x) => x.context));
  const p = ctx.report.paragraphs[c.paragraph];
  if (c.context >= 0.5 && c.weaker >= 0.3 && c.context - other >= 0.15) {
    const placed = { id: a.id, paragraph: c.paragraph, start: p.start, end: p.end, score: round(c.similarity) };
    if (c.similarity >= THRESHOLDS.fuzzy && c.weaker >= 0.5) return reviewIfDoubtful({ ...placed, status: 'fuzzy' }, p.text, a.target, true);
    return {
      ...placed,
      status: 'needs-review',
      reason: why(c.similarity < 1 ? 'anchorRepeatedTextNeighbours' : 'anchorRepeatedNeighbours', pct(c.context), pct(other)),
    };
  }
  // Neighbours that agree at several copies alike: the copies cannot be told apart.
  if (c.context >= 0.5 && c.weaker >= 0.5 && c.context - other < 0.15) return orphan(a.id, why('anchorRepeatedTie', pct(c.context), pct(other)));
  return orphan(a.id, why('anchorRepeatedNoCopy', pct(c.context), pct(other)));
}

/** Step 3 for a span: an approximate match inside the paragraphs most likely to hold it. */
function spanFuzzy(ctx: Ctx, a: Annotation, key: string, preferred: number | null): Scored | null {
  const t = a.target;
  const g = gramsOfQuote(ctx, t.quote.exact);
  const ps = ctx.report.paragraphs;
  let cands: number[];
  if (preferred !== null) cands = [preferred];
  else {
    const scored: { i: number; c: number }[] = [];
    for (const { paragraph: i, share: c } of ctx.index.containing(g, 0.6)) {
      if (free(ctx, i, key) && ps[i].text.length >= t.quote.exact.length * 0.7) scored.push({ i, c });
    }
    cands = scored
      .sort((x, y) => y.c - x.c)
      .slice(0, 3)
      .map((x) => x.i);
  }
  let best: Scored | null = null;
  let second = 0;
  for (const i of cands) {
    const m = approximateSearch(t.quote.exact, ps[i].text);
    if (!m) continue;
    const score = 1 - m.distance / t.quote.exact.length;
    const start = ps[i].start + m.start;
    const end = ps[i].start + m.end;
    const cs = contextScore(ctx.text, start, end, t);
    if (!best || score > best.score) {
      second = best ? best.score : second;
      best = { id: a.id, status: 'fuzzy', paragraph: i, start, end, score: round(score), context: cs };
    } else second = Math.max(second, score);
  }
  if (!best || best.score < THRESHOLDS.spanReview) return null;
  const anchor = best;
  const ctxScore = best.context;
  const short = t.quote.exact.length < THRESHOLDS.short;
  const ambiguous = second >= best.score - THRESHOLDS.margin;
  if (best.score >= THRESHOLDS.spanFuzzy && !ambiguous && ctxScore >= (short ? 0.5 : THRESHOLDS.context)) {
    const doubtful = reviewIfDoubtful(anchor, ctx.text.slice(anchor.start, anchor.end), t, false);
    return doubtful === anchor ? anchor : { ...doubtful, context: ctxScore };
  }
  // A suggestion from another paragraph needs its context to agree: an approximate match of a
  // short quote alone is too weak (two edits in twelve characters match many sentences).
  if (preferred === null && ctxScore < 0.5 && !(t.quote.exact.length >= 2 * CONTEXT_LENGTH && best.score >= THRESHOLDS.spanFuzzy)) return null;
  return {
    ...anchor,
    status: 'needs-review',
    reason: why(ambiguous ? 'anchorQuoteChangedAmbiguous' : 'anchorQuoteChanged', pct(best.score)),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Places annotations on a report. Returns one Anchor per annotation, in the same order; never
 * drops one. `report` null (the report is gone from its source) makes every annotation an orphan.
 */
/**
 * The base ids the annotations name with a repeat suffix (`….1`): paragraphs that had copies when
 * tagged. A caller that re-anchors part of a sidecar at a time (one coder's annotations) passes the
 * whole sidecar's, so that the verdict does not depend on which part was asked about.
 */
export function repeatedBases(annotations: readonly Annotation[]): Set<string> {
  return new Set(annotations.flatMap((a) => (a.target.paragraph.includes('.') ? [baseId(a.target.paragraph)] : [])));
}

export function reanchor(report: Report | null, annotations: readonly Annotation[], given: { repeated?: ReadonlySet<string> } = {}): Anchor[] {
  if (!report) return annotations.map((a) => orphan(a.id, why('anchorReportGone', a.report)));
  const byBase = new Map<string, number[]>();
  report.paragraphs.forEach((p, i) => {
    const b = baseId(p.id);
    const list = byBase.get(b);
    if (list) list.push(i);
    else byBase.set(b, [i]);
  });
  const ctx: Ctx = {
    report,
    text: report.text,
    cp: new CodePointIndex(report.text),
    byBase,
    claimed: new Map(),
    index: paragraphIndex(report),
    quoteGrams: new Map(),
    quoteMemo: new Map(),
    quoteMemoClaims: 0,
    repeatedBases: given.repeated ?? repeatedBases(annotations),
  };
  const out: (Anchor | undefined)[] = new Array(annotations.length);
  const whole = annotations.map((a) => isWholeParagraph(a.target));
  const pending: number[] = [];
  const ambiguousIds: (number[] | undefined)[] = [];

  // 1. Paragraph ids.
  for (let k = 0; k < annotations.length; k++) {
    const a = annotations[k];
    const r = byParagraphId(ctx, a, whole[k]);
    if (r === 'no') pending.push(k);
    else if ('ambiguous' in r) {
      ambiguousIds[k] = r.ambiguous;
      pending.push(k);
    } else {
      out[k] = r;
      ctx.claimed.set(r.paragraph!, a.target.paragraph);
    }
  }
  // Spans of a paragraph that left its place (a whole-paragraph annotation of theirs said so) were
  // placed by the same id on the same text: they need the same review.
  const closed = new Map<string, number>();
  for (let k = 0; k < annotations.length; k++) if (out[k]?.reason === CLOSED_UP) closed.set(annotations[k].target.paragraph, out[k]!.paragraph!);
  if (closed.size) {
    for (let k = 0; k < annotations.length; k++) {
      const r = out[k];
      if (r?.status === 'exact-id' && closed.get(annotations[k].target.paragraph) === r.paragraph) out[k] = { ...r, status: 'needs-review', reason: CLOSED_UP };
    }
  }
  // 2. Exact quotes, for whole paragraphs (spans come last: they follow their paragraph).
  const rest: number[] = [];
  for (const k of pending) {
    const a = annotations[k];
    const key = a.target.paragraph;
    const r = !whole[k] || ambiguousIds[k] ? null : byQuoteShared(ctx, a, key, true);
    if (r && r.status === 'quote') {
      out[k] = r;
      ctx.claimed.set(r.paragraph!, key);
    } else rest.push(k);
  }
  // 3. Fuzzy. Whole paragraphs first, by group (all annotations of one old paragraph move together);
  // each old paragraph goes to at most one new paragraph and the other way round, best score first.
  const groups = new Map<string, number[]>();
  for (const k of rest) {
    if (!whole[k]) continue;
    const key = annotations[k].target.paragraph;
    const list = groups.get(key);
    if (list) list.push(k);
    else groups.set(key, [k]);
  }
  const options: { key: string; c: Candidate; rank: number }[] = [];
  const groupCands = new Map<string, Candidate[]>();
  for (const [key, ks] of groups) {
    const a = annotations[ks[0]];
    const amb = ambiguousIds[ks[0]];
    // A repeated or short paragraph is told apart by its neighbours: its copies (and its edited
    // version, if it was edited) are ranked by context first.
    const cands = paragraphCandidates(ctx, a.target, key);
    if (amb) cands.sort((x, y) => y.context - x.context || y.similarity - x.similarity);
    groupCands.set(key, cands);
    for (const c of cands) options.push({ key, c, rank: amb ? c.context + c.similarity / 10 : c.similarity + c.context / 10 });
  }
  options.sort((x, y) => y.rank - x.rank);
  const taken = new Set<number>();
  const chosenFor = new Map<string, number>();
  for (const o of options) {
    if (chosenFor.has(o.key) || taken.has(o.c.paragraph)) continue;
    chosenFor.set(o.key, o.c.paragraph);
    taken.add(o.c.paragraph);
  }
  /** Where each group of whole-paragraph annotations went (fuzzy or needs-review), for its spans. */
  const moved = new Map<string, Anchor>();
  /** Groups whose paragraph is gone (their whole-paragraph annotations are orphans). */
  const gone = new Set<string>();
  for (const [key, ks] of groups) {
    const chosen = chosenFor.get(key);
    const cands = groupCands.get(key)!;
    for (const k of ks) {
      const a = annotations[k];
      if (chosen === undefined) {
        out[k] = orphan(a.id, why(cands.length ? 'anchorTaken' : 'anchorParagraphGone'));
        gone.add(key);
        continue;
      }
      const c = cands.find((x) => x.paragraph === chosen)!;
      const second = Math.max(0, ...cands.filter((x) => x.paragraph !== chosen).map((x) => x.similarity));
      out[k] = ambiguousIds[k] ? judgeByContext(a, c, cands, ctx) : judgeParagraph(a, c, second, ctx);
      if (out[k]!.status !== 'orphan') moved.set(key, out[k]!);
      else gone.add(key);
    }
  }
  // Spans: inside the paragraph their paragraph became, if a whole-paragraph annotation showed
  // where; else by the exact quote, else approximately, in the paragraphs most likely to hold them.
  for (const k of rest) {
    if (whole[k]) continue;
    const a = annotations[k];
    const home = moved.get(a.target.paragraph);
    if (home) {
      const span = spanIn(ctx, home.paragraph!, a.target, false);
      const r = span
        ? { id: a.id, status: home.status, paragraph: home.paragraph, ...span, score: home.score, ...(home.reason ? { reason: home.reason } : {}) }
        : spanFuzzy(ctx, a, a.target.paragraph, home.paragraph);
      if (r && home.status === 'needs-review' && r.status !== 'needs-review') {
        out[k] = { ...r, status: 'needs-review', reason: home.reason ?? why('anchorParagraphReview') };
      } else out[k] = r ?? orphan(a.id, why('anchorQuoteNotThere'));
      continue;
    }
    const q = byQuoteShared(ctx, a, a.target.paragraph, false);
    if (q && q.status === 'quote' && q.context >= 0.9) {
      out[k] = q;
      continue;
    }
    if (gone.has(a.target.paragraph)) {
      // Its paragraph is gone (the whole-paragraph annotations on it are orphans): only the exact
      // quote in its own context could still be it.
      out[k] = orphan(a.id, why('anchorOwnParagraphGone'));
      continue;
    }
    // The same phrase in another sentence may be all that is left of an edited quote: an
    // approximate match whose context agrees clearly better wins over an exact one that agrees less.
    const f = spanFuzzy(ctx, a, a.target.paragraph, null);
    if (q && (!f || f.context < q.context + 0.2)) out[k] = q;
    else out[k] = f ?? orphan(a.id, why('anchorQuoteGone'));
  }
  return out.map((x, k) => {
    if (!x) return orphan(annotations[k].id, why('anchorNotPlaced'));
    const { context: _context, ...anchor } = x as Scored;
    return anchor;
  });
}
