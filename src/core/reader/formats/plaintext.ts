/**
 * Plain text: one report per file. The page chrome of scraped web text is removed, the first line
 * is the title when it reads as one, and paragraphs are lines, or blank-line separated blocks whose
 * broken lines are joined back (lines.ts). Markdown reads as the text it marks up (markdown.ts).
 */
import type { SourceFormatSpec } from '../registry.ts';
import { linesToItem, textLines } from '../lines.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { fromMarkdown } from '../markdown.ts';

export const plainTextFormat: SourceFormatSpec = {
  id: 'text',
  extensions: FORMAT_EXTENSIONS.text,
  sniff: () => true,
  read: (text) => ({ items: [linesToItem(fromMarkdown(textLines(text)), { joinWrapped: true })], diagnostics: [] }),
  yearFromFileName: true,
};
