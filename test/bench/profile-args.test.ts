// bench:profile refuses a bad argument by name before it deletes the last
// run's profiles or starts a server (it loaded `abc` seconds as NaN, and a
// misspelt server failed only after the deletion).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScript } from '../support/processes.ts';

const profile = (...args: string[]) => runScript('bench/profile.ts', args);

for (const seconds of ['abc', '0', '2.5']) {
  test(`SECONDS ${seconds} is refused by name`, async () => {
    const r = await profile(seconds, 'bare');
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, new RegExp(`SECONDS must be a whole number from 1; got ${seconds.replace('.', '\\.')}`));
    assert.doesNotMatch(r.out, /under profile|NaN/);
  });
}

test('a server other than gateway, fastify or bare is refused by name', async () => {
  const r = await profile('1', 'gateway-heap');
  assert.equal(r.code, 2, r.out);
  assert.match(r.out, /the server is gateway, fastify or bare, not gateway-heap/);
});
