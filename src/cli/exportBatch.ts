/**
 * The imports of `annals export` on --jobs worker threads (pool.ts), in the order of the sources.
 * With JSON Lines on standard output, each source's annotations are written as soon as it is
 * read and re-anchored, and its text is let go: memory does not grow with the number of sources.
 */
import type { Annotation, ExportSource } from '../core/index.ts';
import { type Batch, importFiles } from './pool.ts';

/** A source to export: its name in the export, its file, and the annotations of its sidecar. */
export interface PendingSource {
  source: string;
  file: string;
  annotations: readonly Annotation[];
}

/**
 * Imports the sources and calls `each` with each one, in their order. A source whose import
 * failed (its worker crashed or ran over --timeout-seconds) goes to `failed` instead.
 */
export async function importSources(
  pending: readonly PendingSource[],
  batch: Batch,
  each: (s: ExportSource, p: PendingSource) => void,
  failed: (p: PendingSource, why: string) => void,
): Promise<void> {
  let i = 0;
  await importFiles(
    pending.map((p) => p.file),
    batch,
    (_file, r) => {
      // The imports come back in the order of the files: the same file twice (two coders' sidecars) is two entries.
      const p = pending[i++];
      if ('error' in r) failed(p, r.error);
      else each({ source: p.source, imp: r.imp, annotations: p.annotations }, p);
    },
  );
}
