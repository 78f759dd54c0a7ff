import * as vscode from 'vscode';
import { decorationRanges, memoExcerpt, paragraphAt } from '../core/index.ts';
import type { AnnotationService } from './annotations.ts';
import type { MemoService } from './memos.ts';
import { colorIcon, safeColor, withAlpha } from './colors.ts';
import type { AnnotationLinkArg } from './commands/args.ts';
import { Disposable } from './disposable.ts';
import type { ReportDocuments } from './documents.ts';
import { LANGUAGE, parseReportUri } from './reportUri.ts';

/** Most columns an inline tag label takes (a Chinese character takes two); the hover lists every tag. */
const LABEL_COLUMNS = 40;

/**
 * A tag label clipped to `columns` display columns (wide characters count two), with “…⟩” when cut:
 * the label never makes the line wider than the editor (no horizontal scrollbar).
 */
export function clipLabel(text: string, columns = LABEL_COLUMNS): string {
  const chars = Array.from(text);
  const width = (c: string) =>
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(c) ? 2 : 1;
  if (chars.reduce((n, c) => n + width(c), 0) <= columns) return text;
  // Room for “…⟩” (two columns) at the end.
  const kept: string[] = [];
  let used = 0;
  for (const c of chars) {
    if (used + width(c) + 2 > columns) break;
    kept.push(c);
    used += width(c);
  }
  return `${kept.join('')}…⟩`;
}

/**
 * Draws the annotations in visible report editors: a subtle background in the first tag's colour,
 * a gutter mark, an overview-ruler mark and the tag labels after the paragraph's line; spans
 * tagged inside a paragraph are underlined; a needs-review placement gets a dashed outline.
 * Only the visible ranges are computed (core decorationRanges).
 */
export class AnnotationDecorations extends Disposable {
  private readonly paragraphTypes = new Map<string, vscode.TextEditorDecorationType>();
  private readonly spanTypes = new Map<string, vscode.TextEditorDecorationType>();
  private readonly labelType = this.register(
    vscode.window.createTextEditorDecorationType({
      after: {
        color: new vscode.ThemeColor('editorCodeLens.foreground'),
        margin: '0 0 0 1.5em',
        fontStyle: 'italic',
        // Out of the line's flow (absolutely placed where it would stand): it never widens the line, so no horizontal
        // scrollbar; what passes the editor's edge is cut there. The text is clipped to LABEL_COLUMNS too (clipLabel).
        textDecoration: 'none; position: absolute; white-space: nowrap; pointer-events: none',
      },
    }),
  );
  private readonly reviewType = this.register(
    vscode.window.createTextEditorDecorationType({
      border: '1px dashed',
      borderColor: new vscode.ThemeColor('editorWarning.foreground'),
    }),
  );
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly annotations: AnnotationService,
    private readonly documents: ReportDocuments,
  ) {
    super();
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.schedule(0)));
    this.register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.isReport(e.textEditor) && this.schedule(30)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.document.languageId === LANGUAGE && this.schedule(0)));
    this.register(annotations.onDidChange(() => this.schedule(0)));
    this.schedule(0);
  }

  private isReport(editor: vscode.TextEditor): boolean {
    return editor.document.languageId === LANGUAGE && parseReportUri(editor.document.uri) !== null;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.updateAll(), ms);
  }

  async updateAll(): Promise<void> {
    for (const editor of vscode.window.visibleTextEditors) if (this.isReport(editor)) await this.update(editor);
  }

  private typeFor(map: Map<string, vscode.TextEditorDecorationType>, color: string, make: (c: string) => vscode.DecorationRenderOptions) {
    let t = map.get(color);
    if (!t) map.set(color, (t = vscode.window.createTextEditorDecorationType(make(color))));
    return t;
  }

  async update(editor: vscode.TextEditor): Promise<void> {
    const ref = parseReportUri(editor.document.uri);
    const report = ref ? await this.documents.reportFor(editor.document.uri) : undefined;
    if (!ref || !report) return;
    const placed = await this.annotations.placement(ref.source, report);
    const tags = await this.annotations.tags();
    const visible = editor.visibleRanges.map((r) => ({ startLine: r.start.line, endLine: r.end.line }));
    const decorations = decorationRanges(report, placed.index, tags, visible);
    const byColor = new Map<string, vscode.Range[]>();
    const spansByColor = new Map<string, vscode.Range[]>();
    const labels: vscode.DecorationOptions[] = [];
    const review: vscode.Range[] = [];
    const doc = editor.document;
    for (const d of decorations) {
      const color = safeColor(d.color);
      const range = new vscode.Range(doc.positionAt(d.start), doc.positionAt(d.end));
      const whole = d.annotations.length > d.spans.length;
      if (whole) (byColor.get(color) ?? byColor.set(color, []).get(color)!).push(range);
      for (const sp of d.spans) {
        const c = safeColor(sp.color);
        (spansByColor.get(c) ?? spansByColor.set(c, []).get(c)!).push(new vscode.Range(doc.positionAt(sp.start), doc.positionAt(sp.end)));
      }
      if (d.review) review.push(range);
      const lineEnd = doc.lineAt(range.start.line).range.end;
      labels.push({ range: new vscode.Range(lineEnd, lineEnd), renderOptions: { after: { contentText: clipLabel(`⟨${d.labels.join(' · ')}⟩`) } } });
    }
    for (const [color, type] of this.paragraphTypes) if (!byColor.has(color)) editor.setDecorations(type, []);
    for (const [color, ranges] of byColor) {
      editor.setDecorations(
        this.typeFor(this.paragraphTypes, color, (c) => ({
          isWholeLine: true,
          backgroundColor: withAlpha(c, 0x22),
          overviewRulerColor: c,
          overviewRulerLane: vscode.OverviewRulerLane.Left,
          gutterIconPath: colorIcon(c, 'bar'),
          gutterIconSize: 'contain',
        })),
        ranges,
      );
    }
    for (const [color, type] of this.spanTypes) if (!spansByColor.has(color)) editor.setDecorations(type, []);
    for (const [color, ranges] of spansByColor) {
      editor.setDecorations(
        this.typeFor(this.spanTypes, color, (c) => ({
          backgroundColor: withAlpha(c, 0x44),
          borderColor: c,
          border: '0 0 2px 0 solid',
          overviewRulerColor: c,
          overviewRulerLane: vscode.OverviewRulerLane.Left,
        })),
        ranges,
      );
    }
    editor.setDecorations(this.labelType, labels);
    editor.setDecorations(this.reviewType, review);
  }

  override dispose(): void {
    clearTimeout(this.timer);
    for (const t of [...this.paragraphTypes.values(), ...this.spanTypes.values()]) t.dispose();
    super.dispose();
  }
}

async function annotationsAt(annotations: AnnotationService, documents: ReportDocuments, doc: vscode.TextDocument, position: vscode.Position) {
  const ref = parseReportUri(doc.uri);
  const report = ref ? await documents.reportFor(doc.uri) : undefined;
  if (!ref || !report) return undefined;
  const paragraph = paragraphAt(report, doc.offsetAt(position));
  if (paragraph === null) return undefined;
  const placed = await annotations.placement(ref.source, report);
  const entries = placed.index.byParagraph.get(paragraph) ?? [];
  return { source: ref.source, report, paragraph, entries };
}

function commandLink(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

/** Hover on a tagged paragraph: tags, note, author and date, with Edit and Remove links. */
export class AnnotationHover implements vscode.HoverProvider {
  constructor(
    private readonly annotations: AnnotationService,
    private readonly documents: ReportDocuments,
    /** The report memos, linked from the hover. */
    private readonly memos: Pick<MemoService, 'all'>,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const at = await annotationsAt(this.annotations, this.documents, doc, position);
    if (!at?.entries.length) return undefined;
    const tags = await this.annotations.tags();
    // Notes come from files (a teammate's sidecar): they are shown as Markdown but never trusted.
    // Only the separate link line may run our two commands.
    const contents: vscode.MarkdownString[] = [];
    for (const { annotation, anchor } of at.entries) {
      const head = new vscode.MarkdownString(undefined, true);
      const labels = annotation.tags.map((id) => {
        const t = tags(id);
        return t.known ? t.label : vscode.l10n.t('{0} (unknown tag)', id);
      });
      head.appendMarkdown('$(tag) ').appendText(labels.join(' · ')).appendMarkdown('  \n');
      // The coder's mark.
      head.appendMarkdown('$(person) ').appendText(`${annotation.author || vscode.l10n.t('anonymous')} · ${annotation.modified.slice(0, 10)}`);
      if (annotation.resolvedBy !== undefined) {
        head
          .appendMarkdown('  \n$(check) ')
          .appendText(vscode.l10n.t('Resolved by {0}, {1}', annotation.resolvedBy, (annotation.resolved ?? annotation.modified).slice(0, 10)));
      }
      if (anchor.status === 'fuzzy' || anchor.status === 'needs-review') {
        head.appendMarkdown('  \n$(warning) ');
        head.appendText(
          anchor.status === 'needs-review'
            ? vscode.l10n.t('Needs review: placed here by a loose match ({0}).', anchor.score.toFixed(2))
            : vscode.l10n.t('Re-anchored by a close match ({0}).', anchor.score.toFixed(2)),
        );
      }
      contents.push(head);
      if (annotation.note) contents.push(new vscode.MarkdownString(annotation.note));
      const links = new vscode.MarkdownString();
      links.isTrusted = { enabledCommands: ['annals.editAnnotation', 'annals.removeAnnotation'] };
      const args: AnnotationLinkArg = { source: at.source.toString(), id: annotation.id };
      links.appendMarkdown(
        `[${vscode.l10n.t('Edit')}](${commandLink('annals.editAnnotation', args)}) · [${vscode.l10n.t('Remove')}](${commandLink('annals.removeAnnotation', args)})`,
      );
      contents.push(links);
    }
    // The code memos of the tags here, and the report memo: untrusted Markdown from files.
    const seen = new Set<string>();
    for (const { annotation } of at.entries)
      for (const id of annotation.tags) {
        const t = tags(id);
        if (seen.has(id) || !t.memo) continue;
        seen.add(id);
        contents.push(
          new vscode.MarkdownString(undefined, true)
            .appendMarkdown('$(book) ')
            .appendText(`${vscode.l10n.t('Code memo')} · ${t.label}: ${memoExcerpt(t.memo, 200)}`),
        );
      }
    const reportMemo = (await this.memos.all()).reports[at.report.id];
    if (reportMemo?.trim())
      contents.push(
        new vscode.MarkdownString(undefined, true)
          .appendMarkdown('$(notebook) ')
          .appendText(`${vscode.l10n.t('Report memo')}: ${memoExcerpt(reportMemo, 200)}`),
      );
    const p = at.report.paragraphs[at.paragraph];
    return new vscode.Hover(contents, new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.end)));
  }
}

/** The status bar item: the tags of the paragraph under the cursor. */
export class AnnotationStatus extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('annals.tags', vscode.StatusBarAlignment.Right, 100));
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly annotations: AnnotationService,
    private readonly documents: ReportDocuments,
  ) {
    super();
    this.item.name = vscode.l10n.t('Annals: tags of the paragraph');
    this.item.command = 'annals.editAnnotation';
    const schedule = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.update(), 50);
    };
    this.register(vscode.window.onDidChangeTextEditorSelection(schedule));
    this.register(vscode.window.onDidChangeActiveTextEditor(schedule));
    this.register(annotations.onDidChange(schedule));
    schedule();
  }

  async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const at =
      editor && editor.document.languageId === LANGUAGE
        ? await annotationsAt(this.annotations, this.documents, editor.document, editor.selection.active)
        : undefined;
    if (!at?.entries.length) {
      this.item.hide();
      return;
    }
    const tags = await this.annotations.tags();
    const labels = [...new Set(at.entries.flatMap((e) => e.annotation.tags))].map((id) => tags(id).label);
    this.item.text = `$(tag) ${labels.join(' · ')}`;
    this.item.tooltip = vscode.l10n.t('Tags of this paragraph: click to edit');
    this.item.show();
  }

  /** What the item shows, for tests. */
  get text(): string | undefined {
    return this.item.text;
  }

  override dispose(): void {
    clearTimeout(this.timer);
    super.dispose();
  }
}
