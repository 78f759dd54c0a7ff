/** The types of an alignment, shared by the alignment steps (align.ts, plan.ts) and their users. */
import type { OutlineNode, Paragraph, PartKind, Report } from '../model/index.ts';
import type { Series, SeriesProblem } from '../series/index.ts';
import type { Tokenizer } from './vector.ts';

export interface AlignOptions {
  tokenizer?: Tokenizer;
  /** Least cosine for a chapter link. */
  chapterThreshold?: number;
  sectionThreshold?: number;
  paragraphThreshold?: number;
  /** Least cosine for a plan chapter's result. */
  planThreshold?: number;
  /** A plan chapter's further results must score at least this share of its best one. */
  planShare?: number;
  /** How many times a heading counts in its chapter's or section's vector (the body counts once). */
  headingWeight?: number;
  /** Align the sections left unmatched within linked chapters across the chapters of the same part. */
  sectionsAcrossChapters?: boolean;
  /** The analyst's counterparts (`.annals/corpus.json`): they replace what the aligner would choose. */
  manual?: readonly ManualCounterpart[];
}

/**
 * A counterpart chosen by hand: in series `series`, the chapter (or section) whose heading is
 * `heading` in `year` has `counterpart` (a heading) in `otherYear`, the previous or next year on
 * file, or none (null). Headings are the label and title as printed (`三、2019年政府工作任务`),
 * compared without spaces, so an entry follows its unit's content, not a line number.
 */
export interface ManualCounterpart {
  series: string;
  kind: 'chapter' | 'section';
  year: number;
  heading: string;
  otherYear: number;
  counterpart: string | null;
}

export const DEFAULT_ALIGN_OPTIONS: Required<AlignOptions> = {
  tokenizer: 'bigram',
  manual: [],
  sectionsAcrossChapters: true,
  chapterThreshold: 0.12,
  sectionThreshold: 0.12,
  paragraphThreshold: 0.2,
  planThreshold: 0.1,
  planShare: 0.6,
  headingWeight: 2,
};

export interface ChapterRef {
  report: Report;
  node: OutlineNode;
  part: PartKind;
}

export interface SectionRef extends ChapterRef {
  /** The chapter the section is in. */
  chapter: OutlineNode;
}

export interface ParagraphRef {
  report: Report;
  paragraph: Paragraph;
}

/** `a` is in the later report, `b` in the earlier one. */
export interface Link<T> {
  a: T;
  b: T;
  score: number;
  /** Chosen by hand (a manual counterpart), not by the aligner. */
  manual?: true;
  /** Linked for its heading, the same as the other's, with a cosine under the threshold (a template's chapter). */
  sameHeading?: true;
}

export interface Candidate<T> {
  ref: T;
  score: number;
}

export type Direction = 'previous' | 'next';

export interface Alignment {
  series: Series[];
  links: Link<ChapterRef>[];
  sectionLinks: Link<SectionRef>[];
  paragraphLinks: Link<ParagraphRef>[];
  planResult: PlanResult[];
  /**
   * Links across a gap: year N+1 to year N−1 when neither has a counterpart in year N (one odd year
   * must not cut a chain). Chapters, and sections within chapters linked through N or across the gap.
   */
  gapLinks: Link<ChapterRef>[];
  gapSectionLinks: Link<SectionRef>[];
  gapParagraphLinks: Link<ParagraphRef>[];
  /** Reports left out, and why. */
  problems: SeriesProblem[];
  options: Required<AlignOptions>;
  /** Per chapter or section node: its link and its scored candidates in the neighbouring years. */
  readonly lookup: Map<OutlineNode, NodeNeighbours>;
}

export interface NodeNeighbours {
  report: Report;
  previous?: Neighbour;
  next?: Neighbour;
}

interface Neighbour {
  /** The neighbouring report in the series. */
  report: Report;
  link: Link<ChapterRef> | Link<SectionRef> | null;
  /** Every unit it was compared with, best first. */
  candidates: Candidate<ChapterRef | SectionRef>[];
}

export interface PlanResult {
  plan: ChapterRef;
  /** The year the plan is for. */
  planYear: number;
  /** The review chapters that carry the plan chapter out, best first, with their scores. */
  result: { chapter: ChapterRef; score: number }[];
  /** The best result's score; 0 when there is none. */
  score: number;
}
