/**
 * The mutation testing results (npm run mutate) as the `mutation` section of bench/RESULTS.md:
 *   node --import tsx bench/mutation.ts [--write] [--section=NAME] REPORT.json…
 * Each report is a Stryker JSON report (reports/stryker/*.json); reports of one package (partial
 * runs over disjoint files) are added up. --section names the section of bench/RESULTS.md it
 * writes (default `mutation`), so that packages measured in separate sessions keep their own
 * sections (`mutation-series`, `mutation-model`…). Per package and file: killed (timeouts count as killed,
 * as Stryker counts them), survived, no coverage, the score; then every surviving mutant.
 */
import { readFileSync } from 'node:fs';
import { writeSection } from './results.ts';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const byFile = new Map<string, Mutant[]>();
for (const f of files) {
  const r = JSON.parse(readFileSync(f, 'utf8')) as Report;
  for (const [name, v] of Object.entries(r.files)) byFile.set(name, [...(byFile.get(name) ?? []), ...v.mutants]);
}

const detected = (m: Mutant) => m.status === 'Killed' || m.status === 'Timeout';
const counted = (m: Mutant) => m.status !== 'CompileError' && m.status !== 'RuntimeError' && m.status !== 'Ignored';
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const packageOf = (file: string) => /^src\/core\/([^/]+)\//.exec(file)?.[1] ?? file;

const packages = new Map<string, string[]>();
for (const f of [...byFile.keys()].sort()) packages.set(packageOf(f), [...(packages.get(packageOf(f)) ?? []), f]);

const section = process.argv.find((a) => a.startsWith('--section='))?.slice('--section='.length) || 'mutation';
const title = section === 'mutation' ? 'Mutation testing' : `Mutation testing: ${section.replace(/^mutation-/, '')}`;
const lines = [
  `## ${title}`,
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Reports: ${files.map((f) => `\`${f}\``).join(', ')}`,
  ...(files.some((f) => /\.sample/.test(f))
    ? [
        '- A `PACKAGE.sample….json` report is of a seeded sample of the package’s lines (ANNALS_MUTATE_SAMPLE; docs/reliability.md): its score estimates the package’s.',
      ]
    : []),
  '',
];
lines.push('| package / file | mutants | killed (timeouts) | survived | no coverage | score |', '|---|---:|---:|---:|---:|---:|');
for (const [pkg, list] of packages) {
  const all = list.flatMap((f) => byFile.get(f)!.filter(counted));
  const row = (name: string, ms: Mutant[]) =>
    `| ${name} | ${ms.length} | ${ms.filter(detected).length} (${ms.filter((m) => m.status === 'Timeout').length}) | ${ms.filter((m) => m.status === 'Survived').length} | ${ms.filter((m) => m.status === 'NoCoverage').length} | ${pct(ms.filter(detected).length, ms.length)} |`;
  lines.push(row(`**${pkg}**`, all));
  for (const f of list) lines.push(row(`\`${f}\``, byFile.get(f)!.filter(counted)));
}
lines.push('', 'Surviving mutants (file:line:column, mutator, replacement); docs/reliability.md explains them by kind.', '');
for (const [f, ms] of byFile) {
  const left = ms.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage');
  if (!left.length) continue;
  lines.push(`- \`${f}\` (${left.length}):`);
  for (const m of left.sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
    const rep = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80).replace(/`/g, 'ˋ');
    lines.push(`  - ${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no coverage)' : ''}: \`${rep}\``);
  }
}
const text = lines.join('\n');
console.log(text);
if (process.argv.includes('--write')) writeSection(section, text);
