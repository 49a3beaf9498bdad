// readXml over a long list: an element repeated n times is read in linear
// time. Each repeat used to copy the list so far ([...existing, value]):
// 40,000 items (320 KB) took 17 s of a blocked thread, and an answer within
// the default 10 MiB limit hours. Run in a child process with a 20 s limit,
// since the reading blocks the thread that runs it. Written by the review rv3
// (2026-11-26).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { readXml } from '../../../runtime/common/xml-read.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

test('repeated elements become one list, in order; one element stays a value', () => {
  assert.deepEqual(readXml('<r_response><a>1</a><b>x</b><a>2</a><a>3</a></r_response>'), { r_response: { a: ['1', '2', '3'], b: 'x' } });
  assert.deepEqual(readXml('<r_response><a>1</a></r_response>'), { r_response: { a: '1' } });
  assert.deepEqual(readXml('<r_response><a><c>1</c></a><a><c>2</c></a></r_response>'), { r_response: { a: [{ c: '1' }, { c: '2' }] } });
});

test('an element repeated 200,000 times (1.6 MB) is read at once, not in quadratic time', async () => {
  const script = `
    import { readXml } from './runtime/common/xml-read.ts';
    const items = readXml('<r_response>' + '<a>1</a>'.repeat(200_000) + '</r_response>').r_response.a;
    console.log(items.length, items[0], items[199_999]);
  `;
  const outcome = await new Promise<string>((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, timeout: 20_000 }, (error, stdout) => {
      resolve(error ? `killed or failed: ${error.killed ? 'still running after 20 s' : error.message}` : stdout.trim());
    });
  });
  assert.equal(outcome, '200000 1 1');
});
