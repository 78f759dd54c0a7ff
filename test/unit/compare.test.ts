import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { alignCorpus } from '../../src/core/align/align.ts';
import { buildCompare, type TextCell } from '../../src/core/compare.ts';
import { ENGLISH_LABELS, escapeHtml, renderCompareHtml } from '../../src/core/compareHtml.ts';
import type { Report } from '../../src/core/index.ts';
import { byYear, chapter, fromText, load, part, FLAT } from './helpers.ts';
import { synthReport, TOPICS } from './alignHelpers.ts';

test('Compare: one chapter across three years, rows of aligned sections and paragraphs, diffs and figures', () => {
  const imp = load(FLAT);
  const al = alignCorpus(imp.reports);
  const r2018 = byYear(imp, 2018);
  const six = chapter(part(r2018, 'review'), 6);
  const { model, error } = buildCompare(al, r2018, six);
  assert.equal(error, null);
  assert.ok(model);
  assert.deepEqual(model.years, [2016, 2017, 2018]);
  assert.deepEqual(model.chapters.map((c) => c?.number), [6, 6, 6]);
  assert.equal(model.issuer, '佛山市南海区人民政府');
  for (const row of model.rows) assert.equal(row.cells.length, 3);
  // (一) 行政复议 is one section row in all three years, diffed against the year before.
  const review = model.rows.find((r) => r.kind === 'section' && r.cells.every((c) => c.kind === 'text' && c.text.includes('行政复议')));
  assert.ok(review, 'the 行政复议 section row');
  const [c16, c17, c18] = review.cells as TextCell[];
  assert.equal(c16.diff, null);
  assert.ok(c18.diff && c18.diff.some((d) => d.op === 'insert') && c18.diff.some((d) => d.op === 'equal'));
  assert.equal(c18.diff!.filter((d) => d.op !== 'delete').map((d) => d.text).join(''), c18.text);
  assert.equal(c18.diff!.filter((d) => d.op !== 'insert').map((d) => d.text).join(''), c17.text);
  assert.equal(r2018.paragraphs.find((p) => p.id === c18.paragraphId)?.line, c18.line);
  const fig = c18.figures.find((f) => f.value === 918);
  assert.ok(fig);
  assert.equal(c18.text.slice(fig.start, fig.end), '918宗');
  // Sections present in only some years get explicit no-counterpart cells.
  assert.ok(model.rows.some((r) => r.cells.some((c) => c.kind === 'none' && c.message === `No counterpart in ${c.year}`)));
  // The figures table: 综合纠错率 over the three years.
  const rate = model.figures.rows.find((r) => r.label === '综合纠错率');
  assert.deepEqual(rate?.cells.map((c) => c?.figure.value), [27.8, 26.6, 40.5]);
  assert.deepEqual(rate?.cells[2]?.change, { absolute: 13.9, percent: null });
  // The years in another order.
  const desc = buildCompare(al, r2018, six, { years: [2018, 2016] });
  assert.deepEqual(desc.model?.years, [2018, 2016]);
  assert.deepEqual(desc.model?.chapters.map((c) => c?.year), [2018, 2016]);
});

test('Compare: clear errors for a section, an unknown year, a report in no series', () => {
  const imp = load(FLAT);
  const al = alignCorpus(imp.reports);
  const r = byYear(imp, 2018);
  const sec = chapter(part(r, 'review'), 6).children[0];
  assert.match(buildCompare(al, r, sec).error ?? '', /is a section, not a chapter/);
  assert.match(buildCompare(al, r, chapter(part(r, 'review'), 1), { years: [2015] }).error ?? '', /no report for 2015; it has 2016, 2017, 2018/);
  const stray = fromText(synthReport(2017, [['强化复议监督', TOPICS.review]])).reports[0];
  assert.match(buildCompare(al, stray, chapter(part(stray, 'review'), 1)).error ?? '', /in no aligned series/);
});

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>" onmouseover="alert(4)';

function hostileReports(): Report[] {
  const chapters = (extra: string): [string, string][] => [[`强化复议监督${HOSTILE}`, `${TOPICS.review}${extra}${HOSTILE}`], ['深化普法宣传', TOPICS.law]];
  return [fromText(synthReport(2017, chapters('共收到申请10宗')), 'a.txt').reports[0], fromText(synthReport(2018, chapters('共收到申请12宗')), 'b.txt').reports[0]];
}

test('Compare HTML: hostile report text comes out as inert text; no scripts, handlers, links or inline styles', () => {
  const [y1, y2] = hostileReports();
  const al = alignCorpus([y1, y2]);
  const { model } = buildCompare(al, y2, chapter(part(y2, 'review'), 1));
  assert.ok(model);
  // Tag labels and colours are user data too.
  const html = renderCompareHtml(model, { chips: () => [{ label: `复议${HOSTILE}`, color: 'red;background:url(javascript:alert(5))' }, { label: 'ok', color: '#3a7' }] });
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the script is shown as text');
  assert.ok(html.includes('data-color="#3a7"'), 'a well-formed colour is kept');
  assert.ok(!html.includes('url(javascript'), 'a colour that is not #rgb/#rrggbb is dropped');
  const doc = parseDocument(html);
  const allowed = new Set(['section', 'h2', 'h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'mark', 'ins', 'del', 'p']);
  let elements = 0;
  const walk = (n: { type?: string; name?: string; attribs?: Record<string, string>; children?: unknown[] }) => {
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      elements++;
      assert.ok(allowed.has(n.name!), `unexpected element <${n.name}>`);
      for (const [k, v] of Object.entries(n.attribs ?? {})) {
        assert.ok(/^(class|title|tabindex|data-[a-z-]+)$/.test(k), `unexpected attribute ${k}`);
        assert.doesNotMatch(v, /^\s*javascript:/i);
      }
    }
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(doc as never);
  assert.ok(elements > 10);
  // The text read back is the report text, unchanged.
  const cellText = (model.rows[0].cells[1] as TextCell).text;
  assert.ok(cellText.includes(HOSTILE));
  assert.equal(escapeHtml(`<"'&>`), '&lt;&quot;&#39;&amp;&gt;');
  // The context-menu data is JSON that reads back to the cell's paragraph.
  const ctx = /data-vscode-context="([^"]*)"/.exec(html)![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  assert.equal(JSON.parse(ctx).webviewSection, 'paragraph');
});

test('Compare HTML: labels come from the caller, for the user\'s language', () => {
  const [y1, y2] = hostileReports();
  const { model } = buildCompare(alignCorpus([y1, y2]), y2, chapter(part(y2, 'review'), 1));
  const labels = { ...ENGLISH_LABELS, figures: '数据指标', noCounterpart: (y: number) => `${y}年无对应` };
  const html = renderCompareHtml(model!, { labels });
  assert.ok(html.includes('<h3>数据指标</h3>'));
  assert.ok(!html.includes('>Figures<'));
});
