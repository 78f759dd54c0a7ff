/**
 * Reports as published, in a real VS Code: Import Report from URL… against a local HTTP server,
 * and a report source opened as a plain file (Open as Report, Tag Paragraph there).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Editor, makeWorkspace, openEditor, ROOT, removeWorkspace } from './harness.ts';
import { clickReportRow, openReportsView, seriesMembers, treeRows, viewText, waitForViewText } from './workbench.ts';

const TITLE_2017 = '佛山市南海区人民政府2017年度法治政府建设工作报告';
const SAVED = '佛山市南海区人民政府-2017-法治政府建设工作报告.html';
const PAGE = readFileSync(join(ROOT, 'test/fixtures/nanhai-2017-page.gbk.html'));

let editor: Editor;
let workspace: string;
let base = '';
const server = http.createServer((req, res) => {
  if (req.url === '/report.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=gbk', etag: '"e2e"' });
    res.end(PAGE);
  } else {
    res.writeHead(404);
    res.end();
  }
});

before(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  workspace = makeWorkspace(['docx/2025年宁夏政府工作报告.docx', 'pdf/周口市统计公报2023.pdf']);
  editor = await openEditor({ workspace });
});

after(async () => {
  await editor?.close();
  server.closeAllConnections();
  server.close();
  if (workspace) removeWorkspace(workspace);
});

/** Answers the quick input box that a command opened. */
async function answerInput(text: string): Promise<void> {
  const input = editor.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  await input.press('Enter');
}

test('1. Import Report from URL… saves the page and its provenance, opens the report, and lists it', () =>
  editor.scenario('import-1-url', async () => {
    await openReportsView(editor.page);
    await editor.command('Annals: Import Report from URL…');
    await answerInput(`${base}/report.html`);
    await waitForViewText(editor.page, TITLE_2017);
    const saved = join(workspace, 'reports', SAVED);
    assert.ok(existsSync(saved), `saved as ${SAVED}: ${readdirSync(join(workspace, 'reports'))}`);
    assert.deepEqual(readFileSync(saved), PAGE, 'the original bytes');
    const prov = JSON.parse(readFileSync(`${saved}.provenance.json`, 'utf8'));
    assert.equal(prov.url, `${base}/report.html`);
    assert.equal(prov.headers.etag, '"e2e"');
    // The Reports view counts the new file as a copy of the Nanhai 2017 report (the same report from a second source).
    const deadline = Date.now() + 20_000;
    let rows = await seriesMembers(editor.page, '南海');
    while (!rows.some((r) => r.label === '2017' && /1 copy/.test(r.description)) && Date.now() < deadline) {
      await editor.page.waitForTimeout(250);
      rows = await seriesMembers(editor.page, '南海');
    }
    assert.ok(
      rows.some((r) => r.label === '2017' && /1 copy/.test(r.description)),
      `the view lists it: ${rows.map((r) => `${r.label} ${r.description}`).join(' | ')}`,
    );
  }));

test('2. a Word file and a PDF are listed in the Reports view and open with their chapters', () =>
  editor.scenario('import-2-word-pdf', async () => {
    const page = editor.page;
    await openReportsView(page);
    const deadline = Date.now() + 30_000;
    let rows = await treeRows(page);
    while (!(rows.some((r) => r.label.includes('周口')) && rows.some((r) => r.label.includes('宁夏'))) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      rows = await treeRows(page);
    }
    assert.deepEqual(
      (await seriesMembers(page, '周口')).map((r) => r.label),
      ['2023'],
      `the PDF is listed: ${rows.map((r) => `${r.label} ${r.description}`).join(' | ')}`,
    );
    assert.deepEqual(
      (await seriesMembers(page, '宁夏')).map((r) => r.label),
      ['2025'],
      'the Word file is listed',
    );
    await clickReportRow(page, '周口', '2023');
    await waitForViewText(page, '2023年周口市国民经济和社会发展统计公报');
    const pdf = await viewText(page);
    assert.ok(pdf.includes('一、综合'), `chapters of the PDF: ${pdf.slice(0, 12).join(' | ')}`);
    await clickReportRow(page, '宁夏', '2025');
    await waitForViewText(page, '2025年宁夏政府工作报告');
    const word = await viewText(page);
    assert.ok(
      word.some((l) => l.startsWith('一、2024年工作回顾')),
      `chapters of the Word file: ${word.slice(0, 12).join(' | ')}`,
    );
  }));

test('3. a 404 says so, and nothing is saved', () =>
  editor.scenario('import-2-404', async () => {
    await editor.command('Annals: Import Report from URL…');
    await answerInput(`${base}/missing.html`);
    const toast = editor.page.locator('.notifications-toasts .notification-toast', { hasText: 'answered 404' });
    await toast.waitFor({ state: 'visible', timeout: 20_000 });
    assert.deepEqual(readdirSync(join(workspace, 'reports')).sort(), [SAVED, `${SAVED}.provenance.json`]);
  }));

test('4. a raw source file: Tag Paragraph offers the report and opens it at the paragraph', () =>
  editor.scenario('import-3-raw', async () => {
    const page = editor.page;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('gwr-national-2019.txt');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'gwr-national-2019.txt' }).first().click();
    await page.locator('.tab.active', { hasText: 'gwr-national-2019.txt' }).waitFor({ state: 'visible', timeout: 15_000 });
    // Put the cursor on a line far down the body (line 200: 丰富人民群众精神文化生活。…) and ask to tag it.
    await page.keyboard.press('Control+G');
    await answerInput(':200');
    await editor.command('Annals: Tag Paragraph');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'source file of a report' });
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    await toast.locator('a.monaco-button', { hasText: 'Open as Report' }).click();
    const reportTab = page.locator('.tab.active').filter({ hasText: '2019' }).filter({ hasNotText: '.txt' });
    await reportTab.waitFor({ state: 'visible', timeout: 15_000 });
    // The report document opened at the paragraph of that line.
    const shown = await viewText(page);
    assert.ok(
      shown.some((l) => l.startsWith('丰富人民群众精神文化生活。')),
      `the paragraph is in view: ${shown.slice(0, 3).join(' | ')}`,
    );
    assert.ok(!shown.includes('各位代表：'), 'not the top of the report');
  }));
