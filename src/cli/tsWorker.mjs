// A worker of the CLI from the sources (tests, the bench run on tsx): registers tsx in this worker
// thread (its ESM and CommonJS hooks, as `node --import tsx` does), then loads the TypeScript worker
// named in workerData. The bundled CLI runs dist/NAME.js instead.
import { workerData } from 'node:worker_threads';
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerEsm();
registerCjs();
await import(workerData.entry);
