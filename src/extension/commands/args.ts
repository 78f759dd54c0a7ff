import * as vscode from 'vscode';
import type { ReportsNode } from '../reportsTree.ts';
import type { SearchNode } from '../searchView.ts';

/**
 * The arguments commands receive, and the guards that check them. Arguments come from outside
 * the type system (menus pass tree nodes, CodeLenses and hover links pass JSON, the Compare
 * webview passes its data-vscode-context), so every command checks them here before use.
 */

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

export function isUri(x: unknown): x is vscode.Uri {
  return x instanceof vscode.Uri;
}

/** A URI passed as a string (tree items' and links' arguments are JSON); undefined when it does not parse. */
export function parseUriArg(x: unknown): vscode.Uri | undefined {
  if (typeof x !== 'string') return undefined;
  try {
    return vscode.Uri.parse(x, true);
  } catch {
    return undefined;
  }
}

export function isString(x: unknown): x is string {
  return typeof x === 'string';
}

/** A line number, as tree items and links pass it. */
export function isLine(x: unknown): x is number {
  return typeof x === 'number';
}

// ---------------------------------------------------------------------------------------------
// Chapters: a heading of the Reports view, or a chapter's CodeLens.

/** A heading node of the Reports view (its context menu). */
export type HeadingNode = Extract<ReportsNode, { type: 'heading' }>;

export function isHeadingNode(x: unknown): x is HeadingNode {
  return isObject(x) && x.type === 'heading' && x.source instanceof vscode.Uri && !!x.report && !!x.node;
}

/** The argument of a chapter heading's CodeLens (JSON: the source as a URI string). */
export interface ChapterLensArg {
  source: string | vscode.Uri;
  id: string;
  line: number;
}

export function isChapterLensArg(x: unknown): x is ChapterLensArg {
  return isObject(x) && (typeof x.source === 'string' || x.source instanceof vscode.Uri) && typeof x.id === 'string' && typeof x.line === 'number';
}

/** What the chapter commands accept; nothing means the chapter under the cursor. */
export type ChapterArg = HeadingNode | ChapterLensArg;

// ---------------------------------------------------------------------------------------------
// Paragraphs: the Compare webview's context menu.

/** A paragraph of the Compare webview (its data-vscode-context). */
export interface WebviewParagraphArg {
  webviewSection: 'paragraph';
  /** The report id. */
  report: string;
  /** The paragraph id. */
  paragraph: string;
  /** The report's source (a URI string), where the caller knows it (a search result); else the report is looked up in the series the Compare view shows. */
  source?: string;
}

export function isWebviewParagraph(x: unknown): x is WebviewParagraphArg {
  return (
    isObject(x) &&
    x.webviewSection === 'paragraph' &&
    typeof x.report === 'string' &&
    typeof x.paragraph === 'string' &&
    (x.source === undefined || typeof x.source === 'string')
  );
}

/** A column header of the Compare webview (its data-vscode-context): a chapter or section of a year. */
export interface WebviewColumnArg {
  webviewSection: 'column';
  /** The report id. */
  report: string;
  /** The heading's line. */
  line: number;
}

export function isWebviewColumn(x: unknown): x is WebviewColumnArg {
  return isObject(x) && x.webviewSection === 'column' && typeof x.report === 'string' && typeof x.line === 'number';
}

// ---------------------------------------------------------------------------------------------
// Annotations: a hover link, or an annotation node of the Annotations view.

/** The argument of the hover's Edit and Remove links (JSON: the source as a URI string). */
export interface AnnotationLinkArg {
  source: string;
  id: string;
}

function isAnnotationLink(x: unknown): x is AnnotationLinkArg {
  return isObject(x) && typeof x.source === 'string' && typeof x.id === 'string';
}

/** What the commands read of an annotation node of the Annotations view. */
export interface AnnotationNodeArg {
  type: 'annotation';
  entry: { source: vscode.Uri; annotation: { id: string; report?: string }; line?: number | null };
}

export function isAnnotationNode(x: unknown): x is AnnotationNodeArg {
  if (!isObject(x) || x.type !== 'annotation' || !isObject(x.entry)) return false;
  const { source, annotation, line } = x.entry;
  return (
    source instanceof vscode.Uri &&
    isObject(annotation) &&
    typeof annotation.id === 'string' &&
    (annotation.report === undefined || typeof annotation.report === 'string') &&
    (line === undefined || line === null || typeof line === 'number')
  );
}

/** An annotation named by a hover link or an annotation node: its source (URI string) and id. */
export function annotationRef(x: unknown): AnnotationLinkArg | undefined {
  if (isAnnotationLink(x)) return { source: x.source, id: x.id };
  if (isAnnotationNode(x)) return { source: x.entry.source.toString(), id: x.entry.annotation.id };
  return undefined;
}

/** What the annotation commands accept; nothing means the annotations on the cursor's paragraph. */
export type AnnotationArg = AnnotationLinkArg | AnnotationNodeArg | WebviewParagraphArg;

// ---------------------------------------------------------------------------------------------
// Tags: a tag node of the Annotations view.

/** What the commands read of a tag node of the Annotations view. */
export interface TagNodeArg {
  type: 'tag';
  tag: { id: string };
}

export function isTagNode(x: unknown): x is TagNodeArg {
  return isObject(x) && x.type === 'tag' && isObject(x.tag) && typeof x.tag.id === 'string';
}

/** The tag id of a tag node, if the command came from one. */
export function tagOfNode(x: unknown): string | undefined {
  return isTagNode(x) ? x.tag.id : undefined;
}

// ---------------------------------------------------------------------------------------------
// Series and reports: nodes of the Reports view (their context menus).

/** A report node of the Reports view. */
export type ReportNode = Extract<ReportsNode, { type: 'report' }>;

export function isReportNode(x: unknown): x is ReportNode {
  return isObject(x) && x.type === 'report' && x.source instanceof vscode.Uri && isObject(x.report) && Array.isArray(x.copies);
}

/** A series node of the Reports view. */
export type SeriesNode = Extract<ReportsNode, { type: 'series' }>;

export function isSeriesNode(x: unknown): x is SeriesNode {
  return isObject(x) && x.type === 'series' && typeof x.key === 'string' && Array.isArray(x.reports);
}

// ---------------------------------------------------------------------------------------------
// Search: a hit of the Search view.

/** A hit node of the Search view (its click and context menu). */
export type SearchHitNode = Extract<SearchNode, { type: 'hit' }>;

export function isSearchHitNode(x: unknown): x is SearchHitNode {
  return (
    isObject(x) &&
    x.type === 'hit' &&
    isObject(x.hit) &&
    typeof x.hit.reportId === 'string' &&
    typeof x.hit.paragraph === 'string' &&
    typeof x.hit.documentStart === 'number' &&
    typeof x.hit.documentEnd === 'number'
  );
}

// Export Annotations… asked for by the Agreement panel: a format, the sources and reports, the agreement.

/** Agreement figures as the panel passes them (AgreementResult of the core). */
interface AgrArg {
  units: number;
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
}

export interface ExportRequest {
  /** An exporter id (`xlsx`). */
  format: string;
  /** Only these sources (URI strings), and of them only these reports (ids); all when left out. */
  sources?: string[];
  reports?: string[];
  agreement?: { coders: string[]; units: number; overall: AgrArg; tags: Record<string, AgrArg> };
}

const isNumOrNull = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));
const isAgr = (x: unknown): x is AgrArg => isObject(x) && typeof x.units === 'number' && isNumOrNull(x.percent) && isNumOrNull(x.kappa) && isNumOrNull(x.alpha);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

export function isExportRequest(x: unknown): x is ExportRequest {
  if (!isObject(x) || typeof x.format !== 'string') return false;
  if (x.sources !== undefined && !isStrings(x.sources)) return false;
  if (x.reports !== undefined && !isStrings(x.reports)) return false;
  const a = x.agreement;
  if (a === undefined) return true;
  return isObject(a) && isStrings(a.coders) && typeof a.units === 'number' && isAgr(a.overall) && isObject(a.tags) && Object.values(a.tags).every(isAgr);
}
