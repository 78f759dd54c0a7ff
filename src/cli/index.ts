import { run } from './main.ts';

// A reader that stops early (`annals search … --jsonl | head`) closes the pipe: stop quietly, as
// other command-line tools do, without a stack trace (and without the workers still reading).
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

void Promise.resolve(
  run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  }),
).then((code) => {
  process.exitCode = code;
});
