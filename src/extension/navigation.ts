import * as vscode from 'vscode';
import { counterpart, flattenOutline, type ChapterRef, type SectionRef } from '../core/index.ts';
import type { AlignmentService } from './alignment.ts';
import type { ChapterLensArg } from './commands/args.ts';
import { Disposable } from './disposable.ts';
import { headingLabel } from './l10n.ts';

/** A linked chapter or section as the year navigation names it: `2017 三、…`. */
export function describe(ref: ChapterRef | SectionRef): string {
  return `${ref.report.year ?? '?'} ${headingLabel(ref.node)}`;
}

/** `◀ 2016 · 2018 ▶ · Compare` on each chapter heading of a report document. */
export class ChapterLenses extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly alignment: AlignmentService) {
    super();
    this.register(alignment.onDidChange(() => this.changed.fire()));
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const located = await this.alignment.locateDocument(doc.uri);
    if (!located) return [];
    const aligned = await this.alignment.get();
    // The report's own series, aligned when first asked for.
    const al = await aligned.of(located.report);
    const report = al && aligned.member(al, located.report);
    const lenses: vscode.CodeLens[] = [];
    for (const { node } of flattenOutline(located.report.outline)) {
      if (node.kind !== 'chapter' || node.line >= doc.lineCount) continue;
      const range = new vscode.Range(node.line, 0, node.line, 0);
      const arg: ChapterLensArg = { source: located.source.toString(), id: located.report.id, line: node.line };
      if (report && al) {
        for (const direction of ['previous', 'next'] as const) {
          const c = counterpart(al, report, node, direction);
          if (!c.report) continue;
          const year = String(c.report.year ?? '?');
          const label = direction === 'previous' ? `◀ ${year}` : `${year} ▶`;
          lenses.push(
            new vscode.CodeLens(range, {
              title: c.target ? label : vscode.l10n.t('{0} (no counterpart)', label),
              tooltip: c.target ? describe(c.target) : vscode.l10n.t('No counterpart of “{0}” in {1}.', headingLabel(node), year),
              command: direction === 'previous' ? 'annals.gotoPreviousYear' : 'annals.gotoNextYear',
              arguments: [arg],
            }),
          );
        }
      }
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Compare'),
          tooltip: vscode.l10n.t('Compare this chapter across the years'),
          command: 'annals.compareChapter',
          arguments: [arg],
        }),
      );
    }
    return lenses;
  }
}
