/**
 * REFI-QDA import: the round trip (export, import into an empty workspace, export: the same
 * project.qde apart from its dates), the hand-built QualCoder and MAXQDA projects in
 * test/fixtures/refi-qda/, code conflicts, and hostile projects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import {
  type Annotation,
  type Codebook,
  DEFAULT_CODEBOOK,
  exportRows,
  type ExportSource,
  importSource,
  makeTarget,
  planImport,
  problemText,
  readQdpx,
  reanchor,
  toQdpx,
} from '../../src/core/index.ts';
import { byYear, FIXTURES, FLAT, load } from './helpers.ts';

const XSD = readFileSync(path.join(FIXTURES, 'refi-qda/Project-mrt2019.xsd'), 'utf8');
const T = '2026-01-01T00:00:00.000Z';
const NOW = '2026-05-01T12:00:00.000Z';
const MB = 1024 * 1024;
const enc = new TextEncoder();
const dec = new TextDecoder();

const readReport = (name: string, text: string) => importSource(name, enc.encode(text)).reports[0] ?? null;
const options = (codebook: Codebook = DEFAULT_CODEBOOK, onConflict?: 'keep' | 'replace' | 'add') => ({
  codebook,
  readReport,
  existing: () => null,
  now: NOW,
  onConflict,
});

/** A fixture folder (project.qde and sources/) as a .qdpx. */
function zipFolder(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': readFileSync(path.join(dir, 'project.qde')) };
  for (const f of readdirSync(path.join(dir, 'sources'))) files[`sources/${f}`] = readFileSync(path.join(dir, 'sources', f));
  return zipSync(files);
}

async function valid(qde: string): Promise<boolean> {
  return (await validateXML({ xml: { fileName: 'project.qde', contents: qde }, schema: { fileName: 'x.xsd', contents: XSD } })).valid;
}

const undated = (qde: string) => qde.replace(/ (creation|modified)DateTime="[^"]*"/g, '');

test('round trip: export, import into an empty workspace, export again gives the same project.qde apart from its dates, and the same texts', async () => {
  const nanhai = load(FLAT);
  const r2018 = byYear(nanhai, 2018);
  const body = r2018.paragraphs.filter((p) => p.text.length > 20).map((p) => p.index);
  assert.ok(body.length >= 4);
  const ann = (i: number, extra: Partial<Annotation>, span?: [number, number]): Annotation => {
    const p = r2018.paragraphs[i];
    const t = makeTarget(r2018, i, span ? { start: p.start + span[0], end: p.start + span[1] } : undefined);
    assert.ok(t.ok);
    return { id: `x${i}`, report: r2018.id, target: t.value.target, tags: ['figures'], note: '', author: 'analyst', created: T, modified: T, ...extra };
  };
  const anns = [
    ann(body[0], { note: 'A note, with "quotes" & <b>' }),
    ann(body[1], { tags: ['figures.money', 'ghost'], author: '李四' }, [3, 17]),
    ann(body[2], { tags: [], note: 'untagged', author: '' }),
    ann(body[3], { tags: ['rules'] }),
    ann(body[3], { id: 'dup', tags: ['disputes'], created: '2026-02-01T00:00:00.000Z' }),
  ];
  const codebook: Codebook = {
    version: 1,
    tags: [...DEFAULT_CODEBOOK.tags, { id: 'figures.money', label: '资金', color: '#abc', description: 'Money', parent: 'figures', memo: 'In 亿元.' }],
  };
  const extras = {
    now: NOW,
    projectName: 'Nanhai',
    coders: [{ id: 'analyst', name: 'An Analyst' }],
    memos: { project: [{ name: 'Plan', text: 'Read 2016–2018.' }], reports: { [r2018.id]: 'Longer than 2017.' } },
  };
  const first = toQdpx(exportRows([{ source: 'nanhai.txt', imp: nanhai, annotations: anns }], codebook), codebook, {
    ...extras,
    sources: [{ source: 'nanhai.txt', imp: nanhai, annotations: anns }],
  });
  const project = readQdpx(first, 50 * MB);
  assert.ok(project.ok);
  assert.deepEqual(project.value.problems, []);
  const plan = await planImport(project.value, options());
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.files.length, 3);
  assert.equal(plan.codesAdded, 2, '资金 and ghost; the default tags are matched by GUID');
  assert.deepEqual(
    plan.files.map((f) => f.review),
    [0, 0, 0],
    'every selection placed',
  );
  assert.deepEqual(
    plan.coders.map((c) => c.id),
    ['analyst', '李四'],
  );
  const sources: ExportSource[] = plan.files.map((f) => ({ source: f.name, imp: importSource(f.name, enc.encode(f.text)), annotations: f.annotations }));
  const second = toQdpx(exportRows(sources, plan.codebook), plan.codebook, { ...extras, coders: plan.coders, memos: plan.memos, sources });
  const a = unzipSync(first);
  const b = unzipSync(second);
  assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
  assert.equal(undated(dec.decode(b['project.qde'])), undated(dec.decode(a['project.qde'])));
  for (const k of Object.keys(a)) if (k !== 'project.qde') assert.deepEqual(b[k], a[k], k);
  // Importing the same project again makes the same annotations (same ids): a store skips them.
  const again = await planImport(project.value, options(plan.codebook));
  assert.deepEqual(
    again.files.flatMap((f) => f.annotations.map((x) => x.id)),
    plan.files.flatMap((f) => f.annotations.map((x) => x.id)),
  );
  assert.equal(again.codesAdded, 0);
});

test('a project as QualCoder writes it: category codes, a coding memo as Description, LF text named after its file', async () => {
  const dir = path.join(FIXTURES, 'refi-qda/qualcoder');
  assert.ok(await valid(readFileSync(path.join(dir, 'project.qde'), 'utf8')), 'the fixture is a valid REFI-QDA project');
  const project = readQdpx(zipFolder(dir), 50 * MB);
  assert.ok(project.ok, project.ok ? '' : problemText(project.problem));
  const plan = await planImport(project.value, options());
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.files.length, 1);
  const f = plan.files[0];
  assert.equal(f.name, 'gwr-national-2019.txt');
  assert.equal(f.report.year, 2019, 'the year from the file name, as for any plain-text report');
  assert.equal(plan.codesAdded, 3);
  const added = plan.codebook.tags.slice(DEFAULT_CODEBOOK.tags.length);
  assert.deepEqual(
    added.map((t) => [t.label, t.color, t.description, t.parent && plan.codebook.tags.find((x) => x.id === t.parent)?.label]),
    [
      ['Economy', '#cccccc', 'Category: the economy', undefined],
      ['GDP growth', '#f4c2c2', 'Growth targets and results', 'Economy'],
      ['Opening words', '#6699ff', '', undefined],
    ],
  );
  assert.ok(added.every((t) => /^qdpx-[0-9a-f]{32}$/.test(t.id)));
  const [gdp, opening] = f.annotations;
  assert.equal(gdp.target.quote.exact, '国内生产总值增长6.6%');
  assert.equal(gdp.note, 'The headline figure');
  assert.equal(gdp.author, 'default');
  assert.equal(gdp.created, '2024-03-02T09:00:00.000Z');
  assert.deepEqual(gdp.tags, [added[1].id]);
  assert.equal(opening.target.quote.exact, '现在，我代表国务院，向大会报告政府工作');
  assert.deepEqual(opening.tags, [added[2].id]);
  // Placed on the report as Annals reads it: the stored position is that quote in the report text.
  for (const x of f.annotations) {
    const [anc] = reanchor(f.report, [x]);
    assert.equal(anc.status, 'exact-id');
    assert.equal(f.report.text.slice(anc.start, anc.end), x.target.quote.exact);
  }
  assert.deepEqual(plan.coders, [{ id: 'default', name: 'default' }]);
  assert.deepEqual(plan.memos.project, [{ name: 'Project memo', text: 'Code the 2019 report first.' }]);
});

test('a project as MAXQDA writes it: CRLF text, two coders, nested codes, a NoteRef, variables; the PDF source is skipped with a message', async () => {
  const dir = path.join(FIXTURES, 'refi-qda/maxqda');
  assert.ok(await valid(readFileSync(path.join(dir, 'project.qde'), 'utf8')), 'the fixture is a valid REFI-QDA project');
  const project = readQdpx(zipFolder(dir), 50 * MB);
  assert.ok(project.ok);
  assert.deepEqual(project.value.sources[0].variables, { Province: '安徽省', Year: '2026' });
  const keep = await planImport(project.value, options());
  assert.deepEqual(keep.problems.map(problemText), ['The source “Anhui yearbook” was not imported: a PDFSource is not a text.']);
  assert.deepEqual(keep.conflicts, [{ name: '数据指标', tagId: 'figures', fields: ['colour', 'description'] }]);
  const f = keep.files[0];
  assert.equal(f.name, '2026_安徽省_政府工作报告.txt');
  assert.equal(f.report.year, 2026);
  assert.equal(f.report.issuer, '安徽省人民政府');
  assert.ok(!f.text.includes('\r'), 'line ends normalised');
  const [gdp, industry] = f.annotations;
  assert.equal(gdp.target.quote.exact, '全省地区生产总值5.3万亿元、增长5.5%', 'CRLF counted as two characters, as the positions do');
  assert.equal(industry.target.quote.exact, '规上工业增加值增长9.4%');
  const growth = keep.codebook.tags.find((t) => t.label === '增长率');
  assert.equal(growth?.parent, 'figures', 'a child of the matched tag');
  assert.deepEqual(gdp.tags, [growth?.id, 'figures']);
  assert.equal(gdp.note, 'Compare with the 2025 target of about 5%.');
  assert.deepEqual([gdp.author, industry.author], ['WF', 'LL']);
  assert.deepEqual(keep.coders, [
    { id: 'WF', name: 'Wang Fang' },
    { id: 'LL', name: 'Li Lei' },
  ]);
  const figures = (cb: Codebook) => cb.tags.find((t) => t.id === 'figures');
  assert.equal(figures(keep.codebook)?.color, DEFAULT_CODEBOOK.tags.find((t) => t.id === 'figures')?.color, 'keep: the codebook’s colour');
  const replace = await planImport(project.value, options(DEFAULT_CODEBOOK, 'replace'));
  assert.equal(figures(replace.codebook)?.color, '#ff0000');
  assert.equal(figures(replace.codebook)?.description, 'Figures and targets');
  assert.equal(replace.codesChanged, 1);
  const add = await planImport(project.value, options(DEFAULT_CODEBOOK, 'add'));
  const second = add.codebook.tags.find((t) => t.label === '数据指标 (2)');
  assert.ok(second);
  assert.ok(add.files[0].annotations[0].tags.includes(second.id));
});

test('hostile projects: paths out of the archive, entity tricks, a zip bomb, positions past the end, not a project at all', async () => {
  const qde = (sources: string, extra = '') =>
    `<?xml version="1.0"?>${extra}<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>${sources}</Sources></Project>`;
  const ts = (name: string, p: string) => `<TextSource guid="00000000-0000-4000-8000-00000000000${name.length % 10}" name="${name}" plainTextPath="${p}"/>`;
  // Paths: parent folders, absolute, file: and other schemes are never read.
  const paths = readQdpx(
    zipSync({
      'project.qde': strToU8(
        qde(ts('up', 'internal://../../etc/passwd') + ts('abs', '/etc/passwd') + ts('file', 'file:///etc/passwd') + ts('win', 'C:\\x.txt')),
      ),
      'etc/passwd': strToU8('root:x:0:0'),
    }),
    MB,
  );
  assert.ok(paths.ok);
  assert.equal(paths.value.sources.length, 0);
  assert.deepEqual(paths.value.problems.map(problemText), [
    'The source “up” was not imported: its text path is not a name inside the project (internal://../../etc/passwd).',
    'The source “abs” was not imported: its text is outside the project (/etc/passwd).',
    'The source “file” was not imported: its text is outside the project (file:///etc/passwd).',
    'The source “win” was not imported: its text is outside the project (C:\\x.txt).',
  ]);
  // Entities: a doctype's entities are not expanded (a billion laughs stays a few bytes), nor is an external one read.
  const laughs = `<!DOCTYPE Project [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>`;
  const lol = readQdpx(
    zipSync({
      'project.qde': strToU8(
        qde('<TextSource guid="00000000-0000-4000-8000-000000000001" name="n"><PlainTextContent>&c;&x;&amp;</PlainTextContent></TextSource>', laughs),
      ),
    }),
    MB,
  );
  assert.ok(lol.ok);
  assert.equal(lol.value.sources[0].text, '&c;&x;&');
  // A zip bomb: a text that would unpack past the limit is refused before it is unpacked.
  const bomb = zipSync({ 'project.qde': strToU8(qde(ts('big', 'internal://big.txt'))), 'sources/big.txt': new Uint8Array(3 * MB) }, { level: 9 });
  const refused = readQdpx(bomb, MB);
  assert.ok(!refused.ok);
  assert.equal(refused.problem.code, 'qdpxTooLarge');
  // Positions past the end of the text, or not a span: the selection is skipped, the rest imported.
  const past = readQdpx(
    zipSync({
      'project.qde': strToU8(
        qde(
          '<TextSource guid="00000000-0000-4000-8000-000000000002" name="p"><PlainTextContent>2020年某区政府工作报告\n\n全年受理12件。</PlainTextContent>' +
            '<PlainTextSelection guid="00000000-0000-4000-8000-000000000003" startPosition="5" endPosition="999"/>' +
            '<PlainTextSelection guid="00000000-0000-4000-8000-000000000004" startPosition="9" endPosition="3"/></TextSource>',
        ),
      ),
    }),
    MB,
  );
  assert.ok(past.ok);
  const plan = await planImport(past.value, options());
  assert.equal(plan.files.length, 1);
  assert.equal(plan.files[0].annotations.length, 0);
  assert.deepEqual(plan.problems.map(problemText), [
    'A selection of “p” was not imported: its positions 9–3 are not a span of the text.',
    'A selection of “p” was not imported: its positions 5–999 are past the end of the text (23).',
  ]);
  // Not a project: a zip without project.qde, and bytes that are neither.
  for (const bytes of [zipSync({ 'x.txt': strToU8('x') }), strToU8('just text'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]) {
    const r = readQdpx(bytes, MB);
    assert.ok(!r.ok);
    assert.match(problemText(r.problem), /REFI-QDA project/);
  }
});

test('two codes of one name under different parents stay two tags; a code named like a codebook tag joins it', async () => {
  const code = (g: string, name: string, inner = '') =>
    `<Code guid="00000000-0000-4000-8000-${g.padStart(12, '0')}" name="${name}" isCodable="true">${inner}</Code>`;
  const qde =
    '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>' +
    code('1', 'Economy', code('2', 'Other')) +
    code('3', 'Society', code('4', 'Other')) +
    code('5', '数据指标') +
    '</Codes></CodeBook></Project>';
  const project = readQdpx(strToU8(qde), MB);
  assert.ok(project.ok);
  const plan = await planImport(project.value, options());
  assert.equal(plan.codesAdded, 4, 'Economy, Other, Society, Other');
  const added = plan.codebook.tags.slice(DEFAULT_CODEBOOK.tags.length);
  const labelOf = (id: string | undefined) => plan.codebook.tags.find((t) => t.id === id)?.label;
  assert.deepEqual(
    added.map((t) => [t.label, labelOf(t.parent)]),
    [
      ['Economy', undefined],
      ['Other', 'Economy'],
      ['Society', undefined],
      ['Other', 'Society'],
    ],
  );
  assert.equal(new Set(added.map((t) => t.id)).size, 4);
  assert.deepEqual(plan.conflicts, [], 'no colour or description given: nothing differs');
});
