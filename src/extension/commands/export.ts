import * as vscode from 'vscode';
import { EXPORTERS, exporterFor, exportRows, type ExportSource } from '../../core/index.ts';
import { exportBytes } from '../../host/exportBytes.ts';
import { isExportRequest } from './args.ts';
import type { Services } from './services.ts';

/**
 * Export Annotations…: every annotation of the listed reports' sources (the shared sidecar and
 * every coder's own, each row with its coder), with the project's coders and memos, in a format of
 * the core's exporter registry. The Agreement panel calls it with a request: the format (xlsx),
 * its reports and the agreement it computed.
 */
export const exportAnnotations = (s: Services) => async (arg?: unknown) => {
  const request = isExportRequest(arg) ? arg : undefined;
  const onlySources = request?.sources ? new Set(request.sources) : undefined;
  const onlyReports = request?.reports ? new Set(request.reports) : undefined;
  const sources: ExportSource[] = [];
  // Sidecars that cannot be read: their annotations cannot be exported, and the user is told which.
  const unreadable: string[] = [];
  // The series as the Reports view groups them (the corrections of .annals/corpus.json applied).
  const { seriesOf } = await s.corpus.grouping();
  for (const g of await s.corpus.reportsBySource()) {
    if (onlySources && !onlySources.has(g.source.toString())) continue;
    for (const st of await s.annotations.storesOf(g.source))
      if (st.error) unreadable.push(vscode.workspace.asRelativePath(vscode.Uri.parse(st.path, true), false));
    const annotations = (await s.annotations.annotationsOf(g.source, false)).filter((a) => !onlyReports || onlyReports.has(a.report));
    if (!annotations.length) continue;
    const series: Record<string, string> = {};
    for (const r of g.reports) {
      const key = seriesOf.get(r);
      if (key !== undefined) series[r.id] = key;
    }
    const imp = await s.reports.load(g.source);
    sources.push({
      source: vscode.workspace.asRelativePath(g.source, false),
      imp: onlyReports ? { ...imp, reports: imp.reports.filter((r) => onlyReports.has(r.id)) } : imp,
      annotations,
      series,
    });
  }
  const total = sources.reduce((n, x) => n + x.annotations.length, 0);
  if (!total) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no annotations to export yet.'));
    return;
  }
  const asked = request ? exporterFor(request.format) : undefined;
  const pick = asked
    ? { label: asked.label, exporter: asked }
    : await vscode.window.showQuickPick(
        // The descriptions are the core's English, used as l10n keys.
        EXPORTERS.map((exporter) => ({ label: exporter.label, description: vscode.l10n.t(exporter.description), exporter })),
        { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Export {0} annotations as…', total) },
      );
  if (!pick) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = request?.agreement ? 'agreement' : 'annotations';
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.${pick.exporter.extension}`) : undefined,
    filters: { [pick.label]: [pick.exporter.extension] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export Annotations'),
  });
  if (!target) return;
  const { codebook } = await s.annotations.codebook();
  const rows = exportRows(sources, codebook);
  const projectName = vscode.workspace.workspaceFolders?.[0]?.name;
  // The coders of .annals/project.json (QDPX Users, the XLSX coders sheet) and the memos of .annals/memos/.
  const { coders } = (await s.project.read()).project;
  const memos = await s.memos.all();
  try {
    const bytes = await exportBytes(
      pick.exporter.render(rows, codebook, { sources, projectName, coders, memos, ...(request?.agreement ? { agreement: request.agreement } : {}) }),
    );
    await vscode.workspace.fs.writeFile(target, bytes);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.toString(true), e instanceof Error ? e.message : String(e)));
    return;
  }
  if (unreadable.length)
    void vscode.window.showWarningMessage(
      vscode.l10n.t('These sidecars cannot be read, and their annotations are not in the export: {0}', unreadable.join(', ')),
    );
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
