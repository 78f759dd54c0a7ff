import * as vscode from 'vscode';
import { flattenOutline, type OutlineNode, type Report, type Severity } from '../core/index.ts';
import { Disposable } from './disposable.ts';
import type { ReportDocuments } from './documents.ts';
import { headingLabel, localize } from './l10n.ts';
import type { ReportService } from './reportService.ts';
import { LANGUAGE, parseReportUri, SCHEME } from './reportUri.ts';

export const SELECTOR: vscode.DocumentSelector = [{ scheme: SCHEME }, { language: LANGUAGE, scheme: SCHEME }];

function detail(n: OutlineNode): string {
  if (n.kind === 'part') {
    return n.partKind === 'review' ? vscode.l10n.t('review') : n.partKind === 'plan' ? vscode.l10n.t('plan') : '';
  }
  return n.inferred ? vscode.l10n.t('repaired') : '';
}

function rangeOf(doc: vscode.TextDocument, n: OutlineNode): { full: vscode.Range; selection: vscode.Range } {
  const selection = new vscode.Range(doc.positionAt(n.start), doc.positionAt(n.end));
  const last = Math.min(n.endLine, doc.lineCount - 1);
  const full = new vscode.Range(selection.start, doc.lineAt(Math.max(last, selection.start.line)).range.end);
  return { full: full.union(selection), selection };
}

/** Outline view, breadcrumbs and Go to Symbol. */
export class ReportSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly docs: ReportDocuments) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const report = await this.docs.reportFor(doc.uri);
    if (!report) return [];
    const make = (n: OutlineNode): vscode.DocumentSymbol => {
      const { full, selection } = rangeOf(doc, n);
      const kind = n.kind === 'part' ? vscode.SymbolKind.Module : n.kind === 'chapter' ? vscode.SymbolKind.Class : vscode.SymbolKind.Method;
      const s = new vscode.DocumentSymbol(headingLabel(n), detail(n), kind, full, selection);
      s.children = n.children.map(make);
      return s;
    };
    return report.outline.map(make);
  }
}

/** Chapters and sections fold. */
export class ReportFolding implements vscode.FoldingRangeProvider {
  constructor(private readonly docs: ReportDocuments) {}

  async provideFoldingRanges(doc: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    const report = await this.docs.reportFor(doc.uri);
    if (!report) return [];
    return flattenOutline(report.outline)
      .map(({ node: n }) => ({ n, end: Math.min(n.endLine, doc.lineCount - 1) }))
      .filter(({ n, end }) => end > n.line)
      .map(({ n, end }) => new vscode.FoldingRange(n.line, end, vscode.FoldingRangeKind.Region));
  }
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Repairs and problems of the parser, in the Problems panel of each open report. */
export function reportDiagnostics(doc: vscode.TextDocument, report: Report, sourceDiagnostics: Report['diagnostics']): vscode.Diagnostic[] {
  const all = [...sourceDiagnostics, ...report.diagnostics];
  // A diagnostic about a heading marks the heading, not the whole paragraph it runs into.
  const headings = new Map(flattenOutline(report.outline).map(({ node }) => [node.line, node] as const));
  return all.map((d) => {
    const line = d.line === null ? 0 : Math.min(Math.max(d.line, 0), doc.lineCount - 1);
    const h = headings.get(line);
    const range = h ? new vscode.Range(doc.positionAt(h.start), doc.positionAt(h.end)) : doc.lineAt(line).range;
    const diag = new vscode.Diagnostic(range, localize(d), SEVERITY[d.severity]);
    diag.source = 'annals';
    return diag;
  });
}

/**
 * Gives every report document its language, and keeps the Problems panel showing the
 * diagnostics of each open report (its source's and its own) while it is open.
 */
export class ReportProblems extends Disposable {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('annals'));

  constructor(
    private readonly documents: ReportDocuments,
    private readonly reports: ReportService,
  ) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((doc) => void this.publish(doc)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => void this.publish(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.diagnostics.delete(doc.uri)));
    vscode.workspace.textDocuments.forEach((d) => void this.publish(d));
  }

  private async publish(doc: vscode.TextDocument): Promise<void> {
    const ref = parseReportUri(doc.uri);
    if (!ref) return;
    if (doc.languageId !== LANGUAGE) {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
      return; // Changing the language reopens the document, which publishes again.
    }
    const report = await this.documents.reportFor(doc.uri);
    // The source's own problems: kept with its reports' heads (no file is read again for them).
    const imp = await this.reports.heads(ref.source);
    this.diagnostics.set(doc.uri, report ? reportDiagnostics(doc, report, imp.diagnostics) : []);
  }
}

/** Heading token types; package.json maps them to the grammar's heading scopes (semanticTokenScopes). */
export const HEADING_LEGEND = new vscode.SemanticTokensLegend(['annalsPart', 'annalsChapter', 'annalsSection'], []);
const TOKEN_TYPE = { part: 0, chapter: 1, section: 2 } as const;

/**
 * Colours every heading the parser found, also those the grammar cannot see: a chapter with no
 * marker, `三健全…`, `)编制…`, an inferred section 一. The token covers the title, not the label.
 */
export class HeadingTokens implements vscode.DocumentSemanticTokensProvider {
  constructor(private readonly docs: ReportDocuments) {}

  async provideDocumentSemanticTokens(doc: vscode.TextDocument): Promise<vscode.SemanticTokens> {
    const builder = new vscode.SemanticTokensBuilder(HEADING_LEGEND);
    const report = await this.docs.reportFor(doc.uri);
    if (!report) return builder.build();
    const nodes = flattenOutline(report.outline)
      .map((x) => x.node)
      .sort((a, b) => a.start - b.start);
    for (const n of nodes) {
      if (!n.title) continue;
      const span = titleSpan(report.text, n.title, n.start, n.end);
      if (!span) continue;
      const pos = doc.positionAt(span.at);
      builder.push(pos.line, pos.character, span.length, TOKEN_TYPE[n.kind], 0);
    }
    return builder.build();
  }
}

/**
 * Where a heading's title is in the text, from `from` and starting before `to`: as it is, or spread
 * out with spaces (`综 合`; the core gives such a title without them).
 */
export function titleSpan(text: string, title: string, from: number, to: number): { at: number; length: number } | null {
  const at = text.indexOf(title, from);
  if (at >= 0 && at < to) return { at, length: title.length };
  // Only what the core joins: 2–6 Chinese characters.
  if (!/^\p{Script=Han}{2,6}$/u.test(title)) return null;
  const spread = new RegExp([...title].join('[ \u3000]+'), 'gu');
  spread.lastIndex = from;
  const m = spread.exec(text);
  return m && m.index < to ? { at: m.index, length: m[0].length } : null;
}
