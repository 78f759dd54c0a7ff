/**
 * The sidecar file: a source's annotations, next to it (`<source>.annals.json`) or under the
 * folder of the setting `annals.sidecarFolder`, mirroring the workspace paths.
 *
 * The text is stable: fixed key order, annotations sorted by report, then position, then id,
 * 2-space indent, a final newline; so git diffs stay small and merges clean.
 */
import { type Annotation, compareAnnotations, type AnnotationTarget } from './annotation.ts';
import { describe, isObject, jsonPath, parseJson, ShapeErrors } from '../model/index.ts';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.annals.json';
/** The `$schema` every sidecar names; the extension maps it to schemas/sidecar.schema.json. */
export const SIDECAR_SCHEMA = 'https://annals.invalid/schemas/sidecar.schema.json';

export interface Sidecar {
  version: number;
  /** The source file, relative to the sidecar's folder, with `/` separators. */
  source: string;
  annotations: Annotation[];
}

export type SidecarParse =
  | { ok: true; sidecar: Sidecar }
  | { ok: false; kind: 'invalid-json' | 'invalid-shape' | 'newer-version'; error: string };

/** Reads a sidecar's text. Never throws; an error names the file, what is wrong, and where. */
export function parseSidecar(text: string, file: string): SidecarParse {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, kind: 'invalid-json', error: `${file}: ${json.message}` };
  const v = json.value;
  if (!isObject(v)) return { ok: false, kind: 'invalid-shape', error: `${file}: expected an object with "version" and "annotations", found ${describe(v)}` };
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
    return { ok: false, kind: 'invalid-shape', error: `${file}: version: ${v.version === undefined ? 'missing' : `expected a whole number ≥ 1, found ${describe(v.version)}`}` };
  }
  if (v.version > SIDECAR_VERSION) {
    return { ok: false, kind: 'newer-version', error: `${file}: version ${v.version} was written by a newer Annals (this one reads version ${SIDECAR_VERSION}); update Annals to edit these annotations. The file is left as it is.` };
  }
  const errs = new ShapeErrors();
  noUnknownKeys(v, ['$schema', 'version', 'source', 'annotations'], '', errs);
  const source = typeof v.source === 'string' ? v.source : '';
  if (v.source !== undefined && typeof v.source !== 'string') errs.add('source', `expected a string, found ${describe(v.source)}`);
  if (!Array.isArray(v.annotations)) {
    errs.add('annotations', v.annotations === undefined ? 'missing (expected an array)' : `expected an array, found ${describe(v.annotations)}`);
    return { ok: false, kind: 'invalid-shape', error: `${file}: ${errs.list.join('; ')}` };
  }
  const annotations: Annotation[] = [];
  const seen = new Map<string, number>();
  v.annotations.forEach((raw, i) => {
    const a = readAnnotation(raw, `annotations[${i}]`, errs);
    if (!a) return;
    if (seen.has(a.id)) errs.add(`annotations[${i}].id`, `duplicate id “${a.id}” (also annotations[${seen.get(a.id)}])`);
    seen.set(a.id, i);
    annotations.push(a);
  });
  if (!errs.ok) return { ok: false, kind: 'invalid-shape', error: `${file}: ${errs.list.join('; ')}` };
  return { ok: true, sidecar: { version: SIDECAR_VERSION, source, annotations } };
}

/**
 * The file is rewritten from what was read, so a property Annals does not know would be lost on
 * the next save: such a file is refused instead (as the schema says), naming the property.
 */
function noUnknownKeys(obj: Record<string, unknown>, allowed: readonly string[], p: string, errs: ShapeErrors): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) errs.add(p ? jsonPath(p, k) : k, 'unknown property (Annals would drop it when saving)');
}

/** A selector's `type`, when present, must be the one the W3C model names. */
function selectorType(obj: Record<string, unknown>, want: string, p: string, errs: ShapeErrors): void {
  if (obj.type !== undefined && obj.type !== want) errs.add(jsonPath(p, 'type'), `expected "${want}", found ${describe(obj.type)}`);
}

/** ISO-8601 date and time, as the schema's date-time (Date.parse alone accepts “March 1, 2026”). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function readAnnotation(raw: unknown, p: string, errs: ShapeErrors): Annotation | null {
  if (!isObject(raw)) {
    errs.add(p, `expected an annotation object, found ${describe(raw)}`);
    return null;
  }
  const before = errs.list.length;
  noUnknownKeys(raw, ['id', 'report', 'target', 'tags', 'note', 'author', 'created', 'modified'], p, errs);
  const id = errs.string(raw, 'id', p, { nonEmpty: true });
  const report = errs.string(raw, 'report', p, { nonEmpty: true });
  const target = readTarget(raw.target, `${p}.target`, errs);
  let tags: string[] = [];
  if (!Array.isArray(raw.tags)) errs.add(jsonPath(p, 'tags'), raw.tags === undefined ? 'missing (expected an array of tag ids)' : `expected an array of tag ids, found ${describe(raw.tags)}`);
  else {
    raw.tags.forEach((t, k) => {
      if (typeof t !== 'string' || !t) errs.add(jsonPath(jsonPath(p, 'tags'), k), `expected a tag id, found ${describe(t)}`);
    });
    // A tag listed twice means nothing more than once.
    tags = [...new Set(raw.tags.filter((t): t is string => typeof t === 'string' && !!t))];
  }
  const note = errs.string(raw, 'note', p, { optional: true }) ?? '';
  const author = errs.string(raw, 'author', p, { optional: true }) ?? '';
  const created = errs.string(raw, 'created', p);
  const modified = errs.string(raw, 'modified', p);
  if (created !== undefined && (!DATE_TIME.test(created) || Number.isNaN(Date.parse(created)))) errs.add(`${p}.created`, `“${created}” is not an ISO-8601 date and time`);
  if (modified !== undefined && (!DATE_TIME.test(modified) || Number.isNaN(Date.parse(modified)))) errs.add(`${p}.modified`, `“${modified}” is not an ISO-8601 date and time`);
  if (errs.list.length > before || !id || !report || !target || created === undefined || modified === undefined) return null;
  return { id, report, target, tags, note, author, created, modified };
}

function readTarget(raw: unknown, p: string, errs: ShapeErrors): AnnotationTarget | null {
  if (!isObject(raw)) {
    errs.add(p, raw === undefined ? 'missing (expected {paragraph, quote, position})' : `expected an object, found ${describe(raw)}`);
    return null;
  }
  noUnknownKeys(raw, ['paragraph', 'quote', 'position'], p, errs);
  const paragraph = errs.string(raw, 'paragraph', p, { nonEmpty: true });
  const qp = `${p}.quote`;
  const pp = `${p}.position`;
  let quote: AnnotationTarget['quote'] | null = null;
  let position: AnnotationTarget['position'] | null = null;
  if (!isObject(raw.quote)) errs.add(qp, raw.quote === undefined ? 'missing (expected a TextQuoteSelector)' : `expected an object, found ${describe(raw.quote)}`);
  else {
    noUnknownKeys(raw.quote, ['type', 'exact', 'prefix', 'suffix'], qp, errs);
    selectorType(raw.quote, 'TextQuoteSelector', qp, errs);
    const exact = errs.string(raw.quote, 'exact', qp);
    const prefix = errs.string(raw.quote, 'prefix', qp, { optional: true }) ?? '';
    const suffix = errs.string(raw.quote, 'suffix', qp, { optional: true }) ?? '';
    if (exact !== undefined) quote = { type: 'TextQuoteSelector', exact, prefix, suffix };
  }
  if (!isObject(raw.position)) errs.add(pp, raw.position === undefined ? 'missing (expected a TextPositionSelector)' : `expected an object, found ${describe(raw.position)}`);
  else {
    noUnknownKeys(raw.position, ['type', 'start', 'end'], pp, errs);
    selectorType(raw.position, 'TextPositionSelector', pp, errs);
    const start = errs.integer(raw.position, 'start', pp);
    const end = errs.integer(raw.position, 'end', pp);
    if (start !== undefined && end !== undefined) {
      if (end < start) errs.add(jsonPath(pp, 'end'), `end (${end}) is before start (${start})`);
      else position = { type: 'TextPositionSelector', start, end };
    }
  }
  return paragraph && quote && position ? { paragraph, quote, position } : null;
}

/** One annotation with its keys in the documented order. */
function orderedAnnotation(a: Annotation) {
  const { quote, position } = a.target;
  return {
    id: a.id,
    report: a.report,
    target: {
      paragraph: a.target.paragraph,
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    },
    tags: [...a.tags],
    note: a.note,
    author: a.author,
    created: a.created,
    modified: a.modified,
  };
}

/** One annotation's text inside the file, indented as an array element. */
function annotationText(a: Annotation): string {
  return '    ' + JSON.stringify(orderedAnnotation(a), null, 2).replace(/\n/g, '\n    ');
}

/**
 * Each annotation's text inside the file, cached by object: annotations are never mutated (an
 * edit makes a new object), so a save of 10,000 annotations only formats the ones that changed.
 */
const formatted = new WeakMap<Annotation, string>();
function formatAnnotation(a: Annotation): string {
  let f = formatted.get(a);
  if (f === undefined) {
    f = annotationText(a);
    formatted.set(a, f);
  }
  return f;
}

/** The same text as UTF-8, cached by object (for encodeSidecar; the text itself is not kept). */
const utf8 = new TextEncoder();
const encoded = new WeakMap<Annotation, Uint8Array>();
function encodeAnnotation(a: Annotation): Uint8Array {
  let b = encoded.get(a);
  if (b === undefined) {
    b = utf8.encode(formatted.get(a) ?? annotationText(a));
    encoded.set(a, b);
  }
  return b;
}

function isSorted(xs: readonly Annotation[]): boolean {
  for (let i = 1; i < xs.length; i++) if (compareAnnotations(xs[i - 1], xs[i]) > 0) return false;
  return true;
}

const sortedAnnotations = (xs: readonly Annotation[]) => (isSorted(xs) ? xs : [...xs].sort(compareAnnotations));

/** The file up to the annotations: `{`, `$schema`, `version`, `source`, without the comma after `source`. */
function sidecarHead(s: Sidecar): string {
  return JSON.stringify({ $schema: SIDECAR_SCHEMA, version: SIDECAR_VERSION, source: s.source }, null, 2).slice(0, -2);
}

/**
 * The sidecar's text: stable and sorted (report, position, id), pretty-printed with 2 spaces,
 * with a final newline. The same text as JSON.stringify(…, null, 2) of the whole file.
 */
export function serializeSidecar(s: Sidecar): string {
  const head = sidecarHead(s);
  if (!s.annotations.length) return `${head},\n  "annotations": []\n}\n`;
  const body = sortedAnnotations(s.annotations).map(formatAnnotation).join(',\n');
  return `${head},\n  "annotations": [\n${body}\n  ]\n}\n`;
}

/**
 * The sidecar's bytes: exactly the UTF-8 of serializeSidecar(s), built from each annotation's
 * bytes, cached by object. A save of 10,000 annotations (about 10 MB) then encodes only the
 * annotations that changed and copies the rest, instead of joining a 10 MB string and encoding
 * it whole. (Each annotation's text is JSON, so it never splits a surrogate pair: encoding it in
 * pieces gives the same bytes as encoding the whole text.)
 */
export function encodeSidecar(s: Sidecar): Uint8Array {
  const head = sidecarHead(s);
  if (!s.annotations.length) return utf8.encode(`${head},\n  "annotations": []\n}\n`);
  const parts = sortedAnnotations(s.annotations).map(encodeAnnotation);
  const open = utf8.encode(`${head},\n  "annotations": [\n`);
  const close = utf8.encode('\n  ]\n}\n');
  let size = open.length + close.length + 2 * (parts.length - 1);
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  out.set(open, 0);
  let at = open.length;
  for (let i = 0; i < parts.length; i++) {
    if (i) {
      out[at++] = 0x2c; // ,
      out[at++] = 0x0a; // \n
    }
    out.set(parts[i], at);
    at += parts[i].length;
  }
  out.set(close, at);
  return out;
}

/** Whether two byte strings are equal (null: no file). Compares four bytes at a time where it can. */
export function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === b.byteOffset % 4) {
    for (; i < a.length && (a.byteOffset + i) % 4; i++) if (a[i] !== b[i]) return false;
    const words = (a.length - i) >>> 2;
    const x = new Uint32Array(a.buffer, a.byteOffset + i, words);
    const y = new Uint32Array(b.buffer, b.byteOffset + i, words);
    for (let k = 0; k < words; k++) if (x[k] !== y[k]) return false;
    i += words * 4;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Merging an outside change.

export interface MergeResult {
  annotations: Annotation[];
  /** Ids whose disk version replaced the local one, or that came from disk. */
  fromDisk: string[];
  /** Ids removed because another writer deleted them and they were not changed here. */
  deletedOutside: string[];
}

/**
 * Merges the annotations on disk into the local ones, by id. Three-way, against `base` (what
 * was on disk when this store last read or wrote it):
 *
 *   - on both sides: the newer `modified` wins (a tie keeps the local one);
 *   - only local: kept. It is a local addition, or a local edit of one deleted outside (the
 *     edit wins). Only when it is unchanged since `base` and gone from disk was it deleted by
 *     another writer, and it goes: that is not a local change, so nothing local is dropped;
 *   - only on disk: added, unless this store deleted it (`tombstones`: id → the `modified`
 *     of the version deleted). A disk version newer than the one deleted is an outside edit
 *     made after the delete, and comes back.
 *
 * Tombstones live in memory, not in the file: the file stays a plain list, and once the delete
 * is saved the id is gone from disk anyway. A delete not yet saved when the window closes is lost;
 * no annotation is.
 */
export function mergeAnnotations(
  local: readonly Annotation[],
  disk: readonly Annotation[],
  base: ReadonlyMap<string, string>,
  tombstones: ReadonlyMap<string, string>,
): MergeResult {
  const out = new Map<string, Annotation>();
  const fromDisk: string[] = [];
  const deletedOutside: string[] = [];
  const diskById = new Map(disk.map((a) => [a.id, a]));
  const localIds = new Set(local.map((a) => a.id));
  for (const a of local) {
    const d = diskById.get(a.id);
    if (d) {
      if (newer(d.modified, a.modified)) {
        out.set(a.id, d);
        fromDisk.push(a.id);
      } else out.set(a.id, a);
    } else if (base.has(a.id) && base.get(a.id) === a.modified) deletedOutside.push(a.id);
    else out.set(a.id, a);
  }
  for (const d of disk) {
    if (localIds.has(d.id)) continue;
    const dead = tombstones.get(d.id);
    if (dead !== undefined && !newer(d.modified, dead)) continue;
    out.set(d.id, d);
    fromDisk.push(d.id);
  }
  return { annotations: [...out.values()].sort(compareAnnotations), fromDisk, deletedOutside };
}

/** Whether ISO-8601 time a is later than b (compared as instants; unparsable times are oldest). */
export function newer(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return (Number.isNaN(x) ? -Infinity : x) > (Number.isNaN(y) ? -Infinity : y);
}

// ---------------------------------------------------------------------------------------------
// Paths. Paths and URIs are strings with `/` separators (a file path or a `file:`/`vscode-remote:`
// URI); the helpers never touch the file system.

export interface SidecarLocation {
  /** The workspace folder the source is in (path or URI), for `annals.sidecarFolder`. */
  workspaceRoot?: string;
  /** The setting `annals.sidecarFolder`: a folder relative to the workspace root. Empty: next to the source. */
  sidecarFolder?: string;
}

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');

/**
 * Where a source's sidecar is: `<source>.annals.json`, or with a sidecar folder
 * `<root>/<folder>/<source relative to root>.annals.json`. A source outside the workspace root
 * keeps its sidecar next to it.
 */
export function sidecarPath(source: string, loc: SidecarLocation = {}): string {
  const folder = trimSlashes(loc.sidecarFolder?.trim() ?? '');
  const root = loc.workspaceRoot?.replace(/\/+$/, '');
  if (!folder || !root || !source.startsWith(root + '/')) return source + SIDECAR_SUFFIX;
  const rel = source.slice(root.length + 1);
  // In a URI the folder's segments are encoded like the rest (a # or ? in a folder name would
  // otherwise start a fragment or a query); a file system path takes them as they are.
  const isUri = /^[a-z][\w+.-]*:\/\//i.test(root);
  const dir = isUri ? folder.split('/').map(encodeURIComponent).join('/') : folder;
  return `${root}/${dir}/${rel}${SIDECAR_SUFFIX}`;
}

/** The folder part of a path or URI (without the trailing slash). */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

/**
 * The relative path from folder `fromDir` to `to`, with `/` separators: the sidecar's `source`.
 * Percent-escapes of URIs are decoded so that the field reads as a file name.
 */
export function relativePath(fromDir: string, to: string): string {
  const a = fromDir.split('/').filter((x) => x && x !== '.');
  const b = to.split('/').filter((x) => x && x !== '.');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rel = [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(to) ? decodeURIComponent(rel) : rel;
  } catch {
    return rel;
  }
}
