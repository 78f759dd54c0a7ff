/**
 * The codebook editor (the Codebook view and the tag commands), on the in-process stand-in for
 * `vscode` over a temporary copy of samples/: adding a child tag, a new id carried into every
 * sidecar, colour and description, drag and drop, and the two ready codebooks.
 */
import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { COMMANDS, type Services } from '../../src/extension/commands/index.ts';
import { type CodebookNode, CodebookView } from '../../src/extension/codebookView.ts';
import {
  CODEBOOK_PATH,
  DEFAULT_CODEBOOK,
  GOVERNMENT_WORK_CODEBOOK,
  makeTarget,
  parseCodebook,
  serializeSidecar,
  SIDECAR_SUFFIX,
  type Annotation,
  type Codebook,
  type Report,
} from '../../src/core/index.ts';
import { testWorkspace, type TestWorkspace } from './workspace.ts';

const NANHAI = 'nanhai/nanhai-feed-flattened.txt';
const NATIONAL = 'national/gwr-national-2019.txt';
const T = '2026-01-02T03:04:05.000Z';

let root: string;
let s: Services;
let ws: TestWorkspace;
let view: CodebookView;

beforeEach(() => {
  ws = testWorkspace('cbe');
  root = ws.root;
  fake.settings['annals.author'] = 'tester';
  s = ws.services;
  view = new CodebookView(s.corpus, s.annotations);
});

afterEach(() => {
  view.dispose();
  ws.dispose();
});

const run = (id: string, ...args: unknown[]) => COMMANDS[id](s)(...args);

function codebookOnDisk(): Codebook {
  const parsed = parseCodebook(readFileSync(path.join(root, CODEBOOK_PATH), 'utf8'));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.value;
}

const shape = (cb: Codebook) => cb.tags.map((t) => (t.parent ? `${t.id}<${t.parent}` : t.id));

async function reportOf(file: string, year: number): Promise<Report> {
  const report = (await s.reports.load(vscode.Uri.file(path.join(root, file)))).reports.find((r) => r.year === year);
  assert.ok(report);
  return report;
}

let n = 0;
function ann(r: Report, paragraph: number, tags: string[]): Annotation {
  const t = makeTarget(r, paragraph);
  assert.ok(t.ok);
  return { id: `a${String(++n).padStart(16, '0')}`, report: r.id, target: t.value.target, tags, note: '', author: 'analyst', created: T, modified: T };
}

function writeSidecar(file: string, annotations: Annotation[]) {
  writeFileSync(path.join(root, file + SIDECAR_SUFFIX), serializeSidecar({ version: 1, source: path.basename(file), annotations }));
}

const readSidecar = (file: string): Annotation[] => JSON.parse(readFileSync(path.join(root, file + SIDECAR_SUFFIX), 'utf8')).annotations;

async function labels(node?: CodebookNode): Promise<string[]> {
  return (await view.getChildren(node)).map((x) => `${view.getTreeItem(x).label} | ${view.getTreeItem(x).description}`);
}

const node = async (id: string, under?: CodebookNode): Promise<CodebookNode> => {
  const found = (await view.getChildren(under)).find((x) => x.tag.id === id);
  assert.ok(found, `a node ${id}`);
  return found;
};

test('no codebook: the view is empty (its welcome offers both ready codebooks); Create Codebook writes the 政府工作报告 one', async () => {
  assert.deepEqual(await view.getChildren(), []);
  await run('annals.createCodebook', 'gwr');
  assert.deepEqual(codebookOnDisk(), GOVERNMENT_WORK_CODEBOOK);
  view.refresh();
  assert.deepEqual((await labels()).slice(0, 3), ['经济发展 | economy · 0', '科技创新 | innovation · 0', '改革开放 | reform · 0']);
  assert.equal((await view.getChildren()).length, 11);
  // It never writes over a codebook that is there.
  await run('annals.createCodebook', 'law');
  assert.deepEqual(codebookOnDisk(), GOVERNMENT_WORK_CODEBOOK);
  assert.match(fake.infos.at(-1) ?? '', /has a codebook already/);
  // Leaves no temporary file behind (the write is a temporary sibling renamed over the file).
  assert.deepEqual(readdirSync(path.join(root, '.annals')), ['codebook.json']);
});

test('a codebook that cannot be read: the view says why, and Create Codebook does not write over it', async () => {
  await run('annals.createCodebook', 'gwr');
  const file = path.join(root, CODEBOOK_PATH);
  writeFileSync(file, '{ "tags": [ { "id": "x" ');
  // The codebook's watcher tells the service, which tells the view.
  fake.watchers.find((w) => w.pattern === `**/${CODEBOOK_PATH}`)!.change.fire(vscode.Uri.file(file));
  assert.deepEqual(await view.getChildren(), []);
  const tv = fake.treeViews.find((v) => v.viewId === 'annals.codebook')!;
  assert.match(tv.message ?? '', /^The codebook cannot be read: \.annals\/codebook\.json/);
  await run('annals.createCodebook', 'law');
  assert.equal(readFileSync(file, 'utf8'), '{ "tags": [ { "id": "x" ');
});

test('tagging with no codebook offers the 政府工作报告 codebook beside the default one', async () => {
  let buttons: string[] = [];
  fake.messageChoice = (_m, items) => {
    buttons = items;
    return items.find((i) => i === 'Create 政府工作报告 Codebook');
  };
  const cb = await s.annotations.codebookForTagging();
  assert.deepEqual(buttons, ['Create Default Codebook', 'Create 政府工作报告 Codebook']);
  assert.deepEqual(cb, GOVERNMENT_WORK_CODEBOOK);
  assert.deepEqual(codebookOnDisk(), GOVERNMENT_WORK_CODEBOOK);
});

test('Add Child Tag: label, colour and description asked; the tag goes under its parent in the file and in the view', async () => {
  await run('annals.createCodebook', 'gwr');
  fake.inputs.push('高标准农田', '耕地保护与农田建设');
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.color === '#2ca02c');
  const added = await run('annals.addChildTag', await node('rural'));
  assert.deepEqual(added, { id: 'tag', label: '高标准农田', color: '#2ca02c', description: '耕地保护与农田建设', parent: 'rural' });
  const cb = codebookOnDisk();
  assert.deepEqual(cb.tags.at(-1), added);
  assert.equal(cb.tags.length, 12);
  view.refresh();
  const rural = await node('rural');
  assert.equal(view.getTreeItem(rural).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
  assert.deepEqual(await labels(rural), ['高标准农田 | tag · 0']);
  // A second child gets the next free id; a top-level tag comes from Add Tag.
  fake.inputs.push('Grain Security', '');
  await run('annals.addTag');
  assert.deepEqual(codebookOnDisk().tags.at(-1), { id: 'grain-security', label: 'Grain Security', color: '#2ca02c', description: '' });
  // Cancelled at the colour: nothing is written.
  const before = readFileSync(path.join(root, CODEBOOK_PATH), 'utf8');
  fake.inputs.push('不会加上');
  fake.quickPickChoice = () => undefined;
  assert.equal(await run('annals.addTag'), undefined);
  assert.equal(readFileSync(path.join(root, CODEBOOK_PATH), 'utf8'), before);
});

test('Change Tag Colour and Edit Tag Description change the file; a typed colour is checked', async () => {
  await run('annals.createCodebook', 'gwr');
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.color === undefined && i.label === 'Other colour…');
  fake.inputs.push('#ABCDEF');
  await run('annals.recolorTag', await node('ecology'));
  assert.equal(codebookOnDisk().tags.find((t) => t.id === 'ecology')?.color, '#ABCDEF');
  // The input box refuses what is not a colour as it is typed.
  fake.inputs.push('green');
  await run('annals.recolorTag', await node('ecology'));
  assert.deepEqual(fake.validations.at(-1), 'Not a colour: use #rrggbb or #rgb.');
  assert.equal(codebookOnDisk().tags.find((t) => t.id === 'ecology')?.color, '#ABCDEF');
  fake.inputs.push('  污染防治、碳达峰碳中和  ');
  await run('annals.describeTag', await node('ecology'));
  assert.equal(codebookOnDisk().tags.find((t) => t.id === 'ecology')?.description, '污染防治、碳达峰碳中和');
});

test('Change Tag ID: the codebook and every annotation in every sidecar follow; no annotation loses the tag', async () => {
  await run('annals.createCodebook', 'law');
  const n18 = await reportOf(NANHAI, 2018);
  const g19 = await reportOf(NATIONAL, 2019);
  const body = (r: Report) => r.paragraphs.findIndex((p) => p.role === 'body');
  writeSidecar(NANHAI, [ann(n18, body(n18), ['figures', 'functions']), ann(n18, body(n18) + 1, ['rules'])]);
  writeSidecar(NATIONAL, [ann(g19, body(g19), ['figures'])]);
  // Taken and invalid ids are refused as they are typed.
  fake.inputs.push('rules');
  await run('annals.changeTagId', { type: 'tag', tag: { id: 'figures' } });
  assert.equal(fake.validations.at(-1), 'a tag with id “rules” already exists');
  assert.deepEqual(readSidecar(NANHAI)[0].tags, ['figures', 'functions']);
  fake.inputs.push('indicators');
  await run('annals.changeTagId', { type: 'tag', tag: { id: 'figures' } });
  assert.deepEqual(
    readSidecar(NANHAI).map((a) => a.tags),
    [['indicators', 'functions'], ['rules']],
  );
  assert.deepEqual(
    readSidecar(NATIONAL).map((a) => a.tags),
    [['indicators']],
  );
  const cb = codebookOnDisk();
  assert.ok(cb.tags.some((t) => t.id === 'indicators' && t.label === '数据指标'));
  assert.ok(!cb.tags.some((t) => t.id === 'figures'));
  assert.match(fake.infos.at(-1) ?? '', /“数据指标” is now “indicators”; 2 annotations changed with it/);
  view.refresh();
  assert.equal(view.getTreeItem(await node('indicators')).description, 'indicators · 2');
});

test('Change Tag ID is refused while a sidecar that uses the tag cannot be written; nothing changes', async () => {
  await run('annals.createCodebook', 'law');
  const n18 = await reportOf(NANHAI, 2018);
  writeSidecar(NANHAI, [
    ann(
      n18,
      n18.paragraphs.findIndex((p) => p.role === 'body'),
      ['figures'],
    ),
  ]);
  const sidecar = path.join(root, NANHAI + SIDECAR_SUFFIX);
  // A newer version than this Annals writes: the store opens read-only.
  writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('"version": 1', '"version": 99'));
  const before = readFileSync(sidecar, 'utf8');
  fake.inputs.push('indicators');
  await run('annals.changeTagId', { type: 'tag', tag: { id: 'figures' } });
  assert.equal(readFileSync(sidecar, 'utf8'), before);
  assert.ok(
    codebookOnDisk().tags.some((t) => t.id === 'figures'),
    'the codebook keeps the id',
  );
  assert.ok(fake.errors.length > 0, 'the user is told why');
});

test('drag and drop: a tag dropped on another becomes its child (with its own children); on empty space, a top-level tag', async () => {
  await run('annals.createCodebook', 'gwr');
  const data = new vscode.DataTransfer();
  view.handleDrag([await node('regional')], data);
  await view.handleDrop(await node('economy'), data);
  assert.deepEqual(shape(codebookOnDisk()).slice(0, 3), ['economy', 'regional<economy', 'innovation']);
  view.refresh();
  assert.deepEqual(await labels(await node('economy')), ['区域协调 | regional · 0']);
  // economy with its child under rural.
  const d2 = new vscode.DataTransfer();
  view.handleDrag([await node('economy')], d2);
  await view.handleDrop(await node('rural'), d2);
  assert.deepEqual(shape(codebookOnDisk()).slice(0, 5), ['innovation', 'reform', 'rural', 'economy<rural', 'regional<economy']);
  // Onto its own descendant: refused, with the reason; the file is unchanged.
  view.refresh();
  const before = readFileSync(path.join(root, CODEBOOK_PATH), 'utf8');
  const economy = await node('economy', await node('rural'));
  const regional = await node('regional', economy);
  const d3 = new vscode.DataTransfer();
  view.handleDrag([economy], d3);
  await view.handleDrop(regional, d3);
  assert.equal(readFileSync(path.join(root, CODEBOOK_PATH), 'utf8'), before);
  assert.match(fake.errors.at(-1) ?? '', /cannot go under “regional”/);
  // To the top level, at the end.
  const d4 = new vscode.DataTransfer();
  view.handleDrag([economy], d4);
  await view.handleDrop(undefined, d4);
  assert.deepEqual(shape(codebookOnDisk()).slice(-2), ['economy', 'regional<economy']);
  // Move Tag… does the same from the keyboard.
  fake.quickPickChoice = (items: any[]) => items.find((i) => i.parent === 'welfare');
  await run('annals.moveTag', { type: 'tag', tag: { id: 'economy' } });
  const after = shape(codebookOnDisk());
  assert.deepEqual(after.slice(after.indexOf('welfare'), after.indexOf('welfare') + 3), ['welfare', 'economy<welfare', 'regional<economy']);
  // A tag dragged together with its own parent stays under it.
  view.refresh();
  const d5 = new vscode.DataTransfer();
  const eco = await node('economy', await node('welfare'));
  view.handleDrag([eco, await node('regional', eco)], d5);
  await view.handleDrop(await node('targets'), d5);
  const moved = shape(codebookOnDisk());
  assert.deepEqual(moved.slice(moved.indexOf('targets'), moved.indexOf('targets') + 3), ['targets', 'economy<targets', 'regional<economy']);
  assert.ok(!existsSync(path.join(root, '.annals', 'codebook.json.tmp')));
});

test('the view counts annotations per tag across the sources; unknown parents show at the top level', async () => {
  const cb: Codebook = { ...DEFAULT_CODEBOOK, tags: [...DEFAULT_CODEBOOK.tags] };
  await s.annotations.createCodebook(cb);
  const n18 = await reportOf(NANHAI, 2018);
  const b = n18.paragraphs.findIndex((p) => p.role === 'body');
  writeSidecar(NANHAI, [ann(n18, b, ['figures']), ann(n18, b + 1, ['figures', 'rules'])]);
  view.refresh();
  const items = await labels();
  assert.ok(items.includes('数据指标 | figures · 2'), items.join('\n'));
  assert.ok(items.includes('完善依法行政制度体系 | rules · 1'));
  assert.equal(view.getTreeItem(await node('figures')).contextValue, 'annals.codebookTag');
});
