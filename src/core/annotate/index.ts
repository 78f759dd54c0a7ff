export { CodePointIndex, codePointToUtf16, utf16ToCodePoint } from './codepoints.ts';
export { type Anchor, anchorReasonProblem, reanchor, repeatedBases } from './reanchor.ts';
export { ParagraphIndex } from './paragraphIndex.ts';
export { bigrams, dice } from './similarity.ts';
export { makeTarget, paragraphAt } from './targets.ts';
export { type Annotation, type AnnotationTarget, compareAnnotations } from './annotation.ts';
export {
  applyAutoTag,
  type AutoTagMatch,
  findMatches,
  findMatchesIn,
  groupBySource,
  makeMatcher,
  matchExcerpt,
  matchesOf,
  matchPlace,
  reportYears,
} from './autotag.ts';
export {
  addTag,
  changeTagId,
  type Codebook,
  CODEBOOK_PATH,
  DEFAULT_CODEBOOK,
  describeTag,
  GOVERNMENT_WORK_CODEBOOK,
  moveTag,
  newTagId,
  parseCodebook,
  recolorTag,
  removeTag,
  renameTag,
  retagAnnotation,
  serializeCodebook,
  setTagMemo,
  type Tag,
  tagIndex,
  type TagInfo,
  tagInfo,
  tagUsage,
  UNKNOWN_TAG_COLOR,
} from './codebook.ts';
export { type AutoTagScope, chapterParts, chapterTitles } from './scope.ts';
export { AnchorIndex, decorationRanges } from './decorations.ts';
export { CSV_COLUMNS, csvField, toCsv } from './export/csv.ts';
export { EXPORTERS, exporterFor } from './export/exporters.ts';
export { toJsonl } from './export/jsonl.ts';
export { toMarkdown } from './export/markdown.ts';
export { qdpxParts, toQdpx, zipArchive } from './export/qdpx.ts';
export type { ExportOutput, Workbook } from './export/registry.ts';
export { codeGuid, stableGuid, tagIdOfGuid } from './qdpx/guid.ts';
export { exportRows, type ExportSource, headingsByParagraph } from './export/rows.ts';
export { encodeSidecar, SidecarEncoder, sameBytes, serializeSidecar } from './sidecar/encode.ts';
export { SIDECAR_SUFFIX } from './sidecar/format.ts';
export { mergeAnnotations } from './sidecar/merge.ts';
export { parseSidecar } from './sidecar/parse.ts';
export { coderSidecarPath, relativePath, sidecarFolderProblem, sidecarPath } from './sidecar/paths.ts';
export { type FileHost, type FileStat, isNotFound, type LockOwner, writeFileAtomic } from './host.ts';
export { AnnotationStore } from './store.ts';
export {
  type Agr,
  type AgreementResult,
  type CodedUnit,
  codedUnits,
  cohenKappa,
  computeAgreement,
  disagreements,
  krippendorffAlpha,
  tagsByAgreement,
} from './agreement.ts';
export { collectMemos, memoExcerpt, type Memos, memoPaths } from './memos.ts';
export {
  addCoders,
  coderFileId,
  type CodingMode,
  DEFAULT_PROJECT,
  parseProject,
  parseSidecarName,
  type Project,
  PROJECT_PATH,
  sameCoder,
  serializeProject,
  withCoder,
} from './project.ts';
export { isResolutionRecord, type Resolution, resolveDisagreement } from './resolve.ts';
