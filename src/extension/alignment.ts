import * as vscode from 'vscode';
import { alignCorpus, flattenOutline, type Alignment, type OutlineNode, type Report } from '../core/index.ts';
import type { Corpus, CorpusGrouping, Located } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { parseReportUri } from './reportUri.ts';

export interface Aligned {
  alignment: Alignment;
  /** The source of each aligned report. */
  sourceOf: Map<Report, vscode.Uri>;
  find(source: vscode.Uri | string, reportId: string): Located | undefined;
  findById(reportId: string): Located | undefined;
}

/**
 * The alignment of every report of the corpus, computed when first asked for and again after
 * the corpus is scanned again (files added, changed or removed).
 */
export class AlignmentService extends Disposable {
  private current: Promise<Aligned> | null = null;
  private fetching = false;
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
    const alignment = alignCorpus(
      all.map((r) => r.report),
      { manual: grouping.counterparts },
      grouping.grouping,
    );
    const sourceOf = new Map<Report, vscode.Uri>(all.map((r) => [r.report, r.source]));
    const key = (source: string, id: string) => `${source}\u0000${id}`;
    const byKey = new Map(all.map((r) => [key(r.source.toString(), r.report.id), r]));
    const byId = new Map<string, Located>();
    // The same report can come from two sources; prefer the one that was aligned.
    const aligned = new Set(alignment.series.flatMap((s) => s.reports));
    for (const r of all) if (!byId.has(r.report.id) || aligned.has(r.report)) byId.set(r.report.id, r);
    return {
      alignment,
      sourceOf,
      find: (source, id) => byKey.get(key(source.toString(), id)),
      findById: (id) => byId.get(id),
    };
  }

  /** The report of an Annals document, as the corpus holds it. */
  async locateDocument(uri: vscode.Uri): Promise<Located | undefined> {
    const ref = parseReportUri(uri);
    if (!ref) return undefined;
    return (await this.get()).find(ref.source, ref.id);
  }
}

/** The chapter that holds a line (its heading or its body), or null outside any chapter (chapters never nest). */
export function chapterAt(report: Report, line: number): OutlineNode | null {
  let found: OutlineNode | null = null;
  for (const { node } of flattenOutline(report.outline)) {
    if (node.kind === 'chapter' && node.line <= line && line <= node.endLine) found = node;
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
