/**
 * Stored heads (issue #13, the editor's first fill): the Corpus keeps its reports' heads from one
 * session to the next (HeadStore, in the extension's storage for the workspace). A workspace opened
 * again shows its series from them without reading a file, then checks every file against the disk
 * and updates those that changed; a store of another build, or damaged, is not used.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './tmp.ts';
import { test } from 'node:test';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { FIXTURES } from './helpers.ts';
import { InlineImporter } from './inlineImporter.ts';
import {
  contentHash,
  diag,
  groupSeries,
  importSource,
  type Report,
  type ReportHead,
  reportHead,
  restoreHead,
  type SourceImport,
  storeHead,
} from '../../src/core/index.ts';
import { ReportService } from '../../src/extension/reportService.ts';
import { Corpus, type CorpusGrouping } from '../../src/extension/corpus.ts';
import { HeadStore } from '../../src/extension/headStore.ts';

const national = (y: number) => readFileSync(path.join(FIXTURES, `national/gwr-national-${y}.txt`), 'utf8');
const county = (name: string, y: number) => `${name}${y}年政府工作报告\n\n${national(y)}`;

/** Counts the imports, and makes `fail` time out as a worker that took too long. */
class CountingImporter extends InlineImporter {
  imports: string[] = [];
  fail = new Set<string>();
  override async run(source: string, bytes: Uint8Array, options: { maxBytes?: number }): Promise<SourceImport> {
    this.imports.push(path.basename(source));
    if (this.fail.has(path.basename(source))) return { source, format: 'text', diagnostics: [diag('error', 'importTimeout', ['1'])], reports: [] };
    return super.run(source, bytes, options);
  }
}

function workspace() {
  const root = tempDir('stored');
  const storage = path.join(root, '.storage');
  mkdirSync(path.join(root, 'reports'));
  const file = (name: string) => path.join(root, 'reports', name);
  for (const y of [2010, 2011, 2012]) writeFileSync(file(`anping-${y}.txt`), county('安平县', y));
  for (const y of [2010, 2011]) writeFileSync(file(`hefeng-${y}.txt`), county('和丰县', y));
  writeFileSync(file('note.txt'), '会议纪要\n\n今天开会。\n');
  fake.reset(root);
  let build = 'build 1';
  const sessions: { corpus: Corpus; reports: ReportService }[] = [];
  return {
    root,
    file,
    setBuild(b: string) {
      build = b;
    },
    storeFile: path.join(storage, 'heads.json'),
    /** A new session of the extension: its own services, the same storage. */
    open() {
      const importer = new CountingImporter();
      const reports = new ReportService(importer);
      const store = new HeadStore(vscode.Uri.file(storage), async () => build);
      const corpus = new Corpus(reports, { store, log: { info: (m: string) => fake.logs.push(m) } });
      sessions.push({ corpus, reports });
      return { importer, reports, corpus };
    },
    /** A first session: every file read, grouped, its heads stored; what the views show of it. */
    async storeFirst() {
      const first = this.open();
      const shown = shape(await first.corpus.grouping());
      await first.corpus.flushStore();
      return shown;
    },
    dispose() {
      for (const s of sessions) s.corpus.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs `f` on a new workspace, removed after. */
async function withWorkspace(f: (w: ReturnType<typeof workspace>) => Promise<void>): Promise<void> {
  const w = workspace();
  try {
    await f(w);
  } finally {
    w.dispose();
  }
}

/** The stored file: its first line, and one line a file (JSON Lines). */
function readStore(file: string): { head: { format: number; build: string }; files: Record<string, any> } {
  const [first, ...rest] = readFileSync(file, 'utf8').trimEnd().split('\n');
  return { head: JSON.parse(first), files: Object.fromEntries(rest.map((l) => JSON.parse(l)).map((e) => [e.key, e])) };
}

/** What the views show of a grouping: each series' reports (year, title, file), the reports in none, the problems. */
const shape = (g: CorpusGrouping) => ({
  series: g.series.map((s) => [s.label, s.reports.map((m) => `${m.report.year} ${m.report.title} ${path.basename(m.source.fsPath)}`)]),
  unplaced: g.unplaced.map((l) => path.basename(l.source.fsPath)),
  problems: g.problems.map((p) => `${p.problem.code} ${p.source ? path.basename(p.source.fsPath) : ''}`),
});

test('a stored head, read back, is the head: the same JSON, content hash and shares, grouped the same', () => {
  const reports: Report[] = [];
  for (const name of ['national/gwr-national-2011.txt', 'national/gwr-national-2012.txt']) {
    const f = path.join(FIXTURES, name);
    reports.push(...importSource(f, readFileSync(f)).reports);
  }
  const heads = reports.map(reportHead);
  const back = heads.map((h) => restoreHead(JSON.parse(JSON.stringify(storeHead(h)))) as ReportHead);
  for (const [i, h] of back.entries()) {
    assert.ok(h, 'read back');
    assert.deepEqual(h, heads[i]);
    assert.equal(contentHash(h), contentHash(reports[i]));
  }
  // Grouped the same, copies included: a second file of the 2011 report (the shares of paragraphs the grouping reads).
  const g = (rs: ReportHead[]) => groupSeries([...rs, rs[0]].map((report, i) => ({ source: `r${i}.txt`, report })));
  const restored = g(back);
  assert.equal(restored.series[0].members[0].copies.length, 1, 'the copy found');
  assert.equal(JSON.stringify(restored), JSON.stringify(g(heads)));
});

test('a value that is not a stored head is refused, not trusted', () => {
  const f = path.join(FIXTURES, 'national/gwr-national-2011.txt');
  const good = JSON.parse(JSON.stringify(storeHead(reportHead(importSource(f, readFileSync(f)).reports[0]))));
  assert.ok(restoreHead(structuredClone(good)));
  for (const bad of [
    null,
    [],
    'head',
    { ...good, head: null },
    { ...good, head: { ...good.head, outline: 'x' } },
    { ...good, ids: `${good.ids}0` },
    { ...good, ids: good.ids.replace(/^./, 'g') },
    { ...good, roles: good.roles.replace(/^./, 'x') },
    { ...good, structure: 1.5 },
    { ...good, hash: 7 },
  ]) {
    assert.equal(restoreHead(bad), null, JSON.stringify(bad)?.slice(0, 60));
  }
});

test('a workspace opened again shows its series from the stored heads, reading no file, then checks them', () =>
  withWorkspace(async (w) => {
    const first = w.open();
    const before = shape(await first.corpus.grouping());
    assert.equal(first.importer.imports.length, 6);
    await first.corpus.flushStore();
    const stored = readStore(w.storeFile);
    assert.equal(Object.keys(stored.files).length, 6, 'every file stored, the note that holds no report too');

    // A write that an exit cut short left its temporary file: the next load removes it.
    const tmp = `${w.storeFile}.lx2k9.tmp`;
    writeFileSync(tmp, '{"format":1');
    const second = w.open();
    fake.logs.length = 0;
    assert.deepEqual(shape(await second.corpus.grouping()), before);
    assert.ok(!existsSync(tmp), 'the temporary file removed');
    assert.equal(second.importer.imports.length, 0, 'no file read');
    assert.ok(
      fake.logs.some((l) => /^Showed 6 of 6 files from the heads stored by the last session: 5 reports/.test(l)),
      fake.logs.join('\n'),
    );
    await second.corpus.checked();
    assert.ok(
      fake.logs.some((l) => /^Checked 6 files against the disk in \d+ ms: 0 changed or new/.test(l)),
      fake.logs.join('\n'),
    );
    assert.equal(second.importer.imports.length, 0, 'unchanged files are not read after the check either');
    assert.deepEqual(shape(await second.corpus.grouping()), before);
    // The full report of a stored head is read when asked for: its text, the head's outline.
    const located = (await second.corpus.allReports())[0];
    const full = await second.corpus.full(located);
    assert.equal(full?.outline, located.report.outline);
    assert.equal(full?.text, importSource(located.source.fsPath, readFileSync(located.source.fsPath)).reports[0].text);
  }));

test('files changed, added and deleted while the workspace was closed: shown as stored, then updated alone', () =>
  withWorkspace(async (w) => {
    await w.storeFirst();

    // Closed: one report's year changed (another time and size), one added, one deleted.
    writeFileSync(w.file('hefeng-2011.txt'), county('和丰县', 2012));
    const later = Date.now() / 1000 + 5;
    utimesSync(w.file('hefeng-2011.txt'), later, later);
    writeFileSync(w.file('hefeng-2010b.txt'), county('和丰县', 2013));
    unlinkSync(w.file('anping-2012.txt'));

    const second = w.open();
    const shown = shape(await second.corpus.grouping());
    assert.deepEqual(second.importer.imports, [], 'nothing read before the series are shown');
    assert.ok(!JSON.stringify(shown).includes('anping-2012.txt'), 'a file gone is not shown');
    assert.ok(JSON.stringify(shown).includes('2011 和丰县2011年政府工作报告 hefeng-2011.txt'), 'the changed file as stored');
    await second.corpus.checked();
    assert.deepEqual(second.importer.imports.sort(), ['hefeng-2010b.txt', 'hefeng-2011.txt']);
    assert.ok(fake.logs.some((l) => /^Checked 6 files against the disk in \d+ ms: 2 changed or new/.test(l)));
    const after = shape(await second.corpus.grouping());

    // What a session with no stored heads gives for the same files.
    rmSync(path.dirname(w.storeFile), { recursive: true });
    const fresh = w.open();
    assert.deepEqual(after, shape(await fresh.corpus.grouping()));
    assert.ok(JSON.stringify(after).includes('2012 和丰县2012年政府工作报告 hefeng-2011.txt'));
  }));

test('a store of another build, or damaged, is not used: every file is read, and nothing fails', () =>
  withWorkspace(async (w) => {
    const before = await w.storeFirst();

    w.setBuild('build 2');
    const other = w.open();
    assert.deepEqual(shape(await other.corpus.grouping()), before);
    assert.equal(other.importer.imports.length, 6, 'another build: every file read');
    await other.corpus.flushStore();
    assert.equal(readStore(w.storeFile).head.build, 'build 2', 'stored again by this build');

    writeFileSync(w.storeFile, 'not a store\n');
    const damaged = w.open();
    assert.deepEqual(shape(await damaged.corpus.grouping()), before);
    assert.equal(damaged.importer.imports.length, 6, 'a damaged store: every file read');

    // Cut short (a disk that filled): the files of the lines cut are read again, the others shown.
    await damaged.corpus.flushStore();
    const whole = readFileSync(w.storeFile, 'utf8');
    const lines = whole.split('\n');
    writeFileSync(w.storeFile, whole.slice(0, lines.slice(0, 4).join('\n').length + 100));
    const cut = w.open();
    await cut.corpus.grouping();
    assert.deepEqual(cut.importer.imports, [], 'shown from the lines left');
    await cut.corpus.checked();
    assert.equal(cut.importer.imports.length, 3, 'the three files cut read again');
    assert.deepEqual(shape(await cut.corpus.grouping()), before);

    // One file's entry damaged: that file alone is read again.
    await cut.corpus.flushStore();
    const stored = readStore(w.storeFile);
    const key = Object.keys(stored.files).find((k) => k.endsWith('anping-2011.txt')) as string;
    stored.files[key].reports[0].ids = 'zz';
    writeFileSync(w.storeFile, [JSON.stringify(stored.head), ...Object.values(stored.files).map((e) => JSON.stringify(e))].join('\n'));
    const one = w.open();
    assert.ok(!JSON.stringify(shape(await one.corpus.grouping())).includes('anping-2011.txt'), 'shown without it');
    assert.deepEqual(one.importer.imports, []);
    await one.corpus.checked();
    assert.deepEqual(one.importer.imports, ['anping-2011.txt']);
    assert.deepEqual(shape(await one.corpus.grouping()), before);
  }));

test('a file whose import timed out is not stored: the next session reads it again', () =>
  withWorkspace(async (w) => {
    const first = w.open();
    first.importer.fail.add('anping-2010.txt');
    await first.corpus.grouping();
    await first.corpus.flushStore();
    const stored = readStore(w.storeFile);
    assert.equal(Object.keys(stored.files).length, 5);
    assert.ok(!Object.keys(stored.files).some((k) => k.endsWith('anping-2010.txt')));

    const second = w.open();
    await second.corpus.grouping();
    await second.corpus.checked();
    assert.deepEqual(second.importer.imports, ['anping-2010.txt']);
    assert.equal((await second.corpus.allReports()).length, 5);
    assert.deepEqual(await second.corpus.failures(), []);
  }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Slows the check's reads of `which` files (a slow disk: at 10,000 files the check takes seconds). */
function slowHeads(reports: ReportService, ms: number, which: (uri: vscode.Uri) => boolean = () => true): void {
  const heads = reports.heads.bind(reports);
  reports.heads = async (uri: vscode.Uri) => {
    if (which(uri)) await sleep(ms);
    return heads(uri);
  };
}

test('a file deleted while the check runs (the watcher told) is gone, not brought back as a failure to read', () =>
  withWorkspace(async (w) => {
    await w.storeFirst();
    const second = w.open();
    const gone = w.file('anping-2012.txt');
    slowHeads(second.reports, 300, (uri) => uri.fsPath === gone);
    await second.corpus.grouping();
    unlinkSync(gone);
    for (const watcher of fake.watchers) watcher.del.fire(vscode.Uri.file(gone));
    await sleep(150);
    await second.corpus.checked();
    await sleep(100);
    assert.deepEqual(await second.corpus.failures(), []);
    assert.ok(!(await second.corpus.allReports()).some((l) => l.source.fsPath === gone));
  }));

test('disposed while the check runs: it stops, reads nothing more, and the store is not written again', () =>
  withWorkspace(async (w) => {
    await w.storeFirst();
    const second = w.open();
    slowHeads(second.reports, 50);
    await second.corpus.grouping();
    second.corpus.dispose();
    second.reports.dispose();
    await sleep(2300);
    assert.deepEqual(second.importer.imports, [], 'nothing read after the dispose');
    assert.equal(Object.keys(readStore(w.storeFile).files).length, 6, 'the store as it was');
  }));

test('a stored line that parses but is no head (its metadata emptied) is not used: that file alone is read', () =>
  withWorkspace(async (w) => {
    const before = await w.storeFirst();
    const stored = readStore(w.storeFile);
    const key = Object.keys(stored.files).find((k) => k.endsWith('anping-2011.txt')) as string;
    stored.files[key].reports[0].head.meta = {};
    const other = Object.keys(stored.files).find((k) => k.endsWith('hefeng-2010.txt')) as string;
    stored.files[other].reports[0].head.outline = [null];
    writeFileSync(w.storeFile, [JSON.stringify(stored.head), ...Object.values(stored.files).map((e) => JSON.stringify(e))].join('\n'));
    const one = w.open();
    const shown = await one.corpus.bySeries();
    assert.deepEqual(shown.notes, [], 'no failed scan');
    await one.corpus.checked();
    assert.deepEqual(one.importer.imports.sort(), ['anping-2011.txt', 'hefeng-2010.txt']);
    assert.deepEqual(shape(await one.corpus.grouping()), before);
  }));

for (const variant of ['change', 'change and Refresh', 'create']) {
  test(`a file changed on disk before, and one ${variant} during, a slow check: the end is what a fresh session gives`, () =>
    withWorkspace(async (w) => {
      await w.storeFirst();
      writeFileSync(w.file('anping-2010.txt'), county('安平县', 2013));
      const later = Date.now() / 1000 + 5;
      utimesSync(w.file('anping-2010.txt'), later, later);
      const second = w.open();
      slowHeads(second.reports, 40);
      await second.corpus.grouping();
      await sleep(20);
      const target = variant === 'create' ? w.file('new-2014.txt') : w.file('hefeng-2011.txt');
      writeFileSync(target, county('和丰县', 2014));
      utimesSync(target, later + 5, later + 5);
      for (const watcher of fake.watchers) (variant === 'create' ? watcher.create : watcher.change).fire(vscode.Uri.file(target));
      if (variant.includes('Refresh')) second.corpus.refresh();
      await sleep(150);
      await second.corpus.checked();
      await sleep(300);
      const after = shape(await second.corpus.grouping());
      assert.ok(JSON.stringify(after).includes('2013 安平县2013年政府工作报告 anping-2010.txt'));
      rmSync(path.dirname(w.storeFile), { recursive: true });
      const fresh = w.open();
      assert.deepEqual(after, shape(await fresh.corpus.grouping()));
    }));
}
