import * as vscode from 'vscode';
import { EXPORTERS, exportRows, type ExportSource } from '../../core/index.ts';
import { exportBytes } from '../../host/exportBytes.ts';
import type { Services } from './services.ts';

/** Export Annotations…: every annotation of the listed reports' sources, in a format of the core's exporter registry. */
export const exportAnnotations = (s: Services) => async () => {
  const sources: ExportSource[] = [];
  // The series as the Reports view groups them (the corrections of .annals/corpus.json applied).
  const { seriesOf } = await s.corpus.grouping();
  for (const g of await s.corpus.reportsBySource()) {
    const annotations = (await s.annotations.store(g.source)).all();
    if (!annotations.length) continue;
    const series: Record<string, string> = {};
    for (const r of g.reports) {
      const key = seriesOf.get(r);
      if (key !== undefined) series[r.id] = key;
    }
    sources.push({ source: vscode.workspace.asRelativePath(g.source, false), imp: await s.reports.load(g.source), annotations, series });
  }
  const total = sources.reduce((n, x) => n + x.annotations.length, 0);
  if (!total) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no annotations to export yet.'));
    return;
  }
  const pick = await vscode.window.showQuickPick(
    // The descriptions are the core's English, used as l10n keys.
    EXPORTERS.map((exporter) => ({ label: exporter.label, description: vscode.l10n.t(exporter.description), exporter })),
    { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Export {0} annotations as…', total) },
  );
  if (!pick) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `annotations.${pick.exporter.extension}`) : undefined,
    filters: { [pick.label]: [pick.exporter.extension] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export Annotations'),
  });
  if (!target) return;
  const { codebook } = await s.annotations.codebook();
  const rows = exportRows(sources, codebook);
  const projectName = vscode.workspace.workspaceFolders?.[0]?.name;
  try {
    const bytes = await exportBytes(pick.exporter.render(rows, codebook, { sources, projectName }));
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.toString(true), e instanceof Error ? e.message : String(e)));
    return;
  }
  const open = vscode.l10n.t('Open');
  const left = pick.exporter.leftOut?.(rows) ?? 0;
  const where = vscode.workspace.asRelativePath(target, false);
  const choice = await vscode.window.showInformationMessage(
    left
      ? vscode.l10n.t(
          'Exported {0} annotations to {1}; {2} that need review or are orphans were left out (no place in the text).',
          rows.length - left,
          where,
          left,
        )
      : vscode.l10n.t('Exported {0} annotations to {1}.', rows.length, where),
    open,
  );
  if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
};
