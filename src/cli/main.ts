/**
 * The `annals` command, on the same core as the extension.
 *
 *   annals outline <file> [--json]
 *   annals align <file|dir>... [--json]
 *   annals tag <source> --match <regex> --tag <id> [...]      (annotate.ts)
 *   annals export <source|dir> --format csv|jsonl|md [...]    (annotate.ts)
 *
 * Exit codes: 0 success; 1 the input cannot be read or holds no report; 2 usage error.
 */
import { DEFAULT_MAX_BYTES, DEFAULTS, importSource, megabytes, outlineJson, outlineTree } from '../core/index.ts';
import { runAlign } from './align.ts';
import { runExport, runTag } from './annotate.ts';
import { readInput } from './files.ts';
import type { Io } from './io.ts';

declare const ANNALS_VERSION: string;

const USAGE = `Usage: annals <command> [options]

Commands:
  outline <file> [--json]   Print the reports in a feed, page or text file as a tree
                            (or as JSON with --json).
  align <file|dir>... [--json]
                            Align the chapters and sections of each report series
                            across the years (files and folders form one corpus);
                            a table, or JSON with --json.
  tag <source> --match <regex> --tag <id> [--year Y] [--note T] [--author A] [--literal]
                            Tag the paragraphs that match (plain text with --literal),
                            in the source's sidecar; paragraphs that have the tag are skipped.
  export <source|dir> --format csv|jsonl|md [--out F]
                            Export the annotations of a source, or of every source with a
                            sidecar under a folder: CSV (UTF-8 with a BOM), W3C Web
                            Annotations (one per line), or a Markdown summary by tag.

Options:
  --max-size-mb <n>         Refuse files larger than n MB (default ${DEFAULTS.maxFileSizeMB}).
  --workspace <dir>         tag, export: the workspace folder, whose .annals/codebook.json
                            is the codebook (default: the current folder).
  --sidecar-folder <dir>    tag, export: the setting annals.sidecarFolder (sidecars under this
                            folder of the workspace, instead of next to their sources).
  -h, --help                Show this help.
  -v, --version             Show the version.

Exit codes: 0 success, 1 the input cannot be read or holds no report (tag, export: or its
sidecar cannot be read, the tag is unknown, the pattern is invalid), 2 usage error.
`;

/**
 * The options that `outline` and `align` share: `--json`, `--max-size-mb <n>`, and the inputs.
 * Returns an exit code (2) after saying what is wrong.
 */
export function parseInputs(args: string[], io: Io, usage: string): { json: boolean; maxBytes: number; inputs: string[] } | number {
  let json = false;
  let maxBytes = DEFAULT_MAX_BYTES;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--max-size-mb') {
      const v = Number(args[++i]);
      if (!(v > 0)) {
        io.err('annals: --max-size-mb needs a positive number.\n');
        return 2;
      }
      maxBytes = megabytes(v);
    } else if (a.startsWith('-') && a !== '-') {
      io.err(`annals: unknown option “${a}”.\n\n${usage}`);
      return 2;
    } else inputs.push(a);
  }
  return { json, maxBytes, inputs };
}

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
  const command = args.shift();
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  if (command === 'align') return runAlign(args, io, USAGE);
  if (command === 'tag') return runTag(args, io, USAGE);
  if (command === 'export') return runExport(args, io, USAGE);
  if (command !== 'outline') {
    io.err(`annals: unknown command “${command}”.\n\n${USAGE}`);
    return 2;
  }
  const opts = parseInputs(args, io, USAGE);
  if (typeof opts === 'number') return opts;
  const { json, maxBytes, inputs: files } = opts;
  if (files.length !== 1) {
    io.err(`annals outline: give exactly one file (got ${files.length}).\n\n${USAGE}`);
    return 2;
  }
  const file = files[0];
  const input = readInput(file, maxBytes);
  if (typeof input === 'string') {
    io.err(`annals: ${input}\n`);
    return 1;
  }
  const imp = importSource(file, input, { maxBytes });
  if (json) io.out(JSON.stringify(outlineJson(imp), null, 2) + '\n');
  else io.out(outlineTree(imp));
  if (!imp.reports.length) {
    const why = imp.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no report was found in it.';
    io.err(`annals: ${file}: ${why}\n`);
    return 1;
  }
  return 0;
}
