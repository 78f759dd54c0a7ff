/**
 * A traditional text's simplified copy for reading its metadata (metadata.ts): the curated table of traditional.ts, then
 * every character OpenCC gives one simplified character for that simplified text never uses (traditionalNames.ts), so that
 * a place with a rarer character (驛城區, 鳳陽縣, 灤州市) has the issuer of its simplified copies and falls into their series.
 * Only the metadata reads it: the figures and the alignment fold with traditional.ts alone, which the extension's own
 * bundle carries (this table is in the import worker's and the CLI's).
 */
import { simplified } from './traditional.ts';
import { NAME_PAIRS } from './traditionalNames.ts';

let fold: Uint16Array | null = null;

/** The code unit → its simplified one (0: none). */
function foldTable(): Uint16Array {
  if (fold) return fold;
  const t = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < NAME_PAIRS.length; i += 2) t[NAME_PAIRS.charCodeAt(i)] = NAME_PAIRS.charCodeAt(i + 1);
  fold = t;
  return t;
}

/** The text with its traditional characters simplified, the curated table's and OpenCC's. */
export function simplifiedNames(text: string): string {
  const s = simplified(text);
  const t = foldTable();
  let i = 0;
  while (i < s.length && !t[s.charCodeAt(i)]) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += t[c] ? String.fromCharCode(t[c]) : s[i];
  }
  return out;
}
