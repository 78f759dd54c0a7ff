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

/**
 * What the grouping reads of a report's body: its content hash (its title and its content
 * paragraphs' ids, independent of its file), how much structure it has, and how many paragraphs.
 * Computed once per report; a light report (lightReport) carries those of the report it was made from.
 */
interface BodyFacts {
  hash: string;
  structure: number;
  content: number;
  paragraphs: number;
}

/**
 * The facts of each report, once: a host groups its thousands of reports again after each changed
 * file, and a report's extracted title, paragraphs and outline never change once imported.
 */
const FACTS = new WeakMap<Report, BodyFacts>();

function factsOf(report: Report): BodyFacts {
  let f = FACTS.get(report);
  if (f === undefined) {
    const ids: string[] = [report.meta.extracted.title];
    for (const p of report.paragraphs) if (p.role !== 'trailing') ids.push(p.id);
    f = { hash: hash32(ids.join(' ')), structure: structureOf(report.outline), content: contentOf(report), paragraphs: report.paragraphs.length };
    FACTS.set(report, f);
  }
  return f;
}

/** The report's content, independent of its file: its title and its content paragraphs' ids, hashed. */
export function contentHash(report: Report): string {
  return factsOf(report).hash;
}

/** How many paragraphs the report has (a light report: the report it was made from). */
export function paragraphCount(report: Report): number {
  return factsOf(report).paragraphs;
}

/**
 * The report without its body (text, paragraphs, outline, diagnostics), for grouping many reports
 * in little memory (`annals align --jsonl`): groupSeries gives it the same series, copies and
 * problems as the full report. Metadata corrections (applyCorrections) keep what it carries.
 */
export function lightReport(report: Report): Report {
  const light: Report = { ...report, text: '', paragraphs: [], outline: [], diagnostics: [] };
  FACTS.set(light, factsOf(report));
  return light;
}

/** `copy` (the same report with other metadata) carries what `report` carries of its body. */
export function keepBody(report: Report, copy: Report): void {
  FACTS.set(copy, factsOf(report));
}

const fromText = (r: Report) => Object.values(r.meta.from).filter((f) => f === 'text' || f === 'correction').length;
function structureOf(outline: Report['outline']): number {
  let n = 0;
  const walk = (nodes: Report['outline']) => {
    for (const x of nodes) {
      if (!(x.inferred && x.kind === 'part' && x.partKind === 'other')) n++;
      walk(x.children);
    }
  };
  walk(outline);
  return n;
}
const contentOf = (r: Report) => r.paragraphs.filter((p) => p.role === 'body' || p.role === 'chapter' || p.role === 'section').length;
const structure = (r: Report) => factsOf(r).structure;
const content = (r: Report) => factsOf(r).content;

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
