import * as vscode from 'vscode';
import {
  coderFileId,
  parseSidecarName,
  sameCoder,
  AnchorIndex,
  AnnotationStore,
  reanchor,
  type Anchor,
  type Annotation,
  type Codebook,
  type OutlineNode,
  type Report,
  type ReportHead,
  type TagInfo,
  type Problem,
  problemText,
  type Result,
} from '../core/index.ts';
import { CodebookFile } from './codebookFile.ts';
import { Disposable } from './disposable.ts';
import { problemMessage, showProblem } from './problems.ts';
import { MemoService } from './memos.ts';
import { ProjectService } from './project.ts';
import { annotationSettings, onDidChangeSettings } from './settings.ts';
import { workspaceHost } from './workspaceHost.ts';

/** Which coders' annotations the views show: the default (see visibleCoder), all, or these. */
export type CoderFilter = null | 'all' | readonly string[];

/** One report's placed annotations. */
interface PlacedOfSource {
  reports: WeakMap<Report, Placed>;
  groups?: { stamp: string; byReport: Map<string, Annotation[]> };
}

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
  /**
   * By source: the visible annotations grouped by report (made once per version of the source's
   * stores), and the placements by Report object (a changed report is a new object).
   */
  private readonly placed = new Map<string, PlacedOfSource>();
  private readonly unsubscribe = new Map<string, () => void>();
  /** Watchers of sidecars outside the workspace folders (the workspace watcher does not see them). */
  private readonly outsideWatchers = new Map<string, vscode.Disposable>();
  private readonly changed = this.register(new vscode.EventEmitter<{ source: string | null }>());
  /** Fires when annotations or the codebook change; `source` null: everything. */
  readonly onDidChange = this.changed.event;
  /** The workspace's codebook (.annals/codebook.json): read, created, edited, watched. */
  private readonly codebooks: CodebookFile;
  /** Sidecar errors already shown, so that a broken file is reported once per error. */
  private readonly shownErrors = new Set<string>();
  private readonly saving = new Map<string, Promise<void>>();

  /** The coders' own sidecars (independent coding), by source, then by coder file id. */
  private readonly coderStores = new Map<string, Map<string, Promise<AnnotationStore>>>();
  /** The coder file ids found on disk next to each source's shared sidecar. */
  private readonly coderFilesFound = new Map<string, Promise<string[]>>();
  private filter: CoderFilter = null;
  private readonly log?: Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error'>;
  /** The project file, the coding mode and the coder of this workspace. */
  private readonly project: ProjectService;

  /**
   * The project, the memos and the codebook come from the composition root; those not given (tests) are made here and
   * disposed with this service. A change of any of them refreshes the views (onDidChange, every source).
   */
  constructor(
    deps: {
      log?: Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error'>;
      project?: ProjectService;
      memos?: MemoService;
      codebooks?: CodebookFile;
    } = {},
  ) {
    super();
    this.log = deps.log;
    const everything = () => this.changed.fire({ source: null });
    this.project = deps.project ?? this.register(new ProjectService(deps.log));
    this.codebooks = deps.codebooks ?? this.register(new CodebookFile(deps.log));
    const memos = deps.memos ?? this.register(new MemoService(deps.log));
    // The coding mode or the coder decide which annotations are shown: placements are made again.
    this.register(
      this.project.onDidChange(() => {
        this.placed.clear();
        everything();
      }),
    );
    this.register(this.codebooks.onDidChange(everything));
    this.register(memos.onDidChange(everything));
    const sidecars = this.register(vscode.workspace.createFileSystemWatcher('**/*.annals.json'));
    const onSidecar = (uri: vscode.Uri) => void this.outsideChange(uri);
    sidecars.onDidChange(onSidecar);
    sidecars.onDidCreate(onSidecar);
    sidecars.onDidDelete(onSidecar);
    // The coders' own sidecars: a new or deleted one changes what a source holds.
    const coderFiles = this.register(vscode.workspace.createFileSystemWatcher('**/*.annals.*.json'));
    const onCoderFile = (uri: vscode.Uri) => {
      this.coderFilesFound.clear();
      this.placed.clear();
      void this.outsideChange(uri).then(() => this.changed.fire({ source: null }));
    };
    coderFiles.onDidChange((uri) => void this.outsideChange(uri));
    coderFiles.onDidCreate(onCoderFile);
    coderFiles.onDidDelete(onCoderFile);
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
    this.coderStores.clear();
    this.coderFilesFound.clear();
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

  /** The stores opened so far (the coders' own too). */
  async openStores(): Promise<AnnotationStore[]> {
    return Promise.all([...this.stores.values(), ...[...this.coderStores.values()].flatMap((m) => [...m.values()])]);
  }

  /** A coder's own sidecar of a source (independent coding), opened once. */
  coderStore(source: vscode.Uri, coder: string): Promise<AnnotationStore> {
    const key = source.toString();
    const id = coderFileId(coder);
    let byCoder = this.coderStores.get(key);
    if (!byCoder) this.coderStores.set(key, (byCoder = new Map()));
    let p = byCoder.get(id);
    if (!p) {
      const { sidecarFolder } = annotationSettings();
      p = AnnotationStore.open(workspaceHost, key, { author: coder, coder, sidecarFolder, workspaceRoot: this.workspaceRoot(source) }).then((store) => {
        this.unsubscribe.set(
          `${key}\u0000${id}`,
          store.onDidChange(() => {
            this.forget(key);
            this.changed.fire({ source: key });
          }),
        );
        if (store.error) this.reportError(store);
        this.watchOutside(store);
        return store;
      });
      byCoder.set(id, p);
    }
    return p;
  }

  /** The coder file ids of the sidecars next to a source's shared sidecar (`<name>.annals.<coder>.json`). */
  private coderFiles(source: vscode.Uri, sharedPath: string): Promise<string[]> {
    const key = source.toString();
    let p = this.coderFilesFound.get(key);
    if (!p) {
      const shared = vscode.Uri.parse(sharedPath, true);
      const base = parseSidecarName(shared.path.split('/').pop() ?? '')?.source;
      p = Promise.resolve(vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(shared, '..'))).then(
        (entries) =>
          entries
            .map(([name]) => parseSidecarName(name))
            .filter((n): n is { source: string; coder: string } => n !== null && n.coder !== null && n.source === base)
            .map((n) => n.coder)
            .sort(),
        () => [],
      );
      this.coderFilesFound.set(key, p);
    }
    return p;
  }

  /** Every store of a source: the shared sidecar, then each coder's own (found on disk, or opened here). */
  async storesOf(source: vscode.Uri): Promise<AnnotationStore[]> {
    const shared = await this.store(source);
    for (const id of await this.coderFiles(source, shared.path)) await this.coderStore(source, id);
    return [shared, ...(await Promise.all(this.coderStores.get(source.toString())?.values() ?? []))];
  }

  /** The store that holds an annotation of a source (the shared sidecar or a coder's own). */
  async storeHolding(source: vscode.Uri, id: string): Promise<AnnotationStore | undefined> {
    return (await this.storesOf(source)).find((s) => s.get(id));
  }

  /**
   * The annotations of a source from all its sidecars: those the coder filter shows (`filtered`),
   * or all of them.
   */
  async annotationsOf(source: vscode.Uri, filtered = true): Promise<Annotation[]> {
    const all = (await this.storesOf(source)).flatMap((s) => s.all());
    if (!filtered) return all;
    const visible = await this.visibility();
    return all.filter((a) => visible(a));
  }

  /**
   * Which annotations the views show. An explicit filter (Filter by Coder…) shows its coders (or
   * all). By default: everyone's in shared coding; in independent coding only the current coder's
   * own and the resolutions of the shared sidecar, so that coders do not see each other's work
   * until they compare.
   */
  private async visibility(): Promise<(a: Annotation) => boolean> {
    const f = this.filter;
    if (f === 'all') return () => true;
    if (f !== null) return (a) => a.resolvedBy !== undefined || f.some((c) => sameCoder(c, a.author));
    if ((await this.project.codingMode()) !== 'independent') return () => true;
    const me = this.project.currentCoder();
    return (a) => a.resolvedBy !== undefined || (me !== undefined && sameCoder(me, a.author));
  }

  /** The coder filter of the views. */
  get coderFilter(): CoderFilter {
    return this.filter;
  }

  /** Sets the coder filter of the views (Filter by Coder…); null restores the default. */
  setCoderFilter(filter: CoderFilter): void {
    this.filter = filter;
    this.placed.clear();
    this.changed.fire({ source: null });
  }

  /** The coders seen: the project's, then the authors of the annotations of the stores opened so far. */
  async knownCoders(): Promise<string[]> {
    const out: string[] = [];
    const add = (c: string) => {
      if (c.trim() && !out.some((x) => sameCoder(x, c))) out.push(c);
    };
    for (const c of (await this.project.read()).project.coders) add(c.id);
    const me = this.project.currentCoder();
    if (me) add(me);
    for (const s of await this.openStores()) for (const a of s.all()) add(a.author);
    return out;
  }

  /** The store the current coder writes to: their own sidecar in independent coding, else the shared one. */
  async writeStore(source: vscode.Uri): Promise<AnnotationStore> {
    if ((await this.project.codingMode()) !== 'independent') return this.store(source);
    return this.coderStore(source, await this.project.author());
  }

  /** `.annals/project.json` of the first workspace folder; the default (shared coding) when there is none. */
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
    const all = [...this.stores.values(), ...[...this.coderStores.values()].flatMap((m) => [...m.values()])];
    for (const p of all) {
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
    const cached = this.placed.get(key)?.reports.get(report);
    if (cached) return cached;
    const annotations = [...((await this.groupedByReport(source)).get(report.id) ?? [])];
    const anchors = reanchor(report, annotations);
    const placed = { annotations, anchors, index: new AnchorIndex(annotations, anchors) };
    let of = this.placed.get(key);
    if (!of) this.placed.set(key, (of = { reports: new WeakMap() }));
    of.reports.set(report, placed);
    return placed;
  }

  /**
   * The annotations of a source that the coder filter shows, grouped by report, in the order of
   * annotationsOf(): made once per version of the source's stores (and again after a change of
   * filter or coding mode, which forgets the placements), not once per report.
   */
  private async groupedByReport(source: vscode.Uri): Promise<ReadonlyMap<string, readonly Annotation[]>> {
    const key = source.toString();
    const stores = await this.storesOf(source);
    const stamp = stores.map((s) => `${s.path}\u0000${s.changes}`).join('\u0001');
    const of = this.placed.get(key);
    if (of?.groups?.stamp === stamp) return of.groups.byReport;
    const visible = await this.visibility();
    const byReport = new Map<string, Annotation[]>();
    for (const store of stores) {
      for (const [report, list] of store.byReport()) {
        const shown = list.filter(visible);
        if (!shown.length) continue;
        const into = byReport.get(report);
        if (into) into.push(...shown);
        else byReport.set(report, shown);
      }
    }
    // Placements made before this version are stale with it.
    this.placed.set(key, { reports: of?.groups && of.groups.stamp !== stamp ? new WeakMap() : (of?.reports ?? new WeakMap()), groups: { stamp, byReport } });
    return byReport;
  }

  /** The ids of a source's reports that have annotations the coder filter shows. */
  async annotatedReports(source: vscode.Uri): Promise<ReadonlySet<string>> {
    return new Set((await this.groupedByReport(source)).keys());
  }

  /**
   * The annotations under each heading of a report (for the Reports view). `full` gives the report's
   * text (Corpus.full), read only when the report has annotations; the counts are keyed by the
   * head's outline nodes, which the full report shares.
   */
  async headingCounts(source: vscode.Uri, report: ReportHead, full: () => Promise<Report | undefined>): Promise<Map<OutlineNode, number>> {
    if (!(await this.annotatedReports(source)).has(report.id)) return new Map();
    const r = await full();
    return r ? chapterCounts(await this.placement(source, r), r) : new Map();
  }

  // The codebook, for the views and commands that take the annotations' narrow interface (codebookFile.ts does the work).
  codebook(): Promise<{ codebook: Codebook | null; error: Problem | null }> {
    return this.codebooks.codebook();
  }
  codebookUri(): vscode.Uri | undefined {
    return this.codebooks.codebookUri();
  }
  tags(): Promise<(id: string) => TagInfo> {
    return this.codebooks.tags();
  }
  codebookForTagging(): Promise<Codebook | undefined> {
    return this.codebooks.codebookForTagging();
  }
  createCodebook(ready: Codebook): Promise<Codebook | undefined> {
    return this.codebooks.createCodebook(ready);
  }
  editCodebook(edit: (cb: Codebook) => Result<Codebook>): Promise<Problem | null> {
    return this.codebooks.editCodebook(edit);
  }

  override dispose(): void {
    this.unsubscribe.forEach((off) => off());
    this.outsideWatchers.forEach((w) => w.dispose());
    super.dispose();
  }
}
