/**
 * Reading and driving the VS Code workbench's DOM. The selectors are VS Code's own class names,
 * as of VS Code 1.139 (code-server 4.139.1).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ARTIFACTS } from './harness.ts';

export interface Row {
  level: number;
  label: string;
  description: string;
  expanded: boolean | null;
}

const REPORTS_PANE = '.pane:has(.pane-header[aria-label^="Reports"]) .pane-body';

/** Focuses the Annals container and its Reports view. */
export async function openReportsView(page: Page): Promise<void> {
  const rows = page.locator(`${REPORTS_PANE} .monaco-list-row[aria-level="2"]`);
  if (
    await rows
      .first()
      .isVisible()
      .catch(() => false)
  )
    return;
  const icon = page.locator('.activitybar .action-label[aria-label^="Annals"]');
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  // Clicking the icon of the container that is already open would close it: click only while the
  // Annals container is not the active one (its activity bar item is `checked`), however long the
  // view then takes to fill its rows on a loaded machine.
  const item = page.locator('.activitybar .action-item').filter({ has: page.locator('.action-label[aria-label^="Annals"]') });
  const active = () =>
    item
      .first()
      .evaluate((el) => el.classList.contains('checked') || el.getAttribute('aria-selected') === 'true', undefined, { timeout: 2_000 })
      .catch(() => false);
  for (let attempt = 0; attempt < 3 && !(await active()); attempt++) {
    await icon.click();
    for (let i = 0; i < 25 && !(await active()); i++) await page.waitForTimeout(200);
  }
  // The view's own header is hidden while it is the container's only view; wait for its rows.
  await rows.first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** A pane's rows as the tree shows them (only the rendered ones: the views here are short). */
async function paneRows(page: Page, paneSelector: string): Promise<Row[]> {
  return page.locator(`${paneSelector} .monaco-list-row`).evaluateAll((els) =>
    els.map((el) => ({
      level: Number(el.getAttribute('aria-level') ?? 0),
      label: (el.querySelector('.label-name')?.textContent ?? el.textContent ?? '').trim(),
      description: (el.querySelector('.label-description')?.textContent ?? '').trim(),
      expanded: el.hasAttribute('aria-expanded') ? el.getAttribute('aria-expanded') === 'true' : null,
    })),
  );
}

/** The Reports view's rows, optionally filtered. */
export async function treeRows(page: Page, filter?: (r: Row) => boolean): Promise<Row[]> {
  const rows = await paneRows(page, REPORTS_PANE);
  return filter ? rows.filter(filter) : rows;
}

export async function clickTreeRow(page: Page, pick: (r: Row) => boolean): Promise<void> {
  const rows = await treeRows(page);
  const index = rows.findIndex(pick);
  if (index < 0) throw new Error(`no such row in the Reports view: ${JSON.stringify(rows)}`);
  await page.locator(`${REPORTS_PANE} .monaco-list-row`).nth(index).click();
}

/**
 * The list renders only the rows that fit in the pane: when the series whose label contains
 * `series` is not among them, collapse the other series (bottom up, so the indexes hold) and wait
 * for it to come into view.
 */
async function bringSeriesIntoView(page: Page, series: string): Promise<void> {
  const shown = (rows: Row[]) => rows.some((r) => r.level === 1 && r.label.includes(series));
  let rows = await treeRows(page);
  if (shown(rows) && rows.some((r, i) => i > 0 && rows[i - 1].level === 1 && rows[i - 1].label.includes(series) && r.level === 2)) return;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i].level === 1 && rows[i].expanded && !rows[i].label.includes(series)) await page.locator(`${REPORTS_PANE} .monaco-list-row`).nth(i).click();
  }
  for (let i = 0; i < 25; i++) {
    rows = await treeRows(page);
    const at = rows.findIndex((r) => r.level === 1 && r.label.includes(series));
    if (at >= 0) {
      if (rows[at].expanded === false) await page.locator(`${REPORTS_PANE} .monaco-list-row`).nth(at).click();
      else return;
    }
    await page.waitForTimeout(200);
  }
}

/** The report rows (level 2) under the series whose label contains `series`, with their index among all rows. */
export async function seriesMembers(page: Page, series: string): Promise<(Row & { index: number })[]> {
  await bringSeriesIntoView(page, series);
  const rows = await treeRows(page);
  const at = rows.findIndex((r) => r.level === 1 && r.label.includes(series));
  const out: (Row & { index: number })[] = [];
  if (at < 0) return out;
  for (let i = at + 1; i < rows.length && rows[i].level !== 1; i++) if (rows[i].level === 2) out.push({ ...rows[i], index: i });
  return out;
}

/** Clicks the row of a year under the series whose label contains `series`. */
export async function clickReportRow(page: Page, series: string, year: string): Promise<void> {
  const row = (await seriesMembers(page, series)).find((r) => r.label === year);
  if (!row) throw new Error(`no ${year} under a series “${series}” in the Reports view: ${JSON.stringify(await treeRows(page))}`);
  await page.locator(`${REPORTS_PANE} .monaco-list-row`).nth(row.index).click();
}

/** The rendered lines of the active editor (the top of the document, as far as it is visible). */
export async function viewText(page: Page): Promise<string[]> {
  return page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .evaluate((el) =>
      [...el.querySelectorAll('.view-line')]
        .map((l) => ({ top: parseFloat((l as HTMLElement).style.top || '0'), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
}

/**
 * Waits until the active editor shows `text`. Word wrap splits a long line over several rendered
 * lines, so the rendered lines are joined in screen order before searching.
 */
export async function waitForViewText(page: Page, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')] as HTMLElement[];
      const joined = lines
        .sort((a, b) => parseFloat(a.style.top || '0') - parseFloat(b.style.top || '0'))
        .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('');
      return joined.includes(want);
    },
    text,
    { timeout },
  );
}

export async function activeTabLabel(page: Page): Promise<string> {
  return (await page.locator('.tabs-container .tab.active .label-name').first().innerText()).trim();
}

/**
 * Opens the Outline view in the Explorer with the workspace folder collapsed, collapses the
 * outline and expands its top level (the parts), and returns the rows: parts and chapters.
 */
export async function outlineRows(page: Page): Promise<Row[]> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Focus on Outline View');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Outline' }).first().click();
  const outline = '.pane:has(.pane-header[aria-label^="Outline"])';
  // Give the Outline the room: collapse the folder's pane above it.
  const folderHeader = page.locator('.explorer-viewlet .pane-header[aria-expanded="true"]').first();
  if ((await folderHeader.getAttribute('aria-label'))?.startsWith('Outline') === false) await folderHeader.click();
  await page.waitForSelector(`${outline} .pane-body .monaco-list-row`, { timeout: 15_000 });
  await page.locator(`${outline} .pane-header`).hover();
  await page.locator(`${outline} .pane-header .action-label[aria-label^="Collapse All"]`).click();
  const parts = page.locator(`${outline} .pane-body .monaco-list-row[aria-level="1"][aria-expanded="false"]`);
  while ((await parts.count()) > 0) {
    await parts.first().locator('.monaco-tl-twistie').click();
  }
  return paneRows(page, `${outline} .pane-body`);
}

/** Opens the Problems panel and returns the text of each row. */
export async function problems(page: Page): Promise<string[]> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Problems: Focus on Problems View');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Problems' }).first().click();
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15_000 });
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
}

/**
 * Picks a workspace file in VS Code's own (simple) file dialog, which code-server shows for
 * showOpenDialog. Typing the name filters the list; the row is then clicked.
 */
export async function pickFileInDialog(page: Page, fileName: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
  // Clicking a file row usually accepts it; otherwise it only fills the input, and Enter accepts.
  const widget = page.locator('.quick-input-widget');
  const closed = await widget.waitFor({ state: 'hidden', timeout: 2_000 }).then(
    () => true,
    () => false,
  );
  if (!closed) {
    await input.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

/** Collects measured timings; the run prints them and writes test/e2e/artifacts/timings.jsonl. */
export function recordTiming(what: string, ms: number): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  appendFileSync(join(ARTIFACTS, 'timings.jsonl'), JSON.stringify({ date: new Date().toISOString(), what, ms }) + '\n');
  process.stdout.write(`# timing: ${what}: ${ms} ms\n`);
}

/** The content frame of the active webview (VS Code nests it: iframe.webview › iframe#active-frame). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}
