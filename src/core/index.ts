export * from './model.ts';
export { importSource, sniffFormat, DEFAULT_MAX_BYTES } from './import.ts';
export { buildReport, FULL_TEXT } from './report.ts';
export { parseDate } from './dates.ts';
export { MESSAGES, diag, format, type MessageCode } from './messages.ts';
export { contentKey, hash32, cleanBlock } from './text.ts';
export { outlineJson, outlineTree, type OutlineJson } from './outlineJson.ts';
export { isReportLike, flattenOutline, reportType, seriesKey, seriesLabel } from './query.ts';
// Annotations (issue #4).
export * from './annotation.ts';
export * from './codebook.ts';
export * from './anchor.ts';
export * from './sidecar.ts';
export * from './store.ts';
export * from './autotag.ts';
export * from './decorations.ts';
export * from './export.ts';
export { parseJson, lineColumn } from './json.ts';
