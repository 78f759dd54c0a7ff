import * as vscode from 'vscode';

/** How many reports a task reads in full before it shows a notification that can be cancelled (else the status bar). */
const MANY = 200;

/**
 * Runs a task that reads `count` reports in full (read again from their files where the cache let
 * them go: Corpus.full): in the status bar, or, for many reports, as a notification with Cancel.
 * The task calls `step()` before each report; it returns false once the user cancelled.
 * Resolves to undefined when cancelled.
 */
export async function readingReports<T>(count: number, title: string, task: (step: () => boolean) => Promise<T>): Promise<T | undefined> {
  const many = count > MANY;
  return vscode.window.withProgress(
    { location: many ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title, cancellable: many },
    async (progress, token) => {
      let done = 0;
      const step = () => {
        if (token?.isCancellationRequested) return false;
        done++;
        if (many && done % 50 === 0) progress.report({ message: `${done} / ${count}`, increment: (50 / count) * 100 });
        return true;
      };
      const result = await task(step);
      return token?.isCancellationRequested ? undefined : result;
    },
  );
}
