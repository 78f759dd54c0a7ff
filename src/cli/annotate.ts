/**
 * `annals tag` and `annals export`: annotations from scripts, through the same sidecar code as
 * the extension (core's AnnotationStore over Node's fs).
 *
 *   annals tag <source> --match <regex> --tag <id> [--year Y] [--part review|plan] [--chapter T] [--note T] [--coder C] [--literal]
 *   annals export <source|dir> --format csv|jsonl|md|xlsx|qdpx [--out F] [--agreement]
 *
 * Both take --workspace <dir> (default: the current folder; its .annals/codebook.json is the
 * codebook) and --sidecar-folder <dir> (the setting annals.sidecarFolder, relative to the workspace),
 * and the global --max-size-mb (passed to importSource, as its default was).
 * Exit codes: 0 success; 1 bad input (unreadable source or sidecar, unknown tag, bad pattern), a save
 * that failed (nothing of the run is saved then), or a folder export that skipped something; 2 usage
 * (also a sidecar folder outside the workspace, and an --out that would overwrite a sidecar, a codebook
 * or a source).
 * Every message and the CSV and Markdown exports have control characters made visible (safeTerminalText).
 */
import { type Dirent, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import {
  type AutoTagScope,
  AnnotationStore,
  applyAutoTag,
  CODEBOOK_PATH,
  DEFAULT_CODEBOOK,
  exportRows,
  chapterTitles,
  findMatches,
  importSource,
  makeMatcher,
  parseCodebook,
  parseSidecar,
  SIDECAR_SUFFIX,
  sameCoder,
  tagInfo,
  EXPORTERS,
  problemText,
  exporterFor,
  type AgreementResult,
  type Annotation,
  type Codebook,
  isResolutionRecord,
  parseSidecarName,
  type ExportSource,
  type Problem,
  safeTerminalText,
  sidecarFolderProblem,
  SOURCE_EXTENSIONS,
  writeFileAtomic,
} from '../core/index.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import { exportBytes } from '../host/exportBytes.ts';
import { nodeInflateRaw } from '../host/inflate.ts';
import { type PendingSource, importSources } from './exportBatch.ts';
import { reason } from './files.ts';
import type { Io } from './io.ts';
import { corePath, nodeHost } from './nodeHost.ts';
import { BATCH_OPTIONS, batchOptions } from './pool.ts';
import { type AgreementInput, agreementOver, coderSidecars, readMemos, readProject, readSidecars } from './project.ts';

export interface Common {
  workspace: string;
  sidecarFolder?: string;
}

/**
 * How long `tag` waits for another writer's lock on the sidecar: ANNALS_LOCK_WAIT_SECONDS
 * (default 10; docs/cli.md), then it fails and saves nothing.
 */
export function lockWait(): { waitMs: number } | undefined {
  const s = Number(process.env.ANNALS_LOCK_WAIT_SECONDS);
  return process.env.ANNALS_LOCK_WAIT_SECONDS && Number.isFinite(s) && s >= 0 ? { waitMs: s * 1000 } : undefined;
}

/** Writes a message, with every control character of report text or paths made visible (safeTerminalText). */
export const say = (write: (s: string) => void, text: string) => write(safeTerminalText(text));

export function readCodebook(workspace: string): { codebook: Codebook; from: string } | { error: string } {
  const file = path.join(workspace, CODEBOOK_PATH);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { codebook: DEFAULT_CODEBOOK, from: 'the default codebook' };
    return { error: `${file}: cannot read: ${(e as Error).message}` };
  }
  const r = parseCodebook(text, file);
  return r.ok ? { codebook: r.value, from: file } : { error: problemText(r.problem) };
}

/** Why a source cannot be exported (missing, a folder), or null; its bytes are read when it is imported. */
function sourceProblem(file: string): string | null {
  try {
    return statSync(file).isDirectory() ? `${file}: is a folder, not a file` : null;
  } catch (e) {
    return `${file}: cannot read: ${reason(e, 'no such file')}`;
  }
}

function readSource(file: string): { bytes: Uint8Array } | { error: string } {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { error: `${file}: is a folder, not a file` };
    return { bytes: readFileSync(file) };
  } catch (e) {
    return { error: `${file}: cannot read: ${reason(e, 'no such file')}` };
  }
}

/** --workspace and --sidecar-folder, or the usage error of a sidecar folder outside the workspace. */
export function common(opts: Options): Common | { error: string } {
  const sidecarFolder = opts.text('--sidecar-folder');
  const outside = sidecarFolderProblem(sidecarFolder);
  if (outside) return { error: `--sidecar-folder: ${problemText(outside)}` };
  return { workspace: path.resolve(opts.text('--workspace') ?? '.'), sidecarFolder };
}

/**
 * Why a save failed, for a process that exits: its changes are not kept anywhere, so the message
 * says that nothing of this run was saved (the store's own message says they are kept in memory,
 * as they are in the editor).
 */
export function notSaved(p: Problem): string {
  const text = (a: Problem['args'][number]) => (typeof a === 'string' ? a : problemText(a));
  const why = p.code === 'saveFailed' ? `${text(p.args[0])}: could not be saved (${text(p.args[1])}).` : problemText(p);
  return `${why} Nothing from this run was saved, and the sidecar is as it was: run the command again.`;
}

async function runTag(p: Options, io: Io, usage: string): Promise<number> {
  const match = p.text('--match');
  const tag = p.text('--tag');
  if (p.positional.length !== 1 || match === undefined || tag === undefined) {
    io.err(`annals tag: give one source, --match and --tag.\n\n${usage}`);
    return 2;
  }
  const yearText = p.text('--year');
  const year = yearText === undefined ? undefined : Number(yearText);
  if (yearText !== undefined && !/^\d{4}$/.test(yearText)) {
    say(io.err, `annals tag: --year needs a year such as 2018 (got “${yearText}”).\n`);
    return 2;
  }
  const partText = p.text('--part');
  if (partText !== undefined && partText !== 'review' && partText !== 'plan') {
    say(io.err, `annals tag: --part is review or plan (got “${partText}”).\n`);
    return 2;
  }
  const part: 'review' | 'plan' | undefined = partText;
  const chapter = p.text('--chapter')?.trim();
  if (chapter === '') {
    say(io.err, 'annals tag: --chapter needs some words of a chapter title.\n');
    return 2;
  }
  const c = common(p);
  if ('error' in c) {
    say(io.err, `annals tag: ${c.error}.\n`);
    return 2;
  }
  const matcher = makeMatcher(match, p.flag('--literal') ? 'text' : 'regex');
  if (!matcher.ok) {
    say(io.err, `annals tag: ${problemText(matcher.problem)}\n`);
    return 1;
  }
  const cb = readCodebook(c.workspace);
  if ('error' in cb) {
    say(io.err, `annals: ${cb.error}\n`);
    return 1;
  }
  const info = tagInfo(cb.codebook, tag);
  if (!info.known) {
    say(io.err, `annals tag: unknown tag “${tag}” (not in ${cb.from}). Known tags: ${cb.codebook.tags.map((t) => t.id).join(', ')}.\n`);
    return 1;
  }
  const proj = readProject(c.workspace);
  if ('error' in proj) {
    say(io.err, `annals: ${proj.error}\n`);
    return 1;
  }
  // --coder, or its alias --author: the coder is the annotations' author.
  const coder = p.text('--coder') ?? p.text('--author');
  const independent = proj.project.coding.mode === 'independent';
  if (independent && !coder?.trim()) {
    say(io.err, `annals tag: this workspace codes independently (.annals/project.json): give --coder NAME, whose own sidecar is written.\n`);
    return 2;
  }
  const file = p.positional[0];
  const src = readSource(file);
  if ('error' in src) {
    say(io.err, `annals: ${src.error}\n`);
    return 1;
  }
  const imp = importSource(file, src.bytes, { maxBytes: p.maxBytes, inflateRaw: nodeInflateRaw });
  if (!imp.reports.length) {
    say(io.err, `annals: ${file}: ${imp.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no report was found in it.'}\n`);
    return 1;
  }
  const store = await AnnotationStore.open(nodeHost, corePath(file), {
    workspaceRoot: corePath(c.workspace),
    sidecarFolder: c.sidecarFolder,
    author: coder ?? '',
    ...(independent && coder ? { coder } : {}),
    lock: lockWait(),
  });
  if (store.error) {
    say(io.err, `annals: ${problemText(store.error)} Fix it (or move it away) and run again.\n`);
    return 1;
  }
  // --chapter: the chapters whose title contains the words, in every report of the source.
  const titles = chapter === undefined ? undefined : chapterTitles(imp.reports).filter((t) => t.title.includes(chapter.normalize('NFKC').replace(/\s+/g, '')));
  if (titles !== undefined && !titles.length) {
    const all = chapterTitles(imp.reports).map((t) => t.title);
    say(io.err, `annals tag: no chapter title of ${file} contains “${chapter}”. Its chapters: ${all.join('; ') || 'none'}.\n`);
    return 1;
  }
  const scope: AutoTagScope = { ...(part ? { part } : {}), ...(titles ? { chapters: titles.map((t) => t.title) } : {}) };
  // A paragraph is skipped only when the same coder already tagged it (without a coder: anyone).
  const existing = coder === undefined ? store.all() : store.all().filter((a) => sameCoder(a.author, coder));
  const matches = findMatches(imp.reports, matcher, { year, tag, existing, scope });
  if (year !== undefined && !imp.reports.some((r) => r.year === year)) {
    say(io.err, `annals tag: ${file} has no report of ${year} (it has ${imp.reports.map((r) => r.year ?? 'no year').join(', ')}).\n`);
    return 1;
  }
  const res = applyAutoTag(store, matches, tag, { note: p.text('--note'), author: coder });
  if (res.errors.length) {
    say(io.err, `annals: ${problemText(res.errors[0])}\n`);
    return 1;
  }
  if (res.added.length) {
    // A save that cannot take the lock, or finds the file broken, fails loudly: never “Tagged”.
    const saved = await store.save();
    if (!saved.ok) {
      say(io.err, `annals: ${notSaved(saved.problem)}\n`);
      return 1;
    }
  }
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  say(
    io.out,
    matches.length
      ? `Tagged ${n(res.added.length, 'paragraph')} with ${tag} (${info.label}) in ${file}${res.skipped ? `; ${res.skipped} already had it${coder ? ` from ${coder}` : ''}` : ''}.\n${res.added.length ? `Sidecar: ${path.relative(process.cwd(), store.path) || store.path}\n` : ''}`
      : `No paragraph of ${file}${year !== undefined ? ` (${year})` : ''} matches ${matcher.label}.\n`,
  );
  return 0;
}

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
export const SIDECAR_OPTIONS = ['--workspace', '--sidecar-folder'] as const;

export const tagCommand: Command = {
  synopsis: 'tag <source> --match <regex> --tag <id> [--year Y] [--part review|plan] [--chapter T] [--note T] [--coder C] [--literal]',
  summary: [
    'Tag the paragraphs that match (plain text with --literal),',
    "in the source's sidecar (the coder's own in independent coding),",
    'skipping those the same coder already tagged so (--author is',
    'another name for --coder).',
  ],
  options: ['--match', '--tag', '--year', '--part', '--chapter', '--note', '--coder', '--author', '--literal', ...SIDECAR_OPTIONS],
  errorPrefix: 'annals tag',
  run: runTag,
};

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
