import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { run } from '../../src/cli/main.ts';
import { chapterParts } from '../../src/core/annotate/index.ts';
import { importSource, parseSidecar } from '../../src/core/index.ts';
import { SAMPLES } from './helpers.ts';
import { tempDir } from './tmp.ts';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** A workspace with the 2019 national report (chapters 一 review, 二 and 三 plan; no part headings). */
function workspace() {
  const dir = tempDir('scope');
  const src = path.join(dir, 'gwr-2019.txt');
  copyFileSync(path.join(SAMPLES, 'national/gwr-national-2019.txt'), src);
  const report = importSource(src, readFileSync(src)).reports[0];
  return { dir, src, sidecar: `${src}.annals.json`, report };
}

/** The part and chapter title of each tagged paragraph. */
function tagged(w: ReturnType<typeof workspace>) {
  const side = parseSidecar(readFileSync(w.sidecar, 'utf8'), w.sidecar);
  assert.ok(side.ok);
  const chapters = chapterParts(w.report);
  return side.value.annotations.map((a) => {
    const p = w.report.paragraphs.find((x) => x.id === a.target.paragraph)!;
    const c = chapters.find(({ node }) => p.line >= node.line && p.line <= node.endLine);
    return { part: c?.part, chapter: c?.node.title };
  });
}

test('annals tag --part plan: only paragraphs of the plan chapters (read from the titles when the report has no parts)', async () => {
  const w = workspace();
  const r = await cli('tag', w.src, '--match', '改革', '--tag', 'functions', '--part', 'plan', '--workspace', w.dir);
  assert.equal(r.code, 0, r.err);
  const t = tagged(w);
  assert.ok(t.length > 0);
  assert.deepEqual(new Set(t.map((x) => x.part)), new Set(['plan']));
  // The review part gets the others; together they are every match inside a chapter.
  const v = workspace();
  assert.equal((await cli('tag', v.src, '--match', '改革', '--tag', 'functions', '--part', 'review', '--workspace', v.dir)).code, 0);
  assert.deepEqual(new Set(tagged(v).map((x) => x.part)), new Set(['review']));
  const all = workspace();
  assert.equal((await cli('tag', all.src, '--match', '改革', '--tag', 'functions', '--workspace', all.dir)).code, 0);
  assert.ok(tagged(all).length >= t.length + tagged(v).length);
});

test('annals tag --chapter: the chapters whose title contains the words; none found says which chapters there are', async () => {
  const w = workspace();
  const r = await cli('tag', w.src, '--match', '改革', '--tag', 'functions', '--chapter', '政府工作任务', '--workspace', w.dir);
  assert.equal(r.code, 0, r.err);
  const t = tagged(w);
  assert.ok(t.length > 0);
  assert.deepEqual(new Set(t.map((x) => x.chapter)), new Set(['2019年政府工作任务']));
  const none = workspace();
  const miss = await cli('tag', none.src, '--match', '改革', '--tag', 'functions', '--chapter', '没有这一章', '--workspace', none.dir);
  assert.equal(miss.code, 1);
  assert.match(
    miss.err,
    /no chapter title of .* contains “没有这一章”\. Its chapters: 2018年工作回顾; 2019年经济社会发展总体要求和政策取向; 2019年政府工作任务\./,
  );
  assert.ok(!existsSync(none.sidecar));
  const bad = await cli('tag', none.src, '--match', '改革', '--tag', 'functions', '--part', 'future', '--workspace', none.dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--part is review or plan \(got “future”\)/);
});
