/**
 * Renders the Compare model (compare.ts) to an HTML fragment for the webview. Report text is
 * hostile input: every piece of it is escaped, and so is every attribute value. The fragment has
 * no scripts, no inline event handlers, no inline styles and no links; the extension adds the
 * shell, the stylesheet, its script (with a nonce) and the Content Security Policy. Cells carry
 * `data-report`, `data-paragraph` and `data-line` for that script to jump to a paragraph.
 */
import type { CollapsedRow, CompareCell, CompareModel, TextCell } from './compare.ts';
import type { FigureTable } from './figureTable.ts';
import { isColor } from '../model/index.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

const attr = (name: string, value: string | number) => ` ${name}="${escapeHtml(String(value))}"`;

/** The words of the view, for the extension to pass in the user's language. */
export interface CompareLabels {
  noCounterpart(year: number): string;
  noCounterpartHeading: string;
  figures: string;
  figure: string;
  unit: string;
  /** The figures table's column of kinds, and its two values. */
  kind: string;
  target: string;
  result: string;
  noFigures: string;
  linkScore: string;
  /** The compact row of a run only one year has: `only in 2012 · 3 paragraphs`. */
  onlyIn(count: number, year: number): string;
  /** On a column header whose link was chosen by hand. */
  manual: string;
  /** On the column of the year Compare was opened from. */
  startYear: string;
}

export const ENGLISH_LABELS: CompareLabels = {
  noCounterpart: (year) => `No counterpart in ${year}`,
  noCounterpartHeading: 'No counterpart',
  figures: 'Figures',
  figure: 'Figure',
  unit: 'Unit',
  kind: 'Kind',
  target: 'target',
  result: 'result',
  noFigures: 'No figures in this chapter.',
  linkScore: 'link score',
  onlyIn: (count, year) => `only in ${year} · ${count} ${count === 1 ? 'paragraph' : 'paragraphs'}`,
  manual: 'chosen by hand',
  startYear: 'the year you came from',
};

/** A tag chip on a paragraph: the tag's label and its colour (#rgb or #rrggbb only). */
export interface Chip {
  label: string;
  color: string | null;
  unknown?: boolean;
}

export interface RenderOptions {
  labels?: CompareLabels;
  /** Tag chips for a paragraph of a report. */
  chips?: (reportId: string, paragraphId: string) => Chip[];
  /** Whether the figures panel starts open. */
  figuresOpen?: boolean;
}

function renderChips(chips: Chip[]): string {
  if (!chips.length) return '';
  const items = chips.map((c) => {
    // The colour goes in a data attribute (the CSP allows no inline styles); the script applies it.
    const color = isColor(c.color) ? attr('data-color', c.color) : '';
    return `<span class="chip${c.unknown ? ' unknown' : ''}"${color}>${escapeHtml(c.label)}</span>`;
  });
  return `<span class="chips">${items.join('')}</span>`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** The current text with the diff's deletions shown and its figures marked. */
function renderText(c: TextCell): string {
  // Pieces of the current text with their diff op, and the deleted text in between.
  const pieces: { op: 'equal' | 'insert' | 'delete'; text: string; at: number }[] = [];
  if (c.diff) {
    let at = 0;
    for (const d of c.diff) {
      pieces.push({ op: d.op, text: d.text, at });
      if (d.op !== 'delete') at += d.text.length;
    }
  } else pieces.push({ op: 'equal', text: c.text, at: 0 });
  const out: string[] = [];
  for (const p of pieces) {
    if (p.op === 'delete') {
      out.push(`<del class="diff-del">${escapeHtml(p.text)}</del>`);
      continue;
    }
    // Split at figure boundaries inside this piece.
    let k = 0;
    const inner: string[] = [];
    const end = p.at + p.text.length;
    for (const f of c.figures) {
      if (f.end <= p.at + k || f.start >= end) continue;
      const s = Math.max(f.start, p.at + k) - p.at;
      const e = Math.min(f.end, end) - p.at;
      if (s > k) inner.push(escapeHtml(p.text.slice(k, s)));
      inner.push(`<mark class="figure"${attr('title', `${f.label || '—'}: ${num(f.value)} ${f.unit}`)}>${escapeHtml(p.text.slice(s, e))}</mark>`);
      k = e;
    }
    if (k < p.text.length) inner.push(escapeHtml(p.text.slice(k)));
    out.push(p.op === 'insert' ? `<ins class="diff-ins">${inner.join('')}</ins>` : inner.join(''));
  }
  return out.join('');
}

function renderCell(c: CompareCell, o: Required<RenderOptions>): string {
  // Compact: an empty cell whose title (read out by screen readers too) says why.
  if (c.kind === 'none') return `<td class="cell none"${attr('title', o.labels.noCounterpart(c.year))}></td>`;
  const score = c.score !== null ? `<span class="score"${attr('title', o.labels.linkScore)}>${c.score.toFixed(2)}</span>` : '';
  // VS Code reads data-vscode-context for the webview's context menu (Tag Paragraph).
  const context = JSON.stringify({
    webviewSection: 'paragraph',
    report: c.reportId,
    paragraph: c.paragraphId,
    line: c.line,
    preventDefaultContextMenuItems: true,
  });
  return `<td class="cell text" tabindex="-1"${attr('data-year', c.year)}${attr('data-report', c.reportId)}${attr('data-paragraph', c.paragraphId)}${attr('data-line', c.line)}${attr('data-vscode-context', context)}>${score}${renderChips(o.chips(c.reportId, c.paragraphId))}${renderText(c)}</td>`;
}

/** Where each shown paragraph is, by year and paragraph id: a figure's cell opens it. */
type Places = Map<string, { reportId: string; line: number }>;
const placeKey = (year: number, paragraphId: string) => `${year}\u0000${paragraphId}`;

function places(m: CompareModel): Places {
  const out: Places = new Map();
  const rows = m.rows.flatMap((r) => (r.kind === 'collapsed' ? r.rows : [r]));
  for (const r of rows) for (const c of r.cells) if (c.kind === 'text') out.set(placeKey(c.year, c.paragraphId), { reportId: c.reportId, line: c.line });
  return out;
}

/** The optional fields a figure may carry (its sentence, its paragraph), read when present. */
interface FigureExtras {
  sentence?: string;
  paragraph?: string;
}

function renderFigures(t: FigureTable, labels: CompareLabels, where: Places): string {
  if (!t.rows.length) return `<p class="figures-empty">${escapeHtml(labels.noFigures)}</p>`;
  const head = `<tr><th>${escapeHtml(labels.figure)}</th><th>${escapeHtml(labels.unit)}</th><th>${escapeHtml(labels.kind)}</th>${t.years.map((y) => `<th>${escapeHtml(String(y))}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r) => {
      const cells = r.cells
        .map((c) => {
          if (!c) return '<td class="fig none">—</td>';
          const ch = c.change;
          const delta = ch
            ? `<span class="change${ch.absolute > 0 ? ' up' : ch.absolute < 0 ? ' down' : ''}">${ch.absolute > 0 ? '+' : ''}${escapeHtml(num(ch.absolute))}${ch.percent !== null ? ` (${ch.percent > 0 ? '+' : ''}${escapeHtml(num(ch.percent))}%)` : ''}</span>`
            : '';
          const f = c.figure as typeof c.figure & FigureExtras;
          const paragraphId = typeof f.paragraph === 'string' ? f.paragraph : f.paragraphId;
          const at = where.get(placeKey(f.year, paragraphId));
          const open = at ? `${attr('data-report', at.reportId)}${attr('data-line', at.line)} tabindex="-1"` : '';
          const title = attr('title', typeof f.sentence === 'string' && f.sentence ? f.sentence : f.text);
          return `<td class="fig${at ? ' opens' : ''}"${attr('data-paragraph', paragraphId)}${open}${title}>${escapeHtml(num(c.figure.value))} ${delta}</td>`;
        })
        .join('');
      return `<tr><th class="fig-label"${attr('title', r.group)}>${escapeHtml(r.label)}</th><td>${escapeHtml(r.unit)}</td><td class="kind ${r.kind}">${escapeHtml(r.kind === 'target' ? labels.target : labels.result)}</td>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="figures"><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

/** The Compare view as an HTML fragment. */
/** The compact row of a collapsed run, then its rows, hidden until it is expanded. */
function renderCollapsed(r: CollapsedRow, group: number, o: Required<RenderOptions>, years: number[]): string {
  const cells = r.counts
    .map((n, i) =>
      n
        ? `<td class="cell only"${attr('data-year', years[i])}><button type="button" class="expand" aria-expanded="false"${attr('data-group', group)}>${escapeHtml(o.labels.onlyIn(n, years[i]))}</button></td>`
        : `<td class="cell gap"${attr('data-year', years[i])}></td>`,
    )
    .join('');
  // The hidden rows wait in a <template>: parsed, but neither styled nor laid out until expanded.
  const hidden = r.rows.map(
    (x) => `<tr${attr('class', `row ${x.kind} folded`)}${attr('data-group', group)}>${x.cells.map((c) => renderCell(c, o)).join('')}</tr>`,
  );
  return `<tr class="row collapsed"${attr('data-group', group)}>${cells}</tr>\n<template class="folded"${attr('data-group', group)}>${hidden.join('')}</template>`;
}

/** The heading as the report prints it: its own label (三、, （十）), then the title. */
const printed = (label: string | null, title: string) => `${label ?? ''}${title}`;

/** The Compare view as an HTML fragment. */
export function renderCompareHtml(m: CompareModel, options: RenderOptions = {}): string {
  return renderParts(m, options, Number.POSITIVE_INFINITY).html;
}

/** Rows in the first paint; the rest follow in chunks of this many. */
const FIRST_ROWS = 12;
const CHUNK_ROWS = 40;

/**
 * The Compare view in parts, for a quick first paint of a long Compare: the fragment with the
 * first rows of the table, the further rows of its body (HTML of <tr>s) in chunks, to append in
 * order, and the figures table for the slot in the figures panel.
 */
export function renderCompareParts(m: CompareModel, options: RenderOptions = {}): { html: string; more: string[]; figures: string } {
  return renderParts(m, options, FIRST_ROWS);
}

function renderParts(m: CompareModel, options: RenderOptions, first: number): { html: string; more: string[]; figures: string } {
  const o: Required<RenderOptions> = {
    labels: options.labels ?? ENGLISH_LABELS,
    chips: options.chips ?? (() => []),
    figuresOpen: options.figuresOpen ?? false,
  };
  const title = `${m.issuer ? `${m.issuer} · ` : ''}${m.type}`;
  const head = m.chapters
    .map((c, i) => {
      const y = m.years[i];
      const start = y === m.startYear ? ` class="start"${attr('aria-description', o.labels.startYear)}` : '';
      const year = `<span class="year">${escapeHtml(String(y))}</span>${y === m.startYear ? `<span class="start-mark"${attr('title', o.labels.startYear)}>●</span>` : ''}`;
      if (!c) return `<th${start}${attr('data-year', y)}>${year} <span class="chapter none">${escapeHtml(o.labels.noCounterpartHeading)}</span></th>`;
      const manual = c.manual ? ` <span class="manual"${attr('title', o.labels.manual)}>✎</span>` : '';
      // VS Code reads data-vscode-context for the header's context menu (Choose Counterpart…).
      const context = JSON.stringify({ webviewSection: 'column', report: c.reportId, line: c.line, preventDefaultContextMenuItems: true });
      return `<th${start}${attr('data-year', y)}${attr('data-report', c.reportId)}${attr('data-line', c.line)}${attr('data-vscode-context', context)}>${year} <span class="chapter">${escapeHtml(printed(c.label, c.title))}</span>${manual}</th>`;
    })
    .join('');
  let group = 0;
  const all = m.rows.map((r) =>
    r.kind === 'collapsed'
      ? renderCollapsed(r, group++, o, m.years)
      : `<tr${attr('class', `row ${r.kind}`)}>${r.cells.map((c) => renderCell(c, o)).join('')}</tr>`,
  );
  const rows = all.slice(0, first).join('\n');
  const more: string[] = [];
  for (let k = first; k < all.length; k += CHUNK_ROWS) more.push(all.slice(k, k + CHUNK_ROWS).join('\n'));
  const figureCount = m.figures.rows.length;
  const figures = renderFigures(m.figures, o.labels, places(m));
  const html = [
    `<section class="annals-compare"${attr('data-part', m.part)}${attr('data-scope', m.scope)}${attr('data-start', m.startYear)}>`,
    `<h2>${escapeHtml(title)}</h2>`,
    // The aligned text first, in a scroller of its own (sticky year headers, columns of a least width).
    `<div class="scroller"><table class="compare"${attr('data-columns', m.years.length)}><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`,
    // The figures over time below, in a panel that opens and closes (the choice is remembered).
    `<details class="figures-panel"${o.figuresOpen ? ' open' : ''}><summary>${escapeHtml(o.labels.figures)} <span class="count">${escapeHtml(String(figureCount))}</span></summary>`,
    // In parts, the figures table comes after the rows, into its slot.
    first === Number.POSITIVE_INFINITY ? figures : '<div class="figures-slot"></div>',
    `</details>`,
    `</section>`,
  ].join('\n');
  return { html, more, figures };
}
