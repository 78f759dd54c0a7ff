/**
 * The Trends webview's host side, on the in-process stand-in for `vscode` over a temporary copy of
 * samples/: the CSP shell, the charts it posts (tag counts, terms, a figure, rising and falling
 * words), the messages it takes from the untrusted webview, and the files it saves.
 */
import { test, afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake, FakeDocument, type FakeWebviewPanel } from './fake/vscode.ts';
import { reportUri } from '../../src/extension/reportUri.ts';
import { COMMANDS, type Services } from '../../src/extension/commands/index.ts';
import { makeTarget, parseTrendsMessage, serializeSidecar, SIDECAR_SUFFIX, type Annotation, type TrendsToWebview } from '../../src/core/index.ts';
import { testWorkspace, type TestWorkspace } from './workspace.ts';
import { until } from './wait.ts';
import { ROOT } from './helpers.ts';

const NANHAI = 'nanhai/nanhai-feed-flattened.txt';
const T = '2026-01-02T03:04:05.000Z';
let s: Services;
let ws: TestWorkspace;

beforeEach(() => {
  ws = testWorkspace('trends');
  s = ws.services;
});

afterEach(() => ws.dispose());

type Render = Extract<TrendsToWebview, { type: 'render' }>;
const renders = (panel: FakeWebviewPanel) => panel.posted.filter((m): m is Render => (m as Render).type === 'render');

async function nanhaiKey(): Promise<string> {
  const { series } = await s.corpus.grouping();
  const g = series.find((x) => x.label.includes('南海'));
  assert.ok(g);
  return g.key;
}

/** Opens Trends for the Nanhai series and waits for its first render. */
async function open(): Promise<{ panel: FakeWebviewPanel; render: Render }> {
  await COMMANDS['annals.createCodebook'](s)('law');
  const { series } = await s.corpus.grouping();
  await COMMANDS['annals.showTrends'](s)({ type: 'series', ...series.find((x) => x.label.includes('南海')) });
  const panel = fake.panels.find((p) => p.viewType === 'annals.trends');
  assert.ok(panel);
  panel.receive({ type: 'ready', state: null });
  await until(() => renders(panel).length > 0, 'the first render');
  return { panel, render: renders(panel).at(-1)! };
}

test('the shell: CSP default-src none, one script by nonce from media/, styles only from media/, data: images for the PNG export', async () => {
  const { panel } = await open();
  const html = panel.webview.html;
  assert.match(html, /default-src 'none'/);
  assert.match(html, /style-src https:\/\/fake\.vscode-cdn\.net;/);
  assert.match(html, /img-src https:\/\/fake\.vscode-cdn\.net data:/);
  const nonce = /script-src 'nonce-([A-Za-z0-9]{32})'/.exec(html)?.[1];
  assert.ok(nonce);
  assert.match(html, new RegExp(`<script nonce="${nonce}" src="https://fake.vscode-cdn.net[^"]*/media/trends.js"></script>`));
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
  assert.deepEqual(
    panel.webview.options.localResourceRoots?.map((u) => u.path),
    [path.join(ROOT, 'media')],
  );
});

test('the charts: annotations per year by tag (top-level tags of the codebook), then terms and a figure when asked; rising and falling words', async () => {
  // Two annotations in 2017, one in 2018 (figures), one orphan that does not count.
  const source = vscode.Uri.file(path.join(ws.root, NANHAI));
  const reports = (await s.reports.load(source)).reports;
  const body = (year: number, k: number) => {
    const r = reports.find((x) => x.year === year)!;
    const t = makeTarget(r, r.paragraphs.filter((p) => p.role === 'body')[k].index);
    assert.ok(t.ok);
    return { report: r.id, target: t.value.target };
  };
  const ann = (i: number, where: { report: string; target: Annotation['target'] }, tags: string[]): Annotation => ({
    id: `a${String(i).padStart(16, '0')}`,
    ...where,
    tags,
    note: '',
    author: 'x',
    created: T,
    modified: T,
  });
  const orphan = body(2016, 0);
  orphan.target = { ...orphan.target, paragraph: 'pffffffff', quote: { ...orphan.target.quote, exact: '这段文字不在报告里。' } };
  writeFileSync(
    path.join(ws.root, NANHAI + SIDECAR_SUFFIX),
    serializeSidecar({
      version: 1,
      source: 'nanhai-feed-flattened.txt',
      annotations: [
        ann(1, body(2017, 0), ['figures']),
        ann(2, body(2017, 1), ['figures', 'rules']),
        ann(3, body(2018, 0), ['figures']),
        ann(4, orphan, ['figures']),
      ],
    }),
  );
  const { panel, render } = await open();
  assert.equal(render.title, `Trends: ${(await s.corpus.grouping()).series.find((x) => x.key === render.state.series)!.label}`);
  assert.deepEqual(render.state, { series: await nanhaiKey(), tags: null, terms: [], figure: '' });
  assert.deepEqual(
    render.charts.map((c) => c.id),
    ['tags'],
  );
  const tags = render.charts[0];
  assert.deepEqual(tags.years, [2016, 2017, 2018]);
  assert.equal(tags.series.length, 11, 'every top-level tag of the default codebook');
  assert.deepEqual(tags.series.find((x) => x.name === '数据指标')?.values, [0, 2, 1]);
  assert.deepEqual(tags.series.find((x) => x.name === '完善依法行政制度体系')?.values, [0, 1, 0]);
  assert.equal(tags.series.find((x) => x.name === '数据指标')?.color, '#7f7f7f');
  assert.equal(render.changes.length, 2, '2016→2017 and 2017→2018');
  assert.ok(render.changes.every((c) => c.rising.length > 0 && c.falling.length > 0));

  // Terms, then a figure: each a chart of its own, counted in the report text.
  const before = renders(panel).length;
  panel.receive({ type: 'setTerms', terms: [' 行政复议 ', '行政复议', '放管服'] });
  await until(() => renders(panel).length > before, 'the render with terms');
  const withTerms = renders(panel).at(-1)!;
  assert.deepEqual(withTerms.state.terms, ['行政复议', '放管服']);
  const terms = withTerms.charts.find((c) => c.id === 'terms')!;
  const count = (year: number, term: string) =>
    reports
      .find((r) => r.year === year)!
      .paragraphs.filter((p) => ['part', 'chapter', 'section', 'body'].includes(p.role))
      .reduce((n, p) => n + p.text.split(term).length - 1, 0);
  assert.deepEqual(
    terms.series.map((x) => [x.name, x.values]),
    [
      ['行政复议', [2016, 2017, 2018].map((y) => count(y, '行政复议'))],
      ['放管服', [2016, 2017, 2018].map((y) => count(y, '放管服'))],
    ],
  );
  assert.ok(terms.series[0].values.some((v) => (v ?? 0) > 0));
  const n2 = renders(panel).length;
  panel.receive({ type: 'setFigure', figure: '行政复议' });
  await until(() => renders(panel).length > n2, 'the render with a figure');
  const figure = renders(panel)
    .at(-1)!
    .charts.find((c) => c.id === 'figure')!;
  assert.equal(figure.series.length, 1);
  assert.equal(figure.series[0].values.length, 3);
  assert.ok(figure.unit !== '');
  // Choose Tags: the picked tags only.
  fake.quickPickChoice = (items: any[]) => items.filter((i) => i.id === 'rules' || i.id === 'figures');
  const n3 = renders(panel).length;
  panel.receive({ type: 'chooseTags' });
  await until(() => renders(panel).length > n3, 'the render with chosen tags');
  assert.deepEqual(
    renders(panel)
      .at(-1)!
      .charts[0].series.map((x) => x.name),
    ['完善依法行政制度体系', '数据指标'],
  );
});

test('export: CSV is made from the data drawn; SVG and PNG from the webview are checked; saved where the user says', async () => {
  const { panel } = await open();
  const target = path.join(ws.root, 'out.csv');
  fake.saveDialogResult = vscode.Uri.file(target);
  panel.receive({ type: 'export', chart: 'tags', format: 'csv', data: '' });
  await until(() => existsSync(target), 'the CSV');
  const csv = readFileSync(target, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^year,依法全面履行政府职能,/);
  assert.deepEqual(
    lines.slice(1).map((l) => l.split(',')[0]),
    ['2016', '2017', '2018'],
  );
  // The rising and falling words.
  const words = path.join(ws.root, 'words.csv');
  fake.saveDialogResult = vscode.Uri.file(words);
  panel.receive({ type: 'export', chart: 'changes', format: 'csv', data: '' });
  await until(() => existsSync(words), 'the words CSV');
  assert.match(readFileSync(words, 'utf8'), /^\uFEFFfrom,to,direction,term,before,after,rate_before,rate_after,score\r\n2016,2017,rising,/);
  // An SVG must be an SVG; a PNG must be a PNG.
  const svg = path.join(ws.root, 'chart.svg');
  fake.saveDialogResult = vscode.Uri.file(svg);
  panel.receive({ type: 'export', chart: 'tags', format: 'svg', data: '<script>alert(1)</script>' });
  panel.receive({ type: 'export', chart: 'tags', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>' });
  await until(() => existsSync(svg), 'the SVG');
  assert.equal(readFileSync(svg, 'utf8'), '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>\n');
  const png = path.join(ws.root, 'chart.png');
  fake.saveDialogResult = vscode.Uri.file(png);
  panel.receive({ type: 'export', chart: 'tags', format: 'png', data: btoa('not a png') });
  const pngBytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  panel.receive({ type: 'export', chart: 'tags', format: 'png', data: btoa(String.fromCharCode(...pngBytes)) });
  await until(() => existsSync(png), 'the PNG');
  assert.deepEqual([...readFileSync(png)], [...pngBytes]);
});

test('messages from the webview are checked: anything else is ignored', () => {
  assert.equal(parseTrendsMessage(null), null);
  assert.equal(parseTrendsMessage({ type: 'run', code: 'x' }), null);
  assert.equal(parseTrendsMessage({ type: 'setTerms', terms: 'a' }), null);
  assert.equal(parseTrendsMessage({ type: 'setTerms', terms: [1] }), null);
  assert.deepEqual(parseTrendsMessage({ type: 'setTerms', terms: ['放管服'] }), { type: 'setTerms', terms: ['放管服'] });
  assert.equal(parseTrendsMessage({ type: 'export', chart: '../x', format: 'csv', data: '' }), null);
  assert.equal(parseTrendsMessage({ type: 'export', chart: 'tags', format: 'exe', data: '' }), null);
  assert.deepEqual(parseTrendsMessage({ type: 'export', chart: 'tags', format: 'png', data: 'AA' }), {
    type: 'export',
    chart: 'tags',
    format: 'png',
    data: 'AA',
  });
  assert.deepEqual(parseTrendsMessage({ type: 'rendered', marks: { tags: 33 } }), { type: 'rendered', marks: { tags: 33 } });
  assert.equal(parseTrendsMessage({ type: 'rendered', marks: { tags: 1.5 } }), null);
  assert.deepEqual(parseTrendsMessage({ type: 'ready', state: { series: 'x', tags: null, terms: [], figure: '' } }), {
    type: 'ready',
    state: { series: 'x', tags: null, terms: [], figure: '' },
  });
  assert.deepEqual(parseTrendsMessage({ type: 'ready', state: { series: 1 } }), { type: 'ready', state: null });
});

test('the panel comes back after a reload from its saved state; a series that is gone says so', async () => {
  const serializer = fake.serializers.get('annals.trends');
  assert.ok(serializer);
  const { FakeWebviewPanel } = await import('./fake/vscode.ts');
  const panel = new FakeWebviewPanel('annals.trends', 'Trends');
  await serializer.deserializeWebviewPanel(panel, { series: await nanhaiKey(), tags: ['figures'], terms: ['放管服'], figure: '' });
  panel.receive({ type: 'ready', state: null });
  await until(() => renders(panel).length > 0 || panel.posted.length > 0, 'a message');
  const r = renders(panel).at(-1)!;
  assert.deepEqual(
    r.charts.map((c) => c.id),
    ['tags', 'terms'],
  );
  const gone = new FakeWebviewPanel('annals.trends', 'Trends');
  await serializer.deserializeWebviewPanel(gone, { series: 'nobody · nothing', tags: null, terms: [], figure: '' });
  gone.receive({ type: 'ready', state: null });
  await until(() => gone.posted.length > 0, 'the error');
  assert.deepEqual(gone.posted.at(-1), {
    type: 'error',
    message: 'The series nobody · nothing is no longer in this workspace.',
    state: { series: 'nobody · nothing', tags: null, terms: [], figure: '' },
  });
});

test('Show Trends from a report editor opens its own series, with no question (the corpus keeps heads: found by source and id)', async () => {
  const { series } = await s.corpus.grouping();
  assert.ok(series.length > 1, 'several series: a picker would be asked');
  const g = series.find((x) => x.label.includes('南海'))!;
  const { source, report } = g.reports[0];
  const uri = reportUri(source, report.id, report.title, report.year);
  const doc = new FakeDocument(uri, await s.documents.provideTextDocumentContent(uri));
  doc.languageId = 'annals-report';
  fake.activeTextEditor = { document: doc, selection: { active: new vscode.Position(0, 0) } };
  const asked: unknown[] = [];
  fake.quickPickChoice = (items) => {
    asked.push(items);
    return undefined;
  };
  await COMMANDS['annals.showTrends'](s)();
  assert.equal(asked.length, 0);
  const panel = fake.panels.find((p) => p.viewType === 'annals.trends');
  assert.ok(panel);
  panel.receive({ type: 'ready', state: null });
  await until(() => renders(panel).length > 0, 'the first render');
  assert.equal(renders(panel).at(-1)!.state.series, g.key);
});
