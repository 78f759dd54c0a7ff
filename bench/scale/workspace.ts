/**
 * The extension at scale (issue #13 items 4–6), headless: the extension's services on the fake
 * `vscode` of the unit tests (test/unit/workspace.ts), over workspaces of 1,250 to 10,000 reports
 * built by _workspace.ts, with the imports on this thread (InlineImporter). For each size:
 * - cold scan (the Reports view's first fill) and the alignment of every series, against a plain
 *   fs read loop with split('\n') of the same files;
 * - warm rescan (Refresh: findFiles and a stat per file; the imports cached), against a statSync loop;
 * - one changed file: from the watcher's event to the corpus updated, its series realigned and its
 *   Reports view node refilled (the update waits UPDATE_DELAY_MS = 50 ms for a burst of events);
 * - the heap the services retain (after a gc), per report, against the files' bytes;
 * - stored heads: the session's heads written (HeadStore), and a new session's series shown from them and then
 *   checked against the disk, against the cold scan;
 * and Compare of three years in a series of 10 to 1,000 reports (core), against split('\n') of the
 * same three reports. Growth is fitted (log-log least squares) over the sizes. Writes the section
 * "scale-corpus" of bench/RESULTS.md. Sizes: SCALE_SIZES=1250,2500,5000,10000 (default).
 * The measurements are in _workspaceRun.ts, run here under the fake vscode (test/unit/fake/register.mjs).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const inner = path.join(path.dirname(fileURLToPath(import.meta.url)), '_workspaceRun.ts');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/unit/fake/register.mjs', '--expose-gc', '--max-old-space-size=4096', inner], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
