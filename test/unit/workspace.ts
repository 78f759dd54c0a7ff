/**
 * A temporary workspace (a copy of samples/) and the extension's services on the fake `vscode`,
 * wired as activate() wires them, for the adapter tests.
 */
import path from 'node:path';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as vscode from 'vscode';
import { fake } from './fake/vscode.ts';
import { ReportService } from '../../src/extension/reportService.ts';
import { ReportsTree } from '../../src/extension/reportsTree.ts';
import { ReportDocuments } from '../../src/extension/documents.ts';
import { AlignmentService } from '../../src/extension/alignment.ts';
import { AnnotationService } from '../../src/extension/annotations.ts';
import { AnnotationsView } from '../../src/extension/annotationsView.ts';
import { ComparePanels } from '../../src/extension/comparePanel.ts';
import type { Services } from '../../src/extension/commands.ts';
import { ROOT, SAMPLES } from './helpers.ts';

export interface TestWorkspace {
  root: string;
  services: Services;
  /** Disposes the services and removes the folder. */
  dispose(): void;
}

export function testWorkspace(prefix: string): TestWorkspace {
  const root = mkdtempSync(path.join(tmpdir(), `annals-${prefix}-`));
  cpSync(SAMPLES, root, { recursive: true });
  fake.reset(root);
  const reports = new ReportService();
  const documents = new ReportDocuments(reports);
  fake.provider = documents;
  const tree = new ReportsTree(reports);
  const alignment = new AlignmentService(tree);
  const compare = new ComparePanels(vscode.Uri.file(ROOT), alignment);
  const annotations = new AnnotationService();
  const annotationsView = new AnnotationsView(tree, annotations);
  const state = new Map<string, unknown>();
  const memento = { get: <T>(k: string) => state.get(k) as T, update: async (k: string, v: unknown) => void state.set(k, v), keys: () => [...state.keys()] } as unknown as vscode.Memento;
  const services: Services = { reports, documents, tree, alignment, compare, annotations, annotationsView, memento };
  return {
    root,
    services,
    dispose() {
      annotationsView.dispose();
      annotations.dispose();
      compare.dispose();
      alignment.dispose();
      tree.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
