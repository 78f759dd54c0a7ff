/**
 * `annals outline <file> [--json]`: the reports in one feed, page, text, Word or PDF file, as a tree for
 * people or as JSON. Exit codes: 0 success, 1 the file cannot be read or holds no report.
 */
import { outlineJson, outlineTree } from '../core/index.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import { importInput, readInput } from './files.ts';
import type { Io } from './io.ts';

async function runOutline(opts: Options, io: Io, usage: string): Promise<number> {
  const { maxBytes, positional: files } = opts;
  if (files.length !== 1) {
    io.err(`annals outline: give exactly one file (got ${files.length}).\n\n${usage}`);
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
  synopsis: 'outline <file> [--json]',
  summary: ['Print the reports in a feed, page, text, Word or PDF file', 'as a tree (or as JSON with --json).'],
  options: ['--json'],
  errorPrefix: 'annals',
  run: runOutline,
};
