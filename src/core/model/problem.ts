/**
 * The one problem vocabulary. A fallible core function returns a Result; its problem carries a
 * message code (a key of MESSAGES) and the arguments, so the editor shows it in the user's
 * language and the CLI in English, from one table.
 */
import { format, MESSAGES, type MessageCode } from './messages.ts';
import { detach } from './text.ts';

export interface Problem {
  code: MessageCode;
  /** The template's {0}, {1}…: text, or a problem of its own (the file's JSON error inside “file: …”). */
  args: ProblemArg[];
}

type ProblemArg = string | Problem;

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: MessageCode, args: readonly (string | number | Problem)[] = []): Result<T> {
  return { ok: false, problem: problem(code, args) };
}

export function problem(code: MessageCode, args: readonly (string | number | Problem)[] = []): Problem {
  return { code, args: args.map((a) => (typeof a === 'object' ? a : detach(String(a)))) };
}

/** The problem in English. */
export function problemText(p: Problem): string {
  return renderProblem(p, (code) => MESSAGES[code]);
}

/** The problem's text with each template looked up by `template` (the editor passes its l10n lookup). */
function renderProblem(p: Problem, template: (code: MessageCode, english: string) => string): string {
  return format(
    template(p.code, MESSAGES[p.code]),
    p.args.map((a) => (typeof a === 'string' ? a : renderProblem(a, template))),
  );
}
