import * as vscode from 'vscode';
import {
  AnchorIndex,
  AnnotationStore,
  CODEBOOK_PATH,
  DEFAULT_CODEBOOK,
  GOVERNMENT_WORK_CODEBOOK,
  isNotFound,
  parseCodebook,
  reanchor,
  serializeCodebook,
  tagIndex,
  type Anchor,
  type Annotation,
  type Codebook,
  type FileHost,
  type OutlineNode,
  type Report,
  type TagInfo,
  problem,
  type Problem,
  problemText,
  type Result,
  writeFileAtomic,
} from '../core/index.ts';
import { Disposable } from './disposable.ts';
import { problemMessage, showProblem } from './problems.ts';
import { annotationSettings, onDidChangeSettings, saveAuthor } from './settings.ts';

/** The store's file host over vscode.workspace.fs: paths are URI strings. */
const uriOf = (p: string) => vscode.Uri.parse(p, true);
const workspaceHost: FileHost = {
  readFile: async (p) => vscode.workspace.fs.readFile(uriOf(p)),
  writeFile: async (p, data) => vscode.workspace.fs.writeFile(uriOf(p), data),
  /**
   * workspace.fs has no exclusive create. The lock file is written under a private name, renamed
   * into place without overwrite (FileExists when the name is taken), then read back: it must hold
   * this writer's own bytes (a random token). Limits: a file system provider may check for the
   * name and rename in two steps, so two windows in the same instant could both rename; the read
   * back catches the earlier one, and the save's check of the sidecar before its rename the rest
   * but a write landing between that check and the rename (docs/reliability.md).
   */
  createExclusive: async (p, data) => {
    const temp = uriOf(`${p}.${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}.tmp`);
    await vscode.workspace.fs.writeFile(temp, data);
    try {
      await vscode.workspace.fs.rename(temp, uriOf(p), { overwrite: false });
    } catch (e) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw e;
    }
    const back = await vscode.workspace.fs.readFile(uriOf(p));
    if (back.length !== data.length || back.some((b, i) => b !== data[i])) throw Object.assign(new Error(`${p} was taken`), { code: 'FileExists' });
  },
  rename: async (from, to, options) => vscode.workspace.fs.rename(uriOf(from), uriOf(to), options),
  delete: async (p) => vscode.workspace.fs.delete(uriOf(p)),
  stat: async (p) => {
    const s = await vscode.workspace.fs.stat(uriOf(p));
    return { mtime: s.mtime, size: s.size };
  },
  readDirectory: async (p) => (await vscode.workspace.fs.readDirectory(uriOf(p))).map(([name]) => name),
  /** workspace.fs cannot read a link's target: a linked sidecar is refused (the store says so), never replaced by a file. */
  realPath: async (p) => {
    const s = await vscode.workspace.fs.stat(uriOf(p)).then(undefined, (e: unknown) => (isNotFound(e) ? null : Promise.reject(e)));
    if (s && s.type & vscode.FileType.SymbolicLink) throw Object.assign(new Error(`${p} is a symbolic link`), { code: 'SymbolicLink' });
    return p;
  },
  owner: { pid: typeof process === 'object' ? process.pid : 0, host: vscode.env.machineId },
};

/** One report's placed annotations. */
export interface Placed {
  annotations: Annotation[];
  anchors: Anchor[];
  index: AnchorIndex;
}

/**
 * Annotations placed in each part, chapter and section of a report: a paragraph counts in
 * every node whose lines (node.line..node.endLine) hold it. Orphans are not counted; an
 * annotation that needs review counts where it is suggested (where the editor shows it).
 * Nodes without annotations are left out of the map.
 */
export function chapterCounts(placed: Placed, report: Report): Map<OutlineNode, number> {
  const counts = new Map<OutlineNode, number>();
  for (const anchor of placed.anchors) {
    if (anchor.paragraph === null) continue;
    const line = report.paragraphs[anchor.paragraph]?.line;
    if (line === undefined) continue;
    let level: OutlineNode[] = report.outline;
    for (;;) {
      const node = level.find((n) => n.line <= line && line <= n.endLine);
      if (!node) break;
      counts.set(node, (counts.get(node) ?? 0) + 1);
      level = node.children;
    }
  }
  return counts;
}

/**
 * The annotations of the workspace: one store per source (its sidecar), the codebook, and the
 * placement of each report's annotations, recomputed when a store or the report changes.
 * Watches the sidecars and the codebook, and merges outside changes (a git pull, another window).
 */
export class AnnotationService extends Disposable {
  private readonly stores = new Map<string, Promise<AnnotationStore>>();
  /** Placements by source, then by the Report object (a changed report is a new object). */
  private readonly placed = new Map<string, WeakMap<Report, Placed>>();
  private readonly unsubscribe = new Map<string, () => void>();
  /** Watchers of sidecars outside the workspace folders (the workspace watcher does not see them). */
  private readonly outsideWatchers = new Map<string, vscode.Disposable>();
  private codebookCache: { codebook: Codebook | null; error: Problem | null } | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<{ source: string | null }>());
  /** Fires when annotations or the codebook change; `source` null: everything. */
  readonly onDidChange = this.changed.event;
  /** Sidecar errors already shown, so that a broken file is reported once per error. */
  private readonly shownErrors = new Set<string>();
  private readonly saving = new Map<string, Promise<void>>();

  constructor(private readonly log?: Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error'>) {
    super();
    const sidecars = this.register(vscode.workspace.createFileSystemWatcher('**/*.annals.json'));
    const onSidecar = (uri: vscode.Uri) => void this.outsideChange(uri);
    sidecars.onDidChange(onSidecar);
    sidecars.onDidCreate(onSidecar);
    sidecars.onDidDelete(onSidecar);
    const codebook = this.register(vscode.workspace.createFileSystemWatcher(`**/${CODEBOOK_PATH}`));
    const onCodebook = () => {
      this.codebookCache = undefined;
      this.changed.fire({ source: null });
    };
    codebook.onDidChange(onCodebook);
    codebook.onDidCreate(onCodebook);
    codebook.onDidDelete(onCodebook);
    this.register(onDidChangeSettings(['sidecarFolder'], () => void this.reopenStores()));
  }

  /**
   * Sidecars live elsewhere now: open the stores again from there. Unsaved changes are saved to
   * where they were read from first, so nothing is dropped.
   */
  private async reopenStores(): Promise<void> {
    for (const store of await this.openStores()) if (store.dirty && !store.readOnly) await this.save(store);
    this.unsubscribe.forEach((off) => off());
    this.unsubscribe.clear();
    this.outsideWatchers.forEach((w) => w.dispose());
    this.outsideWatchers.clear();
    this.stores.clear();
    this.placed.clear();
    this.changed.fire({ source: null });
  }

  /** A source opened from outside the workspace keeps its sidecar there: watch that folder too. */
  private watchOutside(store: AnnotationStore): void {
    const uri = vscode.Uri.parse(store.path, true);
    if (vscode.workspace.getWorkspaceFolder(uri) || this.outsideWatchers.has(uri.toString())) return;
    // Watch the folder and pick out the file: a file name is not a safe glob.
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), '*'));
    const fire = (changed: vscode.Uri) => {
      if (changed.toString() === uri.toString()) void this.outsideChange(changed);
    };
    w.onDidChange(fire);
    w.onDidCreate(fire);
    w.onDidDelete(fire);
    this.outsideWatchers.set(uri.toString(), w);
  }

  private forget(source: string): void {
    this.placed.delete(source);
  }

  private workspaceRoot(source: vscode.Uri): string | undefined {
    return vscode.workspace.getWorkspaceFolder(source)?.uri.toString();
  }

  /** The store of a source; opened (and its sidecar read) once. */
  store(source: vscode.Uri): Promise<AnnotationStore> {
    const key = source.toString();
    let p = this.stores.get(key);
    if (!p) {
      const { author, sidecarFolder } = annotationSettings();
      p = AnnotationStore.open(workspaceHost, key, { author, sidecarFolder, workspaceRoot: this.workspaceRoot(source) }).then((store) => {
        this.unsubscribe.set(
          key,
          store.onDidChange(() => {
            this.forget(key);
            this.changed.fire({ source: key });
          }),
        );
        if (store.error) this.reportError(store);
        this.watchOutside(store);
        return store;
      });
      this.stores.set(key, p);
    }
    return p;
  }

  /** The stores opened so far. */
  async openStores(): Promise<AnnotationStore[]> {
    return Promise.all(this.stores.values());
  }

  /**
   * Shows a sidecar's error, with an action to open the file: once per error when the file is
   * found broken, and every time a command is refused because of it (`force`).
   */
  reportError(store: AnnotationStore, force = false): void {
    const error = store.error;
    if (!error) return;
    const text = problemMessage(error);
    if (!force && this.shownErrors.has(`${store.path}\u0000${text}`)) return;
    this.shownErrors.add(`${store.path}\u0000${text}`);
    this.log?.error(`${store.path}: ${problemText(error)}`);
    const open = vscode.l10n.t('Open Sidecar');
    const name = vscode.Uri.parse(store.path).path.split('/').pop() ?? store.path;
    void showProblem(
      error,
      (why) => vscode.l10n.t('Annotations in {0} cannot be read, and will not be changed until the file is fixed: {1}', name, why),
      open,
    ).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(vscode.Uri.parse(store.path, true));
    });
  }

  /** A sidecar changed on disk: reload and merge the store that owns it. */
  private async outsideChange(uri: vscode.Uri): Promise<void> {
    const path = uri.toString();
    for (const p of this.stores.values()) {
      const store = await p;
      // Compare as URIs: the store's path may spell characters differently (encoding).
      if (vscode.Uri.parse(store.path, true).toString() !== path) continue;
      const brokenText = () => (store.error ? problemText(store.error) : null);
      const wasBroken = brokenText();
      const res = await store.reload();
      if (!res.ok) this.reportError(store);
      else if (wasBroken) {
        this.log?.info(`${path} can be read again.`);
        for (const k of this.shownErrors) if (k.startsWith(`${store.path}\u0000`)) this.shownErrors.delete(k);
      }
      // Our own save also comes back here: refresh only when something changed.
      const changed = (res.ok && res.value.changed) || wasBroken !== brokenText();
      if (res.ok && res.value.changed) this.log?.info(`Merged an outside change of ${path}.`);
      if (!changed) continue;
      this.forget(store.source);
      this.changed.fire({ source: store.source });
    }
  }

  /** Saves a store; errors are shown. Saves of one store run one after another. */
  async save(store: AnnotationStore): Promise<boolean> {
    const prev = this.saving.get(store.path) ?? Promise.resolve();
    let ok = true;
    const next = prev.then(async () => {
      const res = await store.save();
      if (!res.ok) {
        ok = false;
        this.log?.error(`Saving ${store.path}: ${problemText(res.problem)}`);
        void showProblem(res.problem, (why) => vscode.l10n.t('Could not save the annotations: {0}', why));
      }
    });
    this.saving.set(store.path, next);
    await next;
    return ok;
  }

  /** Where a report's annotations are placed (re-anchored on the report as it is now). */
  async placement(source: vscode.Uri, report: Report): Promise<Placed> {
    const key = source.toString();
    const cached = this.placed.get(key)?.get(report);
    if (cached) return cached;
    const store = await this.store(source);
    const annotations = store.forReport(report.id);
    const anchors = reanchor(report, annotations);
    const placed = { annotations, anchors, index: new AnchorIndex(annotations, anchors) };
    let byReport = this.placed.get(key);
    if (!byReport) this.placed.set(key, (byReport = new WeakMap()));
    byReport.set(report, placed);
    return placed;
  }

  /** The annotations under each heading of a report (for the Reports view). */
  async headingCounts(source: vscode.Uri, report: Report): Promise<Map<OutlineNode, number>> {
    return chapterCounts(await this.placement(source, report), report);
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
    this.changed.fire({ source: null });
    return null;
  }

  /** The setting annals.author; asks once when it is unset, and keeps the answer in the user settings. */
  async author(): Promise<string> {
    const { author } = annotationSettings();
    if (author) return author;
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Your name for annotations'),
      prompt: vscode.l10n.t('Annals records it as the author of your annotations (setting annals.author). Asked once.'),
      ignoreFocusOut: true,
    });
    const name = answer?.trim() ?? '';
    // Asked once: an empty answer is kept too, as “anonymous”.
    await saveAuthor(name || vscode.l10n.t('anonymous'));
    return name || vscode.l10n.t('anonymous');
  }

  override dispose(): void {
    this.unsubscribe.forEach((off) => off());
    this.outsideWatchers.forEach((w) => w.dispose());
    super.dispose();
  }
}
