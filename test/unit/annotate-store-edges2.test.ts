/**
 * Edge rows for the annotation store, annotation ids and spans, code point offsets, the codebook and
 * targets (src/core/annotate: store.ts, annotation.ts, codepoints.ts, codebook.ts, targets.ts). Each
 * row is named for the slip it catches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type Annotation,
  type AnnotationTarget,
  AnnotationStore,
  addTag,
  CodePointIndex,
  type Codebook,
  exportRows,
  type FileHost,
  makeTarget,
  moveTag,
  newTagId,
  parseCodebook,
  recolorTag,
  removeTag,
  renameTag,
  serializeSidecar,
  setTagMemo,
  tagInfo,
  utf16ToCodePoint,
} from '../../src/core/annotate/index.ts';
import { problemText, type Report } from '../../src/core/index.ts';
import { fromText } from './helpers.ts';
import { fakeClock, MemFs } from './memfs.ts';

const SRC = '/ws/reports/nanhai.txt';
const SIDE = '/ws/reports/nanhai.txt.annals.json';

// ---------------------------------------------------------------------------------------------
// codebook.ts

const why = (r: { ok: true } | { ok: false; problem: Parameters<typeof problemText>[0] }) => (r.ok ? 'ok' : problemText(r.problem));
const CB = '.annals/codebook.json: ';

test('codebook: each malformed file gets its own exact message', () => {
  const rows: [string, string][] = [
    ['{"version":0,"tags":[]}', `${CB}version: expected a whole number ≥ 1, found the number 0`],
    ['{"version":1.5,"tags":[]}', `${CB}version: expected a whole number ≥ 1, found the number 1.5`],
    ['{"version":"1","tags":[]}', `${CB}version: expected a whole number ≥ 1, found the string "1"`],
    ['{"version":2,"tags":[]}', `${CB}version 2 was written by a newer Annals (this one reads version 1); update Annals to use it.`],
    ['{"version":1}', `${CB}tags: missing (expected an array of tags)`],
    ['{"version":1,"tags":{}}', `${CB}tags: expected an array of tags, found an object`],
    ['{"version":0,"tags":{}}', `${CB}version: expected a whole number ≥ 1, found the number 0; tags: expected an array of tags, found an object`],
    ['{"tags":[{"id":"","label":"法治","color":"#fff"}]}', `${CB}tags[0].id: must not be empty`],
    ['{"tags":[{"id":"a","label":"","color":"#fff"}]}', `${CB}tags[0].label: must not be empty`],
    // A tag missing a colour is not checked as a colour too; one missing its id, label or colour is
    // left out, so its unknown parent is not reported as well.
    ['{"tags":[{"id":"a","label":"x"}]}', `${CB}tags[0].color: missing (expected a string)`],
    ['{"tags":[{"label":"x","color":"#fff","parent":"nope"}]}', `${CB}tags[0].id: missing (expected a string)`],
    ['{"tags":[{"id":"a","color":"#fff","parent":"nope"}]}', `${CB}tags[0].label: missing (expected a string)`],
    ['{"tags":[{"id":"a","label":"x","parent":"nope"}]}', `${CB}tags[0].color: missing (expected a string)`],
    ['{"tags":[{"id":"a","label":"x","color":"#fff","description":5}]}', `${CB}tags[0].description: expected a string, found the number 5`],
  ];
  for (const [text, message] of rows) assert.equal(why(parseCodebook(text)), message, text);
});

test('codebook: a file without a version reads as version 1, and a description is kept', () => {
  const r = parseCodebook('{"tags":[{"id":"a","label":"执法","color":"#fff","description":"执法检查"}]}');
  assert.deepEqual(r, { ok: true, value: { version: 1, tags: [{ id: 'a', label: '执法', color: '#fff', description: '执法检查' }] } });
  const bare = parseCodebook('{"version":1,"tags":[{"id":"b","label":"复议","color":"#000"}]}');
  assert.deepEqual(bare, { ok: true, value: { version: 1, tags: [{ id: 'b', label: '复议', color: '#000', description: '' }] } });
});

const book = (): Codebook => ({
  version: 1,
  tags: [
    { id: 'law', label: '法治', color: '#111111', description: '' },
    { id: 'review', label: '复议', color: '#222222', description: '', parent: 'law', memo: '复议案件' },
    { id: 'figures', label: '数据', color: '#333333', description: '' },
  ],
});

test('codebook edits: each refusal names what is wrong', () => {
  const cb = book();
  const base = { label: '新标签', color: '#abcdef', description: '' };
  assert.equal(why(addTag(cb, { id: 'bad id', ...base })), '“bad id” is not a valid tag id (letters, digits, “.”, “_”, “-”; at most 64 characters)');
  assert.equal(why(addTag(cb, { id: 'law', ...base })), 'a tag with id “law” already exists');
  assert.equal(why(addTag(cb, { ...base, id: 'new', label: '   ' })), 'the label must not be empty');
  assert.equal(why(addTag(cb, { ...base, id: 'new', color: 'red' })), '“red” is not a colour (expected #rrggbb or #rgb)');
  assert.equal(why(addTag(cb, { ...base, id: 'new', parent: 'zz' })), 'unknown parent tag “zz”');
  assert.equal(why(renameTag(cb, 'zz', '新名')), 'no tag with id “zz”');
  assert.equal(why(setTagMemo(cb, 'zz', '备忘')), 'no tag with id “zz”');
  assert.equal(why(removeTag(cb, 'zz')), 'no tag with id “zz”');
  assert.equal(why(recolorTag(cb, 'zz', '#ffffff')), 'no tag with id “zz”');
});

test('codebook edits touch only the tag named', () => {
  const cb = book();
  const memo = setTagMemo(cb, 'figures', '统计口径');
  assert.ok(memo.ok);
  assert.deepEqual(memo.value.tags[1], cb.tags[1], 'another tag keeps its memo');
  assert.deepEqual(memo.value.tags[2], { id: 'figures', label: '数据', color: '#333333', description: '', memo: '统计口径' });
  const recolored = recolorTag(cb, 'figures', '#00ff00');
  assert.ok(recolored.ok);
  assert.deepEqual(
    recolored.value.tags.map((t) => t.color),
    ['#111111', '#222222', '#00ff00'],
  );
});

test('codebook: removing a top-level tag lifts its children to the top without a parent key', () => {
  const r = removeTag(book(), 'law');
  assert.ok(r.ok);
  assert.deepEqual(r.value.tags, [
    { id: 'review', label: '复议', color: '#222222', description: '', memo: '复议案件' },
    { id: 'figures', label: '数据', color: '#333333', description: '' },
  ]);
});

test('codebook: moving a tag to the top drops its parent key; under an unrelated tag is allowed; under its own grandchild is not', () => {
  const top = moveTag(book(), 'review', undefined);
  assert.ok(top.ok);
  assert.deepEqual(top.value.tags.at(-1), { id: 'review', label: '复议', color: '#222222', description: '', memo: '复议案件' });
  const under = moveTag(book(), 'figures', 'law');
  assert.ok(under.ok);
  assert.deepEqual(
    under.value.tags.map((t) => [t.id, t.parent]),
    [
      ['law', undefined],
      ['review', 'law'],
      ['figures', 'law'],
    ],
  );
  // The grandchild is listed before its parent: the subtree must be followed to its end.
  const cb: Codebook = {
    version: 1,
    tags: [
      { id: 'grandchild', label: '孙', color: '#111111', description: '', parent: 'child' },
      { id: 'child', label: '子', color: '#111111', description: '', parent: 'root' },
      { id: 'root', label: '根', color: '#111111', description: '' },
    ],
  };
  assert.equal(why(moveTag(cb, 'root', 'grandchild')), 'tag “root” cannot go under “grandchild”, which is the tag itself or one of its own child tags');
});

test('codebook: an unknown tag and a new tag id', () => {
  assert.equal(tagInfo(null, 'x').description, 'Unknown tag “x”: not in the codebook. Annotations keep it.');
  assert.equal(newTagId(book(), 'Über Recht'), 'uber-recht');
  assert.equal(newTagId(book(), '法治'), 'tag');
  assert.equal(newTagId(book(), 'Administrative reconsideration and litigation cases handled'), 'administrative-reconsideration-and-litigation-ca');
});

// ---------------------------------------------------------------------------------------------
// annotation.ts: whole paragraph or span, as exports show it for an annotation whose report is gone

function orphan(id: string, prefix: string, suffix: string): Annotation {
  return {
    id,
    report: 'gone',
    target: {
      paragraph: 'p00000001',
      quote: { type: 'TextQuoteSelector', exact: '全年办理行政复议案件', prefix, suffix },
      position: { type: 'TextPositionSelector', start: 0, end: 10 },
    },
    tags: [],
    note: '',
    author: '',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

test('span or whole paragraph: a line break or the text edge on both sides is a whole paragraph', () => {
  const rows: [string, string, boolean][] = [
    ['', '', false],
    ['一、主要举措\n', '\n二、存在问题', false],
    ['\n', '', false],
    ['', '\n', false],
    ['一、主要举措\n共计', '\n', true],
    ['\n', '，共计918宗', true],
    ['共计', '', true],
    ['', '，共计', true],
  ];
  const imp = fromText('某区2020年度法治政府建设工作报告\n\n一、主要举措\n\n执法不够规范。\n');
  const got = exportRows([{ source: 'r.txt', imp, annotations: rows.map(([p, s], i) => orphan(`a${i}`, p, s)) }], null);
  assert.deepEqual(
    got.map((r) => [r.annotation.target.quote.prefix, r.annotation.target.quote.suffix, r.span]),
    rows,
  );
});

// ---------------------------------------------------------------------------------------------
// codepoints.ts

test('code points: astral characters at the edges of the surrogate ranges count as one; lone surrogates as one each', () => {
  // U+10000 (high D800), U+103FF (low DFFF), U+10FFFD (high DBFF), a lone low surrogate followed by another, a high one before a private-use character.
  const rows: [string, number, number][] = [
    ['\u{10000}x', 3, 2],
    ['\u{103FF}x', 3, 2],
    ['\u{10FFFD}x', 3, 2],
    ['\uDC00\uDC01x', 3, 3],
    ['\uD800\uE000x', 3, 3],
  ];
  for (const [text, utf16, cp] of rows) {
    assert.equal(utf16ToCodePoint(text, utf16), cp, JSON.stringify(text));
    assert.equal(new CodePointIndex(text).toUtf16(cp), utf16, JSON.stringify(text));
  }
});

function bare(text: string, paragraphs: [number, number][]): Report {
  return {
    id: 'r1',
    text,
    paragraphs: paragraphs.map(([start, end], i) => ({ id: `p${i}`, start, end, text: text.slice(start, end), line: i })),
  } as unknown as Report;
}

test('quote context: the last and first 32 code points, astral characters and lone surrogates whole', () => {
  const A = '\u{10000}'; // high surrogate D800
  const Z = '\u{10FFFD}'; // high surrogate DBFF, low DFFD
  const L = '\u{103FF}'; // low surrogate DFFF
  // Text that starts with the paragraph before: a short prefix is all of it.
  const short = `${A.repeat(20)}\n${'𠀀'.repeat(3)}`;
  const t1 = makeTarget(
    bare(short, [
      [0, 40],
      [41, 47],
    ]),
    1,
  );
  assert.ok(t1.ok);
  assert.equal(t1.value.target.quote.prefix, `${A.repeat(20)}\n`);
  assert.deepEqual(t1.value.target.position, { type: 'TextPositionSelector', start: 21, end: 24 });
  const mixed = `执法${Z.repeat(16)}${L.repeat(16)}\n结尾`;
  const t2 = makeTarget(
    bare(mixed, [
      [0, 66],
      [67, 69],
    ]),
    1,
  );
  assert.ok(t2.ok);
  assert.equal(t2.value.target.quote.prefix, `${Z.repeat(15)}${L.repeat(16)}\n`);
  const t2b = makeTarget(
    bare(mixed, [
      [0, 66],
      [67, 69],
    ]),
    0,
  );
  assert.ok(t2b.ok);
  assert.equal(t2b.value.target.quote.suffix, '\n结尾');
  // Damaged text (a broken converter): a lone high surrogate before a letter, a lone low one after a letter; each is one character.
  const fill = '依法行政'.repeat(10);
  const highFirst = `${fill}\uD840b\n段落`;
  const t3 = makeTarget(
    bare(highFirst, [
      [0, 42],
      [43, 45],
    ]),
    1,
  );
  assert.ok(t3.ok);
  assert.equal(t3.value.target.quote.prefix, `${fill.slice(-29)}\uD840b\n`);
  const lowAfter = `${fill}c\uDC00\n段落`;
  const t3b = makeTarget(
    bare(lowAfter, [
      [0, 42],
      [43, 45],
    ]),
    1,
  );
  assert.ok(t3b.ok);
  assert.equal(t3b.value.target.quote.prefix, `${fill.slice(-29)}c\uDC00\n`);
  const highBeforeComma = `${fill}\uD840，\n段落`;
  const t3c = makeTarget(
    bare(highBeforeComma, [
      [0, 42],
      [43, 45],
    ]),
    1,
  );
  assert.ok(t3c.ok);
  assert.equal(t3c.value.target.quote.prefix, `${fill.slice(-29)}\uD840，\n`);
  // Full-width punctuation (U+FF0C and up, above the surrogates) in a long suffix: one code unit each.
  const long = `一、主要举措\n${'，行政复议'.repeat(10)}\n`;
  const t4 = makeTarget(
    bare(long, [
      [0, 6],
      [7, 57],
    ]),
    0,
  );
  assert.ok(t4.ok);
  assert.equal(t4.value.target.quote.suffix, `\n${'，行政复议'.repeat(6)}，`);
  const astral = `一、主要举措\n${A.repeat(20)}${Z.repeat(20)}`;
  const t5 = makeTarget(
    bare(astral, [
      [0, 6],
      [7, 87],
    ]),
    0,
  );
  assert.ok(t5.ok);
  assert.equal(t5.value.target.quote.suffix, `\n${A.repeat(20)}${Z.repeat(11)}`);
});

// ---------------------------------------------------------------------------------------------
// targets.ts

const REPORT = fromText('某区2020年度法治政府建设工作报告\n\n一、主要举措\n\n全年办理行政复议案件，共计918宗；\n\n二、存在问题\n\n执法不够规范。\n').reports[0];
const P = REPORT.paragraphs.findIndex((p) => p.text.startsWith('全年'));

test('targets: a selection from the paragraph start, to its end, or starting before it', () => {
  const p = REPORT.paragraphs[P];
  const rows: [{ start: number; end: number }, string, boolean][] = [
    [{ start: p.start, end: p.start + 10 }, '全年办理行政复议案件', false],
    [{ start: p.start + 11, end: p.end }, '共计918宗；', false],
    [{ start: p.start, end: p.end }, '全年办理行政复议案件，共计918宗；', true],
    // Starting in the paragraph before: not inside the paragraph, so the whole paragraph.
    [{ start: p.start - 3, end: p.start + 4 }, '全年办理行政复议案件，共计918宗；', true],
  ];
  for (const [sel, exact, whole] of rows) {
    const t = makeTarget(REPORT, P, sel);
    assert.ok(t.ok);
    assert.deepEqual([t.value.target.quote.exact, t.value.whole], [exact, whole], JSON.stringify(sel));
  }
});

test('targets: an index made for another text is not used for the positions', () => {
  const other = new CodePointIndex(`${'𠀀'.repeat(30)}`);
  const t = makeTarget(REPORT, P, undefined, other);
  const plain = makeTarget(REPORT, P);
  assert.ok(t.ok && plain.ok);
  const p = REPORT.paragraphs[P];
  assert.deepEqual(t.value.target.position, { type: 'TextPositionSelector', start: p.start, end: p.end });
  assert.deepEqual(t.value.target, plain.value.target);
});

// ---------------------------------------------------------------------------------------------
// store.ts

function target(n: number, over: Partial<AnnotationTarget> = {}): AnnotationTarget {
  return {
    paragraph: `p${n.toString(16).padStart(8, '0')}`,
    quote: { type: 'TextQuoteSelector', exact: `段落${n}`, prefix: '\n', suffix: '\n' },
    position: { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 4 },
    ...over,
  };
}

function counter(prefix = 'a') {
  let n = 0;
  return () => `${prefix}${(n++).toString().padStart(4, '0')}`;
}

const open = (fs: FileHost, options: Parameters<typeof AnnotationStore.open>[2] = {}) =>
  AnnotationStore.open(fs, SRC, { author: 'tester', now: fakeClock(), newId: counter(), ...options });

const message = (r: { ok: boolean; problem?: Parameters<typeof problemText>[0] }) => (r.ok ? 'ok' : problemText(r.problem!));

test('store: ids from the platform are a + 16 hex digits; an id already taken is never reused', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock() });
  for (let i = 0; i < 12; i++) {
    const a = s.add({ report: 'r', target: target(i), tags: [] });
    assert.ok(a.ok);
    assert.match(a.value.id, /^a[0-9a-f]{16}$/);
  }
  const same = await AnnotationStore.open(new MemFs(), SRC, { now: fakeClock(), newId: () => 'a0000000000000001' });
  const one = same.add({ report: 'r', target: target(1), tags: [] });
  const two = same.add({ report: 'r', target: target(2), tags: [] });
  assert.ok(one.ok && two.ok);
  assert.notEqual(two.value.id, one.value.id);
  assert.match(two.value.id, /^a[0-9a-f]{16}$/);
  assert.equal(same.size, 2);
});

test('store: bad input to add, insert and update is refused with its own message, never thrown', async () => {
  const s = await open(new MemFs());
  const t = target(1);
  const bad: unknown[] = [
    { report: '', target: t, tags: [] },
    { report: 'r', target: undefined, tags: [] },
    { report: 'r', target: { ...t, paragraph: '' }, tags: [] },
    { report: 'r', target: { ...t, paragraph: 5 }, tags: [] },
    { report: 'r', target: { ...t, quote: undefined }, tags: [] },
    { report: 'r', target: { ...t, position: undefined }, tags: [] },
    { report: 'r', target: { ...t, position: { type: 'TextPositionSelector', start: -1, end: 4 } }, tags: [] },
  ];
  assert.deepEqual(
    bad.map((b) => message(s.add(b as never))),
    [
      'an annotation needs a report id',
      'an annotation needs a target paragraph',
      'an annotation needs a target paragraph',
      'an annotation target needs a paragraph id, a quote and a position in whole numbers, its end not before its start',
      'an annotation target needs a paragraph id, a quote and a position in whole numbers, its end not before its start',
      'an annotation target needs a paragraph id, a quote and a position in whole numbers, its end not before its start',
      'an annotation target needs a paragraph id, a quote and a position in whole numbers, its end not before its start',
    ],
  );
  assert.deepEqual(s.insert(bad.map((b, i) => ({ id: `x${i}`, note: '', author: '', created: '', modified: '', ...(b as object) }) as Annotation)), {
    ok: true,
    value: { added: [], skipped: 7 },
  });
  const a = s.add({ report: 'r', target: t, tags: ['law', '', 'law', 'figures'] });
  assert.ok(a.ok);
  assert.deepEqual(a.value.tags, ['law', 'figures'], 'empty and repeated tags are dropped');
  assert.equal(
    message(s.update(a.value.id, { target: { ...t, paragraph: '' } })),
    'an annotation target needs a paragraph id, a quote and a position in whole numbers, its end not before its start',
  );
});

test('store: an unreadable sidecar refuses insert, update and remove with the reason; a fixed file saves without a reload', async () => {
  const fs = new MemFs();
  fs.put(SIDE, '{"version": 1, "annotations": [}');
  const s = await open(fs);
  const refusal = `${SIDE}: invalid JSON at line 1, column 32: expected a value, found “}” Edits to these annotations are refused until the file is fixed.`;
  assert.equal(message(s.add({ report: 'r', target: target(1), tags: [] })), refusal);
  assert.equal(message(s.insert([])), refusal);
  assert.equal(message(s.update('a0000', { note: 'x' })), refusal);
  assert.equal(message(s.remove('a0000')), refusal);
  fs.put(SIDE, serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: [] }));
  assert.deepEqual(await s.save(), { ok: true, value: { written: false } });
  assert.equal(s.readOnly, false);
});

test('store: the messages of a sidecar too large, not UTF-8, or unreadable', async () => {
  const big = new MemFs();
  big.put(SIDE, serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: [] }));
  assert.equal(problemText((await open(big, { maxText: 10 })).error!), `${SIDE}: is too large to read (0 MB; a sidecar can hold at most about 0 MB of text).`);
  const latin1 = new MemFs();
  latin1.files.set(SIDE, new Uint8Array([0x7b, 0xe9, 0x7d]));
  assert.equal(problemText((await open(latin1)).error!), `${SIDE}: is not UTF-8 text.`);
  const denied = new MemFs();
  denied.put(SIDE, '{}');
  denied.readFile = async () => {
    throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
  };
  assert.equal(problemText((await open(denied)).error!), `${SIDE}: cannot be read (permission denied).`);
});

test('store: a sidecar folder outside the workspace: save and reload say so', async () => {
  const s = await open(new MemFs(), { workspaceRoot: '/ws', sidecarFolder: '../elsewhere' });
  const outside = 'the sidecar folder “../elsewhere” leaves the workspace; it must be a folder inside it, such as .annals/sidecars';
  assert.equal(message(await s.save()), `${outside} Not saved: the file is left as it is, and edits are refused until it is fixed.`);
  assert.equal(message(await s.reload()), outside);
});

test('store: a sidecar that breaks is reported once per problem; the save says why it was not saved', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  const events: unknown[] = [];
  s.onDidChange((e) => events.push(e));
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  fs.put(SIDE, '<<<<<<< HEAD\n');
  const first = await s.reload();
  assert.equal(message(first), `${SIDE}: invalid JSON at line 1, column 1: expected a value, found “<”`);
  assert.equal(s.readOnly, true);
  assert.equal(events.length, 2);
  await s.reload();
  assert.equal(events.length, 2, 'the same problem again is not reported again');
  fs.put(SIDE, '[]');
  assert.equal(
    message(await s.save()),
    `${SIDE}: expected an object with "version" and "annotations", found an array Not saved: the file is left as it is, and edits are refused until it is fixed.`,
  );
  assert.deepEqual(events, [
    { reason: 'save', ids: [] },
    { reason: 'error', ids: [] },
    { reason: 'error', ids: [] },
  ]);
});

test('store: a failed write names the file and the cause', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  fs.failNextWriteAfter = 10;
  assert.equal(message(await s.save()), `${SIDE}: could not be saved (disk full (simulated)). The previous file is intact; the changes are kept in memory.`);
});

test('store: temporary files of an interrupted save are removed on open, and only those', async () => {
  const fs = new MemFs();
  fs.put(SIDE, serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: [] }));
  for (const n of ['.abcd1234.tmp', '.abcd1234.tmp.keep', '.backup.abcd1234.tmp']) fs.put(SIDE + n, 'x');
  await open(fs);
  assert.deepEqual(fs.paths(), [SIDE, `${SIDE}.abcd1234.tmp.keep`, `${SIDE}.backup.abcd1234.tmp`]);
});

test('store: a save writes a temporary file that the next open would recognise', async () => {
  const fs = new MemFs();
  const written: string[] = [];
  const write = fs.writeFile.bind(fs);
  fs.writeFile = async (path, data) => {
    written.push(path);
    return write(path, data);
  };
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  await s.save();
  const temps = written.filter((p) => p !== SIDE);
  assert.equal(temps.length, 1);
  assert.match(temps[0].slice(SIDE.length), /^\.[0-9a-z]{8}\.tmp$/);
});

test('store: update and remove after a save make the store dirty again; a save with nothing to write leaves it clean', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  const a = s.add({ report: 'r', target: target(1), tags: [] });
  const b = s.add({ report: 'r', target: target(2), tags: [] });
  assert.ok(a.ok && b.ok);
  await s.save();
  assert.equal(s.dirty, false);
  assert.ok(s.update(a.value.id, { note: '复核' }).ok);
  assert.equal(s.dirty, true);
  await s.save();
  assert.ok(s.remove(b.value.id).ok);
  assert.equal(s.dirty, true);
  await s.save();
  const again = await open(fs);
  assert.deepEqual(await again.save(), { ok: true, value: { written: false } });
  assert.equal(again.dirty, false);
});

test('store: a sidecar deleted outside is written again with what is here; an unsaved annotation keeps the store dirty after the reload', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  await s.save();
  s.add({ report: 'r', target: target(2), tags: [] });
  fs.files.delete(SIDE);
  const events: unknown[] = [];
  s.onDidChange((e) => events.push(e));
  assert.deepEqual(await s.reload(), { ok: true, value: { changed: true } });
  assert.deepEqual(events, [{ reason: 'reload', ids: ['a0000'] }]);
  assert.deepEqual(
    s.all().map((a) => a.id),
    ['a0001'],
  );
  assert.equal(s.dirty, true);
  // Deleted again after a save: what was saved goes (deleted outside), what is new is written.
  await s.save();
  fs.files.delete(SIDE);
  s.add({ report: 'r', target: target(3), tags: [] });
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.deepEqual(
    JSON.parse(fs.text(SIDE)!).annotations.map((a: Annotation) => a.id),
    ['a0002'],
  );
});

test('store: the grouping by report follows a reload and then an add', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  assert.deepEqual([...s.byReport().keys()], []);
  const other = await open(fs.as(2), { newId: counter('b') });
  other.add({ report: 'r2019', target: target(1), tags: [] });
  await other.save();
  await s.reload();
  s.add({ report: 'r2020', target: target(2), tags: [] });
  assert.deepEqual(
    [...s.byReport()].map(([r, list]) => [r, list.map((a) => a.id)]),
    [
      ['r2019', ['b0000']],
      ['r2020', ['a0000']],
    ],
  );
});

test('store: an edit of an annotation dated ahead (another machine’s clock) is dated after it', async () => {
  const fs = new MemFs();
  const ahead = '2030-01-01T00:00:00.000Z';
  fs.put(
    SIDE,
    serializeSidecar({
      version: 1,
      source: 'nanhai.txt',
      annotations: [{ id: 'a1', report: 'r', target: target(1), tags: [], note: '', author: 'x', created: ahead, modified: ahead }],
    }),
  );
  const s = await open(fs);
  const u = s.update('a1', { note: '复核' });
  assert.ok(u.ok);
  assert.equal(u.value.modified, '2030-01-01T00:00:00.001Z');
});

test('store: replaced right after the rename by a writer without a lock: still dirty', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  fs.afterRename = async (to) => {
    fs.afterRename = undefined;
    fs.put(to, serializeSidecar({ version: 1, source: 'nanhai.txt', annotations: [] }));
  };
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.equal(s.dirty, true);
});

test('store: tags that are not strings (a damaged import) are dropped', async () => {
  const s = await open(new MemFs());
  const r = s.insert([{ ...orphan('q1', '\n', '\n'), report: 'r', tags: [null, 'law', 5, ''] as unknown as string[] }]);
  assert.deepEqual(r, { ok: true, value: { added: ['q1'], skipped: 0 } });
  assert.deepEqual(s.get('q1')?.tags, ['law']);
});

test('store: a host that cannot stat the new temporary file: saved, but not known to have landed', async () => {
  const fs = new MemFs();
  const stat = fs.stat.bind(fs);
  fs.stat = async (path) => {
    if (path.endsWith('.tmp')) throw new Error('stat failed');
    return stat(path);
  };
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.equal(s.dirty, true);
  assert.equal(JSON.parse(fs.text(SIDE)!).annotations.length, 1);
});

/** Another writer, taking no lock, replaces the sidecar while our temporary file is written (the first `times` saves). */
function meddle(fs: MemFs, times: number, next: (round: number) => string) {
  const write = fs.writeFile.bind(fs);
  let round = 0;
  fs.writeFile = async (path, data) => {
    await write(path, data);
    if (path.endsWith('.tmp') && round < times) fs.put(SIDE, next(round++));
  };
  return () => round;
}

const sidecarWith = (annotations: Annotation[]) => serializeSidecar({ version: 1, source: 'nanhai.txt', annotations });
const stored = (id: string, note: string, modified = '2026-02-01T00:00:00.000Z'): Annotation => ({
  ...orphan(id, '\n', '\n'),
  report: 'r',
  note,
  created: '2026-01-01T00:00:00.000Z',
  modified,
});

test('store: a sidecar created by another writer during our first save is merged, not overwritten', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  meddle(fs, 1, () => sidecarWith([stored('b1', '外部')]));
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.deepEqual(
    JSON.parse(fs.text(SIDE)!)
      .annotations.map((a: Annotation) => a.id)
      .sort(),
    ['a0000', 'b1'],
  );
});

test('store: a same-size outside edit during the save (a new time) is merged, not overwritten', async () => {
  const fs = new MemFs();
  fs.put(SIDE, sidecarWith([stored('b1', '初稿')]));
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  meddle(fs, 1, () => sidecarWith([stored('b1', '定稿', '2026-03-01T00:00:00.000Z')]));
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.equal(s.get('b1')?.note, '定稿');
  assert.match(fs.text(SIDE)!, /定稿/);
});

test('store: an outside edit of another size at the same time (coarse clock) during the save is merged, not overwritten', async () => {
  const fs = new MemFs();
  fs.ticking = false;
  fs.put(SIDE, sidecarWith([stored('b1', '初稿')]));
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  meddle(fs, 1, () => sidecarWith([stored('b1', '修改后的定稿', '2026-03-01T00:00:00.000Z')]));
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.match(fs.text(SIDE)!, /修改后的定稿/);
  assert.match(fs.text(SIDE)!, /a0000/);
});

test('store: a sidecar that keeps changing during the save: given up after the 4 attempts the message counts', async () => {
  const fs = new MemFs();
  fs.put(SIDE, sidecarWith([stored('b1', '初稿')]));
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  const rounds = meddle(fs, 100, (n) => sidecarWith([stored('b1', `第${n}稿`, `2026-03-0${n + 1}T00:00:00.000Z`)]));
  assert.equal(message(await s.save()), `${SIDE}: not saved: the file kept changing while it was being saved (4 attempts).`);
  assert.equal(rounds(), 4);
  assert.equal(s.dirty, true);
});

test('store: with the sidecar folder outside the workspace, the default sidecar is not read and its temporary files stay', async () => {
  const fs = new MemFs();
  fs.put(SIDE, sidecarWith([stored('b1', '初稿')]));
  fs.put(`${SIDE}.abcd1234.tmp`, 'x');
  const s = await open(fs, { workspaceRoot: '/ws', sidecarFolder: '../elsewhere' });
  assert.equal(s.size, 0);
  assert.equal(s.readOnly, true);
  assert.deepEqual(fs.paths(), [SIDE, `${SIDE}.abcd1234.tmp`]);
});

test('store: a sidecar deleted by another writer during the save: what was saved before goes, the new annotation is written', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  await s.save();
  s.add({ report: 'r', target: target(2), tags: [] });
  const write = fs.writeFile.bind(fs);
  let once = true;
  fs.writeFile = async (path, data) => {
    await write(path, data);
    if (path.endsWith('.tmp') && once) {
      once = false;
      fs.files.delete(SIDE);
    }
  };
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.deepEqual(
    JSON.parse(fs.text(SIDE)!).annotations.map((a: Annotation) => a.id),
    ['a0001'],
  );
});

test('store: deleted right after our rename by a writer without a lock: saved, still dirty', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  fs.afterRename = async (to) => {
    fs.afterRename = undefined;
    fs.files.delete(to);
  };
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.equal(s.dirty, true);
});

test('store: a hand-formatted sidecar is dirty after a reload; rewritten by a save and replaced at once, it stays dirty', async () => {
  const fs = new MemFs();
  const s = await open(fs);
  fs.put(SIDE, '{"version":1,"source":"nanhai.txt","annotations":[]}');
  assert.deepEqual(await s.reload(), { ok: true, value: { changed: false } });
  assert.equal(s.dirty, true);
  const t = await open(fs);
  assert.equal(t.dirty, false);
  fs.afterRename = async (to) => {
    fs.afterRename = undefined;
    fs.put(to, '{"version":1,"source":"nanhai.txt","annotations":[] }');
  };
  assert.deepEqual(await t.save(), { ok: true, value: { written: true } });
  assert.equal(t.dirty, true);
});

test('store: a host that cannot stat the temporary file, and the sidecar deleted right after the rename: not known to have landed, still dirty', async () => {
  const fs = new MemFs();
  const stat = fs.stat.bind(fs);
  fs.stat = async (path) => {
    if (path.endsWith('.tmp')) throw new Error('stat failed');
    return stat(path);
  };
  const s = await open(fs);
  s.add({ report: 'r', target: target(1), tags: [] });
  fs.afterRename = async (to) => {
    fs.afterRename = undefined;
    fs.files.delete(to);
  };
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.equal(s.dirty, true);
});
