/**
 * The report model. Everything here is plain data: it never refers to the
 * editor or to Node, so it can be used by the extension, the CLI and tests.
 */
import type { Diagnostic } from './messages.ts';

export type SourceFormat = 'rss' | 'atom' | 'html' | 'text' | 'flattened-feed';

/** A part's kind: the review (工作情况), the plan (工作计划), an appendix at the end (附件, 名词解释, 注释), or other. */
export type PartKind = 'review' | 'plan' | 'other' | 'appendix';

/** What a block is in the report body. */
export type BlockRole =
  | 'part' // a part heading: 2018年法治政府建设工作情况
  | 'chapter' // a chapter heading, possibly with its body in the same block
  | 'section' // a section heading, possibly with its body in the same block
  | 'body' // an ordinary paragraph
  | 'closing' // issuer signature and date at the end
  | 'trailing'; // page chrome before the title or after the report, licence footer, related links

export interface Paragraph {
  /** Content-derived id: `p` + 8 hex digits of the normalized text's hash, plus `.n` for the n-th repeat. */
  id: string;
  /** Index among the report's paragraphs. */
  index: number;
  role: BlockRole;
  text: string;
  /** 0-based line in the report document. */
  line: number;
  /** UTF-16 offsets of the paragraph in the report document. */
  start: number;
  end: number;
}

export interface OutlineNode {
  kind: 'part' | 'chapter' | 'section';
  /** Parts only. */
  partKind?: PartKind;
  number: number | null;
  /** The marker as printed (一、, (二), 第三章), or null when none was printed. */
  label: string | null;
  /** True when the parser repaired or inferred this heading. */
  inferred: boolean;
  /** The heading without its label. */
  title: string;
  /** 0-based line of the heading in the report document. */
  line: number;
  /** UTF-16 offsets of the heading text (label + title) in the document. */
  start: number;
  end: number;
  /** Last line (inclusive) that belongs to this node, for folding and ranges. */
  endLine: number;
  /** Index of the heading's paragraph. */
  paragraph: number;
  children: OutlineNode[];
}

/** Where a report's title, issuer, year or type came from. */
export type MetaSource =
  | 'text' // the report's own text (title line, session or speaker line, address, headings)
  | 'fileName' // the file name, as a last resort (a diagnostic says so)
  | 'correction' // the analyst's correction in .annals/corpus.json
  | 'none';

interface ReportMeta {
  from: { title: MetaSource; issuer: MetaSource; year: MetaSource; type: MetaSource };
  /** The issuer as the text writes it, each form once, in reading order (四川省政府, 省人民政府). */
  issuerVariants: string[];
  /** The values read from the text before any correction, for showing what a correction replaced. */
  extracted: { title: string; issuer: string | null; year: number | null; type: string | null };
}

export interface Report {
  id: string;
  title: string;
  /** The issuer, normalised (四川省人民政府, 淮安市洪泽区人民政府, 国务院); meta.issuerVariants has it as written. */
  issuer: string | null;
  /** The year the report covers, by the rule of its type (docs/series.md). */
  year: number | null;
  /** The report type, normalised (政府工作报告, 法治政府建设工作报告, …), or null when nothing names one. */
  type: string | null;
  meta: ReportMeta;
  link: string | null;
  /** ISO-8601, or null when absent or invalid. */
  published: string | null;
  /** The full text of the read-only report document. */
  text: string;
  paragraphs: Paragraph[];
  outline: OutlineNode[];
  diagnostics: Diagnostic[];
}

export interface SourceImport {
  /** The name the source was opened under (a path or a URI string). */
  source: string;
  format: SourceFormat;
  /** Problems with the source as a whole. */
  diagnostics: Diagnostic[];
  reports: Report[];
}

export interface ImportOptions {
  /** Refuse sources larger than this many bytes. Default 50 MB. */
  maxBytes?: number;
}

/** A report as it comes out of a source format, before structure is parsed. */
export interface RawItem {
  title: string | null;
  link: string | null;
  date: string | null;
  /** The body as blocks of text, in reading order. buildReport cleans them and drops empty ones. */
  blocks: string[];
  /** Problems found while extracting this item. */
  diagnostics: Diagnostic[];
}
