// Review rv1: spec values that passed the lint and then crashed the
// generator, each printed as "unexpected error: … (a bug in top-openapi)"
// with no file or place: a default of the wrong type (the runtime's encoder
// threw), a default outside its own constraints (generated fine, then the
// gateway refused every call that left the parameter out), an empty enum and a pattern that is no regular expression (ajv
// threw while compiling the validators), and a spec with no operation (the
// README renderer read the first one). Each now gets one FILE:LINE:COL line.
// And an info.title holding `*/` ended the JSDoc comment it is printed in,
// so the generated client did not compile.
// In process, on a copy of test/fixtures/top-apis (as test/cli/errors.test.ts does for spec/).

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { defaultOutputSettings } from '../../generator/config.ts';
import { generate, SpecError } from '../../generator/generate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/top-apis');
const MEMO = 'api/components/schemas/TaobaoTradeMemoAddRequest.yaml';
// No docs site: the reference page's child process is not what these are about.
const settings = { ...defaultOutputSettings(), artefacts: { client: true, server: true, mock: true, docs: false } };
let dir: string;
const home = process.cwd();

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'top-errors-values-'));
});
after(() => {
  process.chdir(home);
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture spec under `api/` with one file edited; the cwd is its project. */
function project(name: string, file: string, edit: (text: string) => string): void {
  const root = path.join(dir, name);
  cpSync(FIXTURE, path.join(root, 'api'), { recursive: true });
  process.chdir(root);
  const target = path.join(root, file);
  const text = readFileSync(target, 'utf8');
  const edited = edit(text);
  assert.notEqual(edited, text, 'the edit applied');
  writeFileSync(target, edited);
}

const cases: { name: string; file: string; edit: (text: string) => string; want: string }[] = [
  {
    name: 'a Number parameter whose default is a word',
    file: MEMO,
    edit: (t) => t.replace('    default: 0\n', '    default: "zero"\n'),
    want: `${MEMO}:28:14 \`flag\`'s default "zero" is not a Number: must be an int64 (a bigint)`,
  },
  {
    name: 'a default outside its own maximum (generated, then every call leaving it out was refused 41)',
    file: MEMO,
    edit: (t) => t.replace('    default: 0\n', '    default: 9\n'),
    want: `${MEMO}:28:14 \`flag\`'s default 9 is above its maximum 5: the gateway applies it to every call that leaves \`flag\` out, and would refuse it (41 isv.invalid-parameter:flag)`,
  },
  {
    name: 'an int64 maximum with a fraction (BigInt() threw)',
    file: MEMO,
    edit: (t) => t.replace('    maximum: 5\n', '    maximum: 5.5\n'),
    want: `${MEMO}:30:14 \`maximum\` of an int64 must be a whole number; got 5.5`,
  },
  {
    name: 'a constraint the validators would not check (exclusiveMaximum was dropped silently)',
    file: MEMO,
    edit: (t) => t.replace('    maximum: 5\n', '    maximum: 5\n    exclusiveMaximum: 5\n'),
    want: `${MEMO}:31:23 \`exclusiveMaximum\` is not a TOP constraint, and neither the client nor the gateway would check it; TOP's are maxLength, minLength, maxItems, minItems, minimum, maximum, enum and pattern`,
  },
  {
    name: 'a business parameter declared in the query (dropped silently: the client never sent it)',
    file: 'api/paths/taobao.trade.memo.add.yaml',
    edit: (t) =>
      t.replace(
        '    - "$ref": "../components/parameters/system.yaml#/TargetAppKey"\n',
        '    - "$ref": "../components/parameters/system.yaml#/TargetAppKey"\n    - name: "fields"\n      in: "query"\n      schema:\n        type: "string"\n',
      ),
    want: "api/paths/taobao.trade.memo.add.yaml:26:7 `fields` (in: query) is not a TOP system parameter: the client would never send it, nor the gateway read it; a business parameter belongs in the request body's schema",
  },
  {
    name: 'an empty enum',
    file: MEMO,
    edit: (t) => t.replace('  tag:\n    type: "string"\n', '  tag:\n    type: "string"\n    enum: []\n'),
    want: `${MEMO}:35:11 \`enum\` must list at least one value`,
  },
  {
    name: 'a pattern that is no regular expression',
    file: MEMO,
    edit: (t) => t.replace('  tag:\n    type: "string"\n', '  tag:\n    type: "string"\n    pattern: "(ab"\n'),
    want: `${MEMO}:35:14 \`pattern\` is not a regular expression (read with the u flag, as the validators read it): Invalid regular expression: /(ab/u: Unterminated group`,
  },
  {
    name: 'a spec with no operation',
    file: 'api/openapi.yaml',
    edit: (t) => t.replace(/^paths:\n(?: {2}.*\n)+/m, 'paths: {}\n'),
    want: 'api/openapi.yaml:35:8 the spec has no operation: add a path /router/rest#<method> for each TOP API',
  },
  {
    name: 'an info.version that is no semantic version (the packages were written, and could not be published)',
    file: 'api/openapi.yaml',
    edit: (t) => t.replace('  version: 1.0.0\n', '  version: "1.0"\n'),
    want: 'api/openapi.yaml:4:12 info.version "1.0" is not a semantic version (MAJOR.MINOR.PATCH): the client and server packages take it as their npm version',
  },
  {
    name: 'an info.version with no CHANGELOG entry: the changelog beside the spec is named once (was "api/CHANGELOG.md: spec/CHANGELOG.md has no …")',
    file: 'api/openapi.yaml',
    edit: (t) => t.replace('  version: 1.0.0\n', '  version: 1.0.1\n'),
    want: 'api/CHANGELOG.md: no "## 1.0.1" entry for info.version 1.0.1',
  },
  {
    name: 'a $ref that points at itself (redocly threw "Self-referencing circular pointer", placed nowhere)',
    file: MEMO,
    edit: (t) => t.replace('  tag:\n    type: "string"\n', '  tag:\n    $ref: "#/properties/tag"\n    type: "string"\n'),
    want: `${MEMO}:34:5 $ref #/properties/tag leads, through $refs only, back to itself: point it at a schema`,
  },
];

for (const [i, c] of cases.entries()) {
  test(`broken spec: ${c.name} → one exact line, not an unexpected error`, async () => {
    project(`case-${i}`, c.file, c.edit);
    await assert.rejects(generate('api/openapi.yaml', { outDir: 'out', checkVersion: false, settings }), (error: unknown) => {
      assert.ok(error instanceof SpecError, String(error));
      assert.deepEqual(error.lines, [c.want]);
      return true;
    });
  });
}

test('two schema files whose $refs point at each other: one line at the first $ref of the loop', async () => {
  project('ref-loop', MEMO, (t) => t.replace('  tag:\n    type: "string"\n', '  tag:\n    $ref: "./LoopA.yaml"\n'));
  writeFileSync('api/components/schemas/LoopA.yaml', '$ref: "./LoopB.yaml"\n');
  writeFileSync('api/components/schemas/LoopB.yaml', '$ref: "./LoopA.yaml"\n');
  await assert.rejects(generate('api/openapi.yaml', { outDir: 'out', checkVersion: false, settings }), (error: unknown) => {
    assert.ok(error instanceof SpecError, String(error));
    assert.deepEqual(error.lines, ['api/components/schemas/LoopA.yaml:1:1 $ref ./LoopB.yaml leads, through $refs only, back to itself: point it at a schema']);
    return true;
  });
});

test('an info.title holding */ is printed into the JSDoc harmlessly: the packages still compile', async () => {
  project('title', 'api/openapi.yaml', (t) => t.replace('  title: TOP APIs of every shape (test fixture)', '  title: "Payments */ export const x = 1; /* API"'));
  const { files } = await generate('api/openapi.yaml', { outDir: 'out', checkVersion: false, settings });
  for (const file of ['client/src/client.ts', 'server/src/server.ts']) {
    const text = String(files.get(file));
    assert.match(text, /Payments \*\\\/ export const x = 1; \/\* API/, file);
  }
});
