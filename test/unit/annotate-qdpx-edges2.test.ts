/**
 * Edge rows for the exports (QDPX, memos, rows, XLSX): exact output for inputs whose slips the
 * other tests do not see: surrogate pairs before the first paragraph, selections that sort and
 * share a span, codes whose parent is unknown or whose colour is not one, sources in series and
 * year order, rows QDPX leaves out, the zip's dates, memos in order, the workbook's cells.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync } from 'fflate';
import {
  type Annotation,
  type Codebook,
  codeGuid,
  type ExportSource,
  exporterFor,
  exportRows,
  headingsByParagraph,
  makeTarget,
  qdpxParts,
  type Report,
  stableGuid,
  toQdpx,
} from '../../src/core/index.ts';
import { fromText } from './helpers.ts';
import { exportBytes } from '../../src/host/exportBytes.ts';

/** A row of the export (its type is not a public name of the core). */
type ExportRow = ReturnType<typeof exportRows>[number];

const T = '2026-01-01T00:00:00.000Z';
const NOW = '2026-05-01T12:00:00.000Z';
const LAW = '法治政府建设工作报告';

/** Rare characters before the first paragraph: U+10000 (D800 DC00), U+20000 (D840 DC00) before a full-width bracket (FF08), U+10FFFF (DBFF DFFF); no issuer. */
const impA = fromText(
  `𐀀𠀀（试行）\u{10FFFF}某区人民政府2019年度${LAW}\n\n一、总体情况\n\n全年受理行政复议案件12件，办结10件。\n\n制定规范性文件3件，清理文件  5件。\n`,
  `2019_某区_${LAW}.txt`,
);
const rA = impA.reports[0];
const NANHAI = '佛山市南海区人民政府';
const nanhai = (year: number, body: string) => fromText(`${NANHAI}${year}年度${LAW}\n\n一、总体情况\n\n${body}\n`, `${year}_${NANHAI}_${LAW}.txt`);
const impB = nanhai(2018, '全年办理政府信息公开申请25件。');
const rB = impB.reports[0];

/** The plain text QDPX exports for a report: from its first paragraph on. */
const plain = (r: Report) => r.text.slice(r.paragraphs[0].start);
const sourceGuid = (r: Report, n?: number) => (n === undefined ? stableGuid('source', r.title, plain(r)) : stableGuid('source', r.title, plain(r), n));

function ann(report: Report, i: number, extra: Partial<Annotation> = {}, span?: [number, number]): Annotation {
  const p = report.paragraphs[i];
  const t = makeTarget(report, i, span ? { start: p.start + span[0], end: p.start + span[1] } : undefined);
  assert.ok(t.ok);
  return { id: `a${i}`, report: report.id, target: t.value.target, tags: [], note: '', author: 'analyst', created: T, modified: T, ...extra };
}

const CODEBOOK: Codebook = {
  version: 1,
  tags: [
    { id: 'figures', label: '数据指标', color: ' #abc ', description: '数字 & <比例>' },
    { id: 'figures.cases', label: '案件', color: '#12ab9F', description: '', parent: 'figures', memo: '复议与诉讼\r\n分开计' },
    { id: 'figures.money', label: '资金', color: '#123', description: '', parent: 'figures' },
    { id: 'orphan-child', label: '孤儿', color: 'red#abc', description: '', parent: 'gone' },
    { id: 'plain', label: '', color: 'blue', description: '' },
  ],
};

function richProject() {
  const anns = [
    ann(rA, 2, { id: 'x1', tags: ['zeta', 'figures.cases', 'zeta'], author: 'wang', note: 'bad\u0001 \ud800x \udc00y 𠀀 \ufffe end\r' }, [0, 6]),
    ann(rA, 1, { id: 'x2', tags: ['figures'], author: 'li' }),
    ann(rA, 1, { id: 'x3', tags: ['alpha'], author: 'li', created: '2026-01-02T00:00:00.000Z' }),
    ann(rA, 2, { id: 'x4', author: '', created: '' }),
  ];
  const sources: ExportSource[] = [
    { source: 'a.txt', imp: impA, annotations: anns },
    { source: 'b.txt', imp: impB, annotations: [] },
  ];
  const rows = exportRows(sources, CODEBOOK);
  return { rows, sources };
}

const noIndent = (s: string) => s.replace(/^ +/gm, '');

test('QDPX: one project with every element, exact (users sorted, code tree, variables, selections in text order, notes)', () => {
  const { rows, sources } = richProject();
  const { qde, files } = qdpxParts(rows, CODEBOOK, {
    sources,
    now: NOW,
    projectName: '南海 2018–2019',
    coders: [{ id: 'zhao', name: '赵' }, { id: '' }, { id: 'li', name: '李' }],
    memos: {
      project: [
        { name: '计划', text: '先读2018' },
        { name: '方法', text: 'a\tb' },
      ],
      reports: { [rA.id]: '2019年报告较短' },
    },
  });
  const gA = sourceGuid(rA);
  const gB = sourceGuid(rB);
  const user = (id: string) => stableGuid('user', id);
  const v = (name: string) => stableGuid('variable', name);
  const sel = (start: number, end: number, coder: string, n: number) => stableGuid('selection', gA, start, end, coder, n);
  const s3 = sel(8, 28, 'li', 0);
  const s2 = sel(8, 28, 'li', 1);
  const s1 = sel(30, 36, 'wang', 0);
  const s4 = sel(30, 48, '', 0);
  const codeMemo = stableGuid('code-memo', codeGuid('figures.cases'));
  const note1 = stableGuid('note', s1);
  const repMemo = stableGuid('report-memo', gA);
  const [pm1, pm2] = ['计划', '方法'].map((n) => stableGuid('project-memo', n));
  const unknownCode = (id: string) =>
    `<Code guid="${codeGuid(id)}" name="${id}" isCodable="true" color="#9E9E9E">\n<Description>A tag id that the codebook does not know.</Description>\n</Code>\n`;
  const value = (name: string, el: string, x: string) => `<VariableValue>\n<VariableRef targetGUID="${v(name)}"/>\n<${el}>${x}</${el}>\n</VariableValue>\n`;
  const variable = (name: string, type: string, d: string) =>
    `<Variable guid="${v(name)}" name="${name}" typeOfVariable="${type}">\n<Description>${d}</Description>\n</Variable>\n`;
  const coding = (s: string, tag: string, u: string, c: string) =>
    `<Coding guid="${stableGuid('coding', s, codeGuid(tag))}" creatingUser="${user(u)}" creationDateTime="${c}">\n<CodeRef targetGUID="${codeGuid(tag)}"/>\n</Coding>\n`;
  const note = (g: string, name: string, t: string) =>
    `<Note guid="${g}" name="${name}" creationDateTime="${NOW}">\n<PlainTextContent>${t}</PlainTextContent>\n</Note>\n`;
  const q1 = '全年受理行政复议案件12件，办结10件。';
  const expected = [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<Project name="南海 2018–2019" origin="Annals" creationDateTime="${NOW}" modifiedDateTime="${NOW}" xmlns="urn:QDA-XML:project:1.0">\n`,
    '<Users>\n',
    `<User guid="${user('li')}" name="李" id="li"/>\n`,
    `<User guid="${user('wang')}" name="wang" id="wang"/>\n`,
    `<User guid="${user('zhao')}" name="赵" id="zhao"/>\n`,
    '</Users>\n<CodeBook>\n<Codes>\n',
    `<Code guid="${codeGuid('figures')}" name="数据指标" isCodable="true" color="#AABBCC">\n<Description>数字 &amp; &lt;比例&gt;</Description>\n`,
    `<Code guid="${codeGuid('figures.cases')}" name="案件" isCodable="true" color="#12AB9F">\n<NoteRef targetGUID="${codeMemo}"/>\n</Code>\n`,
    `<Code guid="${codeGuid('figures.money')}" name="资金" isCodable="true" color="#112233"/>\n</Code>\n`,
    `<Code guid="${codeGuid('orphan-child')}" name="孤儿" isCodable="true"/>\n`,
    `<Code guid="${codeGuid('plain')}" name="plain" isCodable="true"/>\n`,
    unknownCode('alpha'),
    unknownCode('zeta'),
    '</Codes>\n</CodeBook>\n<Variables>\n',
    variable('series', 'Text', 'The series of reports (issuer · type) the report belongs to, as Annals groups them.'),
    variable('year', 'Integer', 'The year the report covers.'),
    variable('issuer', 'Text', 'The government that issued the report.'),
    variable('type', 'Text', 'The report type (政府工作报告, 法治政府建设工作报告, …).'),
    '</Variables>\n<Sources>\n',
    `<TextSource guid="${gB}" name="${rB.title}" plainTextPath="internal://${gB}.txt">\n`,
    value('series', 'TextValue', `${NANHAI} · ${LAW}`),
    value('year', 'IntegerValue', '2018'),
    value('issuer', 'TextValue', NANHAI),
    value('type', 'TextValue', LAW),
    '</TextSource>\n',
    `<TextSource guid="${gA}" name="${rA.title}" plainTextPath="internal://${gA}.txt">\n`,
    `<PlainTextSelection guid="${s3}" name="${q1}" startPosition="8" endPosition="28" creatingUser="${user('li')}" creationDateTime="2026-01-02T00:00:00.000Z" modifyingUser="${user('li')}" modifiedDateTime="${T}">\n`,
    coding(s3, 'alpha', 'li', '2026-01-02T00:00:00.000Z'),
    '</PlainTextSelection>\n',
    `<PlainTextSelection guid="${s2}" name="${q1}" startPosition="8" endPosition="28" creatingUser="${user('li')}" creationDateTime="${T}" modifyingUser="${user('li')}" modifiedDateTime="${T}">\n`,
    coding(s2, 'figures', 'li', T),
    '</PlainTextSelection>\n',
    `<PlainTextSelection guid="${s1}" name="制定规范性文" startPosition="30" endPosition="36" creatingUser="${user('wang')}" creationDateTime="${T}" modifyingUser="${user('wang')}" modifiedDateTime="${T}">\n`,
    coding(s1, 'zeta', 'wang', T),
    coding(s1, 'figures.cases', 'wang', T),
    `<NoteRef targetGUID="${note1}"/>\n`,
    '</PlainTextSelection>\n',
    `<PlainTextSelection guid="${s4}" name="制定规范性文件3件，清理文件 5件。" startPosition="30" endPosition="48" modifiedDateTime="${T}"/>\n`,
    `<NoteRef targetGUID="${repMemo}"/>\n`,
    value('series', 'TextValue', LAW),
    value('year', 'IntegerValue', '2019'),
    value('type', 'TextValue', LAW),
    '</TextSource>\n</Sources>\n<Notes>\n',
    note(codeMemo, '案件 (memo)', '复议与诉讼&#13;\n分开计'),
    note(note1, 'bad\ufffd \ufffdx \ufffdy 𠀀 \ufffd end', 'bad\ufffd \ufffdx \ufffdy 𠀀 \ufffd end&#13;'),
    note(repMemo, `${rA.title} (memo)`, '2019年报告较短'),
    note(pm1, '计划', '先读2018'),
    note(pm2, '方法', 'a\tb'),
    '</Notes>\n',
    `<NoteRef targetGUID="${pm1}"/>\n<NoteRef targetGUID="${pm2}"/>\n`,
    '</Project>\n',
  ].join('');
  assert.equal(noIndent(qde), expected);
  // Indentation where it is regular: the code tree, a selection's inside, a source's variable values.
  assert.ok(
    qde.includes(
      `      <Code guid="${codeGuid('figures')}" name="数据指标" isCodable="true" color="#AABBCC">\n        <Description>数字 &amp; &lt;比例&gt;</Description>\n        <Code guid="${codeGuid('figures.cases')}" name="案件" isCodable="true" color="#12AB9F">\n          <NoteRef targetGUID="${codeMemo}"/>\n        </Code>\n        <Code guid="${codeGuid('figures.money')}" name="资金" isCodable="true" color="#112233"/>\n      </Code>\n`,
    ),
  );
  assert.ok(
    qde.includes(
      `name="plain" isCodable="true"/>\n      <Code guid="${codeGuid('alpha')}" name="alpha" isCodable="true" color="#9E9E9E">\n        <Description>A tag`,
    ),
  );
  assert.ok(qde.includes(`">\n        <Coding guid="${stableGuid('coding', s1, codeGuid('zeta'))}" `));
  assert.ok(qde.includes(`\n          <CodeRef targetGUID="${codeGuid('zeta')}"/>\n        </Coding>\n        <Coding `));
  assert.ok(qde.includes(`\n        <NoteRef targetGUID="${note1}"/>\n      </PlainTextSelection>\n      <PlainTextSelection guid="${s4}"`));
  assert.ok(
    qde.includes(
      `\n      </VariableValue>\n      <VariableValue>\n        <VariableRef targetGUID="${v('year')}"/>\n        <IntegerValue>2019</IntegerValue>\n`,
    ),
  );
  assert.ok(qde.includes(`  <Variables>\n    <Variable guid="${v('series')}" name="series" typeOfVariable="Text">\n      <Description>`));
  assert.ok(qde.includes(`  </Notes>\n  <NoteRef targetGUID="${pm1}"/>\n  <NoteRef targetGUID="${pm2}"/>\n</Project>\n`));
  // The texts: from the first paragraph on, by GUID.
  assert.deepEqual(
    [...files.entries()],
    [
      [`sources/${gB}.txt`, '一、总体情况\n\n全年办理政府信息公开申请25件。\n'],
      [`sources/${gA}.txt`, '一、总体情况\n\n全年受理行政复议案件12件，办结10件。\n\n制定规范性文件3件，清理文件 5件。\n'],
    ],
  );
  // The rows: a report without an issuer is in the series of its type; a span's text is its paragraph's.
  assert.equal(rows[0].series, LAW);
  assert.equal(rows[0].text, '制定规范性文件3件，清理文件 5件。');
  assert.equal(rows[0].target.quote.exact, '制定规范性文');
});

test('QDPX: nothing to export is a project with only its name ("Annals" by default) and dates', () => {
  const { qde, files } = qdpxParts([], null, { now: NOW });
  assert.equal(
    qde,
    `<?xml version="1.0" encoding="utf-8"?>\n<Project name="Annals" origin="Annals" creationDateTime="${NOW}" modifiedDateTime="${NOW}" xmlns="urn:QDA-XML:project:1.0">\n</Project>\n`,
  );
  assert.equal(files.size, 0);
  // A report with no issuer anywhere: no issuer variable; untagged, unsigned annotations: no users, no codes.
  const rows = exportRows([{ source: 'a.txt', imp: impA, annotations: [ann(rA, 1, { author: '' })] }], null);
  const only = qdpxParts(rows, null, { now: NOW }).qde;
  assert.deepEqual(
    [...only.matchAll(/<Variable guid="[^"]+" name="(\w+)"/g)].map((m) => m[1]),
    ['series', 'year', 'type'],
  );
  assert.doesNotMatch(only, /<Users>|<CodeBook>|<Notes>|creatingUser/);
  assert.match(only, /<Project name="Annals" /);
});

test('QDPX: sources ordered by series, then year, then title, then GUID; a copy of a report gets the next GUID; the host’s series wins', () => {
  const impC = nanhai(2017, '全年办理政府信息公开申请20件。');
  const rC = impC.reports[0];
  const impD = nanhai(2016, '全年办理政府信息公开申请18件。');
  const rD = impD.reports[0];
  const sources: ExportSource[] = [
    { source: 'a.txt', imp: impA, annotations: [] },
    { source: 'b.txt', imp: impB, annotations: [] },
    { source: 'copy/b.txt', imp: impB, annotations: [] },
    { source: 'copy 2/b.txt', imp: impB, annotations: [] },
    { source: 'c.txt', imp: impC, annotations: [] },
    { source: 'd.txt', imp: impD, annotations: [], series: { [rD.id]: '南海区 · 更正' } },
  ];
  const { qde, files } = qdpxParts([], null, { sources, now: NOW });
  const g1 = sourceGuid(rB);
  const g2 = sourceGuid(rB, 2);
  const copies = [g1, g2, sourceGuid(rB, 3)].sort();
  assert.deepEqual(
    [...qde.matchAll(/<TextSource guid="([^"]+)" name="([^"]+)"/g)].map((m) => `${m[2].slice(0, 14)} ${m[1]}`),
    [
      `${rC.title.slice(0, 14)} ${sourceGuid(rC)}`,
      `${rB.title.slice(0, 14)} ${copies[0]}`,
      `${rB.title.slice(0, 14)} ${copies[1]}`,
      `${rB.title.slice(0, 14)} ${copies[2]}`,
      `${rD.title.slice(0, 14)} ${sourceGuid(rD)}`,
      `${rA.title.slice(0, 14)} ${sourceGuid(rA)}`,
    ],
  );
  assert.equal(files.size, 6);
  assert.ok(qde.includes('<TextValue>南海区 · 更正</TextValue>'));
});

test('QDPX: orphans, needs-review, spans before the text or reversed are left out; an empty span stays; leftOut counts the unplaced', () => {
  const placed = ann(rA, 1, { id: 'ok', tags: ['figures'] });
  const review = {
    ...placed,
    id: 'nr',
    target: { ...placed.target, paragraph: 'pzzz', quote: { ...placed.target.quote, exact: '全年受理行政复议案件12件，办结11件。' } },
  };
  const lost = {
    ...placed,
    id: 'or',
    target: { ...placed.target, paragraph: 'pzzz', quote: { type: 'TextQuoteSelector' as const, exact: '全年召开政府常务会议30次。', prefix: '', suffix: '' } },
  };
  const gone = { ...placed, id: 'g', report: 'r-gone' };
  const rows = [
    ...exportRows([{ source: 'a.txt', imp: impA, annotations: [placed] }], null),
    ...[review, lost, gone].flatMap((a) => exportRows([{ source: 'a.txt', imp: impA, annotations: [a] }], null)),
  ];
  assert.deepEqual(
    rows.map((r) => r.status),
    ['exact-id', 'needs-review', 'orphan', 'orphan'],
  );
  // Needs-review and orphans keep the target they were stored with.
  assert.deepEqual(rows[1].target, review.target);
  assert.deepEqual(rows[2].target, lost.target);
  const exporter = exporterFor('qdpx');
  assert.ok(exporter?.leftOut);
  assert.equal(exporter.leftOut(rows), 3);
  assert.equal(exporter.leftOut([rows[0], { ...rows[0], status: 'fuzzy' }, { ...rows[0], status: 'quote' }]), 0);
  assert.equal(exporter.leftOut([{ ...rows[0], report: null }]), 1);
  // Positions: less the code points before the first paragraph (the base; a surrogate pair is one).
  const at = (start: number, end: number): ExportRow => ({ ...rows[0], target: { ...rows[0].target, position: { type: 'TextPositionSelector', start, end } } });
  const base = rows[0].target.position.start - 8;
  assert.equal(base, Array.from(rA.text.slice(0, rA.paragraphs[0].start)).length);
  const withMore = [...rows, at(base - 1, base + 3), at(base + 20, base + 19), at(base + 9, base + 9), at(base + 8, base + 9)];
  const qde = qdpxParts(withMore, null, { now: NOW }).qde;
  assert.deepEqual(
    [...qde.matchAll(/startPosition="(-?\d+)" endPosition="(-?\d+)"/g)].map((m) => `${m[1]}-${m[2]}`),
    ['8-9', '8-28', '9-9'],
  );
  assert.equal((qde.match(/<TextSource /g) ?? []).length, 1, 'the report gone has no source');
});

test('QDPX: broken surrogates before the first paragraph (a damaged file) count one code point each, so positions stay on the text', () => {
  // A lone high surrogate before a full-width comma, lone low ones after 甲 and after a comma: 6 code points.
  const pre = '\ud800，甲\udc00，\udc00';
  const damaged: Report = {
    ...rA,
    text: pre + rA.text,
    paragraphs: rA.paragraphs.map((p) => ({ ...p, start: p.start + pre.length, end: p.end + pre.length })),
  };
  const [row] = exportRows([{ source: 'a.txt', imp: impA, annotations: [ann(rA, 1, { tags: ['figures'] })] }], null);
  const { start, end } = row.target.position;
  const moved: ExportRow = { ...row, report: damaged, target: { ...row.target, position: { type: 'TextPositionSelector', start: start + 6, end: end + 6 } } };
  const { qde, files } = qdpxParts([moved], null, { now: NOW });
  assert.match(qde, / startPosition="8" endPosition="28" /);
  assert.deepEqual([...files.values()], [plain(rA)]);
});

test('QDPX: a selection or note is named by its first 60 code points on one line, with … when longer', () => {
  const long = `${'𠀀'.repeat(3)}全区一般公共预算收入完成${'一二三四五六七八九十'.repeat(5)}`;
  const note60 = `  第一行\n\n\t第二行  ${'甲'.repeat(52)}`; // "第一行 第二行 " + 52 = 60 code points
  const imp = fromText(`2021年某区政府工作报告\n\n${long}\n`, '2021_某区_政府工作报告.txt');
  const r = imp.reports[0];
  const a1 = ann(r, 0, { id: 'n1', note: note60 });
  const a2 = ann(r, 0, { id: 'n2', note: `${note60}乙`, author: 'li' });
  const a3 = ann(r, 0, { id: 'n3', note: note60.slice(0, 12), author: 'wu' }, [0, 63]);
  const { qde } = qdpxParts(exportRows([{ source: 'r.txt', imp: r && imp, annotations: [a1, a2, a3] }], null), null, { now: NOW });
  const name60 = `第一行 第二行 ${'甲'.repeat(52)}`;
  assert.equal(Array.from(name60).length, 60);
  assert.deepEqual(
    [...qde.matchAll(/<Note guid="[^"]+" name="([^"]*)"/g)].map((m) => m[1]),
    ['第一行 第二行', name60, `${name60}…`],
  );
  const cps = Array.from(long);
  assert.deepEqual(
    [...qde.matchAll(/<PlainTextSelection guid="[^"]+" name="([^"]*)"/g)].map((m) => m[1]),
    [cps.slice(0, 60).join(''), `${cps.slice(0, 60).join('')}…`, `${cps.slice(0, 60).join('')}…`],
  );
});

test('QDPX bytes: project.qde then the texts, dated the export’s time (not before 1980-01-02); the exporter renders the same bytes', async () => {
  const { rows, sources } = richProject();
  const bytes = toQdpx(rows, CODEBOOK, { sources, now: NOW });
  const dosTime = (d: Date) =>
    (((d.getFullYear() - 1980) << 25) |
      ((d.getMonth() + 1) << 21) |
      (d.getDate() << 16) |
      (d.getHours() << 11) |
      (d.getMinutes() << 5) |
      (d.getSeconds() >> 1)) >>>
    0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  assert.equal(view.getUint32(0, true), 0x04034b50);
  assert.equal(view.getUint32(10, true), dosTime(new Date(NOW)));
  const zip = unzipSync(bytes);
  const dec = new TextDecoder();
  assert.deepEqual(Object.keys(zip), ['project.qde', `sources/${sourceGuid(rB)}.txt`, `sources/${sourceGuid(rA)}.txt`]);
  assert.equal(dec.decode(zip[`sources/${sourceGuid(rB)}.txt`]), '一、总体情况\n\n全年办理政府信息公开申请25件。\n');
  assert.equal(dec.decode(zip['project.qde']), qdpxParts(rows, CODEBOOK, { sources, now: NOW }).qde);
  const exporter = exporterFor('qdpx');
  assert.ok(exporter);
  // The exporter gives the files; the host zips them (exportBytes, with the zip writer loaded on first use).
  const archive = exporter.render(rows, CODEBOOK, { sources, now: NOW });
  assert.ok(typeof archive === 'object' && archive.kind === 'zip');
  assert.deepEqual(
    archive.files.map((f) => f.path),
    Object.keys(zip),
  );
  assert.deepEqual(await exportBytes(archive), bytes);
  assert.deepEqual([exporter.label, exporter.extension, exporter.binary], ['REFI-QDA (.qdpx)', 'qdpx', true]);
  // A time that is not one: the zip is dated 1980-01-02 (the earliest a zip can hold, in any time zone).
  const odd = toQdpx([], null, { now: 'yesterday' });
  assert.equal(new DataView(odd.buffer, odd.byteOffset).getUint32(10, true), dosTime(new Date(Date.UTC(1980, 0, 2))));
});

test('headingsByParagraph: a section ends with its chapter; the next chapter’s paragraphs have no section', () => {
  const imp = fromText(
    `${NANHAI}2019年度${LAW}\n\n一、总体情况\n\n全年受理行政复议案件12件，办结10件。\n\n（一）加强制度建设\n\n制定规范性文件3件。\n\n二、存在问题\n\n基层执法力量不足。\n`,
    `2019_${NANHAI}_${LAW}.txt`,
  );
  const one = { part: '', chapter: '一、总体情况', section: '' };
  const two = { part: '', chapter: '二、存在问题', section: '' };
  assert.deepEqual(headingsByParagraph(imp.reports[0]), [
    one,
    one,
    { ...one, section: '（一）加强制度建设' },
    { ...one, section: '（一）加强制度建设' },
    two,
    two,
  ]);
});

test('memos in exports: blank ones left out; report memos by year (none first), then title; code memos in codebook order', () => {
  const impC = nanhai(2019, '全年办理政府信息公开申请30件。');
  const rC = impC.reports[0];
  const impF = fromText(`某县人民政府2017年度${LAW}\n\n一、总体情况\n\n全年办理行政复议案件8件。\n`, `2017_某县_${LAW}.txt`);
  const rF = impF.reports[0];
  const sources: ExportSource[] = [
    { source: 'a.txt', imp: impA, annotations: [] },
    { source: 'c.txt', imp: impC, annotations: [] },
    { source: 'b.txt', imp: impB, annotations: [] },
    { source: 'f.txt', imp: impF, annotations: [] },
  ];
  const gone = exportRows([{ source: 'x.txt', imp: impB, annotations: [{ ...ann(rB, 1), report: 'r-gone' }] }], null);
  const extras = {
    sources,
    now: NOW,
    memos: {
      project: [
        { name: '空白', text: ' \n ' },
        { name: '计划', text: '先读2018' },
      ],
      reports: { [rA.id]: 'A', [rB.id]: 'B', [rC.id]: 'C', [rF.id]: 'F', 'r-gone': 'gone', [impB.reports[0].id + 'x']: 'not exported' },
    },
  };
  const codebook: Codebook = {
    version: 1,
    tags: [
      { id: 'b', label: 'B', color: '#000', description: '', memo: 'memo b' },
      { id: 'blank', label: 'Blank', color: '#000', description: '', memo: '  ' },
      { id: 'a', label: 'A', color: '#000', description: '', memo: 'memo a' },
    ],
  };
  const blankReport = { ...extras, memos: { ...extras.memos, reports: { ...extras.memos.reports, [rC.id]: '\n  ' } } };
  const jsonl = (x: typeof extras) => {
    const out = exporterFor('jsonl')?.render(gone, codebook, x);
    assert.equal(typeof out, 'string');
    return (out as string)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((j) => j.annals.memo)
      .map((j) => `${j.annals.memo}:${j.annals.name ?? j.annals.title ?? j.annals.label}:${j.body.value}`);
  };
  assert.deepEqual(jsonl(extras), [
    'project:计划:先读2018',
    'report::gone',
    `report:${rF.title}:F`,
    `report:${rB.title}:B`,
    `report:${rC.title}:C`,
    `report:${rA.title}:A`,
    'code:B:memo b',
    'code:A:memo a',
  ]);
  // The same order whatever order the sources come in (two reports of 2019: by title).
  assert.deepEqual(jsonl({ ...extras, sources: [...sources].reverse() }), jsonl(extras));
  assert.deepEqual(jsonl(blankReport), [
    'project:计划:先读2018',
    'report::gone',
    `report:${rF.title}:F`,
    `report:${rB.title}:B`,
    `report:${rA.title}:A`,
    'code:B:memo b',
    'code:A:memo a',
  ]);
  // The workbook lists the project and report memos (not the code memos).
  const wb = exporterFor('xlsx')?.render(gone, codebook, extras);
  assert.ok(wb && typeof wb === 'object' && 'sheets' in wb);
  assert.deepEqual(wb.sheets.find((s) => s.name === 'memos')?.rows, [
    ['kind', 'name', 'report id', 'text'],
    ['project', '计划', '', '先读2018'],
    ['report', '', 'r-gone', 'gone'],
    ['report', rF.title, rF.id, 'F'],
    ['report', rB.title, rB.id, 'B'],
    ['report', rC.title, rC.id, 'C'],
    ['report', rA.title, rA.id, 'A'],
  ]);
});

test('XLSX: numbers in year/start/end (a missing year stays empty), codebook parent and memo cells, coders, agreement sorted by alpha, then kappa, then percent', () => {
  const placed = ann(rA, 1, { id: 'p', tags: ['figures', 'zeta'], author: 'wang' });
  const gone = { ...ann(rA, 1, { id: 'g', author: 'li' }), report: 'r-gone' };
  const rows = exportRows([{ source: 'a.txt', imp: impA, annotations: [placed, gone] }], CODEBOOK);
  const agr = { units: 3, percent: 66.7, kappa: 0.5, alpha: 0.4 };
  const extras = {
    coders: [{ id: 'zhao', name: '赵', color: '#123456' }],
    agreement: {
      coders: ['li', 'wang'],
      units: 3,
      overall: agr,
      tags: {
        zeta: { units: 2, percent: 50, kappa: null, alpha: null },
        rules: { units: 2, percent: 100, kappa: 0.8, alpha: 0.9 },
        figures: { units: 3, percent: 100, kappa: 0.2, alpha: null },
        beta: { units: 1, percent: null, kappa: null, alpha: null },
        alpha: { units: 1, percent: null, kappa: null, alpha: null },
      },
    },
  };
  const exporter = exporterFor('xlsx');
  assert.ok(exporter);
  assert.deepEqual(
    [exporter.label, exporter.description, exporter.extension],
    ['Excel (.xlsx)', 'a workbook: annotations, codebook, and agreement when computed', 'xlsx'],
  );
  const wb = exporter.render(rows, CODEBOOK, extras);
  assert.ok(typeof wb === 'object' && 'kind' in wb);
  assert.equal(wb.kind, 'workbook');
  const sheet = (name: string) => wb.sheets.find((s) => s.name === name)?.rows ?? [];
  const head = sheet('annotations')[0] as string[];
  const pick = (row: (string | number | null)[]) => ['year', 'start', 'end', 'anchor status'].map((c) => row[head.indexOf(c)]);
  assert.deepEqual(pick(sheet('annotations')[1]), [2019, 56, 76, 'exact-id']);
  assert.deepEqual(pick(sheet('annotations')[2]), ['', 56, 76, 'orphan']);
  assert.deepEqual(sheet('codebook'), [
    ['id', 'label', 'color', 'description', 'parent', 'memo', 'annotations'],
    ['figures', '数据指标', ' #abc ', '数字 & <比例>', '', '', 1],
    ['figures.cases', '案件', '#12ab9F', '', 'figures', '复议与诉讼\r\n分开计', 0],
    ['figures.money', '资金', '#123', '', 'figures', '', 0],
    ['orphan-child', '孤儿', 'red#abc', '', 'gone', '', 0],
    ['plain', '', 'blue', '', '', '', 0],
  ]);
  assert.deepEqual(sheet('coders'), [
    ['id', 'name', 'color', 'annotations'],
    ['zhao', '赵', '#123456', 0],
    ['li', '', '', 1],
    ['wang', '', '', 1],
  ]);
  assert.deepEqual(sheet('agreement'), [
    ['tag', 'label', 'units', 'percent', 'kappa', 'alpha'],
    ['(overall)', 'coders: li, wang', 3, 66.7, 0.5, 0.4],
    ['alpha', 'alpha', 1, null, null, null],
    ['beta', 'beta', 1, null, null, null],
    ['figures', '数据指标', 3, 100, 0.2, null],
    ['rules', 'rules', 2, 100, 0.8, 0.9],
    ['zeta', 'zeta', 2, 50, null, null],
  ]);
  // The same order whatever order the tags come in.
  const reversed = { ...extras, agreement: { ...extras.agreement, tags: Object.fromEntries(Object.entries(extras.agreement.tags).reverse()) } };
  const again = exporter.render(rows, CODEBOOK, reversed);
  assert.ok(typeof again === 'object' && 'sheets' in again);
  assert.deepEqual(again.sheets.find((s) => s.name === 'agreement')?.rows, sheet('agreement'));
  // Without a codebook: an empty codebook sheet, agreement labelled by id.
  const bare = exporter.render(rows, null, extras);
  assert.ok(typeof bare === 'object' && 'sheets' in bare);
  assert.deepEqual(bare.sheets.find((s) => s.name === 'codebook')?.rows, [['id', 'label', 'color', 'description', 'parent', 'memo', 'annotations']]);
  assert.deepEqual(bare.sheets.find((s) => s.name === 'agreement')?.rows[4], ['figures', 'figures', 3, 100, 0.2, null]);
});

test('QDPX indentation: a source with no selection has its variable values at 6 spaces and its close at 4 (no stray spaces after the last line)', () => {
  const sources: ExportSource[] = [{ source: 'b.txt', imp: impB, annotations: [] }];
  const { qde } = qdpxParts([], null, { sources, now: NOW });
  const lines = qde.split('\n');
  const at = (tag: string) => lines.filter((l) => l.trimStart().startsWith(tag)).map((l) => l.length - l.trimStart().length);
  assert.deepEqual(at('<TextSource'), [4]);
  assert.deepEqual(new Set(at('<VariableValue>')), new Set([6]));
  assert.deepEqual(new Set(at('<VariableRef')), new Set([8]));
  assert.deepEqual(at('</TextSource>'), [4]);
  // With selections: each selection at 6 spaces, its codings at 8.
  const { rows } = richProject();
  const withSel = qdpxParts(rows, CODEBOOK, { now: NOW }).qde.split('\n');
  const depth = (tag: string) => new Set(withSel.filter((l) => l.trimStart().startsWith(tag)).map((l) => l.length - l.trimStart().length));
  assert.deepEqual([depth('<PlainTextSelection'), depth('<Coding'), depth('</TextSource>')], [new Set([6]), new Set([8]), new Set([4])]);
});
