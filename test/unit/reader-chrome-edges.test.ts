/**
 * Edge rows for the mutation testing of src/core/reader/chrome.ts (see stryker.config.mjs): the
 * page-chrome rules of scraped web text (breadcrumbs, date and 来源 lines, captions, buttons,
 * related-links blocks), with exact inputs and what a user sees of the import: title, date, the
 * chrome note and date warning, and the paragraphs. Each row is named for the slip it catches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importSource } from '../../src/core/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const ZH = '今年以来，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，人民生活持续改善，社会大局保持稳定。';
const T = '某区2019年政府工作报告';

/** A text's title, date, what the import said (but noMarkers, said of every short text here), and its paragraphs. */
function text(t: string): unknown[] {
  const p = importSource('a.txt', enc(t)).reports[0];
  const said = p.diagnostics.filter((d) => d.code !== 'noMarkers').map((d) => [d.code, ...(d.args ?? [])]);
  return [p.title, p.published, said, p.paragraphs.map((x) => x.text)];
}
const gone = (...lines: string[]) => ['chromeRemoved', String(lines.length), lines.join(' · ')];

function check(rows: [string, string, unknown[]][]) {
  for (const [slip, t, want] of rows) assert.deepEqual(text(t), want, slip);
}

test('chrome: breadcrumb lines and the items between separators', () => {
  check([
    [
      'a line that only starts and ends with a separator is no separator',
      `${T}\n某区人民政府办公室\n｜网站首页｜\n${ZH}\n`,
      [T, null, [], ['某区人民政府办公室', '｜网站首页｜', ZH]],
    ],
    [
      'a > line whose first piece is longer than 12 is no breadcrumb',
      `${T}\n您现在的位置是某区人民政府门户网站首页 > 政务公开 > 报告\n${ZH}\n`,
      [T, null, [], ['您现在的位置是某区人民政府门户网站首页 > 政务公开 > 报告', ZH]],
    ],
    [
      'a > line whose last piece is longer than 20 is no breadcrumb',
      `${T}\n首页 > 政务公开 > 某区人民政府关于2019年法治政府建设情况的报告全文\n${ZH}\n`,
      [T, null, [], ['首页 > 政务公开 > 某区人民政府关于2019年法治政府建设情况的报告全文', ZH]],
    ],
    ['a breadcrumb without spaces around > goes', `${T}\n首页>政务公开>工作报告\n${ZH}\n`, [T, null, [gone('首页>政务公开>工作报告')], [ZH]]],
    [
      'items of 5–12 characters before, between and after > separators go (not only tokens)',
      `某区人民政府网\n>\n政府信息公开\n>\n规划计划专栏\n${T}\n${ZH}\n`,
      [T, null, [gone('某区人民政府网', '>', '政府信息公开', '>', '规划计划专栏')], [ZH]],
    ],
    [
      'an item of exactly 12 characters after a separator goes',
      `首页\n>\n某区人民政府信息公开目录\n${T}\n${ZH}\n`,
      [T, null, [gone('首页', '>', '某区人民政府信息公开目录')], [ZH]],
    ],
    [
      'a line of 13 characters after a separator stays',
      `首页\n>\n某区人民政府信息公开总目录\n${T}\n${ZH}\n`,
      [T, null, [gone('首页', '>'), ['leadingChrome', '1']], ['某区人民政府信息公开总目录', ZH]],
    ],
    [
      'a short line with a comma after a separator is prose and stays',
      `${T}\n|\n您好，欢迎访问本站\n${ZH}\n`,
      [T, null, [gone('|')], ['您好，欢迎访问本站', ZH]],
    ],
  ]);
});

test('chrome: date lines in the head, and which field values date the report', () => {
  const V = '2019-01-10 星期四 某区人民政府办公室门户网站发布信息';
  check([
    ['a CMS date without a time goes and dates the report', `${T}\n2019-01-10\n${ZH}\n`, [T, '2019-01-10', [gone('2019-01-10')], [ZH]]],
    ['a CMS date with hours and minutes, no seconds', `${T}\n2019/1/10 08:30\n${ZH}\n`, [T, '2019-01-10T08:30:00', [gone('2019/1/10 08:30')], [ZH]]],
    ['a space between the year and 年', `${T}\n发布时间：2019 年1月10日\n${ZH}\n`, [T, '2019-01-10', [gone('发布时间：2019 年1月10日')], [ZH]]],
    ['a space after 年', `${T}\n发布时间：2019年 1月10日\n${ZH}\n`, [T, '2019-01-10', [gone('发布时间：2019年 1月10日')], [ZH]]],
    ['a space before 月', `${T}\n发布时间：2019年1 月10日\n${ZH}\n`, [T, '2019-01-10', [gone('发布时间：2019年1 月10日')], [ZH]]],
    ['a space after 月', `${T}\n发布时间：2019年1月 10日\n${ZH}\n`, [T, '2019-01-10', [gone('发布时间：2019年1月 10日')], [ZH]]],
    [
      'a time value of 30 characters dates the report by the date in it (a weekday and a site name after it)',
      `${T}\n发布时间：${V.slice(0, 30)}\n${ZH}\n`,
      [T, '2019-01-10', [gone(`发布时间：${V.slice(0, 30)}`)], [ZH]],
    ],
    [
      'a weekday in brackets after the date: the date alone (was the date line with its bracket cut, and no date)',
      `${T}\n【发布时间：2019年1月10日（星期四）】\n${ZH}\n`,
      [T, '2019-01-10', [gone('【发布时间：2019年1月10日（星期四）】')], [ZH]],
    ],
    [
      'a bare key, and on the next line a date with its time (the Ningxia page): both',
      `${T}\n发布时间：\n2026-02-09 09:45:30\n${ZH}\n`,
      [T, '2026-02-09T09:45:30', [gone('发布时间：', '2026-02-09 09:45:30')], [ZH]],
    ],
    [
      'a date with its time: both',
      `${T}\n发布时间：2019年1月10日 08:30 星期四\n${ZH}\n`,
      [T, '2019-01-10T08:30:00', [gone('发布时间：2019年1月10日 08:30 星期四')], [ZH]],
    ],
    ['a time value of 31 characters is not', `${T}\n发布时间：${V.slice(0, 31)}\n${ZH}\n`, [T, null, [gone(`发布时间：${V.slice(0, 31)}`)], [ZH]]],
    [
      'a 来源 value with a date in it is the source, not the date line',
      `${T}\n来源：某区政府办2019-01-10\n${ZH}\n`,
      [T, null, [gone('来源：某区政府办2019-01-10')], [ZH]],
    ],
    [
      'a byline of two fields: the 发布时间 field dates the report, the 来源 field is the source',
      `${T}\n来源：某区政府办 发布时间：2019-01-10\n${ZH}\n`,
      [T, '2019-01-10', [gone('来源：某区政府办 发布时间：2019-01-10')], [ZH]],
    ],
  ]);
});

test('chrome: photo captions and lines that only look like them', () => {
  const CAP = '（记者 张三 摄）';
  const cap = (n: number) => `${ZH.repeat(3).slice(0, n - CAP.length)}${CAP}`;
  check([
    ['摄影报道 after a byline is no caption end', `${T}\n本报记者 张三 摄影报道\n${ZH}\n`, [T, null, [], ['本报记者 张三 摄影报道', ZH]]],
    ['a caption with spaces after it in the body goes', `${T}\n${ZH}\n（记者 张三 摄）  \n${ZH}\n`, [T, null, [gone('（记者 张三 摄）')], [ZH, ZH]]],
    ['a caption with a colon after 记者 goes too', `${T}\n${ZH}\n（记者：张三 摄）\n${ZH}\n`, [T, null, [gone('（记者：张三 摄）')], [ZH, ZH]]],
    [
      'a column name ending in 摄影 is no caption',
      `${T}\n${ZH}\n城市风光摄影\n${ZH}\n风光摄影\n${ZH}\n`,
      [T, null, [], [ZH, '城市风光摄影', ZH, '风光摄影', ZH]],
    ],
    ['a byline and a name without spaces', `${T}\n${ZH}\n本报记者张三摄\n${ZH}\n`, [T, null, [gone('本报记者张三摄')], [ZH, ZH]]],
    ['a name and 摄 without a space', `${T}\n${ZH}\n张三摄\n${ZH}\n`, [T, null, [gone('张三摄')], [ZH, ZH]]],
    ['a name and 摄 followed by more words is no caption', `${T}\n李某摄影作品展开幕\n${ZH}\n`, [T, null, [], ['李某摄影作品展开幕', ZH]]],
    ['a caption of exactly 150 characters goes', `${T}\n${ZH}\n${cap(150)}\n${ZH}\n`, [T, null, [gone(cap(150))], [ZH, ZH]]],
    ['a line of 151 characters ending in a caption stays', `${T}\n${ZH}\n${cap(151)}\n${ZH}\n`, [T, null, [], [ZH, cap(151), ZH]]],
    [
      '拍摄 and 航摄 inside a caption (not at its end) keep it a caption',
      `${T}\n${ZH}\n无人机拍摄的城区新貌 记者 张三 摄\n${ZH}\n航摄城区新貌 记者 张三 摄\n${ZH}\n`,
      [T, null, [gone('无人机拍摄的城区新貌 记者 张三 摄', '航摄城区新貌 记者 张三 摄')], [ZH, ZH, ZH]],
    ],
  ]);
});

test('chrome: related-links heads at the end, and lines that only mention 相关', () => {
  const PROJECTS = Array.from({ length: 41 }, (_, i) => `某区第${i + 1}号重点工程`);
  const L = '某区第一批重点建设项目清单及责任单位和完成时限安排表'.repeat(3);
  const L60 = L.slice(0, 60);
  const L61 = L.slice(0, 61);
  check([
    [
      '相关 inside a signature line is no related head',
      `${T}\n${ZH}\n区政府办公室相关负责人\n2019年1月10日\n`,
      // The date at the end is the closing: it dates the report.
      [T, '2019-01-10', [], [ZH, '区政府办公室相关负责人', '2019年1月10日']],
    ],
    [
      'a 相关 line with a value after the colon is no related head',
      `${T}\n${ZH}\n相关附件：某区2019年预算执行情况表\n某区2019年预算表\n`,
      [T, null, [], [ZH, '相关附件：某区2019年预算执行情况表', '某区2019年预算表']],
    ],
    [
      'a head in 【】 without a colon, and its link titles, go',
      `${T}\n${ZH}\n${ZH}\n【相关链接】\n某区2018年政府工作报告\n某区2017年政府工作报告\n`,
      [T, null, [gone('【相关链接】', '某区2018年政府工作报告', '某区2017年政府工作报告')], [ZH, ZH]],
    ],
    ['a space after 【', `${T}\n${ZH}\n${ZH}\n【 相关阅读】\n某区2018年政府工作报告\n`, [T, null, [gone('【 相关阅读】', '某区2018年政府工作报告')], [ZH, ZH]]],
    [
      'a 相关 head more than 40 lines before the end is no related head',
      `${T}\n${ZH}\n相关项目：\n${PROJECTS.join('\n')}\n`,
      [T, null, [], [ZH, '相关项目：', ...PROJECTS]],
    ],
    ['link titles of 60 characters after the head go with it', `${T}\n${ZH}\n${ZH}\n相关链接：\n${L60}\n`, [T, null, [gone('相关链接：', L60)], [ZH, ZH]]],
    [
      'a line of 61 characters after the head is no link title: the head stays',
      `${T}\n${ZH}\n${ZH}\n相关链接：\n${L61}\n`,
      [T, null, [['trailing', '2']], [ZH, ZH, '相关链接：', L61]],
    ],
    [
      'a field before the related block goes too',
      `${T}\n${ZH}\n${ZH}\n责任编辑：张三\n【相关链接】\n某区2018年政府工作报告\n`,
      [T, null, [gone('责任编辑：张三', '【相关链接】', '某区2018年政府工作报告')], [ZH, ZH]],
    ],
    [
      'a space before the colon',
      `${T}\n${ZH}\n${ZH}\n相关链接 ：\n某区2018年政府工作报告\n`,
      [T, null, [gone('相关链接 ：', '某区2018年政府工作报告')], [ZH, ZH]],
    ],
  ]);
});

test('chrome: runs of buttons, bare keys and their values, where the head ends, a title printed twice', () => {
  const V31 = '某区人民政府办公室某区发展和改革局某区财政局某区统计局联合发布';
  check([
    ['buttons of four characters are tokens', `${T}\n网站首页\n关闭窗口\n${ZH}\n`, [T, null, [gone('网站首页', '关闭窗口')], [ZH]]],
    ['page numbers of one digit are tokens', `${T}\n上一页\n1\n2\n下一页\n${ZH}\n`, [T, null, [gone('上一页', '1', '2', '下一页')], [ZH]]],
    ['a key-value control makes the button after it a run', `${T}\n字号：大\n打印\n${ZH}\n`, [T, null, [gone('字号：大', '打印')], [ZH]]],
    [
      'a value of 30 characters after a bare key goes with it',
      `${T}\n来源：\n${V31.slice(0, 30)}\n${ZH}\n`,
      [T, null, [gone('来源：', V31.slice(0, 30))], [ZH]],
    ],
    ['a line of 31 characters after a bare key stays', `${T}\n来源：\n${V31}\n${ZH}\n`, [T, null, [gone('来源：')], [V31, ZH]]],
    [
      'a salutation followed by a sentence of exactly 20 characters stays',
      `${T}\n各位代表：\n现在，我代表区人民政府向大会报告政府工作\n${ZH}\n`,
      [T, null, [], ['各位代表：', '现在，我代表区人民政府向大会报告政府工作', ZH]],
    ],
    [
      'the first prose line ends the head: a key-value sentence of 31 characters stays',
      `${T}\n说明：本报告所列数据均为初步统计数，最终数据以统计年鉴数据为准\n${ZH}\n`,
      [T, null, [], ['说明：本报告所列数据均为初步统计数，最终数据以统计年鉴数据为准', ZH]],
    ],
    [
      'the title printed again with a space goes',
      `${T}\n首页 > 报告\n某区2019年 政府工作报告\n${ZH}\n`,
      [T, null, [gone('某区2019年 政府工作报告')], ['首页 > 报告', ZH]],
    ],
    [
      'a part of a title with a space, across the space, goes',
      `2019年某区 政府工作报告\n某区政府工作报告\n${ZH}\n`,
      ['2019年某区 政府工作报告', null, [gone('某区政府工作报告')], [ZH]],
    ],
  ]);
});

test('chrome: the tail (bracketed buttons, footers, fields) and the note of what went', () => {
  const F =
    '主办单位：某区人民政府办公室，承办单位：某区大数据中心，地址：某区人民路1号，邮编：100000，电话：010-12345678，网站标识码1234567890，京ICP备12345678号';
  const BUTTONS = ['打印', '关闭', '收藏', '分享', '全屏', '返回', '纠错'];
  check([
    [
      'text before bracketed buttons: not a button line',
      `${T}\n${ZH}\n${ZH}\n某区政府网【打印】【关闭】\n`,
      [T, null, [], [ZH, ZH, '某区政府网【打印】【关闭】']],
    ],
    [
      'text after bracketed buttons: not a button line',
      `${T}\n${ZH}\n${ZH}\n【打印】【关闭】 某区政府网\n`,
      [T, null, [], [ZH, ZH, '【打印】【关闭】 某区政府网']],
    ],
    ['bracketed buttons with a space between go', `${T}\n${ZH}\n${ZH}\n【打印】 【关闭】\n`, [T, null, [gone('【打印】 【关闭】')], [ZH, ZH]]],
    ['a footer line of 80 characters goes', `${T}\n${ZH}\n${ZH}\n${F.slice(0, 80)}\n`, [T, null, [gone(F.slice(0, 80))], [ZH, ZH]]],
    ['a footer line of 81 characters stays', `${T}\n${ZH}\n${ZH}\n${F.slice(0, 81)}\n`, [T, null, [], [ZH, ZH, F.slice(0, 81)]]],
    [
      'a footer that is the first prose line is still the tail',
      `${T}\n附件下载\n版权所有，某区人民政府办公室主办，技术支持：某某网络科技有限公司\n`,
      [T, null, [gone('版权所有，某区人民政府办公室主办，技术支持：某某网络科技有限公司')], ['附件下载']],
    ],
    [
      'an editor field with a date at the end dates the report (the date alone)',
      `${T}\n${ZH}\n${ZH}\n编辑：张三 2019-01-10\n`,
      [T, '2019-01-10', [gone('编辑：张三 2019-01-10')], [ZH, ZH]],
    ],
    [
      'a part of the title shorter than 4 characters stays, though it names a report',
      `${T}\n某区人民政府办公室\n报告\n${ZH}\n`,
      [T, null, [], ['某区人民政府办公室', '报告', ZH]],
    ],
    ['a part of the title of 4 characters that names a report goes', `${T}\n工作报告\n${ZH}\n`, [T, null, [gone('工作报告')], [ZH]]],
    [
      'the title printed again without its space goes',
      `某区 2019年政府工作报告\n某区2019年政府工作报告\n${ZH}\n`,
      ['某区 2019年政府工作报告', null, [gone('某区2019年政府工作报告')], [ZH]],
    ],
    ['the title printed twice: a line whose text is kept is not said to be removed', `${T}\n${T}\n${ZH}\n`, [T, null, [], [ZH]]],
    ['six lines removed are all shown', `${T}\n${BUTTONS.slice(0, 6).join('\n')}\n${ZH}\n`, [T, null, [gone(...BUTTONS.slice(0, 6))], [ZH]]],
    [
      'seven lines removed: six shown and …',
      `${T}\n${BUTTONS.join('\n')}\n${ZH}\n`,
      [T, null, [['chromeRemoved', '7', `${BUTTONS.slice(0, 6).join(' · ')} …`]], [ZH]],
    ],
  ]);
});

test('chrome: the note of what went is information, not a warning', () => {
  const r = importSource('a.txt', enc(`${T}\n打印\n关闭\n${ZH}\n`)).reports[0];
  assert.deepEqual(
    r.diagnostics.filter((d) => d.code === 'chromeRemoved').map((d) => [d.severity, d.args]),
    [['info', ['2', '打印 · 关闭']]],
  );
});

test('chrome: a site’s name above the article (a page printed or copied whole) is no title and no issuer line', () => {
  check([
    [
      'a portal’s name',
      `某某省人民政府门户网站\n2026年某某省政府工作报告\n${ZH}\n`,
      ['2026年某某省政府工作报告', null, [gone('某某省人民政府门户网站')], [ZH]],
    ],
    ['中国政府网', `中国政府网\n${T}\n${ZH}\n`, [T, null, [gone('中国政府网')], [ZH]]],
    // A title's first line that ends in 网站 says something of the site: it stays.
    [
      'a title line about websites',
      `某某省人民政府办公厅关于全省政府网站\n和政务新媒体抽查情况的通报\n${ZH}\n`,
      ['某某省人民政府办公厅关于全省政府网站', null, [], ['和政务新媒体抽查情况的通报', ZH]],
    ],
    // A title that ends in 网站 is no site name when it names a report.
    ['a report about a website', `某区政府网站2019年工作年度报告\n${ZH}\n`, ['某区政府网站2019年工作年度报告', null, [], [ZH]]],
  ]);
});

test('chrome: a social post’s captions and calls to follow go (▲资料图, 点击蓝字 关注我们); a sentence that starts with ▲ stays', () => {
  check([
    ['a caption after ▲', `${T}\n${ZH}\n▲资料图\n${ZH}\n`, [T, null, [gone('▲资料图')], [ZH, ZH]]],
    ['a call to follow', `${T}\n${ZH}\n点击蓝字 关注我们\n${ZH}\n`, [T, null, [gone('点击蓝字 关注我们')], [ZH, ZH]]],
    ['a long line after ▲ is text', `${T}\n${ZH}\n▲${ZH}\n`, [T, null, [], [ZH, `▲${ZH}`]]],
    [
      'a figure set as a bullet after ▲ is text',
      `${T}\n${ZH}\n▲全年地区生产总值5680亿元，增长5.2%\n`,
      [T, null, [], [ZH, '▲全年地区生产总值5680亿元，增长5.2%']],
    ],
    ['a section about QR codes is text', `${T}\n${ZH}\n（一）推行食品安全二维码追溯\n${ZH}\n`, [T, null, [], [ZH, '（一）推行食品安全二维码追溯', ZH]]],
  ]);
});
