/**
 * The corrections of series and report metadata, kept in .annals/corpus.json (docs/series.md):
 * Set Report Metadata…, Move to Series…, Merge Series… and Choose Copy…. Each writes one entry
 * through the CorrectionsService (merged with the file on disk, written atomically); the Corpus
 * then groups the reports again, and every view follows.
 */
import * as vscode from 'vscode';
import { type CorpusFile, seriesLabel, withCopyChoice, withReportCorrection, withSeriesMerge } from '../../core/index.ts';
import { type Located, sourceKey } from '../corpus.ts';
import { correctedFields, extractedValue, fieldName, yearRange } from '../reportsTree.ts';
import { isReportNode, isSeriesNode, type ReportNode } from './args.ts';
import type { Services } from './services.ts';

type Field = 'year' | 'issuer' | 'type' | 'title';
type Fields = Parameters<typeof withReportCorrection>[3];

/** The earliest and latest year a report may cover. */
const YEARS = { min: 1900, max: 2100 } as const;

const now = () => new Date().toISOString();

/** Why a year typed by the analyst cannot be used, or undefined (empty: back to the year read from the text). */
function yearInputError(v: string): string | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  if (!/^\d{4}$/.test(t)) return vscode.l10n.t('A year is four digits, such as 2025.');
  const y = Number(t);
  if (y < YEARS.min || y > YEARS.max) return vscode.l10n.t('A year from {0} to {1}.', YEARS.min, YEARS.max);
  return undefined;
}

/** The report a command is for: a report node of the Reports view, else the report document in the editor. */
async function targetReport(s: Services, arg: unknown): Promise<Located | undefined> {
  if (isReportNode(arg)) return { source: arg.source, report: arg.report };
  const doc = vscode.window.activeTextEditor?.document;
  const located = doc && (await s.alignment.locateDocument(doc.uri));
  if (!located) void vscode.window.showInformationMessage(vscode.l10n.t('Pick a report in the Reports view, or open one, first.'));
  return located;
}

/** The report's correction with one field set (or, when undefined, removed), other fields kept. */
function withField(f: CorpusFile, source: string, id: string, field: keyof Fields, value: string | number | undefined): CorpusFile {
  const { modified: _, ...fields } = f.reports[source]?.[id] ?? { modified: '' };
  const next: Fields = { ...fields, [field]: value };
  return withReportCorrection(f, source, id, next, now());
}

/** Annals: Set Report Metadata… — pick a field (year, issuer, type, title), then its value; empty goes back to the text's. */
export const setReportMetadata = (s: Services) => async (arg?: unknown) => {
  const target = await targetReport(s, arg);
  if (!target) return;
  const r = target.report;
  const title = vscode.l10n.t('Set Report Metadata');
  const corrected = new Set(correctedFields(r));
  const pick = await vscode.window.showQuickPick(
    (['year', 'issuer', 'type', 'title'] as const).map((field) => ({
      label: fieldName(field),
      description: r[field] === null ? vscode.l10n.t('(none)') : String(r[field]),
      detail: corrected.has(field) ? vscode.l10n.t('corrected; read from the text: {0}', extractedValue(r, field)) : undefined,
      field,
    })),
    { title, placeHolder: vscode.l10n.t('The field to correct in {0}', r.title) },
  );
  if (!pick) return;
  const field: Field = pick.field;
  const current = r[field];
  const input = await vscode.window.showInputBox({
    title: `${title}: ${fieldName(field)}`,
    value: current === null ? '' : String(current),
    prompt: vscode.l10n.t('Read from the text: {0}. Leave empty to use what the text says.', extractedValue(r, field)),
    validateInput: field === 'year' ? yearInputError : undefined,
    ignoreFocusOut: true,
  });
  if (input === undefined) return;
  const text = input.trim();
  if (field === 'year' && yearInputError(text)) return;
  const extracted = r.meta.extracted[field];
  // The value the text gives needs no correction.
  const value = text === '' || text === String(extracted ?? '') ? undefined : field === 'year' ? Number(text) : text;
  const key = sourceKey(target.source);
  await s.corrections.update((f) => withField(f, key, r.id, field, value));
};

/** Annals: Move to Series… — put a report in an existing series, or one whose key is typed. */
export const moveToSeries = (s: Services) => async (arg?: unknown) => {
  const target = await targetReport(s, arg);
  if (!target) return;
  const r = target.report;
  const key = sourceKey(target.source);
  const { series } = await s.corpus.bySeries();
  const { seriesOf } = await s.corpus.grouping();
  const { file } = await s.corrections.get();
  const currentKey = seriesOf.get(r) ?? null;
  const moved = file.reports[key]?.[r.id]?.series !== undefined;
  type Item = vscode.QuickPickItem & { key?: string; action?: 'new' | 'undo' };
  const items: Item[] = [
    ...series
      .filter((g) => g.key !== currentKey)
      .map((g): Item => ({ label: g.label, description: yearRange(g.reports.map((m) => m.report.year ?? 0).filter(Boolean)), key: g.key })),
    { label: vscode.l10n.t('New series…'), description: vscode.l10n.t('type its name: issuer · type'), action: 'new' },
    ...(moved ? [{ label: vscode.l10n.t('Back to its own series'), description: vscode.l10n.t('remove the move'), action: 'undo' as const }] : []),
  ];
  const title = vscode.l10n.t('Move to Series');
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('The series {0} belongs to', r.title) });
  if (!pick) return;
  let into: string | undefined = pick.key;
  if (pick.action === 'new') {
    const typed = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('The new series, as issuer · type (北京市人民政府 · 政府工作报告)'),
      // What the report's own metadata names: its issuer and type.
      value: seriesLabel(r),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A series needs a name.')),
      ignoreFocusOut: true,
    });
    if (!typed?.trim()) return;
    into = typed.trim();
  }
  await s.corrections.update((f) => withField(f, key, r.id, 'series', pick.action === 'undo' ? undefined : into));
};

/** Annals: Merge Series… — merge a series of the Reports view into another. */
export const mergeSeries = (s: Services) => async (arg?: unknown) => {
  const { series } = await s.corpus.bySeries();
  let from = isSeriesNode(arg) ? arg.key : undefined;
  if (!from) {
    const pick = await vscode.window.showQuickPick(
      series.map((g) => ({ label: g.label, description: yearRange(g.reports.map((m) => m.report.year ?? 0).filter(Boolean)), key: g.key })),
      { title: vscode.l10n.t('Merge Series'), placeHolder: vscode.l10n.t('The series to merge into another') },
    );
    from = pick?.key;
  }
  if (!from) return;
  const others = series.filter((g) => g.key !== from);
  if (!others.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no other series to merge into.'));
    return;
  }
  const into = await vscode.window.showQuickPick(
    others.map((g) => ({ label: g.label, description: yearRange(g.reports.map((m) => m.report.year ?? 0).filter(Boolean)), key: g.key })),
    { title: vscode.l10n.t('Merge Series'), placeHolder: vscode.l10n.t('Merge {0} into', from) },
  );
  if (!into) return;
  const source = from;
  await s.corrections.update((f) => withSeriesMerge(f, source, into.key, now()));
};

/** Annals: Choose Copy… — which of the files that hold the same report is used. */
export const chooseCopy = (s: Services) => async (arg?: unknown) => {
  const node: ReportNode | undefined = isReportNode(arg) ? arg : undefined;
  const series = node?.series;
  const year = node?.report.year;
  if (!node || !series || !year || !node.copies.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Pick a report with copies in the Reports view first.'));
    return;
  }
  const files = [{ source: node.source, used: true }, ...node.copies.map((c) => ({ source: c.source, used: false }))];
  const pick = await vscode.window.showQuickPick(
    files.map((f) => ({
      label: vscode.workspace.asRelativePath(f.source, false),
      description: f.used ? vscode.l10n.t('in use') : undefined,
      source: f.source,
    })),
    { title: vscode.l10n.t('Choose Copy'), placeHolder: vscode.l10n.t('The file to use for {0} {1}', series, year) },
  );
  if (!pick) return;
  await s.corrections.update((f) => withCopyChoice(f, series, year, sourceKey(pick.source), now()));
};
