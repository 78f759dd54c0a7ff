import * as vscode from 'vscode';
import { parseReportUri } from '../reportUri.ts';
import { isSeriesNode, type SeriesNode } from './args.ts';
import type { Services } from './services.ts';

/**
 * Annals: Show Trends: the series of a Reports view node, else the series of the report in the
 * editor, else the one series of the workspace, else a pick among the series.
 */
export const showTrends =
  (s: Services) =>
  async (arg?: SeriesNode): Promise<void> => {
    const { series, seriesOf } = await s.corpus.grouping();
    if (!series.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No series of reports in this workspace yet: trends need reports with a year.'));
      return;
    }
    let key: string | undefined = isSeriesNode(arg) ? arg.key : undefined;
    const editor = vscode.window.activeTextEditor;
    const ref = !key && editor ? parseReportUri(editor.document.uri) : null;
    if (ref) {
      // The report of the editor as the corpus holds it (its head: the document's own report object is another).
      const located = await s.alignment.locateDocument(editor!.document.uri);
      key = located ? seriesOf.get(located.report) : undefined;
    }
    if (!key && series.length === 1) key = series[0].key;
    if (!key) {
      const pick = await vscode.window.showQuickPick(
        series.map((g) => ({ label: g.label, description: vscode.l10n.t('{0} years', g.reports.length), key: g.key })),
        { title: vscode.l10n.t('Show Trends'), placeHolder: vscode.l10n.t('Which series?') },
      );
      key = pick?.key;
    }
    if (key) await s.trends?.show({ series: key, tags: null, terms: [], figure: '' });
  };
