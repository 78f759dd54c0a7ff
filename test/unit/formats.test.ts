import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { FIXTURES, FLAT, SAMPLES, byYear, fromText, lineText, load, part } from './helpers.ts';
import { hash32 } from '../../src/core/index.ts';

const noYear = (text: string) => fromText(text, 'no-year-here.txt');

const NANHAI_ISSUER = '佛山市南海区人民政府';

test('the flattened Nanhai feed opens as exactly three reports: 2018, 2017, 2016', () => {
  const imp = load(FLAT);
  assert.equal(imp.format, 'flattened-feed');
  assert.deepEqual(
    imp.reports.map((r) => r.year),
    [2018, 2017, 2016],
  );
  for (const r of imp.reports) {
    assert.equal(r.issuer, NANHAI_ISSUER);
    assert.equal(r.title, `${NANHAI_ISSUER}${r.year}年度法治政府建设工作报告`);
    assert.match(r.link ?? '', /^http:\/\/www\.nanhai\.gov\.cn\/cms\/html\/14070\//);
    // The feed dates every item 18 Jun 2019; that is not the year the report covers.
    assert.equal(r.published, '2019-06-18T08:19:00Z');
  }
  // The channel's impossible date is a warning, never a wrong date.
  const bad = imp.diagnostics.find((d) => d.message.includes('2019-21-18 04:21:54'));
  assert.ok(bad, 'a diagnostic names the invalid channel date');
  assert.equal(bad.severity, 'warning');
});

test('report ids come from the link, else from the title and year', async () => {
  const { hash32 } = await import('../../src/core/index.ts');
  const a = load(FLAT);
  assert.deepEqual(
    a.reports.map((r) => r.id),
    a.reports.map((r) => `r${hash32(r.link!)}`),
  );
  assert.equal(new Set(a.reports.map((r) => r.id)).size, 3);
  const national = load(path.join(SAMPLES, 'national/gwr-national-2019.txt')).reports[0];
  assert.equal(national.link, null);
  assert.equal(national.id, `r${hash32('gwr-national-2019|2019')}`);
});

test('the report document: title line, metadata line, then one block per line with blank lines between', () => {
  const r = byYear(load(FLAT), 2017);
  const lines = r.text.split('\n');
  assert.equal(lines[0], r.title);
  assert.equal(lines[1], `${NANHAI_ISSUER} · 2017 · 2019-06-18T08:19:00Z · ${r.link}`);
  assert.equal(lines[2], '');
  assert.equal(lines[3], r.paragraphs[0].text);
  assert.equal(lines[4], '');
  assert.equal(lines[5], r.paragraphs[1].text);
  // Indentation (NBSP, U+3000) is gone.
  assert.ok(!/[\u00a0\u3000]/.test(r.text));
  for (const p of r.paragraphs) assert.equal(r.text.slice(p.start, p.end), p.text);
  assert.equal(lineText(r, part(r, 'review').line), '2017年法治政府建设工作情况');
});

test('RSS 2.0 (CDATA bodies) and Atom (escaped HTML) give the same reports as the flattened feed', () => {
  const flat = load(FLAT);
  const rss = load(path.join(FIXTURES, 'nanhai-feed.rss.xml'));
  const atom = load(path.join(FIXTURES, 'nanhai-feed.atom'));
  assert.equal(rss.format, 'rss');
  assert.equal(atom.format, 'atom');
  for (const imp of [rss, atom]) {
    assert.deepEqual(
      imp.reports.map((r) => r.year),
      [2018, 2017, 2016],
    );
    assert.deepEqual(
      imp.reports.map((r) => r.title),
      flat.reports.map((r) => r.title),
    );
    assert.deepEqual(
      imp.reports.map((r) => r.id),
      flat.reports.map((r) => r.id),
    );
    // Content-derived paragraph ids agree across formats.
    imp.reports.forEach((r, i) =>
      assert.deepEqual(
        r.paragraphs.map((p) => p.id),
        flat.reports[i].paragraphs.map((p) => p.id),
      ),
    );
  }
  assert.ok(rss.diagnostics.some((d) => d.message.includes('2019-21-18 04:21:54')));
  assert.equal(atom.reports[0].published, '2019-06-18T08:19:00Z');
});

test('a saved GBK page decodes to correct Chinese and drops the page chrome', () => {
  const file = path.join(FIXTURES, 'nanhai-2017-page.gbk.html');
  const bytes = readFileSync(file);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture really is GBK');
  const imp = load(file);
  assert.equal(imp.format, 'html');
  assert.equal(imp.reports.length, 1);
  const r = imp.reports[0];
  assert.equal(r.title, '佛山市南海区人民政府2017年度法治政府建设工作报告');
  assert.equal(r.year, 2017);
  assert.equal(r.published, '2017-12-20T14:59:00');
  assert.match(r.link ?? '', /20171220145952613668680_1\.html$/);
  assert.ok(r.text.includes('一、区委区政府高度重视,统筹推进法治政府建设工作'));
  for (const chrome of [
    '首页',
    '当前位置',
    'English',
    '无障碍浏览',
    'ICP',
    '版权所有',
    '分享到',
    '打印本页',
    '关闭窗口',
    '统计代码',
    '页脚脚本',
    '发布时间',
    '字体',
  ]) {
    assert.ok(!r.text.includes(chrome), `page chrome “${chrome}” must not be report text`);
  }
  // Same body as the feed's 2017 item.
  const feed2017 = byYear(load(FLAT), 2017);
  assert.deepEqual(
    r.paragraphs.map((p) => p.id),
    feed2017.paragraphs.map((p) => p.id),
  );
});

test('a UTF-8 page with the same article gives the same paragraphs as the GBK page', () => {
  const gbk = load(path.join(FIXTURES, 'nanhai-2017-page.gbk.html')).reports[0];
  const utf8 = load(path.join(FIXTURES, 'nanhai-2017-page.utf8.html')).reports[0];
  assert.deepEqual(
    utf8.paragraphs.map((p) => p.text),
    gbk.paragraphs.map((p) => p.text),
  );
});

test('a national report with no title line: the title made from the issuer, type and year the text gives (said so), the id as before', () => {
  const r = load(path.join(SAMPLES, 'national/gwr-national-2019.txt')).reports[0];
  assert.equal(r.title, '2019年国务院政府工作报告');
  assert.equal(r.meta.from.title, 'text');
  assert.ok(r.diagnostics.some((d) => d.code === 'titleComposed' && d.args?.[0] === '2019年国务院政府工作报告'));
  assert.ok(!r.diagnostics.some((d) => d.code === 'titleFromFileName'));
  // The id is still made from the file name, so annotations made before keep their report.
  assert.equal(r.id, `r${hash32('gwr-national-2019|2019')}`);
  assert.equal(r.year, 2019, '一、2018年工作回顾: the report of 2019');
  assert.equal(r.meta.from.year, 'text');
  assert.equal(r.issuer, '国务院', '我代表国务院');
  assert.equal(r.type, '政府工作报告');
  assert.equal(r.paragraphs[0].text, '各位代表：');
  const chapters = r.outline.filter((n) => n.kind === 'chapter');
  assert.deepEqual(
    chapters.map((c) => c.number),
    [1, 2, 3],
  );
  assert.equal(chapters[0].title, '2018年工作回顾');
  assert.deepEqual(
    chapters[2].children.map((s) => s.number),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
});

test('the Wikisource licence footer is trailing text, not chapters', () => {
  const r = load(path.join(SAMPLES, 'national/gwr-national-2018.txt')).reports[0];
  const trailing = r.paragraphs.filter((p) => p.role === 'trailing');
  assert.ok(trailing.length >= 2, 'the footer lines are marked trailing');
  assert.ok(trailing.some((p) => p.text.includes('Public domain')));
  assert.ok(trailing.some((p) => p.text.includes('本作品')));
  const lastChapter = r.outline.filter((n) => n.kind === 'chapter').at(-1)!;
  assert.ok(lastChapter.endLine < trailing[0].line, 'no outline node reaches into the footer');
  const diag = r.diagnostics.find((d) => d.message.includes('trailing'));
  assert.equal(diag?.severity, 'info');
  assert.equal(diag?.line, trailing[0].line);
});

test('closing lines (issuer signature and date) are marked as closing', () => {
  const imp = load(FLAT);
  const r2017 = byYear(imp, 2017);
  const closing = r2017.paragraphs.filter((p) => p.role === 'closing').map((p) => p.text);
  assert.deepEqual(closing, [NANHAI_ISSUER, '2017年12月15日']);
  const r2016 = byYear(imp, 2016);
  assert.deepEqual(
    r2016.paragraphs.filter((p) => p.role === 'closing').map((p) => p.text),
    [NANHAI_ISSUER, '2016年12月12'],
  );
  assert.deepEqual(
    r2016.paragraphs.filter((p) => p.role === 'trailing').map((p) => p.text),
    ['1'],
  );
});

test('year comes from 年度 in the title, else a part heading, never from the feed date', () => {
  const withPart = '某区法治政府建设工作报告\n\n2015年法治政府建设工作情况\n\n一、加强领导\n\n正文。\n';
  const imp = load(FLAT);
  assert.deepEqual(
    imp.reports.map((r) => r.year),
    [2018, 2017, 2016],
  );
  const r = noYear(withPart).reports[0];
  assert.equal(r.year, 2015);
  const plan = noYear('某区法治政府建设工作报告\n\n2016年工作计划\n\n一、加强领导。正文。\n').reports[0];
  assert.equal(plan.year, 2015, 'a 2016 plan part sits in the 2015 report');
});

test('discovery lists only sources that hold a report: structure or a title that names one', async () => {
  const { isReportLike } = await import('../../src/core/index.ts');
  assert.equal(isReportLike(load(FLAT)), true);
  assert.equal(isReportLike(load(path.join(FIXTURES, 'nanhai-2017-page.gbk.html'))), true);
  assert.equal(isReportLike(noYear('某区法治政府建设工作报告\n\n今年做了很多工作。\n')), true, 'a report title');
  assert.equal(isReportLike(noYear('购物清单\n\n牛奶。\n\n鸡蛋。\n')), false, 'a plain note');
  const page = (title: string, body: string) =>
    fromText(`<html><head><meta charset="utf-8"><title>${title}</title></head><body><div id="main"><p>${body}</p></div></body></html>`, 'p.html');
  assert.equal(isReportLike(page('Code coverage report', 'All files 93.2% statements')), false, 'an English page');
  assert.equal(isReportLike(page('某区人民政府网', '欢迎访问某区人民政府网站，本站提供政务信息。')), false, 'a site home page');
  const news =
    '<rss><channel><item><title>某区召开会议</title><link>http://x/1</link><description>&lt;p&gt;今天召开会议。&lt;/p&gt;</description></item></channel></rss>';
  assert.equal(isReportLike(fromText(news, 'news.xml')), false, 'a news feed');
});

test('issuer: before the year, before 关于, with no year at all, after a leading year; never 法治政府', async () => {
  const { findIssuer } = await import('../../src/core/structure/index.ts');
  assert.equal(findIssuer('佛山市南海区人民政府2018年度法治政府建设工作报告'), '佛山市南海区人民政府');
  assert.equal(findIssuer('佛山市南海区人民政府关于2018年度法治政府建设情况的报告'), '佛山市南海区人民政府');
  assert.equal(findIssuer('佛山市南海区人民政府法治政府建设工作报告'), '佛山市南海区人民政府');
  assert.equal(findIssuer('2018年佛山市南海区人民政府法治政府建设工作报告'), '佛山市南海区人民政府');
  assert.equal(findIssuer('国务院2019年政府工作报告'), '国务院');
  assert.equal(findIssuer('法治政府建设工作报告'), null);
  assert.equal(findIssuer('南海区2018年法治政府建设年度报告'), '南海区');
  assert.equal(findIssuer('2018年佛山市南海区法治政府建设工作报告'), '佛山市南海区');
  assert.equal(findIssuer('广州市2018年法治政府建设情况报告'), '广州市');
  assert.equal(findIssuer('佛山市南海区人民政府办公室关于2018年度政务公开工作情况的报告'), '佛山市南海区人民政府办公室');
  assert.equal(findIssuer('国务院办公厅关于2018年政府信息公开工作的报告'), '国务院办公厅');
  assert.equal(findIssuer('广东省司法厅关于2018年度法治政府建设情况的报告'), '广东省司法厅');
  assert.equal(findIssuer('南海区卫生健康局2018年工作总结'), '南海区卫生健康局');
  assert.equal(findIssuer('关于印发南海区2019年依法行政工作要点的通知'), null);
  assert.equal(findIssuer('建设人民满意的服务型政府——南海区2018年工作报告'), null);
  assert.equal(findIssuer('南海区构建法治新格局工作报告'), null);
  assert.equal(findIssuer('我区2018年度法治政府建设工作报告'), null);
  // Collective phrases are no one's name; real places that start alike are.
  assert.equal(findIssuer('全市各区2018年法治政府建设情况报告'), null);
  assert.equal(findIssuer('本市各区县2018年法治政府建设情况'), null);
  assert.equal(findIssuer('各区县2018年法治政府建设情况'), null);
  assert.equal(findIssuer('全州县2018年法治政府建设情况报告'), '全州县');
  assert.equal(findIssuer('全椒县2019年政府工作报告'), '全椒县');
  assert.equal(findIssuer('2019年国务院政府工作报告'), '国务院');
  assert.equal(findIssuer('gwr-national-2019'), null);
});

test('issuer: not past 关于, 局/厅 names, X市政府 before 工作报告', async () => {
  const { findIssuer } = await import('../../src/core/structure/index.ts');
  assert.equal(findIssuer('某市人民政府办公室关于成立某市法治政府建设工作领导小组办公室的通知'), '某市人民政府办公室');
  assert.equal(findIssuer('某市司法局关于市司法局2019年工作的报告'), '某市司法局');
  assert.equal(findIssuer('某区人民政府关于政务服务大厅建设情况的报告'), '某区人民政府');
  assert.equal(findIssuer('广州市政府工作报告'), '广州市政府');
  assert.equal(findIssuer('某市政府信息公开工作年度报告'), '某市政府');
  assert.equal(findIssuer('佛山市南海区人民政府工作报告'), '佛山市南海区人民政府');
});
