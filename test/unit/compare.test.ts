import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { alignCorpus } from '../../src/core/align/index.ts';
import { buildCompare, type CompareCell, type TextCell } from '../../src/core/compare/index.ts';
import { ENGLISH_LABELS, escapeHtml, renderCompareHtml } from '../../src/core/compare/index.ts';
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
  assert.deepEqual(
    model.chapters.map((c) => c?.number),
    [6, 6, 6],
  );
  assert.equal(model.issuer, '佛山市南海区人民政府');
  for (const row of rowsOf(model)) assert.equal(row.cells.length, 3);
  // (一) 行政复议 is one section row in all three years, diffed against the year before.
  const review = rowsOf(model).find((r) => r.kind === 'section' && r.cells.every((c) => c.kind === 'text' && c.text.includes('行政复议')));
  assert.ok(review, 'the 行政复议 section row');
  const [c16, c17, c18] = review.cells as TextCell[];
  assert.equal(c16.diff, null);
  assert.ok(c18.diff?.some((d) => d.op === 'insert') && c18.diff.some((d) => d.op === 'equal'));
  assert.equal(
    c18
      .diff!.filter((d) => d.op !== 'delete')
      .map((d) => d.text)
      .join(''),
    c18.text,
  );
  assert.equal(
    c18
      .diff!.filter((d) => d.op !== 'insert')
      .map((d) => d.text)
      .join(''),
    c17.text,
  );
  assert.equal(r2018.paragraphs.find((p) => p.id === c18.paragraphId)?.line, c18.line);
  const fig = c18.figures.find((f) => f.value === 918);
  assert.ok(fig);
  assert.equal(c18.text.slice(fig.start, fig.end), '918宗');
  // Sections present in only some years get explicit no-counterpart cells.
  assert.ok(rowsOf(model).some((r) => r.cells.some((c) => c.kind === 'none' && c.message === `No counterpart in ${c.year}`)));
  // The figures table: 综合纠错率 over the three years.
  const rate = model.figures.rows.find((r) => r.label === '综合纠错率');
  assert.deepEqual(
    rate?.cells.map((c) => c?.figure.value),
    [27.8, 26.6, 40.5],
  );
  assert.deepEqual(rate?.cells[2]?.change, { absolute: 13.9, percent: null });
  // Each row says its kind (a reported rate is a result), in a column of its own.
  assert.equal(rate?.kind, 'result');
  const table = renderCompareHtml(model, { figuresOpen: true });
  assert.match(table, /<th>Unit<\/th><th>Kind<\/th><th>2016<\/th>/);
  assert.match(table, /<th class="fig-label"[^>]*>综合纠错率<\/th><td>%<\/td><td class="kind result">result<\/td>/);
  // The years in another order.
  const desc = buildCompare(al, r2018, six, { years: [2018, 2016] });
  assert.deepEqual(desc.model?.years, [2018, 2016]);
  assert.deepEqual(
    desc.model?.chapters.map((c) => c?.year),
    [2018, 2016],
  );
});

test('Compare: clear errors for a section, an unknown year, a report in no series', () => {
  const imp = load(FLAT);
  const al = alignCorpus(imp.reports);
  const r = byYear(imp, 2018);
  const sec = chapter(part(r, 'review'), 6).children[0];
  assert.equal(buildCompare(al, r, sec).model?.scope, 'section');
  assert.match(buildCompare(al, r, chapter(part(r, 'review'), 1), { years: [2015] }).error ?? '', /no report for 2015; it has 2016, 2017, 2018/);
  const stray = fromText(synthReport(2017, [['强化复议监督', TOPICS.review]])).reports[0];
  assert.match(buildCompare(al, stray, chapter(part(stray, 'review'), 1)).error ?? '', /in no aligned series/);
});

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>" onmouseover="alert(4)';

function hostileReports(): Report[] {
  const chapters = (extra: string): [string, string][] => [
    [`强化复议监督${HOSTILE}`, `${TOPICS.review}${extra}${HOSTILE}`],
    ['深化普法宣传', TOPICS.law],
  ];
  return [
    fromText(synthReport(2017, chapters('共收到申请10宗')), 'a.txt').reports[0],
    fromText(synthReport(2018, chapters('共收到申请12宗')), 'b.txt').reports[0],
  ];
}

test('Compare HTML: hostile report text comes out as inert text; no scripts, handlers, links or inline styles', () => {
  const [y1, y2] = hostileReports();
  const al = alignCorpus([y1, y2]);
  const { model } = buildCompare(al, y2, chapter(part(y2, 'review'), 1));
  assert.ok(model);
  // Tag labels and colours are user data too.
  const html = renderCompareHtml(model, {
    chips: () => [
      { label: `复议${HOSTILE}`, color: 'red;background:url(javascript:alert(5))' },
      { label: 'ok', color: '#3a7' },
    ],
  });
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the script is shown as text');
  assert.ok(html.includes('data-color="#3a7"'), 'a well-formed colour is kept');
  assert.ok(!html.includes('url(javascript'), 'a colour that is not #rgb/#rrggbb is dropped');
  const doc = parseDocument(html);
  const allowed = new Set([
    'section',
    'h2',
    'div',
    'details',
    'summary',
    'button',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
    'mark',
    'ins',
    'del',
    'p',
  ]);
  let elements = 0;
  const walk = (n: { type?: string; name?: string; attribs?: Record<string, string>; children?: unknown[] }) => {
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      elements++;
      assert.ok(allowed.has(n.name!), `unexpected element <${n.name}>`);
      for (const [k, v] of Object.entries(n.attribs ?? {})) {
        assert.ok(/^(class|title|tabindex|hidden|open|type|aria-(expanded|description)|data-[a-z-]+)$/.test(k), `unexpected attribute ${k}`);
        assert.doesNotMatch(v, /^\s*javascript:/i);
      }
    }
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(doc as never);
  assert.ok(elements > 10);
  // The text read back is the report text, unchanged.
  // (The chapter heading is not a row; the body paragraph is.)
  const cellText = (rowsOf(model).find((r) => r.kind === 'paragraph' && (r.cells[1] as TextCell).text.startsWith(TOPICS.review))!.cells[1] as TextCell).text;
  assert.ok(cellText.includes(HOSTILE));
  assert.equal(escapeHtml(`<"'&>`), '&lt;&quot;&#39;&amp;&gt;');
  // The context-menu data is JSON that reads back to the cell's paragraph.
  const ctx = /data-vscode-context="([^"]*)"/
    .exec(html.slice(html.indexOf('<td')))![1]
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  assert.equal(JSON.parse(ctx).webviewSection, 'paragraph');
});

test("Compare HTML: labels come from the caller, for the user's language", () => {
  const [y1, y2] = hostileReports();
  const { model } = buildCompare(alignCorpus([y1, y2]), y2, chapter(part(y2, 'review'), 1));
  const labels = { ...ENGLISH_LABELS, figures: '数据指标', noCounterpart: (y: number) => `${y}年无对应` };
  const html = renderCompareHtml(model!, { labels });
  assert.ok(html.includes('<summary>数据指标 <span class="count">'));
  assert.ok(!html.includes('>Figures<'));
});

/** The rows with the collapsed runs expanded, in order. */
function rowsOf(m: NonNullable<ReturnType<typeof buildCompare>['model']>) {
  return m.rows.flatMap((r) => (r.kind === 'collapsed' ? r.rows : [r]));
}

/** The cells of a row as text (or null for no counterpart), in the model's year order. */
const texts = (r: { cells: CompareCell[] }) => r.cells.map((c) => (c.kind === 'text' ? c.text : null));

test('Compare: the chapter heading is the column header, never a row (Nanhai 2018 chapter 一)', () => {
  const imp = load(FLAT);
  const al = alignCorpus(imp.reports);
  const r2018 = byYear(imp, 2018);
  const { model } = buildCompare(al, r2018, chapter(part(r2018, 'review'), 1));
  assert.ok(model);
  assert.deepEqual(
    model.chapters.map((c) => c?.title),
    ['科学统筹,编制法治政府建设新蓝图', '区委区政府高度重视,统筹推进法治政府建设工作', '加强统筹督导,高质量推进法治政府建设工作'],
  );
  for (const row of rowsOf(model))
    for (const c of row.cells) if (c.kind === 'text') assert.doesNotMatch(c.text, /^一、/, `a chapter heading in a ${row.kind} row`);
  // The first row is a section row, and every year's chapter has content rows.
  assert.equal(rowsOf(model)[0].kind, 'section');
  for (let k = 0; k < 3; k++) assert.ok(rowsOf(model).some((r) => r.cells[k].kind === 'text'));
});

test('Compare: sections are rows of aligned headings, followed by their aligned paragraphs (Nanhai 2018 chapter 一)', () => {
  const imp = load(FLAT);
  const al = alignCorpus(imp.reports);
  const r2018 = byYear(imp, 2018);
  const { model } = buildCompare(al, r2018, chapter(part(r2018, 'review'), 1));
  assert.ok(model);
  // 2016 (四), 2017 (二) and 2018 (二) are linked sections: one section row of their headings, even
  // though 2018's paragraph is not linked to 2017's.
  const at = rowsOf(model).findIndex((r) => r.kind === 'section' && (r.cells[2] as TextCell).text?.startsWith('(二)以年度要点'));
  assert.ok(at >= 0);
  assert.deepEqual(texts(rowsOf(model)[at]), [
    '(四)编制并落实年度依法行政工作要点。',
    '(二)编制并推动落实年度依法行政工作要点。',
    '(二)以年度要点为导向强化统筹推进工作。',
  ]);
  const [h16, h17] = rowsOf(model)[at].cells as TextCell[];
  assert.equal(h16.score, null);
  assert.ok(h17.score !== null && h17.score > 0.5, 'the section link score');
  assert.ok(h17.diff?.some((d) => d.op === 'insert'));
  // Then the bodies that ran on after those headings, as paragraph rows: 2016 with 2017, 2018 alone.
  const body = rowsOf(model).slice(at + 1, at + 3);
  assert.ok(body.every((r) => r.kind === 'paragraph'));
  const pair = body.find((r) => r.cells[0].kind === 'text')!;
  assert.ok(pair.cells[1].kind === 'text' && pair.cells[2].kind === 'none');
  for (const c of pair.cells.filter((x): x is TextCell => x.kind === 'text')) {
    assert.match(c.text, /^根据《广东省法治政府建设指标体系/);
    const report = byYear(imp, c.year);
    const p = report.paragraphs.find((x) => x.id === c.paragraphId)!;
    assert.equal(p.text.slice(c.offset), c.text, 'the body is the paragraph after its heading');
    assert.ok(c.offset > 0);
  }
  // No section heading cell holds its body, and no body cell repeats its heading.
  for (const r of rowsOf(model))
    for (const c of r.cells) if (c.kind === 'text' && r.kind === 'paragraph') assert.doesNotMatch(c.text, /^[（(][一二三四五六七八九十]+[)）]/);
  // Sections only in older years sit next to their neighbours there: 2016's (二) and (三) after (一), before (四).
  const order = rowsOf(model)
    .filter((r) => r.kind === 'section' && r.cells[0].kind === 'text')
    .map((r) => (r.cells[0] as TextCell).text.slice(0, 3));
  assert.deepEqual(order, ['(一)', '(二)', '(三)', '(四)', '切实做']);
});

test('Compare: chapter 六 of Nanhai, 行政复议 heading row then its body with 597 / 657 / 898', () => {
  const imp = load(FLAT);
  const al = alignCorpus(imp.reports);
  const r2018 = byYear(imp, 2018);
  const { model } = buildCompare(al, r2018, chapter(part(r2018, 'review'), 6));
  assert.ok(model);
  const at = rowsOf(model).findIndex((r) => r.kind === 'section' && r.cells.every((c) => c.kind === 'text' && c.text.includes('行政复议')));
  assert.equal(at, 0);
  const body = rowsOf(model)[1];
  assert.equal(body.kind, 'paragraph');
  const values = (body.cells as TextCell[]).map((c) => c.figures.map((f) => f.value));
  assert.ok(values[0].includes(597) && values[1].includes(657) && values[2].includes(898));
  // Figure offsets are in the cell's text.
  for (const c of body.cells as TextCell[]) for (const f of c.figures) assert.match(c.text.slice(f.start, f.end), /^[0-9.]+/);
});

test('Compare (synthetic): a chapter heading running into its body keeps the body; sections keep their order', () => {
  const sections = (a: string, b: string, c: string) => `(一)强化行政复议。${a}\n\n(二)推进普法宣传。${b}\n\n(三)规范行政执法。${c}`;
  const y2017 = fromText(
    `南海区2017年度法治政府建设工作报告\n\n2017年法治政府建设工作情况\n\n一、统筹推进法治政府建设。${TOPICS.decision}\n\n${sections(TOPICS.review, TOPICS.law, TOPICS.enforce)}\n`,
    'a.txt',
  ).reports[0];
  // 2018: the chapter heading has no body; 普法 is dropped; 执法 comes first.
  const y2018 = fromText(
    `南海区2018年度法治政府建设工作报告\n\n2018年法治政府建设工作情况\n\n一、统筹推进法治政府建设\n\n(一)规范行政执法。${TOPICS.enforce}\n\n(二)强化行政复议。${TOPICS.review}\n`,
    'b.txt',
  ).reports[0];
  const al = alignCorpus([y2017, y2018]);
  const { model } = buildCompare(al, y2018, chapter(part(y2018, 'review'), 1));
  assert.ok(model);
  const rows = rowsOf(model).map((r) => [r.kind, ...texts(r).map((t) => t?.slice(0, 10) ?? null)]);
  assert.deepEqual(rows, [
    // The 2017 heading's body, without the heading; 2018's heading-only block is no row at all.
    ['paragraph', TOPICS.decision.slice(0, 10), null],
    ['section', '(三)规范行政执法。', '(一)规范行政执法。'],
    ['paragraph', TOPICS.enforce.slice(0, 10), TOPICS.enforce.slice(0, 10)],
    ['section', '(一)强化行政复议。', '(二)强化行政复议。'],
    ['paragraph', TOPICS.review.slice(0, 10), TOPICS.review.slice(0, 10)],
    ['section', '(二)推进普法宣传。', null],
    ['paragraph', TOPICS.law.slice(0, 10), null],
  ]);
  const intro = rowsOf(model)[0].cells[0] as TextCell;
  assert.equal(intro.offset, '一、统筹推进法治政府建设。'.length);
  assert.equal(y2017.paragraphs.find((p) => p.id === intro.paragraphId)!.text.slice(intro.offset), intro.text);
  // The figures of the split paragraphs are all in the table, in their sections.
  assert.deepEqual(
    model.figures.rows.find((r) => r.label === '行政复议申请')?.cells.map((c) => c?.figure.value),
    [918, 918],
  );
  // The HTML marks section rows.
  assert.equal((renderCompareHtml(model).match(/class="row section[ "]/g) ?? []).length, 3);
});

test('Compare: the figures table of Nanhai chapter 六 has sensible labels; unlabelled figures stay marked in the text', () => {
  const imp = load(FLAT);
  const al = alignCorpus(imp.reports);
  const r2018 = byYear(imp, 2018);
  const { model } = buildCompare(al, r2018, chapter(part(r2018, 'review'), 6));
  assert.ok(model);
  const row = (label: string) => model.figures.rows.find((r) => r.label === label)?.cells.map((c) => c?.figure.value ?? null);
  assert.deepEqual(row('行政复议申请'), [597, 657, 918]);
  assert.deepEqual(row('复议决定维持占比'), [70.1, 69.9, 58.2]);
  assert.deepEqual(row('综合纠错率'), [27.8, 26.6, 40.5]);
  assert.deepEqual(row('行政复议告知'), [null, null, 4]);
  for (const r of model.figures.rows) {
    assert.ok(r.label.length >= 2 && r.label.length <= 16, `label ${r.label}`);
    assert.doesNotMatch(r.label, /^(?:对|次对|个镇街|年结余)/);
  }
  // 对522宗 has no label, so no table row, but it is still a figure in its cell.
  const cells = rowsOf(model)
    .flatMap((r) => r.cells)
    .filter((c): c is TextCell => c.kind === 'text' && c.year === 2018);
  const marked = cells.flatMap((c) => c.figures).find((f) => f.value === 522);
  assert.equal(marked?.label, '');
  assert.ok(!model.figures.rows.some((r) => r.cells[2]?.figure.value === 522));
  assert.ok(renderCompareHtml(model).includes('title="—: 522 宗"'));
});

test('Compare: leaving a year out keeps the rows aligned through it; repeated years are shown once', () => {
  const imp = load(FLAT);
  const al = alignCorpus(imp.reports);
  const r2018 = byYear(imp, 2018);
  const ch = chapter(part(r2018, 'review'), 1);
  const all = buildCompare(al, r2018, ch).model!;
  const some = buildCompare(al, r2018, ch, { years: [2016, 2018, 2018] }).model!;
  assert.deepEqual(some.years, [2016, 2018]);
  const spanning = (m: typeof all, a: number, b: number) => rowsOf(m).filter((r) => r.cells[a].kind === 'text' && r.cells[b].kind === 'text').length;
  // Rows that hold text in both 2016 and 2018: as many without 2017 as with it.
  assert.ok(spanning(all, 0, 2) > 0);
  assert.equal(spanning(some, 0, 1), spanning(all, 0, 2));
  // The diff runs against the previous shown year; a score only joins adjacent years.
  const row = rowsOf(some).find((r) => r.cells[0].kind === 'text' && r.cells[1].kind === 'text')!;
  const c2018 = row.cells[1] as TextCell;
  assert.ok(c2018.diff, 'diffed against 2016');
  assert.equal(c2018.score, null, '2016 and 2018 are not linked directly');
});
