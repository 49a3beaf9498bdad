// npm run bench refuses a misspelt part or flag by name, before measuring
// anything: it used to run no part, print an empty target list and exit 0
// (`--only clinet`), crash on `--only` alone, or take `--quik` for a whole
// run that rewrites BENCHMARKS.md.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

async function bench(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { cwd: ROOT, timeout: 30_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

for (const [args, message] of [
  [['--only', 'clinet', '--quick'], /--only takes generation, client, server, memory; got clinet/],
  [['--quick', '--only', 'client,'], /--only takes generation, client, server, memory; got \(empty\)/],
  [['--only'], /--only needs a comma-separated list of parts/],
  [['--only', '--quick'], /--only needs a comma-separated list of parts/],
  [['--quik'], /unknown argument --quik/],
] as const) {
  test(`bench ${args.join(' ')} is refused by name before it measures anything`, async () => {
    const r = await bench(...args);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, message);
    assert.doesNotMatch(r.out, /benchmarks:|targets:|TypeError/);
  });
}
