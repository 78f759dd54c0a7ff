/**
 * Plain text: one report per file. The page chrome of scraped web text is removed, the first line
 * is the title when it reads as one, and paragraphs are lines, or blank-line separated blocks whose
 * broken lines are joined back (lines.ts). Markdown reads as the text it marks up (markdown.ts).
 */
import type { SourceFormatSpec } from '../registry.ts';
import { linesToItem, textLines } from '../lines.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { fromMarkdown } from '../markdown.ts';

/** A character that R wrote as its code point (`<U+00A0>`: R on Windows, writing text it could not encode). */
const R_ESCAPE = /<U\+([0-9A-Fa-f]{4,6})>/g;

/** The text without its HTML comments (`<!-- -->`, a scraper's: never report text); an unclosed one stays. Linear: each is searched for once. */
function withoutComments(text: string): string {
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    parts.push(text.slice(at, open));
    at = close + 3;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Scraped text without what its tools left in it: R's code points as their characters, HTML comments gone. */
function withoutScrapeMarks(text: string): string {
  let out = text;
  if (out.includes('<U+'))
    out = out.replace(R_ESCAPE, (m, hex: string) => (Number.parseInt(hex, 16) <= 0x10ffff ? String.fromCodePoint(Number.parseInt(hex, 16)) : m));
  if (out.includes('<!--')) out = withoutComments(out);
  return out;
}

export const plainTextFormat: SourceFormatSpec = {
  id: 'text',
  extensions: FORMAT_EXTENSIONS.text,
  sniff: () => true,
  read: (text) => ({ items: [linesToItem(fromMarkdown(textLines(withoutScrapeMarks(text))), { joinWrapped: true })], diagnostics: [] }),
  yearFromFileName: true,
};
