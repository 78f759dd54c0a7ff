/**
 * npm run bench: import throughput and memory on synthetic corpora of 100, 1,000 and 5,000
 * reports, against htmlparser2's parseDocument of the same HTML bodies (the floor), the size of
 * the minified extension bundle, the alignment (bench/align.ts: precision and recall on the
 * hand labels, the national series' alignment time, the Compare HTML), and the annotations
 * (bench/annotations.ts), and the Word and PDF import against fflate and pdfjs-dist alone
 * (bench/formats.ts). Each writes its own section of bench/RESULTS.md.
 */
import { alignSection, type AlignBench } from './alignReport.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { statSync } from 'node:fs';
import { writeSection } from './results.ts';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotationBench } from './annotations.ts';
import { figuresBench } from './figures.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { commonOptions } = createRequire(path.join(ROOT, 'package.json'))('./scripts/esbuild-options.cjs') as {
  commonOptions: (o?: { production?: boolean }) => esbuild.BuildOptions;
};
const sizes = (process.env.ANNALS_BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);

interface ImportRun {
  reports: number;
  files: number;
  mb: number;
  ms: number;
  peakRssMB: number;
  peakHeapMB: number;
  rssBeforeMB: number;
  retainedMB: number;
}
interface FloorRun {
  mb: number;
  parseMs: number;
  decodeParseMs: number;
  decodeMs: number;
  ownDecodeMs: number;
}
interface PairedRun {
  rounds: number;
  /** The median of the rounds' (decode + parse ms) / (import ms): import throughput against the floor's. */
  ratio: number;
  /** The same against a floor that decodes with the import's own UTF-8 decoder (src/core/reader/utf8.ts). */
  ownRatio: number;
  importMs: number;
  floorMs: number;
  ownFloorMs: number;
}
interface Row extends ImportRun {
  paired: PairedRun;
  importMBps: number;
  floorMBps: number;
  floorBytesMBps: number;
  decodeMBps: number;
  ownDecodeMBps: number;
}

function child<T>(mode: string, n: number): T {
  const p = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, 'bench/.build/import.cjs'), mode, String(n)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (p.status !== 0) throw new Error(`bench ${mode} for ${n} reports failed:\n${p.stderr}`);
  return JSON.parse(p.stdout.trim().split('\n').pop()!) as T;
}

// Bundle the measurement as the extension and the CLI are bundled (esbuild, no TypeScript loader at run time).
esbuild.buildSync({
  ...commonOptions({ production: false }),
  sourcemap: false,
  entryPoints: [path.join(ROOT, 'bench/import.ts')],
  outfile: path.join(ROOT, 'bench/.build/import.cjs'),
});

// The alignment, bundled and in its own process too.
esbuild.buildSync({
  ...commonOptions({ production: false }),
  sourcemap: false,
  entryPoints: [path.join(ROOT, 'bench/align.ts')],
  outfile: path.join(ROOT, 'bench/.build/align.cjs'),
});
const alignRun = spawnSync(process.execPath, [path.join(ROOT, 'bench/.build/align.cjs')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
if (alignRun.status !== 0) throw new Error(`bench align failed:\n${alignRun.stderr}`);
const align = JSON.parse(alignRun.stdout.trim().split('\n').pop()!) as AlignBench;
console.log(
  `align: national series (${align.speed.reports} reports) ${align.speed.median.toFixed(0)} ms; compare HTML ${align.compare.median.toFixed(1)} ms; chapters P ${align.quality.chapters.annals.all.precision.toFixed(2)} R ${align.quality.chapters.annals.all.recall.toFixed(2)}`,
);

const rows: Row[] = [];
for (const n of sizes) {
  const imp = child<ImportRun>('import', n);
  const floor = child<FloorRun>('floor', n);
  const paired = child<PairedRun>('paired', n);
  const row: Row = {
    ...imp,
    paired,
    importMBps: imp.mb / (imp.ms / 1000),
    floorMBps: floor.mb / (floor.parseMs / 1000),
    floorBytesMBps: floor.mb / (floor.decodeParseMs / 1000),
    decodeMBps: floor.mb / (floor.decodeMs / 1000),
    ownDecodeMBps: floor.mb / (floor.ownDecodeMs / 1000),
  };
  rows.push(row);
  console.log(
    `${n} reports: ${row.ms.toFixed(0)} ms, ${row.importMBps.toFixed(1)} MB/s (floor: parse ${row.floorMBps.toFixed(1)} MB/s, decode+parse ${row.floorBytesMBps.toFixed(1)} MB/s), peak RSS ${row.peakRssMB.toFixed(0)} MB (${row.rssBeforeMB.toFixed(0)} MB before), peak heap ${row.peakHeapMB.toFixed(0)} MB, retained ${row.retainedMB.toFixed(0)} MB; paired: ${paired.ratio.toFixed(2)}× of decode + parse (${paired.importMs.toFixed(0)} / ${paired.floorMs.toFixed(0)} ms), ${paired.ownRatio.toFixed(2)}× with Annals' decoder in the floor`,
  );
}

execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
const bundleKB = statSync(path.join(ROOT, 'dist/extension.js')).size / 1024;
console.log(`dist/extension.js (minified): ${bundleKB.toFixed(1)} KB`);

const f1 = (x: number) => x.toFixed(1);
const perReport = rows.map((r) => r.ms / r.reports);
const thousand = rows.find((r) => r.reports === 1000);
const ratio = (r: Row) => r.importMBps / r.floorMBps;
const ratioBytes = (r: Row) => r.importMBps / r.floorBytesMBps;
const cpu = cpus();
const lines = [
  '## Import',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${f1(totalmem() / 1073741824)} GiB RAM, ${osType()} ${release()}`,
  `- Node: ${process.version}`,
  `- uname -a: ${(() => {
    try {
      return execFileSync('uname', ['-a'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unavailable';
    }
  })()}`,
  `- Load average at the end (1, 5, 15 min): ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')} — other work on the machine slows the timings`,
  '',
  'Synthetic corpus built from the real reports (bench/corpus.ts): paragraphs shuffled within chapters, numbering varied',
  '(`4、`, a lost `、`, half-width section parentheses), RSS 2.0 feeds of 25 items with HTML bodies in CDATA. Each size runs',
  'in its own process; times are the median of several rounds after a warm-up, of the code bundled by esbuild.',
  '',
  "The floor is htmlparser2's `parseDocument` of the same HTML bodies, which our import cannot beat. It is given two ways:",
  "parse only, on the bodies as JavaScript strings, and decode + parse, from the bodies' UTF-8 bytes with the platform's",
  '`TextDecoder`. The import starts from bytes (the feed files) and does all of: sniff and decode, XML parse of the feed,',
  'HTML parse of each body, text extraction, structure and repairs, paragraph ids, and the report document.',
  '',
  'Memory: the import runs in a process that holds only the feed files\' bytes. "RSS before" is its resident set after',
  'the corpus is built; the peaks are the most that resident set and the JavaScript heap reached in one more round of',
  'the import after the timed ones, sampled after each feed file (25 reports; sampling is kept out of the timed rounds).',
  '"Retained" is the heap that the imports of all the files hold',
  'when they are kept, as the extension keeps the imports of the files it lists (measured after a full GC).',
  '',
  "The table's import and floors are timed in separate processes, a minute or more apart; on a machine whose speed drifts",
  '(a shared VM) their ratio moves with the drift. A third process times the import and decode + parse in turn, round after',
  "round, each after a full GC, and takes the median of the rounds' ratios: the figure the target below is judged by.",
  '',
  '| reports | feed files | MB | import ms | import MB/s | ms per report | floor, parse only MB/s | import / parse | floor, decode + parse MB/s | import / (decode + parse) | RSS before MB | peak RSS MB | peak heap MB | retained MB |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r, i) =>
      `| ${r.reports} | ${r.files} | ${f1(r.mb)} | ${r.ms.toFixed(0)} | ${f1(r.importMBps)} | ${perReport[i].toFixed(2)} | ${f1(r.floorMBps)} | ${ratio(r).toFixed(2)}× | ${f1(r.floorBytesMBps)} | ${ratioBytes(r).toFixed(2)}× | ${r.rssBeforeMB.toFixed(0)} | ${r.peakRssMB.toFixed(0)} | ${r.peakHeapMB.toFixed(0)} | ${r.retainedMB.toFixed(0)} |`,
  ),
  '',
  '## Targets',
  '',
  `- 1,000 reports imported in under 2 s: ${thousand ? `${thousand.ms.toFixed(0)} ms — ${thousand.ms < 2000 ? 'met' : 'NOT met'}` : 'not measured'}.`,
  `- Import at least 0.5× decode + parse, timed in turn in one process (the median of ${rows.map((r) => r.paired.rounds).join(', ')} rounds' ratios): ${rows.map((r) => `${r.paired.ratio.toFixed(2)}×`).join(', ')} — ${rows.every((r) => r.paired.ratio >= 0.5) ? 'met' : 'NOT met'}.`,
  `- The same against a floor that decodes with the import's own UTF-8 decoder (faster than the platform's; see below): ${rows.map((r) => `${r.paired.ownRatio.toFixed(2)}×`).join(', ')}.`,
  `- The same from the separate processes of the table: against parse only ${rows.map((r) => `${ratio(r).toFixed(2)}×`).join(', ')} — ${rows.every((r) => ratio(r) >= 0.5) ? 'met' : 'NOT met'}; against decode + parse ${rows.map((r) => `${ratioBytes(r).toFixed(2)}×`).join(', ')} — ${rows.every((r) => ratioBytes(r) >= 0.5) ? 'met' : 'NOT met'}.`,
  `- Cost growing linearly: ms per report ${perReport.map((x) => x.toFixed(2)).join(' → ')} (${perReport.length > 1 ? `largest/smallest ${f1(Math.max(...perReport) / Math.min(...perReport))}×` : 'one size'}).`,
  `- Extension bundle at or under 350 KB minified: ${f1(bundleKB)} KB — ${bundleKB <= 350 ? 'met' : 'NOT met'}.`,
  '',
  '## Why the parse-only floor is out of reach',
  '',
  `Decoding the same bodies from UTF-8 alone, with the platform's \`TextDecoder\` and no parsing, runs at ${rows.map((r) => `${f1(r.decodeMBps)}`).join(', ')} MB/s:`,
  `slower than \`parseDocument\` itself (${rows.map((r) => f1(r.floorMBps)).join(', ')} MB/s). Chinese text is three bytes a character in UTF-8, and`,
  'every import from a file has to decode it. Half the parse-only throughput would leave less time than the decoding',
  'takes, before any parsing. So the import is held to the floor that starts from the same bytes (decode + parse), and',
  'the parse-only ratio is reported as it is.',
  '',
  'Since 2026-12-01 the import decodes UTF-8 with its own strict decoder (src/core/reader/utf8.ts: a loop over the bytes',
  "into UTF-16 code units, then the platform's UTF-16 decoder), the same text as `TextDecoder` with `fatal: true` and",
  `null where that throws. On the same bodies it runs at ${rows.map((r) => f1(r.ownDecodeMBps)).join(', ')} MB/s. The target's floor keeps the`,
  "platform's decoder, as the issue defines it; the ratio against a floor that decodes as fast as the import is given too.",
  '',
];
writeSection('import', lines.join('\n'));
writeSection('align', alignSection(align).join('\n'));
// Word and PDF (issue #10): bundled as the CLI is, an ES module (pdfjs-dist is one), in its own process.
esbuild.buildSync({
  ...commonOptions({ production: false }),
  sourcemap: false,
  format: 'esm',
  external: ['@napi-rs/canvas'],
  banner: { js: "import { createRequire as __annalsRequire } from 'node:module'; const require = __annalsRequire(import.meta.url);" },
  entryPoints: [path.join(ROOT, 'bench/formats.ts')],
  outfile: path.join(ROOT, 'bench/.build/formats.mjs'),
});
const formats = spawnSync(process.execPath, [path.join(ROOT, 'bench/.build/formats.mjs')], { cwd: ROOT, encoding: 'utf8' });
if (formats.status !== 0) throw new Error(`bench formats failed:\n${formats.stderr}`);
process.stdout.write(formats.stdout);
// Annotations (issue #4): in this process, after the import measurements.
void annotationBench().then((a) => {
  writeSection('annotations', a.lines.join('\n'));
  // Figures and search (issue #15).
  writeSection('figures', figuresBench().join('\n'));
  console.log('wrote the import, align, annotations and figures sections of bench/RESULTS.md');
});
