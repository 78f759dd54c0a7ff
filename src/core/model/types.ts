/**
 * The report model. Everything here is plain data: it never refers to the
 * editor or to Node, so it can be used by the extension, the CLI and tests.
 */
import type { Diagnostic } from './messages.ts';
import type { Result } from './problem.ts';

export type SourceFormat = 'rss' | 'atom' | 'html' | 'mhtml' | 'text' | 'flattened-feed' | 'docx' | 'doc' | 'rtf' | 'pdf';

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

/** A report without its text and paragraphs: what the extension's Corpus keeps of every report. */
export type ReportHead = Omit<Report, 'text' | 'paragraphs'>;

export interface SourceImport {
  /** The name the source was opened under (a path or a URI string). */
  source: string;
  format: SourceFormat;
  /** Problems with the source as a whole. */
  diagnostics: Diagnostic[];
  reports: Report[];
}

export interface ImportOptions {
  /** Refuse sources larger than this many bytes. Default 50 MB. Also the limit on what a Word file may unpack to. */
  maxBytes?: number;
  /**
   * Reads the text layer of a PDF (the host's, e.g. over pdfjs-dist). Only importSourceAsync uses
   * it; without one, a PDF gets a clear problem instead of a report.
   */
  pdfText?: PdfTextExtractor;
  /**
   * The host's raw-deflate decoder (Node: zlib's inflateRawSync), for the parts of a Word file. It
   * must stop at `maxOutput` bytes (a zip bomb). Without one, the core's own (fflate) is used.
   */
  inflateRaw?: InflateRaw;
}

/** Raw deflate in, at most `maxOutput` bytes out; throws on a broken stream or a longer output. */
export type InflateRaw = (data: Uint8Array, maxOutput: number) => Uint8Array;

/** One run of text on a PDF page, in PDF user space (points, y up from the bottom of the page). */
export interface PdfTextItem {
  str: string;
  /** Left edge and baseline of the run. */
  x: number;
  y: number;
  /** Advance width of the run (0 when the PDF does not say). */
  width: number;
  /** Font size (the height of the text). */
  fontSize: number;
  /** The PDF's font name for the run, when known: a change of font may start a heading. */
  font?: string;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** What a PDF host gives back: the pages with their text runs, or a problem (encrypted, damaged, timed out). */
export interface PdfDocumentText {
  pages: PdfPage[];
  /** The document information dictionary's title and creation date (D:YYYYMMDD… as written), when present. */
  title?: string;
  created?: string;
}

/** The host's PDF text extraction: bytes in, pages of positioned text runs out. */
export type PdfTextExtractor = (bytes: Uint8Array) => Promise<Result<PdfDocumentText>>;

/** A report as it comes out of a source format, before structure is parsed. */
export interface RawItem {
  title: string | null;
  link: string | null;
  date: string | null;
  /** The body as blocks of text, in reading order. buildReport cleans them and drops empty ones. */
  blocks: string[];
  /** Problems found while extracting this item. */
  diagnostics: Diagnostic[];
  /*
   * Optional, additive fields: a format sets them where its source has them; structure decides
   * what to make of them (the text's own title and date win over the fallbacks).
   */
  /** The title in the file's properties (Word's docProps/core.xml, a PDF's Info dictionary): a fallback only. */
  propsTitle?: string;
  /**
   * The whole line the title was read from, when the title is a part of it (a browser's title, …报告_某某网): kept as
   * the text's first line instead of the title when structure decides the title is none (no word of the text is lost).
   */
  titleLine?: string;
  /**
   * The date in 年月日 written after the title on its line and cut from it (全椒县人民政府工作报告(2021年12月26日)): a work
   * report's session, which dates its year by the session rule as a date in the title does.
   */
  titleDate?: string;
  /** The creation date in the file's properties (ISO 8601 when it parses): a fallback only. */
  propsDate?: string;
  /** The value of the page's 来源： line (the chrome reader removed the line from the body). */
  sourceLine?: string;
  /** The value of a disclosure page's 工作机构名称： field: the body whose report it is (removed from the body as chrome). */
  officeLine?: string;
  /** The value of the page's 时间：/发布时间： line, or a bare date line in the page chrome. */
  dateLine?: string;
  /** The value of an 作者：/责任编辑：/编辑： line. */
  authorLine?: string;
  /**
   * Hints for the structure, parallel to `blocks` (same index; buildReport drops empty blocks, so
   * formats that set hints give no empty blocks). Never decisive: most real files have none.
   */
  hints?: (BlockHint | undefined)[];
}

/** What a source says about one block beyond its text. */
export interface BlockHint {
  /** A table row (cells joined by a tab): never a heading. */
  table?: boolean;
  /** Every run of text in the paragraph is bold. */
  bold?: boolean;
  /** A heading style's outline level (0 = Heading 1), from the Word style. */
  outlineLevel?: number;
}
