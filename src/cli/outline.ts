/**
 * `annals outline <file> [--json]`: the reports in one feed, page or text file, as a tree for
 * people or as JSON. Exit codes: 0 success, 1 the file cannot be read or holds no report.
 */
import { importSource, outlineJson, outlineTree } from '../core/index.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import { readInput } from './files.ts';
import type { Io } from './io.ts';

function runOutline(opts: Options, io: Io, usage: string): number {
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
  const imp = importSource(file, input, { maxBytes });
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
  summary: ['Print the reports in a feed, page or text file as a tree', '(or as JSON with --json).'],
  options: ['--json'],
  errorPrefix: 'annals',
  run: runOutline,
};
