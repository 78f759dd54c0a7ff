/**
 * The file extensions of each format, in the order discovery lists them. Light on purpose: the
 * editor reads the list without loading any reader, so its bundle holds none (the readers run in
 * the import worker). Each format's spec takes its `extensions` from here (formats/*.ts); a new
 * format adds its line here and its spec to FORMATS (formats.ts).
 */
import type { SourceFormat } from '../model/index.ts';

export const FORMAT_EXTENSIONS: Readonly<Record<SourceFormat, readonly string[]>> = {
  rss: ['xml', 'rss'],
  atom: ['atom'],
  html: ['html', 'htm'],
  mhtml: ['mhtml', 'mht'],
  'flattened-feed': [],
  text: ['txt'],
  docx: ['docx'],
  doc: ['doc'],
  rtf: ['rtf'],
  pdf: ['pdf'],
};

/** Every extension a report source can have, for discovery globs, folder walks and file dialogs. */
export const SOURCE_EXTENSIONS: readonly string[] = [...new Set(Object.values(FORMAT_EXTENSIONS).flat())];

/** The discovery glob for the extensions above: `**\/*.{xml,rss,…}`. */
export const SOURCE_GLOB = `**/*.{${SOURCE_EXTENSIONS.join(',')}}`;
