/**
 * The edges of REFI-QDA import, with exact expectations: what readQdpx takes from a project.qde
 * (prefixed names, nameless codes, bad positions, the kinds of source, paths inside the archive,
 * the size limit, a nesting bomb), and what planImport makes of it (file names, the title line,
 * raw and placed targets, codes merged into the codebook, coders, memos, files already there),
 * and the memo files memoWrites plans. (Written for mutation testing: each row is one that a
 * realistic slip in src/core/qdpx/ would change.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { type Codebook, codeConflicts, importSource, memoWrites, planImport, problemText, readQdpx, type Tag } from '../../src/core/index.ts';

const MB = 1024 * 1024;
const NOW = '2026-05-01T12:00:00.000Z';
const enc = new TextEncoder();

type Project = Parameters<typeof planImport>[0];
type Options = Parameters<typeof planImport>[1];
type Source = Project['sources'][number];
type Selection = Source['selections'][number];
type Code = Project['codes'][number];

/** What readQdpx gives, with the notes as an object (deepEqual-friendly). */
function read(bytes: Uint8Array, max = MB) {
  const r = readQdpx(bytes, max);
  if (!r.ok) return { problem: problemText(r.problem) };
  return { ...r.value, notes: Object.fromEntries(r.value.notes), problems: r.value.problems.map(problemText) };
}

const qde = (body: string, name = 'x') => `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="${name}">${body}</Project>`;

test('readQdpx: prefixed names, users, nameless codes, selections that are not spans, variables, the kinds of source, notes', () => {
  const xml =
    '<?xml version="1.0"?></Stray><Other name="not the project"/>' +
    '<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="Team 2026">' +
    '<qda:Users><qda:User guid="{aaaa-01}" name="Wang Fang" id="WF"/><qda:User guid="aaaa-02" name="Li Lei"/><qda:User guid="aaaa-03" id="ZZ"/></qda:Users>' +
    '<qda:CodeBook><qda:Codes>' +
    '<qda:Code guid="c1" name=" Economy " color="#ABC"><qda:Description>  The economy  </qda:Description><qda:NoteRef targetGUID="{n1}"/>' +
    '<qda:Code guid="c2" name=""><qda:Code guid="c3" name="GDP"><qda:NoteRef/></qda:Code></qda:Code>' +
    '<qda:Code name="No guid"><qda:Code guid="c4" name="Jobs"/></qda:Code><qda:Code guid="c5"/>' +
    '</qda:Code></qda:Codes></qda:CodeBook>' +
    '<qda:Variables><qda:Variable guid="v1" name="Province"/><qda:Variable guid="v2"/></qda:Variables>' +
    '<qda:Sources>' +
    '<qda:TextSource guid="s1" name="Inline"><qda:PlainTextContent>全年受理12件。</qda:PlainTextContent>' +
    '<qda:PlainTextSelection guid="{x1}" startPosition="0" endPosition="4" creatingUser="{aaaa-01}" creationDateTime="2026-02-20T09:00:00Z" modifiedDateTime="2026-02-21T09:00:00Z">' +
    '<qda:Description>  a note  </qda:Description><qda:Coding><qda:CodeRef targetGUID="c3"/></qda:Coding><qda:Coding><qda:CodeRef/></qda:Coding><qda:Coding/>' +
    '<qda:NoteRef targetGUID="n2"/></qda:PlainTextSelection>' +
    '<qda:PlainTextSelection guid="x2" startPosition="1.5" endPosition="3"/>' +
    '<qda:PlainTextSelection guid="x3" startPosition="1" endPosition="x"/>' +
    '<qda:PlainTextSelection guid="x4" startPosition="-1" endPosition="3"/>' +
    '<qda:PlainTextSelection guid="x5" startPosition="2" endPosition="2"/>' +
    '<qda:PlainTextSelection guid="x6" startPosition="2" endPosition="3"/>' +
    '<qda:VariableValue><qda:VariableRef targetGUID="v1"/><qda:TextValue>  安徽省  </qda:TextValue></qda:VariableValue>' +
    '<qda:VariableValue><qda:VariableRef targetGUID="v2"/><qda:TextValue>nameless</qda:TextValue></qda:VariableValue>' +
    '<qda:VariableValue><qda:VariableRef targetGUID="v9"/><qda:TextValue>unknown</qda:TextValue></qda:VariableValue>' +
    '<qda:VariableValue><qda:VariableRef targetGUID="v1"/></qda:VariableValue>' +
    '<qda:NoteRef targetGUID="n3"/></qda:TextSource>' +
    '<qda:TextSource><qda:PlainTextContent>x</qda:PlainTextContent></qda:TextSource>' +
    '<qda:TextSource guid="s3"/><qda:TextSource guid="s3b" name="Empty"/>' +
    '<qda:TextSource guid="s4" plainTextPath="internal://s4.txt"/><qda:TextSource guid="s4b" name="Linked" plainTextPath="internal://s4.txt"/>' +
    '<qda:TextSource guid="s5" plainTextPath="/etc/passwd"/>' +
    '<qda:PictureSource name="Photo"/><qda:AudioSource name="Talk"/><qda:VideoSource name="Film"/>' +
    '<qda:PDFSource guid="p2"><qda:PlainTextContent>a PDF’s text</qda:PlainTextContent></qda:PDFSource>' +
    '<qda:Description>not a source</qda:Description>' +
    '</qda:Sources>' +
    '<qda:Notes><qda:Note guid="n1" name="Code memo"><qda:PlainTextContent>On the economy.</qda:PlainTextContent></qda:Note><qda:Note guid="{n2}"/></qda:Notes>' +
    '<qda:NoteRef targetGUID="n1"/>' +
    '</qda:Project>';
  assert.deepEqual(read(strToU8(xml)), {
    name: 'Team 2026',
    users: [
      { guid: 'AAAA-01', name: 'Wang Fang', id: 'WF' },
      { guid: 'AAAA-02', name: 'Li Lei', id: 'Li Lei' },
      { guid: 'AAAA-03', name: '', id: 'ZZ' },
    ],
    codes: [
      { guid: 'C1', name: 'Economy', color: '#ABC', description: 'The economy', parent: null, notes: ['N1'] },
      { guid: 'C3', name: 'GDP', color: null, description: '', parent: 'C1', notes: [] },
      { guid: 'C4', name: 'Jobs', color: null, description: '', parent: 'C1', notes: [] },
    ],
    sources: [
      {
        guid: 'S1',
        name: 'Inline',
        text: '全年受理12件。',
        selections: [
          {
            guid: 'X1',
            start: 0,
            end: 4,
            user: 'AAAA-01',
            created: '2026-02-20T09:00:00Z',
            modified: '2026-02-21T09:00:00Z',
            codes: ['C3'],
            notes: ['N2'],
            description: 'a note',
          },
          { guid: 'X6', start: 2, end: 3, user: null, created: null, modified: null, codes: [], notes: [], description: '' },
        ],
        notes: ['N3'],
        variables: { Province: '安徽省' },
      },
      { guid: '', name: '', text: 'x', selections: [], notes: [], variables: {} },
    ],
    notes: { N1: { name: 'Code memo', text: 'On the economy.' }, N2: { name: '', text: '' } },
    projectNotes: ['N1'],
    problems: [
      'The source “” was not imported: it has no plain text.',
      'The source “Empty” was not imported: it has no plain text.',
      'The source “” was not imported: a project.qde alone holds no sources/ folder.',
      'The source “Linked” was not imported: a project.qde alone holds no sources/ folder.',
      'The source “” was not imported: its text is outside the project (/etc/passwd).',
      'The source “Photo” was not imported: a PictureSource is not a text.',
      'The source “Talk” was not imported: an AudioSource is not a text.',
      'The source “Film” was not imported: a VideoSource is not a text.',
      'The source “PDFSource” was not imported: a PDFSource is not a text.',
      'A selection of “Inline” was not imported: its positions 1.5–3 are not a span of the text.',
      'A selection of “Inline” was not imported: its positions 1–x are not a span of the text.',
      'A selection of “Inline” was not imported: its positions -1–3 are not a span of the text.',
      'A selection of “Inline” was not imported: its positions 2–2 are not a span of the text.',
    ],
  });
});

test('readQdpx: a project with nothing in it, not even a name', () => {
  assert.deepEqual(read(strToU8('<Project/>')), { name: '', users: [], codes: [], sources: [], notes: {}, projectNotes: [], problems: [] });
});

test('readQdpx: elements nested past 64 levels are ignored, text and all, and what follows them is read', () => {
  // Project is level 1, CodeBook 2, Codes 3: codes 0…60 are levels 4…64; code 59's Description is level 64, its <b> 65.
  let codes = '';
  for (let k = 69; k >= 0; k--) {
    const description = k === 59 ? '<Description>Shallow<b>deep</b> end</Description>' : '';
    codes = `<Code guid="d${k}" name="L${k}">${description}${codes}</Code>`;
  }
  const xml = qde(
    `<CodeBook><Codes>${codes}<Code guid="top" name="Top"/></Codes></CodeBook><Sources><TextSource guid="s" name="S"><PlainTextContent>text</PlainTextContent></TextSource></Sources>`,
  );
  const p = read(strToU8(xml));
  assert.ok('codes' in p);
  assert.equal(p.codes.length, 62);
  assert.deepEqual(p.codes[59], { guid: 'D59', name: 'L59', color: null, description: 'Shallow end', parent: 'D58', notes: [] });
  assert.deepEqual(
    p.codes.slice(60).map((c) => [c.guid, c.parent]),
    [
      ['D60', 'D59'],
      ['TOP', null],
    ],
  );
  assert.deepEqual(
    p.sources.map((s) => [s.name, s.text]),
    [['S', 'text']],
  );
});

/** A .qdpx of a project.qde and files under sources/. */
function qdpx(project: string, files: Record<string, string | Uint8Array> = {}): Uint8Array {
  const zip: Record<string, Uint8Array> = { 'project.qde': strToU8(project) };
  for (const [k, v] of Object.entries(files)) zip[`sources/${k}`] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(zip);
}
const pathSource = (name: string, path: string) => `<TextSource guid="g-${name}" name="${name}" plainTextPath="${path}"/>`;

test('readQdpx: text paths inside the archive (relative, backslashes, a sources/ prefix in any case), and the ones that are not', () => {
  const rows: [path: string, text: string | null, problem?: string][] = [
    ['internal://plain.txt', '全年受理12件。'],
    ['sources\\win.txt', 'Windows path'],
    ['Sources/upper.txt', 'upper-case folder'],
    ['  internal://spaced.txt  ', 'spaces around the path'],
    ['internal://x/sources/deep.txt', 'a sources folder inside a folder'],
    ['dir/f:g.txt', 'a colon after a folder is no scheme'],
    ['internal://bom.txt', 'a byte order mark is dropped'],
    ['internal://mid.txt', 'a\uFEFFb'],
    ['internal://bom2.txt', 'two marks, as a file saved twice with one'],
    ['internal://a/./b.txt', null, 'its text path is not a name inside the project (internal://a/./b.txt)'],
    ['internal://a//b.txt', null, 'its text path is not a name inside the project (internal://a//b.txt)'],
    ['internal://a/../b.txt', null, 'its text path is not a name inside the project (internal://a/../b.txt)'],
    ['internal://', null, 'its text path is not a name inside the project (internal://)'],
    ['\\\\server\\x.txt', null, 'its text is outside the project (\\\\server\\x.txt)'],
    ['f:g.txt', null, 'its text is outside the project (f:g.txt)'],
    ['internal://gone.txt', null, 'sources/gone.txt is not in the project'],
  ];
  const files: Record<string, string | Uint8Array> = {
    'plain.txt': '全年受理12件。',
    'win.txt': 'Windows path',
    'upper.txt': 'upper-case folder',
    'spaced.txt': 'spaces around the path',
    'x/sources/deep.txt': 'a sources folder inside a folder',
    'deep.txt': 'the wrong file',
    'x/deep.txt': 'the wrong file',
    'dir/f:g.txt': 'a colon after a folder is no scheme',
    'bom.txt': '\uFEFFa byte order mark is dropped',
    'mid.txt': 'a\uFEFFb',
    'bom2.txt': '\uFEFF\uFEFFtwo marks, as a file saved twice with one',
    'a/b.txt': 'never read',
    'b.txt': 'never read',
  };
  const project = qde(`<Sources>${rows.map(([p], i) => pathSource(`s${i}`, p)).join('')}</Sources>`);
  const p = read(qdpx(project, files));
  assert.ok('sources' in p);
  assert.deepEqual(
    p.sources.map((s) => [s.name, s.text]),
    rows.flatMap(([, text], i) => (text === null ? [] : [[`s${i}`, text]])),
  );
  assert.deepEqual(
    p.problems,
    rows.flatMap(([, , why], i) => (why ? [`The source “s${i}” was not imported: ${why}.`] : [])),
  );
});

test('readQdpx: the limit counts project.qde and the texts together; a damaged or encrypted zip says so', () => {
  const text = '全年受理行政复议案件12件。'.repeat(20);
  const project = qde(`<Sources>${pathSource('big', 'internal://big.txt')}</Sources>`);
  const bytes = qdpx(project, { 'big.txt': text });
  const size = strToU8(project).length + strToU8(text).length;
  const atLimit = read(bytes, size);
  assert.ok('sources' in atLimit, 'exactly at the limit');
  assert.deepEqual(
    atLimit.sources.map((s) => s.text),
    [text],
  );
  assert.deepEqual(read(bytes, size - 1), {
    problem: 'The REFI-QDA project would unpack to 0.0 MB, over the limit of 0.0 MB (annals.maxFileSizeMB): nothing was imported.',
  });
  assert.deepEqual(read(bytes, strToU8(project).length - 1), {
    problem: 'The REFI-QDA project would unpack to 0.0 MB, over the limit of 0.0 MB (annals.maxFileSizeMB): nothing was imported.',
  });
  assert.deepEqual(read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), {
    problem: 'The REFI-QDA project is damaged: its zip directory is missing (the file is cut off or is not a zip archive). Nothing was imported.',
  });
  // Encrypted: general purpose flag bit 0 in the central directory.
  const locked = qdpx(qde(''));
  for (let i = 0; i + 4 <= locked.length; i++)
    if (locked[i] === 0x50 && locked[i + 1] === 0x4b && locked[i + 2] === 0x01 && locked[i + 3] === 0x02) locked[i + 8] |= 1;
  assert.deepEqual(read(locked), { problem: 'The REFI-QDA project is password-protected: Annals cannot read it. Nothing was imported.' });
  const r = readQdpx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), MB);
  assert.ok(!r.ok);
  assert.deepEqual(r.problem, { code: 'qdpxBroken', args: ['its zip directory is missing (the file is cut off or is not a zip archive)'] });
});

// planImport: projects as readQdpx gives them, and the reports as Annals reads the plain-text files.
const readReport = (name: string, text: string) => importSource(name, enc.encode(text)).reports[0] ?? null;
const project = (p: Partial<Project>): Project => ({ name: 'P', users: [], codes: [], sources: [], notes: new Map(), projectNotes: [], problems: [], ...p });
const source = (name: string, text: string, selections: Selection[] = [], extra: Partial<Source> = {}): Source => ({
  guid: 'S1',
  name,
  text,
  selections,
  notes: [],
  variables: {},
  ...extra,
});
const selection = (guid: string, start: number, end: number, extra: Partial<Selection> = {}): Selection => ({
  guid,
  start,
  end,
  user: null,
  created: null,
  modified: null,
  codes: [],
  notes: [],
  description: '',
  ...extra,
});
const code = (guid: string, name: string, extra: Partial<Code> = {}): Code => ({ guid, name, color: null, description: '', parent: null, notes: [], ...extra });
const options = (extra: Partial<Options> = {}): Options => ({ codebook: { version: 1, tags: [] }, readReport, existing: () => null, now: NOW, ...extra });
const BODY = '全年受理行政复议案件12件，办结10件。';

test('planImport: file names from source names (no separators or controls, no edge dots, one .txt, at most 100 code points, no device names)', async () => {
  const rows: [name: string, file: string][] = [
    ['a/b\\c:d*e?f"g<h>i|j\u0001k\u007f', 'a_b_c_d_e_f_g_h_i_j_k_.txt'],
    ['  ..报告..  ', '报告.txt'],
    ['Report.TXT', 'Report.txt'],
    ['a.txt.b', 'a.txt.b.txt'],
    ['𠀀'.repeat(101), `${'𠀀'.repeat(100)}.txt`],
    ['x'.repeat(100), `${'x'.repeat(100)}.txt`],
    ['...', 'source.txt'],
    ['', 'source (2).txt'],
    ['CON', '_CON.txt'],
    ['com1', '_com1.txt'],
    ['LPT9', '_LPT9.txt'],
    ['console', 'console.txt'],
    ['xcon', 'xcon.txt'],
  ];
  const plan = await planImport(project({ sources: rows.map(([name]) => source(name, BODY)) }), options());
  assert.deepEqual(
    plan.files.map((f) => f.name),
    rows.map(([, file]) => file),
  );
  assert.deepEqual(plan.problems, []);
});

test('planImport: the source name becomes the title line only where Annals reads it as the title; line ends become LF', async () => {
  const rows: [name: string, text: string, file: string | null][] = [
    ['2019年某区政府工作报告', '全年受理12件。', '2019年某区政府工作报告\n\n全年受理12件。'],
    ['2019年某区政府工作报告', '2019年某区政府工作报告\r\n全年受理12件。\r办结10件。', '2019年某区政府工作报告\n全年受理12件。\n办结10件。'],
    ['2019年某区政府工作报告', '全年受理12件。\n\n2019年某区政府工作报告', '2019年某区政府工作报告\n\n全年受理12件。\n\n2019年某区政府工作报告'],
    // The text's own first line is the title: the name would be read as part of it.
    ['notes', '2019年某区政府工作报告\n\n全年受理12件。', '2019年某区政府工作报告\n\n全年受理12件。'],
    // The name is read as a paragraph, not a title.
    ['全年受理12件，办结10件。', '全年办结10件。\n\n全年受理5件。', '全年办结10件。\n\n全年受理5件。'],
    ['  notes  ', '全年受理12件。', 'notes\n\n全年受理12件。'],
    ['a\nb', '全年受理12件。', '全年受理12件。'],
    // No text: the title alone is a report without paragraphs.
    ['2019年某区政府工作报告', '', '2019年某区政府工作报告\n\n'],
    ['T', '', null],
  ];
  for (const [name, text, file] of rows) {
    const plan = await planImport(project({ sources: [source(name, text)] }), options());
    assert.deepEqual(
      plan.files.map((f) => f.text),
      file === null ? [] : [file],
      JSON.stringify(name),
    );
    assert.deepEqual(plan.problems.map(problemText), file === null ? [`The source “${name}” was not imported: Annals finds no report in its text.`] : []);
  }
});

const P1 = '第一段：全年受理行政复议案件十二件，比上年增加三件，办结十件。';
const P2 = '第二段：全年发生行政诉讼案件八件，其中败诉一件，纠错率有所下降。';
const P3 = '第三段：明年继续推进法治政府建设，完善行政执法程序。';
const P4 = '第四段：加强对行政权力的制约和监督，全面推进政务公开。';

test('planImport: selections placed on the report, or kept as they came (quote, 32 code points of context, position) for review', async () => {
  const text = [P1, P2, P3, P4].join('\r\r');
  const at = (s: string) => text.indexOf(s);
  const e = code('E0000000-0000-4000-8000-000000000001', 'Economy');
  const plan = await planImport(
    project({
      users: [
        { guid: 'U1', id: 'WF', name: 'Wang Fang' },
        { guid: 'U2', id: '', name: 'Li Lei' },
      ],
      codes: [e],
      notes: new Map([
        ['N1', { name: 'n', text: '  On growth.  ' }],
        ['N2', { name: 'n', text: 'Second.' }],
      ]),
      sources: [
        source('2019年某区法治政府建设工作报告', text, [
          selection('A', at('比上年'), at('比上年') + 7, {
            user: 'U1',
            created: '2026-02-20T09:00:00+08:00',
            modified: 'not a date',
            description: 'A note',
            notes: ['NX', 'N1', 'N2'],
            codes: [e.guid, e.guid, 'UNKNOWN'],
          }),
          selection('B', at('纠错率'), at('明年'), { created: '2026-03-01', modified: '2026-03-02T00:00:00Z', notes: ['N2'] }),
          selection('C', P1.length, at('明年'), { user: 'U9' }),
          selection('D', at('\r\r第四'), at('第四')),
          selection('E', text.length - 5, text.length, { user: 'U2' }),
          selection('F', text.length - 5, text.length + 1),
        ]),
      ],
    }),
    options(),
  );
  assert.deepEqual(plan.problems.map(problemText), [
    'A selection of “2019年某区法治政府建设工作报告” was not imported: its positions 117–123 are past the end of the text (122).',
  ]);
  const [f] = plan.files;
  assert.equal(f.text, `2019年某区法治政府建设工作报告\n\n${[P1, P2, P3, P4].join('\n\n')}`);
  assert.equal(f.review, 2);
  const [p1, p2, , p4] = f.report.paragraphs.map((p) => p.id);
  const tag = plan.codebook.tags[0].id;
  const base = { report: f.report.id, tags: [], note: '', author: '', created: NOW, modified: NOW };
  assert.deepEqual(f.annotations, [
    {
      ...base,
      id: 'ae6942b0fe6895083',
      target: {
        paragraph: p1,
        quote: {
          type: 'TextQuoteSelector',
          exact: '比上年增加三件',
          prefix: '2019 · — · —\n\n第一段：全年受理行政复议案件十二件，',
          suffix: '，办结十件。\n\n第二段：全年发生行政诉讼案件八件，其中败诉一件，',
        },
        position: { type: 'TextPositionSelector', start: 59, end: 66 },
      },
      tags: [tag],
      note: 'A note\n\nOn growth.\n\nSecond.',
      author: 'WF',
      created: '2026-02-20T01:00:00.000Z',
      modified: '2026-02-20T01:00:00.000Z',
    },
    {
      ...base,
      id: 'a87becde3860759c8',
      // Across two paragraphs: an orphan, kept as it came, on the paragraph where it starts.
      target: {
        paragraph: p2,
        quote: {
          type: 'TextQuoteSelector',
          exact: '纠错率有所下降。\n\n第三段：',
          prefix: '，办结十件。\n\n第二段：全年发生行政诉讼案件八件，其中败诉一件，',
          suffix: '明年继续推进法治政府建设，完善行政执法程序。\n\n第四段：加强对行',
        },
        position: { type: 'TextPositionSelector', start: 98, end: 112 },
      },
      note: 'Second.',
      created: '2026-03-01T00:00:00.000Z',
      modified: '2026-03-02T00:00:00.000Z',
    },
    {
      ...base,
      id: 'af2ffb0983f58525e',
      // Starting right at the end of the first paragraph: that paragraph.
      target: {
        paragraph: p1,
        quote: {
          type: 'TextQuoteSelector',
          exact: `${P2}\n\n第三段：`,
          prefix: P1,
          suffix: '明年继续推进法治政府建设，完善行政执法程序。\n\n第四段：加强对行',
        },
        position: { type: 'TextPositionSelector', start: 72, end: 110 },
      },
    },
    {
      ...base,
      id: 'ab86d8742a1035bfb',
      target: {
        paragraph: p4,
        quote: { type: 'TextQuoteSelector', exact: '政务公开。', prefix: '善行政执法程序。\n\n第四段：加强对行政权力的制约和监督，全面推进', suffix: '\n' },
        position: { type: 'TextPositionSelector', start: 158, end: 163 },
      },
      author: 'Li Lei',
    },
  ]);
});

test('planImport: a selection Annals can only suggest a place for (the figures differ) goes to review as it came; a close match is placed', async () => {
  // A reader that changes the text (as a correction would): 12 in the project, 13 in the report; 工作安排 becomes 工作部署.
  const changing = (name: string, text: string) => importSource(name, enc.encode(text.replace('12', '13').replace('工作安排', '工作部署'))).reports[0] ?? null;
  const text = '全年受理行政复议案件12件，比上年增加3件，办结10件，纠错率有所下降。\n\n第二段讲的是明年的工作安排，继续推进法治政府建设。';
  const plan = await planImport(
    project({
      sources: [
        source('2019年某区工作报告', text, [selection('A', 4, 14), selection('B', 29, 34), selection('C', text.indexOf('明年'), text.indexOf('建设'))]),
      ],
    }),
    options({ readReport: changing }),
  );
  const [f] = plan.files;
  assert.equal(f.review, 1);
  assert.deepEqual(
    f.annotations.map((a) => a.target),
    [
      {
        paragraph: f.report.paragraphs[0].id,
        quote: {
          type: 'TextQuoteSelector',
          exact: '行政复议案件12件，',
          prefix: '全年受理',
          suffix: '比上年增加3件，办结10件，纠错率有所下降。\n\n第二段讲的是明年',
        },
        position: { type: 'TextPositionSelector', start: 34, end: 44 },
      },
      // Placed: the figures are not in the quote.
      {
        paragraph: f.report.paragraphs[0].id,
        quote: {
          type: 'TextQuoteSelector',
          exact: '错率有所下',
          prefix: '—\n\n全年受理行政复议案件13件，比上年增加3件，办结10件，纠',
          suffix: '降。\n\n第二段讲的是明年的工作部署，继续推进法治政府建设。\n',
        },
        position: { type: 'TextPositionSelector', start: 59, end: 64 },
      },
      // Placed where it matches closely: the report's words.
      {
        paragraph: f.report.paragraphs[1].id,
        quote: {
          type: 'TextQuoteSelector',
          exact: '明年的工作部署，继续推进法治政府',
          prefix: '件，比上年增加3件，办结10件，纠错率有所下降。\n\n第二段讲的是',
          suffix: '建设。\n',
        },
        position: { type: 'TextPositionSelector', start: 74, end: 90 },
      },
    ],
  );
});

const TAGS: Tag[] = [
  { id: 'economy', label: ' Economy ', color: '#AABBCC', description: 'The economy' },
  { id: 'x1', label: 'Dup', color: '#111111', description: 'First' },
  { id: 'x2', label: 'Dup', color: '#222222', description: 'Second' },
  { id: 'memoed', label: 'Memoed', color: '#333333', description: '', memo: 'Mine.' },
  { id: 'plain', label: 'Plain', color: '#444444', description: 'Same' },
];
const CODES = [
  // Same colour spelled another way, same description: no conflict; its memo goes to the tag that has none.
  code('C1', 'Economy', { color: '#abc', description: 'The economy', notes: ['N1'] }),
  // The first tag of a label is the one matched.
  code('C2', 'Dup', { color: '#999999' }),
  // A tag's own memo is kept.
  code('C3', 'Memoed', { notes: ['N1'] }),
  code('C4', 'Plain', { color: '#444', description: 'Other' }),
  code('C5', 'New', { color: ' #ABC ', description: 'Brand new', parent: 'C1', notes: ['NX', 'N1', 'N2'] }),
  code('C6', 'Bare'),
];
const NOTES = new Map([
  ['N1', { name: 'n1', text: '  On growth.  ' }],
  ['N2', { name: 'n2', text: 'Second.' }],
]);

test('planImport: codes merged into the codebook, for each choice of what a conflict does', async () => {
  const codebook: Codebook = { version: 3, tags: TAGS };
  const p = project({ codes: CODES, notes: NOTES });
  const conflicts = [
    { name: 'Dup', tagId: 'x1', fields: ['colour'] },
    { name: 'Plain', tagId: 'plain', fields: ['description'] },
  ];
  const added: Tag[] = [
    { id: 'qdpx-c5', label: 'New', color: '#abc', description: 'Brand new', parent: 'economy', memo: 'On growth.\n\nSecond.' },
    { id: 'qdpx-c6', label: 'Bare', color: '#8c564b', description: '' },
  ];
  const keep = await planImport(p, options({ codebook }));
  assert.deepEqual(keep.conflicts, conflicts);
  assert.deepEqual([keep.codesAdded, keep.codesChanged], [2, 1]);
  assert.deepEqual(keep.codebook, { version: 3, tags: [{ ...TAGS[0], memo: 'On growth.' }, ...TAGS.slice(1), ...added] });
  assert.deepEqual(TAGS[0], { id: 'economy', label: ' Economy ', color: '#AABBCC', description: 'The economy' }, 'the codebook given is not changed');

  const replace = await planImport(p, options({ codebook, onConflict: 'replace' }));
  assert.deepEqual([replace.codesAdded, replace.codesChanged], [2, 3]);
  assert.deepEqual(replace.codebook.tags.slice(0, 5), [
    { ...TAGS[0], memo: 'On growth.' },
    { ...TAGS[1], color: '#999999' },
    TAGS[2],
    TAGS[3],
    { ...TAGS[4], description: 'Other' },
  ]);

  const add = await planImport(p, options({ codebook, onConflict: 'add' }));
  assert.deepEqual([add.codesAdded, add.codesChanged], [4, 1]);
  assert.deepEqual(add.codebook.tags.slice(5), [
    { id: 'qdpx-c2', label: 'Dup (2)', color: '#999999', description: '' },
    { id: 'qdpx-c4', label: 'Plain (2)', color: '#444', description: 'Other' },
    { ...added[0], color: '#abc' },
    { id: 'qdpx-c6', label: 'Bare', color: '#7f7f7f', description: '' },
  ]);
});

test('planImport: new tags’ ids (the GUID’s, else one made from the name), labels numbered past those taken, and the palette in order', async () => {
  const growth = 'A0000000-0000-4000-8000-00000000000A';
  const codebook: Codebook = {
    version: 1,
    tags: [
      { id: 'qdpx-a000000000004000800000000000000a', label: 'Growth', color: '#111111', description: '' },
      { id: 'g2', label: 'Growth (2)', color: '#111111', description: '' },
    ],
  };
  const plan = await planImport(
    project({
      codes: [
        code(growth, 'Growth', { color: '#222222' }),
        code('', 'Loose'),
        code('NOT A GUID', 'Odd'),
        code('B0000000-0000-4000-8000-00000000000B', 'Alpha'),
        code('B0000000-0000-4000-8000-00000000000B', 'Beta'),
      ],
    }),
    options({ codebook, onConflict: 'add' }),
  );
  assert.deepEqual(
    plan.codebook.tags.slice(2).map((t) => [t.id, t.label]),
    [
      // Its GUID's id is taken (by the tag it conflicts with): one from its name and place.
      ['qdpx-71b47186b14853cda8cce334d854e641', 'Growth (3)'],
      ['qdpx-dec9bec5e23354f8a6494a2a130e948a', 'Loose'],
      ['qdpx-fff80fef7d1a5d50930a4f6cfd606652', 'Odd'],
      ['qdpx-b000000000004000800000000000000b', 'Alpha'],
    ],
  );
  assert.equal(plan.codesAdded, 4, 'a second code of a GUID added is that tag');

  const palette = await planImport(project({ codes: Array.from({ length: 11 }, (_, i) => code(`P${i}`, `Code ${i}`)) }), options());
  assert.deepEqual(
    palette.codebook.tags.map((t) => t.color),
    ['#1f77b4', '#2ca02c', '#9467bd', '#d62728', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#1f77b4'],
  );
});

test('planImport: coders by id (else name), one per id, none without either; project memos and report memos from the notes', async () => {
  const plan = await planImport(
    project({
      users: [
        { guid: 'U1', id: 'WF', name: 'Wang' },
        { guid: 'U2', id: 'WF', name: 'Wang Fang' },
        { guid: 'U3', id: '', name: 'Li Lei' },
        { guid: 'U4', id: 'ZZ', name: '' },
        { guid: 'U5', id: '', name: '' },
      ],
      notes: new Map([...NOTES, ['N3', { name: '', text: 'Project memo.' }], ['N4', { name: 'Blank', text: '  \n ' }]]),
      projectNotes: ['N3', 'N4', 'NX', 'N1'],
      sources: [source('2018年某区政府工作报告', BODY, [], { notes: ['NX', 'N1', 'N2'] }), source('2019年某区政府工作报告', BODY, [], { guid: 'S2' })],
    }),
    options(),
  );
  assert.deepEqual(plan.coders, [
    { id: 'WF', name: 'Wang Fang' },
    { id: 'Li Lei', name: 'Li Lei' },
    { id: 'ZZ', name: 'ZZ' },
  ]);
  assert.deepEqual(plan.memos, {
    project: [
      { name: 'memo', text: 'Project memo.' },
      { name: 'n1', text: '  On growth.  ' },
    ],
    reports: { [plan.files[0].report.id]: 'On growth.\n\nSecond.' },
  });
  assert.equal(plan.files.length, 2);
});

test('planImport: a file of that name with other text gets a number; with the same text it is not written again', async () => {
  const there = new Map([
    ['Here.txt', `Here\n\n${BODY}`],
    ['Other.txt', 'another text'],
    ['Again.txt', 'another text'],
    ['Again (2).txt', `Again\n\n${BODY}`],
  ]);
  const plan = await planImport(
    project({ sources: ['Same', 'Same', 'Same', 'Here', 'Other', 'Again', '', ''].map((name) => source(name, BODY)) }),
    options({ existing: (name) => there.get(name) ?? null }),
  );
  assert.deepEqual(
    plan.files.map((f) => [f.name, f.write, f.text.slice(0, -BODY.length)]),
    [
      ['Same.txt', true, 'Same\n\n'],
      ['Same (2).txt', true, 'Same\n\n'],
      ['Same (3).txt', true, 'Same\n\n'],
      ['Here.txt', false, 'Here\n\n'],
      ['Other (2).txt', true, 'Other\n\n'],
      ['Again (2).txt', false, 'Again\n\n'],
      ['source.txt', true, ''],
      ['source (2).txt', true, ''],
    ],
  );
  assert.deepEqual(
    plan.files.slice(-2).map((f) => f.report.title),
    ['source', 'source (2)'],
    'read again under the name it gets',
  );
});

test('memoWrites: a name taken by the same text is done; memos of one name in one import get numbers; a report memo already there (any line ends) is not added again', async () => {
  const files = new Map([
    ['.annals/memos/Plan.md', 'Another plan.\n'],
    ['.annals/memos/Plan (2).md', 'Imported plan.\n'],
    ['.annals/memos/reports/r1.md', 'Mine.\r\rLine one.\rLine two.\r'],
    ['.annals/memos/reports/r2.md', '  Mine.\n\n\n'],
    ['.annals/memos/reports/r3.md', 'Mine. Theirs. More.'],
  ]);
  const writes = await memoWrites(
    {
      project: [
        { name: 'Plan', text: 'Imported plan.\n' },
        { name: 'Twice', text: 'First.' },
        { name: 'Twice', text: 'Second.' },
        { name: 'Twice', text: 'First.' },
      ],
      reports: { r1: 'Line one.\nLine two.', r2: 'New.', r3: ' Theirs.  ', r4: 'Fresh.\n' },
    },
    (p) => files.get(p) ?? null,
  );
  assert.deepEqual(writes, [
    { path: '.annals/memos/Twice.md', text: 'First.\n' },
    { path: '.annals/memos/Twice (2).md', text: 'Second.\n' },
    { path: '.annals/memos/reports/r2.md', text: '  Mine.\n\n---\n\nNew.\n' },
    { path: '.annals/memos/reports/r4.md', text: 'Fresh.\n' },
  ]);
});

test('planImport: a report without paragraphs keeps a selection as it came, for review, on the placeholder paragraph', async () => {
  const plan = await planImport(project({ sources: [source('2019年某区政府工作报告', '——', [selection('A', 0, 2)])] }), options());
  const [f] = plan.files;
  assert.deepEqual([f.text, f.report.paragraphs.length, f.review], ['2019年某区政府工作报告\n\n——', 0, 1]);
  assert.deepEqual(f.annotations[0].target, {
    paragraph: 'p00000000',
    quote: { type: 'TextQuoteSelector', exact: '——', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 2 },
  });
});

test('codeConflicts: colours compared as colours (case, short form, spaces), descriptions as given; no colour or description is no conflict', () => {
  const rows: [color: string | null, description: string, tagColor: string, tagDescription: string, fields: string[]][] = [
    ['#abc', '', '#AABBCC', '', []],
    ['#ABC', '', ' #aabbcc ', '', []],
    [' #FFF ', '', '#ffffff', '', []],
    ['#abd', '', '#aabbcc', '', ['colour']],
    ['#aabbcc', '', '#abc', '', []],
    ['red', '', '#ffffff', '', []],
    [null, 'Money', '#ffffff', 'Money', []],
    [null, 'Money', '#ffffff', 'money', ['description']],
    ['#000', 'Money', '#ffffff', '', ['colour', 'description']],
  ];
  for (const [color, description, tagColor, tagDescription, fields] of rows) {
    const codebook: Codebook = { version: 1, tags: [{ id: 'figures', label: '数据指标', color: tagColor, description: tagDescription }] };
    assert.deepEqual(
      codeConflicts(project({ codes: [code('C1', '数据指标', { color, description })] }), codebook),
      fields.length ? [{ name: '数据指标', tagId: 'figures', fields }] : [],
      JSON.stringify([color, description, tagColor, tagDescription]),
    );
  }
});

test('planImport: positions count CR LF as two, a lone CR as one: a whole paragraph late in a CR LF text is placed on itself, not on a later one', async () => {
  const paras = Array.from({ length: 30 }, (_, i) => `第${i + 1}项：全年完成重点工程建设任务${i + 10}项，群众满意度提高。`);
  const text = paras.map((p, i) => (i ? (i % 3 ? '\r\n\r\n' : '\r\r') : '') + p).join('');
  const whole = text.indexOf(paras[25]);
  const across = text.indexOf('满意度提高。', text.indexOf(paras[27]));
  const plan = await planImport(
    project({ sources: [source('2019年某区政府工作报告', text, [selection('A', whole, whole + paras[25].length), selection('B', across, across + 14)])] }),
    options(),
  );
  const [f] = plan.files;
  const ids = f.report.paragraphs.map((p) => p.id);
  assert.equal(f.review, 1);
  assert.deepEqual(
    f.annotations.map((a) => a.target),
    [
      {
        paragraph: ids[25],
        quote: {
          type: 'TextQuoteSelector',
          exact: paras[25],
          prefix: `\n${paras[24]}\n\n`,
          suffix: `\n\n${paras[26]}\n`,
        },
        position: { type: 'TextPositionSelector', start: 803, end: 832 },
      },
      // Across two paragraphs: kept, at its place in the report's text (the end of paragraph 28 is 894).
      {
        paragraph: ids[27],
        quote: {
          type: 'TextQuoteSelector',
          exact: '满意度提高。\n\n第29项',
          prefix: '众满意度提高。\n\n第28项：全年完成重点工程建设任务37项，群众',
          suffix: '：全年完成重点工程建设任务38项，群众满意度提高。\n\n第30',
        },
        position: { type: 'TextPositionSelector', start: 888, end: 900 },
      },
    ],
  );
  assert.deepEqual([f.report.paragraphs[27].end, f.report.paragraphs[25].start], [894, 803]);
});

test('planImport: a selection of text the report leaves out (a rule line at the end) is not placed on the paragraph before it', async () => {
  const text = '第一段：全年受理12件。\n\n第二段：全年办结10件。\n\n第三段：明年继续推进。\n\n——';
  const plan = await planImport(project({ sources: [source('2019年某区政府工作报告', text, [selection('A', text.length - 2, text.length)])] }), options());
  const [f] = plan.files;
  assert.equal(f.review, 1);
  assert.deepEqual(f.annotations[0].target, {
    // Past the last paragraph (it ends at 76): the last one.
    paragraph: f.report.paragraphs[2].id,
    quote: { type: 'TextQuoteSelector', exact: '——', prefix: '2件。\n\n第二段：全年办结10件。\n\n第三段：明年继续推进。\n\n', suffix: '' },
    position: { type: 'TextPositionSelector', start: 78, end: 80 },
  });
  assert.equal(f.report.paragraphs[2].end, 76);
});

test('planImport: a quote found twice with the same context is only suggested (needs review), though its text is the quote', async () => {
  const A = '关于本年度行政复议工作的基本情况、主要做法和存在的问题，现将有关情况报告如下：';
  const B = '，其中维持十二件，撤销三件，确认违法两件，终止三件，综合纠错率为百分之二十五';
  const paras = [
    '第一部分：本报告说明本区人民政府一年来推进依法行政、建设法治政府的总体情况。',
    `${A}全年共受理行政复议案件二十件${B}。`,
    '第三部分：全年共发生行政诉讼案件八件，其中败诉一件，行政机关负责人出庭应诉率达到百分之百。',
    `${A}全年共受理行政复议案件二十件${B}，比上年有所下降。`,
  ];
  // Blank lines before the text: the positions point past the paragraph of the quote, to the third.
  const text = '\n'.repeat(60) + paras.join('\n\n');
  const at = text.indexOf('全年共受理行政复议案件二十件');
  const plan = await planImport(project({ sources: [source('2019年某区法治政府建设工作报告', text, [selection('A', at, at + 14)])] }), options());
  const [f] = plan.files;
  assert.equal(f.review, 1);
  assert.deepEqual(f.annotations[0].target, {
    paragraph: f.report.paragraphs[2].id,
    quote: {
      type: 'TextQuoteSelector',
      exact: '全年共受理行政复议案件二十件',
      prefix: '复议工作的基本情况、主要做法和存在的问题，现将有关情况报告如下：',
      suffix: '，其中维持十二件，撤销三件，确认违法两件，终止三件，综合纠错率为',
    },
    position: { type: 'TextPositionSelector', start: 180, end: 194 },
  });
});
