/**
 * `annals import <file.qdpx>`: a REFI-QDA project into the workspace. Each text source becomes a
 * plain-text report in --into (default: a folder named after the project file), its selections
 * annotations in that report's sidecar (re-anchored by quote; those not placed with confidence go
 * to review), its codes tags of the codebook (matched by GUID, then by name; a code whose colour or
 * description differs is a conflict that --codes keep|replace|add settles), its users coders
 * (.annals/project.json) and its notes memos (.annals/memos/).
 * Exit codes: 0 imported; 1 the file cannot be read, is no project, has conflicts and no --codes,
 * or a write failed; 2 usage.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  AnnotationStore,
  CODEBOOK_PATH,
  type ConflictChoice,
  codeConflicts,
  importSource,
  planImport,
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

/** Stable JSON with sorted keys, two-space indent, a final newline. */
function stableJson(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sort)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.entries(x as Record<string, unknown>)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, y]) => [k, sort(y)]),
          )
        : x;
  return `${JSON.stringify(sort(v), null, 2)}\n`;
}

/** A memo's file name: the name without path or reserved characters, `.md`, not one that holds other text. */
function memoFile(dir: string, name: string, text: string): string | null {
  const base =
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/^[\s.]+|[\s.]+$/g, '')
      .slice(0, 100) || 'memo';
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${n === 1 ? base : `${base} (${n})`}.md`);
    const there = textAt(file);
    if (there === null) return file;
    if (there === text) return null;
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
    const store = await AnnotationStore.open(nodeHost, corePath(target), {
      workspaceRoot: corePath(c.workspace),
      sidecarFolder: c.sidecarFolder,
      lock: lockWait(),
    });
    if (store.error) {
      say(io.err, `annals: ${problemText(store.error)}\n`);
      return 1;
    }
    const put = store.insert(f.annotations);
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
    review += f.review;
  }
  // Users become coders of .annals/project.json (what is there is kept).
  if (plan.coders.length) {
    const pj = path.join(c.workspace, '.annals/project.json');
    const text = textAt(pj);
    let doc: Record<string, unknown> | null = {};
    if (text !== null) {
      try {
        const v = JSON.parse(text);
        doc = v && typeof v === 'object' && !Array.isArray(v) ? v : null;
      } catch {
        doc = null;
      }
      if (!doc) say(io.err, `annals import: ${pj} is not a JSON object: the coders (${plan.coders.map((x) => x.id).join(', ')}) were not added to it.\n`);
    }
    const list = Array.isArray(doc?.coders) ? (doc.coders as { id?: unknown }[]) : [];
    const known = new Set(list.map((x) => x?.id));
    const more = plan.coders.filter((x) => !known.has(x.id));
    if (doc && more.length) {
      doc.coders = [...list, ...more.map((x) => (x.name && x.name !== x.id ? { id: x.id, name: x.name } : { id: x.id }))];
      await writeFileAtomic(nodeHost, corePath(pj), utf8.encode(stableJson(doc)));
    }
  }
  // Notes on the project, and on reports (kept as memos named after their report).
  const memoDir = path.join(c.workspace, '.annals/memos');
  const memos = [
    ...plan.memos.project,
    ...Object.entries(plan.memos.reports).map(([id, t]) => ({
      name: `${plan.files.find((f) => f.report.id === id)?.report.title ?? id} (report memo)`,
      text: t,
    })),
  ];
  let memoCount = 0;
  for (const m of memos) {
    if (!existsSync(memoDir)) mkdirSync(memoDir, { recursive: true });
    const f = memoFile(memoDir, m.name, m.text.endsWith('\n') ? m.text : `${m.text}\n`);
    if (!f) continue;
    await writeFileAtomic(nodeHost, corePath(f), utf8.encode(m.text.endsWith('\n') ? m.text : `${m.text}\n`));
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
