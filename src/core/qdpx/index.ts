export { type ConflictChoice, codeConflicts, memoWrites, planImport } from './plan.ts';
export { readQdpx } from './read.ts';
