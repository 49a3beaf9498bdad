// A bench stopped by SIGTERM or SIGINT stops what it runs under GNU time too (bench:
// generation's generator, hey-api and `npm run generate` runs): signalled
// alone, /usr/bin/time dies and leaves its command running, reparented, writing
// into a folder the stopped bench no longer owns.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { childrenOf, isAlive, ROOT } from '../support/processes.ts';

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`a bench stopped by ${signal} while timing a command stops the command, not only /usr/bin/time`, async (t) => {
    // A bench in miniature: timed() of a command that outlives the test unless stopped.
    const script = `import { timed } from ${JSON.stringify(path.join(ROOT, 'bench/lib.ts'))}; await timed('sleep', ['60']);`;
    const bench = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => bench.on('exit', (code) => resolve(code)));
    let sleeper: number | undefined;
    for (let i = 0; i < 600 && sleeper === undefined; i++) {
      await sleep(50);
      const time = childrenOf(bench.pid!).find((pid) => execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).trim() === 'time');
      if (time !== undefined) sleeper = childrenOf(time)[0];
    }
    assert.ok(sleeper, 'the timed command started under /usr/bin/time');
    t.after(() => {
      if (isAlive(sleeper!)) process.kill(sleeper!, 'SIGKILL');
    });
    bench.kill(signal);
    assert.equal(await exited, signal === 'SIGINT' ? 130 : 143);
    for (let i = 0; i < 100 && isAlive(sleeper); i++) await sleep(50);
    assert.equal(isAlive(sleeper), false, 'the timed command was stopped with the bench');
  });
}
