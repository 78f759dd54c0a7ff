/**
 * REFI-QDA project exchange (`.qdpx`): a zip of `project.qde` (QDA-XML 1.0, valid against
 * Project-mrt2019.xsd) and `sources/<guid>.txt`, which NVivo, ATLAS.ti, MAXQDA and QualCoder read.
 * The mapping, element by element, is in docs/annotations.md. Every GUID is derived from stable ids
 * (guid.ts), so the same data exports the same file apart from the dates.
 */
import { zipSync } from 'fflate';
import type { Report } from '../../model/index.ts';
import { type Codebook, type Tag, UNKNOWN_TAG_COLOR } from '../codebook.ts';
import { codeGuid, stableGuid } from '../qdpx/guid.ts';
import type { ExportCoder, Exporter, ExportExtras, ZipArchive } from './registry.ts';
import type { ExportRow, ExportSource } from './rows.ts';

const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Characters XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, U+FFFE/F): U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const clean = (s: string) => s.replace(NOT_XML, '\ufffd');

/** Element text: & < > escaped (and \r, which a parser would turn into \n). */
const text = (s: string) => clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
/** An attribute value: also quotes, and white space a parser would normalise to a space. */
const attr = (s: string) => text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** Two more spaces before each element line: not after the last line break, and never inside a text value's lines. */
const indent = (xml: string) => xml.replace(/^(?= *<)/gm, '  ');

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${attr(String(v))}"`)
    .join('');
}

/** The plain text a report exports as: its paragraphs as the document holds them, without the title and metadata lines. */
function reportPlainText(report: Report): { text: string; base: number } {
  if (!report.paragraphs.length) return { text: '', base: 0 };
  const from = report.paragraphs[0].start;
  // `base`: the code points before the first paragraph, to take off the report's positions.
  let base = 0;
  for (let i = 0; i < from; i++) {
    const c = report.text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && report.text.charCodeAt(i - 1) >= 0xd800 && report.text.charCodeAt(i - 1) <= 0xdbff)) base++;
  }
  return { text: report.text.slice(from), base };
}

interface SourceOut {
  guid: string;
  report: Report;
  text: string;
  base: number;
  series: string;
  rows: ExportRow[];
}

interface Note {
  guid: string;
  name: string;
  text: string;
}

/** The reports to export, each once: from every source given, else from the rows. */
function collectSources(rows: readonly ExportRow[], sources: readonly ExportSource[] | undefined): SourceOut[] {
  const out: SourceOut[] = [];
  const byKey = new Map<string, SourceOut>();
  const used = new Set<string>();
  const add = (source: string, report: Report, series: string) => {
    const key = `${source}\u0000${report.id}`;
    if (byKey.has(key) || !report.paragraphs.length) return;
    const { text, base } = reportPlainText(report);
    // The GUID follows the content and the name, not where the file happens to be; two copies get two GUIDs.
    let guid = stableGuid('source', report.title, text);
    for (let n = 2; used.has(guid); n++) guid = stableGuid('source', report.title, text, n);
    used.add(guid);
    const s: SourceOut = { guid, report, text, base, series, rows: [] };
    byKey.set(key, s);
    out.push(s);
  };
  const seriesOf = (r: Report, map: Readonly<Record<string, string>> | undefined) =>
    map && Object.hasOwn(map, r.id) ? map[r.id] : [r.issuer, r.type].filter((x) => x).join(' · ');
  for (const s of sources ?? []) for (const r of s.imp.reports) add(s.source, r, seriesOf(r, s.series));
  for (const r of rows) {
    if (r.report) add(r.source, r.report, r.series);
    byKey.get(`${r.source}\u0000${r.reportId}`)?.rows.push(r);
  }
  // In an order that does not depend on where the files are: series, year, title, GUID.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort(
    (a, b) => cmp(a.series, b.series) || (a.report.year ?? 0) - (b.report.year ?? 0) || cmp(a.report.title, b.report.title) || cmp(a.guid, b.guid),
  );
}

/** The codes: the codebook's tags in a tree by parent, then the ids used that it does not know. */
function codeTree(codebook: Codebook | null, rows: readonly ExportRow[], notes: Note[], memoOf: (t: Tag) => string | undefined): string {
  const tags = codebook?.tags ?? [];
  const known = new Set(tags.map((t) => t.id));
  const children = new Map<string, Tag[]>();
  const roots: Tag[] = [];
  for (const t of tags) {
    if (t.parent && known.has(t.parent) && t.parent !== t.id) children.set(t.parent, [...(children.get(t.parent) ?? []), t]);
    else roots.push(t);
  }
  const unknown = [...new Set(rows.flatMap((r) => r.annotation.tags))].filter((id) => !known.has(id)).sort();
  const seen = new Set<string>();
  const code = (t: Tag, depth: string): string => {
    if (seen.has(t.id)) return '';
    seen.add(t.id);
    const guid = codeGuid(t.id);
    const memo = memoOf(t);
    let ref = '';
    if (memo) {
      const note = { guid: stableGuid('code-memo', guid), name: `${t.label} (memo)`, text: memo };
      notes.push(note);
      ref = `${depth}  <NoteRef${attrs({ targetGUID: note.guid })}/>\n`;
    }
    const inner = (children.get(t.id) ?? []).map((c) => code(c, `${depth}  `)).join('');
    const desc = t.description ? `${depth}  <Description>${text(t.description)}</Description>\n` : '';
    const head = `${depth}<Code${attrs({ guid, name: t.label || t.id, isCodable: 'true', color: normalColor(t.color) })}`;
    return desc || ref || inner ? `${head}>\n${desc}${ref}${inner}${depth}</Code>\n` : `${head}/>\n`;
  };
  const all = [
    ...roots.map((t) => code(t, '      ')),
    ...unknown.map((id) => code({ id, label: id, color: UNKNOWN_TAG_COLOR, description: 'A tag id that the codebook does not know.' }, '      ')),
  ].join('');
  return all ? `  <CodeBook>\n    <Codes>\n${all}    </Codes>\n  </CodeBook>\n` : '';
}

/** `#rgb` as `#rrggbb`, upper case; anything else is left out. */
function normalColor(c: string): string | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c.trim());
  if (!m) return undefined;
  const h = m[1].length === 3 ? [...m[1]].map((x) => x + x).join('') : m[1];
  return `#${h.toUpperCase()}`;
}

const VARIABLES = [
  { name: 'series', type: 'Text', value: (s: SourceOut) => s.series },
  { name: 'year', type: 'Integer', value: (s: SourceOut) => (s.report.year === null ? '' : String(s.report.year)) },
  { name: 'issuer', type: 'Text', value: (s: SourceOut) => s.report.issuer ?? '' },
  { name: 'type', type: 'Text', value: (s: SourceOut) => s.report.type ?? '' },
] as const;

const DESCRIPTIONS: Record<string, string> = {
  series: 'The series of reports (issuer · type) the report belongs to, as Annals groups them.',
  year: 'The year the report covers.',
  issuer: 'The government that issued the report.',
  type: 'The report type (政府工作报告, 法治政府建设工作报告, …).',
};

/** Where the selections are in a source, each annotation once: placed ones only (orphans and needs-review are left out). */
function selections(s: SourceOut, userGuid: (coder: string) => string | undefined, notes: Note[]): string {
  const placed = s.rows.filter((r) => r.status !== 'orphan' && r.status !== 'needs-review');
  const keyed = placed.map((r) => {
    const start = r.target.position.start - s.base;
    const end = r.target.position.end - s.base;
    return {
      r,
      start,
      end,
      order: `${String(start).padStart(10, '0')}\u0000${String(end).padStart(10, '0')}\u0000${r.coder}\u0000${r.annotation.tags.map(codeGuid).join(',')}\u0000${r.annotation.note}\u0000${r.annotation.created}`,
    };
  });
  keyed.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const count = new Map<string, number>();
  const out: string[] = [];
  for (const { r, start, end } of keyed) {
    if (start < 0 || end < start) continue;
    const key = `${start}:${end}:${r.coder}`;
    const n = count.get(key) ?? 0;
    count.set(key, n + 1);
    const guid = stableGuid('selection', s.guid, start, end, r.coder, n);
    const user = userGuid(r.coder);
    const a = r.annotation;
    const codings = [...new Set(a.tags)]
      .map(
        (id) =>
          `      <Coding${attrs({ guid: stableGuid('coding', guid, codeGuid(id)), creatingUser: user, creationDateTime: a.created })}>\n        <CodeRef${attrs({ targetGUID: codeGuid(id) })}/>\n      </Coding>\n`,
      )
      .join('');
    let ref = '';
    if (a.note) {
      const note = { guid: stableGuid('note', guid), name: excerptName(a.note), text: a.note };
      notes.push(note);
      ref = `      <NoteRef${attrs({ targetGUID: note.guid })}/>\n`;
    }
    const head = `    <PlainTextSelection${attrs({
      guid,
      name: excerptName(r.target.quote.exact),
      startPosition: start,
      endPosition: end,
      creatingUser: user,
      creationDateTime: a.created,
      modifyingUser: user,
      modifiedDateTime: a.modified,
    })}`;
    out.push(codings || ref ? `${head}>\n${codings}${ref}    </PlainTextSelection>\n` : `${head}/>\n`);
  }
  return out.join('');
}

/** A name for a selection or a note: its first 60 characters on one line. */
function excerptName(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  const cps = Array.from(one);
  return cps.length > 60 ? `${cps.slice(0, 60).join('')}…` : one;
}

/** The project.qde text and the plain texts of the sources, by their path in the zip. */
export function qdpxParts(rows: readonly ExportRow[], codebook: Codebook | null, extras: ExportExtras = {}): { qde: string; files: Map<string, string> } {
  const now = extras.now ?? new Date().toISOString();
  const sources = collectSources(rows, extras.sources);
  const notes: Note[] = [];

  // Users: the project's coders, then every other author, in order of id.
  const coders = new Map<string, ExportCoder>();
  for (const c of extras.coders ?? []) if (c.id) coders.set(c.id, c);
  for (const r of rows) if (r.coder && !coders.has(r.coder)) coders.set(r.coder, { id: r.coder });
  const users = [...coders.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const userGuid = (coder: string) => (coder ? stableGuid('user', coder) : undefined);
  const usersXml = users.length
    ? `  <Users>\n${users.map((u) => `    <User${attrs({ guid: userGuid(u.id), name: u.name || u.id, id: u.id })}/>\n`).join('')}  </Users>\n`
    : '';

  const memoOf = (t: Tag) => t.memo;
  const codebookXml = codeTree(codebook, rows, notes, memoOf);

  const usedVars = VARIABLES.filter((v) => sources.some((s) => v.value(s) !== ''));
  const varGuid = (name: string) => stableGuid('variable', name);
  const variablesXml = usedVars.length
    ? `  <Variables>\n${usedVars
        .map(
          (v) =>
            `    <Variable${attrs({ guid: varGuid(v.name), name: v.name, typeOfVariable: v.type })}>\n      <Description>${text(DESCRIPTIONS[v.name])}</Description>\n    </Variable>\n`,
        )
        .join('')}  </Variables>\n`
    : '';

  const files = new Map<string, string>();
  const sourceXml = sources.map((s) => {
    files.set(`sources/${s.guid}.txt`, s.text);
    const sel = selections(s, userGuid, notes);
    let ref = '';
    const memo = extras.memos?.reports[s.report.id];
    if (memo) {
      const note = { guid: stableGuid('report-memo', s.guid), name: `${s.report.title} (memo)`, text: memo };
      notes.push(note);
      ref = `    <NoteRef${attrs({ targetGUID: note.guid })}/>\n`;
    }
    const values = usedVars
      .filter((v) => v.value(s) !== '')
      .map((v) => {
        const el = v.type === 'Integer' ? 'IntegerValue' : 'TextValue';
        return `    <VariableValue>\n      <VariableRef${attrs({ targetGUID: varGuid(v.name) })}/>\n      <${el}>${text(v.value(s))}</${el}>\n    </VariableValue>\n`;
      })
      .join('');
    return `    <TextSource${attrs({ guid: s.guid, name: s.report.title, plainTextPath: `internal://${s.guid}.txt` })}>\n${indent(sel)}${indent(ref)}${indent(values)}    </TextSource>\n`;
  });
  const sourcesXml = sourceXml.length ? `  <Sources>\n${sourceXml.join('')}  </Sources>\n` : '';

  const projectRefs: string[] = [];
  for (const m of extras.memos?.project ?? []) {
    const note = { guid: stableGuid('project-memo', m.name), name: m.name, text: m.text };
    notes.push(note);
    projectRefs.push(`  <NoteRef${attrs({ targetGUID: note.guid })}/>\n`);
  }
  const notesXml = notes.length
    ? `  <Notes>\n${notes
        .map(
          (n) =>
            `    <Note${attrs({ guid: n.guid, name: n.name, creationDateTime: now })}>\n      <PlainTextContent>${text(n.text)}</PlainTextContent>\n    </Note>\n`,
        )
        .join('')}  </Notes>\n`
    : '';

  const qde =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<Project${attrs({ name: extras.projectName || 'Annals', origin: 'Annals', creationDateTime: now, modifiedDateTime: now })} xmlns="${QDA_NAMESPACE}">\n` +
    usersXml +
    codebookXml +
    variablesXml +
    sourcesXml +
    notesXml +
    projectRefs.join('') +
    '</Project>\n';
  return { qde, files };
}

/** The .qdpx's files: project.qde first, then the sources, with fixed zip dates (the export's time). */
function qdpxArchive(rows: readonly ExportRow[], codebook: Codebook | null, extras: ExportExtras = {}): ZipArchive {
  const now = extras.now ?? new Date().toISOString();
  const { qde, files } = qdpxParts(rows, codebook, { ...extras, now });
  const enc = new TextEncoder();
  const mtime = new Date(Math.max(Date.parse(now) || 0, Date.UTC(1980, 0, 2)));
  const out: ZipArchive = { kind: 'zip', files: [{ path: 'project.qde', bytes: enc.encode(qde) }], mtime };
  for (const [path, t] of files) out.files.push({ path, bytes: enc.encode(t) });
  return out;
}

/** The .qdpx bytes. */
export function toQdpx(rows: readonly ExportRow[], codebook: Codebook | null, extras: ExportExtras = {}): Uint8Array {
  return zipArchive(qdpxArchive(rows, codebook, extras));
}

/** A zip archive's bytes (deflated, level 6). */
export function zipArchive(a: ZipArchive): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of a.files) entries[f.path] = [f.bytes, { mtime: a.mtime }];
  return zipSync(entries, { level: 6 });
}

export const qdpxExporter: Exporter = {
  id: 'qdpx',
  label: 'REFI-QDA (.qdpx)',
  description: 'a project for NVivo, ATLAS.ti, MAXQDA and QualCoder',
  extension: 'qdpx',
  binary: true,
  leftOut: (rows) => rows.filter((r) => !r.report || r.status === 'orphan' || r.status === 'needs-review').length,
  render: (rows, codebook, extras) => qdpxArchive(rows, codebook, extras),
};
