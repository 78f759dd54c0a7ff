/**
 * Search across years with exact expectations: which blocks are searched, the chapter and section
 * of each hit (on a heading, on the last line of a node, between nodes), code-point offsets across
 * characters outside the BMP (and broken surrogate halves), the context window and its ellipses,
 * the order of series and years, the counts per year and the grouping, and the regex engine's
 * contract. (Written for mutation testing: each row is one that a realistic slip in search.ts
 * would change.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type RegexEngine, type Report, type SearchSource, searchReports } from '../../src/core/index.ts';
import { fromText } from './helpers.ts';

type Paragraph = Report['paragraphs'][number];

/** A real report (某区 2019, 法治政府建设) with parts, chapters, sections and an unmarked section 一. */
const LAW = fromText(
  [
    '某区2019年度法治政府建设工作报告',
    '2019年依法行政工作总结',
    '一、依法行政',
    '（一）制度建设',
    '完善制度，推进依法行政。',
    '（二）执法监督',
    '规范执法，依法行政，依法 行政。',
    '2020年依法行政工作安排',
    '一、深化依法行政',
    '加强依法行政考评',
    '（二）强化监督',
    '依法行政无止境。',
  ].join('\n\n'),
  'law-2019.txt',
).reports[0];

const BASE = fromText('某市2019年政府工作报告\n\n一、总则\n\n推进改革。\n', 'base.txt').reports[0];

/** A report whose paragraphs are exactly these (role, text), one line apart, for what the importer would normalise away. */
function withParagraphs(rows: [Paragraph['role'], string][], over: Partial<Report> = {}): Report {
  let start = 0;
  const paragraphs = rows.map(([role, text], index): Paragraph => {
    const p = { id: `p${index}`, index, role, text, line: 2 * index, start, end: start + text.length };
    start += text.length + 2;
    return p;
  });
  return { ...BASE, ...over, paragraphs, outline: [] };
}

const one = (report: Report): SearchSource[] => [{ source: 'a.txt', report, series: 'S' }];

function hitsOf(sources: SearchSource[], text: string, options: Parameters<typeof searchReports>[2] = {}) {
  const r = searchReports(sources, { text }, options);
  assert.ok(r.ok);
  return r.value;
}

test('each hit is placed in its chapter and section: headings, last lines, parts between chapters, an unmarked section', () => {
  const r = hitsOf(one(LAW), '依法行政');
  assert.deepEqual(
    r.hits.map((h) => [h.line, h.chapter, h.section, h.start, h.end, h.documentStart, h.documentEnd, h.context]),
    [
      // A part heading is report text; it lies in no chapter and no section (a part is not a section).
      [3, null, null, 5, 9, 47, 51, '2019年依法行政工作总结'],
      // A chapter heading is in its chapter, in none of its sections.
      [5, '一、依法行政', null, 2, 6, 59, 63, '一、依法行政'],
      [9, '一、依法行政', '（一）制度建设', 7, 11, 81, 85, '完善制度，推进依法行政。'],
      // The last line of a section and of a chapter is still in them; 依法 行政 (a space) is no hit.
      [13, '一、依法行政', '（二）执法监督', 5, 9, 102, 106, '规范执法，依法行政，依法 行政。'],
      // The next part's heading comes after the chapter and its last section ended.
      [15, null, null, 5, 9, 120, 124, '2020年依法行政工作安排'],
      // The next chapter's heading is in no section of the chapter before.
      [17, '一、深化依法行政', null, 4, 8, 134, 138, '一、深化依法行政'],
      // An inferred section 一 has no label: its heading is its title alone.
      [19, '一、深化依法行政', '加强依法行政考评', 2, 6, 142, 146, '加强依法行政考评'],
      [23, '一、深化依法行政', '（二）强化监督', 0, 4, 159, 163, '依法行政无止境。'],
    ],
  );
  for (const h of r.hits) assert.equal(LAW.text.slice(h.documentStart, h.documentEnd), '依法行政');
  // Hits in a row in one chapter are one chapter group, not one group each.
  assert.deepEqual(
    r.groups.map((s) => [s.series, s.hits, s.years.map((y) => [y.year, y.hits, y.chapters.map((c) => [c.chapter, c.hits.map((h) => h.line)])])]),
    [
      [
        'S',
        8,
        [
          [
            2019,
            8,
            [
              [null, [3]],
              ['一、依法行政', [5, 9, 13]],
              [null, [15]],
              ['一、深化依法行政', [17, 19, 23]],
            ],
          ],
        ],
      ],
    ],
  );
  assert.deepEqual([r.total, r.limited, r.byYear], [8, false, [{ series: 'S', year: 2019, hits: 8 }]]);
});

test('only part, chapter, section and body blocks are searched (not the closing signature)', () => {
  const roles: Paragraph['role'][] = ['part', 'chapter', 'section', 'body', 'closing'];
  const r = hitsOf(one(withParagraphs(roles.map((role) => [role, `${role}：改革`]))), '改革');
  assert.deepEqual(
    r.hits.map((h) => [h.paragraph, h.context]),
    [
      ['p0', 'part：改革'],
      ['p1', 'chapter：改革'],
      ['p2', 'section：改革'],
      ['p3', 'body：改革'],
    ],
  );
});

test('offsets count code points: pairs at the ends of the surrogate ranges, a hit that starts with one', () => {
  // U+10000 is D800 DC00, U+103FF is D800 DFFF, U+10FC00 is DBFF DC00, U+10FFFF is DBFF DFFF.
  const text = '甲\u{10000}乙\u{10FFFF}丙\u{103FF}乙\u{10FC00}乙';
  const find = (needle: string) => hitsOf(one(withParagraphs([['body', text]])), needle).hits.map((h) => [h.start, h.end, h.documentStart, h.documentEnd]);
  assert.deepEqual(find('乙'), [
    [2, 3, 3, 4],
    [6, 7, 9, 10],
    [8, 9, 12, 13],
  ]);
  assert.deepEqual(find('\u{10000}乙'), [[1, 3, 1, 4]]);
  assert.deepEqual(find('\u{10FFFF}丙'), [[3, 5, 4, 7]]);
});

test('offsets count code points: a broken surrogate half (text from a damaged source) counts as one, as in [...text]', () => {
  // x + lone low, ， + lone low, lone high + y, lone high + ，, then a true pair.
  const text = 'x\uDC00，\uDC00\uD800y\uD800，\u{10000}目标';
  const r = hitsOf(one(withParagraphs([['body', text]])), '目标');
  assert.deepEqual(
    r.hits.map((h) => [h.start, h.end]),
    [[9, 11]],
  );
  assert.equal([...text].slice(9, 11).join(''), '目标');
});

test('context: width in code points either side, … only where cut, whitespace runs as one space', () => {
  const ctx = (text: string, needle: string, context: number) => hitsOf(one(withParagraphs([['body', text]])), needle, { context }).hits.map((h) => h.context);
  const rows: [string, string, number, string[]][] = [
    ['一二三四五六七八九十', '五六', 2, ['…三四五六七八…']],
    ['一二三四五六七八九十', '五六', 0, ['…五六…']],
    ['一二三四五六七八九十', '五六', 1, ['…四五六七…']],
    // Exactly the width to either end: nothing is cut.
    ['一二三四五六', '三四', 2, ['一二三四五六']],
    ['一二三四五六', '一二', 2, ['一二三四…']],
    ['一二三四五六', '五六', 2, ['…三四五六']],
    // Characters outside the BMP are one character each, never split.
    ['\u{20000}\u{20001}五\u{20002}\u{20003}', '五', 1, ['…\u{20001}五\u{20002}…']],
    ['\u{20000}\u{20001}五\u{20002}\u{20003}', '五', 2, ['\u{20000}\u{20001}五\u{20002}\u{20003}']],
    ['\u{20000}\u{20001}五六七八', '五', 2, ['\u{20000}\u{20001}五六七…']],
    ['一二三五\u{20002}八', '五', 1, ['…三五\u{20002}…']],
    // A broken half next to the window is one character.
    ['\uD800x目x\uDC00', '目', 1, ['…x目x…']],
    ['一\uD800x目', '目', 1, ['…x目']],
    ['目\uD800x', '目', 1, ['目\uD800…']],
    // Runs of whitespace (a tab, spaces, a line break) become one space.
    ['甲  乙\t丙\n\n丁', '乙', 5, ['甲 乙 丙 丁']],
  ];
  assert.deepEqual(
    rows.map(([text, needle, width]) => [text, needle, width, ctx(text, needle, width)]),
    rows,
  );
  // The default is 30 either side.
  const long = `${'左'.repeat(40)}中${'右'.repeat(40)}`;
  assert.deepEqual(hitsOf(one(withParagraphs([['body', long]])), '中').hits[0].context, `…${'左'.repeat(30)}中${'右'.repeat(30)}…`);
});

test('order: series by label, years oldest first and no year last, then file; counts per year of reports with a year', () => {
  const report = (title: string) => fromText(`${title}\n\n一、总则\n\n推进改革。\n`, 'x.txt').reports[0];
  const src = (series: string, title: string, source: string): SearchSource => ({ series, source, report: report(title) });
  const sources = [
    src('乙市 · 政府工作报告', '乙市2019年政府工作报告', 'a/2019.txt'),
    src('乙市 · 政府工作报告', '乙市2017年政府工作报告', 'b/2017.txt'),
    src('乙市 · 政府工作报告', '乙市政府工作报告', 'a/none.txt'),
    src('甲市 · 政府工作报告', '甲市2020年政府工作报告', 'a/2020.txt'),
    src('乙市 · 政府工作报告', '乙市2018年政府工作报告', 'z/2018.txt'),
    src('乙市 · 政府工作报告', '乙市2018年政府工作报告', 'c/2018.txt'),
    src('甲市 · 政府工作报告', '甲市2016年政府工作报告', 'z/2016.txt'),
  ];
  const r = hitsOf(sources, '改革');
  assert.deepEqual(
    r.hits.map((h) => [h.series, h.year, h.source]),
    [
      ['乙市 · 政府工作报告', 2017, 'b/2017.txt'],
      ['乙市 · 政府工作报告', 2018, 'c/2018.txt'],
      ['乙市 · 政府工作报告', 2018, 'z/2018.txt'],
      ['乙市 · 政府工作报告', 2019, 'a/2019.txt'],
      ['乙市 · 政府工作报告', null, 'a/none.txt'],
      ['甲市 · 政府工作报告', 2016, 'z/2016.txt'],
      ['甲市 · 政府工作报告', 2020, 'a/2020.txt'],
    ],
  );
  assert.deepEqual(r.byYear, [
    { series: '乙市 · 政府工作报告', year: 2017, hits: 1 },
    { series: '乙市 · 政府工作报告', year: 2018, hits: 2 },
    { series: '乙市 · 政府工作报告', year: 2019, hits: 1 },
    { series: '甲市 · 政府工作报告', year: 2016, hits: 1 },
    { series: '甲市 · 政府工作报告', year: 2020, hits: 1 },
  ]);
  assert.deepEqual(
    r.groups.map((s) => [s.series, s.hits, s.years.map((y) => [y.year, y.hits])]),
    [
      [
        '乙市 · 政府工作报告',
        5,
        [
          [2017, 1],
          [2018, 2],
          [2019, 1],
          [null, 1],
        ],
      ],
      [
        '甲市 · 政府工作报告',
        2,
        [
          [2016, 1],
          [2020, 1],
        ],
      ],
    ],
  );
});

/** A stand-in engine: records what it was asked to compile and yields the given spans. */
function fakeEngine(spans: [number, number][], error?: string) {
  const calls: [string, boolean][] = [];
  const engine: RegexEngine = {
    compile(pattern, ignoreCase) {
      calls.push([pattern, ignoreCase]);
      return error === undefined ? { ok: true, find: () => spans } : { ok: false, error };
    },
  };
  return { engine, calls };
}

test('regex: case is ignored unless asked; empty and backward spans from the engine are no hits', () => {
  const report = withParagraphs([['body', '甲乙丙丁']]);
  const f = fakeEngine([
    [0, 0],
    [2, 1],
    [1, 3],
    [3, 3],
  ]);
  const r = searchReports(one(report), { text: '乙.', regex: true }, { engine: f.engine });
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.hits.map((h) => [h.start, h.end, h.context]),
    [[1, 3, '甲乙丙丁']],
  );
  assert.equal(searchReports(one(report), { text: 'X', regex: true, caseSensitive: true }, { engine: f.engine }).ok, true);
  assert.equal(searchReports(one(report), { text: 'y', regex: true, caseSensitive: false }, { engine: f.engine }).ok, true);
  assert.deepEqual(f.calls, [
    ['乙.', true],
    ['X', false],
    ['y', true],
  ]);
});

test('problems: exactly their codes and arguments', () => {
  const report = withParagraphs([['body', '甲乙']]);
  const problem = (r: ReturnType<typeof searchReports>) => (r.ok ? null : r.problem);
  assert.deepEqual(problem(searchReports(one(report), { text: ' \t' })), { code: 'searchEmpty', args: [] });
  assert.deepEqual(problem(searchReports(one(report), { text: '乙', regex: true })), { code: 'searchNoRegexEngine', args: [] });
  assert.deepEqual(problem(searchReports(one(report), { text: '(乙', regex: true }, { engine: fakeEngine([], 'missing closing )').engine })), {
    code: 'searchBadRegex',
    args: ['(乙', 'missing closing )'],
  });
});

test('the hit limit: limited only when a hit was left out', () => {
  const report = withParagraphs([['body', '改革改革改革']]);
  const at = (maxHits: number) => {
    const r = hitsOf(one(report), '改革', { maxHits });
    return [r.total, r.limited];
  };
  assert.deepEqual(
    [at(2), at(3), at(4)],
    [
      [2, true],
      [3, false],
      [3, false],
    ],
  );
});
