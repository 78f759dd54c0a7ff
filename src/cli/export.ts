/**
 * `annals export <source|dir> --format ID [--out F] [--agreement] [--jsonl] [--jobs N]`: the annotations of a source,
 * or of every source with a sidecar (shared or a coder's) under a folder, through the core's exporter registry, with
 * the project's coders and memos; the sources are imported on --jobs workers (exportBatch.ts). Exit codes as in
 * annotate.ts.
 */
import { type Dirent, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import {
  AnnotationStore,
  CODEBOOK_PATH,
  exportRows,
  parseSidecar,
  SIDECAR_SUFFIX,
  EXPORTERS,
  problemText,
  exporterFor,
  type AgreementResult,
  type Annotation,
  isResolutionRecord,
  parseSidecarName,
  type ExportSource,
  SOURCE_EXTENSIONS,
  writeFileAtomic,
} from '../core/index.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import { exportBytes } from '../host/exportBytes.ts';
import { type PendingSource, importSources } from './exportBatch.ts';
import { reason } from './files.ts';
import type { Io } from './io.ts';
import { corePath, nodeHost } from './nodeHost.ts';
import { BATCH_OPTIONS, batchOptions } from './pool.ts';
import { type AgreementInput, agreementOver, coderSidecars, readMemos, readProject, readSidecars } from './project.ts';
import { common, readCodebook, SIDECAR_OPTIONS, say, sourceProblem } from './annotate.ts';

/** Something a folder export left out, and why. */
interface Skipped {
  path: string;
  why: string;
}

/**
 * The sidecars under a folder, the coders' own too (skipping .git and node_modules; links to folders are not followed),
 * sorted by path. A folder that cannot be read is listed in `skipped`; the walk goes on.
 */
function findSidecars(dir: string, skipped: Skipped[], out: string[] = []): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    skipped.push({ path: dir, why: `the folder cannot be read: ${reason(e, 'no such folder')}` });
    return out;
  }
  for (const e of entries) {
    if (e.name === '.git' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findSidecars(p, skipped, out);
    // The shared sidecars and the coders' own (<source>.annals.<coder>.json).
    else if (parseSidecarName(e.name) && (e.isFile() || e.isSymbolicLink())) out.push(p);
  }
  return out.sort();
}

/** A path with its links resolved, also when the file does not exist yet (its folder's links resolved). */
function resolved(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/**
 * Why `--out` must not be written: it is a sidecar, a codebook, a source or sidecar this export
 * reads, an existing report source, or a folder. Null when it may be written.
 */
function outRefused(out: string, reads: readonly string[], exporterExtension: string): string | null {
  const real = resolved(out);
  const name = path.basename(real).toLowerCase();
  if (name.endsWith(SIDECAR_SUFFIX) || path.basename(out).toLowerCase().endsWith(SIDECAR_SUFFIX)) return 'it is a sidecar (*.annals.json)';
  if (parseSidecarName(name) || parseSidecarName(path.basename(out).toLowerCase())) return "it is a coder's sidecar (*.annals.<coder>.json)";
  if (real.split(path.sep).join('/').endsWith(`/${CODEBOOK_PATH}`) || name === 'codebook.json') return 'it is a codebook';
  if (reads.some((r) => resolved(r) === real)) return 'this export reads it';
  let st: Stats | null = null;
  try {
    st = statSync(real);
  } catch {
    st = null;
  }
  if (st?.isDirectory()) return 'it is a folder';
  const ext = path.extname(name).slice(1);
  if (st && ext !== exporterExtension && SOURCE_EXTENSIONS.includes(ext)) return `it is a .${ext} file, which may be a report source`;
  return null;
}

async function runExport(p: Options, io: Io, usage: string): Promise<number> {
  // --jsonl is --format jsonl.
  const format = p.text('--format') ?? (p.flag('--jsonl') ? 'jsonl' : undefined);
  if (p.flag('--jsonl') && format !== 'jsonl') {
    say(io.err, `annals export: --jsonl is --format jsonl (got --format ${format}).\n`);
    return 2;
  }
  const batch = batchOptions(p);
  if ('error' in batch) {
    say(io.err, `annals export: ${batch.error}.\n`);
    return 2;
  }
  if (p.positional.length !== 1 || !format) {
    io.err(`annals export: give one source or folder, and --format.\n\n${usage}`);
    return 2;
  }
  const exporter = exporterFor(format);
  if (!exporter) {
    const ids = EXPORTERS.map((e) => e.id);
    say(io.err, `annals export: --format must be ${ids.slice(0, -1).join(', ')} or ${ids.at(-1)} (got “${format}”).\n`);
    return 2;
  }
  const c = common(p);
  if ('error' in c) {
    say(io.err, `annals export: ${c.error}.\n`);
    return 2;
  }
  const out = p.text('--out');
  if (out === undefined && exporter.binary) {
    say(io.err, `annals export: --format ${exporter.id} writes a binary file: give --out F.${exporter.extension}.\n`);
    return 2;
  }
  if (out !== undefined) {
    const refused = outRefused(out, [], exporter.extension);
    if (refused) {
      say(io.err, `annals export: --out ${out}: not written: ${refused}. Name a new .${exporter.extension} file.\n`);
      return 2;
    }
  }
  const withAgreement = p.flag('--agreement');
  if (withAgreement && exporter.id !== 'xlsx') {
    say(io.err, `annals export: --agreement adds a sheet to the Excel workbook: use it with --format xlsx (got ${exporter.id}).\n`);
    return 2;
  }
  const cb = readCodebook(c.workspace);
  if ('error' in cb) {
    say(io.err, `annals: ${cb.error}\n`);
    return 1;
  }
  // The coders (Users in QDPX, the coders sheet in XLSX) and the coding mode (--agreement).
  const proj = readProject(c.workspace);
  if ('error' in proj) {
    say(io.err, `annals: ${proj.error}\n`);
    return 1;
  }
  const target = p.positional[0];
  let st: Stats;
  try {
    st = statSync(target);
  } catch {
    say(io.err, `annals: ${target}: cannot read: no such file or folder\n`);
    return 1;
  }
  // The sources to export: the one given, or every source with a sidecar under the folder.
  const pairs: { source: string; sidecar: string | null; fromFolder: boolean }[] = [];
  const skipped: Skipped[] = [];
  const folder = path.resolve(target);
  if (st.isDirectory()) {
    const seen = new Set<string>();
    const add = (found: string[], fromFolder: boolean) => {
      for (const sc of found.map((f) => path.resolve(f))) {
        if (seen.has(sc)) continue;
        seen.add(sc);
        pairs.push({ source: '', sidecar: sc, fromFolder });
      }
    };
    add(findSidecars(target, skipped), true);
    if (c.sidecarFolder) {
      // The sidecar folder holds the whole workspace's sidecars: only this folder's sources are
      // wanted from it, and one not made yet is no sidecar to skip.
      const side = path.join(c.workspace, c.sidecarFolder);
      const quiet: Skipped[] = [];
      add(findSidecars(side, quiet), false);
      skipped.push(...quiet.filter((x) => x.path !== side));
    }
  } else pairs.push({ source: target, sidecar: null, fromFolder: true });

  // Each source once, with what its shared sidecar and its coders' own sidecars hold.
  const bySource = new Map<string, { source: string; shared: Annotation[]; coders: Annotation[] }>();
  const reads: string[] = [];
  let failed = false;
  for (const pair of pairs) {
    let source = pair.source;
    let fromSidecar: Annotation[] | null = null;
    let coderFile = false;
    if (pair.sidecar) {
      // The source is named in the sidecar, relative to it.
      let text: string;
      try {
        text = readFileSync(pair.sidecar, 'utf8');
      } catch (e) {
        say(io.err, `annals: ${pair.sidecar}: cannot read: ${reason(e, 'no such file')}\n`);
        failed = true;
        continue;
      }
      const parsed = parseSidecar(text, pair.sidecar);
      if (!parsed.ok) {
        say(io.err, `annals: ${problemText(parsed.problem)}\n`);
        failed = true;
        continue;
      }
      const name = parseSidecarName(pair.sidecar);
      coderFile = !!name?.coder;
      source = parsed.value.source ? path.join(path.dirname(pair.sidecar), parsed.value.source) : (name?.source ?? pair.sidecar);
      // Only the sources in the folder asked for. Inside means under it, separator included.
      if (!path.resolve(source).startsWith(folder + path.sep)) {
        if (pair.fromFolder) skipped.push({ path: pair.sidecar, why: `its source ${path.resolve(source)} is outside ${folder}` });
        continue;
      }
      // Export what this sidecar holds, not whatever the options would point the store to.
      fromSidecar = parsed.value.annotations;
      reads.push(pair.sidecar);
    }
    const key = path.resolve(source);
    let entry = bySource.get(key);
    if (!entry) bySource.set(key, (entry = { source, shared: [], coders: [] }));
    if (fromSidecar) {
      (coderFile ? entry.coders : entry.shared).push(...fromSidecar);
      continue;
    }
    // One source given: its shared sidecar (through the store, as tag writes it), then its coders' own next to it.
    const store = await AnnotationStore.open(nodeHost, corePath(source), { workspaceRoot: corePath(c.workspace), sidecarFolder: c.sidecarFolder });
    if (store.error) {
      say(io.err, `annals: ${problemText(store.error)}\n`);
      failed = true;
      continue;
    }
    reads.push(store.path);
    entry.shared.push(...store.all());
    const coderFiles = coderSidecars(store.path);
    const coded = readSidecars(coderFiles);
    if ('error' in coded) {
      say(io.err, `annals: ${coded.error}\n`);
      failed = true;
      continue;
    }
    reads.push(...coderFiles);
    entry.coders.push(...coded.annotations);
  }
  // The sources are imported on --jobs workers, in order; one whose import fails is told and left out.
  const pending: PendingSource[] = [];
  const entryOf = new Map<PendingSource, { source: string; shared: Annotation[]; coders: Annotation[] }>();
  for (const entry of bySource.values()) {
    const unreadable = sourceProblem(entry.source);
    if (unreadable) {
      say(io.err, `annals: ${unreadable}\n`);
      failed = true;
      continue;
    }
    reads.push(entry.source);
    // Every coder's annotations, each row with its coder (the annotation's author).
    const ps: PendingSource = {
      source: path.relative(process.cwd(), entry.source) || entry.source,
      file: entry.source,
      annotations: [...entry.shared, ...entry.coders],
    };
    pending.push(ps);
    entryOf.set(ps, entry);
  }
  const importFailed = (s: PendingSource, why: string) => {
    say(io.err, `annals: ${s.file}: ${why}\n`);
    failed = true;
  };
  const memos = readMemos(c.workspace);
  if (out === undefined && exporter.id === 'jsonl') {
    for (const s of skipped) say(io.err, `annals export: skipped ${s.path}: ${s.why}.\n`);
    // JSON Lines to standard output: each source's lines (its annotations, then its report memos) as soon as it is
    // read, nothing kept; the project and code memos close the output.
    const bare = { ...cb.codebook, tags: cb.codebook.tags.map(({ memo: _memo, ...t }) => t) };
    const extras = { projectName: path.basename(c.workspace), coders: proj.project.coders };
    await importSources(
      pending,
      batch,
      (s) => io.out(exporter.render(exportRows([s], cb.codebook), bare, { ...extras, sources: [s], memos: { project: [], reports: memos.reports } }) as string),
      importFailed,
    );
    io.out(exporter.render([], cb.codebook, { ...extras, sources: [], memos: { project: memos.project, reports: {} } }) as string);
    if (skipped.length) say(io.err, `annals export: ${skipped.length} item${skipped.length === 1 ? ' was' : 's were'} skipped (listed above).\n`);
    return failed || skipped.length ? 1 : 0;
  }
  const sources: ExportSource[] = [];
  const agreementInputs: AgreementInput[] = [];
  await importSources(
    pending,
    batch,
    (s, ps) => {
      sources.push(s);
      // Agreement is on the coding: the coders' own files in independent coding, else the shared one (a Neither record is no coding).
      const entry = entryOf.get(ps)!;
      const coding = (proj.project.coding.mode === 'independent' ? entry.coders : entry.shared).filter((a) => !isResolutionRecord(a));
      agreementInputs.push({ source: entry.source, reports: s.imp.reports, annotations: coding });
    },
    importFailed,
  );
  for (const s of skipped) say(io.err, `annals export: skipped ${s.path}: ${s.why}.\n`);
  let agreement: AgreementResult | undefined;
  if (withAgreement) {
    const agr = agreementOver(proj.project, agreementInputs);
    if (agr.coders.length < 2) {
      say(
        io.err,
        `annals export: --agreement needs at least two coders; ${agr.coders.length ? `only ${agr.coders[0]} coded these reports` : 'no coder coded these reports'}. Nothing was written.\n`,
      );
      return 1;
    }
    agreement = agr.result;
  }
  const rows = exportRows(sources, cb.codebook);
  const rendered = exporter.render(rows, cb.codebook, {
    sources,
    projectName: path.basename(c.workspace),
    coders: proj.project.coders,
    memos,
    ...(agreement ? { agreement } : {}),
  });
  if (out !== undefined) {
    const refused = outRefused(out, reads, exporter.extension);
    if (refused) {
      say(io.err, `annals export: --out ${out}: not written: ${refused}. Name a new .${exporter.extension} file.\n`);
      return 2;
    }
    const written = await writeFileAtomic(nodeHost, corePath(out), await exportBytes(rendered));
    if (!written.ok) {
      say(io.err, `annals: ${problemText(written.problem)}\n`);
      return 1;
    }
    const left = exporter.leftOut?.(rows) ?? 0;
    const kept = rows.length - left;
    say(
      io.err,
      `Exported ${kept} annotation${kept === 1 ? '' : 's'} from ${sources.length} source${sources.length === 1 ? '' : 's'} to ${out}.\n` +
        (left
          ? `${left} annotation${left === 1 ? ' was' : 's were'} left out: ${left === 1 ? 'it needs' : 'they need'} review or ${left === 1 ? 'is an orphan' : 'are orphans'} (no place in the text to export).\n`
          : ''),
    );
  } else if (typeof rendered === 'string') io.out(rendered);
  if (skipped.length) say(io.err, `annals export: ${skipped.length} item${skipped.length === 1 ? ' was' : 's were'} skipped (listed above).\n`);
  return failed || skipped.length ? 1 : 0;
}

/** The options of tag and export that say where the codebook and the sidecars are. */
export const exportCommand: Command = {
  synopsis: `export <source|dir> --format ${EXPORTERS.map((e) => e.id).join('|')} [--out F] [--agreement]`,
  summary: [
    'Export the annotations of a source, or of every source with a',
    'sidecar under a folder: CSV (UTF-8 with a BOM), W3C Web',
    'Annotations (one per line), a Markdown summary by tag, an Excel',
    'workbook, or a REFI-QDA project (.qdpx; xlsx and qdpx need --out).',
    "Every coder's sidecar is read; the project's memos and coders go",
    'along. --agreement (xlsx) adds the agreement between coders.',
  ],
  options: ['--format', '--out', '--agreement', ...SIDECAR_OPTIONS, ...BATCH_OPTIONS],
  errorPrefix: 'annals export',
  run: runExport,
};
