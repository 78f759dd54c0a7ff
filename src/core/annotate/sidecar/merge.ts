/** Merging an outside change into the annotations in memory. */
import { type Annotation, compareAnnotations } from '../annotation.ts';

export interface MergeResult {
  annotations: Annotation[];
  /** Ids whose disk version replaced the local one, or that came from disk. */
  fromDisk: string[];
  /** Ids removed because another writer deleted them and they were not changed here. */
  deletedOutside: string[];
}

/**
 * Merges the annotations on disk into the local ones, by id. Three-way, against `base` (what
 * was on disk when this store last read or wrote it):
 *
 *   - on both sides: the newer `modified` wins (a tie keeps the local one);
 *   - only local: kept. It is a local addition, or a local edit of one deleted outside (the
 *     edit wins). Only when it is unchanged since `base` and gone from disk was it deleted by
 *     another writer, and it goes: that is not a local change, so nothing local is dropped;
 *   - only on disk: added, unless this store deleted it (`tombstones`: id → the `modified`
 *     of the version deleted). A disk version newer than the one deleted is an outside edit
 *     made after the delete, and comes back.
 *
 * Tombstones live in memory, not in the file: the file stays a plain list, and once the delete
 * is saved the id is gone from disk anyway. A delete not yet saved when the window closes is lost;
 * no annotation is.
 */
export function mergeAnnotations(
  local: readonly Annotation[],
  disk: readonly Annotation[],
  base: ReadonlyMap<string, string>,
  tombstones: ReadonlyMap<string, string>,
): MergeResult {
  const out = new Map<string, Annotation>();
  const fromDisk: string[] = [];
  const deletedOutside: string[] = [];
  const diskById = new Map(disk.map((a) => [a.id, a]));
  const localIds = new Set(local.map((a) => a.id));
  for (const a of local) {
    const d = diskById.get(a.id);
    if (d) {
      if (newer(d.modified, a.modified)) {
        out.set(a.id, d);
        fromDisk.push(a.id);
      } else out.set(a.id, a);
    } else if (base.has(a.id) && base.get(a.id) === a.modified) deletedOutside.push(a.id);
    else out.set(a.id, a);
  }
  for (const d of disk) {
    if (localIds.has(d.id)) continue;
    const dead = tombstones.get(d.id);
    if (dead !== undefined && !newer(d.modified, dead)) continue;
    out.set(d.id, d);
    fromDisk.push(d.id);
  }
  return { annotations: [...out.values()].sort(compareAnnotations), fromDisk, deletedOutside };
}

/** Whether ISO-8601 time a is later than b (compared as instants; unparsable times are oldest). */
function newer(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return (Number.isNaN(x) ? -Infinity : x) > (Number.isNaN(y) ? -Infinity : y);
}
