/**
 * The edges of the model package's small helpers, with exact expectations: the dates a feed or
 * page may carry, the JSON errors a hand-edited codebook or sidecar may have, the numerals and
 * text helpers the readers and the structure build on, and the message templates.
 * (Written for mutation testing: each case is one a realistic slip in these helpers would change.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cleanBlock,
  contentKey,
  describe,
  detach,
  diag,
  excerpt,
  fail,
  firstClause,
  flattenOutline,
  hash32,
  hex8,
  isColor,
  isObject,
  isReportLike,
  jsonPath,
  leadSentence,
  ok,
  type OutlineNode,
  parenDepth,
  parseDate,
  parseJson,
  parseNumeral,
  problem,
  problemText,
  type Report,
  safeTerminalText,
  scanBlock,
  ShapeErrors,
  type SourceImport,
  toChineseNumeral,
  trimEdges,
} from '../../src/core/model/index.ts';

test('parseDate: RFC 822 with and without weekday, short years, month names, zones; a zone without a time is dropped', () => {
  const cases: [string, string | null][] = [
    ['18 Jun 2019', '2019-06-18'],
    ['1 Mar 2019', '2019-03-01'],
    ['18 Jun 19 08:19', '2019-06-18T08:19:00'],
    ['1 Jan 50', '1950-01-01'],
    ['1 Jan 49', '2049-01-01'],
    ['Tuesday, 18 June 2019 08:19:00 EDT', '2019-06-18T08:19:00-04:00'],
    ['Tue. 18 Jun. 2019', '2019-06-18'],
    ['18 Jun 2019 08:19:00 CST', '2019-06-18T08:19:00'],
    ['18 Jun 2019 GMT', '2019-06-18'],
    ['18 Foo 2019', null],
    ['18 jun 2019 08:19 gmt', '2019-06-18T08:19:00Z'],
    ['18 Jun 2019 08:19 UT', '2019-06-18T08:19:00Z'],
    ['18 Jun 2019 08:19 UTC', '2019-06-18T08:19:00Z'],
    ['18 Jun 2019 08:19 Z', '2019-06-18T08:19:00Z'],
    ['18 Jun 2019 08:19 est', '2019-06-18T08:19:00-05:00'],
    ['18 Jun 2019 08:19 MST', '2019-06-18T08:19:00-07:00'],
    ['18 Jun 2019 08:19 MDT', '2019-06-18T08:19:00-06:00'],
    ['18 Jun 2019 08:19 PST', '2019-06-18T08:19:00-08:00'],
    ['18 Jun 2019 08:19 PDT', '2019-06-18T08:19:00-07:00'],
    ['18 Jun 2019 08:19 -0330', '2019-06-18T08:19:00-03:30'],
    ['18 Jun 2019 08:19 XYZ', '2019-06-18T08:19:00'],
    ['31 Dec 2019 23:59:60 +0000', '2019-12-31T23:59:60+00:00'],
    ['x18 Jun 2019', null],
    ['18 Jun 2019x', null],
    ['Jun 18 2019', null],
    ['18 Jun 201', null],
    ['Tue, 18 Jun 2019 08:19:00 GMT+0800', '2019-06-18T08:19:00+08:00'],
    ['Tue, 18 Jun 2019 08:19:00 UTC-05:30', '2019-06-18T08:19:00-05:30'],
    ['Tue, 18 Jun 2019 08:19:00 CST+0800', '2019-06-18T08:19:00'],
  ];
  assert.deepEqual(
    cases.map(([s]) => [s, parseDate(s)]),
    cases,
  );
});

test('parseDate: the Java Date.toString form, ISO-8601 with / and . separators, and 年月日 with times', () => {
  const cases: [string, string | null][] = [
    ['Tue Jun 18 08:19:00 CST 2019', '2019-06-18T08:19:00'],
    ['Tue Jun 18 08:19:00 GMT+08:00 2019', '2019-06-18T08:19:00+08:00'],
    ['Tue Jun 18 08:19:00 UTC-0530 2019', '2019-06-18T08:19:00-05:30'],
    ['Tue Xyz 18 08:19:00 CST 2019', null],
    ['Tue Feb 30 08:19:00 CST 2019', null],
    ['2019/6/8', '2019-06-08'],
    ['2019.06.18 08:19:05.123+0800', '2019-06-18T08:19:05+08:00'],
    ['2019-06-18T08:19', '2019-06-18T08:19:00'],
    ['2019-06-18T08:19:00-03:00', '2019-06-18T08:19:00-03:00'],
    ['2019-06-18 8:05:07', '2019-06-18T08:05:07'],
    ['2019-6-8T1:02', '2019-06-08T01:02:00'],
    ['2019-06-18T08:19:00+08', null],
    ['2019年6月8日 8:05', '2019-06-08T08:05:00'],
    ['2019 年 6 月 8 日 08：05：09', '2019-06-08T08:05:09'],
    ['2019年6月8', '2019-06-08'],
    ['2019年12月31日23:59', '2019-12-31T23:59:00'],
    ['  2019-06-18  ', '2019-06-18'],
    ['18  Jun  2019  08:19', '2019-06-18T08:19:00'],
    ['Tue  18 Jun 2019', '2019-06-18'],
    ['Tue,18 Jun 2019', '2019-06-18'],
    ['Tue  Jun  18  08:19:00  CST  2019', '2019-06-18T08:19:00'],
    ['Tue Jun 18 08:19:07 CST 2019', '2019-06-18T08:19:07'],
    ['1Tue Jun 18 08:19:00 CST 2019', null],
    ['Tue Jun 18 08:19:00 CST 2019x', null],
    ['x2019-06-18', null],
    ['2019-06-18  08:19', '2019-06-18T08:19:00'],
    ['2019-06-18T 08:19', '2019-06-18T08:19:00'],
    ['x2019年6月8日', null],
    ['2019年6月8日x', null],
    ['2019-06-18 foo', null],
    ['Tue Jun 18 2019 08:19:00 GMT+0800 (中国标准时间)', '2019-06-18T08:19:00+08:00'],
    ['Tue Jun 18 2019 08:19:00 GMT+0800 (China Standard Time)', '2019-06-18T08:19:00+08:00'],
    ['Tue Jun 18 2019 08:19:00 GMT-0330', '2019-06-18T08:19:00-03:30'],
    ['Tue Jun 18 2019 8:19:00 UTC+00:00', '2019-06-18T08:19:00+00:00'],
    ['Tue Xyz 18 2019 08:19:00 GMT+0800', null],
    ['Tue Feb 30 2019 08:19:00 GMT+0800', null],
    ['Tue Jun 18 2019 08:19:00 GMT+0800 (a (b) c)', null],
    ['Tue Jun 18 2019 08:19:00', null],
  ];
  assert.deepEqual(
    cases.map(([s]) => [s, parseDate(s)]),
    cases,
  );
});

test('parseDate: the first and last year, month, day, hour, minute and second; leap years by the Gregorian rule', () => {
  const cases: [string, string | null][] = [
    ['1899-12-31', null],
    ['1900-01-01', '1900-01-01'],
    ['2200-12-31', '2200-12-31'],
    ['2201-01-01', null],
    ['2019-00-10', null],
    ['2019-13-10', null],
    ['2019-01-00', null],
    ['2019-01-31', '2019-01-31'],
    ['2019-03-31', '2019-03-31'],
    ['2019-04-30', '2019-04-30'],
    ['2019-04-31', null],
    ['2019-06-31', null],
    ['2019-09-31', null],
    ['2019-11-31', null],
    ['2019-07-31', '2019-07-31'],
    ['2019-08-31', '2019-08-31'],
    ['2019-10-31', '2019-10-31'],
    ['2019-12-31', '2019-12-31'],
    ['2019-12-32', null],
    ['2019-02-28', '2019-02-28'],
    ['2019-02-29', null],
    ['1900-02-29', null],
    ['2000-02-29', '2000-02-29'],
    ['2100-02-29', null],
    ['2024-02-29', '2024-02-29'],
    ['2024-02-30', null],
    ['2019-06-18 00:00', '2019-06-18T00:00:00'],
    ['2019-06-18 23:59:59', '2019-06-18T23:59:59'],
    ['2019-06-18 24:00', null],
    ['2019-06-18 12:60', null],
    ['2019-06-18 12:00:60', '2019-06-18T12:00:60'],
    ['2019-06-18 12:00:61', null],
  ];
  assert.deepEqual(
    cases.map(([s]) => [s, parseDate(s)]),
    cases,
  );
});

test('parseJson: the first syntax error with its line, column and what was expected; a BOM is allowed', () => {
  const err = (text: string) => {
    const r = parseJson(text);
    return r.ok ? 'ok' : r.problem.args.join(' | ');
  };
  assert.deepEqual(
    [
      '{\n  "a": 1,\n}',
      '[1,\n 2',
      '{"a" 1}',
      '{"a":1 "b":2}',
      '[1 2]',
      '"abc',
      '"a\nb"',
      '"\\x"',
      '"\\u12G4"',
      'tru',
      '{} x',
      '',
      '{a:1}',
      '[1,]',
      '-',
      '"\\',
    ].map(err),
    [
      '3 | 1 | expected a property name in double quotes, found “}”',
      '2 | 3 | expected “,” or “]” after an array element, found the end of the text',
      '1 | 6 | expected “:” after the property name, found “1”',
      '1 | 8 | expected “,” or “}” after a property value, found “"”',
      '1 | 4 | expected “,” or “]” after an array element, found “2”',
      '1 | 5 | a string is not closed',
      '1 | 3 | a string holds a raw line break or control character',
      '1 | 2 | invalid escape “\\x”',
      '1 | 2 | invalid \\u escape',
      '1 | 1 | expected a value, found “t”',
      '1 | 4 | unexpected “x” after the end of the JSON value',
      '1 | 1 | expected a value, found the end of the text',
      '1 | 2 | expected a property name in double quotes, found “a”',
      '1 | 4 | expected a value, found “]”',
      '1 | 1 | expected a value, found “-”',
      '1 | 2 | invalid escape “\\”',
    ],
  );
  // Errors after valid values of every kind: the scanner walks them as JSON.parse does.
  assert.deepEqual(
    [
      '\n]',
      '{\t"a":1,\r\n}',
      '[{}, [], {"a": [1]}, x]',
      '[x, true]',
      '[1.25 x]',
      '[1e+10 x]',
      '[1e10 x]',
      '[1E-5 x]',
      '[-0.5e3 x]',
      '["a b", x]',
      '["\\u00e9", x]',
      '["\\n\\/\\b\\f\\r\\t\\"\\\\", x]',
      '{"a":{"b":1} x',
      '[true,false,null x]',
    ].map(err),
    [
      '2 | 1 | expected a value, found “]”',
      '2 | 1 | expected a property name in double quotes, found “}”',
      '1 | 22 | expected a value, found “x”',
      '1 | 2 | expected a value, found “x”',
      '1 | 7 | expected “,” or “]” after an array element, found “x”',
      '1 | 8 | expected “,” or “]” after an array element, found “x”',
      '1 | 7 | expected “,” or “]” after an array element, found “x”',
      '1 | 7 | expected “,” or “]” after an array element, found “x”',
      '1 | 9 | expected “,” or “]” after an array element, found “x”',
      '1 | 9 | expected a value, found “x”',
      '1 | 12 | expected a value, found “x”',
      '1 | 22 | expected a value, found “x”',
      '1 | 14 | expected “,” or “}” after a property value, found “x”',
      '1 | 18 | expected “,” or “]” after an array element, found “x”',
    ],
  );
  // Nesting too deep for the scanner: JSON.parse's own message, without its position, at the position it names.
  const deep = '['.repeat(50000);
  assert.equal(err(deep), `1 | ${deep.length + 1} | Unexpected end of JSON input`);
  assert.equal(err(`${deep}${']'.repeat(49999)}}`), "1 | 100000 | Expected ',' or ']' after array element");
  assert.deepEqual(parseJson('\ufeff{"a":1}'), { ok: true, value: { a: 1 } });
  assert.deepEqual(parseJson(' {"a":1,"b":[true,false,null,-1.5e+3,{"c":"\\u00e9\\n\\/"}],"d":{}, "e":[]}\r\n\t'), {
    ok: true,
    value: { a: 1, b: [true, false, null, -1500, { c: 'é\n/' }], d: {}, e: [] },
  });
  const problem0 = parseJson('{"a":1,}');
  assert.equal(problem0.ok, false);
  assert.equal(problem0.ok ? '' : problem0.problem.code, 'invalidJson');
});

test('describe, jsonPath and ShapeErrors: what a value is, where it is, and at most twenty problems', () => {
  assert.deepEqual([null, [], {}, 'x'.repeat(41), 'x'.repeat(40), 3, true, undefined].map(describe), [
    'null',
    'an array',
    'an object',
    `the string "${'x'.repeat(40)}…"`,
    `the string "${'x'.repeat(40)}"`,
    'the number 3',
    'the value true',
    'the value undefined',
  ]);
  assert.deepEqual([{}, [], null, 'x', 1, undefined, { a: 1 }].map(isObject), [true, false, false, false, false, false, true]);
  assert.deepEqual(
    [jsonPath('', 'a'), jsonPath('a', 'b'), jsonPath('a', 2), jsonPath('a', 'b-c'), jsonPath('', '1x'), jsonPath('a', '$_x1'), jsonPath('a', 'x y')],
    ['a', 'a.b', 'a[2]', 'a["b-c"]', '["1x"]', 'a.$_x1', 'a["x y"]'],
  );
  const e = new ShapeErrors();
  assert.equal(e.ok, true);
  const obj = { s: 'x', blank: '  ', n: 3, neg: -1, f: 1.5, str: '3' };
  assert.equal(e.string(obj, 's', 'top'), 'x');
  assert.equal(e.string(obj, 'blank', 'top'), '  ', 'blank is allowed unless nonEmpty');
  assert.equal(e.string(obj, 'missing', 'top', { optional: true }), undefined);
  assert.equal(e.ok, true);
  assert.equal(e.string(obj, 'blank', 'top', { nonEmpty: true }), undefined);
  assert.equal(e.string(obj, 'n', 'top'), undefined);
  assert.equal(e.string(obj, 'missing', ''), undefined);
  assert.equal(e.integer(obj, 'n', 'top'), 3);
  assert.equal(e.integer(obj, 'neg', 'top', -1), -1);
  assert.equal(e.integer(obj, 'neg', 'top'), undefined);
  assert.equal(e.integer(obj, 'f', 'top', 1), undefined);
  assert.equal(e.integer(obj, 'str', 'top'), undefined);
  assert.equal(e.integer(obj, 'none', 'top'), undefined);
  assert.equal(e.ok, false);
  assert.deepEqual(e.list, [
    'top.blank: must not be empty',
    'top.n: expected a string, found the number 3',
    'missing: missing (expected a string)',
    'top.neg: expected a whole number ≥ 0, found the number -1',
    'top.f: expected a whole number, found the number 1.5',
    'top.str: expected a whole number ≥ 0, found the string "3"',
    'top.none: missing (expected a whole number)',
  ]);
  const many = new ShapeErrors();
  for (let i = 0; i < 25; i++) many.add(i ? `x[${i}]` : '', 'bad');
  assert.equal(many.list.length, 20);
  assert.equal(many.list[0], '(top level): bad');
  assert.equal(many.list[19], 'x[19]: bad');
});

test('problems and diagnostics: placeholders filled in order, a missing argument left as written, nested problems rendered', () => {
  const inner = problem('invalidJson', [3, 7, 'expected a value']);
  const outer = problem('fileUnreadable', ['book.json', inner]);
  assert.deepEqual(outer.args[0], 'book.json');
  assert.equal(problemText(inner), 'invalid JSON at line 3, column 7: expected a value');
  assert.equal(problemText(outer), 'book.json: cannot be read (invalid JSON at line 3, column 7: expected a value).');
  assert.deepEqual(fail('noCodebook'), { ok: false, problem: { code: 'noCodebook', args: [] } });
  assert.deepEqual(problem('noCodebook'), { code: 'noCodebook', args: [] });
  assert.deepEqual(ok(5), { ok: true, value: 5 });
  assert.deepEqual(problem('httpStatus', [404, 'http://x']).args, ['404', 'http://x']);
  // A template's {1} with one argument: kept as written, never "undefined".
  assert.equal(problemText(problem('httpStatus', [404])), 'The server answered 404 for {1}.');
  assert.equal(problemText(problem('httpStatus', [404, 'http://x', 'extra'])), 'The server answered 404 for http://x.');
  const d = diag('warning', 'fetchTimeout', ['http://x', 30], 4);
  assert.deepEqual(d, { severity: 'warning', message: 'No answer from http://x within 30 seconds.', line: 4, code: 'fetchTimeout', args: ['http://x', '30'] });
  assert.deepEqual(diag('info', 'noArticle'), { severity: 'info', message: 'The page has no article text.', line: null, code: 'noArticle', args: [] });
  assert.equal(diag('error', 'charsetMismatch', ['GBK', 'UTF-8']).message, 'The file declares GBK, but its bytes are UTF-8: decoded as UTF-8.');
});

test('numerals: Chinese numerals up to 九十九 and digits, and back; anything else is not a number', () => {
  const read: [string, number | null][] = [
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['九十九', 99],
    ['两', 2],
    ['〇', 0],
    ['零', 0],
    ['一十', 10],
    ['十一', 11],
    ['二十一', 21],
    ['十十', null],
    ['二十三四', null],
    ['二二十', null],
    ['三百', null],
    ['〇十', null],
    ['一二', null],
    ['１２', 12],
    ['12', 12],
    ['007', 7],
    ['', null],
    ['十a', null],
    ['1.5', null],
  ];
  assert.deepEqual(
    read.map(([s]) => [s, parseNumeral(s)]),
    read,
  );
  const write: [number, string][] = [
    [0, '0'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '100'],
    [-1, '-1'],
    [1.5, '1.5'],
  ];
  assert.deepEqual(
    write.map(([n]) => [n, toChineseNumeral(n)]),
    write,
  );
});

test('leadSentence, firstClause and excerpt: where a heading that runs into its paragraph is cut', () => {
  const j = '甲';
  const lead = (s: string) => [s.length, leadSentence(s).length, leadSentence(s).cut];
  assert.deepEqual(lead('一、总体要求。后面还有话'), [12, 7, false]);
  assert.deepEqual(lead(`${j.repeat(39)}。`), [40, 40, false]);
  assert.deepEqual(lead(`${j.repeat(40)}。后`), [42, 41, false], 'within 80 with no comma');
  assert.deepEqual(lead(`${j.repeat(60)}，乙。`), [63, 63, false], 'within 80 with one comma');
  assert.deepEqual(lead(`${j.repeat(78)}，乙。`), [81, 40, true], 'over 80, the comma past 60: after 40');
  assert.deepEqual(lead(`${j.repeat(59)}，乙${j.repeat(20)}。`), [82, 59, true], 'over 80, a comma before 60: cut there');
  assert.deepEqual(lead(`${j.repeat(30)}，${'乙'.repeat(30)}，丙${'丁'.repeat(20)}。`), [84, 30, true], 'two commas: cut at the first');
  assert.deepEqual(lead(`${j.repeat(70)}，乙${'丙'.repeat(20)}。`), [93, 40, true], 'the comma is past 60: after 40');
  assert.deepEqual(lead(`${j.repeat(35)}《某某某某某某某某》${'乙'.repeat(40)}`), [85, 35, true], 'not inside a 《title》');
  assert.deepEqual(lead(`${j.repeat(35)}“某某某某某某某某”${'乙'.repeat(40)}`), [85, 35, true], 'not inside a “quote”');
  assert.deepEqual(lead(`${j.repeat(30)}《某某》${'乙'.repeat(60)}`), [94, 40, true], 'a title closed before 40 is not in the way');
  assert.deepEqual(lead(`《${j.repeat(50)}》${'乙'.repeat(40)}`), [92, 40, true], 'a title that opens the text is not cut to nothing');
  assert.deepEqual(lead(`${j.repeat(10)}`), [10, 10, false]);
  assert.deepEqual(lead(`${j.repeat(50)}！${j.repeat(50)}`), [101, 51, false]);
  assert.deepEqual(lead(`${j.repeat(50)}?${j.repeat(50)}`), [101, 51, false]);
  assert.deepEqual(lead(`${j.repeat(50)}；${j.repeat(50)}`), [101, 51, false]);
  assert.deepEqual(lead(`${j.repeat(50)}:${j.repeat(50)}`), [101, 51, false]);
  assert.deepEqual(['甲乙，丙', '甲乙', '甲。乙', ':x', '甲,乙', '甲！', '甲?', '甲；', '甲;', '甲：'].map(firstClause), [2, 2, 1, 0, 1, 1, 1, 1, 1, 1]);
  assert.equal(excerpt('  a\n\nb  '), 'a b');
  assert.equal(excerpt(j.repeat(61)), `${j.repeat(60)}…`);
  assert.equal(excerpt(j.repeat(60)), j.repeat(60));
  assert.equal(excerpt('😀😀😀', 2), '😀😀…', 'code points, never half a surrogate pair');
  assert.equal(excerpt('abc', 3), 'abc');
});

test('text cleaning: trimEdges, cleanBlock and contentKey over every kind of white space and invisible mark', () => {
  assert.deepEqual(
    ['\u3000\u00a0\ufeff a \u2028\u200b', '\u2029x\u1680', '\u205fx\u2060\u202f', '\u200ex', '\u000bx\u000c\r', '\u2000x\u200a', '\tx\n', 'x', ''].map(
      trimEdges,
    ),
    ['a', 'x', 'x', '\u200ex', 'x', 'x', 'x', 'x', ''],
  );
  assert.deepEqual(
    [' a  b\u3000c\u200bd\n e ', 'a b', '\u200b甲\u200b', 'a\u2029b', 'a\u00a0b', 'a\u200fb', 'a\u2066b\u2069', 'a\tb', 'a\u2003\u2003b', '甲乙'].map(
      cleanBlock,
    ),
    ['a b cd e', 'a b', '甲', 'a b', 'a b', 'ab', 'ab', 'a b', 'a b', '甲乙'],
  );
  // The edges of each range: just outside is not white space.
  assert.deepEqual(
    ['\u200dx\u200c', '\u0008x\u000e', '\u3001x\u2fff', '\u0009x\u000d', '\u001fx ', '\u009fx\u00a1', '\u2027x\u202a', '\u205ex\u2061', '\u167fx\u1681'].map(
      trimEdges,
    ),
    ['x', '\u0008x\u000e', '\u3001x\u2fff', 'x', '\u001fx', '\u009fx\u00a1', '\u2027x\u202a', '\u205ex\u2061', '\u167fx\u1681'],
  );
  assert.deepEqual(['a\u2061b', 'a\u2064b', 'a\u2065b', 'a\u2066b', 'a\u2069b', 'a\u206ab', 'a\u200bb', 'a\u200ab', 'a\u2010b'].map(cleanBlock), [
    'ab',
    'ab',
    'a\u2065b',
    'ab',
    'ab',
    'a\u206ab',
    'ab',
    'a b',
    'a\u2010b',
  ]);
  assert.equal(contentKey(' Ａ\u200b １\u3000b'), 'A1b');
  assert.equal(contentKey('（一）\u2060甲'), '(一)甲');
  assert.equal(detach('short'), 'short');
  assert.equal(detach('abcdefghijklmnop'), 'abcdefghijklmnop');
});

test('scanBlock: its hash is hash32(contentKey), dirty is cleanBlock changing the text, unclosed is parenDepth > 0', () => {
  const samples = [
    '甲（乙',
    '甲(乙)',
    '(（)',
    '）(',
    'ａ（',
    ' 甲',
    '甲  乙',
    '甲 乙',
    '甲\u200b',
    'é',
    '甲\u3000',
    '（甲）（乙',
    '甲）（乙）',
    '（（甲））',
    '',
    'e\u0301（',
    'Ａ　Ｂ',
  ];
  for (const s of samples) {
    const scan = scanBlock(s);
    assert.equal(hex8(scan.hash), hash32(contentKey(s)), `hash of ${JSON.stringify(s)}`);
    assert.equal(scan.dirty, cleanBlock(s) !== s, `dirty of ${JSON.stringify(s)}`);
    assert.equal(scan.unclosed, parenDepth(s) > 0, `unclosed of ${JSON.stringify(s)}`);
  }
  assert.deepEqual(
    samples.map((s) => scanBlock(s).unclosed),
    [true, false, true, true, true, false, false, false, false, false, false, true, false, false, false, true, false],
  );
  assert.deepEqual([parenDepth('(（a）'), parenDepth(')('), parenDepth('）', 2), parenDepth('((', 1), parenDepth('')], [1, 1, 1, 3, 0]);
  // Plain: every unit one the hash folds directly; a space, a tab, a control or invisible character, é is not.
  assert.deepEqual(
    ['甲（乙）', 'ａＢ!~', '“引号”‘单’·—、〔〕', '', '甲 乙', '甲\t乙', '甲\u0007', '甲\u200b', 'é', '甲\u3000', '\u007f', '\u0085'].map(
      (s) => scanBlock(s).plain,
    ),
    [true, true, true, true, false, false, false, false, false, false, false, false],
  );
  // FNV-1a's offset basis and the hash of "a": known values.
  assert.deepEqual([hex8(0), hex8(0xffffffff), hex8(0x01020304), hash32(''), hash32('a')], ['00000000', 'ffffffff', '01020304', '811c9dc5', 'e40c292c']);
});

test('scanBlock: CJK ideographs fold with no table lookup, up to the edges of the block; asciiParen is an ASCII ( only', () => {
  // The fast path takes 0x4E00–0x9FFF as themselves; the units just outside go through the table (a
  // symbol (a hexagram, U+4DFF) and a Yi syllable (U+A000) are not plain: their NFKC path hashes them).
  const edges = ['\u4e00\u9fff', '\u4dff甲', '甲\ua000', '\u4e00（\u9fff）', '甲(乙', '甲（乙', 'ｆ(', '(', '（', '甲 (乙'];
  for (const s of edges) assert.equal(hex8(scanBlock(s).hash), hash32(contentKey(s)), `hash of ${JSON.stringify(s)}`);
  assert.deepEqual(
    edges.map((s) => scanBlock(s).plain),
    [true, false, false, true, true, true, true, true, true, false],
  );
  assert.deepEqual(
    edges.map((s) => scanBlock(s).asciiParen),
    [false, false, false, false, true, false, true, true, false, true],
  );
});

test('isColor and safeTerminalText: only #rgb and #rrggbb; control characters shown, never acted on', () => {
  assert.deepEqual(['#abc', '#ABCDEF', '#abcd', 'abc', '#abcdeg', 3, '#abc ', ' #abc', '#12345', null].map(isColor), [
    true,
    true,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
  assert.equal(safeTerminalText('a\u001b[2Jb\u0007c\r\nd\re\tf\u007f\u009b\u0085g\u0000'), 'a␛[2Jb␇c\nd\ne\tf␡\ufffd\ufffdg␀');
  assert.equal(safeTerminalText('plain\r\n'), 'plain\n');
  assert.equal(safeTerminalText('clean\ttext\n'), 'clean\ttext\n');
  assert.equal(safeTerminalText('\u009f\u0080\u00a0'), '\ufffd\ufffd\u00a0');
  // The same pattern object twice in a row (a global regex keeps its lastIndex).
  assert.equal(safeTerminalText('x\u001b'), 'x␛');
  assert.equal(safeTerminalText('\u001by'), '␛y');
});

test('flattenOutline and isReportLike: depth-first with depths; structure or a title that names a report', () => {
  const node = (title: string, children: OutlineNode[] = [], extra: Partial<OutlineNode> = {}) =>
    ({ title, children, kind: 'chapter', ...extra }) as unknown as OutlineNode;
  const tree = [node('一', [node('（一）', [node('1.')]), node('（二）')]), node('二')];
  assert.deepEqual(
    flattenOutline(tree).map((x) => `${x.depth}:${x.node.title}`),
    ['0:一', '1:（一）', '2:1.', '1:（二）', '0:二'],
  );
  const imp = (title: string, outline: OutlineNode[]) => ({ reports: [{ title, outline } as unknown as Report] }) as unknown as SourceImport;
  const other = node('x', [], { kind: 'part', partKind: 'other', inferred: true } as Partial<OutlineNode>);
  assert.equal(isReportLike(imp('新闻', [])), false);
  assert.equal(isReportLike(imp('新闻', [other])), false);
  assert.equal(isReportLike(imp('新闻', [node('一')])), true);
  assert.equal(isReportLike(imp('新闻', [node('x', [], { kind: 'part', partKind: 'other', inferred: false } as Partial<OutlineNode>)])), true);
  assert.equal(isReportLike(imp('新闻', [node('x', [], { kind: 'part', partKind: 'review', inferred: true } as Partial<OutlineNode>)])), true);
  for (const t of ['某区政府工作报告', '统计公报', '2019年工作总结']) assert.equal(isReportLike(imp(t, [])), true, t);
  assert.equal(isReportLike({ reports: [] } as unknown as SourceImport), false);
});
