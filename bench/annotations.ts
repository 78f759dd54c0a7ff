/**
 * Annotation benchmarks (issue #4), run by bench/run.ts, or alone (--write: into bench/RESULTS.md too):
 *   node --import tsx bench/annotations.ts [--write]
 *
 * - load + re-anchor: a sidecar of 10,000 annotations over a 1,000-paragraph report;
 * - tag → saved: one whole-paragraph annotation added and the sidecar saved (memory and a real
 *   temporary folder), median, with the time spent in the file host's calls; and the first save
 *   after opening a 10,000-annotation sidecar (nothing cached yet);
 * - decorations for a visible editor (60 lines);
 * - re-anchoring robustness on the corpus reports under random edits (bench/reanchorEdits.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import {
  AnchorIndex,
  AnnotationStore,
  buildReport,
  CodePointIndex,
  decorationRanges,
  DEFAULT_CODEBOOK,
  makeTarget,
  parseSidecar,
  reanchor,
  serializeSidecar,
  tagIndex,
  type Annotation,
  type FileHost,
  type Report,
  problemText,
} from '../src/core/index.ts';
import { nodeHost } from '../src/cli/nodeHost.ts';
import { corpusReports, nearDuplicateDeletions, robustness, type Tally } from './reanchorEdits.ts';
import { rng } from './rng.ts';
import { writeSection } from './results.ts';

const ROOT = process.cwd();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}
function time(fn: () => void, rounds: number): number[] {
  fn();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * A 1,000-paragraph report from the corpus paragraphs, in order. Where the pool runs out it starts
 * again with each paragraph numbered (第2轮), so that the report does not repeat whole runs of
 * paragraphs: a real report never does, and repeats with the same neighbours are undecidable.
 */
export function bigReport(paragraphs = 1000): Report {
  const pool = corpusReports(ROOT).flatMap((b) => b.blocks.filter((_, i) => b.roles[i] !== 'trailing'));
  const blocks: string[] = [];
  for (let i = 0; blocks.length < paragraphs; i++) {
    const round = Math.floor(i / pool.length);
    blocks.push(round ? `第${round + 1}轮：${pool[i % pool.length]}` : pool[i % pool.length]);
  }
  return buildReport({ title: '合成报告 2018年度', link: null, date: null, blocks, diagnostics: [] }, null);
}

/** `n` annotations spread over the report: 7 of 10 on whole paragraphs, 3 on spans. */
export function manyAnnotations(r: Report, n: number, seed = 7): Annotation[] {
  const rand = rng(seed);
  const out: Annotation[] = [];
  const tags = DEFAULT_CODEBOOK.tags.map((t) => t.id);
  const t0 = Date.UTC(2026, 0, 1);
  const cp = new CodePointIndex(r.text);
  for (let k = 0; k < n; k++) {
    const i = k % r.paragraphs.length;
    const p = r.paragraphs[i];
    let sel: { start: number; end: number } | undefined;
    if (rand() < 0.3 && p.text.length > 20) {
      const s = p.start + Math.floor(rand() * (p.text.length - 12));
      sel = { start: s, end: s + 10 };
    }
    const t = makeTarget(r, i, sel, cp);
    if (!t.ok) throw new Error(problemText(t.problem));
    const when = new Date(t0 + k * 1000).toISOString();
    out.push({
      id: `a${k.toString(36).padStart(6, '0')}`,
      report: r.id,
      target: t.value.target,
      tags: [tags[k % tags.length]],
      note: k % 10 === 0 ? '备注：数据来自年度报告。' : '',
      author: 'bench',
      created: when,
      modified: when,
    });
  }
  return out;
}

/** A FileHost in memory (the bench's own: no test code in the bench). */
function memHost(): FileHost {
  const files = new Map<string, Uint8Array>();
  const times = new Map<string, number>();
  let clock = 0;
  const missing = (p: string) => Object.assign(new Error(`${p}: not found`), { code: 'FileNotFound' });
  return {
    readFile: async (p) => {
      const f = files.get(p);
      if (!f) throw missing(p);
      return f;
    },
    writeFile: async (p, d) => {
      files.set(p, d);
      times.set(p, ++clock);
    },
    createExclusive: async (p, d) => {
      if (files.has(p)) throw Object.assign(new Error(`${p}: exists`), { code: 'FileExists' });
      files.set(p, d);
      times.set(p, ++clock);
    },
    rename: async (a, b) => {
      const f = files.get(a);
      if (!f) throw missing(a);
      files.set(b, f);
      // A rename keeps the file's time, as POSIX rename (and so workspace.fs on disk) does.
      times.set(b, times.get(a) ?? ++clock);
      times.delete(a);
      files.delete(a);
    },
    delete: async (p) => void files.delete(p),
    stat: async (p) => {
      const f = files.get(p);
      if (!f) throw missing(p);
      return { mtime: times.get(p) ?? 0, size: f.length };
    },
    readDirectory: async (dir) => [...files.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1)),
    realPath: async (p) => p,
    owner: { pid: 1, host: 'memory' },
  };
}

/** A FileHost that adds the time spent in its calls to `spent.ms`. */
function timedHost(host: FileHost, spent: { ms: number }): FileHost {
  const timed =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await f(...a);
      } finally {
        spent.ms += performance.now() - t0;
      }
    };
  return {
    readFile: timed(host.readFile),
    writeFile: timed(host.writeFile),
    createExclusive: timed(host.createExclusive),
    rename: timed(host.rename),
    delete: timed(host.delete),
    stat: timed(host.stat),
    readDirectory: timed(host.readDirectory),
    realPath: timed(host.realPath),
    owner: host.owner,
  };
}

/** Tag → saved, `rounds` times after three to warm up: the times, and the part spent in the file host. */
async function tagToSaved(inner: FileHost, source: string, r: Report, existing: number, rounds: number): Promise<{ ms: number[]; io: number[] }> {
  const spent = { ms: 0 };
  const host = timedHost(inner, spent);
  const store = await AnnotationStore.open(host, source, { author: 'bench' });
  for (const a of manyAnnotations(r, existing)) store.add({ report: a.report, target: a.target, tags: a.tags });
  await store.save();
  const ms: number[] = [];
  const io: number[] = [];
  for (let k = 0; k < rounds + 3; k++) {
    const i = (k * 37) % r.paragraphs.length;
    spent.ms = 0;
    const t0 = performance.now();
    const t = makeTarget(r, i);
    if (!t.ok) throw new Error(problemText(t.problem));
    store.add({ report: r.id, target: t.value.target, tags: ['figures'] });
    const saved = await store.save();
    if (!saved.ok) throw new Error(problemText(saved.problem));
    if (k >= 3) {
      // the first three warm up
      ms.push(performance.now() - t0);
      io.push(spent.ms);
    }
  }
  return { ms, io };
}

/** Open a store on a sidecar of `text`, tag a paragraph, save: the first save formats every annotation. */
async function firstSave(dir: string, text: string, r: Report, rounds: number): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < rounds; k++) {
    const source = path.join(dir, `first${k}.txt`).split(path.sep).join('/');
    writeFileSync(`${source}.annals.json`, text.replace('"source": "big.txt"', `"source": "first${k}.txt"`));
    const store = await AnnotationStore.open(nodeHost, source, { author: 'bench' });
    if (store.error) throw new Error(problemText(store.error));
    const t0 = performance.now();
    const t = makeTarget(r, (k * 37) % r.paragraphs.length);
    if (!t.ok) throw new Error(problemText(t.problem));
    store.add({ report: r.id, target: t.value.target, tags: ['figures'] });
    const saved = await store.save();
    if (!saved.ok || !saved.value.written) throw new Error(saved.ok ? 'not written' : problemText(saved.problem));
    out.push(performance.now() - t0);
  }
  return out;
}

export interface AnnotationBench {
  lines: string[];
}

const f1 = (x: number) => x.toFixed(1);
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(2)}%` : '—');

export async function annotationBench(): Promise<AnnotationBench> {
  const r = bigReport(1000);
  const anns = manyAnnotations(r, 10_000);
  const text = serializeSidecar({ version: 1, source: 'big.txt', annotations: anns });
  const sidecarMB = new TextEncoder().encode(text).length / 1048576;

  // Load (parse the sidecar) and re-anchor, on the unchanged report and on an edited one.
  let placed = 0;
  const load = time(() => {
    const s = parseSidecar(text, 'big.txt.annals.json');
    if (!s.ok) throw new Error(problemText(s.problem));
    placed = reanchor(r, s.value.annotations).filter((a) => a.status === 'exact-id').length;
  }, 15);
  const rand = rng(11);
  const editedBlocks = r.paragraphs.map((p) => (rand() < 0.05 ? p.text.replace(/[\u4e00-\u9fff]/, '改') : p.text));
  const edited = buildReport({ title: '合成报告 2018年度', link: null, date: null, blocks: editedBlocks, diagnostics: [] }, null);
  const editedR = { ...edited, id: r.id };
  let statuses: Record<string, number> = {};
  const loadEdited = time(() => {
    const s = parseSidecar(text, 'big.txt.annals.json');
    if (!s.ok) throw new Error(problemText(s.problem));
    statuses = {};
    for (const a of reanchor(editedR, s.value.annotations)) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  }, 15);
  console.log(`load + re-anchor 10,000 annotations / 1,000 paragraphs: ${f1(median(load))} ms (edited report: ${f1(median(loadEdited))} ms)`);

  // Tag → saved.
  const memSmall = await tagToSaved(memHost(), '/ws/big.txt', r, 1000, 40);
  const memBig = await tagToSaved(memHost(), '/ws/big.txt', r, 10_000, 20);
  const dir = mkdtempSync(path.join(tmpdir(), 'annals-bench-'));
  let diskSmall = { ms: [0], io: [0] };
  let diskBig = { ms: [0], io: [0] };
  let first: number[] = [];
  try {
    diskSmall = await tagToSaved(nodeHost, path.join(dir, 'small.txt').split(path.sep).join('/'), r, 1000, 40);
    diskBig = await tagToSaved(nodeHost, path.join(dir, 'big.txt').split(path.sep).join('/'), r, 10_000, 20);
    first = await firstSave(dir, text, r, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const noIo = (x: { ms: number[]; io: number[] }) => x.ms.map((ms, i) => ms - x.io[i]);
  console.log(
    `tag → saved, median: memory ${f1(median(memSmall.ms))} ms (1,000 annotations) / ${f1(median(memBig.ms))} ms (10,000); disk ${f1(median(diskSmall.ms))} / ${f1(median(diskBig.ms))} ms (file calls ${f1(median(diskBig.io))} ms); first save after opening 10,000: ${f1(median(first))} ms`,
  );

  // Decorations for a visible editor: 60 lines, scrolled through the report.
  const anchors = reanchor(r, anns);
  const tags = tagIndex(DEFAULT_CODEBOOK);
  const lastLine = r.paragraphs[r.paragraphs.length - 1].line;
  let shown = 0;
  let k = 0;
  const deco = time(() => {
    const start = (k++ * 97) % Math.max(1, lastLine - 60);
    shown = decorationRanges(r, new AnchorIndex(anns, anchors), tags, [{ startLine: start, endLine: start + 59 }]).length;
  }, 200);
  const index = new AnchorIndex(anns, anchors);
  const decoScroll = time(() => {
    const start = (k++ * 97) % Math.max(1, lastLine - 60);
    shown = decorationRanges(r, index, tags, [{ startLine: start, endLine: start + 59 }]).length;
  }, 200);
  console.log(
    `decorations, 60 visible lines: ${f1(median(deco))} ms with the index rebuilt, ${(median(decoScroll) * 1000).toFixed(0)} µs per scroll (${shown} paragraphs)`,
  );

  // Robustness.
  const t0 = performance.now();
  const both = robustness(ROOT, 20, 2026, false);
  const spans = robustness(ROOT, 20, 2026, true).span;
  const twins = nearDuplicateDeletions(ROOT, 20, 2026);
  const robustMs = performance.now() - t0;
  const row = (name: string, t: Tally) =>
    `| ${name} | ${t.annotations} | ${pct(t.right, t.annotations)} (${t.rightExactId} / ${t.rightQuote} / ${t.rightFuzzy}) | ${pct(t.needsReview, t.annotations)} | ${pct(t.orphanDeleted, t.annotations)} | ${pct(t.orphanSurviving, t.annotations)} | **${t.misplaced}** | ${t.reviewElsewhere} | **${t.lost}** |`;
  const e = both.paragraph.edits;
  console.log(
    `robustness: paragraphs misplaced ${both.paragraph.misplaced}, lost ${both.paragraph.lost}; spans misplaced ${both.span.misplaced}/${spans.misplaced}, lost ${both.span.lost}/${spans.lost}; deletions next to near-duplicates: misplaced ${twins.paragraph.misplaced}/${twins.span.misplaced} (${f1(robustMs / 1000)} s)`,
  );

  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  let uname = 'unknown';
  try {
    uname = execFileSync('uname', ['-a'], { encoding: 'utf8' }).trim();
  } catch {
    // not on a Unix: the CPU and Node lines still say where it ran
  }
  const lines = [
    '## Annotations',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: \`${uname}\`; ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
    `- Node: ${process.version}`,
    '',
    `A synthetic report of ${r.paragraphs.length} paragraphs (corpus paragraphs in order) with 10,000 annotations, 7 in 10 on`,
    `whole paragraphs and 3 in 10 on spans, tags from the default codebook; the sidecar is ${f1(sidecarMB)} MB. Times are medians`,
    'after a warm-up, in the bench process (tsx).',
    '',
    '| measurement | median ms | p95 ms |',
    '|---|---:|---:|',
    `| load (parse the sidecar) + re-anchor, unchanged report (${placed} exact-id) | ${f1(median(load))} | ${f1(p95(load))} |`,
    `| load + re-anchor, 5% of paragraphs edited (${Object.entries(statuses)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}) | ${f1(median(loadEdited))} | ${f1(p95(loadEdited))} |`,
    `| tag a paragraph → sidecar saved, in memory, 1,000 annotations | ${f1(median(memSmall.ms))} | ${f1(p95(memSmall.ms))} |`,
    `| tag a paragraph → sidecar saved, in memory, 10,000 annotations | ${f1(median(memBig.ms))} | ${f1(p95(memBig.ms))} |`,
    `| tag a paragraph → sidecar saved, temp folder on disk, 1,000 annotations | ${f1(median(diskSmall.ms))} | ${f1(p95(diskSmall.ms))} |`,
    `| tag a paragraph → sidecar saved, temp folder on disk, 10,000 annotations | ${f1(median(diskBig.ms))} | ${f1(p95(diskBig.ms))} |`,
    `| … of which in the file calls (lock, stat, read, write the temporary file, rename, stat, unlock) | ${f1(median(diskBig.io))} | ${f1(p95(diskBig.io))} |`,
    `| … of which the rest (tag, merge check, build the bytes) | ${f1(median(noIo(diskBig)))} | ${f1(p95(noIo(diskBig)))} |`,
    `| first save after opening a sidecar of 10,000 annotations (every annotation formatted), 5 runs | ${f1(median(first))} | ${f1(Math.max(...first))} (max) |`,
    `| decorations for 60 visible lines, AnchorIndex rebuilt (after a re-anchoring) | ${f1(median(deco))} | ${f1(p95(deco))} |`,
    `| decorations for 60 visible lines, index kept (scrolling) | ${median(decoScroll).toFixed(3)} | ${p95(decoScroll).toFixed(3)} |`,
    '',
    'A save is a compare-and-swap under a lock file: it creates `<sidecar>.lock`, reads the sidecar and compares it by',
    'content with what the store last saw (merging an outside change), writes a temporary sibling, checks that the lock',
    'is still its own and the sidecar unchanged, renames the temporary file over the sidecar, checks that it landed, and',
    `removes the lock. The whole file is rewritten (${f1(sidecarMB)} MB with 10,000 annotations), but its bytes are built from each`,
    "annotation's UTF-8, cached by object: a save formats and encodes only the annotations changed since the last one and",
    'copies the rest into one buffer, and the store keeps its sorted order by binary insertion. With 10,000 annotations the',
    'file calls (the read and the write of 10 MB, the rename over the old file) are most of a save: p95',
    `${f1(p95(diskBig.io))} ms in the file calls against ${f1(p95(noIo(diskBig)))} ms for the rest. The first save after opening a sidecar still`,
    'formats and encodes every annotation once.',
    '',
    '### Targets',
    '',
    `- 10,000 annotations over 1,000 paragraphs load and re-anchor in under 300 ms: ${f1(median(load))} ms unchanged, ${f1(median(loadEdited))} ms edited — ${met(median(loadEdited) < 300 && median(load) < 300)}.`,
    `- Tagging a paragraph until the sidecar is saved, under 30 ms median: ${f1(median(diskSmall.ms))} ms on disk with 1,000 annotations, ${f1(median(diskBig.ms))} ms with 10,000 — ${met(median(diskBig.ms) < 30)}${median(diskBig.ms) < 30 ? '' : ` at 10,000 (${median(diskSmall.ms) < 30 ? 'met' : 'NOT met'} at 1,000)`}.`,
    `- Decorations for a visible editor in under 16 ms: ${f1(median(deco))} ms — ${met(median(deco) < 16)}.`,
    '',
    '### Re-anchoring robustness',
    '',
    `Every paragraph of the corpus reports (${corpusReports(ROOT).length} reports: the three Nanhai years and five national reports) is tagged, and`,
    'a span of 12 characters inside each paragraph of 40 or more. Each trial then edits the report with a seeded RNG (seed',
    '2026, 20 trials a report): character substitutions in 5% of paragraphs (5% of their characters), one section or chapter',
    'moved to another heading, 3% of paragraphs deleted, 3% inserted. Inserted paragraphs come from the other corpus reports',
    '(realistic lookalikes: other years of the same series), but never a copy or near-copy (80% similar or more) of a',
    'paragraph of the edited report, nor right where a paragraph was deleted: either would be the paragraph moved or edited,',
    'and the truth ambiguous.',
    '',
    `Edits over all trials: ${e.substituted} paragraphs with substitutions, ${e.inserted} inserted, ${e.deleted} deleted, ${e.moved} paragraphs in moved sections.`,
    '',
    '- *right*: placed on the paragraph it came from (exact-id / quote / fuzzy);',
    '- *needs review*: suggested on the right paragraph, marked for review;',
    '- *orphan, deleted*: its paragraph was deleted, so orphan is the right outcome;',
    '- *orphan, still there*: kept as an orphan though its (edited) paragraph is still there;',
    '- *misplaced*: placed as if right (exact-id, quote or fuzzy) on any other paragraph;',
    '- *review elsewhere*: suggested for review (needs-review) on any other paragraph; the analyst sees the reason and',
    '  decides (until issue #12 this column was counted in *misplaced*: it was 0 in the first two rows then too);',
    '- *lost*: missing from the result.',
    '',
    '| annotations | count | right (exact-id / quote / fuzzy) | needs review | orphan, deleted | orphan, still there | misplaced | review elsewhere | lost |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    row('whole paragraphs', both.paragraph),
    row('spans, with their paragraph tagged', both.span),
    row('spans alone', spans),
    row('whole paragraphs, deletions next to near-duplicates', twins.paragraph),
    row('spans, deletions next to near-duplicates', twins.span),
    '',
    'Deletions next to near-duplicates (issue #12): up to six paragraphs of each report get a near-duplicate right before',
    'or after them (every figure changed, a year to the year before: 2018年…24次 next to 2017年…22次; or two words',
    'changed, the figures kept), every paragraph is tagged but one of each pair, and one of each pair is deleted (20 trials',
    "a report). A deleted paragraph's annotations must not land on its untagged twin as if placed: the stored context shows",
    'the twin was its neighbour, or the figures differ, so it goes to review with that reason.',
    '',
    `Targets, on the issue's benchmark (every paragraph tagged, and spans with their paragraph) and on the deletions next to near-duplicates: misplaced 0 — ${met(both.paragraph.misplaced + both.span.misplaced + twins.paragraph.misplaced + twins.span.misplaced === 0)}; lost 0 — ${met(both.paragraph.lost + both.span.lost + twins.paragraph.lost + twins.span.lost === 0)}.`,
    `On the harder extra case of spans alone: misplaced ${spans.misplaced} of ${spans.annotations}, ${spans.reviewElsewhere} suggested elsewhere, lost ${spans.lost}.`,
    '',
    ...(spans.misplaced + spans.reviewElsewhere
      ? [
          'Spans alone placed or suggested elsewhere (a span whose paragraph is not tagged has only its quote and 32 characters each side):',
          '',
          ...spans.examples.map((x) => `- ${x}`),
          '',
        ]
      : []),
    'The orphans whose paragraph is still there are mostly very short paragraphs (各位代表！, （一）) that an edit changed',
    'beyond recognition, or repeated ones whose neighbours changed: re-anchoring keeps them as orphans rather than guess.',
    '',
  ];
  return { lines };
}

if (process.argv[1]?.endsWith('annotations.ts')) {
  // --write: also replace the annotations section of bench/RESULTS.md (as npm run bench does).
  void annotationBench().then((res) => {
    console.log(res.lines.join('\n'));
    if (process.argv.includes('--write')) writeSection('annotations', res.lines.join('\n'));
  });
}
