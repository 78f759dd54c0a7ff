/**
 * Search Reports…: a text or a regular expression over the report text of the workspace, one
 * series, or chosen reports, with the results in the Search view; from a result, open it, tag its
 * paragraph, or tag all the results' paragraphs after a preview (the auto-tag preview).
 */
import * as vscode from 'vscode';
import { matchesOf, type RegexEngine, type Report, type ReportHead, type SearchSource, sameCoder, searchHeads, searchReports } from '../../core/index.ts';
import { loadRegexEngine } from '../../host/loadRegex.ts';
import type { Located } from '../corpus.ts';
import { openReport } from '../open.ts';
import { readingReports } from '../progress.ts';
import { problemMessage, showProblem } from '../problems.ts';
import { confirmAndTag } from './autoTag.ts';
import { isSearchHitNode, isSeriesNode, type SearchHitNode, type SeriesNode } from './args.ts';
import type { Services } from './services.ts';

/** Search Reports…: from the palette, the Reports view's title, or a series of the Reports view (that series). */
export const searchReportsCommand = (s: Services) => async (arg?: SeriesNode) => {
  const title = vscode.l10n.t('Search Reports');
  // The reports are scanned while the query is typed.
  const scanned = s.corpus.grouping();
  // (Awaited below; a failure while the user is still typing is not an unhandled rejection.)
  scanned.catch(() => undefined);
  const mode = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Plain text'), description: vscode.l10n.t('matches the words as typed'), regex: false },
      { label: vscode.l10n.t('Regular expression'), description: vscode.l10n.t('RE2 syntax, for instance 复议|诉讼 or 增长[0-9.]+%'), regex: true },
    ],
    { title, placeHolder: vscode.l10n.t('How to search') },
  );
  if (!mode) return;
  let engine: RegexEngine | undefined;
  if (mode.regex) engine = await loadRegexEngine();
  const check = (text: string) => {
    if (!text) return undefined;
    const r = searchReports([], { text, regex: mode.regex }, { engine });
    return r.ok ? undefined : problemMessage(r.problem);
  };
  const text = await vscode.window.showInputBox({
    title,
    prompt: mode.regex ? vscode.l10n.t('A regular expression to look for in the reports.') : vscode.l10n.t('The text to look for in the reports.'),
    ignoreFocusOut: true,
    validateInput: check,
  });
  if (!text) return;
  const { series, all, seriesOf } = await scanned;
  if (!all.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No reports found in this workspace.'));
    return;
  }

  // The scope: a series given by the Reports view, else a choice.
  let chosen: readonly Located[];
  let scope: string;
  if (isSeriesNode(arg)) {
    chosen = arg.reports;
    scope = arg.label;
  } else {
    type ScopeItem = vscode.QuickPickItem & { reports?: readonly Located[]; choose?: boolean };
    const items: ScopeItem[] = [
      { label: vscode.l10n.t('The whole workspace'), description: vscode.l10n.t('{0} reports', all.length), reports: all },
      ...series.map((x) => ({ label: x.label, description: vscode.l10n.t('{0} reports', x.reports.length), reports: x.reports })),
      { label: vscode.l10n.t('Choose reports…'), choose: true },
    ];
    const pick = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Where to search') });
    if (!pick) return;
    if (pick.choose) {
      const reports = await vscode.window.showQuickPick(
        all.map((l) => ({ label: l.report.title, description: [l.report.year ?? '', vscode.workspace.asRelativePath(l.source)].join(' · '), located: l })),
        { title, canPickMany: true, placeHolder: vscode.l10n.t('The reports to search'), matchOnDescription: true },
      );
      if (!reports?.length) return;
      chosen = reports.map((r) => r.located);
      scope = vscode.l10n.t('{0} reports', chosen.length);
    } else {
      chosen = pick.reports!;
      scope = pick.label;
    }
  }

  const labelOf = new Map(series.map((x) => [x.key, x.label]));
  const locatedOf = new Map<SearchSource<ReportHead>, Located>();
  const sources = chosen.map((l): SearchSource<ReportHead> => {
    const x = { source: l.source.toString(), report: l.report, series: labelOf.get(seriesOf.get(l.report) ?? '') ?? l.report.title };
    locatedOf.set(x, l);
    return x;
  });
  // One report's text at a time (read again where the cache let it go); many reports can be cancelled.
  const result = await readingReports(sources.length, vscode.l10n.t('Searching {0} reports…', sources.length), (step) =>
    searchHeads(sources, async (x) => (step() ? s.corpus.full(locatedOf.get(x)!) : undefined), { text, regex: mode.regex }, { engine }),
  );
  if (!result) return;
  if (!result.ok) {
    void showProblem(result.problem);
    return;
  }
  await s.search.show({
    result: result.value,
    scope,
    label: mode.regex ? `/${text}/` : `“${text}”`,
    sources: new Map(chosen.map((l) => [l.source.toString(), l.source])),
  });
};

/** A report's key: its source and id (an id alone repeats across files: two counties' 政府工作报告 of one year). */
const keyOf = (source: string, id: string) => `${source}\u0000${id}`;

/** The corpus's reports by source and id (the Corpus keeps them; no alignment is needed here). */
async function reportsByKey(s: Services): Promise<Map<string, Located>> {
  return new Map((await s.corpus.allReports()).map((l) => [keyOf(l.source.toString(), l.report.id), l]));
}

/** The report of a hit, as the corpus has it now; undefined (and said) when it is gone. */
async function hitReport(s: Services, node: SearchHitNode): Promise<{ source: vscode.Uri; report: Report; paragraph: number } | undefined> {
  const located = (await reportsByKey(s)).get(keyOf(node.hit.source, node.hit.reportId));
  const report = located && (await s.corpus.full(located));
  const paragraph = report?.paragraphs.findIndex((p) => p.id === node.hit.paragraph) ?? -1;
  if (!located || !report || paragraph < 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('That paragraph is no longer in its report: search again.'));
    return undefined;
  }
  return { source: located.source, report, paragraph };
}

/** Opens a result: its report, with the hit selected. */
export const openSearchResult = (s: Services) => async (node?: SearchHitNode) => {
  if (!isSearchHitNode(node)) return;
  const at = await hitReport(s, node);
  if (!at) return;
  const editor = await openReport(at.source, at.report, node.hit.line);
  const doc = editor.document;
  if (doc.getText().slice(node.hit.documentStart, node.hit.documentEnd) !== at.report.text.slice(node.hit.documentStart, node.hit.documentEnd)) return;
  editor.selection = new vscode.Selection(doc.positionAt(node.hit.documentStart), doc.positionAt(node.hit.documentEnd));
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
};

/** Tags a result's paragraph: Tag Paragraph… on it. */
export const tagSearchResult = (s: Services) => async (node?: SearchHitNode) => {
  if (!isSearchHitNode(node)) return;
  if (!(await hitReport(s, node))) return;
  await vscode.commands.executeCommand('annals.tagParagraph', {
    webviewSection: 'paragraph',
    report: node.hit.reportId,
    paragraph: node.hit.paragraph,
    source: node.hit.source,
  });
};

/** Tags every paragraph of the shown results with one tag, after the auto-tag preview. */
export const tagAllSearchResults = (s: Services) => async () => {
  const shown = s.search.current;
  if (!shown?.result.total) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Search the reports first: there are no results to tag.'));
    return;
  }
  const codebook = await s.annotations.codebookForTagging();
  if (!codebook) return;
  const pick = await vscode.window.showQuickPick(
    codebook.tags.map((t) => ({ label: t.label, description: t.id, detail: t.description, tag: t })),
    { title: vscode.l10n.t('Tag All Search Results'), placeHolder: vscode.l10n.t('The tag to put on the paragraphs of the results'), matchOnDescription: true },
  );
  if (!pick) return;
  const byKey = await reportsByKey(s);
  // The hits by report (its source and id), each paragraph once, with its first hit.
  const byReport = new Map<string, { source: vscode.Uri; report: Report; hits: { paragraph: number; start: number; end: number }[] }>();
  for (const h of shown.result.hits) {
    const key = keyOf(h.source, h.reportId);
    const located = byKey.get(key);
    if (!located) continue;
    let g = byReport.get(key);
    if (!g) {
      const report = await s.corpus.full(located);
      if (!report) continue;
      byReport.set(key, (g = { source: located.source, report, hits: [] }));
    }
    const p = g.report.paragraphs.find((x) => x.id === h.paragraph);
    if (!p) continue;
    g.hits.push({ paragraph: p.index, start: h.documentStart - p.start, end: h.documentEnd - p.start });
  }
  const found: { source: vscode.Uri; match: ReturnType<typeof matchesOf>[number] }[] = [];
  for (const g of byReport.values()) {
    // As auto-tag: a paragraph counts as tagged when this coder tagged it (before a coder is known, anyone's tag counts).
    const coder = s.project.currentCoder();
    const existing = (await s.annotations.annotationsOf(g.source, false)).filter((a) => coder === undefined || sameCoder(a.author, coder));
    for (const match of matchesOf(g.report, g.hits, { tag: pick.tag.id, existing })) found.push({ source: g.source, match });
  }
  if (!found.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The paragraphs of these results are no longer in their reports: search again.'));
    return;
  }
  await confirmAndTag(s, found, pick.tag, shown.label);
};
