// The thirds the bench prints for a run's drift (bench:rounds, and the server
// part's results block): the medians of the first, middle and last third of
// the rounds, as given → want.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { thirds } from '../../bench/server.ts';

for (const [given, want] of [
  [
    [1, 2, 3],
    [1, 2, 3],
  ],
  [
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
    [2, 5, 8],
  ],
  [
    [9, 1, 5, 2, 8, 3, 7, 4, 6, 0, 10, 11, 12, 13, 14],
    [5, 4, 12],
  ],
  [
    [1, 2, 3, 4],
    [1, 2, 3.5],
  ],
] as const) {
  test(`thirds of [${given.join(', ')}] are ${want.join(' / ')}`, () => {
    assert.deepEqual(thirds([...given]), want);
  });
}
