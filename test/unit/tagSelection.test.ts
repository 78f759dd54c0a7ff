/**
 * Tagging a selection shorter than its paragraph (the picker says so, offers the whole paragraph
 * instead and remembers the choice), and the inline tag label clipped to a width.
 */
import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake, FakeDocument, Selection } from './fake/vscode.ts';
import { clipLabel } from '../../src/extension/annotationDecorations.ts';
import { COMMANDS, type Services } from '../../src/extension/commands/index.ts';
import { reportUri } from '../../src/extension/reportUri.ts';
import { testWorkspace, type TestWorkspace } from './workspace.ts';
import type { Report } from '../../src/core/index.ts';

let s: Services;
let ws: TestWorkspace;
const FEED = 'nanhai/nanhai-feed-flattened.txt';

beforeEach(() => {
  ws = testWorkspace('sel');
  s = ws.services;
  fake.settings['annals.author'] = 'tester';
  fake.messageChoice = (_m, items) => items.find((i) => i === 'Create Default Codebook');
});

afterEach(() => ws.dispose());

/** The 2017 report in a fake editor with characters [from, to) of a paragraph selected. */
async function select(paragraph: number, from: number, to: number): Promise<{ report: Report; source: vscode.Uri }> {
  const source = vscode.Uri.file(path.join(ws.root, FEED));
  const report = (await s.reports.load(source)).reports.find((r) => r.year === 2017)!;
  const uri = reportUri(source, report.id, report.title, report.year);
  const doc = new FakeDocument(uri, await s.documents.provideTextDocumentContent(uri));
  doc.languageId = 'annals-report';
  const p = report.paragraphs[paragraph];
  fake.activeTextEditor = {
    document: doc,
    selection: new Selection(doc.positionAt(p.start + from), doc.positionAt(p.start + to)),
    visibleRanges: [new vscode.Range(0, 0, 60, 0)],
    setDecorations() {},
    revealRange() {},
  } as never;
  return { report, source };
}

const annotations = (source: vscode.Uri) => JSON.parse(readFileSync(`${source.fsPath}.annals.json`, 'utf8')).annotations;

/** Picks the tag 数据指标, and the whole-paragraph option when `whole`; records what the picker showed. */
function pick(whole: boolean, seen: { title?: string; option?: { label: string; picked?: boolean } }) {
  fake.quickPickChoice = (items: any[], options: any) => {
    seen.title = options?.title;
    seen.option = items.find((i) => i.option);
    return items.filter((i) => i.label === '数据指标' || (whole && i.option));
  };
  fake.inputs.push('');
}

test('a selection shorter than its paragraph: the title says so; the quote is the selection unless the whole paragraph is chosen, and the choice is remembered', async () => {
  const { report, source } = await select(10, 3, 12);
  const p = report.paragraphs[10];
  const seen: { title?: string; option?: { label: string; picked?: boolean } } = {};
  pick(false, seen);
  await COMMANDS['annals.tagParagraph'](s)();
  assert.equal(seen.title, `Tag selection: 9 of the paragraph’s ${Array.from(p.text).length} characters`);
  assert.equal(seen.option?.label, 'Tag the whole paragraph instead');
  assert.equal(seen.option?.picked, false, 'not chosen before');
  let saved = annotations(source);
  assert.equal(saved.length, 1);
  assert.equal(saved[0].target.quote.exact, p.text.slice(3, 12));
  assert.deepEqual(saved[0].tags, ['figures']);

  // This time the whole paragraph instead: a whole-paragraph annotation, and the choice kept.
  await select(12, 2, 6);
  pick(true, seen);
  await COMMANDS['annals.tagParagraph'](s)();
  saved = annotations(source);
  const whole = saved.find((a: { target: { paragraph: string } }) => a.target.paragraph === report.paragraphs[12].id);
  assert.equal(whole.target.quote.exact, report.paragraphs[12].text);
  assert.deepEqual(whole.tags, ['figures'], 'the option is not a tag');

  // The next selection offers the whole paragraph checked.
  await select(14, 1, 4);
  pick(true, seen);
  await COMMANDS['annals.tagParagraph'](s)();
  assert.equal(seen.option?.picked, true);
  // A cursor (no selection) tags the paragraph: no option, the usual title.
  await select(16, 0, 0);
  pick(false, seen);
  await COMMANDS['annals.tagParagraph'](s)();
  assert.equal(seen.title, 'Tag paragraph');
  assert.equal(seen.option, undefined);
});

test('whole paragraph instead, on a paragraph that has a whole-paragraph annotation: it gets the tags, not a second annotation', async () => {
  const { source } = await select(10, 0, 0);
  pick(false, {});
  await COMMANDS['annals.tagParagraph'](s)();
  await select(10, 2, 5);
  fake.quickPickChoice = (items: any[]) => items.filter((i) => i.label === '问题不足' || i.option);
  fake.inputs.push('');
  await COMMANDS['annals.tagParagraph'](s)();
  const saved = annotations(source);
  assert.equal(saved.length, 1);
  assert.deepEqual(saved[0].tags, ['figures', 'shortcomings']);
});

test('clipLabel: at most the columns given (a Chinese character is two), “…⟩” where cut', () => {
  assert.equal(clipLabel('⟨数据指标⟩', 40), '⟨数据指标⟩');
  assert.equal(clipLabel('⟨数据指标 · 问题不足 · 创新举措 · 计划承诺⟩', 20), '⟨数据指标 · 问题不…⟩');
  assert.equal(clipLabel('⟨abcdefghij⟩', 8), '⟨abcde…⟩');
  assert.equal(clipLabel('⟨abcdef⟩', 8), '⟨abcdef⟩');
  for (const text of ['⟨依法全面履行政府职能 · 完善依法行政制度体系 · 推进行政决策科学化民主化法治化⟩', '⟨' + 'x'.repeat(100) + '⟩']) {
    const clipped = clipLabel(text);
    const columns = Array.from(clipped).reduce((n, c) => n + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0);
    assert.ok(columns <= 40, `${clipped}: ${columns} columns`);
    assert.ok(clipped.endsWith('…⟩'));
  }
});
