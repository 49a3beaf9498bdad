// bench:loop refuses a bad argument by name, exit code 2, instead of running
// no call and printing NaN µs; and the minimal signer (the client targets'
// yardstick) counts a refused call as a failure, not as a call made.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { minimalFetch, minimalNodeHttp } from '../../bench/minimal-signer.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

for (const [args, want] of [
  [['abc'], /CALLS must be a whole number from 1; got abc/],
  [['0'], /CALLS must be a whole number from 1; got 0/],
  [['1'], /CALLS must be 2 or more/],
  [['10', '2.5'], /IN_FLIGHT must be a whole number from 1; got 2\.5/],
  [['10', '--profile'], /--profile needs a folder/],
] as const) {
  test(`bench:loop ${args.join(' ')} is refused: ${want.source}`, async () => {
    const r = await run(process.execPath, ['--import', 'tsx', 'bench/gateway-loop.ts', ...args], { cwd: ROOT, timeout: 30_000 }).then(
      (ok) => ({ code: 0, out: ok.stdout + ok.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, want);
    assert.doesNotMatch(r.out, /NaN|µs CPU a call/);
  });
}

test('the minimal signer rejects an error_response over node:http and fetch (a refusal is not a call made)', async () => {
  const server = http.createServer((_req, res) => res.end('{"error_response":{"code":25,"msg":"Invalid signature"}}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`;
  const agent = new http.Agent({ keepAlive: true });
  try {
    await assert.rejects(minimalNodeHttp(url, agent), /the minimal signer's call was not answered: \{"error_response"/);
    await assert.rejects(minimalFetch(url), /the minimal signer's call was not answered/);
  } finally {
    agent.destroy();
    server.close();
  }
});
