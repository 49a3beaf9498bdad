// bench:rounds refuses a bad argument by name, with exit code 2, before it
// starts any server: a name is a server of bench/servers/, never a path, and
// the shared parts there (app.ts, common.ts) are not servers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

async function rounds(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bench/rounds.ts', ...args], { cwd: ROOT, timeout: 30_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

for (const [args, want] of [
  [[], /name two or more servers/],
  [['gateway'], /name two or more different servers; got gateway/],
  [['gateway,gateway'], /name two or more different servers; got gateway,gateway/],
  [['gateway,../servers/bare'], /no server \.\.\/servers\/bare in bench\/servers\//],
  [['gateway,nope'], /no server nope in bench\/servers\//],
  [['gateway,common'], /bench\/servers\/common\.ts is not a server/],
  [['app,bare'], /bench\/servers\/app\.ts is not a server/],
  [['gateway,bare', 'abc'], /ROUNDS must be a whole number from 1; got abc/],
  [['gateway,bare', '3', '0'], /SECONDS must be a whole number from 1; got 0/],
  [['gateway,bare', '3', '2', 'extra'], /unexpected extra/],
] as const) {
  test(`bench:rounds ${args.join(' ') || '(nothing)'} is refused: ${want.source}`, async () => {
    const r = await rounds(...args);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, want);
    assert.doesNotMatch(r.out, /round 1|req\/s/);
  });
}
