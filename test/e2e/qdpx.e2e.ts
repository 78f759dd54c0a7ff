/**
 * Issue #14 in a real VS Code: a workspace with a codebook and sidecars shows no schema problem
 * (no `$schema` URL to fetch; jsonValidation maps the files, a coder's sidecar included), and a
 * .qdpx written by Export Annotations… is imported by Import REFI-QDA Project… in a second workspace.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEFAULT_CODEBOOK, serializeCodebook } from '../../src/core/index.ts';
import { type Editor, makeWorkspace, openEditor, ROOT, removeWorkspace } from './harness.ts';
import { openReportsView, pickFileInDialog } from './workbench.ts';

let editor: Editor;
let workspace: string;
let second: string;

before(async () => {
  workspace = makeWorkspace();
  mkdirSync(join(workspace, '.annals'), { recursive: true });
  writeFileSync(join(workspace, '.annals/codebook.json'), serializeCodebook(DEFAULT_CODEBOOK));
  // A sidecar written by `annals tag`, as a team's script would.
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'bin/annals.js'),
      'tag',
      join(workspace, 'nanhai/nanhai-feed-flattened.txt'),
      '--match',
      '行政复议',
      '--tag',
      'disputes',
      '--author',
      'alice',
      '--workspace',
      workspace,
    ],
    { stdio: 'pipe' },
  );
  // A coder's sidecar (independent mode) with a wrong type: the schema must reach it too.
  writeFileSync(join(workspace, 'nanhai/nanhai-feed-flattened.txt.annals.bob.json'), '{\n  "version": 1,\n  "source": 5,\n  "annotations": []\n}\n');
  editor = await open(workspace);
});

after(async () => {
  await editor?.close();
  if (workspace) removeWorkspace(workspace);
  if (second) removeWorkspace(second);
});

/** Opens a file of the workspace's nanhai/ folder from the Explorer (no file search: it can lag on a loaded machine). */
async function openFromExplorer(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+Shift+KeyE');
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  const folder = rows.filter({ hasText: /^nanhai$/ }).first();
  await folder.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  await rows
    .filter({ hasText: new RegExp(`^${name.replace(/[.]/g, '\\.')}$`) })
    .first()
    .click({ timeout: 30_000 });
  await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 15_000 });
}

/** Opens the editor on a workspace, once more if code-server does not answer in time (a loaded machine). */
async function open(ws: string): Promise<Editor> {
  try {
    return await openEditor({ workspace: ws });
  } catch {
    return openEditor({ workspace: ws });
  }
}

/** The rows of the Problems panel (none: an empty list). */
async function problemRows(page: Page): Promise<string[]> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Problems: Focus on Problems View');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Problems' }).first().click();
  await page.locator('.markers-panel-container').first().waitFor({ state: 'visible', timeout: 15_000 });
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
}

test('1. a codebook and a sidecar show no schema problem; a bad coder sidecar is checked by the packaged schema', () =>
  editor.scenario('qdpx-1-schemas', async () => {
    const page = editor.page;
    const sidecar = readFileSync(join(workspace, 'nanhai/nanhai-feed-flattened.txt.annals.json'), 'utf8');
    assert.ok(!sidecar.includes('$schema'), 'annals tag writes no $schema');
    await openReportsView(page);
    await editor.command('Annals: Open Codebook');
    await page.locator('.tab.active', { hasText: 'codebook.json' }).waitFor({ state: 'visible', timeout: 15_000 });
    await openFromExplorer(page, 'nanhai-feed-flattened.txt.annals.json');
    await openFromExplorer(page, 'nanhai-feed-flattened.txt.annals.bob.json');
    // The coder's file gets its schema problem: validation runs, from the packaged schema.
    const deadline = Date.now() + 30_000;
    let rows = await problemRows(page);
    while (!rows.some((r) => /Incorrect type/.test(r)) && Date.now() < deadline) {
      await page.waitForTimeout(500);
      rows = await problemRows(page);
    }
    assert.ok(
      rows.some((r) => /Incorrect type/.test(r)),
      `the bad coder sidecar is flagged: ${rows.join(' | ')}`,
    );
    assert.deepEqual(
      rows.filter((r) => /schema|annals\.invalid/i.test(r)),
      [],
      'no “Unable to load schema”, no problem for the codebook or the sidecar',
    );
    assert.ok(!rows.some((r) => /codebook\.json|nanhai-feed-flattened\.txt\.annals\.json/.test(r)), `no row for the good files: ${rows.join(' | ')}`);
  }));

test('2. Export Annotations… as .qdpx, then Import REFI-QDA Project… in a second workspace', () =>
  editor.scenario('qdpx-2-roundtrip', async () => {
    let page = editor.page;
    const out = join(workspace, 'annotations.qdpx');
    await openReportsView(page);
    await editor.command('Annals: Export Annotations…');
    // The picker comes once every source and sidecar is loaded.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'REFI-QDA' }).first().click({ timeout: 90_000 });
    // code-server's own save dialog, on the default name in the workspace (typing a path races its completion).
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    const deadline = Date.now() + 15_000;
    while (!(await input.inputValue()).endsWith('annotations.qdpx') && Date.now() < deadline) await page.waitForTimeout(200);
    assert.match(await input.inputValue(), /annotations\.qdpx$/);
    await input.press('Enter');
    const exported = page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported' }).first();
    await exported.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(existsSync(out), `${await exported.innerText()}; the workspace holds ${readdirSync(workspace).join(', ')}`);
    assert.deepEqual([...readFileSync(out).subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
    await editor.close();

    second = makeWorkspace();
    copyFileSync(out, join(second, 'exchange.qdpx'));
    editor = await open(second);
    page = editor.page;
    // The Annals views first: the extension is active and the workbench ready for the palette.
    await openReportsView(page);
    await editor.command('Annals: Import REFI-QDA Project…');
    await pickFileInDialog(page, 'exchange.qdpx');
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Imported 3 reports' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const folder = join(second, 'exchange');
    const sidecars = readdirSync(folder).filter((f) => f.endsWith('.annals.json'));
    assert.ok(sidecars.length >= 1, `sidecars: ${readdirSync(folder).join(', ')}`);
    const imported = sidecars.flatMap((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')).annotations as { tags: string[]; author: string }[]);
    const original = JSON.parse(readFileSync(join(workspace, 'nanhai/nanhai-feed-flattened.txt.annals.json'), 'utf8')).annotations;
    assert.equal(imported.length, original.length);
    assert.ok(imported.every((a) => a.tags.join() === 'disputes' && a.author === 'alice'));
  }));
