// A bench stopped by SIGTERM or Ctrl-C stops the servers it started: before,
// they were left listening (and a stopped `npm run bench` left its --watch
// generator running).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { childrenOf, isAlive, ROOT } from '../support/processes.ts';

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`bench:rounds stopped by ${signal} stops the servers it started`, async () => {
    const bench = spawn(process.execPath, ['--import', 'tsx', 'bench/rounds.ts', 'bare,fastify', '5', '3'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => bench.on('exit', (code) => resolve(code)));
    let servers: number[] = [];
    // Both servers started (the second starts once the first listens).
    for (let i = 0; i < 600 && servers.length < 2; i++) {
      await sleep(50);
      servers = childrenOf(bench.pid!);
    }
    assert.equal(servers.length, 2, 'the bench started its two servers');
    bench.kill(signal);
    assert.equal(await exited, signal === 'SIGINT' ? 130 : 143);
    for (let i = 0; i < 100 && servers.some(isAlive); i++) await sleep(50);
    assert.deepEqual(servers.filter(isAlive), [], 'no server left running');
  });
}
