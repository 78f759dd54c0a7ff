import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chapterParts, chapterTitles, findMatches, makeMatcher } from '../../src/core/annotate/index.ts';
import { FLAT, fromText, load, SAMPLES } from './helpers.ts';

const nanhai = load(FLAT).reports;
const national = ['2018', '2019'].flatMap((y) => load(path.join(SAMPLES, `national/gwr-national-${y}.txt`)).reports);
const all = [...nanhai, ...national];
const matcher = makeMatcher('改革', 'text');
assert.ok(matcher.ok);
const where = (scope: Parameters<typeof findMatches>[2]) => findMatches(all, matcher as Extract<typeof matcher, { ok: true }>, scope);

test('chapterParts: parts say which part a chapter is in; without parts, the titles do, carried to the chapters after', () => {
  const n2019 = national.find((r) => r.year === 2019)!;
  assert.deepEqual(
    chapterParts(n2019).map((c) => [c.part, c.node.title]),
    [
      ['review', '2018年工作回顾'],
      ['plan', '2019年经济社会发展总体要求和政策取向'],
      ['plan', '2019年政府工作任务'],
    ],
  );
  const n2018 = nanhai.find((r) => r.year === 2018)!;
  assert.deepEqual(
    chapterParts(n2018).map((c) => c.part),
    [...Array(7).fill('review'), ...Array(6).fill('plan')],
  );
  const plain = fromText(
    '某区2020年工作报告\n\n一、基本情况\n\n正文。\n\n二、2020年工作回顾\n\n正文。\n\n三、经济发展\n\n正文。\n\n四、2021年工作安排\n\n正文。\n\n五、民生\n\n正文。',
  ).reports[0];
  assert.deepEqual(
    chapterParts(plain).map((c) => c.part),
    ['other', 'review', 'review', 'plan', 'plan'],
  );
});

test('scope by years and by series (a report predicate)', () => {
  const unscoped = where({});
  assert.ok(unscoped.some((m) => m.report.year === 2016) && unscoped.some((m) => m.report.type === '政府工作报告'));
  const y = where({ scope: { years: [2017, 2019] } });
  assert.ok(y.length > 0);
  assert.deepEqual([...new Set(y.map((m) => m.report.year))].sort(), [2017, 2019]);
  assert.equal(y.length, unscoped.filter((m) => m.report.year === 2017 || m.report.year === 2019).length);
  const gwr = where({ scope: { report: (r) => r.type === '政府工作报告' } });
  assert.ok(gwr.length > 0 && gwr.every((m) => m.report.type === '政府工作报告'));
  assert.equal(gwr.length, unscoped.filter((m) => m.report.type === '政府工作报告').length);
});

test('scope by part: only paragraphs of review (or plan) chapters; the two together are what the chapters hold', () => {
  const review = where({ scope: { part: 'review' } });
  const plan = where({ scope: { part: 'plan' } });
  assert.ok(review.length > 0 && plan.length > 0);
  for (const [list, kind] of [
    [review, 'review'],
    [plan, 'plan'],
  ] as const) {
    for (const m of list) {
      const c = chapterParts(m.report).find(({ node }) => m.line >= node.line && m.line <= node.endLine);
      assert.equal(c?.part, kind, `${m.report.year} ${m.text.slice(0, 20)}`);
    }
  }
  const overlap = review.filter((m) => plan.some((p) => p.report === m.report && p.paragraph === m.paragraph));
  assert.deepEqual(overlap, []);
});

test('scope by chapter title: across the years that have the chapter; titles listed with how many reports have each', () => {
  const titles = chapterTitles(nanhai);
  const shared = titles.filter((t) => t.reports > 1);
  assert.ok(shared.length > 0, 'some chapter titles repeat across the Nanhai years');
  const title = shared[0].title;
  const period = makeMatcher('。', 'text');
  assert.ok(period.ok);
  const found = findMatches(nanhai, period, { scope: { chapters: [title] } });
  assert.equal(new Set(found.map((m) => m.report.year)).size, shared[0].reports);
  for (const m of found) {
    const c = chapterParts(m.report).find(({ node }) => m.line >= node.line && m.line <= node.endLine);
    assert.equal(c?.node.title.replace(/\s+/g, ''), title);
  }
  assert.deepEqual(where({ scope: { chapters: ['没有这一章'] } }), []);
});
