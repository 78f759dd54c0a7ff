/**
 * Report ids are unique within a file, not in a workspace: two counties' reports titled
 * 政府工作报告 for the same year share one. A view that names reports by id alone (the Compare
 * webview: its cells, columns and chips) resolves them in the series it shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake, type FakeWebviewPanel } from './fake/vscode.ts';
import { COMMANDS } from '../../src/extension/commands/index.ts';
import { parseReportUri } from '../../src/extension/reportUri.ts';
import { until } from './wait.ts';
import { testWorkspace } from './workspace.ts';
import { CODEBOOK_PATH, DEFAULT_CODEBOOK, SIDECAR_SUFFIX, serializeCodebook, type ToWebview } from '../../src/core/index.ts';

const COUNTIES = ['平江县', '浏阳县'];
const text = (county: string, y: number) =>
  [
    '政府工作报告',
    `——${y}年1月15日在${county}第十八届人民代表大会第三次会议上`,
    '各位代表：',
    '现在，我代表县人民政府，向大会报告工作，请予审议。',
    `一、${y - 1}年工作回顾`,
    `过去一年，${county}地区生产总值增长${y - 2018}%，城乡居民收入稳步提高，各项社会事业全面进步。`,
    `二、${y}年工作安排`,
    `今年${county}重点抓好产业发展、乡村振兴和民生保障工作，确保经济社会持续健康发展。`,
  ].join('\n\n');

test('two counties’ reports with one id: Compare, its reveal and the lookup by id stay in the series shown', async () => {
  const ws = testWorkspace('ids', (root) => {
    for (const county of COUNTIES) {
      mkdirSync(path.join(root, county));
      for (const y of [2023, 2024]) writeFileSync(path.join(root, county, `${y}.txt`), text(county, y));
    }
  });
  try {
    const s = ws.services;
    const all = await s.corpus.allReports();
    const mine = (county: string, y: number) => all.find((l) => l.source.fsPath.includes(county) && l.report.year === y)!;
    const [a24, b24, b23] = [mine('平江县', 2024), mine('浏阳县', 2024), mine('浏阳县', 2023)];
    assert.equal(a24.report.id, b24.report.id, 'the premise: one id for both counties’ 2024 reports');
    assert.notEqual(a24.report.issuer, b24.report.issuer);
    const aligned = await s.alignment.get();
    assert.equal(aligned.findById(b23.report.id, b24.report)?.source.fsPath, b23.source.fsPath);
    assert.equal(aligned.findById(a24.report.id, a24.report)?.source.fsPath, a24.source.fsPath);
    assert.equal(aligned.findById(b24.report.id, b24.report)?.source.fsPath, b24.source.fsPath);
    // Compare of 浏阳县's 2024 chapter 一: a click on its 2023 cell opens 浏阳县's 2023 report, not 平江县's.
    const chapter = b24.report.outline.find((n) => n.kind === 'chapter')!;
    await COMMANDS['annals.compareChapter'](s)({ source: b24.source.toString(), id: b24.report.id, line: chapter.line });
    const panel = fake.panels.at(-1) as FakeWebviewPanel;
    panel.receive({ type: 'ready', state: null });
    await until(() => panel.posted.some((p) => (p as ToWebview).type === 'render'), 'the render');
    const render = panel.posted.filter((p) => (p as ToWebview).type === 'render').at(-1) as Extract<ToWebview, { type: 'render' }>;
    assert.ok(render.html.includes('浏阳县'));
    assert.ok(!render.html.includes('平江县'));
    for (const [id, y] of [
      [b23.report.id, 2023],
      [b24.report.id, 2024],
    ] as const) {
      const before = fake.shown.length;
      panel.receive({ type: 'reveal', reportId: id, line: 4 });
      await until(() => fake.shown.length > before, 'the report to open');
      const ref = parseReportUri(vscode.Uri.parse(fake.shown.at(-1)!.uri))!;
      assert.ok(ref.source.fsPath.includes('浏阳县'), `${y}: ${ref.source.fsPath}`);
    }
    assert.equal(s.compare.shownReport(aligned), b24.report);
  } finally {
    ws.dispose();
  }
});

test('Tag All Search Results and Tag Paragraph from a result: each county’s hits tag its own report', async () => {
  const ws = testWorkspace('ids2', (root) => {
    for (const county of COUNTIES) {
      mkdirSync(path.join(root, county));
      for (const y of [2023, 2024]) writeFileSync(path.join(root, county, `${y}.txt`), text(county, y));
    }
    mkdirSync(path.join(root, '.annals'), { recursive: true });
    writeFileSync(path.join(root, CODEBOOK_PATH), serializeCodebook(DEFAULT_CODEBOOK));
  });
  try {
    const s = ws.services;
    fake.settings['annals.author'] = 'tester';
    fake.inputBox = () => '乡村振兴';
    let picks = 0;
    // The mode (plain text), then the scope: the whole workspace.
    fake.quickPickChoice = (items: any[]) => (++picks === 1 ? items.find((i) => i.regex === false) : items[0]);
    await COMMANDS['annals.searchReports'](s)();
    assert.equal(s.search.current?.result.total, 4, 'one hit in each of the four reports');
    const tag = DEFAULT_CODEBOOK.tags[0];
    picks = 0;
    fake.quickPickChoice = (items: any[]) => (++picks === 1 ? items.find((i) => i.tag?.id === tag.id) : items.filter((i) => i.picked));
    await COMMANDS['annals.tagAllSearchResults'](s)();
    assert.deepEqual(fake.errors, []);
    for (const county of COUNTIES) {
      for (const y of [2023, 2024]) {
        const file = path.join(ws.root, county, `${y}.txt${SIDECAR_SUFFIX}`);
        const anns = JSON.parse(readFileSync(file, 'utf8')).annotations as { tags: string[]; target: { quote: { exact: string } } }[];
        assert.equal(anns.length, 1, `${county} ${y}`);
        assert.ok(anns[0].target.quote.exact.includes(county), `${county} ${y}: ${anns[0].target.quote.exact}`);
      }
    }
  } finally {
    ws.dispose();
  }
});
