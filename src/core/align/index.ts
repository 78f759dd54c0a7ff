export { alignCorpus, type Alignment, type AlignOptions, type Candidate, type ChapterRef, counterpart, type CounterpartResult, DEFAULT_ALIGN_OPTIONS, type Direction, type Link, type ParagraphRef, type SectionRef } from './align.ts';
export { assign } from './assign.ts';
export { type AlignJson, alignJson, alignTable } from './json.ts';
export { type PlanResult } from './plan.ts';
export { groupSeries, type Series } from './series.ts';
export { type ChapterUnit, chapterUnits } from './units.ts';
export { cosine, countTerms, Idf } from './vector.ts';
