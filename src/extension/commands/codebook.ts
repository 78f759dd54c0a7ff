import * as vscode from 'vscode';
import {
  addTag,
  changeTagId,
  DEFAULT_CODEBOOK,
  describeTag,
  GOVERNMENT_WORK_CODEBOOK,
  isColor,
  moveTag,
  newTagId,
  recolorTag,
  removeTag,
  renameTag,
  retagAnnotation,
  tagUsage,
  type Codebook,
  type Tag,
} from '../../core/index.ts';
import { colorIcon } from '../colors.ts';
import { problemMessage, showProblem } from '../problems.ts';
import { tagOfNode, type TagNodeArg } from './args.ts';
import type { Services } from './services.ts';

/** Annals: Open Codebook (offers to create the default one). */
export const openCodebook = (s: Services) => async (): Promise<void> => {
  const codebook = (await s.annotations.codebook()).codebook ?? (await s.annotations.codebookForTagging());
  const uri = s.annotations.codebookUri();
  if (codebook && uri) await vscode.window.showTextDocument(uri);
};

/** Picks one tag of the codebook. */
async function pickOneTag(codebook: Codebook, placeHolder: string): Promise<Codebook['tags'][number] | undefined> {
  const pick = await vscode.window.showQuickPick(
    codebook.tags.map((t) => ({ label: t.label, description: t.id, detail: t.description || undefined, iconPath: colorIcon(t.color), tag: t })),
    { placeHolder },
  );
  return pick?.tag;
}

/** Annals: Rename Tag…: a new label; the id stays, so every annotation keeps the tag. */
export const renameTagCommand =
  (s: Services) =>
  async (arg?: TagNodeArg): Promise<void> => {
    const codebook = (await s.annotations.codebook()).codebook ?? (await s.annotations.codebookForTagging());
    if (!codebook) return;
    const fromNode = tagOfNode(arg);
    const tag = fromNode ? codebook.tags.find((t) => t.id === fromNode) : await pickOneTag(codebook, vscode.l10n.t('Rename which tag?'));
    if (!tag) return;
    const label = await vscode.window.showInputBox({
      title: vscode.l10n.t('New label for “{0}”', tag.label),
      value: tag.label,
      validateInput: (v) => (v.trim() ? null : vscode.l10n.t('The label must not be empty.')),
    });
    if (label === undefined) return;
    const error = await s.annotations.editCodebook((cb) => renameTag(cb, tag.id, label));
    if (error) void showProblem(error);
  };

/** Annals: Delete Tag…: asks first when annotations use it; they keep its id and show it as unknown. */
export const deleteTagCommand =
  (s: Services) =>
  async (arg?: TagNodeArg): Promise<void> => {
    const codebook = (await s.annotations.codebook()).codebook;
    if (!codebook) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no codebook in this workspace yet.'));
      return;
    }
    const fromNode = tagOfNode(arg);
    const tag = fromNode ? codebook.tags.find((t) => t.id === fromNode) : await pickOneTag(codebook, vscode.l10n.t('Delete which tag?'));
    if (!tag) return;
    let used = 0;
    for (const { source } of await s.corpus.reportsBySource()) used += tagUsage(await s.annotations.annotationsOf(source, false), tag.id);
    if (used > 0) {
      const del = vscode.l10n.t('Delete Tag');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} annotations use “{1}”. Delete the tag anyway? The annotations keep it, shown as an unknown tag, until you tag them again.',
          used,
          tag.label,
        ),
        { modal: true },
        del,
      );
      if (choice !== del) return;
    }
    const error = await s.annotations.editCodebook((cb) => removeTag(cb, tag.id));
    if (error) void showProblem(error);
  };

/** Colours offered for a tag: distinct, and readable on light and dark themes. */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939'];

/** Picks a colour: the palette, or any #rrggbb typed in. */
async function pickColor(title: string, current?: string): Promise<string | undefined> {
  const other = vscode.l10n.t('Other colour…');
  const pick = await vscode.window.showQuickPick(
    [
      ...PALETTE.map((c) => ({ label: c, iconPath: colorIcon(c), picked: c === current, color: c as string | undefined })),
      { label: other, color: undefined as string | undefined },
    ],
    { title, placeHolder: vscode.l10n.t('A colour for the tag') },
  );
  if (!pick) return undefined;
  if (pick.color) return pick.color;
  const typed = await vscode.window.showInputBox({
    title,
    value: current ?? '#',
    prompt: vscode.l10n.t('A colour as #rrggbb or #rgb'),
    validateInput: (v) => (isColor(v.trim()) ? null : vscode.l10n.t('Not a colour: use #rrggbb or #rgb.')),
  });
  return typed?.trim() || undefined;
}

/** The tag a codebook command acts on: the node it came from, or one picked from the codebook. */
async function chosenTag(s: Services, arg: TagNodeArg | undefined, placeHolder: string): Promise<{ codebook: Codebook; tag: Tag } | undefined> {
  const codebook = (await s.annotations.codebook()).codebook ?? (await s.annotations.codebookForTagging());
  if (!codebook) return undefined;
  const fromNode = tagOfNode(arg);
  const tag = fromNode ? codebook.tags.find((t) => t.id === fromNode) : await pickOneTag(codebook, placeHolder);
  if (!tag && fromNode) void vscode.window.showInformationMessage(vscode.l10n.t('The tag “{0}” is no longer in the codebook.', fromNode));
  return tag ? { codebook, tag } : undefined;
}

/** Adds a tag (under `parent` when given): its label, colour and description; its id is made from the label. */
async function addTagUnder(s: Services, parent: Tag | undefined): Promise<Tag | undefined> {
  const codebook = (await s.annotations.codebook()).codebook ?? (await s.annotations.codebookForTagging());
  if (!codebook) return undefined;
  const title = parent ? vscode.l10n.t('New tag under “{0}”', parent.label) : vscode.l10n.t('New tag');
  const label = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The tag’s label, as analysts will see it (乡村振兴)'),
    validateInput: (v) => (v.trim() ? null : vscode.l10n.t('The label must not be empty.')),
  });
  if (!label?.trim()) return undefined;
  const color = await pickColor(title, parent?.color);
  if (!color) return undefined;
  const description = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('A description (optional): what the tag is for. Press Enter to skip.') });
  if (description === undefined) return undefined;
  let added: Tag | undefined;
  const error = await s.annotations.editCodebook((cb) => {
    added = { id: newTagId(cb, label), label: label.trim(), color, description: description.trim(), ...(parent ? { parent: parent.id } : {}) };
    return addTag(cb, added);
  });
  if (error) {
    void showProblem(error);
    return undefined;
  }
  return added;
}

/** Annals: Add Tag…: a new top-level tag. */
export const addTagCommand = (s: Services) => (): Promise<Tag | undefined> => addTagUnder(s, undefined);

/** Annals: Add Child Tag…: a new tag under the tag of the node (or one picked). */
export const addChildTagCommand =
  (s: Services) =>
  async (arg?: TagNodeArg): Promise<Tag | undefined> => {
    const chosen = await chosenTag(s, arg, vscode.l10n.t('Add a child tag under which tag?'));
    return chosen ? addTagUnder(s, chosen.tag) : undefined;
  };

/** Annals: Change Tag Colour…. */
export const recolorTagCommand =
  (s: Services) =>
  async (arg?: TagNodeArg): Promise<void> => {
    const chosen = await chosenTag(s, arg, vscode.l10n.t('Recolour which tag?'));
    if (!chosen) return;
    const color = await pickColor(vscode.l10n.t('Colour of “{0}”', chosen.tag.label), chosen.tag.color);
    if (!color) return;
    const error = await s.annotations.editCodebook((cb) => recolorTag(cb, chosen.tag.id, color));
    if (error) void showProblem(error);
  };

/** Annals: Edit Tag Description…. */
export const describeTagCommand =
  (s: Services) =>
  async (arg?: TagNodeArg): Promise<void> => {
    const chosen = await chosenTag(s, arg, vscode.l10n.t('Describe which tag?'));
    if (!chosen) return;
    const description = await vscode.window.showInputBox({
      title: vscode.l10n.t('Description of “{0}”', chosen.tag.label),
      value: chosen.tag.description,
      prompt: vscode.l10n.t('What the tag is for; shown in the tag picker and on hover.'),
    });
    if (description === undefined) return;
    const error = await s.annotations.editCodebook((cb) => describeTag(cb, chosen.tag.id, description));
    if (error) void showProblem(error);
  };

/** Annals: Move Tag…: under another tag or to the top level (the keyboard's way to do what drag and drop does). */
export const moveTagCommand =
  (s: Services) =>
  async (arg?: TagNodeArg): Promise<void> => {
    const chosen = await chosenTag(s, arg, vscode.l10n.t('Move which tag?'));
    if (!chosen) return;
    const { codebook, tag } = chosen;
    // Not under itself or one of its own descendants.
    const inside = new Set([tag.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of codebook.tags)
        if (t.parent !== undefined && inside.has(t.parent) && !inside.has(t.id)) {
          inside.add(t.id);
          grew = true;
        }
    }
    const pick = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('(top level)'), parent: undefined as string | undefined },
        ...codebook.tags
          .filter((t) => !inside.has(t.id))
          .map((t) => ({ label: t.label, description: t.id, iconPath: colorIcon(t.color), parent: t.id as string | undefined })),
      ],
      { title: vscode.l10n.t('Move “{0}”', tag.label), placeHolder: vscode.l10n.t('Put it under which tag?') },
    );
    if (!pick) return;
    const error = await s.annotations.editCodebook((cb) => moveTag(cb, tag.id, pick.parent));
    if (error) void showProblem(error);
  };

/**
 * Annals: Change Tag ID…: the tag's id in the codebook and in every annotation that uses it (every
 * sidecar of the workspace's sources, each saved atomically by its store), so no annotation loses
 * the tag. Refused while a sidecar cannot be written.
 */
export const changeTagIdCommand =
  (s: Services) =>
  async (arg?: TagNodeArg): Promise<void> => {
    const chosen = await chosenTag(s, arg, vscode.l10n.t('Change the id of which tag?'));
    if (!chosen) return;
    const { codebook, tag } = chosen;
    const newId = await vscode.window.showInputBox({
      title: vscode.l10n.t('New id for “{0}”', tag.label),
      value: tag.id,
      prompt: vscode.l10n.t('Letters, digits, “.”, “_”, “-”. Annotations that use the tag are changed too.'),
      validateInput: (v) => {
        const res = changeTagId(codebook, tag.id, v.trim());
        return res.ok ? null : problemMessage(res.problem);
      },
    });
    if (newId === undefined || newId.trim() === tag.id) return;
    const to = newId.trim();
    const check = changeTagId(codebook, tag.id, to);
    if (!check.ok) {
      void showProblem(check.problem);
      return;
    }
    // Every store first: a sidecar that cannot be written stops the change before anything is written.
    const stores = [];
    for (const { source } of await s.corpus.reportsBySource()) {
      const store = await s.annotations.store(source);
      // A sidecar that cannot be read may hold the tag too: nothing changes until it is fixed.
      if (store.readOnly && (store.error || store.all().some((a) => a.tags.includes(tag.id)))) {
        s.annotations.reportError(store, true);
        return;
      }
      if (store.all().some((a) => a.tags.includes(tag.id))) stores.push(store);
    }
    let changed = 0;
    for (const store of stores) {
      for (const a of store.all()) {
        const tags = retagAnnotation(a.tags, tag.id, to);
        if (!tags) continue;
        const res = store.update(a.id, { tags });
        if (res.ok) changed++;
        else void showProblem(res.problem);
      }
      if (!(await s.annotations.save(store))) return;
    }
    const error = await s.annotations.editCodebook((cb) => changeTagId(cb, tag.id, to));
    if (error) void showProblem(error);
    else void vscode.window.showInformationMessage(vscode.l10n.t('The tag “{0}” is now “{1}”; {2} annotations changed with it.', tag.label, to, changed));
  };

/** Annals: Create Codebook…: one of the ready codebooks, when the workspace has none. */
export const createCodebookCommand =
  (s: Services) =>
  async (kind?: unknown): Promise<void> => {
    const { codebook, error } = await s.annotations.codebook();
    if (codebook || error) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This workspace has a codebook already: edit it in the Codebook view.'));
      const uri = s.annotations.codebookUri();
      if (error && uri) await vscode.window.showTextDocument(uri);
      return;
    }
    let ready = kind === 'gwr' ? GOVERNMENT_WORK_CODEBOOK : kind === 'law' ? DEFAULT_CODEBOOK : undefined;
    if (!ready) {
      const pick = await vscode.window.showQuickPick(
        [
          {
            label: vscode.l10n.t('法治政府建设 (law-based government) reports'),
            detail: DEFAULT_CODEBOOK.tags.map((t) => t.label).join('、'),
            cb: DEFAULT_CODEBOOK,
          },
          {
            label: vscode.l10n.t('政府工作报告 (government work reports)'),
            detail: GOVERNMENT_WORK_CODEBOOK.tags.map((t) => t.label).join('、'),
            cb: GOVERNMENT_WORK_CODEBOOK,
          },
        ],
        { title: vscode.l10n.t('Create Codebook'), placeHolder: vscode.l10n.t('Which ready codebook? You can change every tag afterwards.') },
      );
      ready = pick?.cb;
    }
    if (ready) await s.annotations.createCodebook(ready);
  };
