/**
 * `npm run bench:editor`: timings in the real editor (code-server + Chromium), per run:
 *   - start → report visible: from starting the run (set-up check, packaging, server, browser,
 *     workbench, activation, scan) to the 2017 Nanhai report's text being on screen;
 *   - click → report visible: from the click on "2017" in the Reports view;
 *   - activation → tree filled: from the extension's activation to the Reports view's first
 *     children, as the extension logs it ("Reports view filled … ms after activation").
 *   - Compare: command → paint of the Nanhai chapter (first webview, a new panel, a re-render), and at
 *     ten years (the national reports 2010–2019, the 2019 task chapter): data ready → first paint,
 *     command → first paint, and first paint → every row in.
 * `--runs N` (default 3); `--record` appends the table to bench/RESULTS.md.
 * `--scale`: instead, a workspace of 1,000 more reports (bench/scale/_workspace.ts, in series of 10–40 years): the time
 * from focusing the Reports view to its first series rows, activation → tree filled and the scan as the extension logs
 * them, an outside change of one file → the corpus updated (the watcher's event included), and the same workspace opened
 * again (Reload Window): focus → first rows from the heads the first session stored; `--record` writes the section
 * "editor-scale".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSource } from '../src/core/index.ts';
import { cpus, loadavg, release, type as osType } from 'node:os';
import { type Editor, extensionLog, makeWorkspace, openEditor, ROOT, removeWorkspace } from '../test/e2e/harness.ts';
import { writeSection } from './results.ts';
import { buildWorkspace } from './scale/_workspace.ts';
import { clickReportRow, openReportsView, waitForViewText, webviewFrame } from '../test/e2e/workbench.ts';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;

interface Run {
  startToVisible: number;
  clickToVisible: number;
  activationToTree: number | null;
  /** Compare: command → paint, for the session's first webview, a second new panel, and a re-render. */
  compareFirst: number | null;
  compareNew: number | null;
  compareRerender: number | null;
  /** Compare: the page's own load → first paint, for the first panel. */
  comparePage: number | null;
  /** Compare at ten years: data ready → first paint, command → first paint, first paint → every row in. */
  tenReady: number;
  tenCommand: number;
  tenFilled: number;
}

const TEN_YEARS = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017];

/** The 0-based line of chapter 三 of the 2019 national report in its document. */
function tasksLine(): number {
  const file = join(ROOT, 'samples/national/gwr-national-2019.txt');
  const node = importSource(file, readFileSync(file)).reports[0].outline.find((n) => n.kind === 'chapter' && n.label === '三、');
  if (!node) throw new Error('no chapter 三 in the 2019 national report');
  return node.line;
}

/** Waits until the log has more than `before` matches of `re`; returns the last. */
async function nextMatch(e: Editor, re: RegExp, before: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const all = [...extensionLog(e.server).matchAll(re)];
    if (all.length > before) return all[all.length - 1];
    if (Date.now() > deadline) throw new Error(`no new ${re} in the log`);
    await e.page.waitForTimeout(100);
  }
}

async function paints(e: Editor, count: number): Promise<RegExpExecArray[]> {
  const re = /Compare painted (\d+) ms after it was asked for(?: \(first paint of a new panel; its page had been loading for (\d+) ms\))?\./g;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const all = [...extensionLog(e.server).matchAll(re)];
    if (all.length >= count) return all;
    if (Date.now() > deadline) throw new Error(`only ${all.length} Compare paints in the log`);
    await e.page.waitForTimeout(200);
  }
}

async function once(): Promise<Run> {
  const start = Date.now();
  const workspace = makeWorkspace(TEN_YEARS.map((y) => `national/gwr-national-${y}.txt`).filter((f) => existsSync(join(ROOT, 'test/fixtures', f))));
  const editor = await openEditor({ workspace });
  try {
    await openReportsView(editor.page);
    const clicked = Date.now();
    await clickReportRow(editor.page, '南海', '2017');
    await waitForViewText(editor.page, '佛山市南海区人民政府2017年度法治政府建设工作报告');
    const visible = Date.now();
    const m = /Reports view filled (\d+) ms after activation/.exec(extensionLog(editor.server));
    // Compare: the session's first webview, then a new panel after closing it, then another chapter in the open panel.
    const page = editor.page;
    const lens = (k: number) => page.locator('.codelens-decoration a', { hasText: 'Compare' }).nth(k);
    // (only the first chapter's lens is used: it is always on screen)
    await lens(0).click();
    await webviewFrame(page).locator('table.compare thead th').first().waitFor({ timeout: 30_000 });
    const [first] = await paints(editor, 1);
    await page.keyboard.press('Control+W');
    await page.waitForTimeout(500);
    await lens(0).click();
    const second = (await paints(editor, 2))[1];
    // Re-render: leave out the oldest year with the webview's own year toggle.
    await webviewFrame(page).locator('#toolbar input[type="checkbox"]').first().click();
    const third = (await paints(editor, 3))[2];
    // Ten years: the 2019 national task chapter, in the open panel.
    await page.keyboard.press('Control+1');
    await openReportsView(page);
    await clickReportRow(page, '国务院', '2019');
    await waitForViewText(page, '各位代表');
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(tasksLine() + 1));
    await page.keyboard.press('Enter');
    const ready = /Compare painted (\d+) ms after its data was ready/g;
    const asked = /Compare painted (\d+) ms after it was asked for/g;
    const filled = /Compare filled in (\d+) ms after its first paint began/g;
    const counts = [ready, asked, filled].map((re) => [...extensionLog(editor.server).matchAll(re)].length);
    await editor.command('Annals: Compare Chapter Across Years');
    const tenReady = await nextMatch(editor, ready, counts[0]);
    const tenCommand = await nextMatch(editor, asked, counts[1]);
    const tenFilled = await nextMatch(editor, filled, counts[2]);
    return {
      startToVisible: visible - start,
      clickToVisible: visible - clicked,
      activationToTree: m ? Number(m[1]) : null,
      compareFirst: Number(first[1]),
      comparePage: first[2] ? Number(first[2]) : null,
      compareNew: Number(second[1]),
      compareRerender: Number(third[1]),
      tenReady: Number(tenReady[1]),
      tenCommand: Number(tenCommand[1]),
      tenFilled: Number(tenFilled[1]),
    };
  } finally {
    await editor.close();
    removeWorkspace(workspace);
  }
}

interface ScaleRun {
  reports: number;
  /** Focus → the first series row: while a long first scan reads the files, the series read so far (Corpus.soon). */
  focusToRows: number;
  /** Focus → every report in the view (the log's time of "Reports view filled"). */
  focusToFilled: number;
  /** Activation → the first series read so far shown (logged when the scan ran long enough to show them), or null. */
  activationToFirst: number | null;
  /** The same workspace opened again (Reload Window): focus → first rows, from the heads stored by the first session. */
  reopenToRows: number;
  /** Opened again, the view clicked once the extension had read the stored heads (activated when the editor's start finished). */
  settledToRows: number;
  /** Opened again: from the click to the extension's activation (the log's time), the editor's own part. */
  clickToActivation: number;
  /** The reopened session: activation → tree filled, and the activation itself (as the extension logs them). */
  reopenActivationToTree: number;
  reopenActivation: number | null;
  /** The extension's log of the reopened session: the series shown from the stored heads, and the check against the disk. */
  shown: string | null;
  checked: string | null;
  activationToTree: number | null;
  scan: string | null;
  changeToUpdated: number;
  updateLogged: number | null;
}

/**
 * Clicks the Annals icon in the activity bar (through the scan's progress badge that covers it) once it shows, and waits
 * for the Reports view's first series row: the time of the click, and the milliseconds from it to the row.
 */
async function clickToRows(editor: Editor): Promise<{ clicked: number; ms: number }> {
  const icon = editor.page.locator('.activitybar .action-label[aria-label^="Annals"]');
  await icon.waitFor({ state: 'visible', timeout: 60_000 });
  const clicked = Date.now();
  await icon.click({ force: true });
  await editor.page.locator('.monaco-list-row', { hasText: '县人民政府' }).first().waitFor({ timeout: 180_000 });
  return { clicked, ms: Date.now() - clicked };
}

/** The time (the bench's clock) of the last line of the extension's log that matches `re`, or NaN. */
function logTime(editor: Editor, re: RegExp): number {
  const lines = [...extensionLog(editor.server).matchAll(new RegExp(`^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*${re.source}`, 'gm'))];
  const last = lines[lines.length - 1];
  return last ? new Date(last[1].replace(' ', 'T')).getTime() : Number.NaN;
}

/** The window reloaded with the Annals view closed first (the Explorer shown), so that a click opens it again. */
async function reopen(editor: Editor): Promise<void> {
  await editor.page.keyboard.press('Control+Shift+E');
  await editor.reloadWindow();
}

/** The 1,000-report workspace in the real editor (see the file's comment). */
async function scaleOnce(): Promise<ScaleRun> {
  const workspace = makeWorkspace();
  const built = buildWorkspace(1000, { dir: join(workspace, 'scale') });
  const editor = await openEditor({ workspace });
  try {
    const { clicked: t0, ms: focusToRows } = await clickToRows(editor);
    const filled = await nextMatch(editor, /Reports view filled (\d+) ms after activation \((\d+) reports\)/g, 0);
    const focusToFilled = logTime(editor, /Reports view filled/) - t0;
    const first = /Reports view first showed \d+ reports (\d+) ms after activation/.exec(extensionLog(editor.server));
    const scan = /Scanned \d+ files: [^\n]*/.exec(extensionLog(editor.server));
    const updated = /Updated \d+ changed file\(s\): \d+ series in (\d+) ms/g;
    const before = [...extensionLog(editor.server).matchAll(updated)].length;
    const target = built.files[Math.floor(built.files.length / 2)];
    const t1 = Date.now();
    writeFileSync(target.path, readFileSync(target.path, 'utf8').replace('。', '。另外，'));
    const m = await nextMatch(editor, updated, before);
    const changeToUpdated = Date.now() - t1;
    // Opened again: the heads stored after the update (a save 2 s after it), the Annals view closed, the window reloaded.
    const stored = /Stored the heads of \d+ files/g;
    await nextMatch(editor, stored, 0);
    await reopen(editor);
    const { clicked: t2, ms: reopenToRows } = await clickToRows(editor);
    const refilled = await nextMatch(editor, /Reports view filled (\d+) ms after activation \((\d+) reports\)/g, 1);
    const activated = [...extensionLog(editor.server).matchAll(/Activated in (\d+) ms/g)];
    // Where the wait goes: the log's own times (local time, as the bench's clock) of the activation and the fill.
    const stamp = (re: RegExp) => logTime(editor, re);
    const clickToActivation = stamp(/Activated in/) - t2;
    process.stdout.write(
      `opened again: click → activation ${clickToActivation} ms, click → tree filled ${stamp(/Reports view filled/) - t2} ms, ` +
        `click → rows on screen ${reopenToRows} ms\n`,
    );
    const shown = await nextMatch(editor, /Showed \d+ of \d+ files from the heads stored by the last session: [^\n]*/g, 0);
    const checked = await nextMatch(editor, /Checked \d+ files against the disk in [^\n]*/g, 0);
    // Opened a third time, the view clicked once the editor has settled: the extension, activated when the editor's
    // start finished, has read the stored heads and checked the files (both logged) before the click.
    await reopen(editor);
    await nextMatch(editor, /Checked \d+ files against the disk in [^\n]*/g, 1);
    const settledToRows = (await clickToRows(editor)).ms;
    return {
      settledToRows,
      reports: Number(filled[2]),
      focusToRows,
      focusToFilled,
      activationToFirst: first ? Number(first[1]) : null,
      reopenToRows,
      clickToActivation,
      reopenActivationToTree: Number(refilled[1]),
      reopenActivation: activated.length > 1 ? Number(activated[activated.length - 1][1]) : null,
      shown: shown[0],
      checked: checked[0],
      activationToTree: Number(filled[1]),
      scan: scan ? scan[0] : null,
      changeToUpdated,
      updateLogged: Number(m[1]),
    };
  } finally {
    await editor.close();
    removeWorkspace(workspace);
  }
}

async function scale(): Promise<void> {
  const rows: ScaleRun[] = [];
  for (let i = 0; i < Math.max(1, runsArg >= 0 ? runs : 1); i++) {
    const r = await scaleOnce();
    rows.push(r);
    process.stdout.write(
      `scale run ${i + 1}: ${r.reports} reports · focus → first rows ${r.focusToRows} ms · focus → every row ${r.focusToFilled} ms · ` +
        `activation → first rows shown ${r.activationToFirst ?? '–'} ms · activation → tree filled ${r.activationToTree} ms · ${r.scan ?? 'no scan logged'} · ` +
        `outside change → corpus updated ${r.changeToUpdated} ms (the update itself ${r.updateLogged} ms) · ` +
        `opened again: focus → first rows ${r.reopenToRows} ms · activated in ${r.reopenActivation ?? '?'} ms · activation → tree filled ${r.reopenActivationToTree} ms · ` +
        `${r.shown ?? '?'} · ${r.checked ?? '?'} · opened again, clicked once settled: focus → first rows ${r.settledToRows} ms\n`,
    );
  }
  if (process.argv.includes('--record')) {
    writeSection(
      'editor-scale',
      [
        '## Real editor, 1,000 more reports',
        '',
        `- Date: ${new Date().toISOString()}; ${cpus().length} cores; load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(', ')}`,
        '',
        'Measured by `npm run bench:editor -- --scale --record`: samples/ plus 1,000 reports of bench/scale/_workspace.ts. "Focus → first',
        'rows" runs from focusing the Reports view to its first series row: while the first scan reads the files, the series',
        'of the files read so far (shown once the scan has run 400 ms, and again every second); "focus → every row" to the',
        'view showing every report (the log\'s time of it). "Outside change" runs from writing one file to the',
        'extension\'s log of the update (the file watcher\'s delay included; polled every 100 ms). "Opened again": the same',
        'workspace after Developer: Reload Window (the Annals view closed first), from focusing the view to its first series',
        'row, clicked as soon as the window shows the Annals icon: the series come from the heads the first session stored, and',
        'each file is then checked against the disk. "Clicked once settled": opened a third time, the view clicked after the',
        'extension (activated when the editor finished starting) had read the stored heads and checked the files.',
        '',
        '| run | reports | focus → first rows | focus → every row | activation → first rows shown | activation → tree filled | scan (log) | outside change → updated | the update (log) | opened again: focus → first rows | click → activation | activation → tree filled | shown (log) | checked (log) | opened again, clicked once settled: focus → first rows |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
        ...rows.map(
          (r, i) =>
            `| ${i + 1} | ${r.reports} | ${r.focusToRows} ms | ${r.focusToFilled} ms | ${r.activationToFirst ?? '–'} ms | ${r.activationToTree ?? '?'} ms | ${r.scan ?? '?'} | ${r.changeToUpdated} ms | ${r.updateLogged ?? '?'} ms | ` +
            `${r.reopenToRows} ms | ${r.clickToActivation} ms | ${r.reopenActivationToTree} ms | ${r.shown ?? '?'} | ${r.checked ?? '?'} | ${r.settledToRows} ms |`,
        ),
        '',
      ].join('\n'),
    );
    process.stdout.write('recorded in bench/RESULTS.md\n');
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--scale')) return scale();
  const rows: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once();
    rows.push(r);
    process.stdout.write(
      `run ${i + 1}: start → report visible ${r.startToVisible} ms · click → visible ${r.clickToVisible} ms · activation → tree filled ${r.activationToTree ?? '?'} ms · ` +
        `Compare paint: first webview ${r.compareFirst} ms (page ${r.comparePage} ms), new panel ${r.compareNew} ms, re-render ${r.compareRerender} ms · ` +
        `ten years: data ready → paint ${r.tenReady} ms, command → paint ${r.tenCommand} ms, every row in ${r.tenFilled} ms later\n`,
    );
  }
  if (process.argv.includes('--record')) {
    const lines = [
      '## Real editor',
      '',
      `- Date: ${new Date().toISOString()}`,
      `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${osType()} ${release()}`,
      `- Load average at the end (1, 5, 15 min): ${loadavg()
        .map((x) => x.toFixed(1))
        .join(', ')} (the machine may be shared: compare runs made under similar load)`,
      '- Editor: code-server 4.139.1 (VS Code 1.139.1) on Node 24, Debian Chromium headless through playwright-core.',
      '',
      'Measured by `npm run bench:editor -- --record` on samples/. "Start" is the start of the run: set-up check,',
      'packaging the VSIX, installing it, starting code-server and Chromium, loading the workbench, activation and the scan.',
      '',
      '| run | start → 2017 report visible | click in Reports view → visible | activation → tree filled |',
      '|---|---|---|---|',
      ...rows.map((r, i) => `| ${i + 1} | ${r.startToVisible} ms | ${r.clickToVisible} ms | ${r.activationToTree ?? '?'} ms |`),
      '',
      'Compare, time to first paint: from the command (a CodeLens click on a chapter of the 2017 report) to the webview',
      'reporting that the render reached the screen (two animation frames after it set the content). The first webview of a',
      'session waits for code-server\'s webview host to start before our page loads; "page" is our page\'s own load to paint.',
      '',
      '| run | first webview of the session | its page: load → paint | a new panel later | re-render in the open panel (a year left out) |',
      '|---|---|---|---|---|',
      ...rows.map((r, i) => `| ${i + 1} | ${r.compareFirst} ms | ${r.comparePage} ms | ${r.compareNew} ms | ${r.compareRerender} ms |`),
      '',
      'Compare at ten years: the national reports 2010–2019 in the workspace, the 2019 task chapter (三、2019年政府工作任务) in',
      'the open panel. "Data ready" is when the extension posts the render (the alignment, the model and its HTML done);',
      'the first paint has the first 12 rows; then the further rows and the figures table go in, in chunks. Goal: data',
      'ready → paint under 300 ms.',
      '',
      '| run | data ready → first paint | command → first paint | first paint → every row in |',
      '|---|---|---|---|',
      ...rows.map((r, i) => `| ${i + 1} | ${r.tenReady} ms | ${r.tenCommand} ms | ${r.tenFilled} ms |`),
      '',
    ];
    writeSection('editor', lines.join('\n'));
    process.stdout.write('recorded in bench/RESULTS.md\n');
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:editor: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
