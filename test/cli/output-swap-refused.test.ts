// Review rv1: a plain run stages the output in a sibling folder and swaps it
// in by renaming the output folder aside. When the file system refuses that
// (the output is a mount point, as a container's volume is: EBUSY; its parent
// is not writable; a sibling of that name exists), the run stopped with
// "unexpected error: EPERM: … mkdir '.out.staging-…'" and wrote nothing,
// though the output folder itself was writable. It now writes file by file
// instead (what --watch does). And an old copy it cannot delete after the
// swap (a read-only folder inside it) is left with a warning, not a crash
// after the new output was already in place.
// In process, on small file maps (as output-ownership.test.ts).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { compareOutput, type OutputFiles, writeOutput } from '../../generator/write/output.ts';
import { readOnly, writable } from '../support/read-only.ts';

let root: string;
before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'top-swap-refused-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

const files = (entries: Record<string, string>): OutputFiles => new Map(Object.entries(entries));
const first = files({ 'api-surface.json': '{}\n', 'client/a.ts': 'a\n', 'client/old.ts': 'old\n' });
const second = files({ 'api-surface.json': '{}\n', 'client/a.ts': 'a2\n' });

test('the output folder cannot be renamed aside: written file by file, not an unexpected error', () => {
  const out = path.join(root, 'renamed', 'out');
  writeOutput(out, first);
  // A non-empty folder where the old copy would go: rename() refuses (ENOTEMPTY), as it does for a mount point (EBUSY).
  const aside = path.join(root, 'renamed', `.out.previous-${process.pid}`);
  mkdirSync(aside);
  writeFileSync(path.join(aside, 'someone.txt'), 'theirs\n');
  writeOutput(out, second);
  assert.deepEqual(compareOutput(out, second), []);
  assert.equal(readFileSync(path.join(aside, 'someone.txt'), 'utf8'), 'theirs\n', 'the folder in the way is left alone');
});

test("the output's parent is not writable (a volume mounted at --out): written file by file", (t) => {
  const parent = path.join(root, 'parent');
  const out = path.join(parent, 'out');
  writeOutput(out, first);
  const undo = readOnly(parent);
  if (undo === undefined) return t.skip('no way to make a folder read-only here');
  try {
    writeOutput(out, second);
  } finally {
    undo();
  }
  assert.deepEqual(compareOutput(out, second), []);
  assert.deepEqual(readdirSync(parent), ['out'], 'no staging folder left behind');
});

test('an old copy that cannot be deleted after the swap: the new output stands, the copy is named, no throw', (t) => {
  const parent = path.join(root, 'leftover');
  const out = path.join(parent, 'out');
  writeOutput(out, first);
  const undo = readOnly(path.join(out, 'client'));
  if (undo === undefined) return t.skip('no way to make a folder read-only here');
  let result: ReturnType<typeof writeOutput>;
  try {
    result = writeOutput(out, second);
  } finally {
    undo();
    // The old copy's folder, wherever it went, is writable again for the cleanup.
    for (const name of readdirSync(parent)) if (name !== 'out') writable(path.join(parent, name, 'client'));
  }
  assert.deepEqual(compareOutput(out, second), []);
  const left = readdirSync(parent).filter((name) => name !== 'out');
  assert.equal(left.length, 1, `the old copy: ${left}`);
  assert.equal(result.leftover, path.join(parent, left[0]!));
});
