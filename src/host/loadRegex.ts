/**
 * Loads the regular expression engine only when a regular expression is searched. From the sources
 * (tests, the bench) this is re2.ts itself; in the bundles the build maps that import to
 * dist/re2.mjs, a bundle of its own, so the extension's bundle stays small.
 */
import type { RegexEngine } from '../core/index.ts';

let loaded: Promise<RegexEngine> | null = null;

export function loadRegexEngine(): Promise<RegexEngine> {
  loaded ??= import('./re2.ts').then((m) => m.createRegexEngine());
  return loaded;
}
