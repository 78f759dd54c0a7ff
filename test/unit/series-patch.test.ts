// patchGrouping (core series): one report read again is patched into a grouping only when the full
// grouping would give the same; else null. Each row edits one report of a real corpus and compares
// the patch with groupSeries over the edited corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import {
  type CorpusFile,
  emptyCorpusFile,
  type Grouping,
  groupSeries,
  importSource,
  patchGrouping,
  type Report,
  type SourcedReport,
  withCopyChoice,
  withReportCorrection,
} from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const T = '2026-11-29T00:00:00.000Z';

/** The 2025 and 2026 provincial reports, four national years with a copy of one, and the Nanhai feed. */
function corpus(): SourcedReport[] {
  const out: SourcedReport[] = [];
  const add = (rel: string, source = rel) => {
    const imp = importSource(rel, new Uint8Array(readFileSync(path.join(FIXTURES, rel))));
    for (const report of imp.reports) out.push({ source, report });
  };
  for (const y of ['2025', '2026']) for (const f of readdirSync(path.join(FIXTURES, 'series', y)).sort()) add(`series/${y}/${f}`);
  for (const y of [2014, 2015, 2016, 2017]) add(`national/gwr-national-${y}.txt`);
  add('national/gwr-national-2016.txt', 'copies/2016.txt');
  add('nanhai-feed.rss.xml');
  return out;
}

/** The same report read again from an edited text. */
function reread(e: SourcedReport, edit: (text: string) => string): SourcedReport {
  const text = readFileSync(path.join(FIXTURES, e.source.startsWith('copies/') ? 'national/gwr-national-2016.txt' : e.source), 'utf8');
  const imp = importSource(e.source, new TextEncoder().encode(edit(text)));
  assert.equal(imp.reports.length, 1, e.source);
  return { source: e.source, report: imp.reports[0] };
}

const shape = (g: Grouping) => ({
  series: g.series.map((s) => ({
    key: s.key,
    issuer: s.issuer,
    type: s.type,
    variants: s.issuerVariants,
    members: s.members.map((m) => ({ source: m.source, report: m.report, copies: m.copies.map((c) => c.source) })),
    reports: s.reports,
  })),
  unplaced: g.unplaced.map((u) => [u.source, u.report]),
  problems: g.problems.map((p) => [p.source, p.report, p.message]),
});

/** The patch, and the full grouping of the edited corpus. */
function both(list: SourcedReport[], source: string, edit: (text: string) => string, corrections?: CorpusFile) {
  const g = groupSeries(list, { corrections });
  const i = list.findIndex((e) => e.source === source);
  const after = reread(list[i], edit);
  const edited = list.map((e, k) => (k === i ? after : e));
  return { patch: patchGrouping(g, list[i], after, corrections), full: groupSeries(edited, { corrections }), after, g };
}

const anhui = 'series/2025/2025年安徽省政府工作报告.txt';

test('a report edited within its text is patched in, and the patch is the full grouping', () => {
  const list = corpus();
  const edits: [string, string, (t: string) => string][] = [
    ['a word added to a paragraph', anhui, (t) => t.replace('。', '。另外，')],
    ['a paragraph removed', anhui, (t) => t.replace(/\n[^\n]*加快建设[^\n]*。[^\n]*\n/, '\n')],
    ['a national report edited', 'national/gwr-national-2014.txt', (t) => t.replace('各位代表', '各位代表们')],
  ];
  for (const [why, source, edit] of edits) {
    const { patch, full, after, g } = both(list, source, edit);
    assert.ok(patch, why);
    assert.notEqual(after.report.text, list.find((e) => e.source === source)!.report.text, why);
    assert.deepEqual(shape(patch), shape(full), why);
    assert.ok(
      patch.series.some((s) => s.reports.includes(after.report)),
      why,
    );
    // The grouping it came from is left as it was.
    assert.ok(!g.series.some((s) => s.reports.includes(after.report)), why);
    // A patch of a patch.
    const again = reread(after, (t) => edit(edit(t)));
    const twice = patchGrouping(patch, after, again);
    assert.ok(twice, why);
    assert.deepEqual(
      shape(twice),
      shape(
        groupSeries(
          list.map((e) => (e.source === source ? again : e)),
          {},
        ),
      ),
      why,
    );
  }
});

test("what the patch leaves to the full grouping (null): changed metadata, copies, corrections, another report's content", () => {
  const list = corpus();
  const nullRows: [string, string, (t: string) => string, CorpusFile?][] = [
    ['the year changed', anhui, (t) => t.replace(/2025年/g, '2024年')],
    ['the issuer changed', anhui, (t) => t.replace(/安徽省/g, '江西省')],
    ['the issuer as written changed (the opening that named 省人民政府 removed)', anhui, (t) => t.replace(/\n[^\n]*。[^\n]*\n/, '\n')],
    ['the type changed', anhui, (t) => t.replace('政府工作报告', '法治政府建设工作报告')],
    [
      'a report with a copy (the national 2016 report: copies/2016.txt is used, the other is its copy)',
      'copies/2016.txt',
      (t) => t.replace('各位代表', '各位代表们'),
    ],
    [
      'the source has a correction',
      anhui,
      (t) => t.replace('。', '。另外，'),
      withReportCorrection(emptyCorpusFile(), anhui, list.find((e) => e.source === anhui)!.report.id, { title: '改过的标题' }, T),
    ],
    [
      'the source has a correction for a report id it does not hold now (the new report may have it)',
      anhui,
      (t) => t.replace('。', '。另外，'),
      withReportCorrection(emptyCorpusFile(), anhui, 'r00000000', { year: 2019 }, T),
    ],
  ];
  for (const [why, source, edit, corrections] of nullRows) {
    const { patch } = both(list, source, edit, corrections);
    assert.equal(patch, null, why);
  }
  // The new content is another report's, one that a correction dated 2013: the two are one report
  // now (the full grouping keeps the corrected one and 2014 goes), which only the full grouping finds.
  const n2014 = 'national/gwr-national-2014.txt';
  const edit = (t: string) => t.replace('各位代表', '各位代表们');
  const twin = { ...reread(list.find((e) => e.source === n2014)!, edit), source: 'copies/2014-edited.txt' };
  const dated = withReportCorrection(emptyCorpusFile(), twin.source, twin.report.id, { year: 2013 }, T);
  const withTwin = [...list, twin];
  const g = groupSeries(withTwin, { corrections: dated });
  const i = withTwin.findIndex((e) => e.source === n2014);
  const edited = reread(withTwin[i], edit);
  assert.equal(patchGrouping(g, withTwin[i], edited, dated), null, 'the content of another report');
  const years = groupSeries(
    withTwin.map((e, k) => (k === i ? edited : e)),
    { corrections: dated },
  ).series.find((s) => s.members.some((m) => m.source === twin.source))!;
  assert.deepEqual(
    years.members.map((m) => m.report.year),
    [2013, 2015, 2016, 2017],
    'the full grouping: one report, dated 2013',
  );
  // A report a grouping does not hold, another source, and a report with no year.
  const national = list.find((e) => e.source === 'national/gwr-national-2014.txt')!;
  assert.equal(patchGrouping(g, { source: national.source, report: { ...national.report } as Report }, national), null, 'not in the grouping');
  assert.equal(patchGrouping(g, national, { ...national, source: 'elsewhere.txt' }), null, 'another source');
  assert.equal(
    patchGrouping(g, { ...national, source: 'elsewhere.txt' }, { ...national, source: 'elsewhere.txt' }),
    null,
    'a report under a source it is not at',
  );
  const noYear = { ...national, report: { ...national.report, year: null } };
  assert.equal(patchGrouping(groupSeries([...list.filter((e) => e !== national), noYear]), noYear, noYear), null, 'no year');
  // A copy chosen by hand for the report's year.
  const key = g.series.find((s) => s.members.some((m) => m.source === national.source))!.key;
  const chosen = withCopyChoice(emptyCorpusFile(), key, 2014, national.source, T);
  assert.equal(both(list, national.source, (t) => t.replace('各位代表', '各位代表们'), chosen).patch, null, 'a copy chosen for its year');
  // With corrections for other sources, the patch still applies and is the full grouping.
  const elsewhere = withReportCorrection(emptyCorpusFile(), national.source, national.report.id, { year: 2013 }, T);
  const r = both(list, anhui, (t) => t.replace('。', '。另外，'), elsewhere);
  assert.ok(r.patch);
  assert.deepEqual(shape(r.patch), shape(r.full));
});
