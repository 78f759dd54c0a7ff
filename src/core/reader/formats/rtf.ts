/**
 * RTF (Rich Text Format), as report generators and older office software write it, often under a
 * `.doc` name: recognised by its `{\rtf` start, whatever the file is called. The reader walks the
 * groups and control words once, without recursion:
 *
 * - text: plain characters, `\'hh` bytes decoded in the code page of the current font (`\fcharset134`
 *   is GBK) or of the document (`\ansicpg936`), `\uN` characters (their `\ucN` fallbacks skipped);
 * - paragraphs end at `\par`, `\sect`, `\page`; `\line` starts a new block; `\tab` is a tab;
 * - a table cell ends at `\cell` and a row at `\row`: a row is one line, its cells joined by a tab,
 *   as the Word readers join them;
 * - what is not the document's text is skipped: the font, colour and style tables, document
 *   information, pictures, objects, headers, footers, footnotes, field codes (`\fldinst`; a field's
 *   result stays), and every `{\*\…}` group a reader may ignore.
 */
import type { BlockHint, RawItem } from '../../model/index.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { linesToItem } from '../lines.ts';
import { occursWithin, WordLines } from './wordLines.ts';
import type { FormatRead, SourceFormatSpec } from '../registry.ts';

/** Destinations whose text is not the document's. */
const SKIP = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'annotation',
  'fldinst',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'revtbl',
  'filetbl',
  'xmlnstbl',
  'generator',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'pgdsctbl',
  'shp',
  'nonshppict',
  'private',
]);

/** Windows code pages of the font charsets (\fcharsetN) and \ansicpgN values that Chinese RTF uses. */
const CHARSET_CODEPAGE: Record<number, string> = {
  0: 'windows-1252',
  128: 'shift_jis',
  129: 'euc-kr',
  134: 'gbk',
  136: 'big5',
  222: 'windows-874',
  238: 'windows-1250',
  204: 'windows-1251',
};
const CODEPAGE: Record<number, string> = {
  936: 'gbk',
  950: 'big5',
  932: 'shift_jis',
  949: 'euc-kr',
  1252: 'windows-1252',
  1250: 'windows-1250',
  1251: 'windows-1251',
  65001: 'utf-8',
};

const SYMBOL: Record<string, string> = {
  emdash: '—',
  endash: '–',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
};

interface State {
  /** Inside a destination whose text is skipped. */
  skip: boolean;
  /** Characters to skip after a \u character. */
  uc: number;
  /** The current font (\fN), for its code page. */
  font: number;
  /** Inside the font table: its entries give each font's charset. */
  fonttbl: boolean;
  /** The paragraph is a table cell's (\intbl, or \itap above 0), until \pard, the row's end or the group's. */
  intbl: boolean;
}

/** Code pages of two bytes a character (their lead bytes are 0x81–0xFE). */
const DOUBLE_BYTE = new Set(['gbk', 'big5', 'shift_jis', 'euc-kr']);

/** Whether the bytes end in a lead byte of a double-byte code page that still waits for its trail byte. */
function leadPending(bytes: readonly number[], codepage: string): boolean {
  if (!DOUBLE_BYTE.has(codepage)) return false;
  let k = 0;
  while (k < bytes.length) k += bytes[k] >= 0x81 && bytes[k] <= 0xfe ? 2 : 1;
  return k > bytes.length;
}

const decoders = new Map<string, TextDecoder | null>();
function decoder(label: string): TextDecoder | null {
  if (!decoders.has(label)) {
    try {
      decoders.set(label, new TextDecoder(label));
    } catch {
      decoders.set(label, null);
    }
  }
  return decoders.get(label) ?? null;
}

/** Paragraphs (and table rows, one line each with a hint) from RTF source. */
function rtfLines(src: string): { lines: string[]; hints: (BlockHint | undefined)[] } {
  const out = new WordLines();
  let state: State = { skip: false, uc: 1, font: -1, fonttbl: false, intbl: false };
  const stack: State[] = [];
  /** Groups deeper than the cap share their parent's state (a hostile file of a million `{`). */
  let overflow = 0;
  const fontCharset = new Map<number, number>();
  let fontEntry = -1;
  /** The default font (\deffN): text set in no other font is in it, and \plain returns to it. */
  let defaultFont = -1;
  let docCodepage = 'windows-1252';
  /** \'hh bytes waiting to be decoded together (a GBK character is two of them). */
  let bytes: number[] = [];
  /** Fallback characters of the last \u still to skip. */
  let toSkip = 0;
  /** The destination group just opened with \*: skipped unless a known one says otherwise. */
  let starred = false;

  const codepage = () => {
    const cs = fontCharset.get(state.font >= 0 ? state.font : defaultFont);
    return (cs !== undefined ? CHARSET_CODEPAGE[cs] : undefined) ?? docCodepage;
  };
  const flushBytes = () => {
    if (!bytes.length) return;
    const dec = decoder(codepage()) ?? decoder('windows-1252')!;
    if (!state.skip) out.cur += dec.decode(Uint8Array.from(bytes));
    bytes = [];
  };
  const text = (s: string) => {
    if (toSkip > 0) {
      toSkip--;
      return;
    }
    flushBytes();
    if (!state.skip) out.cur += s;
  };
  const cellWithin = occursWithin(src, '\\cell');
  const endParagraph = () => {
    flushBytes();
    out.paragraph();
  };
  const endCell = () => {
    flushBytes();
    out.cell();
  };
  const endRow = () => {
    flushBytes();
    out.row();
  };

  let i = 0;
  const n = src.length;
  while (i < n) {
    const ch = src[i];
    if (ch === '{') {
      flushBytes();
      toSkip = 0;
      if (stack.length < 10_000) stack.push(state);
      else overflow++;
      state = { ...state, fonttbl: state.fonttbl };
      i++;
      continue;
    }
    if (ch === '}') {
      flushBytes();
      toSkip = 0;
      if (overflow) overflow--;
      else if (stack.length) {
        if (state.fonttbl && fontEntry >= 0 && !stack[stack.length - 1].fonttbl) fontEntry = -1;
        state = stack.pop()!;
      }
      starred = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i++;
      continue;
    }
    if (ch !== '\\') {
      // Plain text: up to the next special character at once.
      let j = i + 1;
      while (j < n && src[j] !== '\\' && src[j] !== '{' && src[j] !== '}' && src[j] !== '\r' && src[j] !== '\n') j++;
      let run = src.slice(i, j);
      if (state.fonttbl) {
        i = j;
        continue;
      }
      while (toSkip > 0 && run) {
        run = run.slice(1);
        toSkip--;
      }
      // A double-byte code page's lead byte written as \'hh and its trail byte as a plain
      // character (\'e9F: Outlook writes GBK so): the two are one character.
      if (run && bytes.length && leadPending(bytes, codepage()) && run.charCodeAt(0) >= 0x40 && run.charCodeAt(0) < 0x7f) {
        if (!state.skip) bytes.push(run.charCodeAt(0));
        run = run.slice(1);
      }
      if (run) text(run);
      i = j;
      continue;
    }
    // A control symbol or word.
    const next = src[i + 1];
    if (next === undefined) break;
    if (next === "'") {
      const hex = src.slice(i + 2, i + 4);
      i += 4;
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) continue;
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      if (!state.skip && !state.fonttbl) bytes.push(Number.parseInt(hex, 16));
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      i += 2;
      if (next === '*') {
        starred = true;
        state.skip = true;
      } else if (next === '\\' || next === '{' || next === '}') text(next);
      else if (next === '~') text(' ');
      else if (next === '_') text('-');
      // \- (optional hyphen), \: (index entry) and others: nothing.
      continue;
    }
    let j = i + 1;
    while (j < n && /[A-Za-z]/.test(src[j])) j++;
    const word = src.slice(i + 1, j);
    let k = j;
    if (src[k] === '-') k++;
    while (k < n && k - j < 11 && src[k] >= '0' && src[k] <= '9') k++;
    const param = k > j && src[k - 1] !== '-' ? Number.parseInt(src.slice(j, k), 10) : null;
    if (src[k] === ' ') k++;
    i = k;
    if (SKIP.has(word)) {
      if (word === 'fonttbl') {
        state.fonttbl = true;
        state.skip = true;
      } else state.skip = true;
      continue;
    }
    if (word === 'bin') {
      // \binN: N raw bytes (a picture's data), never read as RTF.
      if (param !== null && param > 0) i = Math.min(n, i + param);
      continue;
    }
    if (starred) {
      // {\*\destination …}: skipped, as the specification lets a reader skip what it does not know.
      starred = false;
      continue;
    }
    // In a skipped destination (a footnote, a header, a text box) only the font table's words count:
    // its paragraphs and cells are not the body's.
    if (state.skip && word !== 'f' && word !== 'fcharset') continue;
    switch (word) {
      case 'ansicpg':
        if (param !== null) docCodepage = CODEPAGE[param] ?? docCodepage;
        break;
      case 'deff':
        if (param !== null) defaultFont = param;
        break;
      case 'plain':
        flushBytes();
        state.font = defaultFont;
        break;
      case 'f':
        flushBytes();
        if (state.fonttbl && param !== null) fontEntry = param;
        else if (param !== null) state.font = param;
        break;
      case 'fcharset':
        if (state.fonttbl && fontEntry >= 0 && param !== null) fontCharset.set(fontEntry, param);
        break;
      case 'uc':
        if (param !== null && param >= 0 && param <= 10) state.uc = param;
        break;
      case 'u':
        if (param !== null) {
          flushBytes();
          if (!state.skip) out.cur += String.fromCharCode(param < 0 ? param + 65536 : param);
          toSkip = state.uc;
        }
        break;
      case 'par':
        // A table cell's paragraph keeps its cell going (when a \cell follows: an \intbl never closed swallows nothing).
        if (state.intbl && !state.skip && cellWithin(i, 16_384)) {
          flushBytes();
          out.cellParagraph();
        } else endParagraph();
        break;
      case 'sect':
      case 'page':
        endParagraph();
        break;
      case 'intbl':
        state.intbl = true;
        break;
      case 'itap':
        state.intbl = param !== null && param > 0;
        break;
      case 'pard':
        state.intbl = false;
        break;
      case 'line':
        text('\n');
        break;
      case 'tab':
        text('\t');
        break;
      case 'cell':
        endCell();
        break;
      case 'row':
        endRow();
        state.intbl = false;
        break;
      case 'nestcell':
        text(' ');
        break;
      default:
        if (SYMBOL[word]) text(SYMBOL[word]);
    }
  }
  flushBytes();
  // A manual line break (\line) splits a paragraph into lines, as in the Word readers.
  return out.finish();
}

function readRtf(text: string): FormatRead {
  const { lines, hints } = rtfLines(text);
  const item: RawItem = linesToItem(lines, { joinWrapped: false, hints });
  return { items: [item], diagnostics: [] };
}

export const rtfFormat: SourceFormatSpec = {
  id: 'rtf',
  extensions: FORMAT_EXTENSIONS.rtf,
  sniff: ({ head }) => head.startsWith('{\\rtf'),
  read: readRtf,
  yearFromFileName: true,
};
