// Mutation testing (StrykerJS with the tap runner): `npm run mutate [-- PACKAGE…]`, not part of CI.
// Each core package is mutated on its own, against the unit test files that exercise it, run as
// node:test files through tsx. docs/reliability.md records the scores and explains the survivors.
//
//   ANNALS_MUTATE        the package (annotate, model, align, compare, structure, reader, series, search, trends, qdpx); default annotate
//   ANNALS_MUTATE_FILES  comma-separated files to mutate instead of the whole package (a partial run)
//   ANNALS_MUTATE_LABEL  the name of a partial run's reports (default partial)
//   ANNALS_MUTATE_CONCURRENCY  test processes at once (default 2; 1 on a shared machine)
//   ANNALS_MUTATE_TIMEOUT  milliseconds a mutant's tests may take over 1.5 × their time in the dry run (default 5000)

import { readdirSync, readFileSync } from 'node:fs';

/** Per package: what is mutated, and the test files that exercise it (quick ones; no subprocess-heavy file). */
const PACKAGES = {
  annotate: {
    mutate: ['src/core/annotate/**/*.ts'],
    tests: [
      'annotate-qdpx-edges2',
      'annotate-reanchor-edges2',
      'annotate-store-edges2',
      'annotate-sidecar-edges2',
      'annotate-anchor-edges',
      'annotate-files-edges',
      'annotations-edges',
      'store',
      'annotations',
      'anchor',
      'autotag',
      'agreement',
      'coders',
      'paragraphIndex',
      'exportTeam',
      'xlsx',
      'codebookEdit',
      'qdpx',
      'autotagScope',
      'ids',
      'store-lock',
      'cli-annotate',
    ],
  },
  model: {
    mutate: ['src/core/model/**/*.ts', '!src/core/model/types.ts'],
    tests: ['model-edges', 'l10n', 'ids', 'structure', 'formats', 'property', 'badinput'],
  },
  align: {
    // Its vector code keeps state that only grows (a scratch array, the vocabulary) and picks its word segmenter
    // once: load the sources afresh for every test file, as in a process of its own, so that a mutant there shows.
    freshSources: true,
    // Every test file loads src/core anew, so its tests take long already: 3 s on top of 1.5 × their time is ample.
    timeoutMS: 3000,
    mutate: ['src/core/align/**/*.ts', '!src/core/align/types.ts'],
    tests: ['align-more-edges', 'align-edges', 'align', 'compare', 'compareYears'],
  },
  compare: {
    mutate: ['src/core/compare/**/*.ts', '!src/core/compare/protocol.ts'],
    tests: ['compare-figures-edges', 'compare-edges', 'compare', 'figures', 'compareYears', 'compareView'],
  },
  structure: {
    mutate: ['src/core/structure/**/*.ts'],
    tests: ['structure-meta-edges', 'structure-edges', 'structure', 'headings', 'metadata', 'ids', 'formats', 'webtext', 'badinput', 'corrections', 'property'],
  },
  reader: {
    mutate: ['src/core/reader/**/*.ts'],
    tests: ['reader-chrome-edges', 'reader-xml2-edges', 'reader-depth-edges', 'reader-docx-edges', 'reader-html2-edges', 'reader-xml-edges', 'reader-html-edges', 'reader-lines-edges', 'reader-edges', 'reader-word-edges', 'formats', 'encoding', 'webtext', 'headings', 'badinput', 'plantedBugs', 'docx', 'pdf', 'property'],
  },
  search: {
    mutate: ['src/core/search/**/*.ts'],
    tests: ['search-edges', 'search', 'searchView'],
  },
  trends: {
    mutate: ['src/core/trends/**/*.ts', '!src/core/trends/protocol.ts'],
    tests: ['trends-edges', 'trends', 'trendsPanel'],
  },
  qdpx: {
    mutate: ['src/core/qdpx/**/*.ts'],
    tests: ['qdpx-edges', 'qdpx', 'qdpxImport', 'exportTeam'],
  },
  series: {
    mutate: ['src/core/series/**/*.ts'],
    tests: ['series-patch', 'series-edges', 'series', 'metadata', 'corrections', 'corpusCorrections'],
  },
};

const name = process.env.ANNALS_MUTATE ?? 'annotate';
// Properties stop at their first counterexample (test/unit/mutation.ts); inherited by the test processes.
process.env.ANNALS_MUTATION = '1';
const pkg = PACKAGES[name];
if (!pkg) throw new Error(`ANNALS_MUTATE: unknown package “${name}” (one of ${Object.keys(PACKAGES).join(', ')})`);
// ANNALS_MUTATE_SAMPLE=0.2 (with ANNALS_MUTATE_SEED, default 1): a random sample of the package's lines, the same
// for the same seed; only the mutants within those lines are made (a mutant that spans several lines, such as an
// emptied function body, is left out unless all its lines are drawn). An estimate of the score, for packages too
// large to run whole in the time there is; its report is PACKAGE.sample.json.
const sample = Number(process.env.ANNALS_MUTATE_SAMPLE) || 0;
function sampledRanges() {
  const seed = process.env.ANNALS_MUTATE_SEED ?? '1';
  const excluded = new Set(pkg.mutate.filter((m) => m.startsWith('!')).map((m) => m.slice(1)));
  const files = readdirSync(`src/core/${name}`, { recursive: true })
    .map((f) => `src/core/${name}/${String(f).replaceAll('\\', '/')}`)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('/index.ts') && !excluded.has(f))
    .sort();
  const ranges = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n').length;
    let from = 0;
    for (let line = 1; line <= lines + 1; line++) {
      // FNV-1a of seed, file and line, mixed (murmur3's finaliser), as a fraction of 2^32.
      let h = 0x811c9dc5;
      for (const c of `${seed}:${file}:${line}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      const drawn = line <= lines && h / 2 ** 32 < sample;
      if (drawn && !from) from = line;
      if (!drawn && from) {
        ranges.push(`${file}:${from}-${line - 1}`);
        from = 0;
      }
    }
  }
  return ranges;
}
const only = sample ? sampledRanges() : process.env.ANNALS_MUTATE_FILES?.split(',').filter(Boolean);
// Report names: the package, and for a partial run ANNALS_MUTATE_LABEL (default “partial”, “sample” for a sample).
const base = `reports/stryker/${name}${only ? `.${process.env.ANNALS_MUTATE_LABEL ?? (sample ? 'sample' : 'partial')}` : ''}`;

// The runner: node-test (scripts/stryker-node-test.mjs: the tests run inside Stryker's worker, each test
// its own, with a clean check on every kill) or tap (a new node process per test file and mutant).
const runner = process.env.ANNALS_MUTATE_RUNNER ?? 'node-test';

export default {
  testRunner: runner,
  plugins: ['@stryker-mutator/tap-runner', './scripts/stryker-node-test.mjs'],
  // The node-test runner loads tap.nodeArgs' own set-up (the stand-in for vscode) from the sandbox itself.
  testRunnerNodeArgs: runner === 'node-test' ? ['--import', 'tsx'] : [],
  // The node-test runner keeps src/core loaded between runs, unless the package asks for fresh sources.
  nodeTest: { keep: pkg.freshSources ? [] : ['src/core/'] },
  tap: {
    testFiles: pkg.tests.map((t) => `test/unit/${t}.test.ts`),
    nodeArgs: ['--import', 'tsx', '--import', './test/unit/fake/register.mjs', '-r', '{{hookFile}}', '{{testFile}}'],
    forceBail: true,
  },
  // The index files only re-export; every other file of the package is mutated.
  mutate: only ?? [...pkg.mutate, `!src/core/${name}/index.ts`],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `${base}.incremental.json`,
  concurrency: Number(process.env.ANNALS_MUTATE_CONCURRENCY) || 2,
  // A mutant is a timeout when its tests take 1.5 × their time in the dry run plus this (Stryker's default, 5 s; a
  // package may set its own); a loop the mutant makes endless is mostly stopped sooner by Stryker's hit limit.
  // Timeouts count as kills: docs/reliability.md gives how many were the timer's, not the hit limit's.
  timeoutMS: Number(process.env.ANNALS_MUTATE_TIMEOUT) || pkg.timeoutMS || 5000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `${base}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  // No tsconfig rewriting: nothing in ours points outside the sandbox, and TypeScript 7 has no JS API for it.
  tsconfigFile: 'no-tsconfig-to-rewrite.json',
  // Stryker's default pattern also rewrites test/**/*.html as UTF-8 text, which broke the GBK page fixture
  // (formats.test.ts failed in the sandbox); only our TypeScript sources need the type-check comment.
  disableTypeChecks: '{src,test}/**/*.ts',
  // One temporary folder per run: a run cleans its own, never another's (runs of other packages go on at once).
  tempDirName: `.stryker-tmp/${base.split('/').pop()}-${process.pid}`,
  cleanTempDir: 'always',
  ignorePatterns: ['.stryker-tmp', 'dist', 'reports', 'bench/.build', 'bench/.corpus', 'test/e2e/artifacts', '.annals-cache'],
};
