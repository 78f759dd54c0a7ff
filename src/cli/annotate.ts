/**
 * `annals tag`, and what `annals export` (export.ts) shares with it: annotations from scripts, through the same sidecar code as
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
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  type AutoTagScope,
  AnnotationStore,
  applyAutoTag,
  CODEBOOK_PATH,
  DEFAULT_CODEBOOK,
  chapterTitles,
  findMatches,
  importSource,
  makeMatcher,
  parseCodebook,
  sameCoder,
  tagInfo,
  problemText,
  type Codebook,
  type Problem,
  safeTerminalText,
  sidecarFolderProblem,
} from '../core/index.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import { nodeInflateRaw } from '../host/inflate.ts';
import { reason } from './files.ts';
import type { Io } from './io.ts';
import { corePath, nodeHost } from './nodeHost.ts';
import { readProject } from './project.ts';

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
export function sourceProblem(file: string): string | null {
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
