/**
 * Resolving a disagreement between coders on one paragraph (docs/annotations.md#resolving-disagreements):
 * accept one coder's tags, keep every coder's, or neither. The result goes to the shared sidecar,
 * each annotation written carrying who resolved it (`resolvedBy`) and when (`resolved`).
 *
 * - independent coding: the coders' own files are left as they are (agreement is measured on
 *   them); the accepted annotations are copied into the shared sidecar, replacing an earlier
 *   resolution of the same paragraph there;
 * - shared coding: the coders' annotations are in the shared sidecar already: the rejected ones are
 *   removed, the kept ones marked.
 * *Neither* leaves a record with no tags on the paragraph, so that the decision is kept too.
 */
import { fail, type Result, ok } from '../model/index.ts';
import type { Annotation, AnnotationTarget } from './annotation.ts';
import type { CodingMode } from './project.ts';
import { sameCoder } from './project.ts';
import type { AnnotationStore } from './store.ts';

export type Resolution = { kind: 'accept'; coder: string } | { kind: 'both' } | { kind: 'neither' };

export interface Disagreement {
  mode: CodingMode;
  report: string;
  /** The whole paragraph, for the record a *neither* leaves. */
  paragraph: AnnotationTarget;
  /** Each coder's annotations placed on the paragraph (their own file, or the shared one in shared mode). */
  coders: { coder: string; annotations: Annotation[] }[];
  /** In independent mode: the shared sidecar's annotations on the paragraph (an earlier resolution is replaced). */
  shared?: Annotation[];
}

export interface ResolveResult {
  added: string[];
  removed: string[];
  marked: string[];
}

const sameTarget = (a: Annotation, b: Annotation) =>
  a.target.position.start === b.target.position.start && a.target.position.end === b.target.position.end && a.target.quote.exact === b.target.quote.exact;

/**
 * Applies a resolution to the shared store (not saved: the caller saves). Fails, changing
 * nothing, when the store refuses edits, or when an annotation it would remove or mark is no
 * longer in the store (the disagreement was computed before an outside change: a teammate's
 * edit merged in, a pull): acting on the rest would be half a resolution.
 */
export function resolveDisagreement(shared: AnnotationStore, d: Disagreement, choice: Resolution, resolver: string): Result<ResolveResult> {
  if (shared.error) return { ok: false, problem: shared.error };
  const touched = d.mode === 'shared' ? d.coders.flatMap((c) => c.annotations) : (d.shared ?? []).filter((a) => a.resolvedBy !== undefined);
  const gone = touched.find((a) => !shared.get(a.id));
  if (gone) return fail('disagreementChanged', [gone.id]);
  const res: ResolveResult = { added: [], removed: [], marked: [] };
  const keep = choice.kind === 'both' ? d.coders : choice.kind === 'accept' ? d.coders.filter((c) => sameCoder(c.coder, choice.coder)) : [];
  const kept = keep.flatMap((c) => c.annotations);
  const all = d.coders.flatMap((c) => c.annotations);
  const record = () => {
    const r = shared.add({ report: d.report, target: d.paragraph, tags: [], note: '', author: resolver, resolvedBy: resolver });
    if (!r.ok) return r;
    res.added.push(r.value.id);
    return ok(r.value);
  };
  if (d.mode === 'shared') {
    for (const a of all) {
      if (kept.includes(a)) continue;
      const r = shared.remove(a.id);
      if (!r.ok) return r;
      res.removed.push(a.id);
    }
    for (const a of kept) {
      const r = shared.update(a.id, { resolvedBy: resolver });
      if (!r.ok) return r;
      res.marked.push(a.id);
    }
    if (!kept.length) {
      const r = record();
      if (!r.ok) return r;
    }
    return ok(res);
  }
  // Independent: copy into the shared sidecar, replacing an earlier resolution of this paragraph.
  for (const a of d.shared ?? []) {
    if (a.resolvedBy === undefined) continue;
    const r = shared.remove(a.id);
    if (!r.ok) return r;
    res.removed.push(a.id);
  }
  const copies: Annotation[] = [];
  for (const a of kept) {
    // Keep both: the same place with the same tags from two coders is written once.
    const twin = copies.find((c) => sameTarget(c, a));
    if (twin && [...a.tags].sort().join() === [...twin.tags].sort().join()) continue;
    copies.push(a);
    const r = shared.add({ report: a.report, target: a.target, tags: a.tags, note: a.note, author: a.author, resolvedBy: resolver });
    if (!r.ok) return r;
    res.added.push(r.value.id);
  }
  if (!copies.length) {
    const r = record();
    if (!r.ok) return r;
  }
  return ok(res);
}

/**
 * Whether an annotation is the record a *Neither* leaves (resolved, no tags): not coding, so
 * agreement leaves it out. A kept annotation (resolved, with its tags) is still its coder's coding.
 */
export function isResolutionRecord(a: Annotation): boolean {
  return a.resolvedBy !== undefined && a.tags.length === 0;
}
