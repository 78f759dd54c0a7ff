/**
 * Across the years in a real VS Code: the Compare webview, the jumps between corresponding
 * chapters, and hostile report text in the webview.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Editor, extensionLog, makeWorkspace, openEditor, removeWorkspace } from './harness.ts';
import { activeTabLabel, clickReportRow, openReportsView, recordTiming, waitForViewText, webviewFrame } from './workbench.ts';

const HOSTILE = '<script>document.title="PWNED"</script><img src=x onerror="document.title=\'PWNED-IMG\'"><a href="javascript:alert(1)">链接</a>';

/** Two years of a report whose text carries script payloads, as plain text (so they are report text). */
function hostileReport(year: number): string {
  return [
    `某市人民政府${year}年度法治政府建设工作报告`,
    '',
    `${year}年法治政府建设工作情况`,
    '',
    `一、强化行政复议${HOSTILE}`,
    '',
    `全年共收到行政复议申请${year - 1900}宗，综合纠错率40.5%。${HOSTILE}行政复议委员会试点工作稳步推进。`,
    '',
    '二、深化普法宣传',
    '',
    '深入开展普法宣传教育，落实谁执法谁普法责任制，举办法治讲座120场。',
    '',
  ].join('\n');
}

let editor: Editor;
let workspace: string;

before(async () => {
  workspace = makeWorkspace();
  writeFileSync(join(workspace, 'hostile-2019.txt'), hostileReport(2019));
  writeFileSync(join(workspace, 'hostile-2020.txt'), hostileReport(2020));
  editor = await openEditor({ workspace });
});

after(async () => {
  await editor?.close();
  if (workspace) removeWorkspace(workspace);
});

/** Waits for a line in the extension's log (the Annals output channel). */
async function waitForLog(e: Editor, re: RegExp): Promise<RegExpExecArray> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const m = re.exec(extensionLog(e.server));
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`no ${re} in the extension log:\n${extensionLog(e.server)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function openYear(year: string, series = '南海') {
  await openReportsView(editor.page);
  await clickReportRow(editor.page, series, year);
}

test("from the 2018 report's chapter 一, Compare shows three columns with the matching chapters", () =>
  editor.scenario('compare-1-columns', async () => {
    const page = editor.page;
    await openYear('2018');
    await waitForViewText(page, '一、加强统筹督导,高质量推进法治政府建设工作');
    const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Compare' }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    const clicked = Date.now();
    await lens.click();
    const frame = webviewFrame(page);
    const heads = frame.locator('table.compare thead th');
    await heads.first().waitFor({ state: 'visible', timeout: 30_000 });
    recordTiming('Compare: click on the CodeLens → webview table visible (as Playwright sees it)', Date.now() - clicked);
    const painted = await waitForLog(
      editor,
      /Compare painted (\d+) ms after it was asked for \(first paint of a new panel; its page had been loading for (\d+) ms\)/,
    );
    recordTiming('Compare: command → first paint of a new panel (extension log)', Number(painted[1]));
    recordTiming('Compare: webview page load → first paint (extension log)', Number(painted[2]));
    const texts = await heads.allInnerTexts();
    assert.equal(texts.length, 3, texts.join(' | '));
    assert.match(texts[0], /^2016\s+1\. 科学统筹,编制法治政府建设新蓝图/);
    assert.match(texts[1], /^2017\s+1\. 区委区政府高度重视,统筹推进法治政府建设工作/);
    assert.match(texts[2], /^2018\s+1\. 加强统筹督导,高质量推进法治政府建设工作/);
    assert.ok((await frame.locator('td.cell.text').count()) > 6, 'aligned rows');
    assert.ok((await frame.locator('ins.diff-ins').count()) > 0, 'additions against the previous year are marked');
    await editor.screenshot('compare', true);
    // A second chapter in the open panel: a re-render, without loading the page again.
    const second = page.locator('.codelens-decoration a', { hasText: 'Compare' }).nth(1);
    await second.click();
    await frame.locator('table.compare thead th', { hasText: '深化' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const again = await waitForLog(editor, /Compare painted (\d+) ms after it was asked for\.\n/);
    recordTiming('Compare: command → paint in the open panel (extension log)', Number(again[1]));
  }));

test('a click on a paragraph in the webview reveals it in its report', () =>
  editor.scenario('compare-2-reveal', async () => {
    const page = editor.page;
    const frame = webviewFrame(page);
    const cell = frame.locator('tr.row.paragraph td.cell.text[data-year="2016"]').first();
    const text = (await cell.innerText()).replace(/^\d\.\d\d/, '').trim();
    await cell.click();
    await page.waitForFunction(() => /2016/.test(document.querySelector('.tabs-container .tab.active')?.textContent ?? ''), undefined, { timeout: 15_000 });
    assert.match(await activeTabLabel(page), /2016/);
    // The revealed line is at the top of the editor.
    const words = text.slice(0, 12);
    await waitForViewText(page, words);
  }));

test('Go to Same Chapter in Previous Year jumps to the matching chapter', () =>
  editor.scenario('compare-3-jump', async () => {
    const page = editor.page;
    await openYear('2018');
    await waitForViewText(page, '一、加强统筹督导,高质量推进法治政府建设工作');
    const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: '◀ 2017' }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    await page.waitForFunction(() => /2017/.test(document.querySelector('.tabs-container .tab.active')?.textContent ?? ''), undefined, { timeout: 15_000 });
    await waitForViewText(page, '一、区委区政府高度重视,统筹推进法治政府建设工作');
    // And back with the keyboard: Alt+] in the 2017 report (the cursor is on the chapter's heading).
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Alt+BracketRight');
    await page.waitForFunction(() => /2018/.test(document.querySelector('.tabs-container .tab.active')?.textContent ?? ''), undefined, { timeout: 15_000 });
    await waitForViewText(page, '一、加强统筹督导,高质量推进法治政府建设工作');
  }));

test('hostile report text shows in the webview as text, and no script runs', () =>
  editor.scenario('compare-4-hostile', async () => {
    const page = editor.page;
    await openYear('2020', '某市');
    await waitForViewText(page, '某市人民政府2020年度法治政府建设工作报告');
    const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'Compare' }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();
    const frame = webviewFrame(page);
    await frame.locator('table.compare thead th[data-year="2019"]').waitFor({ state: 'visible', timeout: 30_000 });
    const body = await frame.locator('main#content').innerText();
    assert.ok(body.includes('<script>document.title="PWNED"</script>'), 'the script shows as text');
    assert.ok(body.includes('<img src=x onerror='), 'the handler shows as text');
    // None of it became markup, and nothing ran.
    assert.equal(await frame.locator('main#content script, main#content img, main#content a, main#content iframe').count(), 0);
    const title = await frame.locator('html').evaluate(() => document.title);
    assert.ok(!title.includes('PWNED'), `the webview's title is untouched: ${title}`);
    assert.ok(!(await page.title()).includes('PWNED'));
  }));
