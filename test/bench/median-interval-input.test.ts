// medianInterval of figures it cannot bootstrap is refused by name: an empty
// list gave [NaN, NaN], no draws gave [undefined, undefined], and a NaN among
// the figures (0/0 of a round that served nothing) gave an interval that did
// not hold the figures' median, all printed as if measured.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { medianInterval } from '../../bench/lib.ts';

test('medianInterval refuses no figures, a figure that is not a finite number, and a draw count below 1', () => {
  assert.throws(() => medianInterval([]), /medianInterval: no figures/);
  assert.throws(() => medianInterval([1, Number.NaN, 3]), /medianInterval: figure 1 is NaN/);
  assert.throws(() => medianInterval([1, Number.POSITIVE_INFINITY]), /medianInterval: figure 1 is Infinity/);
  assert.throws(() => medianInterval([1, 2, 3], 16, 0), /medianInterval: draws must be a whole number from 1; got 0/);
  assert.deepEqual(medianInterval([1.02]), [1.02, 1.02], 'one figure is its own interval');
});
