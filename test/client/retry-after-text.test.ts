// TopError.retryAfterMs reads the wait out of the gateway's sub_msg with a
// regular expression. The answer's text is the gateway's, up to
// maxResponseBytes: a sub_msg of 100,000 digits took the old expression
// (\d+ free to start inside a run of digits) quadratic time, about half a
// minute of one core, to say "no wait named". Run in a child process with a
// 20 s limit, since a regular expression blocks the thread that runs it.
// Written by the review rv3 (2026-11-26).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { TopError } from '../../generated/client/src/node.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('retryAfterMs still reads the waits TOP writes', () => {
  const wait = (subMsg: string) => new TopError('m', 7, 'App Call Limited', 'accesscontrol.limited-by-app-access-count', subMsg, 'r').retryAfterMs;
  assert.equal(wait('This ban will last for 3 more seconds'), 3000);
  assert.equal(wait('This ban will last for 1.5 more seconds'), 1500);
  assert.equal(wait('请在12秒后重试'), 12000);
  assert.equal(wait('wait 7s'), 7000);
  assert.equal(wait('no number here'), undefined);
});

test('retryAfterMs over a sub_msg of 100,000 digits answers at once (linear, not quadratic)', async () => {
  const script = `
    import { TopError } from './generated/client/src/node.ts';
    const e = new TopError('m', 7, 'App Call Limited', 'accesscontrol.limited-by-app-access-count', '1'.repeat(100_000) + 'x', 'r');
    console.log(String(e.retryAfterMs));
  `;
  const outcome = await new Promise<string>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, timeout: 20_000 }, (error, stdout) => {
      resolve(error ? `killed or failed: ${error.killed ? 'still running after 20 s' : error.message}` : stdout.trim());
    });
  });
  assert.equal(outcome, 'undefined');
});
