export { buildCompare, type CompareCell, type TextCell } from './compare.ts';
export {
  extractFigures,
  figureLabel,
  figureTable,
  LABEL_THRESHOLD,
  labelSimilarity,
  type PlacedFigure,
  paragraphsFigures,
  reportFigures,
  sameHead,
} from './figures.ts';
export { type Chip, type CompareLabels, ENGLISH_LABELS, escapeHtml, renderCompareHtml, renderCompareParts } from './html.ts';
export { type CompareState, type FromWebview, isState, parseFromWebview, type ToWebview, type YearChoice } from './protocol.ts';
export { tableHeader, tableRowFigures } from './tables.ts';
