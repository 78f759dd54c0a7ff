/**
 * Search Reports…, the Search view and tagging from its results, on the in-process stand-in for
 * `vscode` over a temporary copy of samples/ (national 2018 and 2019, the Nanhai feed).
 */
import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fake } from './fake/vscode.ts';
import { COMMANDS, type Services } from '../../src/extension/commands/index.ts';
import { CODEBOOK_PATH, DEFAULT_CODEBOOK, serializeCodebook, SIDECAR_SUFFIX, type Annotation } from '../../src/core/index.ts';
import { hitBar, type SearchNode } from '../../src/extension/searchView.ts';
import { testWorkspace, type TestWorkspace } from './workspace.ts';

let root: string;
let s: Services;
let ws: TestWorkspace;

beforeEach(() => {
  ws = testWorkspace('srch');
  root = ws.root;
  fake.settings['annals.author'] = 'tester';
  s = ws.services;
});
afterEach(() => ws.dispose());

const run = (id: string, ...args: unknown[]) => COMMANDS[id](s)(...args);

/** Answers the search's questions: the mode, then the scope (the first: the whole workspace). */
async function search(text: string, regex = false, scope = (items: any[]) => items[0]) {
  const picks: any[][] = [];
  fake.inputBox = () => text;
  fake.quickPickChoice = (items: any[]) => {
    picks.push(items);
    return picks.length === 1 ? items.find((i) => i.regex === regex) : scope(items);
  };
  await run('annals.searchReports');
  return picks;
}

const children = (node?: SearchNode) => s.search.getChildren(node);
const item = (node: SearchNode) => s.search.getTreeItem(node) as any;

test('hitBar: eighths of ten cells, at least a sliver for one hit', () => {
  assert.equal(hitBar(0, 5), '');
  assert.equal(hitBar(5, 5), '██████████');
  assert.equal(hitBar(1, 80), '▏');
  assert.equal(hitBar(3, 8), '███▊');
});

test('Search Reports…: the workspace, grouped series → year → chapter, a bar per year, the hit highlighted', async () => {
  const picks = await search('放管服');
  assert.deepEqual(fake.errors, []);
  // The scopes offered: the workspace, each series, or chosen reports.
  assert.deepEqual(
    picks[1].map((i) => i.label),
    ['The whole workspace', '佛山市南海区人民政府 · 法治政府建设工作报告', '国务院 · 政府工作报告', 'Choose reports…'],
  );
  const r = s.search.current!.result;
  // 放管服: five times in the Nanhai feed, three in the national reports (grep of the sample files agrees).
  assert.deepEqual(
    r.byYear.filter((b) => b.hits).map((b) => [b.series, b.year, b.hits]),
    [
      ['佛山市南海区人民政府 · 法治政府建设工作报告', 2017, 3],
      ['佛山市南海区人民政府 · 法治政府建设工作报告', 2018, 2],
      ['国务院 · 政府工作报告', 2018, 2],
      ['国务院 · 政府工作报告', 2019, 1],
    ],
  );
  const view = fake.treeViews.find((v) => v.viewId === 'annals.search')!;
  assert.equal(view.description, '“放管服” · 8 hits in The whole workspace');
  assert.equal(fake.context['annals.searchHasResults'], true);
  assert.deepEqual(
    children().map((x) => [item(x).label, item(x).description]),
    [
      ['佛山市南海区人民政府 · 法治政府建设工作报告', '5 hits'],
      ['国务院 · 政府工作报告', '3 hits'],
    ],
  );
  const series = children()[1];
  assert.equal(item(series).label, '国务院 · 政府工作报告');
  const years = children(series);
  assert.deepEqual(
    years.map((y) => [item(y).label, item(y).description, item(y).accessibilityInformation.label]),
    [
      ['2018', '2  ██████▋', '2018: 2 hits'],
      ['2019', '1  ███▍', '2019: 1 hits'],
    ],
  );
  const chapters = children(years[0]);
  assert.deepEqual(
    chapters.map((c) => item(c).label),
    ['一、过去五年工作回顾', '三、对2018年政府工作的建议'],
  );
  const [hit] = children(chapters[0]);
  const it = item(hit);
  const [a, b] = it.label.highlights[0];
  assert.equal(it.label.label.slice(a, b), '放管服');
  // The hit comes early in the row (at most ten characters and … before it); the tooltip has the whole context.
  assert.ok(a <= 11, it.label.label);
  assert.ok(it.tooltip.endsWith((hit as any).hit.context));
  assert.ok(it.tooltip.startsWith('一、过去五年工作回顾'));
  assert.equal(it.contextValue, 'annals.searchHit');
  assert.deepEqual(it.command.arguments, [hit]);

  // Open: the report, with the hit selected.
  await run('annals.openSearchResult', hit);
  assert.match(fake.shown.at(-1)!.uri, /gwr-national-2018/);
  const selected = fake.revealed.at(-1)!;
  assert.equal(selected.start.line, (hit as any).hit.line);
  assert.equal(selected.end.line, selected.start.line);
  assert.equal(selected.end.character - selected.start.character, 3, 'the three characters of 放管服 selected');
  // Tag this paragraph: Tag Paragraph… on the hit's paragraph.
  await run('annals.tagSearchResult', hit);
  const tagCall = fake.executed.find((e) => e.command === 'annals.tagParagraph')!;
  assert.deepEqual(tagCall.args, [
    { webviewSection: 'paragraph', report: (hit as any).hit.reportId, paragraph: (hit as any).hit.paragraph, source: (hit as any).hit.source },
  ]);
});

test('Tag All Search Results…: the auto-tag preview of the results’ paragraphs, then one annotation each', async () => {
  mkdirSync(path.join(root, '.annals'), { recursive: true });
  writeFileSync(path.join(root, CODEBOOK_PATH), serializeCodebook(DEFAULT_CODEBOOK));
  await search('放管服', false, (items) => items.find((i) => i.label === '国务院 · 政府工作报告'));
  const tag = DEFAULT_CODEBOOK.tags[0];
  const picks: { items: any[]; options: any }[] = [];
  fake.quickPickChoice = (items: any[], options: any) => {
    picks.push({ items, options });
    return picks.length === 1 ? items.find((i) => i.tag?.id === tag.id) : items.filter((i) => i.picked);
  };
  await run('annals.tagAllSearchResults');
  assert.deepEqual(fake.errors, []);
  const preview = picks[1];
  assert.equal(preview.options.canPickMany, true);
  assert.equal(preview.items.length, 3, 'three paragraphs, one a hit');
  assert.match(preview.options.placeHolder, /^3 paragraphs match “放管服” \(0 already have the tag\)/);
  const saved = (file: string): Annotation[] => JSON.parse(readFileSync(path.join(root, file + SIDECAR_SUFFIX), 'utf8')).annotations;
  assert.equal(saved('national/gwr-national-2018.txt').length, 2);
  assert.equal(saved('national/gwr-national-2019.txt').length, 1);
  for (const a of [...saved('national/gwr-national-2018.txt'), ...saved('national/gwr-national-2019.txt')]) {
    assert.deepEqual(a.tags, [tag.id]);
    assert.ok(a.target.quote.exact.includes('放管服'), a.target.quote.exact);
  }
  assert.deepEqual(fake.infos.at(-1), `Tagged 3 paragraphs with “${tag.label}”.`);
  // Again: all three already have it, none is picked, nothing more is written.
  picks.length = 0;
  await run('annals.tagAllSearchResults');
  assert.equal(picks[1].items.filter((i) => i.picked).length, 0);
  assert.equal(saved('national/gwr-national-2018.txt').length, 2);
});

test('Search Reports…: a regular expression (RE2), one series; a bad pattern is refused as it is typed', async () => {
  await search('放管服|简政放权', true, (items) => items.find((i) => i.label === '国务院 · 政府工作报告'));
  const r = s.search.current!.result;
  assert.ok(r.total >= 3);
  assert.deepEqual([...new Set(r.byYear.map((b) => b.series))], ['国务院 · 政府工作报告']);
  fake.validations = [];
  await search('(放管服', true);
  assert.match(fake.validations[0] ?? '', /The regular expression “\(放管服” is not valid: missing closing \)/);
});

test('Tag All Search Results… with nothing searched says so', async () => {
  await run('annals.tagAllSearchResults');
  assert.deepEqual(fake.infos, ['Search the reports first: there are no results to tag.']);
});
