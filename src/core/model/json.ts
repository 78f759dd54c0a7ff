/**
 * JSON reading for the files people edit by hand (the codebook, the sidecars): a parse that
 * never throws and says where the text went wrong, and small shape checks that name the JSON
 * path of what is wrong (`annotations[3].target.paragraph`).
 */
import { fail, ok, type Result } from './problem.ts';

/** 1-based line and column of a UTF-16 offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/** JSON.parse that returns the error with its line and column instead of throwing. A leading BOM is allowed. */
export function parseJson(text: string): Result<unknown> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return ok(JSON.parse(src));
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    // V8's messages do not always give the offset: find it with a small scanner of our own.
    let found: { offset: number; message: string } | null = null;
    try {
      found = syntaxError(src);
    } catch {
      // Nesting too deep for the scanner: JSON.parse's own message stands.
    }
    const m = /at position (\d+)/.exec(raw);
    const offset = found?.offset ?? (m ? Number(m[1]) : src.length);
    const { line, column } = lineColumn(src, offset);
    const what = found?.message ?? raw.replace(/\s+in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return fail('invalidJson', [line, column, what]);
  }
}

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
  /** A string field; the JSON path is only built when there is something to say. */
  string(obj: Record<string, unknown>, key: string, path: string, opts: { optional?: boolean; nonEmpty?: boolean } = {}): string | undefined {
    const v = obj[key];
    if (typeof v === 'string' && (!opts.nonEmpty || v.trim())) return v;
    const p = jsonPath(path, key);
    if (v === undefined) {
      if (!opts.optional) this.add(p, 'missing (expected a string)');
    } else if (typeof v !== 'string') this.add(p, `expected a string, found ${describe(v)}`);
    else this.add(p, 'must not be empty');
    return undefined;
  }
  integer(obj: Record<string, unknown>, key: string, path: string, min = 0): number | undefined {
    const v = obj[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min) return v;
    const p = jsonPath(path, key);
    if (v === undefined) this.add(p, 'missing (expected a whole number)');
    else this.add(p, `expected a whole number${min === 0 ? ' ≥ 0' : ''}, found ${describe(v)}`);
    return undefined;
  }
  get ok(): boolean {
    return this.list.length === 0;
  }
}

/** The first syntax error of a JSON text: its offset and what was expected there. Null if there is none. */
function syntaxError(src: string): { offset: number; message: string } | null {
  let i = 0;
  const ws = () => {
    while (i < src.length && (src[i] === ' ' || src[i] === '\t' || src[i] === '\n' || src[i] === '\r')) i++;
  };
  const fail = (message: string): never => {
    throw { offset: i, message };
  };
  const found = () => (i >= src.length ? 'the end of the text' : `“${src[i]}”`);
  const value = (): void => {
    ws();
    const c = src[i];
    if (c === '{') {
      i++;
      ws();
      if (src[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (src[i] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
        string();
        ws();
        if (src[i] !== ':') fail(`expected “:” after the property name, found ${found()}`);
        i++;
        value();
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === '}') {
          i++;
          return;
        }
        fail(`expected “,” or “}” after a property value, found ${found()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (src[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === ']') {
          i++;
          return;
        }
        fail(`expected “,” or “]” after an array element, found ${found()}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(src.slice(i, i + 400));
    if (lit) {
      i += lit[0].length;
      return;
    }
    fail(`expected a value, found ${found()}`);
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= src.length) fail('a string is not closed');
      const c = src.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('a string holds a raw line break or control character');
      if (c === 0x5c) {
        const e = src[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) fail('invalid \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`invalid escape “\\${e ?? ''}”`);
      } else i++;
    }
  };
  try {
    value();
    ws();
    if (i < src.length) fail(`unexpected ${found()} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'offset' in e) return e as { offset: number; message: string };
    throw e;
  }
}
