// bench:core-ab refuses a bad argument with a clear message and a non-zero
// exit before it builds anything: a REV is never run by a shell, no NaN figures,
// no extracted build left under .artifacts/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

async function coreAb(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bench/core-ab.ts', ...args], { cwd: ROOT, timeout: 30_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

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
