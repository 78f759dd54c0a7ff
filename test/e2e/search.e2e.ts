/**
 * Search across years in a real VS Code: Search Reports… over one series, the Search view with its
 * hits per year, a hit opened in its report, then Tag All Search Results… through the auto-tag
 * preview, and the sidecars on disk.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Editor, makeWorkspace, openEditor, removeWorkspace } from './harness.ts';
import { waitForViewText } from './workbench.ts';

const SEARCH_PANE = '.pane:has(.pane-header[aria-label^="Search"]) .pane-body';

let editor: Editor;
let workspace: string;

before(async () => {
  workspace = makeWorkspace();
  editor = await openEditor({ workspace });
});

after(async () => {
  await editor?.close();
  if (workspace) removeWorkspace(workspace);
});

/** Picks the row of the open QuickPick that shows this text. */
async function pickRow(page: Page, text: string): Promise<void> {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
}

/** The Search view's rows: level, label and description. */
async function searchRows(page: Page): Promise<{ level: number; label: string; description: string }[]> {
  return page.locator(`${SEARCH_PANE} .monaco-list-row`).evaluateAll((els) =>
    els.map((el) => ({
      level: Number(el.getAttribute('aria-level') ?? 0),
      label: (el.querySelector('.label-name')?.textContent ?? '').trim(),
      description: (el.querySelector('.label-description')?.textContent ?? '').trim(),
    })),
  );
}

async function waitForSearchRows(page: Page, ok: (rows: { level: number; label: string; description: string }[]) => boolean, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = await searchRows(page);
    if (ok(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`the Search view shows ${JSON.stringify(rows)}`);
    await page.waitForTimeout(250);
  }
}

test('search one series for 放管服: hits per year, grouped by year and chapter; a hit opens its report', () =>
  editor.scenario('search-1-results', async () => {
    const page = editor.page;
    // Annals' contributions are loaded once its icon shows; the command activates it and brings the Search view forward.
    await page.locator('.activitybar .action-label[aria-label^="Annals"]').waitFor({ state: 'visible', timeout: 30_000 });
    await editor.command('Annals: Search Reports…');
    await pickRow(page, 'Plain text');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Reports' }).waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('放管服');
    await page.keyboard.press('Enter');
    await pickRow(page, '国务院 · 政府工作报告');
    // 放管服 is twice in the 2018 report and once in 2019 (grep of samples/national agrees).
    // The first search scans the workspace: on a loaded machine (2 cores shared) that has taken over 20 s.
    const rows = await waitForSearchRows(page, (r) => r.some((x) => x.label === '2019'), 60_000);
    assert.deepEqual(
      rows.filter((r) => r.level <= 2).map((r) => [r.label, r.description.replace(/\s+/g, ' ')]),
      [
        ['国务院 · 政府工作报告', '3 hits'],
        ['2018', '2 ██████████'],
        ['2019', '1 █████'],
      ],
    );
    const header = await page.locator('.pane-header[aria-label^="Search"]').innerText();
    assert.match(header, /“放管服” · 3 hits in 国务院 · 政府工作报告/);
    // Expand 2019 and open its hit.
    await page.locator(`${SEARCH_PANE} .monaco-list-row`, { hasText: '2019' }).first().click();
    const hit = await waitForSearchRows(page, (r) => r.some((x) => x.level === 4));
    assert.ok(hit.some((r) => r.level === 3 && r.label === '三、2019年政府工作任务'));
    await page.locator(`${SEARCH_PANE} .monaco-list-row[aria-level="4"]`).first().click();
    await waitForViewText(page, '放管服');
    await page.waitForFunction(() => document.querySelector('.editor-group-container.active .monaco-editor .selected-text') !== null, undefined, {
      timeout: 15_000,
    });
    await editor.screenshot('search', true);
  }));

test('tag all the results: the auto-tag preview, then one annotation per paragraph in the sidecars', () =>
  editor.scenario('search-2-tag-all', async () => {
    const page = editor.page;
    await editor.command('Annals: Tag All Search Results…');
    // No codebook yet: the modal offers the default one.
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Create Default Codebook' }).click();
    await pickRow(page, '数据指标');
    // The preview: three paragraphs, all checked.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Tag with “数据指标”' }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await page.locator('.quick-input-list .monaco-list-row').count(), 3);
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    // The author, asked once.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Your name for annotations' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.quick-input-widget input').fill('Analyst One');
    await page.keyboard.press('Enter');
    const s2018 = join(workspace, 'national', 'gwr-national-2018.txt.annals.json');
    const s2019 = join(workspace, 'national', 'gwr-national-2019.txt.annals.json');
    const deadline = Date.now() + 20_000;
    while (!(existsSync(s2018) && existsSync(s2019)) && Date.now() < deadline) await page.waitForTimeout(200);
    const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')).annotations as { tags: string[]; target: { quote: { exact: string } } }[];
    assert.equal(read(s2018).length, 2);
    assert.equal(read(s2019).length, 1);
    for (const a of [...read(s2018), ...read(s2019)]) {
      assert.deepEqual(a.tags, ['figures']);
      assert.equal((a as { author?: string }).author, 'Analyst One');
      assert.ok(a.target.quote.exact.includes('放管服'));
    }
  }));
