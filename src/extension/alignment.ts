import * as vscode from 'vscode';
import {
  alignCorpus,
  flattenOutline,
  partAsChapter,
  type Alignment,
  type OutlineNode,
  type Report,
  type ReportHead,
  type Series,
  type SourcedReport,
} from '../core/index.ts';
import type { Corpus, CorpusGrouping, CorpusSeries, Located } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { parseReportUri } from './reportUri.ts';
import { reportWeight } from './reportService.ts';
import { cacheBytes } from './settings.ts';

export interface Aligned {
  /**
   * The alignment of the report's series (a head of the corpus, or the full report Corpus.full gave for
   * it), aligned when first asked for: its reports are the full reports of Corpus.full. Undefined when
   * the report is in no series.
   */
  of(report: ReportHead): Promise<Alignment | undefined>;
  /**
   * The alignment's own report (the full report its series holds) for a report of the corpus: its
   * head, or a full report of Corpus.full; undefined when the alignment does not hold it.
   */
  member(alignment: Alignment, report: ReportHead): Report | undefined;
  /** The full report (text and paragraphs) of a report of the corpus: Corpus.full. */
  full(located: Located): Promise<Report | undefined>;
  /** Every series aligned, as one alignment (for tests and the bench: the views ask for one series, `of`). */
  all(): Promise<Alignment>;
  /** The source of a report of the corpus (its head, or a full report of Corpus.full). */
  sourceOf(report: ReportHead): vscode.Uri | undefined;
  find(source: vscode.Uri | string, reportId: string): Located | undefined;
  /**
   * A report by its id alone (a webview names reports so). Ids are unique within a file, not in a
   * workspace: two counties' 2024 reports titled 政府工作报告 share one. With `near` (the report a
   * view is about), the report of that id in near's series comes first.
   */
  findById(reportId: string, near?: ReportHead): Located | undefined;
}

/** One series' alignment, kept while its reports and its counterparts chosen by hand stay the same. */
interface SeriesEntry {
  reports: readonly ReportHead[];
  manual: string;
  alignment: Alignment;
  /** What its full reports weigh, about (texts and paragraphs). */
  bytes: number;
}

/**
 * The alignment of the corpus's series, each aligned when first asked for (Compare, the year
 * navigation, the CodeLens of a report document) on its reports' full texts (Corpus.full), and kept
 * while its reports and counterparts stay the same: after a change only the series whose reports (or
 * counterparts) changed are aligned again. The alignments kept are bounded as the full reports are
 * (annals.cacheMegabytes): the least recently used series are let go first and aligned again when asked for.
 */
export class AlignmentService extends Disposable {
  private current: Promise<Aligned> | null = null;
  private fetching = false;
  /** The series' alignments, least recently used first. */
  private bySeries = new Map<string, SeriesEntry>();
  /** The alignments under way, by series key and counterparts, with the reports each aligns. */
  private running = new Map<string, { reports: readonly ReportHead[]; alignment: Promise<Alignment | undefined> }>();
  /** The keys of the series aligned since the corpus last changed (the others were kept), for the log and tests. */
  lastAligned: string[] = [];
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly corpus: Pick<Corpus, 'grouping' | 'onDidChange' | 'full' | 'headOf'>,
    private readonly budget: () => number = cacheBytes,
  ) {
    super();
    this.register(
      corpus.onDidChange(() => {
        // A scan that our own compute() started (through grouping) is already in its result.
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
    this.lastAligned = [];
    const { all } = grouping;
    const seriesByKey = new Map(grouping.series.map((s) => [s.key, s]));
    const sourceOf = new Map<ReportHead, vscode.Uri>(all.map((r) => [r.report, r.source]));
    const key = (source: string, id: string) => `${source}\u0000${id}`;
    const byKey = new Map(all.map((r) => [key(r.source.toString(), r.report.id), r]));
    const byId = new Map<string, Located>();
    // The same report can come from two sources; prefer the one in a series.
    for (const r of all) if (!byId.has(r.report.id) || grouping.seriesOf.has(r.report)) byId.set(r.report.id, r);
    const headOf = (r: ReportHead) => this.corpus.headOf(r) ?? r;
    const of = async (report: ReportHead) => {
      const k = grouping.seriesOf.get(headOf(report));
      const s = k === undefined ? undefined : seriesByKey.get(k);
      return s ? this.seriesAlignment(grouping, s) : undefined;
    };
    return {
      of,
      full: (located) => this.corpus.full(located),
      member: (alignment, report) => {
        const head = headOf(report);
        for (const s of alignment.series) for (const r of s.reports) if (r === report || headOf(r) === head) return r;
        return undefined;
      },
      all: async () => {
        const parts: Alignment[] = [];
        for (const s of grouping.series) {
          const a = await this.seriesAlignment(grouping, s);
          if (a) parts.push(a);
        }
        return mergeAlignments(grouping, parts);
      },
      sourceOf: (report) => sourceOf.get(headOf(report)),
      find: (source, id) => byKey.get(key(source.toString(), id)),
      findById: (id, near) => {
        const k = near ? grouping.seriesOf.get(headOf(near)) : undefined;
        const mine = k === undefined ? undefined : seriesByKey.get(k)?.series.reports.find((r) => r.id === id);
        const source = mine ? sourceOf.get(mine) : undefined;
        return mine && source ? { source, report: mine } : byId.get(id);
      },
    };
  }

  /** The series' alignment: the one kept, if its reports and counterparts are the same; else aligned now. */
  private seriesAlignment(grouping: CorpusGrouping, s: CorpusSeries): Promise<Alignment | undefined> {
    const manualOf = grouping.counterparts.filter((c) => c.series === s.key);
    const manual = manualOf.length ? JSON.stringify(manualOf) : '';
    const old = this.bySeries.get(s.key);
    if (old && old.manual === manual && sameReports(old.reports, s.series.reports)) {
      this.bySeries.delete(s.key);
      this.bySeries.set(s.key, old);
      return Promise.resolve(old.alignment);
    }
    const runKey = `${s.key}\u0000${manual}`;
    const running = this.running.get(runKey);
    // One under way of the same reports: its result. One of reports since changed is not this series any more.
    if (running && sameReports(running.reports, s.series.reports)) return running.alignment;
    const p = this.alignNow(s, manualOf, manual).finally(() => {
      if (this.running.get(runKey)?.alignment === p) this.running.delete(runKey);
    });
    this.running.set(runKey, { reports: s.series.reports, alignment: p });
    return p;
  }

  private async alignNow(s: CorpusSeries, manualOf: CorpusGrouping['counterparts'], manual: string): Promise<Alignment | undefined> {
    const heads = s.series.reports.slice();
    // Each member's full report (read again if the cache let it go); one the file no longer holds is left out.
    const where = new Map<ReportHead, Located>(s.reports.map((m) => [m.report, m]));
    const fullOf = new Map<ReportHead, Report>();
    for (const h of heads) {
      const at = where.get(h);
      const full = at && (await this.corpus.full(at));
      if (full) fullOf.set(h, full);
    }
    const members = s.series.members.flatMap((m): Series['members'] => {
      const report = fullOf.get(m.report);
      // The copies are not aligned: only the members' own reports are read.
      return report ? [{ source: m.source, report, copies: m.copies as unknown as SourcedReport[] }] : [];
    });
    const series: Series = { ...s.series, reports: members.map((m) => m.report), members };
    const alignment = alignCorpus(series.reports, { manual: manualOf }, { series: [series], problems: [], unplaced: [] });
    this.lastAligned.push(s.key);
    // Kept only when every member was read: one that could not be (a failed read) is tried again next time.
    if (fullOf.size === heads.length) {
      let bytes = 0;
      for (const r of series.reports) bytes += reportWeight(r);
      this.bySeries.delete(s.key);
      this.bySeries.set(s.key, { reports: heads, manual, alignment, bytes });
      this.trim(s.key);
    }
    return alignment;
  }

  /** Lets the least recently used alignments go while those kept weigh more than the budget (the last one stays). */
  private trim(keep: string): void {
    let total = 0;
    for (const e of this.bySeries.values()) total += e.bytes;
    const budget = this.budget();
    for (const [k, e] of this.bySeries) {
      if (total <= budget || k === keep) break;
      this.bySeries.delete(k);
      total -= e.bytes;
    }
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
  const { problems, unplaced } = grouping.grouping;
  // The grouping's problems and unplaced reports name heads (no texts): an alignment names reports only to say which.
  const merged = alignCorpus([], {}, { series: [], problems: problems as unknown as Alignment['problems'], unplaced: unplaced as unknown as SourcedReport[] });
  merged.series = parts.flatMap((a) => a.series);
  merged.options = { ...merged.options, manual: grouping.counterparts };
  const keys = ['links', 'sectionLinks', 'paragraphLinks', 'planResult', 'gapLinks', 'gapSectionLinks', 'gapParagraphLinks'] as const;
  for (const a of parts) {
    // One by one: a spread of a long series' paragraph links would overflow the call stack.
    for (const k of keys) for (const l of a[k]) (merged[k] as unknown[]).push(l);
    for (const [node, n] of a.lookup) merged.lookup.set(node, n);
  }
  return merged;
}

function sameReports(a: readonly ReportHead[], b: readonly ReportHead[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

/**
 * The chapter that holds a line (its heading or its body), or null outside any chapter (chapters never nest). A part
 * that stands for a chapter (core partAsChapter: a review line over sections, no chapter under it) is one.
 */
export function chapterAt(report: ReportHead, line: number): OutlineNode | null {
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
export function unitAt(report: ReportHead, line: number): OutlineNode | null {
  const chapter = chapterAt(report, line);
  if (!chapter) return null;
  const section = sectionAt(chapter, line);
  return section && section.line === line ? section : chapter;
}
