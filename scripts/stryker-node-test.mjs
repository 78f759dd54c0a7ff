// A StrykerJS test runner that runs our node:test files inside Stryker's worker process (`testRunner:
// 'node-test'` in stryker.config.mjs), instead of one new `node --import tsx` process per test file and
// mutant as the tap runner does. The start-up of such a process (about half a second) was most of
// the time a mutant took, which made a package take hours on two cores.
//
// How it stays honest:
// - Each test is its own Stryker test, with its own coverage, so a mutant runs only the tests that
//   reach it. A test may depend on the ones before it in its file, so when a mutant's tests fail, they
//   are run again with no mutant active (the "clean check"). If the clean run fails too, the failure
//   was the order, not the mutant: the mutant is run again with every test of those files up to the
//   last one it needs, in file order, and judged by that run and its own clean check.
// - A test file is loaded afresh for every run (its module state is new); the sources under test stay
//   loaded. A mutant that leaves the sources in a bad state (a cache filled wrongly) is caught by the
//   clean check: a kill counts only when the same tests pass without the mutant, or when the process
//   was fresh before the mutant ran. Otherwise the run is refused, and Stryker retries the mutant in a
//   new process. After such a mutant the process is not used again.
// - A static mutant (module-level code, run once as a module loads) is run with the sources loaded
//   afresh while it is active, and they are loaded afresh again for its clean check and for the next
//   mutant; Stryker no longer needs a new process for each. Timeouts are Stryker's: it restarts the process.
// - The active mutant is also put in the environment, so that a test's child processes see it.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { declareClassPlugin, PluginKind, commonTokens, tokens } from '@stryker-mutator/api/plugin';
import { DryRunStatus, MutantRunStatus, TestStatus } from '@stryker-mutator/api/test-runner';
import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';

const NS = INSTRUMENTER_CONSTANTS.NAMESPACE;
const ENV = INSTRUMENTER_CONSTANTS.ACTIVE_MUTANT_ENV_VARIABLE;

/** The tests and hooks a file registers while it loads. */
let collecting = null;
const realNodeTest = createRequire(import.meta.url)('node:test');
function collector(kind) {
  return (a, b, c) => {
    if (!collecting) throw new Error(`node:test ${kind} called outside a file's loading`);
    if (kind !== 'test') {
      collecting[kind].push(typeof a === 'function' ? a : b);
      return;
    }
    let name = a;
    let options = b;
    let fn = c;
    if (typeof name === 'function') [name, options, fn] = [name.name, {}, name];
    else if (typeof options === 'function') [options, fn] = [{}, options];
    collecting.tests.push({ name: String(name), options: options ?? {}, fn });
    return Promise.resolve();
  };
}
const shim = {
  ...realNodeTest,
  test: collector('test'),
  it: collector('test'),
  before: collector('before'),
  after: collector('after'),
  beforeEach: collector('beforeEach'),
  afterEach: collector('afterEach'),
};
shim.default = shim.test;
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'node:test' || request === 'test') return shim;
  return originalLoad.call(this, request, ...rest);
};

/** Calls a test or hook function, with a callback if it takes one. */
function call(fn, ctx) {
  if (fn.length >= 2) return new Promise((resolve, reject) => fn(ctx, (err) => (err ? reject(err) : resolve())));
  return fn(ctx);
}

const message = (err) => (err instanceof Error ? `${err.name}: ${err.message}${process.env.ANNALS_MUTATE_DEBUG ? `\n${err.stack}` : ''}` : String(err));

class NodeTestRunner {
  static inject = tokens(commonTokens.options, commonTokens.logger);
  constructor(options, log) {
    this.log = log;
    const tap = options.tap ?? {};
    this.files = (tap.testFiles ?? []).map((f) => path.resolve(f));
    // The modules that stay loaded between runs (the sources under test): nodeTest.keep, default src/core.
    this.keep = (options.nodeTest?.keep ?? ['src/core/']).map((k) => path.resolve(k) + (k.endsWith('/') ? path.sep : ''));
    // The set-up modules of tap.nodeArgs (`--import ./x.mjs`), loaded from the sandbox in init(): Stryker
    // starts its worker in the project and only then changes to the sandbox, so a relative
    // --import on the worker's command line would load the project's copy, not the sandbox's.
    const args = tap.nodeArgs ?? [];
    this.setup = args.flatMap((a, i) => (args[i - 1] === '--import' && a.startsWith('.') ? [path.resolve(a)] : []));
    this.require = createRequire(path.resolve('package.json'));
    this.loads = 0;
    /** No mutant has run in this process yet. */
    this.fresh = true;
    /** Load the kept sources afresh with the next test file (a static mutant's run, or the run after one). */
    this.reloadKept = false;
    /** A mutant left the sources in a state the clean check refused: do not run another here. */
    this.spoilt = false;
    this.uncaught = null;
    process.on('uncaughtException', (err) => {
      this.uncaught ??= err;
    });
    process.on('unhandledRejection', (err) => {
      this.uncaught ??= err;
    });
  }

  async init() {
    for (const file of this.setup) await import(pathToFileURL(file).href);
  }

  capabilities() {
    return { reloadEnvironment: true };
  }

  ns() {
    globalThis[NS] ??= {};
    return globalThis[NS];
  }

  /**
   * Loads a test file afresh: its tests and hooks. So that files do not see each other's state, as in
   * their own processes, every module but the core's and node_modules' is loaded afresh too (the test
   * helpers, the stand-in for vscode, the extension's modules).
   */
  load(file) {
    const reload = this.reloadKept;
    this.reloadKept = false;
    for (const name of Object.keys(this.require.cache)) {
      if ((reload || !this.keep.some((k) => name.startsWith(k))) && !name.includes(`${path.sep}node_modules${path.sep}`)) delete this.require.cache[name];
    }
    collecting = { tests: [], before: [], after: [], beforeEach: [], afterEach: [] };
    try {
      this.require(file);
      return collecting;
    } finally {
      collecting = null;
    }
  }

  key(file, i) {
    return `${path.relative(process.cwd(), file)}#${i}`;
  }

  id(file, i, name) {
    return `${this.key(file, i)} ${name}`;
  }

  /**
   * Runs tests of files: `pick(file, i)` says which. Returns the results, in order; with `bail`, it stops
   * at the first failure. Test ids are set for coverage.
   */
  async run(pick, bail) {
    const ns = this.ns();
    const results = [];
    for (const file of this.files) {
      if (!pick(file, -1)) continue;
      let loaded;
      try {
        loaded = this.load(file);
      } catch (err) {
        results.push({
          id: this.id(file, -1, '(load)'),
          name: `${file} (load)`,
          status: TestStatus.Failed,
          failureMessage: message(err),
          timeSpentMs: 0,
          fileName: file,
        });
        if (bail) return results;
        continue;
      }
      const chosen = loaded.tests.map((_, i) => pick(file, i));
      if (!chosen.some(Boolean)) continue;
      let failedHook = null;
      for (const h of loaded.before) {
        try {
          await call(h, {});
        } catch (err) {
          failedHook ??= err;
        }
      }
      for (let i = 0; i < loaded.tests.length; i++) {
        if (!chosen[i]) continue;
        const t = loaded.tests[i];
        const id = this.id(file, i, t.name);
        if (t.options.skip || t.options.todo) {
          results.push({ id, name: t.name, status: TestStatus.Skipped, timeSpentMs: 0, fileName: file });
          continue;
        }
        ns.currentTestId = id;
        this.uncaught = null;
        const afters = [];
        const ctx = {
          name: t.name,
          signal: new AbortController().signal,
          after: (fn) => afters.push(fn),
          diagnostic: () => {},
          skip: () => {},
          todo: () => {},
          plan: () => {},
          mock: realNodeTest.mock,
        };
        const t0 = performance.now();
        let error = failedHook;
        try {
          for (const h of loaded.beforeEach) await call(h, ctx);
          if (!error) await call(t.fn, ctx);
        } catch (err) {
          error ??= err;
        }
        for (const a of afters.reverse()) {
          try {
            await a();
          } catch (err) {
            error ??= err;
          }
        }
        for (const h of loaded.afterEach) {
          try {
            await call(h, ctx);
          } catch (err) {
            error ??= err;
          }
        }
        // An error thrown later by something the test started counts against it.
        await new Promise((r) => setImmediate(r));
        error ??= this.uncaught;
        ns.currentTestId = undefined;
        const timeSpentMs = performance.now() - t0;
        results.push(
          error
            ? { id, name: t.name, status: TestStatus.Failed, failureMessage: message(error), timeSpentMs, fileName: file }
            : { id, name: t.name, status: TestStatus.Success, timeSpentMs, fileName: file },
        );
        if (error && bail) break;
      }
      for (const h of loaded.after) {
        try {
          await call(h, {});
        } catch {
          // An after hook's failure is the file's, not a test's.
        }
      }
      if (bail && results.some((r) => r.status === TestStatus.Failed)) break;
    }
    return results;
  }

  async dryRun(options) {
    const ns = this.ns();
    ns.mutantCoverage = { static: {}, perTest: {} };
    const only = options.testFiles?.map((f) => path.resolve(f));
    const tests = await this.run((file) => !only || only.includes(file), false);
    const failed = tests.filter((t) => t.status === TestStatus.Failed);
    if (failed.length) this.log.error(`Failed in the dry run: ${failed.map((t) => `${t.id}: ${t.failureMessage}`).join('\n')}`);
    const mutantCoverage = ns.mutantCoverage;
    return { status: DryRunStatus.Complete, tests, mutantCoverage };
  }

  /** Picks the filtered tests (all when no filter), or with `prefix` every test up to each file's last filtered one. */
  picker(filter, prefix) {
    if (!filter) return () => true;
    const wanted = new Map();
    for (const id of filter) {
      const m = /^(.*)#(-?\d+) /.exec(id);
      if (!m) continue;
      const file = path.resolve(m[1]);
      const list = wanted.get(file) ?? new Set();
      list.add(Number(m[2]));
      wanted.set(file, list);
    }
    return (file, i) => {
      const list = wanted.get(file);
      if (!list) return false;
      if (i < 0) return true;
      return prefix ? i <= Math.max(...list) : list.has(i);
    };
  }

  async withMutant(id, hitLimit, fn) {
    const ns = this.ns();
    ns.activeMutant = id;
    process.env[ENV] = id;
    if (hitLimit !== undefined) {
      ns.hitLimit = hitLimit;
      ns.hitCount = 0;
    }
    try {
      return await fn();
    } finally {
      ns.activeMutant = undefined;
      delete process.env[ENV];
      ns.hitCount = undefined;
      ns.hitLimit = undefined;
    }
  }

  async mutantRun(options) {
    if (this.spoilt) throw new Error('a previous mutant left this process in a bad state: run in a new one');
    const ns = this.ns();
    delete ns.mutantCoverage;
    const bail = !options.disableBail;
    const id = options.activeMutant.id;
    // A static mutant shows only in sources loaded while it is active; after it, they are loaded again.
    const reload = Boolean(options.reloadEnvironment);
    const attempt = async (pick) => {
      if (reload) this.reloadKept = true;
      let hits;
      const results = await this.withMutant(id, options.hitLimit, async () => {
        const r = await this.run(pick, bail);
        hits = ns.hitCount;
        return r;
      });
      if (options.hitLimit !== undefined && hits > options.hitLimit) return { timeout: `Hit limit reached (${hits}/${options.hitLimit})` };
      return { results };
    };
    const wasFresh = this.fresh;
    this.fresh = false;
    const judge = async (pick) => {
      const run = await attempt(pick);
      if (run.timeout) {
        // The hit limit stopped a loop somewhere in the sources: do not trust this process after it.
        this.spoilt = true;
        return { status: MutantRunStatus.Timeout, reason: run.timeout };
      }
      const failed = run.results.filter((t) => t.status === TestStatus.Failed);
      const nrOfTests = run.results.filter((t) => t.status !== TestStatus.Skipped).length;
      if (!failed.length) return { status: MutantRunStatus.Survived, nrOfTests };
      // The clean check: the same tests, in the same order, without the mutant.
      const ran = new Set(run.results.map((t) => t.id.slice(0, t.id.indexOf(' '))));
      if (reload) this.reloadKept = true;
      const clean = await this.run((file, i) => (i < 0 ? pick(file, i) : ran.has(this.key(file, i))), false);
      const cleanFailed = clean.some((t) => t.status === TestStatus.Failed);
      return { status: MutantRunStatus.Killed, killedBy: [failed[0].id], failureMessage: failed[0].failureMessage, nrOfTests, cleanFailed };
    };
    let result = await judge(this.picker(options.testFilter, false));
    if (result.status === MutantRunStatus.Killed && result.cleanFailed && options.testFilter) {
      // The failure may be the order: run every test up to the last one needed, in file order.
      result = await judge(this.picker(options.testFilter, true));
    }
    delete ns.mutantCoverage;
    if (reload) this.reloadKept = true;
    if (result.status === MutantRunStatus.Killed && result.cleanFailed) {
      // Without the mutant the tests fail too: the sources' state is bad. When the process was fresh
      // before this mutant, the mutant did it (a kill, or its timeout); otherwise retry in a new process.
      this.spoilt = true;
      if (!wasFresh) throw new Error('the tests fail without the mutant: retry in a new process');
    }
    const { cleanFailed: _c, ...out } = result;
    return out;
  }

  async dispose() {}
}

export { NodeTestRunner };
export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'node-test', NodeTestRunner)];
