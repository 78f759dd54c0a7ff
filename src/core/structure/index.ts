export { outlineJson, outlineTree } from './outlineJson.ts';
export { buildReport, findIssuer, FULL_TEXT } from './report.ts';
