import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { importSource, type Report } from '../../src/core/index.ts';
import { FIXTURES, fromText } from './helpers.ts';

const WEB = path.join(FIXTURES, 'webtext');
const web = (province: string): Report => {
  const file = path.join(WEB, `2026_${province}_政府工作报告.txt`);
  const imp = importSource(file, readFileSync(file));
  assert.equal(imp.format, 'text');
  assert.equal(imp.reports.length, 1);
  return imp.reports[0];
};
const chapters = (r: Report) => r.outline.filter((n) => n.kind === 'chapter').map((n) => `${n.label}${n.title}`);
/** Page chrome that must not be left in a report's body. */
const CHROME =
  /^(?:下载|打印|全屏|收藏|加大|还原|减小|【|】|>|首页|小|中|大)$|^(?:【字号|【字体|来源[：:]|时间[：:]|发表时间|阅读量|分享|相关报道|扫一扫|编辑[：:]|（来源)/;

test('scraped web text: the title is the first line after the page chrome, not the buttons', () => {
  const tj = web('天津市');
  assert.equal(tj.title, '2026年天津市政府工作报告');
  assert.equal(tj.year, 2026);
  assert.equal(tj.published, '2026-02-03', 'the 时间： line dates the page');
  assert.equal(tj.paragraphs[0].text, '——2026年1月26日在天津市第十八届人民代表大会第四次会议上');
  assert.deepEqual(chapters(tj), ['一、2025年和“十四五”时期工作回顾', '二、“十五五”时期主要目标与重点任务', '三、2026年重点工作']);
  assert.match(tj.paragraphs.at(-1)?.text ?? '', /^各位代表！蓝图指引航向/, 'the 相关报道： block at the end is gone');

  const nx = web('宁夏回族自治区');
  assert.equal(nx.title, '2026年宁夏回族自治区政府工作报告');
  assert.equal(nx.published, '2026-02-09T09:45:30', 'a 发表时间： key with its value on the next line');
  assert.deepEqual(
    nx.paragraphs.slice(0, 3).map((p) => p.text),
    ['——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上', '自治区人民政府主席 张雨浦', '各位代表：'],
    'the breadcrumb, 阅读量, the font-size control, the repeated heading and the photo caption are gone',
  );
  assert.deepEqual(chapters(nx), ['一、2025年工作总结和“十四五”发展成就', '二、“十五五”时期主要任务', '三、2026年重点工作']);
  assert.match(nx.paragraphs.at(-1)?.text ?? '', /^各位代表！“十五五”蓝图引领未来/, 'the QR-code line and 【打印本页】【关闭窗口】 are gone');

  const sx = web('陕西省');
  assert.equal(sx.title, '陕西省2026年政府工作报告');
  assert.equal(sx.published, '2026-02-02T09:20:00');
  assert.equal(
    sx.paragraphs[0].text,
    '2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚',
    'the heading repeated under the breadcrumb is gone',
  );
  assert.deepEqual(chapters(sx), ['一、2025年工作回顾', '二、“十五五”时期主要目标和重大举措', '三、2026年重点工作']);

  const gz = web('贵州省');
  assert.equal(gz.title, '政府工作报告', 'a photo caption cut at the top of the page is not the title');
  assert.equal(gz.paragraphs[0].text, '（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）');

  const qh = web('青海省');
  assert.equal(qh.published, '2026-01-31T07:00:44', 'a bare date line in the chrome');
  assert.match(qh.paragraphs.at(-1)?.text ?? '', /^各位代表！时代浪潮奔涌向前/, '（来源：青海日报） and 编辑： at the end are gone');

  for (const r of [tj, nx, sx, gz, qh]) {
    const left = r.paragraphs.filter((p) => CHROME.test(p.text) || /摄$/.test(p.text)).map((p) => p.text);
    assert.deepEqual(left, [], `${r.title}: no page chrome in the body`);
  }
});

test('page chrome by shape: a one-line breadcrumb, share widgets, a caption in the body, a footer, a related-links block', () => {
  const text = [
    '您的位置：首页 > 政务公开 > 规划计划',
    '某市人民政府2024年法治政府建设年度报告',
    '作者：市司法局 来源：某市人民政府办公室',
    '发布时间：2025-03-01',
    '分享到：',
    '微信',
    '微博',
    '一、主要工作',
    '全年共审查规范性文件56件，办理行政复议案件120件。',
    '3月1日，市长在常务会议上部署法治政府建设工作。 记者 李明 摄',
    '二、下一步工作',
    '持续深化法治政府建设，推进严格规范公正文明执法。',
    '相关链接：',
    '某市召开法治政府建设推进会',
    '某区深化行政执法改革',
    '主办单位：某市人民政府办公室 版权所有',
    '网站标识码：1234567890 某ICP备12345678号',
  ].join('\n');
  const r = fromText(text, 'page.txt').reports[0];
  assert.equal(r.title, '某市人民政府2024年法治政府建设年度报告');
  assert.equal(r.published, '2025-03-01');
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    ['一、主要工作', '全年共审查规范性文件56件，办理行政复议案件120件。', '二、下一步工作', '持续深化法治政府建设，推进严格规范公正文明执法。'],
  );
});

test('a salutation, a speaker and a closing signature are report text, not chrome', () => {
  const text = [
    '某县2024年政府工作报告',
    '县长 王某',
    '各位代表：',
    '现在，我代表县人民政府向大会报告工作，请予审议。',
    '一、过去一年的工作',
    '全县生产总值增长5%。',
    '某县人民政府',
    '2025年1月10日',
  ].join('\n');
  const r = fromText(text, 'speech.txt').reports[0];
  assert.deepEqual(
    r.paragraphs.map((p) => p.text),
    [
      '县长 王某',
      '各位代表：',
      '现在，我代表县人民政府向大会报告工作，请予审议。',
      '一、过去一年的工作',
      '全县生产总值增长5%。',
      '某县人民政府',
      '2025年1月10日',
    ],
  );
});

test('invisible characters: a line of them does not split a sentence; inside text they vanish; a heading keeps its numeral', () => {
  const file = path.join(FIXTURES, 'national/gwr-national-2017.txt');
  const raw = readFileSync(file, 'utf8');
  const splits = raw.split('\n').filter((l) => l === '\u200b').length;
  assert.ok(splits >= 27, 'the fixture has its zero-width lines');
  const r = importSource(file, readFileSync(file)).reports[0];
  const texts = r.paragraphs.map((p) => p.text);
  assert.ok(
    texts.some((t) => t.startsWith('要全面深化各领域改革，加快推进基础性、关键性改革')),
    '要全面深化各领域改 / U+200B / 革，… is one sentence',
  );
  assert.ok(texts.some((t) => t.includes('国内生产总值达到74.4万亿元，增长6.7%')));
  assert.deepEqual(
    texts.filter((t) => /[\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]/.test(t)),
    [],
  );

  const marked = fromText(
    '某区2024年工作报告\n\n\u200b一、总体情况\n\n\u2060\u200e（一）主\u200b要做法。全年完成\u2066审查\u2069任务。\n\n二\u200b、下一步\n\n继续推进。',
    'z.txt',
  ).reports[0];
  assert.deepEqual(
    marked.outline.map((n) => `${n.label}${n.title}`),
    ['一、总体情况', '二、下一步'],
  );
  assert.equal(marked.paragraphs[1].text, '（一）主要做法。全年完成审查任务。');
  assert.equal(marked.outline[0].children[0]?.title, '主要做法');
});

test('property: invisible characters sprinkled into a report change neither its paragraphs nor their ids', () => {
  const base = [
    '某区2024年法治政府建设工作报告',
    '',
    '一、主要工作',
    '',
    '（一）加强统筹。全年审查文件56件。',
    '',
    '二、下一步工作',
    '',
    '持续推进严格规范公正文明执法。',
  ].join('\n');
  const reference = fromText(base, 'p.txt').reports[0];
  const invisible = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\u2061', '\u2064', '\u2066', '\u2069', '\ufeff');
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(base.length), invisible), { maxLength: 12 }), (inserts) => {
      let text = base;
      for (const [at, ch] of [...inserts].sort((a, b) => b[0] - a[0])) {
        // Not inside a CR LF or between the blank lines' newlines: only inside non-empty lines.
        if (text[at - 1] === '\n' && text[at] === '\n') continue;
        text = text.slice(0, at) + ch + text.slice(at);
      }
      const r = fromText(text, 'p.txt').reports[0];
      assert.equal(r.title, reference.title);
      assert.deepEqual(
        r.paragraphs.map((p) => [p.id, p.text]),
        reference.paragraphs.map((p) => [p.id, p.text]),
      );
    }),
    { numRuns: 200 },
  );
});
