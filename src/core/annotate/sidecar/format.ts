/**
 * The sidecar file: a source's annotations, next to it (`<source>.annals.json`) or under the
 * folder of the setting `annals.sidecarFolder`, mirroring the workspace paths.
 *
 * The text is stable: fixed key order, annotations sorted by report, then position, then id,
 * 2-space indent, a final newline; so git diffs stay small and merges clean.
 */
import type { Annotation } from '../annotation.ts';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.annals.json';

export interface Sidecar {
  version: number;
  /** The source file, relative to the sidecar's folder, with `/` separators. */
  source: string;
  annotations: Annotation[];
}
