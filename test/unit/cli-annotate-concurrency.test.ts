/**
 * Concurrent writers on one sidecar (issue #12): two `annals tag` processes at once, 100 rounds,
 * and two stores on the real file system, 100 rounds. Nothing may be lost, and a run that exits 0
 * must have saved what it says it tagged. Before the lock, 22 rounds in 100 lost a run's tags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { AnnotationStore, DEFAULT_CODEBOOK, parseSidecar, serializeCodebook } from '../../src/core/index.ts';
import { nodeHost } from '../../src/cli/nodeHost.ts';
import { ROOT } from './helpers.ts';
import { tempDir } from './tmp.ts';

const ROUNDS = 100;
const REPORT = '某区2020年法治政府建设工作报告\n一、加强组织领导\n全年办理行政复议案件918宗，同比增长12%。\n二、规范行政执法\n全面推行行政执法公示制度。\n';

function run(cli: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

test(`two annals tag processes on one sidecar, ${ROUNDS} rounds: both exit 0 every time and nothing is lost`, async (t) => {
  const dir = tempDir('race');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // The CLI as it ships (one bundle), so that each run is a separate process with its own pid.
  const { commonOptions } = createRequire(path.join(ROOT, 'package.json'))('./scripts/esbuild-options.cjs') as {
    commonOptions: () => esbuild.BuildOptions;
  };
  const cli = path.join(dir, 'cli.cjs');
  esbuild.buildSync({ ...commonOptions(), sourcemap: false, entryPoints: [path.join(ROOT, 'src/cli/index.ts')], outfile: cli });
  const ws = path.join(dir, 'ws');
  mkdirSync(path.join(ws, '.annals'), { recursive: true });
  // One tag per writer and round, so that every run adds exactly one annotation.
  const tags = Array.from({ length: ROUNDS }, (_, r) => [`a${r}`, `b${r}`]).flat();
  writeFileSync(
    path.join(ws, '.annals/codebook.json'),
    serializeCodebook({ version: 1, tags: tags.map((id) => ({ id, label: id, color: DEFAULT_CODEBOOK.tags[0].color, description: '' })) }),
  );
  const src = path.join(ws, 'report.txt');
  writeFileSync(src, REPORT);
  const sidecar = `${src}.annals.json`;
  // Two writers, each running `annals tag` ROUNDS times in a row, side by side: their runs overlap
  // in every way. A run that exits 0 must find its tag in the sidecar at once.
  const tagsOnDisk = () => {
    const side = parseSidecar(readFileSync(sidecar, 'utf8'), sidecar);
    assert.ok(side.ok);
    return side.value.annotations.flatMap((a) => a.tags);
  };
  const writer = async (w: string) => {
    for (let r = 0; r < ROUNDS; r++) {
      const res = await run(cli, ['tag', src, '--match', '行政复议', '--tag', `${w}${r}`, '--workspace', ws]);
      assert.equal(res.code, 0, `run ${r} of writer ${w}: ${res.err}`);
      assert.match(res.out, new RegExp(`^Tagged 1 paragraph with ${w}${r} `));
      assert.ok(tagsOnDisk().includes(`${w}${r}`), `${w}${r} is in the sidecar when its run has exited 0`);
    }
  };
  await Promise.all([writer('a'), writer('b')]);
  const all = tagsOnDisk();
  assert.equal(all.length, 2 * ROUNDS, 'one annotation per run');
  assert.deepEqual(new Set(all), new Set(tags), "every run's tag, none lost");
});

test(`two stores on the real file system saving at once, ${ROUNDS} rounds: nothing is lost, neither drops its own`, async (t) => {
  const dir = tempDir('race');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const src = path.join(dir, 'report.txt').split(path.sep).join('/');
  const [a, b] = await Promise.all([AnnotationStore.open(nodeHost, src), AnnotationStore.open(nodeHost, src)]);
  const target = (n: number) => ({
    paragraph: `p${n}`,
    quote: { type: 'TextQuoteSelector' as const, exact: `x${n}`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start: n, end: n + 1 },
  });
  const mine: [string[], string[]] = [[], []];
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, s] of [a, b].entries()) {
      const x = s.add({ report: 'r', target: target(2 * r + k), tags: ['t'] });
      assert.ok(x.ok);
      mine[k].push(x.value.id);
    }
    const saved = await Promise.all([a.save(), b.save()]);
    assert.ok(saved.every((x) => x.ok));
    assert.ok((await Promise.all([a.reload(), b.reload()])).every((x) => x.ok));
    for (const [k, s] of [a, b].entries()) for (const id of mine[k]) assert.ok(s.get(id), `round ${r}: store ${k} keeps ${id}`);
  }
  assert.ok((await a.save()).ok && (await b.save()).ok);
  const side = parseSidecar(readFileSync(`${src}.annals.json`, 'utf8'), src);
  assert.ok(side.ok);
  const ids = new Set(side.value.annotations.map((x) => x.id));
  assert.equal(ids.size, 2 * ROUNDS);
  for (const id of [...mine[0], ...mine[1]]) assert.ok(ids.has(id));
});
