/**
 * Annotations in the editor, on the in-process stand-in for `vscode`: tagging, the sidecar on
 * disk, unreadable sidecars, outside changes, decorations, hover, status bar, navigation.
 * The real editor runs the same in test/e2e/annotations.e2e.ts.
 */
import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake, FakeDocument, Selection, type MarkdownString } from './fake/vscode.ts';
import { AnnotationService } from '../../src/extension/annotations.ts';
import { AnnotationDecorations, AnnotationHover, AnnotationStatus } from '../../src/extension/annotationDecorations.ts';
import { ComparePanels } from '../../src/extension/comparePanel.ts';
import { COMMANDS, type Services } from '../../src/extension/commands/index.ts';
import { reportUri } from '../../src/extension/reportUri.ts';
import { ROOT } from './helpers.ts';
import { until } from './wait.ts';
import { testWorkspace, type TestWorkspace } from './workspace.ts';
import type { Report } from '../../src/core/index.ts';
import { tempDir } from './tmp.ts';

let root: string;
let s: Services;
let ws: TestWorkspace;
const FEED = 'nanhai/nanhai-feed-flattened.txt';

beforeEach(() => {
  ws = testWorkspace('tag');
  root = ws.root;
  s = ws.services;
});

afterEach(() => ws.dispose());

interface FakeEditor {
  document: FakeDocument;
  selection: Selection;
  visibleRanges: vscode.Range[];
  decorations: Map<unknown, unknown[]>;
  setDecorations(type: unknown, ranges: unknown[]): void;
  revealRange(): void;
}

/** Opens the 2017 report in a fake editor with the cursor at a paragraph (or a selection in it). */
async function open2017(paragraph: number, select?: [number, number]): Promise<{ editor: FakeEditor; report: Report; source: vscode.Uri }> {
  const source = vscode.Uri.file(path.join(root, FEED));
  const report = (await s.reports.load(source)).reports.find((r) => r.year === 2017)!;
  const uri = reportUri(source, report.id, report.title, report.year);
  const doc = new FakeDocument(uri, await s.documents.provideTextDocumentContent(uri));
  doc.languageId = 'annals-report';
  const p = report.paragraphs[paragraph];
  const [a, b] = select ?? [p.start, p.start];
  const editor: FakeEditor = {
    document: doc,
    selection: new Selection(doc.positionAt(a), doc.positionAt(b)),
    visibleRanges: [new vscode.Range(0, 0, 60, 0)],
    decorations: new Map(),
    setDecorations(type, ranges) {
      this.decorations.set(type, ranges);
    },
    revealRange() {},
  };
  fake.activeTextEditor = editor as never;
  return { editor, report, source };
}

const sidecarOf = (source: vscode.Uri) => `${source.fsPath}.annals.json`;

/** The user's answers: create the default codebook, pick these tag labels, then a note. */
function answer(labels: string[], note: string, author?: string) {
  fake.messageChoice = (_message, items) => items.find((i) => i === 'Create Default Codebook');
  fake.quickPickChoice = (items) => (items as { label: string; id?: string }[]).filter((i) => i.id && labels.includes(i.label));
  fake.inputs = [note, ...(author !== undefined ? [author] : [])];
}

test('Tag Paragraph: offers the default codebook, asks the author once, writes a sorted sidecar next to the source', async () => {
  const { report, source } = await open2017(10);
  answer(['数据指标', '创新举措'], '复议数字', 'Li Lei');
  await COMMANDS['annals.tagParagraph'](s)();
  const codebook = JSON.parse(readFileSync(path.join(root, '.annals/codebook.json'), 'utf8'));
  assert.equal(codebook.tags.length, 11, 'the default codebook: seven areas and four cross-cutting tags');
  assert.equal(fake.settings['annals.author'], 'Li Lei');
  const text = readFileSync(sidecarOf(source), 'utf8');
  assert.ok(text.endsWith('}\n'), 'a final newline');
  const sidecar = JSON.parse(text);
  assert.equal(sidecar.version, 1);
  assert.equal(sidecar.source, 'nanhai-feed-flattened.txt');
  assert.equal(sidecar.annotations.length, 1);
  const a = sidecar.annotations[0];
  const p = report.paragraphs[10];
  assert.equal(a.report, report.id);
  assert.equal(a.target.paragraph, p.id);
  assert.equal(a.target.quote.exact, p.text, 'a whole paragraph');
  assert.equal(a.target.position.end - a.target.position.start, [...p.text].length, 'positions in code points');
  assert.deepEqual(a.tags, ['figures', 'innovations']);
  assert.equal(a.note, '复议数字');
  assert.equal(a.author, 'Li Lei');
  assert.match(a.created, /^\d{4}-\d\d-\d\dT/);
  // A second tag: the author is not asked again, and the file stays sorted by position.
  await open2017(4);
  answer(['计划承诺'], '');
  await COMMANDS['annals.tagParagraph'](s)();
  const again = JSON.parse(readFileSync(sidecarOf(source), 'utf8'));
  assert.deepEqual(
    again.annotations.map((x: { tags: string[] }) => x.tags[0]),
    ['commitments', 'figures'],
  );
  assert.equal(again.annotations[0].author, 'Li Lei');
});

test("a selection inside one paragraph becomes the quote; the webview's context menu tags its paragraph", async () => {
  const { report, source } = await open2017(10);
  const p = report.paragraphs[10];
  await open2017(10, [p.start + 3, p.start + 12]);
  answer(['数据指标'], '');
  fake.inputs.push('Li Lei');
  await COMMANDS['annals.tagParagraph'](s)();
  let a = JSON.parse(readFileSync(sidecarOf(source), 'utf8')).annotations;
  assert.equal(a[0].target.quote.exact, p.text.slice(3, 12));
  assert.equal(a[0].target.quote.prefix, report.text.slice(p.start - 32 + 3, p.start + 3).slice(-32));
  // From the Compare view's context menu: { report, paragraph } of a cell.
  fake.activeTextEditor = undefined;
  const other = report.paragraphs[12];
  answer(['问题不足'], '');
  await COMMANDS['annals.tagParagraph'](s)({ webviewSection: 'paragraph', report: report.id, paragraph: other.id, line: other.line });
  a = JSON.parse(readFileSync(sidecarOf(source), 'utf8')).annotations;
  assert.ok(a.some((x: { target: { paragraph: string }; tags: string[] }) => x.target.paragraph === other.id && x.tags[0] === 'shortcomings'));
});

test('an unreadable sidecar is never overwritten: an error with Open Sidecar, and edits refused', async () => {
  const { source } = await open2017(10);
  const broken = '{ "version": 1, "annotations": [ oops';
  writeFileSync(sidecarOf(source), broken);
  answer(['数据指标'], '', 'x');
  await COMMANDS['annals.tagParagraph'](s)();
  assert.equal(readFileSync(sidecarOf(source), 'utf8'), broken, 'the file is untouched');
  assert.match(fake.errors.join('\n'), /cannot be read, and will not be changed until the file is fixed/);
  // A sidecar from a newer Annals: the same.
  rmSync(sidecarOf(source));
  const s2 = new AnnotationService();
  s.annotations = s2;
  writeFileSync(sidecarOf(source), JSON.stringify({ version: 99, source: 'x', annotations: [] }));
  fake.errors = [];
  await COMMANDS['annals.tagParagraph'](s)();
  assert.match(fake.errors.join('\n'), /newer/i);
  assert.equal(JSON.parse(readFileSync(sidecarOf(source), 'utf8')).version, 99);
});

test('an outside change of the sidecar (a git pull) is merged, and the placement follows', async () => {
  const { report, source } = await open2017(10);
  answer(['数据指标'], '', 'me');
  await COMMANDS['annals.tagParagraph'](s)();
  const sidecar = JSON.parse(readFileSync(sidecarOf(source), 'utf8'));
  const p = report.paragraphs[20];
  const theirs = {
    ...sidecar.annotations[0],
    id: 'from-git',
    tags: ['oversight'],
    target: { ...sidecar.annotations[0].target, paragraph: p.id, quote: { type: 'TextQuoteSelector', exact: p.text, prefix: '', suffix: '' } },
  };
  sidecar.annotations.push(theirs);
  writeFileSync(sidecarOf(source), JSON.stringify(sidecar, null, 2) + '\n');
  let fired = 0;
  s.annotations.onDidChange(() => fired++);
  for (const w of fake.watchers) w.change.fire(vscode.Uri.file(sidecarOf(source)));
  const store = await s.annotations.store(source);
  await until(() => store.get('from-git') !== undefined, 'the merge of the outside change');
  assert.ok(fired > 0, 'the service said so');
  const placed = await s.annotations.placement(source, report);
  assert.equal(placed.annotations.length, 2);
  assert.equal(placed.anchors.find((x) => x.id === 'from-git')?.paragraph, 20);
});

test('decorations, hover and status bar show the tags; Next/Previous Annotation move between tagged paragraphs; Remove deletes', async () => {
  const { editor, source } = await open2017(10);
  answer(['数据指标'], '**bold** note [run](command:annals.removeAnnotation)', 'me');
  await COMMANDS['annals.tagParagraph'](s)();
  await open2017(20);
  answer(['创新举措'], '');
  await COMMANDS['annals.tagParagraph'](s)();
  const deco = new AnnotationDecorations(s.annotations, s.documents);
  await deco.update(editor as never);
  const labels = [...editor.decorations.values()].flat() as { renderOptions?: { after?: { contentText: string } } }[];
  assert.deepEqual(labels.map((l) => l.renderOptions?.after?.contentText).filter(Boolean), ['⟨数据指标⟩', '⟨创新举措⟩']);
  const painted = [...editor.decorations.values()].filter((r) => r.length && !(r[0] as { renderOptions?: unknown }).renderOptions);
  assert.ok(painted.length >= 1, 'paragraph backgrounds');
  // Hover: tags, author, the note as untrusted Markdown; only the link line is trusted, for two commands.
  const hover = await new AnnotationHover(s.annotations, s.documents, s.memos).provideHover(
    editor.document as never,
    editor.document.positionAt((await open2017(10)).report.paragraphs[10].start + 2) as never,
  );
  const parts = (hover as unknown as { contents: MarkdownString[] }).contents;
  assert.match(parts[0].value, /数据指标/);
  assert.match(parts[0].value, /me · \d{4}-/);
  const note = parts.find((m) => m.value.includes('**bold**'))!;
  assert.ok(!note.isTrusted, 'the note is not trusted');
  const links = parts.at(-1)!;
  assert.deepEqual(links.isTrusted, { enabledCommands: ['annals.editAnnotation', 'annals.removeAnnotation'] });
  assert.match(links.value, /command:annals\.editAnnotation\?/);
  // Status bar.
  const status = new AnnotationStatus(s.annotations, s.documents);
  await status.update();
  assert.equal(status.text, '$(tag) 数据指标');
  // Next / Previous.
  const { editor: e2, report } = await open2017(12);
  await COMMANDS['annals.nextAnnotation'](s)();
  assert.equal(e2.document.offsetAt(e2.selection.active), report.paragraphs[20].start);
  await COMMANDS['annals.nextAnnotation'](s)();
  assert.equal(e2.document.offsetAt(e2.selection.active), report.paragraphs[10].start, 'wraps around');
  await COMMANDS['annals.previousAnnotation'](s)();
  assert.equal(e2.document.offsetAt(e2.selection.active), report.paragraphs[20].start);
  // Remove, as the hover's link does it.
  const id = JSON.parse(readFileSync(sidecarOf(source), 'utf8')).annotations[0].id;
  await COMMANDS['annals.removeAnnotation'](s)({ source: source.toString(), id });
  assert.equal(JSON.parse(readFileSync(sidecarOf(source), 'utf8')).annotations.length, 1);
  deco.dispose();
  status.dispose();
});

test('Attach to Current Paragraph re-places an orphan; Open Codebook; annals.sidecarFolder mirrors the workspace', async () => {
  const { report, source } = await open2017(10);
  answer(['数据指标'], '', 'me');
  await COMMANDS['annals.tagParagraph'](s)();
  // Make it an orphan: a quote that is nowhere in the report.
  const sidecar = JSON.parse(readFileSync(sidecarOf(source), 'utf8'));
  Object.assign(sidecar.annotations[0].target, {
    paragraph: 'p00000000',
    quote: { type: 'TextQuoteSelector', exact: '这段话已经不在报告里了，无从定位。', prefix: '', suffix: '' },
  });
  sidecar.annotations[0].modified = '2099-01-01T00:00:00.000Z'; // An outside change wins when it is newer.
  writeFileSync(sidecarOf(source), JSON.stringify(sidecar, null, 2) + '\n');
  for (const w of fake.watchers) w.change.fire(vscode.Uri.file(sidecarOf(source)));
  const opened = await s.annotations.store(source);
  await until(() => opened.get(sidecar.annotations[0].id)?.modified === '2099-01-01T00:00:00.000Z', 'the merge of the outside change');
  let placed = await s.annotations.placement(source, report);
  assert.equal(placed.anchors[0].status, 'orphan');
  await open2017(14);
  await COMMANDS['annals.attachToCurrentParagraph'](s)({ source: source.toString(), id: sidecar.annotations[0].id });
  placed = await s.annotations.placement(source, report);
  assert.equal(placed.anchors[0].status, 'exact-id');
  assert.equal(placed.anchors[0].paragraph, 14);
  // Open Codebook shows the file.
  fake.shown = [];
  await COMMANDS['annals.openCodebook'](s)();
  assert.equal(fake.shown.at(-1)?.uri, vscode.Uri.file(path.join(root, '.annals/codebook.json')).toString());
  // A sidecar folder.
  fake.settings['annals.sidecarFolder'] = '.annals/sidecars';
  const s3 = new AnnotationService();
  const store = await s3.store(source);
  assert.equal(store.path, vscode.Uri.file(path.join(root, '.annals/sidecars', FEED + '.annals.json')).toString());
});

test('the Reports view shows how many annotations each chapter and section holds', async () => {
  const source = vscode.Uri.file(path.join(root, FEED));
  const report = (await s.reports.load(source)).reports.find((r) => r.year === 2017)!;
  await open2017(report.outline[0].children[0].children[1].paragraph); // section (二) of chapter 一, heading and body in one paragraph
  answer(['数据指标'], '', 'me');
  await COMMANDS['annals.tagParagraph'](s)();
  const tree = ws.tree;
  const series = (await tree.getChildren()).find((n) => n.type === 'series' && n.label.includes('南海'))!;
  const r2017 = (await tree.getChildren(series)).find((n) => n.type === 'report' && n.report.id === report.id)!;
  const parts = await tree.getChildren(r2017);
  const chapters = await tree.getChildren(parts[0]);
  assert.equal(tree.getTreeItem(parts[0]).description, '1 tagged');
  assert.equal(tree.getTreeItem(chapters[0]).description, '1 tagged');
  assert.equal(tree.getTreeItem(chapters[1]).description, undefined);
  const sections = await tree.getChildren(chapters[0]);
  assert.deepEqual(
    sections.map((n) => tree.getTreeItem(n).description ?? ''),
    ['', '1 tagged', ''],
  );
});

test('Rename Tag keeps the annotations; Delete Tag asks first when annotations use it, and they keep the id as unknown', async () => {
  const { source } = await open2017(10);
  answer(['数据指标'], '', 'me');
  await COMMANDS['annals.tagParagraph'](s)();
  const codebookFile = path.join(root, '.annals/codebook.json');
  // Rename: the id stays.
  fake.quickPickChoice = (items) => (items as { label: string }[]).find((i) => i.label === '数据指标');
  fake.inputs = ['统计数字'];
  await COMMANDS['annals.renameTag'](s)();
  const renamed = JSON.parse(readFileSync(codebookFile, 'utf8')).tags.find((t: { id: string }) => t.id === 'figures');
  assert.equal(renamed.label, '统计数字');
  assert.deepEqual(JSON.parse(readFileSync(sidecarOf(source), 'utf8')).annotations[0].tags, ['figures']);
  // Delete, declined: nothing changes.
  fake.quickPickChoice = (items) => (items as { label: string }[]).find((i) => i.label === '统计数字');
  fake.messageChoice = () => undefined;
  fake.warnings = [];
  await COMMANDS['annals.deleteTag'](s)();
  assert.match(fake.warnings[0] ?? '', /^1 annotations use “统计数字”/);
  assert.ok(JSON.parse(readFileSync(codebookFile, 'utf8')).tags.some((t: { id: string }) => t.id === 'figures'));
  // Delete, confirmed: the tag leaves the codebook; the annotation keeps the id, shown as unknown.
  fake.messageChoice = (_m, items) => items.find((i) => i === 'Delete Tag');
  await COMMANDS['annals.deleteTag'](s)();
  assert.ok(!JSON.parse(readFileSync(codebookFile, 'utf8')).tags.some((t: { id: string }) => t.id === 'figures'));
  assert.deepEqual(JSON.parse(readFileSync(sidecarOf(source), 'utf8')).annotations[0].tags, ['figures']);
  const tags = await s.annotations.tags();
  assert.equal(tags('figures').known, false);
});

test('the Compare view shows the tags of annotated paragraphs as chips', async () => {
  const r = (await s.reports.load(vscode.Uri.file(path.join(root, FEED)))).reports.find((x) => x.year === 2017)!;
  const { report } = await open2017(r.outline[0].children[0].children[1].paragraph); // chapter 一, section (二)
  answer(['数据指标'], '', 'me');
  await COMMANDS['annals.tagParagraph'](s)();
  const { TagChips } = await import('../../src/extension/chips.ts');
  const compare = new ComparePanels(vscode.Uri.file(ROOT), s.alignment, new TagChips(s.alignment, s.annotations));
  const source = vscode.Uri.file(path.join(root, FEED));
  await compare.show({ source: source.toString(), reportId: report.id, line: report.outline[0].children[0].line, years: null });
  const panel = fake.panels.at(-1)!;
  panel.receive({ type: 'ready', state: null });
  await until(() => panel.posted.length > 0, 'the Compare render');
  const render = panel.posted.find((m) => (m as { type: string }).type === 'render') as { html: string };
  assert.match(render.html, /<span class="chip" data-color="#[0-9a-fA-F]{3,6}">数据指标<\/span>/);
  compare.dispose();
});

test("review fixes: Attach and Rename take the Annotations view's nodes; a codebook that cannot be read is never replaced", async () => {
  const { report, source } = await open2017(10);
  answer(['数据指标'], '', 'me');
  await COMMANDS['annals.tagParagraph'](s)();
  const id = JSON.parse(readFileSync(sidecarOf(source), 'utf8')).annotations[0].id;
  // Attach to Current Paragraph from a node of the view.
  await open2017(14);
  await COMMANDS['annals.attachToCurrentParagraph'](s)({ type: 'annotation', entry: { source, annotation: { id } } });
  assert.equal(JSON.parse(readFileSync(sidecarOf(source), 'utf8')).annotations[0].target.paragraph, report.paragraphs[14].id);
  // Rename from a tag node: no question which tag.
  fake.quickPickChoice = () => assert.fail('no tag list when the node names the tag');
  fake.inputs = ['统计'];
  await COMMANDS['annals.renameTag'](s)({ type: 'tag', tag: { id: 'figures' } });
  assert.equal(JSON.parse(readFileSync(path.join(root, '.annals/codebook.json'), 'utf8')).tags.find((t: { id: string }) => t.id === 'figures').label, '统计');
  // A codebook path that cannot be read (here a folder): an error, and the default is not written over it.
  rmSync(path.join(root, '.annals/codebook.json'));
  mkdirSync(path.join(root, '.annals/codebook.json'));
  const fresh = new AnnotationService();
  s.annotations = fresh;
  fake.messageChoice = (_m, items) => items.find((i) => i === 'Create Default Codebook');
  fake.errors = [];
  await COMMANDS['annals.tagParagraph'](s)();
  assert.ok(statSync(path.join(root, '.annals/codebook.json')).isDirectory(), 'left alone');
  assert.match(fake.errors.join('\n'), /codebook cannot be read/);
  fresh.dispose();
});

test('a source outside the workspace has its sidecar watched too', async () => {
  const outside = tempDir('outside');
  try {
    const file = path.join(outside, 'report.txt');
    writeFileSync(file, readFileSync(path.join(root, FEED)));
    const source = vscode.Uri.file(file);
    const store = await s.annotations.store(source);
    const watcher = fake.watchers.find((w) => (w.pattern as { base?: { fsPath?: string } }).base?.fsPath === outside);
    assert.ok(watcher, `a watcher on ${outside}: ${JSON.stringify(fake.watchers.map((w) => w.pattern))}`);
    // An outside edit of that sidecar is merged.
    const report = (await s.reports.load(source)).reports.find((r) => r.year === 2017)!;
    const p = report.paragraphs[10];
    writeFileSync(
      `${file}.annals.json`,
      JSON.stringify({
        version: 1,
        source: 'report.txt',
        annotations: [
          {
            id: 'x1',
            report: report.id,
            target: {
              paragraph: p.id,
              quote: { type: 'TextQuoteSelector', exact: p.text, prefix: '', suffix: '' },
              position: { type: 'TextPositionSelector', start: 0, end: 1 },
            },
            tags: ['figures'],
            note: '',
            author: 'a',
            created: '2026-01-01T00:00:00.000Z',
            modified: '2026-01-01T00:00:00.000Z',
          },
        ],
      }),
    );
    watcher.change.fire(vscode.Uri.file(`${file}.annals.json`));
    await until(() => store.all().length > 0, 'the outside sidecar merged');
    assert.equal(store.all().length, 1);
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('Edit Annotation saves the edited tags and the edited note; clearing the note clears it; Escape changes nothing', async () => {
  const { source } = await open2017(10);
  answer(['数据指标'], 'the first note', 'me');
  await COMMANDS['annals.tagParagraph'](s)();
  const read = () => JSON.parse(readFileSync(sidecarOf(source), 'utf8')).annotations;
  const [tagged] = read();
  assert.equal(tagged.note, 'the first note');
  const edit = (arg: unknown) => COMMANDS['annals.editAnnotation'](s)(arg as never);
  // New tags and a new note.
  fake.quickPickChoice = (items) => (items as { label: string; id?: string }[]).filter((i) => i.id && ['问题不足', '创新举措'].includes(i.label));
  fake.inputs = ['the edited note'];
  await edit({ source: source.toString(), id: tagged.id });
  let [now] = read();
  assert.equal(now.note, 'the edited note');
  assert.deepEqual(now.tags, ['shortcomings', 'innovations']);
  assert.ok(Date.parse(now.modified) > Date.parse(tagged.modified));
  // The note cleared.
  fake.quickPickChoice = (items) => (items as { picked?: boolean }[]).filter((i) => i.picked);
  fake.inputs = [''];
  await edit({ source: source.toString(), id: tagged.id });
  [now] = read();
  assert.equal(now.note, '');
  assert.deepEqual(now.tags, ['shortcomings', 'innovations'], 'the tags as they were picked');
  // Escape on the note: nothing changes.
  fake.inputs = [undefined];
  fake.inputBox = () => undefined;
  const before = readFileSync(sidecarOf(source), 'utf8');
  await edit({ source: source.toString(), id: tagged.id });
  assert.equal(readFileSync(sidecarOf(source), 'utf8'), before);
});
