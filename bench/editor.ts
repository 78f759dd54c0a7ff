/**
 * `npm run bench:editor`: timings in the real editor (code-server + Chromium), per run:
 *   - start → report visible: from starting the run (set-up check, packaging, server, browser,
 *     workbench, activation, scan) to the 2017 Nanhai report's text being on screen;
 *   - click → report visible: from the click on "2017" in the Reports view;
 *   - activation → tree filled: from the extension's activation to the Reports view's first
 *     children, as the extension logs it ("Reports view filled … ms after activation").
 * `--runs N` (default 3); `--record` appends the table to bench/RESULTS.md.
 */
import { cpus, release, type as osType } from 'node:os';
import { extensionLog, makeWorkspace, openEditor, removeWorkspace } from '../test/e2e/harness.ts';
import { writeSection } from './results.ts';
import { clickTreeRow, openReportsView, waitForViewText } from '../test/e2e/workbench.ts';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;

interface Run {
  startToVisible: number;
  clickToVisible: number;
  activationToTree: number | null;
}

async function once(): Promise<Run> {
  const start = Date.now();
  const workspace = makeWorkspace();
  const editor = await openEditor({ workspace });
  try {
    await openReportsView(editor.page);
    const clicked = Date.now();
    await clickTreeRow(editor.page, (r) => r.level === 2 && r.label === '2017');
    await waitForViewText(editor.page, '佛山市南海区人民政府2017年度法治政府建设工作报告');
    const visible = Date.now();
    const m = /Reports view filled (\d+) ms after activation/.exec(extensionLog(editor.server));
    return { startToVisible: visible - start, clickToVisible: visible - clicked, activationToTree: m ? Number(m[1]) : null };
  } finally {
    await editor.close();
    removeWorkspace(workspace);
  }
}

async function main(): Promise<void> {
  const rows: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once();
    rows.push(r);
    process.stdout.write(`run ${i + 1}: start → report visible ${r.startToVisible} ms · click → visible ${r.clickToVisible} ms · activation → tree filled ${r.activationToTree ?? '?'} ms\n`);
  }
  if (process.argv.includes('--record')) {
    const lines = [
      '## Real editor',
      '',
      `- Date: ${new Date().toISOString()}`,
      `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${osType()} ${release()}`,
      '- Editor: code-server 4.139.1 (VS Code 1.139.1) on Node 24, Debian Chromium headless through playwright-core.',
      '',
      'Measured by `npm run bench:editor -- --record` on samples/. "Start" is the start of the run: set-up check,',
      'packaging the VSIX, installing it, starting code-server and Chromium, loading the workbench, activation and the scan.',
      '',
      '| run | start → 2017 report visible | click in Reports view → visible | activation → tree filled |',
      '|---|---|---|---|',
      ...rows.map((r, i) => `| ${i + 1} | ${r.startToVisible} ms | ${r.clickToVisible} ms | ${r.activationToTree ?? '?'} ms |`),
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
