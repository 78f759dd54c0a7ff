export {
  type RegexEngine,
  type SearchResult,
  type SearchSource,
  searchJson,
  searchReports,
} from './search.ts';
