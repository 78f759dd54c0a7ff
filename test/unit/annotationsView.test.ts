/**
 * The Annotations view, its filter, chapter counts, auto-tag and export, on the in-process
 * stand-in for `vscode` over a temporary copy of samples/.
 */
import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { FILTERED_CONTEXT, type AnnotationsNode } from '../../src/extension/annotationsView.ts';
import { chapterCounts } from '../../src/extension/annotations.ts';
import { COMMANDS, type Services } from '../../src/extension/commands/index.ts';
import {
  CODEBOOK_PATH,
  DEFAULT_CODEBOOK,
  flattenOutline,
  makeTarget,
  serializeCodebook,
  serializeSidecar,
  SIDECAR_SUFFIX,
  type Annotation,
  type Report,
} from '../../src/core/index.ts';
import { testWorkspace, type TestWorkspace } from './workspace.ts';
import { until } from './wait.ts';

const NANHAI = 'nanhai/nanhai-feed-flattened.txt';
const NATIONAL = 'national/gwr-national-2019.txt';
const T = '2026-01-02T03:04:05.000Z';

let root: string;
let s: Services;
let ws: TestWorkspace;

beforeEach(() => {
  ws = testWorkspace('anv');
  root = ws.root;
  fake.settings['annals.author'] = 'tester';
  s = ws.services;
});

afterEach(() => ws.dispose());

const run = (id: string, ...args: unknown[]) => COMMANDS[id](s)(...args);

function writeCodebook() {
  mkdirSync(path.join(root, '.annals'), { recursive: true });
  writeFileSync(path.join(root, CODEBOOK_PATH), serializeCodebook(DEFAULT_CODEBOOK));
}

async function reportOf(file: string, year: number): Promise<{ source: vscode.Uri; report: Report }> {
  const source = vscode.Uri.file(path.join(root, file));
  const report = (await s.reports.load(source)).reports.find((r) => r.year === year);
  assert.ok(report, `${file} has a ${year} report`);
  return { source, report };
}

/** The k-th paragraph of running text (a body paragraph, or a section with its body) of a report. */
const body = (r: Report, k: number) => r.paragraphs.filter((p) => p.role === 'body' || p.role === 'section')[k];

let n = 0;
function ann(r: Report, paragraph: number, tags: string[], extra: Partial<Annotation> = {}): Annotation {
  const t = makeTarget(r, paragraph);
  assert.ok(t.ok);
  return {
    id: `a${String(++n).padStart(16, '0')}`,
    report: r.id,
    target: t.value.target,
    tags,
    note: '',
    author: 'analyst',
    created: T,
    modified: T,
    ...extra,
  };
}

function writeSidecar(file: string, annotations: Annotation[]) {
  writeFileSync(path.join(root, file + SIDECAR_SUFFIX), serializeSidecar({ version: 1, source: path.basename(file), annotations }));
}

function readSidecar(file: string): Annotation[] {
  return JSON.parse(readFileSync(path.join(root, file + SIDECAR_SUFFIX), 'utf8')).annotations;
}

async function labels(node?: AnnotationsNode): Promise<string[]> {
  return (await s.annotationsView.getChildren(node)).map((x) => {
    const item = s.annotationsView.getTreeItem(x);
    return item.description ? `${item.label} | ${item.description}` : String(item.label);
  });
}

async function child(label: string, node?: AnnotationsNode): Promise<AnnotationsNode> {
  const found = (await s.annotationsView.getChildren(node)).find((x) => s.annotationsView.getTreeItem(x).label === label);
  assert.ok(found, `a node “${label}” among ${JSON.stringify(await labels(node))}`);
  return found;
}

/** A workspace with annotations in two series, an unknown tag, an orphan and a report that is gone. */
async function seed() {
  writeCodebook();
  const n18 = await reportOf(NANHAI, 2018);
  const n17 = await reportOf(NANHAI, 2017);
  const nat = await reportOf(NATIONAL, 2019);
  const r = n18.report;
  const orphanTarget = {
    paragraph: 'p0badf00d',
    quote: { type: 'TextQuoteSelector' as const, exact: '这一段文字从来没有出现在任何一份报告之中', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start: 0, end: 20 },
  };
  const nanhai = [
    ann(r, body(r, 0).index, ['figures'], { note: '第一责任人 note' }),
    ann(r, body(r, 1).index, ['figures']),
    ann(r, body(r, 2).index, ['figures', 'mystery']),
    ann(n17.report, body(n17.report, 0).index, ['rules']),
    { ...ann(r, body(r, 3).index, ['rules']), target: orphanTarget },
    { ...ann(r, body(r, 4).index, ['shortcomings']), report: 'r-gone' },
  ];
  writeSidecar(NANHAI, nanhai);
  writeSidecar(NATIONAL, [ann(nat.report, body(nat.report, 0).index, ['figures'])]);
  return { n18, n17, nat, nanhai };
}

test('the Annotations view: tags in codebook order with counts, unknown tags kept, then reports by year, then annotations', async () => {
  const { n18, nanhai } = await seed();
  assert.deepEqual(await labels(), ['完善依法行政制度体系 | 2', '数据指标 | 4', '问题不足 | 1', 'mystery | 1 · unknown tag', 'Needs review / orphans | 2']);
  const figures = await child('数据指标');
  // Two series in the workspace: the report title tells them apart; newest first.
  const byReport = await labels(figures);
  assert.equal(byReport.length, 2);
  assert.equal(byReport[0], '2019 · 2019年国务院政府工作报告 | 1');
  assert.equal(byReport[1], `2018 · ${n18.report.title} | 3`);
  const y2018 = (await s.annotationsView.getChildren(figures))[1];
  const leaves = await s.annotationsView.getChildren(y2018);
  assert.equal(leaves.length, 3);
  const first = s.annotationsView.getTreeItem(leaves[0]);
  assert.ok(body(n18.report, 0).text.startsWith(String(first.label).replace(/…$/, '')), 'the label is the paragraph text');
  assert.equal(first.description, '第一责任人 note');
  assert.deepEqual(first.command?.arguments, [n18.source.toString(), n18.report.id, body(n18.report, 0).line]);
  assert.equal(first.command?.command, 'annals.revealAnnotation');
  const tip = (first.tooltip as vscode.MarkdownString).value;
  assert.match(tip, /Tags: 数据指标/);
  assert.match(tip, /By analyst, created 2026-01-02 03:04 UTC/);
  assert.match(tip, /第一责任人 note/);
  // The unknown tag is shown as itself, grey, and its annotation keeps the known tag too.
  const mystery = await child('mystery');
  assert.equal(s.annotationsView.getTreeItem(mystery).contextValue, 'annals.unknownTag');
  const leaf = (await s.annotationsView.getChildren((await s.annotationsView.getChildren(mystery))[0]))[0];
  assert.match((s.annotationsView.getTreeItem(leaf).tooltip as vscode.MarkdownString).value, /Tags: 数据指标, mystery \(unknown tag\)/);
  // Icons: a circle of the tag's colour.
  const icon = s.annotationsView.getTreeItem(figures).iconPath as vscode.Uri;
  assert.equal(icon.scheme, 'data');
  assert.match(atob(icon.path.split(',')[1]), /fill="#7f7f7f"/);
  // Needs review / orphans: the orphan (its quote is not in the report) and the annotation of a report that is gone.
  const review = await labels(await child('Needs review / orphans'));
  assert.equal(review.length, 2);
  assert.ok(
    review.some((l) => l.startsWith(`${nanhai[4].target.quote.exact} | 2018 · orphan · `)),
    review.join('\n'),
  );
  assert.ok(
    review.some((l) => /^.* \| \(report not found\) · orphan · report r-gone is not in the source any more$/.test(l)),
    review.join('\n'),
  );
  const orphanItem = s.annotationsView.getTreeItem(
    (await s.annotationsView.getChildren(await child('Needs review / orphans'))).find(
      (x) => x.type === 'annotation' && x.entry.annotation.id === nanhai[4].id,
    )!,
  );
  assert.deepEqual(orphanItem.command?.arguments, [n18.source.toString(), n18.report.id], 'no line for an orphan');
});

test('the Annotations view is empty (the welcome) without annotations, and refreshes when a store changes', async () => {
  assert.deepEqual(await s.annotationsView.getChildren(), []);
  const { n18 } = { n18: await reportOf(NANHAI, 2018) };
  let fired = 0;
  s.annotationsView.onDidChangeTreeData(() => fired++);
  const store = await s.annotations.store(n18.source);
  const t = makeTarget(n18.report, body(n18.report, 0).index);
  assert.ok(t.ok);
  store.add({ report: n18.report.id, target: t.value.target, tags: ['figures'] });
  assert.ok(fired > 0);
  assert.deepEqual(await labels(), ['figures | 1 · unknown tag'], 'no codebook: every tag is unknown, still listed');
});

test('filter by tag and by text: the view shows it in its description and sets the context key; Clear removes it', async () => {
  const { n18 } = await seed();
  const view = s.annotationsView;
  const tv = fake.treeViews.find((v) => v.viewId === 'annals.annotations')!;
  assert.equal(tv.description, undefined);
  view.setFilter({ tags: ['figures'], text: '' });
  assert.deepEqual(await labels(), ['数据指标 | 4'], 'only the chosen tag; the orphans have other tags');
  await until(() => tv.description !== undefined, 'the filter in the description');
  assert.equal(tv.description, 'Filtered: 数据指标');
  assert.equal(fake.context[FILTERED_CONTEXT], true);
  // Text: case-insensitive, in the paragraph, the quote or the note.
  view.setFilter({ tags: [], text: '第一责任人 NOTE' });
  assert.deepEqual(await labels(), ['数据指标 | 1']);
  const words = body(n18.report, 1).text.slice(5, 15);
  view.setFilter({ tags: ['figures', 'rules'], text: words });
  assert.deepEqual(await labels(), ['数据指标 | 1']);
  view.setFilter({ tags: ['rules'], text: '从来没有出现' });
  assert.deepEqual(await labels(), ['完善依法行政制度体系 | 1', 'Needs review / orphans | 1'], 'an orphan is found by its quote');
  view.setFilter({ tags: [], text: 'no such text anywhere' });
  assert.deepEqual(await labels(), ['No annotations match the filter.']);
  // The commands: tags picked, then text.
  fake.quickPickChoice = (items) => (items as { id: string }[]).filter((i) => i.id === 'mystery' || i.id === 'rules');
  fake.inputBox = () => '';
  await run('annals.filterAnnotations');
  assert.deepEqual(view.filter, { tags: ['rules', 'mystery'], text: '' });
  assert.deepEqual(await labels(), ['完善依法行政制度体系 | 2', 'mystery | 1 · unknown tag', 'Needs review / orphans | 1']);
  await run('annals.clearAnnotationFilter');
  assert.equal(tv.description, undefined);
  assert.equal(fake.context[FILTERED_CONTEXT], false);
  assert.equal((await labels()).length, 5);
});

test('chapterCounts: annotations placed in each part, chapter and section; orphans not counted', async () => {
  const { n18 } = await seed();
  const placed = await s.annotations.placement(n18.source, n18.report);
  const counts = chapterCounts(placed, n18.report);
  const r = n18.report;
  const nodes = flattenOutline(r.outline).map((x) => x.node);
  // Expected: by hand, from the lines of the placed paragraphs.
  const lines = placed.anchors.filter((a) => a.paragraph !== null).map((a) => r.paragraphs[a.paragraph!].line);
  assert.equal(lines.length, 3, 'three placed, one orphan');
  for (const node of nodes) {
    const expected = lines.filter((l) => node.line <= l && l <= node.endLine).length;
    assert.equal(counts.get(node) ?? 0, expected, `${node.kind} ${node.title}`);
  }
  // The first is the preamble, before any part: in no node.
  const parts = r.outline.map((p) => counts.get(p) ?? 0);
  assert.equal(
    parts.reduce((a, b) => a + b, 0),
    2,
  );
  assert.ok(
    nodes.some((x) => x.kind === 'section' && counts.get(x)),
    'sections are counted',
  );
  assert.ok(
    [...counts.values()].every((v) => v > 0),
    'only nodes with annotations',
  );
});

test('auto-tag: regex, a year, a tag; the preview marks and unchecks tagged paragraphs; the sidecar gets the rest', async () => {
  writeCodebook();
  const { source, report } = await reportOf(NANHAI, 2018);
  // The expected matches, found here from the report's paragraphs (not by findMatches, which the command uses).
  const roles = new Set(['part', 'chapter', 'section', 'body']);
  const expected = report.paragraphs.flatMap((p, i) => (roles.has(p.role) && /复议|诉讼/.test(p.text) ? [{ paragraph: i }] : []));
  assert.equal(expected.length, 4, 'the 2018 report names 复议 or 诉讼 in four paragraphs (grep of the feed agrees)');
  // One of them already has the tag, from the same coder (another coder's tag would not stop them: coding.test.ts).
  const before = ann(report, expected[0].paragraph, ['disputes'], { author: 'tester' });
  writeSidecar(NANHAI, [before]);
  const picks: { options: any; items: any[] }[] = [];
  fake.inputBox = () => '复议|诉讼';
  fake.quickPickChoice = (items: any[], options: any) => {
    picks.push({ options, items });
    switch (picks.length) {
      case 1:
        return items.find((i) => i.mode === 'regex');
      case 2:
        return items.find((i) => i.year === 2018);
      case 3:
        return items.find((i) => i.tag?.id === 'disputes');
      default:
        return items.filter((i) => i.picked);
    }
  };
  await run('annals.autoTag');
  assert.deepEqual(fake.errors, []);
  assert.deepEqual(fake.validations, [null]);
  assert.equal(picks.length, 4);
  assert.deepEqual(picks[1].items.map((i) => i.label).slice(0, 2), ['All years', '2019']);
  const preview = picks[3];
  assert.equal(preview.options.canPickMany, true);
  assert.equal(preview.items.length, expected.length, 'the matches of 2018 only');
  assert.equal(preview.items.filter((i) => !i.picked).length, 1);
  assert.match(preview.items[0].description, /^already tagged · 2018 · /);
  // Year, report (two series in the workspace), chapter.
  assert.match(preview.items[1].description, /^2018 · 佛山市南海区人民政府2018年度法治政府建设工作报告 · [一二三四五六七八九十]+、/);
  assert.match(preview.items[1].label, /复议|诉讼/, 'the excerpt shows the match');
  const saved = readSidecar(NANHAI);
  assert.equal(saved.length, expected.length);
  const added = saved.filter((a) => a.author === 'tester' && a.id !== before.id);
  assert.equal(added.length, expected.length - 1);
  assert.ok(added.every((a) => a.report === report.id && a.tags.join() === 'disputes'));
  assert.deepEqual(new Set(added.map((a) => a.target.paragraph)), new Set(expected.slice(1).map((m) => report.paragraphs[m.paragraph].id)));
  assert.deepEqual(fake.infos, [`Tagged ${expected.length - 1} paragraphs with “依法有效化解社会矛盾纠纷”.`]);
  // The view follows.
  assert.deepEqual(await labels(), [`依法有效化解社会矛盾纠纷 | ${expected.length}`]);
  void source;
});

test('auto-tag: a bad regular expression is refused with the reason, and nothing is written', async () => {
  writeCodebook();
  fake.inputBox = () => '行政(复议';
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.mode === 'regex');
  await run('annals.autoTag');
  assert.equal(fake.errors.length, 1);
  assert.match(fake.errors[0], /^Nothing was tagged: invalid regular expression \/行政\(复议\/: Unterminated group/);
  assert.match(fake.validations[0] ?? '', /Unterminated group/, 'the input box says so as the user types');
  assert.ok(!existsSync(path.join(root, NANHAI + SIDECAR_SUFFIX)));
  assert.deepEqual(await s.annotationsView.getChildren(), []);
});

test('export: CSV with a BOM, one row per annotation, and an offer to open it', async () => {
  const { nanhai } = await seed();
  const out = vscode.Uri.file(path.join(root, 'out/annotations.csv'));
  fake.saveDialogResult = out;
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.exporter.id === 'csv');
  fake.messageChoice = (_m, buttons) => buttons[0];
  await run('annals.exportAnnotations');
  assert.deepEqual(fake.errors, []);
  const bytes = readFileSync(out.fsPath);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.trimEnd().split('\r\n');
  assert.equal(
    lines[0],
    'source,report id,series,issuer,year,report,part,chapter,section,paragraph id,tags,tag ids,quote,start,end,scope,note,coder,created,modified,anchor status,report memo',
  );
  assert.ok(lines[1].startsWith('nanhai/nanhai-feed-flattened.txt,r'), 'the source path, relative to the workspace, first');
  assert.equal(lines.length, 1 + nanhai.length + 1);
  assert.ok(
    lines.some((l) => l.includes('数据指标; mystery')),
    'unknown tags exported as themselves',
  );
  assert.ok(
    lines.some((l) => l.endsWith(',orphan,')),
    'the status, then the report memo (none)',
  );
  assert.deepEqual(fake.infos, ['Exported 7 annotations to out/annotations.csv.']);
  assert.deepEqual(
    fake.executed.filter((e) => e.command === 'vscode.open').map((e) => (e.args[0] as vscode.Uri).fsPath),
    [out.fsPath],
  );
});

test('export: Markdown and JSON Lines; nothing to export says so', async () => {
  await run('annals.exportAnnotations');
  assert.deepEqual(fake.infos, ['There are no annotations to export yet.']);
  // Sidecars that appear on disk (a git pull) are merged into the stores already open, and the view follows.
  let fired = 0;
  s.annotationsView.onDidChangeTreeData(() => fired++);
  await seed();
  const sidecars = fake.watchers.find((w) => w.pattern === '**/*.annals.json')!;
  for (const f of [NANHAI, NATIONAL]) sidecars.create.fire(vscode.Uri.file(path.join(root, f + SIDECAR_SUFFIX)));
  await until(() => fired >= 2, 'both outside changes merged');
  assert.equal((await labels()).length, 5);
  for (const format of ['md', 'jsonl']) {
    fake.saveDialogResult = vscode.Uri.file(path.join(root, `annotations.${format}`));
    fake.quickPickChoice = (items: any[]) => items.find((i) => i.exporter.id === format);
    await run('annals.exportAnnotations');
  }
  assert.match(readFileSync(path.join(root, 'annotations.md'), 'utf8'), /^# Annotations\n\n7 annotations\./);
  assert.equal(readFileSync(path.join(root, 'annotations.jsonl'), 'utf8').trimEnd().split('\n').length, 7);
});

test('export as .qdpx and XLSX from the view, then Import REFI-QDA Project… brings the reports and annotations back', async () => {
  const { nanhai } = await seed();
  const out = vscode.Uri.file(path.join(root, 'exchange.qdpx'));
  fake.saveDialogResult = out;
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.exporter.id === 'qdpx');
  await run('annals.exportAnnotations');
  assert.deepEqual(fake.errors, []);
  assert.deepEqual([...readFileSync(out.fsPath).subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip');
  assert.equal(fake.infos.at(-1), 'Exported 5 annotations to exchange.qdpx; 2 that need review or are orphans were left out (no place in the text).');
  fake.saveDialogResult = vscode.Uri.file(path.join(root, 'annotations.xlsx'));
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.exporter.id === 'xlsx');
  await run('annals.exportAnnotations');
  assert.deepEqual(fake.errors, []);
  assert.deepEqual([...readFileSync(path.join(root, 'annotations.xlsx')).subarray(0, 2)], [0x50, 0x4b]);
  fake.infos.length = 0;
  fake.openDialogResult = [out];
  // The project's unknown tag `mystery` is a code of its own; the default tags match by GUID, so nothing to ask.
  fake.quickPickChoice = () => assert.fail('no conflict to ask about');
  await run('annals.importQdpx');
  assert.deepEqual(fake.errors, []);
  assert.equal(fake.infos.length, 1);
  const placed = nanhai.filter((a) => a.report).length;
  assert.match(
    fake.infos[0],
    /^Imported \d+ reports into exchange with (\d+) annotations \(0 to review\); codebook: 1 tags added, 0 changed; 1 coders; 0 memos\.$/,
  );
  const imported = Number(/with (\d+) annotations/.exec(fake.infos[0])?.[1]);
  assert.ok(imported > 0 && imported <= placed, `${imported} of ${placed}`);
  assert.ok(existsSync(path.join(root, 'exchange')));
  const cb = JSON.parse(readFileSync(path.join(root, CODEBOOK_PATH), 'utf8'));
  assert.ok(cb.tags.some((t: { label: string }) => t.label === 'mystery'));
  // Again: the same annotations are there already, nothing is added.
  fake.infos.length = 0;
  await run('annals.importQdpx');
  assert.match(fake.infos[0], /with 0 annotations/);
});

test('revealAnnotation opens the report at the paragraph, from a click or from the context menu', async () => {
  const { n18 } = await seed();
  const line = body(n18.report, 1).line;
  await run('annals.revealAnnotation', n18.source.toString(), n18.report.id, line);
  assert.equal(fake.shown.length, 1);
  assert.match(fake.shown[0].uri, /^annals:/);
  assert.equal(fake.shown[0].selection?.start.line, line);
  const leaf = (await s.annotationsView.getChildren((await s.annotationsView.getChildren(await child('数据指标')))[1]))[1];
  await run('annals.revealAnnotation', leaf);
  assert.equal(fake.shown[1].selection?.start.line, line);
  await run('annals.revealAnnotation', n18.source.toString(), 'r-gone');
  assert.equal(fake.errors.length, 1);
  assert.match(fake.errors[0], /^The report is no longer in /);
});
