/**
 * Where sidecars are. Paths and URIs are strings with `/` separators (a file path or a
 * `file:`/`vscode-remote:` URI); the helpers never touch the file system.
 */
import { SIDECAR_SUFFIX } from './format.ts';

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
