/**
 * What `outline --jsonl` and `search --jsonl` make of one file, on a worker (fileWorker.ts) or on
 * the CLI's thread: its JSON Lines, so that only text crosses between threads and nothing of the
 * file is kept.
 */
import { isReportLike, outlineJson, type RegexEngine, type SourceImport, searchReports, seriesLabel } from '../core/index.ts';
import { loadRegexEngine } from '../host/loadRegex.ts';

/** The lines to make of a file: its reports' outlines, or the hits of a search. */
export type FileTask = { kind: 'outline' } | { kind: 'search'; text: string; regex: boolean };

/** A file's lines (each ending in `\n`) and how many hits they hold, or why the file has none. */
export interface FileLines {
  problem: string | null;
  text: string;
  hits: number;
}

/** Why a file's import gives nothing to print: no report, or (in a folder) nothing that looks like a report. */
export function importProblem(imp: SourceImport, inFolder: boolean): string | null {
  if (!imp.reports.length) return imp.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no report was found in it.';
  if (inFolder && !isReportLike(imp)) return 'it holds no report (no structure and no report title).';
  return null;
}

/** The lines of one file; `source` is its name in them (relative to the current folder, with `/`). */
export async function fileLines(source: string, imp: SourceImport, inFolder: boolean, task: FileTask): Promise<FileLines> {
  const problem = importProblem(imp, inFolder);
  if (problem) return { problem, text: '', hits: 0 };
  let text = '';
  if (task.kind === 'outline') {
    const j = outlineJson(imp);
    // With the label of the report's own series (issuer · type), to split a corpus by series (docs/scale.md).
    j.reports.forEach((r, i) => {
      text += `${JSON.stringify({ source, format: j.format, sourceDiagnostics: j.diagnostics, ...r, series: seriesLabel(imp.reports[i]) })}\n`;
    });
    return { problem: null, text, hits: 0 };
  }
  const engine: RegexEngine | undefined = task.regex ? await loadRegexEngine() : undefined;
  const r = searchReports(
    imp.reports.map((report) => ({ source, report, series: seriesLabel(report) })),
    { text: task.text, regex: task.regex },
    { engine, maxHits: Number.POSITIVE_INFINITY },
  );
  if (!r.ok) return { problem: null, text: '', hits: 0 };
  for (const h of r.value.hits)
    text += `${JSON.stringify({ series: h.series, source: h.source, year: h.year, chapter: h.chapter, paragraph: h.paragraph, line: h.line, start: h.start, end: h.end, context: h.context })}\n`;
  return { problem: null, text, hits: r.value.total };
}
