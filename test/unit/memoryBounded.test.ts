/**
 * Memory bounded (issue #13 item 4): the Corpus keeps each report's head (metadata, outline,
 * diagnostics, the facts grouping reads), the full texts stay only in a cache bounded by bytes
 * (annals.cacheMegabytes), and the alignments kept are bounded the same way. What was let go is
 * read (and aligned) again when asked for, with the same result.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { FIXTURES } from './helpers.ts';
import { InlineImporter } from './inlineImporter.ts';
import { type Annotation, groupSeries, importSource, makeTarget, type Report, SIDECAR_SUFFIX, serializeSidecar } from '../../src/core/index.ts';
import { AnnotationService } from '../../src/extension/annotations.ts';
import { MemoService } from '../../src/extension/memos.ts';
import { AnnotationsView } from '../../src/extension/annotationsView.ts';
import { ReportService } from '../../src/extension/reportService.ts';
import { Corpus } from '../../src/extension/corpus.ts';
import { AlignmentService } from '../../src/extension/alignment.ts';
import { tempDir } from './tmp.ts';

const YEARS = [2010, 2011, 2012];
const text = (county: string, year: number) =>
  `${county}${year}年政府工作报告\n\n${readFileSync(path.join(FIXTURES, `national/gwr-national-${year}.txt`), 'utf8')}`;

/** Two series of three years; `budget` bytes for the full reports and for the alignments kept. */
function workspace(budget: number) {
  const root = tempDir('memory');
  const files: string[] = [];
  for (const county of ['安平县', '和丰县']) {
    mkdirSync(path.join(root, county));
    for (const y of YEARS) {
      const f = path.join(root, county, `${y}.txt`);
      writeFileSync(f, text(county, y));
      files.push(f);
    }
  }
  fake.reset(root);
  const reports = new ReportService(new InlineImporter(), () => budget);
  const corpus = new Corpus(reports);
  const alignment = new AlignmentService(corpus, () => budget);
  return {
    root,
    files,
    reports,
    corpus,
    alignment,
    dispose() {
      alignment.dispose();
      corpus.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** What one national report weighs in the cache (its text and paragraphs), about. */
const ONE = (() => {
  const r = importSource('x.txt', Buffer.from(text('安平县', 2011))).reports[0];
  return r.text.length * 2 + r.paragraphs.length * 100;
})();

test('the Corpus keeps heads: no text, no paragraphs; outline and metadata as imported; grouped as the full reports are', async () => {
  const w = workspace(128 * 1048576);
  try {
    const all = await w.corpus.allReports();
    assert.equal(all.length, 6);
    for (const { report } of all) {
      assert.ok(!('text' in report) && !('paragraphs' in report), `${report.title}: a head`);
      assert.ok(report.outline.length > 0);
    }
    // The grouping of the heads is the grouping of the full reports.
    const full = w.files.map((f) => ({ source: path.relative(w.root, f), report: importSource(f, readFileSync(f)).reports[0] }));
    const shape = (g: { series: { key: string; reports: { year: number | null; title: string }[] }[] }) =>
      g.series.map((s) => [s.key, s.reports.map((r) => `${r.year} ${r.title}`)]);
    assert.deepEqual(shape((await w.corpus.grouping()).grouping), shape(groupSeries(full)));
    // The full report: the head's metadata and outline (the same objects), the file's text.
    const one = all[0];
    const r = (await w.corpus.full(one))!;
    assert.equal(r.outline, one.report.outline);
    assert.equal(r.title, one.report.title);
    assert.equal(r.text, importSource(one.source.fsPath, readFileSync(one.source.fsPath)).reports[0].text);
    // One object for a head while it is held; the corpus knows whose it is.
    assert.equal(await w.corpus.full(one), r);
    assert.equal(w.corpus.headOf(r), one.report);
  } finally {
    w.dispose();
  }
});

test('the full reports kept weigh no more than the budget; one let go is read again when asked for, the same', async () => {
  // Room for two reports.
  const w = workspace(Math.round(ONE * 2.5));
  try {
    const all = await w.corpus.allReports();
    assert.equal(all.length, 6);
    assert.ok(w.reports.cachedBytes <= ONE * 2.5, `${w.reports.cachedBytes} bytes kept`);
    assert.equal(w.reports.rereads, 0);
    // The first file's import was let go: heads() does not read it again, load() does.
    const first = vscode.Uri.file(w.files[0]);
    assert.equal(w.reports.peek(first), undefined);
    assert.equal((await w.reports.heads(first)).reports[0], all.find((l) => l.source.fsPath === w.files[0])!.report);
    assert.equal(w.reports.rereads, 0);
    const texts = new Map<string, string>();
    for (const l of all) texts.set(l.source.fsPath, (await w.corpus.full(l))!.text);
    assert.ok(w.reports.rereads >= 4, `${w.reports.rereads} read again`);
    assert.ok(w.reports.cachedBytes <= ONE * 2.5);
    for (const f of w.files) assert.equal(texts.get(f), importSource(f, readFileSync(f)).reports[0].text);
    // A rescan (nothing changed) reads no file again: the heads are kept.
    const before = w.reports.rereads;
    w.corpus.refresh();
    assert.equal((await w.corpus.allReports()).length, 6);
    assert.equal(w.reports.rereads, before);
  } finally {
    w.dispose();
  }
});

test('a budget of zero still works: each full report is read when asked for, and the last one is kept', async () => {
  const w = workspace(0);
  try {
    const all = await w.corpus.allReports();
    const r = (await w.corpus.full(all[0]))!;
    assert.ok(r.paragraphs.length > 10);
    assert.ok(w.reports.cachedBytes > 0 && w.reports.cachedBytes <= ONE * 1.5);
  } finally {
    w.dispose();
  }
});

test('the alignments kept are bounded: a series let go is aligned again when asked for, with the same links', async () => {
  // Room for one series of three reports.
  const w = workspace(Math.round(ONE * 4));
  try {
    const all = await w.corpus.allReports();
    const anping = all.find((l) => l.source.fsPath.includes('安平县'))!;
    const hefeng = all.find((l) => l.source.fsPath.includes('和丰县'))!;
    const aligned = await w.alignment.get();
    assert.deepEqual(w.alignment.lastAligned, []);
    const a1 = (await aligned.of(anping.report))!;
    const links = (a: typeof a1) => a.links.map((l) => `${l.a.report.year} ${l.a.node.title} → ${l.b.report.year} ${l.b.node.title}`).sort();
    const first = links(a1);
    assert.ok(first.length > 0);
    assert.equal(await aligned.of(anping.report), a1, 'kept while it is the most recent');
    await aligned.of(hefeng.report);
    assert.deepEqual(w.alignment.lastAligned, ['安平县人民政府 · 政府工作报告', '和丰县人民政府 · 政府工作报告']);
    // 安平县's alignment was let go for 和丰县's: asked for again, it is aligned again, the same.
    const a2 = (await aligned.of(anping.report))!;
    assert.notEqual(a2, a1);
    assert.equal(w.alignment.lastAligned.length, 3);
    assert.deepEqual(links(a2), first);
    // The alignment's reports are the corpus's full reports of its heads.
    const member = aligned.member(a2, anping.report) as Report;
    assert.equal(w.corpus.headOf(member), anping.report);
    assert.equal(await w.corpus.full(anping), member);
    assert.equal(aligned.sourceOf(member)?.fsPath, anping.source.fsPath);
  } finally {
    w.dispose();
  }
});

test('a series asked for while an alignment of its old reports is under way is aligned on its new reports', async () => {
  const w = workspace(128 * 1048576);
  try {
    const all = await w.corpus.allReports();
    const aligned = await w.alignment.get();
    // The first alignment waits on its reads until the corpus has taken the change.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const full = w.corpus.full.bind(w.corpus);
    w.corpus.full = async (l) => {
      await gate;
      return full(l);
    };
    const first = aligned.of(all.find((l) => l.source.fsPath === w.files[1])!.report);
    const file = w.files[1];
    writeFileSync(file, text('安平县', 2011).replace('各位代表', '各位代表们'));
    const changed = new Promise<void>((resolve) => {
      const sub = w.corpus.onDidChange(() => {
        sub.dispose();
        resolve();
      });
    });
    fake.watchers[0].change.fire(vscode.Uri.file(file));
    await changed;
    const now = (await w.corpus.allReports()).find((l) => l.source.fsPath === file)!;
    const again = (await w.alignment.get()).of(now.report);
    release();
    await first;
    const al = (await again)!;
    const member = (await w.alignment.get()).member(al, now.report);
    assert.ok(member, 'the new report is in the alignment given for it');
    assert.ok(member.text.includes('各位代表们'));
  } finally {
    w.dispose();
  }
});

test('a text that could not be read again is not kept: the next ask reads it again; an alignment missing a year is not kept', async () => {
  // Room for one report: every other text is let go.
  const w = workspace(Math.round(ONE * 1.2));
  try {
    const all = await w.corpus.allReports();
    const target = all.find((l) => l.source.fsPath === w.files[0])!;
    assert.equal(w.reports.peek(target.source), undefined);
    // The worker gives up on the next read of that file (a timeout under load).
    const importer = (w.reports as unknown as { importer: InlineImporter }).importer;
    const run = importer.run.bind(importer);
    let failures = 1;
    let failing = w.files[0];
    importer.run = async (source, bytes, options) =>
      source === failing && failures-- > 0
        ? { source, format: 'text', diagnostics: [{ severity: 'error', code: 'importTimeout', message: 'timed out', line: null }], reports: [] }
        : run(source, bytes, options);
    assert.equal(await w.corpus.full(target), undefined);
    assert.equal(w.reports.peek(target.source), undefined, 'the failed read is not kept');
    const r = await w.corpus.full(target);
    assert.ok(r && r.paragraphs.length > 10, 'read again, and read');
    // The same with alignment: a year that cannot be read (安平县 2011, whose text was let go) is left out of
    // that alignment, which is not kept.
    failing = w.files[1];
    failures = 1;
    const aligned = await w.alignment.get();
    const a1 = (await aligned.of(target.report))!;
    const years = (a: typeof a1) => a.series[0].reports.map((x) => x.year);
    assert.deepEqual(years(a1), [2010, 2012]);
    const a2 = (await aligned.of(target.report))!;
    assert.notEqual(a2, a1);
    assert.deepEqual(years(a2), YEARS);
  } finally {
    w.dispose();
  }
});

test('the Annotations view reads in full only the reports with annotations, and lists as orphans those of a report it cannot read', async () => {
  const w = workspace(128 * 1048576);
  const annotations = new AnnotationService();
  const view = new AnnotationsView(w.corpus, annotations, new MemoService());
  try {
    const all = await w.corpus.allReports();
    const l = all.find((x) => x.source.fsPath === w.files[4])!;
    const r = (await w.corpus.full(l))!;
    const p = r.paragraphs.find((x) => x.role === 'body')!;
    const t = makeTarget(r, p.index);
    assert.ok(t.ok);
    const T = '2025-01-01T00:00:00Z';
    const a: Annotation = { id: 'a0000000000000001', report: r.id, target: t.value.target, tags: ['t'], note: '', author: 'me', created: T, modified: T };
    writeFileSync(w.files[4] + SIDECAR_SUFFIX, serializeSidecar({ version: 1, source: path.basename(w.files[4]), annotations: [a] }));
    const read: string[] = [];
    const full = w.corpus.full.bind(w.corpus);
    let fails = false;
    w.corpus.full = async (x) => {
      read.push(x.source.fsPath);
      return fails ? undefined : full(x);
    };
    let entries = await view.entries();
    assert.deepEqual(read, [w.files[4]]);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].report, l.report);
    assert.equal(entries[0].line, p.line);
    // The report's text cannot be read now: its annotation is still listed, as an orphan.
    fails = true;
    view.refresh();
    entries = await view.entries();
    assert.equal(entries.length, 1);
    assert.equal(entries[0].report, null);
    assert.equal(entries[0].anchor.status, 'orphan');
  } finally {
    view.dispose();
    annotations.dispose();
    w.dispose();
  }
});
