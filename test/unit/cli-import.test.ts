/** `annals import`: a .qdpx into a workspace, through the same store and codebook as `tag`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { run } from '../../src/cli/main.ts';
import { parseCodebook, parseSidecar } from '../../src/core/index.ts';
import { FIXTURES, FLAT } from './helpers.ts';
import { tempDir } from './tmp.ts';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function qdpxOf(dir: string, to: string): string {
  const files: Record<string, Uint8Array> = { 'project.qde': readFileSync(path.join(dir, 'project.qde')) };
  for (const f of readdirSync(path.join(dir, 'sources'))) files[`sources/${f}`] = readFileSync(path.join(dir, 'sources', f));
  writeFileSync(to, zipSync(files));
  return to;
}

test('annals import: reports, sidecars, codebook, coders and memos written; a second run adds nothing', async () => {
  const w = tempDir('import');
  const file = qdpxOf(path.join(FIXTURES, 'refi-qda/qualcoder'), path.join(w, 'gwr.qdpx'));
  const r = await cli('import', file, '--workspace', w);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Imported 1 report into .*gwr with 2 annotations; codebook: 3 tags added, 0 changed; 1 coder; 1 memo\.\n$/);
  const report = path.join(w, 'gwr', 'gwr-national-2019.txt');
  assert.ok(existsSync(report));
  const side = parseSidecar(readFileSync(`${report}.annals.json`, 'utf8'), 'x');
  assert.ok(side.ok);
  assert.deepEqual(side.value.annotations.map((a) => a.target.quote.exact).sort(), ['国内生产总值增长6.6%', '现在，我代表国务院，向大会报告政府工作'].sort());
  const cb = parseCodebook(readFileSync(path.join(w, '.annals/codebook.json'), 'utf8'));
  assert.ok(cb.ok);
  assert.ok(cb.value.tags.some((t) => t.label === 'GDP growth'));
  assert.equal(
    readFileSync(path.join(w, '.annals/project.json'), 'utf8'),
    '{\n  "coding": {\n    "mode": "shared"\n  },\n  "coders": [\n    {\n      "id": "default"\n    }\n  ]\n}\n',
    'written as serializeProject writes it',
  );
  assert.equal(readFileSync(path.join(w, '.annals/memos/Project memo.md'), 'utf8'), 'Code the 2019 report first.\n');
  const again = await cli('import', file, '--workspace', w);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /with 0 annotations; codebook: 0 tags added, 0 changed; 1 coder; 0 memos\./);
  assert.deepEqual(readdirSync(path.join(w, 'gwr')).sort(), ['gwr-national-2019.txt', 'gwr-national-2019.txt.annals.json'], 'no second copy of the report');
});

test('annals import: a code conflict needs --codes; a bad file, a bad choice and a missing file are refused', async () => {
  const w = tempDir('import');
  const file = qdpxOf(path.join(FIXTURES, 'refi-qda/maxqda'), path.join(w, 'anhui.qdpx'));
  const r = await cli('import', file, '--workspace', w);
  assert.equal(r.code, 1);
  assert.match(r.err, /the code “数据指标” is the tag figures of the codebook, with another colour and description\./);
  assert.match(r.err, /nothing was imported\. Give --codes keep/);
  assert.ok(!existsSync(path.join(w, 'anhui')), 'nothing written');
  const ok = await cli('import', file, '--workspace', w, '--codes', 'replace', '--into', 'reports');
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.err, /The source “Anhui yearbook” was not imported: a PDFSource is not a text\./);
  assert.ok(existsSync(path.join(w, 'reports', '2026_安徽省_政府工作报告.txt.annals.json')));
  const cb = parseCodebook(readFileSync(path.join(w, '.annals/codebook.json'), 'utf8'));
  assert.ok(cb.ok);
  assert.equal(cb.value.tags.find((t) => t.id === 'figures')?.color, '#ff0000');
  assert.equal((await cli('import', file, '--workspace', w, '--codes', 'merge')).code, 2);
  assert.equal((await cli('import', '--workspace', w)).code, 2);
  assert.equal((await cli('import', path.join(w, 'none.qdpx'), '--workspace', w)).code, 1);
  const src = path.join(w, 'plain.txt');
  copyFileSync(FLAT, src);
  const notQdpx = await cli('import', src, '--workspace', w);
  assert.equal(notQdpx.code, 1);
  assert.match(notQdpx.err, /is not a REFI-QDA project/);
  mkdirSync(path.join(w, 'd.qdpx'));
  assert.equal((await cli('import', path.join(w, 'd.qdpx'), '--workspace', w)).code, 1);
});

test('annals export --format qdpx then annals import into a second workspace: the same annotations', async () => {
  const w = tempDir('import');
  mkdirSync(path.join(w, 'reports'));
  const src = path.join(w, 'reports', 'nanhai.txt');
  copyFileSync(FLAT, src);
  assert.equal((await cli('tag', src, '--match', '复议', '--tag', 'disputes', '--workspace', w, '--author', 'alice')).code, 0);
  const out = path.join(w, 'p.qdpx');
  const e = await cli('export', w, '--format', 'qdpx', '--out', out, '--workspace', w);
  assert.equal(e.code, 0, e.err);
  assert.match(e.err, /^Exported \d+ annotations from 1 source to .*p\.qdpx\.\n$/, 'every annotation placed: none left out');
  const w2 = tempDir('import');
  const i = await cli('import', out, '--workspace', w2);
  assert.equal(i.code, 0, i.err);
  const before = parseSidecar(readFileSync(`${src}.annals.json`, 'utf8'), 'x');
  assert.ok(before.ok);
  const after = readdirSync(path.join(w2, 'p'))
    .filter((f) => f.endsWith('.annals.json'))
    .flatMap((f) => {
      const s = parseSidecar(readFileSync(path.join(w2, 'p', f), 'utf8'), f);
      assert.ok(s.ok);
      return s.value.annotations;
    });
  const key = (a: { target: { quote: { exact: string } }; tags: string[]; author: string }) => `${a.target.quote.exact}|${a.tags.join()}|${a.author}`;
  assert.deepEqual(after.map(key).sort(), before.value.annotations.map(key).sort());
  // An annotation whose text is gone cannot be a selection: the export says it left it out.
  const side = `${src}.annals.json`;
  const doc = JSON.parse(readFileSync(side, 'utf8'));
  doc.annotations[0].target.paragraph = 'p00000000';
  doc.annotations[0].target.quote.exact = '这一段文字从来没有出现在任何一份报告之中';
  writeFileSync(side, `${JSON.stringify(doc, null, 2)}\n`);
  const again = await cli('export', w, '--format', 'qdpx', '--out', path.join(w, 'q.qdpx'), '--workspace', w);
  assert.equal(again.code, 0, again.err);
  assert.match(again.err, /\n1 annotation was left out: it needs review or is an orphan \(no place in the text to export\)\.\n$/);
});
