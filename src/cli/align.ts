/**
 * `annals align <file|dir>... [--json|--jsonl] [--jobs N]`: aligns the chapters of every series in
 * the given files and folders, which form one corpus. A folder is read recursively; a file in it
 * that holds no report is skipped with a warning. Files are imported on --jobs worker threads;
 * with --jsonl each series is aligned on its own and printed as one line as soon as it is done.
 * Exit codes as `outline`: 0 success, 1 an input cannot be read or no report was found, 2 usage
 * error.
 */
import { alignCorpus, alignTable, groupSeries, type Series, type SourcedReport } from '../core/index.ts';
import { type Manual, type SeriesLine, seriesLine } from './alignLine.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import type { Io } from './io.ts';
import { AlignPool, BATCH_OPTIONS, batchOptions, inOrder } from './pool.ts';
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
  const manual: Manual = file?.counterparts ?? [];
  if (jsonl || json) {
    // Series by series, each aligned alone (alignment never looks across series): on --jobs workers
    // when there are several, in the order of the grouping either way.
    const lines: SeriesLine[] = [];
    let failed = false;
    const each = (s: Series, r: { line: SeriesLine } | { error: string }) => {
      if ('error' in r) {
        io.err(`annals: ${s.label}: ${r.error}\n`);
        failed = true;
      } else if (jsonl) io.out(`${JSON.stringify(r.line)}\n`);
      else lines.push(r.line);
    };
    // Also with --jobs 1: on the CLI's thread, what alignment leaves behind piles up on the heap that
    // holds every report (3.7 GB against 1.4 GB at 10,000 reports: bench/RESULTS.md, scale-cli).
    if (grouping.series.length > 1) {
      const pool = new AlignPool(batch);
      try {
        // Only what alignment reads goes to the worker: not the copies of each report.
        await inOrder(grouping.series, batch.jobs * 2, (s) => pool.run({ ...s, members: [] }, manual), each);
      } finally {
        await pool.close();
      }
    } else for (const s of grouping.series) each(s, { line: seriesLine(s, manual) });
    if (json)
      io.out(
        `${JSON.stringify(
          {
            series: lines.map((l) => ({ issuer: l.issuer, type: l.type, years: l.years })),
            links: lines.flatMap((l) => l.links),
            sectionLinks: lines.flatMap((l) => l.sectionLinks),
            planResult: lines.flatMap((l) => l.planResult),
          },
          null,
          2,
        )}\n`,
      );
    for (const p of grouping.problems) io.err(`annals: ${p.severity === 'info' ? 'note' : 'warning'}: ${p.message}\n`);
    return failed ? 1 : 0;
  }
  const al = alignCorpus(
    reports.map((r) => r.report),
    { manual },
    grouping,
  );
  io.out(alignTable(al));
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
