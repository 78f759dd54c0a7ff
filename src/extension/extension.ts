import * as vscode from 'vscode';
import { AlignmentService } from './alignment.ts';
import { registerCommands } from './commands.ts';
import { ComparePanels } from './comparePanel.ts';
import { ChapterLenses } from './navigation.ts';
import { AnnotationService } from './annotations.ts';
import { AnnotationDecorations, AnnotationHover, AnnotationStatus } from './annotationDecorations.ts';
import { chipProvider } from './chips.ts';
import { AnnotationsView, chapterCounts } from './annotationsView.ts';
import { Disposable } from './disposable.ts';
import { ReportDocuments } from './documents.ts';
import { HEADING_LEGEND, HeadingTokens, ReportFolding, ReportProblems, ReportSymbols, SELECTOR } from './language.ts';
import { ReportService } from './reportService.ts';
import { ReportsTree } from './reportsTree.ts';
import { SCHEME } from './reportUri.ts';

/** Everything the extension owns, built on activation and disposed once on deactivation. */
class Extension extends Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly tree: ReportsTree;

  constructor(context: vscode.ExtensionContext, activatedAt: number) {
    super();
    const log = this.register(vscode.window.createOutputChannel('Annals', { log: true }));
    this.log = log;
    const reports = this.register(new ReportService());
    const documents = this.register(new ReportDocuments(reports));
    const tree = this.register(new ReportsTree(reports, log, activatedAt));
    this.tree = tree;
    const alignment = this.register(new AlignmentService(tree));
    const annotations = this.register(new AnnotationService(log));
    const compare = this.register(new ComparePanels(context.extensionUri, alignment, chipProvider(alignment, annotations), log));
    this.register(annotations.onDidChange(() => compare.refresh()));
    const annotationsView = this.register(new AnnotationsView(tree, annotations));
    tree.counter = async (source, report) => chapterCounts(await annotations.placement(source, report), report);
    this.register(annotations.onDidChange(() => tree.refreshCounts()));
    const services = { reports, documents, tree, alignment, compare, annotations, annotationsView, memento: context.globalState };

    this.register(vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents));
    this.register(vscode.window.createTreeView('annals.reports', { treeDataProvider: tree, showCollapseAll: true }));
    this.register(new ReportProblems(documents, reports));
    this.register(vscode.languages.registerDocumentSymbolProvider(SELECTOR, new ReportSymbols(documents), { label: 'Annals' }));
    this.register(vscode.languages.registerFoldingRangeProvider(SELECTOR, new ReportFolding(documents)));
    this.register(vscode.languages.registerDocumentSemanticTokensProvider(SELECTOR, new HeadingTokens(documents), HEADING_LEGEND));
    this.register(vscode.languages.registerCodeLensProvider(SELECTOR, this.register(new ChapterLenses(alignment))));
    this.register(new AnnotationDecorations(annotations, documents));
    this.register(new AnnotationStatus(annotations, documents));
    this.register(vscode.languages.registerHoverProvider(SELECTOR, new AnnotationHover(annotations, documents)));
    for (const d of registerCommands(services)) this.register(d);
  }
}

let extension: Extension | undefined;

export function activate(context: vscode.ExtensionContext) {
  const t0 = Date.now();
  const root = new Extension(context, t0);
  extension = root;
  context.subscriptions.push(root);
  const activatedIn = Date.now() - t0;
  root.log.info(`Activated in ${activatedIn} ms.`);
  return {
    /** For tests and the bench: activation time and the last scan. */
    stats: () => ({ activatedIn, lastScan: root.tree.lastScan }),
  };
}

export function deactivate() {
  extension?.dispose();
  extension = undefined;
}
