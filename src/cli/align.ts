/**
 * `annals align <file|dir>... [--json|--jsonl] [--jobs N]`: aligns the chapters of every series in
 * the given files and folders, which form one corpus. A folder is read recursively; a file in it
 * that holds no report is skipped with a warning. Files are imported on --jobs worker threads;
 * with --jsonl each series is aligned on its own and printed as one line as soon as it is done.
 * Exit codes as `outline`: 0 success, 1 an input cannot be read or no report was found, 2 usage
 * error.
 */
import { alignCorpus, alignJson, alignTable, groupSeries, type SourcedReport } from '../core/index.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import type { Io } from './io.ts';
import { BATCH_OPTIONS, batchOptions } from './pool.ts';
import { corrections, eachImport, sourceKey } from './reports.ts';

async function runAlign(opts: Options, io: Io, usage: string): Promise<number> {
  const inputs = opts.positional;
  const json = opts.flag('--json');
  const jsonl = opts.flag('--jsonl');
  if (!inputs.length) {
    io.err(`annals align: give at least one file or folder.\n\n${usage}`);
    return 2;
  }
  if (json && jsonl) {
    io.err('annals align: give --json or --jsonl, not both.\n');
    return 2;
  }
  const batch = batchOptions(opts);
  if ('error' in batch) {
    io.err(`annals align: ${batch.error}.\n`);
    return 2;
  }
  const reports: SourcedReport[] = [];
  const ok = await eachImport(inputs, batch, io, (file, imp) => {
    reports.push(...imp.reports.map((report) => ({ source: sourceKey(file), report })));
  });
  if (!ok) return 1;
  if (!reports.length) {
    io.err(`annals align: no report was found in ${inputs.join(', ')}.\n`);
    return 1;
  }
  // The one grouping into series, with the corrections of .annals/corpus.json.
  const file = corrections(io, 'aligning');
  const grouping = groupSeries(reports, { corrections: file });
  // The counterparts chosen by hand in the editor are used here too.
  const options = { manual: file?.counterparts ?? [] };
  const all = reports.map((r) => r.report);
  if (jsonl) {
    // Series by series: each is aligned alone (alignment never looks across series) and printed, then let go.
    for (const s of grouping.series) {
      const one = alignJson(alignCorpus(all, options, { series: [s], unplaced: [], problems: [] }));
      io.out(
        `${JSON.stringify({ issuer: s.issuer, type: s.type, years: one.series[0].years, links: one.links, sectionLinks: one.sectionLinks, planResult: one.planResult })}\n`,
      );
    }
    for (const p of grouping.problems) io.err(`annals: ${p.severity === 'info' ? 'note' : 'warning'}: ${p.message}\n`);
    return 0;
  }
  const al = alignCorpus(all, options, grouping);
  if (json) io.out(JSON.stringify(alignJson(al), null, 2) + '\n');
  else io.out(alignTable(al));
  for (const p of al.problems) if (json) io.err(`annals: ${p.severity === 'info' ? 'note' : 'warning'}: ${p.message}\n`);
  return 0;
}

export const align: Command = {
  synopsis: 'align <file|dir>... [--json] [--jsonl] [--jobs N]',
  summary: [
    'Align the chapters and sections of each report series',
    'across the years (files and folders form one corpus);',
    'a table, JSON with --json, or one line a series with --jsonl.',
  ],
  options: ['--json', ...BATCH_OPTIONS],
  errorPrefix: 'annals',
  run: runAlign,
};
