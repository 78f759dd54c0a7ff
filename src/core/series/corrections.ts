/**
 * Corrections that last: `.annals/corpus.json`, the analyst's corrections of report metadata and of
 * series, kept in git and shared by a team (schemas/corpus.schema.json; docs/series.md).
 *
 * - `reports`: by source path, then report id: the corrected year, issuer, type or title, and
 *   `series` (Move to Series: the key of the series the report belongs to);
 * - `series`: by series key: `mergeInto`, the key of the series it is merged into (Merge Series);
 * - `copies`: by series key and year (`北京市人民政府 · 政府工作报告 · 2025`): the source of the copy
 *   to use when several files hold that report;
 * - `counterparts`: the chapter and section counterparts chosen by hand (issue #15): in a series,
 *   the unit with this heading in `year` has that heading (or none) in `otherYear`.
 *
 * Every entry carries `modified` (ISO-8601), so that an outside change merges entry by entry, as
 * the sidecars do. The text is stable: keys sorted, two-space indent, a final newline. The parse is
 * strict: a property Annals does not know is refused rather than dropped on the next save.
 */
import { describe, fail, isObject, jsonPath, ok, parseJson, type Problem, problem, type ReportHead, type Result, ShapeErrors } from '../model/index.ts';
import { keepBody, type SourcedReport } from './duplicates.ts';

export const CORPUS_PATH = '.annals/corpus.json';
const CORPUS_VERSION = 1;

export interface ReportCorrection {
  year?: number;
  issuer?: string;
  type?: string;
  title?: string;
  /** Move to Series: the key of the series this report belongs to. */
  series?: string;
  modified: string;
}

interface SeriesCorrection {
  /** Merge Series: the key of the series this one is merged into. */
  mergeInto: string;
  modified: string;
}

interface CopyChoice {
  /** The source of the copy to use. */
  use: string;
  modified: string;
}

/**
 * A counterpart chosen by hand: in series `series`, the chapter (or section) headed `heading` in
 * `year` has the unit headed `counterpart` in `otherYear` (the previous or next year on file), or
 * none (null). Headings are as printed, label and title (`三、2019年政府工作任务`).
 */
export interface CounterpartChoice {
  series: string;
  kind: 'chapter' | 'section';
  year: number;
  heading: string;
  otherYear: number;
  counterpart: string | null;
  modified: string;
}

/** The identity of a choice: one per unit and neighbouring year. */
const choiceKey = (c: Omit<CounterpartChoice, 'modified' | 'counterpart'>) =>
  [c.series, c.kind, c.year, c.otherYear, c.heading.replace(/\s+/g, '')].join('\u0000');

export interface CorpusFile {
  version: number;
  /** Source path → report id → correction. */
  reports: Record<string, Record<string, ReportCorrection>>;
  /** Series key → correction. */
  series: Record<string, SeriesCorrection>;
  /** `series key · year` → the copy to use. */
  copies: Record<string, CopyChoice>;
  /** The counterparts chosen by hand, in a stable order. */
  counterparts: CounterpartChoice[];
}

export function emptyCorpusFile(): CorpusFile {
  return { version: CORPUS_VERSION, reports: {}, series: {}, copies: {}, counterparts: [] };
}

/** The key of a copy choice: the series key and the year. */
export const copyKey = (seriesKey: string, year: number) => `${seriesKey} · ${year}`;

// ---------------------------------------------------------------------------------------------
// Parse.

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function noUnknownKeys(obj: Record<string, unknown>, allowed: readonly string[], p: string, errs: ShapeErrors): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) errs.add(p ? jsonPath(p, k) : k, 'unknown property (Annals would drop it when saving)');
}

function modifiedOf(obj: Record<string, unknown>, p: string, errs: ShapeErrors): string | undefined {
  const m = errs.string(obj, 'modified', p);
  if (m !== undefined && (!DATE_TIME.test(m) || Number.isNaN(Date.parse(m)))) errs.add(jsonPath(p, 'modified'), `“${m}” is not an ISO-8601 date and time`);
  return m;
}

function objectAt(v: Record<string, unknown>, key: string, errs: ShapeErrors): Record<string, unknown> {
  const x = v[key];
  if (x === undefined) return {};
  if (!isObject(x)) {
    errs.add(key, `expected an object, found ${describe(x)}`);
    return {};
  }
  return x;
}

/** Reads the text of `.annals/corpus.json`. Never throws; an error names the file, what is wrong and where. */
export function parseCorpusFile(text: string, file: string): Result<CorpusFile> {
  const json = parseJson(text);
  if (!json.ok) return fail('inFile', [file, json.problem]);
  const v = json.value;
  if (!isObject(v)) return fail('inFile', [file, problem('corpusNotObject', [describe(v)])]);
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
    return fail('inFile', [file, problem('corpusVersionInvalid', [describe(v.version)])]);
  }
  if (v.version > CORPUS_VERSION) return fail('inFile', [file, problem('corpusNewer', [String(v.version), CORPUS_VERSION])]);
  const errs = new ShapeErrors();
  noUnknownKeys(v, ['$schema', 'version', 'reports', 'series', 'copies', 'counterparts'], '', errs);
  const out = emptyCorpusFile();
  for (const [source, byId] of Object.entries(objectAt(v, 'reports', errs))) {
    const sp = jsonPath('reports', source);
    if (!isObject(byId)) {
      errs.add(sp, `expected an object of report ids, found ${describe(byId)}`);
      continue;
    }
    for (const [id, raw] of Object.entries(byId)) {
      const p = jsonPath(sp, id);
      if (!isObject(raw)) {
        errs.add(p, `expected a correction object, found ${describe(raw)}`);
        continue;
      }
      noUnknownKeys(raw, ['year', 'issuer', 'type', 'title', 'series', 'modified'], p, errs);
      const c: ReportCorrection = { modified: modifiedOf(raw, p, errs) ?? '' };
      if (raw.year !== undefined) {
        const y = errs.integer(raw, 'year', p, 1);
        if (y !== undefined) c.year = y;
      }
      for (const k of ['issuer', 'type', 'title', 'series'] as const) {
        if (raw[k] === undefined) continue;
        const s = errs.string(raw, k, p, { nonEmpty: true });
        if (s !== undefined) c[k] = s;
      }
      if (Object.keys(c).length === 1) errs.add(p, 'corrects nothing (expected year, issuer, type, title or series)');
      (out.reports[source] ??= {})[id] = c;
    }
  }
  for (const [key, raw] of Object.entries(objectAt(v, 'series', errs))) {
    const p = jsonPath('series', key);
    if (!isObject(raw)) {
      errs.add(p, `expected an object with "mergeInto", found ${describe(raw)}`);
      continue;
    }
    noUnknownKeys(raw, ['mergeInto', 'modified'], p, errs);
    const into = errs.string(raw, 'mergeInto', p, { nonEmpty: true });
    const modified = modifiedOf(raw, p, errs);
    if (into === key) errs.add(jsonPath(p, 'mergeInto'), 'a series cannot be merged into itself');
    if (into !== undefined && modified !== undefined) out.series[key] = { mergeInto: into, modified };
  }
  for (const [key, raw] of Object.entries(objectAt(v, 'copies', errs))) {
    const p = jsonPath('copies', key);
    if (!isObject(raw)) {
      errs.add(p, `expected an object with "use", found ${describe(raw)}`);
      continue;
    }
    noUnknownKeys(raw, ['use', 'modified'], p, errs);
    const use = errs.string(raw, 'use', p, { nonEmpty: true });
    const modified = modifiedOf(raw, p, errs);
    if (use !== undefined && modified !== undefined) out.copies[key] = { use, modified };
  }
  if (v.counterparts !== undefined) {
    if (!Array.isArray(v.counterparts)) errs.add('counterparts', `expected an array, found ${describe(v.counterparts)}`);
    else out.counterparts = parseCounterparts(v.counterparts, errs);
  }
  if (!errs.ok) return fail('inFile', [file, errs.list.join('; ')]);
  // A series merged into one that is itself merged on, in a loop, would never settle.
  const loop = Object.keys(out.series).find((k) => mergeTarget(out, k) === null);
  if (loop !== undefined) return fail('inFile', [file, `${jsonPath('series', loop)}.mergeInto: the merges go round in a loop`]);
  return ok(out);
}

function parseCounterparts(list: unknown[], errs: ShapeErrors): CounterpartChoice[] {
  const out: CounterpartChoice[] = [];
  list.forEach((raw, i) => {
    const p = `counterparts[${i}]`;
    if (!isObject(raw)) {
      errs.add(p, `expected a counterpart object, found ${describe(raw)}`);
      return;
    }
    noUnknownKeys(raw, ['series', 'kind', 'year', 'heading', 'otherYear', 'counterpart', 'modified'], p, errs);
    const series = errs.string(raw, 'series', p, { nonEmpty: true });
    const kind = raw.kind;
    if (kind !== 'chapter' && kind !== 'section') errs.add(jsonPath(p, 'kind'), `expected "chapter" or "section", found ${describe(kind)}`);
    const year = errs.integer(raw, 'year', p, 1);
    const otherYear = errs.integer(raw, 'otherYear', p, 1);
    const heading = errs.string(raw, 'heading', p, { nonEmpty: true });
    let counterpart: string | null | undefined = null;
    if (raw.counterpart !== null) counterpart = errs.string(raw, 'counterpart', p, { nonEmpty: true });
    const modified = modifiedOf(raw, p, errs);
    if (year !== undefined && year === otherYear) errs.add(jsonPath(p, 'otherYear'), 'must be another year than year');
    if (series === undefined || (kind !== 'chapter' && kind !== 'section') || year === undefined || otherYear === undefined) return;
    if (heading === undefined || counterpart === undefined || modified === undefined) return;
    out.push({ series, kind, year, heading, otherYear, counterpart, modified });
  });
  return sortCounterparts(out);
}

function sortCounterparts(list: CounterpartChoice[]): CounterpartChoice[] {
  const key = (c: CounterpartChoice) => choiceKey(c);
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Serialise: stable text.

function sortedObject<T>(o: Record<string, T>, each: (v: T) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) out[k] = each(o[k]);
  return out;
}

function orderedReport(c: ReportCorrection): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['year', 'issuer', 'type', 'title', 'series'] as const) if (c[k] !== undefined) out[k] = c[k];
  out.modified = c.modified;
  return out;
}

/** The file's text: fixed key order, keys sorted, two-space indent, a final newline. */
export function serializeCorpusFile(f: CorpusFile): string {
  const doc = {
    version: CORPUS_VERSION,
    reports: sortedObject(f.reports, (byId) => sortedObject(byId, orderedReport)),
    series: sortedObject(f.series, (c) => ({ mergeInto: c.mergeInto, modified: c.modified })),
    copies: sortedObject(f.copies, (c) => ({ use: c.use, modified: c.modified })),
    counterparts: sortCounterparts(f.counterparts).map((c) => ({
      series: c.series,
      kind: c.kind,
      year: c.year,
      heading: c.heading,
      otherYear: c.otherYear,
      counterpart: c.counterpart,
      modified: c.modified,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Three-way merge, entry by entry.

type Entry = { modified: string };

/** Each entry of the file under one flat key, with its modified time. */
function entries(f: CorpusFile): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [source, byId] of Object.entries(f.reports)) for (const [id, c] of Object.entries(byId)) out.set(`r\u0000${source}\u0000${id}`, c);
  for (const [k, c] of Object.entries(f.series)) out.set(`s\u0000${k}`, c);
  for (const [k, c] of Object.entries(f.copies)) out.set(`c\u0000${k}`, c);
  for (const c of f.counterparts) out.set(`m\u0000${choiceKey(c)}`, c);
  return out;
}

function fromEntries(map: Map<string, Entry>): CorpusFile {
  const f = emptyCorpusFile();
  for (const [key, e] of map) {
    const [kind, a, b] = key.split('\u0000');
    if (kind === 'r') (f.reports[a] ??= {})[b] = e as ReportCorrection;
    else if (kind === 's') f.series[a] = e as SeriesCorrection;
    else if (kind === 'm') f.counterparts.push(e as CounterpartChoice);
    else f.copies[a] = e as CopyChoice;
  }
  f.counterparts = sortCounterparts(f.counterparts);
  return f;
}

/** The modified times of every entry, to keep as the base of the next merge. */
export function corpusBase(f: CorpusFile): Map<string, string> {
  return new Map([...entries(f)].map(([k, e]) => [k, e.modified]));
}

/** Whether ISO-8601 time a is later than b (unparsable times are oldest). */
function newer(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return (Number.isNaN(x) ? -Infinity : x) > (Number.isNaN(y) ? -Infinity : y);
}

/**
 * Merges the file on disk into the corrections in memory, entry by entry, against `base` (the
 * modified times of what was on disk when they were last read or written), as the sidecars do:
 * on both sides the newer wins (a tie keeps the local one); only here, it is kept unless it is
 * unchanged since base (then another writer removed it); only on disk, it comes in. The manual
 * counterparts merge the same way, one entry per unit and neighbouring year.
 */
export function mergeCorpusFiles(local: CorpusFile, disk: CorpusFile, base: ReadonlyMap<string, string>): CorpusFile {
  const l = entries(local);
  const d = entries(disk);
  const out = new Map<string, Entry>();
  for (const [k, e] of l) {
    const other = d.get(k);
    if (other) out.set(k, newer(other.modified, e.modified) ? other : e);
    else if (!(base.get(k) === e.modified)) out.set(k, e);
  }
  for (const [k, e] of d) if (!l.has(k)) out.set(k, e);
  return fromEntries(out);
}

// ---------------------------------------------------------------------------------------------
// Apply.

/** The series a series key ends up in after the merges; null when the merges loop. */
export function mergeTarget(f: CorpusFile, key: string): string | null {
  let k = key;
  const seen = new Set<string>();
  while (f.series[k]) {
    if (seen.has(k)) return null;
    seen.add(k);
    k = f.series[k].mergeInto;
  }
  return k;
}

export interface Applied<R extends ReportHead> {
  /** The reports, with corrected copies where a correction applies (the same objects otherwise). */
  entries: SourcedReport<R>[];
  /** Corrected report → the key of the series a correction moves it to (Move to Series). */
  moves: Map<R, string>;
  /** Corrections whose report is not among the entries: kept in the file, reported. */
  orphans: Problem[];
}

/**
 * Applies the report corrections. A corrected report is a copy with the new values and its
 * `meta.from` field set to 'correction' (the extracted values stay in `meta.extracted`).
 * A correction whose source or report id is not among `entries` is reported, never dropped.
 */
export function applyCorrections<R extends ReportHead>(list: readonly SourcedReport<R>[], f: CorpusFile, file = CORPUS_PATH): Applied<R> {
  const moves = new Map<R, string>();
  const used = new Set<string>();
  const out = list.map((e) => {
    const c = f.reports[e.source]?.[e.report.id];
    if (!c) return e;
    used.add(`${e.source}\u0000${e.report.id}`);
    const r = e.report;
    const from = { ...r.meta.from };
    const fixed: R = { ...r, meta: { ...r.meta, from } };
    keepBody(r, fixed);
    if (c.year !== undefined) {
      fixed.year = c.year;
      from.year = 'correction';
    }
    if (c.issuer !== undefined) {
      fixed.issuer = c.issuer;
      from.issuer = 'correction';
    }
    if (c.type !== undefined) {
      fixed.type = c.type;
      from.type = 'correction';
    }
    if (c.title !== undefined) {
      fixed.title = c.title;
      from.title = 'correction';
    }
    if (c.series !== undefined) moves.set(fixed, c.series);
    return { source: e.source, report: fixed };
  });
  const orphans: Problem[] = [];
  for (const [source, byId] of Object.entries(f.reports)) {
    for (const id of Object.keys(byId)) if (!used.has(`${source}\u0000${id}`)) orphans.push(problem('correctionOrphan', [file, id, source]));
  }
  return { entries: out, moves, orphans };
}

/** A copy of the file with one report's correction set (fields given) or removed (none left). */
export function withReportCorrection(f: CorpusFile, source: string, id: string, fields: Omit<ReportCorrection, 'modified'>, modified: string): CorpusFile {
  const reports = { ...f.reports, [source]: { ...(f.reports[source] ?? {}) } };
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(clean).length) reports[source][id] = { ...clean, modified };
  else delete reports[source][id];
  if (!Object.keys(reports[source]).length) delete reports[source];
  return { ...f, reports };
}

/** A copy of the file with series `from` merged into `into`. */
export function withSeriesMerge(f: CorpusFile, from: string, into: string, modified: string): CorpusFile {
  return { ...f, series: { ...f.series, [from]: { mergeInto: into, modified } } };
}

/** A copy of the file with the copy of one report chosen. */
export function withCopyChoice(f: CorpusFile, seriesKey: string, year: number, use: string, modified: string): CorpusFile {
  return { ...f, copies: { ...f.copies, [copyKey(seriesKey, year)]: { use, modified } } };
}

/**
 * A copy of the file with a counterpart chosen by hand (replacing the choice for the same unit and
 * year, and a choice the other way round that names either side), or removed (`choice.counterpart`
 * undefined: back to the aligner's).
 */
export function withCounterpart(
  f: CorpusFile,
  choice: Omit<CounterpartChoice, 'modified' | 'counterpart'> & { counterpart: string | null | undefined },
  modified: string,
): CorpusFile {
  const squash = (h: string | null) => (h === null ? null : h.replace(/\s+/g, ''));
  const own = choiceKey(choice);
  const mine = squash(choice.heading);
  const theirs = squash(choice.counterpart ?? null);
  const kept = f.counterparts.filter((c) => {
    if (choiceKey(c) === own) return false;
    // The other way round: the same two years, about either of the two units.
    const reverse = c.series === choice.series && c.kind === choice.kind && c.year === choice.otherYear && c.otherYear === choice.year;
    return !(reverse && (squash(c.heading) === theirs || squash(c.counterpart) === mine));
  });
  if (choice.counterpart !== undefined) kept.push({ ...choice, counterpart: choice.counterpart, modified });
  return { ...f, counterparts: sortCounterparts(kept) };
}
