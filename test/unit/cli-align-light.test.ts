// `annals align --json/--jsonl` groups light reports (core lightReport: metadata, no body) and has
// each series' worker read its reports' files again (src/cli/alignLine.ts). These rows hold it to
// the full reports: the same grouping (series, copies, problems) and the same alignment, with the
// corrections of .annals/corpus.json (a year, a move, a merge, a copy chosen), copies in feeds,
// and a file that changed or went between the grouping and the alignment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { tempDir } from './tmp.ts';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { run } from '../../src/cli/main.ts';
import { type Body, ImportCache, withBodies } from '../../src/cli/alignLine.ts';
import {
  alignCorpus,
  alignJson,
  contentHash,
  type CorpusFile,
  emptyCorpusFile,
  type Grouping,
  groupSeries,
  lightReport,
  serializeCorpusFile,
  type SourcedReport,
  withCopyChoice,
  withReportCorrection,
  withSeriesMerge,
} from '../../src/core/index.ts';
import { FIXTURES, load } from './helpers.ts';

const T = '2026-11-29T00:00:00.000Z';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/**
 * A workspace: ten provinces' 2025 and 2026 reports, four national years with a copy of one, and the
 * Nanhai feeds (RSS and Atom: the same three reports, so copies of each other), with `.annals/corpus.json`.
 */
function workspace() {
  const dir = tempDir('light');
  const files: string[] = [];
  const put = (from: string, to: string) => {
    mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    copyFileSync(path.join(FIXTURES, from), path.join(dir, to));
    files.push(to);
  };
  for (const p of ['天津市', '安徽省', '山东省', '江苏省', '浙江省', '湖北省', '湖南省', '贵州省', '重庆市', '陕西省'])
    for (const y of [2025, 2026]) put(y === 2025 ? `series/2025/2025年${p}政府工作报告.txt` : `series/2026/2026_${p}_政府工作报告.txt`, `prov/${y}/${p}.txt`);
  for (const y of [2014, 2015, 2016, 2017]) put(`national/gwr-national-${y}.txt`, `national/${y}.txt`);
  put('national/gwr-national-2016.txt', 'copies/国务院2016.txt');
  put('nanhai-feed.rss.xml', 'nanhai/feed.rss.xml');
  put('nanhai-feed.atom', 'nanhai/feed.atom');
  const reports: SourcedReport[] = [];
  for (const f of files) reports.push(...load(path.join(dir, f)).reports.map((report) => ({ source: f, report })));
  return { dir, reports, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const find = (reports: SourcedReport[], source: string) => reports.find((r) => r.source === source)!.report;

/** Corrections of every kind the grouping applies. */
function corrections(reports: SourcedReport[]): CorpusFile {
  let f = emptyCorpusFile();
  // A year: 天津's 2025 report counted as 2023's.
  f = withReportCorrection(f, 'prov/2025/天津市.txt', find(reports, 'prov/2025/天津市.txt').id, { year: 2023 }, T);
  // A move: 安徽's 2026 report into 山东's series.
  const shandong = groupSeries(reports).series.find((s) => s.members.some((m) => m.source === 'prov/2026/山东省.txt'))!.key;
  f = withReportCorrection(f, 'prov/2026/安徽省.txt', find(reports, 'prov/2026/安徽省.txt').id, { series: shandong }, T);
  // A merge: 江苏's series into 浙江's.
  const key = (source: string) =>
    groupSeries(reports).series.find((s) => s.members.some((m) => m.source === source || m.copies.some((c) => c.source === source)))!.key;
  f = withSeriesMerge(f, key('prov/2025/江苏省.txt'), key('prov/2025/浙江省.txt'), T);
  // A copy chosen: the national 2016 report from the other file.
  f = withCopyChoice(f, key('national/2016.txt'), 2016, 'copies/国务院2016.txt', T);
  // And the Atom feed's copy of Nanhai's 2017 report.
  f = withCopyChoice(f, key('nanhai/feed.rss.xml'), 2017, 'nanhai/feed.atom', T);
  return f;
}

/** What a grouping says, without the report objects: to compare light and full. */
const shape = (g: Grouping) => ({
  series: g.series.map((s) => ({
    key: s.key,
    issuer: s.issuer,
    type: s.type,
    label: s.label,
    variants: s.issuerVariants,
    members: s.members.map((m) => ({
      source: m.source,
      id: m.report.id,
      year: m.report.year,
      issuer: m.report.issuer,
      type: m.report.type,
      copies: m.copies.map((c) => c.source),
    })),
  })),
  unplaced: g.unplaced.map((u) => u.source),
  problems: g.problems.map((p) => [p.source, p.severity, p.message]),
});

test('light reports group as their full reports: series, members, copies and problems, with every kind of correction', () => {
  const w = workspace();
  try {
    const f = corrections(w.reports);
    const light = w.reports.map((r) => ({ source: r.source, report: lightReport(r.report) }));
    for (const options of [{}, { corrections: f }]) {
      const full = groupSeries(w.reports, options);
      assert.deepEqual(shape(groupSeries(light, options)), shape(full));
      // The copies were found by content (feeds and the national copy) and by the choice.
      assert.ok(full.problems.filter((p) => p.problem.code === 'duplicateReport').length >= 4);
    }
    const g = shape(groupSeries(light, { corrections: f }));
    const tianjin = g.series.find((s) => s.members.some((m) => m.source === 'prov/2025/天津市.txt'))!;
    assert.deepEqual(
      tianjin.members.map((m) => m.year),
      [2023, 2026],
      'the corrected year',
    );
    const shandong = g.series.find((s) => s.members.some((m) => m.source === 'prov/2025/山东省.txt'))!;
    assert.ok(
      shandong.members.some((m) => m.source === 'prov/2026/安徽省.txt' || m.copies.includes('prov/2026/安徽省.txt')),
      'moved',
    );
    assert.ok(!g.series.some((s) => s.key.startsWith('江苏')), 'merged');
    assert.ok(
      g.series.some((s) => s.members.some((m) => m.source === 'copies/国务院2016.txt')),
      'the chosen copy',
    );
    assert.ok(
      g.series.some((s) => s.members.some((m) => m.source === 'nanhai/feed.atom' && m.year === 2017)),
      'the chosen copy in a feed',
    );
    // A light report holds no body, and a correction's copy of it keeps its content hash.
    const l = light[0].report;
    assert.equal(l.text, '');
    assert.equal(l.paragraphs.length, 0);
    assert.equal(contentHash(l), contentHash(w.reports[0].report));
    // Copies are found by content before the year: a copy of the 2015 report that a correction dates 2013
    // is still that report, once (a light report's content is its full report's, not its empty body's).
    const copy = { source: 'copies/2015.txt', report: lightReport(find(w.reports, 'national/2015.txt')) };
    const dated = withReportCorrection(emptyCorpusFile(), copy.source, copy.report.id, { year: 2013 }, T);
    const years = (g: Grouping) => g.series.find((s) => s.members.some((m) => m.source === 'national/2014.txt'))!.members.map((m) => m.report.year);
    assert.deepEqual(years(groupSeries([...light, copy], { corrections: dated })), [2013, 2014, 2016, 2017]);
    assert.deepEqual(
      years(groupSeries([...light, copy], { corrections: dated })),
      years(groupSeries([...w.reports, { ...copy, report: find(w.reports, 'national/2015.txt') }], { corrections: dated })),
    );
  } finally {
    w.dispose();
  }
});

test('align --json and --jsonl with corrections: the alignment of the full reports, for --jobs 1 and 3', async () => {
  const w = workspace();
  const cwd = process.cwd();
  try {
    const f = corrections(w.reports);
    mkdirSync(path.join(w.dir, '.annals'));
    writeFileSync(path.join(w.dir, '.annals/corpus.json'), serializeCorpusFile(f));
    process.chdir(w.dir);
    const one = await cli('align', '.', '--json', '--jobs', '1');
    const three = await cli('align', '.', '--json', '--jobs', '3');
    assert.equal(one.code, 0, one.err);
    assert.equal(three.out, one.out);
    assert.equal(three.err, one.err);
    const grouping = groupSeries(w.reports, { corrections: f });
    const expected = JSON.parse(
      JSON.stringify(
        alignJson(
          alignCorpus(
            w.reports.map((r) => r.report),
            { manual: f.counterparts },
            grouping,
          ),
        ),
      ),
    );
    assert.deepEqual(JSON.parse(one.out), expected);
    assert.ok(expected.links.length > 20, `${expected.links.length} links`);
    assert.ok(
      expected.series.some((s: { years: number[] }) => s.years.join() === '2023,2026'),
      'the corrected year is aligned',
    );
    const jsonl = await cli('align', '.', '--jsonl', '--jobs', '2');
    assert.equal(jsonl.code, 0, jsonl.err);
    const lines = jsonl.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.flatMap((l) => l.links),
      expected.links,
    );
    // The copies are told, as before.
    assert.match(one.err, /note: .*国务院2016/);
  } finally {
    process.chdir(cwd);
    w.dispose();
  }
});

test('a series whose file changed or went after the grouping fails alone, with the file named', async () => {
  const w = workspace();
  try {
    const national = w.reports.filter((r) => r.source.startsWith('national/'));
    const grouping = groupSeries(national.map((r) => ({ source: r.source, report: lightReport(r.report) })));
    const s = grouping.series[0];
    const bodies = (): Body[] =>
      s.members.map((m) => ({ file: path.join(w.dir, m.source), index: 0, hash: contentHash(national.find((r) => r.source === m.source)!.report) }));
    const ok = await withBodies(s, bodies(), 50 << 20, new ImportCache(1 << 20));
    assert.ok(typeof ok !== 'string', String(ok));
    assert.deepEqual(
      ok.reports.map((r) => r.paragraphs.length),
      s.members.map((m) => national.find((r) => r.source === m.source)!.report.paragraphs.length),
    );
    assert.ok(ok.reports.every((r) => r.text.length > 1000));
    // The metadata stay the grouping's (a correction's), the body is the file's.
    const corrected = { ...s, reports: s.reports.map((r, i) => (i === 0 ? { ...r, year: 1999 } : r)) };
    const back = await withBodies(corrected, bodies(), 50 << 20, new ImportCache(1 << 20));
    assert.equal(typeof back !== 'string' && back.reports[0].year, 1999);
    // Changed: another report's text in the file.
    writeFileSync(path.join(w.dir, s.members[1].source), 'another text\n\n一、其他\n\n内容。\n');
    const changed = await withBodies(s, bodies(), 50 << 20, new ImportCache(1 << 20));
    assert.equal(changed, `${path.join(w.dir, s.members[1].source)}: the file changed while it was being aligned; run again`);
    // Gone.
    rmSync(path.join(w.dir, s.members[1].source));
    const gone = await withBodies(s, bodies(), 50 << 20, new ImportCache(1 << 20));
    assert.match(String(gone), /cannot read: no such file/);
    // A report index the file no longer has.
    const wrong = bodies().map((b, i) => (i === 0 ? { ...b, index: 5 } : b));
    assert.match(String(await withBodies(s, wrong, 50 << 20, new ImportCache(1 << 20))), /the file changed while it was being aligned/);
  } finally {
    w.dispose();
  }
});

test('the import cache keeps recent feeds up to their bytes (at least one), most recently used last; a file of one report is not kept', async () => {
  const w = workspace();
  try {
    const a = path.join(w.dir, 'nanhai/feed.rss.xml');
    const b = path.join(w.dir, 'nanhai/feed.atom');
    const c = path.join(w.dir, 'nanhai/feed2.rss.xml');
    copyFileSync(a, c);
    const one = path.join(w.dir, 'national/2014.txt');
    const single = new ImportCache(1 << 30);
    const s1 = await single.get(one, 50 << 20);
    assert.ok(typeof s1 !== 'string' && s1.reports.length === 1);
    assert.notEqual(await single.get(one, 50 << 20), s1, 'read again');
    const cache = new ImportCache(1);
    const first = await cache.get(a, 50 << 20);
    assert.equal(await cache.get(a, 50 << 20), first, 'one file over the bytes is still kept');
    await cache.get(b, 50 << 20);
    assert.notEqual(await cache.get(a, 50 << 20), first, 'evicted by the next file');
    const roomy = new ImportCache(1 << 30);
    const ra = await roomy.get(a, 50 << 20);
    const rb = await roomy.get(b, 50 << 20);
    await roomy.get(c, 50 << 20);
    assert.equal(await roomy.get(a, 50 << 20), ra);
    assert.equal(await roomy.get(b, 50 << 20), rb);
    // Room for the three files but one byte: the least recently used goes, the others stay.
    const three = new ImportCache((await fileBytes(a)) + (await fileBytes(b)) + (await fileBytes(c)) - 1);
    const ta = await three.get(a, 50 << 20);
    const tb = await three.get(b, 50 << 20);
    assert.equal(await three.get(a, 50 << 20), ta, 'a hit');
    await three.get(c, 50 << 20); // b is the least recently used now
    assert.equal(await three.get(a, 50 << 20), ta, 'a was used after b: it stays');
    assert.notEqual(await three.get(b, 50 << 20), tb, 'b went');
    // A file over the size limit: why, not an import.
    assert.match(String(await new ImportCache(1 << 20).get(a, 10)), /over the limit/);
  } finally {
    w.dispose();
  }
});

async function fileBytes(f: string): Promise<number> {
  return (await stat(f)).size;
}
