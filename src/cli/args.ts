/**
 * The one parser of the CLI's arguments. Every option is declared once, in OPTIONS; a command
 * takes GLOBAL_OPTIONS and the options it names (see Command.options), and the parser returns
 * them typed, or the usage error. An option's value is the next argument, whatever it is:
 * `--note -h` is a note.
 */
import { DEFAULT_MAX_BYTES, megabytes } from '../core/index.ts';

/** A flag, an option with a text value, or a size in megabytes (a positive number). */
type Kind = 'flag' | 'text' | 'megabytes';

const OPTIONS = {
  '--help': 'flag',
  '--json': 'flag',
  '--max-size-mb': 'megabytes',
  '--workspace': 'text',
  '--sidecar-folder': 'text',
  '--match': 'text',
  '--tag': 'text',
  '--year': 'text',
  '--note': 'text',
  '--author': 'text',
  '--coder': 'text',
  '--literal': 'flag',
  '--part': 'text',
  '--chapter': 'text',
  '--format': 'text',
  '--out': 'text',
  '--into': 'text',
  '--codes': 'text',
  '--csv': 'flag',
  '--regex': 'flag',
  '--agreement': 'flag',
  '--jsonl': 'flag',
  '--jobs': 'text',
  '--timeout-seconds': 'text',
} as const satisfies Record<string, Kind>;

export type OptionName = keyof typeof OPTIONS;

/**
 * The options every command takes, besides its own: -h/--help, and --max-size-mb (every command
 * reads report sources).
 */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['--help', '--max-size-mb'];

type NameOf<K extends Kind> = { [N in OptionName]: (typeof OPTIONS)[N] extends K ? N : never }[OptionName];

/** Short spellings. */
const ALIASES: ReadonlyMap<string, OptionName> = new Map([['-h', '--help']]);

/** The parsed arguments of a command. */
export interface Options {
  /** The arguments that are neither options nor their values, in order. */
  positional: string[];
  /** --max-size-mb in bytes, or the default (DEFAULTS.maxFileSizeMB). */
  maxBytes: number;
  /** Whether a flag was given. */
  flag(name: NameOf<'flag'>): boolean;
  /** An option's value (the last one, if it was given more than once). */
  text(name: NameOf<'text'>): string | undefined;
}

/** What is wrong with the arguments, to print after the command's prefix; `showUsage` adds the usage text. */
export interface UsageError {
  error: string;
  showUsage: boolean;
}

/** Parses a command's arguments, left to right; the first problem is the error. */
export function parseOptions(args: readonly string[], accepted: readonly OptionName[]): Options | UsageError {
  const positional: string[] = [];
  const flags = new Set<OptionName>();
  const texts = new Map<OptionName, string>();
  let maxBytes = DEFAULT_MAX_BYTES;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = Object.hasOwn(OPTIONS, a) ? (a as OptionName) : ALIASES.get(a);
    if (name && accepted.includes(name)) {
      const kind: Kind = OPTIONS[name];
      if (kind === 'flag') flags.add(name);
      else if (kind === 'megabytes') {
        const v = Number(args[++i]);
        if (!(v > 0)) return { error: `${a} needs a positive number`, showUsage: false };
        maxBytes = megabytes(v);
      } else {
        const v = args[++i];
        if (v === undefined) return { error: `${a} needs a value`, showUsage: true };
        texts.set(name, v);
      }
    } else if (a.startsWith('-') && a !== '-') return { error: `unknown option “${a}”`, showUsage: true };
    else positional.push(a);
  }
  return { positional, maxBytes, flag: (n) => flags.has(n), text: (n) => texts.get(n) };
}
