// What the bench makes of its client process's output (bench/client.ts,
// clientResultsOf): exactly the results the process printed, its other lines
// passed on as log lines, and any other end a rejection that says so, never
// an uncaught error or a part silently missing. Stand-in processes print what
// bench/client-process.ts might.
// Written by the review rv15 (2026-11-26), which found a results line that
// is not JSON crashing the bench with an uncaught SyntaxError.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { CLIENT_RESULTS_PREFIX, clientResultsOf } from '../../bench/client.ts';

/** A process running `script` with its stdout piped, as benchClientInOwnProcess starts one. */
const child = (script: string) => spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
const settle = (p: Promise<unknown>) =>
  p.then(
    (v) => ({ resolved: v }),
    (e: unknown) => ({ rejected: e instanceof Error ? e.message : String(e) }),
  );

test('the results the client process printed, its log lines (one split across writes) passed on', async () => {
  const results = { rounds: 1, cpuRatio: 1.13, note: 'ü×' };
  const line = `${CLIENT_RESULTS_PREFIX}${JSON.stringify(results)}\n`;
  const logged: string[] = [];
  const got = await settle(
    clientResultsOf(
      child(`const w = (s) => process.stdout.write(s); w('client CPU ro'); setTimeout(() => { w('und 1\\nnot ${CLIENT_RESULTS_PREFIX.trim()}\\n'); w(${JSON.stringify(line)}); }, 20);`),
      (s) => logged.push(s),
    ),
  );
  assert.deepEqual(got, { resolved: results });
  assert.deepEqual(logged, ['client CPU round 1', `not ${CLIENT_RESULTS_PREFIX.trim()}`]);
});

test('a results line that is not JSON is a rejection naming it, not an uncaught error', async () => {
  const got = await settle(clientResultsOf(child(`console.log(${JSON.stringify(`${CLIENT_RESULTS_PREFIX}{"rounds":`)})`), () => {}));
  assert.ok('rejected' in got && /client part's process ended \(exit code 0\) a results line that is not JSON/.test(got.rejected), JSON.stringify(got));
});

test('a process that crashes after printing its results is a rejection', async () => {
  const got = await settle(clientResultsOf(child(`console.log(${JSON.stringify(`${CLIENT_RESULTS_PREFIX}{}`)}); process.exit(3)`), () => {}));
  assert.deepEqual(got, { rejected: "bench: the client part's process ended (exit code 3) " });
});

test('a process that ends without results is a rejection saying so', async () => {
  const got = await settle(clientResultsOf(child('console.log("client CPU round 1")'), () => {}));
  assert.deepEqual(got, { rejected: "bench: the client part's process ended (exit code 0) without its results" });
});
