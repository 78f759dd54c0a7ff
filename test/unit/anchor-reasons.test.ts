/**
 * Why an annotation needs review or is an orphan: Anchor.reason is English text made from the
 * message catalogue, read back into its code and arguments so that the Annotations view shows it in
 * the editor's language; and the reasons say what happened (a 12-character quote is not “short”, a
 * paragraph with the same text is not “100% similar … changed”, a rival that was taken is not
 * “almost as similar” when it is more so).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  anchorReasonProblem,
  buildReport,
  MESSAGES,
  makeTarget,
  problemText,
  reanchor,
  type Annotation,
  type MessageCode,
  type Report,
} from '../../src/core/index.ts';
import { localReason } from '../../src/extension/problems.ts';
import { fake } from './fake/vscode.ts';
import { ROOT } from './helpers.ts';

const anchorCodes = (Object.keys(MESSAGES) as MessageCode[]).filter((k) => k.startsWith('anchor'));
const format = (code: MessageCode, args: (string | number)[]) => problemText({ code, args: args.map(String) });

test('every anchor reason of the catalogue reads back into its code and arguments', () => {
  assert.ok(anchorCodes.length >= 20);
  const samples = ['86%', '24次、22次', 'r1a2b3c4', '3', '（括号）与 $& 和 {1}'];
  for (const code of anchorCodes) {
    const n = new Set(MESSAGES[code].match(/\{\d+\}/g) ?? []).size;
    for (const s of samples) {
      const args = Array.from({ length: n }, (_, i) => (i === 0 ? s : `${60 + i}%`));
      const text = format(code, args);
      assert.deepEqual(anchorReasonProblem(text), { code, args }, `${code} with ${s}`);
    }
  }
  assert.equal(anchorReasonProblem('something else'), null);
  assert.equal(anchorReasonProblem(''), null);
});

test('the Annotations view shows a reason in the editor’s language; a text that is no reason as it is', () => {
  try {
    fake.bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));
    assert.equal(localReason(format('anchorFiguresDiffer', ['24次', '22次'])), '数字不同（原为 24次；现为 22次）');
    assert.equal(localReason(format('anchorQuoteTimes', [30])), '引文出现 30 次，上下文无法确定是哪一处');
    assert.equal(localReason('not a reason'), 'not a reason');
    assert.equal(localReason(undefined), '');
    fake.bundle = {};
    assert.equal(localReason(format('anchorQuoteTimes', [30])), 'the quote occurs 30 times and its context does not tell which');
  } finally {
    fake.bundle = {};
  }
});

const T = '2026-01-01T00:00:00.000Z';
const report = (blocks: string[]) => buildReport({ title: '某区2018年法治政府建设工作报告', link: null, date: null, blocks, diagnostics: [] }, null);
function whole(r: Report, i: number, id: string): Annotation {
  const t = makeTarget(r, i);
  assert.ok(t.ok);
  return { id, report: r.id, target: t.value.target, tags: ['x'], note: '', author: '', created: T, modified: T };
}

test('re-anchoring gives only reasons of the catalogue', () => {
  const A = '全年共办理行政复议案件918宗，同比增长12%，按时办结率达到了百分之百，群众满意度明显提升，社会评价良好稳定。';
  const B = '全年共办理行政应诉案件315宗，同比增长9%，行政机关负责人出庭应诉率达到了百分之百，败诉率明显下降。';
  const old = report(['一、加强组织领导', A, B, '二、规范行政执法']);
  const edits = [
    report(['一、加强组织领导', A.replace('918', '920'), B.replace('315', '320'), '二、规范行政执法']),
    report(['一、加强组织领导', '二、规范行政执法']),
    report(['一、加强组织领导', `${A.slice(0, 30)}另外新增了一些内容。`, '二、规范行政执法']),
  ];
  let seen = 0;
  for (const r of edits) {
    for (const anchor of reanchor(r, [whole(old, 1, 'a'), whole(old, 2, 'b')])) {
      if (!anchor.reason) continue;
      seen++;
      assert.ok(anchorReasonProblem(anchor.reason), anchor.reason);
    }
  }
  assert.ok(seen >= 3, `reasons seen: ${seen}`);
});

test('a rival paragraph more similar than the one chosen, taken by another annotation, is said to be so', () => {
  // B is a near-copy of A (one figure). After the edit A's version A1 is the closest to both A (95%)
  // and B (91%); A takes it, and B gets its own, more edited version (87%): the rival was more
  // similar, not “almost as similar”.
  const A = '全年共办理行政复议案件918宗，同比增长12%，按时办结率达到了百分之百，群众满意度明显提升，社会评价良好稳定。';
  const B = A.replace('918', '919');
  const old = report(['一、加强组织领导', A, B, '二、规范行政执法']);
  const now = report(['一、加强组织领导', A.replace('稳定', '平稳'), B.replace('按时办结率达到了百分之百，', ''), '二、规范行政执法']);
  const [a, b] = reanchor(now, [whole(old, 1, 'a'), whole(old, 2, 'b')]);
  assert.equal(a.paragraph, 1);
  assert.equal(b.paragraph, 2);
  assert.equal(b.status, 'needs-review');
  const p = anchorReasonProblem(b.reason ?? '');
  assert.equal(p?.code, 'anchorBetterTaken', b.reason);
  assert.deepEqual(p?.args, ['91%', '87%']);
  assert.equal(b.reason, 'a more similar paragraph (91%) went to another annotation; this one is 87% similar');
});
