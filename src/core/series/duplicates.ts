/**
 * Duplicates: two files that hold the same report (the same content, or the same issuer, year and
 * type) are one report with its sources listed. One copy is used; the others are its copies, and a
 * diagnostic says which copy is used. The analyst's choice wins; else the copy whose metadata the
 * text gave more of, then the one with more structure, then more paragraphs, then the first path.
 */
import { hash32, hex8, isObject, type Report, type ReportHead } from '../model/index.ts';

/** A report (or, for a host that keeps only heads: reportHead) with its source. */
export interface SourcedReport<R extends ReportHead = Report> {
  /** The source file (a workspace-relative path, or a URI string): how a report is told from its copies. */
  source: string;
  report: R;
}

export interface CopyPick<R extends ReportHead = Report> {
  chosen: SourcedReport<R>;
  /** The other copies, in path order. */
  copies: SourcedReport<R>[];
}

/**
 * What the grouping reads of a report's body: its content hash (its title and its content
 * paragraphs' ids, independent of its file), how much structure it has, how many paragraphs, and
 * its paragraphs' ids as numbers (for how much of one report another holds: sharedShare, bodyShare).
 * Computed once per report; a light report (lightReport) carries those of the report it was made
 * from, so that it is grouped as the full report is.
 */
interface BodyFacts {
  hash: string;
  structure: number;
  content: number;
  paragraphs: number;
  /** Every paragraph's id, in the paragraphs' order. */
  order: Uint32Array;
  /** Each paragraph's role, as ROLE_CODES gives it (chrome, body, any other). */
  roles: Uint8Array;
  /** Every paragraph's id, sorted: looked up by binary search. */
  all: Uint32Array;
}

/** A paragraph's role as the grouping tells them apart: page chrome (trailing), body, any other; and as storeHead writes them. */
const CHROME = 0;
const BODY = 1;
const OTHER = 2;
const ROLE_LETTERS = 'tbo';

/**
 * The facts of each report, once: a host groups its thousands of reports again after each changed
 * file, and a report's extracted title, paragraphs and outline never change once imported.
 */
const FACTS = new WeakMap<ReportHead, BodyFacts>();

/** A paragraph id (p1a2b3c4d, p1a2b3c4d.2) as a 32-bit number: its FNV-1a hash. */
function idNumber(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function factsOf(head: ReportHead): BodyFacts {
  let f = FACTS.get(head);
  if (f === undefined) {
    // Every head is made by reportHead, lightReport or restoreHead, which keep the facts: only a full report gets here.
    const report = head as Report;
    const ids: string[] = [report.meta.extracted.title];
    const order = new Uint32Array(report.paragraphs.length);
    const roles = new Uint8Array(report.paragraphs.length);
    for (const [i, p] of report.paragraphs.entries()) {
      order[i] = idNumber(p.id);
      roles[i] = p.role === 'trailing' ? CHROME : p.role === 'body' ? BODY : OTHER;
      if (p.role !== 'trailing') ids.push(p.id);
    }
    f = {
      hash: hash32(ids.join(' ')),
      structure: structureOf(report.outline),
      content: contentOf(report),
      paragraphs: report.paragraphs.length,
      order,
      roles,
      all: order.slice().sort(),
    };
    FACTS.set(report, f);
  }
  return f;
}

/** Whether the sorted `ids` hold `n`. */
function holds(ids: Uint32Array, n: number): boolean {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < n) lo = mid + 1;
    else hi = mid;
  }
  return lo < ids.length && ids[lo] === n;
}

/** The share of `a`'s paragraphs of the roles `keep` takes that `b` has among its paragraphs (`empty` when `a` has none of them). */
function shareIn(a: ReportHead, keep: (role: number) => boolean, b: ReportHead, empty: number): number {
  const { order, roles } = factsOf(a);
  const all = factsOf(b).all;
  let n = 0;
  let of = 0;
  for (let i = 0; i < order.length; i++) {
    if (!keep(roles[i])) continue;
    of++;
    if (holds(all, order[i])) n++;
  }
  return of ? n / of : empty;
}

/** The share of `a`'s paragraphs (by content id, page chrome left out) that `b` has too: pages of one article share next to none. */
export function sharedShare(a: ReportHead, b: ReportHead): number {
  return shareIn(a, (r) => r !== CHROME, b, 1);
}

/** The share of `a`'s body paragraphs that `b` has too (headings left out: a template's are every body's); 0 when `a` has none. */
export function bodyShare(a: ReportHead, b: ReportHead): number {
  return shareIn(a, (r) => r === BODY, b, 0);
}

/** The report's content, independent of its file: its title and its content paragraphs' ids, hashed. */
export function contentHash(report: ReportHead): string {
  return factsOf(report).hash;
}

/** How many paragraphs the report has (a light report: the report it was made from). */
export function paragraphCount(report: ReportHead): number {
  return factsOf(report).paragraphs;
}

/**
 * The report without its body (text, paragraphs, outline, diagnostics), for grouping many reports
 * in little memory (`annals align --jsonl`): groupSeries gives it the same series, copies and
 * problems as the full report (it keeps the facts above, its paragraphs' ids as numbers included). Metadata corrections (applyCorrections) keep what it carries.
 */
export function lightReport(report: Report): Report {
  const light: Report = { ...report, text: '', paragraphs: [], outline: [], diagnostics: [] };
  FACTS.set(light, factsOf(report));
  return light;
}

/**
 * The report without its text and paragraphs (its outline, metadata and diagnostics kept), for a
 * host that keeps thousands of reports and reads their texts again when needed (the extension's
 * Corpus): groupSeries groups it as the full report (it keeps the facts above).
 */
export function reportHead(report: Report): ReportHead {
  const { text: _text, paragraphs: _paragraphs, ...head } = report;
  FACTS.set(head, factsOf(report));
  return head;
}

/**
 * A head as plain JSON, with the facts the grouping reads of its body (which reportHead keeps aside): for a host
 * that keeps heads from one session to the next (the extension's stored heads). `ids` is every paragraph's id as a
 * number (idNumber), eight hex digits each, in the paragraphs' order; `roles` one letter a paragraph: `t` page
 * chrome (trailing), `b` body, `o` any other.
 */
export interface StoredHead {
  head: ReportHead;
  hash: string;
  structure: number;
  content: number;
  ids: string;
  roles: string;
}

export function storeHead(head: ReportHead): StoredHead {
  const f = factsOf(head);
  let ids = '';
  let roles = '';
  for (let i = 0; i < f.order.length; i++) {
    ids += hex8(f.order[i]);
    roles += ROLE_LETTERS[f.roles[i]];
  }
  return { head, hash: f.hash, structure: f.structure, content: f.content, ids, roles };
}

/**
 * The head of storeHead again, with its facts: grouped as the report it was made from. Null when the value is not
 * a stored head (a file of another version, or damaged): the host reads the report's file again.
 */
export function restoreHead(value: unknown): ReportHead | null {
  if (!isObject(value)) return null;
  const { head, hash, structure, content, ids, roles } = value;
  if (!isHead(head)) return null;
  if (typeof hash !== 'string' || typeof ids !== 'string' || typeof roles !== 'string') return null;
  if (!Number.isInteger(structure) || !Number.isInteger(content)) return null;
  if (ids.length !== roles.length * 8 || !/^[0-9a-f]*$/.test(ids) || !/^[tbo]*$/.test(roles)) return null;
  const order = new Uint32Array(roles.length);
  const codes = new Uint8Array(roles.length);
  for (let i = 0; i < roles.length; i++) {
    order[i] = Number.parseInt(ids.slice(i * 8, i * 8 + 8), 16) >>> 0;
    codes[i] = ROLE_LETTERS.indexOf(roles[i]);
  }
  const restored = head as unknown as ReportHead;
  FACTS.set(restored, {
    hash,
    structure: structure as number,
    content: content as number,
    paragraphs: roles.length,
    order,
    roles: codes,
    all: order.slice().sort(),
  });
  return restored;
}

const SOURCES: readonly unknown[] = ['text', 'fileName', 'correction', 'none'];
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isYear = (v: unknown) => v === null || Number.isInteger(v);
const isLine = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

/** Every field a head's readers use, of its type (a value that only looks like a head would fail in the grouping or a view). */
function isHead(h: unknown): h is ReportHead {
  if (!isObject(h) || !isString(h.id) || !isString(h.title) || !isStringOrNull(h.issuer) || !isYear(h.year) || !isStringOrNull(h.type)) return false;
  if (!isStringOrNull(h.link) || !isStringOrNull(h.published)) return false;
  const meta = h.meta;
  if (!isObject(meta) || !isObject(meta.from) || !isObject(meta.extracted) || !Array.isArray(meta.issuerVariants)) return false;
  if (!['title', 'issuer', 'year', 'type'].every((k) => SOURCES.includes((meta.from as Record<string, unknown>)[k]))) return false;
  if (!meta.issuerVariants.every(isString)) return false;
  const x = meta.extracted;
  if (!isString(x.title) || !isStringOrNull(x.issuer) || !isYear(x.year) || !isStringOrNull(x.type)) return false;
  if (
    !Array.isArray(h.diagnostics) ||
    !h.diagnostics.every((d) => isObject(d) && isString(d.message) && isString(d.severity) && (d.line === null || isLine(d.line)))
  )
    return false;
  return Array.isArray(h.outline) && h.outline.every(isNode);
}

const KINDS: readonly unknown[] = ['part', 'chapter', 'section'];
function isNode(n: unknown): boolean {
  if (!isObject(n) || !KINDS.includes(n.kind) || !isString(n.title) || !isStringOrNull(n.label) || typeof n.inferred !== 'boolean') return false;
  if (!(n.number === null || Number.isInteger(n.number))) return false;
  if (![n.line, n.start, n.end, n.endLine, n.paragraph].every(isLine)) return false;
  return Array.isArray(n.children) && n.children.every(isNode);
}

/** `copy` (the same report with other metadata) carries what `report` carries of its body. */
export function keepBody(report: ReportHead, copy: ReportHead): void {
  FACTS.set(copy, factsOf(report));
}

const fromText = (r: ReportHead) => Object.values(r.meta.from).filter((f) => f === 'text' || f === 'correction').length;
function structureOf(outline: Report['outline']): number {
  let n = 0;
  const walk = (nodes: Report['outline']) => {
    for (const x of nodes) {
      if (!(x.inferred && x.kind === 'part' && x.partKind === 'other')) n++;
      walk(x.children);
    }
  };
  walk(outline);
  return n;
}
const contentOf = (r: Report) => r.paragraphs.filter((p) => p.role === 'body' || p.role === 'chapter' || p.role === 'section').length;
const structure = (r: ReportHead) => factsOf(r).structure;
const content = (r: ReportHead) => factsOf(r).content;

/** Which copy of one report is used. `choice` is the source the analyst chose, if any. */
export function pickCopy<R extends ReportHead>(group: readonly SourcedReport<R>[], choice: string | null = null): CopyPick<R> {
  const sorted = [...group].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const chosen =
    sorted.find((x) => x.source === choice) ??
    sorted.reduce((best, x) => {
      const d = fromText(x.report) - fromText(best.report) || structure(x.report) - structure(best.report) || content(x.report) - content(best.report);
      return d > 0 ? x : best;
    });
  return { chosen, copies: sorted.filter((x) => x !== chosen) };
}
