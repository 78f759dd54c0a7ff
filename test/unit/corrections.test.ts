import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { groupSeries, parseCorpusFile, problemText, type Report, type SourcedReport } from '../../src/core/index.ts';
import {
  corpusBase,
  type CorpusFile,
  emptyCorpusFile,
  mergeCorpusFiles,
  serializeCorpusFile,
  withCopyChoice,
  withCounterpart,
  withReportCorrection,
  withSeriesMerge,
} from '../../src/core/series/index.ts';
import { ROOT, fromText } from './helpers.ts';
import { validate } from './schema.ts';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/corpus.schema.json'), 'utf8'));
const T1 = '2026-01-01T00:00:00Z';
const T2 = '2026-02-01T00:00:00Z';
const T3 = '2026-03-01T00:00:00Z';

const parsed = (text: string): CorpusFile => {
  const r = parseCorpusFile(text, '.annals/corpus.json');
  if (!r.ok) throw new Error(problemText(r.problem));
  return r.value;
};
const error = (text: string): string => {
  const r = parseCorpusFile(text, '.annals/corpus.json');
  assert.equal(r.ok, false, text);
  return r.ok ? '' : problemText(r.problem);
};

const full = (): CorpusFile => {
  let f = emptyCorpusFile();
  f = withReportCorrection(f, 'web/2026_江西省_政府工作报告.txt', 'r0000002a', { year: 2026, issuer: '江西省人民政府' }, T1);
  f = withReportCorrection(
    f,
    'word/a.txt',
    'r00000001',
    { type: '政府工作报告', title: '2025年江西省政府工作报告', series: '江西省人民政府 · 政府工作报告' },
    T2,
  );
  f = withSeriesMerge(f, '江西省政府 · 政府工作报告', '江西省人民政府 · 政府工作报告', T1);
  f = withCopyChoice(f, '江西省人民政府 · 政府工作报告', 2025, 'word/a.txt', T3);
  f = withCounterpart(f, { ...NATIONAL_TASKS, counterpart: '三、把改革开放扎实推向纵深' }, T2);
  f = withCounterpart(f, { series: '国务院 · 政府工作报告', kind: 'section', year: 2019, heading: '（十）', otherYear: 2018, counterpart: null }, T1);
  return f;
};

const NATIONAL_TASKS = { series: '国务院 · 政府工作报告', kind: 'chapter', year: 2016, heading: '三、2016年重点工作', otherYear: 2015 } as const;

test('corpus.json: stable text (keys sorted, fixed field order, final newline) that round-trips and conforms to its schema', () => {
  const text = serializeCorpusFile(full());
  assert.ok(text.endsWith('}\n'));
  const j = JSON.parse(text);
  assert.equal(j.$schema, undefined, 'no $schema URL for VS Code to fetch (jsonValidation maps the file)');
  assert.deepEqual(Object.keys(j), ['version', 'reports', 'series', 'copies', 'counterparts']);
  assert.deepEqual(Object.keys(j.reports), ['web/2026_江西省_政府工作报告.txt', 'word/a.txt']);
  assert.deepEqual(Object.keys(j.reports['word/a.txt'].r00000001), ['type', 'title', 'series', 'modified']);
  assert.deepEqual(validate(schema, j), []);
  assert.equal(serializeCorpusFile(parsed(text)), text, 'parse then serialise gives the same bytes');
  // Written in another order, read and written back sorted.
  const shuffled = JSON.stringify({ copies: j.copies, counterparts: [...j.counterparts].reverse(), series: j.series, reports: j.reports, version: 1 });
  const again = parsed(shuffled);
  assert.equal(serializeCorpusFile(again), text);
  // The counterparts: sorted, in a fixed field order, "none" as null.
  assert.deepEqual(Object.keys(j.counterparts[0]), ['series', 'kind', 'year', 'heading', 'otherYear', 'counterpart', 'modified']);
  assert.deepEqual(
    j.counterparts.map((c: { kind: string; counterpart: string | null }) => [c.kind, c.counterpart]),
    [
      ['chapter', '三、把改革开放扎实推向纵深'],
      ['section', null],
    ],
  );
  // A new choice for the same unit and year replaces the old one, and so does one the other way round.
  const f2 = withCounterpart(full(), { ...NATIONAL_TASKS, counterpart: '六、切实加强政府自身建设' }, T3);
  assert.deepEqual(
    f2.counterparts.filter((c) => c.kind === 'chapter').map((c) => c.counterpart),
    ['六、切实加强政府自身建设'],
  );
  const back = withCounterpart(full(), { ...NATIONAL_TASKS, year: 2015, otherYear: 2016, heading: '三、把改革开放扎实推向纵深', counterpart: null }, T3);
  assert.deepEqual(
    back.counterparts.filter((c) => c.kind === 'chapter').map((c) => [c.year, c.counterpart]),
    [[2015, null]],
  );
  // Undefined: back to the aligner's choice.
  assert.equal(withCounterpart(full(), { ...NATIONAL_TASKS, counterpart: undefined }, T3).counterparts.length, 1);
  assert.deepEqual(validate(schema, JSON.parse(serializeCorpusFile(emptyCorpusFile()))), []);
  // A file written with the old $schema URL still loads, and is written back without it.
  assert.equal(serializeCorpusFile(parsed(JSON.stringify({ $schema: 'https://annals.invalid/schemas/corpus.schema.json', ...j }))), text);
});

test('corpus.json is read strictly: every problem names the file, what and where', () => {
  assert.match(error('{ "version": 1, '), /^\.annals\/corpus\.json: invalid JSON at line 1, column \d+/);
  assert.match(error('[]'), /expected an object with "version" and "reports", found an array/);
  assert.match(error('{}'), /version: expected a whole number ≥ 1, found the value undefined/);
  assert.match(error('{"version": 2}'), /version 2 was written by a newer Annals \(this one reads version 1\)/);
  assert.match(error('{"version": 1, "extra": 1}'), /extra: unknown property/);
  assert.match(error(`{"version": 1, "reports": {"a.txt": {"r1": {"year": "2025", "modified": "${T1}"}}}}`), /reports\["a\.txt"\]\.r1\.year/);
  assert.match(error(`{"version": 1, "reports": {"a.txt": {"r1": {"modified": "${T1}"}}}}`), /reports\["a\.txt"\]\.r1: corrects nothing/);
  assert.match(error('{"version": 1, "reports": {"a.txt": {"r1": {"year": 2025, "modified": "yesterday"}}}}'), /“yesterday” is not an ISO-8601 date and time/);
  assert.match(error(`{"version": 1, "reports": {"a.txt": {"r1": {"year": 2025, "colour": "red", "modified": "${T1}"}}}}`), /r1\.colour: unknown property/);
  assert.match(error(`{"version": 1, "series": {"A": {"mergeInto": "A", "modified": "${T1}"}}}`), /cannot be merged into itself/);
  const loop = `{"version": 1, "series": {"A": {"mergeInto": "B", "modified": "${T1}"}, "B": {"mergeInto": "A", "modified": "${T1}"}}}`;
  assert.match(error(loop), /series\.A\.mergeInto: the merges go round in a loop/);
  assert.match(error('{"version": 1, "counterparts": {}}'), /counterparts: expected an array/);
  assert.match(error('{"version": 1, "counterparts": [1]}'), /counterparts\[0\]: expected a counterpart object/);
  const c = (o: object) => JSON.stringify({ version: 1, counterparts: [{ ...NATIONAL_TASKS, counterpart: null, modified: T1, ...o }] });
  assert.match(error(c({ kind: 'part' })), /counterparts\[0\]\.kind: expected "chapter" or "section"/);
  assert.match(error(c({ otherYear: 2016 })), /counterparts\[0\]\.otherYear: must be another year/);
  assert.match(error(c({ counterpart: 3 })), /counterparts\[0\]\.counterpart: expected a string/);
  assert.match(error(c({ note: 'x' })), /counterparts\[0\]\.note: unknown property/);
});

test('corpus.json merges like the sidecars: entry by entry, the newer wins, a removal outside is honoured, nothing changed here is lost', () => {
  const base0 = full();
  const base = corpusBase(base0);
  // Here: a newer correction of a.txt, a new correction of c.txt.
  let local = withReportCorrection(base0, 'word/a.txt', 'r00000001', { year: 2024 }, T3);
  local = withReportCorrection(local, 'c.txt', 'r3', { issuer: '某县人民政府' }, T2);
  // Outside: an older edit of a.txt (loses), the series merge removed, a new copy choice, the web correction edited later.
  let disk = withReportCorrection(base0, 'word/a.txt', 'r00000001', { year: 2023 }, T2);
  disk = { ...disk, series: {} };
  disk = withCopyChoice(disk, '某县人民政府 · 法治政府建设工作报告', 2018, 'x.txt', T2);
  disk = withReportCorrection(disk, 'web/2026_江西省_政府工作报告.txt', 'r0000002a', { year: 2025 }, T2);
  // Counterparts: the local choice is newer; one chosen outside comes in.
  local = withCounterpart(local, { ...NATIONAL_TASKS, counterpart: '四、协调推动经济稳定增长和结构优化' }, T3);
  disk = withCounterpart(disk, { ...NATIONAL_TASKS, counterpart: '五、持续推进民生改善和社会建设' }, T2);
  disk = withCounterpart(disk, { ...NATIONAL_TASKS, year: 2017, otherYear: 2016, heading: '三、2017年重点工作任务', counterpart: '三、2016年重点工作' }, T2);
  const m = mergeCorpusFiles(local, disk, base);
  assert.deepEqual(m.reports['word/a.txt'].r00000001, { year: 2024, modified: T3 }, 'the newer, local');
  assert.deepEqual(m.reports['c.txt'].r3, { issuer: '某县人民政府', modified: T2 }, 'added here: kept');
  assert.deepEqual(m.series, {}, 'removed outside and unchanged here: removed');
  assert.deepEqual(Object.keys(m.copies).sort(), ['某县人民政府 · 法治政府建设工作报告 · 2018', '江西省人民政府 · 政府工作报告 · 2025']);
  assert.deepEqual(m.reports['web/2026_江西省_政府工作报告.txt'].r0000002a, { year: 2025, modified: T2 }, 'edited outside later: the disk’s');
  assert.deepEqual(
    m.counterparts.filter((c) => c.kind === 'chapter').map((c) => [c.year, c.counterpart]),
    [
      [2016, '四、协调推动经济稳定增长和结构优化'],
      [2017, '三、2016年重点工作'],
    ],
  );
  // A local edit of an entry removed outside is kept: the edit wins.
  const edited = withSeriesMerge(base0, '江西省政府 · 政府工作报告', '江西省人民政府 · 政府工作报告', T3);
  assert.ok(mergeCorpusFiles(edited, { ...base0, series: {} }, base).series['江西省政府 · 政府工作报告']);
});

const gwr = (province: string, year: number, body: string, name: string) =>
  fromText(`${year}年${province}政府工作报告\n\n各位代表：\n\n现在，我代表省人民政府向大会报告工作。\n\n一、${year - 1}年工作回顾\n\n${body}\n`, name)
    .reports[0];

test('corrections apply: year, issuer, type and title are replaced and marked; what the text said is kept; Move to Series and Merge Series move reports', () => {
  const a = gwr('江西省', 2025, '过去一年全省生产总值增长5.1%。', 'a.txt');
  const b = gwr('江西省', 2026, '过去一年全省生产总值增长5.3%。', 'b.txt');
  const c = gwr('江西省', 2022, '过去一年全省生产总值增长4.7%。', 'c.txt');
  const entries: SourcedReport[] = [
    { source: 'a.txt', report: a },
    { source: 'b.txt', report: b },
    { source: 'c.txt', report: c },
  ];
  let f = withReportCorrection(emptyCorpusFile(), 'c.txt', c.id, { year: 2024, title: '2024年江西省政府工作报告（更正）' }, T1);
  const g = groupSeries(entries, { corrections: f });
  assert.equal(g.series.length, 1);
  const [s] = g.series;
  assert.deepEqual(
    s.reports.map((r) => r.year),
    [2024, 2025, 2026],
  );
  const fixed = s.reports[0];
  assert.notEqual(fixed, c, 'a corrected copy; the report itself is left as it is');
  assert.equal(c.year, 2022);
  assert.equal(fixed.title, '2024年江西省政府工作报告（更正）');
  assert.deepEqual(fixed.meta.from, { title: 'correction', issuer: 'text', year: 'correction', type: 'text' });
  assert.deepEqual(fixed.meta.extracted, { title: '2022年江西省政府工作报告', issuer: '江西省人民政府', year: 2022, type: '政府工作报告' });
  assert.equal(fixed.paragraphs, c.paragraphs);
  // Set Report Metadata with another issuer: the report goes to that series.
  f = withReportCorrection(emptyCorpusFile(), 'b.txt', b.id, { issuer: '江西省人民政府办公厅' }, T1);
  assert.deepEqual(
    groupSeries(entries, { corrections: f }).series.map((x) => [x.key, x.reports.map((r) => r.year)]),
    [
      ['江西省人民政府 · 政府工作报告', [2022, 2025]],
      ['江西省人民政府办公厅 · 政府工作报告', [2026]],
    ],
  );
  // Move to Series: into a series by its key, here a new one.
  f = withReportCorrection(emptyCorpusFile(), 'a.txt', a.id, { series: '某省人民政府 · 政府工作报告' }, T1);
  const moved = groupSeries(entries, { corrections: f });
  assert.deepEqual(
    moved.series.map((x) => [x.key, x.issuer, x.type, x.reports.map((r) => r.year)]),
    [
      ['某省人民政府 · 政府工作报告', '某省人民政府', '政府工作报告', [2025]],
      ['江西省人民政府 · 政府工作报告', '江西省人民政府', '政府工作报告', [2022, 2026]],
    ],
  );
  // Merge Series: the moved-away series merged back into the province's.
  f = withSeriesMerge(f, '某省人民政府 · 政府工作报告', '江西省人民政府 · 政府工作报告', T2);
  assert.deepEqual(
    groupSeries(entries, { corrections: f }).series.map((x) => [x.key, x.reports.map((r) => r.year)]),
    [['江西省人民政府 · 政府工作报告', [2022, 2025, 2026]]],
  );
});

test('a correction whose report has gone is reported, never dropped', () => {
  const a: Report = gwr('江西省', 2025, '过去一年全省生产总值增长5.1%。', 'a.txt');
  let f = withReportCorrection(emptyCorpusFile(), 'gone.txt', 'r1', { year: 2020 }, T1);
  f = withReportCorrection(f, 'a.txt', 'r-not-any-more', { year: 2021 }, T1);
  f = withSeriesMerge(f, '没有的系列', '也没有', T1);
  const before = serializeCorpusFile(f);
  const g = groupSeries([{ source: 'a.txt', report: a }], { corrections: f, correctionsFile: '.annals/corpus.json' });
  assert.deepEqual(
    g.problems.map((p) => [p.severity, p.message]),
    [
      ['warning', 'A correction in .annals/corpus.json is for report r1 of gone.txt, which is not in the workspace now: it is kept.'],
      ['warning', 'A correction in .annals/corpus.json is for report r-not-any-more of a.txt, which is not in the workspace now: it is kept.'],
      ['warning', 'A series correction in .annals/corpus.json names the series “没有的系列”, which holds no report now: it is kept.'],
    ],
  );
  assert.equal(serializeCorpusFile(f), before, 'the corrections themselves are untouched');
  assert.equal(g.series[0].reports[0], a, 'an uncorrected report is the report itself');
  // Removing the last field of a correction removes the entry, and an emptied source.
  assert.deepEqual(withReportCorrection(f, 'gone.txt', 'r1', {}, T2).reports['gone.txt'], undefined);
});
