// bench:loop refuses what it would otherwise ignore: a misspelt flag
// (`--profle out` ran without a profile, silently), a third number, and a
// --profile folder that is another flag (`--profile --x` wrote a folder named
// "--x" into the checkout).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

for (const [args, want] of [
  [['10', '2', '--profle', 'out'], /unknown argument --profle/],
  [['10', '2', '3'], /unexpected 3/],
  [['10', '--profile', '--x'], /--profile needs a folder; got --x/],
] as const) {
  test(`bench:loop ${args.join(' ')} is refused: ${want.source}`, async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'loop-args-'));
    try {
      const r = await run(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'bench/gateway-loop.ts'), ...args], { cwd, timeout: 30_000 }).then(
        (ok) => ({ code: 0, out: ok.stdout + ok.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
      assert.equal(r.code, 2, r.out);
      assert.match(r.out, want);
      assert.doesNotMatch(r.out, /µs CPU a call/);
      assert.deepEqual(readdirSync(cwd), [], 'nothing written');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
}
