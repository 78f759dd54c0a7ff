import * as vscode from 'vscode';
import { type Problem, problem, type Report, SOURCE_EXTENSIONS, type SourceImport } from '../../core/index.ts';
import { extensionFor, type Fetched, fallbackName, fetchSource, fileNameFor, isSummaryOnly, provenance } from '../importUrl.ts';
import { discoverySettings, importFolder } from '../settings.ts';
import { localize } from '../l10n.ts';
import { openReport } from '../open.ts';
import { diagnosticProblem, problemMessage, showProblem } from '../problems.ts';
import { isLine, isString, isUri } from './args.ts';
import type { Services } from './services.ts';

/** Open Report: a report of the Reports view, at a heading's line (the view's items pass all three). */
export const openReportCommand = (s: Services) => async (source?: vscode.Uri, id?: string, line?: number) => {
  if (!isUri(source) || !isString(id)) return; // Only the Reports view calls it, with both.
  const imp = await s.reports.load(source);
  const report = imp.reports.find((r) => r.id === id);
  if (!report) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report is no longer in {0}.', source.toString(true)));
    return;
  }
  await openReport(source, report, isLine(line) ? line : undefined);
};

/** Open Report Source… (any file, through a dialog) and Open as Report (a file of the Explorer). */
export const openSource = (s: Services) => async (arg?: vscode.Uri) => {
  const active = vscode.window.activeTextEditor?.document;
  let source = isUri(arg) ? arg : active && isRawSource(active) ? active.uri : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Open as Report'),
      filters: { [vscode.l10n.t('Reports')]: [...SOURCE_EXTENSIONS], [vscode.l10n.t('All files')]: ['*'] },
    });
    source = picked?.[0];
  }
  if (!source) return;
  const imp = await s.reports.load(source);
  if (!imp.reports.length) {
    const error = imp.diagnostics.find((d) => d.severity === 'error');
    const name = source.toString(true);
    const problem = error && diagnosticProblem(error);
    if (problem) void showProblem(problem, (why) => vscode.l10n.t('{0}: {1}', name, why));
    else void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', name, error ? localize(error) : vscode.l10n.t('no report was found in it.')));
    return;
  }
  let report = imp.reports[0];
  if (imp.reports.length > 1) {
    const pick = await vscode.window.showQuickPick(
      imp.reports.map((r) => ({ label: r.year !== null ? String(r.year) : '—', description: r.title, report: r })),
      { placeHolder: vscode.l10n.t('{0} reports in this file: pick one', imp.reports.length) },
    );
    if (!pick) return;
    report = pick.report;
  }
  await openReport(source, report);
};

/** Refresh: scan the workspace again. */
export const refreshReports = (s: Services) => () => s.corpus.refresh();

/** Whether a document is a report source opened as a plain file (not the report document). */
export function isRawSource(doc: vscode.TextDocument): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(doc.uri.path)?.[1]?.toLowerCase();
  return doc.uri.scheme !== 'annals' && ext !== undefined && SOURCE_EXTENSIONS.includes(ext);
}

/** The longest run of letters and CJK in a raw line (tags and entities removed): what to look for in the report's paragraphs. */
export function rawLineProbe(line: string): string {
  const text = line.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
  let best = '';
  for (const m of text.matchAll(/[\p{L}\p{N}\u3001-\u303f\uff01-\uffef，。、；：“”‘’（）《》]+/gu)) if (m[0].length > best.length) best = m[0];
  return best.length >= 4 ? best : '';
}

/**
 * Tag Paragraph in a raw source file: tags live on the report document, so offer to open it there,
 * at the paragraph that holds the cursor's line when it can be found.
 */
export async function offerReportForRawSource(s: Services, editor: vscode.TextEditor): Promise<void> {
  const open = vscode.l10n.t('Open as Report');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('This is the source file of a report. Tags go on the report document: open it as a report?'),
    open,
  );
  if (choice !== open) return;
  const source = editor.document.uri;
  const imp = await s.reports.load(source);
  if (!imp.reports.length) return openSource(s)(source);
  const probe = rawLineProbe(editor.document.lineAt(editor.selection.active.line).text);
  for (const report of imp.reports) {
    const p = probe ? report.paragraphs.find((x) => x.text.includes(probe)) : undefined;
    if (p) {
      await openReport(source, report, p.line);
      return;
    }
  }
  await openSource(s)(source);
}

/** Why an import holds no report: its error as a problem, or the plain “no report was found in it”. */
function noReportAt(url: string, imp: SourceImport): Problem {
  const error = imp.diagnostics.find((d) => d.severity === 'error');
  const why = error && diagnosticProblem(error);
  return problem('noReportAt', [url, why ?? (error ? localize(error) : vscode.l10n.t('no report was found in it.'))]);
}

/**
 * Saves fetched bytes under the import folder with their provenance beside them. A file of that name
 * with the same bytes is reused; with other bytes, the user chooses to replace it or keep both.
 * Undefined: the user cancelled.
 */
async function saveFetched(dir: vscode.Uri, name: string, fetched: Fetched, extra: Record<string, unknown> = {}): Promise<vscode.Uri | undefined> {
  await vscode.workspace.fs.createDirectory(dir);
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  const ext = name.slice(dot);
  let target = vscode.Uri.joinPath(dir, name);
  const existing = await vscode.workspace.fs.readFile(target).then(
    (b) => b,
    () => null,
  );
  if (existing) {
    if (existing.length === fetched.bytes.length && existing.every((b, i) => b === fetched.bytes[i])) return target;
    const replace = vscode.l10n.t('Replace');
    const both = vscode.l10n.t('Keep Both');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists with other content.', vscode.workspace.asRelativePath(target, false)),
      { modal: true },
      replace,
      both,
    );
    if (choice === undefined) return undefined;
    if (choice === both) {
      for (let n = 2; ; n++) {
        target = vscode.Uri.joinPath(dir, `${stem}-${n}${ext}`);
        const taken = await vscode.workspace.fs.stat(target).then(
          () => true,
          () => false,
        );
        if (!taken) break;
      }
    }
  }
  await vscode.workspace.fs.writeFile(target, fetched.bytes);
  await vscode.workspace.fs.writeFile(
    target.with({ path: `${target.path}.provenance.json` }),
    new TextEncoder().encode(provenance(fetched, new Date(), extra)),
  );
  return target;
}

/** Opens the first report of a saved file (the one whose title and year match, when there are several). */
async function openSaved(s: Services, uri: vscode.Uri, like: Pick<Report, 'title' | 'year'>): Promise<void> {
  const imp = await s.reports.load(uri);
  const report = imp.reports.find((r) => r.title === like.title && r.year === like.year) ?? imp.reports[0];
  if (report) await openReport(uri, report);
}

/**
 * Annals: Import Report from URL…: a page or a feed address. A page is saved and opened; for a
 * feed, the user picks items, and each item's page is fetched when the item has only a summary.
 */
export const importFromUrl = (s: Services) => async (arg?: string) => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: imported reports are saved in the workspace.'));
    return;
  }
  const title = vscode.l10n.t('Import Report from URL');
  const url = isString(arg)
    ? arg
    : await vscode.window.showInputBox({
        title,
        prompt: vscode.l10n.t('The address of a report page or of a feed (http or https).'),
        placeHolder: 'https://',
        ignoreFocusOut: true,
        validateInput: (v) => (!v || /^https?:\/\/\S+$/i.test(v.trim()) ? undefined : vscode.l10n.t('Not an http or https address: {0}', v)),
      });
  if (!url) return;
  const { maxBytes } = discoverySettings();
  const dir = vscode.Uri.joinPath(folder.uri, ...importFolder().split('/').filter(Boolean));
  const got = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Fetching {0}…', url.trim()) }, () =>
    fetchSource(url.trim(), { maxBytes }),
  );
  if (!got.ok) {
    void showProblem(got.problem);
    return;
  }
  const page = got.value;
  const imp = await s.reports.importBytes(page.finalUrl, page.bytes, { maxBytes });
  if (imp.format !== 'rss' && imp.format !== 'atom') {
    if (!imp.reports.length) {
      void showProblem(noReportAt(page.finalUrl, imp));
      return;
    }
    const report = imp.reports[0];
    const saved = await saveFetched(dir, fileNameFor(report, fallbackName(page.finalUrl), extensionFor(imp, page.headers['content-type'])), page);
    if (saved) await openSaved(s, saved, report);
    return;
  }
  // A feed: pick the items.
  if (!imp.reports.length) {
    void showProblem(noReportAt(page.finalUrl, imp));
    return;
  }
  const picks = await vscode.window.showQuickPick(
    imp.reports.map((r) => ({
      label: r.title,
      description: [r.year ?? '', r.published?.slice(0, 10) ?? ''].filter(Boolean).join(' · '),
      picked: true,
      report: r,
    })),
    { title, placeHolder: vscode.l10n.t('{0} items in this feed: pick the reports to import', imp.reports.length), canPickMany: true, ignoreFocusOut: true },
  );
  if (!picks?.length) return;
  const opened: { uri: vscode.Uri; report: Report }[] = [];
  const failures: string[] = [];
  let feedSaved: vscode.Uri | undefined;
  for (const { report } of picks) {
    if (!isSummaryOnly(report) || !report.link) {
      feedSaved ??= await saveFetched(dir, fileNameFor(null, fallbackName(page.finalUrl), 'xml'), page);
      if (feedSaved) opened.push({ uri: feedSaved, report });
      continue;
    }
    const link = new URL(report.link, page.finalUrl).toString();
    const item = await fetchSource(link, { maxBytes });
    if (!item.ok) {
      failures.push(problemMessage(item.problem));
      continue;
    }
    const itemImp = await s.reports.importBytes(item.value.finalUrl, item.value.bytes, { maxBytes });
    const found = itemImp.reports[0];
    if (!found) {
      failures.push(problemMessage(noReportAt(item.value.finalUrl, itemImp)));
      continue;
    }
    const saved = await saveFetched(
      dir,
      fileNameFor(found, fallbackName(item.value.finalUrl), extensionFor(itemImp, item.value.headers['content-type'])),
      item.value,
      { feed: page.finalUrl },
    );
    if (saved) opened.push({ uri: saved, report: found });
  }
  if (failures.length)
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} of {1} items could not be imported: {2}', failures.length, picks.length, failures[0]));
  if (opened.length) {
    await openSaved(s, opened[0].uri, opened[0].report);
    void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0} reports into {1}.', opened.length, vscode.workspace.asRelativePath(dir, false)));
  }
};
