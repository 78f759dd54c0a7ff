/**
 * The measurements of bench/scale/workspace.ts, run under the fake vscode of the unit tests
 * (workspace.ts starts this file with test/unit/fake/register.mjs). See workspace.ts.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { buildWorkspace } from './_workspace.ts';
import { writeSection } from '../results.ts';

import * as vscode from 'vscode';
import { fake } from '../../test/unit/fake/vscode.ts';
import { InlineImporter } from '../../test/unit/inlineImporter.ts';
import { testWorkspace } from '../../test/unit/workspace.ts';
import { alignCorpus, buildCompare, importSource, type Report } from '../../src/core/index.ts';
import { Corpus } from '../../src/extension/corpus.ts';
import { HeadStore } from '../../src/extension/headStore.ts';
import { ReportService } from '../../src/extension/reportService.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const sizes = (process.env.SCALE_SIZES ?? '1250,2500,5000,10000').split(',').map(Number);
const ms = (t0: number) => performance.now() - t0;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** The exponent b of y = a·n^b, least squares on logs. */
function growth(ns: number[], ys: number[]): number {
  const xs = ns.map(Math.log);
  const ls = ys.map((y) => Math.log(Math.max(y, 1e-3)));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ls.reduce((a, b) => a + b) / ls.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ls[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? Math.round((num / den) * 100) / 100 : 0;
}

interface Row {
  n: number;
  series: number;
  mb: number;
  cold: number;
  align: number;
  refRead: number;
  warm: number;
  refStat: number;
  change: number;
  changeAligned: number;
  heapMB: number;
  heapKBPerReport: number;
  /** The full imports the ReportService keeps (annals.cacheMegabytes), MB, after aligning every series. */
  keptMB: number;
  /** Files imported again (the cache had let them go) while every series was aligned. */
  rereads: number;
  /** Stored heads (HeadStore): writing them, their size, and a new session's series shown from them, then checked. */
  storeSave: number;
  storeMB: number;
  reopenShown: number;
  reopenChecked: number;
  reopenHeapMB: number;
}

// As in the editor, where the import comes back from a worker thread: a structured clone.
const inline = InlineImporter.prototype.run;
InlineImporter.prototype.run = async function (this: InlineImporter, ...args: Parameters<typeof inline>) {
  return structuredClone(await inline.apply(this, args));
};

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const n of sizes) {
    const base = heap();
    let ws = { dir: '', files: [] as { path: string; county: string; year: number }[], bytes: 0 };
    const w = testWorkspace('scale', (root) => {
      ws = buildWorkspace(n, { dir: root });
    });
    fake.settings['annals.maxScanFiles'] = n * 2;
    // Reference: the plain read loop over the same files.
    let t = performance.now();
    let lines = 0;
    for (const f of ws.files) lines += readFileSync(f.path, 'utf8').split('\n').length;
    const refRead = ms(t);
    const { corpus, alignment } = w.services;
    t = performance.now();
    const top = await w.tree.getChildren();
    const cold = ms(t);
    // Every series aligned once (the views align a series when first asked for it; the alignments kept are bounded).
    t = performance.now();
    await (await alignment.get()).all();
    const align = ms(t);
    // A turn of the event loop first: the full reports are held through WeakRefs (Corpus.full), whose targets the
    // engine keeps until the end of the current job (as the spec says), and the editor's host is never measured mid-job.
    await new Promise((r) => setTimeout(r, 0));
    const heapMB = (heap() - base) / 1048576;
    const keptMB = r1(w.services.reports.cachedBytes / 1048576);
    const rereads = w.services.reports.rereads;
    // Warm rescan (Refresh): findFiles, and a stat per file; the imports are cached.
    t = performance.now();
    for (const f of ws.files) statSync(f.path);
    const refStat = ms(t);
    t = performance.now();
    corpus.refresh();
    await corpus.allReports();
    const warm = ms(t);
    await w.tree.getChildren();
    // One changed file: the watcher's event → corpus updated, the series realigned, its node refilled.
    // Five files in turn (each a paragraph longer, the same series and year), the median of each time.
    const changes: number[] = [];
    const realigned: number[] = [];
    for (let k = 0; k < 5; k++) {
      const target = ws.files[(Math.floor(ws.files.length / 2) + k * 37) % ws.files.length];
      writeFileSync(target.path, readFileSync(target.path, 'utf8').replace(/。/, '。另外，'));
      const watcher = fake.watchers.find((x) => typeof x.pattern === 'string')!;
      const refreshed: unknown[] = [];
      const sub = w.tree.onDidChangeTreeData((e) => refreshed.push(e));
      const updated = new Promise<void>((resolve) => {
        const once = corpus.onDidChange(() => {
          once.dispose();
          resolve();
        });
      });
      t = performance.now();
      watcher.change.fire(vscode.Uri.file(target.path));
      await updated;
      await new Promise((r) => setImmediate(r));
      for (const node of refreshed) await w.tree.getChildren((node ?? undefined) as never);
      changes.push(ms(t));
      // Its series aligned again, as Compare or the year navigation asks for it.
      const changed = (await corpus.allReports()).find((l) => l.source.fsPath === target.path)!;
      await (await alignment.get()).of(changed.report);
      realigned.push(ms(t));
      sub.dispose();
      if (alignment.lastAligned.length !== 1 || refreshed.length !== 1 || refreshed[0] === undefined)
        throw new Error(
          `one changed file: realigned ${alignment.lastAligned.length} series, refreshed ${JSON.stringify(refreshed.map((x) => x === undefined))}`,
        );
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const change = median(changes);
    const changeAligned = median(realigned);
    // Stored heads: what this session knows, written; a new session (its own services) shows the series from them,
    // then checks every file against the disk (a stat each, nothing read: nothing changed).
    const storeDir = mkdtempSync(join(tmpdir(), 'annals-bench-store-'));
    const build = async () => 'bench';
    t = performance.now();
    await new HeadStore(vscode.Uri.file(storeDir), build).save(w.services.reports.knownFiles());
    const storeSave = ms(t);
    const storeMB = r1(statSync(join(storeDir, 'heads.json')).size / 1048576);
    const before = heap();
    const reports = new ReportService(new InlineImporter());
    const reopened = new Corpus(reports, { store: new HeadStore(vscode.Uri.file(storeDir), build) });
    t = performance.now();
    const shownReports = (await reopened.allReports()).length;
    const reopenShown = ms(t);
    await reopened.checked();
    const reopenChecked = ms(t);
    await new Promise((r) => setTimeout(r, 0));
    const reopenHeapMB = (heap() - before) / 1048576;
    if (shownReports !== (await corpus.allReports()).length || reports.rereads !== 0)
      throw new Error(`reopened: ${shownReports} reports, ${reports.rereads} read`);
    reopened.dispose();
    reports.dispose();
    rmSync(storeDir, { recursive: true, force: true });
    rows.push({
      n,
      series: top.filter((x) => x.type === 'series').length,
      mb: r1(ws.bytes / 1048576),
      cold: Math.round(cold),
      align: Math.round(align),
      refRead: Math.round(refRead),
      warm: Math.round(warm),
      refStat: Math.round(refStat),
      change: Math.round(change),
      changeAligned: Math.round(changeAligned),
      heapMB: Math.round(heapMB),
      heapKBPerReport: r1((heapMB * 1024) / n),
      keptMB,
      rereads,
      storeSave: Math.round(storeSave),
      storeMB,
      reopenShown: Math.round(reopenShown),
      reopenChecked: Math.round(reopenChecked),
      reopenHeapMB: Math.round(reopenHeapMB),
    });
    process.stdout.write(`${JSON.stringify({ ...rows[rows.length - 1], lines })}\n`);
    w.dispose();
    rmSync(ws.dir, { recursive: true, force: true });
  }

  // Compare of three years in a series of 10 to 1,000 reports: copies of the national reports,
  // one a year (the years are set on the copies: a text names no year past 2100).
  const national = ['2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019'].flatMap((y) => {
    const f = [
      `../shared/corpus/gwr-national/gwr-national-${y}.txt`,
      `test/fixtures/national/gwr-national-${y}.txt`,
      `samples/national/gwr-national-${y}.txt`,
    ].find((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
    return f ? importSource(f, readFileSync(f)).reports : [];
  });
  const compareRows: { length: number; ms: number; ref: number; rows: number }[] = [];
  for (const length of [10, 100, 300, 1000]) {
    const reports: Report[] = Array.from({ length }, (_, k) => ({ ...structuredClone(national[k % national.length]), year: 1001 + k, id: `r${k}` }));
    // One series by hand: the grouping keeps years a report could name (up to 2100).
    const series = {
      key: 'bench',
      issuer: reports[0].issuer,
      type: reports[0].type ?? '政府工作报告',
      label: 'bench',
      issuerVariants: [],
      reports,
      members: reports.map((report) => ({ source: report.id, report, copies: [] })),
    };
    const al = alignCorpus(reports, {}, { series: [series], problems: [], unplaced: [] });
    const mid = Math.floor(length / 2);
    const report = reports[mid];
    const chapter = report.outline.flatMap((x) => (x.kind === 'chapter' ? [x] : x.children.filter((c) => c.kind === 'chapter')))[1];
    const years = [report.year!, report.year! + 1, report.year! + 2];
    const runs: number[] = [];
    const refs: number[] = [];
    let rowsOut = 0;
    for (let i = 0; i < 15; i++) {
      let t = performance.now();
      const { model, error } = buildCompare(al, report, chapter, { years });
      if (!model) throw new Error(error);
      rowsOut = model.rows.length;
      runs.push(ms(t));
      t = performance.now();
      let x = 0;
      for (let k = 0; k < 3; k++) x += reports[mid + k].text.split('\n').length;
      refs.push(ms(t) + x * 0);
    }
    runs.sort((a, b) => a - b);
    refs.sort((a, b) => a - b);
    compareRows.push({ length, ms: Math.round(runs[7] * 100) / 100, ref: Math.round(refs[7] * 1000) / 1000, rows: rowsOut });
    process.stdout.write(`${JSON.stringify(compareRows[compareRows.length - 1])}\n`);
  }

  const ns = rows.map((r) => r.n);
  const md = `## scale-corpus: the extension over a workspace of many reports (issue #13 items 4–6)

\`node --import tsx --expose-gc bench/scale/workspace.ts\` (or \`npm run bench:scale -- workspace\`), ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}. The extension's services on the fake \`vscode\` of the unit tests, imports on the same thread, their results
structured-cloned as a worker's are;
workspaces of real reports perturbed, in series of 10–40 years (bench/scale/_workspace.ts). Times in ms.

| reports | series | MB on disk | cold scan | ref: read + split | align all | warm rescan | ref: stat loop | one changed file → view | → realigned | heap retained MB | KB / report | texts kept MB | files read again |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.n} | ${r.series} | ${r.mb} | ${r.cold} | ${r.refRead} | ${r.align} | ${r.warm} | ${r.refStat} | ${r.change} | ${r.changeAligned} | ${r.heapMB} | ${r.heapKBPerReport} | ${r.keptMB} | ${r.rereads} |`).join('\n')}

Growth (exponent of n, ${ns.length} sizes): cold scan ${growth(
    ns,
    rows.map((r) => r.cold),
  )}, read loop ${growth(
    ns,
    rows.map((r) => r.refRead),
  )}, align ${growth(
    ns,
    rows.map((r) => r.align),
  )}, warm rescan ${growth(
    ns,
    rows.map((r) => r.warm),
  )}, one changed file ${growth(
    ns,
    rows.map((r) => r.change),
  )} (realigned ${growth(
    ns,
    rows.map((r) => r.changeAligned),
  )}), heap ${growth(
    ns,
    rows.map((r) => r.heapMB),
  )}.
"One changed file" is the median of five files changed in turn (each a paragraph longer: the same series and year, so\nthe grouping is patched), and includes the 50 ms the corpus waits for a burst of watcher events to end.

Compare of three years (the middle of the series, its second chapter), median of 15, against split('\\n') of the same three reports:

| series length | Compare ms | ref ms | rows |
|---:|---:|---:|---:|
${compareRows.map((r) => `| ${r.length} | ${r.ms} | ${r.ref} | ${r.rows} |`).join('\n')}

Stored heads (HeadStore, [scale.md](../docs/scale.md#stored-heads)): what the session above knows, written to a file; then a new
session (its own ReportService and Corpus) opens the same workspace: its series shown from the file (no report read),
then every file checked against the disk (a stat each; nothing had changed, so nothing is read). Against the cold scan
above, which reads and imports every file. "Heap" is what the heap grew by from before the new session to after its
check, measured while the first session's services are still alive (what they let go meanwhile is subtracted): a rough
figure, not the first session's "heap retained".

| reports | write ms | file MB | reopened: series shown ms | + checked ms | cold scan ms | heap MB |
|---:|---:|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.n} | ${r.storeSave} | ${r.storeMB} | ${r.reopenShown} | ${r.reopenChecked} | ${r.cold} | ${r.reopenHeapMB} |`).join('\n')}

Growth of Compare with the series length: ${growth(
    compareRows.map((r) => r.length),
    compareRows.map((r) => r.ms),
  )}.
`;
  writeSection('scale-corpus', md);
  process.stdout.write(md);
}

void main();
