// @ts-check
/**
 * The Compare webview's script. The extension sends the Compare fragment, in which every piece of
 * report text is escaped (src/core/compareHtml.ts); the page's CSP allows no other script and no
 * inline handlers. This script only wires clicks and keys, the year toolbar, chip colours and
 * setState. The messages are the typed unions of src/core/compareProtocol.ts.
 *
 * @typedef {import('../src/core/compare/index.ts').ToWebview} ToWebview
 * @typedef {import('../src/core/compare/index.ts').FromWebview} FromWebview
 * @typedef {import('../src/core/compare/index.ts').CompareState} CompareState
 * @typedef {import('../src/core/compare/index.ts').YearChoice} YearChoice
 */
(() => {
  // @ts-expect-error acquireVsCodeApi is provided by VS Code in webviews.
  const vscode = acquireVsCodeApi();
  const content = /** @type {HTMLElement} */ (document.getElementById('content'));
  const toolbar = /** @type {HTMLElement} */ (document.getElementById('toolbar'));

  /** @param {FromWebview} m */
  function send(m) {
    vscode.postMessage(m);
  }

  /** @type {YearChoice[]} */
  let years = [];
  /** @type {CompareState | null} */
  let state = null;
  /** The least width of a year's column, in em: narrower editor groups scroll sideways. */
  const MIN_COLUMN_EM = 16;

  /** @param {Extract<ToWebview, { type: 'render' }>} m */
  function render(m) {
    const first = !state || state.reportId !== m.state.reportId || state.line !== m.state.line;
    state = m.state;
    vscode.setState(m.state);
    years = m.years;
    // The same Compare rendered again (annotations, years): keep where the reader was.
    const before = content.querySelector('.scroller');
    const keep = !first && before ? { left: before.scrollLeft, top: before.scrollTop } : null;
    content.innerHTML = m.html; // Escaped by the renderer; the CSP stops any script besides.
    const table = /** @type {HTMLElement | null} */ (content.querySelector('table.compare'));
    const columns = Number(table?.getAttribute('data-columns') || '1');
    if (table) table.style.minWidth = `${columns * MIN_COLUMN_EM}em`;
    for (const b of content.querySelectorAll('button.expand')) b.setAttribute('title', m.labels.expand);
    const details = content.querySelector('details.figures-panel');
    details?.addEventListener('toggle', () => {
      const open = /** @type {HTMLDetailsElement} */ (details).open;
      if (state) {
        state = { ...state, figuresOpen: open };
        vscode.setState(state);
      }
      send({ type: 'setFiguresOpen', open });
    });
    // The year Compare was opened from is in view (the first column, or scrolled to).
    const scroller = content.querySelector('.scroller');
    if (keep && scroller) {
      scroller.scrollLeft = keep.left;
      scroller.scrollTop = keep.top;
    } else content.querySelector('thead th.start')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    for (const chip of content.querySelectorAll('.chip[data-color]')) {
      const color = chip.getAttribute('data-color') || '';
      if (/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color)) /** @type {HTMLElement} */ (chip).style.setProperty('--chip-color', color);
    }
    for (const cell of content.querySelectorAll('td.cell, thead th[data-report]')) cell.setAttribute('tabindex', '-1');
    const firstCell = content.querySelector('td.cell.text');
    if (firstCell) firstCell.setAttribute('tabindex', '0');
    renderToolbar(m.labels);
    // Two frames: the second runs after the first paint of the new content; then the further rows
    // go in, a chunk at a time, so a long Compare shows its first screen at once.
    renderId = m.id;
    began = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => send({ type: 'painted', sinceLoad: performance.now() })));
  }

  /** The render shown: the rest of another is dropped. */
  let renderId = -1;
  let began = 0;

  /**
   * Appends the further rows of the table's body, one chunk per task, then fills the figures slot.
   * @param {Extract<ToWebview, { type: 'rest' }>} m @param {number} k
   */
  function appendRest(m, k) {
    if (m.id !== renderId) return;
    const body = content.querySelector('table.compare > tbody');
    if (body && k < m.more.length) {
      body.insertAdjacentHTML('beforeend', m.more[k]); // Escaped by the renderer, as the first part.
      setTimeout(() => appendRest(m, k + 1), 0);
      return;
    }
    const slot = content.querySelector('.figures-slot');
    if (slot) slot.outerHTML = m.figures; // Escaped by the renderer too.
    send({ type: 'filled', ms: performance.now() - began, rows: body ? body.querySelectorAll(':scope > tr').length : 0 });
  }

  /** @param {{ years: string; newestFirst: string; oldestFirst: string; expand: string; collapse: string }} labels */
  function renderToolbar(labels) {
    toolbar.textContent = '';
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = labels.years;
    toolbar.append(label);
    for (const y of years) {
      const box = document.createElement('label');
      box.className = 'year-choice';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = y.shown;
      input.value = String(y.year);
      input.addEventListener('change', () => {
        const chosen = years.filter((c) => (c.year === y.year ? input.checked : c.shown)).map((c) => c.year);
        if (chosen.length) send({ type: 'setYears', years: chosen });
        else input.checked = true; // At least one year stays.
      });
      box.append(input, document.createTextNode(String(y.year)));
      toolbar.append(box);
    }
    const shown = years.filter((y) => y.shown).map((y) => y.year);
    const newestFirst = years.length > 1 && years[0].year > years[years.length - 1].year;
    const order = document.createElement('button');
    order.type = 'button';
    order.className = 'order';
    order.textContent = newestFirst ? labels.oldestFirst : labels.newestFirst;
    order.addEventListener('click', () => send({ type: 'setYears', years: shown.slice().reverse() }));
    toolbar.append(order);
  }

  /** @param {string} message */
  function showError(message) {
    content.textContent = '';
    const p = document.createElement('p');
    p.className = 'error';
    p.textContent = message;
    content.append(p);
  }

  /** @param {Element | null} el */
  function reveal(el) {
    if (!el) return;
    const reportId = el.getAttribute('data-report');
    const line = Number(el.getAttribute('data-line'));
    if (reportId && Number.isInteger(line)) send({ type: 'reveal', reportId, line });
  }

  /** Shows or hides the rows of a collapsed run (kept in a <template> until shown). @param {Element} button */
  function toggleGroup(button) {
    const group = button.getAttribute('data-group');
    const open = button.getAttribute('aria-expanded') !== 'true';
    for (const b of content.querySelectorAll(`button.expand[data-group="${group}"]`)) b.setAttribute('aria-expanded', String(open));
    const template = /** @type {HTMLTemplateElement | null} */ (content.querySelector(`template.folded[data-group="${group}"]`));
    if (!template) return;
    if (open) template.after(template.content.cloneNode(true));
    else for (const row of content.querySelectorAll(`tr.folded[data-group="${group}"]`)) row.remove();
  }

  content.addEventListener('click', (e) => {
    const target = /** @type {Element} */ (e.target);
    const expand = target.closest('button.expand');
    if (expand) {
      toggleGroup(expand);
      return;
    }
    if (window.getSelection()?.toString()) return; // Selecting text is not a click on the paragraph.
    reveal(target.closest('td.cell.text, thead th[data-report], td.fig[data-report]'));
  });

  /** Arrow keys move between cells (left/right across years, up/down across rows); Enter reveals. */
  content.addEventListener('keydown', (e) => {
    if (/** @type {Element} */ (e.target).closest('button.expand')) return; // A button does its own keys.
    const cell = /** @type {HTMLElement | null} */ (/** @type {Element} */ (e.target).closest('td.cell, thead th, td.fig[data-report]'));
    if (!cell) return;
    if (e.key === 'Enter' || e.key === ' ') {
      reveal(cell.matches('td.cell.text, thead th[data-report], td.fig[data-report]') ? cell : null);
      e.preventDefault();
      return;
    }
    const row = /** @type {HTMLTableRowElement} */ (cell.parentElement);
    const index = Array.prototype.indexOf.call(row.children, cell);
    const rows = Array.from(content.querySelectorAll('table.compare tr'));
    const r = rows.indexOf(row);
    /** @type {Element | undefined} */
    let next;
    if (e.key === 'ArrowRight') next = row.children[index + 1];
    else if (e.key === 'ArrowLeft') next = row.children[index - 1];
    else if (e.key === 'ArrowDown') next = rows[r + 1]?.children[index];
    else if (e.key === 'ArrowUp') next = rows[r - 1]?.children[index];
    else if (e.key === 'Home') next = rows[1]?.children[index];
    else if (e.key === 'End') next = rows[rows.length - 1]?.children[index];
    if (!next) return;
    e.preventDefault();
    cell.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    /** @type {HTMLElement} */ (next).focus();
  });

  window.addEventListener('message', (event) => {
    /** @type {ToWebview} */
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'render') render(m);
    else if (m.type === 'rest') appendRest(m, 0);
    else if (m.type === 'error') {
      if (m.state) vscode.setState(m.state);
      showError(m.message);
    }
  });

  send({ type: 'ready', state: vscode.getState() ?? null });
})();
