/**
 * The in-process mutation test runner (scripts/stryker-node-test.mjs) judges a mutant as the tests
 * would in their own process: a test that fails only because the test before it did not run is not a
 * kill; a mutant that spoils state the sources keep is a kill only in a fresh process, and the process
 * is not used after it. The fixture (test/fixtures/stryker-runner) stands in for an instrumented
 * source: it reads the active mutant as Stryker's instrumentation does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT } from './helpers.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/stryker-runner/order.test.cjs');
const quiet = { error: () => {}, info: () => {}, debug: () => {}, isDebugEnabled: () => false };

async function runner(keep = ['test/fixtures/stryker-runner/source.cjs']) {
  const mod = (await import(path.join(ROOT, 'scripts/stryker-node-test.mjs'))) as { NodeTestRunner: new (o: unknown, l: unknown) => any };
  // The stand-in source keeps its spoilt cache between runners, as a process would: load it afresh.
  for (const k of Object.keys(require.cache)) if (k.includes('stryker-runner')) delete require.cache[k];
  const r = new mod.NodeTestRunner({ tap: { testFiles: [path.relative(process.cwd(), FIXTURE)] }, nodeTest: { keep } }, quiet);
  await r.init();
  return r;
}

const run = (r: any, id: string, testFilter: string[] | undefined, reloadEnvironment = false) =>
  r.mutantRun({
    activeMutant: { id },
    testFilter,
    timeout: 10_000,
    disableBail: false,
    hitLimit: undefined,
    mutantActivation: reloadEnvironment ? 'static' : 'runtime',
    reloadEnvironment,
  });

test('the dry run reports each test with its own coverage', async () => {
  const r = await runner();
  const dry = await r.dryRun({ timeout: 10_000, disableBail: false, coverageAnalysis: 'perTest' });
  assert.equal(dry.status, 'complete');
  assert.deepEqual(
    dry.tests.map((t: any) => [t.name, t.status]),
    [
      ['first: sets up what the second needs', 0],
      ['second: needs the first', 0],
    ],
  );
  assert.deepEqual(
    Object.keys(dry.mutantCoverage.perTest),
    dry.tests.map((t: any) => t.id),
  );
});

test('a test that fails only without the test before it does not kill; a real change does', async () => {
  const r = await runner();
  const dry = await r.dryRun({ timeout: 10_000, disableBail: false, coverageAnalysis: 'perTest' });
  const second = dry.tests[1].id;
  // Mutant 3 changes nothing: run alone, the second test fails (it needs the first), and so does its clean run.
  assert.deepEqual(await run(r, '3', [second]), { status: 'survived', nrOfTests: 2 });
  const killed = await run(r, '1', [second]);
  assert.equal(killed.status, 'killed');
  assert.deepEqual(killed.killedBy, [second]);
  assert.match(killed.failureMessage, /AssertionError/);
});

test('a mutant that spoils kept state: a kill in a fresh process, a retry elsewhere otherwise, and the process is not used again', async () => {
  const fresh = await runner();
  const ids = (await fresh.dryRun({ timeout: 10_000, disableBail: false, coverageAnalysis: 'perTest' })).tests.map((t: any) => t.id);
  const first = await run(fresh, '2', ids);
  assert.equal(first.status, 'killed');
  await assert.rejects(run(fresh, '3', ids), /bad state/);

  const used = await runner();
  await used.dryRun({ timeout: 10_000, disableBail: false, coverageAnalysis: 'perTest' });
  assert.equal((await run(used, '3', ids)).status, 'survived');
  await assert.rejects(run(used, '2', ids), /retry in a new process/);
});

test('with fresh sources (nodeTest.keep empty), each file loads the source anew: the spoiling mutant is a plain kill and the process goes on', async () => {
  const r = await runner([]);
  const ids = (await r.dryRun({ timeout: 10_000, disableBail: false, coverageAnalysis: 'perTest' })).tests.map((t: any) => t.id);
  assert.equal((await run(r, '3', ids)).status, 'survived');
  assert.equal((await run(r, '2', ids)).status, 'killed');
  assert.equal((await run(r, '3', ids)).status, 'survived');
});

test('a static mutant runs in sources loaded while it is active, and the next mutant gets clean ones, in the same process', async () => {
  const r = await runner();
  assert.deepEqual(r.capabilities(), { reloadEnvironment: true });
  await r.dryRun({ timeout: 10_000, disableBail: false, coverageAnalysis: 'perTest' });
  // Without a reload, the module-level constant was computed before the mutant: nothing shows.
  assert.equal((await run(r, '4', undefined)).status, 'survived');
  const killed = await run(r, '4', undefined, true);
  assert.equal(killed.status, 'killed');
  assert.match(killed.failureMessage, /AssertionError/);
  // Its clean check passed (sources loaded again without it), so the process goes on, and the next mutant
  // sees the constant as it is.
  assert.equal((await run(r, '3', undefined)).status, 'survived');
  assert.equal((await run(r, '1', undefined)).status, 'killed');
});
