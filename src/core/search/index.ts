export {
  type RegexEngine,
  type SearchHit,
  type SearchResult,
  type SearchSource,
  type SeriesGroup,
  searchJson,
  searchHeads,
  searchReports,
} from './search.ts';
