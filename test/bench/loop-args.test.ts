// bench:loop refuses a bad argument by name, exit code 2, instead of running
// no call and printing NaN µs, ignoring a misspelt flag (`--profle out` ran
// without a profile) or writing a folder named after another flag; and the
// minimal signer (the client targets' yardstick) counts a refused call as a
// failure, not as a call made.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { minimalFetch, minimalNodeHttp } from '../../bench/minimal-signer.ts';
import { runScript } from '../support/processes.ts';

// Each run in an empty folder that must stay empty (`--profile --x` wrote a folder named "--x").
for (const [args, want] of [
  [['abc'], /CALLS must be a whole number from 1; got abc/],
  [['0'], /CALLS must be a whole number from 1; got 0/],
  [['1'], /CALLS must be 2 or more/],
  [['10', '2.5'], /IN_FLIGHT must be a whole number from 1; got 2\.5/],
  [['10', '--profile'], /--profile needs a folder/],
  [['10', '2', '--profle', 'out'], /unknown argument --profle/],
  [['10', '2', '3'], /unexpected 3/],
  [['10', '--profile', '--x'], /--profile needs a folder; got --x/],
] as const) {
  test(`bench:loop ${args.join(' ')} is refused: ${want.source}`, async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'loop-args-'));
    try {
      const r = await runScript('bench/gateway-loop.ts', args, { cwd });
      assert.equal(r.code, 2, r.out);
      assert.match(r.out, want);
      assert.doesNotMatch(r.out, /NaN|µs CPU a call/);
      assert.deepEqual(readdirSync(cwd), [], 'nothing written');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
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
