export {
  changesCsv,
  chartCsv,
  figureRow,
  parseTerms,
  risingFalling,
  tagCounts,
  termCounts,
  type TrendChart,
  trendYears,
  words,
  type YearChange,
  type YearText,
} from './trends.ts';
export {
  isTrendsState,
  parseTrendsMessage,
  type TrendsFromWebview,
  type TrendsLabels,
  type TrendsState,
  type TrendsToWebview,
} from './protocol.ts';
