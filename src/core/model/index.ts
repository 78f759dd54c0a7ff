export { parseDate } from './dates.ts';
export { describe, isObject, jsonPath, parseJson, ShapeErrors } from './json.ts';
export { type Diagnostic, diag, type MessageCode, MESSAGES, type Severity } from './messages.ts';
export { flattenOutline, isReportLike } from './query.ts';
export {
  cleanBlock,
  contentKey,
  detach,
  excerpt,
  firstClause,
  hash32,
  isBlankText,
  isColor,
  hex8,
  leadSentence,
  parenDepth,
  parseNumeral,
  safeTerminalText,
  scanBlock,
  toChineseNumeral,
  trimEdges,
  unspreadLine,
  withoutInjectedSpam,
  withoutTitleMarks,
} from './text.ts';
export type {
  BlockHint,
  BlockRole,
  ImportOptions,
  MetaSource,
  OutlineNode,
  Paragraph,
  PartKind,
  PdfDocumentText,
  PdfPage,
  PdfTextExtractor,
  InflateRaw,
  PdfTextItem,
  RawItem,
  Report,
  ReportHead,
  SourceFormat,
  SourceImport,
} from './types.ts';
export { fail, ok, type Problem, problem, problemText, type Result } from './problem.ts';
