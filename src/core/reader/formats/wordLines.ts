/**
 * The lines of a word processor's text as the .doc and RTF readers build them, character by
 * character: a paragraph is a line; a table row is one line, its cells joined by a tab with the
 * hint `table` (as the .docx reader joins them); a paragraph inside a cell stays in its cell; a
 * manual line break (kept as \n) splits a paragraph into lines at the end.
 */
import type { BlockHint } from '../../model/index.ts';
import { joinCellParts } from '../joined.ts';

/** Between a cell's paragraphs while it is read: joined at the cell's end (joinCellParts). */
const CELL_PARAGRAPH = '\r';

/**
 * Whether `needle` occurs in `text` within `span` characters after a position (a cell mark after a paragraph mark).
 * The positions asked only grow, so each occurrence is searched for once: linear in the text.
 */
export function occursWithin(text: string, needle: string): (from: number, span: number) => boolean {
  let next = -1;
  return (from, span) => {
    if (next !== Number.POSITIVE_INFINITY && next < from) {
      const k = text.indexOf(needle, from);
      next = k < 0 ? Number.POSITIVE_INFINITY : k;
    }
    return next - from <= span;
  };
}

export class WordLines {
  private readonly lines: string[] = [];
  private readonly hints: (BlockHint | undefined)[] = [];
  /** The text of the paragraph (or cell) being read. */
  cur = '';
  /** The cells of the row being read. */
  cells: string[] = [];

  /** Ends a paragraph: inside a row it goes on in its cell; else it is a line. True when it was outside any row. */
  paragraph(): boolean {
    if (this.cells.length) {
      this.cur += CELL_PARAGRAPH;
      return false;
    }
    this.line();
    return true;
  }

  /** Ends a paragraph known to be a cell's (its properties say so): the cell goes on, even its first paragraph. */
  cellParagraph(): void {
    this.cur += CELL_PARAGRAPH;
  }

  /** Ends a cell. */
  cell(): void {
    this.cells.push(joinCellParts(this.cur.split(CELL_PARAGRAPH)));
    this.cur = '';
  }

  /** Ends a row (with the text after its last cell, if any): one line, when a cell holds text. */
  row(): void {
    if (this.cur.trim()) this.cells.push(joinCellParts(this.cur.split(CELL_PARAGRAPH)));
    this.cur = '';
    if (this.cells.some((c) => c.trim())) {
      this.lines.push(this.cells.map((c) => c.replace(/\s+/g, ' ').trim()).join('\t'));
      this.hints.push({ table: true });
    }
    this.cells = [];
  }

  /** The lines, a row left open ended and the last paragraph kept. */
  finish(): { lines: string[]; hints: (BlockHint | undefined)[] } {
    if (this.cells.length) this.row();
    this.line();
    const lines: string[] = [];
    const hints: (BlockHint | undefined)[] = [];
    this.lines.forEach((l, i) => {
      for (const part of this.hints[i] ? [l] : l.split('\n')) {
        lines.push(part);
        hints.push(this.hints[i]);
      }
    });
    return { lines, hints };
  }

  private line(): void {
    if (this.cur.trim()) {
      this.lines.push(this.cur);
      this.hints.push(undefined);
    }
    this.cur = '';
  }
}
