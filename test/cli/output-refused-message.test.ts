// Review rv1: a write the file system refuses (a read-only folder inside the
// output, a read-only or full disk) was printed as "unexpected error: EACCES
// … (a bug in top-openapi …)". It is the machine's answer, not a bug: one
// line saying the file system refused, with the path, and exit 2.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readOnly } from '../support/read-only.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/top-openapi.js');

test('a read-only folder inside the output: "the file system refused", not "a bug in top-openapi"', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-refused-'));
  const run = () => spawnSync(process.execPath, [BIN, 'generate', '--spec', 'api/openapi.yaml', '--out', 'out', '--only', 'client'], { cwd: dir, encoding: 'utf8' });
  let undo: (() => void) | undefined;
  try {
    cpSync(path.join(ROOT, 'test/fixtures/top-apis'), path.join(dir, 'api'), { recursive: true });
    assert.equal(run().status, 0);
    // A file of the user's keeps the output from being swapped whole: each changed file is written in place.
    writeFileSync(path.join(dir, 'out/NOTES.md'), 'mine\n');
    const schema = path.join(dir, 'api/components/schemas/TaobaoTradeMemoAddRequest.yaml');
    writeFileSync(schema, readFileSync(schema, 'utf8').replace('Trade id.', 'Trade id, edited.'));
    undo = readOnly(path.join(dir, 'out/client/src'));
    if (undo === undefined) return t.skip('no way to make a folder read-only here');
    const r = run();
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^top-openapi generate: the file system refused: (EACCES|EPERM)\b.*out\/client\/src\//);
    assert.doesNotMatch(r.stderr, /a bug in top-openapi/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  } finally {
    undo?.();
    rmSync(dir, { recursive: true, force: true });
  }
});
