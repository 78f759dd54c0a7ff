/**
 * The report model. Everything here is plain data: it never refers to the
 * editor or to Node, so it can be used by the extension, the CLI and tests.
 */
import type { Diagnostic } from './messages.ts';

export type SourceFormat = 'rss' | 'atom' | 'html' | 'text' | 'flattened-feed';

export type PartKind = 'review' | 'plan' | 'other';

/** What a block is in the report body. */
export type BlockRole =
  | 'part' // a part heading: 2018年法治政府建设工作情况
  | 'chapter' // a chapter heading, possibly with its body in the same block
  | 'section' // a section heading, possibly with its body in the same block
  | 'body' // an ordinary paragraph
  | 'closing' // issuer signature and date at the end
  | 'trailing'; // page chrome or licence footer after the report

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

export interface Report {
  id: string;
  title: string;
  issuer: string | null;
  year: number | null;
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
