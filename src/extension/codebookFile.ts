/**
 * The workspace's codebook, `.annals/codebook.json` at the root of the first workspace folder: read once and kept until the
 * file changes (a watcher), created from a default on the first tagging action, edited as it is on disk now, written
 * atomically. Built by the composition root and given to the AnnotationService, which offers it to the views.
 */
import * as vscode from 'vscode';
import {
  CODEBOOK_PATH,
  type Codebook,
  DEFAULT_CODEBOOK,
  GOVERNMENT_WORK_CODEBOOK,
  isNotFound,
  parseCodebook,
  problem,
  type Problem,
  problemText,
  type Result,
  serializeCodebook,
  tagIndex,
  type TagInfo,
  writeFileAtomic,
} from '../core/index.ts';
import { Disposable } from './disposable.ts';
import { showProblem } from './problems.ts';
import { workspaceHost } from './workspaceHost.ts';

export class CodebookFile extends Disposable {
  private codebookCache: { codebook: Codebook | null; error: Problem | null } | undefined;
  private readonly changedEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the codebook changes (on disk, or written here). */
  readonly onDidChange = this.changedEmitter.event;

  constructor(private readonly log?: Pick<vscode.LogOutputChannel, 'error'>) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${CODEBOOK_PATH}`));
    const changed = () => {
      this.codebookCache = undefined;
      this.changedEmitter.fire();
    };
    watcher.onDidChange(changed);
    watcher.onDidCreate(changed);
    watcher.onDidDelete(changed);
  }

  /** The codebook at the root of the first workspace folder; null when there is none. */
  async codebook(): Promise<{ codebook: Codebook | null; error: Problem | null }> {
    if (this.codebookCache) return this.codebookCache;
    const uri = this.codebookUri();
    let result: { codebook: Codebook | null; error: Problem | null } = { codebook: null, error: null };
    if (uri) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const parsed = parseCodebook(text, CODEBOOK_PATH);
        result = parsed.ok ? { codebook: parsed.value, error: null } : { codebook: null, error: parsed.problem };
        if (!parsed.ok) this.log?.error(problemText(parsed.problem));
      } catch (e) {
        // Only a missing file means “no codebook yet”; any other failure must not lead to
        // offering (and writing) the default over it.
        if (!isNotFound(e)) result = { codebook: null, error: problem('fileUnreadable', [CODEBOOK_PATH, e instanceof Error ? e.message : String(e)]) };
      }
    }
    this.codebookCache = result;
    return result;
  }

  codebookUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, CODEBOOK_PATH) : undefined;
  }

  /** The tag lookup of the current codebook (unknown ids come back as unknown, never dropped). */
  async tags(): Promise<(id: string) => TagInfo> {
    return tagIndex((await this.codebook()).codebook);
  }

  /**
   * The codebook for a tagging action. When there is none, offers to create the default one;
   * when it cannot be read, says why and offers to open it. Undefined: the user declined.
   */
  async codebookForTagging(): Promise<Codebook | undefined> {
    const { codebook, error } = await this.codebook();
    if (codebook) return codebook;
    const uri = this.codebookUri();
    if (!uri) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: the codebook lives in the workspace (.annals/codebook.json).'));
      return undefined;
    }
    if (error) {
      const open = vscode.l10n.t('Open Codebook');
      const choice = await showProblem(error, (why) => vscode.l10n.t('The codebook cannot be read: {0}', why), open);
      if (choice === open) await vscode.window.showTextDocument(uri);
      return undefined;
    }
    const create = vscode.l10n.t('Create Default Codebook');
    const gwr = vscode.l10n.t('Create 政府工作报告 Codebook');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'There is no codebook in this workspace yet. Create .annals/codebook.json with the default tags (the seven areas of the 法治政府建设实施纲要, plus figures, shortcomings, innovations and commitments), or with the themes of 政府工作报告 (经济发展, 科技创新, 改革开放 …)?',
      ),
      { modal: true },
      create,
      gwr,
    );
    if (choice !== create && choice !== gwr) return undefined;
    return this.createCodebook(choice === gwr ? GOVERNMENT_WORK_CODEBOOK : DEFAULT_CODEBOOK);
  }

  /** Writes a ready codebook, unless one has appeared meanwhile (another window, a git pull): never over a codebook. */
  async createCodebook(ready: Codebook): Promise<Codebook | undefined> {
    const uri = this.codebookUri();
    if (!uri) return undefined;
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      (e: unknown) => !isNotFound(e),
    );
    if (exists) {
      this.codebookCache = undefined;
      const again = await this.codebook();
      if (!again.codebook) void showProblem(again.error ?? problem('noCodebook'), (why) => vscode.l10n.t('The codebook cannot be read: {0}', why));
      return again.codebook ?? undefined;
    }
    const written = await this.writeCodebook(ready);
    if (written) void showProblem(written);
    return written ? undefined : ready;
  }

  /**
   * Edits the codebook as it is on disk now (not a cached copy, which a git pull or another window
   * may have changed meanwhile) and writes it. Returns the problem, or null.
   */
  async editCodebook(edit: (cb: Codebook) => Result<Codebook>): Promise<Problem | null> {
    this.codebookCache = undefined;
    const { codebook, error } = await this.codebook();
    if (!codebook) return error ?? problem('noCodebook');
    const res = edit(codebook);
    if (!res.ok) return res.problem;
    return this.writeCodebook(res.value);
  }

  /** Writes the codebook atomically (a temporary sibling renamed over it): a failed write leaves the file as it was. */
  private async writeCodebook(codebook: Codebook): Promise<Problem | null> {
    const uri = this.codebookUri();
    if (!uri) return problem('noCodebook');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..')).then(undefined, () => undefined);
    const res = await writeFileAtomic(workspaceHost, uri.toString(), new TextEncoder().encode(serializeCodebook(codebook)));
    if (!res.ok) {
      this.log?.error(problemText(res.problem));
      return res.problem;
    }
    this.codebookCache = { codebook, error: null };
    this.changedEmitter.fire();
    return null;
  }
}
