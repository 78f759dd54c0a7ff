/**
 * The `annals` command, on the same core as the extension.
 *
 *   annals outline <file> [--json] | <file|dir>... --jsonl     (outline.ts)
 *   annals align <file|dir>... [--json|--jsonl] [--jobs N]     (align.ts)
 *   annals tag <source> --match <regex> --tag <id> [...]      (annotate.ts)
 *   annals export <source|dir> --format csv|jsonl|md|xlsx|qdpx [...] (annotate.ts)
 *   annals import <file.qdpx> [--into DIR] [--codes C]         (import.ts)
 *   annals agree <source|sidecar>... [--json]                 (agree.ts)
 *   annals figures <file|dir>... [--json|--csv]               (figures.ts)
 *   annals search <query> <file|dir>... [--regex] [--json|--jsonl] (search.ts)
 *
 * Each command is an entry of COMMANDS: its usage, its options (parsed by args.ts) and its run.
 * Exit codes: 0 success; 1 the input cannot be read or holds no report; 2 usage error.
 */
import { DEFAULTS, safeTerminalText } from '../core/index.ts';
import { agree } from './agree.ts';
import { align } from './align.ts';
import { tagCommand } from './annotate.ts';
import { exportCommand } from './export.ts';
import { GLOBAL_OPTIONS, parseOptions } from './args.ts';
import { importCommand } from './import.ts';
import type { Command } from './command.ts';
import type { Io } from './io.ts';
import { figures } from './figures.ts';
import { outline } from './outline.ts';
import { search } from './search.ts';

declare const ANNALS_VERSION: string;

/** The commands, by name, in the order of the usage. */
const COMMANDS: Readonly<Record<string, Command>> = {
  outline,
  align,
  tag: tagCommand,
  export: exportCommand,
  import: importCommand,
  agree,
  figures,
  search,
};

/** A command's lines in the usage: the synopsis, and the summary from column 28 (under a long synopsis). */
function commandUsage(c: Command): string {
  const indent = ' '.repeat(28);
  const [first, ...rest] = c.summary;
  const head = c.synopsis.length <= 24 ? `  ${c.synopsis.padEnd(24)}  ${first}\n` : `  ${c.synopsis}\n${indent}${first}\n`;
  return head + rest.map((line) => `${indent}${line}\n`).join('');
}

const USAGE = `Usage: annals <command> [options]

Commands:
${Object.values(COMMANDS).map(commandUsage).join('')}
Options:
  --max-size-mb <n>         Refuse files larger than n MB (default ${DEFAULTS.maxFileSizeMB}).
  --workspace <dir>         tag, export, import, agree: the workspace folder, whose .annals/codebook.json
                            is the codebook and .annals/project.json the coding mode and coders
                            (default: the current folder).
  --sidecar-folder <dir>    tag, export, import, agree: the setting annals.sidecarFolder (sidecars under this
                            folder of the workspace, instead of next to their sources).
  --jobs <n>                outline, align, search, figures, export: read files on n worker threads
                            (default: one per core); the output is the same for any n.
  --timeout-seconds <n>     The same commands: give up on a file whose import takes longer (default 60).
  --jsonl                   outline, align, search, export: JSON Lines, printed as the files are read.
  -h, --help                Show this help.
  -v, --version             Show the version.

Exit codes: 0 success, 1 the input cannot be read or holds no report (tag, export: or its
sidecar cannot be read, the tag is unknown, the pattern is invalid; search: the pattern is
invalid), 2 usage error.
`;

/** Runs a command; `tag` and `export` work on files asynchronously and return a promise. */
export function run(argv: string[], io: Io): number | Promise<number> {
  const args = [...argv];
  // Help and version only where they cannot be an option's value (`--note -h` is a note).
  const help = (a: string | undefined) => a === '-h' || a === '--help';
  if (help(args[0]) || (args.length === 2 && help(args[1]))) {
    io.out(USAGE);
    return 0;
  }
  if (args[0] === '-v' || args[0] === '--version') {
    io.out(`${typeof ANNALS_VERSION === 'string' ? ANNALS_VERSION : 'dev'}\n`);
    return 0;
  }
  const name = args.shift();
  if (!name) {
    io.err(USAGE);
    return 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`annals: unknown command “${name}”.\n\n${USAGE}`);
    return 2;
  }
  const opts = parseOptions(args, [...GLOBAL_OPTIONS, ...command.options]);
  if ('error' in opts) {
    io.err(`${command.errorPrefix}: ${opts.error}.\n${opts.showUsage ? `\n${USAGE}` : ''}`);
    return 2;
  }
  if (opts.flag('--help')) {
    io.out(USAGE);
    return 0;
  }
  // Nothing from report text may act on the terminal: human output shows control characters as
  // symbols; JSON escapes the C1 ones too (JSON.stringify leaves them raw); the exports are made
  // safe by their exporters (CSV keeps its CRLF line ends).
  const json = command.options.includes('--json') && opts.flag('--json');
  const safe: Io = {
    // CSV of figures, like the exports, is made safe field by field (csvField) and keeps its CRLF.
    out: (s) => io.out(name === 'export' || (name === 'figures' && opts.flag('--csv')) ? s : json ? escapeC1(s) : safeTerminalText(s)),
    err: (s) => io.err(safeTerminalText(s)),
  };
  return command.run(opts, safe, USAGE);
}

/** C1 control characters as JSON escapes (they only stand inside strings there). */
function escapeC1(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
