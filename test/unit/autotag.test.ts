import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMatchesIn, groupBySource, headingsByParagraph, makeMatcher, matchExcerpt, matchPlace, reportYears } from '../../src/core/index.ts';
import { FLAT, fromText, load } from './helpers.ts';

const nanhai = load(FLAT);

test('reportYears: the distinct years, newest first, without nulls', () => {
  const untitled = fromText('没有年份的说明\n\n一、总体情况\n\n正文。').reports;
  assert.deepEqual(reportYears([...nanhai.reports, ...nanhai.reports, ...untitled]), [2018, 2017, 2016]);
});

test('findMatchesIn keeps each match with its source, in source order, and marks what the source already has', () => {
  const m = makeMatcher('行政复议', 'text');
  assert.ok(m.ok);
  const a = nanhai.reports.filter((r) => r.year === 2018);
  const b = nanhai.reports.filter((r) => r.year === 2016);
  const found = findMatchesIn(
    [
      { source: 'a', reports: a, existing: [] },
      { source: 'b', reports: b, existing: [] },
    ],
    m,
  );
  assert.ok(found.some((f) => f.source === 'a') && found.some((f) => f.source === 'b'));
  const firstB = found.findIndex((f) => f.source === 'b');
  assert.ok(found.slice(0, firstB).every((f) => f.source === 'a') && found.slice(firstB).every((f) => f.source === 'b'), 'grouped in source order');
  assert.ok(found.every((f) => f.match.report.year === (f.source === 'a' ? 2018 : 2016)));
  // A year filter applies across sources.
  assert.deepEqual(findMatchesIn([{ source: 'a', reports: a, existing: [] }], m, { year: 2016 }), []);
});

test('groupBySource: one group per source key, first-seen order, matches in order', () => {
  const m = makeMatcher('法治', 'text');
  assert.ok(m.ok);
  const found = findMatchesIn([{ source: { id: 'x' }, reports: nanhai.reports, existing: [] }], m);
  assert.ok(found.length >= 4);
  const mixed = found.slice(0, 4).map((f, i) => ({ source: { id: i % 2 ? 'odd' : 'even' }, match: f.match }));
  const groups = groupBySource(mixed, (s) => s.id);
  assert.deepEqual(
    groups.map((g) => g.source.id),
    ['even', 'odd'],
  );
  assert.deepEqual(groups[0].matches, [mixed[0].match, mixed[2].match]);
  assert.deepEqual(groups[1].matches, [mixed[1].match, mixed[3].match]);
});

test('matchPlace names the year, the chapter (else the part), and the title only across series', () => {
  const m = makeMatcher('行政复议', 'text');
  assert.ok(m.ok);
  const found = findMatchesIn([{ source: 's', reports: nanhai.reports, existing: [] }], m);
  const f = found.find((x) => x.match.report.year === 2017)!.match;
  const h = headingsByParagraph(f.report)[f.paragraph];
  const one = matchPlace(f, false, headingsByParagraph);
  assert.equal(one.year, 2017);
  assert.equal(one.title, null);
  assert.equal(one.heading, h.chapter || h.part);
  assert.ok(one.heading.length > 0);
  assert.equal(matchPlace(f, true, headingsByParagraph).title, f.report.title);
});

test('matchExcerpt: at most 16 characters before the match, 80 in all, ellipses where cut, code points kept whole', () => {
  const text = '前'.repeat(30) + '目标' + '后'.repeat(100);
  const r = fromText(`标题报告\n\n一、章\n\n${text}`).reports[0];
  const m = makeMatcher('目标', 'text');
  assert.ok(m.ok);
  const [f] = findMatchesIn([{ source: 's', reports: [r], existing: [] }], m);
  const e = matchExcerpt(f.match);
  assert.ok(e.startsWith('…' + '前'.repeat(16) + '目标'));
  assert.ok(e.endsWith('…'));
  assert.equal(Array.from(e).length, 81);
  const astral = { ...f.match, text: '𠀀'.repeat(20) + '目标', match: { start: 40, end: 42 } };
  assert.equal(matchExcerpt(astral), '…' + '𠀀'.repeat(16) + '目标');
});
