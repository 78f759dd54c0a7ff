import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OutlineNode, Report } from '../../src/core/index.ts';
import { fromText } from './helpers.ts';
import { chaptersOf, headingText, only, seriesGold, squeeze } from './seriesFixtures.ts';

test('chapter structure of a hand-checked sample (national, provincial Word and web, other kinds, unnumbered): F1 ≥ 0.98', () => {
  const sample = seriesGold().reports.filter((r) => r.chapters);
  assert.ok(sample.length >= 6);
  let correct = 0;
  let predicted = 0;
  let expected = 0;
  const misses: string[] = [];
  for (const g of sample) {
    const r = only(g.source);
    const got = chaptersOf(r).map((c) => squeeze(headingText(r, c)));
    const want = g.chapters!.map(squeeze);
    const hits = got.filter((h) => want.includes(h)).length;
    correct += hits;
    predicted += got.length;
    expected += want.length;
    if (hits !== got.length || hits !== want.length) misses.push(`${g.source}: ${got.join(' | ')}`);
  }
  const precision = correct / predicted;
  const recall = correct / expected;
  const f1 = (2 * precision * recall) / (precision + recall);
  assert.ok(f1 >= 0.98, `F1 ${f1.toFixed(3)}: ${misses.join('\n')}`);
});

test('trailing material is never a chapter: the appendix is a part of its own, after the last chapter', () => {
  for (const g of seriesGold().reports.filter((x) => x.chapters)) {
    const r = only(g.source);
    const appendix = r.outline.filter((n) => n.kind === 'part' && n.partKind === 'appendix');
    if (!g.appendix) {
      assert.deepEqual(appendix, [], g.source);
      continue;
    }
    assert.equal(appendix.length, 1, g.source);
    const [a] = appendix;
    assert.ok(headingText(r, a).startsWith(g.appendix), `${g.source}: ${headingText(r, a)}`);
    assert.deepEqual(a.children, []);
    const last = chaptersOf(r).at(-1)!;
    assert.ok(last.endLine < a.line, `${g.source}: the last chapter ends before the appendix`);
    assert.ok(r.diagnostics.some((d) => d.code === 'appendix' && d.line === a.line));
  }
  // 江西's glossary: 附件 / 《政府工作报告》有关内容名词注释 / 1.… 26.…, kept as paragraphs of the appendix.
  const jx = only('2026/2026_江西省_政府工作报告.txt');
  const part = jx.outline.find((n) => n.partKind === 'appendix')!;
  const inside = jx.paragraphs.filter((p) => p.line > part.line && p.line <= part.endLine);
  assert.equal(inside[0].text, '《政府工作报告》有关内容名词注释');
  assert.ok(inside.every((p) => p.role === 'body'));
  assert.ok(inside.length >= 20);
});

test('page footers are not report text: 相关报道, （来源：…） and 编辑：… are removed, the Wikisource licence is trailing', () => {
  const tj = only('2026/2026_天津市_政府工作报告.txt');
  assert.ok(!tj.paragraphs.some((p) => p.text.startsWith('相关报道')), 'the related-links block is removed');
  assert.match(tj.paragraphs.at(-1)?.text ?? '', /^各位代表！蓝图指引航向/);
  assert.equal(tj.paragraphs.at(-1)?.role, 'body', 'the report ends with its last paragraph');
  const qh = only('2026/2026_青海省_政府工作报告.txt');
  assert.deepEqual(
    qh.paragraphs.filter((p) => /^（来源：|^编辑：/.test(p.text)).map((p) => p.text),
    [],
  );
  assert.deepEqual(qh.diagnostics.find((d) => d.code === 'chromeRemoved')?.args, [
    '4',
    '2026-01-31 07:00:44 · 来源：青海日报 · （来源：青海日报） · 编辑：何继红',
  ]);
  const n = only('national/gwr-national-1999.txt');
  const footer = n.paragraphs.filter((p) => p.role === 'trailing');
  assert.ok(footer.some((p) => p.text.includes('Public domain')));
  assert.ok(chaptersOf(n).every((c) => c.endLine < footer[0].line));
});

test('unnumbered chapters: short lines standing alone that fit the report’s chapter pattern; the plan’s sections sit under the plan', () => {
  const r = only('derived/2025年安徽省政府工作报告-章无序号.txt');
  const chapters = chaptersOf(r);
  assert.deepEqual(
    chapters.map((c) => [c.title, c.number, c.label, c.inferred]),
    [
      ['2024年工作回顾', null, null, true],
      ['2025年工作总体要求和主要目标任务', null, null, true],
      ['2025年重点工作', null, null, true],
    ],
  );
  assert.equal(r.outline.filter((n) => n.kind === 'part').length, 0, 'chapters, not parts: they align with the numbered chapters of the other years');
  // The plan's sections ((一)…) are the plan chapter's, not the review's.
  const numbered = only('2025/2025年安徽省政府工作报告.txt');
  const sections = (c: OutlineNode) => c.children.filter((x) => x.kind === 'section').map((x) => x.title);
  assert.ok(sections(chapters[2]).length >= 8);
  assert.deepEqual(sections(chapters[2]), sections(chaptersOf(numbered)[2]));
  assert.deepEqual(sections(chapters[0]), sections(chaptersOf(numbered)[0]));
  assert.ok(r.diagnostics.some((d) => d.code === 'unnumberedChapter' && d.args?.[0] === '2025年重点工作'));
});

const doc = (lines: string[]): Report => fromText(lines.join('\n\n'), 'synthetic.txt').reports[0];

test('unnumbered chapters as the issue writes 四川 2025: 2024年工作回顾 / 2025年工作安排建议 / 加强政府自身建设', () => {
  const r = doc([
    '2025年四川省政府工作报告',
    '各位代表：',
    '现在，我代表省人民政府向大会报告工作，请予审议。',
    '2024年工作回顾',
    '过去一年，全省经济运行稳中有进，发展质量持续提升。',
    '（一）坚持稳中求进，经济运行回升向好。地区生产总值增长5.7%。',
    '（二）坚持创新驱动，新质生产力加快培育。高新技术企业突破1.9万家。',
    '2025年工作安排建议',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。',
    '（一）大力提振消费扩大有效投资。实施提振消费专项行动。',
    '（二）加快构建现代化产业体系。推动传统产业焕新升级。',
    '（三）深化重点领域改革。持续优化营商环境。',
    '加强政府自身建设',
    '我们将坚持依法行政，自觉接受各方面监督，持之以恒正风肃纪。',
  ]);
  assert.deepEqual(
    chaptersOf(r).map((c) => [c.title, c.children.map((s) => s.number)]),
    [
      ['2024年工作回顾', [1, 2]],
      ['2025年工作安排建议', [1, 2, 3]],
      ['加强政府自身建设', []],
    ],
  );
  // A report with numbered chapters keeps them: the same lines standing alone there are not chapters.
  const numbered = doc([
    '某县2018年度法治政府建设工作报告',
    '一、加强组织领导',
    '全年召开常务会议十二次。',
    '加强政府自身建设',
    '二、深化改革',
    '全年取消行政审批事项12项。',
  ]);
  assert.deepEqual(
    chaptersOf(numbered).map((c) => c.title),
    ['加强组织领导', '深化改革'],
  );
});

test('a part-like line after chapters outside any part, with no new numbering after it, is not a part (认真抓好11方面重点工作：)', () => {
  const r = only('2025/2025年浙江省政府工作报告.txt');
  assert.deepEqual(
    r.outline.map((n) => [n.kind, n.title]),
    [
      ['chapter', '2024年工作回顾'],
      ['chapter', '2025年目标任务和重点工作'],
    ],
  );
  // A real plan part, after the review's chapters, numbers its chapters again.
  const plan = doc([
    '某县2018年度法治政府建设工作报告',
    '一、加强组织领导',
    '全年召开常务会议十二次。',
    '2019年工作计划',
    '一、深化改革',
    '继续推进审批制度改革。',
  ]);
  assert.deepEqual(
    plan.outline.map((n) => [n.kind, n.partKind ?? null, n.title]),
    [
      ['chapter', null, '加强组织领导'],
      ['part', 'plan', '2019年工作计划'],
    ],
  );
});

test('tables: rows beginning with 一、 are not chapters (cells joined by tabs, or a label and a row of figures), nor are (三) labels between rows', () => {
  const hz = only('other/hzq2023_working.txt');
  assert.deepEqual(
    chaptersOf(hz).map((c) => c.number),
    [1, 2, 3, 4, 5, 6],
  );
  const third = chaptersOf(hz)[2];
  assert.deepEqual(third.children, [], '（三）不予公开, （四）无法提供 label rows of the table');
  const word = fromText(
    [
      '某区人民政府2023年政府信息公开工作年度报告',
      '一、总体情况',
      '2023年，全区主动公开政府信息1136条。',
      '二、收到和处理政府信息公开申请情况',
      '\t申请人情况\t\t',
      '一、本年新收政府信息公开申请数量\t21\t0\t21',
      '二、上年结转政府信息公开申请数量\t0\t0\t0',
      '三、本年度办理结果\t\t\t',
      '四、结转下年度继续办理\t0\t0\t0',
      '三、存在的主要问题及改进情况',
      '依申请公开工作规范性还有待提高。',
    ].join('\n'),
    'table.txt',
  ).reports[0];
  assert.deepEqual(
    chaptersOf(word).map((c) => `${c.label}${c.title}`),
    ['一、总体情况', '二、收到和处理政府信息公开申请情况', '三、存在的主要问题及改进情况'],
  );
});
