/**
 * A temporary workspace (a copy of samples/) and the extension's services on the fake `vscode`,
 * wired as activate() wires them, for the adapter tests.
 */
import { cpSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { ReportService } from '../../src/extension/reportService.ts';
import { InlineImporter } from './inlineImporter.ts';
import { Corpus } from '../../src/extension/corpus.ts';
import { CorrectionsService } from '../../src/extension/corrections.ts';
import { ReportsTree } from '../../src/extension/reportsTree.ts';
import { ReportDocuments } from '../../src/extension/documents.ts';
import { AlignmentService } from '../../src/extension/alignment.ts';
import { AnnotationService } from '../../src/extension/annotations.ts';
import { CodebookFile } from '../../src/extension/codebookFile.ts';
import { MemoService } from '../../src/extension/memos.ts';
import { ProjectService } from '../../src/extension/project.ts';
import { AnnotationsView } from '../../src/extension/annotationsView.ts';
import { AgreementPanels } from '../../src/extension/agreementPanel.ts';
import { ComparePanels } from '../../src/extension/comparePanel.ts';
import { TrendsPanels } from '../../src/extension/trendsPanel.ts';
import { SearchView } from '../../src/extension/searchView.ts';
import type { Services } from '../../src/extension/commands/index.ts';
import { ROOT, SAMPLES } from './helpers.ts';
import { tempDir } from './tmp.ts';

export interface TestWorkspace {
  root: string;
  services: Services;
  /** The Reports view over the corpus, with annotation counts. */
  tree: ReportsTree;
  /** Disposes the services and removes the folder. */
  dispose(): void;
}

/** A workspace of samples/ (default), or of the files `files` copies into the folder. */
export function testWorkspace(prefix: string, files?: (root: string) => void): TestWorkspace {
  const root = tempDir(prefix);
  if (files) files(root);
  else cpSync(SAMPLES, root, { recursive: true });
  fake.reset(root);
  const reports = new ReportService(new InlineImporter());
  const documents = new ReportDocuments(reports);
  fake.provider = documents;
  const corrections = new CorrectionsService();
  const corpus = new Corpus(reports, { corrections });
  const alignment = new AlignmentService(corpus);
  const state = new Map<string, unknown>();
  const memento = {
    get: <T>(k: string) => state.get(k) as T,
    update: async (k: string, v: unknown) => void state.set(k, v),
    keys: () => [...state.keys()],
  } as unknown as vscode.Memento;
  const compare = new ComparePanels(vscode.Uri.file(ROOT), alignment, undefined, undefined, memento);
  const project = new ProjectService();
  const memos = new MemoService();
  const codebooks = new CodebookFile();
  const annotations = new AnnotationService({ project, memos, codebooks });
  const tree = new ReportsTree(corpus, annotations);
  const annotationsView = new AnnotationsView(corpus, annotations, memos);
  const search = new SearchView();
  const agreement = new AgreementPanels(annotations, project);
  const trends = new TrendsPanels(vscode.Uri.file(ROOT), corpus, annotations);
  const services: Services = {
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
    memento,
  };
  return {
    root,
    services,
    tree,
    dispose() {
      agreement.dispose();
      search.dispose();
      annotationsView.dispose();
      tree.dispose();
      annotations.dispose();
      codebooks.dispose();
      memos.dispose();
      project.dispose();
      compare.dispose();
      trends.dispose();
      alignment.dispose();
      corpus.dispose();
      corrections.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
