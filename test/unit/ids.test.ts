import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importSource, parseDate, hash32, contentKey } from '../../src/core/index.ts';
import { FLAT } from './helpers.ts';

const flat = readFileSync(FLAT, 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);

test('paragraph ids are content-derived: hash of the normalized text plus an occurrence index', () => {
  const r = importSource('x.txt', enc('某区工作报告\n\n一、甲\n\n同样的话。\n\n二、乙\n\n同样的话。\n\n\u3000\u3000同样的话。\n')).reports[0];
  const same = r.paragraphs.filter((p) => p.text === '同样的话。');
  assert.equal(same.length, 3);
  const base = `p${hash32(contentKey('同样的话。'))}`;
  assert.deepEqual(
    same.map((p) => p.id),
    [base, `${base}.1`, `${base}.2`],
  );
  assert.equal(new Set(r.paragraphs.map((p) => p.id)).size, r.paragraphs.length);
  // Every id is p and the hash's eight hex digits, leading zeros and all.
  const many = importSource('y.txt', enc(`某区工作报告\n\n${Array.from({ length: 300 }, (_, i) => `第${i}句话。`).join('\n\n')}`)).reports[0];
  assert.equal(many.paragraphs.length, 300);
  for (const p of many.paragraphs) assert.equal(p.id, `p${hash32(contentKey(p.text))}`);
  // Full-width and half-width forms share an id (NFKC).
  assert.equal(contentKey('（一）１２３'), contentKey('(一)123'));
});

test('ids stay stable when unrelated parts of a report change', () => {
  const before = importSource(FLAT, enc(flat)).reports;
  // Edit one paragraph of 2017, insert a paragraph into 2018, delete one from 2016.
  const edited = flat
    .replace('回顾过去一年的工作,南海区政府在推进法治政府建设过程中取得了显著的成效', '回顾过去一年的工作,南海区政府在推进法治政府建设过程中取得了明显的成效')
    .replace('2019年工作计划', '新插入的一段说明文字。\n\n2019年工作计划')
    .replace(/\n[^\n]*以信息技术创新公共法律服务模式[^\n]*\n/, '\n');
  const after = importSource(FLAT, enc(edited)).reports;
  for (let i = 0; i < 3; i++) {
    const a = new Set(before[i].paragraphs.map((p) => p.id));
    const b = new Set(after[i].paragraphs.map((p) => p.id));
    const lost = [...a].filter((id) => !b.has(id));
    assert.ok(lost.length <= 1, `report ${i}: at most the one changed paragraph has a new id (lost ${lost.length})`);
  }
  assert.equal(after[0].paragraphs.length, before[0].paragraphs.length + 1);
  assert.equal(after[2].paragraphs.length, before[2].paragraphs.length - 1);
  // Report ids do not change either.
  assert.deepEqual(
    after.map((r) => r.id),
    before.map((r) => r.id),
  );
});

test('dates: RFC 822, ISO-8601, local and Chinese forms; impossible dates are null', () => {
  assert.equal(parseDate('18 Jun 2019 08:19:00 GMT'), '2019-06-18T08:19:00Z');
  assert.equal(parseDate('Tue, 18 Jun 2019 08:19:00 +0800'), '2019-06-18T08:19:00+08:00');
  assert.equal(parseDate('2019-06-18T08:19:00Z'), '2019-06-18T08:19:00Z');
  assert.equal(parseDate('2017-12-20 14:59'), '2017-12-20T14:59:00');
  // A ratio's colon or a full-width one between the hours and minutes (shanghai.gov.cn's <meta name="PubDate">).
  assert.equal(parseDate('2023-08-19 10∶08'), '2023-08-19T10:08:00');
  assert.equal(parseDate('2023-08-19 10：08：30'), '2023-08-19T10:08:30');
  assert.equal(parseDate('2017年12月15日'), '2017-12-15');
  assert.equal(parseDate('２０１７年１２月１５日'), '2017-12-15');
  assert.equal(parseDate('2019-21-18 04:21:54'), null);
  assert.equal(parseDate('2019-02-29'), null);
  assert.equal(parseDate('2020-02-29'), '2020-02-29');
  assert.equal(parseDate('31 Apr 2019'), null);
  assert.equal(parseDate('2019-06-18 25:00:00'), null);
  assert.equal(parseDate('yesterday'), null);
  assert.equal(parseDate(''), null);
});

test('scanBlock (the one-pass scan of import) agrees with contentKey, cleanBlock and a parenthesis count', async () => {
  const { scanBlock, cleanBlock, hex8 } = await import('../../src/core/model/index.ts');
  const samples = [
    '（一）落实第一责任人职责，全年共９１８宗；综合纠错率４０．５％。',
    '“双随机一公开”—《纲要》、。',
    'Ａｂｃ　ｄｅｆ！？',
    '行政复议申请918宗',
    '\u2026省略号',
    '㈠括号数字',
    '①②',
    'e\u0301',
    '',
    ' 前后有空格 ',
    '两个  空格',
    '不\u00a0换行',
    '细颗粒物（PM',
    '(一)(二',
    '）浓度',
    'a)(b',
    '‚单低引号‛',
    '“引号”‘单’·—',
    'ｆｕｌｌ（ｗｉｄｔｈ',
    '（空格 在中间）',
  ];
  for (const s of samples) {
    const sc = scanBlock(s);
    assert.equal(hex8(sc.hash), hash32(contentKey(s)), `hash of “${s}”`);
    assert.equal(sc.dirty, cleanBlock(s) !== s, `dirty of “${s}”`);
    let depth = 0;
    for (const c of s) {
      if (c === '(' || c === '（') depth++;
      else if ((c === ')' || c === '）') && depth > 0) depth--;
    }
    assert.equal(sc.unclosed, depth > 0, `unclosed of “${s}”`);
  }
});

test('dates: weekday names, two-digit years, zone names, the Java Date.toString form', () => {
  assert.equal(parseDate('Tuesday, 18 Jun 2019 08:19:00 GMT'), '2019-06-18T08:19:00Z');
  assert.equal(parseDate('18 Jun 19 08:19:00 GMT'), '2019-06-18T08:19:00Z');
  assert.equal(parseDate('18 Jun 99'), '1999-06-18');
  assert.equal(parseDate('Tue, 18 Jun 2019 08:19:00 EST'), '2019-06-18T08:19:00-05:00');
  // CST is China Standard Time in Chinese feeds, Central Standard Time in RFC 822: kept as printed.
  assert.equal(parseDate('Tue, 18 Jun 2019 08:19:00 CST'), '2019-06-18T08:19:00');
  assert.equal(parseDate('Tue Jun 18 08:19:00 CST 2019'), '2019-06-18T08:19:00');
  assert.equal(parseDate('Tue Jun 31 08:19:00 CST 2019'), null);
  assert.equal(parseDate('Tue, 18 Foo 2019'), null);
});

test('dates: no space after the weekday comma, a Java date with a GMT offset', () => {
  assert.equal(parseDate('Tue,18 Jun 2019 08:19:00 GMT'), '2019-06-18T08:19:00Z');
  assert.equal(parseDate('Tue Jun 18 08:19:00 GMT+08:00 2019'), '2019-06-18T08:19:00+08:00');
});
