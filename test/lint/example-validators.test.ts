// The key a compiled example validator is kept under (generator/lint/example-validators.ts):
// what ajv ignores leaves it alone, anything ajv reads changes it, through every $ref.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { keptValidators, validatorKey } from '../../generator/lint/example-validators.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A resolver over a map of files, each a document; `$ref` is `file#/pointer` or `#/pointer`. */
function resolver(files: Record<string, unknown>) {
  return (node: unknown, from?: string) => {
    const ref = (node as { $ref: string }).$ref;
    const [file = '', pointer = ''] = ref.split('#');
    const absoluteRef = file === '' ? from! : path.posix.join('/spec', file);
    let at: unknown = files[absoluteRef];
    for (const part of pointer.split('/').filter(Boolean)) at = (at as Record<string, unknown> | undefined)?.[part];
    if (at === undefined) return {};
    return { node: at, location: { source: { absoluteRef }, absolutePointer: `${absoluteRef}#${pointer}` } };
  };
}

const key = (schema: unknown, files: Record<string, unknown> = {}) => validatorKey(schema, '/spec/root.yaml', resolver(files), false, '2020');

test('annotations and x- extensions do not change the key; what ajv checks does', () => {
  const base = { type: 'object', required: ['id'], properties: { id: { type: 'string', description: 'Id.', 'x-description-zh': '编号', examples: ['1'] } } };
  const annotated = structuredClone(base) as typeof base & { description?: string; title?: string };
  annotated.description = 'Changed.';
  annotated.title = 'T';
  annotated.properties.id.description = 'Another.';
  annotated.properties.id['x-description-zh'] = '另一个';
  annotated.properties.id.examples = ['2'];
  assert.equal(key(annotated), key(base));
  assert.notEqual(key({ ...base, required: [] }), key(base));
  assert.notEqual(key({ ...base, properties: { id: { type: 'integer' } } }), key(base));
});

test('a property named like an annotation is a property: kept', () => {
  const withDescription = { type: 'object', properties: { description: { type: 'string' } } };
  assert.notEqual(key(withDescription), key({ type: 'object', properties: {} }));
  assert.notEqual(key(withDescription), key({ type: 'object', properties: { description: { type: 'integer' } } }));
  // And enum values are data, never stripped.
  assert.notEqual(key({ enum: [{ description: 'a' }] }), key({ enum: [{ description: 'b' }] }));
});

test('a change in a referenced schema, however deep, changes the key; its description does not', () => {
  const files = (amountType: string, description: string) => ({
    '/spec/Result.yaml': { type: 'object', properties: { data: { $ref: './Data.yaml' } } },
    '/spec/Data.yaml': { type: 'object', description, properties: { amount: { type: amountType } } },
  });
  const schema = { oneOf: [{ $ref: 'Result.yaml' }, { type: 'null' }] };
  const before = key(schema, files('integer', 'Data.'));
  assert.equal(key(schema, files('integer', 'Data, described again.')), before);
  assert.notEqual(key(schema, files('string', 'Data.')), before);
  // A reference that does not resolve is keyed as such (and resolving it later changes the key).
  assert.notEqual(key(schema, { '/spec/Result.yaml': { type: 'object', properties: { data: { $ref: './Gone.yaml' } } } }), before);
});

test('a cycle of references is keyed once; schemas that rebase references are not keyed', () => {
  const files = { '/spec/Node.yaml': { type: 'object', properties: { next: { $ref: './Node.yaml' } } } };
  assert.equal(typeof key({ $ref: 'Node.yaml' }, files), 'string');
  assert.equal(key({ $id: 'https://example.com/x', type: 'string' }), undefined);
  assert.equal(key({ type: 'object', properties: { a: { $dynamicRef: '#meta' } } }), undefined);
});

/** A copy of the spec whose answer example no longer fits (pre_pay_amount made a string), with a lint config that names the example checks' severity. */
function brokenExampleSpec(severity: 'warn' | 'error'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-example-validators-'));
  cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
  const schema = path.join(dir, 'spec/components/schemas/TenderPrepayTopResult.yaml');
  writeFileSync(
    schema,
    readFileSync(schema, 'utf8').replace('pre_pay_amount:\n    type: integer\n    format: int64', 'pre_pay_amount:\n    type: string').replace('examples: [1234]', "examples: ['1234']"),
  );
  const config = readFileSync(path.join(ROOT, 'redocly.yaml'), 'utf8').replace('./generator/lint/redocly-plugin.js', path.join(ROOT, 'generator/lint/redocly-plugin.js'));
  writeFileSync(path.join(dir, 'spec/redocly.yaml'), `${config}\n  no-invalid-media-type-examples: ${severity}\n`);
  return path.join(dir, 'spec');
}

test('an example check at error: reported, and its validators kept for the next run; at warn: skipped when only errors are read', async () => {
  const { loadSpec } = await import('../../generator/load/load-spec.ts');
  const erring = brokenExampleSpec('error');
  const warning = brokenExampleSpec('warn');
  try {
    // The severities the example check reported, once each ([] for none).
    const fits = (problems: { rule: string; severity: string }[]) => [...new Set(problems.filter((p) => p.rule === 'no-invalid-media-type-examples').map((p) => p.severity))];
    const first = await loadSpec(path.join(erring, 'openapi.yaml'), path.join(erring, 'redocly.yaml'), { errorsOnly: true });
    assert.deepEqual(fits(first.problems), ['error']);
    assert.equal(keptValidators().installed, true, 'the cache is in place in redocly');
    assert.ok(keptValidators().count > 0);
    // The second run, from kept validators, reports the same.
    const second = await loadSpec(path.join(erring, 'openapi.yaml'), path.join(erring, 'redocly.yaml'), { errorsOnly: true });
    assert.deepEqual(second.problems, first.problems);
    // Only warned about: reported to a caller that reads warnings, skipped for one that reads errors.
    assert.deepEqual(fits((await loadSpec(path.join(warning, 'openapi.yaml'), path.join(warning, 'redocly.yaml'))).problems), ['warn']);
    assert.deepEqual(fits((await loadSpec(path.join(warning, 'openapi.yaml'), path.join(warning, 'redocly.yaml'), { errorsOnly: true })).problems), []);
  } finally {
    rmSync(path.dirname(erring), { recursive: true, force: true });
    rmSync(path.dirname(warning), { recursive: true, force: true });
  }
});
