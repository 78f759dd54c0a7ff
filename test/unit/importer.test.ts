import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { exportRows, importSource, readQdpx, toQdpx } from '../../src/core/index.ts';
import { WorkerImporter } from '../../src/extension/importer.ts';
import { packImport, unpackImport } from '../../src/host/importWire.ts';
import { ReportService } from '../../src/extension/reportService.ts';
import { InlineImporter } from './inlineImporter.ts';
import { Corpus } from '../../src/extension/corpus.ts';
import { ReportsTree } from '../../src/extension/reportsTree.ts';
import { SourceProblems } from '../../src/extension/sourceProblems.ts';
import { FLAT, ROOT } from './helpers.ts';
import { tempDir } from './tmp.ts';

const STALL = path.join(ROOT, 'test/unit/workers/stallWorker.mjs');

/** The worker as the build bundles it (scripts/build.mjs), into a temporary folder. */
function buildWorker(): { script: string; dispose(): void } {
  const out = tempDir('worker');
  const script = path.join(out, 'importWorker.js');
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild');
  const { commonOptions } = require(path.join(ROOT, 'scripts/esbuild-options.cjs'));
  esbuild.buildSync({ ...commonOptions({ production: true }), entryPoints: [path.join(ROOT, 'src/extension/importWorker.ts')], outfile: script });
  return { script, dispose: () => rmSync(out, { recursive: true, force: true }) };
}

test('the import worker gives the same import as the core on this thread', async () => {
  const built = buildWorker();
  const importer = new WorkerImporter({ script: built.script, timeoutSeconds: () => 60, size: 1 });
  try {
    const bytes = new Uint8Array(readFileSync(FLAT));
    const off = await importer.run(FLAT, bytes, {});
    assert.deepEqual(off, importSource(FLAT, bytes));
    assert.equal(off.reports.length, 3);
  } finally {
    importer.dispose();
    built.dispose();
  }
});

test('the import worker reads a REFI-QDA project as the core does on this thread, a damaged one with the same problem', async () => {
  const built = buildWorker();
  const importer = new WorkerImporter({ script: built.script, timeoutSeconds: () => 60, size: 1 });
  try {
    const imp = importSource(FLAT, new Uint8Array(readFileSync(FLAT)));
    const sources = [{ source: 'flat.txt', imp, annotations: [] }];
    const bytes = toQdpx(exportRows(sources, null), null, { sources, now: '2026-01-02T03:04:05.000Z' });
    const off = await importer.readQdpx('p.qdpx', bytes, 50 * 1024 * 1024);
    assert.ok(off.ok);
    assert.equal(off.value.sources.length, 3, 'one text a report');
    assert.deepEqual(off, readQdpx(bytes, 50 * 1024 * 1024));
    const damaged = bytes.slice(0, 200);
    const bad = await importer.readQdpx('bad.qdpx', damaged, 50 * 1024 * 1024);
    assert.equal(bad.ok, false);
    assert.deepEqual(bad, readQdpx(damaged, 50 * 1024 * 1024));
  } finally {
    importer.dispose();
    built.dispose();
  }
});

test('a REFI-QDA project over its time budget, or whose worker dies, is a problem; the next file is read', async () => {
  const importer = new WorkerImporter({ script: STALL, timeoutSeconds: () => 1, size: 1 });
  try {
    const [stalled, after] = await Promise.all([importer.readQdpx('stall', new Uint8Array(1), 100), importer.run('fine', new Uint8Array(5), {})]);
    assert.deepEqual(stalled, { ok: false, problem: { code: 'importTimeout', args: ['1'] } });
    assert.deepEqual(after.diagnostics, []);
    const died = await importer.readQdpx('exit', new Uint8Array(1), 100);
    assert.equal(died.ok ? '' : died.problem.code, 'importStopped');
    assert.match(died.ok ? '' : String(died.problem.args[0]), /exited with code 3/);
    const fine = await importer.readQdpx('p.qdpx', new Uint8Array(7), 100);
    assert.deepEqual(fine, { ok: true, value: { name: 'p.qdpx', bytes: 7 } });
  } finally {
    importer.dispose();
  }
  const gone = await importer.readQdpx('late.qdpx', new Uint8Array(1), 100);
  assert.equal(gone.ok ? '' : gone.problem.code, 'importStopped', 'after dispose: answered, not hung');
});

test('a file over its time budget is given up with an error; the worker is replaced and the next file is read', async () => {
  const importer = new WorkerImporter({ script: STALL, timeoutSeconds: () => 1, size: 1 });
  try {
    const started = Date.now();
    const [stalled, after] = await Promise.all([importer.run('stall', new Uint8Array(1), {}), importer.run('fine', new Uint8Array(5), {})]);
    assert.equal(stalled.diagnostics[0].code, 'importTimeout');
    assert.equal(
      stalled.diagnostics[0].message,
      'Gave up after 1 s: reading this file took too long (setting annals.importTimeoutSeconds). The other files were read.',
    );
    assert.equal(stalled.reports.length, 0);
    assert.deepEqual(after.diagnostics, [], 'the file queued behind it is read by a new worker');
    assert.equal((after as unknown as { bytes: number }).bytes, 5);
    assert.ok(Date.now() - started >= 1000);
  } finally {
    importer.dispose();
  }
});

test('a worker is sent its next file while it reads one, so it never waits for the next request', { timeout: 30_000 }, async () => {
  const importer = new WorkerImporter({ script: STALL, timeoutSeconds: () => 30, size: 1 });
  try {
    const [first, second] = await Promise.all([importer.run('slow', new Uint8Array(1), {}), importer.run('fine', new Uint8Array(3), {})]);
    assert.equal((first as unknown as { received: number }).received, 2, 'the second request was posted before the first was answered');
    assert.equal((second as unknown as { bytes: number }).bytes, 3);
  } finally {
    importer.dispose();
  }
});

test('the file sent after one that runs over its budget, or whose worker dies, is read by a new worker', { timeout: 30_000 }, async () => {
  const importer = new WorkerImporter({ script: STALL, timeoutSeconds: () => 1, size: 1 });
  try {
    const [blocked, after] = await Promise.all([importer.run('block', new Uint8Array(1), {}), importer.run('fine', new Uint8Array(4), {})]);
    assert.equal(blocked.diagnostics[0].code, 'importTimeout');
    assert.deepEqual(after.diagnostics, [], 'not failed with the blocked one');
    assert.equal((after as unknown as { bytes: number }).bytes, 4);
    const [died, next] = await Promise.all([importer.run('exit', new Uint8Array(1), {}), importer.run('fine', new Uint8Array(6), {})]);
    assert.equal(died.diagnostics[0].code, 'importStopped');
    assert.deepEqual(next.diagnostics, []);
    assert.equal((next as unknown as { bytes: number }).bytes, 6);
  } finally {
    importer.dispose();
  }
});

test('a worker posts a paragraph without the text its report already holds, and the import is whole again on arrival', () => {
  const bytes = new Uint8Array(readFileSync(FLAT));
  const imp = importSource(FLAT, bytes);
  // A paragraph whose text is not its report's text at its offsets keeps its own.
  const odd = imp.reports[0].paragraphs[1];
  odd.text = `${odd.text}*`;
  const packed = structuredClone(packImport(structuredClone(imp)));
  const paragraphs = packed.reports.flatMap((r) => r.paragraphs);
  assert.ok(paragraphs.length > 20);
  assert.deepEqual(
    paragraphs.filter((p) => p.text !== undefined).map((p) => p.text),
    [odd.text],
    'only the paragraph whose text differs travels with it',
  );
  assert.deepEqual(unpackImport(packed), imp);
  // A message that is not an import's shape (a stand-in worker's) is left as it is: the receiver never throws on it.
  const odd2 = { source: 's', format: 'text', diagnostics: [], reports: [{ title: 't', paragraphs: 3 }] };
  assert.equal(unpackImport(odd2 as never), odd2);
  assert.equal(unpackImport(null as never), null);
});

test('a worker that dies fails its file only', async () => {
  const importer = new WorkerImporter({ script: STALL, timeoutSeconds: () => 30, size: 1 });
  try {
    const died = await importer.run('exit', new Uint8Array(1), {});
    assert.equal(died.diagnostics[0].code, 'importStopped');
    assert.match(died.diagnostics[0].message, /exited with code 3/);
    const threw = await importer.run('throw', new Uint8Array(1), {});
    assert.equal(threw.diagnostics[0].code, 'importStopped');
    assert.match(threw.diagnostics[0].message, /boom/);
    const fine = await importer.run('fine', new Uint8Array(2), {});
    assert.deepEqual(fine.diagnostics, []);
  } finally {
    importer.dispose();
  }
});

test('after dispose, nothing runs and waiting files are answered', async () => {
  const importer = new WorkerImporter({ script: STALL, timeoutSeconds: () => 30, size: 1 });
  const pending = importer.run('stall', new Uint8Array(1), {});
  importer.dispose();
  assert.equal((await pending).diagnostics[0].code, 'importStopped');
  assert.equal((await importer.run('fine', new Uint8Array(1), {})).diagnostics[0].code, 'importStopped');
});

test('a FIFO is refused at once, and unreadable files are listed in the Reports view and in Problems', async () => {
  const root = tempDir('fifo');
  fake.reset(root);
  try {
    execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
    writeFileSync(path.join(root, 'report.txt'), readFileSync(FLAT));
    writeFileSync(path.join(root, 'binary.txt'), new Uint8Array([0, 1, 2, 3, 0, 0, 7]));
    writeFileSync(path.join(root, 'note.txt'), '买菜，记得。');
    const reports = new ReportService(new InlineImporter());
    const pipe = await reports.load(vscode.Uri.file(path.join(root, 'pipe.txt')));
    assert.equal(pipe.diagnostics[0].code, 'notRegularFile');
    const corpus = new Corpus(reports);
    const problems = new SourceProblems(corpus);
    const tree = new ReportsTree(corpus, undefined, {});
    const top = await tree.getChildren();
    const failures = top.find((n) => n.type === 'failures');
    assert.ok(failures, 'a failures node');
    assert.equal(tree.getTreeItem(failures).label, '2 files could not be read');
    const rows = await tree.getChildren(failures);
    assert.deepEqual(
      rows.map((r) => [tree.getTreeItem(r).label, tree.getTreeItem(r).description]),
      [
        ['binary.txt', 'This is a binary file (it holds NUL or control bytes near the start), not a feed, page or text report.'],
        ['pipe.txt', 'This is not a regular file (a pipe, socket or device): it is not read.'],
      ],
      'a note with no report is not a failure',
    );
    assert.ok(
      top.some((n) => n.type === 'series'),
      'the readable report is listed',
    );
    await new Promise((r) => setTimeout(r, 0));
    const published = fake.diagnosticCollections.get('annals-sources')!;
    assert.deepEqual([...published.keys()].map((k) => k.slice(k.lastIndexOf('/') + 1)).sort(), ['binary.txt', 'pipe.txt']);
    problems.dispose();
    corpus.dispose();
    reports.dispose();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
