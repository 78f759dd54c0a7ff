import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { run } from '../../src/cli/main.ts';
import { parseSidecar, serializeCodebook, DEFAULT_CODEBOOK } from '../../src/core/index.ts';
import { FLAT } from './helpers.ts';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'annals-tag-'));
  mkdirSync(path.join(dir, 'reports'));
  const src = path.join(dir, 'reports', 'nanhai.txt');
  copyFileSync(FLAT, src);
  return { dir, src, sidecar: `${src}.annals.json` };
}

test('annals tag writes the sidecar through the store, and running it again adds nothing', async () => {
  const w = workspace();
  const r = await cli(
    'tag',
    w.src,
    '--match',
    '行政复议',
    '--tag',
    'disputes',
    '--year',
    '2018',
    '--note',
    'from a script',
    '--author',
    'bot',
    '--workspace',
    w.dir,
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Tagged \d+ paragraphs? with disputes \(依法有效化解社会矛盾纠纷\)/);
  const side = parseSidecar(readFileSync(w.sidecar, 'utf8'), w.sidecar);
  assert.ok(side.ok);
  assert.equal(side.value.source, 'nanhai.txt');
  const anns = side.value.annotations;
  assert.ok(anns.length > 0);
  assert.ok(anns.every((a) => a.tags[0] === 'disputes' && a.note === 'from a script' && a.author === 'bot' && a.target.quote.exact.includes('行政复议')));
  const before = readFileSync(w.sidecar, 'utf8');
  const again = await cli('tag', w.src, '--match', '行政复议', '--tag', 'disputes', '--year', '2018', '--workspace', w.dir);
  assert.equal(again.code, 0);
  assert.match(again.out, /Tagged 0 paragraphs.*already had it/);
  assert.equal(readFileSync(w.sidecar, 'utf8'), before, 'the sidecar is unchanged');
  const none = await cli('tag', w.src, '--match', 'no such words', '--tag', 'figures', '--workspace', w.dir);
  assert.equal(none.code, 0);
  assert.match(none.out, /No paragraph of .* matches \/no such words\//);
});

test('annals tag: the sidecar folder, a workspace codebook, and its errors', async () => {
  const w = workspace();
  mkdirSync(path.join(w.dir, '.annals'));
  writeFileSync(
    path.join(w.dir, '.annals/codebook.json'),
    serializeCodebook({ version: 1, tags: [...DEFAULT_CODEBOOK.tags, { id: 'mine', label: '我的', color: '#abcdef', description: '' }] }),
  );
  const r = await cli('tag', w.src, '--match', '/法治/', '--tag', 'mine', '--workspace', w.dir, '--sidecar-folder', '.annals/sidecars');
  assert.equal(r.code, 0, r.err);
  const mirrored = path.join(w.dir, '.annals/sidecars/reports/nanhai.txt.annals.json');
  assert.ok(existsSync(mirrored));
  assert.ok(!existsSync(w.sidecar));
  assert.equal(JSON.parse(readFileSync(mirrored, 'utf8')).source, '../../../reports/nanhai.txt');

  const unknown = await cli('tag', w.src, '--match', 'x', '--tag', 'nope', '--workspace', w.dir);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /unknown tag “nope”.*Known tags: functions, rules/);
  const badRe = await cli('tag', w.src, '--match', '([', '--tag', 'figures', '--workspace', w.dir);
  assert.equal(badRe.code, 1);
  assert.match(badRe.err, /invalid regular expression/);
  const noYear = await cli('tag', w.src, '--match', 'x', '--tag', 'figures', '--year', '1990', '--workspace', w.dir);
  assert.equal(noYear.code, 1);
  assert.match(noYear.err, /has no report of 1990 \(it has 2018, 2017, 2016\)/);
  writeFileSync(path.join(w.dir, '.annals/codebook.json'), '{"tags": [}');
  const badCb = await cli('tag', w.src, '--match', 'x', '--tag', 'figures', '--workspace', w.dir);
  assert.equal(badCb.code, 1);
  assert.match(badCb.err, /codebook\.json: invalid JSON at line 1, column 11/);
});

test('annals tag never overwrites an unreadable sidecar', async () => {
  const w = workspace();
  writeFileSync(w.sidecar, '{"version": 3, "annotations": []}');
  const r = await cli('tag', w.src, '--match', '法治', '--tag', 'figures', '--workspace', w.dir);
  assert.equal(r.code, 1);
  assert.match(r.err, /written by a newer Annals/);
  assert.equal(readFileSync(w.sidecar, 'utf8'), '{"version": 3, "annotations": []}');
});

test('annals export: csv with a BOM, jsonl, md; a folder finds the sidecars; --out writes a file', async () => {
  const w = workspace();
  assert.equal((await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir)).code, 0);
  assert.equal((await cli('tag', w.src, '--match', '^2019年', '--tag', 'commitments', '--workspace', w.dir)).code, 0);
  const n = parseSidecar(readFileSync(w.sidecar, 'utf8'), w.sidecar);
  assert.ok(n.ok);
  const total = n.value.annotations.length;
  const csv = await cli('export', w.src, '--format', 'csv', '--workspace', w.dir);
  assert.equal(csv.code, 0, csv.err);
  assert.ok(csv.out.startsWith('\uFEFFyear,report,part,chapter,section,tags,note,author,created,paragraph text,anchor status\r\n'));
  assert.equal(csv.out.trimEnd().split('\r\n').length, total + 1);
  assert.match(csv.out, /\r\n2018,佛山市南海区人民政府2018年度法治政府建设工作报告,/);
  const jsonl = await cli('export', w.dir, '--format', 'jsonl', '--workspace', w.dir);
  assert.equal(jsonl.code, 0, jsonl.err);
  const lines = jsonl.out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, total);
  assert.ok(lines.every((a) => a.type === 'Annotation' && a['@context'] === 'http://www.w3.org/ns/anno.jsonld'));
  const out = path.join(w.dir, 'out', 'summary.md');
  const md = await cli('export', w.dir, '--format', 'md', '--out', out, '--workspace', w.dir);
  assert.equal(md.code, 0, md.err);
  assert.match(md.err, new RegExp(`Exported ${total} annotations from 1 source`));
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^## 依法有效化解社会矛盾纠纷 \(`disputes`\) — \d+$/m);
  const commitments = n.value.annotations.filter((a) => a.tags.includes('commitments')).length;
  assert.ok(commitments > 0);
  assert.match(text, new RegExp(`^## 计划承诺 \\(\`commitments\`\\) — ${commitments}$`, 'm'));
});

test('annals export: exit codes', async () => {
  const w = workspace();
  assert.equal((await cli('export', w.src)).code, 2);
  assert.equal((await cli('export', w.src, '--format', 'xlsx')).code, 2);
  assert.equal((await cli('export', '/no/such/place', '--format', 'csv')).code, 1);
  writeFileSync(w.sidecar, 'not json');
  const bad = await cli('export', w.dir, '--format', 'csv', '--workspace', w.dir);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /nanhai\.txt\.annals\.json: invalid JSON at line 1, column 1/);
  assert.equal((await cli('tag', w.src, '--tag', 'x')).code, 2);
  assert.equal((await cli('tag', w.src, '--match', 'x', '--tag', 'x', '--year', 'abc')).code, 2);
  assert.equal((await cli('tag', w.src, '--match', 'x', '--tag', 'x', '--bogus')).code, 2);
  const help = await cli('--help');
  assert.match(help.out, /tag <source> --match <regex> --tag <id>/);
  assert.match(help.out, /export <source\|dir> --format csv\|jsonl\|md/);
});

test('annals tag and export take the global --max-size-mb, as the usage says (it was an unknown option)', async () => {
  const w = workspace();
  const r = await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir, '--max-size-mb', '5');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Tagged \d+ paragraphs? with disputes/);
  const big = await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir, '--max-size-mb', '0.01');
  assert.equal(big.code, 1);
  assert.match(big.err, /nanhai\.txt: The file is 0\.1 MB, over the limit of 0\.0 MB/);
  const bad = await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--max-size-mb', 'x');
  assert.equal(bad.code, 2);
  assert.equal(bad.err, 'annals tag: --max-size-mb needs a positive number.\n');
  const csv = await cli('export', w.src, '--format', 'csv', '--workspace', w.dir, '--max-size-mb', '5');
  assert.equal(csv.code, 0, csv.err);
  assert.match(csv.out, /\r\n2018,佛山市南海区人民政府2018年度法治政府建设工作报告,/);
  assert.equal((await cli('export', w.src, '--format', 'csv', '--max-size-mb', '0')).code, 2);
});

test('options that make no sense for a command are still unknown options (exit 2, named); --help works on every command', async () => {
  const w = workspace();
  const json = await cli('tag', w.src, '--match', 'x', '--tag', 'figures', '--json');
  assert.equal(json.code, 2);
  assert.ok(json.err.startsWith('annals tag: unknown option “--json”.\n\nUsage: annals'));
  const ws = await cli('outline', FLAT, '--workspace', w.dir);
  assert.equal(ws.code, 2);
  assert.ok(ws.err.startsWith('annals: unknown option “--workspace”.\n\nUsage: annals'));
  const fmt = await cli('align', FLAT, '--format', 'csv');
  assert.equal(fmt.code, 2);
  assert.match(fmt.err, /unknown option “--format”/);
  for (const args of [
    ['outline', FLAT, '--help'],
    ['align', FLAT, '-h'],
    ['tag', w.src, '--match', 'x', '--help'],
    ['export', w.dir, '--format', 'csv', '-h'],
  ]) {
    const h = await cli(...args);
    assert.equal(h.code, 0, args.join(' '));
    assert.match(h.out, /^Usage: annals <command> \[options\]/);
    assert.equal(h.err, '');
  }
  // An option's value is never help: `--note -h` is a note.
  const note = await cli('tag', w.src, '--match', 'no such words', '--tag', 'figures', '--note', '-h', '--workspace', w.dir);
  assert.equal(note.code, 0, note.err);
  assert.match(note.out, /^No paragraph of /);
});

test('annals export takes its formats from the exporter registry', async () => {
  const { EXPORTERS } = await import('../../src/core/index.ts');
  const { run } = await import('../../src/cli/main.ts');
  let err = '';
  const io = { out: () => {}, err: (s: string) => void (err += s) };
  const code = await run(['export', 'x.txt', '--format', 'xlsx'], io);
  assert.equal(code, 2);
  assert.equal(err, 'annals export: --format must be csv, jsonl or md (got “xlsx”).\n');
  assert.deepEqual(
    EXPORTERS.map((e) => e.id),
    ['csv', 'jsonl', 'md'],
  );
  assert.ok(
    EXPORTERS.every((e) => e.label && e.description && e.extension),
    'each exporter names itself for the picker',
  );
});
