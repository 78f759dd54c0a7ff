/**
 * A web page saved as one file (MHTML: `.mhtml`, `.mht`). The page is the message's HTML part
 * (reader/mime.ts), decoded in its own encoding (its <meta>, else its part's charset) and read as a
 * saved page is (formats/html.ts); where it was saved from is its link when the page names none. A
 * page with no article (its article shown in a frame) gives way to the first of its frames that has one.
 */
import { diag } from '../../model/index.ts';
import { decodeBytes, decodeNotes } from '../decode.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { looksLikeMime, type MhtmlPage, mhtmlPages } from '../mime.ts';
import type { BinaryFormatSpec, FormatRead } from '../registry.ts';
import { htmlFormat } from './html.ts';

/** One page read as a saved HTML page, with how it was decoded. */
function readPage(page: MhtmlPage): FormatRead {
  const decoded = decodeBytes(page.html, page.charset);
  const read = htmlFormat.read(decoded.text);
  for (const item of read.items) item.link ??= page.location;
  return { items: read.items, diagnostics: [...decodeNotes(decoded), ...read.diagnostics] };
}

function readMhtml(bytes: Uint8Array): FormatRead {
  const pages = mhtmlPages(bytes);
  if (!pages.length) return { items: [], diagnostics: [diag('error', 'mhtmlNoPage')] };
  const first = readPage(pages[0]);
  if (first.items.length) return first;
  // The saved page has no article: it may be in one of its frames (a CMS that shows the article in an <iframe>).
  for (const frame of pages.slice(1)) {
    const read = readPage(frame);
    if (read.items.length) return read;
  }
  return first;
}

export const mhtmlFormat: BinaryFormatSpec = {
  id: 'mhtml',
  extensions: FORMAT_EXTENSIONS.mhtml,
  sniffBytes: ({ bytes, extension }) => looksLikeMime(bytes, extension),
  readBytes: (bytes) => readMhtml(bytes),
  yearFromFileName: true,
};
