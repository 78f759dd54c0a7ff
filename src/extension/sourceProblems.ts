/**
 * The files the scan could not read, in the Problems panel: each source file gets its one error
 * (too large, undecodable, a pipe, an import that gave up after its time budget…).
 */
import * as vscode from 'vscode';
import type { Corpus } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { localize } from './l10n.ts';

export class SourceProblems extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('annals-sources'));

  constructor(private readonly corpus: Corpus) {
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
  }
}
