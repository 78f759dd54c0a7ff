/**
 * Trends and the codebook editor in a real VS Code: the Trends chart (an SVG drawn by Observable
 * Plot under the webview's CSP) with one mark per tag and year, the terms chart, a figure's chart, a CSV export
 * through the save dialog; and a child tag added from the Codebook view's context menu.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { GOVERNMENT_WORK_CODEBOOK, importSource, makeTarget, serializeCodebook, serializeSidecar } from '../../src/core/index.ts';
import { type Editor, extensionLog, makeWorkspace, openEditor, removeWorkspace } from './harness.ts';
import { openReportsView, webviewFrame } from './workbench.ts';

const FEED = join('nanhai', 'nanhai-feed-flattened.txt');
let editor: Editor;
let workspace: string;
const consoleLines: string[] = [];

/** The 政府工作报告 codebook, and annotations in the Nanhai reports of 2017 and 2018. */
function seed(ws: string): void {
  mkdirSync(join(ws, '.annals'), { recursive: true });
  writeFileSync(join(ws, '.annals', 'codebook.json'), serializeCodebook(GOVERNMENT_WORK_CODEBOOK));
  const imp = importSource(FEED, readFileSync(join(ws, FEED)));
  const T = '2026-01-02T03:04:05.000Z';
  const annotations = [
    [2017, 0, ['reform']],
    [2017, 1, ['reform', 'government']],
    [2018, 0, ['reform']],
  ].map(([year, k, tags], i) => {
    const r = imp.reports.find((x) => x.year === year)!;
    const t = makeTarget(r, r.paragraphs.filter((p) => p.role === 'body')[k as number].index);
    assert.ok(t.ok);
    return {
      id: `a${String(i + 1).padStart(16, '0')}`,
      report: r.id,
      target: t.value.target,
      tags: tags as string[],
      note: '',
      author: 'e2e',
      created: T,
      modified: T,
    };
  });
  writeFileSync(join(ws, `${FEED}.annals.json`), serializeSidecar({ version: 1, source: 'nanhai-feed-flattened.txt', annotations }));
}

before(async () => {
  workspace = makeWorkspace();
  seed(workspace);
  editor = await openEditor({ workspace });
  editor.page.on('console', (m) => consoleLines.push(m.text()));
});

after(async () => {
  await editor?.close();
  if (workspace) removeWorkspace(workspace);
});

async function waitFor<T>(what: string, get: () => T | Promise<T>, ok: (v: T) => boolean, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last saw ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function pickRow(page: Page, text: string): Promise<void> {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
}

test('Trends: the tag chart is an SVG with one mark per tag and year, a table beside it, terms on request, and a CSV export', () =>
  editor.scenario('trends-1-chart', async () => {
    const page = editor.page;
    // The extension is active once the Reports view lists the series.
    await openReportsView(page);
    await editor.command('Annals: Show Trends');
    // Two series in the workspace: the Nanhai one.
    await pickRow(page, '南海');
    const frame = webviewFrame(page);
    const dots = frame.locator('#chart-tags svg g[aria-label="dot"] circle');
    await dots.first().waitFor({ state: 'attached', timeout: 60_000 });
    // 11 top-level tags × 3 years (2016–2018), every count a number (0 included).
    assert.equal(await dots.count(), 33);
    assert.equal(await frame.locator('#chart-tags svg g[aria-label="line"] path').count(), 11);
    await waitFor(
      'the marks in the log',
      () => extensionLog(editor.server),
      (log) => /Trends rendered: tags 33 marks/.test(log),
    );
    // The accessible table beside the chart: a row per year, the counts of the annotations.
    const rows = frame.locator('#chart-tags table.data tbody tr');
    assert.equal(await rows.count(), 3);
    const reform = await frame.locator('#chart-tags table.data thead th').allInnerTexts();
    const col = reform.indexOf('改革开放');
    assert.ok(col > 0, reform.join('|'));
    const cells = await rows.evaluateAll((trs, c) => trs.map((tr) => tr.children[c]?.textContent ?? ''), col);
    assert.deepEqual(cells, ['0', '2', '1']);
    // Terms: a chart of its own.
    await frame.locator('#terms').fill('行政复议，放管服');
    await frame.locator('#terms-form button[type="submit"]').click();
    const termDots = frame.locator('#chart-terms svg g[aria-label="dot"] circle');
    await termDots.first().waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await termDots.count(), 6);
    assert.ok((await frame.locator('#changes table.rising tbody tr').count()) > 0, 'rising words listed');
    // A figure over the years: read by the figure reader's own bundle (dist/figures.js), loaded on first use.
    await frame.locator('#figure').fill('全区通办事项');
    await frame.locator('#figure-form button[type="submit"]').click();
    const figureDots = frame.locator('#chart-figure svg g[aria-label="dot"] circle');
    await figureDots.first().waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal(await figureDots.count(), 3);
    await editor.screenshot('trends', true);
    // Nothing refused by the CSP (Plot's own <style> is taken out; no inline script or style).
    assert.deepEqual(
      consoleLines.filter((t) => /Content Security Policy|Refused to/.test(t)),
      [],
    );
    // Save CSV: the save dialog proposes a name in the workspace; Enter accepts it.
    await frame.locator('#chart-tags button[data-format="csv"]').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.press('Enter');
    const file = await waitFor(
      'the CSV in the workspace',
      () => readdirSync(workspace).find((f) => f.startsWith('trends-') && f.endsWith('-tags.csv')),
      (f) => f !== undefined && existsSync(join(workspace, f)),
    );
    const csv = readFileSync(join(workspace, file!), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(csv.length, 4);
    assert.match(csv[0], /^year,经济发展,科技创新,改革开放,/);
    assert.deepEqual(
      csv.slice(1).map((l) => l.split(',').slice(0, 4).join(',')),
      ['2016,0,0,0', '2017,0,0,2', '2018,0,0,1'],
    );
  }));

test('Codebook view: Add Child Tag… on a tag (its inline action; also in its context menu) writes the child under its parent, and the view nests it', () =>
  editor.scenario('trends-2-codebook', async () => {
    const page = editor.page;
    await openReportsView(page);
    const pane = '.pane:has(.pane-header[aria-label^="Codebook"])';
    const header = page.locator(`${pane} .pane-header`);
    await header.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const rural = page.locator(`${pane} .monaco-list-row[aria-level="1"]`, { hasText: '乡村振兴' }).first();
    await rural.waitFor({ state: 'visible', timeout: 30_000 });
    // The row's inline action (the same command is in its context menu).
    // The row's actions show on the selected or hovered row: select it, hover it, and try again if a redraw hid them.
    const addChild = rural.locator('.action-label[aria-label^="Add Child Tag"]');
    let clicked = false;
    for (let attempt = 0; attempt < 4 && !clicked; attempt++) {
      await rural.click();
      await rural.hover();
      clicked = await addChild.click({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
    }
    if (!clicked) await addChild.click({ timeout: 5_000 });
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('高标准农田');
    await input.press('Enter');
    // The colour: the first of the palette.
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
    await input.press('Enter');
    // The description.
    await page.locator('.quick-input-widget .quick-input-message, .quick-input-widget .quick-input-title').first().waitFor({ state: 'visible' });
    await input.fill('耕地保护');
    await input.press('Enter');
    const cb = await waitFor(
      'the child tag in the codebook',
      () =>
        JSON.parse(readFileSync(join(workspace, '.annals', 'codebook.json'), 'utf8')) as {
          tags: { id: string; label: string; parent?: string; description: string }[];
        },
      (c) => c.tags.some((t) => t.label === '高标准农田'),
    );
    const child = cb.tags.find((t) => t.label === '高标准农田')!;
    assert.equal(child.parent, 'rural');
    assert.equal(child.description, '耕地保护');
    assert.equal(cb.tags.length, 12);
    await page.locator(`${pane} .monaco-list-row[aria-level="2"]`, { hasText: '高标准农田' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await editor.screenshot('codebook', true);
  }));
