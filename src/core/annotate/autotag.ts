/**
 * Auto-tag: find the paragraphs that match a regular expression or plain text, across reports,
 * for a preview; then tag the ones the user confirms, through the store.
 */
import { type BlockRole, type Problem, problem, type Report, type ReportHead } from '../model/index.ts';
import type { Annotation } from './annotation.ts';
import { reanchor } from './reanchor.ts';
import { type AutoTagScope, scopedParagraphs } from './scope.ts';
import { makeTarget } from './targets.ts';
import type { AnnotationStore } from './store.ts';

export type Matcher = { ok: true; regex: RegExp; label: string } | { ok: false; problem: Problem };

/**
 * A matcher from user input. As a regular expression, `/source/flags` is accepted as well as the
 * bare source; `g` and `y` are ignored (they make matching stateful). Plain text matches literally.
 */
export function makeMatcher(input: string, mode: 'regex' | 'text' = 'regex', options: { ignoreCase?: boolean } = {}): Matcher {
  if (!input) return { ok: false, problem: problem('emptyPattern') };
  let source = input;
  let flags = options.ignoreCase ? 'i' : '';
  if (mode === 'text') source = input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  else {
    const m = /^\/(.+)\/([a-z]*)$/s.exec(input);
    if (m) {
      source = m[1];
      const bad = m[2].replace(/[dgimsuvy]/g, '');
      if (bad) return { ok: false, problem: problem('unknownRegexFlag', [input, bad]) };
      flags = [...new Set((flags + m[2]).replace(/[gy]/g, ''))].join('');
    }
  }
  try {
    return { ok: true, regex: new RegExp(source, flags), label: mode === 'text' ? `“${input}”` : `/${source}/${flags}` };
  } catch (e) {
    return { ok: false, problem: problem('invalidRegex', [source, flags, (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')]) };
  }
}

export interface AutoTagMatch {
  report: Report;
  paragraph: number;
  /** 0-based line of the paragraph in the report document. */
  line: number;
  text: string;
  /** The first match, in UTF-16 offsets within the paragraph text (for highlighting the preview). */
  match: { start: number; end: number };
  /** The paragraph already carries the tag (an annotation placed on it has it): applying skips it. */
  already: boolean;
}

export interface FindOptions {
  /** Only reports of this year. */
  year?: number;
  /** The tag to apply, to mark paragraphs that already have it. */
  tag?: string;
  /** Existing annotations (of any report), to mark those paragraphs. */
  existing?: readonly Annotation[];
  /** Paragraph roles to search. Default: everything but closing lines and trailing page chrome. */
  roles?: readonly BlockRole[];
  /** Only the reports, years, part and chapters of the scope. */
  scope?: AutoTagScope;
}

const DEFAULT_ROLES: readonly BlockRole[] = ['part', 'chapter', 'section', 'body'];

/** The paragraphs that match, report by report, in document order. */
export function findMatches(reports: readonly Report[], matcher: Extract<Matcher, { ok: true }>, options: FindOptions = {}): AutoTagMatch[] {
  const roles = new Set(options.roles ?? DEFAULT_ROLES);
  const out: AutoTagMatch[] = [];
  for (const r of reports) {
    if (options.year !== undefined && r.year !== options.year) continue;
    const inScope = options.scope ? scopedParagraphs(r, options.scope) : null;
    if (inScope?.size === 0) continue;
    const tagged = new Set<number>();
    if (options.tag && options.existing?.length) {
      const mine = options.existing.filter((a) => a.report === r.id);
      const anchors = reanchor(r, mine);
      anchors.forEach((anc, k) => {
        if (anc.paragraph !== null && anc.status !== 'needs-review' && mine[k].tags.includes(options.tag!)) tagged.add(anc.paragraph);
      });
    }
    for (const p of r.paragraphs) {
      if (!roles.has(p.role) || (inScope && !inScope.has(p.index))) continue;
      const m = matcher.regex.exec(p.text);
      if (!m) continue;
      out.push({
        report: r,
        paragraph: p.index,
        line: p.line,
        text: p.text,
        match: { start: m.index, end: m.index + m[0].length },
        already: tagged.has(p.index),
      });
    }
  }
  return out;
}

export interface ApplyResult {
  added: Annotation[];
  /** Paragraphs skipped because they already carry the tag. */
  skipped: number;
  errors: Problem[];
}

/** Tags the confirmed paragraphs: one whole-paragraph annotation each, through the store (not saved). */
export function applyAutoTag(
  store: AnnotationStore,
  matches: readonly AutoTagMatch[],
  tag: string,
  options: { note?: string; author?: string } = {},
): ApplyResult {
  const res: ApplyResult = { added: [], skipped: 0, errors: [] };
  for (const m of matches) {
    if (m.already) {
      res.skipped++;
      continue;
    }
    const t = makeTarget(m.report, m.paragraph);
    if (!t.ok) {
      res.errors.push(t.problem);
      continue;
    }
    const r = store.add({ report: m.report.id, target: t.value.target, tags: [tag], note: options.note, author: options.author });
    if (r.ok) res.added.push(r.value);
    else {
      res.errors.push(r.problem);
      if (store.readOnly) break;
    }
  }
  return res;
}

/** The distinct years of the reports, newest first (for the "only one year?" choice). */
export function reportYears(reports: readonly ReportHead[]): number[] {
  return [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
}

/** A source's reports and the annotations already in its sidecar. */
export interface MatchGroup<S> {
  source: S;
  reports: readonly Report[];
  existing: readonly Annotation[];
}

/** The matches in every source, each with its source, in source order. */
export function findMatchesIn<S>(
  groups: readonly MatchGroup<S>[],
  matcher: Extract<Matcher, { ok: true }>,
  options: Omit<FindOptions, 'existing'> = {},
): { source: S; match: AutoTagMatch }[] {
  return groups.flatMap((g) => findMatches(g.reports, matcher, { ...options, existing: g.existing }).map((match) => ({ source: g.source, match })));
}

/** Chosen matches grouped back by source (`key` names a source), in first-seen order: one save per source. */
export function groupBySource<S>(found: readonly { source: S; match: AutoTagMatch }[], key: (source: S) => string): { source: S; matches: AutoTagMatch[] }[] {
  const groups = new Map<string, { source: S; matches: AutoTagMatch[] }>();
  for (const f of found) {
    const k = key(f.source);
    const g = groups.get(k);
    if (g) g.matches.push(f.match);
    else groups.set(k, { source: f.source, matches: [f.match] });
  }
  return [...groups.values()];
}

/** Where a match is, for the preview: its year, the report's title when several series are searched, and its chapter (or part). */
export function matchPlace(
  match: AutoTagMatch,
  severalSeries: boolean,
  headings: (report: Report) => readonly { part: string; chapter: string }[],
): { year: number | null; title: string | null; heading: string } {
  const h = headings(match.report)[match.paragraph];
  return { year: match.report.year, title: severalSeries ? match.report.title : null, heading: h?.chapter || h?.part || '' };
}

/** The paragraph around its first match, for a one-line preview: up to `before` characters before it, `max` in all. */
export function matchExcerpt(m: AutoTagMatch, before = 16, max = 80): string {
  const head = Array.from(m.text.slice(0, m.match.start));
  const lead = head.length > before ? '…' + head.slice(-before).join('') : head.join('');
  const rest = Array.from(m.text.slice(m.match.start));
  const room = max - Array.from(lead).length;
  return (lead + (rest.length > room ? rest.slice(0, room).join('') + '…' : rest.join(''))).replace(/\s+/g, ' ');
}

/**
 * The matches of chosen paragraphs (a search's hits: the paragraph's index and its first hit, in
 * UTF-16 offsets within the paragraph), marked `already` as findMatches marks them, for the same
 * preview and apply as auto-tag. A paragraph given twice is one match.
 */
export function matchesOf(
  report: Report,
  hits: readonly { paragraph: number; start: number; end: number }[],
  options: Pick<FindOptions, 'tag' | 'existing'> = {},
): AutoTagMatch[] {
  const tagged = new Set<number>();
  if (options.tag && options.existing?.length) {
    const mine = options.existing.filter((a) => a.report === report.id);
    reanchor(report, mine).forEach((anc, k) => {
      if (anc.paragraph !== null && anc.status !== 'needs-review' && mine[k].tags.includes(options.tag!)) tagged.add(anc.paragraph);
    });
  }
  const out: AutoTagMatch[] = [];
  const seen = new Set<number>();
  for (const h of hits) {
    const p = report.paragraphs[h.paragraph];
    if (!p || seen.has(h.paragraph)) continue;
    seen.add(h.paragraph);
    out.push({ report, paragraph: p.index, line: p.line, text: p.text, match: { start: h.start, end: h.end }, already: tagged.has(p.index) });
  }
  return out;
}
