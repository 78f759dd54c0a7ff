import * as vscode from 'vscode';
import type { Report } from '../core/index.ts';
import { parseReportUri, SCHEME } from './reportUri.ts';
import { Disposable } from './disposable.ts';
import { localize } from './l10n.ts';
import type { ReportService } from './reportService.ts';

/**
 * The read-only report documents (scheme `annals`). Content is cached per URI and the
 * cache is cleared when the document closes. A watcher on each open report's source
 * fires `onDidChange` when the source file changes.
 */
export class ReportDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private readonly content = new Map<string, { report: Report | undefined; text: string }>();
  private readonly watchers = new Map<string, vscode.Disposable>();

  constructor(private readonly service: ReportService) {
    super();
    this.register(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== SCHEME) return;
        this.content.delete(doc.uri.toString());
        this.dropUnusedWatchers();
      }),
    );
    this.register(
      service.onDidChangeSource((source) => {
        for (const doc of vscode.workspace.textDocuments) {
          const ref = parseReportUri(doc.uri);
          if (ref && ref.source.toString() === source.toString()) {
            this.content.delete(doc.uri.toString());
            this.changed.fire(doc.uri);
          }
        }
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const hit = this.content.get(key);
    if (hit) return hit.text;
    const ref = parseReportUri(uri);
    if (!ref) return vscode.l10n.t('This is not an Annals report address: {0}', uri.toString());
    this.watch(ref.source);
    const imp = await this.service.load(ref.source);
    const report = imp.reports.find((r) => r.id === ref.id);
    const text = report
      ? report.text
      : vscode.l10n.t(
          'The report {0} is no longer in {1}.\n{2}',
          ref.id,
          ref.source.toString(true),
          imp.diagnostics.map((d) => `${d.severity}: ${localize(d)}`).join('\n'),
        );
    this.content.set(key, { report, text });
    return text;
  }

  /** The report shown in a document, as last provided (undefined if not an Annals document). */
  async reportFor(uri: vscode.Uri): Promise<Report | undefined> {
    const key = uri.toString();
    if (!this.content.has(key)) await this.provideTextDocumentContent(uri);
    return this.content.get(key)?.report;
  }

  private watch(source: vscode.Uri): void {
    const key = source.toString();
    if (this.watchers.has(key)) return;
    // Watch the folder and pick out the file: a file name is not a safe glob ([, {, * in names).
    const folder = vscode.Uri.joinPath(source, '..');
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*'));
    const fire = (uri: vscode.Uri) => {
      if (uri.toString() === key) this.service.invalidate(source);
    };
    w.onDidChange(fire);
    w.onDidCreate(fire);
    w.onDidDelete(fire);
    this.watchers.set(key, w);
  }

  private dropUnusedWatchers(): void {
    const used = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      const ref = parseReportUri(doc.uri);
      if (ref) used.add(ref.source.toString());
    }
    for (const [key, w] of this.watchers) {
      if (!used.has(key)) {
        w.dispose();
        this.watchers.delete(key);
      }
    }
  }

  override dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    this.content.clear();
    super.dispose();
  }
}
