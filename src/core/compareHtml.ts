/**
 * Renders the Compare model (compare.ts) to an HTML fragment for the webview. Report text is
 * hostile input: every piece of it is escaped, and so is every attribute value. The fragment has
 * no scripts, no inline event handlers, no inline styles and no links; the extension adds the
 * shell, the stylesheet, its script (with a nonce) and the Content Security Policy. Cells carry
 * `data-report`, `data-paragraph` and `data-line` for that script to jump to a paragraph.
 */
import type { CompareCell, CompareModel, TextCell } from './compare.ts';
import type { FigureTable } from './figures.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

const attr = (name: string, value: string | number) => ` ${name}="${escapeHtml(String(value))}"`;

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

function renderCell(c: CompareCell): string {
  if (c.kind === 'none') return `<td class="cell none"${attr('data-year', c.year)}>${escapeHtml(c.message)}</td>`;
  const score = c.score !== null ? `<span class="score"${attr('title', 'link score')}>${c.score.toFixed(2)}</span>` : '';
  return `<td class="cell text"${attr('data-year', c.year)}${attr('data-report', c.reportId)}${attr('data-paragraph', c.paragraphId)}${attr('data-line', c.line)}>${score}${renderText(c)}</td>`;
}

function renderFigures(t: FigureTable): string {
  if (!t.rows.length) return '<p class="figures-empty">No figures in this chapter.</p>';
  const head = `<tr><th>Figure</th><th>Unit</th>${t.years.map((y) => `<th>${escapeHtml(String(y))}</th>`).join('')}</tr>`;
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
export function renderCompareHtml(m: CompareModel): string {
  const title = `${m.issuer ? `${m.issuer} · ` : ''}${m.type}`;
  const head = m.chapters
    .map((c, i) =>
      c
        ? `<th${attr('data-year', c.year)}${attr('data-report', c.reportId)}${attr('data-line', c.line)}><span class="year">${escapeHtml(String(c.year))}</span> <span class="chapter">${escapeHtml(c.number !== null ? `${c.number}. ` : '')}${escapeHtml(c.title)}</span></th>`
        : `<th class="none"${attr('data-year', m.years[i])}><span class="year">${escapeHtml(String(m.years[i]))}</span> <span class="chapter">No counterpart</span></th>`,
    )
    .join('');
  const rows = m.rows.map((r) => `<tr${attr('class', `row ${r.kind}`)}>${r.cells.map(renderCell).join('')}</tr>`).join('\n');
  return [
    `<section class="annals-compare"${attr('data-part', m.part)}>`,
    `<h2>${escapeHtml(title)}</h2>`,
    `<table class="compare"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
    `<h3>Figures</h3>`,
    renderFigures(m.figures),
    `</section>`,
  ].join('\n');
}
