import * as vscode from 'vscode';
import { exportRows, toCsv, toJsonl, toMarkdown, type ExportSource } from '../../core/index.ts';
import type { Services } from './services.ts';

type Format = 'csv' | 'jsonl' | 'md';

/** Export Annotations…: every annotation of the listed reports' sources, as CSV, JSON Lines or Markdown. */
export const exportAnnotations = (s: Services) => async () => {
  const sources: ExportSource[] = [];
  for (const g of await s.corpus.reportsBySource()) {
    const annotations = (await s.annotations.store(g.source)).all();
    if (!annotations.length) continue;
    sources.push({ source: vscode.workspace.asRelativePath(g.source, false), imp: await s.reports.load(g.source), annotations });
  }
  const total = sources.reduce((n, x) => n + x.annotations.length, 0);
  if (!total) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no annotations to export yet.'));
    return;
  }
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: vscode.l10n.t('a table for Excel (UTF-8 with a byte order mark)'), format: 'csv' as Format },
      { label: 'JSON Lines', description: vscode.l10n.t('W3C Web Annotations, one per line'), format: 'jsonl' as Format },
      { label: 'Markdown', description: vscode.l10n.t('a summary grouped by tag'), format: 'md' as Format },
    ],
    { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Export {0} annotations as…', total) },
  );
  if (!pick) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `annotations.${pick.format}`) : undefined,
    filters: { [pick.label]: [pick.format] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export Annotations'),
  });
  if (!target) return;
  const { codebook } = await s.annotations.codebook();
  const rows = exportRows(sources, codebook);
  const text = pick.format === 'csv' ? toCsv(rows) : pick.format === 'jsonl' ? toJsonl(rows) : toMarkdown(rows, codebook);
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.toString(true), e instanceof Error ? e.message : String(e)));
    return;
  }
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} annotations to {1}.', rows.length, vscode.workspace.asRelativePath(target, false)), open);
  if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
};
