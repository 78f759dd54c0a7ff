import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tempDir } from './tmp.ts';
// These resolve to test/unit/fake/vscode.ts through the loader hook.
import * as vscode from 'vscode';
import { fake, FakeDocument } from './fake/vscode.ts';
import { ReportService } from '../../src/extension/reportService.ts';
import { InlineImporter } from './inlineImporter.ts';
import { CorrectionsService } from '../../src/extension/corrections.ts';
import { Corpus } from '../../src/extension/corpus.ts';
import { ReportsTree, type ReportsNode } from '../../src/extension/reportsTree.ts';
import { ReportDocuments } from '../../src/extension/documents.ts';
import { AlignmentService } from '../../src/extension/alignment.ts';
import { AnnotationService } from '../../src/extension/annotations.ts';
import { MemoService } from '../../src/extension/memos.ts';
import { ProjectService } from '../../src/extension/project.ts';
import { AgreementPanels } from '../../src/extension/agreementPanel.ts';
import { AnnotationsView } from '../../src/extension/annotationsView.ts';
import { SearchView } from '../../src/extension/searchView.ts';
import { ComparePanels } from '../../src/extension/comparePanel.ts';
import { HEADING_LEGEND, HeadingTokens, ReportFolding, ReportSymbols, reportDiagnostics } from '../../src/extension/language.ts';
import { parseReportUri, reportUri } from '../../src/extension/reportUri.ts';
import { SAMPLES, FIXTURES, ROOT } from './helpers.ts';

let root: string;
beforeEach(() => {
  root = tempDir('ws');
  cpSync(SAMPLES, root, { recursive: true });
  mkdirSync(path.join(root, 'node_modules/x'), { recursive: true });
  cpSync(path.join(FIXTURES, 'nanhai-feed.rss.xml'), path.join(root, 'node_modules/x/ignored.xml'));
  writeFileSync(path.join(root, 'notes.txt'), 'shopping list\nmilk\n');
  fake.reset(root);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

async function labels(tree: ReportsTree, node?: ReportsNode): Promise<string[]> {
  return (await tree.getChildren(node)).map((n) => {
    const item = tree.getTreeItem(n);
    const label = String(item.label);
    return item.description ? `${label} | ${item.description}` : label;
  });
}

test('the log channel records when the Reports view is first filled', async () => {
  const lines: string[] = [];
  const log = { info: (m: string) => void lines.push(m) };
  const tree = new ReportsTree(new Corpus(new ReportService(new InlineImporter()), { log }), undefined, { log, activatedAt: Date.now() - 5 });
  await tree.getChildren();
  await tree.getChildren();
  assert.equal(lines.filter((l) => l.startsWith('Reports view filled')).length, 1, 'once');
  assert.match(lines.join('\n'), /Scanned \d+ files: \d+ reports in \d+ ms\./);
  assert.match(lines.join('\n'), /Reports view filled \d+ ms after activation \(\d+ reports\)\./);
});

test('the Reports view groups reports by series, then year newest first, then part, chapter, section', async () => {
  const corpus = new Corpus(new ReportService(new InlineImporter()));
  const tree = new ReportsTree(corpus);
  const top = await tree.getChildren();
  const seriesLabels = top.map((n) => tree.getTreeItem(n).label);
  assert.ok(seriesLabels.includes('佛山市南海区人民政府 · 法治政府建设工作报告'));
  const nanhai = top.find((n) => tree.getTreeItem(n).label === '佛山市南海区人民政府 · 法治政府建设工作报告')!;
  assert.equal(nanhai.type, 'series');
  const years = (await tree.getChildren(nanhai)).map((n) => tree.getTreeItem(n).label);
  assert.deepEqual(years, ['2018', '2017', '2016']);
  assert.equal(tree.getTreeItem(nanhai).description, '2016–2018', 'the year range');
  // The same report from a second source (a saved page) is one report with its copy listed.
  cpSync(path.join(FIXTURES, 'nanhai-2017-page.gbk.html'), path.join(root, 'nanhai/page.html'));
  corpus.refresh();
  const again = (await tree.getChildren()).find((n) => tree.getTreeItem(n).label === '佛山市南海区人民政府 · 法治政府建设工作报告')!;
  assert.deepEqual(await labels(tree, again), ['2018', '2017 | nanhai/ · 1 copy', '2016']);
  assert.equal(tree.getTreeItem(again).description, '2016–2018', 'each year once in the series line');
  const r2017 = (await tree.getChildren(again))[1];
  assert.equal(tree.getTreeItem(r2017).contextValue, 'annals.report.copies');
  const tip = (tree.getTreeItem(r2017).tooltip as vscode.MarkdownString).value;
  const copy = r2017.type === 'report' ? r2017.copies.map((c) => path.relative(root, c.source.fsPath)) : [];
  assert.equal(copy.length, 1);
  assert.ok(tip.includes(vscode.Uri.file(path.join(root, copy[0])).toString(true)), `the copy is in the tooltip: ${tip}`);
  const first = (await tree.getChildren(nanhai))[0];
  const item = tree.getTreeItem(first);
  assert.equal(item.command?.command, 'annals.openReport');
  const parts = await labels(tree, first);
  assert.deepEqual(parts, ['2018年法治政府建设工作情况', '2019年工作计划']);
  const review = (await tree.getChildren(first))[0];
  const chapters = await labels(tree, review);
  assert.equal(chapters.length, 7);
  assert.equal(chapters[0], '一、加强统筹督导,高质量推进法治政府建设工作');
  const ch2 = (await tree.getChildren(review))[1];
  const sections = await labels(tree, ch2);
  assert.equal(sections[0], '加快政务服务改革向纵深推进 | repaired');
  assert.equal(tree.getTreeItem(ch2).contextValue, 'annals.chapter');
  const headingCmd = tree.getTreeItem(ch2).command!;
  assert.equal(headingCmd.arguments![2], (first as Extract<ReportsNode, { type: 'report' }>).report.outline[0].children[1].line);
});

test('discovery lists only files that hold reports, skips node_modules, and says when the cap is reached', async () => {
  const corpus = new Corpus(new ReportService(new InlineImporter()));
  const tree = new ReportsTree(corpus);
  const all = await corpus.allReports();
  const files = new Set(all.map((r) => path.relative(root, r.source.fsPath)));
  assert.ok(!files.has('notes.txt'), 'a plain note is not a report');
  assert.ok(![...files].some((f) => f.startsWith('node_modules')));
  assert.ok(files.has(path.join('national', 'gwr-national-2019.txt')));
  assert.equal(corpus.lastScan.files, 4, 'three samples and notes.txt; node_modules is never scanned');
  // The user's files.exclude still applies.
  fake.settings['files.exclude'] = { '**/national': true };
  corpus.refresh();
  const kept = await corpus.allReports();
  assert.ok(!kept.some((r) => r.source.fsPath.includes(`${path.sep}national${path.sep}`)), 'files.exclude is honoured');
  assert.ok(kept.some((r) => r.source.fsPath.endsWith('nanhai-feed-flattened.txt')));
  delete fake.settings['files.exclude'];
  fake.settings['annals.maxScanFiles'] = 2;
  corpus.refresh();
  const capped = await labels(tree);
  assert.ok(
    capped.some((l) => /Scan stopped at 2 files/.test(l)),
    capped.join('\n'),
  );
});

test('the view updates when a source file changes', async () => {
  const service = new ReportService(new InlineImporter());
  const corpus = new Corpus(service);
  const tree = new ReportsTree(corpus);
  let fired = 0;
  tree.onDidChangeTreeData(() => fired++);
  await corpus.allReports();
  const target = path.join(root, 'new-report.txt');
  writeFileSync(target, readFileSync(path.join(FIXTURES, 'national/gwr-national-2017.txt')));
  fake.watchers[0].create.fire(vscode.Uri.file(target));
  await new Promise((r) => setTimeout(r, 400));
  assert.ok(fired >= 1);
  const all = await corpus.allReports();
  assert.ok(all.some((r) => r.source.fsPath === target));
});

test('report documents: content from the core, cached per URI, dropped on close, refreshed on source change', async () => {
  const service = new ReportService(new InlineImporter());
  const docs = new ReportDocuments(service);
  const source = vscode.Uri.file(path.join(root, 'nanhai/nanhai-feed-flattened.txt'));
  const imp = await service.load(source);
  const r = imp.reports[1];
  const uri = reportUri(source, r.id, r.title, r.year);
  assert.equal(uri.scheme, 'annals');
  assert.deepEqual(parseReportUri(uri), { source: vscode.Uri.parse(source.toString()), id: r.id });
  const text = await docs.provideTextDocumentContent(uri);
  assert.equal(text, r.text);
  assert.equal((await docs.reportFor(uri))?.id, r.id);
  let changed: string | undefined;
  docs.onDidChange((u) => (changed = u.toString()));
  fake.textDocuments.push(new FakeDocument(uri, text));
  // An outside change to the source re-reads it and tells the editor.
  writeFileSync(source.fsPath, readFileSync(source.fsPath, 'utf8').replace('2017年,南海区政府', '2017年,南海区人民政府'));
  const watcher = fake.watchers.find((w) => {
    const p = w.pattern as { base?: { path: string }; pattern: string };
    return p.pattern === '*' && p.base?.path === path.join(root, 'nanhai');
  })!;
  // A change to another file in the folder is not this report's.
  watcher.change.fire(vscode.Uri.file(path.join(root, 'nanhai/other.txt')));
  assert.equal(changed, undefined);
  watcher.change.fire(source);
  assert.equal(changed, uri.toString());
  const updated = await docs.provideTextDocumentContent(uri);
  assert.ok(updated.includes('2017年,南海区人民政府'));
  // An unknown report id says so instead of failing.
  const missing = await docs.provideTextDocumentContent(reportUri(source, 'rdeadbeef', 'x', null));
  assert.match(missing, /no longer in/);
});

/** The 2016 Nanhai report, opened as a document through the provider. */
async function open2016() {
  const service = new ReportService(new InlineImporter());
  const docs = new ReportDocuments(service);
  const source = vscode.Uri.file(path.join(root, 'nanhai/nanhai-feed-flattened.txt'));
  const imp = await service.load(source);
  const r = imp.reports.find((x) => x.year === 2016)!;
  const uri = reportUri(source, r.id, r.title, r.year);
  const doc = new FakeDocument(uri, await docs.provideTextDocumentContent(uri));
  return { docs, imp, r, doc };
}

test('Outline symbols, folding ranges and Problems diagnostics follow the report structure', async () => {
  const { docs, imp, r, doc } = await open2016();
  const symbols = await new ReportSymbols(docs).provideDocumentSymbols(doc as never);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['2016年法治政府建设工作情况', '2017年工作计划'],
  );
  assert.equal(symbols[0].detail, 'review');
  assert.equal(symbols[0].children.length, 7);
  const four = symbols[0].children[3];
  assert.equal(four.name, '4、强化监督检查,规范公正文明执法');
  assert.equal(four.detail, 'repaired');
  assert.equal(four.selectionRange.start.line, r.outline[0].children[3].line);
  assert.ok(four.range.end.line > four.range.start.line, 'the chapter symbol spans its body');
  const folds = await new ReportFolding(docs).provideFoldingRanges(doc as never);
  assert.ok(folds.some((f) => f.start === four.range.start.line && f.end === four.range.end.line));
  const diags = reportDiagnostics(doc as never, r, imp.diagnostics);
  const fourDiag = diags.find((d) => d.range.start.line === four.range.start.line)!;
  assert.equal(fourDiag.severity, vscode.DiagnosticSeverity.Information);
  assert.match(fourDiag.message, /4、/);
  // It marks the heading only.
  const fourNode = r.outline[0].children[3];
  assert.deepEqual([fourDiag.range.start, fourDiag.range.end], [doc.positionAt(fourNode.start), doc.positionAt(fourNode.end)]);
  assert.ok(diags.some((d) => d.severity === vscode.DiagnosticSeverity.Warning && /2019-21-18/.test(d.message)));
});

test('semantic tokens colour every heading, also those with no marker, and not the labels', async () => {
  const { docs, doc } = await open2016();
  const built = (await new HeadingTokens(docs).provideDocumentSemanticTokens(doc as never)) as unknown as {
    tokens: { line: number; char: number; length: number; type: number }[];
  };
  const text = (t: { line: number; char: number; length: number }) => doc.lines[t.line].slice(t.char, t.char + t.length);
  const byText = new Map(built.tokens.map((t) => [text(t), HEADING_LEGEND.tokenTypes[t.type]]));
  assert.equal(byText.get('2016年法治政府建设工作情况'), 'annalsPart');
  assert.equal(byText.get('强化监督检查,规范公正文明执法'), 'annalsChapter', 'the 4、 chapter, without its label');
  assert.equal(byText.get('健全科学民主决策机制,推动行政决策科学化、民主化、法治化'), 'annalsChapter', 'the chapter with a lost 、');
  assert.equal(byText.get('南海行政审批标准全省推广'), 'annalsSection', 'the inferred section 一');
  assert.ok(
    built.tokens.every((t, i, all) => i === 0 || all[i - 1].line < t.line || (all[i - 1].line === t.line && all[i - 1].char < t.char)),
    'tokens in document order',
  );
});

test('parser diagnostics are shown in the editor language (Simplified Chinese bundle)', async () => {
  const { imp, r, doc } = await open2016();
  fake.bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));
  const messages = reportDiagnostics(doc as never, r, imp.diagnostics).map((d) => d.message);
  assert.ok(messages.includes('章序号“4、”按“四、”处理。'), messages.join('\n'));
  assert.ok(messages.includes('第 1 行的频道日期“2019-21-18 04:21:54”无效：已忽略。'));
  assert.ok(
    messages.every((m) => !/[A-Za-z]{4,}/.test(m.replace(/annals\.\w+|GB18030|GBK|UTF-8|XML|HTML|RSS|Atom/g, ''))),
    'no English left',
  );
});

test('the size limit setting refuses large files with a clear message, and raising it takes effect', async () => {
  fake.settings['annals.maxFileSizeMB'] = 0.01;
  const service = new ReportService(new InlineImporter());
  const atom = vscode.Uri.file(path.join(FIXTURES, 'nanhai-feed.atom'));
  const imp = await service.load(atom);
  assert.equal(imp.reports.length, 0);
  assert.match(imp.diagnostics[0].message, /over the limit of 0\.0 MB \(setting annals\.maxFileSizeMB\)/);
  fake.settings['annals.maxFileSizeMB'] = 50;
  assert.equal((await service.load(atom)).reports.length, 3);
});

test('document content is cached per URI until the document closes', async () => {
  const service = new ReportService(new InlineImporter());
  let loads = 0;
  const load = service.load.bind(service);
  service.load = (uri) => {
    loads++;
    return load(uri);
  };
  const docs = new ReportDocuments(service);
  const source = vscode.Uri.file(path.join(root, 'nanhai/nanhai-feed-flattened.txt'));
  const r = (await load(source)).reports[0];
  const uri = reportUri(source, r.id, r.title, r.year);
  const first = await docs.provideTextDocumentContent(uri);
  assert.equal(await docs.provideTextDocumentContent(uri), first);
  assert.equal(loads, 1, 'the second read comes from the cache');
  fake.closeDoc.fire(new FakeDocument(uri, first));
  await docs.provideTextDocumentContent(uri);
  assert.equal(loads, 2, 'closing the document dropped its cached content');
});

test('commands: Open Report Source… picks a report of a feed, opens it read-only as annals-report; errors say why', async () => {
  const { COMMANDS } = await import('../../src/extension/commands/index.ts');
  const service = new ReportService(new InlineImporter());
  const docs = new ReportDocuments(service);
  fake.provider = docs;
  const corpus = new Corpus(service);
  const alignment = new AlignmentService(corpus);
  const project = new ProjectService();
  const memos = new MemoService();
  const annotations = new AnnotationService({ project, memos });
  const services = {
    reports: service,
    documents: docs,
    corpus,
    corrections: new CorrectionsService(),
    alignment,
    compare: new ComparePanels(vscode.Uri.file(ROOT), alignment),
    annotations,
    project,
    memos,
    annotationsView: new AnnotationsView(corpus, annotations, memos),
    agreement: new AgreementPanels(annotations, project),
    search: new SearchView(),
  };
  const source = vscode.Uri.file(path.join(root, 'nanhai/nanhai-feed-flattened.txt'));
  fake.quickPickChoice = (items) => (items as { label: string }[]).find((i) => i.label === '2017');
  await COMMANDS['annals.openAsReport'](services)(source);
  assert.equal(fake.shown.length, 1);
  assert.equal(fake.shown[0].languageId, 'annals-report');
  const ref = parseReportUri(vscode.Uri.parse(fake.shown[0].uri));
  const r2017 = (await service.load(source)).reports.find((r) => r.year === 2017)!;
  assert.equal(ref?.id, r2017.id);
  // From the Reports tree: open at a heading's line.
  const chapter = r2017.outline[0].children[2];
  await COMMANDS['annals.openReport'](services)(source, r2017.id, chapter.line);
  assert.equal(fake.shown[1].selection?.start.line, chapter.line);
  assert.equal(fake.revealed.at(-1)?.start.line, chapter.line);
  // Through the open dialog, on a file that holds no report.
  const empty = path.join(root, 'empty.txt');
  writeFileSync(empty, '');
  fake.openDialogResult = [vscode.Uri.file(empty)];
  await COMMANDS['annals.openReportSource'](services)();
  assert.equal(fake.shown.length, 2, 'nothing opened');
  assert.match(fake.errors[0], /empty\.txt: The file is empty/);
});

test('a report with no markers shows one part named in the editor language', async () => {
  const file = path.join(root, 'plain-report.txt');
  writeFileSync(file, '某区法治政府建设情况报告\n\n今年做了很多工作。\n\n明年继续努力。\n');
  const service = new ReportService(new InlineImporter());
  const docs = new ReportDocuments(service);
  const source = vscode.Uri.file(file);
  const r = (await service.load(source)).reports[0];
  const uri = reportUri(source, r.id, r.title, r.year);
  const doc = new FakeDocument(uri, await docs.provideTextDocumentContent(uri));
  const symbols = await new ReportSymbols(docs).provideDocumentSymbols(doc as never);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['Full text'],
  );
  fake.bundle = { 'Full text': '全文' };
  assert.deepEqual(
    (await new ReportSymbols(docs).provideDocumentSymbols(doc as never)).map((s) => s.name),
    ['全文'],
  );
});

test('a change during a scan asks the view to read its children again when the scan ends', async () => {
  const corpus = new Corpus(new ReportService(new InlineImporter()));
  const tree = new ReportsTree(corpus);
  let fired = 0;
  tree.onDidChangeTreeData(() => fired++);
  const scan = corpus.allReports();
  corpus.refresh();
  assert.equal(fired, 1);
  await scan;
  assert.equal(fired, 2, 'the view is told again, so it does not keep the first scan');
  assert.ok((await corpus.allReports()).length > 0);
});
