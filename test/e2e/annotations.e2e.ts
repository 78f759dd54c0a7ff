/**
 * Annotations in a real VS Code: tag a paragraph, the sidecar on disk, a window reload, an
 * outside edit of the sidecar, and a corrupt sidecar.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Editor, makeWorkspace, openEditor, removeWorkspace } from './harness.ts';
import { clickReportRow, openReportsView, waitForViewText } from './workbench.ts';

const PARAGRAPH = '(二)编制并推动落实年度依法行政工作要点';

let editor: Editor;
let workspace: string;
let sidecar: string;

before(async () => {
  workspace = makeWorkspace();
  sidecar = join(workspace, 'nanhai', 'nanhai-feed-flattened.txt.annals.json');
  editor = await openEditor({ workspace });
});

after(async () => {
  await editor?.close();
  if (workspace) removeWorkspace(workspace);
});

/** The text VS Code injects after lines (decorations' `after.contentText`), read from the CSS. */
async function injectedTexts(page: Page): Promise<string[]> {
  return page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .evaluate((root) => {
      const out: string[] = [];
      for (const el of root.querySelectorAll('span')) {
        for (const pseudo of ['::after', '::before']) {
          const c = getComputedStyle(el, pseudo).content;
          if (c && c !== 'none' && c !== 'normal') out.push(c.replace(/^"|"$/g, ''));
        }
      }
      return out;
    });
}

async function waitForInjected(page: Page, text: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await injectedTexts(page);
    if (all.some((t) => t.includes(text))) return;
    if (Date.now() > deadline) throw new Error(`no “${text}” after a line; saw ${JSON.stringify(all)}`);
    await page.waitForTimeout(250);
  }
}

/** The top-level rows (tags) of the Annotations view, until `ok` accepts them. */
async function waitForAnnotationsView(page: Page, ok: (labels: string[]) => boolean, timeout = 20_000): Promise<void> {
  const pane = '.pane:has(.pane-header[aria-label^="Annotations"])';
  const header = page.locator(`${pane} .pane-header`);
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  const deadline = Date.now() + timeout;
  for (;;) {
    const labels = await page.locator(`${pane} .pane-body .monaco-list-row[aria-level="1"] .label-name`).allInnerTexts();
    if (ok(labels.map((l) => l.trim()))) return;
    if (Date.now() > deadline) throw new Error(`the Annotations view shows ${JSON.stringify(labels)}`);
    await page.waitForTimeout(250);
  }
}

/** Puts the cursor in the paragraph that shows this text. */
async function clickParagraph(page: Page, text: string): Promise<void> {
  await page
    .locator('.editor-group-container.active .monaco-editor .view-line', { hasText: text })
    .first()
    .click({ position: { x: 30, y: 8 } });
}

/** Waits for the input box with this title, types the answer and accepts it. */
async function answerInput(page: Page, title: string, value: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.quick-input-widget input').fill(value);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'hidden', timeout: 15_000 });
}

async function open2017(): Promise<void> {
  await openReportsView(editor.page);
  await clickReportRow(editor.page, '南海', '2017');
  await waitForViewText(editor.page, PARAGRAPH);
}

test('tag a paragraph in the 2017 report: the default codebook, tags, a note, the author; the sidecar on disk', () =>
  editor.scenario('annotations-1-tag', async () => {
    const page = editor.page;
    await open2017();
    await clickParagraph(page, PARAGRAPH);
    await page.keyboard.press('Control+KeyK');
    await page.keyboard.press('KeyA');
    // No codebook yet: the modal offers the default one.
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Create Default Codebook' }).click();
    const pick = page.locator('.quick-input-widget');
    await pick.waitFor({ state: 'visible' });
    for (const label of ['数据指标', '完善依法行政制度体系']) {
      // Typing filters the list; a click on the row toggles its checkbox.
      await page.locator('.quick-input-widget input').fill(label);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
      await row.click();
      await page.waitForFunction(
        (l) =>
          [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some(
            (r) => r.textContent?.includes(l) && (r.getAttribute('aria-checked') === 'true' || !!r.querySelector('input:checked, .monaco-checkbox.checked')),
          ),
        label,
        { timeout: 5_000 },
      );
    }
    await page.locator('.quick-input-widget input').fill('');
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    // The note, then the author (asked once).
    await answerInput(page, 'Note (optional, Markdown)', '年度要点：33项工作');
    await answerInput(page, 'Your name for annotations', 'Analyst One');
    const deadline = Date.now() + 15_000;
    while (!existsSync(sidecar) && Date.now() < deadline) await page.waitForTimeout(200);
    const file = JSON.parse(readFileSync(sidecar, 'utf8'));
    assert.equal(file.version, 1);
    assert.equal(file.source, 'nanhai-feed-flattened.txt');
    assert.equal(file.annotations.length, 1);
    const a = file.annotations[0];
    assert.deepEqual(a.tags, ['rules', 'figures'], 'in codebook order');
    assert.equal(a.note, '年度要点：33项工作');
    assert.equal(a.author, 'Analyst One');
    assert.ok(a.target.quote.exact.startsWith(PARAGRAPH));
    assert.ok(readFileSync(sidecar, 'utf8').endsWith('\n'));
    assert.ok(existsSync(join(workspace, '.annals', 'codebook.json')));
    await waitForInjected(page, '⟨完善依法行政制度体系 · 数据指标⟩');
    await waitForAnnotationsView(page, (labels) => labels.includes('数据指标') && labels.includes('完善依法行政制度体系'));
    await editor.screenshot('annotations', true);
  }));

test('after a window reload, the decoration and the hover are back', () =>
  editor.scenario('annotations-2-reload', async () => {
    const page = editor.page;
    await editor.reloadWindow();
    // A fresh extension host: open the report again (VS Code restores only file editors here).
    await open2017();
    await waitForInjected(page, '⟨完善依法行政制度体系 · 数据指标⟩', 30_000);
    await page
      .locator('.editor-group-container.active .monaco-editor .view-line', { hasText: PARAGRAPH })
      .first()
      .hover({ position: { x: 60, y: 8 } });
    const hover = page.locator('.monaco-hover:visible, .monaco-resizable-hover:visible').first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await hover.innerText();
    assert.match(text, /数据指标/);
    assert.match(text, /年度要点：33项工作/);
    assert.match(text, /Analyst\sOne/);
    assert.match(text, /Edit/);
    await page.keyboard.press('Escape');
  }));

test('an outside edit of the sidecar (a git pull) shows at once', () =>
  editor.scenario('annotations-3-outside', async () => {
    const page = editor.page;
    const file = JSON.parse(readFileSync(sidecar, 'utf8'));
    file.annotations[0].tags = ['oversight'];
    file.annotations[0].modified = new Date(Date.now() + 60_000).toISOString();
    writeFileSync(sidecar, JSON.stringify(file, null, 2) + '\n');
    await waitForInjected(page, '⟨强化对行政权力的制约和监督⟩', 20_000);
    // The Annotations view follows: the tag that came from outside is listed, the old ones are gone.
    await waitForAnnotationsView(page, (labels) => labels.includes('强化对行政权力的制约和监督') && !labels.includes('数据指标'));
  }));

test('a corrupt sidecar: an error shows, edits are refused, and the file is untouched', () =>
  editor.scenario('annotations-4-corrupt', async () => {
    const page = editor.page;
    const broken = '{ "version": 1, "annotations": [ { "id": ';
    writeFileSync(sidecar, broken);
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'cannot be read' }).first();
    await toast.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await toast.innerText(), /Open Sidecar/);
    // Try to tag: refused, and nothing is written.
    await clickParagraph(page, PARAGRAPH);
    await page.keyboard.press('Control+KeyK');
    await page.keyboard.press('KeyA');
    await page.waitForTimeout(1500);
    if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Escape');
    assert.equal(readFileSync(sidecar, 'utf8'), broken);
  }));
