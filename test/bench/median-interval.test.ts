// The bootstrap interval the bench prints beside its parity ratios: seeded
// (the same figures give the same interval), around the median, inside the
// figures' range, and narrower with more figures of the same spread.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOOTSTRAP_SEED, median, medianInterval } from '../../bench/lib.ts';

// 15 per-round ratios as a bench run printed them (2026-11-25, gateway / fastify).
const ROUNDS = [0.72, 0.9, 0.95, 1.13, 1.05, 0.88, 0.97, 1.01, 0.93, 0.99, 1.02, 0.96, 0.94, 1.04, 0.91];

test('the same figures and seed give the same interval; another seed may differ', () => {
  assert.deepEqual(medianInterval(ROUNDS), medianInterval(ROUNDS, BOOTSTRAP_SEED));
  assert.deepEqual(medianInterval(ROUNDS), [0.91, 1.01]);
});

test('the interval holds the median and lies within the figures', () => {
  const [lo, hi] = medianInterval(ROUNDS);
  assert.ok(lo <= median(ROUNDS) && median(ROUNDS) <= hi, `${lo} ≤ ${median(ROUNDS)} ≤ ${hi}`);
  assert.ok(lo >= Math.min(...ROUNDS) && hi <= Math.max(...ROUNDS));
  assert.ok(lo < hi, 'spread figures give an interval, not a point');
});

test('identical figures give a point; more figures of the same spread give a narrower interval', () => {
  assert.deepEqual(medianInterval([1.02, 1.02, 1.02]), [1.02, 1.02]);
  const width = (v: number[]) => medianInterval(v)[1] - medianInterval(v)[0];
  const four = [...ROUNDS, ...ROUNDS, ...ROUNDS, ...ROUNDS];
  assert.ok(width(four) < width(ROUNDS), `${width(four)} < ${width(ROUNDS)}`);
});
