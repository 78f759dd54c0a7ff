/**
 * The reports of the files and folders named on the command line, for the commands that read a
 * corpus (figures, search): a folder is read recursively (no dot files, node_modules or .git), a
 * file in it that holds no report is skipped with a warning; a file named on the command line that
 * cannot be read, or a folder with no report, is an error. Each report comes with its source (a
 * path relative to the current folder, with `/`) and its series' label, grouped as `align` groups
 * them, with the corrections of .annals/corpus.json when the current folder has one. A copy of a
 * report in another file is left out.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_PATH, type CorpusFile, groupSeries, isReportLike, parseCorpusFile, problemText, seriesLabel, type SourcedReport } from '../core/index.ts';
import { importInput, overLimit, reason, walk } from './files.ts';
import type { Io } from './io.ts';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const why = (e: unknown) => reason(e, 'no such file or folder');
const sourceKey = (file: string) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');

/** A report with its source and its series' label. */
export interface LoadedReport extends SourcedReport {
  series: string;
}

function corrections(io: Io): CorpusFile | undefined {
  if (!existsSync(CORPUS_PATH)) return undefined;
  let text: string;
  try {
    text = readFileSync(CORPUS_PATH, 'utf8');
  } catch (e) {
    io.err(`annals: warning: ${CORPUS_PATH}: cannot read: ${why(e)}; going on without its corrections.\n`);
    return undefined;
  }
  const parsed = parseCorpusFile(text, CORPUS_PATH);
  if (parsed.ok) return parsed.value;
  io.err(`annals: warning: ${problemText(parsed.problem)}; going on without its corrections.\n`);
  return undefined;
}

/** The reports of the inputs, or null when one of them is an error (already told on io.err). */
export async function loadReports(inputs: readonly string[], maxBytes: number, io: Io): Promise<LoadedReport[] | null> {
  const reports: SourcedReport[] = [];
  let failed = false;
  for (const input of inputs) {
    const before = reports.length;
    let files: string[];
    let inFolder = false;
    try {
      if (statSync(input).isDirectory()) {
        files = walk(input, (name) => name.startsWith('.') || SKIP_DIRS.has(name))
          .filter((e) => e.file)
          .map((e) => e.path);
        inFolder = true;
      } else files = [input];
    } catch (e) {
      io.err(`annals: ${input}: cannot read: ${why(e)}\n`);
      failed = true;
      continue;
    }
    for (const file of files) {
      let problem: string | null = null;
      try {
        const size = statSync(file).size;
        if (size > maxBytes) problem = overLimit(size, maxBytes);
        else {
          const imp = await importInput(file, readFileSync(file), maxBytes);
          if (!imp.reports.length) problem = imp.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no report was found in it.';
          else if (inFolder && !isReportLike(imp)) problem = 'it holds no report (no structure and no report title).';
          else reports.push(...imp.reports.map((report) => ({ source: sourceKey(file), report })));
        }
      } catch (e) {
        problem = `cannot read: ${why(e)}`;
      }
      if (!problem) continue;
      if (inFolder) io.err(`annals: warning: skipped ${file}: ${problem}\n`);
      else {
        io.err(`annals: ${file}: ${problem}\n`);
        failed = true;
      }
    }
    if (inFolder && reports.length === before) {
      io.err(`annals: ${input}: holds no report.\n`);
      failed = true;
    }
  }
  if (failed) return null;
  // The series each report is in, as the one grouping gives it; a report in none keeps its own. A
  // copy of a report in another file is left out, so that nothing is counted twice.
  const grouping = groupSeries(reports, { corrections: corrections(io) });
  const seriesOf = new Map<object, string>();
  const copies = new Set<object>();
  for (const s of grouping.series)
    for (const m of s.members) {
      seriesOf.set(m.report, s.label);
      for (const c of m.copies) copies.add(c.report);
    }
  return reports.filter((r) => !copies.has(r.report)).map((r) => ({ ...r, series: seriesOf.get(r.report) ?? seriesLabel(r.report) }));
}
