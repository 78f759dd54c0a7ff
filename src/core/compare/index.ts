export { buildCompare, type CompareCell, type CompareModel, type CompareOptions, type CompareResult, type CompareRow, type TextCell } from './compare.ts';
export { extractFigures, type Figure, type FigureCell, figureLabel, type FigureRow, type FigureTable, figureTable, LABEL_THRESHOLD, labelSimilarity, type PlacedFigure, sameHead } from './figures.ts';
export { type Chip, type CompareLabels, ENGLISH_LABELS, escapeHtml, renderCompareHtml, type RenderOptions } from './html.ts';
export { type CompareState, type FromWebview, isState, parseFromWebview, type ToWebview, type YearChoice } from './protocol.ts';
