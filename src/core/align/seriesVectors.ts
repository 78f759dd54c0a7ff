/** The term vectors of one series at each level (chapter, section, paragraph), TF-IDF weighted over the series. */
import type { OutlineNode, Report } from '../model/index.ts';
import type { AlignOptions } from './types.ts';
import type { ChapterUnit, SectionUnit } from './units.ts';
import { countTerms, Idf, sumCounts, type SparseVector, type TermCounts } from './vector.ts';

/** The vectors of one series, with TF-IDF weights over the series at each level. */
export class SeriesVectors {
  readonly chapterIdf = new Idf();
  readonly sectionIdf = new Idf();
  readonly paragraphIdf = new Idf();
  private readonly counts = new Map<object, TermCounts>();
  private readonly vectors = new Map<object, SparseVector>();
  /**
   * Term counts of each paragraph of a report, for this series' alignment only: kept on the
   * reports they would outweigh their text (a host that keeps thousands of reports keeps no counts;
   * it realigns a changed series, counting its reports again, which is cheap).
   */
  private readonly paragraphCounts = new Map<Report, TermCounts[]>();

  constructor(
    readonly units: Map<Report, ChapterUnit[]>,
    private readonly opts: Required<AlignOptions>,
  ) {
    for (const [report, chapters] of units) {
      const pc = this.countsOf(report);
      for (const ch of chapters) {
        this.chapterIdf.add(this.unitCounts(ch, ch.node, ch.paragraphs, pc));
        for (const s of ch.sections) this.sectionIdf.add(this.unitCounts(s, s.node, s.paragraphs, pc));
        for (const p of ch.paragraphs) this.paragraphIdf.add(pc[p]);
      }
    }
  }

  private countsOf(report: Report): TermCounts[] {
    let counts = this.paragraphCounts.get(report);
    if (!counts) this.paragraphCounts.set(report, (counts = report.paragraphs.map((p) => countTerms(p.text, this.opts.tokenizer))));
    return counts;
  }

  /** Counts of a chapter or section: its paragraphs, plus its heading counted headingWeight times in all. */
  private unitCounts(key: object, node: OutlineNode, paragraphs: number[], pc: TermCounts[]): TermCounts {
    const parts = paragraphs.map((p) => pc[p]);
    const factors = parts.map(() => 1);
    if (this.opts.headingWeight > 1) {
      parts.push(countTerms(node.title, this.opts.tokenizer));
      factors.push(this.opts.headingWeight - 1);
    }
    const c = sumCounts(parts, factors);
    this.counts.set(key, c);
    return c;
  }

  chapter(u: ChapterUnit): SparseVector {
    return this.cached(this.vectors, u, () => this.chapterIdf.vector(this.counts.get(u)!));
  }

  section(s: SectionUnit): SparseVector {
    return this.cached(this.vectors, s, () => this.sectionIdf.vector(this.counts.get(s)!));
  }

  /** A section weighted as a chapter, to compare a plan chapter with review sections. */
  sectionAsChapter(s: SectionUnit): SparseVector {
    return this.cached(this.asChapter, s, () => this.chapterIdf.vector(this.counts.get(s)!));
  }

  paragraph(report: Report, index: number): SparseVector {
    const pc = this.countsOf(report);
    return this.cached(this.vectors, pc[index], () => this.paragraphIdf.vector(pc[index]));
  }

  private readonly asChapter = new Map<object, SparseVector>();
  private cached(map: Map<object, SparseVector>, key: object, make: () => SparseVector): SparseVector {
    let v = map.get(key);
    if (!v) map.set(key, (v = make()));
    return v;
  }
}
