/**
 * The project and the coder: `.annals/project.json` (the coding mode and the coders) of the first workspace folder,
 * read once and kept until the file changes (a watcher), edited as it is on disk now and written atomically; the
 * setting annals.coding.mode; and the coder of this workspace (Switch Coder, else the setting annals.author, else
 * asked once). Built by the composition root and given to the AnnotationService, whose views follow its changes.
 */
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import {
  type CodingMode,
  DEFAULT_PROJECT,
  isNotFound,
  parseProject,
  PROJECT_PATH,
  type Project,
  problem,
  type Problem,
  problemText,
  sameCoder,
  serializeProject,
  withCoder,
  writeFileAtomic,
} from '../core/index.ts';
import { Disposable } from './disposable.ts';
import { showProblem } from './problems.ts';
import { annotationSettings, codingModeSetting, onDidChangeSettings, saveAuthor } from './settings.ts';
import { workspaceHost } from './workspaceHost.ts';

/** The workspace state key of the coder chosen with Switch Coder (this workspace only). */
const CODER_KEY = 'annals.coder';

/** The project file as read: the default project (shared coding) when there is none, or when it cannot be read (`error`). */
export interface ProjectRead {
  project: Project;
  error: Problem | null;
  exists: boolean;
}

/** A name to offer for the coder: git's user.name (through the Git extension), else the system user. */
async function defaultCoderName(): Promise<string> {
  try {
    type GitApi = { repositories: { getConfig(key: string): Promise<string> }[] };
    const git = vscode.extensions?.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    const api = git?.isActive ? git.exports.getAPI(1) : undefined;
    const name = (await api?.repositories[0]?.getConfig('user.name'))?.trim();
    if (name) return name;
  } catch {
    // No Git extension, or no repository: the system user.
  }
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export class ProjectService extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the project file, the coding mode or the coder of this workspace changes. */
  readonly onDidChange = this.changed.event;
  private projectCache: ProjectRead | undefined;
  /** The coder chosen in this workspace when there is no workspace state (tests). */
  private localCoder: string | undefined;

  constructor(
    private readonly log?: Pick<vscode.LogOutputChannel, 'error'>,
    /** The workspace state: the coder chosen with Switch Coder. */
    private readonly state?: vscode.Memento,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${PROJECT_PATH}`));
    const onProject = () => {
      this.projectCache = undefined;
      this.changed.fire();
    };
    watcher.onDidChange(onProject);
    watcher.onDidCreate(onProject);
    watcher.onDidDelete(onProject);
    this.register(onDidChangeSettings(['coding.mode'], () => void this.modeSettingChanged()));
  }

  /** `.annals/project.json` of the first workspace folder; the default (shared coding) when there is none. */
  async read(): Promise<ProjectRead> {
    if (this.projectCache) return this.projectCache;
    const uri = this.projectUri();
    let result: ProjectRead = { project: DEFAULT_PROJECT, error: null, exists: false };
    if (uri) {
      try {
        const parsed = parseProject(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), PROJECT_PATH);
        result = parsed.ok ? { project: parsed.value, error: null, exists: true } : { project: DEFAULT_PROJECT, error: parsed.problem, exists: true };
        if (!parsed.ok) {
          this.log?.error(problemText(parsed.problem));
          void showProblem(parsed.problem, (why) => vscode.l10n.t('The project file cannot be read: {0}', why));
        }
      } catch (e) {
        if (!isNotFound(e))
          result = { project: DEFAULT_PROJECT, error: problem('fileUnreadable', [PROJECT_PATH, e instanceof Error ? e.message : String(e)]), exists: true };
      }
    }
    this.projectCache = result;
    return result;
  }

  private projectUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, PROJECT_PATH) : undefined;
  }

  /**
   * The coding mode: the setting annals.coding.mode where it is set (and then also written to
   * the project file, so that the CLI and the team follow), else `.annals/project.json`, else shared.
   */
  async codingMode(): Promise<CodingMode> {
    return codingModeSetting() ?? (await this.read()).project.coding.mode;
  }

  /** The setting changed: write its mode to the project file. */
  private async modeSettingChanged(): Promise<void> {
    const mode = codingModeSetting();
    const { project, error } = await this.read();
    if (mode && !error && project.coding.mode !== mode) await this.editProject((p) => ({ ...p, coding: { mode } }));
    this.changed.fire();
  }

  /**
   * Edits `.annals/project.json` as it is on disk now (an unreadable file is never overwritten:
   * its problem is returned) and writes it atomically.
   */
  async editProject(edit: (p: Project) => Project): Promise<Problem | null> {
    this.projectCache = undefined;
    const { project, error } = await this.read();
    if (error) return error;
    const uri = this.projectUri();
    if (!uri) return problem('noProjectFolder');
    const next = edit(project);
    const written = await writeFileAtomic(workspaceHost, uri.toString(), new TextEncoder().encode(serializeProject(next)));
    if (!written.ok) return written.problem;
    this.projectCache = { project: next, error: null, exists: true };
    return null;
  }

  /** The coder of this workspace: chosen with Switch Coder, else the setting annals.author; undefined until known. */
  currentCoder(): string | undefined {
    const chosen = this.state?.get<string>(CODER_KEY) ?? this.localCoder;
    if (chosen?.trim()) return chosen;
    return annotationSettings().author || undefined;
  }

  /**
   * Switch Coder: the coder of this workspace from now on. In independent coding, or when the
   * project file exists, the coder is added to its coders. The views show the new coder's work.
   */
  async switchCoder(name: string): Promise<Problem | null> {
    const coder = name.trim();
    if (this.state) await this.state.update(CODER_KEY, coder);
    else this.localCoder = coder;
    let problemFound: Problem | null = null;
    const { project, exists } = await this.read();
    if ((exists || (await this.codingMode()) === 'independent') && !project.coders.some((c) => sameCoder(c.id, coder)))
      problemFound = await this.editProject((p) => {
        const mode = codingModeSetting();
        return withCoder(mode ? { ...p, coding: { mode } } : p, { id: coder });
      });
    this.changed.fire();
    return problemFound;
  }

  /**
   * The coder: chosen in this workspace with Switch Coder, else the setting annals.author; asks once
   * when neither is set (offering the git user name, else the system user), and keeps the answer in
   * the user settings.
   */
  async author(): Promise<string> {
    const coder = this.currentCoder();
    if (coder) return coder;
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Your name for annotations'),
      prompt: vscode.l10n.t('Annals records it as the author of your annotations (setting annals.author). Asked once.'),
      value: await defaultCoderName(),
      ignoreFocusOut: true,
    });
    const name = answer?.trim() ?? '';
    // Asked once: an empty answer is kept too, as “anonymous”.
    await saveAuthor(name || vscode.l10n.t('anonymous'));
    return name || vscode.l10n.t('anonymous');
  }
}
