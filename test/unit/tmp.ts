/**
 * Temporary folders for the tests, removed when the test file's process exits (each test file runs in its own
 * process), so that a run leaves nothing behind in the system's temporary folder, even when a test fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

process.once('exit', () => {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder still held open is left to the system.
    }
  }
});

/** A new empty folder `annals-<prefix>-XXXXXX` under the system's temporary folder. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `annals-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes `dir`, made by the test itself next to a temporary folder, when the process exits. */
export function removeAtExit(dir: string): string {
  made.push(dir);
  return dir;
}
