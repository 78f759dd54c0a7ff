import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { importSource, flattenOutline, type OutlineNode, type Report, type SourceImport } from '../../src/core/index.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES = path.join(ROOT, 'samples');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
export const FLAT = path.join(SAMPLES, 'nanhai/nanhai-feed-flattened.txt');

export function load(file: string): SourceImport {
  return importSource(file, readFileSync(file));
}

export function fromText(text: string, name = 'test.txt'): SourceImport {
  return importSource(name, new TextEncoder().encode(text));
}

export function byYear(imp: SourceImport, year: number): Report {
  const r = imp.reports.find((x) => x.year === year);
  if (!r) throw new Error(`no ${year} report in ${imp.source}`);
  return r;
}

export function part(r: Report, kind: 'review' | 'plan'): OutlineNode {
  const p = r.outline.find((n) => n.kind === 'part' && n.partKind === kind);
  if (!p) throw new Error(`no ${kind} part in ${r.title}`);
  return p;
}

export function chapter(p: OutlineNode, n: number): OutlineNode {
  const c = p.children.find((x) => x.kind === 'chapter' && x.number === n);
  if (!c) throw new Error(`no chapter ${n} in ${p.title}`);
  return c;
}

export function section(c: OutlineNode, n: number): OutlineNode {
  const s = c.children.find((x) => x.kind === 'section' && x.number === n);
  if (!s) throw new Error(`no section ${n} in ${c.title}`);
  return s;
}

export function lineText(r: Report, line: number): string {
  return r.text.split('\n')[line];
}

export function allNodes(r: Report): OutlineNode[] {
  return flattenOutline(r.outline).map((x) => x.node);
}

/** The first report of a fixture under test/fixtures/unseen (reports no one on the team had read). */
export function unseenReport(name: string): Report {
  return importSource(name, readFileSync(path.join(FIXTURES, 'unseen', name))).reports[0];
}

/** A paragraph of report prose, to give a test's headings bodies of their own. */
export const PROSE = '全年共主动公开政府信息五千条，其中机构职能类信息三百条，政策法规类信息一千条，规划计划类信息二百条。';

/** A text imported as a file of that name: its first report's title, issuer, year, type and date, its paragraphs' texts, its outline. */
export function readReport(name: string, text: string): { meta: (string | number | null)[]; texts: string[]; outline: OutlineNode[] } {
  const r = importSource(name, new TextEncoder().encode(text)).reports[0];
  return { meta: [r.title, r.issuer, r.year, r.type, r.published], texts: r.paragraphs.map((p) => p.text), outline: r.outline };
}
