export { alignCorpus, counterpart, type CounterpartResult } from './align.ts';
export { assign } from './assign.ts';
export { type AlignJson, alignJson, alignTable } from './json.ts';
export { groupSeries, type Series } from './series.ts';
export { type Alignment, type AlignOptions, type Candidate, type ChapterRef, DEFAULT_ALIGN_OPTIONS, type Direction, type Link, type ParagraphRef, type PlanResult, type SectionRef } from './types.ts';
export { type ChapterUnit, chapterUnits } from './units.ts';
export { cosine, countTerms, Idf } from './vector.ts';
