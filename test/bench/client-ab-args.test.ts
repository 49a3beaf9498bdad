// bench:client-ab refuses a bad argument with a clear message and a non-zero
// exit before it starts anything: no bench server left running, no NaN figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScript } from '../support/processes.ts';

const clientAb = (...args: string[]) => runScript('bench/client-ab.ts', args);

for (const pairs of ['abc', '0', '-3', '2.5']) {
  test(`PAIRS ${pairs} is refused by name, not measured as NaN`, async () => {
    const r = await clientAb('minimal', 'node:http', pairs);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, new RegExp(`PAIRS must be a whole number from 1; got ${pairs}`));
    assert.doesNotMatch(r.out, /NaN|µs a call/);
  });
}

test('a TRANSPORT other than node:http or fetch is refused by name', async () => {
  const r = await clientAb('minimal', 'undici', '2');
  assert.equal(r.code, 2, r.out);
  assert.match(r.out, /TRANSPORT is node:http or fetch, not undici/);
});

for (const rev of ['no-such-rev', '$(echo injected >&2)', '--output=/tmp/x']) {
  test(`REV ${rev} that names no commit is refused by name before a server starts`, async () => {
    const r = await clientAb(rev, 'node:http', '2');
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /REV must be a commit of this repository, `minimal` or `minimal-timed`/);
    assert.doesNotMatch(r.out, /^injected$/m, 'the REV was run by a shell');
  });
}
