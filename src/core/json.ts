/**
 * JSON reading for the files people edit by hand (the codebook, the sidecars): a parse that
 * never throws and says where the text went wrong, and small shape checks that name the JSON
 * path of what is wrong (`annotations[3].target.paragraph`).
 */

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number };

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/** JSON.parse that returns the error with its line and column instead of throwing. A leading BOM is allowed. */
export function parseJson(text: string): JsonResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(src) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const m = /at position (\d+)/.exec(raw);
    const offset = m ? Number(m[1]) : /end of JSON input|Unterminated/i.test(raw) ? src.length : 0;
    const { line, column } = lineColumn(src, offset);
    // V8 appends the offset (and sometimes a copy of the text); the line and column say it better.
    const what = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s+in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return { ok: false, message: `invalid JSON at line ${line}, column ${column}: ${what}`, line, column };
  }
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A readable JSON path: tags[2].id, annotations[0].target.quote. */
export function jsonPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

/** What a value is, for messages: “a number”, “null”, “an array”. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the value'} ${String(v)}`;
}

/** Collects shape problems; each is “path: expected X, found Y”. */
export class ShapeErrors {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    if (this.list.length < 20) this.list.push(`${path || '(top level)'}: ${message}`);
  }
  string(obj: Record<string, unknown>, key: string, path: string, opts: { optional?: boolean; nonEmpty?: boolean } = {}): string | undefined {
    const v = obj[key];
    const p = jsonPath(path, key);
    if (v === undefined) {
      if (!opts.optional) this.add(p, 'missing (expected a string)');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.add(p, `expected a string, found ${describe(v)}`);
      return undefined;
    }
    if (opts.nonEmpty && !v.trim()) {
      this.add(p, 'must not be empty');
      return undefined;
    }
    return v;
  }
  integer(obj: Record<string, unknown>, key: string, path: string, min = 0): number | undefined {
    const v = obj[key];
    const p = jsonPath(path, key);
    if (v === undefined) this.add(p, 'missing (expected a whole number)');
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < min) this.add(p, `expected a whole number${min === 0 ? ' ≥ 0' : ''}, found ${describe(v)}`);
    else return v;
    return undefined;
  }
  get ok(): boolean {
    return this.list.length === 0;
  }
}
