/**
 * The team's coding set-up: `.annals/project.json` (schemas/project.schema.json), kept in git and
 * read by the extension and the CLI alike.
 *
 *   { "coding": { "mode": "shared" | "independent" }, "coders": [{ "id", "name"?, "color"? }] }
 *
 * - shared: every coder tags the one sidecar `<source>.annals.json`, as before;
 * - independent: each coder's annotations go to their own `<source>.annals.<coder>.json`, so that
 *   coders cannot see or change each other's work until they compare (docs/annotations.md#coders).
 *
 * The coder of an annotation is its `author`. The text is stable: keys in a fixed order, coders
 * sorted by id, two-space indent, a final newline. The parse is strict (an unknown property is
 * refused rather than dropped on the next save).
 */
import { describe, fail, isColor, isObject, ok, parseJson, problem, type Result, ShapeErrors } from '../model/index.ts';

export const PROJECT_PATH = '.annals/project.json';

export type CodingMode = 'shared' | 'independent';

export interface Coder {
  /** The coder's name as annotations record it (`author`); its file name part is `coderFileId(id)`. */
  id: string;
  name?: string;
  /** `#rrggbb` or `#rgb`: the coder's mark in the hover and the views. */
  color?: string;
}

export interface Project {
  coding: { mode: CodingMode };
  coders: Coder[];
}

/** No project file: shared coding, no coders listed. */
export const DEFAULT_PROJECT: Project = Object.freeze({ coding: Object.freeze({ mode: 'shared' as CodingMode }), coders: [] as Coder[] }) as Project;

const MODES: readonly CodingMode[] = ['shared', 'independent'];

/** Reads `.annals/project.json`. Never throws; an error names the file, what is wrong and where. */
export function parseProject(text: string, file = PROJECT_PATH): Result<Project> {
  const json = parseJson(text);
  if (!json.ok) return fail('inFile', [file, json.problem]);
  const v = json.value;
  if (!isObject(v)) return fail('inFile', [file, problem('projectNotObject', [describe(v)])]);
  const errs = new ShapeErrors();
  for (const k of Object.keys(v)) if (!['$schema', 'coding', 'coders'].includes(k)) errs.add(k, 'unknown property (Annals would drop it when saving)');
  let mode: CodingMode = 'shared';
  if (v.coding !== undefined) {
    if (!isObject(v.coding)) errs.add('coding', `expected an object with "mode", found ${describe(v.coding)}`);
    else {
      for (const k of Object.keys(v.coding)) if (k !== 'mode') errs.add(`coding.${k}`, 'unknown property (Annals would drop it when saving)');
      const m = v.coding.mode;
      if (m !== undefined && !MODES.includes(m as CodingMode)) errs.add('coding.mode', `expected "shared" or "independent", found ${describe(m)}`);
      else if (m !== undefined) mode = m as CodingMode;
    }
  }
  const coders: Coder[] = [];
  if (v.coders !== undefined && !Array.isArray(v.coders)) errs.add('coders', `expected an array of coders, found ${describe(v.coders)}`);
  else if (Array.isArray(v.coders)) {
    const seen = new Map<string, number>();
    v.coders.forEach((c, i) => {
      const p = `coders[${i}]`;
      if (!isObject(c)) {
        errs.add(p, `expected a coder object, found ${describe(c)}`);
        return;
      }
      for (const k of Object.keys(c)) if (!['id', 'name', 'color'].includes(k)) errs.add(`${p}.${k}`, 'unknown property (Annals would drop it when saving)');
      const id = errs.string(c, 'id', p, { nonEmpty: true });
      const name = errs.string(c, 'name', p, { optional: true });
      const color = errs.string(c, 'color', p, { optional: true });
      if (color !== undefined && !isColor(color)) errs.add(`${p}.color`, `“${color}” is not a colour (expected #rrggbb or #rgb)`);
      if (id === undefined) return;
      const fileId = coderFileId(id);
      if (seen.has(fileId)) errs.add(`${p}.id`, `“${id}” names the same coder file as coders[${seen.get(fileId)}] (${fileId})`);
      seen.set(fileId, i);
      coders.push({ id, ...(name !== undefined ? { name } : {}), ...(color !== undefined ? { color } : {}) });
    });
  }
  if (!errs.ok) return fail('inFile', [file, errs.list.join('; ')]);
  return ok({ coding: { mode }, coders: sortCoders(coders) });
}

const sortCoders = (cs: readonly Coder[]) => [...cs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The file's text: `coding`, then `coders` sorted by id, each `id`, `name`, `color`; two-space indent, a final newline. */
export function serializeProject(p: Project): string {
  const coders = sortCoders(p.coders).map((c) => ({
    id: c.id,
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.color !== undefined ? { color: c.color } : {}),
  }));
  return `${JSON.stringify({ coding: { mode: p.coding.mode }, coders }, null, 2)}\n`;
}

/** The project with a coder added (by id; an existing coder is left as it is). */
export function withCoder(p: Project, coder: Coder): Project {
  if (p.coders.some((c) => coderFileId(c.id) === coderFileId(coder.id))) return p;
  return { coding: { ...p.coding }, coders: sortCoders([...p.coders, coder]) };
}

/** The longest coder part of a file name, in characters. */
const MAX_CODER_ID = 64;

/**
 * A coder's name as a safe part of a file name: Unicode NFC, lower case (two coders must not
 * share a file on a case-insensitive disk), each run of characters other than letters, marks
 * and digits made one `-`, no `-` at either end, at most 64 characters. 李 明 → 李-明,
 * `Li.Ming` → `li-ming`. A name with no letter or digit at all becomes `u` and the hex of its
 * characters (`!!` → `u21-21`), so that it still has a file of its own. `annals` becomes
 * `annals-coder`: `<source>.annals.annals.json` would read as the shared sidecar of `<source>.annals`.
 */
export function coderFileId(coder: string): string {
  const norm = coder.normalize('NFC').toLowerCase();
  const id = Array.from(norm.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, ''))
    .slice(0, MAX_CODER_ID)
    .join('')
    .replace(/-+$/, '');
  if (id === 'annals') return 'annals-coder';
  if (id) return id;
  const hex = Array.from(norm.trim() || '_', (c) => c.codePointAt(0)?.toString(16) ?? '');
  return `u${hex.join('-')}`.slice(0, MAX_CODER_ID);
}

/** Whether two coder names are the same coder (they share a file). */
export function sameCoder(a: string, b: string): boolean {
  return coderFileId(a) === coderFileId(b);
}

/** The suffix of a coder's sidecar: `.annals.<coder>.json`. */
export function coderSuffix(coder: string): string {
  return `.annals.${coderFileId(coder)}.json`;
}

const SIDECAR_NAME = /^(.*)\.annals(?:\.([^./\\]+))?\.json$/;

/**
 * A sidecar's name read back: the source's path (or, under a sidecar folder, its mirrored path)
 * and the coder part (null for the shared sidecar). Null when the name is not a sidecar's.
 */
export function parseSidecarName(path: string): { source: string; coder: string | null } | null {
  const m = SIDECAR_NAME.exec(path);
  if (!m?.[1] || m[1].endsWith('/')) return null;
  return { source: m[1], coder: m[2] ?? null };
}

/**
 * `.annals/project.json` with these coders added (an existing coder, by file name, is kept as it
 * is): its new text, or null when nothing changes. A file that cannot be read is a problem, and is
 * never written over. `text` null: there is no file yet (shared coding).
 */
export function addCoders(text: string | null, coders: readonly Coder[], file = PROJECT_PATH): Result<string | null> {
  let project = DEFAULT_PROJECT;
  if (text !== null) {
    const parsed = parseProject(text, file);
    if (!parsed.ok) return parsed;
    project = parsed.value;
  }
  let next = project;
  for (const c of coders) if (c.id.trim()) next = withCoder(next, c);
  return ok(next === project ? null : serializeProject(next));
}
