/**
 * `annals align <file|dir>... [--json]`: aligns the chapters of every series in the given
 * files and folders, which form one corpus. A folder is read recursively; a file in it that
 * holds no report is skipped with a warning. Exit codes as `outline`: 0 success, 1 an input
 * cannot be read or no report was found, 2 usage error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  alignCorpus,
  alignJson,
  alignTable,
  CORPUS_PATH,
  type CorpusFile,
  groupSeries,
  isReportLike,
  parseCorpusFile,
  problemText,
  type SourcedReport,
} from '../core/index.ts';
import { importInput, overLimit, reason, walk } from './files.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import type { Io } from './io.ts';

const SKIP_DIRS = new Set(['node_modules', '.git']);

/**
 * The files under a folder named on the command line: every regular file, whatever its
 * extension, but none whose name (or whose folder's name) starts with a dot.
 */
function folderFiles(dir: string): string[] {
  return walk(dir, (name) => name.startsWith('.') || SKIP_DIRS.has(name))
    .filter((e) => e.file)
    .map((e) => e.path);
}

const why = (e: unknown) => reason(e, 'no such file or folder');

/**
 * The analyst's corrections, when the current folder is a workspace with `.annals/corpus.json`:
 * its sources are paths relative to that folder. A file that cannot be read is named, and the
 * alignment goes on without it.
 */
function corrections(io: Io): CorpusFile | undefined {
  if (!existsSync(CORPUS_PATH)) return undefined;
  let text: string;
  try {
    text = readFileSync(CORPUS_PATH, 'utf8');
  } catch (e) {
    io.err(`annals: warning: ${CORPUS_PATH}: cannot read: ${why(e)}; aligning without its corrections.\n`);
    return undefined;
  }
  const parsed = parseCorpusFile(text, CORPUS_PATH);
  if (parsed.ok) return parsed.value;
  io.err(`annals: warning: ${problemText(parsed.problem)}; aligning without its corrections.\n`);
  return undefined;
}

/** A source as corpus.json names it: relative to the current folder, with `/`. */
const sourceKey = (file: string) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');

async function runAlign(opts: Options, io: Io, usage: string): Promise<number> {
  const { maxBytes, positional: inputs } = opts;
  const json = opts.flag('--json');
  if (!inputs.length) {
    io.err(`annals align: give at least one file or folder.\n\n${usage}`);
    return 2;
  }
  const reports: SourcedReport[] = [];
  let failed = false;
  for (const input of inputs) {
    const before = reports.length;
    let files: string[];
    let inFolder = false;
    try {
      if (statSync(input).isDirectory()) {
        files = folderFiles(input);
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
    // A folder named on the command line that holds no report is an error, as a file would be.
    if (inFolder && reports.length === before) {
      io.err(`annals: ${input}: holds no report.\n`);
      failed = true;
    }
  }
  if (failed) return 1;
  if (!reports.length) {
    io.err(`annals align: no report was found in ${inputs.join(', ')}.\n`);
    return 1;
  }
  // The one grouping into series, with the corrections of .annals/corpus.json.
  const file = corrections(io);
  const grouping = groupSeries(reports, { corrections: file });
  // The counterparts chosen by hand in the editor are used here too.
  const al = alignCorpus(
    reports.map((r) => r.report),
    { manual: file?.counterparts ?? [] },
    grouping,
  );
  if (json) io.out(JSON.stringify(alignJson(al), null, 2) + '\n');
  else io.out(alignTable(al));
  for (const p of al.problems) if (json) io.err(`annals: ${p.severity === 'info' ? 'note' : 'warning'}: ${p.message}\n`);
  return 0;
}

export const align: Command = {
  synopsis: 'align <file|dir>... [--json]',
  summary: ['Align the chapters and sections of each report series', 'across the years (files and folders form one corpus);', 'a table, or JSON with --json.'],
  options: ['--json'],
  errorPrefix: 'annals',
  run: runAlign,
};
