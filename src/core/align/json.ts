/** The `annals align --json` contract, and the table for people. */
import type { OutlineNode, PartKind } from '../model/index.ts';
import type { Alignment, ChapterRef, SectionRef } from './types.ts';
import { toChineseNumeral } from '../model/index.ts';
import { chapterUnits } from './units.ts';

interface ChJson {
  year: number;
  part: PartKind;
  number: number | null;
  title: string;
  /** In planResult only: the plan or result is a section, of a report whose review and plan are chapters. */
  section?: true;
}

interface SecJson {
  year: number;
  chapter: ChJson;
  number: number | null;
  title: string;
}

export interface AlignJson {
  series: { issuer: string | null; type: string; years: number[] }[];
  links: { a: ChJson; b: ChJson; score: number; sameHeading?: true }[];
  sectionLinks: { a: SecJson; b: SecJson; score: number; sameHeading?: true }[];
  planResult: { plan: ChJson; result: ChJson[]; score: number }[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function ch(r: ChapterRef): ChJson {
  return { year: r.report.year!, part: r.part, number: r.node.number, title: r.node.title };
}

/** A plan or a result: a chapter, or a section (`section: true`) of a report whose review and plan are chapters. */
function planCh(r: ChapterRef): ChJson {
  return r.node.kind === 'section' ? { ...ch(r), section: true } : ch(r);
}

function sec(r: SectionRef): SecJson {
  return { year: r.report.year!, chapter: ch({ report: r.report, node: r.chapter, part: r.part }), number: r.node.number, title: r.node.title };
}

export function alignJson(al: Alignment): AlignJson {
  return {
    series: al.series.map((s) => ({ issuer: s.issuer, type: s.type, years: s.reports.map((r) => r.year!) })),
    links: al.links.map((l) => ({ a: ch(l.a), b: ch(l.b), score: round(l.score), ...(l.sameHeading ? { sameHeading: true as const } : {}) })),
    sectionLinks: al.sectionLinks.map((l) => ({ a: sec(l.a), b: sec(l.b), score: round(l.score), ...(l.sameHeading ? { sameHeading: true as const } : {}) })),
    planResult: al.planResult.map((p) => ({ plan: planCh(p.plan), result: p.result.map((r) => planCh(r.chapter)), score: round(p.score) })),
  };
}

const PART_NAMES: Record<PartKind, string> = { review: 'review', plan: 'plan', other: 'chapters', appendix: 'appendix' };

function label(n: OutlineNode): string {
  const num = n.number === null ? '' : n.kind === 'section' ? `（${toChineseNumeral(n.number)}）` : `${toChineseNumeral(n.number)}、`;
  const t = n.title.length > 28 ? `${n.title.slice(0, 27)}…` : n.title;
  return `${num}${t}`;
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const c of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/**
 * For each series and pair of consecutive years, the chapters side by side: earlier ↔ later, score;
 * chapters with no counterpart on their own line. Then plan → result.
 */
export function alignTable(al: Alignment): string {
  const out: string[] = [];
  for (const s of al.series) {
    out.push(`${s.issuer ? `${s.issuer} · ` : ''}${s.type}  (${s.reports.map((r) => r.year).join(', ')})`);
    for (let k = 1; k < s.reports.length; k++) {
      const later = s.reports[k];
      const earlier = s.reports[k - 1];
      for (const part of ['review', 'plan', 'other'] as PartKind[]) {
        const chapters = (r: typeof later) =>
          chapterUnits(r)
            .filter((u) => u.part === part)
            .map((u) => u.node);
        const as = chapters(later);
        const bs = chapters(earlier);
        if (!as.length && !bs.length) continue;
        // A link across kinds (a chapter outside any part to one in a review part) shows in both kinds' tables.
        const links = al.links.filter((l) => l.a.report === later && l.b.report === earlier && (l.a.part === part || l.b.part === part));
        const rows: [string, string, string][] = [];
        for (const b of bs) {
          const l = links.find((x) => x.b.node === b);
          rows.push([label(b), l ? label(l.a.node) : '—', l ? `${l.score.toFixed(2)}${l.sameHeading ? ' (same heading)' : ''}` : 'no counterpart']);
        }
        for (const a of as) if (!links.some((x) => x.a.node === a)) rows.push(['—', label(a), 'new']);
        // Every chapter of this kind linked to one of another kind (shown in that kind's table).
        if (!rows.length) continue;
        const w = Math.max(8, ...rows.map((r) => width(r[0])));
        const w2 = Math.max(8, ...rows.map((r) => width(r[1])));
        const partTitle = (r: typeof later) => r.outline.find((n) => n.kind === 'part' && n.partKind === part)?.title ?? '';
        const which = part === 'plan' ? ` (${partTitle(earlier)} → ${partTitle(later)})` : '';
        out.push('', `  ${earlier.year} → ${later.year}, ${PART_NAMES[part]}${which}:`);
        out.push(`    ${pad(String(earlier.year), w)}  ${pad(String(later.year), w2)}  score`);
        for (const r of rows) out.push(`    ${pad(r[0], w)}  ${pad(r[1], w2)}  ${r[2]}`);
      }
    }
    const plans = al.planResult.filter((p) => s.reports.includes(p.plan.report));
    if (plans.length) {
      out.push('', '  Plan → result:');
      for (const p of plans) {
        const res = p.result.length ? p.result.map((r) => `${label(r.chapter.node)} (${r.score.toFixed(2)})`).join('; ') : 'no result found';
        out.push(`    ${p.planYear} plan ${label(p.plan.node)} → ${p.planYear} review: ${res}`);
      }
    }
    out.push('');
  }
  for (const p of al.problems) out.push(`${p.severity === 'info' ? 'note' : 'warning'}: ${p.message}`);
  return out.join('\n') + '\n';
}
