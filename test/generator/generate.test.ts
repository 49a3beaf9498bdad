// The pipeline as a user runs it: --check, and a bad
// spec that names file, line and pointer and leaves generated/ alone.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { typeCheck } from '../support/strict-tsc.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'generator/cli.ts');

function runCli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** A scratch copy of the project's inputs, so tests can break them. */
function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-gen-'));
  for (const item of ['spec', 'redocly.yaml', 'generated']) cpSync(path.join(ROOT, item), path.join(dir, item), { recursive: true });
  // The config names the lint plugin by a relative path.
  writeFileSync(path.join(dir, 'redocly.yaml'), readFileSync(path.join(ROOT, 'redocly.yaml'), 'utf8').replace('./generator/', `${ROOT}/generator/`));
  return dir;
}

test('generated/ in the repository is current (generate --check)', () => {
  const r = runCli(ROOT, '--check');
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /is current \(5 operations, \d+ files/);
});

test('--check names every stale, missing and extra file and writes nothing', () => {
  const dir = scratch();
  try {
    writeFileSync(path.join(dir, 'generated/client/src/client.ts'), '// edited by hand\n');
    rmSync(path.join(dir, 'generated/client/src/types.ts'));
    writeFileSync(path.join(dir, 'generated/client/src/leftover.ts'), '');
    const r = runCli(dir, '--check');
    assert.equal(r.status, 1);
    assert.match(r.out, /stale: generated\/client\/src\/client\.ts/);
    assert.match(r.out, /missing: generated\/client\/src\/types\.ts/);
    assert.match(r.out, /extra: generated\/client\/src\/leftover\.ts/);
    assert.match(r.out, /2 files out of date; run `top-openapi generate`; 1 file not written by top-openapi; delete it/);
    assert.equal(readFileSync(path.join(dir, 'generated/client/src/client.ts'), 'utf8'), '// edited by hand\n');
    // A real run puts its own files right and keeps the one it did not write (not in its manifest);
    // a second run changes nothing; --check names that file until it is deleted.
    const first = runCli(dir).out;
    assert.match(first, /\(2 changed\)/);
    assert.match(first, /kept 1 file in generated\/ that top-openapi did not write: generated\/client\/src\/leftover\.ts/);
    assert.ok(existsSync(path.join(dir, 'generated/client/src/leftover.ts')));
    assert.match(runCli(dir).out, /\(0 changed\)/);
    const check = runCli(dir, '--check');
    assert.equal(check.status, 1);
    assert.match(check.out, /extra: generated\/client\/src\/leftover\.ts \(not written by top-openapi/);
    rmSync(path.join(dir, 'generated/client/src/leftover.ts'));
    assert.equal(runCli(dir, '--check').status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const broken: { name: string; file: string; edit: (text: string) => string; want: RegExp }[] = [
  {
    name: 'a YAML type error in a DTO',
    file: 'spec/components/schemas/TenderPrePayCmd.yaml',
    edit: (t) => t.replace('    type: integer\n    format: int64', '    type: integr\n    format: int64'),
    want: /^spec\/components\/schemas\/TenderPrePayCmd\.yaml:18:11 `type` can be one of/m,
  },
  {
    name: 'an operationId off the naming rule',
    file: 'spec/paths/alibaba.idle.tender.pre.pay.action.yaml',
    edit: (t) => t.replace('operationId: alibabaIdleTenderPrePayAction', 'operationId: prePay'),
    want: /^spec\/paths\/alibaba\.idle\.tender\.pre\.pay\.action\.yaml:2:\d+ `operationId` must be `alibabaIdleTenderPrePayAction`/m,
  },
  {
    name: 'a broken $ref',
    file: 'spec/components/schemas/AlibabaIdleTenderPrePayActionRequest.yaml',
    edit: (t) => t.replace('./TenderPrePayCmd.yaml', './Nope.yaml'),
    want: /^spec\/components\/schemas\/AlibabaIdleTenderPrePayActionRequest\.yaml:8:5 \$ref target spec\/components\/schemas\/Nope\.yaml does not exist$/m,
  },
  {
    name: 'a DTO parameter without its JSON encoding (the lint rule top/field-types, with file and line)',
    file: 'spec/paths/alibaba.idle.tender.pre.pay.action.yaml',
    edit: (t) => t.replace(/ {8}encoding:\n {10}param0:\n {12}contentType: application\/json\n/, ''),
    want: /^spec\/paths\/alibaba\.idle\.tender\.pre\.pay\.action\.yaml:\d+:\d+ `param0` is a DTO \(or a list of DTOs\) and travels as JSON text/m,
  },
];
for (const c of broken) {
  test(`a bad spec (${c.name}) is reported with where, exits 1 and leaves generated/ as it was`, () => {
    const dir = scratch();
    try {
      const target = path.join(dir, c.file);
      const before = readFileSync(target, 'utf8');
      const after = c.edit(before);
      assert.notEqual(after, before, 'the edit applied');
      writeFileSync(target, after);
      writeFileSync(path.join(dir, 'generated/client/src/client.ts'), '// sentinel\n');
      const r = runCli(dir);
      assert.equal(r.status, 1, r.out);
      assert.match(r.out, c.want);
      assert.match(r.out, /generated\/ was left as it was/);
      assert.equal(readFileSync(path.join(dir, 'generated/client/src/client.ts'), 'utf8'), '// sentinel\n');
      assert.ok(!existsSync(path.join(dir, `.generated.staging-${process.pid}`)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the generated client and server compile under tsc --strict --noUnusedLocals --noUnusedParameters --isolatedDeclarations', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-tsc-'));
  try {
    typeCheck(dir, {
      compilerOptions: {
        lib: ['ES2022'],
        noUnusedLocals: true,
        noUnusedParameters: true,
        allowImportingTsExtensions: true,
        noEmit: true,
        // dist/ is made file by file (transpileDeclaration): the sources must be fit for that.
        declaration: true,
        isolatedDeclarations: true,
      },
      include: [path.join(ROOT, 'generated/client/src/**/*.ts'), path.join(ROOT, 'generated/server/src/**/*.ts')],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// --watch is tested in test/cli/watch.test.ts.
