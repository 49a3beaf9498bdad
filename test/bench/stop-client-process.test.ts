// `npm run bench` measures the client in a process of its own
// (bench/client-process.ts), which starts its own server: a bench stopped by
// SIGTERM stops both, not just its direct children.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { childrenOf, isAlive, ROOT } from '../support/processes.ts';

/** The processes under `pid`, for a failure's message. */
const tree = (pid: number) => {
  try {
    return execFileSync('ps', ['-o', 'pid,ppid,args', '--forest', '-g', String(pid)], { encoding: 'utf8' });
  } catch {
    return '(ps found none)';
  }
};

test('npm run bench -- --only client stopped by SIGTERM stops its client process and the server that process started', async () => {
  const bench = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--only', 'client'], { cwd: ROOT, stdio: 'ignore', detached: true });
  const exited = new Promise<number | null>((resolve) => bench.on('exit', (code) => resolve(code)));
  try {
    let clientProcess: number[] = [];
    let server: number[] = [];
    // The client process first measures preparation in a loop of its own (about ten seconds), then starts the server.
    for (let i = 0; i < 600 && server.length === 0; i++) {
      await sleep(100);
      clientProcess = childrenOf(bench.pid!, 'bench/client-process.ts');
      server = clientProcess.flatMap((pid) => childrenOf(pid, 'bench/servers/bare.ts'));
    }
    assert.equal(clientProcess.length, 1, `the bench started its client process:\n${tree(bench.pid!)}`);
    assert.equal(server.length, 1, `the client process started its server:\n${tree(bench.pid!)}`);
    bench.kill('SIGTERM');
    assert.equal(await exited, 143);
    const started = [...clientProcess, ...server];
    for (let i = 0; i < 100 && started.some(isAlive); i++) await sleep(50);
    assert.deepEqual(started.filter(isAlive), [], 'no process of the bench left running');
  } finally {
    // A failed assertion must not leave a three-minute bench running: its whole process group goes.
    try {
      process.kill(-bench.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
