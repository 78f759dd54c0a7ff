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
import { Parser } from 'htmlparser2';
import { type BlockHint, type Diagnostic, diag, type RawItem } from '../../model/index.ts';
import { linesToItem } from '../lines.ts';
import { isEncryptedPackage, isOle } from '../ole.ts';
import type { BinaryFormatSpec, FormatRead } from '../registry.ts';
import { NumberingCounters, type NumberingDefinitions, parseNumbering } from '../wordNumbering.ts';
import { isZip, readZipParts, zipHasName } from '../zip.ts';

const DOCUMENT = 'word/document.xml';
const PARTS = new Set([DOCUMENT, 'word/numbering.xml', 'word/styles.xml', 'docProps/core.xml']);

function xmlText(bytes: Uint8Array | undefined): string {
  if (!bytes) return '';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

const on = (a: Record<string, string>) => !/^(?:0|false|off|none)$/.test(a['w:val'] ?? 'true');

interface StyleInfo {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  bold?: boolean;
}

/** styles.xml: each paragraph style's numbering, outline level and bold, following basedOn. */
function parseStyles(xml: string): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  let cur: StyleInfo | null = null;
  let inRun = false;
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === 'w:style') {
          cur = {};
          if ((a['w:type'] ?? 'paragraph') === 'paragraph') styles.set(a['w:styleId'] ?? '', cur);
          return;
        }
        if (!cur) return;
        if (name === 'w:basedOn') cur.basedOn = a['w:val'];
        else if (name === 'w:numId') cur.numId = a['w:val'];
        else if (name === 'w:ilvl') cur.ilvl = Number(a['w:val'] ?? 0);
        else if (name === 'w:outlineLvl') cur.outlineLevel = Number(a['w:val'] ?? 9);
        else if (name === 'w:name' && /^heading \d$/i.test(a['w:val'] ?? '')) cur.outlineLevel ??= Number((a['w:val'] ?? '').slice(-1)) - 1;
        else if (name === 'w:rPr') inRun = true;
        else if (name === 'w:b' && inRun) cur.bold = on(a);
      },
      onclosetag(name) {
        if (name === 'w:style') cur = null;
        else if (name === 'w:rPr') inRun = false;
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
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
function parseCore(xml: string): { title?: string; created?: string } {
  const out: { title?: string; created?: string } = {};
  let field: 'title' | 'created' | null = null;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'dc:title' || name === 'dcterms:created') {
          field = name === 'dc:title' ? 'title' : 'created';
          text = '';
        }
      },
      ontext(t) {
        if (field) text += t;
      },
      onclosetag() {
        if (field && text.trim()) out[field] = text.trim();
        field = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return out;
}

interface Para {
  text: string;
  /** The list number was given to an earlier block of the paragraph (before a w:br). */
  numbered: boolean;
  numId?: string;
  ilvl: number;
  style?: string;
  /** Characters of text in bold runs and in all runs. */
  boldChars: number;
  chars: number;
}

const newPara = (): Para => ({ text: '', numbered: false, ilvl: 0, boldChars: 0, chars: 0 });

/**
 * document.xml to lines and their hints. A streaming walk: paragraphs, runs, tables; nested text
 * boxes come out after the paragraph that holds them.
 */
function readDocument(xml: string, numbering: NumberingDefinitions, styles: Map<string, StyleInfo>): { lines: string[]; hints: (BlockHint | undefined)[] } {
  const lines: string[] = [];
  const hints: (BlockHint | undefined)[] = [];
  const counters = new NumberingCounters(numbering);
  const stack: string[] = [];
  const paras: Para[] = [];
  const pending: { text: string; hint?: BlockHint }[][] = [];
  // Table state: rows of cells of paragraphs' texts, one per nesting level.
  const tables: { cells: string[]; cell: string[] | null }[] = [];
  let skip = 0; // inside mc:Fallback, w:del, w:instrText, w:delText, footnote/comment marks
  let runBold = false;
  let runHidden = false;
  let inRunProps = false;
  let inParaProps = false;

  const emit = (text: string, hint?: BlockHint) => {
    if (!text.trim()) return;
    if (pending.length) pending[pending.length - 1].push({ text, hint });
    else {
      lines.push(text);
      hints.push(hint);
    }
  };

  const endPara = (p: Para) => {
    let prefix = '';
    const st = styleChain(styles, p.style);
    const numId = p.numId ?? st.numId;
    if (numId && !p.numbered) prefix = counters.next(numId, p.numId ? p.ilvl : (st.ilvl ?? p.ilvl)) ?? '';
    const text = prefix + p.text;
    const table = tables.length ? tables[tables.length - 1] : null;
    if (table?.cell) {
      if (text.trim()) table.cell.push(text.trim());
      return;
    }
    const hint: BlockHint = {};
    if (p.chars > 0 && (p.boldChars === p.chars || (st.bold && p.boldChars === p.chars))) hint.bold = true;
    if (st.outlineLevel !== undefined && st.outlineLevel < 9) hint.outlineLevel = st.outlineLevel;
    emit(text, Object.keys(hint).length ? hint : undefined);
  };

  const parser = new Parser(
    {
      onopentag(name, a) {
        stack.push(name);
        if (skip) {
          skip++;
          return;
        }
        const p = paras[paras.length - 1];
        switch (name) {
          case 'mc:Fallback':
          case 'w:del':
          case 'w:delText':
          case 'w:instrText':
          case 'w:moveFrom':
          case 'w:footnoteReference':
          case 'w:endnoteReference':
          case 'w:commentReference':
            skip = 1;
            return;
          case 'w:p':
            // A paragraph inside a paragraph is in a text box: it comes out after its holder.
            if (paras.length) pending.push([]);
            paras.push(newPara());
            return;
          case 'w:pPr':
            inParaProps = true;
            return;
          case 'w:rPr':
            inRunProps = !inParaProps;
            return;
          case 'w:r':
            runBold = false;
            runHidden = false;
            return;
          case 'w:b':
            if (inRunProps) runBold = on(a);
            return;
          case 'w:vanish':
            if (inRunProps) runHidden = on(a);
            return;
          case 'w:pStyle':
            if (p && inParaProps) p.style = a['w:val'];
            return;
          case 'w:numId':
            if (p && inParaProps) p.numId = a['w:val'];
            return;
          case 'w:ilvl':
            if (p && inParaProps) p.ilvl = Number(a['w:val'] ?? 0);
            return;
          case 'w:tab':
            if (p && !inParaProps && !runHidden) p.text += ' ';
            return;
          case 'w:br':
          case 'w:cr':
            if (p && !runHidden) {
              // A break ends the block; the paragraph goes on in a new one (without its number again).
              endPara({ ...p });
              Object.assign(p, { text: '', numbered: true, boldChars: 0, chars: 0 });
            }
            return;
          case 'w:noBreakHyphen':
            if (p && !runHidden) p.text += '-';
            return;
          case 'w:sym': {
            const code = Number.parseInt(a['w:char'] ?? '', 16);
            if (p && !runHidden && code && !(code >= 0xe000 && code <= 0xf8ff) && !(code >= 0xf000 && code <= 0xf0ff)) p.text += String.fromCharCode(code);
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
      ontext(data) {
        if (skip || runHidden) return;
        const name = stack[stack.length - 1];
        const p = paras[paras.length - 1];
        if (name !== 'w:t' || !p) return;
        p.text += data;
        const n = data.trim().length;
        p.chars += n;
        if (runBold) p.boldChars += n;
      },
      onclosetag(name) {
        stack.pop();
        if (skip) {
          skip--;
          return;
        }
        switch (name) {
          case 'w:pPr':
            inParaProps = false;
            return;
          case 'w:rPr':
            inRunProps = false;
            return;
          case 'w:p': {
            const p = paras.pop();
            if (p) endPara(p);
            if (paras.length && pending.length) {
              // A text box's paragraphs are kept until their holder ends.
              return;
            }
            while (!paras.length && pending.length) {
              const boxed = pending.shift() ?? [];
              for (const b of boxed) emit(b.text, b.hint);
            }
            return;
          }
          case 'w:tc': {
            const t = tables[tables.length - 1];
            if (t?.cell) t.cells.push(t.cell.join(' '));
            if (t) t.cell = null;
            return;
          }
          case 'w:tr': {
            const t = tables[tables.length - 1];
            if (!t) return;
            const row = t.cells.join('\t');
            t.cells = [];
            // A nested table's row is one cell's text of the outer table.
            const outer = tables.length > 1 ? tables[tables.length - 2] : null;
            if (outer?.cell) {
              if (row.trim()) outer.cell.push(row.replace(/\t/g, ' '));
            } else if (row.replace(/\t/g, '').trim()) emit(row, { table: true });
            return;
          }
          case 'w:tbl':
            tables.pop();
            return;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  // Text boxes whose holders never closed (a cut document): keep their text.
  for (const boxed of pending) for (const b of boxed) emit(b.text, b.hint);
  return { lines, hints };
}

/** A W3CDTF date (2025-01-24T02:24:00Z) as the date part, when it is one. */
function isoDate(s: string | undefined): string | undefined {
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s) : null;
  return m ? m[1] : undefined;
}

function readDocx(bytes: Uint8Array, maxBytes: number): FormatRead {
  const problem = (d: Diagnostic): FormatRead => ({ items: [], diagnostics: [d] });
  if (isOle(bytes)) return problem(diag('error', isEncryptedPackage(bytes) ? 'docxEncrypted' : 'docUnsupported'));
  const parts = readZipParts(bytes, PARTS, maxBytes);
  if (!parts.ok)
    return problem(
      diag(
        'error',
        parts.problem.code,
        parts.problem.args.map((a) => (typeof a === 'string' ? a : a.code)),
      ),
    );
  const doc = parts.value.get(DOCUMENT);
  if (!doc) return problem(diag('error', 'docxNoDocument'));
  const numbering = parseNumbering(xmlText(parts.value.get('word/numbering.xml')));
  const styles = parseStyles(xmlText(parts.value.get('word/styles.xml')));
  const core = parseCore(xmlText(parts.value.get('docProps/core.xml')));
  const { lines, hints } = readDocument(xmlText(doc), numbering, styles);
  const item: RawItem = linesToItem(lines, { joinWrapped: false, hints });
  if (core.title) item.propsTitle = core.title;
  const created = isoDate(core.created);
  if (created) item.propsDate = created;
  // The file's properties only where the text has none.
  item.title ??= core.title ?? null;
  item.date ??= created ?? null;
  return { items: [item], diagnostics: [] };
}

export const docxFormat: BinaryFormatSpec = {
  id: 'docx',
  extensions: ['docx'],
  sniffBytes: ({ bytes, extension }) => isOle(bytes) || (isZip(bytes) && (extension === 'docx' || zipHasName(bytes, 'word/'))),
  readBytes: (bytes, options) => readDocx(bytes, options.maxBytes),
  yearFromFileName: true,
};
