export { CodePointIndex, codePointToUtf16, utf16ToCodePoint } from './codepoints.ts';
export { type Anchor, reanchor } from './reanchor.ts';
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
  type MatchGroup,
  matchExcerpt,
  matchesOf,
  matchPlace,
  reportYears,
} from './autotag.ts';
export {
  addTag,
  type Codebook,
  CODEBOOK_PATH,
  CODEBOOK_SCHEMA,
  DEFAULT_CODEBOOK,
  parseCodebook,
  removeTag,
  renameTag,
  serializeCodebook,
  type Tag,
  tagIndex,
  type TagInfo,
  tagInfo,
  tagUsage,
  UNKNOWN_TAG_COLOR,
} from './codebook.ts';
export { AnchorIndex, decorationRanges } from './decorations.ts';
export { CSV_COLUMNS, csvField, toCsv } from './export/csv.ts';
export { EXPORTERS, exporterFor } from './export/exporters.ts';
export { toJsonl } from './export/jsonl.ts';
export { toMarkdown } from './export/markdown.ts';
export { exportRows, type ExportSource, headingsByParagraph } from './export/rows.ts';
export { encodeSidecar, serializeSidecar } from './sidecar/encode.ts';
export { SIDECAR_SCHEMA, SIDECAR_SUFFIX } from './sidecar/format.ts';
export { mergeAnnotations } from './sidecar/merge.ts';
export { parseSidecar } from './sidecar/parse.ts';
export { relativePath, sidecarFolderProblem, sidecarPath } from './sidecar/paths.ts';
export { type FileHost, type FileStat, isNotFound, type LockOwner, writeFileAtomic } from './host.ts';
export { AnnotationStore } from './store.ts';
