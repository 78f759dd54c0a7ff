/**
 * Renders the Compare model (compare.ts) to an HTML fragment for the webview. Report text is
 * hostile input: every piece of it is escaped, and so is every attribute value. The fragment has
 * no scripts, no inline event handlers, no inline styles and no links; the extension adds the
 * shell, the stylesheet, its script (with a nonce) and the Content Security Policy. Cells carry
 * `data-report`, `data-paragraph` and `data-line` for that script to jump to a paragraph.
 */
import type { CompareCell, CompareModel, TextCell } from './compare.ts';
import type { FigureTable } from './figures.ts';
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
  noFigures: string;
  linkScore: string;
}

export const ENGLISH_LABELS: CompareLabels = {
  noCounterpart: (year) => `No counterpart in ${year}`,
  noCounterpartHeading: 'No counterpart',
  figures: 'Figures',
  figure: 'Figure',
  unit: 'Unit',
  noFigures: 'No figures in this chapter.',
  linkScore: 'link score',
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
  if (c.kind === 'none') return `<td class="cell none"${attr('data-year', c.year)}>${escapeHtml(o.labels.noCounterpart(c.year))}</td>`;
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

function renderFigures(t: FigureTable, labels: CompareLabels): string {
  if (!t.rows.length) return `<p class="figures-empty">${escapeHtml(labels.noFigures)}</p>`;
  const head = `<tr><th>${escapeHtml(labels.figure)}</th><th>${escapeHtml(labels.unit)}</th>${t.years.map((y) => `<th>${escapeHtml(String(y))}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r) => {
      const cells = r.cells
        .map((c) => {
          if (!c) return '<td class="fig none">—</td>';
          const ch = c.change;
          const delta = ch
            ? `<span class="change${ch.absolute > 0 ? ' up' : ch.absolute < 0 ? ' down' : ''}">${ch.absolute > 0 ? '+' : ''}${escapeHtml(num(ch.absolute))}${ch.percent !== null ? ` (${ch.percent > 0 ? '+' : ''}${escapeHtml(num(ch.percent))}%)` : ''}</span>`
            : '';
          return `<td class="fig"${attr('data-paragraph', c.figure.paragraphId)}>${escapeHtml(num(c.figure.value))} ${delta}</td>`;
        })
        .join('');
      return `<tr><th class="fig-label"${attr('title', r.group)}>${escapeHtml(r.label)}</th><td>${escapeHtml(r.unit)}</td>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="figures"><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

/** The Compare view as an HTML fragment. */
export function renderCompareHtml(m: CompareModel, options: RenderOptions = {}): string {
  const o: Required<RenderOptions> = { labels: options.labels ?? ENGLISH_LABELS, chips: options.chips ?? (() => []) };
  const title = `${m.issuer ? `${m.issuer} · ` : ''}${m.type}`;
  const head = m.chapters
    .map((c, i) =>
      c
        ? `<th${attr('data-year', c.year)}${attr('data-report', c.reportId)}${attr('data-line', c.line)}><span class="year">${escapeHtml(String(c.year))}</span> <span class="chapter">${escapeHtml(c.number !== null ? `${c.number}. ` : '')}${escapeHtml(c.title)}</span></th>`
        : `<th class="none"${attr('data-year', m.years[i])}><span class="year">${escapeHtml(String(m.years[i]))}</span> <span class="chapter">${escapeHtml(o.labels.noCounterpartHeading)}</span></th>`,
    )
    .join('');
  const rows = m.rows.map((r) => `<tr${attr('class', `row ${r.kind}`)}>${r.cells.map((c) => renderCell(c, o)).join('')}</tr>`).join('\n');
  return [
    `<section class="annals-compare"${attr('data-part', m.part)}>`,
    `<h2>${escapeHtml(title)}</h2>`,
    // The figures over time first, then the aligned text.
    `<h3>${escapeHtml(o.labels.figures)}</h3>`,
    renderFigures(m.figures, o.labels),
    `<table class="compare"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
    `</section>`,
  ].join('\n');
}
