export { outlineJson, outlineTree } from './outlineJson.ts';
export { buildReport, FULL_TEXT } from './report.ts';
export { findIssuer, SPEAKER_TITLE } from './metadata.ts';
export { COMMUNIQUE_CHAPTER } from './markers.ts';
export { hasTraditional, isTraditional, simplified, simplifiedCode } from './traditional.ts';
