/**
 * The Trends webview's script, bundled with Observable Plot into media/trends.js (scripts/build.mjs).
 * Runs under the panel's CSP (default-src 'none', this script by nonce, styles only from
 * media/trends.css): Plot draws SVG, its own <style> element is taken out (media/trends.css has
 * its rules), and colours are read from the theme's CSS variables. Every chart has a table beside
 * it, and can be saved as SVG, PNG or CSV through the extension.
 */
import * as Plot from '@observablehq/plot';
import type { TrendChart, TrendsFromWebview, TrendsLabels, TrendsState, TrendsToWebview, YearChange } from '../core/trends/index.ts';

declare function acquireVsCodeApi(): { postMessage(m: TrendsFromWebview): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const post = (m: TrendsFromWebview) => vscode.postMessage(m);

/** The theme's chart colours, resolved (SVG attributes do not take var()). */
function themeColors(): string[] {
  const css = getComputedStyle(document.body);
  const names = ['blue', 'orange', 'green', 'red', 'purple', 'yellow'];
  const fallback = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#bcbd22'];
  return names.map((n, i) => css.getPropertyValue(`--vscode-charts-${n}`).trim() || fallback[i]);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

const fmt = (v: number | null) => (v === null ? '—' : String(Math.round(v * 100) / 100));

/** The chart as an SVG element (Plot), its marks counted. */
function drawChart(chart: TrendChart, colors: string[]): { svg: SVGSVGElement | HTMLElement; marks: number } {
  const data = chart.series.flatMap((s) => chart.years.map((year, i) => ({ name: s.name, year, value: s.values[i] })).filter((d) => d.value !== null));
  const range = chart.series.map((s, i) => s.color ?? colors[i % colors.length]);
  const plot = Plot.plot({
    width: Math.max(320, Math.min(900, (document.body.clientWidth || 640) - 40)),
    height: 260,
    marginLeft: 48,
    x: { type: 'point', domain: chart.years, label: null, tickFormat: (y: number) => String(y) },
    // Counts have whole-number ticks only.
    y: {
      grid: true,
      label: chart.unit,
      zero: true,
      ...(data.every((d) => Number.isInteger(d.value)) ? { tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : '') } : {}),
    },
    color: { domain: chart.series.map((s) => s.name), range },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, { x: 'year', y: 'value', stroke: 'name', strokeWidth: 2 }),
      Plot.dot(data, {
        x: 'year',
        y: 'value',
        fill: 'name',
        r: 3.5,
        title: (d: { name: string; year: number; value: number }) => `${d.name} · ${d.year}: ${fmt(d.value)}`,
      }),
    ],
    ariaLabel: chart.title,
  });
  // Plot's own <style> element would need 'unsafe-inline': media/trends.css has its rules.
  for (const s of plot.querySelectorAll('style')) s.remove();
  return { svg: plot, marks: data.length };
}

/** A swatch of a line's colour: the table's headers are the chart's legend. Set through the CSSOM, which the CSP allows. */
function swatch(color: string): HTMLElement {
  const span = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  span.style.backgroundColor = color;
  return span;
}

/** The accessible table of a chart: one row per year, one column per line (its header with the line's colour). */
function chartTable(chart: TrendChart, labels: TrendsLabels, colors: string[]): HTMLTableElement {
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, labels.year),
    ...chart.series.map((s, i) => el('th', { scope: 'col' }, swatch(s.color ?? colors[i % colors.length]), s.name)),
  );
  const rows = chart.years.map((y, i) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, String(y)),
      ...chart.series.map((s) => el('td', s.notes?.[i] ? { title: s.notes[i] ?? '' } : {}, fmt(s.values[i]))),
    ),
  );
  return el('table', { class: 'data' }, el('caption', {}, `${chart.title} (${labels.table})`), el('thead', {}, head), el('tbody', {}, ...rows));
}

function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The chart's SVG as a file: the theme's text colour and background written in, so it reads outside the editor. */
function standaloneSvg(svg: Element): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const css = getComputedStyle(document.body);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('color', css.color || '#333');
  clone.setAttribute('font-family', css.fontFamily || 'sans-serif');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', css.backgroundColor && css.backgroundColor !== 'rgba(0, 0, 0, 0)' ? css.backgroundColor : '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** The SVG drawn on a canvas at twice its size, as PNG base64. */
function pngOf(svgText: string, width: number, height: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('no canvas'));
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, width, height);
      resolve(canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
    };
    img.onerror = () => reject(new Error('the SVG could not be drawn'));
    img.src = `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(svgText))}`;
  });
}

function exportButtons(id: string, labels: TrendsLabels, svg: () => Element | null): HTMLElement {
  const button = (format: 'svg' | 'png' | 'csv', text: string) => {
    const b = el('button', { type: 'button', class: 'export', 'data-format': format, 'data-chart': id }, text);
    b.addEventListener('click', async () => {
      const node = svg();
      if (format === 'csv' || !node) post({ type: 'export', chart: id, format: 'csv', data: '' });
      else if (format === 'svg') post({ type: 'export', chart: id, format, data: standaloneSvg(node) });
      else {
        const box = node.getBoundingClientRect();
        post({ type: 'export', chart: id, format, data: await pngOf(standaloneSvg(node), Math.ceil(box.width), Math.ceil(box.height)) });
      }
    });
    return b;
  };
  const parts = svg() ? [button('svg', labels.exportSvg), button('png', labels.exportPng)] : [];
  return el('div', { class: 'exports' }, ...parts, button('csv', labels.exportCsv));
}

function changesSection(changes: YearChange[], labels: TrendsLabels): HTMLElement {
  const section = el('section', { class: 'chart', id: 'changes', 'aria-labelledby': 'changes-title' }, el('h2', { id: 'changes-title' }, labels.risingFalling));
  if (!changes.length) section.append(el('p', { class: 'empty' }, labels.noData));
  for (const c of changes) {
    const table = (title: string, list: YearChange['rising'], kind: string) =>
      el(
        'table',
        { class: `data ${kind}` },
        el('caption', {}, `${c.from} → ${c.to}: ${title}`),
        el('thead', {}, el('tr', {}, ...[labels.term, String(c.from), String(c.to), labels.change].map((h) => el('th', { scope: 'col' }, h)))),
        el(
          'tbody',
          {},
          ...list.map((t) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, t.term),
              el('td', {}, String(t.before)),
              el('td', {}, String(t.after)),
              el('td', {}, `${t.score > 0 ? '+' : ''}${t.score.toFixed(2)}`),
            ),
          ),
        ),
      );
    section.append(el('div', { class: 'pair' }, table(labels.rising, c.rising, 'rising'), table(labels.falling, c.falling, 'falling')));
  }
  section.append(exportButtons('changes', labels, () => null));
  return section;
}

function controls(state: TrendsState, labels: TrendsLabels): HTMLElement {
  const tags = el('button', { type: 'button', id: 'choose-tags' }, labels.chooseTags);
  tags.addEventListener('click', () => post({ type: 'chooseTags' }));
  const terms = el('input', { id: 'terms', type: 'text', placeholder: labels.termsPlaceholder, 'aria-label': labels.terms });
  terms.value = state.terms.join('，');
  const termsForm = el('form', { id: 'terms-form' }, el('label', { for: 'terms' }, labels.terms), terms, el('button', { type: 'submit' }, labels.apply));
  termsForm.addEventListener('submit', (e) => {
    e.preventDefault();
    post({ type: 'setTerms', terms: terms.value.split(/[,，、;；\s]+/u).filter(Boolean) });
  });
  const figure = el('input', { id: 'figure', type: 'text', placeholder: labels.figurePlaceholder, 'aria-label': labels.figure });
  figure.value = state.figure;
  const figureForm = el('form', { id: 'figure-form' }, el('label', { for: 'figure' }, labels.figure), figure, el('button', { type: 'submit' }, labels.apply));
  figureForm.addEventListener('submit', (e) => {
    e.preventDefault();
    post({ type: 'setFigure', figure: figure.value.trim() });
  });
  return el('nav', { id: 'controls', 'aria-label': labels.tags }, tags, termsForm, figureForm);
}

function render(m: Extract<TrendsToWebview, { type: 'render' }>): void {
  vscode.setState(m.state);
  document.title = m.title;
  const main = document.getElementById('content')!;
  const colors = themeColors();
  const marks: Record<string, number> = {};
  const sections = m.charts.map((chart) => {
    const section = el(
      'section',
      { class: 'chart', id: `chart-${chart.id}`, 'aria-labelledby': `title-${chart.id}` },
      el('h2', { id: `title-${chart.id}` }, chart.title),
    );
    const empty = !chart.series.length || chart.series.every((s) => s.values.every((v) => v === null));
    if (empty) {
      section.append(el('p', { class: 'empty' }, m.labels.noData));
      marks[chart.id] = 0;
      return section;
    }
    const { svg, marks: n } = drawChart(chart, colors);
    marks[chart.id] = n;
    const figure = el('div', { class: 'plot' });
    figure.append(svg);
    section.append(
      el('div', { class: 'side' }, figure, chartTable(chart, m.labels, colors)),
      exportButtons(chart.id, m.labels, () => figure.querySelector('svg')),
    );
    return section;
  });
  main.replaceChildren(el('h1', {}, m.title), controls(m.state, m.labels), ...sections, changesSection(m.changes, m.labels));
  requestAnimationFrame(() => post({ type: 'rendered', marks }));
}

window.addEventListener('message', (e: MessageEvent<TrendsToWebview>) => {
  const m = e.data;
  if (m?.type === 'render') render(m);
  else if (m?.type === 'error') {
    if (m.state) vscode.setState(m.state);
    document.getElementById('content')!.replaceChildren(el('p', { class: 'error', role: 'alert' }, m.message));
  }
});

post({ type: 'ready', state: (vscode.getState() as TrendsState | null) ?? null });
