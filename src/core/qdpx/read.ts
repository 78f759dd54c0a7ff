/**
 * Reading a REFI-QDA project (`.qdpx`, or a bare `project.qde`) as untrusted input: the zip's
 * directory is checked before anything is unpacked (reader/zip.ts: the size limit, a lying
 * directory, encryption); source paths are names inside the archive, never paths on disk
 * (`internal://` or a relative name under sources/, no `..`, no absolute or `file:` path); the XML
 * scanner expands no entity but the five predefined ones and character references, and skips the
 * doctype, so no entity trick can grow the text or reach a file; elements nested deeper than
 * MAX_DEPTH are ignored.
 */
import { fail, ok, type Problem, problem, type Result } from '../model/index.ts';
import { attr, attrText, isZip, readZipParts, scanXml, xmlText } from '../reader/index.ts';

interface QdpxUser {
  guid: string;
  name: string;
  id: string;
}

export interface QdpxCode {
  guid: string;
  name: string;
  color: string | null;
  description: string;
  /** The GUID of the code it is nested in. */
  parent: string | null;
  notes: string[];
}

interface QdpxSelection {
  guid: string;
  /** Code points of the source's plain text. */
  start: number;
  end: number;
  user: string | null;
  created: string | null;
  modified: string | null;
  /** Code GUIDs. */
  codes: string[];
  /** Note GUIDs. */
  notes: string[];
  description: string;
}

export interface QdpxSource {
  guid: string;
  name: string;
  text: string;
  selections: QdpxSelection[];
  notes: string[];
  /** Variable name → value. */
  variables: Record<string, string>;
}

export interface QdpxProject {
  name: string;
  users: QdpxUser[];
  codes: QdpxCode[];
  sources: QdpxSource[];
  notes: Map<string, { name: string; text: string }>;
  /** Notes on the project as a whole. */
  projectNotes: string[];
  /** What was left out, and why (a source whose text is missing, a picture or PDF source…). */
  problems: Problem[];
}

interface Node {
  name: string;
  attrs: string;
  children: Node[];
  text: string;
}

/** Elements nested deeper than this are ignored (a code tree is a few levels deep). */
const MAX_DEPTH = 64;

/** The element tree of an XML document, local names only (a prefix such as `qda:` is dropped). */
function parseXml(bytes: Uint8Array): Node | null {
  const root: Node = { name: '#document', attrs: '', children: [], text: '' };
  const stack: Node[] = [root];
  let ignored = 0;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  scanXml(bytes, {
    open(name, b, from, to) {
      if (ignored || stack.length > MAX_DEPTH) {
        ignored++;
        return undefined;
      }
      const node: Node = { name: local(name), attrs: attrText(b, from, to), children: [], text: '' };
      stack[stack.length - 1].children.push(node);
      stack.push(node);
      return undefined;
    },
    close() {
      if (ignored) ignored--;
      else if (stack.length > 1) stack.pop();
    },
    text(b, start, end) {
      if (ignored || stack.length < 2) return;
      stack[stack.length - 1].text += xmlText(new TextDecoder().decode(b.subarray(start, end)));
    },
  });
  return root.children.find((n) => n.name === 'Project') ?? null;
}

const kids = (n: Node | undefined, name: string) => n?.children.filter((c) => c.name === name) ?? [];
const kid = (n: Node | undefined, name: string) => n?.children.find((c) => c.name === name);
const a = (n: Node, name: string) => attr(n.attrs, name);
const refs = (n: Node) => kids(n, 'NoteRef').flatMap((r) => a(r, 'targetGUID') ?? []);
const normGuid = (g: string | undefined) => (g ?? '').replace(/[{}]/g, '').toUpperCase();

/** The name of a plain text inside the archive, or why it cannot be read. */
function sourceEntry(path: string): { entry: string } | { why: string } {
  let p = path.trim();
  if (/^internal:\/\//i.test(p)) p = p.slice('internal://'.length);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/') || p.startsWith('\\')) return { why: `its text is outside the project (${path})` };
  p = p.replace(/\\/g, '/').replace(/^sources\//i, '');
  if (!p || p.split('/').some((s) => s === '..' || s === '.' || s === '') || p.includes('\u0000'))
    return { why: `its text path is not a name inside the project (${path})` };
  return { entry: `sources/${p}` };
}

/** The zip reader's problem in the words of a project (it speaks of Word files). */
function zipProblem(p: Problem): Result<never> {
  if (p.code === 'docxTooLarge') return fail('qdpxTooLarge', p.args);
  if (p.code === 'docxEncrypted') return fail('qdpxEncrypted');
  return fail('qdpxBroken', p.code === 'zipBroken' ? p.args : [p]);
}

/** A REFI-QDA project from the bytes of a .qdpx (or a bare project.qde), unpacking at most `maxBytes`. */
export function readQdpx(bytes: Uint8Array, maxBytes: number): Result<QdpxProject> {
  let qde: Uint8Array;
  let zipped = false;
  if (isZip(bytes)) {
    zipped = true;
    const parts = readZipParts(bytes, new Set(['project.qde']), maxBytes);
    if (!parts.ok) return zipProblem(parts.problem);
    const found = parts.value.get('project.qde');
    if (!found) return fail('qdpxNoProject');
    qde = found;
  } else qde = bytes;
  const project = parseXml(qde);
  if (!project) return fail('qdpxNoProject');
  const problems: Problem[] = [];

  const users = kids(kid(project, 'Users'), 'User').map((u) => {
    const name = a(u, 'name') ?? '';
    return { guid: normGuid(a(u, 'guid')), name, id: a(u, 'id') || name };
  });

  const codes: QdpxCode[] = [];
  const walk = (n: Node, parent: string | null) => {
    for (const c of kids(n, 'Code')) {
      const guid = normGuid(a(c, 'guid'));
      const name = (a(c, 'name') ?? '').trim();
      if (guid && name)
        codes.push({ guid, name, color: a(c, 'color') ?? null, description: (kid(c, 'Description')?.text ?? '').trim(), parent, notes: refs(c).map(normGuid) });
      walk(c, guid && name ? guid : parent);
    }
  };
  walk(kid(kid(project, 'CodeBook'), 'Codes') ?? { name: '', attrs: '', children: [], text: '' }, null);

  const variables = new Map(kids(kid(project, 'Variables'), 'Variable').map((v) => [normGuid(a(v, 'guid')), a(v, 'name') ?? '']));

  // The texts: inline, or in the archive (read in one pass, under the same limit).
  const sourceNodes = kid(project, 'Sources')?.children ?? [];
  const wanted = new Map<Node, string>();
  for (const s of sourceNodes) {
    if (s.name !== 'TextSource') {
      if (['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'].includes(s.name))
        problems.push(problem('qdpxSourceSkipped', [a(s, 'name') ?? s.name, `${s.name === 'AudioSource' ? 'an' : 'a'} ${s.name} is not a text`]));
      continue;
    }
    if (kid(s, 'PlainTextContent')) continue;
    const path = a(s, 'plainTextPath');
    if (!path) {
      problems.push(problem('qdpxSourceSkipped', [a(s, 'name') ?? '', 'it has no plain text']));
      continue;
    }
    const e = sourceEntry(path);
    if ('why' in e) problems.push(problem('qdpxSourceSkipped', [a(s, 'name') ?? '', e.why]));
    else if (!zipped) problems.push(problem('qdpxSourceSkipped', [a(s, 'name') ?? '', 'a project.qde alone holds no sources/ folder']));
    else wanted.set(s, e.entry);
  }
  let texts = new Map<string, Uint8Array>();
  if (wanted.size) {
    const parts = readZipParts(bytes, new Set(wanted.values()), Math.max(0, maxBytes - qde.length));
    if (!parts.ok) return zipProblem(parts.problem);
    texts = parts.value;
  }
  const utf8 = new TextDecoder('utf-8');
  const sources: QdpxSource[] = [];
  for (const s of sourceNodes) {
    if (s.name !== 'TextSource') continue;
    const name = a(s, 'name') ?? '';
    let text: string | null = null;
    const inline = kid(s, 'PlainTextContent');
    if (inline) text = inline.text;
    else {
      const entry = wanted.get(s);
      if (!entry) continue;
      const b = texts.get(entry);
      if (!b) {
        problems.push(problem('qdpxSourceSkipped', [name, `${entry} is not in the project`]));
        continue;
      }
      text = utf8.decode(b).replace(/^\uFEFF/, '');
    }
    const selections: QdpxSelection[] = [];
    for (const p of kids(s, 'PlainTextSelection')) {
      const start = Number(a(p, 'startPosition'));
      const end = Number(a(p, 'endPosition'));
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
        problems.push(problem('qdpxSelectionSkipped', [name, `its positions ${a(p, 'startPosition')}–${a(p, 'endPosition')} are not a span of the text`]));
        continue;
      }
      selections.push({
        guid: normGuid(a(p, 'guid')),
        start,
        end,
        user: a(p, 'creatingUser') ? normGuid(a(p, 'creatingUser')) : null,
        created: a(p, 'creationDateTime') ?? null,
        modified: a(p, 'modifiedDateTime') ?? null,
        codes: kids(p, 'Coding').flatMap((c) => {
          const r = kid(c, 'CodeRef');
          return r && a(r, 'targetGUID') ? [normGuid(a(r, 'targetGUID'))] : [];
        }),
        notes: refs(p).map(normGuid),
        description: (kid(p, 'Description')?.text ?? '').trim(),
      });
    }
    const values: Record<string, string> = {};
    for (const v of kids(s, 'VariableValue')) {
      const ref = kid(v, 'VariableRef');
      const vname = ref ? variables.get(normGuid(a(ref, 'targetGUID'))) : undefined;
      const value = v.children.find((c) => c.name.endsWith('Value') && c.name !== 'VariableValue');
      if (vname && value) values[vname] = value.text.trim();
    }
    sources.push({ guid: normGuid(a(s, 'guid')), name, text, selections, notes: refs(s).map(normGuid), variables: values });
  }

  const notes = new Map<string, { name: string; text: string }>();
  for (const n of kids(kid(project, 'Notes'), 'Note'))
    notes.set(normGuid(a(n, 'guid')), { name: a(n, 'name') ?? '', text: kid(n, 'PlainTextContent')?.text ?? '' });

  return ok({ name: a(project, 'name') ?? '', users, codes, sources, notes, projectNotes: refs(project).map(normGuid), problems });
}
