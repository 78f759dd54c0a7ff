/**
 * The figures' labels and kinds against a hand-checked set (test/fixtures/figures/*-gold.json):
 * each entry names a figure by its report's year, the figure as printed and the 20 characters
 * before it with 4 after (its `context`), the label a reader would give it ('' when the sentence
 * gives it none), other acceptable labels (`also`) and its kind. Precision is over the figures that
 * got a label: the share whose label is the gold one. Coverage is the share of gold figures with a
 * label that got one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importSource, reportFigures } from '../src/core/index.ts';

interface GoldFigure {
  /** The report: by its year (a national report) or its file under the corpus folder. */
  year?: number;
  file?: string;
  context: string;
  text: string;
  label: string;
  also?: string[];
  kind: 'target' | 'result';
}

export interface FigureScore {
  gold: number;
  /** Gold figures that the extraction found at all. */
  found: number;
  labelled: number;
  correct: number;
  precision: number;
  coverage: number;
  kindCorrect: number;
  kindAccuracy: number;
  /** The wrong labels, for the report: [printed, got, gold]. */
  wrong: [string, string, string][];
}

/** The context of a figure as the gold file writes it: 20 code points before, the figure, 4 after. */
function contextOf(paragraph: string, start: number, end: number): string {
  const cps = [...paragraph];
  return cps.slice(Math.max(0, start - 20), end + 4).join('');
}

/** Scores the extraction on a gold file; `source(key)` is the path of the report (key: its year, or its file). */
export function scoreFigures(goldFile: string, source: (key: string) => string): FigureScore {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldFigure[];
  const keyOf = (g: GoldFigure) => String(g.file ?? g.year);
  const byYear = new Map<string, Map<string, { label: string; kind: string }>>();
  for (const key of new Set(gold.map(keyOf))) {
    const file = source(key);
    const report = importSource(path.basename(file), readFileSync(file)).reports[0];
    const text = new Map(report.paragraphs.map((p) => [p.id, p.text]));
    byYear.set(key, new Map(reportFigures(report).map((f) => [`${contextOf(text.get(f.paragraph)!, f.start, f.end)}\u0000${f.text}`, f])));
  }
  const s: FigureScore = { gold: gold.length, found: 0, labelled: 0, correct: 0, precision: 0, coverage: 0, kindCorrect: 0, kindAccuracy: 0, wrong: [] };
  let goldLabelled = 0;
  let coveredLabelled = 0;
  for (const g of gold) {
    if (g.label) goldLabelled++;
    const f = byYear.get(keyOf(g))?.get(`${g.context}\u0000${g.text}`);
    if (!f) continue;
    s.found++;
    if (f.kind === g.kind) s.kindCorrect++;
    if (!f.label) continue;
    s.labelled++;
    if (g.label) coveredLabelled++;
    if (f.label === g.label || g.also?.includes(f.label)) s.correct++;
    else s.wrong.push([g.text, f.label, g.label]);
  }
  s.precision = s.labelled ? s.correct / s.labelled : 0;
  s.coverage = goldLabelled ? coveredLabelled / goldLabelled : 0;
  s.kindAccuracy = s.found ? s.kindCorrect / s.found : 0;
  return s;
}
