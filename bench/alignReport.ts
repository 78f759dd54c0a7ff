/** The alignment section of bench/RESULTS.md, from bench/align.ts's measurements. */
import type { Score } from './evaluate.ts';

type Pair = { annals: Record<string, Score>; naive: Record<string, Score> };
interface Quality {
  chapters: Pair;
  sections: Pair;
  planResult: Pair;
  reordered: Pair;
}

export interface AlignBench {
  quality: Quality;
  tokenizers: { tokenizer: string; q: Quality }[];
  thresholds: { threshold: number; q: Quality }[];
  speed: {
    files: number;
    fromShared: boolean;
    reports: number;
    series: { label: string; reports: number }[];
    links: number;
    sectionLinks: number;
    paragraphLinks: number;
    median: number;
    first: number;
  };
  compare: { years: number; rows: number; htmlKB: number; median: number; first: number };
  provincial: { across: boolean; per: { issuer: string; s: Score }[]; all: Score }[];
  tenYears: { rows: number; matched: number; hidden: number; htmlKB: number; median: number; first: number };
  /** The load average (1, 5, 15 min) at the end: the machine may be shared. */
  load?: number[];
}

const f1 = (s: Score) => (s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0);

const f2 = (x: number) => x.toFixed(2);
const pr = (s: Score | undefined) =>
  s?.achievable ? `${f2(s.precision)} / ${f2(s.recall)} (${s.correct} of ${s.predicted} links right, ${s.achievable} possible)` : '—';

export function alignSection(a: AlignBench): string[] {
  const q = a.quality;
  const row = (what: string, set: string, p: Pair) => `| ${what} | ${set} | ${pr(p.annals[set])} | ${pr(p.naive[set])} |`;
  return [
    '## Alignment',
    '',
    'Measured by bench/align.ts (bundled by esbuild, in its own process). Precision and recall are against the hand labels in',
    '`test/fixtures/align/` (Nanhai 2016–2018 review and plan chapters and plan → result; national 1999–2002 chapters and the',
    'sections of the 2017–2019 task chapters). A labelled pair may list several acceptable counterparts (a chapter that took',
    'over two), so recall is counted against the most links a one-to-one aligner can get right. The naive rule links the same',
    'part kind and the same chapter (section) number; for plan → result, plan chapter n to review chapter n.',
    '',
    '| what | set | Annals precision / recall | naive precision / recall |',
    '|---|---|---|---|',
    row('chapters', 'nanhai', q.chapters),
    row('chapters', 'national', q.chapters),
    row('chapters', 'all', q.chapters),
    row('sections', 'national', q.sections),
    row('plan → result', 'nanhai', q.planResult),
    row('reordered, added or dropped only', 'all', q.reordered),
    '',
    'Tokenizers (chapters and sections, both sets, default thresholds):',
    '',
    '| tokenizer | chapters P / R | sections P / R | plan → result P / R |',
    '|---|---|---|---|',
    ...a.tokenizers.map((t) => `| ${t.tokenizer} | ${pr(t.q.chapters.annals.all)} | ${pr(t.q.sections.annals.all)} | ${pr(t.q.planResult.annals.all)} |`),
    '',
    'No-counterpart threshold (chapters and sections; bigrams). The default, 0.12, was chosen on these same labels, so the',
    'figures above are not a held-out estimate:',
    '',
    '| threshold | chapters P / R | sections P / R |',
    '|---:|---|---|',
    ...a.thresholds.map((t) => `| ${t.threshold} | ${pr(t.q.chapters.annals.all)} | ${pr(t.q.sections.annals.all)} |`),
    '',
    'Sections of provincial reports with the series right (the 2025 Word report and the 2026 web text of one province), against',
    'the hand-checked pairs of five provinces in `test/fixtures/align/provincial-sections.json` (labelled after the aligner was',
    'written, never used to tune it); a link counts when both its chapters are in a labelled scope, so links across chapters',
    'are scored too. The goal on unseen reports is F1 ≥ 0.9:',
    '',
    '| province | across chapters | within chapters only |',
    '|---|---|---|',
    ...a.provincial[0].per.map((p, i) => `| ${p.issuer} | ${pr(p.s)} | ${pr(a.provincial[1].per[i].s)} |`),
    `| all | ${pr(a.provincial[0].all)}, F1 ${f2(f1(a.provincial[0].all))} | ${pr(a.provincial[1].all)}, F1 ${f2(f1(a.provincial[1].all))} |`,
    '',
    '### Speed',
    '',
    ...(a.load
      ? [
          `Load average at the end of the measurement (1, 5, 15 min): ${a.load.map((x) => x.toFixed(1)).join(', ')}; on a shared machine the times scale with it.`,
          '',
        ]
      : []),
    `- Aligning the national series: ${a.speed.reports} reports from ${a.speed.files} files (${a.speed.fromShared ? '../shared/corpus/gwr-national' : 'the copies in samples/ and test/fixtures/'}), ` +
      `${a.speed.series.map((s) => `${s.reports} in ${s.label}`).join(', ')}: **${a.speed.median.toFixed(0)} ms** (median of 15 rounds, each on fresh report objects so no term counts are cached; the first, cold round ${a.speed.first.toFixed(0)} ms). ` +
      `${a.speed.links} chapter, ${a.speed.sectionLinks} section and ${a.speed.paragraphLinks} paragraph links. Target under 300 ms: ${a.speed.median < 300 ? 'met' : 'NOT met'}.`,
    `- Compare at ten years (national 2010–2019, the 2019 task chapter 三): ${a.tenYears.rows} rows (${a.tenYears.matched} with two years or more, the rest collapsed runs hiding ${a.tenYears.hidden} one-year rows), ${a.tenYears.htmlKB.toFixed(0)} KB of HTML, built in **${a.tenYears.median.toFixed(0)} ms** (model and HTML, median of 15; first ${a.tenYears.first.toFixed(0)} ms).`,
    `- Building the Compare model and HTML for three years of one chapter (Nanhai review 六, ${a.compare.rows} rows, ${a.compare.htmlKB.toFixed(1)} KB of HTML): **${a.compare.median.toFixed(1)} ms** (median of 50; first ${a.compare.first.toFixed(1)} ms). Target under 50 ms: ${a.compare.median < 50 ? 'met' : 'NOT met'}.`,
    '',
  ];
}
