/** ByteBudget: what the files read at once may weigh together (ReportService's reads during a scan). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteBudget } from '../../src/extension/byteBudget.ts';

/** A piece of work that runs until `finish` is called, recording when it started. */
function gate(log: string[], name: string) {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    work: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish: () => finish(),
  };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));

test('work over the budget waits until enough is given back, first come first served, and gets its result', async () => {
  const budget = new ByteBudget(10);
  const log: string[] = [];
  const a = gate(log, 'a');
  const b = gate(log, 'b');
  const c = gate(log, 'c');
  const d = gate(log, 'd');
  const pa = budget.with(6, a.work);
  const pb = budget.with(6, b.work); // 12 > 10: waits for a
  const pc = budget.with(3, c.work); // would fit (9), but b came first
  await turn();
  assert.deepEqual(log, ['start a']);
  assert.equal(budget.held, 6);
  a.finish();
  assert.equal(await pa, 'a');
  await turn();
  // a's 6 back: b (6) and then c (3) fit together.
  assert.deepEqual(log, ['start a', 'end a', 'start b', 'start c']);
  assert.equal(budget.held, 9);
  const pd = budget.with(2, d.work); // 11: waits
  await turn();
  assert.equal(log.includes('start d'), false);
  c.finish();
  await pc;
  await turn();
  assert.equal(log.includes('start d'), true);
  b.finish();
  d.finish();
  await Promise.all([pb, pd]);
  assert.equal(budget.held, 0);
});

test('a piece bigger than the whole budget runs alone, and one that fails gives its bytes back', async () => {
  const budget = new ByteBudget(10);
  const log: string[] = [];
  const small = gate(log, 'small');
  const ps = budget.with(4, small.work);
  const big = gate(log, 'big');
  const pbig = budget.with(50, big.work);
  await turn();
  assert.deepEqual(log, ['start small']);
  small.finish();
  await ps;
  await turn();
  assert.deepEqual(log, ['start small', 'end small', 'start big']);
  assert.equal(budget.held, 50);
  big.finish();
  await pbig;
  await assert.rejects(
    budget.with(8, async () => {
      throw new Error('unreadable');
    }),
    /unreadable/,
  );
  assert.equal(budget.held, 0);
  assert.equal(await budget.with(10, async () => 'fits again'), 'fits again');
});
