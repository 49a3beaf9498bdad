// Issue 13 review: bad input gets one line and exit 2, never a stack trace,
// a hang or lost files. Each row runs the real `top-openapi` (bin/) in a
// scratch project that has a package.json, notes, the spec and a few broken
// inputs, and asserts the exit status, the exact first line, that no stack
// trace was printed and that the project's files are all still there.
// (Every row stops before generating, so the table runs in seconds.)

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/top-openapi.js');
let dir: string;
let listing: string[];

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'top-bad-input-'));
  cpSync(path.join(ROOT, 'spec'), path.join(dir, 'api'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"mine"}\n');
  writeFileSync(path.join(dir, 'NOTES.md'), 'my notes\n');
  writeFileSync(path.join(dir, 'empty.yaml'), '');
  writeFileSync(path.join(dir, 'list.yaml'), '[1, 2]\n');
  writeFileSync(path.join(dir, 'scalar.yaml'), 'hello\n');
  writeFileSync(path.join(dir, 'swagger.json'), '{"swagger":"2.0","info":{"title":"x","version":"1.0.0"},"paths":{}}\n');
  writeFileSync(path.join(dir, 'afile'), 'not a folder\n');
  mkdirSync(path.join(dir, 'stuff'));
  writeFileSync(path.join(dir, 'stuff/mine.txt'), 'mine\n');
  mkdirSync(path.join(dir, 'other'));
  writeFileSync(path.join(dir, 'other/package.json'), '{"name":"other"}\n');
  cpSync(path.join(dir, 'api'), path.join(dir, 'rc/api'), { recursive: true });
  writeFileSync(path.join(dir, 'rc/api/redocly.yaml'), 'rules: [\n');
  mkdirSync(path.join(dir, 'conf'));
  writeFileSync(path.join(dir, 'conf/top-openapi.config.json'), '{"spec": "../api/openapi.yaml", "out": "."}\n');
  for (const [name, config] of Object.entries({
    badlicence: { license: 'Not-A-Licence' },
    halflicence: { license: 'MIT OR' },
    apache: { license: 'Apache-2.0' },
    mockonly: { artefacts: ['mock'] },
  })) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'top-openapi.config.json'), JSON.stringify({ spec: '../api/openapi.yaml', out: '../sdk', ...config }));
  }
  listing = readdirSync(dir).sort();
});
after(() => rmSync(dir, { recursive: true, force: true }));

const NOT_OAS3 = 'want an OpenAPI 3.x document (a mapping with openapi: 3.1.0, info and paths)';
const OWN_FOLDER = 'the output needs a folder of its own, e.g. --out sdk';
const rows: { name: string; args: string[]; code: number; line: string; cwd?: string }[] = [
  { name: 'an empty --scaffold', args: ['generate', '--scaffold', ''], code: 2, line: 'generate: --scaffold must not be empty (an unset variable?)' },
  {
    name: '"artefacts": ["mock"] in the config (read "must be to include", review rv1)',
    args: ['generate', '--config', 'mockonly/top-openapi.config.json'],
    code: 2,
    line: 'generate: mockonly/top-openapi.config.json: "artefacts" must include "server" when it includes "mock" (the mock is part of the server package); got ["mock"]',
  },
  { name: 'an empty --spec', args: ['generate', '--spec', '', '--out', 'o'], code: 2, line: 'generate: --spec must not be empty (an unset variable?)' },
  { name: 'an empty --out (an unset "$OUT")', args: ['generate', '--spec', 'api/openapi.yaml', '--out', ''], code: 2, line: 'generate: --out must not be empty (an unset variable?)' },
  {
    name: '--out . (the project, holding the spec)',
    args: ['generate', '--spec', 'api/openapi.yaml', '--out', '.'],
    code: 2,
    line: `generate: --out . holds the spec api/openapi.yaml: ${OWN_FOLDER}`,
  },
  { name: "--out the spec's folder", args: ['generate', '--spec', 'api/openapi.yaml', '--out', 'api'], code: 2, line: `generate: --out api holds the spec api/openapi.yaml: ${OWN_FOLDER}` },
  {
    name: '--out the current folder (spec elsewhere)',
    args: ['generate', '--spec', '../api/openapi.yaml', '--out', '.'],
    code: 2,
    line: `generate: --out . is the current folder: ${OWN_FOLDER}`,
    cwd: 'stuff',
  },
  {
    name: '"out" in the config naming its own folder',
    args: ['generate', '--config', 'conf/top-openapi.config.json'],
    code: 2,
    line: 'generate: conf/top-openapi.config.json "out": conf holds the config file conf/top-openapi.config.json: the output needs a folder of its own',
  },
  {
    name: 'a project folder (package.json) that is no earlier output',
    args: ['generate', '--spec', 'api/openapi.yaml', '--out', 'other'],
    code: 2,
    line: 'generate: --out other holds package.json (a project folder?) and is not an earlier output of top-openapi generate (no .top-openapi-manifest.json); the generator writes only into a new or empty folder or its own earlier output, and never deletes files it did not write',
  },
  {
    name: 'a non-empty folder that is no earlier output',
    args: ['generate', '--spec', 'api/openapi.yaml', '--out', 'stuff'],
    code: 2,
    line: 'generate: --out stuff is not empty and is not an earlier output of top-openapi generate (no .top-openapi-manifest.json); the generator writes only into a new or empty folder or its own earlier output, and never deletes files it did not write',
  },
  {
    name: 'an --out that cannot be created (hung before)',
    args: ['generate', '--spec', 'api/openapi.yaml', '--out', '/proc/top-openapi-x'],
    code: 2,
    line: 'generate: --out /proc/top-openapi-x: cannot write in /proc (ENOENT)',
  },
  { name: '--out naming a file', args: ['generate', '--spec', 'api/openapi.yaml', '--out', 'afile'], code: 2, line: 'generate: --out afile is a file, not a folder' },
  { name: '--check with --out naming a file', args: ['generate', '--spec', 'api/openapi.yaml', '--out', 'afile', '--check'], code: 2, line: 'generate: --out afile is a file, not a folder' },
  { name: '--out below a file', args: ['generate', '--spec', 'api/openapi.yaml', '--out', 'afile/sub'], code: 2, line: 'generate: --out afile/sub: afile is a file, not a folder' },
  { name: 'a folder as --spec', args: ['generate', '--spec', 'api', '--out', 'o'], code: 2, line: "generate: --spec api is a folder; name the spec's entry file, e.g. api/openapi.yaml" },
  { name: 'an empty YAML file', args: ['generate', '--spec', 'empty.yaml', '--out', 'o'], code: 2, line: `empty.yaml:1:1 the file is empty; ${NOT_OAS3}` },
  { name: 'a YAML list', args: ['generate', '--spec', 'list.yaml', '--out', 'o'], code: 2, line: `list.yaml:1:1 the file holds a YAML list; ${NOT_OAS3}` },
  { name: 'a YAML scalar', args: ['generate', '--spec', 'scalar.yaml', '--out', 'o'], code: 2, line: `scalar.yaml:1:1 the file holds a single string value; ${NOT_OAS3}` },
  {
    name: 'Swagger 2.0 (generate)',
    args: ['generate', '--spec', 'swagger.json', '--out', 'o'],
    code: 2,
    line: 'swagger.json:1:1 Swagger 2.0 is not supported; convert it to OpenAPI 3.1 first (e.g. with swagger2openapi)',
  },
  {
    name: 'Swagger 2.0 (mock)',
    args: ['mock', '--spec', 'swagger.json', '--port', '0'],
    code: 2,
    line: 'swagger.json:1:1 Swagger 2.0 is not supported; convert it to OpenAPI 3.1 first (e.g. with swagger2openapi)',
  },
  {
    name: 'diff given one schema file of a split spec (exit 2, not 1 = breaking)',
    args: ['diff', 'api/components/schemas/PayOrderRequest.yaml', 'api/openapi.yaml'],
    code: 2,
    line: "diff: api/components/schemas/PayOrderRequest.yaml:1:1 no `openapi` field: not a spec's entry file (one file of a split spec?); pass the file with openapi: 3.1.0 at its top, or its folder",
  },
  { name: 'diff given an empty file', args: ['diff', 'empty.yaml', 'api/openapi.yaml'], code: 2, line: `diff: empty.yaml:1:1 the file is empty; ${NOT_OAS3}` },
  {
    name: 'a broken redocly.yaml beside the spec',
    args: ['generate', '--spec', 'rc/api/openapi.yaml', '--out', 'o'],
    code: 2,
    line: 'rc/api/redocly.yaml:2:1 the lint config cannot be read: deficient indentation',
  },
  {
    name: 'a licence that is no SPDX id',
    args: ['generate', '--config', 'badlicence/top-openapi.config.json'],
    code: 2,
    line: 'generate: badlicence/top-openapi.config.json: "license" must be an SPDX licence id (MIT, Apache-2.0, ISC, BSD-2-Clause, BSD-3-Clause, MPL-2.0, … or an expression of them such as "MIT OR Apache-2.0"), or "UNLICENSED"; got "Not-A-Licence"',
  },
  {
    name: 'a licence expression cut short',
    args: ['generate', '--config', 'halflicence/top-openapi.config.json'],
    code: 2,
    line: 'generate: halflicence/top-openapi.config.json: "license" must be an SPDX licence id (MIT, Apache-2.0, ISC, BSD-2-Clause, BSD-3-Clause, MPL-2.0, … or an expression of them such as "MIT OR Apache-2.0"), or "UNLICENSED"; got "MIT OR"',
  },
  {
    name: 'Apache-2.0 with no licence text to ship (was: no LICENSE, silently)',
    args: ['generate', '--config', 'apache/top-openapi.config.json'],
    code: 2,
    line: 'generate: apache/top-openapi.config.json: "license": "Apache-2.0" needs its text for the packages\' LICENSE file: set "licenseFile" (e.g. "LICENSE"), put a LICENSE file beside top-openapi.config.json, or set "licenseFile": false to ship none (the generator has its own text only for MIT)',
  },
];

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs the CLI without blocking, so the rows run side by side. */
function run(args: string[], cwd: string): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

const KEEP = ['package.json', 'NOTES.md', 'api/openapi.yaml', 'stuff/mine.txt', 'other/package.json', 'conf/top-openapi.config.json'];

describe('bad input: one line, exit 2, nothing lost', { concurrency: 4 }, () => {
  for (const row of rows) {
    test(`${row.name}: exit ${row.code}, one line`, async () => {
      const r = await run(row.args, path.join(dir, row.cwd ?? '.'));
      const out = `${r.stdout}${r.stderr}`;
      assert.equal(r.signal, null, `top-openapi ${row.args.join(' ')} was killed (hung?)`);
      assert.doesNotMatch(out, STACK, `a stack trace:\n${out}`);
      assert.equal(r.status, row.code, out);
      assert.deepEqual(r.stderr.trim().split('\n'), [row.line]);
      for (const file of KEEP) assert.ok(existsSync(path.join(dir, file)), `${file} is still there`);
    });
  }
});

test('afterwards the project holds exactly what it held: nothing deleted, no output folder left', () => {
  assert.deepEqual(readdirSync(dir).sort(), listing);
  assert.equal(readFileSync(path.join(dir, 'NOTES.md'), 'utf8'), 'my notes\n');
});
