// A bench stopped by SIGTERM or SIGINT removes its temporary folders, as it
// does when it ends: stopped, it exited without its `finally` blocks and left
// bench-gen-* (the synthetic specs and every generated output) in the temp dir.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(import.meta.dirname, '../..');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`npm run bench -- --only generation stopped by ${signal} leaves no temporary folder`, async (t) => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-tmp-'));
    t.after(() => rmSync(tmp, { recursive: true, force: true }));
    const bench = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--only', 'generation'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, TMPDIR: tmp } });
    const exited = new Promise<number | null>((resolve) => bench.on('exit', (code) => resolve(code)));
    // Stopped once its folder is there and its first generator run has started into it.
    const made = () => readdirSync(tmp).filter((name) => name.startsWith('bench-gen-'));
    for (let i = 0; i < 600 && !made().some((d) => readdirSync(path.join(tmp, d)).includes('openapi.json')); i++) await sleep(50);
    assert.equal(made().length, 1, 'the bench made its folder');
    bench.kill(signal);
    assert.equal(await exited, signal === 'SIGINT' ? 130 : 143);
    // (tsx keeps its own cache there: tsx-<uid>.)
    assert.deepEqual(
      readdirSync(tmp).filter((name) => name.startsWith('bench-')),
      [],
      'no temporary folder of the bench left',
    );
  });
}
