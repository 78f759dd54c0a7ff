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
import { CORPUS_PATH, type CorpusFile, groupSeries, parseCorpusFile, problemText, type SourceImport, type SourcedReport, seriesLabel } from '../core/index.ts';
import { reason, walk } from './files.ts';
import type { Io } from './io.ts';
import { type FileLines, type FileTask, fileLines, importProblem } from './fileTask.ts';
import { type Batch, type Imported, importFiles, inOrder, LinesPool, readBytes } from './pool.ts';

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
 * The files of the inputs (a folder recursively, depth first, names sorted), and the bookkeeping of
 * a batch over them: a file that cannot be read, or holds no report, is an error when it was
 * named, a warning when it was found in a folder; a folder with no report is an error.
 */
function batchFiles(inputs: readonly string[], io: Io) {
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
  return {
    files,
    /** A file's problem: a warning in a folder, else an error. */
    problem(f: InputFile, text: string) {
      if (f.inFolder) io.err(`annals: warning: skipped ${f.file}: ${text}\n`);
      else {
        io.err(`annals: ${f.file}: ${text}\n`);
        failed = true;
      }
    },
    found(f: InputFile) {
      found[f.input] = true;
    },
    /** Whether all went well; a folder named on the command line that holds no report is an error, as a file would be. */
    finish(): boolean {
      inputs.forEach((input, i) => {
        if (!found[i] && files.some((f) => f.input === i && f.inFolder)) {
          io.err(`annals: ${input}: holds no report.\n`);
          failed = true;
        }
      });
      return !failed;
    },
  };
}

/**
 * Imports the files of the inputs on --jobs workers and calls `each` with the reports of every
 * file, in the order of the files (the same for any --jobs). Returns false when there was an
 * error (told on io.err).
 */
export async function eachImport(
  inputs: readonly string[],
  batch: Batch,
  io: Io,
  each: (file: string, imp: SourceImport) => void | Promise<void>,
): Promise<boolean> {
  const b = batchFiles(inputs, io);
  const take = async (f: InputFile, r: Imported) => {
    if ('error' in r) return b.problem(f, r.error);
    const problem = importProblem(r.imp, f.inFolder);
    if (problem) return b.problem(f, problem);
    b.found(f);
    await each(f.file, r.imp);
  };
  let i = 0;
  await importFiles(
    b.files.map((f) => f.file),
    batch,
    (_file, r) => take(b.files[i++], r),
  );
  return b.finish();
}

/**
 * The JSON Lines of every file of the inputs (fileTask.ts: its outline or its hits), each file
 * imported and turned into lines on one of --jobs workers; `each` gets them in the order of the
 * files. Returns false when there was an error (told on io.err).
 */
export async function eachLines(inputs: readonly string[], batch: Batch, io: Io, task: FileTask, each: (lines: FileLines) => void): Promise<boolean> {
  const b = batchFiles(inputs, io);
  const take = (f: InputFile, r: { error: string } | { lines: FileLines }) => {
    if ('error' in r) return b.problem(f, r.error);
    if (r.lines.problem) return b.problem(f, r.lines.problem);
    b.found(f);
    each(r.lines);
  };
  if (b.files.length === 1) {
    // One file: on this thread, as before --jobs (no worker to start).
    const f = b.files[0];
    await importFiles([f.file], batch, async (_file, r) => take(f, 'error' in r ? r : { lines: await fileLines(sourceKey(f.file), r.imp, f.inFolder, task) }));
  } else if (b.files.length) {
    const pool = new LinesPool(batch);
    try {
      await inOrder(
        b.files,
        batch.jobs * 4,
        async (f) => {
          const bytes = await readBytes(f.file, batch.maxBytes);
          return typeof bytes === 'string'
            ? { error: bytes }
            : pool.run({ file: f.file, source: sourceKey(f.file), inFolder: f.inFolder, bytes, maxBytes: batch.maxBytes, task });
        },
        take,
      );
    } finally {
      await pool.close();
    }
  }
  return b.finish();
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
