/**
 * Compute Agreement…: the agreement between coders over the chosen reports, in a webview. The table
 * lists the tags lowest agreement first; a tag's row opens the list of its disagreeing paragraphs,
 * each with every coder's tags and notes side by side and Accept / Keep both / Neither
 * (resolveDisagreement writes the shared sidecar). The webview holds no script of its own but a
 * few lines that post the buttons' messages; everything it shows is escaped.
 */
import * as vscode from 'vscode';
import {
  type AgreementResult,
  type Annotation,
  type CodedUnit,
  codedUnits,
  computeAgreement,
  disagreements,
  isResolutionRecord,
  excerpt,
  makeTarget,
  reanchor,
  type Report,
  type Resolution,
  resolveDisagreement,
  sameCoder,
  type TagInfo,
  tagsByAgreement,
} from '../core/index.ts';
import type { AnnotationService } from './annotations.ts';
import type { ProjectService } from './project.ts';
import { Disposable } from './disposable.ts';
import { showProblem } from './problems.ts';
import { nonce } from './webview.ts';

const AGREEMENT_VIEW = 'annals.agreement';

/** The reports to compare, with their sources. */
export interface ChosenReport {
  source: vscode.Uri;
  report: Report;
}

/** A message from the webview. */
type FromWebview = { type: 'resolve'; unit: number; choice: Resolution } | { type: 'open'; unit: number } | { type: 'export' };

function isMessage(m: unknown): m is FromWebview {
  if (typeof m !== 'object' || m === null) return false;
  const x = m as Record<string, unknown>;
  if (x.type === 'export') return true;
  if (typeof x.unit !== 'number' || !Number.isInteger(x.unit) || x.unit < 0) return false;
  if (x.type === 'open') return true;
  if (x.type !== 'resolve' || typeof x.choice !== 'object' || x.choice === null) return false;
  const c = x.choice as Record<string, unknown>;
  return c.kind === 'both' || c.kind === 'neither' || (c.kind === 'accept' && typeof c.coder === 'string');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const num = (v: number | null, digits = 3) => (v === null ? '—' : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** The data behind one computation. */
interface Computed {
  coders: string[];
  units: CodedUnit[];
  result: AgreementResult;
  reports: Map<string, ChosenReport>;
}

/**
 * The Agreement view: built once in the composition root; Compute Agreement… asks it to show a
 * panel for the chosen reports (the previous one is closed).
 */
export class AgreementPanels extends Disposable {
  private current: AgreementPanel | undefined;

  constructor(
    private readonly annotations: AnnotationService,
    /** The coding mode, the project's coders and the coder who resolves. */
    private readonly project: ProjectService,
  ) {
    super();
  }

  /** Computes over the chosen reports and shows the panel; the problem text when it cannot (fewer than two coders). */
  async show(chosen: readonly ChosenReport[]): Promise<{ panel: AgreementPanel; problem?: string }> {
    this.current?.dispose();
    const panel = new AgreementPanel(this.annotations, this.project, chosen);
    this.current = panel;
    panel.panel.onDidDispose(() => {
      if (this.current === panel) this.current = undefined;
    });
    return { panel, problem: await panel.refresh() };
  }

  override dispose(): void {
    this.current?.dispose();
    super.dispose();
  }
}

/**
 * One Agreement panel: computes on the chosen reports, shows the table and the disagreements, and
 * resolves them. It recomputes when the annotations change.
 */
class AgreementPanel extends Disposable {
  readonly panel: vscode.WebviewPanel;
  private computed: Computed | undefined;

  constructor(
    private readonly annotations: AnnotationService,
    private readonly project: ProjectService,
    private readonly chosen: readonly ChosenReport[],
  ) {
    super();
    this.panel = vscode.window.createWebviewPanel(AGREEMENT_VIEW, vscode.l10n.t('Agreement'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
    });
    this.register(this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)));
    this.register(this.panel.onDidDispose(() => this.dispose()));
    this.register({ dispose: () => this.panel.dispose() });
    this.register(annotations.onDidChange(() => void this.refresh()));
  }

  /** The last computation (for tests). */
  get result(): AgreementResult | undefined {
    return this.computed?.result;
  }

  /** The disagreeing units, in the order the panel numbers them. */
  get disagreeing(): CodedUnit[] {
    return this.computed ? disagreements(this.computed.units) : [];
  }

  /** Computes and shows. Returns the problem text when there are fewer than two coders. */
  async refresh(): Promise<string | undefined> {
    const c = await this.compute();
    this.computed = c ?? undefined;
    const tags = await this.annotations.tags();
    const shared = c ? await this.resolvedUnits(c) : new Set<number>();
    this.panel.webview.html = this.html(c, tags, shared);
    return c ? undefined : vscode.l10n.t('Agreement needs at least two coders who coded these reports.');
  }

  /**
   * The coders' annotations of the chosen reports: their own sidecars in independent coding, the
   * shared one (by author) in shared coding. The record a Neither leaves is not coding.
   */
  private async compute(): Promise<Computed | null> {
    const independent = (await this.project.codingMode()) === 'independent';
    const bySource = new Map<string, Annotation[]>();
    for (const { source } of this.chosen) {
      const key = source.toString();
      if (bySource.has(key)) continue;
      const stores = await this.annotations.storesOf(source);
      const shared = await this.annotations.store(source);
      const from = independent ? stores.filter((s) => s !== shared) : [shared];
      bySource.set(
        key,
        from.flatMap((s) => s.all()).filter((a) => !isResolutionRecord(a)),
      );
    }
    const authors = [...bySource.values()].flat().map((a) => a.author);
    const coders: string[] = [];
    for (const c of [...(await this.project.read()).project.coders.map((k) => k.id), ...[...new Set(authors)].sort()])
      if (c.trim() && authors.some((a) => sameCoder(a, c)) && !coders.some((x) => sameCoder(x, c))) coders.push(c);
    if (coders.length < 2) return null;
    const reports = new Map<string, ChosenReport>();
    const units: CodedUnit[] = [];
    for (const r of this.chosen) {
      const key = r.source.toString();
      reports.set(`${key}\u0000${r.report.id}`, r);
      units.push(...codedUnits(key, r.report, coders, bySource.get(key) ?? []));
    }
    return { coders, units, result: computeAgreement(coders, units), reports };
  }

  /** The disagreements (by their number) that the shared sidecar holds a resolution of. */
  private async resolvedUnits(c: Computed): Promise<Set<number>> {
    const out = new Set<number>();
    const list = disagreements(c.units);
    const placedBy = new Map<string, Set<number>>();
    for (const [i, u] of list.entries()) {
      const key = `${u.source}\u0000${u.report}`;
      let set = placedBy.get(key);
      if (!set) {
        const r = c.reports.get(key);
        set = new Set();
        if (r) {
          const anns = (await this.annotations.store(r.source)).forReport(r.report.id).filter((a) => a.resolvedBy !== undefined);
          for (const an of reanchor(r.report, anns)) if (an.paragraph !== null && an.status !== 'orphan') set.add(an.paragraph);
        }
        placedBy.set(key, set);
      }
      if (set.has(u.paragraph)) out.add(i);
    }
    return out;
  }

  /** Resolves the disagreement numbered `unit` (in `disagreeing`) and saves the shared sidecar. */
  async resolve(unit: number, choice: Resolution): Promise<boolean> {
    const c = this.computed;
    const u = this.disagreeing[unit];
    const r = u && c?.reports.get(`${u.source}\u0000${u.report}`);
    if (!c || !u || !r) return false;
    const target = makeTarget(r.report, u.paragraph);
    if (!target.ok) {
      void showProblem(target.problem);
      return false;
    }
    const store = await this.annotations.store(r.source);
    if (store.readOnly) {
      this.annotations.reportError(store, true);
      return false;
    }
    const mode = await this.project.codingMode();
    const onParagraph = (anns: Annotation[]) => {
      const anchors = reanchor(r.report, anns);
      return anns.filter((_, i) => anchors[i].paragraph === u.paragraph && anchors[i].status !== 'orphan');
    };
    const res = resolveDisagreement(
      store,
      {
        mode,
        report: r.report.id,
        paragraph: target.value.target,
        coders: c.coders.map((coder, i) => ({ coder, annotations: [...u.annotations[i]] })),
        shared: mode === 'independent' ? onParagraph(store.forReport(r.report.id)) : undefined,
      },
      choice,
      await this.project.author(),
    );
    if (!res.ok) {
      void showProblem(res.problem);
      return false;
    }
    return this.annotations.save(store);
  }

  /**
   * Export as Excel…: Export Annotations… for the chosen reports, as a workbook with the agreement
   * computed here as its agreement sheet. False when there is no agreement to export.
   */
  async exportXlsx(): Promise<boolean> {
    const c = this.computed;
    if (!c) return false;
    await vscode.commands.executeCommand('annals.exportAnnotations', {
      format: 'xlsx',
      sources: [...new Set(this.chosen.map((r) => r.source.toString()))],
      reports: [...new Set(this.chosen.map((r) => r.report.id))],
      agreement: c.result,
    });
    return true;
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isMessage(m)) return;
    if (m.type === 'export') {
      await this.exportXlsx();
      return;
    }
    if (m.type === 'resolve') {
      await this.resolve(m.unit, m.choice);
      return;
    }
    const u = this.disagreeing[m.unit];
    const r = u && this.computed?.reports.get(`${u.source}\u0000${u.report}`);
    if (r) await vscode.commands.executeCommand('annals.revealAnnotation', r.source.toString(), r.report.id, r.report.paragraphs[u.paragraph].line);
  }

  private html(c: Computed | null, tags: (id: string) => TagInfo, resolved: ReadonlySet<number>): string {
    const n = nonce();
    const columns = c?.coders.length ?? 2;
    const csp = `default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';`;
    const head = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><style nonce="${n}">
body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:0 1em}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .6em;border-bottom:1px solid var(--vscode-panel-border);text-align:right}
td:first-child,th:first-child{text-align:left}.side{display:grid;gap:.5em;grid-template-columns:repeat(${columns},1fr)}
.coder{border:1px solid var(--vscode-panel-border);padding:.3em .5em}.done{opacity:.6}button{margin:.2em .3em 0 0}
</style></head><body>`;
    if (!c) return `${head}<p>${esc(vscode.l10n.t('Agreement needs at least two coders who coded these reports.'))}</p></body></html>`;
    const label = (id: string) => {
      const t = tags(id);
      return t.known ? `${t.label} (${id})` : id;
    };
    const { result } = c;
    const rows = tagsByAgreement(result)
      .map((t) => {
        const a = result.tags[t];
        const count = disagreements(c.units, t).length;
        return `<tr><td><a href="#tag-${esc(t)}">${esc(label(t))}</a></td><td>${a.units}</td><td>${pct(a.percent)}</td><td>${num(a.kappa)}</td><td>${num(a.alpha)}</td><td>${count}</td></tr>`;
      })
      .join('');
    const o = result.overall;
    const table = `<table><thead><tr><th>${esc(vscode.l10n.t('Tag'))}</th><th>${esc(vscode.l10n.t('Units'))}</th><th>${esc(vscode.l10n.t('Percent'))}</th><th>κ</th><th>α</th><th>${esc(vscode.l10n.t('Disagreements'))}</th></tr></thead><tbody>${rows}<tr><td><b>${esc(vscode.l10n.t('Overall'))}</b></td><td>${o.units}</td><td>${pct(o.percent)}</td><td>${num(o.kappa)}</td><td>${num(o.alpha)}</td><td>${disagreements(c.units).length}</td></tr></tbody></table>`;
    const list = disagreements(c.units);
    const sections = tagsByAgreement(result)
      .map((t) => {
        const items = list
          .map((u, i) => ({ u, i }))
          .filter(({ u }) => disagreements([u], t).length)
          .map(({ u, i }) => this.unitHtml(c, u, i, label, resolved.has(i)))
          .join('');
        return `<details id="tag-${esc(t)}"><summary>${esc(label(t))}</summary>${items || `<p>${esc(vscode.l10n.t('No disagreement.'))}</p>`}</details>`;
      })
      .join('');
    const intro = vscode.l10n.t(
      '{0} coders ({1}), {2} paragraphs coded by at least two of them. Lowest agreement first; a tag opens its disagreeing paragraphs.',
      c.coders.length,
      c.coders.join(', '),
      result.units,
    );
    const exportButton = `<p><button data-msg="${esc(JSON.stringify({ type: 'export' }))}">${esc(vscode.l10n.t('Export as Excel…'))}</button></p>`;
    const script = `<script nonce="${n}">const vs=acquireVsCodeApi();document.addEventListener('click',e=>{const b=e.target.closest('[data-msg]');if(b){vs.postMessage(JSON.parse(b.dataset.msg));return;}const a=e.target.closest('a[href^="#tag-"]');if(a){const d=document.getElementById(a.getAttribute('href').slice(1));if(d)d.open=true;}});</script>`;
    return `${head}<h2>${esc(vscode.l10n.t('Agreement'))}</h2><p>${esc(intro)}</p>${table}${exportButton}<h3>${esc(vscode.l10n.t('Disagreements'))}</h3>${sections}${script}</body></html>`;
  }

  private unitHtml(c: Computed, u: CodedUnit, i: number, label: (id: string) => string, done: boolean): string {
    const r = c.reports.get(`${u.source}\u0000${u.report}`);
    const p = r?.report.paragraphs[u.paragraph];
    const where = `${r?.report.year ?? ''} ${r?.report.title ?? ''}`.trim();
    const button = (text: string, msg: FromWebview) => `<button data-unit="${i}" data-msg="${esc(JSON.stringify(msg))}">${esc(text)}</button>`;
    const cols = c.coders
      .map((coder, k) => {
        const codes = u.codes[k];
        const notes = u.annotations[k].map((a) => a.note).filter(Boolean);
        const body =
          codes === null
            ? esc(vscode.l10n.t('(did not code this report)'))
            : `${esc([...codes].map(label).join(' · ') || vscode.l10n.t('(no tag)'))}${notes.map((x) => `<br><i>${esc(x)}</i>`).join('')}`;
        return `<div class="coder"><b>${esc(coder)}</b><br>${body}<br>${button(vscode.l10n.t('Accept {0}', coder), { type: 'resolve', unit: i, choice: { kind: 'accept', coder } })}</div>`;
      })
      .join('');
    return `<div class="${done ? 'done' : ''}"><p><b>${esc(where)}</b>${done ? ` · ${esc(vscode.l10n.t('resolved'))}` : ''}<br>${esc(excerpt(p?.text ?? '', 160))}</p><div class="side">${cols}</div>${button(vscode.l10n.t('Keep both'), { type: 'resolve', unit: i, choice: { kind: 'both' } })}${button(vscode.l10n.t('Neither'), { type: 'resolve', unit: i, choice: { kind: 'neither' } })}${button(vscode.l10n.t('Go to Paragraph'), { type: 'open', unit: i })}</div><hr>`;
  }
}

export type { AgreementPanel };
