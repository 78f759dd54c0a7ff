/**
 * More edges of the structure package's metadata (title line, issuer, year, type) and of the report
 * it builds (the tail, table rows, appendix heads, closing lines, diagnostics), with exact
 * expectations. Written for mutation testing: each row is named for the realistic slip in
 * src/core/structure/metadata.ts or report.ts that would change it. The rows of
 * test/unit/structure-edges.test.ts are not repeated here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, type Report } from '../../src/core/index.ts';
import { findIssuer } from '../../src/core/structure/index.ts';

/** A body paragraph: long, several commas, one sentence. */
const B = '推进依法行政工作取得明显成效，各项制度进一步健全完善，全年共审查规范性文件三十件，办理复议案件五十件。';

function rep(blocks: string[], title: string | null = null, file: string | null = 't.txt', date: string | null = null): Report {
  return buildReport({ title, link: null, date, blocks, diagnostics: [] }, file);
}

/** The paragraphs' roles, one letter each (body, chapter, section, part, closing, trailing). */
const roles = (r: Report) => r.paragraphs.map((p) => p.role[0]).join('');

type Meta = [string, string | null, number | null, string | null, string, string[], string[]];

/** Title, issuer, year, type, where each came from, the issuer as written, the metadata's info diagnostics. */
function meta(blocks: string[], title: string | null, file: string | null): Meta {
  const r = rep(blocks, title, file);
  const f = r.meta.from;
  return [
    r.title,
    r.issuer,
    r.year,
    r.type,
    `${f.title} ${f.issuer} ${f.year} ${f.type}`,
    r.meta.issuerVariants,
    r.diagnostics
      .filter((d) => d.severity === 'info' && !/Chapter|Section|Heading|Trailing material/.test(d.message))
      .map((d) => `${d.code} ${(d.args ?? []).join('|')}`),
  ];
}

test('findIssuer: the leading year only at the start and with its spaces, 关于 first, a place of any level before a communiqué', () => {
  const cases: [string, string | null, string][] = [
    ['某县2018年人民政府工作报告', '某县', 'a year inside the title is not stripped (the strip is anchored): the issuer never crosses it'],
    [' 2018年某县人民政府工作报告', '某县人民政府', 'spaces before the leading year'],
    ['2018 年某县人民政府工作报告', '某县人民政府', 'a space between the leading year and 年'],
    ['2018年度某县人民政府工作报告', '某县人民政府', 'a leading 年度'],
    ['关于某县2018年法治政府建设情况的报告', '某县', 'a title that opens with 关于, then a place and the year: the place reports on its year'],
    ['关于2018年法治政府建设情况的报告', null, 'a title that opens with 关于 and names no place has no issuer'],
    ['某某镇2019年国民经济和社会发展统计公报', '某某镇', 'a township alone before a communiqué (the year cuts the head)'],
    ['某某镇2019年工作总结', '某某镇', 'a township before the year is a place as a county is (某县2018年…)'],
    ['某某镇工作总结', null, 'a place alone with no year after it is the issuer only of a communiqué'],
    ['某区某某街道2023年法治政府建设工作报告', '某区某某街道', 'a sub-district before the year'],
    ['某区某某街道办事处2023年政府信息公开工作年度报告', '某区某某街道办事处', 'a sub-district’s office'],
    ['某市中级人民法院2023年工作报告', '某市中级人民法院', 'a court'],
    ['某县政府办公室2019年工作要点', '某县政府办公室', '政府 + 办公室 is an office, not 某县政府 (政府 before 工作/信息 only)'],
    ['某县政府采购中心2019年工作总结', '某县政府采购中心', '政府采购 is no government: the centre is the organisation'],
    ['某县政府性债务管理情况报告', null, '政府性 is no government'],
    ['宝全县2018年法治政府建设年度报告', '宝全县', 'a county whose name ends in 全 is not 全县'],
    ['某县法治政府建设领导小组办公室2019年工作总结', '某县', '法治政府 never ends an issuer'],
    ['某县布局2019年工作总结', null, '布局 is no bureau'],
    ['某市展厅2019年工作总结', null, '展厅 is no department'],
    ['某县人民政府办公室关于2019年工作的报告', '某县人民政府办公室', 'the longest organisation word'],
    ['某市人民代表大会常务委员会工作报告', '某市人民代表大会常务委员会', 'a congress standing committee'],
    ['国务院办公厅2019年政务公开工作要点', '国务院办公厅', 'the State Council’s office'],
    ['某某乡人民政府2019年工作总结', '某某乡人民政府', 'a township government'],
    ['某县 2018 年法治政府建设年度报告', '某县', 'spaces around a year after the place'],
    ['新疆维吾尔自治区伊犁哈萨克自治州政府工作报告', null, 'a place longer than 13 characters before 政府 is not cut in its middle (anchored)'],
    ['河南省周口市国民经济和社会发展统计公报', '河南省周口市', 'two places alone before a communiqué, joined with nothing between'],
    ['中华人民共和国2019年国民经济和社会发展统计公报', null, 'the country before a communiqué is no place of an issuer'],
  ];
  for (const [title, want, slip] of cases) assert.equal(findIssuer(title), want, slip);
});

test('metadata: the title line and what joins it, the issuer’s sources, the type kept or cut, the year by type', () => {
  // [slip, blocks, reader's title, file name, [title, issuer, year, type, where each came from, issuer variants, info diagnostics]]
  const cases: [string, string[], string | null, string | null, Meta][] = [
    [
      'a date line before the title line is chrome, not the head of a broken title (年$ anchored)',
      ['2019年1月5日', '某县2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], ['leadingChrome 1']],
    ],
    [
      'a 时间： label after the title is not at the start of the line: still a title',
      ['某县2018年度法治政府建设工作报告 时间：2019-02-01', '一、总体情况', B],
      null,
      't.txt',
      ['某县2018年度法治政府建设工作报告 时间：2019-02-01', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'the head of a broken title ending in 关于 is joined',
      ['某县人民政府关于', '2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县人民政府关于2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'the head of a broken title ending in a year and 年 (no 度) is joined',
      ['某县人民政府2018年', '法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县人民政府2018年法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'the head of a broken title ending in 年度 is joined',
      ['某县人民政府2018年度', '法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县人民政府2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'an issuer line 国务院 (no place) joins the type line',
      ['国务院', '2019年政府工作报告', '各位代表：', B],
      null,
      't.txt',
      ['国务院2019年政府工作报告', '国务院', 2019, '政府工作报告', 'text text text text', ['国务院'], []],
    ],
    [
      'an issuer line that is an office (办公室) joins the type line',
      ['某县人民政府办公室', '2019年政务公开工作要点', '一、总体要求', B],
      null,
      't.txt',
      ['某县人民政府办公室2019年政务公开工作要点', '某县人民政府办公室', 2019, '政务公开工作要点', 'text text text text', ['某县人民政府办公室'], []],
    ],
    [
      'an issuer line that is a commission (委员会) joins the type line',
      ['某省发展和改革委员会', '2019年工作总结', '一、总体情况', B],
      null,
      't.txt',
      ['某省发展和改革委员会2019年工作总结', '某省发展和改革委员会', 2019, '工作总结', 'text text text text', ['某省发展和改革委员会'], []],
    ],
    [
      'an issuer line with a comma is not joined',
      ['某县人民政府，', '2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['2018年度法治政府建设工作报告', null, 2018, '法治政府建设工作报告', 'text none text text', [], ['leadingChrome 1']],
    ],
    [
      'a company is no issuer line',
      ['某县某某有限公司', '2018年度工作总结', '一、总体情况', B],
      null,
      't.txt',
      ['2018年度工作总结', null, 2018, '工作总结', 'text none text text', [], ['leadingChrome 1']],
    ],
    [
      'an issuer line with a space inside is joined',
      ['某县 人民政府', '2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县 人民政府2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'a type of two characters after the issuer’s place keeps the place (> places + 2)',
      ['深圳市统计局', '一、综合', B],
      '深圳市年报',
      't.txt',
      ['深圳市年报', '深圳市统计局', null, '深圳市年报', 'text text none text', ['深圳市统计局'], []],
    ],
    [
      'a type of three characters after the issuer’s place loses the place',
      ['深圳市统计局', '一、综合', B],
      '深圳市统计年报',
      't.txt',
      ['深圳市统计年报', '深圳市统计局', null, '统计年报', 'text text none text', ['深圳市统计局'], []],
    ],
    [
      'a type from the file name composes no title, even with an issuer from the text',
      ['来源：某县人民政府', '一、总体情况', B],
      null,
      '某县法治政府建设工作报告.txt',
      [
        '某县法治政府建设工作报告',
        '某县人民政府',
        null,
        '法治政府建设工作报告',
        'fileName text none fileName',
        ['某县人民政府'],
        ['titleFromFileName 某县法治政府建设工作报告', 'typeFromFileName 法治政府建设工作报告'],
      ],
    ],
    [
      'a composed title with no file name removes no other diagnostic',
      ['各位代表：', '某某市人民政府坚持依法行政。某某市人民政府加强建设。', '一、工作回顾', B],
      null,
      null,
      [
        '某某市人民政府工作报告',
        '某某市人民政府',
        null,
        '政府工作报告',
        'text text none text',
        ['某某市人民政府'],
        ['issuerFromMentions 某某市人民政府', 'titleComposed 某某市人民政府工作报告'],
      ],
    ],
    [
      'a budget named in the second sentence of the address does not make it a budget report',
      ['各位代表：', '现在，我代表市人民政府向大会报告工作，请予审议。全年一般公共预算收入增长5%。', '一、工作回顾', B],
      null,
      'a.txt',
      ['a', null, null, '政府工作报告', 'fileName none none text', [], ['titleFromFileName a']],
    ],
    [
      'a budget named in the fifth opening block does not make it a budget report',
      ['各位代表：', '现在，我代表国务院向大会报告工作。', '过去一年，我们攻坚克难。', '成绩来之不易。', '全年预算执行良好。', '一、工作回顾', B],
      null,
      'a.txt',
      ['国务院政府工作报告', '国务院', null, '政府工作报告', 'text text none text', ['国务院'], ['titleComposed 国务院政府工作报告']],
    ],
    [
      'a budget named in the fourth opening block makes it a budget report',
      ['各位代表：', '现在，我代表国务院向大会报告工作。', '过去一年，我们攻坚克难。', '全年预算执行良好。', '一、工作回顾', B],
      null,
      'a.txt',
      ['a', '国务院', null, null, 'fileName text none none', ['国务院'], ['titleFromFileName a']],
    ],
    [
      'a session line with spaces inside 第 十四 届',
      ['——2025年1月14日在四川省第 十四 届人民代表大会第三次会议上', '各位代表：', '一、2024年工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '四川省人民政府', 2025, '政府工作报告', 'text text text text', [], []],
    ],
    [
      'a session line with Arabic numerals (第17届)',
      ['——2025年1月14日在某市第17届人民代表大会第5次会议上', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某市人民政府', 2025, '政府工作报告', 'text text text text', [], []],
    ],
    [
      'a national session line with spaces around 全国',
      ['在第十四届 全国 人民代表大会第二次会议上', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '国务院', null, '政府工作报告', 'text text none text', ['国务院'], []],
    ],
    [
      'a session date with spaces around 年, 月, 日',
      ['2025 年 1 月 14 日 在某市第十七届人民代表大会第五次会议上', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某市人民政府', 2025, '政府工作报告', 'text text text text', [], []],
    ],
    [
      'a hospital (中心医院) is no publisher',
      ['某市中心医院', '一、综合', B],
      '2019年工作总结',
      't.txt',
      ['2019年工作总结', null, 2019, '工作总结', 'text none text text', [], []],
    ],
    [
      'a publisher ending in 中心',
      ['某市政务服务中心', '一、综合', B],
      '2019年工作总结',
      't.txt',
      ['2019年工作总结', '某市政务服务中心', 2019, '工作总结', 'text text text text', [], []],
    ],
    [
      'the publisher line is read in the first two lines only',
      ['2020年3月20日', '（第1号）', '某市统计局', '一、综合', B],
      '2019年国民经济和社会发展统计公报',
      't.txt',
      ['2019年国民经济和社会发展统计公报', null, 2019, '国民经济和社会发展统计公报', 'text none text text', [], []],
    ],
    [
      'the publisher line as the second line',
      ['（第1号）', '某市统计局', '一、综合', B],
      '2019年国民经济和社会发展统计公报',
      't.txt',
      ['2019年国民经济和社会发展统计公报', '某市统计局', 2019, '国民经济和社会发展统计公报', 'text text text text', ['某市统计局'], []],
    ],
    [
      'most named: a tie goes to the government named first',
      ['各位代表：', '会议要求，某某县人民政府落实。某某市人民政府负责。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某某县人民政府', null, '政府工作报告', 'text text none text', ['某某县人民政府'], ['issuerFromMentions 某某县人民政府']],
    ],
    [
      'a plan part after a paragraph, under a title line: the year before it',
      [B, '2019年工作计划', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a title line of 60 characters is a title',
      [`某县人民政府关于${'某'.repeat(36)}2018年度法治政府建设工作报告`, '一、总体情况', B],
      null,
      't.txt',
      [
        `某县人民政府关于${'某'.repeat(36)}2018年度法治政府建设工作报告`,
        '某县人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['某县人民政府'],
        [],
      ],
    ],
    [
      'a title line of 61 characters is not',
      [`某县人民政府关于${'某'.repeat(37)}2018年度法治政府建设工作报告`, '一、总体情况', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'only the last extension of the file name goes',
      ['一、总体情况', B],
      null,
      'dir/某县报告.txt.bak',
      ['某县报告.txt', null, null, '某县报告.txt', 'fileName none none fileName', [], ['titleFromFileName 某县报告.txt', 'typeFromFileName 某县报告.txt']],
    ],
    [
      'the file name’s underscores are dropped before its type is read',
      ['一、总体情况', B],
      null,
      '2019_某县_统计_公报.txt',
      [
        '2019_某县_统计_公报',
        null,
        2019,
        '某县统计公报',
        'fileName none fileName fileName',
        [],
        ['titleFromFileName 2019_某县_统计_公报', 'typeFromFileName 某县统计公报', 'yearFromFileName 2019'],
      ],
    ],
    [
      'a year in the file name is four digits, no more (20190)',
      ['一、总体情况', B],
      null,
      '某县20190报告.txt',
      [
        '某县20190报告',
        '某县',
        null,
        '某县20190报告',
        'fileName fileName none fileName',
        [],
        ['titleFromFileName 某县20190报告', 'typeFromFileName 某县20190报告', 'issuerFromFileName 某县'],
      ],
    ],
    [
      'a type from the file name keeps the issuer’s place (only a title line’s type loses it)',
      ['来源：深圳市人民政府', '一、综合', B],
      null,
      '深圳市社会性别统计报告.txt',
      [
        '深圳市社会性别统计报告',
        '深圳市人民政府',
        null,
        '深圳市社会性别统计报告',
        'fileName text none fileName',
        ['深圳市人民政府'],
        ['titleFromFileName 深圳市社会性别统计报告', 'typeFromFileName 深圳市社会性别统计报告'],
      ],
    ],
    [
      'a 来源 line with a half-width colon and a space',
      ['来源: 某县人民政府', '一、总体情况', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'a 来源 line naming a government’s website (…人民政府网) is no issuer',
      ['来源：某县人民政府网', '一、总体情况', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', null, 2018, '法治政府建设工作报告', 'text none text text', [], []],
    ],
    [
      'a wider chain from 来源 is kept over a shorter wider place in the opening',
      ['来源：江苏省淮安市洪泽区人民政府', '本报告由淮安市洪泽区司法局起草。', '一、总体情况', B],
      '洪泽区人民政府2018年法治政府建设工作报告',
      't.txt',
      [
        '洪泽区人民政府2018年法治政府建设工作报告',
        '江苏省淮安市洪泽区人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['洪泽区人民政府', '江苏省淮安市洪泽区人民政府'],
        [],
      ],
    ],
    [
      'gwr: a section heading’s year is not read (parts and chapters only)',
      ['各位代表：', '一、工作回顾', B, '二、今年重点工作', '（一）2020年重点工作', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, null, '政府工作报告', 'text none none text', [], []],
    ],
    [
      'gwr: a 工作总结 review heading, the year after',
      ['各位代表：', '一、2024年工作总结', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: a 工作情况 review heading with words between',
      ['各位代表：', '一、2024年政府工作情况', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: a review heading with a space before 年',
      ['各位代表：', '一、2024 年工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: a review heading with 16 characters before 回顾',
      ['各位代表：', `一、2024年${'某'.repeat(16)}回顾`, B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: a review heading with 17 characters before 回顾 is not one',
      ['各位代表：', `一、2024年${'某'.repeat(17)}回顾`, B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, null, '政府工作报告', 'text none none text', [], []],
    ],
    [
      'gwr: a comma inside is no review heading',
      ['各位代表：', '一、2024年，工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, null, '政府工作报告', 'text none none text', [], []],
    ],
    [
      'gwr: a plan heading with 的',
      ['各位代表：', '一、工作回顾', B, '二、2025年的主要任务', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: a plan heading with a space before 年',
      ['各位代表：', '一、工作回顾', B, '二、2025 年重点工作', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: the first heading with a year wins, a plan before a review',
      ['各位代表：', '一、2025年主要目标', B, '二、2023年工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: 过去的 must stand right before the year',
      ['各位代表：', '过去的一年即2024年，我们砥砺奋进。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, null, '政府工作报告', 'text none none text', [], []],
    ],
    [
      'a review part with a space before 年',
      ['2018 年法治政府建设工作情况', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a date line with spaces, in October: its own year',
      ['2017 年 10 月 16 日', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2017, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a date line with no day, in March: the year before',
      ['2017年3月', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2016, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a date line in September: the year before',
      ['2017年9月30日', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2016, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a closing date within the last 8 blocks is read, before an appendix',
      ['一、甲', B, B, B, B, B, B, B, '某某区人民政府', '2018年2月1日', '附件', B, B, B, B, B, B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2017, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a closing date 9 blocks from the end is not',
      ['一、甲', B, B, B, B, B, B, B, '某某区人民政府', '2018年2月1日', '附件', B, B, B, B, B, B, B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', null, '法治政府建设工作报告', 'text text none text', [], []],
    ],
    [
      'a closing date before the closing issuer line is read (the issuer line is passed over)',
      ['一、甲', B, '二、乙', B, '2018年2月1日', '某某区人民政府'],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2017, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a year inside the opening sentence (截至2023年，) is not the year reported on',
      ['截至2023年，全区共有行政执法人员500人。', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', null, '法治政府建设工作报告', 'text text none text', [], []],
    ],
    [
      'a statistics period is read in the first 20 blocks only',
      ['一、甲', ...Array<string>(20).fill(B), '统计期限自2023年1月1日起至2023年12月31日止。'],
      '某区政府信息公开工作年度报告',
      't.txt',
      ['某区政府信息公开工作年度报告', '某区人民政府', null, '政府信息公开工作年度报告', 'text text none text', ['某区政府'], []],
    ],
    [
      'gwr: review and plan parts (no marker) give the year',
      ['各位代表：', '2024年工作回顾', '一、经济', B, '2025年工作安排', '一、民生', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'a type outside the table loses both of the issuer’s places',
      ['广东省深圳市统计局', '一、综合', B],
      '广东省深圳市社会性别统计报告',
      't.txt',
      ['广东省深圳市社会性别统计报告', '广东省深圳市统计局', null, '社会性别统计报告', 'text text none text', ['广东省深圳市统计局'], []],
    ],
    [
      'a survey team (调查队) publishes, but is no variant of a government or bureau name',
      ['国家统计局某某市调查队', '一、综合', B],
      '2019年国民经济和社会发展统计公报',
      't.txt',
      ['2019年国民经济和社会发展统计公报', '国家统计局某某市调查队', 2019, '国民经济和社会发展统计公报', 'text text text text', [], []],
    ],
    [
      'a 来源 county of the same name (洪泽县, the old name) does not widen the district',
      ['来源：淮安市洪泽县人民政府', '一、总体情况', B],
      '洪泽区人民政府2018年法治政府建设工作报告',
      't.txt',
      [
        '洪泽区人民政府2018年法治政府建设工作报告',
        '洪泽区人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['洪泽区人民政府', '淮安市洪泽县人民政府'],
        [],
      ],
    ],
    [
      'a speaker’s level the text cannot place is passed over for the next mention',
      ['省长 某某某', '各位代表：', '现在，我代表某某市人民政府向大会报告工作。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某某市人民政府', null, '政府工作报告', 'text text none text', ['省人民政府', '某某市人民政府'], []],
    ],
    [
      'the first paragraph under the first heading gives its year (2023年，)',
      ['一、总体情况', '2023年，我区坚持依法行政。', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2023, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a paragraph after the fifth block does not',
      ['一、总体情况', B, B, B, B, '2023年，我区坚持依法行政。', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', null, '法治政府建设工作报告', 'text text none text', [], []],
    ],
    [
      'an opening paragraph with a half-width comma after the year',
      ['2023年,我区坚持依法行政。', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2023, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'an opening paragraph with a space before 年',
      ['2023 年，我区坚持依法行政。', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2023, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a speaker line with 代 (acting governor)',
      ['四川省代省长 施小琳', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '四川省人民政府', null, '政府工作报告', 'text text none text', [], []],
    ],
    [
      'a speaker line after a dash',
      ['——四川省省长 施小琳', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '四川省人民政府', null, '政府工作报告', 'text text none text', [], []],
    ],
    [
      'a speaker line with no space before the name',
      ['四川省省长施小琳', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '四川省人民政府', null, '政府工作报告', 'text text none text', [], []],
    ],
    [
      'a speaker’s name with · (艾尔肯·吐尼亚孜)',
      ['新疆维吾尔自治区人民政府主席 艾尔肯·吐尼亚孜', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '新疆维吾尔自治区人民政府', null, '政府工作报告', 'text text none text', ['新疆维吾尔自治区人民政府'], []],
    ],
    [
      'a speaker’s name of nine characters is no name',
      ['四川省省长 某某某某某某某某某', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, null, '政府工作报告', 'text none none text', [], []],
    ],
    [
      'a speaker’s name of one character is no name',
      ['四川省省长 某', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, null, '政府工作报告', 'text none none text', [], []],
    ],
    [
      'a speaker line of 40 characters is read',
      ['——————新疆维吾尔自治区伊犁哈萨克自治州人民政府代州长 艾尔肯·吐尼亚孜同志', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      [
        '政府工作报告',
        '新疆维吾尔自治区伊犁哈萨克自治州人民政府',
        null,
        '政府工作报告',
        'text text none text',
        ['新疆维吾尔自治区伊犁哈萨克自治州人民政府'],
        [],
      ],
    ],
    [
      'a speaker line of 41 characters is not',
      ['———————新疆维吾尔自治区伊犁哈萨克自治州人民政府代州长 艾尔肯·吐尼亚孜同志', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, null, '政府工作报告', 'text none none text', [], []],
    ],
    [
      'an issuer line whose office has eight characters before 局 is joined',
      ['某省生态环境保护督察局', '2019年工作总结', '一、总体情况', B],
      null,
      't.txt',
      ['某省生态环境保护督察局2019年工作总结', '某省生态环境保护督察局', 2019, '工作总结', 'text text text text', ['某省生态环境保护督察局'], []],
    ],
    [
      'an issuer line whose office has nine characters before 局 is not',
      ['某省文化和旅游综合执法局', '2019年工作总结', '一、总体情况', B],
      null,
      't.txt',
      ['2019年工作总结', null, 2019, '工作总结', 'text none text text', [], ['leadingChrome 1']],
    ],
    [
      'an issuer line of 30 characters is joined',
      ['新疆维吾尔自治区伊犁哈萨克自治州伊宁市某某某镇人民政府办公室', '2019年工作总结', '一、总体情况', B],
      null,
      't.txt',
      [
        '新疆维吾尔自治区伊犁哈萨克自治州伊宁市某某某镇人民政府办公室2019年工作总结',
        '新疆维吾尔自治区伊犁哈萨克自治州伊宁市某某某镇人民政府办公室',
        2019,
        '工作总结',
        'text text text text',
        ['新疆维吾尔自治区伊犁哈萨克自治州伊宁市某某某镇人民政府办公室'],
        [],
      ],
    ],
    [
      'an issuer line of 31 characters is not',
      ['新疆维吾尔自治区伊犁哈萨克自治州伊宁市某某某某镇人民政府办公室', '2019年工作总结', '一、总体情况', B],
      null,
      't.txt',
      ['2019年工作总结', null, 2019, '工作总结', 'text none text text', [], ['leadingChrome 1']],
    ],
    [
      'the head of a broken title of 40 characters is joined',
      [`${'某'.repeat(33)}县人民政府关于`, '2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      [`${'某'.repeat(33)}县人民政府关于2018年度法治政府建设工作报告`, null, 2018, '法治政府建设工作报告', 'text none text text', [], []],
    ],
    [
      'the head of a broken title of 41 characters is not',
      [`${'某'.repeat(34)}县人民政府关于`, '2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['2018年度法治政府建设工作报告', null, 2018, '法治政府建设工作报告', 'text none text text', [], ['leadingChrome 1']],
    ],
    [
      'a sentence with 关于 before the title line is no head of it',
      ['本文介绍了关于法治政府建设的情况。', '某县2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], ['leadingChrome 1']],
    ],
    [
      'gwr: a session date with a comma before 在',
      ['2025年1月14日，在某市第十七届人民代表大会第五次会议上', '各位代表：', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某市人民政府', 2025, '政府工作报告', 'text text text text', [], []],
    ],
    [
      'a reader’s title that names no type: the file name is not read for one (a feed’s items share one file)',
      ['一、总体情况', B],
      '首页',
      '某县法治政府建设工作报告.txt',
      ['首页', null, null, null, 'text none none none', [], []],
    ],
    [
      'a publisher line without a title line (a PDF’s text that lost its title): among the first three lines',
      ['某市统计局 某市调查队', '一、综合', B],
      null,
      't.txt',
      ['t', '某市统计局', null, null, 'fileName text none none', ['某市统计局'], ['titleFromFileName t']],
    ],
    [
      'no publisher line without a title line when the line is a sentence',
      ['某市统计局发布全市统计数据，供各方参考。', '一、综合', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a government named in the text is not counted when a line names the issuer',
      ['来源：某县人民政府', '各位代表：', '某某市人民政府部署。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某县人民政府', null, '政府工作报告', 'text text none text', ['某县人民政府'], []],
    ],
    [
      'a government named in a text that addresses no congress is not counted',
      ['一、总体情况', '会议要求，某某县人民政府依法行政。', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', null, 2018, '法治政府建设工作报告', 'text none text text', [], []],
    ],
    [
      'a title that names no body: the subject of the first sentence under the first chapter is the issuer, as with no title',
      ['一、总体情况', '某某县人民政府坚持依法行政。', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', '某某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某某县人民政府'], []],
    ],
    [
      'an issuer written the same way twice is one variant',
      ['来源：某县人民政府', '一、总体情况', B],
      '某县人民政府2018年法治政府建设工作报告',
      't.txt',
      ['某县人民政府2018年法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'a plan part after a paragraph, no title line: the year before it',
      [B, '2019年工作计划', '一、甲', B],
      null,
      't.txt',
      ['t', null, 2018, null, 'fileName none text none', [], ['titleFromFileName t']],
    ],
    [
      'the opening ends at the first section heading too: a 来源 line under it is not read',
      ['（一）加强组织领导', B, '来源：某县人民政府', '（二）深化改革', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', null, 2018, '法治政府建设工作报告', 'text none text text', [], []],
    ],
    [
      'a banner ending in a number of years (100年) is no head of the title: the year before 年 has four digits',
      ['庆祝中国共产党成立100年', '某县2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], ['leadingChrome 1']],
    ],
    [
      'a level with no place (省人民政府) is no issuer line',
      ['省人民政府', '2019年政务公开工作要点', '一、总体要求', B],
      null,
      't.txt',
      ['2019年政务公开工作要点', null, 2019, '政务公开工作要点', 'text none text text', [], ['leadingChrome 1']],
    ],
    [
      'a session line of a level with no place (在区第十七届…) names no issuer',
      ['——2024年1月10日在区第十七届人民代表大会第五次会议上', '各位代表：', '现在，我代表区人民政府向大会报告工作。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2024, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'a vice-mayor’s line (常务副市长) names no government',
      ['常务副市长 王某某', '一、总体情况', B],
      '2019年法治政府建设工作报告',
      't.txt',
      ['2019年法治政府建设工作报告', null, 2019, '法治政府建设工作报告', 'text none text text', [], []],
    ],
    [
      'most named: 全市人民政府 (a pointer, no place) is not counted, even last',
      ['各位代表：', '某某县人民政府落实。会议要求，全市人民政府系统加强建设。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某某县人民政府', null, '政府工作报告', 'text text none text', ['某某县人民政府'], ['issuerFromMentions 某某县人民政府']],
    ],
    [
      'most named: 自治区人民政府 (a level, no place) is not counted, however often',
      ['各位代表：', '某某县人民政府落实。会议要求，自治区人民政府部署，自治区人民政府督查。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某某县人民政府', null, '政府工作报告', 'text text none text', ['某某县人民政府'], ['issuerFromMentions 某某县人民政府']],
    ],
    [
      'a 来源 district of the same level but another name does not widen the issuer',
      ['来源：淮安市清江浦区人民政府', '一、总体情况', B],
      '洪泽区人民政府2018年法治政府建设工作报告',
      't.txt',
      [
        '洪泽区人民政府2018年法治政府建设工作报告',
        '洪泽区人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['洪泽区人民政府', '淮安市清江浦区人民政府'],
        [],
      ],
    ],
    [
      'a 来源 chain that ends in the issuer’s two places widens it',
      ['来源：江苏省淮安市洪泽区人民政府', '一、总体情况', B],
      '淮安市洪泽区人民政府2018年法治政府建设工作报告',
      't.txt',
      [
        '淮安市洪泽区人民政府2018年法治政府建设工作报告',
        '江苏省淮安市洪泽区人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['淮安市洪泽区人民政府', '江苏省淮安市洪泽区人民政府'],
        [],
      ],
    ],
    [
      'a 来源 chain that shares only the city is no wider chain; the province before the city is',
      ['来源：江苏省淮安市清江浦区人民政府', '一、总体情况', B],
      '淮安市洪泽区人民政府2018年法治政府建设工作报告',
      't.txt',
      [
        '淮安市洪泽区人民政府2018年法治政府建设工作报告',
        '江苏省淮安市洪泽区人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['淮安市洪泽区人民政府', '江苏省淮安市清江浦区人民政府'],
        [],
      ],
    ],
    [
      'the year 1949 is valid',
      ['1949年，我县解放。', '一、甲', B],
      '某县法治政府建设工作报告',
      't.txt',
      ['某县法治政府建设工作报告', '某县人民政府', 1949, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'the year 1948 is not',
      ['1948年，我县解放。', '一、甲', B],
      '某县法治政府建设工作报告',
      't.txt',
      ['某县法治政府建设工作报告', '某县人民政府', null, '法治政府建设工作报告', 'text text none text', [], []],
    ],
    [
      'a statistics period with no 起',
      ['统计期限自2023年1月1日至2023年12月31日。', '一、甲', B],
      '某区政府信息公开工作年度报告',
      't.txt',
      ['某区政府信息公开工作年度报告', '某区人民政府', 2023, '政府信息公开工作年度报告', 'text text text text', ['某区政府'], []],
    ],
    [
      'a date with a time after it is no date line',
      ['2019年3月5日 09:30', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', null, '法治政府建设工作报告', 'text text none text', [], []],
    ],
    [
      'a date line with no 日 after the day',
      ['2017年3月16', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2016, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a title’s year with a space before 年',
      ['一、甲', B],
      '某区2018 年法治政府建设工作报告',
      't.txt',
      ['某区2018年法治政府建设工作报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
  ];
  for (const [slip, blocks, title, file, want] of cases) assert.deepEqual(meta(blocks, title, file), want, slip);
});

test('the title’s own lines leave the body: a broken title’s two lines, and a type line joined with the reader’s title', () => {
  const texts = (r: Report) => r.paragraphs.map((p) => p.text);
  const broken = rep(['某县人民政府关于2018年度法治政府建设工作报', '告', '一、总体情况', B]);
  assert.deepEqual([broken.title, texts(broken), roles(broken)], ['某县人民政府关于2018年度法治政府建设工作报告', ['一、总体情况', B], 'cb']);
  const head = rep(['某县人民政府关于2018年度', '法治政府建设情况的报告', '一、总体情况', B]);
  assert.deepEqual([head.title, texts(head), roles(head)], ['某县人民政府关于2018年度法治政府建设情况的报告', ['一、总体情况', B], 'cb']);
  const joined = rep(['2018年度法治政府建设工作报告', '一、总体情况', B, '二、乙', B], '某县人民政府');
  assert.deepEqual([texts(joined), roles(joined)], [['一、总体情况', B, '二、乙', B], 'cbcb']);
});

test('report: bracketed links only when the whole line is links, a table row ending in 9, an appendix note of 120 characters, closing lines from the first block', () => {
  const tail: [string, string, string][] = [
    ['【打印本页】【关闭窗口】【返回顶部】 本页面由某县人民政府办公室主办，技术支持：某某网络科技有限公司', 'cbcbb', 'links then text: not only links ($)'],
    ['本页面由某县人民政府办公室主办 【打印本页】【关闭窗口】【返回顶部】【收藏本页】【分享到微信】', 'cbcbb', 'text then links: not only links (^)'],
  ];
  for (const [line, want, slip] of tail) assert.equal(roles(rep(['一、甲', B, '二、乙', B, line])), want, slip);
  assert.equal(roles(rep(['一、甲', B, '二、总数 1 2 9', B])), 'cbbb', 'a row whose last figure is 9 is a table row');
  assert.equal(roles(rep(['一、甲', B, '二、行政复议 5件 2 3', B])), 'cbcb', 'a figure with a word after it (5件) is no figure: a chapter, no table row');
  const appendix: [string, string, string][] = [
    ['[1] 12 34 56', 'cbcbbbb', 'a table row that looks like a note is no appendix'],
    [`[1]${'某'.repeat(117)}`, 'cbcbbpb', 'a note of 120 characters is an appendix head'],
    [`[1]${'某'.repeat(118)}`, 'cbcbbbb', 'a note of 121 characters is not'],
  ];
  for (const [line, want, slip] of appendix) assert.equal(roles(rep(['一、甲', B, '二、乙', B, B, line, B])), want, slip);
  assert.equal(roles(rep(['某某区人民政府', '2019年3月1日'])), 'cc', 'the first block may be a closing line');
  const r = rep(['一、甲', B], null, 'a.txt', ' 2019年13月 ');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.code, d.args, d.line]),
    [
      ['titleFromFileName', ['a'], null],
      ['invalidDate', ['2019年13月'], 1],
    ],
    'the date is trimmed in the warning; diagnostics with no line come before line 1',
  );
});

test('a speaker with no place: each office names its level, filled from the address (省长 → 省, 主席 → 自治区)', () => {
  const offices: [string, string][] = [
    ['省长', '四川省'],
    ['市长', '某某市'],
    ['区长', '某某区'],
    ['县长', '某某县'],
    ['州长', '黔东南州'],
    ['旗长', '某某旗'],
    ['盟长', '锡林郭勒盟'],
    ['主席', '广西壮族自治区'],
  ];
  const level: Record<string, string> = { 省长: '省', 市长: '市', 区长: '区', 县长: '县', 州长: '州', 旗长: '旗', 盟长: '盟', 主席: '自治区' };
  for (const [office, place] of offices) {
    const got = meta([`${office} 某某某`, '各位代表：', `现在，我代表${place}人民政府向大会报告工作。`, '一、工作回顾', B], '政府工作报告', 't.txt');
    assert.deepEqual(
      got,
      ['政府工作报告', `${place}人民政府`, null, '政府工作报告', 'text text none text', [`${level[office]}人民政府`, `${place}人民政府`], []],
      office,
    );
  }
});

test('the tail: chrome lines with their bounds, tiny junk, a line that only contains a chrome word is text', () => {
  const cases: [string, string, string][] = [
    ['【打印本页】【关闭窗口】 技术支持：某某公司', 'cbcbb', 'short bracketed links then text: not only links ($)'],
    ['技术支持：某某公司 【打印本页】【关闭窗口】', 'cbcbb', 'text then short bracketed links (^)'],
    ['[打印]', 'cbcbt', 'one link in ASCII brackets'],
    ['返回', 'cbcbt', '返回'],
    ['关闭', 'cbcbt', '关闭'],
    ['打印 本页', 'cbcbt', 'a link and a word after a space'],
    ['打印本页：', 'cbcbt', 'a link and a colon'],
    [`分享到：${'某'.repeat(20)}`, 'cbcbt', '20 characters after 分享到：'],
    [`分享到：${'某'.repeat(21)}`, 'cbcbb', '21 characters after 分享到： is text'],
    ['推动老字号大放异彩。', 'cbcbb', '字号 inside a sentence is no font-size control (^)'],
    ['字号：小', 'cbcbt', 'a font-size control with one size'],
    ['相关链接：某县人民政府网', 'cbcbb', 'a related-links label with text after it is not the label alone ($)'],
    [`（来源：${'某'.repeat(20)}）`, 'cbcbt', 'a source of 20 characters in parentheses'],
    [`（来源：${'某'.repeat(21)}）`, 'cbcbb', 'a source of 21 characters is text'],
    ['（来源：新华社）某某', 'cbcbb', 'a source in parentheses with text after it ($)'],
    ['以上为本作品全文', 'cbcbb', '本作品 inside a line is no licence (^)'],
    ['wikisource', 'cbcbt', 'the licence words in any case'],
    ['１２', 'cbcbt', 'a page number in full-width digits'],
    ['TRUE', 'cbcbt', 'a script’s stray TRUE'],
    ['·', 'cbcbt', 'a lone middle dot'],
    ['*', 'cbcbt', 'a lone asterisk'],
    ['|', 'cbcbt', 'a lone bar'],
    [`某某区${'某'.repeat(23)}人民政府`, 'cbcbc', 'a closing issuer of 30 characters'],
    [`某某区${'某'.repeat(24)}人民政府`, 'cbcbb', 'a closing issuer of 31 characters is text'],
    ['2019 年 3 月 1 日', 'cbcbc', 'a closing date with spaces'],
    ['以上数据均为初步统计数（来源：区统计局）', 'cbcbb', 'a data note ending in its source is a sentence, not a news footer (^)'],
    [`字号：大 中 小${'某'.repeat(32)}`, 'cbcbt', 'a chrome line of 40 characters'],
    [`字号：大 中 小${'某'.repeat(33)}`, 'cbcbb', 'a chrome line of 41 characters is text'],
  ];
  for (const [line, want, slip] of cases) assert.equal(roles(rep(['一、甲', B, '二、乙', B, line])), want, slip);
  assert.equal(roles(rep(['123'])), 't', 'a text of one page number is all trailing');
  assert.equal(
    roles(rep(['一、甲', B, '二、乙', B, '某某区人民政府', '某某区司法局', '某某区财政局', '2019年3月1日'])),
    'cbcbbccc',
    'three closing lines at most',
  );
});

test('appendix heads: in the second half of the body only (from floor(end / 2)), 附件 with a space or a Chinese numeral, a note with （1）', () => {
  const cases: [string[], string, string][] = [
    [['一、甲', B, B, '附件', B, B, B], 'cbbpbbb', 'at index 3 of 7: floor(3.5) is 3, in the second half'],
    [['一、甲', B, '附件', B, B, B], 'cbbbbb', 'at index 2 of 6: in the first half'],
    [['附件', B], 'bb', 'never the first block'],
    [['一、甲', B, '二、乙', B, B, '附件 1', B], 'cbcbbpb', '附件 1'],
    [['一、甲', B, '二、乙', B, B, '附件一', B], 'cbcbbpb', '附件一'],
    [['一、甲', B, '二、乙', B, B, '附件123', B], 'cbcbbbb', 'three digits are no appendix number'],
    [['一、甲', B, '二、乙', B, B, '资料来源：国家统计局', B], 'cbcbbbb', 'a 资料来源 line with its source is a sentence, no head'],
    [['一、甲', B, '二、乙', B, B, '注:（1）某某', B], 'cbcbbpb', 'a note with a half-width colon and （1）'],
    [['一、甲', B, '二、乙', B, B, '[1] 某某', B], 'cbcbbpb', 'a note [1] with a space after it'],
    [['一、甲', B, '二、乙', B, B, '全年新增市场主体1.2万户[1]，同比增长10%。', B], 'cbcbbbb', 'a footnote mark inside a paragraph is no note head (^)'],
    [['一、甲', B, '二、乙', B, B, '[12]某某指的是', B], 'cbcbbpb', 'a note [12] of two digits'],
    [['一、甲', B, '二、乙', B, B, '注：（12）某某', B], 'cbcbbpb', 'a note （12） of two digits'],
    [['一、甲', B, '二、乙', B, B, '注：1）某某', B], 'cbcbbpb', 'a note 1） with no opening parenthesis'],
    [['一、甲', B, '二、乙', B, B, '注：10.某某', B], 'cbcbbpb', 'a note 10. of two digits'],
    [['一、甲', B, '二、乙', B, B, '注 ：1.某某', B], 'cbcbbpb', 'a space before the note’s colon'],
    [['一、甲', B, '二、乙', B, B, '注： 1.某某', B], 'cbcbbpb', 'a space after the note’s colon'],
    [['一、甲', B, '二、乙', B, B, '注：1 .某某', B], 'cbcbbpb', 'a space before the note number’s point'],
    [['一、甲', B, '二、乙', B, B, '具体数据详见附件1', B], 'cbcbbbb', 'a sentence ending in 附件1 is no appendix head (^)'],
    [['一、甲', B, '二、乙', B, B, `${'某'.repeat(24)}名词解释`, B], 'cbcbbpb', 'a glossary title with 24 characters before 名词解释'],
    [['一、甲', B, '二、乙', B, B, `${'某'.repeat(25)}名词解释`, B], 'cbcbbbb', 'a line with 25 characters before 名词解释 is not one (^)'],
  ];
  for (const [blocks, want, slip] of cases) assert.equal(roles(rep(blocks)), want, slip);
});

test('a text with no heading is one inferred part: its offsets and its end before the closing or trailing lines; a blank reader title is no title', () => {
  const part = (r: Report) => JSON.stringify(r.outline);
  // `shift`: the metadata line's issuer (a closing signature, 某某区人民政府, for —: 6 more characters).
  const whole = (endLine: number, shift = 0) =>
    JSON.stringify([
      {
        kind: 'part',
        partKind: 'other',
        number: null,
        label: null,
        inferred: true,
        title: '全文',
        line: 3,
        start: 17 + shift,
        end: 68 + shift,
        endLine,
        paragraph: 0,
        children: [],
      },
    ]);
  assert.equal(part(rep([B, B, '某某区人民政府'])), whole(5, 6), 'ends at the last paragraph before the closing line');
  assert.equal(part(rep([B, '——', '123'])), whole(3), 'ends at the first paragraph when all after it is trailing');
  assert.equal(rep(['一、甲', B], '   ').title, 't', 'a reader’s title of spaces gives way to the file name');
});

test('the trailing diagnostic counts the trailing blocks from the first; a paragraph broken around ASCII parentheses is joined', () => {
  const at = (r: Report) => r.diagnostics.map((d) => [d.code, d.args, d.line]);
  const junk = rep(['一、甲', B, '12', '—', '【打印本页】']);
  assert.deepEqual(
    [roles(junk), at(junk)],
    [
      'cbttt',
      [
        ['titleFromFileName', ['t'], null],
        ['trailing', ['3'], 7],
      ],
    ],
  );
  const tiny = rep(['一、甲', B, B, '12']);
  assert.deepEqual(
    [roles(tiny), at(tiny)],
    [
      'cbbt',
      [
        ['titleFromFileName', ['t'], null],
        ['trailing', ['1'], 9],
      ],
    ],
  );
  assert.deepEqual(
    rep(['空气质量(PM', '2.5', ')浓度下降。', B]).paragraphs.map((p) => p.text),
    ['空气质量(PM2.5)浓度下降。', B],
  );
});

test('a real web page (2026 宁夏 work report, /work/shared/corpus): chrome before the title line, the date and 来源 labels on lines of their own, a photo caption', () => {
  const page = [
    '当前位置：',
    '首页',
    '>',
    '政务信息',
    '>',
    '宁夏要闻',
    '2026年宁夏回族自治区政府工作报告',
    '发表时间：',
    '2026-02-09 09:45:30',
    '来源：',
    '宁夏日报客户端',
    '阅读量：',
    '【字体：',
    '小',
    '中',
    '大',
    '】',
    '政府工作报告',
    '——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上',
    '自治区人民政府主席 张雨浦',
    '2月3日，宁夏回族自治区第十三届人民代表大会第四次会议在银川开幕。自治区人民政府主席张雨浦作政府工作报告。 宁夏日报记者 王鼎 摄',
    '各位代表：',
    '现在，我代表自治区人民政府，向大会报告工作，请予审议。请各位政协委员和其他列席人员提出意见。',
    '一、2025年工作总结和“十四五”发展成就',
    B,
  ];
  assert.deepEqual(meta(page, null, '2026_宁夏回族自治区_政府工作报告.txt'), [
    '2026年宁夏回族自治区政府工作报告',
    '宁夏回族自治区人民政府',
    2026,
    '政府工作报告',
    'text text text text',
    ['宁夏回族自治区政府'],
    ['leadingChrome 6'],
  ]);
  const r = rep(page, null, 'x.txt');
  assert.equal(roles(r), 'ttttttbbbbbbbbbbbbbbbbcb');
  // From the page's second title line on: the bare type line after 10 lines of chrome; the issuer from the session and speaker lines.
  assert.deepEqual(meta(page.slice(7), null, 'x.txt'), [
    '政府工作报告',
    '宁夏回族自治区人民政府',
    2026,
    '政府工作报告',
    'text text text text',
    ['自治区人民政府'],
    ['leadingChrome 10'],
  ]);
  // From the session line on: no title line, so the title is composed from the issuer, the session's year and the type.
  assert.deepEqual(meta(page.slice(18), null, 'x.txt'), [
    '2026年宁夏回族自治区人民政府工作报告',
    '宁夏回族自治区人民政府',
    2026,
    '政府工作报告',
    'text text text text',
    ['自治区人民政府'],
    ['titleComposed 2026年宁夏回族自治区人民政府工作报告'],
  ]);
});

test('fixed: a 协作/合作/作风 report title is a title, not a speech line (…作…报告); a range written 2016年至2018年 ends in 2018', () => {
  const cases: [string, string[], string | null, Meta][] = [
    [
      'a 东西部协作 report: 协作 is no speaker’s 作',
      ['某县2023年东西部协作工作报告', '一、总体情况', B],
      null,
      ['某县2023年东西部协作工作报告', '某县', 2023, '东西部协作工作报告', 'text text text text', [], []],
    ],
    [
      'a 区域合作 report: 合作 is no speaker’s 作',
      ['某区2022年度区域合作工作报告', '一、总体情况', B],
      null,
      ['某区2022年度区域合作工作报告', '某区', 2022, '区域合作工作报告', 'text text text text', [], []],
    ],
    [
      'a 作风建设 report: 作风 is no speaker’s 作',
      ['某县2018年机关作风建设工作报告', '一、总体情况', B],
      null,
      ['某县2018年机关作风建设工作报告', '某县', 2018, '机关作风建设工作报告', 'text text text text', [], []],
    ],
    [
      'a speech line (a name, 作, the report) is still no title',
      ['李某某作政府工作报告', '一、总体情况', B],
      null,
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a range with 年 after both years ends in the last',
      ['一、甲', B],
      '某区2014年至2016年法治政府建设情况报告',
      ['某区2014年至2016年法治政府建设情况报告', '某区人民政府', 2016, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a range with 年 and a dash',
      ['一、甲', B],
      '某区2016年—2018年法治政府建设情况报告',
      ['某区2016年—2018年法治政府建设情况报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a range with 年 and spaces',
      ['一、甲', B],
      '某区2016 年 - 2018 年法治政府建设情况报告',
      ['某区2016年 - 2018年法治政府建设情况报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'two years that are no range: the first with 年',
      ['一、甲', B],
      '某区2016年规划2018年法治政府建设情况报告',
      ['某区2016年规划2018年法治政府建设情况报告', '某区人民政府', 2016, '法治政府建设工作报告', 'text text text text', [], []],
    ],
  ];
  for (const [slip, blocks, title, want] of cases) assert.deepEqual(meta(blocks, title, 't.txt'), want, slip);
});

test('blocks: ASCII dots and dashes are junk to join; a run of junk that leaves a parenthesis open is joined with what closes it; only web links', () => {
  const texts = (blocks: string[]) => rep(blocks).paragraphs.map((p) => p.text);
  assert.deepEqual(texts(['甲', '...', '--', '乙']), ['甲', '...--', '乙'], 'ASCII punctuation has no letter or digit');
  assert.deepEqual(texts(['甲', '—', '（', '下', '）降']), ['甲', '—（下）降'], 'the run —（ is unclosed although its first piece was not');
  const link = buildReport({ title: null, link: 'javascript:location="https://x.cn"', date: null, blocks: ['一、甲', B], diagnostics: [] }, 't.txt').link;
  assert.equal(link, null, 'a javascript: link that contains https:// is dropped (^)');
});
