/**
 * Memos: the analysts' Markdown notes, kept in git with the workspace.
 *
 * - a report memo: `.annals/memos/reports/<report id>.md`;
 * - a project memo: any `.annals/memos/<name>.md` (top level);
 * - a code memo: the `memo` field of a tag in the codebook (codebook.ts).
 */

const MEMO_FOLDER = '.annals/memos';
const REPORT_MEMO_FOLDER = `${MEMO_FOLDER}/reports`;

/** The project memos (by file name without `.md`, sorted) and the report memos by report id. */
export interface Memos {
  project: { name: string; text: string }[];
  reports: Record<string, string>;
}

/** A name as a file name: characters a file system refuses (`/ \ : * ? " < > |`, controls) made `-`; `memo` when nothing is left. */
function memoFileName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  return safe || 'memo';
}

/** Where memos are, relative to the workspace folder. */
export const memoPaths = {
  folder: MEMO_FOLDER,
  reportsFolder: REPORT_MEMO_FOLDER,
  /** A report's memo. */
  report: (reportId: string) => `${REPORT_MEMO_FOLDER}/${memoFileName(reportId)}.md`,
  /** A project memo of that name. */
  project: (name: string) => `${MEMO_FOLDER}/${memoFileName(name)}.md`,
  /**
   * What a workspace-relative path is: a report memo (with the report id), a project memo (with
   * its name), or null (not a memo).
   */
  kind(relPath: string): { kind: 'report'; report: string } | { kind: 'project'; name: string } | null {
    const p = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
    const r = new RegExp(`^${REPORT_MEMO_FOLDER.replace(/\./g, '\\.')}/([^/]+)\\.md$`, 'i').exec(p);
    if (r) return { kind: 'report', report: r[1] };
    const m = new RegExp(`^${MEMO_FOLDER.replace(/\./g, '\\.')}/([^/]+)\\.md$`, 'i').exec(p);
    return m ? { kind: 'project', name: m[1] } : null;
  },
};

/** The memos of a workspace, from its memo files (workspace-relative paths and their text); other files are ignored. */
export function collectMemos(files: readonly { path: string; text: string }[]): Memos {
  const memos: Memos = { project: [], reports: {} };
  for (const f of files) {
    const k = memoPaths.kind(f.path);
    if (k?.kind === 'report') memos.reports[k.report] = f.text;
    else if (k?.kind === 'project') memos.project.push({ name: k.name, text: f.text });
  }
  memos.project.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return memos;
}

/** The first line of a memo with text, for a hover or a tree row (at most `max` characters). */
export function memoExcerpt(text: string, max = 80): string {
  const line =
    text
      .split(/\r?\n/)
      .map((l) => l.replace(/^#+\s*/, '').trim())
      .find((l) => l) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
