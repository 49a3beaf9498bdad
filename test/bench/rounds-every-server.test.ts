// Every server bench:rounds accepts (a file of bench/servers/ that calls
// serve()) starts under it: gateway-heap, bench:memory's gateway, throws
// without --expose-gc, so `bench:rounds -- gateway-heap,bare` passed the
// argument checks and then died with exit 1 and a stack trace.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { childrenOf, ROOT } from '../support/processes.ts';

test('bench:rounds starts gateway-heap (which needs --expose-gc) like any other server', async () => {
  const bench = spawn(process.execPath, ['--import', 'tsx', 'bench/rounds.ts', 'gateway-heap,bare', '1', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  bench.stdout.on('data', (c) => (out += c));
  bench.stderr.on('data', (c) => (out += c));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    bench.on('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  // The second server starts only once the first listens: two running means gateway-heap is up.
  let servers: number[] = [];
  for (let i = 0; i < 600 && servers.length < 2 && exitCode === undefined; i++) {
    await sleep(50);
    servers = childrenOf(bench.pid!, 'bench/servers/');
  }
  if (exitCode === undefined) bench.kill('SIGTERM'); // no need to wait for the load: the start was the question
  const code = await exited;
  assert.equal(servers.length, 2, `both servers started; the bench exited ${code}:\n${out}`);
  assert.equal(code, 143, out);
  assert.doesNotMatch(out, /server exited|expose-gc/);
});

test('bench:rounds names an empty server name as empty, before starting anything', async () => {
  const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/rounds.ts', 'bare,,fastify'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
  assert.equal(r.code, 2, r.out);
  // It said "no server  in bench/servers/", the empty name between two spaces.
  assert.match(r.out, /no server \(empty name\) in bench\/servers\/; got bare,,fastify/);
});
