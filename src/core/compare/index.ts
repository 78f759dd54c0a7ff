import { buildCompareWith, type CompareOptions, type CompareResult } from './compare.ts';
import { findFigures, templateFigures } from './figures.ts';
import type { Alignment } from '../align/index.ts';
import type { OutlineNode, Report } from '../model/index.ts';

export { buildCompareWith, type CompareCell, type CompareOptions, type TextCell } from './compare.ts';
export { extractFigures, figureLabel, findFigures, paragraphsFigures, reportFigures, templateFigures } from './figures.ts';
export { figureTable, LABEL_THRESHOLD, labelSimilarity, type PlacedFigure, sameHead } from './figureTable.ts';

/** Compare with the core's figure reader (the CLI's and the tests'; the extension gives the reader it loads: buildCompareWith). */
export function buildCompare(alignment: Alignment, report: Report, node: OutlineNode, options: CompareOptions = {}): CompareResult {
  return buildCompareWith(alignment, report, node, { figures: findFigures, tableFigures: templateFigures, ...options });
}
export { type Chip, type CompareLabels, ENGLISH_LABELS, escapeHtml, renderCompareHtml, renderCompareParts } from './html.ts';
export { type CompareState, type FromWebview, isState, parseFromWebview, type ToWebview, type YearChoice } from './protocol.ts';
export { tableHeader, tableRowFigures } from './tables.ts';
