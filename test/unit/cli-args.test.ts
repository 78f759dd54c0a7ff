import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOptions } from '../../src/cli/args.ts';
import { DEFAULT_MAX_BYTES, megabytes } from '../../src/core/index.ts';

test('parseOptions: positional arguments, flags, values (the last one wins), sizes in megabytes', () => {
  const o = parseOptions(['a.txt', '--json', '-', '--note', 'n1', 'b.txt', '--note', '--json', '--max-size-mb', '2.5'], ['--json', '--note', '--max-size-mb']);
  assert.ok(!('error' in o));
  assert.deepEqual(o.positional, ['a.txt', '-', 'b.txt']);
  assert.equal(o.flag('--json'), true);
  assert.equal(o.flag('--literal'), false);
  assert.equal(o.text('--note'), '--json', 'a value is the next argument, whatever it is');
  assert.equal(o.text('--tag'), undefined);
  assert.equal(o.maxBytes, megabytes(2.5));
  const d = parseOptions([], []);
  assert.ok(!('error' in d));
  assert.equal(d.maxBytes, DEFAULT_MAX_BYTES);
  const h = parseOptions(['-h'], ['--help']);
  assert.ok(!('error' in h) && h.flag('--help'), '-h is --help');
});

test('parseOptions: the first problem, left to right, is the usage error', () => {
  assert.deepEqual(parseOptions(['--bogus', '--note'], ['--note']), { error: 'unknown option “--bogus”', showUsage: true });
  assert.deepEqual(parseOptions(['--json'], ['--note']), { error: 'unknown option “--json”', showUsage: true }, 'an option the command does not take');
  assert.deepEqual(parseOptions(['-h'], []), { error: 'unknown option “-h”', showUsage: true });
  assert.deepEqual(parseOptions(['x', '--note'], ['--note']), { error: '--note needs a value', showUsage: true });
  for (const v of [[], ['0'], ['-1'], ['x']]) {
    assert.deepEqual(parseOptions(['--max-size-mb', ...v], ['--max-size-mb']), { error: '--max-size-mb needs a positive number', showUsage: false });
  }
  const o = parseOptions(['constructor', 'toString'], []);
  assert.ok(!('error' in o));
  assert.deepEqual(o.positional, ['constructor', 'toString']);
});
