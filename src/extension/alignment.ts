import * as vscode from 'vscode';
import { alignCorpus, flattenOutline, partAsChapter, type Alignment, type OutlineNode, type Report } from '../core/index.ts';
import type { Corpus, CorpusGrouping, Located } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { parseReportUri } from './reportUri.ts';

export interface Aligned {
  /**
   * Every series' alignment merged into one, built on first use: the views ask for one report's
   * series (of), so that a change of one file does not merge every series again.
   */
  readonly alignment: Alignment;
  /** The alignment of the report's series, or undefined when the report is in no aligned series. */
  of(report: Report): Alignment | undefined;
  /** The source of each aligned report. */
  sourceOf: Map<Report, vscode.Uri>;
  find(source: vscode.Uri | string, reportId: string): Located | undefined;
  /**
   * A report by its id alone (a webview names reports so). Ids are unique within a file, not in a
   * workspace: two counties' 2024 reports titled 政府工作报告 share one. With `near` (the report a
   * view is about), the report of that id in near's series comes first.
   */
  findById(reportId: string, near?: Report): Located | undefined;
}

/** One series' alignment, kept while its reports and its counterparts chosen by hand stay the same. */
interface SeriesEntry {
  reports: readonly Report[];
  manual: string;
  alignment: Alignment;
}

/**
 * The alignment of every report of the corpus, computed when first asked for and again after
 * the corpus is scanned again (files added, changed or removed). Each series is aligned on its
 * own and kept: after a change only the series whose reports (or counterparts) changed are aligned again.
 */
export class AlignmentService extends Disposable {
  private current: Promise<Aligned> | null = null;
  private fetching = false;
  private bySeries = new Map<string, SeriesEntry>();
  /** The keys of the series the last computation aligned (the others were kept), for the log and tests. */
  lastAligned: string[] = [];
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly corpus: Pick<Corpus, 'grouping' | 'onDidChange'>) {
    super();
    this.register(
      corpus.onDidChange(() => {
        // A scan that our own compute() started (through allReports) is already in its result.
        if (this.fetching) return;
        this.current = null;
        this.changed.fire();
      }),
    );
  }

  get(): Promise<Aligned> {
    this.current ??= this.compute();
    return this.current;
  }

  private async compute(): Promise<Aligned> {
    this.fetching = true;
    let grouping: CorpusGrouping;
    try {
      grouping = await this.corpus.grouping();
    } finally {
      this.fetching = false;
    }
    const { all } = grouping;
    // The Corpus's one grouping: the series Compare and the year navigation follow are the view's.
    // The counterparts chosen by hand (.annals/corpus.json) replace the aligner's choice.
    const bySeries = this.align(grouping);
    const ofReport = new Map<Report, Alignment>();
    for (const s of grouping.grouping.series) {
      const a = bySeries.get(s.key);
      if (a) for (const r of s.reports) ofReport.set(r, a);
    }
    let merged: Alignment | null = null;
    const sourceOf = new Map<Report, vscode.Uri>(all.map((r) => [r.report, r.source]));
    const key = (source: string, id: string) => `${source}\u0000${id}`;
    const byKey = new Map(all.map((r) => [key(r.source.toString(), r.report.id), r]));
    const byId = new Map<string, Located>();
    // The same report can come from two sources; prefer the one that was aligned.
    for (const r of all) if (!byId.has(r.report.id) || ofReport.has(r.report)) byId.set(r.report.id, r);
    return {
      get alignment() {
        merged ??= mergeAlignments(grouping, [...bySeries.values()]);
        return merged;
      },
      of: (report) => ofReport.get(report),
      sourceOf,
      find: (source, id) => byKey.get(key(source.toString(), id)),
      findById: (id, near) => {
        const series = near ? ofReport.get(near)?.series.find((s) => s.reports.includes(near)) : undefined;
        const mine = series?.reports.find((r) => r.id === id);
        const source = mine ? sourceOf.get(mine) : undefined;
        return mine && source ? { source, report: mine } : byId.get(id);
      },
    };
  }

  /** Aligns the series whose reports or counterparts changed; keeps the others. Each series' alignment by its key. */
  private align(grouping: CorpusGrouping): Map<string, Alignment> {
    const { series, unplaced } = grouping.grouping;
    const next = new Map<string, SeriesEntry>();
    const aligned: string[] = [];
    for (const s of series) {
      const manualOf = grouping.counterparts.filter((c) => c.series === s.key);
      const manual = manualOf.length ? JSON.stringify(manualOf) : '';
      const old = this.bySeries.get(s.key);
      if (old && old.manual === manual && sameReports(old.reports, s.reports)) {
        next.set(s.key, old);
        continue;
      }
      aligned.push(s.key);
      const alignment = alignCorpus(s.reports, { manual: manualOf }, { series: [s], problems: [], unplaced });
      next.set(s.key, { reports: s.reports.slice(), manual, alignment });
    }
    this.bySeries = next;
    this.lastAligned = aligned;
    return new Map([...next].map(([k, e]) => [k, e.alignment]));
  }

  /** The report of an Annals document, as the corpus holds it. */
  async locateDocument(uri: vscode.Uri): Promise<Located | undefined> {
    const ref = parseReportUri(uri);
    if (!ref) return undefined;
    return (await this.get()).find(ref.source, ref.id);
  }
}

/** The series' alignments as one, with the grouping's problems and every counterpart chosen by hand. */
function mergeAlignments(grouping: CorpusGrouping, parts: readonly Alignment[]): Alignment {
  const { series, problems, unplaced } = grouping.grouping;
  const merged = alignCorpus([], {}, { series: [], problems, unplaced });
  merged.series = series;
  merged.options = { ...merged.options, manual: grouping.counterparts };
  const keys = ['links', 'sectionLinks', 'paragraphLinks', 'planResult', 'gapLinks', 'gapSectionLinks', 'gapParagraphLinks'] as const;
  for (const a of parts) {
    // One by one: a spread of a long series' paragraph links would overflow the call stack.
    for (const k of keys) for (const l of a[k]) (merged[k] as unknown[]).push(l);
    for (const [node, n] of a.lookup) merged.lookup.set(node, n);
  }
  return merged;
}

function sameReports(a: readonly Report[], b: readonly Report[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

/**
 * The chapter that holds a line (its heading or its body), or null outside any chapter (chapters never nest). A part
 * that stands for a chapter (core partAsChapter: a review line over sections, no chapter under it) is one.
 */
export function chapterAt(report: Report, line: number): OutlineNode | null {
  let found: OutlineNode | null = null;
  for (const { node } of flattenOutline(report.outline)) {
    if ((node.kind === 'chapter' || partAsChapter(node)) && node.line <= line && line <= node.endLine) found = node;
  }
  return found;
}

/** The section of `chapter` that holds a line (the deepest), or null. */
export function sectionAt(chapter: OutlineNode, line: number): OutlineNode | null {
  let found: OutlineNode | null = null;
  let level = chapter.children;
  for (;;) {
    const hit = level.find((n) => n.kind === 'section' && n.line <= line && line <= n.endLine);
    if (!hit) return found;
    found = hit;
    level = hit.children;
  }
}

/** The chapter or section whose heading is on `line`, else the chapter that holds it: what a Compare state names. */
export function unitAt(report: Report, line: number): OutlineNode | null {
  const chapter = chapterAt(report, line);
  if (!chapter) return null;
  const section = sectionAt(chapter, line);
  return section && section.line === line ? section : chapter;
}
