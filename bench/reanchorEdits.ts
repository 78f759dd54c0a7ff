/**
 * The re-anchoring robustness benchmark: tag every paragraph of the corpus reports (and a span
 * inside each longer one), apply random edits (character substitutions in 5% of paragraphs,
 * inserted and deleted paragraphs, moved sections), re-anchor, and count where each annotation
 * went against the known truth. Seeded: every run makes the same edits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rng } from './rng.ts';
import { buildReport, contentKey, importSource, type Report } from '../src/core/index.ts';
import { bigrams, dice, makeTarget, reanchor, type Anchor } from '../src/core/annotate/index.ts';
import type { Annotation } from '../src/core/annotate/index.ts';

export const CORPUS_FILES = [
  'samples/nanhai/nanhai-feed-flattened.txt',
  'samples/national/gwr-national-2018.txt',
  'samples/national/gwr-national-2019.txt',
  'test/fixtures/national/gwr-national-1986.txt',
  'test/fixtures/national/gwr-national-1998.txt',
  'test/fixtures/national/gwr-national-2017.txt',
];

export interface Base {
  title: string;
  link: string | null;
  blocks: string[];
  roles: string[];
}

export function corpusReports(root: string): Base[] {
  const out: Base[] = [];
  for (const f of CORPUS_FILES) {
    for (const r of importSource(f, readFileSync(path.join(root, f))).reports) {
      out.push({ title: r.title, link: r.link, blocks: r.paragraphs.map((p) => p.text), roles: r.paragraphs.map((p) => p.role) });
    }
  }
  return out;
}

const rebuild = (b: Base, blocks: string[]): Report => buildReport({ title: b.title, link: b.link, date: null, blocks, diagnostics: [] }, null);

export interface Edited {
  blocks: string[];
  /** For each new block, the index of the original paragraph it comes from, or -1 for an inserted one. */
  origin: number[];
  substituted: number;
  inserted: number;
  deleted: number;
  moved: number;
}

/** Random edits of a report's paragraphs, with the origin of every resulting paragraph. */
export function editReport(b: Base, others: Base[], rand: () => number): Edited {
  const pool = '法治政府建设工作推进依法行政加强完善制度监督执法决策服务改革创新机制全面落实'.split('');
  let items = b.blocks.map((text, i) => ({ text, origin: i, role: b.roles[i] }));
  let substituted = 0;
  // Character substitutions in 5% of paragraphs, about 5% of their characters (at least one).
  items = items.map((it) => {
    if (rand() >= 0.05) return it;
    const chars = Array.from(it.text);
    const k = Math.max(1, Math.round(chars.length * 0.05));
    for (let n = 0; n < k; n++) {
      const at = Math.floor(rand() * chars.length);
      let c = pool[Math.floor(rand() * pool.length)];
      if (c === chars[at]) c = '新';
      chars[at] = c;
    }
    substituted++;
    return { ...it, text: chars.join('') };
  });
  // Move a section: a heading and the paragraphs up to the next heading, to another heading boundary.
  let moved = 0;
  const headings = items.map((it, i) => (it.role === 'section' || it.role === 'chapter' ? i : -1)).filter((i) => i >= 0);
  if (headings.length >= 3) {
    const h = Math.floor(rand() * (headings.length - 1));
    const from = headings[h];
    const to = headings[h + 1];
    const block = items.slice(from, to);
    const rest = [...items.slice(0, from), ...items.slice(to)];
    const targets = rest.map((it, i) => (it.role === 'section' || it.role === 'chapter' ? i : -1)).filter((i) => i >= 0 && i !== from);
    if (targets.length) {
      const at = targets[Math.floor(rand() * targets.length)];
      items = [...rest.slice(0, at), ...block, ...rest.slice(at)];
      moved = block.length;
    }
  }
  // Delete 3% of paragraphs; insert 3% (paragraphs of other reports: realistic lookalikes).
  // A paragraph deleted with a similar one inserted in its place would be an edit, and the
  // truth ambiguous: insertions never go right where a paragraph was deleted.
  let deleted = 0;
  const afterDeletion = new Set<(typeof items)[number]>();
  items = items.filter((_it, i) => {
    if (rand() < 0.03) {
      deleted++;
      if (items[i + 1]) afterDeletion.add(items[i + 1]);
      return false;
    }
    return true;
  });
  // An inserted paragraph is new text: a copy of one of this report's own paragraphs would be
  // a move, and placing an annotation on it would be right, not a misplacement.
  // Nor is it a near-copy (80% similar or more) of one of them: the yearly thank-you paragraph
  // of another year, inserted elsewhere while this year's is deleted, reads as this one moved and
  // edited, and no re-anchoring could tell the two apart.
  const own = new Set(b.blocks.map(contentKey));
  const ownGrams = b.blocks.map(bigrams);
  const nearCopy = (text: string) => {
    const g = bigrams(text);
    return ownGrams.some((o) => dice(o, g) >= 0.8);
  };
  let inserted = 0;
  const out: typeof items = [];
  for (const it of items) {
    if (rand() < 0.03 && others.length && !afterDeletion.has(it)) {
      const o = others[Math.floor(rand() * others.length)];
      const text = o.blocks[Math.floor(rand() * o.blocks.length)];
      if (text && !own.has(contentKey(text)) && !nearCopy(text)) {
        out.push({ text, origin: -1, role: 'body' });
        inserted++;
      }
    }
    out.push(it);
  }
  return { blocks: out.map((x) => x.text), origin: out.map((x) => x.origin), substituted, inserted, deleted, moved };
}

export interface Tally {
  annotations: number;
  right: number;
  rightExactId: number;
  rightQuote: number;
  rightFuzzy: number;
  needsReview: number;
  /** Orphans whose paragraph was deleted: the right outcome. */
  orphanDeleted: number;
  /** Orphans whose paragraph is still there (edited): kept, but not placed. */
  orphanSurviving: number;
  /** Placed as if right (exact-id, quote, fuzzy) on a paragraph that is not where it came from. */
  misplaced: number;
  /** Suggested for review (needs-review) on a paragraph that is not where it came from. */
  reviewElsewhere: number;
  /** Annotations missing from the result. */
  lost: number;
  trials: number;
  skipped: number;
  edits: { substituted: number; inserted: number; deleted: number; moved: number };
  examples: string[];
}

export function emptyTally(): Tally {
  return {
    annotations: 0,
    right: 0,
    rightExactId: 0,
    rightQuote: 0,
    rightFuzzy: 0,
    needsReview: 0,
    orphanDeleted: 0,
    orphanSurviving: 0,
    misplaced: 0,
    reviewElsewhere: 0,
    lost: 0,
    trials: 0,
    skipped: 0,
    edits: { substituted: 0, inserted: 0, deleted: 0, moved: 0 },
    examples: [],
  };
}

/** Tags every paragraph (whole) and a span in every paragraph of 40+ characters. */
export function tagAll(r: Report, spansOnly = false): { annotations: Annotation[]; from: number[]; kind: ('paragraph' | 'span')[] } {
  const annotations: Annotation[] = [];
  const from: number[] = [];
  const kind: ('paragraph' | 'span')[] = [];
  const t0 = '2026-01-01T00:00:00.000Z';
  r.paragraphs.forEach((p, i) => {
    const push = (target: Annotation['target'], k: 'paragraph' | 'span') => {
      annotations.push({ id: `a${annotations.length}`, report: r.id, target, tags: ['figures'], note: '', author: 'bench', created: t0, modified: t0 });
      from.push(i);
      kind.push(k);
    };
    const t = makeTarget(r, i);
    if (t.ok && !spansOnly) push(t.value.target, 'paragraph');
    if (p.text.length >= 40) {
      const s = p.start + Math.floor(p.text.length / 3);
      const span = makeTarget(r, i, { start: s, end: s + 12 });
      if (span.ok) push(span.value.target, 'span');
    }
  });
  return { annotations, from, kind };
}

/** Counts where each annotation of a trial went, against `where` (original paragraph → its index now). */
function tallyTrial(
  tallies: Record<'paragraph' | 'span', Tally>,
  kinds: ('paragraph' | 'span')[],
  tagged: ReturnType<typeof tagAll>,
  anchors: Anchor[],
  where: Map<number, number>,
  edited: Report,
): void {
  const byId = new Map<string, Anchor>(anchors.map((a) => [a.id, a]));
  tagged.annotations.forEach((a, n) => {
    const t = tallies[tagged.kind[n]];
    if (!kinds.includes(tagged.kind[n])) return;
    t.annotations++;
    const anc = byId.get(a.id);
    if (!anc) {
      t.lost++;
      return;
    }
    const truth = where.get(tagged.from[n]);
    if (anc.status === 'orphan') {
      if (truth === undefined) t.orphanDeleted++;
      else {
        t.orphanSurviving++;
        if (process.env.SHOW_ORPHANS && t.examples.length < 30)
          t.examples.push(`orphan ${anc.reason} | was: ${a.target.quote.exact.slice(0, 30)} | truth: ${edited.paragraphs[truth].text.slice(0, 30)}`);
      }
      return;
    }
    if (anc.paragraph !== truth) {
      if (anc.status === 'needs-review') t.reviewElsewhere++;
      else t.misplaced++;
      if (t.examples.length < 12) {
        t.examples.push(
          `${anc.status} ${anc.reason ?? ''} | was: ${a.target.quote.exact.slice(0, 40)} | now: ${edited.paragraphs[anc.paragraph!].text.slice(0, 40)} | truth: ${truth === undefined ? 'deleted' : edited.paragraphs[truth].text.slice(0, 40)}`,
        );
      }
      return;
    }
    if (anc.status === 'needs-review') t.needsReview++;
    else {
      t.right++;
      if (anc.status === 'exact-id') t.rightExactId++;
      else if (anc.status === 'quote') t.rightQuote++;
      else t.rightFuzzy++;
    }
  });
}

/**
 * Runs the benchmark. With `spansOnly`, spans are tagged without their paragraph, so they must
 * find their way by their quote alone (no whole-paragraph annotation shows where the paragraph went).
 */
export function robustness(root: string, trialsPerReport = 20, seed = 2026, spansOnly = false): Record<'paragraph' | 'span', Tally> {
  const kinds: ('paragraph' | 'span')[] = spansOnly ? ['span'] : ['paragraph', 'span'];
  const bases = corpusReports(root);
  const rand = rng(seed);
  const tallies = { paragraph: emptyTally(), span: emptyTally() };
  for (let bi = 0; bi < bases.length; bi++) {
    const b = bases[bi];
    const original = rebuild(b, b.blocks);
    const tagged = tagAll(original, spansOnly);
    const others = bases.filter((_, j) => j !== bi);
    for (let trial = 0; trial < trialsPerReport; trial++) {
      const e = editReport(b, others, rand);
      const edited = rebuild(b, e.blocks);
      if (edited.paragraphs.length !== e.blocks.length) {
        tallies.paragraph.skipped++;
        continue;
      }
      // Where each original paragraph went.
      const where = new Map<number, number>();
      e.origin.forEach((o, j) => o >= 0 && where.set(o, j));
      const anchors = reanchor({ ...edited, id: original.id }, tagged.annotations);
      for (const k of kinds) {
        const t = tallies[k];
        t.trials++;
        t.edits.substituted += e.substituted;
        t.edits.inserted += e.inserted;
        t.edits.deleted += e.deleted;
        t.edits.moved += e.moved;
      }
      tallyTrial(tallies, kinds, tagged, anchors, where, edited);
    }
  }
  return tallies;
}

/**
 * A near-duplicate of a paragraph, as the next year's report or a sister paragraph has it:
 * `figures` changes every number (a year to the year before, a count by a few: 2018年…24次 →
 * 2017年…22次); `words` changes two characters that are not digits (行政复议 → 行政诉讼), the figures kept.
 */
export function nearDuplicate(text: string, kind: 'figures' | 'words', rand: () => number): string {
  if (kind === 'figures') {
    return text.replace(/\d+/g, (d) => {
      const n = Number(d);
      if (d.length === 4 && n >= 1949 && n <= 2100) return String(n - 1);
      const step = 1 + Math.floor(rand() * 5);
      return String(n >= step ? n - step : n + step);
    });
  }
  const pool = '诉讼复议审查监督执法决策服务改革创新机制'.split('');
  const chars = Array.from(text);
  const spots = chars.map((c, i) => (/[\u4e00-\u9fff]/.test(c) ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < 2 && spots.length; k++) {
    const at = spots.splice(Math.floor(rand() * spots.length), 1)[0];
    let c = pool[Math.floor(rand() * pool.length)];
    if (c === chars[at]) c = '新';
    chars[at] = c;
  }
  return chars.join('');
}

/**
 * Deletions next to near-duplicates (issue #12): a report where some paragraphs have a
 * near-duplicate right before or after them (the other year's sentence, figures or two words
 * changed); every paragraph is tagged but one of each pair (the analyst tagged this year's
 * sentence, not last year's); then one of each pair is deleted. A deleted paragraph's annotations
 * must not land on its surviving untagged twin as if placed (misplaced).
 */
export function nearDuplicateDeletions(root: string, trialsPerReport = 20, seed = 2026): Record<'paragraph' | 'span', Tally> {
  const bases = corpusReports(root);
  const rand = rng(seed);
  const tallies = { paragraph: emptyTally(), span: emptyTally() };
  for (const b of bases) {
    const candidates = b.blocks.map((t, i) => (b.roles[i] === 'body' && t.length >= 30 ? i : -1)).filter((i) => i >= 0);
    if (candidates.length < 4) continue;
    for (let trial = 0; trial < trialsPerReport; trial++) {
      // Up to six pairs, each a paragraph and its near-duplicate, before or after it.
      const chosen = new Set<number>();
      for (let k = 0; k < 6; k++) chosen.add(candidates[Math.floor(rand() * candidates.length)]);
      const blocks: string[] = [];
      const pairs: [number, number][] = [];
      b.blocks.forEach((text, i) => {
        if (!chosen.has(i)) {
          blocks.push(text);
          return;
        }
        const kind = /\d/.test(text) && rand() < 0.7 ? 'figures' : 'words';
        const twin = nearDuplicate(text, kind, rand);
        if (twin === text || dice(bigrams(twin), bigrams(text)) < 0.8) {
          blocks.push(text);
          return;
        }
        const before = rand() < 0.5;
        const at = blocks.length;
        blocks.push(...(before ? [twin, text] : [text, twin]));
        pairs.push([at, at + 1]);
      });
      const original = rebuild(b, blocks);
      if (original.paragraphs.length !== blocks.length || !pairs.length) {
        tallies.paragraph.skipped++;
        continue;
      }
      // Delete one of each pair.
      const gone = new Set(pairs.map(([x, y]) => (rand() < 0.5 ? x : y)));
      const kept = blocks.map((_, i) => i).filter((i) => !gone.has(i));
      const edited = rebuild(
        b,
        kept.map((i) => blocks[i]),
      );
      if (edited.paragraphs.length !== kept.length) {
        tallies.paragraph.skipped++;
        continue;
      }
      // One of each pair is tagged (as the analyst tagged this year's sentence, not last year's).
      const untagged = new Set(pairs.map(([x, y]) => (rand() < 0.5 ? x : y)));
      const all = tagAll(original);
      const keep = all.from.map((f) => !untagged.has(f));
      const tagged = {
        annotations: all.annotations.filter((_, n) => keep[n]),
        from: all.from.filter((_, n) => keep[n]),
        kind: all.kind.filter((_, n) => keep[n]),
      };
      const where = new Map<number, number>(kept.map((o, j) => [o, j]));
      const anchors = reanchor({ ...edited, id: original.id }, tagged.annotations);
      for (const k of ['paragraph', 'span'] as const) {
        tallies[k].trials++;
        tallies[k].edits.deleted += gone.size;
      }
      tallyTrial(tallies, ['paragraph', 'span'], tagged, anchors, where, edited);
    }
  }
  return tallies;
}

if (process.argv[1]?.endsWith('reanchorEdits.ts')) {
  const t0 = performance.now();
  const mode = process.argv[4];
  const trials = Number(process.argv[2] ?? 20);
  const seed = Number(process.argv[3] ?? 2026);
  const res = mode === 'twins' ? nearDuplicateDeletions(process.cwd(), trials, seed) : robustness(process.cwd(), trials, seed, mode === 'spans');
  console.log(JSON.stringify(res, null, 1));
  console.log(`${(performance.now() - t0).toFixed(0)} ms`);
}
