/** The `annals outline --json` contract, and the human-readable tree. */
import type { Diagnostic, OutlineNode, PartKind, SourceImport } from '../model/index.ts';

interface OutlineJsonNode {
  kind: 'part' | 'chapter' | 'section';
  partKind?: PartKind;
  number: number | null;
  label: string | null;
  inferred: boolean;
  title: string;
  line: number;
  children: OutlineJsonNode[];
}

export interface OutlineJson {
  source: string;
  format: SourceImport['format'];
  diagnostics: Diagnostic[];
  reports: {
    id: string;
    title: string;
    issuer: string | null;
    year: number | null;
    /** The report's type as the series name it (政府工作报告, 国民经济和社会发展统计公报…), or null. */
    type: string | null;
    link: string | null;
    published: string | null;
    paragraphs: number;
    diagnostics: Diagnostic[];
    outline: OutlineJsonNode[];
  }[];
}

function node(n: OutlineNode): OutlineJsonNode {
  // Keys in the documented order: partKind (parts only) right after kind.
  return {
    kind: n.kind,
    ...(n.kind === 'part' ? { partKind: n.partKind ?? 'other' } : {}),
    number: n.number,
    label: n.label,
    inferred: n.inferred,
    title: n.title,
    line: n.line,
    children: n.children.map(node),
  };
}

/** A diagnostic in the contract's shape: no code or arguments. */
const contractDiag = (d: Diagnostic): Diagnostic => ({ severity: d.severity, message: d.message, line: d.line });

export function outlineJson(imp: SourceImport): OutlineJson {
  return {
    source: imp.source,
    format: imp.format,
    diagnostics: imp.diagnostics.map(contractDiag),
    reports: imp.reports.map((r) => ({
      id: r.id,
      title: r.title,
      issuer: r.issuer,
      year: r.year,
      type: r.type,
      link: r.link,
      published: r.published,
      paragraphs: r.paragraphs.length,
      diagnostics: r.diagnostics.map(contractDiag),
      outline: r.outline.map(node),
    })),
  };
}

/** An indented tree for people. Inferred headings are marked with `*`. */
export function outlineTree(imp: SourceImport): string {
  const out: string[] = [`${imp.source} (${imp.format})`];
  for (const d of imp.diagnostics) out.push(`  ${d.severity}: ${d.message}`);
  for (const r of imp.reports) {
    out.push('');
    out.push(`${r.title}`);
    out.push(
      `  id ${r.id} · issuer ${r.issuer ?? '—'} · year ${r.year ?? '—'} · type ${r.type ?? '—'} · published ${r.published ?? '—'} · ${r.paragraphs.length} paragraphs`,
    );
    const walk = (n: OutlineNode, depth: number) => {
      // Printed label as it stands (一、, (二)); an inferred number without a label as [n].
      const label = n.label ?? (n.number !== null ? `[${n.number}] ` : '');
      out.push(`${'  '.repeat(depth)}${label}${n.title}${n.inferred ? ' *' : ''}  (line ${n.line + 1})`);
      n.children.forEach((c) => walk(c, depth + 1));
    };
    r.outline.forEach((n) => walk(n, 1));
    for (const d of r.diagnostics) out.push(`  ${d.severity}${d.line !== null ? ` line ${d.line + 1}` : ''}: ${d.message}`);
  }
  return out.join('\n') + '\n';
}
