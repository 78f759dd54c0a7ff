import * as vscode from 'vscode';
import { SOURCE_EXTENSIONS } from '../core/index.ts';
import { AlignmentService } from './alignment.ts';
import { AnnotationDecorations, AnnotationHover, AnnotationStatus } from './annotationDecorations.ts';
import { AgreementPanels } from './agreementPanel.ts';
import { AnnotationService } from './annotations.ts';
import { AnnotationsView } from './annotationsView.ts';
import { CodebookFile } from './codebookFile.ts';
import { TagChips } from './chips.ts';
import { CodebookView } from './codebookView.ts';
import { registerCommands } from './commands/index.ts';
import { ComparePanels } from './comparePanel.ts';
import { Corpus, type ScanStats } from './corpus.ts';
import { CorrectionsService } from './corrections.ts';
import { Disposable } from './disposable.ts';
import { ReportDocuments } from './documents.ts';
import { HeadStore, importerBuild } from './headStore.ts';
import { MemoService } from './memos.ts';
import { ProjectService } from './project.ts';
import { HEADING_LEGEND, HeadingTokens, ReportFolding, ReportProblems, ReportSymbols, SELECTOR } from './language.ts';
import { ChapterLenses } from './navigation.ts';
import { ReportService } from './reportService.ts';
import { REPORTS_VIEW, ReportsTree } from './reportsTree.ts';
import { SCHEME } from './reportUri.ts';
import { SearchView } from './searchView.ts';
import { importTimeoutSeconds } from './settings.ts';
import { SourceProblems } from './sourceProblems.ts';
import { WorkerImporter } from './importer.ts';
import { TrendsPanels } from './trendsPanel.ts';

/**
 * The composition root: builds every service, view and provider of the extension through its
 * constructor, registers them with VS Code, and owns them until deactivation.
 */
class Extension extends Disposable {
  readonly log: vscode.LogOutputChannel;
  private readonly corpus: Corpus;

  constructor(context: vscode.ExtensionContext, activatedAt: number) {
    super();
    const log = this.register(vscode.window.createOutputChannel('Annals', { log: true }));
    this.log = log;

    // Sources, reports and their documents.
    const reports = this.register(
      new ReportService(new WorkerImporter({ script: context.asAbsolutePath('dist/importWorker.js'), timeoutSeconds: importTimeoutSeconds })),
    );
    const documents = this.register(new ReportDocuments(reports));
    const corrections = this.register(new CorrectionsService());
    // The heads of the last session, in the extension's storage for this workspace (none without a folder).
    const version = String(context.extension.packageJSON.version ?? '');
    const store = context.storageUri && new HeadStore(context.storageUri, () => importerBuild(context.extensionUri, version), log);
    const corpus = this.register(new Corpus(reports, { log, progress: { viewId: REPORTS_VIEW }, corrections, store }));
    this.register(new SourceProblems(corpus));
    const alignment = this.register(new AlignmentService(corpus));
    const project = this.register(new ProjectService(log, context.workspaceState));
    const memos = this.register(new MemoService(log));
    const codebooks = this.register(new CodebookFile(log));
    const annotations = this.register(new AnnotationService({ log, project, memos, codebooks }));
    this.corpus = corpus;

    // Views.
    this.register(new ReportsTree(corpus, annotations, { log, activatedAt }));
    const annotationsView = this.register(new AnnotationsView(corpus, annotations, memos));
    const search = this.register(new SearchView());
    this.register(new CodebookView(corpus, annotations));
    const compare = this.register(new ComparePanels(context.extensionUri, alignment, new TagChips(alignment, annotations), log, context.globalState));
    const agreement = this.register(new AgreementPanels(annotations, project));
    const trends = this.register(new TrendsPanels(context.extensionUri, corpus, annotations, log));

    // The report documents and their language features.
    this.register(vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents));
    this.register(new ReportProblems(documents, reports));
    this.register(vscode.languages.registerDocumentSymbolProvider(SELECTOR, new ReportSymbols(documents), { label: 'Annals' }));
    this.register(vscode.languages.registerFoldingRangeProvider(SELECTOR, new ReportFolding(documents)));
    this.register(vscode.languages.registerDocumentSemanticTokensProvider(SELECTOR, new HeadingTokens(documents), HEADING_LEGEND));
    this.register(vscode.languages.registerCodeLensProvider(SELECTOR, this.register(new ChapterLenses(alignment))));
    this.register(new AnnotationDecorations(annotations, documents));
    this.register(new AnnotationStatus(annotations, documents));
    this.register(vscode.languages.registerHoverProvider(SELECTOR, new AnnotationHover(annotations, documents, memos)));

    // The extensions of report sources, for the menus and keys of raw source files (package.json: resourceExtname in annals.sourceExtnames).
    void vscode.commands.executeCommand(
      'setContext',
      'annals.sourceExtnames',
      SOURCE_EXTENSIONS.map((e) => `.${e}`),
    );

    // Commands.
    const services = {
      reports,
      documents,
      corpus,
      corrections,
      alignment,
      compare,
      annotations,
      project,
      memos,
      annotationsView,
      agreement,
      trends,
      search,
      memento: context.globalState,
    };
    for (const d of registerCommands(services)) this.register(d);

    // A workspace opened with Annals before: its series are read from the stored heads once the editor has started
    // (activation onStartupFinished), so that the Reports view has them when it is shown. Any other workspace waits
    // for a view or a report to be opened.
    if (store) {
      void store
        .exists()
        .then(async (stored) => {
          if (stored) await corpus.bySeries();
        })
        .catch((e) => log.warn(`Reading the stored heads at start failed: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  /** Stores the heads now if a save was waiting (deactivation). */
  flushStore(): Promise<void> {
    return this.corpus.flushStore();
  }

  /** The last scan of the workspace. */
  get lastScan(): ScanStats {
    return this.corpus.lastScan;
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
    stats: () => ({ activatedIn, lastScan: root.lastScan }),
  };
}

export async function deactivate() {
  const root = extension;
  extension = undefined;
  // A save of the stored heads that was waiting is made before the services go.
  await root?.flushStore().catch(() => undefined);
  root?.dispose();
}
