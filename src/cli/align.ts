/**
 * `annals align <file|dir>... [--json|--jsonl] [--jobs N]`: aligns the chapters of every series in
 * the given files and folders, which form one corpus. A folder is read recursively; a file in it
 * that holds no report is skipped with a warning. Files are imported on --jobs worker threads;
 * with --jsonl each series is aligned on its own and printed as one line as soon as it is done.
 * Exit codes as `outline`: 0 success, 1 an input cannot be read or no report was found, 2 usage
 * error.
 */
import { alignCorpus, alignTable, contentHash, groupSeries, lightReport, type Report, type Series, type SourcedReport } from '../core/index.ts';
import type { Body, Manual, SeriesLine } from './alignLine.ts';
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
  // With --json and --jsonl, only light reports are kept while every report is read and grouped
  // (their bodies are read again by the worker that aligns their series): memory does not grow with
  // the texts. The table aligns the whole corpus at once and keeps the full reports.
  const light = json || jsonl;
  const reports: SourcedReport[] = [];
  // Bodies by source, report id and content (a correction copies a report; one file may hold two reports of one id).
  const bodies = new Map<string, Body>();
  const bodyKey = (source: string, r: Report) => `${source}\u0000${r.id}\u0000${contentHash(r)}`;
  const ok = await eachImport(inputs, batch, io, (file, imp) => {
    imp.reports.forEach((report, index) => {
      if (!light) return reports.push({ source: sourceKey(file), report });
      bodies.set(bodyKey(sourceKey(file), report), { file, index, hash: contentHash(report) });
      reports.push({ source: sourceKey(file), report: lightReport(report) });
    });
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
  if (light) {
    // Series by series, each aligned alone (alignment never looks across series) on --jobs workers,
    // in the order of the grouping whatever order they finish in.
    const lines: SeriesLine[] = [];
    let failed = false;
    const each = (s: Series, r: { line: SeriesLine } | { error: string }) => {
      if ('error' in r) {
        io.err(`annals: ${s.label}: ${r.error}\n`);
        failed = true;
      } else if (jsonl) io.out(`${JSON.stringify(r.line)}\n`);
      else lines.push(r.line);
    };
    // Also with --jobs 1: on the CLI's thread, what alignment leaves behind would pile up on the heap
    // that holds every light report.
    const pool = new AlignPool(batch);
    try {
      const bodyOf = (m: SourcedReport) => bodies.get(bodyKey(m.source, m.report))!;
      await inOrder(grouping.series, batch.jobs * 2, (s) => pool.run({ ...s, members: [] }, s.members.map(bodyOf), batch.maxBytes, manual), each);
    } finally {
      await pool.close();
    }
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
