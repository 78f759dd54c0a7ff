/**
 * Annals: Import REFI-QDA Project…: a .qdpx from NVivo, ATLAS.ti, MAXQDA or QualCoder into the
 * workspace, as `annals import` does (src/cli/import.ts): the texts as plain-text reports in a
 * folder named after the file, the codings as annotations re-anchored by quote (those not placed
 * with confidence go to review; in independent coding each user's into that coder's own sidecar),
 * the codes into the codebook (asking when one differs), the users as coders of
 * .annals/project.json and the notes as memos (a source's as its report memo).
 */
import * as vscode from 'vscode';
import {
  type Annotation,
  CODEBOOK_PATH,
  type ConflictChoice,
  codeConflicts,
  DEFAULT_CODEBOOK,
  memoWrites,
  ok,
  planImport,
  problem,
  sameCoder,
  serializeCodebook,
  withCoder,
} from '../../core/index.ts';
import { showProblem } from '../problems.ts';
import { discoverySettings } from '../settings.ts';
import type { Services } from './services.ts';

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

/** The .txt files of a folder, by name, with their text (the planner must not overwrite another text). */
async function textsIn(folder: vscode.Uri): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return out;
  }
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File) out.set(name, '\u0000(not a file)');
    else if (name.toLowerCase().endsWith('.txt')) out.set(name, (await readText(vscode.Uri.joinPath(folder, name))) ?? '\u0000(unreadable)');
  }
  return out;
}

export const importQdpx = (s: Services) => async () => {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: the codebook lives in the workspace (.annals/codebook.json).'));
    return;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { [vscode.l10n.t('REFI-QDA project')]: ['qdpx', 'qde'] },
    openLabel: vscode.l10n.t('Import'),
    title: vscode.l10n.t('Import REFI-QDA Project'),
  });
  const file = picked?.[0];
  if (!file) return;
  const { maxBytes } = discoverySettings();
  let bytes: Uint8Array;
  try {
    const st = await vscode.workspace.fs.stat(file);
    if (st.size > maxBytes) {
      void showProblem(problem('tooLarge', [(st.size / 1048576).toFixed(1), (maxBytes / 1048576).toFixed(1)]));
      return;
    }
    bytes = await vscode.workspace.fs.readFile(file);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read {0}: {1}', file.toString(true), e instanceof Error ? e.message : String(e)));
    return;
  }
  // On the import worker: the zip and its XML are untrusted, and a large project takes a while.
  const project = await s.reports.readQdpx(file.toString(true), bytes, maxBytes);
  if (!project.ok) {
    void showProblem(project.problem);
    return;
  }
  const { codebook: current, error } = await s.annotations.codebook();
  if (error) {
    void showProblem(error, (why) => vscode.l10n.t('The codebook cannot be read: {0}', why));
    return;
  }
  // The coding mode says where the codings go; a project file that cannot be read is never written over.
  const { error: projectError } = await s.project.read();
  if (projectError) {
    void showProblem(projectError, (why) => vscode.l10n.t('The project file cannot be read: {0}', why));
    return;
  }
  const independent = (await s.project.codingMode()) === 'independent';
  const codebook = current ?? DEFAULT_CODEBOOK;
  let choice: ConflictChoice = 'keep';
  const conflicts = codeConflicts(project.value, codebook);
  if (conflicts.length) {
    const names = conflicts.map((c) => `“${c.name}”`).join(', ');
    const options = [
      { label: vscode.l10n.t('Keep the codebook’s tags'), choice: 'keep' as const },
      { label: vscode.l10n.t('Take the project’s colours and descriptions'), choice: 'replace' as const },
      { label: vscode.l10n.t('Add the project’s codes as new tags'), choice: 'add' as const },
    ];
    const answer = await vscode.window.showQuickPick(options, {
      title: vscode.l10n.t('Import REFI-QDA Project'),
      placeHolder: vscode.l10n.t('These codes are in the codebook with another colour or description: {0}', names),
      ignoreFocusOut: true,
    });
    if (!answer) return;
    choice = answer.choice;
  }
  const base = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.(qdpx|qde)$/i, '') || 'imported';
  const folder = vscode.Uri.joinPath(root, base);
  const existing = await textsIn(folder);
  const plan = await planImport(project.value, {
    codebook,
    // Through the import worker, as every report: the extension's bundle carries no reader.
    readReport: async (name, text) => (await s.reports.importBytes(name, utf8.encode(text), { maxBytes })).reports[0] ?? null,
    existing: (name) => existing.get(name) ?? null,
    onConflict: choice,
    now: new Date().toISOString(),
  });
  try {
    if (plan.codesAdded || plan.codesChanged || !current) {
      const uri = vscode.Uri.joinPath(root, CODEBOOK_PATH);
      if (current) {
        const p = await s.annotations.editCodebook(() => ok(plan.codebook));
        if (p) {
          void showProblem(p);
          return;
        }
      } else {
        await vscode.workspace.fs.writeFile(uri, utf8.encode(serializeCodebook(plan.codebook)));
        await s.annotations.editCodebook((cb) => ok(cb));
      }
    }
    await vscode.workspace.fs.createDirectory(folder);
    let annotations = 0;
    let review = 0;
    for (const f of plan.files) {
      const uri = vscode.Uri.joinPath(folder, f.name);
      if (f.write) await vscode.workspace.fs.writeFile(uri, utf8.encode(f.text));
      if (!f.annotations.length) continue;
      // In independent coding each user's codings go to that coder's own sidecar; codings with no user to the shared one.
      const byCoder = new Map<string, Annotation[]>();
      for (const a of f.annotations) {
        const key = independent && a.author.trim() ? a.author : '';
        byCoder.set(key, [...(byCoder.get(key) ?? []), a]);
      }
      for (const [coder, list] of byCoder) {
        const store = coder ? await s.annotations.coderStore(uri, coder) : await s.annotations.store(uri);
        if (store.error) {
          void showProblem(store.error);
          continue;
        }
        const put = store.insert(list);
        if (!put.ok) {
          void showProblem(put.problem);
          continue;
        }
        if (!(await s.annotations.save(store))) continue;
        annotations += put.value.added.length;
      }
      review += f.review;
    }
    // Users become coders of .annals/project.json (added, never removed or changed).
    const { project } = await s.project.read();
    const newCoders = plan.coders.filter((c) => !project.coders.some((k) => sameCoder(k.id, c.id)));
    if (newCoders.length) {
      const p = await s.project.editProject((pr) =>
        newCoders.reduce((acc, c) => withCoder(acc, c.name && c.name !== c.id ? { id: c.id, name: c.name } : { id: c.id }), pr),
      );
      if (p) void showProblem(p, (why) => vscode.l10n.t('The project file cannot be written: {0}', why));
    }
    // Project memos (.annals/memos/<name>.md) and report memos (.annals/memos/reports/<report id>.md).
    let memos = 0;
    for (const m of await memoWrites(plan.memos, (rel) => readText(vscode.Uri.joinPath(root, rel)))) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, m.path), utf8.encode(m.text));
      memos++;
    }
    for (const p of plan.problems) void showProblem(p);
    await s.corpus.refresh();
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Imported {0} reports into {1} with {2} annotations ({3} to review); codebook: {4} tags added, {5} changed; {6} coders; {7} memos.',
        plan.files.length,
        vscode.workspace.asRelativePath(folder, false),
        annotations,
        review,
        plan.codesAdded,
        plan.codesChanged,
        plan.coders.length,
        memos,
      ),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', folder.toString(true), e instanceof Error ? e.message : String(e)));
  }
};
