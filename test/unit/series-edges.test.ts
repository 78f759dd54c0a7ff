/**
 * The names a series is made of, with exact expectations: report types from titles, issuers read
 * as chains of administrative units, and when two issuers are one; the corrections file's strict
 * parse and its entry-by-entry merge. (Written for mutation testing:
 * each row is one that a realistic slip in names.ts would change.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type OutlineNode, problemText, type Report } from '../../src/core/model/index.ts';
import { fromText } from './helpers.ts';
import {
  type CorpusFile,
  corpusBase,
  emptyCorpusFile,
  mergeCorpusFiles,
  parseCorpusFile,
  withCopyChoice,
  withReportCorrection,
  withSeriesMerge,
  containedIn,
  fillLevel,
  groupSeries,
  seriesKey,
  seriesLabel,
  type IssuerName,
  issuerText,
  parseIssuer,
  serializeCorpusFile,
  plainDigits,
  reviewsPastYear,
  sameIssuer,
  typeOfTitle,
} from '../../src/core/series/index.ts';

test('typeOfTitle: the four yearly types by their canonical names; any other title is its own type without issuer, years and frame', () => {
  const cases: [string, string | null][] = [
    ['北京市2025年政府工作报告', '政府工作报告'],
    ['关于2019年政府工作的报告', '政府工作报告'],
    ['１９９８年政府工作报告', '政府工作报告'],
    ['某县人民政府2018年度法治政府建设工作报告', '法治政府建设工作报告'],
    ['关于某区2019年度法治政府建设工作情况的报告', '法治政府建设工作报告'],
    ['某区法治政府建设工作总结', '法治政府建设工作报告'],
    ['2019年某区政府信息公开工作年度报告', '政府信息公开工作年度报告'],
    ['某区2019年政府信息公开年报', '政府信息公开工作年度报告'],
    ['政府信息公开工作报告', '政府信息公开工作年度报告'],
    ['某市国民经济和社会发展的统计公报', '国民经济和社会发展统计公报'],
    ['2018年某市统计公报', '某市统计公报'],
    ['某市2019年工作总结', '某市工作总结'],
    ['某市人民政府2019-2020年度工作要点', '某市人民政府工作要点'],
    ['《某区2019年安全生产工作报告》', '某区安全生产工作报告'],
    ['2 0 1 9年工作报告', '工作报告'],
    ['某区2019年（上半年）工作报告', '某区（上半年）工作报告'],
    ['关于2019年度的工作报告', '工作报告'],
    ['某区2019年报', '某区报'],
    ['某市2019-2020年工作要点', '某市工作要点'],
    ['某市2019 - 2020 年度工作要点', '某市工作要点'],
    ['某市2019工作报告', '某市工作报告'],
    ['（2019年）某区工作报告', '某区工作报告'],
    ['《《某区2019年工作报告》》', '某区工作报告'],
    ['新闻', null],
    ['某区政府信息公开目录', null],
  ];
  assert.deepEqual(
    cases.map(([t]) => [t, typeOfTitle(t)]),
    cases,
  );
  // The issuer as written is cut off first; 统计公报 alone is the statistics communiqué.
  assert.equal(typeOfTitle('某市人民政府2019年度工作报告', '某市人民政府'), '工作报告');
  assert.equal(typeOfTitle('某市人民政府2019年度工作报告'), '某市人民政府工作报告');
  assert.equal(typeOfTitle('某市人民政府2019年度统计公报', '某市人民政府'), '国民经济和社会发展统计公报');
  assert.equal(typeOfTitle('年度工作报告'), '工作报告');
  assert.equal(typeOfTitle('2019年某区工作报告', '某市'), '某区工作报告', 'an issuer the title does not start with is not cut');
  assert.equal(typeOfTitle('某区关于安全生产的报告'), '某区关于安全生产的报告', '关于 and 的 are cut only at the start');
  assert.equal(typeOfTitle('某区2019年度的工作报告'), '某区的工作报告');
});

test('plainDigits and reviewsPastYear', () => {
  assert.equal(plainDigits('１９９８年 1 9 9 8 a 1 b'), '1998年 1998 a 1 b');
  assert.equal(plainDigits('第 2 期'), '第 2 期');
  assert.equal(plainDigits('1  9 \u3000 9 8'), '1998');
  assert.deepEqual(['政府工作报告', null, '国民经济和社会发展统计公报', '法治政府建设工作报告'].map(reviewsPastYear), [false, true, true, true]);
});

/** An issuer as `units | levelOnly | org` for compact tables. */
const show = (n: IssuerName | null) => (n ? `${n.units.map((u) => `${u.name}/${u.base}/${u.rank}`).join(' ')} | ${n.levelOnly ?? '-'} | ${n.org}` : null);

test('parseIssuer: places by their levels and order, the organisation with 政府 folded to 人民政府, a level alone, 国务院', () => {
  const cases: [string, string | null][] = [
    ['淮安市洪泽区人民政府', '淮安/市/1 洪泽/区/2 | - | 人民政府'],
    ['杭州市西湖区政府', '杭州/市/1 西湖/区/2 | - | 人民政府'],
    ['济南市市中区人民政府', '济南/市/1 市中/区/2 | - | 人民政府'],
    ['荆州市沙市区人民政府', '荆州/市/1 沙市/区/2 | - | 人民政府'],
    ['黔东南苗族侗族自治州', '黔东南苗族侗族/州/1 | - | '],
    ['黔东南州统计局', '黔东南/州/1 | - | 统计局'],
    ['广西壮族自治区人民政府', '广西壮族/自治区/0 | - | 人民政府'],
    ['内蒙古自治区阿拉善盟', '内蒙古/自治区/0 阿拉善/盟/1 | - | '],
    ['新疆维吾尔自治区伊犁哈萨克自治州', '新疆维吾尔/自治区/0 伊犁哈萨克/州/1 | - | '],
    ['香港特别行政区政府', '香港/特别行政区/0 | - | 人民政府'],
    ['某某街道办事处', '某某/街道/3 | - | 办事处'],
    ['某镇人民政府', '某/镇/3 | - | 人民政府'],
    ['某乡', '某/乡/3 | - | '],
    ['某自治县人民政府', '某/县/2 | - | 人民政府'],
    ['某自治旗', '某/旗/2 | - | '],
    ['某旗', '某/旗/2 | - | '],
    ['某盟', '某/盟/1 | - | '],
    // A prefecture's 行署 is its 行政公署: one body, one series, as its reports write it either way.
    ['某地区行署', '某/地区/1 | - | 行政公署'],
    ['某地区行政公署', '某/地区/1 | - | 行政公署'],
    ['四川省成都市', '四川/省/0 成都/市/1 | - | '],
    ['某县', '某/县/2 | - | '],
    ['北京市 人民政府', '北京/市/1 | - | 人民政府'],
    ['北京市  人民政府', '北京/市/1 | - | 人民政府'],
    ['地区人民政府', '地/区/2 | - | 人民政府'],
    [`北京市${'人'.repeat(16)}`, `北京/市/1 | - | ${'人'.repeat(16)}`],
    [`北京市${'人'.repeat(17)}`, null],
    ['北京市人民政府abc', null],
    ['北京市abc政府', null],
    ['中华人民共和国国务院', ' | - | 国务院'],
    ['国务院办公厅', ' | - | 国务院办公厅'],
    ['省人民政府', ' | 省 | 人民政府'],
    ['自治区政府', ' | 自治区 | 人民政府'],
    ['自治州人民政府', ' | 州 | 人民政府'],
    ['市政府办公室', ' | 市 | 人民政府办公室'],
    ['县政府', ' | 县 | 人民政府'],
    ['我市人民政府', null],
    ['全省', null],
    ['本县人民政府', null],
    ['', null],
    ['  ', null],
    ['北京市人民政府，今年', null],
    ['北京', null],
    ['某市abc', null],
    ['市', null],
    ['某我市', '某我/市/1 | - | '],
  ];
  assert.deepEqual(
    cases.map(([s]) => [s, show(parseIssuer(s))]),
    cases,
  );
});

test('issuerText: a bare place of a type a government issues is its 人民政府; other types keep the place alone', () => {
  const text = (s: string, type: string | null) => issuerText(parseIssuer(s)!, type);
  assert.deepEqual(
    [
      text('黔东南苗族侗族自治州', '政府工作报告'),
      text('黔东南苗族侗族自治州', '国民经济和社会发展统计公报'),
      text('某区', '法治政府建设工作报告'),
      text('某区', '政府信息公开工作年度报告'),
      text('某区', null),
      text('杭州市西湖区政府', null),
      text('省政府', '政府工作报告'),
      issuerText({ units: [], levelOnly: '市', org: '' }, '政府工作报告'),
      issuerText({ units: [], levelOnly: '市', org: '' }, null),
      issuerText({ units: [], levelOnly: null, org: '' }, '政府工作报告'),
      text('中华人民共和国国务院', '政府工作报告'),
      text('某市统计局', '政府工作报告'),
    ],
    [
      '黔东南苗族侗族自治州人民政府',
      '黔东南苗族侗族自治州',
      '某区人民政府',
      '某区人民政府',
      '某区',
      '杭州市西湖区人民政府',
      '省人民政府',
      '市人民政府',
      '市',
      '',
      '国务院',
      '某市统计局',
    ],
  );
});

test('sameIssuer and containedIn: the same place written alike or by its short form; fewer places of the same issuer', () => {
  const rows: [string, string, boolean, boolean][] = [
    // a, b, containedIn(a, b), sameIssuer(a, b)
    ['黔东南州', '黔东南苗族侗族自治州', true, true],
    ['黔东南州', '黔东南自治州', true, true],
    ['黔州', '黔苗族自治州', false, false],
    ['东南州', '黔东南苗族侗族自治州', false, false],
    ['黔东南州', '黔东南苗族abc自治州', false, false],
    ['四川省政府', '四川省人民政府', true, true],
    ['洪泽区人民政府', '淮安市洪泽区人民政府', true, false],
    ['洪泽区', '淮安市洪泽区', true, false],
    ['淮安市', '淮安市洪泽区', false, false],
    ['洪泽区统计局', '淮安市洪泽区人民政府', false, false],
    ['淮安市洪泽区人民政府', '洪泽区人民政府', false, false],
    ['省人民政府', '四川省人民政府', false, false],
    ['四川省人民政府', '省人民政府', false, false],
    ['洪泽县人民政府', '淮安市洪泽区人民政府', false, false],
    ['国务院', '国务院', false, false],
    ['黔南州', '黔南布依族苗族自治州', true, true],
    ['某某州', '某某布依族苗族侗族自治州', true, true],
    ['黔东南州', '黔东南abc苗族自治州', false, false],
    ['某某某某某州', '某某某某某苗族自治州', true, true],
    ['淮安市洪泽区', '江苏省淮安市洪泽区', true, false],
    ['淮安市洪泽区', '江苏省淮安市洪泽县', false, false],
  ];
  assert.deepEqual(
    rows.map(([a, b]) => {
      const pa = parseIssuer(a)!;
      const pb = parseIssuer(b)!;
      return [a, b, containedIn(pa, pb), sameIssuer(pa, pb)];
    }),
    rows,
  );
  // Symmetric: the short form and the long form are one issuer either way round.
  assert.equal(sameIssuer(parseIssuer('黔东南苗族侗族自治州')!, parseIssuer('黔东南州')!), true);
});

test('fillLevel: a level with no place takes the report’s place of that level; 省 and 自治区 stand for each other', () => {
  const P = (s: string) => parseIssuer(s)!;
  const sichuan = [P('四川省').units[0], P('成都市').units[0]];
  const guangxi = [P('广西壮族自治区').units[0]];
  const fill = (s: string, places: IssuerName['units'][]) => show(fillLevel(P(s), places));
  assert.equal(fill('省人民政府', [sichuan, guangxi]), '四川/省/0 | - | 人民政府');
  assert.equal(fill('市人民政府办公室', [sichuan, guangxi]), '四川/省/0 成都/市/1 | - | 人民政府办公室');
  assert.equal(fill('自治区人民政府', [sichuan, guangxi]), '四川/省/0 | - | 人民政府', 'the first chain with a province-level place');
  assert.equal(fill('自治区人民政府', [guangxi, sichuan]), '广西壮族/自治区/0 | - | 人民政府');
  assert.equal(fill('省人民政府', [guangxi]), '广西壮族/自治区/0 | - | 人民政府');
  assert.equal(fill('县人民政府', [sichuan, guangxi]), null, 'no county in the report');
  assert.equal(fill('区人民政府', [[P('淮安市').units[0], P('洪泽区').units[0]]]), '淮安/市/1 洪泽/区/2 | - | 人民政府');
  assert.equal(fill('市人民政府', [[P('淮安市').units[0], P('洪泽区').units[0]]]), '淮安/市/1 | - | 人民政府', 'cut after the unit of that level');
  assert.equal(fill('成都市人民政府', [guangxi]), '成都/市/1 | - | 人民政府', 'a name with a place is kept as it is');
  assert.equal(fill('州人民政府', [[P('黔东南苗族侗族自治州').units[0]]]), '黔东南苗族侗族/州/1 | - | 人民政府');
  assert.equal(fill('州人民政府', [sichuan]), null, 'a city is not a prefecture');
  assert.equal(fill('省人民政府', [[P('成都市').units[0]]]), null, 'a city is not a province');
});

test('parseCorpusFile: every shape problem of .annals/corpus.json at once, each with its JSON path', () => {
  const T1 = '2026-01-01T00:00:00Z';
  const error = (v: unknown) => {
    const r = parseCorpusFile(JSON.stringify(v), 'c.json');
    return r.ok ? 'ok' : problemText(r.problem);
  };
  const bad = {
    version: 1,
    reports: {
      'a.txt': { r1: { year: 0, issuer: '', type: 3, title: ' ', series: 'S', modified: '2026-01-01' }, r2: 'x', r3: { year: 2019, modified: T1 } },
      'b.txt': [],
      'c.txt': 5,
    },
    series: { A: 'x', B: { mergeInto: '', modified: T1, extra: 1 }, C: { mergeInto: 'D' }, E: { mergeInto: 'F', modified: '2026-13-01T00:00Z' } },
    copies: { k: 'x', k2: { use: 'a', modified: T1, foo: 1 }, k3: { modified: T1 }, k4: { use: 'b', modified: '2026-01-01T00:00:00.5+08:00' } },
    counterparts: 3,
  };
  assert.deepEqual(error(bad).split('; '), [
    'c.json: reports["a.txt"].r1.modified: “2026-01-01” is not an ISO-8601 date and time',
    'reports["a.txt"].r1.year: expected a whole number, found the number 0',
    'reports["a.txt"].r1.issuer: must not be empty',
    'reports["a.txt"].r1.type: expected a string, found the number 3',
    'reports["a.txt"].r1.title: must not be empty',
    'reports["a.txt"].r2: expected a correction object, found the string "x"',
    'reports["b.txt"]: expected an object of report ids, found an array',
    'reports["c.txt"]: expected an object of report ids, found the number 5',
    'series.A: expected an object with "mergeInto", found the string "x"',
    'series.B.extra: unknown property (Annals would drop it when saving)',
    'series.B.mergeInto: must not be empty',
    'series.C.modified: missing (expected a string)',
    'series.E.modified: “2026-13-01T00:00Z” is not an ISO-8601 date and time',
    'copies.k: expected an object with "use", found the string "x"',
    'copies.k2.foo: unknown property (Annals would drop it when saving)',
    'copies.k3.use: missing (expected a string)',
    'counterparts: expected an array, found the number 3',
  ]);
  assert.equal(
    error({ version: 1, reports: [], series: 'x', copies: null }),
    'c.json: reports: expected an object, found an array; series: expected an object, found the string "x"; copies: expected an object, found null',
  );
  assert.deepEqual([{ version: 1.5 }, { version: 0 }, { version: '1' }, null, 'x'].map(error), [
    'c.json: version: expected a whole number ≥ 1, found the number 1.5',
    'c.json: version: expected a whole number ≥ 1, found the number 0',
    'c.json: version: expected a whole number ≥ 1, found the string "1"',
    'c.json: expected an object with "version" and "reports", found null',
    'c.json: expected an object with "version" and "reports", found the string "x"',
  ]);
  assert.deepEqual(parseCorpusFile('{"version": 1}', 'c.json'), { ok: true, value: emptyCorpusFile() }, 'every part but the version may be left out');
  // Times with minutes only, fractions and offsets are ISO-8601; a chain of merges that ends is no loop.
  const fine = parseCorpusFile(
    JSON.stringify({
      version: 1,
      $schema: 'x',
      series: { A: { mergeInto: 'B', modified: T1 }, B: { mergeInto: 'C', modified: '2026-01-01T00:00+08:00' } },
      copies: { k: { use: 'a', modified: '2026-01-01T00:00:00.123Z' } },
      reports: { 'a.txt': { r1: { year: 1, series: 'B', modified: '2026-01-01T00:00:00.5-05:00' } } },
    }),
    'c.json',
  );
  assert.deepEqual(fine, {
    ok: true,
    value: {
      version: 1,
      reports: { 'a.txt': { r1: { year: 1, series: 'B', modified: '2026-01-01T00:00:00.5-05:00' } } },
      series: { A: { mergeInto: 'B', modified: T1 }, B: { mergeInto: 'C', modified: '2026-01-01T00:00+08:00' } },
      copies: { k: { use: 'a', modified: '2026-01-01T00:00:00.123Z' } },
      counterparts: [],
    },
  });
});

test('mergeCorpusFiles: a tie keeps the local entry, an unparsable time is the oldest, a local entry changed since the base survives a removal', () => {
  const T1 = '2026-01-01T00:00:00Z';
  const T2 = '2026-02-01T00:00:00Z';
  const one = (year: number, modified: string) => withReportCorrection(emptyCorpusFile(), 'a.txt', 'r1', { year }, modified);
  const merged = (local: CorpusFile, disk: CorpusFile, base = new Map<string, string>()) => mergeCorpusFiles(local, disk, base).reports['a.txt']?.r1 ?? null;
  assert.deepEqual(merged(one(2001, T1), one(2002, T1)), { year: 2001, modified: T1 }, 'a tie: the local one');
  assert.deepEqual(merged(one(2001, T1), one(2002, T2)), { year: 2002, modified: T2 }, 'the disk’s is newer');
  assert.deepEqual(merged(one(2001, T2), one(2002, T1)), { year: 2001, modified: T2 }, 'the local one is newer');
  assert.deepEqual(merged(one(2001, 'garbled'), one(2002, T1)), { year: 2002, modified: T1 }, 'an unparsable local time is the oldest');
  assert.deepEqual(merged(one(2001, T1), one(2002, 'garbled')), { year: 2001, modified: T1 }, 'an unparsable disk time is the oldest');
  assert.deepEqual(merged(one(2001, 'garbled'), one(2002, 'garbled too')), { year: 2001, modified: 'garbled' }, 'both unparsable: a tie');
  const base = corpusBase(one(2001, T1));
  assert.deepEqual([...base], [['r\u0000a.txt\u0000r1', T1]]);
  assert.equal(merged(one(2001, T1), emptyCorpusFile(), base), null, 'unchanged here, removed outside: removed');
  assert.deepEqual(merged(one(2003, T2), emptyCorpusFile(), base), { year: 2003, modified: T2 }, 'changed here, removed outside: kept');
  assert.deepEqual(merged(one(2003, T2), emptyCorpusFile()), { year: 2003, modified: T2 }, 'new here: kept');
  assert.deepEqual(merged(emptyCorpusFile(), one(2004, T1), base), { year: 2004, modified: T1 }, 'only on disk: comes in');
  // Series merges and copy choices merge the same way, each under its own key.
  const s = withSeriesMerge(emptyCorpusFile(), 'A', 'B', T1);
  const c = withCopyChoice(emptyCorpusFile(), 'A', 2020, 'x.txt', T1);
  const both = mergeCorpusFiles(s, c, new Map());
  assert.deepEqual(both.series, { A: { mergeInto: 'B', modified: T1 } });
  assert.deepEqual(both.copies, { 'A · 2020': { use: 'x.txt', modified: T1 } });
  assert.deepEqual(both.reports, {});
  assert.deepEqual([...corpusBase(both)].sort(), [
    ['c\u0000A · 2020', T1],
    ['s\u0000A', T1],
  ]);
});

test('serializeCorpusFile: keys sorted at every level, whatever order they were set in; fields in their fixed order', () => {
  const T1 = '2026-01-01T00:00:00Z';
  let f = withReportCorrection(emptyCorpusFile(), 'z.txt', 'r9', { title: 't', year: 2020 }, T1);
  f = withReportCorrection(f, 'z.txt', 'r1', { series: 's', issuer: 'i', type: 'y' }, T1);
  f = withReportCorrection(f, 'a.txt', 'r5', { year: 2021 }, T1);
  f = withSeriesMerge(withSeriesMerge(f, 'B', 'C', T1), 'A', 'C', T1);
  f = withCopyChoice(withCopyChoice(f, 'S', 2021, 'x', T1), 'S', 2020, 'y', T1);
  const j = JSON.parse(serializeCorpusFile(f));
  assert.deepEqual(Object.keys(j.reports), ['a.txt', 'z.txt']);
  assert.deepEqual(Object.keys(j.reports['z.txt']), ['r1', 'r9']);
  assert.deepEqual(Object.keys(j.reports['z.txt'].r1), ['issuer', 'type', 'series', 'modified']);
  assert.deepEqual(Object.keys(j.reports['z.txt'].r9), ['year', 'title', 'modified']);
  assert.deepEqual(Object.keys(j.series), ['A', 'B']);
  assert.deepEqual(Object.keys(j.copies), ['S · 2020', 'S · 2021']);
});

test('withReportCorrection: fields left undefined are not written; a correction with no field left is removed, and its source with it', () => {
  const T1 = '2026-01-01T00:00:00Z';
  const f = withReportCorrection(emptyCorpusFile(), 'a.txt', 'r1', { year: 2020, issuer: undefined }, T1);
  assert.deepEqual(f.reports, { 'a.txt': { r1: { year: 2020, modified: T1 } } });
  const g = withReportCorrection(f, 'a.txt', 'r2', { title: 't' }, T1);
  assert.deepEqual(Object.keys(g.reports['a.txt']), ['r1', 'r2']);
  const h = withReportCorrection(g, 'a.txt', 'r1', { year: undefined }, T1);
  assert.deepEqual(h.reports, { 'a.txt': { r2: { title: 't', modified: T1 } } });
  assert.deepEqual(withReportCorrection(h, 'a.txt', 'r2', {}, T1).reports, {});
  assert.deepEqual(f.reports['a.txt'], { r1: { year: 2020, modified: T1 } }, 'the original is not changed');
});

/** Variants of one report: its metadata sources, outline and paragraphs replaced. */
const base = fromText(
  '2025年四川省政府工作报告\n\n——2025年1月20日在四川省第十四届人民代表大会第三次会议上\n\n各位代表：\n\n一、2024年工作回顾\n\n过去一年，全省地区生产总值增长5.7%。\n',
  'base.txt',
).reports[0];
const TEXT = { title: 'text', issuer: 'text', year: 'text', type: 'text' } as const;
const variant = (
  source: string,
  change: { from?: Partial<Report['meta']['from']>; outline?: OutlineNode[]; paragraphs?: Report['paragraphs']; year?: number | null },
) => ({
  source,
  report: {
    ...base,
    year: change.year === undefined ? base.year : change.year,
    outline: change.outline ?? [],
    paragraphs: change.paragraphs ?? base.paragraphs,
    meta: { ...base.meta, from: { ...TEXT, ...change.from } },
  } as Report,
});
const nodeOf = (kind: OutlineNode['kind'], inferred: boolean, partKind?: OutlineNode['partKind'], children: OutlineNode[] = []) =>
  ({ kind, partKind, inferred, number: null, label: null, title: 'x', line: 0, start: 0, end: 0, endLine: 0, paragraph: 0, children }) as OutlineNode;
const para = (role: Report['paragraphs'][number]['role'], id: string) => ({ id, index: 0, role, text: id, line: 0, start: 0, end: 0 });
const used = (...entries: ReturnType<typeof variant>[]) => {
  const g = groupSeries(entries);
  assert.equal(g.series.length, 1);
  assert.equal(g.series[0].members.length, 1);
  const [m] = g.series[0].members;
  return [m.source, ...m.copies.map((c) => c.source)].join(' ');
};

test('the copy used: the one whose metadata the text gave more of (a correction counts as text), then more structure, then more content, then the first path', () => {
  assert.equal(used(variant('a.txt', { from: { year: 'fileName' } }), variant('b.txt', {})), 'b.txt a.txt');
  assert.equal(used(variant('a.txt', { from: { year: 'none', title: 'fileName' } }), variant('b.txt', { from: { year: 'fileName' } })), 'b.txt a.txt');
  assert.equal(
    used(variant('a.txt', { from: { year: 'correction' } }), variant('b.txt', {})),
    'a.txt b.txt',
    'a correction counts as text: a tie, the first path',
  );
  assert.equal(used(variant('b.txt', {}), variant('a.txt', { from: { issuer: 'correction' } })), 'a.txt b.txt');
  // Structure: an inferred “other” part is no structure; any other node is, children included.
  const other = nodeOf('part', true, 'other');
  assert.equal(used(variant('a.txt', { outline: [other, other] }), variant('b.txt', { outline: [nodeOf('chapter', true)] })), 'b.txt a.txt');
  assert.equal(used(variant('a.txt', { outline: [other] }), variant('b.txt', { outline: [nodeOf('part', false, 'other')] })), 'b.txt a.txt');
  assert.equal(used(variant('a.txt', { outline: [other] }), variant('b.txt', { outline: [nodeOf('part', true, 'review')] })), 'b.txt a.txt');
  assert.equal(used(variant('a.txt', { outline: [other] }), variant('b.txt', { outline: [nodeOf('section', true, 'other')] })), 'b.txt a.txt');
  assert.equal(
    used(
      variant('a.txt', { outline: [nodeOf('chapter', false), nodeOf('chapter', false)] }),
      variant('b.txt', { outline: [nodeOf('chapter', false, undefined, [nodeOf('section', false), nodeOf('section', false)])] }),
    ),
    'b.txt a.txt',
    'three nodes, two of them children, over two',
  );
  assert.equal(used(variant('a.txt', { outline: [nodeOf('chapter', false)] }), variant('b.txt', { outline: [other, other, other] })), 'a.txt b.txt');
  // Content: body, chapter and section paragraphs; not the title, trailing chrome or others.
  const paras = (...roles: Report['paragraphs'][number]['role'][]) => roles.map((r, i) => para(r, `p${r}${i}`));
  assert.equal(
    used(variant('a.txt', { paragraphs: paras('body', 'trailing', 'trailing') }), variant('b.txt', { paragraphs: paras('body', 'body') })),
    'b.txt a.txt',
  );
  assert.equal(used(variant('a.txt', { paragraphs: paras('body') }), variant('b.txt', { paragraphs: paras('chapter', 'section') })), 'b.txt a.txt');
  assert.equal(used(variant('a.txt', { paragraphs: paras('chapter') }), variant('b.txt', { paragraphs: paras('section', 'section') })), 'b.txt a.txt');
  assert.equal(used(variant('a.txt', { paragraphs: paras('section') }), variant('b.txt', { paragraphs: paras('body', 'body') })), 'b.txt a.txt');
  assert.equal(used(variant('a.txt', { paragraphs: paras('body', 'body') }), variant('b.txt', { paragraphs: paras('body') })), 'a.txt b.txt');
  // Metadata first, then structure, then content: each decides before the next.
  assert.equal(
    used(
      variant('a.txt', { from: { year: 'fileName' }, outline: [nodeOf('chapter', false), nodeOf('chapter', false)] }),
      variant('b.txt', { outline: [nodeOf('chapter', false)] }),
    ),
    'b.txt a.txt',
  );
  assert.equal(
    used(variant('a.txt', { outline: [nodeOf('chapter', false)], paragraphs: paras('body') }), variant('b.txt', { paragraphs: paras('body', 'body', 'body') })),
    'a.txt b.txt',
  );
  // Equal copies: the first path, whatever the order given; copies in path order.
  assert.equal(used(variant('c.txt', {}), variant('a.txt', {}), variant('b.txt', {})), 'a.txt b.txt c.txt');
  assert.equal(used(variant('b.txt', {}), variant('c.txt', {}), variant('a.txt', {})), 'a.txt b.txt c.txt');
});

test('the same content: trailing chrome does not make two files two reports; empty reports are never one; copies of a report with no year are listed', () => {
  const withChrome = variant('b.txt', { year: null, paragraphs: [...base.paragraphs, para('trailing', 'pchrome')] });
  const g = groupSeries([variant('a.txt', { year: null }), withChrome]);
  assert.deepEqual(
    g.unplaced.map((e) => e.source),
    ['a.txt', 'b.txt'],
  );
  assert.deepEqual(
    g.problems.map((p) => [p.problem.code, p.source]),
    [['noYearNoSeries', 'a.txt']],
    'one report (its copy listed), said once',
  );
  const empty = groupSeries([variant('a.txt', { year: null, paragraphs: [] }), variant('b.txt', { year: null, paragraphs: [] })]);
  assert.deepEqual(
    empty.problems.map((p) => [p.problem.code, p.source]),
    [
      ['noYearNoSeries', 'a.txt'],
      ['noYearNoSeries', 'b.txt'],
    ],
  );
  const other = groupSeries([variant('a.txt', { year: null }), variant('b.txt', { year: null, paragraphs: [para('body', 'pother')] })]);
  assert.equal(other.problems.length, 2, 'different content: two reports');
});

/** A statistics communiqué of one issuer and year, with text that differs by year. */
const communique = (issuer: string, year: number, source: string) => ({
  source,
  report: fromText(`${issuer}${year}年国民经济和社会发展统计公报\n\n一、综合\n\n全年地区生产总值${year - 1900}亿元。\n`, source).reports[0],
});

test('groupSeries: one issuer written two ways is one series under the longer form; variants in path order; series sorted by key', () => {
  const g = groupSeries([
    communique('黔东南州', 2017, 'z/2017.txt'),
    communique('黔东南苗族侗族自治州', 2016, 'a/2016.txt'),
    communique('遵义市', 2016, 'b/遵义.txt'),
  ]);
  assert.deepEqual(
    g.series.map((s) => [s.key, s.issuer, s.type, s.label, s.issuerVariants, s.reports.map((r) => r.year), s.members.map((m) => m.source)]),
    [
      [
        '遵义市 · 国民经济和社会发展统计公报',
        '遵义市',
        '国民经济和社会发展统计公报',
        '遵义市 · 国民经济和社会发展统计公报',
        ['遵义市'],
        [2016],
        ['b/遵义.txt'],
      ],
      [
        '黔东南苗族侗族自治州 · 国民经济和社会发展统计公报',
        '黔东南苗族侗族自治州',
        '国民经济和社会发展统计公报',
        '黔东南苗族侗族自治州 · 国民经济和社会发展统计公报',
        ['黔东南苗族侗族自治州', '黔东南州'],
        [2016, 2017],
        ['a/2016.txt', 'z/2017.txt'],
      ],
    ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)),
  );
  assert.deepEqual(g.problems, []);
  // Given in the other order: the same result.
  const h = groupSeries([
    communique('遵义市', 2016, 'b/遵义.txt'),
    communique('黔东南州', 2017, 'z/2017.txt'),
    communique('黔东南苗族侗族自治州', 2016, 'a/2016.txt'),
  ]);
  assert.deepEqual(
    h.series.map((s) => [s.key, s.issuerVariants]),
    g.series.map((s) => [s.key, s.issuerVariants]),
  );
  // An issuer that is no chain of places is its own series; a report with no issuer is keyed by its type alone.
  const center = communique('某某研究中心', 2016, 'x.txt');
  assert.equal(center.report.issuer, null, 'the reader finds no issuer here');
  const odd = groupSeries([{ ...center, report: { ...center.report, issuer: '某某研究中心' } }, communique('', 2016, 'y.txt')]);
  assert.deepEqual(
    odd.series.map((s) => [s.key, s.issuer]),
    [
      ['国民经济和社会发展统计公报', null],
      ['某某研究中心 · 国民经济和社会发展统计公报', '某某研究中心'],
    ],
  );
  assert.equal(seriesLabel(odd.series[1].reports[0]), '某某研究中心 · 国民经济和社会发展统计公报');
  assert.equal(seriesKey(odd.series[0].reports[0]), '国民经济和社会发展统计公报');
  // A report with no type: its title without issuer and year; a title that is nothing else is the type.
  const untyped = (title: string, issuer: string | null) => seriesKey({ ...center.report, type: null, title, issuer });
  assert.equal(untyped('某市2019年某某材料', '某市'), '某市 · 某某材料');
  assert.equal(untyped('某市2019年某某材料', null), '某市某某材料');
  assert.equal(untyped('2019年', null), '2019年');
});

test('groupSeries: Move to Series into a new series takes its issuer and type from the key; a merge of two live series is no orphan; an orphan names the file', () => {
  const T1 = '2026-01-01T00:00:00Z';
  const a = communique('遵义市', 2016, 'a.txt');
  const b = communique('贵阳市', 2017, 'b.txt');
  const moved = (series: string) =>
    groupSeries([a, b], { corrections: withReportCorrection(emptyCorpusFile(), 'a.txt', a.report.id, { series }, T1) }).series.map((s) => [
      s.key,
      s.issuer,
      s.type,
      s.members.map((m) => m.source),
    ]);
  const retitled = groupSeries([a, b], { corrections: withReportCorrection(emptyCorpusFile(), 'a.txt', a.report.id, { title: '新标题' }, T1) });
  assert.deepEqual(retitled.problems, [], 'a correction that applies is no orphan');
  const r = retitled.series.flatMap((x) => x.reports).find((x) => x.id === a.report.id)!;
  assert.deepEqual([r.title, r.meta.from.title, r.meta.extracted.title], ['新标题', 'correction', a.report.title]);
  assert.deepEqual(
    groupSeries([a, b], { corrections: withReportCorrection(emptyCorpusFile(), 'a.txt', a.report.id, { series: '新的类型' }, T1) }).problems,
    [],
  );
  assert.deepEqual(moved('新的类型'), [
    ['新的类型', null, '新的类型', ['a.txt']],
    ['贵阳市 · 国民经济和社会发展统计公报', '贵阳市', '国民经济和社会发展统计公报', ['b.txt']],
  ]);
  assert.deepEqual(moved('某机构 · 某报告'), [
    ['某机构 · 某报告', '某机构', '某报告', ['a.txt']],
    ['贵阳市 · 国民经济和社会发展统计公报', '贵阳市', '国民经济和社会发展统计公报', ['b.txt']],
  ]);
  assert.deepEqual(moved('贵阳市 · 国民经济和社会发展统计公报'), [
    ['贵阳市 · 国民经济和社会发展统计公报', '贵阳市', '国民经济和社会发展统计公报', ['a.txt', 'b.txt']],
  ]);
  const merged = groupSeries([a, b], {
    corrections: withSeriesMerge(emptyCorpusFile(), '遵义市 · 国民经济和社会发展统计公报', '贵阳市 · 国民经济和社会发展统计公报', T1),
  });
  assert.deepEqual(
    merged.series.map((s) => [s.key, s.reports.map((r) => r.year)]),
    [['贵阳市 · 国民经济和社会发展统计公报', [2016, 2017]]],
  );
  assert.deepEqual(merged.problems, [], 'the merged series holds reports: no orphan');
  assert.deepEqual(
    groupSeries([a], { corrections: withSeriesMerge(emptyCorpusFile(), '别处 · 某报告', '遵义市 · 国民经济和社会发展统计公报', T1) }).problems,
    [],
    'merged into a series that holds reports: no orphan',
  );
  const orphan = groupSeries([a], { corrections: withSeriesMerge(emptyCorpusFile(), '别处 · 某报告', '无处 · 某报告', T1) });
  assert.deepEqual(
    orphan.problems.map((p) => [p.severity, p.report, p.source, p.message]),
    [['warning', null, null, 'A series correction in .annals/corpus.json names the series “别处 · 某报告”, which holds no report now: it is kept.']],
  );
  const named = groupSeries([a], { corrections: withSeriesMerge(emptyCorpusFile(), '别处 · 某报告', 'x', T1), correctionsFile: 'team/corpus.json' });
  assert.match(named.problems[0].message, /^A series correction in team\/corpus\.json /);
});

test('groupSeries: a copy’s problem names the copy’s source; bare reports (no source) are grouped too and named by id', () => {
  const a = communique('遵义市', 2016, 'a.txt');
  const g = groupSeries([
    { source: 'b.txt', report: a.report },
    { source: 'a.txt', report: a.report },
  ]);
  assert.deepEqual(
    g.problems.map((p) => [p.severity, p.source, p.problem.args]),
    [['info', 'b.txt', ['遵义市 · 国民经济和社会发展统计公报', '2016', 'a.txt', 'b.txt']]],
  );
  const bare = groupSeries([a.report, communique('遵义市', 2017, 'c.txt').report]);
  assert.deepEqual(
    bare.series.map((s) => [s.key, s.members.map((m) => [m.source, m.report.year])]),
    [
      [
        '遵义市 · 国民经济和社会发展统计公报',
        [
          ['', 2016],
          ['', 2017],
        ],
      ],
    ],
  );
  const twice = groupSeries([a.report, a.report]);
  assert.deepEqual(
    twice.problems.map((p) => [p.source, p.problem.args[2], p.problem.args[3]]),
    [[null, a.report.id, a.report.id]],
  );
});

test('pages of one article saved a file a page (t1.html, t1_1.html, t1_2.html): a warning that most of the report is elsewhere, not a copy', () => {
  const page = (source: string, text: string) => ({
    source,
    report: fromText(`2025年某县人民政府工作报告\n\n${text}\n`, source).reports[0],
  });
  const g = groupSeries([
    page('web/t20250120_123.html', '一、2024年工作回顾\n\n全县地区生产总值增长百分之五，经济运行总体平稳。'),
    page('web/t20250120_123_1.html', '二、2025年工作安排\n\n今年地区生产总值预期增长百分之五左右。'),
    page('web/t20250120_123_2.html', '三、加强政府自身建设\n\n坚持依法行政，建设法治政府。'),
  ]);
  assert.deepEqual(
    g.problems.map((p) => [p.problem.code, p.source]),
    [
      ['splitPages', 'web/t20250120_123_1.html'],
      ['splitPages', 'web/t20250120_123_2.html'],
    ],
  );
  assert.match(problemText(g.problems[0].problem), /look like pages of one article .*: only web\/t20250120_123\.html is in the series/);
  // Pages saved as text (10234.txt, 10234_4.txt: a downloader's names for a page and its fourth) are pages too.
  const text = groupSeries([
    page('d/10234.txt', '一、2023年工作回顾\n\n全县地区生产总值增长百分之五，经济运行总体平稳。'),
    page('d/10234_4.txt', '三、加强政府自身建设\n\n坚持依法行政，建设法治政府。'),
  ]);
  assert.deepEqual(
    text.problems.map((p) => [p.problem.code, p.source]),
    [['splitPages', 'd/10234_4.txt']],
  );
  // The same report as .html and .htm, or copies with one content: copies, as before.
  const same = groupSeries([page('a/r.html', '一、2024年工作回顾\n\n正文。'), page('a/r_1.html', '一、2024年工作回顾\n\n正文。')]);
  assert.deepEqual(
    same.problems.map((p) => p.problem.code),
    ['duplicateReport'],
  );
  // Two saves of the whole report that differ by a word (gzbg_1.html, gzbg_2.html): copies, not pages.
  const body =
    '一、2024年工作回顾\n\n全县地区生产总值增长百分之五。\n\n二、2025年工作安排\n\n今年预期增长百分之五左右。\n\n三、加强政府自身建设\n\n坚持依法行政。';
  const saves = groupSeries([page('b/gzbg_1.html', body), page('b/gzbg_2.html', body.replace('坚持依法行政', '我们坚持依法行政'))]);
  assert.deepEqual(
    saves.problems.map((p) => p.problem.code),
    ['duplicateReport'],
  );
});
