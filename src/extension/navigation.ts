import * as vscode from 'vscode';
import { counterpart, flattenOutline, type ChapterRef, type Direction, type OutlineNode, type Report, type SectionRef } from '../core/index.ts';
import { chapterAt, type AlignmentService } from './alignment.ts';
import type { Located } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { headingLabel } from './l10n.ts';
import { openReport } from './open.ts';
import { LANGUAGE } from './reportUri.ts';

/** A chapter named by the command's argument or by the cursor. */
export interface ChapterTarget extends Located {
  chapter: OutlineNode;
}

/**
 * What the chapter commands accept: a node of the Reports view, a CodeLens's argument
 * ({ source, id, line }), or nothing (the chapter under the cursor of the active report editor).
 */
export async function resolveChapter(alignment: AlignmentService, arg: unknown): Promise<ChapterTarget | string> {
  const aligned = await alignment.get();
  let located: Located | undefined;
  let line: number | undefined;
  const a = arg as { type?: string; source?: unknown; report?: Report; id?: unknown; node?: OutlineNode; line?: unknown } | undefined;
  if (a && a.type === 'heading' && a.source instanceof vscode.Uri && a.report && a.node) {
    located = aligned.find(a.source, a.report.id);
    line = a.node.line;
  } else if (a && (typeof a.source === 'string' || a.source instanceof vscode.Uri) && typeof a.id === 'string' && typeof a.line === 'number') {
    located = aligned.find(a.source, a.id);
    line = a.line;
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE) return vscode.l10n.t('Open a report and put the cursor in a chapter first.');
    located = await alignment.locateDocument(editor.document.uri);
    line = editor.selection.active.line;
  }
  if (!located || line === undefined) return vscode.l10n.t('This report is not among the reports of the workspace.');
  const chapter = chapterAt(located.report, line);
  if (!chapter) return vscode.l10n.t('The cursor is not in a chapter.');
  return { ...located, chapter };
}

function describe(ref: ChapterRef | SectionRef): string {
  return `${ref.report.year ?? '?'} ${headingLabel(ref.node)}`;
}

/** Go to Same Chapter in Previous/Next Year: the linked chapter, or say so and offer the closest. */
export async function gotoYear(alignment: AlignmentService, direction: Direction, arg: unknown): Promise<void> {
  const target = await resolveChapter(alignment, arg);
  if (typeof target === 'string') {
    void vscode.window.showInformationMessage(target);
    return;
  }
  const aligned = await alignment.get();
  const result = counterpart(aligned.alignment, target.report, target.chapter, direction);
  const open = async (ref: ChapterRef | SectionRef) => {
    const source = aligned.sourceOf.get(ref.report);
    if (source) await openReport(source, ref.report, ref.node.line);
  };
  if (result.target) {
    await open(result.target);
    return;
  }
  if (!result.report) {
    void vscode.window.showInformationMessage(
      direction === 'previous'
        ? vscode.l10n.t('{0} is the earliest report of its series.', String(target.report.year ?? target.report.title))
        : vscode.l10n.t('{0} is the latest report of its series.', String(target.report.year ?? target.report.title)),
    );
    return;
  }
  const year = String(result.report.year ?? '?');
  const title = vscode.l10n.t('No counterpart of “{0}” in {1}.', headingLabel(target.chapter), year);
  if (!result.candidates.length) {
    void vscode.window.showInformationMessage(title);
    return;
  }
  const pick = await vscode.window.showQuickPick(
    result.candidates.map((c) => ({ label: describe(c.ref), description: vscode.l10n.t('similarity {0}', c.score.toFixed(2)), ref: c.ref })),
    { title, placeHolder: vscode.l10n.t('The closest chapters in {0}: pick one to open it anyway', year) },
  );
  if (pick) await open(pick.ref);
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
    const series = aligned.alignment.series.find((s) => s.reports.includes(located.report));
    const lenses: vscode.CodeLens[] = [];
    for (const { node } of flattenOutline(located.report.outline)) {
      if (node.kind !== 'chapter' || node.line >= doc.lineCount) continue;
      const range = new vscode.Range(node.line, 0, node.line, 0);
      const arg = { source: located.source.toString(), id: located.report.id, line: node.line };
      if (series) {
        for (const direction of ['previous', 'next'] as const) {
          const c = counterpart(aligned.alignment, located.report, node, direction);
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
      lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Compare'), tooltip: vscode.l10n.t('Compare this chapter across the years'), command: 'annals.compareChapter', arguments: [arg] }));
    }
    return lenses;
  }
}
