/**
 * The reports of the files and folders named on the command line, for the commands that read a
 * corpus (figures, search): a folder is read recursively (no dot files, node_modules or .git), a
 * file in it that holds no report is skipped with a warning; a file named on the command line that
 * cannot be read, or a folder with no report, is an error. Each report comes with its source (a
 * path relative to the current folder, with `/`) and its series' label, grouped as `align` groups
 * them, with the corrections of .annals/corpus.json when the current folder has one. A copy of a
 * report in another file is left out. Files are imported on --jobs worker threads (pool.ts), and
 * handed on in the order of the files whatever the number of workers.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  CORPUS_PATH,
  type CorpusFile,
  groupSeries,
  isReportLike,
  parseCorpusFile,
  problemText,
  type SourceImport,
  type SourcedReport,
  seriesLabel,
} from '../core/index.ts';
import { reason, walk } from './files.ts';
import type { Io } from './io.ts';
import { type Batch, type Imported, importFiles } from './pool.ts';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const why = (e: unknown) => reason(e, 'no such file or folder');
export const sourceKey = (file: string) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');

/** A report with its source and its series' label. */
export interface LoadedReport extends SourcedReport {
  series: string;
}

export function corrections(io: Io, doing = 'going on'): CorpusFile | undefined {
  if (!existsSync(CORPUS_PATH)) return undefined;
  let text: string;
  try {
    text = readFileSync(CORPUS_PATH, 'utf8');
  } catch (e) {
    io.err(`annals: warning: ${CORPUS_PATH}: cannot read: ${why(e)}; ${doing} without its corrections.\n`);
    return undefined;
  }
  const parsed = parseCorpusFile(text, CORPUS_PATH);
  if (parsed.ok) return parsed.value;
  io.err(`annals: warning: ${problemText(parsed.problem)}; ${doing} without its corrections.\n`);
  return undefined;
}

/** A file to import, and the input on the command line it came from. */
interface InputFile {
  file: string;
  input: number;
  inFolder: boolean;
}

/**
 * Imports the files of the inputs (a folder recursively) on --jobs workers and calls `each` with
 * the reports of every file, in the order of the files (the same for any --jobs). A file that
 * cannot be read, or holds no report, is an error when it was named, a warning when it was found
 * in a folder; a folder with no report is an error. Returns false when there was an error (told
 * on io.err).
 */
export async function eachImport(
  inputs: readonly string[],
  batch: Batch,
  io: Io,
  each: (file: string, imp: SourceImport) => void | Promise<void>,
): Promise<boolean> {
  let failed = false;
  const files: InputFile[] = [];
  inputs.forEach((input, i) => {
    try {
      if (statSync(input).isDirectory()) {
        for (const e of walk(input, (name) => name.startsWith('.') || SKIP_DIRS.has(name))) if (e.file) files.push({ file: e.path, input: i, inFolder: true });
      } else files.push({ file: input, input: i, inFolder: false });
    } catch (e) {
      io.err(`annals: ${input}: cannot read: ${why(e)}\n`);
      failed = true;
    }
  });
  const found = inputs.map(() => false);
  const problem = (f: InputFile, text: string) => {
    if (f.inFolder) io.err(`annals: warning: skipped ${f.file}: ${text}\n`);
    else {
      io.err(`annals: ${f.file}: ${text}\n`);
      failed = true;
    }
  };
  const take = async (f: InputFile, r: Imported) => {
    if ('error' in r) return problem(f, r.error);
    const imp = r.imp;
    if (!imp.reports.length) return problem(f, imp.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no report was found in it.');
    if (f.inFolder && !isReportLike(imp)) return problem(f, 'it holds no report (no structure and no report title).');
    found[f.input] = true;
    await each(f.file, imp);
  };
  const byFile = new Map(files.map((f) => [f.file, f]));
  await importFiles(
    files.map((f) => f.file),
    batch,
    (file, r) => take(byFile.get(file)!, r),
  );
  // A folder named on the command line that holds no report is an error, as a file would be.
  inputs.forEach((input, i) => {
    if (!found[i] && files.some((f) => f.input === i && f.inFolder)) {
      io.err(`annals: ${input}: holds no report.\n`);
      failed = true;
    }
  });
  return !failed;
}

/** The reports of the inputs, or null when one of them is an error (already told on io.err). */
export async function loadReports(inputs: readonly string[], batch: Batch, io: Io): Promise<LoadedReport[] | null> {
  const reports: SourcedReport[] = [];
  const ok = await eachImport(inputs, batch, io, (file, imp) => {
    reports.push(...imp.reports.map((report) => ({ source: sourceKey(file), report })));
  });
  const failed = !ok;
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
