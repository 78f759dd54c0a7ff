/** A Markdown summary grouped by tag, with counts. */
import { excerpt, safeTerminalText } from '../../model/index.ts';
import type { Codebook, TagInfo } from '../codebook.ts';
import type { AnchorStatus } from '../reanchor.ts';
import { type ExportMemo, exportMemos } from './memos.ts';
import type { Exporter, ExportExtras } from './registry.ts';
import type { ExportRow } from './rows.ts';

/**
 * Text as Markdown text, on one line: every character Markdown or HTML would act on is escaped
 * (a note with `<img onerror=…>` or a newline and `#` comes out as text), controls made visible.
 */
const mdEscape = (s: string) =>
  safeTerminalText(s)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/([\\`*_[\]<>|#!&~])/g, '\\$1');

/**
 * A tag id as inline code, whatever it holds: one line, controls made visible, fenced by more
 * backticks than it has in a row (CommonMark), so a backtick in it cannot end the code span and
 * let HTML out.
 */
function codeSpan(s: string): string {
  const text = safeTerminalText(s).replace(/\s+/g, ' ');
  const run = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(run + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim()) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A readable summary grouped by tag (codebook order, then unknown tags, then untagged), with
 * counts. An annotation with several tags is listed under each.
 */
export function toMarkdown(rows: readonly ExportRow[], codebook: Codebook | null, extras: ExportExtras = {}): string {
  const groups = new Map<string, { info: TagInfo | null; rows: ExportRow[] }>();
  for (const t of codebook?.tags ?? []) groups.set(t.id, { info: { ...t, known: true }, rows: [] });
  for (const r of rows) {
    if (!r.tags.length) {
      const g = groups.get('') ?? { info: null, rows: [] };
      g.rows.push(r);
      groups.set('', g);
    }
    for (const t of r.tags) {
      const g = groups.get(t.id) ?? { info: t, rows: [] };
      g.rows.push(r);
      groups.set(t.id, g);
    }
  }
  const statusNote: Partial<Record<AnchorStatus, string>> = { 'needs-review': ' *(needs review)*', orphan: ' *(orphan: its text is gone)*' };
  const out = ['# Annotations', '', `${rows.length} annotation${rows.length === 1 ? '' : 's'}.`, ''];
  const ordered = [...groups.entries()].sort(([a, x], [b, y]) => rank(a, x.info) - rank(b, y.info));
  for (const [id, g] of ordered) {
    if (!g.rows.length) continue;
    const title = g.info ? `${mdEscape(g.info.label)} (${codeSpan(id)})${g.info.known ? '' : ' — unknown tag'}` : 'Untagged';
    out.push(`## ${title} — ${g.rows.length}`, '');
    for (const r of g.rows) {
      const where = [r.year ?? '', r.reportTitle, r.chapter, r.section]
        .filter((x) => x !== '')
        .map((x) => mdEscape(String(x)))
        .join(' › ');
      out.push(`- **${where}**${statusNote[r.status] ?? ''}: ${mdEscape(excerpt(r.target.quote.exact, 120))}`);
      out.push(`  - ${provenance(r)}`);
      if (r.annotation.note) out.push(`  - ${mdEscape(r.annotation.note)}${r.annotation.author ? ` — ${mdEscape(r.annotation.author)}` : ''}`);
    }
    out.push('');
  }
  out.push(...memoSection(exportMemos(rows, codebook, extras)));
  return out.join('\n');

  function rank(id: string, info: TagInfo | null): number {
    const i = codebook?.tags.findIndex((t) => t.id === id) ?? -1;
    if (i >= 0) return i;
    return info ? 10_000 : 20_000;
  }
}

/**
 * The memos, after the tags: project memos, report memos, code memos, each under a heading with
 * its text as a quote block. A memo is Markdown from a teammate's file, so it is escaped line by
 * line like any note (its line breaks kept): it reads as written and cannot act on the reader.
 */
function memoSection(memos: readonly ExportMemo[]): string[] {
  if (!memos.length) return [];
  const out = ['## Memos', ''];
  const heads: Record<ExportMemo['kind'], string> = { project: 'Project memos', report: 'Report memos', code: 'Code memos' };
  let kind: ExportMemo['kind'] | null = null;
  for (const m of memos) {
    if (m.kind !== kind) {
      kind = m.kind;
      out.push(`### ${heads[kind]}`, '');
    }
    const title =
      m.kind === 'report'
        ? `${m.year ?? ''} ${mdEscape(m.name)} (report ${codeSpan(m.of)})`.trim()
        : m.kind === 'code'
          ? `${mdEscape(m.name)} (${codeSpan(m.of)})`
          : mdEscape(m.name);
    out.push(`#### ${title}`, '');
    for (const line of m.text.replace(/\r\n?/g, '\n').trimEnd().split('\n')) out.push(line.trim() ? `> ${mdEscape(line)}` : '>');
    out.push('');
  }
  return out;
}

/**
 * Where an annotation comes from, on one line: source, series, report and paragraph ids, the
 * quote's code-point offsets (a span's own), the coder and the anchor status.
 */
function provenance(r: ExportRow): string {
  const { start, end } = r.target.position;
  const parts = [
    `source ${mdEscape(r.source)}`,
    r.series ? `series ${mdEscape(r.series)}` : '',
    `report ${codeSpan(r.reportId)}`,
    `paragraph ${codeSpan(r.target.paragraph)}`,
    `${r.span ? 'span' : 'paragraph'} ${start}–${end}`,
    r.coder ? `coder ${mdEscape(r.coder)}` : '',
    r.status,
  ];
  return parts.filter((x) => x).join(' · ');
}

export const markdownExporter: Exporter = {
  id: 'md',
  label: 'Markdown',
  description: 'a summary grouped by tag',
  extension: 'md',
  render: (rows, codebook, extras) => toMarkdown(rows, codebook, extras),
};
