export { type ConflictChoice, codeConflicts, planImport } from './plan.ts';
export { readQdpx } from './read.ts';
