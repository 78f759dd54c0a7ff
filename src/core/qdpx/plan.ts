/**
 * What importing a REFI-QDA project does, worked out before anything is written: the plain-text
 * reports to write, the codebook with the project's codes merged in (by GUID, then by name), the
 * annotations re-anchored on the reports as Annals reads them (by quote: a selection that cannot
 * be placed with confidence keeps its quote and goes to review), the coders and the memos. The
 * hosts (CLI, extension) write it.
 */
import {
  type Annotation,
  type AnnotationTarget,
  type Codebook,
  CodePointIndex,
  codeGuid,
  makeTarget,
  memoPaths,
  reanchor,
  stableGuid,
  type Tag,
  tagIdOfGuid,
} from '../annotate/index.ts';
import { isColor, type Problem, problem, type Report } from '../model/index.ts';
import type { QdpxCode, QdpxProject, QdpxSource } from './read.ts';

/** What to do with a code whose name is in the codebook with another colour or description. */
export type ConflictChoice = 'keep' | 'replace' | 'add';

export interface CodeConflict {
  /** The code's name, the tag's label. */
  name: string;
  tagId: string;
  /** What differs: `colour`, `description`. */
  fields: string[];
}

export interface ImportOptions {
  codebook: Codebook;
  /** The report Annals reads from a plain-text file of this name and text (importSource; the editor's import worker), or null. */
  readReport(fileName: string, text: string): Report | null | Promise<Report | null>;
  /** The text of the file of that name in the folder imported into, or null when there is none. */
  existing(fileName: string): string | null;
  /** For every conflict (default: keep the codebook's tag). */
  onConflict?: ConflictChoice;
  /** The time of the import (ISO-8601), for what the project does not date. */
  now: string;
}

interface ImportedFile {
  /** The file name, in the folder imported into. */
  name: string;
  text: string;
  /** False when a file of that name holds this text already. */
  write: boolean;
  report: Report;
  annotations: Annotation[];
  /** How many of them could not be placed with confidence (they go to review). */
  review: number;
}

export interface ImportPlan {
  codebook: Codebook;
  /** The tags added or changed. */
  codesAdded: number;
  codesChanged: number;
  conflicts: CodeConflict[];
  files: ImportedFile[];
  coders: { id: string; name: string }[];
  memos: { project: { name: string; text: string }[]; reports: Record<string, string> };
  problems: Problem[];
}

/** Colours for imported codes that have none (the default codebook's palette, then more). */
const PALETTE = ['#1f77b4', '#2ca02c', '#9467bd', '#d62728', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

const normColor = (c: string | null) => (c && isColor(c.trim()) ? c.trim().toLowerCase() : null);
const sameColor = (a: string, b: string) => expand(a) === expand(b);
function expand(c: string): string {
  const h = c.trim().toLowerCase();
  return /^#[0-9a-f]{3}$/.test(h) ? `#${[...h.slice(1)].map((x) => x + x).join('')}` : h;
}

/** The conflicts between the project's codes and the codebook: same GUID or name, another colour or description. */
export function codeConflicts(project: QdpxProject, codebook: Codebook): CodeConflict[] {
  const out: CodeConflict[] = [];
  const match = tagMatcher(codebook.tags);
  for (const c of project.codes) {
    const t = match.find(c);
    if (!t) continue;
    const fields: string[] = [];
    const color = normColor(c.color);
    if (color && !sameColor(color, t.color)) fields.push('colour');
    if (c.description && c.description !== t.description) fields.push('description');
    if (fields.length) out.push({ name: c.name, tagId: t.id, fields });
  }
  return out;
}

/**
 * The codebook's tag for a code: the one it was exported from (its GUID), else the first of its
 * name in the codebook as it was. A tag this import adds is found by its GUID only: two codes of
 * one name (MAXQDA allows “Other” under two parents) stay two tags. Indexed once (a GUID is a
 * SHA-1 of the tag id): linear in codes and tags.
 */
function tagMatcher(tags: readonly Tag[]) {
  const byGuid = new Map<string, Tag>();
  const byLabel = new Map<string, Tag>();
  for (const t of tags) {
    byGuid.set(codeGuid(t.id), t);
    const label = t.label.trim();
    if (!byLabel.has(label)) byLabel.set(label, t);
  }
  return { add: (t: Tag) => byGuid.set(codeGuid(t.id), t), find: (c: QdpxCode) => byGuid.get(c.guid) ?? byLabel.get(c.name) };
}

/** A file name for a source name: no path separators, no characters Windows refuses, not too long. */
function fileBase(name: string): string {
  let base = name
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .replace(/\.txt$/i, '');
  const cps = Array.from(base);
  if (cps.length > 100) base = cps.slice(0, 100).join('');
  if (!base) base = 'source';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `_${base}`;
  return base;
}

/** The text of a source as a file, and the report Annals reads from it: with the name as its title line when Annals takes it as such. */
async function asReport(name: string, text: string, fileName: string, read: ImportOptions['readReport']): Promise<{ text: string; report: Report } | null> {
  const body = text.replace(/\r\n?/g, '\n');
  const title = name.trim();
  if (title && !body.startsWith(title) && !/[\r\n]/.test(title)) {
    const withTitle = `${title}\n\n${body}`;
    const r = await read(fileName, withTitle);
    if (r && r.title === title && r.paragraphs[0]?.text !== title) return { text: withTitle, report: r };
  }
  const r = await read(fileName, body);
  return r ? { text: body, report: r } : null;
}

/** An ISO-8601 date as the sidecar keeps it, or the fallback. */
function isoDate(s: string | null, fallback: string): string {
  if (!s) return fallback;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
}

export async function planImport(project: QdpxProject, options: ImportOptions): Promise<ImportPlan> {
  const problems: Problem[] = [...project.problems];
  const choice = options.onConflict ?? 'keep';
  const conflicts = codeConflicts(project, options.codebook);
  const conflictOf = new Map(conflicts.map((c) => [c.name, c]));

  // Codes → tags. Parents come before their children in project.codes.
  const tags = options.codebook.tags.map((t) => ({ ...t }));
  const match = tagMatcher(tags);
  const ids = new Set(tags.map((t) => t.id));
  const labels = new Set(tags.map((t) => t.label));
  const tagOfCode = new Map<string, string>();
  let added = 0;
  let changed = 0;
  const noteText = (guids: readonly string[]) =>
    guids
      .map((g) => project.notes.get(g)?.text.trim() ?? '')
      .filter((x) => x)
      .join('\n\n');
  for (const c of project.codes) {
    const t = match.find(c);
    const memo = noteText(c.notes);
    const conflict = conflictOf.get(c.name);
    if (t && !(conflict && choice === 'add')) {
      tagOfCode.set(c.guid, t.id);
      let touched = false;
      if (conflict && choice === 'replace') {
        const color = normColor(c.color);
        if (color && !sameColor(color, t.color)) t.color = color;
        if (c.description) t.description = c.description;
        touched = true;
      }
      if (memo && !t.memo) {
        t.memo = memo;
        touched = true;
      }
      if (touched) changed++;
      continue;
    }
    let id = tagIdOfGuid(c.guid || stableGuid('code-name', c.name));
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id) || ids.has(id)) id = tagIdOfGuid(stableGuid('code-name', c.name, tags.length));
    let label = c.name;
    for (let n = 2; t && labels.has(label); n++) label = `${c.name} (${n})`;
    const parent = c.parent ? tagOfCode.get(c.parent) : undefined;
    const tag: Tag = {
      id,
      label,
      color: normColor(c.color) ?? PALETTE[tags.length % PALETTE.length],
      description: c.description,
      ...(parent ? { parent } : {}),
      ...(memo ? { memo } : {}),
    };
    tags.push(tag);
    match.add(tag);
    ids.add(id);
    labels.add(label);
    tagOfCode.set(c.guid, id);
    added++;
  }

  const users = new Map(project.users.map((u) => [u.guid, u]));
  const coders = [...new Map(project.users.filter((u) => u.id || u.name).map((u) => [u.id || u.name, { id: u.id || u.name, name: u.name || u.id }])).values()];

  const files: ImportedFile[] = [];
  const memos: ImportPlan['memos'] = { project: [], reports: {} };
  const taken = new Set<string>();
  for (const s of project.sources) {
    const f = await placeSource(s);
    if (!f) continue;
    files.push(f);
    const memo = noteText(s.notes);
    if (memo) memos.reports[f.report.id] = memo;
  }
  for (const g of project.projectNotes) {
    const n = project.notes.get(g);
    if (n?.text.trim()) memos.project.push({ name: n.name || 'memo', text: n.text });
  }
  return { codebook: { version: options.codebook.version, tags }, codesAdded: added, codesChanged: changed, conflicts, files, coders, memos, problems };

  async function placeSource(s: QdpxSource): Promise<ImportedFile | null> {
    const base = fileBase(s.name);
    let name = `${base}.txt`;
    let made = await asReport(s.name, s.text, name, options.readReport);
    if (!made) {
      problems.push(problem('qdpxSourceSkipped', [s.name, 'Annals finds no report in its text']));
      return null;
    }
    let write = true;
    for (let n = 2; ; n++) {
      const there = options.existing(name);
      if (!taken.has(name) && there === null) break;
      if (!taken.has(name) && there === made.text) {
        write = false;
        break;
      }
      name = `${base} (${n}).txt`;
      made = (await asReport(s.name, s.text, name, options.readReport)) ?? made;
    }
    taken.add(name);
    const { report } = made;
    const source = Array.from(s.text);
    // The positions count the source's code points, a CR LF as two; the report's text has an LF.
    const crlf = new Uint32Array(source.length + 1);
    for (let i = 0; i < source.length; i++) crlf[i + 1] = crlf[i] + (source[i] === '\r' && source[i + 1] === '\n' ? 1 : 0);
    const index = new CodePointIndex(report.text);
    const firstCp = report.paragraphs.length ? index.toCodePoint(report.paragraphs[0].start) : 0;
    const annotations: Annotation[] = [];
    let review = 0;
    for (const sel of s.selections) {
      if (sel.end > source.length) {
        problems.push(problem('qdpxSelectionSkipped', [s.name, `its positions ${sel.start}–${sel.end} are past the end of the text (${source.length})`]));
        continue;
      }
      const exact = source.slice(sel.start, sel.end).join('').replace(/\r\n?/g, '\n').trim();
      if (!exact) continue;
      const prefix = source
        .slice(Math.max(0, sel.start - 32), sel.start)
        .join('')
        .replace(/\r\n?/g, '\n');
      const suffix = source
        .slice(sel.end, sel.end + 32)
        .join('')
        .replace(/\r\n?/g, '\n');
      const approx = firstCp + sel.start - crlf[sel.start];
      const raw: AnnotationTarget = {
        paragraph: nearestParagraph(report, index, approx),
        quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
        position: { type: 'TextPositionSelector', start: approx, end: approx + Array.from(exact).length },
      };
      const user = sel.user ? users.get(sel.user) : undefined;
      const created = isoDate(sel.created, options.now);
      const notes = [sel.description, noteText(sel.notes)].filter((x) => x).join('\n\n');
      const a: Annotation = {
        id: `a${stableGuid('annotation', s.guid, sel.guid, sel.start, sel.end).replace(/-/g, '').slice(0, 16).toLowerCase()}`,
        report: report.id,
        target: raw,
        tags: [...new Set(sel.codes.flatMap((g) => tagOfCode.get(g) ?? []))],
        note: notes,
        author: user ? user.id || user.name : '',
        created,
        modified: isoDate(sel.modified, created),
      };
      const [anc] = reanchor(report, [a]);
      const placed =
        anc.paragraph !== null && anc.status !== 'needs-review' && anc.status !== 'orphan'
          ? makeTarget(report, anc.paragraph, { start: anc.start, end: anc.end }, index)
          : null;
      // A whole paragraph found by its id holds the quote itself (only a fuzzy match may differ).
      if (placed?.ok && (anc.status === 'fuzzy' || placed.value.target.quote.exact === exact)) a.target = placed.value.target;
      else review++;
      annotations.push(a);
    }
    return { name, text: made.text, write, report, annotations, review };
  }
}

/**
 * The memo files an import writes (paths relative to the workspace folder), following the memo
 * layout of the coders' contract: a project memo is `.annals/memos/<name>.md` (a name taken by
 * another text gets ` (2)`, ` (3)`…); a report memo is `.annals/memos/reports/<report id>.md`
 * (where one is there with other text, the imported text is added after it, below a rule, once:
 * neither is lost). `existing` gives a file's text, or null when there is none. A memo already
 * there, as it is, is not written again.
 */
export async function memoWrites(
  memos: ImportPlan['memos'],
  existing: (path: string) => string | null | Promise<string | null>,
): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  const withEnd = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  const planned = new Map<string, string>();
  const textAt = async (path: string) => planned.get(path) ?? (await existing(path));
  for (const m of memos.project) {
    const text = withEnd(m.text);
    for (let n = 1; ; n++) {
      const path = memoPaths.project(n === 1 ? m.name : `${m.name} (${n})`);
      const there = await textAt(path);
      if (there === text) break;
      if (there === null) {
        planned.set(path, text);
        out.push({ path, text });
        break;
      }
    }
  }
  for (const [id, t] of Object.entries(memos.reports)) {
    const text = withEnd(t);
    const path = memoPaths.report(id);
    const there = await textAt(path);
    if (there?.replace(/\r\n?/g, '\n').includes(text.trim())) continue;
    const next = there === null ? text : `${there.trimEnd()}\n\n---\n\n${text}`;
    planned.set(path, next);
    out.push({ path, text: next });
  }
  return out;
}

/** The id of the paragraph at (or after) a code-point offset of the report text; the last one past the end. */
function nearestParagraph(report: Report, index: CodePointIndex, cp: number): string {
  const ps = report.paragraphs;
  for (const p of ps) if (index.toCodePoint(p.end) >= cp) return p.id;
  return ps.at(-1)?.id ?? 'p00000000';
}
