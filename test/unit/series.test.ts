import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { alignCorpus, groupSeries, type Report, type SourcedReport } from '../../src/core/index.ts';
import { emptyCorpusFile, withCopyChoice } from '../../src/core/series/index.ts';
import { run } from '../../src/cli/main.ts';
import { fromText } from './helpers.ts';
import { chaptersOf, fixture, fixtureFolder, SERIES_FIXTURES, seriesGold } from './seriesFixtures.ts';
import { tempDir } from './tmp.ts';

const NATIONAL_YEARS = [
  1978, 1979, 1980, 1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988, 1992, 1993, 1994, 1995, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007,
  2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019,
];

test('the national reports 1978–2019 are one series 国务院 · 政府工作报告 with every year, 2017 (which has a title line) included', () => {
  const g = groupSeries(fixtureFolder('national'));
  assert.deepEqual(g.problems, []);
  assert.equal(g.series.length, 1);
  const s = g.series[0];
  assert.equal(s.label, '国务院 · 政府工作报告');
  assert.equal(s.issuer, '国务院');
  assert.equal(s.type, '政府工作报告');
  assert.deepEqual(
    s.reports.map((r) => r.year),
    NATIONAL_YEARS,
  );
  assert.equal(s.members.find((m) => m.report.year === 2017)?.source, 'national/gwr-national-2017.txt');
});

test('the 20 provinces form 20 series of two years, whatever the form (2025 Word, 2026 web text), labelled by the full issuer', () => {
  const g = groupSeries(fixtureFolder('2025', '2026'));
  assert.deepEqual(g.problems, []);
  assert.equal(g.series.length, 20);
  for (const s of g.series) {
    assert.deepEqual(
      s.reports.map((r) => r.year),
      [2025, 2026],
      s.label,
    );
    assert.deepEqual(
      s.members.map((m) => m.source.slice(0, 4)),
      ['2025', '2026'],
      s.label,
    );
    assert.match(s.label, /^[\u4e00-\u9fff]+(?:省|市|自治区)人民政府 · 政府工作报告$/);
  }
  const labels = g.series.map((s) => s.label);
  for (const name of ['天津市人民政府', '宁夏回族自治区人民政府', '广西壮族自治区人民政府', '新疆维吾尔自治区人民政府', '黑龙江省人民政府'])
    assert.ok(labels.includes(`${name} · 政府工作报告`), name);
  // The variants found across the two years, for the tooltip.
  const gx = g.series.find((s) => s.issuer === '广西壮族自治区人民政府')!;
  assert.ok(gx.issuerVariants.includes('广西壮族自治区政府'), gx.issuerVariants.join(', '));
  assert.ok(gx.issuerVariants.includes('自治区人民政府'));
});

test('every fixture report is in the series the gold names; the grouping of the whole corpus at once', () => {
  const gold = seriesGold();
  const all = gold.reports.filter((r) => !r.source.startsWith('derived/')).flatMap((r) => fixture(r.source));
  const g = groupSeries(all);
  assert.deepEqual(
    g.problems.map((p) => p.message),
    [],
  );
  for (const r of gold.reports.filter((x) => !x.source.startsWith('derived/'))) {
    const s = g.series.find((x) => x.members.some((m) => m.source === r.source));
    assert.equal(s?.key, r.series, r.source);
  }
  // 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024): one series.
  const hz = g.series.find((s) => s.type === '政府信息公开工作年度报告')!;
  assert.deepEqual(
    hz.reports.map((r) => r.year),
    [2023, 2024],
  );
  assert.deepEqual(hz.issuerVariants.slice().sort(), ['洪泽区人民政府', '淮安市洪泽区人民政府'].sort());
});

test('provincial chapter alignment between consecutive years, scored against hand-checked correspondences: F1 ≥ 0.95', () => {
  const gold = seriesGold();
  const entries = fixtureFolder('2025', '2026');
  const g = groupSeries(entries);
  const al = alignCorpus(
    entries.map((e) => e.report),
    {},
    g,
  );
  assert.equal(al.series, g.series, 'alignment uses the one grouping');
  let correct = 0;
  let predicted = 0;
  let achievable = 0;
  for (const a of gold.alignment) {
    const s = g.series.find((x) => x.key === a.series);
    assert.ok(s, a.series);
    const later = s.reports.find((r) => r.year === a.a)!;
    const earlier = s.reports.find((r) => r.year === a.b)!;
    const index = (r: Report, node: unknown) => chaptersOf(r).indexOf(node as never) + 1;
    const links = al.links.filter((l) => l.a.report === later && l.b.report === earlier).map((l) => [index(later, l.a.node), index(earlier, l.b.node)]);
    predicted += links.length;
    correct += links.filter(([x, y]) => a.pairs.some(([p, q]) => p === x && q === y)).length;
    // The most a one-to-one aligner can get right: a maximum matching of the acceptable pairs.
    achievable += maxMatching(a.pairs);
  }
  const precision = correct / predicted;
  const recall = correct / achievable;
  const f1 = (2 * precision * recall) / (precision + recall);
  assert.ok(f1 >= 0.95, `F1 ${f1.toFixed(3)} (precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, ${correct}/${predicted} of ${achievable})`);
});

/** Size of a maximum matching of small bipartite pair sets, by trying every augmenting path. */
function maxMatching(pairs: [number, number][]): number {
  const matchOfB = new Map<number, number>();
  const as = [...new Set(pairs.map((p) => p[0]))];
  const tryA = (a: number, seen: Set<number>): boolean => {
    for (const [x, b] of pairs) {
      if (x !== a || seen.has(b)) continue;
      seen.add(b);
      const owner = matchOfB.get(b);
      if (owner === undefined || tryA(owner, seen)) {
        matchOfB.set(b, a);
        return true;
      }
    }
    return false;
  };
  return as.filter((a) => tryA(a, new Set())).length;
}

const report = (text: string, name = 'x.txt') => fromText(text, name).reports[0];
const GWR = (province: string, year: number, body: string) =>
  `${year}年${province}政府工作报告\n\n——${year}年1月20日在${province}第十四届人民代表大会第三次会议上\n\n各位代表：\n\n一、${year - 1}年工作回顾\n\n${body}\n`;

test('duplicates: the same content in two files is one report with its copies listed; a message says which copy is used', () => {
  const a = report(GWR('四川省', 2025, '过去一年，全省地区生产总值增长5.7%。'), 'a.txt');
  const b = report(GWR('四川省', 2025, '过去一年，全省地区生产总值增长5.7%。'), 'b.txt');
  const g = groupSeries([
    { source: 'web/b.txt', report: b },
    { source: 'word/a.txt', report: a },
  ]);
  assert.equal(g.series.length, 1);
  const [m] = g.series[0].members;
  assert.equal(m.source, 'web/b.txt', 'equal copies: the first path');
  assert.deepEqual(
    m.copies.map((c) => c.source),
    ['word/a.txt'],
  );
  assert.deepEqual(
    g.problems.map((p) => [p.severity, p.problem.code, p.message]),
    [['info', 'duplicateReport', 'The same report (四川省人民政府 · 政府工作报告, 2025) is in two files: web/b.txt is used, word/a.txt is its copy.']],
  );
});

test('duplicates: the same issuer, year and type in two files is one report; the better copy is used, and the analyst’s choice wins', () => {
  const titled = report(
    GWR('四川省', 2025, '过去一年，全省地区生产总值增长5.7%，城乡居民收入稳步增长。\n\n二、2025年工作安排\n\n今年要抓好十个方面的工作。'),
    'word.txt',
  );
  // The same report as a text whose year comes only from its file name: the copy the text gave less of.
  const weaker = report(
    '四川省人民政府工作报告\n\n——在四川省第十四届人民代表大会第三次会议上\n\n各位代表：\n\n过去一年，全省地区生产总值增长5.7%，城乡居民收入稳步增长。\n',
    'sichuan-2025.txt',
  );
  assert.equal(weaker.year, 2025);
  assert.equal(weaker.meta.from.year, 'fileName');
  const entries: SourcedReport[] = [
    { source: 'a/sichuan-2025.txt', report: weaker },
    { source: 'b/word.txt', report: titled },
  ];
  const g = groupSeries(entries);
  assert.equal(g.series.length, 1);
  assert.equal(g.series[0].members[0].source, 'b/word.txt');
  assert.equal(g.series[0].reports[0], titled);
  const chosen = groupSeries(entries, {
    corrections: withCopyChoice(emptyCorpusFile(), '四川省人民政府 · 政府工作报告', 2025, 'a/sichuan-2025.txt', '2026-01-01T00:00:00Z'),
  });
  assert.equal(chosen.series[0].members[0].source, 'a/sichuan-2025.txt');
  assert.deepEqual(
    chosen.series[0].members[0].copies.map((c) => c.source),
    ['b/word.txt'],
  );
});

test('containment joins a shorter issuer only to the one series that contains it; two candidates leave it alone', () => {
  const info = (issuer: string, year: number) =>
    report(`${issuer}${year}年政府信息公开工作年度报告\n\n一、总体情况\n\n${year}年，全区主动公开政府信息${year - 1000}条。\n`);
  const one = groupSeries([info('鼓楼区人民政府', 2023), info('南京市鼓楼区人民政府', 2024)]);
  assert.deepEqual(
    one.series.map((s) => [s.key, s.reports.map((r) => r.year)]),
    [['南京市鼓楼区人民政府 · 政府信息公开工作年度报告', [2023, 2024]]],
  );
  const two = groupSeries([info('鼓楼区人民政府', 2023), info('南京市鼓楼区人民政府', 2024), info('福州市鼓楼区人民政府', 2024)]);
  assert.deepEqual(two.series.map((s) => s.key).sort(), [
    '南京市鼓楼区人民政府 · 政府信息公开工作年度报告',
    '福州市鼓楼区人民政府 · 政府信息公开工作年度报告',
    '鼓楼区人民政府 · 政府信息公开工作年度报告',
  ]);
});

test('a report with no year is in no series, and said so', () => {
  const none = report('法治政府建设工作报告\n\n一、加强领导\n\n全年召开会议十二次。\n', 'plain.txt');
  const g = groupSeries([{ source: 'x/plain.txt', report: none }]);
  assert.deepEqual(g.series, []);
  assert.deepEqual(
    g.unplaced.map((u) => u.source),
    ['x/plain.txt'],
  );
  assert.deepEqual(
    g.problems.map((p) => p.message),
    ['“法治政府建设工作报告” (x/plain.txt) has no year, so it is in no series.'],
  );
});

test('annals align: a province’s 2025 Word text and 2026 web text in two folders are one series of two years', async () => {
  const dir = tempDir('series');
  try {
    mkdirSync(path.join(dir, 'word'));
    mkdirSync(path.join(dir, 'web'));
    copyFileSync(path.join(SERIES_FIXTURES, '2025/2025年江西省政府工作报告.txt'), path.join(dir, 'word/2025年江西省政府工作报告.txt'));
    copyFileSync(path.join(SERIES_FIXTURES, '2026/2026_江西省_政府工作报告.txt'), path.join(dir, 'web/2026_江西省_政府工作报告.txt'));
    writeFileSync(path.join(dir, 'notes.txt'), '随手记\n');
    let out = '';
    let err = '';
    const code = await run(['align', dir, '--json'], { out: (s) => (out += s), err: (s) => (err += s) });
    assert.equal(code, 0, err);
    assert.deepEqual(JSON.parse(out).series, [{ issuer: '江西省人民政府', type: '政府工作报告', years: [2025, 2026] }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('annals align applies ./.annals/corpus.json (sources relative to the folder), and goes on without it when it is broken', async () => {
  const dir = tempDir('corrections');
  const cwd = process.cwd();
  try {
    mkdirSync(path.join(dir, 'word'));
    mkdirSync(path.join(dir, '.annals'));
    copyFileSync(path.join(SERIES_FIXTURES, '2025/2025年江西省政府工作报告.txt'), path.join(dir, 'word/jx.txt'));
    copyFileSync(path.join(SERIES_FIXTURES, '2026/2026_江西省_政府工作报告.txt'), path.join(dir, 'word/jx2026.txt'));
    const id = fixture('2025/2025年江西省政府工作报告.txt')[0].report.id;
    const corrections = { version: 1, reports: { 'word/jx.txt': { [id]: { year: 2024, modified: '2026-01-01T00:00:00Z' } } } };
    writeFileSync(path.join(dir, '.annals/corpus.json'), JSON.stringify(corrections));
    process.chdir(dir);
    const align = async () => {
      let out = '';
      let err = '';
      const code = await run(['align', 'word', '--json'], { out: (s) => (out += s), err: (s) => (err += s) });
      return { code, series: code === 0 ? JSON.parse(out).series : null, err };
    };
    assert.deepEqual((await align()).series, [{ issuer: '江西省人民政府', type: '政府工作报告', years: [2024, 2026] }]);
    writeFileSync(path.join(dir, '.annals/corpus.json'), '{ "version": 1, ');
    const broken = await align();
    assert.equal(broken.code, 0);
    assert.deepEqual(broken.series, [{ issuer: '江西省人民政府', type: '政府工作报告', years: [2025, 2026] }]);
    assert.match(broken.err, /warning: \.annals\/corpus\.json: invalid JSON at line 1.*aligning without its corrections/);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
});
