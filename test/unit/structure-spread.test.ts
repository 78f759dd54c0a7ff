/**
 * Short headings spread out with spaces (statistical bulletins from Word and PDF: `一、综 合`,
 * `二、农  业`, `八、金　融`) have their title without the spaces, as other years print it; the
 * heading's semantic token still covers the spread text in the document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, flattenOutline } from '../../src/core/index.ts';
import { titleSpan } from '../../src/extension/language.ts';

test('spread titles: 2–6 Chinese characters each alone between spaces are joined; anything else is left as it is', () => {
  const cases: [string, string][] = [
    ['综 合', '综合'],
    ['农  业', '农业'],
    ['金\u3000融', '金融'],
    ['固 定 资 产 投 资', '固定资产投资'],
    // Seven characters: words set out with spaces, not a justified heading.
    ['一 二 三 四 五 六 七', '一 二 三 四 五 六 七'],
    ['工业 和 建筑业', '工业 和 建筑业'],
    ['综合', '综合'],
    ['GDP 增长', 'GDP 增长'],
  ];
  const numerals = '一二三四五六七八九十';
  const blocks = cases.flatMap(([title], i) => [`${numerals[i]}、${title}`, `第${i + 1}章的正文，全年增长${i + 1}%。`]);
  const r = buildReport({ title: '某市2023年国民经济和社会发展统计公报', link: null, date: null, blocks, diagnostics: [] }, null);
  const titles = flattenOutline(r.outline)
    .map((x) => x.node)
    .filter((n) => n.kind === 'chapter')
    .map((n) => n.title);
  // The document collapses a run of spaces into one, and the title is taken from it.
  assert.deepEqual(
    titles,
    cases.map(([, want]) => want.replace(/ +/g, ' ')),
  );
});

test('a statistical bulletin’s spread chapter headings have the word as their title; the document text is unchanged', () => {
  const blocks = [
    '一、综 合',
    '全年全市地区生产总值5000亿元，比上年增长5.0%。',
    '二、农  业',
    '全年粮食种植面积1200万亩。',
    '三、工业和建筑业',
    '全年规模以上工业增加值增长6.1%。',
    '四、金\u3000融',
    '年末金融机构人民币各项存款余额8000亿元。',
  ];
  const r = buildReport({ title: '某市2023年国民经济和社会发展统计公报', link: null, date: null, blocks, diagnostics: [] }, null);
  const chapters = flattenOutline(r.outline)
    .map((x) => x.node)
    .filter((n) => n.kind === 'chapter');
  assert.deepEqual(
    chapters.map((n) => [n.label, n.title]),
    [
      ['一、', '综合'],
      ['二、', '农业'],
      ['三、', '工业和建筑业'],
      ['四、', '金融'],
    ],
  );
  assert.ok(r.text.includes('一、综 合\n'), 'the report document keeps the text as printed');
  assert.ok(
    r.paragraphs.some((p) => p.text === '二、农 业'),
    'as printed (a run of spaces is one, as everywhere in the document)',
  );
  // The semantic token of each heading covers its title as printed.
  for (const n of chapters) {
    const span = titleSpan(r.text, n.title, n.start, n.end);
    assert.ok(span, n.title);
    const printed = r.text.slice(span.at, span.at + span.length);
    assert.equal(printed.replace(/[ \u3000]/g, ''), n.title);
    assert.equal(r.text.slice(n.start, span.at), n.label, `${n.title}: the token starts after the label`);
  }
});

test('titleSpan: the title as it is first; a spread one only within the heading; none when it is not there', () => {
  const text = '一、综 合\n正文综合情况。\n二、综合\n';
  assert.deepEqual(titleSpan(text, '综合', 0, 5), { at: 2, length: 3 });
  const second = text.indexOf('二、综合') + 2;
  assert.deepEqual(titleSpan(text, '综合', second - 2, text.length), { at: second, length: 2 });
  assert.equal(titleSpan(text, '农业', 0, text.length), null);
  assert.equal(titleSpan('一、综 合', '综合x', 0, 5), null, 'only Chinese titles are looked for spread');
  // Found verbatim only past the heading's end: not this heading's.
  assert.equal(titleSpan('一、综 合x\n综合', '综合', 0, 2), null);
});
