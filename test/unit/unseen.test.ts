/**
 * Reports no one on the team had read before Annals did (test/fixtures/unseen/SOURCE.md): 政府信息公开
 * reports and a 统计公报 as their repositories turned their PDFs into text. Each assertion is what a
 * reader of the file sees in it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flattenOutline, importSource, type Report } from '../../src/core/index.ts';
import { unseenReport } from './helpers.ts';

const load = unseenReport;
const headings = (r: Report) => flattenOutline(r.outline).map(({ node }) => `${node.label ?? ''}${node.title}`);

test('上海市人民政府办公厅 2025: the title over two lines under a 正文 label, its issuer, lines joined, page numbers gone', () => {
  const r = load('2025年上海市人民政府办公厅政府信息公开工作年度报告.md');
  assert.deepEqual(
    [r.title, r.issuer, r.year, r.type],
    ['2025年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2025, '政府信息公开工作年度报告'],
  );
  const h = headings(r);
  for (const chapter of [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '六、其他需要报告的事项',
  ])
    assert.ok(h.includes(chapter), chapter);
  // Its chapter 五 has no heading in the source: no table header cell (行政复议行政诉讼, 维持 纠正 …) is taken for it.
  assert.equal(r.outline.filter((n) => n.kind === 'chapter').length, 5, h.join('\n'));
  for (const section of ['（一）主动公开方面', '（五）监督保障方面', '（一）2024年工作中存在问题的改进情况']) assert.ok(h.includes(section), section);
  // One paragraph a paragraph, not a line (181 before).
  assert.ok(r.paragraphs.length <= 120, `${r.paragraphs.length} paragraphs`);
  const opening = r.paragraphs.find((p) => p.text.startsWith('本年度报告根据'));
  assert.ok(opening?.text.endsWith('下载。'), 'the opening paragraph runs over its lines');
  assert.ok(opening?.text.includes('统计期限为2025年1月1日至12月31日'), 'without the PDF’s spaces');
  // The page numbers (— 1 — … — 7 —) are no text, and the paragraphs run over them.
  assert.ok(!r.paragraphs.some((p) => /—\s*\d+\s*—/.test(p.text)));
  assert.ok(r.paragraphs.some((p) => p.text.includes('着力发挥政务公开促落实、优服务、强监督作用')));
});

test('上海市科委 2024: its issuer by its short name; the standard table’s row labels, also cut at their cell (（三）不 / 予公开), head nothing', () => {
  const r = load('2024年上海市科委政府信息公开工作年度报告.md');
  assert.deepEqual([r.title, r.issuer, r.year], ['2024年上海市科委政府信息公开工作年度报告', '上海市科委', 2024]);
  const h = headings(r);
  // （三）不 / 予公开 is joined (a heading of one character runs on into its continuation), then a label.
  for (const label of ['（三）不予公开', '（六）其他处理', '（三）不']) assert.ok(!h.includes(label), `${label}: ${h.join(' | ')}`);
  assert.ok(
    r.paragraphs.some((p) => p.text.startsWith('（三）不予公开')),
    'the label is the table’s text, joined',
  );
});

test('the 政府信息公开 template’s tables under their chapter 三 as Markdown (a converter’s ### captions): no part, chapters 四–六 in sequence', () => {
  const md = [
    '# 某县人民政府2025年政府信息公开工作年度报告',
    '',
    '## 一、总体情况',
    '',
    '2025年，某县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。',
    '',
    '## 二、主动公开政府信息情况',
    '',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '|---|---|---|---|',
    '| 规章 | 0 | 0 | 0 |',
    '',
    '## 三、收到和处理政府信息公开申请情况',
    '',
    '### 申请人情况 (总计)',
    '| (数据项目) | 数量 |',
    '|---|---|',
    '',
    '### 一、本年新收政府信息公开申请数量',
    '| 类别 | 自然人 | 总计 |',
    '|---|---|---|',
    '| 本年新收政府信息公开申请数量 | 705 | 713 |',
    '',
    '### 二、上年结转政府信息公开申请数量',
    '| 上年结转政府信息公开申请数量 | 36 | 36 |',
    '',
    '### 三、本年度办理结果',
    '### (一) 予以公开',
    '| 予以公开 | 290 | 294 |',
    '### (三) 不予公开',
    '| 1.属于国家秘密 | 0 | 0 |',
    '',
    '### 四、结转下年度继续办理',
    '| 结转下年度继续办理 | 20 | 20 |',
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    '| 行政复议 | 行政诉讼 |',
    '|---|---|',
    '| 0 | 0 |',
    '',
    '## 五、政府信息公开工作存在的主要问题及改进情况',
    '',
    '公开内容的规范性有待提高。下一步将加强培训，提升公开质量。',
    '',
    '## 六、其他需要报告的事项',
    '',
    '本年度未收取信息处理费。',
  ].join('\n');
  const r = importSource('某县.md', new TextEncoder().encode(md)).reports[0];
  assert.deepEqual(
    r.outline.map((n) => `${n.kind}:${n.label}${n.title}`),
    [
      'chapter:一、总体情况',
      'chapter:二、主动公开政府信息情况',
      'chapter:三、收到和处理政府信息公开申请情况',
      'chapter:四、政府信息公开行政复议、行政诉讼情况',
      'chapter:五、政府信息公开工作存在的主要问题及改进情况',
      'chapter:六、其他需要报告的事项',
    ],
  );
  // A caption is a paragraph of its own, not run into its table's first row.
  assert.ok(r.paragraphs.some((p) => p.text === '申请人情况 (总计)'));
});

test('合肥市 2024 统计公报 from its PDF: no title line (the file name), the publisher line, lines joined, the notes in a smaller type', () => {
  const r = load('合肥市2024年国民经济和社会发展统计公报.txt');
  // `2024 [1]`, what is left of the title, is none.
  assert.equal(r.title, '合肥市2024年国民经济和社会发展统计公报');
  // The publisher line names the bureau; a communiqué's issuer is its place, as its title would give it.
  assert.deepEqual([r.issuer, r.year, r.type], ['合肥市', 2024, '国民经济和社会发展统计公报']);
  assert.equal(r.published, '2025-03-28');
  // 300 lines, 79 paragraphs: a sentence cut at the line's end is found whole.
  assert.ok(r.paragraphs.length <= 100, `${r.paragraphs.length} paragraphs`);
  assert.ok(r.paragraphs.some((p) => p.text.includes('按不变价格计算，比上年增长6.1%')));
  // The notes at the end, set in a smaller type, are cut at a wider width: each note is a paragraph.
  assert.ok(r.paragraphs.some((p) => p.text.startsWith('[3]三次产业划分标准') && p.text.includes('第三产业是指除')));
  const h = headings(r);
  assert.deepEqual(
    h.filter((x) => /^[一二三四五六七八九十]+、/.test(x)).map((x) => x.split('、')[0]),
    ['一', '二', '三', '四', '五', '七', '八', '九', '十', '十一', '十二'],
    'chapter 六 is missing from the source: no other line is made its heading',
  );
});

test('a 政府信息公开 title’s 政府 belongs to the topic, not to the issuer before it', () => {
  const issuer = (title: string) =>
    importSource('x.txt', new TextEncoder().encode(`${title}\n\n一、总体情况\n\n2024年，本单位认真贯彻落实《条例》。\n\n二、主动公开政府信息情况\n\n略。`))
      .reports[0].issuer;
  assert.equal(issuer('2024年上海市科委政府信息公开工作年度报告'), '上海市科委');
  assert.equal(issuer('2023年深圳市司法局政府信息公开工作年度报告'), '深圳市司法局');
  assert.equal(issuer('2025年上海市人民政府办公厅政府信息公开工作年度报告'), '上海市人民政府办公厅');
  // A place's department written short is its whole name (one series with the years that write it whole).
  assert.equal(issuer('2024年某市发改委政府信息公开工作年度报告'), '某市发展和改革委员会');
  // 人民政府信息公开: the 政府 is the issuer's; a place alone is its 人民政府.
  assert.equal(issuer('北京市人民政府2024年政府信息公开工作年度报告'), '北京市人民政府');
  assert.equal(issuer('北京市政府信息公开工作年度报告（2024年）'), '北京市人民政府');
  assert.equal(issuer('洪泽区人民政府2023年政府信息公开工作年度报告'), '洪泽区人民政府');
});

test('dashed page numbers in a text with no form feeds go when they count up; one alone stays', () => {
  const line = (s: string) => s.padEnd(24, '发').slice(0, 24);
  const body = (n: number) => Array.from({ length: n }, (_, i) => line(`各项工作取得新成效，人民生活持续改善，第${i}行`));
  const text = ['某县人民政府2024年政府信息公开工作年度报告', '一、总体情况', ...body(5), '— 1 —', ...body(5), '— 2 —', ...body(4), '全年目标顺利完成。'];
  const r = importSource('x.txt', new TextEncoder().encode(text.join('\n'))).reports[0];
  assert.ok(!r.paragraphs.some((p) => /—/.test(p.text)));
  assert.equal(r.paragraphs.filter((p) => p.role === 'body').length, 1, 'one paragraph over the two pages');
  const once = importSource('y.txt', new TextEncoder().encode(['某县2024年工作报告', '一、总体情况', '— 5 —', '全年目标顺利完成。'].join('\n'))).reports[0];
  assert.ok(once.paragraphs.some((p) => p.text === '— 5 —'));
});

/** A page copied whole from a news portal, as 网易's reprint of the 2025 广东 report was (test/fixtures/unseen/SOURCE.md). */
function portalCopy(): string {
  const menu = Array.from(
    { length: 120 },
    (_, i) => ['首页', '新闻', '国内', '体育', '娱乐', '财经', '科技', '注册免费邮箱', '客户端下载', '公开课'][i % 10] + (i % 3 ? '' : String(i)),
  );
  const body = [
    '全文来了！2025年某省政府工作报告|大力|重点领域|重点任务_某网订阅',
    ...menu,
    '某网首页 > 某网号 > 正文',
    '全文来了！2025年某省政府工作报告',
    '2025-01-19 13:12:40 来源: 某省发布',
    '举报',
    '0',
    '分享至',
    '用微信扫码二维码',
    '分享至好友和朋友圈',
    '政府工作报告',
    '——2025年1月15日在某省第十四届',
    '人民代表大会第三次会议上',
    '某省省长 王某某',
    '各位代表：',
    '现在，我代表省人民政府，向大会报告工作，请予审议，并请各位政协委员和其他列席人员提出意见。',
    '一、2024年工作回顾',
    '2024年是实现“十四五”规划目标任务的关键一年，全省经济持续回升向好，高质量发展扎实推进，人民生活水平稳步提高。',
    '二、2025年工作安排',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右，居民收入增长与经济增长同步。',
    '附件1：2025年省十件民生实事',
    '一、为老年人提供健康管理服务。为超200万名老年人提供健康管理服务，提升养老机构服务水平，让老年人老有所养。',
    '特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台用户上传并发布，本平台仅提供信息存储服务。',
    '/阅读下一篇/',
    '返回某网首页',
    '相关推荐',
    ...Array.from({ length: 30 }, (_, i) => [
      `某地新闻标题第${i}条！`,
      `某报 2026-09-27 09:${String(i).padStart(2, '0')}:21`,
      String(i * 7),
      `跟贴 ${i * 7}`,
    ]).flat(),
  ];
  return body.join('\n');
}

test('a page copied whole from a portal: its menu and its related headlines go, the report and its appendix stay', () => {
  const imp = importSource('page.txt', new TextEncoder().encode(portalCopy()));
  const r = imp.reports[0];
  // The article's heading, without the headline's call (全文来了！); the issuer and the day from the session line over two lines.
  assert.deepEqual([r.title, r.issuer, r.year, r.type], ['2025年某省政府工作报告', '某省人民政府', 2025, '政府工作报告']);
  const texts = r.paragraphs.map((p) => p.text);
  assert.ok(!texts.some((t) => /首页|注册免费邮箱|跟贴|某报|相关推荐|特别声明|分享至|扫码/.test(t)), texts.join(' | '));
  assert.equal(texts[0], '——2025年1月15日在某省第十四届');
  assert.deepEqual(
    flattenOutline(r.outline).map(({ node }) => `${node.kind}:${node.label ?? ''}${node.title}`),
    ['chapter:一、2024年工作回顾', 'chapter:二、2025年工作安排', 'part:附件1：2025年省十件民生实事'],
  );
  assert.ok(
    texts.some((t) => t.startsWith('一、为老年人提供健康管理服务')),
    'the appendix’s items are its text',
  );
});

test('a session line over two lines dates and names a work report; 我国 is no part of a type', () => {
  const report = (lines: string[]) => importSource('x.txt', new TextEncoder().encode(lines.join('\n'))).reports[0];
  const r = report([
    '政府工作报告',
    '——2025年1月15日在某省第十四届',
    '人民代表大会第三次会议上',
    '各位代表：',
    '现在，我代表省人民政府，向大会报告工作，请予审议。',
    '一、2024年工作回顾',
    '正文。',
    '二、2025年工作安排',
    '正文。',
  ]);
  assert.equal(r.published, '2025-01-15');
  assert.equal(r.issuer, '某省人民政府');
  const s = report(['2024年我国卫生健康事业发展统计公报', '一、卫生资源', '年末全国医疗卫生机构总数1093551个。', '二、医疗服务', '全年总诊疗人次101.5亿。']);
  assert.equal(s.type, '卫生健康事业发展统计公报');
});

test('a newspaper’s page-jump notes (（下转第四版）（紧接第一版）) leave a reprinted report’s text, in text and in pages', () => {
  const para = '全区经济持续回升向好，为我们做好工作提供了行动指南。（下转第四版）（紧接第一版） 我们坚持人民至上，全力保障人民群众生命财产安全。';
  const joined = '全区经济持续回升向好，为我们做好工作提供了行动指南。我们坚持人民至上，全力保障人民群众生命财产安全。';
  const text = importSource(
    'x.txt',
    new TextEncoder().encode(`2026年某区政府工作报告\n\n一、过去一年工作回顾\n\n${para}\n\n二、今年工作安排\n\n正文（上接第2版）。`),
  ).reports[0];
  assert.ok(text.paragraphs.some((p) => p.text === joined));
  assert.ok(text.paragraphs.some((p) => p.text === '正文。'));
  const page = `<html><head><meta charset="utf-8"><title>2026年某区政府工作报告</title></head><body><div id="zoom"><p>一、过去一年工作回顾</p><p>${para}</p><p>二、今年工作安排</p><p>全区地区生产总值增长5%左右，城镇新增就业1万人以上。</p></div></body></html>`;
  const html = importSource('x.html', new TextEncoder().encode(page)).reports[0];
  assert.ok(html.paragraphs.some((p) => p.text === joined));
  // Not a page-jump note: a 版 in prose stays.
  const prose = importSource('y.txt', new TextEncoder().encode('2026年某区政府工作报告\n\n一、回顾\n\n出版《地方志（第二版）》一部。')).reports[0];
  assert.ok(prose.paragraphs.some((p) => p.text === '出版《地方志（第二版）》一部。'));
});

/** A CMS's page of a 统计公报 as the saved pages of 万载县, 宜春市 and 江西省 are built (test/fixtures/unseen/SOURCE.md). */
function cmsPage(o: { pubDate: string; visible?: string; dateLine?: string; footnoteTitle?: boolean; savedFrom?: string }): Uint8Array {
  const html = `${o.savedFrom ? `<!-- saved from url=(0085)${o.savedFrom} -->\n` : ''}<html><head><meta charset="utf-8">
<meta name="PubDate" content="${o.pubDate}"><meta name="ArticleTitle" content="某市2022年国民经济和社会发展统计公报">
<title>某市2022年国民经济和社会发展统计公报_某市人民政府</title></head><body>
<div class="crumb">首页 &gt; 政务公开 &gt; 统计公报</div>
<div class="info">${o.visible ? `发布日期：${o.visible}` : ''} 来源：某市统计局</div>
<div id="zoom">
<p>某市2022年国民经济和社会发展统计公报${o.footnoteTitle ? '[1]' : ''}</p>
<p>某市统计局</p>
${o.dateLine ? `<p>${o.dateLine}</p>` : ''}
<p>2022年，全市上下坚持稳中求进工作总基调，经济运行总体平稳，高质量发展扎实推进，民生保障持续改善。</p>
<p>一、综合</p><p>初步核算，全年地区生产总值1234.5亿元，比上年增长4.5%。其中第一产业增加值123.4亿元，增长4.1%。</p>
<p>相关解读：《某市2022年国民经济和社会发展统计公报》解读</p>
<p>二、农业</p><p>全年粮食种植面积100.2万亩，比上年增加0.3万亩，粮食总产量45.6万吨，增长1.2%。</p>
</div><div class="footer">版权所有：某市人民政府</div></body></html>`;
  return new TextEncoder().encode(html);
}

test('a CMS page’s date: its 发布日期 line, else the report’s own date line, before a PubDate the CMS regenerated', () => {
  const page = (o: Parameters<typeof cmsPage>[0]) => importSource('page.html', cmsPage(o)).reports[0];
  assert.equal(page({ pubDate: '2022-04-24 10:00:43', visible: '2017-05-15 10:49:00' }).published, '2017-05-15T10:49:00');
  assert.equal(page({ pubDate: '2023-05-16 12:34:05', dateLine: '（2023年4月12日）' }).published, '2023-04-12');
  // Only the meta: it still dates the page.
  assert.equal(page({ pubDate: '2023-08-16 10:33:59' }).published, '2023-08-16T10:33:59');
});

test('a CMS page: the title repeated with a footnote mark leaves the text, a related link too; where it was saved from is its link', () => {
  const r = importSource('page.html', cmsPage({ pubDate: '2023-05-16', footnoteTitle: true, savedFrom: 'https://www.example.gov.cn/tjgb/202304/1.shtml' }))
    .reports[0];
  assert.equal(r.title, '某市2022年国民经济和社会发展统计公报');
  assert.ok(!r.paragraphs.some((p) => p.text.startsWith('某市2022年国民经济和社会发展统计公报')), 'the title line with [1]');
  assert.ok(!r.paragraphs.some((p) => p.text.includes('相关解读')));
  assert.equal(r.link, 'https://www.example.gov.cn/tjgb/202304/1.shtml');
  assert.deepEqual(
    r.outline.map((n) => `${n.label}${n.title}`),
    ['一、综合', '二、农业'],
  );
});

test('沭阳县人民政府 2025 (OCR as Markdown): table rows one a paragraph, paragraphs whole across page breaks', () => {
  const r = load('沭阳县人民政府2025年政府信息公开工作年度报告.md');
  // As printed (the OCR’s 沐), its parts set apart as the line sets them (a space after a figure goes).
  assert.deepEqual([r.title, r.issuer, r.year], ['沐阳县人民政府 2025年 政府信息公开工作年度报告', '沐阳县人民政府', 2025]);
  const texts = r.paragraphs.map((p) => p.text);
  // Two tables of one row each: every row its own paragraph.
  for (const row of ['规章 0 0 0', '行政规范性文件 6 1 32', '行政处罚 693957', '行政强制 2154']) assert.ok(texts.includes(row), row);
  // Paragraphs a page break cut (a blank line in mid-sentence) are whole where the cut is certain: inside a quote it
  // opened, before a cut word's rest (操，…). (…及时向责任单位 / 进行提醒通知… reads as two: a paragraph may end so.)
  for (const [cut, rest] of [
    ['努力让政务信息“看', '得懂、用得上、易监督”。'],
    ['通过案例实', '操，赋能业务提升'],
  ])
    assert.ok(
      texts.some((t) => t.includes(cut + rest)),
      cut,
    );
  assert.ok(!texts.some((t) => /^(?:得懂|操，)/.test(t)));
  const h = headings(r);
  for (const chapter of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']) assert.ok(h.includes(chapter), chapter);
  assert.ok(h.includes('(一)系统化推进主动公开'), h.join('\n'));
});

// Openings of web pages as a search index keeps them (test/fixtures/unseen/SOURCE.md, the third pass): the page's
// text with its column, breadcrumb, clock and byline, cut after about 2,000 characters.

test('静海区 2020 法治政府: the site’s column (工作报告) gives way to the title under it; the page’s clock dates nothing, its byline does', () => {
  const r = load('2020年静海区法治政府建设情况报告.txt');
  assert.deepEqual([r.title, r.issuer, r.year, r.type], ['2020年静海区法治政府建设情况报告', '静海区人民政府', 2020, '法治政府建设工作报告']);
  // 今天是:2019年10月31日 is the day the page was seen; 文章来源:司法局 更新时间:2021/03/29 11:30:01 is the page's date.
  assert.equal(r.published, '2021-03-29T11:30:01');
  assert.equal(headings(r)[0], '一、2020年推进法治政府建设的主要举措和成效');
  assert.ok(!r.paragraphs.some((p) => p.role !== 'trailing' && /更新时间|所在的位置|今天是/.test(p.text)));
});

test('大安区 2022 统计公报: a breadcrumb with doubled separators is no part of the title, nor its 2023 the year', () => {
  const r = load('大安区2022年国民经济和社会发展统计公报.txt');
  assert.deepEqual([r.title, r.issuer, r.year, r.type], ['大安区2022年国民经济和社会发展统计公报', '大安区', 2022, '国民经济和社会发展统计公报']);
  // 发布时间:2023-05-11 07:55:15       作者:区统计局       来源:区统计局: a byline of three fields.
  assert.equal(r.published, '2023-05-11T07:55:15');
  assert.ok(!r.paragraphs.some((p) => /发布时间|杂志阅读/.test(p.text)));
});

test('镜湖区 2022 统计公报: 经济和社会发展统计公报 without 国民 is the same type, its place the issuer; fields run together are a byline', () => {
  const r = load('2022年镜湖区经济和社会发展统计公报.txt');
  assert.deepEqual([r.issuer, r.year, r.type], ['镜湖区', 2022, '国民经济和社会发展统计公报']);
  // 发布时间:2023-04-03 16:12信息来源: 镜湖区统计局阅读次数:编辑:杨文杰 字体:【
  assert.equal(r.published, '2023-04-03T16:12:00');
  assert.ok(!r.paragraphs.some((p) => /阅读次数/.test(p.text)));
  assert.ok(r.paragraphs[0].text.startsWith('2022年是党的二十大胜利召开之年'));
});

test('云和县 2022 统计公报: a year the page repeats after the title is no part of it', () => {
  const r = load('2022年云和县国民经济和社会发展统计公报.txt');
  assert.deepEqual([r.title, r.issuer, r.year], ['2022年云和县国民经济和社会发展统计公报', '云和县', 2022]);
});

// A crawler's archive of a county's site (changwu/pingtan-gov-zwgk-archive): a header of fields above the text, and
// the page's paragraphs run together on one line.

test('平潭县 2011 信息公开 (a crawler’s page.txt): the 标题 field is the title, the 原文链接 the link; the flattened text is cut at its headings', () => {
  const r = load('平潭县人民政府2011年政府信息公开工作年度报告.txt');
  assert.deepEqual([r.title, r.issuer, r.year, r.type], ['平潭县人民政府2011年政府信息公开工作年度报告', '平潭县人民政府', 2011, '政府信息公开工作年度报告']);
  assert.equal(r.published, '2012-04-18T00:00:00');
  assert.equal(r.link, 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201204/t20120418_80716.htm');
  const h = headings(r);
  for (const x of ['一、概述', '二、主动公开政府信息情况', '（一）进一步深化政府信息公开内容', '（二）进一步拓展政府信息公开形式'])
    assert.ok(h.includes(x), `${x}: ${h.join(' | ')}`);
  assert.equal(r.outline.filter((n) => n.kind === 'chapter').length, 4, h.join(' | '));
  // Chapter 二's first section follows its heading with nothing between (…情况（一）主动公开…).
  const two = r.outline.find((n) => n.number === 2)!;
  assert.deepEqual(
    two.children.map((s) => s.number),
    [1, 2, 3],
  );
  // The crawler's header is no text of the report.
  assert.ok(!r.paragraphs.some((p) => p.role !== 'trailing' && /本地目录|={5}|原文链接/.test(p.text)));
});

test('平潭 2024 政府工作报告 (flattened): its chapters and six sections each; a joint session yields to the address', () => {
  const r = load('平潭综合实验区2024年政府工作报告.txt');
  assert.deepEqual([r.title, r.type, r.year], ['政府工作报告（2024）', '政府工作报告', 2024]);
  // —2024年1月18日在平潭综合实验区人大工作会议暨平潭县第十八届人民代表大会第三次会议上 names two bodies (it gave
  // 平潭综合实验区人大工作会议暨平潭县人民政府); 我代表平潭综合实验区管委会 says who reports.
  assert.equal(r.issuer, '平潭综合实验区管理委员会');
  const chapters = r.outline.filter((n) => n.kind === 'chapter');
  assert.deepEqual(
    chapters.map((c) => [c.number, c.children.length]),
    [
      [1, 6],
      [2, 6],
      [3, 0],
    ],
  );
  assert.equal(chapters[1].children[0].title, '丰富优质旅游供给，持续提升平潭国际旅游岛的辨识度、美誉度');
});
