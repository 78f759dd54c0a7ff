/** `annals tag --coder` in both coding modes, and `annals agree` (its JSON shape exactly). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { run } from '../../src/cli/main.ts';
import { parseSidecar } from '../../src/core/index.ts';
import { FLAT } from './helpers.ts';
import { tempDir } from './tmp.ts';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function workspace(mode?: 'shared' | 'independent') {
  const dir = tempDir('agree');
  mkdirSync(path.join(dir, 'reports'));
  mkdirSync(path.join(dir, '.annals'));
  const src = path.join(dir, 'reports', 'nanhai.txt');
  copyFileSync(FLAT, src);
  if (mode) writeFileSync(path.join(dir, '.annals', 'project.json'), JSON.stringify({ coding: { mode }, coders: [{ id: 'Wang' }, { id: 'Li' }] }));
  return { dir, src };
}

const tag = (w: { dir: string; src: string }, coder: string, match: string, t: string) =>
  cli('tag', w.src, '--match', match, '--tag', t, '--year', '2018', '--coder', coder, '--workspace', w.dir);

const annotationsOf = (file: string) => {
  const r = parseSidecar(readFileSync(file, 'utf8'), file);
  assert.ok(r.ok);
  return r.value.annotations;
};

test('independent coding: each coder writes their own sidecar; a coder skips only their own tags; agree --json has the exact shape', async () => {
  const w = workspace('independent');
  const none = await cli('tag', w.src, '--match', '行政复议', '--tag', 'disputes', '--workspace', w.dir);
  assert.equal(none.code, 2);
  assert.match(none.err, /codes independently.*--coder NAME/);
  const li = await tag(w, 'Li', '行政复议', 'disputes');
  assert.equal(li.code, 0, li.err);
  assert.match(li.out, /^Tagged 3 paragraphs with disputes/);
  const wang = await tag(w, 'Wang', '行政复议', 'disputes');
  assert.match(wang.out, /^Tagged 3 paragraphs/, 'Li’s tags do not stop Wang');
  const again = await tag(w, 'wang', '行政复议', 'disputes');
  assert.match(again.out, /Tagged 0 paragraphs.*3 already had it from wang/);
  // --author is the alias of --coder.
  const alias = await cli('tag', w.src, '--match', '纠纷', '--tag', 'disputes', '--year', '2018', '--author', 'Wang', '--workspace', w.dir);
  assert.equal(alias.code, 0, alias.err);
  const extra = Number(/Tagged (\d+)/.exec(alias.out)?.[1]);
  assert.ok(extra > 0, alias.out);
  const liFile = `${w.src}.annals.li.json`;
  const wangFile = `${w.src}.annals.wang.json`;
  assert.equal(existsSync(`${w.src}.annals.json`), false, 'the shared sidecar is not written');
  assert.equal(annotationsOf(liFile).length, 3);
  assert.ok(annotationsOf(liFile).every((a) => a.author === 'Li'));
  assert.equal(annotationsOf(wangFile).length, 3 + extra);
  await tag(w, 'Li', '数字政府|政务服务', 'functions');

  const r = await cli('agree', w.src, '--json', '--workspace', w.dir);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(Object.keys(j), ['coders', 'units', 'overall', 'tags']);
  assert.deepEqual(j.coders, ['Li', 'Wang'], 'the project’s coders, sorted by id');
  const agrKeys = ['units', 'percent', 'kappa', 'alpha'];
  assert.deepEqual(Object.keys(j.overall), agrKeys);
  assert.deepEqual(Object.keys(j.tags).sort(), ['disputes', 'functions']);
  for (const a of Object.values(j.tags) as Record<string, unknown>[]) assert.deepEqual(Object.keys(a), agrKeys);
  // Both coders coded only the 2018 report (their tags are all there): its paragraphs are the units.
  assert.equal(j.tags.disputes.units, j.units);
  assert.ok(Number.isInteger(j.units) && j.units > 20);
  const disagree = extra; // Wang's extra 复议 paragraphs
  assert.equal(j.tags.disputes.percent, (100 * (j.units - disagree)) / j.units);
  // functions: only Li used it, Wang never: κ and α are defined (Li varies) and at most 0.
  assert.ok(j.tags.functions.kappa <= 0);
  assert.equal(j.overall.units, 2 * j.units);
  // A sidecar stands for its source.
  const bySidecar = await cli('agree', liFile, '--json', '--workspace', w.dir);
  assert.equal(bySidecar.out, r.out);
  const human = await cli('agree', w.src, '--workspace', w.dir);
  assert.equal(human.code, 0);
  assert.match(
    human.out,
    /^Agreement of 2 coders \(Li, Wang\) over \d+ paragraphs of 1 report; lowest first\.\n\ntag +units +percent +kappa +alpha\nfunctions /,
  );
  assert.match(human.out, /\(overall\) /);
});

test('shared coding: tags of another coder in the same sidecar do not stop a coder; agreement by author; fewer than two coders is an error', async () => {
  const w = workspace('shared');
  assert.equal((await tag(w, 'Li', '行政复议', 'disputes')).code, 0);
  const one = await cli('agree', w.src, '--workspace', w.dir);
  assert.equal(one.code, 1);
  assert.match(one.err, /at least two coders; only Li coded these reports/);
  const wang = await tag(w, 'Wang', '行政复议', 'disputes');
  assert.match(wang.out, /^Tagged 3 paragraphs/);
  const shared = `${w.src}.annals.json`;
  assert.deepEqual(
    annotationsOf(shared)
      .map((a) => a.author)
      .sort(),
    ['Li', 'Li', 'Li', 'Wang', 'Wang', 'Wang'],
  );
  const r = await cli('agree', w.src, '--json', '--workspace', w.dir);
  const j = JSON.parse(r.out);
  assert.deepEqual(j.tags.disputes, { units: j.units, percent: 100, kappa: 1, alpha: 1 });
  const usage = await cli('agree');
  assert.equal(usage.code, 2);
});

test('a broken project.json is reported with its place, and nothing is tagged', async () => {
  const w = workspace();
  writeFileSync(path.join(w.dir, '.annals', 'project.json'), '{"coding":{"mode":"alone"}}');
  const r = await tag(w, 'Li', '行政复议', 'disputes');
  assert.equal(r.code, 1);
  assert.match(r.err, /project\.json: coding\.mode: expected "shared" or "independent"/);
  assert.equal(existsSync(`${w.src}.annals.json`), false);
});
