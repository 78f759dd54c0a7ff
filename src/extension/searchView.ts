/**
 * The Search view: the results of Search Reports…, grouped series → year → chapter, each hit with
 * its context (the hit highlighted). Each year shows its number of hits and a bar of them against
 * the busiest year, in its description, so the years compare at a glance; the count is in the
 * words too, for screen readers. A click on a hit opens the report there.
 */
import * as vscode from 'vscode';
import type { SearchHit, SearchResult, SeriesGroup } from '../core/index.ts';
import { Disposable } from './disposable.ts';

const SEARCH_VIEW = 'annals.search';

/** A search as the view shows it: the result, what was searched, and each report's source. */
export interface ShownSearch {
  result: SearchResult;
  /** What was searched, for the view's description (“the workspace”, a series' label). */
  scope: string;
  /** The label of the query: “放管服” or /增长\d+%/. */
  label: string;
  sources: ReadonlyMap<string, vscode.Uri>;
}

type Year = SeriesGroup['years'][number];
type Chapter = Year['chapters'][number];

export type SearchNode =
  | { type: 'series'; group: SeriesGroup; max: number }
  | { type: 'year'; series: string; year: Year; max: number }
  | { type: 'chapter'; year: Year; chapter: Chapter }
  | { type: 'hit'; hit: SearchHit };

/** A bar of `n` against `max`, 10 cells wide, in eighths. */
export function hitBar(n: number, max: number): string {
  if (!n || !max) return '';
  const eighths = Math.max(1, Math.round((n / max) * 80));
  return '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? '▏▎▍▌▋▊▉'[(eighths % 8) - 1] : '');
}

export class SearchView extends Disposable implements vscode.TreeDataProvider<SearchNode> {
  private readonly changed = this.register(new vscode.EventEmitter<SearchNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<SearchNode>;
  private shown: ShownSearch | null = null;

  constructor() {
    super();
    this.view = this.register(vscode.window.createTreeView(SEARCH_VIEW, { treeDataProvider: this, showCollapseAll: true }));
  }

  /** The search shown, or null. */
  get current(): ShownSearch | null {
    return this.shown;
  }

  /** Shows a search's results and brings the view forward. */
  async show(search: ShownSearch): Promise<void> {
    this.shown = search;
    const r = search.result;
    this.view.description = vscode.l10n.t('{0} · {1} hits in {2}', search.label, r.total, search.scope);
    this.view.message = r.limited
      ? vscode.l10n.t('The search stopped at {0} hits: narrow it to see them all.', r.total)
      : r.total
        ? undefined
        : vscode.l10n.t('No hits for {0} in {1}.', search.label, search.scope);
    await vscode.commands.executeCommand('setContext', 'annals.searchHasResults', r.total > 0);
    this.changed.fire(undefined);
    await vscode.commands.executeCommand(`${SEARCH_VIEW}.focus`);
  }

  getChildren(node?: SearchNode): SearchNode[] {
    const r = this.shown?.result;
    if (!r) return [];
    if (!node) {
      const max = Math.max(0, ...r.byYear.map((b) => b.hits));
      // Every series searched, with its years (a year with no hit too, so the bars show the gaps).
      return r.groups.map((group) => ({ type: 'series', group: withEmptyYears(group, r), max }));
    }
    if (node.type === 'series') return node.group.years.map((year) => ({ type: 'year', series: node.group.series, year, max: node.max }));
    if (node.type === 'year') return node.year.chapters.map((chapter) => ({ type: 'chapter', year: node.year, chapter }));
    if (node.type === 'chapter') return node.chapter.hits.map((hit) => ({ type: 'hit', hit }));
    return [];
  }

  getTreeItem(node: SearchNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.type) {
      case 'series': {
        const item = new vscode.TreeItem(node.group.series, C.Expanded);
        item.description = vscode.l10n.t('{0} hits', node.group.hits);
        item.iconPath = new vscode.ThemeIcon('library');
        return item;
      }
      case 'year': {
        const y = node.year;
        const item = new vscode.TreeItem(y.year === null ? vscode.l10n.t('(no year)') : String(y.year), y.hits ? C.Collapsed : C.None);
        item.description = `${y.hits}  ${hitBar(y.hits, node.max)}`;
        item.accessibilityInformation = { label: vscode.l10n.t('{0}: {1} hits', y.year ?? vscode.l10n.t('(no year)'), y.hits) };
        item.contextValue = 'annals.searchYear';
        return item;
      }
      case 'chapter': {
        const item = new vscode.TreeItem(node.chapter.chapter ?? vscode.l10n.t('(before the first chapter)'), C.Expanded);
        item.description = vscode.l10n.t('{0} hits', node.chapter.hits.length);
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        return item;
      }
      case 'hit': {
        const h = node.hit;
        // The hit near the start of the label, so that a narrow view still shows it (at most
        // LEAD characters before it), highlighted; the whole context is in the tooltip.
        const cps = [...h.context];
        const at = Math.min(CONTEXT, h.start) + (h.context.startsWith('…') ? 1 : 0);
        const from = Math.max(0, at - LEAD);
        const label = `${from > 0 ? '…' : ''}${cps.slice(from).join('')}`;
        const start = at - from + (from > 0 ? 1 : 0);
        const item = new vscode.TreeItem({ label, highlights: [[cu(label, start), cu(label, start + h.end - h.start)]] }, C.None);
        const where = h.section ? `${h.chapter ?? ''} › ${h.section}` : (h.chapter ?? '');
        item.tooltip = where ? `${where}\n\n${h.context}` : h.context;
        item.contextValue = 'annals.searchHit';
        item.command = { command: 'annals.openSearchResult', title: vscode.l10n.t('Open'), arguments: [node] };
        return item;
      }
    }
  }
}

/** Characters of context either side of a hit, as the search gives it; at most LEAD shown before it in a row. */
const CONTEXT = 30;
const LEAD = 10;

/** UTF-16 offset of code point `n` in `s` (TreeItemLabel highlights are in UTF-16). */
function cu(s: string, n: number): number {
  return [...s].slice(0, n).join('').length;
}

/** A series' group with every year searched (0 hits included), in order. */
function withEmptyYears(group: SeriesGroup, r: SearchResult): SeriesGroup {
  const years = r.byYear.filter((b) => b.series === group.series).map((b) => b.year);
  const have = new Map(group.years.map((y) => [y.year, y]));
  const all: Year[] = years.map((y) => have.get(y) ?? { year: y, hits: 0, chapters: [] });
  for (const y of group.years) if (y.year === null) all.push(y);
  return { ...group, years: all };
}
