/**
 * The Problems panel for the corpus: the files the scan could not read, each with its one error
 * (too large, undecodable, a pipe, an import that gave up after its time budget…); and what the
 * grouping into series has to say: a copy of a report that is not used, a report with no year,
 * a correction of .annals/corpus.json whose report or series has gone (on that file).
 */
import * as vscode from 'vscode';
import { CORPUS_PATH } from '../core/index.ts';
import type { Corpus } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { localize } from './l10n.ts';
import { problemMessage } from './problems.ts';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

export class SourceProblems extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('annals-sources'));
  private readonly series = this.register(vscode.languages.createDiagnosticCollection('annals-series'));

  constructor(private readonly corpus: Pick<Corpus, 'failures' | 'grouping' | 'onDidChange'>) {
    super();
    this.register(corpus.onDidChange(() => void this.publish()));
  }

  private async publish(): Promise<void> {
    const failures = await this.corpus.failures();
    this.collection.clear();
    for (const f of failures) {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), localize(f.diagnostic), vscode.DiagnosticSeverity.Error);
      d.source = 'Annals';
      this.collection.set(f.source, [d]);
    }
    const { problems } = await this.corpus.grouping();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const p of problems) {
      // A correction whose report or series has gone concerns .annals/corpus.json.
      const uri = p.source ?? (folder && vscode.Uri.joinPath(folder, CORPUS_PATH));
      if (!uri) continue;
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), problemMessage(p.problem), SEVERITY[p.severity]);
      d.source = 'Annals';
      const g = byUri.get(uri.toString());
      if (g) g.list.push(d);
      else byUri.set(uri.toString(), { uri, list: [d] });
    }
    this.series.clear();
    for (const { uri, list } of byUri.values()) this.series.set(uri, list);
  }
}
