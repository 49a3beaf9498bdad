// The TypeScript worker (generator/render/typescript-work.ts): a generation
// that uses it writes exactly what one without it writes, and what goes
// wrong in it comes back as the same error class.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CompileError } from '../../generator/render/compile.ts';
import { compileWork, startTypeScriptWork, wantsWorker } from '../../generator/render/typescript-work.ts';
import { filesUnder } from '../support/files-under.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/top-openapi.js');

test('--only client,server with the worker and without it: the same files, and the worker ran only when asked', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-ts-work-'));
  try {
    const runs = (['1', '0'] as const).map((worker) => {
      const out = path.join(dir, `out-${worker}`);
      const r = spawnSync(process.execPath, [BIN, 'generate', '--spec', path.join(ROOT, 'spec/openapi.yaml'), '--out', out, '--only', 'client,server'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, TOP_OPENAPI_TS_WORKER: worker, TOP_GENERATE_PROFILE: '1' },
      });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      return { files: filesUnder(out), workerRan: /\[profile\] the worker answered compile\n/.test(r.stderr) };
    });
    assert.equal(runs[0]!.workerRan, true, 'TOP_OPENAPI_TS_WORKER=1: the worker compiled');
    assert.equal(runs[1]!.workerRan, false, 'TOP_OPENAPI_TS_WORKER=0: no worker');
    assert.ok(runs[0]!.files.size > 100);
    assert.deepEqual([...runs[0]!.files.keys()].sort(), [...runs[1]!.files.keys()].sort());
    for (const [name, content] of runs[0]!.files) assert.equal(content, runs[1]!.files.get(name), name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a CompileError in the worker comes back as a CompileError naming the file', async () => {
  process.env.TOP_OPENAPI_TS_WORKER = '1'; // whatever the machine's load
  startTypeScriptWork({ client: true, server: false, docs: false });
  const manifest = `${JSON.stringify({ name: 'p', type: 'module' })}\n`;
  const files = new Map([
    ['p/package.json', manifest],
    ['p/src/bad.ts', 'export const a: number = ;\n'],
  ]);
  const out = mkdtempSync(path.join(os.tmpdir(), 'top-ts-work-'));
  try {
    await assert.rejects(
      compileWork(['p'], files, out, () => false),
      (e: unknown) => e instanceof CompileError && /p\/src\/bad\.ts/.test(e.message),
    );
    // And the worker still answers afterwards.
    const good = await compileWork(['p'], new Map([...files, ['p/src/bad.ts', 'export const a: number = 1;\n']]), out, () => false);
    assert.match(good.get('p/dist/bad.js') ?? '', /export const a = 1;/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a worker only for TypeScript work without the docs site, on a machine with a core to spare, unless asked', () => {
  const clientOnly = { client: true, server: false, docs: false };
  assert.equal(wantsWorker(clientOnly, undefined, 2, 0.3), true);
  assert.equal(wantsWorker(clientOnly, undefined, 2, 2.49), true);
  assert.equal(wantsWorker(clientOnly, undefined, 2, 2.5), false, 'more runnable work than cores');
  assert.equal(wantsWorker(clientOnly, undefined, 1, 0), false, 'one core');
  assert.equal(wantsWorker({ client: true, server: true, docs: true }, undefined, 2, 0), false, 'the docs child has the second core');
  assert.equal(wantsWorker({ client: false, server: false, docs: true }, undefined, 8, 0), false, 'no TypeScript work');
  assert.equal(wantsWorker({ client: true, server: true, docs: true }, '1', 1, 9), true, 'asked for');
  assert.equal(wantsWorker(clientOnly, '0', 8, 0), false, 'asked not to');
});
