/**
 * What a review of the day's reader rules (test/unit/unseen.test.ts, text-wrapped.test.ts, mhtml.test.ts) found they
 * did wrong on realistic reports, each kept right here: a short name ending in 委会/委办, a title spaced out, a title
 * that names 扫码, spaces that separate names and figures in a PDF's text, a table's rows at a shared right edge, a
 * caption or a run-in item in a hard-wrapped text, a report that opens with a table, a list of attachments above the
 * signature, a heading in two bold lines, 全国 in a type, a page title whose issuer is a part of its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flattenOutline, importSource, type Report } from '../../src/core/index.ts';

const read = (text: string, name = 'x.txt'): Report => importSource(name, new TextEncoder().encode(text)).reports[0];
const texts = (r: Report) => r.paragraphs.map((p) => p.text);
const outline = (r: Report) => flattenOutline(r.outline).map(({ node }) => `${node.label ?? ''}${node.title}`);

/** Paragraphs cut at 30 characters, as an editor's hard wrap or a PDF copy cuts them. */
const wrap = (paras: string[], n = 30) =>
  paras.flatMap((p) => (p === '' ? [''] : Array.from({ length: Math.ceil(p.length / n) }, (_, i) => p.slice(i * n, i * n + n)))).join('\n');
const PROSE = [
  '过去一年，我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神，认真落实省委、省政府决策部署，坚持稳中求进工作总基调，全市经济社会发展取得新成效。',
  '全年地区生产总值增长5.2%，规模以上工业增加值增长6.1%，固定资产投资增长4.5%，社会消费品零售总额增长5.8%，一般公共预算收入增长3.2%，城乡居民人均可支配收入分别增长4.6%和6.7%。',
  '我们坚持把发展经济的着力点放在实体经济上，深入实施制造强市战略，推动传统产业转型升级，培育壮大战略性新兴产业，新增国家级专精特新“小巨人”企业12家，高新技术企业总数达到1260家。',
  '我们坚持以人民为中心的发展思想，持续加大民生投入，民生支出占一般公共预算支出的比重达到78%，城镇新增就业6.2万人，城镇调查失业率控制在5.5%以内，居民收入增长和经济增长基本同步。',
];
const BODY = '\n\n一、总体情况\n\n2024年，我们认真贯彻落实《条例》，各项工作取得新成效。\n';

test('issuers ending in 委会 and 委办 are whole (管委会, 人大常委会, 编委办)', () => {
  // A zone's 管委会 is its 管理委员会, one body however written (and the issuer of a zone named alone).
  assert.equal(read(`昆明经济技术开发区管委会2024年政府信息公开工作年度报告${BODY}`).issuer, '昆明经济技术开发区管理委员会');
  assert.equal(read(`昆明经济技术开发区管理委员会2024年政府信息公开工作年度报告${BODY}`).issuer, '昆明经济技术开发区管理委员会');
  assert.equal(read(`运城经济技术开发区2020年政府信息公开工作年度报告${BODY}`).issuer, '运城经济技术开发区管理委员会');
  // The national new areas with no government of their own too; not 浦东新区, a district.
  assert.equal(read(`河北雄安新区2023年政府信息公开工作年度报告${BODY}`).issuer, '河北雄安新区管理委员会');
  assert.equal(read(`两江新区2023年政府信息公开工作年度报告${BODY}`).issuer, '两江新区管理委员会');
  assert.equal(read(`浦东新区2023年政府信息公开工作年度报告${BODY}`).issuer, '浦东新区人民政府');
  // A sub-district of a zone is a 街道's 办事处.
  assert.equal(read(`大连长兴岛经济技术开发区长兴岛街道2022年政府信息公开工作年度报告${BODY}`).issuer, '大连长兴岛经济技术开发区长兴岛街道办事处');
  // A Party committee that signs with the government: the government issues it.
  assert.equal(read(`中共宣州区新田镇委员会 宣州区新田镇人民政府关于2021年度法治政府建设情况的报告${BODY}`).issuer, '宣州区新田镇人民政府');
  assert.equal(read(`中共某县委员会某县人民政府关于2021年度法治政府建设情况的报告${BODY}`).issuer, '某县人民政府');
  assert.equal(read(`中共某县委关于2021年度法治建设情况的报告${BODY}`).issuer, null);
  // Not the 政府 of 法治政府, nor a body after 关于; the Party's own report stays the Party's; 工委, 中国共产党.
  assert.equal(read(`中共苍南县灵溪镇委员会关于法治政府建设工作情况的报告${BODY}`).issuer, '中共苍南县灵溪镇委员会');
  assert.equal(read(`中共苍南县委全面依法治县委员会办公室关于平阳县法治政府建设年度报告${BODY}`).issuer, '中共苍南县委全面依法治县委员会办公室');
  assert.equal(read(`中共临沂高新区工委 临沂高新区管委会关于2022年法治政府建设情况的报告${BODY}`).issuer, '临沂高新区管理委员会');
  assert.equal(read(`中国共产党平阳县委员会 平阳县人民政府关于2022年法治政府建设情况的报告${BODY}`).issuer, '平阳县人民政府');
  // A place before the year never runs across 关于.
  assert.equal(read(`平阳县委依法治县办关于平阳县2023年法治政府建设情况的报告${BODY}`).issuer?.includes('关于') ?? false, false);
  // 管委会 before an office is 管理委员会 too; a 实验区 is a zone.
  assert.equal(read(`苏州工业园区管委会办公室2022年政府信息公开工作年度报告${BODY}`).issuer, '苏州工业园区管理委员会办公室');
  assert.equal(read(`平潭综合实验区2022年政府信息公开工作年度报告${BODY}`).issuer, '平潭综合实验区管理委员会');
  assert.equal(read(`北京市人大常委会2024年工作报告${BODY}`).issuer, '北京市人大常委会');
  assert.equal(read(`北京市人大常委会2024年工作报告${BODY}`).type, '工作报告');
  assert.equal(read(`某市编委办2024年政府信息公开工作年度报告${BODY}`).issuer, '某市编委办');
});

test('titles: spaced out is one; a short line after an English or slogan line is not joined to it; 扫码 in a title is no share widget', () => {
  assert.equal(read('政 府 工 作 报 告\n\n一、2024年工作回顾\n\n过去一年，我们坚持稳中求进工作总基调，全市经济社会发展取得新成效。\n').type, '政府工作报告');
  assert.equal(read(`Report on the Work of the Government\n\n政府工作报告${BODY}`).title, '政府工作报告');
  assert.equal(read(`奋力谱写中国式现代化新篇章\n\n政府工作报告${BODY}`).title, '政府工作报告');
  assert.equal(read(`某市2024年“扫码办”改革工作总结${BODY}`).title, '某市2024年“扫码办”改革工作总结');
});

test('a PDF’s text keeps the spaces that separate: a key after a value, names after a colon, figures in a row', () => {
  const lines = ['联系人：张三 联系电话：0871-12345678', '出席会议的有：张三 李四 王五 赵六', '其中：第一产业 亿元 560 3.1'];
  const r = read(
    `2024年某市政府工作报告\n${wrap(['一、总体情况', PROSE[0], PROSE[1], '二、其他', PROSE[2], PROSE[3]])}\n${lines.join('\n')}\n${wrap([PROSE[1]])}`,
  );
  for (const l of lines)
    assert.ok(
      texts(r).some((t) => t.includes(l)),
      l,
    );
});

test('a table in pdftotext -layout style (rows padded to one right edge) is no second wrap: each row its paragraph', () => {
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(1, w - [...s].reduce((d, c) => d + (c.charCodeAt(0) > 255 ? 2 : 1), 0)));
  const rows = [
    ['指标', '单位', '绝对数', '比上年增长(%)'],
    ['地区生产总值', '亿元', '5680.1', '5.2'],
    ['第一产业', '亿元', '560.3', '3.1'],
    ['第二产业', '亿元', '2130.7', '6.0'],
    ['第三产业', '亿元', '2989.1', '5.0'],
    ['规模以上工业增加值', '亿元', '1820.5', '6.1'],
    ['社会消费品零售总额', '亿元', '2450.0', '5.8'],
  ].map(([a, b, c, d]) => pad(a, 22) + pad(b, 12) + c.padStart(10) + d.padStart(18));
  const r = read(
    `2024年某市国民经济和社会发展统计公报\n${wrap(['一、综合', PROSE[0], PROSE[1], PROSE[2]])}\n表1 2024年主要经济指标\n${rows.join('\n')}\n${wrap([PROSE[3], PROSE[0]])}`,
  );
  assert.ok(texts(r).includes('地区生产总值 亿元 5680.1 5.2'), texts(r).join(' | '));
  assert.ok(texts(r).includes('第一产业 亿元 560.3 3.1'));
});

test('a caption on a line nearly full is no paragraph’s first line; a run-in item cut mid-word stays one paragraph', () => {
  const caption = '专栏1 2024年市政府十件民生实事项目完成情况统计';
  const r = read(`2024年某市政府工作报告\n${wrap(['一、2024年工作回顾', PROSE[0], PROSE[1], caption, PROSE[2], PROSE[3]])}`);
  assert.ok(texts(r).includes(caption), texts(r).join(' | '));
  const item = '（二）依申请公开，全年共收到政府信息公开申请56件，已全部办结，其中予以公开30件。部分公开5件，不予公开3件，其余为无法提供或不予处理。';
  const s = read(`2024年某区政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n${wrap([PROSE[0], item, '（三）平台建设', PROSE[1], PROSE[2]])}`);
  assert.ok(texts(s).includes(item), texts(s).join(' | '));
});

test('a report that opens with tables a cell a line is no portal page: its title and its first table stay', () => {
  const cells = Array.from({ length: 90 }, (_, i) => (i % 3 === 0 ? `某县${i}` : String(100 + i)));
  const r = read(
    `2024年昆明市国民经济和社会发展统计公报\n表1 2024年主要指标\n${cells.join('\n')}\n表2 2024年各县（市）区主要指标完成情况\n一、综合\n${PROSE[1]}\n二、农业\n${PROSE[2]}`,
  );
  assert.equal(r.title, '2024年昆明市国民经济和社会发展统计公报');
  assert.ok(texts(r).includes('表1 2024年主要指标'));
});

test('a list of attachments above the signature is no appendix: the closing lines date the report', () => {
  const r = read(
    `某县人民政府2024年法治政府建设年度报告\n\n一、主要工作\n\n${PROSE[0]}\n\n二、存在的不足\n\n法治宣传教育的针对性还不够强。\n\n附件1：2024年度法治政府建设重点任务完成情况表\n\n附件2：2024年度行政执法统计表\n\n某县人民政府\n\n2025年3月15日\n`,
  );
  assert.equal(r.published, '2025-03-15');
  assert.ok(!r.outline.some((n) => n.kind === 'part'));
});

test('Markdown: a heading in two bold lines is one; 全国 stays in a type; a page title’s issuer part is kept', () => {
  const md = read(
    '# 2024年某市政府工作报告\n\n**三、持续提升政府**\n\n**治理效能和服务水平**\n\n我们坚持依法行政，不断提升政府治理效能。\n\n**四、其他**\n\n正文。\n',
    'x.md',
  );
  assert.ok(outline(md).includes('三、持续提升政府治理效能和服务水平'), outline(md).join(' | '));
  assert.equal(read(`全国人民代表大会常务委员会工作报告${BODY}`).type, '全国人民代表大会常务委员会工作报告');
  const kunming = read(`昆明市人民政府｜2024年政府工作报告｜全文${BODY}`);
  assert.equal(kunming.issuer, '昆明市人民政府');
  assert.equal(kunming.title, '昆明市人民政府2024年政府工作报告');
});

test('one-character chapters (一、水) and a section titled as a template’s group (（一）予以公开) stay headings', () => {
  const r = read(
    '2024年某市生态环境状况公报\n\n一、水\n\n全市地表水水质总体为优，国控断面水质优良比例为95.2%。\n\n二、气\n\n全市环境空气质量优良天数比例为92.3%。\n',
  );
  assert.deepEqual(outline(r), ['一、水', '二、气']);
  const s = read(
    `某区2024年政府信息公开工作年度报告\n\n一、总体情况\n\n${PROSE[0]}\n\n（一）予以公开\n\n全年予以公开的申请共30件，均在法定期限内答复。\n\n（二）部分公开\n\n全年部分公开的申请共5件。\n`,
  );
  assert.ok(outline(s).includes('（一）予以公开'), outline(s).join(' | '));
});

test('a heading’s figure spacing (2024 年工作回顾) and a year spread digit by digit (1 9 9 8 年) are shown as other years print them', () => {
  const r = read(
    '2025年某省政府工作报告\n\n一、2024 年工作回顾\n\n过去一年，全省经济持续回升向好。\n\n二、关于1 9 9 8 年政府工作的建议\n\n今年工作的总体要求是稳中求进。\n\n三、工业 和 建筑业\n\n全年工业增加值增长6%。\n',
  );
  assert.deepEqual(outline(r), ['一、2024年工作回顾', '二、关于1998年政府工作的建议', '三、工业 和 建筑业']);
  // The document shows the heading as printed.
  assert.ok(r.text.includes('一、2024 年工作回顾'));
});

test('text in blank-separated paragraphs: a cut at a page break is joined, a heading or a finished paragraph is not; a table row stays one', () => {
  const head = '某县2024年政府信息公开工作年度报告\n\n一、总体情况\n\n';
  const [a, b] = [PROSE[0], PROSE[2]];
  // Cut mid-sentence (long prose, no end): joined across the blank line.
  const cut = read(`${head}${a.slice(0, 60)}\n\n${a.slice(60)}\n\n${b}\n`);
  assert.ok(texts(cut).includes(a), texts(cut).join('\n'));
  // Not joined: a finished paragraph; a short heading with no end; a paragraph after the break that opens with a marker.
  const kept = [
    [a, b],
    ['二、深化改革扩大开放推进高质量发展', b],
    [a.slice(0, 60), `（一）${b}`],
  ];
  for (const [first, second] of kept) {
    const r = read(`${head}${first}\n\n${second}\n`);
    assert.ok(texts(r).includes(first) || outline(r).includes(first), `${first}\n---\n${texts(r).join('\n')}`);
  }
  // A table's rows (Markdown: cells between pipes) run on with no blank line and no end: each stays a paragraph.
  const md = read(
    `# 某县2024年政府信息公开工作年度报告\n\n## 一、总体情况\n\n${b}\n\n| 信息内容 | 件数 |\n|---|---|\n| 规章 | 0 |\n| 行政规范性文件 | 6 |\n\n${a}\n`,
    'x.md',
  );
  for (const row of ['规章 0', '行政规范性文件 6']) assert.ok(texts(md).includes(row), texts(md).join('\n'));
});

test('text of one paragraph a line: the pieces a page’s inline elements put on lines of their own are joined; cells, figures, labels and footers are not', () => {
  const [a, b, c] = [PROSE[0], PROSE[1], PROSE[3]];
  const doc = (lines: string[]) => read(['某市2026年政府工作报告', '各位代表：', a, ...lines, c].join('\n'));
  const joined: [string[], string][] = [
    [
      ['持续改善空气质量，以PM', '2.5', '浓度持续下降为主线，推动氮氧化物和挥发性有机物协同减排。'],
      '持续改善空气质量，以PM2.5浓度持续下降为主线，推动氮氧化物和挥发性有机物协同减排。',
    ],
    [
      ['“十五五”时期经济社会发展的', '主要目标', '是：地区生产总值年均增长5%左右，高质量发展取得显著成效。'],
      '“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右，高质量发展取得显著成效。',
    ],
    [
      ['7.“双向揭榜挂帅”：企业找技术、成果找市场“双向', '揭榜', '挂帅”的简称，由技术供给方带团队、带技术', '揭榜', '。'],
      '7.“双向揭榜挂帅”：企业找技术、成果找市场“双向揭榜挂帅”的简称，由技术供给方带团队、带技术揭榜。',
    ],
  ];
  for (const [lines, want] of joined) assert.ok(texts(doc(lines)).includes(want), `${want}\n---\n${texts(doc(lines)).join('\n')}`);
  const kept: string[][] = [
    // A table set a cell a line: short lines in a row.
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', '申请人情况', '自然人', '法人或其他组织', '总计'],
    // A label's figures, a cell a line; a caption's unit; a source note and a page number.
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '5', '1', b],
    ['全市规模以上工业企业营业收入同比增长，利润总额同比增长', '12', b],
    ['表10年末每百户城乡居民家庭拥有耐用品', '单位：台', b],
    ['（数据来源：市统计局）', '12', b],
    // A headline and the page's footer; a session line and a name.
    ['解读省政府工作报告：在服务大局中担难担重前行', '打印本页', '关闭窗口'],
    ['——2026年1月26日在某市第十四届人民代表大会第五次会议上', '市长', b],
  ];
  for (const lines of kept) {
    const t = texts(doc(lines));
    for (const line of lines) assert.ok(t.includes(line), `${line}\n---\n${t.join('\n')}`);
  }
});

test('scraped text: comments at its start do not make it a page; R’s code points (<U+00A0>) are their characters; comments go', () => {
  const text = `<!--\n  \n-->\n\n<!--\n-->\n某市2024年政府工作报告\n\n<U+00A0><U+00A0>各位代表：\n\n${PROSE[0]}<!-- x -->\n\n${PROSE[1]}\n`;
  const imp = importSource('x.txt', new TextEncoder().encode(text));
  assert.equal(imp.format, 'text');
  const r = imp.reports[0];
  assert.equal(r.title, '某市2024年政府工作报告');
  assert.ok(texts(r).includes(PROSE[0]) && texts(r).includes(PROSE[1]), texts(r).join('\n'));
  assert.ok(!/<!--|-->|<U\+/.test(r.text));
  // A saved page still opens with its browser's comment: a page.
  const page = `<!-- saved from url=(0030)https://www.example.gov.cn/ -->\n<html><body><p>${PROSE[0]}</p></body></html>`;
  assert.equal(importSource('saved.txt', new TextEncoder().encode(page)).format, 'html');
});

test('a page’s text: its time stamp in words, a link’s call and an editor’s name on the line after its key are chrome', () => {
  const text = [
    '某市2025年法治政府建设年度报告',
    '2026年02月10日 07时41分',
    PROSE[0],
    '》》点击图片进入专题《《',
    PROSE[1],
    '责任编辑：',
    '李莎莎',
    '扫一扫在手机打开当前页',
  ].join('\n');
  const r = read(text);
  assert.deepEqual(texts(r), [PROSE[0], PROSE[1]]);
  assert.equal(r.published, '2026-02-10');
  // A report's own date line (no time) stays its date line; a name after a key that is no page field stays.
  const own = read(['某市2025年法治政府建设年度报告', '（2026年2月10日）', PROSE[0], '联系人：', '李莎莎'].join('\n'));
  assert.ok(texts(own).includes('李莎莎'), texts(own).join('\n'));
});

test('a section heading broken after its open bracket (（ / 三）…) is one heading', () => {
  for (const sep of ['\n', '\n\n']) {
    const r = read(
      ['某市2026年政府工作报告', '', '一、过去一年工作回顾', '', '（一）经济运行稳中向好。', PROSE[0], '（', '二）改革开放持续深化、互促共进。', PROSE[1]].join(
        sep,
      ),
    );
    assert.deepEqual(outline(r), ['一、过去一年工作回顾', '（一）经济运行稳中向好', '（二）改革开放持续深化、互促共进'], sep);
    assert.ok(!texts(r).includes('（'));
  }
});

test('a review of the joins (2026-11-30): a glossary’s head, a caption, a table of two columns, a paragraph that only lacks its 。, a running header', () => {
  const [a, b] = [PROSE[0], PROSE[2]];
  const oneALine = (lines: string[]) => texts(read(['某省2025年政府工作报告', '各位代表：', a, ...lines].join('\n')));
  // One paragraph a line: a glossary's head, a caption and its header cells, a table of two columns without 。.
  for (const lines of [
    ['《2025年某某省政府工作报告》名词解释', '两重', '国家重大战略实施和重点领域安全能力建设。'],
    ['表8 2016年房地产开发和销售主要指标及增长速度', '指标', '绝对数（亿元）', '比上年增长（%）', b],
    [
      '就业',
      '新增城镇就业100万人以上，城镇调查失业率控制在5.5%左右，帮扶困难人员就业10万人',
      '托育服务',
      '新增普惠托位2万个，每千人口拥有3岁以下婴幼儿托位数达到4.5个',
    ],
  ]) {
    const t = oneALine(lines);
    for (const line of lines) assert.ok(t.includes(line) || t.some((x) => x.endsWith(line) && x.length < line.length + 8), `${line}\n---\n${t.join('\n')}`);
  }
  // Blank-line separated: a paragraph that only lacks its 。, and one whose next page opens with a running header.
  const head = '某省2025年国民经济和社会发展计划报告\n\n一、总体情况\n\n';
  const noStop = `${a.slice(0, -1)}`;
  const r1 = texts(read(`${head}${noStop}\n\n${b}\n\n某某市人民政府\n`));
  assert.ok(r1.includes(noStop) && r1.includes(b), r1.join('\n'));
  const cut = `${a.slice(0, 70)}增长`;
  const r2 = texts(read(`${head}${cut}\n\n某省2025年国民经济和社会发展计划报告\n\n3.1%，${b}\n`));
  assert.ok(r2.includes(cut), r2.join('\n'));
});

test('scraped markup saved as text after a print marker (<!--startprint-->…<br>) is a page; a source’s bare key at the end is the report’s', () => {
  const page = `<!--startprint-->某市2024年政府工作报告<br>各位代表：<br>${PROSE[0]}<br>${PROSE[1]}<br><!--endprint-->`;
  const imp = importSource('x.txt', new TextEncoder().encode(page));
  assert.equal(imp.format, 'html');
  assert.ok(!imp.reports[0].text.includes('<br>'));
  const r = read(['某市2024年国民经济和社会发展统计公报', PROSE[0], PROSE[1], '资料来源：', '某某市财政局'].join('\n'));
  assert.ok(texts(r).includes('某某市财政局'), texts(r).join('\n'));
});

test('a bare type gives way only to a later title that names a year or an issuer; a bare 政府工作报告 over its session line stays', () => {
  const session = '——2025年1月15日在某省第十四届人民代表大会第三次会议上\n\n省长  王某\n\n各位代表：\n\n';
  const gwr = read(`政府工作报告\n\n${session}${PROSE[0]}\n\n一、2024年工作回顾\n\n${PROSE[1]}\n`);
  assert.equal(gwr.title, '政府工作报告');
  assert.equal(gwr.type, '政府工作报告');
  // A later title that names neither a year nor an issuer does not take the place of the first.
  assert.equal(read(`统计公报\n\n经济和社会发展统计公报\n\n${PROSE[0]}\n`).title, '统计公报');
  // The column, then the article's own title.
  const r = read(`工作报告\n\n某县2024年法治政府建设情况报告${BODY}`);
  assert.equal(r.title, '某县2024年法治政府建设情况报告');
  assert.equal(r.issuer, '某县人民政府');
  assert.equal(r.year, 2024);
});

test('a byline of several fields is chrome with its date; a sentence that names 来源 and 时间 is prose; a page’s clock dates nothing', () => {
  const r = read(`某县2024年法治政府建设情况报告\n来源：县司法局 发布时间：2025-03-02 10:20 浏览次数：\n${BODY}`);
  assert.equal(r.published, '2025-03-02T10:20:00');
  assert.equal(r.paragraphs.filter((p) => /浏览次数/.test(p.text)).length, 0);
  const prose = '资料来源：县统计局；统计时间：2024年全年。';
  assert.ok(texts(read(`某县2024年法治政府建设情况报告\n${prose}\n${BODY}`)).includes(prose));
  const clock = read(`今天是：2019年10月31日 星期三\n某县2024年法治政府建设情况报告${BODY}`);
  assert.equal(clock.published, null);
  // A title whose year the page repeats after it loses the repeat; a year that is the title's own stays.
  assert.equal(read(`某县2024年国民经济和社会发展统计公报 2024${BODY}`).title, '某县2024年国民经济和社会发展统计公报');
  assert.equal(read(`某县国民经济和社会发展统计公报 2024${BODY}`).title, '某县国民经济和社会发展统计公报 2024');
});

test('a first line of publishers set apart by spaces (a 统计公报 whose title was lost) names the first of them, not two run together', () => {
  const r = read(`六盘水市统计局 国家统计局六盘水调查队\n${PROSE[0]}\n一、综合\n${PROSE[1]}\n`);
  // Over 一、综合 the bureau's line makes this a communiqué, whose issuer is the bureau's place;
  // the second publisher is never run into the first.
  assert.equal(r.issuer, '六盘水市');
  assert.equal(r.type, '国民经济和社会发展统计公报');
});

test('the statistics period of the 政府信息公开 template since 2021 (统计期限为…至…) dates a report whose title has no year', () => {
  const period = (p: string) =>
    read(`某县人民政府政府信息公开工作年度报告\n\n本报告由某县人民政府办公室编制，所列数据${p}。\n\n一、总体情况\n\n${PROSE[0]}\n`).year;
  assert.equal(period('统计期限为2024年1月1日至2024年12月31日'), 2024);
  assert.equal(period('统计期限自2023年1月1日起至2023年12月31日止'), 2023);
  // Not a year's period: no year.
  assert.equal(period('统计期限为2024年1月1日至2024年6月30日'), null);
});

test('flattened text is cut only at headings in order, only in a line too long for a paragraph', () => {
  const long = (s: string) => s.repeat(Math.ceil(2100 / s.length));
  const body = long(PROSE[1]);
  // Chapters 一 and 二 after a sentence's end, and sections （一）（二） inside 二: cut.
  const flat = `某县2024年法治政府建设情况报告\n\n${PROSE[0]}一、总体情况 ${body}二、主要举措（一）深化审批改革。${PROSE[2]}（二）建设信用体系。${PROSE[3]}\n`;
  assert.deepEqual(outline(read(flat)), ['一、总体情况', '二、主要举措', '（一）深化审批改革', '（二）建设信用体系']);
  // One marker alone, or markers out of order (二 before 一), cut nothing: a paragraph's own 一、 stays inside it.
  for (const line of [`${body}一、其他事项。${PROSE[0]}`, `${body}二、其他事项。${PROSE[0]}一、再次说明。${PROSE[1]}`]) {
    const r = read(`某县2024年法治政府建设情况报告\n\n${line}\n`);
    assert.equal(r.paragraphs.filter((p) => p.role !== 'trailing').length, 1, line.slice(-60));
  }
  // A line under the length of a flattened text is never cut: the same headings stay in one paragraph.
  const short = read(`某县2024年法治政府建设情况报告\n\n${PROSE[0]}一、总体情况 ${PROSE[1]}二、主要举措 ${PROSE[2]}\n`);
  assert.deepEqual(outline(short), ['全文']);
  assert.equal(short.paragraphs.filter((p) => p.role !== 'trailing').length, 1);
});

test('a data row’s empty cells between filled ones keep their place (HTML &nbsp; cells, Word’s empty cells); a heading row is as it was', () => {
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县2024年政府信息公开工作年度报告</title></head><body>
<h1>某县2024年政府信息公开工作年度报告</h1><div id="zoom"><p>一、总体情况</p><p>${PROSE[0]}</p><p>${PROSE[1]}</p><table>
${row(['', '自然人', '', '法人或其他组织', ''])}
${row(['一、本年新收政府信息公开申请数量', '821', '35', '&nbsp;', ' ', '2', '1', '859'])}
${row(['二、上年结转政府信息公开申请数量', '18', '&nbsp;', '&nbsp;', '&nbsp;', '&nbsp;', '&nbsp;', '18'])}
${row(['（三）不予公开', '1.属于国家秘密', '', '3', ''])}
${row(['（七）总计', '767', '35', '', '', '2', '1', '805'])}
</table></div></body></html>`;
  const t = texts(importSource('a.html', new TextEncoder().encode(html)).reports[0]);
  for (const want of [
    '自然人 法人或其他组织',
    '一、本年新收政府信息公开申请数量 821 35 - - 2 1 859',
    '二、上年结转政府信息公开申请数量 18 - - - - - 18',
    '（七）总计 767 35 - - 2 1 805',
    // Not a label then figures (a list item, a signature's date, a label over a sub-label): as it was.
    '（三）不予公开 1.属于国家秘密 3',
  ])
    assert.ok(t.includes(want), `${want}\n${t.join('\n')}`);
});

test('a joint session yields to the address; with no address its congress after 暨 is the issuer; a year in brackets ends a title', () => {
  const session = (address: string) =>
    read(
      `政府工作报告\n\n——2025年1月7日在某某综合实验区人大工作会议暨某某县第十八届人民代表大会第四次会议上\n\n各位代表：\n\n现在，${address}向大会报告工作，请予审议。\n\n一、2024年工作回顾\n\n${PROSE[0]}\n`,
    );
  assert.equal(session('我代表某某综合实验区管委会，').issuer, '某某综合实验区管理委员会');
  assert.equal(session('').issuer, '某某县人民政府');
  // A session of one congress still decides before the address.
  assert.equal(
    read(
      `政府工作报告\n\n——2025年1月7日在某某县第十八届人民代表大会第四次会议上\n\n各位代表：\n\n现在，我代表县人民政府，向大会报告工作。\n\n一、2024年工作回顾\n\n${PROSE[0]}\n`,
    ).issuer,
    '某某县人民政府',
  );
  const bracketed = read(`政府工作报告（2016）\n\n一、2015年工作回顾\n\n${PROSE[0]}\n`);
  assert.equal(bracketed.year, 2016);
});

test('a page’s advice on browsers is its footer, however long; a TRS page’s <meta name="Url"> is its link', () => {
  const advice =
    '为确保最佳浏览效果，建议您使用以下浏览器版本：IE浏览器9.0版本及以上； Google Chrome浏览器 63版本及以上； 360浏览器9.1版本及以上，且IE内核9.0及以上。';
  const r = read(`某县2024年法治政府建设情况报告${BODY}\n${PROSE[1]}\n\n${advice}\n`);
  assert.ok(!texts(r).includes(advice));
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="Url" content="https://www.example.gov.cn/a/t1.htm"><title>某县2024年法治政府建设情况报告</title></head><body><div class="TRS_Editor"><p>一、总体情况</p><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div></body></html>`;
  assert.equal(importSource('a.html', new TextEncoder().encode(html)).reports[0].link, 'https://www.example.gov.cn/a/t1.htm');
});

test('a flattened text’s heading run straight into a text that opens with a year and a comma is set apart; a year inside a title is not', () => {
  const body = PROSE[1].repeat(12);
  const r = read(
    `某县2024年国民经济和社会发展统计公报\n\n${PROSE[0]}一、固定资产投资2024年，全县固定资产投资增长4.5%。${body}二、围绕2025年目标推进改革。${PROSE[2]}${body}\n`,
  );
  assert.deepEqual(outline(r), ['一、固定资产投资', '二、围绕2025年目标推进改革']);
  assert.ok(texts(r).some((t) => t.startsWith('2024年，全县固定资产投资增长4.5%。')));
});

test('a word a narrow cell broke is one word (商业 / 企业, 法律服务 / 机构); two labels, a unit or a long piece stay apart', () => {
  const cell = (...ps: string[]) => `<td>${ps.map((p) => `<p>${p}</p>`).join('')}</td>`;
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县2024年政府信息公开工作年度报告</title></head><body>
<h1>某县2024年政府信息公开工作年度报告</h1><div id="zoom"><p>一、总体情况</p><p>${PROSE[0]}</p><p>${PROSE[1]}</p><table>
<tr>${cell('商业', '企业')}${cell('法律服务', '机构')}${cell('结果', '纠正')}${cell('发电量', '自来水')}${cell('数值', '万元')}${cell('自来水', '生产产量')}</tr>
<tr>${cell('甲')}${cell('1')}${cell('2')}${cell('3')}${cell('4')}${cell('5')}</tr>
</table></div></body></html>`;
  const t = texts(importSource('a.html', new TextEncoder().encode(html)).reports[0]);
  assert.ok(t.includes('商业企业 法律服务机构 结果纠正 发电量 自来水 数值 万元 自来水 生产产量'), t.join('\n'));
});

// A review of the rules above (a helper's, on realistic inputs): what they misread, each kept right here.

test('review: a bare 政府工作报告 never gives way; a later line about the report, a session or a summary is no title', () => {
  const tail =
    '各位代表：\n\n现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。\n\n一、2023年工作回顾\n\n过去一年，我们做了很多工作。\n';
  for (const second of [
    '一图读懂2024年某某县政府工作报告',
    '2024年1月10日在某某县第十八届人民代表大会第四次会议开幕式的报告',
    '关于某某县2023年国民经济和社会发展计划执行情况的报告（摘要）',
  ]) {
    const r = read(`政府工作报告\n\n——2024年1月10日在某某县第十八届人民代表大会第四次会议上\n\n${second}\n\n${tail}`);
    assert.equal(r.title, '政府工作报告', second);
    assert.equal(r.issuer, '某某县人民政府', second);
  }
  // A column's bare 工作报告 over a 解读 line keeps its place too.
  assert.equal(read(`工作报告\n\n一图读懂某县2024年法治政府建设情况报告${BODY}`).title, '工作报告');
});

test('review: the text’s own title wins over a 标题 field that names the page or a notice around the report', () => {
  const body = `——2024年1月10日在某某县第十八届人民代表大会第四次会议上\n县长 张三\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n${PROSE[0]}\n`;
  const r = read(
    `标题: 2024年某某县政府工作报告_某某县人民政府\n发布时间: 2024-01-22 23:08\n==================== 正文 ====================\n2024年某某县政府工作报告\n${body}`,
  );
  assert.equal(r.title, '2024年某某县政府工作报告');
  assert.ok(!texts(r).includes('2024年某某县政府工作报告'));
  const notice = read(`标题：关于公布2023年法治政府建设年度报告的通知\n某某县人民政府2023年法治政府建设年度报告\n${BODY}`);
  assert.equal(notice.title, '某某县人民政府2023年法治政府建设年度报告');
  assert.equal(notice.issuer, '某某县人民政府');
  // With no title line of its own (the text starts with its body), the field is the title, without the site's name.
  assert.equal(read(`标题：某县2024年法治政府建设情况报告_某县人民政府\n${PROSE[0]}${BODY}`).title, '某县2024年法治政府建设情况报告');
});

test('review: a place and a title set apart by a space keep the place as issuer; a joint session fills a level with no place', () => {
  // (A place, its year and 法治政府建设情况 name a 法治 report, whose issuer is the place's government; two publishers split by
  // spaces are organisations only.)
  assert.equal(read(`长沙市岳麓区 2023年法治政府建设情况\n${PROSE[0]}${BODY}`).issuer, '长沙市岳麓区人民政府');
  const joint = read(
    `政府工作报告\n\n——2024年1月10日在某某新区工作会议暨某某县第十八届人民代表大会第四次会议上\n\n县长 张三\n\n各位代表：\n\n现在，我代表县政府向大会报告工作，请予审议。\n\n一、2023年工作回顾\n\n${PROSE[0]}\n`,
  );
  assert.equal(joint.issuer, '某某县人民政府');
});

test('review: flattened text — parts restart their chapters; a table’s labels, a reference and a long paragraph among headed lines are not cut', () => {
  const long = PROSE[1].repeat(12);
  const chapter = (n: string, t: string) => `${n}、${t} ${long}（一）甲项。${PROSE[2]}（二）乙项。${PROSE[3]}`;
  const parts = read(
    `某县2024年政府工作报告\n\n${PROSE[0]}第一部分 2023年工作回顾 ${chapter('一', '经济运行稳中向好')}${chapter('二', '改革开放持续深化')}第二部分 2024年工作安排 ${chapter('一', '着力扩大有效需求')}${chapter('二', '着力保障改善民生')}\n`,
  );
  const pieces = texts(parts);
  for (const head of ['第一部分 2023年工作回顾', '第二部分 2024年工作安排', '一、着力扩大有效需求', '二、着力保障改善民生'])
    assert.ok(pieces.includes(head), head);
  // The 政府信息公开 template flattened: its tables' labels carry markers (四、结转下年度继续办理, （一）予以公开).
  const table =
    '行政事业性收费 0 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 33 2 0 0 0 0 35 三、本年度办理结果 （一）予以公开 20 0 20 （七）总计 33 2 35 四、结转下年度继续办理 0 0 0 四、政府信息公开行政复议、行政诉讼情况 行政复议 0 0 0 五、存在的主要问题及改进情况 ';
  const info = read(
    `某县2024年政府信息公开工作年度报告\n\n${PROSE[0]}一、总体情况 ${long}二、主动公开政府信息情况 第二十条第（一）项 信息内容 ${table}${long}六、其他需要报告的事项 无。\n`,
  );
  assert.deepEqual(
    info.outline.map((n) => `${n.label}${n.title}`),
    [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ],
  );
  assert.ok(info.outline.every((n) => n.children.length === 0));
  // A paragraph of over 2,000 characters in a text whose headings are lines of their own stays whole.
  const para = `主要做法：一、加强组织领导，压实工作责任。二、完善制度机制，健全工作规范。三、强化监督考核，确保任务落实。${long}${long}`;
  const headed = read(`某县2024年法治政府建设情况报告\n\n一、总体情况\n\n${para}\n\n二、主要举措\n\n${PROSE[2]}\n`);
  assert.ok(texts(headed).includes(para));
  // A heading spaced by a PDF (2023 年) is not cut at its space.
  const spaced = read(`某县2024年政府工作报告\n\n${PROSE[0]}一、2023 年工作回顾 ${long}二、2024 年工作安排 ${long}\n`);
  assert.ok(!outline(spaced).some((h) => /^[一二]、20\d\d$/.test(h)), outline(spaced).join(' | '));
});

test('a sentence cut after its lead-in (报告指出 / ，去年以来，…) is no chapter with a lost numeral; a site’s footer of 法律声明 … 网站标识码 is chrome', () => {
  const r = read(
    `某县2023年政府工作报告\n\n报告指出\n，去年以来，面对严峻复杂的形势，全县上下迎难而上，经济社会保持平稳健康发展。\n\n${PROSE[0]}\n\n法律声明\n关于本站\n网站地图\nCopyright ©　2007-2022 www.example.gov.cn All Rights Reserved 版权所有：某县人民政府\n违法和不良信息举报电话：0312-0000000\n主办：某县人民政府办公室\n网站标识码:1306280002\n`,
  );
  assert.ok(!r.outline.some((n) => n.kind === 'chapter'), JSON.stringify(r.outline.map((n) => n.title)));
  assert.ok(!r.paragraphs.some((p) => p.role !== 'trailing' && /法律声明|网站标识码|版权所有/.test(p.text)));
});

// A second review of the same rules (a helper's): what it found, each kept right here.

test('review 2: flattened text — a text whose own headings are （一） lines is not cut; an old template’s attachment table, a lost 六、, a first 一 at the line’s start, a list’s 一 and 一、二季度', () => {
  const P = PROSE[1].repeat(12);
  const Q = PROSE[3];
  const own = read(
    `某县2023年法治政府建设年度报告\n\n（一）完善制度体系\n\n主要做法：一、加强组织领导。${P}二、完善制度机制。${P}三、强化监督考核。${Q}\n\n（二）推进严格执法\n\n${Q}\n`,
  );
  assert.deepEqual(outline(own), ['（一）完善制度体系', '（二）推进严格执法']);
  const old = read(
    `某县人民政府2018年政府信息公开工作年度报告\n\n${Q}一、概述 ${P}二、主动公开政府信息情况 ${P}三、依申请公开政府信息情况 ${Q}四、政府信息公开的收费及减免情况 ${Q}五、因政府信息公开申请行政复议、提起行政诉讼的情况 ${Q}六、存在的主要问题及改进情况 ${Q} 附件 统计指标 单位 统计数 一、主动公开情况 （一）主动公开政府信息数 条 1234 二、回应解读情况 三、依申请公开情况 （一）收到申请数 件 5 七、依申请公开信息收取的费用 万元 0 八、机构建设和保障经费情况 （一）政府信息公开工作专门机构数 个 1 九、政府信息公开会议和培训情况 （一）召开会议数 次 2\n`,
  );
  assert.equal(old.outline.filter((n) => n.kind === 'chapter').length, 6, outline(old).join(' | '));
  assert.ok(
    old.outline.every((n) => n.children.length === 0),
    outline(old).join(' | '),
  );
  // A heading the source lost (no 五、): the run goes on at 六; chapter 一 at the line's very start.
  const lost = read(
    `标题：某市2024年国民经济和社会发展统计公报\n发布时间：2025-03-20\n一、综合 ${P}二、农业 ${P}三、工业 ${Q}四、投资 ${Q}六、对外经济 ${Q}七、财政 ${Q}\n`,
  );
  assert.deepEqual(
    lost.outline.map((n) => n.number),
    [1, 2, 3, 4, 6, 7],
  );
  // 一、二季度… is a list of numbers; 报告分六个部分：一、… in the opening gives way to the real 一.
  const early = read(
    `某县2023年国民经济和社会发展统计公报\n\n${Q}一、二季度全县经济稳步恢复。${P}报告分三个部分：一、综合；二、农业。一、综合 ${P}二、农业 ${Q}三、工业 ${Q}\n`,
  );
  assert.deepEqual(outline(early), ['一、综合', '二、农业', '三、工业']);
});

test('review 2: a heading set apart is a heading, not a cut inside a sentence (推进5G 网络建设，, 粮食总产量 12.5万吨，, …刚刚过去的 / 2024年，)', () => {
  const P = PROSE[1].repeat(12);
  const r = read(
    `某县2025年政府工作报告\n\n各位代表：现在，我代表县人民政府向大会报告工作。一、2024年工作回顾刚刚过去的2024年，是极不平凡的一年。（一）推进5G 网络建设，新建基站1200个。${P}（二）粮食总产量 12.5万吨，比上年增长2.1%。${P}二、2025年工作安排 ${P}\n`,
  );
  const t = texts(r);
  assert.ok(!t.includes('推进5G') && !t.includes('粮食总产量') && !t.some((x) => x.endsWith('刚刚过去的')), t.map((x) => x.slice(0, 20)).join(' | '));
  assert.ok(!outline(r).includes('一、2024年工作回顾刚刚过去的'), outline(r).join(' | '));
});

test('review 2: a 标题 field takes the text’s title lines that spell it; a column name is no title of the text’s own; plain text’s padding tabs are no empty cells', () => {
  const r = read(
    `标题：某县人民政府2024年政府信息公开工作年度报告\n某县人民政府\n2024年政府信息公开工作年度报告\n\n${PROSE[3]}\n\n一、总体情况\n\n${PROSE[0]}\n`,
  );
  assert.equal(r.title, '某县人民政府2024年政府信息公开工作年度报告');
  assert.ok(!texts(r).includes('某县人民政府'));
  const column = read(`标题：某县2024年法治政府建设情况报告\n发布时间：2025-03-02\n工作报告\n\n一、总体情况\n\n${PROSE[0]}\n`);
  assert.equal(column.title, '某县2024年法治政府建设情况报告');
  const tabs = read(
    `某县2023年国民经济和社会发展统计公报\n\n一、综合\n\n${PROSE[3]}\n\n指标\t\t绝对数\t增长（%）\n地区生产总值\t1234.5\t5.2\n粮食\t\t12.3\t1.1\n`,
  );
  assert.ok(texts(tabs).includes('粮食 12.3 1.1'), texts(tabs).join('\n'));
});

test('review 2: table cells, links, footers and publishers — words a cell keeps apart; a site’s home page is no link; a sentence on browsers stays; the government after a Party committee', () => {
  const cell = (...ps: string[]) => `<td>${ps.map((p) => `<p>${p}</p>`).join('')}</td>`;
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县2023年国民经济和社会发展统计公报</title></head><body>
<h1>某县2023年国民经济和社会发展统计公报</h1><div id="zoom"><p>一、综合</p><p>${PROSE[0]}</p><p>${PROSE[1]}</p><table>
<tr>${cell('年份', '指标')}${cell('出栏', '万头')}${cell('拖拉机', '台')}${cell('男', '女')}${cell('其中', '城镇')}</tr>
<tr>${cell('甲')}${cell('1')}${cell('2')}${cell('3')}${cell('4')}</tr>
</table></div></body></html>`;
  const t = texts(importSource('a.html', new TextEncoder().encode(html)).reports[0]);
  assert.ok(t.includes('年份 指标 出栏 万头 拖拉机 台 男 女 其中 城镇'), t.join('\n'));
  assert.equal(read(`某县人民政府2023年政府信息公开工作年度报告\n网站地址：http://www.mouxian.gov.cn/\n\n一、总体情况\n\n${PROSE[3]}\n`).link, null);
  assert.equal(read(`某县人民政府2023年政府信息公开工作年度报告\n网址：http://www.mouxian.gov.cn/\n\n一、总体情况\n\n${PROSE[3]}\n`).link, null);
  const browsers = '建议您使用政务服务APP或浏览器登录一网通办平台办理业务，已实现247项事项全程网办。';
  assert.ok(texts(read(`某县2024年法治政府建设情况报告${BODY}\n二、主要举措\n\n${browsers}\n`)).includes(browsers));
  assert.equal(read(`中共某县委 某县人民政府\n\n${PROSE[3]}\n\n一、总体情况\n\n${PROSE[0]}\n`).issuer, '某县人民政府');
});

test('review 2: a flattened text’s table of contents (目录 一、… 二、… 三、…) gives way to the chapters of its text', () => {
  const P = PROSE[1].repeat(12);
  const r = read(
    `某县2024年政府工作报告\n\n目录 一、2023年工作回顾 二、2024年工作安排 三、加强政府自身建设 各位代表：现在，我代表县人民政府向大会报告工作。一、2023年工作回顾 ${P}二、2024年工作安排 ${P}三、加强政府自身建设 ${PROSE[3]}\n`,
  );
  assert.deepEqual(outline(r), ['一、2023年工作回顾', '二、2024年工作安排', '三、加强政府自身建设']);
  // The text's chapters hold their text (not the contents' entries, with everything under the last of them).
  assert.ok(
    r.paragraphs.every((p) => p.text.length <= P.length + 20),
    r.paragraphs.map((p) => p.text.length).join(' '),
  );
  assert.equal(r.outline[0].endLine - r.outline[0].line, 2);
});

// Reports of 深圳 and its districts (a RAG project's files, a helper's pass): issuers a level with no place named.

test('a level with no place (我代表市人民政府) takes the government of that level the text names most, else the file name’s place', () => {
  const body = (address: string, more: string) =>
    `各位代表：\n\n现在，${address}向大会作政府工作报告，请予审议。\n\n一、2009年工作回顾\n\n国务院批准了综合配套改革方案，国务院各部门给予大力支持，国务院领导多次视察。${more}\n\n二、2010年政府主要工作\n\n${PROSE[1]}\n`;
  const city = read(body('我代表市人民政府', '在此，我代表深圳市人民政府，向各位代表表示感谢。'), '深圳市政府工作报告_2010年.txt');
  assert.equal(city.issuer, '深圳市人民政府');
  // 二、2010年政府主要工作 is the plan heading that dates it.
  assert.equal(city.year, 2010);
  assert.equal(city.meta.from.year, 'text');
  // One 政府 in the title made from issuer and type.
  assert.equal(city.title, '2010年深圳市人民政府工作报告');
  const district = read(body('我代表区人民政府', ''), '盐田区2010年政府工作报告_2010.txt');
  assert.equal(district.issuer, '盐田区人民政府');
  assert.ok(district.diagnostics.some((d) => d.code === 'issuerFromFileName'));
});

test('a lead-in that ends in a colon (现将有关情况报告如下：) is no title; the signature at the end names the issuer', () => {
  const r = read(
    `现将有关情况报告如下：\n\n一、2021年主要工作情况\n\n${PROSE[0]}\n\n二、存在的问题\n\n${PROSE[1]}\n\n深圳市光明区人民政府\n\n2022年1月5日\n`,
    '深圳市光明区人民政府关于2021年度法治政府建设情况的报告_2022.txt',
  );
  assert.notEqual(r.title, '现将有关情况报告如下：');
  assert.equal(r.type, '法治政府建设工作报告');
  assert.equal(r.issuer, '深圳市光明区人民政府');
  assert.equal(r.year, 2021);
});
