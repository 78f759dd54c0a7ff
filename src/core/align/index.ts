export { alignCorpus } from './align.ts';
export { counterpart } from './counterpart.ts';
export { assign } from './assign.ts';
export { alignJson, alignTable } from './json.ts';
export type { Alignment, AlignOptions, ChapterRef, Direction, SectionRef } from './types.ts';
export { type ChapterUnit, chapterUnits, partAsChapter, type SectionUnit } from './units.ts';
export { cosine, countTerms, Idf } from './vector.ts';
