/** Reading a sidecar: strict, as its JSON Schema; every error names the file, what is wrong and where. */
import { describe, fail, isObject, jsonPath, ok, parseJson, problem, type Result, ShapeErrors } from '../../model/index.ts';
import type { Annotation, AnnotationTarget } from '../annotation.ts';
import { annotationTime } from '../dates.ts';
import { type Sidecar, SIDECAR_VERSION } from './format.ts';

export type SidecarParse = Result<Sidecar>;

/** Reads a sidecar's text. Never throws; an error names the file, what is wrong, and where. */
export function parseSidecar(text: string, file: string): SidecarParse {
  const json = parseJson(text);
  if (!json.ok) return fail('inFile', [file, json.problem]);
  const v = json.value;
  if (!isObject(v)) return fail('inFile', [file, problem('sidecarNotObject', [describe(v)])]);
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
    return fail('inFile', [file, v.version === undefined ? problem('sidecarVersionMissing') : problem('sidecarVersionInvalid', [describe(v.version)])]);
  }
  if (v.version > SIDECAR_VERSION) {
    return fail('inFile', [file, problem('sidecarNewer', [String(v.version), SIDECAR_VERSION])]);
  }
  const errs = new ShapeErrors();
  noUnknownKeys(v, ['$schema', 'version', 'source', 'annotations'], '', errs);
  const source = typeof v.source === 'string' ? v.source : '';
  if (v.source !== undefined && typeof v.source !== 'string') errs.add('source', `expected a string, found ${describe(v.source)}`);
  if (!Array.isArray(v.annotations)) {
    errs.add('annotations', v.annotations === undefined ? 'missing (expected an array)' : `expected an array, found ${describe(v.annotations)}`);
    return fail('inFile', [file, errs.list.join('; ')]);
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
  if (!errs.ok) return fail('inFile', [file, errs.list.join('; ')]);
  return ok({ version: SIDECAR_VERSION, source, annotations });
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

function readAnnotation(raw: unknown, p: string, errs: ShapeErrors): Annotation | null {
  if (!isObject(raw)) {
    errs.add(p, `expected an annotation object, found ${describe(raw)}`);
    return null;
  }
  const before = errs.list.length;
  noUnknownKeys(raw, ['id', 'report', 'target', 'tags', 'note', 'author', 'created', 'modified', 'resolvedBy', 'resolved'], p, errs);
  const id = errs.string(raw, 'id', p, { nonEmpty: true });
  const report = errs.string(raw, 'report', p, { nonEmpty: true });
  const target = readTarget(raw.target, `${p}.target`, errs);
  let tags: string[] = [];
  if (!Array.isArray(raw.tags))
    errs.add(
      jsonPath(p, 'tags'),
      raw.tags === undefined ? 'missing (expected an array of tag ids)' : `expected an array of tag ids, found ${describe(raw.tags)}`,
    );
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
  // As the schema's date-time, and in the years 0000–9999 (what the store writes: dates.ts).
  if (created !== undefined && annotationTime(created) === null)
    errs.add(`${p}.created`, `“${created}” is not an ISO-8601 date and time in the years 0000–9999`);
  if (modified !== undefined && annotationTime(modified) === null)
    errs.add(`${p}.modified`, `“${modified}” is not an ISO-8601 date and time in the years 0000–9999`);
  const resolvedBy = errs.string(raw, 'resolvedBy', p, { optional: true });
  const resolved = errs.string(raw, 'resolved', p, { optional: true });
  if (resolved !== undefined && annotationTime(resolved) === null)
    errs.add(`${p}.resolved`, `“${resolved}” is not an ISO-8601 date and time in the years 0000–9999`);
  if (errs.list.length > before || !id || !report || !target || created === undefined || modified === undefined) return null;
  return {
    id,
    report,
    target,
    tags,
    note,
    author,
    created,
    modified,
    ...(resolvedBy !== undefined ? { resolvedBy } : {}),
    ...(resolved !== undefined ? { resolved } : {}),
  };
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
  if (!isObject(raw.quote))
    errs.add(qp, raw.quote === undefined ? 'missing (expected a TextQuoteSelector)' : `expected an object, found ${describe(raw.quote)}`);
  else {
    noUnknownKeys(raw.quote, ['type', 'exact', 'prefix', 'suffix'], qp, errs);
    selectorType(raw.quote, 'TextQuoteSelector', qp, errs);
    const exact = errs.string(raw.quote, 'exact', qp);
    const prefix = errs.string(raw.quote, 'prefix', qp, { optional: true }) ?? '';
    const suffix = errs.string(raw.quote, 'suffix', qp, { optional: true }) ?? '';
    if (exact !== undefined) quote = { type: 'TextQuoteSelector', exact, prefix, suffix };
  }
  if (!isObject(raw.position))
    errs.add(pp, raw.position === undefined ? 'missing (expected a TextPositionSelector)' : `expected an object, found ${describe(raw.position)}`);
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
