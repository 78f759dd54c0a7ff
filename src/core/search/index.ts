export {
  type RegexEngine,
  type SearchHit,
  type SearchResult,
  type SearchSource,
  type SeriesGroup,
  searchJson,
  searchReports,
} from './search.ts';
