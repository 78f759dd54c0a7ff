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
/** An HTML comment a scraper left in the text (`<!-- -->`): never report text. */
const HTML_COMMENT = /<!--[\s\S]*?-->/g;

/** Scraped text without what its tools left in it: R's code points as their characters, HTML comments gone. */
function withoutScrapeMarks(text: string): string {
  let out = text;
  if (out.includes('<U+'))
    out = out.replace(R_ESCAPE, (m, hex: string) => (Number.parseInt(hex, 16) <= 0x10ffff ? String.fromCodePoint(Number.parseInt(hex, 16)) : m));
  if (out.includes('<!--')) out = out.replace(HTML_COMMENT, '');
  return out;
}

export const plainTextFormat: SourceFormatSpec = {
  id: 'text',
  extensions: FORMAT_EXTENSIONS.text,
  sniff: () => true,
  read: (text) => ({ items: [linesToItem(fromMarkdown(textLines(withoutScrapeMarks(text))), { joinWrapped: true })], diagnostics: [] }),
  yearFromFileName: true,
};
