/** Making targets: a paragraph, or a selection inside it, as a paragraph id, a quote with context and a position. */
import { fail, ok, type Report, type Result } from '../model/index.ts';
import { type AnnotationTarget, CONTEXT_LENGTH } from './annotation.ts';
import { CodePointIndex, firstCodePoints, lastCodePoints } from './codepoints.ts';

/** The paragraph that contains a UTF-16 offset of the report text, or null (between paragraphs, in the header). */
export function paragraphAt(report: Report, utf16: number): number | null {
  const ps = report.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid].end < utf16) lo = mid + 1;
    else if (ps[mid].start > utf16) hi = mid - 1;
    else return mid;
  }
  return null;
}

export type TargetResult = Result<{ target: AnnotationTarget; whole: boolean }>;

/**
 * A target for a paragraph, or for a selection inside it. `selection` is in UTF-16 offsets of
 * the report text (as the editor gives them). A selection that is empty, or not inside the
 * paragraph, tags the whole paragraph: the paragraph is the unit.
 */
export function makeTarget(report: Report, paragraph: number, selection?: { start: number; end: number }, index?: CodePointIndex): TargetResult {
  const p = report.paragraphs[paragraph];
  if (!p) return fail('noParagraph', [report.id, paragraph, report.paragraphs.length]);
  let start = p.start;
  let end = p.end;
  if (selection && selection.end > selection.start && selection.start >= p.start && selection.end <= p.end) {
    // Trim white space at the edges of the selection; keep it if that leaves nothing.
    let s = selection.start;
    let e = selection.end;
    while (s < e && /\s/.test(report.text[s])) s++;
    while (e > s && /\s/.test(report.text[e - 1])) e--;
    if (e > s) {
      start = s;
      end = e;
    }
  }
  const cp = index && index.text === report.text ? index : new CodePointIndex(report.text);
  const target: AnnotationTarget = {
    paragraph: p.id,
    quote: {
      type: 'TextQuoteSelector',
      exact: report.text.slice(start, end),
      prefix: lastCodePoints(report.text.slice(Math.max(0, start - 2 * CONTEXT_LENGTH), start), CONTEXT_LENGTH),
      suffix: firstCodePoints(report.text.slice(end, end + 2 * CONTEXT_LENGTH), CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start: cp.toCodePoint(start), end: cp.toCodePoint(end) },
  };
  return ok({ target, whole: start === p.start && end === p.end });
}
