/**
 * The alignment measurements, in their own process (bench/run.ts bundles this file with esbuild
 * and runs it; it prints one JSON line):
 * - precision and recall of Annals and of the naive rule (same part kind, same number) on the
 *   hand-labelled sets in test/fixtures/align, with the tokenizers and thresholds compared;
 * - the time to align the national series (every year in ../shared/corpus/gwr-national when it
 *   is there, else the copies in samples/ and test/fixtures/);
 * - the time to build the Compare model and its HTML for three years of one chapter, and for the
 *   national task chapter over ten years (2010–2019), with its rows before and after collapsing;
 * - section alignment on provincial reports with the series right (2025 Word vs 2026 web text of the
 *   same province), against test/fixtures/align/provincial-sections.json, with and without aligning
 *   sections across chapter boundaries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadavg } from 'node:os';
import { importSource, type Report } from '../src/core/index.ts';
import { alignCorpus, type AlignOptions } from '../src/core/align/index.ts';
import { evaluate, type GoldSectionSet, type GoldSet, type Score, scoreSeriesSections, sumScores } from './evaluate.ts';
import { buildCompare } from '../src/core/compare/index.ts';
import { renderCompareHtml } from '../src/core/compare/index.ts';

const ROOT = process.cwd();

function median(fn: () => void, rounds: number): { median: number; first: number } {
  const t0 = performance.now();
  fn();
  const first = performance.now() - t0;
  const runs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor(runs.length / 2)], first };
}

const sets = ['nanhai', 'national'].map((name) => {
  const gold = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/align', `${name}.json`), 'utf8')) as GoldSet;
  const reports = gold.sources.flatMap((f) => importSource(f, readFileSync(path.join(ROOT, f))).reports);
  return { name, gold, reports };
});

function quality(opts: AlignOptions) {
  const per = sets.map((s) => ({ name: s.name, e: evaluate(alignCorpus(s.reports, opts), s.gold) }));
  const pick = (f: (e: (typeof per)[number]['e']) => Score) => ({
    ...Object.fromEntries(per.map((p) => [p.name, f(p.e)])),
    all: sumScores(per.map((p) => f(p.e))),
  });
  return {
    chapters: { annals: pick((e) => e.chapters.annals), naive: pick((e) => e.chapters.naive) },
    sections: { annals: pick((e) => e.sections.annals), naive: pick((e) => e.sections.naive) },
    planResult: { annals: pick((e) => e.planResult.annals), naive: pick((e) => e.planResult.naive) },
    reordered: { annals: pick((e) => e.reordered.annals), naive: pick((e) => e.reordered.naive) },
  };
}

const main = quality({});
const tokenizers = (['bigram', 'unigram+bigram', 'segmenter'] as const).map((t) => ({ tokenizer: t, q: quality({ tokenizer: t }) }));
const thresholds = [0.08, 0.1, 0.12, 0.15, 0.2].map((th) => ({ threshold: th, q: quality({ chapterThreshold: th, sectionThreshold: th }) }));

// Speed: the national series.
const shared = path.resolve(ROOT, '../shared/corpus/gwr-national');
const files = existsSync(shared)
  ? readdirSync(shared)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(shared, f))
  : [
      ...readdirSync(path.join(ROOT, 'samples/national')).map((f) => path.join(ROOT, 'samples/national', f)),
      ...readdirSync(path.join(ROOT, 'test/fixtures/national')).map((f) => path.join(ROOT, 'test/fixtures/national', f)),
    ];
const national: Report[] = files.flatMap((f) => importSource(f, readFileSync(f)).reports);
let last = alignCorpus([]);
// Fresh report objects each round: the per-report term counts are not cached between rounds.
const alignTime = median(() => {
  last = alignCorpus(national.map((r) => ({ ...r })));
}, 15);
const series = last.series.map((s) => ({ label: `${s.issuer ?? '—'} · ${s.type}`, reports: s.reports.length }));

// Compare: Nanhai, 2018 review 六 across 2016–2018.
const flat = path.join(ROOT, 'samples/nanhai/nanhai-feed-flattened.txt');
const nanhai = importSource(flat, readFileSync(flat)).reports;
const nal = alignCorpus(nanhai);
const r2018 = nanhai.find((r) => r.year === 2018)!;
const six = r2018.outline.find((n) => n.kind === 'part' && n.partKind === 'review')!.children.find((c) => c.number === 6)!;
let html = '';
let rows = 0;
const compareTime = median(() => {
  const { model } = buildCompare(nal, r2018, six);
  rows = model!.rows.length;
  html = renderCompareHtml(model!);
}, 50);

// Compare at ten years: the national task chapter of 2019 across 2010–2019.
const tenFiles = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019].map((y) => {
  const name = `gwr-national-${y}.txt`;
  return [path.join(ROOT, 'samples/national', name), path.join(ROOT, 'test/fixtures/national', name)].find((f) => existsSync(f))!;
});
const ten = tenFiles.flatMap((f) => importSource(f, readFileSync(f)).reports);
const tal = alignCorpus(ten);
const t2019 = ten.find((r) => r.year === 2019)!;
const tasks = t2019.outline.find((n) => n.kind === 'chapter' && n.label === '三、')!;
let tenRows = { rows: 0, matched: 0, hidden: 0, htmlKB: 0 };
const tenTime = median(() => {
  const { model } = buildCompare(tal, t2019, tasks);
  const h = renderCompareHtml(model!);
  const hidden = model!.rows.reduce((n, r) => n + (r.kind === 'collapsed' ? r.rows.length : 0), 0);
  tenRows = { rows: model!.rows.length, matched: model!.rows.filter((r) => r.kind !== 'collapsed').length, hidden, htmlKB: h.length / 1024 };
}, 15);

// Sections of provincial reports, the series right.
const prov = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/align/provincial-sections.json'), 'utf8')) as GoldSectionSet;
const provReports = prov.sources.flatMap((f) => importSource(f, readFileSync(path.join(ROOT, f))).reports);
const provincial = [true, false].map((across) => {
  const al = alignCorpus(provReports, { sectionsAcrossChapters: across });
  const per = prov.sections.map((g) => ({ issuer: g.issuer, s: scoreSeriesSections(al, g) }));
  return { across, per, all: sumScores(per.map((p) => p.s)) };
});

console.log(
  JSON.stringify({
    provincial,
    tenYears: { ...tenRows, ...tenTime },
    quality: main,
    tokenizers,
    thresholds,
    speed: {
      files: files.length,
      fromShared: existsSync(shared),
      reports: national.length,
      series,
      links: last.links.length,
      sectionLinks: last.sectionLinks.length,
      paragraphLinks: last.paragraphLinks.length,
      ...alignTime,
    },
    compare: { years: 3, rows, htmlKB: html.length / 1024, ...compareTime },
    load: loadavg(),
  }),
);
