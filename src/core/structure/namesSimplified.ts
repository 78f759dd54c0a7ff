/**
 * A traditional text's simplified copy for reading its metadata (metadata.ts): the curated table of traditional.ts, then
 * every character OpenCC gives one simplified character for that simplified text never uses (traditionalNames.ts), so that
 * a place with a rarer character (驛城區, 鳳陽縣, 灤州市) has the issuer of its simplified copies and falls into their series.
 * Only the metadata reads it: the figures and the alignment fold with traditional.ts alone, which the extension's own
 * bundle carries (this table is in the import worker's and the CLI's).
 */
import { simplifiedCode } from './traditional.ts';
import { NAME_PAIRS } from './traditionalNames.ts';

let fold: Uint16Array | null = null;

/** The code unit → its simplified one by OpenCC's table (0: none). */
function foldTable(): Uint16Array {
  if (fold) return fold;
  const t = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < NAME_PAIRS.length; i += 2) t[NAME_PAIRS.charCodeAt(i)] = NAME_PAIRS.charCodeAt(i + 1);
  fold = t;
  return t;
}

/** The text with its traditional characters simplified, by the curated table (simplifiedCode) and OpenCC's, in one pass. */
export function simplifiedNames(text: string): string {
  const t = foldTable();
  const simple = (c: number) => t[c] || simplifiedCode(c);
  let i = 0;
  while (i < text.length && simple(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) out += String.fromCharCode(simple(text.charCodeAt(i)));
  return out;
}
