export { type Anchor, bigrams, CodePointIndex, codePointToUtf16, dice, makeTarget, paragraphAt, reanchor, utf16ToCodePoint } from './anchor.ts';
export { type Annotation, type AnnotationTarget, compareAnnotations } from './annotation.ts';
export { applyAutoTag, type AutoTagMatch, findMatches, makeMatcher } from './autotag.ts';
export { addTag, type Codebook, CODEBOOK_PATH, CODEBOOK_SCHEMA, DEFAULT_CODEBOOK, isColor, parseCodebook, removeTag, renameTag, serializeCodebook, type Tag, tagIndex, type TagInfo, tagInfo, tagUsage, UNKNOWN_TAG_COLOR } from './codebook.ts';
export { AnchorIndex, decorationRanges } from './decorations.ts';
export { CSV_COLUMNS, csvField, exportRows, type ExportSource, headingsByParagraph, toCsv, toJsonl, toMarkdown } from './export.ts';
export { encodeSidecar, mergeAnnotations, parseSidecar, relativePath, serializeSidecar, SIDECAR_SCHEMA, SIDECAR_SUFFIX, sidecarPath } from './sidecar.ts';
export { AnnotationStore, type FileHost, isNotFound } from './store.ts';
