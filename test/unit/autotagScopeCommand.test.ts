/**
 * Auto-tag's scope in the editor: series, years, part and chapters, chosen after the pattern, on
 * the in-process stand-in for `vscode` over a temporary copy of samples/ (two series).
 */
import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { COMMANDS, type Services } from '../../src/extension/commands/index.ts';
import { chapterParts } from '../../src/core/annotate/index.ts';
import type { Annotation } from '../../src/core/index.ts';
import { testWorkspace, type TestWorkspace } from './workspace.ts';

let s: Services;
let ws: TestWorkspace;
const NANHAI = 'nanhai/nanhai-feed-flattened.txt';
const G2019 = 'national/gwr-national-2019.txt';

beforeEach(async () => {
  ws = testWorkspace('scope');
  s = ws.services;
  fake.settings['annals.author'] = 'tester';
  await COMMANDS['annals.createCodebook'](s)('gwr');
});

afterEach(() => ws.dispose());

const sidecar = (file: string): Annotation[] => {
  const p = path.join(ws.root, `${file}.annals.json`);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')).annotations : [];
};

/** Runs Auto-tag for 改革 with the tag `reform`, answering the scope steps with `answers` (by step title). */
async function autoTag(answers: (placeHolder: string, items: any[]) => unknown): Promise<string[]> {
  const asked: string[] = [];
  fake.inputBox = () => '改革';
  fake.quickPickChoice = (items: any[], options: any) => {
    asked.push(options?.placeHolder ?? '');
    if (items.some((i) => i.mode)) return items.find((i) => i.mode === 'text');
    if (items.some((i) => i.tag)) return items.find((i) => i.tag?.id === 'reform');
    if (options?.canPickMany && items.some((i) => i.found)) return items.filter((i) => i.picked);
    return answers(options?.placeHolder ?? '', items);
  };
  await COMMANDS['annals.autoTag'](s)();
  return asked;
}

/** The scope steps answered for the national series' plan part, every year, every chapter. */
const nationalPlan = (step: string, items: any[]): unknown => {
  if (step === 'Only the reports of one year?') return items.find((i) => i.scope);
  if (step === 'Only the reports of one series?') return items.find((i) => /国务院/.test(i.label));
  if (step === 'Which years?') return items.filter((i) => i.picked);
  if (step === 'Which part of the reports?') return items.find((i) => i.part === 'plan');
  if (step.startsWith('Only some chapters?')) return [];
  return undefined;
};

test('scope: one series, its plan part: only the national plan chapters are tagged, the other series is untouched', async () => {
  const asked = await autoTag(nationalPlan);
  assert.deepEqual(asked.slice(1, 6), [
    'Only the reports of one year?',
    'Only the reports of one series?',
    'Which years?',
    'Which part of the reports?',
    'Only some chapters? (none checked: every chapter)',
  ]);
  assert.deepEqual(sidecar(NANHAI), [], 'the other series is not touched');
  const tagged = sidecar(G2019);
  assert.ok(tagged.length > 0);
  const report = (await s.reports.load(vscode.Uri.file(path.join(ws.root, G2019)))).reports[0];
  const parts = chapterParts(report);
  for (const a of tagged) {
    const p = report.paragraphs.find((x) => x.id === a.target.paragraph)!;
    assert.equal(parts.find(({ node }) => p.line >= node.line && p.line <= node.endLine)?.part, 'plan', p.text.slice(0, 30));
  }
});

test('scope: chapters chosen by title, across the years that have them', async () => {
  let offered: string[] = [];
  await autoTag((step, items) => {
    if (step === 'Only the reports of one year?') return items.find((i) => i.scope);
    if (step === 'Only the reports of one series?') return items.find((i) => /南海/.test(i.label));
    if (step === 'Which years?') return items.filter((i) => i.picked);
    if (step === 'Which part of the reports?') return items[0];
    if (step.startsWith('Only some chapters?')) {
      offered = items.map((i) => `${i.label} | ${i.description}`);
      return items.filter((i) => i.description === 'in 3 reports').slice(0, 1);
    }
    return undefined;
  });
  assert.ok(
    offered.some((o) => o.endsWith('| in 3 reports')),
    offered.join('\n'),
  );
  const title = offered.find((o) => o.endsWith('| in 3 reports'))!.split(' | ')[0];
  const tagged = sidecar(NANHAI);
  assert.ok(tagged.length > 0, 'the chapter names 改革');
  const reports = (await s.reports.load(vscode.Uri.file(path.join(ws.root, NANHAI)))).reports;
  for (const a of tagged) {
    const r = reports.find((x) => x.id === a.report)!;
    const p = r.paragraphs.find((x) => x.id === a.target.paragraph)!;
    const c = chapterParts(r).find(({ node }) => p.line >= node.line && p.line <= node.endLine);
    assert.equal(c?.node.title.replace(/\s+/g, ''), title);
  }
  assert.deepEqual(sidecar(G2019), []);
});

test('scope: cancelling a step tags nothing', async () => {
  await autoTag((step, items) => (step === 'Only the reports of one year?' ? items.find((i) => i.scope) : undefined));
  assert.deepEqual(sidecar(NANHAI), []);
  assert.deepEqual(sidecar(G2019), []);
});

test('scope: the paragraphs of the current search results only (the pattern matches more paragraphs than the search found)', async () => {
  // Search for 放管服 first: five hits in the Nanhai feed, three in the national reports.
  fake.inputBox = () => '放管服';
  let step = 0;
  fake.quickPickChoice = (items: any[]) => (++step === 1 ? items.find((i) => i.regex === false) : items[0]);
  await COMMANDS['annals.searchReports'](s)();
  const hits = s.search.current!.result.hits;
  const searched = new Set(hits.map((h) => `${h.reportId} ${h.paragraph}`));
  assert.ok(searched.size > 0);
  // Auto-tag 改革 within them: only paragraphs that hold both.
  let offered: any[] = [];
  const asked = await autoTag((placeHolder, items) => {
    if (placeHolder === 'Only the reports of one year?') {
      offered = items;
      return items.find((i) => i.search);
    }
    return undefined;
  });
  assert.equal(asked[1], 'Only the reports of one year?');
  assert.match(offered.find((i) => i.search).description, /“放管服”: \d+ hits/);
  const tagged = [...sidecar(NANHAI), ...sidecar(G2019)];
  assert.ok(tagged.length > 0, 'some searched paragraphs also say 改革');
  for (const a of tagged) assert.ok(searched.has(`${a.report} ${a.target.paragraph}`), `${a.target.paragraph} is a searched paragraph`);
  // Without the scope, 改革 tags more paragraphs than the search found.
  const all = (await s.corpus.fullAll(await s.corpus.allReports())).flatMap((l) =>
    l.report.paragraphs.filter((p) => p.text.includes('改革')).map((p) => `${l.report.id} ${p.id}`),
  );
  assert.ok(all.length > tagged.length);
});

test('scope: the search results of one file only, though another file’s report has the same id and the same paragraph', async () => {
  // Two counties' reports titled 2024年政府工作报告 share their report id, and a paragraph of the same words shares its id.
  ws.dispose();
  const SAME = '深化放管服改革，持续优化营商环境，让市场主体办事更便捷。';
  const county = (name: string) =>
    `2024年政府工作报告\n\n——2024年1月10日在${name}第十八届人民代表大会第三次会议上\n\n各位代表：\n\n一、2023年工作回顾\n\n${name}全年地区生产总值增长百分之五，经济运行总体平稳，发展质量稳步提升。\n\n${SAME}\n\n二、2024年工作安排\n\n${name}今年经济社会发展的主要预期目标是地区生产总值增长百分之五左右。\n`;
  ws = testWorkspace('scope-ids', (root) => {
    mkdirSync(path.join(root, 'jia'), { recursive: true });
    mkdirSync(path.join(root, 'yi'), { recursive: true });
    writeFileSync(path.join(root, 'jia/2024.txt'), county('甲县'));
    writeFileSync(path.join(root, 'yi/2024.txt'), county('乙县'));
  });
  s = ws.services;
  fake.settings['annals.author'] = 'tester';
  await COMMANDS['annals.createCodebook'](s)('gwr');
  const reports = (await s.corpus.allReports()).filter((l) => /\/(jia|yi)\//.test(l.source.path));
  assert.equal(reports.length, 2);
  assert.equal(reports[0].report.id, reports[1].report.id, 'the two reports share their id');
  // Search 放管服 in 甲县's series only.
  fake.inputBox = () => '放管服';
  let step = 0;
  fake.quickPickChoice = (items: any[]) => (++step === 1 ? items.find((i) => i.regex === false) : items.find((i) => /甲县/.test(i.label)));
  await COMMANDS['annals.searchReports'](s)();
  assert.deepEqual(
    s.search.current!.result.hits.map((h) => h.source.includes('/jia/')),
    [true],
  );
  // Auto-tag 改革 (in that paragraph only) within the search results.
  await autoTag((placeHolder, items) => (placeHolder === 'Only the reports of one year?' ? items.find((i) => i.search) : undefined));
  assert.equal(sidecar('jia/2024.txt').length, 1, '甲县’s paragraph is tagged');
  assert.deepEqual(sidecar('yi/2024.txt'), [], '乙县’s paragraph of the same words was not in the search results');
});

test('scope: one series: only its reports are read in full (their heads tell which), with the count in the progress', async () => {
  const read: string[] = [];
  const full = s.corpus.full.bind(s.corpus);
  s.corpus.full = (l) => {
    read.push(path.relative(ws.root, l.source.fsPath));
    return full(l);
  };
  await autoTag(nationalPlan);
  const { series } = await s.corpus.grouping();
  const national = series.find((g) => /国务院/.test(g.label))!;
  assert.ok(read.length > 0);
  assert.ok(
    read.every((f) => f.startsWith('national')),
    read.join(', '),
  );
  assert.ok(fake.progress.some((o) => (o as { title?: string }).title === `Reading ${national.reports.length} reports…`));
});

test('search: cancelled while it reads the reports, it shows no results', async () => {
  fake.inputBox = () => '改革';
  fake.quickPickChoice = (items: any[]) => (items.some((i) => i.regex !== undefined) ? items.find((i) => i.regex === false) : items[0]);
  fake.cancelProgress = true;
  await COMMANDS['annals.searchReports'](s)();
  assert.equal(s.search.current ?? null, null);
  assert.match((fake.progress.at(-1) as { title: string }).title, /^Searching \d+ reports…$/);
  // Not cancelled: the results.
  fake.cancelProgress = false;
  await COMMANDS['annals.searchReports'](s)();
  assert.ok(s.search.current!.result.total > 0);
});
