/**
 * The Compare webview and the year-to-year navigation, on the in-process stand-in for `vscode`.
 * The real editor runs the same in test/e2e/compare.e2e.ts.
 */
import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake, FakeDocument, type FakeWebviewPanel } from './fake/vscode.ts';
import { COMPARE_VIEW } from '../../src/extension/comparePanel.ts';
import { ChapterLenses } from '../../src/extension/navigation.ts';
import { COMMANDS, type Services } from '../../src/extension/commands/index.ts';
import { parseReportUri, reportUri } from '../../src/extension/reportUri.ts';
import { ROOT } from './helpers.ts';
import { until } from './wait.ts';
import { testWorkspace, type TestWorkspace } from './workspace.ts';
import { synthReport, TOPICS } from './alignHelpers.ts';
import type { ToWebview } from '../../src/core/index.ts';

let root: string;
let services: Services;
let ws: TestWorkspace;
const NANHAI = 'nanhai/nanhai-feed-flattened.txt';

beforeEach(() => {
  ws = testWorkspace('cmp');
  root = ws.root;
  services = ws.services;
});

afterEach(() => ws.dispose());

async function nanhai(year: number) {
  const source = vscode.Uri.file(path.join(root, NANHAI));
  const report = (await services.reports.load(source)).reports.find((r) => r.year === year)!;
  return { source, report };
}

function lastRender(panel: FakeWebviewPanel): Extract<ToWebview, { type: 'render' }> {
  const m = panel.posted.filter((p) => (p as ToWebview).type === 'render').at(-1);
  assert.ok(m, `a render was posted: ${JSON.stringify(panel.posted).slice(0, 300)}`);
  return m as Extract<ToWebview, { type: 'render' }>;
}

test('Compare from the Reports view: a CSP shell with a nonce and media/ only, then three years of the matching chapters', async () => {
  const { source, report } = await nanhai(2018);
  const chapter = report.outline[0].children[0];
  await COMMANDS['annals.compareChapter'](services)({ type: 'heading', source, report, node: chapter });
  assert.equal(fake.panels.length, 1);
  const panel = fake.panels[0];
  assert.equal(panel.viewType, COMPARE_VIEW);
  const html = panel.webview.html;
  assert.match(html, /default-src 'none'/);
  const nonce = /script-src 'nonce-([A-Za-z0-9]{32})'/.exec(html)?.[1];
  assert.ok(nonce, 'a nonce in the CSP');
  assert.match(html, new RegExp(`<script nonce="${nonce}" src="https://fake.vscode-cdn.net[^"]*/media/compare.js"></script>`));
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, from media/');
  assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
  assert.deepEqual(
    panel.webview.options.localResourceRoots?.map((u) => u.path),
    [path.join(ROOT, 'media')],
  );
  assert.equal(panel.webview.options.enableScripts, true);
  // Nothing is posted before the webview's script says it is ready; then the render comes.
  assert.equal(panel.posted.length, 0);
  panel.receive({ type: 'ready', state: null });
  const m = lastRender(panel);
  assert.deepEqual(
    m.years.map((y) => `${y.year}${y.shown ? '' : '-'}`),
    ['2016', '2017', '2018'],
  );
  assert.match(m.html, /<span class="year">2016<\/span> <span class="chapter">一、科学统筹,编制法治政府建设新蓝图<\/span>/);
  assert.match(m.html, /<span class="year">2017<\/span> <span class="chapter">一、区委区政府高度重视,统筹推进法治政府建设工作<\/span>/);
  assert.match(
    m.html,
    /<th class="start"[^>]*><span class="year">2018<\/span><span class="start-mark"[^>]*>●<\/span> <span class="chapter">一、加强统筹督导,高质量推进法治政府建设工作<\/span>/,
  );
  assert.equal(m.state.reportId, report.id);
  assert.equal(m.state.line, chapter.line);
  // Once the first part is painted, the rest follows: further rows and the figures table.
  assert.match(m.html, /<div class="figures-slot"><\/div>/);
  panel.receive({ type: 'painted', sinceLoad: 5 });
  await until(() => panel.posted.some((p) => (p as ToWebview).type === 'rest'), 'the rest of the render');
  const rest = panel.posted.find((p) => (p as ToWebview).type === 'rest') as Extract<ToWebview, { type: 'rest' }>;
  assert.equal(rest.id, m.id);
  assert.match(rest.figures, /<table class="figures">/);
  assert.ok(rest.more.every((chunk) => chunk.startsWith('<tr')));
  assert.match(panel.title, /加强统筹督导/);
});

test('Compare: the webview can choose and order the years, reveal a paragraph, and nothing else', async () => {
  const { source, report } = await nanhai(2018);
  await COMMANDS['annals.compareChapter'](services)({ source: source.toString(), id: report.id, line: report.outline[0].children[0].line });
  const panel = fake.panels[0];
  panel.receive({ type: 'ready', state: null });
  const renders = panel.posted.length;
  panel.receive({ type: 'setYears', years: [2018, 2016] });
  await until(() => panel.posted.length > renders, 'the render after setYears');
  const m = lastRender(panel);
  assert.deepEqual(
    m.years.map((y) => `${y.year}${y.shown ? '' : '-'}`),
    ['2018', '2017-', '2016'],
  );
  assert.deepEqual(m.state.years, [2018, 2016]);
  // The choice is remembered for the series: a new Compare of another chapter starts with it.
  const again = panel.posted.length;
  await COMMANDS['annals.compareChapter'](services)({ source: source.toString(), id: report.id, line: report.outline[0].children[1].line });
  await until(() => panel.posted.length > again, 'the render of the second chapter');
  assert.deepEqual(
    lastRender(panel).years.map((y) => `${y.year}${y.shown ? '' : '-'}`),
    ['2018', '2017-', '2016'],
  );
  assert.deepEqual(
    lastRender(panel)
      .html.match(/<th[^>]*data-year="(\d+)"/g)
      ?.map((t) => /data-year="(\d+)"/.exec(t)![1]),
    ['2018', '2016'],
  );
  // The figures panel: opening it is remembered for the next Compare.
  panel.receive({ type: 'setFiguresOpen', open: true });
  await until(() => services.memento?.get('annals.compare.figuresOpen') === true, 'the figures toggle remembered');
  const third = panel.posted.length;
  await COMMANDS['annals.compareChapter'](services)({ source: source.toString(), id: report.id, line: report.outline[0].children[0].line });
  await until(() => panel.posted.length > third, 'the render of the third Compare');
  assert.match(lastRender(panel).html, /<details class="figures-panel" open>/);
  // A click on a cell: the paragraph opens in the first editor group.
  const cell = /data-report="([^"]+)" data-paragraph="[^"]+" data-line="(\d+)"/.exec(m.html)!;
  const opened = fake.shown.length;
  panel.receive({ type: 'reveal', reportId: cell[1], line: Number(cell[2]) });
  await until(() => fake.shown.length > opened, 'the paragraph to open');
  const shown = fake.shown.at(-1)!;
  assert.equal(parseReportUri(vscode.Uri.parse(shown.uri))?.id, cell[1]);
  assert.equal(shown.selection?.start.line, Number(cell[2]));
  assert.equal(shown.viewColumn, vscode.ViewColumn.One);
  // Messages that do not parse are ignored.
  const before = fake.shown.length;
  for (const bad of [
    null,
    'reveal',
    { type: 'reveal', reportId: 1, line: 2 },
    { type: 'reveal', reportId: 'x', line: -1 },
    { type: 'run', code: 'x' },
    { type: 'setYears', years: ['2017'] },
  ])
    panel.receive(bad);
  // A good message after them: once its effect is seen, the bad ones (handled in order) are
  // known to have been handled, so the absence below is not just a wait that came too soon.
  panel.receive({ type: 'reveal', reportId: cell[1], line: Number(cell[2]) });
  await until(() => fake.shown.length > before, 'the reveal sent after the bad messages');
  assert.equal(fake.shown.length, before + 1, 'only the good message opened anything');
});

test('Compare comes back after a reload through the serializer; a bad saved state gets a message', async () => {
  const { source, report } = await nanhai(2017);
  const serializer = fake.serializers.get(COMPARE_VIEW)!;
  assert.ok(serializer, 'a serializer is registered');
  const panel = new (await import('./fake/vscode.ts')).FakeWebviewPanel(COMPARE_VIEW, 'Compare');
  await serializer.deserializeWebviewPanel(panel, { source: source.toString(), reportId: report.id, line: report.outline[0].children[1].line, years: null });
  panel.receive({ type: 'ready', state: null });
  assert.match(lastRender(panel).title, /深化“放管服”改革/);
  const broken = new (await import('./fake/vscode.ts')).FakeWebviewPanel(COMPARE_VIEW, 'Compare');
  await serializer.deserializeWebviewPanel(broken, { source: 42 });
  broken.receive({ type: 'ready', state: null });
  assert.equal((broken.posted.at(-1) as ToWebview).type, 'error');
});

test('Go to Same Chapter in Previous/Next Year, and CodeLens links on each chapter heading', async () => {
  const { source, report } = await nanhai(2018);
  const chapter = report.outline[0].children[0];
  await COMMANDS['annals.gotoPreviousYear'](services)({ source: source.toString(), id: report.id, line: chapter.line + 1 });
  const r2017 = (await nanhai(2017)).report;
  const opened = fake.shown.at(-1)!;
  assert.equal(parseReportUri(vscode.Uri.parse(opened.uri))?.id, r2017.id);
  assert.equal(opened.selection?.start.line, r2017.outline[0].children[0].line, 'the matching chapter, by content');
  // From the cursor in a report editor.
  const uri = reportUri(source, r2017.id, r2017.title, r2017.year);
  const doc = new FakeDocument(uri, await services.documents.provideTextDocumentContent(uri));
  doc.languageId = 'annals-report';
  fake.activeTextEditor = { document: doc, selection: { active: new vscode.Position(r2017.outline[0].children[0].line, 0) } };
  await COMMANDS['annals.gotoNextYear'](services)();
  assert.equal(parseReportUri(vscode.Uri.parse(fake.shown.at(-1)!.uri))?.id, report.id);
  // The earliest year has no previous one: say so.
  const r2016 = (await nanhai(2016)).report;
  await COMMANDS['annals.gotoPreviousYear'](services)({ source: source.toString(), id: r2016.id, line: r2016.outline[0].children[0].line });
  assert.match(fake.infos.at(-1)!, /2016 is the earliest report of its series/);
  // CodeLens: ◀ 2017 · 2019? no: 2018 is the latest, so ◀ 2017 · Compare.
  const lenses = await new ChapterLenses(services.alignment).provideCodeLenses(
    new FakeDocument(reportUri(source, report.id, report.title, report.year), '\n'.repeat(200)) as never,
  );
  const onFirst = lenses.filter((l) => l.range.start.line === chapter.line).map((l) => l.command!.title);
  assert.deepEqual(onFirst, ['◀ 2017', 'Compare']);
  const onMiddle = (await new ChapterLenses(services.alignment).provideCodeLenses(new FakeDocument(uri, '\n'.repeat(200)) as never))
    .filter((l) => l.range.start.line === r2017.outline[0].children[0].line)
    .map((l) => l.command!.title);
  assert.deepEqual(onMiddle, ['◀ 2016', '2018 ▶', 'Compare']);
});

test('no counterpart: the jump says so and offers the closest chapters', async () => {
  const dir = path.join(root, 'synth');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, '2017.txt'),
    synthReport(2017, [
      ['推进行政复议', TOPICS.review],
      ['深化普法宣传', TOPICS.law],
    ]),
  );
  writeFileSync(
    path.join(dir, '2018.txt'),
    synthReport(2018, [
      ['推进行政复议', TOPICS.review],
      ['社会信用体系建设', TOPICS.credit],
      ['深化普法宣传', TOPICS.law],
    ]),
  );
  services.corpus.refresh();
  const source = vscode.Uri.file(path.join(dir, '2018.txt'));
  const report = (await services.reports.load(source)).reports[0];
  const credit = report.outline[0].children[1];
  let offered: { label: string }[] = [];
  fake.quickPickChoice = (items) => {
    offered = items as { label: string }[];
    return undefined;
  };
  const before = fake.shown.length;
  await COMMANDS['annals.gotoPreviousYear'](services)({ source: source.toString(), id: report.id, line: credit.line });
  assert.equal(fake.shown.length, before, 'nothing opened without a choice');
  assert.ok(offered.length >= 1, 'the closest chapters are offered');
  assert.ok(offered.every((o) => o.label.startsWith('2017 ')));
});

test('from inside a section, Alt+[ goes to the matching section of the previous year; Compare Section shows that section', async () => {
  const { source, report } = await nanhai(2018);
  const six = report.outline[0].children[5];
  const sec = six.children.find((c) => c.kind === 'section' && c.title.includes('行政复议'))!;
  await COMMANDS['annals.gotoPreviousYear'](services)({ source: source.toString(), id: report.id, line: sec.line });
  const r2017 = (await nanhai(2017)).report;
  const target = r2017.outline[0].children[5].children.find((c) => c.kind === 'section' && c.title.includes('行政复议'))!;
  assert.equal(fake.shown.at(-1)!.selection?.start.line, target.line, 'the section, not the chapter');
  await COMMANDS['annals.compareSection'](services)({ source: source.toString(), id: report.id, line: sec.line });
  const panel = fake.panels[0];
  panel.receive({ type: 'ready', state: null });
  const m = lastRender(panel);
  assert.equal(m.state.line, sec.line);
  assert.match(m.html, /data-scope="section"/);
  assert.equal((m.html.match(/<th[^>]*data-report/g) ?? []).length, 3);
  assert.match(panel.title, /行政复议/);
});

test('Choose Counterpart: stored in .annals/corpus.json, marked manual, used by alignment, the year navigation and annals align; Automatic removes it', async () => {
  const dir = path.join(root, 'synth');
  const { mkdirSync, readFileSync } = await import('node:fs');
  const { run } = await import('../../src/cli/main.ts');
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, '2017.txt'),
    synthReport(2017, [
      ['推进行政复议', TOPICS.review],
      ['深化普法宣传', TOPICS.law],
    ]),
  );
  writeFileSync(
    path.join(dir, '2018.txt'),
    synthReport(2018, [
      ['推进行政复议', TOPICS.review],
      ['社会信用体系建设', TOPICS.credit],
      ['深化普法宣传', TOPICS.law],
    ]),
  );
  services.corpus.refresh();
  const source = vscode.Uri.file(path.join(dir, '2018.txt'));
  const report = (await services.reports.load(source)).reports[0];
  const credit = report.outline[0].children[1];
  let offered: string[] = [];
  fake.quickPickChoice = (items) => {
    const list = items as { label: string }[];
    offered = list.map((i) => i.label);
    return list.find((i) => i.label === '二、深化普法宣传');
  };
  await COMMANDS['annals.chooseCounterpart'](services)({ source: source.toString(), id: report.id, line: credit.line });
  assert.ok(offered.includes('一、推进行政复议') && offered.includes('None: no counterpart in 2017'), offered.join(' | '));
  const file = JSON.parse(readFileSync(path.join(root, '.annals/corpus.json'), 'utf8'));
  assert.equal(file.counterparts.length, 1);
  const { modified, ...choice } = file.counterparts[0];
  assert.ok(!Number.isNaN(Date.parse(modified)));
  assert.deepEqual(choice, {
    series: choice.series,
    kind: 'chapter',
    year: 2018,
    heading: '二、社会信用体系建设',
    otherYear: 2017,
    counterpart: '二、深化普法宣传',
  });
  // The alignment follows (the corrections changed), the link is marked manual.
  await until(async () => (await (await services.alignment.get()).all()).links.some((l) => l.manual), 'the manual link');
  const link = (await (await services.alignment.get()).all()).links.find((l) => l.manual)!;
  assert.deepEqual([link.a.node.title, link.b.node.title], ['社会信用体系建设', '深化普法宣传']);
  // The year navigation uses it.
  await COMMANDS['annals.gotoPreviousYear'](services)({ source: source.toString(), id: report.id, line: credit.line });
  const r2017 = (await services.reports.load(vscode.Uri.file(path.join(dir, '2017.txt')))).reports[0];
  assert.equal(fake.shown.at(-1)!.selection?.start.line, r2017.outline[0].children[1].line);
  // annals align, run in the workspace folder, reads the same file.
  const cwd = process.cwd();
  let out = '';
  try {
    process.chdir(root);
    assert.equal(await run(['align', 'synth', '--json'], { out: (s) => (out += s), err: () => {} }), 0);
  } finally {
    process.chdir(cwd);
  }
  const links = JSON.parse(out).links as { a: { title: string }; b: { title: string } }[];
  assert.ok(links.some((l) => l.a.title === '社会信用体系建设' && l.b.title === '深化普法宣传'));
  // Automatic: the choice is removed and the aligner decides again.
  fake.quickPickChoice = (items) => (items as { label: string }[]).find((i) => i.label === 'Automatic: let Annals choose');
  await COMMANDS['annals.chooseCounterpart'](services)({ source: source.toString(), id: report.id, line: credit.line });
  assert.deepEqual(JSON.parse(readFileSync(path.join(root, '.annals/corpus.json'), 'utf8')).counterparts, []);
  await until(async () => !(await (await services.alignment.get()).all()).links.some((l) => l.manual), 'the manual link gone');
});

test('Choose Counterpart from a Compare column header: "None" is stored as null and unlinks the chapter', async () => {
  const { readFileSync } = await import('node:fs');
  const { source, report } = await nanhai(2018);
  const chapter = report.outline[0].children[0];
  let titles: string[] = [];
  fake.quickPickChoice = (items, options) => {
    titles.push((options as { title?: string })?.title ?? '');
    return (items as { label: string }[]).find((i) => i.label === 'None: no counterpart in 2017');
  };
  // 2018 is the latest year: only 2017 is a neighbour, so no year is asked for.
  await COMMANDS['annals.chooseCounterpart'](services)({ webviewSection: 'column', report: report.id, line: chapter.line });
  assert.equal(titles.length, 1, titles.join(' | '));
  const entry = JSON.parse(readFileSync(path.join(root, '.annals/corpus.json'), 'utf8')).counterparts[0];
  assert.deepEqual([entry.kind, entry.year, entry.otherYear, entry.counterpart], ['chapter', 2018, 2017, null]);
  assert.equal(entry.heading, `${chapter.label}${chapter.title}`);
  await until(async () => !(await (await services.alignment.get()).all()).links.some((l) => l.a.node.title === chapter.title), 'the link gone');
  // No counterpart now: the jump offers the closest instead of opening one.
  titles = [];
  fake.quickPickChoice = (_items, options) => {
    titles.push((options as { title?: string })?.title ?? '');
    return undefined;
  };
  await COMMANDS['annals.gotoPreviousYear'](services)({ source: source.toString(), id: report.id, line: chapter.line });
  assert.match(titles[0] ?? '', /No counterpart of/);
});
