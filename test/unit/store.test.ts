import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnnotationStore, isNotFound } from '../../src/core/annotate/index.ts';
import { encodeSidecar, parseSidecar, SidecarEncoder, sameBytes, serializeSidecar } from '../../src/core/annotate/index.ts';
import { compareAnnotations, type Annotation, type AnnotationTarget } from '../../src/core/annotate/index.ts';
import { problemText } from '../../src/core/index.ts';
import { MemFs, fakeClock } from './memfs.ts';
import { runs } from './mutation.ts';

const SRC = '/ws/reports/nanhai.txt';
const SIDE = '/ws/reports/nanhai.txt.annals.json';

function target(n: number): AnnotationTarget {
  return {
    paragraph: `p${n.toString(16).padStart(8, '0')}`,
    quote: { type: 'TextQuoteSelector', exact: `段落${n}`, prefix: '\n', suffix: '\n' },
    position: { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 4 },
  };
}

let seq = 0;
const ids = () => `a${(seq++).toString().padStart(4, '0')}`;

async function open(fs: MemFs, clock = fakeClock()) {
  return AnnotationStore.open(fs, SRC, { author: 'tester', now: clock, newId: ids });
}

test('a new store has no sidecar yet; add and save write a sorted, pretty sidecar with a relative source', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  assert.equal(s.path, SIDE);
  assert.equal(s.size, 0);
  const b = s.add({ report: 'r2', target: target(1), tags: ['figures', 'figures', 'rules'] });
  const a = s.add({ report: 'r1', target: target(5), tags: ['rules'], note: '**note**' });
  assert.ok(a.ok && b.ok);
  assert.deepEqual(b.ok && b.value.tags, ['figures', 'rules'], 'tags are deduplicated');
  assert.equal(s.dirty, true);
  const saved = await s.save();
  assert.deepEqual(saved, { ok: true, value: { written: true } });
  assert.equal(s.dirty, false);
  const text = fs.text(SIDE)!;
  assert.ok(text.endsWith('}\n'));
  const j = JSON.parse(text);
  assert.deepEqual(Object.keys(j), ['version', 'source', 'annotations']);
  assert.equal(j.source, 'nanhai.txt');
  assert.deepEqual(
    j.annotations.map((x: { report: string }) => x.report),
    ['r1', 'r2'],
    'sorted by report first',
  );
  assert.deepEqual(Object.keys(j.annotations[0]), ['id', 'report', 'target', 'tags', 'note', 'author', 'created', 'modified']);
  assert.equal(j.annotations[0].author, 'tester');
  // No temporary file is left behind.
  assert.deepEqual([...fs.files.keys()], [SIDE]);
  // Saving again with no change writes nothing.
  const writes = fs.writes;
  assert.deepEqual(await s.save(), { ok: true, value: { written: false } });
  assert.equal(fs.writes, writes);
});

test('the sidecar folder setting mirrors workspace paths', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, SRC, { workspaceRoot: '/ws', sidecarFolder: '.annals/sidecars', now: fakeClock() });
  assert.equal(s.path, '/ws/.annals/sidecars/reports/nanhai.txt.annals.json');
  s.add({ report: 'r', target: target(1), tags: ['x'] });
  assert.equal((await s.save()).ok, true);
  assert.equal(JSON.parse(fs.text(s.path)!).source, '../../../reports/nanhai.txt');
});

test('edits bump modified, keep created; remove leaves nothing behind; unknown ids are reported', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  const a = s.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok(a.ok);
  const e = s.update(a.value.id, { note: 'changed', tags: ['t', 'u'] });
  assert.ok(e.ok);
  assert.equal(e.value.created, a.value.created);
  assert.ok(Date.parse(e.value.modified) > Date.parse(a.value.modified));
  const missing = s.update('nope', { note: 'x' });
  assert.ok(!missing.ok);
  assert.equal(problemText(missing.problem), 'no annotation with id “nope”');
  assert.ok(s.remove(a.value.id).ok);
  assert.equal(s.remove(a.value.id).ok, false);
  await s.save();
  assert.deepEqual(JSON.parse(fs.text(SIDE)!).annotations, []);
});

test('an edit that clears the note to an empty string clears it; one that leaves the note out keeps it', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  const a = s.add({ report: 'r', target: target(1), tags: ['t'], note: 'a note to clear' });
  assert.ok(a.ok);
  const kept = s.update(a.value.id, { tags: ['t', 'u'] });
  assert.ok(kept.ok);
  assert.equal(kept.value.note, 'a note to clear');
  const cleared = s.update(a.value.id, { note: '' });
  assert.ok(cleared.ok);
  assert.equal(cleared.value.note, '');
  assert.equal(s.get(a.value.id)?.note, '');
  assert.ok((await s.save()).ok);
  assert.equal(JSON.parse(fs.text(SIDE)!).annotations[0].note, '');
});

test('an unreadable sidecar is never overwritten, and edits are refused until it is fixed', async () => {
  for (const [bad, why] of [
    ['{"version": 1, "annotations": [}', /invalid JSON at line 1, column 32: expected a value, found “}”/],
    ['{"version": 7, "annotations": []}', /version 7 was written by a newer Annals/],
    ['{"version": 1, "annotations": [{"id": "a", "report": "r"}]}', /annotations\[0\]\.target: missing/],
  ] as const) {
    const fs = new MemFs();
    fs.put(SIDE, bad);
    const s = await open(fs);
    assert.equal(s.readOnly, true);
    assert.match(problemText(s.error!), why);
    assert.ok(problemText(s.error!).startsWith(SIDE), 'the message names the file');
    const add = s.add({ report: 'r', target: target(1), tags: ['t'] });
    assert.equal(add.ok, false);
    assert.match(!add.ok ? problemText(add.problem) : '', /refused until the file is fixed/);
    const saved = await s.save();
    assert.equal(saved.ok, false);
    assert.equal(fs.text(SIDE), bad, 'the file is left as it is');
    // Fixed outside: reload reads it, and edits work again.
    fs.put(SIDE, serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: [] }));
    assert.deepEqual(await s.reload(), { ok: true, value: { changed: true } });
    assert.equal(s.readOnly, false);
    assert.equal(s.add({ report: 'r', target: target(1), tags: ['t'] }).ok, true);
  }
});

test('a sidecar that breaks while open: the save is refused and the local annotations stay in memory', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  await s.save();
  s.add({ report: 'r', target: target(2), tags: ['t'] });
  fs.put(SIDE, '<<<<<<< HEAD\n');
  const events: string[] = [];
  s.onDidChange((e) => events.push(e.reason));
  const r = await s.save();
  assert.equal(r.ok, false);
  assert.equal(fs.text(SIDE), '<<<<<<< HEAD\n');
  assert.equal(s.size, 2, 'nothing is dropped from memory');
  assert.deepEqual(events, ['error']);
});

test('an interrupted write leaves the old file whole and the changes in memory; the next save succeeds', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  await s.save();
  const before = fs.text(SIDE);
  s.add({ report: 'r', target: target(2), tags: ['t'] });
  fs.failNextWriteAfter = 20;
  const r = await s.save();
  assert.equal(r.ok, false);
  assert.match(!r.ok ? problemText(r.problem) : '', /previous file is intact/);
  assert.equal(fs.text(SIDE), before);
  assert.deepEqual([...fs.files.keys()], [SIDE], 'the partial temporary file is removed');
  fs.failNextRename = true;
  assert.equal((await s.save()).ok, false);
  assert.equal(fs.text(SIDE), before);
  assert.equal(s.dirty, true);
  assert.equal((await s.save()).ok, true);
  assert.equal(JSON.parse(fs.text(SIDE)!).annotations.length, 2);
});

test('outside change: merged by id, the newer modified wins, nothing local is dropped', async () => {
  const fs = new MemFs();
  const clock = fakeClock();
  const a = await open(fs, clock);
  const x = a.add({ report: 'r', target: target(1), tags: ['t'] });
  const y = a.add({ report: 'r', target: target(2), tags: ['t'] });
  assert.ok(x.ok && y.ok);
  await a.save();
  // Another window: edits x (later), adds z.
  const b = await open(fs, clock);
  b.update(x.value.id, { note: 'from b' });
  const z = b.add({ report: 'r', target: target(3), tags: ['u'] });
  await b.save();
  // Meanwhile here: y edited, w added, not saved.
  a.update(y.value.id, { note: 'from a' });
  const w = a.add({ report: 'r', target: target(4), tags: ['v'] });
  const reloaded = await a.reload();
  assert.ok(reloaded.ok && reloaded.value.changed);
  assert.equal(a.get(x.value.id)?.note, 'from b');
  assert.equal(a.get(y.value.id)?.note, 'from a');
  assert.ok(z.ok && a.get(z.value.id));
  assert.ok(w.ok && a.get(w.value.id));
  assert.equal(a.dirty, true, 'local changes still need a save');
  await a.save();
  const disk = parseSidecar(fs.text(SIDE)!, SIDE);
  assert.ok(disk.ok);
  assert.equal(disk.value.annotations.length, 4);
});

test('deletes: a local delete does not come back from an older disk version; an outside delete of an unchanged annotation is taken', async () => {
  const fs = new MemFs();
  const clock = fakeClock();
  const a = await open(fs, clock);
  const x = a.add({ report: 'r', target: target(1), tags: ['t'] });
  const y = a.add({ report: 'r', target: target(2), tags: ['t'] });
  assert.ok(x.ok && y.ok);
  await a.save();
  const b = await open(fs, clock);
  a.remove(x.value.id); // local delete, not saved yet
  b.remove(y.value.id); // outside delete
  b.add({ report: 'r', target: target(3), tags: ['t'] });
  await b.save();
  await a.reload();
  assert.equal(a.get(x.value.id), undefined, 'the local delete stands');
  assert.equal(a.get(y.value.id), undefined, 'the outside delete is taken: y was not changed here');
  assert.equal(a.size, 1);
  // An outside edit newer than a local delete wins: it is newer work.
  const c = await open(fs, clock);
  const only = c.all()[0];
  const d = await open(fs, clock);
  c.remove(only.id);
  d.update(only.id, { note: 'kept' });
  await d.save();
  await c.reload();
  assert.equal(c.get(only.id)?.note, 'kept');
});

test('isNotFound knows Node, workspace.fs and memory errors', () => {
  assert.ok(isNotFound({ code: 'ENOENT' }));
  assert.ok(isNotFound({ code: 'FileNotFound' }));
  assert.ok(isNotFound(Object.assign(new Error('x'), { name: 'EntryNotFound (FileSystemError)' })));
  assert.ok(!isNotFound(new Error('EACCES')));
});

// ---------------------------------------------------------------------------------------------
// Property: random sequences of add, edit, remove, outside change and interrupted write, by two
// windows on one file, end with no annotation lost or duplicated.

type Op =
  | { kind: 'add'; who: 0 | 1 }
  | { kind: 'edit'; who: 0 | 1; pick: number }
  | { kind: 'remove'; who: 0 | 1; pick: number }
  | { kind: 'save'; who: 0 | 1 }
  | { kind: 'reload'; who: 0 | 1 }
  | { kind: 'interrupt'; who: 0 | 1; after: number; rename: boolean };

const who = fc.constantFrom<0 | 1>(0, 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), who }),
  fc.record({ kind: fc.constant('edit' as const), who, pick: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), who, pick: fc.nat() }),
  fc.record({ kind: fc.constant('save' as const), who }),
  fc.record({ kind: fc.constant('reload' as const), who }),
  fc.record({ kind: fc.constant('interrupt' as const), who, after: fc.nat({ max: 400 }), rename: fc.boolean() }),
);

test('property: two windows, random adds, edits, removes, outside changes and interrupted writes lose and duplicate nothing', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
      const fs = new MemFs();
      const clock = fakeClock();
      let n = 0;
      const mk = () => AnnotationStore.open(fs, SRC, { now: clock, newId: () => `a${n++}` });
      const stores = [await mk(), await mk()];
      const removed = new Set<string>();
      const latestNote = new Map<string, string>();
      for (const o of ops) {
        const s = stores[o.who];
        if (o.kind === 'add') {
          const r = s.add({ report: 'r', target: target(n), tags: ['t'] });
          assert.ok(r.ok);
          latestNote.set(r.value.id, '');
        } else if (o.kind === 'edit' || o.kind === 'remove') {
          const all = s.all();
          if (!all.length) continue;
          const a = all[o.pick % all.length];
          if (o.kind === 'edit') {
            const note = `edit ${a.id} at ${clock()}`;
            assert.ok(s.update(a.id, { note }).ok);
            latestNote.set(a.id, note);
            removed.delete(a.id); // an edit after a delete elsewhere is newer work: it may come back
          } else {
            assert.ok(s.remove(a.id).ok);
            removed.add(a.id);
          }
        } else if (o.kind === 'save') await s.save();
        else if (o.kind === 'reload') await s.reload();
        else {
          if (o.rename) fs.failNextRename = true;
          else fs.failNextWriteAfter = o.after;
          await s.save();
          fs.failNextRename = false;
          fs.failNextWriteAfter = null;
        }
        // The sidecar on disk is always whole: a full, valid file or none.
        const text = fs.text(SIDE);
        if (text !== undefined) assert.ok(parseSidecar(text, SIDE).ok, `the sidecar is valid after ${o.kind}`);
        assert.ok(
          [...fs.files.keys()].every((k) => k === SIDE),
          'no temporary file is left behind',
        );
      }
      // Converge: each window saves and reloads until both agree.
      for (let round = 0; round < 2; round++) {
        for (const s of stores) {
          assert.ok((await s.save()).ok);
          assert.ok((await s.reload()).ok);
        }
      }
      const [a, b] = stores.map((s) => s.all());
      assert.deepEqual(a, b, 'both windows end with the same annotations');
      const idsA = a.map((x) => x.id);
      assert.equal(new Set(idsA).size, idsA.length, 'no duplicates');
      const disk = parseSidecar(fs.text(SIDE) ?? '{"version":1,"annotations":[]}', SIDE);
      assert.ok(disk.ok);
      assert.deepEqual(
        disk.value.annotations.map((x) => x.id),
        idsA,
        'the file holds exactly them',
      );
      for (const [id, note] of latestNote) {
        if (removed.has(id)) continue;
        const got = a.find((x) => x.id === id);
        assert.ok(got, `annotation ${id}, never removed, is not lost`);
        assert.equal(got.note, note, `annotation ${id} has its latest edit`);
      }
    }),
    runs(150),
  );
});

test('a save compares the content, not time and size: a same-size outside edit in the same second (1-second times) is merged, never undone', async () => {
  const fs = new MemFs();
  fs.coarseTimes = true;
  fs.ticking = false; // every write lands in the same second
  const s = await open(fs);
  const a = s.add({ report: 'r', target: target(1), tags: ['t'], note: 'aaaa' });
  assert.ok(a.ok);
  assert.ok((await s.save()).ok);
  const before = await fs.stat(SIDE);
  // Another writer (an editor, a script) changes the note to one of the same length, in the same second.
  const text = fs.text(SIDE)!;
  fs.put(SIDE, text.replace('"note": "aaaa"', '"note": "bbbb"').replace(/"modified": "[^"]+"/, '"modified": "2027-01-01T00:00:00.000Z"'));
  assert.deepEqual(await fs.stat(SIDE), before, 'time and size are the same');
  s.add({ report: 'r', target: target(2), tags: ['t'] });
  assert.ok((await s.save()).ok);
  const disk = parseSidecar(fs.text(SIDE)!, SIDE);
  assert.ok(disk.ok);
  assert.deepEqual(
    disk.value.annotations.map((x) => x.note),
    ['bbbb', ''],
    'the outside edit is kept, and the new annotation added',
  );
  assert.equal(s.get(a.value.id)?.note, 'bbbb');
});

test('a writer that takes no lock replacing the sidecar right after our rename: our annotation was not seen to land, so a reload keeps it and the next save writes it back', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  const mine = s.add({ report: 'r', target: target(1), tags: ['mine'] });
  assert.ok(mine.ok);
  // git, an editor: writes its own version in the instant after our rename, without our annotation.
  const theirs = serializeSidecar({
    version: 1,
    source: 'nanhai.txt',
    annotations: [
      {
        id: 'theirs',
        report: 'r',
        target: target(2),
        tags: ['theirs'],
        note: '',
        author: '',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      },
    ],
  });
  let once = true;
  fs.afterRename = async (to) => {
    if (to !== SIDE || !once) return;
    once = false;
    fs.put(SIDE, theirs);
  };
  assert.ok((await s.save()).ok);
  fs.afterRename = undefined;
  assert.equal(s.dirty, true, 'not known to be on disk: still to save');
  assert.ok((await s.reload()).ok);
  assert.ok(s.get(mine.value.id), 'our annotation is not taken for deleted outside');
  assert.ok(s.get('theirs'));
  assert.ok((await s.save()).ok);
  const tags = JSON.parse(fs.text(SIDE)!)
    .annotations.map((a: { tags: string[] }) => a.tags[0])
    .sort();
  assert.deepEqual(tags, ['mine', 'theirs']);
});

test('an edit made while a save is writing keeps the store dirty; a sidecar deleted outside with nothing here is not recreated', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  const write = fs.writeFile.bind(fs);
  fs.writeFile = async (p: string, d: Uint8Array) => {
    await write(p, d);
    if (p.endsWith('.tmp') && s.size === 1) s.add({ report: 'r', target: target(2), tags: ['late'] });
  };
  await s.save();
  assert.equal(s.dirty, true, 'the late edit still needs a save');
  fs.writeFile = write;
  await s.save();
  assert.equal(JSON.parse(fs.text(SIDE)!).annotations.length, 2);
  // Deleted outside after everything here was removed: not dirty, nothing written back.
  for (const a of s.all()) s.remove(a.id);
  await s.save();
  await fs.delete(SIDE);
  await s.reload();
  assert.equal(s.dirty, false);
});

// ---------------------------------------------------------------------------------------------
// Property: the cached serialisation (per-annotation bytes cached by object, the sorted order kept
// by binary insertion) is byte for byte the plain one, JSON.stringify(…, null, 2) of the whole
// file, after any sequence of adds, edits (tags, note, target) and removes, saved at random.

/** The plain serialisation, from scratch: sort, then JSON.stringify of the whole file. */
function plainSidecar(source: string, anns: readonly Annotation[]): string {
  const ordered = [...anns].sort(compareAnnotations).map((a) => ({
    id: a.id,
    report: a.report,
    target: {
      paragraph: a.target.paragraph,
      quote: { type: 'TextQuoteSelector', exact: a.target.quote.exact, prefix: a.target.quote.prefix, suffix: a.target.quote.suffix },
      position: { type: 'TextPositionSelector', start: a.target.position.start, end: a.target.position.end },
    },
    tags: a.tags,
    note: a.note,
    author: a.author,
    created: a.created,
    modified: a.modified,
  }));
  return JSON.stringify({ version: 1, source, annotations: ordered }, null, 2) + '\n';
}

// Text that JSON escapes (quotes, backslashes, control characters, lone surrogates) and that
// UTF-8 encodes in 1 to 4 bytes.
const anyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', '中华人民共和国', '"引号" \\ \n\t', '\ud800', 'x\udfffy', '😀👍🏽', '\u2028\u2029', '\u0000'),
);
const anyTarget = fc.record({
  paragraph: fc.constantFrom('p1', 'p2', 'p3'),
  exact: anyText,
  prefix: anyText,
  suffix: anyText,
  start: fc.nat({ max: 5 }),
  length: fc.nat({ max: 3 }),
});
type SerialOp =
  | { kind: 'add'; report: string; t: typeof anyTarget extends fc.Arbitrary<infer T> ? T : never; tags: string[]; note: string }
  | { kind: 'edit'; pick: number; tags: string[] | null; note: string | null; t: (typeof anyTarget extends fc.Arbitrary<infer T> ? T : never) | null }
  | { kind: 'remove'; pick: number }
  | { kind: 'save' };
const anyTags = fc.array(fc.oneof(fc.constantFrom('figures', 'rules', '民生'), anyText), { maxLength: 3 });
const serialOp: fc.Arbitrary<SerialOp> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('add' as const), report: fc.constantFrom('r1', 'r2', '报告'), t: anyTarget, tags: anyTags, note: anyText }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), tags: fc.option(anyTags), note: fc.option(anyText), t: fc.option(anyTarget) }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'save' as const }), weight: 2 },
);
const toTarget = (t: typeof anyTarget extends fc.Arbitrary<infer T> ? T : never): AnnotationTarget => ({
  paragraph: t.paragraph,
  quote: { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
  position: { type: 'TextPositionSelector', start: t.start, end: t.start + t.length },
});

test('property: the cached serialisation equals the plain one after random adds, edits and removes', async () => {
  const utf8 = new TextEncoder();
  await fc.assert(
    fc.asyncProperty(fc.array(serialOp, { maxLength: 60 }), async (ops) => {
      const fs = new MemFs();
      let n = 0;
      // Ids out of step with positions, so that ties on position are broken by id.
      const s = await AnnotationStore.open(fs, SRC, { author: '作者 "x"', now: fakeClock(), newId: () => `a${(n++ * 7919) % 1000}` });
      const check = (what: string) => {
        const anns = s.all();
        const plain = plainSidecar('nanhai.txt', anns);
        assert.deepEqual(anns, [...anns].sort(compareAnnotations), `all() is sorted after ${what}`);
        assert.equal(serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: anns }), plain, `serializeSidecar after ${what}`);
        assert.deepEqual(encodeSidecar({ version: 1, source: 'nanhai.txt', annotations: anns }), utf8.encode(plain), `encodeSidecar after ${what}`);
        assert.deepEqual(
          encodeSidecar({ version: 1, source: 'nanhai.txt', annotations: [...anns].reverse() }),
          utf8.encode(plain),
          `encodeSidecar of unsorted input after ${what}`,
        );
        // The grouping by report (made once per version) is the plain filter of all().
        for (const report of ['r1', 'r2', '报告', 'none']) {
          assert.deepEqual(
            s.forReport(report),
            anns.filter((a) => a.report === report),
            `forReport(${report}) after ${what}`,
          );
        }
        assert.deepEqual([...s.byReport().keys()], [...new Set(anns.map((a) => a.report))], `byReport() keys after ${what}`);
      };
      // The model: what the edits made, kept here by id, independently of the store.
      const model = new Map<string, { report: string; target: AnnotationTarget; tags: string[]; note: string }>();
      const byModel = () =>
        [...model.entries()]
          .map(([id, m]) => ({ id, ...m }))
          .sort((x, y) =>
            x.report < y.report
              ? -1
              : x.report > y.report
                ? 1
                : x.target.position.start - y.target.position.start ||
                  x.target.position.end - y.target.position.end ||
                  (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
          );
      const fields = (xs: readonly Annotation[]) => xs.map((a) => ({ id: a.id, report: a.report, target: a.target, tags: a.tags, note: a.note }));
      const tagsOf = (ts: string[]) => ts.filter((t, i) => t !== '' && ts.indexOf(t) === i);
      for (const o of ops) {
        const all = s.all();
        if (o.kind === 'add') {
          const r = s.add({ report: o.report, target: toTarget(o.t), tags: o.tags, note: o.note });
          assert.ok(r.ok);
          model.set(r.value.id, { report: o.report, target: toTarget(o.t), tags: tagsOf(o.tags), note: o.note });
        } else if (o.kind === 'edit' && all.length) {
          const id = all[o.pick % all.length].id;
          const patch = { ...(o.tags ? { tags: o.tags } : {}), ...(o.note !== null ? { note: o.note } : {}), ...(o.t ? { target: toTarget(o.t) } : {}) };
          assert.ok(s.update(id, patch).ok);
          const m = model.get(id)!;
          model.set(id, {
            ...m,
            ...(o.tags ? { tags: tagsOf(o.tags) } : {}),
            ...(o.note !== null ? { note: o.note } : {}),
            ...(o.t ? { target: toTarget(o.t) } : {}),
          });
        } else if (o.kind === 'remove' && all.length) {
          const id = all[o.pick % all.length].id;
          assert.ok(s.remove(id).ok);
          model.delete(id);
        } else if (o.kind === 'save') {
          assert.ok((await s.save()).ok);
          assert.deepEqual(fs.files.get(SIDE), utf8.encode(plainSidecar('nanhai.txt', s.all())), 'the file is the plain serialisation');
        }
        assert.deepEqual(fields(s.all()), byModel(), `all() is what the edits made, after ${o.kind}`);
        check(o.kind);
      }
      assert.ok((await s.save()).ok);
      const text = fs.text(SIDE);
      if (text !== undefined) {
        assert.equal(text, plainSidecar('nanhai.txt', s.all()));
        // A fresh store reads it back to the same annotations and the same bytes.
        const again = await AnnotationStore.open(fs, SRC);
        assert.deepEqual(again.all(), s.all());
        assert.deepEqual(fields(again.all()), byModel(), 'the file holds what the edits made');
        assert.deepEqual(await again.save(), { ok: true, value: { written: false } });
      }
    }),
    runs(200),
  );
});

test('a large insert sorts once; the grouping by report follows inserts, edits that move an annotation to another report, and removes', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  const list: Annotation[] = Array.from({ length: 300 }, (_, k) => ({
    id: `z${(k * 7919) % 1000}`,
    report: `r${k % 7}`,
    target: target(300 - k),
    tags: ['figures'],
    note: '',
    author: 'x',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  }));
  const ins = s.insert(list);
  assert.ok(ins.ok);
  assert.equal(ins.value.added.length, 300);
  const all = s.all();
  assert.deepEqual(all, [...all].sort(compareAnnotations));
  assert.deepEqual(
    s.forReport('r3').map((a) => a.id),
    all.filter((a) => a.report === 'r3').map((a) => a.id),
  );
  assert.equal(s.forReport('r3').length, 43);
  const moved = s.forReport('r3')[0].id;
  const before = s.changes;
  assert.ok(s.update(moved, { report: 'r9' }).ok);
  assert.ok(s.changes > before, 'an edit is a new version');
  assert.equal(s.forReport('r3').length, 42);
  assert.deepEqual(
    s.forReport('r9').map((a) => a.id),
    [moved],
  );
  assert.ok(s.remove(moved).ok);
  assert.deepEqual(s.forReport('r9'), []);
  assert.equal(s.byReport().has('r9'), false);
  // A second insert of the same list adds only the one removed.
  const again = s.insert(list);
  assert.ok(again.ok);
  assert.deepEqual(again.value, { added: [moved], skipped: 299 });
  assert.equal(s.forReport('r3').length, 43);
});

test('property: the incremental encoder gives the plain bytes after any change of the list, and never writes over the bytes it is told to keep', () => {
  const utf8 = new TextEncoder();
  const make = (k: number, t: typeof anyTarget extends fc.Arbitrary<infer T> ? T : never, note: string, report: string): Annotation => ({
    id: `a${k}`,
    report,
    target: toTarget(t),
    tags: ['figures'],
    note,
    author: 'x',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  });
  const change = fc.record({
    drop: fc.array(fc.nat(), { maxLength: 3 }),
    add: fc.array(fc.record({ t: anyTarget, note: anyText, report: fc.constantFrom('r1', 'r2', '报告') }), { maxLength: 4 }),
    edit: fc.array(fc.record({ pick: fc.nat(), note: anyText }), { maxLength: 2 }),
    // As a store saves: the result lands (becomes the bytes kept) or not, or the disk changed outside.
    lands: fc.constantFrom<'lands' | 'not' | 'outside'>('lands', 'lands', 'not', 'outside'),
    source: fc.constantFrom('a.txt', 'a.txt', '报告 "1".txt'),
  });
  fc.assert(
    fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
      const enc = new SidecarEncoder();
      let list: Annotation[] = [];
      let k = 0;
      let base: { bytes: Uint8Array; copy: Uint8Array } | null = null;
      for (const c of changes) {
        let next = [...list];
        for (const d of c.drop) if (next.length) next.splice(d % next.length, 1);
        for (const e of c.edit) if (next.length) next[e.pick % next.length] = { ...next[e.pick % next.length], note: e.note };
        for (const a of c.add) next.push(make(k++, a.t, a.note, a.report));
        next = next.sort(compareAnnotations);
        const bytes = enc.encode(c.source, next, base?.bytes ?? null);
        assert.deepEqual(bytes, utf8.encode(plainSidecar(c.source, next)));
        if (base) assert.deepEqual(base.bytes, base.copy, 'the kept bytes are as they were');
        if (c.lands === 'lands') base = { bytes, copy: bytes.slice() };
        else if (c.lands === 'outside') {
          const other = utf8.encode(`outside ${k}`);
          base = { bytes: other, copy: other.slice() };
        }
        list = next;
      }
    }),
    { numRuns: 300 },
  );
});

test('the member-by-member encoder writes what JSON.stringify writes: resolutions, no tags, several tags, escapes', () => {
  const base: Annotation = {
    id: 'a1',
    report: '报告',
    target: toTarget({ paragraph: 'p1', exact: 'x"\n\\\u2028😀', prefix: '', suffix: '\n', start: 1, length: 2 }),
    tags: ['t', '法'],
    note: '备注\t',
    author: 'x',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-02T00:00:00.000Z',
  };
  const list = [base, { ...base, id: 'a2', tags: [] }, { ...base, id: 'a3', resolvedBy: '王', resolved: '2026-01-03T00:00:00.000Z' }];
  const plain = `${JSON.stringify(
    {
      version: 1,
      source: 's.txt',
      annotations: list.map((a) => ({ ...a, target: { paragraph: a.target.paragraph, quote: a.target.quote, position: a.target.position } })),
    },
    null,
    2,
  )}\n`;
  assert.equal(new TextDecoder().decode(encodeSidecar({ version: 1, source: 's.txt', annotations: list })), plain);
  assert.equal(serializeSidecar({ version: 1, source: 's.txt', annotations: list }), plain);
});

test('sameBytes is byte equality, also for the bit patterns of NaN and of ±0, at any offsets', () => {
  const bits = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)));
  // +0 and -0 compare equal as doubles; two NaNs of the same bits compare unequal.
  assert.equal(sameBytes(bits('0000000000000000'), bits('0000000000000080')), false);
  assert.equal(sameBytes(bits('000000000000f87f'), bits('000000000000f87f')), true);
  assert.equal(sameBytes(bits('000000000000f87f'), bits('010000000000f87f')), false);
  const byte = fc.constantFrom(0x00, 0x80, 0x7f, 0xf8, 0xff, 0x41);
  fc.assert(
    fc.property(fc.array(byte, { maxLength: 40 }), fc.nat({ max: 9 }), fc.nat({ max: 9 }), fc.option(fc.nat()), (xs, oa, ob, flip) => {
      const ys = [...xs];
      if (flip !== null && ys.length) ys[flip % ys.length] ^= 1;
      const a = new Uint8Array(xs.length + oa);
      a.set(xs, oa);
      const b = new Uint8Array(ys.length + ob);
      b.set(ys, ob);
      const same = xs.every((x, k) => x === ys[k]);
      assert.equal(sameBytes(a.subarray(oa), b.subarray(ob)), same);
    }),
    { numRuns: 500 },
  );
});
