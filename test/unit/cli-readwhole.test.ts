/**
 * nodeHost.readFile (readWhole): the whole file in one buffer from its stat'ed size, read to its
 * real end whatever the stat said (a file that grew, a file system that gives no size).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { nodeHost, readWhole } from '../../src/cli/nodeHost.ts';
import { tempDir } from './tmp.ts';

function withDir(f: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = tempDir('readwhole');
    try {
      await f(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);

test(
  'files of several sizes come back byte for byte, as exactly as long as the file',
  withDir(async (dir) => {
    for (const n of [0, 1, 4095, 65536, 65537, 300_001]) {
      const file = path.join(dir, `f${n}`);
      const want = bytesOf(n);
      writeFileSync(file, want);
      const got = await nodeHost.readFile(file);
      assert.equal(got.length, n, `length for ${n}`);
      assert.deepEqual(Buffer.from(got), Buffer.from(want), `content for ${n}`);
    }
  }),
);

test('a file whose stat gives no size (Linux /proc) is still read to its end', async (t) => {
  if (!existsSync('/proc/self/status')) return t.skip('no /proc here');
  const got = Buffer.from(await readWhole('/proc/self/status')).toString('utf8');
  assert.match(got, /^Name:/);
  assert.match(got, /\nPid:\s+\d+/);
  // The whole file, not the first 64 KB piece only: it ends as the file does.
  assert.equal(got.at(-1), '\n');
  assert.ok(got.length > 200);
});

test(
  'a file that grew past its stat while it was read is read whole',
  withDir(async (dir) => {
    const file = path.join(dir, 'grows');
    writeFileSync(file, bytesOf(1000));
    // Grow it between the stat and the reads: the handle is opened and stat'ed first, so the
    // growth is done on the first read of the handle.
    const { promises } = await import('node:fs');
    const open = promises.open;
    promises.open = (async (...args: Parameters<typeof open>) => {
      const h = await open(...args);
      const stat = h.stat.bind(h);
      h.stat = (async (...a: Parameters<typeof stat>) => {
        const s = await stat(...a);
        writeFileSync(file, bytesOf(200_000));
        return s;
      }) as typeof h.stat;
      return h;
    }) as typeof open;
    try {
      const got = await readWhole(file);
      assert.equal(got.length, 200_000);
      assert.deepEqual(Buffer.from(got), Buffer.from(readFileSync(file)));
    } finally {
      promises.open = open;
    }
  }),
);

test(
  'a missing file rejects with ENOENT (the store takes it for no sidecar)',
  withDir(async (dir) => {
    await assert.rejects(nodeHost.readFile(path.join(dir, 'none')), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
  }),
);
