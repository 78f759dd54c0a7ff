/**
 * Data tables in HTML (the tables of a 政府信息公开 annual report, as its page or feed item carries
 * them): each row is one paragraph, its cells joined as the Word reader joins them, so a row's label
 * (一、本年新收…, （一）予以公开) is never a chapter or a section. A table that lays out a page is read
 * as before, cell by cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flattenOutline, importSource } from '../../src/core/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const TABLES = `<p><strong>一、总体情况</strong></p>
<p>2023年，东湖区人民政府认真贯彻落实《条例》，全面推进政务公开工作。</p>
<p>（一）主动公开。全年主动公开政府信息1234条。</p>
<p><strong>二、主动公开政府信息情况</strong></p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
<table border="1"><tr><td colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>总计</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>50</td><td>56</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>20</td><td>23</td></tr>
<tr><td colspan="2">（二）部分公开</td><td>5</td><td style="display:none">隐藏</td><td>6</td></tr></table>
<p><strong>四、存在的主要问题及改进情况</strong></p>
<p>一是公开内容还不够全面；二是解读形式较为单一。</p>`;

const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="东湖区人民政府2023年政府信息公开工作年度报告"></head><body><div class="TRS_Editor">${body}</div></body></html>`;
const feed = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>政务公开</title><item><title>东湖区人民政府2023年政府信息公开工作年度报告</title><description><![CDATA[${body}]]></description></item></channel></rss>`;

const ROWS = [
  '信息内容 本年制发件数 本年废止件数 现行有效件数',
  '规章 0 0 0',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 自然人 总计',
  '一、本年新收政府信息公开申请数量 50 56',
  '三、本年度办理结果 （一）予以公开 20 23',
  '（二）部分公开 5 6',
];

for (const [form, name, text] of [
  ['a saved page', 'xxgk.html', page(TABLES)],
  ['a feed item', 'xxgk.xml', feed(TABLES)],
] as const) {
  test(`${form}: each row of a data table is one paragraph, and its labels head nothing`, () => {
    const r = importSource(name, enc(text)).reports[0];
    const texts = r.paragraphs.map((p) => p.text);
    for (const row of ROWS) assert.ok(texts.includes(row), `${row}\n${texts.join('\n')}`);
    assert.ok(texts.includes('第二十条第（一）项'), 'a row of one cell is that cell');
    assert.ok(!texts.some((t) => t.includes('隐藏')), 'a hidden cell is not read');
    const headings = flattenOutline(r.outline).map(({ node }) => `${node.label}${node.title}`);
    assert.deepEqual(headings, [
      '一、总体情况',
      '（一）主动公开',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、存在的主要问题及改进情况',
    ]);
    for (const p of r.paragraphs) if (ROWS.includes(p.text)) assert.equal(p.role, 'body', p.text);
  });
}

test('a table that lays out a page is read cell by cell, as before: long cells, a table in a cell', () => {
  const long =
    '全年共办理行政复议案件918宗，同比增长12%，按时办结率达到了百分之百，群众满意度明显提升，社会评价良好稳定，各项工作取得新进展，法治政府建设迈出坚实步伐，人民群众获得感显著增强，为经济社会高质量发展提供了有力的法治保障。';
  assert.ok(long.length > 100);
  const layout = `<table><tr><td><p>${long}</p></td><td>侧栏</td></tr></table><table><tr><td><table><tr><td>甲</td></tr></table>乙</td><td>丙</td></tr></table><p>结尾段落，正文。</p>`;
  for (const text of [page(`<p><strong>一、总体情况</strong></p>${layout}`), feed(`<p><strong>一、总体情况</strong></p>${layout}`)]) {
    const name = text.startsWith('<?xml') ? 'x.xml' : 'x.html';
    const texts = importSource(name, enc(text)).reports[0].paragraphs.map((p) => p.text);
    assert.ok(texts.includes(long), name);
    assert.ok(texts.includes('侧栏'), name);
    assert.ok(!texts.some((t) => t.includes(`${long} 侧栏`)), `${name}: a long cell is no label`);
    assert.ok(!texts.some((t) => /乙.*丙|甲.*丙/.test(t)), `${name}: a row with a table in a cell is no data row`);
    assert.ok(texts.includes('丙'), name);
  }
});

test('pages and feed bodies read alike: text in a row outside its cells, padded cells, a data table inside a layout table', () => {
  const cases: [string, string, string[]][] = [
    [
      'a note in the row, outside its cells: no data row, nothing lost',
      '<table><tr><td>项目</td><td>数量</td>注：表中数据截至2023年12月31日，单位为件。</tr><tr><td>新收申请</td><td>50</td></tr></table>',
      ['项目', '数量', '注：表中数据截至2023年12月31日，单位为件。', '新收申请 50'],
    ],
    [
      'a cell padded with spaces is measured cleaned',
      `<table><tr><td>${'项目名称'.repeat(20)}${'&nbsp;'.repeat(30)}说明</td><td>1</td></tr></table>`,
      [`${'项目名称'.repeat(20)} 说明 1`],
    ],
    [
      'a data table inside a layout table: its rows are rows',
      '<table><tr><td><p>版面文字</p><table><tr><td>（一）予以公开</td><td>30</td></tr></table></td><td>侧栏</td></tr></table>',
      ['版面文字', '（一）予以公开 30', '侧栏'],
    ],
  ];
  for (const [slip, table, want] of cases) {
    const body = `<p><strong>一、总体情况</strong></p><p>本年度共收到政府信息公开申请五十件，全部按时办理完毕。</p>${table}<p><strong>二、存在的问题</strong></p>`;
    for (const [name, text] of [
      ['x.html', page(body)],
      ['x.xml', feed(body)],
    ] as const) {
      const texts = importSource(name, enc(text)).reports[0].paragraphs.map((p) => p.text);
      assert.deepEqual(texts.slice(2, -1), want, `${name}: ${slip}`);
    }
  }
});

test('a cell of several paragraphs: a unit in brackets joins its label, two labels stay two words (pages, feeds and Word alike)', () => {
  const table =
    '<table><tr><td><p>指标</p></td><td><p>绝对额</p><p>（万元）</p></td><td><p>比上年</p><p>增长（%）</p></td></tr>' +
    '<tr><td><p>发电量</p><p>自来水生产产量</p></td><td>102.52</td><td>-0.8</td></tr></table>';
  const want = ['指标 绝对额（万元） 比上年 增长（%）', '发电量 自来水生产产量 102.52 -0.8'];
  const body = `<p><strong>一、工业</strong></p><p>全年规模以上工业增加值比上年增长百分之五点二。</p>${table}<p><strong>二、交通</strong></p>`;
  for (const [name, text] of [
    ['x.html', page(body)],
    ['x.xml', feed(body)],
  ] as const) {
    const texts = importSource(name, enc(text)).reports[0].paragraphs.map((p) => p.text);
    assert.deepEqual(texts.slice(2, -1), want, name);
  }
});
