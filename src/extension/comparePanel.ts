import * as vscode from 'vscode';
import { buildCompareWith, renderCompareParts, type Chip, type CompareLabels, type ReportHead } from '../core/index.ts';
import { isState, parseFromWebview, type CompareState, type ToWebview } from '../core/index.ts';
import { type Aligned, type AlignmentService, unitAt } from './alignment.ts';
import { Disposable } from './disposable.ts';
import { headingLabel } from './l10n.ts';
import { openReport } from './open.ts';
import { mediaCsp, nonce } from './webview.ts';
import { compareFiguresLazy } from '../host/figureChunk.ts';

export const COMPARE_VIEW = 'annals.compare';
/** globalState: the years chosen per series key. */
const YEARS_KEY = 'annals.compare.years';
/** globalState: whether the figures panel is open. */
const FIGURES_KEY = 'annals.compare.figuresOpen';

/** Tag chips for a paragraph; the annotations provide them. */
export type ChipSource = (reportId: string, paragraphId: string) => Chip[];

/** The tag chips of the paragraphs shown, and when they change. */
export interface ChipProvider {
  /** The chip lookup for the reports shown (by report id, in the series of `near`, the report compared). */
  chipsFor(reportIds: string[], near?: ReportHead): Promise<ChipSource>;
  /** Fires when the chips may have changed (the annotations or the codebook did). */
  readonly onDidChange: vscode.Event<unknown>;
}

function labels(): CompareLabels {
  return {
    noCounterpart: (year) => vscode.l10n.t('No counterpart in {0}', year),
    noCounterpartHeading: vscode.l10n.t('No counterpart'),
    figures: vscode.l10n.t('Figures'),
    figure: vscode.l10n.t('Figure'),
    unit: vscode.l10n.t('Unit'),
    kind: vscode.l10n.t('Kind'),
    target: vscode.l10n.t('target'),
    result: vscode.l10n.t('result'),
    noFigures: vscode.l10n.t('No figures in this chapter.'),
    linkScore: vscode.l10n.t('link score'),
    onlyIn: (count, year) => (count === 1 ? vscode.l10n.t('only in {0} · 1 paragraph', year) : vscode.l10n.t('only in {0} · {1} paragraphs', year, count)),
    manual: vscode.l10n.t('chosen by hand'),
    startYear: vscode.l10n.t('the year you came from'),
  };
}

/**
 * The Compare webview: one chapter across the years of its series. Built as Microsoft's
 * webview-sample does: a `default-src 'none'` CSP with a nonce, the script and stylesheet from
 * media/ through asWebviewUri, localResourceRoots limited to media/, setState in the webview and a
 * serializer that restores the panel after a reload, and one typed message union each way.
 */
export class ComparePanels extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: CompareState | undefined;
  /** Counts show() calls: a render that a later one overtook is dropped. */
  private renders = 0;
  /** Whether the webview's script has said it is ready; until then the last message waits. */
  private live = false;
  private pending: ToWebview | undefined;
  /** When the panel was last opened or asked to show a chapter, for the time to paint. */
  private shownAt = 0;
  /** When the last render was posted: its data (the model and its HTML) was ready. */
  private readyAt = 0;
  /** The rest of the last render, to send when its first part is painted. */
  private rest: Extract<ToWebview, { type: 'rest' }> | undefined;
  private paintedOnce = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly alignment: AlignmentService,
    private readonly chips?: ChipProvider,
    private readonly log?: Pick<vscode.LogOutputChannel, 'info'>,
    /** Remembers the years chosen per series and whether the figures panel is open. */
    private readonly memento?: vscode.Memento,
  ) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW, {
        deserializeWebviewPanel: async (panel, state) => {
          this.adopt(panel);
          if (isState(state)) await this.show(state);
          else this.post({ type: 'error', message: vscode.l10n.t('The Compare view could not be restored.'), state: null });
        },
      }),
    );
    this.register(alignment.onDidChange(() => this.refresh()));
    if (chips) this.register(chips.onDidChange(() => this.refresh()));
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
    const csp = mediaCsp(webview, n);
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${webview.asWebviewUri(this.media('compare.css'))}" rel="stylesheet">
<title>Annals: Compare</title>
</head>
<body>
<nav id="toolbar" aria-label="Years"></nav>
<main id="content" aria-live="polite"></main>
<script nonce="${n}" src="${webview.asWebviewUri(this.media('compare.js'))}"></script>
</body>
</html>`;
  }

  private post(message: ToWebview): void {
    if (!this.live) this.pending = message;
    else void this.panel?.webview.postMessage(message);
  }

  /**
   * The report the open Compare view is about, as the alignment holds it, or undefined when none is
   * open: the webview names reports by id alone, and ids repeat across files, so they are looked up
   * near it (Aligned.findById).
   */
  shownReport(aligned: Pick<Aligned, 'find'>): ReportHead | undefined {
    return this.panel && this.state ? aligned.find(this.state.source, this.state.reportId)?.report : undefined;
  }

  /** Opens (or reuses) the panel for this chapter. */
  async show(state: CompareState, reveal = true): Promise<void> {
    this.shownAt = Date.now();
    const render = ++this.renders;
    if (!this.panel) {
      this.paintedOnce = false;
      this.adopt(
        vscode.window.createWebviewPanel(
          COMPARE_VIEW,
          vscode.l10n.t('Compare'),
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
          { enableFindWidget: true },
        ),
      );
    } else if (reveal && !this.panel.visible) this.panel.reveal(undefined, false);
    this.state = state;
    const panel = this.panel!;
    const aligned = await this.alignment.get();
    if (render !== this.renders || this.panel !== panel) return;
    const located = aligned.find(state.source, state.reportId);
    const chapter = located ? unitAt(located.report, state.line) : null;
    if (!located || !chapter) {
      this.post({ type: 'error', message: vscode.l10n.t('The chapter is no longer in its report. Open the report again and compare from there.'), state });
      return;
    }
    // The report's series, aligned when first asked for; its reports are full reports (Corpus.full).
    const al = await aligned.of(located.report);
    if (render !== this.renders || this.panel !== panel) return;
    const report = al && aligned.member(al, located.report);
    const series = report && al.series.find((s) => s.reports.includes(report));
    const allYears = series ? series.reports.map((r) => r.year).filter((y): y is number => y !== null) : [];
    const years = state.years ?? (series ? this.rememberedYears(series.key, allYears) : null);
    const figuresOpen = state.figuresOpen ?? this.memento?.get<boolean>(FIGURES_KEY) ?? false;
    // The figure reader is a bundle of its own (dist/figures.js), loaded on the first Compare.
    // Should it fail to load, Compare shows the text without its figures.
    const readers = await compareFiguresLazy().catch(() => ({}));
    if (render !== this.renders || this.panel !== panel) return;
    const { model, error } = al && report ? buildCompareWith(al, report, chapter, years ? { years, ...readers } : readers) : { model: null, error: null };
    if (!model || !series) {
      this.post({ type: 'error', message: error ?? vscode.l10n.t('This report is in no series with other years.'), state });
      return;
    }
    const shownIds = model.chapters.flatMap((c) => (c ? [c.reportId] : []));
    const chips: ChipSource = await (this.chips ? this.chips.chipsFor(shownIds, located.report) : () => []);
    if (render !== this.renders || this.panel !== panel) return; // Overtaken, or the panel was closed.
    const { html, more, figures } = renderCompareParts(model, { labels: labels(), chips, figuresOpen });
    const shown = model.years;
    // Every year in one stable order, the direction of the years shown: a year ticked off keeps its place.
    const newestFirst = shown.length > 1 && shown[0] > shown[shown.length - 1];
    const stable = [...allYears].sort((a, b) => (newestFirst ? b - a : a - b));
    const title = vscode.l10n.t('Compare: {0}', headingLabel(chapter));
    panel.title = title;
    this.readyAt = Date.now();
    // The rest goes once the first part is painted: a long Compare shows its first screen at once.
    this.rest = { type: 'rest', id: render, more, figures };
    this.post({
      type: 'render',
      id: render,
      html,
      title,
      state,
      years: stable.map((year) => ({ year, shown: shown.includes(year) })),
      labels: {
        years: vscode.l10n.t('Years'),
        newestFirst: vscode.l10n.t('Newest first'),
        oldestFirst: vscode.l10n.t('Oldest first'),
        expand: vscode.l10n.t('Show these paragraphs'),
        collapse: vscode.l10n.t('Hide these paragraphs'),
      },
    });
  }

  private async receive(raw: unknown): Promise<void> {
    const m = parseFromWebview(raw);
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
      case 'painted':
        this.log?.info(
          `Compare painted ${Date.now() - this.shownAt} ms after it was asked for${this.paintedOnce ? '' : ` (first paint of a new panel; its page had been loading for ${Math.round(m.sinceLoad)} ms)`}.`,
        );
        this.log?.info(`Compare painted ${Date.now() - this.readyAt} ms after its data was ready.`);
        if (this.rest) {
          this.post(this.rest);
          this.rest = undefined;
        }
        this.paintedOnce = true;
        return;
      case 'setYears':
        if (this.state) {
          await this.rememberYears(this.state, m.years);
          await this.show({ ...this.state, years: m.years });
        }
        return;
      case 'filled':
        this.log?.info(`Compare filled in ${Math.round(m.ms)} ms after its first paint began (${m.rows} rows).`);
        return;
      case 'setFiguresOpen':
        // The webview already shows it; keep it for this panel (its state) and for the next Compare.
        if (this.state) this.state = { ...this.state, figuresOpen: m.open };
        await this.memento?.update(FIGURES_KEY, m.open);
        return;
      case 'reveal': {
        const aligned = await this.alignment.get();
        const found = aligned.findById(m.reportId, this.shownReport(aligned));
        if (!found) return;
        await openReport(found.source, found.report, m.line, vscode.ViewColumn.One);
        return;
      }
    }
  }

  /** The years last chosen for a series, those it still has; null when none was chosen. */
  private rememberedYears(seriesKey: string, allYears: number[]): number[] | null {
    const saved = this.memento?.get<Record<string, number[]>>(YEARS_KEY)?.[seriesKey];
    if (!Array.isArray(saved)) return null;
    const kept = saved.filter((y) => Number.isInteger(y) && allYears.includes(y));
    return kept.length ? kept : null;
  }

  private async rememberYears(state: CompareState, years: number[]): Promise<void> {
    if (!this.memento) return;
    const aligned = await this.alignment.get();
    const located = aligned.find(state.source, state.reportId);
    const al = located && (await aligned.of(located.report));
    const report = al && located && aligned.member(al, located.report);
    const series = report && al.series.find((s) => s.reports.includes(report));
    if (!series) return;
    const all = { ...(this.memento.get<Record<string, number[]>>(YEARS_KEY) ?? {}), [series.key]: years };
    await this.memento.update(YEARS_KEY, all);
  }

  /** Renders the open panel again (the alignment or the chips changed). */
  refresh(): void {
    if (this.panel && this.state) void this.show(this.state, false);
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}
