/**
 * `annals figures <file|dir>... [--json|--csv]`: every figure of the reports (a number with its
 * unit), with its label, kind (target or result), chapter and place, for a spreadsheet. Exit codes
 * as `align`: 0 success, 1 an input cannot be read or holds no report, 2 usage error.
 */
import { csvField, reportFigures } from '../core/index.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import type { Io } from './io.ts';
import { batchOptions } from './pool.ts';
import { loadReports } from './reports.ts';

/** One figure as `--json` prints it, in this key order. */
interface FigureRow {
  source: string;
  year: number | null;
  chapter: string | null;
  paragraph: string;
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string;
  label: string;
  kind: 'target' | 'result';
}

const COLUMNS = ['source', 'year', 'chapter', 'paragraph', 'start', 'end', 'text', 'value', 'unit', 'label', 'kind'] as const;

function csv(rows: readonly FigureRow[]): string {
  const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : csvField(v));
  // UTF-8 with a BOM and CRLF line ends, as the annotation export writes CSV, for spreadsheets.
  return `\ufeff${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}

/** The table for people: per report, one line a figure. */
function table(rows: readonly FigureRow[]): string {
  const out: string[] = [];
  let last = '';
  for (const r of rows) {
    const head = `${r.source}${r.year === null ? '' : ` (${r.year})`}`;
    if (head !== last) out.push(`${out.length ? '\n' : ''}${head}`);
    last = head;
    // A number whose unit its list writes once, after the last (拉动经济增长1.7、0.2和4.0个百分点): its unit shown after its text.
    const shown = r.unit && !r.text.replace(/\s+/g, '').endsWith(r.unit) ? `${r.text} (${r.unit})` : r.text;
    out.push(`  ${r.kind === 'target' ? 'target' : 'result'}  ${r.label || '—'}  ${shown}${r.chapter ? `  · ${r.chapter}` : ''}`);
  }
  return out.length ? `${out.join('\n')}\n` : 'No figures.\n';
}

async function runFigures(opts: Options, io: Io, usage: string): Promise<number> {
  const inputs = opts.positional;
  if (!inputs.length) {
    io.err(`annals figures: give at least one file or folder.\n\n${usage}`);
    return 2;
  }
  if (opts.flag('--json') && opts.flag('--csv')) {
    io.err('annals figures: give --json or --csv, not both.\n');
    return 2;
  }
  const batch = batchOptions(opts);
  if ('error' in batch) {
    io.err(`annals figures: ${batch.error}.\n`);
    return 2;
  }
  const reports = await loadReports(inputs, batch, io);
  if (!reports) return 1;
  const rows: FigureRow[] = [];
  for (const r of reports)
    for (const f of reportFigures(r.report))
      rows.push({
        source: r.source,
        year: r.report.year,
        chapter: f.chapter,
        paragraph: f.paragraph,
        start: f.start,
        end: f.end,
        text: f.text,
        value: f.value,
        unit: f.unit,
        label: f.label,
        kind: f.kind,
      });
  if (opts.flag('--json')) io.out(`${JSON.stringify(rows, null, 2)}\n`);
  else if (opts.flag('--csv')) io.out(csv(rows));
  else io.out(table(rows));
  return 0;
}

export const figures: Command = {
  synopsis: 'figures <file|dir>... [--json|--csv]',
  summary: ['Print every figure of the reports (number, unit, label,', 'target or result, chapter); JSON with --json, or CSV', 'for a spreadsheet with --csv.'],
  options: ['--json', '--csv', '--jobs', '--timeout-seconds'],
  errorPrefix: 'annals',
  run: runFigures,
};
