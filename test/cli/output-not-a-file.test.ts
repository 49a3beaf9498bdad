// Something other than a regular file where the generator writes one (a
// folder, a link, a pipe), or a file where it needs a folder: --check reports
// it without reading it (a folder threw EISDIR, a pipe blocked for ever),
// generate replaces what it safely can and refuses the rest by name, never a
// crash. Found by the review rev5 (2026-11-26).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { OutDirError } from '../../generator/write/out-dir.ts';
import { compareOutput, writeOutput } from '../../generator/write/output.ts';

const FILES = new Map([
  ['client/README.md', '# client\n'],
  ['client/dist/cjs/client.js', 'module.exports = {};\n'],
]);

function fresh(): string {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'top-not-a-file-')), 'gen');
  writeOutput(out, FILES);
  assert.deepEqual(compareOutput(out, FILES), []);
  return out;
}

const damages: [string, (out: string) => void][] = [
  [
    'a folder',
    (out) => {
      rmSync(path.join(out, 'client/README.md'));
      mkdirSync(path.join(out, 'client/README.md'));
    },
  ],
  [
    'a link to a file with the same text',
    (out) => {
      const elsewhere = path.join(path.dirname(out), 'same.md');
      writeFileSync(elsewhere, FILES.get('client/README.md')!);
      rmSync(path.join(out, 'client/README.md'));
      symlinkSync(elsewhere, path.join(out, 'client/README.md'));
    },
  ],
  [
    'a named pipe',
    (out) => {
      rmSync(path.join(out, 'client/README.md'));
      execFileSync('mkfifo', [path.join(out, 'client/README.md')]);
    },
  ],
];
for (const [what, damage] of damages) {
  test(`${what} where a file belongs: --check says stale without reading it, and generate puts the file back`, () => {
    const out = fresh();
    damage(out);
    assert.deepEqual(compareOutput(out, FILES), [{ file: 'client/README.md', kind: 'stale' }]);
    writeOutput(out, FILES);
    assert.equal(readFileSync(path.join(out, 'client/README.md'), 'utf8'), FILES.get('client/README.md'));
    assert.deepEqual(compareOutput(out, FILES), []);
    rmSync(path.dirname(out), { recursive: true, force: true });
  });
}

test('beside a file generate did not write, a folder holding files where a file belongs is refused by name, and left as it is', () => {
  const out = fresh();
  writeFileSync(path.join(out, 'notes.txt'), 'mine\n');
  rmSync(path.join(out, 'client/README.md'));
  mkdirSync(path.join(out, 'client/README.md'));
  writeFileSync(path.join(out, 'client/README.md/keep'), 'mine too\n');
  assert.throws(
    () => writeOutput(out, FILES),
    (e: unknown) => e instanceof OutDirError && /client\/README\.md is a folder where top-openapi writes a file/.test(e.message),
  );
  assert.equal(readFileSync(path.join(out, 'client/README.md/keep'), 'utf8'), 'mine too\n');
  rmSync(path.dirname(out), { recursive: true, force: true });
});

test('beside a file generate did not write, a file where a folder belongs is refused by its own name', () => {
  const out = fresh();
  writeFileSync(path.join(out, 'notes.txt'), 'mine\n');
  rmSync(path.join(out, 'client/dist'), { recursive: true });
  writeFileSync(path.join(out, 'client/dist'), 'in the way\n');
  assert.deepEqual(
    compareOutput(out, FILES).map((d) => d.kind),
    ['missing', 'extra', 'extra'],
  );
  assert.throws(
    () => writeOutput(out, FILES),
    (e: unknown) => e instanceof OutDirError && /client\/dist is not a folder, and top-openapi writes .*client\/dist\/cjs\/client\.js below it/.test(e.message),
  );
  rmSync(path.dirname(out), { recursive: true, force: true });
});
