/**
 * `annals search <query> <file|dir>... [--regex] [--json]`: a text or a regular expression (RE2
 * syntax, matched in linear time) over the report text of the reports, grouped by series → year →
 * chapter with context, and the hits per year. Exit codes: 0 success (with or without hits), 1 an
 * input cannot be read or holds no report, or the pattern is not valid; 2 usage error.
 */
import { problemText, type RegexEngine, type SearchResult, searchJson, searchReports } from '../core/index.ts';
import { loadRegexEngine } from '../host/loadRegex.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import type { Io } from './io.ts';
import { BATCH_OPTIONS, batchOptions } from './pool.ts';
import { eachLines, loadReports } from './reports.ts';

/** The bar of a year's hits, 20 characters at the most hits of the search. */
const bar = (n: number, max: number) => (n ? '█'.repeat(Math.max(1, Math.round((n / max) * 20))) : '');

/** The result for people: hits per year as bars, then the hits under their series, year and chapter. */
function table(r: SearchResult): string {
  const out: string[] = [`${r.total} hit${r.total === 1 ? '' : 's'} for “${r.query}”${r.limited ? ' (stopped at the limit)' : ''}`];
  const max = Math.max(1, ...r.byYear.map((b) => b.hits));
  for (const s of [...new Set(r.byYear.map((b) => b.series))]) {
    out.push('', s);
    for (const b of r.byYear.filter((x) => x.series === s)) out.push(`  ${b.year}  ${String(b.hits).padStart(5)}  ${bar(b.hits, max)}`);
  }
  for (const s of r.groups) {
    out.push('', `${s.series} · ${s.hits}`);
    for (const y of s.years) {
      out.push(`  ${y.year ?? '(no year)'} · ${y.hits}`);
      for (const c of y.chapters) {
        out.push(`    ${c.chapter ?? '(before the first chapter)'}`);
        for (const h of c.hits) out.push(`      ${h.context}  [${h.source}:${h.line + 1}]`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

async function runSearch(opts: Options, io: Io, usage: string): Promise<number> {
  const [query, ...inputs] = opts.positional;
  if (query === undefined || !inputs.length) {
    io.err(`annals search: give a query and at least one file or folder.\n\n${usage}`);
    return 2;
  }
  if (opts.flag('--json') && opts.flag('--jsonl')) {
    io.err('annals search: give --json or --jsonl, not both.\n');
    return 2;
  }
  const batch = batchOptions(opts);
  if ('error' in batch) {
    io.err(`annals search: ${batch.error}.\n`);
    return 2;
  }
  const regex = opts.flag('--regex');
  let engine: RegexEngine | undefined;
  if (regex) engine = await loadRegexEngine();
  // A bad pattern is told before any file is read.
  const probe = searchReports([], { text: query, regex }, { engine });
  if (!probe.ok) {
    io.err(`annals search: ${problemText(probe.problem)}\n`);
    return 1;
  }
  if (opts.flag('--jsonl')) {
    // One line a hit, file by file as the files are read: nothing is kept from one file to the next.
    let total = 0;
    const ok = await eachLines(inputs, batch, io, { kind: 'search', text: query, regex }, (lines) => {
      total += lines.hits;
      io.out(lines.text);
    });
    if (!ok) return 1;
    if (!total) io.err(`annals search: no hit for “${query}”.\n`);
    return 0;
  }
  const reports = await loadReports(inputs, batch, io);
  if (!reports) return 1;
  const result = searchReports(reports, { text: query, regex }, { engine });
  if (!result.ok) {
    io.err(`annals search: ${problemText(result.problem)}\n`);
    return 1;
  }
  if (opts.flag('--json')) io.out(`${JSON.stringify(searchJson(result.value), null, 2)}\n`);
  else io.out(table(result.value));
  if (result.value.limited) io.err(`annals: warning: the search stopped at ${result.value.total} hits.\n`);
  return 0;
}

export const search: Command = {
  synopsis: 'search <query> <file|dir>... [--regex] [--json] [--jsonl] [--jobs N]',
  summary: [
    'Search the report text (headings and paragraphs) of the',
    'reports for a text, or a regular expression with --regex;',
    'hits by series, year and chapter, and per year (--json);',
    'one line a hit, as the files are read, with --jsonl.',
  ],
  options: ['--json', '--regex', ...BATCH_OPTIONS],
  errorPrefix: 'annals',
  run: runSearch,
};
