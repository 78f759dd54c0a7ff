/**
 * Word (.docx): word/document.xml from the zip package (zip.ts, fflate), with numbering.xml,
 * styles.xml and docProps/core.xml. One block per paragraph, a new block at each w:br, w:tab as a
 * space, a table row as one block (its cells joined by a tab, hinted as a table: never a heading),
 * automatic numbering rendered as Word shows it (wordNumbering.ts). Footnotes, comments, deleted
 * text, field instructions and hidden text are not body text. Bold and heading styles go to the
 * hints; the file's title and creation date to propsTitle/propsDate, fallbacks to the text's own.
 *
 * An old .doc and a password-protected .docx (both OLE files), a broken zip and a zip bomb each get
 * their own clear problem.
 */
import { type BlockHint, type Diagnostic, diag, type InflateRaw, type RawItem } from '../../model/index.ts';
import { joinCellParts } from '../joined.ts';
import { linesToItem } from '../lines.ts';
import { isEncryptedPackage, isOle } from '../ole.ts';
import type { BinaryFormatSpec, FormatRead } from '../registry.ts';
import { NumberingCounters, type NumberingDefinitions, parseNumbering } from '../wordNumbering.ts';
import { attr, attrText, decodeUtf8, readUtf8Text, type Skip, scanXml, type Units, unitsText, utf8Range, xmlText as decodeText } from '../xml.ts';
import { isZip, readZipParts, zipHasName } from '../zip.ts';
import { FORMAT_EXTENSIONS } from '../extensions.ts';
import { propsTitle } from '../props.ts';

const DOCUMENT = 'word/document.xml';
const MAIN_PARTS = new Set([DOCUMENT, 'docProps/core.xml']);

const NONE = new Uint8Array(0);
/** The run properties that count: bold (a hint) and hidden (not text). */
const RUN_FLAGS: Skip = { names: ['w:b', 'w:vanish'] };
/**
 * The paragraph properties that count: the style and the numbering. The first of each is taken: a
 * tracked change's old properties (w:pPrChange) come after them.
 */
const PARA_PROPS: Skip = { names: ['w:pStyle', 'w:numId', 'w:ilvl'] };

/** A part as UTF-8 (Word writes UTF-8; a UTF-16 part, with its BOM, is converted). */
function utf8Part(b: Uint8Array): Uint8Array {
  const le = b[0] === 0xff && b[1] === 0xfe;
  if (!le && !(b[0] === 0xfe && b[1] === 0xff)) return b;
  return new TextEncoder().encode(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(b).replace(/encoding=["']utf-16["']/i, 'encoding="utf-8"'));
}

const on = (attrs: string) => !/^(?:0|false|off|none)$/.test(attr(attrs, 'w:val') ?? 'true');

interface StyleInfo {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  bold?: boolean;
}

/** styles.xml: each paragraph style's numbering, outline level and bold, following basedOn. */
function parseStyles(xml: Uint8Array): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  let cur: StyleInfo | null = null;
  let inRun = false;
  scanXml(xml, {
    open(name, b, from, to) {
      const a = () => attrText(b, from, to);
      if (name === 'w:style') {
        cur = {};
        const attrs = a();
        if ((attr(attrs, 'w:type') ?? 'paragraph') === 'paragraph') styles.set(attr(attrs, 'w:styleId') ?? '', cur);
        return;
      }
      if (!cur) return;
      const val = () => attr(a(), 'w:val');
      if (name === 'w:basedOn') cur.basedOn = val();
      else if (name === 'w:numId') cur.numId = val();
      else if (name === 'w:ilvl') cur.ilvl = Number(val() ?? 0);
      else if (name === 'w:outlineLvl') cur.outlineLevel = Number(val() ?? 9);
      else if (name === 'w:name' && /^heading \d$/i.test(val() ?? '')) cur.outlineLevel ??= Number((val() ?? '').slice(-1)) - 1;
      else if (name === 'w:rPr') inRun = true;
      else if (name === 'w:b' && inRun) cur.bold = on(a());
    },
    close(name) {
      if (name === 'w:style') cur = null;
      else if (name === 'w:rPr') inRun = false;
    },
  });
  return styles;
}

function styleChain(styles: Map<string, StyleInfo>, id: string | undefined): StyleInfo {
  const out: StyleInfo = {};
  const seen = new Set<string>();
  for (let s = id; s && !seen.has(s); ) {
    seen.add(s);
    const st = styles.get(s);
    if (!st) break;
    out.numId ??= st.numId;
    out.ilvl ??= st.ilvl;
    out.outlineLevel ??= st.outlineLevel;
    out.bold ??= st.bold;
    s = st.basedOn;
  }
  return out;
}

/** docProps/core.xml: dc:title and dcterms:created. */
function parseCore(xml: Uint8Array): { title?: string; created?: string } {
  const out: { title?: string; created?: string } = {};
  let field: 'title' | 'created' | null = null;
  let text = '';
  scanXml(xml, {
    open(name) {
      if (name === 'dc:title' || name === 'dcterms:created') {
        field = name === 'dc:title' ? 'title' : 'created';
        text = '';
      }
    },
    text(x, a, b) {
      if (field) text += decodeText(decodeUtf8(x.subarray(a, b)));
    },
    close() {
      if (field && text.trim()) out[field] = text.trim();
      field = null;
    },
  });
  return out;
}

/**
 * A paragraph's text, decoded as its runs are read (readUtf8Text: one pass finds the end of a run's
 * text and decodes it) into code units kept per nesting depth. The pieces of the document's bytes
 * are kept too: when a piece is not well-formed UTF-8, the paragraph's bytes are joined and decoded
 * at its end (utf8Range), so that bad bytes give the standard replacement characters.
 */
class TextBytes {
  /** Pairs of [from, to) in the source; a negative `from` is one byte of its own (-from), to unused. */
  private pieces: number[] = [];
  private static scratch = new Uint8Array(4096);
  /** Every piece so far is well-formed: the text is `out`'s code units. */
  private regular = true;

  constructor(
    private readonly src: Uint8Array,
    private readonly out: Units,
  ) {
    out.length = 0;
  }

  /** The text at `from`, up to the next `<` (or the end of the source), which it returns. */
  read(from: number): number {
    let end = this.regular ? readUtf8Text(this.src, from, this.out) : -1;
    if (end < 0) {
      this.regular = false;
      end = this.src.indexOf(0x3c, from);
      if (end < 0) end = this.src.length;
    }
    const p = this.pieces;
    // Runs that follow each other in the source (rare in Word) extend the last piece.
    if (p.length && p[p.length - 1] === from && p[p.length - 2] >= 0) p[p.length - 1] = end;
    else p.push(from, end);
    return end;
  }

  /** An ASCII character. */
  char(c: number): void {
    this.pieces.push(-c, 0);
    this.unit(c);
  }

  /** A symbol character (w:sym): a UTF-16 code unit, as its UTF-8 bytes (a lone surrogate is U+FFFD). */
  sym(code: number): void {
    for (const byte of new TextEncoder().encode(String.fromCharCode(code))) this.pieces.push(-byte, 0);
    const u = code & 0xffff;
    this.unit(u >= 0xd800 && u <= 0xdfff ? 0xfffd : u);
  }

  private unit(u: number): void {
    const o = this.out;
    if (o.length === o.units.length) {
      const grown = new Uint16Array(o.units.length * 2 + 64);
      grown.set(o.units);
      o.units = grown;
    }
    o.units[o.length++] = u;
  }

  /** The text, entities decoded; the pieces are emptied. */
  take(): string {
    const p = this.pieces;
    let text = '';
    if (this.regular) text = unitsText(this.out);
    else if (p.length === 2 && p[0] >= 0) text = utf8Range(this.src, p[0], p[1]);
    else if (p.length) {
      let n = 0;
      for (let k = 0; k < p.length; k += 2) n += p[k] < 0 ? 1 : p[k + 1] - p[k];
      if (TextBytes.scratch.length < n) TextBytes.scratch = new Uint8Array(n * 2);
      const out = TextBytes.scratch;
      let at = 0;
      for (let k = 0; k < p.length; k += 2) {
        if (p[k] < 0) out[at++] = -p[k];
        else {
          out.set(this.src.subarray(p[k], p[k + 1]), at);
          at += p[k + 1] - p[k];
        }
      }
      text = utf8Range(out, 0, at);
    }
    this.pieces = [];
    this.regular = true;
    this.out.length = 0;
    return decodeText(text);
  }
}

interface Para {
  text: TextBytes;
  /** The list number was given to an earlier block of the paragraph (before a w:br). */
  numbered: boolean;
  numId?: string;
  ilvl: number;
  style?: string;
  /** Characters of text in bold runs and in all runs. */
  boldChars: number;
  chars: number;
  /** The blocks of the text boxes inside the paragraph: they come out after it. */
  boxed: Boxed[];
}

/** A text box's block, or the boxed blocks of a paragraph inside it (kept as they are, not copied up). */
type Boxed = { text: string; hint?: BlockHint } | Boxed[];

/**
 * document.xml to lines and their hints. A streaming walk: paragraphs, runs, tables; nested text
 * boxes come out after the paragraph that holds them.
 */
function readDocument(
  xml: Uint8Array,
  parts: { styles(): Map<string, StyleInfo>; numbering(): NumberingDefinitions },
): { lines: string[]; hints: (BlockHint | undefined)[] } {
  const lines: string[] = [];
  const hints: (BlockHint | undefined)[] = [];
  // Styles and numbering are read the first time a paragraph uses them (most reports use neither).
  let styles: Map<string, StyleInfo> = new Map();
  let counters: NumberingCounters | null = null;
  // Text counts only directly inside a w:t.
  let inText = false;
  // The open paragraphs: more than one when a text box's paragraph is inside its holder.
  const paras: Para[] = [];
  // The code units of the open paragraphs' text, by depth (one paragraph is open at each depth; a buffer
  // starts small, as a deeply nested document has one per depth, and grows to the longest paragraph).
  const units: Units[] = [];
  // Table state: rows of cells of paragraphs' texts, one per nesting level.
  const tables: { cells: string[]; cell: string[] | null }[] = [];
  let runBold = false;
  let runHidden = false;

  /** A block, or one of a text box that comes out after its holder `box`. */
  const emit = (box: Para | undefined, text: string, hint?: BlockHint) => {
    if (!text.trim()) return;
    if (box) box.boxed.push({ text, hint });
    else {
      lines.push(text);
      hints.push(hint);
    }
  };

  /** The block of paragraph p so far; `box` is the paragraph that holds p when p is in a text box. */
  const endPara = (p: Para, box: Para | undefined) => {
    let prefix = '';
    const st = p.style ? styleChain(styles, p.style) : {};
    const numId = p.numId ?? st.numId;
    if (numId && !p.numbered) {
      counters ??= new NumberingCounters(parts.numbering());
      prefix = counters.next(numId, p.numId ? p.ilvl : (st.ilvl ?? p.ilvl)) ?? '';
    }
    const text = prefix + p.text.take();
    const table = tables.length ? tables[tables.length - 1] : null;
    if (table?.cell) {
      if (text.trim()) table.cell.push(text.trim());
      return;
    }
    const hint: BlockHint = {};
    if (p.chars > 0 && (p.boldChars === p.chars || (st.bold && p.boldChars === p.chars))) hint.bold = true;
    if (st.outlineLevel !== undefined && st.outlineLevel < 9) hint.outlineLevel = st.outlineLevel;
    emit(box, text, Object.keys(hint).length ? hint : undefined);
  };

  /**
   * Paragraph p ends: its last block, then its text boxes' blocks. Inside a text box, those go to the
   * holder as one list, so that nested boxes are not copied from level to level (a document nested
   * thousands deep stays linear); the outermost paragraph writes them out, in order.
   */
  const closePara = (p: Para) => {
    const box = paras[paras.length - 1];
    endPara(p, box);
    if (!p.boxed.length) return;
    if (box) {
      box.boxed.push(p.boxed);
      return;
    }
    // Depth first, by a stack of [list, next index]: no recursion, however deep the nesting.
    const stack: [Boxed[], number][] = [[p.boxed, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top[1] >= top[0].length) {
        stack.pop();
        continue;
      }
      const b = top[0][top[1]++];
      if (Array.isArray(b)) stack.push([b, 0]);
      else {
        lines.push(b.text);
        hints.push(b.hint);
      }
    }
  };

  /** Ends the current table's row: one block of its cells, or one cell's text of the outer table when nested. */
  const endRow = () => {
    const t = tables[tables.length - 1];
    if (!t?.cells.length) return;
    const row = t.cells.join('\t');
    t.cells = [];
    const outer = tables.length > 1 ? tables[tables.length - 2] : null;
    if (outer?.cell) {
      if (row.trim()) outer.cell.push(row.replace(/\t/g, ' '));
    } else if (row.replace(/\t/g, '').trim()) emit(paras[paras.length - 1], row, { table: true });
  };

  scanXml(xml, {
    open(name, b, from, to) {
      inText = name === 'w:t';
      const p = paras[paras.length - 1];
      switch (name) {
        // Not body text: their content is skipped whole.
        case 'mc:Fallback':
        case 'w:del':
        case 'w:delText':
        case 'w:instrText':
        case 'w:moveFrom':
        case 'w:footnoteReference':
        case 'w:endnoteReference':
        case 'w:commentReference':
        // Properties that no rule reads: skipped whole too (most of document.xml).
        case 'w:sectPr':
        case 'w:tblPr':
        case 'w:tblGrid':
        case 'w:trPr':
        case 'w:tcPr':
          return true;
        case 'w:p':
          // A paragraph inside a paragraph is in a text box: it comes out after its holder.
          paras.push({
            text: new TextBytes(xml, (units[paras.length] ??= { units: new Uint16Array(64), length: 0 })),
            numbered: false,
            ilvl: 0,
            boldChars: 0,
            chars: 0,
            boxed: [],
          });
          return;
        case 'w:pPr':
          // The paragraph's properties: only its style and numbering count.
          return PARA_PROPS;
        case 'w:rPr':
          // A run's properties: only bold and hidden count.
          return RUN_FLAGS;
        case 'w:r':
          runBold = false;
          runHidden = false;
          return;
        case 'w:tab':
          if (p && !runHidden) p.text.char(0x20);
          return;
        case 'w:br':
        case 'w:cr':
          if (p && !runHidden) {
            // A break ends the block; the paragraph goes on in a new one (without its number again).
            endPara(p, paras[paras.length - 2]);
            Object.assign(p, { numbered: true, boldChars: 0, chars: 0 });
          }
          return;
        case 'w:noBreakHyphen':
          if (p && !runHidden) p.text.char(0x2d);
          return;
        case 'w:sym': {
          const code = Number.parseInt(attr(attrText(b, from, to), 'w:char') ?? '', 16);
          if (p && !runHidden && code && !(code >= 0xe000 && code <= 0xf8ff) && !(code >= 0xf000 && code <= 0xf0ff)) {
            p.text.sym(code);
          }
          return;
        }
        case 'w:tbl':
          tables.push({ cells: [], cell: null });
          return;
        case 'w:tr':
          if (tables.length) tables[tables.length - 1].cells = [];
          return;
        case 'w:tc':
          if (tables.length) tables[tables.length - 1].cell = [];
          return;
      }
    },
    // Text outside a w:t, and CDATA (not Word's), is not read: no `text`.
    readText(_b, from) {
      const p = paras[paras.length - 1];
      if (!inText || runHidden || !p) return -1;
      const to = p.text.read(from);
      p.chars += to - from;
      if (runBold) p.boldChars += to - from;
      return to;
    },
    skipped(name, b, _from, _to, found) {
      const val = (k: number) => attr(attrText(b, found[k], found[k + 1]), 'w:val');
      if (name === 'w:rPr') {
        runBold = found[0] >= 0 && on(attrText(b, found[0], found[1]));
        runHidden = found[2] >= 0 && on(attrText(b, found[2], found[3]));
        return;
      }
      const p = paras[paras.length - 1];
      if (name !== 'w:pPr' || !p) return;
      if (found[2] >= 0) p.numId = val(2);
      if (found[4] >= 0) p.ilvl = Number(val(4) ?? 0);
      if (found[0] >= 0) {
        p.style = val(0);
        styles = parts.styles();
      }
    },
    close(name) {
      inText = false;
      switch (name) {
        case 'w:p': {
          const p = paras.pop();
          if (p) closePara(p);
          return;
        }
        case 'w:tc': {
          const t = tables[tables.length - 1];
          if (t?.cell) t.cells.push(joinCellParts(t.cell));
          if (t) t.cell = null;
          return;
        }
        case 'w:tr':
          endRow();
          return;
        case 'w:tbl':
          // Cells with no w:tr around them (invalid, but Word opens it): their row ends with the table.
          endRow();
          tables.pop();
          return;
      }
    },
  });
  // Paragraphs that never closed (a cut document): keep their text and their text boxes'.
  for (let p = paras.pop(); p; p = paras.pop()) closePara(p);
  return { lines, hints };
}

/** A W3CDTF date (2025-01-24T02:24:00Z) as the date part, when it is one. */
function isoDate(s: string | undefined): string | undefined {
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s) : null;
  return m ? m[1] : undefined;
}

function readDocx(bytes: Uint8Array, maxBytes: number, inflateRaw?: InflateRaw): FormatRead {
  const problem = (d: Diagnostic): FormatRead => ({ items: [], diagnostics: [d] });
  if (isOle(bytes)) return problem(diag('error', isEncryptedPackage(bytes) ? 'docxEncrypted' : 'docUnsupported'));
  const parts = readZipParts(bytes, MAIN_PARTS, maxBytes, inflateRaw);
  if (!parts.ok)
    return problem(
      diag(
        'error',
        parts.problem.code,
        parts.problem.args.map((a) => (typeof a === 'string' ? a : a.code)),
      ),
    );
  const raw = parts.value.get(DOCUMENT);
  if (!raw) return problem(diag('error', 'docxNoDocument'));
  const doc = utf8Part(raw);
  const part = (name: string) => {
    const r = readZipParts(bytes, new Set([name]), maxBytes, inflateRaw);
    const b = r.ok ? r.value.get(name) : undefined;
    return b ? utf8Part(b) : NONE;
  };
  let styles: Map<string, StyleInfo> | null = null;
  const core = parseCore(parts.value.get('docProps/core.xml') ?? NONE);
  const { lines, hints } = readDocument(doc, {
    styles: () => (styles ??= parseStyles(part('word/styles.xml'))),
    numbering: () => parseNumbering(part('word/numbering.xml')),
  });
  const item: RawItem = linesToItem(lines, { joinWrapped: false, hints });
  if (core.title) item.propsTitle = core.title;
  const created = isoDate(core.created);
  if (created) item.propsDate = created;
  // The file's properties only where the text has none (the creation date: buildReport, after the text's own dates).
  item.title ??= propsTitle(core.title);
  return { items: [item], diagnostics: [] };
}

export const docxFormat: BinaryFormatSpec = {
  id: 'docx',
  extensions: FORMAT_EXTENSIONS.docx,
  // A password-protected .docx is an OLE file holding the encrypted package; any other OLE file is the .doc reader's.
  sniffBytes: ({ bytes, extension }) => (isOle(bytes) && isEncryptedPackage(bytes)) || (isZip(bytes) && (extension === 'docx' || zipHasName(bytes, 'word/'))),
  readBytes: (bytes, options) => readDocx(bytes, options.maxBytes, options.inflateRaw),
  yearFromFileName: true,
};
