// An app that both imports and requires the client (its ES module build and
// its CommonJS build) holds two copies of every error class; instanceof must
// still hold across them (found by an independent review of issue 15), and
// must still tell the classes apart.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as esm from '../../generated/client/dist/index.js';

const cjs = createRequire(import.meta.url)('../../generated/client/dist/cjs/index.js') as typeof esm;

test('the two builds really are two copies of the error classes', () => {
  assert.notEqual(cjs.TopNetworkError, esm.TopNetworkError);
});

const cases: { made: () => Error; is: (keyof typeof esm)[]; isNot: (keyof typeof esm)[] }[] = [
  { made: () => new cjs.TopNetworkError('m', false, 'ECONNREFUSED'), is: ['TopNetworkError', 'TopClientError'], isNot: ['TopError', 'TopTimeoutError', 'TopDecodeError'] },
  { made: () => new cjs.TopError('m', 15, 'x', 'isp.y', undefined, undefined), is: ['TopError', 'TopClientError'], isNot: ['TopNetworkError', 'TopValidationError'] },
  { made: () => new cjs.TopTimeoutError('m', 100), is: ['TopTimeoutError', 'TopClientError'], isNot: ['TopNetworkError'] },
  { made: () => new Error('plain'), is: [], isNot: ['TopClientError', 'TopError'] },
  // The mark alone is not enough: a class of that name must be in the chain.
  { made: () => Object.assign(new Error('forged'), { isTopClientError: true, name: 'TopError' }), is: [], isNot: ['TopClientError', 'TopError'] },
];
for (const c of cases) {
  test(`instanceof across builds: ${c.made().constructor.name} ${c.made().message}`, () => {
    const error = c.made();
    for (const name of c.is) assert.ok(error instanceof (esm[name] as unknown as new () => unknown), `is ${name}`);
    for (const name of c.isNot) assert.ok(!(error instanceof (esm[name] as unknown as new () => unknown)), `is not ${name}`);
  });
}
