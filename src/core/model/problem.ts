/**
 * The one problem vocabulary. A fallible core function returns a Result; its problem carries a
 * message code (a key of MESSAGES) and the arguments, so the editor shows it in the user's
 * language and the CLI in English, from one table.
 */
import { format, MESSAGES, type MessageCode } from './messages.ts';
import { detach } from './text.ts';

export interface Problem {
  code: MessageCode;
  args: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: MessageCode, args: readonly (string | number)[] = []): Result<T> {
  return { ok: false, problem: problem(code, args) };
}

export function problem(code: MessageCode, args: readonly (string | number)[] = []): Problem {
  return { code, args: args.map((a) => detach(String(a))) };
}

/** The problem in English. */
export function problemText(p: Problem): string {
  return format(MESSAGES[p.code], p.args);
}
