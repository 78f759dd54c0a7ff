/**
 * The store's save as a compare-and-swap under a lock file: concurrent writers, held and stale
 * locks, outside writers between the read and the rename, temporary files left by a kill,
 * symbolic links, sizes near the engine's string limit, dates at the edge of the range, and a
 * sidecar folder outside the workspace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnnotationStore, type AnnotationTarget, parseSidecar, serializeSidecar } from '../../src/core/annotate/index.ts';
import { problemText } from '../../src/core/index.ts';
import { MemFs, fakeClock } from './memfs.ts';
import { runs } from './mutation.ts';

const SRC = '/ws/reports/nanhai.txt';
const SIDE = '/ws/reports/nanhai.txt.annals.json';
const LOCK = `${SIDE}.lock`;

function target(n: number): AnnotationTarget {
  return {
    paragraph: `p${n.toString(16).padStart(8, '0')}`,
    quote: { type: 'TextQuoteSelector', exact: `段落${n}`, prefix: '\n', suffix: '\n' },
    position: { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 4 },
  };
}

const onDisk = (fs: MemFs) => {
  const text = fs.text(SIDE);
  if (text === undefined) return [];
  const p = parseSidecar(text, SIDE);
  assert.ok(p.ok, `the sidecar reads back: ${!p.ok && problemText(p.problem)}`);
  return p.value.annotations;
};

const lockText = (pid: number, host: string, time: number, token = 'tok') => `${JSON.stringify({ pid, host, time: new Date(time).toISOString(), token })}\n`;

test('two stores saving at the same time, 100 rounds: nothing is lost, and after a reload neither drops its own', async () => {
  const fs = new MemFs();
  fs.jitter = true;
  let n = 0;
  const a = await AnnotationStore.open(fs, SRC, { now: fakeClock(), newId: () => `a${n++}` });
  const b = await AnnotationStore.open(fs.as(2), SRC, { now: fakeClock(), newId: () => `b${n++}` });
  const mine: [Set<string>, Set<string>] = [new Set(), new Set()];
  for (let round = 0; round < 100; round++) {
    const x = a.add({ report: 'r', target: target(2 * round), tags: ['a'] });
    const y = b.add({ report: 'r', target: target(2 * round + 1), tags: ['b'] });
    assert.ok(x.ok && y.ok);
    mine[0].add(x.value.id);
    mine[1].add(y.value.id);
    const [sa, sb] = await Promise.all([a.save(), b.save()]);
    assert.ok(sa.ok && sb.ok, 'both saves succeed');
    const [ra, rb] = await Promise.all([a.reload(), b.reload()]);
    assert.ok(ra.ok && rb.ok);
    for (const [k, s] of [a, b].entries()) for (const id of mine[k]) assert.ok(s.get(id), `round ${round}: store ${k} still has its ${id}`);
  }
  // Each save saw the other's: one more save each writes whatever is left.
  assert.ok((await a.save()).ok && (await b.save()).ok);
  const ids = new Set(onDisk(fs).map((x) => x.id));
  assert.equal(ids.size, 200);
  for (const id of [...mine[0], ...mine[1]]) assert.ok(ids.has(id), `${id} is on disk`);
  assert.deepEqual(fs.paths(), [SIDE], 'no lock or temporary file is left');
});

test('a lock held by a running writer: the save waits, then fails loudly naming the holder; nothing is written, and nothing lost', async () => {
  const fs = new MemFs();
  fs.running.add(4242);
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), lock: { waitMs: 60, staleMs: 60_000 } });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  fs.put(LOCK, lockText(4242, 'memory', Date.now()));
  const r = await s.save();
  assert.ok(!r.ok);
  assert.equal(r.problem.code, 'sidecarLocked');
  assert.match(problemText(r.problem), /nanhai\.txt\.annals\.json: not saved: its lock file .*\.lock is held by process 4242 on memory since \d{4}-/);
  assert.equal(fs.text(SIDE), undefined, 'nothing written');
  assert.equal(s.dirty, true, 'the change is still to save');
  assert.ok(fs.text(LOCK)?.includes('4242'), "the other writer's lock is left alone");
  // Released: the next save goes through.
  await fs.delete(LOCK);
  assert.ok((await s.save()).ok);
  assert.equal(onDisk(fs).length, 1);
  assert.equal(fs.text(LOCK), undefined);
});

test('a lock of a process that is gone from this machine is taken over at once; one of another machine only once it is stale', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), lock: { waitMs: 50, staleMs: 10_000 } });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  fs.put(LOCK, lockText(999, 'memory', Date.now())); // pid 999 is not running here
  assert.ok((await s.save()).ok, 'a dead owner on this machine');
  s.add({ report: 'r', target: target(2), tags: ['t'] });
  fs.put(LOCK, lockText(999, 'elsewhere', Date.now())); // another machine: cannot tell, wait for it
  const held = await s.save();
  assert.ok(!held.ok);
  assert.equal(held.problem.code, 'sidecarLocked');
  fs.put(LOCK, lockText(999, 'elsewhere', Date.now() - 20_000)); // older than staleMs
  assert.ok((await s.save()).ok, 'a stale lock');
  assert.equal(onDisk(fs).length, 2);
  // A lock file cut short (no JSON yet) is dated by the file's time.
  s.add({ report: 'r', target: target(3), tags: ['t'] });
  fs.clock = Date.now();
  fs.put(LOCK, '{"pid":');
  const young = await s.save();
  assert.ok(!young.ok);
  assert.match(problemText(young.problem), /held by a writer that left no name/);
  fs.clock = Date.now() - 20_000;
  fs.put(LOCK, '{"pid":');
  assert.ok((await s.save()).ok);
  assert.equal(onDisk(fs).length, 3);
});

test('a lock file that cannot be made is a problem, not a write without it', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock() });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  fs.createExclusive = async () => {
    throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
  };
  const r = await s.save();
  assert.ok(!r.ok);
  assert.equal(problemText(r.problem), `${SIDE}: not saved: its lock file ${LOCK} cannot be created (read-only file system).`);
  assert.equal(fs.text(SIDE), undefined);
});

test('compare and swap: a writer that takes no lock changes the sidecar between our read and our rename; the save reads and merges again', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock() });
  const mine = s.add({ report: 'r', target: target(1), tags: ['mine'] });
  assert.ok(mine.ok);
  const theirs = serializeSidecar({
    version: 1,
    source: 'nanhai.txt',
    annotations: [
      {
        id: 'theirs',
        report: 'r',
        target: target(2),
        tags: ['x'],
        note: '',
        author: '',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
      },
    ],
  });
  const write = fs.writeFile.bind(fs);
  let temps = 0;
  fs.writeFile = async (p: string, d: Uint8Array) => {
    await write(p, d);
    if (p.endsWith('.tmp') && temps++ === 0) fs.put(SIDE, theirs); // while our temporary file is written
  };
  assert.ok((await s.save()).ok);
  assert.equal(temps, 2, 'written once, found changed, written again');
  assert.deepEqual(
    onDisk(fs)
      .map((a) => a.id)
      .sort(),
    [mine.value.id, 'theirs'].sort(),
  );
  assert.deepEqual(fs.paths(), [SIDE]);
});

test('a sidecar that keeps changing under every attempt: the save gives up with a problem, the file is the outside one', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock() });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  const write = fs.writeFile.bind(fs);
  let k = 0;
  fs.writeFile = async (p: string, d: Uint8Array) => {
    await write(p, d);
    if (p.endsWith('.tmp')) fs.put(SIDE, serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: [] }) + ' '.repeat(++k));
  };
  const r = await s.save();
  assert.ok(!r.ok);
  assert.equal(problemText(r.problem), `${SIDE}: not saved: the file kept changing while it was being saved (4 attempts).`);
  assert.equal(s.dirty, true);
  assert.deepEqual(fs.paths(), [SIDE], 'no temporary file or lock is left');
});

test('a kill between write and rename leaves a temporary file: the next open removes it, unless another writer holds the lock', async () => {
  const fs = new MemFs();
  fs.put(`${SIDE}.k3j9x0ab.tmp`, '{"half": ');
  fs.put('/ws/reports/other.txt.annals.json.k3j9x0ab.tmp', 'not ours');
  fs.put('/ws/reports/nanhai.txt.annals.json.notes.tmp', 'not a temporary file of Annals');
  const lockTemp = `${LOCK}.q1w2e3r4.tmp`;
  fs.clock = Date.now() - 60_000;
  fs.put(lockTemp, 'old');
  fs.clock = Date.now();
  fs.put(`${LOCK}.zzzzzzzz.tmp`, 'a lock being made right now');
  await AnnotationStore.open(fs, SRC);
  assert.deepEqual(fs.paths(), [`${LOCK}.zzzzzzzz.tmp`, '/ws/reports/nanhai.txt.annals.json.notes.tmp', '/ws/reports/other.txt.annals.json.k3j9x0ab.tmp']);
  // A save in progress elsewhere (it holds the lock): its temporary file is left alone.
  fs.running.add(7);
  fs.put(`${SIDE}.a1b2c3d4.tmp`, 'in progress');
  fs.put(LOCK, lockText(7, 'memory', Date.now()));
  await AnnotationStore.open(fs, SRC);
  assert.ok(fs.files.has(`${SIDE}.a1b2c3d4.tmp`));
  assert.ok(fs.files.has(LOCK));
});

test('a symbolic link to a sidecar is written through, and stays a link; a host that cannot follow links refuses with the reason', async () => {
  const fs = new MemFs();
  const real = '/data/shared/nanhai.annals.json';
  fs.put(real, serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: [] }));
  fs.links.set(SIDE, real);
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock() });
  assert.equal(s.path, SIDE, 'the store names the link');
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok((await s.save()).ok);
  assert.equal(fs.links.get(SIDE), real, 'still a link');
  assert.equal(parseSidecar(fs.files.get(real) ? fs.text(real)! : '', real).ok, true);
  assert.equal(JSON.parse(fs.text(real)!).annotations.length, 1, 'written to the target');
  assert.deepEqual(fs.paths(), [real], 'the temporary file and the lock were next to the target, and are gone');
  // The extension's host cannot read a link: the store says so and writes nothing.
  const blind = new MemFs();
  blind.resolvesLinks = false;
  blind.put(real, serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: [] }));
  blind.links.set(SIDE, real);
  const t = await AnnotationStore.open(blind, SRC);
  assert.equal(t.readOnly, true);
  assert.match(problemText(t.error!), /nanhai\.txt\.annals\.json: is a symbolic link that this editor cannot follow, so it is not written/);
  assert.equal(t.add({ report: 'r', target: target(1), tags: ['t'] }).ok, false);
  const r = await t.save();
  assert.equal(r.ok, false);
  assert.equal(blind.links.get(SIDE), real);
});

test('a sidecar too large for one string: the real reason when reading, and no write of a file that could not be read back', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), maxText: 2000 });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok((await s.save()).ok);
  const saved = fs.text(SIDE);
  for (let i = 2; i < 12; i++) s.add({ report: 'r', target: target(i), tags: ['t'], note: '注'.repeat(50) });
  const r = await s.save();
  assert.ok(!r.ok);
  assert.equal(r.problem.code, 'sidecarTooLargeToSave');
  assert.match(problemText(r.problem), /not saved: the file would be \d+ MB, more than Annals can read back/);
  assert.equal(fs.text(SIDE), saved, 'the file is as it was');
  assert.equal(s.dirty, true);
  // Multi-byte text is measured in characters, not bytes: 1,500 characters of CJK fit, in 4,500 bytes.
  const cjk = await AnnotationStore.open(new MemFs(), SRC, { now: fakeClock(), maxText: 2000 });
  cjk.add({ report: 'r', target: target(1), tags: ['t'], note: '注'.repeat(1200) });
  assert.ok((await cjk.save()).ok);
  // Reading: a file longer than the limit says so (it used to say “is not UTF-8 text”).
  const big = new MemFs();
  big.put(SIDE, serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: [] }) + ' '.repeat(3000));
  const b = await AnnotationStore.open(big, SRC, { maxText: 2000 });
  assert.equal(b.error?.code, 'sidecarTooLarge');
  assert.match(problemText(b.error!), /is too large to read/);
  // Bytes that are not UTF-8 are still called that.
  const bad = new MemFs();
  bad.files.set(SIDE, Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]));
  assert.equal((await AnnotationStore.open(bad, SRC)).error?.code, 'sidecarNotUtf8');
});

test('dates: a clock at the end of time, garbage or standing still never makes a file the store cannot read back', async () => {
  const fs = new MemFs();
  const far = '9999-12-31T23:59:59.999Z';
  fs.put(
    SIDE,
    serializeSidecar({
      version: 1,
      source: 'nanhai.txt',
      annotations: [{ id: 'x', report: 'r', target: target(1), tags: ['t'], note: '', author: '', created: far, modified: far }],
    }),
  );
  const s = await AnnotationStore.open(fs, SRC, { now: () => '+275760-09-13T00:00:00.000Z' });
  assert.equal(s.error, null);
  const e = s.update('x', { note: 'edited' });
  assert.ok(e.ok);
  assert.equal(e.value.modified, far, 'no later time exists: the last one');
  const added = s.add({ report: 'r', target: target(2), tags: ['t'] });
  assert.ok(added.ok);
  assert.equal(added.value.created, far);
  assert.ok((await s.save()).ok);
  assert.equal((await AnnotationStore.open(fs, SRC)).error, null, 'the file reads back');
  assert.doesNotMatch(fs.text(SIDE)!, /\+0\d{5}-/);
  // A clock that gives garbage: the system time.
  const g = await AnnotationStore.open(new MemFs(), SRC, { now: () => 'not a time' });
  const ga = g.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok(ga.ok);
  assert.ok(Math.abs(Date.parse(ga.value.created) - Date.now()) < 60_000);
  // A clock that stands still: each edit is still strictly later than the one before.
  const still = await AnnotationStore.open(new MemFs(), SRC, { now: fakeClock(Date.UTC(2026, 0, 1), 0) });
  const a = still.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok(a.ok);
  let last = a.value.modified;
  for (let i = 0; i < 3; i++) {
    const u = still.update(a.value.id, { note: `n${i}` });
    assert.ok(u.ok);
    assert.ok(Date.parse(u.value.modified) > Date.parse(last), `${u.value.modified} after ${last}`);
    last = u.value.modified;
  }
  assert.equal(Date.parse(last) - Date.parse(a.value.created), 3, 'one millisecond each');
});

test('the reader refuses dates outside 0000–9999 and impossible days, which the store never writes', () => {
  const file = (modified: string) =>
    JSON.stringify({
      version: 1,
      source: 'x',
      annotations: [{ id: 'a', report: 'r', target: target(1), tags: ['t'], note: '', author: '', created: '2026-01-01T00:00:00Z', modified }],
    });
  for (const bad of [
    '+010000-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999-01:00',
    '2026-02-30T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:00:00+24:00',
  ]) {
    const r = parseSidecar(file(bad), 'f');
    assert.ok(!r.ok, bad);
    assert.match(problemText(r.problem), /modified: “.*” is not an ISO-8601 date and time in the years 0000–9999/);
  }
  for (const good of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2024-02-29T23:59:59+08:00', '2026-01-01T00:00Z'])
    assert.ok(parseSidecar(file(good), 'f').ok, good);
});

test('property: whatever the store writes, its own reader reads back, to exactly the annotations in memory', async () => {
  const text = fc.oneof(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\ud800', '\u2028', '"\\', '\u0000'));
  const when = fc.oneof(
    fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'garbage' : d.toISOString())),
    fc.constantFrom('9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', ''),
  );
  const op = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), note: text, tag: text, exact: text, at: fc.nat({ max: 1000 }) }),
    fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), note: text }),
    fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(when, { minLength: 1, maxLength: 8 }), fc.array(op, { maxLength: 12 }), async (times, ops) => {
      const fs = new MemFs();
      let k = 0;
      const s = await AnnotationStore.open(fs, SRC, { now: () => times[k++ % times.length] });
      for (const o of ops) {
        const all = s.all();
        if (o.kind === 'add') {
          const t: AnnotationTarget = { ...target(o.at), quote: { type: 'TextQuoteSelector', exact: o.exact, prefix: '', suffix: '' } };
          assert.ok(s.add({ report: 'r', target: t, tags: [o.tag, 'x'], note: o.note }).ok);
        } else if (all.length && o.kind === 'edit') assert.ok(s.update(all[o.pick % all.length].id, { note: o.note }).ok);
        else if (all.length && o.kind === 'remove') assert.ok(s.remove(all[o.pick % all.length].id).ok);
        assert.ok((await s.save()).ok);
        const back = await AnnotationStore.open(fs, SRC);
        assert.equal(back.error, null, back.error ? problemText(back.error) : '');
        assert.deepEqual(back.all(), s.all());
      }
    }),
    runs(120),
  );
});

test('a sidecar folder outside the workspace is refused: nothing is read or written there', async () => {
  const fs = new MemFs();
  fs.put('/ws/x/reports/nanhai.txt.annals.json', serializeSidecar({ version: 1, source: '../../reports/nanhai.txt', annotations: [] }));
  for (const folder of ['../x', 'a/../../x', '..\\x']) {
    const s = await AnnotationStore.open(fs, SRC, { workspaceRoot: '/ws/reports', sidecarFolder: folder });
    assert.equal(s.readOnly, true, folder);
    assert.equal(s.path, SIDE, 'named where it would be by default, never outside');
    assert.equal(problemText(s.error!), `the sidecar folder “${folder}” leaves the workspace; it must be a folder inside it, such as .annals/sidecars`);
    assert.equal(s.add({ report: 'r', target: target(1), tags: ['t'] }).ok, false);
    assert.equal((await s.save()).ok, false);
  }
  // Inside, however spelt: normalised, so the sidecar's `source` is right.
  const s = await AnnotationStore.open(fs, SRC, { workspaceRoot: '/ws', sidecarFolder: './side/../.annals//sidecars/' });
  assert.equal(s.path, '/ws/.annals/sidecars/reports/nanhai.txt.annals.json');
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok((await s.save()).ok);
  assert.equal(JSON.parse(fs.text(s.path)!).source, '../../../reports/nanhai.txt');
});

test('a target the reader would refuse is refused when added or edited', async () => {
  const s = await AnnotationStore.open(new MemFs(), SRC, { now: fakeClock() });
  const bad = { ...target(1), position: { type: 'TextPositionSelector' as const, start: 5, end: 2 } };
  const r = s.add({ report: 'r', target: bad, tags: ['t'] });
  assert.ok(!r.ok);
  assert.equal(r.problem.code, 'invalidTarget');
  const a = s.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok(a.ok);
  assert.equal(s.update(a.value.id, { target: { ...target(1), position: { type: 'TextPositionSelector', start: 1.5, end: 3 } } }).ok, false);
  assert.equal(s.size, 1);
});
