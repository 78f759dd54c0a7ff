/**
 * The real-editor harness: packages Annals as a VSIX, installs it into a fresh code-server
 * (VS Code 1.139 in the browser), starts the server on a free loopback port, and drives the
 * workbench in Debian's Chromium through playwright-core.
 *
 * Every server this process starts is stopped when the editor is closed, when the process exits,
 * and on SIGINT/SIGTERM. A server left behind by a run that was killed outright (SIGKILL) is
 * stopped by the next run, through the pid files in the cache folder.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { paths, setup } from './setup.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'test', 'e2e', 'artifacts');
export const SCREENSHOTS = join(ROOT, 'docs', 'images');

const started = new Set<ChildProcess>();

function stopAll(): void {
  for (const child of started) killTree(child);
  started.clear();
}

function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL'); // The server runs in its own process group.
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  try {
    unlinkSync(pidFile(child.pid));
  } catch {
    // Not there.
  }
}

process.once('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

function pidDir(): string {
  const dir = join(paths().dir, 'servers');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function pidFile(pid: number): string {
  return join(pidDir(), String(pid));
}

/** Stops servers that an earlier, killed run left behind. */
function reapStale(): void {
  for (const name of readdirSync(pidDir())) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('code-server')) process.kill(-pid, 'SIGKILL');
    } catch {
      // Not running any more.
    }
    try {
      unlinkSync(join(pidDir(), name));
    } catch {
      // Raced with another cleanup.
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

let vsixCache: string | undefined;

/** Packages the extension with vsce (production build) into a temporary folder, once per process. */
export function buildVsix(): string {
  if (vsixCache && existsSync(vsixCache)) return vsixCache;
  const dir = mkdtempSync(join(tmpdir(), 'annals-vsix-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'annals.vsix');
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  vsixCache = out;
  return out;
}

/** Copies a folder (files only, recursively). */
export function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (statSync(src).isDirectory()) copyTree(src, dst);
    else copyFileSync(src, dst);
  }
}

export interface ServerOptions {
  /** The folder to open. */
  workspace: string;
  /** A fixed port; a free one otherwise. */
  port?: number;
  host?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Where the server's output goes; a temporary file otherwise. */
  logFile?: string;
}

export interface Server {
  url: string;
  port: number;
  userDataDir: string;
  logFile: string;
  workspace: string;
  child: ChildProcess;
  stop(): void;
}

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

/** Sets up (cached), installs a freshly packaged VSIX into a new extensions folder, and starts code-server. */
export async function startServer(opts: ServerOptions): Promise<Server> {
  let t = Date.now();
  const phase = (what: string) => {
    process.stderr.write(`[e2e] ${what} in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
    t = Date.now();
  };
  const p = setup();
  reapStale();
  phase('set-up checked');
  const vsix = buildVsix();
  phase('VSIX packaged');
  const state = mkdtempSync(join(tmpdir(), 'annals-cs-'));
  const userDataDir = join(state, 'user-data');
  const extensionsDir = join(state, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...opts.settings }, null, 2));
  const env = { ...process.env, PATH: `${p.node24Bin}:${process.env.PATH}` };
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  execFileSync(p.node24, [p.codeServerEntry, ...common, '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  phase('VSIX installed');

  const port = opts.port ?? (await freePort());
  const host = opts.host ?? '127.0.0.1';
  const logFile = opts.logFile ?? join(state, 'server.log');
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(
    p.node24,
    [
      p.codeServerEntry,
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `${host}:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      opts.workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.add(child);
  if (child.pid !== undefined) writeFileSync(pidFile(child.pid), '');
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = () => {
    killTree(child);
    started.delete(child);
    // The log file may be the caller's (the demo's); the rest of the state folder is ours, and all of it when the
    // log is ours too.
    if (opts.logFile === undefined) rmSync(state, { recursive: true, force: true });
    else {
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(extensionsDir, { recursive: true, force: true });
    }
  };
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/?folder=${encodeURIComponent(opts.workspace)}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}:\n${safeRead(logFile).slice(-2000)}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer on port ${port} within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  phase(`code-server listening on port ${port}`);
  return { url, port, userDataDir, logFile, workspace: opts.workspace, child, stop };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The extension's own log ("Annals" output channel), as the server wrote it. */
export function extensionLog(server: Server): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('Annals.log')) found.push(full);
    }
  };
  walk(join(server.userDataDir, 'logs'));
  return found.map(safeRead).join('\n');
}

export interface Editor {
  server: Server;
  browser: Browser;
  page: Page;
  /** Opens the command palette and runs the command with this title. */
  command(title: string): Promise<void>;
  /**
   * Developer: Reload Window, then waits for the new page's workbench. (Waiting for `.monaco-workbench` alone can
   * find the old page's before it navigates, and the next step then runs in a page that is going away.)
   */
  reloadWindow(): Promise<void>;
  /** Saves a screenshot to test/e2e/artifacts, or to docs/images when ANNALS_SCREENSHOTS is set and `doc` is given. */
  screenshot(name: string, doc?: boolean): Promise<void>;
  /** Runs a scenario; on failure saves a screenshot and the server log to test/e2e/artifacts. */
  scenario(name: string, fn: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Starts code-server for the workspace and opens it in Chromium. */
export async function openEditor(opts: ServerOptions): Promise<Editor> {
  const server = await startServer(opts);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: paths().chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const b = browser;
    const editor: Editor = {
      server,
      browser: b,
      page,
      async command(title) {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${title}`);
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        await row.waitFor({ state: 'visible', timeout: 15_000 });
        await row.click();
      },
      async reloadWindow() {
        type Marked = { annalsBeforeReload?: boolean };
        await page.evaluate(() => {
          (window as unknown as Marked).annalsBeforeReload = true;
        });
        await editor.command('Developer: Reload Window');
        const deadline = Date.now() + 60_000;
        // The old page's mark is gone once the new page is there (evaluate fails while it navigates).
        while (await page.evaluate(() => (window as unknown as Marked).annalsBeforeReload === true).catch(() => true)) {
          if (Date.now() > deadline) throw new Error('Developer: Reload Window: the page did not reload within 60 s');
          await page.waitForTimeout(100);
        }
        await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      },
      async screenshot(name, doc) {
        const dir = doc && process.env.ANNALS_SCREENSHOTS ? SCREENSHOTS : ARTIFACTS;
        mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: join(dir, `${name}.png`) });
      },
      async scenario(name, fn) {
        try {
          await fn();
        } catch (e) {
          const slug = name.replace(/[^\w.-]+/g, '-').slice(0, 80);
          mkdirSync(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: join(ARTIFACTS, `${slug}.png`) }).catch(() => undefined);
          writeFileSync(join(ARTIFACTS, `${slug}.server.log`), safeRead(server.logFile));
          writeFileSync(join(ARTIFACTS, `${slug}.annals.log`), extensionLog(server));
          throw e;
        }
      },
      async close() {
        await b.close().catch(() => undefined);
        server.stop();
      },
    };
    return editor;
  } catch (e) {
    await browser?.close().catch(() => undefined);
    server.stop();
    throw e;
  }
}

/** A fresh temporary workspace with samples/ and the given extra files (relative to test/fixtures). */
export function makeWorkspace(extra: string[] = []): string {
  const ws = mkdtempSync(join(tmpdir(), 'annals-ws-'));
  copyTree(join(ROOT, 'samples'), ws);
  for (const f of extra) copyFileSync(join(ROOT, 'test', 'fixtures', f), join(ws, f.split('/').pop()!));
  return ws;
}

export function removeWorkspace(ws: string): void {
  rmSync(ws, { recursive: true, force: true });
}
