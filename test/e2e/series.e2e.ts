/**
 * Series in a real VS Code (issue #11): a province's 2025 Word file and 2026 web text are one
 * series of two years; Compare opens on it; Set Report Metadata moves a report, the correction is
 * written to .annals/corpus.json, and it survives a window reload; the reloaded window shows the
 * series from the heads the first stored (issue #13), then checks the files against the disk.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Editor, extensionLog, openEditor, removeWorkspace, ROOT } from './harness.ts';
import { clickReportRow, openReportsView, seriesMembers, treeRows, waitForViewText, webviewFrame } from './workbench.ts';

const SERIES = '宁夏回族自治区人民政府 · 政府工作报告';
const WORD = '2025年宁夏政府工作报告.docx';
const WEB = '2026_宁夏回族自治区_政府工作报告.txt';

let editor: Editor;
let workspace: string;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'annals-ws-series-'));
  mkdirSync(join(workspace, 'word'));
  mkdirSync(join(workspace, 'web'));
  copyFileSync(join(ROOT, 'test/fixtures/docx', WORD), join(workspace, 'word', WORD));
  copyFileSync(join(ROOT, 'test/fixtures/series/2026', WEB), join(workspace, 'web', WEB));
  editor = await openEditor({ workspace });
});

after(async () => {
  await editor?.close();
  if (workspace) removeWorkspace(workspace);
});

/** Waits until the series row shows this description. */
async function waitForSeries(description: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = await treeRows(editor.page, (r) => r.level === 1);
    if (rows.some((r) => r.label === SERIES && r.description === description)) return;
    if (Date.now() > deadline) throw new Error(`no series “${SERIES} | ${description}”: ${rows.map((r) => `${r.label} | ${r.description}`).join('; ')}`);
    await editor.page.waitForTimeout(250);
  }
}

async function answer(text: string): Promise<void> {
  const input = editor.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  await input.press('Enter');
}

test('1. the 2025 Word file and the 2026 web text are one series of two years', () =>
  editor.scenario('series-1-view', async () => {
    await openReportsView(editor.page);
    await waitForSeries('2025–2026');
    const series = await treeRows(editor.page, (r) => r.level === 1);
    assert.deepEqual(
      series.map((r) => r.label),
      [SERIES],
    );
    assert.deepEqual(
      (await seriesMembers(editor.page, SERIES)).map((r) => r.label),
      ['2026', '2025'],
    );
  }));

test('2. Compare opens on the series, with both years', () =>
  editor.scenario('series-2-compare', async () => {
    const page = editor.page;
    await clickReportRow(page, SERIES, '2026');
    await waitForViewText(page, '政府工作报告');
    const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Compare' }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const heads = webviewFrame(page).locator('table.compare thead th');
    await heads.first().waitFor({ state: 'visible', timeout: 30_000 });
    const texts = await heads.allInnerTexts();
    assert.equal(texts.length, 2, texts.join(' | '));
    assert.match(texts[0], /^2025/);
    assert.match(texts[1], /^2026/);
  }));

test('3. Set Report Metadata moves the 2025 report to 2024; .annals/corpus.json keeps it', () =>
  editor.scenario('series-3-set-metadata', async () => {
    const page = editor.page;
    await openReportsView(page);
    await clickReportRow(page, SERIES, '2025');
    await waitForViewText(page, '2025');
    await editor.command('Annals: Set Report Metadata…');
    await answer('year');
    await answer('2024');
    await waitForSeries('2024–2026 · 2 years');
    const members = await seriesMembers(page, SERIES);
    assert.deepEqual(
      members.map((r) => `${r.label} ${r.description}`.trim()),
      ['2026', '2024 corrected'],
    );
    const file = join(workspace, '.annals/corpus.json');
    assert.ok(existsSync(file));
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const entry = Object.values(json.reports[`word/${WORD}`] ?? {})[0] as { year?: number } | undefined;
    assert.equal(entry?.year, 2024, JSON.stringify(json));
  }));

test('4. the correction survives a window reload', () =>
  editor.scenario('series-4-reload', async () => {
    const page = editor.page;
    await editor.reloadWindow();
    await openReportsView(page);
    await waitForSeries('2024–2026 · 2 years', 60_000);
    assert.deepEqual(
      (await seriesMembers(page, SERIES)).map((r) => r.label),
      ['2026', '2024'],
    );
  }));

test('5. the reloaded window showed the series from the heads the first one stored, then checked the files', () =>
  editor.scenario('series-5-stored-heads', async () => {
    // The heads are kept in the extension's storage for the workspace, not in the workspace.
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === 'heads.json') found.push(full);
      }
    };
    walk(editor.server.userDataDir);
    assert.equal(found.length, 1, 'one heads.json in the user data');
    assert.ok(!existsSync(join(workspace, 'heads.json')) && !existsSync(join(workspace, '.annals/heads.json')));
    // JSON Lines: a first line naming the layout and the build, then one line a file.
    const [first, ...files] = readFileSync(found[0], 'utf8').trimEnd().split('\n');
    assert.equal(JSON.parse(first).format, 1);
    assert.deepEqual(files.map((l) => decodeURIComponent(JSON.parse(l).key).split('/').pop()).sort(), [WEB, WORD].sort());
    assert.match(extensionLog(editor.server), /Showed 2 of 2 files from the heads stored by the last session: 2 reports/);
    const deadline = Date.now() + 30_000;
    while (!/Checked 2 files against the disk in \d+ ms: 0 changed or new/.test(extensionLog(editor.server))) {
      assert.ok(Date.now() < deadline, 'the check against the disk was not logged');
      await editor.page.waitForTimeout(200);
    }
  }));
