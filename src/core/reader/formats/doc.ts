/**
 * Old binary Word files (.doc, Word 97–2003 and what WPS and LibreOffice save as such), still how
 * many government sites publish their reports. The container is an OLE compound file, read with
 * SheetJS's `cfb` (the format of zip's place here: a library does it better than code of ours).
 * The text is found as Word itself finds it ([MS-DOC] 2.4.1): the FIB at the start of the
 * WordDocument stream names the table stream and where its piece table (Clx) is; each piece is a
 * run of character positions stored as UTF-16LE or as 8-bit cp1252 text. Only the main document is
 * read (ccpText characters): headers, footers and footnotes come after it.
 *
 * Then, character by character: a paragraph ends at \r (one in a table's cell, as its properties in the
 * PlcBtePapx say, stays in its cell); a table cell ends at \x07 and a row at a
 * second \x07 right after its last cell, once it has as many cells as the table's first row (a row
 * becomes one line, its cells joined by a tab, as the .docx reader joins them); a field keeps its result, not its code (\x13 code \x14 result \x15);
 * pictures and drawn objects (\x01, \x08) and other control characters go.
 */
import * as CFB from 'cfb';
import { type BlockHint, type Diagnostic, diag, type RawItem } from '../../model/index.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { linesToItem } from '../lines.ts';
import { occursWithin, WordLines } from './wordLines.ts';
import { isEncryptedPackage, isOle } from '../ole.ts';
import type { BinaryFormatSpec, FormatRead } from '../registry.ts';

/** nFib of Word 97 and later; earlier Word (6, 95) stores its text otherwise. */
const WORD_97 = 0x00c1;

class DocError extends Error {}

const u16 = (b: Uint8Array, at: number) => {
  if (at < 0 || at + 2 > b.length) throw new DocError('a field lies outside its stream');
  return b[at] | (b[at + 1] << 8);
};
const u32 = (b: Uint8Array, at: number) => {
  if (at < 0 || at + 4 > b.length) throw new DocError('a field lies outside its stream');
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
};

function stream(container: CFB.CFB$Container, name: string): Uint8Array | null {
  const entry = CFB.find(container, name);
  if (!entry?.content) return null;
  const c = entry.content as ArrayLike<number>;
  return c instanceof Uint8Array ? c : Uint8Array.from(c);
}

const cp1252 = new TextDecoder('windows-1252');
const utf16le = new TextDecoder('utf-16le');

/** A run of character positions and where its characters are stored (a byte offset in the WordDocument stream). */
interface PieceAt {
  cp0: number;
  cp1: number;
  /** The byte offset of character cp0. */
  fc: number;
  compressed: boolean;
}

/** The main document's characters, from the piece table, and where each piece is stored. */
function mainText(word: Uint8Array, table: Uint8Array, fcClx: number, lcbClx: number, ccpText: number, maxChars: number): { text: string; pieces: PieceAt[] } {
  if (lcbClx === 0 || fcClx + lcbClx > table.length) throw new DocError('its piece table is missing');
  // Skip the Prc entries (formatting) to the Pcdt (the piece table).
  let at = fcClx;
  const end = fcClx + lcbClx;
  while (at < end && table[at] === 0x01) at += 3 + u16(table, at + 1);
  if (table[at] !== 0x02) throw new DocError('its piece table is not where the file says');
  const lcb = u32(table, at + 1);
  const plc = at + 5;
  if (lcb < 4 || plc + lcb > table.length || (lcb - 4) % 12 !== 0) throw new DocError('its piece table has a wrong size');
  const n = (lcb - 4) / 12;
  const want = Math.min(ccpText, maxChars);
  const parts: string[] = [];
  const pieces: PieceAt[] = [];
  let have = 0;
  for (let k = 0; k < n && have < want; k++) {
    const cp0 = u32(table, plc + k * 4);
    const cp1 = u32(table, plc + (k + 1) * 4);
    if (cp1 <= cp0) continue;
    const len = Math.min(cp1 - cp0, want - have);
    const raw = u32(table, plc + (n + 1) * 4 + k * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = raw & 0x3fffffff;
    const from = compressed ? fc / 2 : fc;
    const bytes = compressed ? len : 2 * len;
    if (from + bytes > word.length) throw new DocError('a piece of its text lies outside the document');
    parts.push((compressed ? cp1252 : utf16le).decode(word.subarray(from, from + bytes)));
    pieces.push({ cp0: have, cp1: have + len, fc: from, compressed });
    have += len;
  }
  return { text: parts.join(''), pieces };
}

/** sprmPFInTable and sprmPItap: a paragraph in a table (a cell's), and its table depth. */
const SPRM_IN_TABLE = 0x2416;
const SPRM_ITAP = 0x6649;

/**
 * Which paragraphs are in a table, from their properties ([MS-DOC] 2.8.6 PlcBtePapx, 2.9.175 PapxFkp): the
 * paragraph that a \r at a character position ends, true when it lies in a cell (a cell's paragraph of several,
 * `发电量` / `自来水生产产量`, not the paragraph after the table). Null when the file gives no properties to read:
 * the characters alone decide then.
 */
function inTableParagraphs(word: Uint8Array, table: Uint8Array, fcPlc: number, lcbPlc: number, pieces: PieceAt[]): ((cp: number) => boolean) | null {
  if (lcbPlc < 12 || (lcbPlc - 4) % 8 !== 0 || fcPlc + lcbPlc > table.length) return null;
  const n = (lcbPlc - 4) / 8;
  // The paragraphs' byte ranges [start, end) and whether each is in a table, sorted by start.
  const starts: number[] = [];
  const ends: number[] = [];
  const inTable: boolean[] = [];
  // Each page once (a hostile table may name one page millions of times), and no more paragraphs than characters.
  const seen = new Set<number>();
  const most = pieces.length ? pieces[pieces.length - 1].cp1 + 1 : 0;
  for (let k = 0; k < n; k++) {
    const pn = u32(table, fcPlc + (n + 1) * 4 + k * 4) & 0x3fffff;
    if (seen.has(pn)) continue;
    seen.add(pn);
    const page = pn * 512;
    if (page + 512 > word.length) return null;
    if (starts.length > most) return null;
    const crun = word[page + 511];
    if ((crun + 1) * 4 + crun * 13 > 511) return null;
    for (let i = 0; i < crun; i++) {
      const bOffset = word[page + (crun + 1) * 4 + i * 13];
      starts.push(u32(word, page + i * 4));
      ends.push(u32(word, page + (i + 1) * 4));
      inTable.push(bOffset !== 0 && papxInTable(word, page + bOffset * 2, page + 511));
    }
  }
  if (!starts.length) return null;
  const order = starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b]);
  const fcOf = (cp: number): number | null => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = pieces[mid];
      if (cp < p.cp0) hi = mid - 1;
      else if (cp >= p.cp1) lo = mid + 1;
      else return p.fc + (cp - p.cp0) * (p.compressed ? 1 : 2);
    }
    return null;
  };
  return (cp) => {
    const fc = fcOf(cp);
    if (fc === null) return false;
    // The last paragraph that starts at or before fc.
    let lo = 0;
    let hi = order.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[order[mid]] <= fc) {
        found = order[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && fc < ends[found] && inTable[found];
  };
}

/** Whether a PapxInFkp at `at` (within its page, before `limit`) sets sprmPFInTable or a table depth. */
function papxInTable(word: Uint8Array, at: number, limit: number): boolean {
  if (at >= limit) return false;
  let cb = word[at];
  let start = at + 1;
  let size = 2 * cb - 1;
  if (cb === 0) {
    cb = word[at + 1];
    start = at + 2;
    size = 2 * cb;
  }
  const end = Math.min(start + size, limit);
  // The style (istd, 2 bytes), then the sprms.
  let i = start + 2;
  while (i + 2 <= end) {
    const sprm = word[i] | (word[i + 1] << 8);
    i += 2;
    const spra = sprm >> 13;
    let len: number;
    if (spra === 0 || spra === 1) len = 1;
    else if (spra === 2 || spra === 4 || spra === 5) len = 2;
    else if (spra === 3) len = 4;
    else if (spra === 7) len = 3;
    else if (sprm === 0xd608) {
      // sprmTDefTable (a nested table's row end carries it): its size in two bytes, itself counted in one of them.
      if (i + 2 > end) return false;
      len = 1 + (word[i] | (word[i + 1] << 8));
    } else {
      // Variable: its size in the first byte; sprmPChgTabs' 255 says its size otherwise: read no further (the characters decide).
      if (i >= end || (sprm === 0xc615 && word[i] === 255)) return false;
      len = 1 + word[i];
    }
    if (i + len > end) return false;
    if (sprm === SPRM_IN_TABLE && word[i] !== 0) return true;
    if (sprm === SPRM_ITAP && (word[i] | (word[i + 1] << 8)) > 0) return true;
    i += len;
  }
  return false;
}

/** Whether the characters from `from` run to a paragraph mark before any cell mark: a paragraph outside the table. */
function paragraphFollows(text: string, from: number): boolean {
  for (let i = from; i < text.length && i < from + 4096; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d || c === 0x0c) return true;
    if (c === 0x07) return false;
  }
  return true;
}

/** Paragraphs (and table rows, as one line each with a hint) from Word's characters. */
function linesOf(text: string, inTable: ((cp: number) => boolean) | null = null): { lines: string[]; hints: (BlockHint | undefined)[] } {
  const out = new WordLines();
  /** The last character ended a cell: a \x07 right after it ends the row, or is an empty cell. */
  let cellEnded = false;
  /**
   * The cells of the table's first row (0 before it ends): a later row ends at its \x07 \x07 only
   * once it has as many, so an empty last cell (11588 \x07 \x07 \x07) is a cell, not the row's end.
   */
  let columns = 0;
  const cellMarkWithin = occursWithin(text, '\x07');
  /** Field nesting: for each open field, whether its result has begun (\x14). Text shows only in the results of all. */
  const fields: boolean[] = [];
  /** How many open fields are still in their code: a count, not a search of `fields` for each character. */
  let inCode = 0;
  let at = -1;
  for (const ch of text) {
    at += ch.length;
    const c = ch.charCodeAt(0);
    if (c === 0x13) {
      fields.push(false);
      inCode++;
      continue;
    }
    if (c === 0x14) {
      if (fields.length && !fields[fields.length - 1]) {
        fields[fields.length - 1] = true;
        inCode--;
      }
      continue;
    }
    if (c === 0x15) {
      if (fields.length && !fields.pop()) inCode--;
      continue;
    }
    if (inCode > 0) continue;
    if (c === 0x07) {
      // A second mark right after a cell ends the row when the row has all its cells, or when a
      // paragraph follows it (a last row of fewer, merged cells: 合计 \x07 \x07 then the text); else
      // it is an empty cell.
      if (cellEnded && out.cur === '' && (out.cells.length >= columns || paragraphFollows(text, at + 1))) {
        if (!columns) columns = out.cells.length;
        out.row();
        cellEnded = false;
      } else {
        out.cell();
        cellEnded = true;
      }
      continue;
    }
    if (c === 0x0d || c === 0x0c) {
      // A paragraph of a cell, by its properties (a cell's first of several: `发电量` / `自来水生产产量`): the cell goes on.
      // (Only when a cell mark follows within 4096 characters: properties that put a document in a table with no
      // cell would run it all into one paragraph.)
      if (c === 0x0d && inTable && cellMarkWithin(at, 4096) && inTable(at)) out.cellParagraph();
      // A paragraph outside any row ends the table.
      else if (out.paragraph()) columns = 0;
      cellEnded = false;
      continue;
    }
    cellEnded = false;
    if (c === 0x0b) out.cur += out.cells.length ? ' ' : '\n';
    else if (c === 0x09) out.cur += '\t';
    else if (c === 0x1e) out.cur += '-';
    else if (c >= 0x20) out.cur += ch;
    // Else a picture, a drawn object, a footnote or comment mark, an optional hyphen: nothing.
  }
  return out.finish();
}

function readDoc(bytes: Uint8Array, maxBytes: number): FormatRead {
  const problem = (d: Diagnostic): FormatRead => ({ items: [], diagnostics: [d] });
  if (isEncryptedPackage(bytes)) return problem(diag('error', 'docxEncrypted'));
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch (e) {
    return problem(diag('error', 'docBroken', [e instanceof Error ? e.message : String(e)]));
  }
  try {
    // The root's streams: an embedded Word object has its own WordDocument deeper down.
    const word = stream(container, '/WordDocument');
    // An OLE file with no Word document: an old Excel or PowerPoint file.
    if (!word) return problem(diag('error', 'oleNotWord'));
    if (u16(word, 0) !== 0xa5ec) throw new DocError('its Word header is not there');
    const nFib = u16(word, 2);
    const flags = u16(word, 0x0a);
    if (flags & 0x0100) return problem(diag('error', 'docxEncrypted'));
    if (nFib < WORD_97) return problem(diag('error', 'docUnsupported'));
    const table = stream(container, flags & 0x0200 ? '/1Table' : '/0Table');
    if (!table) throw new DocError('its table stream is missing');
    // FibBase (32 bytes), then the counted arrays: fibRgW, fibRgLw (ccpText is its fourth), fibRgFcLcb (Clx is its 34th pair).
    const csw = u16(word, 32);
    const lw = 34 + csw * 2;
    const cslw = u16(word, lw);
    const ccpText = u32(word, lw + 2 + 3 * 4);
    const fcLcb = lw + 2 + cslw * 4;
    const cbRgFcLcb = u16(word, fcLcb);
    if (cbRgFcLcb < 34) throw new DocError('its header is too short');
    const fcClx = u32(word, fcLcb + 2 + 33 * 8);
    const lcbClx = u32(word, fcLcb + 2 + 33 * 8 + 4);
    // Two bytes a character at most: the size limit holds for the text too.
    const { text, pieces } = mainText(word, table, fcClx, lcbClx, ccpText, Math.floor(maxBytes / 2));
    // PlcBtePapx, the paragraphs' properties: fibRgFcLcb97's pair 13 (from 0).
    const fcPapx = u32(word, fcLcb + 2 + 13 * 8);
    const lcbPapx = u32(word, fcLcb + 2 + 13 * 8 + 4);
    // Properties that cannot be read leave the characters alone to decide (the text is still there).
    let inTable: ((cp: number) => boolean) | null = null;
    try {
      inTable = inTableParagraphs(word, table, fcPapx, lcbPapx, pieces);
    } catch (e) {
      if (!(e instanceof DocError)) throw e;
    }
    const { lines, hints } = linesOf(text, inTable);
    const item: RawItem = linesToItem(lines, { joinWrapped: false, hints });
    return { items: [item], diagnostics: [] };
  } catch (e) {
    if (e instanceof DocError) return problem(diag('error', 'docBroken', [e.message]));
    throw e;
  }
}

export const docFormat: BinaryFormatSpec = {
  id: 'doc',
  extensions: FORMAT_EXTENSIONS.doc,
  // Every OLE file but a password-protected .docx (its own format's message).
  sniffBytes: ({ bytes }) => isOle(bytes) && !isEncryptedPackage(bytes),
  readBytes: (bytes, options) => readDoc(bytes, options.maxBytes),
  yearFromFileName: true,
};
