/** Coders: the project file, coder sidecars, resolution of disagreements, memos and code memos. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AnnotationStore,
  type Annotation,
  type AnnotationTarget,
  coderFileId,
  coderSidecarPath,
  collectMemos,
  DEFAULT_CODEBOOK,
  DEFAULT_PROJECT,
  isResolutionRecord,
  memoExcerpt,
  memoPaths,
  parseCodebook,
  parseProject,
  parseSidecar,
  parseSidecarName,
  problemText,
  resolveDisagreement,
  serializeCodebook,
  serializeProject,
  serializeSidecar,
  setTagMemo,
  sidecarPath,
  withCoder,
} from '../../src/core/index.ts';
import { MemFs, fakeClock } from './memfs.ts';
import { validate } from './schema.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.ts';

const schema = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'schemas', name), 'utf8'));

test('project.json: parsed strictly, written stable (coders sorted), valid against its schema', () => {
  const text = '{"coders":[{"id":"Wang","color":"#abc"},{"id":"li","name":"Li Ming"}],"coding":{"mode":"independent"}}';
  const p = parseProject(text);
  assert.ok(p.ok);
  assert.deepEqual(p.value, {
    coding: { mode: 'independent' },
    coders: [
      { id: 'Wang', color: '#abc' },
      { id: 'li', name: 'Li Ming' },
    ],
  });
  const out = serializeProject(p.value);
  assert.equal(
    out,
    '{\n  "coding": {\n    "mode": "independent"\n  },\n  "coders": [\n    {\n      "id": "Wang",\n      "color": "#abc"\n    },\n    {\n      "id": "li",\n      "name": "Li Ming"\n    }\n  ]\n}\n',
  );
  assert.deepEqual(validate(schema('project.schema.json'), JSON.parse(out)), []);
  assert.deepEqual(parseProject('{}'), { ok: true, value: DEFAULT_PROJECT });
  assert.deepEqual(parseProject(serializeProject(DEFAULT_PROJECT)), { ok: true, value: DEFAULT_PROJECT });
});

test('project.json: bad input says what and where', () => {
  const bad = (text: string) => {
    const r = parseProject(text, '.annals/project.json');
    assert.ok(!r.ok);
    return problemText(r.problem);
  };
  assert.equal(bad('{"coding":{"mode":"solo"}}'), '.annals/project.json: coding.mode: expected "shared" or "independent", found the string "solo"');
  assert.match(bad('{"coders":[{"id":"Li"},{"id":"li"}]}'), /coders\[1\]\.id: “li” names the same coder file as coders\[0\] \(li\)/);
  assert.match(bad('{"coders":[{"id":"a","colour":"#fff"}]}'), /coders\[0\]\.colour: unknown property/);
  assert.match(bad('[1]'), /expected an object with "coding" and "coders", found an array/);
  assert.match(bad('{"coding":'), /invalid JSON at line 1/);
  assert.deepEqual(withCoder(DEFAULT_PROJECT, { id: 'Li' }).coders, [{ id: 'Li' }]);
  const once = withCoder(DEFAULT_PROJECT, { id: 'Li' });
  assert.equal(withCoder(once, { id: 'li' }), once, 'the same coder file: not added twice');
});

test('coder ids as file names, coder sidecar paths, and sidecar names read back', () => {
  assert.equal(coderFileId('Li'), 'li');
  assert.equal(coderFileId(' 李 明 '), '李-明');
  assert.equal(coderFileId('Li.Ming/../x'), 'li-ming-x');
  assert.equal(coderFileId('!!'), 'u21-21');
  assert.equal(coderFileId('Annals'), 'annals-coder', 'never a name that reads as a shared sidecar');
  assert.deepEqual(parseSidecarName(coderSidecarPath('/ws/a.txt', 'annals')), { source: '/ws/a.txt', coder: 'annals-coder' });
  assert.equal(coderFileId('a'.repeat(80)).length, 64);
  assert.equal(coderSidecarPath('/ws/r/a.txt', 'Wang Fang'), '/ws/r/a.txt.annals.wang-fang.json');
  assert.equal(coderSidecarPath('/ws/r/a.txt', 'Li', { workspaceRoot: '/ws', sidecarFolder: '.annals/sc' }), '/ws/.annals/sc/r/a.txt.annals.li.json');
  assert.deepEqual(sidecarPath('/ws/r/a.txt', { coder: 'Li' }), { ok: true, value: '/ws/r/a.txt.annals.li.json' });
  assert.deepEqual(parseSidecarName('/ws/r/a.txt.annals.li.json'), { source: '/ws/r/a.txt', coder: 'li' });
  assert.deepEqual(parseSidecarName('/ws/r/a.txt.annals.json'), { source: '/ws/r/a.txt', coder: null });
  assert.deepEqual(parseSidecarName('/ws/r/a.txt.annals.李-明.json'), { source: '/ws/r/a.txt', coder: '李-明' });
  assert.equal(parseSidecarName('/ws/r/a.txt'), null);
  assert.equal(parseSidecarName('/ws/r/.annals.json'), null);
});

const target = (n: number, whole = true): AnnotationTarget => ({
  paragraph: `p${n.toString(16).padStart(8, '0')}`,
  quote: { type: 'TextQuoteSelector', exact: `段落${n}`, prefix: whole ? '\n' : '段', suffix: '\n' },
  position: { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 4 },
});

test('a coder store writes its own file; the shared one is untouched', async () => {
  const fs = new MemFs();
  const li = await AnnotationStore.open(fs, '/ws/a.txt', { coder: 'Li', now: fakeClock() });
  assert.equal(li.path, '/ws/a.txt.annals.li.json');
  const r = li.add({ report: 'r1', target: target(1), tags: ['rules'] });
  assert.ok(r.ok);
  assert.equal(r.value.author, 'Li', 'the coder is the author');
  assert.ok((await li.save()).ok);
  const side = parseSidecar(new TextDecoder().decode(await fs.readFile('/ws/a.txt.annals.li.json')), 'x');
  assert.ok(side.ok);
  assert.equal(side.value.source, 'a.txt');
  await assert.rejects(fs.readFile('/ws/a.txt.annals.json'));
});

test('resolvedBy and resolved round-trip through the sidecar and its schema; a bad date is refused', () => {
  const a: Annotation = {
    id: 'a1',
    report: 'r1',
    target: target(1),
    tags: ['rules'],
    note: '',
    author: 'Li',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-02T00:00:00.000Z',
    resolvedBy: 'Chen',
    resolved: '2026-01-02T00:00:00.000Z',
  };
  const text = serializeSidecar({ version: 1, source: 'a.txt', annotations: [a] });
  assert.match(text, /"modified": "2026-01-02T00:00:00.000Z",\n {6}"resolvedBy": "Chen",\n {6}"resolved": "2026-01-02T00:00:00.000Z"\n/);
  const back = parseSidecar(text, 's');
  assert.deepEqual(back, { ok: true, value: { version: 1, source: 'a.txt', annotations: [a] } });
  assert.deepEqual(validate(schema('sidecar.schema.json'), JSON.parse(text)), []);
  const bad = parseSidecar(text.replace('"resolved": "2026-01-02T00:00:00.000Z"', '"resolved": "yesterday"'), 's');
  assert.ok(!bad.ok);
  assert.match(problemText(bad.problem), /annotations\[0\]\.resolved: “yesterday” is not an ISO-8601 date/);
});

async function coderAnns(fs: MemFs, coder: string, tags: string[][]) {
  const s = await AnnotationStore.open(fs, '/ws/a.txt', {
    coder,
    now: fakeClock(),
    newId: (() => {
      let i = 0;
      return () => `${coder}${i++}`;
    })(),
  });
  const out: Annotation[] = [];
  for (const t of tags) {
    const r = s.add({ report: 'r1', target: target(1, t.length !== 1), tags: t });
    assert.ok(r.ok);
    out.push(r.value);
  }
  return out;
}

test('resolution, independent mode: accept A copies A’s annotations to the shared sidecar with who and when; again replaces it', async () => {
  const fs = new MemFs();
  const a = await coderAnns(fs, 'Li', [['rules']]);
  const b = await coderAnns(fs, 'Wang', [['rules', 'figures']]);
  const shared = await AnnotationStore.open(fs, '/ws/a.txt', { now: fakeClock(Date.UTC(2026, 5, 1)) });
  const d = {
    mode: 'independent' as const,
    report: 'r1',
    paragraph: target(1),
    coders: [
      { coder: 'Li', annotations: a },
      { coder: 'Wang', annotations: b },
    ],
  };
  const r = resolveDisagreement(shared, d, { kind: 'accept', coder: 'li' }, 'Chen');
  assert.ok(r.ok);
  assert.equal(r.value.added.length, 1);
  const [copy] = shared.all();
  assert.deepEqual([copy.tags, copy.author, copy.resolvedBy], [['rules'], 'Li', 'Chen']);
  assert.match(copy.resolved ?? '', /^2026-06-01T00:00:0\d\.000Z$/, 'resolved when the store added it');
  assert.equal(copy.resolved, copy.created);
  // Resolving again (accept B) replaces the earlier resolution.
  const again = resolveDisagreement(shared, { ...d, shared: shared.all() }, { kind: 'accept', coder: 'Wang' }, 'Chen');
  assert.ok(again.ok);
  assert.deepEqual(again.value.removed, [copy.id]);
  assert.deepEqual(
    shared.all().map((x) => [x.tags, x.author]),
    [[['rules', 'figures'], 'Wang']],
  );
  // Keep both: two annotations; neither: one record without tags.
  const both = resolveDisagreement(shared, { ...d, shared: shared.all() }, { kind: 'both' }, 'Chen');
  assert.ok(both.ok);
  assert.equal(shared.size, 2);
  const neither = resolveDisagreement(shared, { ...d, shared: shared.all() }, { kind: 'neither' }, 'Chen');
  assert.ok(neither.ok);
  assert.deepEqual(
    shared.all().map((x) => [x.tags, x.resolvedBy, x.target.paragraph]),
    [[[], 'Chen', target(1).paragraph]],
  );
  assert.equal(isResolutionRecord(shared.all()[0]), true, 'the record of a Neither is not coding');
  assert.equal(isResolutionRecord(copy), false, 'an accepted annotation is still its coder’s coding');
  assert.ok((await shared.save()).ok);
});

test('resolution, shared mode: the rejected coder’s annotations are removed, the kept ones marked', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, '/ws/a.txt', { now: fakeClock() });
  const x = s.add({ report: 'r1', target: target(1), tags: ['rules'], author: 'Li' });
  const y = s.add({ report: 'r1', target: target(1), tags: ['figures'], author: 'Wang' });
  assert.ok(x.ok && y.ok);
  const d = {
    mode: 'shared' as const,
    report: 'r1',
    paragraph: target(1),
    coders: [
      { coder: 'Li', annotations: [x.value] },
      { coder: 'Wang', annotations: [y.value] },
    ],
  };
  const r = resolveDisagreement(s, d, { kind: 'accept', coder: 'Wang' }, 'Chen');
  assert.ok(r.ok);
  assert.deepEqual(r.value, { added: [], removed: [x.value.id], marked: [y.value.id] });
  assert.deepEqual(
    s.all().map((a) => [a.tags, a.author, a.resolvedBy]),
    [[['figures'], 'Wang', 'Chen']],
  );
  assert.ok(s.all()[0].resolved);
});

test('resolution from a stale list (an annotation gone since agreement was computed) fails and changes nothing', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, '/ws/a.txt', { now: fakeClock() });
  const x = s.add({ report: 'r1', target: target(1), tags: ['rules'], author: 'Li' });
  const y = s.add({ report: 'r1', target: target(1), tags: ['figures'], author: 'Wang' });
  assert.ok(x.ok && y.ok);
  const d = {
    mode: 'shared' as const,
    report: 'r1',
    paragraph: target(1),
    coders: [
      { coder: 'Li', annotations: [x.value] },
      { coder: 'Wang', annotations: [y.value] },
    ],
  };
  // Wang's annotation was removed meanwhile (a teammate's change merged in): accepting Wang would
  // remove Li's and then fail to mark Wang's. Before, Li's annotation was gone and the call failed.
  assert.ok(s.remove(y.value.id).ok);
  const before = s.all();
  const edits = s.changes;
  for (const choice of [{ kind: 'accept', coder: 'Wang' }, { kind: 'accept', coder: 'Li' }, { kind: 'both' }, { kind: 'neither' }] as const) {
    const r = resolveDisagreement(s, d, choice, 'Chen');
    assert.equal(r.ok, false, choice.kind);
    if (!r.ok) {
      assert.equal(r.problem.code, 'disagreementChanged');
      assert.match(problemText(r.problem), new RegExp(`“${y.value.id}” is no longer there\\); nothing was changed`));
    }
    assert.deepEqual(s.all(), before, `${choice.kind}: nothing changed`);
    assert.equal(s.changes, edits);
  }
  // Independent mode: an earlier resolution in the shared file that has gone is the same stale list.
  const shared = await AnnotationStore.open(fs, '/ws/b.txt', { now: fakeClock() });
  const old = shared.add({ report: 'r1', target: target(1), tags: ['rules'], author: 'Li', resolvedBy: 'Chen' });
  assert.ok(old.ok);
  assert.ok(shared.remove(old.value.id).ok);
  const ind = resolveDisagreement(shared, { ...d, mode: 'independent', shared: [old.value] }, { kind: 'accept', coder: 'Li' }, 'Chen');
  assert.equal(ind.ok, false);
  assert.equal(shared.size, 0, 'no copy added');
  // Only the resolutions are replaced: a coder's own annotation in the shared list is not required.
  const fresh = resolveDisagreement(
    shared,
    { ...d, mode: 'independent', shared: [{ ...old.value, resolvedBy: undefined }] },
    { kind: 'accept', coder: 'Li' },
    'Chen',
  );
  assert.ok(fresh.ok);
  assert.equal(shared.size, 1);
});

test('memos: paths, kinds, collection and excerpts', () => {
  assert.equal(memoPaths.report('r584394c7'), '.annals/memos/reports/r584394c7.md');
  assert.equal(memoPaths.project('Method: coding/rules?'), '.annals/memos/Method- coding-rules.md');
  assert.equal(memoPaths.project('...'), '.annals/memos/memo.md');
  assert.deepEqual(memoPaths.kind('.annals/memos/reports/r1.md'), { kind: 'report', report: 'r1' });
  assert.deepEqual(memoPaths.kind('.annals/memos/plan.md'), { kind: 'project', name: 'plan' });
  assert.equal(memoPaths.kind('.annals/memos/x/y.md'), null);
  assert.equal(memoPaths.kind('docs/plan.md'), null);
  const memos = collectMemos([
    { path: '.annals/memos/z.md', text: 'Z' },
    { path: '.annals/memos/a.md', text: 'A' },
    { path: '.annals/memos/reports/r1.md', text: '# 2018\nnote' },
    { path: 'README.md', text: 'no' },
  ]);
  assert.deepEqual(memos, {
    project: [
      { name: 'a', text: 'A' },
      { name: 'z', text: 'Z' },
    ],
    reports: { r1: '# 2018\nnote' },
  });
  assert.equal(memoExcerpt('\n\n## Heading here\nmore'), 'Heading here');
  assert.equal(memoExcerpt('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
});

test('code memos: set, cleared, kept through the codebook file', () => {
  const set = setTagMemo(DEFAULT_CODEBOOK, 'figures', 'Count **only** figures with units.');
  assert.ok(set.ok);
  const text = serializeCodebook(set.value);
  const back = parseCodebook(text);
  assert.ok(back.ok);
  assert.equal(back.value.tags.find((t) => t.id === 'figures')?.memo, 'Count **only** figures with units.');
  assert.deepEqual(validate(schema('codebook.schema.json'), JSON.parse(text)), []);
  const cleared = setTagMemo(back.value, 'figures', '  ');
  assert.ok(cleared.ok);
  assert.equal(cleared.value.tags.find((t) => t.id === 'figures')?.memo, undefined);
  const none = setTagMemo(DEFAULT_CODEBOOK, 'nope', 'x');
  assert.ok(!none.ok);
  assert.equal(none.problem.code, 'noTag');
});
