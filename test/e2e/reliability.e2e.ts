/**
 * A workspace with hostile sources in a real VS Code: a text whose import takes far longer than
 * its time budget (5,000,000 lines cycling 一、…十、, 35 MB: seconds of work, with a budget of 1 s), a named pipe
 * (a read would block for ever), and the normal sample reports. The normal reports are listed,
 * the editor answers while the scan runs, and the bad files show their errors.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Editor, makeWorkspace, openEditor, removeWorkspace } from './harness.ts';
import { openReportsView, pickFileInDialog, problems, treeRows } from './workbench.ts';

let editor: Editor;
let workspace: string;

before(async () => {
  workspace = makeWorkspace();
  execFileSync('mkfifo', [join(workspace, 'pipe.txt')]);
  const numerals = '一二三四五六七八九十';
  writeFileSync(join(workspace, 'cycling.txt'), `标题报告\n\n${Array.from({ length: 5_000_000 }, (_, i) => `${numerals[i % 10]}、\n`).join('')}`);
  mkdirSync(join(workspace, '.vscode'));
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'annals.importTimeoutSeconds': 1 }));
  editor = await openEditor({ workspace });
});

after(async () => {
  await editor?.close();
  if (workspace) removeWorkspace(workspace);
});

test('1. a file over its time budget: the reports are listed, the editor answers, the file shows its error', () =>
  editor.scenario('reliability-1-budget', async () => {
    const page = editor.page;
    const started = Date.now();
    await openReportsView(page);
    // A command runs while the scan goes on.
    await editor.command('Annals: Refresh Reports');
    const deadline = Date.now() + 30_000;
    let rows = await treeRows(page);
    while (!rows.some((r) => /could not be read/.test(r.label)) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      rows = await treeRows(page);
    }
    assert.ok(
      rows.some((r) => r.level === 1 && r.label.includes('佛山市南海区人民政府')),
      'the Nanhai series is listed',
    );
    const failures = rows.find((r) => /could not be read/.test(r.label));
    assert.ok(failures, `a failures row: ${rows.map((r) => r.label).join(' | ')}`);
    assert.ok(Date.now() - started < 30_000, 'the view filled in time');
    // Expand the failures row (a refresh that lands just after the click can redraw it closed: try again).
    const slow = page.locator('.monaco-list-row', { hasText: 'cycling.txt' }).first();
    for (let attempt = 0; attempt < 4 && !(await slow.isVisible()); attempt++) {
      await page.locator('.monaco-list-row', { hasText: 'could not be read' }).first().click();
      await page.keyboard.press('ArrowRight');
      await slow.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
    }
    await slow.waitFor({ state: 'visible', timeout: 10_000 });
    const bad = (await treeRows(page)).find((r) => r.label === 'cycling.txt');
    assert.ok(bad, 'the slow file is listed');
    assert.match(bad.description, /Gave up after 1 s/);
    const listed = await problems(page);
    assert.ok(
      listed.some((p) => /Gave up after 1 s/.test(p)),
      `Problems lists it: ${listed.join(' | ')}`,
    );
    await page.keyboard.press('Control+J');
  }));

test('2. Open Report Source… on a named pipe says at once that it is not a regular file', () =>
  editor.scenario('reliability-2-pipe', async () => {
    const page = editor.page;
    await editor.command('Annals: Open Report Source…');
    await pickFileInDialog(page, 'pipe.txt');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'not a regular file' });
    await toast.waitFor({ state: 'visible', timeout: 10_000 });
  }));
