/**
 * The editor side of issue #11: the Corpus groups once with the core's groupSeries and the
 * corrections of .annals/corpus.json; the Reports view, alignment (Compare, the year navigation)
 * and the Annotations view agree; the correction commands write the file and the tree follows; an
 * outside edit is merged; a broken file is reported and never overwritten; copies are one report.
 */
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { type Annotation, makeTarget, parseCorpusFile, SIDECAR_SUFFIX, serializeSidecar } from '../../src/core/index.ts';
import { COMMANDS } from '../../src/extension/commands/index.ts';
import type { ReportsNode } from '../../src/extension/reportsTree.ts';
import { FIXTURES, SAMPLES } from './helpers.ts';
import { type TestWorkspace, testWorkspace } from './workspace.ts';

const WORD_2025 = path.join(FIXTURES, 'docx/2025年宁夏政府工作报告.docx');
const WEB_2026 = path.join(FIXTURES, 'series/2026/2026_宁夏回族自治区_政府工作报告.txt');
const NINGXIA = '宁夏回族自治区人民政府 · 政府工作报告';

let ws: TestWorkspace | undefined;
afterEach(() => {
  ws?.dispose();
  ws = undefined;
});

/** A workspace with 宁夏's 2025 Word report and 2026 web text, in two folders. */
function ningxia(): TestWorkspace {
  ws = testWorkspace('corpusx', (root) => {
    mkdirSync(path.join(root, 'word'));
    mkdirSync(path.join(root, 'web'));
    copyFileSync(WORD_2025, path.join(root, 'word/2025年宁夏政府工作报告.docx'));
    copyFileSync(WEB_2026, path.join(root, 'web/2026_宁夏回族自治区_政府工作报告.txt'));
  });
  return ws;
}

type Node = ReportsNode;
const item = (w: TestWorkspace, n: Node) => w.tree.getTreeItem(n);
const label = (w: TestWorkspace, n: Node) => String(item(w, n).label);

/** The tree's top rows as `label | description`. */
async function top(w: TestWorkspace): Promise<string[]> {
  return (await w.tree.getChildren()).map((n) => `${label(w, n)} | ${item(w, n).description ?? ''}`);
}

async function seriesNode(w: TestWorkspace, key: string): Promise<Extract<Node, { type: 'series' }>> {
  const n = (await w.tree.getChildren()).find((x) => x.type === 'series' && x.key === key);
  assert.ok(n && n.type === 'series', `series ${key} in ${(await top(w)).join('; ')}`);
  return n;
}

async function reportRows(w: TestWorkspace, n: Node): Promise<string[]> {
  return (await w.tree.getChildren(n)).map((x) => `${label(w, x)} | ${item(w, x).description ?? ''}`);
}

/** Answers the next quick picks in order: each a function choosing among the items. */
function answerPicks(...choices: ((items: { label: string; [k: string]: unknown }[]) => unknown)[]): void {
  fake.quickPickChoice = (items) => {
    const next = choices.shift();
    assert.ok(next, 'an unexpected quick pick');
    return next(items as { label: string }[]);
  };
}
const byLabel = (l: string) => (items: { label: string }[]) => items.find((i) => i.label === l);

const corpusJson = (w: TestWorkspace) => readFileSync(path.join(w.root, '.annals/corpus.json'), 'utf8');

test('a province’s 2025 Word file and 2026 web text are ONE series of two years, labelled by issuer and type', async () => {
  const w = ningxia();
  assert.deepEqual(await top(w), [`${NINGXIA} | 2025–2026`]);
  const s = await seriesNode(w, NINGXIA);
  assert.deepEqual(await reportRows(w, s), ['2026 | ', '2025 | ']);
  const tip = (item(w, s).tooltip as vscode.MarkdownString).value;
  assert.match(tip, /Issuer: 宁夏回族自治区人民政府/);
  assert.match(tip, /Years: 2025, 2026/);
  // Alignment uses the same series: Compare and the year navigation follow it.
  const aligned = await w.services.alignment.get();
  assert.deepEqual(
    (await aligned.all()).series.map((x) => [x.key, x.reports.map((r) => r.year)]),
    [[NINGXIA, [2025, 2026]]],
  );
});

test('Set Report Metadata writes .annals/corpus.json, the tree follows without re-import, and empty goes back to the text', async () => {
  const w = ningxia();
  const s = await seriesNode(w, NINGXIA);
  const r2026 = (await w.tree.getChildren(s))[0];
  assert.equal(r2026.type, 'report');
  const loads = w.services.corpus.lastScan;
  answerPicks((items) => items.find((i) => i.field === 'year'));
  fake.inputs.push('20x6');
  await COMMANDS['annals.setReportMetadata'](w.services)(r2026);
  assert.equal(fake.validations.at(-1), 'A year is four digits, such as 2025.');
  assert.throws(() => readFileSync(path.join(w.root, '.annals/corpus.json')), 'an invalid year writes nothing');

  answerPicks((items) => items.find((i) => i.field === 'issuer'));
  fake.inputs.push('银川市人民政府');
  await COMMANDS['annals.setReportMetadata'](w.services)(r2026);
  const parsed = parseCorpusFile(corpusJson(w), 'corpus.json');
  assert.ok(parsed.ok);
  const entry = parsed.value.reports['web/2026_宁夏回族自治区_政府工作报告.txt'];
  assert.ok(entry, Object.keys(parsed.value.reports).join());
  const [id] = Object.keys(entry);
  assert.equal(id, r2026.type === 'report' ? r2026.report.id : '');
  assert.equal(entry[id].issuer, '银川市人民政府');
  assert.ok(!Number.isNaN(Date.parse(entry[id].modified)));
  assert.equal(corpusJson(w).endsWith('}\n'), true, 'stable text with a final newline');

  // The tree follows: two series now, the corrected report marked, its original value in the tooltip.
  assert.deepEqual(await top(w), [`${NINGXIA} | 2025`, '银川市人民政府 · 政府工作报告 | 2026']);
  assert.equal(w.services.corpus.lastScan, loads, 'grouped again, not scanned again');
  const moved = (await w.tree.getChildren(await seriesNode(w, '银川市人民政府 · 政府工作报告')))[0];
  assert.equal(item(w, moved).description, 'corrected');
  assert.match((item(w, moved).tooltip as vscode.MarkdownString).value, /issuer: 银川市人民政府 \(read from the text: 宁夏回族自治区人民政府\)/);

  // Empty: back to what the text says (the correction is removed, the file is kept).
  answerPicks((items) => items.find((i) => i.field === 'issuer'));
  fake.inputs.push('');
  await COMMANDS['annals.setReportMetadata'](w.services)(moved);
  assert.deepEqual(parseCorpusFile(corpusJson(w), 'x').ok && parseCorpusFile(corpusJson(w), 'x'), {
    ok: true,
    value: { version: 1, reports: {}, series: {}, copies: {}, counterparts: [] },
  });
  assert.deepEqual(await top(w), [`${NINGXIA} | 2025–2026`]);
});

test('Move to Series, Merge Series: the report and the series move, and the alignment follows', async () => {
  const w = ningxia();
  const r2025 = (await w.tree.getChildren(await seriesNode(w, NINGXIA)))[1];
  answerPicks(byLabel('New series…'));
  fake.inputs.push('宁夏 · 旧报告');
  await COMMANDS['annals.moveToSeries'](w.services)(r2025);
  assert.deepEqual(await top(w), ['宁夏 · 旧报告 | 2025', `${NINGXIA} | 2026`]);
  const aligned = await w.services.alignment.get();
  assert.deepEqual((await aligned.all()).series.map((x) => x.key).sort(), [NINGXIA, '宁夏 · 旧报告'].sort());

  // Merge the new series back into 宁夏's.
  answerPicks(byLabel(NINGXIA));
  await COMMANDS['annals.mergeSeries'](w.services)(await seriesNode(w, '宁夏 · 旧报告'));
  const file = parseCorpusFile(corpusJson(w), 'x');
  assert.ok(file.ok);
  assert.equal(file.value.series['宁夏 · 旧报告'].mergeInto, NINGXIA);
  assert.deepEqual(await top(w), [`${NINGXIA} | 2025–2026`]);
  const again = await w.services.alignment.get();
  assert.deepEqual(
    (await again.all()).series.map((x) => [x.key, x.reports.map((r) => r.year)]),
    [[NINGXIA, [2025, 2026]]],
  );
});

test('an outside edit of .annals/corpus.json (a teammate’s, through git) is merged and regroups', async () => {
  const w = ningxia();
  assert.deepEqual(await top(w), [`${NINGXIA} | 2025–2026`]);
  const r2026 = (await w.tree.getChildren(await seriesNode(w, NINGXIA)))[0];
  assert.ok(r2026.type === 'report');
  // Ours: a title.
  answerPicks((items) => items.find((i) => i.field === 'title'));
  fake.inputs.push('宁夏2026年政府工作报告');
  await COMMANDS['annals.setReportMetadata'](w.services)(r2026);
  // Theirs: the 2025 report's year, written into the file from outside.
  const r2025 = (await w.tree.getChildren(await seriesNode(w, NINGXIA)))[1];
  assert.ok(r2025.type === 'report');
  const disk = JSON.parse(corpusJson(w));
  disk.reports['word/2025年宁夏政府工作报告.docx'] = { [r2025.report.id]: { year: 2024, modified: '2030-01-01T00:00:00Z' } };
  writeFileSync(path.join(w.root, '.annals/corpus.json'), JSON.stringify(disk));
  const watcher = fake.watchers.find((x) => x.pattern instanceof vscode.RelativePattern && x.pattern.pattern === '.annals/corpus.json');
  assert.ok(watcher, 'corpus.json is watched');
  watcher.change.fire(vscode.Uri.file(path.join(w.root, '.annals/corpus.json')));
  await w.services.corrections.reload();
  const s = await seriesNode(w, NINGXIA);
  assert.deepEqual(await reportRows(w, s), ['2026 | corrected', '2024 | corrected']);
  assert.equal(item(w, s).description, '2024–2026 · 2 years', 'a year missing: the range and the count');
  // Our next write keeps theirs.
  answerPicks((items) => items.find((i) => i.field === 'type'));
  fake.inputs.push('政府工作报告');
  await COMMANDS['annals.setReportMetadata'](w.services)((await w.tree.getChildren(s))[0]);
  const merged = parseCorpusFile(corpusJson(w), 'x');
  assert.ok(merged.ok);
  assert.equal(merged.value.reports['word/2025年宁夏政府工作报告.docx'][r2025.report.id].year, 2024, 'theirs kept');
  assert.equal(merged.value.reports['web/2026_宁夏回族自治区_政府工作报告.txt'][r2026.report.id].title, '宁夏2026年政府工作报告', 'ours kept');
});

test('a broken .annals/corpus.json is reported with an Open button and never overwritten', async () => {
  const w = ningxia();
  const broken = '{ "version": 1, "reports": { "a.txt": { "r1": { "year": "soon" } } } }\n';
  mkdirSync(path.join(w.root, '.annals'));
  writeFileSync(path.join(w.root, '.annals/corpus.json'), broken);
  let buttons: string[] = [];
  fake.messageChoice = (_m, items) => {
    buttons = items;
    return undefined;
  };
  assert.deepEqual(await top(w), [`${NINGXIA} | 2025–2026`], 'the reports are still grouped');
  assert.equal(fake.errors.length, 1, fake.errors.join('\n'));
  assert.match(fake.errors[0], /\.annals\/corpus\.json/);
  assert.match(fake.errors[0], /reports\["a\.txt"\]\.r1\.year: expected a whole number/);
  assert.deepEqual(buttons, ['Open']);
  const diags = fake.diagnosticCollections.get('annals-corpus');
  assert.equal([...(diags?.values() ?? [])][0]?.diagnostics.length, 1, 'in the Problems panel');
  // A command does not overwrite it.
  const r2026 = (await w.tree.getChildren(await seriesNode(w, NINGXIA)))[0];
  answerPicks((items) => items.find((i) => i.field === 'year'));
  fake.inputs.push('2027');
  await COMMANDS['annals.setReportMetadata'](w.services)(r2026);
  assert.equal(readFileSync(path.join(w.root, '.annals/corpus.json'), 'utf8'), broken);
  assert.equal(fake.errors.length, 2);
  assert.deepEqual(await top(w), [`${NINGXIA} | 2025–2026`]);
});

test('a correction whose report has gone is reported on .annals/corpus.json, and kept', async () => {
  const w = ningxia();
  mkdirSync(path.join(w.root, '.annals'));
  const text = JSON.stringify({ version: 1, reports: { 'gone.txt': { r9: { year: 2020, modified: '2025-01-01T00:00:00Z' } } } });
  writeFileSync(path.join(w.root, '.annals/corpus.json'), text);
  const { problems } = await w.services.corpus.grouping();
  assert.equal(problems.filter((p) => p.problem.code === 'correctionOrphan').length, 1);
  // The Problems panel has it on the file (published after the scan).
  const sp = new (await import('../../src/extension/sourceProblems.ts')).SourceProblems(w.services.corpus);
  w.services.corpus.refresh();
  await w.services.corpus.grouping();
  await new Promise((r) => setTimeout(r, 20));
  const entries = [...(fake.diagnosticCollections.get('annals-series')?.values() ?? [])];
  const onFile = entries.find((e) => e.uri.fsPath === path.join(w.root, '.annals/corpus.json'));
  assert.ok(onFile, entries.map((e) => e.uri.toString()).join());
  assert.match(onFile.diagnostics[0].message, /report r9 of gone\.txt/);
  sp.dispose();
  assert.equal(readFileSync(path.join(w.root, '.annals/corpus.json'), 'utf8'), text, 'kept as it is');
});

test('the same report in two files is shown once, with its copy', async () => {
  const w = ningxia();
  mkdirSync(path.join(w.root, 'mirror'));
  copyFileSync(WEB_2026, path.join(w.root, 'mirror/2026_宁夏回族自治区_政府工作报告.txt'));
  w.services.corpus.refresh();
  const rows = await w.tree.getChildren(await seriesNode(w, NINGXIA));
  assert.equal(rows.length, 2, 'one report a year');
  assert.ok(rows[0].type === 'report');
  assert.equal(rows[0].copies.length, 1);
  assert.deepEqual([rows[0].source, rows[0].copies[0].source].map((u) => path.relative(w.root, u.fsPath)).sort(), [
    'mirror/2026_宁夏回族自治区_政府工作报告.txt',
    'web/2026_宁夏回族自治区_政府工作报告.txt',
  ]);
});

test('Choose Copy between two files with the same content', async () => {
  const w = ningxia();
  mkdirSync(path.join(w.root, 'mirror'));
  copyFileSync(WEB_2026, path.join(w.root, 'mirror/2026_宁夏回族自治区_政府工作报告.txt'));
  w.services.corpus.refresh();
  const r2026 = (await w.tree.getChildren(await seriesNode(w, NINGXIA)))[0];
  assert.ok(r2026.type === 'report');
  const other = path.relative(w.root, r2026.copies[0].source.fsPath);
  answerPicks((items) => items.find((i) => i.label === other));
  await COMMANDS['annals.chooseCopy'](w.services)(r2026);
  const after = (await w.tree.getChildren(await seriesNode(w, NINGXIA)))[0];
  assert.ok(after.type === 'report');
  assert.equal(path.relative(w.root, after.source.fsPath), other);
});

test('two files with the same report of one year (another edition): one report with its copy; Choose Copy picks the file used', async () => {
  const w = ningxia();
  mkdirSync(path.join(w.root, 'mirror'));
  // Another edition of the 2026 report: one word differs in its text.
  const text = readFileSync(WEB_2026, 'utf8');
  assert.ok(text.includes('我们'));
  writeFileSync(path.join(w.root, 'mirror/2026_宁夏回族自治区_政府工作报告.txt'), text.replace('我们', '我们也'));
  w.services.corpus.refresh();
  const s = await seriesNode(w, NINGXIA);
  const rows = await w.tree.getChildren(s);
  assert.equal(rows.length, 2, 'one report a year');
  const r2026 = rows[0];
  assert.ok(r2026.type === 'report');
  assert.equal(r2026.copies.length, 1);
  assert.equal(item(w, rows[0]).contextValue, 'annals.report.copies');
  const used = path.relative(w.root, r2026.source.fsPath);
  const other = path.relative(w.root, r2026.copies[0].source.fsPath);
  assert.deepEqual([used, other].sort(), ['mirror/2026_宁夏回族自治区_政府工作报告.txt', 'web/2026_宁夏回族自治区_政府工作报告.txt']);
  assert.equal(item(w, rows[0]).description, `${path.dirname(used)}/ · 1 copy`);
  answerPicks((items) => items.find((i) => i.label === other));
  await COMMANDS['annals.chooseCopy'](w.services)(r2026);
  const after = (await w.tree.getChildren(await seriesNode(w, NINGXIA)))[0];
  assert.ok(after.type === 'report');
  assert.equal(path.relative(w.root, after.source.fsPath), other, 'the chosen copy is used');
  const file = parseCorpusFile(corpusJson(w), 'x');
  assert.ok(file.ok);
  assert.equal(file.value.copies[`${NINGXIA} · 2026`].use, other);
});

test('one grouping: the Reports view, the alignment and the Annotations view agree on series and members', async () => {
  ws = testWorkspace('corpusx-agree', (root) => {
    cpSync(SAMPLES, root, { recursive: true });
    mkdirSync(path.join(root, 'ningxia'));
    copyFileSync(WORD_2025, path.join(root, 'ningxia/2025.docx'));
    copyFileSync(WEB_2026, path.join(root, 'ningxia/2026.txt'));
    writeFileSync(path.join(root, 'undated.txt'), '关于某事的工作报告\n\n各位代表：\n\n一、过去一年的工作\n\n我们做了很多工作。\n');
  });
  const w = ws;
  // The view: series keys and their members (source and report id), and the reports in no series.
  const view = new Map<string, string[]>();
  for (const n of await w.tree.getChildren()) {
    if (n.type !== 'series') continue;
    view.set(n.key, (await w.tree.getChildren(n)).map((r) => (r.type === 'report' ? `${path.relative(w.root, r.source.fsPath)}#${r.report.id}` : '?')).sort());
  }
  assert.ok(view.size >= 3, [...view.keys()].join('; '));
  assert.ok(view.has(NINGXIA));
  // The alignment (Compare, the year navigation, CodeLens).
  const aligned = await w.services.alignment.get();
  const alignment = new Map(
    (await aligned.all()).series.map((s) => [s.key, s.reports.map((r) => `${path.relative(w.root, aligned.sourceOf(r)!.fsPath)}#${r.id}`).sort()]),
  );
  assert.deepEqual(alignment, view);
  // The Annotations view: tag a paragraph of every report; each entry names the series the view shows it in.
  const all = await w.services.corpus.fullAll(await w.services.corpus.allReports());
  const bySource = new Map<string, Annotation[]>();
  for (const [k, { source, report }] of all.entries()) {
    const p = report.paragraphs.find((x) => x.role === 'body')!;
    const t = makeTarget(report, p.index);
    assert.ok(t.ok);
    const T = '2025-01-01T00:00:00Z';
    const a: Annotation = {
      id: `a${String(k).padStart(16, '0')}`,
      report: report.id,
      target: t.value.target,
      tags: ['t'],
      note: '',
      author: 'me',
      created: T,
      modified: T,
    };
    bySource.set(source.fsPath, [...(bySource.get(source.fsPath) ?? []), a]);
  }
  for (const [file, annotations] of bySource) writeFileSync(file + SIDECAR_SUFFIX, serializeSidecar({ version: 1, source: path.basename(file), annotations }));
  w.services.annotationsView.refresh();
  const entries = await w.services.annotationsView.entries();
  assert.equal(entries.length, all.length);
  const fromEntries = new Map<string, string[]>();
  for (const e of entries) {
    if (!e.series) continue;
    const list = fromEntries.get(e.series) ?? [];
    list.push(`${path.relative(w.root, e.source.fsPath)}#${e.report!.id}`);
    fromEntries.set(e.series, list.sort());
  }
  assert.deepEqual(fromEntries, view);
  // The report with no year is in no series, and still shown.
  const unplaced = (await w.tree.getChildren()).find((n) => n.type === 'unplaced');
  assert.ok(unplaced, (await top(w)).join('; '));
  assert.deepEqual(await reportRows(w, unplaced), ['(no year) | 关于某事的工作报告']);
  assert.equal(entries.filter((e) => e.series === null).length, 1);
});
