/**
 * Memory bounded (issue #13 item 4): the Corpus keeps each report's head (metadata, outline,
 * diagnostics, the facts grouping reads), the full texts stay only in a cache bounded by bytes
 * (annals.cacheMegabytes), and the alignments kept are bounded the same way. What was let go is
 * read (and aligned) again when asked for, with the same result.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { FIXTURES } from './helpers.ts';
import { InlineImporter } from './inlineImporter.ts';
import { groupSeries, importSource, type Report } from '../../src/core/index.ts';
import { ReportService } from '../../src/extension/reportService.ts';
import { Corpus } from '../../src/extension/corpus.ts';
import { AlignmentService } from '../../src/extension/alignment.ts';

const YEARS = [2010, 2011, 2012];
const text = (county: string, year: number) =>
  `${county}${year}年政府工作报告\n\n${readFileSync(path.join(FIXTURES, `national/gwr-national-${year}.txt`), 'utf8')}`;

/** Two series of three years; `budget` bytes for the full reports and for the alignments kept. */
function workspace(budget: number) {
  const root = mkdtempSync(path.join(tmpdir(), 'annals-memory-'));
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
