/**
 * Coding as a team in a real VS Code: two coders tag the same paragraph in independent coding,
 * switching coder between them (each gets their own sidecar); the agreement is computed and the
 * disagreement resolved in the Agreement panel, into the shared sidecar.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEFAULT_CODEBOOK, serializeCodebook } from '../../src/core/index.ts';
import { type Editor, makeWorkspace, openEditor, removeWorkspace } from './harness.ts';
import { clickReportRow, openReportsView, waitForViewText, webviewFrame } from './workbench.ts';

const PARAGRAPH = '(二)编制并推动落实年度依法行政工作要点';

let editor: Editor;
let workspace: string;
let source: string;

before(async () => {
  workspace = makeWorkspace();
  source = join(workspace, 'nanhai', 'nanhai-feed-flattened.txt');
  mkdirSync(join(workspace, '.annals'), { recursive: true });
  writeFileSync(join(workspace, '.annals', 'codebook.json'), serializeCodebook(DEFAULT_CODEBOOK));
  writeFileSync(join(workspace, '.annals', 'project.json'), '{"coding":{"mode":"independent"},"coders":[]}\n');
  editor = await openEditor({ workspace });
});

after(async () => {
  await editor?.close();
  if (workspace) removeWorkspace(workspace);
});

async function waitForFile(page: Page, file: string, ok: (json: { annotations: { author: string; tags: string[]; resolvedBy?: string }[] }) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (existsSync(file)) {
      try {
        const json = JSON.parse(readFileSync(file, 'utf8'));
        if (ok(json)) return json;
      } catch {
        // Being written: read again.
      }
    }
    if (Date.now() > deadline) throw new Error(`${file}: not as expected: ${existsSync(file) ? readFileSync(file, 'utf8') : 'missing'}`);
    await page.waitForTimeout(200);
  }
}

/** Waits for the input box with this title, types the answer and accepts it. */
async function answerInput(page: Page, title: string, value: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.quick-input-widget input').fill(value);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'hidden', timeout: 15_000 });
}

async function switchCoder(page: Page, name: string): Promise<void> {
  await editor.command('Annals: Switch Coder…');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Another coder…' }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
  await answerInput(page, 'Coder name', name);
}

/**
 * Tags the paragraph with one tag (the multi-select list, then an empty note). The cursor is put
 * there the first time; later the editor keeps it (focus comes back to it after a quick input).
 */
async function tagParagraph(page: Page, label: string, click: boolean): Promise<void> {
  if (click)
    await page
      .locator('.editor-group-container.active .monaco-editor .view-line', { hasText: PARAGRAPH })
      .first()
      .click({ position: { x: 30, y: 8 } });
  // Tag Paragraph's keys: Ctrl+K A (a chord).
  await page.keyboard.press('Control+KeyK');
  await page.keyboard.press('KeyA');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.locator('.quick-input-widget input').fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().click();
  await page.waitForFunction(
    (l) =>
      [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some(
        (r) => r.textContent?.includes(l) && (r.getAttribute('aria-checked') === 'true' || !!r.querySelector('input:checked, .monaco-checkbox.checked')),
      ),
    label,
    { timeout: 5_000 },
  );
  await page.locator('.quick-input-widget input').fill('');
  await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
  await answerInput(page, 'Note (optional, Markdown)', '');
}

test('two coders tag in independent coding, switching coder; each has their own sidecar', () =>
  editor.scenario('coding-1-two-coders', async () => {
    const page = editor.page;
    await openReportsView(page);
    await clickReportRow(page, '南海', '2017');
    await waitForViewText(page, PARAGRAPH);
    await switchCoder(page, 'Li');
    await tagParagraph(page, '数据指标', true);
    const li = await waitForFile(page, `${source}.annals.li.json`, (j) => j.annotations.length === 1);
    assert.deepEqual([li.annotations[0].author, li.annotations[0].tags], ['Li', ['figures']]);
    await switchCoder(page, 'Wang');
    await tagParagraph(page, '完善依法行政制度体系', false);
    const wang = await waitForFile(page, `${source}.annals.wang.json`, (j) => j.annotations.length === 1);
    assert.deepEqual([wang.annotations[0].author, wang.annotations[0].tags], ['Wang', ['rules']]);
    assert.equal(existsSync(`${source}.annals.json`), false, 'the shared sidecar is not written while coding');
    const project = JSON.parse(readFileSync(join(workspace, '.annals', 'project.json'), 'utf8'));
    assert.deepEqual(
      project.coders.map((c: { id: string }) => c.id),
      ['Li', 'Wang'],
    );
  }));

test('agreement is computed, and the disagreement resolved into the shared sidecar', () =>
  editor.scenario('coding-2-agreement', async () => {
    const page = editor.page;
    await editor.command('Annals: Compute Agreement…');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Compute agreement over which reports?' }).waitFor({ state: 'visible' });
    // Every report is checked: accept.
    await page.keyboard.press('Enter');
    const frame = webviewFrame(page);
    await frame.locator('h2', { hasText: 'Agreement' }).waitFor({ state: 'visible', timeout: 30_000 });
    const table = await frame.locator('table').innerText();
    assert.match(table, /数据指标 \(figures\)/);
    assert.match(table, /完善依法行政制度体系 \(rules\)/);
    await frame.locator('a', { hasText: '数据指标 (figures)' }).click();
    await frame.locator('button', { hasText: 'Accept Li' }).first().click();
    const shared = await waitForFile(page, `${source}.annals.json`, (j) => j.annotations.length === 1);
    const a = shared.annotations[0];
    assert.deepEqual([a.author, a.tags, a.resolvedBy], ['Li', ['figures'], 'Wang']);
    await editor.screenshot('agreement', true);
  }));
