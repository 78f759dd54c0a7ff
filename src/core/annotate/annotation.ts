/**
 * Annotations: plain data, as stored in a sidecar (sidecar.ts) and placed on a report by
 * re-anchoring (anchor.ts).
 */

/** W3C Web Annotation TextQuoteSelector: the quoted text with up to 32 characters of context on each side. */
interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets in Unicode code points within the report text. */
interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface AnnotationTarget {
  /** The content-derived paragraph id (Paragraph.id) at the time of tagging. */
  paragraph: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface Annotation {
  id: string;
  /** The report id (Report.id). */
  report: string;
  target: AnnotationTarget;
  /** Tag ids (codebook.ts). Unknown ids are kept. */
  tags: string[];
  /** Markdown. */
  note: string;
  author: string;
  /** ISO-8601. */
  created: string;
  modified: string;
  /** Set on an annotation that resolved a disagreement between coders: who resolved it… */
  resolvedBy?: string;
  /** …and when (ISO-8601). */
  resolved?: string;
}

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Whether a target covers a whole paragraph rather than a span inside it. Paragraphs are lines
 * of the report text, so a whole-paragraph quote has a line break (or the text's edge) on each side.
 */
export function isWholeParagraph(t: AnnotationTarget): boolean {
  const { prefix, suffix } = t.quote;
  return (prefix === '' || prefix.endsWith('\n')) && (suffix === '' || suffix.startsWith('\n'));
}

/** A new annotation id: `a` + 16 hex digits from the platform's random source. */
export function newAnnotationId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return 'a' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Orders annotations as sidecars store them: report, then position, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return cmp(a.report, b.report) || a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
