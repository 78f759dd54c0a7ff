/**
 * `annals export` and `annals import` with a team: independent coding (every coder's own sidecar
 * exported, each row with its coder; imported codings go to their coder's sidecar), the project's
 * coders and memos in the exports, `--agreement`, and the round trip with coders and memos present.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { run } from '../../src/cli/main.ts';
import { importSource, parseProject, parseSidecar } from '../../src/core/index.ts';
import { FLAT } from './helpers.ts';
import { tempDir } from './tmp.ts';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A workspace folder named `ws` (so that two of them give the same project name) coding independently. */
function workspace(mode: 'shared' | 'independent' = 'independent') {
  const dir = path.join(tempDir('team'), 'ws');
  mkdirSync(path.join(dir, '.annals/memos/reports'), { recursive: true });
  mkdirSync(path.join(dir, 'reports'));
  const src = path.join(dir, 'reports', 'nanhai.txt');
  copyFileSync(FLAT, src);
  writeFileSync(path.join(dir, '.annals/project.json'), JSON.stringify({ coding: { mode }, coders: [{ id: 'alice', name: 'Alice Li' }] }));
  return { dir, src };
}

const records = (jsonl: string): any[] =>
  jsonl
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));

async function tagBoth(w: { dir: string; src: string }) {
  for (const [coder, match, tag] of [
    ['alice', '复议', 'disputes'],
    ['bob', '复议|诉讼', 'disputes'],
    ['bob', '^2019年', 'commitments'],
  ]) {
    const r = await cli('tag', w.src, '--match', match, '--tag', tag, '--coder', coder, '--workspace', w.dir);
    assert.equal(r.code, 0, r.err);
  }
}

const sidecarCount = (file: string) => {
  const s = parseSidecar(readFileSync(file, 'utf8'), file);
  assert.ok(s.ok);
  return s.value.annotations.length;
};

test('annals export in independent coding: every coder’s own sidecar, from a folder and from one source, each row with its coder', async () => {
  const w = workspace();
  await tagBoth(w);
  assert.ok(!existsSync(`${w.src}.annals.json`), 'independent coding writes no shared sidecar');
  const alice = sidecarCount(`${w.src}.annals.alice.json`);
  const bob = sidecarCount(`${w.src}.annals.bob.json`);
  assert.ok(alice > 0 && bob > alice);
  for (const target of [w.dir, w.src]) {
    const r = await cli('export', target, '--format', 'jsonl', '--workspace', w.dir);
    assert.equal(r.code, 0, r.err);
    const rows = records(r.out);
    assert.equal(rows.length, alice + bob, target);
    assert.equal(rows.filter((x) => x.annals.coder === 'alice' && x.creator.name === 'alice').length, alice);
    assert.equal(rows.filter((x) => x.annals.coder === 'bob').length, bob);
  }
  // A resolution in the shared sidecar is exported too, beside the coders' own.
  const shared = JSON.parse(readFileSync(`${w.src}.annals.alice.json`, 'utf8'));
  shared.annotations = shared.annotations
    .slice(0, 1)
    .map((a: Record<string, unknown>) => ({ ...a, id: 'resolved1', resolvedBy: 'carol', resolved: a.modified }));
  writeFileSync(`${w.src}.annals.json`, JSON.stringify(shared));
  const r = await cli('export', w.dir, '--format', 'jsonl', '--workspace', w.dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(records(r.out).length, alice + bob + 1);
  // A coder's sidecar is never the output.
  const refused = await cli('export', w.dir, '--format', 'jsonl', '--out', `${w.src}.annals.dave.json`, '--workspace', w.dir);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /not written: it is a coder's sidecar/);
});

test('annals export: the project’s memos and coders go along (Markdown memos, QDPX Users and Notes)', async () => {
  const w = workspace('shared');
  assert.equal((await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--coder', 'bob', '--workspace', w.dir)).code, 0);
  const report = importSource(w.src, readFileSync(w.src)).reports.find((x) => x.year === 2018);
  assert.ok(report);
  writeFileSync(path.join(w.dir, '.annals/memos/Plan.md'), 'Read 2016–2018 first.\n');
  writeFileSync(path.join(w.dir, `.annals/memos/reports/${report.id}.md`), '2018 was the longest.\n');
  const md = await cli('export', w.dir, '--format', 'md', '--workspace', w.dir);
  assert.equal(md.code, 0, md.err);
  assert.match(md.out, /\n## Memos\n\n### Project memos\n\n#### Plan\n\n> Read 2016–2018 first\.\n\n### Report memos\n\n#### 2018 /);
  assert.match(md.out, /\n> 2018 was the longest\.\n/);
  const out = path.join(w.dir, 'p.qdpx');
  const q = await cli('export', w.dir, '--format', 'qdpx', '--out', out, '--workspace', w.dir);
  assert.equal(q.code, 0, q.err);
  const qde = new TextDecoder().decode(unzipSync(readFileSync(out))['project.qde']);
  assert.match(qde, /<User guid="[^"]+" name="Alice Li" id="alice"\/>/, 'the project’s coder, with its name, though she tagged nothing');
  assert.match(qde, /<User guid="[^"]+" name="bob" id="bob"\/>/);
  assert.match(qde, /<PlainTextContent>Read 2016–2018 first\.\n<\/PlainTextContent>/);
  assert.match(qde, /<PlainTextContent>2018 was the longest\.\n<\/PlainTextContent>/);
  assert.match(qde, /\n {2}<NoteRef targetGUID="[^"]+"\/>\n<\/Project>\n$/, 'the project memo hangs on the project');
  // JSON Lines streamed to standard output: the same records as with --out, each memo once (the report memo after
  // its source's annotations, the project memo at the end).
  const streamed = await cli('export', w.dir, '--jsonl', '--workspace', w.dir);
  assert.equal(streamed.code, 0, streamed.err);
  const jl = path.join(w.dir, 'a.jsonl');
  assert.equal((await cli('export', w.dir, '--format', 'jsonl', '--out', jl, '--workspace', w.dir)).code, 0);
  const lines = (t: string) => t.split('\n').filter(Boolean).sort();
  assert.deepEqual(lines(streamed.out), lines(readFileSync(jl, 'utf8')));
  const memoKinds = streamed.out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).annals?.memo)
    .filter(Boolean);
  assert.deepEqual(memoKinds, ['report', 'project']);
});

async function sheets(file: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out.set(ws.name, rows);
  });
  return out;
}

test('annals export --format xlsx --agreement: the agreement sheet holds what annals agree computes; refused with another format or one coder', async () => {
  const w = workspace();
  await tagBoth(w);
  const out = path.join(w.dir, 'team.xlsx');
  const r = await cli('export', w.dir, '--format', 'xlsx', '--agreement', '--out', out, '--workspace', w.dir);
  assert.equal(r.code, 0, r.err);
  const agree = await cli('agree', w.src, '--json', '--workspace', w.dir);
  assert.equal(agree.code, 0, agree.err);
  const want = JSON.parse(agree.out);
  const s = await sheets(out);
  assert.deepEqual([...s.keys()], ['annotations', 'codebook', 'coders', 'agreement']);
  const g = s.get('agreement') ?? [];
  const cells = (a: { units: number; percent: number | null; kappa: number | null; alpha: number | null }) =>
    [a.units, a.percent, a.kappa, a.alpha].map((v) => (v === null ? undefined : v));
  assert.deepEqual(g[1], ['(overall)', 'coders: alice, bob', ...cells(want.overall)]);
  assert.deepEqual(
    g
      .slice(2)
      .map((x) => x[0])
      .sort(),
    Object.keys(want.tags).sort(),
  );
  for (const row of g.slice(2)) assert.deepEqual(row.slice(2), cells(want.tags[row[0] as string]), String(row[0]));
  assert.deepEqual(s.get('coders')?.slice(1), [
    ['alice', 'Alice Li', '', sidecarCount(`${w.src}.annals.alice.json`)],
    ['bob', '', '', sidecarCount(`${w.src}.annals.bob.json`)],
  ]);
  const csv = await cli('export', w.dir, '--format', 'csv', '--agreement', '--workspace', w.dir);
  assert.equal(csv.code, 2);
  assert.match(csv.err, /--agreement adds a sheet to the Excel workbook: use it with --format xlsx/);
  const one = workspace();
  assert.equal((await cli('tag', one.src, '--match', '复议', '--tag', 'disputes', '--coder', 'alice', '--workspace', one.dir)).code, 0);
  const lone = path.join(one.dir, 'lone.xlsx');
  const solo = await cli('export', one.dir, '--format', 'xlsx', '--agreement', '--out', lone, '--workspace', one.dir);
  assert.equal(solo.code, 1);
  assert.match(solo.err, /--agreement needs at least two coders; only alice coded these reports\. Nothing was written\./);
  assert.ok(!existsSync(lone));
});

test('round trip with coders and memos, independent coding: export, import into an empty workspace, export again: the same project.qde apart from dates', async () => {
  const w = workspace();
  await tagBoth(w);
  const report = importSource(w.src, readFileSync(w.src)).reports.find((x) => x.year === 2017);
  assert.ok(report);
  writeFileSync(path.join(w.dir, '.annals/memos/Plan.md'), 'Read 2016–2018 first.\n');
  writeFileSync(path.join(w.dir, `.annals/memos/reports/${report.id}.md`), '2017: the first year with figures.\n');
  const first = path.join(w.dir, '..', 'first.qdpx');
  const e1 = await cli('export', w.dir, '--format', 'qdpx', '--out', first, '--workspace', w.dir);
  assert.equal(e1.code, 0, e1.err);

  const w2 = workspace();
  // The second workspace codes independently too, and already knows carol; its project file gets alice and bob.
  writeFileSync(path.join(w2.dir, '.annals/project.json'), '{"coding":{"mode":"independent"},"coders":[{"id":"carol"}]}\n');
  const i = await cli('import', first, '--workspace', w2.dir, '--into', 'reports/imported');
  assert.equal(i.code, 0, i.err);
  assert.match(i.out, /2 coders; 2 memos\.\n$/);
  const into = path.join(w2.dir, 'reports/imported');
  const files = readdirSync(into).sort();
  assert.ok(
    files.some((f) => f.endsWith('.annals.alice.json')) && files.some((f) => f.endsWith('.annals.bob.json')),
    `each user's codings in that coder's own sidecar: ${files.join(', ')}`,
  );
  assert.ok(!files.some((f) => f.endsWith('.annals.json')), 'none in a shared sidecar');
  const project = parseProject(readFileSync(path.join(w2.dir, '.annals/project.json'), 'utf8'));
  assert.ok(project.ok);
  assert.deepEqual(project.value, {
    coding: { mode: 'independent' },
    coders: [{ id: 'alice', name: 'Alice Li' }, { id: 'bob' }, { id: 'carol' }],
  });
  assert.equal(readFileSync(path.join(w2.dir, '.annals/memos/Plan.md'), 'utf8'), 'Read 2016–2018 first.\n');
  const reportMemos = readdirSync(path.join(w2.dir, '.annals/memos/reports'));
  assert.equal(reportMemos.length, 1);
  assert.match(reportMemos[0], /^r[0-9a-f]+\.md$/, 'named by the report id');
  assert.equal(readFileSync(path.join(w2.dir, '.annals/memos/reports', reportMemos[0]), 'utf8'), '2017: the first year with figures.\n');

  const second = path.join(w2.dir, '..', 'second.qdpx');
  const e2 = await cli('export', w2.dir, '--format', 'qdpx', '--out', second, '--workspace', w2.dir);
  assert.equal(e2.code, 0, e2.err);
  const a = unzipSync(readFileSync(first));
  const b = unzipSync(readFileSync(second));
  const undated = (x: Uint8Array) => new TextDecoder().decode(x).replace(/ (creation|modified)DateTime="[^"]*"/g, '');
  // carol is a coder of the second workspace only: her User is the one difference.
  const qde2 = undated(b['project.qde']).replace(/ {4}<User guid="[^"]+" name="carol" id="carol"\/>\n/, '');
  assert.equal(qde2, undated(a['project.qde']));
  assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
  for (const k of Object.keys(a)) if (k !== 'project.qde') assert.deepEqual(b[k], a[k], k);
});

test('annals import: a project file that cannot be read stops the import before anything is written, and is left as it was', async () => {
  const w = workspace();
  await tagBoth(w);
  const file = path.join(w.dir, '..', 'p.qdpx');
  assert.equal((await cli('export', w.dir, '--format', 'qdpx', '--out', file, '--workspace', w.dir)).code, 0);
  const w2 = workspace();
  const broken = '{"coding": {"mode": "independent"}, "coders": [';
  writeFileSync(path.join(w2.dir, '.annals/project.json'), broken);
  const r = await cli('import', file, '--workspace', w2.dir);
  assert.equal(r.code, 1);
  assert.match(r.err, /project\.json: invalid JSON .* Nothing was imported: fix it \(or move it away\) and run again\.\n$/);
  assert.equal(readFileSync(path.join(w2.dir, '.annals/project.json'), 'utf8'), broken);
  assert.ok(!existsSync(path.join(w2.dir, 'p')), 'no report written');
});
