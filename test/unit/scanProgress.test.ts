/**
 * A long first scan fills the Reports view as it reads (issue #13, the editor's first fill): once it has run for
 * showReadMs, the view shows the series of the files read so far with a note of how far the reading is, shows more as
 * more are read, and the whole corpus when the scan ends. Everything else (bySeries, Compare, the CLI) still waits for
 * the whole scan.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from './tmp.ts';
import { fake } from './fake/vscode.ts';
import { FIXTURES } from './helpers.ts';
import { InlineImporter } from './inlineImporter.ts';
import { emptyCorpusFile, type SourceImport } from '../../src/core/index.ts';
import { ReportService } from '../../src/extension/reportService.ts';
import { Corpus } from '../../src/extension/corpus.ts';
import { type ReportsNode, ReportsTree } from '../../src/extension/reportsTree.ts';

const national = (y: number) => readFileSync(path.join(FIXTURES, `national/gwr-national-${y}.txt`), 'utf8');

/** Each file's import waits until the test lets it through by its name. */
class GatedImporter extends InlineImporter {
  private gates = new Map<string, () => void>();
  private opened = new Set<string>();
  override async run(source: string, bytes: Uint8Array, options: { maxBytes?: number }): Promise<SourceImport> {
    const name = path.basename(source);
    if (!this.opened.has(name)) await new Promise<void>((resolve) => this.gates.set(name, resolve));
    return super.run(source, bytes, options);
  }
  let(...names: string[]): void {
    for (const name of names) {
      this.opened.add(name);
      this.gates.get(name)?.();
    }
  }
}

function workspace() {
  const root = tempDir('progress');
  mkdirSync(path.join(root, 'reports'));
  const names: string[] = [];
  for (const [county, years] of [
    ['安平县', [2010, 2011, 2012]],
    ['和丰县', [2010, 2011]],
  ] as const) {
    for (const y of years) {
      const name = `${county}-${y}.txt`;
      writeFileSync(path.join(root, 'reports', name), `${county}${y}年政府工作报告\n\n${national(y)}`);
      names.push(name);
    }
  }
  fake.reset(root);
  return names;
}

const logged: string[] = [];
const log = { info: (m: string) => void logged.push(m) };
const label = (tree: ReportsTree, n: ReportsNode) => String(tree.getTreeItem(n).label);
/** The series shown, by county (the label's first three characters), with their reports, sorted. */
const counts = (tree: ReportsTree, top: ReportsNode[]) =>
  top.flatMap((n) => (n.type === 'series' ? [[label(tree, n).slice(0, 3), n.reports.length] as [string, number]] : [])).sort();
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(ok(), 'timed out');
};

test('a long scan shows the series read so far, with how far it is, then the whole corpus; bySeries waits for the whole', { timeout: 20_000 }, async () => {
  workspace();
  logged.length = 0;
  const importer = new GatedImporter();
  const reports = new ReportService(importer);
  const corpus = new Corpus(reports, { showReadMs: 5 });
  const tree = new ReportsTree(corpus, undefined, { log });
  const refreshed: unknown[] = [];
  tree.onDidChangeTreeData((e) => refreshed.push(e));
  try {
    const first = tree.getChildren();
    importer.let('安平县-2010.txt', '安平县-2011.txt', '和丰县-2010.txt');
    const top = await first;
    assert.deepEqual(counts(tree, top), [
      ['和丰县', 1],
      ['安平县', 2],
    ]);
    const note = top.find((n) => n.type === 'message');
    assert.ok(note && /Reading the files: 3 of 5/.test(label(tree, note)), JSON.stringify(top.map((n) => label(tree, n))));
    // Nothing else takes a scan's first series for the corpus.
    let whole = false;
    const all = corpus.bySeries().then((r) => {
      whole = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(whole, false);
    // More read: the view is told, and shows them.
    const before = refreshed.length;
    importer.let('安平县-2012.txt');
    await until(() => refreshed.length > before);
    assert.deepEqual(counts(tree, await tree.getChildren()), [
      ['和丰县', 1],
      ['安平县', 3],
    ]);
    // The last file: the scan ends, the view is told once more and shows every report, with no note.
    const beforeEnd = refreshed.length;
    importer.let('和丰县-2011.txt');
    const { series: done } = await all;
    assert.deepEqual(done.map((g) => g.reports.length).sort(), [2, 3]);
    await until(() => refreshed.length > beforeEnd);
    const end = await tree.getChildren();
    assert.deepEqual(counts(tree, end), [
      ['和丰县', 2],
      ['安平县', 3],
    ]);
    assert.equal(end.length, 2, 'no note once the scan is done');
    assert.equal(logged.filter((m) => m.startsWith('Reports view first showed 3 reports')).length, 1, logged.join('\n'));
    assert.equal(logged.filter((m) => /^Reports view filled \d+ ms after activation \(5 reports\)/.test(m)).length, 1, logged.join('\n'));
  } finally {
    tree.dispose();
    corpus.dispose();
    reports.dispose();
  }
});

test('a scan that ends before showReadMs shows the whole corpus at once, and tells of no reading', { timeout: 20_000 }, async () => {
  workspace();
  logged.length = 0;
  const importer = new GatedImporter();
  const reports = new ReportService(importer);
  const corpus = new Corpus(reports, { showReadMs: 60_000 });
  let reads = 0;
  corpus.onDidRead(() => reads++);
  const tree = new ReportsTree(corpus, undefined, { log });
  try {
    importer.let('安平县-2010.txt', '安平县-2011.txt', '安平县-2012.txt', '和丰县-2010.txt', '和丰县-2011.txt');
    const top = await tree.getChildren();
    assert.deepEqual(top.map((n) => n.type).sort(), ['series', 'series']);
    assert.equal(reads, 0);
    assert.equal(
      logged.some((m) => m.startsWith('Reports view first showed')),
      false,
    );
    assert.equal(logged.filter((m) => m.startsWith('Reports view filled')).length, 1);
  } finally {
    tree.dispose();
    corpus.dispose();
    reports.dispose();
  }
});

test('a scan that fails after the view showed what it had read: the view is told, and shows why it stopped', { timeout: 20_000 }, async () => {
  workspace();
  const importer = new GatedImporter();
  const reports = new ReportService(importer);
  // The corrections read fine while the files are read, then cannot be read when the scan groups them all.
  let broken = false;
  const corrections = {
    get: async () => {
      if (broken) throw new Error('corpus.json unreadable');
      return { file: emptyCorpusFile(), problem: null };
    },
    onDidChange: () => ({ dispose() {} }),
  };
  const corpus = new Corpus(reports, { showReadMs: 5, corrections: corrections as never });
  const tree = new ReportsTree(corpus);
  const refreshed: unknown[] = [];
  tree.onDidChangeTreeData((e) => refreshed.push(e));
  try {
    const first = tree.getChildren();
    importer.let('安平县-2010.txt');
    const top = await first;
    assert.ok(top.some((n) => n.type === 'message' && /Reading the files/.test(label(tree, n))));
    broken = true;
    const before = refreshed.length;
    importer.let('安平县-2011.txt', '安平县-2012.txt', '和丰县-2010.txt', '和丰县-2011.txt');
    await until(() => refreshed.length > before && !corpus.lastScan.ms);
    const after = await tree.getChildren();
    assert.ok(
      after.some((n) => n.type === 'message' && /Scan failed: .*corpus\.json unreadable/.test(label(tree, n))),
      JSON.stringify(after.map((n) => label(tree, n))),
    );
    assert.ok(!after.some((n) => n.type === 'message' && /Reading the files/.test(label(tree, n))));
  } finally {
    tree.dispose();
    corpus.dispose();
    reports.dispose();
  }
});
