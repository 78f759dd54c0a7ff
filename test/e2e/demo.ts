/**
 * `npm run demo`: Annals in a real VS Code (code-server) with samples/ as the workspace.
 * Sets up what is missing (cached), packages and installs the extension, starts the server,
 * prints the URL to open, and runs until Ctrl+C, which stops the server.
 *
 *   npm run demo                       # a free port on 127.0.0.1
 *   npm run demo -- --port 8080        # a fixed port
 *   npm run demo -- --host 0.0.0.0     # reachable from other machines (no password: --auth none)
 */
import { join } from 'node:path';
import { ROOT, startServer } from './harness.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = option('port') ? Number(option('port')) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  process.stderr.write(`demo: --port wants a port number, got “${option('port')}”\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const server = await startServer({
    workspace: join(ROOT, 'samples'),
    port,
    host: option('host'),
    logFile: join(ROOT, 'test', 'e2e', 'artifacts', 'demo-server.log'),
  }).catch((e: unknown) => {
    process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });

  process.stdout.write(
    `\nAnnals is running in VS Code (code-server) with samples/ as the workspace.\n\n` +
      `  Open ${server.url}\n\n` +
      `  Click the Annals icon in the activity bar, then a year.\n` +
      `  The server's log: ${server.logFile}\n` +
      `  Press Ctrl+C to stop.\n\n`,
  );
  server.child.once('exit', (code) => {
    process.stderr.write(`demo: code-server stopped (exit code ${code}).\n`);
    process.exit(code ?? 1);
  });
}

void main();
