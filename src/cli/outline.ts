/**
 * `annals outline <file> [--json]`: the reports in one feed, page, text, Word or PDF file, as a tree for
 * people or as JSON. `annals outline <file|dir>... --jsonl [--jobs N]`: the reports of many files,
 * imported on --jobs worker threads, one line a report, printed as the files are read. Exit codes:
 * 0 success, 1 the file cannot be read or holds no report.
 */
import { outlineJson, outlineTree } from '../core/index.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import { importInput, readInput } from './files.ts';
import type { Io } from './io.ts';
import { BATCH_OPTIONS, batchOptions } from './pool.ts';
import { eachLines } from './reports.ts';

/** --jsonl: one line a report, the source's format and diagnostics with it. */
async function outlineLines(opts: Options, io: Io): Promise<number> {
  const batch = batchOptions(opts);
  if ('error' in batch) {
    io.err(`annals outline: ${batch.error}.\n`);
    return 2;
  }
  const ok = await eachLines(opts.positional, batch, io, { kind: 'outline' }, (lines) => io.out(lines.text));
  return ok ? 0 : 1;
}

async function runOutline(opts: Options, io: Io, usage: string): Promise<number> {
  const { maxBytes, positional: files } = opts;
  if (opts.flag('--jsonl')) {
    if (opts.flag('--json')) {
      io.err('annals outline: give --json or --jsonl, not both.\n');
      return 2;
    }
    if (!files.length) {
      io.err(`annals outline: give at least one file or folder.\n\n${usage}`);
      return 2;
    }
    return outlineLines(opts, io);
  }
  if (files.length !== 1) {
    io.err(`annals outline: give exactly one file (got ${files.length}; several files and folders with --jsonl).\n\n${usage}`);
    return 2;
  }
  const file = files[0];
  const input = readInput(file, maxBytes);
  if (typeof input === 'string') {
    io.err(`annals: ${input}\n`);
    return 1;
  }
  const imp = await importInput(file, input, maxBytes);
  if (opts.flag('--json')) io.out(JSON.stringify(outlineJson(imp), null, 2) + '\n');
  else io.out(outlineTree(imp));
  if (!imp.reports.length) {
    const why = imp.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no report was found in it.';
    io.err(`annals: ${file}: ${why}\n`);
    return 1;
  }
  return 0;
}

export const outline: Command = {
  synopsis: 'outline <file> [--json] | outline <file|dir>... --jsonl [--jobs N]',
  summary: [
    'Print the reports in a feed, page, text, Word or PDF file',
    'as a tree (or as JSON with --json); with --jsonl, the reports',
    'of many files and folders, one line a report.',
  ],
  options: ['--json', ...BATCH_OPTIONS],
  errorPrefix: 'annals',
  run: runOutline,
};
