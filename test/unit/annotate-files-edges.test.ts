/**
 * Edge rows for the mutation testing of src/core/annotate (see stryker.config.mjs): the sidecar
 * files (encode, parse, merge, paths), the codebook, the project file, agreement and the QDPX GUIDs.
 * Each row is named for the slip it catches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  type AgreementResult,
  type Annotation,
  addTag,
  changeTagId,
  moveTag,
  newTagId,
  type Codebook,
  type CodedUnit,
  codedUnits,
  codeGuid,
  disagreements,
  encodeSidecar,
  krippendorffAlpha,
  makeTarget,
  mergeAnnotations,
  parseCodebook,
  parseProject,
  parseSidecar,
  parseSidecarName,
  qdpxParts,
  removeTag,
  renameTag,
  serializeSidecar,
  sidecarPath,
  stableGuid,
  tagsByAgreement,
} from '../../src/core/index.ts';
import {
  coderFileId,
  cohenKappa,
  collectMemos,
  computeAgreement,
  csvField,
  type FileHost,
  isNotFound,
  writeFileAtomic,
  memoExcerpt,
  memoPaths,
  sameBytes,
} from '../../src/core/annotate/index.ts';
import { fromText } from './helpers.ts';

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-02-01T00:00:00.000Z';
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

// ---------------------------------------------------------------------------------------------
// encode.ts: an annotation that does not have the usual shape is written member by member, as
// JSON.stringify(…, null, 2) would write it (keys whose value JSON cannot hold are left out).

/** The file JSON.stringify writes for these annotations (their keys already in the documented order). */
const generic = (annotations: unknown[]) => `${JSON.stringify({ version: 1, source: 'r.txt', annotations }, null, 2)}\n`;

const unusual: [string, () => Record<string, unknown>][] = [
  [
    'no target at all (t?.position, t?.paragraph read through a missing target)',
    () => ({
      id: 'a1',
      report: 'r',
      tags: ['x'],
      note: '',
      author: 'ann',
      created: T1,
      modified: T1,
    }),
  ],
  [
    'a target without a paragraph (not the usual one-template shape)',
    () => ({
      id: 'a2',
      report: 'r',
      target: {
        quote: { type: 'TextQuoteSelector', exact: '改革', prefix: '深化', suffix: '开放' },
        position: { type: 'TextPositionSelector', start: 3, end: 5 },
      },
      tags: [],
      note: 'n',
      author: 'ann',
      created: T1,
      modified: T2,
    }),
  ],
  [
    'a quote without prefix/suffix and a position without end are left out',
    () => ({
      id: 'a3',
      report: 'r',
      target: { paragraph: 'p1', quote: { type: 'TextQuoteSelector', exact: 'x' }, position: { type: 'TextPositionSelector', start: 1 } },
      tags: [1, 'y'],
      note: '',
      author: '',
      created: T1,
      modified: T1,
    }),
  ],
  [
    'a resolved that JSON cannot hold (a function) is left out, resolvedBy kept',
    () => ({
      id: 'a4',
      report: 'r',
      target: {
        paragraph: 'p1',
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      },
      tags: ['t'],
      note: '',
      author: 'a',
      created: T1,
      modified: T1,
      resolvedBy: 'lead',
      resolved: () => 1,
    }),
  ],
  [
    'tags that are not an array are written as they are',
    () => ({
      id: 'a5',
      report: 'r',
      target: {
        paragraph: 'p1',
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: 'a', suffix: 'b' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      },
      tags: 'x',
      note: '',
      author: 'a',
      created: T1,
      modified: T1,
    }),
  ],
];

for (const [name, make] of unusual) {
  test(`encodeSidecar: ${name}`, () => {
    const a = make() as unknown as Annotation;
    assert.equal(decode(encodeSidecar({ version: 1, source: 'r.txt', annotations: [a] })), generic([make()]));
  });
}

test('encodeSidecar: an unusual annotation after a usual one, separated and indented alike', () => {
  const usual = unusual[3][1]();
  delete usual.resolved;
  const odd = unusual[1][1]();
  const s = { version: 1, source: 'r.txt', annotations: [usual, odd] as unknown as Annotation[] };
  const want = generic([usual, odd]);
  assert.equal(decode(encodeSidecar(s)), want);
  assert.equal(
    serializeSidecar({
      version: 1,
      source: 'r.txt',
      annotations: [unusual[3][1](), unusual[1][1]()].map((x) => {
        delete x.resolved;
        return x;
      }) as unknown as Annotation[],
    }),
    want,
  );
});

test('sameBytes: views at offsets equal mod 4 but not mod 8, and at unrelated offsets', () => {
  const bytes = Uint8Array.from({ length: 40 }, (_, i) => (i * 7) & 0xff);
  const copy = new Uint8Array(48);
  copy.set(bytes, 4);
  const a = bytes.subarray(8, 40); // offset 8
  const b = copy.subarray(12, 44); // offset 12: 4 mod 8
  assert.equal(sameBytes(a, b), true);
  const c = copy.slice();
  c[40] ^= 1;
  assert.equal(sameBytes(a, c.subarray(12, 44)), false, 'a difference in a middle word');
  c[40] ^= 1;
  c[43] ^= 1;
  assert.equal(sameBytes(a, c.subarray(12, 44)), false, 'a difference in the last byte');
  assert.equal(sameBytes(bytes.subarray(1, 33), copy.subarray(5, 37)), true, 'offsets 1 and 5: no shared alignment');
  assert.equal(sameBytes(bytes.subarray(1, 33), copy.subarray(6, 38)), false);
  assert.equal(sameBytes(null, new Uint8Array(0)), false);
  assert.equal(sameBytes(null, null), true);
});

// ---------------------------------------------------------------------------------------------
// parse.ts

const sidecarWith = (quote: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 1,
    source: 'r.txt',
    annotations: [
      { id: 'a', report: 'r', target: { paragraph: 'p', quote, position: { start: 0, end: 1 } }, tags: ['t'], created: T1, modified: T1, ...extra },
    ],
  });

test('parseSidecar: a quote without type, prefix and suffix reads with the defaults', () => {
  const r = parseSidecar(sidecarWith({ exact: 'x' }), 'f.annals.json');
  assert.deepEqual(r, {
    ok: true,
    value: {
      version: 1,
      source: 'r.txt',
      annotations: [
        {
          id: 'a',
          report: 'r',
          target: {
            paragraph: 'p',
            quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
            position: { type: 'TextPositionSelector', start: 0, end: 1 },
          },
          tags: ['t'],
          note: '',
          author: '',
          created: T1,
          modified: T1,
        },
      ],
    },
  });
});

test('parseSidecar: a wrong selector type and a non-string prefix are named', () => {
  const r = parseSidecar(sidecarWith({ type: 'X', exact: 'x', prefix: 3 }), 'f.annals.json');
  assert.deepEqual(r, {
    ok: false,
    problem: {
      code: 'inFile',
      args: [
        'f.annals.json',
        'annotations[0].target.quote.type: expected "TextQuoteSelector", found the string "X"; annotations[0].target.quote.prefix: expected a string, found the number 3',
      ],
    },
  });
});

// ---------------------------------------------------------------------------------------------
// merge.ts: an unparsable `modified` is the oldest time.

test('mergeAnnotations: an unparsable modified on disk loses to a valid local one, and wins against nothing newer', () => {
  const base = (modified: string, note: string) => ({ ...(unusual[3][1]() as unknown as Annotation), resolved: undefined, note, modified });
  const local = base(T1, 'local');
  const disk = base('not a date', 'disk');
  const r = mergeAnnotations([local], [disk], new Map(), new Map());
  assert.equal(r.annotations[0].note, 'local');
  assert.deepEqual(r.fromDisk, []);
  const r2 = mergeAnnotations([base('also not', 'local')], [base(T1, 'disk')], new Map(), new Map());
  assert.equal(r2.annotations[0].note, 'disk');
  assert.deepEqual(r2.fromDisk, ['a4']);
});

// ---------------------------------------------------------------------------------------------
// paths.ts and project.ts

test('sidecarPath: a file-system root that merely contains “x://” is not a URI (folder kept unencoded)', () => {
  assert.deepEqual(sidecarPath('/tmp/c://x/r.txt', { workspaceRoot: '/tmp/c://x', sidecarFolder: '#n' }), {
    ok: true,
    value: '/tmp/c://x/#n/r.txt.annals.json',
  });
  assert.deepEqual(sidecarPath('file:///ws/r.txt', { workspaceRoot: 'file:///ws', sidecarFolder: '#n' }), {
    ok: true,
    value: 'file:///ws/%23n/r.txt.annals.json',
  });
});

test('parseSidecarName: the name must end in .json', () => {
  assert.equal(parseSidecarName('d/r.txt.annals.json.bak'), null);
  assert.deepEqual(parseSidecarName('d/r.txt.annals.bob.json'), { source: 'd/r.txt', coder: 'bob' });
});

test('parseProject: unknown coding members and a non-array coders are named', () => {
  assert.deepEqual(parseProject('{"coding":{"mode":"shared","x":1}}'), {
    ok: false,
    problem: { code: 'inFile', args: ['.annals/project.json', 'coding.x: unknown property (Annals would drop it when saving)'] },
  });
  assert.deepEqual(parseProject('{"coders":5}'), {
    ok: false,
    problem: { code: 'inFile', args: ['.annals/project.json', 'coders: expected an array of coders, found the number 5'] },
  });
});

// ---------------------------------------------------------------------------------------------
// codebook.ts

const cbText = JSON.stringify({
  version: 1,
  tags: [
    { id: 'a', label: 'A', color: '#ffffff' },
    { id: 'b', label: 'B', color: '#ffffff', parent: 'a' },
    { id: 'c', label: 'C', color: '#ffffff', parent: 'b' },
    { id: 'd', label: 'D', color: '#ffffff' },
  ],
});
const cb = (): Codebook => {
  const r = parseCodebook(cbText, 'cb.json');
  assert.ok(r.ok);
  return r.value;
};

test('parseCodebook: a non-object tag, and an unknown parent named at its own index', () => {
  const r = parseCodebook('{"version":1,"tags":["x",{"id":"a","label":"A","color":"#fff"},{"id":"b","label":"B","color":"#fff","parent":"zz"}]}', 'cb.json');
  assert.deepEqual(r, {
    ok: false,
    problem: { code: 'inFile', args: ['cb.json', 'tags[0]: expected a tag object, found the string "x"; tags[2].parent: unknown tag id “zz”'] },
  });
});

test('addTag: the parent must be known; a known parent is kept', () => {
  const tag = { id: 'e', label: 'E', color: '#000000', description: '' };
  assert.deepEqual(addTag(cb(), { ...tag, parent: 'zz' }), { ok: false, problem: { code: 'unknownParentTag', args: ['zz'] } });
  const r = addTag(cb(), { ...tag, parent: 'd' });
  assert.ok(r.ok);
  assert.deepEqual(r.value.tags.at(-1), { ...tag, parent: 'd' });
  const r2 = addTag(cb(), tag);
  assert.ok(r2.ok);
  assert.deepEqual(r2.value.tags.at(-1), tag);
});

test('renameTag: an empty label is refused; the label is trimmed; only that tag changes', () => {
  assert.deepEqual(renameTag(cb(), 'a', '  '), { ok: false, problem: { code: 'emptyLabel', args: [] } });
  const r = renameTag(cb(), 'b', '  New  ');
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.tags.map((t) => t.label),
    ['A', 'New', 'C', 'D'],
  );
});

test('removeTag: children move up to the removed tag’s parent, or become roots', () => {
  const mid = removeTag(cb(), 'b');
  assert.ok(mid.ok);
  assert.deepEqual(
    mid.value.tags.map((t) => [t.id, t.parent ?? null]),
    [
      ['a', null],
      ['c', 'a'],
      ['d', null],
    ],
  );
  const top = removeTag(cb(), 'a');
  assert.ok(top.ok);
  assert.deepEqual(
    top.value.tags.map((t) => [t.id, t.parent ?? null]),
    [
      ['b', null],
      ['c', 'b'],
      ['d', null],
    ],
  );
});

// ---------------------------------------------------------------------------------------------
// agreement.ts

test('krippendorffAlpha: one unit, two coders who disagree: α = 0 (n = 2 is enough)', () => {
  assert.equal(krippendorffAlpha([['a', 'b']]), 0);
  assert.equal(krippendorffAlpha([['a', 'a']]), null, 'one value only: expected disagreement 0');
});

const unit = (paragraph: number, codes: (string[] | null)[]): CodedUnit => ({
  source: 's',
  report: 'r',
  paragraph,
  paragraphId: `p${paragraph}`,
  codes: codes.map((c) => (c ? new Set(c) : null)),
  annotations: codes.map(() => []),
});

test('disagreements on one tag: only where the coders differ on that tag', () => {
  const units = [unit(0, [['x'], ['x', 'y']]), unit(1, [['x'], []]), unit(2, [[], ['y']]), unit(3, [['x'], ['x'], []])];
  assert.deepEqual(
    disagreements(units, 'x').map((u) => u.paragraph),
    [1, 3],
  );
  assert.deepEqual(
    disagreements(units).map((u) => u.paragraph),
    [0, 1, 2, 3],
  );
});

test('tagsByAgreement: lowest first; tags with no value last, by id', () => {
  const agr = (alpha: number | null, kappa: number | null, percent: number | null) => ({ units: 1, percent, kappa, alpha });
  const result: AgreementResult = {
    coders: ['a', 'b'],
    units: 1,
    overall: agr(null, null, null),
    tags: { z: agr(null, null, null), m: agr(0.9, null, 100), b: agr(null, null, null), k: agr(null, 0.2, 50), c: agr(null, null, 10) },
  };
  assert.deepEqual(tagsByAgreement(result), ['c', 'k', 'm', 'b', 'z']);
});

test('codedUnits: each coder’s annotations on the paragraph (none: an empty list)', () => {
  const imp = fromText('第一段改革开放。\n\n第二段依法行政。\n');
  const report = imp.reports[0];
  const mk = (id: string, author: string, i: number, tags: string[]): Annotation => {
    const t = makeTarget(report, i);
    assert.ok(t.ok);
    return { id, report: report.id, target: t.value.target, tags, note: '', author, created: T1, modified: T1 };
  };
  const a1 = mk('a1', 'ann', 0, ['x']);
  const b1 = mk('b1', 'bob', 0, ['y']);
  const units = codedUnits('s', report, ['ann', 'bob', 'cy'], [a1, b1]);
  assert.equal(units.length, report.paragraphs.length);
  assert.deepEqual(units[0].annotations, [[a1], [b1], []]);
  assert.deepEqual(units[0].codes, [new Set(['x']), new Set(['y']), null]);
  assert.deepEqual(units[1].annotations, [[], [], []]);
});

// ---------------------------------------------------------------------------------------------
// qdpx/guid.ts: RFC 9562 version 5 UUIDs, checked against node:crypto's SHA-1.

const NAMESPACE = Buffer.from('4d1c1f0f6a2b5d3c9e8f0a1b2c3d4e5f', 'hex');
function uuid5(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(Buffer.from(name, 'utf8')).digest().subarray(0, 16);
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.toString('hex').toUpperCase();
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

test('stableGuid: SHA-1 name-based UUIDs across block boundaries (one, two and three blocks)', () => {
  for (const parts of [[], ['a'], ['x'.repeat(39)], ['x'.repeat(40)], ['y'.repeat(47)], ['z'.repeat(48)], ['政府工作报告'.repeat(20), 7]] as (
    | string
    | number
  )[][]) {
    const name = ['code', ...parts.map(String)].join('\u0000');
    assert.equal(stableGuid('code', ...parts), uuid5(name), `${name.length} characters`);
  }
  assert.equal(codeGuid('economy'), uuid5('code\u0000economy'));
  assert.equal(codeGuid('qdpx-0123456789abcdef0123456789abcdef'), '01234567-89AB-CDEF-0123-456789ABCDEF');
});

// Three coders on one unit (x: T, T, F): D = 2·1/2 + 1·2/2 = 2, E = 3² − (2² + 1²) = 4, α = 1 − 2·2/4 = 0.
test('computeAgreement: two coders, one tag: percent 50, κ 0, α 0.125; a unit one coder left out is not a unit', () => {
  const units = [unit(0, [['x'], ['x']]), unit(1, [['x'], []]), unit(2, [[], []]), unit(3, [[], ['x']]), unit(4, [['x'], null])];
  const x = { units: 4, percent: 50, kappa: 0, alpha: 0.125 };
  assert.deepEqual(computeAgreement(['a', 'b'], units), { coders: ['a', 'b'], units: 4, overall: x, tags: { x } });
  const three = computeAgreement(['a', 'b', 'c'], [unit(0, [['x'], ['x'], []])], ['x', 'y']);
  assert.deepEqual(three.tags, {
    x: { units: 1, percent: 0, kappa: null, alpha: 0 },
    y: { units: 1, percent: 100, kappa: null, alpha: null },
  });
});

test('cohenKappa: perfect disagreement −1; no shared unit or one value throughout: null', () => {
  assert.equal(
    cohenKappa([
      ['a', 'b'],
      ['b', 'a'],
    ]),
    -1,
  );
  assert.equal(
    cohenKappa([
      ['a', 'a'],
      ['b', 'b'],
    ]),
    1,
  );
  assert.equal(
    cohenKappa([
      ['a', 'a'],
      ['a', 'a'],
    ]),
    null,
  );
  assert.equal(
    cohenKappa([
      [null, 'a'],
      ['a', null],
    ]),
    null,
  );
});

test('coderFileId: the rules of a coder’s file name part', () => {
  const rows: [string, string][] = [
    ['  Li.Ming  ', 'li-ming'],
    ['李 明', '李-明'],
    ['!!', 'u21-21'],
    ['   ', 'u5f'],
    ['Annals', 'annals-coder'],
    ['annals.x', 'annals-x'],
    [`${'a'.repeat(63)}-b`, 'a'.repeat(63)],
  ];
  for (const [name, want] of rows) assert.equal(coderFileId(name), want, name);
});

test('parseCodebook: a parent cycle is named at its first tag, with the whole cycle', () => {
  const text = JSON.stringify({
    version: 1,
    tags: [
      { id: 'r', label: 'R', color: '#fff' },
      { id: 'a', label: 'A', color: '#fff', parent: 'b' },
      { id: 'b', label: 'B', color: '#fff', parent: 'c' },
      { id: 'c', label: 'C', color: '#fff', parent: 'a' },
    ],
  });
  assert.deepEqual(parseCodebook(text, 'cb.json'), {
    ok: false,
    problem: { code: 'inFile', args: ['cb.json', 'tags[1].parent: the parents form a cycle: a → b → c → a'] },
  });
});

test('moveTag: the subtree moves after the new parent’s last descendant, or to the end', () => {
  const ids = (r: ReturnType<typeof moveTag>) => {
    assert.ok(r.ok);
    return r.value.tags.map((t) => `${t.id}<${t.parent ?? ''}`);
  };
  assert.deepEqual(ids(moveTag(cb(), 'a', 'd')), ['d<', 'a<d', 'b<a', 'c<b']);
  assert.deepEqual(ids(moveTag(cb(), 'b', undefined)), ['a<', 'd<', 'b<', 'c<b']);
  assert.deepEqual(ids(moveTag(cb(), 'd', 'b')), ['a<', 'b<a', 'c<b', 'd<b']);
  assert.deepEqual(moveTag(cb(), 'a', 'c'), { ok: false, problem: { code: 'tagUnderItself', args: ['a', 'c'] } });
  assert.deepEqual(moveTag(cb(), 'a', 'zz'), { ok: false, problem: { code: 'unknownParentTag', args: ['zz'] } });
});

test('changeTagId: the children follow; a taken or invalid id is refused', () => {
  const r = changeTagId(cb(), 'b', 'bb');
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.tags.map((t) => `${t.id}<${t.parent ?? ''}`),
    ['a<', 'bb<a', 'c<bb', 'd<'],
  );
  assert.deepEqual(changeTagId(cb(), 'b', 'd'), { ok: false, problem: { code: 'tagExists', args: ['d'] } });
  assert.deepEqual(changeTagId(cb(), 'b', 'no space'), { ok: false, problem: { code: 'invalidTagId', args: ['no space'] } });
});

test('newTagId: ASCII letters and digits of the label, else tag; numbered until free', () => {
  const rows: [string, string][] = [
    ['A', 'a-2'],
    ['政府建设', 'tag'],
    ['--Ünïcode  Test--', 'unicode-test'],
    ['e', 'e'],
    ['Über Café', 'uber-cafe'],
  ];
  for (const [label, want] of rows) assert.equal(newTagId(cb(), label), want, label);
});

// parse.ts: each rule of the sidecar's shape, with the message it gives (or what it reads).
const A = (extra: Record<string, unknown> = {}, position: unknown = { start: 0, end: 1 }) => ({
  id: 'a',
  report: 'r',
  target: { paragraph: 'p', quote: { exact: 'x' }, position },
  tags: ['t'],
  created: T1,
  modified: T1,
  ...extra,
});
const S = (o: Record<string, unknown>) => JSON.stringify({ version: 1, source: 'r.txt', annotations: [A()], ...o });
/** The one annotation read, with these members changed. */
const read = (o: Record<string, unknown> = {}, position = { start: 0, end: 1 }) => ({
  ok: true,
  value: {
    version: 1,
    source: 'r.txt',
    annotations: [
      {
        id: 'a',
        report: 'r',
        target: {
          paragraph: 'p',
          quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', ...position },
        },
        tags: ['t'],
        note: '',
        author: '',
        created: T1,
        modified: T1,
        ...o,
      },
    ],
  },
});
const inFile = (arg: unknown) => ({ ok: false, problem: { code: 'inFile', args: ['f.json', arg] } });
const NOT_DATE = 'is not an ISO-8601 date and time in the years 0000–9999';
const sidecarRows: [string, string, unknown][] = [
  ['end before start', S({ annotations: [A({}, { start: 3, end: 2 })] }), inFile('annotations[0].target.position.end: end (2) is before start (3)')],
  ['an empty span (end = start) is fine', S({ annotations: [A({}, { start: 2, end: 2 })] }), read({}, { start: 2, end: 2 })],
  ['duplicate id', S({ annotations: [A(), A()] }), inFile('annotations[1].id: duplicate id “a” (also annotations[0])')],
  ['version 0', S({ version: 0 }), inFile({ code: 'sidecarVersionInvalid', args: ['the number 0'] })],
  ['version 1.5', S({ version: 1.5 }), inFile({ code: 'sidecarVersionInvalid', args: ['the number 1.5'] })],
  ['version "1"', S({ version: '1' }), inFile({ code: 'sidecarVersionInvalid', args: ['the string "1"'] })],
  ['no version', JSON.stringify({ source: 'r', annotations: [] }), inFile({ code: 'sidecarVersionMissing', args: [] })],
  ['a newer version', S({ version: 2 }), inFile({ code: 'sidecarNewer', args: ['2', '1'] })],
  ['an unknown top-level key', S({ extra: 1 }), inFile('extra: unknown property (Annals would drop it when saving)')],
  ['$schema is allowed', S({ $schema: 'x' }), read()],
  ['month 13', S({ annotations: [A({ created: '2026-13-01T00:00:00Z' })] }), inFile(`annotations[0].created: “2026-13-01T00:00:00Z” ${NOT_DATE}`)],
  ['modified not a date', S({ annotations: [A({ modified: 'soon' })] }), inFile(`annotations[0].modified: “soon” ${NOT_DATE}`)],
  [
    'empty and non-string tags',
    S({ annotations: [A({ tags: ['t', 't', '', 3] })] }),
    inFile('annotations[0].tags[2]: expected a tag id, found the string ""; annotations[0].tags[3]: expected a tag id, found the number 3'),
  ],
  ['a tag listed twice is read once', S({ annotations: [A({ tags: ['t', 'u', 't'] })] }), read({ tags: ['t', 'u'] })],
  ['tags missing', S({ annotations: [A({ tags: undefined })] }), inFile('annotations[0].tags: missing (expected an array of tag ids)')],
  ['tags a string', S({ annotations: [A({ tags: 't' })] }), inFile('annotations[0].tags: expected an array of tag ids, found the string "t"')],
  ['annotations missing', JSON.stringify({ version: 1 }), inFile('annotations: missing (expected an array)')],
  ['annotations an object', JSON.stringify({ version: 1, annotations: {} }), inFile('annotations: expected an array, found an object')],
  ['source a number', S({ source: 3 }), inFile('source: expected a string, found the number 3')],
  ['not an object', '[1]', inFile({ code: 'sidecarNotObject', args: ['an array'] })],
  ['an annotation that is not an object', S({ annotations: [5] }), inFile('annotations[0]: expected an annotation object, found the number 5')],
  ['target missing', S({ annotations: [A({ target: undefined })] }), inFile('annotations[0].target: missing (expected {paragraph, quote, position})')],
  ['target a string', S({ annotations: [A({ target: 'p' })] }), inFile('annotations[0].target: expected an object, found the string "p"')],
  ['position a string', S({ annotations: [A({}, 'x')] }), inFile('annotations[0].target.position: expected an object, found the string "x"')],
  [
    'position missing',
    S({ annotations: [A({ target: { paragraph: 'p', quote: { exact: 'x' } } })] }),
    inFile('annotations[0].target.position: missing (expected a TextPositionSelector)'),
  ],
  [
    'the wrong selector type and a fractional start',
    S({ annotations: [A({}, { start: 0.5, end: 1, type: 'TextQuoteSelector' })] }),
    inFile(
      'annotations[0].target.position.type: expected "TextPositionSelector", found the string "TextQuoteSelector"; annotations[0].target.position.start: expected a whole number ≥ 0, found the number 0.5',
    ),
  ],
  [
    'resolvedBy not a string, resolved not a date',
    S({ annotations: [A({ resolved: 'x', resolvedBy: 3 })] }),
    inFile(`annotations[0].resolvedBy: expected a string, found the number 3; annotations[0].resolved: “x” ${NOT_DATE}`),
  ],
  [
    'resolved, resolvedBy, note and author read',
    S({ annotations: [A({ resolved: T1, resolvedBy: 'lead', note: 'n', author: 'au' })] }),
    read({ note: 'n', author: 'au', resolvedBy: 'lead', resolved: T1 }),
  ],
  [
    'unknown keys in the annotation, target, quote and position',
    S({ annotations: [{ ...A({ x: 1 }), target: { paragraph: 'p', y: 1, quote: { exact: 'x', z: 1 }, position: { start: 0, end: 1, w: 1 } } }] }),
    inFile(
      [
        'annotations[0].x: unknown property (Annals would drop it when saving)',
        'annotations[0].target.y: unknown property (Annals would drop it when saving)',
        'annotations[0].target.quote.z: unknown property (Annals would drop it when saving)',
        'annotations[0].target.position.w: unknown property (Annals would drop it when saving)',
      ].join('; '),
    ),
  ],
];
for (const [name, text, want] of sidecarRows) {
  test(`parseSidecar: ${name}`, () => assert.deepEqual(parseSidecar(text, 'f.json'), want));
}

// ---------------------------------------------------------------------------------------------
// memos.ts

test('memoPaths: file names made safe; kind() reads report and project memos only', () => {
  assert.equal(memoPaths.report('a/b:c'), '.annals/memos/reports/a-b-c.md');
  assert.equal(memoPaths.report('x\u0001\u007fy'), '.annals/memos/reports/x-y.md');
  assert.equal(memoPaths.project('..'), '.annals/memos/memo.md');
  assert.equal(memoPaths.project(' .Plan. '), '.annals/memos/Plan.md');
  const rows: [string, unknown][] = [
    ['.annals/memos/reports/r1.md', { kind: 'report', report: 'r1' }],
    ['./.annals/memos/reports/r1.md', { kind: 'report', report: 'r1' }],
    ['.annals\\memos\\reports\\r2.md', { kind: 'report', report: 'r2' }],
    ['.annals/memos/Plan.MD', { kind: 'project', name: 'Plan' }],
    ['.annals/memos/sub/x.md', null],
    ['.annals/memos/reports/x.txt', null],
    ['xannals/memos/x.md', null],
    ['.annalsXmemos/x.md', null],
    ['a/.annals/memos/x.md', null],
    ['.annals/memos/x.md.bak', null],
  ];
  for (const [p, want] of rows) assert.deepEqual(memoPaths.kind(p), want, p);
});

test('collectMemos: project memos sorted by name, report memos by id, other files ignored', () => {
  assert.deepEqual(
    collectMemos([
      { path: '.annals/memos/b.md', text: 'B' },
      { path: '.annals/memos/reports/r1.md', text: 'R' },
      { path: 'notes.md', text: 'N' },
      { path: '.annals/memos/a.md', text: 'A' },
    ]),
    {
      project: [
        { name: 'a', text: 'A' },
        { name: 'b', text: 'B' },
      ],
      reports: { r1: 'R' },
    },
  );
});

test('memoExcerpt: the first line with text, without heading marks, cut with an ellipsis', () => {
  assert.equal(memoExcerpt('\r\n  \n## Title  \nmore'), 'Title');
  assert.equal(memoExcerpt('#'), '');
  assert.equal(memoExcerpt(''), '');
  assert.equal(memoExcerpt('abcdef', 4), 'abc…');
  assert.equal(memoExcerpt('abcd', 4), 'abcd');
  assert.equal(memoExcerpt('x'.repeat(81)), `${'x'.repeat(79)}…`);
});

// dates.ts (through the sidecar's `created`): an ISO-8601 date and time, a real day, in 0000–9999.
test('parseSidecar created: the date-time rules', () => {
  const rows: [string, boolean][] = [
    ['2024-02-29T00:00Z', true],
    ['2023-02-29T00:00Z', false],
    ['1900-02-29T00:00Z', false],
    ['2000-02-29T00:00Z', true],
    ['2026-04-30T00:00Z', true],
    ['2026-04-31T00:00Z', false],
    ['2026-12-31T00:00Z', true],
    ['2026-00-10T00:00Z', false],
    ['2026-01-00T00:00Z', false],
    ['2026-01-31T24:00Z', false],
    ['2026-01-31T23:60Z', false],
    ['2026-01-31T23:59:60Z', false],
    ['2026-01-31T23:59:59Z', true],
    ['2026-01-01T00:00:00.123456+08:00', true],
    ['2026-01-01T00:00+23:59', true],
    ['2026-01-01T00:00+24:00', false],
    ['2026-01-01T00:00-00:60', false],
    ['0000-01-01T00:00:00Z', true],
    ['0000-01-01T00:00:00+00:01', false],
    ['9999-12-31T23:59:59.999Z', true],
    ['9999-12-31T23:59:59-00:01', false],
    ['March 1, 2026', false],
    ['2026-01-01', false],
    ['2026-01-01T00:00', false],
    [' 2026-01-01T00:00Z', false],
  ];
  for (const [created, good] of rows) {
    const r = parseSidecar(S({ annotations: [A({ created })] }), 'f.json');
    assert.deepEqual(r, good ? read({ created }) : inFile(`annotations[0].created: “${created}” ${NOT_DATE}`), created);
  }
});

test('csvField: quoting, doubled quotes, and the formula guard', () => {
  const rows: [string, string][] = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['a=b', 'a=b'],
    ['=a,b', `"'=a,b"`],
  ];
  for (const [v, want] of rows) assert.equal(csvField(v), want, JSON.stringify(v));
});

// host.ts
test('isNotFound: the codes and names hosts use for a missing file', () => {
  const rows: [unknown, boolean][] = [
    [{ code: 'ENOENT' }, true],
    [{ code: 'FileNotFound' }, true],
    [{ code: 'EntryNotFound' }, true],
    [{ name: 'EntryNotFound (FileSystemError)' }, true],
    [{ name: 'FileNotFound' }, true],
    [{ name: 'XFileNotFound' }, false],
    [{ code: 'EEXIST' }, false],
    [new Error('ENOENT'), false],
    [null, false],
  ];
  for (const [e, want] of rows) assert.equal(isNotFound(e), want, JSON.stringify(e));
});

test('writeFileAtomic: through the link to its target; a failed write removes the temporary file', async () => {
  const log: string[] = [];
  const host = (failWrite: boolean) =>
    ({
      realPath: async (p: string) => `${p}-real`,
      writeFile: async (p: string) => {
        log.push(`write ${p.replace(/\.[0-9a-z]{8}\.tmp$/, '.TMP')}`);
        if (failWrite) throw new Error('disk full');
      },
      rename: async (from: string, to: string, o: { overwrite: boolean }) =>
        log.push(`rename ${from.replace(/\.[0-9a-z]{8}\.tmp$/, '.TMP')} ${to} ${o.overwrite}`),
      delete: async (p: string) => log.push(`delete ${p.replace(/\.[0-9a-z]{8}\.tmp$/, '.TMP')}`),
    }) as unknown as FileHost;
  assert.deepEqual(await writeFileAtomic(host(false), '/w/f', new Uint8Array(1)), { ok: true, value: undefined });
  assert.deepEqual(log.splice(0), ['write /w/f-real.TMP', 'rename /w/f-real.TMP /w/f-real true']);
  assert.deepEqual(await writeFileAtomic(host(true), '/w/f', new Uint8Array(1)), { ok: false, problem: { code: 'writeFailed', args: ['/w/f', 'disk full'] } });
  assert.deepEqual(log.splice(0), ['write /w/f-real.TMP', 'delete /w/f-real.TMP']);
});

test('encodeSidecar: a target with a paragraph only still writes both selectors’ types', () => {
  const a = { id: 'a6', report: 'r', target: { paragraph: 'p' }, tags: [], note: '', author: '', created: T1, modified: T1 };
  const want = generic([{ ...a, target: { paragraph: 'p', quote: { type: 'TextQuoteSelector' }, position: { type: 'TextPositionSelector' } } }]);
  assert.equal(decode(encodeSidecar({ version: 1, source: 'r.txt', annotations: [a as unknown as Annotation] })), want);
});

test('parseSidecar: every top-level error, joined with “; ”', () => {
  assert.deepEqual(
    parseSidecar(JSON.stringify({ version: 1, extra: 1 }), 'f.json'),
    inFile('extra: unknown property (Annals would drop it when saving); annotations: missing (expected an array)'),
  );
});

test('tagsByAgreement: tags with no value, in any order, come last sorted by id', () => {
  const none = { units: 0, percent: null, kappa: null, alpha: null };
  const result: AgreementResult = { coders: ['a', 'b'], units: 0, overall: none, tags: { y: none, w: none, z: none, x: none } };
  assert.deepEqual(tagsByAgreement(result), ['w', 'x', 'y', 'z']);
});

test('qdpxParts: no codebook; attribute values escape quotes, line ends and tabs', () => {
  const empty = qdpxParts([], null);
  assert.equal(empty.files.size, 0);
  assert.match(empty.qde, /^<\?xml/);
  const cbq: Codebook = { version: 1, tags: [{ id: 'q', label: 'say "a"\nb\tc', color: '#ffffff', description: '' }] };
  const { qde } = qdpxParts([], cbq);
  assert.ok(qde.includes(' name="say &quot;a&quot;&#10;b&#9;c"'), qde);
});
