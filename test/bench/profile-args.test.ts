// bench:profile refuses a bad argument by name before it deletes the last
// run's profiles or starts a server (it loaded `abc` seconds as NaN, and a
// misspelt server failed only after the deletion).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

async function profile(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bench/profile.ts', ...args], { cwd: ROOT, timeout: 30_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

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
