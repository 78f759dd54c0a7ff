import * as vscode from 'vscode';
import { paragraphsFiguresLazy } from '../host/figureChunk.ts';
import {
  changesCsv,
  chartCsv,
  figureRow,
  isTrendsState,
  parseTrendsMessage,
  risingFalling,
  tagCounts,
  termCounts,
  trendYears,
  type Codebook,
  type TrendChart,
  type TrendsLabels,
  type TrendsState,
  type TrendsToWebview,
  type YearChange,
  type YearText,
} from '../core/index.ts';
import type { AnnotationService } from './annotations.ts';
import { colorIcon } from './colors.ts';
import type { Corpus } from './corpus.ts';
import { Disposable } from './disposable.ts';
import { mediaCsp, nonce } from './webview.ts';

const TRENDS_VIEW = 'annals.trends';

/** Report text that counts: headings and body, not closing lines or page chrome. */
const TEXT_ROLES = new Set(['part', 'chapter', 'section', 'body']);

function labels(): TrendsLabels {
  return {
    tags: vscode.l10n.t('Trends'),
    chooseTags: vscode.l10n.t('Choose Tags…'),
    terms: vscode.l10n.t('Terms'),
    termsPlaceholder: vscode.l10n.t('放管服，营商环境'),
    figure: vscode.l10n.t('Figure'),
    figurePlaceholder: vscode.l10n.t('国内生产总值'),
    apply: vscode.l10n.t('Show'),
    year: vscode.l10n.t('Year'),
    table: vscode.l10n.t('table'),
    rising: vscode.l10n.t('Rising'),
    falling: vscode.l10n.t('Falling'),
    risingFalling: vscode.l10n.t('Words rising and falling year on year'),
    term: vscode.l10n.t('Word'),
    change: vscode.l10n.t('Change (log₂)'),
    exportSvg: vscode.l10n.t('Save SVG'),
    exportPng: vscode.l10n.t('Save PNG'),
    exportCsv: vscode.l10n.t('Save CSV'),
    noData: vscode.l10n.t('Nothing to show yet.'),
  };
}

/** The tags drawn when none were chosen: the codebook's top level. */
const topLevel = (cb: Codebook | null) => (cb?.tags ?? []).filter((t) => t.parent === undefined).map((t) => t.id);

/**
 * The Trends webview: for one series, annotations per year by tag, the terms the analyst enters
 * per year, one figure over the years, and the words rising and falling from year to year. Built
 * like the Compare panel: CSP default-src 'none' with a nonce, media/ only, setState and a
 * serializer, one typed message union each way. Charts are drawn in the webview by Observable
 * Plot (media/trends.js); files are saved here.
 */
export class TrendsPanels extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: TrendsState | undefined;
  private live = false;
  private pending: TrendsToWebview | undefined;
  private renders = 0;
  /** What was drawn last, for CSV. */
  private drawn: { charts: TrendChart[]; changes: YearChange[]; series: string } | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: Pick<Corpus, 'grouping' | 'onDidChange' | 'fullAll'>,
    private readonly annotations: Pick<AnnotationService, 'placement' | 'codebook' | 'onDidChange'>,
    private readonly log?: Pick<vscode.LogOutputChannel, 'info'>,
  ) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(TRENDS_VIEW, {
        deserializeWebviewPanel: async (panel, state) => {
          this.adopt(panel);
          if (isTrendsState(state)) await this.show(state);
          else this.post({ type: 'error', message: vscode.l10n.t('The Trends view could not be restored.'), state: null });
        },
      }),
    );
    this.register(annotations.onDidChange(() => this.refresh()));
    this.register(corpus.onDidChange(() => this.refresh()));
  }

  private media(name: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'media', name);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    this.live = false;
    this.pending = undefined;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
    panel.iconPath = this.media('annals.svg');
    panel.webview.html = this.shell(panel.webview);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m));
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private shell(webview: vscode.Webview): string {
    const n = nonce();
    // data: images: the PNG export draws the chart's SVG on a canvas.
    const csp = mediaCsp(webview, n, ['data:']);
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${webview.asWebviewUri(this.media('trends.css'))}" rel="stylesheet">
<title>Annals: Trends</title>
</head>
<body>
<main id="content" aria-live="polite"></main>
<script nonce="${n}" src="${webview.asWebviewUri(this.media('trends.js'))}"></script>
</body>
</html>`;
  }

  private post(message: TrendsToWebview): void {
    if (!this.live) this.pending = message;
    else void this.panel?.webview.postMessage(message);
  }

  /** Opens (or reuses) the panel for this state. */
  async show(state: TrendsState, reveal = true): Promise<void> {
    const render = ++this.renders;
    if (!this.panel) {
      this.adopt(vscode.window.createWebviewPanel(TRENDS_VIEW, vscode.l10n.t('Trends'), { viewColumn: vscode.ViewColumn.Active }, { enableFindWidget: true }));
    } else if (reveal && !this.panel.visible) this.panel.reveal(undefined, false);
    this.state = state;
    const panel = this.panel!;
    const data = await this.compute(state);
    if (render !== this.renders || this.panel !== panel) return;
    if (typeof data === 'string') {
      this.post({ type: 'error', message: data, state });
      return;
    }
    this.drawn = { charts: data.charts, changes: data.changes, series: state.series };
    panel.title = data.title;
    this.post({ type: 'render', title: data.title, state, charts: data.charts, changes: data.changes, labels: labels() });
  }

  private async compute(state: TrendsState): Promise<{ title: string; charts: TrendChart[]; changes: YearChange[] } | string> {
    const { series } = await this.corpus.grouping();
    const s = series.find((x) => x.key === state.series);
    if (!s) return vscode.l10n.t('The series {0} is no longer in this workspace.', state.series);
    // The series' full reports (read again where the cache let them go): the texts are counted.
    const members = await this.corpus.fullAll(s.reports.filter((m) => m.report.year !== null));
    const years = trendYears(members.map((m) => m.report));
    const texts: YearText[] = members.map((m) => ({
      year: m.report.year!,
      paragraphs: m.report.paragraphs.filter((p) => TEXT_ROLES.has(p.role)).map((p) => p.text),
    }));
    const charts: TrendChart[] = [];

    const { codebook } = await this.annotations.codebook();
    const chosen = (state.tags ?? topLevel(codebook)).map((id) => codebook?.tags.find((t) => t.id === id)).filter((t) => t !== undefined);
    const items: { year: number | null; tags: string[] }[] = [];
    for (const m of members) {
      const placed = await this.annotations.placement(m.source, m.report);
      placed.annotations.forEach((a, k) => {
        if (placed.anchors[k].paragraph !== null) items.push({ year: m.report.year, tags: a.tags });
      });
    }
    const parents = new Map((codebook?.tags ?? []).map((t) => [t.id, t.parent]));
    charts.push({
      id: 'tags',
      title: vscode.l10n.t('Annotations per year by tag'),
      unit: vscode.l10n.t('annotations'),
      years,
      series: tagCounts(items, chosen, years, { parents }),
    });
    if (state.terms.length)
      charts.push({
        id: 'terms',
        title: vscode.l10n.t('Terms per year'),
        unit: vscode.l10n.t('occurrences'),
        years,
        series: termCounts(texts, state.terms, years),
      });
    if (state.figure.trim()) {
      // Each paragraph's figures, and a communiqué's tables' rows by their columns (the reader's bundle, loaded on first use).
      const byYear = await Promise.all(texts.map(async (t) => ({ year: t.year, figures: await paragraphsFiguresLazy(t.paragraphs) })));
      const row = figureRow(byYear, state.figure, years);
      charts.push({ id: 'figure', title: vscode.l10n.t('Figure: {0}', state.figure.trim()), unit: row.unit, years, series: [row] });
    }
    return { title: vscode.l10n.t('Trends: {0}', s.label), charts, changes: risingFalling(texts) };
  }

  private async receive(raw: unknown): Promise<void> {
    const m = parseTrendsMessage(raw);
    if (!m) return; // The webview is untrusted: ignore what does not parse.
    switch (m.type) {
      case 'ready':
        this.live = true;
        if (this.pending) {
          const p = this.pending;
          this.pending = undefined;
          this.post(p);
        } else if (this.state) await this.show(this.state);
        else if (m.state) await this.show(m.state);
        return;
      case 'rendered':
        this.log?.info(
          `Trends rendered: ${Object.entries(m.marks)
            .map(([id, n]) => `${id} ${n} marks`)
            .join(', ')}.`,
        );
        return;
      case 'setTerms':
        if (this.state) await this.show({ ...this.state, terms: [...new Set(m.terms.map((t) => t.trim()).filter(Boolean))] });
        return;
      case 'setFigure':
        if (this.state) await this.show({ ...this.state, figure: m.figure.trim() });
        return;
      case 'chooseTags':
        await this.chooseTags();
        return;
      case 'export':
        await this.save(m.chart, m.format, m.data);
        return;
    }
  }

  private async chooseTags(): Promise<void> {
    const state = this.state;
    const { codebook } = await this.annotations.codebook();
    if (!state || !codebook?.tags.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no codebook in this workspace yet.'));
      return;
    }
    const current = state.tags ?? topLevel(codebook);
    const picked = await vscode.window.showQuickPick(
      codebook.tags.map((t) => ({
        label: t.label,
        description: t.parent ? `${codebook.tags.find((p) => p.id === t.parent)?.label ?? t.parent} ›` : undefined,
        iconPath: colorIcon(t.color),
        picked: current.includes(t.id),
        id: t.id,
      })),
      { canPickMany: true, title: vscode.l10n.t('Tags to draw'), placeHolder: vscode.l10n.t('A tag counts its child tags’ annotations too') },
    );
    if (picked && this.state === state) await this.show({ ...state, tags: picked.map((p) => p.id) });
  }

  /** Saves a chart where the user says. CSV is made here from the data drawn; SVG and PNG come from the webview. */
  private async save(chart: string, format: 'svg' | 'png' | 'csv', data: string): Promise<void> {
    const drawn = this.drawn;
    if (!drawn) return;
    let bytes: Uint8Array;
    if (format === 'csv') {
      const c = drawn.charts.find((x) => x.id === chart);
      if (!c && chart !== 'changes') return;
      bytes = new TextEncoder().encode(c ? chartCsv(c) : changesCsv(drawn.changes));
    } else if (format === 'svg') {
      if (!data.startsWith('<svg')) return;
      bytes = new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${data}\n`);
    } else {
      try {
        bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      } catch {
        return;
      }
      if (bytes[0] !== 0x89 || bytes[1] !== 0x50) return; // not a PNG
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `trends-${drawn.series.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}-${chart}.${format}`;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save Chart'),
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: { [format.toUpperCase()]: [format] },
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, bytes);
      this.log?.info(`Trends: saved ${target.toString(true)}.`);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not save {0}: {1}', target.toString(true), e instanceof Error ? e.message : String(e)));
    }
  }

  /** Draws the open panel again (the annotations, the codebook or the reports changed). */
  refresh(): void {
    if (this.panel && this.state) void this.show(this.state, false);
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}
