/**
 * Coding as a team in the editor, on the in-process stand-in for `vscode`: independent coding with
 * two coders (Switch Coder), the views merging their sidecars and filtering by coder, the
 * Agreement panel and the resolution of a disagreement, and the memos.
 */
import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake, FakeDocument, Selection, type FakeWebviewPanel, type MarkdownString } from './fake/vscode.ts';
import { AnnotationHover } from '../../src/extension/annotationDecorations.ts';
import type { AgreementPanel } from '../../src/extension/agreementPanel.ts';
import { COMMANDS, type Services } from '../../src/extension/commands/index.ts';
import { reportUri } from '../../src/extension/reportUri.ts';
import { parseProject, parseSidecar, type Report } from '../../src/core/index.ts';
import { testWorkspace, type TestWorkspace } from './workspace.ts';

let root: string;
let s: Services;
let ws: TestWorkspace;
const FEED = 'nanhai/nanhai-feed-flattened.txt';

beforeEach(() => {
  ws = testWorkspace('coding');
  root = ws.root;
  s = ws.services;
  mkdirSync(path.join(root, '.annals'), { recursive: true });
});

afterEach(() => ws.dispose());

async function open2018(paragraph: number): Promise<{ report: Report; source: vscode.Uri; doc: FakeDocument }> {
  const source = vscode.Uri.file(path.join(root, FEED));
  const report = (await s.reports.load(source)).reports.find((r) => r.year === 2018)!;
  const uri = reportUri(source, report.id, report.title, report.year);
  const doc = new FakeDocument(uri, await s.documents.provideTextDocumentContent(uri));
  doc.languageId = 'annals-report';
  const p = report.paragraphs[paragraph];
  fake.activeTextEditor = {
    document: doc,
    selection: new Selection(doc.positionAt(p.start), doc.positionAt(p.start)),
    visibleRanges: [new vscode.Range(0, 0, 60, 0)],
    setDecorations() {},
    revealRange() {},
  } as never;
  return { report, source, doc };
}

/** Tags the paragraph under the cursor with these tag labels (the default codebook is created). */
async function tagWith(labels: string[], note = '') {
  fake.messageChoice = (_m, items) => items.find((i) => i === 'Create Default Codebook');
  fake.quickPickChoice = (items) => (items as { label: string; id?: string }[]).filter((i) => i.id && labels.includes(i.label));
  fake.inputs = [note];
  return COMMANDS['annals.tagParagraph'](s)();
}

const read = (file: string) => {
  const r = parseSidecar(readFileSync(file, 'utf8'), file);
  assert.ok(r.ok);
  return r.value.annotations;
};

/** A body paragraph of the 2018 report (not a heading), by its position among them. */
function body(report: Report, k: number): number {
  return report.paragraphs.filter((p) => p.role === 'body')[k].index;
}

test('independent coding: two coders switch and tag; each writes their own file; the views filter by coder; the hover marks the coder', async () => {
  writeFileSync(path.join(root, '.annals', 'project.json'), '{"coding":{"mode":"independent"},"coders":[]}\n');
  const { report, source, doc } = await open2018(0);
  const p1 = body(report, 1);
  const p2 = body(report, 2);

  assert.equal(await COMMANDS['annals.switchCoder'](s)('Li'), 'Li');
  await open2018(p1);
  assert.ok(await tagWith(['依法有效化解社会矛盾纠纷'], 'Li thinks so'));
  await open2018(p2);
  assert.ok(await tagWith(['数据指标']));

  await COMMANDS['annals.switchCoder'](s)('Wang Fang');
  await open2018(p1);
  const w1 = await tagWith(['依法有效化解社会矛盾纠纷', '数据指标']);
  assert.ok(w1);
  assert.equal((w1 as { author: string }).author, 'Wang Fang');

  const li = read(`${source.fsPath}.annals.li.json`);
  const wang = read(`${source.fsPath}.annals.wang-fang.json`);
  assert.deepEqual(
    li.map((a) => a.tags),
    [['disputes'], ['figures']],
  );
  assert.deepEqual(
    wang.map((a) => [...a.tags].sort()),
    [['disputes', 'figures']],
  );
  assert.equal(existsSync(`${source.fsPath}.annals.json`), false, 'nothing in the shared sidecar');
  // Both coders are in the project file.
  const project = parseProject(readFileSync(path.join(root, '.annals', 'project.json'), 'utf8'));
  assert.ok(project.ok);
  assert.deepEqual(
    project.value.coders.map((c) => c.id),
    ['Li', 'Wang Fang'],
  );

  // Default view in independent coding: the current coder's own only.
  const own = await s.annotations.placement(source, report);
  assert.deepEqual(
    own.annotations.map((a) => a.author),
    ['Wang Fang'],
  );
  s.annotations.setCoderFilter('all');
  const all = await s.annotations.placement(source, report);
  assert.deepEqual(all.annotations.map((a) => a.author).sort(), ['Li', 'Li', 'Wang Fang']);
  s.annotations.setCoderFilter(['Li']);
  assert.deepEqual(
    (await s.annotations.placement(source, report)).annotations.map((a) => a.author),
    ['Li', 'Li'],
  );
  const entries = await s.annotationsView.entries();
  assert.deepEqual([...new Set(entries.map((e) => e.annotation.author))], ['Li']);
  assert.match(String(s.annotationsView.view.description), /coders: Li/);

  // The hover marks the coder.
  s.annotations.setCoderFilter('all');
  const hover = await new AnnotationHover(s.annotations, s.documents, s.memos).provideHover(doc as never, doc.positionAt(report.paragraphs[p1].start) as never);
  assert.ok(hover);
  const text = (hover.contents as MarkdownString[]).map((m) => m.value).join('\n');
  assert.match(text, /\$\(person\) Li · /);
  assert.match(text, /\$\(person\) Wang Fang · /);

  // Edit Annotation through the hover link finds the annotation in its coder's file.
  fake.quickPickChoice = (items) => (items as { label: string; id?: string }[]).filter((i) => i.id && i.label === '数据指标');
  fake.inputs = ['now figures'];
  await COMMANDS['annals.editAnnotation'](s)({ source: source.toString(), id: li[0].id });
  assert.deepEqual(read(`${source.fsPath}.annals.li.json`)[0].tags, ['figures']);
});

test('Compute Agreement: the panel lists tags lowest first; Accept writes the shared sidecar with who resolved it', async () => {
  writeFileSync(path.join(root, '.annals', 'project.json'), '{"coding":{"mode":"independent"},"coders":[]}\n');
  const { report, source } = await open2018(0);
  const p1 = body(report, 1);
  await COMMANDS['annals.switchCoder'](s)('Li');
  await open2018(p1);
  await tagWith(['依法有效化解社会矛盾纠纷']);
  await COMMANDS['annals.switchCoder'](s)('Wang');
  await open2018(p1);
  await tagWith(['依法有效化解社会矛盾纠纷', '数据指标']);
  await COMMANDS['annals.switchCoder'](s)('Chen');

  const panel = (await COMMANDS['annals.computeAgreement'](s)([{ source, report }])) as AgreementPanel;
  const result = panel.result;
  assert.ok(result);
  assert.deepEqual(result.coders, ['Li', 'Wang']);
  assert.equal(result.units, report.paragraphs.length);
  assert.deepEqual(result.tags.disputes, { units: report.paragraphs.length, percent: 100, kappa: 1, alpha: 1 });
  assert.equal(result.tags.figures.percent, (100 * (report.paragraphs.length - 1)) / report.paragraphs.length);
  const html = (panel.panel as unknown as FakeWebviewPanel).webview.html;
  assert.ok(html.indexOf('数据指标 (figures)') < html.indexOf('依法有效化解社会矛盾纠纷 (disputes)'), 'lowest agreement first');
  assert.match(html, /Content-Security-Policy/);
  assert.deepEqual(
    panel.disagreeing.map((u) => u.paragraph),
    [p1],
  );
  assert.match(html, /Accept Li/);
  assert.match(html, /Accept Wang/);

  // Accept Wang, through the webview's message.
  (panel.panel as unknown as FakeWebviewPanel).receive({ type: 'resolve', unit: 0, choice: { kind: 'accept', coder: 'Wang' } });
  const shared = `${source.fsPath}.annals.json`;
  const deadline = Date.now() + 5000;
  while (!existsSync(shared) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const resolved = read(shared);
  assert.equal(resolved.length, 1);
  assert.deepEqual([[...resolved[0].tags].sort(), resolved[0].author, resolved[0].resolvedBy], [['disputes', 'figures'], 'Wang', 'Chen']);
  assert.ok(resolved[0].resolved);
  // The coders' files are left as they are: agreement is measured on them.
  assert.equal(read(`${source.fsPath}.annals.li.json`).length, 1);
  await panel.refresh();
  assert.match((panel.panel as unknown as FakeWebviewPanel).webview.html, /resolved/);
  // Bad messages are ignored.
  (panel.panel as unknown as FakeWebviewPanel).receive({ type: 'resolve', unit: -1, choice: { kind: 'both' } });
  (panel.panel as unknown as FakeWebviewPanel).receive({ type: 'resolve', unit: 0, choice: { kind: 'evil' } });
  panel.dispose();
});

test('shared coding: a second coder tagging the same paragraph adds their own annotation; agreement by author', async () => {
  const { report, source } = await open2018(0);
  const p1 = body(report, 1);
  await COMMANDS['annals.switchCoder'](s)('Li');
  await open2018(p1);
  await tagWith(['数据指标']);
  await COMMANDS['annals.switchCoder'](s)('Wang');
  await open2018(p1);
  await tagWith(['数据指标', '创新举措']);
  const anns = read(`${source.fsPath}.annals.json`);
  assert.deepEqual(anns.map((a) => [a.author, [...a.tags].sort()]).sort(), [
    ['Li', ['figures']],
    ['Wang', ['figures', 'innovations']],
  ]);
  assert.equal(existsSync(path.join(root, '.annals', 'project.json')), false, 'shared coding without a project file writes none');
  const panel = (await COMMANDS['annals.computeAgreement'](s)([{ source, report }])) as AgreementPanel;
  assert.deepEqual(panel.result?.tags.figures, { units: report.paragraphs.length, percent: 100, kappa: 1, alpha: 1 });
  // Resolve in shared mode: keep Li's, Wang's is removed.
  assert.equal(await panel.resolve(0, { kind: 'accept', coder: 'Li' }), true);
  const after = read(`${source.fsPath}.annals.json`);
  assert.deepEqual(
    after.map((a) => [a.author, a.tags, a.resolvedBy]),
    [['Li', ['figures'], 'Wang']],
  );
  panel.dispose();
});

test('memos: a report memo and a project memo are created once and opened; a code memo is kept in the codebook and shown in the hover', async () => {
  const { report, doc } = await open2018(0);
  const uri = await COMMANDS['annals.openReportMemo'](s)();
  const file = path.join(root, '.annals', 'memos', 'reports', `${report.id}.md`);
  assert.equal((uri as vscode.Uri).fsPath, file);
  assert.equal(readFileSync(file, 'utf8'), `# 2018 ${report.title}\n\n`);
  writeFileSync(file, '# 2018\nCompare with 2017: fewer cases.\n');
  await COMMANDS['annals.openReportMemo'](s)();
  assert.equal(readFileSync(file, 'utf8'), '# 2018\nCompare with 2017: fewer cases.\n', 'an existing memo is never written');
  await COMMANDS['annals.openProjectMemo'](s)('Method');
  assert.equal(readFileSync(path.join(root, '.annals', 'memos', 'Method.md'), 'utf8'), '# Method\n\n');
  const memos = await s.memos.all();
  assert.deepEqual(
    memos.project.map((m) => m.name),
    ['Method'],
  );
  assert.equal(memos.reports[report.id], '# 2018\nCompare with 2017: fewer cases.\n');

  const p1 = body(report, 1);
  await open2018(p1);
  await tagWith(['数据指标']);
  await COMMANDS['annals.editCodeMemo'](s)({ type: 'tag', tag: { id: 'figures' } }, 'Only **counted** figures.');
  const cb = JSON.parse(readFileSync(path.join(root, '.annals', 'codebook.json'), 'utf8'));
  assert.equal(cb.tags.find((t: { id: string }) => t.id === 'figures').memo, 'Only **counted** figures.');
  const hover = await new AnnotationHover(s.annotations, s.documents, s.memos).provideHover(doc as never, doc.positionAt(report.paragraphs[p1].start) as never);
  assert.ok(hover);
  const text = (hover.contents as MarkdownString[]).map((m) => m.value).join('\n');
  assert.match(text, /Code memo · 数据指标: Only \*\*counted\*\* figures\./);
  assert.match(text, /Report memo: 2018/);
});

test('the Annotations view lists the memos, project memos first, each opening its file', async () => {
  await open2018(0);
  await COMMANDS['annals.openProjectMemo'](s)('Plan');
  const { report } = await open2018(0);
  await COMMANDS['annals.openReportMemo'](s)();
  const top = await s.annotationsView.getChildren();
  const memos = top.find((n) => n.type === 'memos');
  assert.ok(memos, JSON.stringify(top.map((n) => n.type)));
  const rows = await s.annotationsView.getChildren(memos);
  const items = rows.map((r) => s.annotationsView.getTreeItem(r));
  assert.deepEqual(
    items.map((i) => [i.label, i.description]),
    [
      ['Plan', 'project memo'],
      [`2018 ${report.title}`, 'report memo'],
    ],
  );
  const open = items[1].command as { command: string; arguments: vscode.Uri[] };
  assert.equal(open.command, 'vscode.open');
  assert.equal(open.arguments[0].fsPath, path.join(root, '.annals', 'memos', 'reports', `${report.id}.md`));
});

test('independent coding: Export Annotations… takes every coder’s file, the coders and the memos; the Agreement panel exports XLSX with its agreement; Import REFI-QDA Project… writes each user’s codings to their own file', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const { unzipSync } = await import('fflate');
  writeFileSync(path.join(root, '.annals', 'project.json'), '{"coding":{"mode":"independent"},"coders":[{"id":"Li","name":"Li Ming"}]}\n');
  const { report, source } = await open2018(0);
  const p1 = body(report, 1);
  await COMMANDS['annals.switchCoder'](s)('Li');
  await open2018(p1);
  await tagWith(['依法有效化解社会矛盾纠纷']);
  await COMMANDS['annals.switchCoder'](s)('Wang');
  await open2018(p1);
  await tagWith(['依法有效化解社会矛盾纠纷', '数据指标']);
  mkdirSync(path.join(root, '.annals', 'memos', 'reports'), { recursive: true });
  writeFileSync(path.join(root, '.annals', 'memos', 'Plan.md'), 'Code 2018 first.\n');
  writeFileSync(path.join(root, '.annals', 'memos', 'reports', `${report.id}.md`), 'The 2018 memo.\n');

  // JSON Lines: both coders' annotations (the default view shows only Wang's), then the memos.
  const jsonl = vscode.Uri.file(path.join(root, 'out', 'team.jsonl'));
  fake.saveDialogResult = jsonl;
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.exporter?.id === 'jsonl');
  await COMMANDS['annals.exportAnnotations'](s)();
  assert.deepEqual(fake.errors, []);
  const recs = readFileSync(jsonl.fsPath, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    recs
      .filter((r) => !r.annals.memo)
      .map((r) => r.annals.coder)
      .sort(),
    ['Li', 'Wang'],
  );
  assert.deepEqual(
    recs.filter((r) => r.annals.memo).map((r) => [r.annals.memo, r.body.value]),
    [
      ['project', 'Code 2018 first.\n'],
      ['report', 'The 2018 memo.\n'],
    ],
  );

  // The Agreement panel's Export as Excel… asks Export Annotations… for a workbook with its agreement.
  const panel = (await COMMANDS['annals.computeAgreement'](s)([{ source, report }])) as AgreementPanel;
  const html = (panel.panel as unknown as FakeWebviewPanel).webview.html;
  assert.match(html, /data-msg="\{&quot;type&quot;:&quot;export&quot;\}">Export as Excel…<\/button>/);
  fake.executed.length = 0;
  (panel.panel as unknown as FakeWebviewPanel).receive({ type: 'export' });
  const deadline = Date.now() + 5000;
  while (!fake.executed.some((e) => e.command === 'annals.exportAnnotations') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const call = fake.executed.find((e) => e.command === 'annals.exportAnnotations');
  assert.ok(call);
  assert.deepEqual((call.args[0] as { agreement: unknown }).agreement, panel.result);
  const xlsx = vscode.Uri.file(path.join(root, 'out', 'agreement.xlsx'));
  fake.saveDialogResult = xlsx;
  fake.quickPickChoice = () => assert.fail('the format is given: no picker');
  await COMMANDS['annals.exportAnnotations'](s)(...call.args);
  assert.deepEqual(fake.errors, []);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsx.fsPath) as unknown as ArrayBuffer);
  const sheet = (name: string) => {
    const rows: unknown[][] = [];
    wb.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['annotations', 'codebook', 'coders', 'memos', 'agreement'],
  );
  const o = panel.result?.overall;
  assert.ok(o);
  assert.deepEqual(sheet('agreement')[1], ['(overall)', 'coders: Li, Wang', o.units, o.percent, o.kappa, o.alpha]);
  assert.deepEqual(sheet('coders').slice(1), [
    ['Li', 'Li Ming', '', 1],
    ['Wang', '', '', 1],
  ]);
  assert.equal(sheet('annotations').length, 3, 'the header and both coders’ annotations of the chosen report');
  panel.dispose();

  // QDPX out, and in again (into exchange/): Li's coding goes to Li's own file, Wang's to Wang's.
  const qdpx = vscode.Uri.file(path.join(root, 'exchange.qdpx'));
  fake.saveDialogResult = qdpx;
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.exporter?.id === 'qdpx');
  await COMMANDS['annals.exportAnnotations'](s)();
  const qde = new TextDecoder().decode(unzipSync(readFileSync(qdpx.fsPath))['project.qde']);
  assert.match(qde, /<User guid="[^"]+" name="Li Ming" id="Li"\/>/);
  assert.match(qde, /<PlainTextContent>The 2018 memo\.\n<\/PlainTextContent>/);
  fake.openDialogResult = [qdpx];
  fake.quickPickChoice = () => assert.fail('no conflict to ask about');
  fake.infos.length = 0;
  await COMMANDS['annals.importQdpx'](s)();
  assert.deepEqual(fake.errors, []);
  assert.match(fake.infos[0] ?? '', /^Imported 3 reports into exchange with 2 annotations/);
  const files = readdirSync(path.join(root, 'exchange')).filter((f) => f.includes('.annals.'));
  assert.deepEqual(files.map((f) => f.replace(/^.*\.annals\./, '')).sort(), ['li.json', 'wang.json'], files.join(', '));
  const project = parseProject(readFileSync(path.join(root, '.annals', 'project.json'), 'utf8'));
  assert.ok(project.ok, 'still a project file the CLI reads');
  assert.deepEqual(project.value.coders, [{ id: 'Li', name: 'Li Ming' }, { id: 'Wang' }]);
  assert.deepEqual(readdirSync(path.join(root, '.annals', 'memos')).sort(), ['Plan.md', 'reports'], 'no “(report memo).md” beside the project memos');
});

test('Export Annotations…: a coder’s sidecar that cannot be read is named in a warning; the rest is exported', async () => {
  const source = vscode.Uri.file(path.join(root, FEED));
  writeFileSync(`${source.fsPath}.annals.bob.json`, '{"version": 1, "source": 5, "annotations": []}');
  const { report } = await open2018(0);
  await COMMANDS['annals.switchCoder'](s)('Li');
  await open2018(body(report, 1));
  await tagWith(['数据指标']);
  fake.errors.length = 0;
  const out = vscode.Uri.file(path.join(root, 'out.jsonl'));
  fake.saveDialogResult = out;
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.exporter?.id === 'jsonl');
  await COMMANDS['annals.exportAnnotations'](s)();
  assert.deepEqual(fake.warnings, [`These sidecars cannot be read, and their annotations are not in the export: ${FEED}.annals.bob.json`]);
  assert.equal(readFileSync(out.fsPath, 'utf8').trimEnd().split('\n').length, 1);
});
