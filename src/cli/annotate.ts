/**
 * `annals tag` and `annals export`: annotations from scripts, through the same sidecar code as
 * the extension (core's AnnotationStore over Node's fs).
 *
 *   annals tag <source> --match <regex> --tag <id> [--year Y] [--note T] [--author A] [--literal]
 *   annals export <source|dir> --format csv|jsonl|md [--out F]
 *
 * Both take --workspace <dir> (default: the current folder; its .annals/codebook.json is the
 * codebook) and --sidecar-folder <dir> (the setting annals.sidecarFolder, relative to the workspace),
 * and the global --max-size-mb (passed to importSource, as its default was).
 * Exit codes: 0 success; 1 bad input (unreadable source or sidecar, unknown tag, bad pattern); 2 usage.
 */
import { promises as fsp, readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import {
  AnnotationStore,
  applyAutoTag,
  CODEBOOK_PATH,
  DEFAULT_CODEBOOK,
  exportRows,
  findMatches,
  importSource,
  makeMatcher,
  parseCodebook,
  parseSidecar,
  SIDECAR_SUFFIX,
  tagInfo,
  EXPORTERS,
  problemText,
  exporterFor,
  type Annotation,
  type Codebook,
  type ExportSource,
  type FileHost,
} from '../core/index.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import { walk } from './files.ts';
import type { Io } from './io.ts';

/** Node's fs as the core's file host. writeFile creates missing folders, as workspace.fs does. */
export const nodeHost: FileHost = {
  readFile: async (p) => new Uint8Array(await fsp.readFile(p)),
  writeFile: async (p, data) => {
    await fsp.mkdir(path.dirname(p), { recursive: true });
    await fsp.writeFile(p, data);
  },
  rename: async (from, to) => fsp.rename(from, to),
  delete: async (p) => fsp.unlink(p),
  stat: async (p) => {
    const s = await fsp.stat(p);
    return { mtime: s.mtimeMs, size: s.size };
  },
};

/** A path as core wants it: absolute, with `/` separators. */
const corePath = (p: string) => path.resolve(p).split(path.sep).join('/');

interface Common {
  workspace: string;
  sidecarFolder?: string;
}

function readCodebook(workspace: string): { codebook: Codebook; from: string } | { error: string } {
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

function readSource(file: string): { bytes: Uint8Array } | { error: string } {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { error: `${file}: is a folder, not a file` };
    return { bytes: readFileSync(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
}

function common(opts: Options): Common {
  return { workspace: path.resolve(opts.text('--workspace') ?? '.'), sidecarFolder: opts.text('--sidecar-folder') };
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
    io.err(`annals tag: --year needs a year such as 2018 (got “${yearText}”).\n`);
    return 2;
  }
  const c = common(p);
  const matcher = makeMatcher(match, p.flag('--literal') ? 'text' : 'regex');
  if (!matcher.ok) {
    io.err(`annals tag: ${problemText(matcher.problem)}\n`);
    return 1;
  }
  const cb = readCodebook(c.workspace);
  if ('error' in cb) {
    io.err(`annals: ${cb.error}\n`);
    return 1;
  }
  const info = tagInfo(cb.codebook, tag);
  if (!info.known) {
    io.err(`annals tag: unknown tag “${tag}” (not in ${cb.from}). Known tags: ${cb.codebook.tags.map((t) => t.id).join(', ')}.\n`);
    return 1;
  }
  const file = p.positional[0];
  const src = readSource(file);
  if ('error' in src) {
    io.err(`annals: ${src.error}\n`);
    return 1;
  }
  const imp = importSource(file, src.bytes, { maxBytes: p.maxBytes });
  if (!imp.reports.length) {
    io.err(`annals: ${file}: ${imp.diagnostics.find((d) => d.severity === 'error')?.message ?? 'no report was found in it.'}\n`);
    return 1;
  }
  const store = await AnnotationStore.open(nodeHost, corePath(file), {
    workspaceRoot: corePath(c.workspace),
    sidecarFolder: c.sidecarFolder,
    author: p.text('--author') ?? '',
  });
  if (store.error) {
    io.err(`annals: ${problemText(store.error)} Fix it (or move it away) and run again.\n`);
    return 1;
  }
  const matches = findMatches(imp.reports, matcher, { year, tag, existing: store.all() });
  if (year !== undefined && !imp.reports.some((r) => r.year === year)) {
    io.err(`annals tag: ${file} has no report of ${year} (it has ${imp.reports.map((r) => r.year ?? 'no year').join(', ')}).\n`);
    return 1;
  }
  const res = applyAutoTag(store, matches, tag, { note: p.text('--note'), author: p.text('--author') });
  if (res.errors.length) {
    io.err(`annals: ${problemText(res.errors[0])}\n`);
    return 1;
  }
  if (res.added.length) {
    const saved = await store.save();
    if (!saved.ok) {
      io.err(`annals: ${problemText(saved.problem)}\n`);
      return 1;
    }
  }
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  io.out(
    matches.length
      ? `Tagged ${n(res.added.length, 'paragraph')} with ${tag} (${info.label}) in ${file}${res.skipped ? `; ${res.skipped} already had it` : ''}.\n${res.added.length ? `Sidecar: ${path.relative(process.cwd(), store.path) || store.path}\n` : ''}`
      : `No paragraph of ${file}${year !== undefined ? ` (${year})` : ''} matches ${matcher.label}.\n`,
  );
  return 0;
}

/** The sidecars under a folder (skipping .git and node_modules), sorted by path. */
function findSidecars(dir: string): string[] {
  return walk(dir, (name) => name === '.git' || name === 'node_modules')
    .map((e) => e.path)
    .filter((p) => p.endsWith(SIDECAR_SUFFIX))
    .sort();
}

async function runExport(p: Options, io: Io, usage: string): Promise<number> {
  const format = p.text('--format');
  if (p.positional.length !== 1 || !format) {
    io.err(`annals export: give one source or folder, and --format.\n\n${usage}`);
    return 2;
  }
  const exporter = exporterFor(format);
  if (!exporter) {
    const ids = EXPORTERS.map((e) => e.id);
    io.err(`annals export: --format must be ${ids.slice(0, -1).join(', ')} or ${ids.at(-1)} (got “${format}”).\n`);
    return 2;
  }
  const c = common(p);
  const cb = readCodebook(c.workspace);
  if ('error' in cb) {
    io.err(`annals: ${cb.error}\n`);
    return 1;
  }
  const target = p.positional[0];
  let st: Stats;
  try {
    st = statSync(target);
  } catch {
    io.err(`annals: ${target}: cannot read: no such file or folder\n`);
    return 1;
  }
  // The sources to export: the one given, or every source with a sidecar under the folder.
  const pairs: { source: string; sidecar: string | null }[] = [];
  const folder = path.resolve(target);
  if (st.isDirectory()) {
    const roots = [target];
    if (c.sidecarFolder) roots.push(path.join(c.workspace, c.sidecarFolder));
    const seen = new Set<string>();
    for (const root of roots) {
      let found: string[] = [];
      try {
        found = findSidecars(root);
      } catch {
        continue; // no sidecar folder yet
      }
      for (const sc of found.map((f) => path.resolve(f))) {
        if (seen.has(sc)) continue;
        seen.add(sc);
        pairs.push({ source: '', sidecar: sc });
      }
    }
  } else pairs.push({ source: target, sidecar: null });

  const sources: ExportSource[] = [];
  let failed = false;
  for (const pair of pairs) {
    let source = pair.source;
    let fromSidecar: Annotation[] | null = null;
    if (pair.sidecar) {
      // The source is named in the sidecar, relative to it.
      let text: string;
      try {
        text = readFileSync(pair.sidecar, 'utf8');
      } catch (e) {
        io.err(`annals: ${pair.sidecar}: cannot read: ${(e as Error).message}\n`);
        failed = true;
        continue;
      }
      const parsed = parseSidecar(text, pair.sidecar);
      if (!parsed.ok) {
        io.err(`annals: ${problemText(parsed.problem)}\n`);
        failed = true;
        continue;
      }
      source = parsed.value.source ? path.join(path.dirname(pair.sidecar), parsed.value.source) : pair.sidecar.slice(0, -SIDECAR_SUFFIX.length);
      // Only the sources in the folder asked for (the sidecar folder holds the whole workspace's).
      if (!path.resolve(source).startsWith(folder + path.sep)) continue;
      // Export what this sidecar holds, not whatever the options would point the store to.
      fromSidecar = parsed.value.annotations;
    }
    const src = readSource(source);
    if ('error' in src) {
      io.err(`annals: ${src.error}${pair.sidecar ? ` (named by ${pair.sidecar})` : ''}\n`);
      failed = true;
      continue;
    }
    let annotations = fromSidecar;
    if (!annotations) {
      const store = await AnnotationStore.open(nodeHost, corePath(source), { workspaceRoot: corePath(c.workspace), sidecarFolder: c.sidecarFolder });
      if (store.error) {
        io.err(`annals: ${problemText(store.error)}\n`);
        failed = true;
        continue;
      }
      annotations = store.all();
    }
    sources.push({ source: path.relative(process.cwd(), source) || source, imp: importSource(source, src.bytes, { maxBytes: p.maxBytes }), annotations });
  }
  const rows = exportRows(sources, cb.codebook);
  const text = exporter.render(rows, cb.codebook);
  const out = p.text('--out');
  if (out) {
    try {
      await nodeHost.writeFile(path.resolve(out), new TextEncoder().encode(text));
    } catch (e) {
      io.err(`annals: ${out}: cannot write: ${(e as Error).message}\n`);
      return 1;
    }
    io.err(`Exported ${rows.length} annotation${rows.length === 1 ? '' : 's'} from ${sources.length} source${sources.length === 1 ? '' : 's'} to ${out}.\n`);
  } else io.out(text);
  return failed ? 1 : 0;
}

/** The options of tag and export that say where the codebook and the sidecars are. */
const SIDECAR_OPTIONS = ['--workspace', '--sidecar-folder'] as const;

export const tagCommand: Command = {
  synopsis: 'tag <source> --match <regex> --tag <id> [--year Y] [--note T] [--author A] [--literal]',
  summary: ['Tag the paragraphs that match (plain text with --literal),', "in the source's sidecar; paragraphs that have the tag are skipped."],
  options: ['--match', '--tag', '--year', '--note', '--author', '--literal', ...SIDECAR_OPTIONS],
  errorPrefix: 'annals tag',
  run: runTag,
};

export const exportCommand: Command = {
  synopsis: `export <source|dir> --format ${EXPORTERS.map((e) => e.id).join('|')} [--out F]`,
  summary: [
    'Export the annotations of a source, or of every source with a',
    'sidecar under a folder: CSV (UTF-8 with a BOM), W3C Web',
    'Annotations (one per line), or a Markdown summary by tag.',
  ],
  options: ['--format', '--out', ...SIDECAR_OPTIONS],
  errorPrefix: 'annals export',
  run: runExport,
};
