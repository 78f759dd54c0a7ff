import * as vscode from 'vscode';
import { AlignmentService } from './alignment.ts';
import { registerCommands } from './commands.ts';
import { ComparePanels } from './comparePanel.ts';
import { ChapterLenses } from './navigation.ts';
import { AnnotationService } from './annotations.ts';
import { AnnotationDecorations, AnnotationHover, AnnotationStatus } from './annotationDecorations.ts';
import { chipProvider } from './chips.ts';
import { AnnotationsView, chapterCounts } from './annotationsView.ts';
import { DisposableStore } from './disposables.ts';
import { ReportDocuments } from './documents.ts';
import { HEADING_LEGEND, HeadingTokens, ReportFolding, ReportSymbols, SELECTOR, reportDiagnostics } from './language.ts';
import { ReportService } from './reportService.ts';
import { ReportsTree } from './reportsTree.ts';
import { LANGUAGE, parseReportUri, SCHEME } from './reportUri.ts';

let store: DisposableStore | undefined;

export function activate(context: vscode.ExtensionContext) {
  const t0 = Date.now();
  store = new DisposableStore();
  const log = store.add(vscode.window.createOutputChannel('Annals', { log: true }));
  const reports = store.add(new ReportService());
  const documents = store.add(new ReportDocuments(reports));
  const tree = store.add(new ReportsTree(reports, log, t0));
  const diagnostics = store.add(vscode.languages.createDiagnosticCollection('annals'));
  const alignment = store.add(new AlignmentService(tree));
  const annotations = store.add(new AnnotationService(log));
  const compare = store.add(new ComparePanels(context.extensionUri, alignment, chipProvider(alignment, annotations), log));
  store.add(annotations.onDidChange(() => compare.refresh()));
  const annotationsView = store.add(new AnnotationsView(tree, annotations));
  tree.counter = async (source, report) => chapterCounts(await annotations.placement(source, report), report);
  store.add(annotations.onDidChange(() => tree.refreshCounts()));
  const services = { reports, documents, tree, alignment, compare, annotations, annotationsView, memento: context.globalState };

  store.add(vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents));
  store.add(vscode.window.createTreeView('annals.reports', { treeDataProvider: tree, showCollapseAll: true }));
  store.add(vscode.languages.registerDocumentSymbolProvider(SELECTOR, new ReportSymbols(documents), { label: 'Annals' }));
  store.add(vscode.languages.registerFoldingRangeProvider(SELECTOR, new ReportFolding(documents)));
  store.add(vscode.languages.registerDocumentSemanticTokensProvider(SELECTOR, new HeadingTokens(documents), HEADING_LEGEND));
  store.add(vscode.languages.registerCodeLensProvider(SELECTOR, store.add(new ChapterLenses(alignment))));
  store.add(new AnnotationDecorations(annotations, documents));
  store.add(new AnnotationStatus(annotations, documents));
  store.add(vscode.languages.registerHoverProvider(SELECTOR, new AnnotationHover(annotations, documents)));
  for (const d of registerCommands(services)) store.add(d);

  const publish = async (doc: vscode.TextDocument) => {
    const ref = parseReportUri(doc.uri);
    if (!ref) return;
    if (doc.languageId !== LANGUAGE) {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
      return; // Changing the language reopens the document, which publishes again.
    }
    const report = await documents.reportFor(doc.uri);
    const imp = reports.peek(ref.source);
    diagnostics.set(doc.uri, report ? reportDiagnostics(doc, report, imp?.diagnostics ?? []) : []);
  };
  store.add(vscode.workspace.onDidOpenTextDocument(publish));
  store.add(vscode.workspace.onDidChangeTextDocument((e) => void publish(e.document)));
  store.add(vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.delete(doc.uri)));
  vscode.workspace.textDocuments.forEach((d) => void publish(d));

  context.subscriptions.push(store);
  const activatedIn = Date.now() - t0;
  log.info(`Activated in ${activatedIn} ms.`);
  return {
    /** For tests and the bench: activation time and the last scan. */
    stats: () => ({ activatedIn, lastScan: tree.lastScan }),
  };
}

export function deactivate() {
  store?.dispose();
  store = undefined;
}
