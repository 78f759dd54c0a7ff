import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { run } from '../../src/cli/main.ts';
import { ImportPool, importInOrder, type Imported } from '../../src/cli/pool.ts';
import { alignCorpus, alignJson, groupSeries, isReportLike, type SourcedReport } from '../../src/core/index.ts';
import { FIXTURES, load, ROOT } from './helpers.ts';
import { tempDir } from './tmp.ts';

const WORKER = path.join(ROOT, 'test/unit/workers/orderWorker.mjs');

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const YEARS = [2014, 2015, 2016, 2017];

/** A folder with four national reports in two subfolders, a note that is no report, and an empty file. */
function corpus(): { dir: string; files: string[]; dispose(): void } {
  const dir = tempDir('jobs');
  const files: string[] = [];
  for (const y of YEARS) {
    const sub = path.join(dir, y < 2016 ? 'a' : 'b');
    mkdirSync(sub, { recursive: true });
    const f = path.join(sub, `gwr-national-${y}.txt`);
    copyFileSync(path.join(FIXTURES, `national/gwr-national-${y}.txt`), f);
    files.push(f);
  }
  writeFileSync(path.join(dir, 'a', 'NOTES.md'), 'notes\n');
  writeFileSync(path.join(dir, 'b', 'empty.txt'), '');
  return { dir, files, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const lines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l));
const rel = (p: string) => path.relative(process.cwd(), p).split(path.sep).join('/');

test('outline --jsonl: one line a report in the order of the files, the same with --jobs 1 and --jobs 3', async () => {
  const c = corpus();
  try {
    const one = await cli('outline', c.dir, '--jsonl', '--jobs', '1');
    const three = await cli('outline', c.dir, '--jsonl', '--jobs', '3');
    assert.equal(one.code, 0, one.err);
    assert.equal(three.code, 0, three.err);
    assert.equal(three.out, one.out);
    assert.equal(three.err, one.err);
    // The note and the empty file are skipped with a warning, the reports go on.
    assert.match(one.err, /warning: skipped .*NOTES\.md/);
    assert.match(one.err, /warning: skipped .*empty\.txt/);
    const recs = lines(one.out);
    assert.deepEqual(
      recs.map((r) => r.source),
      c.files.map(rel),
    );
    assert.deepEqual(
      recs.map((r) => r.year),
      YEARS,
    );
    for (const r of recs) {
      assert.deepEqual(Object.keys(r), [
        'source',
        'format',
        'sourceDiagnostics',
        'id',
        'title',
        'issuer',
        'year',
        'type',
        'link',
        'published',
        'paragraphs',
        'diagnostics',
        'outline',
        'series',
      ]);
      assert.equal(r.format, 'text');
      assert.equal(r.issuer, '国务院');
      assert.equal(r.series, '国务院 · 政府工作报告');
    }
    // Each line is the report of `outline --json` of its file, with the source's format and diagnostics.
    const single = JSON.parse((await cli('outline', c.files[2], '--json')).out);
    const { source: _s, format: _f, sourceDiagnostics, series: _l, ...report } = recs[2];
    assert.deepEqual(report, single.reports[0]);
    assert.deepEqual(sourceDiagnostics, single.diagnostics);
  } finally {
    c.dispose();
  }
});

test('search --jsonl: one line a hit, file by file, the same with --jobs 1 and --jobs 3, and the same hits as --json', async () => {
  const c = corpus();
  try {
    const one = await cli('search', '改革', c.dir, '--jsonl', '--jobs', '1');
    const three = await cli('search', '改革', c.dir, '--jsonl', '--jobs', '3');
    assert.equal(one.code, 0, one.err);
    assert.equal(three.out, one.out);
    const recs = lines(one.out);
    for (const r of recs) assert.deepEqual(Object.keys(r), ['series', 'source', 'year', 'chapter', 'paragraph', 'line', 'start', 'end', 'context']);
    const json = JSON.parse((await cli('search', '改革', c.dir, '--json', '--jobs', '2')).out);
    assert.equal(recs.length, json.total);
    assert.ok(recs.length > 50, `${recs.length} hits`);
    const pick = ({ source, year, chapter, paragraph, start, end, context }: Record<string, unknown>) => ({
      source,
      year,
      chapter,
      paragraph,
      start,
      end,
      context,
    });
    assert.deepEqual(recs.map(pick), json.hits.map(pick));
    assert.deepEqual([...new Set(recs.map((r) => r.series))], ['国务院 · 政府工作报告']);
    // A regular expression (RE2, loaded in each worker), the same way.
    const re1 = await cli('search', '改革|开放', c.dir, '--regex', '--jsonl', '--jobs', '1');
    const re3 = await cli('search', '改革|开放', c.dir, '--regex', '--jsonl', '--jobs', '3');
    assert.equal(re3.out, re1.out);
    assert.equal(lines(re1.out).length, JSON.parse((await cli('search', '改革|开放', c.dir, '--regex', '--json')).out).total);
  } finally {
    c.dispose();
  }
});

test('align --jsonl: one line a series with its links, the same as --json, for --jobs 1 and --jobs 3', async () => {
  const c = corpus();
  try {
    const one = await cli('align', c.dir, '--jsonl', '--jobs', '1');
    const three = await cli('align', c.dir, '--jsonl', '--jobs', '3');
    assert.equal(one.code, 0, one.err);
    assert.equal(three.out, one.out);
    const recs = lines(one.out);
    assert.equal(recs.length, 1);
    assert.deepEqual(Object.keys(recs[0]), ['issuer', 'type', 'years', 'links', 'sectionLinks', 'planResult']);
    const json = JSON.parse((await cli('align', c.dir, '--json', '--jobs', '3')).out);
    assert.deepEqual({ issuer: recs[0].issuer, type: recs[0].type, years: recs[0].years }, json.series[0]);
    assert.deepEqual(recs[0].years, YEARS);
    assert.deepEqual(recs[0].links, json.links);
    assert.deepEqual(recs[0].sectionLinks, json.sectionLinks);
    assert.deepEqual(recs[0].planResult, json.planResult);
  } finally {
    c.dispose();
  }
});

test('export --jsonl streams the same lines as --format jsonl --out, for --jobs 1 and --jobs 3', async () => {
  const c = corpus();
  try {
    for (const f of c.files) assert.equal((await cli('tag', f, '--match', '改革', '--tag', 'functions', '--workspace', c.dir)).code, 0);
    const one = await cli('export', c.dir, '--jsonl', '--jobs', '1', '--workspace', c.dir);
    const three = await cli('export', c.dir, '--format', 'jsonl', '--jobs', '3', '--workspace', c.dir);
    assert.equal(one.code, 0, one.err);
    assert.equal(three.out, one.out);
    const out = path.join(c.dir, 'all.jsonl');
    assert.equal((await cli('export', c.dir, '--format', 'jsonl', '--out', out, '--jobs', '2', '--workspace', c.dir)).code, 0);
    assert.equal(readFileSync(out, 'utf8'), one.out);
    const recs = lines(one.out);
    assert.deepEqual([...new Set(recs.map((r) => r.annals.year))], YEARS);
    assert.ok(recs.every((r) => r.type === 'Annotation' && r.body[0].id === 'urn:annals:tag:functions'));
  } finally {
    c.dispose();
  }
});

test('--jobs, --timeout-seconds and --jsonl: usage errors', async () => {
  for (const args of [
    ['outline', FIXTURES, '--jsonl', '--jobs', '0'],
    ['align', FIXTURES, '--jobs', '1.5'],
    ['search', 'x', FIXTURES, '--jobs', 'many'],
    ['search', 'x', FIXTURES, '--json', '--jsonl'],
    ['align', FIXTURES, '--json', '--jsonl'],
    ['outline', FIXTURES, '--jsonl', '--timeout-seconds', '0'],
    ['export', FIXTURES, '--jsonl', '--format', 'csv'],
    ['outline', 'a', 'b'],
  ]) {
    const r = await cli(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.out, '');
  }
});

/** Files named for the stand-in worker, with `bytes` bytes each. */
function named(names: string[]): { files: string[]; dispose(): void } {
  const dir = tempDir('pool');
  const files = names.map((n, i) => {
    const f = path.join(dir, n);
    writeFileSync(f, 'x'.repeat(i + 1));
    return f;
  });
  return { files, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const summary = (r: Imported) =>
  'error' in r
    ? `error: ${r.error}`
    : `${(r.imp.reports[0] as unknown as { title: string }).title} ${(r.imp.reports[0] as unknown as { paragraphs: number }).paragraphs}`;

test('the pool hands imports back in the order of the files when they finish out of order', async () => {
  const f = named(['slow-400-a', 'slow-10-b', 'c', 'slow-200-d', 'e', 'f', 'slow-50-g']);
  const pool = new ImportPool({ jobs: 3, timeoutSeconds: 30, script: WORKER });
  try {
    const got: string[] = [];
    await importInOrder(f.files, pool, 3, 1e6, (file, r) => {
      got.push(`${path.basename(file)}: ${summary(r)}`);
    });
    assert.deepEqual(got, [
      'slow-400-a: slow-400-a 1',
      'slow-10-b: slow-10-b 2',
      'c: c 3',
      'slow-200-d: slow-200-d 4',
      'e: e 5',
      'f: f 6',
      'slow-50-g: slow-50-g 7',
    ]);
  } finally {
    await pool.close();
    f.dispose();
  }
});

test('a file whose worker crashes, or that runs over its time budget, gets an error; the other files are read', async () => {
  const f = named(['a', 'exit-b', 'c', 'stall-d', 'e']);
  // 3 s: the budget also covers starting a new worker, which a loaded machine can make take over a second.
  const pool = new ImportPool({ jobs: 2, timeoutSeconds: 3, script: WORKER });
  try {
    const got: string[] = [];
    await importInOrder(f.files, pool, 2, 1e6, (file, r) => {
      got.push(`${path.basename(file)}: ${summary(r)}`);
    });
    assert.deepEqual(got, [
      'a: a 1',
      'exit-b: error: the import stopped: its worker exited with code 3',
      'c: c 3',
      'stall-d: error: gave up after 3 s: the import took too long (--timeout-seconds)',
      'e: e 5',
    ]);
  } finally {
    await pool.close();
    f.dispose();
  }
});

test('a file over --max-size-mb is an error of its own in a pool run; the others are read', async () => {
  const f = named(['a', 'b', 'c']);
  const pool = new ImportPool({ jobs: 2, timeoutSeconds: 30, script: WORKER });
  try {
    const got: string[] = [];
    await importInOrder(f.files, pool, 2, 2, (file, r) => {
      got.push(`${path.basename(file)}: ${summary(r)}`);
    });
    assert.deepEqual(got, ['a: a 1', 'b: b 2', 'c: error: the file is 0.0 MB, over the limit of 0.0 MB (--max-size-mb)']);
  } finally {
    await pool.close();
    f.dispose();
  }
});

test('align over many series: --json and --jsonl the same for --jobs 1 and --jobs 3 (series aligned on workers), and --json as the core aligns the whole corpus', async () => {
  const dirs = [path.join(FIXTURES, 'series/2025'), path.join(FIXTURES, 'series/2026')];
  const one = await cli('align', ...dirs, '--json', '--jobs', '1');
  const three = await cli('align', ...dirs, '--json', '--jobs', '3');
  assert.equal(one.code, 0, one.err);
  assert.equal(three.code, 0, three.err);
  assert.equal(three.out, one.out);
  assert.equal(three.err, one.err);
  const reports: SourcedReport[] = [];
  for (const d of dirs)
    for (const f of readdirSync(d).sort()) {
      const imp = load(path.join(d, f));
      if (imp.reports.length && isReportLike(imp)) reports.push(...imp.reports.map((report) => ({ source: rel(path.join(d, f)), report })));
    }
  const grouping = groupSeries(reports);
  assert.ok(grouping.series.length >= 10, `${grouping.series.length} series`);
  assert.deepEqual(
    JSON.parse(one.out),
    JSON.parse(
      JSON.stringify(
        alignJson(
          alignCorpus(
            reports.map((r) => r.report),
            {},
            grouping,
          ),
        ),
      ),
    ),
  );
  const lines1 = await cli('align', ...dirs, '--jsonl', '--jobs', '1');
  const lines3 = await cli('align', ...dirs, '--jsonl', '--jobs', '3');
  assert.equal(lines3.out, lines1.out);
  assert.deepEqual(
    lines(lines1.out).map((l) => l.years),
    JSON.parse(one.out).series.map((s: { years: number[] }) => s.years),
  );
});

test('a reader that stops early (| head) ends the CLI quietly with 0, not with an EPIPE stack trace', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), 'search', '改革', path.join(FIXTURES, 'national'), '--jsonl', '--jobs', '2'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr.on('data', (b) => {
    err += b;
  });
  // Read the first line, then close the pipe, as `head -1` does.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(code, 0, err);
  assert.doesNotMatch(err, /EPIPE|Error/);
});
