/**
 * The workspace's memos: the project memos (`.annals/memos/*.md`) and the report memos (`.annals/memos/reports/*.md`)
 * of the first workspace folder, read once and kept until one changes (a watcher), and opened in the editor (created
 * from a heading when new). Built by the composition root; the AnnotationService forwards its changes to the views.
 */
import * as vscode from 'vscode';
import { collectMemos, isNotFound, type Memos, memoPaths, writeFileAtomic } from '../core/index.ts';
import { Disposable } from './disposable.ts';
import { showProblem } from './problems.ts';
import { workspaceHost } from './workspaceHost.ts';

export class MemoService extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a memo is created, changed or deleted (here or on disk). */
  readonly onDidChange = this.changed.event;
  private memoCache: Promise<Memos> | undefined;

  constructor(private readonly log?: Pick<vscode.LogOutputChannel, 'warn'>) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${memoPaths.folder}/**/*.md`));
    const onMemo = () => {
      this.memoCache = undefined;
      this.changed.fire();
    };
    watcher.onDidChange(onMemo);
    watcher.onDidCreate(onMemo);
    watcher.onDidDelete(onMemo);
  }

  /** The workspace's memos: the project memos (`.annals/memos/*.md`) and the report memos (`.annals/memos/reports/*.md`). */
  all(): Promise<Memos> {
    if (!this.memoCache) this.memoCache = this.readMemos();
    return this.memoCache;
  }

  private async readMemos(): Promise<Memos> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return collectMemos([]);
    const files: { path: string; text: string }[] = [];
    for (const dir of [memoPaths.folder, memoPaths.reportsFolder]) {
      const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder.uri, dir))).then(
        (e) => e,
        () => [] as [string, vscode.FileType][],
      );
      for (const [name, type] of entries) {
        if (!(type & vscode.FileType.File) || !name.toLowerCase().endsWith('.md')) continue;
        const path = `${dir}/${name}`;
        try {
          files.push({ path, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, path))) });
        } catch (e) {
          this.log?.warn(`${path}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    return collectMemos(files);
  }

  /**
   * Opens a memo (a workspace-relative path) in the editor, creating it with `initial` when it
   * does not exist yet (an existing one is never written). Undefined when no folder is open.
   */
  async openMemo(relPath: string, initial: string): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: memos live in the workspace (.annals/memos).'));
      return undefined;
    }
    const uri = vscode.Uri.joinPath(folder.uri, relPath);
    const exists = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
      () => true,
      (e: unknown) => !isNotFound(e),
    );
    if (!exists) {
      const written = await writeFileAtomic(workspaceHost, uri.toString(), new TextEncoder().encode(initial));
      if (!written.ok) {
        void showProblem(written.problem);
        return undefined;
      }
      this.memoCache = undefined;
      this.changed.fire();
    }
    await vscode.window.showTextDocument(uri);
    return uri;
  }
}
