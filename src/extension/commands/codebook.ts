import * as vscode from 'vscode';
import { removeTag, renameTag, tagUsage, type Codebook } from '../../core/index.ts';
import { colorIcon } from '../colors.ts';
import { showProblem } from '../problems.ts';
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
