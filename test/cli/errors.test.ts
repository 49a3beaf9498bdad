// Errors people can act on: each broken spec gets exactly one line,
// FILE:LINE:COL message, the file relative to the cwd, placed in the source
// file that has the fault (model errors included: their bundled-document
// pointer is mapped back through the $refs), knock-on errors dropped.
// In process (generate() throws SpecError with the lines the CLI prints);
// test/generator/generate.test.ts checks the CLI's exit 1 and untouched output.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generate, SpecError } from '../../generator/generate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CMD = 'spec/components/schemas/TenderPrePayCmd.yaml';
const OP = 'spec/paths/alibaba.idle.tender.pre.pay.action.yaml';
let dir: string;
const home = process.cwd();

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'top-errors-'));
  process.chdir(dir);
});
after(() => {
  process.chdir(home);
  rmSync(dir, { recursive: true, force: true });
});

// `want` as a function: the line the error names, found in the edited text (a fixed number breaks whenever the file above it changes).
const cases: { name: string; file: string; edit: (text: string) => string; want: string | ((edited: string) => string) }[] = [
  {
    name: 'bad indentation',
    file: CMD,
    edit: (t) => t.replace('  order_id:\n    type: string', '  order_id:\n   type: string'),
    want: `${CMD}:9:16 YAML syntax error: bad indentation of a mapping entry`,
  },
  {
    name: 'a missing $ref target (reported once, not by lint and bundler both)',
    file: 'spec/components/schemas/AlibabaIdleTenderPrePayActionRequest.yaml',
    edit: (t) => t.replace('./TenderPrePayCmd.yaml', './Nope.yaml'),
    want: 'spec/components/schemas/AlibabaIdleTenderPrePayActionRequest.yaml:8:5 $ref target spec/components/schemas/Nope.yaml does not exist',
  },
  {
    name: 'a required name with no property (a model error, mapped to its file and entry)',
    file: CMD,
    edit: (t) => t.replace('pre_pay_action]', 'pre_pay_action, pre_pay_time]'),
    want: `${CMD}:5:50 \`pre_pay_time\` is required but not a property`,
  },
  {
    name: 'a wrong type name',
    file: CMD,
    edit: (t) => t.replace('    type: integer', '    type: integr'),
    want: `${CMD}:18:11 \`type\` can be one of the following only: "object", "array", "string", "number", "integer", "boolean", "null".`,
  },
  {
    name: 'a duplicate method (the same path key twice)',
    file: 'spec/openapi.yaml',
    edit: (t) =>
      t.replace(
        /(\n {2}\/router\/rest#alibaba\.alisports\.lianbei\.xpos\.pay:\n.*\n)/,
        '$1  /router/rest#alibaba.idle.tender.pre.pay.action:\n    $ref: ./paths/alibaba.idle.tender.pre.pay.action.yaml\n',
      ),
    want: (edited) => {
      const key = '\n  /router/rest#alibaba.idle.tender.pre.pay.action:';
      const second = edited.indexOf(key, edited.indexOf(key) + 1);
      const line = edited.slice(0, second + 1).split('\n').length;
      return `spec/openapi.yaml:${line}:3 YAML syntax error: duplicated key /router/rest#alibaba.idle.tender.pre.pay.action (each key once; each TOP method has one path)`;
    },
  },
  {
    name: 'a bad extension value',
    file: OP,
    edit: (t) => t.replace('x-top-idempotency-key: [param0.pre_pay_no]', 'x-top-idempotency-key: 42'),
    want: `${OP}:10:26 \`x-top-idempotency-key\` must be a list of dotted request-field paths, first present wins ([] for a write TOP gives no key; leave it out for a query API).`,
  },
  {
    name: 'an unknown format',
    file: CMD,
    edit: (t) => t.replace('format: int64', 'format: int65'),
    want: `${CMD}:19:13 \`format: int65\` is not a TOP type for \`type: integer\`; use \`int64\`, \`int32\`.`,
  },
  {
    name: 'a DTO without JSON encoding',
    file: OP,
    edit: (t) => t.replace(/ {8}encoding:\n {10}param0:\n {12}contentType: application\/json\n/, ''),
    want: `${OP}:30:11 \`param0\` is a DTO (or a list of DTOs) and travels as JSON text: declare \`encoding.param0.contentType: application/json\`.`,
  },
  {
    name: 'a path key that disagrees with its method',
    file: 'spec/openapi.yaml',
    edit: (t) => t.replace('  /router/rest#alibaba.idle.tender.pre.pay.action:', '  /router/rest#alibaba.idle.tender.prepay.action:'),
    want: `${OP}:2:3 Path key must be \`/router/rest#alibaba.idle.tender.pre.pay.action\` to match \`x-top-method\`; found \`/router/rest#alibaba.idle.tender.prepay.action\`.`,
  },
  {
    name: 'an int64 example out of range (read from the digits as written)',
    file: CMD,
    edit: (t) => t.replace('examples: [2]', 'examples: [9223372036854775808]'),
    want: `${CMD}:22:16 int64 example 9223372036854775808 is out of the int64 range (-9223372036854775808 to 9223372036854775807)`,
  },
];

for (const [i, c] of cases.entries()) {
  test(`broken spec: ${c.name} → one exact line`, async () => {
    const root = path.join(dir, `case-${i}`);
    cpSync(path.join(ROOT, 'spec'), path.join(root, 'spec'), { recursive: true });
    process.chdir(root);
    const target = path.join(root, c.file);
    const before = readFileSync(target, 'utf8');
    const after = c.edit(before);
    assert.notEqual(after, before, 'the edit applied');
    writeFileSync(target, after);
    await assert.rejects(generate('spec/openapi.yaml', { outDir: 'out', checkVersion: false }), (error: unknown) => {
      assert.ok(error instanceof SpecError, String(error));
      assert.deepEqual(error.lines, [typeof c.want === 'string' ? c.want : c.want(after)]);
      return true;
    });
  });
}

test('an int64 example at the very top of the range is accepted (no false alarm from float rounding)', async () => {
  const root = path.join(dir, 'in-range');
  cpSync(path.join(ROOT, 'spec'), path.join(root, 'spec'), { recursive: true });
  process.chdir(root);
  const target = path.join(root, CMD);
  writeFileSync(target, readFileSync(target, 'utf8').replace('examples: [2]', 'examples: [9223372036854775807]'));
  const { model } = await generate('spec/openapi.yaml', { outDir: 'out', checkVersion: false });
  assert.equal(model.operations.length, 5);
});
