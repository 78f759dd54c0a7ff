/**
 * The hostile inputs of the linear-time work (issue #12), small: each of these took time in the
 * square of its size (npm run fuzz measures that). Here only the results are checked, exactly, so
 * that each rewrite of a quadratic step reads the same as the step it replaced.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignCorpus, importSource, type OutlineNode, type SourceImport } from '../../src/core/index.ts';
import { extractFigures } from '../../src/core/compare/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const page = (body: string, title = '报告') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const rss = (items: string, channel = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://x.org/</link><description>d</description>${channel}${items}</channel></rss>`;
const cycle = (items: string[], times: number, sep: string) => Array.from({ length: times }, (_, i) => items[i % items.length]).join(sep);
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function only(imp: SourceImport) {
  assert.equal(imp.reports.length, 1, JSON.stringify(imp.diagnostics));
  return imp.reports[0];
}
const texts = (imp: SourceImport) => only(imp).paragraphs.map((p) => p.text);
const codes = (imp: SourceImport) => [...imp.diagnostics, ...imp.reports.flatMap((r) => r.diagnostics)].map((d) => d.code).sort();
const outline = (nodes: OutlineNode[]): string[] =>
  nodes.flatMap((n) => [`${n.kind} ${n.number ?? '-'} ${n.title}`, ...outline(n.children).map((s) => `  ${s}`)]);

test('3000 nested inline tags: the text and the next paragraph, with the too-deep warning', () => {
  const imp = importSource('deep.html', enc(page(`<p>${'<b>'.repeat(3000)}正文${'</b>'.repeat(3000)}</p><p>二段。</p>`)));
  assert.deepEqual(texts(imp), ['正文', '二段。']);
  assert.deepEqual(codes(imp), ['noMarkers', 'tooDeep']);
});

test('below the nesting cap, paragraphs stay apart and a script goes with its content', () => {
  const imp = importSource('deep.html', enc(page(`${'<div>'.repeat(2000)}<p>一、加强领导</p><p>正文。</p><script>alert(1)</script>${'</div>'.repeat(2000)}`)));
  assert.deepEqual(texts(imp), ['一、加强领导', '正文。']);
  assert.deepEqual(outline(only(imp).outline), ['chapter 1 加强领导']);
});

test('a feed item body nested 3000 deep is read whole', () => {
  const body = `${'<span>'.repeat(3000)}<p>一、总体情况</p><p>正文。</p>${'</span>'.repeat(3000)}`;
  const imp = importSource('f.xml', enc(rss(`<item><title>报告</title><description><![CDATA[${body}]]></description></item>`)));
  assert.deepEqual(texts(imp), ['一、总体情况', '正文。']);
});

test('a feed nested 3000 deep inside an item keeps the item', () => {
  const imp = importSource('f.xml', enc(rss(`<item><title>报告</title>${'<x>'.repeat(3000)}${'</x>'.repeat(3000)}<description>正文。</description></item>`)));
  assert.equal(imp.reports.length, 1);
  assert.equal(imp.reports[0].title, '报告');
});

test('a <title> with 20k spaces before the site name gives the title', () => {
  const imp = importSource('t.html', enc(page('<p>一、总体情况</p><p>正文内容，很多。</p>', `某县2018年工作报告${' '.repeat(20000)}_某县人民政府网`)));
  assert.equal(only(imp).title, '某县2018年工作报告');
  assert.deepEqual(texts(imp), ['一、总体情况', '正文内容，很多。']);
});

test('a run of 5000 spaces at a line break: nothing between CJK characters, one space otherwise', () => {
  const body = `<p>今年${' '.repeat(5000)}\n正文</p><p>甲${' '.repeat(5000)}x\n${' '.repeat(5000)}乙</p>`;
  const imp = importSource('f.xml', enc(rss(`<item><title>t</title><description><![CDATA[${body}]]></description></item>`)));
  assert.deepEqual(texts(imp), ['今年正文', '甲 x 乙']);
});

test('3000 share widgets among 3000 paragraphs: the widgets go, every paragraph stays', () => {
  const body = Array.from({ length: 3000 }, (_, i) => `<p>第${i}段正文，内容。</p><div class="share">分享</div>`).join('');
  const t = texts(importSource('c.html', enc(page(`<div id="zoom">${body}</div>`))));
  assert.equal(t.length, 3000);
  assert.equal(t[0], '第0段正文，内容。');
  assert.equal(t[2999], '第2999段正文，内容。');
});

test('2000 invalid channel dates: each one reported, at its own line', () => {
  const channel = Array.from({ length: 2000 }, () => '\n<pubDate>2019-21-18 99:99</pubDate>').join('');
  const imp = importSource('f.xml', enc(rss('<item><title>a</title><description>b</description></item>', channel)));
  const dates = imp.diagnostics.filter((d) => d.code === 'invalidFeedDate');
  assert.equal(dates.length, 2000);
  assert.deepEqual(dates[0].args, ['2019-21-18 99:99', 'pubDate', '2']);
  assert.deepEqual(dates[1999].args, ['2019-21-18 99:99', 'pubDate', '2001']);
});

test('an undefined entity after many CDATA sections is found, at its line', () => {
  const items = Array.from({ length: 500 }, () => '<item><title>a</title><description><![CDATA[<p>正文。</p>]]></description></item>').join('\n');
  const imp = importSource('f.xml', enc(rss(`${items}\n<item><title>&nbsp;b</title><description>c</description></item>`)));
  const u = imp.diagnostics.find((d) => d.code === 'undefinedEntities');
  assert.deepEqual(u?.args, ['&nbsp; (line 501)']);
});

test('2000 blocks of ）（ are one chain of joins: one paragraph', () => {
  const t = texts(importSource('p.html', enc(page('<p>）（</p>'.repeat(2000)))));
  // The last 40 lines, punctuation only, are the page's tail chrome; the rest is one paragraph.
  assert.deepEqual(t, ['）（'.repeat(1960)]);
});

test('adjacent lines of punctuation only are one block; one alone, and lines of figures, stay apart', () => {
  const imp = importSource(
    'j.txt',
    enc(`标题报告\n\n一、章\n\n正文一。\n（\n(\n……\n\n——\n*\n正文二。\n——\n正文三。\n1\n2\n正文四。\n${'<\n&\n'.repeat(3000)}正文五。`),
  );
  assert.deepEqual(texts(imp), ['一、章', '正文一。', '（(……——*', '正文二。', '——', '正文三。', '1', '2', '正文四。', '<&'.repeat(3000), '正文五。']);
  assert.deepEqual(outline(only(imp).outline), ['chapter 1 章']);
});

test('20k lines of one bracket are one paragraph (the last 40, punctuation at the end of a page, are chrome)', () => {
  const t = texts(importSource('b.txt', enc(`标题报告\n\n${'(\n'.repeat(20000)}`)));
  assert.deepEqual(
    t.map((x) => [x.length, x.replaceAll('(', '')]),
    [[19960, '']],
  );
});

test('2000 lines cycling 一、…十、: ten chapters, the restarts are list items', () => {
  const imp = importSource(
    'c.txt',
    enc(
      `标题报告\n\n${cycle(
        NUMERALS.map((c) => `${c}、`),
        2000,
        '\n',
      )}`,
    ),
  );
  const r = only(imp);
  assert.equal(r.paragraphs.length, 2000);
  assert.deepEqual(
    r.outline.map((n) => `${n.kind} ${n.number}`),
    NUMERALS.map((_, i) => `chapter ${i + 1}`),
  );
  assert.deepEqual(codes(imp), []);
});

test('a chain of 1000 short lines among paragraphs is joined into one', () => {
  const imp = importSource('r.txt', enc(`标题报告\n\n${'正文一句。\n\n'.repeat(2000)}${cycle(['政府', '工作', '推进'], 1000, '\n')}\n\n尾。`));
  const t = texts(imp);
  assert.equal(t.length, 2002);
  assert.equal(t[2000], cycle(['政府', '工作', '推进'], 1000, ''));
  assert.equal(t[2001], '尾。');
});

test('1000 short lines between zero-width spaces are one line again', () => {
  const imp = importSource('z.txt', enc(`标题报告\n\n${cycle(['政府', '工作', '推进'], 1000, '\n\u200b\n')}\n\n尾。`));
  assert.deepEqual(texts(imp), [cycle(['政府', '工作', '推进'], 1000, ''), '尾。']);
});

test('a title broken over 1000 lines of two characters is joined back', () => {
  const imp = importSource('t.txt', enc(`标题\n${cycle(['政府', '工作', '推进'], 1000, '\n')}\n\n正文。`));
  assert.equal(only(imp).title, `标题${cycle(['政府', '工作', '推进'], 1000, '')}`);
  assert.deepEqual(texts(imp), ['正文。']);
});

test('a flattened feed header of 2000 links, then 2000 dates: the item is the link after the dates', () => {
  const imp = importSource('f.txt', enc(`标题 ${'http://x.org/ '.repeat(2000)}描述 ${'2019-06-18 '.repeat(2000)}报告 http://x.org/1 正文\n]]>\n2019-06-18`));
  assert.equal(imp.format, 'flattened-feed');
  const r = only(imp);
  assert.equal(r.title, '报告');
  assert.equal(r.link, 'http://x.org/1');
  assert.deepEqual(texts(imp), ['正文']);
});

test('a flattened feed item after 20k blank lines is read', () => {
  const imp = importSource(
    'f.txt',
    enc(
      `标题 http://x.org/ 描述 2019-06-18 2019-06-18 报告 http://x.org/1 正文\n]]>\n2019-06-18\n${'\n'.repeat(20000)}条目 http://x.org/2 正文二\n]]>\n2019-06-19`,
    ),
  );
  assert.deepEqual(
    imp.reports.map((r) => [r.title, r.link, r.published, r.paragraphs.map((p) => p.text).join('|')]),
    [
      ['报告', 'http://x.org/1', '2019-06-18', '正文'],
      ['条目', 'http://x.org/2', '2019-06-19', '正文二'],
    ],
  );
});

test('figures: separated groups that end in four digits are separate numbers', () => {
  assert.deepEqual(
    extractFigures(`${'111,'.repeat(3000)}1111个`).map((f) => [f.text, f.value, f.unit, f.start]),
    [['1111个', 1111, '个', 12000]],
  );
  // 1234 cannot start a thousands group; 567,890 can.
  assert.deepEqual(
    extractFigures('共1234,567,890个，2,345人，3，5个').map((f) => [f.text, f.value, f.unit]),
    [
      ['567,890个', 567890, '个'],
      ['2,345人', 2345, '人'],
      ['5个', 5, '个'],
    ],
  );
});

test('a line of 3000 figures that ends in a word is no table row; one that ends in figures is', () => {
  const imp = importSource('t.txt', enc(`标题报告\n\n一、章\n\n合计 ${'12 '.repeat(3000)}个\n\n正文。\n\n二、情况 1 2 3\n\n正文。`));
  // 二、情况 1 2 3 is a table row: its 二、 labels the row, it is no chapter.
  assert.deepEqual(outline(only(imp).outline), ['chapter 1 章']);
  assert.equal(texts(imp)[1].length, 9004);
});

test('short lines that echo a long opening are the chapters', () => {
  const opening = `各位代表：\n\n今年重点是推进乡村全面振兴和稳定经济增长速度。\n\n${'其他工作也很多，不一一列举。\n\n'.repeat(3000)}`;
  const imp = importSource(
    'e.txt',
    enc(`标题报告\n\n${opening}（一）总体\n\n推进乡村全面振兴\n\n正文一。\n\n稳定经济增长速度\n\n正文二。\n\n加快建设交通设施\n\n正文三。`),
  );
  // 加快建设交通设施 is not in the opening: no chapter.
  assert.deepEqual(outline(only(imp).outline), ['section 1 总体', 'chapter - 推进乡村全面振兴', 'chapter - 稳定经济增长速度']);
  assert.deepEqual(codes(imp), ['unnumberedChapter', 'unnumberedChapter']);
});

test('我代表国务院 followed by 3000 commas: the issuer and type are read, and the years align', () => {
  const text = `各位代表：\n\n我代表国务院${'，'.repeat(3000)}向大会报告政府工作。\n\n一、回顾\n\n正文。`;
  const a = importSource('gwr-national-2018.txt', enc(text)).reports;
  const b = importSource('gwr-national-2019.txt', enc(text)).reports;
  assert.deepEqual([a[0].issuer, a[0].type, a[0].year, b[0].year], ['国务院', '政府工作报告', 2018, 2019]);
  const result = alignCorpus([...a, ...b]);
  assert.equal(result.series.length, 1);
  assert.deepEqual(
    result.links.map((l) => [l.a.report.year, l.a.node.title, l.b.report.year, l.b.node.title, l.score]),
    [[2019, '回顾', 2018, '回顾', 1]],
  );
});

test('a codebook: parent cycles found in one walk (20,000 tags in a chain read fine; a cycle named from its first tag)', async () => {
  const { parseCodebook, problemText } = await import('../../src/core/index.ts');
  const tag = (id: string, parent?: string) => ({ id, label: id.toUpperCase(), color: '#111111', ...(parent ? { parent } : {}) });
  const chain = Array.from({ length: 20_000 }, (_, i) => tag(`t${i}`, i ? `t${i - 1}` : undefined));
  const long = parseCodebook(JSON.stringify({ version: 1, tags: chain }), 'c.json');
  assert.ok(long.ok);
  assert.equal(long.value.tags.length, 20_000);
  // d leads into the cycle a → c → b → a but is not on it: the cycle is named from a, the first tag on it.
  const cyclic = parseCodebook(JSON.stringify({ version: 1, tags: [tag('d', 'a'), tag('a', 'c'), tag('b', 'a'), tag('c', 'b')] }), 'c.json');
  assert.ok(!cyclic.ok);
  assert.equal(problemText(cyclic.problem), 'c.json: tags[1].parent: the parents form a cycle: a → c → b → a');
  const selfParent = parseCodebook(JSON.stringify({ version: 1, tags: [tag('x'), tag('y', 'y')] }), 'c.json');
  assert.ok(!selfParent.ok);
  assert.equal(problemText(selfParent.problem), 'c.json: tags[1].parent: the parents form a cycle: y → y');
});
