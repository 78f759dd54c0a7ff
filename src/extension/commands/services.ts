import type * as vscode from 'vscode';
import type { AgreementPanels } from '../agreementPanel.ts';
import type { AlignmentService } from '../alignment.ts';
import type { AnnotationService } from '../annotations.ts';
import type { AnnotationsView } from '../annotationsView.ts';
import type { ComparePanels } from '../comparePanel.ts';
import type { Corpus } from '../corpus.ts';
import type { CorrectionsService } from '../corrections.ts';
import type { MemoService } from '../memos.ts';
import type { ProjectService } from '../project.ts';
import type { ReportDocuments } from '../documents.ts';
import type { ReportService } from '../reportService.ts';
import type { TrendsPanels } from '../trendsPanel.ts';
import type { SearchView } from '../searchView.ts';

/** What the commands work with: the services the composition root (extension.ts) builds. */
export interface Services {
  reports: ReportService;
  documents: ReportDocuments;
  corpus: Corpus;
  /** The analyst's corrections of report metadata and series (.annals/corpus.json). */
  corrections: CorrectionsService;
  alignment: AlignmentService;
  compare: ComparePanels;
  annotations: AnnotationService;
  /** The project file, the coding mode and the coder of this workspace. */
  project: ProjectService;
  /** The project and report memos. */
  memos: MemoService;
  annotationsView: AnnotationsView;
  /** The Agreement view (Compute Agreement…). */
  agreement: AgreementPanels;
  /** The Trends webview (the adapter tests that do not need it leave it out). */
  trends?: TrendsPanels;
  /** The Search view: the results of Search Reports…. */
  search: SearchView;
  /** Keeps the recently used tags (the extension's global state). */
  memento?: vscode.Memento;
}

/**
 * Every command has this one shape: given the services, the function VS Code calls. Its
 * arguments are typed and checked with the guards of args.ts (they come from outside: menus,
 * tree items, CodeLenses, hover links, the Compare webview).
 */
// biome-ignore lint/suspicious/noExplicitAny: a table of commands with different arguments.
export type Command = (services: Services) => (...args: any[]) => unknown;
