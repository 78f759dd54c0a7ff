// The import worker from the sources (tests, the bench run on tsx): registers tsx in this worker
// thread, then loads the TypeScript worker named in workerData. The bundled CLI uses dist/importWorker.js.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
