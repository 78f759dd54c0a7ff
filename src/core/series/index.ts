export {
  CORPUS_PATH,
  type CorpusFile,
  corpusBase,
  emptyCorpusFile,
  mergeCorpusFiles,
  parseCorpusFile,
  serializeCorpusFile,
  withCopyChoice,
  withCounterpart,
  withReportCorrection,
  withSeriesMerge,
} from './corrections.ts';
export { chapterKind } from './chapterKind.ts';
export { contentHash, lightReport, reportHead, restoreHead, type SourcedReport, storeHead } from './duplicates.ts';
export { type Grouping, groupSeries, type Series, type SeriesProblem, seriesKey, seriesLabel } from './group.ts';
export { patchGrouping } from './patch.ts';
export {
  centralOrgan,
  containedIn,
  DELIVERED_AT,
  fillLevel,
  GOVERNMENT_WORK_REPORT,
  INFO_DISCLOSURE,
  RULE_OF_LAW,
  STATISTICS,
  type IssuerName,
  issuerText,
  NAMES_A_TYPE,
  parseIssuer,
  plainDigits,
  reviewsPastYear,
  sameIssuer,
  typeOfTitle,
  type Unit,
  ZONE_AND_DISTRICT,
} from './names.ts';
