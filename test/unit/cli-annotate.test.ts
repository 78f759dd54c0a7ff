import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { run } from '../../src/cli/main.ts';
import { parseSidecar, problemText, serializeCodebook, DEFAULT_CODEBOOK } from '../../src/core/index.ts';
import { FLAT } from './helpers.ts';
import { removeAtExit, tempDir } from './tmp.ts';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function workspace() {
  const dir = tempDir('tag');
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
  assert.equal(anns.length, 3, 'the 2018 report names 行政复议 in three paragraphs');
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
  assert.ok(
    csv.out.startsWith(
      '\uFEFFsource,report id,series,issuer,year,report,part,chapter,section,paragraph id,tags,tag ids,quote,start,end,scope,note,coder,created,modified,anchor status,report memo\r\n',
    ),
  );
  assert.equal(csv.out.trimEnd().split('\r\n').length, total + 1);
  assert.match(
    csv.out,
    /\r\n[^,]*nanhai\.txt,r[0-9a-f]{8},佛山市南海区人民政府 · 法治政府建设工作报告,佛山市南海区人民政府,2018,佛山市南海区人民政府2018年度法治政府建设工作报告,/,
  );
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
  assert.equal((await cli('export', w.src, '--format', 'pdf')).code, 2);
  const binary = await cli('export', w.src, '--format', 'qdpx');
  assert.equal(binary.code, 2, 'a binary format needs --out');
  assert.equal(binary.err, 'annals export: --format qdpx writes a binary file: give --out F.qdpx.\n');
  assert.equal(binary.out, '');
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
  assert.match(
    csv.out,
    /\r\n[^,]*nanhai\.txt,r[0-9a-f]{8},佛山市南海区人民政府 · 法治政府建设工作报告,佛山市南海区人民政府,2018,佛山市南海区人民政府2018年度法治政府建设工作报告,/,
  );
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
  const code = await run(['export', 'x.txt', '--format', 'ods'], io);
  assert.equal(code, 2);
  assert.equal(err, 'annals export: --format must be csv, jsonl, md, xlsx or qdpx (got “ods”).\n');
  assert.deepEqual(
    EXPORTERS.map((e) => e.id),
    ['csv', 'jsonl', 'md', 'xlsx', 'qdpx'],
  );
  assert.ok(
    EXPORTERS.every((e) => e.label && e.description && e.extension),
    'each exporter names itself for the picker',
  );
});

// ---------------------------------------------------------------------------------------------
// Reliability (issue #12): what --out may overwrite, folder exports that leave things out, a sidecar
// folder outside the workspace, a save that cannot get the lock, terminal escapes in report text.

test('annals export --out refuses to write over a sidecar, a codebook, a source it reads or any report source; nothing is touched', async () => {
  const w = workspace();
  assert.equal((await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir)).code, 0);
  mkdirSync(path.join(w.dir, '.annals'), { recursive: true });
  const codebook = path.join(w.dir, '.annals/codebook.json');
  writeFileSync(codebook, serializeCodebook(DEFAULT_CODEBOOK));
  const other = path.join(w.dir, 'reports', 'other.html');
  writeFileSync(other, '<html><body><p>某区2020年工作报告</p></body></html>');
  const before = new Map([w.sidecar, codebook, w.src, other].map((f) => [f, readFileSync(f)]));
  for (const [out, why] of [
    [w.sidecar, /it is a sidecar/],
    [`${w.dir}/reports/new.txt.annals.json`, /it is a sidecar/],
    [codebook, /it is a codebook/],
    [w.src, /this export reads it|which may be a report source/],
    [other, /it is a \.html file, which may be a report source/],
    [path.join(w.dir, 'reports'), /it is a folder/],
  ] as const) {
    const r = await cli('export', w.src, '--format', 'csv', '--workspace', w.dir, '--out', out);
    assert.equal(r.code, 2, `${out}: ${r.err}`);
    assert.match(r.err, why);
    assert.match(r.err, /not written: .*Name a new \.csv file\.\n$/);
    assert.equal(r.out, '');
  }
  for (const [f, bytes] of before) assert.deepEqual(readFileSync(f), bytes, `${f} is untouched`);
  assert.ok(!existsSync(`${w.dir}/reports/new.txt.annals.json`));
  // The source through a link named like an export is still the source.
  const link = path.join(w.dir, 'looks-like.csv');
  symlinkSync(w.src, link);
  const viaLink = await cli('export', w.src, '--format', 'csv', '--workspace', w.dir, '--out', link);
  assert.equal(viaLink.code, 2);
  assert.match(viaLink.err, /it is a \.txt file, which may be a report source/, 'judged by what it points to');
  assert.deepEqual(readFileSync(w.src), before.get(w.src));
});

test('annals export --out writes atomically: the previous export is replaced whole, and no temporary file is left', async () => {
  const w = workspace();
  assert.equal((await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir)).code, 0);
  const out = path.join(w.dir, 'export.csv');
  writeFileSync(out, 'the previous export\n');
  const r = await cli('export', w.src, '--format', 'csv', '--workspace', w.dir, '--out', out);
  assert.equal(r.code, 0, r.err);
  const csv = readFileSync(out, 'utf8');
  assert.ok(csv.startsWith('\uFEFFsource,report id,'));
  assert.deepEqual(readdirSync(w.dir).sort(), ['export.csv', 'reports']);
});

test('a failed write of an export (a full disk) leaves the previous file, and no temporary file', async () => {
  const { writeFileAtomic } = await import('../../src/core/index.ts');
  const { MemFs } = await import('./memfs.ts');
  const fs = new MemFs();
  fs.put('/out/export.md', 'previous');
  fs.failNextWriteAfter = 3;
  const r = await writeFileAtomic(fs, '/out/export.md', new TextEncoder().encode('# Annotations\n\nnew text'));
  assert.ok(!r.ok);
  assert.equal(problemText(r.problem), '/out/export.md: could not be written (disk full (simulated)); the previous file, if there was one, is as it was.');
  assert.equal(fs.text('/out/export.md'), 'previous');
  assert.deepEqual(fs.paths(), ['/out/export.md']);
  assert.ok((await writeFileAtomic(fs, '/out/export.md', new TextEncoder().encode('new'))).ok);
  assert.equal(fs.text('/out/export.md'), 'new');
  assert.deepEqual(fs.paths(), ['/out/export.md']);
});

test('a folder export says what it skipped and why, exports the rest, and exits 1', async () => {
  const w = workspace();
  assert.equal((await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir)).code, 0);
  const tagged = (parseSidecar(readFileSync(w.sidecar, 'utf8'), w.sidecar) as { ok: true; value: { annotations: unknown[] } }).value.annotations.length;
  // A subfolder that cannot be read: its name is not UTF-8 (a GBK name unzipped on Linux), so it cannot be opened by the name read.
  const bad = Buffer.concat([Buffer.from(path.join(w.dir, 'reports') + path.sep), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6])]);
  mkdirSync(bad);
  // A sidecar whose source is outside the folder, in a sibling whose name starts like it (ws-old next to ws).
  const sibling = removeAtExit(`${w.dir}-old`);
  mkdirSync(sibling);
  copyFileSync(w.src, path.join(sibling, 'nanhai.txt'));
  const stray = path.join(w.dir, 'reports', 'stray.txt.annals.json');
  const side = JSON.parse(readFileSync(w.sidecar, 'utf8'));
  writeFileSync(stray, JSON.stringify({ ...side, source: `../../${path.basename(sibling)}/nanhai.txt` }, null, 2));
  const r = await cli('export', w.dir, '--format', 'jsonl', '--workspace', w.dir);
  assert.equal(r.code, 1, r.err);
  assert.equal(r.out.trimEnd().split('\n').length, tagged, 'the readable sidecar is exported');
  assert.match(r.err, /annals export: skipped .*reports\/\uFFFD+: the folder cannot be read: no such folder\.\n/);
  assert.match(r.err, new RegExp(`annals export: skipped .*stray\\.txt\\.annals\\.json: its source ${sibling}/nanhai\\.txt is outside ${w.dir}\\.\\n`));
  assert.match(r.err, /annals export: 2 items were skipped \(listed above\)\.\n$/);
  if (process.getuid?.() !== 0) {
    // Where permissions apply (not as root): a folder without read permission, too.
    const locked = path.join(w.dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0);
    const p = await cli('export', w.dir, '--format', 'csv', '--workspace', w.dir);
    chmodSync(locked, 0o755);
    assert.equal(p.code, 1);
    assert.match(p.err, /skipped .*locked: the folder cannot be read: permission denied/);
  }
});

test('--sidecar-folder outside the workspace is a usage error, normalised inside it', async () => {
  const w = workspace();
  for (const folder of ['../x', 'a/../../x']) {
    const r = await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir, '--sidecar-folder', folder);
    assert.equal(r.code, 2);
    assert.equal(
      r.err,
      `annals tag: --sidecar-folder: the sidecar folder “${folder}” leaves the workspace; it must be a folder inside it, such as .annals/sidecars.\n`,
    );
    const e = await cli('export', w.src, '--format', 'csv', '--workspace', w.dir, '--sidecar-folder', folder);
    assert.equal(e.code, 2);
  }
  assert.ok(!existsSync(path.join(path.dirname(w.dir), 'x')));
  const ok = await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir, '--sidecar-folder', './tmp/../.annals/sidecars/');
  assert.equal(ok.code, 0, ok.err);
  const mirrored = path.join(w.dir, '.annals/sidecars/reports/nanhai.txt.annals.json');
  assert.equal(JSON.parse(readFileSync(mirrored, 'utf8')).source, '../../../reports/nanhai.txt');
});

test('annals tag cannot get the lock: it waits, fails loudly, never says “Tagged”, and says that nothing of the run was saved', async () => {
  const w = workspace();
  // A running process of this machine holds the lock (this test's own process).
  writeFileSync(`${w.sidecar}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), token: 'x' }));
  process.env.ANNALS_LOCK_WAIT_SECONDS = '0.2';
  try {
    const r = await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(
      r.err,
      new RegExp(
        `^annals: .*nanhai\\.txt\\.annals\\.json: not saved: its lock file .*\\.lock is held by process ${process.pid} on .* and was not released within 0 s\\.`,
      ),
    );
    assert.match(r.err, /Nothing from this run was saved, and the sidecar is as it was: run the command again\.\n$/);
    assert.doesNotMatch(r.err, /kept in memory/);
    assert.ok(!existsSync(w.sidecar));
  } finally {
    delete process.env.ANNALS_LOCK_WAIT_SECONDS;
  }
  // A lock left by a process that is gone (a killed run) does not block the next one.
  writeFileSync(`${w.sidecar}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), time: new Date().toISOString(), token: 'x' }));
  const again = await cli('tag', w.src, '--match', '复议', '--tag', 'disputes', '--workspace', w.dir);
  assert.equal(again.code, 0, again.err);
  assert.ok(!existsSync(`${w.sidecar}.lock`), 'released');
});

test('report text with terminal escapes (ESC, BEL, OSC 52, C1 CSI) reaches neither the terminal nor the CSV and Markdown exports', async () => {
  const dir = tempDir('esc');
  const src = path.join(dir, 'evil.txt');
  const title = '某区2020年工作报告\x1b]0;pwned\x07\x1b]52;c;ZWNobyBoaQ==\x07';
  writeFileSync(src, `${title}\n一、总体情况\n全年办理行政复议案件\x1b[2J\x1b[H12宗\x9b31m，同比增长\r5%。\n`);
  const tag = await cli('tag', src, '--match', '复议', '--tag', 'disputes', '--workspace', dir, '--note', 'note\x1b[31mred');
  assert.equal(tag.code, 0, tag.err);
  const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
  for (const format of ['csv', 'md']) {
    const r = await cli('export', src, '--format', format, '--workspace', dir);
    assert.equal(r.code, 0, r.err);
    const text = format === 'csv' ? r.out.replace(/\r\n/g, '\n') : r.out;
    assert.doesNotMatch(text, controls, `${format} has no control character`);
    assert.match(text, /␛\\?\]52;c;ZWNobyBoaQ==␇/, `${format} shows the escape as text`);
    assert.match(text, /12宗\uFFFD31m/);
  }
  const jsonl = await cli('export', src, '--format', 'jsonl', '--workspace', dir);
  assert.doesNotMatch(jsonl.out, controls, 'JSON escapes them');
  const a = JSON.parse(jsonl.out);
  assert.match(a.body[1].value, /^note\x1b\[31mred$/, 'and keeps them as data');
  // Messages: a file name with an escape in it.
  const named = path.join(dir, 'x\x1b]0;t\x07.txt');
  const miss = await cli('tag', named, '--match', 'x', '--tag', 'disputes', '--workspace', dir);
  assert.equal(miss.code, 1);
  assert.doesNotMatch(miss.err, controls);
  assert.match(miss.err, /x␛\]0;t␇\.txt: cannot read: no such file/);
});
