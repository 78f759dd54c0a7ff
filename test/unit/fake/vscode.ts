/**
 * A small in-process stand-in for the `vscode` module: just what the Annals adapters
 * touch, backed by the real file system. It lets unit tests drive the tree, the
 * document provider and the language features; the real editor is tested end to end.
 */
import { existsSync, lstatSync, readFileSync, statSync, readdirSync, writeFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

type Listener<T> = (e: T) => unknown;
export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string,
  ) {}
  static file(p: string) {
    return new Uri('file', '', path.resolve(p), '', '');
  }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }) {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? '');
  }
  static parse(s: string, _strict?: boolean) {
    const m = /^([a-z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(s);
    if (!m) throw new Error(`bad uri ${s}`);
    return new Uri(m[1], m[2] ?? '', decodeURIComponent(m[3]), m[4] ?? '', m[5] ?? '');
  }
  static joinPath(base: Uri, ...parts: string[]) {
    return base.with({ path: path.posix.join(base.path, ...parts) });
  }
  get fsPath() {
    return this.path;
  }
  with(c: { path?: string; query?: string }) {
    return new Uri(this.scheme, this.authority, c.path ?? this.path, c.query ?? this.query, this.fragment);
  }
  toString(_skipEncoding?: boolean) {
    const auth = this.scheme === 'file' || this.authority ? `//${this.authority}` : '';
    return `${this.scheme}:${auth}${encodeURI(this.path)}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
  union(o: Range) {
    const before = (x: Position, y: Position) => x.line < y.line || (x.line === y.line && x.character <= y.character);
    return new Range(before(this.start, o.start) ? this.start : o.start, before(this.end, o.end) ? o.end : this.end);
  }
}

export class FakeDocument {
  readonly lines: string[];
  languageId = 'plaintext';
  constructor(
    readonly uri: Uri,
    readonly text: string,
  ) {
    this.lines = text.split('\n');
  }
  get lineCount() {
    return this.lines.length;
  }
  getText() {
    return this.text;
  }
  lineAt(n: number) {
    return { text: this.lines[n], range: new Range(n, 0, n, this.lines[n].length) };
  }
  offsetAt(pos: Position) {
    let off = 0;
    for (let i = 0; i < pos.line; i++) off += this.lines[i].length + 1;
    return off + pos.character;
  }
  positionAt(offset: number) {
    let rest = offset;
    for (let i = 0; i < this.lines.length; i++) {
      if (rest <= this.lines[i].length) return new Position(i, rest);
      rest -= this.lines[i].length + 1;
    }
    return new Position(this.lines.length - 1, this.lines.at(-1)!.length);
  }
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}
export class ThemeColor {
  constructor(readonly id: string) {}
}
export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}
export class MarkdownString {
  isTrusted?: boolean | { enabledCommands: string[] };
  supportHtml?: boolean;
  supportThemeIcons?: boolean;
  value = '';
  constructor(value?: string, supportThemeIcons?: boolean) {
    this.value = value ?? '';
    this.supportThemeIcons = supportThemeIcons;
  }
  appendText(s: string) {
    this.value += s;
    return this;
  }
  appendMarkdown(s: string) {
    this.value += s;
    return this;
  }
}
export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}

/** A tree view: what the extension sets on it (description, message, badge). */
export class FakeTreeView {
  description?: string;
  message?: string;
  title?: string;
  badge?: unknown;
  visible = true;
  disposed = false;
  constructor(
    readonly viewId: string,
    readonly options: { treeDataProvider: unknown; showCollapseAll?: boolean },
  ) {}
  async reveal() {}
  dispose() {
    this.disposed = true;
  }
}
export class TreeItem {
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  id?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(
    readonly label: string,
    public collapsibleState: TreeItemCollapsibleState,
  ) {}
}
/** Drag and drop of tree items (the Codebook view). */
export class DataTransferItem {
  constructor(readonly value: unknown) {}
  async asString() {
    return typeof this.value === 'string' ? this.value : JSON.stringify(this.value);
  }
}

export class DataTransfer {
  private readonly items = new Map<string, DataTransferItem>();
  get(mime: string) {
    return this.items.get(mime.toLowerCase());
  }
  set(mime: string, item: DataTransferItem) {
    this.items.set(mime.toLowerCase(), item);
  }
}

export enum SymbolKind {
  Module = 1,
  Class = 4,
  Method = 5,
}
export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  constructor(
    readonly name: string,
    readonly detail: string,
    readonly kind: SymbolKind,
    readonly range: Range,
    readonly selectionRange: Range,
  ) {}
}
export enum FoldingRangeKind {
  Region = 3,
}
export class FoldingRange {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly kind?: FoldingRangeKind,
  ) {}
}
export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}
export class Diagnostic {
  source?: string;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity,
  ) {}
}
export class SemanticTokensLegend {
  constructor(
    readonly tokenTypes: string[],
    readonly tokenModifiers: string[] = [],
  ) {}
}
/** Keeps the pushed tokens as they are (the real builder delta-encodes them). */
export class SemanticTokensBuilder {
  readonly tokens: { line: number; char: number; length: number; type: number }[] = [];
  constructor(readonly legend?: SemanticTokensLegend) {}
  push(line: number, char: number, length: number, type: number) {
    this.tokens.push({ line, char, length, type });
  }
  build() {
    return { tokens: this.tokens };
  }
}

export class CodeLens {
  constructor(
    readonly range: Range,
    readonly command?: { title: string; command: string; tooltip?: string; arguments?: unknown[] },
  ) {}
}
export class Selection extends Range {
  constructor(anchor: Position, active: Position) {
    super(anchor, active);
  }
  get active() {
    return this.end;
  }
}
export class Hover {
  constructor(
    readonly contents: unknown,
    readonly range?: Range,
  ) {}
}
export enum QuickPickItemKind {
  Separator = -1,
  Default = 0,
}
export enum OverviewRulerLane {
  Left = 1,
  Center = 2,
  Right = 4,
  Full = 7,
}
export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}
export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
  Two = 2,
}

/** A webview panel that records what the extension sets and posts; `receive` plays the webview's side. */
export class FakeWebviewPanel {
  title: string;
  visible = true;
  disposed = false;
  iconPath: unknown;
  readonly posted: unknown[] = [];
  private readonly messages = new EventEmitter<unknown>();
  private readonly disposeEmitter = new EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  readonly webview = {
    html: '',
    options: {} as { enableScripts?: boolean; localResourceRoots?: Uri[] },
    cspSource: 'https://fake.vscode-cdn.net',
    asWebviewUri: (u: Uri) => Uri.from({ scheme: 'https', authority: 'fake.vscode-cdn.net', path: u.path }),
    postMessage: async (m: unknown) => {
      this.posted.push(m);
      return true;
    },
    onDidReceiveMessage: (l: (m: unknown) => unknown) => this.messages.event(l),
  };
  constructor(
    readonly viewType: string,
    title: string,
    readonly options?: unknown,
  ) {
    this.title = title;
  }
  /** A message from the webview's script. */
  receive(m: unknown) {
    this.messages.fire(m);
  }
  reveal() {
    this.visible = true;
  }
  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEmitter.fire();
  }
}

export class RelativePattern {
  constructor(
    readonly base: Uri,
    readonly pattern: string,
  ) {}
}
export class FileSystemError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Test controls: the workspace root, settings, watchers and open documents. */
export const fake = {
  root: '',
  settings: {} as Record<string, unknown>,
  watchers: [] as { pattern: unknown; change: EventEmitter<Uri>; create: EventEmitter<Uri>; del: EventEmitter<Uri> }[],
  textDocuments: [] as FakeDocument[],
  /** The l10n bundle in use (as VS Code loads l10n/bundle.l10n.<locale>.json); empty for English. */
  bundle: {} as Record<string, string>,
  /** What openTextDocument reads annals: documents from (the extension's content provider). */
  provider: null as null | { provideTextDocumentContent(uri: Uri): Promise<string> },
  /** What the window was asked to do. */
  shown: [] as { uri: string; languageId: string; selection?: Range; viewColumn?: number }[],
  revealed: [] as Range[],
  errors: [] as string[],
  infos: [] as string[],
  /** Answers to showInputBox, in order; when empty, the box's own value is accepted. */
  inputs: [] as (string | undefined)[],
  decorationTypes: [] as unknown[],
  statusItems: [] as { text: string; visible: boolean }[],
  panels: [] as FakeWebviewPanel[],
  serializers: new Map<string, { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Promise<void> }>(),
  activeTextEditor: undefined as undefined | { document: FakeDocument; selection: { active: Position } },
  /** The options of each withProgress call. */
  progress: [] as unknown[],
  /** Whether the next withProgress task's token is cancelled. */
  cancelProgress: false,
  /** Lines written to the extension's log channel. */
  logs: [] as string[],
  /** The pick of a QuickPick (an array of items for canPickMany); `options` as the extension passed them. */
  quickPickChoice: (items: unknown[], _options?: any): unknown => items[0],
  /** The answer to an input box; undefined: dismissed. */
  inputBox: (_options?: any): string | undefined => undefined,
  /** What validateInput said about the answers given (null: valid). */
  validations: [] as (string | null)[],
  openDialogResult: undefined as Uri[] | undefined,
  saveDialogResult: undefined as Uri | undefined,
  /** The button chosen in a message (information, warning or error); undefined: dismissed. */
  messageChoice: (_message: string, _items: string[]): string | undefined => undefined,
  warnings: [] as string[],
  treeViews: [] as FakeTreeView[],
  /** executeCommand calls (setContext, vscode.open…). */
  executed: [] as { command: string; args: unknown[] }[],
  /** Diagnostic collections by name: URI → diagnostics. */
  diagnosticCollections: new Map<string, Map<string, { uri: Uri; diagnostics: Diagnostic[] }>>(),
  /** Context keys set through setContext. */
  context: {} as Record<string, unknown>,
  closeDoc: new EventEmitter<FakeDocument>(),
  visibleRanges: new EventEmitter<{ textEditor: unknown; visibleRanges: Range[] }>(),
  reset(root: string) {
    this.root = root;
    this.settings = {};
    this.watchers = [];
    this.textDocuments = [];
    this.bundle = {};
    this.provider = null;
    this.shown = [];
    this.revealed = [];
    this.errors = [];
    this.infos = [];
    this.inputs = [];
    this.messageChoice = () => undefined;
    this.decorationTypes = [];
    this.statusItems = [];
    this.panels = [];
    this.serializers = new Map();
    this.activeTextEditor = undefined;
    this.progress = [];
    this.cancelProgress = false;
    this.quickPickChoice = (items) => items[0];
    this.inputBox = () => undefined;
    this.validations = [];
    this.openDialogResult = undefined;
    this.saveDialogResult = undefined;
    this.messageChoice = () => undefined;
    this.warnings = [];
    this.treeViews = [];
    this.executed = [];
    this.context = {};
  },
};

function walk(dir: string, out: string[]) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** Glob to regular expression source: `**`, `*`, `?` and `{a,b}` (alternatives may hold globs). */
function globSource(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map(globSource)
        .join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return re;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(glob)}$`);
}

export const workspace = {
  fs: {
    async stat(uri: Uri) {
      try {
        const s = statSync(uri.fsPath);
        // As VS Code's: a pipe, socket or device is neither a file nor a folder; a link has the SymbolicLink bit.
        const link = lstatSync(uri.fsPath).isSymbolicLink() ? FileType.SymbolicLink : 0;
        const type = s.isDirectory() ? FileType.Directory : s.isFile() ? FileType.File : FileType.Unknown;
        return { type: type | link, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
      } catch {
        throw new FileSystemError(`${uri.fsPath} not found`, 'FileNotFound');
      }
    },
    async readFile(uri: Uri) {
      try {
        return new Uint8Array(readFileSync(uri.fsPath));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EISDIR') throw new FileSystemError(`${uri.fsPath} is a folder`, 'FileIsADirectory');
        throw new FileSystemError(`${uri.fsPath} not found`, 'FileNotFound');
      }
    },
    /** Creates missing parent folders, as the real one does. */
    async writeFile(uri: Uri, data: Uint8Array) {
      mkdirSync(path.dirname(uri.fsPath), { recursive: true });
      writeFileSync(uri.fsPath, data);
    },
    async createDirectory(uri: Uri) {
      mkdirSync(uri.fsPath, { recursive: true });
    },
    /** As the real one: without overwrite, FileExists when the target exists (checked, then renamed). */
    async rename(from: Uri, to: Uri, options?: { overwrite?: boolean }) {
      if (!options?.overwrite && existsSync(to.fsPath)) throw new FileSystemError(`${to.fsPath} exists`, 'FileExists');
      renameSync(from.fsPath, to.fsPath);
    },
    async readDirectory(uri: Uri): Promise<[string, number][]> {
      return readdirSync(uri.fsPath, { withFileTypes: true }).map((e) => [e.name, e.isDirectory() ? 2 : 1]);
    },
    async delete(uri: Uri) {
      rmSync(uri.fsPath, { recursive: true });
    },
  },
  /** One folder: the test's root. */
  get workspaceFolders() {
    return fake.root ? [{ uri: Uri.file(fake.root), name: path.basename(fake.root), index: 0 }] : undefined;
  },
  getWorkspaceFolder(uri: Uri) {
    const folder = this.workspaceFolders?.[0];
    return folder && uri.scheme === 'file' && (uri.path === folder.uri.path || uri.path.startsWith(folder.uri.path + '/')) ? folder : undefined;
  },
  asRelativePath(uri: Uri | string, _includeWorkspaceFolder?: boolean) {
    const p = typeof uri === 'string' ? uri : uri.fsPath;
    const rel = path.relative(fake.root, p);
    return rel.startsWith('..') || path.isAbsolute(rel) ? p : rel.split(path.sep).join('/');
  },
  async findFiles(include: string, exclude: string, max?: number) {
    const files: string[] = [];
    walk(fake.root, files);
    const inc = globToRegExp(include);
    const exc = globToRegExp(exclude);
    const rel = files.map((f) => path.relative(fake.root, f).split(path.sep).join('/'));
    // As in VS Code, an exclude that matches a folder excludes everything in it.
    const excluded = (r: string) => r.split('/').some((_, k, parts) => exc.test(parts.slice(0, k + 1).join('/')));
    const hits = rel.filter((r) => inc.test(r) && !excluded(r)).sort();
    return hits.slice(0, max ?? hits.length).map((r) => Uri.file(path.join(fake.root, r)));
  },
  getConfiguration(section: string) {
    return {
      get: <T>(key: string, dflt: T): T => (fake.settings[`${section}.${key}`] as T) ?? dflt,
      update: async (key: string, value: unknown) => void (fake.settings[`${section}.${key}`] = value),
    };
  },
  createFileSystemWatcher(pattern: unknown) {
    const w = { pattern, change: new EventEmitter<Uri>(), create: new EventEmitter<Uri>(), del: new EventEmitter<Uri>() };
    fake.watchers.push(w);
    return {
      onDidChange: w.change.event,
      onDidCreate: w.create.event,
      onDidDelete: w.del.event,
      dispose: () => (fake.watchers = fake.watchers.filter((x) => x !== w)),
    };
  },
  onDidChangeConfiguration: new EventEmitter<unknown>().event,
  onDidChangeTextDocument: new EventEmitter<unknown>().event,
  onDidChangeWorkspaceFolders: new EventEmitter<unknown>().event,
  onDidCloseTextDocument: (l: Listener<FakeDocument>) => fake.closeDoc.event(l),
  get textDocuments() {
    return fake.textDocuments;
  },
  async openTextDocument(uri: Uri) {
    if (!fake.provider) throw new Error('no content provider');
    return new FakeDocument(uri, await fake.provider.provideTextDocumentContent(uri));
  },
};

export const window = {
  createOutputChannel(name: string) {
    const channel = {
      name,
      lines: [] as string[],
      info: (m: string) => channel.lines.push(`[info] ${m}`),
      warn: (m: string) => channel.lines.push(`[warning] ${m}`),
      error: (m: string) => channel.lines.push(`[error] ${m}`),
      appendLine: (m: string) => channel.lines.push(m),
      dispose() {},
    };
    fake.logs = channel.lines;
    return channel;
  },
  /** Runs the task at once; `fake.cancelProgress` makes its token cancelled (as if the user pressed Cancel). */
  async withProgress<T>(
    o: unknown,
    task: (progress: { report(v: unknown): void }, token: { isCancellationRequested: boolean; onCancellationRequested: unknown }) => Promise<T>,
  ) {
    fake.progress.push(o);
    const cancelled = fake.cancelProgress;
    return task({ report: () => {} }, { isCancellationRequested: cancelled, onCancellationRequested: () => ({ dispose() {} }) });
  },
  async showQuickPick(items: unknown[], options?: unknown) {
    return fake.quickPickChoice(items, options);
  },
  async showInputBox(options?: { validateInput?: (v: string) => unknown }) {
    // Queued answers first (fake.inputs), then the inputBox function.
    const answer = fake.inputs.length ? fake.inputs.shift() : fake.inputBox(options);
    if (answer !== undefined && options?.validateInput) {
      const v = await options.validateInput(answer);
      fake.validations.push(v ? String(typeof v === 'object' ? (v as { message: string }).message : v) : null);
    }
    return answer;
  },
  async showOpenDialog() {
    return fake.openDialogResult;
  },
  async showSaveDialog() {
    return fake.saveDialogResult;
  },
  createTreeView(viewId: string, options: { treeDataProvider: unknown; showCollapseAll?: boolean }) {
    const view = new FakeTreeView(viewId, options);
    fake.treeViews.push(view);
    return view;
  },
  get activeTextEditor() {
    return fake.activeTextEditor;
  },
  onDidChangeTextEditorVisibleRanges(l: (e: { textEditor: unknown; visibleRanges: Range[] }) => unknown) {
    return fake.visibleRanges.event(l);
  },
  onDidChangeVisibleTextEditors: new EventEmitter<unknown>().event,
  onDidChangeTextEditorSelection: new EventEmitter<unknown>().event,
  onDidChangeActiveTextEditor: new EventEmitter<unknown>().event,
  get visibleTextEditors() {
    return fake.activeTextEditor ? [fake.activeTextEditor] : [];
  },
  createTextEditorDecorationType(options: unknown) {
    return { key: `deco${fake.decorationTypes.push(options)}`, options, dispose() {} };
  },
  createStatusBarItem() {
    const item = {
      text: '',
      tooltip: '',
      name: '',
      command: '',
      visible: false,
      show: () => (item.visible = true),
      hide: () => (item.visible = false),
      dispose() {},
    };
    fake.statusItems.push(item);
    return item;
  },
  createWebviewPanel(viewType: string, title: string, _show: unknown, options?: unknown) {
    const panel = new FakeWebviewPanel(viewType, title, options);
    fake.panels.push(panel);
    return panel;
  },
  registerWebviewPanelSerializer(viewType: string, serializer: { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Promise<void> }) {
    fake.serializers.set(viewType, serializer);
    return { dispose: () => fake.serializers.delete(viewType) };
  },
  async showInformationMessage(message: string, ...items: unknown[]) {
    fake.infos.push(message);
    return fake.messageChoice(message, buttons(items));
  },
  async showWarningMessage(message: string, ...items: unknown[]) {
    fake.warnings.push(message);
    return fake.messageChoice(message, buttons(items));
  },
  async showErrorMessage(message: string, ...items: unknown[]) {
    fake.errors.push(message);
    return fake.messageChoice(message, buttons(items));
  },
  async showTextDocument(doc: FakeDocument | Uri, options?: { selection?: Range; viewColumn?: number }) {
    if (doc instanceof Uri) {
      fake.shown.push({ uri: doc.toString(), languageId: 'json' });
      return undefined;
    }
    fake.shown.push({ uri: doc.uri.toString(), languageId: doc.languageId, selection: options?.selection, viewColumn: options?.viewColumn });
    return { document: doc, revealRange: (r: Range) => fake.revealed.push(r) };
  },
};

/** The string buttons of a message (the options object, if any, left out). */
function buttons(items: unknown[]): string[] {
  return items.filter((i): i is string => typeof i === 'string');
}

export const commands = {
  async executeCommand(command: string, ...args: unknown[]) {
    fake.executed.push({ command, args });
    if (command === 'setContext') fake.context[String(args[0])] = args[1];
    return undefined;
  },
  registerCommand(_id: string, _fn: (...args: unknown[]) => unknown) {
    return { dispose() {} };
  },
};

export const env = { language: 'en', machineId: 'fake-machine' };

export const languages = {
  createDiagnosticCollection(name: string) {
    const entries = new Map<string, { uri: Uri; diagnostics: Diagnostic[] }>();
    fake.diagnosticCollections.set(name, entries);
    return {
      set(uri: Uri, diagnostics: Diagnostic[]) {
        entries.set(uri.toString(), { uri, diagnostics });
      },
      delete(uri: Uri) {
        entries.delete(uri.toString());
      },
      clear() {
        entries.clear();
      },
      dispose() {
        entries.clear();
      },
    };
  },
  registerCodeLensProvider() {
    return { dispose() {} };
  },
  registerHoverProvider() {
    return { dispose() {} };
  },
  async setTextDocumentLanguage(doc: FakeDocument, languageId: string) {
    doc.languageId = languageId;
    return doc;
  },
};

export enum TextEditorRevealType {
  Default = 0,
  InCenter = 1,
  InCenterIfOutsideViewport = 2,
  AtTop = 3,
}

export const l10n = {
  t(message: string, ...args: unknown[]) {
    return (fake.bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  },
};
