/**
 * The edges of the annotation core that mutation testing found untested: the reader's dates,
 * sidecar paths, the exports' exact text, the lock's reading of lock files, the file host's
 * error vocabulary. Every expectation here is exact.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AnnotationStore,
  type AnnotationTarget,
  csvField,
  DEFAULT_CODEBOOK,
  exportRows,
  isNotFound,
  makeTarget,
  parseSidecar,
  problemText,
  relativePath,
  serializeSidecar,
  sidecarFolderProblem,
  sidecarPath,
  toCsv,
  toJsonl,
  toMarkdown,
  writeFileAtomic,
  type Annotation,
} from '../../src/core/index.ts';
import { byYear, FLAT, load } from './helpers.ts';
import { fakeClock, MemFs } from './memfs.ts';

const T = '2026-01-01T00:00:00.000Z';
const nanhai = load(FLAT);
const r2018 = byYear(nanhai, 2018);

function target(n: number): AnnotationTarget {
  return {
    paragraph: `p${n}`,
    quote: { type: 'TextQuoteSelector', exact: `段落${n}`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: n, end: n + 1 },
  };
}

test('the reader takes exactly the ISO date-times of the years 0000–9999 with real days, hours, minutes and offsets', () => {
  const read = (modified: string) =>
    parseSidecar(
      JSON.stringify({
        version: 1,
        source: 'x',
        annotations: [{ id: 'a', report: 'r', target: target(1), tags: ['t'], note: '', author: '', created: T, modified }],
      }),
      'f',
    ).ok;
  const good = [
    '2024-02-29T00:00:00Z', // a leap year
    '2000-02-29T00:00:00Z', // divisible by 400
    '2026-04-30T23:59:59Z',
    '2026-12-31T23:59:59.999+23:59',
    '2026-01-01T00:00-23:59',
    '0000-01-01T00:00:00Z',
    '0000-01-01T01:00:00+01:00', // the first instant, from another zone
    '9999-12-31T23:59:59.999Z',
  ];
  const bad = [
    '2023-02-29T00:00:00Z', // not a leap year
    '1900-02-29T00:00:00Z', // divisible by 100, not by 400
    '2026-04-31T00:00:00Z', // April has 30 days
    '2026-00-10T00:00:00Z',
    '2026-13-10T00:00:00Z',
    '2026-01-00T00:00:00Z',
    '2026-01-32T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z',
    '2026-01-01T23:59:60Z',
    '2026-01-01T00:00:00+24:00',
    '2026-01-01T00:00:00+23:60',
    '0000-01-01T00:59:59+01:00', // before the first instant
    '9999-12-31T23:59:59.999-00:01', // after the last
    ' 2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00Z ',
    'x2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00Zx',
  ];
  for (const d of good) assert.equal(read(d), true, d);
  for (const d of bad) assert.equal(read(d), false, d);
});

test('sidecar paths: spaces around the folder, doubled slashes at the root, a relative path through . and shared prefixes', () => {
  const at = (source: string, loc: { workspaceRoot?: string; sidecarFolder?: string }) => {
    const r = sidecarPath(source, loc);
    assert.ok(r.ok);
    return r.value;
  };
  assert.equal(at('/ws/a.txt', { workspaceRoot: '/ws//', sidecarFolder: ' side ' }), '/ws/side/a.txt.annals.json');
  assert.equal(at('/ws/a.txt', { workspaceRoot: '/ws', sidecarFolder: '   ' }), '/ws/a.txt.annals.json');
  assert.equal(sidecarFolderProblem(undefined), null);
  assert.equal(sidecarFolderProblem('  '), null);
  assert.equal(sidecarFolderProblem('.annals/sidecars'), null);
  const p = sidecarFolderProblem(' ../x ');
  assert.ok(p);
  assert.equal(problemText(p), 'the sidecar folder “../x” leaves the workspace; it must be a folder inside it, such as .annals/sidecars');
  assert.equal(relativePath('/ws/./a', '/ws/b/./c.txt'), '../b/c.txt');
  assert.equal(relativePath('/ws/a', '/ws/a/b.txt'), 'b.txt');
  assert.equal(relativePath('/ws/a/b', '/ws/a'), '..');
  assert.equal(relativePath('/ws/a', '/ws/a'), '');
  // Only a URI (scheme first) has its escapes decoded; a path with a colon in it keeps them.
  assert.equal(relativePath('/ws/a:b', '/ws/a:b/%E5%8D%97.txt'), '%E5%8D%97.txt');
  assert.equal(relativePath('file:///ws', 'file:///ws/%E5%8D%97.txt'), '南.txt');
  assert.equal(relativePath('file:///ws', 'file:///ws/%E5%8D.txt'), '%E5%8D.txt', 'a broken escape stays as it is');
});

test('a source at the root of the file system: its sidecar next to it, with its name as the source', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, '/nanhai.txt', { now: fakeClock() });
  assert.equal(s.path, '/nanhai.txt.annals.json');
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  assert.ok((await s.save()).ok);
  assert.equal(JSON.parse(fs.text('/nanhai.txt.annals.json')!).source, 'nanhai.txt');
  assert.deepEqual(fs.paths(), ['/nanhai.txt.annals.json']);
});

function row(i: number, extra: Partial<Annotation> = {}): Annotation {
  const t = makeTarget(r2018, i);
  assert.ok(t.ok);
  return { id: `a${i}`, report: r2018.id, target: t.value.target, tags: ['figures'], note: '', author: 'analyst', created: T, modified: T, ...extra };
}

test('exports of an annotation whose report is gone: an empty year in CSV, a URN as the JSONL source, the stored quote', () => {
  const gone = { ...row(3), id: 'g', report: 'r-gone', note: 'n' };
  const rows = exportRows([{ source: 'n.txt', imp: nanhai, annotations: [gone] }], DEFAULT_CODEBOOK);
  assert.equal(rows[0].status, 'orphan');
  const csv = toCsv(rows).split('\r\n')[1];
  const { start, end } = gone.target.position;
  assert.equal(
    csv,
    `n.txt,r-gone,,,,(report r-gone not found),,,,${gone.target.paragraph},数据指标,figures,${csvField(gone.target.quote.exact)},${start},${end},paragraph,n,analyst,${T},${T},orphan,`,
    'the stored paragraph id, quote and offsets; no series, issuer or year',
  );
  const j = JSON.parse(toJsonl(rows));
  assert.equal(j.target.source, 'urn:annals:report:r-gone');
  assert.deepEqual(j.body, [
    { type: 'TextualBody', purpose: 'tagging', value: '数据指标', id: 'urn:annals:tag:figures' },
    { type: 'TextualBody', purpose: 'commenting', value: 'n', format: 'text/markdown' },
  ]);
  assert.equal(j.target.selector[0].exact, gone.target.quote.exact);
  assert.deepEqual(j.annals, {
    source: 'n.txt',
    report: 'r-gone',
    series: '',
    issuer: '',
    year: null,
    title: '(report r-gone not found)',
    part: '',
    chapter: '',
    section: '',
    paragraph: gone.target.paragraph,
    scope: 'paragraph',
    coder: 'analyst',
    status: 'orphan',
  });
});

test('Markdown export, exactly: headings, counts, places, status marks, notes with their authors', () => {
  const i = r2018.paragraphs.findIndex((p) => p.role === 'body' && p.text.length > 10);
  const p = r2018.paragraphs[i];
  const lost = { ...row(i, { id: 'lost', tags: [] }), report: 'r-gone' };
  const anns = [row(i, { note: 'n1' }), row(i, { id: 'b', tags: ['ghost', 'rules'], note: 'n2', author: '' }), lost];
  const md = toMarkdown(exportRows([{ source: 'n.txt', imp: nanhai, annotations: anns }], DEFAULT_CODEBOOK), DEFAULT_CODEBOOK);
  const heads = exportRows([{ source: 'n.txt', imp: nanhai, annotations: [anns[0]] }], DEFAULT_CODEBOOK)[0];
  const where = ['2018', r2018.title, heads.chapter, heads.section].filter((x) => x !== '').join(' › ');
  const excerpt = (s: string) => (Array.from(s).length > 120 ? Array.from(s).slice(0, 120).join('') + '…' : s);
  const { start, end } = anns[0].target.position;
  const from = (
    coder: string,
    report = `report \`${r2018.id}\` · paragraph \`${p.id}\``,
    status = 'exact-id',
    series = ' · series 佛山市南海区人民政府 · 法治政府建设工作报告',
  ) => `  - source n.txt${series} · ${report} · paragraph ${start}–${end}${coder ? ` · coder ${coder}` : ''} · ${status}`;
  assert.equal(
    md,
    [
      '# Annotations',
      '',
      '3 annotations.',
      '',
      '## 完善依法行政制度体系 (`rules`) — 1',
      '',
      `- **${where}**: ${excerpt(p.text)}`,
      from(''),
      '  - n2',
      '',
      '## 数据指标 (`figures`) — 1',
      '',
      `- **${where}**: ${excerpt(p.text)}`,
      from('analyst'),
      '  - n1 — analyst',
      '',
      '## ghost (`ghost`) — unknown tag — 1',
      '',
      `- **${where}**: ${excerpt(p.text)}`,
      from(''),
      '  - n2',
      '',
      '## Untagged — 1',
      '',
      `- **(report r-gone not found)** *(orphan: its text is gone)*: ${excerpt(p.text)}`,
      from('analyst', `report \`r-gone\` · paragraph \`${p.id}\``, 'orphan', ''),
      '',
    ].join('\n'),
  );
  // One annotation, no codebook: singular, and the groups in their own order (tags before the untagged).
  const one = toMarkdown(exportRows([{ source: 'n.txt', imp: nanhai, annotations: [lost] }], null), null);
  assert.match(one, /^# Annotations\n\n1 annotation\.\n/);
  const order = toMarkdown(exportRows([{ source: 'n.txt', imp: nanhai, annotations: [lost, row(i, { id: 'z', tags: ['zz'] })] }], null), null);
  assert.deepEqual(
    [...order.matchAll(/^## (.*) — 1$/gm)].map((m) => m[1]),
    ['zz (`zz`) — unknown tag', 'Untagged'],
  );
});

test('Markdown: a tag id that starts or ends with a backtick or a space keeps them inside its code span', () => {
  const i = r2018.paragraphs.findIndex((p) => p.role === 'body');
  const md = (id: string) => toMarkdown(exportRows([{ source: 'n.txt', imp: nanhai, annotations: [row(i, { tags: [id] })] }], null), null).split('\n')[4];
  assert.equal(md('`a'), '## \\`a (`` `a ``) — unknown tag — 1');
  assert.equal(md('a`'), '## a\\` (`` a` ``) — unknown tag — 1');
  assert.equal(md(' a '), '##  a  (`  a  `) — unknown tag — 1');
  assert.equal(md('a\tb'), '## a\tb (`a b`) — unknown tag — 1', 'a tab is harmless in a heading; in code it is one space');
});

test('the lock reads only whole lock files: wrong types are a writer without a name, dated by the file', async () => {
  for (const lock of [
    { pid: '7', host: 'memory', time: new Date().toISOString(), token: 't' },
    { pid: 7, host: 1, time: new Date().toISOString(), token: 't' },
    { pid: 7, host: 'memory', time: Date.now(), token: 't' },
    { pid: 7, host: 'memory', time: new Date().toISOString(), token: 1 },
  ]) {
    const fs = new MemFs();
    const s = await AnnotationStore.open(fs, '/ws/a.txt', { now: fakeClock(), lock: { waitMs: 30, staleMs: 60_000 } });
    s.add({ report: 'r', target: target(1), tags: ['t'] });
    fs.clock = Date.now();
    fs.put('/ws/a.txt.annals.json.lock', JSON.stringify(lock));
    const r = await s.save();
    assert.ok(!r.ok, JSON.stringify(lock));
    assert.equal(
      problemText(r.problem),
      `/ws/a.txt.annals.json: not saved: its lock file /ws/a.txt.annals.json.lock is held by a writer that left no name and was not released within 0 s.`,
    );
  }
});

test('the lock: stale is strictly older than the bound; a lock that changed after it was judged stale is left alone', async () => {
  let now = Date.UTC(2026, 5, 1);
  const clock = () => now;
  const fs = new MemFs();
  fs.running.add(9);
  const s = await AnnotationStore.open(fs, '/ws/a.txt', { now: fakeClock(), lock: { waitMs: 0, staleMs: 1000, clock } });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  const LOCK = '/ws/a.txt.annals.json.lock';
  const held = (time: number, pid = 9) => JSON.stringify({ pid, host: 'elsewhere', time: new Date(time).toISOString(), token: `t${pid}` });
  fs.put(LOCK, held(now - 1000)); // exactly the bound: not yet stale
  const at = await s.save();
  assert.ok(!at.ok);
  assert.equal(at.problem.code, 'sidecarLocked');
  fs.put(LOCK, held(now - 1001));
  // Between judging it stale and removing it, another writer takes the lock over: theirs is not removed.
  const read = fs.readFile.bind(fs);
  let lockReads = 0;
  fs.readFile = async (p: string) => {
    if (p === LOCK && ++lockReads === 2) fs.put(LOCK, held(now, 10));
    return read(p);
  };
  const r = await s.save();
  assert.ok(!r.ok);
  assert.match(problemText(r.problem), /held by process 9 on elsewhere/, 'the lock as judged');
  assert.equal(JSON.parse(fs.text(LOCK)!).pid, 10, "the other writer's lock stays");
  fs.readFile = read;
  now += 5000;
  assert.ok((await s.save()).ok, 'once that one is stale too');
});

test('a lock taken over while a save writes: the save does not rename, gives up, and leaves the new lock', async () => {
  const fs = new MemFs();
  fs.running.add(5);
  const s = await AnnotationStore.open(fs, '/ws/a.txt', { now: fakeClock() });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  const write = fs.writeFile.bind(fs);
  const theirs = JSON.stringify({ pid: 5, host: 'memory', time: new Date().toISOString(), token: 'theirs' });
  fs.writeFile = async (p: string, d: Uint8Array) => {
    await write(p, d);
    if (p.endsWith('.tmp')) fs.put('/ws/a.txt.annals.json.lock', theirs);
  };
  const r = await s.save();
  assert.ok(!r.ok);
  assert.equal(r.problem.code, 'saveConflict');
  assert.equal(fs.text('/ws/a.txt.annals.json'), undefined, 'nothing renamed');
  assert.equal(fs.text('/ws/a.txt.annals.json.lock'), theirs);
  assert.deepEqual(fs.paths(), ['/ws/a.txt.annals.json.lock']);
});

test("the file host's error vocabulary: codes and names of Node, workspace.fs and memory; null is no error of any kind", async () => {
  assert.equal(isNotFound(null), false);
  assert.equal(isNotFound(undefined), false);
  assert.equal(isNotFound({ name: 'FileNotFound' }), true);
  assert.equal(isNotFound({ name: 'NotAFileNotFound' }), false);
  assert.equal(isNotFound({ code: 'EntryNotFound' }), true);
  // “Exists” as workspace.fs names it (no code): the lock is taken to be held.
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, '/ws/a.txt', { now: fakeClock(), lock: { waitMs: 0 } });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  fs.createExclusive = async () => {
    throw Object.assign(new Error('exists'), { name: 'EntryExists (FileSystemError)' });
  };
  fs.put('/ws/a.txt.annals.json.lock', JSON.stringify({ pid: 1, host: 'memory', time: new Date().toISOString(), token: 'x' }));
  const r = await s.save();
  assert.ok(!r.ok);
  assert.equal(r.problem.code, 'sidecarLocked');
  // A realPath that fails for another reason than a link: the file cannot be read, said so.
  const broken = new MemFs();
  broken.realPath = async () => {
    throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
  };
  const b = await AnnotationStore.open(broken, '/ws/a.txt');
  assert.equal(problemText(b.error!), '/ws/a.txt.annals.json: cannot be read (permission denied).');
  // writeFileAtomic: a realPath that fails writes nothing and removes nothing.
  let deleted = 0;
  broken.delete = async () => void deleted++;
  const w = await writeFileAtomic(broken, '/out.md', new TextEncoder().encode('x'));
  assert.ok(!w.ok);
  assert.equal(problemText(w.problem), '/out.md: could not be written (permission denied); the previous file, if there was one, is as it was.');
  assert.equal(deleted, 0);
  assert.deepEqual(broken.paths(), []);
});

test('merge by content: an outside version that only reorders the file changes nothing here', async () => {
  const fs = new MemFs();
  const s = await AnnotationStore.open(fs, '/ws/a.txt', { now: fakeClock() });
  s.add({ report: 'r', target: target(1), tags: ['t'] });
  s.add({ report: 'r', target: target(2), tags: ['t'] });
  assert.ok((await s.save()).ok);
  const file = JSON.parse(fs.text('/ws/a.txt.annals.json')!);
  file.annotations.reverse();
  fs.put('/ws/a.txt.annals.json', JSON.stringify(file));
  const r = await s.reload();
  assert.deepEqual(r, { ok: true, value: { changed: false } });
  assert.equal(s.dirty, true, 'the file is not in the stable form: the next save rewrites it');
  assert.ok((await s.save()).ok);
  assert.equal(fs.text('/ws/a.txt.annals.json'), serializeSidecar({ version: 1, source: 'a.txt', annotations: s.all() }));
});

test('a span exports its own quote and code-point offsets, not its paragraph, in CSV, JSON Lines and Markdown', () => {
  const i = r2018.paragraphs.findIndex((p) => p.role === 'body' && p.text.length > 30);
  const p = r2018.paragraphs[i];
  const t = makeTarget(r2018, i, { start: p.start + 5, end: p.start + 15 });
  assert.ok(t.ok);
  const span: Annotation = { id: 's', report: r2018.id, target: t.value.target, tags: ['figures'], note: '', author: '张三', created: T, modified: T };
  const rows = exportRows([{ source: 'n.txt', imp: nanhai, annotations: [span], series: { [r2018.id]: '南海区 · 法治政府' } }], DEFAULT_CODEBOOK);
  const quote = r2018.text.slice(p.start + 5, p.start + 15);
  // The offsets are code points of the report text: the same as UTF-16 here only where nothing before is astral.
  const cp = (u: number) => Array.from(r2018.text.slice(0, u)).length;
  assert.equal(rows[0].span, true);
  assert.equal(rows[0].series, '南海区 · 法治政府', "the host's series label wins over issuer · type");
  const csv = toCsv(rows).split('\r\n')[1];
  assert.ok(csv.includes(`,${p.id},数据指标,figures,${csvField(quote)},${cp(p.start + 5)},${cp(p.start + 15)},span,,张三,`), csv);
  assert.ok(!csv.includes(p.text), 'not the whole paragraph');
  const j = JSON.parse(toJsonl(rows));
  assert.equal(j.target.selector[0].exact, quote);
  assert.deepEqual([j.target.selector[1].start, j.target.selector[1].end], [cp(p.start + 5), cp(p.start + 15)]);
  assert.equal(j.annals.scope, 'span');
  assert.equal(j.annals.series, '南海区 · 法治政府');
  const md = toMarkdown(rows, DEFAULT_CODEBOOK);
  assert.ok(md.includes(`: ${quote}\n`), md);
  assert.ok(md.includes(` · span ${cp(p.start + 5)}–${cp(p.start + 15)} · coder 张三 · `), md);
});
