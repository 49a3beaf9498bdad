// Byte-reproducible output, proven the way it matters: two fresh processes
// (different time zones and locales, no cache: each writes into an empty
// folder, so the reference page and dist/ are rebuilt) generate the same
// bytes as each other and as the committed generated/, which was written with
// the caches. One process comparing its own output with itself proves nothing.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');

function generateIn(out: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'generator/cli.ts'), '--out', out], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(path.relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((n) => !a.has(n) || !b.has(n) || !a.get(n)!.equals(b.get(n)!)).map((n) => (!a.has(n) ? `only in second: ${n}` : !b.has(n) ? `only in first: ${n}` : `differs: ${n}`));
}

test('two fresh processes generate the same bytes as each other and as the committed generated/', async () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'top-determinism-'));
  const [first, second] = [path.join(scratch, 'a'), path.join(scratch, 'b')];
  try {
    const runs = await Promise.all([generateIn(first, { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' }), generateIn(second, { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' })]);
    for (const r of runs) assert.equal(r.code, 0, r.output);
    const a = tree(first);
    const b = tree(second);
    assert.ok(a.size > 100, `only ${a.size} files generated`);
    assert.deepEqual(differences(a, b), [], 'the two processes disagree');
    assert.deepEqual(differences(a, tree(path.join(ROOT, 'generated'))), [], 'a fresh generation differs from the committed one');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
