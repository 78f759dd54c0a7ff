/**
 * Memos: the analysts' Markdown notes, kept in git with the workspace.
 *
 * - a report memo: `.annals/memos/reports/<report id> <issuer>.md` (`<report id>.md` for a report with no
 *   issuer, and every report memo as Annals 0.1 wrote it: still read, see reportMemoKeys);
 * - a project memo: any `.annals/memos/<name>.md` (top level);
 * - a code memo: the `memo` field of a tag in the codebook (codebook.ts).
 */

const MEMO_FOLDER = '.annals/memos';
const REPORT_MEMO_FOLDER = `${MEMO_FOLDER}/reports`;

/** The project memos (by file name without `.md`, sorted) and the report memos by their file name without `.md` (reportMemoKeys). */
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
  /** A report memo by its key (reportMemoKeys). */
  report: (key: string) => `${REPORT_MEMO_FOLDER}/${memoFileName(key)}.md`,
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

/** What names a report for its memo: its id, and the issuer as read (two files may hold reports of one id: a title with no issuer's name, 政府工作报告, and one year). */
export interface MemoReport {
  id: string;
  issuer: string | null;
}

/**
 * The keys a report's memo may be under, the one a new memo takes first: `<report id> <issuer>` (a
 * report id is made from the title and year, so the 2026 政府工作报告 of two provinces share one), then
 * `<report id>` (a report with no issuer; and every report memo as Annals 0.1 wrote it, read while its
 * report has no memo of its own).
 */
export function reportMemoKeys(report: MemoReport): string[] {
  const issuer = report.issuer?.trim();
  return issuer ? [memoFileName(`${report.id} ${issuer}`), memoFileName(report.id)] : [memoFileName(report.id)];
}

/** A report's memo: under its own key, else under its id alone (never a property of Object.prototype). */
export function memoOfReport(reports: Readonly<Record<string, string>> | undefined, report: MemoReport): string | undefined {
  if (!reports) return undefined;
  for (const k of reportMemoKeys(report)) if (Object.hasOwn(reports, k)) return reports[k];
  return undefined;
}

/**
 * Which memo file **Open Report Memo** opens, and the text a new one starts with: the report's own
 * memo when there is one; else a memo under its id alone when no other report of the workspace has
 * that id (`shared` false: the memo is this report's); else a new memo of its own, which starts
 * with the text of a memo under the shared id when there is one (that memo was written for one of
 * them: it is copied, never lost, and stays where it is).
 */
export function reportMemoTarget(memos: Memos, report: MemoReport, shared: boolean, heading: string): { path: string; seed: string } {
  const [own, bare] = reportMemoKeys(report);
  if (Object.hasOwn(memos.reports, own) || bare === undefined) return { path: memoPaths.report(own), seed: heading };
  const legacy = Object.hasOwn(memos.reports, bare) ? memos.reports[bare] : undefined;
  if (legacy !== undefined && !shared) return { path: memoPaths.report(bare), seed: heading };
  return { path: memoPaths.report(own), seed: legacy ?? heading };
}

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
