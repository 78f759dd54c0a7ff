/**
 * The workspace's team files for `tag`, `agree`, `export` and `import`: `.annals/project.json`
 * (coding mode and coders), the memos (`.annals/memos/`), the coders' own sidecars, and agreement
 * over a set of reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type AgreementResult,
  type Annotation,
  type CodedUnit,
  codedUnits,
  coderFileId,
  collectMemos,
  computeAgreement,
  DEFAULT_PROJECT,
  type Memos,
  memoPaths,
  parseProject,
  parseSidecar,
  parseSidecarName,
  PROJECT_PATH,
  type Project,
  problemText,
  type Report,
} from '../core/index.ts';
import { reason } from './files.ts';

/** The project of a workspace folder: the default (shared coding) when there is no file; an error when it cannot be read. */
export function readProject(workspace: string): { project: Project } | { error: string } {
  const file = path.join(workspace, PROJECT_PATH);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { project: DEFAULT_PROJECT };
    return { error: `${file}: cannot read: ${reason(e, 'no such file')}` };
  }
  const r = parseProject(text, file);
  return r.ok ? { project: r.value } : { error: problemText(r.problem) };
}

/** The memos of a workspace folder: `.annals/memos/*.md` and `.annals/memos/reports/*.md` (a folder that is not there holds none). */
export function readMemos(workspace: string): Memos {
  const files: { path: string; text: string }[] = [];
  for (const dir of [memoPaths.folder, memoPaths.reportsFolder]) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(workspace, dir));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!name.toLowerCase().endsWith('.md')) continue;
      try {
        files.push({ path: `${dir}/${name}`, text: readFileSync(path.join(workspace, dir, name), 'utf8') });
      } catch {
        // A folder named *.md, or a file that cannot be read: not a memo.
      }
    }
  }
  return collectMemos(files);
}

/** The annotations of the sidecars at these paths (a missing one holds none). */
export function readSidecars(files: readonly string[]): { annotations: Annotation[] } | { error: string } {
  const annotations: Annotation[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return { error: `${f}: cannot read: ${reason(e, 'no such file')}` };
    }
    const r = parseSidecar(text, f);
    if (!r.ok) return { error: problemText(r.problem) };
    annotations.push(...r.value.annotations);
  }
  return { annotations };
}

/** The coders' own sidecars next to a shared sidecar path: `<name>.annals.<coder>.json`, sorted. */
export function coderSidecars(shared: string): string[] {
  const dir = path.dirname(shared);
  const parsed = parseSidecarName(path.basename(shared));
  if (!parsed) return [];
  try {
    return readdirSync(dir)
      .filter((n) => {
        const p = parseSidecarName(n);
        return p !== null && p.coder !== null && p.source === parsed.source;
      })
      .sort()
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/** What agreement is computed over: each source's reports and the coding annotations read for it. */
export interface AgreementInput {
  source: string;
  reports: readonly Report[];
  annotations: readonly Annotation[];
}

/**
 * Agreement over the inputs: the coders are the project's (in its order) that coded here, then every
 * other author by name, each once (as coder files name them). Annotations with no author are
 * counted in `anonymous` and left out.
 */
export function agreementOver(
  project: Project,
  inputs: readonly AgreementInput[],
): { coders: string[]; units: CodedUnit[]; result: AgreementResult; anonymous: number } {
  const coders: string[] = [];
  const seen = new Set<string>();
  const addCoder = (name: string) => {
    const id = coderFileId(name);
    if (!name.trim() || seen.has(id)) return;
    seen.add(id);
    coders.push(name);
  };
  const authors = new Set(inputs.flatMap((i) => i.annotations.map((a) => a.author)));
  for (const k of project.coders) if ([...authors].some((a) => coderFileId(a) === coderFileId(k.id))) addCoder(k.id);
  for (const a of [...authors].sort()) addCoder(a);
  const anonymous = inputs.reduce((n, i) => n + i.annotations.filter((a) => !a.author.trim()).length, 0);
  const units: CodedUnit[] = inputs.flatMap((i) => i.reports.flatMap((r) => codedUnits(i.source, r, coders, i.annotations)));
  return { coders, units, result: computeAgreement(coders, units), anonymous };
}
