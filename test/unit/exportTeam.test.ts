/**
 * Exports of a team's work: the memos travel in CSV (a report memo column), JSON Lines (commenting
 * Web Annotations), Markdown (a Memos section) and XLSX (coders and memos sheets); the project file
 * gets coders through parseProject/serializeProject; an import's memos follow the memo layout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import {
  type Annotation,
  addCoders,
  type Codebook,
  CSV_COLUMNS,
  csvField,
  DEFAULT_CODEBOOK,
  exporterFor,
  exportRows,
  makeTarget,
  memoWrites,
  parseProject,
  problemText,
  toCsv,
  toJsonl,
  toMarkdown,
} from '../../src/core/index.ts';
import { exportBytes } from '../../src/host/exportBytes.ts';
import { byYear, FLAT, load } from './helpers.ts';

const T = '2026-01-01T00:00:00.000Z';
const nanhai = load(FLAT);
const r2018 = byYear(nanhai, 2018);
const r2017 = byYear(nanhai, 2017);
const body = r2018.paragraphs.filter((p) => p.role === 'body').map((p) => p.index);

function ann(i: number, extra: Partial<Annotation> = {}): Annotation {
  const t = makeTarget(r2018, i);
  assert.ok(t.ok);
  return { id: `a${i}`, report: r2018.id, target: t.value.target, tags: ['figures'], note: '', author: 'alice', created: T, modified: T, ...extra };
}

const codebook: Codebook = {
  version: 1,
  tags: DEFAULT_CODEBOOK.tags.map((t) => (t.id === 'figures' ? { ...t, memo: 'Only figures with a unit.\n\nSee <b>2017</b>.' } : t)),
};
const anns = [ann(body[0]), ann(body[1], { id: 'b', author: 'bob', tags: ['rules'] })];
const sources = [{ source: 'n.txt', imp: { ...nanhai, reports: [r2018] }, annotations: anns }];
const rows = exportRows(sources, codebook);
const memos = {
  project: [{ name: 'Plan', text: '# Plan\n\nRead 2016–2018 first.\n' }],
  // 2017 is not exported: its memo stays out; `constructor` must never come from Object.prototype.
  reports: { [r2018.id]: 'Longer than 2017.\n# not a heading', [r2017.id]: 'The 2017 memo.' },
};
const extras = { sources, memos, coders: [{ id: 'alice', name: 'Alice Li', color: '#1f77b4' }, { id: 'carol' }] };

test('CSV: the report memo is the last column, on every row of its report; a report with no memo has an empty cell', () => {
  assert.equal(CSV_COLUMNS.at(-1), 'report memo');
  const lines = toCsv(rows, extras).slice(1).split('\r\n');
  assert.ok(lines[1].endsWith(`,${csvField('Longer than 2017.\n# not a heading')}`), lines[1]);
  assert.ok(lines[2].endsWith(`,${csvField('Longer than 2017.\n# not a heading')}`));
  assert.ok(!toCsv(rows, extras).includes('The 2017 memo.'), 'the memo of a report not exported stays out');
  const none = toCsv(rows).slice(1).split('\r\n');
  assert.ok(none[1].endsWith(',exact-id,'), none[1]);
  assert.ok(toCsv(rows, { memos: { project: [], reports: {} } }).includes(',exact-id,\r\n'));
  // A report id that names a property of Object.prototype is no memo.
  const proto = exportRows([{ source: 'n.txt', imp: nanhai, annotations: [{ ...anns[0], report: 'constructor' }] }], codebook);
  assert.ok(toCsv(proto, extras).trimEnd().endsWith(',orphan,'));
});

test('JSON Lines: after the annotations, one commenting Web Annotation per memo (project, report, code), annals.memo saying which', () => {
  const lines = toJsonl(rows, codebook, extras).trimEnd().split('\n');
  assert.equal(lines.length, rows.length + 3);
  const recs = lines.map((l) => JSON.parse(l));
  assert.ok(recs.slice(0, 2).every((r) => r.annals.memo === undefined && r.motivation === undefined));
  assert.deepEqual(recs[2], {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:annals:memo:project:Plan',
    type: 'Annotation',
    motivation: 'commenting',
    body: { type: 'TextualBody', purpose: 'commenting', value: '# Plan\n\nRead 2016–2018 first.\n', format: 'text/markdown' },
    annals: { memo: 'project', name: 'Plan' },
    target: 'urn:annals:project',
  });
  assert.equal(recs[3].id, `urn:annals:memo:report:${r2018.id}`);
  assert.equal(recs[3].target, r2018.link ?? `urn:annals:report:${r2018.id}`, 'the report memo targets the report as its annotations do');
  assert.equal(recs[3].target, recs[0].target.source);
  assert.deepEqual(recs[3].annals, { memo: 'report', report: r2018.id, title: r2018.title, year: 2018, source: 'n.txt' });
  assert.equal(recs[3].body.value, 'Longer than 2017.\n# not a heading');
  assert.deepEqual(
    [recs[4].id, recs[4].target, recs[4].annals],
    ['urn:annals:memo:code:figures', 'urn:annals:tag:figures', { memo: 'code', tag: 'figures', label: '数据指标' }],
  );
  // Without memos or a codebook memo: the annotations only.
  assert.equal(toJsonl(rows).trimEnd().split('\n').length, rows.length);
  assert.equal(exporterFor('jsonl')?.render(rows, codebook, extras), toJsonl(rows, codebook, extras), 'the exporter passes them on');
});

test('Markdown: a Memos section after the tags, each memo escaped line by line as a quote block', () => {
  const md = toMarkdown(rows, codebook, extras);
  const memo = md.slice(md.indexOf('## Memos'));
  assert.equal(
    memo,
    [
      '## Memos',
      '',
      '### Project memos',
      '',
      '#### Plan',
      '',
      '> \\# Plan',
      '>',
      '> Read 2016–2018 first.',
      '',
      '### Report memos',
      '',
      `#### 2018 ${r2018.title} (report \`${r2018.id}\`)`,
      '',
      '> Longer than 2017.',
      '> \\# not a heading',
      '',
      '### Code memos',
      '',
      '#### 数据指标 (`figures`)',
      '',
      '> Only figures with a unit.',
      '>',
      '> See \\<b\\>2017\\</b\\>.',
      '',
    ].join('\n'),
  );
  assert.ok(md.indexOf('## Memos') > md.indexOf('## 数据指标'), 'after the tags');
  assert.ok(!toMarkdown(rows, DEFAULT_CODEBOOK).includes('## Memos'), 'no memos, no section');
  assert.equal(exporterFor('md')?.render(rows, codebook, extras), md);
});

async function sheetsOf(bytes: Uint8Array): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rs: unknown[][] = [];
    ws.eachRow((row) => rs.push((row.values as unknown[]).slice(1)));
    out.set(ws.name, rs);
  });
  return out;
}

test('XLSX: the report memo column, a coders sheet (the project’s, then the other authors, with counts) and a memos sheet', async () => {
  const xlsx = exporterFor('xlsx');
  assert.ok(xlsx);
  const sheets = await sheetsOf(await exportBytes(xlsx.render(rows, codebook, extras)));
  assert.deepEqual([...sheets.keys()], ['annotations', 'codebook', 'coders', 'memos']);
  const a = sheets.get('annotations') ?? [];
  assert.equal(a[1][CSV_COLUMNS.indexOf('report memo')], 'Longer than 2017.\n# not a heading');
  assert.deepEqual(sheets.get('coders'), [
    ['id', 'name', 'color', 'annotations'],
    ['alice', 'Alice Li', '#1f77b4', 1],
    ['carol', '', '', 0],
    ['bob', '', '', 1],
  ]);
  assert.deepEqual(sheets.get('memos'), [
    ['kind', 'name', 'report id', 'text'],
    ['project', 'Plan', '', '# Plan\n\nRead 2016–2018 first.\n'],
    ['report', r2018.title, r2018.id, 'Longer than 2017.\n# not a heading'],
  ]);
  const cb = sheets.get('codebook') ?? [];
  assert.equal(cb.find((r) => r[0] === 'figures')?.[5], 'Only figures with a unit.\n\nSee <b>2017</b>.', 'code memos stay in the codebook sheet');
});

test('addCoders: through parseProject and serializeProject; coders merged by file name; a file that cannot be read is a problem, never rewritten', () => {
  const fresh = addCoders(null, [{ id: 'Li' }, { id: 'Wang', name: 'Wang Fang' }]);
  assert.ok(fresh.ok);
  assert.equal(
    fresh.value,
    '{\n  "coding": {\n    "mode": "shared"\n  },\n  "coders": [\n    {\n      "id": "Li"\n    },\n    {\n      "id": "Wang",\n      "name": "Wang Fang"\n    }\n  ]\n}\n',
  );
  const existing = '{"coding":{"mode":"independent"},"coders":[{"id":"li","color":"#123456"}]}';
  const merged = addCoders(existing, [{ id: 'Li', name: 'other' }, { id: 'Chen' }]);
  assert.ok(merged.ok && merged.value);
  const p = parseProject(merged.value);
  assert.ok(p.ok);
  assert.deepEqual(p.value, { coding: { mode: 'independent' }, coders: [{ id: 'Chen' }, { id: 'li', color: '#123456' }] }, 'li kept as it was; the mode kept');
  const same = addCoders(existing, [{ id: 'LI' }]);
  assert.ok(same.ok);
  assert.equal(same.value, null, 'nothing new: nothing to write');
  const none = addCoders(null, []);
  assert.ok(none.ok);
  assert.equal(none.value, null, 'no file and no coder: no file written');
  const bad = addCoders('{"coders": [', [{ id: 'Li' }], '/w/.annals/project.json');
  assert.ok(!bad.ok);
  assert.match(problemText(bad.problem), /^\/w\/\.annals\/project\.json: invalid JSON/);
  const unknown = addCoders('{"coders": [], "extra": 1}', [{ id: 'Li' }]);
  assert.ok(!unknown.ok, 'an unknown property would be dropped: refused');
});

test('memoWrites: project memos under .annals/memos, report memos under .annals/memos/reports/<report id>.md, nothing lost', async () => {
  const files = new Map<string, string>([
    ['.annals/memos/Plan.md', 'Another plan.\n'],
    ['.annals/memos/Same.md', 'Same text.\n'],
    ['.annals/memos/reports/r2.md', '# 2018 report\n\nMine.\n'],
    ['.annals/memos/reports/r3.md', '# 2019\n\nTheirs, already here.\n'],
  ]);
  const writes = await memoWrites(
    {
      project: [
        { name: 'Plan', text: 'Imported plan.' },
        { name: 'Same', text: 'Same text.' },
        { name: 'a/b: c', text: 'Slashes.' },
      ],
      reports: { r1: 'New memo.', r2: 'Imported memo.', r3: 'Theirs, already here.' },
    },
    (p) => files.get(p) ?? null,
  );
  assert.deepEqual(writes, [
    { path: '.annals/memos/Plan (2).md', text: 'Imported plan.\n' },
    { path: '.annals/memos/a-b- c.md', text: 'Slashes.\n' },
    { path: '.annals/memos/reports/r1.md', text: 'New memo.\n' },
    { path: '.annals/memos/reports/r2.md', text: '# 2018 report\n\nMine.\n\n---\n\nImported memo.\n' },
  ]);
  // Applied, the same memos again write nothing.
  for (const w of writes) files.set(w.path, w.text);
  const again = await memoWrites(
    {
      project: [
        { name: 'Plan', text: 'Imported plan.' },
        { name: 'Same', text: 'Same text.' },
      ],
      reports: { r1: 'New memo.', r2: 'Imported memo.' },
    },
    (p) => Promise.resolve(files.get(p) ?? null),
  );
  assert.deepEqual(again, []);
});
