/**
 * Incremental updates (issue #13 item 5): a file the watcher reports is re-imported alone (no stat
 * of the other files), only its series is realigned, and the Reports view refreshes only that
 * series' node.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { FIXTURES } from './helpers.ts';
import { InlineImporter } from './inlineImporter.ts';
import { contentHash, importSource } from '../../src/core/index.ts';
import { ReportService, shareParagraphTexts } from '../../src/extension/reportService.ts';
import { Corpus, type CorpusChange } from '../../src/extension/corpus.ts';
import { AlignmentService } from '../../src/extension/alignment.ts';
import { ReportsTree, type ReportsNode } from '../../src/extension/reportsTree.ts';
import { AnnotationService } from '../../src/extension/annotations.ts';
import { MemoService } from '../../src/extension/memos.ts';
import { AnnotationsView } from '../../src/extension/annotationsView.ts';
import { tempDir } from './tmp.ts';

const YEARS = [2010, 2011, 2012];
const text = (county: string, year: number) =>
  `${county}${year}年政府工作报告\n\n${readFileSync(path.join(FIXTURES, `national/gwr-national-${year}.txt`), 'utf8')}`;

/** Two series of three years (安平县, 和丰县), the services on the fake vscode, and what they report. */
async function setup() {
  const root = tempDir('update');
  for (const county of ['安平县', '和丰县']) {
    mkdirSync(path.join(root, county));
    for (const y of YEARS) writeFileSync(path.join(root, county, `${y}.txt`), text(county, y));
  }
  fake.reset(root);
  const reports = new ReportService(new InlineImporter());
  const corpus = new Corpus(reports);
  const alignment = new AlignmentService(corpus);
  const tree = new ReportsTree(corpus);
  const refreshed: (ReportsNode | undefined)[] = [];
  tree.onDidChangeTreeData((n) => refreshed.push(n));
  const top = await tree.getChildren();
  // Every series aligned once (the views align a series when they first ask for it).
  await (await alignment.get()).all();
  const stats: string[] = [];
  const stat = vscode.workspace.fs.stat;
  vscode.workspace.fs.stat = (uri: vscode.Uri) => {
    stats.push(uri.fsPath);
    return stat(uri);
  };
  // The change, once the views that listen to it have had their turn.
  const changed = () =>
    new Promise<CorpusChange>((resolve) => {
      const sub = corpus.onDidChange((e) => {
        sub.dispose();
        setTimeout(() => resolve(e), 20);
      });
    });
  return {
    root,
    corpus,
    alignment,
    tree,
    top,
    refreshed,
    stats,
    changed,
    dispose() {
      vscode.workspace.fs.stat = stat;
      tree.dispose();
      alignment.dispose();
      corpus.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

const keys = (top: ReportsNode[]) => top.flatMap((n) => (n.type === 'series' ? [n.key] : []));

test('a changed file is re-imported alone: its series is realigned and its node refreshed, nothing else', async () => {
  const w = await setup();
  try {
    assert.deepEqual(keys(w.top), ['和丰县人民政府 · 政府工作报告', '安平县人民政府 · 政府工作报告']);
    assert.equal(w.alignment.lastAligned.length, 2);
    const before = await w.corpus.allReports();
    const other = before.find((r) => r.source.fsPath.includes('和丰县') && r.report.year === 2011)!;
    const was = await (await w.alignment.get()).of(other.report);
    assert.ok(was);
    const file = path.join(w.root, '安平县', '2011.txt');
    writeFileSync(file, text('安平县', 2011).replace('各位代表', '各位代表们'));
    w.refreshed.length = 0;
    const change = w.changed();
    fake.watchers[0].change.fire(vscode.Uri.file(file));
    const e = await change;
    assert.deepEqual([...(e.series ?? [])], ['安平县人民政府 · 政府工作报告']);
    // The one file, and no other, was looked at.
    assert.deepEqual(w.stats, [file]);
    const after = await w.corpus.allReports();
    assert.equal(after.length, before.length);
    assert.ok((await w.corpus.full(after.find((r) => r.source.fsPath === file)!))!.text.includes('各位代表们'));
    // The other series' reports are the same objects: nothing re-read there.
    assert.ok(after.some((r) => r.report === other.report));
    // The Reports view refreshed the changed series' node alone, the same object as before, updated.
    assert.equal(w.refreshed.length, 1);
    const node = w.refreshed[0];
    assert.equal(node, w.top[1]);
    assert.ok(
      node?.type === 'series' && node.reports.some((m) => m.source.fsPath === file && m.report === after.find((r) => r.source.fsPath === file)!.report),
    );
    // Alignment realigns that series alone, when asked, and still links all three years of both series.
    const aligned = await w.alignment.get();
    assert.deepEqual(w.alignment.lastAligned, []);
    // Each report's own series' alignment: the other series' is the very object kept from before
    // (Compare's index of it is still good); the changed one's is new and holds the new report.
    const changed = after.find((r) => r.source.fsPath === file)!;
    const mine = (await aligned.of(changed.report))!;
    assert.deepEqual(w.alignment.lastAligned, ['安平县人民政府 · 政府工作报告']);
    assert.deepEqual(
      mine.series.map((x) => x.key),
      ['安平县人民政府 · 政府工作报告'],
    );
    const changedReport = aligned.member(mine, changed.report)!;
    assert.ok(changedReport.text.includes('各位代表们'));
    // The full report the alignment holds is the one the corpus gives for the head (one object while it is held).
    assert.equal(await w.corpus.full(changed), changedReport);
    assert.ok(mine.links.some((l) => l.a.report === changedReport || l.b.report === changedReport));
    assert.equal(await aligned.of(other.report), was);
    assert.notEqual(await aligned.of(other.report), mine);
    assert.deepEqual(w.alignment.lastAligned, ['安平县人民政府 · 政府工作报告']);
    // The merged alignment (built when asked) holds exactly the links of both.
    const merged = await aligned.all();
    assert.equal(merged.links.length, mine.links.length + (await aligned.of(other.report))!.links.length);
    assert.equal(merged.series.length, 2);
    for (const s of merged.series) {
      assert.deepEqual(
        s.reports.map((r) => r.year),
        YEARS,
      );
      for (const r of s.reports.slice(1)) assert.ok(merged.links.some((l) => l.a.report === r));
    }
  } finally {
    w.dispose();
  }
});

test('a deleted file leaves its series; a new file joins one; the view refreshes that series alone', async () => {
  const w = await setup();
  try {
    const gone = path.join(w.root, '和丰县', '2010.txt');
    unlinkSync(gone);
    w.refreshed.length = 0;
    let change = w.changed();
    fake.watchers[0].del.fire(vscode.Uri.file(gone));
    let e = await change;
    assert.deepEqual([...(e.series ?? [])], ['和丰县人民政府 · 政府工作报告']);
    assert.deepEqual(w.stats, []);
    let { series } = await w.corpus.bySeries();
    assert.deepEqual(
      series.map((s) => s.reports.map((m) => m.report.year)),
      [
        [2012, 2011],
        [2012, 2011, 2010],
      ],
    );
    assert.deepEqual(w.refreshed, [w.top[0]]);
    assert.deepEqual(w.alignment.lastAligned, ['和丰县人民政府 · 政府工作报告', '安平县人民政府 · 政府工作报告']);
    await (await w.alignment.get()).all();
    assert.deepEqual(w.alignment.lastAligned, ['和丰县人民政府 · 政府工作报告']);

    const added = path.join(w.root, '和丰县', '2013.txt');
    writeFileSync(added, text('和丰县', 2012).replace('2012年政府工作报告', '2013年政府工作报告'));
    w.refreshed.length = 0;
    change = w.changed();
    fake.watchers[0].create.fire(vscode.Uri.file(added));
    e = await change;
    assert.deepEqual([...(e.series ?? [])], ['和丰县人民政府 · 政府工作报告']);
    ({ series } = await w.corpus.bySeries());
    assert.deepEqual(
      series[0].reports.map((m) => m.report.year),
      [2013, 2012, 2011],
    );
    assert.deepEqual(w.refreshed, [w.top[0]]);
  } finally {
    w.dispose();
  }
});

test('a change that adds a series refreshes the whole view', async () => {
  const w = await setup();
  try {
    mkdirSync(path.join(w.root, '宁远县'));
    const added = path.join(w.root, '宁远县', '2010.txt');
    writeFileSync(added, text('宁远县', 2010));
    w.refreshed.length = 0;
    const change = w.changed();
    fake.watchers[0].create.fire(vscode.Uri.file(added));
    await change;
    assert.deepEqual(w.refreshed, [undefined]);
    assert.equal(keys(await w.tree.getChildren()).length, 3);
  } finally {
    w.dispose();
  }
});

test('the Annotations view places the annotations of the changed file alone, and keeps the others', async () => {
  const w = await setup();
  const annotations = new AnnotationService();
  const view = new AnnotationsView(w.corpus, annotations, new MemoService());
  try {
    const placed: string[] = [];
    const placement = annotations.placement.bind(annotations);
    annotations.placement = (source, report) => {
      placed.push(path.relative(w.root, source.fsPath));
      return placement(source, report);
    };
    // No report has annotations: none is read in full or placed.
    await view.entries();
    assert.equal(placed.length, 0);
    // Every report as if it had annotations: each is placed once.
    annotations.annotatedReports = async () => ({ has: () => true }) as unknown as ReadonlySet<string>;
    view.refresh();
    await view.entries();
    assert.equal(placed.length, 6);
    placed.length = 0;
    const file = path.join(w.root, '和丰县', '2012.txt');
    writeFileSync(file, text('和丰县', 2012).replace('各位代表', '各位代表们'));
    const change = w.changed();
    fake.watchers[0].change.fire(vscode.Uri.file(file));
    await change;
    await view.entries();
    assert.deepEqual(placed, [path.join('和丰县', '2012.txt')]);
    // A change of the annotations places everything again.
    placed.length = 0;
    view.refresh();
    await view.entries();
    assert.equal(placed.length, 6);
  } finally {
    view.dispose();
    annotations.dispose();
    w.dispose();
  }
});

test('an import from a worker (a structured clone) shares each paragraph text with the report text, where it is that slice', () => {
  const file = path.join(FIXTURES, 'national/gwr-national-2012.txt');
  const original = importSource(file, readFileSync(file));
  const imp = structuredClone(original);
  const [r] = imp.reports;
  // A paragraph whose offsets do not give its text keeps its own text.
  r.paragraphs[3].start += 1;
  const kept = r.paragraphs[3].text;
  assert.equal(shareParagraphTexts(imp), imp);
  assert.equal(r.paragraphs[3].text, kept);
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    original.reports[0].paragraphs.map((p) => p.text),
  );
  assert.ok(r.paragraphs.length > 50);
});

test('a file changed while the scan runs is updated after it, without anyone asking', async () => {
  const root = tempDir('update');
  mkdirSync(path.join(root, '安平县'));
  for (const y of YEARS) writeFileSync(path.join(root, '安平县', `${y}.txt`), text('安平县', y));
  fake.reset(root);
  const corpus = new Corpus(new ReportService(new InlineImporter()));
  try {
    const file = path.join(root, '安平县', '2012.txt');
    const scanning = corpus.allReports();
    // The watcher reports a change while the scan is under way.
    writeFileSync(file, text('安平县', 2012).replace('各位代表', '各位代表们'));
    fake.watchers[0].change.fire(vscode.Uri.file(file));
    await scanning;
    const e = await new Promise<CorpusChange>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the change was never updated')), 5000);
      corpus.onDidChange((x) => {
        clearTimeout(timer);
        resolve(x);
      });
    });
    assert.deepEqual([...(e.sources ?? [])], [vscode.Uri.file(file).toString()]);
    const all = await corpus.allReports();
    assert.ok((await corpus.full(all.find((r) => r.source.fsPath === file)!))!.text.includes('各位代表们'));
  } finally {
    corpus.dispose();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a changed file whose report keeps its series and year is patched into the grouping, which is then the grouping of a fresh scan; a changed year groups everything', async () => {
  const root = tempDir('update');
  for (const county of ['安平县', '和丰县']) {
    mkdirSync(path.join(root, county));
    for (const y of YEARS) writeFileSync(path.join(root, county, `${y}.txt`), text(county, y));
  }
  // A copy of a report: its series' year has two files.
  writeFileSync(path.join(root, '和丰县', 'copy-2011.txt'), text('和丰县', 2011));
  fake.reset(root);
  const log: string[] = [];
  const corpus = new Corpus(new ReportService(new InlineImporter()), { log: { info: (m: string) => log.push(m) } });
  /** What a grouping says, by file, without the report objects. */
  const shape = async (c: Corpus) => {
    const g = await c.grouping();
    const name = (u: vscode.Uri) => path.relative(root, u.fsPath);
    return {
      series: g.series.map((s) => [
        s.key,
        s.issuerVariants,
        s.reports.map((m) => [name(m.source), m.report.year, contentHash(m.report), m.copies.map((x) => name(x.source))]),
      ]),
      core: g.grouping.series.map((s) => [s.key, s.members.map((m) => [contentHash(m.report), m.copies.length]), s.reports.map((r) => contentHash(r))]),
      // Each view's series holds its core series too (alignment takes it).
      coreOf: g.series.map((s) => s.series.reports.map((r) => contentHash(r))),
      all: g.all.map((x) => [name(x.source), contentHash(x.report)]),
      seriesOf: g.all.map((x) => g.seriesOf.get(x.report)),
      problems: g.problems.map((p) => p.message),
    };
  };
  const fresh = async () => {
    const c = new Corpus(new ReportService(new InlineImporter()));
    try {
      return await shape(c);
    } finally {
      c.dispose();
    }
  };
  const change = async (file: string, edit: (t: string) => string) => {
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    const done = new Promise<void>((resolve) => {
      const sub = corpus.onDidChange(() => {
        sub.dispose();
        resolve();
      });
    });
    fake.watchers[0].change.fire(vscode.Uri.file(file));
    await done;
    return log.at(-1) ?? '';
  };
  try {
    await corpus.allReports();
    // Edited text, the same series and year: patched.
    const anping = path.join(root, '安平县', '2011.txt');
    assert.match(await change(anping, (t) => t.replace('各位代表', '各位代表们')), /1 series in \d+ ms, the grouping patched\.$/);
    assert.deepEqual(await shape(corpus), await fresh());
    assert.ok((await corpus.fullAll(await corpus.allReports())).some((r) => r.report.text.includes('各位代表们')));
    // Again, the same file: patched again, still the fresh scan's.
    assert.match(await change(anping, (t) => t.replace('各位代表们', '各位代表们：')), /the grouping patched\.$/);
    assert.deepEqual(await shape(corpus), await fresh());
    // A file with a copy: grouped again, and the copy stays a copy.
    const hefeng = path.join(root, '和丰县', '2011.txt');
    assert.doesNotMatch(await change(hefeng, (t) => t.replace('各位代表', '各位代表们')), /patched/);
    assert.deepEqual(await shape(corpus), await fresh());
    // A changed year: grouped again, the report in its new year.
    const y2012 = path.join(root, '安平县', '2012.txt');
    assert.doesNotMatch(await change(y2012, (t) => t.replace('安平县2012年政府工作报告', '安平县2013年政府工作报告')), /patched/);
    assert.deepEqual(await shape(corpus), await fresh());
    const { series } = await corpus.bySeries();
    assert.deepEqual(
      series.find((s) => s.key.startsWith('安平县'))!.reports.map((m) => m.report.year),
      [2013, 2011, 2010],
    );
  } finally {
    corpus.dispose();
    rmSync(root, { recursive: true, force: true });
  }
});
