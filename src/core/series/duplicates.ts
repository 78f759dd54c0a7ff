/**
 * Duplicates: two files that hold the same report (the same content, or the same issuer, year and
 * type) are one report with its sources listed. One copy is used; the others are its copies, and a
 * diagnostic says which copy is used. The analyst's choice wins; else the copy whose metadata the
 * text gave more of, then the one with more structure, then more paragraphs, then the first path.
 */
import { hash32, type Report } from '../model/index.ts';

export interface SourcedReport {
  /** The source file (a workspace-relative path, or a URI string): how a report is told from its copies. */
  source: string;
  report: Report;
}

export interface CopyPick {
  chosen: SourcedReport;
  /** The other copies, in path order. */
  copies: SourcedReport[];
}

/** The report's content, independent of its file: its title and its content paragraphs' ids, hashed. */
export function contentHash(report: Report): string {
  let h = HASHES.get(report);
  if (h === undefined) {
    const ids: string[] = [report.meta.extracted.title];
    for (const p of report.paragraphs) if (p.role !== 'trailing') ids.push(p.id);
    HASHES.set(report, (h = hash32(ids.join(' '))));
  }
  return h;
}

/**
 * The content hash of each report, once: a host groups its thousands of reports again after each
 * changed file, and a report's extracted title and paragraphs never change once imported.
 */
const HASHES = new WeakMap<Report, string>();

const fromText = (r: Report) => Object.values(r.meta.from).filter((f) => f === 'text' || f === 'correction').length;
const structure = (r: Report) => {
  let n = 0;
  const walk = (nodes: Report['outline']) => {
    for (const x of nodes) {
      if (!(x.inferred && x.kind === 'part' && x.partKind === 'other')) n++;
      walk(x.children);
    }
  };
  walk(r.outline);
  return n;
};
const content = (r: Report) => r.paragraphs.filter((p) => p.role === 'body' || p.role === 'chapter' || p.role === 'section').length;

/** Which copy of one report is used. `choice` is the source the analyst chose, if any. */
export function pickCopy(group: readonly SourcedReport[], choice: string | null = null): CopyPick {
  const sorted = [...group].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const chosen =
    sorted.find((x) => x.source === choice) ??
    sorted.reduce((best, x) => {
      const d = fromText(x.report) - fromText(best.report) || structure(x.report) - structure(best.report) || content(x.report) - content(best.report);
      return d > 0 ? x : best;
    });
  return { chosen, copies: sorted.filter((x) => x !== chosen) };
}
