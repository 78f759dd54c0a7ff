/**
 * The Corpus's grouping of its reports into series (the core's groupSeries, with the sources as URIs again and the
 * corrections applied), and its patch after one changed file: the data the views read, apart from the scans that
 * feed it (corpus.ts).
 */
import * as vscode from 'vscode';
import {
  CORPUS_PATH,
  type CorpusFile,
  type Grouping,
  groupSeries,
  patchGrouping,
  type Problem,
  type ReportHead,
  type Series,
  type SeriesProblem,
  type SourcedReport,
} from '../core/index.ts';

/**
 * A report with the source it came from. The Corpus keeps each report's head (metadata, outline,
 * diagnostics: reportHead); its text and paragraphs come from `Corpus.full`.
 */
export interface Located {
  source: vscode.Uri;
  report: ReportHead;
}

/** A report of a series, with the other files that hold the same report (not used). */
export interface CorpusMember extends Located {
  copies: Located[];
}

/** The reports of one series (one issuer and type of report, the core's grouping), newest year first. */
export interface CorpusSeries {
  key: string;
  /** 北京市人民政府 · 政府工作报告. */
  label: string;
  issuer: string | null;
  /** The report type (政府工作报告). */
  reportType: string;
  /** The issuer as its reports write it. */
  issuerVariants: readonly string[];
  reports: CorpusMember[];
  /** The core's series (oldest first), of heads: alignment reads their full reports (Corpus.full). */
  series: Series<ReportHead>;
}

/** Something the grouping has to say (a copy used, a report with no year, a correction whose report has gone). */
interface CorpusProblem extends Omit<SeriesProblem<ReportHead>, 'source'> {
  /** The source file concerned; undefined for a correction whose report has gone (it concerns .annals/corpus.json). */
  source: vscode.Uri | undefined;
}

/** The one grouping of the workspace's reports into series, with the corrections applied. */
export interface CorpusGrouping {
  /** As the core returned it: alignment takes it as it is. */
  grouping: Grouping<ReportHead>;
  series: readonly CorpusSeries[];
  /** Reports in no series (no year): still shown. */
  unplaced: readonly Located[];
  problems: readonly CorpusProblem[];
  /** Every report (copies included), with its corrections applied, in the order of the series. */
  all: readonly Located[];
  /** The series key of each report (its copies included); none for a report with no year. */
  seriesOf: ReadonlyMap<ReportHead, string>;
  /** Why .annals/corpus.json cannot be used (its last good content, or none, is applied), or null. */
  correctionsProblem: Problem | null;
  /** The counterparts chosen by hand (.annals/corpus.json): alignment applies them. */
  counterparts: CorpusFile['counterparts'];
}

/**
 * A source as .annals/corpus.json names it: its path relative to the first workspace folder, with
 * `/` (as `annals align` run in that folder names it); a file outside it by its URI.
 */
export function sourceKey(uri: vscode.Uri): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder && uri.scheme === folder.scheme && uri.authority === folder.authority) {
    const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    if (uri.path.startsWith(base)) return uri.path.slice(base.length);
  }
  return uri.toString();
}

const newestFirst = (a: Located, b: Located) => (b.report.year ?? -1) - (a.report.year ?? -1) || a.report.title.localeCompare(b.report.title);

/**
 * The grouping with one report replaced by its new import, when the core can patch it without
 * grouping every report again (patchGrouping: the same series, year and issuer, content of its own,
 * no corrections or copies involved); else null.
 */
export function patched(cur: CorpusGrouping, before: Located, after: Located, corrections: CorpusFile): CorpusGrouping | null {
  const key = sourceKey(before.source);
  const g = patchGrouping(cur.grouping, { source: key, report: before.report }, { source: key, report: after.report }, corrections);
  const k = cur.seriesOf.get(before.report);
  if (!g || k === undefined) return null;
  const core = g.series.find((x) => x.key === k);
  if (!core) return null;
  const series = cur.series.map((s) =>
    s.key === k
      ? { ...s, series: core, reports: s.reports.map((m) => (m.report === before.report ? { source: after.source, report: after.report, copies: [] } : m)) }
      : s,
  );
  const seriesOf = new Map(cur.seriesOf);
  seriesOf.delete(before.report);
  seriesOf.set(after.report, k);
  const all = cur.all.map((x) => (x.report === before.report ? { source: after.source, report: after.report } : x));
  return { ...cur, grouping: g, series, seriesOf, all };
}

/** The core's grouping of the imported reports, with their sources as URIs again. */
export function group(imported: readonly Located[], corrections: CorpusFile, correctionsProblem: Problem | null): CorpusGrouping {
  const uriOf = new Map<string, vscode.Uri>();
  const input: SourcedReport<ReportHead>[] = imported.map(({ source, report }) => {
    const key = sourceKey(source);
    uriOf.set(key, source);
    return { source: key, report };
  });
  const grouping = groupSeries<ReportHead>(input, { corrections, correctionsFile: CORPUS_PATH });
  const located = (e: SourcedReport<ReportHead>): Located => ({ source: uriOf.get(e.source) ?? vscode.Uri.parse(e.source), report: e.report });
  const series = grouping.series.map(
    (s): CorpusSeries => ({
      key: s.key,
      label: s.label,
      issuer: s.issuer,
      reportType: s.type,
      issuerVariants: s.issuerVariants,
      reports: s.members.map((m): CorpusMember => ({ ...located(m), copies: m.copies.map(located) })).sort(newestFirst),
      series: s,
    }),
  );
  series.sort((a, b) => a.label.localeCompare(b.label));
  const seriesOf = new Map<ReportHead, string>();
  const all: Located[] = [];
  for (const s of series) {
    for (const m of s.reports) {
      for (const x of [m, ...m.copies]) {
        seriesOf.set(x.report, s.key);
        all.push({ source: x.source, report: x.report });
      }
    }
  }
  const unplaced = grouping.unplaced.map(located).sort(newestFirst);
  all.push(...unplaced);
  const problems = grouping.problems.map((p): CorpusProblem => ({ ...p, source: p.source === null ? undefined : (uriOf.get(p.source) ?? undefined) }));
  return { grouping, series, unplaced, problems, all, seriesOf, correctionsProblem, counterparts: corrections.counterparts };
}
