import * as vscode from 'vscode';
import { moveTag, type Codebook, type Problem, type Result, type Tag } from '../core/index.ts';
import type { AnnotationService } from './annotations.ts';
import { colorIcon } from './colors.ts';
import type { Corpus } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { problemMessage, showProblem } from './problems.ts';

const CODEBOOK_VIEW = 'annals.codebook';
const MIME = 'application/vnd.code.tree.annals.codebook';

/** A tag of the codebook, as the Codebook view shows it. `type: 'tag'` so that the tag commands take it as they take the Annotations view's. */
export interface CodebookNode {
  type: 'tag';
  tag: Tag;
  /** Annotations with this tag, in the reports of the workspace. */
  uses: number;
  /** How many child tags it has. */
  children: number;
}

/**
 * The codebook editor, in the Annals sidebar under the Annotations view: every tag of
 * `.annals/codebook.json` as a tree (child tags under their parent), with how many annotations
 * use each. Tags are added, renamed, recoloured, described, given a new id and deleted from their
 * context menu (commands/codebook.ts), and moved by drag and drop. Every edit goes through
 * AnnotationService.editCodebook: the file as it is on disk now, edited and written atomically.
 */
export class CodebookView extends Disposable implements vscode.TreeDataProvider<CodebookNode>, vscode.TreeDragAndDropController<CodebookNode> {
  readonly dragMimeTypes = [MIME];
  readonly dropMimeTypes = [MIME];
  private readonly changed = this.register(new vscode.EventEmitter<CodebookNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<CodebookNode>;
  private loading: Promise<{ codebook: Codebook | null; error: Problem | null; uses: Map<string, number> }> | null = null;

  constructor(
    private readonly corpus: Pick<Corpus, 'reportsBySource' | 'onDidChange'>,
    private readonly annotations: Pick<AnnotationService, 'codebook' | 'store' | 'editCodebook' | 'onDidChange'>,
  ) {
    super();
    this.register(annotations.onDidChange(() => this.refresh()));
    this.register(corpus.onDidChange(() => this.refresh()));
    this.view = this.register(
      vscode.window.createTreeView(CODEBOOK_VIEW, { treeDataProvider: this, dragAndDropController: this, showCollapseAll: true, canSelectMany: true }),
    );
  }

  refresh(): void {
    this.loading = null;
    this.changed.fire(undefined);
  }

  private load(): Promise<{ codebook: Codebook | null; error: Problem | null; uses: Map<string, number> }> {
    if (!this.loading) {
      const p = (async () => {
        const { codebook, error } = await this.annotations.codebook();
        const uses = new Map<string, number>();
        for (const { source } of await this.corpus.reportsBySource())
          for (const a of (await this.annotations.store(source)).all()) for (const t of a.tags) uses.set(t, (uses.get(t) ?? 0) + 1);
        return { codebook, error, uses };
      })().catch((e) => {
        if (this.loading === p) this.loading = null;
        throw e;
      });
      this.loading = p;
    }
    return this.loading;
  }

  async getChildren(node?: CodebookNode): Promise<CodebookNode[]> {
    const { codebook, error, uses } = await this.load();
    // A codebook that cannot be read is not “no codebook”: the view says why (it is never written over).
    if (!node) this.view.message = error ? vscode.l10n.t('The codebook cannot be read: {0}', problemMessage(error)) : undefined;
    if (!codebook) return []; // the welcome: create a codebook
    const ids = new Set(codebook.tags.map((t) => t.id));
    const under = (t: Tag) => (node ? t.parent === node.tag.id : t.parent === undefined || !ids.has(t.parent));
    const children = (id: string) => codebook.tags.filter((t) => t.parent === id).length;
    return codebook.tags.filter(under).map((tag) => ({ type: 'tag', tag, uses: uses.get(tag.id) ?? 0, children: children(tag.id) }));
  }

  getTreeItem(node: CodebookNode): vscode.TreeItem {
    const { tag } = node;
    const item = new vscode.TreeItem(tag.label, node.children ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    // A leaf that gets its first child is a new item to the tree, so that it shows expanded with the child.
    item.id = `codebook:${tag.id}${node.children ? '/' : ''}`;
    item.description = `${tag.id} · ${node.uses}`;
    item.iconPath = colorIcon(tag.color);
    const md = new vscode.MarkdownString().appendText(`${tag.label} (${tag.id}, ${tag.color})\n`);
    if (tag.description) md.appendText(`${tag.description}\n`);
    md.appendText(vscode.l10n.t('{0} annotations', node.uses));
    item.tooltip = md;
    item.contextValue = 'annals.codebookTag';
    item.accessibilityInformation = { label: vscode.l10n.t('{0}, tag {1}, {2} annotations', tag.label, tag.id, node.uses) };
    return item;
  }

  handleDrag(source: readonly CodebookNode[], data: vscode.DataTransfer): void {
    data.set(MIME, new vscode.DataTransferItem(source.map((n) => n.tag.id)));
  }

  /** Dropped on a tag: the dragged tags become its children; dropped on empty space: top-level tags. */
  async handleDrop(target: CodebookNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const item = data.get(MIME);
    if (!item) return;
    const ids: unknown = typeof item.value === 'string' ? JSON.parse(item.value) : item.value;
    if (!Array.isArray(ids)) return;
    const problem = await this.move(
      ids.filter((x): x is string => typeof x === 'string'),
      target?.tag.id,
    );
    if (problem) void showProblem(problem);
  }

  /** Moves tags under a parent (undefined: the top level), in one edit of the file. */
  move(ids: readonly string[], parent: string | undefined): Promise<Problem | null> {
    return this.annotations.editCodebook((cb) => {
      // A tag dragged together with one of its ancestors moves with it already.
      const parentOf = new Map(cb.tags.map((t) => [t.id, t.parent]));
      const chosen = new Set(ids);
      const hasChosenAncestor = (id: string) => {
        for (let p = parentOf.get(id), n = 0; p !== undefined && n < cb.tags.length; p = parentOf.get(p), n++) if (chosen.has(p)) return true;
        return false;
      };
      let res: Result<Codebook> = { ok: true, value: cb };
      for (const id of ids) {
        if (!res.ok) break;
        if (hasChosenAncestor(id) || parentOf.get(id) === parent) continue;
        res = moveTag(res.value, id, parent);
      }
      return res;
    });
  }
}
