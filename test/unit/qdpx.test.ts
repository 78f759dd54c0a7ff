/**
 * REFI-QDA (.qdpx): the export validated against the QDA-XML schema (Project-mrt2019.xsd, copied
 * into test/fixtures/refi-qda/), stable GUIDs, code points, and the import (qdpxImport.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import {
  type Annotation,
  codeGuid,
  DEFAULT_CODEBOOK,
  exportRows,
  makeTarget,
  qdpxParts,
  type Report,
  stableGuid,
  tagIdOfGuid,
  toQdpx,
} from '../../src/core/index.ts';
import { byYear, FIXTURES, FLAT, fromText, load } from './helpers.ts';

const XSD = readFileSync(path.join(FIXTURES, 'refi-qda/Project-mrt2019.xsd'), 'utf8');
const T = '2026-01-01T00:00:00.000Z';
const NOW = '2026-05-01T12:00:00.000Z';
const nanhai = load(FLAT);
const r2018 = byYear(nanhai, 2018);

/** xmllint's verdict on a project.qde, with its messages. */
async function validate(qde: string): Promise<string[]> {
  const r = await validateXML({ xml: { fileName: 'project.qde', contents: qde }, schema: { fileName: 'Project-mrt2019.xsd', contents: XSD } });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}

function ann(report: Report, i: number, extra: Partial<Annotation> = {}, span?: [number, number]): Annotation {
  const p = report.paragraphs[i];
  const t = makeTarget(report, i, span ? { start: p.start + span[0], end: p.start + span[1] } : undefined);
  assert.ok(t.ok);
  return { id: `a${i}`, report: report.id, target: t.value.target, tags: ['figures'], note: '', author: 'analyst', created: T, modified: T, ...extra };
}

function fixture() {
  const body = r2018.paragraphs.filter((p) => p.role === 'body' && p.text.length > 40).map((p) => p.index);
  const anns = [
    ann(r2018, body[0], { note: 'A note with <markup> & "quotes"\nand a second line' }),
    ann(r2018, body[1], { id: 'b', tags: ['rules', 'ghost'], author: '李四' }, [3, 17]),
    ann(r2018, body[2], { id: 'c', tags: [], note: 'untagged, with a note', author: '' }),
  ];
  const sources = [{ source: 'nanhai.txt', imp: nanhai, annotations: anns }];
  const codebook = {
    version: 1,
    tags: [...DEFAULT_CODEBOOK.tags, { id: 'figures.money', label: '资金', color: '#abc', description: '', parent: 'figures', memo: 'Money: 亿元 and 万元.' }],
  };
  return { anns, sources, codebook, rows: exportRows(sources, codebook) };
}

test('QDPX export: project.qde is valid against the REFI-QDA schema, with users, codes, sources, selections, notes and variables', async () => {
  const { rows, sources, codebook } = fixture();
  const { qde, files } = qdpxParts(rows, codebook, {
    sources,
    now: NOW,
    coders: [{ id: 'analyst', name: 'An Analyst' }],
    memos: { project: [{ name: 'Plan', text: 'Read 2016–2018 first.' }], reports: { [r2018.id]: 'The 2018 report is longer.' } },
  });
  assert.deepEqual(await validate(qde), []);
  // The validator does reject: a code without isCodable.
  assert.match((await validate(qde.replace(' isCodable="true"', ''))).join('\n'), /isCodable.*required|required.*isCodable/);
  // Users: the coders of the project, then the other authors; no user for an empty author.
  assert.match(qde, new RegExp(`<User guid="${stableGuid('user', 'analyst')}" name="An Analyst" id="analyst"/>`));
  assert.match(qde, /<User guid="[0-9A-F-]{36}" name="李四" id="李四"\/>/);
  assert.equal((qde.match(/<User /g) ?? []).length, 2);
  // Codes: a hierarchy by parent, colours as #RRGGBB, descriptions, unknown ids as codes of their own.
  assert.match(
    qde,
    /<Code guid="[^"]+" name="数据指标" isCodable="true" color="#[0-9A-F]{6}">\n\s+<Description>[^<]+<\/Description>\n\s+<Code guid="[^"]+" name="资金" isCodable="true" color="#AABBCC">/,
  );
  assert.match(qde, /<Code guid="[^"]+" name="ghost" isCodable="true" color="#9E9E9E">/);
  // One TextSource per report of the source, its text in sources/<guid>.txt.
  assert.equal((qde.match(/<TextSource /g) ?? []).length, nanhai.reports.length);
  const m = /<TextSource guid="([^"]+)" name="([^"]+)" plainTextPath="internal:\/\/([^"]+)\.txt">/.exec(qde);
  assert.ok(m);
  assert.equal(m[1], m[3]);
  assert.ok(files.has(`sources/${m[1]}.txt`));
  // Selections: code-point offsets into the plain text; the span's own quote.
  const text = [...files.entries()].find(([, t]) => t.includes(r2018.paragraphs[0].text))?.[1];
  assert.ok(text);
  const cps = Array.from(text);
  const sels = [...qde.matchAll(/<PlainTextSelection guid="[^"]+" name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g)];
  assert.equal(sels.length, 3);
  const quotes = sels.map((s) => cps.slice(Number(s[2]), Number(s[3])).join(''));
  assert.deepEqual(quotes.sort(), rows.map((r) => r.target.quote.exact).sort(), 'each selection is its quote, in code points of the plain text');
  // Codings per tag; notes for the note, the code memo, the report memo and the project memo.
  assert.equal((qde.match(/<Coding /g) ?? []).length, 3, 'figures, rules, ghost: the untagged annotation has none');
  assert.match(qde, /<PlainTextContent>A note with &lt;markup&gt; &amp; "quotes"\nand a second line<\/PlainTextContent>/);
  for (const t of ['Money: 亿元 and 万元.', 'The 2018 report is longer.', 'Read 2016–2018 first.', 'untagged, with a note'])
    assert.ok(qde.includes(`<PlainTextContent>${t}</PlainTextContent>`), t);
  assert.equal((qde.match(/<Note /g) ?? []).length, 5);
  assert.match(qde, /<\/Notes>\n {2}<NoteRef targetGUID="[^"]+"\/>\n<\/Project>\n$/, 'the project memo is referenced by the project');
  // Variables: series, year, issuer, type, and their values on the sources.
  assert.deepEqual(
    [...qde.matchAll(/<Variable guid="[^"]+" name="(\w+)" typeOfVariable="(\w+)">/g)].map((x) => `${x[1]}:${x[2]}`),
    ['series:Text', 'year:Integer', 'issuer:Text', 'type:Text'],
  );
  assert.ok(qde.includes('<IntegerValue>2018</IntegerValue>'));
  assert.ok(qde.includes('<TextValue>佛山市南海区人民政府 · 法治政府建设工作报告</TextValue>'));
});

test('QDPX export: the same data gives the same bytes; the zip holds project.qde and the sources', () => {
  const { rows, sources, codebook } = fixture();
  const a = toQdpx(rows, codebook, { sources, now: NOW });
  const b = toQdpx(exportRows(sources, codebook), codebook, { sources, now: NOW });
  assert.deepEqual(a, b);
  const zip = unzipSync(a);
  assert.deepEqual(
    Object.keys(zip).filter((k) => !k.startsWith('sources/')),
    ['project.qde'],
  );
  assert.equal(Object.keys(zip).length, 1 + nanhai.reports.length);
  // Another time changes only the dates.
  const later = new TextDecoder().decode(unzipSync(toQdpx(rows, codebook, { sources, now: '2027-01-01T00:00:00.000Z' }))['project.qde']);
  const first = new TextDecoder().decode(zip['project.qde']);
  assert.notEqual(later, first);
  const undated = (s: string) => s.replace(/ (creation|modified)DateTime="[^"]*"/g, '');
  assert.equal(undated(later), undated(first));
});

test('QDPX export: offsets count code points (an astral character is one), and text XML cannot hold is replaced', async () => {
  const imp = fromText(
    '2020年度某区法治政府建设工作报告\n\n一、总体情况\n\n𠀀𠀁全年受理案件12件，办结10件。\n\n第二段\u0001文字。\n',
    '2020_某区_法治政府建设工作报告.txt',
  );
  const r = imp.reports[0];
  const i = r.paragraphs.findIndex((p) => p.text.startsWith('𠀀'));
  const a = ann(r, i, { tags: ['figures'] }, [4, 8]);
  const rows = exportRows([{ source: 'x.txt', imp, annotations: [a] }], DEFAULT_CODEBOOK);
  const { qde, files } = qdpxParts(rows, DEFAULT_CODEBOOK, { now: NOW });
  assert.deepEqual(await validate(qde), []);
  const text = [...files.values()][0];
  const s = /startPosition="(\d+)" endPosition="(\d+)"/.exec(qde);
  assert.ok(s);
  assert.equal(Array.from(text).slice(Number(s[1]), Number(s[2])).join(''), r.text.slice(r.paragraphs[i].start + 4, r.paragraphs[i].start + 8));
  assert.equal(
    Array.from(r.text.slice(r.paragraphs[i].start + 4, r.paragraphs[i].start + 8)).length,
    4,
    'after two astral characters, 4 UTF-16 units are 4 code points here',
  );
});

test('stable GUIDs are RFC 9562 version 5 UUIDs (SHA-1 of the Annals namespace and the name); an imported code keeps its GUID', async () => {
  const { createHash } = await import('node:crypto');
  // The namespace is fixed in guid.ts; the expected value is computed here with Node's own SHA-1.
  const uuid5 = (name: string) => {
    const h = createHash('sha1')
      .update(Buffer.concat([Buffer.from('4d1c1f0f6a2b5d3c9e8f0a1b2c3d4e5f', 'hex'), Buffer.from(name, 'utf8')]))
      .digest()
      .subarray(0, 16);
    h[6] = (h[6] & 0x0f) | 0x50;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.toString('hex').toUpperCase();
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
  };
  for (const [kind, parts] of [
    ['user', ['analyst']],
    ['code', ['figures']],
    ['source', ['佛山市南海区人民政府2018年度法治政府建设工作报告', '𠀀 a long text\n'.repeat(500)]],
    ['selection', ['GUID', 12, 40, '李四', 0]],
  ] as const) {
    assert.equal(stableGuid(kind, ...parts), uuid5([kind, ...parts.map(String)].join('\u0000')), kind);
  }
  assert.match(stableGuid('user', 'x'), /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  assert.notEqual(stableGuid('user', 'a', 'b'), stableGuid('user', 'ab'), 'parts are separated');
  assert.equal(codeGuid('figures'), stableGuid('code', 'figures'));
  const g = '2B3C4D5E-6F70-4812-9324-35465768798A';
  assert.equal(tagIdOfGuid(g), 'qdpx-2b3c4d5e6f704812932435465768798a');
  assert.equal(codeGuid(tagIdOfGuid(g)), g, 'exported again with the GUID it was imported with');
  assert.equal(tagIdOfGuid(`{${g}}`), tagIdOfGuid(g));
});
