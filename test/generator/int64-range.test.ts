// int64 values written in the spec must fit a Long; the check reads the
// digits as written, and locates only values that can be out of range (a
// safe integer cannot): every notation that can be is still found.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { int64RangeProblems, mayBeOutOfRange } from '../../generator/load/int64-range.ts';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { SourceMap } from '../../generator/load/source-map.ts';

test('only a number of magnitude 2^62 or more (Infinity too: 400 digits read as a double), or a string, can have been written out of the Long range', () => {
  for (const value of [0, 12, -12, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 2 ** 53 + 2, -(2 ** 61), 2 ** 62 - 1024, 1.5, true, null, [], {}, undefined])
    assert.equal(mayBeOutOfRange(value), false, String(value));
  for (const value of [2 ** 62, -(2 ** 62), 2 ** 63, 1e30, Number.POSITIVE_INFINITY, Number.NaN, '9223372036854775808', '12']) assert.equal(mayBeOutOfRange(value), true, String(value));
});

test('int64 values out of range are found in every form a file can write them; values in range, and safe ones, are not', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-int64-range-'));
  try {
    writeFileSync(path.join(dir, 'openapi.yaml'), ['openapi: 3.1.0', 'info: { title: t, version: 1.0.0 }', 'paths: {}', 'components:', '  schemas:', "    Id: { $ref: './id.yaml' }", ''].join('\n'));
    writeFileSync(
      path.join(dir, 'id.yaml'),
      [
        'type: integer',
        'format: int64',
        'minimum: -9223372036854775809',
        'maximum: 9223372036854775807',
        'default: 12',
        `const: 1${'0'.repeat(400)}`,
        'examples: [9223372036854775808, \'9223372036854775809\', "-9223372036854775810", 9223372036854775807, 9007199254740993, 12]',
        '',
      ].join('\n'),
    );
    const entry = path.join(dir, 'openapi.yaml');
    const loaded = await loadSpec(entry, path.resolve(import.meta.dirname, '../../redocly.yaml'), { lint: false });
    const problems = int64RangeProblems(loaded.document, new SourceMap(entry, loaded.files)).map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.message}`);
    assert.deepEqual(problems.sort(), [
      'id.yaml:3:10 int64 minimum -9223372036854775809 is out of the int64 range (-9223372036854775808 to 9223372036854775807)',
      `id.yaml:6:8 int64 const 1${'0'.repeat(400)} is out of the int64 range (-9223372036854775808 to 9223372036854775807)`,
      'id.yaml:7:12 int64 example 9223372036854775808 is out of the int64 range (-9223372036854775808 to 9223372036854775807)',
      'id.yaml:7:33 int64 example 9223372036854775809 is out of the int64 range (-9223372036854775808 to 9223372036854775807)',
      'id.yaml:7:56 int64 example -9223372036854775810 is out of the int64 range (-9223372036854775808 to 9223372036854775807)',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
