/**
 * `annals import <file.qdpx>`: a REFI-QDA project into the workspace. Each text source becomes a
 * plain-text report in --into (default: a folder named after the project file), its selections
 * annotations in that report's sidecar (re-anchored by quote; those not placed with confidence go
 * to review), its codes tags of the codebook (matched by GUID, then by name; a code whose colour or
 * description differs is a conflict that --codes keep|replace|add settles), its users coders
 * (.annals/project.json) and its notes memos (.annals/memos/: a source's notes its report memo,
 * .annals/memos/reports/<report id>.md). In independent coding each user's codings go to that
 * coder's own sidecar.
 * Exit codes: 0 imported; 1 the file cannot be read, is no project, has conflicts and no --codes,
 * or a write failed; 2 usage.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  addCoders,
  type Annotation,
  AnnotationStore,
  CODEBOOK_PATH,
  type ConflictChoice,
  codeConflicts,
  importSource,
  memoWrites,
  planImport,
  PROJECT_PATH,
  problemText,
  readQdpx,
  serializeCodebook,
  writeFileAtomic,
} from '../core/index.ts';
import { common, lockWait, notSaved, readCodebook, SIDECAR_OPTIONS, say } from './annotate.ts';
import type { Options } from './args.ts';
import type { Command } from './command.ts';
import { reason } from './files.ts';
import type { Io } from './io.ts';
import { corePath, nodeHost } from './nodeHost.ts';
import { readProject } from './project.ts';

const CHOICES: readonly ConflictChoice[] = ['keep', 'replace', 'add'];
const utf8 = new TextEncoder();

/** A file's text, or null when there is none (a folder or unreadable file counts as taken: never overwritten). */
function textAt(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : '\u0000(unreadable)';
  }
}

async function runImport(p: Options, io: Io, usage: string): Promise<number> {
  if (p.positional.length !== 1) {
    io.err(`annals import: give one .qdpx file.\n\n${usage}`);
    return 2;
  }
  const codes = p.text('--codes');
  if (codes !== undefined && !CHOICES.includes(codes as ConflictChoice)) {
    say(io.err, `annals import: --codes must be keep, replace or add (got “${codes}”).\n`);
    return 2;
  }
  const c = common(p);
  if ('error' in c) {
    say(io.err, `annals import: ${c.error}.\n`);
    return 2;
  }
  const file = p.positional[0];
  let bytes: Uint8Array;
  try {
    const st = statSync(file);
    if (st.isDirectory()) {
      say(io.err, `annals: ${file}: is a folder, not a .qdpx file\n`);
      return 1;
    }
    if (st.size > p.maxBytes) {
      say(
        io.err,
        `annals: ${file}: the file is ${(st.size / 1048576).toFixed(1)} MB, over the limit of ${(p.maxBytes / 1048576).toFixed(1)} MB (--max-size-mb)\n`,
      );
      return 1;
    }
    bytes = readFileSync(file);
  } catch (e) {
    say(io.err, `annals: ${file}: cannot read: ${reason(e, 'no such file')}\n`);
    return 1;
  }
  const project = readQdpx(bytes, p.maxBytes);
  if (!project.ok) {
    say(io.err, `annals: ${file}: ${problemText(project.problem)}\n`);
    return 1;
  }
  const cb = readCodebook(c.workspace);
  if ('error' in cb) {
    say(io.err, `annals: ${cb.error}\n`);
    return 1;
  }
  // The coding mode says where the codings go; a project file that cannot be read is never written over.
  const proj = readProject(c.workspace);
  if ('error' in proj) {
    say(io.err, `annals: ${proj.error} Nothing was imported: fix it (or move it away) and run again.\n`);
    return 1;
  }
  const independent = proj.project.coding.mode === 'independent';
  const conflicts = codeConflicts(project.value, cb.codebook);
  if (conflicts.length && codes === undefined) {
    for (const k of conflicts)
      say(io.err, `annals import: the code “${k.name}” is the tag ${k.tagId} of the codebook, with another ${k.fields.join(' and ')}.\n`);
    say(
      io.err,
      `annals import: nothing was imported. Give --codes keep (the codebook's), replace (the project's colour and description) or add (a new tag).\n`,
    );
    return 1;
  }
  const into = path.resolve(c.workspace, p.text('--into') ?? path.basename(file).replace(/\.(qdpx|qde)$/i, ''));
  const plan = await planImport(project.value, {
    codebook: cb.codebook,
    readReport: (name, text) => importSource(name, utf8.encode(text), { maxBytes: p.maxBytes }).reports[0] ?? null,
    existing: (name) => textAt(path.join(into, name)),
    onConflict: (codes as ConflictChoice | undefined) ?? 'keep',
    now: new Date().toISOString(),
  });
  for (const prob of plan.problems) say(io.err, `annals import: ${problemText(prob)}\n`);

  // The codebook first: the sidecars name its tags.
  if (plan.codesAdded || plan.codesChanged) {
    const written = await writeFileAtomic(nodeHost, corePath(path.join(c.workspace, CODEBOOK_PATH)), utf8.encode(serializeCodebook(plan.codebook)));
    if (!written.ok) {
      say(io.err, `annals: ${problemText(written.problem)}\n`);
      return 1;
    }
  }
  mkdirSync(into, { recursive: true });
  let annotations = 0;
  let review = 0;
  for (const f of plan.files) {
    const target = path.join(into, f.name);
    if (f.write) {
      const w = await writeFileAtomic(nodeHost, corePath(target), utf8.encode(f.text));
      if (!w.ok) {
        say(io.err, `annals: ${problemText(w.problem)}\n`);
        return 1;
      }
    }
    if (!f.annotations.length) continue;
    // In independent coding each user's codings go to that coder's own sidecar; codings with no user to the shared one.
    const byStore = new Map<string, Annotation[]>();
    for (const a of f.annotations) {
      const key = independent && a.author.trim() ? a.author : '';
      byStore.set(key, [...(byStore.get(key) ?? []), a]);
    }
    for (const [coder, list] of byStore) {
      const store = await AnnotationStore.open(nodeHost, corePath(target), {
        workspaceRoot: corePath(c.workspace),
        sidecarFolder: c.sidecarFolder,
        lock: lockWait(),
        ...(coder ? { coder, author: coder } : {}),
      });
      if (store.error) {
        say(io.err, `annals: ${problemText(store.error)}\n`);
        return 1;
      }
      const put = store.insert(list);
      if (!put.ok) {
        say(io.err, `annals: ${problemText(put.problem)}\n`);
        return 1;
      }
      if (put.value.added.length) {
        const saved = await store.save();
        if (!saved.ok) {
          say(io.err, `annals: ${notSaved(saved.problem)}\n`);
          return 1;
        }
      }
      annotations += put.value.added.length;
    }
    review += f.review;
  }
  // Users become coders of .annals/project.json (what is there is kept; written as the editor writes it).
  const pj = path.join(c.workspace, PROJECT_PATH);
  const coders = addCoders(
    textAt(pj),
    plan.coders.map((x) => (x.name && x.name !== x.id ? { id: x.id, name: x.name } : { id: x.id })),
    pj,
  );
  if (!coders.ok) say(io.err, `annals import: ${problemText(coders.problem)}: the coders (${plan.coders.map((x) => x.id).join(', ')}) were not added to it.\n`);
  else if (coders.value !== null) {
    const w = await writeFileAtomic(nodeHost, corePath(pj), utf8.encode(coders.value));
    if (!w.ok) say(io.err, `annals: ${problemText(w.problem)}\n`);
  }
  // Notes on the project become project memos (.annals/memos/<name>.md), notes on a source its report memo (.annals/memos/reports/<report id>.md).
  const memoFiles = await memoWrites(plan.memos, (rel) => textAt(path.join(c.workspace, rel)));
  let memoCount = 0;
  for (const m of memoFiles) {
    const file = path.join(c.workspace, m.path);
    mkdirSync(path.dirname(file), { recursive: true });
    const w = await writeFileAtomic(nodeHost, corePath(file), utf8.encode(m.text));
    if (!w.ok) {
      say(io.err, `annals: ${problemText(w.problem)}\n`);
      continue;
    }
    memoCount++;
  }
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  say(
    io.out,
    `Imported ${n(plan.files.length, 'report')} into ${path.relative(process.cwd(), into) || '.'} with ${n(annotations, 'annotation')}` +
      `${review ? ` (${review} to review: their text could not be placed with confidence)` : ''}; ` +
      `codebook: ${plan.codesAdded} tag${plan.codesAdded === 1 ? '' : 's'} added, ${plan.codesChanged} changed; ${n(plan.coders.length, 'coder')}; ${n(memoCount, 'memo')}.\n`,
  );
  return 0;
}

export const importCommand: Command = {
  synopsis: 'import <file.qdpx> [--into DIR] [--codes keep|replace|add]',
  summary: [
    'Import a REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder):',
    'its texts as reports in DIR, its codings as annotations, its',
    'codes into the codebook, its users as coders, its notes as memos.',
  ],
  options: ['--into', '--codes', ...SIDECAR_OPTIONS],
  errorPrefix: 'annals import',
  run: runImport,
};
