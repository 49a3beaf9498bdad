// The writer never deletes or replaces a file it did not write: the manifest
// it leaves in every output names its files; a plain run and a --watch
// regeneration (writeChanged) delete only files that manifest lists, keep
// everything else, and refuse a folder that is not an output of theirs.
// In process, on small file maps (no spec, no pipeline).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { MANIFEST_FILE, OutDirError, readManifest } from '../../generator/write/out-dir.ts';
import { compareOutput, type OutputFiles, writeChanged, writeOutput } from '../../generator/write/output.ts';

let root: string;
before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'top-ownership-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

const files = (entries: Record<string, string>): OutputFiles => new Map(Object.entries(entries));
const first = files({ 'api-surface.json': '{}\n', 'client/a.ts': 'a\n', 'client/old.ts': 'old\n' });
const second = files({ 'api-surface.json': '{}\n', 'client/a.ts': 'a2\n' });
let n = 0;
const fresh = () => path.join(root, `out${++n}`);

for (const [name, write] of [
  ['a plain run', writeOutput],
  ['a --watch regeneration', writeChanged],
] as const) {
  test(`${name}: deletes only what its manifest lists, keeps the user's files`, () => {
    const out = fresh();
    writeOutput(out, first);
    assert.deepEqual([...readManifest(out)!], ['api-surface.json', 'client/a.ts', 'client/old.ts']);
    writeFileSync(path.join(out, 'NOTES.md'), 'mine\n');
    writeFileSync(path.join(out, 'client/mine.ts'), 'mine\n');
    const result = write(out, second);
    assert.deepEqual(result.kept, ['NOTES.md', 'client/mine.ts']);
    assert.equal(readFileSync(path.join(out, 'NOTES.md'), 'utf8'), 'mine\n');
    assert.equal(readFileSync(path.join(out, 'client/mine.ts'), 'utf8'), 'mine\n');
    assert.equal(readFileSync(path.join(out, 'client/a.ts'), 'utf8'), 'a2\n');
    assert.ok(!existsSync(path.join(out, 'client/old.ts')), 'its own stale file is deleted');
    assert.deepEqual([...readManifest(out)!], ['api-surface.json', 'client/a.ts']);
    // --check names the user's files as not the generator's, and nothing else.
    assert.deepEqual(compareOutput(out, second), [
      { file: 'NOTES.md', kind: 'extra', foreign: true },
      { file: 'client/mine.ts', kind: 'extra', foreign: true },
    ]);
  });
}

test('a folder that is no output of ours is refused before anything is written or deleted', () => {
  const out = fresh();
  mkdirSync(out);
  writeFileSync(path.join(out, 'package.json'), '{}\n');
  for (const write of [writeOutput, writeChanged]) {
    assert.throws(() => write(out, first), OutDirError);
    assert.deepEqual(readdirSync(out), ['package.json']);
  }
});

test('a file of the user at a path the generator now writes is refused, not replaced', () => {
  const out = fresh();
  writeOutput(out, first);
  writeFileSync(path.join(out, 'client/new.ts'), 'mine\n');
  assert.throws(() => writeOutput(out, files({ ...Object.fromEntries(first), 'client/new.ts': 'generated\n' })), /client\/new\.ts was not written by top-openapi generate/);
  assert.equal(readFileSync(path.join(out, 'client/new.ts'), 'utf8'), 'mine\n');
});

test('an output from before manifests (api-surface.json, no manifest): overwritten in place, nothing deleted', () => {
  const out = fresh();
  mkdirSync(path.join(out, 'client'), { recursive: true });
  writeFileSync(path.join(out, 'api-surface.json'), '{"version":"1.0.0","operations":[]}\n');
  writeFileSync(path.join(out, 'client/old.ts'), 'old\n');
  const result = writeOutput(out, second);
  assert.deepEqual(result.kept, ['client/old.ts']);
  assert.ok(existsSync(path.join(out, 'client/old.ts')));
  assert.equal(readFileSync(path.join(out, 'client/a.ts'), 'utf8'), 'a2\n');
  assert.ok(existsSync(path.join(out, MANIFEST_FILE)));
});

test('an empty folder (mkdtemp) is written like a new one', () => {
  const out = fresh();
  mkdirSync(out);
  writeOutput(out, first);
  assert.deepEqual(readdirSync(out).sort(), [MANIFEST_FILE, 'api-surface.json', 'client']);
});
