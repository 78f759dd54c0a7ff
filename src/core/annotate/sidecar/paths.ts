/**
 * Where sidecars are. Paths and URIs are strings with `/` separators (a file path or a
 * `file:`/`vscode-remote:` URI); the helpers never touch the file system.
 */
import { fail, ok, type Problem, problem, type Result } from '../../model/index.ts';
import { coderSuffix } from '../project.ts';
import { SIDECAR_SUFFIX } from './format.ts';

export interface SidecarLocation {
  /** The workspace folder the source is in (path or URI), for `annals.sidecarFolder`. */
  workspaceRoot?: string;
  /** The setting `annals.sidecarFolder`: a folder relative to the workspace root. Empty: next to the source. */
  sidecarFolder?: string;
  /** A coder of independent coding: their own sidecar, `<source>.annals.<coder>.json` (project.ts). */
  coder?: string;
}

/**
 * The setting's folder as path segments, relative to the workspace root: `\` read as `/`, empty and
 * `.` segments dropped, `..` applied. Null when the folder leaves the workspace (`../x`).
 */
function folderSegments(folder: string): string[] | null {
  const out: string[] = [];
  for (const seg of folder.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg !== '..') out.push(seg);
    else if (out.pop() === undefined) return null;
  }
  return out;
}

/** Whether the setting `annals.sidecarFolder` (or `--sidecar-folder`) stays inside the workspace; its problem when it does not. */
export function sidecarFolderProblem(folder: string | undefined): Problem | null {
  const f = folder?.trim() ?? '';
  return f && folderSegments(f) === null ? problem('sidecarFolderOutside', [f]) : null;
}

/**
 * Where a source's sidecar is: `<source>.annals.json`, or with a sidecar folder
 * `<root>/<folder>/<source relative to root>.annals.json`, the folder normalised (no `.` or `..`
 * left). A source outside the workspace root keeps its sidecar next to it. A folder that leaves
 * the workspace is refused.
 */
export function sidecarPath(source: string, loc: SidecarLocation = {}): Result<string> {
  const suffix = loc.coder ? coderSuffix(loc.coder) : SIDECAR_SUFFIX;
  const raw = loc.sidecarFolder?.trim() ?? '';
  const segments = folderSegments(raw);
  if (segments === null) return fail('sidecarFolderOutside', [raw]);
  const root = loc.workspaceRoot?.replace(/\/+$/, '');
  // Inside the root means under it, separator included: /ws-old is not inside /ws.
  if (!segments.length || !root || !source.startsWith(root + '/')) return ok(source + suffix);
  const rel = source.slice(root.length + 1);
  // In a URI the folder's segments are encoded like the rest (a # or ? in a folder name would
  // otherwise start a fragment or a query); a file system path takes them as they are.
  const isUri = /^[a-z][\w+.-]*:\/\//i.test(root);
  const dir = (isUri ? segments.map(encodeURIComponent) : segments).join('/');
  return ok(`${root}/${dir}/${rel}${suffix}`);
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

/**
 * Where a coder's own sidecar is (independent coding): `<source>.annals.<coder>.json`, under the
 * sidecar folder as the shared one is; next to the source when that folder leaves the workspace.
 */
export function coderSidecarPath(source: string, coder: string, loc: SidecarLocation = {}): string {
  const p = sidecarPath(source, { ...loc, coder });
  return p.ok ? p.value : source + coderSuffix(coder);
}
