/**
 * Across the years in a real VS Code: the Compare webview, the jumps between corresponding
 * chapters, and hostile report text in the webview.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Editor, extensionLog, makeWorkspace, openEditor, removeWorkspace, ROOT } from './harness.ts';
import { readFileSync, existsSync } from 'node:fs';
import { importSource } from '../../src/core/index.ts';
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
  // The national reports 2010–2019 (2018 and 2019 are in samples/): a ten-year series.
  workspace = makeWorkspace([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017].map((y) => `national/gwr-national-${y}.txt`));
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
    // The report's own numerals (一、), not 1.; the year Compare came from is marked.
    assert.match(texts[0], /^2016\s+一、科学统筹,编制法治政府建设新蓝图/);
    assert.match(texts[1], /^2017\s+一、区委区政府高度重视,统筹推进法治政府建设工作/);
    assert.match(texts[2], /^2018\s*●\s*一、加强统筹督导,高质量推进法治政府建设工作/);
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
    const cell = frame.locator('tr.row.paragraph:not(.folded) td.cell.text[data-year="2016"]').first();
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

/** The 0-based line of a chapter heading in a national report's document (as Annals reads the file). */
function chapterLine(year: number, label: string): number {
  const file = [join(ROOT, 'samples/national'), join(ROOT, 'test/fixtures/national')]
    .map((d) => join(d, `gwr-national-${year}.txt`))
    .find((f) => existsSync(f))!;
  const report = importSource(file, readFileSync(file)).reports[0];
  const node = report.outline.find((n) => n.kind === 'chapter' && n.label === label);
  assert.ok(node, `chapter ${label} of ${year}`);
  return node.line;
}

/** Opens a national report and puts the cursor on a line (Go to Line). */
async function cursorAt(year: number, line: number) {
  const page = editor.page;
  // Open it in the first editor group (the Compare view is beside it).
  await page.keyboard.press('Control+1');
  await openYear(String(year), '国务院');
  await page.waitForFunction(
    (y) => [...document.querySelectorAll('.tabs-container .tab.active')].some((t) => new RegExp(`${y}年国务院政府工作报告`).test(t.textContent ?? '')),
    year,
    { timeout: 30_000 },
  );
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line + 1));
  await page.keyboard.press('Enter');
}

test('ten years: the 2019 task chapter with sticky year headers, the start year in view, collapsed one-year runs', () =>
  editor.scenario('compare-5-ten-years', async () => {
    const page = editor.page;
    await cursorAt(2019, chapterLine(2019, '三、'));
    const paintsBefore = [...extensionLog(editor.server).matchAll(/Compare painted \d+ ms after its data was ready/g)].length;
    await editor.command('Annals: Compare Chapter Across Years');
    const frame = webviewFrame(page);
    const heads = frame.locator('table.compare thead th');
    await frame.locator('table.compare thead th[data-year="2010"]').waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await heads.count(), 10);
    const paints = async () => [...extensionLog(editor.server).matchAll(/Compare painted (\d+) ms after its data was ready/g)];
    const deadline = Date.now() + 15_000;
    while ((await paints()).length <= paintsBefore && Date.now() < deadline) await page.waitForTimeout(200);
    const log = await paints();
    assert.ok(log.length > paintsBefore, 'the paint is logged');
    recordTiming('Compare at ten years: data ready → paint (extension log)', Number(log.at(-1)![1]));
    // The start year is marked and on screen: within the scroller's visible box.
    const start = frame.locator('thead th.start');
    assert.equal(await start.getAttribute('data-year'), '2019');
    assert.match(await start.innerText(), /三、2019年政府工作任务/);
    const scroller = frame.locator('.scroller');
    const box = (await scroller.boundingBox())!;
    const sbox = (await start.boundingBox())!;
    assert.ok(sbox.x >= box.x - 1 && sbox.x + sbox.width <= box.x + box.width + 1, `the start column is in view: ${JSON.stringify({ box, sbox })}`);
    // Columns keep their width: the table is wider than the view and scrolls sideways.
    const widths = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(widths.scroll > widths.client, JSON.stringify(widths));
    await editor.screenshot('compare-ten-years', true);
    const colWidth = (await heads.first().boundingBox())!.width;
    assert.ok(colWidth >= 150, `a column is ${colWidth}px wide`);
    // Runs where only one year has text are one compact row that expands.
    const collapsed = frame.locator('tr.row.collapsed');
    assert.ok((await collapsed.count()) > 0);
    const button = collapsed.first().locator('button.expand').first();
    const group = await button.getAttribute('data-group');
    // (clicked in the page: Playwright's own click would scroll the button into view first)
    await button.evaluate((b) => (b as HTMLElement).click());
    await frame.locator(`tr.folded[data-group="${group}"]`).first().waitFor({ state: 'attached', timeout: 5_000 });
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    // Expanding does not move the view: the start column is still in it.
    const still = (await start.boundingBox())!;
    assert.ok(Math.abs(still.x - sbox.x) < 2, `the view did not move: ${still.x} vs ${sbox.x}`);
    // Every row came in after the first paint.
    await waitForLog(editor, /Compare filled in \d+ ms after its first paint began \(\d+ rows\)/);
    // Scrolled down, the year headers stay at the top of the scroller.
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await page.waitForTimeout(200);
    const after = (await heads.first().boundingBox())!;
    assert.ok(Math.abs(after.y - box.y) < 4, `the headers stick: ${after.y} vs ${box.y}`);
  }));

test('choosing a counterpart by hand is written to .annals/corpus.json, marked in Compare, and survives a reload', () =>
  editor.scenario('compare-6-manual', async () => {
    const page = editor.page;
    // 2016's task chapter continues 2015's 三、把改革开放扎实推向纵深 (the analyst says so).
    await cursorAt(2016, chapterLine(2016, '三、'));
    await editor.command('Annals: Choose Counterpart in Another Year…');
    const pick = async (text: string) => {
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await row.click();
    };
    await pick('2015');
    await pick('三、把改革开放扎实推向纵深');
    const file = join(workspace, '.annals/corpus.json');
    const deadline = Date.now() + 15_000;
    while (!existsSync(file) && Date.now() < deadline) await page.waitForTimeout(200);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(json.counterparts.length, 1, JSON.stringify(json));
    assert.deepEqual(
      [json.counterparts[0].year, json.counterparts[0].heading, json.counterparts[0].otherYear, json.counterparts[0].counterpart],
      [2016, '三、2016年重点工作', 2015, '三、把改革开放扎实推向纵深'],
    );
    // The open Compare (2019's task chapter) follows: 2015 is now 三, marked as chosen by hand.
    const frame = webviewFrame(page);
    await frame.locator('thead th[data-year="2015"] .manual').waitFor({ state: 'attached', timeout: 30_000 });
    assert.match(await frame.locator('thead th[data-year="2015"]').innerText(), /三、把改革开放扎实推向纵深/);
    await editor.reloadWindow();
    // The Compare panel comes back, with the choice applied.
    const restored = webviewFrame(page);
    await restored.locator('thead th[data-year="2015"] .manual').waitFor({ state: 'attached', timeout: 60_000 });
    assert.match(await restored.locator('thead th[data-year="2015"]').innerText(), /三、把改革开放扎实推向纵深/);
  }));
