/**
 * `annals agree <source|sidecar>... [--json]`: agreement between coders over the paragraphs of the
 * reports in the given sources (docs/annotations.md#agreement). In independent coding the coders'
 * own sidecars (`<source>.annals.<coder>.json`) are read; in shared coding the shared sidecar, by
 * each annotation's coder. The record a *Neither* resolution leaves (no tags) is not coding, and is
 * left out.
 * Exit codes: 0 success; 1 an input or sidecar cannot be read, or fewer than two coders; 2 usage.
 */
import { type Agr, type Annotation, isResolutionRecord, parseSidecarName, sidecarPath, tagInfo, tagsByAgreement } from '../core/index.ts';
import { common, readCodebook } from './annotate.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import { importInput, readInput } from './files.ts';
import type { Io } from './io.ts';
import { corePath } from './nodeHost.ts';
import { agreementOver, coderSidecars, readProject, readSidecars } from './project.ts';

const fixed = (v: number | null, digits: number) => (v === null ? '—' : v.toFixed(digits));

function row(name: string, a: Agr): string {
  return `${name.padEnd(28)} ${String(a.units).padStart(6)}  ${(a.percent === null ? '—' : `${a.percent.toFixed(1)}%`).padStart(7)}  ${fixed(a.kappa, 3).padStart(6)}  ${fixed(a.alpha, 3).padStart(6)}\n`;
}

async function runAgree(p: Options, io: Io, usage: string): Promise<number> {
  if (!p.positional.length) {
    io.err(`annals agree: give one or more sources (or their sidecars).\n\n${usage}`);
    return 2;
  }
  const c = common(p);
  if ('error' in c) {
    io.err(`annals agree: ${c.error}.\n`);
    return 2;
  }
  const proj = readProject(c.workspace);
  if ('error' in proj) {
    io.err(`annals: ${proj.error}\n`);
    return 1;
  }
  const independent = proj.project.coding.mode === 'independent';
  const inputs: { source: string; annotations: Annotation[]; reports: Awaited<ReturnType<typeof importInput>>['reports'] }[] = [];
  for (const given of p.positional) {
    // A sidecar (shared or a coder's) stands for its source, next to it.
    const named = parseSidecarName(given);
    const source = named ? named.source : given;
    const bytes = readInput(source, p.maxBytes);
    if (typeof bytes === 'string') {
      io.err(`annals: ${bytes}\n`);
      return 1;
    }
    const imp = await importInput(source, bytes, p.maxBytes);
    if (!imp.reports.length) {
      io.err(`annals: ${source}: ${imp.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no report was found in it.'}\n`);
      return 1;
    }
    const shared = sidecarPath(corePath(source), { workspaceRoot: corePath(c.workspace), sidecarFolder: c.sidecarFolder });
    const sharedPath = shared.ok ? shared.value : `${corePath(source)}.annals.json`;
    const read = readSidecars(independent ? coderSidecars(sharedPath) : [sharedPath]);
    if ('error' in read) {
      io.err(`annals: ${read.error}\n`);
      return 1;
    }
    inputs.push({ source, annotations: read.annotations.filter((a) => !isResolutionRecord(a)), reports: imp.reports });
  }
  // The coders: the project's, then any other author found, each once (as coder files name them).
  const { coders, units, result, anonymous } = agreementOver(proj.project, inputs);
  if (anonymous)
    io.err(`annals agree: ${anonymous} annotation${anonymous === 1 ? ' has' : 's have'} no coder (author) and ${anonymous === 1 ? 'is' : 'are'} left out.\n`);
  if (coders.length < 2) {
    io.err(
      `annals agree: agreement needs at least two coders; ${coders.length ? `only ${coders[0]} coded these reports` : 'no coder coded these reports'}${independent ? ' (independent coding: the coders’ own sidecars <source>.annals.<coder>.json were read)' : ''}.\n`,
    );
    return 1;
  }
  if (p.flag('--json')) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const cb = readCodebook(c.workspace);
  const codebook = 'codebook' in cb ? cb.codebook : null;
  // The reports at least two coders coded.
  const reports = new Set(units.filter((u) => u.codes.filter((x) => x !== null).length >= 2).map((u) => `${u.source}\u0000${u.report}`)).size;
  let out = `Agreement of ${coders.length} coders (${coders.join(', ')}) over ${result.units} paragraph${result.units === 1 ? '' : 's'} of ${reports} report${reports === 1 ? '' : 's'}; lowest first.\n\n`;
  out += `${'tag'.padEnd(28)} ${'units'.padStart(6)}  ${'percent'.padStart(7)}  ${'kappa'.padStart(6)}  ${'alpha'.padStart(6)}\n`;
  for (const t of tagsByAgreement(result)) {
    const info = tagInfo(codebook, t);
    out += row(info.known && info.label !== t ? `${t} ${info.label}` : t, result.tags[t]);
  }
  out += row('(overall)', result.overall);
  if (coders.length !== 2) out += '\nCohen’s kappa is for exactly two coders: — here.\n';
  io.out(out);
  return 0;
}

export const agree: Command = {
  synopsis: 'agree <source|sidecar>... [--json]',
  summary: [
    'Agreement between coders, paragraph by paragraph: percent,',
    "Cohen's kappa (two coders) and Krippendorff's alpha, per tag",
    'and overall, lowest first (JSON with --json).',
  ],
  options: ['--json', '--workspace', '--sidecar-folder'],
  errorPrefix: 'annals agree',
  run: runAgree,
};
