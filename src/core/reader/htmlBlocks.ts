/**
 * HTML to blocks of text, for feed bodies and saved pages. Only text nodes become text: script,
 * style and other non-content elements are skipped whole, and attributes (onerror=…,
 * href=javascript:…) never reach the report. Block-level elements and <br> end a block; a row of a
 * data table is one block, its cells joined by tabs.
 */
import type { AnyNode, Element } from 'domhandler';
import { Parser, parseDocument } from 'htmlparser2';
import { cleanBlock, trimEdges } from '../model/index.ts';
import { capDepth } from './depth.ts';
import { joinCellParts } from './joined.ts';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'head',
  'title',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'canvas',
  'video',
  'audio',
  'map',
  'link',
  'meta',
]);
export const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'blockquote',
  'pre',
  'hr',
  'center',
  'address',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'body',
  'html',
  'details',
  'summary',
]);

/** A tag's name without its namespace prefix, in lower case (xhtml:p → p). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

/** hidden, or display:none / visibility:hidden in a style attribute. */
function hiddenBy(attribs: Record<string, string> | undefined): boolean {
  if (!attribs) return false;
  if (attribs.hidden !== undefined) return true;
  return attribs.style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style);
}

/** An element's id and class, for the class-name heuristics. */
export function idClass(el: Element): string {
  // No string made for the many elements with neither (the class-name tests read either alone the same).
  const id = el.attribs?.id;
  const cls = el.attribs?.class;
  if (id === undefined) return cls ?? '';
  return cls === undefined ? id : `${id} ${cls}`;
}

/** Walks DOM nodes (from an HTML or XML parse) and returns cleaned, non-empty blocks. */
export function nodesToBlocks(nodes: readonly AnyNode[]): string[] {
  const out: string[] = [];
  const cur: Joined = { text: '', pending: false, last: Number.NaN };
  const flush = (text = cur.text) => {
    const t = cleanBlock(text);
    if (t) out.push(t);
    cur.text = '';
    cur.pending = false;
    cur.last = Number.NaN;
  };
  // An explicit stack, not recursion: a page may nest elements thousands deep. Two stacks, no
  // object per node (a page may have a million): the node, or null for the end of a block, and
  // whether it is inside a <pre>.
  const stack: (AnyNode | null)[] = [...nodes].reverse();
  const pres: boolean[] = stack.map(() => false);
  while (stack.length) {
    const n = stack.pop();
    const pre = pres.pop()!;
    if (!n) {
      flush();
      continue;
    }
    if (n.type === 'text') {
      appendText(cur, (n as unknown as { data: string }).data, pre, flush);
      continue;
    }
    if (n.type === 'cdata' || n.type === 'root') {
      const kids = (n as unknown as { children: AnyNode[] }).children;
      for (let k = kids.length - 1; k >= 0; k--) {
        stack.push(kids[k]);
        pres.push(pre);
      }
      continue;
    }
    if (n.type !== 'tag') continue;
    const el = n as Element;
    const name = localName(el.name);
    if (SKIP.has(name) || hiddenBy(el.attribs)) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    if (name === 'tr') {
      const row = dataRow(el);
      if (row !== null) {
        flush();
        out.push(row);
        continue;
      }
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push(null);
      pres.push(pre);
    }
    const inPre = pre || name === 'pre';
    for (let k = el.children.length - 1; k >= 0; k--) {
      stack.push(el.children[k]);
      pres.push(inPre);
    }
  }
  flush();
  return out;
}

/** A data table's cell holds a figure or a label, not an article: at most this many characters. */
const CELL_MAX = 100;

/**
 * A row of a data table (the tables of a 政府信息公开 report: 一、本年新收…数量 | 50 | 6 | 56) as one
 * block, its cells joined by a tab as the Word reader joins them: a table row is never a heading,
 * and its label stays with its figures. Null for a row that lays out a page (one cell, a cell with
 * a table in it, or a cell longer than a label): its cells are read as blocks, as before.
 */
function dataRow(tr: Element): string | null {
  const cells: Element[] = [];
  for (const c of tr.children) {
    // Text in the row outside its cells (a note, a stray <span>): read the row as before, nothing lost.
    if (c.type === 'text') {
      if ((c as unknown as { data: string }).data.trim()) return null;
      continue;
    }
    if (c.type !== 'tag') continue;
    const name = localName((c as Element).name);
    if (name === 'td' || name === 'th') {
      if (!hiddenBy((c as Element).attribs)) cells.push(c as Element);
    } else if (!hiddenBy((c as Element).attribs) && !SKIP.has(name) && nodesToBlocks([c]).length) return null;
  }
  if (cells.length < 2) return null;
  const texts: string[] = [];
  for (const cell of cells) {
    if (hasTable(cell)) return null;
    const text = joinCellParts(nodesToBlocks(cell.children));
    if (text.length > CELL_MAX) return null;
    texts.push(text.replace(/\t/g, ' '));
  }
  return texts.some((t) => t) ? texts.join('\t') : null;
}

/** Whether an element holds a table or a row (a layout table's cell), searched without recursion. */
function hasTable(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    const name = localName((n as Element).name);
    if (name === 'table' || name === 'tr') return true;
    for (const k of (n as Element).children) stack.push(k);
  }
  return false;
}

/** The text of the block being read, and whether a line break ended its last piece. */
interface Joined {
  text: string;
  /** A line break (with the white space around it) at the end of the last piece, not yet in `text`: what follows decides whether it is a space. */
  pending: boolean;
  /** The last code unit of `text` (NaN when empty), kept apart: `charCodeAt` on a string built by `+=` flattens it, each time. */
  last: number;
}

/** Appends to the block's text, keeping its last code unit. */
function add(cur: Joined, piece: string): void {
  if (!piece) return;
  cur.text += piece;
  cur.last = piece.charCodeAt(piece.length - 1);
}

/**
 * Joins text-node pieces: a line break between two CJK characters is not a space in Chinese text, also when it ends
 * a piece (`政府\n</span><span>工作`, or a break before an entity): then it waits for the next piece.
 */
function appendText(cur: Joined, data: string, pre: boolean, flush: (text: string) => void): void {
  if (cur.pending) {
    cur.pending = false;
    if (!pre) {
      appendFolded(cur, `\n${data}`, cur.last);
      return;
    }
    if (!(cjkCode(cur.last) && cjkCode(data.charCodeAt(0)))) add(cur, ' ');
  }
  // A lone CR (no LF) is rare; cleanBlock folds it like any other whitespace.
  if (data.indexOf('\n') < 0) {
    add(cur, data);
    return;
  }
  if (pre) {
    const parts = data.split(/\r?\n/);
    add(cur, parts[0]);
    for (let k = 1; k < parts.length; k++) {
      flush(cur.text);
      add(cur, parts[k]);
    }
    return;
  }
  appendFolded(cur, data, Number.NaN);
}

/** Appends a piece with its line breaks folded; a break at its end is left pending. */
function appendFolded(cur: Joined, data: string, before: number): void {
  const folded = foldLineBreaks(data, before);
  cur.pending = folded.charCodeAt(folded.length - 1) === 10;
  add(cur, cur.pending ? folded.slice(0, -1) : folded);
}

/** JavaScript's `\s`, by code unit. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const cjkCode = (c: number) => (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);

/**
 * Each run of white space that holds a line break becomes one space, or nothing between two CJK
 * characters; a run at the end becomes `\n` (left pending by appendFolded). `before` is the
 * character before `data`. A plain loop: each run is found from its line break and measured once
 * (a regex `\s*[\r\n]+\s*` retries a long run of spaces from each of its positions).
 */
function foldLineBreaks(data: string, before: number): string {
  let out = '';
  let done = 0; // data[0, done) is in out
  let nl = data.search(/[\r\n]/);
  while (nl >= 0) {
    let a = nl;
    while (a > done && isSpace(data.charCodeAt(a - 1))) a--;
    let b = nl + 1;
    while (b < data.length && isSpace(data.charCodeAt(b))) b++;
    const joined = cjkCode(a > 0 ? data.charCodeAt(a - 1) : before) && cjkCode(data.charCodeAt(b));
    out += data.slice(done, a) + (b === data.length ? '\n' : joined ? '' : ' ');
    done = b;
    const r = data.indexOf('\r', b);
    const n = data.indexOf('\n', b);
    nl = r < 0 ? n : n < 0 ? r : Math.min(r, n);
  }
  return out + data.slice(done);
}

/**
 * Parses an HTML fragment (a feed item's body) into blocks. This is the hot path of feed
 * import, so it streams the parser's events instead of building a DOM.
 */
export function htmlToBlocks(html: string): string[] {
  const out: string[] = [];
  const cur: Joined = { text: '', pending: false, last: Number.NaN };
  let skip = 0;
  let pre = 0;
  const stack: number[] = []; // per open element: 1 = started skipping, 2 = block, 4 = pre, 8 = a row read as one, 16 = its cell
  // The rows being read (as dataRow does for a page), innermost last: each cell's blocks, until the
  // row closes. A row with a table in a cell lays out a page: its cells' blocks (inner rows joined
  // or not, as they are) go out in order.
  const rows: { cells: string[][]; strays: Set<string[]>; layout: boolean; outer: string[] }[] = [];
  let sink = out;
  const flush = (text = cur.text) => {
    const t = trimEdges(text);
    if (t) sink.push(t);
    cur.text = '';
    cur.pending = false;
    cur.last = Number.NaN;
  };
  const parser = new Parser({
    onopentag(tag, attribs) {
      const name = localName(tag);
      let flags = 0;
      if (SKIP.has(name) || hiddenBy(attribs)) {
        flags |= 1;
        skip++;
      }
      if (BLOCK.has(name)) flags |= 2;
      if (name === 'pre') {
        flags |= 4;
        pre++;
      }
      if (skip === 0 && (flags & 2 || name === 'br')) flush();
      const row = rows.at(-1);
      if (skip === 0 && name === 'tr') {
        if (row) row.layout = true;
        rows.push({ cells: [], strays: new Set(), layout: false, outer: sink });
        flags |= 8;
      } else if (skip === 0 && row && (name === 'td' || name === 'th')) {
        // A cell of the innermost open row (the parser closes a cell that a new one starts).
        row.cells.push((sink = []));
        flags |= 16;
      } else if (row && name === 'table') row.layout = true;
      stack.push(flags);
    },
    onclosetag() {
      const flags = stack.pop() ?? 0;
      if (flags & 1) skip--;
      if (flags & 4) pre--;
      if (flags & 2 && skip === 0) flush();
      const row = rows.at(-1);
      // Text after a cell and before the next stays in the row, in its place; any makes the row no data row.
      if (flags & 16 && row) {
        const stray: string[] = [];
        row.cells.push(stray);
        row.strays.add(stray);
        sink = stray;
      }
      if (flags & 8 && row) {
        rows.pop();
        sink = row.outer;
        const texts = row.cells.filter((c) => !row.strays.has(c)).map((c) => joinCellParts(c).replace(/\t/g, ' '));
        const stray = [...row.strays].some((c) => c.length);
        if (!row.layout && !stray && texts.length >= 2 && texts.every((t) => t.length <= CELL_MAX) && texts.some((t) => t)) sink.push(texts.join('\t'));
        else for (const c of row.cells) sink.push(...c);
      }
    },
    ontext(data) {
      if (skip === 0) appendText(cur, data, pre > 0, flush);
    },
  });
  parser.end(capDepth(html, false, BLOCK));
  flush();
  return out;
}

/** Decodes entities and strips tags of a short HTML string (a feed title), to plain text. */
export function htmlToText(html: string): string {
  // Plain text needs no parse; a line break does (between two ideographs it is nothing, as in a body).
  if (!/[<&\n]/.test(html)) return cleanBlock(html);
  return nodesToBlocks(parseDocument(capDepth(html, false, BLOCK)).children).join(' ');
}
