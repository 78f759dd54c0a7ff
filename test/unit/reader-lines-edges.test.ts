/**
 * Edge rows for the mutation testing of src/core/reader/lines.ts (see stryker.config.mjs): the plain
 * text line rules (zero-width lines, wrapped lines, broken headings, the title line and what joins
 * it, document numbers, the front-matter date) and, through Word, hints that follow their lines past
 * the page chrome. Exact inputs and outputs through importSource; each row is named for the slip it
 * catches. reader-edges.test.ts has the first rows ("lines: …"); these add to them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { importSource } from '../../src/core/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** What a user sees of a text: its title, its date and its paragraphs. */
function text(t: string | Uint8Array, name = 'a.txt'): [string, string | null, string[]] {
  const p = importSource(name, typeof t === 'string' ? enc(t) : t).reports[0];
  return [p.title, p.published, p.paragraphs.map((x) => x.text)];
}

const A = '今年以来，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，人民生活持续改善，社会大局保持稳定。';
const B = '全年完成地区生产总值一千二百亿元，比上年增长百分之六点五，一般公共预算收入增长百分之五。';
const T = '某区2019年工作报告';

test('lines: a zero-width line joins its halves where no wrapped-line rule runs (one paragraph a line), and at the very end it is only dropped', () => {
  const rows: [string, string, string[], string | null][] = [
    [
      'one paragraph a line: only the zero-width rule can join 改 / 革',
      `${T}\n${A}\n要全面深化各领域改\n\u200b\n革，推动高质量发展。\n${B}\n`,
      [A, '要全面深化各领域改革，推动高质量发展。', B],
      null,
    ],
    ['a zero-width line that ends the text (no line after it) joins nothing', `${T}\n${A}\n要全面深化各领域改\n\u200b`, [A, '要全面深化各领域改'], null],
    // The closing date dates the report.
    [
      'a zero-width line before a closing date does not join it',
      `${T}\n${A}\n某区人民政府\n\u200b\n2019年1月9日\n`,
      [A, '某区人民政府', '2019年1月9日'],
      '2019-01-09',
    ],
  ];
  for (const [slip, t, want, published] of rows) assert.deepEqual(text(t), [T, published, want], slip);
});

test('lines: wrapped lines are not joined to a marker line (第十二章, a year, （十一）, 12、), are joined past a date, 1998、1999年, ：“ and a bracket, and stop at a colon', () => {
  const rows: [string, string, string[]][] = [
    [
      'chapters of two numerals in a contents list are markers',
      `目录\n第十一章 推进法治政府建设\n第十二章 加强政府自身建设`,
      ['目录', '第十一章 推进法治政府建设', '第十二章 加强政府自身建设'],
    ],
    [
      'a line that starts with a year is a marker',
      `过去一年全区经济运行稳中有进\n2019年，全区地区生产总值增长6.5%。`,
      ['过去一年全区经济运行稳中有进', '2019年，全区地区生产总值增长6.5%。'],
    ],
    [
      'an Arabic numeral in brackets is a marker',
      `主要做法有以下几个方面\n（1）加强组织领导，压实工作责任。`,
      ['主要做法有以下几个方面', '（1）加强组织领导，压实工作责任。'],
    ],
    ['a date inside a line is not a closing date', `我们计划\n于2023年6月底前完成全部改造任务。`, ['我们计划于2023年6月底前完成全部改造任务。']],
    [
      'a range of years before a month is not a closing date',
      `新一轮改造任务的实施期限为\n2023—2025年6月，分三批推进。`,
      ['新一轮改造任务的实施期限为2023—2025年6月，分三批推进。'],
    ],
    ['a short line that ends with a colon is not joined (注：)', `注：\n本报告中部分数据为初步统计数。`, ['注：', '本报告中部分数据为初步统计数。']],
    [
      'a heading whose opening bracket the source put on a line of its own is a heading once joined: the next line stays apart',
      `（\n一）坚持稳中求进\n推动经济高质量发展，取得新成效。`,
      ['（一）坚持稳中求进', '推动经济高质量发展，取得新成效。'],
    ],
    ...['（十一）', '十一、', '12、', '（12）'].map((n): [string, string, string[]] => [
      `a line numbered ${n} is a marker`,
      `主要做法有以下几个方面\n${n}加强组织领导，压实工作责任。`,
      ['主要做法有以下几个方面', `${n}加强组织领导，压实工作责任。`],
    ]),
    [
      'two years in a row (1998、1999年) are no numbered line',
      `本届政府初期，亚洲金融危机冲击，国有企业职工大量下岗\n1998、1999年连续遭受特大洪涝灾害。`,
      ['本届政府初期，亚洲金融危机冲击，国有企业职工大量下岗1998、1999年连续遭受特大洪涝灾害。'],
    ],
    [
      'an opening quote after a colon does not end a sentence (：“ / …”)',
      `我们要牢固树立和践行：“\n绿水青山就是金山银山的理念。”`,
      ['我们要牢固树立和践行：“绿水青山就是金山银山的理念。”'],
    ],
    [
      'a closing bracket after a word does not end a sentence',
      `全年新建高速铁路（含城际铁路）\n投产里程一千公里，成效明显。`,
      ['全年新建高速铁路（含城际铁路）投产里程一千公里，成效明显。'],
    ],
    ['M₂ broken around its subscript (as Wikisource gives it) is one sentence', `今年广义货币M\n2\n预期增长13%左右。`, ['今年广义货币M2预期增长13%左右。']],
    ['…and PM2.5: 2.5 is no numbered line', `细颗粒物（PM\n2.5\n）浓度明显下降。`, ['细颗粒物（PM2.5）浓度明显下降。']],
  ];
  for (const [slip, block, want] of rows) assert.deepEqual(text(`${T}\n\n${A}\n\n${block}\n\n${B}\n`), [T, null, [A, ...want, B]], slip);
});

test('lines: a text is taken as wrapped from 4 non-blank lines (below the title) with fewer than half of them run on', () => {
  const rows: [string, string, string[]][] = [
    [
      '4 non-blank lines, 1 run on (the first line, right below the title, runs on from nothing): joined',
      `${T}\n${A}\n\n新建\n高速铁路投产里程一千公里，成效明显。\n\n${B}\n`,
      [A, '新建高速铁路投产里程一千公里，成效明显。', B],
    ],
    [
      '4 non-blank lines, exactly half run on: one paragraph a line',
      `${T}\n\n${A}\n新建\n高速铁路投产里程一千公里，成效明显。\n\n${B}\n`,
      [A, '新建', '高速铁路投产里程一千公里，成效明显。', B],
    ],
    [
      '5 non-blank lines, 1 run on: joined',
      `${T}\n\n${A}\n\n${B}\n\n新建\n高速铁路投产里程一千公里，成效明显。\n\n${A}\n`,
      [A, B, '新建高速铁路投产里程一千公里，成效明显。', A],
    ],
    [
      '3 non-blank lines, 1 run on: too few to tell, one paragraph a line',
      `${T}\n\n${A}\n\n新建\n高速铁路投产里程一千公里，成效明显。\n`,
      [A, '新建', '高速铁路投产里程一千公里，成效明显。'],
    ],
    ['one paragraph a line: short lines stay apart', `${T}\n${A}\n项目基本概况\n资金安排情况\n${B}\n`, [A, '项目基本概况', '资金安排情况', B]],
  ];
  for (const [slip, t, want] of rows) assert.deepEqual(text(t), [T, null, want], slip);
});

test('lines: a broken heading (any numbering) is joined when its rest has at most 20 characters, both at most 40, and sentences of 20 characters follow', () => {
  const H24 = '三、深入贯彻落实党中央国务院决策部署持续提升政府';
  const R20 = '治理效能和服务水平推动经济社会高质量发展';
  const R21 = '治理体系和治理能力现代化水平推动高质量发展';
  const rows: [string, string, string[]][] = [
    ['a heading followed by prose is not joined to it', `三、持续提升政府治理效能\n\n${A}`, ['三、持续提升政府治理效能', A]],
    ['a heading numbered （十一）', `（十一）持续提升政府\n\n治理效能和服务水平\n\n${A}`, ['（十一）持续提升政府治理效能和服务水平', A]],
    ['a heading numbered （三）', `（三）持续提升政府\n\n治理效能和服务水平\n\n${A}`, ['（三）持续提升政府治理效能和服务水平', A]],
    ['a heading numbered 十一、', `十一、持续提升政府\n\n治理效能和服务水平\n\n${A}`, ['十一、持续提升政府治理效能和服务水平', A]],
    ['a heading numbered 第十一章', `第十一章 加快建设现代化\n\n产业体系\n\n${A}`, ['第十一章 加快建设现代化产业体系', A]],
    ['a heading numbered 第三部分', `第三部分 加快建设现代化\n\n产业体系\n\n${A}`, ['第三部分 加快建设现代化产业体系', A]],
    [
      'a line of invisible characters between heading and rest is blank',
      `三、持续提升政府\n\u200b\u3000\n治理效能和服务水平\n\n${A}`,
      ['三、持续提升政府治理效能和服务水平', A],
    ],
    [
      'a rest after a long indent of spaces is cleaned, not taken for a paragraph',
      `三、持续提升政府\n\n${'\u3000'.repeat(70)}治理效能和服务水平\n\n${A}`,
      ['三、持续提升政府治理效能和服务水平', A],
    ],
    ['a rest of 20 characters', `三、持续提升政府\n\n${R20}\n\n${A}`, [`三、持续提升政府${R20}`, A]],
    ['…not of 21', `三、持续提升政府\n\n${R21}\n\n${A}`, ['三、持续提升政府', R21, A]],
    ['heading and rest of 40 characters together', `${H24}\n\n治理体系和治理能力现代化水平提升\n\n${A}`, [`${H24}治理体系和治理能力现代化水平提升`, A]],
    ['…not of 41', `${H24}\n\n治理体系和治理能力现代化水平再提升\n\n${A}`, [H24, '治理体系和治理能力现代化水平再提升', A]],
    [
      'a sentence of exactly 20 characters after the rest',
      `三、收到和处理政府信息公开\n\n申请情况\n\n共收到政府信息公开申请四十件，均已办结。`,
      ['三、收到和处理政府信息公开申请情况', '共收到政府信息公开申请四十件，均已办结。'],
    ],
    [
      '…not a shorter line with commas (a table’s cells)',
      `三、收到和处理政府信息公开\n\n申请情况\n\n申请人情况，自然人，法人。`,
      ['三、收到和处理政府信息公开', '申请情况', '申请人情况，自然人，法人。'],
    ],
  ];
  for (const [slip, block, want] of rows) assert.deepEqual(text(`${T}\n\n${A}\n\n${block}\n\n${B}\n`), [T, null, [A, ...want, B]], slip);
});

test('lines: document numbers above a title that names no report type (so nothing later finds the title instead), with the signer on the line (a real bug, fixed)', () => {
  const N = '某区人民政府关于印发2019年重点工作任务分工方案的通知';
  const rows: [string, string][] = [
    ['a four-digit year, a closing bracket and a number of two digits, no spaces', '南府发〔2019〕12号'],
    ['spaces after the year, the bracket and the number', '南府发〔 2019 〕 12 号'],
    ['in half-width square brackets', '南府发[2019]3号'],
  ];
  for (const [slip, doc] of rows) assert.deepEqual(text(`${doc}\n\n${N}\n\n${A}\n`), [N, null, [doc, A]], slip);
  const Q = '某区人民政府关于申请追加2019年专项资金的请示';
  assert.deepEqual(
    text(`南府报〔2019〕3号　　签发人：张三\n\n${Q}\n\n${A}\n`),
    [Q, null, ['南府报〔2019〕3号 签发人：张三', A]],
    'a document number with its signer on the same line (a real bug, fixed: it was taken for the title)',
  );
  assert.deepEqual(
    text(`南府报〔2019〕3号签发人：张三\n\n${Q}\n\n${A}\n`),
    [Q, null, ['南府报〔2019〕3号签发人：张三', A]],
    '…and with no space before 签发人',
  );
  assert.deepEqual(
    text(`南府发〔2019〕12号文件解读\n\n${A}\n`),
    ['南府发〔2019〕12号文件解读', null, [A]],
    'a title that starts with a document number is a title',
  );
  assert.deepEqual(text('南府发〔2019〕12号\n\n\n'), ['a', null, ['南府发〔2019〕12号']], 'a document number and blank lines only: no title below it');
});

test('lines: what is not a title line: 工作情况 section names by length, a single line, a comma only at the end', () => {
  const X26 = '某区人民政府推进法治政府建设和依法行政及政务公开相关';
  const rows: [string, string, [string, string[]]][] = [
    ['a section name without a year', `上半年工作情况\n\n${A}\n`, ['a', ['上半年工作情况', A]]],
    // A section name, not the title; with no title line, the 法治 type and the year it names make one (lead.ts).
    [
      'a year and 26 more characters before 工作情况 is still a section name',
      `2019年${X26}工作情况\n\n${A}\n`,
      ['2019年法治政府建设工作报告', [`2019年${X26}工作情况`, A]],
    ],
    ['…and with a space after the year', `2019 年${X26}工作情况\n\n${A}\n`, ['2019年法治政府建设工作报告', [`2019 年${X26}工作情况`, A]]],
    [
      'a line of 35 characters that ends in 工作情况 without a year is a title',
      `某区人民政府推进法治政府建设和依法行政及政务公开与政务服务相关工作情况\n\n${A}\n`,
      ['某区人民政府推进法治政府建设和依法行政及政务公开与政务服务相关工作情况', [A]],
    ],
    [
      'a single line is not a title of nothing, whatever it names',
      '某区人民政府关于印发2019年重点工作任务分工方案的通知\n',
      ['a', ['某区人民政府关于印发2019年重点工作任务分工方案的通知']],
    ],
    ['a title broken before its last character with blank lines only after it', '某区2019年政府工作报\n告\n\n\n', ['某区2019年政府工作报告', []]],
    [
      'a comma inside a title (a motto) is no end of a sentence',
      `坚定信心，真抓实干，奋力开创高质量发展新局面\n\n${A}\n`,
      ['坚定信心，真抓实干，奋力开创高质量发展新局面', [A]],
    ],
  ];
  for (const [slip, t, [title, ps]] of rows) assert.deepEqual(text(t), [title, null, ps], slip);
});

test('lines: what joins a title: 关于…的意见, a (草案)/(试行) after the type (a real bug, fixed), a tail after 一 only, the year line up to 30 characters', () => {
  const Q29 = '黔东南苗族侗族自治州发展和改革委员会黔东南苗族侗族自治州统';
  const Q30 = '黔东南苗族侗族自治州人民政府办公室黔东南苗族侗族自治州统计局';
  const rows: [string, string, [string, string[]]][] = [
    [
      'an issuer line, then 关于…的意见 (a type no later rule knows)',
      `某区人民政府\n关于进一步优化营商环境的意见\n\n${A}\n`,
      ['某区人民政府关于进一步优化营商环境的意见', [A]],
    ],
    ['…with (试行) after it', `某区人民政府\n关于进一步优化营商环境的意见（试行）\n\n${A}\n`, ['某区人民政府关于进一步优化营商环境的意见（试行）', [A]]],
    [
      '…not a first sentence that starts with 关于',
      `某区人民政府\n关于2019年度法治政府建设工作情况，现说明如下：\n\n${A}\n`,
      ['某区人民政府', ['关于2019年度法治政府建设工作情况，现说明如下：', A]],
    ],
    [
      'an issuer line, then the year and a plan with (草案)',
      `某某县人民政府\n2019年国民经济和社会发展计划（草案）\n\n${A}\n`,
      ['某某县人民政府2019年国民经济和社会发展计划（草案）', [A]],
    ],
    [
      '…not a first sentence that starts with a year',
      `某某县人民政府\n2019年国民经济和社会发展计划执行情况如下：\n\n${A}\n`,
      ['某某县人民政府', ['2019年国民经济和社会发展计划执行情况如下：', A]],
    ],
    ['a year line with a space after the year', `某某县人民政府\n2019 年国民经济和社会发展计划\n\n${A}\n`, ['某某县人民政府2019年国民经济和社会发展计划', [A]]],
    [
      'a red-header line (…文件) does not take a title line that starts with its own issuer, then 关于',
      `某区人民政府文件\n某区人民政府关于2019年法治政府建设情况的报告\n\n${A}\n`,
      ['某区人民政府关于2019年法治政府建设情况的报告', ['某区人民政府文件', A]],
    ],
    [
      '…nor one that starts with its issuer, then the year',
      `某县人民政府文件\n某县2019年政府工作报告\n\n${A}\n`,
      ['某县2019年政府工作报告', ['某县人民政府文件', A]],
    ],
    [
      'a report joined from an issuer line does not take 目录 as its tail',
      `某区人民政府\n关于2019年法治政府建设情况的报告\n目录\n\n${A}\n`,
      ['某区人民政府关于2019年法治政府建设情况的报告', ['目录', A]],
    ],
    [
      'a title broken after its issuer, then a year line',
      `某某县人民\n政府\n2019年国民经济和社会发展计划\n\n${A}\n`,
      ['某某县人民政府2019年国民经济和社会发展计划', [A]],
    ],
    ['a title broken after 一 (the first ideograph) takes its tail', `某区人民政府关于推进城乡一\n体化\n\n${A}\n`, ['某区人民政府关于推进城乡一体化', [A]]],
    ['…not after a full-width bracket', `在全区经济工作会议上的讲话（摘要）\n\n前言\n\n${A}\n`, ['在全区经济工作会议上的讲话（摘要）', ['前言', A]]],
    ['…nor a chapter marker', `在全区经济工作会议上的讲话\n\n一、\n\n${A}\n`, ['在全区经济工作会议上的讲话', ['一、', A]]],
    ['an issuer line of 30 characters takes the year line', `${Q30}\n2016年国民经济和社会发展计划\n\n${A}\n`, [`${Q30}2016年国民经济和社会发展计划`, [A]]],
    [
      '…one of 31, joined from two lines, does not',
      `${Q29}\n计局\n2016年国民经济和社会发展计划\n\n${A}\n`,
      [`${Q29}计局`, ['2016年国民经济和社会发展计划', A]],
    ],
  ];
  for (const [slip, t, [title, ps]] of rows) assert.deepEqual(text(t), [title, null, ps], slip);
});

test('lines: the front-matter date: spaces in it, two-digit months, past long lines and short lists, not past 8 lines or a line that starts with a date and goes on (but a session line dates it)', () => {
  const S = '某区统计局关于统计工作的报告';
  const D = '2017年3月16日';
  const units = [
    '某区统计局',
    '某区发展和改革局',
    '某区财政局',
    '某区人力资源和社会保障局',
    '某区自然资源局',
    '某区生态环境局',
    '某区住房和城乡建设局',
    '某区交通运输局',
  ];
  const rows: [string, string[], string | null][] = [
    ['a date with spaces between its parts (as from a PDF)', ['某区统计局', '2017 年 3 月 16 日'], '2017-03-16'],
    ['a two-digit month', ['某区统计局', '2017年12月16日'], '2017-12-16'],
    ['past a line of 20 characters or more without punctuation', ['某区第十七届人民代表大会常务委员会第二十次会议文件', D], '2017-03-16'],
    ['past a short line with a comma', ['区统计局，区发展改革局', D], '2017-03-16'],
    ['the 8th line after the title', [...units.slice(0, 7), D], '2017-03-16'],
    ['…not the 9th', [...units, D], null],
    ['a session line dates the report: the day it was delivered', ['2017年3月16日在某区第十七届人民代表大会第一次会议上', '2017年3月20日'], '2017-03-16'],
    ['not past a line that starts with a date and goes on otherwise', ['2017年3月16日召开区政府常务会议', '2017年3月20日'], null],
  ];
  for (const [slip, front, date] of rows) assert.deepEqual(text(`${S}\n${front.join('\n')}\n\n${A}\n`), [S, date, [...front, A]], slip);
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const row = (...cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`;
const docx = (body: string) =>
  zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`) });

test('lines (Word): a table row first after the page chrome is not the title: the hints follow their lines past the removed ones', () => {
  const body = `${para('首页 > 政务公开 > 统计数据')}<w:tbl>${row('指标名称', '数值')}${row('地区生产总值', '1200亿元')}</w:tbl>${para(A)}${para(B)}`;
  assert.deepEqual(text(docx(body), '某县统计数据.docx'), ['某县统计数据', null, ['指标名称 数值', '地区生产总值 1200亿元', A, B]]);
});

test('wrapped lines: a title in book marks broken around its link is joined, also in a heading line (the 2006 national report)', () => {
  const B = '今年经济社会发展的主要预期目标是：国内生产总值增长8%左右，城镇新增就业900万人。';
  const text = [
    '各位代表：',
    '',
    B,
    '',
    B,
    '',
    '三、关于《',
    '国民经济和社会发展第十一个五年规划纲要（草案）',
    '》的说明',
    '',
    '（一）切实加强民主法制建设。制定并颁布了《',
    '重大动物疫情应急条例',
    '》等法规。',
    '',
    B,
    '',
  ].join('\n');
  const r = importSource('2006.txt', new TextEncoder().encode(text)).reports[0];
  assert.deepEqual(
    r.outline.map((n) => [n.kind, n.title, n.children.map((c) => c.title)]),
    [['chapter', '关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明', ['切实加强民主法制建设']]],
  );
  assert.ok(r.paragraphs.some((p) => p.text === '（一）切实加强民主法制建设。制定并颁布了《重大动物疫情应急条例》等法规。'));
});
