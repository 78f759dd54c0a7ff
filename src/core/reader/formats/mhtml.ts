/**
 * A web page saved as one file (MHTML: `.mhtml`, `.mht`). The page is the message's HTML part
 * (reader/mime.ts), decoded in its own encoding (its <meta>, else its part's charset) and read as a
 * saved page is (formats/html.ts); where it was saved from is its link when the page names none.
 */
import { diag } from '../../model/index.ts';
import { decodeBytes, decodeNotes } from '../decode.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { looksLikeMime, mhtmlPage } from '../mime.ts';
import type { BinaryFormatSpec, FormatRead } from '../registry.ts';
import { htmlFormat } from './html.ts';

function readMhtml(bytes: Uint8Array): FormatRead {
  const page = mhtmlPage(bytes);
  if (!page) return { items: [], diagnostics: [diag('error', 'mhtmlNoPage')] };
  const decoded = decodeBytes(page.html, page.charset);
  const read = htmlFormat.read(decoded.text);
  for (const item of read.items) item.link ??= page.location;
  return { items: read.items, diagnostics: [...decodeNotes(decoded), ...read.diagnostics] };
}

export const mhtmlFormat: BinaryFormatSpec = {
  id: 'mhtml',
  extensions: FORMAT_EXTENSIONS.mhtml,
  sniffBytes: ({ bytes, extension }) => looksLikeMime(bytes, extension),
  readBytes: (bytes) => readMhtml(bytes),
  yearFromFileName: true,
};
