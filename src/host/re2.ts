/**
 * The regular expression engine of search: RE2JS, the JavaScript port of RE2, which matches in time
 * linear in the text whatever the pattern (no catastrophic backtracking: `(a+)+$` on a long run of
 * a's is as quick as any other pattern), so a user's pattern can never hang a search. Its syntax is
 * RE2's: no backreferences and no lookaround, which a pattern is told about when it uses them.
 * A bundle of its own (dist/re2.mjs), loaded only when a regular expression is searched.
 */
import { RE2JS } from 're2js';
import type { RegexEngine } from '../core/index.ts';

export function createRegexEngine(): RegexEngine {
  return {
    compile(pattern, ignoreCase) {
      let re: RE2JS;
      try {
        re = RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
      } catch (e) {
        return { ok: false, error: ((e as Error).message || String(e)).replace(/^error parsing regexp: /, '') };
      }
      return {
        ok: true,
        *find(text: string) {
          const m = re.matcher(text);
          while (m.find()) if (m.end() > m.start()) yield [m.start(), m.end()] as const;
        },
      };
    },
  };
}
