// bench:core-ab refuses a bad argument with a clear message and a non-zero
// exit before it builds anything: a REV is never run by a shell, no NaN figures,
// no extracted build left under .artifacts/.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runScript } from '../support/processes.ts';

const coreAb = (...args: string[]) => runScript('bench/core-ab.ts', args);

for (const [blocks, calls, name, bad] of [
  ['abc', '10', 'BLOCKS', 'abc'],
  ['0', '10', 'BLOCKS', '0'],
  ['2', '-3', 'CALLS', '-3'],
  ['2', '2.5', 'CALLS', '2.5'],
] as const) {
  test(`${name} ${bad} is refused by name, not measured as NaN`, async () => {
    const r = await coreAb('HEAD', blocks, calls);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, new RegExp(`${name} must be a whole number from 1; got ${bad.replace('.', '\\.')}`));
    assert.doesNotMatch(r.out, /NaN|µs a call/);
  });
}

test('a REV holding a command substitution is refused, never run by a shell', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'core-ab-'));
  const marker = path.join(dir, 'ran');
  try {
    const r = await coreAb(`$(touch ${marker})`, '1', '1');
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /REV must be a commit of this repository/);
    assert.equal(existsSync(marker), false, 'the REV was run by a shell');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const rev of ['no-such-rev', '--output=/tmp/x']) {
  test(`REV ${rev} that names no commit is refused by name`, async () => {
    const r = await coreAb(rev, '1', '1');
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /REV must be a commit of this repository/);
  });
}
