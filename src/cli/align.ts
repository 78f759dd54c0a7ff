/**
 * `annals align <file|dir>... [--json]`: aligns the chapters of every series in the given
 * files and folders, which form one corpus. A folder is read recursively; a file in it that
 * holds no report is skipped with a warning. Exit codes as `outline`: 0 success, 1 an input
 * cannot be read or no report was found, 2 usage error.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { importSource, isReportLike, type Report } from '../core/index.ts';
import { alignCorpus } from '../core/align/index.ts';
import { alignJson, alignTable } from '../core/align/index.ts';
import type { Io } from './io.ts';
import { parseInputs } from './main.ts';

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** The files under a folder, recursively; each folder once (a symbolic link to a folder is not followed). */
function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
    const p = path.join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile()) out.push(p);
  }
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
}

export function runAlign(args: string[], io: Io, usage: string): number {
  const opts = parseInputs(args, io, usage);
  if (typeof opts === 'number') return opts;
  const { json, maxBytes, inputs } = opts;
  if (!inputs.length) {
    io.err(`annals align: give at least one file or folder.\n\n${usage}`);
    return 2;
  }
  const reports: Report[] = [];
  let failed = false;
  for (const input of inputs) {
    const before = reports.length;
    let files: string[];
    let inFolder = false;
    try {
      if (statSync(input).isDirectory()) {
        files = [];
        walk(input, files);
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
        if (size > maxBytes) problem = `the file is ${(size / 1048576).toFixed(1)} MB, over the limit of ${(maxBytes / 1048576).toFixed(1)} MB (--max-size-mb)`;
        else {
          const imp = importSource(file, readFileSync(file), { maxBytes });
          if (!imp.reports.length) problem = imp.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no report was found in it.';
          else if (inFolder && !isReportLike(imp)) problem = 'it holds no report (no structure and no report title).';
          else reports.push(...imp.reports);
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
  const al = alignCorpus(reports);
  if (json) io.out(JSON.stringify(alignJson(al), null, 2) + '\n');
  else io.out(alignTable(al));
  for (const p of al.problems) if (json) io.err(`annals: warning: ${p.message}\n`);
  return 0;
}
