/**
 * Coding as a team: Switch Coder…, Filter by Coder…, Compute Agreement… (with the resolution of
 * disagreements in its panel), and the memos: Open Report Memo, Open Project Memo…, Edit Code Memo….
 */
import * as vscode from 'vscode';
import { type Codebook, memoPaths, type ReportHead, setTagMemo } from '../../core/index.ts';
import type { AgreementPanel, ChosenReport } from '../agreementPanel.ts';
import type { Located } from '../corpus.ts';
import { colorIcon } from '../colors.ts';
import { showProblem } from '../problems.ts';
import { parseReportUri } from '../reportUri.ts';
import { isReportNode, type ReportNode, tagOfNode, type TagNodeArg } from './args.ts';
import type { Services } from './services.ts';

/** Annals: Switch Coder…: the coder of this workspace, among the known ones or a new name. */
export const switchCoder =
  (s: Services) =>
  async (name?: unknown): Promise<string | undefined> => {
    let coder = typeof name === 'string' && name.trim() ? name.trim() : undefined;
    if (!coder) {
      const current = s.project.currentCoder();
      const known = await s.annotations.knownCoders();
      const other = vscode.l10n.t('Another coder…');
      const pick = await vscode.window.showQuickPick(
        [...known.map((c) => ({ label: c, description: c === current ? vscode.l10n.t('current') : undefined })), { label: other, alwaysShow: true }],
        { title: vscode.l10n.t('Switch Coder'), placeHolder: vscode.l10n.t('Who is coding in this workspace?') },
      );
      if (!pick) return undefined;
      if (pick.label === other) {
        const typed = await vscode.window.showInputBox({
          title: vscode.l10n.t('Coder name'),
          prompt: vscode.l10n.t('Annals records it as the author of the annotations you make from now on.'),
          validateInput: (v) => (v.trim() ? null : vscode.l10n.t('The name must not be empty.')),
        });
        coder = typed?.trim();
      } else coder = pick.label;
    }
    if (!coder) return undefined;
    const problem = await s.project.switchCoder(coder);
    if (problem) void showProblem(problem, (why) => vscode.l10n.t('The project file cannot be written: {0}', why));
    void vscode.window.showInformationMessage(vscode.l10n.t('You are coding as {0}.', coder));
    return coder;
  };

/** Annals: Filter by Coder…: which coders' annotations the Annotations view and the decorations show. */
export const filterByCoder = (s: Services) => async (): Promise<void> => {
  const known = await s.annotations.knownCoders();
  const current = s.annotations.coderFilter;
  const all = vscode.l10n.t('All coders');
  const dflt = vscode.l10n.t('Default');
  type Item = vscode.QuickPickItem & { coder?: string; special?: 'all' | 'default' };
  const items: Item[] = [
    { label: all, special: 'all', picked: current === 'all', description: vscode.l10n.t('everyone’s annotations') },
    {
      label: dflt,
      special: 'default',
      picked: current === null,
      description: vscode.l10n.t('independent coding: your own and the resolutions; shared coding: everyone’s'),
    },
    ...known.map((c) => ({ label: c, coder: c, picked: Array.isArray(current) && current.includes(c) })),
  ];
  const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Filter by Coder') });
  if (!chosen) return;
  if (chosen.some((c) => c.special === 'all')) s.annotations.setCoderFilter('all');
  else {
    const coders = chosen.filter((c) => c.coder).map((c) => c.coder as string);
    s.annotations.setCoderFilter(coders.length ? coders : null);
  }
};

/** The reports a command acts on: those of a Reports view node, else picked among all. */
async function chooseReports(s: Services, title: string): Promise<Located[] | undefined> {
  const bySource = await s.corpus.reportsBySource();
  const items = bySource.flatMap(({ source, reports }) =>
    reports.map((report) => ({
      label: `${report.year ?? vscode.l10n.t('(no year)')} ${report.title || vscode.l10n.t('(untitled)')}`,
      description: vscode.workspace.asRelativePath(source),
      picked: true,
      chosen: { source, report },
    })),
  );
  if (!items.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no reports in this workspace yet.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title, matchOnDescription: true });
  return picked?.length ? picked.map((p) => p.chosen) : undefined;
}

/** Annals: Compute Agreement…: choose reports, then the Agreement panel. */
export const computeAgreement =
  (s: Services) =>
  async (reports?: readonly ChosenReport[]): Promise<AgreementPanel | undefined> => {
    const picked = Array.isArray(reports) && reports.length ? reports : await chooseReports(s, vscode.l10n.t('Compute agreement over which reports?'));
    if (!picked) return undefined;
    // Their texts (read again where the cache let them go): agreement is computed on the paragraphs.
    const chosen: ChosenReport[] = await s.corpus.fullAll(picked);
    const { panel, problem } = await s.agreement.show(chosen);
    if (problem) void vscode.window.showInformationMessage(problem);
    return panel;
  };

/** The report of a Reports view node, or of the active report editor. */
async function reportOf(s: Services, arg: unknown): Promise<ReportHead | undefined> {
  if (isReportNode(arg)) return (arg as ReportNode).report;
  const editor = vscode.window.activeTextEditor;
  if (editor && parseReportUri(editor.document.uri)) return s.documents.reportFor(editor.document.uri);
  const chosen = await chooseReports(s, vscode.l10n.t('The memo of which report?'));
  return chosen?.[0]?.report;
}

/** Annals: Open Report Memo: `.annals/memos/reports/<report id>.md`, created with the report's title. */
export const openReportMemo =
  (s: Services) =>
  async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const report = await reportOf(s, arg);
    if (!report) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a report, or use this on a report in the Reports view.'));
      return undefined;
    }
    const title = `${report.year ?? ''} ${report.title}`.trim();
    return s.memos.openMemo(memoPaths.report(report.id), `# ${title}\n\n`);
  };

/** Annals: Open Project Memo…: one of `.annals/memos/*.md`, or a new one. */
export const openProjectMemo =
  (s: Services) =>
  async (name?: unknown): Promise<vscode.Uri | undefined> => {
    let memo = typeof name === 'string' && name.trim() ? name.trim() : undefined;
    if (!memo) {
      const { project } = await s.memos.all();
      const create = vscode.l10n.t('New project memo…');
      const pick = await vscode.window.showQuickPick([...project.map((p) => ({ label: p.name })), { label: create, alwaysShow: true }], {
        title: vscode.l10n.t('Open Project Memo'),
      });
      if (!pick) return undefined;
      memo =
        pick.label === create
          ? (
              await vscode.window.showInputBox({
                title: vscode.l10n.t('Memo name'),
                validateInput: (v) => (v.trim() ? null : vscode.l10n.t('The name must not be empty.')),
              })
            )?.trim()
          : pick.label;
    }
    if (!memo) return undefined;
    return s.memos.openMemo(memoPaths.project(memo), `# ${memo}\n\n`);
  };

/** Picks one tag of the codebook. */
async function pickTag(codebook: Codebook): Promise<Codebook['tags'][number] | undefined> {
  const pick = await vscode.window.showQuickPick(
    codebook.tags.map((t) => ({ label: t.label, description: t.id, detail: t.memo || undefined, iconPath: colorIcon(t.color), tag: t })),
    { placeHolder: vscode.l10n.t('The memo of which tag?') },
  );
  return pick?.tag;
}

/** Annals: Edit Code Memo…: the `memo` of a tag in the codebook (Markdown; empty removes it). */
export const editCodeMemo =
  (s: Services) =>
  async (arg?: TagNodeArg, text?: unknown): Promise<void> => {
    const codebook = (await s.annotations.codebook()).codebook ?? (await s.annotations.codebookForTagging());
    if (!codebook) return;
    const fromNode = tagOfNode(arg);
    const tag = fromNode ? codebook.tags.find((t) => t.id === fromNode) : await pickTag(codebook);
    if (!tag) return;
    const memo =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Code memo of “{0}”', tag.label),
            prompt: vscode.l10n.t('Markdown. Empty removes the memo.'),
            value: tag.memo ?? '',
          });
    if (memo === undefined) return;
    const error = await s.annotations.editCodebook((cb) => setTagMemo(cb, tag.id, memo));
    if (error) void showProblem(error);
  };
