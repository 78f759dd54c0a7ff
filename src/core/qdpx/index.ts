export { type ConflictChoice, codeConflicts, memoWrites, planImport } from './plan.ts';
export { type QdpxProject, readQdpx } from './read.ts';
