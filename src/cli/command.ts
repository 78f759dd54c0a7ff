/** A command of the CLI, as the command table in main.ts holds it. */
import type { OptionName, Options } from './args.ts';
import type { Io } from './io.ts';

export interface Command {
  /** The command line, as the usage shows it: `outline <file> [--json]`. */
  synopsis: string;
  /** What the command does, in lines of the usage. */
  summary: readonly string[];
  /** The options it takes besides GLOBAL_OPTIONS (args.ts parses them). */
  options: readonly OptionName[];
  /** How its option errors begin: `annals tag` gives `annals tag: unknown option “--x”.` */
  errorPrefix: string;
  /** Runs it; `usage` is the whole usage text, for its own usage errors. Returns the exit code. */
  run: (opts: Options, io: Io, usage: string) => number | Promise<number>;
}
