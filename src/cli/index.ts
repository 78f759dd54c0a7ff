import { run } from './main.ts';

void Promise.resolve(
  run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  }),
).then((code) => {
  process.exitCode = code;
});
